"""PDF characters → text lines → paragraphs (pure functions on pdfplumber char dicts).

Lines are clustered by vertical *overlap* relative to the glyph height, not by a fixed y tolerance:
some reports print digits on a baseline shifted by ~40 % of the font size, and a fixed tolerance
splits "收入支出总计2995.39万元" over two lines.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from extractors.headings import section_label

Char = dict[str, Any]

LINE_OVERLAP = 0.5  # a char joins a line when it overlaps it vertically by ≥ this share of the smaller height
WIDE_GAP = 1.0  # × font size: a horizontal gap this wide is printed as a space, whatever the script
WORD_GAP = 0.2  # × font size: between two Latin letters/digits a gap this wide is a space
PARA_GAP = 0.8  # × font size: a vertical gap this wide between lines starts a new paragraph
INDENT = 0.8  # × font size: a line starting this far right of the left margin starts a paragraph
SHORT_LINE = 1.5  # × font size: a line ending this far left of the right margin ends its paragraph
# × font size: room a typesetter may leave beside the next line's first word (kinsoku keeps 万元， with 161.62)
LEAD_SLACK = 1.5

_ATTACHMENT = re.compile(r"^\s*(?:附件\s*\d*|附表\s*\d*|目\s*录)")
_LEADERS = re.compile(r"[…．.·]{4,}|…{2,}")
_PAGE_NUMBER = re.compile(r"^[\s\-—–－]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[\s\-—–－]*$")
_PAGE_ORNAMENT = re.compile(r"^[\s\-—–－]+$")  # "— 1 —" whose digit a shifted baseline moved off the line
_ASCII_WORD = re.compile(r"[0-9A-Za-z%.,]")


@dataclass
class Line:
    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # typical glyph height
    lead: float = 0.0  # width of the line's first unbreakable run (a number, a word, or two CJK chars)
    xs: array[float] = field(default_factory=lambda: array("f"))  # x0, x1 of each character of `text`; empty if unknown

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass
class _Cluster:
    top: float
    bottom: float
    chars: list[Char] = field(default_factory=list)


def _height(c: Char) -> float:
    return max(c["bottom"] - c["top"], 0.5)


# The loops below run once per char of every page (half a million on a long report): they write `max(a, b)` as
# `b if b > a else a` and `min(a, b)` as `b if b < a else a` (what the builtins return) and take a char's
# height inline, the function calls being most of their cost.


# a glyph continuing the previous one in content-stream order: at most this gap (× font size) to its right
RUN_GAP = 1.6
RUN_DRIFT = 1.0  # × font size: a vertical jump this large between stream neighbours starts a new run
SHIFT_MIN = 0.3  # × font size: a glyph this far off its run's ideographs is moved onto their band


def align_shifted_glyphs(chars: list[Char]) -> list[Char]:
    """Some typesetters (Founder/方正 fonts in 人大 documents) give Latin digits an origin shifted by almost a
    line: printed in line with the Chinese text, their boxes sit ~0.9 em lower, so by position 2736 falls
    out of "预算收入2736亿元". In content-stream order such a glyph still stands between the ideographs of
    its line. Chars (in stream order) that run on left to right with small gaps form a run; a glyph of a
    run whose vertical centre is off the nearest ideograph of the run by more than SHIFT_MIN em takes that
    ideograph's band. Table cells are rarely affected: their figures stand far (> RUN_GAP em) from labels."""
    out = list(chars)
    run: list[int] = []
    prev: Char | None = None
    prev_h = 0.0
    for i, c in enumerate(chars):
        h = c["bottom"] - c["top"]
        h = 0.5 if 0.5 > h else h  # _height(c)
        if prev is not None:
            size = h if h < prev_h else prev_h  # the smaller: a small label (表1-1) runs on into no title below it
            gap = c["x0"] - prev["x1"]
            moving_right = c["x0"] > prev["x0"]  # (some fonts' boxes are a full em wide: gaps can be negative)
            if not (moving_right and gap <= RUN_GAP * size and abs(c["top"] - prev["top"]) < RUN_DRIFT * size):
                _align_run(chars, run, out)
                run = []
        run.append(i)
        prev, prev_h = c, h
    _align_run(chars, run, out)
    return out


def _align_run(chars: list[Char], run: list[int], out: list[Char]) -> None:
    anchors = [  # the run's ideographs (one CJK char: unified or extension A)
        i for i in run if len(t := chars[i]["text"]) == 1 and ("\u4e00" <= t <= "\u9fff" or "\u3400" <= t <= "\u4dbf")
    ]
    if not anchors or len(anchors) == len(run):
        return
    for i in run:
        c = chars[i]
        k = bisect_left(anchors, i)
        if k < len(anchors) and anchors[k] == i:
            continue
        near = [a for a in (anchors[k - 1] if k else None, anchors[k] if k < len(anchors) else None) if a is not None]
        ref = chars[min(near, key=lambda a: abs(a - i))]
        centre, ref_centre = (c["top"] + c["bottom"]) / 2, (ref["top"] + ref["bottom"]) / 2
        if abs(centre - ref_centre) > SHIFT_MIN * _height(ref):
            moved = dict(c)
            moved["top"], moved["bottom"] = ref["top"], ref["bottom"]
            out[i] = moved


def cluster_chars(chars: list[Char]) -> list[list[Char]]:
    """Group chars into lines (top to bottom), each line's chars left to right."""
    ordered = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    clusters: list[_Cluster] = []
    for c in ordered:
        top, bottom = c["top"], c["bottom"]
        h = bottom - top
        h = 0.5 if 0.5 > h else h  # _height(c)
        best: _Cluster | None = None
        best_ratio = 0.0
        for cl in clusters[-4:]:  # chars come sorted by top: only recent lines can overlap
            overlap = (bottom if bottom < cl.bottom else cl.bottom) - (top if top > cl.top else cl.top)
            if overlap <= 0:
                continue
            own = cl.bottom - cl.top or h
            ratio = overlap / (own if own < h else h)
            if ratio > best_ratio:
                best, best_ratio = cl, ratio
        if best is not None and best_ratio >= LINE_OVERLAP:
            best.chars.append(c)
        else:
            clusters.append(_Cluster(top, top + h, [c]))
    return [sorted(cl.chars, key=lambda c: c["x0"]) for cl in clusters]


def join_chars(chars: list[Char]) -> str:
    """Text of one line's chars (left to right): spaces only where the print shows a gap."""
    out: list[str] = []
    prev: Char | None = None
    prev_h = 0.0
    for c in chars:
        t = c["text"]
        h = c["bottom"] - c["top"]
        h = 0.5 if 0.5 > h else h  # _height(c)
        if prev is not None:
            size = prev_h if prev_h > h else h
            gap = c["x0"] - prev["x1"]
            if t == prev["text"] and abs(c["x0"] - prev["x0"]) < 0.3 * size and not t.isspace():
                continue  # overprinted duplicate (fake bold)
            if gap > WIDE_GAP * size or (
                gap > WORD_GAP * size and _ASCII_WORD.match(t) and _ASCII_WORD.match(prev["text"][-1:])
            ):
                out.append(" ")
        out.append(t)
        prev, prev_h = c, h
    return re.sub(r"\s+", " ", "".join(out)).strip()


_LIST_MARKS = "、，,"
BRACKET_LEAD = 10  # characters: a short bracket at a line's head (（类）, （2080501）) is read with what follows it


def make_lines(chars: list[Char], page: int) -> list[Line]:
    lines: list[Line] = []
    for group in cluster_chars(chars):
        text = join_chars(group)
        if not text:
            continue
        ink = [c for c in group if not c["text"].isspace()] or group
        heights = sorted(_height(c) for c in ink)
        end_x = ink[0]["x0"]
        run = [c for c in group if c["x0"] >= ink[0]["x0"] and not c["text"].isspace()]
        if run and run[0]["text"] in "（(":
            # （类）192.35万元 wrapped to the line's head: the bracket and the number after it go together
            close = next((k for k, c in enumerate(run[:BRACKET_LEAD]) if c["text"] in "）)"), None)
            if close is not None:
                end_x, run = run[close]["x1"], run[close + 1 :]
        for k, c in enumerate(run):
            # 78.46、65.32、42.18亿元: numbers listed with 、 wrap as one run
            listed = c["text"] in _LIST_MARKS and k + 1 < len(run) and run[k + 1]["text"].isdigit()
            if not (_ASCII_WORD.match(c["text"]) or listed) or c["x0"] - end_x > WORD_GAP * _height(c):
                break
            end_x = c["x1"]
        lead = end_x - ink[0]["x0"] if end_x > ink[0]["x0"] else 2 * (ink[0]["x1"] - ink[0]["x0"])
        lines.append(
            Line(
                text=text,
                page=page,
                x0=min(c["x0"] for c in ink),
                top=min(c["top"] for c in ink),
                x1=max(c["x1"] for c in ink),
                bottom=max(c["bottom"] for c in ink),
                size=heights[len(heights) // 2],
                lead=lead,
                xs=char_edges(group, text),
            )
        )
    return lines


def char_edges(chars: list[Char], text: str) -> array[float]:
    """x0, x1 of each character of `text` (a line's chars joined by `join_chars`), so a figure found in the
    text can be boxed on the page; empty when the text cannot be matched back to the chars.

    Greedy: each printed character takes the next char with that text (overprinted duplicates and
    collapsed whitespace are passed over); an inserted space spans the gap it stands for."""
    if len(chars) == len(text) and "".join(c["text"] for c in chars) == text:  # the usual line: one char each
        return array("f", [v for c in chars for v in (c["x0"], c["x1"])])
    units = [(t, c["x0"], c["x1"]) for c in chars for t in c["text"]]
    out = array("f")
    j = 0
    right = units[0][1] if units else 0.0
    for ch in text:
        if ch.isspace():
            nxt = next((u[1] for u in units[j:] if not u[0].isspace()), right)
            out.extend((right, max(right, nxt)))
            continue
        while j < len(units) and units[j][0] != ch:
            j += 1
        if j == len(units):
            return array("f")
        x0, x1 = units[j][1], units[j][2]
        out.extend((x0, x1))
        right = x1
        j += 1
        while j < len(units) and units[j][0] == ch and abs(units[j][1] - x0) < 0.3 * max(x1 - x0, 1.0):
            j += 1  # its overprinted duplicate (fake bold), dropped by join_chars
    return out


_NUMBER_END = re.compile(r"[0-9.,．，]$")
_TABLE_LABEL = re.compile(
    r"^\s*(?:附|续)?表\s*[0-9０-９一二三四五六七八九十]{1,3}(?:[-—][0-9]{1,2})?[\s：:、.．][^，,。；;]*$"
)
_MAKER = re.compile(r"^\s*(?:编制(?:部门|单位)|填报单位)\s*[：:]")
_UNIT_LINE = re.compile(r"单位\s*[：:]\s*(?:万|亿|千)?元\s*$")
_NUMBER_GOES_ON = re.compile(r"^[0-9.,%．％]")


def _separator(before: str, part: str) -> str:
    """What goes between two wrapped lines: nothing in CJK text or where a number runs on over the break
    (99. | 7% → 99.7%), one space between Latin words."""
    if before and part and _ASCII_WORD.match(before[-1]) and _ASCII_WORD.match(part[0]):
        if not (_NUMBER_END.search(before) and _NUMBER_GOES_ON.match(part)):
            return " "
    return ""


def join_texts(parts: list[str]) -> str:
    """Concatenate wrapped lines (see `_separator`)."""
    out = ""
    for p in parts:
        out += _separator(out, p) + p
    return out


SIZE_CHANGE = 0.25  # a line whose type size differs from the one before by more than this share is no wrap of it


def _other_size(a: float, b: float) -> bool:
    return abs(a - b) > SIZE_CHANGE * max(a, b)


def join_cell_lines(lines: list[list[Char]]) -> str:
    """A table cell's text from its lines: wrapped lines join as in a paragraph (`_separator`), but a line in
    another type size is a line of its own (a table number 表16 above the title printed in the grid:
    表16 2026年…, not 表162026年…) and is set apart by a space."""
    out = ""
    prev_size = 0.0
    for chars in lines:
        text = join_chars(chars)
        size = max(_height(c) for c in chars) if chars else prev_size
        gap = " " if out and text and prev_size and _other_size(size, prev_size) else _separator(out, text)
        out += gap + text
        prev_size = size
    return out


def line_starts(parts: list[str]) -> list[int]:
    """Where each part begins in `join_texts(parts)`."""
    starts: list[int] = []
    out = ""
    for p in parts:
        out += _separator(out, p)
        starts.append(len(out))
        out += p
    return starts


def is_page_number(line: Line, page_height: float, page_width: float | None = None) -> bool:
    """A page number or its dashes in the top or bottom margin, or printed sideways in a side margin (landscape
    table pages of bound reports: "— 57 —" running up the left edge)."""
    in_margin = line.top > page_height * 0.88 or line.bottom < page_height * 0.08
    if page_width and any(d in line.text for d in "—–－-"):  # sideways: only with its dashes (— 57 —)
        in_margin = in_margin or line.x1 < page_width * 0.12 or line.x0 > page_width * 0.88
    return in_margin and bool(_PAGE_NUMBER.match(line.text) or _PAGE_ORNAMENT.match(line.text))


def is_heading(text: str) -> bool:
    return section_label(text) is not None or bool(_ATTACHMENT.match(text))


@dataclass
class Margins:
    left: float
    right: float
    line_gap: float = 0.0  # the usual white space between two lines of a paragraph (double spacing is common)


def body_margins(lines: list[Line]) -> Margins | None:
    """The text column: the most common left edge and the most common right edge of the lines."""
    if not lines:
        return None
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    right = Counter(round(ln.x1) for ln in lines).most_common(1)[0][0]
    return Margins(float(left), float(max(right, left + 1)))


def page_margins(lines: list[Line], fallback: Margins | None) -> Margins | None:
    """A page's text column: the leftmost left edge and the rightmost right edge shared by two lines or more
    (2-point buckets); the document's margins where the page has no such pair."""
    lefts = Counter(round(ln.x0 / 2) for ln in lines)
    rights = Counter(round(ln.x1 / 2) for ln in lines)
    shared_left = [k * 2.0 for k, n in lefts.items() if n >= 2]
    shared_right = [k * 2.0 for k, n in rights.items() if n >= 2]
    if fallback is None and not (shared_left and shared_right):
        return None
    left = min(shared_left) if shared_left else fallback.left  # type: ignore[union-attr]
    right = max(shared_right) if shared_right else fallback.right  # type: ignore[union-attr]
    beyond = sorted(ln.x1 for ln in lines if ln.x1 > right + 2 * ln.size)
    if len(beyond) >= 2:
        # the edge shared is that of short lines (headings of one width: （二）过程情况, （三）产出情况) while lines of
        # ragged body text reach further: the column ends where they do (the second widest: one line may overflow)
        right = beyond[-2]
    gaps = sorted(
        b.top - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if 0 <= b.top - a.bottom < 1.5 * max(a.size, b.size)
    )
    return Margins(left, max(right, left + 1), gaps[len(gaps) // 2] if gaps else 0.0)


def _centered(ln: Line, m: Margins) -> bool:
    middle = (m.left + m.right) / 2
    inset = INDENT * ln.size  # a centred line keeps clear of both margins; a full line is body text
    return m.left + inset < ln.x0 and ln.x1 < m.right - inset and abs((ln.x0 + ln.x1) / 2 - middle) < 1.5 * ln.size


_GOES_ON = re.compile(r"^\s*[、，,。；;：:）)%％」』”]")  # a line opening with these goes on with the line before
_LEADS_ON = re.compile(r"的\s*$")  # a line ending on 的 leads on to the next
_FIGURE_CUT_AFTER = re.compile(r"\d[\d.,]*\s*[万亿千百]?\s*$")
_FIGURE_CUT_BEFORE = re.compile(r"^\s*(?:[万亿]?元|[万亿]|%|％)")


def starts_paragraph(
    prev: Line | None, cur: Line, margins: Margins | None, prev_margins: Margins | None = None
) -> bool:
    """Whether `cur` begins a new paragraph after `prev` (both outside tables, `prev` just before it).

    `margins` are those of `cur`'s page, `prev_margins` those of `prev`'s page when it is another."""
    if prev is None:
        return True
    size = max(cur.size, 1.0)
    if is_heading(cur.text) or _TABLE_LABEL.match(cur.text) or _UNIT_LINE.search(prev.text) or _MAKER.match(cur.text):
        return True  # a table's title (表8 一般公共预算“三公”经费预算表) and its 单位 line are lines of their own
    if _LEADERS.search(cur.text) or _LEADERS.search(prev.text):
        return True
    if _other_size(cur.size, prev.size):
        return True
    usual_gap = margins.line_gap if margins is not None else 0.0
    if cur.page == prev.page and cur.top - prev.bottom > max(PARA_GAP * size, usual_gap + 0.5 * size):
        return True
    if cur.page == prev.page and cur.top < prev.top - 0.5 * size:
        return True  # a jump back up: a new column or a side box
    if margins is None:
        return cur.page != prev.page
    if cur.page == prev.page and _centered(prev, margins) and _centered(cur, margins):
        return False  # a centred title wrapped over two lines
    if _GOES_ON.match(cur.text) or _LEADS_ON.search(prev.text):
        return False  # …分别完成年度预算的 | 102.0% | 、102.1%…: no paragraph opens on a 、 nor closes on a 的
    if _FIGURE_CUT_AFTER.search(prev.text) and _FIGURE_CUT_BEFORE.match(cur.text):
        return False  # …执行数为2012.54万 | 元，2025年…: a figure and its unit cut apart by the line's (or page's) end
    if cur.x0 > margins.left + INDENT * size:
        return True
    # a line ending short ends its paragraph, unless the next line's first number or word would not have fit
    right = (prev_margins or margins).right
    return prev.x1 < right - max(SHORT_LINE * size, cur.lead + LEAD_SLACK * size)
