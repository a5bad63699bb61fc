"""findings.xlsx for auditors: 汇总 first, findings under Chinese headers with where to look, errors and
warnings before infos, wrapped text and row heights; a note typed into it reaches the next scan."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from pipeline import workbook
from pipeline.batch import ScanOptions, scan
from pipeline.export import read_csv
from pipeline.rows import FINDINGS_COLUMNS, column_for_header
from pipeline.workbook import finding_columns, header, write_findings_workbook
from tests.conftest import CORPUS, realdoc


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wb")
    shutil.copy(realdoc("财政局"), folder / "财政局决算.pdf")
    shutil.copy(CORPUS / "beishan-2023.txt", folder / "beishan.txt")
    scan([str(folder / "财政局决算.pdf"), str(folder / "beishan.txt")], ScanOptions(out=folder / "out", workers=1))
    return folder / "out"


def _sheet(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))
    columns = [str(h) for h in rows[0]]
    return [dict(zip(columns, r, strict=True)) for r in rows[1:]]


def test_summary_first_then_errors_and_warnings_then_infos(scanned: Path) -> None:
    wb = openpyxl.load_workbook(scanned / "findings.xlsx")
    assert wb.sheetnames == ["汇总", "错误和警告", "提示"]
    summary = _sheet(wb["汇总"])
    docs = {Path(str(r["文件"])).name: r for r in summary if r["文件"] and not str(r["文件"]).startswith("合计")}
    assert set(docs) == {"财政局决算.pdf", "beishan.txt"}
    finance = docs["财政局决算.pdf"]
    assert finance["类型"] == "部门决算" and finance["状态"] == "完成" and finance["页数"] == 25
    rows = read_csv(scanned / "findings.csv")
    for name, doc in docs.items():
        mine = [r for r in rows if r["document"].endswith(name)]
        for severity, title in (("error", "错误"), ("warning", "警告"), ("info", "提示")):
            assert doc[title] == sum(1 for r in mine if r["severity"] == severity)
    total = summary[-1]
    assert str(total["文件"]).startswith("合计") and total["错误"] == sum(1 for r in rows if r["severity"] == "error")

    main, infos = _sheet(wb["错误和警告"]), _sheet(wb["提示"])
    assert {r["严重程度"] for r in main} == {"错误", "警告"} and {r["严重程度"] for r in infos} == {"提示"}
    assert len(main) + len(infos) == len(rows)
    for doc in {r["文件"] for r in main}:
        ranks = [0 if r["严重程度"] == "错误" else 1 for r in main if r["文件"] == doc]
        assert ranks == sorted(ranks)  # each document's errors before its warnings


def test_chinese_headers_that_read_back_as_the_contract_columns(scanned: Path) -> None:
    ws = openpyxl.load_workbook(scanned / "findings.xlsx")["错误和警告"]
    headers = [c.value for c in ws[1]]
    assert headers == [header(c) for c in finding_columns()]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in headers)
    assert [column_for_header(h) for h in headers if column_for_header(h)] == FINDINGS_COLUMNS
    assert "在文档中查找" in headers and "关联处在文档中查找" in headers


def test_where_to_look_wrapping_and_row_heights(scanned: Path) -> None:
    ws = openpyxl.load_workbook(scanned / "findings.xlsx")["错误和警告"]
    headers = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(headers)}
    row = next(r for r in ws.iter_rows(min_row=2) if "总计0.3万元" in str(r[col["原文"]].value))
    assert row[col["在文档中查找"]].value == "第21页 “收入支出总计0.3万元”"
    related = row[col["关联处在文档中查找"]].value
    assert "第13页" in related and "财政拨款收入支出决算总表" in related and "2,961.68" in related
    assert row[col["页码"]].value == 21 and isinstance(row[col["编号"]].value, str)
    assert row[col["说明"]].alignment.wrap_text and row[col["原文"]].alignment.wrap_text
    heights = [ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)]
    assert all(15 <= h <= workbook.LINE_HEIGHT * workbook.MAX_LINES for h in heights)
    assert ws.row_dimensions[row[0].row].height > 15  # its explanation runs over several lines
    assert ws.column_dimensions["A"].width >= 18 and ws.freeze_panes == "C2"


def test_a_note_typed_into_the_workbook_reaches_the_next_scan(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(CORPUS / "beishan-2023.txt", folder / "beishan.txt")
    scan([str(folder)], ScanOptions(out=out, workers=1))
    wb = openpyxl.load_workbook(out / "findings.xlsx")  # as an auditor in Excel would
    ws = wb["错误和警告"]
    headers = [c.value for c in ws[1]]
    fid = ws.cell(row=3, column=headers.index("编号") + 1).value
    ws.cell(row=3, column=headers.index("核实状态") + 1, value="已核实")
    ws.cell(row=3, column=headers.index("审计备注") + 1, value="见底稿3-2，与财务科确认")
    wb.save(out / "findings.xlsx")

    scan([str(folder)], ScanOptions(out=out, workers=1))
    carried = {r["finding_id"]: (r["核实状态"], r["审计备注"]) for r in read_csv(out / "findings.csv")}
    assert carried[fid] == ("已核实", "见底稿3-2，与财务科确认")
    assert sum(1 for v in carried.values() if v != ("", "")) == 1
    again = _sheet(openpyxl.load_workbook(out / "findings.xlsx")["错误和警告"])
    assert [(r["核实状态"], r["审计备注"]) for r in again if r["编号"] == fid] == [
        ("已核实", "见底稿3-2，与财务科确认")
    ]
    assert "见底稿3-2，与财务科确认" in (out / "report.html").read_text(encoding="utf-8")


def _row(i: int, severity: str = "error", **kw: str) -> dict[str, str]:
    base = {c: "" for c in FINDINGS_COLUMNS}
    base.update(finding_id=f"{i:016d}", document="a.txt", severity=severity, stated_text="基本支出占82.58%")
    base.update(kw)
    return base


def test_a_new_sheet_past_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "XLSX_MAX_ROWS", 3)
    rows = [_row(i, difference=str(-i), stated_text="=x" if i == 0 else "y") for i in range(7)]
    rows.append(_row(99, severity="info"))
    path = tmp_path / "f.xlsx"
    write_findings_workbook(path, [{"path": "a.txt", "status": "ok", "errors": "7"}], rows, {})
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "错误和警告", "错误和警告 (2)", "错误和警告 (3)", "提示"]
    ws = wb["错误和警告"]
    values = list(ws.iter_rows(values_only=True))
    col = finding_columns().index
    assert len(values) == 4 and values[1][0] == "0000000000000000"  # ids stay text, leading zeros kept
    assert values[2][col("difference")] == -1
    assert values[1][col("stated_text")] == "=x" and ws.cell(2, col("stated_text") + 1).data_type == "s"
    assert len(list(wb["错误和警告 (3)"].iter_rows(values_only=True))) == 2
    assert [r[0] for r in wb["提示"].iter_rows(min_row=2, values_only=True)] == ["0000000000000099"]
