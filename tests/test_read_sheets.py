"""Workbooks read as printed: number formats give the printed decimals, hidden rows and columns and cells
outside the print area are not read (and are reported), merged ranges are spans, title rows and the
单位 line are the caption, side-by-side tables are split, a 目录 sheet is the contents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.model import Provenance
from extractors.numfmt import display
from extractors.outline import build_outline
from extractors.registry import read_document
from extractors.sheet_tables import SheetData, Skipped, _printed, sheet_table
from extractors.tablefacts import extract_facts


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1234.5, "#,##0.00", "1,234.50"),
        (0.153073611743377, "0.0%", "15.3%"),
        (-0.0512758786711603, "0.0%", "-5.1%"),
        (-5, "#,##0_ ;[Red]\\-#,##0\\ ", "-5 "),
        (0, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', " - "),
        (12.5, '0.00"万元"', "12.50万元"),
        (1234567, "#,##0,", "1,235"),
        (0.1 + 0.2, "General", "0.3"),
        (2.675, "0.00", "2.68"),  # Excel rounds the shown value half away from zero
        (3.14159, "0.0#", "3.14"),
        (3, "0.0#", "3.0"),
        (-3, "0;(0)", "(3)"),
        (None, "0.00", ""),
        ("文字", "0.00", "文字"),
    ],
)
def test_number_formats(value, fmt, shown) -> None:
    assert display(value, fmt) == shown


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False), st.integers(0, 4))
def test_fixed_decimals_are_printed(value: Decimal, decimals: int) -> None:
    fmt = "0" + ("." + "0" * decimals if decimals else "")
    shown = display(float(value), fmt)
    assert len(shown.partition(".")[2]) == decimals
    assert abs(Decimal(shown) - value) <= Decimal(1).scaleb(-decimals) / 2 + Decimal("1e-9")


def grid(rows: list[list[str]]) -> dict[tuple[int, int], str]:
    return {(r, c): t for r, row in enumerate(rows) for c, t in enumerate(row) if t}


def table_of(sheet: SheetData, skipped: Skipped | None = None):
    rows, cols = _printed(sheet, skipped or Skipped())
    return sheet_table(sheet, Provenance("x", block=0, table=0), rows, cols)


def test_hidden_rows_columns_and_print_area() -> None:
    sheet = SheetData(
        name="表2",
        cells=grid(
            [
                ["", "2023年支出决算表"],
                ["", "表二", "", "单位：万元"],
                ["编码", "项目", "预算数", "决算数", "打印"],
                ["201", "一般公共服务支出", "100", "90", "是"],
                ["20101", "人大事务", "60", "50", "是"],
                ["20102", "政协事务", "40", "40", "否"],
            ]
        ),
        merged=[(0, 1, 0, 3)],
        hidden_rows={5},
        hidden_cols={0},
        print_area=(0, 0, 5, 3),
    )
    skipped = Skipped()
    t = table_of(sheet, skipped)
    assert t.title == "表二 2023年支出决算表" and t.unit == "万元"
    assert [[c.text for c in r] for r in t.rows()] == [
        ["项目", "预算数", "决算数"],
        ["一般公共服务支出", "100", "90"],
        ["人大事务", "60", "50"],
    ]
    assert skipped.hidden_rows == 1 and skipped.hidden_cols == 1 and skipped.outside_print_area == 4
    assert "1 hidden row(s) and 1 hidden column(s)" in skipped.note()


def test_merged_ranges_shrink_with_hidden_rows() -> None:
    sheet = SheetData(
        name="s",
        cells=grid([["项目", "金额"], ["收入", "1"], ["", "2"], ["", "3"]]),
        merged=[(1, 0, 3, 0)],
        hidden_rows={2},
    )
    t = table_of(sheet)
    label = t.rows()[1][0]
    assert (label.text, label.rowspan) == ("收入", 2)


def test_side_by_side_tables_are_split() -> None:
    sheet = SheetData(
        name="44",
        cells=grid(
            [["全市债务表", "", "本级债务表", ""], ["项目", "金额", "项目", "金额"], ["一般债务", "5", "一般债务", "3"]]
        ),
        merged=[(0, 0, 0, 1), (0, 2, 0, 3)],
    )
    doc_cells = __import__("extractors.sheet_tables", fromlist=["workbook_document"]).workbook_document(
        "p", "x", "xlsx", [sheet]
    )
    assert [t.title for t in doc_cells.tables()] == ["44 全市债务表", "44 本级债务表"]
    assert [[c.text for c in r] for r in doc_cells.tables()[1].rows()] == [["项目", "金额"], ["一般债务", "3"]]


def test_workbook_file(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    toc = wb.active
    toc.title = "目录"
    toc["A1"] = "目 录"
    toc["A2"] = "表一、收入表……1"
    ws = wb.create_sheet("01")
    ws["A1"] = "2025年收入表"
    ws.merge_cells("A1:C1")
    ws["C2"] = "单位：万元"
    ws.append(["项目", "预算数", "执行数"])
    ws.append(["税收收入", 1234.5, 0.9567])
    ws["B4"].number_format = "#,##0.00"
    ws["C4"].number_format = "0.0%"
    ws.append(["非税收入", 10, None])
    ws["C5"] = "=B5*2"  # a formula saved without a result
    hidden = wb.create_sheet("草稿")
    hidden["A1"] = "不公开"
    hidden.sheet_state = "hidden"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    doc = read_document(path)
    assert doc.format == "xlsx"
    t = doc.tables()[1]
    assert t.title == "01 2025年收入表" and t.unit == "万元"
    assert [c.text for c in t.rows()[1]] == ["税收收入", "1,234.50", "95.7%"]
    facts = {f.text: f.quantity for f in extract_facts(doc)}
    assert facts["1,234.50"].value == Decimal("1234.50") and facts["1,234.50"].decimals == 2
    assert facts["95.7%"].unit == "%" and facts["95.7%"].decimals == 1
    assert any("formula cell(s) saved without a result" in p for p in doc.problems)
    assert any("hidden sheet" in n and "草稿" in n for n in doc.notes)
    assert [e.text for e in build_outline(doc) if e.kind == "toc"] == ["表一、收入表"]


def _workbook(*sheets: SheetData):
    from extractors.sheet_tables import workbook_document

    return workbook_document("p", "x", "xlsx", list(sheets))


def test_a_narrative_sheet_is_read_as_paragraphs_and_its_claims_are_checked() -> None:
    """A 说明 sheet holding the report's text, one paragraph a row (merged across the columns)."""
    lines = [
        "某中心2025年单位预算",
        "一、收支预算总体情况",
        "2025年某中心收入总计1919.80万元，支出总计1919.80万元。",
        "二、支出预算情况",
        "2025年某中心支出预算1919.80万元，其中：基本支出1211.31万元，占63.10%；项目支出708.49万元，占36.90%。",
    ]
    note = SheetData(name="说明", cells=grid([[t] for t in lines]), merged=[(r, 0, r, 5) for r in range(len(lines))])
    table = SheetData(name="01", cells=grid([["项目", "金额"], ["基本支出", "1211.31"], ["项目支出", "708.49"]]))
    doc = _workbook(note, table)
    assert [p.text for p in doc.paragraphs()] == lines
    assert [p.prov.paragraph for p in doc.paragraphs()] == list(range(5))
    assert [t.title for t in doc.tables()] == ["01"] and doc.tables()[0].prov.table == 0
    from extractors.claims import extract_claims

    assert {c.quantity.value for c in extract_claims(doc)} >= {Decimal("1211.31"), Decimal("63.10")}


def test_prose_above_a_table_is_read_as_paragraphs_and_the_table_keeps_its_title() -> None:
    sheet = SheetData(
        name="01",
        cells=grid(
            [
                ["一、本年收入合计1000万元，比上年增长5.0%，主要是上级补助增加。", "", ""],
                ["二、本年支出合计900万元，比上年增长3.0%。", "", ""],
                ["2025年收入表", "", ""],
                ["单位：万元", "", ""],
                ["项目", "预算数", "执行数"],
                ["税收收入", "600", "610"],
            ]
        ),
    )
    doc = _workbook(sheet)
    assert [p.text[:6] for p in doc.paragraphs()] == ["一、本年收入", "二、本年支出"]
    (t,) = doc.tables()
    assert t.title == "01 2025年收入表" and t.unit == "万元"
    assert [c.text for c in t.rows()[0]] == ["项目", "预算数", "执行数"]


@pytest.mark.parametrize(
    "rows",
    [
        [["项目名称"], ["农村公路养护工程"], ["农田水利设施维护"], ["1200.00"]],  # a one-column list
        [["说明"], ["本表反映单位全部收支。"], ["1000.00"]],  # one sentence only
        [
            ["项目", "金额"],
            ["一般公共预算拨款收入1000万元，占本年收入的95%。", "1000"],
            ["其他收入。说明文字较长。", "50"],
        ],
    ],
)
def test_tables_are_not_prose(rows) -> None:
    doc = _workbook(SheetData(name="01", cells=grid(rows)))
    assert doc.paragraphs() == [] and len(doc.tables()) == 1


def test_tables_stacked_on_a_sheet_are_split_at_a_blank_row_and_a_new_title() -> None:
    """Two tables one above the other, a blank row between, the second with its own title, 单位 line and header: two
    tables, the second's title and header its own, not data rows of the first (adv270: the 专项 transfers' 合计 was
    offered the 一般性 transfers' total). A blank row before a note, or inside one table before a row heading over
    figures, splits nothing."""
    rows = [
        ["2024年一般性转移支付决算表", "", ""],
        ["单位：万元", "", ""],
        ["项目", "调整预算数", "决算数"],
        ["一般性转移支付合计", "300", "310"],
        ["均衡性转移支付", "100", "110"],
        ["县级基本财力保障机制奖补资金", "200", "200"],
        ["", "", ""],
        ["2024年专项转移支付决算表", "", ""],
        ["单位：万元", "", ""],
        ["项目", "调整预算数", "决算数"],
        ["专项转移支付合计", "50", "55"],
        ["教育", "20", "25"],
        ["交通运输", "30", "30"],
        ["", "", ""],
        ["注：本表为决算数。", "", ""],
    ]
    merged = [(0, 0, 0, 2), (7, 0, 7, 2)]
    first, second = _workbook(SheetData(name="转移支付表", cells=grid(rows), merged=merged)).tables()
    assert first.title == "转移支付表 2024年一般性转移支付决算表" and first.n_rows == 4
    assert second.title == "转移支付表 2024年专项转移支付决算表" and second.unit == "万元"
    assert [c.text for c in second.rows()[0]] == ["项目", "调整预算数", "决算数"]
    assert second.rows()[-1][0].text.startswith("注")  # the note stays with the table above it
    one = [["项目", "金额"], ["一、基本支出", "30"], ["", ""], ["二、项目支出", ""], ["业务费", "20"]]
    assert len(_workbook(SheetData(name="01", cells=grid(one))).tables()) == 1
