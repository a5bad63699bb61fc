"""A 预算执行 report's budget levels (review set adv39): the budget a change reached (执行中经…批准调整为X, 调减为X) is the
adjusted budget a completion rate is of, and a figure under the 预算草案 heading is a budget, compared with the budget
column of the report's own 预算表."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx_builders import write_docx
from test_identity import scan_text

from pipeline.analyze import analyze_file


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


REACHED = (
    "某市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n（一）一般公共预算\n"
    "全市一般公共预算收入年初预算350.0亿元，执行中经市人大常委会批准{verb}330.0亿元，全年完成320.5亿元，"
    "完成调整预算的{rate}%。\n"
)


@pytest.mark.parametrize("verb", ["调整为", "调减为", "调减至"])
def test_a_completion_rate_is_of_the_budget_the_adjustment_reached(tmp_path: Path, verb: str) -> None:
    assert _alarms(scan_text(tmp_path, REACHED.format(verb=verb, rate="97.1"))[1]) == []
    slip = scan_text(tmp_path, REACHED.format(verb=verb, rate="98.5"))[1]
    assert _alarms(slip) == [("rate.completion", "error", "98.5")]  # 320.5 ÷ 330.0 = 97.12%
    assert next(f for f in slip if f.severity == "error").subject == "一般公共预算收入"


def test_the_reached_level_s_subject_is_the_item_s(tmp_path: Path) -> None:
    claims, _ = scan_text(tmp_path, REACHED.format(verb="调整为", rate="97.1"))
    reached = next(c for c in claims if c.quantity.text.startswith("330.0"))
    assert (reached.subject, reached.role) == ("一般公共预算收入", "全年")


def test_a_list_after_a_level_reached_breaks_that_level_down(tmp_path: Path) -> None:
    """由2.80亿元调增至3.20亿元，其中：… (the parts add up to 3.20, the level reached, not to 2.80)."""
    text = (
        "某县2025年预算调整方案\n（二）国有资本经营预算\n"
        "国有资本经营预算支出由2.80亿元调增至3.20亿元，其中：解决历史遗留问题及改革成本支出1.10亿元、"
        "国有企业资本金注入1.75亿元、其他国有资本经营预算支出{last}亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(last="0.35"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(last="0.45"))[1]) == [("sum.enumeration", "error", "3.20")]


def _draft_report(tmp_path: Path, taxes: str) -> Path:
    fees = str(Decimal("71.5") - Decimal(taxes))  # the two parts still add up to 71.5: only the table disagrees
    table = (
        [
            ["项目", "2026年预算数"],
            ["一、税收收入", "472000"],
            ["增值税", "286000"],
            ["其他税收收入", "186000"],
            ["二、非税收入", "243000"],
            ["一般公共预算收入合计", "715000"],
        ],
        [],
    )
    return write_docx(
        tmp_path / "某市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "某市2025年预算执行情况和2026年预算草案的报告",
            "一、2025年预算执行情况",
            "市级一般公共预算收入68.4亿元，完成预算的101.2%。其中，税收收入45.6亿元，非税收入22.8亿元。",
            "二、2026年预算草案",
            f"市级一般公共预算收入71.5亿元，比上年执行数增长4.5%。其中，税收收入{taxes}亿元，非税收入{fees}亿元。",
            "附表 某市2026年市级一般公共预算收入预算表",
            "单位：万元",
            table,
        ],
    )


def test_a_draft_budget_figure_is_compared_with_the_budget_table(tmp_path: Path) -> None:
    """三、2026年预算草案 › 税收收入48.2亿元 against 附表's 税收收入 2026年预算数 472000万元 (adv39 P6); the 2025 figure of
    the same name is another year's and stays out."""
    assert _alarms(analyze_file(_draft_report(tmp_path, "47.2")).findings) == []
    slip = [f for f in analyze_file(_draft_report(tmp_path, "48.2")).findings if f.severity != "info"]
    assert [(f.rule, f.severity, str(f.stated_value), str(f.expected_value)) for f in slip] == [
        ("narrative_table.mismatch", "error", "48.2", "47.2"),
        ("narrative_table.mismatch", "error", "23.3", "24.3"),
    ]
