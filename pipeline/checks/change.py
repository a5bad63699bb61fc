"""change — "比上年增长X% / 减少X万元" vs the previous-year figure wherever it is stated."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pipeline import tolerance as tol
from pipeline.checks.base import Context, claim_figure, fmt, in_unit, make_finding, rule
from pipeline.checks.compare import DOWN, UP, base_measure, current_of, positions, prior_of, sentences
from pipeline.findings import Finding

FAMILY = "change"
STATED = rule(
    FAMILY,
    "stated-vs-computed",
    "error",
    "增减额/增减率与本年、上年数不符",
    "{subject}{word}应为 {expected}，报告写 {stated}",
    "narrative",
    "arithmetic",
)
ZERO = rule(FAMILY, "from-zero", "info", "上年为零，增长率无定义", "{subject}上年为 0，增长率无定义", "undecidable")
RULES = [STATED, ZERO]


def check(ctx: Context) -> Iterator[Finding]:
    for sentence, claims in sentences(ctx):
        placed = positions(sentence, claims)
        for i, c in placed:
            if c.relation != "change" or c.quantity.dimension == "pp":
                continue
            word = c.direction or next((w for w in UP + DOWN if w in sentence[max(0, i - 4) : i]), "")
            if word not in UP + DOWN:
                continue
            before = [x for j, x in placed if j < i and x is not c and x.relation != "change"]
            subject = c.subject or next((x.subject for x in reversed(before) if x.subject), "")
            cur = current_of(ctx, before, subject, c)
            prior = prior_of(ctx, subject, cur, base_measure(sentence[:i])) if cur is not None else None
            if cur is None or prior is None:
                ctx.note(c, f"未找到{subject}的本年数或上年数")
                continue
            ctx.mark(c)
            sign = 1 if word in UP else -1
            ci, pi = tol.base_interval(cur.quantity), tol.base_interval(prior.quantity)
            diff = ci - pi
            exact = cur.quantity.base_value - prior.quantity.base_value
            if c.quantity.dimension == "percent":
                comp = tol.percent(diff, pi)
                if comp is None:
                    yield make_finding(
                        ZERO, "info", claim_figure(c), f"{subject}上年为 0，增长率无定义", related=[prior.prov]
                    )
                    continue
                expected = exact / prior.quantity.base_value * 100
                how = f"({fmt(cur.value)} − {fmt(prior.value)}) ÷ {fmt(prior.value)} × 100"
            else:
                comp = diff.scale(Decimal(1) / tol.factor(c.quantity))
                expected = in_unit(exact, c.quantity)
                how = f"{fmt(cur.value)} − {fmt(prior.value)}"
            comp = comp.scale(Decimal(sign))
            v = tol.verdict(c.quantity, comp, ctx.settings)
            if v in (tol.OK, tol.INFO):
                continue
            yield make_finding(
                STATED,
                v,
                claim_figure(c),
                f"{subject}本年 {fmt(cur.value)}、上年 {fmt(prior.value)}（{prior.label}），{word}应为 "
                f"{how} = {fmt(expected * sign, max(c.quantity.decimals, 2))}{c.quantity.unit}，报告写 {c.quantity.text}",
                expected=expected * sign,
                derivation=how,
                related=[cur.prov, prior.prov],
                subject=subject,
            )
