"""A table's title printed inside its own ruled grid (the first rows: 2024年预算单位财政拨款收支预算总表 /
编制单位：… 单位：元) becomes the table's title and unit, for every reader.

The rows stay in the grid (locations keep their row numbers); only `Table.title` and `Table.unit` are set.
A title found above the table wins unless it is only a number label (公开01表, 表3, 附表1) or a part heading
(第二部分 …部门决算表).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.model import Document, Paragraph, Table
from extractors.txt_reader import leading_header_rows
from extractors.units import unit_from_caption

LEAD_ROWS = 6  # a title inside the grid stands in the table's first rows
TITLE_MAX = 60
_TITLE_WORD = re.compile(r"表(?:[（(][^）)]{1,12}[）)])?$")
_MAKER = re.compile(r"(?:编制(?:部门|单位)|填报单位|预算单位|部门(?:名称)?|单位(?:名称)?)\s*[：:]")
_NUMBER_LABEL = re.compile(r"^\s*(?:公开|附)?\s*(?:[表]\s*)?[0-9０-９一二三四五六七八九十\-—.]+\s*表?\s*$")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lead_texts(table: Table) -> list[tuple[int, list[str]]]:
    """(row, non-empty cell texts) of the first rows, while each holds at most two texts."""
    out: list[tuple[int, list[str]]] = []
    for r, cells in enumerate(table.rows()[:LEAD_ROWS]):
        texts = [c.text.strip() for c in cells if c.text.strip()]
        if len(texts) > 2:
            break
        out.append((r, texts))
    return out


def title_in_grid(table: Table) -> tuple[str | None, str | None]:
    """(title, unit) printed in the table's first rows, either None when absent."""
    title: str | None = None
    unit: str | None = None
    for _, texts in _lead_texts(table):
        for text in texts:
            head = _MAKER.split(text, maxsplit=1)[0].strip() if _MAKER.search(text) else text
            plain = _plain(head)
            if title is None and plain and len(plain) <= TITLE_MAX and _TITLE_WORD.search(plain):
                title = head
            if _MAKER.search(text) or "单位" in text:
                unit = unit or unit_from_caption(text)
    return title, unit


_PART_HEADING = re.compile(r"^\s*第[一二三四五六七八九十0-9０-９]+(?:部分|章|篇)")


def lift_titles(doc: Document) -> None:
    for table in doc.tables():
        # a part heading above the first table (第二部分 …2024年度部门决算表) names the tables, not this one
        generic = table.title is None or bool(_NUMBER_LABEL.match(table.title) or _PART_HEADING.match(table.title))
        if not generic and table.unit:
            continue
        title, unit = title_in_grid(table)
        if title and generic:
            label = table.title if table.title and not _PART_HEADING.match(table.title) else None
            table.title = f"{label} {title}" if label else title
        if unit and not table.unit:
            table.unit = unit
    _titles_left_on_the_page_before(doc)  # (only for a table still without a title: one in its grid wins)


def _titles_left_on_the_page_before(doc: Document) -> None:
    """A PDF table at the top of a page with no title of its own, whose title line (六、一般公共预算基本支出表 单位名称：…
    单位：万元) is the last paragraph of the page before: that line is its caption."""
    for k, block in enumerate(doc.blocks):
        if k == 0 or not isinstance(block, Table) or block.title:
            continue
        before, unit_line = doc.blocks[k - 1], ""
        if _unit_line_atop(before, block) and k >= 2:
            # 表4 财政拨款收入支出决算总表 at the foot of one page, 单位：万元 above the grid at the top of the next
            before, unit_line = doc.blocks[k - 2], before.text.strip()  # type: ignore[union-attr]
        elif not block.touches_top and not (block.unit and _ends_in_a_unit(before)):
            # (表4 财政拨款收支预算总表 at the foot of a page joined to the 单位：万元 heading the next: one paragraph)
            continue
        if not isinstance(before, Paragraph) or before.prov.page is None or block.prov.page != before.prov.page + 1:
            continue
        text = before.text.strip()
        head = _MAKER.split(text, maxsplit=1)[0].strip() if _MAKER.search(text) else text
        if head and len(_plain(head)) <= TITLE_MAX and _TITLE_WORD.search(_plain(head)):
            block.title = head
            block.unit = block.unit or unit_from_caption(text) or unit_from_caption(unit_line)


_UNIT_ONLY = re.compile(r"^(?:金额)?单位[：:][^，,。；;]{1,8}$")


_UNIT_TAIL = re.compile(r"(?:金额)?单位[：:][^，,。；;：:]{1,8}$")


def _ends_in_a_unit(p: object) -> bool:
    return isinstance(p, Paragraph) and bool(_UNIT_TAIL.search(_plain(p.text)))


def _unit_line_atop(p: object, table: Table) -> bool:
    """A paragraph that only gives the unit (单位：万元), printed on the table's page right above it."""
    return isinstance(p, Paragraph) and p.prov.page == table.prov.page and bool(_UNIT_ONLY.match(_plain(p.text)))


def _title_line(table: Table, r: int) -> str:
    """The title row r holds alone with its maker or unit (一般公共预算支出预算表 部门：… 单位：万元), or ""."""
    texts = [c.text.strip() for c in table.cells if c.row == r and c.text.strip()]
    if len(texts) != 1 or not _MAKER.search(texts[0]):
        return ""
    head = _plain(_MAKER.split(texts[0], maxsplit=1)[0])
    return head if 0 < len(head) <= TITLE_MAX and _TITLE_WORD.search(head) else ""


def split_stacked(doc: Document) -> None:
    """Two tables drawn as one grid (a 公开表 file whose 财政拨款政府性基金支出预算表 touches the 一般公共预算支出预算表
    below it): the grid is cut where the second one's title line stands, and the rows from there on are a table of
    their own — under its own title, never summed or compared as rows of the first. The new table takes the next
    free table number (the others keep theirs) and stands right after the first in reading order."""
    out: list = []
    next_index = 1 + max((t.prov.table or 0 for t in doc.tables()), default=-1)
    for block in doc.blocks:
        out.append(block)
        if not isinstance(block, Table):
            continue
        table = block
        own = _plain(table.title or title_in_grid(table)[0] or "")
        # (the table's own title printed again, over its part on the next page, is no other table)
        cuts = [r for r in range(LEAD_ROWS // 2, table.n_rows) if _title_line(table, r) not in ("", own)]
        if not cuts:
            continue
        cells, bounds = table.cells, [*cuts, table.n_rows]
        table.cells = [replace(c, rowspan=min(c.rowspan, cuts[0] - c.row)) for c in cells if c.row < cuts[0]]
        table.n_rows = cuts[0]
        for lo, hi in zip(cuts, bounds[1:], strict=False):
            part = [replace(c, row=c.row - lo, rowspan=min(c.rowspan, hi - c.row)) for c in cells if lo <= c.row < hi]
            rest = Table(part, hi - lo, table.n_cols, replace(table.prov, table=next_index))
            next_index += 1
            rest.title, rest.unit = title_in_grid(rest)
            rest.pages = sorted({c.page for c in part if c.page is not None}) or list(table.pages)
            rest.header_rows = leading_header_rows([[c.text for c in row] for row in rest.rows()])
            out.append(rest)
    doc.blocks = out
