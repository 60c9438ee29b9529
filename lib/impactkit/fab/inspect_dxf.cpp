#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/inspect.hpp>

#include <dxflib/dl_creationadapter.h>
#include <dxflib/dl_dxf.h>

#include <sstream>
#include <stdexcept>

namespace impactkit::fab {
namespace {

// As for a sheet's SVG (inspect.cpp): a DXF in the output folder is as
// untrusted as the content, and far below this for any laser sheet.
constexpr std::uintmax_t max_sheet_bytes = 64ull << 20;

// Collects the closed contours of the CUT and ENGRAVE layers. dxflib tells
// a polyline's vertices one by one after the polyline itself; a contour
// ends with the next entity or the end of the file.
class Drawing : public DL_CreationAdapter {
 public:
  Drawing(DrawnSheet& sheet, double flip_mm) : sheet_(sheet), flip_mm_(flip_mm) {}

  void addPolyline(const DL_PolylineData& d) override {
    finish();
    const std::string layer = getAttributes().getLayer();
    if ((d.flags & 1) == 0) return;  // open: a score line (an open cut is the SVG check's)
    if (layer == "CUT") into_ = Into::cut;
    if (layer == "ENGRAVE") into_ = Into::engrave;
  }
  void addVertex(const DL_VertexData& d) override {
    if (into_ != Into::nothing) current_.push_back({d.x, y(d.y)});
  }
  void addCircle(const DL_CircleData& d) override {
    finish();
    if (getAttributes().getLayer() == "CUT") sheet_.cuts.push_back(Contour::of(Circle{{d.cx, y(d.cy)}, d.radius}));
  }
  void addLine(const DL_LineData&) override { finish(); }
  void addArc(const DL_ArcData&) override { finish(); }
  void addText(const DL_TextData&) override { finish(); }
  void addMText(const DL_MTextData&) override { finish(); }
  void endEntity() override { finish(); }
  void endSequence() override { finish(); }

  void finish() {
    if (current_.size() >= 3) {
      if (into_ == Into::cut) sheet_.cuts.push_back(Contour::of(current_));
      if (into_ == Into::engrave) sheet_.engravings.push_back(current_);
    }
    into_ = Into::nothing;
    current_.clear();
  }

 private:
  enum class Into { nothing, cut, engrave };
  // DXF's y runs up; with the sheet's height, turned into the SVG's frame.
  double y(double dxf_y) const { return flip_mm_ > 0 ? flip_mm_ - dxf_y : dxf_y; }

  DrawnSheet& sheet_;
  double flip_mm_;
  Into into_ = Into::nothing;
  Polygon current_;
};

}  // namespace

DrawnSheet inspect_sheet_dxf(const std::filesystem::path& dxf, double sheet_height_mm) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(dxf, ec);
  if (ec) throw std::runtime_error("cannot read " + dxf.string() + ": " + ec.message());
  if (size > max_sheet_bytes) {
    throw std::runtime_error("larger than preflight reads: " + std::to_string(size) + " bytes, at most " +
                             std::to_string(max_sheet_bytes));
  }
  const auto text = read_file(dxf);
  if (!text) throw std::runtime_error("cannot read " + dxf.string());
  std::istringstream in(*text);
  DrawnSheet sheet;
  Drawing drawing(sheet, sheet_height_mm);
  DL_Dxf reader;
  if (!reader.in(in, &drawing)) throw std::runtime_error("dxflib cannot read it as a DXF");
  drawing.finish();
  return sheet;
}

}  // namespace impactkit::fab
