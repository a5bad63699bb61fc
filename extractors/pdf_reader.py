"""PDF reader: text lines in reading order grouped into paragraphs, ruled tables as logical grids.

Each page is read once: by pypdfium2 (chars with boxes, path objects → ruling edges, fed to
pdfplumber's lines-strategy table algorithm), or by pdfplumber when pdfium cannot serve the page
well (a /Rotate, sideways text, drawings inside form XObjects). Chars inside a table's cells become
cell text and never paragraph text. Tables cut by a page break are joined by `extractors.stitch`.
`GOUJI_PDF_ENGINE=pdfplumber` reads every page with pdfplumber (the reference; ~6× slower).
"""

from __future__ import annotations

import os
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.utils.exceptions import PdfminerException

from extractors import pdf_ocr
from extractors.model import Block, Document, Paragraph, Provenance, ReadError, Table, TextLine
from extractors.pdf_fast import PageContent, find_table_rects, page_content
from extractors.pdf_lines import (
    Line,
    Margins,
    align_shifted_glyphs,
    body_margins,
    is_page_number,
    join_texts,
    line_starts,
    make_lines,
    page_margins,
    starts_paragraph,
)
from extractors.pdf_tables import MAX_CELLS, MAX_GRID, TABLE_SETTINGS, TableDraft, build_table, caption_for, fill_cells
from extractors.pdf_tables import grid_size as _grid_size
from extractors.stitch import stitch_tables
from extractors.table_titles import title_in_grid
from extractors.txt_reader import leading_header_rows, unit_from_caption

# pdfium (fast, C) with a per-page pdfplumber fallback; GOUJI_PDF_ENGINE=pdfplumber reads every page with pdfplumber
ENGINE = "pdfplumber" if os.environ.get("GOUJI_PDF_ENGINE", "").lower() == "pdfplumber" else "pdfium"
RUNNING_ZONE = 0.1  # share of the page height at the top where running headers sit
FOOTER_ZONE = 0.15  # … and at the bottom, where footers sit (— １ — at 88 % of the page in some reports)
_DIGITS = re.compile(r"\d+")
UNMAPPED_MIN, UNMAPPED_SHARE = 3, 0.02  # unmapped glyphs on a page before it is reported
_CID = re.compile(r"\(cid:\d+\)")
EDGE_MARGIN = (
    0.2  # share of the page height: a table with nothing beyond it and this close to the text area's edge touches it
)


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableDraft] = field(default_factory=list)

    @property
    def orientation(self) -> str:
        return "landscape" if self.width > self.height else "portrait"


def read_pdf(path: Path, sha256: str) -> Document:
    """Read a PDF into a Document; raise ReadError (corrupt | encrypted | needs_ocr) when it cannot be read."""
    path = Path(path)
    _check_complete(path)
    problems: list[str] = []
    pages: list[_Page] = []
    with _Sources(path) as src:
        failed = 0
        for number in range(1, src.count + 1):
            try:
                pages.append(src.read(number, problems))
            except ReadError:
                raise
            except Exception as e:  # one bad page costs that page, not the document
                failed += 1
                problems.append(f"p.{number}: unreadable page ({type(e).__name__}: {e})")
                pages.append(_Page(number, 595.0, 842.0))
    if failed == len(pages):
        raise ReadError("corrupt", f"{path.name}: no page could be read ({problems[0]})")
    ocr_pages = _read_scanned_pages(path, pages, problems)
    if not any(p.lines or any(c.text for t in p.tables for c in t.cells) for p in pages):
        raise ReadError(
            "needs_ocr",
            f"{path.name}: no extractable text on any of its {len(pages)} pages (scanned?); {pdf_ocr.INSTALL_HINT}",
        )
    doc = Document(path=str(path), sha256=sha256, format="pdf", pages=len(pages), problems=problems)
    _drop_running_lines(pages)
    doc.blocks = _number(stitch_tables(_blocks(pages, sha256)), sha256)
    pdf_ocr.mark_ocr(doc, ocr_pages)
    return doc


def _read_scanned_pages(path: Path, pages: list[_Page], problems: list[str]) -> list[int]:
    """Pages with no text but an image (scans) are read by OCR when the extra is installed; else reported."""
    empty = [p.number for p in pages if not p.lines and not p.tables]
    if not empty:
        return []
    pdf = pdfium.PdfDocument(str(path))
    try:
        scanned = [n for n in empty if pdf_ocr.has_image(pdf, n)]
        if not scanned or not pdf_ocr.available():
            if scanned and len(scanned) < len(pages):
                problems.append(f"p.{scanned[0]}…: {len(scanned)} scanned page(s) not read; {pdf_ocr.INSTALL_HINT}")
            return []
        for n in scanned:
            pages[n - 1] = _read_fast_page(n, pdf_ocr.ocr_page(pdf, n), problems)
        return scanned
    finally:
        pdf.close()


class _Sources:
    """pypdfium2 for every page it serves well; pdfplumber, opened only when needed, for the rest."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.plumber: Any = None
        self.fast: Any = None
        if ENGINE == "pdfium":
            try:
                self.fast = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError as e:
                msg = str(e)
                if "password" in msg.lower():
                    raise ReadError(
                        "encrypted", f"{path.name}: encrypted PDF and the empty password does not open it"
                    ) from e
                raise ReadError("corrupt", f"{path.name}: cannot parse PDF ({msg})") from e
            self.count = len(self.fast)
        else:
            self.count = len(self._plumber().pages)
        if self.count == 0:
            raise ReadError("corrupt", f"{path.name}: the PDF has no pages")

    def __enter__(self) -> _Sources:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fast is not None:
            self.fast.close()
        if self.plumber is not None:
            self.plumber.close()

    def _plumber(self) -> Any:
        if self.plumber is None:
            try:
                self.plumber = pdfplumber.open(self.path)
            except PdfminerException as e:
                raise _open_error(self.path, e) from e
            except Exception as e:  # pdfminer raises assorted errors on broken files
                raise ReadError("corrupt", f"{self.path.name}: cannot parse PDF ({type(e).__name__}: {e})") from e
        return self.plumber

    def read(self, number: int, problems: list[str]) -> _Page:
        if self.fast is not None:
            content = None
            try:
                page = self.fast[number - 1]
                try:
                    content = page_content(page)
                finally:
                    page.close()
            except Exception:  # pdfplumber gets its chance at this page below
                content = None
            if content is not None:
                return _read_fast_page(number, content, problems)
        try:
            plumber_page = self._plumber().pages[number - 1]
        except ReadError:
            raise
        except Exception as e:
            raise ReadError("corrupt", f"{self.path.name}: cannot read the page tree ({type(e).__name__}: {e})") from e
        try:
            return _read_page(plumber_page, problems)
        finally:
            plumber_page.close()


def _check_complete(path: Path) -> None:
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(1024)
            f.seek(max(0, size - 4096))
            tail = f.read()
    except OSError as e:
        raise ReadError("corrupt", f"{path.name}: cannot read file ({e})") from e
    if b"%PDF-" not in head:
        raise ReadError("corrupt", f"{path.name}: no %PDF- header")
    if b"%%EOF" not in tail:
        raise ReadError("corrupt", f"{path.name}: truncated PDF (no %%EOF marker at the end; {size} bytes)")


def _open_error(path: Path, e: PdfminerException) -> ReadError:
    cause = e.args[0] if e.args else e
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return ReadError("encrypted", f"{path.name}: encrypted PDF and the empty password does not open it ({name})")
    return ReadError("corrupt", f"{path.name}: cannot parse PDF ({name}: {cause})")


def _on_page(chars: list[dict[str, Any]], w: float, h: float) -> list[dict[str, Any]]:
    """Text placed outside the page is not printed (WPS leaves overflow from the previous page there)."""
    return [
        c
        for c in chars
        if c.get("text") and 0 <= (c["x0"] + c["x1"]) / 2 <= w and 0 <= (c["top"] + c["bottom"]) / 2 <= h
    ]


def _read_fast_page(number: int, content: PageContent, problems: list[str]) -> _Page:
    out = _Page(number, content.width, content.height)
    chars = align_shifted_glyphs(_on_page(content.chars, out.width, out.height))
    _report_unmapped(number, content.unmapped, len(chars), problems)
    rect_lists: list[list[tuple[float, float, float, float]]] = []
    if content.edges:
        grid = _grid_size(content.edges)
        if grid > MAX_GRID:
            problems.append(f"p.{number}: ruled grid too dense ({grid} ruling crossings); tables on this page not read")
        else:
            rect_lists = find_table_rects(content.edges)
    return _assemble(out, chars, rect_lists, problems)


def _report_unmapped(number: int, unmapped: int, total: int, problems: list[str]) -> None:
    """(cid:N) garbage: glyphs without a Unicode mapping. A stray symbol is not worth a problem; text is."""
    if unmapped >= max(UNMAPPED_MIN, UNMAPPED_SHARE * total):
        problems.append(
            f"p.{number}: {unmapped} of {total} characters have no Unicode mapping ((cid:N) garbage); text unreliable"
        )


def _read_page(page: Any, problems: list[str]) -> _Page:
    number = page.page_number
    out = _Page(number, float(page.width), float(page.height))
    w, h = out.width, out.height
    chars = _on_page(page.chars, w, h)
    turn = _text_turn(chars)
    if turn:
        chars = [_turn_char(c, turn, w, h) for c in chars]
        out.width, out.height = h, w
    chars = align_shifted_glyphs(chars)
    _report_unmapped(number, sum(1 for c in chars if _CID.fullmatch(c["text"])), len(chars), problems)
    rect_lists: list[list[tuple[float, float, float, float]]] = []
    if page.lines or page.rects or page.curves:
        grid = _grid_size(page.edges)
        if grid > MAX_GRID:
            problems.append(f"p.{number}: ruled grid too dense ({grid} ruling crossings); tables on this page not read")
        else:
            for found in page.find_tables(TABLE_SETTINGS):
                rect_lists.append([_turn_box(r, turn, w, h) for r in found.cells] if turn else found.cells)
    return _assemble(out, chars, rect_lists, problems)


def _assemble(
    out: _Page,
    chars: list[dict[str, Any]],
    rect_lists: list[list[tuple[float, float, float, float]]],
    problems: list[str],
) -> _Page:
    """Tables from their cell rectangles (taking their chars), then lines from the chars left over."""
    for rects in rect_lists:
        if len(rects) > MAX_CELLS:
            problems.append(f"p.{out.number}: table with {len(rects)} cells skipped (limit {MAX_CELLS})")
            continue
        built = build_table(rects, out.number)
        if built is None or built[0].n_cols < 2:
            continue  # a one-column frame (a boxed contents list) is text, not a table
        draft, owner, xs, ys = built
        chars = fill_cells(draft, owner, xs, ys, chars)
        out.tables.append(draft)
    out.lines = [ln for ln in make_lines(chars, out.number) if not is_page_number(ln, out.height, out.width)]
    return out


def _text_turn(chars: list[dict[str, Any]]) -> str:
    """'cw' / 'ccw' when most text runs down / up the page (a table printed sideways), else ''."""
    down = up = 0
    for c in chars:
        if not c.get("upright", True):
            b = c["matrix"][1]
            if b < 0:
                down += 1
            elif b > 0:
                up += 1
    if max(down, up) * 2 <= len(chars):
        return ""
    return "cw" if down >= up else "ccw"


def _turn_box(
    box: tuple[float, float, float, float], turn: str, w: float, h: float
) -> tuple[float, float, float, float]:
    """A (x0, top, x1, bottom) box on a w × h page, in the frame where the sideways text reads upright."""
    x0, top, x1, bottom = box
    if turn == "cw":  # text runs downwards: the page turned back counter-clockwise
        return (top, w - x1, bottom, w - x0)
    return (h - bottom, x0, h - top, x1)


def _turn_char(c: dict[str, Any], turn: str, w: float, h: float) -> dict[str, Any]:
    x0, top, x1, bottom = _turn_box((c["x0"], c["top"], c["x1"], c["bottom"]), turn, w, h)
    return {"text": c["text"], "x0": x0, "top": top, "x1": x1, "bottom": bottom, "upright": True}


def _text_area(pages: list[_Page]) -> dict[str, tuple[float, float]]:
    """Top and bottom of the text area per page orientation: the median page's first and last content."""
    tops: dict[str, list[float]] = {}
    bottoms: dict[str, list[float]] = {}
    for p in pages:
        t = [ln.top for ln in p.lines] + [t.bbox[1] for t in p.tables]
        b = [ln.bottom for ln in p.lines] + [t.bbox[3] for t in p.tables]
        if t:
            tops.setdefault(p.orientation, []).append(min(t))
            bottoms.setdefault(p.orientation, []).append(max(b))
    return {o: (statistics.median(tops[o]), statistics.median(bottoms[o])) for o in tops}


def _running_key(ln: Line, page_height: float) -> tuple[str, str] | None:
    if ln.bottom < page_height * RUNNING_ZONE:
        return ("top", _DIGITS.sub("#", ln.text))
    if ln.top > page_height * (1 - FOOTER_ZONE):
        return ("bottom", _DIGITS.sub("#", ln.text))
    return None


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers and footers: the same text (digits aside) in a page's top or bottom margin on
    at least three pages and half of them. They would otherwise split paragraphs and tables at page breaks."""
    if len(pages) < 3:
        return
    seen: dict[tuple[str, str], set[int]] = {}
    for p in pages:
        for ln in p.lines:
            key = _running_key(ln, p.height)
            if key is not None:
                seen.setdefault(key, set()).add(p.number)
    running = {key for key, where in seen.items() if len(where) >= max(3, len(pages) / 2)}
    if running:
        for p in pages:
            p.lines = [ln for ln in p.lines if _running_key(ln, p.height) not in running]


def _blocks(pages: list[_Page], sha256: str) -> list[Block]:
    area = _text_area(pages)
    margins: dict[str, Margins | None] = {}
    for orientation in ("portrait", "landscape"):
        margins[orientation] = body_margins([ln for p in pages if p.orientation == orientation for ln in p.lines])
    blocks: list[Block] = []
    para: list[Line] = []
    prev: Line | None = None
    prev_orientation = ""
    here: Margins | None = None
    prev_margins: Margins | None = None
    trailing: list[Line] = []  # the lines after the last table of the page before

    def flush() -> None:
        if para:
            blocks.append(_paragraph(para, sha256))
            para.clear()

    for p in pages:
        top_area, bottom_area = area.get(p.orientation, (0.0, p.height))
        margin = EDGE_MARGIN * p.height
        items: list[tuple[float, int, Line | TableDraft]] = [(ln.top, 1, ln) for ln in p.lines]
        items += [(t.bbox[1], 0, t) for t in p.tables]
        items.sort(key=lambda it: (it[0], it[1]))
        if p.orientation != prev_orientation:
            prev = None
        prev_orientation = p.orientation
        prev_margins, here = here, page_margins(p.lines, margins[p.orientation])
        for i, (_, _, item) in enumerate(items):
            if isinstance(item, TableDraft):
                flush()
                prev = None
                lines_above = [it[2] for it in items[:i] if isinstance(it[2], Line)]
                item.title, item.unit, item.caption_lines = caption_for(_since_last_table(items[:i]))
                item.touches_top = not lines_above and item.bbox[1] <= top_area + margin
                item.touches_bottom = i == len(items) - 1 and item.bbox[3] >= bottom_area - margin
                table = _table(item, sha256)
                if item.title is None and all(any(ln is u for u in item.caption_lines) for ln in lines_above):
                    # (nothing above it on its page but its 编制单位/单位 line)
                    _caption_from_the_page_before(table, trailing)
                blocks.append(table)
                continue
            crossing = prev is not None and prev.page != p.number
            if starts_paragraph(prev, item, here, prev_margins if crossing else None):
                flush()
            para.append(item)
            prev = item
        trailing = _since_last_table(items)
    flush()
    return blocks


_TABLE_TITLE = re.compile(r"表(?:[（(][^）)]{1,12}[）)])?\s*$")


def _caption_from_the_page_before(table: Table, lines: list[Line]) -> None:
    """A table opening its page under a title (and 单位) printed at the foot of the page before, with no title of
    its own in its grid. A contents page's last entry is no caption: several lines there name tables."""
    title, unit, _used = caption_for(lines)
    if title is None or title_in_grid(table)[0] is not None:
        return
    # (a heading 附表 or 附表1 over the title names no table of its own)
    if sum(bool(_TABLE_TITLE.search(ln.text)) and len("".join(ln.text.split())) > 4 for ln in lines[-6:]) > 1:
        return
    table.title = title
    table.unit = table.unit or unit


def _since_last_table(items: list[tuple[float, int, Any]]) -> list[Line]:
    out: list[Line] = []
    for _, _, it in items:
        if isinstance(it, TableDraft):
            out = []
        else:
            out.append(it)
    return out


def _paragraph(lines: list[Line], sha256: str) -> Paragraph:
    first = [ln for ln in lines if ln.page == lines[0].page]
    bbox = (
        min(ln.x0 for ln in first),
        min(ln.top for ln in first),
        max(ln.x1 for ln in first),
        max(ln.bottom for ln in first),
    )
    texts = [ln.text for ln in lines]
    placed = [
        TextLine(start, start + len(ln.text), ln.page, ln.bbox, ln.xs)
        for start, ln in zip(line_starts(texts), lines, strict=True)
    ]
    return Paragraph(text=join_texts(texts), prov=Provenance(sha256, page=lines[0].page, bbox=bbox), lines=placed)


def _table(d: TableDraft, sha256: str) -> Table:
    rows: list[list[str]] = [[] for _ in range(d.n_rows)]
    for c in sorted(d.cells, key=lambda c: (c.row, c.col)):
        rows[c.row].append(c.text)
    return Table(
        cells=d.cells,
        n_rows=d.n_rows,
        n_cols=d.n_cols,
        prov=Provenance(sha256, page=d.page, bbox=d.bbox),
        header_rows=leading_header_rows(rows),
        title=d.title,
        unit=d.unit or _unit_in_first_rows(d),
        pages=[d.page],
        touches_top=d.touches_top,
        touches_bottom=d.touches_bottom,
    )


def _unit_in_first_rows(d: TableDraft) -> str | None:
    """A 单位：万元 printed inside the table's first rows (a ruled caption row) gives the table's unit."""
    for c in sorted(d.cells, key=lambda c: (c.row, c.col)):
        if c.row > 1:
            break
        if "单位" in c.text:
            unit = unit_from_caption(c.text)
            if unit:
                return unit
    return None


def _number(blocks: list[Block], sha256: str) -> list[Block]:
    """Block, paragraph and table indices in reading order (after stitching)."""
    n_par = n_tab = 0
    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            b.prov = b.prov.with_(block=i, table=n_tab)
            n_tab += 1
        else:
            b.prov = b.prov.with_(block=i, paragraph=n_par)
            n_par += 1
    return blocks
