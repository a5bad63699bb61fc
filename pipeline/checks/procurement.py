"""procurement — the 政府采购 paragraph of a 部门决算/预算 情况说明: what went to 中小企业 fits in the total.

The template sentence lists the year's 政府采购 total, then what 中小企业 suppliers won in the projects
reserved for them and what they won in the other projects. Those two awards are disjoint parts of the
contracts, so together they cannot exceed the total; a stated share of the 中小企业 award (占X%) is that
award ÷ the total. (Total = 货物 + 工程 + 服务 is the sum family's enumeration.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from extractors.model import Claim
from pipeline import tolerance as tol
from pipeline.checks.base import Context, claim_figure, fmt, in_unit, make_finding, rule
from pipeline.checks.compare import positions, sentences
from pipeline.findings import Finding

FAMILY = "procurement"
SME_OVER_TOTAL = rule(
    FAMILY,
    "sme-over-total",
    "error",
    "中小企业中标或成交金额之和超过政府采购总额",
    "由中小企业供应商中标或成交的金额合计 {parts} = {sum}，超过政府采购总额 {total}",
    "narrative",
    "sum",
)
SME_SHARE = rule(
    FAMILY,
    "sme-share",
    "error",
    "授予中小企业合同金额的占比与金额不符",
    "授予中小企业合同金额 {part} ÷ 政府采购总额 {total} = {computed}，报告写 {stated}",
    "narrative",
    "share",
)
PART_OVER_WHOLE = rule(
    FAMILY,
    "part-over-whole",
    "error",
    "政府采购的一部分大于其所属的整体",
    "{part_name} {part} 大于 {whole_name} {whole}",
    "narrative",
    "sum",
)
RULES = [SME_OVER_TOTAL, SME_SHARE, PART_OVER_WHOLE]

_SECTION = re.compile(r"政府采购")
# The words right before a figure (since the previous figure) that say what it is.
_TOTAL = re.compile(r"政府采购(?:支出)?(?:总?金额|总额|预算)(?:（[^）]*）)?(?:为|是|共|合计)?$")
_BOUGHT = re.compile(r"实际(?:政府)?采购(?:支出)?(?:总?金额|总额)?(?:为|是|共|合计)?$")
_SME_WON = re.compile(r"由中小企业(?:供应商)?中标或成交的?[，,]?\s*采购金额(?:为)?$")
_SME_GRANTED = re.compile(r"授予中小企业(?:的)?合同(?:金额)?(?:为|共|合计)?$")
_SME_RESERVED = re.compile(r"面向中小企业预留(?:的)?政府采购项目(?:的)?预算(?:金额)?(?:为|是)?$")
_SMALL_RESERVED = re.compile(
    r"(?:面向|预留给)(?:小型和微型|小微)企业(?:预留)?(?:的)?政府采购项目(?:的)?预算(?:金额)?(?:为|是)?$"
)
_SMALL_WON = re.compile(r"由小微企业(?:供应商)?中标或成交的?[，,]?\s*采购金额(?:为)?$")
_SHARE_OF_TOTAL = re.compile(r"^[，,]?\s*占(?:政府采购(?:支出)?(?:总?金额|总额))?(?:的)?$")


def _lead(sentence: str, start: int, prev_end: int) -> str:
    lead = sentence[prev_end:start]
    lead = re.split(r"[。；;]", lead)[-1]
    return re.sub(r"\s+", "", lead)


def _paragraph_figures(ctx: Context) -> dict[tuple, list[tuple[str, Claim]]]:
    """Money and percent claims of each 政府采购 paragraph, each with the words leading to it."""
    out: dict[tuple, list[tuple[str, Claim]]] = {}
    for sentence, claims in sentences(ctx):
        if not any(_SECTION.search(c.section or "") for c in claims) and "政府采购" not in sentence:
            continue
        prev_end = 0
        for i, c in positions(sentence, claims):
            lead = _lead(sentence, i, prev_end)
            prev_end = i + len(c.quantity.text.strip())
            if c.quantity.dimension in ("money", "percent"):
                key = (c.section,) if c.section else (c.prov.block, c.prov.paragraph)
                out.setdefault(key, []).append((lead, c))
    return out


def check(ctx: Context) -> Iterator[Finding]:
    for figs in _paragraph_figures(ctx).values():
        totals = [c for lead, c in figs if c.quantity.dimension == "money" and _TOTAL.search(lead)]
        if not totals:
            continue
        total = totals[0]
        won = [c for lead, c in figs if c.quantity.dimension == "money" and _SME_WON.search(lead)]
        yield from _sme_sum(total, won)
        # 政府采购预算1350.00万元，实际采购金额1286.44万元，其中授予中小企业合同金额…占政府采购金额的85.69%: contracts
        # are a share of what was bought, not of the budget
        bought = [c for lead, c in figs if c.quantity.dimension == "money" and _BOUGHT.search(lead)]
        yield from _sme_share(ctx, bought[0] if bought else total, figs)
        yield from _parts(total, figs)


def _first(figs: list[tuple[str, Claim]], pattern: re.Pattern[str]) -> Claim | None:
    return next((c for lead, c in figs if c.quantity.dimension == "money" and pattern.search(lead)), None)


def _parts(total: Claim, figs: list[tuple[str, Claim]]) -> Iterator[Finding]:
    """Nested amounts: 小微 reserved ⊂ 中小企业 reserved (⊂ the 政府采购 budget, in a 预算); 小微 won ⊂ 中小企业 won
    in the reserved projects (小微企业 are 中小企业, and the projects reserved for them are part of the reserve)."""
    sme_res, small_res = _first(figs, _SME_RESERVED), _first(figs, _SMALL_RESERVED)
    sme_won, small_won = _first(figs, _SME_WON), _first(figs, _SMALL_WON)
    pairs = [
        (small_res, "面向小微企业预留的预算", sme_res, "面向中小企业预留的预算"),
        (small_won, "由小微企业中标或成交的金额", sme_won, "预留项目中由中小企业中标或成交的金额"),
    ]
    if "预算" in total.subject + total.sentence[:40] and "合同" not in total.sentence[:60]:
        pairs.append((sme_res, "面向中小企业预留的预算", total, "政府采购预算总额"))
    for part, part_name, whole, whole_name in pairs:
        if part is None or whole is None or part is whole:
            continue
        if tol.base_interval(part.quantity).lo <= tol.base_interval(whole.quantity).hi:
            continue
        pq, wq = part.quantity, whole.quantity
        yield make_finding(
            PART_OVER_WHOLE,
            "error",
            claim_figure(part),
            f"{part_name} {fmt(pq.value)}{pq.unit} 大于{whole_name} {fmt(wq.value)}{wq.unit}；"
            f"前者是后者的一部分，不能更多",
            expected=None,
            derivation=f"{fmt(pq.value)} > {fmt(wq.value)}",
            related=[whole.prov],
            subject=part_name,
        )


def _sme_sum(total: Claim, won: list[Claim]) -> Iterator[Finding]:
    if len(won) < 2:
        return
    parts = tol.total([tol.base_interval(c.quantity) for c in won])
    t = tol.base_interval(total.quantity)
    if parts.lo <= t.hi:
        return
    s = sum((c.quantity.base_value for c in won), Decimal(0))
    tq = total.quantity
    names = " + ".join(fmt(in_unit(c.quantity.base_value, tq)) for c in won)
    fig = claim_figure(won[-1])
    room = tq.base_value - sum((c.quantity.base_value for c in won[:-1]), Decimal(0))
    yield make_finding(
        SME_OVER_TOTAL,
        "error",
        fig,
        f"由中小企业供应商中标或成交的采购金额（预留项目中 + 其他项目中）合计 {names} = "
        f"{fmt(in_unit(s, tq))}{tq.unit}，超过政府采购总额 {fmt(tq.value)}{tq.unit}；"
        "中小企业所得合同是全部采购合同的一部分，不能多于总额，疑“其他政府采购项目”的金额误填",
        expected=in_unit(room, fig.quantity) if room >= 0 else None,
        derivation=f"{names} = {fmt(in_unit(s, tq))} > {fmt(tq.value)}",
        related=[total.prov, *(c.prov for c in won[:-1])],
        subject="中小企业中标或成交金额",
    )


def _sme_share(ctx: Context, total: Claim, figs: list[tuple[str, Claim]]) -> Iterator[Finding]:
    for n, (lead, c) in enumerate(figs):
        if c.quantity.dimension != "money" or not _SME_GRANTED.search(lead):
            continue
        nxt = figs[n + 1] if n + 1 < len(figs) else None
        if nxt is None or nxt[1].quantity.dimension != "percent" or not _SHARE_OF_TOTAL.search(nxt[0]):
            continue
        pct = nxt[1]
        computed = tol.percent(tol.base_interval(c.quantity), tol.base_interval(total.quantity))
        verdict = tol.verdict(pct.quantity, computed, ctx.settings)
        ctx.mark(pct)
        if verdict in (tol.OK, tol.INFO):
            continue
        exact = c.quantity.base_value / total.quantity.base_value * 100 if total.quantity.base_value else None
        yield make_finding(
            SME_SHARE,
            "error" if verdict == "error" else "warning",
            claim_figure(pct),
            f"授予中小企业合同金额 {fmt(c.quantity.value)}{c.quantity.unit} ÷ 政府采购总额 "
            f"{fmt(total.quantity.value)}{total.quantity.unit} = {fmt(exact, 2)}%，报告写 {fmt(pct.quantity.value)}%",
            expected=exact,
            derivation=f"{fmt(c.quantity.value)} ÷ {fmt(total.quantity.value)}",
            related=[c.prov, total.prov],
            subject="授予中小企业合同金额占比",
        )
