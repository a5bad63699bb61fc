"""region — a table by region: the whole region = its own level (本级) + the levels under it.

Debt tables list a region, its own level and the subtotal of the levels under it side by side, as rows
(和田地区 | 和田地区本级 | 区县级合计 | 和田市 …) or as columns (本地区 | 本级 | 所属县市区合计). Debt is not consolidated
away between levels as transfers are, so the region's limit, balance, issue or repayment is the sum of the other two
in every column; a cell that cannot agree under any rounding is an error, named by its region and column. Only the
three printed one after the other are read, and only in a table about debt (债务, 债券 in its title or labels).

A table by region of any subject (转移支付分地区, 收入分地区) may instead list each city as a group of rows: the
city, its own level, then its counties (青州市 | 青州市本级 | 东安县 | 西平县 | 北川县 | 川平市 | 川平市本级 …). The
city is the sum of its group; the reading is trusted only where at least two groups of the same column add up and
more add up than not (a consolidated table, where transfers between levels drop out, is not read this way).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

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
GROUP = rule(
    FAMILY,
    "group-of-rows",
    "error",
    "分地区表中地区数不等于其本级与所属各地之和",
    "{subject}写 {stated}，本级与所属各地之和为 {expected}",
    "table",
    "arithmetic",
)
RULES = [WHOLE, GROUP]

_DEBT = re.compile(r"债务|债券")
_OWN = re.compile(r"本级$")
# 市县合计, 县区小计, 县（市、区）合计: the levels below, named as levels — not 凤城市小计, one prefecture's subtotal
_LOWER = re.compile(r"^(?:各)?(?:[县区市乡镇旗盟州（）()、]{1,8}级?|所属.*)(?:合计|小计)$")


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
        by_row: dict[int, dict[int, Fact]] = defaultdict(dict)
        by_col: dict[int, dict[int, Fact]] = defaultdict(dict)
        for f in facts:
            assert f.prov.row is not None and f.prov.col is not None
            by_row[f.prov.row][f.prov.col] = f
            by_col[f.prov.col][f.prov.row] = f
        yield from _groups(ctx, by_row, _continued(ctx, facts[0]))
        if not _debt_table(facts):
            continue
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


def _continued(ctx: Context, f: Fact) -> bool:
    """Whether the table's rows go on in a table after it (its last group may not be complete here)."""
    tables = ctx.doc.tables() if ctx.doc is not None else []
    t = next((t for t in tables if t.prov.table == f.prov.table), None)
    return t is None or t.continued_in_next or t.rows_left_out > 0


def _line_label(line: dict[int, Fact]) -> str:
    labels = {_row(f).strip() for f in line.values()}
    return next(iter(labels)) if len(labels) == 1 else ""


_SUB_ROW = re.compile(r"^\s*(?:其中|[#＃])")  # 其中：云州经开区, #岚山高新区: a part of the row above, not a member
_CLOSING = re.compile(r"合计|总计")


@dataclass
class _Group:
    head: int  # the region's row
    members: list[int]  # its own level's row, then the rows under it
    by: str  # what closed it: pair (the next region) | total | end (the table's last row)
    later_heads: list[int]  # the regions after it in the table (a region may hold the next ones: 州 › 地区)


def _region_groups(lines: dict[int, dict[int, Fact]], continued: bool) -> list[_Group]:
    """Groups of rows: a row named X right above a row named X本级, with the rows after that up to the next such pair,
    a 合计/总计 row or the table's end (not where the table goes on elsewhere). Rows that break a row down (其中, #)
    are left out; a 小计 or a gap leaves the group open (its rows may go on after it), so it is not read."""
    order = sorted(lines)
    label = {r: _line_label(lines[r]) for r in order}
    plain = {r: clean_label(label[r]) for r in order}
    heads = [
        k
        for k in range(len(order) - 1)
        if plain[order[k]] and order[k + 1] == order[k] + 1 and plain[order[k + 1]] == plain[order[k]] + "本级"
    ]
    out: list[_Group] = []
    for n, k in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(order)
        by = "pair" if n + 1 < len(heads) else ("end" if not continued else "")
        members: list[int] = []
        for j in range(k + 1, end):
            text = label[order[j]]
            if order[j] != order[j - 1] + 1 or not text:
                by = ""  # a gap in the rows: a blank row or rows not read
                break
            if _SUB_ROW.match(text):
                continue
            if _CLOSING.search(text):
                by = "total"
                break
            if re.search(r"小计|[%％]", text) or (j > k + 1 and plain[order[j]].endswith("本级")):
                by = ""
                break
            members.append(order[j])
        if by and len(members) >= 2:
            out.append(_Group(order[k], members, by, [order[h] for h in heads[n + 1 :]]))
    return out


def _interval(cells: list[Fact]) -> tol.Interval:
    return tol.total([tol.base_interval(x.quantity) for x in cells])


MAX_SUBTOTAL_SEARCH = 40  # rows of a group past which a row standing for the rows after it is not looked for


def _explained(whole: Fact, cells: list[Fact], later: list[Fact]) -> bool:
    """Whether some reading of the group adds up to the region: its own level with the first rows only (the rows after
    them are not its own: 省直管 cities, the counties of a 州 after its 县级市), a row standing for the rows right
    after it (市辖区 over its districts), or the group with the regions after it (a 州 holding two 地区)."""
    w = tol.base_interval(whole.quantity)
    for k in range(2, len(cells) + 1):
        if w.meets(_interval(cells[:k])):
            return True
    for i in range(1, len(cells) - 2 if len(cells) <= MAX_SUBTOTAL_SEARCH else 1):  # (cubic: small groups only)
        for j in range(i + 2, len(cells) + 1):
            if tol.base_interval(cells[i].quantity).meets(_interval(cells[i + 1 : j])):
                if w.meets(_interval(cells[: i + 1] + cells[j:])):
                    return True
    return any(w.meets(_interval(cells + later[:k])) for k in range(1, len(later) + 1))


def _groups(ctx: Context, lines: dict[int, dict[int, Fact]], continued: bool) -> Iterator[Finding]:
    groups = _region_groups(lines, continued)
    if not groups:
        return
    columns = sorted({c for g in groups for c in lines[g.head]})
    failing: dict[int, list[tuple[Fact, list[Fact]]]] = defaultdict(list)
    if len(groups) == 1:
        # one region over its own level and its counties (邢台市 | 邢台市本级 | 襄都区 …): the reading is trusted where
        # the region's other columns add up over the same rows
        found = [_group_column(lines, groups[0], col) for col in columns]
        met = sum(1 for x in found if x is True)
        misses = [x for x in found if isinstance(x, tuple)]
        if met >= 2 and met > len(misses):
            for whole, rows in misses:
                failing[whole.prov.row or 0].append((whole, rows))
    for col in columns if len(groups) > 1 else []:
        met, missed = 0, []
        for g in groups:
            w = lines[g.head].get(col)
            parts = [lines[m].get(col) for m in g.members]
            cells = [p for p in parts if p is not None]
            later = [x for h in g.later_heads if (x := lines[h].get(col)) is not None]
            if w is None or len(cells) != len(parts) or any(x.quantity.dimension != "money" for x in (w, *cells)):
                continue
            if tol.base_interval(w.quantity).meets(_interval(cells)):
                met += 1
            elif not _explained(w, cells, later) and not (
                g.by == "end" and tol.base_interval(w.quantity).lo > _interval(cells).hi
            ):  # a region larger than its rows at the table's end may go on in a table not joined to it
                missed.append((w, cells))
        if met >= 2 and met > len(missed):  # the table's own groups confirm the reading
            for w, cells in missed:
                failing[w.prov.row or 0].append((w, cells))
    for row in sorted(failing):
        (w, cells), *others = failing[row]
        f = _group_finding(ctx, w, cells)
        if others:
            f.explanation += f"；同一行另有{len(others)}列同样不符（{'、'.join(o.prov.render() for o, _ in others)}）"
            f.related += [o.prov for o, _ in others]
        yield f


def _group_column(lines: dict[int, dict[int, Fact]], g: _Group, col: int) -> bool | tuple[Fact, list[Fact]] | None:
    """One group in one column: True where it adds up, the region's cell and its rows' where no reading explains it,
    None where it is not read (a cell missing, not money) or another reading explains it."""
    w = lines[g.head].get(col)
    parts = [lines[m].get(col) for m in g.members]
    cells = [p for p in parts if p is not None]
    if w is None or len(cells) != len(parts) or any(x.quantity.dimension != "money" for x in (w, *cells)):
        return None
    if tol.base_interval(w.quantity).meets(_interval(cells)):
        return True
    if _explained(w, cells, []):
        return None
    return w, cells  # the rows are complete where other columns add up over them, at the table's end too


def _group_finding(ctx: Context, w: Fact, cells: list[Fact]) -> Finding:
    exact = sum((x.quantity.base_value for x in cells), start=Decimal(0)) / tol.factor(w.quantity)
    name = " ".join(clean_label(x) for x in (table_name(w), _row(w), _column(w)) if x)
    swapped = transposed(w.quantity, [x.quantity for x in cells])
    hint = ""
    if swapped is not None:
        cell = w if swapped[0] < 0 else cells[swapped[0]]
        hint = f"；{clean_label(_row(cell))} {cell.quantity.text} 若为 {fmt(swapped[1])}（相邻两位数字颠倒）则恰好相符，疑此数有误"
    shown = " + ".join(f"{clean_label(_row(x))} {x.quantity.text}" for x in cells)
    return make_finding(
        GROUP,
        "error",
        fact_figure(w, ctx.doc_year),
        f"{clean_label(_row(w))}（{clean_label(_column(w))}）写 {w.quantity.text}，而其下 {shown} = {fmt(exact)}，"
        f"两者不符（同表其他地区各自等于本级与所属各地之和）{hint}",
        expected=exact,
        derivation=" + ".join(x.quantity.text for x in cells),
        related=[x.prov for x in cells],
        subject=name,
    )
