"""adjustment — a budget adjustment table's row: 调整后 = 调整前 + 调整数.

A 预算调整方案 prints per item the budget before the adjustment, the change and the budget after it
(调整前预算 | 增减（+、-） | 调整后预算). Where a table has exactly one column of each (by its header's last words)
the identity holds row by row; a row that cannot agree under any rounding is an error, named by its item. A
change column printed without signs (调增 and 调减 in one column of magnitudes) is not judged when a row fits
either sign.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from extractors.model import Fact
from pipeline import tolerance as tol
from pipeline.checks.base import Context, fact_figure, fmt, make_finding, rule
from pipeline.findings import Finding

FAMILY = "adjustment"
BEFORE_PLUS_CHANGE = rule(
    FAMILY,
    "before-plus-change",
    "error",
    "预算调整表中调整后数不等于调整前数加调整数",
    "{subject}调整后写 {stated}，调整前加调整数为 {expected}",
    "table",
    "arithmetic",
)
RULES = [BEFORE_PLUS_CHANGE]

_ROLES = (
    ("before", re.compile(r"调整前")),
    ("after", re.compile(r"调整后")),
    ("change", re.compile(r"^(?:调整数|调整金额|增减(?:数|额)?|调增[（(]?[+＋]?[）)]?调?减|增[（(]?[+＋][）)]?减)")),
)


def _role(f: Fact) -> str:
    head = re.sub(
        r"\s|（[^）]*[、+＋\-－][^）]*）|\([^)]*[、+＋\-－][^)]*\)", "", f.column_labels[-1] if f.column_labels else ""
    )
    return next((role for role, pattern in _ROLES if pattern.search(head)), "")


def check(ctx: Context) -> Iterator[Finding]:
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.prov.table is not None and f.quantity.dimension == "money":
            by_table[f.prov.table].append(f)
    for facts in by_table.values():
        columns: dict[str, set[int | None]] = defaultdict(set)
        for f in facts:
            if _role(f):
                columns[_role(f)].add(f.prov.col)
        if any(len(columns[r]) != 1 for r in ("before", "after", "change")):
            continue  # none, or one of each per side of a two-sided table: which goes with which is not read
        rows: dict[int | None, dict[str, Fact]] = defaultdict(dict)
        for f in facts:
            if _role(f):
                rows[f.prov.row][_role(f)] = f
        for row in rows.values():
            if len(row) == 3:
                yield from _judge(ctx, row["before"], row["change"], row["after"])


def _judge(ctx: Context, before: Fact, change: Fact, after: Fact) -> Iterator[Finding]:
    if len({tol.factor(x.quantity) for x in (before, change, after)}) != 1:
        return  # one table prints one unit; cells read in different units are not judged
    b, c = tol.interval(before.quantity), tol.interval(change.quantity)
    verdicts = [tol.verdict(after.quantity, b + c, ctx.settings)]
    if change.quantity.value >= 0 and not change.text.strip().startswith("+"):
        verdicts.append(tol.verdict(after.quantity, b - c, ctx.settings))  # a 调减 printed without its sign
    if any(v in (tol.OK, tol.INFO) for v in verdicts):
        return
    exact = before.quantity.value + change.quantity.value
    fig = fact_figure(after, ctx.doc_year)
    yield make_finding(
        BEFORE_PLUS_CHANGE,
        verdicts[0],
        fig,
        f"{fig.subject}：调整后写 {after.quantity.text}{after.quantity.unit}，而调整前 {before.quantity.text} "
        f"{'+' if change.quantity.value >= 0 else '−'} 调整数 {fmt(abs(change.quantity.value))} = "
        f"{fmt(exact)}{after.quantity.unit}，两者不符",
        expected=exact,
        derivation=f"{before.quantity.text} + ({change.quantity.text})",
        related=[before.prov, change.prov],
        subject=fig.subject,
    )
