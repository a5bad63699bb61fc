"""Lists that run over paragraphs: a paragraph whose last figure opens a list (…万元，其中：), and the paragraphs
after it, one part each.

    一般性转移支付支出3545137万元，其中：
    1.体制补助支出142984万元；
    …
    22.其他一般性转移支付支出28246万元。

The parts are numbered paragraphs of one style, counted 1, 2, 3 … without a gap (paragraphs of a deeper numbering,
(1) under 1., or a dash, ——, between them explain a part and are passed over; anything else ends the list), or
short unnumbered lines, each closed by "；" and the last by "。". Each part is its paragraph's one money level. The
list is not linked at all where a paragraph has no such figure or two, where a figure is already some other list's,
or where the numbering resumes after what ended it (the parts read are then not all of the list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors import lists
from extractors.model import Claim, Paragraph
from extractors.subjects import change_before

# the head's last figure opens the list: …支出3545137万元，其中： (具体如下： after several figures names none of them)
_OPENS = re.compile(
    r"^\s*(?:亿元|万元|千元|元)?\s*[，,。；;]?\s*"
    # (…18654.30万元，比上年增加…。主要用于以下方面：: what it is spent on, set out below — its main parts)
    r"(?:(?:其中|包括)\s*(?:主要有|主要是)?|主要用于(?:以下|如下)(?:几个)?方面)\s*[:：]\s*$"
)
_PARTIAL_HEAD = re.compile(r"主要")  # 其中主要有：… names the main parts only

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# numbering styles, outermost first: 一、 > （一） > 1. > （1） > ①
_STYLES = (
    re.compile(rf"^\s*([{_CN}]{{1,3}})\s*、"),
    re.compile(rf"^\s*[（(]\s*([{_CN}]{{1,3}})\s*[)）]"),
    re.compile(r"^\s*(\d{1,2})\s*(?:[、．]|\.(?!\d))"),
    re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]"),
    re.compile(rf"^\s*([{_CIRCLED}])"),
)
_ASIDE = re.compile(r"^\s*(?:——|—|－|-|·|•)")
_CLAUSE_END = re.compile(r"[，,；;。：:]")


def list_number(token: str) -> int:
    """The number a list marker token stands for: 3, 十一, ③."""
    if token in _CIRCLED:  # before isdigit(): ① is a digit to Python
        return _CIRCLED.index(token) + 1
    if token.isdigit():
        return int(token)
    if len(token) == 1:
        return _CN.index(token) + 1
    if token.startswith("十"):  # 十一
        return 10 + list_number(token[1:])
    tens = _CN.index(token[0]) + 1  # 二十, 二十一
    return tens * 10 + (list_number(token[2:]) if len(token) > 2 else 0)


def _marker(text: str) -> tuple[int, int, int] | None:
    """(style rank, number, end of the marker) of a paragraph that opens with a list number."""
    for rank, pattern in enumerate(_STYLES):
        m = pattern.match(text)
        if m:
            return rank, list_number(m.group(1)), m.end()
    return None


def _start(c: Claim) -> int:
    return c.prov.span[0] if c.prov.span else 0


def _level(c: Claim) -> bool:
    return c.quantity.dimension == "money" and not c.relation and c.group is None and not c.base


def _head_total(para: Paragraph, claims: list[Claim]) -> Claim | None:
    """The figure the list breaks down: the head's last money figure, with nothing but words after it."""
    money = [c for c in claims if c.quantity.dimension == "money" and c.prov.span]
    if not money:
        return None
    last = max(money, key=_start)
    levels = [c for c in money if c.relation != "change"]
    if levels and last.relation == "change":
        last = max(levels, key=_start)  # (…安排8785.30万元，比上年增加385.30万元，其中：: the level, past its change)
    after = para.text[last.prov.span[1] :] if last.prov.span else ""
    # (…支出安排8785.30万元，比上年增长4.6%，其中：: the level's own change between it and the list)
    after = _ITS_CHANGE.sub("", after)
    if last.prov.span and change_before(para.text[max(0, last.prov.span[0] - _CHANGE_REACH) : last.prov.span[0]]):
        return (
            None  # …单位预留机动经费增加251.9万元。其中：: an amount of change breaks down into no paragraphs' levels
        )
    return last if _level(last) and _OPENS.match(after) else None


_ITS_CHANGE = re.compile(
    r"^[，,]\s*(?:比上年|较上年|同比|与上年相比[，,]?)?\s*(?:增长|增加|下降|减少|增收|减收|增支|减支)了?\s*"
    r"\d[\d,.]*\s*(?:%|％|亿元|万元|元)"
    r"(?:[，,、]\s*(?:增长|增加|下降|减少)了?\s*\d[\d,.]*\s*(?:%|％|亿元|万元|元))?"
)
_CHANGE_REACH = 6  # 减少了约, 增长为: the longest change word with its fillers


def _own_part(para: Paragraph, claims: list[Claim], marker_end: int) -> Claim | None:
    """A part paragraph's own figure: its one money level, in its first clause. A paragraph printing two (限额130亿元，
    余额120亿元; 年初预算…，完成…; 2025年执行…，2026年安排…) says which of them is the part nowhere: no part."""
    m = _CLAUSE_END.search(para.text, marker_end)
    clause_end = m.start() if m else len(para.text)
    levels = [
        c
        for c in claims
        if c.quantity.dimension == "money" and c.prov.span and not c.base and c.relation not in _NOT_LEVELS
    ]
    if len(levels) != 1 or _start(levels[0]) >= clause_end:
        return None
    return levels[0] if _level(levels[0]) else None


_NOT_LEVELS = ("change", "share", "rate", "per-capita")


Parts = list[tuple[Claim, list[Claim]]]  # each part, with the claims of its own paragraph


def _parts(following: list[tuple[Paragraph, list[Claim]]]) -> tuple[Parts, Paragraph] | None:
    """The parts in the paragraphs right after the head, and the last part's paragraph: numbered 1, 2, 3 …, or
    lines without numbers, each closed by "；" and the last by "。" (a PDF prints a list's lines as paragraphs)."""
    if following and _marker(following[0][0].text) is None:
        return _lines(following)
    parts: Parts = []
    style = -1
    last_para: Paragraph | None = None
    for para, claims in following:
        marker = _marker(para.text)
        if marker is None:
            if parts and _ASIDE.match(para.text):
                continue
            break
        rank, number, end = marker
        if style < 0:
            if number != 1:
                return None
            style = rank
        if rank > style:
            continue  # a deeper item explains the part before it
        if rank < style or number != len(parts) + 1:
            break
        part = _own_part(para, claims, end)
        if part is None:
            return None
        parts.append((part, claims))
        last_para = para
    if len(parts) < 2 or last_para is None:
        return None
    return parts, last_para


LINE_MAX = 80  # characters: a list's line (一般公共预算收入18330.37万元，占100%；), not a paragraph of prose


def _lines(following: list[tuple[Paragraph, list[Claim]]]) -> tuple[Parts, Paragraph] | None:
    parts: Parts = []
    for para, claims in following:
        text = para.text.strip()
        if len(text) > LINE_MAX or not text.endswith(("；", ";", "。")):
            return None
        part = _own_part(para, claims, 0)
        if part is None:
            return None
        parts.append((part, claims))
        if text.endswith("。"):
            return (parts, para) if len(parts) >= 2 else None
    return None


def _adjacent(paragraphs: list[tuple[Paragraph, list[Claim]]], start: int) -> Iterator[tuple[Paragraph, list[Claim]]]:
    """The paragraphs right after paragraphs[start - 1], while no other block (a table) stands between."""
    block = paragraphs[start - 1][0].prov.block
    for para, claims in paragraphs[start:]:
        if block is None or para.prov.block is None or para.prov.block != block + 1:
            return
        yield para, claims
        block = para.prov.block


def _kind(head: Paragraph, parts: list[Claim], last_para: Paragraph) -> str:
    last = parts[-1]
    after = last_para.text[last.prov.span[1] :] if last.prov.span else ""
    if _PARTIAL_HEAD.search(head.text[-12:]) or not last_para.text.rstrip().endswith(("。", ".")):
        return lists.PARTIAL  # 其中主要有：, or a last part that does not close the list (…130万元；)
    subjects = [p.subject for p in parts]
    # 2.其他刚性支出 before 3.特定目标类项目: 其他 closes a numbered list only as its last part
    if _marker(last_para.text) is not None and any(s.strip().startswith("其他") for s in subjects[:-1]):
        return lists.UNKNOWN
    return lists.completeness(subjects, after, "")


RESUME_WINDOW = 12  # paragraphs after a list's last part where its next number would show it was cut short


def _resumes(paragraphs: list[tuple[Paragraph, list[Claim]]], last: Paragraph, number: int) -> bool:
    """Whether the numbering of a list goes on after what stopped it (a note, a lone 其中：, a table): the next
    number of its style comes before any number of its own or a higher level."""
    mark = _marker(last.text)
    if mark is None:
        return False
    at = next(k for k, (p, _) in enumerate(paragraphs) if p is last)
    for para, _claims in paragraphs[at + 1 : at + 1 + RESUME_WINDOW]:
        m = _marker(para.text)
        if m is None or m[0] > mark[0]:
            continue
        return m[0] == mark[0] and m[1] == number
    return False


def link_paragraph_lists(paragraphs: list[tuple[Paragraph, list[Claim]]], groups: Iterator[int]) -> None:
    """Give each list over paragraphs one group: its head's figure the total, the numbered paragraphs' figures
    its parts (in place)."""
    for i, (para, claims) in enumerate(paragraphs):
        total = _head_total(para, claims)
        if total is None:
            continue
        found = _parts(list(_adjacent(paragraphs, i + 1)))
        if found is None:
            continue
        listed, last_para = found
        parts = [p for p, _ in listed]
        if any(p.quantity.base_unit != total.quantity.base_unit or not _level(p) for p in parts):
            continue
        if _resumes(paragraphs, last_para, len(parts) + 1):
            continue  # 1. 2. / a note / 3.: the list goes on past what broke it, so its parts are not all read
        gid = next(groups)
        total.group, total.relation, total.list_kind = gid, "total", _kind(para, parts, last_para)
        for p, claims in listed:
            p.group, p.relation = gid, "part"
            for c in claims:  # 占100%: the share of a part's line is of the list's total unless it names another whole
                if c.relation == "share" and c.group is None:
                    c.group = gid
