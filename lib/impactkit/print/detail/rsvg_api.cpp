#include <impactkit/print/detail/rsvg_api.hpp>
#include <impactkit/print/image.hpp>

#include <dlfcn.h>

#include <string>
#include <type_traits>

namespace impactkit::print::detail {

const char* rsvg_soname() {
  return IMPACTKIT_RSVG_SONAME;
}

const RsvgApi& rsvg_api() {
  static const RsvgApi api = [] {
    RsvgApi a;
    void* lib = dlopen(rsvg_soname(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) return a;
    bool ok = true;
    const auto bind = [&](auto& function, const char* name) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(lib, name));
      ok = ok && function != nullptr;
    };
    bind(a.new_from_file, "rsvg_handle_new_from_file");
    bind(a.intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels");
    bind(a.intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions");
    bind(a.render_document, "rsvg_handle_render_document");
    bind(a.set_stylesheet, "rsvg_handle_set_stylesheet");
    bind(a.object_unref, "g_object_unref");
    bind(a.error_free, "g_error_free");
    a.loaded = ok;  // an unusable library counts as none; the process keeps it mapped
    return a;
  }();
  if (!api.loaded) {
    throw PrintError("cannot load librsvg (" + std::string(rsvg_soname()) +
                     ", the version impactkit was built with) to draw an SVG: install it, or build impactkit "
                     "again against the librsvg installed");
  }
  return api;
}

}  // namespace impactkit::print::detail
