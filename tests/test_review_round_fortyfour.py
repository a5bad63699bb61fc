"""Review round forty-four (stop 39): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt

from extractors.pdf_lines import Line, page_margins, starts_paragraph
from pipeline.analyze import analyze_file


def _debt_by_county(change: str) -> str:
    rows = [
        "冀南市2024年地方政府债务情况说明",
        "表1 2024年末分县区地方政府债务余额情况表",
        "单位：亿元",
        "县区\t2023年末债务余额\t2024年末债务余额\t其中：一般债务\t其中：专项债务\t增减额",
        "市本级\t531.08\t569.41\t171.25\t398.16\t38.33",
        f"临城县\t58.94\t65.18\t21.36\t43.82\t{change}",
        "宁晋县\t96.48\t107.67\t33.62\t74.05\t11.19",
        "合计\t686.50\t742.26\t226.23\t516.03\t55.76",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_column_after_a_years_qizhong_columns_is_of_that_years_total(tmp_path: Path) -> None:
    """2023年末债务余额 | 2024年末债务余额 | 其中：一般债务 | 其中：专项债务 | 增减额: the 其中 columns are parts of
    the year's total, not a year of their own, so 增减额 is still 2024年末 − 2023年末 (adv320 1c: a wrong 7.24 where
    65.18 − 58.94 = 6.24 had no rule and was blamed on the 合计 row)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _debt_by_county("6.24"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _debt_by_county("7.24")))
    # (the column's 合计 row and the row's difference cross on this one cell: one finding naming both, stop 45)
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("sum.table-cell", "临城县 增减额", Decimal("7.24"), Decimal("6.24"))
    ]


def _streets(part: str) -> str:
    rows = [
        "清河区2024年预算执行情况和2025年预算草案的报告",
        "一、2024年预算执行情况",
        "分级次看，区级收入319015万元，街道级收入60345万元。街道级收入中：清河街道9862万元、西园街道12435万元、"
        f"湖滨街道8210万元、新桥街道{part}万元、龙湾街道7948万元、东山街道6514万元。",
        "重点支出中：教育支出52000万元、卫生健康支出31000万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_list_opened_by_its_wholes_name_breaks_down_that_figure(tmp_path: Path) -> None:
    """ "街道级收入60345万元。街道级收入中：A…、B…": the list opened by "<name>中：" breaks down the figure of that name
    said before (adv316 S1b: a wrong part was missed); a "<name>中：" naming no figure opens no list."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _streets("15376"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _streets("15776")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("sum.enumeration", "街道级收入", Decimal("60345"), Decimal("60745"))
    ]


def test_a_table_opening_its_page_takes_the_title_printed_at_the_foot_of_the_page_before(tmp_path: Path) -> None:
    """A table's title printed as the last line of a page and the table itself at the top of the next: the title is
    the table's (adv313: 表2 “三公”经费预算表 stood at the foot of p.2, its table on p.3 had none, so its 合计 row was
    never known as the 三公经费). A table that continues the page before's table keeps being stitched to it."""
    from test_read_pdf import make_pdf, read, ruled_table, text, write

    p1 = [text(72, 60, "Some narrative text."), text(72, 780, "Table 2 Spending")]
    p2 = [*ruled_table(72, 72, [150, 100], 3, 20), text(76, 77, "Item"), text(226, 77, "Amount")]
    p2 += [text(76, 97, "Rent"), text(226, 97, "4.00"), text(76, 117, "Total"), text(226, 117, "4.00")]
    doc = read(write(tmp_path, make_pdf(["\n".join(p1), "\n".join(p2)])))
    (table,) = doc.tables()
    assert table.title == "Table 2 Spending" and table.pages == [2]


def _classes(later: str) -> str:
    rows = [
        "某县民政局2026年部门预算",
        "（二）一般公共预算支出结构情况",
        "按支出功能分类科目划分，社会保障和就业支出、卫生健康支出、住房保障支出分别为：213.75万元、3168.89万元、"
        "106.87万元。",
        f"其中：社会保障和就业支出213.75万元；卫生健康支出3168.89万元；住房保障支出{later}万元。",
    ]
    return "\n".join(rows) + "\n"


def test_names_given_their_figures_after_fenbie_wei_and_a_colon(tmp_path: Path) -> None:
    """ "A、B、C分别为：a、b、c": the colon after 分别为 does not stop each name taking its figure (adv325 F1: all three
    figures were named after the last class and "repeated" with different values)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _classes("106.87"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _classes("160.87")))
    assert [(r, v) for r, _s, v, _e in found] == [("repeat.different-values", Decimal("160.87"))]


def _item_against_a_named_year(growth: str) -> str:
    rows = [
        "某县民政局2026年部门预算",
        "三、一般公共预算支出情况",
        f"1.住房公积金（项）106.87万元，上年预算数为102.83万元，较2025年预算增加4.04万元，增长{growth}%。",
    ]
    return "\n".join(rows) + "\n"


def test_last_years_figure_is_the_base_of_a_change_against_that_year_named(tmp_path: Path) -> None:
    """ "上年预算数为102.83万元，较2025年预算增加4.04万元，增长3.93%" in a 2026 budget: the figure said to be last
    year's is 2025's, the base of the change (adv325 F2: it was taken as this year's, 4.04 ÷ (102.83 − 4.04))."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _item_against_a_named_year("3.93"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _item_against_a_named_year("3.73")))
    assert [(r, v, e) for r, _s, v, e in found] == [("template.change", Decimal("3.73"), Decimal("3.93"))]


def _final_account_rates(rate: str) -> str:
    rows = [
        "某区农业农村局2024年部门决算",
        "表1 一般公共预算财政拨款支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t年初预算数\t全年预算数\t决算数\t执行率（%）",
        "2130104\t事业运行\t300.00\t310.00\t306.90\t99.00",
        f"2130126\t农村社会事业\t325.00\t348.20\t330.15\t{rate}",
        "2130153\t农田建设\t200.00\t240.00\t210.00\t105.00",
    ]
    return "\n".join(rows) + "\n"


def test_an_execution_rate_column_beside_a_final_account_column(tmp_path: Path) -> None:
    """年初预算数 | 全年预算数 | 决算数 | 执行率（%）: the rate is the 决算数 over the year's budget (adv330 T3-2: 97.82 where
    330.15 ÷ 348.20 = 94.82% had no rule, 决算数 having no role); a rate worked on the 年初预算 (210 ÷ 200 = 105%) is
    no error."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _final_account_rates("94.82"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _final_account_rates("97.82")))
    assert [(r, v) for r, _s, v, _e in found] == [("rate.execution", Decimal("97.82"))]


def _funding_sources(central: str) -> str:
    rows = [
        "某区2024年高标准农田建设项目支出绩效自评报告",
        "（二）资金情况",
        f"全年预算资金3020.00万元。项目资金来源中：中央资金{central}万元、省级资金805.00万元、区级资金415.00万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_list_opened_by_the_wholes_sources_breaks_down_that_whole(tmp_path: Path) -> None:
    """ "项目资金来源中：A、B、C" after the project's funds: the sources are the parts of those funds (adv330 H4-1)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _funding_sources("1800.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _funding_sources("1860.00")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("3020.00"), Decimal("3080"))]


def test_a_partial_lists_info_does_not_call_its_figures_at_odds(tmp_path: Path) -> None:
    """A 其中 list naming some of a total's parts only is left undecided: its note says so, not "两者不符" (adv326,
    adv328: the wording read as a mismatch)."""
    text = (
        "某市2025年预算执行情况的报告\n"
        "全市一般公共预算支出389.45亿元，其中：教育支出62.88亿元、卫生健康支出38.91亿元、农林水支出47.91亿元。\n"
    )
    (partial,) = [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule == "sum.enumeration-partial"]
    assert partial.severity == "info" and "两者不符" not in partial.explanation
    assert "所列未必是全部分项，未作判定" in partial.explanation


def _pdf_line(text: str, top: float, x1: float, size: float = 11.0) -> Line:
    return Line(text, 2, 90.0, top, x1, top + size, size, lead=2 * size)


def _paragraphs(lines: list[Line]) -> list[str]:
    margins = page_margins(lines, None)
    out: list[str] = []
    for prev, cur in zip([None, *lines], lines, strict=False):
        if starts_paragraph(prev, cur, margins):
            out.append("")
        out[-1] += cur.text
    return out


def test_headings_of_one_width_over_ragged_body_text_stay_headings() -> None:
    """A PDF page whose body lines end ragged (515.6, 504.6, 500.5) while its headings share one right edge: the
    text column is the body's, so each heading stays a paragraph of its own (adv337: p.2's headings were joined to
    the paragraph after them, their figures named "过程情况过程类指标分值")."""
    lines = [
        _pdf_line("（二）过程情况", 71, 181.1, 13),
        _pdf_line("过程类指标分值20分，评价得分17.7分，得分率为88.5%，主要是资金拨付不", 88.6, 515.6),
        _pdf_line("够及时。", 103.3, 145.1),
        _pdf_line("（三）产出情况", 127.9, 181.1, 13),
        _pdf_line("产出类指标共40分，实际得分36.7分，得分率91.8%。全年参保人数达到", 145.4, 500.5),
        _pdf_line("人。", 160.1, 112.1),
        _pdf_line("（四）效益情况", 184.7, 181.1, 13),
        _pdf_line("效益方面，该类指标满分20分，得18.0分，得分率90.0%，群众负担有所减", 202.2, 504.6),
    ]
    found = _paragraphs(lines)
    assert len(found) == 6 and found[0::2] == ["（二）过程情况", "（三）产出情况", "（四）效益情况"]


def test_a_tables_title_and_unit_line_are_lines_of_their_own() -> None:
    """编制单位：… 单位：元 / 本馆2026年无政府性基金预算拨款安排的支出，故本表无数据。/ 表8 一般公共预算“三公”经费预算表:
    a 单位 line ends its paragraph and a table's numbered title opens one (adv338: the three were one paragraph,
    and the note named the next table's fund, so it was read as 表6's)."""
    lines = [
        _pdf_line("表7 政府性基金预算支出功能分类预算表", 100, 284),
        _pdf_line("编制单位：上海市静安区图书馆 单位：元", 120, 379),
        _pdf_line("本馆2026年无政府性基金预算拨款安排的支出，故本表无数据。", 134, 394),
        _pdf_line("表8 一般公共预算“三公”经费预算表", 148, 263),
        _pdf_line("编制单位：上海市静安区图书馆 单位：元", 162, 379),
    ]
    assert len(_paragraphs(lines)) == 5


def _classes_sharing_one_unit(first: str) -> str:
    rows = [
        "某县市场监督管理局2026年部门预算",
        "一、一般公共预算拨款支出预算情况",
        "2026年一般公共预算拨款支出3086.72万元，较2025年预算增加132.54万元。",
        "其中，一般公共服务支出、住房保障支出和社会保障和就业支出分别为2350.35、358.00、242.88万元，"
        f"分别占一般公共预算拨款支出的{first}%、11.60%、7.87%。",
    ]
    return "\n".join(rows) + "\n"


def test_respective_shares_whose_names_were_not_read_are_not_the_last_parts(tmp_path: Path) -> None:
    """ "A、B和C分别为a、b、c万元，分别占…的x%、y%、z%" where the names were not told apart (a name holding 和, the unit
    printed once): the first share is not the last part's (adv332 F1–F2: 76.14% was worked as 242.88 ÷ 3086.72)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _classes_sharing_one_unit("76.14"))) == []


def _taxes(share: str) -> str:
    rows = [
        "某市2025年预算执行情况的报告",
        "一、一般公共预算",
        "全市税收收入1012345万元。市本级收入中：税收收入402118万元、非税收入186402万元，税收收入占市本级收入的68.3%。",
        "主体税种方面，税收收入中：增值税356210万元、企业所得税121430万元、个人所得税38760万元，城市维护建设税65300万元等。"
        f"其中，增值税增长7.4%，占税收收入的{share}%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_share_in_a_sentence_about_another_figure_is_not_the_last_amounts_before(tmp_path: Path) -> None:
    """ "…城市维护建设税65300万元等。其中，增值税增长7.4%，占税收收入的35.2%": the share's sentence is about 增值税, so
    its part is not the amount that ended the sentence before (adv333 F1–F2)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _taxes("35.2"))) == []


def test_a_whole_named_after_a_bracket_is_no_list_opener(tmp_path: Path) -> None:
    """ "各县（市、区）收入中：国有土地使用权出让收入20.51亿元等": the name before 中： is cut by its bracket, so it names
    no figure said before — not 市本级政府性基金收入 (adv333 F3, on this stop's own "<name>中：" reading)."""
    text = (
        "某市2025年预算执行情况的报告\n一、政府性基金\n"
        "全市政府性基金收入41.36亿元。市本级政府性基金收入17.42亿元，占全市的42.1%。"
        "各县（市、区）收入中：国有土地使用权出让收入20.51亿元等。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def _bonds(refinanced_general: str) -> str:
    rows = [
        "某省2025年政府债务情况说明",
        "二、政府债券发行情况",
        "2025年，全省共发行地方政府债券991.46亿元。按用途划分，新增债券629.97亿元、再融资债券361.49亿元；按类型划分，"
        "一般债券335.35亿元、专项债券656.11亿元。",
        "新增债券中，一般债券173.55亿元，专项债券456.42亿元。",
        f"再融资债券361.49亿元全部用于偿还到期政府债券本金，其中一般债券{refinanced_general}亿元，专项债券199.69亿元。",
    ]
    return "\n".join(rows) + "\n"


def test_the_split_of_one_class_of_bonds_is_not_the_reports_split(tmp_path: Path) -> None:
    """一般债券 and 专项债券 of all bonds, of the 新增债券 ("新增债券中，…") and of the 再融资债券 ("…，其中…"): each pair is
    its own whole's split, not the report's 一般债券 printed again (adv335 F1–F4); the split itself is still summed."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _bonds("161.80"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _bonds("181.80")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("361.49"), Decimal("381.49"))]


def _balanced(spending: str) -> str:
    rows = [
        "某县2025年预算执行情况和2026年预算草案的报告",
        "一、2025年预算执行情况",
        f"全县一般公共预算收入总量为183627万元，支出总量为{spending}万元（含一般公共预算支出156765万元、上解支出2780万元、"
        "结转下年12200万元），收支平衡。",
        "县级政府性基金预算收入总计26020万元，支出总计25020万元，结转下年1000万元，收支平衡。",
        "社会保险基金预算收入总计8000万元，支出总计7600万元，未能实现收支平衡。",
    ]
    return "\n".join(rows) + "\n"


def test_a_sentence_saying_the_budget_balances_has_equal_totals(tmp_path: Path) -> None:
    """ "收入总量为A万元，支出总量为B万元（含…），收支平衡": A = B (adv336 B3: a 100万元 gap went unseen). What is left
    printed before the words (结转下年1000万元) balances them, and a balance said not to hold says nothing."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _balanced("183627"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _balanced("183527")))
    assert [(r, v, e) for r, _s, v, e in found] == [("balance.totals-balanced", Decimal("183527"), Decimal("183627"))]


def _levels(first: str) -> str:
    rows = [
        "某市2025年预算执行情况和2026年预算草案的报告",
        "一、一般公共预算",
        "全市一般公共预算收入完成218.00亿元。分级次看，市本级一般公共预算收入52.32亿元，下降4.3%；县（市、区）一般公共预算"
        f"收入165.68亿元，增长3.7%，分别占全市一般公共预算收入的{first}%、76.0%。",
    ]
    return "\n".join(rows) + "\n"


def test_respective_shares_of_amounts_each_with_its_own_change(tmp_path: Path) -> None:
    """ "A X亿元，下降p%；B Y亿元，增长q%，分别占…的a%、b%": a is A's share, b is B's — the changes beside the amounts do
    not stop the shares taking their names (adv339 F1–F4: a was worked on B's amount)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _levels("24.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _levels("26.0")))
    assert [(r, s, v) for r, s, v, _e in found] == [
        ("share.stated-vs-computed", "市本级一般公共预算收入", Decimal("26.0"))
    ]


def test_a_whole_is_never_smaller_than_its_first_part(tmp_path: Path) -> None:
    """ "政府债券164.07亿元，一般债券55.51亿元和专项债券108.56亿元。其中，新增债券110.10亿元，包括…；再融资债券53.97亿元…":
    the 其中 list is of the 164.07, not of the 专项债券 before it, smaller than its first part (adv342 F1)."""

    def report(refinanced: str) -> str:
        return (
            "某市2024年地方政府债务情况\n二、债券发行\n"
            "全年争取政府债券164.07亿元，一般债券55.51亿元和专项债券108.56亿元。其中，新增债券110.10亿元，包括新增一般债券"
            f"21.36亿元、新增专项债券88.74亿元；再融资债券{refinanced}亿元，包括再融资一般债券34.15亿元、再融资专项债券"
            f"{Decimal(refinanced) - Decimal('34.15')}亿元。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("53.97"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("54.97")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("164.07"), Decimal("165.07"))]


def test_a_part_printed_with_heji_and_a_siblings_total_smaller_than_it(tmp_path: Path) -> None:
    """ "一般债券合计480838.50万元，专项债券合计872160.25万元，专项债券占比64.5%": the part is the 专项债券合计, and the
    sibling's 合计 before it, smaller, is no whole (adv342 F2: 158760.25 ÷ 872160.25 was worked)."""
    text = (
        "某市2024年政府决算\n四、政府债务情况\n"
        "从资金用途看，新增债券899920.00万元（一般债券186520.00万元、专项债券713400.00万元），再融资债券453078.75万元"
        "（一般债券294318.50万元、专项债券158760.25万元）。从债券类型看，一般债券合计480838.50万元，专项债券合计872160.25"
        "万元，专项债券占比64.5%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_change_beside_the_outcome_and_its_budgets_is_the_outcomes(tmp_path: Path) -> None:
    """ "本年收入合计17994.47万元，年初预算为16600.00万元，调整预算为18254.30万元。与上年相比，本年收入减少428.16万元，
    下降2.32%": the change is of the year's own figure, not of the 调整预算 printed last (adv340 F1–F4); a figure
    passing its budget by an amount (超出预算1.64万元) is no base of a 完成率 (adv340 F5–F8)."""
    rows = [
        "某局2025年度单位决算",
        "一、收入支出决算总体情况说明",
        "2025年度本单位本年收入合计17994.47万元，年初预算为16600.00万元，调整预算为18254.30万元。与上年相比，本年收入减少"
        "428.16万元，下降2.32%。",
        "二、“三公”经费支出决算情况说明",
        "公务用车运行维护费预算28.00万元，支出决算29.64万元，超出预算1.64万元，完成率105.86%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _execution_table(change: str) -> str:
    rows = [
        "某区2024年预算执行情况的报告",
        "附表1 2024年一般公共预算收入执行情况表",
        "单位：万元",
        "项目\t调整预算数\t执行数\t完成预算%\t上年执行数\t增减额\t增长%",
        "专项收入\t3100.00\t3050.00\t98.4\t2980.00\t70.00\t2.3",
        f"行政事业性收费收入\t7000.00\t6985.00\t99.8\t7410.00\t{change}\t-5.7",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_column_after_this_years_and_last_years_columns_of_one_name(tmp_path: Path) -> None:
    """执行数 | 完成预算% | 上年执行数 | 增减额: columns named by no year, one of them 上年 the other's: the 增减额 is this
    year's less last year's (adv343 D2-S3: −725.00 where 6985 − 7410 = −425 had no rule)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _execution_table("-425.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _execution_table("-725.00")))
    assert [(r, s, v) for r, s, v, _e in found] == [
        ("percent_column.difference", "行政事业性收费收入", Decimal("-725.00"))
    ]


def _self_evaluation(rate: str) -> str:
    rows = [
        "某局2024年度部门整体支出绩效自评报告",
        "一、资金情况",
        "2024年年初预算2856.40万元，年中追加调整后全年预算为3418.75万元，较年初预算增加562.35万元。其中：基本支出预算"
        "1642.18万元，占全年预算的48.03%；项目支出预算1776.57万元，占51.97%。",
        "全年实际支出3266.58万元，预算执行率为95.55%。基本支出实际支出1618.44万元，执行率98.55%；项目支出实际支出"
        f"1648.14万元，执行率{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_rates_of_a_budget_adjusted_in_the_year_and_of_its_parts(tmp_path: Path) -> None:
    """ "年中追加调整后全年预算为3418.75万元" is the adjusted budget, not another item's; "基本支出实际支出…，执行率98.55%"
    after "其中：基本支出预算1642.18万元" is of that part's budget (adv345 F1–F3: 年初预算 2856.40 was taken for all three)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _self_evaluation("92.77"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _self_evaluation("93.77")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.execution-text", Decimal("93.77"), Decimal("92.77"))]


def test_a_colon_list_after_a_figure_and_zhong_breaks_down_that_figure(tmp_path: Path) -> None:
    """ "基本支出8060.63万元中：人员经费…；公用经费…": the list after "<figure>中：" is that figure's parts (adv346 S11)."""

    def text(public: str) -> str:
        return (
            "某局2025年部门预算\n二、支出预算\n"
            f"基本支出8060.63万元中：人员经费6824.15万元，主要用于工资福利；公用经费{public}万元，主要用于办公费。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", text("1236.48"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text("1336.48")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("8060.63"), Decimal("8160.63"))]


def test_a_list_after_another_lists_parts_takes_none_of_them_for_its_whole(tmp_path: Path) -> None:
    """ "收入包括：一般公共预算财政拨款28764.52万元，其他收入512.30万元；支出包括：…": the spending list's whole is not the
    income list's first part, larger than the spending list's first part (guards this stop's own "a whole is never
    smaller than its first part", caught on adv275 before landing)."""
    text = (
        "某街道2025年部门预算\n一、收支预算总体情况\n"
        "收入包括：一般公共预算财政拨款28764.52万元，其他收入512.30万元；支出包括：一般公共服务支出10565.24万元，"
        "公共安全支出1320.58万元，社会保障和就业支出7702.59万元，卫生健康支出512.44万元，城乡社区支出7398.64万元，"
        "住房保障支出1777.33万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_respective_shares_of_names_not_told_apart_or_after_their_total(tmp_path: Path) -> None:
    """ "教育、社会保障和就业和卫生健康支出分别为…、…、…，分别增长…，分别占…的17.7%、15.0%和9.3%": the names, their common
    word printed once, are not told apart, so no share is the last amount's (adv350 F1); "一般债券98000万元、专项债券
    210000万元，合计308000万元，分别占31.8%和68.2%": the shares are the parts', not the 合计's (adv350 F2)."""
    text = (
        "某市2024年预算执行情况的报告\n一、一般公共预算\n"
        "全市一般公共预算支出完成842760万元。重点支出中，教育、社会保障和就业和卫生健康支出分别为148760万元、126540万元、"
        "78320万元，分别增长4.7%、6.4%和4.9%，分别占一般公共预算支出的17.7%、15.0%和9.3%。\n"
        "2024年新增债券中，一般债券98000万元、专项债券210000万元，合计308000万元，分别占{}%和68.2%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("31.8"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("33.8")))
    assert [(r, s, v) for r, s, v, _e in found] == [("share.stated-vs-computed", "一般债券", Decimal("33.8"))]


def test_a_table_named_by_its_fund_is_never_the_all_funds_spending_table() -> None:
    """ "一般公共预算当年拨款支出预算表" is that fund's table (ys.gp), not the 部门支出预算总表 its "支出预算表" ending
    would make it (adv352 F1–F8: its 合计 was compared with all funds' 支出总计 and with the all-funds 基本支出)."""
    from extractors.table_identity import identify_table

    assert identify_table("表3  一般公共预算当年拨款支出预算表") == "ys.gp"
    assert identify_table("一般公共预算财政拨款当年支出预算表") == "ys.gp"
    assert identify_table("2026年部门支出预算总表") == "ys.expense"
    assert identify_table("项目支出预算表") is None


def test_shares_of_a_list_whose_amounts_share_one_unit_name_no_total(tmp_path: Path) -> None:
    """ "五项合计13160.10万元，分别为3539.05、541.41、201.35、8579.65、298.64万元，分别占26.89%、…": the amounts before the
    one unit are not read, so the shares name no part — never the 合计 the last amount was named after (adv352 F9–F10)."""
    text = (
        "某厅2026年部门预算\n一、支出\n"
        "一般公共预算当年拨款支出按功能分类，一般公共服务支出、社会保障和就业支出、卫生健康支出、节能环保支出、住房保障支出"
        "五项合计13160.10万元，分别为3539.05、541.41、201.35、8579.65、298.64万元，分别占26.89%、4.11%、1.53%、65.19%、"
        "2.27%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_balance_whose_moment_opens_its_sentence_starts_a_roll_forward(tmp_path: Path) -> None:
    """ "2024年初，全市政府债务余额675.38亿元。全年新增…128.64亿元，偿还…51.27亿元，2024年末…余额753.75亿元": the moment in
    a clause of its own before the balance makes it the opening one (adv354 S6: 675.38 + 128.64 − 51.27 = 752.75)."""

    def text(closing: str) -> str:
        return (
            "某市2024年地方政府债务情况\n一、债务余额\n2024年初，全市政府债务余额675.38亿元。全年新增政府债券128.64亿元，"
            f"偿还到期债务本金51.27亿元，2024年末全市政府债务余额{closing}亿元。\n"
        )

    assert [f for f in _scan_txt(tmp_path / "a.txt", text("752.75")) if f.severity != "info"] == []
    found = [(f.rule, f.stated_value) for f in _scan_txt(tmp_path / "b.txt", text("753.75")) if f.severity != "info"]
    assert found == [("balance.roll-forward", Decimal("753.75"))]


def test_this_projects_score_in_a_project_self_evaluation_is_the_sheets_total(tmp_path: Path) -> None:
    """ "经综合评价，本项目绩效自评得分83.7分" in a report with one score sheet: the project the report is about, its
    score the sheet's 总分 (adv354 S7 was missed: the word 项目 kept it for a project's score among several)."""

    def text(said: str) -> str:
        rows = [
            "某区2024年老旧小区改造项目支出绩效自评报告",
            "表2 项目支出绩效自评得分表",
            "一级指标\t二级指标\t分值\t得分",
            "决策\t项目立项\t20\t18.2",
            "产出\t产出数量\t50\t45.5",
            "效益\t社会效益\t30\t18.5",
            "总分\t\t100\t82.2",
            "三、自评结论",
            f"经综合评价，本项目绩效自评得分{said}分，评价等级为“良”。",
        ]
        return "\n".join(rows) + "\n"

    assert _errors(_scan_txt(tmp_path / "a.txt", text("82.2"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text("83.7")))
    assert [(r, v, e) for r, _s, v, e in found] == [("scoresheet.total-in-text", Decimal("83.7"), Decimal("82.2"))]


def test_a_cost_indicator_under_its_target_meets_it() -> None:
    """成本指标 › 亩均投资（元/亩）| 1500 | 1480 | 5 | 5: a cost is met at or below its target, so full marks are no
    shortfall (adv357 F1); one above its target with full marks is."""
    from model_builders import fact
    from test_checks_scoresheet import T4, alarms, row

    from pipeline.checks import run_checks

    def sheet(actual: str) -> list:
        facts = row(11, "产出指标", "数量指标", "新建高标准农田", "1.2万亩", "1.2万亩", "50", "50")
        facts += row(12, "", "成本指标", "亩均投资", "1500元", f"{actual}元", "50", "50")
        facts += [
            fact("100", ("总分",), ("分值",), 1, 13, 6, title=T4),
            fact("100", ("总分",), ("得分",), 1, 13, 7, title=T4),
        ]
        return facts

    assert alarms(run_checks([], sheet("1480"), [])) == []
    assert alarms(run_checks([], sheet("1520"), [])) == [("scoresheet.full-points-shortfall", "50")]


def test_last_years_share_is_not_worked_on_this_years_parts(tmp_path: Path) -> None:
    """ "上年基本支出占本年支出的比重为36.12%": a share its clause dates to last year is not this year's 186.24 ÷ 501.96
    (adv359 probe: an error 36.12 vs 37.10)."""
    text = (
        "某局2024年部门决算\n一、支出\n本年支出合计501.96万元，其中基本支出186.24万元，项目支出315.72万元。"
        "基本支出占本年支出的比重为37.10%。上年基本支出占本年支出的比重为36.12%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_figures_of_a_debt_class_named_at_the_head_of_their_clause_run(tmp_path: Path) -> None:
    """ "分类型看：一般债务年初余额186.42亿元，当年新增21.30亿元，偿还12.79亿元，年末余额194.93亿元；专项债务…": the bare
    年末余额 is 一般债务's, not the whole debt's 653.82 printed again (adv361 F1–F4); a class's closing balance is rolled
    forward from its own class's opening one only (adv361 F5)."""

    def text(general_closing: str) -> str:
        return (
            "某市2024年预算执行情况的报告\n一、政府债务\n"
            "2024年初，全市政府债务余额589.19亿元。全年新增90.20亿元，偿还25.57亿元，年末余额653.82亿元。\n"
            "分类型看：一般债务年初余额186.42亿元，当年新增21.30亿元，偿还12.79亿元，"
            f"年末余额{general_closing}亿元；专项债务年初余额402.77亿元，当年新增68.90亿元，偿还12.78亿元，年末余额458.89亿元。\n"
            "其中，一般债务年末余额194.93亿元，为年初余额186.42亿元加新增21.30亿元减偿还12.79亿元；专项债务年末余额458.89"
            "亿元，为年初余额402.77亿元加新增68.90亿元减偿还12.78亿元。\n"
        )

    assert [f for f in _scan_txt(tmp_path / "a.txt", text("194.93")) if f.severity != "info"] == []
    found = [(f.rule, f.stated_value) for f in _scan_txt(tmp_path / "b.txt", text("195.93")) if f.severity != "info"]
    assert ("balance.roll-forward", Decimal("195.93")) in found


def test_a_total_after_what_was_done_before_it_is_no_sum_of_those(tmp_path: Path) -> None:
    """ "本年偿还到期本金25.34亿元、发行新增债券35.90亿元和再融资债券16.15亿元后，年末专项和一般债务合计267.80亿元": the
    balance after the movements is no sum of them (adv361 F6)."""
    text = (
        "某市2024年政府决算的报告\n一、政府债务\n本年偿还到期本金25.34亿元、发行新增债券35.90亿元和再融资债券16.15亿元后，"
        "年末专项和一般债务合计267.80亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_last_years_per_capita_is_not_worked_on_this_years_total(tmp_path: Path) -> None:
    """ "上年人均基本支出22.60万元（上年末实有人数150人）" after this year's 基本支出3653.45万元: last year's per-capita figure
    is not this year's total over last year's people (adv362 F1)."""
    text = (
        "某中心2024年部门决算\n一、支出\n本年支出合计9416.36万元，其中：基本支出3653.45万元，项目支出5762.91万元。\n"
        "上年人均基本支出22.60万元（上年末实有人数150人）。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_list_opened_by_the_money_of_a_figure_named_before(tmp_path: Path) -> None:
    """ "新增专项债券215.40亿元…。新增专项债券资金中：A…、B…": the list breaks down the bonds' money (adv363 D3 missed)."""

    def text(last: str) -> str:
        return (
            "某市2024年地方政府债务情况说明\n二、新增债券\n2024年全市新增专项债券215.40亿元，全部用于有一定收益的公益性项目"
            f"建设。新增专项债券资金中：交通基础设施68.30亿元，城乡社区基础设施52.75亿元，保障性安居工程44.20亿元，"
            f"农林水利28.65亿元，社会事业{last}亿元。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", text("21.50"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text("24.50")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("215.40"), Decimal("218.4"))]


def test_a_projects_score_in_a_departments_report_is_not_the_sheets_total(tmp_path: Path) -> None:
    """In a department's report with one sheet (its own), "…项目…，该项目自评得分93分" is one project's score, not the
    sheet's 总分 (guards this stop's own "本项目绩效自评得分" reading, caught on adv321 before landing)."""
    rows = [
        "某县农业农村局2024年度部门整体支出绩效自评报告",
        "表2 部门整体支出绩效自评得分表",
        "一级指标\t二级指标\t分值\t得分",
        "投入\t预算执行率\t20\t18.5",
        "产出\t产出数量\t40\t38",
        "效益\t社会效益\t40\t39",
        "总分\t\t100\t95.5",
        "二、项目绩效情况",
        "1.高标准农田建设项目：全年预算500.00万元，实际支出480.00万元，本项目自评得分93分。",
        "2.农机购置补贴项目：全年预算300.00万元，实际支出297.00万元，该项目自评得分96.5分。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_per_capita_figures_each_with_their_own_basis_in_brackets(tmp_path: Path) -> None:
    """ "本年人均基本支出为130909.50元（基本支出4686.56万元÷实有人数358人），上年人均基本支出为128400.00元（基本支出4481.16
    万元÷实有人数349人）": each figure on its own bracket's total and people (adv365 F1: last year's was worked on this
    year's basis)."""

    def text(last: str) -> str:
        return (
            "某中学2024年单位决算\n一、支出\n本年人均基本支出为130909.50元（基本支出4686.56万元÷实有人数358人），上年人均"
            f"基本支出为{last}元（基本支出4481.16万元÷实有人数349人）。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", text("128400.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text("128900.00")))
    assert [(r, v) for r, _s, v, _e in found] == [("rate.per-capita", Decimal("128900.00"))]


def test_a_growth_of_a_per_head_figure_is_not_worked_on_a_total(tmp_path: Path) -> None:
    """ "上年公用经费668.50万元，在校学生2358人，生均公用经费2835.03元，比上年增长2.55%": the two figures before the growth
    are a total and a figure per head, no two years of one figure (adv365 F2)."""
    text = (
        "某中学2024年单位决算\n一、公用经费\n公用经费702.39万元，按在校学生2416人计算，生均公用经费2907.24元；上年公用经费"
        "668.50万元，在校学生2358人，生均公用经费2835.03元，比上年增长2.55%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_an_undeclared_first_level_row_after_a_complete_category(tmp_path: Path) -> None:
    """满意度指标（10分）| … | 10 then 预算执行率 | (blank) | (blank) | … | 10: the category already has its 10 points and the
    row, its labels not lined up, is another 一级 item (adv366 F1); a fall's size (发生率下降幅度) is better the larger."""
    from model_builders import fact
    from test_checks_scoresheet import T4, alarms, row

    from pipeline.checks import run_checks

    facts = row(11, "产出指标（50分）", "数量指标", "签约人数", "1万人", "1.1万人", "50", "50")
    facts += row(12, "效益指标（30分）", "社会效益指标", "火灾发生率下降幅度", "10%", "18.2%", "30", "30")
    facts += row(13, "满意度指标（10分）", "服务对象满意度指标", "居民满意度", "85%", "91.2%", "10", "10")
    facts += [
        fact("100%", ("绩效指标", "预算执行率"), ("年度指标值",), 1, 14, 4, title=T4),
        fact("97.92%", ("绩效指标", "预算执行率"), ("实际完成值",), 1, 14, 5, title=T4),
        fact("10", ("绩效指标", "预算执行率"), ("分值",), 1, 14, 6, title=T4),
        fact("9.8", ("绩效指标", "预算执行率"), ("得分",), 1, 14, 7, title=T4),
        fact("100", ("总分",), ("分值",), 1, 15, 6, title=T4),
        fact("99.8", ("总分",), ("得分",), 1, 15, 7, title=T4),
    ]
    assert alarms(run_checks([], facts, [])) == []


def test_units_counted_beside_the_body_itself_are_no_whole_of_a_list_counting_it_too(tmp_path: Path) -> None:
    """ "由厅机关本级及所属14个二级预算单位决算组成，其中行政单位1个、…2个、…12个": the list counts the 本级 too (15), so
    the 14 is no whole of it (adv367 F1)."""
    text = (
        "某厅2024年度部门决算\n一、部门概况\n本部门决算由厅机关本级及所属14个二级预算单位决算组成，其中行政单位1个，"
        "参照公务员法管理的事业单位2个，其他事业单位12个。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_breakdown_by_units_opens_with_the_units_sum(tmp_path: Path) -> None:
    """ "分街镇（园区）看，全区7个街镇（园区）共完成区级税收收入244788万元": the towns' sum, not the district's 税收收入 of
    the table (adv370 F1–F2: 1004136 against 244788 as one figure)."""
    rows = [
        "天津市西青区2025年预算执行情况和2026年预算草案的报告",
        "一、2025年预算执行情况",
        "2025年，全区一般公共预算收入完成138.27亿元，其中，税收收入100.41亿元，比上年下降1.4%。",
        "分街镇（园区）看，全区7个街镇（园区）共完成区级税收收入244788万元，比上年增长2.3%。",
        "表1  天津市西青区2025年一般公共预算收入执行情况表（单位：万元）",
        "项目\t预算数\t执行数\t为预算%\t比上年增长%",
        "税收收入\t1001986\t1004136\t100.2\t-1.4",
    ]
    found = analyze_file(_write(tmp_path / "a.txt", "\n".join(rows) + "\n")).claims
    (towns,) = [c for c in found if c.quantity.text == "244788万元"]
    assert towns.identity.scope == "街镇（园区）"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
