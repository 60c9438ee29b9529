#pragma once
// A build session: the one owner of a build. It loads the content, holds
// the output folder's lock, reads and writes the manifest, decides which
// units are up to date, runs the products on threads of their own, keeps
// the work of text for the next build, and merges the products' reports in
// a fixed order. The CLI only parses options and prints the report.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/products/cards.hpp>
#include <impactkit/products/forms.hpp>
#include <impactkit/products/contact_sheet.hpp>
#include <impactkit/products/exhibit.hpp>
#include <impactkit/products/posters.hpp>
#include <impactkit/products/wheel.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace impactkit::pipeline {

struct BuildSettings {
  std::vector<std::string> only;  // posters, cards, forms, laser, wheel; empty: all
  std::vector<std::string> sizes;
  std::vector<std::string> languages;
  std::vector<std::string> cases;
  std::vector<std::string> posters;  // poster kinds
  std::filesystem::path output_dir;  // empty: ROOT/output
  bool allow_overflow = false;
  bool rebuild = false;  // make everything again, whatever the last build made
  bool force = false;    // replace a file at an output's path that no build made (else: exit 3, nothing written)
  unsigned jobs = 0;     // threads; 0: one per core
  bool crop_marks = false;
  bool pdfx = false;
  double preview_dpi = 20;
  // After the products, OUTPUT/preview/contact-sheet.png of all their
  // previews (impactkit preview).
  bool contact_sheet = false;
  // A source map beside each poster and card preview (impactkit serve).
  bool source_maps = false;
};

// What a build did, product by product, in the order posters, cards,
// forms, laser, wheel. A product that was up to date has `unchanged` set and no
// report of its own.
struct BuildReport {
  enum class Outcome {
    ok,
    content_errors,  // the content did not load: nothing was made
    setting_errors,  // the settings name a language, size or case the roadshow does not have: nothing was made
    product_errors,  // a product found errors (text that does not fit): nothing was written
    file_error,      // a file could not be read or written, or the output folder not used
  };
  Outcome outcome = Outcome::ok;
  std::string title;
  std::filesystem::path output_dir;
  std::string failure;  // what could not be read or written
  Diagnostics diagnostics;
  std::vector<std::string> notes;
  std::vector<std::string> unchanged;  // products up to date: "cards", "forms", "laser", "wheel"
  std::optional<products::PosterReport> posters;
  std::optional<products::DeckReport> cards;
  std::optional<products::FormReport> forms;
  std::optional<products::ExhibitReport> laser;
  std::optional<products::WheelReport> wheel;
  std::optional<products::ContactSheetReport> contact_sheet;
  // What the summary names beside the products' own reports.
  std::string card_size;
  std::string laser_material;
  std::string wheel_material;
  double wheel_diameter_mm = 0;
};

// Told what the build does, for a progress line; every call is from one
// thread at a time.
struct BuildProgress {
  // Waiting for another build of the output folder, held by `holder` ("pid 1234").
  std::function<void(const std::filesystem::path& output_dir, const std::string& holder)> waiting;
  std::function<void(const std::string& product)> started;
  std::function<void(const std::string& product)> finished;
  std::function<void()> file_made;
};

class Session {
 public:
  Session(std::filesystem::path root, BuildSettings settings, BuildProgress progress = {});

  // Builds what is not up to date. A build with errors — in the content,
  // the settings or a product — writes nothing: the products' files wait
  // in OUTPUT/.impactkit/staging and are moved into place only when every
  // product succeeded (core/staging.hpp). A language, size or case named
  // twice in the settings is built once.
  BuildReport build();

 private:
  std::filesystem::path root_;
  BuildSettings settings_;
  BuildProgress progress_;
};

}  // namespace impactkit::pipeline
