"""Join a table cut by a page break into one logical Table.

A part continues the table before it when it is the next block, starts the next page at the top
margin, the previous part ends at the bottom margin, it has no caption of its own, and its column
boundaries (x positions of its cells' edges) line up with the previous part's. A continuation that
repeats the header rows loses the repeat. Every cell keeps its own page; `Table.pages` lists them all.
"""

from __future__ import annotations

from bisect import bisect_left

from extractors.model import Block, Cell, Table

X_TOLERANCE = 3.0  # points: column boundaries this close are the same boundary


def col_edges(table: Table, page: int | None = None) -> list[float]:
    """Distinct x positions of the cell edges (of one page's part when `page` is given)."""
    xs: list[float] = []
    for c in table.cells:
        if c.bbox is None or (page is not None and c.page != page):
            continue
        xs.extend((c.bbox[0], c.bbox[2]))
    out: list[float] = []
    for x in sorted(xs):
        if not out or x - out[-1] > X_TOLERANCE:
            out.append(x)
    return out


def _match(edges: list[float], x: float) -> int | None:
    i = bisect_left(edges, x - X_TOLERANCE)
    if i < len(edges) and abs(edges[i] - x) <= X_TOLERANCE:
        return i
    return None


def column_map(prev: Table, nxt: Table) -> dict[int, int] | None:
    """For each boundary index of `nxt`, the boundary index of `prev`; None when the columns do not line up."""
    a = col_edges(prev, prev.pages[0] if prev.pages else None)  # later parts are mapped onto the first
    b = col_edges(nxt)
    if len(a) < 2 or len(b) < 2:
        return None
    mapping: dict[int, int] = {}
    for j, x in enumerate(b):
        i = _match(a, x)
        if i is None:
            return None
        mapping[j] = i
    if mapping[0] != 0 or mapping[len(b) - 1] != len(a) - 1:
        return None  # the continuation must span the same width
    return mapping


def continues(prev: Table, nxt: Table) -> dict[int, int] | None:
    """The column map when `nxt` is the continuation of `prev` on the following page, else None."""
    if not prev.pages or not nxt.pages or nxt.pages[0] != prev.pages[-1] + 1:
        return None
    if not (prev.touches_bottom and nxt.touches_top) or nxt.title:
        return None
    return column_map(prev, nxt)


def _row_texts(table: Table, row: int) -> list[str]:
    return [c.text for c in table.cells if c.row == row]


def _repeated_header(prev: Table, nxt: Table) -> int:
    """Number of leading rows of `nxt` that repeat `prev`'s header rows."""
    k = prev.header_rows
    if k == 0 or nxt.n_rows <= k:
        return 0
    for r in range(k):
        if _row_texts(prev, r) != _row_texts(nxt, r):
            return 0
    return k


def merge(prev: Table, nxt: Table, mapping: dict[int, int]) -> None:
    """Append `nxt`'s rows to `prev` (in place), columns re-indexed by `mapping`."""
    # column index j of nxt spans boundaries j..j+colspan; map them to prev's boundaries
    bounds = col_edges(nxt)
    skip = _repeated_header(prev, nxt)
    offset = prev.n_rows - skip
    for c in nxt.cells:
        if c.row < skip:
            continue
        start, end = c.col, c.col + c.colspan
        if c.bbox is not None:
            left, right = _match(bounds, c.bbox[0]), _match(bounds, c.bbox[2])
            start = left if left is not None else start
            end = right if right is not None else end
        col = mapping.get(start, c.col)
        col_end = mapping.get(end, col + c.colspan)
        prev.cells.append(
            Cell(
                text=c.text,
                row=c.row + offset,
                col=col,
                rowspan=c.rowspan,
                colspan=max(col_end - col, 1),
                page=c.page,
                bbox=c.bbox,
                nested=c.nested,
            )
        )
    prev.n_rows = offset + nxt.n_rows
    for p in nxt.pages:
        if p not in prev.pages:
            prev.pages.append(p)
    prev.touches_bottom = nxt.touches_bottom
    prev.unit = prev.unit or nxt.unit


def stitch_tables(blocks: list[Block]) -> list[Block]:
    """Blocks with every cross-page continuation merged into the table it continues."""
    out: list[Block] = []
    for b in blocks:
        last = out[-1] if out else None
        if isinstance(b, Table) and isinstance(last, Table):
            mapping = continues(last, b)
            if mapping is not None:
                merge(last, b, mapping)
                continue
        out.append(b)
    return out
