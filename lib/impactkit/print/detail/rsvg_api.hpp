#pragma once
// Internal to lib/impactkit/print. The few functions of librsvg that images
// need, loaded when the first SVG is read rather than when impactkit starts
// (see detail/qpdf_api.hpp for what linking costs): most runs draw no SVG.
// It is loaded by the SONAME of the librsvg CMake found
// (IMPACTKIT_RSVG_SONAME), the version impactkit was built against. Its own
// header gives the functions' types.

#include <librsvg/rsvg.h>

namespace impactkit::print::detail {

struct RsvgApi {
  decltype(&rsvg_handle_new_from_data) new_from_data = nullptr;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsic_size_in_pixels = nullptr;
  decltype(&rsvg_handle_get_intrinsic_dimensions) intrinsic_dimensions = nullptr;
  decltype(&rsvg_handle_render_document) render_document = nullptr;
  decltype(&rsvg_handle_set_stylesheet) set_stylesheet = nullptr;
  decltype(&g_object_unref) object_unref = nullptr;
  decltype(&g_error_free) error_free = nullptr;
  bool loaded = false;
};

// The soname loaded: "librsvg-2.so.2".
const char* rsvg_soname();

// The functions, loaded once; throws PrintError when librsvg cannot be loaded.
const RsvgApi& rsvg_api();

}  // namespace impactkit::print::detail
