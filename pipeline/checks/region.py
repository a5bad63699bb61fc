"""region — a debt table by region: the whole region = its own level (本级) + its lower levels' subtotal.

Debt tables list a region, its own level and the subtotal of the levels under it side by side, as rows
(和田地区 | 和田地区本级 | 区县级合计 | 和田市 …) or as columns (本地区 | 本级 | 所属县市区合计). Debt is not consolidated
away between levels as transfers are, so the region's limit, balance, issue or repayment is the sum of the other two
in every column; a cell that cannot agree under any rounding is an error, named by its region and column. Only the
three printed one after the other are read, and only in a table about debt (债务, 债券 in its title or labels).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from extractors.model import Fact
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    clean_label,
    fact_figure,
    fmt,
    make_finding,
    placed_facts_by_table,
    rule,
    table_name,
)
from pipeline.checks.transposition import transposed
from pipeline.findings import Finding

FAMILY = "region"
WHOLE = rule(
    FAMILY,
    "whole-of-parts",
    "error",
    "分地区债务表中全地区数不等于本级与下级合计之和",
    "{subject}写 {stated}，本级与下级合计之和为 {expected}",
    "table",
    "arithmetic",
)
RULES = [WHOLE]

_DEBT = re.compile(r"债务|债券")
_OWN = re.compile(r"本级$")
_LOWER = re.compile(r"(?:[县区市乡镇旗盟州]级?|所属.*)(?:合计|小计)$")


def _role(label: str) -> str:
    text = clean_label(label)
    if _OWN.search(text):
        return "own"
    if _LOWER.search(text):
        return "lower"
    return "" if re.search(r"合计|小计|总计|其中|[%％]", text) else "whole"


def _debt_table(facts: list[Fact]) -> bool:
    return any(_DEBT.search(f.table_title + "".join(f.column_labels) + "".join(f.row_labels)) for f in facts)


def check(ctx: Context) -> Iterator[Finding]:
    for facts in placed_facts_by_table(ctx.facts).values():
        if not _debt_table(facts):
            continue
        by_row: dict[int, dict[int, Fact]] = defaultdict(dict)
        by_col: dict[int, dict[int, Fact]] = defaultdict(dict)
        for f in facts:
            assert f.prov.row is not None and f.prov.col is not None
            by_row[f.prov.row][f.prov.col] = f
            by_col[f.prov.col][f.prov.row] = f
        yield from _lines(ctx, by_row, _row)
        yield from _lines(ctx, by_col, _column)


def _row(f: Fact) -> str:
    return f.row_labels[-1] if f.row_labels else ""


def _column(f: Fact) -> str:
    return f.column_labels[-1] if f.column_labels else ""


def _lines(ctx: Context, lines: dict[int, dict[int, Fact]], label_of: Callable[[Fact], str]) -> Iterator[Finding]:
    """lines: row → (column → cell), or column → (row → cell); label_of names a cell's line."""
    order = sorted(lines)
    for a, b, c in zip(order, order[1:], order[2:], strict=False):
        if (a + 1, a + 2) != (b, c):
            continue
        whole, own, lower = lines[a], lines[b], lines[c]
        labels = [{label_of(f) for f in line.values()} for line in (whole, own, lower)]
        if any(len(x) != 1 for x in labels):
            continue
        if [_role(next(iter(x))) for x in labels] != ["whole", "own", "lower"]:
            continue
        for k, w in whole.items():
            o, lo = own.get(k), lower.get(k)
            if o is None or lo is None or any(x.quantity.dimension != "money" for x in (w, o, lo)):
                continue
            if tol.base_interval(w.quantity).meets(tol.total([tol.base_interval(x.quantity) for x in (o, lo)])):
                continue
            fig = fact_figure(w, ctx.doc_year)
            exact = (o.quantity.base_value + lo.quantity.base_value) / tol.factor(w.quantity)
            name = " ".join(clean_label(x) for x in (table_name(w), _row(w), _column(w)) if x)
            swapped = transposed(w.quantity, [o.quantity, lo.quantity])
            hint = ""
            if swapped is not None:
                cell = w if swapped[0] < 0 else (o, lo)[swapped[0]]
                hint = (
                    f"；{clean_label(label_of(cell))} {cell.quantity.text} 若为 {fmt(swapped[1])}（相邻两位数字颠倒）"
                    "则恰好相符，疑此数有误"
                )
            yield make_finding(
                WHOLE,
                "error",
                fig,
                f"{clean_label(label_of(w))}写 {w.quantity.text}，而{clean_label(label_of(o))} {o.quantity.text} + "
                f"{clean_label(label_of(lo))} {lo.quantity.text} = {fmt(exact)}，两者不符{hint}",
                expected=exact,
                derivation=f"{o.quantity.text} + {lo.quantity.text}",
                related=[o.prov, lo.prov],
                subject=name,
            )
