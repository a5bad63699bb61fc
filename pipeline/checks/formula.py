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
# a movement of a fund's stock beside its year's balance, printed as a row (or column) of its own, not a 其中 part
_OTHER_MOVEMENT = regex.compile(r"转移收入|转移支出|上解|上级补助|下级上解|补助下级|调入|调出")
_ACCOUNT_FORMULAS = (
    Formula("当年结余", terms=((1, "收入"), (-1, "支出")), implied=True),
    Formula("年末滚存结余", terms=((1, "上年滚存结余"), (1, "当年结余")), implied=True),
)


def _accounts_by_name(facts: list[Fact]) -> dict[int, dict[int, Formula | str]]:
    found: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    moved: set[int] = set()
    for f in facts:
        if f.prov.table is None or f.prov.col is None or not f.column_labels:
            continue
        labels = [_normal(x) for x in f.column_labels if _normal(x)]
        candidates = [labels[-1], "›".join(labels[-2:])] if labels else []
        if labels and _OTHER_MOVEMENT.search(labels[-1]) and not labels[-1].startswith("其中"):
            moved.add(f.prov.table)
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
            if formula.name == "年末滚存结余" and table in moved:
                continue  # (收入 | 支出 | 当年结余 | 转移收入 | 年末滚存结余: the stock moves by more than the year's balance)
            if formula.name in col and all(n in col for _s, n in formula.terms):
                cols[col[formula.name]] = formula
        if any(isinstance(v, Formula) for v in cols.values()):
            out[table] = cols
    return out


_ROW_LEAD = regex.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])"
)


def _accounts_down(facts: list[Fact]) -> dict[int, dict[int, Formula | str]]:
    """table → row → its account or formula, for a table of funds across and their accounts down (项目 | 合计 |
    工伤保险基金 | … over 一、收入 | 二、支出 | 三、当年收支结余 | 四、年初滚存结余 | 五、年末滚存结余): the same identities
    hold in each column. A row's own label names it; a 其中 row names a part, never an account."""
    found: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    # the tables printing a movement of the stock beside the year's balance (转移收入, 上解上级支出), numbered or not
    movements: dict[int, set[bool]] = defaultdict(set)
    numbered_accounts: set[int] = set()
    for f in facts:
        if f.prov.table is None or f.prov.row is None or not f.row_labels:
            continue
        label = _normal(f.own_label or f.row_labels[-1])
        if label.startswith("其中"):
            continue
        numbered = bool(_ROW_LEAD.match(label))
        label = _ROW_LEAD.sub("", label)
        if _OTHER_MOVEMENT.search(label):
            movements[f.prov.table].add(numbered)
        for name, pattern in _ACCOUNTS:
            if pattern.match(label):
                found[f.prov.table][name].add(f.prov.row)
                if numbered:
                    numbered_accounts.add(f.prov.table)
    # 四、转移收入 among 一、本年收入 … 六、年末滚存结余 moves the stock; an unnumbered 转移支出 under 二、基金支出 is a part of
    # the spending (其中：社会保险待遇支出 | 转移支出 | 其他支出)
    moved = {t for t, kinds in movements.items() if True in kinds or t not in numbered_accounts}
    out: dict[int, dict[int, Formula | str]] = {}
    for table, named in found.items():
        if any(len(rows) != 1 for rows in named.values()):
            continue  # (two rows of one account: two years or two sides, not read)
        row = {name: next(iter(rows)) for name, rows in named.items()}
        rows: dict[int, Formula | str] = {r: name for name, r in row.items()}
        if table in moved:
            # 二、上级补助收入 | … | 七、本年收支结余, 四、转移收入 | … | 六、年末滚存结余: the balance and the stock move by
            # transfers printed at the accounts' own level, which layout counts them where is not read
            continue
        for formula in _ACCOUNT_FORMULAS:
            if formula.name in row and all(n in row for _s, n in formula.terms):
                rows[row[formula.name]] = formula
        if any(isinstance(v, Formula) for v in rows.values()):
            out[table] = rows
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
    yield from _judge(ctx, tables, across=False)
    down = {t: rows for t, rows in _accounts_down(ctx.facts).items() if t not in tables}
    yield from _judge(ctx, down, across=True)


def _judge(ctx: Context, tables: dict[int, dict[int, Formula | str]], across: bool) -> Iterator[Finding]:
    """Each line of the tables against the formulas their columns (or, across, their rows) say; a formula broken on
    several lines is one finding naming the others."""
    if not tables:
        return
    rows: dict[tuple[int, int], dict[int, Fact]] = defaultdict(dict)
    for f in ctx.facts:
        if f.prov.table in tables and f.prov.row is not None and f.prov.col is not None:
            line, place = (f.prov.col, f.prov.row) if across else (f.prov.row, f.prov.col)
            rows[(f.prov.table, line)][place] = f
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
    # across, each fund's column is its own figure: one finding each (a crossing may blame one of them on its cell)
    groups = [(k, [item]) for k, items in failing.items() for item in items] if across else list(failing.items())
    for (table, col), items in groups:
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
                f"；{'该行另有' if across else '该列另有'}{len(others)}{'列' if across else '行'}同样不符（"
                + "、".join(f"{o.prov.render()} {o.subject}" for o in others[:10])
                + ("…" if len(others) > 10 else "")
                + "）"
            )
            finding.related += [o.prov for o in others]
        yield finding
