"""sum — parts vs total: narrative enumerations, table 合计/小计/总计 rows, numbered and 其中 sub-rows, 合计 columns."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from extractors.model import Claim, Fact
from pipeline import tolerance as tol
from pipeline.checks.base import Context, Figure, claim_figure, clean_label, fact_figure, fmt, make_finding, rule
from pipeline.findings import Finding

FAMILY = "sum"
NARRATIVE = rule(
    FAMILY,
    "enumeration",
    "error",
    "正文总数与分项之和不符",
    "{subject}写 {stated}，分项 {parts} 合计 {expected}",
    "narrative",
    "arithmetic",
)
ROWS = rule(
    FAMILY, "table-rows", "error", "表中合计行与分项行之和不符", "{subject}写 {stated}，分项行合计 {expected}", "table"
)
COLUMNS = rule(
    FAMILY,
    "table-columns",
    "error",
    "表中合计列与分项列之和不符",
    "{subject}写 {stated}，分项列合计 {expected}",
    "table",
)
RULES = [NARRATIVE, ROWS, COLUMNS]

_NUMBERED = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．)）]")
_QIZHONG = re.compile(r"^\s*其中\s*[:：]?")
_TOTAL_LABEL = re.compile(r"^(?:合计|总计|小计|本年.*合计|.*总计)$")


def _verdict_parts(total: Figure, parts: list[Figure], partial: bool) -> str:
    comp = tol.total([tol.base_interval(p.quantity) for p in parts])
    stated = tol.base_interval(total.quantity)
    if stated.meets(comp):
        return tol.OK
    if partial and comp.hi < stated.lo:
        return tol.OK  # a 其中 list may name only some parts
    return tol.ERROR


def _finding(r, total: Figure, parts: list[Figure], sev: str, what: str) -> Finding:
    s = sum((p.quantity.base_value for p in parts), Decimal(0)) / tol.factor(total.quantity)
    expr = " + ".join(fmt(p.value) for p in parts)
    return make_finding(
        r,
        sev,
        total,
        f"{total.subject or '合计'}写 {fmt(total.value)}{total.quantity.unit}，而{what} {expr} = {fmt(s)}，两者不符"
        + ("（分项之和小于总数，若所列为全部分项则有误）" if sev == "warning" else ""),
        expected=s,
        derivation=expr,
        related=[p.prov for p in parts],
    )


def _narrative(ctx: Context) -> Iterator[Finding]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        if c.group is not None and c.relation in ("part", "total"):
            groups[(c.prov.block, c.prov.paragraph, c.group)].append(c)
    for members in groups.values():
        totals = [c for c in members if c.relation == "total"]
        if len(totals) != 1:
            continue
        t = totals[0]
        parts = [c for c in members if c.relation == "part" and c.quantity.base_unit == t.quantity.base_unit]
        if len(parts) < 2 and not (parts and len(members) == 2):
            continue
        tf, pf = claim_figure(t), [claim_figure(p) for p in parts]
        comp = tol.total([tol.base_interval(p.quantity) for p in parts])
        stated = tol.base_interval(t.quantity)
        if stated.meets(comp):
            continue
        sev = "error" if comp.lo > stated.hi or "分别" in t.sentence or len(parts) >= 3 else "warning"
        yield _finding(NARRATIVE, tf, pf, sev, "分项")


def _table_cols(facts: list[Fact]) -> dict[tuple, list[Fact]]:
    cols: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prov.table is not None and f.prov.col is not None and f.prov.row is not None:
            cols[(f.prov.table, f.prov.col)].append(f)
    for v in cols.values():
        v.sort(key=lambda f: f.prov.row)
    return cols


def _raw(f: Fact) -> str:
    labs = [x for x in f.row_labels if x.strip()]
    return labs[-1].strip() if labs else ""


def _blocks(col: list[Fact]) -> Iterator[tuple[Fact, list[Fact], bool]]:
    """(total, parts, partial) for "X：" rows over numbered rows, and closed "其中" blocks under a row."""
    n = len(col)
    for i, f in enumerate(col):
        lab = _raw(f)
        if lab.endswith(("：", ":")) and i + 1 < n and _NUMBERED.match(_raw(col[i + 1])):
            parts: list[Fact] = []
            under_qizhong = False
            for g in col[i + 1 :]:
                gl = _raw(g)
                if _NUMBERED.match(gl):
                    parts.append(g)
                    under_qizhong = False
                elif parts and (_QIZHONG.match(gl) or under_qizhong) and not gl.endswith(("：", ":")):
                    under_qizhong = True  # sub-rows of the last numbered row
                else:
                    break
            yield f, parts, False
        if _QIZHONG.match(lab) and i > 0:
            parent = col[i - 1]
            block = [f]
            closed = False
            for g in col[i + 1 :]:
                gl = _raw(g)
                if _NUMBERED.match(gl) or gl.endswith(("：", ":")) or _TOTAL_LABEL.match(clean_label(gl)):
                    closed = True
                    break
                block.append(g)
            if closed and g.prov.row == block[-1].prov.row + 1 and parent.prov.row == f.prov.row - 1:
                yield parent, block, True


def _total_rows(col: list[Fact]) -> Iterator[tuple[Fact, list[Fact], bool]]:
    for i, f in enumerate(col):
        if not _TOTAL_LABEL.match(clean_label(_raw(f))):
            continue
        others = [g for j, g in enumerate(col) if j != i and not _QIZHONG.match(_raw(g))]
        others = [g for g in others if not _TOTAL_LABEL.match(clean_label(_raw(g)))]
        coded = [g for g in others if g.code]
        if coded:
            shortest = min(len(g.code) for g in coded)
            others = [g for g in coded if len(g.code) == shortest]
        if len(others) >= 2:
            yield f, others, False


def _tables(ctx: Context) -> Iterator[Finding]:
    seen: set[tuple] = set()
    for col in _table_cols(ctx.facts).values():
        for gen, r in ((_blocks(col), ROWS), (_total_rows(col), ROWS)):
            for total, parts, partial in gen:
                if not parts or any(p.quantity.base_unit != total.quantity.base_unit for p in parts):
                    continue
                key = (total.prov.table, total.prov.row, total.prov.col)
                if key in seen:
                    continue
                tf = fact_figure(total, ctx.doc_year)
                pf = [fact_figure(p, ctx.doc_year) for p in parts]
                v = _verdict_parts(tf, pf, partial)
                if v == tol.OK:
                    continue
                seen.add(key)
                yield _finding(r, tf, pf, "error", "其中各行" if partial else "分项行")
    yield from _columns(ctx)


def _columns(ctx: Context) -> Iterator[Finding]:
    """A 合计 column = the sum of its sibling columns under the same header parent, row by row."""
    rows: dict[tuple, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.prov.table is not None and f.prov.row is not None:
            rows[(f.prov.table, f.prov.row)].append(f)
    for cells in rows.values():
        for f in cells:
            cols = [clean_label(x) for x in f.column_labels if clean_label(x)]
            if not cols or cols[-1] not in ("合计", "小计", "总计"):
                continue
            parent = tuple(cols[:-1])
            sibs = []
            for g in cells:
                gc = [clean_label(x) for x in g.column_labels if clean_label(x)]
                if g is f or tuple(gc[:-1]) != parent or not gc or gc[-1] in ("合计", "小计", "总计"):
                    continue
                if "其中" in "".join(g.column_labels) or g.quantity.base_unit != f.quantity.base_unit:
                    continue
                sibs.append(g)
            if len(sibs) < 2:
                continue
            tf = fact_figure(f, ctx.doc_year)
            pf = [fact_figure(g, ctx.doc_year) for g in sibs]
            if _verdict_parts(tf, pf, False) != tol.OK:
                yield _finding(COLUMNS, tf, pf, "error", "各分项列")


def check(ctx: Context) -> Iterator[Finding]:
    yield from _narrative(ctx)
    yield from _tables(ctx)
