"""cross_table — one figure printed in two tables of different layouts must carry one value.

A 政府决算 prints the 本级 debt limit twice: in the 限额及余额 table (row 自治区本级, column 2023年债务限额 ›
一般债务) and in the 发行及还本付息 table (row 七、2023年地方政府债务限额 › 其中：一般债务, column 本级). The
layouts differ, so the cells are matched by what their labels say, read apart: the scope (本级), the year, the
measure (决算数), the fund and the item words left over (债务限额, 一般债务). A row under a numbered heading row
(七、…) carries that heading's words, a row of a 其中 breakdown the row it breaks down. Two cells are one figure
only when every part agrees — the item words equal one for one, 地方政府 being only their owner — each table has
exactly one such cell, and the titles say the same things (收入 or 支出, fund, classification, kind of debt).
Same-layout tables are the `template` family's; a cell whose only item words are a total (合计) or that no year
and scope qualify is never matched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.headings import section_label
from extractors.identity import vocabulary
from extractors.model import Fact
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks import table_rows as tr
from pipeline.checks.base import Context, fact_figure, fmt, make_finding, rule, table_name
from pipeline.findings import Finding

FAMILY = "cross_table"
SAME_FIGURE = rule(
    FAMILY,
    "same-figure",
    "error",
    "同一数字在两张不同格式的表中不一致",
    "{subject}在一表写 {stated}，另一表写 {expected}",
    "table",
)
ROUNDING = rule(
    FAMILY,
    "rounding-unsettled",
    "info",
    "同一数字在两张表中以不同单位列示，差额可能来自分项四舍五入",
    "{subject}在一表写 {stated}，另一表写 {expected}",
    "table",
)
RULES = [SAME_FIGURE, ROUNDING]

_YEAR = re.compile(r"(20\d\d)年(?:度|末|底)?(?!初)")
_YEAR_START = re.compile(r"(20\d\d)年年?初")
_MEASURE = re.compile(r"[（(]?(调整预算|预计执行|预算|决算|执行|完成)数?[）)]?$")
_OWNER = re.compile(r"^(?:地方政府|政府)")  # 地方政府债务限额 is the 债务限额 of a debt table
_GENERIC = {"合计", "小计", "总计", "共计", "金额", "项目", "数", "数额", "单位", "万元", "元", "亿元"}
_NOT_FIGURE = re.compile(r"增减|增长|比上年|同比|占|%|％|率|比例|人数|人均")
MIN_WORD = 4  # a cell whose only item word is shorter names too little to be matched


@dataclass(frozen=True)
class Key:
    scope: str
    period: str
    measure: str
    fund: str
    words: tuple[str, ...]  # item words, sorted
    shown: tuple[str, ...] = field(default=(), compare=False)  # the same words in the order the labels give them

    def bucket(self) -> tuple:
        return (self.scope, self.period, self.fund, self.words)


@lru_cache(maxsize=1)
def _scopes() -> dict[str, str]:
    return dict(vocabulary().words.get("scope", ()))


WHOLE = "全辖"  # the whole of the reporting area, however a table names it (全省, 本地区, 吉林省 above 吉林省本级)
_WHOLE_WORDS = {"本地区", "全地区"}
_PLACE = re.compile(r"^\S{1,12}?(省|自治区|市|自治州|州|地区|盟|区|县|旗)$")
_RANK = {"省": 3, "自治区": 3, "市": 2, "自治州": 2, "州": 2, "地区": 2, "盟": 2, "区": 1, "县": 1, "旗": 1}


def _vocabulary_scope(label: str) -> str | None:
    if label in _WHOLE_WORDS:
        return WHOLE
    scope = _scopes().get(label)
    return WHOLE if scope is not None and scope.startswith("全") else scope


def _rank(label: str) -> int | None:
    m = _PLACE.match(label)
    return _RANK[m.group(1)] if m else None


def _row_labels(facts: list[Fact]) -> list[str]:
    labels = [_plain(f.own_label or (f.row_labels[-1] if f.row_labels else "")) for f in _by_row(facts)]
    return [x for x in labels if x]


@lru_cache(maxsize=4096)
def _plain(label: str) -> str:
    return tr.QIZHONG.sub("", re.sub(r"\s+", "", label))


def _regions(facts: list[Fact], continued: bool) -> tuple[dict[str, str], bool]:
    """The scopes a table's row labels name, and whether the table is by region. A by-region table opens with the
    whole area (吉林省, 宁夏回族自治区) — a place of higher rank than every other row, or of the same rank when its own
    level is named by its kind of place (延边州 over 州本级 and county-level 延吉市) — and its own level right below
    it (吉林省本级, 自治区本级): those are 全辖 and 本级; any other row (长春市本级, 市本级 under 长春市) is a unit
    of its own. A table continuing an earlier one does not open with the whole."""
    labels = _row_labels(facts)
    places = [x for x in labels if _rank(x) is not None]
    by_region = len(places) >= 2
    if continued or len(labels) < 2 or _rank(labels[0]) is None:
        return {}, by_region
    first, second = labels[0], labels[1]
    top = _rank(first) or 0
    kind = _PLACE.match(first)
    # 延边州 over 州本级, 延吉市, 图们市 (county-level cities of a prefecture): the 本级 row of the first row's own kind
    # of place says it is the whole even where the other places' names rank as high
    own_level = second == first + "本级" or (kind is not None and second == kind.group(1) + "本级")
    if any((_rank(x) or 0) > top or ((_rank(x) or 0) == top and not own_level) for x in places[1:]):
        return {}, by_region
    if own_level or _scopes().get(second) == "本级":
        return {first: WHOLE, second: "本级"}, by_region
    return {}, by_region


def _column_scopes(facts: list[Fact]) -> dict[str, str]:
    """Column headers naming a scope (本地区 | 本级, 全市 | 市级). Two headers of one table read as one scope
    (市级 and 区级 both 本级 in the vocabulary) say nothing certain: neither is taken."""
    found: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for label in f.column_labels:
            text = _plain(label)
            scope = _vocabulary_scope(text)
            if scope is not None:
                found[scope].add(text)
    return {next(iter(words)): scope for scope, words in found.items() if len(words) == 1}


def _by_row(facts: list[Fact]) -> list[Fact]:
    return sorted({f.prov.row or 0: f for f in facts}.values(), key=lambda f: f.prov.row or 0)


@dataclass
class _Read:
    scope: str = ""
    period: str = ""
    measure: str = ""
    words: list[str] | None = None
    clash: bool = False  # two labels state different years, scopes or measures: not one cell's identity


def _read(
    rows: list[str], columns: list[str], regions: dict[str, str], by_region: bool, heads: dict[str, str]
) -> _Read:
    out = _Read(words=[])
    assert out.words is not None
    for raw, in_row in [*((x, True) for x in rows), *((x, False) for x in columns)]:
        text = _plain(raw)
        found = section_label(text)
        if found:
            text = text[len(found[1]) :]
        for pattern, tag in ((_YEAR_START, "初"), (_YEAR, "")):
            for m in pattern.finditer(text):
                out.clash |= bool(out.period) and out.period != m.group(1) + tag
                out.period = m.group(1) + tag
            text = pattern.sub("", text)
        said = _MEASURE.search(text)
        if said:
            out.clash |= bool(out.measure) and out.measure != said.group(1)
            out.measure = said.group(1)
            text = text[: said.start()]
        if in_row:
            scope = regions.get(text) or (text if by_region and _rank(text) is not None else None)
            scope = scope or (None if by_region else _vocabulary_scope(text))
        else:
            scope = heads.get(text) or (text if _vocabulary_scope(text) is not None else None)
        if scope is not None:
            out.clash |= bool(out.scope) and out.scope != scope
            out.scope = scope
            continue
        text = _OWNER.sub("", text)
        if text and text not in _GENERIC:
            out.words.append(text)
    return out


def _parents(facts: list[Fact]) -> dict[int, list[str]]:
    """The rows each row stands under, by grid row: its numbered heading rows (一、…, （二）…) and, for the rows of
    a 其中 breakdown, the row broken down (新增债券 over 其中：一般债券 | 专项债券)."""
    out: dict[int, list[str]] = {}
    heads: list[tuple[int, str]] = []  # (rank, label) of the open numbered rows
    broken: str = ""  # the row a 其中 breakdown under the current heading breaks down
    previous: tr.Row | None = None
    for f in _by_row(facts):
        row = tr.classify_row(f)
        if row.kind == "marked" and row.family == "number":
            heads = [(rank, label) for rank, label in heads if rank < row.level]
            out[row.index] = [label for _, label in heads]
            heads.append((row.level, row.label))
            broken = ""
        elif row.kind == "qizhong":
            if previous is not None and previous.kind == "plain" and previous.label not in (h for _, h in heads):
                broken = previous.label
            out[row.index] = [label for _, label in heads] + ([broken] if broken else [])
        elif row.kind == "plain":
            out[row.index] = [label for _, label in heads] + ([broken] if broken else [])
        elif row.kind == "total":
            heads, broken = [], ""
        previous = row
    return out


def _key(f: Fact, parents: list[str], regions: dict[str, str], by_region: bool, heads: dict[str, str]) -> Key | None:
    row_path = [*parents, *(x for x in f.row_labels if x.strip())]
    if f.quantity.dimension != "money" or any(_NOT_FIGURE.search(x) for x in (*row_path, *f.column_labels)):
        return None
    columns = [x for x in f.column_labels if x.strip() and not is_column_marker(x)]
    got = _read(row_path, columns, regions, by_region, heads)
    words = tuple(sorted(got.words or ()))
    if got.clash or not got.scope or not got.period or not words:
        return None
    if len(words) == 1 and len(words[0]) < MIN_WORD:
        return None
    measure = got.measure or f.identity.measure
    if got.measure and f.identity.measure and got.measure != f.identity.measure:
        return None  # the title's measure and the label's differ: not settled
    return Key(got.scope, got.period, measure, f.identity.fund, words, tuple(got.words or ()))


def _cells(ctx: Context) -> dict[int, list[tuple[Key, Fact]]]:
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.prov.table is not None:
            by_table[f.prov.table].append(f)
    out: dict[int, list[tuple[Key, Fact]]] = {}
    titles_seen: set[str] = set()
    for t in sorted(by_table):
        facts = by_table[t]
        title = re.sub(r"\s+", "", facts[0].table_title or "")
        continued = not title or "续" in title[:4] or title in titles_seen
        titles_seen.add(title)
        parents = _parents(facts)
        regions, by_region = _regions(facts, continued)
        heads = _column_scopes(facts)
        keyed = [
            (k, f)
            for f in facts
            if (k := _key(f, parents.get(f.prov.row or 0, []), regions, by_region, heads)) is not None
        ]
        counts: dict[Key, int] = defaultdict(int)
        for k, _ in keyed:
            counts[k] += 1
        out[t] = [(k, f) for k, f in keyed if counts[k] == 1]  # a key twice in one table names no one cell
    return out


def _unit_slip(a: Fact, b: Fact) -> bool:
    """Values a power of ten apart (one table's unit misread): not a disagreement this rule can judge."""
    x, y = abs(a.quantity.base_value), abs(b.quantity.base_value)
    if not x or not y:
        return False
    r = max(x, y) / min(x, y)
    return r >= 9 and any(abs(r - 10**k) / 10**k < 0.01 for k in range(1, 9))


def check(ctx: Context) -> Iterator[Finding]:
    cells = _cells(ctx)
    buckets: dict[tuple, list[tuple[Key, Fact]]] = defaultdict(list)
    for items in cells.values():
        for k, f in items:
            buckets[k.bucket()].append((k, f))
    for members in buckets.values():
        if len({f.prov.table for _, f in members}) < 2:
            continue
        for i, (ka, a) in enumerate(members):
            for kb, b in members[i + 1 :]:
                if a.prov.table == b.prov.table or not _measures_agree(ka, kb) or _titles_differ(a, b):
                    continue
                if _rivals(members, ka, b) != 1 or _rivals(members, kb, a) != 1:
                    continue  # two cells of the other table could be this one
                finding = _compare(ctx, ka, a, b)
                if finding is not None:
                    yield finding


def _measures_agree(a: Key, b: Key) -> bool:
    return not (a.measure and b.measure and a.measure != b.measure)  # one stated on one side only does not part them


_CLASSIFICATIONS = ("功能分类", "经济分类", "基本支出", "项目支出", "转移支付", "税收返还")
_DEBT_KINDS = ("一般债务", "专项债务", "一般债券", "专项债券", "外债", "新增", "再融资", "置换")
# what a debt table lists: its ceiling, its balance, what was borrowed, repaid or paid in interest (…债务限额情况表 and
# …债务余额情况表 print one layout, their measure only in the title)
_DEBT_MEASURES = ("限额", "余额", "还本", "付息", "发行", "举借", "偿还")


def _title_words(f: Fact) -> tuple[str, frozenset[str]]:
    """What a title says its table lists: income or spending, and its fund, classification and kind of debt."""
    title = re.sub(r"\s+", "", f.table_title or "")
    income, spending = "收入" in title, "支出" in title
    side = "收入" if income and not spending else "支出" if spending and not income else ""
    funds = {value for word, value in vocabulary().words.get("fund", ()) if word in title}
    return side, frozenset({*funds, *(w for w in (*_CLASSIFICATIONS, *_DEBT_KINDS) if w in title)})


def _debt_measures_of_title(f: Fact) -> frozenset[str]:
    """The debt measures a table's title names, where the cell's own labels name none (a 2022年 › 一般债务 cell of
    …债务限额情况表 is a ceiling; a cell under 2023年债务限额 says so itself)."""
    labels = "".join([*f.row_labels, *f.column_labels])
    if any(w in labels for w in _DEBT_MEASURES):
        return frozenset()
    title = re.sub(r"\s+", "", f.table_title or "")
    return frozenset(w for w in _DEBT_MEASURES if w in title)


def _titles_differ(a: Fact, b: Fact) -> bool:
    """Titles that say the tables list different things: income against spending, one fund, classification or
    kind of debt against another or none — then a row name shared is no shared figure."""
    (side_a, words_a), (side_b, words_b) = _title_words(a), _title_words(b)
    measures_a, measures_b = _debt_measures_of_title(a), _debt_measures_of_title(b)
    return (
        bool(side_a and side_b and side_a != side_b)
        or words_a != words_b
        or bool(measures_a and measures_b and measures_a != measures_b)
    )


def _rivals(members: list[tuple[Key, Fact]], key: Key, other: Fact) -> int:
    """How many cells of other's table could be the figure keyed `key`."""
    return sum(1 for k, f in members if f.prov.table == other.prov.table and _measures_agree(key, k))


ROUNDED_PARTS = 5  # units in the coarser printing's last place that a total of rounded parts may drift


def _compare(ctx: Context, key: Key, a: Fact, b: Fact) -> Finding | None:
    verdict = tol.printings_verdict(a.quantity, b.quantity, ctx.settings)
    if verdict == tol.OK or _unit_slip(a, b):
        return None
    fa, fb = fact_figure(a, ctx.doc_year), fact_figure(b, ctx.doc_year)
    name = " ".join(x for x in [f"{key.period}年", key.scope, key.fund, *key.shown, key.measure] if x)
    diff = abs(b.quantity.base_value / tol.factor(a.quantity) - a.quantity.value)
    note = "（只差末位1个单位，疑为尾数调整）" if verdict == tol.WARNING else ""
    rule_, severity = SAME_FIGURE, verdict
    if verdict == tol.ERROR and _drift(a, b):
        rule_, severity = ROUNDING, "info"
        note = "（两表单位不同，差额在较粗单位末位的几个单位以内，可能是分项四舍五入后相加所致）"
    return make_finding(
        rule_,
        severity,
        fa,
        f"{name}：{_title(a)}（{_where(a)}）写 {a.quantity.text}{a.quantity.unit}，"
        f"{_title(b)}（{_where(b)}）写 {b.quantity.text}{b.quantity.unit}，相差 {fmt(diff)}{a.quantity.unit}{note}；"
        "两表所列为同一数字，应一致",
        expected=b.quantity.base_value / tol.factor(a.quantity),
        derivation=f"{_title(b)} {b.quantity.text}",
        related=[fb.prov],
        subject=name,
    )


def _drift(a: Fact, b: Fact) -> bool:
    """Printings in different units a few units of the coarser one's last place apart (632.53亿元 printed as the
    sum of rounded parts against 6,325,295万元): undecidable, not an error."""
    if tol.factor(a.quantity) == tol.factor(b.quantity):
        return False
    ulp = max(tol.factor(q) * tol.unit_in_last_place(q.decimals) for q in (a.quantity, b.quantity))
    return abs(a.quantity.base_value - b.quantity.base_value) <= ROUNDED_PARTS * ulp


def _title(f: Fact) -> str:
    title = (f.table_title or "").strip().split("\n")[0]
    return title[:40] if title else table_name(f)


def _where(f: Fact) -> str:
    rows = " › ".join(x.strip() for x in f.row_labels if x.strip())
    cols = " › ".join(x.strip() for x in f.column_labels if x.strip())
    return " × ".join(x for x in [rows, cols] if x)
