"""Lists, shares and changes on consistent report text that once drew false findings (an adversarial review):
the base after 比 is last year's figure (never a level, part or total), shares after 分别占 pair with the amounts in
order, a list's parts are the figures of its total's own measure, and a bracket inside a list opened in the
sentence after its total is that part's own breakdown."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text

from extractors.claims import paragraph_claims
from extractors.model import Paragraph, Provenance
from pipeline.checks.template_narrative import narrative, run_changes


def alarms(text: str, tmp_path: Path, kind: str = "部门预算") -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, text, kind)
    return [(f.rule, f.severity, str(f.stated_value)) for f in found if f.severity != "info"]


def test_the_base_after_bi_is_no_list_total(tmp_path: Path) -> None:
    text = (
        "某市第一中学2024年单位预算\n2024年单位收入预算总计1,100.00万元，比上年1,000.00万元增加100.00万元，增长10.00%。"
        "其中：一般公共预算拨款收入900.00万元，占81.8%，事业收入200.00万元，占18.2%。\n"
    )
    assert alarms(text, tmp_path) == []  # 900 + 200 = 1,100; 900 ÷ 1,100 = 81.8%


def test_the_base_after_bi_is_no_list_part(tmp_path: Path) -> None:
    text = (
        "某市人民检察院2023年度部门决算\n二、支出决算情况说明\n2023年度本年支出合计1,100.00万元，其中：院机关支出1,050.00万元，"
        "比2022年度机关支出1,000.00万元增加50.00万元，增长5.00%。\n"
    )
    assert alarms(text, tmp_path, "部门决算") == []  # 1,000 is 2022's, not a part of 1,100


def test_the_base_after_bi_de_is_no_part_of_the_sentence_before(tmp_path: Path) -> None:
    text = (
        "某市市场监督管理局2024年部门预算\n2023年“三公”经费预算为56.78万元，2024年为52.34万元，减少4.44万元，下降7.82%。"
        "其中，2024年公务接待费预算为6.54万元，比上年的7.21万元减少0.67万元。\n"
    )
    assert alarms(text, tmp_path) == []


def _template_changes(text: str) -> list[tuple[str, str, str]]:
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    found = run_changes(narrative(claims, []), set(), set())
    return [(f.rule, f.severity, str(f.stated_value)) for f in found]


def test_a_growth_rate_is_measured_from_the_printed_base() -> None:
    def text(rate: str) -> str:
        return f"机关支出比2022年度机关支出1,000.00万元增加50.00万元，增长{rate}%。"

    assert _template_changes(text("5.00")) == []  # 50 ÷ 1,000 = 5%, not 50 ÷ (1,000 − 50)
    assert _template_changes(text("6.00")) == [("template.change", "error", "6.00")]


def test_shares_after_fenbie_pair_with_the_amounts_in_order(tmp_path: Path) -> None:
    def text(shares: str) -> str:
        return (
            "某市档案馆2022年度部门决算\n2022年度本年支出合计1,000.00万元，其中：基本支出600.00万元，项目支出400.00万元，"
            f"分别占{shares}。\n"
        )

    assert alarms(text("60.00%、40.00%"), tmp_path, "部门决算") == []
    swapped = alarms(text("40.00%、60.00%"), tmp_path, "部门决算")
    assert sorted(swapped) == [
        ("share.stated-vs-computed", "error", "40.00"),
        ("share.stated-vs-computed", "error", "60.00"),
    ]


def test_a_second_measure_per_item_is_no_part(tmp_path: Path) -> None:
    def text(outbound: str) -> str:
        return (
            "某区档案馆2023年度部门决算\n2023年度“三公”经费财政拨款支出年初预算为10.00万元，支出决算为8.00万元，完成年初预算的"
            f"80.00%，其中：因公出国（境）费支出年初预算为1.00万元，支出决算为{outbound}万元；公务用车购置及运行费支出年初预算为"
            "6.00万元，支出决算为5.50万元；公务接待费支出年初预算为3.00万元，支出决算为2.00万元。\n"
        )

    assert alarms(text("0.50"), tmp_path, "部门决算") == []  # 决算 0.5 + 5.5 + 2 = 8
    claims, _ = scan_text(tmp_path, text("0.40"), "部门决算")
    assert [c.quantity.text for c in claims if c.relation == "part"] == ["0.40万元", "5.50万元", "2.00万元"]


def test_a_score_beside_its_points_is_no_part(tmp_path: Path) -> None:
    text = (
        "某县林业局2023年度部门整体支出绩效自评报告\n经自评，本部门2023年度整体支出绩效自评得分90.00分。其中：投入指标得分"
        "18.00分（分值20分），过程指标得分27.00分（分值30分），产出指标得分27.00分（分值30分），效益指标得分18.00分"
        "（分值20分）。\n"
    )
    assert alarms(text, tmp_path, "部门决算") == []  # 18 + 27 + 27 + 18 = 90


def test_a_nested_bracket_in_the_next_sentence_is_its_own_breakdown(tmp_path: Path) -> None:
    def text(hospitality: str) -> str:
        return (
            "某区科学技术局2024年部门预算\n2024年“三公”经费预算数为10.00万元，比2023年预算减少1.00万元。其中：因公出国（境）费"
            "2.00万元，公务用车购置及运行费6.00万元（其中：公务用车购置费0万元，公务用车运行费6.00万元），公务接待费"
            f"{hospitality}万元。\n"
        )

    assert alarms(text("2.00"), tmp_path) == []  # 2 + 6 + 2 = 10; the bracket breaks down the 6
    assert ("sum.enumeration", "error", "10.00") in alarms(text("3.00"), tmp_path)  # 2 + 6 + 3 = 11


def test_a_change_amount_is_no_total_of_levels(tmp_path: Path) -> None:
    text = (
        "某市市场监督管理局2024年部门预算\n2023年“三公”经费预算为56.78万元，2024年为52.34万元，减少4.44万元。"
        "其中，2024年公务接待费预算为6.54万元，公务用车购置及运行费预算为45.80万元。\n"
    )
    assert alarms(text, tmp_path) == []  # 6.54 + 45.80 = 52.34: parts of the 2024 level, not of the 4.44 decrease


def test_a_change_amount_still_totals_its_own_changes() -> None:
    text = "公用经费节约10.00万元，其中：办公费节约6.00万元，差旅费节约5.00万元。"
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    totals = [c.quantity.text for c in claims if c.relation == "total"]
    parts = [c.quantity.text for c in claims if c.relation == "part"]
    assert (totals, parts) == (["10.00万元"], ["6.00万元", "5.00万元"])


def test_a_list_breaks_down_the_figure_of_its_own_year_and_measure(tmp_path: Path) -> None:
    head = "关于某区2024年预算执行情况和2025年预算草案的报告\n全区一般公共预算收入45.23亿元，"
    kind = "预算执行情况和预算草案的报告"
    for between in ("上年为43.88亿元", "年初预算46亿元"):  # last year's figure, the budget: not what 其中 breaks down
        text = head + f"{between}。其中，税收收入28.77亿元，非税收入16.46亿元。\n"
        assert alarms(text, tmp_path, kind) == [], between
    wrong = head + "上年为43.88亿元。其中，税收收入28.77亿元，非税收入17.46亿元。\n"
    assert alarms(wrong, tmp_path, kind) == [("sum.enumeration", "error", "45.23")]  # 28.77 + 17.46 = 46.23


def test_shares_naming_their_parts_before_fenbie_pair_by_name(tmp_path: Path) -> None:
    def text(shares: str) -> str:
        return (
            "某项目财政支出绩效评价报告\n2023年度该项目计划安排资金2978.10万元，其中：省级资金2013.74万元，市级资金689.30万元，"
            f"县级配套资金275.06万元。省级资金、市级资金和县级配套资金分别占计划资金的{shares}。\n"
        )

    kind = "财政支出绩效评价报告"
    assert alarms(text("67.62%、23.15%和9.24%"), tmp_path, kind) == []
    assert alarms(text("67.62%、23.45%和9.24%"), tmp_path, kind) == [("share.stated-vs-computed", "error", "23.45")]
    # named in another order, each share is still its own part's
    swapped = (
        "某项目财政支出绩效评价报告\n该项目计划安排资金2978.10万元，其中：省级资金2013.74万元，市级资金689.30万元，"
        "县级配套资金275.06万元。市级资金、省级资金和县级配套资金分别占计划资金的23.15%、67.62%和9.24%。\n"
    )
    assert alarms(swapped, tmp_path, kind) == []


def test_shares_of_fewer_names_than_figures_are_not_paired(tmp_path: Path) -> None:
    text = (
        "某项目财政支出绩效评价报告\n该项目计划安排资金2978.10万元，其中：省级资金2013.74万元，市级资金689.30万元，"
        "县级配套资金275.06万元。省级资金和市级资金分别占计划资金的67.62%、23.45%和9.24%。\n"
    )
    assert alarms(text, tmp_path, "财政支出绩效评价报告") == []


def test_a_change_in_a_later_sentence_is_of_the_level_it_names(tmp_path: Path) -> None:
    head = "某厅2022年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n"
    sangong = (
        "2022年度“三公”经费财政拨款支出预算为56.00万元，支出决算为35.64万元，完成预算的63.64%，其中：公务用车购置及运行维护费"
        "支出决算为32.46万元；公务接待费支出决算为3.18万元。\n"
        "2022年度“三公”经费财政拨款支出决算数比2021年度减少32.14万元，下降{rate}%。\n"
    )
    # 32.14 ÷ (35.64 + 32.14) = 47.42%: the change is of 35.64, not of the 3.18 printed last before it
    assert alarms(head + sangong.format(rate="47.42"), tmp_path, "部门决算") == []
    assert alarms(head + sangong.format(rate="45.42"), tmp_path, "部门决算") == [("template.change", "error", "45.42")]
    fund = (
        "八、政府性基金预算财政拨款收入支出决算情况说明\n2022年度政府性基金预算财政拨款年初结转和结余320.00万元，本年收入2,000.00"
        "万元，本年支出2,150.00万元，年末结转和结余170.00万元。与2021年度相比，政府性基金预算财政拨款收入增加200.00万元，"
        "增长11.11%，支出增加500.00万元，增长{rate}%。\n"
    )
    # 200 ÷ 1,800 = 11.11%; 500 ÷ 1,650 = 30.30%: each of its own level, not of 170.00 printed last
    assert alarms(head + fund.format(rate="30.30"), tmp_path, "部门决算") == []
    assert alarms(head + fund.format(rate="33.30"), tmp_path, "部门决算") == [("template.change", "error", "33.30")]


def test_a_later_change_is_never_of_the_year_compared_with_nor_of_a_longer_name(tmp_path: Path) -> None:
    head = "某局2024年度部门决算\n七、机关运行经费支出说明\n"
    # 7.80 ÷ 148.50 = 5.25%: the level is this year's 156.30, not 2023's 148.50 printed after it
    prior_after = (
        "2024年度机关运行经费支出156.30万元，2023年度机关运行经费支出148.50万元。机关运行经费比2023年度增加7.80万元，"
        "增长5.25%。\n"
    )
    assert alarms(head + prior_after, tmp_path, "部门决算") == []
    # 146.80 ÷ 1,900.00 = 7.73%: 收入 is 本年收入合计, not 其他收入 whose name holds it
    longer = (
        "本年收入合计2,046.80万元，其中：财政拨款收入1,896.80万元；事业收入100.00万元；其他收入50.00万元。与2023年度相比，"
        "收入增加146.80万元，增长7.73%。\n"
    )
    assert alarms(head + longer, tmp_path, "部门决算") == []
    assert alarms(head + longer.replace("7.73%", "8.73%"), tmp_path, "部门决算") == [
        ("template.change", "error", "8.73")
    ]


def test_a_later_change_after_the_one_level_of_its_paragraph_is_of_that_level(tmp_path: Path) -> None:
    # the change names it otherwise (收、支总计各 for 收、支总预算), but it is the paragraph's one level: 2432.93 ÷ 15897.44
    text = (
        "某委2019年度部门预算\n四、财政拨款收支预算总体情况说明\n某委办公厅2019年度财政拨款收、支总预算18330.37万元。"
        "与上年相比，财政拨款收、支总计各增加2432.93万元，增长{}%。\n"
    )
    assert alarms(text.format("15.3"), tmp_path) == []
    assert alarms(text.format("17.3"), tmp_path) == [("template.change", "error", "17.3")]


def test_a_later_change_of_the_final_account_is_not_of_the_budget_beside_it(tmp_path: Path) -> None:
    text = (
        "某局2024年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n2024年度“三公”经费财政拨款支出决算为31.26万元，"
        "完成年初预算48.00万元的65.13%。\n2024年度“三公”经费财政拨款支出决算比2023年度减少8.44万元，下降{}%。\n"
    )
    assert alarms(text.format("21.26"), tmp_path, "部门决算") == []  # 8.44 ÷ (31.26 + 8.44)
    assert alarms(text.format("23.26"), tmp_path, "部门决算") == [("template.change", "error", "23.26")]


def test_later_changes_in_the_phrasings_of_real_reports(tmp_path: Path) -> None:
    head = "某局2024年度部门决算\n二、收入支出决算总体情况说明\n"
    consistent = [
        # 一般公共预算 in the name names no measure: 56.20 ÷ (1,198.40 + 56.20) = 4.48%, not of the 年初预算 1,250.00
        "2024年度一般公共预算财政拨款支出决算为1,198.40万元，完成年初预算1,250.00万元的95.87%。"
        "与2023年度相比，一般公共预算财政拨款支出减少56.20万元，下降4.48%。",
        # 与上年相比: this year's 2,360.45, not the 2023年度 figure printed after it: 255.15 ÷ 2,105.30 = 12.12%
        "2024年度收入总计2,360.45万元，支出总计2,360.45万元。2023年度收入总计2,105.30万元，支出总计2,105.30万元。"
        "与上年相比，收入总计增加255.15万元，增长12.12%。",
        # a change naming no measure beside a 决算 and a 年初预算: of the 决算, 4.26 ÷ (35.64 + 4.26) = 10.68%
        "2024年度“三公”经费财政拨款支出决算为35.64万元，年初预算为42.00万元。与2023年度相比，“三公”经费财政拨款支出"
        "减少4.26万元，下降10.68%。",
        # several changes listed with 、: 事业收入's is of 事业收入, 43.40 ÷ 1,596.60 = 2.72%
        "本年收入预算合计28,640.50万元，其中：财政拨款收入26,530.50万元，事业收入1,640.00万元，其他收入470.00万元。"
        "与上年相比，财政拨款收入增加1,086.40万元（增长4.27%）、事业收入增加43.40万元（增长2.72%）。",
    ]
    for text in consistent:
        assert alarms(head + text + "\n", tmp_path, "部门决算") == [], text
