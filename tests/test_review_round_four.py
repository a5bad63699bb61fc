"""Review round four (sets adv59–62 and the gaps stop 25 left): a share that names its part and whole, both printed
in earlier paragraphs of its section, is checked; a share naming a part printed twice with two values is not."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


REPORT = "西川市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n（一）一般公共预算\n"
INCOME = (
    "全市一般公共预算收入完成526.3亿元，为预算的101.2%，增长5.1%。其中，税收收入389.2亿元，增长4.3%；"
    "非税收入137.1亿元，增长7.4%。\n全市一般公共预算支出完成812.6亿元，增长3.2%。\n"
)


def test_a_share_s_part_printed_paragraphs_before_is_its_numerator(tmp_path: Path) -> None:
    text = REPORT + INCOME + "收入质量持续向好，税收收入占一般公共预算收入的比重为75.0%。\n"
    _, found = scan_text(tmp_path, text)
    assert _alarms(found) == [("share.stated-vs-computed", "error", "75.0")]  # 389.2 ÷ 526.3 = 73.95%
    assert next(f for f in found if f.severity == "error").expected_value.quantize(1) == 74


def test_the_same_share_right_is_no_finding(tmp_path: Path) -> None:
    text = REPORT + INCOME + "收入质量持续向好，税收收入占一般公共预算收入的比重为74.0%。\n"
    _, found = scan_text(tmp_path, text)
    assert _alarms(found) == []


def test_a_part_printed_with_two_values_before_is_no_numerator(tmp_path: Path) -> None:
    text = (
        REPORT
        + INCOME
        + "市本级税收收入120.5亿元，全市税收收入389.2亿元。2024年税收收入373.1亿元。\n"
        + "税收收入占一般公共预算收入的比重为75.0%。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert [a for a in _alarms(found) if a[0].startswith("share")] == []


def _line(text: str, top: float):
    from extractors.pdf_lines import Line

    return Line(text=text, page=1, x0=50, top=top, x1=500, bottom=top + 10, size=10)


def test_a_number_label_under_its_title_joins_the_title() -> None:
    """收入支出决算总表 / 公开01表 (right-aligned) / 编制单位：… 单位：万元: the table is the 收入支出决算总表, not "公开01表"
    (adv62: none of a 决算's nine tables was recognised)."""
    from extractors.pdf_tables import caption_for

    lines = [
        _line("收入支出决算总表", 100),
        _line("公开01表", 130),
        _line("编制单位：宁川县农业农村局 单位：万元", 160),
    ]
    title, unit, used = caption_for(lines)
    assert (title, unit, len(used)) == ("公开01表 收入支出决算总表", "万元", 3)
    # a label under a sentence is no title's
    lines = [_line("本部门2024年度收支情况如下。", 100), _line("表3", 130)]
    assert caption_for(lines)[0] == "表3"


def test_a_unit_line_above_the_title_is_the_table_s_unit() -> None:
    lines = [_line("单位：万元", 100), _line("表1 2024年度部门整体支出预算执行情况表", 120)]
    from extractors.pdf_tables import caption_for

    title, unit, _ = caption_for(lines)
    assert (title, unit) == ("表1 2024年度部门整体支出预算执行情况表", "万元")


def test_a_part_heading_above_a_table_gives_way_to_the_title_in_its_grid(tmp_path: Path) -> None:
    """第二部分 …部门决算表 over a table whose first row reads 收入支出决算总表 (a .doc, adv62 F1: "listed in the contents but
    missing")."""
    from docx_builders import write_docx

    from extractors.docx_reader import read_docx
    from extractors.table_titles import lift_titles

    rows = [
        ["收入支出决算总表", "", "", ""],
        ["部门：宁川县体育局", "", "", "单位：万元"],
        ["收入", "", "支出", ""],
        ["一、一般公共预算财政拨款收入", "100.00", "一、文化旅游体育与传媒支出", "100.00"],
        ["本年收入合计", "100.00", "本年支出合计", "100.00"],
    ]
    path = write_docx(tmp_path / "t.docx", ["第二部分 宁川县体育局2024年度部门决算表", (rows, [(0, 0, 0, 3)])])
    doc = read_docx(path, "0" * 64)
    lift_titles(doc)
    assert [t.title for t in doc.tables()] == ["收入支出决算总表"]


def _final_accounts(tmp_path: Path, amount: str) -> list:
    """A 部门决算 whose 公开05表 prints 本年支出 › 小计 | 基本支出 | 项目支出 (no 合计 column), and an item paragraph."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    rows = [
        ["科目编码", "科目名称", "本年支出", "", ""],
        ["", "", "小计", "基本支出", "项目支出"],
        ["", "合计", "3,606.25", "120.00", "3,486.25"],
        ["213", "农林水支出", "3,606.25", "120.00", "3,486.25"],
        ["21301", "农业农村", "3,606.25", "120.00", "3,486.25"],
        ["2130101", "行政运行", "120.00", "120.00", ""],
        ["2130122", "农业生产发展", "3,486.25", "", "3,486.25"],
    ]
    path = write_docx(
        tmp_path / "宁川县农业农村局2024年度部门决算.docx",
        [
            "宁川县农业农村局2024年度部门决算",
            "第二部分 2024年度部门决算表",
            "一般公共预算财政拨款支出决算表",
            "单位：万元",
            (rows, [(0, 2, 0, 4)]),
            "第三部分 2024年度部门决算情况说明",
            "（三）一般公共预算财政拨款支出决算具体情况",
            f"1.农林水支出（类）农业农村（款）农业生产发展（项）：年初预算为3620.00万元，支出决算为{amount}万元，"
            "完成年初预算的96.31%。",
        ],
    )
    return analyze_file(path).findings


def test_an_opening_subtotal_column_is_the_row_s_total_and_a_rate_fitting_the_table_blames_the_amount(
    tmp_path: Path,
) -> None:
    """adv62 A4: the item's 支出决算 3468.25 against its 公开05表 row's 小计 3486.25; the 96.31% printed after it is
    3486.25 ÷ 3620.00, so the amount is the slip, and the rate is no finding of its own."""
    assert _alarms(_final_accounts(tmp_path, "3486.25")) == []
    slip = [f for f in _final_accounts(tmp_path, "3468.25") if f.severity != "info"]
    assert [(f.rule, f.severity, str(f.stated_value)) for f in slip] == [
        ("template.narrative-vs-table", "error", "3468.25")
    ]
    assert "误在正文数 3468.25" in slip[0].explanation


def test_the_year_and_measure_of_a_rate_s_base_are_not_the_next_figures(tmp_path: Path) -> None:
    """全市一般公共预算收入预计267.40亿元，为2025年执行数的103.5%。其中，税收收入176.80亿元: 176.80 is 2026's plan, no second
    printing of 2025's 税收收入 170.24 (adv59 F1)."""
    text = (
        "关于西川市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n（一）一般公共预算执行情况\n"
        "全市一般公共预算收入258.36亿元，完成年初预算的100.9%，同比增长3.7%。其中，税收收入170.24亿元，增长1.3%；"
        "非税收入88.12亿元。\n二、2026年预算草案\n（一）全市预算安排\n"
        "全市一般公共预算收入预计267.40亿元，为2025年执行数的103.5%。其中，税收收入176.80亿元，非税收入90.60亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "176.80亿元").identity.period != "2025"
    assert _alarms(found) == []


def test_a_bare_budget_rate_fitting_the_initial_budget_is_right(tmp_path: Path) -> None:
    """年初预算332400万元，调整预算381900万元，完成355260万元，完成预算的106.9%: 355260 ÷ 332400 = 106.88% (adv59 F2);
    a rate fitting neither budget is an error."""
    text = (
        REPORT.replace("（一）一般公共预算\n", "（一）一般公共预算执行情况\n")
        + "县本级一般公共预算支出年初预算332400万元，调整预算381900万元，完成355260万元，完成预算的{rate}%。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(rate="106.9"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(rate="96.9"))[1]) == [("rate.completion", "error", "96.9")]


def test_a_row_named_for_a_scope_is_of_that_scope(tmp_path: Path) -> None:
    """A 市级 figure's growth is never computed on a 全市 row's 上年决算数 (adv61 F1: 39.22 against 155.919)."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    rows = [
        ["项目", "调整预算数", "决算数", "上年决算数", "比上年增长%"],
        ["税收收入", "924,220", "981,745", "936,738", "4.8"],
        ["全市一般公共预算收入", "1,528,376", "1,583,460", "1,559,190", "1.6"],
    ]
    path = write_docx(
        tmp_path / "赤川市2023年市级决算草案的报告.docx",
        [
            "关于赤川市2023年市级决算草案的报告",
            "一、2023年一般公共预算决算情况",
            "全市一般公共预算收入完成158.35亿元，同比增长1.6%。市级一般公共预算收入完成39.22亿元，同比增长2.3%。",
            "附表1 2023年赤川市一般公共预算收入决算表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert _alarms(analyze_file(path).findings) == []


def test_a_figure_of_the_year_a_change_compares_with_is_its_base(tmp_path: Path) -> None:
    """调整预算为39076.22万元，2025年…较2024年调整预算减少315.30万元，下降0.81%: 315.30 ÷ 39076.22 (adv60 F1)."""
    text = (
        "南川市交通运输局2025年部门预算\n一、收支预算总体情况\n"
        "2025年一般公共预算当年拨款38760.92万元，较2024年预算增加2945.10万元，增长8.22%。2024年执行中追加一般公共预算"
        "3260.40万元，调整预算为39076.22万元，2025年一般公共预算当年拨款较2024年调整预算减少315.30万元，下降{rate}%，"
        "主要原因是一次性资金不再安排。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(rate="0.81"), "部门预算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(rate="0.91"), "部门预算")[1]) == [
        ("template.change", "error", "0.91")
    ]


def test_parts_that_make_up_their_whole_go_on_past_a_semicolon(tmp_path: Path) -> None:
    """基本支出119,023万元，其中：人员经费105,816万元，主要包括…；公用经费14,407万元: 人员经费 and 公用经费 make up 基本支出, so
    the list goes on past the "；" even where its sum no longer fits (adv61 S4-4)."""
    text = (
        "泰川县2023年财政决算公开\n一、一般公共预算\n2023年县本级一般公共预算基本支出{total}万元，其中：人员经费105,816万元，"
        "主要包括工资奖金津补贴、社会保障缴费等；公用经费14,407万元，主要包括办公经费、会议费等。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(total="120,223"), "政府决算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(total="119,023"), "政府决算")[1]) == [
        ("sum.enumeration", "error", "119023")
    ]


def test_scores_whose_full_marks_add_up_to_the_total_s_are_every_part(tmp_path: Path) -> None:
    """自评得分96.00分…其中：预算编制得分19.50分（满分20分），…社会效应得分9.00分（满分10分）: 20 + 40 + 30 + 10 = 100, the list is
    complete and 95.00 ≠ 96.00 is an error (adv62 B2); without the full marks it may be partial."""
    text = (
        "某局2024年度部门整体支出绩效自评报告\n四、绩效自评结果\n经自评，本部门2024年度部门整体支出绩效自评得分96.00分。"
        "其中：预算编制得分19.50分{a}，预算执行得分37.80分{b}，履职效能得分28.70分{c}，社会效应得分9.00分{d}。\n"
    )
    marks = text.format(a="（满分20分）", b="（满分40分）", c="（满分30分）", d="（满分10分）")
    assert _alarms(scan_text(tmp_path, marks, "部门整体支出绩效自评报告")[1]) == [("sum.enumeration", "error", "96.00")]
    bare = text.format(a="", b="", c="", d="")
    assert _alarms(scan_text(tmp_path, bare, "部门整体支出绩效自评报告")[1]) == []


def test_both_totals_changed_alike_are_the_level_of_their_common_change(tmp_path: Path) -> None:
    """收入总计11587.24万元，支出总计11587.24万元。与上年相比，收、支总计各增加692.58万元，增长5.98% (adv62 A1: 6.36%)."""
    text = (
        "宁川县农业农村局2024年度部门决算\n第三部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
        "2024年度收入总计11587.24万元，支出总计11587.24万元。与上年相比，收、支总计各增加692.58万元，增长{rate}%。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(rate="6.36"), "部门决算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(rate="5.98"), "部门决算")[1]) == [
        ("template.change", "error", "5.98")
    ]


def test_a_base_printed_in_the_sentence_settles_the_change(tmp_path: Path) -> None:
    """与2023年度安排的7420.00万元相比，增加1230.00万元，增长14.22%: the base is printed, whichever measure it is (adv62 D4: an
    info before); a second base in one sentence is its own (比上年执行数352560万元下降7.0%, adv59 B1)."""
    text = (
        "某区2024年度专项资金绩效评价报告\n一、项目概况\n"
        "2024年度专项资金安排8650.00万元，与2023年度安排的7420.00万元相比，增加1230.00万元，增长14.22%。\n"
    )
    assert _alarms(scan_text(tmp_path, text, "财政支出绩效评价报告")[1]) == [
        ("change.stated-vs-computed", "error", "14.22")  # 1230 ÷ 7420 = 16.58%
    ]
    text = (
        "关于岳川县2025年预算执行情况和2026年预算草案的报告\n二、2026年预算草案\n县本级一般公共预算支出安排330500万元，"
        "比上年年初预算332400万元下降0.6%，比上年执行数{base}万元下降7.0%，主要是一次性资金未纳入年初预算。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(base="355260"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(base="352560"))[1]) == [
        ("change.stated-vs-computed", "error", "7.0")
    ]


def test_the_causes_of_an_adjustment_are_not_the_item_adjusted(tmp_path: Path) -> None:
    """执行中因上级补助增加、新增债券资金安排等调整为712.60亿元，实际完成668.32亿元: both are the 一般公共预算支出's, so the share
    of 民生支出 in another section finds its whole (adv59 C4: 521.29 ÷ 668.32 = 78.0%, printed 80.0%)."""
    text = (
        "关于襄川市2025年预算执行情况与2026年预算草案的报告\n一、2025年预算执行情况\n"
        "全市一般公共预算支出年初预算为635.00亿元，执行中因上级补助增加、新增债券资金安排等调整为712.60亿元，实际完成"
        "668.32亿元，为调整预算的93.8%，增长2.6%。\n二、2025年主要财政工作\n（一）聚焦民生保障。全市民生支出521.29亿元，"
        "占一般公共预算支出的比重达{share}%。\n"
    )
    claims, found = scan_text(tmp_path, text.format(share="78.0"))
    assert next(c for c in claims if c.quantity.text == "668.32亿元").subject == "一般公共预算支出"
    assert _alarms(found) == []
    assert _alarms(scan_text(tmp_path, text.format(share="80.0"))[1]) == [("share.stated-vs-computed", "error", "80.0")]


def test_an_item_named_with_its_code_is_checked_against_that_code_s_rows(tmp_path: Path) -> None:
    """公路养护（2140106）：4680.00万元 against the 2140106 公路养护 rows printing 4,860.00 (adv60 GX-2: no subject before)."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["214", "交通运输支出", "7,246.54", "2,386.54", "4,860.00"],
        ["21401", "公路水路运输", "7,246.54", "2,386.54", "4,860.00"],
        ["2140101", "行政运行", "2,386.54", "2,386.54", ""],
        ["2140106", "公路养护", "4,860.00", "", "4,860.00"],
    ]

    def findings(amount: str) -> list:
        path = write_docx(
            tmp_path / "南川市交通运输局2025年部门预算.docx",
            [
                "南川市交通运输局2025年部门预算",
                "一般公共预算支出表",
                "单位：万元",
                (rows, []),
                "三、一般公共预算支出预算情况",
                "交通运输支出（类）7246.54万元。其中：",
                "行政运行（2140101）：2386.54万元，较上年增加76.34万元，主要原因是人员工资标准调整。",
                f"公路养护（2140106）：{amount}万元，较上年增加30.00万元，主要原因是养护里程增加。",
            ],
        )
        return analyze_file(path).findings

    assert _alarms(findings("4860.00")) == []
    assert ("item_code.path-vs-rows", "error", "4680.00") in _alarms(findings("4680.00"))


# ------------------------------------------------------------------ review sets adv63–66: false alarms


def test_a_year_inside_a_bracket_dates_only_its_own_figure(tmp_path: Path) -> None:
    """…比2025年预算增长4.4%（2025年年初预算1,318,000万元）。加上…安排预算稳定调节基金57,020万元: 2026's figures, not 2025's
    (adv63 F1, F2); so are those after "低于2025年执行数…；" (F4)."""
    text = (
        "关于嘉川市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
        "市本级一般公共预算支出完成1,365,280万元。加上上解上级支出120,000万元、安排预算稳定调节基金50,000万元，"
        "支出合计1,535,280万元。\n二、2026年预算草案\n"
        "市本级一般公共预算支出安排1,376,500万元，比2025年预算增长4.4%（2025年年初预算1,318,000万元）。加上上解上级支出"
        "131,200万元、安排预算稳定调节基金57,020万元，支出合计1,564,720万元。\n"
        "全县一般公共预算支出安排312,531万元，低于2025年执行数主要是专项转移支付尚未下达；上解上级支出2,200万元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "57,020万元").identity.period == "2026"
    assert next(c for c in claims if c.quantity.text == "2,200万元").identity.period == "2026"
    assert [a for a in _alarms(found) if a[0].startswith("repeat")] == []


def test_a_total_read_back_to_a_break_may_have_a_part_before_it(tmp_path: Path) -> None:
    """全县…支出安排312,531万元，…；上解上级支出2,200万元，债务还本支出19,875万元，支出总计334,606万元: 312,531 stands before
    the "；", so 2,200 + 19,875 is not the whole list (adv63 F5); a 加上 list still names its first addend."""
    text = (
        "关于宾川县2025年预算执行情况和2026年预算草案的报告\n二、2026年预算草案\n"
        "全县一般公共预算支出安排312,531万元，比2025年年初预算增长2.1%，主要是保障重点支出；上解上级支出2,200万元，"
        "债务还本支出19,875万元，支出总计334,606万元，收支平衡。\n"
        "市级国有资本经营预算收入年初预算为6.2亿元，收入完成7.1亿元，加上年结转0.4亿元、上级补助0.1亿元，收入合计8.6亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text)[1]) == [("sum.enumeration", "error", "8.6")]  # 7.1 + 0.4 + 0.1 = 7.6


def test_what_a_part_is_used_for_is_no_part_of_the_list(tmp_path: Path) -> None:
    """新增专项债券18.60亿元，主要用于城市更新7.40亿元、产业园区基础设施6.20亿元、社会事业5.00亿元；再融资债券32.40亿元
    (adv63 F6)."""
    text = (
        "牡川市2025年上半年预算执行情况的报告\n一、政府债务\n上半年发行政府债券57.20亿元，其中：新增一般债券6.20亿元，"
        "主要用于保障性住房；新增专项债券18.60亿元，主要用于城市更新7.40亿元、产业园区基础设施6.20亿元、社会事业5.00亿元；"
        "再融资债券32.40亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text)[1]) == []


def test_a_name_before_a_bracket_is_the_figure_s_subject(tmp_path: Path) -> None:
    """2.林草资源监测与森林督查（曲靖市林业和草原局（本级））368.50万元: the project, not "（本级））" (adv64 F1, F2)."""
    text = (
        "曲川市林业和草原局2024年部门预算\n七、项目支出情况\n"
        "1.森林生态效益补偿资金（曲川市林业和草原局（本级））1,260.00万元。主要用于公益林补偿。\n"
        "2.林草资源监测与森林督查（曲川市林业和草原局（本级））368.50万元。主要用于资源监测。\n"
    )
    claims, found = scan_text(tmp_path, text, "部门预算")
    assert [c.subject for c in claims] == ["森林生态效益补偿资金", "林草资源监测与森林督查"]
    assert _alarms(found) == []


def test_shares_of_a_whole_printed_before_their_list_are_of_it(tmp_path: Path) -> None:
    """收入预算3330.94万元，其中：一般公共预算拨款收入3092.74万元，占90.96%；政府性基金预算拨款收入300.00万元，占9.01%: the
    whole is printed; 9.01% is right, and 90.96% is off because its part is (3029.74 printed 3092.74; adv64 F3)."""
    text = (
        "大川县农业农村局2024年部门预算\n二、收入预算情况说明\n大川县农业农村局2024年收入预算3330.94万元，其中：一般公共预算"
        "拨款收入3092.74万元，占90.96%；政府性基金预算拨款收入300.00万元，占9.01%；其他收入0.50万元，占0.02%。\n"
    )
    assert _alarms(scan_text(tmp_path, text, "部门预算")[1]) == [("share.stated-vs-computed", "warning", "90.96")]


def test_a_share_of_this_year_s_income_is_of_the_list_s_income_total(tmp_path: Path) -> None:
    """收入合计2316.84万元。其中：财政拨款收入…，占本年收入的91.47%；事业收入185.40万元，占本年收入的8.00%: 本年收入 is the
    list's 收入合计, never its fellow part 财政拨款收入 (adv66 F4, F5)."""
    text = (
        "洛川县疾控中心2024年度单位决算\n二、收入决算情况说明\n2024年度收入合计2316.84万元。其中：财政拨款收入2119.14万元，"
        "占本年收入的91.47%；事业收入185.40万元，占本年收入的{share}%；其他收入12.30万元，占本年收入的0.53%。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(share="8.00"), "单位决算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(share="8.10"), "单位决算")[1]) == [
        ("share.stated-vs-computed", "error", "8.10")
    ]


def test_a_total_after_added_transfers_is_not_a_table_total_of_own_revenue(tmp_path: Path) -> None:
    """收入预计1,109,720万元。加上上级补助收入…、上年结余…，收入合计2,373,720万元 against a table's 收入合计 1,109,720 (税收 +
    非税, no transfer in the table): one name, two totals (adv63 F3)."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    rows = [["项目", "2026年预算数"], ["收入合计", "1,109,720"], ["税收收入", "867,470"], ["非税收入", "242,250"]]
    path = write_docx(
        tmp_path / "嘉川市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "关于嘉川市2025年预算执行情况和2026年预算草案的报告",
            "二、2026年预算草案",
            "市本级一般公共预算收入预计1,109,720万元。加上上级补助收入246,860万元、调入资金228,400万元、上年结余788,740万元，"
            "收入合计2,373,720万元。",
            "附表3 2026年市本级一般公共预算收入预算表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert _alarms(analyze_file(path).findings) == []


def _table_doc(tmp_path: Path, name: str, lines: list, rows: list[list[str]], merges: list | None = None) -> list:
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    return analyze_file(write_docx(tmp_path / name, [*lines, (rows, merges or [])])).findings


def test_a_basic_expenditure_table_of_three_coded_blocks_sums_each_block(tmp_path: Path) -> None:
    """公开06表 as 人员经费 | 公用经费 › 302 … | 310 …: 302 is the sum of its 款 in its own block, never with 310's, and
    公用经费合计 = 302 + 310 (adv66 F1–F3)."""
    rows = [
        ["人员经费", "", "", "公用经费", "", "", "", "", ""],
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "100.00", "302", "商品和服务支出", "30.00", "310", "资本性支出", "4.50"],
        ["30101", "基本工资", "60.00", "30201", "办公费", "18.00", "31002", "办公设备购置", "4.50"],
        ["30102", "津贴补贴", "40.00", "30211", "差旅费", "12.00", "", "", ""],
        ["人员经费合计", "", "100.00", "公用经费合计", "", "", "", "", "{public}"],
    ]

    def findings(public: str) -> list:
        table = [[c.format(public=public) for c in r] for r in rows]
        return _table_doc(
            tmp_path,
            "宁川县农业农村局2024年度部门决算.docx",
            ["宁川县农业农村局2024年度部门决算", "一般公共预算财政拨款基本支出决算表", "单位：万元"],
            table,
            [(0, 0, 0, 2), (0, 3, 0, 8), (5, 3, 5, 7)],
        )

    assert _alarms(findings("34.50")) == []
    assert ("template.sum", "error", "35.50") in _alarms(findings("35.50"))


def test_a_column_numbers_row_after_the_code_headers_is_a_header(tmp_path: Path) -> None:
    """类 | 款 | 项 | 栏次 | 1 | 2 | 3: the 栏次 in the 科目名称 column numbers the columns; no figure (adv66 F6–F10)."""
    rows = [
        ["科目编码", "", "", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["类", "款", "项", "栏次", "1", "2", "3"],
        ["", "", "", "合计", "300.00", "100.00", "200.00"],
        ["210", "", "", "卫生健康支出", "300.00", "100.00", "200.00"],
        ["210", "04", "", "公共卫生", "300.00", "100.00", "200.00"],
        ["210", "04", "01", "疾病预防控制机构", "300.00", "100.00", "200.00"],
    ]
    found = _table_doc(
        tmp_path,
        "洛川县疾控中心2024年度单位决算.docx",
        ["洛川县疾控中心2024年度单位决算", "支出决算表", "单位：万元"],
        rows,
    )
    assert _alarms(found) == []


def test_a_head_total_over_groups_closed_by_subtotals_is_never_its_first_group_s(tmp_path: Path) -> None:
    """合计 at the top, then 一、… items 小计, 二、… items 小计: a 小计 off by 500 makes the 合计 miss Σ小计, which says so as info —
    not an error against the first group's rows (adv65 F1)."""
    rows = [
        ["项目", "合计"],
        ["合 计", "32,500"],
        ["一、返还性支出", ""],
        ["所得税基数返还支出", "6,000"],
        ["增值税税收返还支出", "4,000"],
        ["小 计", "10,000"],
        ["二、一般性转移支付", ""],
        ["均衡性转移支付支出", "12,000"],
        ["结算补助支出", "10,500"],
        ["小 计", "22,000"],
    ]
    found = _table_doc(
        tmp_path,
        "海川市2024年决算.docx",
        ["海川市2024年财政决算", "2024年海川市对区税收返还和转移支付决算表", "单位：万元"],
        rows,
    )
    assert [a for a in _alarms(found) if a[2] == "32500"] == []


def test_a_subtotal_of_indicators_leaves_out_the_budget_row_above_their_header(tmp_path: Path) -> None:
    """年度资金总额 | … | 分值 10 | 执行率 | 得分 9.86 above 绩效指标 | 一级指标 | … | 分值 | 得分: the first 小计 is of the
    indicators alone (adv66 F11, F12)."""
    rows = [
        ["年度预算申请（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "", "100.00", "100.00", "95.00", "10", "95.00%", "9.50"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "签约率", "≥75%", "78.6%", "30", "30", ""],
        ["产出指标", "质量指标", "合格率", "≥95%", "97.8%", "20", "18", ""],
        ["", "", "小计", "", "", "50", "48", ""],
    ]
    found = _table_doc(
        tmp_path,
        "济川县卫生健康局2024年度部门整体支出绩效自评报告.docx",
        ["济川县卫生健康局2024年度部门整体支出绩效自评报告", "部门整体支出绩效自评表"],
        rows,
    )
    assert [a for a in _alarms(found) if a[0] == "scoresheet.total"] == []


def test_the_sources_of_a_project_s_funds_add_up_to_its_total(tmp_path: Path) -> None:
    """年度资金总额 › 其中：当年财政拨款 | 上年结转资金 | 其他资金 name every source: 842.60 + 135.40 + 52.00 = 1030.00, not the
    1,038.00 printed (adv66 D3-S1); a target row below the breakdown is no part of it."""
    rows = [
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "", "800.00", "1,055.40", "{spent}", "10", "98.35%", "9.84"],
        ["其中：当年财政拨款", "", "800.00", "860.00", "842.60", "—", "—", "—"],
        ["上年结转资金", "", "0.00", "135.40", "135.40", "—", "—", "—"],
        ["其他资金", "", "0.00", "60.00", "52.00", "—", "—", "—"],
        ["年度总体目标", "", "预期目标", "", "实际完成情况", "", "", ""],
        ["完成农村户厕改造1500户", "", "", "", "完成农村户厕改造1526户", "", "", ""],
    ]

    def findings(spent: str) -> list:
        table = [[c.format(spent=spent) for c in r] for r in rows]
        return _table_doc(
            tmp_path,
            "赣川县农业农村局2024年度项目支出绩效自评表.docx",
            ["赣川县农业农村局2024年度项目支出绩效自评表", "项目支出绩效自评表"],
            table,
        )

    assert [a for a in _alarms(findings("1,030.00")) if a[0].startswith("sum")] == []
    assert [a for a in _alarms(findings("1,038.00")) if a[0].startswith("sum")] == [
        ("sum.table-rows", "error", "1038.00")
    ]


# ------------------------------------------------------------------ recall: rates in their common phrasings and tables


def test_a_budget_printed_inside_the_rate_s_phrase_is_its_base(tmp_path: Path) -> None:
    """完成年度预算25.60亿元的52.0% (13.31 ÷ 25.60 = 51.99%), and …138.6亿元（年初预算142.0亿元），完成预算的96.7% (97.61%):
    both went unchecked with subjects "年度" and "）" (adv63 S1, S4)."""
    text = (
        "关于牡川市2025年上半年预算执行情况的报告\n一、一般公共预算\n"
        "1-6月，全市一般公共预算收入完成13.31亿元，完成年度预算25.60亿元的{a}%，同比增长3.1%。\n"
        "省级政府性基金预算收入138.6亿元（年初预算142.0亿元），完成预算的{b}%。\n"
    )
    claims, right = scan_text(tmp_path, text.format(a="52.0", b="97.6"))
    assert {c.subject for c in claims if c.quantity.text in ("25.60亿元", "142.0亿元")} == {
        "一般公共预算收入",
        "省级政府性基金预算收入",
    }
    assert _alarms(right) == []
    assert _alarms(scan_text(tmp_path, text.format(a="50.2", b="96.7"))[1]) == [
        ("rate.completion", "error", "50.2"),
        ("rate.completion", "error", "96.7"),
    ]


def test_percent_columns_beside_columns_named_by_year(tmp_path: Path) -> None:
    """2025年预算数 | 2025年执行数 | 执行数为预算数的% in a table of 2025, and 2025年执行数 | 2026年预算数 | 增长% (adv65 §4,
    adv63 S3): the columns the header names are the table year's; a bare 增长% after two columns of consecutive years is the
    later's over the earlier's."""
    ratio = [
        ["项目", "2025年预算数", "2025年执行数", "执行数为预算数的%"],
        ["税收收入", "1,000", "1,050", "105.0"],
        ["非税收入", "500", "480", "{pct}"],
    ]
    growth = [
        ["项目", "2025年执行数", "2026年预算数", "增长%"],
        ["税收收入", "1,000", "1,050", "5.0"],
        ["非税收入", "500", "480", "{pct}"],
    ]
    lines = ["关于某市2025年预算执行情况和2026年预算草案的报告"]

    def alarms(rows: list[list[str]], title: str, pct: str) -> list:
        table = [[c.format(pct=pct) for c in r] for r in rows]
        return _alarms(_table_doc(tmp_path, "某市报告.docx", [*lines, title, "单位：万元"], table))

    assert alarms(ratio, "附表1 2025年全市一般公共预算收入执行情况表", "96.0") == []
    assert alarms(ratio, "附表1 2025年全市一般公共预算收入执行情况表", "69.0") == [
        ("percent_column.ratio", "error", "69.0")
    ]
    assert alarms(growth, "附表5 2026年全市一般公共预算收入预算表", "-4.0") == []
    assert alarms(growth, "附表5 2026年全市一般公共预算收入预算表", "-14.0") == [
        ("percent_column.growth", "warning", "-14.0")
    ]


# ------------------------------------------------------------------ review sets adv67–70: false alarms


def test_a_transfer_to_the_counties_is_not_the_counties_own_spending(tmp_path: Path) -> None:
    """加补助旗县市区支出209.84亿元 (市本级's transfer) and 旗县市区支出291.76亿元 (the counties' own) are two items
    (adv68 F3)."""
    text = (
        "关于乌川市2025年预算执行和2026年预算草案的报告\n一、2025年预算执行情况\n"
        "全市一般公共预算支出中，市本级支出104.73亿元，旗县市区支出291.76亿元。\n"
        "市本级一般公共预算支出104.73亿元，加补助旗县市区支出209.84亿元、上解自治区支出3.82亿元，支出合计318.39亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "209.84亿元").subject == "补助旗县市区支出"
    assert _alarms(found) == []


def test_a_total_after_its_parts_takes_only_the_parts_that_make_it(tmp_path: Path) -> None:
    """…发行再融资债券34.00亿元，偿还到期政府债务本金30.66亿元，支付利息16.07亿元，还本付息合计46.73亿元: 30.66 + 16.07 make it
    (adv68 F4); a 合计 after a "；" may sum a category its parts only exemplify (民生支出合计, F2)."""
    text = (
        "关于乌川市2025年预算执行和2026年预算草案的报告\n四、政府债务\n2025年全市发行新增政府债券26.48亿元，发行再融资债券"
        "34.00亿元，偿还到期政府债务本金30.66亿元，支付利息16.07亿元，还本付息合计46.73亿元。\n"
        "全市一般公共预算支出中，教育支出61.24亿元，社会保障和就业支出90.55亿元，卫生健康支出36.82亿元；民生支出合计"
        "318.06亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text)[1]) == []


def test_the_scope_of_a_qizhong_split_ends_with_its_sentence(tmp_path: Path) -> None:
    """…158.43亿元，…其中市本级43.08亿元，县区115.35亿元。税收收入110.24亿元，占一般公共预算收入的69.6%: the 税收收入 is the
    全市's, and so is the whole (adv68 F5)."""
    text = (
        "长川市2024年财政决算报告\n一、一般公共预算\n2024年全市一般公共预算收入决算数为158.43亿元，比上年增长3.1%，"
        "其中市本级43.08亿元，县区115.35亿元。税收收入110.24亿元，占一般公共预算收入的{share}%。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(share="69.6"), "政府决算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(share="67.6"), "政府决算")[1]) == [
        ("share.stated-vs-computed", "error", "67.6")
    ]


def test_words_of_a_reason_measure_no_figure_after_them(tmp_path: Path) -> None:
    """…比上年决算数增长6.8%，主要是上级转移支付和新增一般债券安排的支出增加。 (its 安排 is no 预算) — the next paragraph's
    市级一般公共预算收入63.18亿元 is the 决算, not the 年初预算65.00 (adv68 F6)."""
    text = (
        "蚌川市2024年市级决算报告\n（一）一般公共预算决算情况\n"
        "市级一般公共预算收入年初预算65.00亿元，调整预算62.80亿元，决算数63.18亿元，完成调整预算的100.6%。\n"
        "市级一般公共预算支出决算数122.15亿元，比上年决算数增长6.8%，主要是上级转移支付和新增一般债券安排的支出增加。\n"
        "市级一般公共预算收入63.18亿元，加上级转移支付248.63亿元，收入合计311.81亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text, "政府决算")[1]) == []


def test_who_approved_an_adjustment_names_no_item(tmp_path: Path) -> None:
    """执行中经市、县两级人大常委会批准调整为117.84亿元，实际完成118.50亿元…。其中：税收收入78.83亿元，增长0.8%，占…66.5%；
    非税收入39.67亿元: the 其中 breaks down the 118.50 (adv67 F13, F14)."""
    text = (
        "关于玉川市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
        "全市一般公共预算收入年初预算为119.37亿元，执行中经市、县两级人大常委会批准调整为117.84亿元，实际完成118.50亿元，"
        "完成调整预算的100.6%。其中：税收收入78.83亿元，增长0.8%，占一般公共预算收入的比重为66.5%；非税收入39.67亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "117.84亿元").subject == "一般公共预算收入"
    assert _alarms(found) == []


def test_the_measure_of_a_list_s_total_is_its_parts(tmp_path: Path) -> None:
    """全年预算数30872.67万元，其中：当年财政拨款26823.92万元…: the parts are 全年预算 figures (当年 in 当年财政拨款 is a name)."""
    text = (
        "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告\n二、部门预算及执行情况\n"
        "全年预算数30872.67万元，其中：当年财政拨款26823.92万元，上年结转资金1862.40万元，其他资金2186.35万元。\n"
    )
    claims, _ = scan_text(tmp_path, text, "部门整体支出绩效自评报告")
    assert {c.identity.measure for c in claims if c.relation == "part"} == {"调整预算"}


def test_two_projects_tables_are_two_projects(tmp_path: Path) -> None:
    """附件2-1 …自评表 项目名称：甲 and 附件2-2 …项目名称：乙, each with 年度资金总额 | 当年财政拨款: the project is the item, so
    one project's 1200.00 is no second printing of another's 6218.00 (adv67 F5–F10)."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    def table(budget: str, spent: str) -> list[list[str]]:
        return [
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "", budget, budget, spent, "10", "", ""],
        ]

    path = write_docx(
        tmp_path / "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告.docx",
        [
            "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告",
            "附件2-1 2024年度项目支出绩效自评表",
            "项目名称：基本公共卫生服务补助资金",
            "单位：万元",
            (table("6218.00", "6100.00"), []),
            "附件2-2 2024年度项目支出绩效自评表",
            "项目名称：卫生健康信息化建设项目",
            "单位：万元",
            (table("1200.00", "862.15"), []),
        ],
    )
    assert [a for a in _alarms(analyze_file(path).findings) if a[0].startswith("narrative_table")] == []


def test_a_text_figure_printed_in_another_measure_s_column_of_its_row_is_no_error(tmp_path: Path) -> None:
    """当年财政拨款26823.92万元 (the row's 全年预算数) against the 全年执行数 25507.82 of that row: the text's measure was misread,
    not a slip (adv67 F1–F3) — an info."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    rows = [
        ["年度预算执行情况（万元）", "", "年初预算数", "全年预算数", "全年执行数"],
        ["年度资金总额", "", "24861.06", "30872.67", "29150.82"],
        ["当年财政拨款", "", "22861.06", "26823.92", "25507.82"],
    ]
    path = write_docx(
        tmp_path / "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告.docx",
        [
            "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告",
            "三、部门预算及执行情况",
            "从资金来源看，全年预算数30872.67万元中，当年财政拨款26823.92万元，占86.89%。",
            "部门整体支出绩效自评表",
            (rows, []),
        ],
    )
    assert _alarms(analyze_file(path).findings) == []


def test_score_subtotals_without_a_label_and_score_rates(tmp_path: Path) -> None:
    """|  |  | 50 | 49 | under a block of indicators is its 小计 (adv70 F1–F8); 得分率 = 得分 ÷ 分值 (adv70 C3, SH2)."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率"],
        ["产出指标", "数量指标", "补助林场数量", "30", "30", "100.00%"],
        ["产出指标", "质量指标", "验收合格率", "20", "19", "95.00%"],
        ["", "", "", "50", "49", ""],
        ["效益指标", "社会效益指标", "职工收入增长率", "40", "{score}", "{rate}"],
        ["", "", "", "40", "{score}", ""],
        ["满意度指标", "服务对象满意度", "职工满意度", "10", "10", "100.00%"],
        ["总分", "", "", "100", "{total}", ""],
    ]

    def alarms(score: str, rate: str, total: str) -> list:
        table = [[c.format(score=score, rate=rate, total=total) for c in r] for r in rows]
        found = _table_doc(
            tmp_path,
            "湘川省林业局2024年度项目支出绩效自评表.docx",
            ["湘川省林业局2024年度项目支出绩效自评表", "项目支出绩效自评表"],
            table,
        )
        return [a for a in _alarms(found) if a[0].startswith("scoresheet")]

    assert alarms("36", "90.00%", "95") == []
    assert alarms("36", "96.00%", "95") == [("scoresheet.score-rate", "error", "96.00")]  # 36 ÷ 40 = 90%


def test_a_table_titled_by_its_region_s_name_is_the_whole_region_s(tmp_path: Path) -> None:
    """2025年吉川省一般公共预算收入执行情况表 is the 全省 table: 全省's growth is checked against it, 省级's is not (adv68)."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    rows = [["项目", "2024年执行数", "2025年执行数"], ["一般公共预算收入", "1,218.64", "1,261.20"]]

    def alarms(growth: str) -> list:
        path = write_docx(
            tmp_path / "吉川省2025年预算执行情况与2026年预算草案的报告.docx",
            [
                "关于吉川省2025年预算执行情况与2026年预算草案的报告",
                "一、2025年预算执行情况",
                f"全省一般公共预算收入1261.2亿元，比上年增长{growth}%。省级一般公共预算收入218.4亿元，比上年下降1.2%。",
                "表1 2025年吉川省一般公共预算收入执行情况表",
                "单位：亿元",
                (rows, []),
            ],
        )
        return [a for a in _alarms(analyze_file(path).findings) if a[0].startswith("change")]

    assert alarms("3.5") == []
    assert alarms("4.5") == [("change.stated-vs-computed", "error", "4.5")]


def test_a_budget_s_basic_expenditure_table_side_by_side_sums_each_side(tmp_path: Path) -> None:
    """一般公共预算基本支出表 as 人员经费 (301, 303) | 公用经费 (302): 302's 款 run on past the row where 303 opens on the left,
    and a 款 on the right is no parent of the left's rows (adv67 F11, F12)."""
    rows = [
        ["人员经费", "", "", "公用经费", "", ""],
        ["科目编码", "科目名称", "预算数", "科目编码", "科目名称", "预算数"],
        ["301", "工资福利支出", "100.00", "302", "商品和服务支出", "50.00"],
        ["30101", "基本工资", "100.00", "30201", "办公费", "20.00"],
        ["303", "对个人和家庭的补助", "30.00", "30226", "劳务费", "18.00"],
        ["30302", "退休费", "30.00", "30299", "其他商品和服务支出", "12.00"],
    ]
    found = _table_doc(
        tmp_path,
        "浙川省水利厅2026年部门预算.docx",
        ["浙川省水利厅2026年部门预算", "一般公共预算基本支出表", "单位：万元"],
        rows,
        [(0, 0, 0, 2), (0, 3, 0, 5)],
    )
    assert [a for a in _alarms(found) if a[0].startswith("template")] == []


def test_values_a_fenbie_pairs_with_shared_names_are_not_matched_to_one_indicator(tmp_path: Path) -> None:
    """高血压、2型糖尿病患者规范管理率分别达到78.4%和76.9%: the 78.4 is 高血压's, though it stands next to 糖尿病's name
    (adv67 F4) — no score-sheet value is compared with it."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "质量指标", "高血压患者规范管理率", "≥70%", "78.4%", "50", "50"],
        ["产出指标", "质量指标", "2型糖尿病患者规范管理率", "≥70%", "76.9%", "50", "50"],
        ["总分", "", "", "", "", "100", "100"],
    ]
    found = _table_doc(
        tmp_path,
        "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告.docx",
        [
            "泉川市卫生健康委员会2024年度部门整体支出绩效自评报告",
            "三、绩效目标完成情况",
            "高血压、2型糖尿病患者规范管理率分别达到78.4%和76.9%，均高于目标值。",
            "部门整体支出绩效自评表",
        ],
        rows,
    )
    assert _alarms(found) == []


def test_a_bracket_at_a_line_s_head_is_read_with_the_number_after_it() -> None:
    """…主要用于以下方面：社会保障和就业支出 / （类）192.35万元，占6.60%: the layout moved （类）192.35 to the next line as one
    unbreakable run, so the line before ends short without ending its paragraph (adv73 F1–F3, adv60)."""
    from extractors.pdf_lines import make_lines

    def chars(text: str, x0: float, top: float) -> list[dict]:
        out = []
        for ch in text:
            w = 16.0 if ch > "\u2e80" else 8.0
            out.append({"text": ch, "x0": x0, "x1": x0 + w, "top": top, "bottom": top + 16.0})
            x0 += w
        return out

    (line,) = make_lines(chars("（类）192.35万元，占6.60%", 100, 100), 1)
    assert line.lead >= 3 * 16 + 6 * 8  # （类） and 192.35


def test_a_rate_after_a_bracketed_breakdown_is_of_the_figure_broken_down(tmp_path: Path) -> None:
    """实际支出1,268.90万元（其中：当年资金1,246.04万元，上年结转资金22.86万元），预算执行率96.67%: of 1,268.90, and
    "年中使用上年结转资金26.16万元，全年预算1,312.56万元" is the project's budget, not the carry-over's (adv71 F1, F2)."""
    text = (
        "临川县2024年度基本公共卫生服务项目绩效评价报告\n一、项目概况\n"
        "2024年基本公共卫生服务项目年初预算1,286.40万元。年中使用上年结转资金26.16万元，全年预算1,312.56万元。"
        "截至2024年12月31日，实际支出1,268.90万元（其中：当年资金1,246.04万元，上年结转资金22.86万元），"
        "预算执行率{rate}%。\n"
    )
    claims, right = scan_text(tmp_path, text.format(rate="96.67"), "财政支出绩效评价报告")
    assert next(c for c in claims if c.quantity.text == "1,312.56万元").subject != "上年结转资金"
    assert _alarms(right) == []


def test_the_townships_a_district_counts_are_the_townships(tmp_path: Path) -> None:
    """全区7个乡镇（街道）一般公共预算支出决算数12,136万元: the 乡镇's, not the 全区's 260,264 (adv71 F3, F4)."""
    text = (
        "江川区2024年财政决算\n（一）全区一般公共预算收支决算\n全区一般公共预算支出决算数260,264万元，增长2.1%。\n"
        "（三）乡镇（街道）一般公共预算收支决算\n全区7个乡镇（街道）一般公共预算收入决算数5,524万元；一般公共预算支出决算数"
        "12,136万元。乡镇（街道）收入加上区对乡镇补助6,683万元、上年结余1,187万元后，收入总计13,394万元。\n"
    )
    claims, found = scan_text(tmp_path, text, "政府决算")
    assert next(c for c in claims if c.quantity.text == "12,136万元").identity.scope != "全区"
    assert [a for a in _alarms(found) if a[0].startswith("repeat")] == []
