"""Which printed figure of a sum that does not add up is the slip, when two adjacent digits of one of them were
swapped (285.08 for 258.08): the accountant's test — the difference is then a multiple of 9."""

from __future__ import annotations

from decimal import Decimal

from extractors.model import Quantity


def swaps(q: Quantity) -> list[Decimal]:
    """The values q's printed digits give with two adjacent, different digits swapped (the decimal point stays)."""
    digits = format(abs(q.value), "f")
    out: list[Decimal] = []
    places = [i for i, ch in enumerate(digits) if ch.isdigit()]
    for a, b in zip(places, places[1:], strict=False):
        if digits[a] == digits[b] or b != a + 1:
            continue
        swapped = digits[:a] + digits[b] + digits[a] + digits[b + 1 :]
        if swapped[0] == "0" and not swapped.startswith("0."):
            continue
        value = Decimal(swapped)
        out.append(-value if q.value < 0 else value)
    return out


MIN_DIGITS = 3  # 12 ↔ 21 is too common a coincidence to name a slip


def transposed(total: Quantity, parts: list[Quantity]) -> tuple[int, Decimal] | None:
    """(index, value): the one figure — -1 for the total, else the part's index — whose adjacent-digit swap makes
    the printed parts add up to the printed total exactly; None when no figure or more than one does.
    All figures in one printed unit."""
    if any(p.unit != total.unit for p in parts):
        return None
    computed = sum((p.value for p in parts), Decimal(0))
    if computed == total.value:
        return None
    found: list[tuple[int, Decimal]] = []
    for i, q in [(-1, total)] + list(enumerate(parts)):
        if sum(ch.isdigit() for ch in format(abs(q.value), "f").lstrip("0.")) < MIN_DIGITS:
            continue
        for value in swaps(q):
            if (i == -1 and value == computed) or (i >= 0 and computed - q.value + value == total.value):
                found.append((i, value))
    return found[0] if len(found) == 1 else None
