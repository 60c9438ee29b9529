#pragma once
// Internal to lib/impactkit/print. A shared library opened by its SONAME
// when first needed, and its functions bound by name: how libqpdf and
// librsvg are loaded (qpdf_api, rsvg_api). The handle is never closed: the
// bound functions are used until the process ends.

#include <dlfcn.h>

namespace impactkit::print::detail {

class LazyLibrary {
 public:
  explicit LazyLibrary(const char* soname) : handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {}

  // Binds `function` to the library's symbol `name`; null when missing.
  template <class F>
  void bind(F*& function, const char* name) {
    function = handle_ ? reinterpret_cast<F*>(dlsym(handle_, name)) : nullptr;
    bound_all_ = bound_all_ && function != nullptr;
  }

  // Whether the library was found and every function bound: a library
  // without one of them counts as none.
  bool usable() const { return handle_ != nullptr && bound_all_; }

 private:
  void* handle_;
  bool bound_all_ = true;
};

}  // namespace impactkit::print::detail
