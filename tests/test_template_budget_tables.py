"""template rules on the 部门/单位预算 tables: 上年结转 and 结转下年 in the 总表, amount columns the template
does not name, a change stated after a bracketed breakdown, a table printed for two years."""

from __future__ import annotations

from pathlib import Path

from model_builders import fact

from pipeline import analyze
from pipeline.checks.template_views import build_views

HEAD = "# 某县第一中学2025年单位预算\n\n"


def _found(tmp_path: Path, text: str, prefix: str = "template.") -> list[tuple[str, str, str, str]]:
    path = tmp_path / "unit.md"
    path.write_text(HEAD + text, encoding="utf-8")
    return [
        (f.rule, f.location, str(f.stated_value), str(f.expected_value))
        for f in analyze.analyze_file(path).findings
        if f.rule.startswith(prefix) and f.severity in ("error", "warning")
    ]


def _total_table(
    title: str, carry: str = "50.00", grand_in: str = "1000.00", grand_out: str = "1000.00", numbered: bool = True
) -> str:
    text = f"""{title}

单位：万元

| 收入 | | 支出 | |
|---|---|---|---|
| 项目 | 预算数 | 项目 | 预算数 |
| 一、一般公共预算拨款收入 | 900.00 | 一、教育支出 | 800.00 |
| 二、事业收入 | 50.00 | 二、住房保障支出 | 200.00 |
| 本年收入合计 | 950.00 | 本年支出合计 | 1000.00 |
| 上年结转 | {carry} | 结转下年 | 0.00 |
| 收入总计 | {grand_in} | 支出总计 | {grand_out} |
"""
    return text if numbered else text.replace("一、", "").replace("二、", "")


# ------------------------------------------------------------------ 收入总计 = 本年收入合计 + 上年结转


def test_the_grand_total_takes_the_carry_over_row(tmp_path: Path) -> None:
    assert _found(tmp_path, _total_table("2025年某县第一中学财务收支预算总表")) == []


def test_the_grand_total_takes_the_year_total_when_the_income_rows_are_not_numbered(tmp_path: Path) -> None:
    assert _found(tmp_path, _total_table("2025年某县第一中学收支预算总表", numbered=False)) == []
    found = _found(tmp_path, _total_table("2025年某县第一中学收支预算总表", numbered=False, grand_out="1090.00"), "")
    # 支出总计 1090 ≠ 本年支出合计 + 结转下年 and ≠ 收入总计 1000: the one cell both miss by is named
    assert ("sum.table-cell", "表1 r7c4", "1090.00", "1000") in found


def test_a_wrong_grand_total_beside_a_carry_over_is_still_an_error(tmp_path: Path) -> None:
    found = _found(tmp_path, _total_table("2025年某县第一中学财务收支预算总表", carry="60.00", grand_in="1010.00"))
    # 950 + 60 = 1010 is right; 收入总计 1010 ≠ 支出总计 1000 is the slip the balance rule names
    assert [f[0] for f in found] == ["template.cross-table"]
    found = _found(tmp_path, _total_table("2025年某县第一中学财务收支预算总表", grand_in="1050.00"), "")
    assert ("sum.table-cell", "表1 r7c2", "1050.00", "1000") in found


# ------------------------------------------------------------------ columns the template does not name


def _income_table(headers: tuple[str, str, str], cells: tuple[str, str, str, str]) -> str:
    a, b, c = headers
    t, x, y, z = cells
    rows = "".join(
        f"| {code} | {name} | {t} | {x} | {y} | {z} |\n"
        for code, name in (("", "合计"), ("205", "教育支出"), ("20502", "普通教育"), ("2050204", "高中教育"))
    )
    return f"""2025年某县第一中学收入预算总表

单位：万元

| 功能分类科目编码 | 功能分类科目名称 | 合计 | {a} | {b} | {c} |
|---|---|---|---|---|---|
{rows}"""


def test_columns_without_a_role_are_not_summed_together(tmp_path: Path) -> None:
    # two headers the template does not know: each is a column of its own in 合计 = Σ类 = Σ款 = Σ项
    text = _income_table(("甲类资金", "乙类资金", "事业收入"), ("1000.00", "50.00", "900.00", "50.00"))
    assert _found(tmp_path, text) == []


def test_carry_over_and_fund_columns_of_the_income_table_have_roles(tmp_path: Path) -> None:
    headers = ("上年结转", "一般公共预算拨款收入", "事业收入")
    assert _found(tmp_path, _income_table(headers, ("1000.00", "50.00", "900.00", "50.00"))) == []
    # 合计 = 上年结转 + 一般公共预算拨款收入 + 事业收入 is checked in every row: 1000 ≠ 50 + 880 + 50
    found = _found(tmp_path, _income_table(headers, ("1000.00", "50.00", "880.00", "50.00")), "template.columns")
    assert ("template.columns", "表1 r2c3", "1000.00", "980.00") in found


# ------------------------------------------------------------------ a change after a bracketed breakdown

SANGONG = """## 七、“三公”经费预算情况说明

2025年“三公”经费财政拨款预算28.23万元，比2024年增加3.14万元，增长12.51%。其中：因公出国（境）费0.00万元，与上年持平；公务用车购置及运行费27.32万元（其中：公务用车购置费18.25万元，公务用车运行费9.07万元），比上年增加3.32万元，增长{rate}%；公务接待费0.91万元，比上年减少0.18万元，下降16.51%。

某县第一中学2025年“三公”经费预算表

单位：万元

| 合计 | 因公出国（境）费 | 公务用车购置及运行费 | | | 公务接待费 |
|---|---|---|---|---|---|
| | | 小计 | 公务用车购置费 | 公务用车运行费 | |
| 28.23 | 0.00 | 27.32 | 18.25 | 9.07 | 0.91 |
"""


def test_a_change_after_a_bracketed_breakdown_is_of_the_figure_the_bracket_qualifies(tmp_path: Path) -> None:
    # 3.32 ÷ (27.32 − 3.32) = 13.83%, not 3.32 ÷ (9.07 − 3.32)
    assert _found(tmp_path, SANGONG.format(rate="13.83")) == []
    found = _found(tmp_path, SANGONG.format(rate="15.83"), "template.change")
    assert [(f[2], f[3]) for f in found] == [("15.83", "13.83")]


def test_a_standard_table_printed_for_two_years_is_read_in_the_reports_year() -> None:
    # the national template's 三公 table: 2024年预算数 | 2025年预算数, each over 合计 | 因公出国（境）费 | …
    title = "部门“三公”经费和机关运行经费预算表"
    heads = ["合计", "因公出国（境）费", "公务接待费"]
    cells = [("2024年预算数", "465.50", "15.00", "48.20"), ("2025年预算数", "444.00", "12.00", "45.60")]
    facts = [
        fact(value, ("",), (year, head), row=3, col=3 * k + j, title=title, unit="万元")
        for k, (year, *values) in enumerate(cells)
        for j, (head, value) in enumerate(zip(heads, values, strict=True))
    ]
    for doc_year, total in ((2025, "444.00"), (2024, "465.50"), (None, "444.00")):
        view = next(iter(build_views(facts, None, doc_year).values()))
        assert [c.fact.quantity.text for c in view.cells if c.roles[:1] == ("total",)] == [total]
