"""One document, end to end: read → claims and facts → checks. No printing, no I/O besides reading."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from extractors.archive import is_member_path, materialized
from extractors.claims import extract_claims
from extractors.evidence import Evidence, collect
from extractors.model import Claim, Document, Fact, OutlineEntry, ReadError
from extractors.outline import build_outline
from extractors.registry import file_sha256, read_document, sniff, unsupported_format
from extractors.report_kind import DEPARTMENT_KINDS, classify
from extractors.tablefacts import extract_facts
from pipeline.checks import FAMILIES, run_checks
from pipeline.companion import has_standard_tables, in_own_file, join_tables, stamp, tables_file_of
from pipeline.findings import SEVERITIES, Finding
from pipeline.isolate import is_out_of_memory


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


class _OutOfMemory(Exception):
    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(stage)
        self.stage, self.error = stage, error


def analyze_file(path: str | Path, sha256: str | None = None) -> DocumentResult:
    """Never raises for a bad document: the status and reason say what happened.

    Each stage after reading runs on its own: one that fails on a document (a bug meeting odd input)
    is named in the reason and the others still run — claims, table facts and the outline are
    independent, and the checks run on whatever of claims and facts was extracted, each rule family
    isolated. `partial`: some stages or families failed, but checks ran. `failed`: the document could
    not be read, no check could run (the reason names the stages and causes), or memory ran out
    anywhere (`oom`, however it surfaced)."""
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
    failures: list[str] = []
    try:
        result.kind = _stage("report kind", lambda: classify(doc), "", failures)
        kind = result.kind
        joined = _stage("tables file", lambda: _join_tables_file(doc, path, kind), False, failures)
        claims_ok = _ran(lambda: extract_claims(doc), "claims", failures, result.claims)
        facts_ok = _ran(lambda: extract_facts(doc), "table facts", failures, result.facts)
        if joined:  # the tables file's own figures are its own rows; here they are what the narrative is checked by
            result.claims[:] = [c for c in result.claims if c.prov.file is None]
        no_outline: list[OutlineEntry] = []
        outline = _stage("outline", lambda: build_outline(doc), no_outline, failures)
        checked = False
        if claims_ok or facts_ok:
            families: list[str] = []
            found = _stage(
                "checks",
                lambda: run_checks(result.claims, result.facts, outline, doc=doc, kind=result.kind, problems=families),
                None,
                failures,
            )
            failures.extend(families)
            checked = found is not None and len(families) < len(FAMILIES)
            result.findings = [f for f in found or [] if not joined or in_own_file([f.prov, *f.related])]
        if joined:
            result.facts[:] = [f for f in result.facts if f.prov.file is None]
    except _OutOfMemory as e:
        result.claims, result.facts, result.findings = [], [], []
        result.status = "failed"
        result.reason = (
            f"oom: out of memory in the {e.stage} stage ({type(e.error).__name__}); try a larger --memory-mb"
        )
        result.seconds = time.perf_counter() - started
        return result
    result.evidence = gather_evidence(doc, result.findings, path)
    problems = [*doc.problems, *failures]
    # how the document was read (converted from doc, pages read by OCR, hidden rows not read) goes with
    # any problem into the reason, so documents.csv says it even when the status is ok
    if not checked:
        result.status = "failed"
        result.reason = "; ".join(["crashed: no check could run: " + "; ".join(failures), *doc.notes])
    else:
        result.status = "partial" if problems else result.status
        result.reason = "; ".join(list(doc.notes) + problems)
    result.seconds = time.perf_counter() - started
    return result


T = TypeVar("T")


def _join_tables_file(doc: Document, path: str | Path, kind: str) -> bool:
    """A 部门/单位 预算·决算 情况说明 whose tables are published as a file of their own beside it: read that file and join
    its tables (pipeline.companion); the stamp in the notes names the file and its hash. Whether they were joined."""
    other = tables_file_of(path)
    if other is None:
        return False
    sha = file_sha256(other)
    if kind not in DEPARTMENT_KINDS:
        doc.notes.append(stamp(other.name, sha, f"本文件不是部门或单位预算·决算（{kind or '未识别'}），未并入核对"))
        return False
    if has_standard_tables(doc):
        doc.notes.append(stamp(other.name, sha, "本文件已有公开表，未并入核对"))
        return False
    try:
        tables = read_document(other, sha)
    except ReadError as e:
        doc.notes.append(stamp(other.name, sha, f"未能读取（{e.reason}），未并入核对"))
        return False
    joined = join_tables(doc, tables, other.name)
    doc.notes.append(stamp(other.name, sha, "与本文件一并核对" if joined else "其中没有表格"))
    return joined


def _stage(name: str, run: Callable[[], T], default: T, failures: list[str]) -> T:
    try:
        return run()
    except Exception as e:  # noqa: BLE001 - one document's bug must not cost the others; it is reported
        if is_out_of_memory(e):
            raise _OutOfMemory(name, e) from e
        failures.append(f"{name} failed: {type(e).__name__}: {e}"[:300])
        return default


def _ran(run: Callable[[], list[Any]], name: str, failures: list[str], into: list[Any]) -> bool:
    """Run a stage that yields a list into `into`; whether it ran."""
    got = _stage(name, run, None, failures)
    if got is None:
        return False
    into.extend(got)
    return True


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
