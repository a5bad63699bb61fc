"""Review round sixteen (stop 32): what fresh reviews of realistic reports found gouji getting wrong or missing,
each fixed at its mechanism."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx_builders import write_docx

from pipeline.analyze import analyze_file
from pipeline.findings import Finding


def _findings(tmp_path: Path, name: str, blocks: list, info: bool = False) -> list[Finding]:
    """The errors and warnings (with infos when asked) gouji reports on a .docx of these blocks."""
    found = analyze_file(write_docx(tmp_path / name, blocks)).findings
    return [f for f in found if info or f.severity != "info"]


def _scan_txt(path: Path, text: str) -> list[Finding]:
    """Every finding gouji reports on a text report of these lines."""
    path.write_text(text, encoding="utf-8")
    return analyze_file(path).findings


def _project_report(budget_paragraph: str, spending_paragraph: str) -> list:
    return [
        "某区卫生健康局2024年度基本公共卫生服务项目支出绩效自评报告",
        "一、项目概况",
        "（二）项目资金情况",
        budget_paragraph,
        spending_paragraph,
    ]


BUDGETS = (
    "2024年项目年初预算3,160.28万元，全年预算数3,318.08万元，其中：当年财政拨款3,160.28万元，上年结转资金157.80万元。"
)
SPENDING = (
    "全年实际支出3,196.73万元，预算执行率为96.34%。其中：拨付乡镇卫生院及村卫生室2,685.20万元，占实际支出的84.00%；"
    "人员培训86.40万元；信息系统运维265.35万元；宣传及督导考核159.78万元。"
)


def test_an_execution_rate_whose_budget_stands_in_the_paragraph_before(tmp_path: Path) -> None:
    """ "全年预算数3,318.08万元，…。 ¶ 全年实际支出3,196.73万元，预算执行率为96.43%": the rate's paragraph prints the
    spending and no budget, the one before prints the budgets and no spending; 3196.73 ÷ 3318.08 = 96.34% (adv151 S1).
    Another paragraph's budget is likely the rate's, not certainly: a warning."""
    assert _findings(tmp_path, "clean.docx", _project_report(BUDGETS, SPENDING)) == []
    slip = SPENDING.replace("96.34%", "96.43%")
    found = _findings(tmp_path, "slip.docx", _project_report(BUDGETS, slip))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("rate.execution-text", "warning", Decimal("96.43"), Decimal("96.34"))
    ]
    assert "3,318.08" in found[0].explanation and "上一段" in found[0].explanation
    # a paragraph before that prints its own spending keeps its budgets: the rate's budget is not printed
    own = BUDGETS.replace("上年结转资金157.80万元。", "上年结转资金157.80万元，当年支出3,000.00万元。")
    assert _findings(tmp_path, "own.docx", _project_report(own, slip)) == []


def test_a_share_of_a_whole_named_by_its_measure_and_flow(tmp_path: Path) -> None:
    """ "占实际支出的84.00%" of "全年实际支出3,196.73万元" (whose name splits into the role 实际 and the subject 支出):
    the whole is found and 2685.20 ÷ 3196.73 = 84.00% is checked, not left "未找到占比的分母" (adv151)."""
    found = _findings(tmp_path, "clean.docx", _project_report(BUDGETS, SPENDING), info=True)
    assert not [f for f in found if "84.00" in f.stated_text]
    slip = SPENDING.replace("84.00%", "48.00%")
    found = _findings(tmp_path, "slip.docx", _project_report(BUDGETS, slip))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("share.stated-vs-computed", "error", Decimal("48.00"), Decimal("84.00"))
    ]


def _execution_text(tmp_path: Path, text: str) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    path = tmp_path / "某县2024年财政决算的报告.txt"
    path.write_text("关于某县2024年财政决算的报告\n" + text, encoding="utf-8")
    return [
        (f.rule, f.severity, f.stated_value, f.expected_value)
        for f in analyze_file(path).findings
        if f.severity != "info"
    ]


LAST_YEAR = "上年全县一般公共预算收入为49,725万元。"
THIS_YEAR = "2024年全县一般公共预算收入完成52,360万元，"


def test_last_year_s_figure_named_with_last_year_before_its_scope(tmp_path: Path) -> None:
    """ "上年全县一般公共预算收入为49,725万元": the figure is last year's 一般公共预算收入 (上年 and the scope open the
    name, they are no part of it), so 比上年增长 is checked against it: (52360 − 49725) ÷ 49725 = 5.30%."""
    assert _execution_text(tmp_path, THIS_YEAR + "比上年增长5.3%。" + LAST_YEAR) == []
    assert _execution_text(tmp_path, THIS_YEAR + "比上年增长5.1%。" + LAST_YEAR) == [
        ("change.stated-vs-computed", "error", Decimal("5.1"), Decimal("5.30"))
    ]
    # 上年结转 is a name of its own, not last year's 结转
    from extractors.subjects import analyse_pre

    assert analyse_pre("上年结转资金").subject == "上年结转资金"
    assert analyse_pre("上年末债务余额为").subject == "上年末债务余额"


def test_a_figure_dated_the_year_before_is_last_year_s(tmp_path: Path) -> None:
    """ "2023年全县一般公共预算收入决算为49,725万元" in a report on 2024: last year's outcome, though not named 上年."""
    dated = "2023年全县一般公共预算收入决算为49,725万元。"
    assert _execution_text(tmp_path, dated + THIS_YEAR + "比上年增长5.30%。") == []
    assert _execution_text(tmp_path, dated + THIS_YEAR + "比上年增长3.5%。") == [
        ("change.stated-vs-computed", "error", Decimal("3.5"), Decimal("5.30"))
    ]


def test_a_figure_as_a_percent_of_last_year_s(tmp_path: Path) -> None:
    """ "完成52,360万元，为上年决算的115.3%": 52360 ÷ 49725 = 105.30%, a ratio to last year (not a growth rate), which
    nothing checked or noted before; where last year's figure is not printed the rate is noted as unchecked."""
    assert _execution_text(tmp_path, THIS_YEAR + "为上年决算的105.3%。" + LAST_YEAR) == []
    assert _execution_text(tmp_path, THIS_YEAR + "为上年决算的115.3%。" + LAST_YEAR) == [
        ("change.ratio-to-prior", "error", Decimal("115.3"), Decimal("105.30"))
    ]
    path = tmp_path / "alone.txt"
    notes = [
        f
        for f in _scan_txt(path, "关于某县2024年财政决算的报告\n" + THIS_YEAR + "为上年的115.3%。")
        if f.stated_value == Decimal("115.3")
    ]
    assert [(f.rule, f.severity) for f in notes] == [("unresolved.no-counterpart", "info")]


def test_a_bare_spending_after_a_fund_s_income_is_that_fund_s_spending(tmp_path: Path) -> None:
    """ "社会保险基金预算收入240300万元，比2025年执行数增长3.6%；预算支出225800万元，比2025年执行数增长5.2%": the 预算支出
    (its measure named) is the fund's spending, not a second printing of its 收入 — which made 5.2% a growth of the
    income (240300 over 231847) and a false error (adv131)."""
    from extractors.claims import extract_claims
    from extractors.txt_reader import read_txt

    path = tmp_path / "report.txt"
    path.write_text(
        "2026年全县社会保险基金预算收入240300万元，比2025年执行数增长3.6%；预算支出225800万元，比2025年执行数增长5.2%。",
        encoding="utf-8",
    )
    claims = extract_claims(read_txt(path, "0" * 64))
    by_text = {c.quantity.text: c.subject for c in claims}
    assert by_text["240300万元"] == "社会保险基金预算收入"
    assert by_text["225800万元"] == by_text["5.2%"] == "社会保险基金预算支出"


DECISION = (
    "全市一般公共预算收入完成292659万元，为调整预算300238万元的97.5%，比上年增加11188万元，增长4.0%。"
    "其中：税收收入192842万元，比上年增加8301万元，增长4.5%；非税收入99817万元，比上年增加2887万元，增长3.0%。"
    "税收收入和非税收入分别为调整预算的95.4%和101.7%。"
)


def test_the_base_a_rate_is_printed_with_is_no_whole_of_a_qizhong_list(tmp_path: Path) -> None:
    """ "完成292659万元，为调整预算300238万元的97.5%…。其中：税收收入192842万元…；非税收入99817万元": the parts make the
    figure completed (192842 + 99817 = 292659), not the 调整预算 printed as the rate's base (adv157 F1, a false
    error); a change amount beside a part (比上年增加8301万元) does not end the run of parts."""
    path = tmp_path / "某市2024年财政决算的报告.txt"
    assert [
        f
        for f in _scan_txt(path, "关于某市2024年财政决算的报告\n（一）全市一般公共预算收支决算\n" + DECISION)
        if f.severity != "info"
    ] == []
    path.write_text(
        "关于某市2024年财政决算的报告\n（一）全市一般公共预算收支决算\n"
        + DECISION.replace("292659万元，为", "293659万元，为"),
        encoding="utf-8",
    )
    found = [(f.rule, f.stated_value, f.expected_value) for f in analyze_file(path).findings if f.severity == "error"]
    assert ("sum.enumeration", Decimal("293659"), Decimal("292659")) in found


def _score_sheet(total: str, procured: str = "100%") -> list:
    header = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]
    rows = [
        header,
        ["投入（20分）", "目标设定", "绩效目标合理性", "合理", "合理", "10", "10"],
        ["", "", "绩效指标明确性", "明确", "基本明确", "10", "9.5"],
        ["过程（30分）", "预算执行", "预算完成率", "100%", "98.89%", "15", "14.5"],
        ["", "", "政府采购执行率", "100%", procured, "15", "15"],
        ["产出（50分）", "职责履行", "实际完成率", "100%", "95%", "25", "23.5"],
        ["", "", "完成及时率", "100%", "100%", "25", "25"],
        ["合计", "", "", "", "", "100", total],
    ]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (3, 0, 4, 0), (3, 1, 4, 1), (5, 0, 6, 0), (5, 1, 6, 1), (7, 0, 7, 4)]
    return [
        "某县农业农村局2024年度部门整体支出绩效自评报告",
        "四、评价结论",
        "表2 部门整体支出绩效自评评分表",
        (rows, merges),
    ]


def test_a_score_sheet_s_first_row_under_a_merged_category_is_no_subtotal(tmp_path: Path) -> None:
    """A 一级指标 cell merged down over its indicators stands on their first row only: that row is one indicator's,
    not a subtotal of the rows below, so the 合计 is not "4 + 4.94 + 7.6 + 6" (adv160 F1); the score sheet's own
    total (Σ 得分) names the slip, and a finding on a row names its indicator, not its category."""
    assert _findings(tmp_path, "clean.docx", _score_sheet("97.5")) == []
    found = _findings(tmp_path, "slip.docx", _score_sheet("98.5"))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found if f.rule.startswith("sum.")] == []
    assert ("scoresheet.total", "error", Decimal("98.5"), Decimal("97.5")) in [
        (f.rule, f.severity, f.stated_value, f.expected_value) for f in found
    ]
    found = _findings(tmp_path, "short.docx", _score_sheet("97.5", procured="97.00%"))
    assert [(f.rule, f.subject) for f in found] == [("scoresheet.full-points-shortfall", "政府采购执行率")]


SELF_EVALUATION = [
    "某县农业农村局2024年度部门整体支出绩效自评报告",
    "（二）部门预算及执行情况",
    "2024年度本部门年初预算数3268.45万元，全年预算数3520.40万元，全年执行数3412.86万元，预算执行率为96.95%。",
    "按收入性质分：财政拨款全年预算数3236.40万元，执行数3148.62万元，执行率97.29%；其他资金全年预算数284.00万元，"
    "执行数264.24万元，执行率93.04%。",
    "按支出性质分：基本支出全年预算数1498.60万元，执行数1486.25万元，执行率99.18%，占全年执行数的{basic}%；项目支出"
    "全年预算数2021.80万元，执行数1926.61万元，执行率95.29%，占全年执行数的56.45%。",
]


def test_a_whole_named_by_its_measure_alone_is_the_figure_naming_no_source(tmp_path: Path) -> None:
    """ "占全年执行数的56.45%" after "全年执行数3412.86万元" and "财政拨款…执行数3148.62万元": the whole named by its
    measure alone is the department's (1926.61 ÷ 3412.86 = 56.45%), not the nearer 财政拨款's (adv158 F1, S3)."""
    clean = [b.format(basic="43.55") for b in SELF_EVALUATION]
    assert not [f for f in _findings(tmp_path, "clean.docx", clean, info=True) if f.rule.startswith("share.")]
    slip = [b.format(basic="42.22") for b in SELF_EVALUATION]
    found = [f for f in _findings(tmp_path, "slip.docx", slip) if f.rule.startswith("share.")]
    assert [(f.stated_value, f.expected_value) for f in found] == [(Decimal("42.22"), Decimal("43.55"))]


def test_a_lone_qizhong_part_s_share_is_of_the_figure_it_hangs_from(tmp_path: Path) -> None:
    """ "…其中，税收收入完成22.13亿元，…；非税收入完成6.41亿元…。区级一般公共预算收入完成20.86亿元，…，其中税收收入
    16.16亿元，占比77.5%": 16.16 ÷ 20.86 = 77.5%, the figure its lone 其中 hangs from, not the 全区 total of the list
    before (adv162 F1)."""
    text = (
        "全区一般公共预算收入完成28.53亿元，同比增长2.6%。其中，税收收入完成22.13亿元，增长0.9%；非税收入完成6.41亿元，"
        "增长9.0%。区级一般公共预算收入完成20.86亿元，增长2.2%，其中税收收入16.16亿元，占比{share}%。"
    )
    path = tmp_path / "某区2024年预算执行情况和2025年预算草案的报告.txt"
    assert [
        f
        for f in _scan_txt(path, "某区2024年预算执行情况和2025年预算草案的报告\n" + text.format(share="77.5"))
        if f.rule.startswith("share.")
    ] == []
    found = [
        f
        for f in _scan_txt(path, "某区2024年预算执行情况和2025年预算草案的报告\n" + text.format(share="75.7"))
        if f.rule.startswith("share.")
    ]
    assert [(f.stated_value, f.expected_value) for f in found] == [(Decimal("75.7"), Decimal("77.47"))]


def test_a_balance_computed_from_a_chain_s_wrong_total_is_no_second_finding(tmp_path: Path) -> None:
    """ "…减去调出资金5.6亿元，预算总收入为67.2亿元" (the terms give 66.4) and "…预算总支出为63.1亿元…当年结余3.3亿元":
    the 结余 is right (66.4 − 63.1); the chain's finding names the total, and the balance is no second finding
    blaming the 结余 (adv162 S1)."""
    text = (
        "政府性基金预算收入38.6亿元，加上市对区转移支付2.5亿元、专项债务收入26.8亿元、上年结余4.1亿元，减去调出资金"
        "5.6亿元，预算总收入为{total}亿元。政府性基金预算支出49.9亿元，加上专项债务还本支出13.2亿元，预算总支出为63.1亿元。"
        "预算总收入减去预算总支出，当年结余3.3亿元。"
    )
    path = tmp_path / "某区2025年预算执行情况和2026年预算草案的报告.txt"
    assert [
        f
        for f in _scan_txt(path, "某区2025年预算执行情况和2026年预算草案的报告\n" + text.format(total="66.4"))
        if f.severity != "info"
    ] == []
    found = [
        (f.rule, f.stated_value, f.expected_value)
        for f in _scan_txt(path, "某区2025年预算执行情况和2026年预算草案的报告\n" + text.format(total="67.2"))
        if f.severity != "info"
    ]
    assert found == [("balance.add-subtract", Decimal("67.2"), Decimal("66.4"))]


def _department_sheet(rate: str) -> list:
    projects = [
        ["序号", "项目名称", "资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["1", "高标准农田建设项目", "一般公共预算", "1,500.00", "1,560.00", "1,498.60", "96.06"],
        ["2", "农作物病虫害防控项目", "一般公共预算", "186.50", "186.50", "182.37", "97.79"],
        ["", "合计", "", "1,686.50", "1,746.50", "1,680.97", "96.25"],
    ]
    sheet = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["过程", "预算执行", "预算执行率", "100%", rate, "50", "48.69"],
        ["产出", "数量指标", "新建高标准农田面积", "2.3万亩", "2.3万亩", "50", "50"],
        ["合计", "", "", "", "", "100", "98.69"],
    ]
    return [
        "某县农业农村局2024年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "部门全年预算数5,370.30万元，全年执行数5,229.43万元，部门整体预算执行率97.38%。",
        "二、部门整体绩效目标及实施情况",
        "（一）高标准农田建设项目",
        "该项目年初预算1,500.00万元，全年预算1,560.00万元，实际支出1,498.60万元，预算执行率96.06%。",
        "表2 2024年度项目支出预算执行情况表",
        (projects, []),
        "表3 部门整体支出绩效评价指标得分表",
        (sheet, [(3, 0, 3, 4)]),
    ]


def test_a_department_sheet_s_rate_is_not_a_project_s(tmp_path: Path) -> None:
    """A 部门整体 score sheet's 预算执行率 97.38% is the department's: a project's 执行率 under its own heading (96.06%)
    or in a project list (a project's row, or the list's 合计 of the projects' spending) is another item's figure,
    however alike its name (adv151, a false error of this round); the department's own rate in the text agrees."""
    assert _findings(tmp_path, "clean.docx", _department_sheet("97.38%")) == []


def test_a_row_printing_its_own_label_takes_no_deeper_label_from_above(tmp_path: Path) -> None:
    """满意度指标 | 服务对象满意度指标 | 城乡居民满意度 | … then 预算执行率 | (blank) | (blank) | 100% | 96.34%: the row opens
    a group of its own, so its figures are 预算执行率's, not 城乡居民满意度's (adv151); a 小计 row whose first label is
    merged down from above still carries the labels (the score sheet reads it as the category's subtotal)."""
    from extractors.docx_reader import read_docx
    from extractors.tablefacts import extract_facts

    rows = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["满意度指标", "服务对象满意度指标", "城乡居民满意度", "≥85%", "88.5%", "10", "10.00"],
        ["预算执行率", "", "", "100%", "96.34%", "10", "9.63"],
    ]
    path = write_docx(tmp_path / "sheet.docx", ["项目支出绩效自评表", (rows, [])])
    facts = [f for f in extract_facts(read_docx(path, "0" * 64)) if f.prov.row == 2]
    assert facts and all(f.row_labels == ("预算执行率",) for f in facts)


DRAFT = (
    "关于某区2025年预算执行情况和2026年预算草案的报告\n"
    "一、2025年预算执行情况\n"
    "全区一般公共预算收入380952万元，完成调整预算的101.3%。\n"
    "二、2026年预算草案\n"
    "全区一般公共预算收入预计398460万元，比2025年执行数增长{rate}%。\n"
)


def test_a_draft_year_s_growth_on_last_year_s_outcome_in_the_section_on_last_year(tmp_path: Path) -> None:
    """ "二、2026年预算草案 … 收入预计398460万元，比2025年执行数增长6.4%" against "一、2025年预算执行情况 … 收入380952万元":
    (398460 − 380952) ÷ 380952 = 4.60% (adv155 S3, adv162 S3). 预计 before the figure names no item (收入预计 is 收入),
    and the figure dated the year before by its section is last year's outcome."""
    path = tmp_path / "report.txt"
    assert [f for f in _scan_txt(path, DRAFT.format(rate="4.6")) if f.severity != "info"] == []
    found = [(f.rule, f.severity, f.stated_value, f.expected_value) for f in _scan_txt(path, DRAFT.format(rate="6.4"))]
    assert ("change.stated-vs-computed", "error", Decimal("6.4"), Decimal("4.60")) in found
    # a base naming no measure (比上年增长) may be last year's budget: undecided, an info
    found = [
        (f.rule, f.severity)
        for f in _scan_txt(path, DRAFT.format(rate="6.4").replace("比2025年执行数增长", "比上年增长"))
        if f.stated_value == Decimal("6.4")
    ]
    assert found == [("change.stated-vs-computed", "info")]


HALF_YEAR = (
    "关于某市2024年市级决算和2025年上半年预算执行情况的报告\n"
    "一、2024年决算情况\n"
    "全市一般公共预算支出415.69亿元，完成调整预算的98.6%。\n"
    "二、2025年上半年预算执行情况\n"
    "全市一般公共预算支出完成228.45亿元，为年度预算的54.3%，同比增长2.7%。\n"
)


def test_a_section_on_a_stretch_of_the_year_dates_its_figures_to_that_stretch(tmp_path: Path) -> None:
    """Under 二、2025年上半年预算执行情况, 228.45亿元 and its 同比增长2.7% are of the half year, so last year's whole-year
    outcome (415.69) is no base of the growth (adv68 蚌埠, adv138 阿克苏: false errors of this round); a figure naming
    the year (为年度预算的54.3%) stays the year's."""
    path = tmp_path / "report.txt"
    assert [f for f in _scan_txt(path, HALF_YEAR) if f.severity != "info"] == []
    from extractors.claims import extract_claims
    from extractors.txt_reader import read_txt

    periods = {c.quantity.text: c.identity.period for c in extract_claims(read_txt(path, "0" * 64))}
    assert periods["228.45亿元"] == periods["2.7%"] == "2025年上半年"
    assert periods["54.3%"] == "2025" and periods["415.69亿元"] == "2024"


DEBT = (
    "全市法定债务年初余额258.78亿元，当年新增债务88.48亿元（新增一般债券16.64亿元、新增专项债券54.8亿元、再融资债券"
    "17.04亿元），当年偿还债务20.05亿元（预算安排偿还3.01亿元、再融资债券偿还17.04亿元），年末债务余额{end}亿元。"
)


def test_a_debt_s_year_end_balance_is_its_opening_plus_borrowed_less_repaid(tmp_path: Path) -> None:
    """ "年初余额258.78亿元，当年新增债务88.48亿元（…），当年偿还债务20.05亿元（…），年末债务余额327.21亿元":
    258.78 + 88.48 − 20.05 = 327.21 (guyuan's wording); a slip is a warning (adv157 S3), a bracket's breakdown and a
    其中 list's parts are no further terms, and interest among the terms leaves the run unjudged."""
    path = tmp_path / "某市2024年财政决算的报告.txt"
    assert [
        f for f in _scan_txt(path, "关于某市2024年财政决算的报告\n" + DEBT.format(end="327.21")) if f.severity != "info"
    ] == []
    found = [
        (f.rule, f.severity, f.stated_value, f.expected_value)
        for f in _scan_txt(path, "关于某市2024年财政决算的报告\n" + DEBT.format(end="337.21"))
    ]
    assert ("balance.roll-forward", "warning", Decimal("337.21"), Decimal("327.21")) in found
    listed = (
        "全市政府债务年初余额1,922,277万元，全年举借债务285,166万元，其中新增债券147,653万元、再融资债券137,513万元；"
        "偿还债务本金155,881万元；年末债务余额2,051,562万元。"
    )
    assert [f for f in _scan_txt(path, "关于某市2024年财政决算的报告\n" + listed) if f.severity != "info"] == []
    interest = DEBT.format(end="337.21").replace("，年末债务余额", "，支付利息9.00亿元，年末债务余额")
    assert [
        f for f in _scan_txt(path, "关于某市2024年财政决算的报告\n" + interest) if f.rule == "balance.roll-forward"
    ] == []


def test_a_stretch_of_the_year_is_rated_on_the_year_s_budget(tmp_path: Path) -> None:
    """Under 一、上半年预算执行情况: "市本级一般公共预算收入完成12.86亿元，完成年度预算25.60亿元的52.0%" is 12.86 ÷
    25.60 = 50.23% — the half year's figure against the year's budget (adv63 S1, which dating the section's figures
    to the half year must not lose)."""
    text = (
        "关于某市2025年上半年预算执行情况的报告\n一、上半年预算执行情况\n"
        "市本级一般公共预算收入完成12.86亿元，完成年度预算25.60亿元的{rate}%，同比增长3.5%。\n"
    )
    path = tmp_path / "report.txt"
    assert [f for f in _scan_txt(path, text.format(rate="50.2")) if f.severity != "info"] == []
    found = [(f.rule, f.severity, f.stated_value, f.expected_value) for f in _scan_txt(path, text.format(rate="52.0"))]
    assert ("rate.completion", "error", Decimal("52.0"), Decimal("50.23")) in [
        (r, s, v, e.quantize(Decimal("0.01")) if e is not None else e) for r, s, v, e in found
    ]


SANGONG_SHARES = (
    "“三公”经费预算情况说明：因公出国（境）费支出60万元，占“三公”经费的35.36%；公务用车购置及运行维护费支出85.2万元，"
    "占“三公”经费的50.21%；公务接待费支出24.5万元，占“三公”经费的{share}%。"
)


def test_shares_of_an_unprinted_whole_whose_parts_make_it_up(tmp_path: Path) -> None:
    """ "因公出国（境）费支出60万元，占“三公”经费的35.36%；公务用车…85.2万元，占…50.21%；公务接待费…24.5万元，占…5.15%":
    the three parts are the whole of 三公 (a set of claim_words' partitions), so its total is 169.7 and 24.5 ÷ 169.7 =
    14.44% — though the printed shares add up to 90.72%, not 100% (adv156 S2); inferred, so a warning."""
    path = tmp_path / "某厅2022年度部门预算.txt"
    assert [
        f
        for f in _scan_txt(path, "某厅2022年度部门预算\n" + SANGONG_SHARES.format(share="14.44"))
        if f.severity != "info"
    ] == []
    found = [
        f
        for f in _scan_txt(path, "某厅2022年度部门预算\n" + SANGONG_SHARES.format(share="5.15"))
        if f.severity != "info"
    ]
    assert [(f.rule, f.severity, f.stated_value) for f in found] == [
        ("share.stated-vs-computed", "warning", Decimal("5.15"))
    ]
    assert "169.7" in found[0].explanation and "100%" not in found[0].explanation.split("计算")[0]


def test_an_evaluation_s_first_level_indicators_make_up_its_score(tmp_path: Path) -> None:
    """ "自评得分97.24分…其中：投入指标得分19.5分，过程指标得分28.94分，产出指标得分24.1分，效果指标得分24.3分":
    投入/过程/产出/效果 are the whole of a 部门整体 evaluation's score (partitions.csv), so the list is complete and
    19.5 + 28.94 + 24.1 + 24.3 = 96.84 ≠ 97.24 is an error, not a partial list's info (adv160 S3)."""
    text = (
        "经综合评价，本部门2024年度部门整体支出绩效自评得分{total}分，自评等级为“优”。其中：投入指标得分19.5分，"
        "过程指标得分28.94分，产出指标得分24.1分，效果指标得分24.3分。"
    )
    path = tmp_path / "某局2024年度部门整体支出绩效自评报告.txt"
    assert [
        f
        for f in _scan_txt(path, "某局2024年度部门整体支出绩效自评报告\n" + text.format(total="96.84"))
        if f.severity != "info"
    ] == []
    found = [
        (f.rule, f.severity, f.stated_value, f.expected_value)
        for f in _scan_txt(path, "某局2024年度部门整体支出绩效自评报告\n" + text.format(total="97.24"))
    ]
    assert ("sum.enumeration", "error", Decimal("97.24"), Decimal("96.84")) in found


def test_an_unsettled_base_names_the_measure_it_was_computed_on(tmp_path: Path) -> None:
    """A draft budget's 比上年增长 computed on last year's outcome says so ("此处按上年执行数计"), not "按上年预算计"."""
    path = tmp_path / "report.txt"
    found = [
        f
        for f in _scan_txt(path, DRAFT.format(rate="6.4").replace("比2025年执行数增长", "比上年增长"))
        if f.rule == "change.stated-vs-computed"
    ]
    assert len(found) == 1 and "此处按上年执行数计" in found[0].explanation


def test_a_column_of_the_adjusted_budget_is_no_base_of_a_growth_on_last_year_s_budget(tmp_path: Path) -> None:
    """ "比上年预算增长5.1%" in a 2026 draft against a table column headed 2025年调整预算数: 调整预算数 names the adjusted
    budget (its measure is not the 预算数 its last words spell), which is no 上年预算 — so the growth is not judged on it
    (adv163 F1–F3, false errors)."""
    from extractors.identity import last_word

    assert last_word("measure", "2025年调整预算数", phrase_start=False) == "调整预算"
    assert last_word("measure", "2025年年初预算数", phrase_start=False) == "预算"
    rows = [
        ["项目", "2025年调整预算数", "2025年执行数", "完成调整预算%"],
        ["一般公共预算收入", "185,000", "186,420", "100.8"],
    ]
    blocks = [
        "某县2025年预算执行情况和2026年预算草案的报告",
        "二、2026年预算草案",
        "2026年全县一般公共预算收入安排193,880万元，比2025年执行数增长4.0%，比上年预算增长5.1%。",
        "附表1 某县2025年预算执行情况表",
        "单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "draft.docx", blocks) == []


def test_a_completion_rate_finds_its_row_under_a_column_number_row(tmp_path: Path) -> None:
    """ "教育支出85,161万元，为调整预算的97.9%" against 表2 whose 栏次 row numbers its columns (调整预算数 › 2, 决算数 › 3):
    a column's number names no group of columns, so the row's 调整预算数 is the rate's budget — 85161 ÷ 87713 = 97.09%
    (adv164, unresolved before)."""
    rows = [
        ["科目编码", "科目名称", "预算数", "调整预算数", "决算数", "决算数为调整预算%"],
        ["栏次", "", "1", "2", "3", "4=3/2"],
        ["205", "教育支出", "66,754", "87,713", "85,161", "97.1"],
    ]
    text = "全县教育支出85,161万元，为调整预算的{rate}%。"
    blocks = [
        "关于某县2024年财政决算的报告",
        "一、2024年一般公共预算收支决算情况",
        text,
        "附表2 某县2024年一般公共预算支出决算表",
        "单位：万元",
        (rows, []),
    ]
    clean = [b.format(rate="97.1") if isinstance(b, str) else b for b in blocks]
    assert _findings(tmp_path, "clean.docx", clean) == []
    slip = [b.format(rate="97.9") if isinstance(b, str) else b for b in blocks]
    found = [(f.rule, f.severity, f.stated_value) for f in _findings(tmp_path, "slip.docx", slip)]
    assert ("rate.completion", "error", Decimal("97.9")) in found


def test_a_reason_s_rate_is_no_rate_of_the_change(tmp_path: Path) -> None:
    """ "会议费预算支出186.4万元，比上年预算减少14.9万元，主要原因是运转类项目经费统一压减10%": the 10% is the policy's
    cut of another base, not the 会议费's change (adv167 F1, F2: false errors); a rate of the change itself is checked."""
    text = "会议费预算支出186.4万元，比上年预算减少14.9万元，{tail}。"
    blocks = [
        "江苏省某厅2020年度部门预算公开",
        "第三部分 江苏省某厅2020年度部门预算情况说明",
        "十二、会议费和培训费支出预算情况",
        text,
    ]
    reason = [b.format(tail="主要原因是运转类项目经费统一压减10%") for b in blocks]
    assert _findings(tmp_path, "reason.docx", reason) == []
    own = [b.format(tail="下降10%") for b in blocks]
    found = [(f.rule, f.stated_value) for f in _findings(tmp_path, "own.docx", own)]
    assert found == [("template.change", Decimal("10"))]


def test_a_growth_on_last_year_s_adjusted_budget_is_not_judged_on_its_initial_budget(tmp_path: Path) -> None:
    """ "比2024年年初预算增长3.6%，比2024年调整预算下降1.5%": each base is its own column — 调整预算 is never the
    年初预算数 column (adv154, a false error once the 调整预算数 column read as its own measure)."""
    from pipeline.checks.compare import base_measure

    assert base_measure("比2024年调整预算下降") == "调整预算"
    assert base_measure("比上年年初预算增长") == base_measure("比上年预算增长") == "预算"
    assert base_measure("比上年执行数增长") == "执行"
    rows = [
        ["项目", "2024年年初预算数", "2024年调整预算数", "2024年决算数", "2025年预算数"],
        ["一般公共预算支出", "405,131", "426,000", "414,200", "419,600"],
    ]
    blocks = [
        "某地区2024年财政决算和2025年预算草案的报告",
        "二、2025年预算草案",
        "地区本级一般公共预算支出安排41.96亿元，比2024年年初预算增长3.6%，比2024年调整预算下降1.5%，比2024年决算数增长1.3%。",
        "表25 2025年地区本级一般公共预算支出预算表",
        "单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "draft.docx", blocks) == []


def test_a_change_of_the_income_and_spending_totals_is_of_the_totals(tmp_path: Path) -> None:
    """ "收入总计4208.77万元，其中：本年收入合计4106.77万元…；支出总计4208.77万元…。收入支出总计较上年增加443.37万元，增长
    11.77%": 收入支出总计 is the two totals printed alike (443.37 ÷ 3765.40 = 11.77%), not the 其中 part 本年收入合计
    (adv177 F1, F2: false errors)."""
    text = (
        "2024年度收入总计4208.77万元，其中：本年收入合计4106.77万元，年初结转和结余102.00万元。2024年度支出总计4208.77万元，"
        "其中：本年支出合计4100.77万元，年末结转和结余108.00万元。收入支出总计较上年增加443.37万元，增长{rate}%。"
    )
    blocks = [
        "某县自然资源局2024年度部门决算",
        "第三部分 2024年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        text,
    ]
    assert _findings(tmp_path, "clean.docx", [b.format(rate="11.77") for b in blocks]) == []
    found = [
        (f.rule, f.stated_value) for f in _findings(tmp_path, "slip.docx", [b.format(rate="12.10") for b in blocks])
    ]
    assert found == [("template.change", Decimal("12.10"))]


def test_a_grand_total_after_a_subtotal_in_its_block_counts_the_subtotal(tmp_path: Path) -> None:
    """全州一般公共预算收入合计 813,130 | 110 上级补助收入 2,594,000 (返还性, 一般性, 专项 under it) | 105 债务收入 | 11008
    上年结转 | 11009 调入资金 | 11015 动用预算稳定调节基金 | 各项收入合计 3,906,550: the grand total is the subtotal above
    plus the rows after it, however their codes nest (adv178 F1, F2: false errors)."""
    rows = [
        ["科目编码", "项目", "执行数"],
        ["101", "一、税收收入", "566,132"],
        ["103", "二、非税收入", "246,998"],
        ["", "全州一般公共预算收入合计", "813,130"],
        ["110", "上级补助收入", "2,594,000"],
        ["", "返还性收入", "38,650"],
        ["", "一般性转移支付收入", "2,386,420"],
        ["", "专项转移支付收入", "168,930"],
        ["105", "地方政府一般债务收入", "260,350"],
        ["11008", "上年结转", "103,420"],
        ["11009", "调入资金", "100,050"],
        ["11015", "动用预算稳定调节基金", "{last}"],
        ["", "各项收入合计", "3,906,550"],
    ]
    blocks = ["某州2025年预算执行情况表", "表一 2025年某州一般公共预算收入执行情况表", "单位：万元"]
    clean = [*blocks, ([[c.format(last="35,600") for c in r] for r in rows], [])]
    assert _findings(tmp_path, "clean.docx", clean) == []
    slip = [*blocks, ([[c.format(last="53,600") for c in r] for r in rows], [])]
    assert [f.rule for f in _findings(tmp_path, "slip.docx", slip) if f.rule.startswith("sum.")]


def test_the_fiscal_total_revenue_is_a_fund_of_its_own() -> None:
    """财政总收入 (the local revenue plus what is passed up to the centre and the province) is named as a fund of its own:
    "财政总收入中，税收收入完成130,064万元" is not the 一般公共预算 税收收入 (adv172)."""
    from extractors.identity import last_word

    assert last_word("fund", "财政总收入中，税收收入完成") == "财政总收入"


def test_rows_under_a_fund_s_numbered_head_are_that_fund_s(tmp_path: Path) -> None:
    """附件1 …财政总收入执行情况表: 财政总收入 | 一、一般公共预算收入 | （一）税收收入 79,510 | …: the row's tax is the
    一般公共预算's, so "财政总收入中，税收收入完成130,064万元" (all tax, with what is passed up) is another figure, not a
    mismatch (adv172 F1, a false error)."""
    rows = [
        ["项 目", "年度预算数", "1—9月执行数"],
        ["财政总收入", "223,900", "169,039"],
        ["一、一般公共预算收入", "155,900", "118,485"],
        ["（一）税收收入", "108,200", "79,510"],
        ["（二）非税收入", "47,700", "38,975"],
        ["二、上划中央收入", "56,200", "41,236"],
        ["三、上划省级收入", "11,800", "9,318"],
    ]
    blocks = [
        "关于某县2024年1—9月预算执行情况的报告",
        "（一）财政总收入完成情况",
        "1—9月，全县财政总收入完成169,039万元。财政总收入中，税收收入完成130,064万元，同比增长0.7%。",
        "附件1 某县2024年1—9月财政总收入执行情况表",
        "单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "report.docx", blocks) == []
    from extractors.docx_reader import read_docx
    from extractors.tablefacts import extract_facts

    facts = extract_facts(read_docx(tmp_path / "report.docx", "0" * 64))
    tax = next(f for f in facts if f.row_labels[-1] == "（一）税收收入")
    assert tax.identity.fund == "一般公共预算"
