"""Shares and change amounts on consistent report text that once drew false findings (an adversarial review):
the part of a share is never a change amount nor a figure inside a breakdown, a named whole is not replaced by
another total, a guessed whole cannot make an error, and a change after a list is not the change of its last item."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text
from test_lists import alarms as _paragraph_alarms


def alarms(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, text, "部门预算")
    return [(f.rule, f.severity, str(f.stated_value)) for f in found if f.severity != "info"]


def test_a_change_amount_is_never_the_part_of_a_share(tmp_path: Path) -> None:
    text = (
        "宁夏回族自治区某厅2024年部门预算\n2024年“三公”经费预算数为50.80万元，比上年预算减少4.20万元。其中：因公出国（境）费"
        "预算7.00万元，比上年预算减少1.00万元，占“三公”经费的13.78%；公务用车购置及运行维护费预算38.80万元，比上年预算减少"
        "2.20万元，占76.38%；公务接待费预算5.00万元，比上年预算减少1.00万元，占9.84%。\n"
    )
    assert alarms(text, tmp_path) == []  # 7 ÷ 50.8 = 13.78%, not 1 ÷ 50.8


def test_a_figure_inside_a_breakdown_is_not_the_part_and_a_named_whole_is_not_replaced(tmp_path: Path) -> None:
    text = (
        "河南省某局2025年部门预算\n因公出国（境）费0.00万元，与上年持平。公务用车购置及运行费40.00万元（其中公务用车购置费"
        "25.00万元，公务用车运行费15.00万元），占“三公”经费的88.89%；公务接待费5.00万元，占“三公”经费的11.11%。\n"
    )
    # 40 ÷ 45 = 88.89%, 5 ÷ 45 = 11.11%: neither 15 ÷ 40 nor 5 ÷ 40
    assert alarms(text, tmp_path) == []


def test_a_whole_guessed_from_a_nested_list_makes_no_error(tmp_path: Path) -> None:
    text = (
        "新疆维吾尔自治区某厅2025年部门预算\n2025年“三公”经费财政拨款预算36.50万元。其中：因公出国（境）费0万元，与上年持平；"
        "公务用车购置及运行维护费30.00万元，占82.19%，其中公务用车购置费0万元，公务用车运行维护费30.00万元；"
        "公务接待费6.50万元，占17.81%。\n"
    )
    assert alarms(text, tmp_path) == []  # 6.5 ÷ 36.5 = 17.81%; the 30.00 before it heads the inner list


def test_a_change_after_a_list_is_not_the_change_of_its_last_item(tmp_path: Path) -> None:
    text = (
        "江苏省某厅2019年部门预算\n江苏省某厅2019年度支出预算合计8,456.32万元，其中：基本支出5,123.45万元，项目支出"
        "3,332.87万元。与上年相比，支出合计增加612.40万元，其中基本支出增加210.00万元。\n"
        "2019年项目支出3,332.87万元，与上年相比增加402.40万元。\n"
    )
    assert alarms(text, tmp_path) == []


def test_a_bracket_explaining_a_change_holds_no_part(tmp_path: Path) -> None:
    consistent = (
        "云南省某厅2024年部门预算\n2024年部门收入预算5,632.18万元，与上年相比增加312.50万元。其中财政拨款收入5,632.18万元，"
        "与上年相比增加1,012.50万元（上年有事业收入700.00万元，本年划转）。\n"
    )
    assert alarms(consistent, tmp_path) == []  # 700 is last year's, explaining the change: not a part of 5,632.18
    broken = (
        "云南省某厅2024年部门预算\n2024年部门收入预算5,632.18万元。其中财政拨款收入5,000.00万元（其中基本支出4,000.00万元，"
        "项目支出1,000.00万元），事业收入700.00万元。\n"
    )
    # a bracket after a part is still that part's breakdown, and the list's own parts are still summed
    assert ("sum.enumeration", "error", "5632.18") in alarms(broken, tmp_path)


def test_a_whole_of_another_year_is_not_the_share_s_whole(tmp_path: Path) -> None:
    text = (
        "开封市2019年预算执行情况和2020年预算草案的报告\n一、2019年预算执行情况\n汇总全市各级人代会批准的全市一般公共预算收入年初预算为154.9亿元，"
        "实际完成154.9亿元。全市税收收入完成113.3亿元，为年预算的96.7%，增长10.2％，税收收入占一般公共预算收入的比重为73.2%。\n"
        "二、2020年预算草案\n2020年全市一般公共预算收入166.6亿元，增长7.6%。\n"
    )
    # 113.3 ÷ 154.9 = 73.14% (73.2 within rounding of the 亿元 figures); 166.6 is 2020's, never this share's whole
    assert alarms(text, tmp_path) == []


def test_a_share_that_names_no_whole_and_fits_another_printed_whole_is_not_an_error(tmp_path: Path) -> None:
    budget = "关于某县2024年预算执行情况和2025年预算草案的报告\n"
    # 7.89 ÷ 45.68 = 17.3%, 9.88 ÷ 45.68 = 21.6%: the bare 占 of a part under 民生支出 may be of 一般公共预算支出
    text = budget + (
        "全县一般公共预算支出45.68亿元。全县民生支出36.79亿元，占一般公共预算支出的80.5%。其中：教育支出7.89亿元，"
        "占17.3%；社会保障和就业支出9.88亿元，占21.6%。\n"
    )
    _, found = scan_text(tmp_path, text, "预算执行情况和预算草案的报告")
    assert [f.rule for f in found if f.severity != "info"] == []
    # 53.46 ÷ 56.79 = 94.1%: the 占 after 其中 is of the fund's own revenue, not of the spending total above
    text = (
        budget
        + "区级一般公共预算支出总计169.79亿元。\n区级政府性基金预算收入完成56.79亿元，其中国有土地使用权出让收入53.46亿元，占94.1%。\n"
    )
    _, found = scan_text(tmp_path, text, "预算执行情况和预算草案的报告")
    assert [f.rule for f in found if f.severity != "info"] == []
    # a share that fits no printed whole is still an error
    text = budget + "全县民生支出36.79亿元，其中：教育支出7.89亿元，占27.3%；社会保障和就业支出9.88亿元，占26.9%。\n"
    _, found = scan_text(tmp_path, text, "预算执行情况和预算草案的报告")
    assert [(f.rule, f.severity) for f in found if f.severity != "info"] == [("share.stated-vs-computed", "error")]


def test_a_bare_share_in_a_list_may_be_of_the_whole_an_earlier_share_named(tmp_path: Path) -> None:
    # Markdown and Word print each paragraph apart: 一般公共预算支出 45.68 stands a paragraph above the list
    budget = "关于某县2024年预算执行情况和2025年预算草案的报告\n"
    text = budget + (
        "全县一般公共预算支出45.68亿元，完成调整预算的97.2%。\n"
        "全县民生支出36.79亿元，占一般公共预算支出的80.5%。其中：教育支出7.89亿元，占17.3%；社会保障和就业支出9.88亿元，"
        "占21.6%。\n"
    )
    _, found = scan_text(tmp_path, text)
    shares = [f for f in found if f.rule == "share.stated-vs-computed"]
    assert shares and {f.severity for f in shares} == {"info"}  # 7.89 ÷ 45.68 = 17.27%: not certainly of 民生支出


def test_a_named_whole_is_the_figure_of_the_part_s_measure_not_the_budget_after_it(tmp_path: Path) -> None:
    text = (
        "关于某区2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n"
        "全区一般公共预算支出152.35亿元，为调整预算的97.7%。调整预算为156亿元，较年初预算增加8亿元。\n"
        "全区民生支出118.73亿元，占一般公共预算支出的77.9%。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert alarms(text, tmp_path) == []  # 118.73 ÷ 152.35 = 77.93%, not ÷ the 调整预算 156
    wrong = text.replace("77.9%", "75.9%")
    assert [(r, s) for r, s, _ in alarms(wrong, tmp_path)] == [("share.stated-vs-computed", "error")]


def test_respective_amounts_after_a_verb_pair_with_respective_shares(tmp_path: Path) -> None:
    text = (
        "某县2024年预算执行情况和2025年预算草案的报告\n全县一般公共预算收入完成8.77亿元，同比增长3.9%。"
        "税收收入和非税收入分别完成5.23亿元和3.53亿元，分别占一般公共预算收入的59.7%和40.3%。\n"
    )
    claims, found = scan_text(tmp_path, text)
    subjects = {str(c.quantity.value): c.subject for c in claims}
    assert (subjects["5.23"], subjects["3.53"], subjects["59.7"]) == ("税收收入", "非税收入", "税收收入")
    assert [f for f in found if f.severity != "info"] == []
    wrong = text.replace("59.7%", "57.9%")
    assert [(r, s) for r, s, _ in alarms(wrong, tmp_path)] == [("share.stated-vs-computed", "error")]


def test_a_lone_qizhong_part_s_share_is_of_the_level_it_hangs_from_never_a_total_paragraphs_away(
    tmp_path: Path,
) -> None:
    head = (
        "某县2024年预算执行情况和2025年预算草案的报告\n全县一般公共预算收入总计43.90亿元，其中：一般公共预算收入8.77亿元，"
        "上级补助收入29.88亿元，债务转贷收入3.46亿元，调入资金1.23亿元，上年结转0.56亿元。\n"
        "全县一般公共预算支出完成38.77亿元，完成调整预算的96.9%。\n"
    )
    text = (
        head
        + "全县政府性基金预算收入完成4.57亿元，完成年度预算的76.1%，其中国有土地使用权出让收入4.12亿元，占90.3%。\n"
    )
    assert alarms(text, tmp_path) == []  # 4.12 ÷ 4.57 = 90.15% (90.3 within rounding), not ÷ 43.90
    wrong = text.replace("占90.3%", "占80.3%")
    assert [(r, s) for r, s, _ in alarms(wrong, tmp_path)] == [("share.stated-vs-computed", "warning")]


def test_a_share_naming_no_whole_after_a_list_opened_by_fenbie_is_of_the_nearest_total(tmp_path: Path) -> None:
    text = (
        "某局2024年度部门整体支出绩效自评报告\n2024年度，我局收入总计2051.31万元，其中一般公共预算拨款1547.22万元，政府性基金拨款"
        "33.70万元，其他资金470.39万元。支出总计1983.61万元，分别为基本支出1567.54万元、项目支出416.07万元，基本支出和项目支出"
        "分别占79.02%和20.98%。\n"
    )
    claims, found = scan_text(tmp_path, text, "部门整体支出绩效自评报告")
    assert next(c for c in claims if c.quantity.text == "1567.54万元").subject == "基本支出"  # not 分别为基本支出
    assert [f for f in found if f.rule.startswith("share.")] == []  # 1567.54 ÷ 1983.61 = 79.02%, not ÷ 收入总计
    _, found = scan_text(tmp_path, text.replace("79.02%", "77.02%"), "部门整体支出绩效自评报告")
    wrong = [f for f in found if f.rule == "share.stated-vs-computed"]
    assert [(f.severity, str(f.expected_value)) for f in wrong] == [("error", "79.02")]


def test_a_share_of_a_wider_scope_is_of_the_whole_of_the_scope_it_names() -> None:
    text = "2024年，全县一般公共预算收入50000万元。县本级一般公共预算收入30000万元，占全县一般公共预算收入的60.00%。"
    assert _paragraph_alarms(text) == []  # 30000 ÷ 50000, not the 县本级 figure by itself
    assert _paragraph_alarms(text.replace("60.00%", "65.00%")) == [("share.stated-vs-computed", "error")]


def test_a_share_after_a_list_may_be_of_the_lists_head() -> None:
    text = (
        "截至2024年末，全市政府债务余额1500.00亿元。市本级政府债务余额600.00亿元，其中一般债务200.00亿元、"
        "专项债务400.00亿元，占全市政府债务余额的40.00%。"
    )
    assert _paragraph_alarms(text) == []  # 600 ÷ 1500: the head's share, not 专项债务's
    assert _paragraph_alarms(text.replace("40.00%", "45.00%")) == [("share.stated-vs-computed", "error")]


def test_a_whole_at_the_sentence_head_gives_way_to_a_nearer_one() -> None:
    # the 20% is of the 其中 list's head; the 10% takes the whole named by the share before it
    listed = "在一般公共预算支出中，县本级支出60000万元，占75%，其中教育支出12000万元，占20%。"
    assert [r for r in _paragraph_alarms("一般公共预算支出80000万元。" + listed) if r[1] == "error"] == []
    named = "民生支出中，教育支出16000万元，占一般公共预算支出的20%；卫生健康支出8000万元，占10%。"
    assert [r for r in _paragraph_alarms("一般公共预算支出80000万元。" + named) if r[1] == "error"] == []


def test_shares_of_another_whole_than_the_parts_sum_are_not_judged_against_it(tmp_path: Path) -> None:
    # the three 三公 items, but their shares are of the 年初预算 (20.00), not of what they add up to (15.00)
    text = (
        "上海市某区某中心2024年度部门决算\n2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算4.00万元，"
        "占“三公”经费年初预算的20.00%；公务用车购置及运行维护费支出决算8.00万元，占“三公”经费年初预算的40.00%；"
        "公务接待费支出决算3.00万元，占“三公”经费年初预算的15.00%。“三公”经费年初预算为20.00万元。\n"
    )
    assert alarms(text, tmp_path) == []


def test_rounded_shares_adding_to_100_are_of_the_whole_printed_before_them(tmp_path: Path) -> None:
    # 95% + 4% "add up to 100%" within their rounding, yet they are shares of the printed 3073, not of 2906 + 133
    text = (
        "喀什地区2025年度部门预算\n2025年度财政拨款“三公”经费支出3073万元，比上年增加243万元，增长9%，主要原因是：购置车辆。"
        "其中：公务用车购置及运行维护费支出2906万元，占95%，比上年增加311万元，增长12%，主要原因是：购置车辆；"
        "公务接待费支出133万元，占4%，比上年减少68万元，下降34%，主要原因是：从严控制和压缩“三公”经费。\n"
    )
    assert alarms(text, tmp_path) == []


def test_the_funds_old_name_names_the_same_whole(tmp_path: Path) -> None:
    # 一般公共财政预算 is what 一般公共预算 was called before 2015
    text = (
        "某州2025年预算执行情况和2026年预算草案的报告\n全州完成一般公共预算收入50.00亿元，完成一般公共预算支出200.00亿元。"
        "全州安排民生支出150.00亿元，占一般公共财政预算支出的{share}%。\n"
    )
    assert alarms(text.format(share="75.0"), tmp_path) == []
    assert alarms(text.format(share="80.0"), tmp_path) == [("share.stated-vs-computed", "error", "80.0")]
