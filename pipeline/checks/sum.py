"""sum — parts vs total: narrative enumerations, table 合计/小计/总计 rows, numbered and 其中 sub-rows, 合计 columns."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from itertools import combinations

from extractors import lists
from extractors.identity import last_word
from extractors.model import Cell, Claim, Fact, Provenance
from extractors.numbers import chinese_value, parse_decimal, parse_quantity
from extractors.report_kind import DEPARTMENT_KINDS
from extractors.table_identity import identify_table, is_subject_code
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks import table_rows as tr
from pipeline.checks.base import (
    Context,
    Figure,
    claim_figure,
    class_name,
    classifications,
    clean_label,
    fact_figure,
    fmt,
    make_finding,
    rule,
    span_start,
    table_name,
)
from pipeline.checks.compare import positions
from pipeline.checks.scoresheet import SCORE_SHEET_KINDS, points_or_score, score_tables
from pipeline.checks.transposition import transposed
from pipeline.findings import Finding

FAMILY = "sum"
NARRATIVE = rule(
    FAMILY,
    "enumeration",
    "error",
    "正文总数与分项之和不符",
    "{subject}写 {stated}，分项 {parts} 合计 {expected}",
    "narrative",
    "arithmetic",
)
ROWS = rule(
    FAMILY, "table-rows", "error", "表中合计行与分项行之和不符", "{subject}写 {stated}，分项行合计 {expected}", "table"
)
UNCLEAR = rule(
    FAMILY,
    "table-rows-unclear",
    "info",
    "表中合计行与各行之和对不上，分项层次未能确定",
    "{subject}写 {stated}，各行合计 {expected}",
    "table",
)
COLUMNS = rule(
    FAMILY,
    "table-columns",
    "error",
    "表中合计列与分项列之和不符",
    "{subject}写 {stated}，分项列合计 {expected}",
    "table",
)
PARTIAL = rule(
    FAMILY,
    "enumeration-partial",
    "info",
    "正文分项之和小于总数，所列未必是全部分项",
    "{subject}写 {stated}，所列分项合计 {expected}",
    "narrative",
)
OMITTED = rule(
    FAMILY,
    "table-rows-omitted",
    "warning",
    "表中合计大于所列各类之和，而表内未列出部分类",
    "{subject}写 {stated}，所列各类合计 {expected}",
    "table",
)
CELL = rule(
    FAMILY,
    "table-cell",
    "error",
    "表中一格与两处核算都不符（两处合计之误都出在此格）",
    "{subject}写 {stated}，按两处核算都应为 {expected}",
    "table",
    "arithmetic",
)
RULES = [NARRATIVE, PARTIAL, ROWS, UNCLEAR, COLUMNS, OMITTED, CELL]


def _verdict_parts(total: Figure, parts: list[Figure], partial: bool) -> str:
    comp = tol.total([tol.base_interval(p.quantity) for p in parts])
    stated = tol.base_interval(total.quantity)
    if stated.meets(comp):
        return tol.OK
    if partial and comp.hi < stated.lo:
        return tol.OK  # a 其中 list may name only some parts
    return tol.ERROR


# why parts that do not make their total are no error (sum.enumeration-partial): fewer, or far more, than its parts
def _undecided(s: Decimal, total: Decimal) -> str:
    if s < total:
        return "小于总数；所列未必是全部分项，未作判定"
    if s > total * _OVERLAP:
        return "远大于总数；所列疑为相互包含的类别，并非总数的分项，未作判定"
    return "大于总数；所列各项与总数的层次关系未能确定，未作判定"


def _finding(r, total: Figure, parts: list[Figure], sev: str, what: str) -> Finding:
    s = sum((p.quantity.base_value for p in parts), Decimal(0)) / tol.factor(total.quantity)
    # each part in the total's unit (48.62亿元 among parts in 万元 is 486200)
    expr = " + ".join(
        fmt(p.value)
        if p.quantity.unit == total.quantity.unit
        else fmt(p.quantity.base_value / tol.factor(total.quantity))
        for p in parts
    )
    return make_finding(
        r,
        sev,
        total,
        f"{total.subject or '合计'}写 {fmt(total.value)}{total.quantity.unit}，而{what} {expr} = {fmt(s)}，"
        + (_undecided(s, total.quantity.value) if sev == "info" else "两者不符")
        + ("（分项之和小于总数，若所列为全部分项则有误）" if sev == "warning" else "")
        + _transposition(total, parts),
        expected=s,
        derivation=expr,
        related=[p.prov for p in parts],
        subject=named_total(total),
    )


def _transposition(total: Figure, parts: list[Figure]) -> str:
    """Names the figure whose two adjacent digits, swapped back, make the sum agree exactly."""
    found = transposed(total.quantity, [p.quantity for p in parts])
    if found is None:
        return ""
    i, value = found
    if i < 0:
        return f"；合计若为 {fmt(value)}（{fmt(total.value)} 相邻两位数字颠倒）则恰好相符"
    p = parts[i]
    return f"；{p.subject or '分项'} {fmt(p.value)} 若为 {fmt(value)}（相邻两位数字颠倒）则恰好相符，疑此数有误"


_BARE_TOTAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、)?\s*\S{0,6}?(?:合\s*计|总\s*计|小\s*计|共\s*计)\s*$")


def named_total(total: Figure) -> str | None:
    """A 合计 row named by its table (二、政府性基金预算支出决算表 合计): the row label alone names no item."""
    if total.kind != "fact":
        return None
    fact = total.obj
    assert isinstance(fact, Fact)
    # the row's own label (合计, 本年支出合计), not the subject its table's title gives it
    own = next((clean_label(x) for x in reversed(fact.row_labels) if clean_label(x)), "") or total.subject or "合计"
    if not _BARE_TOTAL.match(own):
        return None
    title = (fact.table_title or "").strip().split("\n")[0][:40] or table_name(fact)
    return f"{title} {own.replace(' ', '')}"


_RESTATED = ("合计", "总计", "共计", "累计", "总共")


def _narrative(ctx: Context) -> Iterator[Finding]:
    groups: dict[int, list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        if c.group is not None and c.relation in ("part", "total"):
            groups[c.group].append(c)  # one id per list in a document; a list may run over paragraphs
    for members in groups.values():
        totals = [c for c in members if c.relation == "total"]
        if len(totals) != 1:
            continue
        t = totals[0]
        parts = [c for c in members if c.relation == "part" and c.quantity.base_unit == t.quantity.base_unit]
        # "…，合计1170.00万" after the parts restates the total: not a part
        parts = [c for c in parts if clean_label(c.subject) not in _RESTATED]
        nested = _nest(t, parts)
        bad = {id(total): items for total, items in nested if not _meets(total, items)}
        top = nested[0][1]
        for total, items in nested:
            if id(total) not in bad or (len(items) < 2 and not (items and len(members) == 2)):
                continue
            if _prefix_meets(total, items):
                continue  # the first parts add up: the list then goes on with figures of another statement
            if _one_other_scope(total, items):
                continue  # 全市…支付利息26.84亿元，其中市本级还本17.4亿元、付息10.96亿元: one level's own figures
            if _nested_levels(items):
                continue  # 其中，全区、区级税收收入预算分别为360000、135000万元: one item at two levels, one inside the other
            if total.sentence != items[0].sentence and _another_whole_made(ctx, total, items):
                continue  # …支出决算15318.58万元…。本年财政拨款支出15005.98万元…。其中：… (12994.59 + 2323.99): the earlier one's
            held = _held_by_another(items)
            if held:
                # 其中，财政拨款收入…；事业收入…；政府性基金预算拨款收入…: a part inside another part, said again, is
                # no term; and a list naming a part twice does not name them all
                items = [p for p in items if id(p) not in held]
                if len(items) < 2 or _meets(total, items):
                    continue
            falls = [_a_decrease(p) for p in items]
            if any(falls) and not (all(falls) and _a_decrease(total)):
                continue  # 由142800万元调增至244800万元，其中：新增…156000万元，…调减…54000万元: changes of both signs
            balance = _balance_after(ctx, total)
            if any(_meets(total, [*items, *balance[:k]]) for k in range(1, len(balance) + 1)):
                continue  # 支出总计 = 收入总计 holds the 年终结余 named right after it (收支相抵，年终结余…)
            kind = lists.UNKNOWN if held else _kind(t, total, items)  # (a list naming a part twice names not all)
            severity = _severity(total, items, lists.UNKNOWN if _rest_is_a_class(items) else kind)
            f = _finding(
                NARRATIVE if severity != "info" else PARTIAL,
                claim_figure(total),
                [claim_figure(p) for p in items],
                severity,
                "分项",
            )
            if total is t and any(id(p) in bad for p in top) and _meets(t, top, fix=bad):
                continue  # the top level adds up once the wrong part is replaced by its own breakdown
            if total is not t and not _meets(t, top) and _meets(t, top, fix={id(total): items}):
                s_ = sum((p.quantity.base_value for p in items), Decimal(0)) / tol.factor(total.quantity)
                f.explanation += (
                    f"；若{total.subject}按分项计为 {fmt(s_)}，则{t.subject} "
                    f"{' + '.join(fmt(s_) if p is total else fmt(p.quantity.value) for p in top)} = {fmt(t.quantity.value)}"
                    f" 正好相符，疑{total.subject} {fmt(total.quantity.value)} 有误"
                )
            yield f


_DECREASE = re.compile(r"调减|核减|压减|减少|减收")


def _a_decrease(part: Claim) -> bool:
    """A part said as a decrease in its own clause (…相应调减国有土地使用权出让收入安排的支出54000万元)."""
    at = part.sentence.find(part.quantity.text)
    clause = re.split(r"[，,；;。：:、]", part.sentence[:at])[-1] if at >= 0 else ""
    return bool(_DECREASE.search(clause))


def _one_other_scope(total: Claim, items: list[Claim]) -> bool:
    """Parts all of one scope the total is not of: that level's figures, not a breakdown of the total (a breakdown by
    level names each level: 其中市本级…、县区…)."""
    named = [last_word("scope", p.subject) for p in items]
    scopes = {x for x in named if x}
    if not named[0] or len(scopes) != 1 or not total.identity.scope:
        return False  # the first part opens with the level (其中市本级还本…、付息…), the others carry it on
    if any(not x and _LEVEL_NAME.search(p.subject) for x, p in zip(named, items, strict=True)):
        return False  # 州本级收入…，县市级收入…: a breakdown by level, each part naming its own
    return total.identity.scope not in scopes and last_word("scope", total.subject) not in scopes


def _another_whole_made(ctx: Context, total: Claim, items: list[Claim]) -> bool:
    """Whether another figure printed in the paragraph before a list opening its own sentence is exactly what the
    list's parts add up to: the list may as well break that one down."""
    first = min(span_start(p) for p in items)
    return any(
        x is not total
        and x not in items
        and span_start(x) < first
        and x.quantity.base_unit == total.quantity.base_unit
        and x.relation not in ("share", "rate", "change", "per-capita")
        and not x.base
        and _meets(x, items)
        for x in ctx.paragraph_claims(total)
    )


_APPROPRIATIONS = ("一般公共预算", "政府性基金预算", "国有资本经营预算")  # the funds 财政拨款 is made of


def _held_by_another(items: list[Claim]) -> set[int]:
    """The parts inside another part of the same list: one fund's appropriation beside 财政拨款 of the same flow
    (财政拨款收入…；事业收入…；政府性基金预算拨款收入…), or "X中Y" beside X (税收收入…；税收收入中增值税…)."""
    held: set[int] = set()
    for p in items:
        for q in items:
            if p is q:
                continue
            fund_inside = (
                q.identity.fund == "财政拨款"
                and p.identity.fund.replace("财政拨款", "") in _APPROPRIATIONS
                and lists.flow_of(p.subject) == lists.flow_of(q.subject) != ""
            )
            named_inside = bool(q.subject) and "".join(p.subject.split()).startswith("".join(q.subject.split()) + "中")
            if fund_inside or named_inside:
                held.add(id(p))
    return held


def _nested_levels(items: list[Claim]) -> bool:
    """Parts of which one is the whole area's (全区) and another a level inside it (区级): the same item printed for
    both, not parts of one whole — a breakdown by level never names the whole area among its parts."""
    scopes = {last_word("scope", p.subject) for p in items}
    return any(x.startswith("全") for x in scopes) and any(x and not x.startswith("全") for x in scopes)


_LEVEL_NAME = re.compile(r"[省市州县区旗乡镇]级")
_BALANCE_LEAD = re.compile(r"(?:结余|结转)[^，,；;。]{0,6}$")
_INCOME_TOTAL = re.compile(r"收入(?:总计|合计)$")


def _balance_after(ctx: Context, total: Claim) -> list[Claim]:
    """The figures right after a total that are balances carried forward (…支出总计288,724万元。收支相抵，年终结余
    12,746万元; …结转下年支出9,860万元，净结余1,240万元): a balanced statement's total may hold the first, or the first
    few (年终结余11,100万元，其中结转下年支出9,860万元…: the 结余 and then its parts). None where the
    paragraph prints a 收入总计 before the total that is not the total: the statement is not balanced."""
    mine = sorted(ctx.paragraph_claims(total), key=span_start)
    before = [c for c in mine if span_start(c) < span_start(total) and _INCOME_TOTAL.search(c.subject)]
    if before and not tol.base_interval(before[-1].quantity).meets(tol.base_interval(total.quantity)):
        return []
    out: list[Claim] = []
    for c in (c for c in mine if span_start(c) > span_start(total)):
        if c.quantity.base_unit != total.quantity.base_unit or c.lead is None or not _BALANCE_LEAD.search(c.lead):
            break
        out.append(c)
    return out


def _meets(total: Claim, items: list[Claim], fix: dict[int, list[Claim]] | None = None) -> bool:
    ivs = []
    for p in items:
        if fix and id(p) in fix:
            ivs += [tol.base_interval(x.quantity) for x in fix[id(p)]]
        else:
            ivs.append(tol.base_interval(p.quantity))
    return tol.base_interval(total.quantity).meets(tol.total(ivs))


def _severity(total: Claim, items: list[Claim], kind: str) -> str:
    """Parts above their total contradict it; parts below it only when the list names every part."""
    comp = tol.total([tol.base_interval(p.quantity) for p in items])
    stated = tol.base_interval(total.quantity)
    if kind != lists.COMPLETE and comp.lo > stated.hi * _OVERLAP:
        # 支出436.1亿元，其中：民生支出382.7亿元，“三保”支出238.6亿元…: parts far above their total overlap (categories
        # that hold one another), they are no breakdown of it
        return "info"
    if comp.lo > stated.hi or kind == lists.COMPLETE:
        return "error"
    return "info"


_OVERLAP = Decimal("1.2")  # parts a fifth above their total: categories that hold one another, not a slip


def _kind(top_total: Claim, total: Claim, items: list[Claim]) -> str:
    """Whether the list names every part: the claims' own word for the top list, the subjects for a nested one."""
    counted = _COUNTED_TOTAL.match(total.subject.strip())
    if counted and _count_of(counted.group(1)) == len(items):
        return (
            lists.COMPLETE
        )  # …分别为78420、64385、39612、56218万元，四项合计239635万元: the count says it is all of them
    if total is top_total and (top_total.list_kind or any(p.prov.block != total.prov.block for p in items)):
        return top_total.list_kind  # a list over paragraphs was judged when it was read
    placed = dict((id(c), i) for i, c in positions(total.sentence, sorted(items, key=span_start)))
    last = max(items, key=span_start)
    at = placed.get(id(last), 0) + len(last.quantity.text)
    return lists.completeness([p.subject for p in items], total.sentence[at : at + 4], "", total.subject)


_COUNTED_TOTAL = re.compile(r"^([两二三四五六七八九十\d]{1,3})(?:项|类|个)(?:合计|共计|总计)")


def _count_of(text: str) -> int:
    """四 → 4, 十二 → 12, 3 → 3: how many items a 合计 counts."""
    got = parse_decimal(text) if text.isdigit() else chinese_value(text)
    return int(got[0]) if got is not None else 0


def _rest_is_a_class(items: list[Claim]) -> bool:
    """Whether a list of 类 ends in a 其他… that is itself a 类 of their classification (…卫生健康支出…；其他支出52,600元:
    the 类 其他支出, which a list of some 类 in 科目 order ends with — no residual naming the rest)."""
    names = [class_name(p.subject) for p in sorted(items, key=span_start)]
    if len(names) < 3 or not names[-1].startswith("其他"):
        return False
    return any(set(names) <= {n for m in c for n in m} for c in classifications())


def _prefix_meets(total: Claim, items: list[Claim]) -> bool:
    acc = tol.Interval.exact(Decimal(0))
    stated = tol.base_interval(total.quantity)
    for n, p in enumerate(sorted(items, key=_reading_order), 1):
        acc = acc + tol.base_interval(p.quantity)
        if 2 <= n < len(items) and stated.meets(acc):
            return True
    return False


def _reading_order(c: Claim) -> tuple[int, int]:
    return (c.prov.block or 0, span_start(c))


def _nest(total: Claim, parts: list[Claim]) -> list[tuple[Claim, list[Claim]]]:
    """Parts inside brackets after a part are that part's own breakdown: （其中计容面积7998平方米，不计容面积105平方米）.
    Each part is placed in its own sentence: a list may open in the sentence after its total."""
    bracketed = _bracketed(total, parts)
    top: list[Claim] = []
    subs: dict[int, list[Claim]] = defaultdict(list)
    for c in sorted(parts, key=_reading_order):
        if id(c) in bracketed and top:
            subs[id(top[-1])].append(c)
        else:
            top.append(c)
    if not _meets(total, top):
        top = _broken_down_runs(top, subs)
    out = [(total, top)]
    out += [(p, subs[id(p)]) for p in top if len(subs[id(p)]) >= 2]
    return out


def _broken_down_runs(top: list[Claim], subs: dict[int, list[Claim]]) -> list[Claim]:
    """Parts right after a part that add up to it exactly are its breakdown, not the list's parts (偿还本金23.73亿元，
    利用再融资债券偿还20.94亿元，通过财政预算资金等偿还2.79亿元；支付利息…: 20.94 + 2.79 = 23.73)."""
    out: list[Claim] = []
    i = 0
    while i < len(top):
        p = top[i]
        out.append(p)
        run = next(
            (j for j in range(i + 3, len(top) + 1) if _exactly(p, top[i + 1 : j])),
            None,
        )
        if run is not None:
            if not subs[id(p)]:  # (a bracket's breakdown of it stays the one checked)
                subs[id(p)] = top[i + 1 : run]
            i = run
        else:
            i += 1
    return out


def _exactly(whole: Claim, parts: list[Claim]) -> bool:
    """Parts that add up to the whole as printed, to its last digit."""
    s = sum((x.quantity.base_value for x in parts), Decimal(0))
    return whole.quantity.base_value != 0 and s == whole.quantity.base_value


def _outer_brackets(text: str) -> list[tuple[int, int]]:
    """The spans of the outermost brackets (（其中：…（含…）…） is one span, the inner bracket inside it)."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for k, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                start = k
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, k + 1))
    return spans


def _bracketed(total: Claim, parts: list[Claim]) -> set[int]:
    """The parts standing inside brackets opened after the list's first part of their sentence."""
    out: set[int] = set()
    for sentence in dict.fromkeys(c.sentence for c in parts):
        spans = _outer_brackets(sentence)
        if not spans:
            continue
        here = [c for c in parts if c.sentence == sentence]
        listed = [total, *here] if total.sentence == sentence else here
        placed = dict((id(c), i) for i, c in positions(sentence, sorted(listed, key=span_start)))
        first = min(placed[id(c)] for c in here)
        spans = [(a, b) for a, b in spans if a > first]  # brackets the list itself stands in are not a breakdown
        out |= {id(c) for c in here if any(a < placed[id(c)] < b for a, b in spans)}
    return out


def _table_cols(facts: list[Fact]) -> dict[tuple, list[Fact]]:
    cols: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.prov.table is not None and f.prov.col is not None and f.prov.row is not None:
            cols[(f.prov.table, f.prov.col)].append(f)
    _realigned(cols)
    for v in cols.values():
        v.sort(key=lambda f: f.prov.row or 0)
    return cols


def _realigned(cols: dict[tuple, list[Fact]]) -> None:
    """A short row's figure read onto another column (plain text: 合计 | 100 | 92.5 under 分值 | 得分, see
    extractors.tablefacts) is summed in the column whose header it took, not in the one it is printed in."""
    usual = {k: Counter(f.column_labels for f in v).most_common(1)[0][0] for k, v in cols.items() if v}
    for key, column in list(cols.items()):
        for f in list(column):
            if f.column_labels == usual[key]:
                continue
            target = [k for k, labels in usual.items() if k[0] == key[0] and k != key and labels == f.column_labels]
            if len(target) == 1:
                column.remove(f)
                cols[target[0]].append(f)


def _template_table(ctx: Context, title: str) -> bool:
    """A standard 部门决算/预算 table: the template family knows its layout and checks it."""
    return identify_table(title) is not None and (not ctx.kind or ctx.kind in DEPARTMENT_KINDS)


_THREE_PUBLIC_ITEM = re.compile(r"因公出国|公务用车|公务接待")


def _three_public_items_down_the_rows(cells: list[Fact]) -> bool:
    """A 三公 table with its items down the rows (项目 | 预算数 | 决算数 over 合计 | 因公出国（境）费 | …): the template
    family reads its items across one row, so its 合计 row is the rows' sum, checked here."""
    return identify_table(cells[0].table_title or "") in ("js.sangong", "ys.sangong") and any(
        _THREE_PUBLIC_ITEM.search("".join(f.row_labels)) for f in cells
    )


def _empty_rows(ctx: Context) -> dict[int, set[int]]:
    """Per table, the rows with no text at all (a blank row ends a block of rows)."""
    out: dict[int, set[int]] = {}
    for t in ctx.doc.tables() if ctx.doc is not None else []:
        if t.prov.table is not None:
            out[t.prov.table] = {r for r, cells in enumerate(t.rows()) if not any(c.text.strip() for c in cells)}
    return out


def _open_ended(ctx: Context) -> set[int]:
    """Tables that end at the bottom margin of their last page or that a 续表 follows: their rows may go on where
    the reader did not join them, so a total over the rows below it cannot be settled there."""
    tables = ctx.doc.tables() if ctx.doc is not None else []
    return {t.prov.table for t in tables if (t.touches_bottom or t.continued_in_next) and t.prov.table is not None}


def _continuations(ctx: Context) -> set[int]:
    """Tables printed as a 续表 the reader did not join: rows above a total there may have begun in the table
    before, so a total under its parts cannot be settled there."""
    tables = ctx.doc.tables() if ctx.doc is not None else []
    return {t.prov.table for t in tables if t.continues_previous and t.prov.table is not None}


def _incomplete(ctx: Context) -> set[int]:
    """Tables with rows the reader left out (hidden rows of a workbook): no total over their rows is certain."""
    tables = ctx.doc.tables() if ctx.doc is not None else []
    return {t.prov.table for t in tables if t.rows_left_out and t.prov.table is not None}


def _layout(ctx: Context) -> dict[int, tuple[dict[int, float], set[int]]]:
    """Per table: where each row's own label stands, and which rows hold a label but no figure."""
    out: dict[int, tuple[dict[int, float], set[int]]] = {}
    for t in ctx.doc.tables() if ctx.doc is not None else []:
        if t.prov.table is None:
            continue
        rows = t.rows()
        numeric = {(c.row, c.col) for c in t.cells if parse_quantity(c.text) is not None}

        def is_label(c: Cell, numeric: set[tuple[int, int]] = numeric) -> bool:
            return bool(c.text.strip()) and (c.row, c.col) not in numeric and not is_subject_code(c.text)

        blank = {cells[0].row for cells in rows if cells and not any((c.row, c.col) in numeric for c in cells)}
        out[t.prov.table] = (tr.places(rows, is_label), blank)
    return out


_NOT_ADDITIVE = re.compile(r"平均|[人生户亩车]均|期限|利率|倍数|倍率|系数")
_PERIOD_ROW = re.compile(r"^(?:\d{1,2}\s*月(?:份)?|[一二三四1-4]\s*季度|第[一二三四]季度|[上下]半年)$")


def _running_total(cells: list[Fact]) -> bool:
    """A 累计 column down rows of months or quarters (1月 … 9月 | 累计收入): each row the year so far, its 合计 the last
    month's — a running total, no sum of the rows."""
    if not any("累计" in label for label in cells[0].column_labels):
        return False
    labels = [clean_label(f.row_labels[-1]) for f in cells if f.row_labels]
    return sum(bool(_PERIOD_ROW.match(x)) for x in labels) >= 2


_SCORES = re.compile(r"得分|评分|分数")


def _verdicts(ctx: Context) -> Iterator[tuple[str, tr.Verdict]]:
    empty = _empty_rows(ctx)
    open_ended = _open_ended(ctx)
    continuations = _continuations(ctx)
    incomplete = _incomplete(ctx)
    layout = _layout(ctx)
    cells_at = _cells_by_place(ctx)
    # a score sheet's 分值 and 得分 are added up by the scoresheet family, which knows its categories: the first row
    # under a 一级指标 cell merged down over its indicators is one indicator's, no subtotal of the rows below
    sheets = set(score_tables(ctx.facts)) if ctx.kind in SCORE_SHEET_KINDS else set()
    pointed = {f.prov.table for f in ctx.facts if any("分值" in x for x in f.column_labels)}  # tables of a score sheet
    for (table, _col), cells in _table_cols(ctx.facts).items():
        if _template_table(ctx, cells[0].table_title or "") and not _three_public_items_down_the_rows(cells):
            continue
        if table in sheets and all(points_or_score(f) for f in cells):
            continue
        if any(_NOT_ADDITIVE.search(label) for label in cells[0].column_labels):
            continue  # 加权平均期限, 平均利率, 本息覆盖倍数: a 合计 row of averages or ratios is no sum of the rows
        if _running_total(cells):
            continue
        if any(_SCORES.search(label) for label in cells[0].column_labels) and table not in pointed:
            continue  # 考核得分 in a table of no 分值 (its 合计 the quarters' mean): no score sheet's sum
        # rows of one unit are added up (a 人 count above a block of 万元 is another list); a label and its number
        # in one cell (其中：基本支出：2998.29) is a key–value pair, not a row of the column
        units = {f.quantity.base_unit for f in cells if f.quantity.dimension not in ("percent", "pp", "ratio")}
        for unit in sorted(units):
            col = [f for f in cells if f.quantity.base_unit == unit and f.prov.span is None]
            last = col[-1].prov.row or 0 if col else 0
            places, blank_rows = layout.get(table, ({}, set()))
            blanks = {r: p for r, p in places.items() if r in blank_rows}
            classified: list[tr.Row] | None = None
            for what, v in _settled_verdicts(col, empty.get(table, set()), places, blanks):
                if v.certainty != tr.CERTAIN and _another_column_adds_up(cells_at, v):
                    v = tr.Verdict(v.total, v.parts, tr.CERTAIN)
                elif v.unread:
                    continue  # 二十二、债务发行费用支出 over the unnumbered rows after it (转移性支出 …): no reading
                # a total above its parts whose block is still open at the foot of the page: its parts may go on
                # on the next page where the reader did not join them (a landscape table without its title repeated)
                runs_on = table in open_ended and v.total.index < min((p.index for p in v.parts), default=last)
                if runs_on and classified is None:
                    classified = [tr.classify_row(f) for f in col]
                runs_on = runs_on and not _closed(v, classified or [])
                goes_back = table in continuations and v.total.index > min((p.index for p in v.parts), default=0)
                if (runs_on or goes_back or table in incomplete) and v.certainty == tr.CERTAIN:
                    v = tr.Verdict(v.total, v.parts, tr.UNCERTAIN)
                yield what, v


def _closed(v: tr.Verdict, rows: list[tr.Row]) -> bool:
    """Whether a row after the total's parts stands at the total's level (the next 类 after a 类, another 合计):
    then its block ended on this page."""
    end = max(p.index for p in v.parts)
    later = [r for r in rows if r.index > end]
    if v.total.kind == "total":
        return any(r.kind == "total" for r in later)
    return any(r.family == v.total.family and r.level <= v.total.level for r in later)


def _settled_verdicts(
    col: list[Fact], empty: set[int], places: dict[int, float], blanks: dict[int, float]
) -> list[tuple[str, tr.Verdict]]:
    """The column's verdicts, kept only where reading across its blank rows says the same: a blank row may end one
    list and start another, or be a spacer inside one list (a Word spacer row, the empty strip a PDF leaves at a
    page break), so a total that adds up with the rows past a blank row is not wrong."""
    split = list(_column_verdicts(col, empty, places, blanks))
    rows = [f.prov.row or 0 for f in col]
    if not split or not any(min(rows) < r < max(rows) for r in empty):
        return split
    joined = {(what, v.total.index) for what, v in _column_verdicts(col, set(), places, blanks)}
    return [(what, v) for what, v in split if (what, v.total.index) in joined]


_SUBTOTAL_LABEL = re.compile(r"^\s*小\s*计\s*$")


def _column_verdicts(
    col: list[Fact], empty: set[int], places: dict[int, float], blanks: dict[int, float]
) -> Iterator[tuple[str, tr.Verdict]]:
    previous_total: list[tr.Row] = []
    # label-only rows take part where their label stands in this column's own label columns (one side of a 收支表)
    own = {f.label_col for f in col if f.label_col is not None}
    blanks = {r: p for r, p in blanks.items() if int(p // tr.COLUMN_STEP) in own}
    for rows in tr.blocks(col, empty):
        totals = [i for i, r in enumerate(rows) if r.kind == "total"]
        for n, i in enumerate(totals):
            start = totals[n - 1] + 1 if n else 0
            above = rows[start:i]
            below = rows[i + 1 : totals[n + 1]] if n + 1 < len(totals) else rows[i + 1 :]
            if above and below and tr.meets(rows[totals[n - 1]], [*above, rows[i]]):
                above = []  # 全市合计 | 市本级 | 县区合计 | the counties: 县区合计 is 全市合计's part, its parts are below
            if above and tr.closes_its_group(rows[i]):
                below = []  # 一般债券小计 under the bonds its group label heads: the rows below are another group's
            if not above and not below and n:
                # 合计 right after the last of the groups each closed by its own 小计 (一般债券小计, 专项债券小计)
                grouped = tr.check_grouped_total(rows[i], rows[:i])
                if grouped is not None:
                    yield "total", grouped
                continue
            # a total between rows (市县合计 under 全区 and 本级, over the counties) may sum either side; a 合计 at the
            # head of rows whose 总计 below is it plus them (本级收入合计 | 上级补助收入 … | 收入总计) is one of them
            # (the total before it — the block's own 本级收入合计 or the last block's — may be one of its parts)
            before = [rows[totals[n - 1]]] if n else previous_total
            up = tr.check_total(rows[i], above, before, rows[:i], blanks=blanks) if above else None
            if below and n + 1 < len(totals) and tr.meets(rows[totals[n + 1]], [rows[i], *below]):
                below = []
            later = [rows[t] for t in totals[n + 1 :]]
            if below and later and (tr.meets(rows[i], [*below, later[0]]) or tr.meets(rows[i], later)):
                # 全市合计 | 市级 | 县区合计 | the counties…: the 县区合计 is a part, its rows its own; 合计 at the head of
                # groups each closed by its 小计: the 小计 are the parts
                continue
            closers = [r for r in later if _SUBTOTAL_LABEL.match(r.label)]
            if below and len(closers) >= 2 and len(closers) == len(later) and not _SUBTOTAL_LABEL.match(rows[i].label):
                # 合计 at the head of groups each closed by its 小计 (一、… | items | 小计 | 二、…): the 小计 are its parts,
                # never its first group's rows; they miss it (a 小计 off, or a group left out) — said as info
                yield "total", tr.Verdict(rows[i], closers, tr.UNCERTAIN)
                continue
            if len(below) == 1 and n + 1 == len(totals):
                # 收入合计 | 支出合计 | 当年收支结余: one row under a total is no breakdown of it (a balance, a 其中 alone)
                below = []
                if not above:
                    continue
            down = tr.check_total(rows[i], below, [], below=True, blanks=blanks) if below else None
            if (above and up is None) or (below and down is None) or not (above or below):
                continue
            verdict = up or down
            assert verdict is not None
            if above and below:
                verdict = tr.Verdict(verdict.total, verdict.parts, tr.UNCERTAIN)
            yield "total", verdict
        yield from (("parent", v) for v in tr.check_marked_parents(rows))
        yield from (("parent", v) for v in tr.check_indented_parents(rows))
        yield from (("qizhong", v) for v in tr.check_qizhong(rows))
        if totals:
            previous_total = [rows[totals[-1]]]


def _tables(ctx: Context) -> Iterator[Finding]:
    verdicts = list(_verdicts(ctx))
    failing, nested = _column_failures(ctx)
    grouped: dict[tuple, list[tuple[str, tr.Verdict]]] = defaultdict(list)
    labels = _row_labels(ctx)
    cells_at = _cells_by_place(ctx)
    for what, v in verdicts:
        if what == "total" and v.certainty != tr.CERTAIN and (_classes_of_one_classification(v) or _a_partition(v)):
            v = tr.Verdict(v.total, v.parts, tr.CERTAIN)
        grouped[(v.total.fact.prov.table, v.total.index, v.certainty, what)].append((what, v))
    for (_table, _row, certainty, _what), items in grouped.items():
        what, v = items[0]
        if what == "total" and _BOTH_FLOWS_TOTAL.search(clean_label(v.total.label)):
            # 收支总计 | 500.00 over “三公”经费支出 | 机关运行经费 in a table of indicators: the total of either side,
            # never the sum of the rows under it
            continue
        tf = fact_figure(v.total.fact, ctx.doc_year)
        pf = [fact_figure(p.fact, ctx.doc_year) for p in v.parts]
        words = _ROW_WORDS[what]
        certain = certainty == tr.CERTAIN
        blank = _blank_rows(cells_at, v)
        if blank and certain:
            # 预备费 | 19,332 | (blank) in an 增减额 column: a row of the list prints no figure here, so the shortfall
            # may be that row's — not decided
            certainty, certain = tr.UNCERTAIN, False
        # a total named for the table whose rows add up to less: they may be its main items only
        short = sum(p.fact.quantity.base_value for p in v.parts) < v.total.fact.quantity.base_value
        selection = what == "total" and tr.titled_total(v.total) and not tr.meets(v.total, v.parts) and short
        # 一、收入 › 其中：1.保险费收入 | 2.财政补贴收入: numbered or not, parts listed after 其中 may be some of them only
        among = (
            short
            and not tr.meets(v.total, v.parts)
            and v.parts[0].kind == "marked"  # (an unnumbered 其中 row is read as a partial list already)
            and bool(tr.QIZHONG.match(v.parts[0].label))
        )
        if selection or among:
            certainty, certain = tr.UNCERTAIN, False
        part_fund = last_word("fund", v.parts[0].label) if len(v.parts) == 1 else ""
        whole_fund = last_word("fund", v.total.label) or v.total.fact.identity.fund
        if what == "total" and certain and part_fund and part_fund != whole_fund:
            # 本年支出合计 | 一般公共预算财政拨款支出: one row naming a fund under a total of every fund is the fund's share
            # of it, no breakdown
            certainty, certain = tr.UNCERTAIN, False
        left_out = _classes_left_out(v, labels.get(v.total.fact.prov.table, set())) if certain else []
        if left_out:
            f = _finding(OMITTED, tf, pf, "warning", words)
            f.explanation += (
                f"；表内未列出{'、'.join(left_out[:4])}{'等' if len(left_out) > 4 else ''}类，"
                "差额可能在未列出的类中（未公开或漏列），请核对"
            )
        else:
            f = _finding(ROWS if certain else UNCLEAR, tf, pf, "error" if certain else "info", words)
        if len(items) > 1:
            others = [x[1].total.fact for x in items[1:]]
            f.explanation += f"；同一行另有{len(others)}列同样不符（{'、'.join(o.prov.render() for o in others[:8])}）"
            f.related += [o.prov for o in others]
        if selection:
            f.explanation += "；该行以表名为名而非“合计”，所列各行可能只是其中主要项目，请核对"
        elif certainty != tr.CERTAIN:
            f.explanation += "；表内分项层次未能确定（无编码或序号），请核对"
        yield f
    for column, fails in failing.items():
        if column not in nested:
            yield _column_finding(fails)


_BOTH_FLOWS_TOTAL = re.compile(r"收[、和及]?支(?:出)?总计|收入[、和及]?支出总计")
_ROW_WORDS = {"total": "分项行", "parent": "下级各行", "qizhong": "其中行"}


def _blank_rows(cells: dict[tuple[int | None, int | None], dict[int | None, Fact]], v: tr.Verdict) -> list[int]:
    """In a column of differences (增减额: one year's amount less another's), rows among the parts' (between the first
    and the last part, or the total) that print figures in other columns but none here: a row with no difference
    printed (no amount the year before) leaves the column's sum undecided. A blank amount elsewhere is a nil."""
    f = v.total.fact
    if not _DIFFERENCE.search("".join(f.column_labels)):
        return []
    here = cells.get((f.prov.table, f.prov.col), {})
    rows = [v.total.index, *(p.index for p in v.parts)]
    lo, hi = min(rows), max(rows)
    other_rows = {
        r for (t, c), column in cells.items() if t == f.prov.table and c != f.prov.col for r in column if r is not None
    }
    return sorted(r for r in other_rows if lo < r < hi and r not in here and r not in rows)


_DIFFERENCE = re.compile(r"增减|增加额|减少额|变动|差额")


def _cells_by_place(ctx: Context) -> dict[tuple[int | None, int | None], dict[int | None, Fact]]:
    """Per table, per column: its cells by row (built once per document: the verdicts and the findings read it)."""
    if "_cells_by_place" in ctx.cache:
        return ctx.cache["_cells_by_place"]
    out: dict[tuple[int | None, int | None], dict[int | None, Fact]] = defaultdict(dict)
    for f in ctx.facts:
        if f.prov.table is not None and f.quantity.dimension not in ("percent", "pp"):
            out[(f.prov.table, f.prov.col)][f.prov.row] = f
    ctx.cache["_cells_by_place"] = out
    return out


def _another_column_adds_up(cells: dict[tuple[int | None, int | None], dict[int | None, Fact]], v: tr.Verdict) -> bool:
    """Whether another column of the table adds up over exactly the same rows (2025年执行数 591,848 = Σ its tax rows,
    where the 2026年预算数 613,200 does not): the rows are the total's parts, as the table itself shows."""
    f = v.total.fact
    rows = [v.total.index, *(p.index for p in v.parts)]
    for (table, col), column in cells.items():
        if table != f.prov.table or col == f.prov.col or not all(r in column for r in rows):
            continue
        others = [column[r] for r in rows]
        if any(x.quantity.base_unit != f.quantity.base_unit for x in others):
            continue
        if any(x.row_labels != y.fact.row_labels for x, y in zip(others, [v.total, *v.parts], strict=True)):
            continue  # the other side of a two-sided table (收入 | 预算数 | 支出 | 预算数): other rows' figures
        total, parts = tr.classify_row(others[0]), [tr.classify_row(x) for x in others[1:]]
        if sum(1 for x in others[1:] if x.quantity.value) < 2 or any(not x.quantity.value for x in others[1:]):
            continue  # a column where one part holds it all (the others blank or 0) confirms no reading
        if tr.meets(total, parts):
            return True
    return False


def _row_labels(ctx: Context) -> dict[int | None, set[str]]:
    """Per table, every label it prints as a 科目 name (a 类 printed with no figure counts as printed)."""
    out: dict[int | None, set[str]] = defaultdict(set)
    for f in ctx.facts:
        out[f.prov.table].update(class_name(x) for x in f.row_labels)
    for t in ctx.doc.tables() if ctx.doc is not None else []:
        out[t.prov.table].update(class_name(c.text) for c in t.cells)
    return out


def _classes_of_one_classification(v: tr.Verdict) -> bool:
    """Whether a total's rows are 类 of one classification of the 政府收支分类科目, each printed once and none a 其中
    or numbered row (一般公共服务支出 | 国防支出 | … | 债务发行费用支出 under 一般公共预算支出合计), or each coded as a
    类 (201 | 204 | …): then they are its parts, one level, whatever the table prints around them."""
    if len(v.parts) < 3 or not all(p.kind == "plain" or _coded_class(p) for p in v.parts):
        return False
    names = [class_name(p.label) for p in v.parts]
    if len(set(names)) < len(names):
        return False
    return any(set(names) <= {n for m in c for n in m} for c in classifications())


def _a_partition(v: tr.Verdict) -> bool:
    """Whether a total's rows are, one each, the parts of a set that makes up its whole (一般债务 | 专项债务 under
    政府债务合计: lists.names_a_partition), printed plain: then they are its parts, whatever else the table prints."""
    return (
        len(v.parts) >= 2
        and all(p.kind == "plain" for p in v.parts)
        and lists.names_a_partition([p.label for p in v.parts], v.total.label)
    )


def _coded_class(row: tr.Row) -> bool:
    return row.kind == "marked" and row.family == "code" and row.level == 1


def _classes_left_out(v: tr.Verdict, printed: set[str]) -> list[str]:
    """The 类 of the classification the total's parts are drawn from that the table does not print, when the parts
    fall short of the total: the printed 类 are then not all of the total's parts."""
    if not v.parts or not tol.total([p.interval for p in v.parts]).hi < v.total.interval.lo:
        return []
    names = {class_name(p.label) for p in v.parts}
    holding = [c for c in classifications() if names <= {n for m in c for n in m}]
    if not holding:
        return []
    return [m[0] for m in min(holding, key=len) if not printed.intersection(m)]


_WHOLE_AREA = re.compile(r"全[省市县区州盟旗]")
_BETWEEN_LEVELS = re.compile(r"补助|上解|转移|转贷|调入|调出|结转|结余|返还|总计")


def _column_failures(ctx: Context) -> tuple[dict[tuple, list[tuple[Figure, list[Figure]]]], set[tuple]]:
    """A 合计 column = the sum of its sibling columns under the same header parent, row by row: the rows where it
    fails, per 合计 column, and the 合计 columns whose sibling columns nest in some row (not one flat set of parts)."""
    rows: dict[tuple, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.prov.table is not None and f.prov.row is not None and not _template_table(ctx, f.table_title or ""):
            rows[(f.prov.table, f.prov.row)].append(f)
    failing: dict[tuple, list[tuple[Figure, list[Figure]]]] = defaultdict(list)
    nested: set[tuple] = set()
    for cells in rows.values():
        for f in cells:
            cols = _path(f)
            if not cols or f.quantity.dimension in ("percent", "pp"):
                continue
            measured = bool(_MEASURED_TOTAL.match(cols[-1]))
            # 2023年决算数 › 全省 | 省本级 | 市县: the whole area's column, its levels the columns beside it
            whole_area = bool(_WHOLE_AREA.fullmatch(cols[-1]))
            if cols[-1] not in ("合计", "小计", "总计") and not measured and not whole_area:
                continue
            # the columns on the total's own side of a two-sided table (收入 | 金额 | 支出 | 合计 …)
            sibs = _siblings([g for g in cells if g.label_col == f.label_col], f, tuple(cols[:-1]))
            if sibs is None or len(sibs) < 2 or _head_unread(cells, f, sibs, tuple(cols[:-1])):
                continue
            if whole_area and not lists.names_a_partition([_path(g)[-1] for g in sibs]):
                continue  # (全省 | 省本级 | 全省增长%: no levels that make up the area)
            if whole_area and _BETWEEN_LEVELS.search("".join(f.row_labels)):
                # 上级补助收入, 补助下级支出, 转贷, 上解, 结转: money moving between the levels, or carried, is not
                # counted once per level (the province's grant to its counties is the counties' income)
                continue
            if measured and not all(_only_a_name(_path(g)[-1]) for g in sibs):
                continue  # 合计决算数 | 上年决算数 | 增减额: columns of other measures, no parts of it
            if not measured and sibs:
                # 合计 | 一般性转移支付 | 专项转移支付 | 上年数 | 增长%: last year's column is no part of this year's 合计
                sibs = [g for g in sibs if not _another_years_column(_path(g)[-1])]
                if len(sibs) < 2:
                    continue
            if _nested(sibs):
                nested.add((f.prov.table, f.prov.col))
                continue
            tf = fact_figure(f, ctx.doc_year)
            pf = [fact_figure(g, ctx.doc_year) for g in sibs]
            if _verdict_parts(tf, pf, False) != tol.OK:
                failing[(f.prov.table, f.prov.col)].append((tf, pf))
    return failing, nested


def _column_finding(items: list[tuple[Figure, list[Figure]]]) -> Finding:
    """One finding per 合计 column: the rows where it fails are listed together (a column left out of the sum fails
    in every row)."""
    tf, pf = items[0]
    finding = _finding(COLUMNS, tf, pf, "error", "各分项列")
    if len(items) > 1:
        others = [t for t, _ in items[1:]]
        finding.explanation += (
            f"；该合计列另有{len(others)}行同样不符（{'、'.join(o.prov.render() for o in others[:10])}"
            f"{'…' if len(others) > 10 else ''}），疑合计列漏计某一分项列"
        )
        finding.related += [o.prov for o in others]
    return finding


# 合计决算数 | 阿克苏市 | 库车市 …: a total column that names its measure, over columns named by their parts alone
_MEASURED_TOTAL = re.compile(r"^(?:合计|总计)(?:决算数|预算数|执行数|决算|预算|金额|数)$")
_NOT_A_NAME = re.compile(r"\d|年|增|减|比|差|变动|率|%")
# (上年结转 is a source of this year's money, no year of its own)
_PRIOR_OR_CHANGE = re.compile(r"(?:上年度?|去年|上一年|前一年)(?!结转|结余|结存)|增减|增长|同比|变动|率|%")


def _another_years_column(label: str) -> bool:
    """A column of last year's figures or of the change beside a 合计 that names no year (上年数, 2024年预算数, 增减额,
    增长%)."""
    return bool(_PRIOR_OR_CHANGE.search(label) or re.search(r"20\d\d\s*年", label))


def _only_a_name(label: str) -> bool:
    """A column label that names a part (a region, a fund) and states no measure, year or change of its own."""
    return not last_word("measure", label) and not _NOT_A_NAME.search(label)


def _head_unread(cells: list[Fact], total: Fact, sibs: list[Fact], head: tuple[str, ...]) -> bool:
    """Whether a column after the total, before the next total, lost the header the total stands under (预算数 › 合计 |
    预算数 › 因公出国 | … | 公务接待费, the 公务接待费 read without its 预算数 in a text table): which columns are the
    total's parts is then not known."""
    if not head:
        return False
    later = sorted((g for g in cells if g.label_col == total.label_col and _col(g) > _col(total)), key=_col)
    for g in later:
        path = _path(g)
        if path and path[-1] in ("合计", "小计", "总计") and path[: len(head)] != list(head):
            break  # the next group's total
        if g.quantity.dimension in ("percent", "pp"):
            continue  # (… | 市县 | 比上年增长%: a rate beside the group is no part that lost its header)
        if g not in sibs and len(path) <= len(head) and path[:1] != list(head[:1]):
            return True
    return False


def _col(f: Fact) -> int:
    return f.prov.col or 0


def _path(f: Fact) -> list[str]:
    """A cell's column headers, without the 栏次 numbers a table prints under them (小计 | 5)."""
    out: list[str] = []
    for x in f.column_labels:
        label = clean_label(x)
        if not label or is_column_marker(label):
            continue
        # 资金来源：预算安排 — a header flattened into one row names its group before the colon
        parts = re.split(r"[：:]", label)
        out += parts if len(parts) == 2 and _GROUP_HEAD.fullmatch(parts[0]) and parts[1] else [label]
    return out


_GROUP_HEAD = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _nested(columns: list[Fact]) -> bool:
    """Whether one column is the sum of some of the others (本年收入 450 = 一般公共预算拨款 400 + 单位资金 50 where a
    text table lost the merged header over them): the columns are then not one flat set of parts."""
    values = [g.quantity.base_value for g in columns]
    if len(values) > 8:
        return False
    for i, v in enumerate(values):
        others = values[:i] + values[i + 1 :]
        for n in range(2, len(others) + 1):
            if any(v != 0 and sum(c) == v for c in combinations(others, n)):
                return True
    return False


def _siblings(cells: list[Fact], total: Fact, parent: tuple[str, ...]) -> list[Fact] | None:
    """One figure per sibling column (a nested sibling through its own 小计); None when that is unclear."""
    by_head: dict[str, list[Fact]] = defaultdict(list)
    depth = len(parent)
    under = [g for g in cells if len(_path(g)) > depth and tuple(_path(g)[:depth]) == parent]
    # 小计 | 其中：均衡性转移支付 | 县级基本财力保障机制奖补资金 | …: the 其中 printed over the first column is of the
    # columns after it too, a breakdown that need not be whole
    marked = [g for g in under if "其中" in "".join(g.column_labels)]
    for g in under:
        p = _path(g)
        if g is total or p[depth] in ("合计", "小计", "总计"):
            continue
        if any(_after_qizhong(g, m, depth) for m in marked):
            continue
        if g.quantity.base_unit != total.quantity.base_unit:
            continue
        by_head[p[depth]].append(g)
    out: list[Fact] = []
    for group in by_head.values():
        flat = [g for g in group if len(_path(g)) == depth + 1]
        sub = [g for g in group if _path(g)[-1] in ("小计", "合计")]
        leaves = [g for g in group if len(_path(g)) == depth + 2]
        if len(flat) == 1 and len(group) == 1:
            out.append(flat[0])
        elif len(sub) == 1:
            out.append(sub[0])
        elif len(leaves) == len(group) >= 2 and all(_only_a_name(_path(g)[-1]) for g in leaves):
            # 合计 | 基本养老保险基金 › 企业职工 | 城乡居民 | 机关事业单位 | 工伤保险基金: a group header over named columns
            # and no 小计 of its own — each named column one part
            out += leaves
        else:
            return None
    return out


def _after_qizhong(g: Fact, marked: Fact, depth: int) -> bool:
    """Whether column g is the 其中 column or stands after it in its breakdown: at this level when the 其中 is printed
    over a sibling of the total, else within the sibling it is printed under."""
    level = next((k for k, x in enumerate(marked.column_labels) if "其中" in x), 0)
    if (g.prov.col or 0) < (marked.prov.col or 0):
        return False
    return level <= depth or _path(g)[depth] == _path(marked)[depth]


CORRECTED = "sum.corrected"  # ctx.cache: where a text figure a sum found out of line stands → its corrected value


def check(ctx: Context) -> Iterator[Finding]:
    corrected: dict[Provenance, Decimal | None] = ctx.cache.setdefault(CORRECTED, {})
    for f in _narrative(ctx):
        if f.rule == NARRATIVE.id and f.severity in ("error", "warning"):
            corrected[f.prov] = f.expected_value  # (a balance worked on this figure inherits its slip: balance.py)
        yield f
    yield from _tables(ctx)
