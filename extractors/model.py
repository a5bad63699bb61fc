"""The document model shared by every reader, extractor and check.

A Document is an ordered list of blocks (Paragraph or Table); every block,
cell, claim and fact carries a Provenance so an auditor can find it.
Indices are 0-based internally; `Provenance.render()` prints them 1-based.
"""

from __future__ import annotations

from array import array
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Provenance:
    sha256: str
    block: int | None = None  # index of the block in reading order
    page: int | None = None  # 1-based PDF page
    paragraph: int | None = None  # 0-based index among the document's paragraphs
    table: int | None = None  # 0-based index among the document's tables
    row: int | None = None  # 0-based row in the expanded grid
    col: int | None = None  # 0-based column in the expanded grid
    span: tuple[int, int] | None = None  # character offsets in the block's / cell's text
    bbox: tuple[float, float, float, float] | None = None  # PDF points x0, top, x1, bottom
    ocr: bool = False  # the text was read from a page image by OCR, not from a text layer
    converted: str | None = None  # how the file was converted before reading, e.g. "doc→docx" (LibreOffice)
    file: str | None = None  # another file's name: a table read with this document from its 公开表 file
    table_offset: int = 0  # tables of the document before that file's: its own number is table − table_offset

    def render(self) -> str:
        """Human location: `p.3 表2 r5c3`, `段落12 [40:58]`, `p.2 段落7 [3:9]`, `《…公开表.pdf》 p.7 表5 r6c3`."""
        parts: list[str] = [f"《{self.file}》"] if self.file else []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.table is not None:
            where = f"表{self.table - self.table_offset + 1}"
            if self.row is not None and self.col is not None:
                where += f" r{self.row + 1}c{self.col + 1}"
            if self.span is not None:  # a figure in the prose of a table cell (说明：…)
                where += f" [{self.span[0]}:{self.span[1]}]"
            parts.append(where)
        elif self.paragraph is not None:
            where = f"段落{self.paragraph + 1}"
            if self.span is not None:
                where += f" [{self.span[0]}:{self.span[1]}]"
            parts.append(where)
        return " ".join(parts)

    def with_(self, **changes: Any) -> Provenance:
        # dataclasses.replace, without its walk over the fields' metadata on every call (thousands per document):
        # every field is an init field, and a frozen instance's __dict__ holds exactly the fields
        return Provenance(**{**self.__dict__, **changes})


Box = tuple[float, float, float, float]  # PDF points: x0, top, x1, bottom


@dataclass(frozen=True)
class TextLine:
    """Where one printed line of a PDF paragraph stands: characters text[start:end] of the paragraph."""

    start: int
    end: int
    page: int
    box: Box
    xs: array[float] = field(default_factory=lambda: array("f"))  # x0, x1 of each character; empty if unknown


@dataclass
class Paragraph:
    text: str
    prov: Provenance
    level: int | None = None  # heading level when known (1 = top)
    numbering: str | None = None  # list label recovered from Word numbering (一、 （二） 1.)
    kind: str = "paragraph"
    lines: list[TextLine] = field(default_factory=list)  # PDF: the printed lines, for boxing a span

    def span_box(self, span: tuple[int, int]) -> tuple[int, Box] | None:
        """The page and box of characters [start, end) of the text: the part on the page where the span
        begins (a figure wrapped over a page break is boxed where it starts); None without line boxes."""
        start, end = span
        page: int | None = None
        box: Box | None = None
        for ln in self.lines:
            a, b = max(start, ln.start), min(end, ln.end)
            if a >= b:
                continue
            if page is None:
                page = ln.page
            elif ln.page != page:
                break
            x0, top, x1, bottom = ln.box
            if len(ln.xs) == 2 * (ln.end - ln.start):  # else the line's own box
                x0, x1 = ln.xs[2 * (a - ln.start)], ln.xs[2 * (b - ln.start) - 1]
            part = (x0, top, x1, bottom)
            box = part if box is None else _union(box, part)
        return None if page is None or box is None else (page, box)

    def locate(self, prov: Provenance) -> Provenance:
        """`prov` (a span of this paragraph) with the page and box of its characters, when they are known."""
        found = self.span_box(prov.span) if prov.span is not None else None
        if found is None:
            return prov
        page, box = found
        return prov.with_(page=page, bbox=tuple(round(v, 2) for v in box))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "level": self.level,
            "numbering": self.numbering,
            "location": self.prov.render(),
            "prov": _prov_dict(self.prov),
        }


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


@dataclass
class Cell:
    text: str
    row: int  # top-left anchor in the expanded grid, 0-based
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    nested: list[Table] = field(default_factory=list)  # tables nested inside this cell
    indent: float | None = None  # PDF: points from the cell's left edge to its text (row levels shown by indentation)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "row": self.row,
            "col": self.col,
            "rowspan": self.rowspan,
            "colspan": self.colspan,
        }
        if self.page is not None:
            d["page"] = self.page
        if self.bbox is not None:
            d["bbox"] = list(self.bbox)
        if self.indent is not None:
            d["indent"] = self.indent
        if self.nested:
            d["nested"] = [t.to_dict() for t in self.nested]
        return d


@dataclass
class Table:
    """A grid of logical cells; a merged cell appears once, at its top-left anchor."""

    cells: list[Cell]
    n_rows: int
    n_cols: int
    prov: Provenance  # block, table index, first page
    header_rows: int = 0  # number of leading rows that are column headers
    title: str | None = None  # e.g. 收入支出决算总表 / 部门整体支出绩效自评表
    unit: str | None = None  # table-wide unit from 单位：万元 or the caption, as printed
    pages: list[int] = field(default_factory=list)
    touches_top: bool = False  # PDF: table starts at the top margin of its first page
    touches_bottom: bool = False  # PDF: table ends at the bottom margin of its last page
    rows_left_out: int = 0  # rows holding figures the reader did not read (hidden in a workbook): sums may not close
    # a 续表 the reader did not join (a PDF's 续表 on the same page, its columns drawn apart): sums may not close
    continued_in_next: bool = False  # this table's rows go on in the 续表 that follows it
    continues_previous: bool = False  # this table is a 续表: its first rows may belong to the table before
    kind: str = "table"

    def grid(self) -> list[list[Cell | None]]:
        """n_rows × n_cols; the anchor position holds the cell, covered positions hold None."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c
        return out

    def covering(self) -> list[list[Cell | None]]:
        """n_rows × n_cols; every position holds the cell that covers it (spans expanded)."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.rowspan, self.n_rows)):
                for k in range(c.col, min(c.col + c.colspan, self.n_cols)):
                    out[r][k] = c
        return out

    def rows(self) -> list[list[Cell]]:
        """Anchor cells of each row, left to right (merged cells only in their first row)."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for c in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[c.row].append(c)
        return out

    def cell_prov(self, cell: Cell) -> Provenance:
        return self.prov.with_(row=cell.row, col=cell.col, page=cell.page or self.prov.page, bbox=cell.bbox)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "unit": self.unit,
            "n_rows": self.n_rows,
            "n_cols": self.n_cols,
            "header_rows": self.header_rows,
            "pages": self.pages,
            "touches_top": self.touches_top,
            "touches_bottom": self.touches_bottom,
            "location": self.prov.render(),
            "prov": _prov_dict(self.prov),
            "cells": [c.to_dict() for c in self.cells],
        }


Block = Paragraph | Table


@dataclass
class Document:
    path: str
    sha256: str
    format: str  # the input's format: docx | pdf | txt | doc | xlsx | html | …
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    problems: list[str] = field(default_factory=list)  # non-fatal reading problems, e.g. (cid:N) garbage
    notes: list[str] = field(default_factory=list)  # how it was read, not a problem: converted, OCR'd, hidden rows
    converted: str | None = None  # how it was read when not directly: "converted from doc (LibreOffice → .docx)"
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "problems": self.problems,
            "notes": self.notes,
            "converted": self.converted,
            "ocr_pages": self.ocr_pages,
            "blocks": [b.to_dict() for b in self.blocks],
        }


class ReadError(Exception):
    """A document that cannot be read; `reason` is one of REASONS."""

    REASONS = (
        "corrupt",
        "encrypted",
        "unsupported",
        "needs_ocr",
        "needs_converter",
        "too_large",
        "timeout",
        "oom",
        "crashed",
    )
    # a file that cannot be opened at all (see extractors.registry.os_error and the folder walk)
    FILE_REASONS = (
        "permission_denied",
        "missing",
        "dangling_link",
        "link_loop",
        "name_too_long",
        "not_a_file",
        "unreadable",
        "ignored",
    )

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


# ---------------------------------------------------------------- quantities

APPROX_KINDS = ("exact", "more-than", "near", "at-least", "at-most", "less-than")


@dataclass(frozen=True)
class Quantity:
    value: Decimal  # as printed, in `unit` (82.84 for 82.84%)
    unit: str  # as printed (万元, %, 万亩, 户); "" when none
    base_value: Decimal  # in base_unit (元, 亩, 户, %)
    base_unit: str
    dimension: str  # money | percent | pp | area | count | weight | length | points | ratio | unknown
    decimals: int  # decimals as printed: 2998.29 → 2, 11 → 0
    text: str  # the exact printed text of the number and unit
    approx: str = "exact"  # one of APPROX_KINDS
    high: Decimal | None = None  # upper end of a printed range (5-15户), in `unit`

    @property
    def is_exact_count(self) -> bool:
        """Counts and whole points are exact; measured figures carry rounding."""
        return self.dimension in ("count", "points") and self.decimals == 0


@dataclass(frozen=True)
class Identity:
    """What makes two printed figures the same figure (XBRL's context): each component as stated, "" when the
    text does not say. Two figures are the same figure only when every component either states agrees."""

    scope: str = ""  # 全市 | 本级 | 下级 | a named unit (石嘴山市) …
    fund: str = ""  # 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 社会保险基金预算 | 财政拨款
    measure: str = ""  # 预算 | 调整预算 | 执行 | 决算 | 预计执行
    period: str = ""  # the year: 2025
    item: str = ""  # the item heading or 科目/project path the figure stands under (not its own subject phrase)
    part_of: str = (
        ""  # the figure a bracketed breakdown belongs to: 市级留用 in "市级留用279.14亿元（其中，新增债券…）"
    )

    def render(self) -> str:
        parts = [self.period and f"{self.period}年", self.scope, self.fund, self.item, self.part_of, self.measure]
        return " ".join(p for p in parts if p)


@dataclass
class Claim:
    """A number stated in the narrative, with what it is about."""

    subject: str  # 人员经费
    quantity: Quantity
    sentence: str  # the clause / sentence text it stands in
    prov: Provenance  # span = the number's characters in the paragraph text
    role: str = ""  # 预算 | 决算 | 执行 | 年初 | 全年 | 上年 | 本年 | 目标 | 实际 | ""
    period: str = ""  # 2023年 | 上年 | ""
    relation: str = ""  # share | rate | change | per-capita | part | total | direction | reason | balanced | ""
    denominator: str = ""  # share-of / rate base phrase: 本年支出, 预算; what a direction compares with
    direction: str = ""  # change / comparison word: 增长 | 减少 | 持平 | 基本持平 | 大于 | 小于 | 等于
    group: int | None = None  # enumeration id: a total and its parts share it
    section: str = ""  # heading path the paragraph stands under, e.g. 二、… › （一）基本支出情况
    identity: Identity = Identity()
    list_kind: str = ""  # a list's total: complete | partial | "" (extractors.lists.completeness)
    # the words of the clause right before the figure (NFKC; extractors.leads), None when not read from a document
    lead: str | None = None
    follows: tuple[int, int] | None = None  # (block, end) of the figure right before, when only a few words part them
    # the figure a comparison is made with (比上年1,000.00万元增加…): last year's base, never a level, part or total
    base: bool = False


@dataclass
class Fact:
    """A numeric table cell."""

    quantity: Quantity
    prov: Provenance  # table, row, col, page
    row_labels: tuple[str, ...]  # 三公经费 › 公务接待费
    column_labels: tuple[str, ...]  # 2023年 › 决算数
    table_title: str = ""
    code: str = ""  # subject code of the row (2010101) when the table has one
    text: str = ""  # the cell text exactly
    identity: Identity = Identity()
    indent: float | None = None  # the row label's indentation in its cell (points), when the reader knows it
    own_label: str = ""  # the row label written in this row itself (row_labels also carry labels down from above)
    label_depth: int | None = None  # which label column (0 = leftmost) holds own_label: a level shown by columns
    label_col: int | None = None  # the grid column of own_label
    # a bare 合计 printed below the row of the table title's own flow (政府性基金预算收入 | 上级转移支付 | … | 收入合计):
    # it counts more than that flow, so it is not the flow the title names
    past_own_flow: bool = False


def _prov_dict(p: Provenance) -> dict[str, Any]:
    return {k: v for k, v in asdict(p).items() if v is not None and v is not False}


def mark_converted(doc: Document, source_format: str, target: str) -> Document:
    """A document read after LibreOffice converted it: the format is the input's, and the conversion is
    in the document's note and in every block's provenance (cells, claims and facts inherit it)."""
    doc.format = source_format
    doc.converted = f"converted from {source_format} (LibreOffice → .{target})"
    doc.notes.insert(0, doc.converted)
    via = f"{source_format}→{target}"
    stack: list[Block] = list(doc.blocks)
    while stack:
        block = stack.pop()
        block.prov = block.prov.with_(converted=via)
        if isinstance(block, Table):
            stack.extend(t for c in block.cells for t in c.nested)
    return doc


@dataclass
class OutlineEntry:
    """The document's skeleton as checks see it: headings, table titles, contents lines."""

    kind: str  # heading | table | toc | note
    text: str  # heading text, table title, a contents line, or a note such as 本表无数据
    prov: Provenance
    level: int | None = None
