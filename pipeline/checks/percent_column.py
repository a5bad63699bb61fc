"""percent_column — a percent column whose header says what it is of, row by row.

预算执行 and 决算 tables print beside their amounts a column that says in words how it is computed:
`决算数为调整预算数的%`, `完成2025年预算数的%`, `为上年决算数%` (a ratio), `比上年执行数增长%`, `同比增长（%）`
(a growth). The header names the columns; where both are found in the table, left of the percent column and
on its side of a two-sided table, each row's percent is checked against them. A ratio that cannot agree under
any rounding is an error. A growth is a warning: a 预算草案's growth is often on a comparable basis (同口径) the
printed base does not show. When most rows of a column disagree the header has been read wrong, or means a
basis the table does not print: one info for the column, nothing else.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

import regex

from extractors.model import Fact
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks.base import Context, fact_figure, fmt, make_finding, placed_facts_by_table, rule
from pipeline.checks.transposition import swaps
from pipeline.findings import Finding

FAMILY = "percent_column"
RATIO = rule(
    FAMILY,
    "ratio",
    "error",
    "表中“为…%”列与两列相除不符",
    "{subject}写 {stated}%，按表头应为 {expected}%",
    "table",
    "arithmetic",
)
GROWTH = rule(
    FAMILY,
    "growth",
    "warning",
    "表中“增长%”列与两列算出的增幅不符",
    "{subject}写 {stated}%，按表头应为 {expected}%",
    "table",
    "arithmetic",
)
DIFFERENCE = rule(
    FAMILY,
    "difference",
    "error",
    "表中“增减额”列与两年两列之差不符",
    "{subject}写 {stated}，按两列之差应为 {expected}",
    "table",
    "arithmetic",
)
UNREAD = rule(
    FAMILY,
    "unread",
    "info",
    "表中百分比列多数行与表头所述算式不符，未判定",
    "{subject}：该列多数行不符，疑表头含义与所读不同",
    "table",
    "arithmetic",
)
RULES = [RATIO, GROWTH, DIFFERENCE, UNREAD]

_PERCENT_MARK = regex.compile(r"[（(]?[%％][)）]?|百分比")
_UNIT = regex.compile(r"[（(][^（）()]*[元%％][^（）()]*[)）]")
_GROWTH = regex.compile(r"^(?P<num>.*?)(?:比|较|对比)(?P<base>.+?)(?:增长|增幅|增减|±)(?:率|幅度|比例)?$")
# 同比增长%: against the same column a year earlier. A bare 增长% is not read: in a draft's table (2025年预算数 |
# 2025年执行数 | 2026年预算数 | 增长%) it is most often over last year's 执行数, not over the column of its own name
# (同比% alone — its % stripped — heads the same growth)
_SAME_PERIOD = regex.compile(r"^(?P<num>.*?)同比(?:(?:增长|增幅|增减|±)(?:率|幅度|比例)?)?$")
_RATIO = regex.compile(r"^(?P<num>.*?)(?:为|占|完成)(?P<base>.+?)(?:的)?(?:比例|比重)?$")
_YEAR = regex.compile(r"(20\d\d)年")
_GROUP_TOTALS = frozenset(("小计", "合计", "总计"))
_MEASURE = regex.compile(r"执行|决算|完成|实际|预计|预算|累计")  # (本月 | 累计: the year so far is the outcome)
MOST = Decimal("0.5")  # a column where more than half the judged rows disagree is misread, not misprinted
MIN_ROWS_FOR_MOST = 3


@dataclass(frozen=True)
class Header:
    kind: str  # ratio | growth | difference
    numerator: str  # the named numerator column, "" when the header names none
    base: str  # the named base column; 上年 for 同比


def _normal(label: str) -> str:
    s = unicodedata.normalize("NFKC", label)
    s = "".join(s.split())
    return _UNIT.sub("", s)


def parse_header(label: str) -> Header | None:
    """What a percent column's header says it is, or None when it names no computation."""
    s = "".join(unicodedata.normalize("NFKC", label).split())
    if not _PERCENT_MARK.search(s):
        return None
    s = _PERCENT_MARK.sub("", _normal(s))
    m = _SAME_PERIOD.match(s)
    if m:
        return Header("growth", m.group("num"), "上年")
    m = _GROWTH.match(s)
    if m:
        return Header("growth", m.group("num"), m.group("base"))
    m = _RATIO.match(s)
    if m and m.group("base"):
        return Header("ratio", m.group("num"), m.group("base"))
    return None


_BARE_GROWTH = regex.compile(r"^(?:增减|增长|增幅|变动)(?:率|幅度)?$")
_GROUP_GROWTH = regex.compile(r"^(?:.*?)(?:比|较|对比)(?P<base>.+?)(?:增减|增长|变动)(?:情况)?$")


def _under_growth_group(pct: Column) -> Header | None:
    """比上年增减 › 增减额 | 增减% (or 2026年预算数比2025年预算数增减 › …): a bare 增减% under a group header that names
    the base; its numerator is the nearest this-year amount left of it (the 小计 of a split year)."""
    leaf = _PERCENT_MARK.sub("", _normal(pct.leaf))
    if not _PERCENT_MARK.search(_normal(pct.leaf)) or not _BARE_GROWTH.match(leaf):
        return None
    m = _GROUP_GROWTH.match(_normal(pct.group))
    return Header("growth", "", m.group("base")) if m else None


def _leaf(f: Fact) -> str:
    """A cell's column as printed for people: its last label that is not a 栏次 number."""
    named = [x.strip() for x in f.column_labels if x.strip() and not is_column_marker(x)]
    return named[-1] if named else (f.column_labels[-1].strip() if f.column_labels else "")


def _name(label: str, year: int | None) -> str:
    """A column name to match header words against: no spaces, units, 数/金额, with 上年/本年 as years."""
    s = _normal(label)
    if year is not None:
        s = s.replace("上年", f"{year - 1}年").replace("本年", f"{year}年").replace("当年", f"{year}年")
    for tail in ("金额", "数"):
        s = s.removesuffix(tail)
    return s.replace("决算数", "决算").replace("预算数", "预算").replace("执行数", "执行")


@dataclass
class Column:
    col: int
    leaf: str
    group: str  # the top label of a two-level header: 收入, 支出, 比较…
    percent: bool
    label_col: int  # the column holding its rows' labels: the left edge of its side of a two-sided table


def _columns(facts: list[Fact]) -> dict[int, Column]:
    """The table's columns by the labels, dimension and row-label column most of their cells have."""
    cells: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prov.col is not None and any(x.strip() for x in f.column_labels):
            cells[f.prov.col].append(f)
    out: dict[int, Column] = {}
    for col, fs in cells.items():
        # 预算数比上年执行数增长% › 3=(2-1)/1: a 栏次 row's column number names no column
        labels = Counter(
            tuple(x for x in f.column_labels if x.strip() and not is_column_marker(x)) for f in fs
        ).most_common(1)[0][0]
        if not labels:
            continue
        percent = sum(f.quantity.dimension == "percent" for f in fs) * 2 > len(fs)
        label_col = Counter(f.label_col if f.label_col is not None else -1 for f in fs).most_common(1)[0][0]
        out[col] = Column(col, labels[-1], labels[0] if len(labels) > 1 else "", percent, label_col)
    return out


def _left(pct: Column, columns: dict[int, Column], exclude: int | None) -> list[Column]:
    """The amount columns left of a percent column on its own side: past its rows' label column, and under
    its group where its group has amounts."""
    left = [c for c in columns.values() if pct.label_col < c.col < pct.col and not c.percent and c.col != exclude]
    if not pct.group:
        return left  # 上年执行数 | 2025年 › 预算数, 执行数 | 为预算%: a header over both rows stands under no group
    return [c for c in left if c.group == pct.group] if any(c.group == pct.group for c in left) else left


def _table_year(facts: list[Fact], doc_year: int | None) -> int | None:
    years = [int(y) for f in facts for y in _YEAR.findall(f.table_title)]
    return max(years) if years else doc_year


def _find(phrase: str, pct: Column, columns: dict[int, Column], year: int | None, avoid: int | None) -> int | None:
    """The nearest amount column left of the percent column, on its side, that the header's phrase names."""
    want = _name(phrase, year)
    if not want:
        return None
    sided = _left(pct, columns, avoid)
    for test in (
        lambda n: n == want,
        lambda n: n.endswith(want) and not n.removesuffix(want).endswith("年"),
        # 2025年预算数 | 2025年执行数 | 执行数为预算数的% in a table of 2025: the named columns are the table year's
        lambda n: year is not None and n == f"{year}年{want}",
    ):
        hits = [c for c in sided if any(test(n) for n in _names(c, year))]
        if hits:
            return max(hits, key=lambda c: c.col).col
    return None


def _names(c: Column, year: int | None) -> tuple[str, ...]:
    """A column by its own label and under its group's (2025年 › 预算数 is 2025年预算数)."""
    return (_name(c.leaf, year), _name(c.group + c.leaf, year)) if c.group else (_name(c.leaf, year),)


def _this_year(pct: Column, columns: dict[int, Column], year: int | None, base: int) -> int | None:
    """The numerator a header leaves unnamed: the nearest amount column left of it, not the base, not last year's."""
    sided = _left(pct, columns, base)
    prior = f"{year - 1}年" if year is not None else "上年"
    fresh = [c for c in sided if not any(p in n for n in _names(c, year) for p in (prior, "上年", "去年"))]
    if not fresh:
        return None
    nearest = max(fresh, key=lambda c: c.col)
    if len(fresh) == 1 or _MEASURE.search(nearest.leaf):
        return nearest.col
    # the nearest is an item, not a measure (本年支出 › 小计 | 基本支出 | 项目支出): the items' total, or none
    totals = [c for c in fresh if _normal(c.leaf) in _GROUP_TOTALS]
    return totals[0].col if len(totals) == 1 else None


def _same_period(pct: Column, columns: dict[int, Column], year: int | None) -> tuple[int, int] | None:
    """同比: the nearest this-year amount left of the column, and the column of the same name a year earlier
    (2025年完成数 and 2024年完成数)."""
    num = _this_year(pct, columns, year, -1)
    if num is None:
        return None
    name = _names(columns[num], year)[-1]
    m = _YEAR.search(name)
    if m:
        earlier = name.replace(m.group(0), f"{int(m.group(1)) - 1}年", 1)
    else:  # 执行数 beside 上年执行数: the unnamed year is the table's
        earlier = _name("上年" + name, year)
    hits = [c for c in _left(pct, columns, num) if earlier in _names(c, year)]
    if not hits:  # 1—6月 › 执行数 | … | 上年同期 | 同比增长%: the same stretch a year earlier, named so
        hits = [c for c in _left(pct, columns, num) if _SAME_STRETCH.search(_normal(c.leaf))]
    if not hits:
        # 收入决算数 | 上年决算数 | 增长% (本年决算数 | 上年决算数): last year's named by the measure alone
        own = _name(columns[num].leaf, None)
        hits = [
            c
            for c in _left(pct, columns, num)
            if (n := _normal(c.leaf)).startswith(("上年", "去年"))
            and len(_name(n[2:], None)) >= 2
            and own.endswith(_name(n[2:], None))
        ]
    return (num, max(hits, key=lambda c: c.col).col) if len(hits) == 1 else None


_SAME_STRETCH = regex.compile(r"^(?:上年|去年)同期(?:累计)?(?:数|执行数|完成数)?$")
_YEAR_BUDGET = regex.compile(r"(?:年度|全年)预算(?:数)?")


def _the_one_budget(pct: Column, columns: dict[int, Column]) -> int | None:
    """占年度预算% beside one budget column (年初预算 | 1—6月 › 执行数 | 占年度预算%): the year's budget is that column;
    with two (年初预算 and 调整预算) which one is meant is not known. The budget may stand outside the percent's group."""

    def budgets(cols: list[Column]) -> list[Column]:
        return [c for c in cols if "预算" in _normal(c.leaf) and not _OUTCOME_WORD.search(c.leaf)]

    found = budgets(_left(pct, columns, None)) or budgets(
        [c for c in columns.values() if not c.percent and c.col < pct.col]
    )
    return found[0].col if len(found) == 1 else None


_OUTCOME_WORD = regex.compile(r"执行|决算|完成|实际|预计")


@dataclass
class Reading:
    header: Header
    numerator: int
    base: int
    base_row: int | None = None  # a share of a column's total: the base is this row's cell of column −1 − base


_BARE_SHARE = regex.compile(r"^(?:所占|占)?(?:合计|总额|总计)?(?:的)?(?:比例|比重|占比)$|^占比$")
_BARE_COMPLETION = regex.compile(r"^(?:完成率|完成比例|完成进度|完成)$")
# (预算数 | 决算数 | 完成%: what was spent over the budget, as 计划 | 实际 | 完成率 is what was done over the plan)
_ACTUAL_COLUMN = regex.compile(r"实际|完成值|完成数|完成量|决算数|执行数")
_PLAN_COLUMN = regex.compile(r"计划|目标|指标值|预算数")
_BARE_ARRIVAL = regex.compile(r"^(?:资金)?到位率$")
_ARRIVED_COLUMN = regex.compile(r"^(?:实际)?到位(?:资金|金额|数)?$")
_PLANNED_FUNDS_COLUMN = regex.compile(r"^(?:计划|预算|应到位)(?:投入|安排|下达)?(?:资金|金额|数)?$")


def _bare_share(pct: Column, columns: dict[int, Column], facts: list[Fact], year: int | None) -> Reading | None:
    """占比（%） beside an amount column whose 合计 row the table prints: each row's amount over that total."""
    if not _BARE_SHARE.match(_PERCENT_MARK.sub("", _normal(pct.leaf))):  # (a column of percents: its cells say so)
        return None
    sided = _left(pct, columns, None)
    prior = f"{year - 1}年" if year is not None else "上年"
    sided = [c for c in sided if not any(p in n for n in _names(c, year) for p in (prior, "上年", "去年"))]
    # 决算数 | 基本支出 | 项目支出 | 占比（%）: the row's amount, not a part of it
    amounts = [c for c in sided if _MEASURE.search(c.leaf) or _normal(c.leaf) in _GROUP_TOTALS or "金额" in c.leaf]
    if len(amounts) != 1 and not (not amounts and len(sided) == 1):
        return None
    num = (amounts or sided)[0].col
    totals = {
        f.prov.row
        for f in facts
        if f.prov.col == num and f.row_labels and _normal(f.row_labels[-1]) in _GROUP_TOTALS - {"小计"}
    }
    if len(totals) != 1:
        return None
    # (the base stands in no column of the row: a column number no cell has, its cell the total row's)
    return Reading(Header("ratio", columns[num].leaf, "合计"), num, -1 - num, totals.pop())


def _bare_completion(pct: Column, columns: dict[int, Column]) -> Reading | None:
    """年度计划值 | 实际完成值 | 完成率（%）: what was done over what was planned, the one column of each left of it (计划投入
    | 到位资金 | 到位率（%）: what arrived over what was planned)."""
    leaf = _PERCENT_MARK.sub("", _normal(pct.leaf))
    if _BARE_COMPLETION.match(leaf):
        done_words, plan_words = _ACTUAL_COLUMN, _PLAN_COLUMN
    elif _BARE_ARRIVAL.match(leaf):
        done_words, plan_words = _ARRIVED_COLUMN, _PLANNED_FUNDS_COLUMN
    else:
        return None
    sided = _left(pct, columns, None)
    done = [c for c in sided if done_words.search(_normal(c.leaf))]
    plan = [c for c in sided if plan_words.search(_normal(c.leaf)) and c not in done]
    if len(done) != 1 or len(plan) != 1:
        return None
    return Reading(Header("ratio", done[0].leaf, plan[0].leaf), done[0].col, plan[0].col)


def _bare_growth_over_last_year(pct: Column, columns: dict[int, Column], year: int | None) -> Reading | None:
    """执行数 | … | 上年执行数 | 增长%: a bare 增长% in a table that prints a column named 上年 beside this year's column of
    the same name is this year's over that one (not where the columns are named by year alone: 2025年预算数 | 2025年执行数 |
    2026年预算数 | 增长% is most often over last year's 执行数)."""
    leaf = _PERCENT_MARK.sub("", _normal(pct.leaf))
    if pct.group or not _a_rate(pct) or not _BARE_GROWTH.match(leaf):
        return None
    found = _same_period(pct, columns, year)
    if found is None or "上年" not in _normal(columns[found[1]].leaf):
        return None
    return Reading(Header("growth", "", "上年"), *found)


def _bare_growth_between_years(pct: Column, columns: dict[int, Column], year: int | None = None) -> Reading | None:
    """2025年执行数 | 2026年预算数 | 增长%: a bare 增长% (or 增减率（%）) after the amount columns of two consecutive years
    (`_two_years`) is the later year's over the earlier's (with two columns of the earlier year, which one is meant is
    not known)."""
    leaf = _PERCENT_MARK.sub("", _normal(pct.leaf))
    if pct.group or not _a_rate(pct) or not _BARE_GROWTH.match(leaf):
        return None
    # (上年决算数 | 本年决算数 | 增减率: 上年 and 本年 are two consecutive years whatever the table's year)
    pair = _two_years(pct, columns, None) or _two_years(pct, columns, year or _ANY_YEAR)
    if pair is None:
        return None
    early, late = pair
    return Reading(Header("growth", "", early.leaf), late.col, early.col)


_ANY_YEAR = 2050  # (a year _YEAR reads, its year before too)


def _growth_under_a_years_head(
    pct: Column, columns: dict[int, Column], facts: list[Fact], year: int | None
) -> Reading | None:
    """2024年 › 预算数 | 执行数 | 完成% | 2025年预算 › 金额 | 增长%: a bare 增长% under a year's head is that year's amount
    over one of the year before's. Which one the table does not say; the rows do: the base under which the column
    holds (all rows but a slip's) where the other base fails on most rows. None when the rows do not tell."""
    leaf = _PERCENT_MARK.sub("", _normal(pct.leaf))
    years = {int(y) for y in _YEAR.findall(_normal(pct.group))}
    if not pct.group or len(years) != 1 or not _a_rate(pct) or not _BARE_GROWTH.match(leaf):
        return None
    late = [c for c in columns.values() if c.group == pct.group and c.col < pct.col and not c.percent]
    earlier = f"{min(years) - 1}年"
    # (2024年 › 预算数 | 执行数, or 2024年执行数 printed over both header rows)
    early = [
        c
        for c in columns.values()
        if c.col < pct.col and not c.percent and c.group != pct.group and _normal(c.group + c.leaf).startswith(earlier)
    ]
    if len(late) != 1 or not early:
        return None
    rows: dict[int, dict[int, Fact]] = defaultdict(dict)
    for f in facts:
        rows[f.prov.row or 0][f.prov.col or 0] = f
    fails: dict[int, tuple[int, int]] = {}
    for base in early:
        reading = Reading(Header("growth", late[0].leaf, base.leaf), late[0].col, base.col)
        judged = failing = 0
        for cells in rows.values():
            num, den, stated = cells.get(late[0].col), cells.get(base.col), cells.get(pct.col)
            comp = _computed(reading, num, den, stated) if num and den and stated else None
            if comp is None or stated is None or stated.quantity.dimension != "percent":
                continue
            judged += 1
            failing += _verdict(stated, comp) != tol.OK
        fails[base.col] = (judged, failing)
    fitting = [
        c for c, (judged, failing) in fails.items() if judged >= MIN_ROWS_FOR_MOST and failing <= max(1, judged // 4)
    ]
    if len(fitting) != 1 or any(failing * 2 <= judged for c, (judged, failing) in fails.items() if c != fitting[0]):
        return None
    return Reading(Header("growth", late[0].leaf, columns[fitting[0]].leaf), late[0].col, fitting[0])


def _a_rate(pct: Column) -> bool:
    """A column headed as a percentage (增长%, 增减率（%）) or by a rate's name (增减率, 增长率): 增减 alone may be an amount."""
    leaf = _normal(pct.leaf)
    return bool(_PERCENT_MARK.search(leaf)) or leaf.endswith("率")


_BARE_DIFFERENCE = regex.compile(r"^(?:比上年)?(?:增减|增减额|增减金额|增加额|增减数|变动额|差额)$")


def _bare_difference(col: Column, columns: dict[int, Column], year: int | None) -> Reading | None:
    """2024年预算数 | 2025年预算数 | 增减额 (or 上年数 | 本年数 | 增减): an amount column of changes after exactly two amount
    columns of consecutive years is the later year's less the earlier's, row by row."""
    leaf = _normal(col.leaf)
    if col.percent or not (
        _BARE_DIFFERENCE.match(leaf) or (_BARE_GROWTH.match(leaf) and _GROUP_GROWTH.match(col.group))
    ):
        return None
    pair = _two_years(replace(col, group=""), columns, year)
    if pair is None:
        # 执行数 | … | 上年执行数 | 增减额: this year's column less the one of the same name printed as last year's
        found = _same_period(col, columns, year) if not col.group else None
        if found is None or "上年" not in _normal(columns[found[1]].leaf):
            return None
        return Reading(Header("difference", columns[found[0]].leaf, columns[found[1]].leaf), *found)
    early, late = pair
    return Reading(Header("difference", late.leaf, early.leaf), late.col, early.col)


def _two_years(col: Column, columns: dict[int, Column], year: int | None) -> tuple[Column, Column] | None:
    """The amount columns of two consecutive years left of a column of changes (the earlier, the later), the other
    change columns beside it (增减额 before 增减率) aside; a year split under its head (2025年预算数 › 合计 | 基本支出 |
    项目支出) by its 合计; a year's 其中 columns (2024年末余额 | 其中：一般债务 | 其中：专项债务) are its parts, never the
    amount compared. None when the columns are not so."""
    sided = [
        c
        for c in _left(col, columns, None)
        if not _BARE_DIFFERENCE.match(_normal(c.leaf)) and not _normal(c.leaf).startswith("其中")
    ]
    years = {c.col: {int(y) for n in _names(c, year) for y in _YEAR.findall(n)} for c in sided}
    if any(len(y) != 1 for y in years.values()):
        return None
    by_year: dict[int, list[Column]] = defaultdict(list)
    for c in sided:
        by_year[min(years[c.col])].append(c)
    if len(by_year) != 2:
        return None
    early, late = (cs[0] if len(cs) == 1 else _the_total(cs) for _y, cs in sorted(by_year.items()))
    if early is None or late is None or min(years[late.col]) - min(years[early.col]) != 1:
        return None
    return early, late


def _the_total(columns: list[Column]) -> Column | None:
    totals = [c for c in columns if _normal(c.leaf) in _GROUP_TOTALS]
    return totals[0] if len(totals) == 1 else None


def _readings(facts: list[Fact], doc_year: int | None) -> dict[int, Reading]:
    columns = _columns(facts)
    year = _table_year(facts, doc_year)
    out: dict[int, Reading] = {}
    for pct in columns.values():
        if not pct.percent:
            difference = _bare_difference(pct, columns, year)
            if difference is not None:
                out[pct.col] = difference
            continue
        bare = _bare_share(pct, columns, facts, year) or _bare_completion(pct, columns)
        if bare is not None:
            out[pct.col] = bare
            continue
        header = parse_header(pct.leaf)
        if header is None and (header := _under_growth_group(pct)) is not None:
            pct = replace(pct, group="")  # its group is the growth's own (增减额 | 增减%): the amounts stand outside it
        if header is None and pct.group and (header := parse_header(pct.group + pct.leaf)) is not None:
            pct = replace(pct, group="")  # 决算数为 › 调整预算数的%: one header printed over two rows
        if header is None:
            bare = (
                _bare_growth_over_last_year(pct, columns, year)
                or _bare_growth_between_years(pct, columns, year)
                or _growth_under_a_years_head(pct, columns, facts, year)
            )
            if bare is not None:
                out[pct.col] = bare
            continue
        if header.base == "上年":
            found = _same_period(pct, columns, year)
            if found is not None:
                out[pct.col] = Reading(header, *found)
            continue
        base = _find(header.base, pct, columns, year, None)
        if base is None and _YEAR_BUDGET.fullmatch(_normal(header.base)):
            base = _the_one_budget(pct, columns)
        if base is None:
            continue
        if header.numerator:
            num = _find(header.numerator, pct, columns, year, base)
        else:
            num = _this_year(pct, columns, year, base)
        if num is not None:
            out[pct.col] = Reading(header, num, base)
    return out


def _computed(reading: Reading, num: Fact, base: Fact, stated: Fact) -> tol.Interval | None:
    """The percent the reading computes, or for a difference the amount in the stated cell's unit."""
    if reading.header.kind == "difference":
        if not num.quantity.base_unit == base.quantity.base_unit == stated.quantity.base_unit:
            return None
        diff = tol.base_interval(num.quantity) - tol.base_interval(base.quantity)
        return diff.scale(Decimal(1) / tol.factor(stated.quantity))
    if num.quantity.base_unit != base.quantity.base_unit or base.quantity.value <= 0 or num.quantity.value < 0:
        return None
    pct = tol.percent(tol.base_interval(num.quantity), tol.base_interval(base.quantity))
    if pct is None:
        return None
    return pct if reading.header.kind == "ratio" else pct - tol.Interval.exact(Decimal(100))


def _exact(reading: Reading, num: Fact, base: Fact, stated: Fact) -> Decimal:
    if reading.header.kind == "difference":
        return (num.quantity.base_value - base.quantity.base_value) / tol.factor(stated.quantity)
    pct = num.quantity.base_value / base.quantity.base_value * 100
    return pct if reading.header.kind == "ratio" else pct - 100


def check(ctx: Context) -> Iterator[Finding]:
    for facts in placed_facts_by_table(ctx.facts).values():
        rows: dict[int, dict[int, Fact]] = defaultdict(dict)
        for f in facts:
            rows[f.prov.row or 0][f.prov.col or 0] = f
        yield from _growth_down_the_years(ctx, facts, rows)
        readings = _readings(facts, ctx.doc_year)
        if not readings:
            continue
        found: list[Finding] = []
        for col, reading in readings.items():
            total = rows.get(reading.base_row, {}).get(-1 - reading.base) if reading.base_row is not None else None
            if reading.base_row is not None and total is None:
                continue
            lines = [cells for _, cells in sorted(rows.items()) if col in cells]
            if total is not None:  # a share of the column's total: every row's base is that one cell
                lines = [{**cells, reading.base: total} for cells in lines]
            found += _column(ctx, reading, lines, col)
        yield from _one_amount_out(ctx, found, rows, readings)


# a row of one year (2023年, 2025年（预计）, 2024年度): a table of years down the rows
_YEAR_ROW = regex.compile(r"^(20\d\d)年度?(?:[（(][^（）()]{1,6}[)）])?$")
_GROWTH_COLUMN = regex.compile(r"^(?:比上年|较上年|同比)?(?:增减|增长|增幅)(?:率|幅度)?$")


def _growth_down_the_years(ctx: Context, facts: list[Fact], rows: dict[int, dict[int, Fact]]) -> Iterator[Finding]:
    """年度 | 收入 | 增长% | 支出 | 增长% over 2023年 | 2024年 | 2025年（预计）: each year's growth is over the row of the
    year before it, in the amount column left of the growth column."""
    years: dict[int, int] = {}  # row → its year
    for row, cells in rows.items():
        f = next(iter(cells.values()))
        m = _YEAR_ROW.match("".join((f.own_label or (f.row_labels[-1] if f.row_labels else "")).split()))
        if m is not None:
            years[row] = int(m.group(1))
    if len(years) < 2 or len(set(years.values())) != len(years):
        return
    by_year = {y: r for r, y in years.items()}
    columns = _columns(facts)
    for pct in columns.values():
        leaf = _PERCENT_MARK.sub("", _normal(pct.leaf))
        if not pct.percent or not _PERCENT_MARK.search(_normal(pct.leaf)) or not _GROWTH_COLUMN.match(leaf):
            continue
        amounts = [c for c in columns.values() if c.col < pct.col and not c.percent]
        if not amounts:
            continue
        amount = max(amounts, key=lambda c: c.col).col
        lines = []
        for row, year in sorted(years.items()):
            cells, before = rows[row], rows.get(by_year.get(year - 1, -1), {})
            if pct.col in cells and amount in cells and amount in before:
                lines.append({pct.col: cells[pct.col], amount: cells[amount], -1 - amount: before[amount]})
        reading = Reading(Header("growth", "", "上年"), amount, -1 - amount)
        for found in _column(ctx, reading, lines, pct.col) if lines else ():
            # (the row names only its year: the finding names the year's amount, 2023年支出)
            yield replace(found, subject=f"{found.subject}{_leaf(rows[found.prov.row or 0][amount])}")


def _one_amount_out(
    ctx: Context, found: list[Finding], rows: dict[int, dict[int, Fact]], readings: dict[int, Reading]
) -> list[Finding]:
    """Two percent columns of a row out, both computed from one amount that, its two adjacent digits swapped, makes
    every percent column of the row right (城市维护建设税 执行数 27,350: 完成预算% 102.0 and 比上年增长% 4.5 both fit
    27,530): the amount is the figure out of line — one finding on it instead of one on each percent."""
    by_row: dict[int, list[Finding]] = defaultdict(list)
    for f in found:
        if f.rule != UNREAD.id and f.severity != "info":
            by_row[f.prov.row or 0].append(f)
    out = [f for f in found if f.rule == UNREAD.id or f.severity == "info"]
    for row, fs in by_row.items():
        cells = rows.get(row, {})
        merged = _swapped_amount(ctx, fs, cells, readings) if len(fs) >= 2 else None
        out += [merged] if merged is not None else fs
    return out


def _swapped_amount(
    ctx: Context, fs: list[Finding], cells: dict[int, Fact], readings: dict[int, Reading]
) -> Finding | None:
    shared = set.intersection(*({(p.col or 0) for p in f.related} for f in fs))
    for col in sorted(shared):
        amount = cells.get(col)
        if amount is None:
            continue
        uses = [(c, r) for c, r in readings.items() if c in cells and col in (r.numerator, r.base)]
        fits = []
        for value in swaps(amount.quantity):
            moved = replace(amount, quantity=replace(amount.quantity, value=value, base_value=value * _factor(amount)))
            if all(_fits(ctx, r, cells, c, col, moved) for c, r in uses):
                fits.append(value)
        if len(fits) != 1:
            continue
        fig = fact_figure(amount, ctx.doc_year)
        names = "、".join(f"“{_leaf(cells[c])}” {cells[c].quantity.text.strip()}" for c, _ in uses)
        return make_finding(
            RATIO,
            "error",
            fig,
            f"{fig.subject or '该行'}“{_leaf(amount)}”写 {amount.quantity.text.strip()}，同行 {names} "
            f"均与之不符，而按 {fmt(fits[0])}（相邻两位数字颠倒）计算均相符，疑此数有误",
            expected=fits[0],
            derivation=f"{amount.quantity.text.strip()} → {fmt(fits[0])}",
            related=[cells[c].prov for c, _ in uses],
        )
    return None


def _factor(f: Fact) -> Decimal:
    return f.quantity.base_value / f.quantity.value if f.quantity.value else Decimal(1)


def _fits(ctx: Context, reading: Reading, cells: dict[int, Fact], col: int, at: int, moved: Fact) -> bool:
    num, base = cells.get(reading.numerator), cells.get(reading.base)
    if num is None or base is None:
        return False
    num, base = (moved if reading.numerator == at else num), (moved if reading.base == at else base)
    comp = _computed(reading, num, base, cells[col])
    return comp is not None and _verdict(cells[col], comp, ctx.settings) == tol.OK


def _verdict(stated: Fact, comp: tol.Interval, settings: tol.Settings = tol.DEFAULT) -> str:
    """A printed 0 or -0 in a percent column is a small change rounded away, not an exact zero."""
    q = stated.quantity
    if q.value == 0:
        h = tol.half_unit(q.decimals)
        return tol.OK if tol.Interval(-h, h).meets(comp) else tol.ERROR
    return tol.verdict(q, comp, settings)


def _column(ctx: Context, reading: Reading, rows: list[dict[int, Fact]], col: int) -> Iterator[Finding]:
    judged = 0
    failing: list[tuple[Fact, Fact, Fact, str]] = []
    for cells in rows:
        stated, num, base = cells[col], cells.get(reading.numerator), cells.get(reading.base)
        if (
            num is None
            or base is None
            or (stated.quantity.dimension == "percent") != (reading.header.kind != "difference")
        ):
            continue
        comp = _computed(reading, num, base, stated)
        if comp is None:
            continue
        judged += 1
        v = _verdict(stated, comp, ctx.settings)
        if v in (tol.ERROR, tol.WARNING):
            failing.append((stated, num, base, v))
    if not failing:
        return
    if judged >= MIN_ROWS_FOR_MOST and len(failing) > judged * MOST:
        stated = failing[0][0]
        yield make_finding(
            UNREAD,
            "info",
            fact_figure(stated, ctx.doc_year),
            f"“{_leaf(stated)}”列 {judged} 行中 {len(failing)} 行与 "
            f"“{failing[0][1].column_labels[-1].strip()}”{'−' if reading.header.kind == 'difference' else '÷'}"
            f"“{failing[0][2].column_labels[-1].strip()}”不符，"
            "疑表头含义（如同口径）与所读不同，未判定",
            related=[f[0].prov for f in failing[1:20]],
        )
        return
    for stated, num, base, v in failing:
        rule_ = {"ratio": RATIO, "growth": GROWTH, "difference": DIFFERENCE}[reading.header.kind]
        severity = tol.WARNING if rule_ is GROWTH else v
        exact = _exact(reading, num, base, stated)
        fig = fact_figure(stated, ctx.doc_year)
        num_name, base_name = _leaf(num), _leaf(base)
        if base.prov.row != stated.prov.row:  # a share of the column's total: 合计 决算数
            base_name = "".join((base.row_labels[-1] if base.row_labels else "合计").split()) + base_name
        how = {
            "ratio": f"{num.quantity.text} ÷ {base.quantity.text} × 100",
            "growth": f"({num.quantity.text} ÷ {base.quantity.text} − 1) × 100",
            "difference": f"{num.quantity.text} − {base.quantity.text}",
        }[reading.header.kind]
        shown = (
            fmt(exact, stated.quantity.decimals)
            if reading.header.kind == "difference"
            else f"{fmt(exact, max(stated.quantity.decimals, 1))}%"
        )
        yield make_finding(
            rule_,
            severity,
            fig,
            f"{fig.subject or '该行'}“{_leaf(stated)}”写 {stated.quantity.text.strip()}，"
            f"按{num_name} {num.quantity.text} 与{base_name} {base.quantity.text} 计算应为 "
            f"{shown}（算式：{how}）",
            expected=exact,
            derivation=how,
            related=[num.prov, base.prov],
        )
