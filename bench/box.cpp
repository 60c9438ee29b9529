// impactkit-fab-box FOLDER: the closed six-part finger-jointed box of the
// benchmark (400 × 300 × 200 mm, 6 mm, kerf 0.2) nested and written as SVG
// into FOLDER — process start to files on disk.

#include <impactkit/core/diagnostics.hpp>
#include <impactkit/fab/box.hpp>
#include <impactkit/fab/job.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: impactkit-fab-box FOLDER\n");
    return 2;
  }
  using namespace impactkit::fab;
  Job job;
  job.name = "box";
  job.joints.thickness_mm = 6;
  job.parts = finger_box({400, 300, 200}, job.joints, "box ");
  job.sheet = {1200, 600, "birch-plywood-6"};
  job.nesting.kerf_mm = 0.2;
  impactkit::Diagnostics diags;
  const auto layout = plan_cuts(job, diags);
  for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", impactkit::format(d).c_str());
  if (!layout) return 1;
  try {
    write_laser_files(job, *layout, default_shop(), argv[1], false);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "impactkit-fab-box: %s\n", e.what());
    return 1;
  }
  return 0;
}
