"""One document, end to end: read → claims and facts → checks. No printing, no I/O besides reading."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from extractors.claims import extract_claims
from extractors.model import Claim, Document, Fact, OutlineEntry, ReadError
from extractors.outline import build_outline
from extractors.registry import file_sha256, read_document, sniff
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks
from pipeline.findings import Finding


@dataclass
class DocumentResult:
    path: str
    sha256: str
    format: str = ""
    pages: int | None = None
    status: str = "ok"  # ok | partial | failed | skipped
    reason: str = ""
    seconds: float = 0.0
    claims: list[Claim] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def extract_all(doc: Document) -> tuple[list[Claim], list[Fact], list[OutlineEntry]]:
    return extract_claims(doc), extract_facts(doc), build_outline(doc)


def analyze_file(path: str | Path, sha256: str | None = None) -> DocumentResult:
    """Never raises for a bad document: the status and reason say what happened."""
    started = time.perf_counter()
    digest = sha256 or file_sha256(Path(path))
    result = DocumentResult(path=str(path), sha256=digest)
    try:
        result.format = sniff(Path(path))
        doc = read_document(path, digest)
    except ReadError as e:
        result.status, result.reason = "failed", f"{e.reason}: {e.message}"
        result.seconds = time.perf_counter() - started
        return result
    result.pages = doc.pages
    claims, facts, outline = extract_all(doc)
    result.claims, result.facts = claims, facts
    result.findings = run_checks(claims, facts, outline, doc=doc)
    if doc.problems:
        result.status, result.reason = "partial", "; ".join(doc.problems)
    result.seconds = time.perf_counter() - started
    return result
