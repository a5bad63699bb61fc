"""mirror — 财政拨款收入 and 财政拨款支出 of a 部门预算 move alike against the year before.

The 预算编制说明 states both "财政拨款收入X万元，比2024年预算增加D1万元" and "财政拨款支出预算X万元，比2024年
预算增加D2万元". A budget's 财政拨款 income equals its 财政拨款 spending, this year and the year before, so
with the same X the two changes must agree: X − D1 and X − D2 are the same previous-year figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from extractors.identity import last_word
from extractors.model import Quantity
from extractors.report_kind import DEPARTMENT_BUDGET_KINDS, in_order
from pipeline import tolerance as tol
from pipeline.checks.base import Context, change_pattern, change_sign, in_unit, rule, shown
from pipeline.checks.template_narrative import Said, narrative
from pipeline.findings import Finding

FAMILY = "mirror"
CHANGE = rule(
    FAMILY,
    "income-expense-change",
    "error",
    "财政拨款收入与财政拨款支出本年相等，与上年比较的增减额却不同",
    "财政拨款收入与支出同为 {current}，收入{income_change}，支出{expense_change}",
    "narrative",
    "change",
    kinds=in_order(DEPARTMENT_BUDGET_KINDS),  # a 部门预算's 财政拨款 income equals its 财政拨款 spending
)
RULES = [CHANGE]

_SECTION = re.compile(r"预算编制说明")
_INCOME = re.compile(r"(^|其中:?)财政拨款收入$")
_EXPENSE = re.compile(r"(^|其中:?)财政拨款支出(预算)?$")


@lru_cache(maxsize=1)
def _delta() -> re.Pattern[str]:
    return re.compile(rf"比(\d{{4}}年)?(.{{0,8}}?)({change_pattern()})$")


def _with_delta(said: list[Said], lead: re.Pattern[str]) -> tuple[Said, Said, re.Match[str]] | None:
    for n, s in enumerate(said):
        if not lead.search(s.lead) or n + 1 >= len(said):
            continue
        nxt = said[n + 1]
        m = _delta().search(nxt.lead)
        if m and nxt.claim.sentence == s.claim.sentence and nxt.q.dimension == "money":
            return s, nxt, m
    return None


def _prior(cur: Said, delta: Said, word: str) -> tol.Interval:
    c, d = tol.base_interval(cur.q), tol.base_interval(delta.q)
    return c - d if change_sign(word) > 0 else c + d


def check(ctx: Context) -> Iterator[Finding]:
    if not any(_SECTION.search(e.text) for e in ctx.outline if e.kind == "heading"):
        return
    said = [s for s in narrative(ctx.claims, ctx.outline) if any(_SECTION.search(h) for h in s.sections)]
    said = [s for s in said if s.q.dimension == "money"]
    inc, exp = _with_delta(said, _INCOME), _with_delta(said, _EXPENSE)
    if inc is None or exp is None:
        return
    (ci, di, mi), (ce, de, me) = inc, exp
    if tol.same_figure_verdict(ci.q, ce.q, ctx.settings) != tol.OK:
        return  # unequal this year: the template family reports that against the tables
    pi, pe = _prior(ci, di, mi.group(3)), _prior(ce, de, me.group(3))
    if pi.meets(pe):
        return
    base_i, base_e = (mi.group(1) or "") + mi.group(2), (me.group(1) or "") + me.group(2)
    same_words = re.sub(r"\s", "", base_i) == re.sub(r"\s", "", base_e)
    # 比2024年预算执行数 and 比2024年预算: last year's 执行数 and its budget are two figures, whose changes may differ
    measures = {last_word("measure", b, phrase_start=False) for b in (base_i, base_e)}
    severity = "error" if same_words else "warning" if len(measures) == 1 else "info"
    prior_i = ci.q.base_value - di.q.base_value if change_sign(mi.group(3)) > 0 else ci.q.base_value + di.q.base_value
    prior_e = ce.q.base_value - de.q.base_value if change_sign(me.group(3)) > 0 else ce.q.base_value + de.q.base_value
    unit = ce.q
    why = (
        "两处比较的基数用词相同，增减额应相同"
        if same_words
        else f"两处的比较基数写法不同（“{base_i}”与“{base_e}”），疑口径不一或有一处数字有误"
        if severity == "warning"
        else f"但两处比较的基数未必是同一数（“{base_i}”与“{base_e}”：上年的预算数与执行数可以不同），未能判断"
    )
    expl = (
        f"财政拨款收入与财政拨款支出预算同为 {shown(ce.q)}，但收入“{di.lead}{shown(di.q)}”（上年基数 "
        f"{_show_base(prior_i, unit)}），支出“{de.lead}{shown(de.q)}”（上年基数 {_show_base(prior_e, unit)}）；"
        f"部门预算的财政拨款收支相等，上年也相等，两处增减额应一致；{why}"
    )
    yield Finding(
        rule=CHANGE.id,
        severity=severity,
        prov=de.claim.prov,
        subject="财政拨款支出预算增减额",
        stated_text=de.claim.sentence,
        explanation=expl,
        stated_value=de.q.value,
        expected_value=in_unit(
            ce.q.base_value - prior_i if change_sign(me.group(3)) > 0 else prior_i - ce.q.base_value, unit
        ),
        unit=de.q.unit,
        related=[di.claim.prov, ci.claim.prov, ce.claim.prov],
        derivation=f"{shown(ce.q)} − 上年基数（按收入一句）",
    )


def _show_base(base: Decimal, q: Quantity) -> str:
    return f"{in_unit(base, q):,.2f}{q.unit}"
