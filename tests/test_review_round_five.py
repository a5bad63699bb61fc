"""Review round five (the gaps stop 26 left, and sets adv74–77): a score-sheet row the page break cut inside its
words is put back together; an indicator's 覆盖率 is never a project's 执行率, however alike their names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from model_builders import fact
from test_identity import scan_text
from test_stitch import SHEET_XS, part, texts

from extractors.stitch import stitch_tables
from extractors.wordcut import splits_a_word
from pipeline.checks import run_checks


def test_a_row_whose_labels_the_page_break_cut_inside_their_words_is_put_back_together() -> None:
    """社会效 | 特种设 | ≤0.15 | 10 at the foot of one page, 益指标 | 备万台死亡率 at the head of the next (adv70 天津):
    one row, or the rows after it are read under a header row made of the cut words, with no column labels."""
    a = part(
        1,
        [["社会效益指标", "重大食品安全事故发生数", "0起", "10"], ["社会效", "特种设", "≤0.15", "10"]],
        660,
        xs=SHEET_XS,
    )
    b = part(2, [["益指标", "备万台死亡率", "", ""], ["可持续影响指标", "平台覆盖率", "85%", "10"]], 72, xs=SHEET_XS)
    (t,) = stitch_tables([a, b])
    assert texts(t)[1] == ["社会效益指标", "特种设备万台死亡率", "≤0.15", "10"]
    assert t.n_rows == 3


def test_labels_that_end_on_a_word_at_the_page_break_begin_a_row_of_their_own() -> None:
    a = part(1, [["其他收入", "基本支出", "12.00", "30.00"]], 700, xs=SHEET_XS)
    b = part(2, [["使用非财政拨款结余", "项目支出", "", ""], ["总计", "合计", "12.00", "30.00"]], 72, xs=SHEET_XS)
    assert stitch_tables([a, b])[0].n_rows == 3


def test_a_word_across_the_join() -> None:
    assert splits_a_word("一般公", "共预算") and splits_a_word("服务对象满", "意度指标")
    assert not splits_a_word("其他收入", "使用非财政拨款结余") and not splits_a_word("基本支出", "")


SHEET = "临城县卫生健康局2024年度项目支出绩效自评表"


def test_an_indicator_s_rate_is_not_matched_to_a_project_s_execution_rate() -> None:
    """常住人口家庭医生签约服务覆盖率 39.4% against the 家庭医生签约服务 project's 执行率 96.52% (adv71 河北): a 覆盖率
    and an 执行率 are two measures, whatever the names share."""
    labels = ("产出指标", "质量指标", "常住人口家庭医生签约服务覆盖率")
    facts = [
        fact("186", ("家庭医生签约服务",), ("全年预算数",), 1, 4, 3, title="汇总表", unit="万元"),
        fact("179.52", ("家庭医生签约服务",), ("全年执行数",), 1, 4, 4, title="汇总表", unit="万元"),
        fact("96.52%", ("家庭医生签约服务",), ("执行率",), 1, 4, 6, title="汇总表"),
        fact("≥35%", labels, ("年度指标值",), 3, 11, 4, title=SHEET),
        fact("39.4%", labels, ("实际完成值",), 3, 11, 5, title=SHEET),
        fact("10", labels, ("分值",), 3, 11, 6, title=SHEET),
        fact("10", labels, ("得分",), 3, 11, 7, title=SHEET),
    ]
    found = run_checks([], facts, [])
    assert [f for f in found if f.rule == "scoresheet.actual-vs-elsewhere"] == []
    # the same name with the same measure is still compared
    facts[3] = fact("96.52%", ("家庭医生签约服务",), ("覆盖率",), 1, 4, 6, title="汇总表")
    found = run_checks([], facts, [])
    assert [f.rule for f in found if f.rule == "scoresheet.actual-vs-elsewhere"]


def test_a_debt_balance_over_its_ceiling_is_found_under_a_column_number_row() -> None:
    """栏次 | 1=2+3 | 2 | 3 | 4=5+6 | 5 | 6 under 合计 | 一般债务 | 专项债务 (adv72 吴忠): the numbers join the column
    labels, and the balance's debt type is still 专项债务."""
    title = "2024年全市地方政府债务限额及余额决算情况表"
    cols = [
        ("2024年债务限额", "合计", "1=2+3", "462,167"),
        ("2024年债务限额", "一般债务", "2", "311,306"),
        ("2024年债务限额", "专项债务", "3", "150,861"),
        ("2024年债务余额（决算数）", "合计", "4=5+6", "453,371"),
        ("2024年债务余额（决算数）", "一般债务", "5", "300,192"),
        ("2024年债务余额（决算数）", "专项债务", "6", "153,179"),
    ]
    facts = [fact(c[3], ("同心县",), c[:3], 1, 12, k + 2, title=title, unit="万元") for k, c in enumerate(cols)]
    found = [f for f in run_checks([], facts, []) if f.rule == "debt_limit.balance-over-limit"]
    assert [(f.subject, str(f.stated_value), str(f.expected_value)) for f in found] == [
        ("同心县 专项债务余额", "153179", "150861")
    ]


def _transfer_row(row: int, label: str, values: list[str], heads: list[str]) -> list:
    return [
        fact(v, (label,), (h,), 1, row, k + 2, title="2024年度阿克苏地区一般公共预算对下转移支付表", unit="万元")
        for k, (h, v) in enumerate(zip(heads, values, strict=True))
    ]


def test_a_total_column_that_names_its_measure_is_the_sum_of_the_region_columns() -> None:
    """项目 | 合计决算数 | 阿克苏市 | 库车市 | 温宿县 (adv72 阿克苏): the 合计决算数 of a row is the sum of its regions."""
    heads = ["合计决算数", "阿克苏市", "库车市", "温宿县"]
    facts = _transfer_row(2, "返还性支出", ["15422", "6378", "5847", "3197"], heads)
    facts += _transfer_row(3, "结算补助支出", ["26979", "9221", "9566", "9192"], heads)
    found = [f for f in run_checks([], facts, []) if f.severity != "info"]
    assert [(f.rule, f.subject, str(f.stated_value), str(f.expected_value)) for f in found] == [
        ("sum.table-columns", "结算补助支出", "26979", "27979")
    ]


def test_a_total_column_that_names_its_measure_beside_other_measures_is_not_summed() -> None:
    heads = ["合计决算数", "年初预算数", "调整预算数"]
    facts = _transfer_row(2, "返还性支出", ["15422", "15000", "15500"], heads)
    facts += _transfer_row(3, "结算补助支出", ["26979", "25000", "27000"], heads)
    assert [f for f in run_checks([], facts, []) if f.severity != "info"] == []


# ---------------------------------------------------------------- adv74–77: false findings and the mechanisms behind


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


SELF_EVAL = "某市生态环境局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n二、预算执行情况\n"


def test_last_year_s_execution_rate_is_not_checked_against_this_year_s_figures(tmp_path: Path) -> None:
    """…全年执行5,455.67万元，预算执行率96.58%，上年预算执行率为95.12% (adv76 宜昌): the 95.12% is 2023's."""
    text = SELF_EVAL + (
        "2024年度部门年初预算4,930.00万元，全年预算5,649.15万元，全年执行5,455.67万元，预算执行率96.58%，"
        "上年预算执行率为95.12%。\n"
    )
    _, found = scan_text(tmp_path, text, kind="部门整体支出绩效自评报告")
    assert _alarms(found) == []
    wrong = text.replace("预算执行率96.58%", "预算执行率97.58%")
    _, found = scan_text(tmp_path, wrong, kind="部门整体支出绩效自评报告")
    assert _alarms(found) == [("rate.execution-text", "error", "97.58")]


def test_a_rate_dated_by_another_year_is_not_of_the_sentence_s_figures(tmp_path: Path) -> None:
    text = SELF_EVAL + "2024年度部门全年预算5,649.15万元，全年执行5,455.67万元，2023年预算执行率为95.12%。\n"
    _, found = scan_text(tmp_path, text, kind="部门整体支出绩效自评报告")
    assert _alarms(found) == []


SANGONG = (
    "某厅2024年度部门决算\n第三部分 2024年度部门决算情况说明\n六、“三公”经费财政拨款支出决算情况说明\n"
    "2024年度“三公”经费财政拨款支出预算为128.00万元，支出决算为111.72万元，完成预算的87.28%，其中：因公出国（境）费"
    "支出决算为预算的73.10%；公务用车购置及运行维护费支出决算为预算的92.44%；公务接待费支出决算为预算的69.67%。\n"
)


def test_an_item_s_own_completion_rate_is_not_the_total_s(tmp_path: Path) -> None:
    """其中：因公出国（境）费支出决算为预算的73.10% after the 三公 total's 111.72 ÷ 128.00 (adv74 甘肃): the item's rate,
    whose figures this sentence does not print."""
    _, found = scan_text(tmp_path, SANGONG, kind="部门决算")
    assert _alarms(found) == []
    _, found = scan_text(tmp_path, SANGONG.replace("87.28%", "88.28%"), kind="部门决算")
    assert [a[2] for a in _alarms(found)] == ["88.28"]


def test_a_name_with_a_bracketed_list_is_one_part(tmp_path: Path) -> None:
    """县（市、区）配套资金 is one name (adv76 达州): its 、 breaks neither the subject nor the list."""
    from extractors.clauses import split_clauses

    assert split_clauses("万元，县（市、区）配套资金") == ["万元", "县（市、区）配套资金"]
    text = (
        "某市2024年度农村公路养护专项资金绩效评价报告\n一、项目概况\n"
        "2024年度专项资金预算15,982.80万元。其中，省级补助资金8,460.00万元，市级财政资金2,150.00万元，"
        "县（市、区）配套资金5,362.80万元。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="财政支出绩效评价报告")
    assert "县（市、区）配套资金" in {c.subject for c in claims}
    (short,) = [f for f in found if f.rule.startswith("sum.enumeration")]
    assert (
        "8460.00 + 2150.00 + 5362.80 = 15972.80" in short.explanation
    )  # 8460 + 2150 + 5362.80 = 15972.80: the three parts are the whole list


def test_a_planned_figure_is_no_indicator_s_actual() -> None:
    """年度计划开展农业实用技术培训1200人次 (adv76 松阳): the plan, not what was done."""
    from model_builders import claim

    from pipeline.checks.scoresheet import _stated_as_target

    sentence = "年度计划开展农业实用技术培训1200人次，超额完成年度任务，完成率113.0%。"
    assert _stated_as_target(claim("1200人次", "农业实用技术培训", sentence))
    done = "全年实际开展农业实用技术培训1356人次，超计划完成。"
    assert not _stated_as_target(claim("1356人次", "农业实用技术培训", done))


def test_one_printed_figure_out_by_one_amount_is_one_finding_and_its_computed_figures_follow_it() -> None:
    """总分 94 against its items' 93 (scoresheet.total and sum.table-rows) is one finding; the 合计 得分率 93.00% that
    fits the right 93 is no finding of its own (adv76 宜昌)."""
    title = "表3 部门整体支出绩效自评得分表"
    facts = []
    for r, (name, pts, score, rate) in enumerate(
        [
            ("决策", "20", "19.2", "96.00%"),
            ("过程", "20", "18.1", "90.50%"),
            ("产出", "30", "28.4", "94.67%"),
            ("效益", "30", "27.3", "91.00%"),
            ("合计", "100", "94.00", "93.00%"),
        ],
        start=2,
    ):
        facts += [
            fact(pts, (name,), ("分值",), 3, r, 2, title=title, unit="分"),
            fact(score, (name,), ("得分",), 3, r, 3, title=title, unit="分"),
            fact(rate, (name,), ("得分率",), 3, r, 4, title=title),
        ]
    found = [f for f in run_checks([], facts, []) if f.severity != "info"]
    assert [(f.rule, str(f.stated_value)) for f in found] == [("scoresheet.total", "94.00")]
    assert "sum.table-rows" in found[0].explanation and "r7c5 所写 93.00" in found[0].explanation


def test_texts_in_the_body_over_no_column_of_figures_are_no_header_row() -> None:
    """可持续影响 | 幼儿园办园 | … | 7 | 7 above, | 指标 | 条件持续改善 | | | | below (adv74 南京: a row's words left on the
    next page): the rows after it keep their columns' labels (分值, 得分)."""
    from test_tablefacts import make_table

    from extractors.tablefacts import table_facts

    t = make_table(
        [
            ["一级指标", "二级指标", "三级指标", "分值", "得分"],
            ["效益指标", "可持续影响", "幼儿园办园", "7", "7"],
            ["", "指标", "条件持续改善", "", ""],
            ["满意度指标", "服务对象满意度指标", "家长满意度", "10", "10"],
        ]
    )
    last = [f for f in table_facts(t) if f.prov.row == 3]
    assert [tuple(f.column_labels) for f in last] == [("分值",), ("得分",)]


def test_a_numbered_title_whose_name_starts_with_yiban_is_recognised() -> None:
    """表五一般公共预算支出表 (adv77 福建): the numeral is 五, not 五一."""
    from extractors.table_identity import identify_table

    assert identify_table("表五一般公共预算支出表") == "ys.gp"
    assert identify_table("表十一一般公共预算基本支出表") == "ys.gp_basic"
    # 收入支出决算表 公开01表 (山西: the number after the name)
    assert identify_table("收入支出决算表 公开01表") == "js.total"
    assert identify_table("财政拨款收入支出决算表") == "js.czbk_total"


def test_a_unit_line_padded_with_spaces_is_still_a_caption_line() -> None:
    """部门名称：吉林省文化和旅游厅 + 55 spaces + 单位：万元 (adv77): the table keeps its title and unit."""
    from extractors.txt_reader import caption_of

    line = "部门名称：吉林省文化和旅游厅" + " " * 55 + "金额单位：万元"
    assert caption_of(["收支总表", line]) == ("收支总表", "万元")


def test_a_full_width_percent_is_shown_once() -> None:
    from extractors.numbers import parse_quantity
    from pipeline.checks.base import shown

    q = parse_quantity("８１．７２％")
    assert q is not None and shown(q) == "８１．７２％"


def test_a_change_after_a_bracketed_breakdown_is_of_the_figure_broken_down(tmp_path: Path) -> None:
    """公务用车购置及运行维护费42.8万元（其中：公务用车购置费0万元，公务用车运行维护费42.8万元），比上年减少30.8万元
    (adv64 曲靖): the 30.8 is the 购置及运行维护费's change, not the bracket's last item's."""
    text = (
        "某局2024年部门预算\n七、“三公”经费预算情况说明\n"
        "其中：公务接待费18.6万元，比上年减少2.6万元；公务用车购置及运行维护费42.8万元（其中：公务用车购置费0万元，"
        "公务用车运行维护费42.8万元），比上年减少30.8万元。\n"
    )
    claims, _ = scan_text(tmp_path, text, kind="部门预算")
    change = next(c for c in claims if c.quantity.text == "30.8万元")
    assert change.relation == "change" and change.subject == "公务用车购置及运行维护费"


HALF_YEAR = (
    "铜梁区2025年上半年预算执行情况的报告\n一、上半年预算执行情况\n（一）一般公共预算执行情况\n"
    "1—6月，全区一般公共预算支出完成412,580万元，完成年度预算的{rate}%，同比增长5.9%。\n"
    "（二）政府性基金预算执行情况\n"
    "1—6月，全区政府性基金预算收入完成128,640万元，完成年度预算的38.6%。其中，国有土地使用权出让收入{land}万元。\n"
    "附表2 铜梁区2025年1—6月一般公共预算支出执行情况表\n单位：万元\n"
    "项目\t2025年预算\t1—6月完成\t完成预算%\t上年同期\t同比增长%\n"
    "一般公共预算支出\t798,000\t412,580\t51.7\t389,460\t5.9\n"
    "附表3 铜梁区2025年1—6月政府性基金预算收支执行情况表\n单位：万元\n"
    "项目\t2025年预算\t1—6月完成\t完成预算%\t上年同期\t同比增长%\n"
    "政府性基金预算收入\t333,000\t128,640\t38.6\t146,850\t-12.4\n"
    "国有土地使用权出让收入\t305,000\t115,280\t37.8\t134,260\t-14.1\n"
)


def test_a_half_year_s_figures_meet_the_tables_of_that_stretch_of_the_year(tmp_path: Path) -> None:
    """1—6月 in the text and 2025年1—6月 in the table's title are one period; the 2025年预算 column is the year's budget
    a 完成年度预算的 rate is of (adv75 铜梁)."""
    _, found = scan_text(tmp_path, HALF_YEAR.format(rate="51.7", land="115,280"))
    assert _alarms(found) == []
    _, found = scan_text(tmp_path, HALF_YEAR.format(rate="52.7", land="115,820"))
    assert sorted(a[0] for a in _alarms(found)) == ["narrative_table.mismatch", "rate.completion"]


def test_an_added_list_after_a_qizhong_sentence_adds_to_the_level_that_sentence_broke_down(tmp_path: Path) -> None:
    """…收入178.4亿元，完成预算的91.5%。其中，国有土地使用权出让收入142.7亿元，…。加上…，收入总量为555.0亿元 (adv75 青海):
    178.4 + 15.6 + 318.9 + 52.1 = 565.0."""
    text = (
        "青海省2025年预算执行情况的报告\n（二）政府性基金预算\n"
        "全省政府性基金预算收入178.4亿元，完成预算的91.5%，下降6.2%。其中，国有土地使用权出让收入142.7亿元，下降8.5%，"
        "主要是土地出让规模缩减。加上中央补助收入15.6亿元、地方政府专项债务收入318.9亿元、上年结转{carried}亿元，"
        "收入总量为555.0亿元。\n"
    )
    _, found = scan_text(tmp_path, text.format(carried="42.1"))
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == []
    _, found = scan_text(tmp_path, text.format(carried="52.1"))
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == [("sum.enumeration", "error", "555.0")]


# ---------------------------------------------------------------- round two (adv78–81)


def test_a_rest_in_the_middle_of_a_list_does_not_close_it(tmp_path: Path) -> None:
    """其中：城乡社区支出79.56亿元，其他支出12.56亿元，债务付息支出9.94亿元 (adv80 阿克苏): 其他支出 is a 功能类 here, not
    the rest; a list ending in its 其他… names every part — unless that 其他… is itself a 类 of the classification its
    other parts are 类 of (其他支出 after 城乡社区支出 and 债务付息支出: adv243 F3, a reviewed change of stop 36), where it
    may be the 类 as well as the rest."""
    text = "某地区2025年预算执行情况的报告\n（二）政府性基金预算\n全地区政府性基金预算支出完成112.85亿元。其中：{parts}。\n"
    middle = "城乡社区支出79.56亿元，其他支出12.56亿元，债务付息支出9.94亿元"
    _, found = scan_text(tmp_path, text.format(parts=middle))
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == []
    last = "城乡社区支出79.56亿元，债务付息支出9.94亿元，其他支出12.56亿元"
    _, found = scan_text(tmp_path, text.format(parts=last))
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == []
    rest = "城乡社区支出79.56亿元，债务付息支出9.94亿元，其他政府性基金支出12.56亿元"  # a rest that is no 类
    _, found = scan_text(tmp_path, text.format(parts=rest))
    assert [a[0] for a in _alarms(found)] == ["sum.enumeration"]


def test_contracts_are_a_share_of_what_was_bought_not_of_the_budget(tmp_path: Path) -> None:
    text = (
        "某局2024年度部门整体支出绩效自评报告\n（五）政府采购情况\n全年政府采购预算1350.00万元，实际采购金额1286.44万元，"
        "其中授予中小企业合同金额1102.37万元，占政府采购金额的{share}%。\n"
    )
    _, found = scan_text(tmp_path, text.format(share="85.69"), kind="部门整体支出绩效自评报告")
    assert _alarms(found) == []
    _, found = scan_text(tmp_path, text.format(share="81.66"), kind="部门整体支出绩效自评报告")
    assert [a[0] for a in _alarms(found)] == ["procurement.sme-share"]


def test_an_execution_rate_printed_as_100_for_spending_over_the_budget_is_no_finding() -> None:
    title = "项目支出绩效自评表"
    facts = [
        fact("1186.35", ("年度资金总额",), ("全年预算数",), 1, 4, 3, title=title, unit="万元"),
        fact("1192.08", ("年度资金总额",), ("全年执行数",), 1, 4, 4, title=title, unit="万元"),
        fact("100.00%", ("年度资金总额",), ("执行率",), 1, 4, 6, title=title),
    ]
    assert [f for f in run_checks([], facts, []) if f.severity != "info"] == []


def test_an_item_s_own_budget_is_no_whole_of_what_it_spent(tmp_path: Path) -> None:
    """调整后全年预算数…其中基本支出3402.17万元、项目支出7835.62万元 … 项目支出7214.33万元，占全年支出的67.98% (adv81
    无锡): 全年支出 is not the 项目支出 budget printed before."""
    text = SELF_EVAL + (
        "调整后全年预算数为11237.79万元，其中基本支出3402.17万元、项目支出7835.62万元。\n"
        "全年执行数10612.39万元。\n"
        "从支出结构看，基本支出3398.06万元，占全年支出的32.02%；项目支出7214.33万元，占全年支出的67.98%。\n"
    )
    _, found = scan_text(tmp_path, text, kind="部门整体支出绩效自评报告")
    assert [a for a in _alarms(found) if a[0].startswith("share")] == []


def test_counts_of_another_kind_are_no_parts_of_a_count_total(tmp_path: Path) -> None:
    """内设机关处室15个，所属事业单位14个，纳入…的单位共15个 (adv81 吉林): 处室 are no 单位."""
    text = (
        "吉林省水利厅2024年度部门整体支出绩效自评报告\n一、部门基本情况\n"
        "吉林省水利厅内设机关处室15个，所属事业单位14个，纳入2024年度部门决算编报范围的单位共15个。\n"
    )
    _, found = scan_text(tmp_path, text, kind="部门整体支出绩效自评报告")
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == []
    # places counted by one noun still add up: 建塘村15户、北山村20户，共36户
    _, found = scan_text(
        tmp_path, "一、帮扶情况\n全镇帮扶建塘村15户、北山村20户，共36户。\n", kind="部门整体支出绩效自评报告"
    )
    assert [a[0] for a in _alarms(found)] == ["sum.enumeration"]


def test_two_scopes_changes_said_each_with_its_own_word_are_each_scope_s(tmp_path: Path) -> None:
    """全市和市本级增值税分别为45.49亿元和10.89亿元，分别比上年下降6.3%和下降6.5% (adv78 衡水)."""
    text = "衡水市2025年预算执行情况的报告\n（一）一般公共预算\n" + (
        "全市和市本级增值税分别为45.49亿元和10.89亿元，分别比上年下降6.3%和下降6.5%。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert _alarms(found) == []
    rates = {c.quantity.text: (c.subject, c.relation) for c in claims if c.quantity.dimension == "percent"}
    assert rates == {"6.3%": ("全市增值税", "change"), "6.5%": ("市本级增值税", "change")}


def test_a_figure_stating_no_item_is_not_each_item_s(tmp_path: Path) -> None:
    """全市社会保险基金…当年收支结余143916万元 and, under 1.… and 2.…, each 险种's 当年收支结余 (adv78 江门)."""
    text = "江门市2025年社会保险基金预算执行情况\n（一）全市社会保险基金预算执行情况\n" + (
        "2025年全市社会保险基金收入1452984万元，其中财政补贴收入367600万元。当年收支结余143916万元。\n"
        "1.机关事业单位基本养老保险基金。收入418635万元，其中财政补贴收入68420万元；支出409216万元；当年收支结余9419万元。\n"
        "2.城乡居民基本养老保险基金。收入191284万元，其中财政补贴收入102360万元；支出129873万元；当年收支结余61411万元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert [a for a in _alarms(found) if a[0].startswith("repeat")] == []
    spending = next(c for c in claims if c.quantity.text == "409216万元")
    assert spending.subject == "机关事业单位基本养老保险基金支出"


def test_an_adjustment_from_through_to_is_read_as_before_change_after(tmp_path: Path) -> None:
    """上级补助收入由年初预算312,400万元调增28,760万元至341,610万元 (adv75 永丰, adv78 夷陵): 312,400 + 28,760 = 341,160."""
    text = "某区2026年预算调整方案的报告\n（一）一般公共预算调整\n上级补助收入由年初预算312,400万元调增28,760万元至{after}万元。\n"
    claims, found = scan_text(tmp_path, text.format(after="341,160"))
    assert _alarms(found) == []
    roles = [(c.subject, c.relation) for c in claims]
    assert roles == [("上级补助收入", ""), ("上级补助收入", "change"), ("上级补助收入", "")]
    assert [claims[0].role, claims[2].role] == ["年初", "全年"] and claims[0].base
    _, found = scan_text(tmp_path, text.format(after="341,610"))
    assert [a[0] for a in _alarms(found)] == ["adjustment.stated-in-text"]


def test_the_figure_a_balance_moved_from_is_last_year_s(tmp_path: Path) -> None:
    """全市政府债务余额…2024年末为440.53亿元。其中，一般债务余额由188.27亿元增至212.98亿元，专项债务余额由187.30亿元增至
    227.55亿元 (adv78 天水): 188.27 is no other printing of 2024's 212.98, and 212.98 + 227.55 = 440.53."""
    text = "天水市2024年政府债务情况说明\n二、政府债务余额情况\n" + (
        "全市政府债务余额由2023年末的375.57亿元，加上2024年发行政府债券88.69亿元，减去偿还本金23.73亿元，2024年末为440.53亿元。"
        "其中，一般债务余额由188.27亿元增至212.98亿元，专项债务余额由187.30亿元增至227.55亿元。\n"
    )
    _, found = scan_text(tmp_path, text, kind="地方政府债务表")
    assert _alarms(found) == []


def test_a_comparison_base_after_a_date_and_an_ordinal_is_a_base(tmp_path: Path) -> None:
    """决算数比2026年1月向县十八届人大六次会议报告的执行数312417万元增加356万元。其中：… (adv78 武义): the 其中 list
    breaks down the 决算数, not the 执行数 it was compared with."""
    text = "武义县2025年财政决算的报告\n1.收入决算\n" + (
        "2025年全县一般公共预算收入决算数为312773万元。决算数比2026年1月向县十八届人大六次会议报告的执行数312417万元"
        "增加356万元，主要是年终决算清理调整入库。其中：税收收入232041万元；非税收入80732万元。\n"
    )
    _, found = scan_text(tmp_path, text, kind="政府决算")
    assert _alarms(found) == []


def test_parts_that_add_up_to_the_part_before_them_are_its_breakdown(tmp_path: Path) -> None:
    """还本付息35.08亿元。其中：偿还本金23.73亿元，利用再融资债券偿还20.94亿元，通过财政预算资金等偿还2.79亿元；支付利息
    11.35亿元 (adv78 天水): 20.94 + 2.79 are 本金 by source."""
    text = "天水市2024年政府债务情况说明\n三、还本付息情况\n" + (
        "2024年全市政府债务还本付息35.08亿元。其中：偿还本金23.73亿元，利用再融资债券偿还20.94亿元，"
        "通过财政预算资金等偿还2.79亿元；支付利息11.35亿元。\n"
    )
    _, found = scan_text(tmp_path, text, kind="地方政府债务表")
    assert _alarms(found) == []


def test_an_adjustment_table_s_columns_are_before_change_and_after() -> None:
    from pipeline.checks.base import role_of_labels

    assert [role_of_labels([c], 2026) for c in ("调整前", "调整数", "调增（减）数", "调整后")] == [
        "budget",
        "change",
        "change",
        "budget_full",
    ]


def test_a_table_copied_from_a_web_page_with_its_columns_lined_up_by_spaces_is_a_table() -> None:
    """表一 … as a web page prints it (adv75 佳木斯, adv80 鼓楼): cells split by runs of spaces, a header whose 项    目
    is one cell, the rows' indentation kept as their level."""
    from extractors.txt_reader import parse_text

    text = (
        "表一  鼓楼区2025年1—6月一般公共预算收入执行情况表\n单位：万元\n"
        "项    目      年初预算      1—6月累计      占年初预算%\n"
        "一般公共预算收入     481332     244736     50.8\n"
        "  税收收入  370746  186420  50.3\n"
        "  非税收入      110586      58316      52.7\n"
        "\n    2025年1—6月，全区一般公共预算收入完成24.47亿元，为年度预算的50.8%。\n"
    )
    doc = parse_text(text)
    (table,) = doc.tables()
    rows = [[c.text for c in r] for r in table.rows()]
    assert rows[0] == ["项目", "年初预算", "1—6月累计", "占年初预算%"]
    assert rows[2] == ["税收收入", "370746", "186420", "50.3"]
    assert [r[0].indent for r in table.rows()[1:]] == [0.0, 10.0, 10.0]
    assert "鼓楼区2025年1—6月一般公共预算收入执行情况表" in (table.title or "") and table.unit == "万元"
    assert [p.text for p in doc.paragraphs()][-1].startswith("2025年1—6月")


def test_a_line_of_a_web_page_s_header_is_no_table() -> None:
    from extractors.txt_reader import parse_text

    doc = parse_text("发布时间：2025-07-18 10:26    来源：区财政局    浏览次数：1362\n\n正文。\n")
    assert doc.tables() == []


def test_two_percent_columns_out_by_one_swapped_amount_blame_the_amount() -> None:
    """城市维护建设税 | 27,000 | 27,350 | 102.0 | 26,340 | 4.5 (adv75 佳木斯): 27,530 makes both percents right."""
    title = "附表1 2025年全市一般公共预算收入执行情况表"
    heads = ["预算数", "执行数", "完成预算%", "上年执行数", "比上年增长%"]

    def row(r: int, name: str, values: list[str]) -> list:
        return [
            fact(v, (name,), (h,), 1, r, k + 2, title=title, unit="%" if "%" in h else "万元")
            for k, (h, v) in enumerate(zip(heads, values, strict=True))
        ]

    facts = row(2, "增值税", ["139,000", "142,350", "102.4", "136,810", "4.0"])
    facts += row(3, "城市维护建设税", ["27,000", "27,350", "102.0", "26,340", "4.5"])
    found = [f for f in run_checks([], facts, []) if f.severity != "info"]
    assert [(f.rule, str(f.stated_value), str(f.expected_value), f.prov.col) for f in found] == [
        ("percent_column.ratio", "27350", "27530", 3)
    ]


# ---------------------------------------------------------------- round three (adv82–83)


def test_each_fund_s_bare_spending_after_a_semicolon_is_that_fund_s(tmp_path: Path) -> None:
    """A基金收入…（其中…），支出86,246万元；B基金收入26,669万元（其中…），支出20,246万元 (adv82 历城)."""
    text = "历城区2025年上半年预算执行情况的报告\n（四）社会保险基金预算\n" + (
        "分险种看：机关事业单位基本养老保险基金收入100,023万元（其中财政补贴收入46,011万元），支出86,246万元；"
        "城乡居民基本养老保险基金收入26,669万元（其中财政补贴收入14,668万元），支出20,246万元。\n"
    )
    claims, _ = scan_text(tmp_path, text)
    subjects = {c.quantity.text: c.subject for c in claims}
    assert subjects["86,246万元"] == "机关事业单位基本养老保险基金支出"
    assert subjects["20,246万元"] == "城乡居民基本养老保险基金支出"


def test_a_total_named_otherwise_than_the_parent_the_list_names_is_one_more_item(tmp_path: Path) -> None:
    """一般性转移支付收入中，均衡性…、县级…、巩固…，各类共同财政事权转移支付收入合计139700万元 (adv82 富平)."""
    text = "富平县2024年财政决算的报告\n（一）一般公共预算\n" + (
        "一般性转移支付收入中，均衡性转移支付收入98760万元，县级基本财力保障机制奖补资金收入21340万元，"
        "巩固脱贫攻坚成果衔接乡村振兴转移支付收入18960万元，各类共同财政事权转移支付收入合计139700万元。\n"
    )
    _, found = scan_text(tmp_path, text, kind="政府决算")
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == []


def test_a_qizhong_after_a_movement_breaks_down_the_figure_reached(tmp_path: Path) -> None:
    """全市政府债务余额由上年末的1717.82亿元增至1883.34亿元…。其中：一般债务余额805.87亿元…；专项债务余额1077.47亿元 (adv82
    鞍山)."""
    text = "鞍山市2024年政府债务情况说明\n一、政府债务余额\n" + (
        "截至2024年末，全市政府债务余额由上年末的1717.82亿元增至1883.34亿元，增加165.52亿元，增长9.6%。"
        "其中：一般债务余额805.87亿元，比上年末增加19.63亿元；专项债务余额1077.47亿元，比上年末增加145.89亿元。\n"
    )
    _, found = scan_text(tmp_path, text, kind="地方政府债务表")
    assert _alarms(found) == []


def test_a_two_sided_table_s_rows_printed_on_one_side_only_keep_their_side_s_labels() -> None:
    """收 入 | 支 出 with the income side ending first (adv82 泰州): the spending rows below take no income label and
    keep the table's unit, not the income side's 增长% column's."""
    from test_tablefacts import make_table

    from extractors.tablefacts import table_facts

    t = make_table(
        [
            ["项目", "2025年执行数", "增长%", "项目", "2025年执行数", "增长%"],
            ["一般公共预算收入", "795425", "3.0", "一般公共预算支出", "1274975", "3.3"],
            ["上年结转", "52300", "-7.0", "卫生健康支出", "107927", "-1.9"],
            ["", "", "", "节能环保支出", "33753", "12.5"],
            ["", "", "", "城乡社区支出", "60000", "1.0"],
            ["", "", "", "农林水支出", "50000", "2.0"],
            ["", "", "", "交通运输支出", "40000", "3.0"],
        ],
        unit="万元",
    )
    row = [f for f in table_facts(t) if f.prov.row == 3]
    assert [(tuple(f.row_labels), f.quantity.unit) for f in row] == [
        (("节能环保支出",), "万元"),
        (("节能环保支出",), "%"),
    ]


def test_titles_with_a_number_label_after_them_or_a_body_s_name_before_them_are_recognised() -> None:
    """2026年部门收支总表 部门公开表01 (adv83 番禺); 黑龙江省民政厅2025年一般公共预算“三公”经费支出表 (adv83); a 项目支出预算表
    lists projects and is no 支出总表."""
    from extractors.table_identity import identify_table

    assert identify_table("2026年部门收支总表 部门公开表01") == "ys.total"
    assert identify_table("黑龙江省民政厅2025年一般公共预算“三公”经费支出表") == "ys.sangong"
    assert identify_table("黑龙江省民政厅2025年项目支出预算表") is None
    assert identify_table("2025年支出预算表") == "ys.expense"


def test_a_ceiling_further_down_a_column_is_no_column_of_changes() -> None:
    """年度资金总额 487.96 › 其中：当年财政拨款 402.36 | 上年结转资金 85.60 | 其他资金 24.00, and a 成本指标 ≤50万元 lower in the
    column (adv83 宜昌): the 其中 rows are checked (they add up to 511.96)."""
    title = "项目支出绩效自评表"
    facts = [
        fact("487.96", ("年度资金总额",), ("全年执行数",), 1, 4, 5, title=title, unit="万元"),
        fact("402.36", ("其中：当年财政拨款",), ("全年执行数",), 1, 5, 5, title=title, unit="万元"),
        fact("85.60", ("上年结转资金",), ("全年执行数",), 1, 6, 5, title=title, unit="万元"),
        fact("24.00", ("其他资金",), ("全年执行数",), 1, 7, 5, title=title, unit="万元"),
        fact("≤50万元", ("成本指标", "单个项目补助上限"), ("全年执行数",), 1, 12, 5, title=title),
    ]
    found = [f for f in run_checks([], facts, []) if f.severity != "info"]
    assert [(f.rule, str(f.stated_value)) for f in found] == [("sum.table-rows", "487.96")]


def test_dashes_printed_for_the_other_side_s_figures_are_no_labels() -> None:
    """城市基础设施配套费… | - | - | - | 十、资源勘探工业信息等支出 | 4,657 | 466 | -89.99 (realdocs-wide guyuan p.97, a page
    of a two-sided table whose 增长% column holds dashes only): 466 is in 万元, not in the 增长% column's %."""
    from test_tablefacts import make_table

    from extractors.tablefacts import table_facts

    t = make_table(
        [
            [
                "项目",
                "2025年预算数",
                "2026年预算数",
                "同比增长（%）",
                "项目",
                "2025年预算数",
                "2026年预算数",
                "同比增长（%）",
            ],
            ["城市基础设施配套费收入", "-", "-", "-", "十、资源勘探工业信息等支出", "4,657", "466", "-89.99"],
            ["", "", "", "", "十六、其他支出", "2,355", "18,672", "692.87"],
            ["", "", "", "", "十八、债务付息支出", "6,086", "16,000", "162.90"],
        ],
        unit="万元",
    )
    units = {(f.prov.row, f.prov.col): f.quantity.unit for f in table_facts(t)}
    assert [units[(r, 6)] for r in (1, 2, 3)] == ["万元", "万元", "万元"]


def test_per_class_figures_of_two_tables_apart_by_a_carry_over_are_two_definitions(tmp_path: Path) -> None:
    """财政拨款收支总表 spends 上年结转 150.00 in 城乡社区支出 (3,381.72); the 一般公共预算支出表 lists this year's 拨款 only
    (3,231.72) (adv77 柳州): two definitions (info), not one figure printed twice."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    czbk = [
        ["收入", "", "支出", "", "", ""],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"],
        ["一、本年收入", "3,591.46", "一、社会保障和就业支出", "489.10", "489.10", ""],
        ["（一）一般公共预算拨款", "3,591.46", "二、城乡社区支出", "{city}", "{city}", ""],
        ["二、上年结转", "150.00", "", "", "", ""],
        ["（一）一般公共预算拨款", "150.00", "", "", "", ""],
        ["收入总计", "3,741.46", "支出总计", "{total}", "{total}", ""],
    ]
    gp = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "{gp_total}", "{gp_basic}", "1,260.00"],
        ["208", "社会保障和就业支出", "489.10", "489.10", ""],
        ["212", "城乡社区支出", "{gp_city}", "{gp_city_basic}", "1,260.00"],
    ]

    def cross(city: str, total: str, gp_city: str = "3,102.36") -> list[tuple[str, str]]:
        rows = [[x.format(city=city, total=total) for x in r] for r in czbk]
        city_basic = Decimal(gp_city.replace(",", "")) - 1260
        values = {
            "gp_city": gp_city,
            "gp_city_basic": f"{city_basic:,.2f}",
            "gp_total": f"{city_basic + 1260 + Decimal('489.10'):,.2f}",
            "gp_basic": f"{city_basic + Decimal('489.10'):,.2f}",
        }
        gp_rows = [[x.format(**values) for x in r] for r in gp]
        path = write_docx(
            tmp_path / "测试处2026年单位预算.docx",
            [
                "测试处2026年单位预算",
                "财政拨款收支总表",
                "单位：万元",
                (rows, [(0, 0, 0, 1), (0, 2, 0, 5)]),
                "一般公共预算支出表",
                "单位：万元",
                (gp_rows, []),
            ],
        )
        return [
            (f.severity, str(f.stated_value)) for f in analyze_file(path).findings if f.rule == "template.cross-table"
        ]

    assert cross("3,252.36", "3,741.46") == [("info", "3252.36")]  # 3,102.36 + 150.00 carried over
    # 城乡社区支出 apart by 200.00, not the 150.00 carried over: one figure printed twice differently
    assert cross("3,252.36", "3,741.46", gp_city="3,052.36") == [("error", "3252.36")]


# ---------------------------------------------------------------- round four (adv84–85)

DRAFT = "鄂阳市2025年预算执行情况与2026年预算草案的报告\n一、2025年预算执行情况\n（一）一般公共预算\n" + (
    "2025年市本级一般公共预算收入完成43.62亿元，加上上级补助收入60.12亿元、上年结转18.79亿元，收入总计122.53亿元。"
    "市本级一般公共预算支出完成101.48亿元，加上上解上级支出1.55亿元、结转下年支出19.50亿元，支出总计122.53亿元。\n"
    "二、2026年预算草案\n（二）一般公共预算草案\n"
)


def test_a_reason_s_year_dates_no_figure_after_it(tmp_path: Path) -> None:
    """市本级一般公共预算支出安排86.64亿元，比2025年执行数下降4.7%，主要是2025年一次性…较多。加上…，支出总计111.19亿元
    (adv85 鄂阳): 111.19 is the 2026 draft's, no other printing of 2025's 122.53."""
    text = DRAFT + (
        "市本级一般公共预算支出安排86.64亿元，比2025年执行数下降4.7%，主要是2025年一次性上级专项转移支付和债券资金安排的"
        "支出较多。加上上解上级支出1.55亿元、补助下级支出17.20亿元、债务还本支出5.80亿元，支出总计111.19亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert [a for a in _alarms(found) if a[0].startswith("repeat")] == []
    assert next(c for c in claims if c.quantity.text == "111.19亿元").identity.period == "2026"


def test_addends_named_without_figures_leave_the_total_unchecked(tmp_path: Path) -> None:
    """…收入预计18.6亿元，其中国有土地使用权出让收入16.8亿元，加上上级补助收入、专项债务转贷收入和上年结转，收入总计
    52.4亿元 (adv85 鄂阳): 16.8 is 18.6's part, and the addends are named, not printed."""
    text = DRAFT + (
        "2026年市本级政府性基金预算收入预计18.6亿元，其中国有土地使用权出让收入16.8亿元，加上上级补助收入、"
        "专项债务转贷收入和上年结转，收入总计52.4亿元。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert [a for a in _alarms(found) if a[0].startswith("sum.")] == []


def test_a_share_after_a_movement_and_its_change_is_the_figure_reached_s(tmp_path: Path) -> None:
    """州本级政府债务余额由2024年末的180.01亿元增至192.75亿元，增加12.74亿元，占全州政府债务余额的27.77% (adv84 楚雄): the
    share is 192.75's (of 694.01), and 12.74 is the change."""
    text = "楚雄州2025年政府债务情况说明\n一、政府债务余额\n" + (
        "全州政府债务余额由2024年末的656.34亿元增至694.01亿元。"
        "州本级政府债务余额由2024年末的180.01亿元增至192.75亿元，增加12.74亿元，占全州政府债务余额的27.77%。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="地方政府债务表")
    assert _alarms(found) == []
    change = next(c for c in claims if c.quantity.text == "12.74亿元")
    assert change.relation == "change"


def test_an_execution_rate_of_one_source_is_not_computed_on_another_source_s_budget(tmp_path: Path) -> None:
    """当年财政拨款预算21386.75万元 … 上年结转资金执行数1064.28万元，执行率85.24% (adv84 大足)."""
    text = SELF_EVAL + (
        "全年预算数22791.65万元，其中当年财政拨款预算21386.75万元，上年结转资金执行数1064.28万元，执行率85.24%。\n"
    )
    _, found = scan_text(tmp_path, text, kind="部门整体支出绩效自评报告")
    assert [a for a in _alarms(found) if a[0].startswith("rate")] == []


def test_a_space_lined_table_starts_at_its_header_not_at_a_row_left_over() -> None:
    from extractors.txt_reader import parse_text

    text = (
        "附表5 支出表\n单位：万元\n项    目      预算数      执行数      为预算%\n"
        "一般公共服务支出     5,200     5,100     98.1\n"
        "  预备费     13,000\n"
        "其他支出     1,200     1,100     91.7\n"
        "债务付息支出     300     300     100.0\n"
    )
    tables = parse_text(text).tables()
    assert len(tables) == 1 and tables[0].n_rows == 2


def test_a_title_printed_twice_with_its_number_is_recognised() -> None:
    from extractors.table_identity import identify_table

    title = "表三-1 一般公共预算基本支出预算表 表三-1 大竹县农业农村局2026年一般公共预算基本支出预算表"
    assert identify_table(title) == "ys.gp_basic"
    assert identify_table("表一-1 部门收入总表 表一-1 大竹县农业农村局2026年部门收入总表") == "ys.income"
    assert (
        identify_table("本部门2025年一般公共预算支出情况详见附件中的一般公共预算支出表和政府性基金预算支出表") is None
    )
