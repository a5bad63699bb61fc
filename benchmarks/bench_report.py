"""What the evidence and report.html cost: ms per finding, share of the scan, and the report's size.

    python benchmarks/bench_report.py [FOLDER] [--repeat N]

Over every report in FOLDER (default ../shared/realdocs), best of N repeats:
  analysis   read, claims, facts, outline, checks of each document (what a scan did before report.html)
  evidence   extractors.evidence for its findings: places, and page bands rendered to JPEG (in the worker)
  report     pipeline.report.write_report for the whole folder, from the catalog of a finished scan
  workbook   pipeline.workbook.write_findings_workbook, the same way
and the size of report.html when each document is scanned alone (pages, findings, page images, MB).
Prints per-document figures, medians, and the report's share of the scan's time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.claims import extract_claims  # noqa: E402
from extractors.outline import build_outline  # noqa: E402
from extractors.registry import read_document  # noqa: E402
from extractors.tablefacts import extract_facts  # noqa: E402
from pipeline.analyze import gather_evidence  # noqa: E402
from pipeline.batch import ScanOptions, scan  # noqa: E402
from pipeline.checks import RULES, run_checks  # noqa: E402
from pipeline.report import write_report  # noqa: E402
from pipeline.store import Catalog  # noqa: E402
from pipeline.workbook import write_findings_workbook  # noqa: E402


def _pad(name: str, width: int = 40) -> str:
    out, used = "", 0
    for ch in name:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width - 2:
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000, out


def per_document(files: list[Path], repeat: int) -> None:
    print(
        f"{_pad('document')}{'pages':>6}{'finds':>6}{'images':>7}{'analysis ms':>12}{'evidence ms':>12}{'ms/find':>8}"
    )
    per_finding, shares = [], []
    for path in files:

        def analysis(path: Path = path):
            doc = read_document(path)
            return doc, run_checks(extract_claims(doc), extract_facts(doc), build_outline(doc), doc=doc)

        t_analysis, (doc, findings) = _best(analysis, repeat)
        t_evidence, ev = _best(
            lambda doc=doc, findings=findings, path=path: gather_evidence(doc, findings, path), repeat
        )
        n = len(findings)
        if n:
            per_finding.append(t_evidence / n)
        shares.append(t_evidence / (t_analysis + t_evidence))
        print(
            f"{_pad(path.name)}{doc.pages or 0:>6}{n:>6}{len(ev.crops):>7}{t_analysis:>12.0f}{t_evidence:>12.0f}"
            f"{(t_evidence / n if n else 0):>8.1f}"
        )
    print(
        f"median evidence: {statistics.median(per_finding):.1f} ms per finding, "
        f"{100 * statistics.median(shares):.0f}% of a document's analysis + evidence"
    )


def _export_inputs(out: Path):
    import csv

    from pipeline import __version__
    from pipeline.batch import rules_version

    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as f:
        documents = list(csv.DictReader(f))
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as f:
        findings = list(csv.DictReader(f))
    catalog = Catalog(out / "catalog.sqlite", __version__, rules_version())
    evidence: dict[str, str] = {}
    by_sha = {d["sha256"]: d["path"] for d in documents if d["sha256"]}
    for sha, path in by_sha.items():
        ids = [r["finding_id"] for r in findings if r["document"] == path]
        evidence.update(zip(ids, (r.get("_evidence", "") for r in catalog.findings(sha)), strict=False))
    return documents, findings, evidence, catalog


def whole_folder(folder: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        started = time.perf_counter()
        scan([str(folder)], ScanOptions(out=out))
        t_scan = (time.perf_counter() - started) * 1000
        documents, findings, evidence, catalog = _export_inputs(out)
        titles = {rid: r.title for rid, r in RULES.items()}
        n = len(findings)
        t_report, _ = _best(lambda: write_report(out, documents, findings, evidence, catalog.crops, titles), repeat)
        t_book, _ = _best(lambda: write_findings_workbook(out / "findings.xlsx", documents, findings, evidence), repeat)
        size = (out / "report.html").stat().st_size
        catalog.close()
    print(
        f"\nscan of {folder} ({len(documents)} files, {n} findings): {t_scan:.0f} ms\n"
        f"report.html: {t_report:.0f} ms = {t_report / n:.2f} ms per finding ({100 * t_report / t_scan:.1f}% of the scan), "
        f"{size / 1e6:.2f} MB\n"
        f"findings.xlsx: {t_book:.0f} ms = {t_book / n:.2f} ms per finding ({100 * t_book / t_scan:.1f}% of the scan)"
    )


def sizes(files: list[Path]) -> None:
    print(f"\n{_pad('report.html of one document')}{'pages':>6}{'finds':>6}{'images':>7}{'MB':>7}{'KB/find':>8}")
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            report = scan([str(path)], ScanOptions(out=out, workers=1))
            doc = report.documents[0]
            size = (out / "report.html").stat().st_size
            import sqlite3

            images = sqlite3.connect(out / "catalog.sqlite").execute("SELECT count(*) FROM crops").fetchone()[0]
        n = len(report.findings)
        print(
            f"{_pad(path.name)}{doc['pages'] or 0:>6}{n:>6}{images:>7}{size / 1e6:>7.2f}{size / 1000 / max(n, 1):>8.0f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "realdocs"))
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".pdf", ".docx", ".txt"))
    per_document(files, args.repeat)
    whole_folder(folder, args.repeat)
    sizes(files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
