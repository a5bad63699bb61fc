"""execution — "年初预算为A万元，支出决算为B万元。决算数小于预算数…" : the comparison word vs A and B.

The 决算 情况说明 gives, per 项 (and for the 三公 total), the budget and the final figure, then says which
is larger (决算数小于/大于预算数的主要原因) or that they are equal (决算数与预算数持平). The word must fit the
two figures printed right before it. "基本持平" is left alone (how near is "basically" is a judgement).
The family reads the claims only: the claims extractor links the words to the two figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.model import Claim
from extractors.subjects import role_in
from pipeline import tolerance as tol
from pipeline.checks.base import Context, claim_figure, fmt, make_finding, rule
from pipeline.findings import Finding

FAMILY = "execution"
WORD = rule(
    FAMILY,
    "final-vs-budget-word",
    "error",
    "决算数与预算数的比较用词与两数不符",
    "写“{word}”，但预算数 {budget}、决算数 {final}",
    "narrative",
    "direction",
)
RULES = [WORD]

_LESS, _MORE, _LEVEL = ("小于",), ("大于",), ("等于", "持平")
_BUDGET_ROLES = {"预算": "预算", "年初": "年初预算", "全年": "全年预算"}
# the words as printed, to quote them: 决算数小于预算数 / 决算数与全年预算数持平
_PRINTED = re.compile(
    r"决算数?\s*(?:(?:小于|低于|大于|高于|等于)[^，,；;。：:的]{0,12}|(?:与|同)[^，,；;。：:]{0,12}?(?:持平|相等|一致))"
)


def _budget_of(ctx: Context, final: Claim) -> Claim | None:
    """The budget figure the comparison names: the last one before the final figure in its paragraph (of the
    same group when the claims extractor linked the two), its role the one the phrase names."""
    cands = _budgets_before(ctx, final)
    return cands[-1] if cands else None


def _budgets_before(ctx: Context, final: Claim, any_group: bool = False) -> list[Claim]:
    """The budget figures before the final figure in its paragraph that the comparison's phrase may name (with
    `any_group`, those the claims extractor did not link to it too)."""
    wanted = role_in(final.denominator)
    start = final.prov.span[0] if final.prov.span else 0
    cands = [
        x
        for x in ctx.paragraph_claims(final)
        if x.relation not in ("direction", "reason")
        and x.quantity.dimension == final.quantity.dimension
        and x.role in _BUDGET_ROLES
        and (x.role == wanted or wanted == "预算")
        and x.prov.span is not None
        and x.prov.span[0] < start
        and (final.group is None or x.group == final.group or any_group)
    ]
    return cands


def _holds(word: str, final: Claim, budget: Claim) -> bool:
    b, f = tol.base_interval(budget.quantity), tol.base_interval(final.quantity)
    if word in _LESS:
        return f.lo < b.hi
    if word in _MORE:
        return f.hi > b.lo
    return f.meets(b)


def check(ctx: Context) -> Iterator[Finding]:
    """The claims extractor turns "决算数小于预算数" and "决算数与预算数持平" into a claim on the final figure
    (relation direction, the budget phrase as denominator); the budget figure stands before it."""
    for final in ctx.claims:
        word = final.direction
        if final.relation != "direction" or final.role != "决算" or "预算" not in final.denominator:
            continue
        if word == "基本持平" or final.quantity.dimension == "unknown":
            ctx.mark(final)  # how near is "basically" is a judgement; a comparison without figures: nothing to do
            continue
        if word not in _LESS + _MORE + _LEVEL:
            continue
        budget = _budget_of(ctx, final)
        if budget is None:
            ctx.note(final, f"“决算数{word}{final.denominator}”：未找到所比较的预算数")
            continue
        ctx.mark(final)
        nearest = {x.role: x for x in _budgets_before(ctx, final, any_group=role_in(final.denominator) == "预算")}
        if any(_holds(word, final, x) for x in nearest.values()):
            # 年初预算为380.00万元，调整预算为425.00万元，支出决算为412.36万元…决算数大于预算数: a bare 预算数 may be the
            # 年初预算 the template compares with; it holds against one of the budgets printed, so no finding
            continue
        bq, fq = budget.quantity, final.quantity
        if fq.base_value < bq.base_value:
            actual = "决算数小于预算数"
        elif fq.base_value > bq.base_value:
            actual = "决算数大于预算数"
        else:
            actual = "两数相等"
        printed = _PRINTED.search(final.sentence)
        stated = printed.group(0) if printed else f"决算数{word}{final.denominator}"
        yield make_finding(
            WORD,
            "error",
            claim_figure(final),
            f"写“{stated.strip()}”，但{_BUDGET_ROLES[budget.role]} {fmt(bq.value)}{bq.unit}、决算数 "
            f"{fmt(fq.value)}{fq.unit}，实为{actual}",
            derivation=f"{fmt(fq.value)} vs {fmt(bq.value)}",
            related=[budget.prov],
            subject=final.subject,
        )
