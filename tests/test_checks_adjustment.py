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
    assert _found(tmp_path, slipped) == [("adjustment.before-plus-change", "专项债务转贷收入", "98.50", "89.5")]


def test_a_change_column_of_magnitudes_is_read_with_either_sign(tmp_path: Path) -> None:
    # 调减 printed without its sign: 186.40 − 42.30 = 144.10 still holds
    assert _found(tmp_path, TABLE.replace("| -42.30 |", "| 42.30 |").replace("| -10.80 |", "| 10.80 |")) == []
