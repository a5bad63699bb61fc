"""Which rows of a table column are the parts of which total — from the table's own structure.

A column's rows are read as a tree, never as "every number above the 合计":
- 科目 codes (类 3 digits › 款 5 › 项 7) and section numbering (一、 › （一） › 1. › (1) › ①) mark levels;
- a "其中" row and the unmarked rows right after it are a partial breakdown of the row before them;
- unmarked rows are placed by arithmetic: a row followed by rows that add up to it is their parent
  (税收收入 = 增值税 + 企业所得税 + 资源税), so an indentation-only hierarchy still reads as one.
A rule reports an error only where the structure is certain (marked levels, or a plain list with no
hierarchy in it); where no reading of the rows explains a total but the structure is not certain, it
says so as `info`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from extractors.headings import section_label
from extractors.lists import names_a_partition
from extractors.model import Cell, Fact
from extractors.table_identity import code_level
from pipeline import tolerance as tol
from pipeline.checks.base import clean_label

QIZHONG = re.compile(r"^\s*其中\s*[:：]?")  # a 其中 row label (cross_table strips it too)
_TOTAL = re.compile(r"^(?:合计|总计|小计|共计|总额)$|(?:合计|总计)$")
_NUMBER_RANK = {"cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4}
_CIRCLED = re.compile(r"^[①-⑳]")
# what may follow a table's subject in its title: 全市一般公共预算支出 | 预算表
_TITLE_TAIL = re.compile(r"^(?:\d{4}年)?(?:年初|调整)?(?:预算|决算|执行|预计执行|预算执行)?(?:情况|数)?(?:明细)?表")
CERTAIN, UNCERTAIN = "certain", "uncertain"
MAX_ROWS = 400  # a column longer than this is read as a flat list only (the arithmetic reading is quadratic)


@dataclass
class Row:
    fact: Fact
    index: int  # row in the table grid
    label: str
    kind: str  # total | qizhong | marked | plain
    family: str = ""  # marked rows: code | number
    level: int = 0
    children: list[Row] = field(default_factory=list)
    place: float | None = None  # set from the table itself (see `places`), else read from the fact

    @property
    def indent(self) -> float | None:
        """How far right the row's own label stands: its label column first (a level shown by columns), then
        its indentation inside the cell."""
        if self.place is not None:
            return self.place
        f = self.fact
        if f.label_col is None:
            return f.indent
        return f.label_col * COLUMN_STEP + (f.indent or 0.0)

    @property
    def interval(self) -> tol.Interval:
        return tol.base_interval(self.fact.quantity)


COLUMN_STEP = 1000.0  # a label one column further right is deeper than any indentation inside a cell


def _raw_label(f: Fact) -> str:
    if f.own_label:
        return f.own_label
    labels = [x for x in f.row_labels if x.strip()]
    return labels[-1].strip() if labels else ""


def classify_row(f: Fact) -> Row:
    label = _raw_label(f)
    index = f.prov.row or 0
    plain = clean_label(label)
    if QIZHONG.match(label):
        numbered = section_label(QIZHONG.sub("", label))
        if numbered is not None and numbered[0] in _NUMBER_RANK:
            # 其中：1.保险费收入 | 2.财政补贴收入 | …: the first of a numbered list, as marked as the rest
            return Row(f, index, label, "marked", "number", _NUMBER_RANK[numbered[0]])
        return Row(f, index, label, "qizhong")
    if _TOTAL.search(plain) and len(plain) <= 16 or _names_the_table(plain, f) or _closes_its_group(plain, f):
        return Row(f, index, label, "total")
    if label.rstrip().endswith(("：", ":")):  # 三公经费： over its numbered rows: a heading row, above them all
        return Row(f, index, label, "marked", "number", 0)
    level = code_level(f.code) if f.code else None
    if level is not None:
        return Row(f, index, label, "marked", "code", level)
    found = section_label(label)
    if found is not None and found[0] in _NUMBER_RANK:
        return Row(f, index, label, "marked", "number", _NUMBER_RANK[found[0]])
    if _CIRCLED.match(label):
        return Row(f, index, label, "marked", "number", 5)
    return Row(f, index, label, "plain")


def titled_total(row: Row) -> bool:
    """A total known only by naming the table's subject (全市一般公共预算支出), not by 合计: the rows under it may be
    a selection of its items (主要支出项目), so only rows adding up to more than it show a slip."""
    return row.kind == "total" and not _TOTAL.search(clean_label(row.label))


def _group_label(row: Row) -> str:
    """The label of a cell merged down beside a row's own label (一般债券 beside its bonds), "" when none."""
    f = row.fact
    return clean_label(f.row_labels[0]) if f.label_depth and len(f.row_labels) > 1 else ""


def _grouped_parts(total: Row, rows: list[Row], wider: list[Row]) -> list[Row] | None:
    """The parts a group's label settles: a 一般债券小计 closing its group adds the rows labelled 一般债券; a 合计 under
    groups each closed by its own 小计, every row above in one of them, adds the 小计 rows."""
    if total.kind != "total":
        return None
    plain = clean_label(total.label)
    if _closes_its_group(plain, total.fact):
        group = plain[: -len("小计")]
        return rows if rows and all(_group_label(r) == group for r in rows) else None
    closing = [r for r in wider if r.kind == "total" and _closes_its_group(clean_label(r.label), r.fact)]
    groups = {clean_label(r.label)[: -len("小计")] for r in closing}
    if len(closing) < 2 or any(r.kind != "total" and _group_label(r) not in groups for r in wider):
        return None
    return closing if len(closing) == len(groups) else None


def check_grouped_total(total: Row, wider: list[Row]) -> Verdict | None:
    """A 合计 over groups each closed by its own 小计 against those 小计 rows (None where they add up or are no such
    groups)."""
    parts = _grouped_parts(total, [], wider)
    return Verdict(total, parts, CERTAIN) if parts and not meets(total, parts) else None


def closes_its_group(row: Row) -> bool:
    return row.kind == "total" and _closes_its_group(clean_label(row.label), row.fact)


def _closes_its_group(plain: str, f: Fact) -> bool:
    """一般债券小计 under the bonds a cell 一般债券, merged down beside them, groups: the group's subtotal (unlike
    市县小计 heading the cities under it, which no group label carries)."""
    group = plain[: -len("小计")] if plain.endswith("小计") else ""
    return len(group) >= 2 and any(clean_label(x) == group for x in f.row_labels[:-1])


def _names_the_table(plain: str, f: Fact) -> bool:
    """An uncoded row named for what the whole table shows — 全市一般公共预算支出 under "2026年全市一般公共预算支出预算表"
    (Shandong prints its totals so, without 合计) — is the table's total."""
    if f.code or len(plain) < 4 or not plain.endswith(("收入", "支出")):
        return False
    title = re.sub(r"\s+", "", f.table_title)
    at = title.find(plain)
    return at >= 0 and _TITLE_TAIL.match(title[at + len(plain) :]) is not None


def blocks(column: list[Fact], empty_rows: set[int]) -> list[list[Row]]:
    """The column's rows (sorted by row), split where a blank table row stands between two of them."""
    out: list[list[Row]] = []
    previous: int | None = None
    for f in column:
        row = classify_row(f)
        if previous is None or any(r in empty_rows for r in range(previous + 1, row.index)):
            out.append([row])
        else:
            out[-1].append(row)
        previous = row.index
    return out


def meets(total: Row, parts: list[Row]) -> bool:
    if not parts:
        return False
    return total.interval.meets(tol.total([p.interval for p in parts]))


# ------------------------------------------------------------------ readings of a list of rows


INDENT_STEP = 3.0  # points: label indents closer than this are one level


def deeper(row: Row, than: Row) -> bool | None:
    """Whether row's label is indented deeper than than's; None when the reader gave no indentation."""
    if row.indent is None or than.indent is None:
        return None
    return row.indent > than.indent + INDENT_STEP


def without_qizhong(rows: list[Row], absorb: str = "") -> list[Row]:
    """Rows that are not part of a 其中 breakdown: a 其中 row and the rows after it that are indented deeper than
    the row it breaks down. Where indentation is not read the plain rows right after it go on with the 其中 list
    (absorb "all"); `absorb` may instead take none of them ("none"), or the shortest run of them that completes the
    row broken down ("exact": 3.公务用车购置及运行费 775 › 其中：公务用车购置费 120, 公务用车运行费 655), else none."""
    out: list[Row] = []
    parent: Row | None = None
    skip_to = -1
    for k, r in enumerate(rows):
        if k <= skip_to:
            continue
        if r.kind == "qizhong":
            parent = out[-1] if out else None
            if absorb == "exact":
                skip_to = _completing_run(rows, k, parent) if parent is not None else k
                parent = None
            continue
        if parent is not None:
            inner = deeper(r, parent) if not absorb else None
            if inner or (inner is None and r.kind == "plain" and absorb == "all"):
                continue
        parent = None
        out.append(r)
    return out


def _completing_run(rows: list[Row], k: int, parent: Row) -> int:
    """The last row of the shortest run of plain rows after the 其中 row at k that, with it, adds up to the row it
    breaks down; k itself when none does (the 其中 list names only some parts)."""
    acc = rows[k].interval
    if parent.interval.meets(acc):
        return k
    for j in range(k + 1, len(rows)):
        if rows[j].kind != "plain":
            break
        acc = acc + rows[j].interval
        if parent.interval.meets(acc):
            return j
        if acc.lo > parent.interval.hi and rows[j].interval.lo >= 0:
            break
    return k


def qizhong_readings(rows: list[Row]) -> list[list[Row]]:
    """The rows outside 其中 breakdowns, read every way the table allows: by indentation where it varies. Where it
    says nothing a 其中 list may end right after its 其中 row, where its rows complete the row broken down, or at the
    next row that is not plain; the first reading is the one the verdict stands on — the widest list where
    indentation was not read, the completed one where it reads the same for every row (a workbook)."""
    if not any(r.kind == "qizhong" for r in rows):
        return [rows]
    if len({r.indent for r in rows}) > 1 and all(r.indent is not None for r in rows):
        return [without_qizhong(rows)]
    first = "all" if any(r.indent is None for r in rows) else "exact"
    out: list[list[Row]] = []
    for absorb in (first, "exact", "all", "none"):
        reading = without_qizhong(rows, absorb)
        if not any([x.index for x in reading] == [y.index for y in o] for o in out):
            out.append(reading)
    return out


def places(rows: list[list[Cell]], is_label: Callable[[Cell], bool]) -> dict[int, float]:
    """Per table row, how far right its own label stands (its column, then its indentation): valued rows and
    label-only rows (a 类 printed blank) alike."""
    out: dict[int, float] = {}
    for cells in rows:
        label = next((c for c in sorted(cells, key=lambda c: c.col) if is_label(c)), None)
        if label is not None:
            out[label.row] = label.col * COLUMN_STEP + (label.indent or 0.0)
    return out


def valued_roots(rows: list[Row], blanks: dict[int, float]) -> list[Row] | None:
    """The valued rows with no valued row above them in the hierarchy their indentation shows — label-only rows
    standing in as ancestors (a 类 printed blank over its 项 rows). None without indentation."""
    if not rows or any(r.indent is None for r in rows):
        return None
    lo, hi = rows[0].index, rows[-1].index
    events: list[tuple[int, float, Row | None]] = [(r.index, r.indent or 0.0, r) for r in rows]
    events += [(i, p, None) for i, p in blanks.items() if lo < i < hi]
    roots: list[Row] = []
    stack: list[tuple[float, bool]] = []
    for _, indent, row in sorted(events, key=lambda e: e[0]):
        while stack and stack[-1][0] >= indent - INDENT_STEP:
            stack.pop()
        if row is not None and not any(valued for _, valued in stack):
            roots.append(row)
        stack.append((indent, row is not None))
    return roots


def indent_top(rows: list[Row]) -> list[Row] | None:
    """The rows at the outermost indentation, when the reader measured it for every row and it varies."""
    if not rows or any(r.indent is None for r in rows):
        return None
    least = min(r.indent for r in rows if r.indent is not None)
    top = [r for r in rows if r.indent is not None and r.indent <= least + INDENT_STEP]
    return top if len(top) < len(rows) else None


def marked_top(rows: list[Row]) -> list[Row] | None:
    """The rows of the highest marked level, with any plain rows standing before the first of them; None when
    no row is marked."""
    marked = [r for r in rows if r.kind == "marked"]
    if not marked:
        return None
    family = "code" if any(r.family == "code" for r in marked) else "number"
    top = min(r.level for r in marked if r.family == family)
    return [r for r in rows if r.kind == "marked" and r.family == family and r.level == top]


def _same(a: Row, b: Row) -> bool:
    """One child equal to its parent (国有企业资本金注入 8616 › 其他国有企业资本金注入 8616)."""
    return a.fact.quantity.base_value == b.fact.quantity.base_value and a.fact.quantity.base_value != 0


def collapse_subtotals(rows: list[Row]) -> list[Row]:
    """Rows where a row equal to the run of rows just before it stands for them (a subtotal printed under its
    parts: 一、…十五、 then 全市政府性基金预算收入)."""
    if len(rows) > MAX_ROWS:
        return rows
    out: list[Row] = []
    for r in rows:
        acc = tol.Interval.exact(Decimal(0))
        target = r.interval
        for k in range(len(out) - 1, -1, -1):  # runs ending just before r, longer and longer
            acc = acc + out[k].interval
            if len(out) - k >= 2 and target.meets(acc):
                del out[k:]
                break
            if acc.lo > target.hi and out[k].interval.lo >= 0:
                break
        out.append(r)
    return out


def arithmetic_top(rows: list[Row]) -> tuple[list[Row], bool]:
    """The rows left at the top once every row followed by rows adding up to it has taken them as its
    children; the flag says whether any such parent was found."""
    if len(rows) > MAX_ROWS:
        return rows, False
    found = False
    parsed: dict[int, int] = {}  # row → the row after its subtree (each row is parsed once: linear overall)

    def parse(i: int) -> int:
        if i not in parsed:
            parsed[i] = _parse(i)
        return parsed[i]

    def _parse(i: int) -> int:
        nonlocal found
        node = rows[i]
        node.children = []
        target = node.interval
        j, acc = i + 1, tol.Interval.exact(Decimal(0))
        children: list[Row] = []
        while j < len(rows) and acc.lo < target.hi:
            k = parse(j)
            children.append(rows[j])
            acc = acc + rows[j].interval
            j = k
            if target.meets(acc) and (len(children) >= 2 or rows[j - 1] is not node and _same(node, children[0])):
                node.children = children
                found = True
                return j
        return i + 1

    top: list[Row] = []
    i = 0
    while i < len(rows):
        top.append(rows[i])
        i = parse(i)
    return top, found


@dataclass
class Verdict:
    total: Row
    parts: list[Row]  # the reading shown to the auditor
    certainty: str  # certain | uncertain
    unread: bool = False  # a reading only another column of the same rows can settle: said only where one does


def _run_meets(total: Row, reading: list[Row], from_start: bool) -> bool:
    """Whether a run of the reading's rows next to the total adds up to it: a 合计 over the rows below it may cover
    only the first of them (the block goes on with 上解, 调出 … that belong to the 总计), one under them the last."""
    ordered = reading if from_start else list(reversed(reading))
    acc = tol.Interval.exact(Decimal(0))
    for n, r in enumerate(ordered, 1):
        acc = acc + r.interval
        if n >= 2 and total.interval.meets(acc):
            return True
        if acc.lo > total.interval.hi and r.interval.lo >= 0:
            return False
    return False


def _covers_all(total: Row, reading: list[Row]) -> bool:
    """The reading's rows together stay below the total: no run of them could be its parts, however chosen."""
    return tol.total([r.interval for r in reading]).hi < total.interval.lo


def _readings_of(plain: list[Row], blanks: dict[int, float]) -> list[list[Row]]:
    """The ways a list of rows may hold a total's parts: all of them, the highest marked level (with loose rows
    before it), the outermost indentation, the roots of the indented tree, the rows left once every row followed
    by rows adding up to it has taken them (and with subtotals standing for their runs)."""
    readings: list[list[Row]] = [plain]
    top = marked_top(plain)
    if top:
        readings.append(top)
        loose = [r for r in plain if r.kind == "plain" and r.index < top[0].index]
        readings.append(loose + top)
    indented = indent_top(plain)
    if indented:
        readings.append(indented)
    roots = valued_roots(plain, blanks)
    if roots:
        readings.append(roots)
    arith, _nested = arithmetic_top(plain)
    readings.append(arith)
    readings.append(collapse_subtotals(arith))
    return readings


def check_total(
    total: Row,
    rows: list[Row],
    before: list[Row],
    wider: list[Row] | None = None,
    below: bool = False,
    blanks: dict[int, float] | None = None,
) -> Verdict | None:
    """A 合计/总计 row against the rows it totals (`below`: they stand under it); None when some reading of the rows
    explains it. `wider`: all the rows above it in its block, 小计 rows included — a 合计 may sum groups whose 小计
    stands at their head. Certain only where the reading is the table's own (marks or indentation) and the rows
    fall short of the total whichever run of them is taken."""
    rows = [r for r in rows if r.kind != "total"]
    if not rows:
        return None
    subtotals = [r for r in wider or [] if r.kind == "total"]
    extra: list[list[Row]] = []
    if subtotals:
        as_rows = [replace(r, kind="plain") if r.kind == "total" else r for r in without_qizhong(wider or [])]
        extra.append(arithmetic_top(as_rows)[0])
    variants = qizhong_readings(rows)
    plain = variants[0]
    readings: list[list[Row]] = []
    # 收入合计 › 其中：社会保险费收入, 财政补贴收入, …: a 其中 row heading the rows under a total lists its parts
    if below and rows[0].kind == "qizhong":
        run = list(itertools.takewhile(lambda r: r.kind == "plain", rows[1:]))
        readings.append([replace(rows[0], kind="plain"), *run])
    for variant in variants:
        readings += _readings_of(variant, blanks or {})
    top = marked_top(plain)
    indented = indent_top(plain)
    arith, nested = arithmetic_top(plain)
    readings += extra
    # (各项收入合计 = 本级收入合计 above + the top-level rows after it, however they nest: by code, indent or sums)
    readings += [r for r in (top, indented, arith) if r]
    for reading in list(readings):
        readings += [before + reading] if before else []
    if any(meets(total, reading) for reading in readings):
        return None
    verdict = _verdict_of_the_total(total, rows, wider, below, plain, top, indented, arith, nested, subtotals)
    return _nearest_reading(verdict, readings) if verdict is not None else None


def _gap(total: Row, parts: list[Row]) -> Decimal:
    return abs(total.fact.quantity.base_value - sum((p.fact.quantity.base_value for p in parts), Decimal(0)))


def _nearest_reading(verdict: Verdict, readings: list[list[Row]]) -> Verdict:
    """The reading a failed total is reported against: the one that misses it by least where that one misses by less
    than a hundredth of the total and the reading chosen by the table's marks misses by more (收入合计 150.00 over
    其中：保险费收入 90.00 and the rows under it, one of them printed 20.10: 150.10, one cell out — not 60.10 from
    the rows indented under the 其中 row alone)."""
    candidates = [r for r in readings if r]
    if not candidates:
        return verdict
    best = min(candidates, key=lambda r: _gap(verdict.total, r))
    small = abs(verdict.total.fact.quantity.base_value) / 100
    if _gap(verdict.total, best) < _gap(verdict.total, verdict.parts) and _gap(verdict.total, best) <= small:
        return Verdict(verdict.total, best, verdict.certainty)
    return verdict


def _verdict_of_the_total(
    total: Row,
    rows: list[Row],
    wider: list[Row] | None,
    below: bool,
    plain: list[Row],
    top: list[Row] | None,
    indented: list[Row] | None,
    arith: list[Row],
    nested: bool,
    subtotals: list[Row],
) -> Verdict | None:
    structured = [r for r in (top, indented, arith) if r]
    if any(_run_meets(total, r, from_start=below) for r in structured):
        return None
    grouped = _grouped_parts(total, rows, wider or [])
    if grouped is not None:
        return Verdict(total, grouped, CERTAIN)  # the group label merged down beside the rows says which they are
    if top is not None and _numbered_list(top, plain):
        return Verdict(total, top, CERTAIN)  # 合计 over 1．… 2．… 3．… and their 其中 rows: the numbers say the parts
    if not any(_covers_all(total, r) for r in structured):
        return Verdict(total, top or indented or plain, UNCERTAIN)  # some rows beyond the total's own parts
    if subtotals and top is None:
        return Verdict(total, plain, UNCERTAIN)  # 小计 rows whose groups the reading could not settle
    if top is not None and all(r.kind == "marked" for r in plain if r.index < top[0].index or r.index > top[-1].index):
        # (unmarked rows after the numbered ones — 政府性基金支出, 转移性支出 of a 平衡表 — may be the parts instead)
        return Verdict(total, top, CERTAIN)
    if indented is not None and top is None:
        return Verdict(total, indented, CERTAIN)  # the printed indentation says which rows are the parts
    flat = all(r.indent == plain[0].indent for r in plain) if plain[0].indent is not None else not nested
    if top is None and flat and not nested and all(r.kind == "plain" for r in plain):
        return Verdict(total, plain, CERTAIN)
    return Verdict(total, top or plain, UNCERTAIN)


_CN_DIGITS = "一二三四五六七八九十"


def _numbered_list(top: list[Row], plain: list[Row]) -> bool:
    """The total's rows are one numbered list, 1 to n (一 to 十) with nothing before its first item or after its last
    but that item's own 其中 rows: each number a part, and the rows between them their breakdowns."""
    if len(top) < 2 or top[0].family != "number" or plain[0] is not top[0]:
        return False
    numbers = []
    for r in top:
        found = section_label(r.label)
        mark = re.sub(r"[^\d一二三四五六七八九十]", "", found[1]) if found else ""
        numbers.append(int(mark) if mark.isdigit() else _CN_DIGITS.find(mark) + 1 if len(mark) == 1 else 0)
    if numbers != list(range(1, len(top) + 1)):
        return False
    after_last = [r for r in plain if r.index > top[-1].index]
    return not after_last or (
        after_last[0].kind == "qizhong" and all(r.kind in ("plain", "qizhong") for r in after_last)
    )


def _direct_children(parent: Row, children: list[Row]) -> list[Row]:
    """The marked rows of the parent's family at the first level under it."""
    level = min((r.level for r in children if r.kind == "marked" and r.family == parent.family), default=None)
    return [r for r in children if r.kind == "marked" and r.family == parent.family and r.level == level]


def _under_own_code(parent: Row, children: list[Row]) -> list[Row]:
    """The children up to the first marked row whose code lies outside the parent's."""
    return list(itertools.takewhile(lambda r: r.kind != "marked" or _descends(r, parent), children))


def _descends(row: Row, parent: Row) -> bool:
    """Whether a coded row's 科目编码 lies under the parent's (款 21303 under 类 213)."""
    code, head = re.sub(r"\D", "", row.fact.code), re.sub(r"\D", "", parent.fact.code)
    return not code or not head or code.startswith(head)


def check_marked_parents(rows: list[Row]) -> Iterator[Verdict]:
    """一、 = Σ its （一）…; a 类 = Σ its 款: wherever a marked row's direct children are all marked."""
    for i, parent in enumerate(rows):
        if parent.kind != "marked":
            continue
        children: list[Row] = []
        closed = False  # the next row at the parent's level or a total ends its block here (not the table's end)
        for r in rows[i + 1 :]:
            if r.kind == "total" or (r.kind == "marked" and r.family == parent.family and r.level <= parent.level):
                closed = True
                break
            children.append(r)
        direct = _direct_children(parent, children)
        if not direct:
            plain = [r for r in children if r.kind == "plain"]
            if (
                parent.family == "number"
                and closed
                and len(plain) >= 2
                and len(plain) == len(children)
                and not meets(parent, plain)
            ):
                # 一、税收收入 over 增值税 | 企业所得税 | … up to 二、: a numbered head over unnumbered rows, which may nest
                # (by indentation only): uncertain, unless another column of the same rows adds up (sum's check); a
                # block running to the table's end may go on where a page break cut the table
                yield Verdict(parent, plain, UNCERTAIN, unread=True)
            continue
        own = _under_own_code(parent, children)
        if len(own) < len(children):
            # 230 上解上级支出 then 23108 地方政府一般债务还本支出 (a 款 of 231): the rows under the parent's own code may be
            # all its children — or a code is misprinted (21040 信访事务 among 201's 款); either reading that adds up
            # settles it, and a parent with no child under its own code is not judged
            direct_own = _direct_children(parent, own)
            if not direct_own or meets(parent, direct_own):
                continue
        first = children.index(direct[0])
        coded_tree = all(r.kind == "marked" and r.family == parent.family == "code" for r in children)
        if len(direct) < 2 and len(children) > 1 and not coded_tree:
            continue  # one marked child among others: a partial list (a 类 with one 款 over its 项 is that 款)
        if meets(parent, direct):
            continue
        if len(direct) == 1 and coded_tree:
            # a 类 over one 款: where the 款 disagrees with its own 项 and the 类 agrees with them, the 款 is the
            # printing out of line (its own check names it), not the 类
            below = [r for r in children[1:] if r.level == min((x.level for x in children[1:]), default=0)]
            if below and not meets(direct[0], below) and meets(parent, below):
                continue
        ambiguous = any(r.kind == "plain" for r in children[:first])
        trailing = [r for r in children if r.index > direct[-1].index and r.kind == "plain"]
        if trailing and not meets(direct[-1], trailing):
            # 1、… 2、… then rows that are no breakdown of 2、: they stand under a numbered row printing no figure here
            # (3、县级专项资金 over its projects), so they may be parts too
            if meets(parent, direct + trailing):
                continue
            ambiguous = True
        yield Verdict(parent, direct, UNCERTAIN if ambiguous else CERTAIN)


MAX_CHILD_STEP = 30.0  # points: a child's label stands this close right of its parent's (a centred label is no child)


def check_indented_parents(rows: list[Row]) -> Iterator[Verdict]:
    """A row = Σ the rows indented one step under it, where indentation is the only hierarchy printed (no codes,
    no numbering: 国有企业资本金注入 over its 项). Certain only when the children exceed the row (no missing row
    explains that) and the level above confirms the row's value; otherwise uncertain, and a shortfall under an
    unconfirmed row (a partial list, a table by region) is not reported."""
    if len(rows) < 3 or any(r.indent is None or r.kind in ("marked", "qizhong") for r in rows):
        return
    for i, parent in enumerate(rows):
        if parent.kind != "plain":
            continue
        children: list[Row] = []
        for r in rows[i + 1 :]:
            if r.kind == "total" or not deeper(r, parent):
                break
            children.append(r)
        if not children:
            continue
        step = min(r.indent or 0.0 for r in children)
        if step - (parent.indent or 0.0) > MAX_CHILD_STEP:
            continue
        direct = [r for r in children if (r.indent or 0.0) <= step + INDENT_STEP]
        if meets(parent, direct) or parent.interval.lo < 0 or any(d.interval.lo < 0 for d in direct):
            continue
        exceeds = tol.total([d.interval for d in direct]).lo > parent.interval.hi
        confirmed = _confirmed_by_level_above(rows, i)
        if exceeds and confirmed and len(direct) >= 2:
            yield Verdict(parent, direct, CERTAIN)
        elif exceeds or confirmed:
            yield Verdict(parent, direct, UNCERTAIN)
        elif len(direct) >= 2 and _rows_fit_the_level_above(rows, i, direct):
            yield Verdict(parent, direct, CERTAIN)
        elif len(direct) >= 2 and _made_by_its_level(rows, i):
            # a 类 over its 款 that the 支出合计 confirms, its 款 short of it: a partial list unless another column of
            # the same rows adds up (said only then)
            yield Verdict(parent, direct, UNCERTAIN, unread=True)


def _level_above(rows: list[Row], i: int) -> tuple[int, list[Row]] | None:
    """The row a row is a part of — the nearest row above it indented less, or the 合计 heading its level — and the
    row's siblings under it (the rows at its indentation up to the next 合计 or shallower row)."""
    parent = rows[i]
    above = next(
        (
            j
            for j in range(i - 1, -1, -1)
            if deeper(parent, rows[j]) or (rows[j].kind == "total" and not deeper(rows[j], parent))
        ),
        None,
    )
    if above is None:
        # 类 rows over their 款 with the 支出合计 at the foot: the total below heads the level
        below = next(
            (j for j in range(i + 1, len(rows)) if rows[j].kind == "total" and not deeper(rows[j], parent)), None
        )
        if below is None:
            return None
        start = max((j + 1 for j in range(i) if rows[j].kind == "total"), default=0)
        same = [r for r in rows[start:below] if abs((r.indent or 0.0) - (parent.indent or 0.0)) <= INDENT_STEP]
        return below, same
    siblings: list[Row] = []
    for r in rows[above + 1 :]:
        if (
            r.kind == "total"
            or deeper(rows[above], r)
            or (r is not rows[above] and not deeper(r, rows[above]) and rows[above].kind != "total")
        ):
            break
        if abs((r.indent or 0.0) - (parent.indent or 0.0)) <= INDENT_STEP:
            siblings.append(r)
    return above, siblings


def _rows_fit_the_level_above(rows: list[Row], i: int, direct: list[Row]) -> bool:
    """Whether the row above does not fit the row with its siblings but fits them with the row's own rows in its place
    (支出合计 = Σ类 once 卫生健康支出 is counted as Σ its 款): the table itself says the row, not its rows, is off."""
    found = _level_above(rows, i)
    if found is None:
        return False
    above, siblings = found
    if len(siblings) < 2 or rows[i] not in siblings or meets(rows[above], siblings):
        return False
    others = [r.interval for r in siblings if r is not rows[i]]
    return rows[above].interval.meets(tol.total([*others, *(d.interval for d in direct)]))


def _confirmed_by_level_above(rows: list[Row], i: int) -> bool:
    """Whether the row's value is a part the table itself confirms: with its siblings (the rows at its indentation
    under the same row above) it makes that row. Indented rows of a table by region (市本级 over its counties) are
    no such parts."""
    parent = rows[i]
    above = next((j for j in range(i - 1, -1, -1) if deeper(parent, rows[j])), None)
    if above is None:
        return False
    siblings: list[Row] = []
    for r in rows[above + 1 :]:
        if r.kind == "total" or not deeper(r, rows[above]):
            break
        if abs((r.indent or 0.0) - (parent.indent or 0.0)) <= INDENT_STEP:
            siblings.append(r)
    return len(siblings) >= 2 and meets(rows[above], siblings)


def _made_by_its_level(rows: list[Row], i: int) -> bool:
    """Whether the row with its siblings makes the 合计 that heads or closes their level (类 rows under 支出合计)."""
    found = _level_above(rows, i)
    if found is None:
        return False
    above, siblings = found
    return len(siblings) >= 2 and rows[i] in siblings and meets(rows[above], siblings)


def _contiguous(block: list[Row]) -> list[Row]:
    """The rows of a breakdown up to the first row of the grid it skips (a row printing no figure here, 年度总体目标)."""
    out = block[:1]
    for r in block[1:]:
        if r.index != out[-1].index + 1:
            break
        out.append(r)
    return out


def _names_every_part(parent: Row, block: list[Row]) -> bool:
    """Whether a breakdown's labels are a set of parts that make up their whole (extractors/data/partitions.csv)."""
    return len(block) >= 2 and names_a_partition([b.label for b in block], parent.label)


def check_qizhong(rows: list[Row]) -> Iterator[Verdict]:
    """A "其中" breakdown larger than the row it breaks down. Its first part alone, always; all its parts when
    the next marked sibling of the row closes the breakdown (without one, where it ends is not known), or when
    the breakdown runs to the end of the rows under the last numbered row and an earlier closed breakdown of
    the column adds up exactly (一、余额 = 其中：一般债务 + 专项债务 … 七、限额 = 其中：一般债务 + 专项债务)."""
    confirmed = False
    outer: dict[int, Row] = {}  # a row of a 其中 breakdown → the row that breakdown is of
    for i, r in enumerate(rows):
        if r.kind != "qizhong" or i == 0 or rows[i - 1].kind == "qizhong":
            continue
        parent = rows[i - 1]
        block = [r]
        for nxt in rows[i + 1 :]:
            if nxt.kind != "plain":
                break
            block.append(nxt)
        for b in block:
            outer[id(b)] = parent
        # a 其中 right after another breakdown's rows may break down that breakdown's last row or, a second
        # breakdown of the same row (其中：一般债券 | 专项债券 | 其中：新增债券 | 再融资债券 under 发行额): where it fits
        # the earlier row, which one it is is not known
        earlier = outer.get(id(parent))
        if earlier is not None and tol.total([b.interval for b in block]).lo <= earlier.interval.hi:
            continue
        closer = rows[i + len(block)] if i + len(block) < len(rows) else None
        closed = (
            parent.kind == "marked"
            and closer is not None
            and closer.kind == "marked"
            and closer.family == parent.family
            and closer.level <= parent.level
        )
        at_end = parent.kind == "marked" and closer is None and confirmed
        if parent.fact.quantity.value < 0 or any(b.fact.quantity.value < 0 for b in block):
            continue  # a column of changes (增减): parts of a difference need not stay below it (a printed negative,
            # not a ceiling ≤50万元 further down the column)
        confirmed = confirmed or (closed and len(block) >= 2 and meets(parent, block))
        if len(block) >= 2 and any(meets(q, block) for q in rows[: i - 1]):
            continue  # 合计 | 一般公共预算 | … | 其他资金 | 其中：基本支出 | 项目支出: a breakdown of the 合计 above, by type
            yield Verdict(parent, [r], CERTAIN)
        elif (closed or at_end) and tol.total([b.interval for b in block]).lo > parent.interval.hi:
            yield Verdict(parent, block, CERTAIN)
        elif _names_every_part(parent, _contiguous(block)) and not meets(parent, _contiguous(block)):
            # 年度资金总额 › 其中：当年财政拨款 | 上年结转资金 | 其他资金: the rows name every source, so they add up
            yield Verdict(parent, _contiguous(block), CERTAIN)
