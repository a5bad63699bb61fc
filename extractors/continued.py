"""Join a table continued under its own 续表 caption (Word, HTML, text, workbooks: no page geometry to go by).

A table whose caption says it continues the one before (续表, 续表2, 支出决算表（续表）, 表2（续）) is appended to
that table when nothing but short caption lines stands between them, both have the same number of columns, and
the continuation's header rows, if it has any, repeat the first table's. PDF tables are joined by page
geometry instead (`extractors.stitch`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.model import Block, Document, Paragraph, Table
from extractors.stitch import repeated_header

_CONTINUED = re.compile(r"续表|[（(]续[）)]")
CAPTION_MAX = 40  # characters: a caption line (续表, 单位：万元), not a paragraph of text
MAX_BETWEEN = 3


def is_continuation(table: Table) -> bool:
    return bool(table.title) and bool(_CONTINUED.search("".join((table.title or "").split())))


def join_continued(doc: Document) -> None:
    """Merge every 续表 continuation into the table it continues, in place (its caption lines go with it)."""
    out: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Table) and is_continuation(b):
            k = len(out)
            while k > 0 and len(out) - k < MAX_BETWEEN and _caption(out[k - 1]):
                k -= 1
            prev = out[k - 1] if k > 0 else None
            if isinstance(prev, Table) and _same_columns(prev, b):
                del out[k:]
                _append(prev, b)
                continue
        out.append(b)
    doc.blocks = out


def mark_continued(doc: Document) -> None:
    """Flag each 续表 left standing apart and the table it follows with only caption lines between (joined or
    not by columns, a PDF's 续表 on the same page alike): their rows go on from one to the other."""
    previous: Table | None = None
    between = 0
    for b in doc.blocks:
        if isinstance(b, Table):
            if is_continuation(b):
                b.continues_previous = True
                if previous is not None:
                    previous.continued_in_next = True
            previous, between = b, 0
        elif _caption(b) and between < MAX_BETWEEN:
            between += 1
        else:
            previous = None


def _caption(b: Block) -> bool:
    return isinstance(b, Paragraph) and len("".join(b.text.split())) <= CAPTION_MAX


def _same_columns(prev: Table, nxt: Table) -> bool:
    if prev.n_cols != nxt.n_cols:
        return False
    # (the repeat may go on past the header rows the reader saw: 栏次 | 1 | 2 | 4=3/2 …)
    return nxt.header_rows == 0 or repeated_header(prev, nxt) >= nxt.header_rows


def _append(prev: Table, nxt: Table) -> None:
    skip = max(nxt.header_rows, repeated_header(prev, nxt))
    offset = prev.n_rows - skip
    prev.cells += [replace(c, row=c.row + offset) for c in nxt.cells if c.row >= skip]
    prev.n_rows = offset + nxt.n_rows
    prev.pages += [p for p in nxt.pages if p not in prev.pages]
    prev.rows_left_out += nxt.rows_left_out
    prev.unit = prev.unit or nxt.unit
