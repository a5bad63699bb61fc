"""The 部门预算公开表 as the 财政部 template names them without the word 预算 (部门收支总表, 部门收入总表, 部门支出总表,
财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表): review set
adv50 printed them so, and none was recognised, so no narrative figure was checked against them."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_builders import write_docx

from extractors.table_identity import identify_table
from pipeline import analyze


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2026年部门收支总表", "ys.total"),
        ("2026年部门收入总表", "ys.income"),
        ("2026年部门支出总表", "ys.expense"),
        ("2026年财政拨款收支总表", "ys.czbk_total"),
        ("2026年一般公共预算支出表", "ys.gp"),
        ("2026年一般公共预算基本支出表", "ys.gp_basic"),
        ("2026年一般公共预算“三公”经费支出表", "ys.sangong"),
        ("2026年政府性基金预算支出表", "ys.gf"),
        ("2026年国有资本经营预算支出表", "ys.soe"),
        ("表四 2024年财政拨款收支总表", "ys.czbk_total"),  # after the table's own label (adv53)
        ("表1 2024年一般公共预算支出表", "ys.gp"),
        ("公开05表 一般公共预算支出表", "ys.gp"),
        ("2025年全市一般公共预算支出表", None),  # a government's table, not a department's
        ("2025年一般公共预算支出执行情况表", None),
    ],
)
def test_the_central_template_s_titles_are_known(title: str, kind: str | None) -> None:
    assert identify_table(title) == kind


REPORT = """# 某省档案方志厅2026年度部门预算

## 五、财政拨款支出预算情况说明

### （二）科学技术支出（类）

1．其他科学技术支出（款）科技奖励（项）支出12.00万元，与上年持平。

2．其他科学技术支出（款）其他科学技术支出（项）支出{item}万元，与上年相比增加30.00万元。

2026年部门支出总表

单位：万元

| 科目编码 | 科目名称 | 合计 | 基本支出 | | | 项目支出 |
|---|---|---|---|---|---|---|
| | | | 小计 | 人员经费 | 公用经费 | |
| | 合计 | 380.00 | 230.00 | 200.00 | 30.00 | {project} |
| 201 | 一般公共服务支出 | 230.00 | {basic} | 200.00 | 30.00 | 0.00 |
| 206 | 科学技术支出 | 150.00 | 0.00 | 0.00 | 0.00 | 150.00 |

2026年一般公共预算支出表

单位：万元

| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
|---|---|---|---|---|
| 206 | 科学技术支出 | 150.00 | 0.00 | 150.00 |
| 20699 | 其他科学技术支出 | 150.00 | 0.00 | 150.00 |
| 2069901 | 科技奖励 | 12.00 | 0.00 | 12.00 |
| 2069999 | 其他科学技术支出 | 138.00 | 0.00 | 138.00 |
"""


def _alarms(
    tmp_path: Path, item: str = "138.00", project: str = "150.00", basic: str = "230.00"
) -> list[tuple[str, str, str]]:
    path = tmp_path / "dept.md"
    path.write_text(REPORT.format(item=item, project=project, basic=basic), encoding="utf-8")
    return [
        (f.rule, f.location, str(f.stated_value))
        for f in analyze.analyze_file(path).findings
        if f.severity in ("error", "warning")
    ]


def test_a_consistent_report_raises_nothing(tmp_path: Path) -> None:
    """合计 = 基本支出 + 项目支出 takes the 基本支出 小计, not 小计 + 人员经费 + 公用经费 too."""
    assert _alarms(tmp_path) == []


def test_an_item_is_checked_against_its_own_row_of_the_fund_s_table(tmp_path: Path) -> None:
    """其他科学技术支出（款）其他科学技术支出（项）150.00: the 项 row 2069999 prints 138.00 (the 款 row 20699, of the same
    name, prints 150.00)."""
    found = _alarms(tmp_path, item="150.00")
    assert [(rule, value) for rule, _, value in found] == [("template.narrative-vs-table", "150.00")]


def test_one_misprinted_cell_shared_by_a_row_and_a_column_is_named_itself(tmp_path: Path) -> None:
    """201 基本支出 小计 printed 203.00 for 230.00: its row (230.00 = 小计 + 0.00) and its column (合计 row's 230.00 = Σ类)
    both miss 27.00 through it — one finding on that cell, not two on the totals that agree with everything else
    (adv53 P5)."""
    assert _alarms(tmp_path, basic="203.00") == [("sum.table-cell", "表1 r4c4", "203.00")]


def test_a_row_s_total_against_its_basic_subtotal_and_projects(tmp_path: Path) -> None:
    # 合计 380.00 ≠ 230.00 + 160.00, and the 项目支出 column's 160.00 ≠ 0.00 + 150.00: the 160.00 both share
    assert _alarms(tmp_path, project="160.00") == [("sum.table-cell", "表1 r3c7", "160.00")]


def _sangong(tmp_path: Path, total: str) -> Path:
    rows = [
        ["编制部门：某市住房和城乡建设局", "", "", "", "", "", "", "", "单位：万元", "", ""],
        ["2023年预算数", "", "", "", "", "", "2024年预算数", "", "", "", ""],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"]
        + ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "公务接待费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车运行费", ""],
        ["80.40", "0.00", "68.00", "0.00", "68.00", "12.40", total, "10.00", "66.40", "66.40", "11.20"],
    ]
    merges = [(0, 0, 0, 7), (0, 8, 0, 10), (1, 0, 1, 5), (1, 6, 1, 10), (2, 2, 2, 4), (2, 8, 2, 9)]
    merges += [(2, 0, 3, 0), (2, 1, 3, 1), (2, 5, 3, 5), (2, 6, 3, 6), (2, 7, 3, 7), (2, 10, 3, 10)]
    return write_docx(
        tmp_path / "某市住房和城乡建设局2024年部门预算.docx",
        ["某市住房和城乡建设局2024年部门预算", "表七 2024年一般公共预算“三公”经费支出表", (rows, merges)],
    )


def test_a_caption_line_inside_the_grid_is_no_column_header(tmp_path: Path) -> None:
    """编制部门：… | 单位：万元 inside the grid: the 2024 columns under 单位：万元 are still 2024年预算数's (adv53: 87.60 was
    summed as 10.00 + 66.40, 公务接待费 read as a column of another group)."""
    alarms = [f for f in analyze.analyze_file(_sangong(tmp_path, "87.60")).findings if f.severity != "info"]
    assert alarms == []
    found = [
        str(f.stated_value) for f in analyze.analyze_file(_sangong(tmp_path, "86.60")).findings if f.severity != "info"
    ]
    assert found and set(found) == {"86.60"}
