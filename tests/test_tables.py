"""Tables as data: `gouji tables` (a CSV per table, a workbook, an index) and the Python API `import gouji`."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import gouji
from extractors.model import Cell, Provenance, Table
from pipeline.batch import ScanOptions, scan
from pipeline.cli import main
from pipeline.tables import number, table_grid
from tests.conftest import CORPUS, realdoc, realdocs_pdfs

SHA = "0" * 64


def _extract_cells(file: Path, table: int, capsys: pytest.CaptureFixture[str]) -> tuple[dict, list[list[str]]]:
    """The table as `gouji extract --format json` gives it, spans expanded into a grid of texts."""
    assert main(["extract", str(file), "--format", "json"]) == 0
    blocks = [b for b in json.loads(capsys.readouterr().out)["blocks"] if b["kind"] == "table"]
    t = blocks[table]
    grid = [[""] * t["n_cols"] for _ in range(t["n_rows"])]
    for c in t["cells"]:
        for r in range(c["row"], min(c["row"] + c["rowspan"], t["n_rows"])):
            for k in range(c["col"], min(c["col"] + c["colspan"], t["n_cols"])):
                grid[r][k] = c["text"]
    return t, grid


@pytest.mark.parametrize(
    ("which", "table"),
    [("docx", 1), ("财政局", 4)],
    ids=["seed-docx-scoresheet-merged-cells", "finance-pdf-table-over-three-pages"],
)
def test_a_tables_dataframe_is_the_cells_gouji_extract_gives(
    which: str, table: int, capsys: pytest.CaptureFixture[str]
) -> None:
    file = CORPUS / "beishan-2023.docx" if which == "docx" else realdoc(which)
    meta, cells = _extract_cells(file, table, capsys)
    df = gouji.read(file).tables[table].to_pandas()
    heads = meta["header_rows"]
    assert heads >= 2 and isinstance(df.columns, pd.MultiIndex)
    for level in range(heads):
        assert list(df.columns.get_level_values(level)) == cells[level]
    assert list(df.index) == list(range(heads + 1, meta["n_rows"] + 1))
    figures = 0
    for r in range(heads, meta["n_rows"]):
        for c in range(meta["n_cols"]):
            got, printed = df.iloc[r - heads, c], cells[r][c]
            if isinstance(got, Decimal):
                figures += 1
                assert got == Decimal(printed.replace(",", "").rstrip("%")), (r, c, printed)
                assert str(got) == printed.replace(",", "").rstrip("%")  # printed decimals kept
            else:
                assert (got or "") == printed, (r, c)
    assert figures > 10
    as_float = gouji.read(file).tables[table].to_pandas(numbers="float")
    assert {type(v) for v in as_float.to_numpy().ravel() if not isinstance(v, str) and v is not None} == {float}


def test_numbers_keep_their_printed_decimals_and_codes_stay_text() -> None:
    assert number("2,961.68") == (Decimal("2961.68"), 2, False, True)
    assert number("2961.70") == (Decimal("2961.70"), 2, False, False) and str(number("2961.70")[0]) == "2961.70"
    assert number("８２.５８％") == (Decimal("82.58"), 2, True, False)
    assert number("5万元") is None and number("—") is None and number("") is None
    cells = [Cell("科目编码", 0, 0), Cell("科目名称", 0, 1), Cell("决算数", 0, 2)]
    cells += [Cell("2010101", 1, 0), Cell("行政运行", 1, 1), Cell("12.50", 1, 2)]
    cells += [Cell("2010102", 2, 0), Cell("一般行政管理事务", 2, 1), Cell("7.05", 2, 2)]
    table = Table(cells, 3, 3, Provenance(SHA, block=0, table=0), header_rows=1, unit="万元")
    grid = table_grid(table)
    assert grid[1][0].value is None and grid[1][0].text == "2010101"  # a subject code, not an amount
    assert grid[1][2].value == Decimal("12.50") and grid[1][2].decimals == 2
    df = gouji.Table(table).to_pandas()
    assert list(df.columns) == ["科目编码", "科目名称", "决算数"]
    assert list(df.index) == [2, 3]  # grid rows, 1-based as in r2c3
    assert df.loc[3, "决算数"] == Decimal("7.05") and df.loc[2, "科目编码"] == "2010101"


def test_gouji_tables_on_every_file_of_corpus_and_realdocs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(CORPUS.glob("beishan-2023.*")) + realdocs_pdfs()
    out = tmp_path / "tables"
    assert main(["tables", *map(str, files), "--out", str(out)]) == 0
    assert f"of {len(files)} files" in capsys.readouterr().out.splitlines()[-1]
    with open(out / "index.csv", encoding="utf-8-sig", newline="") as f:
        index = list(csv.DictReader(f))
    assert {r["document"] for r in index} == {str(p) for p in files}
    for file in files:
        doc = gouji.read(file)
        mine = [r for r in index if r["document"] == str(file)]
        assert len(mine) == len(doc.tables) > 0
        book = openpyxl.load_workbook(out / mine[0]["workbook"], read_only=True)
        assert book.sheetnames == ["目录", *(r["sheet"] for r in mine)]
        book.close()
        for row, table in zip(mine, doc.tables, strict=True):
            assert (row["title"], row["unit"], int(row["rows"]), int(row["cols"])) == (
                table.title,
                table.unit,
                *table.shape,
            )
            grid = pd.read_csv(out / row["csv"], skiprows=5, header=None, dtype=str, keep_default_na=False)
            assert grid.shape == table.shape
            assert table.to_pandas().shape == (table.shape[0] - table.header_rows, table.shape[1])
    finance = next(r for r in index if "财政局" in r["document"] and r["title"] == "财政拨款收入支出决算总表")
    assert finance["pages"] == "12-14" and finance["unit"] == "万元"
    with open(out / finance["csv"], encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[:4] == [
        ["标题", "财政拨款收入支出决算总表"],
        ["单位", "万元"],
        ["页码", "12-14"],
        ["位置", "p.12 表5"],
    ]
    assert lines[5][:2] == ["收入", "收入"]  # a merged header repeated over its columns
    assert ["一、一般公共预算财政拨款", "2940.05"] == lines[7][:2]  # a number without separators
    sheet = openpyxl.load_workbook(out / finance["workbook"])[finance["sheet"]]
    assert "A4:B4" in {str(m) for m in sheet.merged_cells.ranges}  # merged in the workbook
    assert sheet["B6"].value == 2940.05 and sheet["B6"].number_format == "#,##0.00"


def test_gouji_tables_goes_on_past_a_file_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 cut short")
    assert main(["tables", str(bad), str(CORPUS / "beishan-2023.txt"), "--out", str(tmp_path / "t")]) == 1
    captured = capsys.readouterr()
    assert "broken.pdf: corrupt" in captured.err and "Traceback" not in captured.err
    assert "2 tables" in captured.out and (tmp_path / "t" / "beishan-2023.txt" / "表2.csv").is_file()


def test_check_gives_the_findings_of_a_scan_as_a_dataframe(tmp_path: Path) -> None:
    file = CORPUS / "beishan-2023.txt"
    df = gouji.check(file)
    assert list(df.columns) == gouji.FINDING_COLUMNS
    scan([str(file)], ScanOptions(out=tmp_path / "o", workers=1))
    with open(tmp_path / "o" / "findings.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(df["finding_id"]) == [r["finding_id"] for r in rows]  # the same findings, the same ids
    assert list(df["location"]) == [r["location"] for r in rows]
    stated = [v for v in df["stated_value"] if v is not None]
    assert stated and all(isinstance(v, Decimal) for v in stated)
    assert df.loc[df["stated_value"] == Decimal("82.58"), "where"].iloc[0] == "“占本年支出82.58%”"
    assert isinstance(gouji.check(file, numbers="float")["stated_value"].dropna().iloc[0], float)


def test_read_raises_a_read_error_with_its_reason(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.7 cut short")
    with pytest.raises(gouji.ReadError) as e:
        gouji.read(bad)
    assert e.value.reason == "corrupt"
