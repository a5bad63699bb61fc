"""Review round nineteen (stop 33): what fresh reviews of realistic reports found gouji getting wrong or missing,
each fixed at its mechanism."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from docx_builders import write_docx
from test_review_round_sixteen import _findings
from test_stitch import part, texts

from extractors.registry import read_document
from extractors.stitch import stitch_tables
from pipeline.analyze import analyze_file
from pipeline.findings import Finding


def _seen(found: list[Finding]) -> list[tuple[str, str, str, Decimal | None, Decimal | None]]:
    return [(f.rule, f.severity, f.subject, f.stated_value, f.expected_value) for f in found]


def _city_spending(total_label: str, health: str) -> list:
    rows = [
        ["科目编码", "项目", "2025年执行数", "2026年预算数"],
        ["201", "一般公共服务支出", "62,418", "63,958"],
        ["205", "教育支出", "98,427", "96,210"],
        ["210", "卫生健康支出", "68,317", health],
        ["", total_label, "229,162", "230,417"],
    ]
    return [
        "某市2026年预算",
        "表4 2026年市级一般公共预算支出预算表",
        "单位：万元",
        (rows, []),
    ]


def test_a_row_named_for_what_the_whole_table_shows_is_its_total(tmp_path: Path) -> None:
    """ "表4 2026年市级一般公共预算支出预算表" whose last row, uncoded, is "市级一般公共预算支出" (no 合计): the row is the
    table's total, and 63958 + 96210 + 71749 = 231917 ≠ 230417 is found (adv140 S6, adv172 S2, adv104 S2: missed)."""
    assert _findings(tmp_path, "clean.docx", _city_spending("市级一般公共预算支出", "70,249")) == []
    found = _findings(tmp_path, "slip.docx", _city_spending("市级一般公共预算支出", "71,749"))
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-rows", Decimal("230417"), Decimal("231917"))
    ]
    # rows adding up to less than the table's subject may be its main items only: said, not an error
    short = _findings(tmp_path, "short.docx", _city_spending("市级一般公共预算支出", "60,249"), info=True)
    assert [(f.rule, f.severity) for f in short] == [("sum.table-rows-unclear", "info")]
    assert "主要项目" in short[0].explanation
    # a row naming something else than the table's subject is no total
    assert _findings(tmp_path, "other.docx", _city_spending("一般公共预算支出调整数", "71,749")) == []


def _debt_table(special_balance: str) -> list:
    rows = [
        ["地区", "2025年地方政府债务限额", "", "", "2025年末地方政府债务余额", "", ""],
        ["", "合计", "一般债务", "专项债务", "合计", "一般债务", "专项债务"],
        ["", "1=2+3", "2", "3", "4=5+6", "5", "6"],
        ["全省合计", "16,154.34", "6,533.93", "9,620.41", "15,884.55", "6,466.61", special_balance],
        ["省本级", "3,010.83", "1,862.47", "1,148.36", "2,978.93", "1,851.09", "1,127.84"],
        ["市县小计", "13,143.51", "4,671.46", "8,472.05", "12,905.62", "4,615.52", "8,290.10"],
    ]
    return [
        "某省2025年地方政府债务情况",
        "附表1 某省2025年地方政府债务限额及余额情况表",
        "单位：亿元",
        (rows, [(0, 0, 2, 0), (0, 1, 0, 3), (0, 4, 0, 6)]),
    ]


def test_a_column_number_row_whose_numbers_carry_formulas_holds_no_figures(tmp_path: Path) -> None:
    """ "1=2+3 | 2 | 3 | 4=5+6 | 5 | 6" under a 地区 cell merged down over the headers: the columns' numbers, not a
    region's debt of 5 against a ceiling of 2 (adv184 F1–F2: two false balance-over-limit errors)."""
    assert _findings(tmp_path, "clean.docx", _debt_table("9,417.94")) == []
    found = _findings(tmp_path, "slip.docx", _debt_table("9,471.94"))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-cell", "error", Decimal("9471.94"), Decimal("9417.94"))
    ]


BUDGET_TEXT = [
    "某市文物局2026年部门预算",
    "二、财政拨款收支预算总体情况",
    "某市文物局2026年财政拨款收支预算48894.74万元。其中：一般公共预算财政拨款48894.74万元，政府性基金预算财政拨款0万元。",
    "三、一般公共预算财政拨款支出预算情况",
    "2026年一般公共预算财政拨款支出48894.74万元。按支出类型分，基本支出22036.14万元，项目支出26858.60万元。",
    "十、预算绩效目标设置情况说明",
    "2026年本部门项目支出全部设置了绩效目标，共涉及项目26个，一般公共预算财政拨款26858.60万元。",
]


def test_money_named_by_its_fund_after_a_count_is_the_counted_things_money(tmp_path: Path) -> None:
    """ "共涉及项目26个，一般公共预算财政拨款26858.60万元" is the 26 projects' money (the 项目支出), not the department's
    一般公共预算财政拨款 48894.74 printed again (adv183 F1: a false repeat error)."""
    assert _findings(tmp_path, "budget.docx", BUDGET_TEXT) == []


BALANCES = [
    "某单位2025年度单位决算",
    "一、收入支出决算总体情况说明",
    "3.年初结转和结余98.90万元，其中：财政拨款结转和结余36.50万元，非财政拨款结转和结余62.40万元。",
    "3.年末结转和结余112.94万元，其中：财政拨款结转和结余31.27万元，主要为基本公共卫生服务项目资金结转；"
    "非财政拨款结转和结余81.67万元。",
]


def test_the_parts_of_a_balance_at_a_moment_of_the_year_are_that_moment_s(tmp_path: Path) -> None:
    """ "年末结转和结余112.94万元，其中：财政拨款结转和结余31.27万元" is the year-end 财政拨款 balance, not the opening
    one (36.50) printed a paragraph before; and 非财政拨款 is no 财政拨款 (adv185 F1–F2: two false repeat errors)."""
    assert _findings(tmp_path, "balances.docx", BALANCES) == []
    claims = {c.quantity.text: c for c in analyze_file(tmp_path / "balances.docx").claims}
    assert claims["31.27万元"].subject == "年末财政拨款结转和结余"
    assert claims["62.40万元"].subject == "年初非财政拨款结转和结余"
    assert claims["62.40万元"].identity.fund == "非财政拨款"


def _sangong_with_note(note: str) -> list:
    rows = [
        ["项目", "预算数", "决算数"],
        ["合计", "20.00", "15.50"],
        ["因公出国（境）费", "0.00", "0.00"],
        ["公务用车购置及运行维护费", "12.00", "10.00"],
        ["公务接待费", "8.00", "5.50"],
    ]
    return [
        "某单位2025年度单位决算",
        "财政拨款“三公”经费支出决算表",
        "单位：万元",
        (rows, []),
        note,
    ]


def test_an_empty_table_note_naming_other_funds_is_not_about_the_table_above(tmp_path: Path) -> None:
    """ "注：本单位无政府性基金预算财政拨款和国有资本经营预算财政拨款收支，相关公开表为空表，未列示" under the 三公 table:
    the note is about the tables left out, not the one above it (adv185 F3–F4: false warnings). A note saying 本表 is
    still about its table."""
    other = "注：本单位2025年度无政府性基金预算财政拨款和国有资本经营预算财政拨款收支，相关公开表为空表，未列示。"
    assert _findings(tmp_path, "other.docx", _sangong_with_note(other)) == []
    own = "注：本单位2025年度无“三公”经费财政拨款支出，本表无数据。"
    found = _findings(tmp_path, "own.docx", _sangong_with_note(own))
    assert [f.rule for f in found] == ["template.empty-note-with-data"]


def test_a_table_number_alone_on_the_caption_line_leaves_the_title_above(tmp_path: Path) -> None:
    """ "收入支出决算总表" over "公开01表    编制单位：…    金额单位：万元": the table is the 收入支出决算总表, not "公开01表"
    (adv185: every table of a Jiangsu .docx titled by its number, the template rules never ran)."""
    rows = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"], ["收入总计", "10.00", "支出总计", "10.00"]]
    path = write_docx(
        tmp_path / "unit.docx",
        ["某中心2025年度单位决算", "收入支出决算总表", "公开01表    编制单位：某中心    金额单位：万元", (rows, [])],
    )
    (table,) = read_document(path).tables()
    assert table.title is not None and table.title.startswith("收入支出决算总表")
    assert table.unit == "万元"


def test_a_subject_code_the_page_break_cut_is_put_back_together() -> None:
    """ "221 | 住房改革支出 | 241.32" at a page's foot and "02" alone at the next page's top: one row coded 22102, not a
    second 221 row counted twice in Σ类 (adv179 F1–F2: two false errors)."""
    a = part(
        1,
        [["科目编码", "科目名称", "决算数"], ["221", "住房保障支出", "241.32"], ["221", "住房改革支出", "241.32"]],
        600,
        title="收入决算表",
        header_rows=1,
        touches_top=False,
    )
    b = part(2, [["02", "", ""], ["2210201", "住房公积金", "176.82"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert texts(t)[2:] == [["22102", "住房改革支出", "241.32"], ["2210201", "住房公积金", "176.82"]]


def test_a_repeated_column_number_row_with_formulas_is_dropped() -> None:
    """A table continued on the next page under its header rows repeated, the last "栏次 | 1 | 3=2/1-1": the repeat is
    dropped, not read as a row of figures whose growth rates get summed (adv186 F1–F2: a false error and warning)."""
    head = [["项目", "预算数", "增长%"], ["栏次", "1", "3=2/1-1"]]
    a = part(1, [*head, ["税收收入", "1,000", "3.10"]], 600, title="表", header_rows=1, touches_top=False)
    b = part(2, [*head, ["非税收入", "500", "0.36"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert texts(t) == [*head, ["税收收入", "1,000", "3.10"], ["非税收入", "500", "0.36"]]


def _execution_table(health: str) -> list:
    rows = [
        ["科目编码", "项目", "预算数", "执行数", "完成预算%"],
        ["205", "教育支出", "100,000", "95,000", "95.0"],
        ["206", "科学技术支出", "20,000", "18,000", "90.0"],
        ["210", "卫生健康支出", "50,000", health, "97.2"],
        ["", "一般公共预算支出合计", "170,000", "161,600", "95.1"],
    ]
    return [
        "关于某市2025年预算执行情况的报告",
        "附表2 某市2025年一般公共预算支出执行表",
        "单位：万元",
        (rows, []),
    ]


def test_an_amount_whose_rate_and_total_both_say_it_is_the_slip(tmp_path: Path) -> None:
    """卫生健康支出 执行数 46,800 where 48,600 was meant: its 完成预算% 97.2 fits 48,600 and the 合计 is 1,800 above the
    rows — the one amount both checks share is the slip, named once, not the rate and the total (adv186 S3, adv65
    S3-2/S3-3, adv70 S5-1: blamed on the rate and the total)."""
    assert _findings(tmp_path, "clean.docx", _execution_table("48,600")) == []
    found = _findings(tmp_path, "slip.docx", _execution_table("46,800"))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-cell", "error", Decimal("46800"), Decimal("48600"))
    ]
    assert "卫生健康支出" in found[0].subject and "percent_column.ratio" in found[0].explanation


def _sangong_vertical(reception: str) -> list:
    rows = [
        ["项目", "预算数", "决算数"],
        ["合计", "17.00", "15.42"],
        ["1．因公出国（境）费", "0.00", "0.00"],
        ["2．公务用车购置及运行维护费", "12.00", "10.74"],
        ["其中：公务用车购置费", "0.00", "0.00"],
        ["公务用车运行维护费", "12.00", "10.74"],
        ["3．公务接待费", "5.00", reception],
    ]
    return [
        "某县卫生健康局2025年度部门决算",
        "（一）“三公”经费财政拨款支出决算总体情况说明",
        "单位：万元",
        (rows, []),
    ]


def test_a_total_over_a_numbered_list_is_the_sum_of_its_numbers(tmp_path: Path) -> None:
    """合计 15.42 over "1．… 2．…（其中 …） 3．…" whose numbered rows add to 15.60: the numbers say which rows are the
    parts, so the sum is certain, not "表内分项层次未能确定" (adv179 S3: info only)."""
    assert _findings(tmp_path, "clean.docx", _sangong_vertical("4.68")) == []
    found = _findings(tmp_path, "slip.docx", _sangong_vertical("4.86"))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-rows", "error", Decimal("15.42"), Decimal("15.60"))
    ]


def test_rows_under_a_numbered_row_printing_no_figure_may_be_parts(tmp_path: Path) -> None:
    """项目支出： 842.36 over 1、61.24, 2、160.80, 3、县级专项资金 (no figure) and its four projects, 4、其他专项 (none):
    the projects are 3's parts, so 842.36 is no error against 1、 + 2、 = 222.04 (adv191 F1, the seed's template)."""
    rows = [
        ["项目", "金额"],
        ["项目支出：", "842.36"],
        ["1、业务工作经费", "61.24"],
        ["2、运行维护经费", "160.80"],
        ["3、县级专项资金（每个专项一行）", ""],
        ["农村人居环境整治项目", "212.50"],
        ["农村公路养护项目", "118.62"],
        ["防汛抗旱项目", "180.00"],
        ["乡村文化活动项目", "109.20"],
        ["4、其他专项", ""],
    ]
    blocks = ["某镇2025年度部门整体支出绩效自评报告", "附件1 部门整体支出绩效评价基础数据表", "单位：万元", (rows, [])]
    assert _findings(tmp_path, "base.docx", blocks) == []


def _project(head: str, budget: str, spent: str, rate: str, table: str) -> list:
    grid = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["预算执行率", "—", "预算执行率", "100%", f"{rate}%", "10", "10.00" if rate == "100.00" else "9.76"],
    ]
    text = f"项目预算资金{budget}万元，截至2025年12月31日，项目实际支出{spent}万元，执行率达{rate}%。"
    return [head, text, table, (grid, [])]


def test_a_project_sheet_is_compared_with_its_own_project_s_text_only(tmp_path: Path) -> None:
    """Four projects in one report, each with its text and its indicator table: 表3's 预算执行率 97.56% is the first
    project's, not the 100.00% the second project's text prints (adv191 F2–F4: three false errors) — a heading ending in
    a bracket (高标准农田建设项目（马市镇片区）) still names a project."""
    blocks = [
        "某镇2025年度项目支出绩效自评报告",
        "二、各项目绩效自评情况",
        *_project(
            "（一）马市镇农村人居环境整治提升项目",
            "185.60",
            "181.07",
            "97.56",
            "表3 人居环境整治项目绩效指标完成情况表",
        ),
        *_project(
            "（二）高标准农田建设项目（马市镇片区）",
            "426.80",
            "426.80",
            "100.00",
            "表4 高标准农田项目绩效指标完成情况表",
        ),
    ]
    assert _findings(tmp_path, "projects.docx", blocks) == []


def test_a_per_capita_figure_is_not_another_holder_s_total_per_head(tmp_path: Path) -> None:
    """ "吸纳脱贫户务工人数26人；…村集体经济年增收9.6万元，务工脱贫户人均增收2150元": the 9.6万元 is the village's, not
    the workers' total, so 2150 is no error against 96000 ÷ 26 (adv191 F5)."""
    text = "产出方面，吸纳脱贫户务工人数26人；效益方面，村集体经济年增收9.6万元，务工脱贫户人均增收2150元。"
    blocks = ["某镇2025年度项目支出绩效自评报告", "3.绩效目标完成情况。", text]
    assert _findings(tmp_path, "capita.docx", blocks) == []


def test_a_carry_forward_after_two_equal_totals_is_held_in_the_spending_total(tmp_path: Path) -> None:
    """ "收入总计12.43亿元，支出总计12.43亿元，收支相抵，结转下年1.08亿元": the totals balance, so the spending total
    holds the 1.08 (9.26 + 0.86 + 1.24 + 1.08 = 12.43), not 12.43 − 12.43 = 0 (adv188 F1: a false error)."""
    text = (
        "市级一般公共预算收入4.45亿元，加上级补助收入6.84亿元、上年结转0.61亿元、调入资金0.53亿元，收入总计12.43亿元；"
        "市级一般公共预算支出9.26亿元，加上解支出0.86亿元、债务还本支出1.24亿元，支出总计12.43亿元，收支相抵，"
        "结转下年1.08亿元。"
    )
    assert (
        _findings(tmp_path, "balance.docx", ["某市2025年市级财政决算报告", "一、一般公共预算收支决算情况", text]) == []
    )


def test_a_change_after_two_figures_named_by_their_years_is_on_the_earlier_year_s(tmp_path: Path) -> None:
    """ "机构运行（项）2026年预算数为1617.08万元，2025年预算数为1588.49万元，较上年预算增加28.59万元，增长1.80%": the
    figure named 2025年 after one named 2026年 is the base, 28.59 ÷ 1588.49 = 1.80% — not 1588.49 − 28.59 (adv187
    F3–F8: six false errors)."""
    item = (
        "1.科学技术支出（类）应用研究（款）机构运行（项）2026年预算数为1617.08万元，2025年预算数为1588.49万元，"
        "较上年预算增加28.59万元，增长{rate}%。主要原因是人员经费正常增长。"
    )
    blocks = ["某省林业局2026年部门预算", "（二）一般公共预算当年拨款主要支出项目情况", item]
    assert _findings(tmp_path, "clean.docx", [b.format(rate="1.80") for b in blocks]) == []
    found = _findings(tmp_path, "slip.docx", [b.format(rate="1.08") for b in blocks])
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("template.change", Decimal("1.08"), Decimal("1.80"))
    ]


def test_sources_inside_a_spending_opening_the_sentence_are_its_parts(tmp_path: Path) -> None:
    """ "基本支出中，一般公共预算拨款安排9577.72万元，事业收入安排394.40万元": the sources' shares of 基本支出, not the
    department's 事业收入 (814.40) or 一般公共预算 (28362.22) printed again (adv187 F1–F2: two false repeat errors)."""
    blocks = [
        "某省林业局2026年部门预算",
        "二、收入预算总体情况",
        "2026年收入预算29176.62万元，其中：一般公共预算拨款28362.22万元，事业收入814.40万元。",
        "三、支出预算总体情况",
        "2026年支出预算29176.62万元，其中：基本支出9972.12万元，项目支出19204.50万元。",
        "基本支出中，一般公共预算拨款安排9577.72万元，事业收入安排394.40万元。",
    ]
    assert _findings(tmp_path, "parts.docx", blocks) == []


def test_a_fund_set_aside_is_no_measure_word() -> None:
    """ "…安排预算稳定调节基金6,253.18万元，支出总计…": 安排 here puts money into the fund, it does not make the figures
    after it budgets (adv192 F1: an outcome then taken as last year's 预算数 base)."""
    from extractors.identity import last_word

    assert last_word("measure", "安排预算稳定调节基金6,253.18万元，支出总计") == ""
    assert last_word("measure", "2026年预算安排") == "预算"


def test_items_inside_a_spending_opening_the_sentence_stay_its_items(tmp_path: Path) -> None:
    """ "全市一般公共预算支出中，…民生支出合计318.06亿元，占一般公共预算支出的74.2%": spending items, not sources, so the
    share is still checked, 318.06 ÷ 396.49 = 80.22% (adv68 S1, lost mid-round)."""
    text = (
        "全市一般公共预算支出完成396.49亿元。全市一般公共预算支出中，教育支出61.24亿元，社会保障和就业支出90.55亿元；"
        "民生支出合计318.06亿元，占一般公共预算支出的{share}%。"
    )
    blocks = ["某市2025年预算执行情况的报告", "一、2025年预算执行情况", text]
    assert _findings(tmp_path, "clean.docx", [b.format(share="80.2") for b in blocks]) == []
    found = _findings(tmp_path, "slip.docx", [b.format(share="74.2") for b in blocks])
    assert [(f.rule, f.stated_value) for f in found] == [("share.stated-vs-computed", Decimal("74.2"))]


def _final_accounts_table(amount: str) -> list:
    rows = [
        [
            "科目编码",
            "项目",
            "上年决算数",
            "预算数",
            "调整预算数",
            "决算数",
            "决算数为调整预算数%",
            "决算数为上年决算数%",
        ],
        ["栏次", "", "1", "2", "3", "4", "5=4/3", "6=4/1"],
        ["205", "教育支出", "52,318", "53,000", "53,600", "53,060", "99.0", "101.4"],
        ["213", "农林水支出", "41,356", "40,000", "40,607", amount, "99.3", "97.5"],
    ]
    return ["某旗2025年财政决算报告", "附表2 某旗2025年一般公共预算支出决算表", "单位：万元", (rows, [])]


def test_rates_a_table_s_formula_computes_from_a_wrong_amount_join_its_finding(tmp_path: Path) -> None:
    """农林水支出 决算数 40,431 where 40,341 was meant: its two rate columns (5=4/3, 6=4/1) fit 40,341, so they are no
    inconsistencies of their own — one finding names the amount (adv188 S2: two more errors on the right rates)."""
    assert _findings(tmp_path, "clean.docx", _final_accounts_table("40,341")) == []
    found = _findings(tmp_path, "slip.docx", _final_accounts_table("40,431"))
    assert [(f.stated_value, f.expected_value) for f in found] == [(Decimal("40431"), Decimal("40341"))]


def test_an_adjustment_made_in_the_year_is_of_the_figure_named_before_it(tmp_path: Path) -> None:
    """ "一般公共预算收入年初预算128000万元，执行中按程序调整为125500万元。全县…收入分别为127346万元…": the 125500 is the
    一般公共预算收入's adjusted budget (not an item named 执行中按程序), and the next sentence's figures are no adjusted
    budgets for its 调整为 (adv180 C1)."""
    text = (
        "1.收入情况。2025年全县一般公共预算收入年初预算128000万元，执行中按程序调整为125500万元。"
        "全县和县本级一般公共预算收入分别为127346万元和105862万元。"
    )
    path = write_docx(tmp_path / "adjusted.docx", ["某县2025年预算执行情况的报告", "一、2025年预算执行情况", text])
    claims = {c.quantity.text: c for c in analyze_file(path).claims}
    assert claims["125500万元"].subject == "一般公共预算收入"
    assert claims["125500万元"].identity.measure == "调整预算"
    assert claims["127346万元"].identity.measure != "调整预算"
    # 全县和县本级…分别为: each figure is its own level's, not one body named 全县和县本级
    assert (claims["127346万元"].identity.scope, claims["105862万元"].identity.scope) == ("全县", "本级")


def test_an_item_ending_in_deng_keeps_its_own_name(tmp_path: Path) -> None:
    """ "…罚没收入2.2亿元、国有资源（资产）有偿使用收入等7.4亿元": the 7.4 is 有偿使用收入 and the rest, named so — not
    the 罚没收入 before it, against whose 2026年预算数 2.2 it was found once 2026's figures read as budgets (adv164,
    a false error mid-round)."""
    text = (
        "市本级一般公共预算收入62.8亿元，比2025年实际完成数增加2.4亿元。其中：非税收入18.7亿元，增长13.2%，其中：专项收入"
        "6.2亿元、行政事业性收费收入2.9亿元、罚没收入2.2亿元、国有资源（资产）有偿使用收入等7.4亿元。"
    )
    rows = [["项目", "2026年预算数"], ["罚没收入", "22,000"], ["专项收入", "62,000"]]
    blocks = [
        "关于某市2025年预算执行情况和2026年预算草案的报告",
        "二、2026年预算草案",
        text,
        "附表8 某市2026年市本级一般公共预算收入预算表",
        "单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "deng.docx", blocks) == []
    claims = {c.quantity.text: c for c in analyze_file(tmp_path / "deng.docx").claims}
    assert claims["7.4亿元"].subject == "国有资源（资产）有偿使用收入等"


def _half_year_table(share: str, growth: str) -> list:
    rows = [
        ["项目", "年初预算", "1—6月", "", "上年同期", "同比增长%"],
        ["", "", "执行数", "占年度预算%", "", ""],
        ["增值税", "1,050,000", "548,263", share, "521,708", growth],
    ]
    return [
        "关于某区2025年上半年预算执行情况的报告",
        "附件1 某区2025年上半年一般公共预算收入执行情况表",
        "单位：万元",
        (rows, [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (0, 5, 1, 5)]),
    ]


def test_a_half_year_table_s_share_of_the_year_s_budget_and_growth_on_the_same_stretch(tmp_path: Path) -> None:
    """年初预算 | 1—6月 › 执行数, 占年度预算% | 上年同期 | 同比增长%: 占年度预算% is the stretch's 执行数 over the one budget
    column (548263 ÷ 1050000 = 52.2%), 同比增长% over 上年同期 (548263 ÷ 521708 − 1 = 5.1%) — both were left unread
    (adv189)."""
    assert _findings(tmp_path, "clean.docx", _half_year_table("52.2", "5.1")) == []
    found = _findings(tmp_path, "slip.docx", _half_year_table("25.2", "1.5"))
    assert sorted((f.rule, f.severity, f.stated_value) for f in found) == [
        ("percent_column.growth", "warning", Decimal("1.5")),
        ("percent_column.ratio", "error", Decimal("25.2")),
    ]


def test_a_bare_change_amount_after_the_item_is_its_change(tmp_path: Path) -> None:
    """ "基层政权建设和社区治理（项）2026年预算560.00万元，增幅8.1%（增加41.96万元）": the 41.96 is the item's change, not
    the item's amount against its table's 560.00 (adv196 F1–F7: seven false errors)."""
    rows = [["科目编码", "科目名称", "2026年预算数"], ["2080208", "基层政权建设和社区治理", "560.00"]]
    blocks = [
        "某区民政局2026年部门预算",
        "（二）一般公共预算支出情况",
        "社会保障和就业支出（类）民政管理事务（款）基层政权建设和社区治理（项）2026年预算560.00万元，增幅8.1%"
        "（增加41.96万元），主要用于社区工作者补助。",
        "表5 一般公共预算支出预算表",
        "单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "bare.docx", blocks) == []
    claims = {c.quantity.text: c for c in analyze_file(tmp_path / "bare.docx").claims}
    assert claims["41.96万元"].relation == "change"


def test_a_sentence_opening_on_last_year_dates_its_figures_to_it(tmp_path: Path) -> None:
    """ "上年末，全市政府债务余额476.88亿元" is 2024's balance, not 2025's 535.79 printed again (adv195 F2–F3: false
    repeat errors)."""
    blocks = [
        "某市2025年地方政府债务决算情况",
        "截至2025年末，全市政府债务余额535.79亿元，其中一般债务198.41亿元、专项债务337.38亿元。",
        "上年末，全市政府债务余额476.88亿元，其中一般债务187.32亿元、专项债务289.56亿元。",
    ]
    assert _findings(tmp_path, "last.docx", blocks) == []
