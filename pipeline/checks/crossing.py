"""One wrong cell, one finding: where two findings about table sums share exactly one printed figure and both are
out by what that one figure is out by, the figure is the slip, and the two totals it throws out are not.

教育支出 基本支出 1200 in a table whose row 合计 2300 − 项目支出 1000 and whose column 合计 2900 − the other rows both
make 1300; 于都县 D 89.68 found against its own E + F = 98.68 (formula.column) and inside 赣州市 = Σ its counties
(region.group-of-rows), 9 short in both; 表二 303.83 found against 表一's 330.83 (cross_table.same-figure) and
inside 表二's 合计 (sum.table-rows), 27 short in both. A finding takes part only where its own figures show it is a
sum: its cell less the cells it names first (its parts, in order) is exactly what it says the cell is out by. Any
family's finding may be such a sum; which figure two of them share is read from the figures, never from the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from extractors.model import Fact, Provenance
from pipeline import tolerance as tol
from pipeline.checks.base import clean_label, fact_figure, fmt, make_finding
from pipeline.checks.sum import CELL, named_total
from pipeline.findings import SEVERITY_RANK, Finding


@dataclass
class _Sum:
    finding: Finding
    total: Fact
    parts: list[Fact]
    signs: list[int] | None = None  # each part's sign (当年结余 = 收入 − 支出); all added when None

    def cells(self) -> list[Fact]:
        return [self.total, *self.parts]

    def _sign(self, k: int) -> int:
        return self.signs[k] if self.signs is not None else 1

    def excess(self, cell: Fact) -> Decimal:
        """How far the cell is above what this sum says it should be (base unit)."""
        terms = sum((self._sign(k) * p.quantity.base_value for k, p in enumerate(self.parts)), Decimal(0))
        over = self.total.quantity.base_value - terms
        if cell is self.total:
            return over
        k = next(k for k, p in enumerate(self.parts) if p is cell)
        return -over * self._sign(k)


def _signs(f: Finding) -> list[int] | None:
    """The signs of the terms a finding's derivation prints ("5606.15 − 100.00": 收入 − 支出), None when all add."""
    if " − " not in f.derivation:
        return None
    ops = re.findall(r" ([+−]) ", f.derivation)
    return [1] + [-1 if op == "−" else 1 for op in ops]


def _place(f: Fact) -> Decimal:
    """One unit of the figure's last printed decimal, in its base unit."""
    return Decimal(10) ** int(f.quantity.value.as_tuple().exponent) * tol.factor(f.quantity)


def _as_sum(f: Finding, at: dict[Provenance, Fact]) -> _Sum | None:
    """The finding read as total − parts, where its figures bear that reading out."""
    total = at.get(f.prov)
    if total is None or f.stated_value is None or f.expected_value is None:
        return None
    said = (f.stated_value - f.expected_value) * tol.factor(total.quantity)
    signs = _signs(f)
    acc = Decimal(0)
    parts: list[Fact] = []
    for k, p in enumerate(f.related):
        part = at.get(p)
        if part is None or part is total or (signs is not None and k >= len(signs)):
            break
        parts.append(part)
        acc += (signs[k] if signs is not None else 1) * part.quantity.base_value
        if abs(total.quantity.base_value - acc - said) <= _place(total):
            return _Sum(f, total, parts, signs[: len(parts)] if signs is not None else None)
    return None


def one_wrong_cell(findings: list[Finding], facts: Iterable[Fact], doc_year: int | None = None) -> list[Finding]:
    at = {f.prov: f for f in facts if f.prov.table is not None}
    sums = [s for s in (_as_sum(f, at) for f in findings) if s is not None]
    dropped: set[int] = set()
    made: list[Finding] = []
    for k, a in enumerate(sums):
        for b in sums[k + 1 :]:
            if id(a.finding) in dropped or id(b.finding) in dropped:
                continue
            shared = [c for c in a.cells() if any(c is d for d in b.cells())]
            if len(shared) != 1 or len(a.cells()) == len(b.cells()) == len(shared):
                continue
            cell = shared[0]
            ea, eb = a.excess(cell), b.excess(cell)
            if ea == 0 or abs(ea - eb) > _place(cell):
                continue
            low, high = sorted((a, b), key=lambda s: SEVERITY_RANK.get(s.finding.severity, 0))
            if low.finding.severity == "info":
                if cell.prov != high.finding.prov:
                    continue  # a sum whose parts are unsettled moves no blame; it only joins the finding it explains
                dropped.add(id(low.finding))
                high.finding.related.append(low.finding.prov)
                high.finding.explanation += f"；{_said(low)}，亦因此格"
                continue
            dropped.update((id(a.finding), id(b.finding)))
            # the sum with fewer parts says most exactly what the cell should be
            best = min((a, b), key=lambda s: len(s.parts))
            made.append(_cell_finding(cell, best.excess(cell), (a, b), high.finding.severity, doc_year))
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped] + made


_RATES = {"percent_column.ratio": False, "percent_column.growth": True}  # rule → whether the rate is a growth


def _rate_fits(f: Finding, num: Fact, base: Fact, cell: Fact, should: Decimal) -> bool:
    """Whether the rate the finding says is wrong is right once `cell` (its numerator or base) reads `should`."""
    n = should if cell is num else num.quantity.base_value
    b = should if cell is base else base.quantity.base_value
    if b == 0 or f.stated_value is None:
        return False
    value = n / b * 100 - (100 if _RATES[f.rule] else 0)
    exponent = f.stated_value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) else 1
    return abs(value - f.stated_value) <= tol.half_unit(decimals)


def rate_and_sum(findings: list[Finding], facts: Iterable[Fact], doc_year: int | None = None) -> list[Finding]:
    """A rate cell found wrong against its row's amount, and a sum that amount belongs to found out by just what makes
    the rate right (卫生健康支出 执行数 97,265: its 完成预算% 88.3 fits 97,625, and 支出合计 is 360 above the rows): the
    amount is the slip, not the rate and not the total. One finding on the amount names both."""
    at = {f.prov: f for f in facts if f.prov.table is not None}
    sums = [s for s in (_as_sum(f, at) for f in findings if f.rule not in _RATES) if s is not None]
    dropped: set[int] = set()
    made: list[Finding] = []
    for f in findings:
        if f.rule not in _RATES or f.severity == "info" or len(f.related) != 2:
            continue
        num, base = at.get(f.related[0]), at.get(f.related[1])
        if num is None or base is None:
            continue
        for s in sums:
            if id(s.finding) in dropped:
                continue
            cell = next((c for c in (num, base) if any(c is d for d in s.cells())), None)
            if cell is None:
                continue
            should = cell.quantity.base_value - s.excess(cell)
            if should == cell.quantity.base_value or not _rate_fits(f, num, base, cell, should):
                continue
            dropped.update((id(f), id(s.finding)))
            severity = max((f.severity, s.finding.severity), key=lambda x: SEVERITY_RANK.get(x, 0))
            rate = _Sum(f, cell, [])
            one = _cell_finding(cell, s.excess(cell), (rate, s), severity, doc_year)
            # the rate cell found wrong by another rule too (a 栏次 formula 5=4/3): the same knock-on
            again = [g for g in findings if g.prov == f.prov and g is not f and g.stated_value == f.stated_value]
            dropped.update(id(g) for g in again)
            if again:
                one.explanation += f"；另经 {'、'.join(sorted({g.rule for g in again}))} 核对，结论相同"
            made.append(one)
            break
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped] + made


def _said(s: _Sum) -> str:
    f = s.finding
    return f"{f.rule} 核对 {f.location}：{f.subject}写 {fmt(f.stated_value)}，应为 {fmt(f.expected_value)}"


def _cell_finding(cell: Fact, excess: Decimal, sums: tuple[_Sum, _Sum], severity: str, year: int | None) -> Finding:
    fig = fact_figure(cell, year)
    should = (cell.quantity.base_value - excess) / tol.factor(cell.quantity)
    # the column by its name, not its 栏次 number or letter (1, 2; D=E+F)
    cols = [clean_label(x) for x in cell.column_labels if re.search(r"[\u4e00-\u9fff]", clean_label(x))]
    name = named_total(fig) or fig.subject
    # a 小计 column by the header it is the 小计 of (“三公”经费 › 小计), not by a caption line read into the header
    named_head = len(cols) > 1 and cols[-1] == "小计" and not re.search(r"[：:]", cols[-2])
    col = " ".join(cols[-2:]) if named_head else (cols[-1] if cols else "")
    subject = " ".join(x for x in (name, col if col not in name else "") if x)
    return make_finding(
        CELL,
        severity,
        fig,
        f"{subject}写 {fmt(fig.value)}{fig.quantity.unit}，按两处核算都应为 {fmt(should)}："
        + "；".join(_said(s) for s in sums)
        + f"；此格若为 {fmt(should)}，两处都相符，而它是两处唯一共用的数，疑此格有误",
        expected=should,
        related=[s.finding.prov for s in sums] + [c.prov for s in sums for c in s.cells() if c is not cell],
        subject=subject,
    )
