"""Batch scanning with the real analysis: a mixed folder with hostile files, SIGKILL then rerun,
reruns that skip everything, and a real local Dask cluster giving the same outputs as the pool.

Slow versions (≥200 documents, the 2,000-page PDF, Dask on the full mix): `python -m pytest -m slow tests/test_batch_real.py`.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, REALDOCS, ROOT, SEED_TXT
from hostile import hostile_expected, make_hostile

from extractors.model import ReadError
from pipeline.batch import ScanOptions, scan

REASONS = ReadError.REASONS + ReadError.FILE_REASONS
SEED_FILES = [CORPUS / "beishan-2023.txt", CORPUS / "beishan-2023.docx", CORPUS / "beishan-2023.pdf"]


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def gouji(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,
    )


def seed_variants(folder: Path, n: int) -> list[Path]:
    """n distinct copies of the seed text (a different trailing line each), so each is analysed."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED_TXT.read_text("utf-8") if SEED_TXT.is_file() else SEED_FILES[0].read_text("utf-8")
    out = []
    for i in range(n):
        p = folder / f"variant-{i:03d}.txt"
        p.write_text(text + f"\n（第{i + 1}份）\n", "utf-8")
        out.append(p)
    return out


def mixed_folder(root: Path, copies: int, variants: int, realdocs: list[Path], big: bool = False) -> Path:
    d = root / "mix"
    make_hostile(d / "hostile", big=big, corpus_pdf=SEED_FILES[2])
    for i in range(copies):
        for f in SEED_FILES:
            target = d / "copies" / f"{i:03d}" / f.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    if variants:
        seed_variants(d / "variants", variants)
    for f in realdocs:
        target = d / "real" / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)  # a copy in the temporary folder; the originals are never touched
    return d


def check_mixed_run(
    d: Path, out: Path, timeout: float, expected_documents: int, big: bool = False
) -> list[dict[str, str]]:
    docs = csv_rows(out / "documents.csv")
    assert len(docs) == expected_documents
    assert len({x["path"] for x in docs}) == len(docs)
    for x in docs:
        assert x["status"] in ("ok", "partial", "failed", "skipped"), x
        if x["status"] != "ok":
            assert x["reason"], x
        if (
            x["status"] == "skipped"
        ):  # a first run skips only what no reader takes, and archives (their members are read)
            assert x["reason"].startswith(("unsupported: ", "archive: ")), x
        if x["status"] == "failed":
            assert x["reason"].split(":")[0] in REASONS, x
        assert float(x["seconds"] or 0) <= timeout + 2, x  # each within its limit
    by_name = {Path(x["path"]).name: x for x in docs if "/hostile/" in x["path"]}
    expected = hostile_expected(big)
    assert by_name.keys() == expected.keys()
    for name, expect in expected.items():  # each hostile document gets the row it must
        assert expect.matches(by_name[name]["status"], by_name[name]["reason"]), (name, by_name[name])
    seeds = [x for x in docs if "/copies/" in x["path"]]
    assert seeds and all(x["status"] == "ok" and int(x["errors"]) > 0 for x in seeds)
    findings = csv_rows(out / "findings.csv")
    assert len({f["finding_id"] for f in findings}) == len(findings)
    assert {f["document"] for f in findings} <= {x["path"] for x in docs}
    return docs


def test_small_mixed_run_survives_hostile_files(tmp_path: Path) -> None:
    """~30 documents: seed copies, a real report, 24 hostile files, each ending within its limit."""
    real = sorted(REALDOCS.glob("*商务委员会*.pdf")) if REALDOCS.is_dir() else []
    d = mixed_folder(tmp_path, copies=2, variants=0, realdocs=real)
    out = tmp_path / "out"
    timeout = 8.0
    started = time.monotonic()
    report = scan([str(d)], ScanOptions(out=out, workers=2, timeout=timeout))
    first = time.monotonic() - started
    # + 1: zip-without-document.docx is a zip archive, and its member hello.txt a document of its own
    docs = check_mixed_run(d, out, timeout, 24 + 6 + len(real) + 1)
    assert report.closing_line().startswith(f"Processed {len(docs)} documents: ")
    assert report.analysed == len({x["sha256"] for x in docs if x["sha256"]})  # identical copies analysed once
    # the whole run is bounded by the time limits, not by the worst file: 2 workers, ≤ 31 documents
    assert first < 31 * timeout / 2


def test_rerun_over_unchanged_folder_skips_every_document(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = gouji("scan", str(CORPUS), "--out", str(out), "--workers", "2")
    assert first.wait(timeout=300) in (0, 1)
    findings = csv_rows(out / "findings.csv")
    second = gouji("scan", str(CORPUS), "--out", str(out), "--fail-on", "error")
    assert second.wait(timeout=120) == 0  # nothing new
    line = second.stdout.read().decode().strip()
    assert line.startswith("Processed 3 documents: 0 ok, 0 partial, 3 skipped, 0 failed; ")
    assert line.endswith("(0 new)")
    assert {x["status"] for x in csv_rows(out / "documents.csv")} == {"skipped"}
    again = csv_rows(out / "findings.csv")
    assert [f["finding_id"] for f in again] == [f["finding_id"] for f in findings]
    assert {f["change"] for f in again} == {"unchanged"}


def _catalog_documents(path: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_halfway_then_rerun(tmp_path: Path) -> None:
    inputs = seed_variants(tmp_path / "in", 12)
    shutil.copyfile(inputs[0], tmp_path / "in" / "same-as-variant-000.txt")
    out = tmp_path / "out"
    proc = gouji("scan", str(tmp_path / "in"), "--out", str(out), "--workers", "1", start_new_session=True)
    deadline = time.monotonic() + 240
    while _catalog_documents(out / "catalog.sqlite") < 2:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    workers = _children(proc.pid)
    assert workers  # the pool's worker processes
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers):  # workers die with the scan (no orphan keeps working)
        assert time.monotonic() < deadline, [w for w in workers if _alive(w)]
        time.sleep(0.05)
    landed = _catalog_documents(out / "catalog.sqlite")
    assert 2 <= landed < 12, "the scan was not killed halfway"
    rerun = gouji("scan", str(tmp_path / "in"), "--out", str(out), "--workers", "2")
    assert rerun.wait(timeout=300) in (0, 1), rerun.stderr.read().decode()
    docs = csv_rows(out / "documents.csv")
    assert sorted(x["path"] for x in docs) == sorted(str(p) for p in (tmp_path / "in").iterdir())
    statuses = [x["status"] for x in docs]
    assert statuses.count("skipped") >= landed and statuses.count("failed") == 0
    findings = csv_rows(out / "findings.csv")
    assert findings and len({f["finding_id"] for f in findings}) == len(findings)
    keys = [(f["document"], f["location"], f["rule"], f["stated_value"], f["related_location"]) for f in findings]
    assert len(set(keys)) == len(keys)
    # every document's findings once: the identical copy has exactly the findings of its original
    per_doc = {}
    for f in findings:
        per_doc.setdefault(Path(f["document"]).name, []).append((f["location"], f["rule"]))
    assert per_doc["same-as-variant-000.txt"] == per_doc["variant-000.txt"]
    assert not list(out.glob(".gouji-tmp-*"))


def _comparable(out: Path) -> dict[str, list[dict[str, str]]]:
    docs = [{k: v for k, v in x.items() if k != "seconds"} for x in csv_rows(out / "documents.csv")]
    for x in docs:  # a timing-dependent outcome would make the comparison flaky; none is expected here
        assert not x["reason"].startswith("timeout"), x
    return {
        "documents": docs,
        "findings": csv_rows(out / "findings.csv"),
        "claims": csv_rows(out / "claims.csv"),
    }


def test_dask_local_cluster_gives_the_same_outputs(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    d = tmp_path / "in"
    d.mkdir()
    shutil.copyfile(SEED_FILES[0], d / SEED_FILES[0].name)
    shutil.copyfile(SEED_FILES[0], d / "copy.txt")
    (d / "zero.pdf").write_bytes(b"")
    (d / "random.docx").write_bytes(os.urandom(3000) + b"\x00")
    local = scan([str(d)], ScanOptions(out=tmp_path / "local", workers=2, timeout=60))
    started = time.monotonic()
    dask = scan([str(d)], ScanOptions(out=tmp_path / "dask", workers=2, timeout=60, cluster="local"))
    assert time.monotonic() - started < 60
    assert dask.analysed == local.analysed == 3
    a, b = _comparable(tmp_path / "local"), _comparable(tmp_path / "dask")
    assert a["documents"] == b["documents"]
    assert a["findings"] == b["findings"] and a["findings"]
    assert a["claims"] == b["claims"]


def test_subprocess_task_time_limit_and_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The task Dask runs: a fresh child process per document, killed at the time limit."""
    from pipeline.isolate import run_in_subprocess

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")])))
    hang, crash, hog = tmp_path / "hang.txt", tmp_path / "raise.txt", tmp_path / "hog.txt"
    hang.write_text("SLEEP 60\n")
    crash.write_text("RAISE\n")
    hog.write_text("MEMORY 3000\n")
    started = time.monotonic()
    result = run_in_subprocess(str(hang), "ab" * 32, 3, 1024, analyze="hostile:fake_analyze")
    assert result.status == "failed" and result.reason.startswith("timeout")
    assert time.monotonic() - started < 10
    result = run_in_subprocess(str(crash), "cd" * 32, 30, 1024, analyze="hostile:fake_analyze")
    assert result.status == "failed" and result.reason.startswith("crashed: ValueError")
    result = run_in_subprocess(str(hog), "ef" * 32, 30, 700, analyze="hostile:fake_analyze")
    assert result.status == "failed" and result.reason.startswith("oom")


# ------------------------------------------------------------------------------------ slow


@pytest.mark.slow
def test_200_documents_with_realdocs_and_hostile_files(tmp_path: Path) -> None:
    real = sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []
    d = mixed_folder(tmp_path, copies=40, variants=50, realdocs=real, big=True)
    total = len([p for p in d.rglob("*") if p.is_file()])
    assert total >= 200
    out = tmp_path / "out"
    timeout = 120.0
    proc = gouji("scan", str(d), "--out", str(out), "--timeout", str(timeout))
    assert proc.wait(timeout=3600) in (0, 1), proc.stderr.read().decode()
    docs = check_mixed_run(d, out, timeout, total + 1, big=True)  # + the member of zip-without-document.docx
    big = next(x for x in docs if x["path"].endswith("pages-2000.pdf"))
    assert big["status"] in ("ok", "partial", "failed") and (big["status"] != "failed" or big["reason"])
    for x in docs:
        if "/real/" in x["path"]:
            assert x["status"] in ("ok", "partial"), x


@pytest.mark.slow
def test_dask_on_the_mixed_folder(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    d = mixed_folder(tmp_path, copies=2, variants=4, realdocs=[])
    for p in (d / "hostile").glob("*"):  # timing-dependent outcomes cannot be compared run to run
        if p.name in ("long-line.txt", "pages-200.pdf", "zip-bomb.docx"):
            p.unlink()
    scan([str(d)], ScanOptions(out=tmp_path / "local", workers=2, timeout=120))
    scan([str(d)], ScanOptions(out=tmp_path / "dask", workers=2, timeout=120, cluster="local"))
    assert _comparable(tmp_path / "local") == _comparable(tmp_path / "dask")
