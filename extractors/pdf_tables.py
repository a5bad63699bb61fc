"""Ruled PDF tables: pdfplumber's cell rectangles → logical cells with row/column spans.

A merged cell is one rectangle in pdfplumber's `table.cells`; its span is the number of grid
boundaries (distinct cell edges) it crosses. Chars are assigned to the cell under their centre,
so a cell's text never leaks into a neighbour or into the page's paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from extractors.model import Cell
from extractors.pdf_lines import Char, Line, cluster_chars, join_cell_lines

SNAP = 2.0  # points: cell edges closer than this are one grid boundary
MAX_CELLS = 5000  # a table with more rectangles than this is pathological: skipped and reported
MAX_GRID = 4000  # distinct horizontal × vertical ruling positions on a page before table finding is skipped
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

_UNIT = re.compile(r"(?:计量)?单位\s*[：:]")
_MAKER = re.compile(r"^\s*(?:编制(?:部门|单位)|填报单位|部门(?:名称)?)\s*[：:]")
_UNIT_TAIL = re.compile(r"^\s*[（(]?\s*(?:亿元|万元|千元|元)\s*[）)]?\s*$")
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[0-9０-９]*\s*[：:]")
_QUALIFIER = re.compile(r"^\s*[（(][^（）()]{2,30}[）)]\s*$")
_TITLE_ENDS = ("表", "表（草案）", "表(草案)", "草案）", "草案)", "情况")


@dataclass
class TableDraft:
    """One page's part of a table, before stitching and numbering."""

    page: int
    bbox: tuple[float, float, float, float]
    cells: list[Cell]
    n_rows: int
    n_cols: int
    col_edges: list[float]  # x positions of the column boundaries
    title: str | None = None
    unit: str | None = None
    touches_top: bool = False
    touches_bottom: bool = False
    caption_lines: list[Line] = field(default_factory=list)


def _boundaries(values: list[float]) -> list[float]:
    """Distinct positions, merging those within SNAP of each other."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """Index of the boundary nearest to v."""
    i = bisect_right(edges, v)
    if i > 0 and (i == len(edges) or v - edges[i - 1] <= edges[i] - v):
        return i - 1
    return i


def grid_size(edges: list[dict[str, Any]]) -> int:
    """Distinct horizontal × vertical ruling positions: an upper bound on the grid's intersections."""
    ys = {round(e["top"]) for e in edges if e["orientation"] == "h"}
    xs = {round(e["x0"]) for e in edges if e["orientation"] == "v"}
    return len(ys) * len(xs)


Grid = tuple[TableDraft, dict[tuple[int, int], int], list[float], list[float]]


def build_table(rects: list[tuple[float, float, float, float]], page: int) -> Grid | None:
    """Logical cells of one table from its cell rectangles, with the grid position → cell map and boundaries."""
    xs = _boundaries([r[0] for r in rects] + [r[2] for r in rects])
    ys = _boundaries([r[1] for r in rects] + [r[3] for r in rects])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1:
        return None
    cells: list[Cell] = []
    owner: dict[tuple[int, int], int] = {}
    for x0, top, x1, bottom in sorted(rects, key=lambda r: (r[1], r[0])):
        r0, r1 = _index(ys, top), _index(ys, bottom)
        c0, c1 = _index(xs, x0), _index(xs, x1)
        if r1 <= r0 or c1 <= c0 or (r0, c0) in owner:
            continue
        idx = len(cells)
        cells.append(
            Cell(text="", row=r0, col=c0, rowspan=r1 - r0, colspan=c1 - c0, page=page, bbox=(x0, top, x1, bottom))
        )
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), idx)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TableDraft(page=page, bbox=bbox, cells=cells, n_rows=n_rows, n_cols=n_cols, col_edges=xs), owner, xs, ys


def fill_cells(
    draft: TableDraft, owner: dict[tuple[int, int], int], xs: list[float], ys: list[float], chars: list[Char]
) -> list[Char]:
    """Put each char inside the table into the cell under its centre; return the chars left outside."""
    x0, top, x1, bottom = draft.bbox
    last_row, last_col = draft.n_rows - 1, draft.n_cols - 1
    per_cell: dict[int, list[Char]] = {}
    rest: list[Char] = []
    for ch in chars:  # every char of the page, once per table: min() written out, the call being most of its cost
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            rest.append(ch)
            continue
        r = bisect_right(ys, cy) - 1
        c = bisect_right(xs, cx) - 1
        idx = owner.get((last_row if last_row < r else r, last_col if last_col < c else c))
        if idx is None:
            rest.append(ch)
        else:
            per_cell.setdefault(idx, []).append(ch)
    for idx, cell_chars in per_cell.items():
        cell = draft.cells[idx]
        lines = cluster_chars(cell_chars)
        cell.text = join_cell_lines(lines)
        ink = [c for c in lines[0] if not c["text"].isspace()] if lines else []
        if ink and cell.bbox is not None:
            cell.indent = round(min(c["x0"] for c in ink) - cell.bbox[0], 1)
    return rest


def caption_for(lines_above: list[Line]) -> tuple[str | None, str | None, list[Line]]:
    """Title and unit from the lines just above a table (nearest last): 收入支出决算总表 / 单位：万元."""
    from extractors.txt_reader import unit_from_caption  # shared helper (units module when present)

    title: str | None = None
    unit: str | None = None
    used: list[Line] = []
    tail = ""  # the end of a unit line wrapped onto a line of its own (…单位：万 / 元)
    recent = lines_above[-5:]
    for k, ln in enumerate(reversed(recent)):
        text = ln.text.strip()
        if not text or _NOTE.match(text):
            break
        if _UNIT_TAIL.match(text) and title is None and not tail:
            tail = text
            used.append(ln)
            continue
        if _UNIT.search(text) or _MAKER.match(text):
            unit = unit or unit_from_caption(text + tail)
            tail = ""
            used.append(ln)
            continue
        if tail and unit is None:
            unit = unit_from_caption(f"单位：{tail}")  # a unit printed alone above the table
        if title is None and len(text) <= 60 and not text.endswith(("。", "；", ";", "：", ":")):
            title = text
            used.append(ln)
            if unit is None:
                unit = unit_from_caption(text)
            if _QUALIFIER.match(text):
                continue  # (按政府预算支出经济分类) qualifies the title printed above it
            if _LABEL_ONLY.match(text):
                continue  # 公开01表 printed right under its title (收入支出决算总表 / 公开01表 / 编制单位：…)
            above = recent[-k - 2].text.strip() if k + 1 < len(recent) else ""
            if above and _wrapped_title(above, title):
                continue
            if unit is None and _UNIT.match(above) and len(above) <= UNIT_LINE_MAX:
                unit = unit_from_caption(above)  # 单位：万元 printed above its table's title
                used.append(recent[-k - 2])
        elif title is not None and _QUALIFIER.match(title) and len(text) <= 60 and text.endswith(_TITLE_ENDS):
            title = f"{text}{title}"
            used.append(ln)
        elif title is not None and _LABEL_ONLY.match(title) and len(text) <= 60 and text.endswith(_TITLE_ENDS):
            title = f"{title} {text}"
            used.append(ln)
        elif title is not None and _wrapped_title(text, title):
            title = f"{text}{title}"
            used.append(ln)
        break
    return title, unit, used


UNIT_LINE_MAX = 20
_LABEL_ONLY = re.compile(r"^\s*(?:公开|附)?\s*表?\s*[0-9０-９]+(?:[-—][0-9０-９]+)?\s*表?\s*$")
_NUMBERED_TITLE = re.compile(r"^\s*(?:公开|附)?\s*表?\s*[0-9０-９]+\s*表?\s*[：:、.．\s]")


def _wrapped_title(above: str, title: str) -> bool:
    """A numbered table title wrapped over two lines (公开09表：一般公共预算“三公”经费、会议费、培训费 / 支出预算表): the
    line above opens with the table's number and does not end the title itself; the title's last line is short."""
    if len(above) + len(title) > 60 or len(title) > 12 or not title.endswith("表"):
        return False
    return bool(_NUMBERED_TITLE.match(above)) and not above.rstrip().endswith(("表", "。", "；", ";", "：", ":"))
