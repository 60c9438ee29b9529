#pragma once
// Internal to lib/impactkit/print. qpdf's C API, loaded when the first PDF is written
// rather than when impactkit starts: qpdf and its dependencies cost every
// command (validate, list) several milliseconds to load. qpdf's own header
// gives the functions' types.

#include <impactkit/print/image.hpp>

#include <qpdf/qpdf-c.h>

#include <dlfcn.h>

#include <type_traits>

namespace impactkit::print::detail {

#define IMPACTKIT_QPDF_FUNCTIONS(X) \
  X(qpdf_cleanup)                   \
  X(qpdf_get_buffer)                \
  X(qpdf_get_buffer_length)         \
  X(qpdf_get_error)                 \
  X(qpdf_get_error_full_text)       \
  X(qpdf_get_num_pages)             \
  X(qpdf_get_page_n)                \
  X(qpdf_get_qpdf_version)          \
  X(qpdf_get_root)                  \
  X(qpdf_get_trailer)               \
  X(qpdf_has_error)                 \
  X(qpdf_init)                      \
  X(qpdf_init_write_memory)         \
  X(qpdf_make_indirect_object)      \
  X(qpdf_oh_append_item)            \
  X(qpdf_oh_begin_dict_key_iter)    \
  X(qpdf_oh_dict_more_keys)         \
  X(qpdf_oh_dict_next_key)          \
  X(qpdf_oh_get_dict)               \
  X(qpdf_oh_get_key)                \
  X(qpdf_oh_get_name)               \
  X(qpdf_oh_get_object_id)          \
  X(qpdf_oh_get_stream_data)        \
  X(qpdf_oh_has_key)                \
  X(qpdf_oh_is_dictionary)          \
  X(qpdf_oh_is_name)                \
  X(qpdf_oh_is_stream)              \
  X(qpdf_oh_new_array)              \
  X(qpdf_oh_new_dictionary)         \
  X(qpdf_oh_new_integer)            \
  X(qpdf_oh_new_name)               \
  X(qpdf_oh_new_real_from_double)   \
  X(qpdf_oh_new_unicode_string)     \
  X(qpdf_oh_parse)                  \
  X(qpdf_oh_remove_key)             \
  X(qpdf_oh_replace_key)            \
  X(qpdf_read) \
  X(qpdf_oh_get_array_n_items) \
  X(qpdf_oh_get_array_item) \
  X(qpdf_oh_get_numeric_value) \
  X(qpdf_oh_is_array) \
  X(qpdf_oh_is_number) \
  X(qpdf_oh_get_type_code) \
  X(qpdf_read_memory)               \
  X(qpdf_set_decode_level)          \
  X(qpdf_set_deterministic_ID)      \
  X(qpdf_set_suppress_warnings)     \
  X(qpdf_silence_errors)            \
  X(qpdf_write)

struct QpdfApi {
#define IMPACTKIT_QPDF_DECLARE(name) decltype(&::name) name = nullptr;  // NOLINT(bugprone-macro-parentheses)
  IMPACTKIT_QPDF_FUNCTIONS(IMPACTKIT_QPDF_DECLARE)
#undef IMPACTKIT_QPDF_DECLARE
  bool loaded = false;
};

// The API; throws PrintError when libqpdf cannot be loaded.
inline const QpdfApi& qpdf_api() {
  static const QpdfApi api = [] {
    QpdfApi a;
    void* lib = dlopen("libqpdf.so.29", RTLD_NOW | RTLD_LOCAL);
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
  if (!api.loaded)
    throw PrintError("cannot load libqpdf (libqpdf.so.29) to set the page boxes: install the Debian package libqpdf29");
  return api;
}

}  // namespace impactkit::print::detail
