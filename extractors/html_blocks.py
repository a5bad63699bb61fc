"""An HTML element tree → paragraphs and tables (shared by the HTML, MHT and Markdown readers).

Text follows CSS's white-space rules for Chinese: runs of spaces collapse to one, and a line break in
the source between two CJK characters disappears (a saved page wraps long lines anywhere; 本年\\n支出
is 本年支出 on screen). Tables keep rowspan/colspan as spans; a table inside a cell hangs off that
cell. A table's title and unit come from its <caption> or the short paragraphs just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractors.model import Cell, Document, Paragraph, Provenance, Table
from extractors.txt_reader import caption_of, leading_header_rows, unit_row

BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "center", "body", "html", "form",
    "fieldset", "address", "figure", "figcaption", "hr", "caption", "thead", "tbody", "tfoot", "header",
    "footer", "nav", "aside",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "object", "iframe"}
MAX_SPAN = 1000  # a rowspan/colspan beyond this is a broken page, not a table
MAX_TABLE_DEPTH = 20
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
BREAK = "\u2028"  # a structural line break (<br>, a block's edge), kept apart from line breaks in the source
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def clean_text(text: str) -> str:
    """Rendered text of a source run: line breaks between CJK characters vanish, other whitespace is one space."""
    return _SPACES.sub(" ", _BREAK_BETWEEN_CJK.sub("", text))


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower().split("}")[-1] if isinstance(tag, str) else ""


@dataclass
class BlockBuilder:
    """Appends paragraphs and tables to a Document in reading order."""

    doc: Document
    sha256: str
    n_par: int = 0
    n_tab: int = 0
    recent: list[str] = field(default_factory=list)  # paragraphs since the last table: caption candidates

    def paragraph(self, text: str, level: int | None = None) -> None:
        text = text.strip()
        if not text:
            return
        prov = Provenance(sha256=self.sha256, block=len(self.doc.blocks), paragraph=self.n_par)
        self.doc.blocks.append(Paragraph(text=text, prov=prov, level=level))
        self.n_par += 1
        self.recent.append(text)

    def table(self, el: Any) -> None:
        prov = Provenance(sha256=self.sha256, block=len(self.doc.blocks), table=self.n_tab)
        table = build_table(el, prov, 1, self.doc.problems)
        if table is None:
            return
        caption = el.find("caption")
        lines = self.recent[-4:] + ([element_text(caption)] if caption is not None else [])
        table.title, table.unit = caption_of([x for x in lines if x.strip()])
        table.unit = table.unit or unit_row(table)
        self.doc.blocks.append(table)
        self.n_tab += 1
        self.recent = []

    def walk(self, root: Any) -> None:
        """Paragraphs from runs of inline content, headings with their level, tables as tables."""
        buf: list[str] = []

        def flush(level: int | None = None) -> None:
            text = clean_text("".join(buf))
            buf.clear()
            for line in text.split(BREAK):
                self.paragraph(line, level)

        def visit(el: Any) -> None:
            tag = _tag(el)
            if tag in SKIP_TAGS or not tag:
                if el.tail:
                    buf.append(el.tail)
                return
            if tag == "table" and not is_layout_table(el):
                flush()
                self.table(el)
            elif tag == "br":
                buf.append(BREAK)
            elif tag in BLOCK_TAGS or re.fullmatch(r"h[1-6]", tag):
                flush()
                if el.text:
                    buf.append(el.text)
                for child in el:
                    visit(child)
                flush(int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else None)
            else:
                if el.text:
                    buf.append(el.text)
                for child in el:
                    visit(child)
            if el.tail:
                buf.append(el.tail)

        if root.text:
            buf.append(root.text)
        for child in root:
            visit(child)
        flush()


def element_text(el: Any, skip_tables: bool = False) -> str:
    """The rendered text of an element: block children on lines of their own, nested tables left out
    when `skip_tables`."""
    parts: list[str] = []

    def visit(node: Any) -> None:
        tag = _tag(node)
        if tag in SKIP_TAGS or not tag or (skip_tables and tag == "table"):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in BLOCK_TAGS
        if tag == "br" or block:
            parts.append(BREAK)
        if node.text:
            parts.append(node.text)
        for child in node:
            visit(child)
        if block:
            parts.append(BREAK)
        if node.tail:
            parts.append(node.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        visit(child)
    lines = [clean_text(x).strip() for x in "".join(parts).split(BREAK)]
    return "\n".join(x for x in lines if x)


LAYOUT_CELL_CHARS = 300  # a cell holding more text than this is a page region, not a table cell


def is_layout_table(el: Any) -> bool:
    """Old sites lay whole pages out in tables: a table whose cells hold tables or long prose is a layout
    to walk through, not a table of figures."""
    for tr in _rows(el):
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            if any(_tag(x) == "table" for x in td.iter() if x is not td):
                return True
            if len(clean_text(td.text_content())) > LAYOUT_CELL_CHARS:
                return True
    return False


def _rows(table: Any) -> list[Any]:
    """The table's own rows (through thead/tbody/tfoot), not those of tables nested in its cells."""
    out: list[Any] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(r for r in child if _tag(r) == "tr")
    return out


def _span(el: Any, name: str) -> int:
    try:
        return min(max(int(re.sub(r"\D", "", el.get(name, "1")) or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def build_table(el: Any, prov: Provenance, depth: int, problems: list[str]) -> Table | None:
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    rows = _rows(el)
    n_cols = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs = min(_span(td, "rowspan"), len(rows) - r)
            cs = _span(td, "colspan")
            cell = Cell(text=element_text(td, skip_tables=True), row=r, col=c, rowspan=rs, colspan=cs)
            for nested in td.iter("table"):
                if nested is td or _nearest_cell(nested) is not td:
                    continue
                if depth >= MAX_TABLE_DEPTH:
                    problems.append(f"tables nested deeper than {MAX_TABLE_DEPTH} levels skipped")
                    break
                inner = build_table(nested, prov.with_(row=r, col=c), depth + 1, problems)
                if inner is not None:
                    cell.nested.append(inner)
            cells.append(cell)
            for i in range(r, r + rs):
                for k in range(c, c + cs):
                    taken.add((i, k))
            c += cs
            n_cols = max(n_cols, c)
    n_cols = max([n_cols] + [k + 1 for _, k in taken])
    if not cells or not any(x.text.strip() or x.nested for x in cells):
        return None
    table = Table(cells=cells, n_rows=len(rows), n_cols=n_cols, prov=prov)
    table.header_rows = leading_header_rows([[x.text for x in row] for row in table.rows()])
    return table


def _nearest_cell(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and _tag(parent) not in ("td", "th"):
        parent = parent.getparent()
    return parent
