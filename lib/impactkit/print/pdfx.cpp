// PDF/X-3 made by Ghostscript (declared in print/pdf.hpp).

#include <impactkit/core/child_process.hpp>
#include <impactkit/core/file_io.hpp>
#include <impactkit/print/detail/document_date.hpp>
#include <impactkit/print/pdf.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string_view>
#include <system_error>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace impactkit::print {
namespace fs = std::filesystem;

namespace {

// Ghostscript converts an A0 poster in seconds; one that takes this long
// is stuck on its input.
constexpr auto ghostscript_timeout = std::chrono::minutes(5);

// A folder for one job, removed with its contents when done.
class WorkDir {
 public:
  explicit WorkDir(const fs::path& beside) {
    // Named as write_file_atomically names its temporaries, so that a build
    // killed while Ghostscript runs leaves a folder the next build removes.
    std::string pattern = (beside.parent_path() / (temporary_prefix(beside) + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) {
      throw fs::filesystem_error("cannot make a working folder", fs::path(pattern),
                                 std::error_code(errno, std::generic_category()));
    }
    path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A PostScript string literal.
std::string ps_string(const std::string& text) {
  std::string out = "(";
  for (const char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// The pdfmarks that make pdfwrite's output PDF/X-3: its version in the
// document info and the output intent (what the colours are meant for).
std::string pdfx_definitions(const PdfxOptions& options) {
  std::string ps = "%!\n% PDF/X-3 definitions for Ghostscript's pdfwrite, written by impactkit.\n";
  ps += "[ /GTS_PDFXVersion (PDF/X-3:2002) /Trapped /False /DOCINFO pdfmark\n";
  if (options.icc_profile) {
    ps += "[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark\n";
    ps += "[{icc_PDFX} << /N 4 >> /PUT pdfmark\n";
    ps += "[{icc_PDFX} " + ps_string(options.icc_profile->string()) + " (r) file /PUT pdfmark\n";
  }
  ps += "[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark\n";
  ps += "[{OutputIntent_PDFX} <<\n  /Type /OutputIntent /S /GTS_PDFX\n";
  ps += "  /OutputCondition " + ps_string(options.output_condition) + "\n";
  ps += "  /OutputConditionIdentifier " + ps_string(options.output_condition_identifier) + "\n";
  ps += "  /RegistryName (http://www.color.org) /Info " + ps_string(options.output_condition) + "\n";
  if (options.icc_profile) ps += "  /DestOutputProfile {icc_PDFX}\n";
  ps += ">> /PUT pdfmark\n";
  ps += "[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark\n";
  return ps;
}

// This process's environment with SOURCE_DATE_EPOCH set, so that
// Ghostscript's dates are reproducible too.
std::vector<std::string> child_environment(std::int64_t epoch) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    if (std::string_view(*e).starts_with("SOURCE_DATE_EPOCH=")) continue;
    env.emplace_back(*e);
  }
  env.push_back("SOURCE_DATE_EPOCH=" + std::to_string(epoch));
  return env;
}

// The last lines of Ghostscript's messages, for an error.
std::string tail(std::string text, std::size_t max_chars = 2000) {
  if (text.size() > max_chars) text = "..." + text.substr(text.size() - max_chars);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::optional<fs::path> find_ghostscript() {
  return find_program("gs");
}

void make_pdfx(const fs::path& in, const fs::path& out, const PdfxOptions& options) {
  const auto gs = find_ghostscript();
  if (!gs) {
    throw PrintError("PDF/X needs Ghostscript: install the Debian package ghostscript (apt-get install ghostscript)");
  }
  std::error_code ec;
  if (!fs::is_regular_file(in, ec)) throw PrintError("PDF/X: no such PDF: '" + in.string() + "'");
  if (options.icc_profile && !fs::is_regular_file(*options.icc_profile, ec)) {
    throw PrintError("PDF/X: no such ICC profile: '" + options.icc_profile->string() + "'");
  }
  const WorkDir work(fs::absolute(out));
  const fs::path definitions = work.path() / "PDFX_def.ps";
  const fs::path made = work.path() / "pdfx.pdf";
  write_file_atomically(definitions, pdfx_definitions(options));
  std::vector<std::string> args = {"-q",
                                   "-dBATCH",
                                   "-dNOPAUSE",
                                   "-dSAFER",
                                   "-sDEVICE=pdfwrite",
                                   "-dPDFX=true",
                                   "-sColorConversionStrategy=CMYK",
                                   "-sProcessColorModel=DeviceCMYK",
                                   "-sOutputFile=" + made.string()};
  if (options.icc_profile) args.push_back("--permit-file-read=" + fs::absolute(*options.icc_profile).string());
  args.push_back(definitions.string());
  args.push_back(in.string());
  ProgramOptions run_options;
  run_options.timeout = ghostscript_timeout;
  run_options.environment = child_environment(detail::document_epoch(options.source_date_epoch, nullptr));
  const ProgramRun run = run_program(*gs, args, run_options);
  if (run.end == ProgramRun::End::timed_out) {
    throw PrintError(fmt::format("PDF/X: Ghostscript ({}) took more than {} s on '{}' and was stopped", gs->string(),
                                 ghostscript_timeout.count(), in.string()));
  }
  if (!run.succeeded() || !fs::is_regular_file(made, ec)) {
    throw PrintError(fmt::format("PDF/X: Ghostscript ({}) failed on '{}' with exit status {}:\n{}", gs->string(),
                                 in.string(), run.status, tail(run.output)));
  }
  fs::rename(made, out);  // same folder, so atomic
}

}  // namespace impactkit::print
