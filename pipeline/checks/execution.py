"""execution — "年初预算为A万元，支出决算为B万元。决算数小于预算数…" : the comparison word vs A and B.

The 决算 情况说明 gives, per 项 (and for the 三公 total), the budget and the final figure, then says which
is larger (决算数小于/大于预算数的主要原因) or that they are equal (决算数与预算数持平). The word must fit the
two figures printed right before it. "基本持平" is left alone (how near is "basically" is a judgement).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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

_NUM = r"(\d[\d,]*(?:\.\d+)?)\s*万元"
_PAIR = re.compile(
    rf"((?:年初|全年|调整)?预算(?:数)?)为\s*{_NUM}\s*[，,]\s*(?:支出)?决算(?:数)?为\s*{_NUM}"
    r"([^。]{0,40}。)?\s*[^。]{0,20}?"
    r"决算数?\s*(小于|低于|大于|高于|超过|等于|与|同)\s*(?:年初|全年|调整)?预算数?\s*(基本)?\s*(持平|相等|一致)?"
)
_LESS, _MORE, _EQUAL = ("小于", "低于"), ("大于", "高于", "超过"), ("等于",)


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.doc is None:
        return
    for para in ctx.doc.paragraphs():
        for m in _PAIR.finditer(para.text):
            cmp_word, basic, flat = m.group(5), m.group(6), m.group(7)
            if cmp_word in ("与", "同"):
                if basic or not flat:
                    continue
                word = "持平"
            else:
                word = cmp_word
            budget = ctx.claim_at(para, m.start(2))
            final = ctx.claim_at(para, m.start(3))
            if budget is None or final is None or budget is final:
                continue
            for c in ctx.paragraph_claims(budget):  # the comparison word's own claim is decided here
                if c.relation == "direction" and c.prov.span and m.start() <= c.prov.span[0] < m.end():
                    ctx.mark(c)
            b, f = tol.base_interval(budget.quantity), tol.base_interval(final.quantity)
            if word in _LESS:
                holds = f.lo < b.hi
            elif word in _MORE:
                holds = f.hi > b.lo
            else:
                holds = f.meets(b)
            if holds:
                continue
            bq, fq = budget.quantity, final.quantity
            if fq.base_value < bq.base_value:
                actual = "决算数小于预算数"
            elif fq.base_value > bq.base_value:
                actual = "决算数大于预算数"
            else:
                actual = "两数相等"
            stated = m.group(0)[m.group(0).rfind("决算") :]
            yield make_finding(
                WORD,
                "error",
                claim_figure(final),
                f"写“{stated.strip()}”，但{m.group(1)} {fmt(bq.value)}{bq.unit}、决算数 {fmt(fq.value)}{fq.unit}，"
                f"实为{actual}",
                derivation=f"{fmt(fq.value)} vs {fmt(bq.value)}",
                related=[budget.prov],
                subject=final.subject,
            )
