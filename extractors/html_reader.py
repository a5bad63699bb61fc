"""Web pages saved from government sites (.html/.htm) and single-file archives (.mht/.mhtml).

Encoding: a byte-order mark, else the page's own declaration (<meta charset>, http-equiv or the XML
declaration; GB2312 and GBK are read as their superset GB18030), else sniffed: UTF-8 if the bytes
are valid UTF-8, else GB18030. A declaration the bytes contradict loses to the sniffed encoding.

The report, not the site: scripts, styles, forms and <nav>/<header>/<footer>/<aside> are dropped,
and so is any element whose id or class names site furniture (nav, menu, footer, breadcrumb,
copyright, share …). Of what remains, the main content is the element the text is in: starting from
<body>, step into a container child (div, section, a layout table's cell …) as long as it holds at
least MAIN_SHARE of the text that is not link text (menus, "相关链接" and footers are mostly links) and
no sibling holds a table of figures; an <article>, <main> or a known content container (TRS_Editor,
zoom, article-content …) holding most of the text is taken directly.
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path
from typing import Any

from extractors.html_blocks import BlockBuilder, clean_text, is_layout_table
from extractors.model import Document, ReadError

MAX_HTML_BYTES = 50 * 1024 * 1024
MAIN_SHARE = 0.8  # a child holding this share of the page's non-link text is where the report is
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)|encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.I
)
_FURNITURE = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|footer|foot|header|breadcrumbs?|crumbs?|sidebar|side|copyright|share|"
    r"toolbar|topbar|banner|login|search|links?|friendlink|bottom|top)(?:[\s_\-]|\d|$)",
    re.I,
)
_CONTENT = re.compile(r"TRS_Editor|(?:^|[\s_\-])(?:zoom|article|content|main|detail|正文)(?:[\s_\-]|\d|$)", re.I)
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "utf8": "utf-8"}


def read_html(path: Path, sha256: str) -> Document:
    raw = _read(path)
    return html_document(decode_html(raw), str(path), sha256, "html")


def read_mht(path: Path, sha256: str) -> Document:
    """A web archive: the first text/html part, decoded by its own charset (or sniffed)."""
    raw = _read(path)
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            text = _decode_declared(payload, charset) if charset else None
            return html_document(text or decode_html(payload), str(path), sha256, "mht")
    raise ReadError("corrupt", "web archive (.mht) without an HTML part")


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_HTML_BYTES:
            raise ReadError("too_large", f"page of {size} bytes exceeds {MAX_HTML_BYTES}")
        return path.read_bytes()
    except OSError as e:
        raise ReadError("corrupt", f"cannot read file: {e.strerror or e}") from e


def decode_html(raw: bytes) -> str:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace")
    m = _DECLARED.search(raw[:4096])
    if m:
        declared = (m.group(1) or m.group(2)).decode("ascii", "replace")
        text = _decode_declared(raw, declared)
        if text is not None:
            return text
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("gb18030", errors="replace")


def _decode_declared(raw: bytes, declared: str) -> str | None:
    enc = _ALIASES.get(declared.lower(), declared.lower())
    try:
        return raw.decode(enc)
    except (LookupError, UnicodeDecodeError):
        return None


def html_document(text: str, path: str, sha256: str, fmt: str) -> Document:
    import lxml.html
    from lxml import etree

    doc = Document(path=path, sha256=sha256, format=fmt)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str that still declares an encoding
    try:
        root = lxml.html.document_fromstring(text) if text.strip() else None
    except (etree.ParserError, ValueError) as e:
        raise ReadError("corrupt", f"not a readable web page: {e}") from e
    if root is None:
        raise ReadError("corrupt", "empty web page")
    main = main_content(root)
    BlockBuilder(doc, sha256).walk(main)
    if not doc.blocks:
        raise ReadError("corrupt", "the web page holds no text")
    return doc


def main_content(root: Any) -> Any:
    """The element holding the report: see the module docstring for how it is chosen."""
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        names = f"{el.get('id', '')} {el.get('class', '')}"
        if _FURNITURE.search(names) and not _CONTENT.search(names) and el.find(".//table") is None:
            _drop(el)
    body = root.find("body")
    node = body if body is not None else root
    total = _own_text(node)
    if total == 0:
        return node
    for el in node.iter():
        if not isinstance(el.tag, str) or el is node:
            continue
        names = f"{el.get('id', '')} {el.get('class', '')}"
        if (el.tag in ("article", "main") or el.get("role") == "main" or _CONTENT.search(names)) and _own_text(
            el
        ) >= 0.6 * total:
            return el
    while True:
        here = _own_text(node)
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=_own_text, default=None)
        if best is None or here == 0 or best.tag not in _CONTAINERS or _own_text(best) < MAIN_SHARE * here:
            return node
        if any(c is not best and _holds_data_table(c) for c in children):
            return node  # a table of figures beside the text belongs to the report too
        node = best


_CONTAINERS = {"div", "section", "article", "main", "td", "th", "table", "tbody", "thead", "tr", "center", "form"}


def _holds_data_table(el: Any) -> bool:
    tables = [el] if el.tag == "table" else list(el.iter("table"))
    return any(not is_layout_table(t) for t in tables)


def _drop(el: Any) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _own_text(el: Any) -> int:
    """Characters of visible text that are not link text."""
    total = len(clean_text(el.text_content()).strip())
    links = sum(len(clean_text(a.text_content()).strip()) for a in el.iter("a"))
    return max(total - links, 0)
