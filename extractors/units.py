"""Units of measure, read from the data table `data/units.csv`.

Each printed unit maps to a base unit, a Decimal factor and a dimension
(money, area, count, weight, length, percent, pp, points, time, ratio,
unknown).  A unit not in the table but made of a magnitude prefix
(万, 亿, 千万, 百万, 万亿) and a known unit (万人次, 万株) is composed.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "units.csv"

# magnitude prefixes that may stand before any unit, longest first
PREFIXES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
}


@dataclass(frozen=True)
class UnitInfo:
    unit: str  # as looked up (normalised: ％ → %)
    base_unit: str
    factor: Decimal
    dimension: str


@lru_cache(maxsize=1)
def _table() -> dict[str, UnitInfo]:
    table: dict[str, UnitInfo] = {}
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            table[row["unit"]] = UnitInfo(row["unit"], row["base_unit"], Decimal(row["factor"]), row["dimension"])
    return table


def _norm(unit: str) -> str:
    # NFKC char by char, but keep ㎡ (NFKC would turn it into "m2")
    out = []
    for ch in unit.strip():
        if ch.isspace():
            continue
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def unit_info(unit: str) -> UnitInfo | None:
    """Base unit, factor and dimension of a printed unit; None when unknown."""
    u = _norm(unit)
    table = _table()
    if u in table:
        return table[u]
    for prefix, factor in PREFIXES.items():
        if u.startswith(prefix) and len(u) > len(prefix):
            inner = table.get(u[len(prefix) :])
            if inner is not None and inner.dimension not in ("percent", "pp", "unknown", "points"):
                return UnitInfo(u, inner.base_unit, factor * inner.factor, inner.dimension)
    return None


@lru_cache(maxsize=1)
def known_units() -> tuple[str, ...]:
    """Every unit the table names, longest first (for regex alternation)."""
    return tuple(sorted(_table(), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def _caption_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(u) for u in known_units() if u not in ("万", "亿"))
    prefixes = "|".join(re.escape(p) for p in PREFIXES)
    unit = rf"(?:(?:{prefixes})?(?:{alts}))"
    # 单位：万元 / 金额单位:元 / （万元） / (万元) — the unit must end the unit text (预算单位：元宝山区… is a name)
    return re.compile(
        rf"单位\s*[:：]\s*(?P<a>{unit})(?![\u4e00-\u9fff])|[（(]\s*(?P<b>{unit})\s*[)）]",
    )


@lru_cache(maxsize=8192)
def unit_from_caption(text: str) -> str | None:
    """The unit a caption or header declares: 单位：万元, 单位:元, （万元）, (万元) → the unit as printed."""
    if not text:
        return None
    norm = "".join(_keep_len_nfkc(ch) for ch in text)
    m = _caption_re().search(norm)
    if m is None:
        return None
    start, end = m.span("a") if m.group("a") else m.span("b")
    found = text[start:end].strip()
    return found if unit_info(found) is not None else None


def _keep_len_nfkc(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch
