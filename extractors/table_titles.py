"""A table's title printed inside its own ruled grid (the first rows: 2024年预算单位财政拨款收支预算总表 /
编制单位：… 单位：元) becomes the table's title and unit, for every reader.

The rows stay in the grid (locations keep their row numbers); only `Table.title` and `Table.unit` are set.
A title found above the table wins unless it is only a number label (公开01表, 表3, 附表1) or a part heading
(第二部分 …部门决算表).
"""

from __future__ import annotations

import re

from extractors.model import Document, Table
from extractors.units import unit_from_caption

LEAD_ROWS = 6  # a title inside the grid stands in the table's first rows
TITLE_MAX = 60
_TITLE_WORD = re.compile(r"表(?:[（(][^）)]{1,12}[）)])?$")
_MAKER = re.compile(r"(?:编制(?:部门|单位)|填报单位|预算单位|部门(?:名称)?|单位)\s*[：:]")
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
