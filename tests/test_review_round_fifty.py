"""Review round fifty (stop 45): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt

from extractors.claims import extract_claims
from extractors.txt_reader import read_txt


def _adjustment_report(*paragraphs: str) -> str:
    return "\n".join(("某县2025年预算调整方案的报告", "一、一般公共预算调整情况", *paragraphs)) + "\n"


def test_an_adjusted_budgets_change_against_the_budget_of_the_sentence_before_is_checked(tmp_path: Path) -> None:
    """ "年初预算一般公共预算收入80000万元。调整后一般公共预算收入为82300万元，比年初预算增长2.9%": the 年初 figure of the
    same item stands in the sentence before; and "…年初预算150000万元，调整后为156000万元，比年初预算增加6000万元，增长4%":
    the bare rate after a change against the 年初 budget is against it too (both left as "与预算相比，未能核对")."""
    ok = _adjustment_report(
        "2025年年初预算一般公共预算收入80000万元。调整后一般公共预算收入为82300万元，比年初预算增长2.9%。",
        "一般公共预算支出年初预算150000万元，调整后为156000万元，比年初预算增加6000万元，增长4%。",
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", ok)) == []
    bad = ok.replace("增长2.9%", "增长3.9%").replace("增长4%", "增长5%")
    found = _scan_txt(tmp_path / "b.txt", bad)
    flagged = sorted((f.rule, f.stated_value, f.severity) for f in found if f.severity in ("error", "warning"))
    assert flagged == [
        ("change.stated-vs-computed", Decimal("3.9"), "error"),
        ("change.stated-vs-computed", Decimal("5"), "warning"),
    ]
    assert {f.subject for f in found if f.severity == "error"} == {"一般公共预算收入"}


def test_a_figure_adjusted_to_after_an_adjustment_is_the_adjusted_items(tmp_path: Path) -> None:
    """ "其中：税收收入调减1200万元，调整后为52300万元；非税收入调增3500万元，调整后为30000万元": each 调整后 figure is
    the item adjusted just before it, not the paragraph's 调整后一般公共预算收入."""
    path = tmp_path / "a.txt"
    path.write_text(
        _adjustment_report(
            "调整后一般公共预算收入为82300万元。其中：税收收入调减1200万元，调整后为52300万元；非税收入调增3500万元，"
            "调整后为30000万元。"
        ),
        encoding="utf-8",
    )
    subjects = {c.quantity.text: c.subject for c in extract_claims(read_txt(path, "0" * 64))}
    assert subjects["52300万元"] == "税收收入"
    assert subjects["30000万元"] == "非税收入"


def _funds_across_book(path: Path, balance: float) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ("某市2023年社会保险基金决算表",),
        ("单位：万元",),
        ("项目", "合计", "工伤保险基金", "失业保险基金"),
        ("一、收入", 300, 100, 200),
        ("其中：保险费收入", 240, 80, 160),
        ("二、支出", 230, 80, 150),
        ("三、当年收支结余", 50 + balance, balance, 50),
        ("四、年初滚存结余", 110, 10, 100),
        ("五、年末滚存结余", 160 + balance, 10 + balance, 150),
    ):
        sheet.append(row)
    book.save(path)
    return path


def test_a_tables_funds_across_keep_their_accounts_in_each_column(tmp_path: Path) -> None:
    """项目 | 合计 | 工伤保险基金 | 失业保险基金 over 一、收入 | 二、支出 | 三、当年收支结余 | 四、年初滚存结余 | 五、年末滚存
    结余: 当年收支结余 = 收入 − 支出 and 年末 = 年初 + 当年 in every fund's column (adv528 S10: a wrong 结余 gave nothing)."""
    from pipeline.analyze import analyze_file

    clean = analyze_file(_funds_across_book(tmp_path / "a.xlsx", 20)).findings
    assert [f for f in clean if f.severity in ("error", "warning")] == []
    found = [
        f for f in analyze_file(_funds_across_book(tmp_path / "b.xlsx", 25)).findings if f.rule == "formula.column"
    ]
    # 20 → 25 in the fund's column and the 合计 beside it: 当年收支结余 out of 收入 − 支出 in both columns (each
    # column its own figure, its own finding), the 年末 stocks built on it agree
    assert sorted((f.location, f.stated_value, f.expected_value) for f in found) == [
        ("表1 r5c2", Decimal("75"), Decimal("70")),
        ("表1 r5c3", Decimal("25"), Decimal("20")),
    ]


def test_a_rate_of_funds_received_over_the_items_own_amount_or_the_base_of_the_sentence_before(
    tmp_path: Path,
) -> None:
    """ "区级配套资金541.00万元，区级配套资金到位496.50万元，到位率91.77%" (the item's own amount is the base) and "项目计划
    投入资金2,400.00万元。项目实际到位资金2,355.50万元，资金到位率98.15%" (the base closes the sentence before): both
    were passed in silence (adv526)."""
    text = (
        "某区学生营养改善计划项目绩效评价报告\n"
        "项目计划投入资金2,400.00万元。项目实际到位资金2,355.50万元，资金到位率{}%。"
        "区级配套资金541.00万元，区级配套资金到位496.50万元，到位率{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("98.15", "91.77"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("98.51", "91.97")))
    assert sorted((rule, stated, expected.quantize(Decimal("0.01"))) for rule, _s, stated, expected in found) == [
        ("rate.ratio-text", Decimal("91.97"), Decimal("91.77")),
        ("rate.ratio-text", Decimal("98.51"), Decimal("98.15")),
    ]
    # a 到位率 whose two figures are not found is said to be unchecked, never passed in silence
    lone = _scan_txt(tmp_path / "c.txt", "某项目绩效评价报告\n资金到位率98.51%。\n")
    assert [f.rule for f in lone if f.stated_value == Decimal("98.51")] == ["unresolved.no-counterpart"]


def test_a_share_of_this_years_income_is_no_share_of_the_grand_total(tmp_path: Path) -> None:
    """ "收入总计7,587.00万元，其中：一般公共预算拨款收入6,842.36万元，占本年收入的94.1%；事业收入385.20万元" (and "占94.1%
    （占本年收入）"): 本年收入 leaves out what was carried in, so the 收入总计 heading the list is not its whole (adv527:
    an error against 6,842.36 ÷ 7,587.00)."""
    for i, share in enumerate(("占本年收入的94.1%", "占94.1%（占本年收入）")):
        text = (
            "某局2026年部门预算\n"
            f"2026年收入总计7,587.00万元，其中：一般公共预算拨款收入6,842.36万元，{share}；事业收入385.20万元；"
            "其他收入46.80万元；上年结转312.64万元。\n"
        )
        found = _scan_txt(tmp_path / f"{i}.txt", text)
        assert [f for f in found if f.severity in ("error", "warning")] == []
        assert [f.rule for f in found if f.stated_value == Decimal("94.1")] == ["unresolved.no-counterpart"]
    # a share of the 收入总计 the list heads is still checked against it
    wrong = "某局2026年部门预算\n收入总计7,587.00万元，其中：一般公共预算拨款收入6,842.36万元，占收入总计的94.1%；事业收入744.64万元。\n"
    assert [rule for rule, *_ in _errors(_scan_txt(tmp_path / "w.txt", wrong))] == ["share.stated-vs-computed"]


def test_parts_numbered_after_a_qizhong_may_be_some_of_the_parts_only(tmp_path: Path) -> None:
    """一、收入 100 › 其中：1.保险费收入 60 | 2.财政补贴收入 30: the numbers order the rows the 其中 lists, which need not be
    every part (其他收入 left out), so a shortfall is undecided; parts adding up to more than the row are still a slip
    (adv529 河北: sum.table-rows errors in seven columns)."""
    from openpyxl import Workbook

    from pipeline.analyze import analyze_file

    def book(name: str, subsidy: int) -> Path:
        wb = Workbook()
        sheet = wb.active
        assert sheet is not None
        for row in (
            ("社会保险基金收支表",),
            ("单位：万元",),
            ("项目", "合计"),
            ("一、收入", 100),
            ("    其中：1.保险费收入", 60),
            ("          2.财政补贴收入", subsidy),
            ("二、支出", 80),
            ("    其中：1.待遇支出", 70),
        ):
            sheet.append(row)
        wb.save(tmp_path / name)
        return tmp_path / name

    short = analyze_file(book("a.xlsx", 30)).findings
    assert [f for f in short if f.severity in ("error", "warning")] == []
    assert {f.rule for f in short if f.stated_value in (Decimal("100"), Decimal("80"))} == {"sum.table-rows-unclear"}
    over = analyze_file(book("b.xlsx", 50)).findings
    assert [(f.rule, f.stated_value, f.expected_value) for f in over if f.severity in ("error", "warning")] == [
        ("sum.table-rows", Decimal("100"), Decimal("110"))
    ]


def test_a_share_of_the_years_income_is_no_share_of_an_items_income(tmp_path: Path) -> None:
    """ "国有资本经营预算收入8840万元，其中利润收入5830万元。¶ 调出资金2653万元，占本年收入的30.0%": 本年收入 is the
    fund's whole income, never the 利润收入 printed last (adv529 绍兴: an error against 2653 ÷ 5830)."""
    text = (
        "某市2025年市本级国有资本经营预算\n国有资本经营预算收入8840万元，其中利润收入5830万元。\n"
        "调出资金2653万元，占本年收入的{}%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("30.0")) if f.severity in ("error", "warning")] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("31.0")) if f.severity in ("error", "warning")]
    assert [(f.rule, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
        ("share.stated-vs-computed", Decimal("30.01"))
    ]


def test_each_clause_run_of_a_sentence_compares_its_own_adjusted_budget(tmp_path: Path) -> None:
    """ "税收收入年初预算336,500万元，…调整后为342,700万元，比年初预算增长1.8%；非税收入年初预算121,600万元，…调整后为
    131,000万元，比年初预算增长8.7%": the second rate is of the run after the "；" (adv531 S1-1: left as info)."""
    text = _adjustment_report(
        "税收收入年初预算336,500万元，调增6,200万元，调整后为342,700万元，比年初预算增长1.8%；非税收入年初预算121,600万元，"
        "调增9,400万元，调整后为131,000万元，比年初预算增长{}%。"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("7.7"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("8.7")))
    assert [(rule, stated, expected.quantize(Decimal("0.01"))) for rule, _s, stated, expected in found] == [
        ("change.stated-vs-computed", Decimal("8.7"), Decimal("7.73"))
    ]


def test_a_funds_balance_after_a_lone_qizhong_figure_is_its_income_less_its_spending(tmp_path: Path) -> None:
    """ "工伤保险基金：收入24,500万元，其中保险费收入23,400万元；支出22,000万元；当年收支结余3,000万元": the lone 其中
    figure ends at the "；" like a list does (adv531: "未找到唯一的收入数和支出数" in every fund's paragraph)."""
    text = (
        "某市2025年社会保险基金预算情况说明\n"
        "工伤保险基金：收入24,500万元，其中保险费收入23,400万元；支出22,000万元；当年收支结余{}万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("2,500"))) == []
    assert [rule for rule, *_ in _errors(_scan_txt(tmp_path / "b.txt", text.format("3,000")))] == [
        "balance.income-less-spending"
    ]


def test_an_execution_rate_after_its_spending_and_its_budget_each_alone_in_a_sentence(tmp_path: Path) -> None:
    """ "2024年度部门全年预算数3,638.80万元。全年实际支出3,566.58万元。部门整体预算执行率为98.02%": the budget two
    sentences back, the spending one (adv526 玉林: "未找到执行率的预算数")."""
    text = (
        "某街道办事处2024年度部门整体支出绩效自评报告\n"
        "2024年度部门全年预算数3,638.80万元。全年实际支出3,566.58万元。部门整体预算执行率为{}%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("98.02")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("98.20")) if f.severity != "info"]
    assert [(f.rule, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
        ("rate.execution-text", Decimal("98.02"))
    ]


def test_a_base_printed_in_brackets_after_its_comparison(tmp_path: Path) -> None:
    """ "2024年实际支出11,820.40万元，比上年（10,955.80万元）增加864.60万元，增长7.89%": the bracket prints the base the
    comparison is with, as "比上年10,955.80万元增加…" does (adv532 C3: the base read as an item "）增加", no check)."""
    text = (
        "某区卫生健康局2024年度部门整体支出绩效自评报告\n"
        "2024年实际支出11,820.40万元，比上年（10,955.80万元）增加864.60万元，增长{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("7.89"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("5.89")))
    assert [(rule, subject, expected.quantize(Decimal("0.01"))) for rule, subject, _st, expected in found] == [
        ("change.stated-vs-computed", "支出", Decimal("7.89"))
    ]


_YEARS_TABLE = """# 某镇2022-2024年财政收支情况

表1 收支情况

单位：万元

| 年度 | 收入 | 增长% | 支出 | 增长% |
|---|---|---|---|---|
| 2022年 | 3480.60 | 8.25 | 4388.20 | 6.51 |
| 2023年 | 3702.15 | 6.37 | 4651.50 | {growth} |
| 2024年（预计） | 3890.00 | 5.07 | 4580.10 | -1.53 |

2023年支出4651.50万元，增长{text}%。
"""


def test_a_table_of_years_down_the_rows_grows_from_the_row_above(tmp_path: Path) -> None:
    """年度 | 收入 | 增长% | 支出 | 增长% over 2022年 | 2023年 | 2024年（预计）: each year's 增长% is over the year above it,
    and the text's "2023年支出…增长…%" over the table's 2022年 row (adv525, adv532 D1: neither checked)."""
    assert [
        f for f in _scan_txt(tmp_path / "a.md", _YEARS_TABLE.format(growth="6.00", text="6.00")) if f.severity != "info"
    ] == []
    found = [
        f for f in _scan_txt(tmp_path / "b.md", _YEARS_TABLE.format(growth="6.60", text="7.00")) if f.severity != "info"
    ]
    assert sorted((f.rule, f.subject, f.stated_value, f.expected_value.quantize(Decimal("0.01"))) for f in found) == [
        ("change.stated-vs-computed", "支出", Decimal("7.00"), Decimal("6.00")),
        ("percent_column.growth", "2023年支出", Decimal("6.60"), Decimal("6.00")),
    ]


def test_rates_of_what_was_received_or_returned_in_their_common_wordings(tmp_path: Path) -> None:
    """ "中央财政资金541.00万元，到位496.50万元，到位率91.77%" (到位 named by its verb alone), "发放…问卷1,200份，收回
    1,152份，回收率96.00%" (收回 for 回收), and a rate opening its sentence after two sentences each printing one of its
    figures (…安排专项资金12500.00万元。…资金实际到位11875.00万元。资金到位率为95.00%) (adv534: all passed)."""
    text = (
        "某项目绩效评价报告\n"
        "中央财政资金541.00万元，到位496.50万元，到位率{}%。\n"
        "评价组共发放满意度问卷1,200份，收回1,152份，回收率{}%。\n"
        "省级财政安排专项资金12500.00万元。截至年底，资金实际到位11875.00万元。资金到位率为{}%。\n"
    )
    assert [
        f for f in _scan_txt(tmp_path / "a.txt", text.format("91.77", "96.00", "95.00")) if f.severity != "info"
    ] == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("90.77", "97.00", "96.00")))
    assert sorted((stated, expected.quantize(Decimal("0.01"))) for _r, _s, stated, expected in found) == [
        (Decimal("90.77"), Decimal("91.77")),
        (Decimal("96.00"), Decimal("95.00")),
        (Decimal("97.00"), Decimal("96.00")),
    ]
    assert {rule for rule, *_ in found} == {"rate.ratio-text"}


def test_an_items_share_of_the_adjusted_budget_after_its_own_adjusted_budget(tmp_path: Path) -> None:
    """ "教育支出调整后为1029300万元，调增42800万元，占调整后预算的20.9%": the item's adjusted budget is printed, so the
    share is of the whole adjusted budget (4913400), not a completion rate of "调增" (adv533: every such share an info
    "调增：未找到完成率的决算数或预算数"); the 调增 is 教育支出's."""
    text = _adjustment_report(
        "省级一般公共预算支出年初预算4772500万元，调增140900万元，调整后为4913400万元。"
        "教育支出调整后为1029300万元，调增42800万元，占调整后预算的{}%。"
    )
    ok = _scan_txt(tmp_path / "a.txt", text.format("20.9"))
    assert [f for f in ok if f.severity != "info"] == []
    assert {f.subject for f in ok if f.stated_value == Decimal("42800")} == {"教育支出"}
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("25.9")) if f.severity != "info"]
    assert [(f.rule, f.subject, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
        ("share.stated-vs-computed", "教育支出", Decimal("20.95"))
    ]


def test_a_share_of_this_funds_income_is_of_the_funds_income(tmp_path: Path) -> None:
    """ "2024年基金收入1000.00万元，其中：保险费收入800.00万元，占该项基金收入的80.0%": 该项 points at the fund the
    paragraph is of (adv531 S4-3, adv535: every 社保 share "未找到占比的分母“该项基金收入”")."""
    text = (
        "关于2024年社会保险基金决算情况的说明\n"
        "（一）工伤保险基金。2024年基金收入1000.00万元，其中：保险费收入800.00万元，占该项基金收入的{}%；"
        "财政补贴收入100.00万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("80.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("90.0")))
    assert [(rule, expected) for rule, _s, _st, expected in found] == [("share.stated-vs-computed", Decimal("80"))]


def test_an_items_last_year_in_a_subtotal_row_named_for_it(tmp_path: Path) -> None:
    """ "其中：税收收入17667万元，下降2.7%" against the table's 税收收入小计 | 17667 | 18166: the 小计 row is the item's
    (adv536: "未找到税收收入的本年数或上年数", a wrong rate missed)."""
    text = (
        "关于某县2024年财政决算的报告\n"
        "2024年，全县一般公共预算收入22990万元。其中：税收收入17667万元，下降{}%。\n"
        "表1 某县2024年一般公共预算收入决算表\n单位：万元\n"
        "项目\t决算数\t上年决算数\n税收收入小计\t17667\t18166\n非税收入小计\t5323\t5728\n"
        "一般公共预算收入合计\t22990\t23894\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("2.7"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("3.7")))
    assert [(rule, expected.quantize(Decimal("0.01"))) for rule, _s, _st, expected in found] == [
        ("change.stated-vs-computed", Decimal("2.75"))
    ]


def test_a_figures_allocation_set_out_below_is_its_whole_list_of_parts(tmp_path: Path) -> None:
    """ "新增专项债券262,000万元安排如下：交通基础设施96,000万元，…，社会事业38,000万元": the allocation is the figure's
    every part (adv531 S1-3, adv533: no list read); "主要安排如下" names the main ones only."""
    text = _adjustment_report(
        "新增专项债券262,000万元{}安排如下：交通基础设施96,000万元，保障性安居工程73,000万元，产业园区基础设施58,000万元，"
        "社会事业{}万元。"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("", "35,000"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("", "38,000")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.enumeration", Decimal("262000"), Decimal("265000"))
    ]
    main = [f for f in _scan_txt(tmp_path / "c.txt", text.format("主要", "30,000")) if f.severity != "info"]
    assert main == []


def test_a_list_of_as_many_units_as_its_total_counts_is_complete(tmp_path: Path) -> None:
    """ "全镇6个行政村集体经济收入合计171.57万元，其中：孔田村…、…太平村28.09万元" (six villages): the count says every
    part is listed, so a sum short of the total is a slip (adv528 S7: "所列未必是全部分项")."""
    text = (
        "某镇2024年财政收支情况报告\n2024年全镇{}个行政村集体经济收入合计171.57万元，其中：孔田村38.62万元、下魏村25.17万元、"
        "上魏村19.84万元、大岭村42.30万元、高云山村16.55万元、太平村28.09万元。\n"
    )
    found = [f for f in _scan_txt(tmp_path / "a.txt", text.format("6")) if f.severity != "info"]
    assert [(f.rule, f.expected_value) for f in found] == [("sum.enumeration", Decimal("170.57"))]
    assert [f for f in _scan_txt(tmp_path / "b.txt", text.format("7")) if f.severity != "info"] == []


def test_a_share_of_the_years_income_after_the_whole_income_of_the_paragraph_before(tmp_path: Path) -> None:
    """ "全县一般公共预算收入年初预算为71000万元，调整后为71610万元" then "税收收入调整后为47550万元，占本年收入的66.4%":
    本年收入 is the whole income printed before (a fund's, not an item's), likely the one meant (adv533: one wrong share
    of two passed as "未找到分母"); sibling items' budgets are never the whole of "占调整后预算的"."""
    text = _adjustment_report(
        "全县一般公共预算收入年初预算为71000万元，调整后为71610万元，调增610万元。",
        "分项看：税收收入调整后为47550万元，占本年收入的{}%；非税收入调整后为24060万元，占本年收入的33.6%。",
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("66.4")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("68.4")) if f.severity != "info"]
    assert [(f.rule, f.severity, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
        ("share.stated-vs-computed", "warning", Decimal("66.40"))
    ]
    siblings = _adjustment_report(
        "分科目看：教育支出调整后预算231120万元，占调整后预算的25.3%；卫生健康支出调整后预算103670万元，占调整后预算的11.4%。"
    )
    assert [f for f in _scan_txt(tmp_path / "c.txt", siblings) if f.severity != "info"] == []


def test_a_rate_naming_its_own_project_after_another_projects_rate_is_not_of_those_figures(tmp_path: Path) -> None:
    """ "食品安全监督抽检项目全年预算320.00万元，实际支出305.60万元，执行率95.50%。知识产权保护与运用项目执行率88.25%":
    the figures before already have their rate; the second is another project's (adv540: a warning 88.25 vs 95.5)."""
    text = (
        "某区市场监督管理局2024年度部门整体支出绩效自评报告\n"
        "食品安全监督抽检项目全年预算320.00万元，实际支出305.60万元，执行率95.50%。知识产权保护与运用项目执行率88.25%。\n"
    )
    found = _scan_txt(tmp_path / "a.txt", text)
    assert [f for f in found if f.severity != "info"] == []
    assert [f.rule for f in found if f.stated_value == Decimal("88.25")] == ["unresolved.no-counterpart"]


def test_changes_against_two_named_bases_are_two_changes(tmp_path: Path) -> None:
    """ "2024年一般公共预算收入4596.83万元，比上年增长9.0%，比2021年增长11.4%": the second rate is over 2021, no second
    printing of the change over last year (adv537 F1: change.amounts-disagree 11.4 vs 9)."""
    text = "某镇2024年财政收支情况\n2024年一般公共预算收入4596.83万元，比上年增长9.0%，比2021年增长11.4%。\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_the_funds_two_totals_change_together_named_once(tmp_path: Path) -> None:
    """ "2024年度财政拨款收入总计22933.26万元，支出总计22933.26万元。与上年相比，财政拨款收、支总计各增加1933.26万元，增长
    9.21%": the change is of the fund's two totals, its name printed once before both (adv538: "未找到本年数")."""
    text = (
        "某区水利局2024年度部门决算\n四、财政拨款收入支出决算总体情况说明\n"
        "2024年度财政拨款收入总计22933.26万元，支出总计22933.26万元。与上年相比，财政拨款收、支总计各增加1933.26万元，"
        "增长{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("9.21"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("19.21")))
    assert [(rule, expected.quantize(Decimal("0.01"))) for rule, _s, _st, expected in found] == [
        ("template.change", Decimal("9.21"))
    ]


def test_one_funds_income_out_is_blamed_once_where_its_two_sums_cross(tmp_path: Path) -> None:
    """工伤保险基金 收入 100 above its true figure in a table of funds across: 合计 ≠ Σ funds in the 收入 row and 结余 ≠
    收入 − 支出 in the fund's column both fit the one cell corrected, so the cell is the slip — not the right 合计 nor
    the right 结余 (adv537 D2-S1: errors on both right figures)."""
    from openpyxl import Workbook

    from pipeline.analyze import analyze_file

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ("某市2023年社会保险基金决算表",),
        ("单位：万元",),
        ("项目", "合计", "工伤保险基金", "失业保险基金"),
        ("一、收入", 300, 200, 200),
        ("二、支出", 230, 80, 150),
        ("三、当年收支结余", 70, 20, 50),
        ("四、年初滚存结余", 110, 10, 100),
        ("五、年末滚存结余", 180, 30, 150),
    ):
        sheet.append(row)
    book.save(tmp_path / "a.xlsx")
    found = [f for f in analyze_file(tmp_path / "a.xlsx").findings if f.severity != "info"]
    assert [(f.rule, f.location, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-cell", "表1 r2c3", Decimal("200"), Decimal("100"))
    ]


def test_an_adjustment_in_the_text_against_the_tables_row_of_its_item(tmp_path: Path) -> None:
    """ "卫生健康支出年初预算97530万元，调增6410万元，调整后预算103670万元" with the row 卫生健康支出 | 97530 | 6140 | 103670:
    年初 + the table's 6140 is the 调整后 both print, so the text's 调增 is out of line, not the 调整后 (adv537 D1-S3)."""
    text = (
        "某市2024年市级预算调整方案\n"
        "卫生健康支出年初预算97530万元，调增{}万元，调整后预算103670万元。\n"
        "表1 2024年市级一般公共预算支出调整表\n单位：万元\n"
        "项目\t年初预算\t调整数\t调整后预算\n卫生健康支出\t97530\t6140\t103670\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("6140"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("6410")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("adjustment.stated-in-text", Decimal("6410"), Decimal("6140"))
    ]


def test_a_growth_with_its_comparable_basis_in_brackets_is_still_the_plain_growth(tmp_path: Path) -> None:
    """ "比上年增长10.0%（同口径增长11.3%）": the bracket's figure is on the comparable basis, the one before it on the
    printed figures (adv539: the plain rate skipped as 同口径, a wrong 12.0% passed)."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n"
        "2024年全市一般公共预算收入110亿元，比上年增长{}%（同口径增长11.3%）。\n"
        "表1 2024年全市一般公共预算收入执行情况表\n单位：亿元\n"
        "项目\t上年决算数\t执行数\t比上年增长%\n一般公共预算收入合计\t100\t110\t10.0\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("10.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("12.0")))
    assert [(rule, expected) for rule, _s, _st, expected in found] == [("change.stated-vs-computed", Decimal("10"))]


def test_the_years_carry_over_is_what_came_in_plus_income_less_spending(tmp_path: Path) -> None:
    """ "年初财政拨款结转和结余150.20万元，本年财政拨款收入3,376.78万元，本年财政拨款支出3,230.58万元，年末财政拨款结转和结余
    296.40万元": 年末 = 年初 + 收入 − 支出 (adv540 D2-1: not checked in any wording). A warning: a 决算 may move money past
    the four without printing it."""
    text = (
        "某县农业农村局2024年度部门决算\n"
        "年初财政拨款结转和结余150.20万元，本年财政拨款收入3,376.78万元，本年财政拨款支出3,230.58万元，"
        "年末财政拨款结转和结余{}万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("296.40")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("269.40")) if f.severity != "info"]
    assert [(f.rule, f.severity, f.expected_value) for f in found] == [
        ("balance.carry-over", "warning", Decimal("296.40"))
    ]
    # a carry-over of the 财政拨款 against income and spending of all funds: two scopes, not judged
    mixed = text.replace("本年财政拨款收入", "本年收入").replace("本年财政拨款支出", "本年支出")
    assert [f for f in _scan_txt(tmp_path / "c.txt", mixed.format("269.40")) if f.severity != "info"] == []


def test_a_change_right_after_a_list_of_parts_is_the_wholes_as_likely_as_the_last_parts(tmp_path: Path) -> None:
    """ "全市政府债务余额300亿元，其中一般债务余额100亿元、专项债务余额200亿元，比上年末增加20亿元" (300 − 280): the change
    after a list joined by 、 may be the whole's, so it is not judged as the last part's (adv539: read as 专项债务余额's,
    a warning against its 185)."""
    text = (
        "某市2024年政府债务情况\n2023年末，全市政府债务余额280亿元，其中专项债务余额185亿元。2024年末，全市政府债务余额"
        "300亿元，其中一般债务余额100亿元、专项债务余额200亿元，比上年末增加20亿元。\n"
    )
    found = _scan_txt(tmp_path / "a.txt", text)
    assert [f for f in found if f.severity != "info"] == []
    assert any("未能确定" in f.explanation for f in found if f.stated_value == Decimal("20"))


def test_a_funds_stock_moved_by_transfers_printed_beside_its_balance(tmp_path: Path) -> None:
    """一、本年收入 | 二、本年支出 | 三、本年收支结余 | 四、转移收入 | 五、上年滚存结余 | 六、年末滚存结余: the stock moves by the
    transfer too, so 年末 = 上年 + 结余 is not the table's identity (adv541: formula.column errors on right stocks); an
    unnumbered 转移支出 under 二、基金支出 is a part of the spending and leaves the identity standing."""
    text = (
        "2025年社会保险基金预算表\n\n单位：万元\n\n"
        "| 项目 | 合计 | 职工基本医疗保险基金 | 失业保险基金 |\n|---|---|---|---|\n"
        "| 一、本年收入 | 900 | 600 | 300 |\n| 二、本年支出 | 700 | 500 | 200 |\n"
        "| 三、本年收支结余 | 200 | 100 | 100 |\n| 四、转移收入 | 50 | 50 | |\n"
        "| 五、上年滚存结余 | 1000 | 800 | 200 |\n| 六、年末滚存结余 | 1250 | 950 | 300 |\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.md", text) if f.severity != "info"] == []
    parts = (
        "2025年社会保险基金预算表\n\n单位：万元\n\n"
        "| 项目 | 合计 | 职工基本医疗保险基金 | 失业保险基金 |\n|---|---|---|---|\n"
        "| 一、基金收入 | 900 | 600 | 300 |\n| 二、基金支出 | 700 | 500 | 200 |\n| 其中：待遇支出 | 650 | 480 | 170 |\n"
        "| 转移支出 | 50 | 20 | 30 |\n| 三、当年收支结余 | 200 | 100 | 100 |\n"
        "| 四、上年末滚存结余 | 1000 | 800 | 200 |\n| 五、年末滚存结余 | 1200 | 900 | 310 |\n"
    )
    found = [f for f in _scan_txt(tmp_path / "b.md", parts) if f.severity != "info"]
    assert [(f.location, f.stated_value, f.expected_value) for f in found if f.rule != "sum.table-columns"] == [
        ("表1 r8c4", Decimal("310"), Decimal("300"))
    ]


def test_a_breakdown_by_level_names_the_counties_as_a_level(tmp_path: Path) -> None:
    """ "全市政府债务余额20.00亿元。分级次看，市本级政府债务余额8.00亿元，县（市、区）政府债务余额9.00亿元": 县（市、区）
    is the level below, so the two parts are the whole's and fall short of it (adv543 S2-2: the list read as one
    level's own figures, no check)."""
    text = (
        "某市2023年政府债务情况\n截至2023年末，全市政府债务余额20.00亿元。分级次看，市本级政府债务余额8.00亿元，"
        "县（市、区）政府债务余额{}亿元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("12.00")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("9.00")) if f.severity != "info"]
    assert [(f.rule, f.expected_value) for f in found] == [("sum.enumeration", Decimal("17"))]


def test_a_rate_of_money_paid_out_over_the_items_amount(tmp_path: Path) -> None:
    """ "耕地地力保护补贴资金480.00万元，兑付452.16万元，兑付率94.20%" (and 拨付率): adv542, no finding of any kind."""
    text = (
        "某县农业农村局2024年度部门整体支出绩效自评报告\n耕地地力保护补贴资金480.00万元，兑付452.16万元，兑付率{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("94.20"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("95.20")))
    assert [(rule, expected) for rule, _s, _st, expected in found] == [("rate.ratio-text", Decimal("94.2"))]


def test_the_whole_areas_column_is_the_sum_of_its_levels_columns(tmp_path: Path) -> None:
    """上年决算数 | 2023年决算数 › 全省 | 省本级 | 市县 | 比上年增长%: 全省 = 省本级 + 市县 in every row (adv543 S1-1: a cell
    out in 省本级 passed; the rate column after the group read as a column that lost its header)."""
    html = (
        "<html><body><h1>某省2023年决算</h1><p>表1 2023年一般公共预算收入决算表</p><p>单位：万元</p>"
        '<table border="1"><tr><th rowspan="2">项目</th><th rowspan="2">上年决算数</th><th colspan="3">2023年决算数</th>'
        '<th rowspan="2">比上年增长%</th></tr><tr><th>全省</th><th>省本级</th><th>市县</th></tr>'
        "<tr><td>税收收入</td><td>1000</td><td>1100</td><td>400</td><td>700</td><td>10.0</td></tr>"
        "<tr><td>企业所得税</td><td>300</td><td>330</td><td>{}</td><td>200</td><td>10.0</td></tr>"
        "</table></body></html>"
    )
    assert _errors(_scan_txt(tmp_path / "a.html", html.format("130"))) == []
    found = _errors(_scan_txt(tmp_path / "b.html", html.format("150")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.table-columns", Decimal("330"), Decimal("350"))
    ]


def test_a_whole_named_by_its_head_and_its_kind_of_amount(tmp_path: Path) -> None:
    """ "面向中小企业预留政府采购项目预算金额536.91万元，…，其中预留给小型和微型企业的…346.40万元，占面向中小企业预留金额的
    64.52%": the whole named by its head and 金额 is the one amount of its sentence so named (adv544: "未找到分母")."""
    text = (
        "某县农业农村局2025年部门预算\n面向中小企业预留政府采购项目预算金额536.91万元，占政府采购预算总额的72.08%，其中预留给"
        "小型和微型企业的政府采购项目预算金额346.40万元，占面向中小企业预留金额的{}%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("64.52")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("65.52")) if f.severity != "info"]
    assert [(f.rule, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
        ("share.stated-vs-computed", Decimal("64.52"))
    ]


def test_an_execution_rate_over_the_funds_planned(tmp_path: Path) -> None:
    """ "省级补助资金计划420.00万元，到位420.00万元，到位率100.0%，已支出398.76万元，执行率94.9%": the funds planned are the
    budget (adv537 D4-S3: "未找到执行率的预算数" though either base gives 94.94%)."""
    text = (
        "某市农业产业发展专项资金绩效评价报告\n"
        "省级补助资金计划420.00万元，到位420.00万元，到位率100.0%，已支出398.76万元，执行率{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("94.9"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("95.9")))
    assert [(rule, expected.quantize(Decimal("0.01"))) for rule, _s, _st, expected in found] == [
        ("rate.execution-text", Decimal("94.94"))
    ]


def test_a_funds_closing_stock_is_its_opening_stock_plus_the_years_balance(tmp_path: Path) -> None:
    """ "本年收支结余50.00万元，年初滚存结余200.00万元，年末滚存结余250.00万元": 年末 = 年初 + 结余 when the sentence prints
    those three alone (adv535: a 年末滚存结余 off by 500 passed). A warning (a transfer may move the stock unprinted)."""
    text = (
        "关于2024年社会保险基金决算情况的说明\n（一）工伤保险基金。2024年基金收入1000.00万元。基金支出950.00万元。"
        "本年收支结余50.00万元，年初滚存结余200.00万元，年末滚存结余{}万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("250.00")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("900.00")) if f.severity != "info"]
    assert [(f.rule, f.severity, f.expected_value) for f in found] == [
        ("balance.carry-over", "warning", Decimal("250"))
    ]


def test_last_years_figures_listed_respectively_are_the_same_items(tmp_path: Path) -> None:
    """ "一般公共预算支出和政府性基金预算支出分别为5,462.18万元和812.60万元，上年分别为5,108.90万元和1,034.25万元，分别比
    上年增加353.28万元和减少221.65万元": the second and third lists are of the first list's items, in order (adv528 S9: all
    read as one item "…支出和…支出", no check)."""
    text = (
        "某镇2024年财政收支情况报告\n2024年全镇一般公共预算支出和政府性基金预算支出分别为5,462.18万元和812.60万元，上年分别为"
        "5,108.90万元和1,034.25万元，分别比上年增加353.28万元和减少{}万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("221.65")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("241.65")) if f.severity != "info"]
    assert [(f.rule, f.subject, f.expected_value) for f in found] == [
        ("change.stated-vs-computed", "政府性基金预算支出", Decimal("221.65"))
    ]


def test_an_average_annual_growth_is_no_change_from_last_year(tmp_path: Path) -> None:
    """ "2024年收入181,226.00万元，比2023年168,905.00万元增长7.29%，2022—2024年年均增长9.1%": a compound rate over several
    years (adv545 F3: an error 9.1 vs 7.29)."""
    text = (
        "某县2024年财政决算报告\n2024年收入181,226.00万元，比2023年168,905.00万元增长7.29%，2022—2024年年均增长9.1%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_a_change_against_the_budget_is_no_printing_of_the_change_from_last_year(tmp_path: Path) -> None:
    """ "财政拨款收入11,820.46万元，比上年增长5.20%，比年初预算增长7.85%": the second rate is against the budget (adv545 F4:
    change.amounts-disagree, two "比上年" rates of one figure)."""
    text = "某局2024年度部门决算\n财政拨款收入11,820.46万元，比上年增长5.20%，比年初预算增长7.85%。\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_a_change_of_one_years_figure_is_not_of_the_years_before_it(tmp_path: Path) -> None:
    """ "2022年实际支出3,012.45万元；2023年实际支出4,386.20万元；2024年预算5,800.00万元，比上年增长28.89%": the change is
    the 2024 budget's, not the 2023 spending's over 2022's (adv545 F1: an error 28.89 vs 45.60)."""
    text = (
        "某项目绩效评价报告\n"
        "2022年实际支出3,012.45万元；2023年实际支出4,386.20万元；2024年预算5,800.00万元，比上年增长28.89%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_a_table_of_the_provinces_own_level_is_not_the_whole_provinces(tmp_path: Path) -> None:
    """A sheet "收入决算表" titled "2023年湖南省本级一般公共预算收入决算表": the province's own level (本级), not 全省 —
    so "全省一般公共预算收入61.74亿元，比上年增长3.9%" is not set against it (adv546: 149.91% against the 本级 table)."""
    from openpyxl import Workbook

    from pipeline.analyze import analyze_file

    book = Workbook()
    text = book.active
    assert text is not None
    text.title = "说明"
    text.append(("全省一般公共预算收入61.74亿元，比上年增长3.9%。",))
    text.append(("省本级一般公共预算收入25.16亿元，比上年增长{}%。",))
    sheet = book.create_sheet("收入决算表")
    for row in (
        ("2023年湖南省本级一般公共预算收入决算表",),
        ("", "", "", "单位：万元"),
        ("项目", "决算数", "上年决算数", "比上年增长%"),
        ("税收收入", 212500, 200000, 6.3),
        ("非税收入", 39110, 47051, -16.9),
        ("本年收入合计", 251610, 247051, 1.8),
    ):
        sheet.append(row)

    def scan(name: str, rate: str) -> list:
        text["A2"] = f"省本级一般公共预算收入25.16亿元，比上年增长{rate}%。"
        book.save(tmp_path / name)
        return analyze_file(tmp_path / name).findings

    found = scan("a.xlsx", "1.8")
    assert [f for f in found if f.severity != "info"] == []
    assert not any(f.stated_value == Decimal("3.9") and f.expected_value is not None for f in found)
    assert [f.rule for f in scan("b.xlsx", "2.8") if f.severity != "info"] == ["change.stated-vs-computed"]


def test_the_funds_carry_over_named_before_its_moment(tmp_path: Path) -> None:
    """ "2024年度财政拨款年初结转和结余523.64万元，本年财政拨款收入…，本年财政拨款支出…，年末结转和结余…": the fund before the
    moment, the closing balance naming no fund (adv547 D1-S2: nothing said)."""
    text = (
        "某市交通运输局2024年度部门决算\n2024年度财政拨款年初结转和结余523.64万元，本年财政拨款收入9,892.37万元，"
        "本年财政拨款支出10,086.25万元，年末结转和结余{}万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("329.76")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("429.76")) if f.severity != "info"]
    assert [(f.rule, f.expected_value) for f in found] == [("balance.carry-over", Decimal("329.76"))]


def test_a_change_after_a_completion_rate_naming_its_budget(tmp_path: Path) -> None:
    """ "区本级一般公共预算支出完成689412万元，为调整预算702000万元的98.2%，比上年增加17882万元，增长2.7%": the budget the rate
    names is no level of the change (adv547 D2-S1: "未找到本年数", the amount and rate never set against each other)."""
    text = (
        "关于某区2024年预算执行情况的报告\n"
        "区本级一般公共预算支出完成689412万元，为调整预算702000万元的98.2%，比上年增加17882万元，增长{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("2.7"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("4.2")))
    assert [(rule, stated) for rule, _s, stated, _e in found] == [("change.stated-vs-computed", Decimal("4.2"))]


def test_a_place_named_alone_is_not_certainly_the_figure_of_a_table_by_region(tmp_path: Path) -> None:
    """ "市县上解省级5.00亿元，其中南昌市2.00亿元" against 新增债券转贷分地区表's 南昌市 80.00: the text names the place alone,
    its item (上解) in the sentence's words, the table another item (转贷) — not certainly one figure (adv549: an
    error); where the sentence names the table's item (新增债券转贷…，其中南昌市82.00亿元) the two are compared."""
    html = (
        '<html><body><p>表1 新增债券转贷分地区表</p><p>单位：亿元</p><table border="1"><tr><th>地区</th><th>一般债券</th>'
        "<th>合计</th></tr><tr><td>合计</td><td>90.00</td><td>90.00</td></tr><tr><td>南昌市</td><td>80.00</td>"
        "<td>80.00</td></tr><tr><td>九江市</td><td>10.00</td><td>10.00</td></tr></table><p>{}</p></body></html>"
    )
    other = _scan_txt(tmp_path / "a.html", html.format("市县上解省级5.00亿元，其中南昌市2.00亿元。"))
    assert [f for f in other if f.severity != "info"] == []
    same = _scan_txt(tmp_path / "b.html", html.format("全省新增债券转贷90.00亿元，其中南昌市82.00亿元。"))
    assert [f.rule for f in same if f.severity != "info"] == ["narrative_table.mismatch"]


def test_a_growth_over_last_years_column_named_by_its_measure_alone(tmp_path: Path) -> None:
    """险种 | 收入决算数 | 上年决算数 | 增长% (and 本年决算数 | 上年决算数 | 比上年增长%): the bare 增长% is over last year's
    column, named by the measure alone (adv551 2b: a wrong 9.5 where 30886 ÷ 30431 is 1.5% passed)."""
    table = (
        "# 某市2023年社会保险基金决算\n\n表2 社会保险基金收入决算表\n\n单位：万元\n\n"
        "| 险种 | {} |\n|---|---|---|---|\n| 工伤保险基金 | 30886 | 30431 | {} |\n"
        "| 失业保险基金 | 41890 | 40970 | 2.2 |\n| 合计 | 72776 | 71401 | 1.9 |\n"
    )
    for i, head in enumerate(("收入决算数 | 上年决算数 | 增长%", "本年决算数 | 上年决算数 | 比上年增长%")):
        assert [f for f in _scan_txt(tmp_path / f"a{i}.md", table.format(head, "1.5")) if f.severity != "info"] == []
        found = [f for f in _scan_txt(tmp_path / f"b{i}.md", table.format(head, "9.5")) if f.severity != "info"]
        assert [(f.rule, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
            ("percent_column.growth", Decimal("1.50"))
        ]


def test_an_adjusted_budget_after_a_mid_year_addition_against_the_budget_naming_no_item(tmp_path: Path) -> None:
    """ "该项目年初预算1250.00万元，年中追加后全年预算数为1486.00万元，比年初预算增长18.88%": the budget names no item, the
    sentence's item is both's (adv552 C3: "年中追加后的增减是与预算相比，未能核对")."""
    text = "某项目绩效评价报告\n该项目年初预算1250.00万元，年中追加后全年预算数为1486.00万元，比年初预算增长{}%。\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("18.88"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("16.88")))
    assert [(rule, expected.quantize(Decimal("0.01"))) for rule, _s, _st, expected in found] == [
        ("change.stated-vs-computed", Decimal("18.88"))
    ]


def test_a_carry_over_said_as_income_plus_the_opening_balance_less_spending(tmp_path: Path) -> None:
    """ "本年收入4404.61万元，加上年初结转和结余312.58万元，减去本年支出4265.26万元，年末结转和结余451.93万元": the opening
    balance after the income (adv552 B3: nothing said)."""
    text = (
        "某县农业农村局2023年度部门决算\n本年收入4404.61万元，加上年初结转和结余312.58万元，减去本年支出4265.26万元，"
        "年末结转和结余{}万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("451.93")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("476.93")) if f.severity != "info"]
    assert [(f.rule, f.expected_value) for f in found] == [("balance.carry-over", Decimal("451.93"))]


def test_a_place_printed_under_two_measures_is_two_figures(tmp_path: Path) -> None:
    """ "一般公共预算收入…，其中祁阳市281,352万元。¶ 转移支付补助…，其中祁阳市356,899万元。": the place's share of each
    measure its paragraph names (adv553: repeat.different-values errors across measures)."""
    text = (
        "关于永州市2024年全市财政决算的报告\n一般公共预算收入1,784,509万元，其中祁阳市281,352万元。\n"
        "转移支付补助2,601,690万元，其中祁阳市356,899万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_all_funds_carry_over_in_a_report_moving_money_past_the_four(tmp_path: Path) -> None:
    """ "年初结转和结余100.00万元，本年收入1000.00万元，本年支出1050.00万元，年末结转和结余60.00万元。另外，使用非财政拨款
    结余20.00万元，结余分配10.00万元": all funds' 年末 adds and takes those too (adv554: a false carry-over warning)."""
    text = (
        "某市民政局2023年度部门决算\n一、收入支出决算总体情况说明\n年初结转和结余100.00万元，本年收入1000.00万元，本年支出"
        "1050.00万元，年末结转和结余60.00万元。另外，使用非财政拨款结余20.00万元，结余分配10.00万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_a_pooled_funds_spending_keeps_its_name(tmp_path: Path) -> None:
    """ "职工基本医疗保险基金：支出287,653万元，其中统筹基金支出198,765万元": 统筹基金支出 is a name, not 统筹 (a verb) of
    基金支出 — read so it became the fund's whole spending, an error against 287,653 (adv555)."""
    text = (
        "2024年社会保险基金决算说明\n单位：万元\n职工基本医疗保险基金：支出287,653万元，其中统筹基金支出198,765万元。\n"
        "表1 结余情况表\n单位：万元\n项目\t职工基本医疗保险基金\n本年支出\t287,653\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_an_average_annual_growth_between_two_years_figures(tmp_path: Path) -> None:
    """ "一般公共预算收入由2020年的196075万元增长到2024年的239544万元，年均增长5.1%": the compound rate over the four years,
    (239544 ÷ 196075)^(1/4) − 1 = 5.13% (adv556: a wrong 6.1% said nothing). A warning: some reports average the rates."""
    text = (
        "某县2024年预算执行情况和2025年预算草案的报告\n"
        "一般公共预算收入由2020年的196075万元增长到2024年的239544万元，年均增长{}%。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("5.1")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("6.1")) if f.severity != "info"]
    assert [(f.rule, f.severity, f.expected_value.quantize(Decimal("0.01"))) for f in found] == [
        ("change.stated-vs-computed", "warning", Decimal("5.13"))
    ]


def test_a_funds_balance_with_transfers_printed_at_its_own_level_is_not_judged_by_two_terms(tmp_path: Path) -> None:
    """一、基金收入 | 二、上级补助收入 | 三、基金支出 | 四、上解上级支出 | 五、本年收支结余: the balance counts the transfers
    printed beside the accounts, so 收入 − 支出 alone is not its identity (adv559 F1: seven formula.column errors)."""
    html = (
        '<html><body><p>广元市2023年社会保险基金决算表</p><p>单位：万元</p><table border="1"><tr><th>项目</th>'
        "<th>工伤保险基金</th><th>失业保险基金</th></tr><tr><td>一、基金收入</td><td>100</td><td>200</td></tr>"
        "<tr><td>二、上级补助收入</td><td>30</td><td>10</td></tr><tr><td>三、基金支出</td><td>90</td><td>150</td></tr>"
        "<tr><td>四、上解上级支出</td><td>5</td><td>20</td></tr><tr><td>五、本年收支结余</td><td>35</td><td>40</td></tr>"
        "</table></body></html>"
    )
    assert [f for f in _scan_txt(tmp_path / "a.html", html) if f.severity != "info"] == []


def test_a_paragraph_opening_with_a_funds_name_is_that_funds(tmp_path: Path) -> None:
    """ "企业职工基本养老保险基金收入…，基金支出159855万元。¶ 工伤保险基金收入…，基金支出109435万元。" and "职工基本医疗
    保险基金（含生育保险）：…本年收支结余-2807万元": each paragraph's bare 基金支出 and 结余 are its fund's (adv559 F2, F3:
    repeat.different-values errors across funds and against the whole)."""
    one = (
        "广元市2023年社会保险基金决算\n企业职工基本养老保险基金收入161962万元，基金支出159855万元。\n"
        "工伤保险基金收入116533万元，基金支出109435万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", one) if f.severity != "info"] == []
    two = (
        "余杭区2024年社会保险基金预算草案\n2024年全区社会保险基金预算收入807753万元，本年收支结余26906万元。\n"
        "职工基本医疗保险基金（含生育保险）：预算收入84460万元，本年收支结余-2807万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "b.txt", two) if f.severity != "info"] == []


def test_a_rate_is_never_of_a_figure_found_by_a_text_printed_twice_nor_of_a_part(tmp_path: Path) -> None:
    """ "计划3200.00万元、到位3200.00万元、支出3015.40万元，到位率100.00%" (the 3200.00 found by its text is 计划's), "…实际
    支出3200.00万元，其中工程款3015.40万元，执行率100.00%" and "…支出3200.00万元、结余15.40万元，执行率100.00%" (a part and
    a remainder are no spending) — adv560: twelve rate.ratio-text errors; a wrong rate of the whole is still found."""
    lines = (
        "计划3200.00万元、到位3200.00万元、支出3015.40万元，到位率100.00%。",
        "项目预算3200.00万元，实际支出3200.00万元，其中工程款3015.40万元，执行率100.00%。",
        "计划建设3.00万亩，实际完成3.00万亩，其中旱改水2.50万亩，完成率100.00%。",
        "预算3200.00万元、支出3200.00万元、结余15.40万元，执行率100.00%。",
    )
    for k, line in enumerate(lines):
        found = _scan_txt(tmp_path / f"{k}.txt", "某项目绩效评价报告\n" + line + "\n")
        assert [f for f in found if f.severity != "info"] == [], line
    wrong = "某项目绩效评价报告\n项目预算3200.00万元，实际支出3015.40万元，其中工程款2015.40万元，执行率98.00%。\n"
    assert [(r, e.quantize(Decimal("0.01"))) for r, _s, _st, e in _errors(_scan_txt(tmp_path / "w.txt", wrong))] == [
        ("rate.execution-text", Decimal("94.23"))
    ]


def test_a_units_budget_total_counts_the_reserve_drawn_on(tmp_path: Path) -> None:
    """财务收支预算总表: 收入总计 = 本年收入合计 + 用事业基金弥补收支差额 + 上年结转结余 (adv558: template.sum error, the
    事业基金 row left out)."""
    text = (
        "# 某职业学校2025年单位预算\n\n财务收支预算总表\n\n单位：万元\n\n| 项目 | 预算数 | 项目 | 预算数 |\n|---|---|---|---|\n"
        "| 一、财政拨款收入 | 100.00 | 一、教育支出 | 130.00 |\n| 本年收入合计 | 100.00 | 本年支出合计 | 130.00 |\n"
        "| 用事业基金弥补收支差额 | 20.00 | 结转下年 | 0.00 |\n| 上年结转结余 | 10.00 | | |\n"
        "| 收入总计 | {} | 支出总计 | 130.00 |\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.md", text.format("130.00")) if f.severity != "info"] == []
    # (the 收入总计 out by 10 breaks its sum and 收入总计 = 支出总计: the one cell of both, named once)
    found = [f for f in _scan_txt(tmp_path / "b.md", text.format("140.00")) if f.severity != "info"]
    assert [(f.location, f.expected_value) for f in found] == [("表1 r6c2", Decimal("130"))]


def test_changes_against_earlier_bases_beside_last_years(tmp_path: Path) -> None:
    """ "…完成160589.42万元，上年为154537.48万元，比上年增长3.9%，比2020年增长14.3%", "…，较“十三五”末增加20060.43万元",
    "…，上年为154537.48万元，比2020年的140528.99万元增长14.3%" and "…上年完成…，同比增长3.9%，比“十三五”末增长14.3%": last
    year's figure is no base of 2020's, a plan period's end is no last year, and last year's figure is no level (adv557:
    three errors and a warning); the rate over the printed 2020 base is still checked."""
    head = "关于某县2024年预算执行情况的报告\n"
    tail = "\n2023年全县一般公共预算收入154537.48万元。\n"
    lines = (
        "全县一般公共预算收入完成160589.42万元，上年为154537.48万元，比上年增长3.9%，比2020年增长14.3%。",
        "全县一般公共预算收入完成160589.42万元，比上年增长3.9%，较“十三五”末增加20060.43万元。",
        "全县一般公共预算收入完成160589.42万元，上年为154537.48万元，比2020年的140528.99万元增长14.3%。",
        "全县一般公共预算收入完成160589.42万元，上年完成154537.48万元，同比增长3.9%，比“十三五”末增长14.3%。",
    )
    for k, line in enumerate(lines):
        assert [f for f in _scan_txt(tmp_path / f"{k}.txt", head + line + tail) if f.severity != "info"] == [], line
    wrong = head + lines[2].replace("增长14.3%", "增长24.3%") + tail
    assert [(r, e.quantize(Decimal("0.01"))) for r, _s, _st, e in _errors(_scan_txt(tmp_path / "w.txt", wrong))] == [
        ("change.stated-vs-computed", Decimal("14.27"))
    ]


def test_transfers_added_to_the_balance_of_the_sentence_before_are_no_carry_over(tmp_path: Path) -> None:
    """ "…本年收支结余696万元。加上上级补助收入10,368万元，减去上解上级支出2,924万元，年初滚存结余132,711万元，年末滚存结余
    140,851万元": the transfers go on from the sentence before's balance, they are not the year's income and spending
    (adv555, found on this round's own carry-over rule before landing)."""
    text = (
        "汶上县2024年社会保险基金决算\n2024年，全县社会保险基金本年收入141,825万元；本年支出141,129万元；本年收支结余696万元。"
        "加上上级补助收入10,368万元，减去上解上级支出2,924万元，年初滚存结余132,711万元，年末滚存结余140,851万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []
