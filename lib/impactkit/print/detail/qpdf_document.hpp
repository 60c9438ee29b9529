#pragma once
// Internal to lib/impactkit/print. One PDF open in qpdf (its C API, see
// qpdf_api.hpp), with the few questions PDF/X asks of its objects put
// plainly. qpdf records errors instead of throwing: check() turns them
// into PrintError.

#include <impactkit/print/detail/qpdf_api.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace impactkit::print::detail {

class QpdfDocument {
 public:
  // Throws PrintError when the file cannot be read as a PDF.
  explicit QpdfDocument(const std::filesystem::path& pdf);

  qpdf_data get() const { return q_.get(); }
  const QpdfApi& api() const { return qpdf_api(); }
  // Throws PrintError naming `step` when qpdf has recorded an error.
  void check(const char* step) const;

  qpdf_oh key(qpdf_oh dict, const char* name) const { return api().qpdf_oh_get_key(get(), dict, name); }
  bool has(qpdf_oh dict, const char* name) const { return api().qpdf_oh_has_key(get(), dict, name); }
  // The name at `name` ("/DeviceRGB"), or "".
  std::string name_at(qpdf_oh dict, const char* name) const;
  std::string name_of(qpdf_oh object) const;
  std::vector<std::string> keys(qpdf_oh dict) const;
  bool is_stream(qpdf_oh o) const { return api().qpdf_oh_is_stream(get(), o); }
  bool is_dict(qpdf_oh o) const { return api().qpdf_oh_is_dictionary(get(), o); }
  bool is_array(qpdf_oh o) const { return api().qpdf_oh_is_array(get(), o); }
  // A stream's dictionary, or the object itself.
  qpdf_oh dict_of(qpdf_oh o) const { return is_stream(o) ? api().qpdf_oh_get_dict(get(), o) : o; }
  int id(qpdf_oh o) const { return api().qpdf_oh_get_object_id(get(), o); }
  int size(qpdf_oh array) const { return is_array(array) ? api().qpdf_oh_get_array_n_items(get(), array) : 0; }
  qpdf_oh at(qpdf_oh array, int i) const { return api().qpdf_oh_get_array_item(get(), array, i); }
  double number(qpdf_oh o) const { return api().qpdf_oh_get_numeric_value(get(), o); }
  int integer_at(qpdf_oh dict, const char* name, int otherwise) const;
  std::vector<double> numbers(qpdf_oh array) const;

  // Stream data, decoded by every filter qpdf knows (JPEG too); throws
  // PrintError when a filter is not one of them.
  std::string decoded(qpdf_oh stream) const;
  // A page's content streams, decoded and joined.
  std::string page_content(qpdf_oh page) const;
  // New data for a stream, unfiltered (qpdf compresses it when writing).
  void replace_data(qpdf_oh stream, const std::string& data) const;
  qpdf_oh new_stream(const std::string& data) const;
  qpdf_oh name(const char* n) const { return api().qpdf_oh_new_name(get(), n); }
  qpdf_oh numbers_array(const std::vector<double>& values) const;
  void set(qpdf_oh dict, const char* name, qpdf_oh value) const { api().qpdf_oh_replace_key(get(), dict, name, value); }

  // The PDF as bytes: streams qpdf did not touch are copied as they are.
  std::string write(const char* minimum_version) const;

 private:
  struct Deleter {
    void operator()(_qpdf_data* q) const { qpdf_api().qpdf_cleanup(&q); }
  };
  std::unique_ptr<_qpdf_data, Deleter> q_;
};

// What a page's or a form's resources draw with: the hooks of a walk over
// them, for PDF/X (pdfx_colours.cpp converts, inspect_pdfx.cpp reads).
struct ResourceHooks {
  std::function<void(qpdf_oh)> form;     // a form XObject, a tiling pattern, a soft mask's group
  std::function<void(qpdf_oh)> image;    // an image XObject
  std::function<void(qpdf_oh)> shading;  // a shading (a dictionary or a stream)
};

// Calls the hooks for the XObjects, patterns, shadings and soft masks of
// `resources`; `seen` (object numbers) keeps each object to one call.
void walk_resources(const QpdfDocument& pdf, qpdf_oh resources, std::set<int>& seen, const ResourceHooks& hooks);

}  // namespace impactkit::print::detail
