"""repeat: printings compared only when they are certainly one figure, in base units across printed units.
Reports are written as plain text and go through the real reader and extractors (as in test_identity)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors import identity
from extractors.claims import extract_claims
from extractors.model import Identity
from extractors.outline import build_outline
from extractors.subjects import analyse_pre
from extractors.tablefacts import extract_facts
from extractors.txt_reader import read_txt
from pipeline.checks import run_checks


def scan_text(tmp_path: Path, text: str, kind: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_txt(path, "0" * 64)
    claims, facts = extract_claims(doc), extract_facts(doc)
    return claims, run_checks(claims, facts, build_outline(doc), doc=doc, kind=kind)


def repeats(findings, severity: str = "error"):
    return [
        (f.severity, str(f.stated_value)) for f in findings if f.rule.startswith("repeat.") and f.severity == severity
    ]


# O: one figure printed in two units


def test_one_figure_in_yuan_and_in_wanyuan_is_one_value(tmp_path: Path) -> None:
    text = "某市市场监督管理局2024年部门预算\n2024年公务接待费预算为65,400.00元。\n2024年“三公”经费中，公务接待费6.54万元。\n"
    _claims, findings = scan_text(tmp_path, text, "部门预算")
    assert repeats(findings) == []


def test_one_figure_in_yi_and_in_wan_is_one_value(tmp_path: Path) -> None:
    text = (
        "某省教育厅2024年部门预算\n2024年一般公共预算拨款收入12.53亿元。\n2024年一般公共预算拨款收入125,308.60万元。\n"
    )
    _claims, findings = scan_text(tmp_path, text, "部门预算")
    assert repeats(findings) == []


def test_two_units_beyond_the_coarser_rounding_are_still_an_error(tmp_path: Path) -> None:
    text = "某市市场监督管理局2024年部门预算\n2024年公务接待费预算为65,400.00元。\n2024年“三公”经费中，公务接待费6.58万元。\n"
    _claims, findings = scan_text(tmp_path, text, "部门预算")
    errors = [f for f in findings if f.rule == "repeat.different-values" and f.severity == "error"]
    assert [str(f.stated_value) for f in errors] == ["6.58"]
    assert errors[0].expected_value == Decimal("6.54")  # the other printing in this one's unit (万元)


# B: a figure of all funds and the same item of one fund


def test_an_all_funds_figure_and_a_fund_figure_of_one_item_are_unsettled(tmp_path: Path) -> None:
    text = (
        "某省司法厅2024年部门预算\n一、收支预算总体情况\n2024年收支总预算1,500.00万元。支出包括：公共安全支出1,500.00万元。\n"
        "二、财政拨款收支预算总体情况\n2024年财政拨款收支总预算1,400.00万元。支出包括：公共安全支出1,400.00万元。\n"
    )
    _claims, findings = scan_text(tmp_path, text, "部门预算")
    assert repeats(findings) == []
    assert repeats(findings, "info") == [("info", "1400.00")]


def test_one_line_each_for_all_funds_and_fiscal_funds_is_unsettled(tmp_path: Path) -> None:
    text = (
        "某省司法厅2024年部门预算\n2024年支出预算1,500.00万元，其中公共安全支出1,500.00万元。\n"
        "2024年财政拨款支出预算1,400.00万元，其中公共安全支出1,400.00万元。\n"
    )
    _claims, findings = scan_text(tmp_path, text, "部门预算")
    assert repeats(findings) == []


def test_a_whole_printed_beside_its_fund_part_makes_the_fund_ambiguous() -> None:
    assert identity.names_whole_and_fund_part(["支出", "财政拨款支出"])
    assert not identity.names_whole_and_fund_part(["财政拨款支出", "公共安全支出"])
    one_fund = [Identity(fund="财政拨款"), Identity()]
    assert "fund" in identity.Ambiguity.of(one_fund, ["收支总", "财政拨款收支总"]).several
    assert "fund" not in identity.Ambiguity.of(one_fund, ["公共安全支出"]).several


# A: a figure whose paragraph reads as a heading takes no measure from words after it


def test_a_final_figure_in_a_numbered_paragraph_is_not_the_budget(tmp_path: Path) -> None:
    text = (
        "某市统计局2023年度部门决算\n（一）“三公”经费财政拨款支出决算总体情况说明\n"
        "2023年度“三公”经费财政拨款支出年初预算为20.00万元，支出决算为15.50万元，完成年初预算的77.50%，其中："
        "因公出国（境）费支出年初预算为6.00万元，支出决算为4.50万元，完成年初预算的75.00%；"
        "公务用车购置及运行费支出年初预算为10.00万元，支出决算为8.00万元，完成年初预算的80.00%；"
        "公务接待费支出年初预算为4.00万元，支出决算为3.00万元，完成年初预算的75.00%。\n"
        "（二）“三公”经费财政拨款支出决算具体情况说明\n"
        "1.因公出国（境）费支出4.50万元，全年安排因公出国（境）团组1个，累计3人次。\n"
    )
    claims, findings = scan_text(tmp_path, text, "部门决算")
    assert repeats(findings) == []
    later = [c for c in claims if c.quantity.text == "4.50万元"][-1]
    assert later.identity.measure in ("决算", "执行")


def test_a_figure_of_no_stated_measure_is_at_most_unsettled(tmp_path: Path) -> None:
    text = (
        "某市统计局2023年度部门决算\n（一）“三公”经费总体情况\n"
        "因公出国（境）费支出年初预算为6.00万元，支出决算为4.50万元。\n"
        "（二）“三公”经费具体情况\n"
        "1.因公出国（境）费支出4.50万元，全年安排因公出国（境）团组1个，累计3人次。\n"
    )
    _claims, findings = scan_text(tmp_path, text, "")
    assert repeats(findings) == [] and repeats(findings, "warning") == []


# J: a measure word is not an item


def test_a_measure_word_before_a_generic_word_is_no_item() -> None:
    pre = analyse_pre("实际支出")
    assert pre.subject == "" and pre.generic == "支出" and pre.role == "实际"
    assert analyse_pre("公务接待费实际支出").subject == "公务接待费"


def test_actual_spending_of_an_item_is_not_the_total_actual_spending(tmp_path: Path) -> None:
    text = (
        "某区体育局2023年度部门整体支出绩效自评报告\n一、部门整体支出概况\n2023年全年实际支出500.00万元。\n"
        "二、“三公”经费情况\n“三公”经费全年预算20.00万元，实际支出18.00万元，预算执行率90.00%。\n"
    )
    claims, findings = scan_text(tmp_path, text, "部门整体支出绩效自评报告")
    assert repeats(findings) == []
    assert next(c for c in claims if c.quantity.text == "18.00万元").subject == "三公经费"


DEPARTMENT = (
    "湖南省某院2024年部门预算\n一、收支预算总体情况\n2024年收支总预算51,059.13万元。收入包括：一般公共预算拨款收入"
    "47,712.37万元；单位资金收入1,236.50万元；上年结转2,110.26万元。支出包括：公共安全支出39,220.61万元；教育支出386.00万元。\n"
    "四、财政拨款收支预算总体情况\n2024年财政拨款收支总预算49,822.63万元。收入包括：一般公共预算当年拨款47,712.37万元；"
    "上年结转一般公共预算拨款2,110.26万元。支出包括：公共安全支出37,984.11万元；教育支出386.00万元。\n"
    "五、一般公共预算当年拨款预算情况\n（二）一般公共预算当年拨款结构情况\n公共安全支出{x}万元，占75.2%；教育支出386.00万元，占0.8%。\n"
)


def test_a_fund_named_by_another_item_of_an_income_list_is_not_the_spending_lists(tmp_path: Path) -> None:
    # 39,220.61 is of all funds, 37,984.11 of 财政拨款, 35,873.85 of 一般公共预算 当年拨款: three figures, not one
    _, found = scan_text(tmp_path, DEPARTMENT.replace("{x}", "35,873.85"), "部门预算")
    assert [f.rule for f in found if f.rule.startswith("repeat") and f.severity != "info"] == []


# T: a paragraph's title sentence names its item, even where it reads as a topic


def test_two_items_under_topic_titles_are_two_figures(tmp_path: Path) -> None:
    # "1.企业职工基本养老保险基金执行情况。" names the fund the paragraph's bare 基金收入 is of
    text = (
        "某市2025年预算执行情况和2026年预算草案的报告\n（四）社会保险基金预算执行情况\n"
        "1.企业职工基本养老保险基金执行情况。基金收入50.2亿元，基金支出48.6亿元。\n"
        "2.城乡居民基本养老保险基金执行情况。基金收入10.5亿元，基金支出8.3亿元。\n"
    )
    _claims, findings = scan_text(tmp_path, text, "预算执行情况和预算草案的报告")
    assert repeats(findings) == repeats(findings, "warning") == []


def test_a_change_verb_is_no_subject(tmp_path: Path) -> None:
    # 由上年的40亿元下降到35亿元: 下降到 names no item; two items' new levels are no one figure
    text = (
        "某市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n全市一般公共预算支出完成300亿元，其中：\n"
        "3.城乡社区支出由上年的40亿元下降到35亿元，下降12.5%。\n4.其他支出由上年的170亿元下降到165亿元，下降2.9%。\n"
    )
    _claims, findings = scan_text(tmp_path, text, "预算执行情况和预算草案的报告")
    assert repeats(findings) == repeats(findings, "warning") == []
