"""Hand-built claims and facts for tests and examples (no reader, no extractor involved)."""

from __future__ import annotations

from extractors.model import Claim, Fact, Provenance, Quantity
from extractors.numbers import parse_quantity

SHA = "0" * 64


def q(text: str, default_unit: str = "") -> Quantity:
    out = parse_quantity(text, default_unit)
    if out is None:
        raise ValueError(f"not a quantity: {text!r}")
    return out


def claim(
    text: str,
    subject: str,
    sentence: str,
    paragraph: int = 0,
    *,
    role: str = "",
    relation: str = "",
    denominator: str = "",
    direction: str = "",
    group: int | None = None,
    section: str = "",
    period: str = "",
) -> Claim:
    """A claim whose number is `text`, found in `sentence` (the paragraph is the sentence)."""
    start = sentence.find(text)
    if start < 0:
        raise ValueError(f"{text!r} not in {sentence!r}")
    return Claim(
        subject=subject,
        quantity=q(text),
        sentence=sentence,
        prov=Provenance(SHA, block=paragraph, paragraph=paragraph, span=(start, start + len(text))),
        role=role,
        period=period,
        relation=relation,
        denominator=denominator,
        direction=direction,
        group=group,
        section=section,
    )


def fact(
    text: str,
    row_labels: tuple[str, ...],
    column_labels: tuple[str, ...],
    table: int = 0,
    row: int = 0,
    col: int = 0,
    *,
    title: str = "",
    unit: str = "",
    code: str = "",
) -> Fact:
    return Fact(
        quantity=q(text, unit),
        prov=Provenance(SHA, block=100 + table, table=table, row=row, col=col),
        row_labels=row_labels,
        column_labels=column_labels,
        table_title=title,
        code=code,
        text=text,
    )
