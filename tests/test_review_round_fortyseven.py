"""Review round forty-seven (stop 42): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt

from extractors.claims import extract_claims
from extractors.model import Document, Paragraph, Provenance
from pipeline.analyze import analyze_file


def _claims_of(text: str) -> dict[str, str]:
    doc = Document(
        path="t.txt", sha256="x", format="txt", blocks=[Paragraph(text=text, prov=Provenance(sha256="x", block=0))]
    )
    return {c.quantity.text: c.subject for c in extract_claims(doc)}


def test_carried_in_funds_named_anywhere_in_a_name_are_no_item_of_a_budget_after_them() -> None:
    """ "年中使用财政拨款结转资金26.16万元，全年预算1,312.56万元": the budget after carried-in funds is the project's, not
    theirs, whatever names the funds (claims.py defined its pattern of carried-in funds twice, and the later one, anchored
    at the start of a list part's name, shadowed it: 财政拨款结转资金 named the budget after it)."""
    subjects = _claims_of(
        "该项目年中使用财政拨款结转资金26.16万元，全年预算1,312.56万元，全年执行1,200.00万元，预算执行率为91.42%。"
    )
    assert subjects["26.16万元"] == "财政拨款结转资金"
    assert subjects["1,312.56万元"] != "财政拨款结转资金"


def _final_account(project: str, sep: str = "一、") -> str:
    rows = [
        "某县财政局2025年部门决算",
        "第二部分 2025年度部门决算情况说明",
        f"{sep}支出决算情况说明",
        f"2025年度本年支出合计1,000.00万元，其中：基本支出600.00万元；项目支出{project}万元。",
        "第三部分 2025年度部门决算表",
        "支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t1,000.00\t600.00\t400.00",
        "201\t一般公共服务支出\t1,000.00\t600.00\t400.00",
        "20106\t财政事务\t1,000.00\t600.00\t400.00",
        "2010601\t行政运行\t1,000.00\t600.00\t400.00",
    ]
    return "\n".join(rows) + "\n"


def test_a_template_section_is_known_whatever_number_the_province_gives_it(tmp_path: Path) -> None:
    """ "四、支出决算情况说明" (or （三）) is the template's 支出决算情况 section though the national template numbers it 三、:
    its 项目支出 is the 支出决算表's 合计 row, and the slip is blamed on the text's part, not on the list's total (adv445
    D2S2: sum.enumeration blamed 本年支出合计; the template rules' sections allowed only the national number)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _final_account("400.00", "四、"))) == []
    for sep in ("四、", "（三）"):
        found = _errors(_scan_txt(tmp_path / "b.txt", _final_account("450.00", sep)))
        assert found == [("template.narrative-vs-table", "项目支出", Decimal("450.00"), Decimal("400.00"))], sep


def _by_class(rate: str) -> str:
    rows = [
        "深圳市某街道办事处2025年部门决算",
        "第二部分 2025年度部门决算情况说明",
        "七、一般公共预算财政拨款支出决算具体情况",
        "1.一般公共服务支出（类）。2025年度决算数为2990.39万元，年初预算为2975.60万元，完成年初预算的100.50%；"
        f"与上年相比增加139.79万元，增长{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_budget_a_completion_rate_is_of_is_no_level_of_a_change_after_it(tmp_path: Path) -> None:
    """ "决算数为2990.39万元，年初预算为2975.60万元，完成年初预算的100.50%；与上年相比增加139.79万元，增长4.90%": the change
    is the 决算's (139.79 ÷ 2850.60), not the 年初预算's beside it as the completion rate's base (adv450 F1–F6)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _by_class("4.90"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _by_class("4.70")))
    assert [(r, v, round(e, 2)) for r, _s, v, e in found if e is not None] == [
        ("template.change", Decimal("4.70"), Decimal("4.90"))
    ]
    # a bare 完成率 after the budget is its completion as well (adv466 F1–F5)
    bare = _by_class("4.90").replace("完成年初预算的100.50%", "完成率100.50%")
    assert _errors(_scan_txt(tmp_path / "c.txt", bare)) == []


def test_an_items_project_spending_keeps_the_items_name_past_a_verb_in_it() -> None:
    """ "临时救助项目支出968.40万元": the item's project spending, not the department's 项目支出 (救助 is a verb the subject
    was cut after; adv454 F1: repeat.different-values against 项目支出4851.52万元)."""
    subjects = _claims_of("临时救助项目支出968.40万元，全年累计救助困难群众3862人次。")
    assert subjects["968.40万元"] == "临时救助项目支出"


def _project_targets(third: str) -> str:
    rows = [
        "某市2025年重点项目绩效目标表及2024年度绩效自评报告",
        "一、老旧小区改造提升工程",
        f"项目资金总额8,650.00万元，其中：中央补助资金3,200.00万元，省级补助资金1,850.00万元，市级配套资金{third}万元。",
        "表1  老旧小区改造提升工程绩效目标表",
        "单位：万元",
        "资金来源\t资金总额\t中央补助\t省级补助\t市级资金",
        "年度资金\t8,650.00\t3,200.00\t1,850.00\t3,600.00",
        "二、城区污水管网提质增效项目",
        "项目资金总额5,230.00万元，其中：中央补助资金1,500.00万元，省级补助资金1,200.00万元，市级配套资金2,530.00万元。",
        "表2  城区污水管网提质增效项目绩效目标表",
        "单位：万元",
        "资金来源\t资金总额\t中央补助\t省级补助\t市级资金",
        "年度资金\t5,230.00\t1,500.00\t1,200.00\t2,530.00",
    ]
    return "\n".join(rows) + "\n"


def test_a_performance_sheet_titled_by_a_project_holds_that_projects_figures(tmp_path: Path) -> None:
    """Two 绩效目标表 of one layout, each titled by its project's name: 年度资金 of one is not the other's (adv453 F1–F8:
    eight narrative_table errors set one project's cells against the other's); a report titled …项目绩效目标表及…绩效
    自评报告 is a project self-evaluation, not an execution report."""
    path = tmp_path / "a.txt"
    path.write_text(_project_targets("3,600.00"), encoding="utf-8")
    result = analyze_file(path)
    assert result.kind == "项目支出绩效自评表"
    assert _errors(result.findings) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _project_targets("3,700.00")))
    assert found == [("sum.enumeration", "项目资金总额", Decimal("8650.00"), Decimal("8750.00"))]


def _insurance_fund(spent: str) -> str:
    rows = [
        "某市2025年市级社会保险基金预算执行情况",
        "一、分险种执行情况",
        "（二）城乡居民基本养老保险基金",
        "全年收入152383.57万元，同比增加5.8%，主要是保险费收入48620.35万元，财政补贴收入98745.60万元，利息收入"
        f"3812.44万元，其他收入1205.18万元；全年支出{spent}万元，同比增加6.7%。",
        "附表1 2025年市级社会保险基金收入执行情况表",
        "单位：万元",
        "项目\t预算数\t执行数",
        "城乡居民基本养老保险基金\t150000.00\t152383.57",
        "职工基本医疗保险基金\t90000.00\t91000.00",
        "附表2 2025年市级社会保险基金支出执行情况表",
        "单位：万元",
        "项目\t预算数\t执行数",
        "城乡居民基本养老保险基金\t121000.00\t119806.27",
        "职工基本医疗保险基金\t80000.00\t81000.00",
    ]
    return "\n".join(rows) + "\n"


def test_a_funds_row_in_a_table_of_one_flow_and_its_bare_flow_in_the_text_are_of_that_flow(tmp_path: Path) -> None:
    """A fund's row of a table titled …基金支出执行情况表 is its spending; "全年支出" under the fund's heading, after a list
    of its income ending 其他收入, is the fund's spending too — not 其他支出, not its income (adv454 F2, F3: the income
    table's row was set against the spending)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _insurance_fund("119806.27"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _insurance_fund("119606.27")))
    assert [(r, v, e) for r, _s, v, e in found] == [
        ("narrative_table.mismatch", Decimal("119806.27"), Decimal("119606.27"))
    ]


def test_a_change_naming_nothing_is_not_compared_with_a_tables_grand_total(tmp_path: Path) -> None:
    """ "（一）均衡性转移支付。安排1862400万元，比上年增加116600万元，增长6.7%": a change whose figure names no item is not
    of the table's 合计 row (adv457 F1, F2: last year's grand total 5041300 was taken as its base)."""
    rows = [
        "某省2024年省对下转移支付情况的说明",
        "一、一般性转移支付",
        "（一）均衡性转移支付。安排1862400万元，比上年增加116600万元，增长6.7%。",
        "附表 省对下转移支付表",
        "单位：万元",
        "项目\t2023年执行数\t2024年执行数",
        "合计\t5041300\t5281800",
        "均衡性转移支付\t1745800\t1862400",
        "其他\t3295500\t3419400",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _months(total: str) -> str:
    rows = [
        "某县2025年1-9月财政收支执行情况",
        "一、收入情况",
        "1-9月全县一般公共预算收入累计完成78595万元。",
        "表1 分月收入情况表",
        "单位：万元、%",
        "月份\t本月收入\t累计收入\t累计完成年度预算进度",
        "1月\t10058\t10058\t8.5",
        "2月\t8138\t18196\t15.4",
        "3月\t9000\t27196\t23.0",
        f"合计\t{total}\t27196\t23.0",
        "表2 分季度收入情况",
        "单位：万元、%",
        "季度\t收入\t上年同期\t同比",
        "一季度\t27196\t26750\t1.7",
        "二季度\t25464\t25114\t1.4",
        "合计\t52660\t51864\t1.5",
    ]
    return "\n".join(rows) + "\n"


def test_a_running_total_down_the_months_and_a_bare_yoy_column_are_no_sums(tmp_path: Path) -> None:
    """累计收入 down rows of months holds the year so far (its 合计 the last month's); a column headed 同比 alone, or
    …进度, holds rates under 单位：万元、% (adv455 F1, F2: both were summed as amounts). The 本月 column still adds up."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _months("27196"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _months("27296")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-rows", Decimal("27296"), Decimal("27196"))]


def test_an_amount_per_head_has_no_sum_down_the_rows(tmp_path: Path) -> None:
    """生均金额 of each school: its 合计 row is the whole's amount per pupil, no sum of the schools' (adv458 F1)."""
    rows = [
        "东源县2025年教育专项资金使用情况报告",
        "一、分配情况",
        "表1 各校分配情况",
        "单位：元",
        "学校名称\t分配金额\t生均金额",
        "城关第一中学\t5988000\t2093.71",
        "城关第二中学\t3612000\t2408.00",
        "合计\t9600000\t2201.83",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _budget_workbook(path: Path, total: int) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "支出总表"
    rows: list[list[object]] = [
        ["某区教育局2025年部门支出总表"],
        ["单位：万元"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", total, 8056.86, 1338],
        ["205", "教育支出", 7789.74, 6751.74, 1038],
        ["2050202", "小学教育", 3355.66, 2980.66, 375],
        ["2050203", "初中教育", 4434.08, 3771.08, 663],
        ["208", "社会保障和就业支出", 1605.12, 1305.12, 300],
        ["2080505", "机关事业单位基本养老保险缴费支出", 1605.12, 1305.12, 300],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_workbooks_whole_amounts_under_an_amounts_header_are_no_subject_codes(tmp_path: Path) -> None:
    """项目支出 | 375 | 1038 | 300 written as whole numbers in a workbook: amounts under an amount's header, not a column of
    subject codes (adv456 F1: sixteen template.columns errors summed 合计 without the dropped column)."""
    ok = analyze_file(_budget_workbook(tmp_path / "a.xlsx", 9394.86))
    assert ok.kind == "部门预算" and _errors(ok.findings) == []
    found = _errors(analyze_file(_budget_workbook(tmp_path / "b.xlsx", 9494.86)).findings)
    assert [(v, e) for _r, _s, v, e in found] == [(Decimal("9494.86"), Decimal("9394.86"))]


def _debt(limit_general: str) -> str:
    rows = [
        "云溪县2025年政府债务情况",
        "一、债务余额",
        "截至2025年末，全县地方政府债务余额53.52亿元。按类型分，一般债务18.89亿元，专项债务34.63亿元。",
        "附表：云溪县2025年地方政府债务情况表",
        "单位：万元",
        "项目\t年初数\t年末数",
        "债务限额\t498000.00\t555700.00",
        f"  一般债务\t{limit_general}\t196800.00",
        "  专项债务\t312400.00\t358900.00",
        "债务余额\t476850.00\t535150.00",
        "  一般债务\t178235.40\t188850.00",
        "  专项债务\t298614.60\t346300.00",
    ]
    return "\n".join(rows) + "\n"


def test_the_rows_a_text_table_indents_under_an_unnumbered_row_are_its_parts(tmp_path: Path) -> None:
    """ "  一般债务" indented under 债务限额 and again under 债务余额 in a tab-separated table: each is its head's part, the
    limit's 一般债务 not the balance's (adv451 F1, F2: the text's year-end balance was set against the limit's row)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _debt("185600.00"))) == []


def test_a_total_a_sentence_adds_to_what_was_said_before_is_no_sum_of_its_own_parts(tmp_path: Path) -> None:
    """ "此外，收到上级补助收入186万元，上年结转341万元，收入合计10059万元": the total adds the transfers to the 9532 said in
    an earlier paragraph — no sum of the two, and no figure of the table's own 收入合计 (adv452 F1, F2)."""
    rows = [
        "临川市本级2024年国有资本经营预算执行情况",
        "一、收入情况",
        "2024年，市本级国有资本经营预算收入完成9532万元。",
        "此外，收到上级补助收入186万元，上年结转341万元，收入合计10059万元。",
        "表1 国有资本经营预算收入表",
        "单位：万元",
        "项目\t执行数",
        "利润收入\t6746",
        "股利、股息收入\t2786",
        "收入合计\t9532",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _level_amount_rate(amount: str) -> str:
    rows = [
        "某县农业农村局2024年部门整体支出绩效自评报告",
        "一、预算执行情况",
        f"项目支出848.07万元，比上年减少{amount}万元，下降6.32%。基本支出1200.00万元，比上年增加100.00万元，增长9.09%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_level_its_change_amount_and_its_rate_printed_together_agree(tmp_path: Path) -> None:
    """ "项目支出848.07万元，比上年减少67.23万元，下降6.32%", last year's figure printed nowhere: 848.07 + 67.23 = 915.30 makes
    a fall of 7.35%, so one of the two changes is wrong (adv456 3c was missed: no last year's figure, no check)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _level_amount_rate("57.23"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _level_amount_rate("67.23")))
    assert [(r, s, v, round(e, 2)) for r, s, v, e in found if e is not None] == [
        ("change.stated-vs-computed", "项目支出", Decimal("6.32"), Decimal("7.35"))
    ]
    # the amount before the change is no level of it where it is last year's, a list's last part, or one of two years
    rows = [
        "某市2024年地方政府债务情况",
        "一、债务余额",
        "市本级政府债务余额87.11亿元，其中一般债务余额37.28亿元，专项债务余额49.83亿元；比上年末增加7.96亿元，增长10.06%。",
        "上年实际支出4518.72万元，本年比上年减少294.18万元，下降6.51%。",
        "2026年预算2053.78万元，2025年预算2033.24万元，较上年增加20.54万元，增长1.01%。",
        "本年收入合计4616.74万元，比上年增加-11.41万元，增长-0.25%。",
    ]
    assert _errors(_scan_txt(tmp_path / "c.txt", "\n".join(rows) + "\n")) == []


def _departments(share: str) -> str:
    rows = [
        "某区2024年部门决算汇总报告",
        "说明：本报告汇总区教育局、区卫生健康局、区民政局三个部门2024年度决算，金额单位均为万元。",
        "一、区教育局",
        "（一）收入支出总体情况",
        "区教育局2024年度本年收入合计46070.00万元。",
        "本年支出合计46084.87万元，较上年增加1982.50万元，增长4.50%。",
        "支出构成为：基本支出35210.66万元，占本年支出的76.40%；项目支出10874.21万元，占本年支出的23.60%。",
        "二、区卫生健康局",
        "（一）收入支出总体情况",
        "区卫生健康局2024年度本年收入合计18870.02万元，其中：财政拨款收入18654.3万元，其他收入215.72万元。",
        "全年支出19039.25万元，比2023年度增长9.92%。",
        f"支出构成为：基本支出9426.85万元，占本年支出的{share}%；项目支出9612.4万元，占本年支出的50.49%。",
        "三、区民政局",
        "（一）收入支出总体情况",
        "区民政局2024年度本年收入合计7390.00万元。",
        "本年支出合计7398.59万元。",
        "四、汇总情况",
        "上述三个部门本年收入合计72330.02万元，本年支出合计72522.71万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_share_of_one_bodys_spending_is_not_certainly_of_a_total_naming_no_body(tmp_path: Path) -> None:
    """In a report on several departments, 区卫生健康局's "占本年支出的49.51%" is of its own 全年支出19039.25 (本年 names
    the year, no measure), not certainly of the 汇总's 本年支出合计 (adv461 F1–F4)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _departments("49.51"))) == []


def _unlisted_verbs(rate: str) -> str:
    rows = [
        "某县自然资源局2025年部门预算",
        "一、收支预算总体情况",
        "其中一般公共预算拨款1406.17万元，比上年的1374.29万元多出31.88万元，增幅2.32%。政府性基金预算拨款1150.00万元，"
        "较上年1500.00万元少安排350.00万元，减幅23.33%。",
        "二、三公经费",
        f"3.公务接待费6.20万元，比上年少0.90万元，降低{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_more_and_less_after_a_comparison_are_changes(tmp_path: Path) -> None:
    """多出, 少安排 and a bare 少 after 比上年 name a change, not a level nor last year's figure (adv462 F1–F3: 31.88 was
    taken as this year's level, 0.90 as last year's)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _unlisted_verbs("12.68"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _unlisted_verbs("14.52")))
    assert [(v, round(e, 2)) for _r, _s, v, e in found if e is not None] == [(Decimal("14.52"), Decimal("12.68"))]


def test_a_signed_rate_after_a_direction_word_is_left_to_the_change_family(tmp_path: Path) -> None:
    """ "同比增长-2.59%": the sign gives the direction, the rate the change family checks — no bare 增长 claim against a
    fall in the table (adv462 F4)."""
    rows = [
        "平南县2024年财政决算报告摘要",
        "一、一般公共预算收入",
        "（一）税收收入66,289万元，完成预算的99.44%，同比增长-2.59%。",
        "表1 一般公共预算收入决算表",
        "单位：万元",
        "项目\t预算数\t决算数\t上年决算数",
        "税收收入\t66661\t66289\t68053",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _chain(total: str) -> str:
    rows = [
        "荆门市2024年预算执行情况和2025年预算草案的报告",
        "一、一般公共预算",
        "全市一般公共预算收入完成132.01亿元，完成预算的101.2%，增长5.1%。",
        f"加上上级补助收入168.45亿元、地方政府一般债务转贷收入21.30亿元、调入资金19.62亿元、上年结转9.73亿元，收入总计{total}亿元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_paragraph_opening_with_an_addition_goes_on_from_the_figure_the_paragraph_before_opens_with(
    tmp_path: Path,
) -> None:
    """ "加上上级补助收入…，收入总计350.11亿元" in a paragraph of its own: its first term is the 一般公共预算收入 the paragraph
    before opens with (adv460 D3-S2 was missed: the chain found no first term)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _chain("351.11"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _chain("350.11")))
    assert [(r, v, e) for r, _s, v, e in found] == [("balance.add-subtract", Decimal("350.11"), Decimal("351.11"))]
    # an item the paragraph before opens with (its last item, 其他…收入) is no first term, nor is a chain with a breakdown
    rows = [
        "某区2024年国有资本经营预算执行情况说明",
        "一、收入情况",
        "（一）利润收入9123.45万元，完成预算的107.3%。",
        "（二）其他国有资本经营预算收入212.40万元，完成预算的70.8%。",
        "加上级补助收入150.00万元、上年结转收入80.00万元，2024年国有资本经营预算收入总计9565.85万元。",
        "二、一般公共预算",
        "全县一般公共预算收入完成24,725.05万元，为调整预算的102.68%。",
        "加上上级补助收入213,970.75万元，具体为：返还性收入3,120.00万元、一般性转移支付收入185,640.20万元、专项转移支付收入"
        "25,210.55万元；债务转贷收入8,600.00万元，调入资金3,500.00万元，收入总计250,795.80万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "c.txt", "\n".join(rows) + "\n")) == []


def test_terms_taken_from_a_figure_before_are_no_list_of_their_own(tmp_path: Path) -> None:
    """ "减去上解上级支出…、债务还本支出…，支出总计…" in a paragraph of its own: terms taken from the figure before, no sum the
    total is of (adv463 F1: sum.enumeration summed the two terms alone)."""
    rows = [
        "某旗2025年预算执行情况和2026年预算草案的报告",
        "一、一般公共预算",
        "全旗一般公共预算支出完成361042.77万元，完成调整预算的96.89%。",
        "减去上解上级支出3120.45万元、债务还本支出11800.00万元，支出总计346122.32万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _fund_section(spent: str) -> str:
    rows = [
        "某市2025年社会保险基金预算执行情况",
        "一、分险种执行情况",
        "（六）工伤保险基金",
        "基金收入28,150万元，完成预算的101.26%。",
        f"基金支出{spent}万元，完成预算的96.65%。",
        "附表 2025年社会保险基金支出预算执行情况表",
        "单位：万元",
        "项目\t预算数\t执行数",
        "工伤保险基金\t26,300\t25,418",
        "失业保险基金\t41,000\t39,870",
    ]
    return "\n".join(rows) + "\n"


def test_a_funds_flow_under_its_heading_is_that_funds(tmp_path: Path) -> None:
    """ "基金支出26,618万元" under （六）工伤保险基金 is that fund's spending, its row 工伤保险基金 of the spending table
    (adv464 2b was missed: 基金支出 was keyed as itself and met no row)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _fund_section("25,418"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _fund_section("26,618")))
    assert [(r, v, e) for r, _s, v, e in found] == [("narrative_table.mismatch", Decimal("25418"), Decimal("26618"))]


def _self_evaluation_sheet(other: str) -> str:
    rows = [
        "某区2025年项目支出绩效自评报告",
        "一、老年人助餐服务补助",
        "表1 老年人助餐服务补助项目绩效自评表",
        "单位：万元",
        "项目资金\t年初预算数\t全年预算数\t全年执行数",
        "年度资金总额\t300.00\t340.00\t327.48",
        "其中：当年财政拨款\t300.00\t312.00\t300.00",
        f"其他资金\t0.00\t28.00\t{other}",
    ]
    return "\n".join(rows) + "\n"


def test_appropriations_and_other_funds_make_up_the_years_money(tmp_path: Path) -> None:
    """年度资金总额 | 其中：当年财政拨款 | 其他资金: the two sources are every part of the year's money, so their sum above or
    below it is a slip (adv464 4c was missed: only the three-source set 财政拨款, 上年结转, 其他资金 was known)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _self_evaluation_sheet("27.48"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _self_evaluation_sheet("39.48")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-rows", Decimal("327.48"), Decimal("339.48"))]


def _half_year(rate: str) -> str:
    rows = [
        "东湖区2025年1-6月财政收支执行情况",
        "一、一般公共预算支出",
        f"1-6月，全区一般公共预算支出累计195,556万元。教育支出51,264万元，同比增长{rate}%。",
        "表2 东湖区2025年1-6月一般公共预算支出执行情况表",
        "单位：万元",
        "项目\t年初预算\t本月\t累计\t上年同期累计",
        "一般公共预算支出合计\t409,700\t34,100\t195,556\t192,670",
        "教育支出\t96,800\t9,120\t51,264\t47,930",
        "其他支出\t312,900\t24,980\t144,292\t144,740",
    ]
    return "\n".join(rows) + "\n"


def test_a_stretchs_change_is_worked_on_last_years_same_stretch(tmp_path: Path) -> None:
    """ "1-6月…教育支出51,264万元，同比增长4.7%" against the table's 累计 and 上年同期累计 (2024年1-6月): last year's same
    stretch is the base (adv467 D4S2 was missed: a stretch of a year was never a previous year's figure)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _half_year("7.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _half_year("4.7")))
    assert [(r, v, round(e, 2)) for r, _s, v, e in found if e is not None] == [
        ("change.stated-vs-computed", Decimal("4.7"), Decimal("6.96"))
    ]


def test_one_funds_whole_under_its_heading_is_no_whole_of_the_overviews_part(tmp_path: Path) -> None:
    """ "一、总体执行情况 › 财政补贴收入56.39亿元，占基金收入的19.0%": the overview's share is of the funds' whole, never of
    the 基金收入130.25亿元 under （一）企业职工基本养老保险基金 (adv468 F1: the one fund's figure large enough was taken)."""
    rows = [
        "某市2025年社会保险基金预算执行情况",
        "一、总体执行情况",
        "2025年，全市社会保险基金收入合计297.50亿元，基金支出合计292.90亿元。",
        "从收入构成看，社会保险费收入204.83亿元；财政补贴收入56.39亿元，占基金收入的19.0%。",
        "二、分险种执行情况",
        "（一）企业职工基本养老保险基金",
        "基金收入130.25亿元，完成预算的101.4%。",
        "（二）职工基本医疗保险基金",
        "基金收入52.88亿元，完成预算的103.3%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_a_consolidated_tables_note_after_its_title_keeps_its_kind() -> None:
    """ "收入支出决算总表（部门汇总）": the department's table, not an unknown one — else the first unit's table of the kind
    (…局机关收入支出决算总表) stood in for it (adv470 F1–F9)."""
    from extractors.table_identity import identify_table

    assert identify_table("表1  收入支出决算总表（部门汇总）") == "js.total"
    assert identify_table("表2  支出决算表（部门汇总）") == "js.expense"


def test_a_bare_flows_change_after_the_two_sides_total_is_not_the_totals(tmp_path: Path) -> None:
    """ "收、支总计均为3316.96万元。与上年相比，…支出增加189.07万元，增长6.4%": the bare 支出 is as likely the year's own as
    the 总计 with its carry-over, so the change is not worked on the 总计 (adv470 F10)."""
    rows = [
        "宁川县卫生健康局2024年度部门决算",
        "一、收入支出决算总体情况说明",
        "2024年度收、支总计均为3316.96万元。与上年相比，本年收入支出规模有所扩大，支出增加189.07万元，增长6.4%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_a_funds_name_with_a_bracketed_note_heads_its_own_accounts(tmp_path: Path) -> None:
    """ "城镇职工基本医疗保险基金（含生育保险）收入…，当年结余…，年末滚存结余108901.04万元": that fund's balances, not the
    whole 社会保险基金's (adv470 F12: repeat.different-values against the funds' 年末滚存结余)."""
    rows = [
        "汾川市2024年预算执行情况报告",
        "四、社会保险基金预算执行情况",
        "全市社会保险基金收入503211.52万元，支出470011.37万元，当年结余33200.15万元，年末滚存结余378966.18万元。",
        "城镇职工基本医疗保险基金（含生育保险）收入128476.32万元，支出115823.59万元，当年结余12652.73万元，年末滚存结余"
        "108901.04万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _nine_months(paragraph_fee: str, growth: str) -> str:
    rows = [
        "白城市2025年1-9月财政预算执行情况",
        "一、一般公共预算收支执行情况",
        "（一）一般公共预算收入。1-9月，全市一般公共预算收入累计完成505987万元，同比增长1.54%。",
        "其中：税收收入完成405865万元，同比增长1.45%；",
        f"非税收入完成{paragraph_fee}万元，同比增长1.90%。",
        "表1 白城市2025年1-9月一般公共预算收入执行情况表",
        "单位：万元",
        "项目\t年初预算\t本月\t累计\t上年同期累计\t同比增长%\t完成年初预算%",
        "一般公共预算收入合计\t684000\t51313\t505987\t498312\t1.54\t73.97",
        "一、税收收入\t546300\t40830\t405865\t400061\t1.45\t74.29",
        f"二、非税收入\t137700\t10483\t100122\t98251\t{growth}\t72.71",
    ]
    return "\n".join(rows) + "\n"


def test_a_figure_of_a_report_on_a_stretch_of_the_year_is_of_that_stretch(tmp_path: Path) -> None:
    """In "白城市2025年1-9月财政预算执行情况", "非税收入完成101322万元" in a paragraph of its own is of 1-9月 (the title's
    stretch), one figure with the table's 累计 cell; the 同比增长% of 累计 | 上年同期累计 is checked (adv471 M2, M3 were
    missed: the figure was of the whole year, the column's numerator 累计 unread)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _nine_months("100122", "1.90"))) == []
    found = _scan_txt(tmp_path / "b.txt", _nine_months("101322", "1.90"))
    assert ("narrative_table.mismatch", Decimal("100122"), Decimal("101322")) in [
        (f.rule, f.stated_value, f.expected_value) for f in found if f.severity == "error"
    ]
    grown = [f for f in _scan_txt(tmp_path / "c.txt", _nine_months("100122", "3.90")) if f.severity != "info"]
    assert [(f.rule, f.stated_value) for f in grown] == [("percent_column.growth", Decimal("3.90"))]


def test_a_fund_heading_with_a_bracketed_note_names_that_fund(tmp_path: Path) -> None:
    """ "（四）职工基本医疗保险基金（含生育保险）" names its fund: the section's 当年结余 and 年末滚存结余 are that fund's, not
    the overview's (adv472 F1, F2: repeat.different-values against the district's totals)."""
    rows = [
        "某区2025年社会保险基金预算执行情况",
        "一、总体情况",
        "全区社会保险基金收入500320万元，支出465350万元，收支相抵，当年结余34970万元，年末滚存结余357900万元。",
        "二、分险种执行情况",
        "（四）职工基本医疗保险基金（含生育保险）",
        "基金收入99000万元，其中征缴保险费96250万元；基金支出85630万元；当年结余13370万元，年末滚存结余达到89790万元。",
        "（五）城乡居民基本医疗保险基金",
        "基金收入61200万元；基金支出58650万元；当年结余2550万元，年末滚存结余达到40120万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_more_or_less_collected_is_a_change_and_a_bare_yoy_percent_header_a_growth(tmp_path: Path) -> None:
    """ "比上年同期多收2740万元，增幅7.4%": 多收 names a change, not last year's figure (adv473 F1); a column headed 同比%
    over 累计 | 上年同期累计 is their growth (adv474 2a was missed: the bare header was read as no growth)."""
    rows = [
        "红柳县2025年1-9月财政预算执行情况",
        "一、收入",
        "增值税累计入库39860万元，比上年同期多收2740万元，增幅7.4%；企业所得税10460万元，比上年少收423万元，下降3.9%。",
        "表1 2025年1-9月一般公共预算收入执行情况表",
        "单位：万元",
        "项目\t年初预算\t本月\t累计\t上年同期累计\t同比%",
        "增值税\t52000\t4100\t39860\t37120\t7.4",
        "企业所得税\t14000\t1200\t10460\t10883\t-1.9",
    ]
    found = [f for f in _scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n") if f.severity != "info"]
    assert [(f.rule, f.stated_value) for f in found] == [("percent_column.growth", Decimal("-1.9"))]
