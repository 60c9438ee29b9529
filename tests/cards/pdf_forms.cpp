#include "cards/pdf_forms.hpp"

#include <qpdf/qpdf-c.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace impactkit::test {
namespace {

constexpr double mm_per_pt = 25.4 / 72.0;

// An affine matrix [a b c d e f] as in PDF: x' = a x + c y + e, y' = b x + d y + f.
using Matrix = std::array<double, 6>;

Matrix multiply(const Matrix& m, const Matrix& by) {  // m then by
  return {m[0] * by[0] + m[1] * by[2], m[0] * by[1] + m[1] * by[3],         m[2] * by[0] + m[3] * by[2],
          m[2] * by[1] + m[3] * by[3], m[4] * by[0] + m[5] * by[2] + by[4], m[4] * by[1] + m[5] * by[3] + by[5]};
}

std::array<double, 2> apply(const Matrix& m, double x, double y) {
  return {m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]};
}

struct QpdfDeleter {
  void operator()(_qpdf_data* q) const { qpdf_cleanup(&q); }
};

}  // namespace

std::vector<PageDrawing> read_drawings(const std::filesystem::path& pdf) {
  const std::unique_ptr<_qpdf_data, QpdfDeleter> owner(qpdf_init());
  qpdf_data q = owner.get();
  qpdf_silence_errors(q);
  if (qpdf_read(q, pdf.c_str(), nullptr) != QPDF_SUCCESS) throw std::runtime_error("cannot read " + pdf.string());
  std::vector<PageDrawing> pages;
  const int n = qpdf_get_num_pages(q);
  for (int p = 0; p < n; ++p) {
    const qpdf_oh page = qpdf_get_page_n(q, static_cast<std::size_t>(p));
    PageDrawing drawing;
    const qpdf_oh media = qpdf_oh_get_key(q, page, "/MediaBox");
    const double page_h = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3));
    drawing.width_mm = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 2)) * mm_per_pt;
    drawing.height_mm = page_h * mm_per_pt;
    const qpdf_oh xobjects = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/XObject");

    unsigned char* data = nullptr;
    size_t size = 0;
    qpdf_oh_get_page_content_data(q, page, &data, &size);
    const std::unique_ptr<unsigned char, void (*)(void*)> content(data, std::free);
    std::istringstream tokens(std::string(reinterpret_cast<const char*>(data), size));

    // PDF space (pt, y up) to the page's top-left in mm, y down.
    const auto to_mm = [&](const std::array<double, 2>& pt) {
      return std::array<double, 2>{pt[0] * mm_per_pt, (page_h - pt[1]) * mm_per_pt};
    };
    struct State {
      Matrix ctm{1, 0, 0, 1, 0, 0};
      std::array<double, 4> clip{0, 0, 1e9, 1e9};  // left, top, right, bottom in mm
    };
    std::vector<State> stack;
    State state;
    Matrix& ctm = state.ctm;
    std::array<double, 4> rect{};  // the last rectangle of the current path, in mm
    std::vector<std::string> operands;
    std::array<double, 2> current{};
    std::vector<std::array<double, 4>> path;
    std::string token;
    const auto number = [&](std::size_t from_end) { return std::stod(operands[operands.size() - from_end]); };
    while (tokens >> token) {
      const bool is_operand = token[0] == '/' || token[0] == '[' || token[0] == ']' || token[0] == '-' ||
                              token[0] == '.' || (token[0] >= '0' && token[0] <= '9');
      if (is_operand) {
        operands.push_back(token);
        continue;
      }
      if (token == "q") {
        stack.push_back(state);
      } else if (token == "Q" && !stack.empty()) {
        state = stack.back();
        stack.pop_back();
      } else if (token == "re" && operands.size() >= 4) {
        const auto a = to_mm(apply(ctm, number(4), number(3)));
        const auto b = to_mm(apply(ctm, number(4) + number(2), number(3) + number(1)));
        rect = {std::min(a[0], b[0]), std::min(a[1], b[1]), std::max(a[0], b[0]), std::max(a[1], b[1])};
      } else if (token == "W") {
        state.clip = {std::max(state.clip[0], rect[0]), std::max(state.clip[1], rect[1]),
                      std::min(state.clip[2], rect[2]), std::min(state.clip[3], rect[3])};
      } else if (token == "cm" && operands.size() >= 6) {
        const Matrix m{number(6), number(5), number(4), number(3), number(2), number(1)};
        ctm = multiply(m, ctm);
      } else if (token == "m" && operands.size() >= 2) {
        current = apply(ctm, number(2), number(1));
      } else if (token == "l" && operands.size() >= 2) {
        const auto next = apply(ctm, number(2), number(1));
        path.push_back({current[0], current[1], next[0], next[1]});
        current = next;
      } else if (token == "S") {
        for (const auto& seg : path) {
          const auto a = to_mm({seg[0], seg[1]});
          const auto b = to_mm({seg[2], seg[3]});
          drawing.lines.push_back({a[0], a[1], b[0], b[1]});
        }
        path.clear();
      } else if (token == "n" || token == "f" || token == "B" || token == "b") {
        path.clear();
      } else if (token == "Do" && !operands.empty()) {
        PlacedForm form;
        form.name = operands.back();
        const qpdf_oh xobject = qpdf_oh_get_key(q, xobjects, form.name.c_str());
        form.object = qpdf_oh_get_object_id(q, xobject);
        const auto origin = to_mm(apply(ctm, 0, 0));
        form.x_mm = origin[0];
        form.y_mm = origin[1];
        form.clip_left_mm = state.clip[0];
        form.clip_top_mm = state.clip[1];
        form.clip_right_mm = state.clip[2];
        form.clip_bottom_mm = state.clip[3];
        drawing.forms.push_back(form);
      }
      operands.clear();
    }
    pages.push_back(std::move(drawing));
  }
  return pages;
}

}  // namespace impactkit::test
