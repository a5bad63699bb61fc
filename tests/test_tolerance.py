"""Tolerance model: intervals from printed decimals, verdicts, and properties that must always hold."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from model_builders import q

from extractors.model import Quantity
from pipeline import tolerance as tol

D = Decimal


def pct(v: Decimal, decimals: int = 2) -> Quantity:
    return Quantity(v, "%", v, "%", "percent", decimals, f"{v}%")


def money(v: Decimal, decimals: int = 2) -> Quantity:
    return Quantity(v, "万元", v * 10000, "元", "money", decimals, f"{v}万元")


def test_measured_interval_is_half_a_unit_either_side():
    assert tol.interval(q("2998.29万元")) == tol.Interval(D("2998.285"), D("2998.295"))
    assert tol.interval(q("99.7%")) == tol.Interval(D("99.65"), D("99.75"))


def test_counts_points_and_zero_are_exact():
    assert tol.interval(q("336件")) == tol.Interval(D(336), D(336))
    assert tol.interval(q("50分")) == tol.Interval(D(50), D(50))
    assert tol.interval(q("0万元")) == tol.Interval(D(0), D(0))


def test_approximate_quantities_widen():
    more = tol.interval(q("90余吨"))
    assert more.lo == D(90) and more.hi > D(90)
    near = tol.interval(q("近300次"))
    assert near.lo < D(300) < near.hi
    assert tol.interval(q("≥10万元")).hi == tol.INF


def test_near_band_is_a_setting():
    wide = tol.Settings(near_band=D("0.5"))
    assert tol.interval(q("近300次"), wide).lo == D(150)
    with pytest.raises(ValueError):
        tol.Settings(near_band=D("-1"))


def test_seed_share_verdicts():
    part, whole = tol.interval(q("2998.29万元")), tol.interval(q("3619.44万元"))
    comp = tol.percent(part, whole)
    assert tol.verdict(q("82.84%"), comp) == tol.OK
    assert tol.verdict(q("82.58%"), comp) == tol.ERROR
    # 2998.29 ÷ 3630.41 = 82.588…%: 82.58% is that figure truncated
    assert tol.verdict(q("82.58%"), tol.percent(part, tol.interval(q("3630.41万元")))) == tol.WARNING


def test_rounding_drift_in_sums_is_not_an_error():
    parts = [tol.interval(q("2295.62万元")), tol.interval(q("702.68万元"))]
    assert tol.verdict(q("2998.29万元"), tol.total(parts)) == tol.OK
    three = [tol.interval(q("4.74")), tol.interval(q("0")), tol.interval(q("5.11"))]
    assert tol.verdict(q("9.84"), tol.total(three)) == tol.OK


def test_exact_counts_must_add_exactly():
    parts = [tol.interval(q(f"{n}件")) for n in (97, 186, 15, 38)]
    assert tol.verdict(q("336件"), tol.total(parts)) == tol.OK
    assert tol.verdict(q("337件"), tol.total(parts)) == tol.ERROR


def test_zero_base_is_undecidable():
    assert tol.ratio(tol.interval(q("0万元")), tol.interval(q("0万元"))) is None
    assert tol.verdict(q("100%"), None) == tol.INFO


def test_truncation_is_a_warning():
    # 2/3 = 66.666…%: rounded 66.67, truncated 66.66
    comp = tol.percent(tol.Interval.exact(D(2)), tol.Interval.exact(D(3)))
    assert tol.verdict(q("66.67%"), comp) == tol.OK
    assert tol.verdict(q("66.66%"), comp) == tol.WARNING
    assert tol.verdict(q("66.50%"), comp) == tol.ERROR


def test_two_printings_one_unit_apart_warn():
    assert tol.same_figure_verdict(q("326.71万元"), q("326.72万元")) == tol.WARNING
    assert tol.same_figure_verdict(q("326.71万元"), q("326.71万元")) == tol.OK
    assert tol.same_figure_verdict(q("82.84%"), q("82.58%")) == tol.ERROR
    assert tol.same_figure_verdict(q("82.8%"), q("82.84%")) == tol.OK
    assert tol.same_figure_verdict(q("97件"), q("98件")) == tol.ERROR


def test_base_interval_crosses_units():
    a = tol.base_interval(q("32.09万元"))
    assert a == tol.Interval(D("320850"), D("320950"))


cents = st.integers(min_value=1, max_value=10**9).map(lambda n: D(n).scaleb(-2))


@given(cents, cents)
def test_a_correctly_rounded_share_never_errors(a: Decimal, b: Decimal):
    part, whole = min(a, b), max(a, b)
    stated = (part / whole * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    comp = tol.percent(tol.interval(money(part)), tol.interval(money(whole)))
    assert tol.verdict(pct(stated), comp) == tol.OK


@given(cents, cents)
def test_a_truncated_share_is_never_an_error(a: Decimal, b: Decimal):
    part, whole = min(a, b), max(a, b)
    stated = (part / whole * 100).quantize(D("0.01"), rounding=ROUND_DOWN)
    comp = tol.percent(tol.interval(money(part)), tol.interval(money(whole)))
    assert tol.verdict(pct(stated), comp) in (tol.OK, tol.WARNING)


@given(st.lists(st.integers(min_value=0, max_value=10**8), min_size=1, max_size=30))
def test_rounded_parts_never_contradict_their_rounded_total(mills: list[int]):
    exact = [D(m).scaleb(-3) for m in mills]  # true values with 3 decimals, printed with 2
    printed = [v.quantize(D("0.01"), rounding=ROUND_HALF_UP) for v in exact]
    total = sum(exact, D(0)).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    comp = tol.total([tol.interval(money(p)) for p in printed])
    assert tol.verdict(money(total), comp) == tol.OK


@given(cents, cents, st.integers(min_value=1, max_value=500))
def test_a_share_off_by_more_than_the_rounding_always_errors(a: Decimal, b: Decimal, off: int):
    part, whole = min(a, b), max(a, b)
    if whole < 1:
        return
    true = part / whole * 100
    comp = tol.percent(tol.interval(money(part)), tol.interval(money(whole)))
    stated = (true + D(off) / 10 + (comp.hi - comp.lo)).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert tol.verdict(pct(stated), comp) == tol.ERROR
