#!/usr/bin/python3
"""Reads produced laser files back with tools independent of impactkit
(Debian's ezdxf and shapely, run with /usr/bin/python3) for
laser_files_test.cpp, and prints what it found as one JSON object:

  read_back.py audit DXF...          ezdxf's recover and audit: errors, fixes
  read_back.py notes DXF...          the layers, and every TEXT/MTEXT with its layer
  read_back.py part SVG DXF LABEL    the cut outline of the part labelled LABEL
                                     (found at its label on the DXF's NOTES layer),
                                     in the SVG and in the DXF: simple or not, the
                                     hole nearest to it, cuts that cross it
"""

import json
import re
import sys

import ezdxf
from ezdxf import recover
from shapely.geometry import LinearRing, Point, Polygon


def audit(paths):
    out = {}
    for path in paths:
        doc, auditor = recover.readfile(path)
        again = doc.audit()
        found = list(auditor.errors) + list(auditor.fixes) + list(again.errors) + list(again.fixes)
        out[path] = {
            "errors": len(auditor.errors) + len(again.errors),
            "fixes": len(auditor.fixes) + len(again.fixes),
            "first": [f"{e.code} {e.message}" for e in found[:5]],
        }
    return out


def text_of(entity):
    """The entity's text with DXF's \\U+XXXX escapes (characters beyond ASCII) decoded."""
    raw = entity.text if entity.dxftype() == "MTEXT" else entity.dxf.text
    return re.sub(r"\\U\+([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), raw)


def notes(paths):
    out = {}
    for path in paths:
        doc = ezdxf.readfile(path)
        texts = [{"text": text_of(e), "layer": e.dxf.layer} for e in doc.modelspace().query("TEXT MTEXT")]
        out[path] = {"layers": [layer.dxf.name for layer in doc.layers], "texts": texts}
    return out


def number_pairs(d):
    values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(values[0::2], values[1::2]))


def svg_cuts(path):
    """The cut layer's closed paths (absolute M/L/Z only) and circles."""
    svg = open(path, encoding="utf-8").read()
    height = float(re.search(r'viewBox="[^"]*?\s([\d.]+)"', svg).group(1))
    layer = svg[svg.index('<g id="cut"'):]
    layer = layer[: layer.index("</g>")]
    rings = [number_pairs(d) for d in re.findall(r'<path d="([^"]*)"', layer)]
    circles = [(float(x), float(y), float(r)) for x, y, r in re.findall(r'<circle cx="([^"]*)" cy="([^"]*)" r="([^"]*)"', layer)]
    return height, rings, circles


def dxf_cuts(path):
    """The CUT layer's closed LWPOLYLINEs and CIRCLEs, with the labels on NOTES."""
    doc = ezdxf.readfile(path)
    msp = doc.modelspace()
    rings = [[(p[0], p[1]) for p in e.get_points("xy")] for e in msp.query('LWPOLYLINE[layer=="CUT"]') if e.closed]
    circles = [(e.dxf.center.x, e.dxf.center.y, e.dxf.radius) for e in msp.query('CIRCLE[layer=="CUT"]')]
    labels = {}
    for e in msp.query('TEXT[layer=="NOTES"]'):
        labels[text_of(e)] = (e.dxf.align_point.x, e.dxf.align_point.y)
    return rings, circles, labels


def measure(rings, circles, at):
    """The smallest closed cut whose bounds hold `at`: the part's outline."""
    here = Point(at)
    candidates = [r for r in rings if len(r) >= 3 and Polygon(r).envelope.buffer(1e-6).contains(here)]
    if not candidates:
        return {"found": False}
    ring = min(candidates, key=lambda r: Polygon(r).envelope.area)
    outline = Polygon(ring)
    disks = [Point(x, y).buffer(r, 256) for x, y, r in circles]
    hole = min(disks, key=outline.distance) if disks else None
    others = [Polygon(r) for r in rings if r is not ring and len(r) >= 3] + disks
    crossing = sum(1 for o in others if o.intersects(outline) and not (o.is_valid and outline.is_valid and outline.contains(o)))
    result = {
        "found": True,
        "simple": LinearRing(ring).is_simple and outline.is_valid,
        "area_mm2": outline.area,
        "crossing": crossing,
    }
    if hole is not None:
        result["hole_inside"] = outline.is_valid and outline.contains(hole)
        result["hole_web_mm"] = outline.exterior.distance(hole) if result["hole_inside"] else -hole.difference(outline).area
    return result


def part(svg_path, dxf_path, label):
    rings, circles, labels = dxf_cuts(dxf_path)
    if label not in labels:
        return {"labels": sorted(labels)}
    x, y = labels[label]
    height, svg_rings, svg_circles = svg_cuts(svg_path)
    return {"dxf": measure(rings, circles, (x, y)), "svg": measure(svg_rings, svg_circles, (x, height - y))}


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "audit":
        out = audit(args)
    elif command == "notes":
        out = notes(args)
    elif command == "part":
        out = part(*args)
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv)
