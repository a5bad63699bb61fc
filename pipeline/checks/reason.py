"""reason — a stated change whose 主要原因 names the opposite movement.

"比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。" — the figures fall, the
reason says they rose. The change family checks the percent against the figures; this family checks the
reason sentence right after it, when that sentence ends on a bare 增加/减少 (the template's wording). The
claims extractor gives that movement as a claim of its own (relation reason); the change words are those of
extractors/data/claim_words.csv.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.model import Claim
from pipeline.checks.base import Context, change_pattern, change_sign, claim_figure, make_finding, rule
from pipeline.findings import Finding

FAMILY = "reason"
OPPOSITE = rule(
    FAMILY,
    "opposite-direction",
    "warning",
    "主要原因所说的增减方向与所述变化相反",
    "写“{stated}”，其主要原因却是“{reason}”",
    "narrative",
    "direction",
)
RULES = [OPPOSITE]
_SEVERAL_CAUSES = re.compile(r"以及|同时|并且|[，,；;]")


def _change_before(ctx: Context, reason: Claim) -> Claim | None:
    """The stated percentage change the reason explains: the last claim before it in its paragraph, when that
    is a change in percent (a 其中… sentence of figures may stand between them)."""
    start = reason.prov.span[0] if reason.prov.span else 0
    before = sorted(
        (x for x in ctx.paragraph_claims(reason) if x.prov.span is not None and x.prov.span[0] < start),
        key=lambda x: x.prov.span[0] if x.prov.span else 0,
    )
    while before and before[-1].sentence != reason.sentence and before[-1].sentence.lstrip().startswith("其中"):
        before.pop()
    if not before:
        return None
    last = before[-1]
    if last.relation != "change" or last.quantity.dimension != "percent" or change_sign(last.direction) == 0:
        return None
    return last


def check(ctx: Context) -> Iterator[Finding]:
    """The claims extractor gives the reason sentence's movement as a claim (relation reason)."""
    for reason in ctx.claims:
        if reason.relation != "reason":
            continue
        c = _change_before(ctx, reason)
        if c is None or _SEVERAL_CAUSES.search(reason.subject):
            continue  # 人员经费标准调整以及部分项目压减: the movement is the last cause's, one of several
        ctx.mark(reason)
        if change_sign(c.direction) * change_sign(reason.direction) >= 0 or c.quantity.value < 0:
            continue  # …增加-16.17%。主要原因是：改造项目减少: the sign, not the word, says the change went down
        stated = c.direction
        printed = re.search(rf"({change_pattern()})\s*$", c.sentence[: c.sentence.find(c.quantity.text)])
        if printed:
            stated = printed.group(1)
        yield make_finding(
            OPPOSITE,
            "warning",
            claim_figure(c),
            f"写“{stated}{c.quantity.text.strip()}”，紧接的主要原因却是“{reason.subject}”，增减方向相反；"
            "原因或增减用词必有一处有误",
            derivation=f"{stated} vs 原因“…{reason.quantity.text}”",
            subject=c.subject,
        )
