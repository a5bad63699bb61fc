"""Problem 2: auditors' notes survive ordinary use — typed into either file, a revised report, a moved
archive, a scan from another folder or by another path; ids never look like numbers to Excel."""

from __future__ import annotations

import csv
import os
import shutil
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import CORPUS
from hostile import fake_analyze

from pipeline import rows as rows_module
from pipeline.batch import ScanOptions, scan
from pipeline.cli import main
from pipeline.export import read_csv
from pipeline.notes import merge_notes, read_xlsx_rows
from pipeline.rows import FINDINGS_COLUMNS, column_for_header

SEED = CORPUS / "beishan-2023.txt"


def gouji_scan(path: str | Path, out: Path, cwd: Path | None = None) -> list[dict[str, str]]:
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        assert main(["scan", str(path), "--out", str(out), "--workers", "1", "--quiet"]) in (0, 1)
    finally:
        os.chdir(old)
    return read_csv(out / "findings.csv")


def write_notes_csv(out: Path, notes: dict[str, tuple[str, str]]) -> None:
    rows = read_csv(out / "findings.csv")
    for r in rows:
        if r["finding_id"] in notes:
            r["核实状态"], r["审计备注"] = notes[r["finding_id"]]
    with open(out / "findings.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, FINDINGS_COLUMNS)
        w.writeheader()
        w.writerows(rows)


def write_notes_xlsx(out: Path, notes: dict[str, tuple[str, str]]) -> None:
    """As an auditor in Excel would: type into the two columns of the findings sheet and save."""
    wb = openpyxl.load_workbook(out / "findings.xlsx")
    for ws in wb.worksheets:
        header = [column_for_header(str(c.value or "")) for c in ws[1]]
        if "finding_id" not in header:
            continue
        fid, status, note = (header.index(c) for c in ("finding_id", "核实状态", "审计备注"))
        for row in ws.iter_rows(min_row=2):
            if row[fid].value in notes:
                row[status].value, row[note].value = notes[row[fid].value]
    wb.save(out / "findings.xlsx")


def later(path: Path, seconds: float = 5) -> None:
    st = path.stat()
    os.utime(path, (st.st_atime, st.st_mtime + seconds))


def test_ids_depend_on_what_the_finding_is_about_not_on_where_the_archive_is(tmp_path: Path) -> None:
    archive = tmp_path / "archive" / "2023"
    archive.mkdir(parents=True)
    shutil.copy(SEED, archive / "北山.txt")
    out = tmp_path / "out"
    first = gouji_scan(archive, out)
    assert len(first) > 5
    ids = [r["finding_id"] for r in first]
    assert len(set(ids)) == len(ids)
    assert all(i[0].isalpha() and not i.replace("-", "").isdigit() for i in ids)  # never a number in Excel
    notes = {ids[0]: ("已核实", "见底稿第3页"), ids[-1]: ("误报", "")}
    write_notes_csv(out, notes)

    # the same archive scanned by an absolute path, from another folder, then moved elsewhere
    assert [r["finding_id"] for r in gouji_scan(archive.resolve(), out, cwd=tmp_path)] == ids
    moved = tmp_path / "elsewhere" / "2023"
    shutil.move(str(archive), moved)
    again = gouji_scan(os.path.relpath(moved, tmp_path), out, cwd=tmp_path)
    assert [r["finding_id"] for r in again] == ids
    got = {r["finding_id"]: (r["核实状态"], r["审计备注"]) for r in again if any((r["核实状态"], r["审计备注"]))}
    assert got == notes

    # the publisher replaces the file with a revision: one sentence without figures appended
    (moved / "北山.txt").write_text(SEED.read_text("utf-8") + "\n以上情况特此说明。\n", "utf-8")
    revised = gouji_scan(moved, out)
    assert [r["finding_id"] for r in revised] == ids
    assert {r["change"] for r in revised} == {"unchanged"}
    assert {r["finding_id"]: (r["核实状态"], r["审计备注"]) for r in revised if r["核实状态"]} == notes


def test_notes_typed_into_the_workbook_are_carried(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("F|share.x|error|82.58|82.84|基本支出占82.58%|3\nF|sum.x|error|5|6|合计5|4\n", "utf-8")
    out = tmp_path / "out"
    opts = ScanOptions(out=out, workers=1)
    scan([str(d)], opts, analyze=fake_analyze, rules="r")
    a, b = (r["finding_id"] for r in read_csv(out / "findings.csv"))
    write_notes_xlsx(out, {a: ("已核实", "=见底稿")})
    later(out / "findings.xlsx")
    report = scan([str(d)], opts, analyze=fake_analyze, rules="r")
    got = {r["finding_id"]: (r["核实状态"], r["审计备注"]) for r in report.findings}
    assert got == {a: ("已核实", "=见底稿"), b: ("", "")}
    assert {(r["finding_id"], r["核实状态"]) for r in read_xlsx_rows(out / "findings.xlsx")} == {(a, "已核实"), (b, "")}

    # one note typed into each file: both kept; the same note changed in both: the later save wins
    write_notes_csv(out, {b: ("待核实", "csv")})
    write_notes_xlsx(out, {a: ("误报", "xlsx")})
    later(out / "findings.xlsx")
    got = {
        r["finding_id"]: (r["核实状态"], r["审计备注"]) for r in scan([str(d)], opts, fake_analyze, rules="r").findings
    }
    assert got == {a: ("误报", "xlsx"), b: ("待核实", "csv")}
    write_notes_xlsx(out, {b: ("已核实", "xlsx wins")})
    write_notes_csv(out, {b: ("误报", "csv is older")})
    later(out / "findings.xlsx", 60)
    got = {r["finding_id"]: r["审计备注"] for r in scan([str(d)], opts, fake_analyze, rules="r").findings}
    assert got == {a: "xlsx", b: "xlsx wins"}

    # a finding that disappears goes to resolved.csv with its notes
    (d / "a.txt").write_text("F|share.x|error|82.58|82.84|基本支出占82.58%|3\n", "utf-8")
    report = scan([str(d)], opts, analyze=fake_analyze, rules="r")
    assert [(r["finding_id"], r["审计备注"]) for r in report.resolved] == [(b, "xlsx wins")]
    assert read_csv(out / "resolved.csv")[0]["核实状态"] == "已核实"


def test_translated_workbook_headers_and_an_unreadable_workbook(tmp_path: Path, monkeypatch) -> None:
    """The findings sheet is found by its header row through rows.XLSX_HEADERS, whatever the headers
    say and wherever the sheet is; a workbook that cannot be read is kept aside, never overwritten."""
    monkeypatch.setitem(rows_module.XLSX_HEADERS, "finding_id", "编号")
    monkeypatch.setitem(rows_module.XLSX_HEADERS, "审计备注", "备注")
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    wb.active.append(["文件", "错误"])
    ws = wb.create_sheet("发现")
    ws.append(["说明：请在右侧两列填写"])
    ws.append(["编号", "核实状态", "备注", "rule"])
    ws.append(["Fabc", "已核实", "底稿", "share.x"])
    wb.save(tmp_path / "findings.xlsx")
    assert read_xlsx_rows(tmp_path / "findings.xlsx") == [
        {"finding_id": "Fabc", "核实状态": "已核实", "审计备注": "底稿", "rule": "share.x"}
    ]

    d, out = tmp_path / "in", tmp_path / "out"
    d.mkdir()
    (d / "a.txt").write_text("F|share.x|error|82.58|82.84|基本支出占82.58%|3\n", "utf-8")
    scan([str(d)], ScanOptions(out=out, workers=1), analyze=fake_analyze, rules="r")
    (out / "findings.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    report = scan([str(d)], ScanOptions(out=out, workers=1), analyze=fake_analyze, rules="r")
    kept = list(out.glob("findings.xlsx.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"PK\x03\x04 not really a workbook"
    assert len(report.warnings) == 1 and "findings.xlsx could not be read" in report.warnings[0]
    assert (out / "findings.xlsx").read_bytes()[:2] == b"PK" and openpyxl.load_workbook(out / "findings.xlsx")


@pytest.mark.parametrize(
    "csv_note,xlsx_note,written,newer,expected",
    [
        (("已核实", ""), ("已核实", ""), ("", ""), "csv", ("已核实", "")),  # agree
        (("已核实", ""), ("", ""), ("", ""), "xlsx", ("已核实", "")),  # only the csv was edited
        (("", ""), ("误报", ""), ("", ""), "csv", ("误报", "")),  # only the xlsx was edited
        (("已核实", "a"), ("误报", "b"), ("", ""), "xlsx", ("误报", "b")),  # both: the later save
        (("已核实", "a"), ("误报", "b"), ("", ""), "csv", ("已核实", "a")),
        (("", ""), ("已核实", "a"), ("已核实", "a"), "xlsx", ("", "")),  # cleared in the csv: kept cleared
    ],
)
def test_merge_notes(csv_note, xlsx_note, written, newer, expected) -> None:
    now = time.time()
    sources = [
        (now + (1 if newer == "csv" else 0), {"F1": csv_note}),
        (now + (1 if newer == "xlsx" else 0), {"F1": xlsx_note}),
    ]
    assert merge_notes(sources, {"F1": written}) == {"F1": expected}
