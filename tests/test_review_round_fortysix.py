"""Review round forty-six (stop 41): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt

from pipeline.analyze import analyze_file


def _shares_in_points(first: str, second: str, third: str = "4.81", fourth: str = "0.72") -> str:
    rows = [
        "某县2024年预算执行情况的报告",
        "一、一般公共预算",
        "全县一般公共预算支出完成250,000万元，其中民生支出200,250万元，占一般公共预算支出的80.1%，"
        f"比上年的78.5%提高{first}个百分点。",
        f"2024年项目预算执行率由上年的92.1%提高到96.5%，提高{second}个百分点。",
        "税收收入占一般公共预算收入的比重为68.2%，比上年提高2.1个百分点。",
        "综合执行率98.2%，高于全省平均水平（95.0%）3.2个百分点；债务率从65.1%降至62.3%，下降2.8个百分点。",
        f"税收收入占一般公共预算收入的比重从上年的70.69%降至69.97%，下降{fourth}个百分点。",
        f"其中基本支出837.10万元，占83.71%，上年该比重为88.52%，比上年下降{third}个百分点。",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_in_points_is_the_difference_of_the_two_percentages_printed_with_it(tmp_path: Path) -> None:
    """ "占…的80.1%，比上年的78.5%提高1.9个百分点" and "由上年的92.1%提高到96.5%，提高4.6个百分点": both percentages
    and the change between them are printed together, so the change is their difference (stop 40 left such changes
    unchecked; adv423 S10: "占83.71%，上年该比重为88.52%，比上年下降3.61个百分点"; adv430 A1: "从上年的70.69%降至
    69.97%"). A change whose other percentage is not printed (比上年提高2.1个百分点) is left alone; a difference
    within the rounding of the two printed percentages is no finding."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _shares_in_points("1.6", "4.4"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _shares_in_points("1.9", "4.6", "3.61", "1.12")))
    assert [(r, v, e) for r, _s, v, e in found] == [
        ("point_change.stated-vs-computed", Decimal("1.9"), Decimal("1.6")),
        ("point_change.stated-vs-computed", Decimal("4.6"), Decimal("4.4")),
        ("point_change.stated-vs-computed", Decimal("1.12"), Decimal("0.72")),
        ("point_change.stated-vs-computed", Decimal("3.61"), Decimal("4.81")),
    ]
    assert _errors(_scan_txt(tmp_path / "c.txt", _shares_in_points("1.7", "4.3"))) == []  # 80.1 − 78.5 ∈ [1.5, 1.7]


def _department_budget(basic_share: str) -> str:
    rows = [
        "某市自然资源和规划局2025年部门预算",
        "三、支出预算情况说明",
        f"2025年部门支出预算12637.65万元，其中：基本支出5234.71万元，占支出预算的{basic_share}%；项目支出7402.94万元，"
        "占58.58%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_share_of_the_whole_named_without_its_owner_is_of_the_list_head(tmp_path: Path) -> None:
    """ "2025年部门支出预算12637.65万元，其中：基本支出…，占支出预算的43.42%": 支出预算 is the list's head named without
    its owner 部门 (adv424 S6: the share was left as "未找到占比的分母")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _department_budget("41.42"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _department_budget("43.42")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("43.42"), Decimal("41.42"))]


def _levels_after_another_item(share: str) -> str:
    rows = [
        "某省2024年省级决算报告",
        "一、一般公共预算",
        "全省一般公共预算收入4300.12亿元，比上年增长3.6%。其中，税收收入2890.34亿元，占全省一般公共预算收入的67.2%；"
        "税收收入中增值税1120.50亿元，占税收收入的38.8%。非税收入1409.78亿元，比上年增长0.9%。分级次看，省本级一般公共预算"
        f"收入780.45亿元，占全省的{share}%，比上年下降2.6%；市县一般公共预算收入3519.67亿元，增长5.1%。",
    ]
    return "\n".join(rows) + "\n"


def test_the_levels_of_one_item_break_down_that_items_figure_not_the_last_one_before(tmp_path: Path) -> None:
    """ "…非税收入1409.78亿元…。分级次看，省本级一般公共预算收入780.45亿元，占全省的18.1%…；市县一般公共预算收入…": the
    levels of 一般公共预算收入 break down no 非税收入 (adv422 F1: 18.1 "should be" 780.45 ÷ 1409.78 = 55.36); the share of
    全省 is still worked on the 全省 figure."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _levels_after_another_item("18.1"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _levels_after_another_item("28.1")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("28.1"), Decimal("18.15"))]


def _same_month_last_year(rate: str) -> str:
    rows = [
        "某省2024年省级决算报告",
        "一、一般公共预算",
        f"12月份当月全省一般公共预算收入318.40亿元，上年同月为308.55亿元，同比增长{rate}%；11月份为276.10亿元，环比增长15.3%。",
    ]
    return "\n".join(rows) + "\n"


def test_last_years_same_month_is_a_period_not_an_item(tmp_path: Path) -> None:
    """ "上年同月为308.55亿元，同比增长3.2%" names last year's figure of the item before it, as 上年同期 does (adv422 F2:
    "同月" was taken for an item, and the rate worked on 11月's 276.10 printed after it)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _same_month_last_year("3.2"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _same_month_last_year("4.2")))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("4.2"), Decimal("3.19"))]


def _income_with_a_fund_inside(grant: str, business: str, sep: str = "；") -> str:
    rows = [
        "某市教育局2025年部门预算",
        "一、收支预算总体情况",
        f"2025年收入预算61011.30万元。其中，财政拨款收入{grant}万元{sep}事业收入{business}万元{sep}政府性基金预算拨款收入"
        "1850.00万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_funds_appropriation_beside_all_appropriations_is_no_term_of_the_sum(tmp_path: Path) -> None:
    """ "其中，财政拨款收入54210.80万元；事业收入6420.50万元；政府性基金预算拨款收入1850.00万元": the 政府性基金 appropriation
    is inside 财政拨款收入 (adv422 F3: summed as a third part, 62481.30 "should be" 61011.30); the other parts still may
    not exceed their total."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _income_with_a_fund_inside("54210.80", "6420.50"))) == []
    assert _errors(_scan_txt(tmp_path / "c.txt", _income_with_a_fund_inside("54210.80", "6420.50", "，"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _income_with_a_fund_inside("55210.80", "6420.50", "，")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("61011.30"), Decimal("61631.30"))]


def _maintenance(spent: str) -> str:
    rows = [
        "某县2024年农村公路养护资金项目支出绩效自评报告",
        "一、项目资金使用情况",
        f"县道日常养护支出412.36万元，乡道日常养护支出{spent}万元，危桥改造支出176.82万元。",
        "表1 项目资金使用明细表",
        "单位：万元",
        "子项目\t全年预算数\t实际支出数\t执行率（%）",
        "县道日常养护\t420.00\t412.36\t98.18",
        "乡道日常养护\t310.00\t298.75\t96.37",
        "危桥改造\t185.00\t176.82\t95.58",
        "合计\t915.00\t887.93\t97.04",
    ]
    return "\n".join(rows) + "\n"


def test_an_items_spending_in_the_text_is_its_row_in_a_column_of_spending(tmp_path: Path) -> None:
    """ "乡道日常养护支出289.75万元" against the row 乡道日常养护 of the column 实际支出数: the text names the flow in the
    item's name, the table in its column (adv423 S9: never compared)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _maintenance("298.75"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _maintenance("289.75")))
    assert [(r, v, e) for r, _s, v, e in found] == [("narrative_table.mismatch", Decimal("298.75"), Decimal("289.75"))]


def _projects(rate: str) -> str:
    rows = [
        "某市农业农村局2024年度部门决算",
        "四、项目支出情况",
        "（一）农业技术推广项目",
        f"该项目年度预算数410.00万元，决算数389.74万元，完成率{rate}%。项目完成统防统治面积38.6万亩次。",
    ]
    return "\n".join(rows) + "\n"


def test_a_bare_completion_rate_after_a_budget_and_its_outcome_is_their_ratio(tmp_path: Path) -> None:
    """ "该项目年度预算数410.00万元，决算数389.74万元，完成率95.06%": 完成率 is 决算 ÷ 预算 (adv421: read as a rate of a
    whole named "率" and left as "未找到可用于核对的对应数")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _projects("95.06"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _projects("97.06")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.ratio-text", Decimal("97.06"), Decimal("95.06"))]


def _a_quarter(rate: str) -> str:
    rows = [
        "关于某市2024年财政决算的报告",
        "一、一般公共预算",
        "2024年，全市一般公共预算收入186.45亿元，比上年增长4.4%。",
        f"四季度，全市一般公共预算收入42.18亿元，比上年同期增长{rate}%；12月份当月，全市一般公共预算收入18.20亿元。",
        "附表1 2024年一般公共预算收入决算表",
        "单位：亿元",
        "项目\t预算数\t决算数\t上年决算数\t增长%",
        "收入合计\t182.00\t186.45\t178.62\t4.4",
    ]
    return "\n".join(rows) + "\n"


def test_one_quarter_or_one_month_is_a_stretch_of_its_own(tmp_path: Path) -> None:
    """ "四季度，全市一般公共预算收入42.18亿元，比上年同期增长3.5%" and "12月份当月…18.20亿元" are no printings of the year's
    186.45 nor of the table's 收入合计, and last year's whole year is no base of the quarter's rate (adv425 F1–F3: a
    repeat, a narrative_table mismatch and a −76.39% "growth")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _a_quarter("3.5"))) == []
    assert _errors(_scan_txt(tmp_path / "b.txt", _a_quarter("13.5"))) == []  # the quarter's base is not printed


def _budget_report(rate: str) -> str:
    rows = [
        "某市2024年预算执行情况和2025年预算草案的报告",
        "二、2025年预算草案",
        f"2025年全市一般公共预算收入预算安排36.16亿元，比上年年初预算增长{rate}%，比上年执行数增长1.4%。",
        "表1 2025年全市一般公共预算收入预算表",
        "单位：万元",
        "项目\t上年数\t本年数\t增减额\t增减率（%）",
        "一般公共预算收入\t356670\t361560\t4890\t1.4",
    ]
    return "\n".join(rows) + "\n"


def test_a_year_only_column_of_a_budget_table_is_not_last_years_budget_in_a_government_report(tmp_path: Path) -> None:
    """ "比上年年初预算增长4.3%" beside a …预算表 whose column names only its year (上年数): in a 预算草案 report that column
    holds as often last year's 执行数 — here the base of the row's own 1.4% (adv426 F1–F2: 4.3 "should be" 1.38)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _budget_report("4.3"))) == []


def _department_income(rate: str) -> str:
    rows = [
        "某县农业农村局2025年部门预算",
        "一、收支预算总体情况",
        "2025年部门收入预算7496.90万元，其中本年收入7384.06万元、上年结转112.84万元。本年收入中，一般公共预算拨款收入"
        f"6842.36万元，占本年收入的92.7%；其他收入541.70万元，占7.3%。本年收入比2024年预算增加405.61万元，增长{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_the_measure_of_the_figure_compared_with_is_not_the_changed_items_name(tmp_path: Path) -> None:
    """ "本年收入比2024年预算增加405.61万元，增长5.8%": 预算 is the measure of last year's figure; the change is 本年收入's,
    not the 部门收入 total with its carry-over (adv428 F1: 5.8 "should be" 5.7)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _department_income("5.8"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _department_income("6.8")))
    assert [(r, v, e) for r, _s, v, e in found] == [("template.change", Decimal("6.8"), Decimal("5.8"))]


def _completion_then_direction(rate: str) -> str:
    rows = [
        "某县卫生健康局2024年部门决算",
        f"（五）卫生健康支出（类）公共卫生（款）基本公共卫生服务（项）：预算数1280.00万元，决算数1326.75万元，完成率{rate}%。"
        "决算数大于预算数的主要原因是年中追加补助资金。",
    ]
    return "\n".join(rows) + "\n"


def test_a_figure_a_later_sentence_restates_is_not_one_of_a_rates_two(tmp_path: Path) -> None:
    """ "预算数1280.00万元，决算数1326.75万元，完成率104.85%。决算数大于预算数…": the comparison restates 1326.75 at its
    first printing; the rate's two figures are still the budget and the outcome (adv429 A3: missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _completion_then_direction("103.65"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _completion_then_direction("104.85")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.ratio-text", Decimal("104.85"), Decimal("103.65"))]


def _spending_workbook(path: Path, health: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "支出决算表"
    rows = [
        ["某县2024年一般公共预算支出决算表"],
        ["单位：万元"],
        ["项目", "预算数", "决算数"],
        ["支出合计", "8200.00", "7906.61"],
        ["一般公共服务支出", "480.00", "434.19"],
        ["  人大事务", "150.00", "131.75"],
        ["  财政事务", "330.00", "302.44"],
        ["卫生健康支出", "7720.00", health],
        ["  公立医院", "3260.00", "3198.45"],
        ["  基层医疗卫生机构", "2470.00", "2411.92"],
        ["  公共卫生", "1990.00", "1862.05"],
    ]
    for r in rows:
        ws.append([float(x) if x.replace(".", "").isdigit() else x for x in r])
    for row in ws.iter_rows(min_row=4, max_row=len(rows), min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "0.00"
    wb.save(path)
    return path


def test_the_rows_a_workbook_indents_are_the_parts_of_the_row_above_them(tmp_path: Path) -> None:
    """A workbook whose 款 rows stand in by leading spaces under their 类 (no codes): the 类 row against its own rows,
    blamed where 支出合计 = Σ类 once the 类 is counted as its rows (adv424 S10: the indentation was not read, the 合计 summed
    over every row and left undecided)."""
    ok = analyze_file(_spending_workbook(tmp_path / "a.xlsx", "7472.42")).findings
    assert [f for f in ok if f.severity != "info"] == []
    found = analyze_file(_spending_workbook(tmp_path / "b.xlsx", "7672.42")).findings
    assert [(f.rule, f.prov.render(), f.stated_value, f.expected_value) for f in found if f.severity != "info"] == [
        ("sum.table-cell", "表1 r6c3", Decimal("7672.42"), Decimal("7472.42"))
    ]


def _debt_workbook(path: Path, special_end: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "债务余额"
    ws.append(["某旗2024年政府债务余额情况表"])
    ws.append(["单位：万元"])
    ws.append(["项目", "年初余额", "本年举借", "本年偿还", "年末余额"])
    ws.append(["政府债务合计", "328861.27", "35950.00", "25142.21", "339669.06"])
    ws.append(["一般债务", "186542.37", "21350.00", "18926.41", "188965.96"])
    ws.append(["专项债务", "142318.90", "14600.00", "6215.80", special_end])
    wb.save(path)
    return path


def test_the_two_classes_of_a_debt_are_its_totals_parts_down_the_rows(tmp_path: Path) -> None:
    """一般债务 | 专项债务 under 政府债务合计 are the parts of a set that makes it (no codes needed): the year-end column
    that does not add up is an error on the class that is off (adv424, a PDF whose label indents left the rows'
    levels undecided: "远大于总数；疑为相互包含的类别" at 0.3%, beside a roll-forward warning). A workbook's rows were read
    so before too: this guards the reading the partition now gives any layout."""
    ok = analyze_file(_debt_workbook(tmp_path / "a.xlsx", "150703.10")).findings
    assert [f for f in ok if f.severity != "info"] == []
    found = [f for f in analyze_file(_debt_workbook(tmp_path / "b.xlsx", "151703.10")).findings if f.severity != "info"]
    assert [(f.rule, f.severity, f.prov.render(), f.stated_value) for f in found] == [
        # (the roll-forward and the classes' sum cross on this one cell: one finding naming both, stop 45)
        ("sum.table-cell", "error", "表1 r4c5", Decimal("151703.10"))
    ]


def test_standalone_fund_reports_and_a_countys_budget_workbook_have_their_kinds(tmp_path: Path) -> None:
    """ "…2024年国有资本经营预算执行情况说明" is an execution report and "…2024年社会保险基金决算" a government final account
    (adv427: both `other`, so only kind-free rules ran, at warning at most), and so is "…前三季度财政预算执行情况"
    (adv431), and "…补助资金绩效自评报告" a project's self-evaluation (adv437); a workbook of "盐池川县2025年一般公共预算收入表"
    and "…支出表" is a government budget, not a department's (adv426)."""
    from openpyxl import Workbook

    from extractors.report_kind import classify
    from extractors.txt_reader import read_txt

    kinds = []
    titles = (
        "重庆市某区2024年国有资本经营预算执行情况说明",
        "天津市某区2024年社会保险基金决算",
        "某市2025年前三季度财政预算执行情况",
        "某县2024年衔接推进乡村振兴补助资金绩效自评报告",
        "某市2024年社会保险基金决算情况说明",
    )
    for title in titles:
        path = tmp_path / f"{title}.txt"
        path.write_text(f"{title}\n一、收入情况\n收入合计1000.00万元。\n", encoding="utf-8")
        kinds.append(classify(read_txt(path, "0")))
    assert kinds == [
        "预算执行情况和预算草案的报告",
        "政府决算",
        "预算执行情况和预算草案的报告",
        "项目支出绩效自评表",
        "政府决算",
    ]
    wb = Workbook()
    for n, name in enumerate(("一般公共预算收入表", "一般公共预算支出表")):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        ws.append([f"盐池川县2025年{name}"])
        ws.append(["项目", "2024年执行数", "2025年预算数"])
        ws.append(["合计", 56690, 57020])
    wb.save(tmp_path / "w.xlsx")
    assert analyze_file(tmp_path / "w.xlsx").kind == "预算执行情况和预算草案的报告"


def _whole_department(project: str) -> str:
    rows = [
        "某县农业农村局2024年度部门整体支出绩效自评报告",
        "（二）支出情况",
        "2024年部门全年预算数9126.45万元（年初预算7980.00万元，年中追加1146.45万元），全年支出8695.77万元，预算执行率"
        f"95.28%。其中：基本支出1876.42万元，占总支出的21.58%；项目支出{project}万元，占总支出的78.42%。",
        "表1 2024年部门支出情况表",
        "单位：万元",
        "项目\t全年预算数\t全年执行数\t执行率（%）",
        "基本支出\t1920.30\t1876.42\t97.71",
        "项目支出\t7206.15\t6819.35\t94.63",
        "合计\t9126.45\t8695.77\t95.28",
    ]
    return "\n".join(rows) + "\n"


def test_a_flow_after_a_figure_named_by_the_body_alone_is_the_bodys_flow(tmp_path: Path) -> None:
    """ "2024年部门全年预算数…，全年支出8695.77万元。其中：…项目支出6699.35万元" against the table's 项目支出 6819.35: the
    spending is 部门支出, and its parts are the department's, one figure with the table's rows — the slip is blamed on the
    text's part, which the total and the share both contradict (adv430 B1: the total was named "部门", its parts a
    body's share, the mismatch an unsettled info and the sum's error on the total)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _whole_department("6819.35"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _whole_department("6699.35")))
    assert [(r, v, e) for r, _s, v, e in found] == [
        ("narrative_table.mismatch", Decimal("6699.35"), Decimal("6819.35"))
    ]


def _three_public(total_rate: str, reception_rate: str) -> str:
    rows = [
        "某区教育局2024年度部门决算",
        "表6 一般公共预算财政拨款基本支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t决算数",
        "30216\t培训费\t12.40",
        "30217\t公务接待费\t2.85",
        '表9 "三公"经费财政拨款支出决算表',
        "单位：万元",
        "项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费",
        "预算数\t23.50\t0.00\t20.00\t3.50",
        "决算数\t21.45\t0.00\t18.60\t2.85",
        '九、"三公"经费财政拨款支出决算情况说明',
        f'2024年度"三公"经费财政拨款支出决算为21.45万元，完成预算的{total_rate}%。',
        f"公务接待费2.85万元，完成预算的{reception_rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_three_public_items_completion_is_worked_on_the_three_public_tables_budget_row(tmp_path: Path) -> None:
    """ "公务接待费2.85万元，完成预算的81.43%" where the 基本支出 table prints a 公务接待费 of the same value as a part of
    基本支出: the 三公 table's own printing is the figure, its 预算数 row the budget; the 三公 total is the table's 合计
    column (adv427: both left as "未找到完成率的决算数或预算数")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _three_public("91.28", "81.43"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _three_public("93.28", "83.43")))
    assert [(r, v, e) for r, _s, v, e in found] == [
        ("rate.completion", Decimal("93.28"), Decimal("91.28")),
        ("rate.completion", Decimal("83.43"), Decimal("81.43")),
    ]


def _debt_movements(closing: str) -> str:
    rows = [
        "某市2024年政府决算",
        "表2 2024年政府债务变动情况表",
        "单位：万元",
        "项目\t合计\t一般债务\t专项债务",
        "一、年初余额\t300.00\t100.00\t200.00",
        "二、本年举借\t90.00\t30.00\t60.00",
        "其中：新增债券\t60.00\t20.00\t40.00",
        "再融资债券\t30.00\t10.00\t20.00",
        "三、本年偿还\t30.00\t10.00\t20.00",
        f"四、年末余额\t{closing}\t120.00\t240.00",
    ]
    return "\n".join(rows) + "\n"


def test_a_row_going_on_a_qizhong_list_is_no_movement_of_its_own(tmp_path: Path) -> None:
    """二、本年举借 | 其中：新增债券 | 再融资债券 | 三、本年偿还: 再融资债券 goes on with the 其中 list though it prints no
    其中, so it is no second borrowing (adv432 F1–F3: every year-end balance "should be" its own plus 再融资)."""
    assert [f for f in _scan_txt(tmp_path / "a.txt", _debt_movements("360.00")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", _debt_movements("370.00")) if f.severity != "info"]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found][:1] == [
        ("debt_roll.roll-forward-table", Decimal("370.00"), Decimal("360.00"))
    ]


def _insurance_funds(interest: str) -> str:
    rows = [
        "关于某省2024年省级社会保险基金决算的说明",
        "一、基金收支总体情况",
        "基金收入中，保险费收入2494.57亿元，占基金收入的76.3%，比上年提高1.3个百分点；财政补贴收入317.88亿元，占9.7%；"
        "利息收入51.78亿元；其他收入406.88亿元。",
        "二、分险种基金收支情况",
        "（一）企业职工基本养老保险基金",
        "企业职工基本养老保险基金收入2482.54亿元，比上年增长3.8%。其中：保险费收入1826.45亿元，财政补贴收入215.30亿元，"
        f"利息收入{interest}亿元，中央调剂资金等其他收入402.17亿元。支出2368.91亿元，比上年增长6.4%。",
        "（二）机关事业单位基本养老保险基金",
        "机关事业单位基本养老保险基金收入393.53亿元，比上年增长5.6%，其中保险费收入286.74亿元，占该项基金收入的72.9%，"
        "财政补贴收入102.58亿元，占26.1%。支出381.92亿元，比上年增长4.3%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_figure_of_no_item_beside_the_items_sections_may_be_their_sum(tmp_path: Path) -> None:
    """ "财政补贴收入317.88亿元" in the overview and "财政补贴收入215.30亿元" under （一）企业职工基本养老保险基金, where the
    text has several such sections: the overview's may be the sum over the funds, never certainly the one fund's
    (adv431 F1–F2: repeat errors 215.30 vs 317.88, 38.62 vs 51.78)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _insurance_funds("38.62"))) == []


def _foot_total_workbook(path: Path, education: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "支出决算表"
    rows = [
        ["某市2024年一般公共预算支出决算表"],
        ["单位：万元"],
        ["项目", "调整预算数", "决算数"],
        ["一般公共服务支出", 44050, 43211],
        ["    人大事务", 3850, 3762],
        ["    财政事务", 40200, 39449],
        ["教育支出", 289100, int(education)],
        ["    教育管理事务", 4200, 4085],
        ["    普通教育", 236500, 234120],
        ["    职业教育", 48400, 46705],
        ["支出合计", 333150, 43211 + int(education)],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_class_row_off_its_indented_rows_under_a_total_at_the_foot(tmp_path: Path) -> None:
    """教育支出 285910 over its 款 4085 + 234120 + 46705 = 284910, the 支出合计 at the foot adding the 类 as printed: the
    调整预算数 column of the same rows adds up, so the 类 is off its rows (adv434 probe: no finding at all; a 类 with no
    other column confirming its rows is a partial list, not said)."""
    ok = analyze_file(_foot_total_workbook(tmp_path / "a.xlsx", "284910")).findings
    assert [f for f in ok if f.severity != "info"] == []
    found = analyze_file(_foot_total_workbook(tmp_path / "b.xlsx", "285910")).findings
    assert [(f.rule, f.prov.render(), f.stated_value, f.expected_value) for f in found if f.severity != "info"] == [
        ("sum.table-rows", "表1 r5c3", Decimal("285910"), Decimal("284910"))
    ]


def _execution_shares(basic: str) -> str:
    rows = [
        "某区民政局2024年度部门整体支出绩效自评报告",
        "二、预算执行情况",
        "2024年度部门全年预算数4826.35万元，全年执行数4612.08万元，预算执行率95.56%。其中：基本支出3285.40万元，"
        f"占执行数的{basic}%；项目支出1326.68万元，占执行数的28.77%。",
    ]
    return "\n".join(rows) + "\n"


def test_the_parts_of_a_figure_named_by_the_body_alone_are_its_own(tmp_path: Path) -> None:
    """ "部门…全年执行数4612.08万元。其中：基本支出3285.40万元，占执行数的71.23%": the body names its whole money, so
    基本支出 is the department's, the share's part (adv433: read as a part of another breakdown, "未找到占比的分子")."""
    assert [f for f in _scan_txt(tmp_path / "a.txt", _execution_shares("71.23")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", _execution_shares("73.23")) if f.severity != "info"]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("share.stated-vs-computed", Decimal("73.23"), Decimal("71.23"))
    ]


def _totals_then_changes(rate: str) -> str:
    rows = [
        "某县某局2024年部门决算",
        "一、收入支出决算总体情况说明",
        "2024年度收入总计5,116.37万元，支出总计5,022.03万元，与上年相比，收入总计增加421.19万元，"
        f"增长{rate}%，支出总计增加300.98万元，增长6.4%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_naming_one_flow_is_not_worked_on_the_other_flows_total(tmp_path: Path) -> None:
    """ "收入总计5,116.37万元，支出总计5,022.03万元，与上年相比，收入总计增加421.19万元，增长9.0%": the 收入's change, though
    the 支出 stands last before it (adv437 F1: 9.0 "should be" 421.19 ÷ (5,022.03 − 421.19) = 9.2)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _totals_then_changes("9.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _totals_then_changes("8.0")))
    assert [(r, v, e) for r, _s, v, e in found] == [("template.change", Decimal("8.0"), Decimal("9.0"))]


def _fund_sections(second_carried: str) -> str:
    rows = [
        "某县2024年政府性基金预算决算",
        "二、分项目执行情况",
        "（一）国有土地使用权出让收入",
        "3.结余。上年结转12345万元，本年收支结余3913万元，年终结转结余16258万元。",
        "（二）城市基础设施配套费收入",
        f"3.结余。上年结转{second_carried}万元，本年收支结余333万元，年终结转结余1567万元。",
    ]
    return "\n".join(rows) + "\n"


def test_one_outline_repeated_per_fund_keeps_each_sections_figures_its_own(tmp_path: Path) -> None:
    """（一）国有土地使用权出让收入 › 3.结余。上年结转12345万元 and （二）城市基础设施配套费收入 › 3.结余。上年结转1234万元: each
    section's 上年结转 is its fund's (adv435 F1–F12: repeat errors 1234 vs 12345 …)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_sections("1234"))) == []


def _fund_tables(own: str) -> str:
    rows = [
        "某省2024年社会保险基金预算执行情况的报告",
        "一、全省社会保险基金预算执行总体情况",
        "2024年，全省社会保险基金收入47307400.00万元，完成预算的100.9%，比上年增长6.6%。其中：保险费收入33813880.00万元，"
        "占71.5%；财政补贴收入11951610.00万元，占25.3%。",
        "二、分险种预算执行情况",
        "（一）企业职工基本养老保险基金",
        "1.收入。企业职工基本养老保险基金收入21589450.00万元，为预算的101.8%，比上年增长7.9%。",
        "表2 企业职工基本养老保险基金预算执行情况表",
        "单位：万元",
        "项目\t2023年执行数\t2024年预算数\t2024年执行数\t完成预算%",
        "收入\t20012340.00\t21200000.00\t21589450.00\t101.8",
        f"其中：保险费收入\t\t\t{own}\t",
        "财政补贴收入\t\t\t2136540.00\t",
        "（二）城乡居民基本养老保险基金",
        "收入4547960.00万元，完成预算的101.1%。",
        "表3 城乡居民基本养老保险基金预算执行情况表",
        "单位：万元",
        "项目\t2023年执行数\t2024年预算数\t2024年执行数\t完成预算%",
        "收入\t4213560.00\t4500000.00\t4547960.00\t101.1",
        "其中：保险费收入\t\t\t1265430.00\t",
        "财政补贴收入\t\t\t3018760.00\t",
    ]
    return "\n".join(rows) + "\n"


def test_a_table_of_one_fund_named_in_its_title_is_that_funds(tmp_path: Path) -> None:
    """表2 企业职工基本养老保险基金预算执行情况表's 保险费收入 is that fund's, never certainly the overview's 保险费收入 of all
    funds (adv435 F13–F37: 25 narrative_table mismatches, each fund's table against the province's totals)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_tables("18654320.00"))) == []


def _evaluation(decision: str) -> str:
    rows = [
        "某区农业农村局2024年度部门整体支出绩效评价报告",
        "一、评价结论",
        "评价结果分为四个等级：综合得分90分（含）以上为“优”，80分（含）至90分为“良”，60分以下为“差”。经评价，综合得分为"
        "91.40分，等级为“优”。",
        "表2 部门整体支出绩效评价评分表",
        "一级指标\t二级指标\t三级指标\t权重（分）\t得分",
        "决策\t项目立项\t立项依据充分性\t10\t10.0",
        "决策\t绩效目标\t绩效目标合理性\t10\t8.0",
        f"决策小计\t\t\t20\t{decision}",
        "产出\t产出数量\t完成率\t50\t47.4",
        "产出\t产出质量\t合格率\t30\t26.0",
        "产出小计\t\t\t80\t73.4",
        "合计\t\t\t100\t91.40",
    ]
    return "\n".join(rows) + "\n"


def test_an_evaluations_weights_are_its_points_and_a_grade_band_is_no_score(tmp_path: Path) -> None:
    """权重（分） of a third-party 评分表 is the points column, so 决策小计 and 合计 are checked against their rows (adv436:
    left as "表内分项层次未能确定"); "综合得分90分（含）以上为“优”" is a bound of a grade, not the score."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _evaluation("18.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _evaluation("18.5")))
    assert [(r, v, e) for r, _s, v, e in found] == [("scoresheet.total", Decimal("18.5"), Decimal("18.0"))]


def _fund_balances(balance: str) -> str:
    rows = [
        "某市2024年社会保险基金决算情况说明",
        "一、总体情况",
        "2024年，全市社会保险基金本年收支结余77293.02万元。",
        "表1 2024年某市社会保险基金决算汇总表",
        "单位：万元",
        "项目\t合计\t职工基本医疗保险基金\t城乡居民基本医疗保险基金",
        "本年收支结余\t77293.02\t53554.51\t23738.51",
        "二、分险种情况",
        "（一）职工基本医疗保险基金",
        "2024年基金收入205000.00万元，基金支出151445.49万元，本年收支结余53554.51万元。",
        "（二）城乡居民基本医疗保险基金",
        f"2024年基金收入120000.00万元，基金支出96261.49万元，本年收支结余{balance}万元。",
    ]
    return "\n".join(rows) + "\n"


def test_one_funds_figure_is_never_the_summary_tables_total_column(tmp_path: Path) -> None:
    """ "（二）城乡居民基本医疗保险基金 › 本年收支结余23738.51万元" against the funds' summary table: the fund's column is its
    figure, the 合计 column (77293.02) is no printing of it (adv441 F3: a mismatch 25738.51 "should be" 77293.02). (The
    fund's own column is not yet paired with the text: its name is printed in the column, not the row.) This short
    text was not paired with the 合计 column on bb06255 either: the test guards the rule, adv441's report is what failed."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_balances("23738.51"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _fund_balances("25738.51")))
    assert Decimal("77293.02") not in {e for _r, _s, _v, e in found}


def test_the_sign_of_a_sum_opening_a_clause_is_no_part_of_the_name() -> None:
    """ "加上上年结转收入6120万元", "加上级补助收入…", "减调出资金…": the sum's sign is no part of the name (adv439: the
    subject "加上上年结转收入" set one fund's carry-over against another's); 减税降费, 加强 stay names."""
    from extractors.subjects import analyse_pre

    said = [
        analyse_pre(t).subject for t in ("加上上年结转收入", "加上级补助收入", "，加调入资金", "减调出资金", "减税降费")
    ]
    assert said == ["上年结转收入", "上级补助收入", "调入资金", "调出资金", "减税降费"]


def test_a_run_in_topic_is_no_section_of_a_fund_and_leaves_a_repeat_settled(tmp_path: Path) -> None:
    """ "（三）政府债务。…全旗政府债务余额825,430万元" (a run-in topic) against "（五）政府债务情况 › …全旗政府债务余额285,430万元":
    one figure printed twice, still an error — only sections of funds or projects (…基金, …项目) make a figure of no
    section possibly their sum (the review set's adv310 S3 was lost on this stop's first reading)."""
    rows = [
        "某旗2024年预算执行情况和2025年预算草案的报告",
        "一、2024年预算执行情况",
        "（五）政府债务情况",
        "截至2024年末，全旗政府债务余额285,430万元，控制在限额以内。",
        "（六）一般公共预算。全旗一般公共预算收入完成123,456万元。",
        "二、2025年预算草案",
        "（三）政府债务。截至2024年末全旗政府债务余额825,430万元，债务风险总体可控。",
    ]
    found = _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n"))
    assert [(r, v, e) for r, _s, v, e in found] == [("repeat.different-values", Decimal("825430"), Decimal("285430"))]


def test_a_number_in_scientific_notation_is_no_amount_of_its_exponent() -> None:
    """ "目标值3.2E+2公里" is a malformed printing, never 2公里 (adv428: a 完成率 worked on 336.4 ÷ 2 = 16820%)."""
    from extractors.numbers import find_quantities

    assert [q.text for _, q in find_quantities("目标值3.2E+2公里，实际完成336.4公里")] == ["336.4公里"]


def _category_scores(said: str) -> str:
    rows = [
        "某局2024年度部门整体支出绩效自评报告",
        "三、自评结论",
        f"经自评，整体支出绩效自评得分96.58分，其中：预算执行率得分9.78分，产出指标得分{said}分，效益指标得分28.5分，"
        "满意度指标得分9.6分。",
        "（三）产出指标。该部分权重50分，得分48.7分。产出指标分值50分，得分48.7分。",
        "表2 部门整体支出绩效自评表",
        "一级指标\t二级指标\t三级指标\t分值\t得分",
        "预算执行率\t\t\t10\t9.78",
        "产出指标\t数量指标\t完成率\t25\t24.2",
        "产出指标\t质量指标\t合格率\t25\t24.5",
        "产出指标\t小计\t\t50\t48.7",
        "效益指标\t社会效益\t服务覆盖\t30\t28.5",
        "满意度指标\t满意度\t群众满意度\t10\t9.6",
        "总分\t\t\t100\t96.58",
    ]
    return "\n".join(rows) + "\n"


def test_a_categorys_score_in_the_text_is_that_categorys_on_the_sheet(tmp_path: Path) -> None:
    """ "产出指标得分49.7分" and "（三）产出指标。…得分48.7分" against the sheet's 产出指标 rows (24.2 + 24.5 = 48.7): one
    figure (adv438 C2, adv441 C2: missed, and the sum of the categories blamed the total instead; adv445 D3S3: the
    category named earlier in the sentence, 产出指标分值50分，得分49.0分)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _category_scores("48.7"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _category_scores("49.7")))
    assert [(r, v, e) for r, _s, v, e in found] == [("scoresheet.category-in-text", Decimal("49.7"), Decimal("48.7"))]


def _fund_tables_titled_alone(second: str) -> str:
    funds = (
        ("（一）", "表2", "企业职工基本养老保险基金", "452872.31", "441368.47", "11503.84"),
        ("（二）", "表3", "城乡居民基本养老保险基金", "91842.18", "70344.04", second),
        ("（三）", "表4", "机关事业单位基本养老保险基金", "129655.91", "127405.17", "2250.74"),
    )
    rows = ["某市2024年社会保险基金决算", "二、分险种决算情况"]
    for number, table, fund, income, spent, balance in funds:
        rows += [
            f"{number}{fund}",
            f"基金收入{income}万元，基金支出{spent}万元，本年收支结余{balance}万元。",
            f"{table} {fund}",
            "单位：万元",
            "项目\t上年决算数\t本年预算数\t本年决算数",
            f"基金收入\t400000.00\t420000.00\t{income}",
            f"基金支出\t390000.00\t410000.00\t{spent}",
            f"本年收支结余\t\t\t{balance if table != '表3' else '21498.14'}",
        ]
    return "\n".join(rows) + "\n"


def test_tables_titled_by_their_fund_alone_are_each_that_funds(tmp_path: Path) -> None:
    """表2 企业职工基本养老保险基金 and 表3 城乡居民基本养老保险基金, one layout each: a cell of one is never a printing of the
    other's (adv444 F1–F12: the funds' tables chained into one figure, every fund after the first "wrong")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_tables_titled_alone("21498.14"))) == []


def _debt_sheets(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    sheets = (
        ("限额", ((516100, 206100, 310000), (447000, 182000, 265000), (69100, 24100, 45000))),
        ("余额", ((491304, 195084, 296220), (426304, 175084, 251220), (65000, 20000, 45000))),
        ("还本", ((10630, 10630, 0), (9630, 9630, 0), (1000, 1000, 0))),
    )
    for n, (measure, rows) in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = f"债务{measure}"
        ws.append([f"某区2022-2024年地方政府债务{measure}情况表"])
        ws.append(["单位：万元"])
        ws.append(["地区", "2022年", None, None])
        ws.append([None, f"{measure}合计", "一般债务", "专项债务"])
        ws.merge_cells("B3:D3")
        ws.merge_cells("A3:A4")
        for region, values in zip(("全区合计", "区本级", "滨河街道"), rows, strict=True):
            ws.append([region, *values])
    wb.save(path)
    return path


def test_debt_tables_of_one_layout_and_different_measures_share_no_figure(tmp_path: Path) -> None:
    """…债务限额情况表, …债务余额情况表, …还本…: one layout, the measure only in the title — 182000 (限额) and 175084 (余额)
    are no two printings of one figure (adv442 F1–F18: cross_table.same-figure across the sheets). This small workbook
    drew no such finding on bb06255 (adv442's three years of columns did): the test guards the titles' measure words."""
    found = analyze_file(_debt_sheets(tmp_path / "d.xlsx")).findings
    assert [f for f in found if f.severity != "info"] == []


def _fund_outlines_with_tables(second: str) -> str:
    rows = ["某省2024年政府性基金预算执行情况", "二、分项目执行情况"]
    for number, fund, carried, balance in (
        ("（一）", "国有土地使用权出让收入", "186420", "213540"),
        ("（二）", "城市基础设施配套费收入", "7350", second),
        ("（三）", "彩票公益金收入", "9840", "13500"),
    ):
        rows += [
            f"{number}{fund}",
            f"3.结余。上年结转{carried}万元，年末结余{balance}万元。",
            fund,
            "单位：万元",
            "项目\\t预算数\\t执行数",
            f"年末结余\\t\\t{balance if number != '（二）' else '10170'}",
        ]
    return "\\n".join(rows) + "\\n"


def test_tables_titled_by_an_items_name_alone_are_each_that_items(tmp_path: Path) -> None:
    """A table titled "城市基础设施配套费收入" under its fund's section, one layout per fund: its 年末结余 is that fund's,
    never a printing of 国有土地使用权出让收入's (adv447 F1–F4: every fund's balance "should be" the first fund's)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_outlines_with_tables("10170"))) == []


def _department_categories(management: str) -> str:
    rows = [
        "某委员会2024年度部门整体支出绩效自评报告",
        "三、绩效自评结论",
        "各类指标得分情况如下：部门决策类指标分值20分，得分18分，得分率90.0%；部门管理类指标分值20分，"
        f"得分{management}分；部门产出类指标分值60分，得分55分。",
        "表2 部门整体支出绩效自评表",
        "一级指标\t二级指标\t分值\t得分",
        "部门决策\t决策依据\t20\t18",
        "部门管理\t资金管理\t8\t7",
        "部门管理\t项目管理\t6\t5",
        "部门管理\t资产管理\t6\t6",
        "部门管理\t小计\t20\t18",
        "部门产出\t产出数量\t60\t55",
        "总分\t\t100\t91",
    ]
    return "\n".join(rows) + "\n"


def test_a_departments_categories_named_with_its_owner_and_chained_by_semicolons(tmp_path: Path) -> None:
    """ "部门管理类指标分值20分，得分20分" in a "；"-chained list, against the sheet's 部门管理 rows (小计 18): the category is
    named with the owner 部门 and in its own "；" item, and the score is the figure after 得分, not the 分值 printed
    with the same text (adv449 C1: missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _department_categories("18"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _department_categories("20")))
    assert [(r, v, e) for r, _s, v, e in found] == [("scoresheet.category-in-text", Decimal("20"), Decimal("18"))]
