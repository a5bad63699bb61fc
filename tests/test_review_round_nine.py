"""Review round nine (stop 29): what fresh reviews of realistic reports found gouji getting wrong, each fixed at its
mechanism."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx_builders import write_docx

from pipeline.analyze import analyze_file

SANGONG_HEADER = [
    ["合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"],
    ["", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "", ""],
    ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""],
]
SANGONG_MERGES = [(0, 0, 2, 0), (0, 1, 0, 6), (0, 7, 2, 7), (0, 8, 2, 8), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 5)]
SANGONG_MERGES += [(1, 6, 2, 6)]


def _sangong(tmp_path: Path, row: list[str]) -> list:
    path = write_docx(
        tmp_path / "江苏省某某管理局2019年度部门预算.docx",
        [
            "江苏省某某管理局2019年度部门预算",
            "第二部分 2019年度部门预算表",
            "一般公共预算“三公”经费、会议费、培训费支出预算表",
            "单位：万元",
            ([*SANGONG_HEADER, row], SANGONG_MERGES),
        ],
    )
    return analyze_file(path).findings


def test_the_sangong_subtotal_beside_meetings_and_training_is_checked_against_its_items(tmp_path: Path) -> None:
    """合计 | “三公”经费 › 小计 | 因公出国 | 公务用车 › 小计 … | 会议费 | 培训费: the 三公's own 小计 must be its three
    items, and the 合计 the 三公 plus 会议费 plus 培训费. Before, the 合计 column was a column of unknown name, so
    neither sum was decided (adv88 B2)."""
    clean = ["375.50", "186.50", "60.00", "98.50", "28.00", "70.50", "28.00", "124.00", "65.00"]
    assert [f for f in _sangong(tmp_path, clean) if f.severity != "info"] == []
    slip = ["375.50", "196.50", *clean[2:]]
    found = [(f.rule, f.severity, f.stated_value, f.expected_value) for f in _sangong(tmp_path, slip)]
    assert [f for f in found if f[1] != "info"] == [("sum.table-cell", "error", Decimal("196.50"), Decimal("186.50"))]


def test_a_grand_total_not_updated_is_blamed_on_itself(tmp_path: Path) -> None:
    row = ["385.50", "186.50", "60.00", "98.50", "28.00", "70.50", "28.00", "124.00", "65.00"]
    found = [(f.rule, f.severity, f.stated_value) for f in _sangong(tmp_path, row) if f.severity != "info"]
    assert found == [("template.columns", "error", Decimal("385.50"))]


CLASS_ROWS = [
    ("201", "一般公共服务支出", "73822", "65804"),
    ("204", "公共安全支出", "54799", "46035"),
    ("205", "教育支出", "76313", "60590"),
    ("213", "农林水支出", "182238", "{farm}"),
    ("221", "住房保障支出", "156963", "129645"),
    ("229", "其他支出", "62547", "55596"),
]


def _class_table(tmp_path: Path, farm: str) -> list:
    rows = [["科目编码", "科目名称", "2024年执行数", "2025年预算数"]]
    rows += [[c, n, a, b.format(farm=farm)] for c, n, a, b in CLASS_ROWS]
    rows += [["", "合计", "606682", "499158"]]
    path = write_docx(
        tmp_path / "汾源市2025年预算报告.docx",
        [
            "关于汾源市2024年预算执行情况和2025年预算草案的报告",
            "附表2 汾源市2025年市本级一般公共预算支出预算表",
            "单位：万元",
            (rows, []),
        ],
    )
    return [(f.rule, f.severity, f.stated_value) for f in analyze_file(path).findings if f.rule.startswith("sum.")]


def test_a_total_over_rows_coded_as_classes_is_their_sum_with_certainty(tmp_path: Path) -> None:
    """201 | 204 | … | 229 under 合计: rows each coded as a 类 of the 功能分类 are the total's parts, one level. When they
    add up to more than it, the total is wrong, not a sign of rows beyond its parts (adv95 S3: info before)."""
    assert _class_table(tmp_path, "141488") == []
    assert _class_table(tmp_path, "144488") == [("sum.table-rows", "error", Decimal("499158"))]


def test_bare_ten_thousands_after_a_budget_word_are_money_in_the_whole_sentence(tmp_path: Path) -> None:
    """2025年度项目总预算1170.00万，其中…870.00万…: a bare 万 right after 预算 is 万元, and so is every bare 万 of the
    sentence (before, they were figures of no unit, left out of every comparison with the tables)."""
    from test_identity import scan_text

    text = (
        "上海市普陀区某某委员会2025年部门预算\n2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，"
        "支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。\n"
        "全年服务企业1.2万，惠及职工3.5万。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="部门预算")
    dims = {c.quantity.text: c.quantity.dimension for c in claims}
    assert [dims[t] for t in ("1170.00万", "870.00万", "50.00万")] == ["money"] * 3
    assert [dims[t] for t in ("1.2万", "3.5万")] == ["unknown"] * 2
    assert [f for f in found if f.severity != "info"] == []


def test_figures_under_one_outline_repeated_per_project_are_each_project_s(tmp_path: Path) -> None:
    """科技创新专项 › 六、年度预算安排 and 生命健康专项 › 六、年度预算安排 (the real 商务委 report): each 项目总预算 is its
    own project's, not one figure printed twice with two values."""
    from test_identity import scan_text

    sections = []
    for name, total, parts in (
        ("科技创新专项经费情况说明", "1720.00", "1720.00"),
        ("生命健康专项经费情况说明", "1170.00", "1170.00"),
    ):
        sections.append(
            f"{name}\n一、项目概述\n推动产业高质量发展。\n二、年度预算安排\n"
            f"2025年度项目总预算{total}万元，其中支持企业发展{parts}万元。\n三、绩效目标\n详见项目绩效目标表。\n"
        )
    claims, found = scan_text(tmp_path, "上海市普陀区某某委员会2025年部门预算\n" + "".join(sections), kind="部门预算")
    assert len([c for c in claims if c.quantity.text in ("1720.00万元", "1170.00万元")]) == 4
    assert [f for f in found if f.rule.startswith("repeat.")] == []


def _score_table(tmp_path: Path, total_score: str) -> list:
    rows = [
        ["一级指标", "分值", "二级指标", "分值", "得分", "得分率（%）"],
        ["决策", "20", "项目立项", "6", "6.00", "100.00"],
        ["", "", "绩效目标", "8", "6.50", "81.25"],
        ["", "", "资金投入", "6", "6.00", "100.00"],
        ["产出", "80", "产出数量", "40", "38.00", "95.00"],
        ["", "", "产出质量", "40", "36.00", "90.00"],
        ["合计", "100", "", "100", total_score, "92.50"],
    ]
    path = write_docx(
        tmp_path / "原州区2023年农村供水保障工程项目财政支出绩效评价报告.docx",
        [
            "原州区2023年农村供水保障工程项目财政支出绩效评价报告",
            "表3 项目绩效评价得分表",
            (rows, [(1, 0, 3, 0), (1, 1, 3, 1), (4, 0, 5, 0), (4, 1, 5, 1)]),
        ],
    )
    return [(f.rule, f.severity, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]


def test_a_score_is_rated_on_the_points_of_its_own_indicator(tmp_path: Path) -> None:
    """一级指标 | 分值 | 二级指标 | 分值 | 得分 | 得分率: each 得分率 is 得分 ÷ the 二级指标's 分值, and the 总分 is the sum
    of that column; the 一级 分值 merged down over its indicators is not their 分值 (adv101 F1–F5)."""
    assert _score_table(tmp_path, "92.50") == []
    assert _score_table(tmp_path, "93.50") == [("scoresheet.total", "error", Decimal("93.50"))]


def test_a_continuation_repeating_some_header_rows_and_the_column_numbers_loses_them() -> None:
    """Word repeats the rows marked as headers on the next page: here 项目 | … and 栏次 | 1 | 2, not the 科目编码 row
    between them. Before, only a repeat of every header row was dropped, and the 合计 was summed over the rows after
    the repeat alone (adv100 F1, F3, F9)."""
    from test_stitch import part, texts

    from extractors.stitch import stitch_tables

    head = [["项目", "本年收入", "本年支出"], ["科目名称", "小计", "小计"], ["栏次", "1", "2"]]
    a = part(1, [*head, ["合计", "30.00", "30.00"], ["甲", "10.00", "10.00"]], 600, title="表", header_rows=2)
    b = part(2, [head[0], head[2], ["乙", "20.00", "20.00"]], 72)
    (t,) = stitch_tables([a, b])
    assert texts(t)[3:] == [["合计", "30.00", "30.00"], ["甲", "10.00", "10.00"], ["乙", "20.00", "20.00"]]


def test_a_subtotal_under_a_head_the_template_does_not_know_is_no_part_of_another(tmp_path: Path) -> None:
    """本年支出 › 小计 | 基本支出 | 项目支出 | 年末结转和结余 › 小计 | …: the two 小计 are two columns. Before, both were
    read as one, and the 年末 小计 84.20 was added into the 社会福利 款's 本年支出 (adv100 F2, F4–F8)."""
    header = [
        ["项目", "", "本年支出", "", "", "年末结转和结余", "", ""],
        ["科目编码", "科目名称", "小计", "基本支出", "项目支出", "小计", "基本支出结转", "项目支出结转和结余"],
    ]
    rows = [
        ["", "合计", "2897.97", "1003.57", "1894.40", "84.20", "", "84.20"],
        ["20810", "社会福利", "2897.97", "1003.57", "1894.40", "84.20", "", "84.20"],
        ["2081001", "儿童福利", "731.14", "318.64", "412.50", "", "", ""],
        ["2081002", "老年福利", "1265.30", "", "1265.30", "84.20", "", "84.20"],
        ["2081004", "殡葬", "96.00", "", "96.00", "", "", ""],
        ["2081005", "社会福利事业单位", "805.53", "684.93", "120.60", "", "", ""],
    ]
    path = write_docx(
        tmp_path / "大理白族自治州民政局2024年度部门决算.docx",
        [
            "大理白族自治州民政局2024年度部门决算",
            "附表5 一般公共预算财政拨款支出决算表",
            "单位：万元",
            ([*header, *rows], [(0, 0, 0, 1), (0, 2, 0, 4), (0, 5, 0, 7)]),
        ],
    )
    assert [(f.rule, f.location) for f in analyze_file(path).findings if f.severity != "info"] == []


def test_a_sum_or_a_change_thrown_out_by_a_part_found_wrong_elsewhere_is_that_part_s_finding(tmp_path: Path) -> None:
    """基本支出 1,785.47 = 人员经费 + 公用经费 223.64 fails only because the text's 人员经费 1,651.83 differs from its table's
    1,561.83: one slip, one finding, on the part (adv100 S1). Likewise a change computed from a total that its own
    parts show wrong (adv102 F1: 183,182 for 183,812; 144,512 + 39,300 = 183,812)."""
    from test_identity import scan_text

    text = (
        "关于梁泉县2024年财政决算草案的报告\n"
        "截至2024年末，全县政府债务余额183,182万元，其中：一般债务余额97,046万元，专项债务余额86,766万元，"
        "比上年末144,512万元增加39,300万元。\n"
    )
    _claims, found = scan_text(tmp_path, text, kind="政府决算")
    assert [(f.rule, f.stated_value, f.expected_value) for f in found if f.severity != "info"] == [
        ("sum.enumeration", Decimal("183182"), Decimal("183812"))
    ]
    clean = text.replace("183,182", "183,812")
    assert [f for f in scan_text(tmp_path, clean, kind="政府决算")[1] if f.severity != "info"] == []


def test_the_funds_named_in_a_bracketed_breakdown_are_not_the_fund_of_what_follows(tmp_path: Path) -> None:
    """…调入资金17.6亿元（其中：政府性基金预算调入12亿元、国有资本经营预算调入9480万元…）、一般债券转贷收入3.8亿元，收入总量
    116.9亿元 is the 一般公共预算's 收入总量, not the 国有资本经营预算's 15780万元 (adv99 F1)."""
    from test_identity import scan_text

    text = (
        "关于桐川市2025年预算执行情况和2026年预算草案的报告\n（一）一般公共预算安排情况\n"
        "2026年市本级一般公共预算收入43.2亿元。加上级转移支付45.2亿元、上年结转7.1亿元、调入资金17.6亿元（其中：政府性基金预算"
        "调入12亿元、国有资本经营预算调入9480万元、动用预算稳定调节基金4.65亿元）、一般债券转贷收入3.8亿元，收入总量116.9亿元。\n"
        "（二）国有资本经营预算安排情况\n"
        "2026年市本级国有资本经营预算收入15100万元，加上年结转680万元，收入总量15780万元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    fund = {c.quantity.text: c.identity.fund for c in claims}
    assert (fund["116.9亿元"], fund["15780万元"]) == ("一般公共预算", "国有资本经营预算")
    assert [f for f in found if f.severity != "info"] == []


def test_the_main_items_of_a_part_are_not_parts_of_its_whole_and_its_bare_share_is_of_that_whole(
    tmp_path: Path,
) -> None:
    """其中，税收收入29.65亿元，占比64.6%，主要是增值税12.64亿元…等: the taxes after 主要是 are the 税收收入's own, not
    parts of the 45.89 beside it; and the bare 占比 is of the figure the 其中 hangs from, not of a total paragraphs
    before (adv99 F2, F3)."""
    from test_identity import scan_text

    text = (
        "关于衡漳市2025年预算执行情况和2026年预算草案的报告\n"
        "全市一般公共预算支出378.45亿元，加上解上级支出8.64亿元、债务还本支出24.89亿元，支出总计411.98亿元。\n"
        "市本级一般公共预算收入完成45.89亿元，增长4.0%。其中，税收收入29.65亿元，占比{share}%，主要是增值税12.64亿元、"
        "企业所得税5.84亿元、土地增值税3.17亿元、契税2.49亿元等。\n"
    )
    assert [f for f in scan_text(tmp_path, text.format(share="64.6"))[1] if f.severity != "info"] == []
    wrong = [
        (f.rule, f.stated_value) for f in scan_text(tmp_path, text.format(share="66.4"))[1] if f.severity != "info"
    ]
    assert wrong == [("share.stated-vs-computed", Decimal("66.4"))]


def test_a_county_s_published_final_account_tables_are_a_government_final_account() -> None:
    """梁泉县2024年政府决算公开表, whose contents list 一般公共预算收入决算表 … and, last, a 债务限额及余额决算情况表: a 政府
    决算, not a debt table (adv102)."""
    from test_report_kind import _doc

    from extractors.report_kind import classify

    assert classify(_doc("梁泉县2024年政府决算公开表", "梁泉县财政局")) == "政府决算"
    toc = ("目录", "表一 2024年梁泉县一般公共预算收入决算表", "表八 2024年梁泉县政府性基金预算收入决算表")
    debt = "表十三 2024年梁泉县地方政府债务限额及余额决算情况表"
    assert classify(_doc("梁泉县财政局", *toc, debt)) == "政府决算"


def test_a_car_column_split_with_no_subtotal_is_the_sum_of_its_two_columns(tmp_path: Path) -> None:
    """合计 | “三公”经费 › 小计 | 因公出国 | 公务用车购置及运行维护费 › 购置费 | 运行维护费 | 公务接待费 | 会议费 | 培训费, with
    no 小计 over the car's two columns: the car's part is their sum (adv64's 公开09表, clean; a false error once the
    合计 was read)."""
    header = [
        ["合计", "“三公”经费", "", "", "", "", "会议费", "培训费"],
        ["", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "公务接待费", "", ""],
        ["", "", "", "公务用车购置费", "公务用车运行维护费", "", "", ""],
    ]
    merges = [(0, 0, 2, 0), (0, 1, 0, 5), (0, 6, 2, 6), (0, 7, 2, 7), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4)]
    merges += [(1, 5, 2, 5)]
    row = ["258.10", "100.10", "45.00", "", "42.50", "12.60", "62.80", "95.20"]
    path = write_docx(
        tmp_path / "江苏省文物局2020年预算公开表.docx",
        [
            "江苏省文物局2020年度部门预算公开表",
            "“三公”经费、会议费、培训费支出预算表",
            "单位：万元",
            ([*header, row], merges),
        ],
    )
    assert [(f.rule, f.location) for f in analyze_file(path).findings if f.severity != "info"] == []


def test_a_subtotal_under_an_unknown_head_still_leaves_the_row_s_total_checked(tmp_path: Path) -> None:
    """合计 | 上年结转结余 | 本年收入 › 小计 | 一般公共预算 | 单位资金 › 小计 | 事业收入 …: the 单位资金 小计 is a column of its
    own, and the row's 合计 is still checked against 上年结转 + 本年收入 小计 (adv64 D5-S2)."""
    header = [
        ["部门（单位）名称", "合计", "上年结转结余", "本年收入", "", "", ""],
        ["", "", "", "小计", "一般公共预算", "单位资金", ""],
        ["", "", "", "", "", "小计", "其他收入"],
    ]
    merges = [(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 0, 6), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 1, 6)]

    def findings(total: str) -> list:
        rows = [["合计", total, "0.00", "984.36", "968.36", "16.00", "16.00"]]
        rows += [["某某林场", total, "0.00", "984.36", "968.36", "16.00", "16.00"]]
        path = write_docx(
            tmp_path / "曲靖市某局2024年部门预算.docx",
            ["曲靖市某局2024年部门预算", "部门收入预算表", "单位：万元", ([*header, *rows], merges)],
        )
        return [(f.rule, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]

    assert findings("984.36") == []
    assert ("template.columns", Decimal("948.36")) in findings("948.36")


def test_a_row_of_an_adjustment_table_headed_with_the_initial_budget_adds_up(tmp_path: Path) -> None:
    """年初预算 | 调整数 | 调整后预算: 调整后 = 年初 + 调整 in each row, and a cell out of line both there and in its
    column's 合计 is named itself (adv75 J1: the 合计 was blamed)."""
    rows = [
        ["科目编码", "科目名称", "年初预算", "调整数", "调整后预算"],
        ["201", "一般公共服务支出", "42,300", "1,860", "44,160"],
        ["205", "教育支出", "96,800", "3,650", "100,450"],
        ["213", "农林水支出", "70,120", "9,120", "{farm}"],
        ["229", "其他支出", "6,000", "-500", "5,500"],
        ["", "合计", "215,220", "14,130", "229,350"],
    ]

    def findings(farm: str) -> list:
        table = [[c.format(farm=farm) for c in r] for r in rows]
        path = write_docx(
            tmp_path / "永丰县2025年县本级预算调整方案的报告.docx",
            [
                "关于永丰县2025年县本级预算调整方案的报告",
                "附表2 永丰县2025年县本级一般公共预算支出调整表（按功能分类）",
                "单位：万元",
                (table, []),
            ],
        )
        return [(f.rule, f.stated_value, f.expected_value) for f in analyze_file(path).findings if f.severity != "info"]

    assert findings("79,240") == []
    assert findings("79,420") == [("sum.table-cell", Decimal("79420"), Decimal("79240"))]


def test_an_execution_rate_of_the_funds_arranged_is_checked(tmp_path: Path) -> None:
    """（1）水源工程：安排资金1,126.40万元，实际支出1,098.62万元，执行率97.53%: 安排资金 is the budget the rate is of
    (adv101: left unresolved before)."""
    from test_identity import scan_text

    text = "原州区2023年农村供水保障工程项目财政支出绩效评价报告\n（1）水源工程：安排资金1,126.40万元，实际支出1,098.62万元，执行率{r}%。\n"
    assert [
        f for f in scan_text(tmp_path, text.format(r="97.53"), kind="财政支出绩效评价报告")[1] if f.severity != "info"
    ] == []
    found = scan_text(tmp_path, text.format(r="96.53"), kind="财政支出绩效评价报告")[1]
    assert [
        (f.rule, f.severity, f.expected_value.quantize(Decimal("0.01"))) for f in found if f.severity != "info"
    ] == [("rate.execution-text", "error", Decimal("97.53"))]


def test_a_share_of_a_whole_named_by_its_measure_is_of_the_figure_of_that_measure_before(tmp_path: Path) -> None:
    """…调整后支出预算8,465.28万元，全年执行数8,235.45万元…。项目支出全年执行5,994.39万元，占全年执行数的70.81%: the whole
    is the 8,235.45 (72.79%); 70.81% fits the 调整预算, a figure of another measure than the share names, so it is a
    slip, said as a warning since the whole is found by its measure alone (adv101 S3: no whole found before)."""
    from test_identity import scan_text

    text = (
        "伊犁州农业农村局2024年度部门整体支出绩效自评报告\n（二）部门预算支出及执行情况\n"
        "2024年度本部门调整后支出预算8,465.28万元，全年执行数8,235.45万元，预算执行率97.29%。\n"
        "从支出结构看，基本支出全年执行2,241.06万元，占全年执行数的27.21%；项目支出全年执行5,994.39万元，占全年执行数的{s}%。\n"
    )
    kind = "部门整体支出绩效自评报告"
    assert [f for f in scan_text(tmp_path, text.format(s="72.79"), kind=kind)[1] if f.severity != "info"] == []
    found = scan_text(tmp_path, text.format(s="70.81"), kind=kind)[1]
    assert [(f.rule, f.severity) for f in found if f.severity != "info"] == [("share.stated-vs-computed", "warning")]


def test_a_shortfall_is_against_the_budget_not_last_year(tmp_path: Path) -> None:
    """市本级地方一般公共预算收入6.08亿元，同比增长0.25%，完成年度预算的95.80%，短收0.27亿元 (the real 固原 wording): 短收 is
    what the revenue fell short of its budget by, never a change on last year (adv104 F1: 0.27 against 6.08 − 6.0684,
    last year's figure read from the table)."""
    rows = [
        ["项目", "2024年完成数", "2025年预算数", "2025年完成数"],
        ["地方一般公共预算收入", "60684", "63500", "60836"],
    ]
    path = write_docx(
        tmp_path / "西原市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "关于西原市2025年预算执行情况和2026年预算草案的报告",
            "2025年市本级地方一般公共预算收入6.08亿元，同比增长0.25%，完成年度预算的95.80%，短收0.27亿元。",
            "表8-3 2025年市本级一般公共预算收入执行情况表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert [f for f in analyze_file(path).findings if f.rule.startswith("change.") and f.severity != "info"] == []


def test_a_budget_report_s_shares_are_of_the_budget_not_of_a_scope_s_part(tmp_path: Path) -> None:
    """…“三公”经费预算支出26.60万元…，其中本级23.40万元、所属单位3.20万元。因公出国（境）费预算支出12.00万元，占“三公”
    经费的45.11%: in a 部门预算 the whole is the budget 26.60, not the 本级 part (adv103 F1–F3)."""
    from test_identity import scan_text

    text = (
        "江苏省档案馆2021年度部门预算\n七、一般公共预算“三公”经费支出预算情况说明\n"
        "江苏省档案馆2021年度一般公共预算拨款安排的“三公”经费预算支出26.60万元，比上年预算减少4.00万元，下降13.07%，"
        "其中本级23.40万元、所属单位3.20万元。\n1．因公出国（境）费预算支出12.00万元，占“三公”经费的{s}%。\n"
    )
    assert [f for f in scan_text(tmp_path, text.format(s="45.11"), kind="部门预算")[1] if f.severity != "info"] == []
    found = scan_text(tmp_path, text.format(s="41.55"), kind="部门预算")[1]
    assert [(f.rule, f.expected_value.quantize(Decimal("0.01"))) for f in found if f.severity != "info"] == [
        ("share.stated-vs-computed", Decimal("45.11"))
    ]


def test_a_whole_named_with_its_scope_is_the_subject_without_it(tmp_path: Path) -> None:
    """占全区一般公共预算支出的72.4%: 全区 is the whole's scope, its subject the 一般公共预算支出 printed as such (adv106 S2:
    no whole found before)."""
    from test_identity import scan_text

    text = (
        "关于铜梁区2025年财政决算的报告\n"
        "全区一般公共预算支出740,130万元，完成调整预算的96.8%。其中，全区民生支出553,730万元，占全区一般公共预算支出的{s}%。\n"
    )
    assert [f for f in scan_text(tmp_path, text.format(s="74.8"), kind="政府决算")[1] if f.severity != "info"] == []
    found = scan_text(tmp_path, text.format(s="72.4"), kind="政府决算")[1]
    assert [(f.rule, f.stated_value) for f in found if f.severity != "info"] == [
        ("share.stated-vs-computed", Decimal("72.4"))
    ]


def test_parts_restated_as_a_sum_are_every_part_and_a_word_ending_in_yue_keeps_it(tmp_path: Path) -> None:
    """项目总预算345.86万，其中…69.26万…，合计345.86万: the 合计 says the parts make the total, so parts of 318.86 are an
    error, not a partial list (adv105); and 家庭医生签约 is a name, not 家庭医生签 + 约 (about)."""
    from test_identity import scan_text

    text = (
        "上海市徐汇区某中心2025年单位预算\n2025年度项目总预算345.86万，其中社区健康管理{a}万，家庭医生签约100.00万，"
        "公共卫生服务149.60万，合计345.86万。\n"
    )
    claims, found = scan_text(tmp_path, text.format(a="96.26"), kind="单位预算")
    assert [f for f in found if f.severity != "info"] == []
    assert "家庭医生签约" in {c.subject for c in claims}
    found = scan_text(tmp_path, text.format(a="69.26"), kind="单位预算")[1]
    assert [(f.rule, f.severity, f.expected_value) for f in found if f.severity != "info"] == [
        ("sum.enumeration", "error", Decimal("318.86"))
    ]


def test_an_item_of_this_year_s_general_budget_is_checked_against_its_row_s_total(tmp_path: Path) -> None:
    """五、一般公共预算当年拨款支出预算情况说明 › 3．…档案馆（项）支出1,268.45万元 against 一般公共预算支出预算表 合计 |
    基本支出 | 项目支出: the row's 合计 is the item's figure (adv103 S1: the item was never compared, and the change
    computed from the slip was blamed instead)."""
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "1,606.45", "320.00", "1,286.45"],
        ["201", "一般公共服务支出", "1,606.45", "320.00", "1,286.45"],
        ["20126", "档案事务", "1,606.45", "320.00", "1,286.45"],
        ["2012601", "行政运行", "320.00", "320.00", ""],
        ["2012604", "档案馆", "1,286.45", "", "1,286.45"],
    ]

    def findings(amount: str) -> list:
        path = write_docx(
            tmp_path / "江苏省档案馆2021年度部门预算.docx",
            [
                "江苏省档案馆2021年度部门预算",
                "公开05表",
                "一般公共预算支出预算表",
                "单位：万元",
                (rows, []),
                "第三部分 2021年度部门预算情况说明",
                "五、一般公共预算当年拨款支出预算情况说明",
                "（三）一般公共预算当年拨款具体使用情况",
                f"1．一般公共服务（类）档案事务（款）档案馆（项）支出{amount}万元，与上年相比增加181.25万元，增长16.40%。",
            ],
        )
        return [(f.rule, f.stated_value) for f in analyze_file(path).findings if f.severity != "info"]

    assert findings("1,286.45") == []
    assert findings("1,268.45") == [("template.narrative-vs-table", Decimal("1268.45"))]


def test_a_table_s_bare_total_row_is_the_figure_its_title_names_and_backs_the_text_s_sum(tmp_path: Path) -> None:
    """表3 …全区政府性基金预算收支决算表 › 本年支出合计 231,560 is the 政府性基金预算支出 the text prints as 213,560; the
    text's 支出总量 297,120 = 213,560 + … fails by exactly what the text's amount is off by: one slip, in the text, one
    finding (adv106 S3: only the right total was blamed before)."""
    rows = [
        ["收入", "决算数", "支出", "决算数"],
        ["国有土地使用权出让收入", "168,760", "城乡社区支出", "176,950"],
        ["其他政府性基金收入", "11,170", "其他支出", "54,610"],
        ["本年收入合计", "179,930", "本年支出合计", "231,560"],
        ["上级补助收入", "8,760", "调出资金", "30,760"],
        ["地方政府专项债务收入", "96,000", "地方政府专项债务还本支出", "21,000"],
        ["上年结转", "12,430", "结转下年", "13,800"],
        ["收入总计", "297,120", "支出总计", "297,120"],
    ]

    def findings(spent: str) -> list:
        path = write_docx(
            tmp_path / "关于铜梁区2025年财政决算的报告.docx",
            [
                "关于铜梁区2025年财政决算的报告",
                f"全区政府性基金预算支出{spent}万元。加调出资金30,760万元、地方政府专项债务还本支出21,000万元、"
                "结转下年13,800万元，支出总量为297,120万元。",
                "表3 铜梁区2025年全区政府性基金预算收支决算表",
                "单位：万元",
                (rows, []),
            ],
        )
        return [f for f in analyze_file(path).findings if f.severity != "info"]

    assert findings("231,560") == []
    (slip,) = findings("213,560")
    assert (slip.rule, {slip.stated_value, slip.expected_value}) == (
        "narrative_table.mismatch",
        {Decimal("231560"), Decimal("213560")},
    )
    assert "误在正文数 213560" in slip.explanation


def test_a_two_sided_table_s_income_or_spending_total_is_not_the_fund_s_own_figure(tmp_path: Path) -> None:
    """收入合计 | 420 | 支出合计 | 420 of a 国有资本经营预算收支决算表 whose 支出合计 holds 调出资金: not the 国有资本经营预算支出
    280 the text prints (adv84, a clean report); only 本年收入合计 / 本年支出合计 name the fund's own figure there."""
    rows = [
        ["收入项目", "决算数", "支出项目", "决算数"],
        ["利润收入", "420", "国有企业资本金注入", "280"],
        ["股利、股息收入", "-", "调出资金", "140"],
        ["收入合计", "420", "支出合计", "420"],
    ]
    path = write_docx(
        tmp_path / "连城县2024年县级财政决算.docx",
        [
            "连城县2024年县级财政决算",
            "2024年全县国有资本经营预算收入420万元，国有资本经营预算支出280万元，调出资金140万元。",
            "2024年连城县国有资本经营预算收支决算表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert [(f.rule, f.location) for f in analyze_file(path).findings if f.severity != "info"] == []


def test_levels_listed_in_a_by_level_sentence_give_no_scope_to_what_follows(tmp_path: Path) -> None:
    """(１)全市收支…分级次看，市级收入206.4亿元，区级收入379.9亿元。…一般公共预算支出873.1亿元: the 873.1 is 全市, not
    市级 — so it is not the 市级 table's 合计 328.6 (adv86, a clean report)."""
    from test_identity import scan_text

    text = (
        "关于余江市2025年预算执行情况和2026年预算草案的报告\n"
        "(1)全市收支。一般公共预算收入586.2亿元。分级次看，市级收入206.4亿元，区级收入379.9亿元。"
        "一般公共预算支出873.1亿元，增长2.1%。\n"
    )
    claims, _found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "873.1亿元").identity.scope != "本级"


def test_a_text_amount_that_fits_the_table_s_own_sums_backs_the_cell(tmp_path: Path) -> None:
    """The text's 418.00 against a 项 cell 481.00 that its table's own sums make 418: the cell is the slip, named once
    (adv64 民政厅: a second finding blamed the text)."""
    from extractors.model import Provenance
    from pipeline.checks import _text_backs_the_cell
    from pipeline.findings import Finding

    cell_at, text_at = Provenance("0", table=4, row=8, col=3), Provenance("0", paragraph=123, span=(35, 43))
    cell = Finding(
        "sum.table-cell",
        "error",
        cell_at,
        "行政区划和地名管理",
        "481.00",
        "",
        Decimal("481.00"),
        Decimal("418"),
        "万元",
    )
    text = Finding(
        "template.narrative-vs-table",
        "error",
        text_at,
        "…（项）支出",
        "418.00",
        "",
        Decimal("418.00"),
        Decimal("481.00"),
        "万元",
    )
    text.related = [cell_at]
    assert _text_backs_the_cell([cell, text]) == [cell] and text_at in cell.related
    other = Finding("sum.table-cell", "error", cell_at, "x", "481.00", "", Decimal("481.00"), Decimal("428"), "万元")
    assert len(_text_backs_the_cell([other, text])) == 2


def test_a_bare_spending_after_a_fund_s_income_is_that_fund_s_spending(tmp_path: Path) -> None:
    """市本级政府性基金预算收入安排32.00亿元，比2025年执行数下降4.2%；支出安排63.53亿元，下降12.5%: the 63.53 and its
    12.5% are the fund's 支出, never its 收入 (adv68 南阳: a false change error against the 收入 of the year before)."""
    from test_identity import scan_text

    text = (
        "关于南阳市2025年预算执行情况和2026年预算草案的报告\n"
        "市本级政府性基金预算收入安排32.00亿元，比2025年执行数下降4.2%；支出安排63.53亿元，下降12.5%。\n"
    )
    claims, _found = scan_text(tmp_path, text)
    assert {c.subject for c in claims if c.quantity.text in ("63.53亿元", "12.5%")} == {"市本级政府性基金预算支出"}


def test_an_amount_cut_inside_its_last_group_of_three_by_the_page_end_is_put_back() -> None:
    """税收收 | 15,671,8 | 15,559,7 at the foot of a page and 入 | 08 | 40 at the head of the next: one row, 税收收入 |
    15,671,808 | 15,559,740. Before, the fragments 08 and 40 were a row of their own, and a 合计 was "the sum" of them
    (adv107 F1, F2)."""
    from test_stitch import part, texts

    from extractors.stitch import stitch_tables

    head = [["项目", "调整预算数", "执行数"], ["本年收入合计", "27,878,386", "27,359,995"]]
    a = part(1, [*head, ["税收收", "15,671,8", "15,559,7"]], 600, title="表1", header_rows=1, touches_top=False)
    b = part(2, [["入", "08", "40"], ["非税收入", "12,206,578", "11,800,255"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert texts(t)[2:] == [["税收收入", "15,671,808", "15,559,740"], ["非税收入", "12,206,578", "11,800,255"]]


def test_a_title_run_into_its_first_paragraph_or_followed_by_sentences_tells_the_kind() -> None:
    """上海市…补贴项目绩效评价报告受…委托，… (a title the reader ran into the body, adv110) is a 财政支出绩效评价报告; and
    关于内蒙古自治区2023年财政决算的说明 followed by sentences of figures, one naming the debt balance, is a 政府决算,
    not a debt table (adv109)."""
    from test_report_kind import _doc

    from extractors.report_kind import classify

    run_in = "上海市普陀区2023年度社区老年人助餐服务补贴项目绩效评价报告受上海市普陀区财政局委托，某会计师事务所开展了财政支出绩效评价。"
    assert classify(_doc(run_in, "一、项目基本情况")) == "财政支出绩效评价报告"
    lines = (
        "关于内蒙古自治区2023年财政决算的说明",
        "全区一般公共预算支出7541.46亿元，为调整预算的97.8%。",
        "2023年末，全区地方政府债务余额861.70亿元，控制在债务限额921.29亿元以内。",
    )
    assert classify(_doc(*lines)) == "政府决算"
