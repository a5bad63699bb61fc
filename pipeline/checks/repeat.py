"""repeat — one quantity (same subject, role and period) stated with different values in two places."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from extractors.model import Claim
from pipeline import tolerance as tol
from pipeline.checks.base import GENERIC, Context, Figure, claim_figure, fmt, make_finding, rule, subject_key
from pipeline.findings import Finding

FAMILY = "repeat"
DIFFERENT = rule(
    FAMILY,
    "different-values",
    "error",
    "同一数字两处写法不同",
    "{subject}在{first}写 {a}，在{second}写 {b}",
    "narrative",
    "cross-reference",
)
RULES = [DIFFERENT]


def _where(c: Claim) -> str:
    sec = c.section.split("›")[-1].strip() if c.section else ""
    return sec[:12] or c.prov.render()


def check(ctx: Context) -> Iterator[Finding]:
    keyed: dict[tuple, list[tuple[Claim, Figure | None]]] = defaultdict(list)
    # shares: same part and same whole (the share family resolved both)
    for c, num, den in ctx.cache.get("shares", []):
        keyed[("share", subject_key(num.subject or c.subject), den.key, den.quantity.base_value)].append((c, None))
    for c in ctx.claims:
        if c.quantity.dimension != "money" or c.relation in ("share", "rate", "change", "per-capita"):
            continue
        k = subject_key(c.subject)
        if k in GENERIC or len(k) < 3:  # 支出 / 采购 alone name nothing specific enough to compare
            continue
        keyed[("amount", k, c.role or "决算", c.period)].append((c, None))
    for key, items in keyed.items():
        claims = [c for c, _ in items]
        if len(claims) < 2:
            continue
        first = claims[0]
        for c in claims[1:]:
            if (c.prov.block, c.prov.paragraph) == (first.prov.block, first.prov.paragraph):
                continue  # one paragraph naming a figure twice is usually two roles; leave to other families
            v = tol.same_figure_verdict(first.quantity, c.quantity)
            if v == tol.OK:
                continue
            what = "占比" if key[0] == "share" else ""
            subject = key[1]
            msg = (
                f"{subject}{what}在{_where(first)}写 {first.quantity.text.strip()}，"
                f"在{_where(c)}写 {c.quantity.text.strip()}；同一数字应一致"
            )
            if v == tol.WARNING:
                msg += "（两数只差末位一个单位）"
            yield make_finding(
                DIFFERENT,
                v,
                claim_figure(c),
                msg,
                expected=first.quantity.value,
                derivation=f"{_where(first)}：{fmt(first.quantity.value)}",
                related=[first.prov],
                subject=subject,
            )
