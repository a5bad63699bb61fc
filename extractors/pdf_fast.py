"""Page content through pypdfium2 (C): chars with boxes and the ruling lines that make table grids.

pdfminer's pure-Python content parsing is ~90 % of pdfplumber's cost; pdfium reads the same page in
a few milliseconds. The table *algorithm* stays pdfplumber's (edges → intersections → cells →
tables), fed with edges taken from pdfium's path objects. Pages pdfium cannot serve as well — a
/Rotate, sideways text, form XObjects holding drawings — return None so the caller uses pdfplumber.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges

from extractors.pdf_lines import Char

TOLERANCE = 3.0  # pdfplumber's default snap / join / intersection tolerance
MIN_EDGE = 3.0  # pdfplumber's default edge_min_length
THIN = 2.0  # points: a path whose bounding box is this thin is one ruling line


@dataclass
class PageContent:
    width: float
    height: float
    chars: list[Char]
    edges: list[dict[str, Any]]
    unmapped: int = 0  # chars without a Unicode mapping (the (cid:N) case)


def page_content(page: pdfium.PdfPage) -> PageContent | None:
    """Chars and ruling edges of one page in top-down page coordinates; None when pdfplumber should read it."""
    if page.get_rotation() % 360:
        return None
    left, bottom, right, top = page.get_cropbox()
    chars, unmapped, sideways = _chars(page, left, top)
    if sideways * 2 > len(chars):
        return None
    edges: list[dict[str, Any]] = []
    raw_page = page.raw
    for i in range(pdfium_c.FPDFPage_CountObjects(raw_page)):  # raw calls: no wrapper per text object
        obj = _GET_OBJECT(raw_page, i)
        kind = _OBJECT_TYPE(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            return None  # drawings inside a form XObject: their matrices nest
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            edges.extend(_path_edges(obj, left, top))
    return PageContent(right - left, top - bottom, chars, edges, unmapped)


def _bare(function: Any, restype: Any) -> Any:
    """The same pdfium function without argument types: ctypes then passes a pointer as it is and an int as a C int,
    where pypdfium2's typed binding checks and converts every argument (two thirds of the cost of a call)."""
    out = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    out.restype = restype
    return out


# the two calls made for every object of a page and the seven for every char (the restypes are pypdfium2's)
_GET_OBJECT = _bare(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPage_GetObject.restype)
_OBJECT_TYPE = _bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_GET_UNICODE = _bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_IS_GENERATED = _bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_MAP_ERROR = _bare(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int)
_LOOSE_BOX = _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_ORIGIN = _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_MATRIX = _bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_FONT_SIZE = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)


def _chars(page: pdfium.PdfPage, left: float, top: float) -> tuple[list[Char], int, int]:
    textpage = page.get_textpage()
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_p, matrix_p, ox_p, oy_p = ctypes.byref(rect), ctypes.byref(matrix), ctypes.byref(ox), ctypes.byref(oy)
    out: list[Char] = []
    unmapped = sideways = 0
    try:
        high = 0
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            code = _GET_UNICODE(raw, i)
            if 0xD800 <= code <= 0xDBFF:  # UTF-16 high surrogate: the char is completed by the next one
                high = code
                continue
            if 0xDC00 <= code <= 0xDFFF:
                if not high:
                    continue
                code, high = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), 0
            if code < 32 or code in (0xFFFE, 0xFFFF) or _IS_GENERATED(raw, i):
                continue
            if _MAP_ERROR(raw, i):
                unmapped += 1
            _LOOSE_BOX(raw, i, rect_p)
            _ORIGIN(raw, i, ox_p, oy_p)
            _MATRIX(raw, i, matrix_p)
            if abs(matrix.b) > abs(matrix.a):
                sideways += 1
            # the em size: the font size scaled by the text matrix (WPS writes 720pt fonts scaled by 0.05)
            size = _FONT_SIZE(raw, i) * (matrix.c**2 + matrix.d**2) ** 0.5
            baseline = top - oy.value
            out.append(
                {
                    "text": chr(code),
                    "x0": rect.left - left,
                    "x1": rect.right - left,
                    "top": baseline - 0.88 * size,
                    "bottom": baseline + 0.12 * size,
                }
            )
    finally:
        textpage.close()
    return out, unmapped, sideways


def _edge(x0: float, y0: float, x1: float, y1: float) -> dict[str, Any] | None:
    """An axis-aligned edge in top-down coordinates, or None for a slanted segment."""
    if abs(y1 - y0) <= 0.5:
        a, b = sorted((x0, x1))
        y = (y0 + y1) / 2
        return {"x0": a, "x1": b, "top": y, "bottom": y, "width": b - a, "height": 0.0, "orientation": "h"}
    if abs(x1 - x0) <= 0.5:
        a, b = sorted((y0, y1))
        x = (x0 + x1) / 2
        return {"x0": x, "x1": x, "top": a, "bottom": b, "width": 0.0, "height": b - a, "orientation": "v"}
    return None


def _path_edges(obj: Any, left: float, top: float) -> list[dict[str, Any]]:
    b = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *b):
        return []
    x0, y0, x1, y1 = (v.value for v in b)  # page coordinates, y up
    if x1 - x0 <= THIN or y1 - y0 <= THIN:  # a hairline or a thin filled rectangle (Word's borders)
        if max(x1 - x0, y1 - y0) < 1.0:
            return []
        if x1 - x0 >= y1 - y0:
            y = top - (y0 + y1) / 2
            return [_edge(x0 - left, y, x1 - left, y)]  # type: ignore[list-item]
        x = (x0 + x1) / 2 - left
        return [_edge(x, top - y1, x, top - y0)]  # type: ignore[list-item]
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    px, py = ctypes.c_float(), ctypes.c_float()
    out: list[dict[str, Any]] = []
    start = current = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, px, py)
        point = (m.a * px.value + m.c * py.value + m.e - left, top - (m.b * px.value + m.d * py.value + m.f))
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or current is None:
            start = current = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            e = _edge(current[0], current[1], point[0], point[1])
            if e is not None:
                out.append(e)
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            e = _edge(current[0], current[1], start[0], start[1])
            if e is not None:
                out.append(e)
            current = start
    return out


def find_table_rects(edges: list[dict[str, Any]]) -> list[list[tuple[float, float, float, float]]]:
    """pdfplumber's lines-strategy table finder on our edges: one list of cell rectangles per table."""
    long_enough = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 1.0]
    merged = merge_edges(long_enough, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE)
    merged = [
        e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= MIN_EDGE
    ]
    cells = intersections_to_cells(edges_to_intersections(merged, TOLERANCE, TOLERANCE))
    return [list(t) for t in cells_to_tables(cells)]


Point = tuple[float, float]
Rect = tuple[float, float, float, float]


def intersections_to_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]) -> list[Rect]:
    """pdfplumber.table.intersections_to_cells, same cells in the same order: for each intersection (sorted) the
    smallest rectangle whose four corners are intersections joined by common edges.

    pdfplumber rebuilds the edge sets of both points on every test and scans all later points for those below
    and to the right of each; here each point's vertical and horizontal edge boxes are made once, and the points
    of each column and row are listed once (in sorted order, so "below" and "right" come in its order)."""
    points = sorted(intersections)
    v_edges = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in intersections[p]["v"]} for p in points}
    h_edges = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in intersections[p]["h"]} for p in points}
    by_x: dict[float, list[Point]] = {}
    by_y: dict[float, list[Point]] = {}
    for p in points:
        by_x.setdefault(p[0], []).append(p)
        by_y.setdefault(p[1], []).append(p)
    cells: list[Rect] = []
    for pt in points[:-1]:
        # points after pt in sorted order: same x → lower (larger y); same y → to the right (larger x)
        below = [p for p in by_x[pt[0]] if p > pt]
        right = [p for p in by_y[pt[1]] if p > pt]
        cell = _smallest_cell(pt, below, right, v_edges, h_edges)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    pt: Point,
    below: list[Point],
    right: list[Point],
    v_edges: dict[Point, set[Rect]],
    h_edges: dict[Point, set[Rect]],
) -> Rect | None:
    for below_pt in below:
        if v_edges[pt].isdisjoint(v_edges[below_pt]):
            continue
        for right_pt in right:
            if h_edges[pt].isdisjoint(h_edges[right_pt]):
                continue
            corner = (right_pt[0], below_pt[1])
            if (
                corner in v_edges
                and not v_edges[corner].isdisjoint(v_edges[right_pt])
                and not h_edges[corner].isdisjoint(h_edges[below_pt])
            ):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
