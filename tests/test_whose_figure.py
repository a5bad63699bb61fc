"""Which figure a word is about (review sets adv49 and adv52): rates after 分别 pair with the amounts in order, a 其中 whose
parts mirror the figures before it breaks each of them down, a reason clause names the item of the figure after it, a
加上 list after two levels of different items adds to neither for certain, a 决算数小于预算数 naming its item compares that
item's figures, and a bare 支出决算为 inside a 其中 list is the part's, not the whole's."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text

from pipeline import analyze


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


HEAD = "某市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"


def test_rates_after_respectively_are_the_changes_of_the_amounts_in_order(tmp_path: Path) -> None:
    text = HEAD + "全市社会保障和就业支出69.6亿元、卫生健康支出40.8亿元，分别同比增长6.8%、4%。\n"
    claims, found = scan_text(tmp_path, text)
    changes = {c.quantity.text: c.subject for c in claims if c.relation == "change"}
    assert changes == {"6.8%": "社会保障和就业支出", "4%": "卫生健康支出"}
    assert _alarms(found) == []  # before: both rates were read as 卫生健康支出's, "two printings disagree"


def test_a_qizhong_whose_parts_mirror_the_figures_before_is_no_list(tmp_path: Path) -> None:
    text = HEAD + (
        "全市政府债务还本支出安排110.23亿元，付息支出安排40.26亿元。其中，市级还本支出安排28.61亿元，付息支出安排13.25亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text)[1]) == []  # 28.61 + 13.25 ≠ 40.26 is no slip: 市级's share of each


def test_a_qizhong_list_of_one_figure_is_still_checked(tmp_path: Path) -> None:
    text = HEAD + "全市政府债务付息支出安排40.26亿元。其中，一般债务付息支出15.20亿元，专项债务付息支出{last}亿元。\n"
    assert _alarms(scan_text(tmp_path, text.format(last="25.06"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(last="26.06"))[1]) == [("sum.enumeration", "error", "40.26")]


ADDED = HEAD + (
    "全市政府性基金预算收入完成251.23亿元，为调整预算的96.6%，下降10.8%，主要是国有土地使用权出让收入减少，"
    "全年完成221.84亿元，下降9%。加上上级补助收入4.12亿元、专项债务转贷收入158.6亿元、上年结转16.83亿元，收入总计430.78亿元。\n"
)


def test_a_reason_clause_names_the_item_of_the_figure_after_it(tmp_path: Path) -> None:
    claims, found = scan_text(tmp_path, ADDED)
    assert next(c for c in claims if c.quantity.text == "221.84亿元").subject == "国有土地使用权出让收入"
    assert _alarms(found) == []  # 251.23 + 4.12 + 158.6 + 16.83 = 430.78; 221.84 is the land revenue's


DRAFT = (
    "某市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
    "全市一般公共预算收入完成428.63亿元，其中税收收入298.64亿元。\n二、2026年预算草案\n"
    "2026年全市一般公共预算收入预期445.5亿元，在2025年完成428.63亿元的基础上增长4%，其中税收收入310.58亿元，增长4%。\n"
    "市级一般公共预算支出安排206.8亿元，加上补助下级支出191.8亿元，支出总计398.6亿元。\n"
)


def test_the_year_of_a_base_is_not_the_year_of_the_figures_after_it(tmp_path: Path) -> None:
    """在2025年完成…的基础上增长4%: 2025 is the base's year; 310.58 is the 2026 budget, not a second printing of 2025's
    税收收入 298.64, and so is every figure of the next paragraph."""
    claims, found = scan_text(tmp_path, DRAFT)
    periods = {c.quantity.text: c.identity.period for c in claims}
    assert (periods["310.58亿元"], periods["398.6亿元"]) == ("2026", "2026")
    assert _alarms(found) == []


DEPARTMENT = """# 某市自然资源和规划局2024年度部门决算

## 七、财政拨款“三公”经费支出决算情况说明

### （一）“三公”经费财政拨款支出决算总体情况说明

“三公”经费财政拨款支出年初预算为34.00万元，支出决算为{total}万元，完成预算的91.00%，其中：因公出国（境）费年初预算为0万元，支出决算为0万元；公务用车购置及运行维护费支出决算为26.56万元；公务接待费支出决算为4.38万元。2024年度“三公”经费支出决算数{word}预算数的主要原因：严格执行公务接待标准。

财政拨款“三公”经费支出决算表

单位：万元

| 预算数 | | | | | | 决算数 | | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|
| 合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 |
| | | 小计 | 公务用车购置费 | 公务用车运行费 | | | | 小计 | 公务用车购置费 | 公务用车运行费 | |
| 34.00 | 0.00 | 28.00 | 18.00 | 10.00 | 6.00 | 30.94 | 0.00 | 26.56 | 17.62 | 8.94 | 4.38 |
"""


def _department(tmp_path: Path, total: str, word: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "dept.md"
    path.write_text(DEPARTMENT.format(total=total, word=word), encoding="utf-8")
    return _alarms(analyze.analyze_file(path).findings)


def test_a_bare_lead_inside_a_qizhong_list_is_the_part_s_figure(tmp_path: Path) -> None:
    """…支出决算为30.94万元，…其中：因公出国（境）费年初预算为0万元，支出决算为0万元: the 0 is 因公出国's, not the 三公
    total's; and "“三公”经费支出决算数小于预算数" compares 30.94 with 34.00, not 公务接待费 4.38 with 因公出国's 0."""
    assert _department(tmp_path, "30.94", "小于") == []
    assert ("sum.enumeration", "error", "31.94") in _department(tmp_path, "31.94", "小于")
    assert _department(tmp_path, "30.94", "大于") == [("execution.final-vs-budget-word", "error", "30.94")]
