"""Findings: what a check reports, with both locations and an explanation."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from extractors.model import Provenance

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}  # how strongly a finding speaks: info < warning < error
ANY_KIND = ("*",)  # a rule that needs no knowledge of the report's kind: it runs on every document


@dataclass(frozen=True)
class Rule:
    id: str  # family.rule-id, e.g. share.stated-vs-computed
    family: str
    severity: str  # the usual severity; a finding may be lower (warning) when only truncation explains it
    title: str
    template: str  # message template in Chinese, str.format fields
    tags: tuple[str, ...] = ()
    # the report kinds (extractors.report_kind.KINDS) the rule is written for; "*" or none: any kind
    kinds: tuple[str, ...] = ANY_KIND

    @property
    def any_kind(self) -> bool:
        return not self.kinds or "*" in self.kinds

    def applies_to(self, kind: str) -> bool:
        """Whether the rule runs on a report of this kind: "" (not classified) restricts nothing; a report
        of an unrecognised kind (`other`) gets only the rules that need no kind knowledge."""
        return not kind or self.any_kind or kind in self.kinds


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


ID_PREFIX = "F"  # a letter first: Excel never reads an id as a number (3.84E+15) or a date


def normalised_text(text: str) -> str:
    """The stated text as it matters for identity: NFKC, without whitespace (a PDF re-wrapped
    after a revision, a full-width digit retyped) and without the excerpt marks."""
    return "".join(unicodedata.normalize("NFKC", text).split()).strip("…")


def finding_id(document_key: str, rule: str, subject: str, stated_value: str, stated_text: str) -> str:
    """What the finding is about, hashed: the document's key (its path relative to the folder it was
    found under, or its name), the rule, the subject, the stated value as printed and the normalised
    stated text. Not the file's sha256, an absolute path, paragraph numbers or related locations: so
    the same inconsistency in a revised file, a moved archive or a scan from another folder keeps its
    id, and the auditors' notes on it."""
    key = "\x1f".join([document_key, rule, subject, stated_value, normalised_text(stated_text)])
    return ID_PREFIX + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
