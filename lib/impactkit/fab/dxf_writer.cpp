#include <impactkit/fab/dxf_writer.hpp>

#include <impactkit/core/numbers.hpp>
#include <impactkit/fab/notes.hpp>

#include <dxflib/dl_dxf.h>
#include <dxflib/dl_writer_ascii.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace impactkit::fab {

namespace {

// dxflib's own ASCII writer (DL_WriterA) writes to a named file and flushes
// it after every number: a system call per coordinate, most of a large
// laser job's time, and a scratch file outside the output folder. This
// writer keeps the text in memory, formatted exactly as DL_WriterA does.
// DL_Dxf takes only a DL_WriterA, so this is one whose every output call is
// overridden; the file it opens is /dev/null and is never written.
class TextWriter : public DL_WriterA {
 public:
  explicit TextWriter(DL_Codes::version version) : DL_WriterA("/dev/null", version) {}

  void dxfReal(int gc, double value) const override {
    // DL_WriterA's "%.16f", digit for digit (core/numbers.hpp), at a
    // fraction of printf's cost.
    number_.clear();
    append_fixed(number_, value, 16);
    std::string_view number = number_;
    // As DL_WriterA: trailing zeros cut, one digit kept after the dot.
    const auto dot = number.find('.');
    if (dot != std::string_view::npos) {
      const auto last = number.find_last_not_of('0');
      number = number.substr(0, std::max(last + 1, dot + 2));
    }
    group(gc);
    text_.append(number);
    text_ += '\n';
  }
  void dxfInt(int gc, int value) const override {
    group(gc);
    text_ += std::to_string(value);
    text_ += '\n';
  }
  void dxfHex(int gc, int value) const override {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%0X", static_cast<unsigned>(value));
    dxfString(gc, buffer.data());
  }
  void dxfString(int gc, const char* value) const override {
    if (value == nullptr) return;
    group(gc);
    text_ += value;
    text_ += '\n';
  }
  void dxfString(int gc, const std::string& value) const override { dxfString(gc, value.c_str()); }

  std::string take() { return std::move(text_); }
  std::size_t size() const { return text_.size(); }
  // The text written since `from` (a size()), replaced by `rewritten`.
  void rewrite_from(std::size_t from, const std::function<std::string(std::string_view)>& rewritten) {
    std::string tail = rewritten(std::string_view(text_).substr(from));
    text_.resize(from);
    text_ += tail;
  }

 private:
  // The group code right-aligned in three columns, as every DXF writer does.
  void group(int gc) const {
    if (gc < 0 || gc > 999) {
      text_ += std::to_string(gc);
      text_ += '\n';
      return;
    }
    const std::array<char, 4> code = {gc < 100 ? ' ' : static_cast<char>('0' + gc / 100),
                                      gc < 10 ? ' ' : static_cast<char>('0' + gc / 10 % 10),
                                      static_cast<char>('0' + gc % 10), '\n'};
    text_.append(code.data(), code.size());
  }
  mutable std::string text_;  // dxflib's writer interface is const
  mutable std::string number_;
};

// Text for a DXF string: every character beyond ASCII as \U+XXXX, DXF's
// escape for what the file's code page cannot hold (R2000 files are not
// UTF-8); beyond the 16-bit range, which the escape cannot name, '?'.
std::string dxf_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const int extra = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (lead < 0x80 || extra == 0 || i + extra >= utf8.size()) {
      out += lead < 0x80 ? static_cast<char>(lead) : '?';  // ASCII, or not UTF-8
      ++i;
      continue;
    }
    unsigned code = lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) code = code << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += code <= 0xFFFF ? fmt::format("\\U+{:04X}", code) : std::string("?");
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

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

  // `text` centred on `centre`, `height_mm` tall.
  void text(const std::string& text, Point centre, double height_mm) {
    const double x = centre.x;
    const double yy = y(centre.y);
    dxf.writeText(dw, DL_TextData(x, yy, 0, x, yy, 0, height_mm, 1.0, 0, 1, 2, dxf_text(text), "Standard", 0.0),
                  DL_Attributes("NOTES", 256, -1, "BYLAYER", 1.0));
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

std::string_view without_indent(std::string_view code) {
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  return code;
}

// dxflib writes the OBJECTS section without owner handles (group 330):
// AutoCAD asks to RECOVER such a file, ezdxf's audit fixes each. The owners
// are in the section itself: every object belongs to the dictionary that
// names it (350, or 360 for a hard owner); the root dictionary to none
// ("0"). `objects` is the section as written; returns it with a 330 after
// each object's handle.
std::string with_owners(std::string_view objects) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < objects.size();) {
    const std::size_t end = std::min(objects.find('\n', at), objects.size());
    lines.push_back(objects.substr(at, end - at));
    at = end + 1;
  }
  std::unordered_map<std::string_view, std::string_view> owner;
  std::string_view object, handle;
  for (std::size_t i = 0; i + 1 < lines.size(); i += 2) {
    const std::string_view code = without_indent(lines[i]);
    if (code == "0") {
      object = lines[i + 1];
      handle = {};
    } else if (code == "5") {
      handle = lines[i + 1];
    } else if ((code == "350" || code == "360") && !handle.empty() &&
               (object == "DICTIONARY" || object == "ACDBDICTIONARYWDFLT")) {
      owner.emplace(lines[i + 1], handle);
    }
  }
  std::string out;
  out.reserve(objects.size() + 8 * lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out.append(lines[i]);
    out += '\n';
    if (i % 2 == 1 && without_indent(lines[i - 1]) == "5") {
      const auto found = owner.find(lines[i]);
      out += "330\n";
      out.append(found == owner.end() ? std::string_view("0") : found->second);
      out += '\n';
    }
  }
  return out;
}

// The notes the SVG carries (svg_writer.hpp), on a layer of their own that
// a shop switches off: each part's label, the 100 mm reference square.
void write_notes(Writer& w, const std::vector<Part>& parts, const SheetNotes& notes) {
  for (std::size_t i = 0; i < parts.size() && i < notes.labels.size(); ++i) {
    if (notes.labels[i].height_mm <= 0) continue;
    w.text(parts[i].label, notes.labels[i].centre, notes.labels[i].height_mm);
  }
  if (const auto& c = notes.square) {
    const double s = reference_square_mm;
    w.polyline(rectangle(c->x, c->y, s, s), true, "NOTES");
    w.polyline(rectangle(c->x + 1, c->y + 1, s - 2, s - 2), true, "NOTES");
    w.text("100 MM", {c->x + s / 2, c->y + s / 2}, 6);
  }
}

void write_tables(DL_Dxf& dxf, DL_WriterA& dw) {
  dw.sectionTables();
  dxf.writeVPort(dw);
  dw.tableLinetypes(3);
  dxf.writeLinetype(dw, DL_LinetypeData("BYBLOCK", "", 0, 0, 0.0));
  dxf.writeLinetype(dw, DL_LinetypeData("BYLAYER", "", 0, 0, 0.0));
  dxf.writeLinetype(dw, DL_LinetypeData("CONTINUOUS", "Solid line", 0, 0, 0.0));
  dw.tableEnd();
  dw.tableLayers(5);
  // ACI colours: 7 white/black, 1 red, 5 blue, 3 green.
  dxf.writeLayer(dw, DL_LayerData("0", 0), DL_Attributes("", 7, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("CUT", 0), DL_Attributes("", 1, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("SCORE", 0), DL_Attributes("", 5, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("ENGRAVE", 0), DL_Attributes("", 7, 100, "CONTINUOUS", 1.0));
  dxf.writeLayer(dw, DL_LayerData("NOTES", 0), DL_Attributes("", 3, 100, "CONTINUOUS", 1.0));
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

std::string sheet_dxf(const std::vector<Part>& parts, const Sheet& sheet, const SheetNotes& notes) {
  TextWriter dw(DL_Codes::AC1015);
  {
    DL_Dxf dxf;
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
    write_notes(w, parts, notes);
    dw.sectionEnd();
    const std::size_t objects = dw.size();
    dxf.writeObjects(dw);
    dxf.writeObjectsEnd(dw);
    dw.rewrite_from(objects, with_owners);
    dw.dxfEOF();
  }
  return dw.take();
}

std::string sheet_dxf(const std::vector<Part>& parts, const Sheet& sheet) {
  return sheet_dxf(parts, sheet, place_notes(parts, sheet));
}

}  // namespace impactkit::fab
