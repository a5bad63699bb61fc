"""adjustment — a budget adjustment, in a table's row or in one sentence: 调整后 = 调整前 + 调整数.

A 预算调整方案 prints per item the budget before the adjustment, the change and the budget after it
(调整前预算 | 增减（+、-） | 调整后预算). Where a table has exactly one column of each (by its header's last words)
the identity holds row by row; a row that cannot agree under any rounding is an error, named by its item. A
change column printed without signs (调增 and 调减 in one column of magnitudes) is not judged when a row fits
either sign.

A 预算执行 report says the same in one sentence: "收入年初预算合计421.9亿元，执行中…调增收入预算1.8亿元，调整后收入
预算为423.7亿元". Where a 年初 figure, one or more figures each led by 调增/追加 or 调减/核减, and a figure led by
调整后/调整为/调整预算 follow each other in one sentence with nothing else between them (no other figure, no 其中 bracket, no
"；"), the last is the first plus and minus the changes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from extractors.identity import last_word
from extractors.model import Claim, Fact
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    claim_figure,
    describe,
    fact_figure,
    fmt,
    make_finding,
    rule,
    span_start,
    subject_key,
)
from pipeline.checks.compare import positions
from pipeline.findings import Finding

FAMILY = "adjustment"
BEFORE_PLUS_CHANGE = rule(
    FAMILY,
    "before-plus-change",
    "error",
    "预算调整表中调整后数不等于调整前数加调整数",
    "{subject}调整后写 {stated}，调整前加调整数为 {expected}",
    "table",
    "arithmetic",
)
IN_TEXT = rule(
    FAMILY,
    "stated-in-text",
    "error",
    "正文所写调整后预算不等于年初预算加减调整数",
    "{subject}写 {stated}，年初预算加减调整数为 {expected}",
    "narrative",
    "arithmetic",
)
RULES = [BEFORE_PLUS_CHANGE, IN_TEXT]

_ROLES = (
    ("before", re.compile(r"调整前|^(?:年初|原)预算数?$")),  # 年初预算 | 调整数 | 调整后预算: the budget before
    ("after", re.compile(r"调整后")),
    ("change", re.compile(r"^(?:调整数|调整金额|增减(?:数|额)?|调增[（(]?[+＋]?[）)]?调?减|增[（(]?[+＋][）)]?减)")),
)


def _role(f: Fact) -> str:
    head = re.sub(
        r"\s|（[^）]*[、+＋\-－][^）]*）|\([^)]*[、+＋\-－][^)]*\)", "", f.column_labels[-1] if f.column_labels else ""
    )
    return next((role for role, pattern in _ROLES if pattern.search(head)), "")


def check(ctx: Context) -> Iterator[Finding]:
    yield from _in_text(ctx)
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.prov.table is not None and f.quantity.dimension == "money":
            by_table[f.prov.table].append(f)
    for facts in by_table.values():
        columns: dict[str, set[int | None]] = defaultdict(set)
        for f in facts:
            if _role(f):
                columns[_role(f)].add(f.prov.col)
        if any(len(columns[r]) != 1 for r in ("before", "after", "change")):
            continue  # none, or one of each per side of a two-sided table: which goes with which is not read
        rows: dict[int | None, dict[str, Fact]] = defaultdict(dict)
        for f in facts:
            if _role(f):
                rows[f.prov.row][_role(f)] = f
        for row in rows.values():
            if len(row) == 3:
                yield from _judge(ctx, row["before"], row["change"], row["after"])


def _judge(ctx: Context, before: Fact, change: Fact, after: Fact) -> Iterator[Finding]:
    if len({tol.factor(x.quantity) for x in (before, change, after)}) != 1:
        return  # one table prints one unit; cells read in different units are not judged
    b, c = tol.interval(before.quantity), tol.interval(change.quantity)
    verdicts = [tol.verdict(after.quantity, b + c, ctx.settings)]
    if change.quantity.value >= 0 and not change.text.strip().startswith("+"):
        verdicts.append(tol.verdict(after.quantity, b - c, ctx.settings))  # a 调减 printed without its sign
    if any(v in (tol.OK, tol.INFO) for v in verdicts):
        return
    exact = before.quantity.value + change.quantity.value
    fig = fact_figure(after, ctx.doc_year)
    yield make_finding(
        BEFORE_PLUS_CHANGE,
        verdicts[0],
        fig,
        f"{fig.subject}：调整后写 {after.quantity.text}{after.quantity.unit}，而调整前 {before.quantity.text} "
        f"{'+' if change.quantity.value >= 0 else '−'} 调整数 {fmt(abs(change.quantity.value))} = "
        f"{fmt(exact)}{after.quantity.unit}，两者不符",
        expected=exact,
        derivation=f"{before.quantity.text} + ({change.quantity.text})",
        related=[before.prov, change.prov],
        subject=fig.subject,
    )


# the words right before a figure (after the previous one): what the figure is in the adjustment
_INITIAL = re.compile(r"年初(?:预算|安排|的$|数)|由$")  # 由年初的444578万元调增…, 由45.20亿元调减至…: the figure before
_CHANGE = re.compile(r"(调增|追加|调减|核减|压减)(?!至)[^，,；;。（()）\d]{0,12}$")
_MINUS = ("调减", "核减", "压减", "减少")
_AFTER = re.compile(r"(?:调整(?:后|为|预算)|调[增减整]至|调为)[^，,；;。（()）\d]{0,12}$")
_REACHED = re.compile(r"\s*(?:万元|亿元|元)?\s*(?:至|到|后为)\s*")  # 由26000万元调减6000万元至20000万元
# 由年初预算22.85亿元调增至31.45亿元，增加8.60亿元: the change stated after the budget it made
_CHANGE_AFTER = re.compile(r"^[，,]\s*(净)?(增加|调增|追加|减少|调减|核减|压减)了?$")
# a bracket, a "；", a 其中 (a part of a change, 其中教育追加…) or a comparison (比上年减少…) between the figures: the
# sentence says more than one adjustment of one figure
_BREAK = re.compile(r"[；;。（()）]|其中|[比较]上?年|[比较]\d{4}|同比|相比")
_FLOWS = ("收入", "支出")


def _in_text(ctx: Context) -> Iterator[Finding]:
    seen: set[tuple] = set()
    for c in ctx.claims:
        key = (c.prov.block, c.prov.paragraph, c.sentence)
        if key in seen or not c.prov.span or not re.search(r"调整|调[增减]", c.sentence):
            continue
        seen.add(key)
        figures = sorted((x for x in ctx.sentence_claims(c) if x.prov.span), key=span_start)
        gaps = _gaps(c.sentence, figures)
        for i, first in enumerate(figures):
            if first.quantity.dimension == "money" and _INITIAL.search(gaps[i]) and "调整" not in gaps[i]:
                yield from _chain(ctx, first, figures[i + 1 :], gaps[i + 1 :])


def _gaps(sentence: str, figures: list[Claim]) -> list[str]:
    """Per figure, the words between it and the figure before it (from the sentence's start for the first)."""
    out: list[str] = []
    end = 0
    for at, x in positions(sentence, figures):
        out.append(sentence[end:at])
        end = at + len(x.quantity.text.strip())
    return out


def _chain(ctx: Context, first: Claim, rest: list[Claim], gaps: list[str]) -> Iterator[Finding]:
    changes: list[tuple[int, Claim]] = []
    flow = _flow(first.lead or "") or _flow(first.sentence[: first.sentence.find(first.quantity.text)])
    scope = first.identity.scope
    for x, gap in zip(rest, gaps, strict=True):
        if _BREAK.search(gap) or x.quantity.dimension != "money":
            return
        after = _AFTER.search(gap) or (_REACHED.fullmatch(gap) if changes else None)
        if _flow(gap) not in ("", flow):
            return  # 收入 年初 … 支出 追加: two figures' adjustments side by side
        if after is not None and last_word("scope", gap, phrase_start=False) not in ("", scope):
            return  # 全市 年初 … 调整后市本级: another scope's budget (the 县区 that 调增 are the actors, not the scope)
        if after is not None and changes:
            yield from _judge_text(ctx, first, changes, x)
            return
        if after is not None and len(rest) > len(changes) + 1:
            stated = _changes_after(rest[len(changes) + 1 :], gaps[len(changes) + 1 :])
            net = [c for c in stated if c[2]]
            if net:  # …调增107,100万元，调减21,400万元，净增加85,700万元: the net change is B − A
                yield from _judge_change(ctx, first, x, net[0][0], net[0][1])
            elif len(stated) == 1:
                yield from _judge_change(ctx, first, x, stated[0][0], stated[0][1])
            # (gross changes of both signs and no net one: what they add to is left to the table)
            return
        m = _CHANGE.search(gap)
        if m is None or after is not None:
            return
        changes.append((-1 if m.group(1) in _MINUS else 1, x))


def _changes_after(rest: list[Claim], gaps: list[str]) -> list[tuple[int, Claim, bool]]:
    """The changes stated one after another right after the adjusted budget: (sign, figure, whether it is the net)."""
    out: list[tuple[int, Claim, bool]] = []
    for x, gap in zip(rest, gaps, strict=False):
        m = _CHANGE_AFTER.match(gap)
        if m is None or x.quantity.dimension != "money":
            break
        out.append((-1 if m.group(2) in _MINUS else 1, x, bool(m.group(1))))
    return out


def _flow(words: str) -> str:
    """收入 or 支出, whichever the words name last ("" when neither)."""
    found = [(words.rfind(w), w) for w in _FLOWS if w in words]
    return max(found)[1] if found else ""


def _judge_text(ctx: Context, first: Claim, changes: list[tuple[int, Claim]], after: Claim) -> Iterator[Finding]:
    if len({tol.factor(x.quantity) for x in (first, after, *(c for _, c in changes))}) != 1:
        return
    acc = tol.interval(first.quantity)
    exact = first.quantity.value
    for sign, c in changes:
        acc = acc + tol.interval(c.quantity) if sign > 0 else acc - tol.interval(c.quantity)
        exact += sign * c.quantity.value
    verdict = tol.verdict(after.quantity, acc, ctx.settings)
    for x in (first, after, *(c for _, c in changes)):
        ctx.mark(x)  # (checked here: no "cannot check" note for them)
    if verdict in (tol.OK, tol.INFO):
        return
    unit = after.quantity.unit
    steps = "".join(f" {'+' if sign > 0 else '−'} {c.quantity.text}" for sign, c in changes)
    printed = _the_tables_change(ctx, first, changes, after)
    if printed is not None:
        # 卫生健康支出年初…，调增6410万元，调整后103670万元 where the item's row prints 调整数 6140 and 年初 + 6140 is the
        # 调整后 the text prints: the text's 调增 is the figure out of line
        sign, c = changes[0]
        fig = claim_figure(c)
        yield make_finding(
            IN_TEXT,
            verdict,
            fig,
            f"调整数写 {c.quantity.text}，表中同一项目的调整数为 {printed.quantity.text}；年初 {first.quantity.text} "
            f"{'+' if sign > 0 else '−'} {printed.quantity.text} = {after.quantity.text}（调整后）相符，正文调整数疑有误",
            expected=printed.quantity.value,
            derivation=f"{after.quantity.text} − {first.quantity.text}",
            related=[first.prov, after.prov, printed.prov],
            subject=describe(fig),
        )
        return
    fig = claim_figure(after)
    yield make_finding(
        IN_TEXT,
        verdict,
        fig,
        f"调整后写 {after.quantity.text}，而年初 {first.quantity.text}{steps} = {fmt(exact)}{unit}，两者不符",
        expected=exact,
        derivation=f"{first.quantity.text}{steps}",
        related=[first.prov, *(c.prov for _, c in changes)],
        subject=describe(fig),
    )


def _the_tables_change(ctx: Context, first: Claim, changes: list[tuple[int, Claim]], after: Claim) -> Fact | None:
    """The 调整数 a table prints for the item of a one-step chain in the text, where it (not the text's) makes the text's
    年初 and 调整后 agree."""
    if len(changes) != 1:
        return None
    sign, change = changes[0]
    key = subject_key(after.subject)
    if not key or key != subject_key(first.subject):
        return None
    found = [
        f
        for f in ctx.facts
        if _role(f) == "change"
        and fact_figure(f, ctx.doc_year).key == key
        and f.quantity.base_unit == change.quantity.base_unit
        and f.quantity.value != change.quantity.value
        and first.quantity.value + sign * abs(f.quantity.value) == after.quantity.value
        and f.quantity.unit == change.quantity.unit
    ]
    return found[0] if len(found) == 1 else None


def _judge_change(ctx: Context, first: Claim, after: Claim, sign: int, change: Claim) -> Iterator[Finding]:
    """由年初预算A调增至B，增加C: the change stated after the two budgets is their difference, C = ±(B − A)."""
    if len({tol.factor(x.quantity) for x in (first, after, change)}) != 1:
        return
    diff = tol.interval(after.quantity) - tol.interval(first.quantity)
    verdict = tol.verdict(change.quantity, diff.scale(Decimal(sign)), ctx.settings)
    for x in (first, after, change):
        ctx.mark(x)  # (checked here: no "cannot check" note for them)
    if verdict in (tol.OK, tol.INFO):
        return
    exact = sign * (after.quantity.value - first.quantity.value)
    unit = change.quantity.unit
    fig = claim_figure(change)
    yield make_finding(
        IN_TEXT,
        verdict,
        fig,
        f"调整数写 {change.quantity.text}，而调整后 {after.quantity.text} − 年初 {first.quantity.text} = "
        f"{fmt(exact, change.quantity.decimals)}{unit}，两者不符",
        expected=exact,
        derivation=f"{after.quantity.text} − {first.quantity.text}",
        related=[first.prov, after.prov],
        subject=describe(fig),
    )
