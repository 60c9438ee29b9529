#include <impactkit/print/detail/qpdf_api.hpp>

#include <dlfcn.h>

#include <string>

namespace impactkit::print::detail {

const char* qpdf_soname() {
  return IMPACTKIT_QPDF_SONAME;
}

const QpdfApi& qpdf_api() {
  static const QpdfApi api = [] {
    QpdfApi a;
    void* lib = dlopen(qpdf_soname(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) return a;
    bool ok = true;
#define IMPACTKIT_QPDF_BIND(name)                                  \
  a.name = reinterpret_cast<decltype(&::name)>(dlsym(lib, #name)); \
  ok = ok && a.name != nullptr;
    IMPACTKIT_QPDF_FUNCTIONS(IMPACTKIT_QPDF_BIND)
#undef IMPACTKIT_QPDF_BIND
    a.loaded = ok;
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
