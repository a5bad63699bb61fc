"""Review round twenty-six (stop 35): false findings fresh reviews found on clean reports, each fixed at its
mechanism, and the slip each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_sixteen import _findings, _scan_txt

from pipeline.findings import Finding


def _errors(found: list[Finding]) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    return [(f.rule, f.subject, f.stated_value, f.expected_value) for f in found if f.severity != "info"]


def _score_sheet(total_row: str) -> str:
    rows = [
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t180.00\t230.50\t210.50\t10\t91.32%\t9.13",
        "\t其中：当年财政拨款\t180.00\t230.50\t210.50\t—\t—\t—",
        "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t产业帮扶项目数（个）\t≥6\t6\t20\t20",
        "\t质量指标\t项目验收合格率\t=100%\t100%\t15\t15",
        "\t时效指标\t资金拨付及时率\t≥95%\t88%\t15\t13",
        "效益指标\t社会效益指标\t脱贫人口人均纯收入增长率\t≥8%\t7.6%\t30\t28",
        "满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t95%\t10\t9.5",
        total_row,
    ]
    return "\n".join(["某镇2023年度项目支出绩效自评表", "", "项目支出绩效自评表", *rows]) + "\n"


def test_a_short_total_row_as_wide_as_its_own_block_is_placed_as_written(tmp_path: Path) -> None:
    """A tab-separated score sheet whose 项目资金 block is 8 columns and its 指标 block 7: the 总分 row, 7 cells like
    the rows above it, is that block's row as written — not a merged label with its figures pushed right onto the
    8-column grid, which read the 分值 total 100 as the 得分 total (adv210 F1). A wrong 总分 is still found."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _score_sheet("总分\t\t\t\t\t100\t94.63"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _score_sheet("总分\t\t\t\t\t100\t96.63")))
    assert [(r, v, e) for r, _s, v, e in found] == [("scoresheet.total", Decimal("96.63"), Decimal("94.63"))]


def _report(*paragraphs: str) -> str:
    return "\n".join(["某省2024年预算执行情况和2025年预算草案的报告", "一、2024年预算执行情况", *paragraphs]) + "\n"


def test_a_share_of_a_scope_named_alone_is_of_that_scopes_figure(tmp_path: Path) -> None:
    """ "省本级一般公共预算收入519.6亿元，占全省的17.32%": the whole named only by its scope is the part's own figure
    at that scope (全省一般公共预算收入), or the total of the part's 其中 when it is of that scope; a wrong share is
    found (it went unchecked: "未找到占比的分母“全省”")."""
    clean = _report(
        "2024年全省一般公共预算收入3000亿元，增长5%。省本级一般公共预算收入519.6亿元，占全省的17.32%。",
        "全省政府性基金预算收入1200亿元，其中省本级收入120亿元，占全省的10%。",
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", clean)) == []
    slip = clean.replace("17.32%", "18.32%").replace("的10%", "的12%")
    assert [(r, v, e) for r, _s, v, e in _errors(_scan_txt(tmp_path / "b.txt", slip))] == [
        ("share.stated-vs-computed", Decimal("18.32"), Decimal("17.32")),
        ("share.stated-vs-computed", Decimal("12"), Decimal("10")),
    ]


def _self_evaluation(project: str) -> str:
    return (
        "\n".join(
            [
                "某区水利局2024年度部门整体支出绩效自评报告",
                "一、资金到位情况",
                "全年预算资金4,015.72万元，实际到位资金3,968.05万元，资金到位率98.81%。",
                "二、项目绩效情况",
                project,
            ]
        )
        + "\n"
    )


def test_a_share_whose_whole_its_own_sentence_prints(tmp_path: Path) -> None:
    """ "预算数512.80万元，实际到位480.00万元，到位率93.60%；实际支出468.22万元，…，占到位资金的97.55%": the whole is the
    project's 实际到位 of the same sentence, not the department's 实际到位资金 of the paragraph before (adv215 F1: 97.55
    vs 468.22 ÷ 3968.05 as an error); and 实际支出 after 实际到位 is the project's spending, not another 到位."""
    text = "3.水土保持综合治理项目。预算数512.80万元，实际到位480.00万元，到位率93.60%；实际支出468.22万元，占到位资金的{}。"
    assert _errors(_scan_txt(tmp_path / "a.txt", _self_evaluation(text.format("97.55%")))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _self_evaluation(text.format("95.55%"))))
    assert found == [("share.stated-vs-computed", "支出", Decimal("95.55"), Decimal("97.55"))]


def test_an_aspect_names_its_figures_and_a_base_before_bi_names_its_item(tmp_path: Path) -> None:
    """ "“三公”经费方面，全年预算12.50万元，实际支出9.86万元；“三公”经费支出比上年的10.74万元下降8.19%": the figures are
    the aspect's (三公经费), the base's name stops before its 比, so the change is checked (it was left unresolved, named
    因公出国（境）费 or "三公经费支出比")."""
    text = "“三公”经费方面，全年预算12.50万元，实际支出9.86万元；“三公”经费支出比上年的10.74万元下降{}。"
    assert _errors(_scan_txt(tmp_path / "a.txt", _report(text.format("8.19%")))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _report(text.format("9.19%"))))
    assert found == [("change.stated-vs-computed", "三公经费", Decimal("9.19"), Decimal("8.19"))]


def _evaluation(rate: str) -> str:
    return (
        "\n".join(
            [
                "某区2023年度农牧民转移就业技能培训项目绩效评价报告",
                "一、项目基本情况",
                "2023年该项目预算安排资金1,280.00万元，其中中央财政补助资金860.00万元、自治区财政资金300.00万元、"
                "市级配套资金120.00万元。截至2023年12月31日，项目资金实际到位1,280.00万元，到位率100%；"
                f"实际支出1,196.54万元，预算执行率{rate}，结余资金83.46万元。",
            ]
        )
        + "\n"
    )


def test_an_execution_rate_whose_budget_an_earlier_sentence_of_its_paragraph_prints(tmp_path: Path) -> None:
    """ "该项目预算安排资金1,280.00万元，…。截至2023年12月31日，…实际支出1,196.54万元，预算执行率93.48%": the budget of
    the sentence before (naming no item of its own) is the rate's, and 截至12月31日 is the whole year, not a stretch of
    it; 实际支出 after 项目资金实际到位 is spending. It went unchecked; a wrong rate is now a warning (another
    sentence's budget is likely, not certainly, the rate's)."""
    clean = _errors(_scan_txt(tmp_path / "a.txt", _evaluation("93.48%")))
    assert clean == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", _evaluation("94.48%")) if f.severity != "info"]
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("rate.execution-text", "warning", Decimal("94.48"), Decimal("93.48"))
    ]


def _final_accounts(*paragraphs: str) -> str:
    return "\n".join(["某市交通运输局2023年度部门决算", "第二部分 2023年度部门决算情况说明", *paragraphs]) + "\n"


def test_two_projects_each_opening_its_paragraph_are_two_items(tmp_path: Path) -> None:
    """ "学前教育普惠发展专项项目绩效自评综述：…项目自评得分94.5分。全年预算数为9650.00万元，…" and the next project's
    paragraph: each paragraph's figures are its project's (the run-in name), not one "项目自评得分" (a score's name
    taken by an amount) under the heading "部门决算中项目绩效自评结果" (adv213 F1–F2: two repeat errors)."""

    def project(name: str, score: str, budget: str, spent: str, rate: str) -> str:
        return (
            f"{name}绩效自评综述：根据年初设定的绩效目标，项目自评得分{score}分。全年预算数为{budget}万元，"
            f"执行数为{spent}万元，完成预算的{rate}。"
        )

    text = _final_accounts(
        "十三、预算绩效情况说明",
        "（二）部门决算中项目绩效自评结果",
        project("学前教育普惠发展专项项目", "94.5", "9650.00", "9418.27", "97.60%"),
        project("中小学校舍安全改造项目", "91.0", "6420.00", "5873.66", "{}"),
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("91.49%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("93.49%")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("rate.completion", "中小学校舍安全改造项目", Decimal("93.49"), Decimal("91.49"))
    ]


def test_a_change_after_a_list_may_be_its_wholes(tmp_path: Path) -> None:
    """ "财政拨款收入53416.98万元，其中：…，国有资本经营预算财政拨款120.00万元，比上年增加2896.62万元，增长5.73%": an
    increase no smaller than the list's last part is the whole's (adv213 F3: 5.73 vs −104.32 as an error); a wrong
    rate is found on the whole."""
    text = _final_accounts(
        "二、收入决算情况说明",
        "2023年度财政拨款收入53416.98万元，其中：一般公共预算财政拨款37296.98万元，政府性基金预算财政拨款16000.00万元，"
        "国有资本经营预算财政拨款120.00万元，比上年增加2896.62万元，增长{}。",
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("5.73%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("6.73%")))
    assert [(r, v, e) for r, _s, v, e in found] == [("template.change", Decimal("6.73"), Decimal("5.73"))]


def test_an_added_chain_after_a_levels_qizhong_adds_to_that_level(tmp_path: Path) -> None:
    """ "…支出合计29840万元，结转下年880万元。其中，市本级国有资本经营预算收入12450万元，为调整预算的103.8%，加上上级补助
    收入860万元、上年结转310万元，收入总计13620万元": the chain adds to the 市本级 level, not to the 全市 支出合计 of the
    sentence before (adv214 F1: 29840 + 860 + 310 as an error); a wrong total is found."""
    text = _report(
        "全市国有资本经营预算收入28640万元，为调整预算的104.1%。加上上级补助收入1260万元、上年结转820万元，收入总计30720万元。"
        "全市国有资本经营预算支出14380万元，调出资金15460万元，支出合计29840万元，结转下年880万元。"
        "其中，市本级国有资本经营预算收入12450万元，为调整预算的103.8%，加上上级补助收入860万元、上年结转310万元，"
        "收入总计{}万元；支出6180万元，调出资金7200万元，结转下年240万元。"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("13620"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("13820")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("sum.enumeration", "收入总计", Decimal("13820"), Decimal("13620"))
    ]


def test_a_rate_on_a_comparable_basis_said_after_it(tmp_path: Path) -> None:
    """ "州本级一般公共预算收入完成231405万元，…，增长3.9%（可比口径）" against a table whose 上年执行数 gives −0.3%: the
    basis in the bracket after the rate makes it another measure (adv214 F2: an error); a rate said plainly is still
    checked against the table."""
    table = "\n".join(
        [
            "附表3 州本级一般公共预算收入执行情况表",
            "单位：万元",
            "项目\t调整预算数\t执行数\t上年执行数",
            "州本级一般公共预算收入\t224017\t231405\t232090",
        ]
    )
    said = "州本级一般公共预算收入完成231405万元，增长{}。"
    clean = _report(said.format("3.9%（可比口径）")) + table + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", clean)) == []
    slip = _report(said.format("3.9%")) + table + "\n"
    found = _errors(_scan_txt(tmp_path / "b.txt", slip))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("3.9"), Decimal("-0.30"))]


def test_a_change_from_the_figure_its_sentence_names(tmp_path: Path) -> None:
    """ "全州一般公共预算支出预算由年初的468.00亿元调整为512.64亿元，增加44.64亿元": the change is from the 年初 figure the
    sentence names, not from last year's 执行数 in a table (an error once the table's 合计 row was found); the amount is
    the adjustment family's, a rate (增长9.54%) is checked on the figure named."""
    table = "\n".join(
        [
            "附表2 全州一般公共预算支出执行情况表",
            "单位：万元",
            "项目\t2024年执行数\t年初预算数\t调整预算数\t执行数",
            "一般公共预算支出合计\t4867210\t4680000\t5126400\t4982635",
        ]
    )
    said = "执行中，全州一般公共预算支出预算由年初的468.00亿元调整为512.64亿元，增加{}亿元。"
    assert _errors(_scan_txt(tmp_path / "a.txt", _report(said.format("44.64")) + table + "\n")) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _report(said.format("46.64")) + table + "\n"))
    assert [(r, v, e) for r, _s, v, e in found] == [("adjustment.stated-in-text", Decimal("46.64"), Decimal("44.64"))]
    rate = "执行中，全州一般公共预算支出预算由年初的468.00亿元调整为512.64亿元，增长{}。"
    assert _errors(_scan_txt(tmp_path / "c.txt", _report(rate.format("9.54%")) + table + "\n")) == []
    found = _errors(_scan_txt(tmp_path / "d.txt", _report(rate.format("9.84%")) + table + "\n"))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("9.84"), Decimal("9.54"))]


def test_last_years_column_is_no_unsettled_printing_and_the_total_row_gives_the_base(tmp_path: Path) -> None:
    """A 决算 report: "全县一般公共预算支出398,569万元，比上年增长6.5%。…教育支出71,236万元，增长5.1%" against a table
    with 决算数 and 上年决算数 columns. 教育支出 printed by its 决算数 cell is not also "unsettled" against its 上年决算数
    (adv216: ten such infos), and the growth of the fund's spending is checked against the table's 合计 row (it was
    "未找到…上年数")."""
    table = "\n".join(
        [
            "附表3 2023年某县一般公共预算支出决算表",
            "单位：万元",
            "项目\t调整预算数\t决算数\t上年决算数",
            "一般公共预算支出合计\t401,152\t398,569\t374,395",
            "教育支出\t71,500\t71,236\t67,810",
        ]
    )

    def doc(rate: str) -> str:
        return (
            "\n".join(
                [
                    "某县2023年财政决算草案的报告",
                    "一、一般公共预算收支决算情况",
                    f"全县一般公共预算支出398,569万元，比上年增长{rate}。",
                    "全县坚持民生优先，教育支出71,236万元，增长5.1%。",
                    table,
                ]
            )
            + "\n"
        )

    found = _scan_txt(tmp_path / "a.txt", doc("6.5%"))
    assert [f for f in found if f.rule.startswith(("narrative_table", "change"))] == []
    slip = [x for x in _errors(_scan_txt(tmp_path / "b.txt", doc("7.5%"))) if x[0].startswith("change")]
    assert [(r, v, e) for r, _s, v, e in slip] == [("change.stated-vs-computed", Decimal("7.5"), Decimal("6.46"))]


def test_completion_rates_of_a_colon_item_and_of_a_level_said_earlier(tmp_path: Path) -> None:
    """ "行政单位离退休（项）：年初预算220.00万元，决算215.34万元，完成年初预算的97.88%": a 科目 before a colon names the
    figures (it went unchecked: no subject); "…财政拨款支出37146.98万元，…。年初预算为28444.00万元，支出决算完成年初预算的
    130.60%": the level of the rate's own name earlier in its paragraph. Wrong rates are found."""

    def doc(first: str, second: str) -> str:
        return _final_accounts(
            "五、一般公共预算财政拨款支出决算情况说明",
            "（一）总体情况。2023年度一般公共预算财政拨款支出37146.98万元，比上年增加4664.41万元，增长14.36%。"
            f"年初预算为28444.00万元，支出决算完成年初预算的{first}，主要是年中追加车辆购置税补助。",
            "（二）具体情况",
            f"行政单位离退休（项）：年初预算220.00万元，决算215.34万元，完成年初预算的{second}，主要用于离退休人员经费。",
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", doc("130.60%", "97.88%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", doc("131.60%", "98.88%")))
    assert sorted((r, s, v) for r, s, v, _e in found) == [
        ("rate.completion", "一般公共预算财政拨款支出", Decimal("131.60")),
        ("rate.completion", "行政单位离退休（项）", Decimal("98.88")),
    ]


def test_a_residual_item_and_a_list_of_changes_of_both_signs_are_no_sums(tmp_path: Path) -> None:
    """ "…；公共安全支出10900万元；其他各项支出合计40686万元": the rest is one more item, not the total of those before;
    "由年初预算的142800万元调增至244800万元，其中：新增专项债券安排的支出156000万元，…相应调减…支出54000万元": changes of
    both signs, no breakdown to add up (adv209: two sum infos); a plain list still adds up."""
    text = _report(
        "主要支出安排情况：教育支出61200万元；社会保障和就业支出47600万元；其他各项支出合计40686万元。",
        "市本级政府性基金预算支出由年初预算的142800万元调增至244800万元，其中：新增专项债券安排的支出156000万元，"
        "因土地出让收入减收相应调减国有土地使用权出让收入安排的支出54000万元。",
        "一般公共预算支出100.00万元，其中基本支出60.00万元、项目支出{}万元。",
    )
    found = _scan_txt(tmp_path / "a.txt", text.format("40.00"))
    assert [f for f in found if f.rule.startswith("sum.")] == []
    slip = _scan_txt(tmp_path / "b.txt", text.format("50.00"))
    assert [(f.rule, f.stated_value) for f in slip if f.rule.startswith("sum.")] == [
        ("sum.enumeration", Decimal("100.00"))
    ]


def test_a_balance_at_the_years_start_is_last_years_end(tmp_path: Path) -> None:
    """ "2024年初一般债务余额152,386.47万元；…年末一般债务余额157,361.15万元": the opening balance is last year's
    year-end figure (no budget, no subject "初…"), so it is no other printing of the year-end balance (two repeat errors
    once "初" was read as the year's start); "2023年末一般债务余额" printed otherwise is still checked against it."""
    text = "\n".join(
        [
            "某县2024年政府债务情况说明",
            "一、政府债务余额情况",
            "2024年末，全县一般债务余额157,361.15万元。",
            "（一）一般债务",
            "2024年初一般债务余额152,386.47万元；本年举借一般债务19,840.00万元；本年偿还一般债务本金14,865.32万元；"
            "年末一般债务余额157,361.15万元。",
            "二、上年情况",
            "2023年末全县一般债务余额{}万元。",
        ]
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("152,386.47") + "\n")) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("152,836.47") + "\n"))
    assert [(r, v, e) for r, _s, v, e in found if r.startswith("repeat")] == [
        ("repeat.different-values", Decimal("152836.47"), Decimal("152386.47"))
    ]


def test_completion_arrival_and_return_rates_of_two_figures_in_their_sentence(tmp_path: Path) -> None:
    """完成率 = 完成 ÷ 计划, 到位率 = 到位 ÷ 预算, 回收率 = 回收 ÷ 发放, each of the two figures right before it in its
    sentence (adv219 found all three unchecked); a 完成率 of figures of two units or after a "；" is left alone."""

    def doc(arrival: str, completion: str, returned: str) -> str:
        return (
            "\n".join(
                [
                    "某市2024年度高标准农田建设项目财政支出绩效评价报告",
                    "一、项目概况",
                    f"项目预算资金27,590.00万元，实际到位27,280.00万元，到位率{arrival}。",
                    f"新建机井计划460眼，实际完成452眼，完成率{completion}。",
                    f"共发放问卷600份，回收有效问卷582份，有效回收率{returned}。",
                    "计划培训3200人次，实际完成培训150场；完成率80%。",
                ]
            )
            + "\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", doc("98.88%", "98.26%", "97.00%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", doc("98.38%", "99.26%", "96.00%")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("rate.ratio-text", "到位率", Decimal("98.38"), Decimal("98.88")),
        ("rate.ratio-text", "新建机井", Decimal("99.26"), Decimal("98.26")),
        ("rate.ratio-text", "有效回收率", Decimal("96.00"), Decimal("97")),
    ]


def test_shares_right_after_their_part_in_a_paragraph_naming_the_part_twice(tmp_path: Path) -> None:
    """ "中央转移支付中，一般性转移支付3421.31亿元…。省对市县转移支付3539.60亿元，其中一般性转移支付2957.13亿元，占比
    83.5%": the share right after its part is that part's, of the part's list (adv218 F1–F2: 3421.31 ÷ a guessed 合计 as
    errors); so is a share whose clause names its part after a list (adv218 F3); and 分别占限额的 pairs each 余额 with its
    own 限额 (adv218 F4–F5). Wrong shares are found."""

    def doc(a: str, c: str) -> str:
        return _report(
            "全省收到中央转移支付4122.06亿元，其中税收返还247.32亿元。中央转移支付中，一般性转移支付3421.31亿元，"
            f"专项转移支付453.43亿元。省对市县转移支付3539.60亿元，其中一般性转移支付2957.13亿元，占比{a}；"
            "专项转移支付582.47亿元，占比16.5%。",
            "全省政府债务限额9786.3亿元，其中一般债务限额2917.2亿元、专项债务限额6869.0亿元；"
            f"全省政府债务余额9407.8亿元，其中一般债务余额2850.6亿元、专项债务余额6557.2亿元，分别占限额的{c}和95.5%。",
        )

    def named(b: str) -> str:
        return _report(
            "中央对我省转移支付1722.11亿元（不含税收返还），其中一般性转移支付1520.58亿元，占比88.3%。"
            "省对市县转移支付1573.15亿元（不含税收返还），其中一般性转移支付1314.28亿元、专项转移支付258.87亿元，"
            f"一般性转移支付占比{b}。"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", doc("83.5%", "97.7%"))) == []
    assert _errors(_scan_txt(tmp_path / "b.txt", named("83.5%"))) == []
    found = _errors(_scan_txt(tmp_path / "c.txt", doc("85.5%", "96.7%")))
    found += _errors(_scan_txt(tmp_path / "d.txt", named("85.5%")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("share.stated-vs-computed", "一般性转移支付", Decimal("85.5"), Decimal("83.54")),
        ("share.stated-vs-computed", "一般债务余额", Decimal("96.7"), Decimal("97.72")),
        ("share.stated-vs-computed", "一般性转移支付", Decimal("85.5"), Decimal("83.54")),
    ]


def test_a_subordinate_body_heading_its_paragraph_in_a_departments_report(tmp_path: Path) -> None:
    """A 单位预算 of 某县教育局 with one paragraph per unit ("某县高级中学支出预算5,248.57万元，其中：基本支出…（人员经费…，
    公用经费…），项目支出…"): each paragraph's figures are its unit's, not the department's of that name, though the
    paragraph names one body only (adv217: 19 repeat errors against the department's and the 机关's figures)."""
    text = "\n".join(
        [
            "某县教育局2025年单位预算",
            "三、支出预算情况",
            "2025年支出预算8,627.62万元，其中：基本支出5,346.62万元（人员经费4,875.62万元，公用经费471.00万元）；"
            "项目支出2,581.00万元。",
            "某县教育局（机关）支出预算3,379.05万元，其中：基本支出618.05万元（人员经费559.65万元，公用经费58.40万元），"
            "项目支出2,061.00万元。",
            "某县高级中学支出预算5,248.57万元，其中：基本支出4,728.57万元（人员经费4,315.97万元，公用经费412.60万元），"
            "项目支出520.00万元。",
        ]
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) if x[0].startswith("repeat")] == []


def test_a_part_after_a_colon_list_has_no_prior_in_its_head(tmp_path: Path) -> None:
    """ "2023年度一般公共预算财政拨款支出10207.18万元，主要用于以下方面：社会保障和就业支出（类）339.84万元，占3.33%，较上年
    增长6.62%": the head is this year's whole the part belongs to, not the part's last year (adv220 F1: −96.67% as an
    error)."""
    text = _final_accounts(
        "五、一般公共预算财政拨款支出决算情况说明",
        "2023年度一般公共预算财政拨款支出10207.18万元，主要用于以下方面：社会保障和就业支出（类）339.84万元，占3.33%，"
        "较上年增长6.62%；卫生健康支出（类）125.93万元，占1.23%。",
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text)) if x[0].endswith("change")] == []


def test_a_sub_heading_repeated_under_each_project_names_no_project(tmp_path: Path) -> None:
    """ "一、学前教育资助项目 › （一）项目基本情况" and "二、义务教育学校校舍维修改造项目 › （一）项目基本情况": the figures are each
    project's (the heading above), not one item "项目基本情况" (adv223 F1: the two projects' 区级资金 as a repeat error)."""
    text = "\n".join(
        [
            "某区教委2024年度项目支出绩效自评报告",
            "一、学前教育资助项目",
            "（一）项目基本情况",
            "调整后全年预算612.40万元，其中中央资金306.20万元、市级资金183.72万元、区级资金122.48万元。",
            "二、义务教育学校校舍维修改造项目",
            "（一）项目基本情况",
            "项目全年预算1,250.00万元，其中中央资金600.00万元、市级资金400.00万元、区级资金250.00万元。",
        ]
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) if x[0].startswith("repeat")] == []


def test_a_qizhong_part_closes_where_a_sibling_of_its_total_follows(tmp_path: Path) -> None:
    """ "农林水支出1594.70万元，占一般公共预算支出的27.5%，…，其中对村级转移支付486.70万元；交通运输支出236.40万元，占一般
    公共预算支出的4.1%…": past the "；" stands a sibling of the total (its share of the same whole), no part (adv222 F1)."""
    text = _report(
        "城乡社区支出752.35万元，占一般公共预算支出的13.0%，同比增长9.4%；农林水支出1594.70万元，占一般公共预算支出的"
        "27.5%，同比增长2.4%，其中对村级转移支付486.70万元；交通运输支出236.40万元，占一般公共预算支出的4.1%，同比增长"
        "18.9%；住房保障支出112.58万元，占一般公共预算支出的1.9%，同比增长3.8%；其他支出21.36万元，占一般公共预算支出的"
        "0.4%，同比下降11.4%。"
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text)) if x[0].startswith("sum")] == []


def test_gross_changes_of_both_signs_and_the_net_change(tmp_path: Path) -> None:
    """ "由1,427,000万元调整为1,512,700万元，调增107,100万元，调减21,400万元，净增加85,700万元": the net change is the
    difference, not the gross 调增 (adv224 F1); a wrong net change is found."""
    said = "市级一般公共预算支出总计相应由1,427,000万元调整为1,512,700万元，调增107,100万元，调减21,400万元，净增加{}万元。"
    assert _errors(_scan_txt(tmp_path / "a.txt", _report(said.format("85,700")))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _report(said.format("86,700"))))
    assert [(r, v, e) for r, _s, v, e in found] == [("adjustment.stated-in-text", Decimal("86700"), Decimal("85700"))]


def test_a_sentence_opening_on_the_years_start_and_rates_on_another_basis(tmp_path: Path) -> None:
    """ "2025年初，全市政府债务余额921.4亿元": the balance the year opened with (adv171: a repeat error against the year-end
    1022.3); "分别比上年增长4.5%和3.2%，同口径分别增长5.8%和6.3%": the second run is on another basis, not two printings
    of one change (adv205: a warning)."""
    text = _report(
        "2025年初，全市政府债务余额921.4亿元，其中一般债务283.2亿元、专项债务638.2亿元。2025年末，全市政府债务余额"
        "1022.3亿元。",
        "一般公共预算总收入和地方一般公共预算收入分别完成1528736万元和865412万元，分别比上年增长4.5%和3.2%，"
        "同口径分别增长5.8%和6.3%。",
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_numbered_unit_paragraphs_of_a_departments_final_accounts(tmp_path: Path) -> None:
    """ "分单位情况如下：¶ 2.县人民医院本年收入…，其中：财政拨款收入…，事业收入…；本年支出…，其中：基本支出…（人员经费…，
    公用经费…），项目支出…": every figure of a numbered unit's paragraph is that unit's (past its label, past its "；"), and
    事业收入 is no 财政拨款 (adv221: 29 repeat and narrative-vs-table errors against the department's and another unit's
    figures)."""

    def unit(n: int, name: str, income: str, own: str, spent: str, basic: str, project: str) -> str:
        return (
            f"{n}.{name}本年收入{income}万元，其中：财政拨款收入{own}万元，事业收入"
            f"{Decimal(income) - Decimal(own)}万元；本年支出{spent}万元，其中：基本支出{basic}万元，项目支出{project}万元。"
        )

    text = _final_accounts(
        "三、支出决算情况说明",
        "本年支出合计47037.77万元，其中：基本支出42057.03万元，占89.41%；项目支出4980.74万元，占10.59%。",
        "分单位情况如下：",
        unit(1, "县人民医院", "39535.36", "6716.05", "39297.61", "35731.31", "3566.30"),
        unit(2, "县疾控中心", "1712.26", "1663.70", "1760.11", "1389.66", "370.45"),
        unit(3, "县妇幼保健院", "7321.01", "1282.20", "5980.05", "4936.06", "1043.99"),
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_change_after_a_rate_of_the_budget_is_of_the_outcome(tmp_path: Path) -> None:
    """ "“三公”经费财政拨款支出决算为11.01万元，完成全年预算数14.70万元的74.91%，比2023年度减少1.94万元，下降14.95%": the
    budget is the base of the 完成 rate, not the level the change is made to (adv221 F36: 1.94 ÷ (14.70 + 1.94) as an
    error)."""
    said = "“三公”经费财政拨款支出决算为11.01万元，完成全年预算数14.70万元的74.91%，比2023年度减少1.94万元，下降{}。"
    text = _final_accounts("六、“三公”经费财政拨款支出决算情况说明", said)
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text.format("14.95%"))) if "change" in x[0]] == []
    found = [x for x in _errors(_scan_txt(tmp_path / "b.txt", text.format("16.95%"))) if "change" in x[0]]
    assert [(r, v, e) for r, _s, v, e in found] == [("template.change", Decimal("16.95"), Decimal("14.98"))]


def test_a_row_of_no_label_printing_the_sums_above_is_their_total(tmp_path: Path) -> None:
    """A table's last row with its label cells blank (| | 4,286.50 | 4,187.40 | 97.69) adds up the rows above: it is no
    row of the item above it (it was read as 水质净化消毒设备购置, whose text figure 239.50 then disagreed with 4187.40)."""
    rows = [
        ["序号", "建设内容", "预算资金", "实际支出", "执行率（%）"],
        ["1", "水源工程", "1,126.40", "1,098.62", "97.53"],
        ["2", "输配水管网改造工程", "2,215.30", "2,176.85", "98.26"],
        ["3", "入户工程", "698.80", "672.43", "96.23"],
        ["4", "水质净化消毒设备购置", "246.00", "239.50", "97.36"],
        ["", "", "4,286.50", "4,187.40", "97.69"],
    ]
    blocks = [
        "某区2023年农村供水保障工程项目财政支出绩效评价报告",
        "（二）项目资金投入和使用情况",
        "（4）水质净化消毒设备购置：安排资金246.00万元，实际支出239.50万元，执行率97.36%。",
        "表2 项目分建设内容支出情况表",
        "单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "a.docx", blocks) == []
    blocks[2] = "（4）水质净化消毒设备购置：安排资金246.00万元，实际支出236.50万元，执行率97.36%。"
    found = [(f.rule, f.stated_value, f.expected_value) for f in _findings(tmp_path, "b.docx", blocks)]
    assert ("narrative_table.mismatch", Decimal("236.50"), Decimal("239.5")) in found


def test_parts_of_what_was_borrowed_and_of_what_was_repaid(tmp_path: Path) -> None:
    """ "全县举借政府债务182,300万元。其中：一般债务42,600万元，专项债务139,700万元。…偿还政府债务本金96,840万元。其中：一般债务
    38,520万元，专项债务58,320万元": each 一般债务 is a part of its own movement, not one figure printed twice (adv228
    F1–F2: two repeat errors)."""
    text = "\n".join(
        [
            "某县2024年地方政府债务决算情况说明",
            "二、政府债务余额情况",
            "2024年，全县举借政府债务182,300万元。其中：一般债务42,600万元，专项债务139,700万元。",
            "2024年，全县偿还政府债务本金96,840万元。其中：一般债务38,520万元，专项债务58,320万元。",
        ]
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) == []


def test_a_sibling_named_like_the_part_is_no_whole(tmp_path: Path) -> None:
    """ "基本支出…实际支出3,899.94万元…；项目支出…实际支出4,860.59万元…。基本支出占全年支出的44.52%，项目支出占55.48%": 项目支出
    ends in 支出 but is 基本支出's sibling, not the 全年支出 whole (adv227 F1: 3899.94 ÷ 4860.59 as an error), and a guessed
    whole smaller than its part is none."""
    text = "\n".join(
        [
            "某市农业农村局2023年度部门整体支出绩效评价报告",
            "二、部门整体支出情况",
            "基本支出全年预算3,930.37万元，实际支出3,899.94万元；项目支出全年预算5,236.15万元，实际支出4,860.59万元，"
            "执行率92.83%。基本支出占全年支出的44.52%，项目支出占55.48%。",
        ]
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) == []


def test_a_table_under_a_subordinate_units_heading_is_that_units(tmp_path: Path) -> None:
    """A table titled by a subordinate unit ("（一）某市农业技术推广中心 单位：万元") prints that unit's 基本支出/项目支出, not the
    department's the narrative states (adv227 F2–F13: twelve narrative-vs-table errors)."""
    rows = [
        ["项目", "年初预算", "全年预算", "实际支出"],
        ["合计", "1,698.30", "2,141.14", "2,003.61"],
        ["一、基本支出", "938.30", "956.54", "951.24"],
        ["二、项目支出", "760.00", "1,184.60", "1,052.37"],
    ]
    blocks = [
        "某市农业农村局2023年度部门整体支出绩效评价报告",
        "二、部门整体支出情况",
        "基本支出全年预算3,930.37万元，实际支出3,899.94万元；项目支出全年预算5,236.15万元，实际支出4,860.59万元。",
        "（一）某市农业技术推广中心",
        "（一）某市农业技术推广中心 单位：万元",
        (rows, []),
    ]
    assert _findings(tmp_path, "a.docx", blocks) == []


def test_the_departments_own_jiguan_and_a_fund_part_of_funds_involved(tmp_path: Path) -> None:
    """ "某区教育局机关2025年收入预算…，支出预算1702.46万元，其中基本支出611.46万元、项目支出1091.00万元": the 机关 is one unit
    of the department (adv226 F1–F2); "…涉及财政拨款资金2475.00万元，其中一般公共预算当年拨款2415.00万元" is that fund's part of
    the money involved, not the fund's whole (adv226 F3)."""
    text = "\n".join(
        [
            "某区教育局2025年部门预算",
            "一、支出预算情况",
            "本部门2025年支出预算合计16143.34万元，其中：基本支出13538.34万元；项目支出2605.00万元。",
            "某区教育局机关2025年收入预算1702.46万元，支出预算1702.46万元，其中基本支出611.46万元、项目支出1091.00万元。",
            "二、一般公共预算当年拨款情况",
            "2025年一般公共预算当年拨款15301.34万元。",
            "三、其他重要事项",
            "2025年本部门实行绩效目标管理的项目14个，涉及财政拨款资金2475.00万元，其中一般公共预算当年拨款2415.00万元、"
            "政府性基金预算拨款60.00万元。",
        ]
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) == []


def test_a_fund_accounts_paragraph_against_a_table_with_the_funds_as_columns(tmp_path: Path) -> None:
    """ "1.企业职工基本养老保险基金。收入…，本年收支结余9910万元" against a table whose columns are 合计 | 企业职工基本养老保险基金 |
    …: the row's fund column prints 9910, so its 合计 column is another figure (adv225 F1–F6: six errors against 100040)."""
    rows = [
        ["项目", "合计", "企业职工基本养老保险基金", "城乡居民基本养老保险基金"],
        ["一、收入", "1,591,370", "1,510,510", "80,860"],
        ["二、支出", "1,548,050", "1,500,600", "47,450"],
        ["三、本年收支结余", "43,320", "9,910", "33,410"],
    ]
    blocks = [
        "某市2024年社会保险基金决算",
        "（一）全市社会保险基金决算情况",
        "1.企业职工基本养老保险基金。收入1510510万元，支出1500600万元，本年收支结余9910万元。",
        "2.城乡居民基本养老保险基金。收入80860万元，支出47450万元，本年收支结余33410万元。",
        "表5 2024年全市社会保险基金收支决算表",
        "单位：万元",
        (rows, []),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("narrative_table")] == []


def test_a_pdf_tables_title_left_at_the_foot_of_the_page_before() -> None:
    """A PDF table starting at the top of page 9 with no caption, the last paragraph of page 8 being its title line
    ("六、一般公共预算基本支出表单位名称：… 单位：万元"): that line is its title (adv226 F4: a "listed in the contents but
    missing" warning); a table in mid-page keeps no title from a paragraph on another page."""
    from extractors.model import Cell, Document, Paragraph, Provenance, Table
    from extractors.table_titles import lift_titles

    def table(page: int, top: bool) -> Table:
        cells = [Cell("合计", 0, 0), Cell("3112.50", 0, 1)]
        return Table(cells, 1, 2, Provenance("x", page=page), pages=[page], touches_top=top)

    line = "六、一般公共预算基本支出表单位名称：某省产品质量监督检验研究院 单位：万元"
    doc = Document("a.pdf", "x", "pdf", [Paragraph(line, Provenance("x", page=8)), table(9, True)])
    lift_titles(doc)
    assert (doc.tables()[0].title, doc.tables()[0].unit) == ("六、一般公共预算基本支出表", "万元")
    apart = Document("b.pdf", "x", "pdf", [Paragraph(line, Provenance("x", page=8)), table(9, False)])
    lift_titles(apart)
    assert apart.tables()[0].title is None


def test_rates_of_totals_named_by_their_measure_and_of_actual_counts(tmp_path: Path) -> None:
    """ "…调整后全年预算合计2,048.90万元，全年实际支出合计1,964.81万元，综合预算执行率95.90%": totals named by their measure
    name no two sources (it went unchecked: "预算数未在本句写出"); "计划培训教师2000人次，实际培训2150人次，完成率107.50%":
    what was actually done over the plan. Wrong rates are found."""

    def doc(rate: str, done: str) -> str:
        return (
            "\n".join(
                [
                    "某区教委2024年度项目支出绩效自评报告",
                    "一、总体情况",
                    "3个项目年初预算合计2,030.00万元，调整后全年预算合计2,048.90万元，全年实际支出合计1,964.81万元，"
                    f"综合预算执行率{rate}。",
                    f"产出方面：计划培训教师2000人次，实际培训2150人次，完成率{done}；培训考核合格率99.30%。",
                ]
            )
            + "\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", doc("95.90%", "107.50%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", doc("96.90%", "105.50%")))
    assert [(r, v, e) for r, _s, v, e in found] == [
        ("rate.execution-text", Decimal("96.90"), Decimal("95.90")),
        ("rate.ratio-text", Decimal("105.50"), Decimal("107.50")),
    ]


def test_a_gap_to_the_time_progress(tmp_path: Path) -> None:
    """ "1—6月，…完成年度预算的48.2%，低于序时进度1.8个百分点": six months are 50% of the year, 50 − 48.2 = 1.8 (adv228
    found every such gap unchecked); a wrong gap is a warning (some reports count days); a growth rate before a gap is no
    share of the year's budget and is left alone."""

    def doc(low: str, high: str) -> str:
        return (
            "\n".join(
                [
                    "某州2025年上半年预算执行情况的报告",
                    "一、2025年1—6月预算执行情况",
                    f"1—6月，全州一般公共预算收入完成62.35亿元，完成年度预算的48.2%，低于序时进度{low}个百分点；"
                    f"一般公共预算支出完成156.2亿元，完成年度预算的53.6%，超序时进度{high}个百分点。",
                    "税收收入增长5.2%，高于序时进度3个百分点。",
                ]
            )
            + "\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", doc("1.8", "3.6"))) == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", doc("2.8", "3.6")) if f.severity != "info"]
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found] == [
        ("rate.time-progress", "warning", Decimal("2.8"), Decimal("1.8"))
    ]


def test_an_amount_set_aside_is_no_lists_whole(tmp_path: Path) -> None:
    """ "…同比增收2965万元。剔除2024年一次性处置国有资源收入1200万元因素后，同口径增长8.6%。其中：税收收入31470万元，…；非税
    收入20950万元": the amount set aside is no whole of the 其中 list opening the next sentence (adv232 F1–F2)."""
    text = _report(
        "全县一般公共预算收入完成5.24亿元，为预算的102.38%，比上年增长6.0%，同比增收2965万元。剔除2024年一次性处置国有资源"
        "收入1200万元因素后，同口径增长8.6%。其中：税收收入31470万元，占比60.0%，增长3.5%；非税收入20950万元，增长10.0%。"
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text)) if x[0].startswith("sum")] == []


def test_a_target_met_in_another_unit_and_grades_of_two_scales(tmp_path: Path) -> None:
    """A score sheet's 受益人口 target ≥21000人 met by 2.13万人 (compared in 人, not 2.13 against 21000), and a target 较好
    met by 良好 (two scales' second grade) are no shortfalls given full points (adv231 F1–F2)."""
    rows = [
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t受益人口\t≥21000人\t2.13万人\t10\t10",
        "效益指标\t社会效益指标\t群众精神文化生活改善程度\t较好\t良好\t5\t5",
    ]
    text = "\n".join(["某县2024年度项目支出绩效自评表", "", "项目支出绩效自评表", *rows]) + "\n"
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("scoresheet")] == []


def test_two_budgets_in_one_sentence_and_a_measure_in_a_bracket(tmp_path: Path) -> None:
    """ "…年初预算为16073.00万元，全年预算数（调整预算）为16489.40万元，支出决算为16145.43万元，完成年初预算的100.45%，完成全年
    预算的97.91%": the bracket glosses the measure and names nothing (the figures after it were named "预算数（调整预算）", so
    neither rate was checked); each rate is of the budget its words name. A wrong 年初 rate is found, the 全年 one is not
    computed on the 年初 budget."""
    said = (
        "2023年度一般公共预算财政拨款支出年初预算为16073.00万元，全年预算数（调整预算）为16489.40万元，支出决算为16145.43万元，"
        "完成年初预算的{}，完成全年预算的97.91%。"
    )
    text = _final_accounts("五、一般公共预算财政拨款支出决算情况说明", said)
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("100.45%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("100.54%")))
    assert [(r, v, e) for r, _s, v, e in found] == [("template.rate", Decimal("100.54"), Decimal("100.45"))]


def test_departments_under_their_own_headings_and_areas_heading_their_sentences(tmp_path: Path) -> None:
    """A 市级部门决算汇总 with a section per department ("（一）市教育局", "（二）市卫生健康委员会"): each section's figures
    are its department's (adv236: 137 repeat errors between departments); areas heading their sentences
    ("会城街道完成一般公共预算收入…") are each their own; a department's 财政拨款 基本支出 is never certainly its 基本支出 of
    all funds, and the 财政拨款收入 of a 其中 list gives no fund to the figures after it."""

    def dept(label: str, name: str, income: str, own: str, spent: str, basic: str, project: str) -> list[str]:
        return [
            f"（{label}）{name}",
            f"2024年度本年收入合计{income}万元，其中：财政拨款收入{own}万元，事业收入{Decimal(income) - Decimal(own)}万元。"
            f"本年支出合计{spent}万元，其中基本支出{basic}万元，项目支出{Decimal(spent) - Decimal(basic)}万元。",
            f"财政拨款支出{own}万元，其中基本支出{Decimal(basic) - 100}万元，项目支出{project}万元。",
        ]

    lines = [
        "某市2024年度市级部门决算汇总",
        "二、各部门决算情况",
        *dept("一", "市教育局", "115916.11", "98215.36", "118234.43", "75670.04", "22645.32"),
        *dept("二", "市公安局", "69617.32", "67879.48", "69312.27", "25146.27", "42833.21"),
        "三、分街镇情况",
        "会城街道完成一般公共预算收入68,312万元，其中税收收入60,210万元。",
        "大泽镇完成一般公共预算收入16,671万元，其中税收收入14,020万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_money_due_a_rate_on_its_own_basis_and_targets_set_by_a_verb(tmp_path: Path) -> None:
    """ "项目应到位资金6240.00万元…。…累计支出5872.34万元，占到位资金的96.50%": 应到位 is what was due, not what arrived
    (adv235 F1); "按应到位资金计算的执行率为94.35%" names its own base (F2). (adv235 F3 is
    tested below.)"""
    text = "\n".join(
        [
            "某区2024年度高标准农田建设项目财政支出绩效评价报告",
            "一、项目基本情况",
            "项目总投资6240.00万元，项目应到位资金6240.00万元，实际到位6085.56万元，到位率97.53%。",
            "截至2024年12月31日，项目累计支出5872.34万元，占到位资金的96.50%。",
            "项目实际支出5872.34万元，资金执行率为96.50%（按到位资金计算），按应到位资金计算的执行率为94.11%。",
        ]
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) == []


def test_a_list_whose_rest_is_named_without_its_figure(tmp_path: Path) -> None:
    """ "本年支出3057.22万元，其中：征地和拆迁补偿支出2860.00万元，其他国有土地使用权出让收入安排的支出125.60万元，其余为人员经费和
    日常公用经费": the rest is named but not printed, so the list is partial (adv233 F1: 3057.22 vs 2985.60 as an error); a
    list that says nothing of a rest is still added up."""
    said = "2024年度本年支出3057.22万元，其中：征地和拆迁补偿支出2860.00万元，其他国有土地使用权出让收入安排的支出125.60万元{}。"
    text = _final_accounts("三、支出决算情况说明", said)
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("，其余为人员经费和日常公用经费"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("3057.22"), Decimal("2985.60"))]


def test_an_items_own_basic_and_project_spending_and_a_units_run_in_name(tmp_path: Path) -> None:
    """ "会议费预算12.40万元，…其中基本支出安排4.20万元、项目支出安排8.20万元": the 会议费's 基本支出, not the department's
    (two repeat errors once a 其中 part's fund stopped naming the figures after it); "（六）实验幼儿园：收入预算…，其中…财政专户
    管理资金收入380.00万元" is that unit's, not the department's 640.00 of that name."""
    text = "\n".join(
        [
            "某区教育局2026年部门预算",
            "一、收入支出预算总体情况",
            "本部门2026年收入预算合计16143.34万元，其中：一般公共预算拨款收入15503.34万元；财政专户管理资金收入640.00万元。"
            "支出预算合计16143.34万元，其中：基本支出5938.59万元，项目支出10204.75万元。",
            "（六）实验幼儿园：收入预算1766.90万元，其中财政拨款收入1386.90万元、财政专户管理资金收入380.00万元。",
            "二、其他重要事项",
            "2026年本部门会议费预算12.40万元，比2025年预算减少1.10万元，其中基本支出安排4.20万元、项目支出安排8.20万元。",
        ]
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) if x[0].startswith("repeat")] == []


def test_a_share_after_last_years_amount_and_a_change_named_by_its_measure(tmp_path: Path) -> None:
    """ "小学教育（2050202）14525.70万元，上年预算15106.73万元，减少581.03万元，占一般公共预算支出的20.00%": the share is of
    this year's amount (adv237 F1–F2); "“三公”经费…支出决算为5.6万元，…。决算数比上年减少0.4万元，下降6.7%": a change named
    by its measure alone is of that measure's level in its paragraph, not of the 本年支出合计 before it (adv238 F1–F2)."""
    text = _final_accounts(
        "一、收入支出决算总体情况",
        "本部门2024年度本年收入合计1885.9万元，本年支出合计1856.9万元。",
        "二、“三公”经费财政拨款支出决算情况说明",
        "“三公”经费财政拨款支出预算为6.7万元，支出决算为5.6万元，完成预算的83.6%。决算数比上年减少0.4万元，下降{}。",
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text.format("6.7%"))) if "change" in x[0]] == []
    found = [x for x in _errors(_scan_txt(tmp_path / "b.txt", text.format("8.7%"))) if "change" in x[0]]
    assert [(r, v, e) for r, _s, v, e in found] == [("template.change", Decimal("8.7"), Decimal("6.7"))]
    shares = _report(
        "一般公共预算支出72628.52万元。",
        "（二）小学教育（2050202）14525.70万元，上年预算15106.73万元，减少581.03万元，占一般公共预算支出的{}。",
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "c.txt", shares.format("20.00%"))) if "share" in x[0]] == []
    found = [x for x in _errors(_scan_txt(tmp_path / "d.txt", shares.format("21.00%"))) if "share" in x[0]]
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("21.00"), Decimal("20.00"))]


def test_a_part_named_as_its_total_is_one_sources_share(tmp_path: Path) -> None:
    """ "2024年项目支出3,756.70万元，其中一般公共预算财政拨款项目支出3,436.70万元，单位资金安排项目支出320.00万元": the last
    part is one source's 项目支出, not the 项目支出 printed twice with two values (adv64: a repeat error once a 其中 part's
    fund stopped naming the figures after it)."""
    text = "\n".join(
        [
            "某市林业和草原局2024年部门预算",
            "一、支出预算情况",
            "2024年支出预算5,126.90万元，其中：基本支出1,370.20万元，项目支出3,756.70万元。",
            "二、项目支出情况",
            "2024年项目支出3,756.70万元，其中一般公共预算财政拨款项目支出3,436.70万元，单位资金安排项目支出320.00万元。",
        ]
    )
    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", text + "\n")) if x[0].startswith("repeat")] == []


def test_a_sentence_under_a_target_heading_sets_targets(tmp_path: Path) -> None:
    """Under "（三）项目绩效目标", "完成校舍改造4.5万平方米" is the target the score sheet prints as 年度指标值 ≥45000平方米, not
    what was achieved (the sheet's 实际完成值 is 46000): no outcome to compare (adv235 F3). Words of what was done (实际完成…) under
    the same heading still make an outcome, and one that disagrees with the sheet is found."""

    def report(sentence: str) -> str:
        rows = [
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
            "产出指标\t数量指标\t校舍改造面积\t≥45000平方米\t46000平方米\t20\t20",
            "\t质量指标\t工程验收合格率\t100%\t100%\t20\t20",
        ]
        return (
            "\n".join(
                [
                    "某县2024年度薄弱学校改造项目支出绩效自评报告",
                    "一、项目基本情况",
                    "（三）项目绩效目标",
                    sentence,
                    "二、绩效自评表",
                    "项目支出绩效自评表",
                    *rows,
                ]
            )
            + "\n"
        )

    target = "通过项目实施，完成校舍改造4.5万平方米，工程验收合格率达到100%。"
    assert [f for f in _scan_txt(tmp_path / "a.txt", report(target)) if f.rule.startswith("scoresheet")] == []
    done = "项目实际完成校舍改造4.8万平方米，工程验收合格率达到100%。"
    found = [f for f in _scan_txt(tmp_path / "b.txt", report(done)) if f.rule.startswith("scoresheet")]
    assert [{f.stated_value, f.expected_value} for f in found if f.severity != "info"] == [
        {Decimal("48000"), Decimal("46000")}
    ]
