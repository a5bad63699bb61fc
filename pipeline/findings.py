"""Findings: what a check reports, with both locations and an explanation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.model import Provenance

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str  # family.rule-id, e.g. share.stated-vs-computed
    family: str
    severity: str  # the usual severity; a finding may be lower (warning) when only truncation explains it
    title: str
    template: str  # message template in Chinese, str.format fields
    tags: tuple[str, ...] = ()


@dataclass
class Finding:
    rule: str
    severity: str
    prov: Provenance  # where the stated figure is
    subject: str
    stated_text: str  # the exact sentence or cell text
    explanation: str  # Chinese, verifiable in seconds
    stated_value: Decimal | None = None  # in the stated figure's printed unit
    expected_value: Decimal | None = None  # same unit
    unit: str = ""
    related: list[Provenance] = field(default_factory=list)
    derivation: str = ""  # how expected_value was computed, e.g. 2998.29 ÷ 3619.44

    @property
    def difference(self) -> Decimal | None:
        if self.stated_value is None or self.expected_value is None:
            return None
        return self.stated_value - self.expected_value

    @property
    def location(self) -> str:
        return self.prov.render()

    @property
    def related_location(self) -> str:
        return "; ".join(p.render() for p in self.related)

    def finding_id(self, document: str) -> str:
        key = "\x1f".join(
            [
                document,
                self.prov.sha256,
                self.rule,
                self.location,
                "" if self.stated_value is None else str(self.stated_value),
                self.related_location,
            ]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
