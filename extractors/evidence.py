"""The evidence of a finding: each place it involves, as an auditor finds it in the document.

For every place (the stated figure first, then the related ones) this gives the printed figure, a
phrase to search for, the table row and column labels, the text around it (the paragraph, or the
table rows around the cell with the header) and, for a PDF, a band of the page rendered as an image
with the figure's box. Computed where the document is read (the worker), stored in the catalog, and
turned into report.html and the workbook's locations at export, so reruns show the same evidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from extractors.model import Box, Cell, Document, Paragraph, Provenance, Table
from extractors.pdf_render import Band, Crop, render_bands

MAX_CROPS = 60  # images per document; further places keep their text evidence only
MAX_PLACES = 6  # places kept per finding: the stated one and the first related ones
MAX_IMAGES_PER_FINDING = 4
BAND_MARGIN = 42.0  # points of page shown above and below a figure
MAX_BAND = 320.0  # points: the tallest band (a table cell with its column headers above it)
SNAP = 12.0  # band edges on a 12-point grid, so nearby figures share one image
CONTEXT_CHARS = 150  # characters of the paragraph kept either side of a figure
ROWS_AROUND = 2  # table rows shown above and below the cell
MAX_COLS = 12  # a wider table shows its first two columns and the columns around the cell
_SEARCH_STOP = re.compile(r"[，,。；;：:、（）()\s“”\"']")


@dataclass
class Evidence:
    places: list[list[dict[str, Any]]] = field(default_factory=list)  # per finding, JSON-ready
    crops: dict[str, Crop] = field(default_factory=dict)  # crop id → image
    problem: str = ""  # why there are no images, when rendering failed


def collect(doc: Document, findings: list[list[Provenance]], path: Path | str | None = None) -> Evidence:
    """Places of each finding (its provenances, the stated one first), in the given order of priority for
    the image budget (errors first: the caller orders them)."""
    paragraphs, tables = doc.paragraphs(), doc.tables()
    covers: dict[int, list[list[Cell | None]]] = {}  # table index → its covering grid, made once
    ev = Evidence([[_place(p, paragraphs, tables, covers) for p in provs[:MAX_PLACES]] for provs in findings])
    if doc.format == "pdf" and path is not None:
        try:
            _attach_crops(ev, tables, Path(path))
        except Exception as e:  # noqa: BLE001 - images are a convenience: the findings stand without them
            ev.crops = {}
            for places in ev.places:
                for pl in places:
                    pl.pop("crop", None)
                    pl.pop("box", None)
            ev.problem = f"page images unavailable ({type(e).__name__}: {e})"[:300]
    for places in ev.places:
        for pl in places:
            pl.pop("_table", None)
    return ev


# ------------------------------------------------------------------------------------------- places


def _place(
    prov: Provenance, paragraphs: list[Paragraph], tables: list[Table], covers: dict[int, list[list[Cell | None]]]
) -> dict[str, Any]:
    place: dict[str, Any] = {"loc": prov.render(), "page": prov.page}
    if prov.file:  # a table read from the tables file beside the document: its pages are not this file's
        place["file"] = prov.file
    bbox: Box | None = prov.bbox
    if prov.table is not None and 0 <= prov.table < len(tables):
        table = tables[prov.table]
        if prov.table not in covers:
            covers[prov.table] = table.covering()
        cover = covers[prov.table]
        place.update(_table_place(table, cover, prov))
        cell = _cell_at(table, cover, prov.row, prov.col)
        if cell is not None:
            bbox = cell.bbox or bbox
            place["page"] = cell.page or prov.page
            place["_table"] = prov.table
    elif prov.paragraph is not None and 0 <= prov.paragraph < len(paragraphs):
        para = paragraphs[prov.paragraph]
        place.update(_paragraph_place(para, prov.span))
        if prov.span is not None:
            located = para.locate(prov)
            place["page"], bbox = located.page, located.bbox
    if bbox is not None:
        place["bbox"] = [round(v, 1) for v in bbox]
    place["where"] = where(place)
    return place


def _paragraph_place(para: Paragraph, span: tuple[int, int] | None) -> dict[str, Any]:
    text = para.text
    if span is None or not 0 <= span[0] <= span[1] <= len(text):
        cut = text[: 2 * CONTEXT_CHARS]
        return {"kind": "paragraph", "text": cut + ("…" if len(cut) < len(text) else ""), "hit": None}
    a, b = span
    start, end = max(0, a - CONTEXT_CHARS), min(len(text), b + CONTEXT_CHARS)
    lead = "…" if start else ""
    before = text[start:a]
    lead_in = max(0, a - 6)
    while lead_in > 0 and lead_in > a - 12 and text[lead_in - 1 : lead_in + 1].isascii() and text[lead_in].isalnum():
        lead_in -= 1  # never start inside a number or a Latin word (2024年, not 4年)
    search = re.split(_SEARCH_STOP, text[lead_in:a])[-1] + text[a:b]
    return {
        "kind": "paragraph",
        "text": lead + text[start:end] + ("…" if end < len(text) else ""),
        "hit": [len(lead) + len(before), len(lead) + len(before) + (b - a)],
        "figure": text[a:b],
        "search": search,
    }


def _cell_at(table: Table, cover: list[list[Cell | None]], row: int | None, col: int | None) -> Cell | None:
    if row is None or col is None or not (0 <= row < table.n_rows and 0 <= col < table.n_cols):
        return None
    return cover[row][col]


def _is_number(text: str) -> bool:
    try:
        return Decimal(text.replace(",", "").replace("，", "").strip()).is_finite()
    except (InvalidOperation, ValueError):
        return False


def _table_place(table: Table, cover: list[list[Cell | None]], prov: Provenance) -> dict[str, Any]:
    row, col = prov.row, prov.col
    out: dict[str, Any] = {"kind": "table", "title": table.title or "", "unit": table.unit or ""}
    if row is None or col is None or not (0 <= row < table.n_rows and 0 <= col < table.n_cols):
        return out
    cell = cover[row][col]
    out["figure"] = cell.text if cell is not None else ""
    labels = [c.text for c in _distinct(cover[row][:col]) if c.text.strip() and not _is_number(c.text)]
    out["row_label"] = labels[-1] if labels else ""
    heads = _distinct(cover[r][col] for r in range(min(table.header_rows, row)))
    out["column_label"] = " › ".join(c.text for c in heads if c.text.strip())
    header = list(range(min(table.header_rows, 3, row)))
    body = list(range(max(len(header), row - ROWS_AROUND), min(table.n_rows, row + ROWS_AROUND + 1)))
    if table.n_cols <= MAX_COLS:
        cols = list(range(table.n_cols))
    else:
        half = (MAX_COLS - 2) // 2
        lo = max(2, min(col - half, table.n_cols - (MAX_COLS - 2)))
        cols = [0, 1, *range(lo, min(table.n_cols, lo + MAX_COLS - 2))]
    out["cols"] = [c + 1 for c in cols]
    out["rows"] = [[r + 1, _row_cells(cover, r, cols, header + body, (row, col))] for r in header + body]
    return out


def _distinct(cells: Any) -> list[Cell]:
    out: list[Cell] = []
    for c in cells:
        if c is not None and (not out or out[-1] is not c):
            out.append(c)
    return out


def _row_cells(
    cover: list[list[Cell | None]], r: int, cols: list[int], shown: list[int], hit: tuple[int, int]
) -> list[dict[str, Any]]:
    """One shown row: cells with their colspan within the shown columns; a cell merged down from a
    shown row above is marked `m` (continuation) instead of repeated."""
    out: list[dict[str, Any]] = []
    prev: Cell | None = None
    for k, c in enumerate(cols):
        cell = cover[r][c]
        adjacent = k > 0 and cols[k - 1] == c - 1
        if cell is not None and cell is prev and adjacent:
            out[-1]["span"] = out[-1].get("span", 1) + 1
            if (r, c) == hit:
                out[-1]["hit"] = True
            continue
        entry: dict[str, Any] = {"t": cell.text if cell is not None else ""}
        if cell is not None and cell.row < r and (r - 1) in shown:
            entry["m"] = 1
        if (r, c) == hit:
            entry["hit"] = True
        out.append(entry)
        prev = cell
    return out


def where(place: dict[str, Any]) -> str:
    """Where to find the figure, for a person with the document open: the page, then a phrase to search
    for or the table's row and column labels (第21页 “支出总计0.3万元”; 第13页 收入支出决算总表 合计 × 决算数：2961.68)."""
    parts = [f"第{place['page']}页"] if place.get("page") else []
    if place.get("kind") == "table":
        label = " × ".join(x for x in (place.get("row_label", ""), place.get("column_label", "")) if x)
        parts.append(" ".join(x for x in (place.get("title", ""), label) if x))
        if place.get("figure"):
            parts[-1] = (parts[-1] + "：" if parts[-1] else "") + place["figure"]
    elif place.get("search"):
        parts.append(f"“{place['search']}”")
    else:
        parts.append(place.get("loc", ""))
    return " ".join(p for p in parts if p)


# ------------------------------------------------------------------------------------------- images


def _band_for(place: dict[str, Any], tables: list[Table]) -> Band | None:
    bbox, page = place.get("bbox"), place.get("page")
    if not bbox or not page or place.get("file"):
        return None
    top, bottom = bbox[1] - BAND_MARGIN, bbox[3] + BAND_MARGIN
    if place.get("_table") is not None:  # show the column headers when they stand on the same page nearby
        table = tables[place["_table"]]
        heads = [c.bbox[1] for c in table.cells if c.row < table.header_rows and c.bbox and (c.page or page) == page]
        if heads and bbox[3] - min(heads) + 2 * BAND_MARGIN <= MAX_BAND:
            top = min(top, min(heads) - 6)
    if bottom - top > MAX_BAND:
        middle = (bbox[1] + bbox[3]) / 2
        top, bottom = middle - MAX_BAND / 2, middle + MAX_BAND / 2
    return Band(page, max(0.0, math.floor(top / SNAP) * SNAP), math.ceil(bottom / SNAP) * SNAP)


def _attach_crops(ev: Evidence, tables: list[Table], path: Path) -> None:
    wanted: list[Band] = []  # every image to render, in order of priority
    chosen: list[list[Band | None]] = []  # per finding, per place: its image
    for places in ev.places:
        own = _merge([_band_for(pl, tables) for pl in places])
        picked: dict[Band, Band | None] = {}
        for band in own:
            reuse = next((b for b in wanted if _covers(b, band)), None)
            if reuse is None and (len(wanted) >= MAX_CROPS or len(picked) >= MAX_IMAGES_PER_FINDING):
                picked[band] = None
                continue
            if reuse is None:
                wanted.append(band)
            picked[band] = reuse or band
        bands = [_band_for(pl, tables) for pl in places]
        chosen.append([_pick(b, picked) for b in bands])
    crops = render_bands(path, wanted)
    ids = {band: f"c{i}" for i, band in enumerate(b for b in wanted if b in crops)}
    ev.crops = {ids[b]: crops[b] for b in ids}
    for places, bands in zip(ev.places, chosen, strict=True):
        for pl, shown in zip(places, bands, strict=True):
            if shown is None or shown not in ids:
                continue
            crop = crops[shown]
            x0, top, x1, bottom = pl["bbox"]
            height = crop.bottom - crop.top
            pl["crop"] = ids[shown]
            pl["box"] = [
                round(x0 / crop.page_width, 4),
                round((top - crop.top) / height, 4),
                round(x1 / crop.page_width, 4),
                round((bottom - crop.top) / height, 4),
            ]


def _merge(bands: list[Band | None]) -> list[Band]:
    """One finding's bands, those on one page joined while the joint band stays within MAX_BAND."""
    out: list[Band] = []
    for b in sorted({b for b in bands if b is not None}, key=lambda b: (b.page, b.top)):
        last = out[-1] if out else None
        if last is not None and last.page == b.page and max(last.bottom, b.bottom) - last.top <= MAX_BAND:
            out[-1] = Band(b.page, last.top, max(last.bottom, b.bottom))
        else:
            out.append(b)
    return out


def _pick(band: Band | None, picked: dict[Band, Band | None]) -> Band | None:
    if band is None:
        return None
    merged = next((m for m in picked if m.page == band.page and m.top <= band.top and m.bottom >= band.bottom), None)
    return picked[merged] if merged is not None else None


def _covers(outer: Band, inner: Band) -> bool:
    """An image already made shows this band too (and is not much taller than it needs to be)."""
    return (
        outer.page == inner.page
        and outer.top <= inner.top
        and outer.bottom >= inner.bottom
        and (outer.bottom - outer.top) <= (inner.bottom - inner.top) + 3 * BAND_MARGIN
    )
