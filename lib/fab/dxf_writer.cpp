#include <impactkit/core/file_io.hpp>
#include <impactkit/fab/dxf_writer.hpp>

#include <dxflib/dl_dxf.h>
#include <dxflib/dl_writer_ascii.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include <unistd.h>

namespace impactkit::fab {

namespace {

namespace fs = std::filesystem;

// dxflib writes only to a named file: it gets a scratch file, removed when
// this goes, and the caller writes the text atomically where it belongs.
class ScratchFile {
 public:
  ScratchFile() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("impactkit-dxf-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".dxf");
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Writer {
  DL_Dxf& dxf;
  DL_WriterA& dw;
  double sheet_height_mm;

  double y(double y_mm) const { return sheet_height_mm - y_mm; }

  void polyline(const Polygon& p, bool closed, const std::string& layer) {
    if (p.size() == 2 && !closed) {
      dxf.writeLine(dw, DL_LineData(p[0].x, y(p[0].y), 0, p[1].x, y(p[1].y), 0),
                    DL_Attributes(layer, 256, -1, "BYLAYER", 1.0));
      return;
    }
    dxf.writePolyline(dw, DL_PolylineData(static_cast<int>(p.size()), 0, 0, closed ? 1 : 0),
                      DL_Attributes(layer, 256, -1, "BYLAYER", 1.0));
    for (const Point& q : p) dxf.writeVertex(dw, DL_VertexData(q.x, y(q.y), 0, 0));
    dxf.writePolylineEnd(dw);
  }

  void contour(const Contour& c, const std::string& layer) {
    if (c.is_circle()) {
      dxf.writeCircle(dw, DL_CircleData(c.circle->centre.x, y(c.circle->centre.y), 0, c.circle->radius_mm),
                      DL_Attributes(layer, 256, -1, "BYLAYER", 1.0));
    } else {
      polyline(c.polygon, true, layer);
    }
  }
};

void write_tables(DL_Dxf& dxf, DL_WriterA& dw) {
  dw.sectionTables();
  dxf.writeVPort(dw);
  dw.tableLinetypes(3);
  dxf.writeLinetype(dw, DL_LinetypeData("BYBLOCK", "", 0, 0, 0.0));
  dxf.writeLinetype(dw, DL_LinetypeData("BYLAYER", "", 0, 0, 0.0));
  dxf.writeLinetype(dw, DL_LinetypeData("CONTINUOUS", "Solid line", 0, 0, 0.0));
  dw.tableEnd();
  dw.tableLayers(4);
  // ACI colours: 7 white/black, 1 red, 5 blue.
  dxf.writeLayer(dw, DL_LayerData("0", 0), DL_Attributes("", 7, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("CUT", 0), DL_Attributes("", 1, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("SCORE", 0), DL_Attributes("", 5, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("ENGRAVE", 0), DL_Attributes("", 7, 100, "CONTINUOUS", 1.0));
  dw.tableEnd();
  dw.tableStyle(1);
  // "Standard", capitalised: only under that name does dxflib keep the style's handle for the
  // dimension style (else it writes an uninitialised one, and the file differs from run to run).
  dxf.writeStyle(dw, DL_StyleData("Standard", 0, 2.5, 1.0, 0.0, 0, 2.5, "txt", ""));
  dw.tableEnd();
  dxf.writeView(dw);
  dxf.writeUcs(dw);
  dw.tableAppid(1);
  dxf.writeAppid(dw, "ACAD");
  dw.tableEnd();
  dxf.writeDimStyle(dw, 1, 1, 1, 1, 1);
  dxf.writeBlockRecord(dw);
  dw.tableEnd();
  dw.sectionEnd();
}

void write_blocks(DL_Dxf& dxf, DL_WriterA& dw) {
  dw.sectionBlocks();
  for (const char* name : {"*Model_Space", "*Paper_Space", "*Paper_Space0"}) {
    dxf.writeBlock(dw, DL_BlockData(name, 0, 0.0, 0.0, 0.0));
    dxf.writeEndBlock(dw, name);
  }
  dw.sectionEnd();
}

}  // namespace

std::string sheet_dxf(const std::vector<Part>& parts, const Sheet& sheet) {
  ScratchFile scratch;
  {
    DL_Dxf dxf;
    DL_WriterA dw(scratch.path().c_str(), DL_Codes::AC1015);
    if (dw.openFailed()) throw std::runtime_error("cannot write the DXF scratch file " + scratch.path().string());
    dxf.writeHeader(dw);
    dw.dxfString(9, "$INSUNITS");
    dw.dxfInt(70, 4);  // millimetres
    dw.dxfString(9, "$MEASUREMENT");
    dw.dxfInt(70, 1);  // metric
    dw.sectionEnd();
    write_tables(dxf, dw);
    write_blocks(dxf, dw);
    dw.sectionEntities();
    Writer w{dxf, dw, sheet.height_mm};
    for (const Part& p : parts)
      for (const Polygon& e : p.engravings) w.polyline(e, true, "ENGRAVE");
    for (const Part& p : parts)
      for (const Polygon& s : p.score_lines) w.polyline(s, false, "SCORE");
    for (const Part& p : parts)
      for (const Contour& h : p.holes) w.contour(h, "CUT");
    for (const Part& p : parts) w.contour(p.outline, "CUT");
    dw.sectionEnd();
    dxf.writeObjects(dw);
    dxf.writeObjectsEnd(dw);
    dw.dxfEOF();
    dw.close();
  }
  auto text = read_file(scratch.path());
  if (!text) throw std::runtime_error("cannot read back the DXF scratch file " + scratch.path().string());
  return std::move(*text);
}

}  // namespace impactkit::fab
