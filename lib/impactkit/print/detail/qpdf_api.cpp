#include <impactkit/print/detail/qpdf_api.hpp>

#include <impactkit/print/detail/lazy_library.hpp>

#include <string>

namespace impactkit::print::detail {

const char* qpdf_soname() {
  return IMPACTKIT_QPDF_SONAME;
}

const QpdfApi& qpdf_api() {
  static const QpdfApi api = [] {
    QpdfApi a;
    LazyLibrary lib(qpdf_soname());
#define IMPACTKIT_QPDF_BIND(name) lib.bind(a.name, #name);
    IMPACTKIT_QPDF_FUNCTIONS(IMPACTKIT_QPDF_BIND)
#undef IMPACTKIT_QPDF_BIND
    a.loaded = lib.usable();
    return a;
  }();
  if (!api.loaded) {
    throw PrintError("cannot load libqpdf (" + std::string(qpdf_soname()) +
                     ", the version impactkit was built with) to set the page boxes: install it, or build "
                     "impactkit again against the libqpdf installed");
  }
  return api;
}

}  // namespace impactkit::print::detail
