"""Helpers shared by direction and change: the current and the previous-year figure of a subject."""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.identity import DIFFERENT, SAME, period_stretch
from extractors.model import Claim, Fact
from extractors.report_kind import DEPARTMENT_BUDGET_KINDS
from pipeline.checks import narrative_table as nt
from pipeline.checks.base import Context, Figure, change_pattern, change_words, claim_figure, subject_key

# the change words are those of extractors/data/claim_words.csv (增长/增加/提高… and 减少/下降/节约…)
DIRECTION = re.compile(
    r"(与上年(?:相比|同期相比)?|比上年(?:同期)?|较上年(?:同期)?|同比|与去年(?:相比)?|比去年)[，,\s]*(?:基本)?"
    rf"(持平|(?:{change_pattern()})了?)"
)
UP = tuple(w for w, sign in change_words().items() if sign > 0)
DOWN = tuple(w for w, sign in change_words().items() if sign < 0)
UP, DOWN = UP + tuple(w + "了" for w in UP), DOWN + tuple(w + "了" for w in DOWN)


def current_of(ctx: Context, before: list[Claim], subject: str, word: Claim | None = None) -> Figure | None:
    """The figure the comparison is about: the last amount stated before the word, else the one printing in
    the tables that is certainly the same figure as the comparison's (same scope, fund, measure and year)."""
    amounts = [
        x
        for x in before
        if x.quantity.dimension not in ("percent", "pp")
        and x.relation not in ("share", "rate", "change")
        and not x.base
    ]
    actual = [
        x
        for x in amounts
        if x.role in ("决算", "执行", "实际", "本年", "")
        and subject_key(x.subject) == subject_key(subject)
        # (2023年实际支出4,386.20万元；2024年预算5,800.00万元，比上年增长28.89%: not the year the change is of)
        and not (
            word is not None
            and x.period[:4].isdigit()
            and word.period[:4].isdigit()
            and x.period[:4] != word.period[:4]
        )
    ]
    if actual:
        # 全市和市本级增值税分别为45.49亿元和10.89亿元，分别比上年下降6.3%和下降6.5%: one item under two scopes, each
        # change the amount of its own name's
        named = [x for x in actual if x.subject == subject]
        return claim_figure((named or actual)[-1])
    key = subject_key(subject)
    stated = claim_figure(word) if word is not None else None
    figs = [
        f
        for f in ctx.figures
        if f.key == key
        and f.role in ("actual", "budget", "budget_full")
        and nt.in_groups(f)
        and (stated is None or (f.obj is not word and ctx.relation(stated, f) == SAME))
    ]
    if not figs:
        return None
    good, bad = nt.consensus(ctx, figs)
    return None if bad else good[0]


def _same_measure(a: str, b: str) -> bool:
    actual = ("执行", "决算", "")
    return (a in actual and b in actual) or a == b


def _year_before(cur: Figure, f: Figure) -> bool:
    """Whether f can be cur's previous-year figure: the same scope and fund where both say, and the year before
    where both state their year."""
    a, b = cur.identity, f.identity
    if any(getattr(a, c) and getattr(b, c) and getattr(a, c) != getattr(b, c) for c in ("scope", "fund", "item")):
        return False
    if not (a.period and b.period):
        return True
    if not (a.period.isdigit() and b.period.isdigit()):
        # a stretch of a year: last year's same stretch only (1-6月 against 2024年1-6月 | 上年同期累计)
        (ya, sa), (yb, sb) = period_stretch(a.period), period_stretch(b.period)
        return bool(sa) and sa == sb and bool(yb) and (not ya or int(yb) == int(ya) - 1)
    return int(b.period) == int(a.period) - 1


_BASE_MEASURE = re.compile(
    # (比2024年预算执行数: what last year's budget came to, its 执行数 — not the budget)
    r"(?:比|较|与|同)(?:上年|去年|上一年|\d{4}\s*年)度?(年初|调整后?|全年)?(预算执行|预算完成|预算|执行|决算|完成|实际)"
)


def base_measure(text: str) -> str:
    """The measure a comparison names for its base: 较上年预算减少 → 预算, 比2024年调整预算下降 → 调整预算 (never the
    年初预算 column); "" when it names none."""
    found = _BASE_MEASURE.findall(text)
    if not found:
        return ""
    which, measure = found[-1]
    if measure != "预算":
        return "执行"
    return "调整预算" if which.startswith(("调整", "全年")) else "预算"


def _another_figure(ctx: Context, cur: Figure, prior: Figure) -> bool:
    """Whether the prior figure is not this figure's last year: their identities differ in a component other than
    the year and the measure (全县 税收收入 and the 县本级 table's; 市本级 收入 and the 全市 table's)."""
    shifted = replace(cur, ident=replace(cur.identity, period=prior.identity.period, measure=prior.identity.measure))
    return ctx.relation(shifted, prior) == DIFFERENT


def dated_year_before(cur: Figure, f: Figure) -> bool:
    """A figure of the text dated the year before cur's, by its own words or its section's (2023年…决算为49,725万元
    against 2024年…完成52,360万元, 比上年增长5.3%; 一、2025年预算执行情况 … against 二、2026年预算草案): last year's
    outcome, though not named 上年."""
    a, b = cur.identity.period, f.identity.period
    if not (a.isdigit() and b.isdigit() and int(b) == int(a) - 1):
        return False
    # (a row of a table of years down the rows, 2023年 | 收入 …: its year is the row's)
    # (a year's row of budgets, 2024年预算数, is last year's budget to a budget: 2025年…预算数为55.00万元，比上年减少…)
    return (f.kind == "claim" and f.role == "actual") or (
        f.kind == "fact" and f.ident is not None and (f.role == "actual" or (f.role == "budget" and is_budget(cur)))
    )


_BUDGET_COLUMN = re.compile(r"预算数?$")


# a comparison with this year's budget (比年初预算, 较调整预算, 与预算): no change against last year
VS_BUDGET = re.compile(r"(?:比|较|与)\s*(?:年初|调整后?|全年)?预算")


def is_budget(f: Figure) -> bool:
    """Whether a figure is a budget (its identity's measure, or for a table cell its column: 2025年预算数)."""
    if f.identity.measure:
        return "预算" in f.identity.measure and "执行" not in f.identity.measure
    labels = f.obj.column_labels if isinstance(f.obj, Fact) else ()
    return any(_BUDGET_COLUMN.search(x.strip()) and not re.search("执行|完成|决算", x) for x in labels)


def prior_of(ctx: Context, subject: str, cur: Figure, measure: str = "") -> Figure | None:
    """The previous-year figure of the subject (of the base measure the sentence names, if it names one), or None
    when there is none or its printings disagree (a prior budget and a prior actual: which one is meant is not
    known)."""
    figs = _priors_named(ctx, subject_key(subject), cur, measure)
    if not figs and subject_key(subject) and not subject.endswith(_TOTAL_ENDS):
        # (a figure naming nothing is no total's: 合计 alone would be the first table's grand total)
        # 全县一般公共预算支出…，比上年增长6.5% against the table's 一般公共预算支出合计 | 上年决算数: the total row
        figs = _priors_named(ctx, subject_key(subject + "合计"), cur, measure)
        # (税收收入 against the table's 税收收入小计 row: the subtotal of its items is the item's figure)
        figs = figs or _priors_named(ctx, subject_key(subject + "小计"), cur, measure)
    if not figs:
        return None
    good, bad = nt.consensus(ctx, figs)
    if bad:
        return None
    facts = [f for f in good if f.kind == "fact"]
    return (facts or good)[0]


_TOTAL_ENDS = ("合计", "总计")


def _priors_named(ctx: Context, key: str, cur: Figure, measure: str) -> list[Figure]:
    return [
        f
        for f in ctx.figures
        if f.key == key
        and (f.role == "prior" or dated_year_before(cur, f))
        and f.quantity.base_unit == cur.quantity.base_unit
        and not f.column_rest
        and _year_before(cur, f)
        and (not measure or (_same_measure(measure, f.measure) and not _budget_by_title_only(ctx, measure, f)))
        and not _another_figure(ctx, cur, f)
    ]


_MEASURE_WORDS = re.compile(r"预算|执行|决算|完成|实际")


def _budget_by_title_only(ctx: Context, measure: str, f: Figure) -> bool:
    """A last-year column naming only its year (上年数) in a table titled …预算表, taken for the 上年（年初）预算 a
    comparison names: in a 预算草案 report that column is as often last year's 执行数 — only a 部门预算, which compares
    budgets with budgets, reads it so."""
    if "预算" not in measure or f.kind != "fact" or ctx.kind in DEPARTMENT_BUDGET_KINDS:
        return False
    return not _MEASURE_WORDS.search("".join(getattr(f.obj, "column_labels", ())))


def sentences(ctx: Context) -> list[tuple[str, list[Claim]]]:
    """Each distinct sentence with the claims in it, in document order (built once per document: several families
    read them)."""
    if "compare.sentences" in ctx.cache:
        found: list[tuple[str, list[Claim]]] = ctx.cache["compare.sentences"]
        return found
    out: dict[tuple, tuple[str, list[Claim]]] = {}
    for c in ctx.claims:
        k = (c.prov.block, c.prov.paragraph, c.sentence)
        out.setdefault(k, (c.sentence, []))[1].append(c)
    for _s, cs in out.values():
        cs.sort(key=lambda x: x.prov.span[0] if x.prov.span else 0)
    ctx.cache["compare.sentences"] = list(out.values())
    return ctx.cache["compare.sentences"]


def positions(sentence: str, claims: list[Claim]) -> list[tuple[int, Claim]]:
    """Where each claim's number stands in the sentence (claims in order, found one after another)."""
    out: list[tuple[int, Claim]] = []
    at = 0
    for c in claims:
        if out and c.prov.span is not None and c.prov.span == out[-1][1].prov.span:
            out.append((out[-1][0], c))  # two readings of one printed figure (0万元, 与上年持平) stand in one place
            continue
        text = c.quantity.text.strip()
        i = _whole_number_at(sentence, text, at) if text else -1
        if i < 0:
            i = at
        out.append((i, c))
        at = i + max(len(text), 1)
    return out


def named_in_a_rate(sentence: str, placed: list[tuple[int, Claim]], j: int) -> bool:
    """Whether the amount at placed[j] is the budget a rate after it names (…完成689412万元，为调整预算702000万元的98.2%，
    比上年增加…): the base of that rate, no level of the change."""
    if j + 1 >= len(placed) or placed[j + 1][1].relation not in ("rate", "share"):
        return False
    at, x = placed[j]
    return sentence[at + len(x.quantity.text) : placed[j + 1][0]].strip() == "的"


def _whole_number_at(sentence: str, text: str, at: int) -> int:
    """Where text next stands from `at` as a whole figure: never the tail of a longer number (0万元 in 5.60万元)."""
    i = sentence.find(text, at)
    while i > 0 and text[:1].isdigit() and _inside_a_number(sentence, i):
        i = sentence.find(text, i + 1)
    return i


def _inside_a_number(sentence: str, i: int) -> bool:
    before = sentence[i - 1]
    return before.isdigit() or (before in ".," and i > 1 and sentence[i - 2].isdigit())
