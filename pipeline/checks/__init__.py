"""Rule families: one module each; `run_checks` runs them all, `RULES` is the catalogue.

A family module exposes `RULES: list[Rule]` and `check(ctx) -> Iterable[Finding]`. Order matters only
where a family reads what an earlier one left in the context (share → repeat; all → unresolved last).

Each rule declares the report kinds it is written for (`Rule.kinds`, "*" for any kind): on a document of
another kind its findings are not made (a family none of whose rules apply is not run at all), and on a
document of unrecognised kind (`other`) only the rules that need no kind knowledge run, at most at warning.
"""

from __future__ import annotations

import importlib
import inspect
from decimal import Decimal
from types import ModuleType

from extractors.model import Claim, Document, Fact, OutlineEntry, Provenance
from extractors.report_kind import OTHER, classify
from extractors.units import unit_info
from pipeline.checks.base import Context
from pipeline.checks.crossing import one_wrong_cell, rate_and_sum
from pipeline.checks.derivation import recomputed
from pipeline.checks.unresolved import split_dense
from pipeline.findings import SEVERITY_RANK, Finding, Rule
from pipeline.tolerance import DEFAULT, Settings

FAMILIES = (
    "share",
    "repeat",
    "sum",
    "balance",
    "formula",
    "region",
    "adjustment",
    "percent_column",
    "cross_table",
    "narrative_table",
    "item_code",
    "rate",
    "change",
    "point_change",
    "direction",
    "scoresheet",
    "numbering",
    "procurement",
    "debt_limit",
    "debt_roll",
    "reason",
    "mirror",
    "execution",
    "template",
    "unresolved",
)


def _modules() -> list[ModuleType]:
    mods: list[ModuleType] = []
    for name in FAMILIES:
        try:
            mods.append(importlib.import_module(f"pipeline.checks.{name}"))
        except ModuleNotFoundError as e:
            if e.name != f"pipeline.checks.{name}":
                raise
    return mods


def _catalogue() -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for m in _modules():
        for r in getattr(m, "RULES", []):
            if r.id in out:
                raise ValueError(f"duplicate rule id {r.id}")
            out[r.id] = r
    return out


RULES: dict[str, Rule] = _catalogue()


def _call(m: ModuleType, ctx: Context, claims: list[Claim], facts: list[Fact], outline: list[OutlineEntry]):
    fn = getattr(m, "check", None) or m.run
    if len(inspect.signature(fn).parameters) >= 3:  # a family written against the bare contract
        return fn(claims, facts, outline)
    return fn(ctx)


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _dedupe(findings: list[Finding], facts: list[Fact] | None = None, doc_year: int | None = None) -> list[Finding]:
    """One inconsistency → one finding per rule: the same rule at the same place and value once; one wrong cell that
    throws out two sums → one finding on that cell (pipeline.checks.crossing)."""
    seen: dict[tuple, int] = {}
    out: list[Finding] = []
    for f in findings:
        key = (f.rule, f.prov, f.stated_value)
        if key in seen:
            # (an info where the base was unsure, then the error the amount and rate printed with it make certain)
            if _SEVERITY_RANK[f.severity] > _SEVERITY_RANK[out[seen[key]].severity]:
                out[seen[key]] = f
            continue
        seen[key] = len(out)
        out.append(f)
    merged = _one_cell_one_finding(_blame_the_amount(_drop_superseded(_merge_repeated_arithmetic(out))))
    # after the crossings: a crossing found anew, and two specific rules on one cell (which crossed nothing)
    crossed = one_wrong_cell(merged, facts or [], doc_year)
    crossed = _one_cell_one_finding(rate_and_sum(crossed, facts or [], doc_year), final=True)
    return _one_share_one_finding(
        _one_text_figure_one_finding(_text_backs_the_cell(_blame_the_input(_settle_by_the_rate(crossed, facts or []))))
    )


GENERIC_SHARE = "share.stated-vs-computed"


def _one_share_one_finding(findings: list[Finding]) -> list[Finding]:
    """A text share that a rule of its own kind finds out (procurement.sme-share: 授予中小企业合同金额…占政府采购支出总额的
    92.98%) and the generic share rule finds out the same way, same figure and same expected share: one slip, one
    finding — the specific rule's, naming the other."""

    def key(f: Finding) -> tuple | None:
        if f.prov.table is not None or f.severity == "info" or f.stated_value is None or f.expected_value is None:
            return None
        return (f.prov, f.stated_value, f.expected_value.quantize(f.stated_value, rounding="ROUND_HALF_UP"))

    specific = {
        k: f for f in findings if f.rule != GENERIC_SHARE and f.rule.endswith("share") and (k := key(f)) is not None
    }
    out: list[Finding] = []
    for f in findings:
        k = key(f) if f.rule == GENERIC_SHARE else None
        other = specific.get(k) if k is not None else None
        if other is None:
            out.append(f)
        elif f.rule not in other.explanation:
            other.explanation += f"；另经 {f.rule} 核对，结论相同"
    return out


def _one_text_figure_one_finding(findings: list[Finding]) -> list[Finding]:
    """A text total found not to balance the other total of its sentence (balance.totals-balanced) by the same amount as
    another rule finds it out (支出总计3783000万元 against its restatement, 3738000): one inconsistency, the other
    rule's finding naming this one."""
    others: dict[tuple, Finding] = {}
    for f in findings:
        if f.rule != BALANCED and f.severity != "info" and f.prov.table is None and f.expected_value is not None:
            others.setdefault((f.prov, f.stated_value, f.expected_value), f)
    out: list[Finding] = []
    for f in findings:
        other = others.get((f.prov, f.stated_value, f.expected_value)) if f.rule == BALANCED else None
        if other is None:
            out.append(f)
        elif f.rule not in other.explanation:
            other.explanation += f"；另经 {f.rule} 核对，结论相同"
    return out


BALANCED = "balance.totals-balanced"


def _text_backs_the_cell(findings: list[Finding]) -> list[Finding]:
    """A text amount found to differ from a table cell that another finding already says is wrong, and says should be
    what the text prints (…行政区划和地名管理（项）支出418.00万元 against 481.00, where the table's own sums make that cell
    418): the text is right, so its finding joins the cell's."""
    wrong = {f.prov: f for f in findings if f.prov.table is not None and f.severity != "info" and f.expected_value}
    dropped: set[int] = set()
    for f in findings:
        if f.rule not in TEXT_VS_CELL or f.prov.table is not None or f.severity == "info":
            continue
        cell = next((wrong[p] for p in f.related if p in wrong and wrong[p] is not f), None)
        if cell is None or f.stated_value is None or cell.expected_value is None:
            continue
        a, b = unit_info(cell.unit), unit_info(f.unit)
        if a is None or b is None or a.base_unit != b.base_unit:
            continue  # the cell in 元, the text in 万元: compared in the text's unit
        unit = Decimal(10) ** int(f.stated_value.as_tuple().exponent)
        if abs(cell.expected_value * a.factor / b.factor - f.stated_value) > unit:
            continue
        dropped.add(id(f))
        cell.related.append(f.prov)
        cell.explanation += f"；正文 {f.prov.render()} 写 {f.stated_value}，与此格应有数相符"
    return [f for f in findings if id(f) not in dropped]


# a text amount found to differ from its table (the amount finding) and a rate or share computed from that amount
AMOUNT_VS_TABLE = ("narrative_table.mismatch", "template.narrative-vs-table")
# …and those that name the cells they compare with (a 科目's path against its rows) and so can be backed by one
TEXT_VS_CELL = (*AMOUNT_VS_TABLE, "item_code.path-vs-rows", "scoresheet.total-in-text")
REPEATED = "repeat.different-values"
UNDECIDED = "；两处各印一次，未能判断哪一处有误，请两处都核对"  # narrative_table's words for a tie
RATE_OF_AMOUNT = (
    "rate.completion",
    "rate.execution-text",
    "template.rate",
    "share.stated-vs-computed",
    "template.share",
)


def _blame_the_amount(findings: list[Finding]) -> list[Finding]:
    """A rate that is wrong only because its amount is (支出决算3468.25万元，完成年初预算的96.31%, where the table
    prints 3486.25 and 3486.25 ÷ 3620.00 = 96.31%): the rate fits the table's printing of its amount, so the text's
    amount is the figure out of line. The rate's finding is dropped and the amount's says so."""
    amounts: dict[Provenance, tuple[Finding, Decimal, Decimal]] = {}  # the text amount's place → finding, text, table
    for f in findings:
        if f.rule not in AMOUNT_VS_TABLE or f.severity == "info" or not f.stated_value or not f.expected_value:
            continue
        if f.prov.table is None:
            amounts.setdefault(f.prov, (f, f.stated_value, f.expected_value))
            continue
        printed = next((p for p in f.related if p.table is None and p.paragraph is not None), None)
        if printed is not None:  # the table's cell against the text's one printing
            amounts.setdefault(printed, (f, f.expected_value, f.stated_value))
    for f in findings:
        # one amount printed twice in the text with two values (公务接待费支出决算为3.46万元 … 3.公务接待费支出3.64万元):
        # either printing may be the slip, the one whose rate or sum fits the other's value is
        if f.rule != REPEATED or f.severity == "info" or not f.stated_value or not f.expected_value:
            continue
        other = next((p for p in f.related if p.table is None and p.paragraph is not None), None)
        if f.prov.table is None and other is not None:
            amounts.setdefault(f.prov, (f, f.stated_value, f.expected_value))
            amounts.setdefault(other, (f, f.expected_value, f.stated_value))
    if not amounts:
        return findings
    dropped: set[int] = set()
    for f in findings:
        if f.rule.startswith(_ADDED) and f.severity != "info" and f.stated_value is not None and f.expected_value:
            _sum_of_the_amount(f, amounts, dropped)
            continue
        if f.rule not in RATE_OF_AMOUNT or f.severity == "info" or not f.related or f.expected_value is None:
            continue
        if f.related[0] not in amounts or f.stated_value is None:
            continue
        at = f.related[0]
        amount, text, table = amounts[at]
        refit = f.expected_value * table / text
        half = Decimal(5) * Decimal(10) ** (int(f.stated_value.as_tuple().exponent) - 1)
        if abs(refit - f.stated_value) > half:
            continue
        _joins_the_amount(
            f,
            amount,
            f"所写 {f.stated_value}% 按{_other_printing(amount)} {table} 计算相符（{refit.quantize(Decimal('0.01'))}%）",
            text,
            dropped,
            at,
        )
    return [f for f in findings if id(f) not in dropped]


def _joins_the_amount(f: Finding, amount: Finding, fits: str, text: Decimal, dropped: set[int], at: Provenance) -> None:
    """f is dropped: the amount's finding names it, and says the printing f used (at) is the figure out of line; a
    finding that stood on the other printing (the table's cell, or the text's other printing) moves to it."""
    dropped.add(id(f))
    amount.related.append(f.prov)
    amount.explanation = amount.explanation.replace(UNDECIDED, "") + f"；{f.prov.render()} {fits}，误在正文数 {text}"
    if amount.prov == at or at.paragraph != f.prov.paragraph or at.table is not None:
        return
    if str(text) not in "".join(f.stated_text.split()).replace(",", ""):
        return  # the text prints the amount in another unit: the finding stays where it is
    other, value = amount.prov, amount.stated_value
    amount.related = [other] + [p for p in amount.related if p != at]
    amount.prov, amount.stated_text = at, f.stated_text
    amount.stated_value, amount.expected_value = text, value
    amount.derivation = f"{other.render()} 印 {value}"


def _other_printing(amount: Finding) -> str:
    return "另一处所印数" if amount.rule == REPEATED else "表中数"


def _sum_of_the_amount(
    f: Finding, amounts: dict[Provenance, tuple[Finding, Decimal, Decimal]], dropped: set[int]
) -> None:
    """A sum or a difference that holds once a text amount takes its table's value (支出总量297,120 = 政府性基金预算支出
    213,560 + … fails by 18,000, and the table prints 231,560): the sum is right and the text's amount is the figure out
    of line; the sum's finding joins the amount's."""
    for p in f.related:
        if p not in amounts:
            continue
        amount, text, table = amounts[p]
        if not _shifted_fits(f, text, table, amount.unit):
            continue
        fits = f"所写 {f.stated_value} 按{_other_printing(amount)} {table} 计算相符（{f.rule} 按正文数算得 {f.expected_value}）"
        _joins_the_amount(f, amount, fits, text, dropped, p)
        return


# the generic sums of a table's rows: where a more specific rule (a score sheet's 总分) finds the same cell out by the
# same amount, its finding stands
_GENERIC_RULES = ("sum.table-",)
# rules whose result is a product or a ratio of the figures on their `related` list
_COMPUTED = ("rate.", "share.", "scoresheet.score-rate", "template.rate", "template.share", "percent_column.")


def _rank(f: Finding) -> int:
    """Which finding of one cell speaks for it: the crossing of two checks (sum.table-cell, which names both), then a
    specific rule's, then a generic sum's."""
    return 2 if f.rule == "sum.table-cell" else 1 if not f.rule.startswith(_GENERIC_RULES) else 0


def _one_cell_one_finding(findings: list[Finding], final: bool = False) -> list[Finding]:
    """One table cell found out by the same amount by a table sum and by a specific rule (总分 94 against its items'
    93 by scoresheet.total and by sum.table-rows), or by two rules reading one column's formula (完成预算% › 3=2/1 by
    formula.column and percent_column), is one inconsistency: the most specific finding, naming the others."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        if f.severity == "info" or f.stated_value is None or f.expected_value is None or f.prov.table is None:
            continue
        key = (f.prov.render(), f.stated_value, f.expected_value)
        if key not in best or _rank(f) > _rank(best[key]):
            best[key] = f
    out = []
    for f in findings:
        kept = best.get((f.prov.render(), f.stated_value, f.expected_value))
        if kept is None or kept is f or f.severity == "info" or _rank(f) > _rank(kept) or (not final and _rank(f)):
            out.append(f)  # before the crossings, specific findings all stay: two of them may cross on a cell
            continue
        if f.rule not in kept.explanation:
            kept.explanation += f"；另经 {f.rule} 核对，结论相同"
    return out


# a sum or a difference: a figure it is computed from that is out by d throws it out by d too
_DECLARED = ("formula.column",)  # a column a table's own formula computes (5=4/3, D=E+F) from figures of its row
_ADDED = (
    "sum.enumeration",
    "change.stated-vs-computed",
    "template.change",
    "template.sum",
    "sum.table-rows",
    "balance.add-subtract",  # 年末滚存结余 = 当年收支结余 + 上年滚存: worked on a 当年收支结余 found wrong itself
    "balance.income-less-spending",
)


def _fits_corrected_input(f: Finding, src: Finding) -> bool:
    """Whether f's stated figure is what f computes once src's figure is corrected: scaled by the correction for a
    rate or share, shifted by it for a sum or a difference (基本支出1,785.47 = 人员经费 1,561.83 + 公用经费 223.64, where
    the text prints 人员经费 1,651.83 and its table 1,561.83: the total is right, the part is not)."""
    assert f.stated_value is not None and f.expected_value is not None
    assert src.stated_value is not None and src.expected_value is not None
    unit = Decimal(10) ** int(f.stated_value.as_tuple().exponent)
    if f.rule.startswith(_COMPUTED) or f.unit in ("%", "％"):
        if not src.stated_value or not src.expected_value:
            return False
        ratios = (src.expected_value / src.stated_value, src.stated_value / src.expected_value)
        if any(abs(f.expected_value * r - f.stated_value) <= unit for r in ratios):
            return True
        # the input sits inside a longer formula (a change's 2.90 ÷ (18.74 + 2.90), where the text's total 18.74 sums
        # to 18.47 and 2.90 ÷ (18.47 + 2.90) is the 13.57% printed): the finding's own derivation, recomputed
        refit = recomputed(f.expected_value, f.derivation, src.stated_value, src.expected_value)
        return refit is not None and abs(refit - f.stated_value) <= unit
    return _shifted_fits(f, src.stated_value, src.expected_value, src.unit)


def _shifted_fits(f: Finding, was: Decimal, should: Decimal, unit: str) -> bool:
    """Whether f's stated figure is its expected one moved by an input's correction (was → should, printed in `unit`):
    a sum or a difference moves by what its input moves, up or down."""
    assert f.stated_value is not None and f.expected_value is not None
    a, b = unit_info(unit), unit_info(f.unit)
    if a is None or b is None or a.base_unit != b.base_unit:
        return False
    shift = (should - was) * a.factor / b.factor
    last = Decimal(10) ** int(f.stated_value.as_tuple().exponent)
    return any(abs(f.expected_value + k * shift - f.stated_value) <= last for k in (1, -1))


def _blame_the_input(findings: list[Finding]) -> list[Finding]:
    """A computed figure (a rate, a share, a score) that is wrong only because a figure it is computed from is, and
    that figure has its own finding (执行率 95.12% found for 92.15%, and 得分 = 分值 × 执行率 computed from it): the
    computed figure fits the corrected input, so it is no inconsistency of its own. Its finding is dropped and the
    input's says so."""
    wrong: dict[Provenance, Finding] = {}
    for f in findings:
        if f.severity != "info" and f.stated_value and f.expected_value:
            wrong.setdefault(f.prov, f)
    dropped: set[int] = set()
    sources: set[int] = set()
    for f in findings:
        if not f.rule.startswith(_COMPUTED + _ADDED + _DECLARED) or f.severity == "info" or f.stated_value is None:
            continue
        if not f.expected_value or id(f) in sources:
            continue
        for p in f.related:
            src = wrong.get(p)
            if src is None or src is f or src.stated_value is None or src.expected_value is None or id(src) in dropped:
                continue
            if not _fits_corrected_input(f, src):
                continue
            dropped.add(id(f))
            sources.add(id(src))
            if f.severity == "error":
                # (a 合计 row certainly off, and exactly by this input's slip: two checks blame the one input)
                src.severity = "error"
            src.related.append(f.prov)
            src.explanation = src.explanation.replace(UNDECIDED, "")  # the computed figure settles which printing
            src.explanation += (
                f"；{f.prov.render()} 所写 {f.stated_value} 按此处应有数 {src.expected_value} 计算相符"
                + ("" if f.rule.startswith(_COMPUTED) else f"（{f.rule} 算得 {f.expected_value}，亦因此数）")
            )
            break
    return [f for f in findings if id(f) not in dropped]


def _settle_by_the_rate(findings: list[Finding], facts: list[Fact]) -> list[Finding]:
    """A text amount found to match none of the several table cells it may be (小学教育（项）支出3213.05万元 against
    the 科目's 3173.05 and 3448.45) whose own rate, computed from it, is found wrong too (完成预算的104.03%, not 3213.05 ÷
    3050): when the rate fits one of the cells (3173.05 ÷ 3050 = 104.03%), that cell is the amount the text meant. The
    amount's finding becomes the error, against that cell; the rate's finding joins it."""
    cells = {f.prov: f for f in facts}
    dropped: set[int] = set()
    undecided = {
        f.prov: f
        for f in findings
        if f.severity == "warning" and f.stated_value and f.expected_value is None and f.prov.table is None
    }
    for f in findings:
        if not f.rule.startswith(_COMPUTED) or f.severity != "error" or f.stated_value is None or not f.expected_value:
            continue
        amount = next((undecided[p] for p in f.related if p in undecided), None)
        if amount is None or amount.expected_value is not None or amount.stated_value is None:
            continue
        unit = Decimal(10) ** int(f.stated_value.as_tuple().exponent)
        for cell in (cells[p] for p in amount.related if p in cells):
            value = _in_unit(cell, amount.unit)
            refit = None if value is None else recomputed(f.expected_value, f.derivation, amount.stated_value, value)
            if refit is None or abs(refit - f.stated_value) > unit:
                continue
            dropped.add(id(f))
            amount.severity, amount.expected_value = "error", value
            amount.related = [cell.prov] + [p for p in amount.related if p != cell.prov] + [f.prov]
            amount.explanation += (
                f"；{f.prov.render()} 所写 {f.stated_value}% 按 {cell.prov.render()} 的 {value} 计算相符，误在正文数 "
                f"{amount.stated_value}"
            )
            break
    return [f for f in findings if id(f) not in dropped]


def _in_unit(cell: Fact, unit: str) -> Decimal | None:
    """A cell's value in the given printed unit (万元), None when the two units measure different things."""
    a, b = unit_info(unit), unit_info(cell.quantity.unit)
    if a is None or b is None or a.base_unit != b.base_unit:
        return None
    value = cell.quantity.base_value / a.factor
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _merge_repeated_arithmetic(findings: list[Finding]) -> list[Finding]:
    """The same wrong result of the same arithmetic printed in two places (一般公共预算收入 21,940.96 占本年收入合计的
    99.94% and 财政拨款支出 21,940.96 占本年支出合计的99.94%, both of 21,955.35) is one inconsistency: one finding, at
    its first printing, naming the others. Only errors and warnings whose computation is on the finding."""
    first: dict[tuple, Finding] = {}
    here: dict[tuple, Finding] = {}
    out: list[Finding] = []
    for f in sorted(findings, key=_order):
        key = (f.rule, f.severity, f.stated_value, f.expected_value, f.derivation)
        # one figure printed twice in its paragraph (the item heading and the sentence) against one other figure
        at = (f.rule, f.severity, f.stated_value, f.expected_value, f.prov.page, f.prov.block, f.prov.paragraph)
        if f.severity != "info" and f.prov.paragraph is not None and f.prov.table is None and at in here:
            kept = here[at]
            kept.related.append(f.prov)
            kept.explanation += f"；同段 {f.prov.render()}（{f.subject}）写同一数，同此"
            continue
        if f.severity != "info" and f.prov.paragraph is not None and f.prov.table is None:
            here[at] = f
        if f.severity == "info" or not f.derivation or key not in first:
            if f.severity != "info" and f.derivation:
                first[key] = f
            out.append(f)
            continue
        kept = first[key]
        kept.related.append(f.prov)
        kept.explanation += f"；同一算式、同一写法另见 {f.prov.render()}（{f.subject}）"
    return out


# The template family checks a 决算/预算 figure against the very table its section describes; a
# generic family reaching the same verdict on the same printed figure would report it twice.
SUPERSEDED_BY_TEMPLATE = ("share.", "rate.", "narrative_table.", "formula.", "item_code.", "change.")


def _drop_superseded(findings: list[Finding]) -> list[Finding]:
    """A generic family's finding on a figure the template family reports as strongly (or more) is dropped."""
    by_template: dict[tuple, int] = {}
    for f in findings:
        if f.rule.startswith("template."):
            key = (f.prov.render(), f.stated_value)
            by_template[key] = max(by_template.get(key, -1), SEVERITY_RANK.get(f.severity, 0))
    return [
        f
        for f in findings
        if not (
            f.rule.startswith(SUPERSEDED_BY_TEMPLATE)
            and by_template.get((f.prov.render(), f.stated_value), -1) >= SEVERITY_RANK.get(f.severity, 0)
        )
    ]


def _order(f: Finding) -> tuple:
    p = f.prov
    return (
        p.page or 0,
        p.block if p.block is not None else 10**9,
        p.row or 0,
        p.col or 0,
        (p.span or (0, 0))[0],
        f.rule,
    )


def run_checks(
    claims: list[Claim],
    facts: list[Fact],
    outline: list[OutlineEntry],
    settings: Settings = DEFAULT,
    doc: Document | None = None,
    kind: str = "",
    problems: list[str] | None = None,
) -> list[Finding]:
    """All families over one document of the given report kind ("" when not classified: no rule is left
    out; with the document at hand its kind is read from it). `doc`, when given, lets the score sheet read
    qualitative cells (目标 按计划完成 vs 实际 基本按计划完成), which are not numeric facts. Each family runs on
    its own: one that raises is named in `problems` (when given; else the error propagates) and its findings
    are dropped, the others' kept. Running out of memory is never swallowed."""
    if not kind and doc is not None:
        kind = classify(doc)
    checkable, found = split_dense(list(claims))
    ctx = Context(checkable, list(facts), list(outline), settings, doc=doc, kind=kind)
    for m in _modules():
        own = getattr(m, "RULES", [])
        if own and not any(r.applies_to(kind) for r in own):
            continue  # no rule of the family is written for this kind of report
        try:
            found.extend(f for f in _call(m, ctx, checkable, facts, outline) if _applies(f, kind))
        except MemoryError:
            raise
        except Exception as e:  # noqa: BLE001 - reported for this document; the other families still run
            if problems is None:
                raise
            family = m.__name__.rsplit(".", 1)[-1]
            problems.append(f"check family {family} failed: {type(e).__name__}: {e}"[:300])
    return sorted(_cap_unknown_kind(_ocr_caveat(_dedupe(found, ctx.facts, ctx.doc_year)), kind), key=_order)


def _applies(f: Finding, kind: str) -> bool:
    r = RULES.get(f.rule)
    return r is None or r.applies_to(kind)


UNKNOWN_KIND_NOTE = "（未能识别报告类型，只做不依赖报告类型的核对，结果最高按警告报告）"


def _cap_unknown_kind(findings: list[Finding], kind: str) -> list[Finding]:
    """On a report whose kind was not recognised, an error is a warning: the rule could not know whether
    the report's own conventions explain the difference."""
    if kind != OTHER:
        return findings
    for f in findings:
        if f.severity == "error":
            f.severity = "warning"
            f.explanation += UNKNOWN_KIND_NOTE
    return findings


OCR_NOTE = "（所涉数字有经OCR从扫描页识别的，文字层未见同样的数字，请对照原件核实）"


def _ocr_caveat(findings: list[Finding]) -> list[Finding]:
    """A figure read by OCR may be misread: an error that rests on one is a warning, with a note, unless
    the same error (rule, subject, stated value) is also found from text-layer figures alone."""

    def uses_ocr(f: Finding) -> bool:
        return f.prov.ocr or any(p.ocr for p in f.related)

    confirmed = {(f.rule, f.subject, f.stated_value) for f in findings if f.severity == "error" and not uses_ocr(f)}
    for f in findings:
        if not uses_ocr(f) or (f.rule, f.subject, f.stated_value) in confirmed:
            continue
        if f.severity == "error":
            f.severity = "warning"
        f.explanation += OCR_NOTE
    return findings


__all__ = ["FAMILIES", "RULES", "run_checks"]
