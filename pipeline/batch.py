"""`gouji scan`: walk the inputs, hash them, skip what the catalog already knows, analyse the rest
in isolation (a local process pool or Dask), then write the exports of DIR.

No printing here: progress goes to a callback and the outcome comes back as a ScanReport.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.registry import file_sha256
from pipeline import __version__
from pipeline.archives import expand_archives
from pipeline.companion import stamped, tables_file_of
from pipeline.export import all_or_nothing, remove_stale_temporaries, write_csv, write_prerendered_csv
from pipeline.inputs import Found, UsageError, os_reason, readable, walk
from pipeline.isolate import DEFAULT_ANALYZE, Analyze, run_dask, run_local
from pipeline.notes import NOTE_FILES, compare, read_previous, stamp
from pipeline.outdir import dir_lock, prepare_out
from pipeline.report import write_report
from pipeline.rows import (
    AUDITOR_COLUMNS,
    CLAIMS_COLUMNS,
    DOCUMENTS_COLUMNS,
    FINDINGS_COLUMNS,
    claim_records,
    evidence_json,
    fact_record,
    finding_record,
    finding_rows,
    sort_records,
    unique_ids,
)
from pipeline.store import MAX_FAILURES, Catalog, StoredDocument, open_catalog
from pipeline.workbook import write_findings_workbook

# The rules' version hashes every file whose output the catalog stores: all code and data under these
# folders (readers, extractors, checks, the analysis, the isolation's failure reasons, the rows and
# records rendered into the catalog, the catalog itself)...
RESULT_SOURCES = ("extractors", "pipeline")
# ...except these, whose output is never stored: the command's face, the folder walk (its rows are
# decided afresh every run), the output folder's checks and lock, and the auditors' notes (kept by
# finding id, whatever the version).
NOT_STORED = ("pipeline/cli.py", "pipeline/inputs.py", "pipeline/outdir.py", "pipeline/notes.py")
Progress = Callable[[int, int, str], None]  # (documents just finished, total, label)


@dataclass
class ScanOptions:
    out: Path
    workers: int | None = None  # default: the number of cores
    timeout: float = 120.0  # seconds per document
    memory_mb: int | None = 2048  # address-space cap per worker process
    rescan: bool = False  # ignore the catalog: analyse everything again
    cluster: str | None = None  # None (local pool) | "local" (a LocalCluster) | "tcp://host:port"
    max_tasks: int = 20  # documents per worker process before it is replaced


@dataclass
class ScanReport:
    documents: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    resolved: list[dict[str, Any]]
    analysed: int = 0  # distinct files analysed in this run
    warnings: list[str] = field(default_factory=list)  # one line each, for the user (not findings)

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d["status"] == status)

    def severity(self, severity: str, new_only: bool = False) -> int:
        return sum(1 for f in self.findings if f["severity"] == severity and (not new_only or f["change"] == "new"))

    def closing_line(self) -> str:
        new = self.severity("error", True) + self.severity("warning", True)
        return (
            f"Processed {len(self.documents)} documents: {self.count('ok')} ok, {self.count('partial')} partial, "
            f"{self.count('skipped')} skipped, {self.count('failed')} failed; "
            f"{self.severity('error')} errors, {self.severity('warning')} warnings ({new} new)"
        )

    def unread(self) -> int:
        """Files whose content went unchecked: failed, or skipped because no reader takes them."""
        return sum(
            1
            for d in self.documents
            if d["status"] == "failed" or (d["status"] == "skipped" and d["reason"].startswith("unsupported"))
        )

    def triggered(self, fail_on: set[str]) -> bool:
        """--fail-on: only findings new in this run count; `failed` is any file that could not be read
        (failed, or unsupported)."""
        if "failed" in fail_on and self.unread():
            return True
        if "warning" in fail_on and (self.severity("warning", True) or self.severity("error", True)):
            return True
        return "error" in fail_on and self.severity("error", True) > 0


# ------------------------------------------------------------------------------------ inputs


def walk_inputs(paths: list[str], exclude: Path | None = None) -> list[Found]:
    """Every file under the given files and folders, each with its row-to-be (see pipeline.inputs);
    the members of zip archives are inputs of their own (see pipeline.archives)."""
    return expand_archives(walk(paths, exclude))


def rules_version(root: Path | None = None) -> str:
    """What a document's stored results depend on besides gouji's version: every file of RESULT_SOURCES
    but NOT_STORED, hashed as files (no import needed, so a rerun that skips everything stays cheap,
    and a changed rule, reader or row layout invalidates the catalog without a version bump)."""
    h = hashlib.sha256()
    root = root or Path(__file__).resolve().parents[1]
    files = [
        p
        for d in RESULT_SOURCES
        for p in _files_under(root / d)
        if "__pycache__" not in p.parts and p.relative_to(root).as_posix() not in NOT_STORED
    ]
    for p in sorted(files):
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def _files_under(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []


# ------------------------------------------------------------------------------------ scan


def _stored_from(result: Any, failures: int) -> tuple[StoredDocument, list[dict], list[dict]]:
    claims = sort_records(claim_records(result.claims) + [fact_record(f) for f in result.facts], "kind")
    evidence = getattr(result, "evidence", None)
    places = evidence.places if evidence is not None else []
    problem = evidence.problem if evidence is not None else ""
    records = [finding_record(f) for f in result.findings]
    for i, r in enumerate(records):
        r["_evidence"] = evidence_json(places[i] if i < len(places) else [], problem)
    findings = sort_records(records, "rule")
    doc = StoredDocument(
        sha256=result.sha256,
        format=result.format or "",
        kind=result.kind or "",
        pages=result.pages,
        status=result.status,
        reason=result.reason or "",
        seconds=round(float(result.seconds), 3),
        claims=len(result.claims),
        facts=len(result.facts),
        errors=result.count("error"),
        warnings=result.count("warning"),
        infos=result.count("info"),
        failures=failures,
    )
    return doc, claims, findings


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit), else the machine's."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def _engine(jobs: list[tuple[str, str]], options: ScanOptions, analyze: Analyze) -> Iterator[Any]:
    workers = options.workers or available_cores()
    if not options.cluster:
        yield from run_local(jobs, analyze, workers, options.timeout, options.memory_mb, options.max_tasks)
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--cluster needs Dask: pip install 'gouji[dask]'") from None
    if not isinstance(analyze, str):
        raise UsageError("--cluster runs the analysis by name (module:function), not an in-process function")
    if not jobs:
        return
    cluster = None
    if options.cluster == "local":
        import dask

        # non-daemonic worker processes may keep a warm pool of their own (see isolate.dask_task)
        dask.config.set({"distributed.worker.daemon": False})
        cluster = LocalCluster(
            n_workers=max(1, min(workers, len(jobs))),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(options.cluster, timeout=15)
        except (OSError, TimeoutError, ValueError) as e:
            raise UsageError(f"cannot reach the Dask scheduler at {options.cluster}: {e}") from None
    try:
        # workers elsewhere have another working directory: give them absolute paths (same file system)
        absolute = {os.path.abspath(p): p for p, _ in jobs}
        for result in run_dask(
            [(os.path.abspath(p), sha) for p, sha in jobs],
            client,
            options.timeout,
            options.memory_mb,
            analyze,
            options.max_tasks,
        ):
            result.path = absolute.get(result.path, result.path)
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def scan(
    paths: list[str],
    options: ScanOptions,
    analyze: Analyze = DEFAULT_ANALYZE,
    progress: Progress | None = None,
    rules: str | None = None,
) -> ScanReport:
    out = Path(options.out)
    inputs = walk_inputs(paths, exclude=out)
    prepare_out(out)
    with dir_lock(out):
        remove_stale_temporaries(out)
        catalog, warning = open_catalog(out / "catalog.sqlite", __version__, rules or rules_version())
        try:
            folders = [readable(os.path.abspath(p)).rstrip(os.sep) + os.sep for p in paths if os.path.isdir(p)]
            report = _scan_locked(inputs, options, analyze, progress, catalog, folders)
        finally:
            catalog.close()
        if warning:
            report.warnings.insert(0, warning)
        return report


def _scan_locked(
    inputs: list[Found],
    options: ScanOptions,
    analyze: Analyze,
    progress: Progress | None,
    catalog: Catalog,
    folders: list[str],
) -> ScanReport:
    out = Path(options.out)
    tick = progress or (lambda n, total, label: None)
    total = len(inputs)
    tick(0, total, "")

    shas: dict[str, str] = {}  # path → sha256
    decided: dict[str, Found] = {}  # path → its row, decided without reading (skipped, unreadable…)
    for f in inputs:
        if f.decided:
            decided[f.path] = f
            continue
        try:
            shas[f.path] = file_sha256(Path(f.path))
        except OSError as e:
            decided[f.path] = Found(f.path, f.key, f.shown, "failed", os_reason(e), f.format)
    by_sha: dict[str, list[str]] = {}
    for path, sha in shas.items():
        by_sha.setdefault(sha, []).append(path)

    outcome: dict[str, str] = {}  # sha → analysed | skipped | given-up
    jobs: list[tuple[str, str]] = []
    listings: dict[Path, list[Path]] = {}  # each folder's files, listed once
    for sha, paths in by_sha.items():
        stored = catalog.get(sha)
        if (
            options.rescan
            or stored is None
            or (stored.status == "failed" and stored.failures < MAX_FAILURES)
            or (stored.status != "failed" and _tables_file_changed(paths[0], stored.reason, shas, listings))
        ):
            jobs.append((paths[0], sha))
        else:
            outcome[sha] = "skipped" if stored.status != "failed" else "given-up"
    done = len(decided) + sum(len(by_sha[s]) for s in outcome)
    tick(done, total, "")

    for result in _engine(jobs, options, analyze):
        sha = result.sha256
        if not result.format:  # the worker died before telling; sniffing is cheap and safe here
            result.format = _sniff(result.path)
        result.reason = readable(result.reason or "")  # a message may quote a file name in any bytes
        before = catalog.get(sha)
        failures = 0
        if result.status == "failed":
            failures = 1 + (before.failures if before and before.status == "failed" else 0)
        try:
            doc, claims, findings = _stored_from(result, failures)
            evidence = getattr(result, "evidence", None)
            catalog.put(doc, claims, findings, evidence.crops if evidence is not None else None)
        except Exception as e:  # results that cannot be turned into rows or stored: this document only
            result.status, result.reason = (
                "failed",
                readable(f"crashed: results unusable ({type(e).__name__}: {e})")[:300],
            )
            result.claims, result.facts, result.findings, result.evidence = [], [], [], None
            doc, claims, findings = _stored_from(result, 1 + (before.failures if before else 0))
            catalog.put(doc, claims, findings)
        outcome[sha] = "analysed"
        tick(len(by_sha[sha]), total, readable(os.path.basename(result.path)))

    # superseded versions of a document, and files gone from a folder scanned again, leave the catalog
    current = {readable(os.path.abspath(p)): sha for p, sha in shas.items()}
    catalog.record_paths(current, catalog.paths_under(folders) - current.keys())
    return _export(inputs, shas, decided, by_sha, outcome, catalog, out, len(jobs))


def _tables_file_changed(path: str, reason: str, shas: dict[str, str], listings: dict[Path, list[Path]]) -> bool:
    """Whether the tables file read with a narrative (pipeline.companion) is not the one its stored result was
    checked against: a new, changed or removed 公开表 beside it makes the narrative's result stale."""
    other = tables_file_of(path, listings)
    was = stamped(reason)
    if other is None or was is None:
        return (other is None) != (was is None)
    try:
        sha = shas.get(str(other)) or file_sha256(other)
    except OSError:
        return True
    return was != (other.name, sha[:12])


def _rule_titles() -> dict[str, str]:
    from pipeline.checks import RULES

    return {rid: r.title for rid, r in RULES.items()}


def _sniff(path: str) -> str:
    """The format of a file whose worker died before telling, from its name and first bytes only: this
    runs in the scanning process, which must never parse what just killed or hung a worker."""
    from extractors.registry import HEAD_BYTES, MAGIC, SUFFIXES, describe

    try:
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return ""
    name = os.path.basename(path)
    by_magic = next((fmt for magic, fmt in MAGIC.items() if head.startswith(magic)), "")
    return SUFFIXES.get(Path(name).suffix.lower()) or by_magic or describe(name, head)[0]


def _document_row(f: Found, sha: str, stored: StoredDocument | None, outcome: str, first: Found) -> dict[str, Any]:
    row: dict[str, Any] = {c: "" for c in DOCUMENTS_COLUMNS}
    row.update(path=f.shown, sha256=sha, gouji_version=__version__)
    if stored is None:  # cannot happen unless the catalog was altered behind our back
        row.update(status="failed", reason="crashed: no result recorded", seconds=0)
        return row
    row.update(
        format=stored.format,
        kind=stored.kind,
        pages="" if stored.pages is None else stored.pages,
        status=stored.status,
        reason=stored.reason,
        seconds=stored.seconds,
        claims=stored.claims,
        facts=stored.facts,
        errors=stored.errors,
        warnings=stored.warnings,
        infos=stored.infos,
    )
    if outcome == "skipped" and stored.status != "skipped":
        was = f"; {stored.status}: {stored.reason}" if stored.status != "ok" and stored.reason else ""
        row.update(status="skipped", reason="unchanged since the last scan" + was, seconds=0)
    elif outcome == "skipped":
        row.update(seconds=0)  # skipped by its reader (unsupported): the reason says why, every run
    elif outcome == "given-up":
        row.update(reason=f"{stored.reason} (failed {stored.failures} times; not retried until --rescan)", seconds=0)
    if f.path != first.path and outcome == "analysed":
        same = f"same content as {first.shown}"
        row.update(reason=(row["reason"] + "; " if row["reason"] else "") + same, seconds=0)
    return row


def _decided_row(f: Found) -> dict[str, Any]:
    row: dict[str, Any] = {c: "" for c in DOCUMENTS_COLUMNS}
    row.update(path=f.shown, format=f.format, status=f.status, reason=f.reason, seconds=0, gouji_version=__version__)
    return row


def _export(
    inputs: list[Found],
    shas: dict[str, str],
    decided: dict[str, Found],
    by_sha: dict[str, list[str]],
    outcome: dict[str, str],
    catalog: Catalog,
    out: Path,
    analysed: int,
) -> ScanReport:
    documents: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    stored_records: list[dict[str, Any]] = []  # the catalog's records of `findings`, in the same order
    stored_by_sha: dict[str, StoredDocument | None] = {}
    by_path = {f.path: f for f in inputs}
    for f in inputs:  # sorted by path: rows come out sorted by document, then position
        if f.path in decided:
            documents.append(_decided_row(decided[f.path]))
            continue
        sha = shas[f.path]
        if sha not in stored_by_sha:
            stored_by_sha[sha] = catalog.get(sha)
        first = by_path[by_sha[sha][0]]
        documents.append(_document_row(f, sha, stored_by_sha[sha], outcome.get(sha, "analysed"), first))
        records = catalog.findings(sha)
        findings.extend(finding_rows(records, f.shown, __version__, f.key))
        stored_records.extend(records)
    unique_ids(findings)
    evidence = {row["finding_id"]: rec.get("_evidence", "") for row, rec in zip(findings, stored_records, strict=True)}

    def claims() -> Iterator[tuple[str, list[str]]]:  # streamed: an archive's claims need not fit in memory
        for f in inputs:
            if f.path not in decided:
                yield f.shown, catalog.claims_csv(shas[f.path])

    written = catalog.annotations()
    stamps = {name: catalog.meta(f"stamp:{name}") or "" for name in NOTE_FILES}
    previous = read_previous(out, written, stamps)
    resolved = compare(findings, previous.rows, written | previous.notes, {f.shown for f in inputs})
    # what this run writes into the auditors' columns: notes of findings not exported this run (other
    # folders, resolved ones) stay in the catalog until their findings come back
    carried = {r["finding_id"]: (r[AUDITOR_COLUMNS[0]], r[AUDITOR_COLUMNS[1]]) for r in findings + resolved}
    catalog.save_annotations({fid: v for fid, v in (previous.notes | carried).items() if any(v) or fid in written})

    with all_or_nothing(out) as stage:
        write_prerendered_csv(stage("claims.csv"), CLAIMS_COLUMNS, claims())
        write_findings_workbook(stage("findings.xlsx"), documents, findings, evidence)
        write_csv(stage("resolved.csv"), FINDINGS_COLUMNS, resolved, "findings")
        write_csv(stage("documents.csv"), DOCUMENTS_COLUMNS, documents, "documents")
        # the report's pages are written in place (pipeline.report); a failure there replaces no export
        write_report(out, documents, findings, evidence, catalog.crops, _rule_titles() if findings else {})
        # findings.csv last: it is the 'previous run' of the next scan, so it must match the catalog
        write_csv(stage("findings.csv"), FINDINGS_COLUMNS, findings, "findings")
    catalog.set_meta({f"stamp:{name}": stamp(out / name) for name in NOTE_FILES})
    return ScanReport(
        documents=documents, findings=findings, resolved=resolved, analysed=analysed, warnings=previous.warnings
    )
