"""template — the identities of the national 部门决算 / 部门预算 templates, driven by data.

The rules live in pipeline/data/template_rules.toml: sums inside a table, column identities,
类 = Σ款 = Σ项, the same figure across tables, the 情况说明 figures bound to their section, the
shares / changes / rates the narrative states, and the contents (目录) against the body.
Tables are recognised by title (extractors.table_identity), columns by header words, rows by label
or subject code; figures are compared in base units (tables in 元, narrative in 万元).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from extractors.identity import document_year, named_scope, vocabulary
from extractors.model import Fact, OutlineEntry
from extractors.paragraph_lists import list_number
from extractors.report_kind import DEPARTMENT_KINDS
from extractors.table_identity import KIND_NAMES, RowKey, identify_table
from pipeline import tolerance as tol
from pipeline.checks.base import Context, fact_figure, fmt, in_unit, shown
from pipeline.checks.template_narrative import narrative, run_changes, run_narrative, run_rates, run_shares
from pipeline.checks.template_rules import (
    AnyRule,
    Cells,
    ColumnsRule,
    CrossRule,
    HierarchyRule,
    SumRule,
    TemplateRules,
    described_rules,
    load_rules,
)
from pipeline.checks.template_views import (
    R_CHANGE,
    R_COLUMNS,
    R_CROSS,
    R_HIERARCHY,
    R_NARRATIVE,
    R_NOTE,
    R_RATE,
    R_SHARE,
    R_SUM,
    R_TOC,
    RULES,
    VCell,
    View,
    build_views,
    cell_finding,
    declared,
    finding_at,
    named,
    select,
    sum_of,
)
from pipeline.findings import Finding, Rule

T = TypeVar("T", bound=AnyRule)

__all__ = ["RULES", "build_views", "check", "select", "R_CHANGE", "R_NARRATIVE", "R_RATE", "R_SHARE"]

# ------------------------------------------------------------------ table rules


def run_sums(views: dict[str, View], rules: Iterable[SumRule]) -> Iterator[Finding]:
    for r in rules:
        totals = select(views, r.total)
        if not totals:
            continue
        parts_all = [p for p in select(views, r.parts) if p not in totals]
        subtotals = select(views, r.subtotal) if r.subtotal else []
        view = views[r.total.table]
        for t in totals:
            parts = [p for p in parts_all if p.sig == t.sig and p.side == t.side]
            if r.parts_before_total:
                parts = [p for p in parts if p.row < t.row]
            sub = [s for s in subtotals if s.sig == t.sig and s.side == t.side and s.row < t.row]
            if sub:
                # the subtotal stands for the parts above it: it and the parts between it and the total
                parts = [sub[-1]] + [p for p in parts if sub[-1].row < p.row < t.row]
            parts = _past_the_years_own(parts)
            if not parts or _a_total_part_unprinted(r.parts.row, parts):
                continue
            comp = sum_of([p.q for p in parts])
            v = tol.verdict_in_base(t.q, comp)
            if (
                v in (tol.ERROR, tol.WARNING)
                and not _rows_above_add_up(views, r, t)
                and not _unnamed_rows_fill(views, r, t, parts)
            ):
                yield cell_finding(R_SUM, v, t, parts, r, view, comp)


def _rows_of_its_side(views: dict[str, View], r: SumRule, t: VCell) -> list[VCell]:
    """The cells of the total's table on its side and in its column (its signature)."""
    return [
        c for c in select(views, Cells(table=r.total.table, side=r.total.side)) if c.sig == t.sig and c.side == t.side
    ]


def _rows_above_add_up(views: dict[str, View], r: SumRule, t: VCell) -> bool:
    """Whether every row printed above the total on its side adds up to it: a table laid out otherwise than the rule
    reads it (一般公共预算拨款收入 | 事业收入 | 上年结转 | 收入总计, its income rows not numbered) whose 总计 holds."""
    above = [c for c in _rows_of_its_side(views, r, t) if c.row < t.row]
    return len(above) >= 2 and tol.verdict_in_base(t.q, sum_of([c.q for c in above])) == tol.OK


def _unnamed_rows_fill(views: dict[str, View], r: SumRule, t: VCell, parts: list[VCell]) -> bool:
    """Whether the rows printed between the rule's last part and the total, that the rule does not name, make the sum
    hold (本年收入合计 | 上年结转和结余 | 总计, where the rule names 年初结转和结余): a carry-over named otherwise, not a
    total out of line."""
    last = max(p.row for p in parts)
    between = [c for c in _rows_of_its_side(views, r, t) if last < c.row < t.row and c not in parts]
    return bool(between) and tol.verdict_in_base(t.q, sum_of([p.q for p in [*parts, *between]])) == tol.OK


def _a_total_part_unprinted(pattern: str | None, parts: list[VCell]) -> bool:
    """Whether a part the rule names that is itself a total (本年收入合计 of 总计 = 本年收入合计 + 年初结转和结余) is not
    printed: the table lists that total's items in its place (一、一般公共预算财政拨款, 二、政府性基金预算财政拨款), and the
    rows found are not all the parts."""
    m = re.fullmatch(r"\^\((.*)\)\$", pattern or "")
    if m is None:
        return False
    totals = [alt for alt in m.group(1).split("|") if "合计" in alt]
    return any(not any(re.fullmatch(alt, p.label) for p in parts) for alt in totals)


_THE_YEARS_OWN = re.compile(r"^([一二三四五六七八九十]+)、本年(?:收入|支出)(?:合计)?$")
_CN_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")


def _past_the_years_own(parts: list[VCell]) -> list[VCell]:
    """一、本年支出 | 八、社会保障和就业支出 | 九、… | 二、年终结转结余: the numbered 类 rows under 一、本年支出 keep the
    national 类 numbers, so among the rows numbered like the parts only 一、 and the 二、 after it are the parts."""
    found = next(((p, m) for p in parts if (m := _THE_YEARS_OWN.match(p.label))), None)
    if found is None:
        return parts
    head, m = found
    expected = list_number(m.group(1)) + 1
    kept = [head]
    for p in sorted((p for p in parts if p.row > head.row), key=lambda p: p.row):
        m = _CN_NUMBER.match(p.label)
        if m is not None and list_number(m.group(1)) == expected:
            kept.append(p)
            expected += 1
    return kept + [p for p in parts if p.row < head.row]


def _by_row(v: View) -> dict[tuple[int, int, str], list[VCell]]:
    rows: dict[tuple[int, int, str], list[VCell]] = defaultdict(list)
    for c in v.cells:
        rows[(c.row, c.segment, c.side)].append(c)
    return rows


def run_columns(views: dict[str, View], rules: Iterable[ColumnsRule]) -> Iterator[Finding]:
    for r in rules:
        groups: Sequence[str | None] = r.by or [None]
        for kind in r.tables():
            v = views.get(kind)
            if v is None:
                continue
            sigs = {c.sig for c in v.cells}
            for (_row, _seg, side), cells in sorted(_by_row(v).items()):
                if r.side and side != r.side:
                    continue
                for g in groups:
                    extra = {g} if g else set()
                    total = [c for c in cells if c.sig == frozenset(r.total) | extra]
                    parts = _part_cells(cells, [frozenset(p) | extra for p in r.parts], sigs)
                    if len(total) != 1 or not parts:
                        continue
                    comp = sum_of([p.q for p in parts])
                    verdict = tol.verdict_in_base(total[0].q, comp)
                    if verdict in (tol.ERROR, tol.WARNING) and not _unnamed_columns(cells, extra):
                        yield cell_finding(R_COLUMNS, verdict, total[0], parts, r, v, comp)


def _part_cells(cells: list[VCell], part_sigs: list[frozenset[str]], sigs: set[frozenset[str]]) -> list[VCell]:
    """The cells that make up the parts of a row's 合计, one part after another; [] when undecidable.

    A part printed with no column of its own but split under its merged header (基本支出 › 人员经费 |
    公用经费 with no 小计) is the sum of its sub-columns, as long as none of them could belong to two parts."""
    out: list[VCell] = []
    for sig in part_sigs:
        own = [c for c in cells if c.sig == sig]
        if own:
            out += own
            continue
        subtotal = [c for c in cells if c.sig == sig | {"subtotal"}]
        if subtotal:  # 基本支出 › 小计 | 人员经费 | 公用经费: the 小计 is the part
            out += subtotal
            continue
        # 公务用车购置及运行维护费 › 购置费 | 运行维护费 printed with no 小计 of its own: the part named by its 小计 is the
        # sum of the columns under its head
        head = sig - {"subtotal"}
        subs = [c for c in cells if c.sig > head and "subtotal" not in c.sig] if head and head != sig else []
        subs = subs or [c for c in cells if c.sig > sig]
        if any(sum(c.sig > other for other in part_sigs) > 1 for c in subs):
            return []
        if not subs and not any(sig <= x for x in sigs):
            # no column of the table is the part's: the part printed whole with no split under it (公务用车购置及运行费
            # with no 小计 | 购置费 | 运行费) is its one column; a column the table does not publish is a 0
            whole = [c for c in cells if c.sig and c.sig < sig and not any(c.sig <= o for o in part_sigs if o != sig)]
            subs = whole if len(whole) == 1 else []
        if not subs:
            made_of = [c for part in _MADE_OF.get(sig, ()) for c in cells if c.sig == part]
            if len(made_of) == len(_MADE_OF.get(sig, ())):
                # 合计 | 人员经费 | 公用经费 | 项目支出 with no 基本支出 head: 基本支出 is its two columns
                subs = made_of
        if not subs:
            # 合计 | 因公出国（境）费 | 公务用车运行维护费 | 公务接待费, no 公务用车购置及运行费 head over it: the car's part is the
            # columns of its own items the table prints
            subs = [c for c in cells if c.sig and c.sig <= _ITEMS_OF.get(head or sig, frozenset())]
        out += subs
    return out


# a part the template knows as the sum of two others (基本支出 = 人员经费 + 公用经费, rule ys.basic.columns)
_MADE_OF = {frozenset({"basic"}): (frozenset({"personnel"}), frozenset({"public"}))}
# the items a part of the 三公 is made of, printed as columns of their own without the part's head
_ITEMS_OF = {frozenset({"car"}): frozenset({"car_buy", "car_run"})}


def _unnamed_columns(cells: list[VCell], extra: set[str]) -> bool:
    """A figure in a column whose header the template does not know (单位预留机动经费, 结转下年资金…) may be
    one more part of the row's 合计, so the closure cannot be decided from the known columns alone."""
    return any(named(c.sig) <= frozenset(extra) and c.q.value != 0 for c in cells)


def run_hierarchy(views: dict[str, View], rules: Iterable[HierarchyRule]) -> Iterator[Finding]:
    for r in rules:
        for kind in r.tables():
            v = views.get(kind)
            if v is None:
                continue
            yield from _hierarchy(v, r)


def _hierarchy(v: View, r: HierarchyRule) -> Iterator[Finding]:
    # entities: (segment, row) → cells; ordered by segment then row
    ents: dict[tuple[int, int], list[VCell]] = defaultdict(list)
    for c in v.cells:
        ents[(c.segment, c.row)].append(c)
    order = sorted(ents)
    total_re = r.total_row
    flagged: list[tuple[VCell, list[VCell], tol.Interval, str]] = []
    segments = sorted({s for s, _ in order})
    for n, seg in enumerate(segments):
        rows = [ents[k] for k in order if k[0] == seg]
        # 302 商品和服务支出 whose 款 run to the foot of its column group go on at the head of the next (30226 劳务费 …)
        later = [ents[k] for k in order if n + 1 < len(segments) and k[0] == segments[n + 1]]
        keys = [cs[0].key for cs in rows]
        labels = [cs[0].label for cs in rows]
        for i, (k, cs) in enumerate(zip(keys, rows, strict=True)):
            is_total = bool(total_re and re.search(total_re, labels[i]) and not k.code)
            level = 0 if is_total else k.level
            if level is None or level >= 3 or (level == 2 and len(k.code) != 5):
                continue
            children: list[list[VCell]] = []
            going_on: set[int] = set()  # cells of the next column group, whose side and grid key are that group's
            ambiguous = False
            under: list[int] = []  # the levels of the rows under a total
            for j in range(i + 1, len(rows)):
                kj = keys[j]
                if is_total and total_re and re.search(total_re, labels[j]):
                    break
                if kj.level is None:
                    if re.search(r"合计|总计|小计", labels[j]):
                        break
                    ambiguous = True
                    continue
                if level and (kj.level <= level or not kj.code.startswith(k.code)):
                    break
                under.append(kj.level)
                if kj.level == level + 1:
                    children.append(rows[j])
            else:  # the rows under it run to the table's end: where the table goes on, more of them are there
                j = len(rows)
                ambiguous = ambiguous or v.goes_on
                for more in later if level else []:
                    km = more[0].key
                    if km.level is None or not km.code.startswith(k.code) or km.level <= level:
                        break
                    if km.level == level + 1:
                        children.append(more)
                        going_on.update(id(c) for c in more)
            if level and any(
                keys[x].code.startswith(k.code) and (keys[x].level or 0) > level for x in range(j, len(rows))
            ):
                # 210 卫生健康支出 | 21002 … | 208 … | 21011 行政事业单位医疗: a row of its printed apart from its block —
                # which rows it sums is not told by where they stand
                ambiguous = True
            if is_total and not children and len(under) >= 2 and len(set(under)) == 1:
                # a table printing its 项 rows alone (2080501 …, 2120101 …, no 类 or 款 rows): 合计 = Σ项
                children = [rows[x] for x in range(i + 1, j) if keys[x].level is not None]
            if is_total and not under and not ambiguous:
                # a 合计 row at the foot of its coded rows (207 … 2101101 | 合计): the rows above it, up to a total before
                children, ambiguous = _rows_above(rows, keys, labels, i, total_re or "")
            if ambiguous or not children:
                continue
            for t in cs:
                parts = [
                    c
                    for ch in children
                    for c in ch
                    if (c.sig == t.sig and c.side == t.side) or (id(c) in going_on and _named(c.sig) == _named(t.sig))
                ]
                if not parts:
                    continue
                comp = sum_of([p.q for p in parts])
                verdict = tol.verdict_in_base(t.q, comp)
                if verdict in (tol.ERROR, tol.WARNING):
                    flagged.append((t, parts, comp, verdict))
    wrong = {id(t): comp for t, _, comp, _ in flagged}
    for t, parts, comp, verdict in flagged:
        if any(_mended_by(t, parts, p, wrong[id(p)]) for p in parts if id(p) in wrong):
            continue  # a part that disagrees with its own parts is the printing out of line: its finding says so
        yield cell_finding(R_HIERARCHY, verdict, t, parts, r, v, comp)


def _rows_above(
    rows: list[list[VCell]], keys: list[RowKey], labels: list[str], i: int, total_re: str
) -> tuple[list[list[VCell]], bool]:
    """The 类 rows a 合计 printed at the foot of its table sums (its 项 rows where the table prints no 类 or 款), and
    whether a row between is unplaced (no code, no total): then what it sums is not known."""
    start = next((x + 1 for x in range(i - 1, -1, -1) if re.search(total_re, labels[x])), 0)
    between = range(start, i)
    if any(keys[x].level is None for x in between):
        return [], True
    levels = [keys[x].level for x in between]
    top = [rows[x] for x in between if keys[x].level == 1]
    if top:
        return top, False
    return ([rows[x] for x in between] if len(levels) >= 2 and len(set(levels)) == 1 else []), False


def _named(sig: frozenset[str]) -> frozenset[str]:
    """A column's signature without the key of its place in the grid (?5, ?8: one per column group)."""
    return frozenset(x for x in sig if not x.startswith("?"))


def _mended_by(total: VCell, parts: list[VCell], part: VCell, its_parts: tol.Interval) -> bool:
    """Whether the total adds up once `part` is read as the sum of its own parts (类 9166.92 = Σ款 with the 款 9156.92
    read as its 项's 9166.92): then the 款 is the figure out of line, not the 类."""
    others = sum_of([p.q for p in parts if p is not part])
    return tol.verdict_in_base(total.q, others + its_parts) == tol.OK


def run_cross(views: dict[str, View], rules: Iterable[CrossRule]) -> Iterator[Finding]:
    for r in rules:
        a_cells = select(views, r.a)
        b_lists = [select(views, b) for b in r.bs]
        if not a_cells or not all(b_lists):
            continue
        if r.match == "name":
            b_by_name: dict[str, VCell] = {}
            for c in b_lists[0]:
                b_by_name.setdefault(c.key.name, c)
            pairs = [(a, b_by_name[a.key.name]) for a in a_cells if a.key.name in b_by_name]
            carried = _carried_over_apart(views[r.a.table], pairs)
            for a, b in pairs:
                for f in _compare_cells(r, views, a, [b]):
                    if carried:
                        f.severity = "info"
                        f.explanation += f"；两表合计相差 {carried}，恰为{views[r.a.table].name}所列上年结转，口径不同（一表含上年结转），请核对"
                    yield f
            continue
        a = a_cells[0] if r.pick == "first" else a_cells[-1]
        bs = [bl[0] for bl in b_lists]
        # (收入总计 of the 总表 against a 收入总表 printing no 上年结转 column: its 合计 is the year's income alone)
        # (within one table, 收入总计 ≠ 支出总计 by the carry-over is a slip, not another definition)
        apart = len(bs) == 1 and r.bs[0].table != r.a.table
        carried = _carried_over_apart(views[r.a.table], [(a, bs[0])]) if apart else ""
        for f in _compare_cells(r, views, a, bs):
            if carried:
                f.severity = "info"
                f.explanation += f"；两表合计相差 {carried}，恰为{views[r.a.table].name}所列上年结转，口径不同（一表含上年结转），请核对"
            yield f


_CARRIED = re.compile(r"上年结转|年初结转|结转结余|用事业基金弥补")


def _carried_over_apart(view: View, pairs: list[tuple[VCell, VCell]]) -> str:
    """The carry-over the matched items' sums differ by, where the first table prints one of that amount (its 支出 side
    spends 上年结转 the other table's 当年拨款 leaves out); '' when the sums agree or differ otherwise."""
    if not pairs:
        return ""
    diff = sum((a.q.base_value for a, _ in pairs), Decimal(0)) - sum((b.q.base_value for _, b in pairs), Decimal(0))
    if diff == 0:
        return ""
    heads = {(c.row, c.side) for c in view.cells if _CARRIED.search(c.label)}
    for c in view.cells:
        # the 上年结转 row itself, or a fund's row right under it (二、上年结转 | 1,010.00 › （一）一般公共预算拨款 | 923.50)
        carried = _CARRIED.search(c.label) or any(side == c.side and 0 < c.row - row <= 3 for row, side in heads)
        if carried and c.q.base_value == abs(diff):
            return shown(c.q)
    # (用事业基金弥补收支差额 50.66 and 上年结转 30.00 together: the rows past the year's income on one side)
    for side in {c.side for c in view.cells if _CARRIED.search(c.label)}:
        rows = [c for c in view.cells if c.side == side and _CARRIED.search(c.label)]
        if len(rows) >= 2 and sum((c.q.base_value for c in rows), Decimal(0)) == abs(diff):
            return " + ".join(shown(c.q) for c in rows)
    return ""


def _compare_cells(r: CrossRule, views: dict[str, View], a: VCell, bs: list[VCell]) -> Iterator[Finding]:
    va = views[r.a.table]
    vb = [views[r.bs[i].table] for i in range(len(bs))]
    if len(bs) == 1:
        verdict = tol.printings_verdict(a.q, bs[0].q)
        expected = bs[0].q.base_value
    else:
        comp = sum_of([b.q for b in bs])
        verdict = tol.verdict_in_base(a.q, comp)
        expected = comp.mid
    if verdict not in (tol.ERROR, tol.WARNING):
        return
    other = "；".join(f"{v.name}“{b.label}”{shown(b.q)}" for v, b in zip(vb, bs, strict=True))
    expl = f"{r.title}：{va.name}“{a.label}”为 {shown(a.q)}，而 {other}" + (
        "" if len(bs) == 1 else f"（合计 {fmt(in_unit(expected, a.q), a.q.decimals)}）"
    )
    if verdict == tol.WARNING:
        expl += "；两处相差末位一个单位，同一数字应印成同一数值"
    expl += declared(r)
    yield finding_at(R_CROSS, verdict, fact_figure(a.fact, None), expl, expected, [b.fact.prov for b in bs], a.label)


# ------------------------------------------------------------------ structure


def run_structure(outline: list[OutlineEntry], facts: list[Fact]) -> Iterator[Finding]:
    body = {identify_table(e.text) for e in outline if e.kind == "table"}
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prov.table is not None:
            by_table[f.prov.table].append(f)
    listed: dict[str, OutlineEntry] = {}
    for e in outline:
        kind = identify_table(e.text) if e.kind == "toc" else None
        if kind is not None:
            listed.setdefault(kind, e)
    missing = {k: e for k, e in listed.items() if k not in body}
    if missing and len(missing) == len(listed):
        # not one listed table in the file: the tables are published as a file of their own, not dropped
        first = next(iter(missing.values()))
        yield Finding(
            rule=R_TOC.id,
            severity="info",
            prov=first.prov,
            subject="目录所列各表",
            stated_text=first.text,
            explanation=f"目录列出 {len(missing)} 张表，本文件中一张也未找到，应是另行公开的表格文件；请核对该文件",
        )
        missing = {}
    for kind, e in missing.items():
        yield Finding(
            rule=R_TOC.id,
            severity="warning",
            prov=e.prov,
            subject=KIND_NAMES.get(kind, e.text),
            stated_text=e.text,
            explanation=f"目录列出“{e.text}”，正文中未找到该表（无数据的表也应保留表样并注明本表无数据）",
        )
    last_table: OutlineEntry | None = None
    for e in outline:
        if e.kind == "table":
            last_table = e
        elif e.kind == "heading" and (e.level or 9) <= 2:
            last_table = None
        elif e.kind == "note" and last_table is not None and last_table.prov.table is not None:
            if not re.search(r"本表无数据|空表|故本表", e.text) or _about_other_tables(e.text, last_table.text):
                continue
            nonzero = [f for f in by_table.get(last_table.prov.table, []) if f.quantity.value != 0]
            if nonzero:
                yield Finding(
                    rule=R_NOTE.id,
                    severity="warning",
                    prov=e.prov,
                    subject=last_table.text,
                    stated_text=e.text,
                    explanation=f"“{last_table.text}”下注明“{e.text}”，但该表列有 {len(nonzero)} 个非零数字"
                    f"（如 {shown(nonzero[0].quantity)}）",
                    related=[nonzero[0].prov],
                )
            last_table = None


_FUNDS_OF_A_TABLE = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算")


def _funds_named(text: str) -> set[str]:
    return {v for w, v in vocabulary().words.get("fund", ()) if v in _FUNDS_OF_A_TABLE and w in text}


def _about_other_tables(note: str, title: str) -> bool:
    """注：本单位无政府性基金预算和国有资本经营预算财政拨款收支，相关公开表为空表，未列示 under the 三公 table: the note
    names the funds whose tables are empty, and this table is of none of them (of another, where the note says 本表)."""
    named, own = _funds_named(note), _funds_named(title)
    if "本表" in note:
        # 本部门无政府性基金预算财政拨款收入支出，本表为空表 below the 一般公共预算…“三公”经费表 (the 政府性基金 table's title
        # and grid printed after it): "本表" is the table of the fund the note names, which this title names not
        return bool(named) and bool(own) and not named & own
    return bool(named) and not named & own


# ------------------------------------------------------------------ entry point


# the rule whose findings each kind of declarative rule makes
MAKES = {
    "sum": R_SUM,
    "columns": R_COLUMNS,
    "hierarchy": R_HIERARCHY,
    "cross": R_CROSS,
    "narrative": R_NARRATIVE,
    "item": R_NARRATIVE,
    "share": R_SHARE,
}


def declared_rules() -> list[tuple[Rule, str, str, tuple[str, ...]]]:
    """Each declarative rule: the rule its findings carry, its own id, what it checks, its report kinds."""
    return [(MAKES[group], rid, title, kinds) for group, rid, title, kinds in described_rules()]


def _for(rules: TemplateRules, group: Sequence[T], kind: str) -> list[T]:
    """The declarative rules of a group that run on a report of this kind."""
    return [r for r in group if rules.applies(r, kind)]


def _units_tables(facts: list[Fact]) -> dict[str, list[Fact]]:
    """The facts of each body's own set of tables: "" the department's, a unit's name for the tables of its own part of
    the report (收入支出决算总表（XX中心）). A table is a unit's when all its figures are; a table by region is nobody's."""
    scopes: dict[int | None, set[str]] = defaultdict(set)
    for f in facts:
        scopes[f.prov.table].add(f.identity.scope if named_scope(f.identity.scope) else "")
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        own = scopes[f.prov.table]
        out[next(iter(own)) if len(own) == 1 else ""].append(f)
    return out


def check(ctx: Context) -> Iterator[Finding]:
    rules = load_rules()
    doc = ctx.doc
    flagged: set[int] = set()
    decided: set[int] = set()
    said = narrative(ctx.claims, ctx.outline)
    kinds: set[str] = set()  # the standard tables recognised, of any body
    # each body's figures against its own tables: a unit's part of a department's report has a set of its own
    for unit, facts in sorted(_units_tables(ctx.facts).items()):
        views = build_views(facts, doc, ctx.doc_year)
        if not views:
            continue
        kinds |= set(views)
        own = [s for s in said if s.claim.identity.scope == unit] if unit else said
        yield from run_sums(views, _for(rules, rules.sum, ctx.kind))
        # one cell that throws out a row's 合计 and a column's 款 is named once by pipeline.checks.crossing
        yield from run_columns(views, _for(rules, rules.columns, ctx.kind))
        yield from run_hierarchy(views, _for(rules, rules.hierarchy, ctx.kind))
        yield from run_cross(views, _for(rules, rules.cross, ctx.kind))
        yield from run_narrative(
            views,
            own,
            _for(rules, rules.narrative, ctx.kind),
            _for(rules, rules.item, ctx.kind),
            flagged,
            decided,
            _report_year(ctx),
            unit,
        )
        yield from run_shares(views, own, _for(rules, rules.share, ctx.kind), decided, unit)
    apart = not kinds and (
        ctx.kind in DEPARTMENT_KINDS or any(e.kind == "toc" and identify_table(e.text) for e in ctx.outline)
    )
    if apart or any(k.startswith(("js.", "ys.")) for k in kinds):
        # a change or a rate and its figures stand in one sentence: checked without the tables too where they are
        # published apart (a 部门预算 情况说明 without its 公开表, or a 目录 that lists the template's tables)
        yield from run_changes(said, flagged, decided)
        yield from run_rates(said, flagged, decided)
    for c in ctx.claims:
        if id(c) in decided:
            ctx.mark(c)
    yield from run_structure(ctx.outline, ctx.facts)


def _report_year(ctx: Context) -> int | None:
    """The year the report's title names (the tables' year), None when it names none."""
    year = document_year(ctx.doc) if ctx.doc is not None else ""
    return int(year) if year.isdigit() else None
