"""Read plain-text reports: narrative lines, Word-saved tables and Excel-pasted tables.

Three table layouts are recognised:
- the seed's (a Word table saved as text): one cell per line, each starting with a tab; a blank
  line ends a row; a line without a tab directly after a cell line continues that cell (a wrap);
  a lone tab is an empty cell; tabs and spaces after the first tab are whitespace of the cell.
- one row per line, cells separated by tabs (pasted from Excel or Word);
- one row per line, cells lined up by runs of spaces (copied from a web page): a header line, then rows of a label and
  figures.
Word writes a merged cell once, so a row with fewer cells than the table is placed by its shape (`_placed`).
Form feeds (as `pdftotext` writes them) are page breaks: blocks then carry a 1-based page.

The caption helpers at the bottom (`caption_of`, `leading_header_rows`) are shared with the .docx reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extractors.model import Cell, Document, Paragraph, Provenance, ReadError, Table
from extractors.units import unit_from_caption

MAX_TXT_BYTES = 100 * 1024 * 1024
_MEAN_CELL_MAX = 60  # characters; longer cells on average mean tab-indented paragraphs

# a tab that follows cell content: the line holds tab-separated cells on one row
_TAB_ROW = re.compile(r"\S[^\S\n\t]*\t")


def read_txt(path: Path, sha256: str) -> Document:
    """Read a UTF-8 / GB18030 text report into a Document."""
    try:
        size = path.stat().st_size
        if size > MAX_TXT_BYTES:
            raise ReadError("too_large", f"text file of {size} bytes exceeds {MAX_TXT_BYTES}")
        raw = path.read_bytes()
    except OSError as e:
        raise ReadError("corrupt", f"cannot read file: {e}") from e
    text = decode_text(raw)
    return parse_text(text, path=str(path), sha256=sha256)


def decode_text(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for enc in encodings:
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReadError("corrupt", "text is neither UTF-8 nor GB18030/GBK")


@dataclass
class _Line:
    text: str
    page: int


@dataclass
class _TableDraft:
    rows: list[list[tuple[str, int]]] = field(default_factory=list)  # (cell text, page)
    caption: list[str] = field(default_factory=list)
    indents: list[float | None] = field(default_factory=list)  # per row: its label's indentation, where known


def parse_text(text: str, path: str = "", sha256: str = "") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    paged = len(pages) > 1
    lines = [_Line(t, i + 1) for i, page in enumerate(pages) for t in page.split("\n")]

    doc = Document(path=path, sha256=sha256, format="txt", pages=len(pages) if paged else None)
    items: list[_Line | _TableDraft] = []
    run: list[str] = []  # non-blank lines since the last blank line: a table's caption candidates
    carried = False  # run ends in a caption line kept over blank lines (表3 …, 单位：万元, then a blank line)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text.strip():
            carried = bool(run) and bool(_CAPTION_LINE.search(run[-1]))
            run = run if carried else []
            i += 1
            continue
        starts = _TAB_ROW.search(line.text) or _space_row(line.text) or line.text.startswith("\t")
        if carried and not starts and not _CAPTION_LINE.search(line.text.strip()):
            run = []  # narrative after the blank line: the caption kept was no table's
        carried = False
        if _TAB_ROW.search(line.text) and i + 1 < len(lines) and _TAB_ROW.search(lines[i + 1].text):
            draft, i = _read_tab_rows(lines, i)
        elif (
            _space_row(line.text)
            and not _RULE_LINE.match(line.text)  # (a rule drawn under a header heads nothing)
            and not _space_data_row(line.text)  # a table starts at its header, never mid-table (a row cut off)
            and i + 2 < len(lines)
            and _space_data_row(lines[_past_rule(lines, i + 1)].text)
        ):
            start = i
            draft, i = _read_space_rows(lines, i)
            if not _aligned(draft):  # read as the lines they are
                items.extend(lines[start:i])
                run = []
                continue
        elif line.text.startswith("\t"):
            draft, i = _read_cell_lines(lines, i)
            if not _table_like(draft):  # tab-indented narrative, not a table
                items.extend(_Line(text, page) for row in draft.rows for text, page in row if text)
                run = []
                continue
        else:
            items.append(line)
            run.append(line.text.strip())
            i += 1
            continue
        draft.caption = list(run)
        run = []
        items.append(draft)

    n_par = n_tab = 0
    for item in items:
        block = len(doc.blocks)
        if isinstance(item, _Line):
            prov = Provenance(sha256=sha256, block=block, paragraph=n_par, page=item.page if paged else None)
            doc.blocks.append(Paragraph(text=item.text.strip(), prov=prov))
            n_par += 1
        else:
            doc.blocks.append(_build_table(item, sha256, block, n_tab, paged))
            n_tab += 1
    return doc


def _read_tab_rows(lines: list[_Line], i: int) -> tuple[_TableDraft, int]:
    """Tab-separated rows; where some row's label is indented by leading spaces ("  一般债务" under 债务限额), each
    row's indentation (a table with none stays unread: None)."""
    draft = _TableDraft()
    leads: list[int] = []
    while i < len(lines) and _TAB_ROW.search(lines[i].text):
        line = lines[i]
        draft.rows.append([(_clean(c), line.page) for c in line.text.split("\t")])
        first = line.text.split("\t", 1)[0]
        leads.append(len(first) - len(first.lstrip(" \u3000")) if first.strip() else 0)
        i += 1
    if any(leads):
        draft.indents = [_SPACE_POINTS * n for n in leads]
    return draft, i


# cells of a table copied from a web page, lined up by runs of spaces: 税收收入  370746  186420  50.3
_SPACE_GAP = re.compile(r"[ \u3000]{2,}")
_SPACE_POINTS = 5.0  # a leading space, as points of indentation (the row's level, as a PDF's indent)


def _space_cells(text: str) -> list[str]:
    cells = [c for c in _SPACE_GAP.split(text.strip()) if c]
    k = 0
    while k < len(cells) and _ONE_CHARACTER.fullmatch(cells[k]):
        k += 1
    # 合    计 | 8000.00 | …, 项    目 | …: a label spread over the label column, one character at a time
    return ["".join(cells[:k]), *cells[k:]] if k >= 2 else cells


_ONE_CHARACTER = re.compile(r"[\u4e00-\u9fff]")


def _space_row(text: str) -> bool:
    """A line of three cells or more split by runs of spaces, none of them a sentence."""
    cells = _space_cells(text)
    return len(cells) >= 3 and not any(c.endswith(("。", "；")) or len(c) > _HEADER_CELL_MAX for c in cells)


def _space_data_row(text: str) -> bool:
    """A label (or a subject code and its name: 201    一般公共服务支出    66.30 …) and figures."""
    cells = _space_cells(text)
    figures = cells[_label_cells(cells) :]
    return _space_row(text) and all(_figure_like(c) for c in figures) and any(looks_numeric(c) for c in figures)


_SUBJECT_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")


def _label_cells(cells: list[str]) -> int:
    """How many cells a space-lined row's label takes: two for a subject code and its name, else one."""
    return 2 if len(cells) >= 4 and _SUBJECT_CODE.fullmatch(cells[0]) and not _figure_like(cells[1]) else 1


_HEADER_CELL_MAX = 30


def _read_space_rows(lines: list[_Line], i: int) -> tuple[_TableDraft, int]:
    """A header line (or a first data row) and the data rows under it; a header split into more cells than the rows
    hold (项    目 | 年初预算 | …) joins its first cells. The leading spaces of a row are its label's indentation."""
    draft = _TableDraft()
    start = i
    header = _space_cells(lines[i].text)
    draft.rows.append([(c, lines[i].page) for c in header])
    draft.indents.append(None)
    i = _past_rule(lines, i + 1)
    while i < len(lines) and _space_data_row(lines[i].text):
        t = lines[i].text
        draft.rows.append([(c, lines[i].page) for c in _space_cells(t)])
        draft.indents.append(_SPACE_POINTS * (len(t) - len(t.lstrip(" \u3000"))))
        i += 1
    width = max(len(r) for r in draft.rows[1:])
    head = draft.rows[0]
    while len(head) > width and not _figure_like(head[1][0]):
        head[0:2] = [(head[0][0] + head[1][0], head[0][1])]  # 项 | 目 → 项目
    if len(head) < width:  # 上年执行数 比上年增长%: two captions a single space apart
        single = [c for c in re.split(r"[ \u3000]+", lines[start].text.strip()) if c]
        if len(single) == width:
            draft.rows[0] = [(c, lines[start].page) for c in single]
    return draft, i


# ---------- (or ------  ------  ------, one per column) under a header copied from a web page
_RULE_LINE = re.compile(r"^[\s\u3000]*[-=—－─_]{3,}(?:[\s\u3000]+[-=—－─_]{3,})*[\s\u3000]*$")


def _past_rule(lines: list[_Line], i: int) -> int:
    """i, or the line after it where line i is a rule drawn under a header."""
    return i + 1 if i + 1 < len(lines) and _RULE_LINE.match(lines[i].text) else i


def _aligned(draft: _TableDraft) -> bool:
    """Whether the header (or first row) has a cell for every column of the rows: a table whose captions cannot be
    placed would give its figures the wrong columns (a growth % read as an amount in 万元)."""
    width = max(len(r) for r in draft.rows[1:])
    coded = any(_label_cells([t for t, _ in r]) == 2 for r in draft.rows[1:])

    def fits(row: list[tuple[str, int]]) -> bool:
        # (a code column left blank in a 合计 row: its label and a figure for every figure column; a coded row one
        # figure short leaves unsaid which column is blank)
        cells = [t for t, _ in row]
        return len(row) in (width, 1) or (coded and len(row) == width - 1 and _label_cells(cells) == 1)

    return len(draft.rows[0]) == width and all(fits(r) for r in draft.rows[1:])


def _read_cell_lines(lines: list[_Line], i: int) -> tuple[_TableDraft, int]:
    draft = _TableDraft()
    row: list[tuple[str, int]] = []
    after_cell = False  # the previous line was a cell (or its continuation): a tabless line continues it
    while i < len(lines):
        t = lines[i].text
        if t.startswith("\t"):
            row.append((_clean(t), lines[i].page))
            after_cell = True
        elif not t.strip():
            if row:
                draft.rows.append(row)
            row, after_cell = [], False
        elif after_cell:
            prev, page = row[-1]
            row[-1] = (_join_wrap(prev, t.strip()), page)
        else:
            break  # narrative resumes after a blank line
        i += 1
    if row:
        draft.rows.append(row)
    return draft, i


def _table_like(draft: _TableDraft) -> bool:
    """At least two rows, some row with two cells, and cells short on average (not indented prose)."""
    cells = [text for row in draft.rows for text, _ in row]
    if len(draft.rows) < 2 or max(len(row) for row in draft.rows) < 2:
        return False
    return sum(len(t) for t in cells) / len(cells) <= _MEAN_CELL_MAX


def _clean(cell: str) -> str:
    return re.sub(r"\t+", " ", cell.strip())


def _join_wrap(head: str, tail: str) -> str:
    """A wrapped cell: CJK text joins directly, Latin words keep a space between them."""
    if head and tail and head[-1].isascii() and head[-1].isalnum() and tail[0].isascii() and tail[0].isalnum():
        return f"{head} {tail}"
    return head + tail


def _build_table(draft: _TableDraft, sha256: str, block: int, index: int, paged: bool) -> Table:
    cells: list[Cell] = []
    for r, placed in enumerate(_placed(draft.rows)):
        indent = draft.indents[r] if r < len(draft.indents) else None
        for c, span, (text, page) in placed:
            cell = Cell(text=text, row=r, col=c, colspan=span, page=page if paged else None)
            cell.indent = indent if c == 0 else None
            cells.append(cell)
    page_set = sorted({c.page for c in cells if c.page is not None})
    title, unit = caption_of(draft.caption)
    prov = Provenance(sha256=sha256, block=block, table=index, page=page_set[0] if page_set else None)
    table = Table(
        cells=cells,
        n_rows=len(draft.rows),
        n_cols=max((len(r) for r in draft.rows), default=0),
        prov=prov,
        header_rows=leading_header_rows([[t for t, _ in row] for row in draft.rows]),
        title=title,
        unit=unit,
        pages=page_set,
    )
    table.unit = table.unit or unit_row(table)
    return table


# A cell that holds a figure or stands in for one: 0.00 / 97.4% / 30家 / blank / - / — / /
_PLACEHOLDER = re.compile(r"^[-－—–/／\\]*$")


def _figure_like(text: str) -> bool:
    return looks_numeric(text) or bool(_PLACEHOLDER.match(text.strip()))


def _placed(rows: list[list[tuple[str, int]]]) -> list[list[tuple[int, int, tuple[str, int]]]]:
    """(column, colspan, cell) of each row.

    Word writes a horizontally merged cell once (and a vertically merged one as an empty cell), so a
    row can hold fewer cells than the table has columns. Two shapes are placed by what they say:
    - a data row whose first cell is a label and whose other cells are figures, exactly one per figure
      column of the full rows (合计 merged across 类|款|项|科目名称): the figures go to the figure
      columns and the label spans the columns before them;
    - a header row above a full header row: a cell spans the run of sub-headers below it (科目编码
      over 类|款|项), a cell over an empty cell (vertically merged) spans one column; or, when each
      cell has sub-headers and they start with the same word (收入 | 支出 over 项目 金额 项目 金额),
      a cell spans from one such word to the next.
    Any other row is placed from column 0, one column per cell, as written.
    """
    n = max((len(x) for x in rows), default=0)
    n_head = leading_header_rows([[t for t, _ in x] for x in rows])
    first: int | None = None  # the first figure column of the full data rows, found when a short row needs it
    out: list[list[tuple[int, int, tuple[str, int]]]] = []
    block_width = n  # the width of the rows just above, as written: a block of its own (指标 rows under 项目资金)
    for r, row in enumerate(rows):
        spans: list[int] | None = None
        if 0 < len(row) < n and r < n_head:
            spans = _header_spans(row, rows[r + 1] if r + 1 < n_head else [], n)
        elif 0 < len(row) < n and len(row) != block_width:
            if first is None:
                first = _first_figure_column(rows[n_head:], n)
            spans = _label_row_spans(row, first, n)
        if spans is None:
            out.append([(c, 1, cell) for c, cell in enumerate(row)])
            if row:
                block_width = len(row)
            continue
        placed, col = [], 0
        for span, cell in zip(spans, row, strict=True):
            placed.append((col, span, cell))
            col += span
        out.append(placed)
    return out


def _first_figure_column(body: list[list[tuple[str, int]]], n: int) -> int:
    """The column after the last label cell of any full data row (0 when there is no full row)."""
    full = [x for x in body if len(x) == n]
    return 1 + max((c for x in full for c, (t, _) in enumerate(x) if not _figure_like(t)), default=-1)


def _label_row_spans(row: list[tuple[str, int]], first: int, n: int) -> list[int] | None:
    label, figures = row[0][0], [t for t, _ in row[1:]]
    if _figure_like(label) or not figures or not all(_figure_like(t) for t in figures):
        return None
    if not any(looks_numeric(t) for t in figures) or first < 1 or len(figures) != n - first:
        return None
    return [first] + [1] * len(figures)


def _header_spans(row: list[tuple[str, int]], below: list[tuple[str, int]], n: int) -> list[int] | None:
    if len(below) != n:
        return None
    sub = [t.strip() for t, _ in below]
    spans, col = [], 0
    for _ in row:
        if col >= n:
            break
        run = 1
        if sub[col]:
            while col + run < n and sub[col + run]:
                run += 1
        spans.append(run)
        col += run
    if col == n and len(spans) == len(row):
        return spans
    # every cell over sub-headers that repeat the same first word: 收入 | 支出 over 项目 金额 项目 金额
    starts = [c for c, t in enumerate(sub) if t and t == sub[0]]
    if all(sub) and len(starts) == len(row):
        return [b - a for a, b in zip(starts, [*starts[1:], n], strict=True)]
    return None


# a line that can only head a table: its unit, or a numbered table title
_CAPTION_LINE = re.compile(
    r"^(?:单位[：:]|金额单位[：:])|^(?:附)?表\s*[\d一二三四五六七八九十]+|^[^，,。；;：:]{2,40}表$"
)


# ---------------------------------------------------------------- caption helpers (shared with docx)

_CAPTION_MAX = 60
_UNIT_LINE = re.compile(r"(?:计量|金额)?单位\s*[：:]\s*([^\s，,；;）)]+)")
_MAKER_FIELD = re.compile(r"(?:编制(?:部门|单位)|填报单位|单位名称|部门(?:名称)?)\s*[：:]\s*[^\s，,；;]*")
_WHOLE_TITLE = re.compile(r"表\s*(?:[（(]草案[）)])?$")
_CAPTION_LABEL = re.compile(r"^\s*(?:附件|附表|公开|表)\s*[\d一二三四五六七八九十]+(?:[-—.．][\d]+)?\s*表?[：:]?\s*$")
_CAPTION_TOP = re.compile(r"^(附件|附表|表)\s*[\d一二三四五六七八九十]")
_YEAR = re.compile(r"^(19|20)\d\d\s*年")
# a cell that reads as a number, possibly with a short unit: 9.84 / 111.4% / 30家 / ≥10万元 / 2.5万亩
_NUMERIC = re.compile(r"^[\s　]*[-−+≥≤<>＞＜约近超]*\s*\d[\d,，.．]*\s*(%|％|‰|㎡|[\u4e00-\u9fff]{0,3})[\s　]*$")


def caption_of(lines: list[str]) -> tuple[str | None, str | None]:
    """Title and unit from the short lines just before a table (附件3 / 部门整体支出绩效评价基础数据表 / 单位：万元)."""
    title_parts: list[str] = []
    unit: str | None = None
    for text in reversed(lines[-4:]):
        text = text.strip()
        # (spaces that align a line's two ends, 部门名称：…        单位：万元, are not its length)
        if not text or len(" ".join(text.split())) > _CAPTION_MAX or text.endswith(("。", "；", ";")):
            break
        if _UNIT_LINE.search(text) or _MAKER_FIELD.search(text):
            # 编制单位：上海市徐汇区图书馆  单位：元 — who made the table is no part of its title
            own = _MAKER_FIELD.sub("", text)
            unit = unit or unit_from_caption(own)
            rest = re.sub(r"[（(]\s*[）)]", "", _UNIT_LINE.sub("", own)).strip()
            if rest:
                title_parts.insert(0, rest)
            continue
        # (公开01表 alone on its caption line, under 收入支出决算总表, is no whole title)
        if (
            title_parts
            and _WHOLE_TITLE.search(title_parts[0])
            and not _CAPTION_LABEL.match(title_parts[0])
            and not _CAPTION_LABEL.match(text)
        ):
            break  # a whole title is read: the line above (第二部分 …部门决算表, the report's title) is not of it
        title_parts.insert(0, text)
        if _CAPTION_TOP.match(text):
            break
    title = " ".join(title_parts) or None
    if unit is None and title:
        unit = unit_from_caption(title)
    return title, unit


def unit_row(table: Table) -> str | None:
    """A first row holding only a 单位：万元 cell (a common layout) gives the table's unit."""
    first = [c for c in table.cells if c.row == 0 and c.text.strip()]
    if len(first) == 1 and "单位" in first[0].text:
        return unit_from_caption(first[0].text)
    return None


def looks_numeric(text: str) -> bool:
    """Cheap yes/no used to tell header rows from data rows (the quantity parser does the real work)."""
    return bool(text.strip()) and not _YEAR.match(text.strip()) and bool(_NUMERIC.match(text))


def leading_header_rows(rows: list[list[str]]) -> int:
    """Number of leading rows without a numeric cell; 0 when no row holds a number."""
    for i, row in enumerate(rows):
        if any(looks_numeric(t) for t in row):
            return i
    return 0
