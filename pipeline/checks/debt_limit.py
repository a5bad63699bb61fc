"""debt_limit — a government's debt balance (余额) within its ceiling (限额), in a 限额及余额 table and in the text.

A 地方政府债务限额及余额情况表 prints, per region, the year's ceiling and the year-end balance, each as 合计 | 一般债务 |
专项债务. The law keeps each balance within its ceiling, and reports say so (各县区政府债务余额均未超过省核定的债务限额). A
balance printed above its own ceiling, in the same row, year and debt type, is reported: an error where the text states the
balances are within their ceilings, else a warning. The text's own pairs are read alike: a ceiling and the balance that
follows it of the same holder (临西县政府债务限额40.86亿元、余额41.27亿元).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from extractors.model import Claim, Fact, Provenance
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks.base import Context, claim_figure, fact_figure, fmt, identities_contradict, make_finding, rule
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
RULES = [OVER]

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
