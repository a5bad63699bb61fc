"""unresolved — a claim that looks checkable but whose counterpart or unit was not found (info)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from extractors.model import Claim
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
DENSE = rule(
    FAMILY,
    "dense-paragraph",
    "info",
    "段落数字过多，未逐一核对",
    "{location}有 {count} 个数字，多于任何叙述段落，未逐一核对",
    "undecidable",
)
RULES = [NO_COUNTERPART, NO_UNIT, DENSE]

# more figures than any written paragraph holds (a report's longest has a few hundred): a data dump,
# whose pairwise checks would cost quadratic time and prove nothing
MAX_CLAIMS_PER_PARAGRAPH = 1000


def split_dense(claims: list[Claim]) -> tuple[list[Claim], list[Finding]]:
    """The claims worth checking, and one info finding for each paragraph too dense to check."""
    counts = Counter((c.prov.block, c.prov.paragraph) for c in claims)
    dense = {k for k, n in counts.items() if n > MAX_CLAIMS_PER_PARAGRAPH}
    if not dense:
        return claims, []
    notes: list[Finding] = []
    for key in sorted(dense, key=lambda k: (k[0] is None, k[0] or 0)):
        first = next(c for c in claims if (c.prov.block, c.prov.paragraph) == key)
        fig = claim_figure(first)
        where = first.prov.with_(span=None).render() or "此段"
        notes.append(
            make_finding(
                DENSE, "info", fig, f"{where}有 {counts[key]} 个数字，多于任何叙述段落，未逐一核对", subject=""
            )
        )
    return [c for c in claims if (c.prov.block, c.prov.paragraph) not in dense], notes


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
