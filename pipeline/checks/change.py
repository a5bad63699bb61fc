"""change — "比上年增长X% / 减少X万元" vs the previous-year figure wherever it is stated."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from extractors.identity import SAME, UNSETTLED, strip_scope_words
from extractors.model import Claim, Fact, Quantity
from extractors.report_kind import DEPARTMENT_BUDGET_KINDS
from extractors.subjects import PRIOR_YEAR
from pipeline import tolerance as tol
from pipeline.checks import narrative_table as nt
from pipeline.checks.base import (
    Context,
    Figure,
    claim_figure,
    clean_label,
    fmt,
    in_unit,
    make_finding,
    rule,
    span_start,
    subject_key,
    weak_subject,
)
from pipeline.checks.compare import (
    DOWN,
    UP,
    VS_BUDGET,
    base_measure,
    current_of,
    is_budget,
    named_in_a_rate,
    positions,
    prior_of,
    sentences,
)
from pipeline.findings import Finding

FAMILY = "change"
STATED = rule(
    FAMILY,
    "stated-vs-computed",
    "error",
    "增减额/增减率与本年、上年数不符",
    "{subject}{word}应为 {expected}，报告写 {stated}",
    "narrative",
    "arithmetic",
)
ZERO = rule(FAMILY, "from-zero", "info", "上年为零，增长率无定义", "{subject}上年为 0，增长率无定义", "undecidable")
AMOUNTS = rule(
    FAMILY,
    "amounts-disagree",
    "warning",
    "同一本年数比上年的增减额前后不一",
    "{subject}增减额写 {stated}，他处同一本年数的增减额为 {expected}",
    "narrative",
)
ROW_RATE = rule(
    FAMILY,
    "vs-table-rate",
    "error",
    "正文的增减率与表中同一数所在行的增减率不符",
    "{subject}增减率正文写 {stated}，表中同行写 {expected}",
    "cross-reference",
)
RATIO = rule(
    FAMILY,
    "ratio-to-prior",
    "error",
    "“为上年的X%”与本年、上年数不符",
    "{subject}为上年的比例应为 {expected}，报告写 {stated}",
    "narrative",
    "arithmetic",
)
RULES = [STATED, ZERO, AMOUNTS, ROW_RATE, RATIO]

_VS_LAST_YEAR = re.compile(r"(?:比|较|与|同)\s*(?:上年|去年|上一年)|同比")
_VS_A_YEAR = re.compile(_VS_LAST_YEAR.pattern + r"|(?:比|较)\s*20\d\d\s*年")
SPECIFIC_DIGITS = 5  # a level printed with fewer significant digits (100万元) may equal another by chance


@dataclass(frozen=True)
class _Printing:
    change: Claim
    level: Claim
    sign: int
    base: str  # the measure of last year's figure the comparison names (比上年预算 → 预算; "" when none)
    base_year: str = ""  # the year the comparison names (比2021年增长11.4%); "" for last year's


def _specific(q: Quantity) -> bool:
    return len(format(q.value, "f").replace(".", "").replace("-", "").lstrip("0")) >= SPECIFIC_DIGITS


def _level_of(sentence: str, placed: list[tuple[int, Claim]], k: int, carried: Claim | None) -> Claim | None:
    """The level the change at placed[k] is the change of: the amount printed just before it, with the comparison
    with last year between them (21,940.96万元，与上年相比增加3,958.98万元) and only its own share or change amount
    between them (2683万元，占89%，比上年增加292万元，增长12%); or, for
    the first figure of a sentence that opens with the comparison (…21,940.96万元。与上年相比，…增加3,958.98万元),
    the last figure of the sentence before."""
    c = placed[k][1]
    skipped = False
    if k == 0:
        if carried is None:
            return None
        at, x = 0, carried
    else:
        # 公务接待费支出293万元，占11%，比上年减少125万元; 2683万元，比上年增加292万元，增长12%
        # (…完成2090768万元，为预算的99.56%，比上年增收76542万元: its completion rate between them too)
        skip = ("share", "rate", "change") if c.quantity.dimension == "percent" else ("share", "rate")
        j = k - 1
        while j > 0 and (placed[j][1].relation in skip or placed[j][1].base or named_in_a_rate(sentence, placed, j)):
            j -= 1
        at, x = placed[j]
        skipped = j < k - 1
    respectively = "分别" in sentence[at : placed[k][0]]
    if respectively and c.subject and c.subject != (x.subject or ""):
        # A 69.6亿元、B 40.8亿元，分别同比增长6.8%、4%: the change the claims extractor gave A's name is A's (全市增值税
        # and 市本级增值税 are two names here, though one item)
        named = [
            (pos, y)
            for pos, y in placed[:k]
            if (y.subject or "") == c.subject and y.relation not in ("share", "rate", "change") and not y.base
        ]
        if named:
            (at, x), skipped = named[-1], False
    if x.relation in ("share", "rate", "change") or x.quantity.dimension != "money":
        return None
    if x.quantity.approx != "exact":
        return None
    # 收入88.69亿元，比上年下降11.3%，主要是国有土地使用权出让收入下降20.5%: the 20.5% is another item's
    if skipped and c.subject and subject_key(c.subject) != subject_key(x.subject or ""):
        return None
    # (…预算安排3500.00万元，比2024年完成数增加143.18万元: a base named by its year)
    return x if _VS_A_YEAR.search(sentence[at : placed[k][0]]) else None


_NAME_THEN_VS_LAST_YEAR = re.compile(
    r"^\s*(?:\d{4}\s*年度?)?(?P<name>[^，,；;。\d]{2,16}?)(?:同比|(?:比|较)(?:上年|去年|上一年))"
)


def _carried_level(sentence: str, claims: list[Claim], before: list[Claim]) -> Claim | None:
    """The level a sentence opening with its comparison goes on from: the one amount of the sentence before (…总预算
    21,940.96万元。与上年相比，增加…), or the one amount there of the item the sentence opens by naming (全年预算数
    5,800.00万元，全年支出5,562.18万元。全年支出比上年增加351.82万元，增长6.75%)."""
    if _VS_LAST_YEAR.match(sentence.lstrip()):
        return _sole_level(before)
    named = _NAME_THEN_VS_LAST_YEAR.match(sentence)
    first = claims[0] if claims else None
    if named is None or first is None or first.relation != "change" or not first.subject:
        return None
    if not named.group("name").endswith(first.subject):
        return None
    key = subject_key(first.subject)
    levels = [
        x
        for x in before
        if x.relation not in ("share", "rate", "change")
        and x.quantity.dimension == "money"
        and not x.base
        and x.role != PRIOR_YEAR
        and x.period != PRIOR_YEAR
        and subject_key(x.subject or "") == key
    ]
    return levels[0] if len(levels) == 1 else None


def _past_its_budget_change(
    sentence: str, placed: list[tuple[int, Claim]], k: int, outcomes: dict[int, Claim]
) -> Claim | None:
    """The level of a change from last year printed right after the changes of one outcome against its budget
    (实际支出21.36万元，比预算减少6.64万元，下降23.71%；比上年减少3.14万元，下降12.82%): that outcome."""
    j = k - 1
    if j >= 0 and placed[j][1].relation == "change" and id(placed[j][1]) not in outcomes:
        j -= 1  # (下降12.82% after its own 减少3.14万元)
    if j < 0 or id(placed[j][1]) not in outcomes:
        return None
    at, x = placed[j]
    between = sentence[at + len(x.quantity.text) : placed[k][0]]
    return outcomes[id(x)] if _VS_LAST_YEAR.search(between) else None


def _same_comparison(sentence: str, placed: list[tuple[int, Claim]], k: int, settled: dict[int, Claim]) -> Claim | None:
    """The level of the change just before the one at placed[k] when nothing but a comma stands between them (增加
    351.82万元，增长6.75%): one comparison printed as an amount and a rate."""
    at, x = placed[k - 1]
    if id(x) not in settled or x.quantity.dimension == placed[k][1].quantity.dimension:
        return None
    between = sentence[at + len(x.quantity.text) : placed[k][0]]
    return (
        settled[id(x)]
        if re.fullmatch(r"\s*[，,、]?\s*(?:增长|增加|下降|减少|增幅|降幅|减幅)?(?:为|了)?\s*", between)
        else None
    )


_VS_OPENING = re.compile(r"(?:比|较)\s*(?:年初|上年末|上年底)")
_OPENING_WORDS = re.compile(r"年初|上年末|上年底")
_MOMENT = re.compile(r"^(?:20\d\d\s*年)?(?:年初|年末|年底|上年末|上年底)")


def _stock_name(subject: str) -> str:
    return _MOMENT.sub("", strip_scope_words(clean_label(subject)))


def _opening_stock(
    ctx: Context, c: Claim, sentence: str, placed: list[tuple[int, Claim]], k: int
) -> tuple[Claim, Claim] | None:
    """(closing, opening) of a stock's change against the year's start (…年末债务余额4230.00万元，比年初下降12.8%): the
    amount just before the change, and the one balance of the same name its paragraph printed before it, in a
    sentence naming the year's start (2024年初，镇级政府债务余额4850.00万元。)."""
    j = k - 1
    while j >= 0 and placed[j][1].relation == "change":
        j -= 1  # (…下降620.00万元、下降12.8%: the amount of the same comparison)
    if j < 0:
        return None
    at, level = placed[j]
    if level.quantity.dimension != "money" or level.relation or level.base or "余额" not in level.subject:
        return None
    if not _VS_OPENING.search(sentence[at : placed[k][0]]):
        return None
    name = _stock_name(level.subject)
    opened = []
    for x in ctx.paragraph_claims(c):
        if span_start(x) >= span_start(level) or x.relation or x.base or x.quantity.dimension != "money":
            continue
        if x.quantity.base_unit != level.quantity.base_unit or "余额" not in x.subject:
            continue
        own = _stock_name(x.subject)
        before = x.sentence[: max(x.sentence.find(x.quantity.text), 0)]
        if _OPENING_WORDS.search(before) and (own.endswith(name) or name.endswith(own)):
            opened.append(x)
    return (level, opened[0]) if len(opened) == 1 else None


def _sole_level(claims: list[Claim]) -> Claim | None:
    """The one amount a sentence states (江苏省检察院2018年度财政拨款收、支总预算21,940.96万元。): only then is it
    what a next sentence opening with 与上年相比 compares; after a list (…基本支出5,123.45万元，项目支出3,332.87万元。)
    which one is meant is not known."""
    amounts = [
        x
        for x in claims
        if x.relation not in ("share", "rate", "change") and x.quantity.dimension == "money" and not x.base
    ]
    return amounts[0] if len(amounts) == 1 else None


def _disagreeing_amounts(ctx: Context, printings: list[_Printing]) -> Iterator[Finding]:
    """One figure printed in several places with its change from last year: the change amounts must agree too
    (一般公共预算收入预算21,940.96万元，与上年相比增加3,959.28万元 and 一般公共预算财政拨款支出预算21,940.96万元，与上年相比增加
    3,958.98万元). Only printings whose levels are certainly the same figure are compared; the printing that
    fewer places of the same level support is the one named. Two printings of one figure can still differ in
    the base they compare with (上年预算 or 上年执行), so this is a warning. A growth rate is compared the same
    way, unless the amounts of the same two printings already disagree (one inconsistency, one finding)."""
    groups: dict[tuple, list[_Printing]] = {}
    for p in sorted(printings, key=lambda p: p.change.quantity.dimension != "money"):
        q = p.level.quantity
        groups.setdefault((q.base_value, p.sign, p.base, p.base_year, p.change.quantity.dimension), []).append(p)
    told: set[frozenset[int]] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        support = {id(p): sum(_agree(p, o) for o in group) for p in group}
        figs = {id(p): claim_figure(p.level) for p in group}
        for p in group:
            same = [
                o
                for o in group
                if o is not p
                and _one_figure(ctx, figs[id(p)], figs[id(o)])
                and _not_by_chance(figs[id(p)], figs[id(o)])
                and not (
                    _income_and_spending(p.level, o.level)
                    and (ctx.kind not in DEPARTMENT_BUDGET_KINDS or "执行" in (p.base, o.base))
                )
            ]
            against = [o for o in same if not _agree(p, o)]
            if not against:
                continue
            rival = max(against, key=lambda o: support[id(o)])
            if support[id(p)] > support[id(rival)]:
                continue
            if support[id(p)] == support[id(rival)] and _order(p) < _order(rival):
                continue  # a tie: the later printing carries the finding
            pair = frozenset((id(p.level), id(rival.level)))
            if pair in told:
                continue
            told.add(pair)
            yield _amounts_finding(
                p, rival, [o for o in group if _agree(rival, o)], support[id(p)] < support[id(rival)]
            )


def _income_and_spending(a: Claim, b: Claim) -> bool:
    """本年收入合计2,172.48万元 and 本年支出合计2,172.48万元 of a 决算: two figures equal this year, each with its own last
    year's (a 预算 balances income and spending every year: there the two sides change alike from last year's budget,
    not from what last year took in and spent — 比2024年预算执行数增加…)."""
    flows = [{w for w in ("收入", "支出") if w in (x.subject or "")} for x in (a, b)]
    return len(flows[0]) == len(flows[1]) == 1 and flows[0] != flows[1]


def _amount_and_rate_of_one_level(
    ctx: Context, printings: list[_Printing], unpaired: set[int], settled: dict[int, Claim]
) -> Iterator[Finding]:
    """A level printed with both its change amount and its rate against one base (项目支出848.07万元，比上年减少67.23万元，
    下降6.32%), last year's figure printed nowhere: the rate is the amount over last year's figure the two make
    (848.07 + 67.23), whichever of the two is out of line."""
    by_level: dict[tuple[int, int, str, str], list[_Printing]] = defaultdict(list)
    for p in printings:
        if id(p.change) in unpaired and (p.change.sentence == p.level.sentence or id(p.change) in settled):
            by_level[(id(p.level), p.sign, p.base, p.base_year)].append(p)
    for group in by_level.values():
        amounts = [p for p in group if p.change.quantity.dimension == "money"]
        rates = [p for p in group if p.change.quantity.dimension == "percent"]
        if len(amounts) != 1 or len(rates) != 1:
            continue
        level, amount, rate = group[0].level.quantity, amounts[0].change.quantity, rates[0].change.quantity
        if level.base_unit != amount.base_unit or amount.value < 0 or rate.value < 0:
            continue  # (比上年增加-11.41万元，增长-0.20%: a signed change the word does not give the direction of)
        if id(amounts[0].change) not in settled and not _sole_level_of_its_clause(
            ctx, group[0].level, amounts[0].change
        ):
            continue
        sign = group[0].sign
        d, cur = tol.base_interval(amount), tol.base_interval(level)
        comp = tol.percent(d, cur + d.scale(Decimal(-sign)))
        last = level.base_value - sign * amount.base_value
        if comp is None or last <= 0:
            continue
        v = tol.verdict(rate, comp, ctx.settings)
        ctx.mark(amounts[0].change)
        ctx.mark(rates[0].change)
        if v in (tol.OK, tol.INFO):
            continue
        c = rates[0].change
        subject = c.subject or rates[0].level.subject or ""
        how = f"{fmt(amount.value)} ÷ ({fmt(level.value)} {'−' if sign > 0 else '+'} {fmt(amount.value)}) × 100"
        expected = amount.base_value / last * 100
        yield make_finding(
            STATED,
            v,
            claim_figure(c),
            f"{subject}本年 {level.text}，{'增加' if sign > 0 else '减少'} {amount.text}（上年即 "
            f"{fmt(in_unit(last, level))}{level.unit}），增减幅度应为 {how} = "
            f"{fmt(expected, _shown_decimals(rate))}%，报告写 {rate.text}；增减额与增减幅度两数必有一处有误",
            expected=expected,
            derivation=how,
            related=[rates[0].level.prov, amounts[0].change.prov],
            subject=subject,
        )


def _sole_level_of_its_clause(ctx: Context, level: Claim, change: Claim) -> bool:
    """Whether the level stands alone in the change's own stretch of its sentence (no "；" between them, no other
    amount before the change there) and is this year's: not last year's (上年实际支出4518.72万元，本年比上年减少…), not a
    list's last part (…，其中…专项债务余额49.83亿元；比上年末增加7.96亿元), not one of two years printed (2026年预算…，2025年
    预算2033.24万元，较上年增加…)."""
    if level.role == PRIOR_YEAR or level.period == PRIOR_YEAR:
        return False
    sentence = level.sentence
    a, b = sentence.find(level.quantity.text), sentence.find(change.quantity.text)
    if a < 0 or b < a or re.search(r"[；;]", sentence[a:b]):
        return False
    start = max(sentence.rfind("；", 0, a), sentence.rfind(";", 0, a)) + 1
    # (…公务接待费支出0.0293亿元、同比减支0.0132亿元、下降31.1%，公务用车…支出0.2390亿元、同比增支…: past the changes
    # of the item before)
    for x in ctx.sentence_claims(level):
        at = sentence.find(x.quantity.text)
        if x.relation == "change" and start <= at < a:
            start = at + len(x.quantity.text)
    amounts = [
        x
        for x in ctx.sentence_claims(level)
        if x.quantity.dimension == "money"
        and x.relation not in ("change", "share", "rate")
        and start <= sentence.find(x.quantity.text) < b
        and not _its_own_budget(x, level)
    ]
    return amounts == [level]


def _its_own_budget(x: Claim, level: Claim) -> bool:
    """ "支出预算为820.00亿元，完成806.54亿元，比上年增加34.44亿元": the level's own budget printed before it is no other
    item's amount — the change is the outcome's."""
    measure, own = x.identity.measure, level.identity.measure
    return (
        x is not level
        and "预算" in measure
        and "执行" not in measure
        and bool(own)
        and "预算" not in own
        and subject_key(x.subject or "") == subject_key(level.subject or "")
    )


def _not_by_chance(a: Figure, b: Figure) -> bool:
    """Two equal levels are one figure, not a coincidence: printed with many digits, or under one item name
    (公务接待费支出0.0293亿元 and 公务接待费支出293万元)."""
    return (_specific(a.quantity) and _specific(b.quantity)) or _same_item(a, b)


def _same_item(a: Figure, b: Figure) -> bool:
    """One item name once the scope and the fund one of them states are left out (本级“三公”经费, 财政拨款“三公”经费)."""
    fund = a.identity.fund or b.identity.fund
    names = [subject_key((x.subject or "").replace(fund, "") if fund else x.subject or "") for x in (a, b)]
    return bool(names[0]) and names[0] == names[1]


def _one_figure(ctx: Context, a: Figure, b: Figure) -> bool:
    """Certainly one figure: the same identity, and the same fund stated on both sides or on neither (a total of
    all funds and its 一般公共预算 part can be equal this year and not last year). Where the identity is unsettled
    only because one printing leaves a component unstated (本级“三公”经费支出0.2683亿元 in the review of the year,
    财政拨款“三公”经费支出2683万元 in the 三公 note), equal levels under one item name are one figure."""
    relation = ctx.relation(a, b)
    if relation == SAME and a.identity.fund == b.identity.fund:
        return True
    if relation not in (SAME, UNSETTLED) or (
        a.identity.fund and b.identity.fund and a.identity.fund != b.identity.fund
    ):
        return False
    return _same_item(a, b)


def _agree(a: _Printing, b: _Printing) -> bool:
    return tol.printings_verdict(a.change.quantity, b.change.quantity) == tol.OK


def _order(p: _Printing) -> tuple[int, int, int]:
    pr = p.change.prov
    return (pr.page or 0, pr.paragraph or 0, pr.span[0] if pr.span else 0)


def _amounts_finding(p: _Printing, rival: _Printing, backing: list[_Printing], alone: bool) -> Finding:
    c, lv = p.change, p.level
    where = "、".join(f"{o.change.prov.render()}（{o.level.subject}）" for o in backing)
    subject = lv.subject or c.subject
    what = "增减率" if c.quantity.dimension == "percent" else "增减额"
    return make_finding(
        AMOUNTS,
        "warning",
        claim_figure(c),
        f"{subject} {lv.quantity.text} 比上年{what}写 {c.quantity.text}；同一数 {rival.level.quantity.text}"
        f"（{rival.level.subject}）在 {where} 比上年{what}写 {rival.change.quantity.text}，"
        + ("此处与其余各处不一" if alone else "两处不一，未能判断哪一处有误")
        + f"（本年数相同，则上年数分别为 {_prior(p, lv.quantity)} 与 {_prior(rival, lv.quantity)}，只能有一个）",
        expected=in_unit(rival.change.quantity.base_value, c.quantity)
        if c.quantity.dimension == "money"
        else rival.change.quantity.value,
        related=[o.change.prov for o in backing] + [lv.prov, rival.level.prov],
        subject=subject,
    )


_CLAUSE_END = re.compile(r"[，,；;。]")
_AVERAGE_ANNUAL = re.compile(r"年均|平均每年|年平均")
_VS_NAMED_YEAR = re.compile(r"(?:比|较|与|同)\s*(\d{4})\s*年")


def _against_budget(clause: str) -> bool:
    """A change against this year's budget (比年初预算增收1.23亿元; 完成年度预算的95.80%，短收0.27亿元: a shortfall or an
    excess is of the budget), not against last year."""
    if _SHORT_OF_BUDGET.search(clause) and not _VS_LAST_YEAR.search(clause):
        return True
    return bool(VS_BUDGET.search(clause)) and not re.search(r"上年|去年|上一年|\d{4}\s*年", clause)


_SHORT_OF_BUDGET = re.compile(r"(?:短收|超收)\s*$")
_OUTCOME_ROLES = ("决算", "执行", "实际")
_BUDGET_ROLES = ("预算", "年初", "全年")


def _outcome_and_budget(placed: list[tuple[int, Claim]], k: int, clause: str) -> tuple[Claim, Claim] | None:
    """(outcome, budget) of a change against a budget whose sentence prints both before it ("三公经费预算68.50万元，实际
    支出49.83万元，比预算减少18.67万元"): the one budget the words allow (年初 for 比年初预算) and the one other amount, of
    one item; None when either is not so printed."""
    at, c = placed[k]
    run = max(c.sentence.rfind(p, 0, at) for p in "；;")  # (…比年初预算增长1.8%；非税收入年初预算…: its own run)
    before = [
        x
        for j, x in placed[:k]
        if x.quantity.dimension == "money" and x.relation in ("", "total") and not x.base and x is not c and j > run
    ]
    named = "年初" if "年初" in clause else "全年" if re.search(r"调整|全年", clause) else ""
    budgets = [x for x in before if x.role in _BUDGET_ROLES and (not named or x.role == named)]
    if len(budgets) != 1:
        return None
    budget = budgets[0]
    # (the outcome before or after the budget: 支出452.18万元，年初预算486.00万元，比年初预算减少…; a figure naming no
    # measure is what was done)
    outcomes = [x for x in before if x is not budget and (x.role in _OUTCOME_ROLES or not x.role)]
    if not outcomes and named == "年初":
        # 年初预算数为5100.45万元，全年调整后预算数为5396.70万元，比年初预算增加296.25万元: the adjusted budget's change
        outcomes = [x for x in before if x is not budget and x.identity.measure == "调整预算"]
    if len(outcomes) != 1 or outcomes[0].quantity.base_unit != budget.quantity.base_unit:
        return None
    outcome = outcomes[0]
    keys = [subject_key(outcome.subject), subject_key(budget.subject)]
    # (该项目年初预算1250.00万元，年中追加后全年预算数为1486.00万元: a budget naming no item is the sentence's item's)
    if keys[0] != keys[1] and not any(not k or weak_subject(k) for k in keys):
        return None
    return outcome, budget


_MEASURE_HEAD = re.compile(r"^(?:\d{4}\s*年度?)?(?:年初预算|年初|调整后(?:的)?(?:预算)?|全年预算|预算)")


def _budget_said_before(
    ctx: Context, placed: list[tuple[int, Claim]], k: int, clause: str
) -> tuple[Claim, Claim] | None:
    """(outcome, budget) of a change against the 年初 budget printed in an earlier sentence of its paragraph (年初预算一般
    公共预算收入80000万元。调整后一般公共预算收入为82300万元，比年初预算增长2.9%): the sentence's one amount before the
    change and the paragraph's one 年初 amount of the same item (its name less the measure words)."""
    if "年初" not in clause:
        return None
    c = placed[k][1]
    before = [
        x
        for _, x in placed[:k]
        if x.quantity.dimension == "money" and x.relation in ("", "total") and not x.base and x is not c
    ]
    if len(before) != 1 or before[0].role == "年初":
        return None
    outcome = before[0]
    item = _MEASURE_HEAD.sub("", subject_key(outcome.subject))
    at = (outcome.prov.block, outcome.prov.paragraph)
    budgets = [
        x
        for x in ctx.claims
        if (x.prov.block, x.prov.paragraph) == at
        and x.sentence != outcome.sentence
        and span_start(x) < span_start(outcome)
        and x.role == "年初"
        and not x.relation
        and not x.base
        and x.quantity.base_unit == outcome.quantity.base_unit
        and item
        and _MEASURE_HEAD.sub("", subject_key(x.subject)) == item
    ]
    return (outcome, budgets[0]) if len(budgets) == 1 else None


def _difference(outcome: Claim, budget: Claim, sign: int) -> str:
    a, b = fmt(outcome.quantity.value), fmt(budget.quantity.value)
    return f"{a} − {b}" if sign > 0 else f"{b} − {a}"


def _against_its_budget(ctx: Context, c: Claim, word: str, outcome: Claim, budget: Claim) -> Finding | None:
    """The change of an outcome against its budget (比预算减少18.67万元, 比年初预算下降27.3%), both printed before it."""
    sign = 1 if word in UP else -1
    oi, bi = tol.base_interval(outcome.quantity), tol.base_interval(budget.quantity)
    if c.quantity.dimension == "percent":
        comp = tol.percent(oi - bi, bi)
        if comp is None:
            return None
        exact = (outcome.quantity.base_value - budget.quantity.base_value) / budget.quantity.base_value * 100
        how = f"({_difference(outcome, budget, sign)}) ÷ {fmt(budget.quantity.value)} × 100"
    elif c.quantity.dimension == "money" and c.quantity.base_unit == outcome.quantity.base_unit:
        comp = (oi - bi).scale(Decimal(1) / tol.factor(c.quantity))
        exact = in_unit(outcome.quantity.base_value - budget.quantity.base_value, c.quantity)
        how = _difference(outcome, budget, sign)
    else:
        return None
    v = tol.verdict(c.quantity, comp.scale(Decimal(sign)), ctx.settings)
    if v in (tol.OK, tol.INFO):
        return None
    subject = _MEASURE_HEAD.sub("", budget.subject) or budget.subject or c.subject or outcome.subject
    done, planned = ("调整后预算", "年初预算") if outcome.role in _BUDGET_ROLES else ("实际", "预算")
    return make_finding(
        STATED,
        v,
        claim_figure(c),
        f"{subject}{done} {fmt(outcome.quantity.value)}{outcome.quantity.unit}、{planned} {fmt(budget.quantity.value)}"
        f"{budget.quantity.unit}，与预算相比{word}应为 {how} = {fmt(exact * sign, max(c.quantity.decimals, 2))}"
        f"{c.quantity.unit}，报告写 {c.quantity.text}",
        expected=exact * sign,
        derivation=how,
        related=[outcome.prov, budget.prov],
        subject=subject,
    )


_NO_LEVEL = ("percent", "pp", "unknown", "points", "ratio")


def _shown_decimals(q: Quantity) -> int:
    """Decimals to show a computed change in: at least two for money and percents, as printed for counts."""
    return max(q.decimals, 2 if q.dimension in ("money", "percent") else 0)


def _printed_base(sentence: str, placed: list[tuple[int, Claim]], k: int) -> tuple[Claim, Claim] | None:
    """(level, base) where the change at placed[k] follows "level, 比/较 … base" in its own clause with nothing but
    its own change amount between (2026年收入安排136.02亿元，比2025年执行数131.69亿元增长4%; 支出1,100.00万元，比上年
    1,000.00万元增加100.00万元，增长10%)."""
    j = k - 1
    # (…比上年决算数28410万元增长5.9%，增收1680万元: the amount after its rate is of the same comparison)
    while j >= 0 and placed[j][1].relation == "change":
        j -= 1
    if j < 1 or not placed[j][1].base:
        return None
    if j < k - 1:
        at, prev = placed[k - 1]
        if _COMPARES.search(sentence[at + len(prev.quantity.text) : placed[k][0]]):
            return None  # …较2026年执行数71652万元增长5%，较2026年年初预算增长7.2%: the rate names another base
    lv = j - 1
    while lv > 0 and (placed[lv][1].base or placed[lv][1].relation == "change"):
        lv -= 1  # 支出安排330500万元，比上年年初预算332400万元下降0.6%，比上年执行数352560万元下降7.0%: a second base
    rate_end: int | None = None  # where the rates printed between the level and its base end
    if lv == j - 1:
        while lv > 0 and placed[lv][1].relation in ("rate", "share"):
            # 收入完成180.35亿元，完成调整预算的101.2%，比上年的171.62亿元增加…: the level before its rate
            rate_end = rate_end or placed[lv][0] + len(placed[lv][1].quantity.text)
            lv -= 1
            at, x = placed[lv]
            if lv > 0 and sentence[at + len(x.quantity.text) : placed[lv + 1][0]].strip() == "的":
                lv -= 1  # 支出8.80万元，完成预算9.50万元的92.63%，比上年…: the budget the rate names is no level
    while lv > 0 and (placed[lv][1].role == PRIOR_YEAR or placed[lv][1].period == PRIOR_YEAR):
        # …完成153359.35万元，上年为147177.81万元，比2020年的133836.46万元增长14.6%: last year's is no level
        rate_end = rate_end or placed[lv][0] + len(placed[lv][1].quantity.text)
        lv -= 1
    (at_level, level), (at_base, base) = placed[lv], placed[j]
    if level.base or level.relation in ("share", "rate", "change") or level.quantity.dimension in _NO_LEVEL:
        return None  # (a count is a level as money is: 门诊486213人次，比上年452871人次增加33342人次)
    if base.quantity.base_unit != level.quantity.base_unit or level.quantity.approx != "exact":
        return None
    between = sentence[rate_end if rate_end is not None else at_level + len(level.quantity.text) : at_base]
    if not _PRINTED_VS.match(between) or re.search(r"[；;。]", sentence[at_level : placed[k][0]]):
        return None
    return level, base


_LAST_YEARS_SAID = re.compile(r"^[，,；;]\s*(?:上年|去年|上一年)(?:同期|同月|同季度?)?(?:的)?(?:为|是|达)?$")
_THEN_THE_CHANGE = re.compile(r"^[，,]\s*(?:同比|比上年|较上年|与上年相比[，,]?)?$")


def _level_then_last_years(sentence: str, placed: list[tuple[int, Claim]], k: int) -> tuple[Claim, Claim] | None:
    """(level, base) where the change at placed[k] follows "level，上年同月为base，同比" (12月份当月收入318.40亿元，上年同月为
    308.55亿元，同比增长3.2%): both figures of the comparison are printed, the base named as last year's."""
    j = k - 1
    if j >= 0 and placed[j][1].relation == "change" and placed[k][1].quantity.dimension == "percent":
        j -= 1  # …，同比增加9.85亿元，增长3.2%
    if j < 1:
        return None
    (at_level, level), (at_base, base) = placed[j - 1], placed[j]
    if level.relation or base.relation or level.quantity.dimension != "money" or level.quantity.approx != "exact":
        return None
    if base.quantity.base_unit != level.quantity.base_unit or base.role != "上年" or level.role == "上年":
        return None
    between = sentence[at_level + len(level.quantity.text) : at_base]
    after = sentence[at_base + len(base.quantity.text) : placed[j + 1][0]]
    word = next((w for w in sorted(UP + DOWN, key=len, reverse=True) if after.rstrip().endswith(w)), "")
    if not word or not _LAST_YEARS_SAID.match(between) or not _THEN_THE_CHANGE.match(after.rstrip()[: -len(word)]):
        return None
    return level, base


def _level_named_as(base: Claim, before: list[Claim]) -> bool:
    """Whether an amount of the base's own name stands before it in its sentence (“三公”经费…实际支出9.86万元；“三公”经费
    支出比上年的10.74万元下降8.19%)."""
    key = subject_key(base.subject)
    return any(
        x is not base and not x.base and x.quantity.dimension == "money" and subject_key(x.subject) == key
        for x in before
        if (x.prov.span or (0,))[0] < (base.prov.span or (0,))[0]
    )


_ADJUSTING = re.compile(r"调整为|调整至|调增|调减|追加|核增|核减")
_VS_ANOTHER_YEAR = re.compile(r"上年|去年|同比|上一年|[比较]\s*20\d\d")


def _an_adjustment(sentence: str, placed: list[tuple[int, Claim]], k: int) -> bool:
    """A change made to a budget (…年初预算438,000.00万元，…调整为496,850.00万元，增加58,850.00万元; 由年初预算的
    330.28亿元调增36.05亿元至366.34亿元): an adjustment word before it in its sentence with at most the adjusted figure
    between, and no comparison with another year."""
    at, c = placed[k]
    found = list(_ADJUSTING.finditer(sentence, 0, at))
    if not found:
        return False
    since = found[-1].end()
    if _VS_ANOTHER_YEAR.search(sentence, since, at):
        return False
    between = [x for j, x in placed if since <= j < at and x.quantity.dimension == c.quantity.dimension]
    return len(between) <= 1 and c.quantity.dimension == "money"


_FROM = re.compile(r"由[^，,；;。]{0,24}$")
_ADJUSTED = ("调增", "调减", "追加", "核增", "核减")  # (…调整为73,000万元，调减12,000万元，下降14.12%)
_TO = re.compile(r"^[^，,；;。\d]{0,12}(?:为|至|到)$")
_TO_CHANGE = re.compile(r"^[，,]?\s*(?:共|累计|净)?$")


def _from_to(sentence: str, placed: list[tuple[int, Claim]], k: int) -> tuple[Claim, Claim] | None:
    """(level, base) where the change at placed[k] follows "由 base … 为/至 level" (全州一般公共预算支出预算由年初的
    468.00亿元调整为512.64亿元，增加44.64亿元): the change is from the figure its sentence names, not from last year."""
    if k >= 3 and placed[k][1].quantity.dimension == "percent" and _amount_of_the_change(sentence, placed, k):
        # 由年初预算的150,000万元调整为150,700万元，增加700万元，增长0.47%: the rate of the amount just before it
        k -= 1
    if k < 2:
        return None
    at_change = placed[k][0]
    (at_base, base), (at_level, level) = placed[k - 2], placed[k - 1]
    clause_end = max(sentence.rfind(p, 0, at_base) for p in "，,；;。")
    if not _FROM.search(sentence[clause_end + 1 : at_base]):
        return None
    if not _TO.match(sentence[at_base + len(base.quantity.text) : at_level]):
        return None
    words = sentence[at_level + len(level.quantity.text) : at_change]
    word = next((w for w in UP + DOWN + _ADJUSTED if words.rstrip().endswith(w)), "")
    if not word or not _TO_CHANGE.match(words.rstrip()[: -len(word)]):
        return None
    if base.quantity.base_unit != level.quantity.base_unit or base.relation or level.relation:
        return None
    return level, base


def _rate_of_base_and_amount(
    ctx: Context, sentence: str, placed: list[tuple[int, Claim]], k: int, subject: str
) -> Finding | None:
    """城乡社区支出比调整前的4470万元增加2350万元，增长52.6%: the base and the change amount printed, the rate right after
    the amount is the amount over the base, whatever the level (not printed) is."""
    at, c = placed[k]
    if c.quantity.dimension != "percent" or k < 2 or not _amount_of_the_change(sentence, placed, k):
        return None
    (at_base, base), (at_amount, amount) = placed[k - 2], placed[k - 1]
    if not base.base or base.quantity.base_unit != amount.quantity.base_unit or base.quantity.value <= 0:
        return None
    if not re.fullmatch(r"[^，,；;。\d]{0,6}", sentence[at_base + len(base.quantity.text) : at_amount]):
        return None  # (…比上年的4470万元增加2350万元: the amount right after its base, in one clause)
    ctx.mark(c)
    comp = tol.percent(tol.base_interval(amount.quantity), tol.base_interval(base.quantity))
    v = tol.verdict(c.quantity, comp, ctx.settings) if comp is not None else tol.OK
    if v in (tol.OK, tol.INFO):
        return None
    exact = amount.quantity.base_value / base.quantity.base_value * 100
    how = f"{fmt(amount.quantity.value)} ÷ {fmt(base.quantity.value)} × 100"
    return make_finding(
        STATED,
        v,
        claim_figure(c),
        f"{subject}比较基数 {base.quantity.text}，增减额 {amount.quantity.text}，增减幅度应为 {how} = "
        f"{fmt(exact, _shown_decimals(c.quantity))}%，报告写 {c.quantity.text}；增减额与增减幅度两数必有一处有误",
        expected=exact,
        derivation=how,
        related=[base.prov, amount.prov],
        subject=subject,
    )


def _after_a_list_of_parts(sentence: str, placed: list[tuple[int, Claim]], k: int) -> bool:
    """Whether the change at placed[k] follows a list of two or more parts joined by 、 (其中一般债务余额100亿元、专项债务
    余额200亿元，比上年末增加20亿元), its last part the figure right before it: of the list's whole or of that part."""
    j = k - 1
    while j >= 0 and placed[j][1].relation == "change":
        j -= 1
    if j < 1 or placed[j][1].relation != "part" or placed[j][1].group is None:
        return False
    group = placed[j][1].group
    parts = [(at, x) for at, x in placed[:k] if x.group == group and x.relation == "part"]
    if len(parts) < 2 or parts[-1][1] is not placed[j][1]:
        return False
    (at_first, _), (at_last, last) = parts[0], parts[-1]
    if any(at_first < at < at_last and x.relation == "change" for at, x in placed):
        return False  # (公务接待费支出0.0293亿元、同比减支0.0132亿元…，公务用车…0.2390亿元、同比增支…: each part's own)
    joined = sentence[at_first:at_last]
    after = sentence[at_last + len(last.quantity.text) : placed[k][0]]
    return "、" in joined and bool(re.match(r"\s*[，,]", after)) and not re.search(r"[；;]", joined + after)


def _adjusted_from(sentence: str, base: Claim) -> bool:
    """Whether a base is the figure a budget was adjusted from (由年初预算的1650000万元调整为1720000万元): no base of a
    comparison with last year made later in the sentence."""
    at = sentence.find(base.quantity.text)
    return (
        at >= 0
        and bool(_FROM.search(sentence[:at]))
        and bool(_ADJUSTING.match(sentence[at + len(base.quantity.text) :]))
    )


def _amount_of_the_change(sentence: str, placed: list[tuple[int, Claim]], k: int) -> bool:
    """Whether the figure before the rate at placed[k] is its change amount, the rate bare after it ("，增长0.47%")."""
    at, amount = placed[k - 1]
    if amount.relation != "change" or amount.quantity.dimension != "money":
        return False
    gap = sentence[at + len(amount.quantity.text) : placed[k][0]]
    return bool(re.fullmatch(r"\s*[，,]\s*(?:同比)?", gap[: -len(w)] if (w := _word_at_end(gap)) else "x"))


def _word_at_end(text: str) -> str:
    return next((w for w in UP + DOWN if text.rstrip().endswith(w)), "")


def _whole_it_fits(level: Claim, base: Claim, change: Claim, up: bool, claims: list[Claim]) -> Claim:
    """The level a printed base and its change are of, where that level is the last part of a 其中 list: the list's
    whole when base ± change lands nearer the whole than the part (政府债务余额183,812万元，其中：一般债务余额97,046万元，
    专项债务余额86,766万元，比上年末144,512万元增加39,300万元: 144,512 + 39,300 is the whole's 183,812)."""
    if level.relation != "part" or level.group is None or change.quantity.dimension not in ("money", "percent"):
        return level
    whole = next((x for x in claims if x.group == level.group and x.relation == "total"), None)
    if whole is None or whole.quantity.base_unit != level.quantity.base_unit:
        return level
    sign = 1 if up else -1
    was = base.quantity.base_value
    if change.quantity.dimension == "percent":
        implied = was * (1 + sign * change.quantity.value / 100)
    elif change.quantity.base_unit == base.quantity.base_unit:
        implied = was + sign * change.quantity.base_value
    else:
        return level
    near = abs(whole.quantity.base_value - implied) < abs(level.quantity.base_value - implied)
    return whole if near else level


_PRINTED_VS = re.compile(r"^[，,\s]*(?:比|较|同比|与)")
_COMPARES = re.compile(r"(?<!同)比|较|与[^，,；;。]{0,12}相比")  # (同比 restates the comparison)


def _base_year_is(clause: str, prior: Figure) -> bool:
    """Whether the year the comparison names (比2022年增长12.3%) is the prior figure's: a report on 2024 comparing
    with 2022 is not compared with its 上年 column. True when the comparison names no year."""
    named = _VS_NAMED_YEAR.search(clause)
    return named is None or prior.identity.period == named.group(1)


def _prior(p: _Printing, unit: Quantity) -> str:
    """Last year's figure this printing implies (the level less the change, or the level over 1 + the rate), in
    the unit of `unit`."""
    level, change = p.level.quantity, p.change.quantity
    if change.dimension == "percent":
        prior = level.base_value / (1 + p.sign * change.value / 100)
    else:
        prior = level.base_value - p.sign * change.base_value
    places = max(unit.decimals, 2) if change.dimension == "percent" else max(unit.decimals, change.decimals)
    return f"{fmt((prior / tol.factor(unit)).quantize(Decimal(10) ** -places))}{unit.unit}"


def _cells_named(ctx: Context, key: str) -> list[Figure]:
    """The table cells of one subject (indexed once per document)."""
    index: dict[str, list[Figure]] | None = ctx.cache.get("change_named")
    if index is None:
        index = {}
        for g in ctx.figures:
            if g.kind == "fact":
                index.setdefault(g.key, []).append(g)
        ctx.cache["change_named"] = index
    return index.get(key, [])


def _row_cells(ctx: Context, f: Figure) -> list[Figure]:
    """The table cells of f's row (indexed once per document: the rules below ask for many rows)."""
    index: dict[tuple, list[Figure]] | None = ctx.cache.get("change_rows")
    if index is None:
        index = {}
        for g in ctx.figures:
            if g.kind == "fact" and g.prov.table is not None:
                index.setdefault((g.prov.table, g.prov.row), []).append(g)
        ctx.cache["change_rows"] = index
    return index.get((f.prov.table, f.prov.row), [])


def _this_year_cell(f: Figure, cur: Figure) -> bool:
    """Whether a cell of the base's row prints the this-year figure: of the current figure's role, or of its year
    and kind of measure (a 预算草案 report's 2025年执行数 column is 'prior' to the report and the current figure of a
    sentence on 2025)."""
    if f.role == cur.role:
        return True
    period = cur.identity.period
    return bool(period) and f.identity.period == period and is_budget(f) == is_budget(cur)


def _right_by_its_row(ctx: Context, c: Claim, cur: Figure, prior: Figure, sign: int) -> bool:
    """Whether the stated change fits the this-year figure the base's own table row prints beside it, where the text
    printed another value for that figure."""
    if prior.kind != "fact" or cur.kind != "claim" or prior.prov.table is None:
        return False
    row = [
        f
        for f in _row_cells(ctx, prior)
        if f.prov.col != prior.prov.col and _this_year_cell(f, cur) and f.quantity.base_unit == cur.quantity.base_unit
    ]
    if len(row) != 1 or tol.printings_verdict(cur.quantity, row[0].quantity) == tol.OK:
        return False
    iv, pi = tol.base_interval(row[0].quantity), tol.base_interval(prior.quantity)
    comp = (
        tol.percent(iv - pi, pi)
        if c.quantity.dimension == "percent"
        else (iv - pi).scale(Decimal(1) / tol.factor(c.quantity))
    )
    return comp is not None and tol.verdict(c.quantity, comp.scale(Decimal(sign)), ctx.settings) == tol.OK


def _row_of_another_funds_figure(ctx: Context, cur: Figure, prior: Figure) -> bool:
    """A base from a table row of a fund the text's figure does not state (一般公共预算拨款支出与上年对比表 › 220 |
    38932.16 | 35447.89 against 自然资源海洋气象等支出50417.64 of all funds), whose own this-year cell is not the
    text's figure: likely another figure's row, so its last year is not certainly the text's."""
    if prior.kind != "fact" or cur.kind != "claim" or prior.prov.table is None:
        return False
    if bool(cur.identity.fund) == bool(prior.identity.fund):
        return False
    row = [
        f
        for f in _row_cells(ctx, prior)
        if f.prov.col != prior.prov.col and _this_year_cell(f, cur) and f.quantity.base_unit == cur.quantity.base_unit
    ]
    return len(row) == 1 and tol.printings_verdict(cur.quantity, row[0].quantity) != tol.OK


_ROW_RATE_COLUMN = re.compile(r"(?:增长|增减|增幅)[^›]*$")


def _rate_beside(ctx: Context, f: Figure) -> Figure | None:
    """The change-on-last-year rate a table prints in f's row for f's column group (收入 › 执行数 and 收入 ›
    比上年增长%, not the 支出 side's): the one cell of a 增长/增减 column under the same heads, in percent."""
    if f.kind != "fact" or f.prov.table is None:
        return None
    heads = tuple(f.obj.column_labels[:-1]) if isinstance(f.obj, Fact) else ()
    found = [
        g
        for g in _row_cells(ctx, f)
        if g.quantity.dimension == "percent"
        and g.subject == f.subject
        and isinstance(g.obj, Fact)
        and tuple(g.obj.column_labels[:-1]) == heads
        and g.obj.column_labels
        and _ROW_RATE_COLUMN.search(g.obj.column_labels[-1])
    ]
    if len(found) != 1 or _a_later_column(ctx, f, heads):
        return None
    return found[0]


def _a_later_column(ctx: Context, f: Figure, heads: tuple[str, ...]) -> bool:
    """Whether f's row prints the same item for a later year under the same heads (2025年执行数 | 2026年预算数 | 增长%):
    the row's rate is then the later year's."""
    year = f.identity.period[:4]
    return year.isdigit() and any(
        g.quantity.dimension == "money"
        and isinstance(g.obj, Fact)
        and tuple(g.obj.column_labels[:-1]) == heads
        and g.identity.period[:4].isdigit()
        and g.identity.period[:4] > year
        for g in _row_cells(ctx, f)
    )


def _one_stretch(a: str, b: str) -> bool:
    """Whether two periods are the same stretch: both a whole year, or both the same part of one (2025年1—6月)."""
    return ("月" in a) == ("月" in b) and ("月" not in a or a == b)


def _against_its_row_rate(ctx: Context, c: Claim, cur: Figure, subject: str, sign: int, measure: str) -> Finding | None:
    """A rate of change the text prints for an amount whose table row prints the rate too (税收收入669亿元，增长3.2%
    against the row 税收收入 | 6,690,284 | … | 比上年增长% 2.2) where no last-year figure is printed to compute it:
    the two printings of one rate must agree. The row is the amount's when it prints the same figure under the same
    item name and nothing in their identities differs; a rate the table computes on another base than the text names
    (比上年预算增长% against 比上年执行增长) is not compared, and one that names a base the text leaves unnamed is info."""
    # 一般公共预算收入 printed in its table as 一般公共预算收入合计
    cells = _cells_named(ctx, cur.key) + _cells_named(ctx, cur.key + "合计")
    twins = [
        f
        for f in cells
        if f.quantity.dimension == "money"
        and nt.role_in_report(f) == nt.role_in_report(cur)  # a 2025年执行数 column is the text's 2025 outcome
        and tol.printings_verdict(cur.quantity, f.quantity) == tol.OK
        and (f.obj is cur.obj or ctx.relation(cur, f) in (SAME, UNSETTLED))
    ]
    beside = [(f, r) for f in twins if (r := _rate_beside(ctx, f)) is not None]
    # 1—6月执行数 | … | 比上年增长% (the year's growth): a rate of another stretch of the year than the amount's
    beside = [(f, r) for f, r in beside if _one_stretch(f.identity.period, r.identity.period)]
    if not beside or len({r.quantity.value for _f, r in beside}) != 1:
        return None
    twin, printed = beside[0]
    stated = replace(c.quantity, value=c.quantity.value * sign, base_value=c.quantity.base_value * sign)
    if tol.printings_verdict(stated, printed.quantity) == tol.OK:
        ctx.mark(c)
        return None
    assert isinstance(printed.obj, Fact)
    column = printed.obj.column_labels[-1]
    named = base_measure(column)
    if measure and named and measure != named:
        return None
    certain = ctx.relation(cur, twin) == SAME or twin.obj is cur.obj
    severity = "error" if certain and (bool(measure) == bool(named)) else "info"
    ctx.mark(c)
    return make_finding(
        ROW_RATE,
        severity,
        claim_figure(c),
        f"{subject} {cur.quantity.text} 的比上年增减率正文写 {c.quantity.text}，{twin.label} 同行“{clean_label(column)}”写 "
        f"{fmt(printed.quantity.value)}%；表中所列与正文所写是同一数的增减率，只能有一个"
        + ("" if severity == "error" else "（两处的比较基数或口径未必相同，请核对）"),
        expected=printed.quantity.value * sign,
        related=[twin.prov, printed.prov],
        subject=subject,
    )


_BASES_NAMED = re.compile(r"(?:比|较|与)(?:20\d\d年度?|上年|去年|上一年|年初)")
# (环比; 较“十三五”末增加…, 比“十四五”初: against the end or start of a plan period, not last year)
_ANOTHER_PERIOD = re.compile(
    r"环比|[比较](?:上月|上季度?|上一(?:月|季度?)|上半年)|[比较与][“\"']?十[一二三四五六]五[”\"']?(?:末|初|期末|期初|时期)"
)


def _scope_unsettled(ctx: Context, cur: Figure, prior: Figure) -> bool:
    """Whether one of two figures states a scope the other does not, in a report of several scopes."""
    a, b = cur.identity.scope, prior.identity.scope
    return bool(a) != bool(b) and "scope" in ctx.ambiguity.several


# 收入完成52,360万元，为上年决算的105.3%: the figure as a percent of last year's (not its growth)
_RATIO_TO_PRIOR = re.compile(
    r"(?:为|是|相当于)\s*(?:上年|去年|上一年)(?:同期)?度?(?:年初|调整后?|全年)?(预算|执行|决算|完成|实际)?数?的\s*$"
)


def _ratios_to_prior(ctx: Context) -> Iterator[Finding]:
    """ "为上年（决算）的X%" against this year's figure before it in the sentence over last year's printed elsewhere."""
    for sentence, claims in sentences(ctx):
        placed = positions(sentence, claims)
        for i, c in placed:
            if c.quantity.dimension != "percent" or c.relation in ("share", "rate", "change") or c.denominator:
                continue
            said = _RATIO_TO_PRIOR.search(sentence[:i])
            if said is None:
                continue
            before = [x for j, x in placed if j < i and x is not c]
            subject = c.subject or next((x.subject for x in reversed(before) if x.subject), "")
            measure = "" if not said.group(1) else "预算" if said.group(1) == "预算" else "执行"
            cur = current_of(ctx, before, subject, c)
            prior = prior_of(ctx, subject, cur, measure) if cur is not None else None
            if cur is None or prior is None:
                ctx.note(c, f"未找到{subject}的本年数或上年数")
                continue
            ctx.mark(c)
            comp = tol.percent(tol.base_interval(cur.quantity), tol.base_interval(prior.quantity))
            if comp is None:
                ctx.note(c, f"{subject}上年为 0，比例无定义")
                continue
            v = tol.verdict(c.quantity, comp, ctx.settings)
            if v in (tol.OK, tol.INFO):
                continue
            # an unnamed base of a budget (为上年的) may be last year's budget or outcome; a scope one side leaves
            # unsaid in a report of several scopes is unsettled
            unsure = not measure and is_budget(prior) and ctx.kind not in DEPARTMENT_BUDGET_KINDS
            was = (
                prior.value
                if prior.quantity.unit == cur.quantity.unit
                else in_unit(prior.quantity.base_value, cur.quantity)
            )
            expected = cur.quantity.base_value / prior.quantity.base_value * 100
            how = f"{fmt(cur.value)} ÷ {fmt(was)} × 100"
            yield make_finding(
                RATIO,
                "info" if unsure or _scope_unsettled(ctx, cur, prior) else v,
                claim_figure(c),
                f"{subject}本年 {fmt(cur.value)}{cur.quantity.unit}、上年 {fmt(was)}{cur.quantity.unit}（{prior.label}），"
                f"为上年的比例应为 {how} = {fmt(expected, max(c.quantity.decimals, 2))}%，报告写 {c.quantity.text}",
                expected=expected,
                derivation=how,
                related=[cur.prov, prior.prov],
                subject=subject,
            )


_AVERAGE_GROWTH_WORDS = re.compile(r"(?:年均|平均每年|年平均)(?:增长|增幅|递增)率?(?:为|达|达到)?$")


def _compound(late: Decimal, early: Decimal, years: Decimal) -> Decimal:
    """The yearly rate (%) that grows early to late over the years."""
    return (((late / early).ln() / years).exp() - 1) * 100


def _average_annual(ctx: Context) -> Iterator[Finding]:
    """由2020年的196075万元增长到2024年的239544万元，年均增长5.1%: the compound rate between the two years' figures its
    sentence prints, (239544 ÷ 196075)^(1/4) − 1. A warning: some reports average the yearly rates instead."""
    for sentence, claims in sentences(ctx):
        placed = positions(sentence, claims)
        for k, (i, c) in enumerate(placed):
            if c.quantity.dimension != "percent":
                continue
            words = _CLAUSE_END.split(sentence[:i])[-1]
            if not _AVERAGE_GROWTH_WORDS.search(words):
                continue
            dated = [
                (int(x.period[:4]), x)
                for _, x in placed[:k]
                if x.quantity.dimension == "money" and not x.relation and x.period[:4].isdigit()
            ]
            if (
                len(dated) != 2
                or dated[0][0] >= dated[1][0]
                or dated[0][1].quantity.base_unit != dated[1][1].quantity.base_unit
            ):
                ctx.note(c, "年均增长率未找到首末两年的数")
                continue
            (y1, a), (y2, b) = dated
            if a.quantity.value <= 0 or b.quantity.value <= 0:
                continue
            years = Decimal(y2 - y1)
            lo_a, hi_a = tol.base_interval(a.quantity).lo, tol.base_interval(a.quantity).hi
            lo_b, hi_b = tol.base_interval(b.quantity).lo, tol.base_interval(b.quantity).hi
            comp = tol.Interval(_compound(lo_b, hi_a, years), _compound(hi_b, lo_a, years))
            v = tol.verdict(c.quantity, comp, ctx.settings)
            ctx.mark(c)
            if v in (tol.OK, tol.INFO):
                continue
            exact = _compound(b.quantity.base_value, a.quantity.base_value, years)
            how = f"({fmt(b.quantity.value)} ÷ {fmt(a.quantity.value)})^(1/{y2 - y1}) − 1"
            yield make_finding(
                STATED,
                tol.WARNING,
                claim_figure(c),
                f"{y1}年 {a.quantity.text} 至 {y2}年 {b.quantity.text}，年均增长应为 {how} = "
                f"{fmt(exact, max(c.quantity.decimals, 2))}%，报告写 {c.quantity.text}（若按各年增速的算术平均计算，请核对）",
                expected=exact,
                derivation=how,
                related=[a.prov, b.prov],
                subject=a.subject or c.subject,
            )


def check(ctx: Context) -> Iterator[Finding]:
    yield from _ratios_to_prior(ctx)
    yield from _average_annual(ctx)
    printings: list[_Printing] = []
    unpaired: set[int] = set()  # the changes whose last year's figure is printed nowhere
    # the changes whose level stands outside their own clause, settled by the words (the item the sentence opens by
    # naming, the outcome of a change against the budget just before)
    settled: dict[int, Claim] = {}
    outcomes: dict[int, Claim] = {}  # the outcome of each change against a budget
    previous: tuple[tuple, list[Claim]] | None = None  # the sentence before and its paragraph
    for sentence, claims in sentences(ctx):
        placed = positions(sentence, claims)
        here = (claims[0].prov.block, claims[0].prov.paragraph)
        carried = (
            _carried_level(sentence, claims, previous[1]) if previous is not None and previous[0] == here else None
        )
        previous = (here, claims)
        vs_budget: dict[int, str] = {}  # the changes of this sentence made against a budget, with their clause
        for k, (i, c) in enumerate(placed):
            if c.relation != "change" or c.quantity.dimension == "pp":
                continue
            word = c.direction or next((w for w in UP + DOWN if w in sentence[max(0, i - 4) : i]), "")
            if word not in UP + DOWN:
                continue
            before = [x for j, x in placed if j < i and x is not c and x.relation != "change"]
            subject = c.subject or next((x.subject for x in reversed(before) if x.subject), "")
            if _ANOTHER_PERIOD.search(_CLAUSE_END.split(sentence[:i])[-1]):
                # …同比增长4.2%，环比增长12.6%: against the month (or quarter) before, not last year
                ctx.note(c, f"{subject}的增减是环比（与上一期相比），不是与上年相比")
                continue
            if "分别" in _CLAUSE_END.split(sentence[:i])[-1] and len(_BASES_NAMED.findall(sentence[:i])) >= 2:
                # …较2024年年初预算增加1.70亿元，较2024年执行数减少5.43亿元，分别增长0.68%和下降2.12%: each rate is of its
                # own base, in order
                ctx.note(c, f"{subject}的各增减率分别对应句中所列的不同比较基数")
                continue
            if _AVERAGE_ANNUAL.search(_CLAUSE_END.split(sentence[:i])[-1]):
                # 2022—2024年年均增长9.1%: a compound rate over several years, no change from last year
                ctx.note(c, f"{subject}的年均增长率是多年复合增速，不是与上年相比")
                continue
            clause = _CLAUSE_END.split(sentence[:i])[-1]
            after_budget_change = k > 0 and id(placed[k - 1][1]) in vs_budget and clause.strip() in UP + DOWN
            level = _level_of(sentence, placed, k, carried) if c.quantity.dimension in ("money", "percent") else None
            if (
                k == 0
                and level is not None
                and _NAME_THEN_VS_LAST_YEAR.match(sentence)
                and not _VS_LAST_YEAR.match(sentence.lstrip())
            ):
                # (…收入、支出总计均为26,834.15万元。与上年相比，收入合计增加1,199.95万元: another item's level, not settled;
                # nor …总计均为3316.96万元。与上年相比，…支出增加189.07万元: a bare flow may be the year's own)
                settled[id(c)] = level
            elif level is None and (past := _past_its_budget_change(sentence, placed, k, outcomes)) is not None:
                level = settled[id(c)] = past
            elif level is None and k > 0 and (same := _same_comparison(sentence, placed, k, settled)) is not None:
                level = settled[id(c)] = same  # (…比上年增加351.82万元，增长6.75%: the rate of the amount's level)
            # (同口径分别增长5.8%和6.3%: another basis; 比年初预算增长7.85%: against the budget, no change from last year)
            if (
                level is not None
                and c.identity.measure != "同口径"
                and not (_against_budget(clause) or after_budget_change)
            ):
                own_clause = _CLAUSE_END.split(sentence[:i])[-1]
                named_year = _VS_NAMED_YEAR.search(own_clause)
                if named_year is not None or _COMPARES.search(own_clause) or not printings:
                    base_year = named_year.group(1) if named_year else ""
                elif printings[-1].change.sentence == c.sentence:
                    base_year = printings[-1].base_year  # (比2024年完成数增加143.18万元，增长4.27%: the same base)
                else:
                    base_year = ""
                printings.append(_Printing(c, level, 1 if word in UP else -1, base_measure(sentence[:i]), base_year))
            if _against_budget(clause) or after_budget_change:
                # (…比预算减少18.67万元，下降27.3%: the rate right after a change against the budget is against it too,
                # the budget the change's clause names)
                named_in = vs_budget[id(placed[k - 1][1])] if after_budget_change else clause
                vs_budget[id(c)] = named_in
                pair = _outcome_and_budget(placed, k, named_in) or _budget_said_before(ctx, placed, k, named_in)
                if pair is None:
                    ctx.note(c, f"{subject}的增减是与预算相比，不是与上年相比")
                    continue
                ctx.mark(c)
                outcomes[id(c)] = pair[0]
                found = _against_its_budget(ctx, c, word, *pair)
                if found is not None and not _against_budget(clause) and found.severity == tol.ERROR:
                    # (…比预算减少18.67万元，下降27.3%: a bare rate after it is most likely, not certainly, against the
                    # budget too)
                    found = replace(found, severity=tol.WARNING)
                if found is not None:
                    yield found
                continue
            if _an_adjustment(sentence, placed, k):
                ctx.note(c, f"{subject}的增减是预算调整数，不是与上年相比")
                continue
            printed = _printed_base(sentence, placed, k) or (
                # (…，上年为164633.97万元，比上年增长4.5%，比2020年增长14.9%: last year's figure is no base of 2020's)
                None
                if _VS_NAMED_YEAR.search(clause) and not _VS_LAST_YEAR.search(clause)
                else _level_then_last_years(sentence, placed, k)
            )
            if printed is None and _VS_OPENING.search(clause):
                printed = _opening_stock(ctx, c, sentence, placed, k)  # (…年末债务余额4230.00万元，比年初下降12.8%)
            if printed is not None and c.identity.measure == "同口径" and printed[0].identity.measure != "同口径":
                # …比上年的81,250万元增长9.2%，剔除…因素后同口径增长11.9%: the printed pair is the first rate's; the
                # second is on another basis (a level printed after the basis words, 同口径收入为…, is on it)
                printed = None
            if printed is None and (adjusted := _from_to(sentence, placed, k)) is not None:
                if c.quantity.dimension == "money":
                    continue  # 由年初的468.00亿元调整为512.64亿元，增加44.64亿元: the adjustment family's sum
                printed = adjusted
            if printed is None and any(
                x.base and not _level_named_as(x, before) and not _adjusted_from(sentence, x) for x in before
            ):
                # 全市支出比上年的465.21亿元增加13.42亿元, its level not printed in the sentence: the base is printed, so no
                # other figure (a table's 上年 column of another scope) stands in for it
                found = _rate_of_base_and_amount(ctx, sentence, placed, k, subject)
                if found is not None:
                    yield found
                    continue
                ctx.note(c, f"{subject}的比较基数已在句中写出，但本年数未在本句写出")
                continue
            if printed is None and c.identity.measure == "同口径":
                # 增长3.9%（可比口径）: a rate on a basis other than the printed figures
                ctx.note(c, f"{subject}的增减按同口径（可比口径）计算，与所印本年数、上年数口径不同")
                continue
            if printed is None and _after_a_list_of_parts(sentence, placed, k):
                # 全市政府债务余额300亿元，其中一般债务余额100亿元、专项债务余额200亿元，比上年末增加20亿元: the whole's change
                # as likely as the last part's
                ctx.note(c, f"{subject}的增减紧接分项列举之后，是总数还是最后一个分项的增减未能确定")
                continue
            cur: Figure | None
            prior: Figure | None
            if printed is not None:  # 收入安排136.02亿元，比2025年执行数131.69亿元增长4%: the base is printed
                whole = _whole_it_fits(printed[0], printed[1], c, word in UP, claims)
                if whole is not printed[0]:
                    printed, subject = (whole, printed[1]), whole.subject or subject
                if subject in UP + DOWN + _ADJUSTED and printed[0].subject:
                    subject = printed[0].subject  # (…调整为73,000万元，调减12,000万元，下降14.12%: the level's item)
                cur = claim_figure(printed[0])
                said = "同句所写比较基数" if printed[1].sentence == c.sentence else "前句所写比较基数"
                prior = replace(claim_figure(printed[1]), label=said, subject=cur.subject)
            else:
                cur = current_of(ctx, before, subject, c)
                prior = prior_of(ctx, subject, cur, base_measure(sentence[:i])) if cur is not None else None
            if cur is None or prior is None or (printed is None and not _base_year_is(clause, prior)):
                by_row = (
                    _against_its_row_rate(ctx, c, cur, subject, 1 if word in UP else -1, base_measure(sentence[:i]))
                    if cur is not None and prior is None and c.quantity.dimension == "percent"
                    else None
                )
                if by_row is not None:
                    yield by_row
                    continue
                ctx.note(c, f"未找到{subject}的本年数或上年数")
                unpaired.add(id(c))
                continue
            ctx.mark(c)
            sign = 1 if word in UP else -1
            # an unnamed base (比上年增长3.2%) of a budget: last year's budget or last year's outcome — a 部门预算
            # compares budgets, a 预算草案 report its budget with last year's 执行数, which may not be printed
            unsure = (
                printed is None  # a base printed in the sentence is the base, whichever measure it is
                and not base_measure(sentence[:i])
                and (is_budget(prior) or (is_budget(cur) and prior.role != "prior"))
                and ctx.kind not in DEPARTMENT_BUDGET_KINDS
            )
            # (a budget's unnamed base found only by its year — last year's outcome in the section on last year —
            # may as well be last year's budget)
            # 省级…218.4亿元，比上年下降1.2% against a table row naming no scope where the report has several: not
            # certainly that scope's last year
            unsettled = printed is None and (
                _scope_unsettled(ctx, cur, prior) or _row_of_another_funds_figure(ctx, cur, prior)
            )
            if unsure or unsettled:
                # (预算安排3500.00万元，比上年增加143.18万元，增长4.72%: whichever figure last year's is, the amount and
                # the rate printed with the level must agree with each other)
                unpaired.add(id(c))
            ci, pi = tol.base_interval(cur.quantity), tol.base_interval(prior.quantity)
            was = (
                prior.value
                if prior.quantity.unit == cur.quantity.unit
                else in_unit(prior.quantity.base_value, cur.quantity)
            )
            diff = ci - pi
            exact = cur.quantity.base_value - prior.quantity.base_value
            if c.quantity.dimension == "percent":
                comp = tol.percent(diff, pi)
                if comp is None:
                    yield make_finding(
                        ZERO, "info", claim_figure(c), f"{subject}上年为 0，增长率无定义", related=[prior.prov]
                    )
                    continue
                expected = exact / prior.quantity.base_value * 100
                how = f"({fmt(cur.value)} − {fmt(was)}) ÷ {fmt(was)} × 100"
            else:
                comp = diff.scale(Decimal(1) / tol.factor(c.quantity))
                expected = in_unit(exact, c.quantity)
                how = f"{fmt(cur.value)} − {fmt(was)}" if sign > 0 else f"{fmt(was)} − {fmt(cur.value)}"
            comp = comp.scale(Decimal(sign))
            v = tol.verdict(c.quantity, comp, ctx.settings)
            if v in (tol.OK, tol.INFO):
                continue
            # (由年初的85,000万元调整为73,000万元 / 比调整前的619,000万元: the sentence's own base, not last year's)
            now, then = ("本年", "上年") if printed is None or _VS_ANOTHER_YEAR.search(sentence) else ("现为", "原为")
            if _right_by_its_row(ctx, c, cur, prior, sign):
                # 国有土地使用权出让收入41.27亿元，下降16.4% where the table's row prints 421675 | 上年 504396: the rate fits
                # the row, the text's amount is the slip (narrative_table names it)
                ctx.note(c, f"{subject}的增减率与表中同行的本年数、上年数相符，正文的本年数与表中不同")
                continue
            yield make_finding(
                STATED,
                "info" if unsure or unsettled else v,
                claim_figure(c),
                f"{subject}{now} {fmt(cur.value)}{cur.quantity.unit}、{then} {fmt(was)}{cur.quantity.unit}（{prior.label}），"
                f"{word}应为 {how} = {fmt(expected * sign, _shown_decimals(c.quantity))}{c.quantity.unit}，"
                f"报告写 {c.quantity.text}"
                + (
                    f"；比较基数未说明是上年预算数还是上年执行数，此处按上年{'预算' if is_budget(prior) else '执行'}数计，请核对"
                    if unsure
                    else ""
                ),
                expected=expected * sign,
                derivation=how,
                related=[cur.prov, prior.prov],
                subject=subject,
            )
    yield from _disagreeing_amounts(ctx, printings)
    yield from _amount_and_rate_of_one_level(ctx, printings, unpaired, settled)
