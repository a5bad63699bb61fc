"""unresolved — a claim that looks checkable but whose counterpart or unit was not found (info)."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.checks.base import Context, claim_figure, make_finding, rule
from pipeline.findings import Finding

FAMILY = "unresolved"
NO_COUNTERPART = rule(
    FAMILY,
    "no-counterpart",
    "info",
    "可核对的数字未找到对应数",
    "{subject}：{reason}，未能核对",
    "undecidable",
)
NO_UNIT = rule(FAMILY, "no-unit", "info", "数字单位不明", "{subject}：单位“{unit}”无法识别", "undecidable")
RULES = [NO_COUNTERPART, NO_UNIT]

CHECKABLE = ("share", "rate", "completion", "change", "per-capita", "direction")


def check(ctx: Context) -> Iterator[Finding]:
    done: set[int] = set()
    for c, reason in ctx.unresolved:
        if id(c) in done or id(c) in ctx.resolved:
            continue
        done.add(id(c))
        yield make_finding(NO_COUNTERPART, "info", claim_figure(c), f"{c.subject or '此数'}：{reason}，未能核对")
    for c in ctx.claims:
        if id(c) in done or id(c) in ctx.resolved:
            continue
        if c.relation in CHECKABLE:
            done.add(id(c))
            yield make_finding(
                NO_COUNTERPART,
                "info",
                claim_figure(c),
                f"{c.subject or '此数'}（{c.relation}）：未找到可用于核对的对应数，未能核对",
            )
        elif c.quantity.dimension == "unknown" and c.quantity.unit:
            done.add(id(c))
            yield make_finding(
                NO_UNIT, "info", claim_figure(c), f"{c.subject or '此数'}：单位“{c.quantity.unit}”无法识别，未能核对"
            )
