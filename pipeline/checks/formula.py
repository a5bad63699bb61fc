"""formula — a table's own column formulas, row by row.

Many 决算 and debt tables print a header row that names the columns and says how they relate
(`公式 | A=B+C | B | C | D=E+F | E | F`, `栏次 | 1 | 2 | 3=1+2`, `4=3/2`). Such a formula is the table's
own statement of which columns are parts of which: no reading of the structure is needed, so a row that
breaks it beyond rounding is an error. A row where a named column is blank is not judged.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from extractors.model import Fact
from pipeline import tolerance as tol
from pipeline.checks.base import Context, Figure, fact_figure, fmt, make_finding, rule
from pipeline.findings import Finding

FAMILY = "formula"
COLUMN = rule(
    FAMILY,
    "column",
    "error",
    "表中按表头公式计算的列与其分项列不符",
    "{subject}写 {stated}，按表头公式计算为 {expected}",
    "table",
    "arithmetic",
)
RULES = [COLUMN]

# A column name: a capital letter (with a digit: B1, B2 are the parts of B), a one- or two-digit 栏次 (bare or
# bracketed) or a circled number.
_TOKEN = r"(?:[A-Z]\d?|\d{1,2}|\(\d{1,2}\)|[①-⑳])"
_DEFINITION = regex.compile(
    rf"^(?P<name>{_TOKEN})=(?P<first>{_TOKEN})(?:(?P<op>[+\-])(?P<term>{_TOKEN}))+$"
    rf"|^(?P<name>{_TOKEN})=(?P<num>{_TOKEN})/(?P<den>{_TOKEN})(?:[*×x]100%?)?$"
)
_NAME = regex.compile(rf"^{_TOKEN}$")
# a caption that ends in its column's letter or formula: 上年末余额A, 本年末余额D=A+B-C, 执行率（C=B/A）. Only letters:
# a caption ending in a digit (指标1, 项目2) names no column.
_LETTERS = r"[A-Z]\d?"
_IN_CAPTION = regex.compile(
    rf"^(?P<caption>.*[\u4e00-\u9fff])[（(]?(?P<column>{_LETTERS}(?:=[A-Z\d+\-/*×x%]+)?)[）)]?$"
)


@dataclass(frozen=True)
class Formula:
    name: str
    terms: tuple[tuple[int, str], ...] = ()  # (+1 | -1, column name) for a sum
    ratio: tuple[str, str] | None = None  # (numerator, denominator) for a percentage
    implied: bool = False  # said by what the columns are (收入 | 支出 | 当年收支结余), not printed in the header


def _token(s: str) -> str:
    return s.strip("()")


def _normal(label: str) -> str:
    s = unicodedata.normalize("NFKC", label)
    return "".join(s.split()).replace("−", "-").replace("－", "-").replace("＋", "+")


def parse(label: str) -> Formula | str | None:
    """A column's formula, or its bare name, or None when the label names no column."""
    s = _normal(label)
    inside = _IN_CAPTION.match(s)
    if inside is not None and not _DEFINITION.match(s) and not _NAME.match(s):
        s = inside.group("column")
        if regex.search(r"(?<![A-Z])\d", s):
            return None  # 本年末余额D=A+10: a column's letter with a number is no formula of columns
    m = _DEFINITION.match(s)
    if m:
        name = _token(m.group("name"))
        if m.group("num"):
            return Formula(name, ratio=(_token(m.group("num")), _token(m.group("den"))))
        terms = [(1, _token(m.group("first")))]
        terms += [
            (-1 if op == "-" else 1, _token(t)) for op, t in zip(m.captures("op"), m.captures("term"), strict=True)
        ]
        return Formula(name, terms=tuple(terms))
    if _NAME.match(s):
        return _token(s)
    return None


def _column_names(facts: list[Fact]) -> dict[int, dict[int, Formula | str]]:
    """table → column → its name or formula, from the last column label of the table's cells; a table printing no
    formula but a fund's accounts by their names (收入 | 支出 | 当年收支结余 | 上年滚存结余 | 年末滚存结余) gets the
    formulas those names say."""
    out: dict[int, dict[int, Formula | str]] = defaultdict(dict)
    for f in facts:
        if f.prov.table is None or f.prov.col is None or not f.column_labels:
            continue
        parsed = parse(f.column_labels[-1])
        if parsed is not None:
            out[f.prov.table].setdefault(f.prov.col, parsed)
    for table, cols in _accounts_by_name(facts).items():
        if not any(isinstance(v, Formula) for v in out.get(table, {}).values()):
            out[table] = cols
    return {t: cols for t, cols in out.items() if any(isinstance(v, Formula) for v in cols.values())}


# a fund's accounts named by their columns: what each is, by the words of its header (its last one or two labels)
_ACCOUNTS = (
    ("收入", regex.compile(r"^(?:基金|本年|当年)?收入(?:合计)?$")),
    ("支出", regex.compile(r"^(?:基金|本年|当年)?支出(?:合计)?$")),
    ("当年结余", regex.compile(r"^(?:本年|当年)(?:收支)?结余$|^收支结余$")),
    ("上年滚存结余", regex.compile(r"^(?:上年末?|年初)(?:滚存)?结余$|^滚存结余›(?:上年末?|年初)$")),
    ("年末滚存结余", regex.compile(r"^年末(?:滚存)?结余$|^滚存结余›年末$")),
)
_ACCOUNT_FORMULAS = (
    Formula("当年结余", terms=((1, "收入"), (-1, "支出")), implied=True),
    Formula("年末滚存结余", terms=((1, "上年滚存结余"), (1, "当年结余")), implied=True),
)


def _accounts_by_name(facts: list[Fact]) -> dict[int, dict[int, Formula | str]]:
    found: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for f in facts:
        if f.prov.table is None or f.prov.col is None or not f.column_labels:
            continue
        labels = [_normal(x) for x in f.column_labels if _normal(x)]
        candidates = [labels[-1], "›".join(labels[-2:])] if labels else []
        for name, pattern in _ACCOUNTS:
            if any(pattern.match(c) for c in candidates):
                found[f.prov.table][name].add(f.prov.col)
    out: dict[int, dict[int, Formula | str]] = {}
    for table, named in found.items():
        if any(len(cols) != 1 for cols in named.values()):
            continue  # (a table of two years or two sides: which columns go together is not read)
        col = {name: next(iter(cols)) for name, cols in named.items()}
        cols: dict[int, Formula | str] = {c: name for name, c in col.items()}
        for formula in _ACCOUNT_FORMULAS:
            if formula.name in col and all(n in col for _s, n in formula.terms):
                cols[col[formula.name]] = formula
        if any(isinstance(v, Formula) for v in cols.values()):
            out[table] = cols
    return out


def _by_name(columns: dict[int, Formula | str]) -> dict[str, int]:
    """name → column; a name given to two columns names neither."""
    seen: dict[str, list[int]] = defaultdict(list)
    for col, v in columns.items():
        seen[v.name if isinstance(v, Formula) else v].append(col)
    return {name: cols[0] for name, cols in seen.items() if len(cols) == 1}


def _computed(formula: Formula, row: dict[int, Fact], names: dict[str, int]) -> tuple[tol.Interval, list[Fact]] | None:
    if formula.ratio is not None:
        num, den = (row.get(names.get(n, -1)) for n in formula.ratio)
        if num is None or den is None or num.quantity.base_unit != den.quantity.base_unit:
            return None
        pct = tol.percent(tol.base_interval(num.quantity), tol.base_interval(den.quantity))
        return None if pct is None else (pct, [num, den])
    parts: list[Fact] = []
    acc = tol.Interval.exact(Decimal(0))
    for sign, name in formula.terms:
        cell = row.get(names.get(name, -1))
        if cell is None:
            return None
        parts.append(cell)
        iv = tol.base_interval(cell.quantity)
        acc = acc + iv if sign > 0 else acc - iv
    return acc, parts


def _exact(formula: Formula, parts: list[Fact]) -> Decimal:
    """The formula on the printed figures, in the base unit (a percentage for a ratio)."""
    if formula.ratio is not None:
        return parts[0].quantity.base_value / parts[1].quantity.base_value * 100
    return sum((sign * p.quantity.base_value for (sign, _), p in zip(formula.terms, parts, strict=True)), Decimal(0))


def _expression(formula: Formula, parts: list[Fact]) -> str:
    if formula.ratio is not None:
        return f"{parts[0].quantity.text} ÷ {parts[1].quantity.text} × 100%"
    out = ""
    for (sign, _), cell in zip(formula.terms, parts, strict=True):
        out += ("" if not out else " + " if sign > 0 else " − ") + cell.quantity.text
    return out


def _label(formula: Formula) -> str:
    if formula.ratio is not None:
        return f"{formula.name}={formula.ratio[0]}/{formula.ratio[1]}"
    return formula.name + "=" + "".join(("+" if s > 0 else "-") + n for s, n in formula.terms).lstrip("+")


def check(ctx: Context) -> Iterator[Finding]:
    tables = _column_names(ctx.facts)
    if not tables:
        return
    rows: dict[tuple[int, int], dict[int, Fact]] = defaultdict(dict)
    for f in ctx.facts:
        if f.prov.table in tables and f.prov.row is not None and f.prov.col is not None:
            rows[(f.prov.table, f.prov.row)][f.prov.col] = f
    failing: dict[tuple[int, int], list[tuple[Figure, str, list[Fact]]]] = defaultdict(list)
    for (table, _row), cells in sorted(rows.items()):
        columns = tables[table]
        names = _by_name(columns)
        for col, formula in columns.items():
            total = cells.get(col)
            if not isinstance(formula, Formula) or total is None:
                continue
            got = _computed(formula, cells, names)
            if got is None:
                continue
            computed, parts = got
            is_pct = formula.ratio is not None
            if is_pct != (total.quantity.dimension == "percent"):
                continue
            if any(p.quantity.base_unit != total.quantity.base_unit for p in parts) and not is_pct:
                continue
            stated = tol.interval(total.quantity) if is_pct else tol.base_interval(total.quantity)
            if stated.meets(computed):
                continue
            failing[(table, col)].append((fact_figure(total, ctx.doc_year), _expression(formula, parts), parts))
    for (table, col), items in failing.items():
        formula = tables[table][col]
        assert isinstance(formula, Formula)
        fig, expr, parts = items[0]
        expected = _exact(formula, parts) / (1 if formula.ratio is not None else tol.factor(fig.quantity))
        finding = make_finding(
            COLUMN,
            "error",
            fig,
            f"{fig.subject or '该行'}写 {fig.quantity.text}，而{'各列之义' if formula.implied else '表头公式'} "
            f"{_label(formula)} 给出 {expr} = "
            f"{fmt(expected, fig.quantity.decimals)}{fig.quantity.unit}，两者不符",
            expected=expected,
            derivation=expr,
            related=[p.prov for p in parts],
        )
        if len(items) > 1:
            others = [it[0] for it in items[1:]]
            finding.explanation += (
                f"；该列另有{len(others)}行同样不符（"
                + "、".join(f"{o.prov.render()} {o.subject}" for o in others[:10])
                + ("…" if len(others) > 10 else "")
                + "）"
            )
            finding.related += [o.prov for o in others]
        yield finding
