"""A worksheet → one Table, whatever library read it (openpyxl for .xlsx, xlrd for .xls/.et).

What is printed is what is read: cells outside the sheet's print area, hidden rows and hidden columns
are skipped (and counted for the document's note), as are hidden sheets. Empty rows and columns are
dropped. The top rows that hold only a title, a table number (表一, 附表3) or a 单位 line become the
table's title and unit instead of grid rows; the sheet's name leads the title so an auditor finds the
sheet. Merged ranges become spans of the remaining grid. A sheet named 目录 (or starting with 目录)
becomes a one-column contents table, one line per row, which the outline reads as the contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.model import Cell, Document, Paragraph, Provenance, Table
from extractors.txt_reader import leading_header_rows, looks_numeric, unit_from_caption

MAX_SHEET_CELLS = 2_000_000  # non-empty cells of one sheet beyond which it is not read
_UNIT = re.compile(r"(?:计量)?单位\s*[：:]")
_TABLE_NUMBER = re.compile(
    r"^\s*(?:附件|附表|表)\s*[\d一二三四五六七八九十百零〇]+(?:\s*[-—－.．]\s*\d+)*\s*[、.．:：]?\s*$"
)
_DEFAULT_NAME = re.compile(r"^(?:sheet|工作表|表)\s*\d*$", re.IGNORECASE)
_TOC = re.compile(r"^目\s*录$")
# a sentence: ends with 。！？； or holds one inside (a paragraph of several sentences)
_SENTENCE = re.compile(r"[。！？；;]\s*$|。.")
_SENTENCE_MIN = 15  # characters; a shorter line is a heading or a label


@dataclass
class SheetData:
    """One worksheet as read: displayed texts of its non-empty cells, 0-based (row, col)."""

    name: str
    cells: dict[tuple[int, int], str]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    print_area: tuple[int, int, int, int] | None = None  # r0, c0, r1, c1 inclusive
    hidden: bool = False  # the sheet itself is hidden
    col_breaks: list[int] = field(default_factory=list)  # manual page breaks: a new page starts at these columns
    indents: dict[tuple[int, int], int] = field(default_factory=dict)  # a cell's indent level (Excel's 增加缩进量)


@dataclass
class Skipped:
    """What a workbook's reading left out, summed over its sheets for the document's note."""

    hidden_sheets: list[str] = field(default_factory=list)
    hidden_rows: int = 0
    hidden_cols: int = 0
    sheets_with_hidden: int = 0
    outside_print_area: int = 0  # non-empty cells
    empty_sheets: list[str] = field(default_factory=list)

    def note(self) -> str | None:
        parts: list[str] = []
        if self.hidden_sheets:
            parts.append(f"{len(self.hidden_sheets)} hidden sheet(s) ({', '.join(self.hidden_sheets[:5])})")
        if self.hidden_rows or self.hidden_cols:
            parts.append(
                f"{self.hidden_rows} hidden row(s) and {self.hidden_cols} hidden column(s) "
                f"holding text in {self.sheets_with_hidden} sheet(s)"
            )
        if self.outside_print_area:
            parts.append(f"{self.outside_print_area} non-empty cell(s) outside the print areas")
        return "not printed, so not read: " + "; ".join(parts) if parts else None


def workbook_document(path: str, sha256: str, fmt: str, sheets: list[SheetData]) -> Document:
    """The Document of a workbook: one table per visible, non-empty sheet, in sheet order."""
    doc = Document(path=path, sha256=sha256, format=fmt)
    skipped = Skipped()
    for sheet in sheets:
        if sheet.hidden:
            skipped.hidden_sheets.append(sheet.name)
            continue
        if len(sheet.cells) > MAX_SHEET_CELLS:
            doc.problems.append(f"sheet {sheet.name!r}: {len(sheet.cells)} cells (limit {MAX_SHEET_CELLS}); not read")
            continue
        if not sheet.cells:
            continue
        rows, cols = _printed(sheet, skipped)
        prose = _prose_rows(sheet, rows, cols)
        for text in prose.values():
            prov = Provenance(sha256=sha256, block=len(doc.blocks), paragraph=len(doc.paragraphs()))
            doc.blocks.append(Paragraph(text=text, prov=prov))
        rows -= set(prose)
        for first, last in _column_blocks(sheet, rows, cols):
            block_cols = {c for c in cols if first <= c <= last}
            for block_rows in _row_blocks(sheet, rows, block_cols):
                prov = Provenance(sha256=sha256, block=len(doc.blocks), table=len(doc.tables()))
                table = sheet_table(sheet, prov, block_rows, block_cols)
                if table is not None:
                    doc.blocks.append(table)
    note = skipped.note()
    if note:
        doc.notes.append(note)
    return doc


def _prose_rows(sheet: SheetData, rows: set[int], cols: set[int]) -> dict[int, str]:
    """The leading rows of a sheet that are prose, each with its text: rows of one text cell (a heading or a
    paragraph, often merged across the columns), at least two of them sentences, up to the last sentence.
    A table below them keeps its title and 单位 lines; a sheet of figures or of short labels is a table."""
    anchors = _anchors(sheet, rows, cols)
    by_row: dict[int, list[str]] = {}
    for (r, _c), text in sorted(anchors.items()):
        by_row.setdefault(r, []).append(text)
    run: list[tuple[int, str]] = []
    for r in sorted(by_row):
        texts = by_row[r]
        if len(texts) != 1 or looks_numeric(texts[0]):
            break
        run.append((r, re.sub(r"\s*\n\s*", "", texts[0]).strip()))
    sentences = [i for i, (_, t) in enumerate(run) if len(t) >= _SENTENCE_MIN and _SENTENCE.search(t)]
    if len(sentences) < 2:
        return {}
    return dict(run[: sentences[-1] + 1] if len(run) < len(by_row) else run)


def sheet_table(sheet: SheetData, prov: Provenance, rows: set[int], cols: set[int]) -> Table | None:
    """The table of the printed rows × columns of a sheet (or of one block of its columns)."""
    anchors = _anchors(sheet, rows, cols)
    used_rows = sorted({r for r, _ in anchors})
    used_cols = sorted({c for _, c in anchors})
    if not used_rows:
        return None
    row_at = {r: i for i, r in enumerate(used_rows)}
    col_at = {c: i for i, c in enumerate(used_cols)}
    spans = _spans(sheet, row_at, col_at)
    grid_rows: list[list[tuple[int, str, int, int]]] = [[] for _ in used_rows]  # (col, text, rowspan, colspan)
    for (r, c), text in sorted(anchors.items()):
        rs, cs = spans.get((r, c), (1, 1))
        grid_rows[row_at[r]].append((col_at[c], text, rs, cs))
    n_cols = len(used_cols)
    if _TOC.match(re.sub(r"\s+", "", sheet.name)) or _TOC.match(re.sub(r"\s+", "", grid_rows[0][0][1])):
        return _contents_table(grid_rows, prov)
    caption, first = _caption_rows(grid_rows, n_cols)
    labels = [t for row in caption for _, t, _, _ in row if _TABLE_NUMBER.match(t)]
    titles = [t for row in caption for _, t, _, _ in row if not _TABLE_NUMBER.match(t) and not _UNIT.search(t)]
    unit_texts = [t for row in caption for _, t, _, _ in row if _UNIT.search(t)]
    title_parts = labels + titles
    name = sheet.name.strip()
    if name and not _DEFAULT_NAME.match(name) and not (title_parts and title_parts[0].split()[0] == name):
        title_parts.insert(0, name)
    cells: list[Cell] = []
    for i, row in enumerate(grid_rows[first:]):
        for col, text, rs, cs in row:
            cells.append(Cell(text=text, row=i, col=col, rowspan=min(rs, len(grid_rows) - first - i), colspan=cs))
    if not cells:
        return None
    _indent(cells, sheet, used_rows[first:], used_cols)
    n_rows = len(grid_rows) - first
    table = Table(cells=cells, n_rows=n_rows, n_cols=n_cols, prov=prov, title=" ".join(title_parts) or name or None)
    table.header_rows = leading_header_rows([[c.text for c in r] for r in table.rows()])
    table.unit = _unit(unit_texts, table)
    lo, hi = used_rows[0], used_rows[-1]
    table.rows_left_out = len(
        {r for r, c in sheet.cells if lo < r < hi and r in sheet.hidden_rows and c in cols and sheet.cells[(r, c)]}
    )
    return table


_SPACE_POINTS = 5.0  # a leading space, as points of indentation (as a text table's)
_LEVEL_POINTS = 10.0  # one level of a cell's indent, as points


def _indent(cells: list[Cell], sheet: SheetData, rows: list[int], cols: list[int]) -> None:
    """Each cell's indentation — its indent level and its leading spaces ("  人大事务" under 一般公共服务支出) — where
    some cell of the table is indented: the rows' levels, as a PDF shows them. A table with none stays unread (None)."""
    found = []
    for cell in cells:
        at = (rows[cell.row], cols[cell.col]) if cell.row < len(rows) else None
        raw = sheet.cells.get(at, "") if at is not None else ""
        spaces = len(raw) - len(raw.lstrip(" \u3000"))
        level = sheet.indents.get(at, 0) if at is not None else 0
        found.append(spaces * _SPACE_POINTS + level * _LEVEL_POINTS if raw.strip() else 0.0)
    if any(found):
        for cell, points in zip(cells, found, strict=True):
            cell.indent = points


def _printed(sheet: SheetData, skipped: Skipped) -> tuple[set[int], set[int]]:
    """Rows and columns that print: inside the print area and not hidden; what is left out is counted."""
    all_rows = {r for r, _ in sheet.cells}
    all_cols = {c for _, c in sheet.cells}
    rows, cols = set(all_rows), set(all_cols)
    if sheet.print_area is not None:
        r0, c0, r1, c1 = sheet.print_area
        rows = {r for r in rows if r0 <= r <= r1}
        cols = {c for c in cols if c0 <= c <= c1}
        skipped.outside_print_area += sum(1 for r, c in sheet.cells if r not in rows or c not in cols)
    hidden_r = {r for r in rows if r in sheet.hidden_rows}
    hidden_c = {c for c in cols if c in sheet.hidden_cols}
    if hidden_r or hidden_c:
        skipped.hidden_rows += len(hidden_r)
        skipped.hidden_cols += len(hidden_c)
        skipped.sheets_with_hidden += 1
    return rows - hidden_r, cols - hidden_c


def _column_blocks(sheet: SheetData, rows: set[int], cols: set[int]) -> list[tuple[int, int]]:
    """Tables printed side by side on one sheet, split into column blocks: at manual page breaks, or
    where the first printed row is nothing but two or more merged titles, each over its own columns."""
    if not cols:
        return []
    lo, hi = min(cols), max(cols)
    cuts = sorted({b for b in sheet.col_breaks if lo < b <= hi})
    anchors = _anchors(sheet, rows, cols)
    if not cuts and anchors:
        top = min(r for r, _ in anchors)
        titles = sorted((c0, c1) for r0, c0, _r1, c1 in sheet.merged if r0 == top and c1 > c0)
        in_top = [c for r, c in sheet.cells if r == top and c in cols]
        tiled = all(any(c0 <= c <= c1 for c0, c1 in titles) for c in in_top)
        if len(titles) >= 2 and tiled and all(b[0] > a[1] for a, b in zip(titles, titles[1:], strict=False)):
            cuts = [c0 for c0, _ in titles[1:]]
    edges = [lo, *cuts, hi + 1]
    return [(a, b - 1) for a, b in zip(edges, edges[1:], strict=False) if any(a <= c < b for c in cols)]


_NOTE = re.compile(r"^\s*(?:注|说明|备注|附注|资料来源|数据来源)")


def _row_blocks(sheet: SheetData, rows: set[int], cols: set[int]) -> list[set[int]]:
    """Tables stacked on one sheet, split into row blocks: a new table starts after an empty row at a row holding one
    text alone (its title, often merged across the columns) that is followed by a 单位 line or a header of labels
    before its first figures (…收入合计 / blank / 2024年…转移性收入决算表 / 单位：万元 / 项目 | 预算数 | …)."""
    anchors = _anchors(sheet, rows, cols)
    by_row: dict[int, list[str]] = {}
    for (r, _c), text in sorted(anchors.items()):
        by_row.setdefault(r, []).append(text)
    used = sorted(by_row)
    starts = [used[0]] if used else []
    for i in range(1, len(used)):
        r = used[i]
        if r - used[i - 1] < 2 or len(by_row[r]) != 1 or looks_numeric(by_row[r][0]) or _NOTE.match(by_row[r][0]):
            continue
        after = [by_row[x] for x in used[i + 1 : i + 4]]
        if not after or any(looks_numeric(t) for t in after[0]):
            continue  # a label over figures (a row heading of the same table), not a title
        if any(_UNIT.search(t) for t in after[0]) or len(after[0]) >= 2:
            starts.append(r)
    edges = [*starts, (used[-1] + 1) if used else 0]
    return [{x for x in rows if a <= x < b} for a, b in zip(edges, edges[1:], strict=False)] or [rows]


def _anchors(sheet: SheetData, rows: set[int], cols: set[int]) -> dict[tuple[int, int], str]:
    """Printed non-empty cells; a merged range whose top-left cell does not print shows its text at its
    first printed position (Excel draws the merged text across the whole range)."""
    out: dict[tuple[int, int], str] = {}
    covered: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sheet.merged:
        text = sheet.cells.get((r0, c0), "").strip()
        vis_r = [r for r in range(r0, r1 + 1) if r in rows]
        vis_c = [c for c in range(c0, c1 + 1) if c in cols]
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                covered.add((r, c))
        if text and vis_r and vis_c:
            out[(vis_r[0], vis_c[0])] = text
    for (r, c), text in sheet.cells.items():
        if (r, c) not in covered and r in rows and c in cols and text.strip():
            out[(r, c)] = text.strip()
    return out


def _spans(sheet: SheetData, row_at: dict[int, int], col_at: dict[int, int]) -> dict[tuple[int, int], tuple[int, int]]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in sheet.merged:
        vis_r = [r for r in range(r0, r1 + 1) if r in row_at]
        vis_c = [c for c in range(c0, c1 + 1) if c in col_at]
        if vis_r and vis_c:
            spans[(vis_r[0], vis_c[0])] = (len(vis_r), len(vis_c))
    return spans


def _caption_rows(rows: list[list[tuple[int, str, int, int]]], n_cols: int) -> tuple[list, int]:
    """Leading rows that are a title, a table number or a 单位 line, not part of the grid."""
    caption: list = []
    for row in rows[:4]:
        texts = [t for _, t, _, _ in row]
        if any(looks_numeric(t) for t in texts):
            break
        only_labels = all(
            _UNIT.search(t) or _TABLE_NUMBER.match(t) or re.search(r"编制单位|填报单位", t) for t in texts
        )
        lone_title = len(texts) == 1 and (len(caption) < 2 or row[0][3] * 2 >= n_cols) and n_cols > 1
        if not (only_labels or lone_title):
            break
        caption.append(row)
    return caption, len(caption)


def _unit(unit_texts: list[str], table: Table) -> str | None:
    for text in unit_texts:
        unit = unit_from_caption(text)
        if unit:
            return unit
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if c.row > 1:
            break
        if _UNIT.search(c.text):
            unit = unit_from_caption(c.text)
            if unit:
                return unit
    return unit_from_caption(table.title) if table.title else None


def _contents_table(rows: list[list[tuple[int, str, int, int]]], prov: Provenance) -> Table:
    """目录: one line per row (its cells joined), under a first cell 目录, the way the outline reads contents."""
    lines = ["目录"] + [" ".join(t for _, t, _, _ in row) for row in rows[1:] if row]
    cells = [Cell(text=t, row=i, col=0) for i, t in enumerate(lines)]
    return Table(cells=cells, n_rows=len(cells), n_cols=1, prov=prov, title="目录")
