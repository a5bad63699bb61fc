"""Review round forty-five (stop 40): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt

from extractors.numbers import find_quantities
from pipeline.analyze import analyze_file
from pipeline.checks.base import fmt


def _growth_on_another_basis(rate: str) -> str:
    rows = [
        "某县2024年预算执行情况和2025年预算草案的报告",
        "一、2024年预算执行情况",
        "全县一般公共预算收入完成88,732万元，为预算的101.9%，比上年的81,250万元增长9.2%，"
        "剔除上年一次性土地出让收益划转因素后同口径增长11.9%。",
        f"剔除留抵退税因素后，同口径税收收入为42,860万元，比上年的40,000万元增长{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_second_growth_on_another_basis_is_not_worked_on_the_first_growths_figures(tmp_path: Path) -> None:
    """ "…比上年的81,250万元增长9.2%，剔除…因素后同口径增长11.9%": the printed level and base are the first rate's; the
    second is on a basis whose base is not printed (adv377 F1: 11.9 "should be" 9.21). A level printed after the basis
    words (同口径税收收入为…，比上年的…增长…) is on that basis and is still checked."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _growth_on_another_basis("7.15"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _growth_on_another_basis("8.15")))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("8.15"), Decimal("7.15"))]


def test_bare_numbers_before_one_printed_unit_are_each_of_that_unit() -> None:
    """ "分别为3539.05、541.41、298.64万元": the unit printed once is every number's (stop 39 left it: the bare
    numbers were not read, and the last was named after the list's total); years and codes are no such list."""
    found = [(q.text, q.unit) for _, q in find_quantities("分别为3539.05、541.41和298.64万元，分别占45.67、54.33%")]
    assert found == [("3539.05", "万元"), ("541.41", "万元"), ("298.64万元", "万元"), ("45.67", "%"), ("54.33%", "%")]
    assert [q.text for _, q in find_quantities("2024、2025年分别为5万元")] == ["5万元"]
    assert [q.text for _, q in find_quantities("第1、2项")] == ["2项"]


def _income_by_source(last: str) -> str:
    rows = [
        "某县教育局2025年部门预算",
        "一、收支预算总体情况",
        "2025年收入预算合计4379.10万元，其中一般公共预算拨款收入、政府性基金预算拨款收入、事业收入分别为3539.05、"
        f"541.41、{last}万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_list_of_bare_numbers_sharing_a_unit_is_a_list_of_parts(tmp_path: Path) -> None:
    """The parts of "A、B、C分别为a、b、c万元" add up to the total before them."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _income_by_source("298.64"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _income_by_source("398.64")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("sum.enumeration", "收入预算合计", Decimal("4379.10"), Decimal("4479.10"))
    ]


def test_a_printed_figure_keeps_its_decimals_in_an_explanation() -> None:
    """4379.10 is printed with two decimals and is quoted so; a quotient's long tail is still cut."""
    assert fmt(Decimal("4379.10")) == "4379.10"
    assert fmt(Decimal("2.5000000000000")) == "2.5"
    assert fmt(Decimal("12")) == "12"


def test_an_item_path_longer_than_a_subject_keeps_its_class_name(tmp_path: Path) -> None:
    """ "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他…（项）18.60万元" names its item only whole (adv375:
    the subject was cut to its last 48 characters, "共服务支出（类）…")."""
    path = tmp_path / "a.txt"
    path.write_text(
        "某区2026年部门预算\n三、一般公共预算支出情况\n1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）"
        "其他政府办公厅（室）及相关机构事务支出（项）18.60万元，比上年增加2.00万元。\n",
        encoding="utf-8",
    )
    subjects = {c.subject for c in analyze_file(path).claims if c.quantity.text == "18.60万元"}
    assert subjects == {
        "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）"
    }


def _execution_section(heading: str, share: str) -> str:
    rows = [
        "某区教育局2024年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        f"{heading}2024年全年实际支出5287.22万元。其中：基本支出3150.78万元，占支出总额的59.59%；"
        f"项目支出2136.44万元，占支出总额的{share}%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_section_title_run_into_a_paragraph_names_no_figure(tmp_path: Path) -> None:
    """ "（二）预算执行情况。2024年全年实际支出5287.22万元。其中：…占支出总额的…": the run-in title is the section's, not
    the spending's name, so the shares find their whole (adv373: both were left unchecked, a wrong one too)."""
    for heading in ("（二）预算执行情况。", ""):
        assert _errors(_scan_txt(tmp_path / "a.txt", _execution_section(heading, "40.41"))) == []
        found = _errors(_scan_txt(tmp_path / "b.txt", _execution_section(heading, "50.41")))
        assert [(r, s, v, e) for r, s, v, e in found] == [
            ("share.stated-vs-computed", "项目支出", Decimal("50.41"), Decimal("40.41"))
        ]


def _adjusted(change: str) -> str:
    rows = [
        "某区教育局2024年度部门整体支出绩效自评报告",
        "二、预算执行情况",
        f"部门年初预算数为5100.45万元，全年调整后预算数为5396.70万元，比年初预算增加{change}万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_of_the_adjusted_budget_against_the_initial_one(tmp_path: Path) -> None:
    """ "年初预算数为5100.45万元，全年调整后预算数为5396.70万元，比年初预算增加296.25万元": the adjusted budget's change,
    both ends printed (adv373, adv376: left as "与预算相比…未能核对")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _adjusted("296.25"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _adjusted("396.25")))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("396.25"), Decimal("296.25"))]


def _shares_of_the_first_whole(second: str, nested: bool = False) -> str:
    rows = [
        "某县2025年预算执行情况和2026年预算草案的报告",
        "三、2026年预算草案",
        "2026年县本级一般公共预算支出安排229587万元。教育支出43851万元，占县本级一般公共预算支出的19.1%；"
        + (
            "其中义务教育30000万元，占68.4%。"
            if nested
            else f"社会保障和就业支出35356万元，占{second}%；卫生健康支出24795万元，占10.8%。"
        ),
    ]
    return "\n".join(rows) + "\n"


def test_bare_shares_of_a_list_are_of_the_whole_its_first_share_names(tmp_path: Path) -> None:
    """ "A…，占县本级一般公共预算支出的19.1%；B…，占15.4%；C…，占10.8%": the bare shares are of the whole the first names
    (adv372, adv378: left unchecked, or worked on the nearest 支出总计 with "疑用错分母"); a 其中 part is not."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _shares_of_the_first_whole("15.4"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _shares_of_the_first_whole("16.4")))
    assert [(r, s, v) for r, s, v, _e in found] == [("share.stated-vs-computed", "社会保障和就业支出", Decimal("16.4"))]
    assert _errors(_scan_txt(tmp_path / "c.txt", _shares_of_the_first_whole("", nested=True))) == []


def _one_item_at_two_levels(city_tax: str) -> str:
    rows = [
        "关于某区2025年预算执行情况和2026年预算草案的报告",
        "二、2026年预算草案",
        "全区一般公共预算收入预算480000万元，比2025年执行数增长2.4%；区级一般公共预算收入预算180000万元，增长2.2%。"
        f"其中，全区、区级税收收入预算分别为360000、{city_tax}万元。",
        "全区一般公共预算支出预算520000万元，其中，区级、镇级一般公共预算支出预算分别为300000、230000万元。",
    ]
    return "\n".join(rows) + "\n"


def test_one_item_for_the_whole_area_and_a_level_inside_it_is_no_list_of_parts(tmp_path: Path) -> None:
    """ "其中，全区、区级税收收入预算分别为360000、135000万元": one item at two levels, one inside the other, not parts of the
    全区 revenue before (adv379: an info, and an error when the two added up to more than the total). A breakdown by
    levels that never names the whole area (区级、镇级) is still summed."""
    found = _errors(_scan_txt(tmp_path / "a.txt", _one_item_at_two_levels("135000")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("520000"), Decimal("530000"))]


def test_sibling_numbered_items_naming_one_class_are_different_items(tmp_path: Path) -> None:
    """ "1.“社会保障和就业支出”科目142.36万元，主要用于…养老保险…" and "2.“社会保障和就业支出”科目56.94万元，主要用于…职业
    年金…": two items of one numbered list, not one figure printed twice (adv382 F1–F4)."""
    text = (
        "某单位2025年单位预算\n二、财政拨款支出预算情况\n财政拨款支出主要内容如下：\n"
        "1.“社会保障和就业支出”科目142.36万元，主要用于机关事业单位基本养老保险缴费支出方面的支出。\n"
        "2.“社会保障和就业支出”科目56.94万元，主要用于机关事业单位职业年金缴费支出方面的支出。\n"
        "三、其他\n本单位“社会保障和就业支出”科目合计199.30万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_negative_amount_cut_inside_its_decimals_is_put_back_together() -> None:
    """-380.6 | 8: a negative 增减额 the page break cut inside its decimals is rejoined as a positive one is (adv380 F1:
    read as -380.6, its 8 a row of its own)."""
    from test_stitch import XS, part, texts

    from extractors.stitch import stitch_tables

    a = part(1, [["图书馆", "-120.40"], ["文化馆", "-35.20"], ["博物馆", "-380.6"]], 640, xs=XS[:3])
    b = part(2, [["", "8"], ["说明", ""]], 72, touches_bottom=False, xs=XS[:3])
    (t,) = stitch_tables([a, b])
    assert texts(t)[2] == ["博物馆", "-380.68"] and t.n_rows == 4


def test_numbers_listed_with_a_mark_wrap_as_one_run() -> None:
    """A line ending short before "78.46、65.32、42.18亿元" goes on: the numbers listed with 、 would not have fit
    (adv382 S2: "…分别为" and its figures were two paragraphs, so the list lost its names and its total)."""
    from extractors.pdf_lines import make_lines

    def chars(text: str, x0: float, top: float) -> list[dict]:
        out, x = [], x0
        for ch in text:
            w = 5.5 if ch.isascii() else 11.0
            out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": top + 11.0, "size": 11.0})
            x += w
        return out

    (line,) = make_lines(chars("78.46、65.32、42.18亿元，三项合计", 90.0, 100.0), 1)
    assert line.lead > 5.5 * 15


def test_a_budgets_income_and_spending_totals_said_to_balance(tmp_path: Path) -> None:
    """ "本单位收入预算总计3,257.40万元，支出预算总计3,248.40万元，收支平衡。" (adv382 S10: 收入预算总计 was no income total)."""
    text = (
        "某单位2025年单位预算\n一、收支预算总体情况\n本单位收入预算总计3,257.40万元，支出预算总计{}万元，收支平衡。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("3,257.40"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("3,248.40")))
    assert [r for r, _s, _v, _e in found] == ["balance.totals-balanced"]


def _three_items(total: str) -> str:
    rows = [
        "某市2024年预算执行情况和2025年预算草案的报告",
        "一、2024年预算执行情况",
        f"教育、社会保障和就业、卫生健康支出分别为78.46、65.32、42.18亿元，三项合计{total}亿元，分别占三项合计的42.2、35.1、"
        "22.7%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_count_naming_a_total_stands_between_no_parts_and_their_total(tmp_path: Path) -> None:
    """ "…分别为78.46、65.32、42.18亿元，三项合计187.96亿元": 三项 names the total (adv382 S2, adv383: the count broke the
    list from its total, and was taken as a fourth name's figure)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _three_items("185.96"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _three_items("187.96")))
    assert ("sum.enumeration", "三项合计", Decimal("187.96"), Decimal("185.96")) in found


def test_figures_listed_by_year_are_each_years(tmp_path: Path) -> None:
    """ "2022、2023、2024年本年支出分别为3402.10、3612.45和3730.50万元": each figure is of its year (adv383: all three were
    2024's, the first two named "2022" and "2023")."""
    path = tmp_path / "a.txt"
    path.write_text(
        "某县2024年部门决算\n一、支出\n2022、2023、2024年本年支出分别为3402.10、3612.45和3730.50万元。\n",
        encoding="utf-8",
    )
    found = [(c.period, c.quantity.value) for c in analyze_file(path).claims]
    assert found == [("2022年", Decimal("3402.10")), ("2023年", Decimal("3612.45")), ("2024年", Decimal("3730.50"))]


def test_amounts_of_a_standard_are_no_parts_of_the_money_before(tmp_path: Path) -> None:
    """ "其中按0.5、1万元标准对种粮大户…给予补贴": rates per head, no amounts of the project's spending (adv383)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "某县农业农村局2024年部门决算\n二、项目\n种粮补贴项目预算1000.00万元，实际支出980.30万元，执行率98.03%。"
        "其中按0.5、1万元标准对种粮大户和合作社给予补贴，合计145.00万元。\n",
        encoding="utf-8",
    )
    result = analyze_file(path)
    assert not [f for f in result.findings if f.rule.startswith("sum.")]
    assert {c.relation for c in result.claims if c.quantity.value in (Decimal("0.5"), Decimal(1))} == {"per-capita"}


def _structure(basic_share: str) -> str:
    rows = [
        "某区农业农村局2024年度部门整体支出绩效自评报告",
        "二、预算执行情况",
        f"从支出结构看，2024年度部门实际支出10,425.55万元；基本支出3,046.75万元，占{basic_share}%；项目支出7,378.80万元，"
        "占70.78%。",
    ]
    return "\n".join(rows) + "\n"


def test_bare_shares_of_parts_that_add_up_to_the_figure_before_them(tmp_path: Path) -> None:
    """ "部门实际支出10,425.55万元；基本支出3,046.75万元，占29.82%；项目支出7,378.80万元，占70.78%": the parts add up to
    the figure before them, so it is their whole even when their shares, one of them wrong, do not add up to 100
    (adv386 S1-1: missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _structure("29.22"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _structure("29.82")))
    assert [(r, s, v) for r, s, v, _e in found] == [("share.stated-vs-computed", "基本支出", Decimal("29.82"))]
    # shares naming a whole of their own are of it (caught on this stop's own rule by the review-set rescan, adv364)
    limits = (
        "株洲市2024年地方政府债务情况说明\n（二）债务余额情况\n2024年末全市政府债务余额为1421.29亿元，较上年末增加124.86"
        "亿元，增长9.6%，包括一般债务294.88亿元和专项债务1126.41亿元，分别占限额的91.0%和99.1%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "c.txt", limits)) == []


def test_a_government_budgets_tables_alone_are_a_government_budget(tmp_path: Path) -> None:
    """A workbook of a county's budget tables (县本级…支出表, 转移支付收入表, 政府性基金预算收支表) with one
    "一般公共预算支出表" among them is the government's budget, not a department's (adv385)."""
    from extractors.registry import read_document
    from extractors.report_kind import classify

    path = tmp_path / "a.txt"
    rows = [
        "永胜县2025年预算公开附表",
        "表2 永胜县2025年一般公共预算支出表\n单位：万元\n项目\t预算数\n教育支出\t1000",
        "表3 永胜县2025年县本级一般公共预算支出表\n单位：万元\n项目\t预算数\n教育支出\t600",
        "表5 永胜县2025年一般公共预算转移支付收入表\n单位：万元\n项目\t预算数\n返还性收入\t300",
        "表6 永胜县2025年政府性基金预算收支表\n单位：万元\n项目\t预算数\n收入\t200",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert classify(read_document(str(path))) == "预算执行情况和预算草案的报告"


def _three_public(rate: str) -> str:
    rows = [
        "某区绿化市容局2025年度部门决算",
        "三、“三公”经费财政拨款支出决算情况说明",
        "1.公务用车购置及运行费支出决算为10.51万元，完成预算的37.54%。",
        f"2.公务接待费支出决算为3.07万元，完成预算的{rate}%。",
        "表7 一般公共预算财政拨款“三公”经费支出决算表",
        "单位：万元",
        "项目\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费",
        "预算数\t34.50\t0.00\t28.00\t6.50",
        "决算数\t13.58\t0.00\t10.51\t3.07",
    ]
    return "\n".join(rows) + "\n"


def test_a_completion_rate_of_an_item_across_a_tables_columns_with_its_measures_down_the_rows(tmp_path: Path) -> None:
    """The 三公 table with its items across the columns and 预算数 | 决算数 down the rows: the budget of a figure printed
    in the 决算数 row is the 预算数 row's cell of its column (adv376, adv384: left unchecked)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _three_public("47.23"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _three_public("57.23")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("rate.completion", "公务接待费", Decimal("57.23"), Decimal("47.23"))
    ]


def test_a_summary_of_projects_total_row_printing_no_points_sums_no_points(tmp_path: Path) -> None:
    """合计 | 320.63 | 311.48 | — | 97.15 | — under 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分: the total row prints no 分值
    nor 得分, so its money is not taken for them (adv391 F1–F8: "总分（分值）320.63 vs 30")."""
    text = (
        "某中心2024年单位决算\n五、项目支出绩效自评情况\n表5 项目支出绩效自评表\n单位：万元\n"
        "项目名称\t全年预算数（万元）\t全年执行数（万元）\t分值\t执行率（%）\t得分\n"
        "新品种示范推广项目\t147.97\t146.64\t10\t99.10\t9.91\n"
        "病虫害统防统治项目\t43.30\t39.62\t10\t91.50\t9.15\n"
        "耕地质量监测项目\t129.36\t125.22\t10\t96.80\t9.68\n"
        "合计\t320.63\t311.48\t—\t97.15\t—\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_figures_said_of_all_funds_are_not_the_headings_funds(tmp_path: Path) -> None:
    """ "从全部资金看，本部门教育支出26914.32万元" under a 一般公共预算财政拨款 heading: all the department's money, not the
    appropriation's 教育支出 17542.90 printed again (adv394 F1–F2)."""
    text = (
        "某省教育厅2024年度部门决算\n三、一般公共预算财政拨款支出决算情况说明\n"
        "从支出结构看，教育支出17542.90万元，占94.24%。\n"
        "从全部资金看，本部门教育支出26914.32万元，其中基本支出14736.90万元。\n"
    )
    assert [f for f in _errors(_scan_txt(tmp_path / "a.txt", text)) if f[0].startswith("repeat")] == []


def test_a_base_from_a_row_of_a_fund_the_text_does_not_state(tmp_path: Path) -> None:
    """An all-funds total's "比上年增加801.02万元" against a 一般公共预算 table row whose own this-year cell is not the text's
    figure: that row's last year is not certainly the text's (adv392 F1: an error on this stop's own reading, once
    the amounts before one unit were read; it passes on 8b111f5, which found no level, and guards the new reading)."""
    text = (
        "某省自然资源厅2025年部门预算\n二、支出预算\n"
        "按支出功能分类，一般公共服务支出、自然资源海洋气象等支出预算分别为2797.57万元、50417.64万元。"
        "其中自然资源海洋气象等支出比上年增加801.02万元。\n"
        "表2 支出预算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t2797.57\t1862.40\t935.17\n220\t自然资源海洋气象等支出\t50417.64\t20417.64\t30000.00\n"
        "表3 一般公共预算拨款支出与上年对比表\n单位：万元\n"
        "科目编码\t科目名称\t2025年预算数\t2024年预算数\t增减额\t增减率（%）\n"
        "220\t自然资源海洋气象等支出\t38932.16\t35447.89\t3484.27\t9.83\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_the_years_spending_is_no_full_year_budget(tmp_path: Path) -> None:
    """ "2024年全年支出3,655.18万元…其中：…项目支出2,228.81万元" is what was spent, not the 全年预算 (adv393 F1: 项目支出's
    full-year budget 2,350.00 was "the same figure" as its 2,228.81 spent)."""
    text = (
        "某区农业农村局2024年度部门整体支出绩效自评报告\n二、预算执行\n"
        "2024年全年支出3,655.18万元，比上年支出3,402.91万元增加252.27万元。其中：基本支出1,426.37万元；"
        "项目支出2,228.81万元。\n项目支出全年预算2,350.00万元，实际支出2,228.81万元，执行率94.84%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_keeping_steady_says_no_unchanged(tmp_path: Path) -> None:
    """ "企业所得税18620万元，保持平稳。": 保持平稳 holds no 持平 (adv388)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "某县2024年预算执行情况和2025年预算草案的报告\n一、收入\n税收收入完成86000万元，其中增值税32000万元，"
        "企业所得税18620万元，保持平稳。\n",
        encoding="utf-8",
    )
    assert [c.quantity.text for c in analyze_file(path).claims if c.quantity.value == 18620] == ["18620万元"]


def _debt(closing: str) -> str:
    rows = [
        "白山市2024年财政决算的报告",
        "四、政府债务",
        "2023年末全市政府债务余额2,186,540万元，2024年新增债券215,300万元，偿还到期债务本金132,860万元，"
        f"2024年末全市政府债务余额{closing}万元。",
    ]
    return "\n".join(rows) + "\n"


def test_last_years_end_balance_opens_a_roll_forward(tmp_path: Path) -> None:
    """ "2023年末…余额…，2024年新增…，偿还…，2024年末…余额…": last year's year-end balance is this year's opening one
    (adv390 S2-2: missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _debt("2,268,980"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _debt("2,278,980")))
    assert [(r, v, e) for r, _s, v, e in found] == [("balance.roll-forward", Decimal("2278980"), Decimal("2268980"))]


def _balance_in_its_own_sentence(spending_total: str, statement: str = "市级一般公共预算收支平衡。") -> str:
    rows = [
        "重庆市2024年预算执行情况和2025年预算草案的报告",
        "一、市级一般公共预算",
        "市级一般公共预算收入812.40亿元，加上中央补助收入2,794.44亿元，收入总计3,606.84亿元。市级一般公共预算支出"
        f"1,020.10亿元，加上补助区县支出2,480.00亿元、结转下年109.94亿元，支出总计{spending_total}亿元。{statement}",
    ]
    return "\n".join(rows) + "\n"


def test_a_sentence_saying_only_that_the_budget_balances_holds_the_totals_before_it(tmp_path: Path) -> None:
    """ "…收入总计3,606.84亿元。…支出总计3,610.04亿元。市级一般公共预算收支平衡。": the statement in a sentence of its own is
    of the totals the paragraph printed before it (adv346 S2, adv393 S12: missed); a balance sought (确保收支平衡) is
    no statement."""
    assert (
        _errors(_scan_txt(tmp_path / "a.txt", _balance_in_its_own_sentence("3,606.84").replace("2,480.00", "2,476.80")))
        == []
    )
    found = _errors(_scan_txt(tmp_path / "b.txt", _balance_in_its_own_sentence("3,610.04")))
    assert [(r, v, e) for r, _s, v, e in found] == [("balance.totals-balanced", Decimal("3610.04"), Decimal("3606.84"))]
    sought = _balance_in_its_own_sentence("3,610.04", "全年要确保收支平衡。")
    assert _errors(_scan_txt(tmp_path / "c.txt", sought)) == []


def _procurement(services: str) -> str:
    rows = [
        "某县交通运输局2025年部门预算",
        "五、政府采购预算情况",
        "2025年政府采购预算总额2889.05万元，其中：货物类采购预算412.80万元，工程类采购预算1580.00万元，服务类采购预算"
        f"896.25万元。货物类、服务类采购预算占政府采购预算总额的比重分别为14.29%、{services}%。",
    ]
    return "\n".join(rows) + "\n"


def test_shares_of_a_named_whole_given_respectively_after_it(tmp_path: Path) -> None:
    """ "货物类、服务类采购预算占政府采购预算总额的比重分别为14.29%、31.02%": 分别 after the whole's name runs the shares
    as "分别占" does (adv387: the second share was read as no share, its whole swallowing "的比重分别")."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _procurement("31.02"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _procurement("32.02")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("32.02"), Decimal("31.02"))]


def test_a_header_row_left_alone_at_a_pages_foot_heads_the_table_on_the_next() -> None:
    """项目 | 合计 | 公务用车购置及运行费 (merged over three columns) | 公务接待费 at the foot of p.2, 小计 | 购置费 | 运行费
    and the figures on p.3: the merged group header draws no inner edges, so the columns do not line up one for one,
    but every edge above is one below (adv395 F2: the p.3 part stood alone, its 小计 summed over the whole row)."""
    from extractors.model import Cell, Provenance, Table
    from extractors.stitch import stitch_tables

    top_xs = [50.0, 100.0, 150.0, 300.0, 350.0]
    xs = [50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0]
    head = Table(
        cells=[
            Cell(text=t, row=0, col=c, colspan=1, page=2, bbox=(top_xs[c], 700.0, top_xs[c + 1], 720.0))
            for c, t in enumerate(["项目", "合计", "公务用车购置及运行费", "公务接待费"])
        ],
        n_rows=1,
        n_cols=4,
        prov=Provenance("x", page=2),
        header_rows=1,
        title="表7 “三公”经费支出决算表",
        pages=[2],
        touches_bottom=True,
    )
    rows = [["", "", "小计", "购置费", "运行费", ""], ["预算数", "11.04", "5.56", "0.00", "5.56", "5.48"]]
    body = Table(
        cells=[
            Cell(text=t, row=r, col=c, page=3, bbox=(xs[c], 72.0 + 20 * r, xs[c + 1], 92.0 + 20 * r))
            for r, row in enumerate(rows)
            for c, t in enumerate(row)
        ],
        n_rows=2,
        n_cols=6,
        prov=Provenance("x", page=3),
        header_rows=1,
        pages=[3],
        touches_top=True,
    )
    (t,) = stitch_tables([head, body])
    assert t.n_rows == 3 and t.n_cols == 6 and t.header_rows == 2 and t.pages == [2, 3]
    group = next(c for c in t.cells if c.text == "公务用车购置及运行费")
    assert (group.col, group.colspan) == (2, 3)


def _sheet_without_its_budget_row(total_score: str) -> str:
    rows = [
        "某区教育局2024年度部门整体支出绩效自评报告",
        "三、绩效自评情况",
        "预算执行指标分值10分，全年预算执行率98.08%，按执行率计算得分9.81分。",
        "表2 部门整体支出绩效指标完成情况表",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t培训教师人次\t≥3000人次\t3260人次\t30\t30",
        "产出指标\t质量指标\t课程合格率\t≥95%\t96.2%\t30\t29.1",
        "效益指标\t社会效益指标\t家长满意度\t≥90%\t93.5%\t30\t29",
        f"总分\t\t\t\t\t100\t{total_score}",
    ]
    return "\n".join(rows) + "\n"


def test_a_sheet_leaving_an_item_out_of_its_rows_totals_what_it_does_not_list(tmp_path: Path) -> None:
    """总分 100 | 97.91 over rows of 90 points: the 预算执行 item (10分) is scored in the text, not in the table, so
    the total is not judged from its rows (adv399 F1–F2: two errors); a 得分 gap beyond the missing points still is."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _sheet_without_its_budget_row("97.91"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _sheet_without_its_budget_row("99.91")))
    assert [(r, v) for r, _s, v, _e in found] == [("scoresheet.total", Decimal("99.91"))]


def test_a_target_bound_in_the_text_is_no_actual_value(tmp_path: Path) -> None:
    """ "智慧校园应用覆盖率年度指标值≥85%，实际完成80.8%": the bound is the target (adv399 F3–F4: taken for the actual and
    set against the sheet's 80.8%)."""
    text = (
        "某区教育局2024年度部门整体支出绩效自评报告\n三、绩效目标完成情况\n"
        "义务教育巩固率年度指标值≥99%，实际完成99.6%；智慧校园应用覆盖率年度指标值≥85%，实际完成80.8%。\n"
        "表2 绩效指标表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "效益指标\t可持续影响指标\t智慧校园应用覆盖率\t≥85%\t80.8%\t10\t8.6\n"
        "效益指标\t社会效益指标\t义务教育巩固率\t≥99%\t99.6%\t10\t10\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_projects_whole_score_beside_its_execution_rate_is_no_rate_score(tmp_path: Path) -> None:
    """分值 100 | 执行率 100.00% | 得分 91.4 in a summary of projects: each project's whole self-evaluation score, not the
    预算执行率 indicator's 分值 × 执行率 (adv395 F1: seven errors and a warning)."""
    text = (
        "某区司法局2024年部门决算\n六、项目支出绩效自评结果\n表4 项目支出绩效自评结果汇总表\n单位：万元\n"
        "项目名称\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "人民调解经费项目\t332.18\t332.18\t100\t100.00%\t91.4\n"
        "法律援助经费项目\t120.00\t115.30\t100\t96.08%\t89.8\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_month_on_month_change_is_not_against_last_year(tmp_path: Path) -> None:
    """ "12月当月一般公共预算收入9.86亿元，同比增长4.2%，环比增长12.6%": 环比 is against the month before (adv402 F1: the
    two rates were "two printings" of one change)."""
    text = "某市2024年预算执行情况和2025年预算草案的报告\n一、收入\n12月当月一般公共预算收入9.86亿元，同比增长4.2%，环比增长12.6%。\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_rates_given_respectively_after_two_bases_are_each_of_its_own(tmp_path: Path) -> None:
    """ "…较2024年年初预算增加1.70亿元，较2024年执行数减少5.43亿元，分别增长0.68%和下降2.12%": each rate is of its own base,
    in order (adv402 F2: 0.68% was worked on the 执行数)."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n二、2025年预算草案\n"
        "2024年一般公共预算支出年初预算248.60亿元，执行数255.73亿元。2025年一般公共预算支出安排250.30亿元，"
        "较2024年年初预算增加1.70亿元，较2024年执行数减少5.43亿元，分别增长0.68%和下降2.12%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_list_in_a_sentence_of_its_own_may_break_down_an_earlier_figure(tmp_path: Path) -> None:
    """ "2024年度支出决算15318.58万元…。本年财政拨款支出15005.98万元…。其中：基本支出12994.59万元…；项目支出2323.99万元":
    the parts add up to the earlier figure exactly, so they may break that one down (adv402 F3: an error against the
    nearer one)."""
    text = (
        "某区教育局2024年度部门决算\n二、支出\n2024年度支出决算15318.58万元，较年初预算增加998.58万元。本年财政拨款支出"
        "15005.98万元，占本年支出合计的97.96%。其中：基本支出12994.59万元；项目支出2323.99万元。\n"
    )
    assert [f for f in _errors(_scan_txt(tmp_path / "a.txt", text)) if f[0].startswith("sum")] == []


def test_classes_of_debt_each_opening_its_own_paragraph_are_different_figures(tmp_path: Path) -> None:
    """ "其中，一般债务：年初余额512.36亿元…" and "专项债务：年初余额486.72亿元…": each class's roll-forward (adv396 F1–F4:
    the first class's figures lost their class behind "其中，", so the second's were "the same figures")."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n（二）政府债务情况\n"
        "其中，一般债务：年初余额512.36亿元，新增65.30亿元（含再融资36.80亿元），偿还本金39.46亿元，年末余额538.20亿元。\n"
        "专项债务：年初余额486.72亿元，新增105.30亿元（含再融资18.90亿元），偿还本金24.55亿元，年末余额567.47亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_the_classes_a_debt_stock_is_broken_into_are_that_stocks(tmp_path: Path) -> None:
    """ "全市政府债务年初余额14480790万元，其中一般债务4856210万元、专项债务9624580万元" against a 还本付息 table's
    一般债务 row 合计 853880: the classes are the opening balance's, not the row's 还本 + 付息 (adv396 F5–F6)."""
    text = (
        "某市2024年地方政府债务情况说明\n一、余额\n年初余额方面，全市政府债务年初余额14480790万元，其中一般债务4856210万元、"
        "专项债务9624580万元。\n表2 政府债务还本付息情况表\n单位：万元\n项目\t还本\t付息\t合计\n"
        "合计\t1216850\t471100\t1687950\n一般债务\t701250\t152630\t853880\n专项债务\t515600\t318470\t834070\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_shares_of_each_parts_own_limit_printed_in_no_text(tmp_path: Path) -> None:
    """ "…控制在省核定的债务限额2328.20亿元以内。…一般债务余额653.57亿元、专项债务余额1595.77亿元，分别占限额的91.0%和
    99.1%": each class's own 限额, never the whole 债务限额 (adv396 F7–F8)."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n（二）政府债务\n2024年末全市政府债务余额2249.34亿元，控制在省核定的"
        "债务限额2328.20亿元以内。\n分类别看，一般债务余额653.57亿元、专项债务余额1595.77亿元，分别占限额的91.0%和99.1%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_tables_caption_kept_over_the_blank_lines_before_it(tmp_path: Path) -> None:
    """ "“三公”经费财政拨款支出决算表", a blank line, "单位：万元", a blank line, then the table: the title and the unit are
    the table's (adv397 G1: the blank lines dropped them, the cells had no unit, the 三公 rates went unchecked)."""
    from extractors.registry import read_document

    path = tmp_path / "a.txt"
    path.write_text(
        "某县农业农村局2024年度部门决算\n\n“三公”经费财政拨款支出决算表\n\n单位：万元\n\n"
        "项目\t合计\t因公出国（境）费\t公务接待费\n预算数\t14.00\t6.00\t8.00\n决算数\t12.42\t6.00\t6.42\n\n"
        "以上为本部门决算说明。\n",
        encoding="utf-8",
    )
    (table,) = read_document(str(path)).tables()
    assert table.title == "“三公”经费财政拨款支出决算表" and table.unit == "万元"


def test_elided_shares_after_a_comma_take_the_first_ones_whole(tmp_path: Path) -> None:
    """ "其中国内增值税占税收收入的38.3%，企业所得税占19.2%": the second names its part, not its whole, which is the
    first's (adv398: left unchecked, "未找到占比的分母“合计”")."""
    text = (
        "某省2025年预算执行情况和2026年预算草案的报告\n一、收入\n全省税收收入1000.00亿元，其中国内增值税383.00亿元、"
        "企业所得税192.00亿元。其中国内增值税占税收收入的38.3%，企业所得税占{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("19.2"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("18.2")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("share.stated-vs-computed", "企业所得税", Decimal("18.2"), Decimal("19.2"))
    ]


def test_a_flow_printed_once_after_the_last_name_is_every_names(tmp_path: Path) -> None:
    """ "公共安全、交通运输、住房保障支出分别为…" names 公共安全支出, 交通运输支出 and 住房保障支出 (adv398: "公共安全",
    matching no table row); "中央、省级、市级资金" names 省级资金, not "省级市级资金" (adv397 Y1)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "某省2025年预算执行情况和2026年预算草案的报告\n一、支出\n公共安全、交通运输、住房保障支出分别为120.50、98.30、"
        "76.20亿元。\n中央、省级、市级资金分别为1200.00、800.00、450.00万元。\n",
        encoding="utf-8",
    )
    subjects = [c.subject for c in analyze_file(path).claims]
    assert subjects[:3] == ["公共安全支出", "交通运输支出", "住房保障支出"] and subjects[4:] == ["省级资金", "市级资金"]


def _debt_by_county_movements(closing: str) -> str:
    rows = [
        "某市2024年政府决算表",
        "表4 分地区政府债务余额情况表",
        "单位：万元",
        "地区\t年初余额\t本年新增\t本年偿还\t年末余额",
        f"隆德县\t196800\t28000\t15300\t{closing}",
        "西吉县\t250000\t30000\t20000\t260000",
    ]
    return "\n".join(rows) + "\n"


def _debt_movements_down_the_rows(repaid: str) -> str:
    rows = [
        "某市2024年地方政府债务情况说明",
        "表2 2024年地方政府债务余额变动情况表",
        "单位：亿元",
        "项目\t合计\t一般债务\t专项债务",
        "上年末债务余额\t521.55\t232.15\t289.40",
        "本年新增债务（债券发行）\t69.90\t21.30\t48.60",
        f"本年偿还债务本金\t{Decimal('24.27') + Decimal(repaid)}\t24.27\t{repaid}",
        "年末债务余额\t541.29\t229.18\t312.11",
    ]
    return "\n".join(rows) + "\n"


def test_a_debt_tables_year_end_balance_is_its_opening_plus_new_less_repaid(tmp_path: Path) -> None:
    """年初余额 | 本年新增 | 本年偿还 | 年末余额 in a row, or the same movements down the rows under 合计 | 一般债务 |
    专项债务: the year-end balance is the opening one plus what was borrowed, less what was repaid (adv393 S9, adv400 S6:
    missed, the table printing no formula of its own); a table with a movement the rule does not know is not judged."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _debt_by_county_movements("209500"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _debt_by_county_movements("211500")))
    assert found == [("debt_roll.roll-forward-table", "隆德县", Decimal("211500"), Decimal("209500"))]
    assert _errors(_scan_txt(tmp_path / "c.txt", _debt_movements_down_the_rows("25.89"))) == []
    found = _errors(_scan_txt(tmp_path / "d.txt", _debt_movements_down_the_rows("27.89")))
    assert sorted(found) == [
        ("debt_roll.roll-forward-table", "专项债务", Decimal("312.11"), Decimal("310.11")),
        ("debt_roll.roll-forward-table", "合计", Decimal("541.29"), Decimal("539.29")),
    ]
    swapped = _debt_by_county_movements("211500").replace("本年偿还\t", "本年置换\t")
    assert _errors(_scan_txt(tmp_path / "e.txt", swapped)) == []


def test_totals_said_to_balance_after_a_comma(tmp_path: Path) -> None:
    """ "…收入总量为490175万元。…支出总量为491375万元。收支相抵，实现平衡。" (adv405 K: missed — 收支相抵 and 平衡 apart)."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n一、一般公共预算\n全市一般公共预算收入379650万元，加上级补助收入"
        "52934万元、上年结转57591万元，收入总量为490175万元。全市一般公共预算支出433784万元，加结转下年57591万元，"
        "支出总量为{}万元。收支相抵，实现平衡。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("491375"))) == [
        ("balance.totals-balanced", "支出总量", Decimal("491375"), Decimal("490175"))
    ]


def test_a_levels_share_of_the_whole_area_under_run_in_section_titles(tmp_path: Path) -> None:
    """ "1.收入执行情况。全市一般公共预算收入完成99.09亿元…" and "市本级一般公共预算收入36.76亿元，占全市的40.1%": a
    section's run-in title names no item of its figures, so the whole is found (adv405 share_ben: missed)."""
    text = (
        "某市2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n（一）一般公共预算\n"
        "1.收入执行情况。2024年，全市一般公共预算收入完成99.09亿元，增长3.1%。\n"
        "分级次看，市本级一般公共预算收入36.76亿元，占全市的{}%。\n"
        "3.收支平衡情况。全市一般公共预算收入99.09亿元，加上级补助收入120.00亿元，收入总计219.09亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("37.1"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("40.1")))
    assert [(r, v) for r, _s, v, _e in found] == [("share.stated-vs-computed", Decimal("40.1"))]


def test_a_department_sheets_rate_is_no_projects_in_a_list_of_projects_however_named(tmp_path: Path) -> None:
    """A list of projects by their rows (公共文化服务体系建设 | … | 96.49%, 农村电影放映工程 | … | 100.00%), none named
    …项目: each row's 执行率 is its project's, not the department sheet's 预算执行率 97.33% (adv406 F1)."""
    text = (
        "某县文化旅游和广播电视局2024年度部门整体支出绩效自评报告\n表1 项目支出情况汇总表\n单位：万元\n"
        "项目名称\t全年预算数\t全年执行数\t执行率\n公共文化服务体系建设\t386.00\t372.45\t96.49%\n"
        "农村电影放映工程\t64.80\t64.80\t100.00%\n"
        "表2 部门整体支出绩效自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "过程\t预算执行\t预算执行率\t100%\t97.33%\t10\t9.73\n产出\t数量指标\t文化活动场次\t≥120场\t126场\t90\t90\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_the_whole_score_said_beside_a_sheet_of_part_of_the_points(tmp_path: Path) -> None:
    """A sheet of 90 points (合计 | 90 | 89.82) and "本项目绩效自评总得分99.56分" with 预算执行率 scored in the text: the
    whole score is more than the sheet's (adv406 F2)."""
    text = (
        "某县营养改善计划项目支出绩效自评报告\n一、自评结论\n预算执行率单独计分，分值10分，得分9.74分；绩效指标表得分89.82分，"
        "本项目绩效自评总得分99.56分。\n表1 绩效指标完成情况表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t受益学生人数\t≥12000人\t12350人\t50\t50\n效益指标\t社会效益指标\t学生营养状况改善率\t≥5%\t4.8%\t40\t39.82\n"
        "合计\t\t\t\t\t90\t89.82\n"
    )
    assert [f for f in _errors(_scan_txt(tmp_path / "a.txt", text)) if f[0] == "scoresheet.total-in-text"] == []
    # no score in the text makes up the difference: the sheet's total and the text's disagree (adv354 S7 still caught)
    unmade = text.replace("得分9.74分", "得分满分").replace("99.56", "91.32")
    found = [f for f in _errors(_scan_txt(tmp_path / "b.txt", unmade)) if f[0] == "scoresheet.total-in-text"]
    assert [(v, e) for _r, _s, v, e in found] == [(Decimal("91.32"), Decimal("89.82"))]


def test_a_three_public_table_with_its_items_down_the_rows_adds_them_up(tmp_path: Path) -> None:
    """项目 | 预算数 | 决算数 over 合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费: the template reads a 三公
    table's items across one row, so this layout's 合计 is checked as the rows' sum (adv408 湖南-S2: missed)."""
    text = (
        "某市人民政府办公室2024年部门决算\n表3 一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n"
        "项目\t预算数\t决算数\n合计\t50.10\t{}\n因公出国（境）费\t10.00\t8.46\n公务用车购置及运行费\t30.00\t25.37\n"
        "公务接待费\t10.10\t6.82\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("40.65"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("42.15")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-rows", Decimal("42.15"), Decimal("40.65"))]


def test_a_row_cut_in_its_code_and_its_name_is_put_back_together() -> None:
    """21011 | 事业单 | 206.67 above the page break, 02 | 位医疗 | (blank) below: one row whose code and name were both cut
    (adv404 F2–F4: left as two rows, the 款 seemed to have one 项); a label going on with 和 (年初财政拨款结转 | 和结余)
    is cut too (adv404 F5–F6)."""
    from test_stitch import part, texts

    from extractors.stitch import stitch_tables

    a = part(2, [["2101101", "行政单位医疗", "111.56"], ["21011", "事业单", "206.67"]], 640)
    b = part(3, [["02", "位医疗", ""], ["2101199", "其他", "5.00"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert texts(t)[1] == ["2101102", "事业单位医疗", "206.67"] and t.n_rows == 3
    c = part(5, [["本年收入", "22243.62", ""], ["年初财政拨款结转", "746.17", "830.14"]], 640)
    d = part(6, [["和结余", "", ""], ["总计", "22989.79", "22989.79"]], 72, touches_bottom=False)
    (t2,) = stitch_tables([c, d])
    assert texts(t2)[1] == ["年初财政拨款结转和结余", "746.17", "830.14"] and t2.n_rows == 3


def test_an_items_spending_is_not_the_carried_over_balance_opening_its_fund_table(tmp_path: Path) -> None:
    """ "城市建设支出（2120803）支出378.89万元" against a 政府性基金 table whose first amount is 年初结转和结余 41.80: the
    item's spending is the 本年支出合计 column (adv404 F1: an error against the carried-over balance)."""
    text = (
        "某省住房和城乡建设厅2024年度部门决算\n八、政府性基金预算财政拨款支出决算情况说明\n"
        "城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）（2120803）支出378.89万元，主要用于"
        "城市基础设施建设项目。\n表8 政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
        "科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出合计\t基本支出\t项目支出\t年末结转和结余\n"
        "2120803\t城市建设支出\t41.80\t378.89\t378.89\t0.00\t378.89\t41.80\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_change_naming_the_item_without_its_owner_is_the_wholes(tmp_path: Path) -> None:
    """ "2025年单位收入预算4633.20万元，其中：财政拨款收入4291.70万元…。收入预算比2024年增加214.28万元，增长4.85%": the
    change is the whole's (单位 names whose it is, not another item), never the 财政拨款 part's (adv414 F1)."""
    text = (
        "某中心2025年单位预算\n一、收支预算总体情况\n2025年单位收入预算4633.20万元，其中：财政拨款收入4291.70万元，"
        "其他收入126.50万元，上年结转结余215.00万元。收入预算比2024年增加214.28万元，增长4.85%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_total_and_the_parts_it_includes_after_a_comma(tmp_path: Path) -> None:
    """ "基本支出15836.42万元，包括人员经费13204.57万元和公用经费2613.85万元": 包括 right after the total's clause opens
    its list (adv411 C2: missed, 包括 opened a list only with a colon)."""
    text = (
        "某区卫生健康局2025年部门预算\n三、基本支出\n基本支出15836.42万元，包括人员经费13204.57万元和公用经费{}万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("2631.85"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("2613.85")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("15836.42"), Decimal("15818.42"))]


def test_the_fund_money_is_brought_in_from_is_not_the_figures_own(tmp_path: Path) -> None:
    """ "…从政府性基金预算等调入资金7.73亿元、上年结转3.05亿元" in the 一般公共预算's paragraph: 政府性基金预算 is where the
    money came from, so 3.05 stays the 一般公共预算's 上年结转, not the fund's 2.30 (caught on this stop's own "从X看"
    reading by the review-set rescan, adv370)."""
    text = (
        "某区2025年预算执行情况和2026年预算草案的报告\n（一）一般公共预算执行情况\n区级一般公共预算收入99.43亿元，加上"
        "转移支付15.69亿元、从政府性基金预算等调入资金7.73亿元、上年结转3.05亿元，收入总计为125.90亿元。\n"
        "（二）政府性基金预算执行情况\n区级政府性基金预算收入10.02亿元，加上补助收入1.91亿元、上年结转2.30亿元，收入总计为"
        "14.23亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_share_of_a_part_named_with_its_measure_takes_no_figure_of_another(tmp_path: Path) -> None:
    """ "基本支出全年预算3286.40万元，执行3245.72万元…。基本支出执行数占全部执行数的38.27%": the part is the 执行数, never
    the budget of that name (caught on this stop's own list-whole reading by the review-set rescan, adv357)."""
    text = (
        "某县农业农村局2024年度部门整体支出绩效自评报告\n二、预算执行\n2024年部门全年预算调整为8707.20万元，全年执行8482.21万元。"
        "其中：基本支出全年预算3286.40万元，执行3245.72万元；项目支出全年预算5420.80万元，执行5236.49万元。"
        "基本支出执行数占全部执行数的38.27%，项目支出执行数占61.73%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_row_of_whole_amounts_cut_inside_their_digits_is_put_back_together() -> None:
    """四、上 | 74209 | 23897 | 14742 above the page break, 年末滚存结余 | 54 | 6 | 51 below: one row of whole amounts in
    narrow cells cut inside their digits (adv413 F1–F2: two rows, the fragments summed and set against the text);
    a complete label above with small amounts below is a row of its own."""
    from test_stitch import part, texts

    from extractors.stitch import stitch_tables

    xs = [50.0, 150.0, 200.0, 250.0, 300.0]
    a = part(
        17, [["三、本年收支结余", "1202248", "287092", "124927"], ["四、上", "74209", "23897", "14742"]], 640, xs=xs
    )
    b = part(18, [["年末滚存结余", "54", "6", "51"], ["五、年末滚存结余", "8623202", "526068", "1599178"]], 72, xs=xs)
    (t,) = stitch_tables([a, b])
    assert texts(t)[1] == ["四、上年末滚存结余", "7420954", "238976", "1474251"]
    c = part(17, [["税收收入", "1202248", "287092", "124927"], ["其他收入", "74209", "23897", "14742"]], 640, xs=xs)
    d = part(18, [["上级补助收入", "54", "6", "51"], ["合计", "1276511", "310995", "139720"]], 72, xs=xs)
    (t2,) = stitch_tables([c, d])
    assert t2.n_rows == 4


def test_an_indicator_sheets_own_total_above_the_whole_score(tmp_path: Path) -> None:
    """表1 年度资金总额 | … | 10 | 96.53 | 9.65, then 表2's indicators, "合计 | 90 | 88.7" and "总分 | 100 | 98.35": the 合计
    row sums the rows above it, no item of its own, so 10 + 90 = 100 (adv415 F1–F2: two errors)."""
    text = (
        "某市2024年度高标准农田建设项目支出绩效自评表\n表1 项目资金情况\n单位：万元\n"
        "项目资金\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率（%）\t得分\n"
        "年度资金总额\t2400\t2770\t2673.84\t10\t96.53\t9.65\n"
        "表2 绩效指标\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t建设面积\t≥2万亩\t2.1万亩\t50\t50\n效益指标\t经济效益指标\t亩均增收\t≥200元\t186元\t40\t38.7\n"
        "合计\t\t\t\t\t90\t88.7\n总分\t\t\t\t\t100\t{}\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("98.35"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("99.35")))
    assert [(r, v) for r, _s, v, _e in found] == [("scoresheet.total", Decimal("99.35"))]


def test_a_levels_own_figure_after_qizhong_is_what_a_jia_list_adds_to(tmp_path: Path) -> None:
    """ "全县一般公共预算收入预期445820万元…。其中，县级一般公共预算收入97462万元，增长2.3%。加上级补助收入…，县级收入总计
    177787万元": 其中 gives the level's own figure, which the 加 chain adds to — not the whole (adv416 F1–F4)."""
    text = (
        "某县2025年预算执行情况和2026年预算草案的报告\n三、2026年预算草案\n全县一般公共预算收入预期445820万元，比2025年"
        "执行数增长4.4%。其中，县级一般公共预算收入97462万元，增长2.3%。加上级补助收入59800万元、调入资金11587万元、"
        "债务转贷收入8938万元，县级收入总计{}万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("177787"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("178787")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("178787"), Decimal("177787"))]
    # a part of the same level's figure after 其中 (市级…国有土地使用权出让收入) is the whole's part, as before (chongqing p.5,
    # caught on this change by the reference scan)
    part = (
        "重庆市2025年预算执行情况的报告\n2.市级\n市级政府性基金预算收入810亿元,下降6.4%。其中,市级国有土地使用权出让收入"
        "733亿元,下降7%。加上中央补助427亿元、政府专项债务收入2456亿元,以及区县上解、上年结转等110亿元后,收入总量为3803亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "c.txt", part)) == []


def test_a_count_of_items_says_the_list_is_all_of_them(tmp_path: Path) -> None:
    """ "…分别为78420、64385、39612、56218万元，四项合计239635万元" after another figure of the paragraph: four items counted,
    four parts listed — the list is complete, so a sum short of the total is an error (adv417 S5: an info)."""
    text = (
        "某区2024年预算执行情况和2025年预算草案的报告\n一、支出\n全区一般公共预算支出完成435778万元，为调整预算的99.4%。"
        "全年教育、社会保障和就业、卫生健康、农林水支出分别为78420、64385、39612、56218万元，四项合计{}万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("238635"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("239635")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("239635"), Decimal("238635"))]


def test_funds_by_source_and_their_shares_in_the_next_sentence(tmp_path: Path) -> None:
    """ "其中中央、省级、市级、县级资金分别为…。从资金结构看，中央资金占31.93%，省级资金占20.10%…": the first source is
    中央资金 too, and a share's guessed whole is never a sibling part (adv418: 1485.50 ÷ 2360.00 "疑用错分母")."""
    text = (
        "某区2024年度城市绿化养护专项资金绩效评价报告\n一、资金\n2024年部门预算资金共计7,392.28万元，其中中央、省级、市级、"
        "县级资金分别为2,360.00万元、1,485.50万元、420.00万元、3,126.78万元。从资金结构看，中央资金占31.93%，"
        "省级资金占20.10%，市级资金占5.68%，县级资金占{}%。\n"
    )
    found = _scan_txt(tmp_path / "a.txt", text.format("42.30"))
    assert [f for f in found if f.rule == "share.stated-vs-computed"] == []
    parts = {c.quantity.value: c.subject for c in analyze_file(tmp_path / "a.txt").claims if c.relation == "part"}
    assert parts[Decimal("2360.00")] == "中央资金"


def test_a_share_fitting_a_whole_printed_before_it_in_its_paragraph_and_in_a_table(tmp_path: Path) -> None:
    """ "2024年度支出决算15318.58万元…。本年财政拨款支出15005.98万元…。其中：基本支出12994.59万元，占84.83%…": the shares
    fit 15318.58, printed before them in their paragraph — and in the paragraph before as 收入总计, the printing the
    diagnosis picks;
    which whole is meant is not known (adv402, on this stop's code once the sum error of F3 was gone: two errors)."""
    text = (
        "某区教育局2024年度部门决算\n一、收入支出决算总体情况说明\n2024年度收入总计15318.58万元，其中：财政拨款收入"
        "15025.98万元，其他收入292.60万元。\n2024年度支出决算15318.58万元，较年初预算增加998.58万元。本年财政拨款支出"
        "15005.98万元，占本年支出合计的97.96%。其中：基本支出12994.59万元，占84.83%；项目支出2323.99万元，占15.17%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
