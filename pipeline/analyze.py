"""One document, end to end: read → claims and facts → checks. No printing, no I/O besides reading."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from extractors.archive import is_member_path, materialized
from extractors.claims import extract_claims
from extractors.evidence import Evidence, collect
from extractors.model import Claim, Document, Fact, ReadError
from extractors.outline import build_outline
from extractors.registry import file_sha256, read_document, sniff, unsupported_format
from extractors.report_kind import classify
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks
from pipeline.findings import SEVERITIES, Finding


@dataclass
class DocumentResult:
    path: str
    sha256: str
    format: str = ""
    kind: str = ""  # report kind (extractors.report_kind.KINDS)
    pages: int | None = None
    status: str = "ok"  # ok | partial | failed | skipped (a format no reader takes)
    reason: str = ""
    seconds: float = 0.0
    claims: list[Claim] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    evidence: Evidence | None = None  # places and page images of each finding, for report.html

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def analyze_file(path: str | Path, sha256: str | None = None) -> DocumentResult:
    """Never raises for a bad document: the status and reason say what happened. A stage that fails
    on a document that was read (a bug meeting odd input) keeps what the earlier stages found, with
    status `partial` and the stage named in the reason."""
    started = time.perf_counter()
    digest = sha256 or file_sha256(Path(path))
    result = DocumentResult(path=str(path), sha256=digest)
    try:
        # a zip member (bundle.zip!/附件2.pdf) is extracted once, by read_document, and sniffed there
        result.format = "" if is_member_path(path) else sniff(Path(path))
        doc = read_document(path, digest, result.format or None)
        result.format = result.format or doc.format
    except ReadError as e:  # a format no reader takes is skipped; anything else that stops reading failed
        result.status = "skipped" if e.reason == "unsupported" else "failed"
        result.reason = f"{e.reason}: {e.message}"
        result.format = result.format or unsupported_format(Path(path))
        result.seconds = time.perf_counter() - started
        return result
    result.pages = doc.pages
    result.kind = classify(doc)
    problems = list(doc.problems)
    stage = "claims"
    try:
        result.claims = extract_claims(doc)
        stage = "table facts"
        result.facts = extract_facts(doc)
        stage = "outline"
        outline = build_outline(doc)
        stage = "checks"
        result.findings = run_checks(result.claims, result.facts, outline, doc=doc)
    except Exception as e:  # noqa: BLE001 - one document's bug must not cost the others; it is reported
        problems.append(f"{stage} failed: {type(e).__name__}: {e}")
    result.evidence = gather_evidence(doc, result.findings, path)
    if problems:
        result.status = "partial"
    # how the document was read (converted from doc, pages read by OCR, hidden rows not read) goes with
    # any problem into the reason, so documents.csv says it even when the status is ok
    result.reason = "; ".join(list(doc.notes) + problems)
    result.seconds = time.perf_counter() - started
    return result


def gather_evidence(doc: Document, findings: list[Finding], path: str | Path | None) -> Evidence:
    """Each finding's places, with page images for a PDF given to errors first, then warnings, then infos.
    Never raises: the findings stand without their evidence, and the report says why it is missing."""
    try:
        order = sorted(range(len(findings)), key=lambda i: SEVERITIES.index(findings[i].severity))
        provs = [[findings[i].prov, *findings[i].related] for i in order]
        if path is not None and doc.format == "pdf" and is_member_path(path):
            with materialized(path) as real:  # a PDF inside a zip: its pages are rendered from a private copy
                ev = collect(doc, provs, real)
        else:
            ev = collect(doc, provs, path)
    except Exception as e:  # noqa: BLE001 - a bug here must not cost the findings
        return Evidence([[] for _ in findings], {}, f"evidence failed ({type(e).__name__}: {e})"[:300])
    places: list[list[dict]] = [[] for _ in findings]
    for k, i in enumerate(order):
        places[i] = ev.places[k]
    ev.places = places
    return ev
