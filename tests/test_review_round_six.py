"""Review round six (stop 28): one wrong cell in a table whose rows and columns both add up is blamed on the cell,
once, not on the two totals it throws out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from model_builders import fact
from test_identity import alarms, scan_text

from pipeline.checks import run_checks

TITLE = "某区2025年各项支出资金使用情况"
GRID_COLUMNS = ("合计", "基本支出", "项目支出")


def grid(rows: list[tuple[str, str, str, str]]) -> list:
    return [
        fact(value, (label,), (GRID_COLUMNS[k],), 1, r + 2, k + 2, title=TITLE, unit="万元")
        for r, (label, *values) in enumerate(rows)
        for k, value in enumerate(values)
    ]


def sums(found: list) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    return [(f.rule, f.location, f.stated_value, f.expected_value) for f in found if f.rule.startswith("sum.")]


def test_a_part_out_in_its_row_and_its_column_is_the_one_finding() -> None:
    """教育支出 基本支出 1200: its row's 合计 2300 − 项目支出 1000 and its column's 合计 2900 − the other rows' 1600 both
    make 1300. One slip, so one finding, on the cell both sums share; before, the two totals were blamed."""
    rows = [
        ("一般公共服务支出", "1500.00", "1000.00", "500.00"),
        ("教育支出", "2300.00", "1200.00", "1000.00"),
        ("卫生健康支出", "800.00", "600.00", "200.00"),
        ("合计", "4600.00", "2900.00", "1700.00"),
    ]
    found = run_checks([], grid(rows), [])
    assert sums(found) == [("sum.table-cell", "表2 r4c4", Decimal("1200.00"), Decimal("1300.00"))]
    (f,) = [f for f in found if f.rule == "sum.table-cell"]
    assert f.subject == "教育支出 基本支出" and f.severity == "error"
    assert "表2 r6c4" in f.related_location and "表2 r4c3" in f.related_location


def test_a_row_s_total_cell_out_in_its_column_too() -> None:
    """教育支出 合计 2400 over 1300 + 1000, and the 合计 row's 4600 under 1500 + 2400 + 800: the 2400 is the slip,
    and the 4600 is not blamed."""
    rows = [
        ("机关运行保障", "1500.00", "1000.00", "500.00"),
        ("教育支出", "2400.00", "1300.00", "1000.00"),
        ("人才培养", "800.00", "600.00", "200.00"),
        ("合计", "4600.00", "2900.00", "1700.00"),
    ]
    found = run_checks([], grid(rows), [])
    # the 合计 row's sum is settled by the table's other columns (2900 = 1000 + 1300 + 600, 1700 = 500 + 1000 + 200;
    # round thirteen), so both sums name the one cell they share: one finding on it
    assert sums(found) == [("sum.table-cell", "表2 r4c3", Decimal("2400.00"), Decimal("2300"))]
    assert "表2 r6c3" in found[0].related_location and "两处" in found[0].explanation


def test_two_sums_out_by_different_amounts_stay_two_findings() -> None:
    """A row out by 100 and a column out by 50 share a cell, but no one value of it mends both: two slips."""
    rows = [
        ("一般公共服务支出", "1500.00", "1000.00", "500.00"),
        ("教育支出", "2300.00", "1200.00", "1000.00"),
        ("卫生健康支出", "800.00", "600.00", "200.00"),
        ("合计", "4600.00", "2850.00", "1700.00"),
    ]
    rules = sorted(r for r, *_ in sums(run_checks([], grid(rows), [])))
    assert "sum.table-cell" not in rules and "sum.table-columns" in rules and len(rules) >= 2


def test_a_qizhong_of_one_item_in_several_measures_lists_no_parts(tmp_path: Path) -> None:
    """…住房保障支出5.2亿元。其中，教育支出年初预算11.7亿元，调整预算12.8亿元，执行12.2亿元 (adv86 铜川): the three
    figures are one item's 年初预算, 调整预算 and 执行数 — no parts of 5.2, nor of anything."""
    text = (
        "市本级一般公共预算主要支出项目执行情况：一般公共服务支出6.3亿元，公共安全支出12.2亿元，交通运输支出6.3亿元，"
        "住房保障支出5.2亿元。其中，卫生健康支出年初预算18.7亿元，调整预算20.8亿元，执行19.9亿元，完成调整预算的95.7%。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert [a for a in alarms(found) if a[0].startswith("sum.")] == []
    # a list of two items is still one
    wrong = text.replace(
        "其中，卫生健康支出年初预算18.7亿元，调整预算20.8亿元，执行19.9亿元，完成调整预算的95.7%",
        "其中，廉租住房支出3.4亿元，公共租赁住房支出2.2亿元",
    )
    _, found = scan_text(tmp_path, wrong)
    assert ("sum.enumeration", "error", Decimal("5.2")) in alarms(found)


def test_a_limit_adjusted_from_one_level_to_another_lists_the_levels_reached(tmp_path: Path) -> None:
    """州本级政府债务限额由598,900万元调整为677,100万元，其中：一般债务限额由312,400万元调整为318,600万元，专项债务限额由
    286,500万元调整为358,500万元 (adv90 甘孜): the levels before are the base of the adjustment, no parts and no
    second printing of the levels reached."""
    text = (
        "经省政府批准，州本级政府债务限额由598,900万元调整为677,100万元，其中：一般债务限额由312,400万元调整为"
        "318,600万元，专项债务限额由286,500万元调整为358,500万元。\n"
        "调整后，州本级政府债务限额677,100万元，其中：一般债务限额318,600万元、专项债务限额358,500万元。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="预算调整方案")
    assert alarms(found) == []
    before = [c for c in claims if c.quantity.value == Decimal("312400")]
    assert before and before[0].base
    wrong = text.replace("专项债务限额由286,500万元调整为358,500万元。", "专项债务限额由286,500万元调整为385,500万元。")
    _, found = scan_text(tmp_path, wrong, kind="预算调整方案")
    # the first sentence's sum fails and fits the second sentence's 358,500: one finding, on the printing out of line
    # (round thirteen; before, the sum and the two printings were two findings)
    assert alarms(found) == [("repeat.different-values", "error", Decimal("385500"))]
    assert "677100" in found[-1].explanation.replace(",", "") or any("677100" in f.explanation for f in found)


def test_a_clause_of_lead_words_alone_goes_on_with_the_item_before(tmp_path: Path) -> None:
    """补助县（市）支出调增38,600万元，调整为944,600万元: the 944,600 is the 县（市） spending reached, not of whatever
    the next clause names."""
    text = "补助县（市）支出调增38,600万元，调整为944,600万元；新增一般债券转贷县（市）12,400万元。\n"
    claims, _ = scan_text(tmp_path, text, kind="预算调整方案")
    (reached,) = [c for c in claims if c.quantity.value == Decimal("944600")]
    assert "县（市）支出" in reached.subject and "债券" not in reached.subject


def coded(rows: list[tuple[str, str, str]], title: str = "2023年白银市一般公共预算支出决算表") -> list:
    return [
        fact(v, (label,), ("决算数",), 4, 3 + i, 2, title=title, unit="万元", code=code)
        for i, (code, label, v) in enumerate(rows)
    ]


def test_a_coded_row_under_another_class_is_no_child_of_the_row_before() -> None:
    """230 上解上级支出 | 18,306, then 23108 地方政府一般债务还本支出 | 209,654 (adv87 白银): 23108 is a 款 of 231, so
    the 230 above it is not its parent and is not summed from it."""
    rows = [
        ("230", "上解上级支出", "18,306"),
        ("23108", "地方政府一般债务还本支出", "209,654"),
        ("234", "安排预算稳定调节基金", "5,000"),
    ]
    for title in ("2023年白银市一般公共预算支出决算表", "2023年白银市各项支出情况"):
        assert [f for f in run_checks([], coded(rows, title), []) if f.severity != "info"] == []
        # a 类 over its own 款 is still summed
        more = [("213", "农林水支出", "50,000"), ("21301", "农业农村", "20,000"), ("21303", "水利", "24,315")]
        assert [f.stated_value for f in run_checks([], coded(more, title), []) if f.severity != "info"] == [
            Decimal("50000")
        ]


def test_a_qizhong_over_the_first_sub_column_covers_the_columns_after_it() -> None:
    """一般性转移支付 › 小计 | 其中：均衡性转移支付 | 县级基本财力保障机制奖补资金 | 共同财政事权转移支付 (adv87 白银): a
    breakdown that need not be whole, so the 小计 is not their sum; the 合计 is still the sum of its own parts."""
    title = "2023年市对县区转移支付分地区决算表"
    heads = [
        (("合计",), "223,049"),
        (("税收返还",), "1,979"),
        (("一般性转移支付", "小计"), "191,862"),
        (("一般性转移支付", "其中：均衡性转移支付"), "59,477"),
        (("一般性转移支付", "县级基本财力保障机制奖补资金"), "23,023"),
        (("一般性转移支付", "共同财政事权转移支付"), "51,802"),
        (("专项转移支付",), "29,208"),
    ]
    facts = [fact(v, ("甲县",), h, 1, 3, k + 2, title=title, unit="万元") for k, (h, v) in enumerate(heads)]
    assert [f for f in run_checks([], facts, []) if f.rule.startswith("sum.")] == []
    facts[0] = fact("223,094", ("甲县",), ("合计",), 1, 3, 2, title=title, unit="万元")
    assert [f.rule for f in run_checks([], facts, []) if f.rule.startswith("sum.")] == ["sum.table-columns"]


def test_a_misprinted_code_among_a_class_s_own_does_not_split_it() -> None:
    """201 一般公共服务 over 20139 社会工作事务, 21040 信访事务 (for 20140), 20141 数据事务 (固原 p.63): a code outside
    the class's may be a misprint — the reading with it that adds up settles the class."""
    rows = [
        ("201", "一般公共服务", "1,000"),
        ("20139", "社会工作事务", "500"),
        ("21040", "信访事务", "300"),
        ("20141", "数据事务", "200"),
    ]
    assert [f for f in run_checks([], coded(rows, "2026年市本级一般公共预算支出表"), []) if f.severity != "info"] == []


def test_a_change_opening_its_sentence_after_a_qizhong_list_is_the_whole_s(tmp_path: Path) -> None:
    """其他资金收入预算总计180万元，其中：事业收入150万元，其他收入30万元。与上年相比增加10万元，增长5.88% (adv88 江苏):
    10 ÷ (180 − 10) = 5.88%, the 180's change — not the last part's, 10 ÷ (30 − 10) = 50%."""
    text = (
        "3．其他资金收入预算总计180万元，其中：事业收入150万元，其他收入30万元。与上年相比增加10万元，增长5.88%。\n"
        "此外，基本支出预算数为4302.82万元，其中：人员经费3791.82万元、公用经费511万元。与上年相比增加120.36万元，"
        "增长2.88%。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="部门预算")
    assert alarms(found) == []
    changes = {c.quantity.text: c.subject for c in claims if c.relation == "change"}
    assert changes["10万元"] == "其他资金收入预算总计" and changes["120.36万元"] == "基本支出"


def test_changes_after_names_listed_before_respectively_are_the_names_in_order(tmp_path: Path) -> None:
    """人员经费和公用经费分别比上年增加91.32万元和18.9万元，分别增长2.51%和4.18% (adv88 江苏)."""
    text = (
        "（二）公用经费471万元。主要包括：办公费、水费、电费。\n"
        "人员经费和公用经费分别比上年增加91.32万元和18.9万元，分别增长2.51%和4.18%。\n"
    )
    claims, found = scan_text(tmp_path, text, kind="部门预算")
    assert alarms(found) == []
    named = [(c.quantity.text, c.subject, c.relation) for c in claims if c.relation == "change"]
    assert named == [
        ("91.32万元", "人员经费", "change"),
        ("18.9万元", "公用经费", "change"),
        ("2.51%", "人员经费", "change"),
        ("4.18%", "公用经费", "change"),
    ]


def test_an_amount_of_change_before_a_closing_qizhong_heads_no_list_of_paragraphs(tmp_path: Path) -> None:
    """…单位预留机动经费增加251.9万元。其中： then （一）收入预算总计7214.72万元 and （二）支出预算总计7214.72万元
    (adv88 江苏): the two totals are no parts of the 251.9 the change was."""
    text = (
        "主要原因是基本支出增加120.36万元、项目支出增加310万元、单位预留机动经费增加251.9万元。其中：\n"
        "（一）收入预算总计7214.72万元。\n"
        "（二）支出预算总计7214.72万元。\n"
    )
    _, found = scan_text(tmp_path, text, kind="部门预算")
    assert [a for a in alarms(found) if a[0].startswith("sum.")] == []


def test_a_unit_s_figure_is_not_compared_with_the_department_s_total() -> None:
    """分单位看，…本级一般公共预算财政拨款支出预算6190.26万元，…研究中心…799.46万元 (adv88 江苏): each unit's figure, not
    the department's 合计 of 公开07表. Planted into the real 江苏省人民检察院 report."""
    from test_national_budget_template import PROCURATORATE, _alarms, _plant, _read

    from extractors.subjects import names_a_body

    assert names_a_body("江苏省口岸发展研究中心") and names_a_body("江苏省口岸与开放发展办公室本级")
    assert not names_a_body("江苏省口岸与开放发展办公室") and not names_a_body("2020年")
    said = "增长22%。"
    units = "分单位看，省检察院机关本级一般公共预算财政拨款支出预算20,000.00万元，省检察官培训中心一般公共预算财政拨款支出预算1,940.96万元。"
    doc = _read(PROCURATORATE)
    _plant(doc, said, said + units)
    assert not [
        f
        for f in _alarms(doc)
        if f.rule == "template.narrative-vs-table" and f.stated_value in (Decimal("20000.00"), Decimal("1940.96"))
    ]
    doc = _read(PROCURATORATE)
    _plant(doc, said, said + "省检察院一般公共预算财政拨款支出预算20,000.00万元。")
    assert [
        f for f in _alarms(doc) if f.rule == "template.narrative-vs-table" and f.stated_value == Decimal("20000.00")
    ]


def line(text: str, page: int, x0: float, top: float, x1: float) -> object:
    from extractors.pdf_lines import Line

    return Line(text, page, x0, top, x1, top + 14, 14.0, lead=28.0)


def test_a_line_ending_short_before_a_figure_cut_from_it_is_no_paragraph_end() -> None:
    """LibreOffice justifying 分别完成年度预算的 | 102.0% | 、102.1%… (adv90 定西), and 执行数为2012.54万 at a page's
    foot with 元，2025年… at the next one's head (adv89 欧阳路): one paragraph each, or the rates lose their subject."""
    from extractors.pdf_lines import Margins, starts_paragraph

    m = Margins(73.8, 535.8)
    a = line("元、5.73亿元、1.96亿元、3.87亿元，分别完成年度预算的", 2, 73.8, 174.5, 455.8)
    b = line("102.0%", 2, 73.8, 193.2, 127.2)
    c = line("、102.1%、102.1%、101.3%、102.3%、100.6%、100.6%，同比分", 2, 73.8, 211.9, 534.2)
    assert not starts_paragraph(a, b, m) and not starts_paragraph(b, c, m)
    d = line("主要用于街道机关人员经费及日常公用经费。2024年当年预算执行数为2012.54万", 8, 73.8, 762.1, 493.8)
    e = line("元，2025年预算安排2080.68万元，比2024年预算执行数增加3.39%。", 9, 73.8, 64.2, 528.0)
    assert not starts_paragraph(d, e, m, m)
    # a short line ending its sentence still ends its paragraph
    f = line("基数调整。", 8, 73.8, 703.8, 133.8)
    g = line("元是一个字开头的段落不存在，这里是新段落。", 8, 73.8, 722.8, 530.0)
    assert starts_paragraph(f, g, m)


def basic_table(labour: str) -> list[list[str]]:
    """公开06表 in the central layout: 人员经费 | 公用经费 | 公用经费, 302's 款 going on in the third group."""
    return [
        ["人员经费", "", "", "公用经费", "", "", "", "", ""],
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "300.00", "302", "商品和服务支出", "160.00", "30226", "劳务费", labour],
        ["30101", "基本工资", "180.00", "30201", "办公费", "60.00", "30228", "工会经费", "20.00"],
        ["30102", "津贴补贴", "120.00", "30211", "差旅费", "40.00", "310", "资本性支出", "10.00"],
        ["303", "对个人和家庭的补助", "50.00", "", "", "", "31002", "办公设备购置", "10.00"],
        ["30302", "退休费", "50.00", "", "", "", "", "", ""],
    ]


def test_a_class_s_items_going_on_in_the_next_column_group_are_its_parts(tmp_path: Path) -> None:
    """302 商品和服务支出 802.40 over 30201–30225 in its own column group and 30226–30299 at the head of the next (adv92
    河南, the 财政部 template's 公开06表): the class is the sum of both runs."""
    from docx_builders import write_docx

    from pipeline.analyze import analyze_file

    def alarms_of(labour: str) -> list[tuple[str, str]]:
        title = ["河南省某厅2023年度部门决算", "一般公共预算财政拨款基本支出决算表", "单位：万元"]
        path = write_docx(tmp_path / f"basic{labour}.docx", [*title, (basic_table(labour), [(0, 3, 0, 8)])])
        return [(f.rule, str(f.stated_value)) for f in analyze_file(path).findings if f.severity != "info"]

    assert alarms_of("40.00") == []  # 60 + 40 + 40 + 20 = 160
    assert [v for _, v in alarms_of("50.00")] == ["160.00"]  # 60 + 40 + 50 + 20 = 170


def test_a_qizhong_part_of_an_addend_is_not_an_addend(tmp_path: Path) -> None:
    """省级一般公共预算支出安排822.82亿元，比上年年初预算增长2.7%，其中预备费16亿元；对市县…2500亿元，…，支出总量为
    3936.92亿元 (adv93): the 预备费 is 822.82's part, and 822.82 the total's."""
    text = (
        "2026年省级一般公共预算支出安排822.82亿元，比上年年初预算增长2.7%，其中预备费16亿元；对市县税收返还和转移支付"
        "支出2500亿元，地方政府一般债务转贷支出430亿元，一般债务还本支出142.1亿元，上解中央支出42亿元，支出总量为"
        "3936.92亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert alarms(found) == []
    parts = sorted(c.quantity.text for c in claims if c.relation == "part")
    assert "822.82亿元" in parts and "16亿元" not in parts
    _, found = scan_text(tmp_path, text.replace("支出总量为3936.92亿元", "支出总量为3963.92亿元"))
    assert ("sum.enumeration", "error", Decimal("3963.92")) in alarms(found)


def test_names_listed_with_deng_before_one_figure_are_its_label(tmp_path: Path) -> None:
    """加上中央转移支付收入2650亿元、地方政府一般债务收入540亿元，以及调入资金、动用预算稳定调节基金和上年结转等830.13亿元
    (adv93): 830.13 is theirs together, never the 一般债务收入 before it; and "以及乡镇上解、调入资金、上年结转等4.19亿元"
    after 加上 opening its own sentence is one more addend of the level before (adv91 青岚)."""
    text = (
        "2026年全省一般公共预算收入预计3912亿元，加上中央转移支付收入2650亿元、地方政府一般债务收入540亿元，以及调入资金、"
        "动用预算稳定调节基金和上年结转等830.13亿元，收入总量为7932.13亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    (group,) = [c for c in claims if c.quantity.text == "830.13亿元"]
    assert "一般债务" not in group.subject and "上年结转等" in group.subject
    assert alarms(found) == []
    county = (
        "——县级一般公共预算收入完成14.89亿元，为调整预算的102%，同比增长2.5%。加上上级补助收入41.26亿元、政府一般债务收入"
        "5.82亿元，以及乡镇上解、动用预算稳定调节基金、调入资金、上年结转等4.19亿元后，收入总量为66.61亿元。\n"
    )
    _, found = scan_text(tmp_path, county)
    assert ("sum.enumeration", "error", Decimal("66.61")) in alarms(found)  # 14.89 + 41.26 + 5.82 + 4.19 = 66.16
    _, found = scan_text(tmp_path, county.replace("66.61", "66.16"))
    assert alarms(found) == []


def test_a_change_of_both_totals_is_not_the_year_s_spending_s(tmp_path: Path) -> None:
    """…总计43624.61万元，其中：本年收入合计…；本年支出合计41856.98万元…。与2023年度相比，收入、支出总计各增加4972.43万元，
    增长12.86% (adv92 潍坊): a change of both 总计, never of 本年支出合计."""
    text = (
        "一、收入支出决算总体情况说明\n"
        "2024年度收入、支出决算总计43624.61万元，其中：本年收入合计41903.91万元，使用非财政拨款结余120.00万元，"
        "年初结转和结余1600.70万元；本年支出合计41856.98万元，年末结转和结余1767.63万元。与2023年度相比，收入、支出"
        "总计各增加4972.43万元，增长12.86%。\n"
    )
    _, found = scan_text(tmp_path, text, kind="部门决算")
    assert [a for a in alarms(found) if a[0].endswith("change")] == []


def test_rates_after_a_base_named_between_fenbie_and_them_are_each_item_s(tmp_path: Path) -> None:
    """教育支出9.86亿元、社会保障和就业支出8.05亿元、卫生健康支出14.19亿元等，分别比上年执行数下降15.9%、下降6.9%和下降11.9%
    (adv95): each rate is its item's, in order — never all three of the item named last."""
    text = (
        "市本级支出重点安排：教育支出9.86亿元、社会保障和就业支出8.05亿元、卫生健康支出14.19亿元等，分别比上年执行数"
        "下降15.9%、下降6.9%和下降11.9%。\n"
    )
    claims, _ = scan_text(tmp_path, text)
    rates = [(c.quantity.text, c.subject) for c in claims if c.quantity.dimension == "percent"]
    assert rates == [("15.9%", "教育支出"), ("6.9%", "社会保障和就业支出"), ("11.9%", "卫生健康支出")]


def test_two_tables_drawn_as_one_grid_are_cut_at_the_second_title() -> None:
    """财政拨款政府性基金支出预算表 (合计 blank, 本部门无相关收支项目) touching 一般公共预算支出预算表 in one grid (adv98):
    the second table's 合计 4,744.18 is never the first one's."""
    from dataclasses import replace

    from extractors.model import Cell, Document, Provenance, Table
    from extractors.table_titles import split_stacked

    rows = [
        ["财政拨款政府性基金支出预算表 部门：中共江苏省委督查办公室 单位：万元"],
        ["功能科目代码", "功能科目名称", "金额"],
        ["", "合计", ""],
        ["注：本部门无相关收支项目"],
        ["一般公共预算支出预算表 部门：中共江苏省委督查办公室 单位：万元"],
        ["功能科目代码", "功能科目名称", "金额"],
        ["", "合计", "4,744.18"],
        ["201", "一般公共服务支出", "4,744.18"],
    ]
    cells = [
        Cell(text, r, c, colspan=3 if len(row) == 1 else 1) for r, row in enumerate(rows) for c, text in enumerate(row)
    ]
    sha = "0" * 64
    doc = Document("t.pdf", sha, "pdf", [Table(cells, len(rows), 3, Provenance(sha, block=0, table=0))])
    split_stacked(doc)
    first, second = doc.tables()
    assert first.n_rows == 4 and second.n_rows == 4 and second.prov.table == 1
    assert second.title == "一般公共预算支出预算表" and second.unit == "万元"
    assert [c.text for c in second.cells if c.row == 2] == ["", "合计", "4,744.18"]
    # the table's own title printed again over its part on the next page (固原 表18-1) cuts nothing
    again = [replace(c, text=rows[0][0]) if c.row == 4 else c for c in cells]
    doc = Document("t.pdf", sha, "pdf", [Table(again, len(rows), 3, Provenance(sha, block=0, table=0))])
    split_stacked(doc)
    assert len(doc.tables()) == 1


def test_a_total_over_classes_of_one_classification_is_summed_from_them() -> None:
    """附表2 一般公共预算支出合计 6,497,110 at the head of 类 rows summing to 6,507,110 (adv86 沂州): rows that are all
    类 of the 支出功能分类 are the total's parts, one level — a certain error, not an unsettled reading."""
    title = "附表2 2025年全市一般公共预算支出执行情况表"
    rows = [
        ("一般公共预算支出合计", "1010"),
        ("一般公共服务支出", "300"),
        ("教育支出", "420"),
        ("卫生健康支出", "200"),
        ("农林水支出", "100"),
    ]
    facts = [fact(v, (label,), ("执行数",), 1, r + 2, 2, title=title, unit="万元") for r, (label, v) in enumerate(rows)]
    assert [(f.rule, f.severity) for f in run_checks([], facts, []) if f.rule.startswith("sum.")] == [
        ("sum.table-rows", "error")
    ]
    facts[0] = fact("1020", ("一般公共预算支出合计",), ("执行数",), 1, 2, 2, title=title, unit="万元")
    assert [f for f in run_checks([], facts, []) if f.rule.startswith("sum.")] == []


def test_a_percent_header_printed_over_two_rows_is_read_whole() -> None:
    """决算数为 › 调整预算数的% (adv96 西岭): one header over two rows; 企业所得税 99.9% is computed on the 预算数, and
    446,051 ÷ 439,710 = 101.4%."""
    title = "2023年西岭自治区一般公共预算收入决算表"
    heads = [("预算数",), ("调整预算数",), ("决算数",), ("决算数为", "调整预算数的%")]
    rows = [
        ("增值税", ["800,000", "820,000", "830,000", "101.2"]),
        ("企业所得税", ["446,527", "439,710", "446,051", "99.9"]),
        ("个人所得税", ["120,000", "118,000", "118,000", "100.0"]),
    ]

    def facts(pct: str) -> list:
        out = []
        for r, (label, values) in enumerate(rows):
            values = [*values[:3], pct] if label == "企业所得税" else values
            for k, (h, v) in enumerate(zip(heads, values, strict=True)):
                out.append(fact(v, (label,), h, 1, r + 4, k + 2, title=title, unit="%" if k == 3 else "万元"))
        return out

    found = [(f.rule, f.stated_value) for f in run_checks([], facts("99.9"), []) if f.severity != "info"]
    assert found == [("percent_column.ratio", Decimal("99.9"))]
    assert [f for f in run_checks([], facts("101.4"), []) if f.severity != "info"] == []
