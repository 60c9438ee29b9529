// libqpdf and librsvg are loaded when first needed, by the soname of the
// library CMake found at configure time: the file loaded is that very one.

#include <impactkit/print/detail/qpdf_api.hpp>
#include <impactkit/print/detail/rsvg_api.hpp>

#include <boost/test/unit_test.hpp>

#include <dlfcn.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace impactkit::print::detail;

namespace {

// The file that holds `symbol`, every link followed.
fs::path file_of(const void* symbol) {
  Dl_info info{};
  BOOST_TEST_REQUIRE(dladdr(symbol, &info) != 0);
  BOOST_TEST_REQUIRE(info.dli_fname != nullptr);
  return fs::canonical(info.dli_fname);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lazy_libraries)

BOOST_AUTO_TEST_CASE(libqpdf_loaded_is_the_one_configured) {
  BOOST_TEST(std::string(qpdf_soname()) == IMPACTKIT_QPDF_SONAME);
  const QpdfApi& api = qpdf_api();
  BOOST_TEST_REQUIRE(api.loaded);
  BOOST_TEST(file_of(reinterpret_cast<const void*>(api.qpdf_init)) == fs::canonical(IMPACTKIT_QPDF_SONAME_FILE));
}

BOOST_AUTO_TEST_CASE(librsvg_loaded_is_the_one_configured) {
  BOOST_TEST(std::string(rsvg_soname()) == IMPACTKIT_RSVG_SONAME);
  const RsvgApi& api = rsvg_api();
  BOOST_TEST_REQUIRE(api.loaded);
  BOOST_TEST(file_of(reinterpret_cast<const void*>(api.new_from_data)) == fs::canonical(IMPACTKIT_RSVG_SONAME_FILE));
}

BOOST_AUTO_TEST_SUITE_END()
