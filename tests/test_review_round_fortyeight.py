"""Review round forty-eight (stop 43): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt
from test_stitch import part

from extractors.claims import extract_claims
from extractors.model import Document, Paragraph, Provenance, Table
from extractors.stitch import stitch_tables


def _total_table(title: str, income: str, other: str, spent: str, opening: str, closing: str) -> list[str]:
    whole = Decimal(income) + Decimal(other)
    return [
        title,
        "单位：万元",
        "项目\t决算数\t项目\t决算数",
        f"一、一般公共预算财政拨款收入\t{income}\t一、一般公共服务支出\t{spent}",
        f"二、其他收入\t{other}\t\t",
        f"本年收入合计\t{whole}\t本年支出合计\t{spent}",
        f"年初结转和结余\t{opening}\t年末结转和结余\t{closing}",
        f"收入总计\t{whole + Decimal(opening)}\t支出总计\t{Decimal(spent) + Decimal(closing)}",
    ]


def _department_with_a_unit(
    unit_share: str = "95.00",
    unit_income: str = "800.00",
    heading: str = "第四部分 青川市食品药品检验检测中心2024年度决算",
    sub: tuple[str, str] = ("一、", "二、"),
) -> str:
    rows = [
        "青川市市场监督管理局2024年部门决算",
        "第二部分 2024年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "2024年度收入总计5,000.00万元，支出总计5,000.00万元。其中：本年收入合计4,600.00万元，本年支出合计4,700.00万元。",
        "二、收入决算情况说明",
        "2024年度本年收入合计4,600.00万元，其中：财政拨款收入4,140.00万元，占90.00%；其他收入460.00万元，占10.00%。",
        "第三部分 2024年度部门决算表",
        *_total_table("收入支出决算总表", "4140.00", "460.00", "4700.00", "400.00", "300.00"),
        heading,
        f"{sub[0]}收入支出决算总体情况说明",
        f"2024年度该中心收入总计{unit_income}万元，支出总计800.00万元。其中：本年收入合计760.00万元，本年支出合计780.00万元。",
        f"{sub[1]}收入决算情况说明",
        f"2024年度该中心本年收入合计760.00万元，其中：财政拨款收入722.00万元，占{unit_share}%；其他收入38.00万元，占5.00%。",
        *_total_table("收入支出决算总表（青川市食品药品检验检测中心）", "722.00", "38.00", "780.00", "40.00", "20.00"),
    ]
    return "\n".join(rows) + "\n"


def test_a_units_part_of_a_departments_report_holds_the_units_figures(tmp_path: Path) -> None:
    """ "第四部分 青川市食品药品检验检测中心2024年度决算" over "该中心收入总计800.00万元" and "收入支出决算总表（XX中心）": the
    unit's figures, never the department's 收入总计 (adv473, adv475: narrative_table.mismatch, repeat.different-values
    and template.share of every unit figure against the department's; the part heading opened no scope, the bracket
    named no unit and the template bound each section to the first table of its kind)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _department_with_a_unit())) == []
    # the unit's own slips are still found, against the unit's own tables
    found = _errors(_scan_txt(tmp_path / "b.txt", _department_with_a_unit(unit_share="93.00")))
    assert [(stated, expected) for _r, _s, stated, expected in found] == [(Decimal("93.00"), Decimal("95"))]
    found = _errors(_scan_txt(tmp_path / "c.txt", _department_with_a_unit(unit_income="810.00")))
    assert len(found) == 1 and {found[0][2], found[0][3]} == {Decimal("810.00"), Decimal("800")}


def test_a_units_part_without_a_year_or_with_its_budget_opens_its_scope_too(tmp_path: Path) -> None:
    """ "二、XX中心2024年单位决算" over （一）… sections, or the unit's part titled alone on a line of its own."""
    for heading, sub in (
        ("二、青川市食品药品检验检测中心2024年单位决算", ("（一）", "（二）")),
        ("青川市食品药品检验检测中心2024年度决算", ("一、", "二、")),
    ):
        report = _department_with_a_unit(heading=heading, sub=sub)
        assert _errors(_scan_txt(tmp_path / "a.txt", report)) == [], heading


def _two_units(second: str) -> str:
    rows = ["某市农业农村局2024年部门决算"]
    for k, (name, spent) in enumerate((("甲农业技术推广中心", "1,091.00"), ("乙农产品质量检测中心", second))):
        rows += [
            f"第{'四五'[k]}部分 {name}2024年度决算",
            "（五）一般公共预算财政拨款支出决算情况说明",
            f"该中心2024年度财政拨款支出{spent}万元，主要用于一般公共服务支出。",
            "（六）一般公共预算财政拨款支出决算完成情况",
            f"该中心财政拨款支出决算{spent}万元，主要用于一般公共服务支出。",
        ]
    return "\n".join(rows) + "\n"


def test_the_centre_of_each_units_part_is_that_unit(tmp_path: Path) -> None:
    """ "该中心" in two units' parts names two centres: their 财政拨款支出 are two figures (adv475 ganzhou 段落80), while one
    centre printing two values of one figure is still found."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _two_units("944.74"))) == []
    text = _two_units("944.74").replace("该中心财政拨款支出决算944.74万元", "该中心财政拨款支出决算949.74万元")
    found = _errors(_scan_txt(tmp_path / "b.txt", text))
    assert {(stated, expected) for _r, _s, stated, expected in found} <= {
        (Decimal("949.74"), Decimal("944.74")),
        (Decimal("944.74"), Decimal("949.74")),
    } and found


def test_a_bare_spending_total_after_an_items_income_total_is_that_items(tmp_path: Path) -> None:
    """ "财政拨款收入总计4,454.24万元、支出总计4,454.24万元": the 财政拨款 支出总计, not the department's (adv475 fucheng
    段落21: repeat.different-values against 支出总计 5,071.14)."""
    text = "本部门2024年度财政拨款收入总计4,454.24万元、支出总计4,454.24万元。"
    doc = Document(
        path="t.txt", sha256="x", format="txt", blocks=[Paragraph(text=text, prov=Provenance(sha256="x", block=0))]
    )
    assert [(c.subject, c.identity.fund) for c in extract_claims(doc)][1] == ("支出总计", "财政拨款")
    report = "（一）\n本部门2024年度收入总计5,071.14万元、支出总计5,071.14万元。\n（四）\n" + text + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", report)) == []


def test_a_month_after_a_run_in_heading_dates_the_whole_paragraph(tmp_path: Path) -> None:
    """ "（一）收入情况。10月份，全市一般公共预算收入9.46亿元。其中，税收收入7.82亿元。": the 税收收入 is October's, not the
    1-10月's of the next paragraph (adv478 南屏市 段落5: repeat.different-values 84.00 vs 7.82)."""
    lines = [
        "2025年1-10月某市财政收支情况",
        "（一）收入情况。10月份，全市一般公共预算收入9.46亿元。其中，税收收入7.82亿元。",
        "1-10月累计，全市一般公共预算收入102.50亿元。其中，税收收入84.00亿元。",
        "1-10月，全市税收收入84.50亿元。",
    ]
    found = _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n"))
    assert [(stated, expected) for _r, _s, stated, expected in found] in (
        [(Decimal("84.50"), Decimal("84.00"))],
        [(Decimal("84.00"), Decimal("84.50"))],
    )


def test_a_units_part_headed_by_its_account_of_the_year_is_the_units(tmp_path: Path) -> None:
    """ "一、邢台市妇幼保健院2024年度决算情况说明" opens that unit's part as "…2024年度决算" does (adv479 邢台: nine
    repeat.different-values of each unit figure against the department's)."""
    lines = [
        "邢台市卫生健康委员会2024年度部门决算",
        "二、收入决算情况说明",
        "本年收入合计1,499.64万元。",
        "一、邢台市妇幼保健院2024年度决算情况说明",
        "本单位本年收入合计301.24万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def _county_income(rate: str) -> str:
    lines = [
        "2024年某县预算执行情况的报告",
        f"2024年某县一般公共预算收入1000万元，完成调整预算的{rate}%，比上年增长25.0%。",
        "表1 2024年某县一般公共预算收入执行情况表",
        "单位：万元",
        "项目\t调整预算数\t执行数\t执行数为调整预算数%\t上年执行数\t执行数比上年增长%",
        "税收收入\t800\t700\t87.5\t600\t16.7",
        "非税收入\t200\t300\t150.0\t200\t50.0",
        "一般公共预算收入合计\t1000\t1000\t100.0\t800\t25.0",
    ]
    return "\n".join(lines) + "\n"


def test_the_reports_own_region_before_an_account_is_its_whole(tmp_path: Path) -> None:
    """ "2024年某县一般公共预算收入…完成调整预算的90.0%" in 某县's own report is the county's whole account, as 全县… is:
    its rates are checked against the table (adv482: every such rate was left unresolved, a slip missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _county_income("100.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _county_income("90.0")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("rate.completion", Decimal("90.0"), Decimal("100"))
    ]


def test_two_rows_read_as_one_figure_are_not_set_against_each_other(tmp_path: Path) -> None:
    """市级财政配套资金 37.80 | 县级财政配套资金 51.70 both read as the 本级 财政配套资金: the text's 县级 51.70 prints one of
    them, no mismatch with the other (adv480 霍邱 段落5: narrative_table.mismatch 51.70 vs 37.8)."""
    text = "县级财政配套资金51.70万元。\n\n单位：万元\n| 资金来源 | 金额 |\n|---|---|\n"
    text += "| 市级财政配套资金 | 37.80 |\n| 县级财政配套资金 | 51.70 |\n"
    assert _errors(_scan_txt(tmp_path / "a.md", text)) == []


def test_a_field_naming_a_body_and_its_code_is_no_column_of_codes(tmp_path: Path) -> None:
    """项目名称 | … | 主管部门及代码 | …: a field of the performance sheet's head, not the caption of a code column — the
    全年预算数 below it is an amount and the 执行率 is of it (adv480 F1: rate.execution against 年初预算数)."""
    from openpyxl import Workbook

    from pipeline.analyze import analyze_file

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ("项目名称", "养护工程", "主管部门及代码", "上高县人民政府"),
        ("项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率"),
        ("年度资金总额", 860.00, 1024.50, 946.73, "92.41%"),
    ):
        sheet.append(row)
    path = tmp_path / "a.xlsx"
    book.save(path)
    assert _errors(analyze_file(path).findings) == []


_XS = [50.0, 130.0, 210.0, 290.0, 370.0]  # four columns


def test_a_header_row_alone_on_its_page_heads_the_rows_on_the_next(tmp_path: Path) -> None:
    """附件1's header row alone at the top of page 4 (a converter broke the page after it) and its 30 rows on page 5:
    one table, its rate columns named (adv486 盐城 p.5: sum.table-rows added the 完成预算% column's rates)."""
    head = part(4, [["项目", "年初预算数", "执行数", "完成预算%"]], 72.0, xs=_XS, touches_bottom=False)
    head.title = "附件1 某市2024年一般公共预算收入执行情况表"
    body = part(5, [["一、税收收入", "1000", "990", "99.0"], ["增值税", "600", "610", "101.7"]], 72.0, xs=_XS)
    body.touches_bottom = False
    (table,) = [b for b in stitch_tables([head, body]) if isinstance(b, Table)]
    assert table.n_rows == 3 and table.pages == [4, 5]
    # a header-only table followed by another table's titled part is no header of it
    titled = part(5, [["一、税收收入", "1000", "990", "99.0"]], 72.0, xs=_XS, touches_bottom=False)
    titled.title = "附件2 某市2024年政府性基金预算收入执行情况表"
    assert len([b for b in stitch_tables([head, titled]) if isinstance(b, Table)]) == 2


def test_a_part_with_its_bracketed_breakdown_stays_a_part_of_the_list_after_it(tmp_path: Path) -> None:
    """ "…，加上级补助收入62.98亿元（其中：返还性收入…）、债务转贷收入…，收入合计248.61亿元": the bracket breaks down one
    addend; the list still adds to 收入合计 (adv478: the bracket's parts ended the list, a slip in 收入合计 missed)."""
    line = (
        "全市一般公共预算收入141.38亿元，加上级补助收入62.98亿元（其中：返还性收入3.86亿元，一般性转移支付收入46.65亿元，"
        "专项转移支付收入12.47亿元）、债务转贷收入22.85亿元、调入资金9.54亿元、动用预算稳定调节基金6.00亿元、"
        "上年结转4.86亿元，收入合计{}亿元。\n"
    )
    report = "2024年滨河市预算执行情况的报告\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", report + line.format("247.61"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report + line.format("248.61")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.enumeration", Decimal("248.61"), Decimal("247.61"))
    ]


def test_staff_and_running_costs_make_up_basic_spending_not_all_that_was_spent(tmp_path: Path) -> None:
    """ "全年执行数12214.38万元，其中：人员经费支出5832.16万元；公用经费支出1106.72万元": 人员经费 and 公用经费 make up 基本
    支出, so the list is no complete breakdown of all that was spent (adv485 r6: sum.enumeration error); under 基本支出
    it still is."""
    title = "某县卫生健康局2024年度部门整体支出绩效自评报告\n"
    text = title + "2024年全年执行数12214.38万元，其中：人员经费支出5832.16万元；公用经费支出1106.72万元。\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    text = title + "2024年基本支出6938.88万元，其中：人员经费支出5832.16万元；公用经费支出1116.72万元。\n"
    found = _errors(_scan_txt(tmp_path / "b.txt", text))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.enumeration", Decimal("6938.88"), Decimal("6948.88"))
    ]


def test_one_insurance_funds_figure_is_not_the_whole_social_insurance_funds(tmp_path: Path) -> None:
    """利息收入 of the 全市社会保险基金 in the overview and 利息收入 under （一）工伤保险基金 are two figures, with one fund's
    section as with several (adv484 repro B: repeat.different-values 876.54 vs 43096.51)."""
    lines = [
        "湘潭市2024年社会保险基金决算的报告",
        "一、总体情况",
        "2024年全市社会保险基金收入4465071.30万元，利息收入43096.51万元，当年收支结余214035.48万元。",
        "二、分险种情况",
        "（一）工伤保险基金",
        "基金收入43340.59万元，其中利息收入876.54万元。基金支出38654.21万元，当年收支结余4686.38万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_a_department_named_by_its_ting_before_its_income_names_no_other_item(tmp_path: Path) -> None:
    """ "浙江省文化广电和旅游厅收入预算…。收入预算比2024年预算减少357.97万元，下降3.97%": the 厅's own 收入, as a 局's is, so
    the change is checked against it (adv483 浙江: never checked)."""
    text = (
        "浙江省文化广电和旅游厅2025年部门预算\n二、收支预算总体情况\n2025年浙江省文化广电和旅游厅收入预算8895.76万元，"
        "其中：事业收入405.16万元，占4.55%。收入预算比2024年预算减少357.97万元，下降{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("3.87"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("3.97")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("template.change", Decimal("3.97"), Decimal("3.87"))
    ]


def test_a_rows_code_printed_in_its_label_cell_is_not_part_of_its_name(tmp_path: Path) -> None:
    """ "205 教育支出" in one cell is the row of 教育支出: the text's 教育支出 is set against it (adv482: never paired)."""
    lines = [
        "2024年全县预算执行情况的报告",
        "全县教育支出320万元，比上年增长25.0%。",
        "表2 2024年全县一般公共预算支出执行情况表",
        "单位：万元",
        "项目\t调整预算数\t执行数\t上年执行数\t执行数比上年增长%",
        "205 教育支出\t300\t250\t200\t25.0",
        "208 社会保障和就业支出\t100\t100\t100\t0.0",
        "合计\t400\t350\t300\t16.7",
    ]
    found = _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n"))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("narrative_table.mismatch", Decimal("250"), Decimal("320"))
    ]


def test_a_change_amount_out_of_line_with_the_level_and_base_printed_is_the_one_blamed(tmp_path: Path) -> None:
    """ "2024年度财政拨款支出1,455.13万元。与2023年度财政拨款支出1,436.66万元相比，增加30.47万元，增长1.29%": the level
    and the base make 18.47 and the rate printed; the amount is the slip, not the rate (adv479 湖南 D: template.change
    blamed the right 1.29%)."""
    text = (
        "湖南省林业局2024年度部门决算\n四、财政拨款支出决算总体情况说明\n2024年度财政拨款支出1,455.13万元。"
        "与2023年度财政拨款支出1,436.66万元相比，增加{}万元，增长{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("18.47", "1.29"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("30.47", "1.29")))
    assert [(stated, expected) for _r, _s, stated, expected in found] == [(Decimal("30.47"), Decimal("18.47"))]
    found = _errors(_scan_txt(tmp_path / "c.txt", text.format("18.47", "2.29")))
    assert [(stated, expected) for _r, _s, stated, expected in found] == [(Decimal("2.29"), Decimal("1.29"))]


def _fund_balance(balance: str, year_end: str) -> str:
    return (
        "某县2024年财政决算草案的报告\n（一）一般公共预算决算情况\n一般公共预算收入合计186,811.84万元，支出合计179,339.34万元，"
        f"当年收支结余{balance}万元，加上年滚存结余12,751.70万元，年末滚存结余{year_end}万元。\n"
    )


def test_a_funds_balance_of_its_income_and_spending_totals_and_its_year_end_stock(tmp_path: Path) -> None:
    """ "收入合计…，支出合计…，当年收支结余…，加上年滚存结余…，年末滚存结余…": the year's balance is 收入合计 − 支出合计
    (a 合计 holds no carry-over; a 总计 does), and the year-end stock the balance plus last year's (adv488 A, A2: both
    slips left unchecked)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_balance("7,472.50", "20,224.20"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _fund_balance("7,572.50", "20,324.20")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("balance.income-less-spending", Decimal("7572.50"), Decimal("7472.50"))
    ]
    found = _errors(_scan_txt(tmp_path / "c.txt", _fund_balance("7,472.50", "20,324.20")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("balance.add-subtract", Decimal("20324.20"), Decimal("20224.20"))
    ]


def test_a_share_of_a_funds_spending_is_of_its_total_printed_with_heji(tmp_path: Path) -> None:
    """ "一般公共预算支出合计179,339.34万元…其中教育支出16,609.23万元，占一般公共预算支出的10.3%": the whole is that 合计 (adv488
    B: 未找到占比的分母 for 一般公共预算, found for 政府性基金)."""
    text = (
        "某县2024年财政决算草案的报告\n一般公共预算支出合计179,339.34万元，为调整预算的99.2%。"
        "其中教育支出16,609.23万元，占一般公共预算支出的{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("9.3"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("10.3")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("share.stated-vs-computed", Decimal("10.3"), Decimal("9.26"))
    ]


def test_a_class_whose_rows_are_printed_apart_from_its_block_is_not_summed_by_position(tmp_path: Path) -> None:
    """210 卫生健康支出 | 21002 … | 208 … | 21011 行政事业单位医疗: the 210's rows are not only those below it up to 208, so
    its sum by position is no finding (adv487 r1: template.hierarchy error on a table consistent by its codes)."""
    lines = [
        "某县人民医院2024年度单位决算",
        "支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t300.00\t200.00\t100.00",
        "210\t卫生健康支出\t250.00\t150.00\t100.00",
        "21002\t  公立医院\t200.00\t100.00\t100.00",
        "2100201\t    综合医院\t200.00\t100.00\t100.00",
        "208\t社会保障和就业支出\t50.00\t50.00\t",
        "20805\t  行政事业单位养老支出\t50.00\t50.00\t",
        "2080505\t    机关事业单位基本养老保险缴费支出\t50.00\t50.00\t",
        "21011\t  行政事业单位医疗\t50.00\t50.00\t",
        "2101102\t    事业单位医疗\t50.00\t50.00\t",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_a_funds_flow_total_row_in_the_table_of_that_flow_is_the_funds_flow(tmp_path: Path) -> None:
    """ "政府性基金预算收入合计" in 附表3 …政府性基金预算收入执行情况表 is the fund's income, the text's "全县政府性基金预算收入完成
    196114.51万元" (adv489 蓬溪: never paired, a slip in either left unfound)."""
    lines = [
        "蓬溪县2024年预算执行情况的报告",
        "全县政府性基金预算收入完成{}万元，为预算的99.1%。",
        "附表3 蓬溪县2024年政府性基金预算收入执行情况表",
        "单位：万元",
        "项目\t预算数\t执行数\t完成预算%",
        "国有土地使用权出让收入\t180000.00\t178114.51\t99.0",
        "城市基础设施配套费收入\t17850.00\t18000.00\t100.8",
        "政府性基金预算收入合计\t197850.00\t196114.51\t99.1",
    ]
    text = "\n".join(lines) + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("196114.51"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("196124.51")))
    assert [(rule, {stated, expected}) for rule, _s, stated, expected in found] == [
        ("narrative_table.mismatch", {Decimal("196114.51"), Decimal("196124.51")})
    ]


def test_a_unit_named_alone_on_its_line_opens_its_part(tmp_path: Path) -> None:
    """ "四、所属单位预算" then "某县农业农村局本级" / "某县农业技术推广中心" alone on their lines (or "…中心：") over "该单位…":
    each unit's figures its own (adv491 庆阳, 遵义: repeat.different-values of one unit's 收入预算总额 against another's)."""
    for colon in ("", "："):
        lines = [
            "某县农业农村局2025年部门预算",
            "四、所属单位预算",
            f"某县农业农村局本级{colon}",
            "该单位2025年收入预算总额2215.64万元，比上年减少164.42万元，下降6.91%。",
            f"某县农业技术推广中心{colon}",
            "该单位2025年收入预算总额1029.25万元，比上年增加74.07万元，增长7.75%。",
            "五、政府采购预算情况",
            "2025年政府采购预算总额120.00万元。",
        ]
        assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == [], colon


def _space_table(total: str) -> str:
    lines = [
        "某县农业农村局2025年部门预算",
        "部门一般公共预算支出表",
        "单位：万元",
        "科目编码    科目名称    合计    基本支出    项目支出",
        "208    社会保障和就业支出    121.37    121.37    0.00",
        "213    农林水支出    820.64    494.05    326.59",
        "221    住房保障支出    46.32    46.32    0.00",
        f"    合计    {total}    661.74    326.59",
    ]
    return "\n".join(lines) + "\n"


def test_a_space_lined_table_with_a_code_column_is_read_whole(tmp_path: Path) -> None:
    """科目编码 | 科目名称 | … lined up by spaces: a row's code and name are two label cells, and a 合计 row leaving the
    code blank is one of the table's rows (adv491 F2: a stub of the last row and 合计 summed, 988.33 vs 46.32)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _space_table("988.33"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _space_table("989.33")))
    assert {(stated, expected) for _r, _s, stated, expected in found} == {(Decimal("989.33"), Decimal("988.33"))}


def test_terms_named_without_figures_after_a_list_leave_its_total_open(tmp_path: Path) -> None:
    """ "…债务转贷收入2850万元，以及调入资金和上年结转等，收入总计50708万元": the terms named without figures are in the total
    too (adv494: sum.enumeration error 50708 vs 47558 in all four documents)."""
    head = "一般公共预算收入18008万元，加上级补助收入26700万元、债务转贷收入2850万元，"
    for rest in ("以及调入资金和上年结转等，", "加调入资金，"):
        assert _errors(_scan_txt(tmp_path / "a.txt", head + rest + "收入总计50708万元。\n")) == [], rest
    found = _errors(_scan_txt(tmp_path / "b.txt", head + "收入总计47658万元。\n"))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.enumeration", Decimal("47658"), Decimal("47558"))
    ]


def test_a_figure_read_twice_stands_in_one_place_not_inside_a_later_number(tmp_path: Path) -> None:
    """ "公务用车购置费预算为0万元，与上年持平；公务接待费5.60万元，比上年预算6.50万元减少1.90万元": the 0万元 read as a level and
    as 持平 is one figure, never the tail of 5.60万元 — the 公务接待费's change is checked (adv492 sg_chg: missed, "本年数未在
    本句写出")."""
    text = "公务用车购置费预算为0万元，与上年持平；公务接待费5.60万元，比上年预算6.50万元减少{}万元。\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("0.90"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("1.90")))
    assert [(rule, stated) for rule, _s, stated, _e in found] == [("change.stated-vs-computed", Decimal("1.90"))]


def test_an_adjustment_checked_in_its_sentence_is_not_said_to_be_unchecked(tmp_path: Path) -> None:
    """ "由年初预算的856,300万元调整为871,300万元，增加15,000万元": the adjustment family checks the 增加, so no "未能核对" note
    stands beside it (adv493: an info saying the figure was not checked, beside its error or alone)."""
    text = "某市2025年预算调整方案\n一般公共预算收入由年初预算的856,300万元调整为871,300万元，增加{}万元。\n"
    found = _scan_txt(tmp_path / "a.txt", text.format("15,000"))
    assert [f.rule for f in found] == []
    found = _scan_txt(tmp_path / "b.txt", text.format("15,100"))
    assert [f.rule for f in found] == ["adjustment.stated-in-text"]


def test_figures_listed_before_the_one_jia_follows_may_be_terms_too(tmp_path: Path) -> None:
    """ "一般公共预算收入预计6185.00万元，上级补助收入5650.00万元，加上年结转1128.55万元，收入总计12963.55万元": the total is of all
    three (adv496 F3: balance.add-subtract 12963.55 vs 6778.55)."""
    text = "2025年一般公共预算收入预计6185.00万元，上级补助收入5650.00万元，加上年结转1128.55万元，收入总计{}万元。\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("12963.55"))) == []
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "b.txt", text.format("12973.55")))] == ["balance.add-subtract"]
    # the figure opening the paragraph, its breakdown and rates between (adv496 青溪镇 段落30)
    paragraph = (
        "2025年一般公共预算收入预计6185.00万元，比2024年决算数增长3.1%。其中：税收收入5105.00万元，增长5.0%；非税收入"
        "1080.00万元，下降4.9%。上级补助收入5650.00万元，加上年结转1128.55万元，收入总计12963.55万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "c.txt", paragraph)) == []


def test_a_label_spread_one_character_at_a_time_is_one_cell(tmp_path: Path) -> None:
    """ "          合    计        8000.00 …" under a space-lined header: one 合计 cell, the header kept over the rows and the
    执行率% column a rate's (adv496 F1, F2: the header left out, the rates of 20103 and 20132 summed into 201's)."""
    lines = [
        "某镇2024年预算执行情况",
        "表二 一般公共预算支出执行情况表",
        "单位：万元",
        "科目编码  科目名称                                  调整预算数      执行数   执行率%",
        "          合    计                                     8000.00     8081.15     101.0",
        "201       一般公共服务支出                             1860.00     1923.58     103.4",
        "20103       政府办公厅（室）及相关机构事务             1420.00     1476.34     104.0",
        "20132       组织事务                                    440.00      447.24     101.6",
        "208       社会保障和就业支出                           6140.00     6157.57     100.3",
        "20805       行政事业单位养老支出                       6140.00     6157.57     100.3",
    ]
    text = "\n".join(lines) + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    # read as the table it is, a row's slip is found
    found = _errors(_scan_txt(tmp_path / "b.txt", text.replace("1476.34     104.0", "1476.34     105.0")))
    assert [(rule, stated) for rule, _s, stated, _e in found] == [("rate.execution", Decimal("105.0"))]


def test_an_amount_per_head_is_no_part_of_the_total_before_it(tmp_path: Path) -> None:
    """ "…实际支出48,906.21万元。其中公用经费5,842.19万元，生均公用经费838.12元": 838.12元 per pupil is no part of the 48,906.21
    (adv497: sum.enumeration-partial adding 0.083812万元 to the parts)."""
    from pipeline.analyze import analyze_file

    path = tmp_path / "a.txt"
    path.write_text(
        "某县教育局2024年度部门整体支出绩效自评报告\n基本支出全年预算数49,120.56万元，实际支出48,906.21万元。"
        "其中公用经费5,842.19万元，生均公用经费838.12元。\n",
        encoding="utf-8",
    )
    assert [f.rule for f in analyze_file(path).findings if f.rule.startswith("sum.")] == []


def test_a_units_table_title_line_opens_its_part_for_the_note_under_it(tmp_path: Path) -> None:
    """ "绵阳市林业科学研究所收入支出决算总表" then "注：本单位2024年度本年收入合计…": the note is that unit's (adv495 F2:
    repeat.different-values of each unit's note against the department's figures, and once the other way round)."""
    lines = [
        "绵阳市林业局2024年度部门决算",
        "本部门2024年度本年收入合计300.00万元，本年支出合计290.00万元，年初结转和结余10.00万元，年末结转和结余20.00万元。",
        "绵阳市林业局机关收入支出决算总表",
        "注：本单位2024年度本年收入合计200.00万元，本年支出合计195.00万元，年末结转和结余10.00万元。",
        "绵阳市林业科学研究所收入支出决算总表",
        "注：本单位2024年度本年收入合计100.00万元，本年支出合计95.00万元，年末结转和结余10.00万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_one_funds_row_under_a_total_of_every_fund_is_no_breakdown_of_it(tmp_path: Path) -> None:
    """本年支出合计 | 一般公共预算财政拨款支出 below it: the fund's share of the total, not its one part (adv495 F1:
    sum.table-rows 8750.51 vs 8728.32 in seven tables); a 类 under its fund's 合计 is still its one part."""
    lines = [
        "某县农业农村局2024年度部门决算",
        "收支变动情况表",
        "单位：万元",
        "项目\t2024年度\t2023年度",
        "本年支出合计\t100.00\t90.00",
        "一般公共预算财政拨款支出\t80.00\t70.00",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def _insurance_table(closing: str) -> str:
    lines = [
        "某市2024年社会保险基金决算草案的报告",
        "表1  2024年社会保险基金收支决算表",
        "单位：万元",
        "险种\t基金收入\t基金支出\t本年收支结余\t上年滚存结余\t年末滚存结余",
        "失业保险基金\t51870\t48365\t3505\t126780\t130285",
        f"工伤保险基金\t42630\t45210\t-2580\t38915\t{closing}",
    ]
    return "\n".join(lines) + "\n"


def test_a_funds_accounts_named_by_their_columns_hold_row_by_row(tmp_path: Path) -> None:
    """收入 | 支出 | 本年收支结余 | 上年滚存结余 | 年末滚存结余 across a row: 结余 = 收入 − 支出, 年末 = 上年 + 当年, as a header
    formula would say (adv482, adv488, adv502: a 险种 row's 年末滚存结余 slip found only through the 合计 row, or not)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _insurance_table("36335"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _insurance_table("36835")))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("formula.column", Decimal("36835"), Decimal("36335"))
    ]


def test_a_rule_under_a_space_lined_header_is_no_end_of_the_table(tmp_path: Path) -> None:
    """ "项    目  2025年预算数  2024年预算数" then "-----" then the rows: one table (adv490, adv501: every such table read as
    paragraphs, its sums unchecked)."""
    lines = [
        "表3 三公经费预算表",
        "单位：万元",
        "",
        "项    目              2025年预算数    2024年预算数",
        "--------------------------------------------------",
        "合    计                     {}           58.30",
        "公务用车运行费               45.60           49.80",
        "公务接待费                    8.50            8.50",
    ]
    text = "\n".join(lines) + "\n"
    from extractors.txt_reader import parse_text

    (table,) = parse_text(text.format("54.10")).tables()
    assert table.n_rows == 4 and [c.text for c in table.rows()[0]] == ["项目", "2025年预算数", "2024年预算数"]
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("54.10"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("55.10")))
    assert [(stated, expected) for _r, _s, stated, expected in found] == [(Decimal("55.10"), Decimal("54.1"))]


def test_a_rate_column_named_without_a_percent_mark_is_the_years_change(tmp_path: Path) -> None:
    """上年决算数 | 本年决算数 | 增减额 | 增减率 with 8.93% in it: the 增减率 is 本年 over 上年 (adv499: every slip in such a
    column missed, the 增减额 beside it checked)."""
    lines = [
        "某县水利局2024年度部门决算",
        "表8 收入支出决算增减变动情况表",
        "单位：万元",
        "项目\t上年决算数\t本年决算数\t增减额\t增减率",
        "本年支出合计\t509.20\t549.58\t40.38\t{}%",
        "其中：基本支出\t278.10\t289.23\t11.13\t4.00%",
    ]
    text = "\n".join(lines) + "\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("7.93")) if f.rule.startswith("percent")] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("8.93")) if f.rule.startswith("percent")]
    assert [(f.rule, f.stated_value) for f in found] == [("percent_column.growth", Decimal("8.93"))]


def test_a_rule_drawn_per_column_under_a_header_is_no_header_itself(tmp_path: Path) -> None:
    """ "------   ------   ------" under "项    目  预算数  执行数  完成预算%  增长%": the header stays the table's, its rate
    columns rates (adv505 C: the rule row read as the header, the rates summed down the rows — four false errors)."""
    lines = [
        "附表1  2024年一般公共预算收入执行情况表",
        "                                          单位：万元",
        "项    目           预算数      执行数      完成预算%   增长%",
        "------             ------      ------      ------      ------",
        "收入合计           3,000.00    3,100.00      103.33     5.00",
        "  税收收入         2,000.00    2,050.00      102.50     4.00",
        "  非税收入         1,000.00    1,050.00      105.00     7.00",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_a_bare_completion_column_is_the_outcome_over_the_budget(tmp_path: Path) -> None:
    """预算数 | 决算数 | 完成%: 决算数 over 预算数 (adv505 D2: a bare 完成% column never checked)."""
    lines = [
        "某镇2024年财政决算",
        "表一 一般公共预算收入决算表",
        "单位：万元",
        "项目\t预算数\t决算数\t完成%",
        "收入合计\t3,000.00\t3,100.00\t103.33",
        "税收收入\t2,000.00\t2,050.00\t{}",
        "非税收入\t1,000.00\t1,050.00\t105.00",
    ]
    text = "\n".join(lines) + "\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("102.50")) if f.rule.startswith("percent")] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("99.50")) if f.rule.startswith("percent")]
    assert [(f.rule, f.stated_value) for f in found] == [("percent_column.ratio", Decimal("99.50"))]


def test_the_movements_after_a_stocks_opening_balance_are_that_stocks(tmp_path: Path) -> None:
    """ "全市预算稳定调节基金年初余额102400万元，年末余额89400万元": the 年末余额 is the fund's, never the debt table's 年末余额
    (adv503 F1: narrative_table.mismatch 5647500 vs 89400)."""
    text = (
        "梧州市2024年政府债务情况报告\n\n表3  2024年梧州市政府债务情况表\n单位：万元\n项目\t合计\n年末余额\t5647500\n\n"
        "2024年全市预算稳定调节基金年初余额102400万元，年末余额89400万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_units_pronoun_of_any_kind_is_stripped_from_its_subject(tmp_path: Path) -> None:
    """ "该大队2025年收入预算总计1690.71万元…收、支预算总计各增加184.85万元，增长9.99%": 该大队 (该支队, 该处, 该场) names the
    unit, not the total, so the change is checked (adv504: left unresolved, a slip missed)."""
    for pronoun in ("该大队", "该支队", "该处"):
        text = (
            "某市城市管理执法局2025年部门预算\n第一部分 某单位2025年度预算情况\n一、收入支出预算总体情况\n"
            f"{pronoun}2025年收入预算总计1690.71万元，支出预算总计1690.71万元。与2024年预算相比，收、支预算总计各增加"
            "184.85万元，增长{}%。\n"
        )
        assert _errors(_scan_txt(tmp_path / "a.txt", text.format("12.28"))) == [], pronoun
        assert [r for r, *_ in _errors(_scan_txt(tmp_path / "b.txt", text.format("9.99")))] == ["template.change"]


def test_the_reports_own_region_named_anywhere_in_a_sentence_is_its_whole(tmp_path: Path) -> None:
    """ "2024年清源县社会保险基金收入合计…，支出合计…，当年收支结余…" in 清源县's own report: every figure of the sentence is
    the county's (全县), so the balance is checked (adv508: 全县 and 清源县 read as two scopes, the slip left unfound)."""
    text = (
        "清源县2024年政府债务情况说明\n2024年清源县社会保险基金收入合计31480.95万元，支出合计30051.80万元，"
        "当年收支结余{}万元，年末滚存结余34300.21万元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("1429.15")) if f.rule.startswith("balance")] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", text.format("1449.15")) if f.rule.startswith("balance")]
    assert [(f.rule, f.stated_value) for f in found] == [("balance.income-less-spending", Decimal("1449.15"))]


def test_the_reports_own_body_before_a_figure_names_no_item_of_it(tmp_path: Path) -> None:
    """ "临泽县疾病预防控制中心2024年年初预算支出2050.00万元，本年支出决算2171.28万元，完成年初预算的110.00%" in that centre's own
    report: the budget is of 支出, so the rate is checked (adv507: the subject "临泽县疾病预防控制中心支出" matched nothing)."""
    text = (
        "临泽县疾病预防控制中心2024年度单位决算\n一、情况说明\n临泽县疾病预防控制中心2024年年初预算支出2050.00万元，"
        "本年支出决算2171.28万元，完成年初预算的{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("105.92"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("110.00")))
    assert [(rule, stated) for rule, _s, stated, _e in found] == [("rate.completion", Decimal("110.00"))]


def test_a_negative_printed_in_brackets_or_after_a_triangle_is_a_negative_figure(tmp_path: Path) -> None:
    """△580 and （2,580.00） in a table's cell are negatives, as accountants print them; (1) is no figure (adv503: such
    cells left out, a 合计 row read as out of line with its rows and the row's own balance unchecked)."""
    from extractors.numbers import parse_quantity

    for text, value in (("△580", "-580"), ("（2,580.00）", "-2580.00"), ("(1,379.68)", "-1379.68")):
        q = parse_quantity(text, "万元")
        assert q is not None and q.value == Decimal(value) and q.text == text, text
    assert parse_quantity("（1）") is None and parse_quantity("(2024)") is None
    lines = [
        "某市2024年社会保险基金决算草案的报告",
        "表1  2024年社会保险基金收支决算表",
        "单位：万元",
        "险种\t收入\t支出\t本年收支结余",
        "工伤保险基金\t6840\t6120\t720",
        "失业保险基金\t9870\t10450\t△{}",
        "医疗保险基金\t1000\t900\t100",
        "合计\t17710\t17470\t240",
    ]
    text = "\n".join(lines) + "\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text.format("580")) if f.severity != "info"] == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("570")))
    # (the 合计 row's sum of the 增减 column crosses the row's formula on this one cell: one finding on it, stop 45)
    assert [(st, ex) for r, _s, st, ex in found if r in ("formula.column", "sum.table-cell")] == [
        (Decimal("-570"), Decimal("-580"))
    ]


def test_a_carry_forward_worked_on_a_total_found_wrong_is_not_blamed_again(tmp_path: Path) -> None:
    """ "…上年结转8311万元，收入合计183777万元。…支出合计172830万元。收支相抵，结转下年9947万元": the 收入合计 is the slip (its
    terms make 182777), and the 结转下年 fits the corrected total — one finding, on the total (adv502 安化: a second error
    blamed the right 9947)."""
    text = (
        "某县2024年财政决算草案的报告\n二、2024年政府性基金预算收支决算情况\n"
        "2024年全县政府性基金预算收入93840万元，加上级补助收入4126万元、专项债务转贷收入76500万元、上年结转8311万元，"
        "收入合计183777万元。全县政府性基金预算支出126480万元，加调出资金21350万元、专项债务还本支出25000万元，"
        "支出合计172830万元。收支相抵，结转下年9947万元。\n"
    )
    found = _errors(_scan_txt(tmp_path / "a.txt", text))
    assert [(rule, stated, expected) for rule, _s, stated, expected in found] == [
        ("sum.enumeration", Decimal("183777"), Decimal("182777"))
    ]
