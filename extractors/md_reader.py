"""Markdown as converters write it from scanned or PDF reports (docling, MinerU, pandoc): headings,
paragraphs, list items, pipe tables and embedded HTML tables (MinerU writes merged cells as
<table> with rowspan/colspan). Parsed with markdown-it-py (CommonMark plus GFM tables); images,
code and link targets are not report text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractors.html_blocks import BlockBuilder, clean_text
from extractors.model import Document, ReadError
from extractors.txt_reader import decode_text

MAX_MD_BYTES = 50 * 1024 * 1024


def read_md(path: Path, sha256: str) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_MD_BYTES:
            raise ReadError("too_large", f"Markdown file of {size} bytes exceeds {MAX_MD_BYTES}")
        raw = path.read_bytes()
    except OSError as e:
        raise ReadError("corrupt", f"cannot read file: {e.strerror or e}") from e
    return markdown_document(decode_text(raw), str(path), sha256)


def markdown_document(text: str, path: str = "", sha256: str = "") -> Document:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(_tables_apart(text))
    doc = Document(path=path, sha256=sha256, format="md")
    out = BlockBuilder(doc, sha256)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            out.paragraph(_inline(tokens[i + 1]), level=int(tok.tag[1]))
            i += 3
            continue
        if tok.type == "paragraph_open":
            for line in _inline(tokens[i + 1]).split("\n"):
                out.paragraph(line)
            i += 3
            continue
        if tok.type == "table_open":
            end = _closing(tokens, i, "table_close")
            out.table(_table_element(tokens[i : end + 1]))
            i = end + 1
            continue
        if tok.type == "html_block":
            _html_block(tok.content, out)
        i += 1
    return doc


def _pipe_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _tables_apart(text: str) -> str:
    """A blank line between a pipe table and a line of text next to it (表2 支出总表 / 单位：万元 / 注：… printed with no
    blank line, as text copied from a web page is): GFM would read the text as one more row of the table and the next
    table as rows of it, cut to the first table's width."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and line.strip() and _pipe_row(out[-1]) != _pipe_row(line):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _inline(tok: Any) -> str:
    """Inline content as read: emphasis marks and link targets dropped, images left out, soft breaks
    joined the way a browser shows them, hard breaks kept as line ends."""
    parts: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")  # clean_text drops it between CJK characters, else makes it a space
        elif child.type == "hardbreak":
            parts.append("\u2028")
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\u2028")
    return clean_text("".join(parts)).replace("\u2028", "\n")


def _closing(tokens: list[Any], i: int, kind: str) -> int:
    for j in range(i, len(tokens)):
        if tokens[j].type == kind:
            return j
    return len(tokens) - 1


def _table_element(tokens: list[Any]) -> Any:
    """A pipe table as an lxml <table>, so it is built like an HTML one."""
    from lxml import etree

    table = etree.Element("table")
    row: Any = None
    for j, tok in enumerate(tokens):
        if tok.type == "tr_open":
            row = etree.SubElement(table, "tr")
        elif tok.type in ("th_open", "td_open") and row is not None:
            cell = etree.SubElement(row, tok.tag)
            cell.text = _inline(tokens[j + 1]) if j + 1 < len(tokens) and tokens[j + 1].type == "inline" else ""
    return table


def _html_block(content: str, out: BlockBuilder) -> None:
    """Embedded HTML (MinerU's tables): tables as tables, any other text as paragraphs."""
    import lxml.html
    from lxml import etree

    try:
        fragment = lxml.html.fragment_fromstring(content, create_parent="div")
    except (etree.ParserError, ValueError):
        return
    out.walk(fragment)
