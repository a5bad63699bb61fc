"""Tables whose structure can be read more than one way (review sets adv27–adv33): a workbook's flat 其中 rows, a
table by region listing each city as a group of rows, score sheets with 小计 rows, project summaries, a workbook's
cover sheet, a 三公 table whose years are its rows. A total is wrong only when no reading of its rows adds up."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from docx_builders import write_docx

from extractors.registry import read_document
from extractors.tablefacts import extract_facts
from pipeline.analyze import analyze_file
from pipeline.checks.template_views import build_views


def _workbook(path: Path, sheets: list[tuple[str, list[list[object]]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _alarms(path: Path) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in analyze_file(path).findings if f.severity != "info"]


COVER = ("封面", [["云岭市"], ["2024年地方财政预算执行情况和2025年地方财政预算（草案）"], ["云岭市财政局编制"]])


def _sangong(total: int) -> tuple[str, list[list[object]]]:
    return (
        "06 三公",
        [
            ["表六 2025年云岭市市本级一般公共预算“三公”经费预算表"],
            ["单位：万元"],
            ["项目", "2024年预算数", "2025年预算数"],
            ["“三公”经费合计", 1397, total],
            ["1.因公出国（境）费", 410, 452],
            ["2.公务接待费", 285, 263],
            ["3.公务用车购置及运行费", 702, 775],
            ["其中：公务用车购置费", 0, 120],
            ["公务用车运行费", 702, 655],
        ],
    )


def test_a_workbook_s_cover_sheet_names_its_kind_and_its_flat_qizhong_rows_are_read_by_their_sum(
    tmp_path: Path,
) -> None:
    """Every label of a workbook starts at the left: 公务用车运行费 after 其中：公务用车购置费 goes on with the 其中 list
    because 120 + 655 completes 775; so the 合计 is 452 + 263 + 775 = 1490. The cover sheet says the kind (its
    table of contents alone would say 部门预算: 收支预算总表)."""
    right = analyze_file(_workbook(tmp_path / "right.xlsx", [COVER, _sangong(1490)]))
    assert right.kind == "预算执行情况和预算草案的报告"
    assert [f for f in right.findings if f.severity != "info"] == []
    assert _alarms(_workbook(tmp_path / "slip.xlsx", [COVER, _sangong(1590)])) == [("sum.table-rows", "error", "1590")]


def test_a_qizhong_list_that_names_only_some_parts_ends_at_its_qizhong_row(tmp_path: Path) -> None:
    """A balance table whose 债务转贷收入 names one part (其中：再融资债券) and goes on with 上年结余, 调入资金 …: those are
    the 收入总计's own rows, though they would fit inside 债务转贷收入 (adv33 B03)."""
    rows: list[list[object]] = [
        ["澜江市一般公共预算收支平衡表（收入）"],
        ["单位：万元"],
        ["收入项目", "2025年执行数"],
        ["一般公共预算收入", 520000],
        ["其中：税收收入", 360000],
        ["非税收入", 160000],
        ["上级补助收入", 610000],
        ["其中：返还性收入", 30000],
        ["一般性转移支付收入", 450000],
        ["专项转移支付收入", 130000],
        ["债务转贷收入", 150000],
        ["其中：再融资债券", 60000],
        ["上年结余", 20000],
        ["调入资金", 45000],
        ["动用预算稳定调节基金", 10000],
        ["收入总计", 1355000],
    ]
    assert _alarms(_workbook(tmp_path / "balance.xlsx", [COVER, ("平衡表", rows)])) == []
    rows[-1][1] = 1365000
    assert _alarms(_workbook(tmp_path / "slip.xlsx", [COVER, ("平衡表", rows)])) == [
        ("sum.table-rows", "error", "1365000")
    ]


def _by_region(baihe: str, trailing: list[list[str]] | None = None) -> list[list[str]]:
    return [
        ["地区", "合计", "一般性转移支付"],
        ["合计", "6,559,694", "4,750,838"],
        ["青州市", "2,129,008", "1,591,045"],
        ["青州市本级", "612,581", "446,565"],
        ["东安县", "706,736", "558,373"],
        ["西平县", "484,969", "337,840"],
        ["北川县", "324,722", "248,267"],
        ["川平市", "1,348,313", "1,013,306"],
        ["川平市本级", "744,162", "668,169"],
        ["临河县", "371,392", "179,630"],
        ["新桥县", "232,759", "165,507"],
        ["白河市", baihe, "1,468,186"],
        ["白河市本级", "726,588", "561,411"],
        ["白沙县", "605,770", "492,532"],
        ["河口县", "445,431", "414,243"],
        ["云岭市", "1,304,584", "678,301"],
        ["云岭市本级", "650,221", "378,110"],
        ["玉溪县", "654,363", "300,191"],
        *(trailing or []),
    ]


def _region_alarms(tmp_path: Path, rows: list[list[str]], name: str) -> list[tuple[str, str, str]]:
    path = write_docx(
        tmp_path / f"{name}.docx",
        ["某省2024年省对市县税收返还和转移支付分地区决算表", "单位：万元", (rows, [])],
    )
    return [a for a in _alarms(path) if a[0].startswith("region")]


def test_a_city_s_row_is_its_own_level_and_its_counties(tmp_path: Path) -> None:
    assert _region_alarms(tmp_path, _by_region("1,777,789"), "right") == []
    assert _region_alarms(tmp_path, _by_region("1,789,789"), "slip") == [
        ("region.group-of-rows", "error", "1789789")  # 726,588 + 605,770 + 445,431 = 1,777,789
    ]


def test_rows_after_a_city_s_own_rows_or_a_districts_subtotal_are_other_readings_not_errors(tmp_path: Path) -> None:
    """The last group runs on over 省直管 cities that have no 本级 row; a 市辖区 row stands for the districts after
    it; a 州 holds the 地区 listed after it as groups of their own (adv33 A03, A05, A04): no reading of these is
    wrong, so none is an error."""
    direct = [["仙湖市", "300,000", "200,000"], ["潜江市", "280,000", "190,000"]]
    assert _region_alarms(tmp_path, _by_region("1,777,789", direct), "direct") == []
    districts = _by_region("1,777,789")
    districts[12:12] = [["白河市市辖区", "300,000", "250,000"]]
    districts[13:13] = [["白河区", "180,000", "150,000"], ["沙河区", "120,000", "100,000"]]
    districts[11] = ["白河市", "2,077,789", "1,718,186"]
    assert _region_alarms(tmp_path, districts, "districts") == []


def test_a_table_where_most_groups_do_not_add_up_is_not_read_as_groups(tmp_path: Path) -> None:
    """Revenue by region is consolidated (a city's transfers to its counties are counted at both levels): when the
    table's own groups do not add up, the reading is not confirmed and nothing is said."""
    rows = _by_region("1,777,789")
    rows[2] = ["青州市", "2,029,008", "1,591,045"]
    rows[7] = ["川平市", "1,248,313", "1,013,306"]
    rows[15] = ["云岭市", "1,204,584", "678,301"]
    assert _region_alarms(tmp_path, rows, "consolidated") == []


SCORE_HEAD = ["一级指标", "二级指标", "三级指标", "分值", "目标值", "实际值", "得分"]


def _score_sheet(output_subtotal: str) -> list[list[str]]:
    return [
        SCORE_HEAD,
        ["决策", "项目立项", "立项依据充分性", "10", "充分", "充分", "10.00"],
        ["决策", "绩效目标", "绩效目标合理性", "10", "合理", "合理", "9.00"],
        ["小计", "", "", "20", "", "", "19.00"],
        ["产出", "产出数量", "项目完工率", "20", "100%", "95.70%", "19.00"],
        ["产出", "产出质量", "验收合格率", "20", "100%", "100%", "20.00"],
        ["小计", "", "", "40", "", "", output_subtotal],
        ["效益", "社会效益", "带动就业人数", "40", "≥2000人", "2186人", "40.00"],
        ["小计", "", "", "40", "", "", "40.00"],
        ["合计", "", "", "100", "", "", "98.00"],
    ]


def test_a_score_sheet_s_subtotal_rows_are_neither_indicators_nor_left_unchecked(tmp_path: Path) -> None:
    """合计 100 is the indicators' 10 + 10 + 20 + 20 + 40, not twice that with the 小计 rows; a 小计 that is not the sum
    of its rows is an error of its own (adv30)."""
    title = "某县2024年度衔接推进乡村振兴补助资金绩效评价报告"
    right = write_docx(tmp_path / "right.docx", [title, "附件：绩效评价指标评分表", (_score_sheet("39.00"), [])])
    assert [a for a in _alarms(right) if a[0].startswith("scoresheet")] == []
    slip = write_docx(tmp_path / "slip.docx", [title, "附件：绩效评价指标评分表", (_score_sheet("38.50"), [])])
    assert [a for a in _alarms(slip) if a[0].startswith("scoresheet")] == [("scoresheet.total", "error", "38.50")]


def test_two_projects_of_one_unit_in_a_summary_table_are_two_figures(tmp_path: Path) -> None:
    """A summary of project self-evaluations: two projects run by one 实施单位 print two budgets; the 合计 row, whose
    unit cell is blank, is no project of the unit above it (adv30)."""
    rows: list[list[object]] = [
        ["桂岭县教育局2024年度项目支出绩效自评结果汇总表"],
        ["单位：万元"],
        ["序号", "项目名称", "实施单位", "全年预算数", "全年执行数", "执行率"],
        [1, "农村义务教育学生营养改善计划", "桂岭县教育局", "1,245.00", "1,198.62", "96.27%"],
        [2, "义务教育薄弱环节改善与能力提升", "桂岭县教育局", "1,326.50", "1,104.27", "83.25%"],
        [3, "乡村教师能力提升培训", "桂岭县教师发展中心", "120.00", "108.36", "90.30%"],
        ["合计", None, None, "2,691.50", "2,411.25", "89.59%"],
    ]
    assert _alarms(_workbook(tmp_path / "summary.xlsx", [("汇总", rows)])) == []


def test_a_sangong_table_whose_years_are_rows_is_read_in_the_report_s_year(tmp_path: Path) -> None:
    """项目 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费, rows 2025年预算数 and 2026年预算数: the standard table's
    figures are the 2026 row's, not the first row's (adv28: the text's 2026 figures were set against 2025's)."""
    rows = [
        ["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
        ["2025年预算数", "40.00", "10.00", "19.60", "10.40"],
        ["2026年预算数", "37.20", "10.00", "18.00", "9.20"],
    ]
    path = write_docx(tmp_path / "sangong.docx", ["表7 “三公”经费预算表", "单位：万元", (rows, [])])
    doc = read_document(path)
    view = build_views(extract_facts(doc), doc, 2026)["ys.sangong"]
    assert {c.fact.text for c in view.cells} == {"37.20", "10.00", "18.00", "9.20"}
    assert build_views(extract_facts(doc), doc, 2025)["ys.sangong"].cells[0].fact.text == "40.00"
    assert _alarms(path) == []  # 合计 37.20 = 10.00 + 18.00 + 9.20 with 公务用车购置及运行费 printed unsplit


def test_a_table_s_scope_is_read_past_the_place_name_opening_its_title(tmp_path: Path) -> None:
    """附表2 泊川市2025年全市…执行情况表 is 全市's: a 市本级 sentence's growth is not computed from its 上年 column
    (adv31: 增长应为 (208811 − 252500) ÷ 252500 = -17.30%, 报告写 1.8%)."""
    path = write_docx(
        tmp_path / "report.docx",
        [
            "泊川市2025年预算执行情况和2026年预算草案的报告",
            "2.市本级情况。市本级一般公共预算收入完成208811万元，完成调整预算的102.3%，比上年增长1.8%。",
            "附表2 泊川市2025年全市一般公共预算收入执行情况表",
            "单位：万元",
            (
                [
                    ["项 目", "年初预算", "调整预算", "执行数", "为调整预算%", "上年执行数", "比上年增长%"],
                    ["全市一般公共预算收入", "251315", "252339", "257474", "102.0", "252500", "2.0"],
                ],
                [],
            ),
        ],
    )
    assert [a for a in _alarms(path) if a[0].startswith("change")] == []


def test_a_total_printed_without_its_balance_beside_a_table_total_holding_it_is_another_definition(
    tmp_path: Path,
) -> None:
    """The text's 支出总计 leaves out the 年终结余 it prints next; the balanced table's 支出总计 holds it (adv35)."""
    path = write_docx(
        tmp_path / "final.docx",
        [
            "昆岗地区2024年度政府决算公开",
            "3.收支平衡情况。地区本级政府性基金预算收入总计126.35亿元。支出总计118.78亿元，其中：政府性基金预算支出"
            "12.84亿元、专项债务转贷支出105.94亿元。年终结余7.57亿元。",
            "二、政府性基金预算（本级）收支决算表",
            "单位：万元",
            (
                [
                    ["收入", "决算数", "支出", "决算数"],
                    ["政府性基金预算收入", "9300", "政府性基金预算支出", "128400"],
                    ["专项债务转贷收入", "1254190", "专项债务转贷支出", "1059400"],
                    ["", "", "年终结余", "75690"],
                    ["收入总计", "1263490", "支出总计", "1263490"],
                ],
                [],
            ),
        ],
    )
    assert [a for a in _alarms(path) if a[0].startswith("narrative_table")] == []


def test_a_subtotal_named_after_its_category_is_a_subtotal(tmp_path: Path) -> None:
    rows = [[("决策小计" if r[0] == "小计" and k == 3 else r[0]), *r[1:]] for k, r in enumerate(_score_sheet("39.00"))]
    rows = [[("产出数量小计" if r[0] == "小计" else r[0]), *r[1:]] for r in rows]
    path = write_docx(tmp_path / "named.docx", ["某县项目绩效评价报告", "附件：绩效评价指标评分表", (rows, [])])
    assert [a for a in _alarms(path) if a[0].startswith("scoresheet")] == []


def test_section_numbers_start_again_under_a_new_part_and_count_a_table_titled_by_its_number(tmp_path: Path) -> None:
    """三、 of 第一部分 then 五、 of 第二部分 (whose 一、 to 四、 are the titles of its tables) is no gap (adv35)."""
    table = ([["项目", "决算数"], ["一般公共预算收入", "100"]], [])
    path = write_docx(
        tmp_path / "parts.docx",
        [
            "昆岗地区2024年度政府决算公开",
            "第一部分：决算情况说明",
            "一、一般公共预算",
            "二、政府性基金预算",
            "三、政府债务",
            "第二部分：一般公共预算决算情况",
            "四、一般公共预算（本级）支出决算表",
            table,
            "五、一般公共预算（本级）收支决算平衡表",
            table,
        ],
    )
    assert [a for a in _alarms(path) if a[0].startswith("numbering")] == []


def test_a_total_heading_rows_whose_grand_total_follows_is_one_of_them(tmp_path: Path) -> None:
    """本级收入合计 | 上级补助收入 | 上年结余 | … | 收入总计: the 合计 at the head is a part of the 收入总计 (adv36)."""
    rows = [
        ["收入", "决算数", "支出", "决算数"],
        ["本级收入合计", "212.35", "本级支出合计", "198.76"],
        ["上级补助收入", "8.42", "上解上级支出", "12.30"],
        ["上年结余", "15.61", "地方政府专项债务还本支出", "25.84"],
        ["地方政府专项债务转贷收入", "14.10", "年终结余", "13.58"],
        ["收入总计", "250.48", "支出总计", "250.48"],
    ]
    path = write_docx(
        tmp_path / "fund.docx",
        ["关于青川市2024年政府性基金决算的说明", "2024年青川市政府性基金预算收支决算总表", "单位：亿元", (rows, [])],
    )
    assert [a for a in _alarms(path) if a[0].startswith("sum")] == []
    rows[5] = ["收入总计", "251.48", "支出总计", "250.48"]
    slip = write_docx(
        tmp_path / "slip.docx",
        ["关于青川市2024年政府性基金决算的说明", "2024年青川市政府性基金预算收支决算总表", "单位：亿元", (rows, [])],
    )
    assert [a[0] for a in _alarms(slip) if a[0].startswith("sum")] == ["sum.table-rows"]


def test_a_class_with_one_coded_subclass_is_that_subclass(tmp_path: Path) -> None:
    """208 社会保障和就业支出 930.67 over its one 款 20805 903.67 (and that 款's 项 rows): 类 = its only 款 (adv37)."""

    def rows(cls: str, kuan: str = "903.67") -> list[list[str]]:
        return [
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "合计", "1,091.73", "1,091.73", ""],
            ["208", "社会保障和就业支出", cls, "903.67", ""],
            ["20805", "行政事业单位养老支出", kuan, "903.67", ""],
            ["2080501", "行政单位离退休", "186.20", "186.20", ""],
            ["2080505", "机关事业单位基本养老保险缴费支出", "717.47", "717.47", ""],
            ["210", "卫生健康支出", "188.06", "188.06", ""],
            ["21011", "行政事业单位医疗", "188.06", "188.06", ""],
            ["2101101", "行政单位医疗", "139.44", "139.44", ""],
            ["2101102", "事业单位医疗", "48.62", "48.62", ""],
        ]

    def doc(cls: str, kuan: str = "903.67") -> Path:
        title = ["江苏省生态气候监测局2020年部门预算", "公开05表", "一般公共预算支出表", "单位：万元"]
        return write_docx(tmp_path / f"gp{cls}{kuan}.docx", [*title, (rows(cls, kuan), [])])

    # a 公开05表 一般公共预算支出表 is a standard table: its hierarchy is the template family's (stop 25: the 财政部
    # template's titles without 预算 are known), on the same cell with the same figures
    assert [a for a in _alarms(doc("903.67")) if a[0].startswith(("sum", "template"))] == []
    # the 类 out of line with its row (基本支出 903.67) and with its one 款: one finding on the 类's cell
    assert ("sum.table-cell", "error", "930.67") in _alarms(doc("930.67"))
    # the 款 out of line with its 项 and its 类 alike: the 款 is named, not the 类 (adv16 P4)
    named = ("sum.table-rows", "template.hierarchy", "sum.table-cell")
    assert [a for a in _alarms(doc("903.67", "930.67")) if a[0] in named] == [("sum.table-cell", "error", "930.67")]


def test_a_second_level_number_skipped_by_one_is_a_gap(tmp_path: Path) -> None:
    """（一）（二）（四） under one 一、 is a gap (adv36); numbers start again under the next 一、-style heading, and a
    （二） joined into the paragraph of （一） after its full stop still counts."""

    def doc(name: str, third: str) -> Path:
        return write_docx(
            tmp_path / f"{name}.docx",
            [
                "关于某市2024年财政决算的报告",
                "一、2024年决算情况",
                "（一）一般公共预算。全市一般公共预算收入86.45亿元。（二）政府性基金预算。全市政府性基金预算收入212.35亿元。",
                f"{third}社会保险基金预算。全市社会保险基金收入169.91亿元。",
                "二、其他",
                "（一）债务。全市政府债务余额686.35亿元。",
            ],
        )

    assert [a for a in _alarms(doc("right", "（三）")) if a[0].startswith("numbering")] == []
    assert [a[0] for a in _alarms(doc("gap", "（四）")) if a[0].startswith("numbering")] == [
        "numbering.heading-sequence"
    ]


def test_a_reference_to_sections_and_a_contents_line_are_no_section_numbers(tmp_path: Path) -> None:
    """「（一）（二）两项决算数均已经审计」 refers to sections, and a 目录 line listing some of them is no heading (adv38)."""
    path = write_docx(
        tmp_path / "refs.docx",
        [
            "关于某市2024年市本级决算的报告",
            "目录",
            "一、决算情况……………………1",
            "（一）收入决算……………………1",
            "（三）转移支付……………………3",
            "一、决算情况",
            "（一）收入决算。市本级一般公共预算收入52.30亿元。",
            "（二）支出决算。市本级一般公共预算支出78.60亿元。（一）（二）两项决算数均已经审计。",
            "（三）转移支付。上级补助收入30.10亿元。",
        ],
    )
    assert [a for a in _alarms(path) if a[0].startswith("numbering")] == []
