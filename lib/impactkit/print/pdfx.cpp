// PDF/X-3 made by Ghostscript (declared in print/pdf.hpp).

#include <impactkit/core/file_io.hpp>
#include <impactkit/print/detail/document_date.hpp>
#include <impactkit/print/pdf.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>
#include <system_error>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace impactkit::print {
namespace fs = std::filesystem;

namespace {

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

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Runs `program` with `args`, its output into `log`; returns its exit status
// (-1 when it could not be started or was killed).
int run(const fs::path& program, std::vector<std::string> args, std::vector<std::string> env, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::unique_ptr<posix_spawn_file_actions_t, int (*)(posix_spawn_file_actions_t*)> cleanup(
      &actions, posix_spawn_file_actions_destroy);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  args.insert(args.begin(), program.string());
  auto argv = c_strings(args);
  auto envp = c_strings(env);
  pid_t pid = 0;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data()) != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The last lines of Ghostscript's messages, for an error.
std::string tail(const fs::path& log, std::size_t max_chars = 2000) {
  std::string text = read_file(log).value_or("");
  if (text.size() > max_chars) text = "..." + text.substr(text.size() - max_chars);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::optional<fs::path> find_ghostscript() {
  const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): read-only use
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty()) continue;  // the current folder: never a place to run programs from
    const fs::path candidate = fs::path(dir) / "gs";
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
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
  const fs::path log = work.path() / "gs.log";
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
  const int status =
      run(*gs, std::move(args), child_environment(detail::document_epoch(options.source_date_epoch, nullptr)), log);
  if (status != 0 || !fs::is_regular_file(made, ec)) {
    throw PrintError(fmt::format("PDF/X: Ghostscript ({}) failed on '{}' with exit status {}:\n{}", gs->string(),
                                 in.string(), status, tail(log)));
  }
  fs::rename(made, out);  // same folder, so atomic
}

}  // namespace impactkit::print
