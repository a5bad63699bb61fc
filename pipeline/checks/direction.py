"""direction — words that assert an order (持平/增长/减少, 大于/小于/等于) vs the figures they compare."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.report_kind import DEPARTMENT_BUDGET_KINDS
from pipeline import tolerance as tol
from pipeline.checks.base import Context, fmt, in_unit, make_finding, rule
from pipeline.checks.compare import (
    DIRECTION,
    DOWN,
    UP,
    base_measure,
    current_of,
    is_budget,
    positions,
    prior_of,
    sentences,
)
from pipeline.findings import Finding

FAMILY = "direction"
VS_PRIOR = rule(
    FAMILY,
    "vs-prior-year",
    "error",
    "与上年比较的用词与数字不符",
    "{subject}写“{word}”，但上年 {prior}、本年 {current}",
    "narrative",
    "cross-reference",
)
BETWEEN = rule(
    FAMILY,
    "between-figures",
    "error",
    "大于/小于/等于与两数不符",
    "写“{a}{word}{b}”，两数不符此关系",
    "narrative",
)
RULES = [VS_PRIOR, BETWEEN]


def _holds(word: str, cur: tol.Interval, prior: tol.Interval) -> bool:
    if word == "持平":
        return cur.meets(prior)
    if word in UP:
        return cur.hi > prior.lo
    if word in DOWN:
        return cur.lo < prior.hi
    return True


def check(ctx: Context) -> Iterator[Finding]:
    for sentence, claims in sentences(ctx):
        placed = positions(sentence, claims)
        for m in DIRECTION.finditer(sentence):
            tail = sentence[m.end() : m.end() + 2]
            if tail[:1].isdigit() or tail[:1] in "了百" or (tail[:1] in "-−－+＋" and tail[1:2].isdigit()):
                continue  # 增长12% / 减少3万元 / 增长-2.59% (its sign the direction): the change family's
            word = m.group(2).rstrip("了")
            if word == "持平" and re.search(r"(?:基本|大体|总体|大致|略有)\s*$", sentence[: m.start(2)]):
                continue  # 与上年基本持平: a judgement of a small change, not a claim of equality
            before = [c for i, c in placed if i < m.start()]
            if not before:
                continue
            subject = next((c.subject for c in reversed(before) if c.subject), "")
            cur = current_of(ctx, before, subject)
            if cur is None:
                continue
            measure = base_measure(sentence[: m.start()])
            prior = prior_of(ctx, subject, cur, measure)
            anchor = before[-1]
            for c in before:
                if c.relation in ("direction", "change"):
                    ctx.mark(c)
            if prior is None:
                ctx.note(anchor, f"“{m.group(0)}”：未找到{subject}的上年数")
                continue
            ctx.mark(anchor)
            ci, pi = tol.base_interval(cur.quantity), tol.base_interval(prior.quantity)
            if _holds(word, ci, pi):
                continue
            diff = cur.quantity.base_value - prior.quantity.base_value
            unit = cur.quantity.unit
            d_txt = f"{'增加' if diff > 0 else '减少'} {fmt(abs(in_unit(diff, cur.quantity)))}{unit}"
            if prior.quantity.base_value:
                d_txt += f"（{fmt(diff / prior.quantity.base_value * 100, 2)}%）"
            # 预备费20.0亿元，与上年持平 (a budget) against last year's 实际支出 only: last year's budget may be meant
            unsure = not measure and is_budget(cur) and not is_budget(prior) and ctx.kind not in DEPARTMENT_BUDGET_KINDS
            yield make_finding(
                VS_PRIOR,
                "info" if unsure else "error",
                cur,
                f"{subject}写“{m.group(0)}”，但上年为 {fmt(prior.value)}{prior.quantity.unit}（{prior.label}），"
                f"本年为 {fmt(cur.value)}{unit}，{d_txt}"
                + ("；本年为预算数，上年取的是执行数，所比的也可能是上年预算数，请核对" if unsure else ""),
                expected=in_unit(prior.quantity.base_value, cur.quantity) if word == "持平" else None,
                derivation=f"上年 {fmt(prior.value)} → 本年 {fmt(cur.value)}",
                related=[prior.prov],
                subject=subject,
            )
