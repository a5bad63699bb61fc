"""template — the identities of the national 部门决算 / 部门预算 templates, driven by data.

The rules live in pipeline/data/template_rules.toml: sums inside a table, column identities,
类 = Σ款 = Σ项, the same figure across tables, the 情况说明 figures bound to their section, the
shares / changes / rates the narrative states, and the contents (目录) against the body.
Tables are recognised by title (extractors.table_identity), columns by header words, rows by label
or subject code; figures are compared in base units (tables in 元, narrative in 万元).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from extractors.model import Cell, Claim, Document, Fact, OutlineEntry, Paragraph, Provenance, Quantity, Table
from extractors.outline import heading_level
from extractors.table_identity import KIND_NAMES, RowKey, column_role, column_roles, identify_table, row_key
from pipeline import tolerance as tol
from pipeline.checks.base import DATA, Context, rule
from pipeline.findings import Finding, Rule

FAMILY = "template"
R_SUM = rule(FAMILY, "sum", "error", "表内合计与分项之和不符", "{total} ≠ Σ{parts}", "table", "arithmetic")
R_COLUMNS = rule(FAMILY, "columns", "error", "表内合计列与分列之和不符", "{total} ≠ Σ{parts}", "table", "arithmetic")
R_HIERARCHY = rule(
    FAMILY, "hierarchy", "error", "类/款/项金额与下级之和不符", "{total} ≠ Σ{parts}", "table", "arithmetic"
)
R_CROSS = rule(FAMILY, "cross-table", "error", "同一数字在两张表中不一致", "{a} ≠ {b}", "table", "consistency")
R_NARRATIVE = rule(
    FAMILY, "narrative-vs-table", "error", "情况说明数字与所述表格不符", "{stated} ≠ {table}", "narrative"
)
R_SHARE = rule(FAMILY, "share", "error", "情况说明占比与表格数字不符", "{part} ÷ {whole} ≠ {stated}", "narrative")
R_CHANGE = rule(FAMILY, "change", "error", "增减幅度与增减额不符", "{delta} ÷ {base} ≠ {stated}", "narrative")
R_RATE = rule(FAMILY, "rate", "error", "完成预算比例与决算÷预算不符", "{final} ÷ {budget} ≠ {stated}", "narrative")
R_TOC = rule(FAMILY, "toc-table-missing", "warning", "目录列出的表在正文中缺失", "{title}", "structure")
R_NOTE = rule(FAMILY, "empty-note-with-data", "warning", "注明“本表无数据/空表”的表却有数字", "{title}", "structure")
RULES = [R_SUM, R_COLUMNS, R_HIERARCHY, R_CROSS, R_NARRATIVE, R_SHARE, R_CHANGE, R_RATE, R_TOC, R_NOTE]

TWO_SIDED = {"js.total", "js.czbk_total", "ys.total", "ys.czbk_total"}
CONTEXT_ROLES = {"income_side", "expense_side", "sangong", "code", "name"}
_QUOTES = "“”\"'‘’"
_CLAUSE = re.compile(r"[，,；;。：:]")


@lru_cache(maxsize=1)
def load_rules() -> dict[str, Any]:
    with (DATA / "template_rules.toml").open("rb") as f:
        return tomllib.load(f)


def compact(text: str) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in t if not ch.isspace() and ch not in _QUOTES)


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


def _side_labels(t: Table, row: int, col: int, amount_cols: set[int]) -> list[str]:
    """Label cells between the previous amount column and `col` in `row` (the right half of a 总表 or of a
    side-by-side 基本支出表 has its own labels; a reader that gives every cell the row's first label loses them)."""
    cov = t.covering()
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


def build_views(facts: list[Fact], doc: Document | None = None) -> dict[str, View]:
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
        v = View(t, kind, title)
        table = tables.get(t)
        fs = [f for f in fs if f.prov.col not in _code_columns(fs)]
        amount_cols = {f.prov.col for f in fs if f.prov.col is not None}
        for f in fs:
            if f.quantity.dimension not in ("money", "unknown") or f.quantity.unit == "%":
                continue
            roles = column_roles(tuple(f.column_labels))
            label, key = _label(f), row_key(f.row_labels, f.code)
            relabel = kind in TWO_SIDED or kind == "js.gp_basic" or not key.code
            if relabel and table is not None and f.prov.row is not None and f.prov.col is not None:
                own = _side_labels(table, f.prov.row, f.prov.col, amount_cols)
                if own:
                    key = row_key(own)
                    label = next((compact(x) for x in reversed(own) if not compact(x).isdigit()), "")
            v.cells.append(VCell(f, f.prov.row or 0, f.prov.col or 0, label, key, roles))
        if not v.cells:
            continue
        _carry_labels(v)
        _sides(v)
        _signatures(v)
        _segments(v)
        views[kind] = v
    return views


def _code_columns(fs: list[Fact]) -> set[int]:
    """Columns that hold subject codes read as numbers (201, 06): never amounts."""
    cols: dict[int, list[str]] = defaultdict(list)
    for f in fs:
        if f.prov.col is not None:
            cols[f.prov.col].append((f.text or f.quantity.text or "").strip())
    out = set()
    for c, texts in cols.items():
        if texts and all(re.fullmatch(r"\d{1,7}", t) for t in texts):
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
    sets = [set(c.roles) - CONTEXT_ROLES for c in v.cells]
    common = set.intersection(*sets) if sets else set()
    for c, s in zip(v.cells, sets, strict=True):
        c.sig = frozenset(s - common)


def _segments(v: View) -> None:
    """Side-by-side coded tables (基本支出决算表): cells right of a second code in a row form segment 1."""
    if v.kind != "js.gp_basic":
        return
    rows: dict[int, list[VCell]] = defaultdict(list)
    for c in v.cells:
        rows[c.row].append(c)
    splits: list[int] = []
    for cs in rows.values():
        if len({c.key.code for c in cs if c.key.code} | {c.label for c in cs if c.label and not c.key.code}) > 1:
            splits.append(max(c.col for c in cs))
    if splits:
        split = min(splits)
        for c in v.cells:
            c.segment = 1 if c.col >= split else 0


def select(views: dict[str, View], sel: dict[str, Any]) -> list[VCell]:
    v = views.get(sel.get("table", ""))
    if v is None:
        return []
    out = []
    for c in v.cells:
        if sel.get("side") and c.side != sel["side"]:
            continue
        if sel.get("row") and not re.search(sel["row"], c.label):
            continue
        if sel.get("code") and not re.search(sel["code"], c.key.code or "-"):
            continue
        if sel.get("col") is not None and c.sig != frozenset(sel["col"]):
            continue
        out.append(c)
    return sorted(out, key=lambda c: (c.row, c.col))


# ------------------------------------------------------------------ comparisons


def _iv(q: Quantity) -> tol.Interval:
    return tol.base_interval(q)


def _sum(qs: list[Quantity]) -> tol.Interval:
    return tol.total([_iv(q) for q in qs])


def _in_unit(base: Decimal, q: Quantity) -> Decimal:
    return base / tol.factor(q)


def _fmt(v: Decimal) -> str:
    s = format(v, "f")
    return s


def _show(q: Quantity) -> str:
    return (q.text or _fmt(q.value)).strip() + ("" if q.unit and q.unit in (q.text or "") else q.unit)


def same_figure(a: Quantity, b: Quantity) -> str:
    """ok | warning | error for two printings of one figure, in any money units."""
    if tol.factor(a) == tol.factor(b):
        return tol.same_figure_verdict(a, b)
    return tol.OK if _iv(a).meets(_iv(b)) else tol.ERROR


def against(stated: Quantity, computed: tol.Interval) -> str:
    """Verdict of a stated figure against a computed base-unit interval."""
    f = tol.factor(stated)
    return tol.verdict(stated, computed.scale(1 / f) if f != 1 else computed)


def _finding(
    r: Rule,
    sev: str,
    prov: Provenance,
    stated: Quantity,
    text: str,
    subject: str,
    expected_base: Decimal | None,
    explanation: str,
    related: list[Provenance],
    derivation: str = "",
) -> Finding:
    exp = None if expected_base is None else tol.point(_in_unit(expected_base, stated), max(stated.decimals, 0))
    rel = []
    for p in related:
        if p != prov and p not in rel:
            rel.append(p)
    return Finding(
        rule=r.id,
        severity=sev,
        prov=prov,
        subject=subject,
        stated_text=text,
        explanation=explanation,
        stated_value=stated.value,
        expected_value=exp,
        unit=stated.unit,
        related=rel,
        derivation=derivation,
    )


def _cell_finding(
    r: Rule, sev: str, total: VCell, parts: list[VCell], title: str, view: View, computed: tol.Interval
) -> Finding:
    exp = computed.mid
    part_txt = " + ".join(_fmt(p.q.value) for p in parts[:12]) + (" + …" if len(parts) > 12 else "")
    where = f"{view.name}“{total.label or total.key.code}”"
    sev_word = "仅差末位舍入" if sev == "warning" else ""
    expl = (
        f"{title}：{where}为 {_show(total.q)}，分项之和 {part_txt} = {_fmt(tol.point(_in_unit(exp, total.q), total.q.decimals))}"
        f"（{len(parts)} 项，容差已计入四舍五入）{sev_word}"
    )
    return _finding(
        r,
        sev,
        total.fact.prov,
        total.q,
        total.fact.text or total.q.text,
        total.label,
        exp,
        expl,
        [p.fact.prov for p in parts],
        part_txt,
    )


# ------------------------------------------------------------------ table rules


def run_sums(views: dict[str, View], rules: list[dict[str, Any]]) -> Iterator[Finding]:
    for r in rules:
        totals = select(views, r["total"])
        if not totals:
            continue
        parts_all = [p for p in select(views, r["parts"]) if p not in totals]
        view = views[r["total"]["table"]]
        for t in totals:
            parts = [p for p in parts_all if p.sig == t.sig and p.side == t.side]
            if r.get("parts_before_total"):
                parts = [p for p in parts if p.row < t.row]
            if not parts:
                continue
            comp = _sum([p.q for p in parts])
            v = against(t.q, comp)
            if v in (tol.ERROR, tol.WARNING):
                yield _cell_finding(R_SUM, v, t, parts, r["title"], view, comp)


def _by_row(v: View) -> dict[tuple[int, int, str], list[VCell]]:
    rows: dict[tuple[int, int, str], list[VCell]] = defaultdict(list)
    for c in v.cells:
        rows[(c.row, c.segment, c.side)].append(c)
    return rows


def run_columns(views: dict[str, View], rules: list[dict[str, Any]]) -> Iterator[Finding]:
    for r in rules:
        groups = r.get("by") or [None]
        for kind in r["tables"]:
            v = views.get(kind)
            if v is None:
                continue
            for (_row, _seg, side), cells in sorted(_by_row(v).items()):
                if r.get("side") and side != r["side"]:
                    continue
                for g in groups:
                    extra = {g} if g else set()
                    total = [c for c in cells if c.sig == frozenset(r["total"]) | extra]
                    parts = [c for p in r["parts"] for c in cells if c.sig == frozenset(p) | extra]
                    if len(total) != 1 or not parts:
                        continue
                    comp = _sum([p.q for p in parts])
                    verdict = against(total[0].q, comp)
                    if verdict in (tol.ERROR, tol.WARNING):
                        yield _cell_finding(R_COLUMNS, verdict, total[0], parts, r["title"], v, comp)


def run_hierarchy(views: dict[str, View], rules: list[dict[str, Any]]) -> Iterator[Finding]:
    for r in rules:
        for kind in r["tables"]:
            v = views.get(kind)
            if v is None:
                continue
            yield from _hierarchy(v, r)


def _hierarchy(v: View, r: dict[str, Any]) -> Iterator[Finding]:
    # entities: (segment, row) → cells; ordered by segment then row
    ents: dict[tuple[int, int], list[VCell]] = defaultdict(list)
    for c in v.cells:
        ents[(c.segment, c.row)].append(c)
    order = sorted(ents)
    total_re = r.get("total_row")
    for seg in {s for s, _ in order}:
        rows = [ents[k] for k in order if k[0] == seg]
        keys = [cs[0].key for cs in rows]
        labels = [cs[0].label for cs in rows]
        for i, (k, cs) in enumerate(zip(keys, rows, strict=True)):
            is_total = bool(total_re and re.search(total_re, labels[i]) and not k.code)
            level = 0 if is_total else k.level
            if level is None or level >= 3 or (level == 2 and len(k.code) != 5):
                continue
            children: list[list[VCell]] = []
            ambiguous = False
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
                if kj.level == level + 1:
                    children.append(rows[j])
            if ambiguous or not children:
                continue
            for t in cs:
                parts = [c for ch in children for c in ch if c.sig == t.sig and c.side == t.side]
                if not parts:
                    continue
                comp = _sum([p.q for p in parts])
                verdict = against(t.q, comp)
                if verdict in (tol.ERROR, tol.WARNING):
                    yield _cell_finding(R_HIERARCHY, verdict, t, parts, r["title"], v, comp)


def run_cross(views: dict[str, View], rules: list[dict[str, Any]]) -> Iterator[Finding]:
    for r in rules:
        a_cells = select(views, r["a"])
        bs = r["b"] if isinstance(r["b"], list) else [r["b"]]
        b_lists = [select(views, b) for b in bs]
        if not a_cells or not all(b_lists):
            continue
        if r.get("match") == "name":
            b_by_name: dict[str, VCell] = {}
            for c in b_lists[0]:
                b_by_name.setdefault(c.key.name, c)
            for a in a_cells:
                b = b_by_name.get(a.key.name)
                if b is not None:
                    yield from _compare_cells(r, views, a, [b])
            continue
        a = a_cells[0] if r.get("pick", "first") == "first" else a_cells[-1]
        yield from _compare_cells(r, views, a, [bl[0] for bl in b_lists])


def _compare_cells(r: dict[str, Any], views: dict[str, View], a: VCell, bs: list[VCell]) -> Iterator[Finding]:
    va = views[r["a"]["table"]]
    vb = [views[(r["b"] if isinstance(r["b"], dict) else r["b"][i])["table"]] for i in range(len(bs))]
    if len(bs) == 1:
        verdict = same_figure(a.q, bs[0].q)
        expected = bs[0].q.base_value
    else:
        comp = _sum([b.q for b in bs])
        verdict = against(a.q, comp)
        expected = comp.mid
    if verdict not in (tol.ERROR, tol.WARNING):
        return
    other = "；".join(f"{v.name}“{b.label}”{_show(b.q)}" for v, b in zip(vb, bs, strict=True))
    expl = f"{r['title']}：{va.name}“{a.label}”为 {_show(a.q)}，而 {other}" + (
        "" if len(bs) == 1 else f"（合计 {_fmt(tol.point(_in_unit(expected, a.q), a.q.decimals))}）"
    )
    if verdict == tol.WARNING:
        expl += "；两处相差末位一个单位，同一数字应印成同一数值"
    yield _finding(
        R_CROSS, verdict, a.fact.prov, a.q, a.fact.text or a.q.text, a.label, expected, expl, [b.fact.prov for b in bs]
    )


# ------------------------------------------------------------------ narrative


@dataclass
class Said:
    """A narrative figure with where it stands: section headings, list item, the words before it."""

    claim: Claim
    sections: list[str]
    item: str
    lead: str
    order: tuple[int, int]

    @property
    def q(self) -> Quantity:
        return self.claim.quantity


def _pos(p: Provenance) -> tuple[int, int]:
    start = p.span[0] if p.span else 0
    return (p.block if p.block is not None else (p.paragraph or 0), start)


def _lead(c: Claim, earlier_same: int, doc: Document | None = None) -> str:
    """The words of the clause right before the figure (……收入支出总计 | 占 | 完成年初预算的).

    With the document at hand the clause may start in the previous paragraph (PDF lines read as
    paragraphs); without it only the claim's sentence is used."""
    before = _text_before(c, doc)
    if before is None:
        s = c.sentence or ""
        text = (c.quantity.text or "").strip()
        pos = -1
        if text:
            idx = -1
            for _ in range(earlier_same + 1):
                idx = s.find(text, idx + 1)
                if idx < 0:
                    break
            pos = idx
        if pos < 0:
            m = re.search(re.escape(format(c.quantity.value, "f")), s)
            pos = m.start() if m else -1
        if pos < 0:
            return ""
        before = s[:pos]
    parts = _CLAUSE.split(compact(before))
    return parts[-1] if parts else ""


def _text_before(c: Claim, doc: Document | None) -> str | None:
    if doc is None or c.prov.block is None or c.prov.span is None or c.prov.block >= len(doc.blocks):
        return None
    b = doc.blocks[c.prov.block]
    if not isinstance(b, Paragraph):
        return None
    before = b.text[: c.prov.span[0]]
    if not _CLAUSE.search(before) and c.prov.block > 0:
        prev = doc.blocks[c.prov.block - 1]
        if (
            isinstance(prev, Paragraph)
            and not prev.text.rstrip().endswith(("。", "；", ";"))
            and heading_level(prev.text.strip()) is None
        ):
            before = prev.text + before
    return before


def narrative(claims: list[Claim], outline: list[OutlineEntry], doc: Document | None = None) -> list[Said]:
    heads = sorted((e for e in outline if e.kind == "heading" and e.level), key=lambda e: _pos(e.prov))
    out: list[Said] = []
    seen: dict[tuple[Any, str, str], int] = defaultdict(int)
    for c in sorted(claims, key=lambda c: _pos(c.prov)):
        key = (c.prov.block, c.prov.paragraph, c.sentence)
        n = seen[(key, c.sentence, c.quantity.text)]
        seen[(key, c.sentence, c.quantity.text)] = n + 1
        pos = _pos(c.prov)
        path: list[OutlineEntry] = []
        for h in heads:
            if _pos(h.prov) > pos:
                break
            path = [x for x in path if (x.level or 0) < (h.level or 0)] + [h]
        item = next((compact(h.text) for h in path if h.level == 4 and "(项)" in compact(h.text)), "")
        sections = [compact(h.text) for h in path if (h.level or 0) < 4]
        out.append(Said(c, sections, item, _lead(c, n, doc), pos))
    return out


def _in_section(s: Said, pattern: str) -> bool:
    return any(re.search(pattern, h) for h in s.sections)


def _names(item: str) -> dict[str, str]:
    return {lvl: name for name, lvl in re.findall(r"([^()“”]+?)\((类|款|项)\)", item)}


def _item_row(v: View, item: str, sig: frozenset[str]) -> VCell | None:
    names = _names(item)
    if "项" not in names:
        return None
    cands = [c for c in v.cells if c.key.level == 3 and c.key.name == names["项"] and c.sig == sig]
    if len(cands) > 1 and "款" in names:
        parents = {c.key.code for c in v.cells if c.key.level == 2 and c.key.name == names["款"]}
        cands = [c for c in cands if c.key.code[:5] in parents]
    return cands[0] if len(cands) == 1 else None


def _compare_said(s: Said, cell: VCell, v: View, flagged: set[int]) -> Iterator[Finding]:
    q = s.q
    if q.dimension != "money":
        return
    fv = (
        same_figure(q, cell.q)
        if tol.factor(q) == tol.factor(cell.q)
        else (tol.OK if _iv(q).meets(_iv(cell.q)) else tol.ERROR)
    )
    if fv == tol.OK:
        return
    flagged.add(id(s.claim))
    where = f"{v.name}“{cell.label or cell.key.code}”" + (f"（{'/'.join(sorted(cell.sig))}列）" if cell.sig else "")
    sec = s.sections[-1] if s.sections else "正文"
    expl = f"“{sec}”一节写 {s.lead}{_show(q)}，该节所述的{where}为 {_show(cell.q)}"
    if tol.factor(q) != tol.factor(cell.q):
        expl += f"（= {_fmt(tol.point(_in_unit(cell.q.base_value, q), q.decimals))}{q.unit}）"
    if fv == tol.WARNING:
        expl += "；相差末位一个单位"
    yield _finding(
        R_NARRATIVE, fv, s.claim.prov, q, s.claim.sentence, s.lead, cell.q.base_value, expl, [cell.fact.prov]
    )


def run_narrative(
    views: dict[str, View], said: list[Said], rules: dict[str, Any], flagged: set[int], decided: set[int]
) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "money":
            continue
        for r in rules.get("narrative", []):
            if r.get("no_item") and s.item:
                continue
            if not _in_section(s, r["section"]) or not re.search(r["lead"], s.lead):
                continue
            if r.get("sentence") and not re.search(r["sentence"], compact(s.claim.sentence)):
                continue
            sel = dict(r["target"])
            if sel.pop("col_from_lead", False):
                role = column_role(re.sub(r"^其中", "", s.lead))
                if role is None:
                    continue
                sel["col"] = [role]
            name_from_lead = sel.pop("name_from_lead", False)
            cells = select(views, sel)
            if name_from_lead:
                name = re.sub(r"\((类|款|项)\)$", "", s.lead)
                cells = [c for c in cells if c.key.name == name]
            if not cells:
                continue
            decided.add(id(s.claim))
            yield from _compare_said(s, cells[0], views[sel["table"]], flagged)
            break
        else:
            if not s.item:
                continue
            for r in rules.get("item", []):
                if not _in_section(s, r["section"]) or not re.search(r["lead"], s.lead):
                    continue
                v = views.get(r["target"]["table"])
                if v is None:
                    continue
                cell = _item_row(v, s.item, frozenset(r["target"].get("col", [])))
                if cell is None:
                    continue
                decided.add(id(s.claim))
                yield from _compare_said(s, cell, v, flagged)
                break


NEAR_BLOCKS = 2  # a PDF reader may give each printed line its own paragraph


def _money_before(said: list[Said], s: Said, same_sentence: bool = False) -> list[Said]:
    """Money figures before s in its neighbourhood: same section, at most NEAR_BLOCKS paragraphs back."""
    return [
        x
        for x in said
        if x.q.dimension == "money"
        and x.order < s.order
        and s.order[0] - NEAR_BLOCKS <= x.order[0]
        and x.sections == s.sections
        and x.item == s.item
        and (not same_sentence or x.claim.sentence == s.claim.sentence)
    ]


def _adjacent(a: Claim, b: Claim, doc: Document | None) -> bool:
    """Only a few words, no other figure and no sentence end, stand between a and b ("…万元，占")."""
    pa, pb = a.prov, b.prov
    if doc is None or pa.block is None or pb.block is None or pa.span is None or pb.span is None:
        return a.sentence == b.sentence
    blocks = doc.blocks
    if pa.block == pb.block:
        gap = blocks[pa.block].text[pa.span[1] : pb.span[0]] if isinstance(blocks[pa.block], Paragraph) else ""
    elif pa.block == pb.block - 1 and isinstance(blocks[pa.block], Paragraph) and isinstance(blocks[pb.block], Paragraph):
        gap = blocks[pa.block].text[pa.span[1] :] + blocks[pb.block].text[: pb.span[0]]
    else:
        return False
    gap = compact(gap)
    return len(gap) <= 20 and not re.search(r"\d|[。；;]", gap)


def run_shares(
    views: dict[str, View], said: list[Said], rules: dict[str, Any], decided: set[int], doc: Document | None = None
) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "percent" or id(s.claim) in decided:
            continue
        m = re.search(r"占(.*?)的?$", s.lead)
        if not m:
            continue
        phrase = m.group(1)
        for r in rules.get("share", []):
            if not _in_section(s, r["section"]):
                continue
            if phrase and r.get("phrase") != phrase or r.get("phrase") and not phrase:
                continue
            nums = _money_before(said, s)
            wholes = select(views, r["whole"])
            if not nums or not wholes or not _adjacent(nums[-1].claim, s.claim, doc):
                continue
            num, whole = nums[-1], wholes[0]
            decided.add(id(s.claim))
            comp = tol.percent(_iv(num.q), _iv(whole.q))
            verdict = tol.verdict(s.q, comp)
            if verdict == tol.OK:
                break
            if comp is None:
                yield _finding(
                    R_SHARE,
                    "info",
                    s.claim.prov,
                    s.q,
                    s.claim.sentence,
                    num.lead,
                    None,
                    f"{num.lead}占比的分母 {_show(whole.q)} 为零，无法计算",
                    [num.claim.prov, whole.fact.prov],
                )
                break
            exact = num.q.base_value / whole.q.base_value * 100 if whole.q.base_value else comp.mid
            sec = s.sections[-1] if s.sections else "正文"
            expl = (
                f"“{sec}”一节：{num.lead} {_show(num.q)} ÷ {views[r['whole']['table']].name}“{whole.label}” "
                f"{_show(whole.q)} = {_fmt(tol.point(exact, max(s.q.decimals, 2)))}%，报告写 {_show(s.q)}"
            )
            if verdict == tol.WARNING:
                expl += "；按截尾（非四舍五入）可得所写数值，疑为截尾"
            yield _finding(
                R_SHARE,
                verdict,
                s.claim.prov,
                s.q,
                s.claim.sentence,
                num.lead,
                exact,
                expl,
                [num.claim.prov, whole.fact.prov],
                f"{_fmt(num.q.value)} ÷ {_fmt(whole.q.value)} × 100",
            )
            break


_UP = ("增加", "增长", "上升", "提高")
_DOWN = ("减少", "下降", "降低")


def run_changes(said: list[Said], flagged: set[int], decided: set[int]) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "percent" or id(s.claim) in decided:
            continue
        m = re.search(r"(增加|增长|上升|减少|下降|降低)$", s.lead)
        if not m or not re.search(r"比|相比|较", s.claim.sentence):
            continue
        up = m.group(1) in _UP
        before = _money_before(said, s)
        deltas = [x for x in before if re.search(r"(增加|减少)了?$", x.lead) and x.claim.sentence == s.claim.sentence]
        if deltas:
            d = deltas[-1]
            curs = [x for x in before if x.order < d.order and not re.search(r"(增加|减少)了?$", x.lead)]
            if not curs or id(curs[-1].claim) in flagged:
                continue
            cur = curs[-1]
            base = _iv(cur.q) - _iv(d.q) if up else _iv(cur.q) + _iv(d.q)
            comp = tol.percent(_iv(d.q), base)
            how = f"{_fmt(d.q.value)} ÷ ({_fmt(cur.q.value)} {'−' if up else '+'} {_fmt(d.q.value)})"
            related = [d.claim.prov, cur.claim.prov]
            exact = (
                None
                if comp is None
                else d.q.base_value
                / (cur.q.base_value - d.q.base_value if up else cur.q.base_value + d.q.base_value)
                * 100
                if (cur.q.base_value - d.q.base_value if up else cur.q.base_value + d.q.base_value)
                else None
            )
        else:
            same = _money_before(said, s, same_sentence=True)
            if len(same) < 2 or not re.search(r"执行数|上年|上一年|20\d\d年", same[-2].lead):
                continue
            prev, cur = same[-2], same[-1]
            if id(cur.claim) in flagged or id(prev.claim) in flagged:
                continue
            if (cur.q.base_value > prev.q.base_value and not up) or (cur.q.base_value < prev.q.base_value and up):
                comp = None
                exact = None
            comp = tol.percent((_iv(cur.q) - _iv(prev.q)) if up else (_iv(prev.q) - _iv(cur.q)), _iv(prev.q))
            how = f"|{_fmt(cur.q.value)} − {_fmt(prev.q.value)}| ÷ {_fmt(prev.q.value)}"
            related = [prev.claim.prov, cur.claim.prov]
            exact = (abs(cur.q.base_value - prev.q.base_value) / prev.q.base_value * 100) if prev.q.base_value else None
        decided.add(id(s.claim))
        verdict = tol.verdict(s.q, comp)
        if verdict == tol.OK:
            continue
        if verdict == tol.INFO:
            yield _finding(
                R_CHANGE,
                "info",
                s.claim.prov,
                s.q,
                s.claim.sentence,
                s.lead,
                None,
                f"上年数为零，“{s.lead}{_show(s.q)}”的增幅无法计算（{how}）",
                related,
            )
            continue
        expl = f"增减幅度应为 {how} = {_fmt(tol.point(exact, max(s.q.decimals, 2))) if exact is not None else '?'}%，报告写 {_show(s.q)}"
        if verdict == tol.WARNING:
            expl += "；按截尾可得所写数值，疑为截尾"
        yield _finding(R_CHANGE, verdict, s.claim.prov, s.q, s.claim.sentence, s.lead, exact, expl, related, how)


def run_rates(said: list[Said], flagged: set[int], decided: set[int]) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "percent" or id(s.claim) in decided:
            continue
        m = re.search(r"(年初|全年|调整)?预算(数)?的$", s.lead)
        if not m:
            continue
        before = _money_before(said, s)
        finals = [x for x in before if re.search(r"决算(数)?为?$", x.lead)]
        budgets = [x for x in before if re.search(r"预算(数)?为$", x.lead)]
        if not finals or not budgets or id(finals[-1].claim) in flagged:
            continue
        fin = finals[-1]
        word = m.group(1) or ""
        named = [b for b in budgets if word and word in b.lead]
        bud = named[-1] if named else budgets[-1]
        decided.add(id(s.claim))
        comp = tol.percent(_iv(fin.q), _iv(bud.q))
        verdict = tol.verdict(s.q, comp)
        if verdict == tol.OK:
            continue
        others = [b for b in budgets if b is not bud and b.q.base_value]
        alt = next((b for b in others if tol.verdict(s.q, tol.percent(_iv(fin.q), _iv(b.q))) == tol.OK), None)
        if alt is not None:
            yield _finding(
                R_RATE,
                "warning",
                s.claim.prov,
                s.q,
                s.claim.sentence,
                s.lead,
                fin.q.base_value / alt.q.base_value * 100,
                f"写“{s.lead}{_show(s.q)}”，但{bud.lead}{_show(bud.q)}；所写比例等于 {_show(fin.q)} ÷ {alt.lead}{_show(alt.q)}，"
                f"措辞与所用预算数不符",
                [fin.claim.prov, bud.claim.prov, alt.claim.prov],
            )
            continue
        if verdict == tol.INFO:
            yield _finding(
                R_RATE,
                "info",
                s.claim.prov,
                s.q,
                s.claim.sentence,
                s.lead,
                None,
                f"{bud.lead}{_show(bud.q)}，完成预算的比例无法计算",
                [fin.claim.prov, bud.claim.prov],
            )
            continue
        exact = fin.q.base_value / bud.q.base_value * 100
        expl = f"完成比例应为 {_show(fin.q)} ÷ {_show(bud.q)} = {_fmt(tol.point(exact, max(s.q.decimals, 2)))}%，报告写 {_show(s.q)}"
        if verdict == tol.WARNING:
            expl += "；按截尾（非四舍五入）可得所写数值，疑为截尾"
        yield _finding(
            R_RATE,
            verdict,
            s.claim.prov,
            s.q,
            s.claim.sentence,
            s.lead,
            exact,
            expl,
            [fin.claim.prov, bud.claim.prov],
            f"{_fmt(fin.q.value)} ÷ {_fmt(bud.q.value)} × 100",
        )


# ------------------------------------------------------------------ structure


def run_structure(outline: list[OutlineEntry], facts: list[Fact]) -> Iterator[Finding]:
    body = {identify_table(e.text) for e in outline if e.kind == "table"}
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prov.table is not None:
            by_table[f.prov.table].append(f)
    zero = Quantity(Decimal(0), "", Decimal(0), "", "unknown", 0, "")
    seen: set[str] = set()
    for e in outline:
        if e.kind != "toc":
            continue
        kind = identify_table(e.text)
        if kind is None or kind in body or kind in seen:
            continue
        seen.add(kind)
        yield Finding(
            rule=R_TOC.id,
            severity="warning",
            prov=e.prov,
            subject=KIND_NAMES.get(kind, e.text),
            stated_text=e.text,
            explanation=f"目录列出“{e.text}”，正文中未找到该表（无数据的表也应保留表样并注明本表无数据）",
            unit=zero.unit,
        )
    last_table: OutlineEntry | None = None
    for e in outline:
        if e.kind == "table":
            last_table = e
        elif e.kind == "heading" and (e.level or 9) <= 2:
            last_table = None
        elif e.kind == "note" and last_table is not None and last_table.prov.table is not None:
            if not re.search(r"本表无数据|空表|故本表", e.text):
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
                    f"（如 {_show(nonzero[0].quantity)}）",
                    related=[nonzero[0].prov],
                )
            last_table = None


# ------------------------------------------------------------------ entry point


def check(ctx: Context) -> Iterator[Finding]:
    rules = load_rules()
    doc = getattr(ctx, "doc", None)
    views = build_views(ctx.facts, doc)
    flagged: set[int] = set()
    decided: set[int] = set()
    if views:
        yield from run_sums(views, rules.get("sum", []))
        yield from run_columns(views, rules.get("columns", []))
        yield from run_hierarchy(views, rules.get("hierarchy", []))
        yield from run_cross(views, rules.get("cross", []))
        said = narrative(ctx.claims, ctx.outline, doc)
        yield from run_narrative(views, said, rules, flagged, decided)
        yield from run_shares(views, said, rules, decided, doc)
        if any(k.startswith(("js.", "ys.")) for k in views):
            yield from run_changes(said, flagged, decided)
            yield from run_rates(said, flagged, decided)
        for c in ctx.claims:
            if id(c) in decided:
                ctx.mark(c)
    yield from run_structure(ctx.outline, ctx.facts)
