"""rate.execution-text: an execution rate written in the text (执行率, 预算执行率, 资金执行率) is the spending
over the budget printed before it in its sentence — in the phrasings of 绩效 reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_identity import scan_text

from extractors.claims import extract_claims
from extractors.md_reader import read_md
from extractors.outline import build_outline
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks

HEAD = "某镇2023年度部门整体支出绩效自评报告\n"


def execution(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, HEAD + text, "部门整体支出绩效自评报告")
    return [(f.severity, str(f.stated_value), f.subject) for f in found if f.rule == "rate.execution-text"]


CONSISTENT = {
    "project funds": "1.乡村道路养护项目\n项目预算资金100.00万元，实际支出90.00万元，执行率90.00%。\n",
    "预算执行率为": "全年预算数1794.99万元，全年实际支出1757.60万元，预算执行率97.92%。\n",
    "two budgets, the rate of the adjusted one": "项目年初预算50.00万元，调整预算60.00万元，实际支出57.00万元，执行率95.00%。\n",
    "spending over budget printed as 100%": "项目预算资金100.00万元，实际支出100.40万元，资金执行率100%。\n",
    "a rate of several figures": "基本支出和项目支出预算分别为80.00万元和20.00万元，实际支出分别为76.00万元和19.00万元，执行率分别为95%和95%。\n",
}


@pytest.mark.parametrize("text", CONSISTENT.values(), ids=list(CONSISTENT))
def test_consistent_execution_rates_raise_nothing(tmp_path: Path, text: str) -> None:
    assert execution(text, tmp_path) == []


def test_a_wrong_execution_rate_is_an_error_naming_the_project(tmp_path: Path) -> None:
    text = (
        "1.乡村道路养护项目\n项目预算资金100.00万元，实际支出90.00万元，执行率95.00%。\n"
        "2.农村饮水安全项目\n项目预算资金150.00万元，实际支出150.00万元，执行率100.00%。\n"
    )
    assert execution(text, tmp_path) == [("error", "95.00", "乡村道路养护项目")]
    _, found = scan_text(tmp_path, HEAD + text, "部门整体支出绩效自评报告")
    f = next(f for f in found if f.rule == "rate.execution-text")
    assert "90.00万元 ÷ 预算 100.00万元 = 90.00%" in f.explanation


def test_a_rate_with_no_spending_or_budget_in_its_sentence_is_not_judged(tmp_path: Path) -> None:
    text = "一、项目概况。2024年全年预算2770.77万元。\n二、资金使用情况。截至2024年12月31日，预算执行率为93.29%。\n"
    assert execution(text, tmp_path) == []


SHEET = (
    "\n| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| | 年度资金总额 | 2435.94 | 2770.77 | 2560.04 | 10 | 92.39% | 9.24 |\n"
    "| | 其中：中央资金 | 1800.00 | 1966.06 | 1794.29 | | | |\n"
)


def sheet_execution(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    path = tmp_path / "report.md"
    path.write_text("# 就业补助资金项目支出绩效自评报告\n\n" + text + SHEET, encoding="utf-8")
    doc = read_md(path, "0" * 64)
    claims, facts = extract_claims(doc), extract_facts(doc)
    found = run_checks(claims, facts, build_outline(doc), doc=doc, kind="项目支出绩效自评报告")
    return [(f.severity, str(f.stated_value), f.subject) for f in found if f.rule == "rate.execution-text"]


def test_a_rate_whose_spending_the_sheet_prints_is_checked_against_that_row(tmp_path: Path) -> None:
    text = "二、资金使用情况。截至2024年12月31日，项目实际支出2560.04万元，预算执行率为{}。\n"
    assert sheet_execution(text.format("92.39%"), tmp_path) == []
    assert sheet_execution(text.format("93.29%"), tmp_path) == [("error", "93.29", "年度资金总额")]


def test_a_rate_with_no_spending_is_compared_with_the_whole_funds_row_as_a_warning(tmp_path: Path) -> None:
    text = "二、资金使用情况。截至2024年12月31日，预算执行率为{}。\n"
    assert sheet_execution(text.format("92.39%"), tmp_path) == []
    assert sheet_execution(text.format("93.29%"), tmp_path) == [("warning", "93.29", "年度资金总额")]


def test_a_rate_of_spending_no_row_prints_is_not_compared_with_the_sheet(tmp_path: Path) -> None:
    text = "其中中央资金支出1794.29万元，执行率91.26%，省级资金支出542.75万元，执行率97.05%。\n"
    assert sheet_execution(text, tmp_path) == []
