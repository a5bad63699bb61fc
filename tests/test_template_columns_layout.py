"""template.columns on the 单位 layout: 基本支出 printed only as its sub-columns (人员经费 | 公用经费), no 小计."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx

from pipeline import analyze

HEADER = [
    ["科目编码", "科目名称", "本年支出", "", "", ""],
    ["", "", "合计", "基本支出", "", "项目支出"],
    ["", "", "", "人员经费", "公用经费", ""],
]
MERGES = [(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 0, 5), (1, 2, 2, 2), (1, 3, 1, 4), (1, 5, 2, 5)]


def _expense_table(tmp_path: Path, operation: str) -> Path:
    body = [
        ["204", "公共安全支出", "1,000.00", "600.00", "100.00", "300.00"],
        ["2040201", "行政运行", operation, "600.00", "100.00", ""],
        ["2040202", "一般行政管理事务", "300.00", "", "", "300.00"],
        ["", "合计", "1,000.00", "600.00", "100.00", "300.00"],
    ]
    return write_docx(
        tmp_path / "unit.docx",
        ["某单位2024年单位预算", "四、单位预算表", "支出预算表", "单位：万元", (HEADER + body, MERGES)],
    )


def _column_errors(path: Path) -> list[tuple[str, str]]:
    found = analyze.analyze_file(path).findings
    return [(f.location, str(f.stated_value)) for f in found if f.rule == "template.columns" and f.severity == "error"]


def test_a_part_split_under_its_merged_header_is_the_sum_of_its_sub_columns(tmp_path: Path) -> None:
    assert _column_errors(_expense_table(tmp_path, "700.00")) == []


def test_a_wrong_total_against_the_sub_columns_is_still_an_error(tmp_path: Path) -> None:
    assert _column_errors(_expense_table(tmp_path, "750.00")) == [("表1 r5c3", "750.00")]
