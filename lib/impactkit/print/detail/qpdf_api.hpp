#pragma once
// Internal to lib/impactkit/print. qpdf's C API, loaded when the first PDF is written
// rather than when impactkit starts: linked, qpdf and librsvg with their
// dependencies (gnutls among them) make every command start markedly slower,
// `validate` included (bench/README.md, "Speed tricks"). It is loaded by the SONAME of the libqpdf CMake
// found (IMPACTKIT_QPDF_SONAME), the version impactkit was built against.
// qpdf's own header gives the functions' types.

#include <impactkit/print/image.hpp>

#include <qpdf/qpdf-c.h>

namespace impactkit::print::detail {

#define IMPACTKIT_QPDF_FUNCTIONS(X)  \
  X(qpdf_add_page)                   \
  X(qpdf_remove_page)                \
  X(qpdf_cleanup)                    \
  X(qpdf_get_buffer)                 \
  X(qpdf_get_buffer_length)          \
  X(qpdf_get_error)                  \
  X(qpdf_get_error_full_text)        \
  X(qpdf_get_num_pages)              \
  X(qpdf_get_page_n)                 \
  X(qpdf_get_qpdf_version)           \
  X(qpdf_get_root)                   \
  X(qpdf_get_trailer)                \
  X(qpdf_has_error)                  \
  X(qpdf_init)                       \
  X(qpdf_init_write_memory)          \
  X(qpdf_make_indirect_object)       \
  X(qpdf_oh_append_item)             \
  X(qpdf_oh_begin_dict_key_iter)     \
  X(qpdf_oh_dict_more_keys)          \
  X(qpdf_oh_dict_next_key)           \
  X(qpdf_oh_get_dict)                \
  X(qpdf_oh_get_key)                 \
  X(qpdf_oh_get_name)                \
  X(qpdf_oh_get_object_id)           \
  X(qpdf_oh_get_stream_data)         \
  X(qpdf_oh_has_key)                 \
  X(qpdf_oh_is_dictionary)           \
  X(qpdf_oh_is_name)                 \
  X(qpdf_oh_is_stream)               \
  X(qpdf_oh_new_array)               \
  X(qpdf_oh_new_dictionary)          \
  X(qpdf_oh_new_integer)             \
  X(qpdf_oh_new_name)                \
  X(qpdf_oh_new_real_from_double)    \
  X(qpdf_oh_new_unicode_string)      \
  X(qpdf_oh_parse)                   \
  X(qpdf_oh_remove_key)              \
  X(qpdf_oh_replace_key)             \
  X(qpdf_read)                       \
  X(qpdf_oh_get_array_n_items)       \
  X(qpdf_oh_get_array_item)          \
  X(qpdf_oh_get_numeric_value)       \
  X(qpdf_oh_is_array)                \
  X(qpdf_oh_is_number)               \
  X(qpdf_oh_get_type_code)           \
  X(qpdf_read_memory)                \
  X(qpdf_set_decode_level)           \
  X(qpdf_set_deterministic_ID)       \
  X(qpdf_set_suppress_warnings)      \
  X(qpdf_silence_errors)             \
  X(qpdf_init_write)                 \
  X(qpdf_set_compress_streams)       \
  X(qpdf_set_minimum_pdf_version)    \
  X(qpdf_oh_new_stream)              \
  X(qpdf_oh_replace_stream_data)     \
  X(qpdf_oh_get_page_content_data)   \
  X(qpdf_oh_new_binary_string)       \
  X(qpdf_oh_get_binary_string_value) \
  X(qpdf_oh_get_int_value_as_int)    \
  X(qpdf_oh_is_integer)              \
  X(qpdf_oh_new_null)                \
  X(qpdf_oh_is_string)               \
  X(qpdf_oh_get_utf8_value)          \
  X(qpdf_write)

struct QpdfApi {
#define IMPACTKIT_QPDF_DECLARE(name) decltype(&::name) name = nullptr;  // NOLINT(bugprone-macro-parentheses)
  IMPACTKIT_QPDF_FUNCTIONS(IMPACTKIT_QPDF_DECLARE)
#undef IMPACTKIT_QPDF_DECLARE
  bool loaded = false;
};

// The soname loaded: "libqpdf.so.29".
const char* qpdf_soname();

// The API, loaded once; throws PrintError when libqpdf cannot be loaded.
const QpdfApi& qpdf_api();

}  // namespace impactkit::print::detail
