"""repeat — one figure (same item and the same identity: scope, fund, measure, period) printed with different
values in two places of the narrative.

Printings are compared only when their identities agree on every component either states
(`extractors.identity`); where a component is missing on one side and the document uses several values of it,
the pair is reported as `info`, never as an error. Among the printings of one figure the majority value is
taken as right, so the finding names the printing that is out of line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from extractors.identity import DIFFERENT, SAME, last_word
from extractors.model import Claim
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    Figure,
    claim_figure,
    describe,
    fmt,
    make_finding,
    rule,
    subject_key,
    weak_subject,
)
from pipeline.findings import Finding

FAMILY = "repeat"
DIFFERENT_VALUES = rule(
    FAMILY,
    "different-values",
    "error",
    "同一数字两处写法不同",
    "{subject}在{first}写 {a}，在{second}写 {b}",
    "narrative",
    "cross-reference",
)
UNSETTLED_IDENTITY = rule(
    FAMILY,
    "identity-unsettled",
    "info",
    "同名数字两处不同，口径未能确定是否相同",
    "{subject}在{first}写 {a}，在{second}写 {b}；两处的范围/资金/口径/年度未能确定是否相同",
    "narrative",
    "cross-reference",
)
RULES = [DIFFERENT_VALUES, UNSETTLED_IDENTITY]
MAX_UNSETTLED = 20  # per document: undecidable pairs are listed, not allowed to bury the errors


def _where(f: Figure) -> str:
    c = f.obj
    section = getattr(c, "section", "")
    sec = section.split("›")[-1].strip() if section else ""
    if sec and getattr(c, "sentence", "").strip().startswith(sec.rstrip("…")):
        return f.prov.render()  # 3.年末结转和结余112.94万元，其中…: a numbered paragraph heads only itself
    return sec[:12] or f.prov.render()


def _same_paragraph(a: Figure, b: Figure) -> bool:
    return (a.prov.block, a.prov.paragraph) == (b.prov.block, b.prov.paragraph)


_ITEM_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.、．](?!\d)|\s*[（(]\s*(\d{1,2})\s*[）)]")


def _sibling_items(a: Figure, b: Figure) -> bool:
    """Figures opening two numbered items of one list (1.“社会保障和就业支出”科目142.36万元，主要用于…养老保险…; 2.“社会
    保障和就业支出”科目56.94万元，主要用于…职业年金…): the numbers set the items apart, whatever name they share."""
    ca, cb = a.obj, b.obj
    if not isinstance(ca, Claim) or not isinstance(cb, Claim):
        return False
    la, lb = _ITEM_NUMBER.match(ca.sentence), _ITEM_NUMBER.match(cb.sentence)
    if la is None or lb is None or (la.group(1) is None) != (lb.group(1) is None):
        return False
    return la.group(0).strip() != lb.group(0).strip() and _list_of(ca) == _list_of(cb)


def _list_of(c: Claim) -> str:
    """The heading path over a numbered item: its section without the item itself (a numbered paragraph heads itself)."""
    head, _, last = c.section.rpartition("›")
    return head.strip() if last.strip() and c.sentence.startswith(last.strip().rstrip("…")[:8]) else c.section


def _candidates(ctx: Context) -> dict[tuple, list[Figure]]:
    keyed: dict[tuple, list[Figure]] = defaultdict(list)
    for c, num, den in ctx.cache.get("shares", []):  # shares: same part and the same whole (share resolved both)
        part = subject_key(num.subject or c.subject)
        if weak_subject(part) or len(part) < 3:
            continue  # 实际支出…，支出占全市实际支出的19.14%: a bare 支出 names no part (each district's own paragraph)
        keyed[("share", part, den.key, den.quantity.base_value)].append(claim_figure(c))
    for c in ctx.claims:
        if c.quantity.dimension != "money" or c.relation in ("share", "rate", "change", "per-capita"):
            continue
        if c.base and _last_year_named(c):
            continue  # 较上年预算6512.70万元增加…: last year's figure, the base of a change, no printing of this year's
        k = subject_key(c.subject)
        if weak_subject(k) or len(k) < 3:  # 支出 / 采购 / 拨付资金 name nothing specific enough to compare
            continue
        if _BODY_ONLY.search(c.subject.strip()) and not c.identity.part_of:
            continue  # 分单位看：江苏省水利厅本级10656.97万元: a body's figure of an item its words do not name
        keyed[("amount", k, _ceiling_or_stock(ctx, c))].append(claim_figure(c))
    return keyed


_LAST_YEAR_BASE = re.compile(r"(?:比|较|与|同)\s*(?:上年|去年|上一年|上年度|20\d\d\s*年度?)")


def _last_year_named(c: Claim) -> bool:
    """Whether a comparison base's own words name an earlier year (较上年预算6512.70万元, 比2023年度的…)."""
    at = c.sentence.find(c.quantity.text)
    clause = re.split(r"[，,；;。]", c.sentence[: at if at >= 0 else 0])[-1]
    return bool(_LAST_YEAR_BASE.search(clause))


# a subject that names a body and no item (江苏省水利厅本级, 江苏省水文水资源勘测局, 局机关)
_BODY_ONLY = re.compile(r"(?:厅|局|委员会|委|办公室|办|院|处|所|站|中心|馆|队|学校|医院|公司|本级|机关|本部|单位)$")


_DEBT_MEASURE = re.compile(r"限额(?!以?内)|余额")  # (控制在限额以内 names no ceiling figure)


def _ceiling_or_stock(ctx: Context, c: Claim) -> str:
    """限额 or 余额 where a debt figure's own words, or the words of its paragraph before it, name one ("全市政府债务限额…。
    分级次看，市本级112.43亿元，其中：一般债务40.21亿元" beside "全市政府债务余额…。市本级…其中：一般债务39.59亿元": two
    figures, a ceiling and a stock)."""
    own = _DEBT_MEASURE.findall(c.subject)
    if own:
        return own[-1]
    at = c.sentence.find(c.quantity.text)
    before = "".join(_sentences_before(ctx, c)) + c.sentence[: max(at, 0)]
    said = _DEBT_MEASURE.findall(before)
    return said[-1] if said else ""


def _sentences_before(ctx: Context, c: Claim) -> list[str]:
    """The sentences of c's paragraph before its own, in order."""
    sentences: list[str] = []
    for x in ctx.paragraph_claims(c):
        if x is c:
            break
        if not sentences or sentences[-1] != x.sentence:
            sentences.append(x.sentence)
    return [t for t in sentences if t != c.sentence]


def _scope_carried(ctx: Context, f: Figure) -> bool:
    """Whether a claim's scope comes from an earlier paragraph, not from its own words or its paragraph."""
    c = f.obj
    if not isinstance(c, Claim) or not c.identity.scope or last_word("scope", c.subject):
        return False
    said = [*_sentences_before(ctx, c), c.sentence]
    return not any(last_word("scope", s, phrase_start=False) for s in said)


def _of_the_other_scope(ctx: Context, f: Figure, ref: Figure, figs: list[Figure]) -> tuple[Figure, Figure] | None:
    """上级补助收入263998万元中，…。调入资金8195万元，其中… after the 县本级 paragraph (调入资金6024万元) and the 全县 one
    (调入资金8195万元): a figure whose scope is only carried over from an earlier paragraph, equal to the same item of
    another scope, is more likely that scope's figure than a slip: (the printing that carries it, the other scope's)."""
    for mine, theirs in ((f, ref), (ref, f)):
        if not _scope_carried(ctx, mine):
            continue
        for g in figs:
            if (
                g is not mine
                and g.identity.scope
                and g.identity.scope != mine.identity.scope
                and g.identity.scope != theirs.identity.scope
                and _agree(g, mine)
                and not _same_paragraph(g, mine)
            ):
                return mine, g
    return None


def _verdict(a: Figure, b: Figure) -> str:
    # 65,400.00元 and 6.54万元 are one figure: printings in different units are compared in base units,
    # within the rounding of the coarser one
    return tol.printings_verdict(a.quantity, b.quantity)


def _agree(a: Figure, b: Figure) -> bool:
    return _verdict(a, b) == tol.OK


def _in_unit_of(ref: Figure, f: Figure) -> Decimal:
    """ref's value in f's printed unit (the expected value of a finding on f)."""
    k = tol.factor(f.quantity)
    if k == tol.factor(ref.quantity):
        return ref.quantity.value
    return tol.base_interval(ref.quantity).mid / k


def _majority(figs: list[Figure]) -> list[Figure]:
    """The printings that agree with most others (the earliest wins a tie)."""
    best: list[Figure] = []
    for f in figs:
        group = [g for g in figs if _agree(f, g)]
        if len(group) > len(best):
            best = group
    return best


def _message(key: str, what: str, ref: Figure, f: Figure, ref_count: int) -> str:
    msg = f"{key}{what}在{_where(ref)}写 {ref.quantity.text.strip()}"
    if ref_count > 1:
        msg += f"（共{ref_count}处如此）"
    return msg + f"，在{_where(f)}写 {f.quantity.text.strip()}；同一数字应一致"


def check(ctx: Context) -> Iterator[Finding]:
    unsettled = 0
    for key, figs in _candidates(ctx).items():
        if len(figs) < 2:
            continue
        what = "占比" if key[0] == "share" else ""
        for cluster in ctx.identity_clusters(figs):
            if len(cluster) < 2:
                continue
            good = _majority(cluster)
            ref = good[0]
            for f in cluster:
                if any(f is g for g in good) or all(_same_paragraph(f, g) or _sibling_items(f, g) for g in good):
                    continue  # one paragraph naming a figure twice is usually two roles; other families judge it
                v = _verdict(ref, f)
                if v == tol.OK:
                    continue  # agrees with the reference within rounding, though not with the whole majority
                msg = _message(key[1], what, ref, f, len(good))
                if v == tol.WARNING:
                    msg += "（两数只差末位一个单位）"
                carried = _of_the_other_scope(ctx, f, ref, figs)
                if carried is not None:
                    mine, other = carried
                    v = "info"
                    msg += (
                        f"；但{mine.prov.render()}未写明范围（{mine.identity.scope}取自上文），而该数与"
                        f"{other.identity.scope}的{key[1]}（{other.prov.render()}）相同，可能写的是"
                        f"{other.identity.scope}的数，请核对"
                    )
                yield make_finding(
                    DIFFERENT_VALUES,
                    v,
                    f,
                    msg,
                    expected=_in_unit_of(ref, f),
                    derivation=f"{_where(ref)}：{fmt(ref.quantity.value)}",
                    related=[g.prov for g in good],
                    subject=describe(f, key[1]),
                )
        if unsettled >= MAX_UNSETTLED:
            continue
        for i, f in enumerate(figs):
            for g in figs[:i]:
                if (
                    _same_paragraph(f, g)
                    or _sibling_items(f, g)
                    or _agree(f, g)
                    or ctx.relation(f, g) in (SAME, DIFFERENT)
                ):
                    continue
                unsettled += 1
                yield make_finding(
                    UNSETTLED_IDENTITY,
                    "info",
                    f,
                    f"{key[1]}{what}在{_where(g)}写 {g.quantity.text.strip()}（{g.identity.render() or '口径未写明'}），"
                    f"在{_where(f)}写 {f.quantity.text.strip()}（{f.identity.render() or '口径未写明'}）；"
                    "两处的范围、资金、口径或年度未能确定是否相同，请核对",
                    expected=g.quantity.value,
                    related=[g.prov],
                    subject=describe(f, key[1]),
                )
                break
