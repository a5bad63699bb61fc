"""The grammar of lists in report prose: where a "其中" list ends and whether it names every part.

- A list opened inside brackets, "（其中：A 1、B 2）", ends at the closing bracket.
- Otherwise it ends at the first "；" outside brackets, at the sentence end, before a clause that states no
  figure ("…，新增限额下达后，预计年末余额126.09亿元": the list is over) and before a clause that opens a new
  statement (加上, 减去, 预计, 调整后 …).
- Brackets inside the list hold a breakdown of their own (a nested list), never parts of this one.
- A list is complete when it says so: a residual item (其他…), a pair that splits its whole (一般债务 and
  专项债务, 计容 and 不计容), "分别"; a list ending in 等 is not. Only a complete list whose parts fall short of
  its total contradicts it; parts that exceed the total always do.
- A list's parts are parts of its total: of its flow (income, spending, what is left: `flow_of`). Figures of income
  and of spending are never parts of one total ("滚存结余133.75亿元。其中，某基金收入123.46亿元，支出134.57亿元":
  the 其中 names one fund's own accounts, not a breakdown of the balance).
"""

from __future__ import annotations

import csv
import os
import re
from functools import lru_cache
from pathlib import Path

from extractors.clauses import split_clauses
from extractors.subjects import words as claim_words

DATA = Path(__file__).resolve().parent / "data"
OPEN, CLOSE = "（(", "）)"
CLAUSE_BREAK = "，,、；;：:"
_BREAKER = re.compile(
    r"^\s*(?:再)?(?:加上|加|减去|减|扣除|另外|另|此外|同时|预计|合计|共计|总计|累计|收支相抵|调整后|调整为)"
)
# a figureless remark on what the part before is made of or spent on, not a statement of its own
_REMARK = re.compile(
    r"^\s*(?:均为|均是|均系|全部为|全部是|全部系|全部用于|均用于|全为|系|即|主要(?:为|是|系|来源于|来自|用于|包括))"
)
_ETC = re.compile(r"^\s*(?:亿元|万元|元)?\s*等")
COMPLETE, PARTIAL, UNKNOWN = "complete", "partial", ""
INCOME, SPENDING, BALANCE = "收入", "支出", "余额"  # the values of data/claim_words.csv's flow words


def _matching_close(text: str, open_at: int, end: int) -> int:
    depth = 0
    for i in range(open_at, end):
        if text[i] in OPEN:
            depth += 1
        elif text[i] in CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return end


MAX_LIST = 600  # characters: no real list runs longer (and text without punctuation stays linear)


# a part's description: "人员经费2100.00万元，主要包括：基本工资、津贴补贴…等；公用经费300.00万元" (…，是指为保障机构正常
# 运转…；): from its comma to the
# next "；" (or the end), with no figure in it — it says what the part is, it ends no list
# a part's description or the reason for its change, up to its "；" (…0.00万元，与上年持平，主要原因是无此项支出；)
_DESCRIPTION = re.compile(r"[，,]\s*(?:主要|具体)?(?:包括|用于|是指|原因(?:是|为|：|:))[：:]?[^；;。！？0-9０-９]*$")


def mask_description(between: str) -> str:
    """`between` (the text from one part to the next) with a part's description (see `_DESCRIPTION`) blanked out,
    so that its clauses are no clauses of the list; the length is kept."""
    head, sep, tail = between.partition("；") if "；" in between else between.partition(";")
    m = _DESCRIPTION.search(head)
    if m is None or not sep:
        return between  # a description runs to its "；": without one, the clauses after it may be figures' own
    return head[: m.start()] + "_" * (m.end() - m.start()) + sep + tail


def list_end(text: str, start: int, sentence_end: int) -> int:
    """Where the 其中 list whose word starts at `start` ends (exclusive offset in text): its closing bracket, or
    the sentence end. A "；" on the way ends it only softly (`soft_ends`)."""
    sentence_end = min(sentence_end, start + MAX_LIST)
    j = start - 1
    while j >= 0 and text[j] in " \t\u3000":
        j -= 1
    if j >= 0 and text[j] in OPEN:
        return _matching_close(text, j, sentence_end)
    depth = 0
    for i in range(start, sentence_end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            if depth == 0:
                return i  # the list stood inside brackets opened before 其中
            depth -= 1
    return sentence_end


def soft_ends(text: str, start: int, end: int) -> list[int]:
    """The "；" outside brackets between start and end: a list goes past one only while its parts still fit."""
    out: list[int] = []
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "；;":
            out.append(i)
    return out


_CLOSED_BRACKET = re.compile(r"[（(][^（()）]*[）)]")


def without_closed_brackets(text: str) -> str:
    """text without the brackets it opens and closes (innermost first): what a bracket says (（2025年年初预算
    1,318,000万元）) is about its own figure, not about the figures after it."""
    prev = None
    while prev != text:
        prev, text = text, _CLOSED_BRACKET.sub("", text)
    return text


def nested_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Bracketed stretches inside text[start:end] (their figures form a list of their own)."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        if text[i] in OPEN:
            close = _matching_close(text, i, end)
            out.append((i, close))
            i = close + 1
        else:
            i += 1
    return out


_UNCHANGED = re.compile(r"^(?:与|和|同|较|比)[^，,；;。]{0,16}(?:持平|一致|相同|不变|相当)$")


def breaks_list(between: str, has_figure: list[bool]) -> bool:
    """Whether the text between two parts ends the list: a clause with no figure, or one opening a new statement.
    `between` is the text from the end of one part to the start of the next; `has_figure[k]` says whether its
    k-th clause holds a figure (a change or rate beside a part keeps the list going)."""
    clauses = split_clauses(between)
    if len(clauses) <= 1:
        return False
    remark = False  # inside a remark on the part before: it runs to the part's "；"
    for k, clause in enumerate(clauses[1:], 1):
        if _BREAKER.match(clause):
            return True
        last = k == len(clauses) - 1
        if _UNCHANGED.match(clause.strip().rstrip("_")):
            continue  # 与2024年预算持平: a part's change, stated without a figure
        if _REMARK.match(clause):
            # 公务用车购置及运行费15.32万元，全部为公务用车运行费，主要用于7辆公务用车的燃料、维修等支出；公务接待费…:
            # what the part is made of or spent on, to its "；"
            remark = True
            continue
        if remark and not last:
            continue
        if clause.strip() and not last and not (k < len(has_figure) and has_figure[k]):
            return True
    return bool(_BREAKER.match(clauses[-1]))


@lru_cache(maxsize=1)
def partitions() -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """Sets of item words that together make up their whole (data/partitions.csv), each with the words one of which
    a whole it makes up must name (a field "@基本": 人员经费 and 公用经费 make up 基本支出, not all the money spent);
    none when any whole."""
    out: list[tuple[frozenset[str], tuple[str, ...]]] = []
    with (DATA / "partitions.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            fields = [w.strip() for w in row if w.strip()]
            wholes = tuple(w for f_ in fields if f_.startswith("@") for w in f_[1:].split("|"))
            words = frozenset(w for w in fields if not w.startswith("@"))
            if len(words) >= 2:
                out.append((words, wholes))
    return tuple(out)


def _covers(subject: str, word: str) -> bool:
    return word in subject and not (
        word.startswith(("税收", "计容")) and ("非" + word in subject or "不" + word in subject)
    )


_CARRY = re.compile(r"结转|结余")


_REST_UNPRINTED = re.compile(r"\s*[，,；;]?\s*(?:其余|剩余|余下|另有)")


def completeness(subjects: list[str], after_last: str, before_first: str, whole: str = "") -> str:
    """COMPLETE, PARTIAL or UNKNOWN for a list of part subjects, given the text right after its last figure and
    right before its first; `whole`, the total's name: parts that make up a set only under a qualifier the total
    does not share (新增一般债券, 新增专项债券 under 发行政府债券) are all of the qualified whole, not of the total."""
    if _ETC.match(after_last) or _REST_UNPRINTED.match(after_last):
        return PARTIAL  # (…125.60万元，其余为人员经费和日常公用经费: the rest named without its figure)
    # the rest (其他收入, 其他支出) closes a list as its last part, or followed only by carry-overs (…其他收入530.00万元；
    # 上年结转4,080.60万元); elsewhere it is one 类 of many named (城乡社区支出…，其他支出…，债务付息支出…)
    # (从其他资金调入150,000万元: the rest after its preposition)
    rest = next((k for k, s in enumerate(subjects) if re.sub(r"^(?:从|由|自)", "", s.strip()).startswith("其他")), None)
    # (全部用于以下项目：: every part named)
    if (
        "分别" in before_first
        or "全部用于" in before_first
        or (rest is not None and all(_CARRY.search(s) for s in subjects[rest + 1 :]))
    ):
        return COMPLETE
    if names_a_partition(subjects, whole):
        return COMPLETE
    stripped = [s.replace("不", "").replace("非", "") for s in subjects]
    if len(subjects) == 2 and stripped[0] == stripped[1] and subjects[0] != subjects[1]:
        return COMPLETE  # 计容面积 / 不计容面积
    return UNKNOWN


def names_a_partition(subjects: list[str], whole: str = "") -> bool:
    """Whether the subjects are, one each, the words of a set of parts that make up their whole (partitions.csv)."""
    for words, wholes in partitions():
        if wholes and not any(w in whole for w in wholes):
            continue  # 全年执行数…，其中：人员经费…；公用经费…: those two make up 基本支出, not all that was spent
        if len(words) == len(subjects) and all(any(_covers(s, w) for w in words) for s in subjects):
            matched = {w for s in subjects for w in words if _covers(s, w)}
            if matched == words and _qualifier_shared(subjects, words, whole):
                return True
    return False


def _qualifier_shared(subjects: list[str], words: frozenset[str], whole: str) -> bool:
    """Whether the words the parts share around their set's words (新增 … 限额) are in the total's name too, and so is
    the stem the set's words share (公务用车 of 公务用车购置 | 公务用车运行: never a whole of the 三公 as a whole)."""
    stem = os.path.commonprefix(sorted(words))
    if whole and len(stem) >= 2 and stem not in whole:
        return False
    tail = os.path.commonprefix([w[::-1] for w in words])[::-1]  # 转移支付 of 一般性转移支付 | 专项转移支付
    if whole and len(tail) >= 3 and (tail not in whole or re.search(f"[和及与、]{tail}", whole)):
        return False  # 上级补助收入 holds 返还性收入 too; 税收返还和转移支付 names another part beside them
    around: set[tuple[str, str]] = set()
    for s in subjects:
        w = max((w for w in words if _covers(s, w)), key=len)
        before, _, after = s.partition(w)
        around.add((before.strip(), after.strip()))
    if not whole or len(around) != 1:
        return True
    # (投入指标得分, 过程指标得分… of 自评得分: 指标 says each part is an indicator's, which the whole need not say)
    return all(len(x) < 2 or x in whole or x.replace("指标", "") in whole for x in around.pop())


def flow_of(name: str) -> str:
    """What a money figure measures by the flow words of its name: BALANCE when it names what is left at all
    (基本支出结转, 结转下年支出, 收支缺口), else INCOME or SPENDING; "" when it names none, or both (收入支出总计)."""
    found = {value for word, value in claim_words().flows if word in name}
    if BALANCE in found:
        return BALANCE
    return found.pop() if len(found) == 1 else ""


def part_of_flow(total: str, part: str) -> bool:
    """Whether a figure of flow `part` can be a part of a total of flow `total`: the same flow, or what is left
    within income or spending (收入总计 holds 上年结转, 支出总计 holds 年末结转和结余) — never income within spending,
    nor income or spending within what is left."""
    return not total or not part or total == part or (part == BALANCE and total in (INCOME, SPENDING))


def income_and_spending(flows: list[str]) -> bool:
    """Whether parts name both income and spending: one item's own accounts, not parts of one whole."""
    return {INCOME, SPENDING} <= set(flows)
