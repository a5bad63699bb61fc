"""debt_limit — a government's debt balance (余额) within its ceiling (限额), in a 限额及余额 table and in the text.

A 地方政府债务限额及余额情况表 prints, per region, the year's ceiling and the year-end balance, each as 合计 | 一般债务 |
专项债务. The law keeps each balance within its ceiling, and reports say so (各县区政府债务余额均未超过省核定的债务限额). A
balance printed above its own ceiling, in the same row, year and debt type, is reported: an error where the text states the
balances are within their ceilings, else a warning. The text's own pairs are read alike: a ceiling and the balance that
follows it of the same holder (临西县政府债务限额40.86亿元、余额41.27亿元). A balance said as a share of its ceiling
("为限额的96.2%", "分别为限额的92.0%和99.2%") is checked against the ceiling of its own holder and debt type.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from extractors.model import Claim, Fact, Provenance
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    claim_figure,
    fact_figure,
    fmt,
    identities_contradict,
    make_finding,
    rule,
    span_start,
)
from pipeline.findings import Finding

FAMILY = "debt_limit"
OVER = rule(
    FAMILY,
    "balance-over-limit",
    "error",
    "政府债务余额超过同一地区、同一年度的债务限额",
    "{region}{kind}余额 {balance} 超过限额 {limit}",
    "table",
    "narrative",
    "comparison",
)
RATIO = rule(
    FAMILY,
    "ratio-to-limit",
    "error",
    "“为限额的X%”与余额 ÷ 限额不符",
    "{balance}为限额的 {stated}%，按 {balance} ÷ {limit} 应为 {expected}%",
    "narrative",
    "arithmetic",
)
RULES = [OVER, RATIO]

_YEAR = re.compile(r"(20\d\d)")
_EACH = re.compile(r"均|各|分别|全部")
_FLOW = re.compile(r"新增|再融资|还本|付息|发行|调增|调减|增加|减少|空间")
_WITHIN = re.compile(r"余额[^。；;]{0,40}(?:均|都)?(?:未超过|没有超过|不超过|控制在|低于)[^。；;]{0,20}限额")


def _column_key(f: Fact) -> tuple[str, str, str] | None:
    """(限额 | 余额, year, debt type) of a cell under a 限额/余额 header; None for any other cell."""
    labels = [re.sub(r"\s", "", x) for x in f.column_labels if x and x.strip()]
    if not labels:
        return None
    head = labels[0]
    which = "限额" if "限额" in head else "余额" if "余额" in head else ""
    if not which or ("限额" in head and "余额" in head) or _FLOW.search(head):
        return None  # 2025年新增债务限额: the year's new ceiling, not the ceiling of the balance
    year = _YEAR.search(head)
    rest = [x for x in labels[1:] if not is_column_marker(x)]  # A=B+C, 1=2+3, 2: the column's number
    kind = rest[-1] if rest else "合计"
    if kind in ("小计", "合计", "总计"):
        kind = "合计"
    return which, year.group(1) if year else "", kind


def _within_said(ctx: Context) -> list[tuple[str, Provenance]]:
    """The sentences saying the balances are within their ceilings (a sentence with no figure of its own too)."""
    said = [(c.sentence, c.prov) for c in ctx.claims if _WITHIN.search(c.sentence)]
    if ctx.doc is not None:
        said += [
            (sentence, p.prov)
            for p in ctx.doc.paragraphs()
            for sentence in re.split(r"(?<=[。；;])", p.text)
            if _WITHIN.search(sentence)
        ]
    return said


def check(ctx: Context) -> Iterator[Finding]:
    rows: dict[tuple, dict[tuple[str, str, str], Fact | None]] = defaultdict(dict)
    for f in ctx.facts:
        # a table that prints no unit (吉林 2023年地方政府债务限额及余额决算情况表) still prints its ceilings and
        # balances in one unit: compared within the row
        if f.quantity.dimension not in ("money", "unknown") or f.prov.table is None or f.prov.row is None:
            continue
        key = _column_key(f)
        if key is not None:
            row = rows[(f.prov.table, f.prov.row)]
            row[key] = f if key not in row else None  # two columns of one key: which is meant is not known
    said: list[tuple[str, Provenance]] | None = None  # read only where a balance is over its ceiling
    for cells in rows.values():
        overs = [
            (year, kind, balance, limit)
            for (which, year, kind), balance in sorted(cells.items())
            if which == "余额"
            and balance is not None
            and (limit := cells.get(("限额", year, kind))) is not None
            and balance.quantity.unit == limit.quantity.unit
            and tol.base_interval(balance.quantity).lo > tol.base_interval(limit.quantity).hi
        ]
        totals = {year for year, kind, _b, _l in overs if kind == "合计"}
        for year, kind, balance, limit in overs:
            if kind != "合计" and year in totals:
                continue  # one breach, one finding: the row's total names the kinds over their own ceilings
            said = _within_said(ctx) if said is None else said
            region = "".join(balance.row_labels[:1]) if getattr(balance, "row_labels", None) else ""
            name = "政府债务" if kind == "合计" else kind
            # the text says so of this balance: of each region's (均, 各) or of this kind of debt by name
            claimed = next((x for x in said if _EACH.search(x[0]) or (kind != "合计" and kind in x[0])), None)
            stated = claimed is not None
            msg = (
                f"{region}{year and year + '年'}{name}余额 {fmt(balance.quantity.value)} 超过同行的债务限额 "
                f"{fmt(limit.quantity.value)}"
            )
            parts = [k for y, k, _b, _l in overs if y == year and k != "合计"] if kind == "合计" else []
            if parts:
                msg += "（其中" + "、".join(parts) + "余额亦超过其限额）"
            if stated:
                msg += "；而正文写债务余额未超过限额"
            yield make_finding(
                OVER,
                "error" if stated else "warning",
                fact_figure(balance, ctx.doc_year),
                msg,
                expected=limit.quantity.value,
                derivation=f"{fmt(balance.quantity.value)} > {fmt(limit.quantity.value)}",
                related=[limit.prov] + ([claimed[1]] if claimed is not None else []),
                subject=f"{region} {name}余额".strip(),
            )
    yield from _text_pairs(ctx)
    yield from _ratios_to_limits(ctx)


def _is_level(c: Claim) -> bool:
    return c.quantity.dimension == "money" and c.relation in ("", "total", "part") and not c.base


def _balance_of(limit: Claim, later: list[Claim]) -> Claim | None:
    """The balance stated for a ceiling's own holder and debt type: the next figure of its sentence when it is a
    bare 余额 (…限额40.86亿元、余额41.27亿元), or a later figure of its paragraph named as the ceiling is, with 余额
    for 限额 (全市政府债务限额…；全市政府债务余额…)."""
    own = limit.subject[: -len("限额")] + "余额"
    for x in later:
        if not _is_level(x):
            continue
        if x.sentence == limit.sentence and x.subject in ("余额", "债务余额") and x is later[0]:
            return x
        if x.subject == own:
            return x
    return None


def _text_pairs(ctx: Context) -> Iterator[Finding]:
    said: list[tuple[str, Provenance]] | None = None
    for limit in ctx.claims:
        if not _is_level(limit) or not limit.subject.endswith("限额") or _FLOW.search(limit.subject):
            continue
        at = limit.sentence.find(limit.quantity.text)
        if _FLOW.search(limit.sentence[: max(at, 0)]):
            continue  # 下达我县新增政府债务限额8.31亿元，其中一般债务限额1.46亿元: a part of the year's new ceiling
        at = limit.prov.span[0] if limit.prov.span else 0
        later = [
            x
            for x in sorted(ctx.paragraph_claims(limit), key=lambda x: x.prov.span[0] if x.prov.span else 0)
            if (x.prov.span[0] if x.prov.span else 0) > at and _is_level(x)
        ]
        balance = _balance_of(limit, later)
        if balance is None or identities_contradict(balance.identity, limit.identity) or _FLOW.search(balance.subject):
            continue
        if tol.base_interval(balance.quantity).lo <= tol.base_interval(limit.quantity).hi:
            continue
        said = _within_said(ctx) if said is None else said
        claimed = next((x for x in said if _EACH.search(x[0])), None)
        holder = limit.subject[: -len("限额")]
        msg = f"正文写{holder}限额 {limit.quantity.text}、余额 {balance.quantity.text}，余额超过限额"
        if claimed is not None:
            msg += "；而正文写债务余额未超过限额"
        yield make_finding(
            OVER,
            "error" if claimed is not None else "warning",
            claim_figure(balance),
            msg,
            expected=limit.quantity.value,
            derivation=f"{balance.quantity.text} > {limit.quantity.text}",
            related=[limit.prov] + ([claimed[1]] if claimed is not None else []),
            subject=f"{holder}余额",
        )


# 全省政府债务余额2517.3亿元，为限额的96.2%; 一般债务余额…、专项债务余额…，分别为限额的92.0%和99.2%; 为省级限额的96.8%
# (占限额的X% is a share the share family reads)
_OF_LIMIT = re.compile(r"(?:为|是|达到?)(?P<whose>[^，,；;。\d占]{0,8}?)(?:债务)?限额的\s*$")
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到?)[^，,；;。\d占]{0,12}限额的\s*$")
_CLASS = re.compile(r"一般债务|专项债务")


def _ratios_to_limits(ctx: Context) -> Iterator[Finding]:
    """A balance said as a share of its ceiling: the balance printed before it over the ceiling of the same holder and
    debt type printed in its paragraph (or, for "分别为限额的X%和Y%", each balance listed before 分别 over its own
    type's ceiling). Only where exactly one ceiling fits."""
    for c in ctx.claims:
        if c.quantity.dimension != "percent" or c.prov.table is not None:
            continue
        at = c.sentence.find(c.quantity.text)
        before_words = c.sentence[:at] if at >= 0 else ""
        said = _OF_LIMIT.search(before_words)
        respective = _RESPECTIVELY.search(before_words)
        if said is None and respective is None:
            # (…分别为限额的92.0%和99.2%: the second rate follows the first)
            previous = [
                x for x in ctx.sentence_claims(c) if x.quantity.dimension == "percent" and span_start(x) < span_start(c)
            ]
            gap = (
                c.sentence[c.sentence.find(previous[-1].quantity.text) + len(previous[-1].quantity.text) : at]
                if previous
                else ""
            )
            if not previous or not re.fullmatch(r"\s*[、和及与，,]\s*", gap):
                continue
            first_at = c.sentence.find(previous[0].quantity.text)
            respective = _RESPECTIVELY.search(c.sentence[:first_at])
            if respective is None:
                continue
        balance = _balance_for(ctx, c, respective is not None)
        if balance is None:
            ctx.note(c, "未找到“为限额的X%”所指的余额")
            continue
        whose = said.group("whose") if said is not None else ""
        limit = _limit_for(ctx, c, balance, whose)
        if limit is None:
            ctx.note(c, "未找到“为限额的X%”所指的唯一限额")
            continue
        ctx.mark(c)
        comp = tol.percent(tol.base_interval(balance.quantity), tol.base_interval(limit.quantity))
        v = tol.verdict(c.quantity, comp, ctx.settings) if comp is not None else tol.OK
        if v in (tol.OK, tol.INFO):
            continue
        exact = balance.quantity.base_value / limit.quantity.base_value * 100
        how = f"{balance.quantity.text} ÷ {limit.quantity.text} × 100"
        yield make_finding(
            RATIO,
            v,
            claim_figure(c),
            f"{balance.subject}为限额的 {c.quantity.text}，按{balance.subject} {balance.quantity.text} ÷ "
            f"{limit.subject} {limit.quantity.text} 应为 {fmt(exact, 2)}%",
            expected=exact,
            derivation=how,
            related=[balance.prov, limit.prov],
            subject=balance.subject,
        )


def _balance_for(ctx: Context, c: Claim, respective: bool) -> Claim | None:
    """The balance a ratio is of: the last balance before it in its sentence; after 分别, the balances listed before
    分别, in order, one per rate."""
    before = [
        x
        for x in ctx.sentence_claims(c)
        if span_start(x) < span_start(c) and x.quantity.dimension == "money" and "余额" in x.subject and not x.base
    ]
    if not respective:
        return before[-1] if before else None
    rates = (
        [
            x
            for x in ctx.sentence_claims(c)
            if x.quantity.dimension == "percent" and span_start(x) >= span_start(before[-1])
        ]
        if before
        else []
    )
    k = rates.index(c) if c in rates else -1
    run = before[-len(rates) :] if len(before) >= len(rates) else []
    if k < 0 or len(run) != len(rates) or len({_class(x.subject) for x in run}) != len(run):
        return None
    return run[k]


def _class(subject: str) -> str:
    m = _CLASS.search(subject)
    return m.group(0) if m else ""


def _limit_for(ctx: Context, c: Claim, balance: Claim, whose: str) -> Claim | None:
    """The one ceiling in the paragraph of the balance's debt type (一般债务, 专项债务 or the whole), holder and year."""
    kind = _class(balance.subject)
    limits = [
        x
        for x in ctx.paragraph_claims(c)
        if x.quantity.dimension == "money"
        and "限额" in x.subject
        and not _FLOW.search(x.subject)
        and _class(x.subject) == kind
        and not identities_contradict(x.identity, balance.identity)
    ]
    if whose.strip():
        limits = [x for x in limits if whose.strip() in x.subject]  # (为省级限额的: the 省级 ceiling, none other)
    scope = balance.identity.scope
    if scope:
        # (核定我省政府债务限额 names no scope: the whole region's ceiling, never a 省级/市本级 one)
        limits = [x for x in limits if x.identity.scope == scope or (not x.identity.scope and scope.startswith("全"))]
    values = {x.quantity.base_value for x in limits}
    return limits[-1] if len(values) == 1 else None
