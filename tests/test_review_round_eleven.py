"""Review round eleven (stop 30): what fresh reviews of realistic reports found gouji getting wrong or missing, each
fixed at its mechanism."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx_builders import write_docx
from test_identity import alarms, scan_text

from extractors.claims import extract_claims
from extractors.tablefacts import extract_facts
from pipeline.analyze import analyze_file

EXECUTION_HEADER = [
    ["项目", "收入", "", "", ""],
    ["", "调整预算数", "执行数", "为调整预算%", "比上年增长%"],
]
EXECUTION_MERGES = [(0, 0, 1, 0), (0, 1, 0, 4)]


def _execution_report(tmp_path: Path, sentence: str) -> list:
    rows = [
        *EXECUTION_HEADER,
        ["一般公共预算收入", "12,100,000", "11,770,000", "97.3", "6.2"],
        ["税收收入", "6,917,644", "6,690,284", "96.7", "2.2"],
        ["非税收入", "5,182,356", "5,079,716", "98.0", "12.0"],
    ]
    path = write_docx(
        tmp_path / "关于江州市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "关于江州市2025年预算执行情况和2026年预算草案的报告",
            "一、2025年预算执行情况",
            sentence,
            "附表1 江州市2025年全市一般公共预算收入执行情况表",
            "单位：万元",
            (rows, EXECUTION_MERGES),
        ],
    )
    return [(f.rule, f.severity, f.stated_value, f.expected_value) for f in analyze_file(path).findings]


def test_a_bare_growth_after_an_amount_is_its_change_and_agrees_with_its_row_s_rate(tmp_path: Path) -> None:
    """全市一般公共预算收入1177亿元，增长6.2%，…其中，税收收入669亿元，增长3.2%: the rate printed right after an amount is
    its change on last year though no 比上年 is printed, and where the table's row of that amount prints the rate in
    its 比上年增长% column and no last-year figure is printed, the two printings must agree (adv107 S1: 3.2 for 2.2)."""
    clean = "全市一般公共预算收入1177亿元，增长6.2%，完成预算的97.3%。其中，税收收入669亿元，增长2.2%；非税收入508亿元，增长12.0%。"
    assert [f for f in _execution_report(tmp_path, clean) if f[1] != "info"] == []
    slip = clean.replace("增长2.2%", "增长3.2%")
    found = [f for f in _execution_report(tmp_path, slip) if f[1] != "info"]
    assert found == [("change.vs-table-rate", "error", Decimal("3.2"), Decimal("2.2"))]


def test_a_rate_on_a_base_the_table_does_not_name_is_at_most_info(tmp_path: Path) -> None:
    """比上年预算增长9.9% against an execution table's bare 比上年增长% 6.2: the table's base is not named, so which
    base it used is not known — info, never an error; a base named alike on both sides is compared."""
    text = "全市一般公共预算收入1177亿元，比上年预算增长9.9%。其中，税收收入669亿元，比上年增长2.2%。"
    found = [f[:2] for f in _execution_report(tmp_path, text) if f[0] == "change.vs-table-rate"]
    assert found == [("change.vs-table-rate", "info")]


def test_a_rate_after_an_amount_s_completion_rate_is_still_its_change(tmp_path: Path) -> None:
    slip = "全市一般公共预算收入1177亿元，完成预算的97.3%，增长5.2%。其中，税收收入669亿元，增长2.2%。"
    found = [f for f in _execution_report(tmp_path, slip) if f[1] != "info"]
    assert found == [("change.vs-table-rate", "error", Decimal("5.2"), Decimal("6.2"))]


def _projects_table(tmp_path: Path, total: str) -> list:
    rows = [
        ["序号", "项目名称", "预算资金", "实际支出", "执行率"],
        ["1", "基础母牛扩群增量补贴项目", "1,260.00", "1,198.56", "95.12%"],
        ["2", "滩羊良种繁育补贴项目", "680.00", "652.80", "96.00%"],
        ["3", "规模养殖场（户）标准化棚圈建设项目", "1,450.00", "1,302.10", "89.80%"],
        ["4", "青贮玉米种植补贴项目", "820.00", "815.90", "99.50%"],
        [
            "合计",
            "",
            total,
            "3,969.36",
            "94.28%",
        ],  # 94.51% until round thirteen read this 执行率 column: 3,969.36 ÷ 4,210
    ]
    path = write_docx(
        tmp_path / "同心县2024年度肉牛滩羊产业专项资金绩效评价报告.docx",
        [
            "同心县2024年度肉牛滩羊产业专项资金绩效评价报告",
            "表1 2024年专项资金分项目安排及支出情况表",
            "单位：万元",
            (rows, []),
        ],
    )
    return [(f.rule, f.severity, f.stated_value, f.expected_value) for f in analyze_file(path).findings]


def test_a_bracketed_word_inside_a_row_s_name_is_not_the_row_s_unit(tmp_path: Path) -> None:
    """规模养殖场（户）标准化棚圈建设项目: a unit word in brackets inside a name is part of the name, not the unit of the
    row's figures (养殖户数（户） declares one only at the end). Before, the row's 1,450.00 was read in 户 and dropped
    from the 合计's parts: a false error 4,210.00 ≠ 2,760.00 (adv117 F1)."""
    assert [f for f in _projects_table(tmp_path, "4,210.00") if f[1] != "info"] == []
    slip = [f for f in _projects_table(tmp_path, "4,310.00") if f[1] != "info"]
    assert slip == [("sum.table-rows", "error", Decimal("4310.00"), Decimal("4210"))]


def _draft_report(tmp_path: Path, sentence: str, cell: str = "472,360") -> list:
    """A report on 2025 and the 2026 draft, whose table prints 2025's outcome beside 2024's: to the report (its year is
    2026) the 2025 columns are last year's."""
    rows = [
        ["项目", "2025年预算数", "2025年执行数", "为预算%", "2024年执行数", "增长%"],
        ["一般公共预算支出", "2,600,000", "2,540,800", "97.7", "2,491,000", "2.0"],
        ["教育支出", "478,000", cell, "98.8", "455,870", "3.6"],
        ["卫生健康支出", "240,000", "231,500", "96.5", "224,320", "3.2"],
    ]
    path = write_docx(
        tmp_path / "鄂阳市2025年预算执行情况与2026年预算草案的报告.docx",
        [
            "关于鄂阳市2025年预算执行情况与2026年预算草案的报告",
            "一、2025年预算执行情况",
            sentence,
            "二、2026年预算草案",
            "2026年全市一般公共预算支出安排260亿元。",
            "附表2 2025年全市一般公共预算支出执行情况表",
            "单位：万元",
            (rows, []),
        ],
    )
    return [(f.rule, f.severity, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]


TEXT_2025 = "全市一般公共预算支出完成254.08亿元，同比增长2.0%。其中，教育支出{edu}亿元，增长3.6%；卫生健康支出23.15亿元，增长3.2%。"


def test_the_text_on_last_year_is_compared_with_the_table_s_columns_of_that_year(tmp_path: Path) -> None:
    """In a report on 2025 and the 2026 draft, the table's 2025年执行数 is 2025's outcome, the figure the text on 2025
    prints: a slip in the text (47.42 for 47.24) is named, and the growth computed from the text's slip joins it
    rather than being blamed on the rate (adv85 S1-1, adv72 S3: missed before, or found only through the rate)."""
    assert _draft_report(tmp_path, TEXT_2025.format(edu="47.24")) == []
    found = _draft_report(tmp_path, TEXT_2025.format(edu="47.42"))
    assert found == [("narrative_table.mismatch", "error", Decimal("47.42"))]


def test_a_list_in_the_text_settles_which_of_two_printings_is_out_of_line(tmp_path: Path) -> None:
    """市本级一般公共预算收入1,082,650万元，其中税收收入864,320万元、非税收入218,330万元 against the table's 846,320: one
    printing each, but the text's own total adds up with the table's value, so the text's 864,320 is named (adv63)."""
    rows = [["项目", "2025年执行数"], ["税收收入", "846,320"], ["非税收入", "236,330"], ["合计", "1,082,650"]]
    path = write_docx(
        tmp_path / "嘉兴市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "关于嘉兴市2025年预算执行情况和2026年预算草案的报告",
            "一、2025年预算执行情况",
            "市本级一般公共预算收入1,082,650万元，其中税收收入864,320万元、非税收入236,330万元。",
            "附表3 2025年市本级一般公共预算收入执行情况表",
            "单位：万元",
            (rows, []),
        ],
    )
    found = [
        (f.rule, f.prov.table is None, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"
    ]
    assert found == [("narrative_table.mismatch", True, Decimal("864320"))]


def test_a_breakdown_after_a_shortfall_is_of_the_revenue_and_a_local_budget_is_the_general_fund(tmp_path: Path) -> None:
    """…收入6.08亿元，完成年度预算的95.80%，短收0.27亿元（其中：税收收入4.21亿元…）: the bracket breaks down the revenue,
    not the shortfall, and 地方一般公共预算收入 in a table's title is the 一般公共预算: the text's 4.21 is the table's
    41,170 printed wrong (adv104 S1; before, only the sum on the right total was found, blaming the total)."""
    rows = [["项目", "2025年完成数"], ["税收收入", "41,170"], ["非税收入", "19,710"], ["合计", "60,880"]]
    path = write_docx(
        tmp_path / "西原市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "关于西原市2025年全市及市本级财政预算执行情况和2026年预算草案的报告",
            "一、2025年预算执行情况",
            "市本级地方一般公共预算收入6.08亿元，同比增长0.25%，完成年度预算的95.80%，短收0.27亿元（其中：税收收入"
            "4.21亿元；非税收入1.97亿元）。",
            "表8-1 2025年市本级地方一般公共预算收入执行表",
            "单位：万元",
            (rows, []),
        ],
    )
    found = [(f.rule, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]
    assert found == [("narrative_table.mismatch", Decimal("4.21"))]


def test_the_bodies_of_a_department_listed_one_by_one_have_their_own_figures(tmp_path: Path) -> None:
    """按预算单位分：局本部收入预算1899.95万元…；…事务中心收入预算8325.00万元，其中：财政拨款收入8325.00万元；…: each
    figure is its body's, not the department's 收入 or 财政拨款收入 (adv114 F1–F9: nine false errors); so are the
    units of 按单位划分 in a 决算 (adv118 F2) and 其中，厅机关本级… after the department's total (adv118 F3)."""
    text = (
        "上海市静安区绿化和市容管理局2025年部门预算\n一、2025年部门预算编制说明\n"
        "2025年，本部门收入预算16121.56万元，其中：财政拨款收入15993.56万元。\n"
        "按预算单位分：上海市静安区绿化和市容管理局（本部）收入预算1899.95万元，其中：财政拨款收入1899.95万元；"
        "上海市静安区市容环境卫生管理事务中心收入预算8325.00万元，其中：财政拨款收入8325.00万元；"
        "上海市静安区公园管理事务中心收入预算5896.61万元，其中：财政拨款收入5768.61万元、其他收入128.00万元。\n"
        "2025年，本部门收入、支出预算总计均为16121.56万元。其中，局机关本级收入、支出预算总计均为1899.95万元。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="部门预算")
    scopes = {c.quantity.text: c.identity.scope for c in claims if c.quantity.text in ("8325.00万元", "5768.61万元")}
    assert scopes == {
        "8325.00万元": "上海市静安区市容环境卫生管理事务中心",
        "5768.61万元": "上海市静安区公园管理事务中心",
    }
    assert alarms(found) == []


def test_an_area_named_at_the_head_of_its_clause_is_its_own_scope(tmp_path: Path) -> None:
    """（２）分区域收入。经开区完成一般公共预算收入181.25亿元，保税区82.64亿元…: 经开区's revenue, not the district's
    508.89 (adv116 F1); a named area makes no unscoped figure of the report uncertain."""
    text = (
        "滨海新区2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
        "全区一般公共预算收入508.89亿元，比上年增长3.3%。\n"
        "分区域收入。经开区完成一般公共预算收入181.25亿元，保税区82.64亿元，高新区127.99亿元，街镇及其他117.01亿元。\n"
        "全区一般公共预算收入508.89亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "181.25亿元").identity.scope == "经开区"
    assert alarms(found) == []


def test_a_level_in_an_indicator_s_name_is_part_of_the_name(tmp_path: Path) -> None:
    """省级公益林管护面积 2258万亩 in the score sheet against 完成公益林管护面积6120万亩，其中…省级公益林2258万亩: the sheet's
    indicator is the 省级 part, not the whole the text names first (adv118 F1: a false error 2258 ≠ 6120)."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "国家级公益林管护面积", "3862万亩", "3862万亩", "10", "10"],
        ["", "", "省级公益林管护面积", "2258万亩", "{actual}", "10", "10"],
    ]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1)]

    def run(actual: str) -> list:
        path = write_docx(
            tmp_path / "吉林省林业和草原局2024年度部门决算.docx",
            [
                "吉林省林业和草原局2024年度部门决算",
                "十、预算绩效情况说明",
                "一是完成公益林管护面积6120万亩，其中国家级公益林3862万亩、省级公益林2258万亩。",
                "项目支出绩效自评表",
                ([[c.format(actual=actual) for c in r] for r in rows], merges),
            ],
        )
        return [(f.rule, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]

    assert run("2258万亩") == []


def test_two_scopes_respectively_each_take_their_own_change(tmp_path: Path) -> None:
    """全市和市本级增值税分别为45.49亿元和10.89亿元，分别比上年下降6.3%和下降6.5%: the 6.3% is 全市's, compared with the
    全市 table's rate, not with 市本级's -6.5 (adv78: a false error on a clean report)."""
    head = [["项目", "2025年执行数", "比上年增长%"]]

    def run(rate: str) -> list:
        path = write_docx(
            tmp_path / "衡水市2025年预算执行情况和2026年预算草案的报告.docx",
            [
                "关于衡水市2025年预算执行情况和2026年预算草案的报告",
                "一、2025年预算执行情况",
                f"从主要税种看：全市和市本级增值税分别为45.49亿元和10.89亿元，分别比上年下降{rate}%和下降6.5%。",
                "附表1 2025年全市一般公共预算收入执行情况表",
                "单位：万元",
                ([*head, ["增值税", "454,883", "-6.3"]], []),
                "附表3 2025年市本级一般公共预算收入执行情况表",
                "单位：万元",
                ([*head, ["增值税", "108,942", "-6.5"]], []),
            ],
        )
        return [(f.rule, f.stated_value, f.expected_value) for f in analyze_file(path).findings if f.severity != "info"]

    assert run("6.3") == []
    assert run("6.8") == [("change.vs-table-rate", Decimal("6.8"), Decimal("6.3"))]


PLANNING = "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"


def test_a_figure_of_another_year_in_a_template_section_is_not_the_table_s() -> None:
    """2023年度…公务接待费支出决算为1.26万元 in the 三公 section of a report on 2024: last year's figure, not the 2024
    三公 table's 0.39 (adv118 F4, F5; adv114 F12, F13: false errors on clean reports). Planted into the real 规划和自然资源局
    2024 决算; the same figure stated for 2024 is still compared."""
    from test_national_budget_template import _alarms, _plant, _read

    said = "公务接待费支出决算为0.39万元，完成预算的13.68%。"
    last_year = "2023年度“三公”经费财政拨款支出决算为1.26万元，其中：公务接待费支出决算为1.26万元。"
    doc = _read(Path(__file__).resolve().parents[2] / "shared" / "realdocs" / PLANNING)
    _plant(doc, said, said + last_year)
    assert not [f for f in _alarms(doc) if f.stated_value == Decimal("1.26")]
    doc = _read(Path(__file__).resolve().parents[2] / "shared" / "realdocs" / PLANNING)
    _plant(doc, said, said + last_year.replace("2023年度", "2024年度"))
    assert [f for f in _alarms(doc) if f.stated_value == Decimal("1.26") and f.rule == "template.narrative-vs-table"]


def test_the_parts_listed_under_an_item_are_not_the_item_s_figure() -> None:
    """“…其他商贸事务支出（项）”476.50万元，…其中：展会补贴项目预算安排300.00万元，…预算安排176.50万元: the parts of the
    item's 476.50, not two more printings of it (adv114 F10, F11, F15, F16: four false errors). Planted into the real
    商务委 2025 部门预算."""
    from test_national_budget_template import _alarms, _plant, _read

    said = "”476.50万元，主要用于商贸事务管理。"
    parts = "其中：展会补贴项目预算安排300.00万元，商圈活动项目预算安排176.50万元。"
    doc = _read(Path(__file__).resolve().parents[2] / "shared" / "realdocs" / "上海市普陀区商务委员会25年预算.pdf")
    _plant(doc, said, said + parts)
    assert not [f for f in _alarms(doc) if f.stated_value in (Decimal("300.00"), Decimal("176.50"))]


# ------------------------------------------------------------------ round eleven, second half (adv119–124)


def test_a_year_said_in_passing_dates_only_its_own_sentence(tmp_path: Path) -> None:
    """…剔除2024年国有资源（资产）一次性处置收入4.30亿元因素后，同口径增长3.9%。其中，税收收入65.76亿元…: the 2024 of the
    clause before is not the year of the figures after it (adv119: 13 false errors, each 2025 figure against its
    table's 2024年执行数 column); a year opening a sentence still dates what follows."""
    text = (
        "肥西县2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
        "全县一般公共预算收入完成88.77亿元，增长1.1%，剔除2024年国有资源（资产）一次性处置收入4.30亿元因素后，"
        "同口径增长3.9%。其中，税收收入65.76亿元，增长2.5%。\n"
        "2024年，全县政府债务余额210.5亿元。\n"
    )
    claims, _found = scan_text(tmp_path, text)
    periods = {c.quantity.text: c.identity.period for c in claims}
    assert periods["65.76亿元"] == "2025" and periods["210.5亿元"] == "2024"


def test_a_city_named_with_zhou_is_a_city() -> None:
    """2025年汝州市一般公共预算收入执行情况表: the table is 全市's (the name ends at 市, not at the 州 inside it); read as
    全州, no text figure of the county-level city was ever compared with its tables (adv119)."""
    from model_builders import fact

    from extractors.identity import fact_identity

    f = fact("207,556", ("税收收入",), ("2025年执行数",), 1, 2, 3, title="附表1 2025年汝州市一般公共预算收入执行情况表")
    assert fact_identity(f).scope == "全市"


def test_a_unit_s_share_of_two_items_is_two_figures(tmp_path: Path) -> None:
    """…公务接待费3.00万元…其中：局机关2.40万元… and …机关运行经费预算为210.26万元…其中：局机关139.56万元…: each 局机关 is
    that item's part, not one figure printed twice (adv122 F2)."""
    text = (
        "上海市杨浦区文化和旅游局2026年部门预算\n一、2026年“三公”经费预算情况说明\n"
        "（三）公务接待费3.00万元，比2025年预算减少0.20万元，主要原因是严格控制公务接待规模。其中：局机关2.40万元，"
        "区文化和旅游市场行政执法大队0.60万元。\n"
        "二、机关运行经费预算\n"
        "2026年上海市杨浦区文化和旅游局下属1家行政单位和1家参照公务员法管理的事业单位财政拨款的机关运行经费预算为"
        "210.26万元，比2025年预算减少5.14万元，主要原因是压减一般性支出。其中：局机关139.56万元，"
        "区文化和旅游市场行政执法大队70.71万元。\n"
    )
    assert alarms(scan_text(tmp_path, text, kind="部门预算")[1]) == []


def test_a_share_of_a_whole_named_without_its_total_word_or_of_another_year(tmp_path: Path) -> None:
    """占本年收入的1.88% is of 本年收入合计 (adv120 F1: it was divided by the list's first part); a bare 占62.98% after a
    paragraph printing the 本年收入合计 of 2024 and of 2023 fits 2024's: which one is meant is not known (adv120 F2)."""
    text = (
        "云南省地方志编纂委员会办公室2024年度部门决算\n二、收入决算情况说明\n"
        "2024年度本年收入合计4957.20万元。2023年度本年收入合计4702.35万元。\n"
        "本年收入中：财政拨款收入4789.40万元，占本年收入的96.62%；事业收入93.20万元，占本年收入的1.88%；"
        "经营收入74.60万元，占本年收入的1.50%。\n"
        "分单位看：办本级收入3121.98万元，占62.98%；云南省方志馆收入1008.75万元，占20.35%。\n"
    )
    assert alarms(scan_text(tmp_path, text, kind="部门决算")[1]) == []


def test_a_heading_over_several_projects_names_none_and_allocated_funds_are_the_budget(tmp_path: Path) -> None:
    """（三）各子项目产出及效益情况 › 2.农村生活垃圾治理。该子项目下达资金…: each paragraph's figures are its own project's, not
    one figure printed four times (adv123 F2–F6); and 下达资金 is the budget an execution rate is of (adv123 S1)."""
    text = (
        "衡水市2024年度农村人居环境整治专项资金绩效评价报告\n四、绩效目标实现情况\n（三）各子项目产出及效益情况\n"
        "1.农村厕所改造。该子项目下达资金2,860.00万元；实际支出2,744.38万元，执行率95.96%。\n"
        "2.农村生活垃圾治理。该子项目下达资金1,950.00万元；实际支出1,902.17万元，执行率97.55%。\n"
        "3.农村生活污水治理。该子项目下达资金1,380.00万元；实际支出1,253.60万元，执行率{rate}%。\n"
    )
    assert alarms(scan_text(tmp_path, text.format(rate="90.84"), kind="财政支出绩效评价报告")[1]) == []
    slip = alarms(scan_text(tmp_path, text.format(rate="98.04"), kind="财政支出绩效评价报告")[1])
    assert slip == [("rate.execution-text", "error", Decimal("98.04"))]


def test_a_breakdown_of_the_total_by_type_under_the_last_fund_row_is_the_total_s(tmp_path: Path) -> None:
    """合计 | 一般公共预算 | 政府性基金预算 | 其他资金 | 其中：基本支出 | 项目支出: the 其中 rows break the 合计 down by type
    of spending (they add up to it), not the 其他资金 row above them (adv123 F1: a false error 2,846.30 ≠ 20,815.60)."""
    rows = [
        ["项目", "年初预算", "调整预算", "全年执行数"],
        ["合计", "54,408.45", "56,102.30", "54,116.82"],
        ["一般公共预算", "48,362.15", "49,802.00", "48,120.52"],
        ["政府性基金预算", "3,200.00", "3,400.00", "3,250.00"],
        ["其他资金", "2,846.30", "2,900.30", "2,746.30"],
        ["其中：基本支出", "20,815.60", "21,015.60", "20,900.10"],
        ["项目支出", "33,592.85", "35,086.70", "33,216.72"],
    ]
    path = write_docx(
        tmp_path / "江苏省林业局2024年度部门整体支出绩效自评报告.docx",
        ["江苏省林业局2024年度部门整体支出绩效自评报告", "表1 2024年度部门预算收支情况", "单位：万元", (rows, [])],
    )
    assert [f for f in analyze_file(path).findings if f.severity != "info"] == []


def test_a_column_number_row_does_not_hide_a_subtotal_column(tmp_path: Path) -> None:
    """项目 | 新增一般 | 新增专项 | 小计 … with a 栏次 row 1 | 2 | 3 under it: the 小计 column is still a total of the columns
    before it (adv124 W2: missed when the 栏次 number stood as the column's last label)."""
    rows = [
        ["地区", "新增债券", "", "", "再融资债券", "", ""],
        ["", "一般", "专项", "小计", "一般", "专项", "小计"],
        ["栏次", "1", "2", "3", "4", "5", "6"],
        ["邢台市", "20.10", "45.39", "65.49", "18.20", "25.71", "{total}"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6)]

    def run(total: str) -> list:
        path = write_docx(
            tmp_path / "邢台市2024年地方政府债务发行情况表.docx",
            [
                "邢台市2024年地方政府债务发行情况表",
                "单位：亿元",
                ([[c.format(total=total) for c in r] for r in rows], merges),
            ],
        )
        return [(f.rule, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]

    assert run("43.91") == []
    assert run("44.91") == [("sum.table-columns", Decimal("44.91"))]


def test_a_balance_over_its_ceiling_in_a_table_without_a_unit_is_found(tmp_path: Path) -> None:
    """吉林 2023年地方政府债务限额及余额决算情况表 prints no unit: its ceilings and balances are still in one unit, so a
    balance above its own ceiling is reported (a warning: the text does not say the balances are within), once per
    row (长春莲花山生态旅游度假区 39.84 > 37.13, its 专项 34.10 > 31.10 named in the same finding)."""
    rows = [
        ["地区", "2023年债务限额", "", "", "2023年债务余额（决算数）", "", ""],
        ["", "", "一般债务", "专项债务", "", "一般债务", "专项债务"],
        ["公式", "A=B+C", "B", "C", "D=E+F", "E", "F"],
        ["南关区", "21.66", "14.86", "6.80", "21.66", "14.86", "6.80"],
        ["长春莲花山生态旅游度假区", "37.13", "6.04", "31.10", "39.84", "5.75", "34.10"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6), (1, 1, 1, 1), (1, 4, 1, 4)]
    path = write_docx(
        tmp_path / "吉林省2023年地方政府债务决算表.docx",
        ["2023年地方政府债务限额及余额决算情况表", (rows, merges)],
    )
    found = [(f.rule, f.severity, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]
    assert found == [("debt_limit.balance-over-limit", "warning", Decimal("39.84"))]


REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"


def test_a_fund_s_part_of_the_fiscal_total_is_not_the_total() -> None:
    """其中：一般公共预算财政拨款收入支出总计…，政府性基金预算财政拨款收入支出总计…: each fund's part of the 财政拨款 总计,
    not the 总计 itself (adv120 F5). Planted into the real 规划和自然资源局 2024 决算."""
    from test_national_budget_template import _alarms, _plant, _read

    said = "财政拨款收入支出总计9746.50万元。"
    funds = "其中：一般公共预算财政拨款收入支出总计9546.50万元，政府性基金预算财政拨款收入支出总计200.00万元。"
    doc = _read(REALDOCS / PLANNING)
    _plant(doc, said, said + funds)
    assert not [f for f in _alarms(doc) if f.stated_value in (Decimal("9546.50"), Decimal("200.00"))]


def test_two_figures_of_the_base_year_are_no_change_of_the_item() -> None:
    """“…（项）”1,720.00万元…2024年预算数为1,600.00万元，2024年预算执行数为1,500.00万元，2025年预算比2024年预算执行数增加
    14.67%: the rate is 1,720.00 on 1,500.00; the two 2024 figures of the sentence are no current and base (adv122 F1: 17
    false errors). Planted into the real 商务委 2025 部门预算."""
    from test_national_budget_template import _alarms, _plant, _read

    said = "”1,720.00万元，主要用于政策扶持资金支出。"
    years = "2024年预算数为1,600.00万元，2024年预算执行数为1,500.00万元，2025年预算比2024年预算执行数增加14.67%。"
    doc = _read(REALDOCS / "上海市普陀区商务委员会25年预算.pdf")
    _plant(doc, said, said + years)
    assert not [f for f in _alarms(doc) if f.stated_value == Decimal("14.67")]


def test_the_units_of_a_by_unit_sentence_have_their_own_spending() -> None:
    """分单位看，局机关本级支出…，其中基本支出…、项目支出…；…中心支出…: each unit's 基本支出, not the 支出决算表's 合计
    (adv120 F4). Planted into the real 规划和自然资源局 2024 决算."""
    from test_national_budget_template import _alarms, _plant, _read

    said = "项目支出4381.74万元，占44.90%。"
    units = (
        "分单位看，局机关本级支出6,640.25万元，其中基本支出3,070.09万元、项目支出3,570.16万元；"
        "上海市普陀区测绘管理中心支出3,119.13万元，其中基本支出2,307.55万元、项目支出811.58万元。"
    )
    doc = _read(REALDOCS / PLANNING)
    _plant(doc, said, said + units)
    assert not [f for f in _alarms(doc) if f.stated_value in (Decimal("3070.09"), Decimal("2307.55"))]
    # the first unit's figures are its own even after the 分单位看 that opens the list
    scopes = {c.quantity.text: c.identity.scope for c in extract_claims(doc)}
    assert scopes["3,070.09万元"] == "局机关本级" and scopes["2,307.55万元"] == "上海市普陀区测绘管理中心"


def test_the_first_half_of_a_table_cut_by_a_page_break_names_the_second_s_project() -> None:
    """项目名称 | 主管部门 at a page's foot, 项目资金 | 年初预算数 | … at the next page's head, drawn with other columns: the
    second half is the same project's self-evaluation table, not a table of the department (adv120 F3)."""
    from model_builders import SHA

    from extractors.model import Cell, Document, Provenance, Table

    def table(rows: list[list[str]], page: int, title: str | None, top: bool, bottom: bool) -> Table:
        cells = [Cell(text=t, row=r, col=c) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return Table(
            cells=cells,
            n_rows=len(rows),
            n_cols=max(len(r) for r in rows),
            prov=Provenance(SHA, page=page),
            title=title,
            unit="万元",
            pages=[page],
            touches_top=top,
            touches_bottom=bottom,
        )

    first = table(
        [["项目名称", "云南省志编纂出版经费"], ["主管部门", "云南省地方志编纂委员会办公室"]],
        22,
        "项目支出绩效自评表",
        False,
        True,
    )
    second = table(
        [["项目资金", "年初预算数", "全年预算数", "全年执行数"], ["年度资金总额", "800.00", "900.00", "868.40"]],
        23,
        None,
        True,
        False,
    )
    doc = Document(path="x.pdf", sha256=SHA, format="pdf", blocks=[first, second])
    facts = extract_facts(doc)
    assert {(f.table_title, f.identity.item) for f in facts} == {("项目支出绩效自评表", "云南省志编纂出版经费")}


def test_a_total_column_whose_group_lost_its_head_in_a_text_table_is_not_summed(tmp_path: Path) -> None:
    """A tab-separated 三公 table whose 预算数 head the reader kept over 合计 | 因公出国 | 公务用车 only (公务接待费 read
    without it, once its 栏次 number 6 no longer stood as its name): which columns are the 合计's parts is not known, so
    31.50 is not summed from 0.00 + 28.50 (a false error the 栏次 change raised on adv73)."""
    lines = [
        "北京市平谷区园林绿化局2024年度部门决算",
        "公开07表",
        "编制单位：北京市平谷区园林绿化局\t\t\t\t\t金额单位：万元",
        "预算数\t\t\t\t\t\t决算数",
        "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
        "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t",
        "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
        "31.50\t0.00\t28.50\t0.00\t28.50\t3.00\t27.59\t0.00\t25.73\t0.00\t25.73\t1.86",
        "注：本表反映部门本年度“三公”经费支出预决算情况。",
    ]
    path = tmp_path / "北京市平谷区园林绿化局2024年度部门决算.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [f for f in analyze_file(path).findings if f.rule == "sum.table-columns"] == []


def test_a_score_that_backs_the_printed_rate_points_at_the_amounts(tmp_path: Path) -> None:
    """年度资金总额 1,330.00 | 1,286.65 | 10 | 95.39% | 9.54: the 得分 fits the printed 执行率 (10 × 95.39% = 9.54), so the
    rate is backed by a second printing and the finding says the 执行数 or 预算数 is the likelier slip, with the 执行数 the
    rate implies (adv123 P2: the typo 1,286.65 for 1,268.65 was blamed on the rate alone)."""
    rows = [
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1,330.00", "1,330.00", "1,286.65", "10", "95.39%", "9.54"],
    ]
    path = write_docx(
        tmp_path / "威县2024年度项目支出绩效自评表.docx",
        ["威县2024年度项目支出绩效自评表", "项目支出绩效自评表", "项目名称：农村公路养护工程", (rows, [])],
    )
    found = [f for f in analyze_file(path).findings if f.rule == "rate.execution"]
    assert len(found) == 1 and "执行数应约为 1268.69" in found[0].explanation


def test_a_numeral_inside_a_place_s_name_is_no_count() -> None:
    """长风二村居民区2.14万人次: 二村 is the place's name, not 2 villages; read as a figure it broke the list of the
    居民区' figures around it (adv129). A count says 个 (五个村)."""
    from extractors.numbers import find_quantities

    assert [q.text for _span, q in find_quantities("其中长风二村居民区2.14万人次、长风四村居民区1.87万人次")] == [
        "2.14万人次",
        "1.87万人次",
    ]
    assert [q.text for _span, q in find_quantities("共覆盖五个村")] == ["五个"]


def test_a_row_s_rate_beside_two_years_is_the_later_year_s(tmp_path: Path) -> None:
    """2025年执行数 | 2026年预算数 | 增长%: the row's rate is the 2026 budget's on 2025, not the 2025 outcome's on 2024, so
    the text's 2025 growth is not compared with it (a false error this round's own change raised on adv125)."""
    rows = [
        ["项目", "2025年执行数", "2026年预算数", "增长%"],
        ["一般公共预算收入合计", "2,262,100", "2,309,600", "2.1"],
    ]
    path = write_docx(
        tmp_path / "沧州市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "关于沧州市2025年预算执行情况和2026年预算草案的报告",
            "一、2025年预算执行情况",
            "全市一般公共预算收入完成226.21亿元，增长3.2%。",
            "附表4 2026年沧州市全市一般公共预算收入预算表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert [f for f in analyze_file(path).findings if f.rule == "change.vs-table-rate"] == []


def test_a_bare_budget_in_the_comparison_word_may_be_the_initial_one(tmp_path: Path) -> None:
    """…年初预算为380.00万元，调整预算为425.00万元，支出决算为412.36万元…决算数大于预算数: the national template's 预算数
    is the 年初预算, and 412.36 > 380.00 holds (adv130 F1: a false error against the 调整预算 425.00)."""
    text = (
        "上海市普陀区统计局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
        "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”年初预算为380.00万元，调整预算为425.00万元，"
        "支出决算为412.36万元，完成年初预算的108.52%。决算数{word}预算数的主要原因：年中追加普查经费。\n"
    )
    assert alarms(scan_text(tmp_path, text.format(word="大于"), kind="部门决算")[1]) == []
    wrong = alarms(scan_text(tmp_path, text.format(word="等于"), kind="部门决算")[1])
    assert ("execution.final-vs-budget-word", "error", Decimal("412.36")) in wrong  # equal to neither budget


def test_a_change_after_a_closed_list_is_the_whole_s(tmp_path: Path) -> None:
    """机关本级本年支出3,892.09万元，其中：基本支出…，项目支出844.38万元；与2023年度相比增加116.76万元，增长3.09%: the
    change is the whole's (116.76 ÷ 3,775.33), not the last part's (adv128 F1)."""
    text = (
        "兰考县教育体育局2024年度部门决算\n三、支出决算情况说明\n"
        "机关本级本年支出3,892.09万元，其中：基本支出3,047.71万元，项目支出844.38万元；与2023年度相比增加116.76万元，"
        "增长{rate}%。\n"
    )
    assert alarms(scan_text(tmp_path, text.format(rate="3.09"), kind="部门决算")[1]) == []


def test_a_body_s_figure_of_an_unnamed_item_is_no_repeat(tmp_path: Path) -> None:
    """分单位看：江苏省水利厅本级10656.97万元… after 基本支出 and 分单位看：江苏省水利厅本级65287.23万元… after 收入预算总计:
    two lists of the bodies' figures of two items the lists' own words do not name (adv126 F1–F8)."""
    text = (
        "江苏省水利厅2026年度部门预算\n一、收支预算总体情况说明\n"
        "（一）收入预算总计93109.5万元。分单位看：江苏省水利厅本级65287.23万元，江苏省水文水资源勘测局11446.7万元。\n"
        "二、支出预算情况说明\n"
        "此外，基本支出预算数为26152.1万元。分单位看：江苏省水利厅本级10656.97万元，江苏省水文水资源勘测局5210.36万元。\n"
    )
    assert [f for f in alarms(scan_text(tmp_path, text, kind="部门预算")[1]) if f[0].startswith("repeat")] == []
