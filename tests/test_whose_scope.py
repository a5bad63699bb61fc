"""Slips review sets adv49 and adv51 planted that went unflagged: a 其中 of one part named by a scope (其中市级31.46亿元)
is that scope's share of the item, and its scope ends with it; a bare 增长% beside 执行数 and 上年执行数 is this year's over
last year's; a 政府决算's figures are 决算 figures unless they say otherwise, and a change that fits the table's own row
blames the text's amount, not the rate."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx

from pipeline.analyze import analyze_file


def _alarms(path: Path) -> list[tuple[str, str, str]]:
    return [(f.rule, f.location, str(f.stated_value)) for f in analyze_file(path).findings if f.severity != "info"]


def _city(tmp_path: Path, city_education: str, growth: str = "-4.7") -> Path:
    whole = (
        [
            ["项目", "调整预算数", "执行数", "完成调整预算%", "上年执行数", "增长%"],
            ["教育支出", "1560000", "1508700", "96.7", "1463300", "3.1"],
            ["社会保障和就业支出", "1250000", "1226500", "98.1", "1150600", "6.6"],
            ["城乡社区支出", "1134563", "1043266", "92.0", "1094318", growth],
        ],
        [],
    )
    city = ([["项目", "执行数"], ["教育支出", city_education], ["社会保障和就业支出", "286140"]], [])
    return write_docx(
        tmp_path / "鲁港市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "鲁港市2025年预算执行情况和2026年预算草案的报告",
            "一、2025年预算执行情况",
            "从重点支出看，全市教育支出150.87亿元，增长3.1%，其中市级31.46亿元，增长4.4%；社会保障和就业支出122.65亿元，增长6.6%。",
            "附表1 2025年全市一般公共预算支出执行表",
            "单位：万元",
            whole,
            "附表2 2025年市级一般公共预算支出执行表",
            "单位：万元",
            city,
        ],
    )


def test_a_consistent_city_report_raises_nothing(tmp_path: Path) -> None:
    """全市 社会保障和就业支出 122.65 is the 全市 table's (1226500万元), not the 市级 table's 286140: the 市级 of the 其中
    before it ends at its ；."""
    assert _alarms(_city(tmp_path, "314600")) == []


def test_a_part_named_by_its_scope_is_compared_with_that_scope_s_table(tmp_path: Path) -> None:
    found = _alarms(_city(tmp_path, "304612"))  # 其中市级31.46亿元 against 市级 教育支出 304612万元
    assert [rule for rule, _, _ in found] == ["narrative_table.mismatch"]  # one printing each: either is named


def test_a_bare_growth_column_beside_last_year_s_column_is_checked(tmp_path: Path) -> None:
    found = _alarms(_city(tmp_path, "314600", growth="-7.4"))  # (1043266 ÷ 1094318 − 1) × 100 = −4.7
    assert [(rule, value) for rule, _, value in found] == [("percent_column.growth", "-7.4")]


def _final(tmp_path: Path, land: str) -> Path:
    table = (
        [
            ["项目", "预算数", "决算数", "上年决算数", "决算数为上年决算数的%"],
            ["政府性基金预算收入", "486000", "477534", "567240", "84.2"],
            ["国有土地使用权出让收入", "430000", "421675", "504396", "83.6"],
        ],
        [],
    )
    return write_docx(
        tmp_path / "澜江市2024年政府性基金预算决算.docx",
        [
            "澜江市2024年政府性基金预算决算",
            "一、政府性基金预算",
            f"2024年，全市政府性基金预算收入47.75亿元，下降15.8%。其中，国有土地使用权出让收入{land}亿元，下降16.4%。",
            "2024年全市政府性基金收入决算表",
            "单位：万元",
            table,
        ],
    )


def test_a_final_account_s_amount_against_its_table_and_the_rate_that_fits_the_table(tmp_path: Path) -> None:
    """41.27 against the table's 421675万元 is the slip; 下降16.4% is (421675 ÷ 504396 − 1) × 100, so it is no slip."""
    assert _alarms(_final(tmp_path, "42.17")) == []
    assert [(rule, value) for rule, _, value in _alarms(_final(tmp_path, "41.27"))] == [
        ("narrative_table.mismatch", "41.27")
    ]
