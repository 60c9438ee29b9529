#include <impactkit/text/detail/kept_shapes.hpp>
#include <impactkit/text/detail/pattern_file.hpp>
#include <impactkit/text/kept.hpp>

namespace impactkit::text {

void keep_between_runs(const std::filesystem::path& folder) {
  detail::keep_compiled_patterns(folder);
  detail::KeptShapes::process().set_folder(folder);
}

void load_kept() {
  detail::KeptShapes::process().load();
}

void save_kept() {
  detail::KeptShapes::process().save();
}

}  // namespace impactkit::text
