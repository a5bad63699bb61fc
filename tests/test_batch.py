"""Batch scanning with a fake analysis (fast, controlled): catalog, reruns, isolation, exports."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import fake_analyze

from pipeline.batch import ScanOptions, UsageError, scan, walk_inputs
from pipeline.export import read_csv
from pipeline.outdir import LockedError
from pipeline.rows import DOCUMENTS_COLUMNS, FINDINGS_COLUMNS
from pipeline.store import Catalog

RULES = "test-rules"


def run(paths: list[Path | str], out: Path, **kw) -> object:
    opts = ScanOptions(out=out, workers=kw.pop("workers", 2), timeout=kw.pop("timeout", 20), **kw)
    return scan([str(p) for p in paths], opts, analyze=fake_analyze, rules=RULES)


def finding(stated: str, expected: str, text: str = "基本支出占82.58%", para: int = 3, rule: str = "share.x") -> str:
    return f"F|{rule}|error|{stated}|{expected}|{text}|{para}"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(finding("82.58", "82.84") + "\nC|基本支出|2998.29|万元\n", "utf-8")
    (d / "sub" / "b.txt").write_text(finding("5", "", text="=1+1") + "\n" + finding("1", "4.2", para=1) + "\n", "utf-8")
    (d / "copy-of-a.txt").write_bytes((d / "a.txt").read_bytes())
    (d / "clean.txt").write_text("C|人员经费|2295.62|万元\n", "utf-8")
    (d / "table.csv").write_text("not a report", "utf-8")
    return d


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_scan_writes_the_contract_files(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run([docs], out)
    for name in ("findings.csv", "findings.xlsx", "claims.csv", "documents.csv", "resolved.csv", "catalog.sqlite"):
        assert (out / name).is_file(), name
    raw = (out / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0].split(",") == FINDINGS_COLUMNS
    documents = csv_rows(out / "documents.csv")
    assert list(documents[0]) == DOCUMENTS_COLUMNS
    assert [Path(d["path"]).name for d in documents] == ["a.txt", "clean.txt", "copy-of-a.txt", "b.txt", "table.csv"]
    assert {d["status"] for d in documents[:4]} == {"ok"}
    # every file found gets a row: one no reader takes is skipped and says so
    assert (documents[4]["status"], documents[4]["format"]) == ("skipped", "csv")
    assert documents[4]["reason"].startswith("unsupported: a .csv file; gouji reads ")
    copy = next(d for d in documents if d["path"].endswith("copy-of-a.txt"))
    assert "same content as" in copy["reason"] and copy["sha256"] == documents[0]["sha256"]
    assert report.analysed == 3  # the identical copy is analysed once
    findings = csv_rows(out / "findings.csv")
    assert len(findings) == 4 and len({f["finding_id"] for f in findings}) == 4
    assert all(f["change"] == "new" and f["gouji_version"] for f in findings)
    # sorted by document, then position: b.txt's paragraph 1 before its paragraph 3
    b = [f for f in findings if f["document"].endswith("b.txt")]
    assert [f["location"] for f in b] == ["段落2 [0:4]", "段落4 [0:4]"]
    claims = csv_rows(out / "claims.csv")
    assert {(c["document"].rsplit("/", 1)[-1], c["value"], c["kind"]) for c in claims} == {
        ("a.txt", "2998.29", "claim"),
        ("copy-of-a.txt", "2998.29", "claim"),
        ("clean.txt", "2295.62", "claim"),
    }
    assert (
        report.closing_line()
        == "Processed 5 documents: 4 ok, 0 partial, 1 skipped, 0 failed; 4 errors, 0 warnings (4 new)"
    )


def test_formula_text_escaped_and_negative_numbers_stay_numbers(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([docs], out)
    rows = list(csv.reader(io.StringIO((out / "findings.csv").read_bytes().decode("utf-8-sig"))))
    col = {c: i for i, c in enumerate(rows[0])}
    first, second = [r for r in rows[1:] if r[col["document"]].endswith("b.txt")]
    assert (first[col["stated_value"]], first[col["expected_value"]]) == ("1", "4.2")
    assert first[col["difference"]] == "-3.2"  # a number: not escaped
    assert second[col["stated_text"]] == "'=1+1"  # text: escaped
    assert second[col["expected_value"]] == "" and second[col["difference"]] == ""


def test_xlsx_has_the_same_rows(docs: Path, tmp_path: Path) -> None:
    import openpyxl

    from pipeline.workbook import finding_columns, header

    out = tmp_path / "out"
    run([docs], out)
    wb = openpyxl.load_workbook(out / "findings.xlsx")
    assert wb.sheetnames == ["汇总", "错误和警告", "提示"]
    ws = wb["错误和警告"]
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    columns = finding_columns()
    assert values[0] == [header(c) for c in columns]
    rows = read_csv(out / "findings.csv")
    assert len(values) - 1 == len(rows)
    col = {c: i for i, c in enumerate(columns)}
    names = {"error": "错误", "warning": "警告", "info": "提示", "new": "新", "unchanged": "未变"}
    for xrow, crow in zip(values[1:], rows, strict=True):
        for c in FINDINGS_COLUMNS:
            cell = xrow[col[c]]
            if c in ("page", "stated_value", "expected_value", "difference") and crow[c]:
                assert isinstance(cell, (int, float)) and abs(cell - float(crow[c])) < 1e-9, c
            elif c in ("severity", "change"):
                assert cell == names[crow[c]], c
            else:
                assert (cell or "") == crow[c], c
    diffs = [r[col["difference"]] for r in values[1:] if r[col["difference"]] is not None]
    assert -3.2 in [round(d, 6) for d in diffs]
    assert isinstance(values[1][col["finding_id"]], str)


def test_formula_injection(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "x.txt").write_text(finding("5", "8.2", text="=1+1") + "\n" + finding("1", "", text="@SUM(A1)", para=5) + "\n")
    out = tmp_path / "out"
    run([d], out)
    raw = (out / "findings.csv").read_bytes().decode("utf-8-sig")
    assert ",'=1+1," in raw and ",'@SUM(A1)," in raw
    assert ",-3.2," in raw  # 5 − 8.2
    import openpyxl

    from pipeline.workbook import finding_columns

    ws = openpyxl.load_workbook(out / "findings.xlsx")["错误和警告"]
    stated = [row[finding_columns().index("stated_text")] for row in ws.iter_rows(min_row=2)]
    assert "=1+1" in [c.value for c in stated]  # a text cell in the workbook (quote-prefixed), not a formula
    assert all(c.data_type == "s" for c in stated)


def test_rerun_skips_everything_and_keeps_findings(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run([docs], out)
    second = run([docs], out)
    assert second.analysed == 0
    assert {d["status"] for d in second.documents} == {"skipped"}
    assert len(second.findings) == len(first.findings)
    assert {f["change"] for f in csv_rows(out / "findings.csv")} == {"unchanged"}
    assert second.closing_line().endswith("5 skipped, 0 failed; 4 errors, 0 warnings (0 new)")
    assert csv_rows(out / "resolved.csv") == []
    assert not second.triggered({"error", "warning"})
    assert first.triggered({"error"}) and first.triggered({"warning"})
    # table.csv went unchecked (no reader takes it): --fail-on failed says so on every run
    assert first.triggered({"failed"}) and second.triggered({"failed"})
    (docs / "table.csv").unlink()
    assert not run([docs], out).triggered({"failed"})


def test_auditor_columns_carried_forward_and_fixed_finding_resolved(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([docs], out)
    rows = read_csv(out / "findings.csv")
    target = next(r for r in rows if r["document"].endswith("/a.txt"))
    other = next(r for r in rows if r["document"].endswith("b.txt") and r["stated_text"] == "=1+1")
    target["核实状态"], target["审计备注"] = "已核实", "=见底稿第3页"
    other["核实状态"] = "误报"
    with open(out / "findings.csv", "w", encoding="utf-8-sig", newline="") as f:  # as an auditor's editor would
        w = csv.DictWriter(f, FINDINGS_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    # the report of b.txt is fixed: its first finding disappears
    (docs / "sub" / "b.txt").write_text(finding("1", "4.2", para=1) + "\n", "utf-8")
    run([docs], out)
    now = read_csv(out / "findings.csv")
    carried = next(r for r in now if r["finding_id"] == target["finding_id"])
    assert (carried["核实状态"], carried["审计备注"], carried["change"]) == ("已核实", "=见底稿第3页", "unchanged")
    assert "'=见底稿第3页" in (out / "findings.csv").read_bytes().decode("utf-8-sig")
    resolved = read_csv(out / "resolved.csv")
    assert other["finding_id"] not in {r["finding_id"] for r in now}
    assert other["finding_id"] in {r["finding_id"] for r in resolved}
    assert next(r for r in resolved if r["finding_id"] == other["finding_id"])["核实状态"] == "误报"
    # b.txt was revised (a new sha256): its remaining finding is the same finding, with the same id
    kept = [r for r in now if r["document"].endswith("b.txt")]
    assert [(r["stated_value"], r["change"]) for r in kept] == [("1", "unchanged")]
    # a third run (another night) still carries the verdict
    run([docs], out)
    again = next(r for r in read_csv(out / "findings.csv") if r["finding_id"] == target["finding_id"])
    assert again["核实状态"] == "已核实"


def test_identical_finding_ids_made_unique(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "x.txt").write_text(finding("1", "2") + "\n" + finding("1", "2") + "\n")
    report = run([d], tmp_path / "out")
    ids = [f["finding_id"] for f in report.findings]
    assert len(ids) == 2 and len(set(ids)) == 2 and ids[1] == ids[0] + "-2"


def test_hang_crash_kill_and_memory_end_one_document_only(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "hang.txt").write_text("SLEEP 60\n")
    (d / "exit.txt").write_text("EXIT 3\n")
    (d / "kill.txt").write_text("KILL\n")
    (d / "raise.txt").write_text("RAISE\n")
    (d / "memory.txt").write_text("MEMORY 3000\n")
    (d / "good.txt").write_text(finding("82.58", "82.84") + "\n")
    started = time.monotonic()
    report = run([d], tmp_path / "out", timeout=3, memory_mb=700)
    assert time.monotonic() - started < 30
    by_name = {Path(r["path"]).name: r for r in report.documents}
    assert by_name["good.txt"]["status"] == "ok"
    expected = {
        "hang.txt": "timeout",
        "exit.txt": "crashed",
        "kill.txt": "oom",
        "raise.txt": "crashed",
        "memory.txt": "oom",
    }
    for name, reason in expected.items():
        assert by_name[name]["status"] == "failed", name
        assert by_name[name]["reason"].startswith(reason + ": "), (name, by_name[name]["reason"])
    assert report.closing_line().startswith("Processed 6 documents: 1 ok, 0 partial, 0 skipped, 5 failed")
    assert report.triggered({"failed"})


def test_failed_document_retried_then_given_up_until_rescan(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "bad.txt").write_text("FAIL corrupt: broken on purpose\n")
    (d / "partial.txt").write_text("PARTIAL cid garbage on p.2\n")
    out = tmp_path / "out"
    r1, r2, r3 = run([d], out), run([d], out), run([d], out)
    assert (r1.analysed, r2.analysed, r3.analysed) == (2, 1, 0)  # partial skipped on reruns; bad retried once
    bad = [next(x for x in r.documents if x["path"].endswith("bad.txt")) for r in (r1, r2, r3)]
    assert [b["status"] for b in bad] == ["failed"] * 3
    assert "not retried until --rescan" in bad[2]["reason"] and "not retried" not in bad[1]["reason"]
    part = next(x for x in r3.documents if x["path"].endswith("partial.txt"))
    assert part["status"] == "skipped" and "cid garbage" in part["reason"]
    r4 = run([d], out, rescan=True)
    assert r4.analysed == 2


def test_lock_refuses_a_second_scan(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,sys,time; f=open(sys.argv[1],'a+'); fcntl.lockf(f, fcntl.LOCK_EX);"
            " f.write('4242'); f.flush(); print('locked', flush=True); time.sleep(30)",
            str(out / ".lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match="another gouji scan"):
            run([docs], out)
    finally:
        holder.kill()
        holder.wait()
    run([docs], out)  # released when the holder died


def test_walk_inputs(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / ".hidden").mkdir(parents=True)
    (d / "out").mkdir()
    for name in ("a.PDF", "b.docx", "c.txt", "~$b.docx", ".x.txt", "d.dwg", ".hidden/e.txt", "out/f.txt"):
        (d / name).write_bytes(b"x")
    (tmp_path / "odd.name").write_bytes(b"x")
    found = walk_inputs([str(d), str(tmp_path / "odd.name"), str(d / "c.txt")], exclude=d / "out")
    rows = {f.key: (f.status, f.reason.split(":")[0]) for f in found}
    assert rows == {
        ".hidden": ("skipped", "ignored"),
        ".x.txt": ("skipped", "ignored"),
        "a.PDF": ("", ""),
        "b.docx": ("", ""),
        "c.txt": ("", ""),
        "d.dwg": ("skipped", "unsupported"),
        "out": ("skipped", "ignored"),
        "~$b.docx": ("skipped", "ignored"),
        "odd.name": ("", ""),  # named on the command line: always tried
    }
    with pytest.raises(UsageError, match="no such file"):
        walk_inputs([str(tmp_path / "missing")])
    os.mkfifo(d / "pipe.txt")  # would never finish hashing: a row, never opened
    pipe = next(f for f in walk_inputs([str(d)]) if f.key == "pipe.txt")
    assert (pipe.status, pipe.reason) == ("skipped", "unsupported: a pipe, not a regular file")
    with pytest.raises(UsageError, match="not a regular file"):
        walk_inputs([str(d / "pipe.txt")])


def test_catalog_is_keyed_by_versions(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([docs], out)
    opts = ScanOptions(out=out, workers=1)
    other = scan([str(docs)], opts, analyze=fake_analyze, rules="changed-rules")
    assert other.analysed == 3  # new rules version: everything is analysed again
    cat = Catalog(out / "catalog.sqlite", "0.1.0", "changed-rules")
    try:
        assert len(cat.dump()["documents"]) == 3  # old-version rows replaced, not duplicated
    finally:
        cat.close()
