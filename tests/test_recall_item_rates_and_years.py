"""Slips review sets adv29 and adv31 planted that went unflagged: an item's completion rate whose paragraph goes on
with the reason (决算数大于年初预算数的主要原因是…), and a 预算调整 sentence written 由年初的…调增…调整为…."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


ITEM = (
    "宁川县农业农村局2025年度部门决算\n（三）一般公共预算财政拨款支出决算具体情况\n"
    "2025年度一般公共预算财政拨款支出年初预算为4000.10万元，支出决算为4181.73万元，完成年初预算的104.54%。其中：\n"
    "1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）：年初预算为40.00万元，支出决算为38.62万元，"
    "完成年初预算的96.55%。决算数小于年初预算数的主要原因是厉行节约。\n"
    "2.农林水支出（类）农业农村（款）农业生态资源保护（项）：年初预算为80.00万元，支出决算为96.80万元，"
    "完成年初预算的{rate}%。决算数大于年初预算数的主要原因是年中追加秸秆综合利用项目资金。\n"
)


def test_an_item_s_completion_rate_is_checked_though_its_paragraph_goes_on_with_the_reason(tmp_path: Path) -> None:
    _, right = scan_text(tmp_path, ITEM.format(rate="121.00"), "部门决算")
    assert _alarms(right) == []
    _, slip = scan_text(tmp_path, ITEM.format(rate="112.10"), "部门决算")
    assert _alarms(slip) == [("template.rate", "error", "112.10")]  # 96.80 ÷ 80.00 = 121.00%
    assert next(f for f in slip if f.severity == "error").subject.startswith(
        "农林水支出（类）农业农村（款）农业生态资源保护（项）"  # the item as printed (its own title, stop 25)
    )


def test_a_budget_adjustment_from_the_initial_budget_is_checked(tmp_path: Path) -> None:
    text = (
        "关于崇林县2025年预算执行情况与2026年预算草案的报告\n（一）预算调整情况\n"
        "经县人大常委会批准，一般公共预算支出预算由年初的444578万元调增51366万元，调整为{after}万元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(after="495944"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(after="504944"))[1]) == [
        ("adjustment.stated-in-text", "error", "504944")
    ]


def test_a_year_s_shortfall_is_spending_less_income(tmp_path: Path) -> None:
    """失业保险基金收入3.44亿元，支出4.10亿元，当年收支缺口0.66亿元 (adv36: a 缺口 printed 0.56 went unchecked)."""
    text = (
        "关于青川市2024年财政决算的报告\n（四）社会保险基金决算情况\n"
        "失业保险基金收入3.44亿元，支出4.10亿元，当年收支缺口{gap}亿元，动用历年滚存结余弥补后，年末滚存结余12.33亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(gap="0.66"), "政府决算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(gap="0.56"), "政府决算")[1]) == [
        ("balance.income-less-spending", "error", "0.56")
    ]


def test_two_lists_in_one_sentence_are_two_lists(tmp_path: Path) -> None:
    """ "市本级…284.7亿元，其中：一般债务…，专项债务…；县区…301.8亿元，其中：一般债务…": the second 其中 opens a list of its own,
    so 一般债务 named twice is no list of records (adv39 P7)."""
    text = (
        "关于嵩原市2025年预算执行情况与2026年预算草案的报告\n（二）2025年政府债务情况\n"
        "截至2025年底，各级政府债务余额合计586.5亿元，其中：一般债务239.4亿元，专项债务347.1亿元。市本级政府债务余额284.7亿元，"
        "其中：一般债务121.8亿元，专项债务{special}亿元；县区政府债务余额301.8亿元，其中：一般债务117.6亿元，专项债务184.2亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(special="162.9"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(special="169.2"))[1]) == [("sum.enumeration", "error", "284.7")]


def test_a_balance_that_names_its_income_and_spending_is_checked_beside_other_levels(tmp_path: Path) -> None:
    """ "预算总收入减去预算总支出，当年结余…": the two figures are named, so 上年结余 and 调出资金 printed before are no
    doubt about which is which (adv39 P4)."""
    text = (
        "关于青湾区2025年预算执行情况与2026年预算草案的报告\n3.国有资本经营预算\n"
        "全区国有资本经营预算收入12486万元，完成调整预算105.8%。国有资本经营预算收入加上市对我区转移支付320万元、"
        "上年结余2146万元，预算总收入为14952万元。国有资本经营预算支出8624万元，加上调出资金4800万元，预算总支出13424万元。"
        "预算总收入减去预算总支出，当年结余{left}万元，全部为结转项目资金。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text.format(left="1528"))[1]) if a[0].startswith("balance")] == []
    assert [a for a in _alarms(scan_text(tmp_path, text.format(left="1582"))[1]) if a[0].startswith("balance")] == [
        ("balance.income-less-spending", "error", "1582")
    ]


def test_a_change_stated_after_the_adjusted_budget_is_their_difference(tmp_path: Path) -> None:
    """ "由年初预算22.85亿元调增至31.45亿元，增加8.80亿元": 调增至 names the budget after, and the 增加 after it is the
    difference, 31.45 − 22.85 = 8.60 (adv39 P3)."""
    text = (
        "关于青湾区2025年预算执行情况与2026年预算草案的报告\n（二）预算调整情况\n"
        "调整后，区级一般公共预算支出由年初预算37.28亿元调增至39.74亿元，增加2.46亿元；"
        "区级政府性基金预算支出由年初预算22.85亿元调增至31.45亿元，增加{change}亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(change="8.60"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(change="8.80"))[1]) == [
        ("adjustment.stated-in-text", "error", "8.80")
    ]


def test_a_share_of_a_list_s_head_named_without_its_fund_is_of_that_head(tmp_path: Path) -> None:
    """ "2026年一般公共预算基本支出3471.61万元，其中：人员经费3020.31万元，占基本支出的87.00%": 基本支出 is the list's head
    named without its fund, not the department's 基本支出 of all funds printed before (adv43)."""
    text = (
        "锦屏市生态环境局2026年部门预算\n三、支出预算情况说明\n本年支出预算合计5546.86万元，其中：基本支出3539.41万元，"
        "占63.81%；项目支出2007.45万元，占36.19%。\n八、一般公共预算基本支出预算情况说明\n"
        "2026年一般公共预算基本支出3471.61万元，其中：人员经费3020.31万元，占基本支出的{share}%；"
        "公用经费451.30万元，占基本支出的13.00%。\n"
    )
    shares = [a for a in _alarms(scan_text(tmp_path, text.format(share="87.00"), "部门预算")[1]) if "share" in a[0]]
    assert shares == []
    slip = [a for a in _alarms(scan_text(tmp_path, text.format(share="86.00"), "部门预算")[1]) if "share" in a[0]]
    assert slip == [("share.stated-vs-computed", "error", "86.00")]  # 3020.31 ÷ 3471.61 = 87.00%


def test_an_adjustment_written_with_tiao_zeng_zhi_alone_is_checked(tmp_path: Path) -> None:
    """ "由年初预算31.24亿元调增至36.80亿元，增加5.65亿元" with no 调整 in the sentence, and "由45.20亿元调减至33.80亿元，
    减少11.60亿元" with no 年初: both state a budget before, one after and their difference (adv44 P7, P9)."""
    head = "关于云岭县2025年预算执行情况与2026年预算草案的报告\n（一）预算执行\n"
    up = head + "其中，县本级一般公共预算支出由年初预算31.24亿元调增至36.80亿元，增加{x}亿元。\n"
    down = head + "其中，国有土地使用权出让收入由45.20亿元调减至33.80亿元，减少{x}亿元。\n"
    assert _alarms(scan_text(tmp_path, up.format(x="5.56"))[1]) == []
    assert _alarms(scan_text(tmp_path, up.format(x="5.65"))[1]) == [("adjustment.stated-in-text", "error", "5.65")]
    assert _alarms(scan_text(tmp_path, down.format(x="11.40"))[1]) == []
    assert _alarms(scan_text(tmp_path, down.format(x="11.60"))[1]) == [("adjustment.stated-in-text", "error", "11.60")]


def test_figures_named_only_by_tiao_zeng_zhi_are_not_one_figure(tmp_path: Path) -> None:
    """收入…调增至19.25亿元 and 支出…调增至48.92亿元: the verb names no item, so they are not two printings of one figure."""
    text = (
        "关于云岭县2025年预算执行情况与2026年预算草案的报告\n（一）一般公共预算执行情况\n"
        "全县一般公共预算收入由年初预算18.60亿元调增至19.25亿元，增加0.65亿元。\n"
        "全县一般公共预算支出由年初预算42.36亿元调增至48.92亿元，增加6.56亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text)[1]) == []


def test_a_fund_s_own_total_spending_after_its_total_income_is_the_fund_s(tmp_path: Path) -> None:
    """ "其中，机关事业单位基本养老保险基金预算总收入42360万元，预算总支出45560万元": the fund's 预算总支出, not a second
    printing of the whole 社会保险基金's (adv44 c12)."""
    text = (
        "桐川区2025年预算执行情况报告\n三、社会保险基金预算执行情况\n"
        "全区社会保险基金预算总收入168420万元，预算总支出159870万元。预算总收入减去预算总支出，当年结余8550万元。"
        "其中，机关事业单位基本养老保险基金预算总收入42360万元，预算总支出45560万元，当年收支缺口3200万元，由历年滚存结余弥补。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert _alarms(found) == []
    assert any(c.subject == "机关事业单位基本养老保险基金预算总支出" for c in claims)


def test_a_report_on_budget_execution_alone_is_of_that_kind() -> None:
    from extractors.model import Document, Paragraph, Provenance
    from extractors.report_kind import classify

    def kind(title: str) -> str:
        return classify(Document("x", "0", "txt", [Paragraph(title, Provenance("0", block=0, paragraph=0))]))

    assert kind("桐川区2025年预算执行情况报告") == "预算执行情况和预算草案的报告"
    assert kind("江屿市2025年市本级预算调整方案（草案）的报告") == "预算执行情况和预算草案的报告"
    assert kind("桐川区财政局2025年部门预算执行情况报告") != "预算执行情况和预算草案的报告"


def test_a_list_after_a_budget_raised_to_a_figure_breaks_that_figure_down(tmp_path: Path) -> None:
    """ "政府债务限额由41.26亿元调增至47.04亿元，其中：一般债务限额…，专项债务限额…": the parts are of 47.04 (adv46)."""
    text = (
        "关于枫溪县2025年预算调整方案的报告\n四、政府债务\n"
        "我县2025年政府债务限额由41.26亿元调增至47.04亿元，其中：一般债务限额17.81亿元，专项债务限额{x}亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(x="29.23"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(x="29.93"))[1]) == [("sum.enumeration", "error", "47.04")]


def test_an_addend_list_opening_a_sentence_adds_to_no_part_of_the_sentence_before(tmp_path: Path) -> None:
    """ "…支出安排221652万元…。按照…设置预备费2217万元。加上上解支出4450万元、债务还本支出17700万元，支出总计243802万元": the
    预备费 is part of the 支出安排, not what is added to (adv46 青川)."""
    text = (
        "关于青川县2025年预算执行情况与2026年预算草案的报告\n（一）2026年一般公共预算草案\n"
        "2026年全县一般公共预算支出安排221652万元，比2025年执行数下降4.65%。按照本级一般公共预算支出额的1%设置预备费2217万元。"
        "加上上解支出4450万元、债务还本支出17700万元，支出总计243802万元，收支平衡。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text)[1]) if a[0].startswith("sum")] == []


def test_a_ceiling_and_a_stock_of_debt_are_two_figures(tmp_path: Path) -> None:
    """市本级's 一般债务 under "…政府债务限额…" and under "…政府债务余额…" are a ceiling and a stock, not one figure printed
    twice; "控制在限额以内" names no ceiling (adv46 岚川)."""
    text = (
        "关于岚川市2025年预算执行情况与2026年预算草案的报告\n（五）政府债务情况\n"
        "经省人民政府批准，2025年全市政府债务限额328.64亿元，其中：一般债务限额121.86亿元，专项债务限额206.78亿元。"
        "分级次看，市本级112.43亿元，其中：一般债务40.21亿元，专项债务72.22亿元；县区216.21亿元，其中：一般债务81.65亿元，"
        "专项债务134.56亿元。\n"
        "截至2025年末，全市政府债务余额321.49亿元，控制在限额以内，其中：一般债务119.64亿元，专项债务201.84亿元。"
        "市本级109.88亿元，其中：一般债务39.59亿元，专项债务70.29亿元。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text)[1]) if a[0].startswith("repeat")] == []


def test_a_list_after_a_budget_adjusted_to_a_figure_breaks_that_figure_down(tmp_path: Path) -> None:
    """ "由年初预算的118.60亿元调整为121.35亿元，其中：基本支出…，项目支出…": the parts are of 121.35 (adv47 07)."""
    text = (
        "关于南溪市2025年预算执行情况和2026年预算草案的报告\n二、支出调整\n"
        "相应地，市本级一般公共预算支出由年初预算的118.60亿元调整为121.35亿元，其中：基本支出46.20亿元，项目支出{x}亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(x="75.15"))[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(x="75.55"))[1]) == [("sum.enumeration", "error", "121.35")]


def test_a_list_goes_on_past_a_part_unchanged_and_its_reason(tmp_path: Path) -> None:
    """ "其中：公务用车购置费0.00万元，与2024年预算持平，主要原因是无此项支出；公务用车运行费3.20万元": the 持平 and the reason
    are the first part's; the two parts make 公务用车购置及运行费 (adv45 P4)."""
    text = (
        "上海市静川区图书馆2025年单位预算\n（二）公务用车购置及运行费{x}万元，比2024年预算减少0.40万元，主要原因是压减车辆运行成本。"
        "其中：公务用车购置费0.00万元，与2024年预算持平，主要原因是无此项支出；公务用车运行费3.20万元，比2024年预算减少0.80万元，"
        "主要原因是严控车辆使用。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(x="3.20"), "单位预算")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(x="3.60"), "单位预算")[1]) == [("sum.enumeration", "error", "3.60")]


def test_the_car_s_two_parts_are_no_whole_list_of_the_three_public_expenses(tmp_path: Path) -> None:
    """ "“三公”经费财政拨款预算45.60万元，其中公务用车购置费12.00万元、公务用车运行维护费20.00万元": the two parts make the
    car's cost, not the 三公 (adv19 r4)."""
    text = (
        "某局2025年部门预算说明\n2025年“三公”经费财政拨款预算45.60万元，其中公务用车购置费12.00万元、公务用车运行维护费"
        "20.00万元，比上年减少3.20万元。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text, "部门预算")[1]) if a[0].startswith("sum")] == []


def test_a_part_s_own_qizhong_list_is_not_part_of_the_outer_list(tmp_path: Path) -> None:
    """ "…525万元。其中：因公出国（境）费0万元，与上年持平；公务用车购置及运行维护费432万元，…，其中公务用车购置费46万元、公务用车
    运行维护费386万元；公务接待费93万元": 0 + 432 + 93 = 525, the car's own 其中 apart (adv35 青衣)."""
    text = (
        "关于青衣县2024年财政决算（草案）的报告\n（四）“三公”经费\n"
        "2024年县本级“三公”经费财政拨款支出{x}万元，为预算的86.1%，比上年下降19.4%。其中：因公出国（境）费0万元，与上年持平；"
        "公务用车购置及运行维护费432万元，为预算的90.0%，比上年下降18.5%，其中公务用车购置费46万元、公务用车运行维护费386万元；"
        "公务接待费93万元，为预算的71.5%。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text.format(x="525"))[1]) if a[0].startswith("sum")] == []
    assert [a for a in _alarms(scan_text(tmp_path, text.format(x="535"))[1]) if a[0].startswith("sum")] == [
        ("sum.enumeration", "error", "535")
    ]
