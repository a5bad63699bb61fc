"""Review round twenty-two (stop 34): false findings fresh reviews found on clean reports, each fixed at its
mechanism, and the slip each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_sixteen import _findings, _scan_txt

from extractors.registry import read_document
from extractors.report_kind import classify
from extractors.stitch import stitch_tables
from pipeline.analyze import analyze_file
from pipeline.findings import Finding


def _errors(found: list[Finding]) -> list[tuple[str, str, str, Decimal | None, Decimal | None]]:
    return [(f.rule, f.severity, f.subject, f.stated_value, f.expected_value) for f in found if f.severity != "info"]


def _report(*paragraphs: str) -> str:
    return "\n".join(["某县2025年预算执行情况和2026年预算草案的报告", "一、2025年预算执行情况", *paragraphs]) + "\n"


def test_savings_against_the_budget_is_a_change_not_a_base(tmp_path: Path) -> None:
    """ "较预算节约5.13万元，下降17.94%": 节约 is a change word (its 约 is no "about"), so 5.13 is the change and
    not the base of 下降17.94% (adv196 F9: 17.94 vs (23.47 − 5.13) ÷ 5.13 as an error); a wrong rate against a
    printed base is still found, and named by its item, not by "节"."""
    clean = "2025年度“三公”经费预算数为28.60万元，实际支出23.47万元，较预算节约5.13万元，下降17.94%。"
    assert _errors(_scan_txt(tmp_path / "a.txt", _report(clean))) == []
    slip = "2025年度“三公”经费实际支出23.47万元，较上年的26.35万元节约2.88万元，下降12.93%。"
    found = _errors(_scan_txt(tmp_path / "b.txt", _report(slip)))
    assert [(r, s, v, e) for r, _sev, s, v, e in found] == [
        ("change.stated-vs-computed", "三公经费", Decimal("12.93"), Decimal("10.93"))
    ]


def test_a_rate_of_an_item_whose_spending_its_clause_does_not_print(tmp_path: Path) -> None:
    """ "…执行188.08万元，执行率94.04%；其他资金全年预算数43.82万元，全部执行完毕，执行率100%": the 100% is of 其他资金,
    not of the 上年结转资金 spending before the "；" (adv196 F8); printed, its spending is checked and named."""
    head = "按资金来源分：上年结转资金全年预算数200.00万元，执行188.08万元，执行率94.04%；"
    clean = head + "其他资金全年预算数43.82万元，全部执行完毕，执行率100%。"
    assert _errors(_scan_txt(tmp_path / "a.txt", _report(clean))) == []
    slip = head + "其他资金全年预算数43.82万元，执行40.00万元，执行率100%。"
    found = _errors(_scan_txt(tmp_path / "b.txt", _report(slip)))
    assert [(r, s, v, e) for r, _sev, s, v, e in found] == [
        ("rate.execution-text", "其他资金", Decimal("100"), Decimal("91.28"))
    ]


def _fund_tables(own_income: str) -> list:
    income = [
        ["项目", "调整预算", "执行数"],
        ["国有土地使用权出让收入", "280,316", "271,333"],
        ["城市基础设施配套费收入", "12,063", "11,073"],
        ["政府性基金预算收入", "292,379", own_income],
        ["上级转移支付", "", "36,348"],
        ["上年结转", "", "26,671"],
        ["专项债务转贷收入", "", "251,471"],
        ["收入合计", "", "596,896"],
    ]
    return [
        "某市2025年预算执行情况和2026年预算草案的报告",
        "一、2025年预算执行情况",
        "市本级政府性基金预算收入28.2亿元，为调整预算的96.5%。",
        "表5 2025年市本级政府性基金预算收入执行表",
        "单位：万元",
        (income, []),
    ]


def test_a_fund_tables_bare_total_below_its_own_flow_holds_the_transfers(tmp_path: Path) -> None:
    """ "…政府性基金预算收入执行表": 政府性基金预算收入 | 上级转移支付 | 上年结转 | 专项债务转贷收入 | 收入合计 — the bare
    收入合计 adds the transfers, it is not the fund's own revenue the title names (adv194 F3–F4: the text's 31.3亿元
    against 收入合计 627499 as an error); the row of the fund's own revenue is still compared with the text."""
    assert _findings(tmp_path, "clean.docx", _fund_tables("282,406")) == []
    found = _findings(tmp_path, "slip.docx", _fund_tables("292,406"))
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("narrative_table.mismatch", Decimal("28.2"), Decimal("29.24"))
    ]


def _claims(path: Path, text: str) -> dict[str, str]:
    path.write_text(text, encoding="utf-8")
    return {c.quantity.text: c.subject for c in analyze_file(path).claims}


def test_respective_changes_pair_names_and_rates_in_order(tmp_path: Path) -> None:
    """ "公共安全支出、社会保障和就业支出、城乡社区支出分别增长1.3%、0.5%、0.1%" (a 和 inside one name) and
    "增值税12998万元，企业所得税4612万元，…，分别比上年增长6.4%、增长6.7%…" (one name and amount per clause): each
    rate is its own item's (adv194 F5–F6: every rate given the last item)."""
    names = _claims(
        tmp_path / "a.txt",
        _report("与2025年年初预算相比，公共安全支出、社会保障和就业支出、城乡社区支出分别增长1.3%、0.5%、0.1%。"),
    )
    assert [names[x] for x in ("1.3%", "0.5%", "0.1%")] == ["公共安全支出", "社会保障和就业支出", "城乡社区支出"]
    taxes = _claims(
        tmp_path / "b.txt",
        _report(
            "主要税种中，增值税12998万元，企业所得税4612万元，契税4942万元，分别比上年增长6.4%、增长6.7%、增长2.9%。"
        ),
    )
    assert [taxes[x] for x in ("6.4%", "6.7%", "2.9%")] == ["增值税", "企业所得税", "契税"]


def test_an_addend_ending_in_etc_leaves_the_chain_incomplete(tmp_path: Path) -> None:
    """ "县本级一般公共预算收入计划57007万元，加上上级补助收入172676万元等，县本级财力总计263413万元": the 等 says more
    addends are left out, so the shortfall is said as info (adv194 F7: an error); without 等 it is an error."""
    chain = "县本级一般公共预算收入计划57007万元，加上上级补助收入172676万元{etc}，县本级财力总计263413万元。"
    partial = [f for f in _scan_txt(tmp_path / "a.txt", _report(chain.format(etc="等"))) if f.rule.startswith("sum.")]
    assert [(f.rule, f.severity) for f in partial] == [("sum.enumeration-partial", "info")]
    full = [f for f in _scan_txt(tmp_path / "b.txt", _report(chain.format(etc=""))) if f.rule.startswith("sum.")]
    assert [(f.rule, f.severity, f.expected_value) for f in full] == [("sum.enumeration", "error", Decimal("229683"))]


def test_a_scope_carried_from_the_paragraph_before_meets_the_other_scopes_figure(tmp_path: Path) -> None:
    """ "调入资金8195万元，其中…" in a paragraph naming no scope, after the 全县 paragraph (调入资金8195万元) and the 县本级
    one (调入资金6024万元): its 本级 is only carried over and its value is 全县's, so the mismatch with 6024 is said as
    info (adv194 F1); a paragraph stating 县本级 itself keeps the error."""
    county = "全县收支平衡情况：一般公共预算收入98600万元，调入资金8195万元，收入总计106795万元。"
    level = "县本级收支平衡情况：一般公共预算收入82984万元，调入资金6024万元，收入总计89008万元。"
    carried = "调入资金8195万元，其中：从政府性基金预算调入3465万元，从其他资金调入4730万元。"
    found = [f for f in _scan_txt(tmp_path / "a.txt", _report(county, level, carried)) if f.rule.startswith("repeat")]
    assert [(f.rule, f.severity) for f in found] == [("repeat.different-values", "info")]
    assert "取自上文" in found[0].explanation
    stated = "县本级调入资金8195万元，其中：从政府性基金预算调入3465万元，从其他资金调入4730万元。"
    found = [f for f in _scan_txt(tmp_path / "b.txt", _report(county, level, stated)) if f.rule.startswith("repeat")]
    assert [(f.rule, f.severity, f.stated_value) for f in found] == [
        ("repeat.different-values", "error", Decimal("8195"))
    ]


def test_a_level_word_after_a_verb_is_no_body_and_a_share_takes_its_own_levels_whole(tmp_path: Path) -> None:
    """ "收入总计286449万元，安排县本级一般公共预算支出249298万元" names the level 本级, not a body "安排县本级"; and
    "全县主要支出项目安排：…预备费4163万元，占一般公共预算支出的1.2%" is a share of 全县's 336156, not of the 县本级
    249298 printed nearer (adv194 F2: 4163 ÷ 249298 = 1.67% as an error)."""
    text = _report(
        "2026年全县一般公共预算支出安排336156万元，上解上级支出2979万元，债务还本支出30094万元，支出总计369229万元。",
        "县本级一般公共预算收入预期85663万元。收入总计286449万元，安排县本级一般公共预算支出249298万元、上解上级支出"
        "1990万元、补助乡镇支出12423万元、债务还本支出22738万元，收支平衡。",
        "全县主要支出项目安排：教育支出58466万元，比上年预算下降0.1%；预备费4163万元，占一般公共预算支出的{share}%。",
    )
    path = tmp_path / "a.txt"
    path.write_text(text.format(share="1.2"), encoding="utf-8")
    result = analyze_file(path)
    level = next(c for c in result.claims if c.quantity.text == "249298万元")
    assert level.identity.scope == "本级"
    assert [f for f in result.findings if f.rule.startswith("share") and f.severity != "info"] == []
    found = _scan_txt(tmp_path / "b.txt", text.format(share="1.5"))
    assert [(f.rule, f.expected_value) for f in found if f.rule.startswith("share") and f.severity != "info"] == [
        ("share.stated-vs-computed", Decimal("1.24"))
    ]


def test_a_self_evaluation_of_project_funds_is_of_the_project_kind(tmp_path: Path) -> None:
    """ "浩门镇2023年度财政项目资金绩效自评报告" is a projects' self-evaluation (adv199: read as an unknown kind, so its
    slips were capped at warnings)."""
    path = tmp_path / "r.txt"
    path.write_text("浩门镇2023年度财政项目资金绩效自评报告\n一、项目基本情况\n", encoding="utf-8")
    assert classify(read_document(path)) == "项目支出绩效自评表"


def test_a_second_rate_naming_another_base_is_not_of_the_printed_one(tmp_path: Path) -> None:
    """ "收入安排75240万元，较2026年执行数71652万元增长5%，较2026年年初预算增长7.2%": the 7.2% is against the 年初预算,
    not the printed 执行数 (adv197 F1: 7.2 vs 5.01 as an error); the first rate is still checked on its printed base."""
    head = "县本级一般公共预算收入安排75240万元，较2026年执行数71652万元增长{rate}%，较2026年年初预算增长7.2%。"
    text = "关于某县2026年预算执行情况和2027年预算草案的报告\n二、2027年预算草案\n" + head + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(rate="5"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(rate="6")))
    assert [(r, v, e) for r, _sev, _s, v, e in found] == [("change.stated-vs-computed", Decimal("6"), Decimal("5.01"))]


def test_a_table_continued_under_its_own_caption_on_the_next_page_is_one_table() -> None:
    """表3 on p.5, then "续表3 / 单位：万元" above its next part on p.6 (the part sits under its caption, not at the top
    margin): one table, the repeated header dropped (adv200 F2, adv195 F1: the first part's total checked against
    its own rows only)."""
    from test_stitch import part, texts

    from extractors.model import Paragraph, Provenance

    head = [["项目", "决算数"]]
    a = part(
        5, [*head, ["一般公共预算支出合计", "6.00"], ["一般公共服务支出", "1.00"]], 600, title="表3", header_rows=1
    )
    b = part(6, [*head, ["教育支出", "2.00"], ["卫生健康支出", "3.00"]], 120, title="续表3", touches_top=False)
    caption = Paragraph(text="续表3", prov=Provenance("x", page=6))
    (t,) = [x for x in stitch_tables([a, caption, b]) if not isinstance(x, Paragraph)]
    assert texts(t) == [*head, ["一般公共预算支出合计", "6.00"], ["一般公共服务支出", "1.00"], ["教育支出", "2.00"],
                        ["卫生健康支出", "3.00"]]  # fmt: skip
    # without the caption saying so, a part away from the top margin is another table
    assert len(stitch_tables([a, b])) == 2


def _spending(rows: list[list[str]]) -> list[list[str]]:
    head = [
        ["项目", "全州", "", "州本级", ""],
        ["", "预算数", "决算数", "预算数", "决算数"],
        ["栏次", "1", "2", "3", "4"],
    ]
    return [*head, *rows]


def test_a_word_continuation_whose_repeat_runs_past_the_header_rows_is_joined(tmp_path: Path) -> None:
    """附表2 and "附表2（续）" in Word, each under the two header rows and the 栏次 row: one table (adv200 F1: the
    continuation's total checked against its own classes only, 附表2's classes "未列出")."""
    merges = [(0, 1, 0, 2), (0, 3, 0, 4)]
    first = _spending([["一般公共服务支出", "10", "9", "4", "4"], ["教育支出", "20", "19", "8", "7"]])
    rest = _spending([["住房保障支出", "5", "5", "2", "2"], ["一般公共预算支出合计", "35", "{total}", "14", "13"]])
    blocks = ["某州2023年财政决算", "附表2 2023年某州一般公共预算支出决算表", "单位：万元", (first, merges), "附表2（续）",
              "单位：万元"]  # fmt: skip
    clean = [*blocks, ([[x.format(total="33") for x in r] for r in rest], merges)]
    assert _findings(tmp_path, "clean.docx", clean) == []
    slip = [*blocks, ([[x.format(total="37") for x in r] for r in rest], merges)]
    found = _findings(tmp_path, "slip.docx", slip)
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-rows-omitted", Decimal("37"), Decimal("33"))
    ]


def _bonds(first: str) -> list:
    rows = [
        ["债券类型", "债券名称", "期限（年）", "发行金额"],
        ["一般债券", "2025年某省政府一般债券（一期）", "10", first],
        ["", "2025年某省政府再融资一般债券（三期）", "7", "171,917"],
        ["", "一般债券小计", "", "307,021"],
        ["专项债券", "2025年某省政府专项债券（二期）", "20", "251,334"],
        ["", "2025年某省政府再融资专项债券（四期）", "10", "63,641"],
        ["", "专项债券小计", "", "314,975"],
        ["合计", "", "", "621,996"],
    ]
    return ["某市2025年地方政府债务情况", "表4 某市2025年地方政府债券发行明细表", "单位：万元",
            (rows, [(1, 0, 2, 0), (4, 0, 5, 0), (7, 0, 7, 2)])]  # fmt: skip


def test_a_group_label_merged_down_beside_its_rows_closes_with_its_own_subtotal(tmp_path: Path) -> None:
    """一般债券 merged down beside its bonds, then 一般债券小计; 合计 at the foot: the 合计 adds the two 小计 rows and each
    小计 its bonds (adv195 F4–F5: 合计 against the first bond of each group as an error); a wrong bond is found on its
    小计."""
    assert _findings(tmp_path, "clean.docx", _bonds("135,104")) == []
    found = _findings(tmp_path, "slip.docx", _bonds("135,404"))
    assert [(f.rule, f.subject.split()[-1], f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-rows", "一般债券小计", Decimal("307021"), Decimal("307321"))
    ]
    total = _bonds("135,104")
    rows, merges = total[-1]
    total[-1] = ([*rows[:-1], ["合计", "", "", "622,996"]], merges)
    found = _findings(tmp_path, "total.docx", total)
    assert [(f.rule, f.subject.split()[-1], f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-rows", "合计", Decimal("622996"), Decimal("621996"))
    ]


def test_a_rate_restating_the_comparison_and_a_rate_between_level_and_base(tmp_path: Path) -> None:
    """ "收入完成180.35亿元，完成调整预算的101.2%，比上年的171.62亿元增加8.73亿元，同比增长5.1%": the growth is on the
    printed base though a completion rate stands between the level and it, and 同比 names no other base (found
    missed while checking adv197: the rate was left unresolved)."""
    text = (
        "关于某市2026年预算执行情况和2027年预算草案的报告\n一、2026年预算执行情况\n全市一般公共预算收入完成180.35亿元，"
        "完成调整预算的101.2%，比上年的171.62亿元增加8.73亿元，同比增长{rate}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(rate="5.1"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(rate="6.1")))
    assert [(r, v, e) for r, _sev, _s, v, e in found] == [
        ("change.stated-vs-computed", Decimal("6.1"), Decimal("5.09"))
    ]


def test_project_paragraphs_name_each_figure_by_its_project(tmp_path: Path) -> None:
    """ "3.河湖长制工作经费：年初预算185.00万元，调整后全年预算185.00万元，全年支出168.35万元，执行率91.00%" after
    "1.农村饮水安全巩固提升工程：…调整后全年预算1,280.00万元…": 调整后 is a measure word, not a name, and 全年支出 is
    the year's spending, so no project's figures are another's (adv204 F5–F8: four repeat errors)."""
    lines = [
        "某县水务局2024年度部门整体支出绩效自评报告",
        "（四）项目支出情况。",
        "1.农村饮水安全巩固提升工程：年初预算860.00万元，调整后全年预算1,280.00万元，全年支出1,246.52万元，执行率97.38%。",
        "3.河湖长制工作经费：年初预算185.00万元，调整后全年预算185.00万元，全年支出168.35万元，执行率{rate}%。",
    ]
    path = tmp_path / "a.txt"
    path.write_text("\n".join(lines).format(rate="91.00") + "\n", encoding="utf-8")
    result = analyze_file(path)
    spent = next(c for c in result.claims if c.quantity.text == "168.35万元")
    assert (spent.subject, spent.identity.measure) == ("河湖长制工作经费", "执行")
    assert _errors(result.findings) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", "\n".join(lines).format(rate="93.00") + "\n"))
    assert [(r, s, v, e) for r, _sev, s, v, e in found] == [
        ("rate.execution-text", "河湖长制工作经费", Decimal("93.00"), Decimal("91.00"))
    ]


def test_a_comparison_after_a_list_ending_in_nothing_is_of_the_whole(tmp_path: Path) -> None:
    """ "“三公”经费支出10.78万元，其中公务接待费2.36万元，公务用车运行维护费8.42万元，因公出国（境）费0元，较上年12.05万元
    减少1.27万元，下降10.54%": the zero part belongs to the list, and the comparison is the whole's (adv204 F3–F4)."""
    text = (
        "某县水务局2024年度部门整体支出绩效自评报告\n（三）“三公”经费\n“三公”经费支出10.78万元，其中公务接待费2.36万元，"
        "公务用车运行维护费8.42万元，因公出国（境）费0元，较上年12.05万元减少1.27万元，下降{rate}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(rate="10.54"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(rate="11.54")))
    assert [(r, s, v, e) for r, _sev, s, v, e in found] == [
        ("change.stated-vs-computed", "三公经费", Decimal("11.54"), Decimal("10.54"))
    ]


def _unit_budget(health: str) -> list:
    spending = [
        ["科目编码", "科目名称", "合计"],
        ["208", "社会保障和就业支出", "495.86"],
        ["210", "卫生健康支出", health],
    ]
    funds = [["支出功能分类科目", "合计", "一般公共预算", "政府性基金预算"], ["卫生健康支出", health, health, "0.00"]]
    return [
        "宾川县卫生健康局2025年单位预算",
        "一、支出预算情况",
        "按支出功能分，社会保障和就业支出、卫生健康支出分别为495.86万元、4,536.86万元。",
        "表4 宾川县卫生健康局2025年财政拨款收支预算总表",
        "单位：万元",
        (funds, []),
        "表6 宾川县卫生健康局2025年一般公共预算支出预算表（按功能科目分类）",
        "单位：万元",
        (spending, []),
    ]


def test_a_table_titled_for_a_fund_after_the_bodys_name_is_that_funds(tmp_path: Path) -> None:
    """ "宾川县卫生健康局2025年一般公共预算支出预算表": the fund the title names after the body's name and year is its
    cells' fund, so the text's 卫生健康支出 of all funds is not certainly that cell (adv204 F9: an error)."""
    from extractors.identity import last_word

    assert last_word("fund", "宾川县卫生健康局2025年一般公共预算支出预算表") == "一般公共预算"
    assert last_word("fund", "补助区县一般公共预算") == "一般公共预算"
    assert _findings(tmp_path, "a.docx", _unit_budget("2,601.06")) == []


def test_two_columns_of_one_row_are_never_one_figure(tmp_path: Path) -> None:
    """A row whose header the reader misplaced gives two cells the same column labels (资金总额 95.40, 财政拨款 10.00
    both under "185.50"): they are still two figures, never one printed twice (adv204 F1: an error blaming the
    10.00)."""
    rows = [
        ["项目名称", "资金", "资金", "资金"],
        ["动物防疫及检疫监管工作经费", "95.40", "10.00", "85.40"],
    ]
    blocks = ["某局2025年部门预算", "表十二 某局2025年项目绩效目标表", "单位：万元", (rows, [])]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("narrative_table")] == []


def test_a_source_named_apart_from_a_code_path_meets_its_own_column(tmp_path: Path) -> None:
    """ "5.农林水支出（类）农业农村（款）其他农业农村支出（项）…一般公共预算拨款10.00万元…；该项目另安排其他资金85.40万元":
    the 85.40 is the 其他资金 column's, not the 科目's total (adv204 F2: a warning); a wrong one is still found."""
    rows = [
        ["科目编码", "科目名称", "合计", "一般公共预算", "其他资金"],
        ["213", "农林水支出", "95.40", "10.00", "85.40"],
        ["21301", "农业农村", "95.40", "10.00", "85.40"],
        ["2130199", "其他农业农村支出", "95.40", "10.00", "85.40"],
    ]
    text = (
        "5.农林水支出（类）农业农村（款）其他农业农村支出（项）2025年一般公共预算拨款10.00万元，主要用于动物防疫；"
        "该项目另安排其他资金{other}万元。"
    )
    blocks = ["某局2025年部门预算", "一、支出预算情况", text, "表三 支出预算表", "单位：万元", (rows, [])]
    clean = [b.format(other="85.40") if isinstance(b, str) else b for b in blocks]
    assert [f for f in _findings(tmp_path, "a.docx", clean) if f.rule.startswith("item_code")] == []


def test_a_budget_level_with_last_year_against_only_last_years_actual_is_unsure(tmp_path: Path) -> None:
    """ "预备费20.0亿元，与上年持平" (2026's budget) where last year's 年初预算 20.0 and 实际支出 11.6 are printed: the
    actual is not certainly the base, so it is said as info (adv202 F1: an error)."""
    text = (
        "关于某省2025年预算执行情况与2026年预算草案的报告\n一、2025年预算执行情况\n"
        "省级年初预算安排预备费20.0亿元，实际支出11.6亿元，剩余8.4亿元全部转入预算稳定调节基金。\n"
        "二、2026年预算草案\n预备费20.0亿元，与上年持平。\n"
    )
    found = [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("direction")]
    assert [(f.rule, f.severity) for f in found] == [("direction.vs-prior-year", "info")]


def test_a_completion_rate_after_a_semicolon_naming_another_item(tmp_path: Path) -> None:
    """ "其中，教育支出68,425万元，占年度预算的53.1%，…；城乡社区支出进度相对较慢，仅完成年度预算的42.3%": the 42.3%
    is 城乡社区支出's, whose spending is not printed (adv202 F2: computed as 68,425 ÷ 128,860 from the table)."""
    text = "\n".join(
        [
            "关于某区2025年上半年预算执行情况的报告",
            "一、上半年预算执行情况",
            "（一）一般公共预算执行情况",
            "2.支出情况。1—6月，全区一般公共预算支出34.22亿元，为年度预算的51.2%，同比增长6.3%，快于序时进度1.2个百分点。",
            "表1  2025年1—6月全区一般公共预算主要支出项目执行情况",
            "单位：万元",
            "项目\t年度预算数\t1—6月执行数\t占年度预算（%）\t同比增长（%）",
            "教育支出\t128,860\t68,425\t53.1\t5.8",
            "城乡社区支出\t115,177\t48,720\t42.3\t12.6",
            "其中，教育支出68,425万元，占年度预算的53.1%，主要用于保障教师工资待遇；城乡社区支出进度相对较慢，仅完成年度"
            "预算的42.3%，主要是部分城市更新项目尚处于前期阶段。",
        ]
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) == []


def test_a_standard_title_followed_by_its_year_is_still_that_table() -> None:
    """ "公开06表 一般公共预算财政拨款基本支出决算表 2023年度": the year after the name leaves the standard table (its
    three column pairs) to the template family (adv201 F1–F2: its 302 checked against the middle pair only)."""
    from extractors.table_identity import identify_table

    assert identify_table("公开06表 一般公共预算财政拨款基本支出决算表 2023年度") == "js.gp_basic"
    assert identify_table("一般公共预算财政拨款基本支出决算表（2023年度）") == "js.gp_basic"


def test_a_change_opening_a_sentence_after_a_qizhong_list_is_the_heads(tmp_path: Path) -> None:
    """ "4.公务接待费支出6.42万元，其中：国内公务接待支出6.42万元，共接待52批次…；国（境）外公务接待支出0万元。较上年减少
    0.75万元，下降10.40%": the change is 公务接待费's, though the list was read no further than its first part
    (adv201 F3: computed on the 0万元)."""
    text = (
        "某局2023年度部门决算\n（三）“三公”经费\n4.公务接待费支出6.42万元，其中：国内公务接待支出6.42万元，共接待52批次、"
        "418人次；国（境）外公务接待支出0万元。较上年减少0.75万元，下降10.40%。\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    change = next(c for c in analyze_file(path).claims if c.quantity.text == "0.75万元")
    assert change.subject == "公务接待费"


def test_a_unit_reports_project_score_sheet_is_the_projects(tmp_path: Path) -> None:
    """A 单位决算 printing one project's 自评表 funds block (年度资金总额 | 150.00 | 168.50 | 168.50 | 10 | 100.00% |
    10.00): its 年度资金总额 is the project's money, not the unit's 支出合计 (adv201 F4: an error)."""
    rows = [
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "150.00", "168.50", "168.50", "10", "100.00%", "10.00"],
        ["其中：当年财政拨款", "150.00", "168.50", "168.50", "—", "100.00%", "—"],
    ]
    blocks = [
        "某文化馆2023年度单位决算公开说明",
        "一、收入支出决算总体情况说明",
        "2023年度本年支出合计678.74万元。",
        "（四）预算绩效管理情况",
        "群众文化活动项目绩效自评综述：全年预算数为168.50万元，执行数为168.50万元。",
        (rows, []),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("narrative_table")] == []


def _insurance(first: str) -> list:
    rows = [
        ["项目", "合计", "企业职工基本养老保险基金"],
        ["一、收入", "7,404,873", "7,404,873"],
        ["其中：1.保险费收入", first, first],
        ["2.财政补贴收入", "2,575,633", "2,575,633"],
        ["3.利息收入", "372,012", "372,012"],
        ["二、支出", "6,573,964", "6,573,964"],
    ]
    return ["某市2023年财政决算", "表7 某市2023年社会保险基金收支决算表", "单位：万元", (rows, [])]


def test_a_qizhong_row_numbered_1_opens_the_numbered_list(tmp_path: Path) -> None:
    """ "一、收入 | 其中：1.保险费收入 | 2.财政补贴收入 | 3.利息收入": the 其中 row is item 1 of the list (adv203 F1–F2:
    the total against items 2 and 3 only); a wrong item is still found."""
    assert [f for f in _findings(tmp_path, "a.docx", _insurance("4,457,228")) if f.rule.startswith("sum")] == []
    found = [f for f in _findings(tmp_path, "b.docx", _insurance("4,467,228")) if f.rule.startswith("sum")]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found[:1]] == [
        ("sum.table-rows", Decimal("7404873"), Decimal("7414873"))
    ]


def test_a_column_number_row_lettered_jia_holds_no_figures(tmp_path: Path) -> None:
    """ "甲 | 1=2+3 | 2 | 3 | 4=5+6 | 5 | 6" under a debt table's headers numbers its columns (adv203 F3–F4: read as a
    region 甲 whose 余额 5 exceeds its 限额 2)."""
    rows = [
        ["地区", "限额", "", "", "余额", "", ""],
        ["", "合计", "一般债务", "专项债务", "合计", "一般债务", "专项债务"],
        ["甲", "1=2+3", "2", "3", "4=5+6", "5", "6"],
        ["某市", "1,000", "400", "600", "900", "350", "550"],
    ]
    blocks = ["某市2023年政府债务情况", "表9 某市2023年地方政府债务限额和余额情况表", "单位：万元",
              (rows, [(0, 1, 0, 3), (0, 4, 0, 6), (0, 0, 1, 0)])]  # fmt: skip
    assert _findings(tmp_path, "a.docx", blocks) == []


def test_general_and_special_transfers_alone_are_not_every_transfer(tmp_path: Path) -> None:
    """ "省对我市转移支付3,385,066万元…其中一般性转移支付2,450,633万元…；专项转移支付736,508万元": many reports count
    返还性收入 in 转移支付 too, so the two are not certainly every part (adv203 F5: an error)."""
    text = _report(
        "2023年省对我市转移支付3,385,066万元，增长5.1%。其中一般性转移支付2,450,633万元，占72.4%；专项转移支付736,508万元，"
        "占21.8%。"
    )
    found = [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("sum.")]
    assert [(f.rule, f.severity) for f in found] == [("sum.enumeration-partial", "info")]


def test_the_budget_named_inside_a_rate_is_no_level_of_a_change(tmp_path: Path) -> None:
    """ "支出合计8.80万元，完成预算9.50万元的92.63%，比上年9.21万元减少0.41万元，下降4.45%": the change is of the 8.80, not
    of the budget the rate names (found while reviewing this round's own change: an error on 9.50)."""
    text = (
        "某镇2025年度部门整体支出绩效自评报告\n（三）“三公”经费\n2025年“三公”经费支出合计8.80万元，完成预算9.50万元的"
        "92.63%，比上年9.21万元减少0.41万元，下降{rate}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(rate="4.45"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(rate="5.45")))
    assert [(r, v, e) for r, _sev, _s, v, e in found] == [
        ("change.stated-vs-computed", Decimal("5.45"), Decimal("4.45"))
    ]


def test_a_budget_reached_after_additions_is_a_level(tmp_path: Path) -> None:
    """ "年中经追加调整后全年预算数为4368.56万元，全年实际支出4165.47万元，预算执行率为95.35%": the 4368.56 is the
    adjusted budget (a level), not the amount added, so the rate is on it."""
    text = (
        "某局2023年度部门整体支出绩效自评报告\n（一）预算执行情况\n2023年初部门预算安排3760.32万元，年中经追加调整后全年预算数"
        "为4368.56万元，全年实际支出4165.47万元，预算执行率为{rate}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(rate="95.35"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(rate="96.35")))
    assert [(r, v, e) for r, _sev, _s, v, e in found] == [("rate.execution-text", Decimal("96.35"), Decimal("95.35"))]


def test_a_satisfaction_rate_is_the_satisfied_over_the_surveyed(tmp_path: Path) -> None:
    """ "抽查回访120户，表示满意的113户，满意度94.17%" (adv199: a rate printed as 94.71% was missed); counts of another
    unit, or a survey naming no satisfied count, are not judged."""
    text = "某镇2023年度部门整体支出绩效自评报告\n（三）满意度\n{sentence}\n"
    ok = "抽查回访120户，表示满意的113户，满意度94.17%。"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(sentence=ok))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(sentence=ok.replace("94.17", "94.71"))))
    assert [(r, v, e) for r, _sev, _s, v, e in found] == [("rate.satisfaction", Decimal("94.71"), Decimal("94.17"))]
    other = "发放问卷120份，回访群众113人，满意度94.71%。"
    assert _errors(_scan_txt(tmp_path / "c.txt", text.format(sentence=other))) == []


def _identities(path: Path, text: str) -> dict[str, tuple[str, str]]:
    path.write_text(text, encoding="utf-8")
    return {c.quantity.text: (c.subject, c.identity.fund) for c in analyze_file(path).claims}


def test_four_funds_listed_once_name_both_respective_runs(tmp_path: Path) -> None:
    """ "全县一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算收入分别为A、B、C、D，支出分别为E、F、G、H": each
    figure is its own fund's income or spending (adv205 F3–F5: every one read as 社会保险基金预算支出)."""
    found = _identities(
        tmp_path / "a.txt",
        _report(
            "全县一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算收入分别为28.64亿元、19.86亿元、0.95亿元、"
            "36.42亿元，支出分别为100.23亿元、27.65亿元、0.26亿元、35.17亿元。"
        ),
    )
    assert found["19.86亿元"] == ("政府性基金预算收入", "政府性基金预算")
    assert found["100.23亿元"] == ("一般公共预算支出", "一般公共预算")
    assert found["0.26亿元"] == ("国有资本经营预算支出", "国有资本经营预算")


def test_two_respective_runs_of_rates_in_one_sentence(tmp_path: Path) -> None:
    """ "全市和市级…收入分别预计为A和B，分别比2025年执行数增长4.0%和2.9%；全市和市级…支出分别安排C和D，分别比2025年年初预算
    增长1.8%和2.4%": the second run pairs too (adv205 F6: 1.8% given to 市级)."""
    text = _report(
        "全市和市级一般公共预算收入分别预计为248.2亿元和73.3亿元，分别比2025年执行数增长4.0%和2.9%；全市和市级一般公共预算"
        "支出分别安排471.2亿元和104.6亿元，分别比2025年年初预算增长1.8%和2.4%。"
    )
    found = _identities(tmp_path / "a.txt", text)
    assert [found[x][0] for x in ("1.8%", "2.4%")] == ["全市一般公共预算支出", "市级一般公共预算支出"]


def test_a_qizhong_after_an_outcome_said_only_as_a_rate_of_the_budget(tmp_path: Path) -> None:
    """ "…收入预算经市人大常委会批准调整为71.8亿元，实际完成数为调整预算的99.2%。其中，市级税收收入46.89亿元，非税收入
    24.35亿元": the parts break down the outcome (unprinted), not the adjusted budget (adv205 F1–F2: errors)."""
    text = _report(
        "执行中，市级一般公共预算收入预算经市人大常委会批准调整为71.8亿元，实际完成数为调整预算的99.2%。其中，市级税收收入"
        "46.89亿元，非税收入24.35亿元。"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("sum.")] == []


def test_an_execution_rate_after_a_broken_down_spending_is_the_wholes(tmp_path: Path) -> None:
    """ "实际支出1548.92万元，其中中央资金620.00万元、省级资金528.12万元、县级资金400.80万元；预算执行率97.64%": the rate is
    of the 1548.92 (adv207 F1: of the last part, 400.80)."""
    text = (
        "某县农业农村局2023年度项目支出绩效自评报告\n（一）项目概况及资金情况\n项目全年预算1586.40万元，其中中央资金620.00万元、"
        "省级资金540.40万元、县级资金426.00万元；实际支出1548.92万元，其中中央资金620.00万元、省级资金528.12万元、县级资金"
        "400.80万元；预算执行率{rate}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format(rate="97.64"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format(rate="96.64")))
    assert [(r, v, e) for r, _sev, _s, v, e in found] == [("rate.execution-text", Decimal("96.64"), Decimal("97.64"))]


def test_money_named_by_the_level_it_comes_from_is_no_scope(tmp_path: Path) -> None:
    """ "中央资金支出2286.50万元，省级资金支出1098.40万元，市级资金支出226.80万元，区级资金支出392.60万元": 省级/市级/区级资金
    are sources, not the scope 本级, so the three are not one figure (adv207 F2–F3: repeat errors)."""
    from extractors.identity import last_word

    assert last_word("scope", "省级资金支出") == ""
    assert last_word("scope", "市级一般公共预算收入") == "本级"
    text = (
        "某区2023年度农村供水保障工程项目财政重点绩效评价报告\n（二）项目资金投入和使用情况\n分来源看，中央资金支出2286.50万元，"
        "省级资金支出1098.40万元，市级资金支出226.80万元，区级资金支出392.60万元。其中，省级资金支出1098.40万元，执行率"
        "91.53%；区级资金支出392.60万元。\n"
    )
    assert [
        f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("repeat") and f.severity != "info"
    ] == []


def _appropriations(total: str) -> list:
    rows = [
        ["收入", "", "支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、本年收入", "4,031.16", "一、本年支出", "4,031.16"],
        ["（一）一般公共预算拨款", "4,031.16", "八、社会保障和就业支出", "278.21"],
        ["（二）政府性基金预算拨款", "", "九、卫生健康支出", "121.35"],
        ["", "", "十、节能环保支出", "3,631.60"],
        ["二、上年结转", "", "二、年终结转结余", ""],
        ["收入总计", "4,031.16", "支出总计", total],
    ]
    return [
        "某市生态环境局2025年部门预算",
        "表4 财政拨款收支总表",
        "单位：万元",
        (rows, [(0, 0, 0, 1), (0, 2, 0, 3)]),
    ]


def test_class_rows_under_the_years_own_spending_keep_their_national_numbers(tmp_path: Path) -> None:
    """财政拨款收支总表's spending side: 一、本年支出 | 八、… | 九、… | 十、… | 二、年终结转结余 | 支出总计: the 类 rows are
    本年支出's, so the total is 一、 + 二、 (adv206 F1: 支出总计 against 一、 and the 类 rows, twice the total)."""
    found = [f for f in _findings(tmp_path, "a.docx", _appropriations("4,031.16")) if f.rule == "template.sum"]
    assert found == []
    found = [f for f in _findings(tmp_path, "b.docx", _appropriations("4,131.16")) if f.rule == "template.sum"]
    assert [(f.stated_value, f.expected_value) for f in found] == [(Decimal("4131.16"), Decimal("4031.16"))]


def test_a_workbook_sheet_name_before_a_standard_title() -> None:
    """ "4财政拨款收支总表 财政拨款收支总表" (the sheet's name, then the title printed in it) is the standard table
    (adv206 F2: no standard table of the workbook recognised, its 目录 said to list a missing one)."""
    from extractors.table_identity import identify_table

    assert identify_table("4财政拨款收支总表 财政拨款收支总表") == "ys.czbk_total"


def test_a_parts_own_rate_right_after_it_is_the_parts(tmp_path: Path) -> None:
    """ "全年实际支出2465.00万元，预算执行率97.90%，其中：基本支出1896.07万元，执行率99.51%": the 99.51% follows its part, so
    it is the part's, not the whole's (found while checking this round's change on adv73)."""
    text = (
        "某局2024年度部门整体支出绩效自评报告\n（三）部门整体支出规模\n全年预算数2517.82万元，其中：基本支出1905.34万元，项目支出"
        "612.48万元。全年实际支出2465.00万元，预算执行率97.90%，其中：基本支出1896.07万元，执行率99.51%；项目支出568.93万元，"
        "执行率92.89%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_text_figure_naming_no_measure_printed_in_another_column_of_the_row(tmp_path: Path) -> None:
    """ "…共下达资金…县（区）级资金436.50万元" against a table row 县（区）级资金 | 436.50 | 436.50 | 347.20: the text's figure is
    the row's 下达/到位 column, not its 实际支出 (found while checking this round's change on adv101)."""
    rows = [["资金来源", "计划下达", "实际到位", "实际支出"], ["县（区）级资金", "436.50", "436.50", "347.20"]]
    blocks = [
        "某区2023年农村供水保障工程项目财政支出绩效评价报告",
        "（二）项目资金投入和使用情况",
        "2023年该项目共下达资金436.50万元，其中：县（区）级资金436.50万元。",
        "表1 项目资金来源及支出情况表",
        "单位：万元",
        (rows, []),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("narrative_table")] == []


def test_the_accounts_of_one_social_insurance_fund_are_that_funds(tmp_path: Path) -> None:
    """ "城乡居民基本养老保险基金当年收支缺口2.00亿元，…，年末滚存结余374.91亿元" and "机关事业单位基本养老保险基金收入
    771.71亿元，其中财政补贴收入154.57亿元": the later figures are the one fund's, not all funds' (adv208 F1–F4)."""
    names = _claims(
        tmp_path / "a.txt",
        _report(
            "全省社会保险基金年末滚存结余5652.66亿元。城乡居民基本养老保险基金当年收支缺口2.00亿元，动用历年滚存结余弥补，年末滚存"
            "结余374.91亿元。机关事业单位基本养老保险基金收入771.71亿元，其中财政补贴收入154.57亿元。"
        ),
    )
    assert names["374.91亿元"] == "城乡居民基本养老保险基金年末滚存结余"
    assert names["154.57亿元"] == "机关事业单位基本养老保险基金财政补贴收入"


def test_an_area_heading_the_sentence_is_the_scope_of_its_figures(tmp_path: Path) -> None:
    """ "分地区看，成都市一般公共预算收入1276.81亿元，其中税收收入909.36亿元，一般公共预算支出1770.48亿元": every figure is
    成都市's (adv208 F5: the 1770.48 against 全省's spending as an error)."""
    path = tmp_path / "a.txt"
    path.write_text(
        _report(
            "全省一般公共预算支出12200.21亿元。",
            "分地区看，成都市一般公共预算收入1276.81亿元，其中税收收入909.36亿元，一般公共预算支出1770.48亿元。",
        ),
        encoding="utf-8",
    )
    result = analyze_file(path)
    spending = next(c for c in result.claims if c.quantity.text == "1770.48亿元")
    assert spending.identity.scope == "成都市"
    assert [f for f in result.findings if f.rule.startswith("repeat") and f.severity != "info"] == []


def test_a_scope_word_inside_the_head_is_no_area(tmp_path: Path) -> None:
    """ "2024年初全区政府债务余额240,900万元，…": the head's "初全区" holds the scope word 全区, no area's name (found while
    checking this round's change on adv163: the roll-forward of the balance was lost)."""
    path = tmp_path / "a.txt"
    path.write_text(
        _report(
            "2024年初全区政府债务余额240,900万元，全年新增政府债务40,600万元，偿还政府债务本金11,700万元，年末全区政府债务余额269,800万元。"
        ),
        encoding="utf-8",
    )
    opening = next(c for c in analyze_file(path).claims if c.quantity.text == "240,900万元")
    assert opening.identity.scope == "全区"


def test_last_years_budget_in_a_code_path_sentence_is_not_the_items_amount(tmp_path: Path) -> None:
    """ "5.…行政单位离退休（项）612.38万元，上年预算数为612.81万元": the 612.81 is last year's (adv212 F1: twelve errors
    against the rows' 612.38)."""
    rows = [
        ["科目编码", "科目名称", "合计"],
        ["208", "社会保障和就业支出", "612.38"],
        ["20805", "行政事业单位养老支出", "612.38"],
        ["2080501", "行政单位离退休", "612.38"],
    ]
    text = "5.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）612.38万元，上年预算数为612.81万元，下降0.07%。"
    blocks = ["某局2026年部门预算", "（二）支出预算情况", text, "表3 支出预算表", "单位：万元", (rows, [])]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("item_code")] == []


def test_a_column_of_averages_is_not_summed(tmp_path: Path) -> None:
    """A 加权平均期限 (or 平均利率) column's 合计 row is an average of the rows, no sum (adv212 F2: an error)."""
    rows = [
        ["月份", "发行金额", "加权平均期限（年）"],
        ["1月", "100.0", "12.6"],
        ["2月", "50.0", "14.2"],
        ["合计", "150.0", "13.1"],
    ]
    blocks = ["某省2025年地方政府债务情况", "表2 2025年政府债券发行情况表", "单位：亿元", (rows, [])]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("sum")] == []


def test_a_bare_spending_in_a_paragraph_labelled_by_its_item_is_the_items(tmp_path: Path) -> None:
    """ "3.公务用车运行维护费：主要用于…。本年支出5.24万元，较上年减少0.58万元，下降10.04%": the 本年支出 is the item's,
    not the department's 本年支出合计 (adv210 F5–F6: computed on last year's 1986.42)."""
    text = _report(
        "本年支出合计2,099.62万元，较上年增长5.7%（上年为1,986.42万元）。",
        "3.公务用车运行维护费：主要用于公务用车燃料费、维修费、保险费。本年支出5.24万元，较上年减少0.58万元，下降10.04%。",
    )
    spent = _claims(tmp_path / "a.txt", text)["5.24万元"]
    assert spent == "公务用车运行维护费"
    assert [
        f for f in _scan_txt(tmp_path / "b.txt", text) if f.rule.startswith("change") and f.severity != "info"
    ] == []


def test_a_code_paths_spending_is_not_compared_with_an_income_table(tmp_path: Path) -> None:
    """ "教育支出（类）普通教育（款）小学教育（项）…支出决算为2,018.77万元" against the 收入决算表's row of that code (its
    income from every source, 2,071.57): a different measure (adv210 F2–F4: errors)."""
    income = [["科目编码", "科目名称", "本年收入合计", "事业收入"], ["205", "教育支出", "2,071.57", "52.80"],
              ["20502", "普通教育", "2,071.57", "52.80"], ["2050202", "小学教育", "2,071.57", "52.80"]]  # fmt: skip
    text = "教育支出（类）普通教育（款）小学教育（项）年初预算为1,890.00万元，支出决算为2,018.77万元。"
    blocks = ["某学校2023年度部门决算", "（五）一般公共预算财政拨款支出决算具体情况", text, "表2 收入决算表", "单位：万元",
              (income, [])]  # fmt: skip
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("item_code")] == []
