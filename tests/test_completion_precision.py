"""Completion rates on consistent report text that once drew false errors (an adversarial review): the rate is
of the figure it follows, against the budget of the same item, scope and year that the rate names."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_identity import scan_text

HEAD = "某市2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n"

CONSISTENT = {
    "a 市本级 figure is not measured by the 全市 budget": "全市一般公共预算收入年初预算150.0亿元，全市一般公共预算收入完成"
    "155.0亿元，为年初预算的103.3%，比上年增长5.2%。其中，市本级一般公共预算收入完成62.0亿元，为年初预算的101.6%，比上年增长4.1%。",
    "a rate of the 调整 budget is not measured by the 年初 one": "全市一般公共预算支出年初预算300.0亿元，经市人大常委会批准调整预算为"
    "320.0亿元。全市一般公共预算支出完成310.0亿元，为年初预算的103.3%，为调整预算的96.9%。",
    "rates 分别 of a list are not read one by one": "年初，全市税收收入预算112.0亿元，非税收入预算37.9亿元。全年执行中，"
    "全市税收收入113.3亿元、非税收入41.7亿元，分别为年初预算的101.2%和110.0%。",
    "an estimate for the year is no budget": "全市政府性基金预算收入年初预算80.0亿元。1-11月，全市政府性基金预算收入完成70.0亿元，"
    "为年初预算的87.5%，全年预计完成82.0亿元，为年初预算的102.5%。",
    "a sub-item is not measured by its parent's budget": "全市教育支出年初预算50.0亿元，全市教育支出完成52.0亿元，"
    "为年初预算的104.0%，其中职业教育支出完成5.0亿元，为年初预算的98.0%。",
    "a budget of another item is not taken": "全市一般公共预算支出年初预算300.0亿元，执行中上级追加专项转移支付，安排支出预算20.0亿元。"
    "全市一般公共预算支出完成310.0亿元，为年初预算的103.3%。",
    "a scope without an item name takes no budget": "全市政府性基金预算收入年初预算80.0亿元。全市政府性基金预算收入完成82.0亿元，"
    "为年初预算的102.5%。其中，市本级28.0亿元，为年初预算的107.7%；区县54.0亿元，为年初预算的100.0%。",
    "completion of a target, 完成率 and 执行率 are no completion of the budget": "全县税收收入年初预算10.00亿元。全县税收收入完成"
    "10.20亿元，完成预算的102.0%，完成市下达年度目标的98.5%。全县非税收入年初预算5.00亿元。全县非税收入完成5.30亿元，完成预算的"
    "106.0%，其中国有资源（资产）有偿使用收入完成率为112.4%。",
}


@pytest.mark.parametrize("body", CONSISTENT.values(), ids=list(CONSISTENT))
def test_consistent_completion_rates_raise_nothing(tmp_path: Path, body: str) -> None:
    _, found = scan_text(tmp_path, HEAD + body + "\n")
    assert [(f.rule, f.severity, str(f.stated_value)) for f in found if f.severity != "info"] == []


def test_a_wrong_rate_is_still_caught(tmp_path: Path) -> None:
    body = (
        "全市一般公共预算支出年初预算300.0亿元，全市一般公共预算支出调整预算320.0亿元。全市一般公共预算支出完成310.0亿元，"
        "为年初预算的103.3%，为调整预算的99.9%。"
    )
    _, found = scan_text(tmp_path, HEAD + body + "\n")
    assert [(f.rule, f.severity, str(f.stated_value)) for f in found if f.severity != "info"] == [
        ("rate.completion", "error", "99.9")
    ]  # 310 ÷ 320 = 96.875%


def test_a_department_s_part_is_not_measured_by_the_total_budget(tmp_path: Path) -> None:
    text = (
        "某区卫生健康委员会2023年度部门决算\n六、一般公共预算财政拨款支出决算情况说明\n2023年度一般公共预算财政拨款支出年初预算为"
        "1000.00万元，支出决算为1150.00万元，完成年初预算的115.0%。其中：基本支出决算为600.00万元，完成年初预算的100.0%；"
        "项目支出决算为550.00万元，完成年初预算的137.5%。\n"
    )
    _, found = scan_text(tmp_path, text, "部门决算")
    assert [(f.rule, f.severity) for f in found if f.severity != "info"] == []
