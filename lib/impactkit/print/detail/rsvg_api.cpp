#include <impactkit/print/detail/rsvg_api.hpp>
#include <impactkit/print/image.hpp>

#include <impactkit/print/detail/lazy_library.hpp>

#include <string>

namespace impactkit::print::detail {

const char* rsvg_soname() {
  return IMPACTKIT_RSVG_SONAME;
}

const RsvgApi& rsvg_api() {
  static const RsvgApi api = [] {
    RsvgApi a;
    LazyLibrary lib(rsvg_soname());
    lib.bind(a.new_from_data, "rsvg_handle_new_from_data");
    lib.bind(a.intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels");
    lib.bind(a.intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions");
    lib.bind(a.render_document, "rsvg_handle_render_document");
    lib.bind(a.set_stylesheet, "rsvg_handle_set_stylesheet");
    lib.bind(a.object_unref, "g_object_unref");
    lib.bind(a.error_free, "g_error_free");
    a.loaded = lib.usable();
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
