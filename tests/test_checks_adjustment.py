"""adjustment: a budget adjustment table's 调整后 = 调整前 + 调整数, row by row (pipeline.checks.adjustment)."""

from __future__ import annotations

from pathlib import Path

from pipeline import analyze

TABLE = """# 关于某市2024年市本级政府性基金预算调整方案的报告

市本级政府性基金预算调整表

单位：亿元

| 项目 | 调整前预算 | 增减（+、-） | 调整后预算 |
|---|---|---|---|
| 国有土地使用权出让收入 | 186.40 | -42.30 | 144.10 |
| 专项债务转贷收入 | 58.00 | 31.50 | 89.50 |
| 收入合计 | 244.40 | -10.80 | 233.60 |
"""


def _found(tmp_path: Path, text: str) -> list[tuple[str, str, str, str]]:
    path = tmp_path / "adjust.md"
    path.write_text(text, encoding="utf-8")
    return [
        (f.rule, f.subject, str(f.stated_value), str(f.expected_value))
        for f in analyze.analyze_file(path).findings
        if f.rule.startswith("adjustment")
    ]


def test_an_adjusted_budget_is_the_budget_before_plus_the_change(tmp_path: Path) -> None:
    assert _found(tmp_path, TABLE) == []
    slipped = TABLE.replace("| 89.50 |", "| 98.50 |")
    # the 收入合计 row's sum fails by the same 9 (its parts settled by the table's other columns, round thirteen): the
    # two checks name the one cell they share, in one finding
    path = tmp_path / "adjust.md"
    path.write_text(slipped, encoding="utf-8")
    (found,) = [f for f in analyze.analyze_file(path).findings if f.severity != "info"]
    assert (found.rule, found.location, str(found.stated_value), str(found.expected_value)) == (
        "sum.table-cell",
        "表1 r3c4",
        "98.50",
        "89.5",
    )
    assert "adjustment.before-plus-change" in found.explanation


def test_a_change_column_of_magnitudes_is_read_with_either_sign(tmp_path: Path) -> None:
    # 调减 printed without its sign: 186.40 − 42.30 = 144.10 still holds
    assert _found(tmp_path, TABLE.replace("| -42.30 |", "| 42.30 |").replace("| -10.80 |", "| 10.80 |")) == []


TEXT = """# 关于某市2025年预算执行情况和2026年预算草案的报告

一、2025年预算执行情况

（一）一般公共预算。汇总全市各级人代会批准的2025年全市一般公共预算收入年初预算合计421.9亿元，执行中部分县区按程序调增收入预算1.8亿元，调整后收入预算为423.7亿元；收入完成421.8亿元，同比增长3.6%。

（二）政府性基金预算。2025年全市政府性基金预算收入年初预算合计191.5亿元，执行中按程序调减收入预算4.1亿元、追加收入预算0.6亿元，调整后收入预算为188.0亿元；收入完成186.5亿元。
"""


def test_an_adjustment_stated_in_one_sentence(tmp_path: Path) -> None:
    assert _found(tmp_path, TEXT) == []  # 421.9 + 1.8 = 423.7; 191.5 − 4.1 + 0.6 = 188.0
    slipped = TEXT.replace("调整后收入预算为188.0亿元", "调整后收入预算为188.9亿元")
    assert _found(tmp_path, slipped) == [
        ("adjustment.stated-in-text", "2025年 全市 政府性基金预算 政府性基金预算收入 调整预算", "188.9", "188")
    ]


def test_an_adjustment_sentence_with_other_figures_between_is_not_read(tmp_path: Path) -> None:
    # a figure in a bracket, or one not led by 调增/调减, stands between: which figures make 调整后 is not read
    bracket = TEXT.replace("调增收入预算1.8亿元，", "调增收入预算1.8亿元（其中市级1.2亿元），").replace(
        "423.7", "424.9"
    )
    plus = TEXT.replace("调增收入预算1.8亿元，", "调增收入预算1.8亿元，加上级补助1.2亿元，").replace("423.7", "424.9")
    assert _found(tmp_path, bracket) == [] and _found(tmp_path, plus) == []


def test_what_is_not_one_figures_adjustment_is_not_read(tmp_path: Path) -> None:
    head = "# 关于某市2025年预算执行情况和2026年预算草案的报告\n\n一、2025年预算执行情况\n\n"
    consistent = [
        # a comparison with last year between 年初 and 调整后 is no 调减: 156.80 + 8.50 = 165.30
        "市本级一般公共预算支出年初预算为156.80亿元，比上年预算减少2.40亿元，执行中追加上级转移支付支出8.50亿元，"
        "调整后预算为165.30亿元，实际完成161.72亿元。",
        # 收入 and 支出 adjusted side by side: 88.60 − 4.20 = 84.40, 156.80 + 8.50 = 165.30
        "收入年初预算88.60亿元、支出年初预算156.80亿元，执行中收入调减4.20亿元、支出追加8.50亿元，调整后收入预算为84.40亿元、"
        "支出预算为165.30亿元。",
        # 全市 年初, 市本级 调整后
        "全市一般公共预算收入年初预算215.60亿元，执行中市本级调减收入预算4.20亿元，调整后市本级预算为84.30亿元。",
        # a 其中 part of the change, then a part's 调整后 budget
        "一般公共预算支出年初预算156.80亿元，执行中追加8.50亿元，其中教育追加3.60亿元，调整后教育支出预算为32.00亿元。",
    ]
    for text in consistent:
        path = tmp_path / "adjust.md"
        path.write_text(head + text + "\n", encoding="utf-8")
        found = [(f.rule, f.severity) for f in analyze.analyze_file(path).findings if f.severity != "info"]
        assert found == [], text


def test_an_adjusted_budget_named_tiaozhengyusuan(tmp_path: Path) -> None:
    text = TEXT.replace("调整后收入预算为423.7亿元", "调整预算为423.7亿元")
    assert _found(tmp_path, text) == []
    found = _found(tmp_path, text.replace("调整预算为423.7亿元", "调整预算为425.7亿元"))
    assert [(r, v) for r, _, v, _ in found] == [("adjustment.stated-in-text", "425.7")]
