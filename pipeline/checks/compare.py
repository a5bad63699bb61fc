"""Helpers shared by direction and change: the current and the previous-year figure of a subject."""

from __future__ import annotations

import re

from extractors.model import Claim
from pipeline.checks import narrative_table as nt
from pipeline.checks.base import Context, Figure, claim_figure, subject_key

DIRECTION = re.compile(
    r"(与上年(?:相比|同期相比)?|比上年(?:同期)?|较上年(?:同期)?|同比|与去年(?:相比)?|比去年)[，,\s]*(?:基本)?"
    r"(持平|增长|增加|减少|下降|上升|降低|减少了|增加了)"
)
UP = ("增长", "增加", "上升", "增加了")
DOWN = ("减少", "下降", "降低", "减少了")


def current_of(ctx: Context, before: list[Claim], subject: str) -> Figure | None:
    """The figure the comparison is about: the last amount stated before the word, else the table's."""
    amounts = [
        x for x in before if x.quantity.dimension not in ("percent", "pp") and x.relation not in ("share", "rate")
    ]
    actual = [x for x in amounts if x.role in ("决算", "执行", "实际", "本年", "")]
    if actual:
        return claim_figure(actual[-1])
    key = subject_key(subject)
    figs = [f for f in ctx.figures if f.key == key and f.role == "actual" and nt.in_groups(f)]
    if not figs:
        return None
    good, _ = nt.consensus(ctx, figs)
    return good[0]


def prior_of(ctx: Context, subject: str, cur: Figure) -> Figure | None:
    key = subject_key(subject)
    figs = [
        f
        for f in ctx.figures
        if f.key == key and f.role == "prior" and f.quantity.base_unit == cur.quantity.base_unit and not f.column_rest
    ]
    if not figs:
        return None
    good, _ = nt.consensus(ctx, figs)
    facts = [f for f in good if f.kind == "fact"]
    return (facts or good)[0]


def sentences(ctx: Context) -> list[tuple[str, list[Claim]]]:
    """Each distinct sentence with the claims in it, in document order."""
    out: dict[tuple, tuple[str, list[Claim]]] = {}
    for c in ctx.claims:
        k = (c.prov.block, c.prov.paragraph, c.sentence)
        out.setdefault(k, (c.sentence, []))[1].append(c)
    for _s, cs in out.values():
        cs.sort(key=lambda x: x.prov.span[0] if x.prov.span else 0)
    return list(out.values())


def positions(sentence: str, claims: list[Claim]) -> list[tuple[int, Claim]]:
    """Where each claim's number stands in the sentence (claims in order, found one after another)."""
    out: list[tuple[int, Claim]] = []
    at = 0
    for c in claims:
        i = sentence.find(c.quantity.text.strip(), at) if c.quantity.text.strip() else -1
        if i < 0:
            i = at
        out.append((i, c))
        at = i + max(len(c.quantity.text.strip()), 1)
    return out
