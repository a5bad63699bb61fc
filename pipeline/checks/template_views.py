"""template, part 1: the rule catalogue, standard-table views and the comparisons every template rule uses.

A View is one recognised standard table (extractors.table_identity) as cells with a row key (code and
label, re-read per half of two-sided tables when the document is at hand), the column's roles (header
words) and a side (收入 | 支出 on a 总表). Figures are compared in base units (tables in 元, text in 万元).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.leads import CLAUSE, compact
from extractors.model import Cell, Document, Fact, Provenance, Quantity, Table
from extractors.report_kind import DEPARTMENT_KINDS, in_order
from extractors.table_identity import (
    GRAND_TOTAL,
    KIND_NAMES,
    RowKey,
    column_role,
    column_roles,
    identify_table,
    row_key,
)
from pipeline import tolerance as tol
from pipeline.checks.base import Figure, fact_figure, fmt, in_unit, make_finding, rule, shown
from pipeline.checks.template_rules import AnyRule, Cells, ColumnsRule, HierarchyRule, SumRule
from pipeline.findings import Finding, Rule

FAMILY = "template"
# the national 部门决算 / 部门预算 templates (a 单位 report follows its department's)
TEMPLATE_KINDS = in_order(DEPARTMENT_KINDS)
R_SUM = rule(
    FAMILY, "sum", "error", "表内合计与分项之和不符", "{total} ≠ Σ{parts}", "table", "arithmetic", kinds=TEMPLATE_KINDS
)
R_COLUMNS = rule(
    FAMILY,
    "columns",
    "error",
    "表内合计列与分列之和不符",
    "{total} ≠ Σ{parts}",
    "table",
    "arithmetic",
    kinds=TEMPLATE_KINDS,
)
R_HIERARCHY = rule(
    FAMILY,
    "hierarchy",
    "error",
    "类/款/项金额与下级之和不符",
    "{total} ≠ Σ{parts}",
    "table",
    "arithmetic",
    kinds=TEMPLATE_KINDS,
)
R_CROSS = rule(
    FAMILY,
    "cross-table",
    "error",
    "同一数字在两张表中不一致",
    "{a} ≠ {b}",
    "table",
    "consistency",
    kinds=TEMPLATE_KINDS,
)
R_NARRATIVE = rule(
    FAMILY,
    "narrative-vs-table",
    "error",
    "情况说明数字与所述表格不符",
    "{stated} ≠ {table}",
    "narrative",
    kinds=TEMPLATE_KINDS,
)
R_SHARE = rule(
    FAMILY,
    "share",
    "error",
    "情况说明占比与表格数字不符",
    "{part} ÷ {whole} ≠ {stated}",
    "narrative",
    kinds=TEMPLATE_KINDS,
)
R_CHANGE = rule(
    FAMILY, "change", "error", "增减幅度与增减额不符", "{delta} ÷ {base} ≠ {stated}", "narrative", kinds=TEMPLATE_KINDS
)
R_RATE = rule(
    FAMILY,
    "rate",
    "error",
    "完成预算比例与决算÷预算不符",
    "{final} ÷ {budget} ≠ {stated}",
    "narrative",
    kinds=TEMPLATE_KINDS,
)
R_TOC = rule(
    FAMILY, "toc-table-missing", "warning", "目录列出的表在正文中缺失", "{title}", "structure", kinds=TEMPLATE_KINDS
)
R_NOTE = rule(
    FAMILY,
    "empty-note-with-data",
    "warning",
    "注明“本表无数据/空表”的表却有数字",
    "{title}",
    "structure",
    kinds=TEMPLATE_KINDS,
)
RULES = [R_SUM, R_COLUMNS, R_HIERARCHY, R_CROSS, R_NARRATIVE, R_SHARE, R_CHANGE, R_RATE, R_TOC, R_NOTE]

TWO_SIDED = {"js.total", "js.czbk_total", "ys.total", "ys.czbk_total"}
CONTEXT_ROLES = {"income_side", "expense_side", "sangong", "code", "name"}
# roles that say which figure a column holds (预算数 | 决算数), not what it is the figure of
MEASURE_ROLES = {"budget", "final"}
# a column whose header names nothing the template knows (上年结转 in an old list of roles, 单位预留机动经费 …)
# carries a key of its own in its signature: "?<grid column>", never shared with another such column
ANON = "?"
_CLAUSE = CLAUSE


# ------------------------------------------------------------------ table views


@dataclass
class VCell:
    fact: Fact
    row: int
    col: int
    label: str  # compact row label as printed (numbering kept)
    key: RowKey
    roles: tuple[str, ...]
    side: str = ""
    sig: frozenset[str] = frozenset()
    segment: int = 0

    @property
    def q(self) -> Quantity:
        return self.fact.quantity


@dataclass
class View:
    table: int
    kind: str
    title: str
    cells: list[VCell] = field(default_factory=list)
    goes_on: bool = False  # its rows go on in a table the reader did not join (a 续表, the next page's rows)

    @property
    def name(self) -> str:
        return KIND_NAMES.get(self.kind, self.title)


def _label(f: Fact) -> str:
    for lab in reversed(f.row_labels):
        t = compact(lab)
        if t and not t.isdigit():
            return t
    return ""


_AMOUNT = re.compile(r"^-?[\d,]*\d(\.\d+)?$")


def _side_labels(cov: list[list[Cell | None]], row: int, col: int, amount_cols: set[int]) -> list[str]:
    """Label cells between the previous amount column and `col` in `row` of a table's covering grid (the right
    half of a 总表 or of a side-by-side 基本支出表 has its own labels; a reader that gives every cell the row's first
    label loses them)."""
    if row >= len(cov):
        return []
    out: list[str] = []
    seen: list[Cell] = []
    for c in range(col - 1, -1, -1):
        if c in amount_cols:
            break
        cell = cov[row][c]
        if cell is None or not cell.text.strip() or any(x is cell for x in seen):
            continue
        text = cell.text.strip()
        if _AMOUNT.match(text.replace(" ", "")) and ("," in text or "." in text):
            break
        seen.append(cell)
        out.insert(0, text)
    return out


def build_views(facts: list[Fact], doc: Document | None = None, doc_year: int | None = None) -> dict[str, View]:
    """One view per recognised standard table (the first table of each kind).

    With the document at hand, row labels are re-read per half of two-sided and side-by-side tables."""
    tables = {t.prov.table: t for t in doc.tables()} if doc is not None else {}
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prov.table is not None:
            by_table[f.prov.table].append(f)
    views: dict[str, View] = {}
    for t, fs in sorted(by_table.items()):
        title = next((f.table_title for f in fs if f.table_title), "")
        kind = identify_table(title)
        if kind is None or kind in views:
            continue
        table = tables.get(t)
        v = View(t, kind, title, goes_on=table is not None and _goes_on(table, tables.get(t + 1)))
        code_cols = _code_columns(fs)
        fs = [f for f in fs if f.prov.col not in code_cols]
        fs = _this_years_columns(fs, doc_year)
        amount_cols = {f.prov.col for f in fs if f.prov.col is not None}
        cov = table.covering() if table is not None else []
        for f in fs:
            if f.quantity.dimension not in ("money", "unknown") or f.quantity.unit == "%":
                continue
            roles = column_roles(tuple(f.column_labels))
            if kind in _SANGONG and not set(roles) & _SANGONG_ITEMS:
                roles = _sangong_row(f) + roles  # items as rows (公务接待费 | 预算数 | 决算数): the row names the item
            label, key = _label(f), row_key(f.row_labels, f.code)
            relabel = kind in TWO_SIDED or kind == "js.gp_basic" or not key.code
            if relabel and table is not None and f.prov.row is not None and f.prov.col is not None:
                own = _side_labels(cov, f.prov.row, f.prov.col, amount_cols)
                if own:
                    key = row_key(own)
                    label = next((compact(x) for x in reversed(own) if not compact(x).isdigit()), "")
            v.cells.append(VCell(f, f.prov.row or 0, f.prov.col or 0, label, key, roles))
        if not v.cells:
            continue
        _carry_labels(v)
        _sides(v)
        _signatures(v)
        _one_amount_column(v)
        _sangong_total(v)
        _subtotal_as_total(v)
        _segments(v)
        views[kind] = v
    return views


_SANGONG = ("js.sangong", "ys.sangong")
_SANGONG_ITEMS = {"abroad", "car", "car_buy", "car_run", "reception", "total", "subtotal", "sangong"}
_ROW_LEAD = re.compile(r"^\s*(?:其中\s*[:：]?|[（(]?\d{1,2}[)）.、．]|[一二三四五六七八九十]+、)\s*")


def _sangong_row(f: Fact) -> tuple[str, ...]:
    """The 三公 item a row names where the items stand as rows: 公务用车购置及运行维护费 is the car's 小计, 其中：公务用车
    购置费 its part; 合计 the total."""
    role = column_role(_ROW_LEAD.sub("", f.row_labels[-1])) if f.row_labels else None
    if role == "car":
        return ("car", "subtotal")
    if role in ("car_buy", "car_run"):
        return ("car", role)
    return (role,) if role in _SANGONG_ITEMS else ()


def _goes_on(table: Table, after: Table | None) -> bool:
    if table.continued_in_next:
        return True
    # ending at the bottom margin, with an untitled table at the top of the next page: its rows, cut by the page
    return table.touches_bottom and after is not None and after.touches_top and identify_table(after.title) is None


_COLUMN_YEAR = re.compile(r"(20\d\d)\s*年")


# 上年预算数 | 本年预算数 — not 上年结转, a part of this year's; nor 比上年增减 | 增减额 | 增长%, a change from last year's
_PRIOR = re.compile(r"上年(?:度)?(?:预算|决算|执行)数?|比上年|较上年|增减|增长|下降")


def _not_last_years(fs: list[Fact], labels: Callable[[Fact], tuple[str, ...]]) -> list[Fact]:
    """A table printing last year's figures beside this year's (上年预算数 | 本年预算数, as columns or rows) holds the
    standard table's figures in this year's only."""
    prior = [bool(_PRIOR.search("".join(labels(f)).replace(" ", ""))) for f in fs]
    if not any(prior) or all(prior):
        return fs
    return [f for f, p in zip(fs, prior, strict=True) if not p]


def _this_years_columns(fs: list[Fact], doc_year: int | None) -> list[Fact]:
    """A table whose columns are of two years (2023年预算数 | 2024年预算数, each over 合计 | 因公出国（境）费 | …) holds
    the standard table's figures in the report's year only (the latest where the report's year is not among them);
    so does one whose rows are (项目 | 2025年预算数 | 2026年预算数 | 增减额, under 合计 | 因公出国（境）费 | …)."""
    fs = _this_years(_this_years(fs, doc_year, lambda f: f.column_labels), doc_year, lambda f: f.row_labels)
    return _not_last_years(_not_last_years(fs, lambda f: f.column_labels), lambda f: f.row_labels)


def _this_years(fs: list[Fact], doc_year: int | None, labels: Callable[[Fact], tuple[str, ...]]) -> list[Fact]:
    year_of: dict[int, int] = {}
    for k, f in enumerate(fs):
        found = _COLUMN_YEAR.findall(" ".join(labels(f)))
        if found:
            year_of[k] = int(found[0])
    years = set(year_of.values())
    if len(years) < 2:
        return fs
    keep = doc_year if doc_year in years else max(years)
    return [f for k, f in enumerate(fs) if year_of.get(k, keep) == keep]


_AMOUNT_HEADER = re.compile(r"合计|总计|小计|支出|收入|拨款|金额|预算|决算|经费|资金")
_CODE_HEADER = re.compile(r"编码|代码|编号|科目|类|款|项")


def _code_columns(fs: list[Fact]) -> set[int]:
    """Columns that hold subject codes read as numbers (201, 06): never amounts."""
    cols: dict[int, list[str]] = defaultdict(list)
    amounts: set[int] = set()
    for f in fs:
        if f.prov.col is not None:
            cols[f.prov.col].append((f.text or f.quantity.text or "").strip())
            if _AMOUNT_HEADER.search("".join(f.column_labels)) and not _CODE_HEADER.search("".join(f.column_labels)):
                amounts.add(f.prov.col)
    out = set()
    for c, texts in cols.items():
        # (a workbook's whole amounts, 项目支出 | 375 | 1038 | 0, are numbers of any length under an amount's header)
        if c not in amounts and texts and all(re.fullmatch(r"\d{2,3}|\d{5}|\d{7}", t) for t in texts):
            if any((len(t) >= 2 and t.startswith("0")) or re.fullmatch(r"[23]\d\d(\d\d){0,2}", t) for t in texts):
                out.add(c)
    return out


def _carry_labels(v: View) -> None:
    """A cell whose facts carry no row label takes the label and code of the cell to its left in the row."""
    rows: dict[int, list[VCell]] = defaultdict(list)
    for c in v.cells:
        rows[c.row].append(c)
    for cs in rows.values():
        cs.sort(key=lambda c: c.col)
        for prev, c in zip(cs, cs[1:], strict=False):
            if not c.label and not c.key.code:
                c.label, c.key = prev.label, prev.key


def _sides(v: View) -> None:
    if v.kind not in TWO_SIDED:
        return
    # by position: the 收入 half has one amount column, left of the 支出 half (header paths over merged
    # 收入/支出 cells are not reliable enough to decide it)
    first_col = min(c.col for c in v.cells)
    for c in v.cells:
        c.side = "in" if c.col == first_col else "out"
    # the amount columns of one side share the label that stands left of the side's first column
    groups: dict[tuple[int, str], list[VCell]] = defaultdict(list)
    for c in v.cells:
        groups[(c.row, c.side)].append(c)
    for cs in groups.values():
        cs.sort(key=lambda c: c.col)
        for c in cs[1:]:
            c.label, c.key = cs[0].label, cs[0].key


def _signatures(v: View) -> None:
    """A column's roles minus the ones every amount column of the table shares (一般公共预算支出 over all
    three columns), keeping the innermost header word (合计 of a one-column table stays 合计).

    A column whose header names no known figure (only 预算数/决算数, or nothing the template knows) is a column
    of its own: its signature holds its grid column, so two such columns are never summed as one."""
    sets = [set(c.roles) - CONTEXT_ROLES for c in v.cells]
    common = set.intersection(*sets) if sets else set()
    for c, s in zip(v.cells, sets, strict=True):
        keep = {c.roles[-1]} if c.roles else set()
        anon = {f"{ANON}{c.col}"} if not s - MEASURE_ROLES else set()
        c.sig = frozenset(s - (common - keep)) | anon
    _apart_under_unknown_heads(v)


def _apart_under_unknown_heads(v: View) -> None:
    """本年支出 › 小计 and 年末结转和结余 › 小计: two columns of one signature, one of them under a header the template
    does not know; that one is a column of its own (its signature keeps that head), never summed with the other."""
    cols: dict[frozenset[str], dict[int, set[str]]] = defaultdict(dict)
    for c in v.cells:
        if c.side:
            continue
        heads = {h for x in c.fact.column_labels for h in re.split(r"\s*›\s*", x) if h.strip() and not column_role(h)}
        cols[c.sig].setdefault(c.col, set()).update(h for h in heads if not _NUMBERING.match(h))
    own: dict[int, str] = {}
    for by_col in cols.values():
        if len(by_col) < 2:
            continue
        shared = set.intersection(*by_col.values())
        own.update({col: "/".join(sorted(heads - shared)) for col, heads in by_col.items() if heads - shared})
    for c in v.cells:
        if c.col in own:
            c.sig = c.sig | {f"{ANON}{own[c.col]}"}


_NUMBERING = re.compile(r"^(?:栏次|行次|栏|[\dA-Z=+\-、.]+)$")  # a 栏次 row's numbers and letters name no column


def _one_amount_column(v: View) -> None:
    """A table of one amount column (科目编码 | 科目名称 | 金额) whose figures a PDF reader placed in two grid columns
    (a 合计 drawn a little to the right of the rows under it): one column, of the one role its header names if any."""
    if v.kind in TWO_SIDED:
        return
    per_row: dict[int, int] = defaultdict(int)
    for c in v.cells:
        per_row[c.row] += 1
    sigs = {c.sig for c in v.cells}
    if len(sigs) < 2 or max(per_row.values()) > 1:
        return
    roles = {named(s) for s in sigs} - {frozenset()}
    if len(roles) > 1:
        return
    one = next(iter(roles)) if roles else frozenset({f"{ANON}{min(c.col for c in v.cells)}"})
    for c in v.cells:
        c.sig = one


def _sangong_total(v: View) -> None:
    """A table of “三公”经费、会议费、培训费 (合计 | “三公”经费 › 小计, 因公出国（境）费 … | 会议费 | 培训费): the 三公经费's
    total is the 小计 under it; the 合计 beside holds 会议费 and 培训费 too, so it is a column of its own, the
    grand total of the three."""
    if v.kind != "ys.sangong":
        return
    inner = [c for c in v.cells if "sangong" in c.roles and c.roles[-1] == "subtotal" and "car" not in c.roles]
    if not inner:
        return
    for c in v.cells:
        if c.sig == frozenset({"total"}) and "sangong" not in c.roles:
            c.sig = frozenset({GRAND_TOTAL})
    for c in inner:
        c.sig = frozenset({"total"})


def _subtotal_as_total(v: View) -> None:
    """A table whose amounts open with 本年支出 › 小计 | 基本支出 | 项目支出 (the 财政部 决算 template's 公开05表) and
    print no 合计 column: that 小计 is the row's total."""
    if any("total" in c.sig for c in v.cells):
        return
    subtotals = [c for c in v.cells if c.sig == frozenset({"subtotal"})]
    if not subtotals or len({c.col for c in subtotals}) != 1:
        return
    if subtotals[0].col != min(c.col for c in v.cells):
        return
    for c in subtotals:
        c.sig = frozenset({"total"})


def named(sig: frozenset[str]) -> frozenset[str]:
    """The known roles of a column's signature (without the key of a column the template does not know)."""
    return frozenset(r for r in sig if not r.startswith(ANON))


def _segments(v: View) -> None:
    """Side-by-side coded tables (基本支出决算表): each coded block of a row starts a segment (人员经费 | 公用经费 as
    two blocks, or 人员经费 | 公用经费 › 302 | 310 as three), and its cells and those right of it up to the next are
    that segment's."""
    if v.kind not in ("js.gp_basic", "ys.gp_basic"):
        return
    rows: dict[int, list[VCell]] = defaultdict(list)
    for c in v.cells:
        rows[c.row].append(c)
    starts: set[int] = set()
    for cs in rows.values():
        cs.sort(key=lambda c: c.col)
        for prev, c in zip(cs, cs[1:], strict=False):
            if (c.key.code or c.label) != (prev.key.code or prev.label) and (c.key.code or c.label):
                starts.add(c.col)
    bounds = sorted(starts)
    for c in v.cells:
        c.segment = bisect_right(bounds, c.col)


def select(views: dict[str, View], sel: Cells) -> list[VCell]:
    v = views.get(sel.table)
    if v is None:
        return []
    out = []
    for c in v.cells:
        if sel.side and c.side != sel.side:
            continue
        if sel.row and not re.search(sel.row, c.label):
            continue
        if sel.code and not re.search(sel.code, c.key.code or "-"):
            continue
        if sel.col is not None and c.sig != frozenset(sel.col):
            continue
        out.append(c)
    if sel.col is None:
        out = _row_totals(out)
    return sorted(out, key=lambda c: (c.row, c.col))


def _row_totals(cells: list[VCell]) -> list[VCell]:
    """Without a column named, a row's figure is its 合计: a 单位 layout splits 本年支出 into 合计 | 基本支出
    (人员经费, 公用经费) | 项目支出, and only the 合计 is the row's amount."""
    rows: dict[tuple[int, int, str], list[VCell]] = defaultdict(list)
    for c in cells:
        rows[(c.row, c.segment, c.side)].append(c)  # side by side, one row holds several items (302 | 310)
    out = []
    for cs in rows.values():
        totals = [c for c in cs if "total" in c.roles]
        out.append(totals[0] if totals else min(cs, key=lambda c: c.col))
    return out


# ------------------------------------------------------------------ findings


def sum_of(qs: list[Quantity]) -> tol.Interval:
    """The sum of printed figures as an interval in base units."""
    return tol.total([tol.base_interval(q) for q in qs])


def declared(r: AnyRule) -> str:
    """Where a finding names the declarative rule that made it (`gouji rules` lists it as
    template.<kind of finding>/<id>)."""
    return f"（模板规则 {r.id}）"


def finding_at(
    r: Rule,
    sev: str,
    fig: Figure,
    explanation: str,
    expected_base: Decimal | None,
    related: list[Provenance],
    subject: str,
    derivation: str = "",
) -> Finding:
    """make_finding with the expected figure computed in base units, shown in the stated figure's unit and
    decimals (a 元 table cell stays whole 元)."""
    q = fig.quantity
    return make_finding(
        r,
        sev,
        fig,
        explanation,
        expected=None if expected_base is None else in_unit(expected_base, q),
        decimals=max(q.decimals, 0),
        derivation=derivation,
        related=related,
        subject=subject,
    )


def cell_finding(
    r: Rule,
    sev: str,
    total: VCell,
    parts: list[VCell],
    source: SumRule | ColumnsRule | HierarchyRule,
    view: View,
    computed: tol.Interval,
) -> Finding:
    exp = computed.mid
    part_txt = " + ".join(fmt(p.q.value, p.q.decimals) for p in parts[:12]) + (" + …" if len(parts) > 12 else "")
    where = f"{view.name}“{total.label or total.key.code or _named(total)}”"
    sev_word = "仅差末位舍入" if sev == "warning" else ""
    expl = (
        f"{source.title}：{where}为 {shown(total.q)}，分项之和 {part_txt} = {fmt(in_unit(exp, total.q), total.q.decimals)}"
        f"（{len(parts)} 项，容差已计入四舍五入）{sev_word}{declared(source)}"
    )
    return finding_at(
        r, sev, fact_figure(total.fact, None), expl, exp, [p.fact.prov for p in parts], _named(total), part_txt
    )


def _named(cell: VCell) -> str:
    """A cell's item: its row's label, else — a table of one row (the 三公 table) — its table and column."""
    if cell.label:
        return cell.label
    columns = [x for x in cell.fact.column_labels if x.strip()]
    return " ".join(x for x in (cell.fact.table_title or "", columns[-1] if columns else "") if x).strip()
