"""Join a table cut by a page break into one logical Table.

A part continues the table before it when it is the next block, starts the next page at the top
margin (or under its table's title repeated, or 续表), the previous part ends at the bottom margin, it has no
caption of its own, and its column
boundaries (x positions of its cells' edges) line up with the previous part's. A continuation that
repeats the header rows loses the repeat. Every cell keeps its own page; `Table.pages` lists them all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from extractors.model import Block, Cell, Paragraph, Table
from extractors.table_titles import title_in_grid
from extractors.wordcut import splits_a_word

X_TOLERANCE = 3.0  # points: column boundaries this close are the same boundary
OUTER_TOLERANCE = 6.0


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
    shift = b[0] - a[0]  # facing pages: the whole table may sit a binding margin further left or right
    for j, x in enumerate(b):
        i = _match(a, x - shift)
        if i is None and j == len(b) - 1 and abs(a[-1] - (x - shift)) <= OUTER_TOLERANCE:
            i = len(a) - 1  # the outer right edge: a frame line here, a cell's last glyph there
        if i is None:
            return None
        mapping[j] = i
    if mapping[0] != 0 or mapping[len(b) - 1] != len(a) - 1:
        return None  # the continuation must span the same width
    return mapping


def continues(prev: Table, nxt: Table, retitled: bool = False) -> dict[int, int] | None:
    """The column map when `nxt` is the continuation of `prev` on the following page, else None. A part under
    its table's title printed again (a landscape page turned, where top and bottom margins say nothing) needs
    only the same columns."""
    return column_map(prev, nxt) if _may_continue(prev, nxt, retitled) else None


def _may_continue(prev: Table, nxt: Table, retitled: bool) -> bool:
    if not prev.pages or not nxt.pages or nxt.pages[0] != prev.pages[-1] + 1:
        return False
    repeated_title = bool(nxt.title) and _plain(nxt.title) in (_plain(prev.title), "续表", _plain(prev.title) + "续表")
    # a table's header rows alone on their page (a converter broke the page right after them) go on over the next
    # page's untitled part wherever they stand on their page: they are no table of their own
    ends_page = prev.touches_bottom or _header_alone(prev)
    if not retitled and (not ends_page or not (repeated_title or (nxt.touches_top and not nxt.title))):
        return False  # (a title repeated on each page, or 续表, still continues the table)
    own = title_in_grid(nxt)[0]
    if own and _plain(own) not in (_plain(prev.title), _plain(title_in_grid(prev)[0])) and "续" not in own:
        return False  # a table whose own title heads its grid (公开07表 at the top of a page) begins there
    return True


_MAX_HEADER_ALONE = 3


def _header_alone(table: Table) -> bool:
    return table.n_rows <= _MAX_HEADER_ALONE and not any(_figure(c.text) for c in table.cells)


def heads(prev: Table, nxt: Table, retitled: bool = False) -> dict[int, int] | None:
    """The map of `prev`'s column boundaries onto `nxt`'s when `prev` is only its table's first header row(s), left
    at the foot of a page, and `nxt` the rest (项目 | 合计 | … | 公务用车购置及运行费 | 公务接待费 above the break,
    小计 | 购置费 | 运行费 and the figures below it): a merged group header draws none of its inner edges, so
    `nxt`'s columns do not all line up with `prev`'s, but every edge of `prev` is one of `nxt`'s."""
    if (
        prev.n_rows > _MAX_HEADER_ALONE
        or any(_figure(c.text) for c in prev.cells)
        or not _may_continue(prev, nxt, retitled)
    ):
        return None
    a = col_edges(prev, prev.pages[0] if prev.pages else None)
    b = col_edges(nxt)
    if len(a) < 2 or len(b) <= len(a):
        return None
    shift = b[0] - a[0]
    onto = {i: _match(b, x + shift) for i, x in enumerate(a)}
    if any(j is None for j in onto.values()) or onto[0] != 0 or onto[len(a) - 1] != len(b) - 1:
        return None
    return {i: j for i, j in onto.items() if j is not None}


def put_over(prev: Table, nxt: Table, onto: dict[int, int]) -> None:
    """`prev`'s header rows set over `nxt` on `nxt`'s columns, in place of `prev` (its title, unit, first page)."""
    bounds = col_edges(prev, prev.pages[0] if prev.pages else None)
    cells = []
    for c in prev.cells:
        col, colspan = _span_onto(c, bounds, onto)
        cells.append(replace(c, col=col, colspan=colspan))
    cells += [replace(c, row=c.row + prev.n_rows) for c in nxt.cells]
    prev.cells = cells
    prev.header_rows = prev.n_rows + nxt.header_rows
    prev.n_rows += nxt.n_rows
    prev.n_cols = nxt.n_cols
    prev.pages += [p for p in nxt.pages if p not in prev.pages]
    prev.touches_bottom = nxt.touches_bottom
    prev.unit = prev.unit or nxt.unit


def _plain(title: str | None) -> str:
    """A title without spaces, (续) marks and the dashes of a page number printed beside it."""
    return "".join((title or "").split()).replace("（续）", "").replace("(续)", "").strip("—-–―－")


def _row_texts(table: Table, row: int) -> list[str]:
    return [c.text for c in table.cells if c.row == row]


def repeated_header(prev: Table, nxt: Table) -> int:
    """Number of leading rows of `nxt` that repeat `prev`'s header rows, in their order; a repeat may leave out a
    header row (项目 | 年初结转… and 栏次 | 1 | 2 … repeated, 科目编码 | 科目名称 | 小计 … not)."""
    k = prev.header_rows
    if k == 0 or nxt.n_rows <= 1:
        return 0
    heads = [_filled(prev, r) for r in range(k)]
    numbers = _filled(prev, k)  # 栏次 | 1 | 2 | …: the row numbering the columns, read as the first data row
    if numbers and all(_COLUMN_NUMBER.match(t) for t in numbers):
        heads.append(numbers)
        k += 1
    n = j = 0
    while n < nxt.n_rows - 1 and j < k:
        row = _filled(nxt, n)
        while j < k and heads[j] != row:
            j += 1
        if j == k or not row:
            break
        n, j = n + 1, j + 1
    return n


# 栏次 | 1 | 2 | 3=2/1-1 | A=B+C: a column's number or letter, with the formula it may carry
_COLUMN_NUMBER = re.compile(r"^(?:栏次|行次|栏|\(?\d{1,2}\)?(?:=[\d()+\-−/×*%]+)?|[A-Z](?:=[A-Z+\-]+)?)$")


def _filled(table: Table, row: int) -> list[str]:
    """A row's texts, merged-over blanks left out (a repeat may split a merged header differently)."""
    return ["".join(t.split()) for t in _row_texts(table, row) if t.strip()]


def _span_onto(c: Cell, bounds: list[float], mapping: dict[int, int]) -> tuple[int, int]:
    """(column, colspan) of a cell, its boundaries (by its box where it has one) mapped by `mapping` onto another
    part's."""
    start, end = c.col, c.col + c.colspan
    if c.bbox is not None:
        left, right = _match(bounds, c.bbox[0]), _match(bounds, c.bbox[2])
        start = left if left is not None else start
        end = right if right is not None else end
    col = mapping.get(start, c.col)
    return col, max(mapping.get(end, col + c.colspan) - col, 1)


def merge(prev: Table, nxt: Table, mapping: dict[int, int]) -> None:
    """Append `nxt`'s rows to `prev` (in place), columns re-indexed by `mapping`."""
    # column index j of nxt spans boundaries j..j+colspan; map them to prev's boundaries
    bounds = col_edges(nxt)
    skip = repeated_header(prev, nxt)
    offset = prev.n_rows - skip
    for c in nxt.cells:
        if c.row < skip:
            continue
        col, colspan = _span_onto(c, bounds, mapping)
        prev.cells.append(
            Cell(
                text=c.text,
                row=c.row + offset,
                col=col,
                rowspan=c.rowspan,
                colspan=colspan,
                page=c.page,
                bbox=c.bbox,
                nested=c.nested,
                indent=c.indent,
            )
        )
    prev.n_rows = offset + nxt.n_rows
    _fold_cut_row(prev, offset - 1)
    for p in nxt.pages:
        if p not in prev.pages:
            prev.pages.append(p)
    prev.touches_bottom = nxt.touches_bottom
    prev.unit = prev.unit or nxt.unit


_DIGITS = re.compile(r"^[-−－]?[\d,.]+$")  # (a negative 增减额 is cut as a positive one is)


def _fold_cut_row(table: Table, last: int) -> None:
    """Put back together a row the page break cut in two (职业年金缴 | 1,778,400. above, 费 | 00 below): the
    continuation's first row only finishes texts of the row above, and an amount left ending in its decimal point
    or a comma (or a piece starting with one) shows the cut."""
    cut = last + 1
    above = {c.col: c for c in table.cells if c.row == last}
    pieces = [c for c in table.cells if c.row == cut and c.text.strip()]
    if not pieces or any(c.col not in above or not above[c.col].text.strip() or c.rowspan > 1 for c in pieces):
        return
    if any(c.colspan != above[c.col].colspan for c in pieces):
        return
    cut_amount = any(
        _cut_amount(above[c.col].text.strip(), c.text.strip()) or _cut_decimals(table, above[c.col], c.text.strip())
        for c in pieces
    )
    if (
        not cut_amount
        and not _cut_text(list(above.values()), pieces)
        and not _cut_words(above, pieces)
        and not _cut_after_joiner(above, pieces)
        and not _cut_code(above, pieces)
        and not _cut_code_and_words(above, pieces)
        and not _cut_integers(table, above, pieces)
    ):
        return
    _fold_into(table, above, pieces, cut)


def _fold_into(table: Table, above: dict[int, Cell], pieces: list[Cell], cut: int) -> None:
    """The texts of row `cut` appended to the cells above them, and the row taken out."""
    for c in pieces:
        above[c.col].text = above[c.col].text.rstrip() + c.text.strip()
    table.cells = [c for c in table.cells if c.row != cut]
    for c in table.cells:
        if c.row > cut:
            c.row -= 1
        elif c.row + c.rowspan > cut:
            c.rowspan -= 1  # a merged cell from above that reached into the cut row
    table.n_rows -= 1


_BRACKETED = re.compile(r"[（(][^（(）)]*(?:[）)]|$)")
_CLOSING = re.compile(r"^[^（(）)]*[）)]")
_OPEN_AT_END = re.compile(r"[（(][^）)]*$")


def _unclosed(text: str) -> bool:
    """A text ending inside a bracket it opened (效益指标（30)."""
    return bool(_OPEN_AT_END.search(text))


def _figure(text: str) -> bool:
    """A cell holding a figure (10, 96.3%, ≥90%): a digit outside any bracket (not 指标（10分）)."""
    return bool(re.search(r"\d", _BRACKETED.sub("", text)))


def _cut_text(above: list[Cell], pieces: list[Cell]) -> bool:
    """A row's texts cut by the page break inside a bracket (效益指标（30 | … above, 分） below): the continuation
    only goes on with texts of the row above, holds no figure of its own, and closes a bracket a text above left
    open. Texts alone going on in several cells beside blank figures prove nothing: a 决算 总表 row (使用非财政拨款
    结余 | | 结余分配 | ) is such a row of its own."""
    by_col = {c.col: c for c in above}
    closed = False
    for c in pieces:
        head, tail = by_col[c.col].text.strip(), c.text.strip()
        if _figure(head):
            return False  # text under a figure is no continuation of it
        closes = _unclosed(head) and bool(_CLOSING.match(tail))
        if _figure(_CLOSING.sub("", tail) if closes else tail):
            return False
        closed = closed or closes
    return closed


def _cut_words(above: dict[int, Cell], pieces: list[Cell]) -> bool:
    """A row's labels cut by the page break inside their words (社会效 | 特种设 above, 益指标 | 备万台死亡率 below):
    every piece, read on from the text above it, finishes a word that text began, and no figure is cut."""
    for c in pieces:
        head, tail = above[c.col].text.strip(), c.text.strip()
        if _figure(head) or _figure(tail) or not (splits_a_word(head, tail) or _GOES_ON_WITH.match(tail)):
            return False
    return True


# 年初财政拨款结转 | 和结余: a text opening with a joining word goes on with the one above (no label opens so)
_GOES_ON_WITH = re.compile(r"^[和及与或之的、]")


def _cut_integers(table: Table, above: dict[int, Cell], pieces: list[Cell]) -> bool:
    """A row of whole amounts in narrow cells the page break cut inside their digits and its label inside a word
    (四、上 | 74209 | 23897 above, 年末滚存结余 | 54 | 6 below): every amount above has its last digits below, each
    shorter than any other amount of its column and as long as they with its piece, and the label goes on in words."""
    words = [c for c in pieces if not _figure(c.text)]
    numbers = [c for c in pieces if _figure(c.text)]
    if not words or len(numbers) < 2 or any(_figure(above[c.col].text) for c in words):
        return False
    if not all(_label_cut(above[c.col].text.strip(), c.text.strip()) for c in words):
        return False  # (其他收入 | … above 上级补助 | … below: two rows of their own)
    if {col for col, c in above.items() if _figure(c.text)} != {c.col for c in numbers}:
        return False
    for c in numbers:
        head, tail = above[c.col].text.strip(), c.text.strip()
        if not (re.fullmatch(r"\d+", head) and re.fullmatch(r"\d{1,3}", tail)):
            return False
        others = [
            len(x.text.strip())
            for x in table.cells
            if x.col == c.col and x is not above[c.col] and x is not c and re.fullmatch(r"\d+", x.text.strip())
        ]
        if not others or len(head) + len(tail) > max(others):
            return False
    return True


# 四、上 | 年末滚存结余: a numbered label of a character or two is no label, but the start of one
_SHORT_LABEL = re.compile(
    r"(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）])?[\u4e00-\u9fff]{1,2}"
)


def _label_cut(head: str, tail: str) -> bool:
    return splits_a_word(head, tail) or bool(_GOES_ON_WITH.match(tail)) or bool(_SHORT_LABEL.fullmatch(head))


def _cut_code_and_words(above: dict[int, Cell], pieces: list[Cell]) -> bool:
    """A row whose 科目编码 and name the page break both cut (21011 | 事业单 above, 02 | 位医疗 below): one piece finishes
    a 款 or 项 code, the others finish words, and no figure is cut."""
    codes = [c for c in pieces if _cut_code(above, [c])]
    rest = [c for c in pieces if c not in codes]
    return len(codes) == 1 and bool(rest) and _cut_words(above, rest)


def _cut_code(above: dict[int, Cell], pieces: list[Cell]) -> bool:
    """A 科目编码 the page break cut (221 | 住房改革支出 | 241.32 above, 02 alone below): the one piece is the code's
    last two digits, and the code read whole is a 款 or 项 code."""
    if len(pieces) != 1:
        return False
    head, tail = above[pieces[0].col].text.strip(), pieces[0].text.strip()
    return bool(re.fullmatch(r"\d{3}|\d{5}", head) and re.fullmatch(r"\d{2}", tail))


_JOINER_AT_END = re.compile(r"[·•/／、－\-—~～]$")


def _cut_after_joiner(above: dict[int, Cell], pieces: list[Cell]) -> bool:
    """A row's texts cut by the page break right after a joining mark (2000元/生· above, 年 below): every text above a
    piece ends in one, and no piece holds a figure of its own."""
    return all(_JOINER_AT_END.search(above[c.col].text.strip()) and not _figure(c.text.strip()) for c in pieces)


# 15,671,8 | 08: an amount whose last group of three a narrow cell wrapped onto the next page
_CUT_GROUP = re.compile(r"^\d{1,3}(?:,\d{3})*,\d{1,2}$")
_WHOLE_GROUPS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _cut_amount(head: str, tail: str) -> bool:
    if not (_DIGITS.match(head) and _DIGITS.match(tail)):
        return False
    if _CUT_GROUP.match(head) and _WHOLE_GROUPS.match(head + tail):
        return True  # 15,671,8 | 08: cut inside its last group of three
    return head.endswith((".", ",")) or tail.startswith((".", ","))


_SHORT_DECIMALS = re.compile(r"^[-−－]?[\d,]*\.(\d+)$")


def _cut_decimals(table: Table, head: Cell, tail: str) -> bool:
    """11,753.6 | 2: an amount cut inside its decimals, where the column's other amounts all print as many decimals
    as head and tail together."""
    m = _SHORT_DECIMALS.match(head.text.strip())
    if m is None or not re.fullmatch(r"\d{1,2}", tail):
        return False
    others = [
        x.group(1)
        for c in table.cells
        if c.col == head.col and c is not head and (x := _SHORT_DECIMALS.match(c.text.strip())) is not None
    ]
    return len(others) >= 2 and all(len(d) == len(m.group(1)) + len(tail) for d in others)


_CAPTION_LINE = re.compile(
    r"^(?:表[一二三四五六七八九十百零\d\-—]+)?(?:单位[：:].{0,8})?$|^续表|^[—\-–]?\d{1,4}[—\-–]?$"
)


_CONTINUED_CAPTION = re.compile(r"^续表|[（(]续表?[）)]")


def _plain_marks(p: Block) -> str:
    return "".join(p.text.split()) if isinstance(p, Paragraph) else ""


def _repeated_caption(p: Block, table: Table) -> bool:
    """A line printed above a continuation that only repeats the table's title, number or unit."""
    if not isinstance(p, Paragraph):
        return False
    text = _plain(p.text)
    title = _plain(table.title)
    return bool(text) and ((len(text) >= 4 and text in title) or bool(_CAPTION_LINE.match(text)))


def stitch_tables(blocks: list[Block]) -> list[Block]:
    """Blocks with every cross-page continuation merged into the table it continues (the title, number and unit
    lines a publisher repeats above each page's part are dropped with it)."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Table):
            k, retitled, passed = len(out), False, 0
            prev_table = next((x for x in reversed(out) if isinstance(x, Table)), None)
            while k > 0 and passed < 4:
                p = out[k - 1]
                # (the digits of a page number printed sideways, "5" and "7" of — 57 —, count as nothing passed)
                passed += not (isinstance(p, Paragraph) and len(_plain(p.text)) <= 2)
                if _repeated_caption(p, b):
                    k -= 1
                    # 续表3 above it: the caption says the table goes on, whatever the margins show
                    retitled = retitled or bool(_CONTINUED_CAPTION.search(_plain_marks(p)))
                elif prev_table is not None and isinstance(p, Paragraph) and _plain(p.text) == _plain(prev_table.title):
                    k, retitled = k - 1, True  # the title printed again above this page's part
                else:
                    break
            last = out[k - 1] if k > 0 else None
            if isinstance(last, Table) and (k == len(out) or b.title or retitled):
                mapping = continues(last, b, retitled)
                if mapping is not None:
                    del out[k:]
                    merge(last, b, mapping)
                    continue
                onto = heads(last, b, retitled)
                if onto is not None:
                    del out[k:]
                    put_over(last, b, onto)
                    continue
        out.append(b)
    return out
