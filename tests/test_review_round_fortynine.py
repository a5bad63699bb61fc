"""Review round forty-nine (stop 44): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt


def test_a_year_end_stock_worked_on_a_years_balance_found_wrong_is_not_blamed_again(tmp_path: Path) -> None:
    """ "…收入531.00亿元，预算支出512.00亿元，当年收支结余21.00亿元，加上年滚存结余425.98亿元，年末滚存结余444.98亿元":
    the 当年收支结余 is the slip (531.00 − 512.00 = 19.00), and the 年末滚存结余 fits it corrected — one finding, on the
    year's balance (adv502 襄阳: a second error blamed the right 444.98)."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n（二）社会保险基金预算\n"
        "2025年全市社会保险基金预算收入531.00亿元，预算支出512.00亿元，当年收支结余{}亿元，"
        "加上年滚存结余425.98亿元，年末滚存结余444.98亿元。\n"
    )
    found = _errors(_scan_txt(tmp_path / "a.txt", text.format("21.00")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("balance.income-less-spending", Decimal("21.00"), Decimal("19"))
    ]
    # the stock itself out of line is still found
    assert _errors(_scan_txt(tmp_path / "b.txt", text.format("19.00").replace("444.98", "446.98")))


def _report(*paragraphs: str) -> str:
    return "\n".join(("某市2024年预算执行情况和2025年预算草案的报告", "一、2024年预算执行情况", *paragraphs)) + "\n"


def test_a_change_after_the_outcome_and_its_own_budget_is_the_outcomes(tmp_path: Path) -> None:
    """ "支出预算为820.00亿元，完成806.54亿元，比上年增加34.44亿元，增长5.4%" and "完成2090768万元，为预算的99.56%，比上年
    增收76542万元，增长4.8%": the amount and rate are the outcome's, its own budget or completion rate between them no
    other item (adv511 嘉兴, adv510 南阳: both left as "未找到本年数或上年数")."""
    ok = _report(
        "全市一般公共预算支出预算为820.00亿元，完成806.54亿元，比上年增加34.44亿元，增长4.5%。",
        "全市一般公共预算收入完成2090768万元，为预算的99.56%，比上年增收76542万元，增长3.8%。",
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", ok)) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", ok.replace("增长4.5%", "增长5.4%").replace("增长3.8%", "增长4.8%")))
    assert sorted((rule, stated, expected.quantize(Decimal("0.01"))) for rule, _s, stated, expected in found) == [
        ("change.stated-vs-computed", Decimal("4.8"), Decimal("3.80")),
        ("change.stated-vs-computed", Decimal("5.4"), Decimal("4.46")),
    ]


def test_what_is_carried_forward_is_struck_between_the_totals_in_any_wording(tmp_path: Path) -> None:
    """ "收支相抵，结转下年支出3.90亿元", "收支相抵，年终结转90,900万元", and the income total closing the paragraph before
    the spending's ("…收入合计8,034,650万元。" / "全市一般公共预算支出…，支出合计7,522,770万元。收支相抵，年终结转结余…"):
    each carried forward is 收入 − 支出 (adv511 嘉兴, adv512 德阳: none checked)."""
    ok = _report(
        "市级一般公共预算收入161.42亿元，加上上级补助收入38.65亿元，收入总计200.07亿元。市级一般公共预算支出190.00亿元，"
        "加上上解上级支出6.67亿元，支出总计196.67亿元。收支相抵，结转下年支出3.40亿元。",
        "全市政府性基金预算收入1,245,300万元，加上上级补助收入35,600万元，收入合计1,280,900万元。全市政府性基金预算支出"
        "1,100,000万元，加上调出资金100,000万元，支出合计1,200,000万元。收支相抵，年终结转80,900万元。",
        "全市国有资本经营预算收入52,300万元，加上上年结转3,100万元，收入合计55,400万元。",
        "全市国有资本经营预算支出25,860万元，加上调出资金26,540万元，支出合计52,400万元。收支相抵，年终结转结余3,000万元。",
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", ok)) == []
    bad = (
        ok.replace("支出3.40亿元", "支出3.90亿元").replace("结转80,900", "结转90,900").replace("结余3,000", "结余3,500")
    )
    found = _errors(_scan_txt(tmp_path / "b.txt", bad))
    assert sorted((rule, stated, expected) for rule, _s, stated, expected in found) == [
        ("balance.income-less-spending", Decimal("3.90"), Decimal("3.40")),
        ("balance.income-less-spending", Decimal("3500"), Decimal("3000")),
        ("balance.income-less-spending", Decimal("90900"), Decimal("80900")),
    ]


def test_a_rate_of_an_adjustment_is_of_the_figure_it_was_adjusted_from(tmp_path: Path) -> None:
    """ "比调整前的619,000万元增加54,500万元，增长8.80%", "由年初预算的150,000万元调整为150,700万元，增加700万元，增长
    0.47%", "由年初的85,000万元调整为73,000万元，调减12,000万元，下降14.12%": each rate is of the printed base (adv511
    遂川: the rate after a change amount was no change, the one after 调减 was left unchecked)."""
    text = (
        "某县2024年预算调整方案\n一、一般公共预算调整情况\n"
        "调整后，全县一般公共预算收入总计673,500万元，比调整前的619,000万元增加54,500万元，增长{0}%。\n"
        "全县一般公共预算收入由年初预算的150,000万元调整为150,700万元，增加700万元，增长{1}%。\n"
        "全县政府性基金预算收入由年初的85,000万元调整为73,000万元，调减12,000万元，下降{2}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("8.80", "0.47", "14.12"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("8.48", "0.74", "41.12")))
    assert sorted((subject, stated) for _r, subject, stated, _e in found) == [
        ("一般公共预算收入", Decimal("0.74")),
        ("一般公共预算收入总计", Decimal("8.48")),
        ("政府性基金预算收入", Decimal("41.12")),
    ]


def _growth_table(tax_growth: str) -> str:
    rows = [
        ("税收收入", "1650000", "1603412", "97.2", "1660000", tax_growth),
        ("非税收入", "450000", "487356", "108.3", "470000", "-3.6"),
        ("专项收入", "100000", "96000", "96.0", "99000", "3.1"),
        ("合计", "2200000", "2186768", "99.4", "2229000", "1.9"),
    ]
    lines = [
        "某市2024年预算执行情况和2025年预算草案的报告",
        "表1 2024年全市一般公共预算收入执行情况及2025年收入预算",
        "单位：万元",
        "项目\t2024年\t2024年\t2024年\t2025年预算\t2025年预算",
        "项目\t预算数\t执行数\t完成%\t金额\t增长%",
        *("\t".join(r) for r in rows),
    ]
    return "\n".join(lines) + "\n"


def test_a_growth_column_under_a_years_head_is_over_the_base_its_rows_fit(tmp_path: Path) -> None:
    """2024年 › 预算数 | 执行数 | 完成% | 2025年预算 › 金额 | 增长%: the bare 增长% is 2025's amount over one of 2024's two
    columns; the rows tell which (here 执行数), and a row out of line under it is found (adv510 南阳: never checked)."""
    assert [f for f in _scan_txt(tmp_path / "a.txt", _growth_table("3.5")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", _growth_table("4.5")) if f.severity != "info"]
    assert [(f.rule, f.stated_value) for f in found] == [("percent_column.growth", Decimal("4.5"))]


def test_rates_after_fenbie_are_each_of_its_own_amount(tmp_path: Path) -> None:
    """ "增值税、企业所得税分别完成598735万元和271904万元，分别为预算的96.57%和104.58%" / "教育支出605941万元、社会保障和
    就业支出483702万元，分别为预算的99.01%和99.53%": each rate is its amount's over its row's budget (adv510 南阳: the
    second rate was read as no rate, the first took the last amount's name, and both were left "未逐一核对")."""
    text = (
        _report(
            "增值税、企业所得税分别完成598735万元和271904万元，分别为预算的96.57%和{0}%。"
            "教育支出605941万元、社会保障和就业支出483702万元，分别为预算的{1}%和99.53%。",
        )
        + "表1 收入支出\n单位：万元\n项目\t预算数\t执行数\n增值税\t620000\t598735\n企业所得税\t260000\t271904\n"
        + ("教育支出\t612000\t605941\n社会保障和就业支出\t486000\t483702\n")
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("104.58", "99.01"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("105.58", "98.01")))
    assert sorted((rule, subject, stated) for rule, subject, stated, _e in found) == [
        ("rate.completion", "企业所得税", Decimal("105.58")),
        ("rate.completion", "教育支出", Decimal("98.01")),
    ]


def test_a_rate_with_its_formula_printed_is_of_the_two_amounts_it_names(tmp_path: Path) -> None:
    """ "预算执行率94.12%（实际支出/到位资金）": the rate is the amount named 实际支出 over the one named 到位资金 (adv512
    播州: left as "未找到执行率的预算数")."""
    text = (
        "某区2023年农村饮水安全项目绩效评价报告\n二、项目资金情况\n"
        "项目实际到位资金1,150.00万元，实际支出1,082.35万元，预算执行率{}%（实际支出/到位资金）。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("94.12"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("95.12")))
    assert [(rule, stated, expected.quantize(Decimal("0.01"))) for rule, _s, stated, expected in found] == [
        ("rate.ratio-text", Decimal("95.12"), Decimal("94.12"))
    ]


def test_a_figure_followed_by_zhong_opens_the_list_of_its_parts(tmp_path: Path) -> None:
    """ "调入资金386,540万元中，从政府性基金预算调入210,000万元，从国有资本经营预算调入26,540万元，从其他资金调入
    150,000万元": the parts of the figure just printed, the last one the rest (adv512 德阳: no list read)."""
    text = _report(
        "调入资金386,540万元中，从政府性基金预算调入210,000万元，从国有资本经营预算调入26,540万元，从其他资金调入{}万元。"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("150,000"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("105,000")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.enumeration", Decimal("386540"), Decimal("341540"))
    ]


def test_the_total_score_after_each_categorys_is_the_sheets_total(tmp_path: Path) -> None:
    """ "预算执行率指标得分9.80分，产出指标得分49.50分，效益指标得分30.00分，满意度指标得分10.00分，综合自评得分98.30分"
    under a heading of one category: the sentence scores every category, then the whole — the sheet's 总分 (adv510 鱼峰:
    the categories named before it and the heading took it for one category's score)."""
    lines = [
        "某区教育局2024年度部门整体支出绩效自评报告",
        "三、绩效指标完成情况",
        "（三）满意度指标",
        "按照评分标准，预算执行率指标得分9.80分，产出指标得分49.50分，效益指标得分30.00分，满意度指标得分10.00分，"
        "综合自评得分{}分，评价等级为“优”。",
        "绩效指标完成情况",
        "一级指标\t二级指标\t分值\t得分",
        "预算执行\t预算执行率\t10\t9.80",
        "产出指标\t数量指标\t50\t49.50",
        "效益指标\t社会效益指标\t30\t30.00",
        "满意度指标\t服务对象满意度\t10\t10.00",
        "总分\t\t100\t99.30",
    ]
    text = "\n".join(lines) + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("99.30"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("98.30")))
    assert [(rule, stated) for rule, _s, stated, _e in found] == [("scoresheet.total-in-text", Decimal("98.30"))]


def test_a_rates_formula_printed_before_its_figure_names_its_two_amounts(tmp_path: Path) -> None:
    """ "预算执行率（实际支出/到位资金）为95.46%", the 到位资金 printed in the paragraph before: the rate is 实际支出 ÷
    到位资金 (adv514 广丰: no finding at all; the subject keeps no formula)."""
    text = (
        "某区2024年农村公路养护项目支出绩效评价报告\n（二）项目资金情况\n项目实际到位资金1178.50万元。\n"
        "二、项目资金使用情况\n截至2024年12月31日，项目实际支出1028.52万元，预算执行率（实际支出/到位资金）为{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("87.27"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("95.46")))
    assert [(rule, subject, stated) for rule, subject, stated, _e in found] == [
        ("rate.ratio-text", "预算执行率", Decimal("95.46"))
    ]


def test_a_growth_column_under_a_years_head_beside_one_column_of_the_year_before(tmp_path: Path) -> None:
    """项目 | 2024年执行数 (over both header rows) | 2025年预算 › 金额 | 增长%: the growth is over that one column (adv514
    绵阳: checked only when the header was flat)."""
    lines = [
        "某市2024年预算执行情况和2025年预算草案的报告",
        "表1 2025年市级一般公共预算收入预算表",
        "单位：万元",
        "项目\t2024年执行数\t2025年预算\t2025年预算",
        "项目\t2024年执行数\t金额\t增长%",
        "税收收入\t100000\t103000\t3.0",
        "增值税\t60000\t62400\t4.0",
        "个人所得税\t40000\t40600\t{}",
        "非税收入\t20000\t19000\t-5.0",
    ]
    text = "\n".join(lines) + "\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("1.5")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("5.1")) if f.severity != "info"]
    assert [(f.rule, f.stated_value) for f in found] == [("percent_column.growth", Decimal("5.1"))]


def test_the_figure_compared_as_before_the_adjustment_names_no_item_of_its_own(tmp_path: Path) -> None:
    """ "…调整为40000万元，比调整前的28000万元增加12000万元" and "收入总计530285.6万元，比调整前的476960万元增加…": two
    bases of two items, not one figure "比调整前" printed twice (adv513 云和: repeat.different-values error)."""
    text = (
        "关于某县2024年预算调整方案的报告\n一、一般公共预算调整情况\n"
        "债务转贷收入由年初的28000万元调整为40000万元，比调整前的28000万元增加12000万元，增长42.86%。\n"
        "调整后，全县一般公共预算收入总计530285.6万元，比调整前的476960万元增加53325.6万元，增长11.18%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_spending_total_without_the_balance_a_later_paragraph_or_its_table_carries(tmp_path: Path) -> None:
    """ "…支出总计1200万元。" then "收支相抵，结转下年支出300万元。" in a paragraph of its own, and the balanced table's
    支出总计 1500 (= 1200 + 300): one total, two definitions — and the carry-over itself is 收入总计 − 支出总计 of the
    paragraphs before (adv513 衡阳: a narrative_table.mismatch error, and no balance check across paragraphs)."""
    text = (
        "某市2023年市级决算草案的报告\n一、一般公共预算\n"
        "市级一般公共预算收入1000万元，加上上级补助收入450万元、上年结转收入50万元，收入总计1500万元。\n"
        "市级一般公共预算支出1100万元，加上上解支出100万元，支出总计1200万元。\n"
        "收支相抵，结转下年支出{}万元。\n"
        "附表2 某市2023年市级一般公共预算收支决算平衡表\n单位：万元\n"
        "收入项目\t决算数\t支出项目\t决算数\n"
        "一般公共预算收入\t1000\t一般公共预算支出\t1100\n"
        "上级补助收入\t450\t上解支出\t100\n"
        "上年结转收入\t50\t结转下年支出\t300\n"
        "收入总计\t1500\t支出总计\t1500\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("300"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("310")))
    assert ("balance.income-less-spending", Decimal("310"), Decimal("300")) in [
        (rule, stated, expected) for rule, _s, stated, expected in found
    ]


def test_an_amount_and_rate_printed_with_a_budget_agree_whichever_base_is_last_years(tmp_path: Path) -> None:
    """ "2025年…预算安排3500.00万元，比上年增加143.18万元，增长4.72%" (and "比2024年完成数增加…"): which of last year's
    figures is the base is not said, but 143.18 ÷ (3500.00 − 143.18) = 4.27% whichever it is (adv515 汾水: an info,
    or two "未找到" infos)."""
    for base in ("比上年", "比2024年完成数"):
        text = (
            "某镇2025年财政预算报告\n一、2024年预算执行情况\n2024年一般公共预算收入预算为3200.00万元，完成3356.82万元，"
            "为预算的104.90%。\n二、2025年预算草案\n"
            f"2025年一般公共预算收入预算安排3500.00万元，{base}增加143.18万元，增长{{}}%。\n"
        )
        assert _errors(_scan_txt(tmp_path / "a.txt", text.format("4.27"))) == [], base
        found = _errors(_scan_txt(tmp_path / "b.txt", text.format("4.72")))
        assert [(rule, stated) for rule, _s, stated, _e in found] == [("change.stated-vs-computed", Decimal("4.72"))], (
            base
        )


def test_equal_income_and_spending_totals_are_two_figures_with_their_own_changes(tmp_path: Path) -> None:
    """ "本年收入合计2,172.48万元，较2023年度的1,981.35万元增加191.13万元；本年支出合计2,172.48万元，较2023年度的
    1,975.20万元增加197.28万元": a balanced account's two sides, equal by design — not one figure with two changes
    (adv492 龙游: a change.amounts-disagree warning once a base named by its year was read)."""
    text = (
        "某镇2024年度单位决算\n一、收入支出决算总体情况说明\n"
        "2024年度收入、支出决算总计均为2,300.00万元。其中本年收入合计2,172.48万元，较2023年度的1,981.35万元增加191.13万元，"
        "增长9.65%；本年支出合计2,172.48万元，较2023年度的1,975.20万元增加197.28万元，增长9.99%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def _funds_across(total_income: str) -> str:
    funds = ("企业职工基本养老保险基金", "工伤保险基金", "失业保险基金")
    income, spent = ("546890.60", "12815.13", "18785.37"), ("530727.40", "10255.23", "17101.54")
    whole_in = sum(Decimal(x) for x in income)
    whole_out = sum(Decimal(x) for x in spent)
    lines = [
        "某市2023年社会保险基金决算",
        "一、社会保险基金决算总体情况",
        f"2023年全市社会保险基金收入{total_income}万元，社会保险基金支出{whole_out}万元。",
        "二、分险种决算情况",
        "（一）工伤保险基金。工伤保险基金收入12815.13万元。支出10255.23万元。",
        "表1 2023年某市社会保险基金收支决算表",
        "单位：万元",
        "项目\t合计\t" + "\t".join(funds),
        f"一、收入\t{whole_in}\t" + "\t".join(income),
        f"二、支出\t{whole_out}\t" + "\t".join(spent),
    ]
    return "\n".join(lines) + "\n"


def test_a_table_of_funds_across_holds_each_funds_flows(tmp_path: Path) -> None:
    """项目 | 合计 | 企业职工基本养老保险基金 | 工伤保险基金 | … over 一、收入 | 二、支出: each cell is its column's fund's
    flow (工伤保险基金收入), the 合计 column the whole 社会保险基金's — the text's figures are set against them (adv515
    柳州: every cell was a bare 收入 of no fund; the title's city took the whole fund for one fund of it; and a paragraph
    opening on 支出 under a fund's run-in heading was the fund alone)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _funds_across("578491.10"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _funds_across("578419.10")))
    assert [(r, {st, ex}) for r, _s, st, ex in found] == [
        ("narrative_table.mismatch", {Decimal("578419.10"), Decimal("578491.10")})
    ]
    bad = _funds_across("578491.10").replace("支出10255.23万元。", "支出10525.23万元。")
    found = _errors(_scan_txt(tmp_path / "c.txt", bad))
    assert [(r, {st, ex}) for r, _s, st, ex in found] == [
        ("narrative_table.mismatch", {Decimal("10525.23"), Decimal("10255.23")})
    ]


def test_a_years_balance_after_a_list_of_income_parts_is_of_the_whole(tmp_path: Path) -> None:
    """ "工伤保险基金收入44,098万元，其中保险费收入41,268万元，财政补贴收入1,245万元；支出37,805万元；当年收支结余6,293万元":
    the list of parts ends at its "；" — the balance is of the fund's 收入 and 支出 (adv519 洛川: six errors, the last part
    taken for the income)."""
    text = (
        "关于2023年市级决算的报告\n"
        "工伤保险基金收入44,098万元，其中保险费收入41,268万元，财政补贴收入1,245万元；支出37,805万元；当年收支结余{}万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("6,293"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("6,393")))
    assert [(r, st, ex) for r, _s, st, ex in found] == [
        ("balance.income-less-spending", Decimal("6393"), Decimal("6293"))
    ]


def test_a_budget_at_the_start_of_a_year_is_not_dated_by_the_paragraph_before(tmp_path: Path) -> None:
    """ "2025年市级一般公共预算支出安排552300万元。" then "市级一般公共预算支出年初预算为512000万元。": the second is this
    year's budget as passed, not 2025's (adv517 天水: repeat.different-values error)."""
    text = "某市2024年预算执行情况的报告\n2025年市级一般公共预算支出安排552300万元。\n市级一般公共预算支出年初预算为512000万元。\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_change_after_an_adjustment_of_the_budget_is_checked(tmp_path: Path) -> None:
    """ "…由年初预算的1650000万元调整为1720000万元，完成1689500万元，为调整预算的98.2%，比上年增加77200万元，增长9.9%":
    the figure adjusted from is no base of the change with last year (adv517 天水: "比较基数已在句中写出，但本年数未在本句
    写出")."""
    text = (
        "某市2024年预算执行情况的报告\n全市一般公共预算支出由年初预算的1650000万元调整为1720000万元，完成1689500万元，"
        "为调整预算的98.2%，比上年增加77200万元，增长{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("4.8"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("9.9")))
    assert [(r, st) for r, _s, st, _e in found] == [("change.stated-vs-computed", Decimal("9.9"))]


def _score_sheet(produce_score: str) -> str:
    lines = [
        "某县2025年度农村公路养护专项资金绩效评价报告",
        "表1 绩效评价指标得分情况表",
        "一级指标\t分值\t二级指标\t分值\t得分",
        "决策\t20\t小计\t20\t18.0",
        "\t\t项目立项\t10\t9.0",
        "\t\t绩效目标\t10\t9.0",
        f"产出\t40\t小计\t40\t{produce_score}",
        "\t\t产出数量\t25\t24.0",
        "\t\t产出质量\t15\t12.5",
        "效益\t40\t小计\t40\t38.0",
        "\t\t社会效益\t20\t19.0",
        "\t\t可持续影响\t10\t10.0",
        "\t\t满意度\t10\t9.0",
        "合计\t100\t\t100\t92.5",
    ]
    return "\n".join(lines) + "\n"


def test_a_score_sheets_category_rows_are_not_added_to_their_indicators(tmp_path: Path) -> None:
    """决策 | 20 | 小计 | 20 | 18.0 over its indicators, then 合计: the total is the categories' or the indicators', never
    both added up (adv520 永修: 总分 100 read against 200); a category's score out of line with its indicators' is found
    on the category's row."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _score_sheet("36.5"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _score_sheet("35.5")))
    assert [(r, st, ex) for r, _s, st, ex in found] == [("scoresheet.category-score", Decimal("35.5"), Decimal("36.5"))]


def test_one_row_under_a_total_is_no_breakdown_of_it(tmp_path: Path) -> None:
    """收入合计 | 支出合计 | 当年收支结余: the balance under the spending total is no part of it (adv518 修水: "分项行 35 = 35,
    两者不符" warnings)."""
    lines = [
        "某县2025年社会保险基金预算",
        "单位：万元",
        "项目\t合计\t失业保险基金\t工伤保险基金",
        "收入合计\t2,330\t1,320\t1,010",
        "支出合计\t2,295\t1,360\t935",
        "当年收支结余\t35\t-40\t75",
    ]
    assert [f for f in _scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n") if f.severity != "info"] == []


def test_a_share_of_an_unnamed_whole_is_of_the_list_it_stands_in(tmp_path: Path) -> None:
    """ "2024年度全年执行数5,536.24万元。其中：基本支出2,874.61万元，占全年执行数的51.92%": the whole has no name but its
    measure; the parts are its usual breakdown, not 基本支出 of some other whole (adv518 花明楼: "未找到占比的分子")."""
    text = (
        "某镇人民政府2024年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
        "2024年度全年执行数5,536.24万元。其中：基本支出2,874.61万元，占全年执行数的{}%；项目支出2,661.63万元，"
        "占全年执行数的48.08%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("51.92")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("52.22")) if f.severity != "info"]
    assert [(f.rule, f.stated_value) for f in found] == [("share.stated-vs-computed", Decimal("52.22"))]


def test_a_ratio_worked_out_in_the_text_is_its_numbers_quotient(tmp_path: Path) -> None:
    """ "预算执行率=实际支出÷到位资金×100%=1,178.64÷1,220.00×100%=96.16%": the printed result is the quotient of the two
    numbers printed before it (adv520 永修, adv517 大理: no finding; the "×100%" read as figures of their own)."""
    text = (
        "某县2025年农村公路养护专项资金绩效评价报告\n三、资金使用情况\n"
        "截至2025年12月31日，项目实际支出1,178.64万元，预算执行率=实际支出÷到位资金×100%=1,178.64÷1,220.00×100%={}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("96.61"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("96.16")))
    assert [(r, s, st) for r, s, st, _e in found] == [("rate.ratio-text", "预算执行率", Decimal("96.16"))]


def test_a_balance_as_a_share_of_its_ceiling_is_the_balance_over_its_own_ceiling(tmp_path: Path) -> None:
    """ "全省政府债务余额2517.3亿元，为限额的96.2%" and "一般债务余额1012.5亿元、专项债务余额1504.8亿元，分别为限额的92.0%和
    99.2%": each balance over the ceiling of its own holder and debt type; "为省级限额的" with no 省级 ceiling printed is
    not checked (adv510, adv516, adv519: never checked)."""
    text = (
        "某省2024年预算执行情况的报告\n（四）政府债务\n"
        "2024年，财政部核定我省政府债务限额2616.6亿元，其中一般债务限额1100.0亿元、专项债务限额1516.6亿元。截至2024年末，"
        "全省政府债务余额2517.3亿元，为限额的{0}%。其中，一般债务余额1012.5亿元、专项债务余额1504.8亿元，分别为限额的{1}%和"
        "99.2%。省级政府债务余额800.0亿元，为省级限额的96.8%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("96.2", "92.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("97.2", "93.0")))
    assert sorted((r, s, st) for r, s, st, _e in found) == [
        ("debt_limit.ratio-to-limit", "一般债务余额", Decimal("93.0")),
        ("debt_limit.ratio-to-limit", "全省政府债务余额", Decimal("97.2")),
    ]


def test_a_formula_naming_kinds_of_amounts_is_of_the_item_right_before_the_rate(tmp_path: Path) -> None:
    """ "…项目到位资金820万元。…市级配套资金到位120万元，到位率80.00%（到位资金÷预算资金）": the rate is the 市级配套资金's
    (120 ÷ 150), not the project's 到位资金 over its budget (adv513 朝天: a false rate.ratio-text error)."""
    text = (
        "某区高标准农田建设项目绩效评价报告\n（二）资金情况\n项目预算资金850万元。\n"
        "项目到位资金820万元。其中中央和省级资金全部到位，市级配套资金到位120万元，到位率80.00%（到位资金÷预算资金），"
        "尚有30万元未到位。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_rate_after_its_printed_base_and_amount_is_the_amount_over_the_base(tmp_path: Path) -> None:
    """ "城乡社区支出比调整前的4470万元增加2350万元，增长50.6%": the level is not printed, but the rate is 2350 ÷ 4470 (adv523
    平南: "比较基数已在句中写出，但本年数未在本句写出")."""
    text = "某县2024年预算调整方案\n一、支出调整\n城乡社区支出比调整前的4470万元增加2350万元，增长{}%。\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("52.6"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("50.6")))
    assert [(r, s, st) for r, s, st, _e in found] == [("change.stated-vs-computed", "城乡社区支出", Decimal("50.6"))]


def test_a_carry_over_named_otherwise_is_a_term_of_the_grand_total(tmp_path: Path) -> None:
    """收入支出决算总表 with "上年结转和结余" (not 年初结转和结余) between 本年收入合计 and 总计: a term of the 总计, not a
    total out of line (adv522 淄川: template.sum error, 25299.95 "（1 项）")."""
    lines = [
        "某医院2024年度单位决算",
        "表1 收入支出决算总表",
        "单位：万元",
        "收入项目\t决算数\t支出项目\t决算数",
        "一、财政拨款收入\t100.00\t一、卫生健康支出\t90.00",
        "本年收入合计\t100.00\t本年支出合计\t90.00",
        "{}\t20.00\t年末结转和结余\t30.00",
        "总计\t120.00\t总计\t120.00",
    ]
    for label in ("上年结转和结余", "年初结转结余", "上年结转结余", "期初结转和结余"):
        text = "\n".join(lines).format(label) + "\n"
        assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == [], label


def test_a_total_out_of_line_is_read_against_its_nearest_reading(tmp_path: Path) -> None:
    """一、收入合计 150.00 over 其中：保险费收入 90.00 and the rows indented under it, one printed 20.10: the total misses
    the four rows by 0.10, the cell the column check finds out — one finding on that cell, not a second on the right
    total read against the three indented rows (60.10; adv524 湘潭)."""
    lines = [
        "某市2023年社会保险基金决算",
        "表1 某市2023年社会保险基金收支决算表",
        "单位：万元",
        "项目\t合计\t工伤保险基金\t失业保险基金",
        "一、收入合计\t150.00\t100.00\t50.00",
        "    其中：保险费收入\t90.00\t60.00\t30.00",
        "          财政补贴收入\t30.00\t20.00\t10.00",
        "          利息收入\t{}\t15.00\t5.00",
        "          其他收入\t10.00\t5.00\t5.00",
    ]
    assert [
        f for f in _scan_txt(tmp_path / "a.txt", "\n".join(lines).format("20.00") + "\n") if f.severity != "info"
    ] == []
    found = _errors(_scan_txt(tmp_path / "b.txt", "\n".join(lines).format("20.10") + "\n"))
    assert all(expected != Decimal("60.10") for _r, _s, _st, expected in found)
    assert [st for _r, _s, st, _e in found] == [Decimal("20.10")]


def test_a_by_level_sentence_keeps_each_levels_scope_past_a_decimal_point(tmp_path: Path) -> None:
    """ "分级次看，省本级政府债务限额1618.83亿元，债务余额1478.43亿元": the 债务余额 is 省本级's — the decimal point of 1618.83
    ends no sentence (adv521 江南: four repeat.different-values errors against the 全省 balances)."""
    text = (
        "某省2024年政府债务情况\n全省政府债务余额23698.47亿元。其中：一般债务余额8686.45亿元。\n"
        "分级次看，省本级政府债务限额1618.83亿元，债务余额1478.43亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def _grouped_funds(urban: str) -> list[str]:
    return [
        "某市2024年社会保险基金决算",
        "表1 某市2024年社会保险基金决算收支表",
        "单位：万元",
        "项目\t合计\t基本养老保险基金\t基本养老保险基金\t工伤保险基金",
        "项目\t合计\t企业职工\t城乡居民\t工伤保险基金",
        f"一、收入\t569768.98\t375672.11\t{urban}\t128464.19",
        "二、支出\t508280.03\t337355.79\t55246.24\t115678.00",
    ]


def test_a_group_header_over_named_fund_columns_leaves_each_column_a_part(tmp_path: Path) -> None:
    """合计 | 基本养老保险基金 › 企业职工 | 城乡居民 | 工伤保险基金: the group header names no 小计 of its own, each named column
    is one part of the 合计 and its cells its fund's flows (企业职工基本养老保险基金收入; adv521 临川: the merged header turned
    every check of the table off)."""
    assert [
        f for f in _scan_txt(tmp_path / "a.txt", "\n".join(_grouped_funds("65632.68")) + "\n") if f.severity != "info"
    ] == []
    found = [
        f for f in _scan_txt(tmp_path / "b.txt", "\n".join(_grouped_funds("65532.68")) + "\n") if f.severity != "info"
    ]
    assert [(f.rule, f.stated_value) for f in found] == [("sum.table-columns", Decimal("569768.98"))]


def test_the_projects_a_figure_is_all_spent_on_are_its_whole_list(tmp_path: Path) -> None:
    """ "新增专项债券52,000万元，全部用于以下项目：A15,000万元，B20,000万元，C15,000万元": the list names every part — 50,000
    is no 52,000 (adv520 都昌: no list read; with 其中 only a partial info)."""
    text = (
        "某县2026年预算调整方案\n二、政府债券\n新增专项债券52,000万元，全部用于以下项目：县城污水处理厂提标改造项目15,000万元，"
        "工业园区基础设施项目20,000万元，农贸市场改造项目{}万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("17,000"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("15,000")))
    assert [(r, st, ex) for r, _s, st, ex in found] == [("sum.enumeration", Decimal("52000"), Decimal("50000"))]
