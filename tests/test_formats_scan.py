"""`gouji scan` on tests/data/formats (the seed in the formats archives hold): one row per file and per zip
member, each reading to the seed's known findings; the image-only PDF by OCR, its errors as warnings
with the OCR note (at least the 82.58% one). Needs LibreOffice and the OCR extra: without them this
skips, saying so, except under CI, which installs both (there a missing one fails)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from extractors import convert, pdf_ocr
from pipeline.batch import ScanOptions, scan
from pipeline.checks import OCR_NOTE
from tests.conftest import ROOT
from tests.test_read_formats import known
from tests.test_seed_findings import EXPECTED

FORMATS = ROOT / "tests" / "data" / "formats"
ZIP = "附件-北山镇.zip"
MEMBERS = (
    "附件1-北山镇2023年部门整体支出绩效自评报告.doc",
    "附件2-绩效评价基础数据表和自评表.xlsx",
    "附件3-网页版.html",
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict], list[dict]]:
    missing = [
        what for what, ok in (("LibreOffice", convert.available()), ("the OCR extra", pdf_ocr.available())) if not ok
    ]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{' and '.join(missing)} missing on CI: .ci/run installs both")
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed (see the README's Formats section)")
    out = tmp_path_factory.mktemp("formats-scan")
    # OCR of the 8-page scan takes a minute or two on 2 busy cores: the document's time limit allows it.
    # The workers fork from this pytest process, far larger than gouji's own, and the address-space limit
    # counts what they inherit: the limit is raised here, not for OCR (about 1.4 GB at its peak)
    scan([str(FORMATS)], ScanOptions(out=out, workers=2, timeout=900, memory_mb=4096))
    docs = {Path(r["path"]).relative_to(FORMATS).as_posix(): r for r in _rows(out / "documents.csv")}
    return docs, _rows(out / "findings.csv")


def _known(findings: list[dict], name: str) -> set[tuple[str, str]]:
    return {
        (f["rule"], f["stated_value"] or "None")
        for f in findings
        if f["document"].endswith(name) and f["severity"] in ("error", "warning")
    }


def test_one_row_per_file_and_per_zip_member(scanned) -> None:
    docs, _ = scanned
    files = sorted(p.name for p in FORMATS.iterdir())
    assert sorted(docs) == sorted(files + [f"{ZIP}!/{m}" for m in MEMBERS])
    assert docs[ZIP]["status"] == "skipped" and docs[ZIP]["reason"].startswith("archive: its 3 member(s)")
    for name, row in docs.items():
        if name != ZIP:
            assert row["status"] == "ok", (name, row["reason"])
    assert docs["beishan-2023.doc"]["format"] == "doc" and "converted from doc" in docs["beishan-2023.doc"]["reason"]
    assert docs["beishan-2023.rtf"]["format"] == "rtf" and "converted from rtf" in docs["beishan-2023.rtf"]["reason"]


@pytest.mark.parametrize(
    "name",
    ["beishan-2023.doc", "beishan-2023.wps", "beishan-2023.rtf", "beishan-2023.html", "beishan-2023.md"]
    + [f"{ZIP}!/{m}" for m in MEMBERS if not m.endswith(".xlsx")],
)
def test_each_reads_to_the_seed_findings(scanned, name: str) -> None:
    _, findings = scanned
    assert _known(findings, name) == EXPECTED


def test_workbooks_and_their_member_read_to_their_tables_findings(scanned) -> None:
    from extractors.model import Table
    from extractors.registry import read_document
    from tests.conftest import CORPUS

    doc = read_document(CORPUS / "beishan-2023.docx")
    doc.blocks = [b for b in doc.blocks if isinstance(b, Table)]
    reference = known(doc)
    _, findings = scanned
    for name in ("beishan-2023.xlsx", "beishan-2023.xls", f"{ZIP}!/{MEMBERS[1]}"):
        assert _known(findings, name) == reference, name


def test_the_scan_reads_by_ocr_to_the_82_58_finding_with_the_ocr_mark(scanned) -> None:
    docs, findings = scanned
    row = docs["beishan-2023-scan.pdf"]
    assert row["status"] == "ok" and "read by OCR" in row["reason"] and "page(s) 1-8" in row["reason"]
    hit = [f for f in findings if f["document"].endswith("scan.pdf") and f["rule"] == "share.stated-vs-computed"]
    hit = [f for f in hit if f["stated_value"] == "82.58"]
    assert len(hit) == 1 and hit[0]["severity"] == "warning" and OCR_NOTE in hit[0]["explanation"]
    assert hit[0]["page"] == "2"
    scan_errors = [f for f in findings if f["document"].endswith("scan.pdf") and f["severity"] == "error"]
    assert scan_errors == []  # every figure there was read by OCR: nothing is an error until checked
    assert _known(findings, "beishan-2023-scan.pdf") >= {("share.stated-vs-computed", "82.58")}
