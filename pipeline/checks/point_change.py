"""point_change — a change in percentage points against the two percentages its sentence prints.

"民生支出占比80.1%，比上年的78.5%提高1.6个百分点", "执行率由92.1%提高到96.5%，提高4.4个百分点" and "占83.71%，
上年该比重为88.52%，比上年下降4.81个百分点" state both percentages and the change between them in one breath, so the
change must be their difference. A change in points whose other percentage is not printed beside it (占比68.2%，比上年提高2.1个百分点) is left alone: last year's share is
not a figure of the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from extractors.model import Claim
from pipeline import tolerance as tol
from pipeline.checks.base import Context, claim_figure, fmt, make_finding, rule
from pipeline.checks.compare import positions, sentences
from pipeline.findings import Finding

FAMILY = "point_change"
STATED = rule(
    FAMILY,
    "stated-vs-computed",
    "error",
    "百分点变化与同句所写两个百分比之差不符",
    "{subject}两个百分比之差应为 {expected} 个百分点，报告写 {stated}",
    "narrative",
    "arithmetic",
)
RULES = [STATED]

_UP = ("提高", "上升", "增加", "增长", "高出", "高于", "回升", "高", "升", "增")  # (升至, 增至 …)
_DOWN = ("下降", "降低", "减少", "回落", "下滑", "低于", "低", "降", "减")
_WORD = "|".join(sorted(_UP + _DOWN, key=len, reverse=True))
# L%，比上年的B%提高C个百分点 / L%，较全省平均水平（B%）高C个百分点 / L%，高于上年B% C个百分点
_VS = re.compile(r"^[，,]?\s*(?:比|较|与|同比|高于|低于)[^，,；;。\d%]{0,16}$")
_AFTER_BASE = re.compile(rf"^[)）]?\s*(?:的[^，,；;。\d%]{{0,8}})?(?:相比)?[，,]?\s*(?:{_WORD})?(?:出|了)?\s*$")
# 由(上年的)B%提高到L%，(提高)C个百分点 / 从B%降至L%，下降C个百分点
_FROM = re.compile(r"(?:由|从)[^，,；;。\d%]{0,16}$")
_TO = re.compile(rf"^\s*(?:{_WORD})?了?\s*(?:到|至|为)$")
_THEN = re.compile(rf"^[，,]\s*(?:{_WORD})?了?\s*$")
# L%，上年该比重为B%，比上年下降C个百分点
_LAST_YEARS = re.compile(r"^[，,；;]\s*(?:上年|去年|上一年)[^，,；;。\d%]{0,10}$")
_VS_LAST_YEAR = re.compile(rf"^[，,；;]\s*(?:比|较|同比)?(?:上年|去年|上一年)?(?:{_WORD})了?\s*$")
_CLAUSE_END = "，,；;。"


def _percent(c: Claim) -> bool:
    return c.quantity.dimension == "percent" and c.quantity.approx == "exact"


def _sign(words: str) -> int:
    """+1 / −1 by the last direction word in words, 0 when none."""
    found = [(words.rfind(w), w) for w in _UP + _DOWN if w in words]
    if not found:
        return 0
    _, w = max(found, key=lambda x: (x[0], len(x[1])))
    return 1 if w in _UP else -1


def _clause_before(sentence: str, at: int) -> str:
    start = max(sentence.rfind(p, 0, at) for p in _CLAUSE_END) + 1
    return sentence[start:at]


def _pair(sentence: str, placed: list[tuple[int, Claim]], k: int) -> tuple[Claim, Claim, int] | None:
    """(level, base, sign) of the change in points at placed[k], when its sentence prints both right before it."""
    if k < 2:
        return None
    (at_a, a), (at_b, b), (at_c, _) = placed[k - 2], placed[k - 1], placed[k]
    if not (_percent(a) and _percent(b)):
        return None
    end_a, end_b = at_a + len(a.quantity.text), at_b + len(b.quantity.text)
    between, after = sentence[end_a:at_b], sentence[end_b:at_c]
    if _VS.match(between) and _AFTER_BASE.match(after):
        sign = _sign(between + after)
        return (a, b, sign) if sign else None
    if b.role == "上年" and a.role != "上年" and _LAST_YEARS.match(between) and _VS_LAST_YEAR.match(after):
        sign = _sign(after)
        return (a, b, sign) if sign else None
    if _FROM.search(_clause_before(sentence, at_a)) and _TO.match(between) and _THEN.match(after):
        sign = _sign(between + after)
        return (b, a, sign) if sign else None
    return None


def check(ctx: Context) -> Iterator[Finding]:
    for sentence, claims in sentences(ctx):
        placed = positions(sentence, claims)
        for k, (_, c) in enumerate(placed):
            if c.quantity.dimension != "pp":
                continue
            pair = _pair(sentence, placed, k)
            if pair is None:
                continue
            level, base, sign = pair
            ctx.mark(c)
            li, bi = tol.interval(level.quantity, ctx.settings), tol.interval(base.quantity, ctx.settings)
            comp = (li - bi).scale(Decimal(sign))
            v = tol.verdict(c.quantity, comp, ctx.settings)
            if v in (tol.OK, tol.INFO):
                continue
            exact = (level.quantity.value - base.quantity.value) * sign
            word = "提高" if sign > 0 else "下降"
            a, b = fmt(level.quantity.value), fmt(base.quantity.value)
            how = f"{a} − {b}" if sign > 0 else f"{b} − {a}"
            subject = level.subject or c.subject
            yield make_finding(
                STATED,
                v,
                claim_figure(c),
                f"{subject} {level.quantity.text} 与 {base.quantity.text} 相比{word}应为 {how} = "
                f"{fmt(exact, max(c.quantity.decimals, 1))} 个百分点，报告写 {c.quantity.text}",
                expected=exact,
                derivation=how,
                related=[level.prov, base.prov],
                subject=subject,
            )
