"""Review round fifty-one (stop 46): false findings and missed slips of fresh reviews, each fixed at its mechanism,
and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_sixteen import _scan_txt


def _flagged(tmp_path: Path, name: str, text: str) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    """(rule, severity, stated, expected) of every error and warning gouji reports on a report of this text (a .txt,
    .html or .md by the name), sorted."""
    found = _scan_txt(tmp_path / name, text)
    return sorted((f.rule, f.severity, f.stated_value, f.expected_value) for f in found if f.severity != "info")


def _report(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_a_fund_added_to_after_its_completion_rate_naming_the_budget(tmp_path: Path) -> None:
    """ "收入6420万元，完成调整预算6300万元的101.9%；加上级补助收入86万元，收入总计6506万元": the budget the rate names
    is no term of the sum (adv562: a false `balance.add-subtract` error, 6300 + 86)."""
    ok = _report(
        "关于某县2024年财政决算的报告",
        "全县国有资本经营预算收入6420万元，完成调整预算6300万元的101.9%；加上级补助收入86万元，收入总计6506万元。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("6506万元", "6516万元")) == [
        ("sum.enumeration", "error", Decimal("6516"), Decimal("6506"))
    ]


def test_a_change_amount_printed_after_its_rate_against_a_printed_base(tmp_path: Path) -> None:
    """ "收入决算数为30090万元，比上年决算数28410万元增长5.9%，增收1680万元": the amount after the rate is of the same
    comparison (adv562: left as "本年数未在本句写出", a wrong 增收 unflagged)."""
    ok = _report(
        "关于某县2024年财政决算的报告",
        "全县一般公共预算收入决算数为30090万元，比上年决算数28410万元增长5.9%，增收1680万元。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("增收1680", "增收1780")) == [
        ("change.stated-vs-computed", "error", Decimal("1780"), Decimal("1680.00"))
    ]


def _performance_report(*lines: str) -> str:
    return _report("某县教育局2023年度部门整体支出绩效自评报告", "二、部门整体支出情况", *lines)


def test_a_change_opening_a_sentence_by_naming_its_item_is_of_that_items_level_before(tmp_path: Path) -> None:
    """ "全年预算数5,800.00万元，全年支出5,562.18万元，…。全年支出比上年增加351.82万元，增长6.75%": the level is the one
    amount of the sentence before of the item the sentence opens by naming; the amount and the rate must agree over it
    (adv561: both infos, a wrong rate unflagged)."""
    ok = _performance_report(
        "2023年度，我局全年预算数5,800.00万元，全年支出5,562.18万元，预算执行率95.90%。全年支出比上年增加351.82万元，"
        "增长6.75%，主要原因是标准提高。"
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("增长6.75%", "增长6.95%")) == [
        ("change.stated-vs-computed", "error", Decimal("6.95"), Decimal("6.75"))
    ]


def test_a_change_from_last_year_after_the_changes_against_the_budget_is_the_outcomes(tmp_path: Path) -> None:
    """ "“三公”经费年初预算28.00万元，实际支出21.36万元，比预算减少6.64万元，下降23.71%；比上年减少3.14万元，下降12.82%":
    the change from last year is of the outcome the sentence compared with its budget (adv561: infos only)."""
    ok = _performance_report(
        "2023年度“三公”经费年初预算28.00万元，实际支出21.36万元，比预算减少6.64万元，下降23.71%；比上年减少3.14万元，"
        "下降12.82%。"
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("下降12.82%", "下降12.92%")) == [
        ("change.stated-vs-computed", "error", Decimal("12.92"), Decimal("12.82"))
    ]


def test_counts_of_other_things_before_a_count_total_are_no_parts_of_it(tmp_path: Path) -> None:
    """ "本镇内设7个机构，下设4个事业单位，纳入决算编制范围的单位共5个": offices inside the body are no units; each count
    names what it counts after its figure, and only what counts the total's thing is its part (adv563: a false
    `sum.enumeration` error, 7 + 4 ≠ 5)."""
    text = _report(
        "某镇人民政府2023年度部门决算",
        "本镇内设7个机构，下设4个事业单位，纳入决算编制范围的单位共5个。",
        "本镇内设7个科室，下设4个中心，共5个单位。",
    )
    assert _flagged(tmp_path, "a.txt", text) == []
    same_thing = _report("某镇人民政府2023年度部门决算", "全镇下设3个行政单位、4个事业单位，共8个单位。")
    assert _flagged(tmp_path, "b.txt", same_thing) == [("sum.enumeration", "error", Decimal("8"), Decimal("7"))]


_EXECUTION_TABLE = """<html><body>
<p>沧州市2024年预算执行情况和2025年预算草案的报告</p>
<p>一、2024年预算执行情况</p>
<p>全市主要税种完成情况：增值税67113万元，下降5.7%；契税16832万元，增长4.4%。</p>
<p>市本级主要税种完成情况：增值税19512万元，下降8.8%；契税{city}万元，增长3.2%。</p>
<p>附表1 一般公共预算收入执行情况表</p>
<p>单位：万元</p>
<table border="1">
<tr><td rowspan="2">项目</td><td colspan="2">全市</td><td colspan="2">市本级</td></tr>
<tr><td>预算数</td><td>执行数</td><td>预算数</td><td>执行数</td></tr>
<tr><td>增值税</td><td>70752</td><td>67113</td><td>20346</td><td>19512</td></tr>
<tr><td>契税</td><td>17470</td><td>16832</td><td>22977</td><td>22554</td></tr>
</table>
</body></html>
"""


def test_a_tables_scope_columns_and_undated_execution_table_meet_the_text(tmp_path: Path) -> None:
    """项目 | 全市 › 预算数, 执行数 | 市本级 › 预算数, 执行数 in "附表1 一般公共预算收入执行情况表" of a report on 2024's
    execution and 2025's draft: the scope heads are the cells' scope, no other measure, and the execution table naming
    no year is of the year carried out — the text's 市本级契税 is set against its cell (adv564: silent, or an info
    "年度未能确定")."""
    assert _flagged(tmp_path, "ok.html", _EXECUTION_TABLE.replace("{city}", "22554")) == []
    found = [x[:3] for x in _flagged(tmp_path, "bad.html", _EXECUTION_TABLE.replace("{city}", "23554"))]
    assert found == [("narrative_table.mismatch", "error", Decimal("22554"))]


def test_a_drafts_change_over_the_execution_of_the_year_before_printed_in_a_list_of_its_own(tmp_path: Path) -> None:
    """2024's 一般公共预算收入 printed as the first part of 收入总计 and 2025's as the first part of 收入总量: the wholes of
    two years are no two wholes of one year, the parts one item's two years (adv564: "比2024年执行数增长6.0%" left
    unchecked, 1175778 over 1119789 is 5.0%)."""
    ok = _report(
        "宿州市2024年预算执行情况和2025年预算草案的报告",
        "一、2024年预算执行情况",
        "全市一般公共预算收入1119789万元，完成预算的102.5%。加上级转移支付收入504895万元、上年结转21399万元，"
        "收入总计1646083万元。",
        "二、2025年预算草案",
        "2025年全市一般公共预算收入安排1175778万元，比2024年执行数增长5.0%。加上级转移支付429160万元、上年结转19197万元，"
        "收入总量1624135万元。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("增长5.0%", "增长6.0%")) == [
        ("change.stated-vs-computed", "error", Decimal("6.0"), Decimal("5.00"))
    ]


def test_a_spending_share_is_never_explained_by_an_income_as_its_whole(tmp_path: Path) -> None:
    """教育支出27746万元，占一般公共预算支出的2.4% (1.63%): that 27746 ÷ 1124955 (税收收入) comes to 2.466%, truncated 2.4%,
    is no reading of the slip — spending is no share of income (adv564: "疑用错分母" naming the 税收收入)."""
    text = _report(
        "某市2024年预算执行情况的报告",
        "全市一般公共预算收入1500000万元，其中：税收收入1124955万元，非税收入375045万元。",
        "全市一般公共预算支出1697492万元。其中：教育支出27746万元，占一般公共预算支出的2.4%。",
    )
    found = [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule == "share.stated-vs-computed"]
    assert [(f.severity, f.stated_value) for f in found] == [("error", Decimal("2.4"))]
    assert "疑用错分母" not in found[0].explanation


def test_a_share_found_out_by_its_own_rule_and_the_generic_one_is_one_finding(tmp_path: Path) -> None:
    """授予中小企业合同金额1397.60万元，占政府采购支出总额的92.98% (92.89%): procurement.sme-share and the generic share rule
    find the same slip the same way — one finding, the specific rule's (adv563: two errors for one slip)."""
    text = _report(
        "某镇人民政府2023年度部门决算",
        "七、政府采购情况",
        "本单位2023年度政府采购支出总额1504.50万元。授予中小企业合同金额1397.60万元，占政府采购支出总额的92.98%。",
    )
    found = [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"]
    assert [(f.rule, f.stated_value) for f in found] == [("procurement.sme-share", Decimal("92.98"))]
    assert "share.stated-vs-computed" in found[0].explanation


def test_a_part_that_is_itself_project_spending_after_the_projects_paragraphs_is_of_the_whole(tmp_path: Path) -> None:
    """ "1.学生资助项目。…" opens a paragraph the outline takes for a heading; "其他项目支出合计498.40万元，占项目支出的
    23.67%" after it is no share of that project's own spending — a part named 项目支出 is of the department's 项目支出
    (adv561: left as "未找到占比的分母", a wrong share unflagged)."""
    ok = _performance_report(
        "2023年度项目支出2,105.40万元。",
        "1.学生资助项目。执行数876.30万元，执行数占项目支出的41.62%。",
        "其他项目支出合计498.40万元，占项目支出的23.67%。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("23.67%", "25.67%")) == [
        ("share.stated-vs-computed", "error", Decimal("25.67"), Decimal("23.67"))
    ]


def test_a_completion_rate_over_a_plan_and_an_outcome_printed_alike(tmp_path: Path) -> None:
    """ "计划建设村级垃圾收集点150个，实际建成150个，完成率99.00%": one text printed by just the two figures, the first the
    plan, the second what was done — no other printing to mistake (adv568: left as "未找到…两数")."""
    ok = _report(
        "某区2023年度农村人居环境整治专项资金绩效评价报告",
        "三、产出情况",
        "全年计划建设村级垃圾收集点150个，实际建成150个，完成率100.00%。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", ok.replace("100.00%", "99.00%"))] == [
        ("rate.ratio-text", "error", Decimal("99.00"))
    ]


def test_a_page_publishing_evaluation_results_is_an_evaluation_report(tmp_path: Path) -> None:
    """宁夏2023年度财政重点项目绩效评价结果公开: the published results of evaluations are of the 财政支出绩效评价报告 kind
    (adv568: "other", its rules capped at warning)."""
    from extractors.report_kind import classify
    from extractors.txt_reader import read_txt

    path = tmp_path / "a.txt"
    path.write_text("宁夏2023年度财政重点项目绩效评价结果公开\n一、评价项目总体情况\n", encoding="utf-8")
    assert classify(read_txt(path, "0" * 64)) == "财政支出绩效评价报告"


def test_a_change_of_another_item_than_the_sole_amount_of_the_sentence_before(tmp_path: Path) -> None:
    """ "收入、支出总计均为26,834.15万元。与上年相比，收入合计增加1,199.95万元，增长4.98%": the 总计 is no level of the
    收入合计's change — its amount and rate are not judged over it (a guard: found before landing, adv522)."""
    text = _report(
        "某医院2024年度单位决算",
        "一、收入支出决算总体情况说明。2024年度收入、支出总计均为26,834.15万元。与上年相比，收入合计增加1,199.95万元，"
        "增长4.98%；支出合计增加401.04万元，增长1.68%。",
    )
    assert _flagged(tmp_path, "a.txt", text) == []


_ARRIVAL_TABLE = """<html><body><p>某市2023年度高标准农田建设项目绩效评价报告</p><p>表1 项目资金到位情况表</p><p>单位：万元</p>
<table border="1">
<tr><td>资金来源</td><td>计划投入</td><td>到位资金</td><td>到位率（%）</td></tr>
<tr><td>中央</td><td>1256.80</td><td>1256.80</td><td>100.00</td></tr>
<tr><td>市级</td><td>172.50</td><td>132.50</td><td>{rate}</td></tr>
<tr><td>合计</td><td>1429.30</td><td>1389.30</td><td>97.20</td></tr>
</table></body></html>
"""


def test_an_arrival_rate_column_is_what_arrived_over_what_was_planned(tmp_path: Path) -> None:
    """资金来源 | 计划投入 | 到位资金 | 到位率（%）: each row's 到位资金 over its 计划投入 (adv568: a wrong 78.81 for 76.81 gave
    nothing)."""
    assert _flagged(tmp_path, "ok.html", _ARRIVAL_TABLE.replace("{rate}", "76.81")) == []
    found = [x[:3] for x in _flagged(tmp_path, "bad.html", _ARRIVAL_TABLE.replace("{rate}", "78.81"))]
    assert found == [("percent_column.ratio", "error", Decimal("78.81"))]


def test_a_list_over_paragraphs_opened_after_the_levels_own_change(tmp_path: Path) -> None:
    """ "…支出安排8785.30万元，比上年增长4.6%，其中：" then "1.一般公共服务支出2050.00万元，占23.3%。" in paragraphs of their
    own: the level's change between it and the 其中 does not end the list's head (adv565: the shares left as "未找到占比的
    分母")."""
    ok = _report(
        "某镇2024年财政预算执行情况和2025年财政预算（草案）的报告",
        "二、2025年预算草案",
        "2025年全镇一般公共预算支出安排8785.30万元，比上年增长4.6%，其中：",
        "1.一般公共服务支出2050.00万元，占23.3%；",
        "2.教育支出1000.00万元，占11.4%。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", ok.replace("占23.3%", "占25.3%"))] == [
        ("share.stated-vs-computed", "error", Decimal("25.3"))
    ]


_YEARS_DOWN = """<html><body><p>某省教育厅2025年部门预算</p><p>五、“三公”经费预算情况说明</p>
<p>2025年“三公”经费预算数为55.00万元，比上年减少{all}万元。其中：因公出国（境）费30.00万元；公务用车购置及运行费18.60万元，比上年减少{car}万元；
公务接待费6.40万元，比上年减少0.70万元。</p>
<p>表7 “三公”经费支出预算表</p><p>单位：万元</p>
<table border="1">
<tr><td>年度</td><td>合计</td><td>因公出国（境）费</td><td>公务用车购置及运行费</td><td>公务接待费</td></tr>
<tr><td>2024年预算数</td><td>58.10</td><td>30.00</td><td>21.00</td><td>7.10</td></tr>
<tr><td>2025年预算数</td><td>55.00</td><td>30.00</td><td>18.60</td><td>6.40</td></tr>
</table></body></html>
"""


def test_a_budgets_change_over_last_years_budget_in_a_row_of_its_own(tmp_path: Path) -> None:
    """年度 | 合计 | 因公出国（境）费 | … over the rows 2024年预算数 | 2025年预算数: a budget's "比上年减少" is over the row of
    last year's budgets (adv566: every 三公 change left as "未找到…本年数或上年数")."""
    assert _flagged(tmp_path, "ok.html", _YEARS_DOWN.replace("{car}", "2.40").replace("{all}", "3.10")) == []
    found = [
        x[:3] for x in _flagged(tmp_path, "bad.html", _YEARS_DOWN.replace("{car}", "2.60").replace("{all}", "3.20"))
    ]
    # (the 合计 column of a table titled by its one thing is that thing's: 三公经费)
    assert found == [
        ("change.stated-vs-computed", "error", Decimal("2.60")),
        ("change.stated-vs-computed", "error", Decimal("3.20")),
    ]


def test_a_stocks_change_against_the_years_start_printed_in_the_sentence_before(tmp_path: Path) -> None:
    """ "2024年初，镇级政府债务余额4850.00万元。…年末债务余额4230.00万元，比年初下降12.8%": the change of the year-end
    balance is over the balance its paragraph printed for the year's start (adv565: "未找到…本年数或上年数")."""
    ok = _report(
        "某镇2024年财政预算执行情况和2025年财政预算（草案）的报告",
        "（五）政府债务情况",
        "2024年初，镇级政府债务余额4850.00万元。全年偿还到期债务本金620.00万元，未新增政府债务，年末债务余额4230.00万元，"
        "比年初下降12.8%。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", ok.replace("下降12.8%", "下降13.8%"))] == [
        ("change.stated-vs-computed", "error", Decimal("13.8"))
    ]


def test_what_was_not_arranged_gives_no_measure_to_the_sentences_after(tmp_path: Path) -> None:
    """ "…因公出国（境）费支出决算为0万元，全年未安排因公出国（境）团组。公务接待费支出2.16万元…": 未安排 measures nothing —
    the 2.16 is no budget to set against the 年初预算 3.00 (adv567: a false `repeat.different-values` error in each of four
    documents)."""
    text = _report(
        "某县农业农村局2024年度部门决算",
        "七、“三公”经费情况说明",
        "公务接待费支出年初预算为3.00万元，支出决算为2.16万元，完成年初预算的72.00%。",
        "2024年度因公出国（境）费支出决算为0万元，全年未安排因公出国（境）团组。公务接待费支出2.16万元，主要用于执行公务"
        "开支的交通费等。",
    )
    assert _flagged(tmp_path, "a.txt", text) == []


def _overview(total: str) -> str:
    rows = [
        "某县农业农村局2024年部门决算",
        "第二部分 2024年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        f"某县农业农村局2024年度收入、支出总计均为{total}万元。",
        "第三部分 2024年度部门决算表",
        "收入支出决算总表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t3,000.00\t一、一般公共服务支出\t3,050.00",
        "八、其他收入\t100.00\t二、农林水支出\t50.00",
        "本年收入合计\t3,100.00\t本年支出合计\t3,100.00",
        "年初结转和结余\t46.14\t年末结转和结余\t46.14",
        "总计\t3,146.14\t总计\t3,146.14",
    ]
    return "\n".join(rows) + "\n"


def test_the_grand_totals_said_together_in_the_overview_against_the_summary_table(tmp_path: Path) -> None:
    """ "…2024年度收入、支出总计均为3164.14万元" under 一、收入支出决算总体情况说明 against the 收入支出决算总表's 总计
    3146.14: the two totals said together name the table's grand total (adv567: only the change computed from it was
    flagged, blaming a right rate)."""
    assert _flagged(tmp_path, "a.txt", _overview("3,146.14")) == []
    assert _flagged(tmp_path, "b.txt", _overview("3,164.14")) == [
        ("template.narrative-vs-table", "error", Decimal("3164.14"), Decimal("3146.14"))
    ]


_DRAFT_TABLE = """<html><body>
<p>关于某市2024年预算执行情况和2025年预算草案的报告</p>
<p>全市一般公共预算收入完成1100万元，比上年增长{rate}%。</p>
<p>附表5 一般公共预算收入预算表</p><p>单位：万元</p>
<table border="1">
<tr><td>项目</td><td>上年执行数</td><td>2025年预算数</td><td>增长%</td></tr>
<tr><td>一般公共预算收入</td><td>1100</td><td>1150</td><td>4.5</td></tr>
</table></body></html>
"""


def test_last_years_column_of_an_undated_draft_table_is_the_year_carried_out(tmp_path: Path) -> None:
    """附表5 一般公共预算收入预算表 | 上年执行数 | 2025年预算数 in a report on 2024's execution and 2025's draft: the table
    is the draft's, its 上年执行数 the 2024 figure the text prints — no base of the text's "比上年增长10.0%" (adv569: 64
    false `change.stated-vs-computed` errors, "本年 1100、上年 1100")."""
    assert _flagged(tmp_path, "a.html", _DRAFT_TABLE.replace("{rate}", "10.0")) == []


def test_a_sentence_opening_on_last_year_is_last_years_throughout(tmp_path: Path) -> None:
    """ "上年基本支出55.00万元，项目支出35.00万元。" (and "上年支出预算90.00万元，其中：基本支出55.00万元，…"): every amount of
    the sentence naming no year of its own is last year's, as after "2024年" — never a printing of this year's 项目支出
    (adv570: a false `repeat.different-values` error, 35.00 vs 40.00)."""
    text = _report(
        "河北省某局2025年部门预算",
        "2025年本部门支出预算总额100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。",
        "上年基本支出55.00万元，项目支出35.00万元。",
        "上年支出预算90.00万元，其中：基本支出55.00万元，项目支出35.00万元。",
    )
    assert _flagged(tmp_path, "a.txt", text) == []
    said_again = text.replace(
        "上年基本支出55.00万元，项目支出35.00万元。", "上年基本支出55.00万元，本年项目支出45.00万元。"
    )
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", said_again)] == [
        ("repeat.different-values", "error", Decimal("45.00"))
    ]


def test_a_lone_source_of_a_projects_money_is_its_share_not_the_bodys_whole(tmp_path: Path) -> None:
    """ "项目支出203.35万元，其中财政拨款191.35万元。": the one 其中 part naming a source of money is the project spending's
    share of it, never the unit's 财政拨款 4045.64 (adv572: a false `repeat.different-values` error)."""
    text = _report(
        "某县实验中学2025年单位预算",
        "收入预算总计4096.14万元，其中：财政拨款4045.64万元。",
        "项目支出203.35万元，其中财政拨款191.35万元。",
    )
    assert _flagged(tmp_path, "a.txt", text) == []


def test_what_a_budget_is_mainly_spent_on_set_out_below_is_its_main_parts(tmp_path: Path) -> None:
    """ "一般公共预算拨款支出预算18654.30万元，比上年增加…。主要用于以下方面：" then "1.一般公共服务支出（类）356.20万元，占
    1.91%；…": the numbered paragraphs are the budget's main parts, their shares of it (adv570: "未找到占比的分母“合计”");
    主要 says the list need not be all of it."""
    ok = _report(
        "河北省某局2025年部门预算",
        "四、一般公共预算拨款支出预算情况",
        "一般公共预算拨款支出预算18654.30万元，比上年增加354.30万元，增长1.94%。主要用于以下方面：",
        "1.一般公共服务支出（类）356.20万元，占1.91%；",
        "2.农林水支出（类）18000.10万元，占96.49%。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", ok.replace("占1.91%", "占2.91%"))] == [
        ("share.stated-vs-computed", "error", Decimal("2.91"))
    ]


def test_a_share_naming_its_whole_right_after_its_part_in_a_list(tmp_path: Path) -> None:
    """ "本部门总支出4114.00万元。其中：基本支出986.42万元，占总支出的23.98%；项目支出3127.58万元，占总支出的76.02%。": the share
    right after its part is of that part, naming its whole or not (adv575 D1: "未找到占比的分子", a wrong 25.04% unflagged)."""
    ok = _performance_report(
        "本部门总支出4114.00万元。其中：基本支出986.42万元，占总支出的23.98%；项目支出3127.58万元，占总支出的76.02%。"
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert _flagged(tmp_path, "b.txt", ok.replace("23.98%", "25.04%")) == [
        ("share.stated-vs-computed", "error", Decimal("25.04"), Decimal("23.98"))
    ]


def test_a_project_named_from_the_bodys_own_words_keeps_its_name(tmp_path: Path) -> None:
    """ "地质资料馆藏保管维护项目：预算286.30万元，占项目支出的30.33%" in 安徽省地质资料馆's own report: the project's name opens
    with the body's, and is no figure of the body (adv573: the subject cut to 藏保管维护项目, a wrong share unflagged)."""
    ok = _report(
        "安徽省地质资料馆2024年部门预算",
        "2024年项目支出943.86万元。",
        "地质资料馆藏保管维护项目：预算286.30万元，占项目支出的30.33%。",
        "地质资料社会化服务项目：预算145.16万元，占项目支出的15.38%。",
    )
    assert _flagged(tmp_path, "a.txt", ok) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", ok.replace("30.33%", "35.33%"))] == [
        ("share.stated-vs-computed", "error", Decimal("35.33"))
    ]


def test_what_was_carried_out_named_by_the_bare_word_is_the_projects_outcome(tmp_path: Path) -> None:
    """ "小型水库除险加固全年预算数920.00万元，执行930.12万元" against the project table's 全年执行数 903.12: 执行 before a figure
    names its measure, the project its item (adv575 D3: the subject read as 执行, the slip never met its cell)."""
    rows = [
        "某县水利局2023年度部门整体支出绩效自评报告",
        "表2 重点项目支出情况表",
        "单位：万元",
        "项目名称\t全年预算数\t全年执行数",
        "农村饮水安全巩固提升工程\t1450.00\t1408.36",
        "小型水库除险加固\t920.00\t903.12",
        "合计\t2370.00\t2311.48",
        "其中，农村饮水安全巩固提升工程执行1408.36万元；小型水库除险加固全年预算数920.00万元，执行{done}万元。",
    ]
    text = "\n".join(rows) + "\n"
    assert _flagged(tmp_path, "a.txt", text.replace("{done}", "903.12")) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", text.replace("{done}", "930.12"))] == [
        ("narrative_table.mismatch", "error", Decimal("903.12"))
    ]


def test_a_total_of_both_sides_is_no_sum_of_the_indicators_under_it(tmp_path: Path) -> None:
    """主要收支指标与上年对比表 | 收支总计 | “三公”经费支出 | 机关运行经费: rows of indicators under a total of income and
    spending alike are no breakdown of it (adv579 F1: a false `sum.table-rows` error, 500.00 vs 11.38 + 250.30)."""
    rows = [
        "某局2024年度部门决算",
        "主要收支指标与上年对比表",
        "单位：万元",
        "项目\t2023年度\t2024年度",
        "收支总计\t500.00\t480.00",
        "“三公”经费支出\t11.38\t9.58",
        "机关运行经费\t250.30\t241.10",
    ]
    assert _flagged(tmp_path, "a.txt", "\n".join(rows) + "\n") == []


def _income_table(other: str) -> str:
    rows = [
        "某县农业农村局2024年部门决算",
        "第三部分 2024年度部门决算表",
        "收入决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年收入合计\t一般公共预算财政拨款收入\t其他收入",
        f"\t合计\t11986.28\t11918.28\t{other}",
        f"208\t社会保障和就业支出\t11584.96\t11516.96\t{other}",
        "210\t卫生健康支出\t158.20\t158.20\t",
        "221\t住房保障支出\t243.12\t243.12\t",
    ]
    return "\n".join(rows) + "\n"


def test_an_income_table_printing_the_kind_of_fiscal_income_sums_it(tmp_path: Path) -> None:
    """收入决算表 | 本年收入合计 | 一般公共预算财政拨款收入 | 其他收入: the fund's own column is a part of the 合计 as
    财政拨款收入 is (adv579 F2: `template.columns` errors, 11986.28 against 其他收入 68.00 alone)."""
    assert _flagged(tmp_path, "a.txt", _income_table("68.00")) == []
    assert _flagged(tmp_path, "b.txt", _income_table("78.00")) == [
        ("template.columns", "error", Decimal("11584.96"), Decimal("11594.96")),
        ("template.columns", "error", Decimal("11986.28"), Decimal("11996.28")),
    ]


def _budget_totals(carried: str) -> str:
    rows = [
        "某区教育局2025年部门预算",
        "第二部分 2025年部门预算表",
        "部门收支总表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t预算数\t项目\t预算数",
        "一、一般公共预算拨款收入\t900.00\t一、教育支出\t1000.00",
        "二、事业收入\t50.00\t\t",
        "本年收入合计\t950.00\t本年支出合计\t1000.00",
        f"上年结转\t{carried}\t结转下年\t",
        "收入总计\t1000.00\t支出总计\t1000.00",
        "部门收入总表",
        "单位：万元",
        "科目编码\t科目名称\t合计\t一般公共预算拨款\t事业收入",
        "\t合计\t950.00\t900.00\t50.00",
        "205\t教育支出\t950.00\t900.00\t50.00",
    ]
    return "\n".join(rows) + "\n"


def test_an_income_table_printing_no_carry_over_totals_the_years_income(tmp_path: Path) -> None:
    """部门收入总表 | 合计 950.00 with no 上年结转 column against the 部门收支总表's 收入总计 1000.00 = 本年收入合计 950.00 + 上年结转
    50.00: the two totals differ by the carry-over exactly — another definition, said as an info (adv579 F3: an error)."""
    assert _flagged(tmp_path, "a.txt", _budget_totals("50.00")) == []
    # (a carry-over that does not close the 总表 is still its own slip)
    assert ("template.sum", "error", Decimal("1000.00"), Decimal("1010.00")) in _flagged(
        tmp_path, "b.txt", _budget_totals("60.00")
    )


def test_a_place_named_with_a_numeral_and_a_counter_is_no_count(tmp_path: Path) -> None:
    """ "债务余额较大的依次为三台县205.73亿元": 三台县 is a county's name, not 3 台 (adv580: a count of 3 claimed, the subject
    of the amount cut to 县); "全市共有三个县" stays a count."""
    from extractors.numbers import find_quantities

    assert [q.text for _, q in find_quantities("依次为三台县205.73亿元")] == ["205.73亿元"]
    assert [q.text for _, q in find_quantities("全市共有三个县、两个区")] == ["三个", "两个"]


def test_a_rate_of_progress_after_an_item_is_the_items(tmp_path: Path) -> None:
    """ "其中：教育支出25142万元，预算执行进度51.7%，同比增长6.7%": 预算执行进度 (as 预算执行率) is the rate of the item
    before it, and so is the change after it (adv583: both read as an item named 预算执行进度, the rate never checked)."""
    from extractors.claims import extract_claims
    from extractors.txt_reader import read_txt

    path = tmp_path / "a.txt"
    path.write_text(
        _report(
            "某县2025年上半年预算执行情况的报告",
            "1-6月，全县一般公共预算支出完成98000万元。其中：教育支出25142万元，预算执行进度51.7%，同比增长6.7%；"
            "卫生健康支出12000万元，预算执行率50.2%，同比增长3.1%。",
        ),
        encoding="utf-8",
    )
    read = {c.quantity.text: (c.subject, c.relation) for c in extract_claims(read_txt(path, "0" * 64))}
    assert read["51.7%"] == ("教育支出", "rate")
    assert read["6.7%"] == ("教育支出", "change")
    assert read["50.2%"] == ("卫生健康支出", "rate")


def test_shares_under_a_head_naming_the_whole_printed_a_paragraph_up(tmp_path: Path) -> None:
    """ "（一）总体情况 › 一般公共预算财政拨款支出13293.95万元" then "（二）结构情况 › 2024年度一般公共预算财政拨款支出主要用于
    以下方面：A…，占3.63%；…": the head names the whole printed a paragraph up — one wrong part is one share off, the
    right shares stay right (adv579: the parts' own sum taken as the whole, three right shares flagged)."""
    text = _report(
        "某县农业农村局2024年度部门决算",
        "五、一般公共预算财政拨款支出决算情况说明",
        "（一）总体情况",
        "2024年度一般公共预算财政拨款支出13293.95万元。",
        "（二）结构情况",
        "2024年度一般公共预算财政拨款支出主要用于以下方面：社会保障和就业支出482.16万元，占3.63%；卫生健康支出198.73万元，"
        "占1.49%；农林水支出{farm}万元，占92.46%；住房保障支出321.45万元，占2.42%。",
    )
    assert _flagged(tmp_path, "a.txt", text.replace("{farm}", "12291.61")) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", text.replace("{farm}", "12219.61"))] == [
        ("share.stated-vs-computed", "warning", Decimal("92.46"))
    ]


def test_an_item_marked_as_a_subclass_is_the_tables_row_of_that_name(tmp_path: Path) -> None:
    """ "1.行政运行（项）600.00万元，比上年增加110.00万元。" against the table's row 2010501 | 行政运行 | 本年预算 600.00 |
    上年预算 500.00: （项） marks the level of the 科目, not another name (adv585: "未找到…本年数或上年数")."""
    text = "\n".join(
        [
            "某局2025年部门预算",
            "四、一般公共预算拨款支出预算情况",
            "1.行政运行（项）600.00万元，比上年增加{up}万元。",
            "表2 一般公共预算支出预算表",
            "单位：万元",
            "科目编码\t科目名称\t本年预算\t上年预算",
            "2010501\t行政运行\t600.00\t500.00",
            "\t合计\t600.00\t500.00",
        ]
    )
    assert _flagged(tmp_path, "a.txt", text.replace("{up}", "100.00") + "\n") == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", text.replace("{up}", "110.00") + "\n")] == [
        ("change.stated-vs-computed", "error", Decimal("110.00"))
    ]


def test_a_final_accounts_grand_total_counts_the_reserve_drawn_on(tmp_path: Path) -> None:
    """收入支出决算总表 | 本年收入合计 | 用事业基金弥补收支差额 | 使用非财政拨款结余 | 年初结转和结余 | 总计: a 事业单位's older
    layout adds the reserve drawn on to the 收入总计 (adv588: a false `template.sum` error in two documents, short of it by
    the reserve exactly)."""
    rows = [
        "某医院2024年度单位决算",
        "第三部分 2024年度单位决算表",
        "收入支出决算总表",
        "单位：万元",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t100.00\t一、教育支出\t90.00",
        "本年收入合计\t100.00\t本年支出合计\t90.00",
        "用事业基金弥补收支差额\t5.00\t结余分配\t0.00",
        "使用非财政拨款结余\t0.00\t\t",
        "年初结转和结余\t20.00\t年末结转和结余\t35.00",
        "总计\t{grand}\t总计\t125.00",
    ]
    text = "\n".join(rows) + "\n"
    assert _flagged(tmp_path, "a.txt", text.replace("{grand}", "125.00")) == []
    # (a wrong 总计 misses both its parts and the other side's: the one cell named)
    assert _flagged(tmp_path, "b.txt", text.replace("{grand}", "130.00")) == [
        ("sum.table-cell", "error", Decimal("130.00"), Decimal("125"))
    ]


def test_a_share_of_the_whole_its_own_text_prints_in_a_templates_section(tmp_path: Path) -> None:
    """ "三、支出决算情况说明 › 财政拨款支出2468.73万元，其中：基本支出1987.64万元，占80.51%。" beside a 支出决算表 of 合计
    2790.69: the share is of the whole printed before its part, not the table's 合计 (adv590: false `template.share`
    errors)."""
    rows = [
        "某学校2024年度部门决算",
        "三、支出决算情况说明",
        "财政拨款支出2468.73万元，其中：基本支出1987.64万元，占80.51%。",
        "支出决算表",
        "单位：万元",
        "科目名称\t本年支出合计",
        "教育支出\t2790.69",
        "合计\t2790.69",
    ]
    assert _flagged(tmp_path, "a.txt", "\n".join(rows) + "\n") == []


def test_a_change_naming_its_own_item_past_a_semicolon_is_not_of_the_level_before(tmp_path: Path) -> None:
    """ "事业收入1,641.90万元；经营收入比上年增加145.76万元，增长4.58%。": the run after "；" names its own item, whose
    level is not printed — never worked over 事业收入 (adv592: false `template.change` errors in three documents)."""
    text = _report(
        "某研究院2023年度单位决算情况说明", "事业收入1,641.90万元；经营收入比上年增加145.76万元，增长4.58%。"
    )
    assert _flagged(tmp_path, "a.txt", text) == []


def test_a_share_after_a_semicolon_naming_a_sibling_of_the_whole_before(tmp_path: Path) -> None:
    """ "财政拨款收入2468.73万元中，一般公共预算财政拨款2296.18万元，占93.01%，其中：…占一般公共预算财政拨款的25.42%；
    政府性基金预算财政拨款172.55万元，占6.99%。": another fund's 财政拨款 is the named whole's sibling, so its bare share
    is not of it (adv590: an error 172.55 ÷ 2296.18); the whole printed at the head ("…2468.73万元中，") is the first
    share's."""
    text = _report(
        "某学校2024年度部门决算",
        "二、收入决算情况说明",
        "财政拨款收入2468.73万元中，一般公共预算财政拨款2296.18万元，占93.01%，其中：基本支出经费1712.40万元，"
        "占一般公共预算财政拨款的74.58%，项目经费583.78万元，占一般公共预算财政拨款的25.42%；政府性基金预算财政拨款"
        "172.55万元，占6.99%。",
    )
    assert _flagged(tmp_path, "a.txt", text) == []
    assert [x[:3] for x in _flagged(tmp_path, "b.txt", text.replace("占93.01%", "占94.01%"))] == [
        ("share.stated-vs-computed", "error", Decimal("94.01"))
    ]


def test_two_tables_apart_by_the_reserve_drawn_on_and_the_carry_over_together(tmp_path: Path) -> None:
    """财务收支预算总表 收入总计 180.00 = 本年收入合计 160.00 + 用事业基金弥补收支差额 12.00 + 上年结转 8.00 against a 收入
    预算总表 合计 160.00: the two differ by the rows past the year's income exactly — another definition, an info (adv592:
    a false `template.cross-table` error)."""
    rows = [
        "某学校2025年单位预算",
        "财务收支预算总表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t预算数\t项目\t预算数",
        "一、财政拨款收入\t100.00\t一、教育支出\t180.00",
        "二、事业收入\t60.00\t\t",
        "本年收入合计\t160.00\t本年支出合计\t180.00",
        "用事业基金弥补收支差额\t12.00\t\t",
        "上年结转\t8.00\t\t",
        "收入总计\t180.00\t支出总计\t180.00",
        "收入预算总表",
        "单位：万元",
        "科目编码\t科目名称\t本年收入合计\t财政拨款收入\t事业收入",
        "\t合计\t160.00\t100.00\t60.00",
        "205\t教育支出\t160.00\t100.00\t60.00",
    ]
    assert _flagged(tmp_path, "a.txt", "\n".join(rows) + "\n") == []


def test_markdown_tables_printed_with_no_blank_line_between_them_stay_apart(tmp_path: Path) -> None:
    """Pipe tables copied from a web page with their titles and no blank lines ("表1 收支总表" / | … | / "表2 支出总表" /
    | … |): each line of text ends the table before it, so the second table keeps its own width (adv596: six false
    `template.columns` errors, 表2's 项目支出 column cut away)."""
    from extractors.md_reader import markdown_document

    text = "\n".join(
        [
            "# 某局2025年部门预算",
            "表1 收支总表",
            "| 收入项目 | 金额 | 支出项目 | 金额 |",
            "|---|---|---|---|",
            "| 一般公共预算拨款收入 | 100.00 | 教育支出 | 100.00 |",
            "| 收入总计 | 100.00 | 支出总计 | 100.00 |",
            "表2 支出总表",
            "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |",
            "|---|---|---|---|---|",
            "|  | 合计 | 100.00 | 60.00 | 40.00 |",
            "| 205 | 教育支出 | 100.00 | 60.00 | 40.00 |",
        ]
    )
    tables = markdown_document(text).tables()
    assert [(len(t.rows()), max(len(r) for r in t.rows())) for t in tables] == [(3, 4), (3, 5)]
    assert _flagged(tmp_path, "a.md", text + "\n") == []
