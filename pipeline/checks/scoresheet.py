"""scoresheet — 绩效自评表: declared category points, 总分, full points for a shortfall, actuals vs elsewhere."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.headings import section_label
from extractors.identity import last_word, last_year
from extractors.model import Claim, Fact, Provenance, Quantity
from extractors.outline import section_path
from extractors.report_kind import DEPARTMENT_FINAL_KINDS, PERFORMANCE_KINDS, in_order
from pipeline import tolerance as tol
from pipeline.checks import narrative_table as nt
from pipeline.checks.base import (
    Context,
    Figure,
    claim_figure,
    clean_label,
    fact_figure,
    fmt,
    in_unit,
    make_finding,
    rule,
    subject_key,
)
from pipeline.checks.compare import positions, sentences
from pipeline.findings import Finding

FAMILY = "scoresheet"
# score sheets (绩效自评表) stand in the performance reports and are appended to 部门/单位决算
SCORE_SHEET_KINDS = in_order(PERFORMANCE_KINDS, DEPARTMENT_FINAL_KINDS)
CATEGORY = rule(
    FAMILY,
    "category-points",
    "error",
    "一级指标声明分值与所属指标分值之和不符",
    "{category}声明 {declared} 分，所属各指标分值合计 {sum} 分",
    "score-sheet",
    "arithmetic",
    kinds=SCORE_SHEET_KINDS,
)
TOTAL = rule(
    FAMILY,
    "total",
    "error",
    "总分与各项分值/得分之和不符",
    "总分写 {stated}，各项合计 {expected}",
    "score-sheet",
    kinds=SCORE_SHEET_KINDS,
)
SHORTFALL = rule(
    FAMILY,
    "full-points-shortfall",
    "warning",
    "实际未达目标却给满分",
    "{indicator}目标 {target}，实际 {actual}，仍得满分 {points} 分",
    "score-sheet",
    kinds=SCORE_SHEET_KINDS,
)
OVER = rule(
    FAMILY,
    "score-over-points",
    "error",
    "得分超过分值",
    "{indicator}得分 {score} 超过分值 {points}",
    "score-sheet",
    kinds=SCORE_SHEET_KINDS,
)
ELSEWHERE = rule(
    FAMILY,
    "actual-vs-elsewhere",
    "error",
    "指标实际完成值与别处同一数字不符",
    "{indicator}实际完成值写 {stated}，{where}为 {expected}",
    "score-sheet",
    "cross-reference",
    kinds=SCORE_SHEET_KINDS,
)
SCORE_RATE = rule(
    FAMILY,
    "score-rate",
    "error",
    "评分表得分率与得分÷分值不符",
    "得分率应为 {score} ÷ {points} = {expected}%，表中写 {stated}%",
    "score-sheet",
    kinds=SCORE_SHEET_KINDS,
)
TOTAL_SAID = rule(
    FAMILY,
    "total-in-text",
    "error",
    "正文所写总得分与评分表总分不符",
    "正文写总得分 {stated}，评分表总分为 {expected}",
    "score-sheet",
    "cross-reference",
    kinds=SCORE_SHEET_KINDS,
)
CATEGORY_SAID = rule(
    FAMILY,
    "category-in-text",
    "error",
    "正文所写某类指标得分与评分表该类得分不符",
    "正文写{category}得分 {stated}，评分表该类得分为 {expected}",
    "score-sheet",
    "cross-reference",
    kinds=SCORE_SHEET_KINDS,
)
CATEGORY_SCORE = rule(
    FAMILY,
    "category-score",
    "error",
    "一级指标得分与所属指标得分之和不符",
    "{category}得分写 {stated}，所属各指标得分合计 {expected}",
    "score-sheet",
    "arithmetic",
    kinds=SCORE_SHEET_KINDS,
)
RULES = [CATEGORY, TOTAL, SHORTFALL, OVER, ELSEWHERE, SCORE_RATE, TOTAL_SAID, CATEGORY_SAID, CATEGORY_SCORE]

_DECLARED = re.compile(r"([\u4e00-\u9fff]*指标)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
_NAMED_POINTS = re.compile(r"^([\u4e00-\u9fff]+?)[（(](\d+(?:\.\d+)?)分[）)]$")
_HEDGE = re.compile(r"^(基本|大部分|部分|大体|大致|未|尚未|没有|未能|暂未)")
# grades of one scale, best first; 较好 and 良好 stand on one rank (two scales' second grade: 好/较好, 优秀/良好)
_QUALITATIVE_ORDER = ("显著", "明显", "较好", "良好", "一般", "较差")
_SAME_RANK = {"良好": "较好"}


@dataclass
class Row:
    table: int
    row: int
    labels: tuple[str, ...]
    cells: dict[str, Fact] = field(default_factory=dict)  # role → fact
    unnamed: bool = False  # prints no label of its own: its labels are the row above's, carried down
    every: list[Fact] = field(default_factory=list)  # all the row's facts, in column order

    @property
    def indicator(self) -> str:
        labs = [clean_label(x) for x in self.labels if clean_label(x)]
        labs = [x for x in labs if not _DECLARED.search(x) and not x.endswith("指标") and x != "绩效指标"]
        # 过程（30分） › 预算执行 › 政府采购执行率: the most specific label names the indicator, not its category
        return labs[-1] if labs else (clean_label(self.labels[-1]) if self.labels else "")


def _col_role(f: Fact) -> str:
    text = "".join(clean_label(x) for x in f.column_labels)
    for word, role in (
        ("得分率", "score_rate"),
        ("得分", "score"),
        ("分值", "points"),
        ("权重", "points"),  # 权重（分） of a third-party evaluation's 评分表: the indicator's points
        ("执行率", "rate"),
        ("完成值", "actual"),
    ):
        if word in text:
            return role
    if re.search(r"指标值|目标|计划值|计划数|预期值|年度计划", text):  # (年度计划值 | 实际完成值: the target)
        return "target"
    if "全年预算" in text:
        return "budget_full"
    if "执行数" in text:
        return "spent"
    return ""


def points_or_score(f: Fact) -> bool:
    """Whether a cell is of a score sheet's 分值 or 得分 column (this family adds those up, by category and total)."""
    return _col_role(f) in ("points", "score")


def score_tables(facts: list[Fact]) -> dict[int, list[Row]]:
    by_table: dict[int, dict[int, Row]] = defaultdict(dict)
    for f in facts:
        if f.prov.table is None or f.prov.row is None:
            continue
        r = by_table[f.prov.table].setdefault(f.prov.row, Row(f.prov.table, f.prov.row, tuple(f.row_labels)))
        role = _col_role(f)
        r.every.append(f)
        if role and role not in r.cells:
            r.cells[role] = f
        if len(f.row_labels) > len(r.labels):
            r.labels = tuple(f.row_labels)
    out: dict[int, list[Row]] = {}
    for t, rows in by_table.items():
        for r in rows.values():
            _points_of_the_score(r)
        if any("points" in r.cells for r in rows.values()):
            out[t] = [rows[k] for k in sorted(rows)]
            for above, r in zip(out[t], out[t][1:], strict=False):
                # the reader carries a label down into a row that prints none (own_label): |  |  |  | 50 | 49 |
                r.unnamed = r.labels == above.labels and not any(f.own_label for f in r.every)
    return out


def _points_of_the_score(r: Row) -> None:
    """一级指标 | 分值 | 二级指标 | 分值 | 得分: the 分值 a row's 得分 is scored out of is the last one before it (the
    indicator's own), not the category's printed first in a cell merged down over its indicators."""
    score = r.cells.get("score")
    if score is None or score.prov.col is None:
        return
    # 一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 with the category's cells merged down: the row's own indicator is its
    # last pair, the category's printed only in its first row
    scores = [f for f in r.every if _col_role(f) == "score" and f.prov.col is not None]
    score = max(scores, key=lambda f: f.prov.col or 0)
    r.cells["score"] = score
    before = [f for f in r.every if _col_role(f) == "points" and (f.prov.col or 0) < (score.prov.col or 0)]
    if before:
        r.cells["points"] = max(before, key=lambda f: f.prov.col or 0)


_TOTAL_WORDS = ("总分", "合计", "总计")


def _is_total_row(r: Row) -> bool:
    return any(clean_label(x) in _TOTAL_WORDS for x in r.labels)


def _is_subtotal_row(r: Row) -> bool:
    """A category's 小计 row (决策 … 小计 | 20 | 18.00): its points and score are its rows', not an indicator's. A row
    printing points with no name at all ( |  |  |  | 50 | 49 |) is one too: an indicator has a name."""
    if any(clean_label(x).endswith("小计") for x in r.labels):
        return True
    return r.unnamed or not any(clean_label(x) for x in r.labels)


def _label_prov(r: Row, text: str, fallback: Fact) -> Provenance:
    """The label cell's place: labels stand contiguously left of the row's first figure."""
    idx = next((i for i, x in enumerate(r.labels) if text in "".join(x.split())), 0)
    first_col = min(f.prov.col for f in r.cells.values() if f.prov.col is not None)
    return fallback.prov.with_(col=max(first_col - (len(r.labels) - idx), 0), span=None)


def _pts(q: Quantity) -> tol.Interval:
    """Whole-number points are exact, whatever unit the cell printed (usually none)."""
    return tol.Interval.exact(q.value) if q.decimals == 0 and q.approx == "exact" else tol.interval(q)


def _q(value: Decimal, text: str) -> Quantity:
    return Quantity(value, "分", value, "分", "points", 0 if value == value.to_integral() else 2, text)


def _category_levels(rows: list[Row]) -> set[int]:
    """The label levels at which the sheet declares its categories' points (产出指标（50分） in the 一级指标 column)."""
    return {i for r in rows for i, x in enumerate(r.labels) if _DECLARED.search("".join(x.split()))}


def _declared(r: Row, levels: set[int]) -> re.Match[str] | None:
    """The points a row's category declares: a label naming an 指标 with its points, or any name with its points at
    the level where the sheet declares its categories (预算执行率（10分） as an 一级指标 of its own)."""
    for i, x in enumerate(r.labels):
        text = "".join(x.split())
        m = _DECLARED.search(text)
        if m is None and i in levels:
            m = _NAMED_POINTS.match(text)
            m = m if m is not None and m.group(1) not in _TOTAL_WORDS else None
        if m is not None:
            return m
    return None


def _categories(rows: list[Row]) -> list[tuple[str, Decimal, Row, list[Row]]]:
    cats: list[tuple[str, Decimal, Row, list[Row]]] = []
    current: list[Row] | None = None
    levels = _category_levels(rows)
    for r in rows:
        if _is_total_row(r) or _is_subtotal_row(r) or "points" not in r.cells:
            continue
        m = _declared(r, levels)
        if m is not None and (not cats or cats[-1][0] != m.group(1)):
            current = [r]
            cats.append((m.group(1), Decimal(m.group(2)), r, current))
        elif current is not None and _under_another_label(r, cats[-1][2], cats[-1][0]):
            current = None  # a category that declares no points (满意度 cut from 指标（10分） by a page break)
        elif current is not None and _complete_and_apart(current, cats[-1][1], r):
            # 满意度指标（10分）| … | 10 then 预算执行率 | (blank) | (blank) | … | 10: the category already has its points,
            # and a row whose labels do not line up with its own stands under the next 一级 label
            current = None
        elif current is not None:
            current.append(r)
    return cats


def _complete_and_apart(items: list[Row], declared: Decimal, r: Row) -> bool:
    have = sum((x.cells["points"].quantity.value for x in items), Decimal(0))
    return have == declared and len(r.labels) < len(items[0].labels)


def _under_another_label(r: Row, first: Row, name: str) -> bool:
    """Whether a row stands under another label than the category's own, at the level where the category's first
    row declares it (the labels lined up: as many of them)."""
    level = next((i for i, x in enumerate(first.labels) if name in "".join(x.split())), None)
    if level is None or len(r.labels) != len(first.labels):
        return False
    own = clean_label(r.labels[level])
    return bool(own) and own != clean_label(first.labels[level])


def _check_categories(rows: list[Row]) -> Iterator[Finding]:
    for name, declared, first, items in _categories(rows):
        pts = [r.cells["points"].quantity for r in items]
        computed = tol.total([_pts(q) for q in pts])
        stated = _q(declared, f"{declared}分")
        if tol.verdict(stated, computed) == tol.OK:
            continue
        s = sum((q.value for q in pts), Decimal(0))
        label = next((x for x in first.labels if name in "".join(x.split())), name)
        fig = Figure(
            "fact",
            stated,
            name,
            name,
            "points",
            _label_prov(first, name, first.cells["points"]),
            label,
            name,
            first.cells["points"],
        )
        yield make_finding(
            CATEGORY,
            "error",
            fig,
            f"{name}声明 {fmt(declared)} 分，但其下 {len(items)} 个指标的分值合计 "
            f"{' + '.join(fmt(q.value) for q in pts)} = {fmt(s)} 分，两者不符",
            expected=s,
            derivation=" + ".join(fmt(q.value) for q in pts),
            related=[items[0].cells["points"].prov, items[-1].cells["points"].prov],
            subject=name,
        )


def _check_category_scores(rows: list[Row]) -> Iterator[Finding]:
    """A category row printed with its points and score above the indicators its points break down into (产出 | 40 |
    35.5 over 产出数量 | 15 | 14.0, …): its score is theirs added up."""
    items = [r for r in rows if "points" in r.cells and not _is_total_row(r)]
    for r, run in _breakdowns(items):
        if (
            not _a_category_row(r)
            or _is_subtotal_row(r)  # (决策 | 小计 | 20 | 19.5: its 小计 is checked as one, `_check_subtotals`)
            or "score" not in r.cells
            or any("score" not in x.cells for x in run)
        ):
            continue
        scores = [x.cells["score"].quantity for x in run]
        stated = r.cells["score"]
        if tol.verdict(stated.quantity, tol.total([_pts(q) for q in scores])) == tol.OK:
            continue
        s = sum((q.value for q in scores), Decimal(0))
        name = next((clean_label(x) for x in r.labels if clean_label(x) and "小计" not in x), "该类指标")
        how = " + ".join(fmt(q.value) for q in scores)
        yield make_finding(
            CATEGORY_SCORE,
            "error",
            fact_figure(stated, None),
            f"{name}得分写 {stated.text.strip() or fmt(stated.quantity.value)}，而其下 {len(run)} 个指标的得分合计 "
            f"{how} = {fmt(s)}，两者不符",
            expected=s,
            derivation=how,
            related=[run[0].cells["score"].prov, run[-1].cells["score"].prov],
            subject=f"{name}（得分）",
        )


def _lead_tables(tables: dict[int, list[Row]], t: int) -> list[list[Row]]:
    """The score tables just before table t that hold no total of their own, nearest first: the first
    part of a score sheet split over several tables (the 预算执行率 row above the 指标 rows and the 总分)."""
    lead: list[list[Row]] = []
    prev = t - 1
    while prev in tables and not any(_is_total_row(r) and not _sums_rows_above(r, tables[prev]) for r in tables[prev]):
        # (基本支出 4 | 项目支出 6 | 合计 10 before the 指标 rows: a breakdown's 合计, no sheet's total)
        lead.append(tables[prev])
        prev -= 1
    return lead


def _sums_rows_above(total: Row, rows: list[Row]) -> bool:
    """Whether a total row's points are the sum of the points of the rows right above it (two or more)."""
    return _parts_above(total, [r for r in rows[: rows.index(total)] if "points" in r.cells]) > 0


def _parts_above(total: Row, above: list[Row]) -> int:
    """How many of the rows right above a total row (each with points) add up to its points: 0 when no run of two
    or more does (基本支出 | 4, 项目支出 | 6 above 合计 | 10: 2)."""
    if "points" not in total.cells:
        return 0
    for n in range(2, len(above) + 1):
        if _adds_up(total.cells["points"], [r.cells["points"].quantity for r in above[-n:]]):
            return n
    return 0


def _readings(items: list[Row], lead: list[list[Row]], role: str) -> list[list[Quantity]]:
    """The figures the total may add up: its own table's, then with each earlier table of the sheet."""
    rows = list(items)
    readings = [[r.cells[role].quantity for r in rows if role in r.cells]]
    for table in lead:
        rows = _without_breakdowns([r for r in table if "points" in r.cells]) + rows
        readings.append([r.cells[role].quantity for r in rows if role in r.cells])
    return readings


def _check_total(rows: list[Row], lead: list[list[Row]]) -> Iterator[Finding]:
    """总分 against the sum of the items; a sheet split over tables is added up over all of them, and the
    total stands when it agrees with its own table alone or with the earlier tables joined."""
    totals = [r for r in rows if _is_total_row(r)]
    if not totals:
        return
    tr = totals[-1]
    tfacts = sorted(tr.every, key=lambda f: f.prov.col or 0)
    # (指标 rows, 合计 | 90 | 88.7, 总分 | 100 | 98.35: an earlier total row sums rows above it, no item of its own)
    items = [
        r for r in rows if r is not tr and "points" in r.cells and not _is_subtotal_row(r) and not _is_total_row(r)
    ]
    subtotals = [r for r in rows if r is not tr and "points" in r.cells and _is_subtotal_row(r)]
    if not tfacts or not items:
        return
    if any(_points_unread(r) for r in rows if r is not tr and not _is_subtotal_row(r)):
        return  # a row scored whose 分值 was printed but not read (1E+1): the sums cannot be told
    # a total row printing no 分值 or 得分 of its own column falls back on its figures in order only when they stand in
    # no column of another kind (合计 | 320.63 | 311.48 | — | 97.15 | — sums the money, not the points)
    unnamed = [f for f in tfacts if not _col_role(f)]
    pts_fact = tr.cells.get("points") or (unnamed[0] if unnamed and unnamed[0] is tfacts[0] else None)
    score_fact = tr.cells.get("score") or (unnamed[1] if len(unnamed) > 1 and unnamed[1] is tfacts[1] else None)
    # how many tables the sheet spans: as many as the 分值 total adds up over (a table of indicators before a
    # summary of the categories is their detail, not more of the sheet)
    spans = [
        k
        for k, qs in enumerate(_readings(items, lead, "points"))
        if qs and pts_fact is not None and _adds_up(pts_fact, qs)
    ]
    unlisted: Decimal | None = None  # the points of items the table does not list (预算执行 10分 said in the text)
    for what, tf, role in (("分值", pts_fact, "points"), ("得分", score_fact, "score")):
        if tf is None:
            continue
        every = _readings(items, lead, role)
        readings = [qs for qs in every if qs]
        readings += [qs for qs in [[r.cells[role].quantity for r in subtotals if role in r.cells]] if qs]
        # 年度资金总额（合计）| 10 over 其中：基本支出 | 4 and 项目支出 | 6: points given a total and its parts count once
        whole_only = [r.cells[role].quantity for r in _without_breakdowns(items) if role in r.cells]
        if whole_only and len(whole_only) < len(items):
            readings.append(whole_only)
        # (一、决策 | 10 | 8.5 over its indicators: the indicators alone, their category rows left out, add up too)
        broken = {id(r) for r, _run in _breakdowns(items)}
        leaves = [r.cells[role].quantity for r in items if id(r) not in broken and role in r.cells]
        if broken and leaves:
            readings.append(leaves)
        if not readings or any(_adds_up(tf, qs) for qs in readings):
            continue
        if role == "score" and spans and every[spans[0]]:
            qs = every[spans[0]]
        else:
            qs = readings[0] if subtotals else readings[-1]
        s = sum((q.value for q in qs), Decimal(0))
        gap = tf.quantity.value - s
        if (
            role == "points"
            and gap > 0
            and all(sum((q.value for q in r), Decimal(0)) < tf.quantity.value for r in readings)
        ):
            # 总分 100 over rows of 90 points: the sheet leaves an item out (预算执行 10分, scored in the text), so
            # neither total can be judged from its rows alone; a 得分 gap beyond the missing points still can
            unlisted = gap
            yield make_finding(
                TOTAL,
                "info",
                fact_figure(tf, None),
                f"总分行分值写 {fmt(tf.quantity.value)}，而表中所列各项分值之和为 {fmt(s)}（{len(qs)} 项），"
                f"另有 {fmt(gap)} 分的指标未列于表中，总分未作判定",
                expected=s,
                derivation="各项分值之和",
                subject=f"总分（{what}）",
            )
            continue
        if role == "score" and unlisted is not None and Decimal(0) <= gap <= unlisted:
            continue  # what the unlisted items scored, within their points
        yield make_finding(
            TOTAL,
            "error",
            fact_figure(tf, None),
            f"总分行写 {fmt(tf.quantity.value)}，而各项{what}之和为 {fmt(s)}（{len(qs)} 项）",
            expected=s,
            derivation=f"各项{what}之和",
            related=[items[0].cells[role].prov] if role in items[0].cells else [],
            subject=f"总分（{what}）",
        )


def _points_unread(r: Row) -> bool:
    """Whether a row prints a score but no 分值 the sheet could read (1E+1 where 10 was meant), in a sheet whose other
    rows print theirs."""
    return "score" in r.cells and "points" not in r.cells


def _breakdowns(items: list[Row]) -> list[tuple[Row, list[Row]]]:
    """Each item with the rows its points break down into (合计 | 10, 其中：基本支出 | 4, 项目支出 | 6; 一、决策 | 10 over
    项目立项 | 5 and 绩效目标 | 5): the run of rows right after it, the first labelled 其中 or the item a category,
    whose points add up to the item's."""
    out: list[tuple[Row, list[Row]]] = []
    k = 0
    while k < len(items):
        r = items[k]
        k += 1
        first = items[k] if k < len(items) else None
        category = _a_category_row(r)
        if first is None or not (any(x.strip().startswith("其中") for x in first.labels) or category):
            continue
        run: list[Row] = []
        for x in items[k:]:
            top = _TOP_NUMBERING.match(" ".join(x.labels))
            if category and (top or (not run and _a_category_row(x) and not _SUB_NUMBERING.match(" ".join(x.labels)))):
                break  # (二、产出 after 一、决策's indicators, 过程 right after 决策: the next category, no part of it)
            run.append(x)
            if len(run) >= (1 if category else 2) and _adds_up(
                r.cells["points"], [y.cells["points"].quantity for y in run]
            ):
                out.append((r, run))
                k += len(run)
                break
    return out


def _without_breakdowns(items: list[Row]) -> list[Row]:
    """The items without the rows a 其中 or a category breaks an item's points down into (`_breakdowns`)."""
    skipped = {id(x) for _r, run in _breakdowns(items) for x in run}
    out = [r for r in items if id(r) not in skipped]
    # 基本支出 | 4, 项目支出 | 6, 合计 | 10: the parts printed before the 合计 that adds them up
    for r in [x for x in out if _is_total_row(x) and "points" in x.cells]:
        at = out.index(r)
        n = _parts_above(r, out[:at])
        out = out[: at - n] + out[at:]
    return out


_CATEGORY_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")


def _a_category_row(r: Row) -> bool:
    """一、决策 | 10 | 8.5 over 项目立项 | 5 and 绩效目标 | 5, or 产出 | 40 | 小计 | 40 | 35.5: a category printed with its
    own points above the indicators that make them up."""
    own = next((x for x in reversed(r.labels) if x.strip()), "")  # (决策 | 项目立项 | 5: the indicator's own row)
    # (决策 | 10 | 项目立项 | 5 | 4.5: the category's 10 beside its first indicator's 5 — the indicator's row)
    points = {f.quantity.value for f in r.every if _col_role(f) == "points"}
    # (决策小计 | 20 | 18.5 closes the rows above it: no head of the rows below, `_check_subtotals` reads it)
    return len(points) <= 1 and bool(_CATEGORY_NUMBERING.match(own) or _named_category(own))


def _named_category(label: str) -> bool:
    """决策, 产出指标, 效益类指标（30分）: a category's own name (not 项目管理, an indicator of 过程)."""
    text = re.sub(r"[（(][^）)]*[）)]|\s", "", label).removesuffix("指标").removesuffix("类")
    return text in _CATEGORY_NAMES


_TOP_NUMBERING = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]")
_SUB_NUMBERING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")


def _adds_up(total: Fact, parts: list[Quantity]) -> bool:
    return tol.verdict(total.quantity, tol.total([_pts(q) for q in parts])) == tol.OK


# 成本指标 › 亩均投资（元/亩）| 1500 | 1480: a cost (or a rate of mishaps) is met at or below its target
_LOWER_IS_BETTER = re.compile(r"成本|单价|造价|发生率|事故率|投诉率|差错率")


def _lower_is_better(r: Row) -> bool:
    text = "".join(clean_label(x) for x in r.labels)
    # (森林火灾发生率下降幅度, 成本降低率: how much it fell, the more the better)
    return bool(_LOWER_IS_BETTER.search(text)) and not re.search(r"下降|降低|减少|减幅|降幅", text)


def _short(target: Quantity, actual: Quantity, lower_is_better: bool = False) -> bool:
    if target.dimension != actual.dimension or target.base_unit != actual.base_unit:
        return False
    # (in base units: 2.13万人 meets ≥21000人)
    if lower_is_better or target.approx in ("at-most", "less-than"):
        return tol.base_interval(actual).lo > tol.base_interval(target).hi
    return tol.base_interval(actual).hi < tol.base_interval(target).lo


def _columns(rows: list[Row]) -> dict[str, int]:
    """The grid column of each score-sheet role (target, actual…), by majority over the rows."""
    votes: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        for role, f in r.cells.items():
            if f.prov.col is not None:
                votes[role][f.prov.col] += 1
    return {role: max(v, key=lambda c: v[c]) for role, v in votes.items()}


def _texts(ctx: Context, r: Row, cols: dict[str, int]) -> tuple[str, str, Provenance, Provenance] | None:
    """Qualitative target and actual of a row, read from the document's grid when the document is at hand."""
    if ctx.doc is None or "target" not in cols or "actual" not in cols:
        return None
    tables = ctx.doc.tables()
    if r.table >= len(tables):
        return None
    table = tables[r.table]
    if r.row >= table.n_rows:
        return None
    grid = table.covering()
    tc, ac = grid[r.row][cols["target"]], grid[r.row][cols["actual"]]
    if tc is None or ac is None or tc is ac:
        return None
    t, a = clean_label(tc.text), clean_label(ac.text)
    if not t or not a:
        return None
    return t, a, table.cell_prov(tc), table.cell_prov(ac)


def _qual_short(target: str, actual: str) -> bool:
    if _HEDGE.match(actual) and not _HEDGE.match(target) and target in actual:
        return True
    if target in _QUALITATIVE_ORDER and actual in _QUALITATIVE_ORDER:
        rank = [_QUALITATIVE_ORDER.index(_SAME_RANK.get(x, x)) for x in (actual, target)]
        return rank[0] > rank[1]
    return False


def _check_shortfall(ctx: Context, rows: list[Row]) -> Iterator[Finding]:
    cols = _columns(rows)
    for r in rows:
        pts, score = r.cells.get("points"), r.cells.get("score")
        if pts is None or score is None:
            continue
        if score.quantity.value > pts.quantity.value:
            yield make_finding(
                OVER,
                "error",
                fact_figure(score, None),
                f"{r.indicator}得分 {fmt(score.quantity.value)} 超过其分值 {fmt(pts.quantity.value)}",
                expected=pts.quantity.value,
                derivation="得分不应超过分值",
                related=[pts.prov],
                subject=r.indicator,
            )
            continue
        if score.quantity.value < pts.quantity.value:
            continue
        t, a = r.cells.get("target"), r.cells.get("actual")
        where = [x.prov for x in (t, a) if x is not None]
        if t is not None and a is not None and _short(t.quantity, a.quantity, _lower_is_better(r)):
            desc = f"目标 {t.text.strip() or fmt(t.quantity.value)}，实际 {a.text.strip() or fmt(a.quantity.value)}"
        else:
            if t is None and a is None and ctx.doc is None and {"target", "actual"} <= cols.keys():
                # the target and the actual are words (按计划完成), not facts: only the table itself shows them
                yield make_finding(
                    SHORTFALL,
                    "info",
                    fact_figure(score, None),
                    f"{r.indicator}得满分 {fmt(pts.quantity.value)} 分，其年度指标值与实际完成值为文字，"
                    "未取得原表，未能核对是否达到目标",
                    related=[pts.prov],
                    subject=r.indicator,
                )
                continue
            texts = _texts(ctx, r, cols) if (t is None and a is None) else None
            if texts is None or not _qual_short(texts[0], texts[1]):
                continue
            desc = f"年度指标值“{texts[0]}”，实际完成值“{texts[1]}”"
            where = [texts[2], texts[3]]
        yield make_finding(
            SHORTFALL,
            "warning",
            fact_figure(score, None),
            f"{r.indicator}{desc}，未完全达到目标，却得满分 {fmt(pts.quantity.value)} 分（分值 {fmt(pts.quantity.value)}）",
            expected=None,
            related=where + [pts.prov],
            subject=r.indicator,
        )


# ------------------------------------------------------------------ actual vs elsewhere


_RATE_WORD = re.compile(r"[\u4e00-\u9fff]{1,3}(?:率|度)$")


def _rate_word(name: str) -> str:
    """The measure a name ends in: 覆盖率, 执行率, 满意度 ('' when none)."""
    m = _RATE_WORD.search(name)
    return m.group(0)[-2:] if m else ""


def _match(indicator: str, f: Figure) -> int:
    """2 = same subject (synonyms applied), 1 = one name contains the other, 0 = unrelated."""
    ik = subject_key(indicator)
    if _level_named(indicator) != _level_named(f.subject):
        return 0  # 省级公益林管护面积 is not the 公益林管护面积 of which 省级公益林 is a part
    keys = {f.key}
    if f.kind == "fact" and f.role == "rate":
        cols = [clean_label(x) for x in getattr(f.obj, "column_labels", ()) if clean_label(x)]
        keys |= {subject_key(c) for c in cols[-1:]}
        # a project's 执行率 is no indicator's 覆盖率, however alike their names
        mine, its = _rate_word(ik), {_rate_word(k) for k in keys} - {""}
        if mine and its and mine not in its:
            return 0
    if ik in keys:
        return 2
    for k in keys:
        short, long_ = sorted((k, ik), key=len)
        if len(short) >= 3 and short in long_ and len(short) * 2 >= len(long_):
            return 1
    return 0


def _level_named(name: str) -> str:
    """The level a name states (省级/市级/县级/本级 → 本级; 所属单位/乡镇 → 下级), which is part of an indicator's name."""
    level = last_word("scope", name)
    return level if level in ("本级", "下级") else ""


_TARGET_FRAME = re.compile(r"目标(?:设定|为|是|值)|绩效目标|预期目标|年度目标|计划|指标值")
_ACTUAL_FRAME = re.compile(r"完成|实际|实现|达成|取得")
_DONE_FRAME = re.compile(r"实际|已|累计|共完成|全年完成")


def _stated_as_target(c: Claim) -> bool:
    """A figure of a text that sets targets (4.绩效目标设定情况 › 设定部门整体绩效目标为：…管理人数达到0.55万人): the
    target, not what was achieved — unless its sentence says what was done after naming the target."""
    start = c.sentence.find(c.quantity.text)
    head = c.sentence[: start if start >= 0 else len(c.sentence)]
    clause = re.split(r"[，,；;。]", head)[-1]
    if c.quantity.approx in ("at-least", "at-most") and not _ACTUAL_FRAME.search(clause):
        return True  # …覆盖率年度指标值≥85%，实际完成80.8%: a bound is what was aimed at
    if _TARGET_FRAME.search(clause) and not _ACTUAL_FRAME.search(clause):
        return True  # (the 实际完成 of the clause before names the earlier indicator's outcome)
    target = [m.end() for m in _TARGET_FRAME.finditer(head)]
    actual = [m.end() for m in _ACTUAL_FRAME.finditer(head)]
    if target:
        return not actual or max(actual) < max(target)
    heading = c.section.split("›")[-1]
    if not _TARGET_FRAME.search(heading) or _ACTUAL_FRAME.search(heading):
        return False
    # under a heading of targets (（三）项目绩效目标), "完成校舍改造4.5万平方米，…" sets them: only words of what was done
    # (实际, 已, 累计) make it an outcome
    return not actual or not _DONE_FRAME.search(head)


_FENBIE_RUN = re.compile(r"分别[^，,；;。]{0,6}?[\d.]+\s*%?(?:[、和及与][\d.]+\s*%?)+")


def _paired_by_fenbie(c: Claim) -> bool:
    """Whether a figure is one of several a 分别 pairs with as many names."""
    return any(c.quantity.text.strip() in m.group(0) for m in _FENBIE_RUN.finditer(c.sentence))


def _elsewhere(ctx: Context, r: Row, a: Fact) -> tuple[list[Figure], int]:
    """Figures elsewhere for the same indicator and role (actual), best match first."""
    row_objs = {id(f) for f in r.every}  # (the row's own target, whatever its column is called, is no figure elsewhere)
    cands: list[tuple[int, Figure]] = []
    for f in ctx.figures:
        if id(f.obj) in row_objs or f.quantity.base_unit != a.quantity.base_unit:
            continue
        if f.kind == "fact" and "完成值" in "".join(getattr(f.obj, "column_labels", ())):
            continue
        if f.role not in ("actual", "", "rate") or (isinstance(f.obj, Claim) and _stated_as_target(f.obj)):
            continue
        if isinstance(f.obj, Claim) and _paired_by_fenbie(f.obj):
            continue  # 高血压、2型糖尿病患者规范管理率分别达到78.4%和76.9%: which name each value is of is not read
        m = _match(r.indicator, f)
        if m:
            cands.append((m, f))
    if not cands:
        return [], 0
    # a department's sheet row (预算执行率 97.38%) against 该项目…预算执行率96.06% under a project's heading, or a project
    # list's row: another item's figure, however alike its name, is not the indicator's
    own = _project_key(a.identity.item or _sheet_project(ctx, a))
    lists = _project_lists(ctx)
    cands = [(m, f) for m, f in cands if _project_key(_item_of(f, lists)) in ("", own)]
    if not cands:
        return [], 0
    best = max(m for m, _ in cands)
    return [f for m, f in cands if m == best], best


def _project_key(name: str) -> str:
    """A project's name without its numbering and a closing bracket (（二）高标准农田建设项目（马市镇片区）)."""
    found = section_label(name)
    name = name[len(found[1]) :] if found and name.startswith(found[1]) else name
    return re.sub(r"[（(][^（）()]*[）)]$", "", name.strip()).strip()


def _sheet_project(ctx: Context, a: Fact) -> str:
    """The project heading a project's sheet stands under (（一）马市镇农村人居环境整治提升项目 › 表3 人居环境整治项目绩效指标
    完成情况表); a sheet titled for the department (部门整体支出绩效评价指标得分表) is the department's wherever it stands."""
    title = a.table_title or ""
    if "部门" in title or "项目" not in title:
        return ""
    for e in reversed(section_path(ctx.outline, a.prov)):
        if _project_key(e.text).endswith("项目"):
            return e.text
    return ""


def _project_name(f: Fact) -> str:
    return next((x for x in map(clean_label, f.row_labels) if len(x) > 2 and x.endswith("项目")), "")


def _project_lists(ctx: Context) -> set[int]:
    """The tables whose rows are projects (序号 | 项目名称 | 资金来源 | … | 执行率), two or more of them."""
    key = "scoresheet.project_lists"
    if key not in ctx.cache:
        rows: dict[int, set[str]] = defaultdict(set)
        rated: dict[int, set[str]] = defaultdict(set)  # rows naming an item with an 执行率 of their own
        for f in ctx.facts:
            name = _project_name(f)
            if name and f.prov.table is not None:
                rows[f.prov.table].add(name)
            row = _row_name(f)
            if row and f.prov.table is not None and _col_role(f) == "rate":
                rated[f.prov.table].add(row)
        # (公共文化服务体系建设 | 386.00 | 372.45 | 96.49%, 农村电影放映工程 | …: projects by their rows, however named)
        ctx.cache[key] = {t for t, names in rows.items() if len(names) >= 2} | {
            t for t, names in rated.items() if len(names) >= 2
        }
    found: set[int] = ctx.cache[key]
    return found


def _item_of(f: Figure, project_lists: set[int]) -> str:
    """The project a figure is of: its heading's or its identity's, or in a project list the project its row names —
    and its 合计 row is of the projects' spending (项目支出), not of the department's whole."""
    if not isinstance(f.obj, Fact):
        # a project heading's (（一）高标准农田建设项目); a topic heading (2.农业技术推广与高素质农民培育) says what the
        # indicators are about, as the sheet does
        return f.identity.item if _project_key(f.identity.item).endswith("项目") else ""
    if f.identity.item:
        return f.identity.item
    if f.obj.prov.table not in project_lists:
        return ""
    return _project_name(f.obj) or _row_name(f.obj) or "项目支出"


def _row_name(f: Fact) -> str:
    """The name a table row gives its item (not a 合计 row's, nor a bare number's)."""
    name = next((x for x in map(clean_label, f.row_labels) if len(x) > 2 and not x.isdigit()), "")
    return "" if name in _TOTAL_WORDS or re.fullmatch(r"(?:小计|合计|总计)", name) else name


def _check_elsewhere(ctx: Context, rows: list[Row]) -> Iterator[Finding]:
    for r in rows:
        a = r.cells.get("actual")
        if a is None or not r.indicator:
            continue
        figs, strength = _elsewhere(ctx, r, a)
        if not figs:
            continue
        af = fact_figure(a, ctx.doc_year)
        good, _bad = nt.consensus(ctx, figs)
        if any(nt.agree(af, g) for g in figs):
            continue  # some printing elsewhere agrees
        ref = good[0]
        expected = in_unit(ref.quantity.base_value, a.quantity)
        where = "、".join(dict.fromkeys("正文" if g.kind == "claim" else g.label for g in good))
        msg = (
            f"{r.indicator}实际完成值写 {a.text.strip() or fmt(a.quantity.value)}，"
            f"而{where}为 {fmt(ref.value)}{ref.quantity.unit}"
        )
        t = r.cells.get("target")
        if t is not None and t.quantity.base_value == a.quantity.base_value:
            msg += f"；实际完成值与年度指标值 {t.text.strip() or fmt(t.quantity.value)} 相同，疑将目标值抄作实际值"
        msg += _sibling_total(ctx, rows, r)
        deriv = _derive_rate(ctx, ref)
        if deriv:
            msg += f"（{deriv}）"
        sev = "error" if strength == 2 else "warning"
        yield make_finding(
            ELSEWHERE,
            sev,
            af,
            msg,
            expected=expected,
            derivation=deriv or where,
            related=[g.prov for g in good],
            subject=r.indicator,
        )


def _sibling_total(ctx: Context, rows: list[Row], r: Row) -> str:
    """成本指标 actuals that together equal another figure (e.g. the whole 年初预算数): say so."""
    group = [x for x in rows if x.labels[:-1] == r.labels[:-1] and "actual" in x.cells]
    qs = [x.cells["actual"].quantity for x in group]
    if len(qs) < 2 or any(q.dimension != "money" or q.base_unit != qs[0].base_unit for q in qs):
        return ""
    s = sum((q.base_value for q in qs), Decimal(0))
    mine = {id(f) for x in group for f in x.cells.values()}
    same = [
        f
        for f in ctx.figures
        if id(f.obj) not in mine and f.quantity.base_unit == qs[0].base_unit and f.quantity.base_value == s
    ]
    if not same:
        return ""
    same.sort(key=lambda f: (f.role != "budget", f.prov.table or 0, f.prov.row or 0))
    parts = " + ".join(fmt(q.value) for q in qs)
    return f"；本组实际完成值合计 {parts} = {fmt(same[0].value)}，恰为{'、'.join(f.label for f in same[:2])}"


def _derive_rate(ctx: Context, ref: Figure) -> str:
    """For a printed 执行率: the 执行数 ÷ 预算数 of its row."""
    if ref.kind != "fact" or ref.role != "rate":
        return ""
    row = [f for f in ctx.facts if f.prov.table == ref.prov.table and f.prov.row == ref.prov.row]
    spent = next((f for f in row if _col_role(f) == "spent"), None)
    budget = next((f for f in row if _col_role(f) == "budget_full"), None)
    if spent is None or budget is None or budget.quantity.base_value == 0:
        return ""
    v = spent.quantity.base_value / budget.quantity.base_value * 100
    return f"= {fmt(spent.quantity.value)} ÷ {fmt(budget.quantity.value)} = {fmt(v, 2)}%"


def _same_columns(x: Row, r: Row) -> bool:
    return all(x.cells[k].prov.col == r.cells[k].prov.col for k in ("points", "score") if k in x.cells and k in r.cells)


def _check_subtotals(rows: list[Row]) -> Iterator[Finding]:
    """Each 小计 row against the indicator rows since the previous 小计 (or the sheet's first row): its points and
    its score."""
    start = 0
    for k, r in enumerate(rows):
        if not _is_subtotal_row(r):
            continue
        # a 小计 naming its category (过程 | 小计 | 20 | 19.30) sums that category's rows, wherever it stands (at the
        # head of its rows or at their foot); one naming none, the rows since the previous 小计
        group = _category_rows(r, rows)
        if not group and k + 1 < len(rows) and _is_subtotal_row(rows[k + 1]) and not _is_total_row(rows[k + 1]):
            start = k + 1
            continue  # 小计 rows stacked at the foot naming no category of the rows: which rows each sums is not known
        group = group or rows[start:k]
        start = k + 1
        # rows whose 分值 and 得分 stand in the 小计's columns: a 年度资金总额 row above the 绩效指标 header is laid out
        # under its own header (…| 分值 | 执行率 | 得分)
        items = [x for x in group if "points" in x.cells and not _is_total_row(x) and _same_columns(x, r)]
        if len(items) < 2:
            continue
        for what, role in (("分值", "points"), ("得分", "score")):
            tf = r.cells.get(role)
            qs = [x.cells[role].quantity for x in items if role in x.cells]
            if tf is None or len(qs) != len(items):
                continue
            if tol.verdict(tf.quantity, tol.total([_pts(q) for q in qs])) == tol.OK:
                continue
            s = sum((q.value for q in qs), Decimal(0))
            name = next((clean_label(x) for x in items[0].labels if clean_label(x)), "")
            yield make_finding(
                TOTAL,
                "error",
                fact_figure(tf, None),
                f"{name}小计行写 {fmt(tf.quantity.value)}，而其上 {len(qs)} 项{what}之和为 "
                f"{' + '.join(fmt(q.value) for q in qs)} = {fmt(s)}",
                expected=s,
                derivation=" + ".join(fmt(q.value) for q in qs),
                related=[items[0].cells[role].prov, items[-1].cells[role].prov],
                subject=f"{name}小计（{what}）",
            )


def _category_rows(subtotal: Row, rows: list[Row]) -> list[Row]:
    """The rows of the category a 小计 row names before its 小计 (决策 | 小计, 产出指标小计), [] when it names none."""
    names = [clean_label(x) for x in subtotal.labels if clean_label(x)]
    if not names or not names[-1].endswith("小计") or subtotal.unnamed:
        return []
    # (产出指标 | 小计, or one cell 产出指标小计)
    head = names[0] if len(names) >= 2 else names[0].removesuffix("小计").strip()
    if not head:
        return []
    return [
        x
        for x in rows
        if x is not subtotal
        and not _is_subtotal_row(x)
        and next((clean_label(y) for y in x.labels if clean_label(y)), "") == head
    ]


def _check_score_rates(rows: list[Row]) -> Iterator[Finding]:
    """分值 | 得分 | 得分率 in one row: 得分率 = 得分 ÷ 分值."""
    for r in rows:
        pts, score, rate = (r.cells.get(k) for k in ("points", "score", "score_rate"))
        if pts is None or score is None or rate is None or rate.quantity.dimension != "percent":
            continue
        comp = tol.percent(_pts(score.quantity), _pts(pts.quantity))
        if comp is None or tol.verdict(rate.quantity, comp) == tol.OK:
            continue
        exact = score.quantity.value / pts.quantity.value * 100
        name = next((clean_label(x) for x in reversed(r.labels) if clean_label(x)), "得分率")
        yield make_finding(
            SCORE_RATE,
            tol.verdict(rate.quantity, comp),
            fact_figure(rate, None),
            f"{name}得分率应为 {fmt(score.quantity.value)} ÷ {fmt(pts.quantity.value)} = {fmt(exact, 2)}%，"
            f"表中写 {rate.quantity.text}",
            expected=exact,
            derivation=f"{fmt(score.quantity.value)} ÷ {fmt(pts.quantity.value)} × 100",
            related=[score.prov, pts.prov],
            subject=f"{name} 得分率",
        )


# 整体支出绩效自评得分, 自评总分, 综合得分: the sheet's total score said in words as the whole's — not a bare 自评得分
# (a category's under its heading, or a project's), nor a category's (产出指标得分) or a project's (项目自评得分)
_TOTAL_SCORE_NAME = re.compile(r"(?:总分|总得分|整体[^，,；;。]{0,8}得分|综合(?:自评)?得分|综合评分)$")
# a category named before the score in its sentence or by its heading ((二)产出情况 … 综合得分38.30分)
_CATEGORY_WORDS = re.compile(r"投入|过程|产出|效益|满意度|决策|项目")
# (in a report on one project: 该项目 in a department's report is one project among several)
_THIS_PROJECTS_SCORE = re.compile(r"本项目(?:的)?(?:绩效)?自评(?:总|综合)?得分(?:为|是)?$")
_PROJECT_REPORTS = ("项目支出绩效自评表", "财政支出绩效评价报告")
_PART_SCORE_WORDS = re.compile(r"指标|小计|满分|分值|投入|过程|产出|效益|满意度|决策|管理|上年|去年|项目")


_BAND_AFTER = re.compile(r"^\s*(?:[（(]\s*含\s*[)）])?\s*(?:以上|以下|及以上|及以下|至|到|—|－|-|～|~)")


def _a_grade_band(c: Claim) -> bool:
    """A bound of a grade, not a score (综合得分90分（含）以上为“优”，80分（含）至90分为“良”)."""
    at = c.sentence.find(c.quantity.text)
    return at >= 0 and bool(_BAND_AFTER.match(c.sentence[at + len(c.quantity.text) :]))


def _check_total_said(ctx: Context, tables: dict[int, list[Row]]) -> Iterator[Finding]:
    """The total score the text gives (自评得分90.0分) against the one score sheet's 总分 row (91.0): one figure printed
    twice. Only where the report has one score sheet with a total: with several (one per project), which is meant is
    not known."""
    rows_ = [r for rows in tables.values() for r in rows if _is_total_row(r) and "score" in r.cells]
    if len({r.cells["score"].quantity.value for r in rows_}) != 1:
        return
    sheet = rows_[0].cells["score"]
    full = rows_[0].cells.get("points")  # 总分100分: the sheet's full marks, said as its 总分
    # the report's year: the one most of its figures are dated (2023年度…自评得分93.5分 in a report on 2024 is last year's)
    years = Counter(c.identity.period[:4] for c in ctx.claims if c.identity.period[:4].isdigit())
    year = years.most_common(1)[0][0] if years else ""
    for c in ctx.claims:
        name = re.sub(r"\s", "", c.subject)
        # 本项目绩效自评得分83.7分: the project the report is about, its score the sheet's total
        own_project = ctx.kind in _PROJECT_REPORTS and bool(
            _THIS_PROJECTS_SCORE.search(re.sub(r"\s", "", _before_in_sentence(c)))
        )
        if (
            c.quantity.dimension != "points"
            or c.relation in ("share", "rate", "change")
            or not (own_project or _TOTAL_SCORE_NAME.search(name))
            or (not own_project and _PART_SCORE_WORDS.search(name + (c.lead or "")))
            or (not own_project and _CATEGORY_WORDS.search(_unscored_before(c) + _heading_of_one_category(c)))
            or last_year(c)
            or (c.identity.period[:4].isdigit() and c.identity.period[:4] != year)
            or _a_grade_band(c)
        ):
            continue
        v = tol.verdict(c.quantity, tol.interval(sheet.quantity), ctx.settings)
        if v in (tol.OK, tol.INFO):
            continue
        if full is not None and tol.verdict(c.quantity, tol.interval(full.quantity), ctx.settings) == tol.OK:
            continue  # …构建指标体系，总分100分: the full marks, not the score
        gap = c.quantity.value - sheet.quantity.value
        if (
            full is not None
            and full.quantity.value < _FULL_MARKS
            and Decimal(0) < gap <= _FULL_MARKS - full.quantity.value
            and any(x is not c and x.quantity.dimension == "points" and x.quantity.value == gap for x in ctx.claims)
        ):
            # a sheet of 90 points, and the text scores the rest (预算执行率…得分9.74分): the whole is the two together
            continue
        yield make_finding(
            TOTAL_SAID,
            "error",
            claim_figure(c),
            f"正文写{c.subject} {c.quantity.text}，而评分表总分为 {fmt(sheet.quantity.value)}；同一得分应一致",
            expected=sheet.quantity.value,
            derivation="评分表总分",
            related=[sheet.prov],
            subject=c.subject,
        )


_FULL_MARKS = Decimal(100)


# the categories of a performance sheet, by the word that names each (产出指标, 产出, 产出指标（50分）)
_CATEGORY_NAMES = ("决策", "过程", "产出", "效益", "满意度", "投入", "管理")
_SCORED = re.compile(r"得分(?:为|是|达)?$")
_NOT_THE_SCORE = re.compile(r"得分率|满分|分值|权重|扣分|减分|加分")


# a category named as one (产出指标, 过程类指标, 部门管理类指标) — not a sub-category (产出时效指标, 产出数量指标)
_CATEGORY_SAID = re.compile(r"(?:部门|项目)?(决策|过程|产出|效益|满意度|投入|管理)类?指标")
_AN_ITEM = re.compile(r"该项|该指标|此项|其中")


def _categories_named(text: str) -> list[str]:
    return sorted({m.group(1) for m in _CATEGORY_SAID.finditer(text)})


def _category_of(label: str) -> str:
    text = re.sub(r"[（(][^）)]*[）)]|\s", "", label)
    text = text.removesuffix("小计").removesuffix("指标").removesuffix("类")
    text = re.sub(r"^(?:部门|项目|整体)", "", text)  # 部门管理 of a department's sheet is its 管理 category
    return text if text in _CATEGORY_NAMES else ""


def _sheet_categories(rows: list[Row]) -> dict[str, list[Decimal]]:
    """Each category's score as the sheet prints it in its own 小计 row (决策小计, 产出指标 | 小计), and the sum of its
    indicators' where that sum agrees. A sheet printing no 小计 is left out: where its categories' scores stand (a
    category row with a score of its own beside its indicators, a label merged down over some rows only) is not known."""
    scored: dict[str, list[Row]] = defaultdict(list)
    subtotal: dict[str, Decimal] = {}
    for r in rows:
        if _is_total_row(r) or "score" not in r.cells:
            continue
        name = next((_category_of(x) for x in r.labels if _category_of(x)), "")
        if not name:
            continue
        if _is_subtotal_row(r):
            subtotal[name] = r.cells["score"].quantity.value
        else:
            scored[name].append(r)
    out: dict[str, list[Decimal]] = {}
    for name, value in subtotal.items():
        out[name] = [value]
        if scored.get(name):
            out[name].append(sum((r.cells["score"].quantity.value for r in scored[name]), Decimal(0)))
    return out


def _check_category_said(ctx: Context, tables: dict[int, list[Row]]) -> Iterator[Finding]:
    """A category's score the text gives (产出指标得分36.9分; （三）产出指标。…得分38.4分) against the one score sheet's
    score of that category — its 小计 row or its indicators' sum (either will do). Only where the report has one
    score sheet: with several (one per project), which is meant is not known."""
    sheets = [rows for rows in tables.values() if any(_is_total_row(r) for r in rows)]
    if len(sheets) != 1:
        return
    categories = _sheet_categories(sheets[0])
    if not categories:
        return
    at = {id(c): i for sentence, claims in sentences(ctx) for i, c in positions(sentence, claims)}
    for c in ctx.claims:
        if c.quantity.dimension != "points" or c.relation in ("share", "rate", "change") or last_year(c):
            continue
        # (the figure's own place: 分值20分，得分20分 prints its text twice)
        before = re.split(r"[；;。]", c.sentence[: at.get(id(c), len(_before_in_sentence(c)))])[-1]
        clause = re.split(r"[，,；;。：:]", before)[-1]
        if not _SCORED.search(clause) or _NOT_THE_SCORE.search(clause) or _paired_by_fenbie(c) or _a_grade_band(c):
            continue
        named = _categories_named(clause)
        if not named and not re.sub(r"得分(?:为|是|达)?$", "", clause).strip() and not _AN_ITEM.search(before):
            # 产出指标分值50分，得分49.0分 / （三）产出指标。该部分权重40分，得分38.4分: the bare 得分 of the category its
            # "；" item, else its heading, names (该项分值5分，得分4.60分 is an indicator's)
            named = _categories_named(before) or _categories_named(_last_heading(c))
        if len(named) != 1 or named[0] not in categories:
            continue
        values = categories[named[0]]
        if any(tol.verdict(c.quantity, _pts(_q(v, fmt(v)))) == tol.OK for v in values):
            continue
        expected = values[0]
        yield make_finding(
            CATEGORY_SAID,
            "error",
            claim_figure(c),
            f"正文写{named[0]}类指标得分 {c.quantity.text}，而评分表{named[0]}类得分为 {fmt(expected)}；同一得分应一致",
            expected=expected,
            subject=f"{named[0]}指标得分",
        )


_A_SCORE_OF_ITS_OWN = re.compile(r"得分(?:为|是|达)?\s*\d[\d.]*\s*分")


def _unscored_before(c: Claim) -> str:
    """The clauses of a claim's sentence before it, less those that print a score of their own (产出指标得分49.50分，…，
    综合自评得分98.30分: the categories scored one by one, then the whole — not a category's composite)."""
    clauses = re.split(r"[，,；;]", _before_in_sentence(c))
    return "，".join(x for x in clauses if not _A_SCORE_OF_ITS_OWN.search(x))


def _heading_of_one_category(c: Claim) -> str:
    """The heading over a claim, unless its sentence scores two categories or more before it (…满意度指标 heading over
    "预算执行率指标得分9.80分，产出指标得分49.50分，…，综合自评得分98.30分": the sentence sums up them all)."""
    clauses = re.split(r"[，,；;]", _before_in_sentence(c))
    scored = {m.group(0) for x in clauses if _A_SCORE_OF_ITS_OWN.search(x) for m in _CATEGORY_WORDS.finditer(x)}
    return "" if len(scored) >= 2 else _last_heading(c)


def _before_in_sentence(c: Claim) -> str:
    """The words of a claim's sentence before its figure (产出指标满分40分，综合得分38.30分: a category's score)."""
    at = c.sentence.find(c.quantity.text)
    return c.sentence[:at] if at >= 0 else ""


def _last_heading(c: Claim) -> str:
    parts = [p.strip() for p in c.section.split("›") if p.strip()]
    return parts[-1] if parts else ""


def check(ctx: Context) -> Iterator[Finding]:
    tables = score_tables(ctx.facts)
    yield from _check_total_said(ctx, tables)
    yield from _check_category_said(ctx, tables)
    for t, rows in tables.items():
        yield from _check_score_rates(rows)
        yield from _check_categories(rows)
        yield from _check_category_scores(rows)
        yield from _check_subtotals(rows)
        yield from _check_total(rows, _lead_tables(tables, t))
        yield from _check_shortfall(ctx, rows)
        yield from _check_elsewhere(ctx, rows)
