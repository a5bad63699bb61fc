"""balance — what a year leaves is its income less its spending.

"社会保险基金预算收入112824万元，…。社会保险基金预算支出107300万元，当年收支结余5524万元" (112824 − 107300 =
5524). Only the year's own balance is judged (当年收支结余, 本年收支结余, 收支差额): a 滚存/累计/年末 balance holds
the years before. Its income and its spending are the one income level and the one spending level printed
before it in its paragraph (after any earlier balance), or the two its sentence names ("预算总收入减去预算总支出，
当年结余…") — never a 收入总计/支出总计 it does not name (they hold the carry-overs), a part of a 其中 list (but
inside a 其中 breakdown, that fund's own figures), a comparison base or a figure of another fund, scope or year.
Where either is missing, two could be it, a level names neither, or the balance is on another basis (剔除…后),
nothing is judged: an info says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from decimal import Decimal

from extractors.identity import strip_scope_words
from extractors.lists import INCOME, SPENDING, flow_of
from extractors.model import Claim, Identity, Provenance
from extractors.subjects import words as claim_words
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    claim_figure,
    closes_unopened,
    fmt,
    identities_contradict,
    in_unit,
    make_finding,
    rule,
    span_start,
    subject_key,
)
from pipeline.checks.compare import named_in_a_rate, positions, sentences
from pipeline.checks.sum import CORRECTED
from pipeline.findings import Finding

FAMILY = "balance"
INCOME_LESS_SPENDING = rule(
    FAMILY,
    "income-less-spending",
    "error",
    "当年收支结余不等于收入减支出",
    "{subject}写 {stated}，收入减支出为 {expected}",
    "narrative",
    "sum",
)
CHAIN = rule(
    FAMILY,
    "add-subtract",
    "error",
    "“加上…减去…”的结果与所列各数不符",
    "{subject}写 {stated}，按所列各数加减为 {expected}",
    "narrative",
    "sum",
)
ROLL_FORWARD = rule(
    FAMILY,
    "roll-forward",
    "warning",
    "年末余额不等于年初余额加新增、减偿还",
    "{subject}写 {stated}，年初余额加新增、减偿还为 {expected}",
    "narrative",
    "sum",
)
BALANCED = rule(
    FAMILY,
    "totals-balanced",
    "error",
    "写明收支平衡，而收入总数与支出总数不等",
    "{subject}写 {stated}，收入总数为 {expected}",
    "narrative",
    "sum",
)
CARRY_OVER = rule(
    FAMILY,
    "carry-over",
    "warning",
    "年末结转和结余不等于年初结转和结余加本年收入减本年支出",
    "{subject}写 {stated}，年初结转和结余加收入减支出为 {expected}",
    "narrative",
    "sum",
)
RULES = [INCOME_LESS_SPENDING, CHAIN, ROLL_FORWARD, BALANCED, CARRY_OVER]

_YEARS_BALANCE = re.compile(
    r"(?:当年|本年|当期)?收支(?:结余|差额|缺口)$|^(?:当年|本年)结余$"
)  # 缺口: spending less income
_EARLIER_YEARS = ("滚存", "累计", "年末", "历年", "结转", "期末", "上年")


def _is_years_balance(c: Claim) -> bool:
    return (
        c.quantity.dimension == "money"
        and c.relation in ("", "total")
        and not c.base
        and bool(_YEARS_BALANCE.search(c.subject))
        and not any(w in c.subject for w in _EARLIER_YEARS)
    )


def _level(x: Claim) -> bool:
    return x.quantity.dimension == "money" and x.relation in ("", "total") and not x.base


def _near(ctx: Context, c: Claim) -> list[Claim]:
    """The levels before c in its paragraph, after any earlier balance: no comparison base, no part of a list
    (其中…), no figure of another fund, scope or year. A balance inside a 其中 breakdown ("其中：养老保险基金收入
    12000万元，支出10000万元，当年收支结余2000万元") is of the figures after its 其中 only."""
    before = sorted((x for x in ctx.paragraph_claims(c) if span_start(x) < span_start(c)), key=span_start)
    at = c.sentence.find(c.quantity.text)
    listed = c.sentence.rfind("其中", 0, at if at >= 0 else 0)
    if listed >= 0 and closes_unopened(c.sentence[listed : at if at >= 0 else 0]):
        listed = -1  # 收入完成186.42亿元（其中：财政补贴收入64.18亿元），支出…: a breakdown in a bracket closed before
    semi = max(c.sentence.rfind("；", 0, at), c.sentence.rfind(";", 0, at)) if listed >= 0 else -1
    if semi > listed and any(
        # (a lone 其中 figure, no list of parts, ends there too: 收入24,500万元，其中保险费收入23,400万元；支出…)
        x.relation in ("part", "") and x.sentence == c.sentence and listed < x.sentence.find(x.quantity.text) < semi
        for x in before
    ):
        listed = (
            -1
        )  # 收入44,098万元，其中保险费收入…，财政补贴收入1,245万元；支出…；当年收支结余…: the list of parts ended
    inside = listed >= 0  # there the fund's own figures are parts of the breakdown, and are its levels
    if inside:
        before = [x for x in before if x.sentence == c.sentence and x.sentence.find(x.quantity.text) > listed]
        before = [x for x in before if x.quantity.dimension == "money" and not x.base and x.relation in ("", "part")]
    out: list[Claim] = []
    # (收入44,098万元，其中保险费收入41,268万元，财政补贴收入1,245万元；支出…: the parts of a total printed before them
    # are no levels of their own)
    totals = {x.group for x in before if x.relation == "total" and x.group is not None}
    for x in before:
        if _is_years_balance(x):
            out = []
        elif (
            (_level(x) or inside)
            and not identities_contradict(x.identity, c.identity)
            and "其中" not in _own_clause(x)
            and not (not inside and x.relation == "part" and x.group in totals)
        ):
            out.append(x)
    return out


def _flow(x: Claim) -> str:
    """What a figure measures by its own clause's words ("，支出10000万元" is spending whatever subject it carries
    over from the clause before), else by its subject."""
    return flow_of(_own_clause(x)) or flow_of(x.subject)


_MOMENT = re.compile(r"^\s*(?:(?:20\d\d|上)年(?:初|末|底)|年初|年末|年底|期初|期末)\s*$")


def _with_its_moment(x: Claim) -> str:
    """The figure's own clause, after the moment a clause of its own before it names (2024年初，全市政府债务余额…)."""
    own = _own_clause(x)
    at = x.sentence.find(x.quantity.text)
    clauses = re.split(r"[，,；;。：:]|(?<!\d)\.(?!\d)", x.sentence[:at] if at >= 0 else "")
    if len(clauses) >= 2 and _MOMENT.match(clauses[-2]):
        return clauses[-2].replace("底", "末") + own
    return own


def _own_clause(x: Claim) -> str:
    """The words of the figure's own clause ("." ends a sentence where it stands between no digits)."""
    return re.split(r"[，,；;。：:]|(?<!\d)\.(?!\d)", x.lead or "")[-1]


_NAMED = re.compile(r"(?P<a>[^，,。；;、]{2,20}?)减(?:去)?(?P<b>[^，,。；;、]{2,20}?)[，,]?\s*[^，,。；;]{0,12}$")
_WITH_CARRY_OVER = re.compile(r"总计|合计")
# 收入总计 holds the carry-overs (上年结转, 年末结转和结余); a fund's 收入合计 − 支出合计 is its year's balance
_HOLDS_CARRY_OVERS = re.compile(r"总计")
_OTHER_BASIS = re.compile(r"剔除|扣除|不含|除[^，,。；;]{1,20}外")  # 剔除上级补助和上解因素后，当年收支结余…


def _named(c: Claim) -> tuple[str, str]:
    """The two figures a balance names ("预算总收入减去预算总支出，当年结余…"), else ("", "")."""
    at = c.sentence.rfind(c.quantity.text)
    m = _NAMED.search(c.sentence[: at if at >= 0 else 0])
    return (subject_key(m.group("a")), subject_key(m.group("b"))) if m else ("", "")


def _one(levels: list[Claim], flow: str, named: str) -> Claim | None:
    """The one figure of `flow` the balance is of: the one it names ("预算总收入减去预算总支出"), else the only one
    — never a 收入总计/支出总计 it does not name, which holds the carry-overs (上年结转, 年末结转和结余)."""
    xs = [x for x in levels if _flow(x) == flow]
    chosen = [x for x in xs if named and subject_key(x.subject).endswith(named)]
    xs = chosen or [x for x in xs if not _HOLDS_CARRY_OVERS.search(x.subject)]
    return xs[-1] if xs and len({x.quantity.base_value for x in xs}) == 1 else None


def check(ctx: Context) -> Iterator[Finding]:
    chains = list(_chains(ctx))
    # a chain's total found wrong: the balance computed from it inherits that slip (…减去调出资金5.6亿元，预算总收入为
    # 67.2亿元 where the terms give 66.4; …当年结余3.3亿元 = 66.4 − 63.1): the chain's finding names it
    wrong_totals = {
        **ctx.cache.get(CORRECTED, {}),
        **{f.prov: f.expected_value for f in chains if f.expected_value is not None},
    }
    for c in ctx.claims:
        if not _is_years_balance(c):
            continue
        near = _near(ctx, c)
        named_income, named_spending = _named(c)
        inc, spent = _one(near, INCOME, named_income), _one(near, SPENDING, named_spending)
        # 执行中调整为210亿元: a level that could be either — unless the balance names its two figures
        by_name = all(
            x is not None and named and subject_key(x.subject).endswith(named)
            for x, named in ((inc, named_income), (spent, named_spending))
        )
        unnamed = [] if by_name else [x for x in near if not _flow(x)]
        if (
            inc is None
            or spent is None
            or unnamed
            or _OTHER_BASIS.search(c.sentence[: max(0, c.sentence.find(c.quantity.text))])
        ):
            ctx.note(c, "未找到当年收支结余唯一的收入数和支出数")
            continue
        ctx.mark(c)
        diff = tol.base_interval(inc.quantity) - tol.base_interval(spent.quantity)
        scale = 1 / tol.factor(c.quantity)
        # a 收支差额 may be printed without its sign
        verdicts = [tol.verdict(c.quantity, diff.scale(k), ctx.settings) for k in (scale, -scale)]
        if any(v in (tol.OK, tol.INFO) for v in verdicts):
            continue
        if _fits_the_chains_totals(ctx, c, inc, spent, wrong_totals):
            ctx.note(c, "按收支总数各自的分项计算，当年收支结余相符；总数之误已另行报告")
            continue
        first, second = (spent, inc) if c.subject.endswith("缺口") else (inc, spent)  # a 缺口 is spending less income
        exact = (first.quantity.base_value - second.quantity.base_value) * scale
        a, b = first.quantity.text, second.quantity.text
        yield make_finding(
            INCOME_LESS_SPENDING,
            verdicts[0],
            claim_figure(c),
            f"{c.subject}应为 {first.subject} {a} − {second.subject} {b} = {fmt(exact)}{c.quantity.unit}，"
            f"报告写 {c.quantity.text}",
            expected=exact,
            derivation=f"{a} − {b}",
            related=[first.prov, second.prov],
            subject=c.subject,
        )
    yield from chains
    yield from _carried_forward(ctx, wrong_totals)
    yield from _roll_forward(ctx)
    yield from _carry_over(ctx)
    yield from _balanced(ctx)


# 收入总量为183627万元，支出总量为183627万元（含…），收支平衡: a sentence saying the budget balances says its two totals
# are equal (not 收支基本平衡, nor a 收入合计 that leaves out the carry-overs)
_SAID_BALANCED = re.compile(r"收支(?:相抵后?(?:[，,]\s*(?:实现|达到)?(?:收支)?)?)?平衡")  # (收支相抵，实现平衡)
_NOT_SAID = re.compile(r"(?:未|不|难以|无法|未能|尚未)(?:实现)?$")
_INCOME_TOTAL = re.compile(r"(?:收入(?:预算|决算)?总量|收入(?:预算|决算)?总计|总收入)$")
_SPENDING_TOTAL = re.compile(r"(?:支出(?:预算|决算)?总量|支出(?:预算|决算)?总计|总支出)$")
_LEFT_OVER = re.compile(r"结余|结转|结存|缺口|赤字|差额")


def _balanced_alone(ctx: Context) -> Iterator[Finding]:
    """A sentence saying only that the budget balances (市级一般公共预算收支平衡。) after the sentences of its paragraph
    that print one income total and one spending total: the two must be equal."""
    for said in ctx.claims:
        if said.relation != "balanced":
            continue
        at = (said.prov.span or (0,))[0]
        before = [
            c
            for c in ctx.paragraph_claims(said)
            if (c.prov.span or (0,))[0] < at and c.quantity.dimension == "money" and c.relation != "balanced"
        ]
        earlier = [c for c in before if c.sentence != said.sentence and not _in_a_bracket(c)]
        found = _totals_said_balanced(ctx, earlier, "本段")
        if found is not None:
            yield found


def _in_a_bracket(c: Claim) -> bool:
    at = c.sentence.find(c.quantity.text)
    return at >= 0 and _inside_bracket(c.sentence[:at])


def _totals_said_balanced(ctx: Context, top: list[Claim], where: str) -> Finding | None:
    """The finding on the one income total and the one spending total among `top` (in reading order) said to balance,
    None when they are equal, not one each, or a balance left over is printed after them."""
    incomes = [c for c in top if _INCOME_TOTAL.search(c.subject.strip())]
    spendings = [c for c in top if _SPENDING_TOTAL.search(c.subject.strip())]
    if len(incomes) != 1 or len(spendings) != 1:
        return None
    inc, spent = incomes[0], spendings[0]
    later = max(top.index(inc), top.index(spent))
    if any(_LEFT_OVER.search(c.subject) for c in top[later + 1 :]):
        return None  # …支出总计…，年终结余…，收支平衡: what is left balances them
    if identities_contradict(inc.identity, spent.identity) or inc.base or spent.base:
        return None
    scale = 1 / tol.factor(spent.quantity)
    v = tol.verdict(spent.quantity, tol.base_interval(inc.quantity).scale(scale), ctx.settings)
    ctx.mark(spent)
    if v in (tol.OK, tol.INFO):
        return None
    exact = inc.quantity.base_value * scale
    return make_finding(
        BALANCED,
        v,
        claim_figure(spent),
        f"{where}写明收支平衡，而{spent.subject.strip()} {spent.quantity.text} 与{inc.subject.strip()} "
        f"{inc.quantity.text} 不等（相差 {fmt(abs(exact - spent.quantity.value))}{spent.quantity.unit}），"
        "两数必有一处有误",
        expected=exact,
        derivation=f"{inc.subject.strip()} {inc.quantity.text}",
        related=[inc.prov],
        subject=spent.subject.strip(),
    )


def _balanced(ctx: Context) -> Iterator[Finding]:
    yield from _balanced_alone(ctx)
    for sentence, claims in sentences(ctx):
        done = 0
        for said in _SAID_BALANCED.finditer(sentence):
            if _NOT_SAID.search(sentence[max(0, said.start() - 4) : said.start()]):
                continue
            placed = [(i, c) for i, c in positions(sentence, claims) if done <= i < said.start()]
            done = said.end()
            top = [c for i, c in placed if c.quantity.dimension == "money" and not _inside_bracket(sentence[:i])]
            found = _totals_said_balanced(ctx, top, "本句")
            if found is not None:
                yield found


# 全市法定债务年初余额258.78亿元，当年新增债务88.48亿元（新增一般债券…），当年偿还债务20.05亿元（…），年末债务余额
# 327.21亿元: what is owed at the year's end is what was owed at its start, plus what was borrowed, less what was repaid
_OPENING = re.compile(r"(?:年初|上年末|期初)[^，,。；;]*余额$")
_CLOSING = re.compile(r"(?:年末|年底|期末)[^，,。；;]*余额$")
# the words of a debt's movements, shared with the table roll-forward (debt_roll)
BORROWED_WORDS = r"新增|举借|发行|借入"
REPAID = re.compile(r"偿还|还本|归还")
_BORROWED = re.compile(BORROWED_WORDS)
_INTEREST = re.compile(r"付息|利息|本息")


def _roll_forward(ctx: Context) -> Iterator[Finding]:
    """A debt's 年末余额 against its 年初余额 + 新增 − 偿还, printed in that order in one paragraph, each at the top
    level (a bracket's breakdown is no further term); any other amount between them (interest, a ceiling, a 置换)
    leaves the run unjudged. A warning: the text may leave out a movement it does not print."""
    for claims in _paragraphs(ctx):
        run: tuple[Claim, list[Claim], list[Claim]] | None = None
        for x in claims:
            words = _with_its_moment(x)
            if _OPENING.search(words):
                run = (x, [], [])
            elif run is None and _CLOSING.search(words) and _year_end(words):
                run = (x, [], [])  # 2023年末全市政府债务余额…，2024年新增…，偿还…，2024年末…: last year's end opens it
            elif run is None or x.quantity.dimension in ("percent", "pp") or x.relation in ("share", "rate", "part"):
                continue  # (a 其中 part breaks a term down: 举借债务…，其中新增债券…、再融资债券…)
            elif _INTEREST.search(words):
                run = None
            elif _CLOSING.search(words):
                opened = _year_end(_with_its_moment(run[0])) if not _OPENING.search(_with_its_moment(run[0])) else 0
                if not opened or _year_end(words) == opened + 1:
                    yield from _judge_roll_forward(ctx, *run, x)
                    run = None
                else:
                    run = (x, [], []) if _year_end(words) else None
            elif REPAID.search(words):
                run[2].append(x)
            elif _BORROWED.search(words):
                run[1].append(x)
            else:
                run = None


_CARRIED = re.compile(r"结转(?:和|及)?结余|结转|结余")
# (财政拨款年初结转和结余…: the fund named before the moment)
_OPENS_A_YEAR = re.compile(r"^(?:\d{4}年度?)?(?:一般公共预算)?(?:财政拨款)?(?:年初|上年末?)")
_CLOSES_A_YEAR = re.compile(r"^(?:\d{4}年度?)?(?:一般公共预算)?(?:财政拨款)?(?:年末|年底)")


def _carry_over(ctx: Context) -> Iterator[Finding]:
    """年初财政拨款结转和结余150.20万元，本年财政拨款收入3,376.78万元，本年财政拨款支出3,230.58万元，年末财政拨款结转和结余
    296.40万元: a sentence printing exactly these four, in this order, says 年末 = 年初 + 收入 − 支出. A warning: a 决算
    may move money past the four (使用非财政拨款结余, 结余分配) without printing it."""
    for sentence, claims in sentences(ctx):
        run = [
            c
            for i, c in positions(sentence, claims)
            if c.quantity.dimension == "money" and not _inside_bracket(sentence[:i]) and not c.relation
        ]
        if len(run) == 3 and len({c.quantity.base_unit for c in run}) == 1:
            yield from _stock_rolled(ctx, run)
        if len(run) != 4 or len({c.quantity.base_unit for c in run}) != 1:
            continue
        # (本年收入…，加上年初结转和结余…，减去本年支出…，年末结转和结余…: the opening balance after the income)
        openings = [c for c in run[:3] if _CARRIED.search(k := subject_key(c.subject)) and _OPENS_A_YEAR.match(k)]
        if len(openings) != 1:
            continue
        opening = openings[0]
        income, spent = [c for c in run[:3] if c is not opening]
        closing = run[3]
        names = [subject_key(c.subject) for c in (opening, income, spent, closing)]
        if not (_CARRIED.search(names[3]) and _CLOSES_A_YEAR.match(names[3])):
            continue
        if _flow(income) != INCOME or _flow(spent) != SPENDING or _CARRIED.search(names[1] + names[2]):
            continue
        if _A_TRANSFER.search(names[1] + names[2]) or re.match(r"\s*加(?:上)?", sentence):
            # …本年收支结余696万元。加上上级补助收入10,368万元，减去上解上级支出2,924万元，年初滚存结余…，年末滚存结余…:
            # transfers added to the balance of the sentence before, not the year's income and spending
            continue
        if {_fund_of(names[1]), _fund_of(names[2])} != {_fund_of(names[0])} or _fund_of(names[3]) not in (
            "",
            _fund_of(names[0]),
        ):
            continue  # (年初财政拨款结转… and 本年收入 of all funds: two scopes; a closing balance naming none is the run's)
        if not _fund_of(names[0]) and _moves_past_the_four(ctx):
            # all funds' carry-over in a report printing 使用非财政拨款结余 or 结余分配: 年末 = 年初 + 收入 + 使用非财政拨款
            # 结余 − 支出 − 结余分配, whatever the sentence prints
            continue
        comp = (
            tol.base_interval(opening.quantity) + tol.base_interval(income.quantity) - tol.base_interval(spent.quantity)
        ).scale(1 / tol.factor(closing.quantity))
        v = tol.verdict(closing.quantity, comp, ctx.settings)
        for c in run:
            ctx.mark(c)
        if v in (tol.OK, tol.INFO):
            continue
        exact = in_unit(
            opening.quantity.base_value + income.quantity.base_value - spent.quantity.base_value, closing.quantity
        )
        how = f"{fmt(opening.quantity.value)} + {fmt(income.quantity.value)} − {fmt(spent.quantity.value)}"
        yield make_finding(
            CARRY_OVER,
            tol.WARNING,
            claim_figure(closing),
            f"{closing.subject}写 {closing.quantity.text}，而年初 {opening.quantity.text} + 收入 {income.quantity.text} − "
            f"支出 {spent.quantity.text} = {fmt(exact, closing.quantity.decimals)}{closing.quantity.unit}，两者不符"
            "（若另有使用非财政拨款结余、结余分配等未写出的项目，请核对）",
            expected=exact,
            derivation=how,
            related=[opening.prov, income.prov, spent.prov],
        )


_YEARS_BALANCE_NAME = re.compile(r"^(?:本年|当年)(?:收支)?结余$|^收支结余$")
_OPENING_STOCK = re.compile(r"^(?:上年|年初|上年末)(?:滚存)?结余$")
_CLOSING_STOCK = re.compile(r"^年末(?:滚存)?结余$")


def _stock_rolled(ctx: Context, run: list[Claim]) -> Iterator[Finding]:
    """本年收支结余50.00万元，年初滚存结余200.00万元，年末滚存结余250.00万元: a sentence printing a fund's year's balance,
    its opening stock and its closing stock, and nothing else, says 年末 = 年初 + 结余. A warning: a fund may move its
    stock by a transfer the sentence does not print."""
    names = [strip_scope_words(subject_key(c.subject)) for c in run]
    year = [c for c, n in zip(run, names, strict=True) if _YEARS_BALANCE_NAME.search(_after_fund(n))]
    opening = [c for c, n in zip(run, names, strict=True) if _OPENING_STOCK.search(_after_fund(n))]
    closing = [c for c, n in zip(run, names, strict=True) if _CLOSING_STOCK.search(_after_fund(n))]
    if not (len(year) == len(opening) == len(closing) == 1) or closing[0] is not run[-1]:
        return
    y, o, c = year[0], opening[0], closing[0]
    comp = (tol.base_interval(o.quantity) + tol.base_interval(y.quantity)).scale(1 / tol.factor(c.quantity))
    v = tol.verdict(c.quantity, comp, ctx.settings)
    for x in run:
        ctx.mark(x)
    if v in (tol.OK, tol.INFO):
        return
    exact = in_unit(o.quantity.base_value + y.quantity.base_value, c.quantity)
    yield make_finding(
        CARRY_OVER,
        tol.WARNING,
        claim_figure(c),
        f"{c.subject}写 {c.quantity.text}，而年初 {o.quantity.text} + 当年收支结余 {y.quantity.text} = "
        f"{fmt(exact, c.quantity.decimals)}{c.quantity.unit}，两者不符（若另有转移收支等未写出的项目，请核对）",
        expected=exact,
        derivation=f"{fmt(o.quantity.value)} + {fmt(y.quantity.value)}",
        related=[o.prov, y.prov],
    )


_A_FUNDS_HEAD = re.compile(r"^.*?基金")


def _after_fund(name: str) -> str:
    """A fund's account named with its fund (工伤保险基金年末滚存结余): the account alone."""
    return _A_FUNDS_HEAD.sub("", name)


_A_TRANSFER = re.compile(r"上级补助|上解|转移|调入|调出|补助下级|下级上解|转贷")
_PAST_THE_FOUR = re.compile(
    r"使用非财政拨款结余|结余分配|事业基金弥补|用事业基金|提取(?:职工福利基金|专用基金)|经营结余"
)


def _moves_past_the_four(ctx: Context) -> bool:
    """Whether the report prints a movement of all funds' balance beside income and spending (使用非财政拨款结余, 结余分配),
    in its text or in a table's rows."""
    if "balance.past-the-four" not in ctx.cache:
        ctx.cache["balance.past-the-four"] = any(_PAST_THE_FOUR.search(c.subject) for c in ctx.claims) or any(
            _PAST_THE_FOUR.search("".join(f.row_labels)) for f in ctx.facts
        )
    return bool(ctx.cache["balance.past-the-four"])


_FUNDS_NAMED = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营")


def _fund_of(name: str) -> str:
    return "".join(_FUNDS_NAMED.findall(name))


_YEAR_END = re.compile(r"(20\d\d)\s*年(?:末|底)")


def _year_end(words: str) -> int:
    """The year whose end a balance's words name (2023年末…余额 → 2023), 0 when they name none."""
    found = _YEAR_END.findall(words)
    return int(found[-1]) if found else 0


def _paragraphs(ctx: Context) -> list[list[Claim]]:
    """Each paragraph's money figures outside brackets, in reading order."""
    out: dict[tuple, list[Claim]] = {}
    for sentence, claims in sentences(ctx):
        for i, c in positions(sentence, claims):
            if c.quantity.dimension in ("money", "percent", "pp") and not _inside_bracket(sentence[:i]):
                out.setdefault((c.prov.block, c.prov.paragraph), []).append(c)
    return list(out.values())


def _inside_bracket(before: str) -> bool:
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _debt_class_of(x: Claim) -> str:
    named = re.search(r"一般|专项", x.subject)
    return named.group(0) if named else re.sub(r"(债务|债券)$", "", x.identity.part_of) if x.identity.part_of else ""


def _judge_roll_forward(
    ctx: Context, opening: Claim, borrowed: list[Claim], repaid: list[Claim], closing: Claim
) -> Iterator[Finding]:
    # (the opening balance is last year's year-end figure: its year is no contradiction)
    if not borrowed or not repaid or identities_contradict(replace(opening.identity, period=""), closing.identity):
        return
    if _debt_class_of(opening) != _debt_class_of(closing):
        return  # 一般债务…年初余额…；专项债务年末余额…: the closing balance of another class of debt
    terms = [opening, *borrowed, *repaid, closing]
    if any(x.quantity.dimension != "money" or x.quantity.base_unit != closing.quantity.base_unit for x in terms):
        return
    ctx.mark(closing)
    total = tol.base_interval(opening.quantity)
    for x in borrowed:
        total = total + tol.base_interval(x.quantity)
    for x in repaid:
        total = total - tol.base_interval(x.quantity)
    scale = 1 / tol.factor(closing.quantity)
    v = tol.verdict(closing.quantity, total.scale(scale), ctx.settings)
    if v in (tol.OK, tol.INFO):
        return
    exact = opening.quantity.base_value + sum(x.quantity.base_value for x in borrowed)
    exact = (exact - sum(x.quantity.base_value for x in repaid)) * scale
    how = " + ".join(x.quantity.text for x in [opening, *borrowed]) + "".join(f" − {x.quantity.text}" for x in repaid)
    yield make_finding(
        ROLL_FORWARD,
        tol.WARNING,
        claim_figure(closing),
        f"{closing.subject}写 {closing.quantity.text}，而年初余额 {opening.quantity.text} 加新增 "
        f"{'、'.join(x.quantity.text for x in borrowed)}、减偿还 {'、'.join(x.quantity.text for x in repaid)} 为 "
        f"{fmt(exact)}{closing.quantity.unit}，两者不符",
        expected=exact,
        derivation=how,
        related=[x.prov for x in terms[:-1]],
        subject=closing.subject,
    )


def _fits_the_chains_totals(
    ctx: Context, c: Claim, inc: Claim, spent: Claim, wrong: Mapping[Provenance, Decimal | None]
) -> bool:
    """Whether the balance fits once each total a chain finding corrects takes its computed value."""
    if inc.prov not in wrong and spent.prov not in wrong:
        return False

    def corrected(x: Claim) -> tol.Interval:
        value = wrong.get(x.prov)
        if value is None:
            return tol.base_interval(x.quantity)
        return tol.Interval.exact(value * tol.factor(x.quantity))

    diff = corrected(inc) - corrected(spent)
    scale = 1 / tol.factor(c.quantity)
    return any(tol.verdict(c.quantity, diff.scale(k), ctx.settings) in (tol.OK, tol.INFO) for k in (scale, -scale))


# "…收入140102万元，加上上级补助收入72000万元、…，减去上解上级支出16480万元、…，当年可用财力228337万元": the result
# of a chain is a total named as one (可用财力, 总收入, 总支出, 收入总计, 收入总量), in the clause right after the last term
_RESULT = re.compile("|".join(map(re.escape, claim_words().chain_results)))
_ADD = re.compile(r"加上|(?:^|[，,。；;])\s*(?:再)?加(?![强快大])")
_SUB = re.compile(r"(?:^|[，,。；;])\s*(?:再)?(?:减去|扣除|减)")


def _chains(ctx: Context) -> Iterator[Finding]:
    done: set[tuple] = set()
    for c in ctx.claims:
        key = (c.prov.block, c.prov.paragraph, c.sentence)
        if key in done or "加" not in c.sentence:
            continue
        done.add(key)
        found = _chain_in(ctx, c)
        if found is None:
            continue
        base, adds, subs, result = found
        if not subs and result.group is not None and base.group == result.group:
            continue  # a plain sum of one list: the sum family's enumeration
        terms = [tol.base_interval(base.quantity)] + [tol.base_interval(x.quantity) for x in adds]
        taken = tol.total([tol.base_interval(x.quantity) for x in subs] or [tol.Interval.exact(Decimal(0))])
        comp = tol.total(terms) - taken
        v = tol.verdict(result.quantity, comp.scale(1 / tol.factor(result.quantity)), ctx.settings)
        for x in (base, result, *adds, *subs):
            ctx.mark(x)
        if v in (tol.OK, tol.INFO):
            continue
        # 一般公共预算收入预计6185.00万元，…。上级补助收入5650.00万元，加上年结转1128.55万元，收入总计…: the figures
        # named before the one 加上 follows may be terms too
        wider = [*terms]
        fits = False
        for x in _levels_listed_before(ctx, base, result):
            wider.append(tol.base_interval(x.quantity))
            reading = (tol.total(wider) - taken).scale(1 / tol.factor(result.quantity))
            fits = fits or tol.verdict(result.quantity, reading, ctx.settings) in (tol.OK, tol.INFO)
        if fits:
            continue
        exact = (
            base.quantity.base_value
            + sum(x.quantity.base_value for x in adds)
            - sum(x.quantity.base_value for x in subs)
        ) / tol.factor(result.quantity)
        how = " + ".join(x.quantity.text for x in (base, *adds)) + "".join(f" − {x.quantity.text}" for x in subs)
        yield make_finding(
            CHAIN,
            v,
            claim_figure(result),
            f"{result.subject}写 {result.quantity.text}，而{base.subject} {base.quantity.text} 加上 "
            f"{'、'.join(x.quantity.text for x in adds)}"
            + (f"，减去 {'、'.join(x.quantity.text for x in subs)}" if subs else "")
            + f"，得 {fmt(exact)}{result.quantity.unit}",
            expected=exact,
            derivation=how,
            related=[x.prov for x in (base, *adds, *subs)],
            subject=result.subject,
        )


def _levels_listed_before(ctx: Context, base: Claim, result: Claim) -> list[Claim]:
    """The levels of the result's flow before the base in its paragraph, nearest first: no part of a list, no rate."""
    mine = sorted(ctx.paragraph_claims(base), key=span_start)
    return [
        x
        for x in reversed([x for x in mine if span_start(x) < span_start(base)])
        if _level(x) and x.relation != "part" and _flow(x) in (_flow(result), "")
    ]


def _chain_in(ctx: Context, c: Claim) -> tuple[Claim, list[Claim], list[Claim], Claim] | None:
    """The figures of a 加上…减去… sentence: its first term (printed before 加上 in the sentence, named right before
    it, or the figure its list of parts opens with), the terms added, those taken away and the result."""
    sentence = c.sentence
    mine = sorted((x for x in ctx.paragraph_claims(c) if x.sentence == sentence), key=span_start)
    placed = positions(sentence, mine)
    plus = _ADD.search(sentence)
    if plus is None:
        return None
    adds: list[Claim] = []
    subs: list[Claim] = []
    before: list[Claim] = []
    result: Claim | None = None
    minus_at = next((m.start() for m in _SUB.finditer(sentence) if m.start() > plus.start()), -1)
    for i, x in placed:
        if i < plus.start():
            before.append(x)
            continue
        if closes_unopened(sentence[i:]):
            continue  # 上级补助收入50.49亿元（其中：返还性收入6.12亿元…）: a term's own breakdown, no term
        if x.quantity.dimension != "money" or x.base or x.relation in ("share", "rate", "change"):
            return None  # a rate or a change inside the chain: not a plain sum
        clause = re.split(r"[，,；;。]", sentence[:i])[-1]
        if _RESULT.search(clause) and not clause.lstrip().startswith(("加", "减")):
            result = x
            break
        (subs if 0 <= minus_at < i else adds).append(x)
    if result is None or not adds:
        return None
    flow = flow_of(result.subject) or (INCOME if "财力" in result.subject else "")
    if not flow:
        return None
    head = sentence[: plus.start()].rstrip("，, ")
    # (…收入6420万元，完成调整预算6300万元的101.9%；加上级补助收入86万元: the budget a rate names is no term)
    levels = [
        x
        for j, (i, x) in enumerate(placed)
        if i < plus.start() and _level(x) and not named_in_a_rate(sentence, placed, j)
    ]
    rates_after = [x for x in before if levels and span_start(x) > span_start(levels[-1])]
    if levels and all(x.quantity.dimension in ("percent", "pp") for x in rates_after):
        base = levels[-1]  # 全区一般公共预算收入140102万元，加上… / …支出171.23亿元，完成调整预算92.3%，加上…
    else:
        if head:
            base_found = _named_before(ctx, c, head)
        else:
            # 加上市对区转移支付…: a sentence opening with 加上 goes on from the figure the list's first part is
            # (…收入48.64亿元，完成预算86.8%。加上…), which the list grammar puts in the result's list
            firsts = [
                x
                for x in ctx.paragraph_claims(c)
                if span_start(x) < span_start(mine[0]) and result.group is not None and x.group == result.group
            ]
            base_found = firsts[0] if len(firsts) == 1 else None
            if base_found is None and span_start(mine[0]) == min(span_start(x) for x in ctx.paragraph_claims(c)):
                base_found = _opening_level_before(ctx, c, flow_of(result.subject))
        if base_found is None:
            return None
        base = base_found
    if _flow(base) not in (flow, "") and "财力" not in result.subject:
        # (a paragraph opening with 加上 goes on from the figure the paragraph before opened with: …收入132.01亿元。¶加上…)
        return None
    if any(identities_contradict(_at_the_results_year(x, result), result.identity) for x in (base, *adds, *subs)):
        return None
    return base, adds, subs, result


def _at_the_results_year(x: Claim, result: Claim) -> Identity:
    """A term's identity, a balance carried in from the year before (加上年滚存结余12,751.70万元) taken at the result's
    year: last year's stock is this year's opening, a term of this year's chain."""
    was, now = x.identity.period, result.identity.period
    if was.isdigit() and now.isdigit() and int(was) + 1 == int(now) and _CARRIED_IN.search(x.subject):
        return replace(x.identity, period=now)
    return x.identity


_CARRIED_IN = re.compile(r"结转|结余|滚存")


_FUNDS_WHOLE = re.compile(
    r"^(?:全[省市县区州旗盟]|[省市县区州旗]本级|本级|地方|[\u4e00-\u9fff]{2,8}?[省市县区州旗])?"
    r"(?:一般公共预算|政府性基金预算?|国有资本经营预算?|社会保险基金预算?)(?:收入|支出)$"
)
_BREAKDOWN = re.compile(r"具体(?:为|是|包括)|其中|包括")


def _opening_level_before(ctx: Context, c: Claim, flow: str) -> Claim | None:
    """The figure the paragraph before opens with, where this one opens with 加上 (…一般公共预算收入完成132.01亿元，…。
    ¶加上上级补助收入168.45亿元、…，收入总计350.11亿元): the chain's first term, when it is a level of the result's
    flow in the same section."""
    block = c.prov.block
    if block is None or not flow:
        return None
    earlier = [x for x in ctx.claims if x.prov.block is not None and x.prov.block < block and x.section == c.section]
    if not earlier:
        return None
    last = max(x.prov.block or 0 for x in earlier)
    paragraph = sorted((x for x in earlier if x.prov.block == last), key=span_start)
    first = paragraph[0]
    if not (_level(first) and _flow(first) == flow and first.quantity.dimension == "money"):
        return None
    # only a fund's own whole (全县一般公共预算收入完成…), never an item the paragraph opens with (税收收入, 上级补助收入),
    # and only where the chain lists its terms plainly (no 具体为/其中 breakdown of a term inside it)
    if not _FUNDS_WHOLE.search(first.subject) or _BREAKDOWN.search(c.sentence):
        return None
    return first


def _named_before(ctx: Context, c: Claim, head: str) -> Claim | None:
    """一般公共预算收入加上…: the figure of that name printed earlier in the paragraph, when there is one."""
    name = subject_key(re.split(r"[，,；;。]", head)[-1])
    if not name:
        return None
    xs = [
        x
        for x in ctx.paragraph_claims(c)
        if span_start(x) < span_start(c) and _level(x) and subject_key(x.subject) == name
    ]
    return xs[0] if len({x.quantity.base_value for x in xs}) == 1 else None


# (结转下年支出3.90亿元; 收支相抵，年终结转90,900万元 / 年终结余)
_OFFSET = re.compile(
    r"收支相抵后?[，,]?\s*(?:(?:年终|年末)?结转下年(?:度)?(?:使用|支出)?|(?:年终|年末)(?:结转结余|结转|结余))$"
)


def _total_closing(ctx: Context, c: Claim, back: int, flow: str) -> list[Claim]:
    """The total of `flow` closing the paragraph `back` paragraphs before c's ("…收入合计8,034,650万元。" right before
    "全市一般公共预算支出…，支出合计7,522,770万元。收支相抵，年终结转结余511,880万元"): what the balance is struck
    against. [] where that paragraph ends on another figure."""
    if c.prov.paragraph is None or c.prov.table is not None:
        return []
    before = [
        x
        for x in ctx.claims
        if x.prov.paragraph == c.prov.paragraph - back and x.prov.table is None and x.quantity.dimension == "money"
    ]
    last = max(before, key=span_start, default=None)
    if last is None or not _level(last) or _flow(last) != flow or not _WITH_CARRY_OVER.search(last.subject):
        return []
    return [] if identities_contradict(last.identity, c.identity) else [last]


def _carried_forward(ctx: Context, wrong: Mapping[Provenance, Decimal | None]) -> Iterator[Finding]:
    """收入总计182.84亿元，…支出总计173.68亿元。收支相抵，结转下年8.74亿元: what is carried forward is the two totals'
    difference (each holding its carry-overs)."""
    for c in ctx.claims:
        at = c.sentence.find(c.quantity.text)
        if c.quantity.dimension != "money" or at < 0 or not _OFFSET.search(c.sentence[:at]):
            continue
        near = [x for x in ctx.paragraph_claims(c) if span_start(x) < span_start(c) and _level(x)]
        near = [x for x in near if not identities_contradict(x.identity, c.identity)]
        inc = [x for x in near if _flow(x) == INCOME and _WITH_CARRY_OVER.search(x.subject)]
        out = [x for x in near if _flow(x) == SPENDING and _WITH_CARRY_OVER.search(x.subject)]
        if not inc and near and not any(_flow(x) == INCOME for x in near) and _flow(near[0]) == SPENDING:
            inc = _total_closing(ctx, c, 1, INCOME)
        if not near:
            # 收支相抵，结转下年支出254440万元 in a paragraph of its own: the totals closing the paragraphs before it
            out = _total_closing(ctx, c, 1, SPENDING)
            earlier = [
                x for x in ctx.claims if out and x.prov.paragraph == out[0].prov.paragraph and x.prov.table is None
            ]
            inc = [x for x in earlier if _level(x) and _flow(x) == INCOME and _WITH_CARRY_OVER.search(x.subject)]
            inc = inc[-1:] or (_total_closing(ctx, c, 2, INCOME) if out else [])
        after = [x for x in near if inc and span_start(x) > span_start(inc[-1])]
        if not out and len(after) == 1 and _flow(after[0]) == SPENDING:
            # 收入总计194.12亿元。…支出177.66亿元，…。收支相抵: the one figure after the income total is the spending (not
            # where more follow it: …支出9,823万元，调出资金4,760万元，收支相抵)
            out = after
        if len(inc) != 1 or len(out) != 1:
            ctx.note(c, "未找到“收支相抵”唯一的收入总计和支出总计")
            continue
        a, b = inc[0], out[0]
        if a.quantity.base_value == b.quantity.base_value and c.quantity.value != 0:
            # 收入总计12.43亿元，支出总计12.43亿元，收支相抵，结转下年1.08亿元: the two totals balance, so the spending
            # total holds what is carried forward (not 收入 − 支出 = 0)
            ctx.note(c, "收入总计与支出总计相等，结转下年已计入支出总计，未按两者之差核对")
            continue
        ctx.mark(c)
        diff = (tol.base_interval(a.quantity) - tol.base_interval(b.quantity)).scale(1 / tol.factor(c.quantity))
        v = tol.verdict(c.quantity, diff, ctx.settings)
        if v in (tol.OK, tol.INFO):
            continue
        if _fits_the_chains_totals(ctx, c, a, b, wrong):
            ctx.note(c, "按收支总数各自的分项计算，结转下年相符；总数之误已另行报告")
            continue
        exact = (a.quantity.base_value - b.quantity.base_value) / tol.factor(c.quantity)
        yield make_finding(
            INCOME_LESS_SPENDING,
            v,
            claim_figure(c),
            f"收支相抵结转下年应为 {a.subject} {a.quantity.text} − {b.subject} {b.quantity.text} = "
            f"{fmt(exact)}{c.quantity.unit}，报告写 {c.quantity.text}",
            expected=exact,
            derivation=f"{a.quantity.text} − {b.quantity.text}",
            related=[a.prov, b.prov],
            subject=c.subject or "结转下年",
        )
