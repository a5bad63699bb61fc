"""cross_table — one figure printed in two tables of different layouts must carry one value.

A 政府决算 prints the 本级 debt limit twice: in the 限额及余额 table (row 自治区本级, column 2023年债务限额 ›
一般债务) and in the 发行及还本付息 table (row 七、2023年地方政府债务限额 › 其中：一般债务, column 本级). The
layouts differ, so the cells are matched by what their labels say, read apart: the scope (本级), the year, the
measure (决算数), the fund and the item words left over (债务限额, 一般债务). A row under a numbered heading row
(七、…) carries that heading's words. Two cells are one figure only when every part agrees — the item words one
for one, a word matching the same word or one that ends in it (债务限额 in 地方政府债务限额) — and each table has
exactly one such cell. Same-layout tables are the `template` family's; a cell whose only item words are a total
(合计) or that no year and scope qualify is never matched.
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
RULES = [SAME_FIGURE]

MIN_WORD = 4  # a shorter item word must match exactly, never as the end of a longer one
_YEAR = re.compile(r"(20\d\d)年(?:度|末|底)?")
_YEAR_START = re.compile(r"(20\d\d)年初")
_MEASURE = re.compile(r"[（(]?(调整预算|预计执行|预算|决算|执行|完成)数?[）)]?$")
_BRACKET_NOTE = re.compile(r"[（(][^（）()]*[）)]")
_QIZHONG = re.compile(r"^\s*其中\s*[:：]?\s*")
_GENERIC = {"合计", "小计", "总计", "共计", "金额", "项目", "数", "数额", "单位", "万元", "元", "亿元"}
_NOT_FIGURE = re.compile(r"增减|增长|比上年|同比|占|%|％|率|比例|人数|人均")


@dataclass(frozen=True)
class Key:
    scope: str
    period: str
    measure: str
    fund: str
    words: tuple[str, ...]  # item words, sorted
    shown: tuple[str, ...] = field(default=(), compare=False)  # the same words in the order the labels give them

    def bucket(self) -> tuple:
        return (self.scope, self.period, self.fund, tuple(sorted(w[-MIN_WORD:] for w in self.words)))


@lru_cache(maxsize=1)
def _scopes() -> dict[str, str]:
    return dict(vocabulary().words.get("scope", ()))


WHOLE = "全辖"  # the whole of the reporting area, however a table names it (全省, 本地区, 吉林省 above 吉林省本级)
_WHOLE_WORDS = {"本地区", "全地区"}
_PLACE = re.compile(r"^\S{2,12}?(?:省|市|自治区|地区|区|县|州|盟|旗)$")


def _scope_of(label: str, regions: dict[str, str]) -> str | None:
    """The scope a label names when the label is nothing but a scope (自治区本级, 本级, 全市, 本地区)."""
    if label in regions:
        return regions[label]
    if label in _WHOLE_WORDS:
        return WHOLE
    scope = _scopes().get(label)
    return WHOLE if scope is not None and scope.startswith("全") else scope


def _regions(facts: list[Fact]) -> dict[str, str]:
    """A by-region table opens with the whole area (吉林省) and its own level (吉林省本级, 自治区本级) below it:
    those two rows are the scopes 全辖 and 本级, where any other place name (长春市本级) is a unit of its own."""
    labels = [re.sub(r"\s+", "", f.own_label or (f.row_labels[-1] if f.row_labels else "")) for f in _by_row(facts)]
    labels = [x for x in labels if x]
    if len(labels) < 2 or not _PLACE.match(labels[0]):
        return {}
    first = labels[0]
    own = next((x for x in labels[1:4] if x == first + "本级" or _scopes().get(x) == "本级"), None)
    return {first: WHOLE, own: "本级"} if own else {}


def _by_row(facts: list[Fact]) -> list[Fact]:
    return sorted({f.prov.row or 0: f for f in facts}.values(), key=lambda f: f.prov.row or 0)


@dataclass
class _Read:
    scope: str = ""
    period: str = ""
    measure: str = ""
    words: list[str] | None = None
    clash: bool = False  # two labels state different years, scopes or measures: not one cell's identity


def _read(labels: list[str], regions: dict[str, str]) -> _Read:
    out = _Read(words=[])
    assert out.words is not None
    for raw in labels:
        text = re.sub(r"\s+", "", raw)
        found = section_label(text)
        if found:
            text = text[len(found[1]) :]
        text = _QIZHONG.sub("", text)
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
        scope = _scope_of(text, regions)
        if scope is not None:
            out.clash |= bool(out.scope) and out.scope != scope
            out.scope = scope
            continue
        if text and text not in _GENERIC:
            out.words.append(text)
    return out


def _parents(facts: list[Fact]) -> dict[int, str]:
    """Each row's numbered heading row (一、…, （二）…) when the row stands under one, by grid row."""
    out: dict[int, str] = {}
    heads: list[tuple[int, str]] = []  # (rank, label) of the open numbered rows
    for f in _by_row(facts):
        row = tr.classify_row(f)
        if row.kind == "marked" and row.family == "number":
            heads = [(rank, label) for rank, label in heads if rank < row.level]
            if heads:
                out[row.index] = heads[-1][1]
            heads.append((row.level, row.label))
        elif row.kind in ("qizhong", "plain") and heads:
            out[row.index] = heads[-1][1]
        elif row.kind == "total":
            heads = []
    return out


def _key(f: Fact, parent: str, regions: dict[str, str]) -> Key | None:
    row_path = [*([parent] if parent else []), *(x for x in f.row_labels if x.strip())]
    if f.quantity.dimension != "money" or any(_NOT_FIGURE.search(x) for x in (*row_path, *f.column_labels)):
        return None
    columns = [x for x in f.column_labels if x.strip() and not is_column_marker(x)]
    got = _read([*row_path, *columns], regions)
    words = tuple(sorted(got.words or ()))
    if got.clash or not got.scope or not got.period or not words:
        return None
    if len(words) == 1 and len(words[0]) < MIN_WORD:
        return None
    measure = got.measure or f.identity.measure
    if got.measure and f.identity.measure and got.measure != f.identity.measure:
        return None  # the title's measure and the label's differ: not settled
    return Key(got.scope, got.period, measure, f.identity.fund, words, tuple(got.words or ()))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Item words match one for one: equal, or the longer ends in the shorter (债务限额 ~ 地方政府债务限额)."""
    if len(a) != len(b):
        return False
    left = list(b)
    for w in a:
        hit = next((x for x in left if x == w), None) or next(
            (x for x in left if min(len(w), len(x)) >= MIN_WORD and (x.endswith(w) or w.endswith(x))), None
        )
        if hit is None:
            return False
        left.remove(hit)
    return True


def _cells(ctx: Context) -> dict[int, list[tuple[Key, Fact]]]:
    by_table: dict[int, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.prov.table is not None:
            by_table[f.prov.table].append(f)
    out: dict[int, list[tuple[Key, Fact]]] = {}
    for t, facts in by_table.items():
        parents, regions = _parents(facts), _regions(facts)
        keyed = [(k, f) for f in facts if (k := _key(f, parents.get(f.prov.row or 0, ""), regions)) is not None]
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
        tables = {f.prov.table for _, f in members}
        if len(tables) < 2:
            continue
        for i, (ka, a) in enumerate(members):
            for kb, b in members[i + 1 :]:
                if a.prov.table == b.prov.table or not _same_words(ka.words, kb.words):
                    continue
                if ka.measure and kb.measure and ka.measure != kb.measure:
                    continue  # a measure stated on one side only does not part them
                if _titles_differ(a, b):
                    continue
                if _rivals(members, ka, b) != 1 or _rivals(members, kb, a) != 1:
                    continue  # two cells of the other table could be this one
                finding = _compare(ctx, ka, a, b)
                if finding is not None:
                    yield finding


_CLASSIFICATIONS = ("功能分类", "经济分类", "基本支出", "项目支出", "转移支付")


def _title_words(f: Fact) -> tuple[str, frozenset[str]]:
    title = re.sub(r"\s+", "", f.table_title or "")
    income, spending = "收入" in title, "支出" in title
    side = "收入" if income and not spending else "支出" if spending and not income else ""
    return side, frozenset(w for w in _CLASSIFICATIONS if w in title)


def _titles_differ(a: Fact, b: Fact) -> bool:
    """Titles that say the tables list different things: income against spending, or one classification
    (功能分类, 经济分类, 基本支出 …) against another or none — then a row name shared is no shared figure."""
    (side_a, cls_a), (side_b, cls_b) = _title_words(a), _title_words(b)
    return bool(side_a and side_b and side_a != side_b) or cls_a != cls_b


def _rivals(members: list[tuple[Key, Fact]], key: Key, other: Fact) -> int:
    """How many cells of other's table could be the figure keyed `key`."""
    return sum(
        1
        for k, f in members
        if f.prov.table == other.prov.table
        and _same_words(key.words, k.words)
        and not (key.measure and k.measure and key.measure != k.measure)
    )


def _compare(ctx: Context, key: Key, a: Fact, b: Fact) -> Finding | None:
    verdict = tol.printings_verdict(a.quantity, b.quantity, ctx.settings)
    if verdict == tol.OK or _unit_slip(a, b):
        return None
    fa, fb = fact_figure(a, ctx.doc_year), fact_figure(b, ctx.doc_year)
    name = " ".join(x for x in [f"{key.period}年", key.scope, key.fund, *key.shown, key.measure] if x)
    diff = abs(b.quantity.base_value / tol.factor(a.quantity) - a.quantity.value)
    plug = "（只差末位1个单位，疑为尾数调整）" if verdict == tol.WARNING else ""
    return make_finding(
        SAME_FIGURE,
        verdict,
        fa,
        f"{name}：{_title(a)}（{_where(a)}）写 {a.quantity.text}{a.quantity.unit}，"
        f"{_title(b)}（{_where(b)}）写 {b.quantity.text}{b.quantity.unit}，相差 {fmt(diff)}{a.quantity.unit}{plug}；"
        "两表所列为同一数字，应一致",
        expected=b.quantity.base_value / tol.factor(a.quantity),
        derivation=f"{_title(b)} {b.quantity.text}",
        related=[fb.prov],
        subject=name,
    )


def _title(f: Fact) -> str:
    title = (f.table_title or "").strip().split("\n")[0]
    return title[:40] if title else table_name(f)


def _where(f: Fact) -> str:
    rows = " › ".join(x.strip() for x in f.row_labels if x.strip())
    cols = " › ".join(x.strip() for x in f.column_labels if x.strip())
    return " × ".join(x for x in [rows, cols] if x)
