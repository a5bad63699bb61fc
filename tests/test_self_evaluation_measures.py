"""Which measure a self-evaluation's figure is (review set adv52): a table's plain 预算数 is the 全年 budget where the
text prints both 年初 and 全年, a cell whose row and column name no measure is not certainly 执行数, a figure of the
绩效目标设定 paragraph is a target, and an 执行率 after a 全年预算 is of the spending its paragraph printed before."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx

from pipeline.analyze import analyze_file

TITLE = "某县卫生健康委员会2024年度部门整体支出绩效自评报告"


def _alarms(path: Path) -> list[tuple[str, str, str]]:
    return [(f.rule, f.location, str(f.stated_value)) for f in analyze_file(path).findings if f.severity != "info"]


def _report(tmp_path: Path, table_budget: str, target: str = "0.55") -> Path:
    basic = (
        [
            ["经费控制情况（万元）", "2023年决算数", "2024年预算数", "2024年决算数"],
            ["项目支出：", "842.16", "912.40", "896.75"],
            ["1、基本公共卫生服务补助资金", "842.16", table_budget, "896.75"],
        ],
        [],
    )
    sheet = (
        [
            ["年度预算申请（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "", "1716.50", "1768.90", "1741.53", "10", "98.45%", "9.85"],
            ["按收入性质分：", "", "", "", "按支出性质分：", "", "", ""],
            ["其中：一般公共预算：1768.90", "", "", "", "其中：基本支出：856.50", "", "", ""],
            ["", "", "", "", "项目支出：912.40", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", ""],
            ["产出指标", "数量指标", "2型糖尿病患者规范管理人数", "≥0.55万人", "0.57万人", "10", "10", ""],
        ],
        [(2, 0, 2, 3), (3, 0, 3, 3), (4, 0, 4, 3), (2, 4, 2, 7), (3, 4, 3, 7), (4, 4, 4, 7)],
    )
    return write_docx(
        tmp_path / f"{TITLE}.docx",
        [
            TITLE,
            "一、部门基本情况",
            "4.绩效目标设定情况。2024年，我委设定部门整体绩效目标为：高血压、2型糖尿病患者规范管理人数分别达到1.6万人、"
            f"{target}万人。",
            "二、部门整体支出管理及使用情况",
            "（一）基本支出情况",
            "基本支出829.13万元，占本年支出47.61%。基本支出全年预算856.50万元，执行率96.81%。",
            "（二）项目支出情况",
            "1.基本公共卫生服务补助资金。年初预算860.00万元，年中追加52.40万元，全年预算资金912.40万元，"
            "实际支出896.75万元，执行率98.28%。",
            "附件1 部门整体支出绩效评价基础数据表",
            basic,
            "附件2 部门整体支出绩效自评表",
            sheet,
        ],
    )


def test_a_consistent_self_evaluation_raises_nothing(tmp_path: Path) -> None:
    """912.40 (the table's 预算数) is the text's 全年预算资金, not its 年初预算 860.00; 按支出性质分's 856.50 and 912.40
    are budgets, not the 执行数 829.13 and 896.75; 0.55万人 is the target, 0.57万人 what was done; 829.13 ÷ 856.50 =
    96.81%."""
    assert _alarms(_report(tmp_path, "912.40")) == []


def test_a_plain_budget_cell_agreeing_with_neither_budget_is_still_an_error(tmp_path: Path) -> None:
    found = _alarms(_report(tmp_path, "921.40"))  # (项目支出 912.40 ≠ its one row 921.40 is a slip too)
    assert ("narrative_table.mismatch", "表1 r3c3", "921.40") in found
