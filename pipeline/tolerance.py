"""Rounding-aware comparison of printed figures (after XBRL Calculations 1.1).

A printed measured figure with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; counts, whole
points and zero are exact. Computations carry intervals; a check fails only when the stated interval
and the computed interval cannot meet. See ../shared/DESIGN.md, "Tolerance model".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from extractors.model import Quantity
from extractors.units import unit_info

INF = Decimal("Infinity")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Settings:
    """Named tolerance settings (bands are relative to the printed value)."""

    near_band: Decimal = Decimal("0.10")  # 近/约: ±10 %
    more_band: Decimal = Decimal("0.20")  # 余/多/超: up to +20 % above v

    def __post_init__(self) -> None:
        if self.near_band < 0 or self.more_band < 0:
            raise ValueError("tolerance bands must be non-negative")


DEFAULT = Settings()


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(v: Decimal) -> Interval:
        return Interval(v, v)

    @staticmethod
    def around(v: Decimal, decimals: int) -> Interval:
        h = half_unit(decimals)
        return Interval(v - h, v + h)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        ps = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        ps = [p for p in ps if not p.is_nan()]
        return Interval(min(ps), max(ps))

    def scale(self, k: Decimal) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    @property
    def mid(self) -> Decimal:
        if self.lo.is_infinite() or self.hi.is_infinite():
            return self.lo if not self.lo.is_infinite() else self.hi
        return (self.lo + self.hi) / 2


def half_unit(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-(decimals + 1))


def unit_in_last_place(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def is_exact(q: Quantity) -> bool:
    """Counts, whole-number points and zero carry no rounding."""
    if q.approx != "exact":
        return False
    if q.value == 0 and q.decimals == 0:  # a printed 0; 0.00 still stands for [−0.005, 0.005]
        return True
    return q.dimension in ("count", "points") and q.decimals == 0


def interval(q: Quantity, settings: Settings = DEFAULT) -> Interval:
    """The values a printed quantity can stand for, in its printed unit."""
    v = q.value
    h = Decimal(0) if is_exact(q) or (q.approx != "exact" and q.dimension == "count") else half_unit(q.decimals)
    if q.high is not None:
        return Interval(v - h, q.high + h)
    if q.approx == "exact":
        return Interval(v - h, v + h)
    if q.approx == "more-than":
        return Interval(v, v + abs(v) * settings.more_band + h)
    if q.approx == "near":
        band = abs(v) * settings.near_band
        return Interval(v - band - h, v + band + h)
    if q.approx == "at-least":
        return Interval(v - h, INF)
    if q.approx in ("at-most", "less-than"):
        return Interval(-INF, v + h)
    return Interval(v - h, v + h)


def factor(q: Quantity) -> Decimal:
    """Printed unit → base unit multiplier (万元 → 10000)."""
    if q.value != 0 and q.base_value is not None:
        return q.base_value / q.value
    info = unit_info(q.unit) if q.unit else None
    return info.factor if info is not None else Decimal(1)


def base_interval(q: Quantity, settings: Settings = DEFAULT) -> Interval:
    """The interval of q in its base unit (元, 亩, 户), for arithmetic across printed units."""
    return interval(q, settings).scale(factor(q))


def total(parts: list[Interval]) -> Interval:
    out = Interval.exact(Decimal(0))
    for p in parts:
        out = out + p
    return out


def ratio(p: Interval, t: Interval) -> Interval | None:
    """p / t; None when the base can be zero (undefined: 0/0, growth from 0)."""
    if t.contains_zero():
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        qs = [p.lo / t.lo, p.lo / t.hi, p.hi / t.lo, p.hi / t.hi]
    qs = [x for x in qs if not x.is_nan()]
    return Interval(min(qs), max(qs))


def percent(p: Interval, t: Interval) -> Interval | None:
    r = ratio(p, t)
    return None if r is None else r.scale(HUNDRED)


def point(v: Decimal, decimals: int) -> Decimal:
    """v rounded half-up to `decimals` places, for display of an expected value."""
    return v.quantize(unit_in_last_place(decimals), rounding="ROUND_HALF_UP")


# ------------------------------------------------------------------ verdicts

OK = "ok"
ERROR = "error"
WARNING = "warning"
INFO = "info"


def truncation_interval(q: Quantity) -> Interval:
    """The values that print as q when truncated (not rounded) to q's decimals."""
    u = unit_in_last_place(q.decimals)
    if q.value >= 0:
        return Interval(q.value, q.value + u)
    return Interval(q.value - u, q.value)


def verdict(stated: Quantity, computed: Interval | None, settings: Settings = DEFAULT) -> str:
    """ok | error | warning (only truncation explains it) | info (undecidable)."""
    if computed is None:
        return INFO
    if interval(stated, settings).meets(computed):
        return OK
    if stated.approx == "exact" and not is_exact(stated) and truncation_interval(stated).meets(computed):
        return WARNING
    return ERROR


def same_figure_verdict(a: Quantity, b: Quantity, settings: Settings = DEFAULT) -> str:
    """Two printings of one figure: identical → ok; one unit in the last place apart → warning."""
    if a.value == b.value and a.approx == b.approx:
        return OK
    ia, ib = interval(a, settings), interval(b, settings)
    if a.decimals == b.decimals and a.approx == "exact" and b.approx == "exact":
        if abs(a.value - b.value) == unit_in_last_place(a.decimals) and not (is_exact(a) and is_exact(b)):
            return WARNING
        return ERROR if a.value != b.value else OK
    return OK if ia.meets(ib) else ERROR


def verdict_in_base(stated: Quantity, computed: Interval, settings: Settings = DEFAULT) -> str:
    """verdict() of a stated figure against an interval computed in base units (元, not the printed 万元)."""
    f = factor(stated)
    return verdict(stated, computed.scale(1 / f) if f != 1 else computed, settings)


def one_unit_off(exact: Decimal, stated: Quantity) -> bool:
    """Whether `exact`, rounded as `stated` is printed, is one unit in its last place from it (a plug)."""
    return abs(point(exact, stated.decimals) - stated.value) == unit_in_last_place(stated.decimals)


def printings_verdict(a: Quantity, b: Quantity, settings: Settings = DEFAULT) -> str:
    """Two printings of one figure, in any units of one dimension (万元 in the text, 元 in a table): in the
    same unit as same_figure_verdict; across units, ok when their base intervals meet, else error."""
    if factor(a) == factor(b):
        return same_figure_verdict(a, b, settings)
    if base_interval(a, settings).meets(base_interval(b, settings)):
        return OK
    coarse, fine = (
        (a, b) if factor(a) * unit_in_last_place(a.decimals) >= factor(b) * unit_in_last_place(b.decimals) else (b, a)
    )
    if coarse.approx != "exact" or fine.approx != "exact" or is_exact(coarse):
        return ERROR
    if one_unit_off(fine.base_value / factor(coarse), coarse):
        return WARNING  # 486.75亿 for 4867363万元 (486.74): a rounding plug or a truncation, one unit in the last place
    return ERROR
