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
from collections.abc import Iterator

from extractors.lists import INCOME, SPENDING, flow_of
from extractors.model import Claim
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    claim_figure,
    fmt,
    identities_contradict,
    make_finding,
    rule,
    span_start,
    subject_key,
)
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
RULES = [INCOME_LESS_SPENDING]

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
    inside = listed >= 0  # there the fund's own figures are parts of the breakdown, and are its levels
    if inside:
        before = [x for x in before if x.sentence == c.sentence and x.sentence.find(x.quantity.text) > listed]
        before = [x for x in before if x.quantity.dimension == "money" and not x.base and x.relation in ("", "part")]
    out: list[Claim] = []
    for x in before:
        if _is_years_balance(x):
            out = []
        elif (
            (_level(x) or inside) and not identities_contradict(x.identity, c.identity) and "其中" not in _own_clause(x)
        ):
            out.append(x)
    return out


def _flow(x: Claim) -> str:
    """What a figure measures by its own clause's words ("，支出10000万元" is spending whatever subject it carries
    over from the clause before), else by its subject."""
    return flow_of(_own_clause(x)) or flow_of(x.subject)


def _own_clause(x: Claim) -> str:
    """The words of the figure's own clause ("." ends a sentence where it stands between no digits)."""
    return re.split(r"[，,；;。：:]|(?<!\d)\.(?!\d)", x.lead or "")[-1]


_NAMED = re.compile(r"(?P<a>[^，,。；;、]{2,20}?)减(?:去)?(?P<b>[^，,。；;、]{2,20}?)[，,]?\s*[^，,。；;]{0,12}$")
_WITH_CARRY_OVER = re.compile(r"总计|合计")
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
    xs = chosen or [x for x in xs if not _WITH_CARRY_OVER.search(x.subject)]
    return xs[-1] if xs and len({x.quantity.base_value for x in xs}) == 1 else None


def check(ctx: Context) -> Iterator[Finding]:
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
