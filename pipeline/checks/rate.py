"""rate — derived ratios: 完成预算的X%, 执行率, 控制率, 得分 = 分值 × 执行率, 人均."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from extractors.identity import last_year
from extractors.lists import flow_of
from extractors.model import Claim, Fact, Quantity
from extractors.subjects import ADJUSTED_TO
from extractors.subjects import words as claim_words
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks.base import (
    TRUNCATED,
    Context,
    Figure,
    claim_figure,
    clean_label,
    closes_unopened,
    fact_figure,
    fmt,
    identities_contradict,
    make_finding,
    role_of_labels,
    rule,
    same_item_name,
    span_start,
    subject_key,
    table_name,
    titled_total,
    weak_subject,
)
from pipeline.checks.scoresheet import SCORE_SHEET_KINDS
from pipeline.findings import Finding, Rule

FAMILY = "rate"
COMPLETION = rule(
    FAMILY,
    "completion",
    "error",
    "完成预算的百分比与决算÷预算不符",
    "{subject}完成预算应为 {actual} ÷ {budget} = {expected}%，报告写 {stated}%",
    "narrative",
    "arithmetic",
)
ZERO = rule(
    FAMILY,
    "zero-base",
    "info",
    "基数为零，比率无定义",
    "{subject}的比率基数为 0（{actual} ÷ {budget}），无法得出 {stated}%",
    "undecidable",
)
EXECUTION = rule(
    FAMILY,
    "execution",
    "error",
    "执行率/控制率与两数之比不符",
    "{what}应为 {num} ÷ {den} = {expected}%，表中写 {stated}%",
    "table",
    "arithmetic",
)
EXECUTION_TEXT = rule(
    FAMILY,
    "execution-text",
    "error",
    "正文执行率与实际支出÷预算不符",
    "{subject}执行率应为 {actual} ÷ {budget} = {expected}%，报告写 {stated}%",
    "narrative",
    "arithmetic",
)
SCORE = rule(
    FAMILY,
    "score-from-rate",
    "error",
    "得分与分值×执行率不符",
    "得分应为 {points} × {rate}% = {expected}，表中写 {stated}",
    "score-sheet",
    "arithmetic",
    kinds=SCORE_SHEET_KINDS,  # the score-sheet convention 得分 = 分值 × 执行率
)
PER_CAPITA = rule(
    FAMILY,
    "per-capita",
    "error",
    "人均数与总额÷人数不符",
    "人均应为 {total} ÷ {count} = {expected}，报告写 {stated}",
    "narrative",
    "arithmetic",
)
CONTROL_TEXT = rule(
    FAMILY,
    "control-text",
    "error",
    "正文编制控制率与实有人数÷编制人数不符",
    "编制控制率应为 {staff} ÷ {quota} = {expected}%，报告写 {stated}%",
    "narrative",
    "arithmetic",
)
SCORE_RATE = rule(
    FAMILY,
    "score-rate",
    "error",
    "得分率与得分÷满分不符",
    "得分率应为 {score} ÷ {points} = {expected}%，报告写 {stated}%",
    "narrative",
    "arithmetic",
)
SCORE_TOTAL = rule(
    FAMILY,
    "score-total-text",
    "error",
    "正文总得分与各类指标得分之和不符",
    "总得分写 {stated}，各类指标得分合计 {expected}",
    "narrative",
    "arithmetic",
)
SATISFACTION = rule(
    FAMILY,
    "satisfaction",
    "error",
    "满意度与满意数÷调查数不符",
    "满意度应为 {satisfied} ÷ {surveyed} = {expected}%，报告写 {stated}%",
    "narrative",
    "arithmetic",
)
RATIO_TEXT = rule(
    FAMILY,
    "ratio-text",
    "error",
    "完成率、到位率、回收率与同句所写两数之比不符",
    "{rate}应为 {num} ÷ {den} = {expected}%，报告写 {stated}%",
    "narrative",
    "arithmetic",
)
TIME_PROGRESS = rule(
    FAMILY,
    "time-progress",
    "warning",
    "高于或低于序时进度的百分点与完成率、序时进度之差不符",
    "{rate} − 序时进度 {progress}% 应为 {expected} 个百分点，报告写 {stated}",
    "narrative",
    "arithmetic",
)
RULES = [
    TIME_PROGRESS,
    RATIO_TEXT,
    COMPLETION,
    ZERO,
    EXECUTION,
    EXECUTION_TEXT,
    SCORE,
    PER_CAPITA,
    CONTROL_TEXT,
    SCORE_RATE,
    SCORE_TOTAL,
    SATISFACTION,
]


def _before(ctx: Context, c: Claim) -> list[Claim]:
    start = c.prov.span[0] if c.prov.span else 0
    return sorted(
        (x for x in ctx.paragraph_claims(c) if x is not c and (x.prov.span[0] if x.prov.span else 0) < start),
        key=lambda x: x.prov.span[0] if x.prov.span else 0,
    )


def _is_completion(c: Claim) -> bool:
    """完成预算的X%, 为年初预算的X%: a rate whose own base is a budget (not 执行率, 完成率, 完成目标的)."""
    return (
        c.quantity.dimension == "percent" and c.relation in ("rate", "completion") and "预算" in (c.denominator or "")
    )


def _respective_amount(c: Claim, before: list[Claim]) -> Claim | None:
    """The amount a rate after 分别 is of (增值税598735万元、企业所得税271904万元，分别为预算的96.57%和104.58%): the one
    amount of its sentence before the 分别 that bears the rate's name."""
    at = c.sentence.find(c.quantity.text)
    cut = c.sentence.rfind("分别", 0, at if at >= 0 else 0)
    if not c.subject or cut < 0:
        return None
    named = [
        x
        for x in before
        if x.sentence == c.sentence
        and _level(x)
        and not _is_budget(x)
        and x.subject == c.subject
        and 0 <= x.sentence.find(x.quantity.text) < cut
    ]
    return named[0] if len(named) == 1 else None


def _completion(ctx: Context, c: Claim) -> Iterator[Finding]:
    before = [
        x
        for x in _before(ctx, c)
        if x.quantity.dimension == "money" and x.relation not in ("share", "rate") and not x.base
    ]
    respective = "分别" in _clause_before(c.sentence, c.quantity.text)
    own = _respective_amount(c, before) if respective else None
    if respective and own is None:
        ctx.note(c, "“分别为…的X%”对应多个数字，未逐一核对")
        return
    # the rate is of the figure it follows in its sentence (税收收入完成113.3亿元，为年预算的96.7%), else of the
    # paragraph's last 决算/执行 figure
    near = own or next(
        (
            x
            for x in reversed(before)
            if x.sentence == c.sentence and not _is_budget(x) and _level(x) and not _bracketed_before(x, c)
        ),
        None,
    )  # (税收收入113.13亿元（其中：…个人所得税4.52亿元），为预算的99.8%: the figure the bracket breaks down)
    if near is not None and "；" in _words_between(c.sentence, near, c):
        # …教育支出68,425万元，占年度预算的53.1%；城乡社区支出进度相对较慢，仅完成年度预算的42.3%: the clause after the
        # "；" is about another item, whose figure is not printed
        ctx.note(c, "完成率所在分句另起一项，其决算数未在文中写出")
        return
    actual = near or next((x for x in reversed(before) if x.role in ("决算", "执行", "实际")), None)
    if actual is None and c.subject:
        # 一般公共预算财政拨款支出37146.98万元，…。年初预算为28444.00万元，支出决算完成年初预算的130.60%: the level of
        # the rate's own name, printed earlier in its paragraph
        actual = next(
            (
                x
                for x in reversed(before)
                if _level(x) and not _is_budget(x) and x.relation != "part" and same_item_name(x, c)
            ),
            None,
        )
    budget: Claim | Fact | None = None
    certain = CERTAIN
    if actual is not None and _names_another_item(c, actual):
        ctx.note(c, f"完成率所指项目（{c.subject}）的决算数、预算数未在文中写出")
        return
    if actual is not None:
        found_text = _budget_in_text(ctx, before, actual, c.denominator, c.quantity)
        found = found_text or _budget_in_table(ctx, actual, c.denominator)
        if found is not None:
            budget, certain = found
    if budget is None or actual is None:
        ctx.note(c, "未找到完成率的决算数或预算数")
        return
    ctx.mark(c)
    subject = actual.subject or c.subject
    comp = tol.percent(tol.base_interval(actual.quantity), tol.base_interval(budget.quantity))
    a, b = _shown(actual.quantity), _shown(budget.quantity)
    if comp is None:
        yield make_finding(
            ZERO,
            "info",
            claim_figure(c),
            f"{subject}预算数为 {b}、决算数为 {a}，{a} ÷ {b} 无定义，“完成预算的{fmt(c.quantity.value)}%”无法核对",
            derivation=f"{a} ÷ {b}",
            related=[actual.prov, budget.prov],
            subject=subject,
        )
        return
    v = tol.verdict(c.quantity, comp, ctx.settings)
    if v == tol.OK:
        return
    exact = actual.quantity.base_value / budget.quantity.base_value * 100
    msg = f"{subject}完成预算应为 {a} ÷ {b} = {fmt(exact, 2)}%，报告写 {fmt(c.quantity.value)}%"
    if v == tol.WARNING:
        msg += TRUNCATED
    if isinstance(budget, Fact):
        msg += f"（预算数取自{table_name(budget)}“{' › '.join(budget.column_labels)}”列）"
    if certain == UNSURE and v != tol.OK:
        v = "info"
        msg += f"；所取预算数未写明是否即“{c.denominator}”，请核对"
    elif certain == LIKELY and v == tol.ERROR:
        v = tol.WARNING
        msg += "；预算数取自另一张表中同一项目、同一范围和年度的预算数，请核对"
    yield make_finding(
        COMPLETION,
        v,
        claim_figure(c),
        msg,
        expected=exact,
        derivation=f"{a} ÷ {b} × 100",
        related=[actual.prov, budget.prov],
        subject=subject,
    )


def _shown(q: Quantity) -> str:
    return f"{fmt(q.value)}{q.unit}"


def _clause_before(sentence: str, number: str) -> str:
    at = sentence.find(number)
    head = sentence[: at if at >= 0 else len(sentence)]
    return re.split(r"[，,；;。：:]", head)[-1]


def _names_another_item(c: Claim, actual: Claim) -> bool:
    """A rate whose own clause names its item, another than the figure before it (…支出决算为111.72万元，完成预算的
    87.28%，其中：因公出国（境）费支出决算为预算的73.10%: the 73.10% is the item's, of figures not printed here)."""
    own = c.subject and c.subject in _clause_before(c.sentence, c.quantity.text)
    return bool(own) and subject_key(actual.subject) != subject_key(c.subject) and actual.subject not in c.subject


def _is_budget(c: Claim) -> bool:
    """A budget figure: 年初预算, 预算数, 调整预算 — not 全年预计完成 (an estimate of the year's execution)."""
    if c.role in ("预算", "年初"):
        return True
    clause = _clause_before(c.sentence, c.quantity.text)
    if _ARRANGED.search(clause):
        return True  # 水源工程：安排资金1,126.40万元，实际支出1,098.62万元，执行率97.53%: the funds arranged are its budget
    return c.role == "全年" and ("预算" in clause or bool(ADJUSTED_TO.search(clause)))


# (省级补助资金计划420.00万元, 计划投入资金2,400.00万元: the funds planned are the budget too)
_ARRANGED = re.compile(r"(?:安排|下达|计划(?:投入|安排)?)(?:资金|预算资金)?[为共计]{0,2}$")


def _which_budget(words: str) -> str:
    if re.search("调整|调[增减](?:为|至|到)|全年|变更", words):
        return "调整"
    return "年初" if "年初" in words else ""


def _budget_in_text(
    ctx: Context, before: list[Claim], actual: Claim, denominator: str, stated: Quantity | None = None
) -> tuple[Claim, str] | None:
    """The budget of the same item, scope, fund and year printed before the rate in its paragraph; certain when
    it is the budget the rate names (年初 for 年初预算, 调整 for 调整预算) or the rate names none."""
    want = _which_budget(denominator)
    found: list[tuple[Claim, str]] = []
    for x in reversed(before):
        if x is actual or not _is_budget(x) or not _one_item(ctx, x, actual):
            continue
        says = _which_budget(_clause_before(x.sentence, x.quantity.text))
        if want and says and says != want:
            continue  # 年初预算 is not the base of 为调整预算的X%
        if want or stated is None:
            return x, CERTAIN if not want or says == want else UNSURE
        if says not in {s for _, s in found}:
            found.append((x, says))
    if len(found) > 1 and stated is not None:
        # 年初预算332400万元，调整预算381900万元，完成355260万元，完成预算的106.9%: a bare 预算 is either budget, and
        # the rate is right if it fits one of them
        for x, _ in found:
            comp = tol.percent(tol.base_interval(actual.quantity), tol.base_interval(x.quantity))
            if tol.verdict(stated, comp, ctx.settings) == tol.OK:
                return x, CERTAIN
    return (found[0][0], CERTAIN) if found else None


_BUDGET_ROLES = ("budget", "budget_full")


def _level(c: Claim) -> bool:
    return c.relation in ("", "total", "part") and c.quantity.dimension == "money"


def _one_item(ctx: Context, budget: Claim, actual: Claim) -> bool:
    """Whether a budget and an actual figure are of one item: the actual names its item, the budget is named
    alike (`same_item_name`), and no scope, fund or year that one states and the other contradicts."""
    own = subject_key(actual.subject)
    if not own or weak_subject(own) or not same_item_name(budget, actual):
        return False
    # 上半年…完成12.86亿元，完成年度预算25.60亿元的52.0%: what a stretch of the year did is rated on the year's budget
    period = actual.identity.period
    if _STRETCH_OF_YEAR.search(period):
        period = period[:4] if period[:4].isdigit() else ""
    return not identities_contradict(budget.identity, replace(actual.identity, period=period))


_STRETCH_OF_YEAR = re.compile(r"月|半年|季度")


CERTAIN, LIKELY, UNSURE = "error", "warning", "info"  # how sure the budget is the rate's base: the severity at most


def _budget_in_table(ctx: Context, actual: Claim, denominator: str) -> tuple[Fact, str] | None:
    """The budget of the figure a completion rate follows, from the table row that prints that figure (its name
    and its value both) beside a budget column. Certain when the column says the measure the rate names
    (年初预算数 for 年初预算, 调整预算数 for 调整预算, 预算数 for 预算); None when rows disagree."""
    key = subject_key(actual.subject)
    if not key or weak_subject(key):
        return None
    want = _which_budget(denominator)
    ident = actual.identity
    # 市级一般公共预算收入完成33.02亿元 printed in the row 市级一般公共预算收入合计 (named with its 合计 as written: the
    # key of 一般公共预算支出 is its canonical name, 一般公共预算)
    # (“三公”经费财政拨款支出决算为21.45万元 printed in the 三公 table's 合计: the 三公经费 of that table's one fund)
    names = (
        key,
        key + "合计",
        subject_key(actual.subject + "合计"),
        subject_key(actual.subject.replace("财政拨款", "")),
    )
    rows: dict[tuple, list[Figure]] = defaultdict(list)
    for fig in ctx.figures:
        if fig.kind == "fact" and fig.quantity.dimension == "money":
            rows[(fig.prov.table, fig.prov.row)].append(fig)
    found: list[tuple[Fact, str]] = []
    printed_in: set[tuple[str, str, str, tuple[str, ...]]] = set()  # the identities of the rows printing the figure
    printings: dict[tuple, list[Figure]] = {}
    for at, cells in rows.items():
        named = [f for f in cells if _item_of(f) in names and not _budget_cell(f) and f.role != "target"]
        printing = [f for f in named if tol.printings_verdict(actual.quantity, f.quantity) == tol.OK]
        # not a cell of another scope, fund or year that happens to print the same value
        printings[at] = [f for f in printing if not identities_contradict(f.identity, ident)]
    if any(f.identity.part_of == ident.part_of for fs in printings.values() for f in fs):
        # 公务接待费2.85万元 printed in the 三公 table and, as a part of 基本支出, in the economic classes' table: the
        # figure is the one printed as the text's own part (of no breakdown), not the other breakdown's
        printings = {at: [f for f in fs if f.identity.part_of == ident.part_of] for at, fs in printings.items()}
    for at, cells in rows.items():
        printing = printings[at]
        if not printing:
            continue
        printed_in |= {(f.identity.scope, f.identity.fund, f.identity.period, _group(f)) for f in printing}
        found += _budget_row_below_the_same_column(ctx, printing, want)
        for f in cells:
            if not _budget_cell(f) or _item_of(f) not in names or _group(f) not in {_group(p) for p in printing}:
                continue
            if all(_other_flow(p, f) for p in printing):
                continue  # 收入调整预算数 | … | 支出调整预算数 | 支出决算数 in one row: the budget of the printing's own side
            if all(_other_year(p, f) for p in printing):
                continue  # 上年执行数 452,300 beside this year's 预算数 in next year's draft: not its budget
            says = _which_budget("".join(f.obj.column_labels) if isinstance(f.obj, Fact) else "")
            if want and says and says != want:
                continue
            assert isinstance(f.obj, Fact)
            found.append((f.obj, CERTAIN if says == want else UNSURE))
    if len({x[:3] for x in printed_in}) > 1:
        return None  # the figure is printed in rows of several scopes (全市 and 市本级 alike): whose budget is unknown
    if not found and len(printed_in) == 1:
        found = _budget_elsewhere(ctx, key, printed_in.pop(), want)
    as_named = [x for x in found if want and x[1] == CERTAIN]
    found = as_named or found  # 预算数 | 调整预算数 | 决算数 beside 为调整预算的107.5%: the column the rate names
    values = {f.quantity.base_value for f, _ in found}
    return found[0] if len(values) == 1 else None


_MEASURE_ROW = re.compile(r"(?:(?:年初|调整后?|全年)?预算|决算|执行|实际)数?")
_BUDGET_ROW = re.compile(r"(?:年初|调整后?|全年)?预算(?:数)?")
_OUTCOME_ROW = re.compile(r"(?:决算|执行|实际(?:支出)?)(?:数)?")


def _budget_row_below_the_same_column(ctx: Context, printing: list[Figure], want: str) -> list[tuple[Fact, str]]:
    """预算数 | 34.50 | … | 28.00 over 决算数 | 13.58 | … | 10.51 (the 三公 table, its items across the columns and its
    measures down the rows): the budget of a figure printed in the 决算数 row is the 预算数 row's cell of its column."""
    out: list[tuple[Fact, str]] = []
    for p in printing:
        if not isinstance(p.obj, Fact) or not _OUTCOME_ROW.fullmatch(clean_label("".join(p.obj.row_labels))):
            continue
        for g in ctx.figures:
            if g.kind != "fact" or not isinstance(g.obj, Fact) or g.quantity.dimension != "money":
                continue
            if (g.prov.table, g.prov.col) != (p.prov.table, p.prov.col) or g.prov.row == p.prov.row:
                continue
            row = clean_label("".join(g.obj.row_labels))
            if _BUDGET_ROW.fullmatch(row):
                says = _which_budget(row)
                out.append((g.obj, CERTAIN if says == want or not want else UNSURE))
    return out


def _other_flow(a: Figure, b: Figure) -> bool:
    """Two cells of one row under headers of different flows (收入决算数, 支出调整预算数)."""
    flows = [flow_of("".join(x.obj.column_labels)) if isinstance(x.obj, Fact) else "" for x in (a, b)]
    return all(flows) and flows[0] != flows[1]


def _other_year(a: Figure, b: Figure) -> bool:
    """Two cells of one row that are of different years: both state a year and differ, or one stands in a 上年 column
    and the other does not."""
    if a.identity.period and b.identity.period:
        # a stretch of a year (2025年1—6月) is of its year's budget (2025)
        return a.identity.period[:4] != b.identity.period[:4]
    return (a.role == "prior") != (b.role == "prior")


def _budget_cell(f: Figure) -> bool:
    """A table cell of a budget (年初预算数, 2025年预算数 — in a report on 2025 as well as in next year's draft); never a
    change (比上年执行数增减额 in a 预算表) nor a figure below zero."""
    if f.role == "change" or f.quantity.value < 0:
        return False
    if isinstance(f.obj, Fact) and re.search(r"[%％]|率|占", "".join(f.obj.column_labels)):
        return False  # 1—6月 › 占年度预算%: a share of the budget, not the budget
    return f.role in _BUDGET_ROLES or f.identity.measure in ("预算", "调整预算")


def _group(f: Figure) -> tuple[str, ...]:
    """The column group a cell stands in (收入 › 2025年完成数 and 收入 › 2025年预算数 are both 收入's); in a row
    without a name, whose items stand across the columns, the cell's item columns (预算数 › 公务接待费 and
    决算数 › 公务接待费 are both 公务接待费's)."""
    if not f.key:
        return (f.column_rest,)
    if not isinstance(f.obj, Fact):
        return ()
    # (调整预算数 › 2 and 决算数 › 3 under a 栏次 row: a column's number names no group)
    labels = [x for x in f.obj.column_labels if not is_column_marker(x)]
    return tuple(labels[:-1])


def _item_of(f: Figure) -> str:
    """A cell's item: its row's name; in a row without a name under a measure header (预算数 › 因公出国（境）费 |
    … | 决算数 › 公务接待费, the 三公 table), the column's own last label below the measure (预算数 › 公务用车购置及
    运行维护费 › 公务用车购置费 is 公务用车购置费's; › 小计 is its head's)."""
    if (f.key and not _MEASURE_ROW.fullmatch(f.key)) or not isinstance(f.obj, Fact):
        return f.key  # (a row named by its measure alone, 预算数 | 决算数, names no item: its columns do)
    labels = [x for x in (clean_label(y) for y in f.obj.column_labels) if x and not role_of_labels([x], None)]
    if labels and _SUBTOTAL_END.fullmatch(labels[-1]):
        if len(labels) == 1:  # the 合计 column of a table of the 三公 items: the 三公经费 its title names
            return subject_key(titled_total(labels[0], f.obj.table_title or ""))
        labels = labels[:-1]
    return subject_key(labels[-1]) if labels else ""


_SUBTOTAL_END = re.compile(r"(?:小计|合计)$")


def _budget_elsewhere(
    ctx: Context, key: str, printed: tuple[str, str, str, tuple[str, ...]], want: str
) -> list[tuple[Fact, str]]:
    """The budget of the row's own item, scope, fund and year in another table (the 2025年预算数 column of the next
    year's draft): likely the rate's base, never certain — a warning at most."""
    out: list[tuple[Fact, str]] = []
    for f in ctx.figures:
        if f.kind != "fact" or f.key != key or not _budget_cell(f) or not isinstance(f.obj, Fact):
            continue
        if (f.identity.scope, f.identity.fund, f.identity.period, _group(f)) != printed or not all(printed[:3]):
            continue
        says = _which_budget("".join(f.obj.column_labels))
        if want and says and says != want:
            continue
        out.append((f.obj, LIKELY if says == want else UNSURE))
    return out


_PERSONS = ("人", "名", "位")  # what 人均 divides by: people, not 人次 nor the counted things (册, 件)


def _persons(x: Claim) -> bool:
    return x.quantity.dimension == "count" and x.quantity.base_unit in _PERSONS


def _per_capita(ctx: Context, c: Claim) -> Iterator[Finding]:
    """人均 = the sentence's total of the same unit ÷ its number of people: the people stated in the bracket right
    after the figure (人均藏书1.32册（按常住人口118.77万人计算）), else the nearest before it."""
    # the figures of its own clause run: "…生均公用经费1200元；…资助学生8400人次，人均1500元" — the "；" parts another group's
    before = [
        x
        for x in _before(ctx, c)
        if x.sentence == c.sentence and not re.search(r"[；;]", _words_between(c.sentence, x, c))
    ]
    after = [x for x in ctx.paragraph_claims(c) if x.sentence == c.sentence and span_start(x) > span_start(c)]
    own = _bracket_total_and_count(c, after)
    if own is not None:  # 上年人均基本支出为128400.00元（基本支出4481.16万元÷实有人数349人）: its own basis
        yield from _judge_per_capita(ctx, c, *own)
        return
    count = _bracket_basis(c, after) or next((x for x in reversed(before) if _persons(x)), None)
    totals = [
        x
        for x in reversed(before)
        if x.quantity.base_unit == c.quantity.base_unit and not _persons(x) and not _AVERAGE.search(x.subject or "")
    ]
    # 人均一般公共预算支出 is of the 一般公共预算支出 printed before it, not of the nearest amount (民生支出, another 人均)
    item = _PER_CAPITA_WORD.sub("", c.subject or "")
    holder = subject_key((c.subject or "").split("人均")[0])
    if count is not None and _another_group(holder, count):
        count = None  # 按在编教职工128人测算，…，学生人均公用经费3500元: the staff counted are not the students
    # 村集体经济年增收9.6万元，务工脱贫户人均增收2150元: another holder's 增收, not the 务工脱贫户's total
    totals = [x for x in totals if not _another_holder(holder, item, x)]
    total = next((x for x in totals if item and _same_total(item, x)), None) if item else None
    if total is None and len(totals) == 1:
        total = totals[0]  # 总藏量156.78万册，人均藏书…: the one amount the sentence prints
    if total is None and count is not None and item and not last_year(c):
        # (上年人均基本支出22.60万元: last year's, never of this year's 基本支出 printed earlier)
        total = _total_named_earlier(ctx, c, item)
    if count is None or total is None:
        ctx.note(c, "未找到人均数的总额或人数")
        return
    yield from _judge_per_capita(ctx, c, total, count)


def _bracket_total_and_count(c: Claim, after: list[Claim]) -> tuple[Claim, Claim] | None:
    """The total and the number of people a bracket right after the per-capita figure prints (（基本支出4686.56万元÷实有
    人数358人）), None where it prints not exactly one of each."""
    at = c.sentence.find(c.quantity.text)
    if at < 0:
        return None
    rest = c.sentence[at + len(c.quantity.text) :]
    m = re.match(r"\s*[（(]([^）)]*)[）)]", rest)
    if m is None:
        return None
    inside = [x for x in after if x.quantity.text in m.group(1)]
    totals = [x for x in inside if x.quantity.base_unit == c.quantity.base_unit and not _persons(x)]
    counts = [x for x in inside if _persons(x)]
    return (totals[0], counts[0]) if len(totals) == 1 and len(counts) == 1 else None


def _judge_per_capita(ctx: Context, c: Claim, total: Claim, count: Claim) -> Iterator[Finding]:
    ctx.mark(c)
    comp = tol.ratio(tol.base_interval(total.quantity), tol.base_interval(count.quantity))
    if comp is None:
        return
    comp = comp.scale(1 / tol.factor(c.quantity))
    v = tol.verdict(c.quantity, comp, ctx.settings)
    if v == tol.OK:
        return
    exact = total.quantity.base_value / count.quantity.base_value / tol.factor(c.quantity)
    yield make_finding(
        PER_CAPITA,
        v,
        claim_figure(c),
        f"人均应为 {total.quantity.text} ÷ {count.quantity.text} = {fmt(exact, c.quantity.decimals + 1)}"
        f"{c.quantity.unit}，报告写 {c.quantity.text}",
        expected=exact,
        derivation=f"{total.quantity.text} ÷ {count.quantity.text}",
        related=[total.prov, count.prov],
    )


_PER_CAPITA_WORD = re.compile(r"^.*?人均")
_GROUPS = re.compile(r"学生|教师|教职工|职工|在职|离退休|退休|干部|人员|户|居民|农民|村民|患者|老人|儿童|幼儿")


def _another_group(holder: str, count: Claim) -> bool:
    """The per-capita figure names whose it is (学生人均) and the people counted are another group (在编教职工)."""
    mine = set(_GROUPS.findall(holder))
    theirs = set(_GROUPS.findall(subject_key(count.subject or "")))
    return bool(mine) and bool(theirs) and not mine & theirs


_AVERAGE = re.compile(r"[人生户亩]均|平均")  # 生均公用经费8623元: a figure per head itself, never a total


def _total_named_earlier(ctx: Context, c: Claim, item: str) -> Claim | None:
    """The total a per-capita figure names (人均基本支出 → 基本支出) printed earlier in its section, when every printing
    of it there agrees (基本支出78214.63万元。…按在职人员2846人计算，人均基本支出27.48万元)."""
    at = next((k for k, x in enumerate(ctx.claims) if x is c), None)
    if at is None:
        return None
    named = [
        x
        for x in ctx.claims[:at]
        # (其中：基本支出878.60万元: a part of another list is the total of the per-capita figure named after it)
        if (x.relation in ("", "total") or (x.relation == "part" and subject_key(x.subject) == subject_key(item)))
        and not x.base
        and x.quantity.base_unit == c.quantity.base_unit
        and not _AVERAGE.search(x.subject or "")
        and _same_total(item, x)
        and not _another_holder(subject_key((c.subject or "").split("人均")[0]), item, x)
    ]
    # in its own section; else anywhere before it, printed under exactly its name (人员经费2,175.40万元 under 二、支出预算
    # 情况 for 三、人员经费保障情况's 人均人员经费)
    own = [x for x in named if x.section == c.section]
    named = own or [
        x
        for x in named
        if subject_key(x.subject) == subject_key(item) and not identities_contradict(x.identity, c.identity)
    ]
    return named[-1] if named and len({x.quantity.base_value for x in named}) == 1 else None


_TIME_WORDS = re.compile(r"全年|本年|当年|年度|累计|共计|合计|总|共|年")


def _another_holder(holder: str, item: str, x: Claim) -> bool:
    """The total names whose it is (村集体经济年增收), and the per-capita figure names someone else (务工脱贫户人均增收)."""
    key, own = subject_key(x.subject or ""), subject_key(item)
    if not holder or not own or not key.endswith(own):
        return False
    whose = _TIME_WORDS.sub("", key[: -len(own)])
    return bool(whose) and whose not in holder and holder not in whose


def _same_total(item: str, x: Claim) -> bool:
    return subject_key(x.subject).endswith(subject_key(item)) or subject_key(item) == subject_key(x.subject)


def _bracket_basis(c: Claim, after: list[Claim]) -> Claim | None:
    """The number of people in a bracket opened right after the per-capita figure (its basis of calculation)."""
    x = min(after, key=span_start, default=None)
    if x is None or not _persons(x) or x.lead is None or not c.prov.span or not x.prov.span:
        return None
    if x.follows != (c.prov.block, c.prov.span[1]):
        return None
    gap = x.prov.span[0] - c.prov.span[1]
    between = x.lead[-gap:] if 0 < gap <= len(x.lead) else ""
    return x if between[:1] in ("(", "（") and not re.search(r"[)）]", between) else None


# the role of a row's figure by its column header (claim_words.csv row_role: the first word in file order decides)
_ROW_ROLES = claim_words().row_roles
# the budget an 执行率 is of, the first the row prints: the year's full (adjusted) budget, a bare 预算数, the 年初预算,
# else the funds received (到位数, 下达资金)
_RATE_BASES = ("budget", "budget_plain", "budget_initial", "received")


def _row_role(f: Fact) -> str:
    text = "".join(clean_label(x) for x in f.column_labels)
    return next((role for word, role in _ROW_ROLES if word in text), "")


def _row_cells(ctx: Context) -> list[dict[str, Fact]]:
    """Each table row's cells by role; a role two columns of the row take is dropped (which is meant is unknown)."""
    rows: dict[tuple[int | None, int | None], dict[str, Fact | None]] = defaultdict(dict)
    for f in ctx.facts:
        role = _row_role(f)
        if role:
            row = rows[(f.prov.table, f.prov.row)]
            row[role] = f if role not in row else None
    return [{k: v for k, v in row.items() if v is not None} for row in rows.values()]


def _tables(ctx: Context) -> Iterator[Finding]:
    for cells in _row_cells(ctx):
        for rate_role, num_role, den_roles, what in (
            ("rate", "spent", _RATE_BASES, "执行率"),
            ("control", "staff", ("quota",), "控制率"),
        ):
            bases = [cells[k] for k in den_roles if k in cells]
            if rate_role not in cells or num_role not in cells or not bases:
                continue
            r, n = cells[rate_role], cells[num_role]
            if r.quantity.dimension != "percent":
                continue
            n_iv = tol.base_interval(n.quantity)
            d = bases[0]  # the year's full budget where printed: a rate on the 年初预算 beside it is the slip
            comp = tol.percent(n_iv, tol.base_interval(d.quantity))
            if comp is not None and comp.lo > _CAPPED and r.quantity.value == _CAPPED and rate_role == "rate":
                continue  # spent over the budget: a 自评表 prints the 执行率 as 100% (得分 = 分值 × 100%)
            v = tol.verdict(r.quantity, comp, ctx.settings)
            if v in (tol.OK, tol.INFO):
                continue
            if rate_role == "rate" and "budget" not in cells and _of_another_column(ctx, r, n):
                continue  # 预算数 | 到位数 | 实际支出数 | 执行率: a rate beside a bare 预算数 may be of the funds received
            if rate_role == "rate" and "received" in cells and _fits(ctx, r, n, cells["received"]):
                continue  # 调整预算 | 到位资金 | 实际支出 | 执行率 (按到位资金): worked on the money received, as the text may be
            if rate_role == "rate" and _header_word(n, "spent") == "决算数" and "budget_initial" in cells:
                if _fits(ctx, r, n, cells["budget_initial"]):
                    continue  # 年初预算数 | 全年预算数 | 决算数 | 执行率: a final account's rate may be of the 年初预算
            exact = n.quantity.base_value / d.quantity.base_value * 100
            nv, dv = fmt(n.quantity.value), fmt(d.quantity.value)
            what = _header_word(r, rate_role) or what  # 支出进度（%）: the rate named as its header names it
            backed = _score_backs(ctx, cells, r, d) if rate_role == "rate" else ""
            fig = fact_figure(r, ctx.doc_year)
            yield make_finding(
                EXECUTION,
                v,
                fig,
                f"{what}应为 {nv} ÷ {dv} = {fmt(exact, 2)}%，表中写 {r.text.strip() or fmt(r.quantity.value)}" + backed,
                expected=exact,
                derivation=f"{nv} ÷ {dv} × 100",
                related=[n.prov, d.prov],
                subject=f"{fig.subject} {what}" if fig.subject and what not in fig.subject else what,
            )
        if all(k in cells for k in ("score", "points", "rate")) and not _points_split_below(ctx, cells["points"]):
            yield from _score(ctx, cells["score"], cells["points"], cells["rate"])


def _points_split_below(ctx: Context, points: Fact) -> bool:
    """年度资金总额 | … | 10 | 95.48% | 9.39 over 其中：当年财政拨款 | … | 6 and two rows more of 2 each (or a 合计 row under
    its parts): the total's points are its parts', each scored on its own rate, so its score is theirs added up, not
    分值 × its own rate."""
    below = sorted(
        (
            f
            for f in ctx.facts
            if f.prov.table == points.prov.table
            and f.prov.col == points.prov.col
            and (f.prov.row or 0) > (points.prov.row or 0)
        ),
        key=lambda f: f.prov.row or 0,
    )
    if below and any(x.strip().startswith("其中") for x in below[0].row_labels):
        total = Decimal(0)
        for f in below[:8]:
            total += f.quantity.value
            if total == points.quantity.value:
                return True
    # 基本支出 | … | 4 and 项目支出 | … | 6 above 合计 | … | 10: the same, the parts printed first
    if not any(_TOTAL_LABEL.fullmatch(clean_label(x)) for x in points.row_labels[-1:]):
        return False
    above = sorted(
        (
            f
            for f in ctx.facts
            if f.prov.table == points.prov.table
            and f.prov.col == points.prov.col
            and (f.prov.row or 0) < (points.prov.row or 0)
        ),
        key=lambda f: -(f.prov.row or 0),
    )
    total = Decimal(0)
    for n, f in enumerate(above[:8], start=1):
        total += f.quantity.value
        if n >= 2 and total == points.quantity.value:
            return True
    return False


_TOTAL_LABEL = re.compile(r"合计|小计|总计")


def _fits(ctx: Context, r: Fact, n: Fact, d: Fact) -> bool:
    """Whether the rate r is n over d."""
    comp = tol.percent(tol.base_interval(n.quantity), tol.base_interval(d.quantity))
    return comp is not None and tol.verdict(r.quantity, comp, ctx.settings) in (tol.OK, tol.INFO)


def _header_word(f: Fact, role: str) -> str:
    """The word of a cell's column header that gave it its row role (执行率, 支出进度)."""
    text = "".join(clean_label(x) for x in f.column_labels)
    return next((word for word, r in _ROW_ROLES if r == role and word in text), "")


def _of_another_column(ctx: Context, r: Fact, n: Fact) -> bool:
    """Whether the row's rate is its spending over another amount the row prints (到位数, 下达数)."""
    row = [
        f
        for f in ctx.facts
        if (f.prov.table, f.prov.row) == (r.prov.table, r.prov.row)
        and f is not n
        and f.quantity.dimension == "money"
        and f.quantity.base_unit == n.quantity.base_unit
    ]
    spent = tol.base_interval(n.quantity)
    return any(
        tol.verdict(r.quantity, tol.percent(spent, tol.base_interval(f.quantity)), ctx.settings) == tol.OK for f in row
    )


def _score_backs(ctx: Context, cells: dict[str, Fact], r: Fact, budget: Fact) -> str:
    """Where the row's 得分 fits the printed 执行率 (分值 10 × 95.39% = 9.54), the rate is backed by a second printing and
    the slip is likelier in the 执行数 or the 预算数 it is computed from: said, with the 执行数 the printed rate implies."""
    if not all(k in cells for k in ("score", "points", "spent")):
        return ""
    if any(True for _ in _score(ctx, cells["score"], cells["points"], r)):
        return ""
    implied = budget.quantity.value * r.quantity.value / 100
    return (
        f"；同行得分 {fmt(cells['score'].quantity.value)} 按所写{fmt(r.quantity.value)}%计算相符，疑执行数或预算数有误"
        f"（按所写执行率，执行数应约为 {fmt(implied, 2)}）"
    )


_WHOLE_SHEET_POINTS = Decimal(50)


def _score(ctx: Context, s: Fact, p: Fact, r: Fact) -> Iterator[Finding]:
    if r.quantity.dimension != "percent" or p.quantity.value >= _WHOLE_SHEET_POINTS:
        # 分值 100 | 执行率 100.00% | 得分 91.4 in a summary of projects: each project's whole self-evaluation score,
        # not the 预算执行率 indicator's (its weight is 10 or 20)
        return
    pts = tol.Interval.exact(p.quantity.value) if p.quantity.decimals == 0 else tol.interval(p.quantity)  # whole 分
    comp = pts * tol.interval(r.quantity).scale(Decimal("0.01"))
    cap = p.quantity.value
    comp = tol.Interval(min(comp.lo, cap), min(comp.hi, cap))
    v = tol.verdict(s.quantity, comp, ctx.settings)
    if v in (tol.OK, tol.INFO):
        return
    exact = min(p.quantity.value * r.quantity.value / 100, cap)
    yield make_finding(
        SCORE,
        v,
        fact_figure(s, ctx.doc_year),
        f"得分应为 分值 {fmt(p.quantity.value)} × 执行率 {r.quantity.text.strip()} = {fmt(exact, 2)}"
        f"（不超过分值），表中写 {fmt(s.quantity.value)}",
        expected=exact,
        derivation=f"{fmt(p.quantity.value)} × {fmt(r.quantity.value)}%",
        related=[p.prov, r.prov],
        subject="得分",
    )


_EXECUTION_RATE = re.compile(r"执行率(?:为|达|达到|是)?$")
_CAPPED = Decimal(100)  # 实际支出 over the budget is printed as an execution rate of 100% by some reports


def _is_execution_rate(c: Claim) -> bool:
    """预算执行率93.29%, 资金执行率为100%, 执行率95.00%: spending over budget (not 控制率, 完成率)."""
    if c.quantity.dimension != "percent" or c.relation != "rate" or c.denominator:
        return False
    words = c.lead if c.lead is not None else _clause_before(c.sentence, c.quantity.text)
    return bool(_EXECUTION_RATE.search(words.strip()))


_OWN_BASIS = re.compile(r"按[^，,；;。]{1,12}计算")
_BASIS_AFTER = re.compile(r"\s*[（(](?:以|按)[^（）()]{1,12}计(?:算)?[)）]")  # 预算执行率95.51%（以到位资金计）
# 实际到位资金10090.00万元: the money received, on which a 执行率 may be worked instead of the budget
_RECEIVED = re.compile(r"到位")


def _after(c: Claim) -> str:
    """The words right after a claim's figure in its sentence."""
    at = c.sentence.find(c.quantity.text)
    return c.sentence[at + len(c.quantity.text) :] if at >= 0 else ""


def _execution_text(ctx: Context, c: Claim) -> Iterator[Finding]:
    """An execution rate in the text against the spending and the budget printed before it in its sentence
    ("项目预算资金100.00万元，实际支出90.00万元，执行率90.00%"): the spending is the last level before the rate,
    the budget the budgets before that; one that fits is enough (年初 and 调整 both printed)."""
    if "分别" in _clause_before(c.sentence, c.quantity.text):
        return
    if _OWN_BASIS.search(_clause_before(c.sentence, c.quantity.text)) or _BASIS_AFTER.match(_after(c)):
        ctx.note(c, "执行率写明了自己的计算口径，未与预算数核对")
        return  # 按应到位资金计算的执行率为94.35%: a rate on the base it names, not on the budget
    if _another_period(c):
        return  # …，预算执行率96.58%，上年预算执行率为95.12%: last year's rate, of figures not printed here
    before = _before(ctx, c)
    levels = [
        x for x in before if x.sentence == c.sentence and _level(x) and not x.base and not _bracketed_before(x, c)
    ]
    # (…实际支出3200.00万元，其中工程款3015.40万元，执行率100.00%; …支出3200.00万元、结余15.40万元: a part or a remainder
    # after the whole's spending is no spending of its own — a part alone, 其中中央资金支出…，执行率…, is the rate's)
    wholes = [x for x in levels if not _A_PART_OR_REMAINDER.search(_clause_before(c.sentence, x.quantity.text))]
    if any(not _is_budget(x) for x in wholes):
        levels = wholes
    spent = next((x for x in reversed(levels) if not _is_budget(x)), None)
    if spent is not None and spent.relation == "part" and "；" in _words_between(c.sentence, spent, c):
        # 实际支出1548.92万元，其中中央资金620.00万元、…县级资金400.80万元；预算执行率97.64%: the spending the list
        # breaks down, not its last part
        spent = next((x for x in levels if x.group == spent.group and x.relation == "total"), spent)
    at = spent.prov.span[0] if spent is not None and spent.prov.span else 0
    budgets = [x for x in levels if _is_budget(x) and (x.prov.span[0] if x.prov.span else 0) < at]
    later = [x for x in levels if _is_budget(x) and (x.prov.span[0] if x.prov.span else 0) > at]
    if spent is not None and later and "；" in _words_between(c.sentence, spent, later[0]):
        # …执行188.08万元，执行率94.04%；其他资金全年预算数43.82万元，全部执行完毕，执行率100%: the rate is of the
        # item budgeted in its own clause, whose spending is not printed as a figure
        ctx.note(c, f"执行率所指项目（{later[-1].subject}）的实际支出未在本分句写出")
        return
    if spent is not None and any(
        x.sentence == c.sentence and x.relation == "rate" and span_start(x) > span_start(spent) for x in before
    ):
        # …实际支出2551.14万元，项目预算执行率96.23%；部门整体预算执行率97.40%: the pair before has its rate already; a
        # second rate after it is of another whole, whose figures are not in this sentence
        ctx.note(c, "执行率之前的实际支出和预算已有其执行率，此执行率所指另一项目的数未在本句写出")
        return
    if spent is None and any(_is_budget(x) for x in levels):
        # 基本支出1344.78万元，…。基本支出全年预算1356.50万元，执行率99.14%: the rate is of the budget's item, whose
        # spending an earlier sentence of the paragraph prints
        budgets = [x for x in levels if _is_budget(x)]
        spent = _spent_before(before, budgets[-1])
        if spent is None:
            ctx.note(c, "未找到执行率所指项目的实际支出")
            return
    at_most = tol.ERROR  # the budget of another paragraph is likely, not certainly, the rate's: a warning at most
    if spent is not None and not budgets and _sheet_row(ctx, c, spent) is None:
        budgets = _budgets_earlier_in_its_paragraph(ctx, c, spent) or _budgets_of_the_paragraph_before(ctx, c, spent)
        at_most = tol.WARNING
    if spent is None and not levels and _sheet_row(ctx, c, None) is None:
        # 全年预算数104318.75万元，全年执行数101927.44万元。¶ 全年预算执行率为97.71%: a rate opening its sentence is of
        # the figures the sentence before ends on
        spent, budgets = _figures_of_the_sentence_before(ctx, c)
        at_most = tol.WARNING
    if spent is None or not budgets:
        yield from _execution_against_sheet(ctx, c, spent)
        return
    own_budget = _NAMED_BUDGET.search(c.lead if c.lead is not None else _clause_before(c.sentence, c.quantity.text))
    if own_budget is not None:
        # 全年预算执行率: of the 全年预算, not of the 年初预算 printed beside it
        want = _which_budget(own_budget.group(0))
        own = [b for b in budgets if _which_budget(_clause_before(b.sentence, b.quantity.text)) in (want, "")]
        budgets = own or budgets
    if _other_sources(spent, budgets):
        # …当年财政拨款预算21386.75万元…，上年结转资金执行数1064.28万元，执行率85.24%: the budget of another source
        ctx.note(c, f"执行率所指项目（{spent.subject}）的预算数未在本句写出")
        return
    ctx.mark(c)
    verdicts = []
    for budget in reversed(budgets):
        comp = tol.percent(tol.base_interval(spent.quantity), tol.base_interval(budget.quantity))
        if comp is not None and comp.lo > _CAPPED and c.quantity.value == _CAPPED:
            comp = tol.Interval.exact(_CAPPED)
        verdicts.append((tol.verdict(c.quantity, comp, ctx.settings), budget))
    if any(v in (tol.OK, tol.INFO) for v, _ in verdicts):
        return
    if _on_the_money_received(ctx, c, spent, levels):
        # 年初预算5400.00万元，实际到位5250.00万元，…实际支出5118.62万元，预算执行率97.50%: worked on what was received
        ctx.note(c, "执行率按实际到位资金计算相符，未按预算数判定")
        return
    v, budget = next(((v, b) for v, b in verdicts if v == tol.WARNING), verdicts[0])
    # the project or item the rate is of (执行40.00万元 names none: the budget's item, 其他资金全年预算数…)
    named = next((x.subject for x in (spent, budget) if not weak_subject(subject_key(x.subject))), "")
    subject = named or c.identity.item or spent.subject or c.subject
    if at_most == tol.WARNING and v == tol.ERROR:
        where = "上一段" if budget.prov.paragraph != c.prov.paragraph else "前文"
        finding = _ratio_finding(
            EXECUTION_TEXT, v, c, (spent, "实际支出"), (budget, "预算"), f"{subject}：执行率", subject
        )
        yield replace(
            finding, severity=tol.WARNING, explanation=finding.explanation + f"；预算数取自{where}，请核对是否同一项目"
        )
        return
    yield _ratio_finding(EXECUTION_TEXT, v, c, (spent, "实际支出"), (budget, "预算"), f"{subject}：执行率", subject)


_NAMED_BUDGET = re.compile(r"(?:全年|调整后?|年初)预算(?:的)?执行率")


def _on_the_money_received(ctx: Context, c: Claim, spent: Claim, levels: list[Claim]) -> bool:
    """Whether the rate fits the spending over the money received (到位) its sentence prints before the spending."""
    at = spent.prov.span[0] if spent.prov.span else 0
    for x in levels:
        if x is spent or (x.prov.span[0] if x.prov.span else 0) >= at:
            continue
        if not _RECEIVED.search(x.subject + _clause_before(x.sentence, x.quantity.text)):
            continue
        comp = tol.percent(tol.base_interval(spent.quantity), tol.base_interval(x.quantity))
        if comp is not None and tol.verdict(c.quantity, comp, ctx.settings) in (tol.OK, tol.INFO):
            return True
    return False


def _figures_of_the_sentence_before(ctx: Context, c: Claim) -> tuple[Claim | None, list[Claim]]:
    """The spending and its budgets the sentence right before a rate's ends on, in its section (that sentence's last
    level a spending, budgets before it): (None, []) when it ends on anything else."""
    at = next((k for k, x in enumerate(ctx.claims) if x is c), None)
    if at is None or not at:
        return None, []
    last = ctx.claims[at - 1]
    if last.section != c.section or last.sentence == c.sentence or c.prov.paragraph is None:
        return None, []
    if last.prov.paragraph not in (c.prov.paragraph, c.prov.paragraph - 1):
        return None, []
    sentence = [x for x in ctx.claims[:at] if x.sentence == last.sentence and x.prov.paragraph == last.prov.paragraph]
    levels = [x for x in sentence if _level(x) and not x.base]
    if not levels or _is_budget(levels[-1]) or levels[-1].relation == "part":
        return None, []
    spent = levels[-1]
    if any(x.quantity.dimension == "percent" and span_start(x) > span_start(spent) for x in sentence):
        # A项目…实际支出305.60万元，执行率95.50%。B项目执行率88.25%: the figures have their rate; this one is another's
        return None, []
    budgets = [x for x in levels[:-1] if _is_budget(x) and not identities_contradict(x.identity, spent.identity)]
    if len(budgets) != len(levels) - 1:
        return None, []  # the sentence prints another spending too: whose rate it is cannot be told
    if not budgets and len(sentence) == 1:
        # 部门全年预算数3,638.80万元。全年实际支出3,566.58万元。部门整体预算执行率为98.02%: the spending alone in the
        # sentence before, its budget alone in the one before that
        budgets = _the_budget_alone_before(ctx, at - 1, spent)
    return spent, budgets


def _the_budget_alone_before(ctx: Context, at: int, spent: Claim) -> list[Claim]:
    """The budget a sentence of its paragraph prints alone, right before the sentence of ctx.claims[at] (a spending
    printed alone)."""
    if not at:
        return []
    last = ctx.claims[at - 1]
    if (last.prov.block, last.prov.paragraph) != (spent.prov.block, spent.prov.paragraph):
        return []
    sentence = [x for x in ctx.claims[:at] if x.sentence == last.sentence and x.prov.paragraph == last.prov.paragraph]
    if len(sentence) != 1 or not _level(last) or last.base or not _is_budget(last):
        return []
    if identities_contradict(last.identity, spent.identity) or last.quantity.base_unit != spent.quantity.base_unit:
        return []
    return [last]


_PRIOR_PERIOD = re.compile(r"上年|去年|上一年|上年度|前一?年|同期")
_YEAR_WORD = re.compile(r"(20\d\d)\s*年")


def _another_period(c: Claim) -> bool:
    """Whether a rate's own words date it to a period other than its sentence's (上年预算执行率, 2023年执行率 in a
    sentence of 2024年度 figures)."""
    words = c.lead if c.lead is not None else _clause_before(c.sentence, c.quantity.text)
    if _PRIOR_PERIOD.search(words):
        return True
    own = set(_YEAR_WORD.findall(words))
    head = c.sentence[: max(c.sentence.find(words), 0)] if words else ""
    return bool(own) and not own & set(_YEAR_WORD.findall(head)) and bool(_YEAR_WORD.search(head))


_MEASURE_WORDS = re.compile(r"年初|全年|调整后?|实际|预算|决算|执行|合计|总计|支出|资金|数")


def _other_sources(spent: Claim, budgets: list[Claim]) -> bool:
    """Whether every budget before names another item than the spending does (上年结转资金 spent, 当年财政拨款 budgeted)."""
    mine = subject_key(spent.subject)
    if not mine or weak_subject(mine) or not _MEASURE_WORDS.sub("", mine):
        return False  # (实际支出合计 names a measure and a total, no item)
    # (a budget naming no item is the whole's, never the source's: 全年预算数22791.65万元，其中当年财政拨款预算…)
    keys = [
        k for k in (subject_key(b.subject) for b in budgets) if k and not weak_subject(k) and _MEASURE_WORDS.sub("", k)
    ]
    return bool(keys) and all(k not in mine and mine not in k for k in keys)


def _budgets_earlier_in_its_paragraph(ctx: Context, c: Claim, spent: Claim) -> list[Claim]:
    """The budgets printed in the sentences before the rate's in its paragraph, where those sentences print no spending
    of their own ("该项目预算安排资金1,280.00万元，其中…。截至12月31日，…实际支出1,196.54万元，预算执行率93.48%"); each of
    the rate's item (naming none, or the spending's own)."""
    if c.prov.paragraph is None:
        return []
    earlier = [
        x
        for x in ctx.paragraph_claims(c)
        if x.sentence != c.sentence
        and c.sentence not in x.sentence
        and (x.prov.span or (0,))[0] < (c.prov.span or (0,))[0]
    ]
    named = [
        x for x in earlier if _level(x) and _is_budget(x) and not x.base and spent.subject and same_item_name(x, spent)
    ]
    if named or spent.relation == "part":
        # 全年预算数2517.82万元，其中：基本支出1905.34万元…。全年实际支出…，其中：基本支出1896.07万元，执行率99.51%: a
        # part's rate is of its own name's budget, never of the whole's
        return named
    return _budgets_of_their_item(earlier, spent)


def _budgets_of_the_paragraph_before(ctx: Context, c: Claim, spent: Claim) -> list[Claim]:
    """The budgets printed in the paragraph right before the rate's, in its section, where that paragraph prints no
    spending of its own ("全年预算数3,318.08万元，其中：… ¶ 全年实际支出3,196.73万元，预算执行率为96.43%"); each of the
    rate's item (naming none, or the spending's own)."""
    if c.prov.paragraph is None:
        return []
    prev = [x for x in ctx.claims if x.section == c.section and x.prov.paragraph == c.prov.paragraph - 1]
    if spent.relation == "part":
        # 全年预算数1280.00万元，其中：中央车购税资金850.00万元… ¶ …其中：中央资金支出850.00万元，执行率100.00%: a part's
        # rate is of its own name's budget, never of the whole's
        return [x for x in prev if _level(x) and _is_budget(x) and not x.base and same_item_name(x, spent)]
    # 全年预算3418.75万元，其中：基本支出预算1642.18万元… ¶ 基本支出实际支出1618.44万元，执行率98.55%: a spending named as
    # a part the paragraph before budgets is of that part's budget, though its own sentence lists nothing
    parts = [
        x for x in prev if x.relation == "part" and _level(x) and _is_budget(x) and not x.base and not _names_no_item(x)
    ]
    named = [x for x in parts if same_item_name(x, spent)]
    if named and all(_is_budget(x) for x in prev if _level(x) and not x.base):
        return named
    return _budgets_of_their_item(prev, spent)


def _budgets_of_their_item(claims: list[Claim], spent: Claim) -> list[Claim]:
    levels = [x for x in claims if _level(x) and not x.base and x.relation != "part"]
    if not levels or any(not _is_budget(x) for x in levels):
        return []  # the paragraph before prints spending too: its budgets are of its own spending
    own = subject_key(spent.subject)
    return [
        x
        for x in levels
        if not identities_contradict(x.identity, spent.identity)
        and (_names_no_item(x) or (bool(own) and same_item_name(x, spent)))
    ]


def _names_no_item(budget: Claim) -> bool:
    """预算安排资金, 全年预算数: a budget named only by its measure and a class of money, no item of its own."""
    key = _ADJUSTED.sub("", subject_key(budget.subject))  # 年中追加调整后全年预算: the adjusted budget, no item
    return not key or weak_subject(key) or weak_subject(_BUDGET_WORDS.sub("", key))


_BUDGET_WORDS = re.compile(r"^(?:年初|全年|调整后?)?预算")
_ADJUSTED = re.compile(r"^(?:年中|年度中|执行中)?(?:追加|追减|调增|调减|调整)(?:调整)?后?")


def _words_between(sentence: str, x: Claim, y: Claim) -> str:
    """The words of a sentence between two of its figures ("" when either is not found in it)."""
    at = sentence.find(x.quantity.text)
    end = sentence.find(y.quantity.text, at + len(x.quantity.text)) if at >= 0 else -1
    return sentence[at:end] if at >= 0 and end >= 0 else ""


def _bracketed_before(x: Claim, c: Claim) -> bool:
    """Whether x stands in a bracket closed before c in their sentence (实际支出1,268.90万元（其中：…，上年结转资金22.86万元），
    预算执行率96.67%: the rate is of the 1,268.90 the bracket breaks down)."""
    between = _words_between(c.sentence, x, c)
    return bool(between) and closes_unopened(between)


def _spent_before(before: list[Claim], budget: Claim) -> Claim | None:
    """The one spending figure of the budget's item printed earlier in its paragraph (None when none or several)."""
    key = subject_key(budget.subject)
    if not key or weak_subject(key):
        return None
    found = [
        x
        for x in before
        if x.sentence != budget.sentence
        and _level(x)
        and not x.base
        and not _is_budget(x)
        and subject_key(x.subject) == key
        and not identities_contradict(x.identity, budget.identity)
    ]
    return found[0] if len(found) == 1 else None


def _ratio_verdict(ctx: Context, c: Claim, num: Claim, den: Claim) -> str | None:
    """The verdict on a rate printed as num ÷ den, or None where it agrees (or cannot be computed)."""
    comp = tol.percent(tol.base_interval(num.quantity), tol.base_interval(den.quantity))
    v = tol.verdict(c.quantity, comp, ctx.settings)
    return None if comp is None or v in (tol.OK, tol.INFO) else v


def _ratio_finding(
    rule: Rule, v: str, c: Claim, num: tuple[Claim, str], den: tuple[Claim, str], rate: str, subject: str
) -> Finding:
    """'{rate}应为 {num} a ÷ {den} b = x%，报告写 y%': a rate of the text against the two figures it is of."""
    (n, n_label), (d, d_label) = num, den
    a, b = n.quantity.text, d.quantity.text
    exact = n.quantity.base_value / d.quantity.base_value * 100
    return make_finding(
        rule,
        v,
        claim_figure(c),
        f"{rate}应为 {n_label} {a} ÷ {d_label} {b} = {fmt(exact, 2)}%，报告写 {c.quantity.text}"
        + (TRUNCATED if v == tol.WARNING else ""),
        expected=exact,
        derivation=f"{a} ÷ {b} × 100",
        related=[n.prov, d.prov],
        subject=subject,
    )


_CONTROL_RATE = re.compile(r"控制率(?:为|达|达到|是)?$")
_STAFF_WORDS = ("实际在职", "实有", "在职", "在编")


def _is_control_rate(c: Claim) -> bool:
    """编制控制率121.40%, 人员控制率为98%: the staff over the authorised posts."""
    return _rate_named(c, _CONTROL_RATE)


def _rate_named(c: Claim, name: re.Pattern[str]) -> bool:
    """A percent with no base of its own whose words right before it end in the rate's name (控制率为, 得分率)."""
    if c.quantity.dimension != "percent" or c.relation not in ("", "rate") or c.denominator:
        return False
    words = c.lead if c.lead is not None else _clause_before(c.sentence, c.quantity.text)
    return bool(name.search(words.strip()))


def _headcount(c: Claim) -> str:
    """Whether a number of people before a 控制率 is the staff (实际在职人数) or the authorised posts (编制人数)."""
    if not _persons(c) or c.relation not in ("", "total"):
        return ""
    if any(w in c.subject for w in _STAFF_WORDS):
        return "staff"
    return "quota" if "编制" in c.subject else ""


def _control_text(ctx: Context, c: Claim) -> Iterator[Finding]:
    """A 编制控制率 in the text against the one staff count and the one 编制 count before it in its sentence."""
    counts: dict[str, list[Claim]] = defaultdict(list)
    for x in _before(ctx, c):
        if x.sentence == c.sentence and _headcount(x):
            counts[_headcount(x)].append(x)
    if len(counts["staff"]) != 1 or len(counts["quota"]) != 1:
        ctx.note(c, "未找到控制率唯一的实有人数和编制人数")
        return
    ctx.mark(c)
    staff, quota = counts["staff"][0], counts["quota"][0]
    v = _ratio_verdict(ctx, c, staff, quota)
    if v is not None:
        yield _ratio_finding(
            CONTROL_TEXT, v, c, (staff, staff.subject), (quota, quota.subject), "编制控制率", c.subject or "编制控制率"
        )


_SCORE_RATE = re.compile(r"得分率(?:为|达|达到|是)?$")
_FULL_POINTS = ("满分", "分值", "标准分")


def _is_score_rate(c: Claim) -> bool:
    return _rate_named(c, _SCORE_RATE)


def _points(c: Claim, words: tuple[str, ...]) -> bool:
    return c.quantity.unit == "分" and any(c.subject.endswith(w) for w in words)


def _score_rate(ctx: Context, c: Claim) -> Iterator[Finding]:
    """得分率 = 得分 ÷ 满分, when the two figures right before the rate in its sentence are the full points and the
    score ("决策类指标满分20分，得分18.40分，得分率92.00%")."""
    before = _before(ctx, c)[-2:]
    if len(before) != 2 or any(x.sentence != c.sentence for x in before):
        return
    full, score = before
    if not _points(full, _FULL_POINTS) or not _points(score, ("得分",)) or _points(score, _FULL_POINTS):
        return
    ctx.mark(c)
    v = _ratio_verdict(ctx, c, score, full)
    if v is not None:
        subject = full.subject.removesuffix("满分") or "得分率"
        yield _ratio_finding(SCORE_RATE, v, c, (score, "得分"), (full, full.subject), "得分率", subject)


_SATISFACTION_RATE = re.compile(r"满意(?:度|率)(?:为|达|达到|是)?$")
_SURVEYED = re.compile(r"调查|回访|抽查|问卷|受访|走访|访问|测评")
_SATISFIED = re.compile(r"满意")
_HEADS = ("人", "户", "份", "名", "人次", "家")


def _is_satisfaction(c: Claim) -> bool:
    return _rate_named(c, _SATISFACTION_RATE)


def _satisfaction(ctx: Context, c: Claim) -> Iterator[Finding]:
    """满意度 = 满意数 ÷ 调查数, when the two counts right before the rate in its sentence are the people surveyed and
    those satisfied ("抽查回访120户，表示满意的113户，满意度94.17%"), of one unit."""
    before = _before(ctx, c)[-2:]
    if len(before) != 2 or any(x.sentence != c.sentence or x.quantity.unit not in _HEADS for x in before):
        return
    surveyed, satisfied = before
    asked = _clause_before(c.sentence, surveyed.quantity.text)
    said = _words_between(c.sentence, surveyed, satisfied)
    if (
        surveyed.quantity.unit != satisfied.quantity.unit
        or not _SURVEYED.search(asked)
        or _SATISFIED.search(asked)
        or not _SATISFIED.search(said)
        or "不满意" in said
    ):
        return
    ctx.mark(c)
    v = _ratio_verdict(ctx, c, satisfied, surveyed)
    if v is not None:
        yield _ratio_finding(
            SATISFACTION, v, c, (satisfied, "满意"), (surveyed, "调查"), "满意度", c.subject or "满意度"
        )


@dataclass(frozen=True)
class _Ratio:
    """A rate said with the two figures it is of, each named in its own clause right before it."""

    name: str
    num: str  # the words of the numerator's clause (实际完成452眼)
    den: str  # the words of the denominator's clause (计划460眼)

    def named(self, c: Claim) -> bool:
        if c.quantity.dimension != "percent" or c.relation not in ("", "rate") or c.denominator not in ("", "率"):
            return False  # (完成率98.26% is read as a rate of "率": no base named)
        words = c.lead if c.lead is not None else _clause_before(c.sentence, c.quantity.text)
        return bool(re.search(self.name + r"(?:为|达|达到|是)?$", words.strip()))


_RATIOS = (
    # (该项目预算…，实际支出…，预算完成率98.3%; 该项目年度预算数935.00万元，决算数902.16万元，完成率96.49%)
    _Ratio("完成率", "完成|实际|决算|执行", "计划|目标|任务|预期|预算"),
    _Ratio("到位率", "到位|到账", "预算|计划|应到位|下达|批复|安排"),
    _Ratio("回收率", "回收|收回", "发放|发出|印发|应收回"),
    _Ratio("兑付率", "兑付|发放", "应兑付|计划|预算|下达|安排"),
    _Ratio("拨付率", "拨付", "应拨付|计划|预算|下达|安排"),
)


def _named_ratio(c: Claim) -> _Ratio | None:
    return next((r for r in _RATIOS if r.named(c)), None)


def _ratio_text(ctx: Context, c: Claim, ratio: _Ratio) -> Iterator[Finding]:
    """完成率 = 完成数 ÷ 计划数 (计划460眼，实际完成452眼，完成率98.26%), 到位率 = 到位 ÷ 预算, 回收率 = 回收 ÷ 发放: when
    the two figures right before the rate in its sentence are, clause by clause, the base and the part, of one unit,
    with no "；" breaking them off."""
    # (a figure a later sentence restates, 决算数大于预算数, stands at its first printing: not one of the two)
    earlier = _before(ctx, c)
    before = [x for x in earlier if x.sentence == c.sentence][-2:]
    if not before and earlier:
        # 省级财政安排专项资金12500.00万元。资金实际到位11875.00万元。资金到位率为95.00%: a rate opening its sentence is of
        # the figure the sentence before ends on
        last = [x for x in earlier if x.sentence == earlier[-1].sentence]
        before = last if len(last) == 1 else []
    if len(before) == 1 and (den_before := _base_of_the_sentence_before(earlier, before[0], ratio)) is not None:
        # 项目计划投入资金2,400.00万元。项目实际到位资金2,355.50万元，资金到位率98.13%: the base closes the sentence before
        words = _clause_before(den_before.sentence, den_before.quantity.text)
        yield from _ratio_checked(ctx, c, ratio, before[0], den_before, words)
        return
    if len(before) != 2 or any(x.quantity.dimension == "percent" for x in before):
        return
    den, num = before
    # (计划建设150个，实际建成150个，完成率99.00%: one text printed by just the two, the first the base, the second the part)
    just_the_two = den.quantity.text == num.quantity.text and c.sentence.count(den.quantity.text) == 2
    if not just_the_two and any(c.sentence.count(x.quantity.text) != 1 for x in before):
        return  # 计划3200.00万元、到位3200.00万元、支出…: a figure found by its text may be the other printing's
    if any(_A_PART_OR_REMAINDER.search(_clause_before(c.sentence, x.quantity.text)) for x in before):
        return  # 实际完成3.00万亩，其中旱改水2.50万亩，完成率100.00%: the rate is of the whole, not of its part
    if any(_A_DIFFERENCE.search(_clause_before(c.sentence, x.quantity.text)) for x in before):
        return  # 支出决算29.64万元，超出预算1.64万元，完成率105.86%: by how much the budget was passed, no base nor part
    den_words = _clause_before(c.sentence, den.quantity.text)
    once = all(c.sentence.count(x.quantity.text) == 1 for x in (den, num))  # (words found by a figure's text)
    if once and not re.search(ratio.den, den_words) and re.search(ratio.den, _words_between(c.sentence, den, num)):
        # 全年新建高标准农田12.36万亩，目标任务12.00万亩，完成率103.00%: what was done first, its target after it
        den, num = num, den
        den_words = _words_between(c.sentence, num, den)
        if den.quantity.unit != num.quantity.unit or re.search(r"[；;]", _words_between(c.sentence, num, c)):
            return
        yield from _ratio_checked(ctx, c, ratio, num, den, den_words, num.subject)
        return
    items_own = not re.search(ratio.den, den_words) and _the_items_own_amount(den, num, den_words, ratio)
    if (
        den.quantity.unit != num.quantity.unit
        or not (re.search(ratio.den, den_words) or items_own)
        or not re.search(ratio.num, _words_between(c.sentence, den, num))
        or re.search(r"[；;]", _words_between(c.sentence, den, c))
    ):
        return
    yield from _ratio_checked(ctx, c, ratio, num, den, den_words, den.subject if items_own else "")


# a figure whose own clause opens a breakdown (其中工程款…) or names what is left (结余, 结转): never the amount a rate
# is of
_A_PART_OR_REMAINDER = re.compile(r"^\s*其中|结余|结转|节余|剩余")


def _the_items_own_amount(den: Claim, num: Claim, den_words: str, ratio: _Ratio) -> bool:
    """区级配套资金541.00万元，区级配套资金到位496.50万元，到位率91.77%: the item's amount, named by nothing but the item,
    is the base of what of it was received (or done)."""
    key = subject_key(den.subject)
    return (
        bool(key)
        and not weak_subject(key)
        and not den.relation
        and not re.search(ratio.num, den_words)
        # (…，到位496.50万元: the part named by its verb alone is of the item before it)
        and (
            subject_key(num.subject).startswith(key) or bool(re.fullmatch(f"(?:实际|已)?(?:{ratio.num})", num.subject))
        )
    )


def _base_of_the_sentence_before(earlier: list[Claim], num: Claim, ratio: _Ratio) -> Claim | None:
    """The one amount of the sentence right before the rate's, named as the ratio's base (项目计划投入资金2,400.00万元。),
    where the rate's own sentence prints only its part (项目实际到位资金2,355.50万元，资金到位率98.13%)."""
    if not re.search(ratio.num, _clause_before(num.sentence, num.quantity.text)) or num.quantity.dimension != "money":
        return None
    others = [x for x in earlier if x.sentence != num.sentence and span_start(x) < span_start(num)]
    if not others:
        return None
    last = [x for x in others if x.sentence == others[-1].sentence]
    if len(last) != 1 or last[0].relation or last[0].quantity.unit != num.quantity.unit:
        return None
    den = last[0]
    words = _clause_before(den.sentence, den.quantity.text)
    if not re.search(ratio.den, words) or re.search(ratio.num, words):
        return None
    return den


_A_DIFFERENCE = re.compile(r"(?:超出|超过|超支|节约|节余|结余|少于|多于|低于|高于)[^，,；;。\d]{0,6}$")


def _ratio_checked(
    ctx: Context, c: Claim, ratio: _Ratio, num: Claim, den: Claim, den_words: str, named: str = ""
) -> Iterator[Finding]:
    ctx.mark(c)
    v = _ratio_verdict(ctx, c, num, den)
    if v is not None:
        said = re.search(ratio.den, den_words)
        done = re.search(ratio.num, _clause_before(c.sentence, num.quantity.text))
        words = (done.group(0) if done else ratio.num.split("|")[0], said.group(0) if said else ratio.den.split("|")[0])
        subject = named or re.sub(f"(?:{ratio.den})$", "", c.subject) or ratio.name  # 新建机井计划 → 新建机井
        if subject == ratio.name and num.subject and not weak_subject(subject_key(num.subject)):
            subject = num.subject  # (完成率 names no item: the figures' own, 某某项目 …)
        yield _ratio_finding(RATIO_TEXT, v, c, (num, words[0]), (den, words[1]), ratio.name, subject)


# 预算执行率95.12%（实际支出/到位资金）, 执行率=实际支出÷预算数: the rate with the two figures it is of named
_FORMULA_AFTER = re.compile(
    r"\s*[（(]\s*(?P<num>[\u4e00-\u9fff]{2,12})\s*[/÷]\s*(?P<den>[\u4e00-\u9fff]{2,12})\s*(?:[×xX*]\s*100\s*[%％])?\s*[)）]"
)


# 预算执行率（实际支出/到位资金）为95.46%: the formula between the rate's name and its figure
_FORMULA_BEFORE = re.compile(_FORMULA_AFTER.pattern.removeprefix(r"\s*") + r"\s*(?:为|达|达到|是)?\s*$")


# 预算执行率=实际支出÷到位资金×100%=1,178.64÷1,220.00×100%=96.61%: a ratio worked out in the text, its numbers printed
_NUMBER = r"\d[\d,，]*(?:\.\d+)?"
_WORKED_RATIO = re.compile(
    rf"(?P<a>{_NUMBER})\s*(?:万元|亿元|元)?\s*[÷/]\s*(?P<b>{_NUMBER})\s*(?:万元|亿元|元)?\s*"
    rf"(?:[×xX*]\s*100\s*[%％]\s*)?[=＝]\s*(?P<c>{_NUMBER})\s*[%％]"
)


def _written_out_ratios(ctx: Context) -> Iterator[Finding]:
    """A ratio the text works out with its own numbers (…=1,178.64÷1,220.00×100%=96.16%): the printed result is the
    quotient of the two numbers printed before it, whatever they stand for."""
    for one in {(c.prov.block, c.prov.paragraph, c.prov.table, c.sentence): c for c in ctx.claims}.values():
        text = one.sentence
        for m in _WORKED_RATIO.finditer(text):
            a, b, stated = (Decimal(m.group(k).replace(",", "").replace("，", "")) for k in ("a", "b", "c"))
            c = next(
                (
                    x
                    for x in ctx.sentence_claims(one)
                    if x.quantity.dimension == "percent"
                    and x.quantity.value == stated
                    and m.group("c") in x.quantity.text
                ),
                None,
            )
            if c is None or not b:
                continue
            ctx.mark(c)
            decimals = len(m.group("c").partition(".")[2])
            q = replace(c.quantity, decimals=decimals)
            comp = tol.Interval.exact(a / b * 100)
            v = tol.verdict(q, comp, ctx.settings)
            if v in (tol.OK, tol.INFO):
                continue
            how = f"{m.group('a')} ÷ {m.group('b')} × 100"
            yield make_finding(
                RATIO_TEXT,
                v,
                claim_figure(c),
                f"文中算式 {m.group(0)}：{how} = {fmt(a / b * 100, 2)}%，报告写 {m.group('c')}%",
                expected=a / b * 100,
                derivation=how,
                subject=re.sub(r"[=＝].*$", "", text[: m.start()].split("，")[-1].split("。")[-1]) or "比率",
            )


_PARAGRAPHS_BACK = 3


def _paragraphs_back(ctx: Context, c: Claim) -> Iterator[list[Claim]]:
    """The claims before c in its paragraph, then those of each of the few paragraphs right before it."""
    yield _before(ctx, c)
    if c.prov.paragraph is None or c.prov.table is not None:
        return
    for back in range(1, _PARAGRAPHS_BACK + 1):
        xs = [x for x in ctx.claims if x.prov.paragraph == c.prov.paragraph - back and x.prov.table is None]
        if xs:
            yield xs


def _printed_formula(c: Claim) -> tuple[str, str] | None:
    if c.quantity.dimension != "percent" or c.relation == "change":
        return None
    m = _FORMULA_AFTER.match(_after(c)) or _FORMULA_BEFORE.search(_clause_before(c.sentence, c.quantity.text))
    return (m.group("num"), m.group("den")) if m else None


def _by_its_formula(ctx: Context, c: Claim, num_words: str, den_words: str) -> Iterator[Finding]:
    """预算执行率95.12%（实际支出/到位资金）: the rate is the amount named as its numerator over the one named as its
    base — each the one amount of its paragraph before the rate whose own words end in that name (实际到位资金1,150.00
    万元 for 到位资金). Where either is not found so, or found twice, the rate is not checked."""

    def named(words: str) -> Claim | None:
        # the rate's paragraph first, then the paragraphs before it in its section, nearest first
        for xs in _paragraphs_back(ctx, c):
            hits = [
                x
                for x in xs
                if x.quantity.dimension == "money"
                and _level(x)
                and not x.base
                and _clause_before(x.sentence, x.quantity.text).strip(" ，,：:为是达").endswith(words)
            ]
            if hits:
                return hits[0] if len(hits) == 1 else None
        return None

    num, den = named(num_words), named(den_words)
    last = max(
        (x for x in _before(ctx, c) if x.sentence == c.sentence and x.quantity.dimension == "money"),
        key=span_start,
        default=None,
    )
    if num is not None and num is not last:
        # 市级配套资金到位120万元，到位率80.00%（到位资金÷预算资金）: the rate of the item just before it, its formula
        # naming kinds of amounts — not the project's 到位资金 said earlier
        num = None
    if num is None or den is None or num is den or num.quantity.base_unit != den.quantity.base_unit:
        ctx.note(c, f"{c.subject or '比率'}写明按 {num_words}÷{den_words} 计算，未找到唯一的这两个数")
        return
    ctx.mark(c)
    v = _ratio_verdict(ctx, c, num, den)
    if v is not None:
        name = re.sub(r"[（(][^（）()]*[)）]", "", c.subject) or "比率"  # (its formula printed inside its name)
        yield _ratio_finding(RATIO_TEXT, v, c, (num, num_words), (den, den_words), name, name)


_VS_PROGRESS = re.compile(r"(高于|快于|超过?|超出|低于|慢于|落后于?)(?:时间|序时)进度$")
_MONTHS = (
    (re.compile(r"(?<!\d)1\s*[-—~至]\s*(\d{1,2})\s*月|截至\s*(?:20\d\d\s*年)?(\d{1,2})\s*月"), 0),
    (re.compile(r"上半年"), 6),
    (re.compile(r"前三季度"), 9),
    (re.compile(r"一季度|第一季度"), 3),
)


def _months_elapsed(period: str) -> int:
    """The months of the year a stretch covers (2025年1—6月 → 6, 上半年 → 6), 0 when it names none."""
    for pattern, months in _MONTHS:
        m = pattern.search(period)
        if m is not None:
            return months or int(next(g for g in m.groups() if g))
    return 0


def _time_progress(ctx: Context) -> Iterator[Finding]:
    """ "完成年度预算的48.2%，低于序时进度1.8个百分点" in a report on 1—6月: the time's share of the year is 6 ÷ 12 = 50%,
    and 50 − 48.2 = 1.8. A warning at most: some reports count the time by days."""
    for c in ctx.claims:
        if c.quantity.dimension != "pp":
            continue
        words = _clause_before(c.sentence, c.quantity.text).strip()
        said = _VS_PROGRESS.search(words)
        months = _months_elapsed(c.identity.period)
        if said is None or not 0 < months < 12:
            continue
        before = [x for x in _before(ctx, c) if x.sentence == c.sentence]
        rate = before[-1] if before else None
        if (
            rate is None
            or rate.quantity.dimension != "percent"
            or re.search(r"[；;]", _words_between(c.sentence, rate, c))
        ):
            continue
        if rate.relation != "rate" and "进度" not in _clause_before(c.sentence, rate.quantity.text):
            continue  # (增长5.2%，高于序时进度…: a growth is no share of the year's budget)
        ctx.mark(c)
        progress = Decimal(months) * 100 / 12
        sign = -1 if said.group(1) in ("低于", "慢于", "落后", "落后于") else 1
        gap = (
            tol.interval(rate.quantity) - tol.Interval(progress - Decimal("0.05"), progress + Decimal("0.05"))
        ).scale(Decimal(sign))
        v = tol.verdict(c.quantity, gap, ctx.settings)
        if v in (tol.OK, tol.INFO):
            continue
        exact = sign * (rate.quantity.value - progress)
        shown_progress = fmt(progress.quantize(Decimal("0.1")))
        yield make_finding(
            TIME_PROGRESS,
            tol.WARNING,
            claim_figure(c),
            f"{months}个月的序时进度为 {months} ÷ 12 = {shown_progress}%，完成率 {rate.quantity.text} 与之相差 "
            f"{fmt(abs(exact), max(c.quantity.decimals, 1))} 个百分点（{said.group(1)}），报告写 {c.quantity.text}",
            expected=exact,
            derivation=f"{rate.quantity.text} − {shown_progress}%",
            related=[rate.prov],
            subject=rate.subject or c.subject,
        )


def _funds_rows(ctx: Context) -> dict[tuple[int | None, int | None], dict[str, Fact]]:
    """The table rows with an 执行率 cell (the funds rows of a 自评表), by role of their cells."""
    rows: dict[tuple[int | None, int | None], dict[str, Fact]] = defaultdict(dict)
    for f in ctx.facts:
        role = _row_role(f)
        if role in ("budget_initial", "budget_plain") or (not role and "预算" in "".join(f.column_labels)):
            if f.quantity.dimension == "money":
                rows[(f.prov.table, f.prov.row)].setdefault("other_budget", f)
        elif role:
            rows[(f.prov.table, f.prov.row)].setdefault(role, f)
    return {k: v for k, v in rows.items() if "rate" in v and v["rate"].quantity.dimension == "percent"}


_WHOLE_FUNDS = "支出合计"  # the canonical subject of 年度资金总额 (pipeline/data/synonyms.csv)


def _sheet_row(ctx: Context, c: Claim, spent: Claim | None) -> tuple[dict[str, Fact], bool] | None:
    """The funds row a text 执行率 with no budget in its sentence is of, and whether that is certain: the one row
    whose 执行数 prints the sentence's spending (certain), else — the sentence printing no spending and the rate
    naming no item of its own — the one 年度资金总额 row (likely)."""
    rows = _funds_rows(ctx).values()
    if spent is not None:
        printing = [
            r for r in rows if "spent" in r and tol.printings_verdict(spent.quantity, r["spent"].quantity) == tol.OK
        ]
        return (printing[0], True) if len(printing) == 1 else None
    if subject_key(c.subject) not in ("", subject_key("执行率")):
        return None
    whole = [r for r in rows if subject_key(fact_figure(r["rate"], ctx.doc_year).subject) == _WHOLE_FUNDS]
    return (whole[0], False) if len(whole) == 1 else None


def _execution_against_sheet(ctx: Context, c: Claim, spent: Claim | None) -> Iterator[Finding]:
    """预算执行率为93.29% with no budget in its sentence, against the 执行率 of its funds row in the score sheet
    (and that row's spending over each budget it prints): an error where the row is certainly the rate's, else a
    warning."""
    found = _sheet_row(ctx, c, spent)
    if found is None:
        ctx.note(c, "未找到执行率的预算数")
        return
    row, certain = found
    ctx.mark(c)
    rate = row["rate"]
    readings = [tol.interval(rate.quantity)]
    for key in ("budget", "other_budget"):
        if "spent" in row and key in row:
            comp = tol.percent(tol.base_interval(row["spent"].quantity), tol.base_interval(row[key].quantity))
            if comp is not None:
                readings.append(comp)
    verdicts = [tol.verdict(c.quantity, comp, ctx.settings) for comp in readings]
    if any(v in (tol.OK, tol.INFO) for v in verdicts) or c.quantity.value == _CAPPED:
        return
    v = verdicts[0] if certain else tol.WARNING
    item = fact_figure(rate, ctx.doc_year).subject
    msg = f"执行率写 {c.quantity.text}，{table_name(rate)}“{item}”行执行率为 {rate.text.strip() or fmt(rate.quantity.value)}"
    if "spent" in row and "budget" in row:
        msg += f"（全年执行数 {fmt(row['spent'].quantity.value)} ÷ 全年预算数 {fmt(row['budget'].quantity.value)}）"
    if not certain:
        msg += "；正文未写明所指资金，按年度资金总额核对，请核对"
    yield make_finding(
        EXECUTION_TEXT,
        v,
        claim_figure(c),
        msg,
        expected=rate.quantity.value,
        related=[rate.prov] + ([spent.prov] if spent is not None else []),
        subject=item,
    )


FULL_MARKS = Decimal(100)


def _score_pairs(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """The (full points, score) pairs that follow one another from the start of `claims`, a 得分率 allowed after
    each ("决策类指标满分20分，得分18.40分，得分率92.00%；过程类指标满分20分，得分19.00分…")."""
    pairs: list[tuple[Claim, Claim]] = []
    k = 0
    while k + 1 < len(claims) and _points(claims[k], _FULL_POINTS) and _points(claims[k + 1], ("得分",)):
        pairs.append((claims[k], claims[k + 1]))
        k += 3 if k + 2 < len(claims) and _is_score_rate(claims[k + 2]) else 2
    return pairs


def _score_totals(ctx: Context) -> Iterator[Finding]:
    """A total score followed by a 其中 of every category's full points and score ("得分为97.40分。其中，决策类指标
    满分20分，得分18.40分，…"): when the categories' full points add up to 100, their scores add up to the total."""
    for c in ctx.claims:
        if not _points(c, ("得分",)) or _points(c, _FULL_POINTS):
            continue
        para = sorted(ctx.paragraph_claims(c), key=span_start)
        after = para[para.index(c) + 1 :]
        pairs = _score_pairs(after)
        if len(pairs) < 2 or not _opens_with_qizhong(pairs[0][0]):
            continue
        if sum((f.quantity.value for f, _ in pairs), Decimal(0)) != FULL_MARKS:
            continue  # not every category is listed
        ctx.mark(c)
        scores = [s.quantity for _, s in pairs]
        v = tol.verdict(c.quantity, tol.total([tol.interval(q) for q in scores]), ctx.settings)
        if v in (tol.OK, tol.INFO):
            continue
        expr = " + ".join(q.text for q in scores)
        exact = sum((q.value for q in scores), Decimal(0))
        shown = fmt(exact, max(q.decimals for q in scores))
        yield make_finding(
            SCORE_TOTAL,
            v,
            claim_figure(c),
            f"总得分写 {c.quantity.text}，其后满分合计 100 分的各类指标得分 {expr} = {shown}分，两者不符",
            expected=exact,
            derivation=expr,
            related=[s.prov for _, s in pairs],
            subject=c.subject,
        )


def _opens_with_qizhong(c: Claim) -> bool:
    at = c.sentence.find(c.quantity.text)
    return "其中" in c.sentence[: at if at >= 0 else 0]


def check(ctx: Context) -> Iterator[Finding]:
    for c in ctx.claims:
        if (formula := _printed_formula(c)) is not None:
            yield from _by_its_formula(ctx, c, *formula)
        elif _is_score_rate(c):
            yield from _score_rate(ctx, c)
        elif _is_control_rate(c):
            yield from _control_text(ctx, c)
        elif _is_satisfaction(c):
            yield from _satisfaction(ctx, c)
        elif (ratio := _named_ratio(c)) is not None:
            yield from _ratio_text(ctx, c, ratio)
            if id(c) not in ctx.resolved:
                ctx.note(c, f"未在同句或上句找到{ratio.name}的分子与分母两数")
        elif _is_execution_rate(c):
            yield from _execution_text(ctx, c)
        elif _is_completion(c):
            yield from _completion(ctx, c)
        elif c.relation == "per-capita" or ("人均" in c.subject and c.relation in ("", "rate")):
            yield from _per_capita(ctx, c)
    yield from _written_out_ratios(ctx)
    yield from _tables(ctx)
    yield from _score_totals(ctx)
    yield from _time_progress(ctx)
