"""Review round forty on (stop 37): false findings fresh reviews found, each fixed at its mechanism, and what each
rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_sixteen import _scan_txt

from pipeline.checks.derivation import evaluate, recomputed
from pipeline.findings import Finding


def _errors(found: list[Finding]) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    return [(f.rule, f.subject, f.stated_value, f.expected_value) for f in found if f.severity != "info"]


def test_a_derivation_is_read_back_as_arithmetic() -> None:
    assert evaluate("2.90 ÷ (18.74 + 2.90)") == Decimal("2.90") / Decimal("21.64")
    assert evaluate("(1,172,600 − 1118580) ÷ 1118580 × 100") == Decimal(54020) / Decimal(1118580) * 100
    assert evaluate("3213.05万元 ÷ 3050万元 × 100") == Decimal("3213.05") / Decimal(3050) * 100
    assert evaluate("各项得分之和") is None and evaluate("科目 2050202") is None and evaluate("1 ÷ (2 − 2)") is None
    refit = recomputed(Decimal("13.40"), "2.90 ÷ (18.74 + 2.90)", Decimal("18.74"), Decimal("18.47"))
    assert refit is not None and refit.quantize(Decimal("0.01")) == Decimal("13.57")
    assert recomputed(Decimal("13.40"), "2.90 ÷ (18.74 + 2.90)", Decimal("18.75"), Decimal("18.47")) is None


def _sangong(total: str, rate: str) -> str:
    return (
        "某县农业农村局2024年部门决算\n七、一般公共预算财政拨款“三公”经费支出决算情况说明\n"
        f"2024年度“三公”经费财政拨款支出决算为{total}万元。其中：因公出国（境）费0.00万元，公务用车购置及运行维护费"
        f"14.62万元，公务接待费3.85万元。与2023年度相比，“三公”经费支出减少2.90万元，下降{rate}%。\n"
    )


def test_a_change_rate_that_fits_the_corrected_total_is_no_error_of_its_own(tmp_path: Path) -> None:
    """ "三公经费…18.74万元。其中：…0.00 + 14.62 + 3.85 … 减少2.90万元，下降13.57%": the total sums to 18.47 and 2.90 ÷
    (18.47 + 2.90) = 13.57%, so the rate is right and only the total is out of line (adv263 F-b: the rate was flagged
    too, worked on the wrong total). A rate that fits neither total is still its own error."""
    found = _errors(_scan_txt(tmp_path / "a.txt", _sangong("18.74", "13.57")))
    assert found == [("sum.enumeration", "三公经费财政拨款支出", Decimal("18.74"), Decimal("18.47"))]
    both = _errors(_scan_txt(tmp_path / "b.txt", _sangong("18.74", "15.57")))
    assert sorted(r for r, *_ in both) == ["sum.enumeration", "template.change"]


def _school(amount: str, rate: str) -> str:
    rows = [
        "某区实验小学2024年度单位决算",
        "支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t3534.45\t3040.45\t494.00",
        "205\t教育支出\t3534.45\t3040.45\t494.00",
        "20502\t普通教育\t3448.45\t3040.45\t408.00",
        "2050202\t小学教育\t3448.45\t3040.45\t408.00",
        "20509\t教育费附加安排的支出\t86.00\t0.00\t86.00",
        "2050999\t其他教育费附加安排的支出\t86.00\t0.00\t86.00",
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t3259.05\t2860.45\t398.60",
        "205\t教育支出\t3259.05\t2860.45\t398.60",
        "20502\t普通教育\t3173.05\t2860.45\t312.60",
        "2050202\t小学教育\t3173.05\t2860.45\t312.60",
        "20509\t教育费附加安排的支出\t86.00\t0.00\t86.00",
        "2050999\t其他教育费附加安排的支出\t86.00\t0.00\t86.00",
        "五、重点支出决算情况说明",
        f"（1）教育支出（类）普通教育（款）小学教育（项）：年初预算3050.00万元，支出决算{amount}万元，完成年初预算的"
        f"{rate}%，主要是教师绩效工资调整。",
    ]
    return "\n".join(rows) + "\n"


def test_a_rate_settles_which_table_cell_a_text_amount_meant(tmp_path: Path) -> None:
    """ "小学教育（项）…支出决算3213.05万元，完成年初预算的104.03%", the 科目's rows printing 3173.05 and 3448.45: the rate
    fits 3173.05 ÷ 3050 — the amount is the slip, an error against that cell, and the rate is no error of its own (adv263
    F-a: the amount was a warning naming no cell and the right rate an error)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _school("3173.05", "104.03"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _school("3213.05", "104.03")))
    assert [(r, v, e) for r, _s, v, e in found] == [("item_code.path-vs-rows", Decimal("3213.05"), Decimal("3173.05"))]
    # a rate that fits no cell settles nothing: the amount stays undecided, the rate its own error
    neither = _errors(_scan_txt(tmp_path / "c.txt", _school("3213.05", "108.03")))
    assert sorted((r, e is None) for r, _s, _v, e in neither) == [
        ("item_code.path-vs-rows", True),
        ("rate.completion", False),
    ]


def _township(share: str) -> str:
    return (
        "某镇人民政府2025年部门预算\n"
        "农林水支出（类）农村综合改革（款）对村级公益事业建设的补助（项）84.00万元，占一般公共预算拨款的6.55%，"
        "比上年增加8.00万元。\n"
        "农林水支出（类）农村综合改革（款）对村民委员会和村党支部的补助（项）212.40万元，占一般公共预算拨款的"
        f"{share}%，比上年增加82.20万元。\n"
    )


def test_a_subject_path_keeps_the_verbs_of_its_items_name(tmp_path: Path) -> None:
    """Two 项 whose names hold a verb (补助): each 科目 path is one name, not the bare "（项）" after the verb — two
    different 项 were compared as one figure (adv268 F1–F2: 212.40 vs 84.00, 16.55% vs 6.55%)."""
    found = _scan_txt(tmp_path / "a.txt", _township("16.55"))
    assert _errors(found) == []
    subjects = {f.subject for f in found}
    assert "（项）" not in subjects and not any(s.startswith("（项）") for s in subjects)


def _final_totals(rate: str) -> str:
    rows = [
        "某县农业农村局2024年部门决算",
        "收入支出决算总表",
        "单位：万元",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t6700.00\t一、农林水支出\t6727.21",
        "本年收入合计\t6700.00\t本年支出合计\t6727.21",
        "年初结转和结余\t211.56\t年末结转和结余\t184.35",
        "总计\t6911.56\t总计\t6911.56",
        "一、收入支出决算总体情况说明",
        "2024年度收入总计6911.56万元，支出总计6911.56万元。与上年相比，本年收入增加252.11万元，增长3.9%，"
        f"支出增加209.81万元，增长{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_a_bare_flow_after_its_counterpart_takes_the_counterparts_total(tmp_path: Path) -> None:
    """ "本年收入增加252.11万元，增长3.9%，支出增加209.81万元，增长3.2%": the bare 支出 is the 本年 one, a part of 支出总计
    (6911.56), never its printing — the rate was worked on the 总计 (adv268 F3: 3.2 vs 3.1)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _final_totals("3.2"))) == []


def _three_items(total: str, share: str) -> str:
    return (
        "某市2024年预算执行情况和2025年预算草案的报告\n全市一般公共预算支出420.56亿元，增长5.1%。教育、社会保障和就业、"
        f"卫生健康三项支出合计{total}亿元，占一般公共预算支出的{share}%，分别为86.27亿元、75.64亿元、48.63亿元。\n"
    )


def test_a_total_printed_before_its_parts_given_respectively(tmp_path: Path) -> None:
    """ "A、B、C三项支出合计T，占…%，分别为a、b、c": the names before 合计 are T's parts, the figures 分别为 gives are
    theirs, so T = a + b + c is checked (a recall gap adv271 S5 measured: the figures formed no list)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _three_items("210.54", "50.06"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _three_items("211.54", "50.30")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("211.54"), Decimal("210.54"))]


def _by_street(last: str) -> str:
    return (
        "某区2024年度老旧小区改造项目支出绩效自评报告\n全区共完成改造老旧小区21个，分街道（镇）看：站前街道4个，"
        f"上营坊街道6个，罗家镇3个，塘山镇5个，湖坊镇{last}个。\n"
    )


def test_a_breakdown_by_units_opens_a_list(tmp_path: Path) -> None:
    """ "共完成…21个，分街道（镇）看：A 4个，B 6个…": 分…看 opens the list of the total's parts as 其中 does (a recall gap
    adv271 S7 and adv259 S2 measured)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _by_street("3"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _by_street("4")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("21"), Decimal("22"))]


def _livelihood(share: str) -> str:
    return (
        "某镇2024年度财政预算执行情况\n2024年全镇一般公共预算支出完成7,968.90万元，为调整预算8,200.00万元的97.18%，"
        "比上年增加428.30万元，增长5.68%。\n坚持把保障和改善民生作为财政支出重点，全年用于民生方面的支出6,215.60万元，"
        f"占一般公共预算支出的{share}%。\n"
    )


def test_the_whole_year_opening_what_was_spent_is_no_budget(tmp_path: Path) -> None:
    """ "全年用于民生方面的支出6,215.60万元，占一般公共预算支出的78.00%": 全年 says over the whole year — the spending, not
    the adjusted budget (全年预算), so its whole is the year's spending 7,968.90, not the budget 8,200.00 (adv274 F1)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _livelihood("78.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _livelihood("75.80")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("75.80"), Decimal("78.00"))]


def test_a_limit_controlled_within_is_printed_exactly(tmp_path: Path) -> None:
    """ "控制在省核定的债务限额3865000万元以内，债务余额占限额的95.9%": 以内 bounds the balance, the limit is exact — read as
    "at most 3865000" it was no whole, and a wrong share went unchecked with an info saying the whole was zero (adv273
    I1)."""

    def report(share: str) -> str:
        return (
            "某县2024年预算执行情况和2025年预算草案的报告\n全县政府债务余额3512846万元，控制在省核定的债务限额3865000万元"
            f"以内，债务余额占限额的{share}%。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("90.9"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("95.9")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("95.9"), Decimal("90.89"))]


def _sangong_sentence(total: str, vehicles: str = "，年末公务用车保有量5辆") -> str:
    return (
        "某县卫生健康委员会2024年部门决算\n四、“三公”经费支出决算情况说明\n2024年度一般公共预算财政拨款“三公”经费支出决算"
        f"{total}万元，比上年减少2.26万元，下降9.28%。其中：因公出国（境）费0万元；公务用车购置及运行费18.42万元，"
        f"均为公务用车运行费{vehicles}；公务接待费3.67万元，共接待国内公务来访12批次、86人次。\n"
    )


def test_a_parts_own_remarks_counts_and_records_do_not_end_its_list(tmp_path: Path) -> None:
    """ "其中：…；公务用车购置及运行费18.42万元，均为公务用车运行费，年末公务用车保有量5辆；公务接待费3.67万元，共接待…12批次、
    86人次": the remark (均为…), the fleet count and the visits counted twice are the parts' own — the list was cut before
    公务接待费 or read as records, so a 三公 total 2.00 off went unflagged (a recall gap adv275 1-3 measured; adv269's
    info said the complete list was partial). The change rate that fits the parts' sum is no error of its own."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _sangong_sentence("22.09"))) == []
    for k, vehicles in enumerate(("，年末公务用车保有量5辆", "")):
        found = _errors(_scan_txt(tmp_path / f"b{k}.txt", _sangong_sentence("24.09", vehicles)))
        assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("24.09"), Decimal("22.09"))]


def _health_final(amount: str) -> str:
    rows = [
        "某县卫生健康委员会2024年部门决算",
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t7132.18\t700.00\t6432.18",
        "210\t卫生健康支出\t7132.18\t700.00\t6432.18",
        "21004\t公共卫生\t6432.18\t0.00\t6432.18",
        "2100408\t基本公共卫生服务\t6432.18\t0.00\t6432.18",
        "21001\t卫生健康管理事务\t700.00\t700.00\t0.00",
        "2100101\t行政运行\t700.00\t700.00\t0.00",
        "三、支出决算情况说明",
        f"2.基本公共卫生服务（项）支出{amount}万元，主要用于基本公共卫生服务项目。",
    ]
    return "\n".join(rows) + "\n"


def test_an_item_named_with_its_level_alone_is_its_rows_figure(tmp_path: Path) -> None:
    """ "2.基本公共卫生服务（项）支出6423.18万元" against the one 项 row printed under that name (2100408, 6432.18): a
    科目 named by its level alone is that row's figure (a recall gap adv275 1-2 measured: only a full 类/款/项 path or a
    name with its code was checked)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _health_final("6432.18"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _health_final("6423.18")))
    assert [(r, v, e) for r, _s, v, e in found] == [("item_code.path-vs-rows", Decimal("6423.18"), Decimal("6432.18"))]


def _whole_department(rate: str, per_head: str) -> str:
    return (
        "某区教育局2024年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
        "2024年部门年初预算数98456.20万元，全年预算数104318.75万元，全年执行数101927.44万元。\n"
        f"全年预算执行率为{rate}%，较上年提高1.2个百分点。其中：基本支出78214.63万元，占总支出的76.74%；项目支出"
        "23712.81万元，占总支出的23.26%。\n"
        f"按在职人员2846人计算，人均基本支出{per_head}万元。\n"
    )


def test_a_per_capita_of_a_total_printed_earlier_in_its_section(tmp_path: Path) -> None:
    """ "按在职人员2846人计算，人均基本支出29.13万元" where 基本支出 78214.63 is printed in the paragraph before: the total
    the figure names, printed once in its section, is its total (a recall gap adv275 3-2 measured)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _whole_department("97.71", "27.48"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _whole_department("97.71", "29.13")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.per-capita", Decimal("29.13"), Decimal("27.48"))]


def test_a_rate_opening_its_sentence_is_of_the_figures_the_sentence_before_ends_on(tmp_path: Path) -> None:
    """ "…全年预算数104318.75万元，全年执行数101927.44万元。¶ 全年预算执行率为103.53%": the rate is of those figures, and
    of the 全年 budget it names — 103.53% is 执行 ÷ 年初预算 (a recall gap adv275 3-1 measured). Taken from another
    paragraph, it is a warning."""
    found = [
        (f.rule, f.severity, f.stated_value)
        for f in _scan_txt(tmp_path / "b.txt", _whole_department("103.53", "27.48"))
    ]
    assert ("rate.execution-text", "warning", Decimal("103.53")) in found
    assert not [x for x in found if x[1] == "error"]


def test_a_parts_source_remark_does_not_end_its_list(tmp_path: Path) -> None:
    """ "…事业收入412.36万元，占本年收入的11.10%，主要为普通高中学费和住宿费收入；其他收入36.84万元": the remark says where
    the part came from; 其他收入 is still a part (adv276: the complete list was read as partial)."""

    def report(total: str) -> str:
        return (
            f"某中学2024年度单位决算\n本年收入合计{total}万元。其中：财政拨款收入3265.48万元，占本年收入的87.91%；"
            "事业收入412.36万元，占本年收入的11.10%，主要为普通高中学费和住宿费收入；其他收入36.84万元，占本年收入的"
            "0.99%，主要为存款利息收入。\n"
        )

    found = _scan_txt(tmp_path / "a.txt", report("3714.68"))
    assert [f for f in found if f.rule.startswith("sum.")] == []
    wrong = _errors(_scan_txt(tmp_path / "b.txt", report("3724.68")))
    assert [(r, v, e) for r, _s, v, e in wrong] == [("sum.enumeration", Decimal("3724.68"), Decimal("3714.68"))]


def _housing_final(project_total: str, reception: str) -> str:
    rows = [
        "某区住房和城乡建设局2024年度部门决算",
        "表2 支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        f"\t合计\t3470.20\t1850.20\t{project_total}",
        "2120101\t行政运行\t1850.20\t1850.20\t0.00",
        "2120102\t一般行政管理事务\t620.00\t0.00\t620.00",
        "2120303\t小城镇基础设施建设\t1000.00\t0.00\t1000.00",
        "表3 “三公”经费财政拨款支出决算表",
        "单位：万元",
        "项目\t预算数\t决算数",
        "合计\t25.00\t22.95",
        "因公出国（境）费\t0.00\t0.00",
        "公务用车购置费\t0.00\t0.00",
        "公务用车运行维护费\t20.00\t18.60",
        "公务接待费\t5.00\t4.35",
        "四、三公经费财政拨款支出决算情况说明",
        "2024年度三公经费财政拨款支出决算22.95万元，完成预算的91.80%。具体情况如下：因公出国（境）费0.00万元；"
        f"公务用车购置费0.00万元；公务用车运行维护费18.60万元；公务接待费{reception}万元。",
    ]
    return "\n".join(rows) + "\n"


def test_a_table_of_items_alone_and_a_sangong_table_named_after_its_fund(tmp_path: Path) -> None:
    """A 支出决算表 printing its 项 rows alone (no 类 or 款 rows): 合计 = Σ项, so a 项目支出 合计 100.00 off is the cell
    found, not the 本年支出合计 beside it (adv279 D1-S1 blamed the wrong cell). "“三公”经费财政拨款支出决算表" is the 三公
    table, and "具体情况如下：" opens the list of the 三公 total's parts (adv279 D1-S3, missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _housing_final("1620.00", "4.35"))) == []
    cell = _errors(_scan_txt(tmp_path / "b.txt", _housing_final("1720.00", "4.35")))
    assert [(r, s, v, e) for r, s, v, e in cell if r.startswith(("sum.", "template."))] == [
        ("sum.table-cell", "表2 支出决算表 合计 项目支出", Decimal("1720.00"), Decimal("1620.00"))
    ]
    text = _errors(_scan_txt(tmp_path / "c.txt", _housing_final("1620.00", "4.53")))
    assert [(r, v, e) for r, _s, v, e in text] == [("template.narrative-vs-table", Decimal("4.53"), Decimal("4.35"))]


def test_a_budget_completion_rate_of_the_figures_before_it(tmp_path: Path) -> None:
    """ "该项目预算8,600.00万元，实际支出8,452.36万元，预算完成率98.3%": 完成率 against a budget is 实际 ÷ 预算 (adv278:
    left unchecked, its base words being 计划/目标 only)."""

    def report(rate: str) -> str:
        return (
            "某区城市管理委员会2024年度部门决算\n（一）环境卫生作业项目。该项目预算8,600.00万元，实际支出8,452.36万元，"
            f"预算完成率{rate}%。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("98.3"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("97.3")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.ratio-text", Decimal("97.3"), Decimal("98.28"))]


def test_a_change_rate_finding_names_the_amount_its_rate_implies(tmp_path: Path) -> None:
    """ "收入预算总计16,074.80万元，比上年增加1,224.75万元，增长6.81%": the sentence alone cannot tell whether the amount or
    the rate is the slip (adv279 D4-S1: the amount was); the rate's finding says what amount the rate implies."""
    text = "某县教育局2025年部门预算\n2025年本部门收入预算总计16,074.80万元，比上年增加1,224.75万元，增长6.81%。\n"
    (f,) = [x for x in _scan_txt(tmp_path / "a.txt", text) if x.severity == "error"]
    assert f.rule == "template.change" and "增加额应约为 1024.90万元" in f.explanation


def test_a_pdf_tables_title_joined_to_the_unit_line_of_the_next_page() -> None:
    """ "表4 财政拨款收支预算总表" the last line of page 2 and "单位：万元" the first of page 3, read as one paragraph of
    page 2 while the table below the unit line has no title: that paragraph's head is the title (adv282 F1–F3: the
    untitled 财政拨款 table was compared with all-funds figures)."""
    from extractors.model import Cell, Document, Paragraph, Provenance, Table
    from extractors.table_titles import lift_titles

    cells = [Cell("一、社会保障和就业支出", 0, 0), Cell("918.60", 0, 1)]
    grid = Table(cells, 1, 2, Provenance("x", page=3), pages=[3], touches_top=False)
    grid.unit = "万元"
    joined = Paragraph("表4 财政拨款收支预算总表单位：万元", Provenance("x", page=2))
    doc = Document("a.pdf", "x", "pdf", [joined, grid])
    lift_titles(doc)
    assert doc.tables()[0].title == "表4 财政拨款收支预算总表"
    mid = Table(list(cells), 1, 2, Provenance("x", page=3), pages=[3], touches_top=False)
    prose = Paragraph("本部门支出主要用于社会保障和就业支出。", Provenance("x", page=2))
    other = Document("b.pdf", "x", "pdf", [prose, mid])
    lift_titles(other)
    assert other.tables()[0].title is None


def _final_grand_totals(out_total: str) -> str:
    rows = [
        "某县农业农村局2024年度部门决算",
        "表1 收入支出决算总表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款收入\t2792.11\t一、农林水支出\t2792.11",
        "本年收入合计\t2792.11\t本年支出合计\t2792.11",
        "年初结转和结余\t462.09\t年末结转和结余\t462.09",
        f"收入总计\t3254.20\t支出总计\t{out_total}",
    ]
    return "\n".join(rows) + "\n"


def test_grand_total_rows_named_by_their_side(tmp_path: Path) -> None:
    """A 收入支出决算总表 whose grand totals read 收入总计 | 支出总计 (not a bare 总计): the template's 总计 rules hold
    them too (adv283 1a: 支出总计 9.00 off went unchecked)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _final_grand_totals("3254.20"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _final_grand_totals("3263.20")))
    assert [(v, e) for _r, _s, v, e in found] == [(Decimal("3263.20"), Decimal("3254.2"))]


def test_a_breakdown_said_specifically_is_complete(tmp_path: Path) -> None:
    """ "项目支出3,845.67万元具体为：A 1,486.75万元，B 2,020.00万元，…": 具体为 opens the list of everything the total is
    made of (adv283 3b, missed: no opener)."""

    def report(third: str) -> str:
        return (
            "某县交通运输局2025年部门预算\n项目支出3,845.67万元具体为：农村公路养护工程1,486.75万元，公路建设项目2,020.00"
            f"万元，道路运输管理及执法专项{third}万元，交通运输信息化及其他专项196.32万元。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("142.60"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("124.60")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("3845.67"), Decimal("3827.67"))]


def test_a_remark_runs_to_its_parts_semicolon(tmp_path: Path) -> None:
    """ "…15.32万元，全部为公务用车运行费，主要用于单位7辆公务用车的燃料、维修、保险等支出；公务接待费4.68万元": the remark,
    its 、 and its count are the part's own, to the "；" (adv283: the list was cut before 公务接待费)."""

    def report(total: str) -> str:
        return (
            "某县农业农村局2024年度部门决算\n三、三公经费支出决算情况说明\n2024年度一般公共预算财政拨款“三公”经费支出决算为"
            f"{total}万元。其中：因公出国（境）费0万元；公务用车购置及运行费15.32万元，全部为公务用车运行费，主要用于单位7辆"
            "公务用车的燃料、维修、保险等支出；公务接待费4.68万元，共接待国内来访团组38批次、312人次。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("20.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("20.18")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("20.18"), Decimal("20"))]


def test_names_listed_after_a_respectively_take_the_figures_given_respectively(tmp_path: Path) -> None:
    """ "重点支持5个项目，分别为：A项目、B项目…，分别安排4.20亿元、3.60亿元…": the amounts are the projects', not the
    bonds' whole, so "A项目使用4.20亿元，占新增专项债券的30.00%" is of the 14.00 (adv281 F1: the part printed again was
    taken as its whole, 4.20 ÷ 4.20)."""

    def report(share: str) -> str:
        return (
            "某市2024年政府性基金预算执行情况\n2024年，省财政厅转贷我市新增专项债券14.00亿元，重点支持3个项目，分别为：甲产业园"
            "基础设施建设项目、乙生态综合治理项目、丙医院迁建项目，分别安排4.20亿元、3.60亿元、6.20亿元。\n其中，甲产业园基础"
            f"设施建设项目使用专项债券4.20亿元，占新增专项债券的{share}%。\n"
        )

    found = _scan_txt(tmp_path / "a.txt", report("30.00"))
    assert _errors(found) == []
    assert {f.subject for f in found if f.stated_value == Decimal("3.60")} <= {"乙生态综合治理项目"}
    wrong = _errors(_scan_txt(tmp_path / "b.txt", report("32.00")))
    assert [(r, v, e) for r, _s, v, e in wrong] == [("share.stated-vs-computed", Decimal("32.00"), Decimal("30.00"))]


def test_a_share_of_the_lists_total_named_with_its_measure(tmp_path: Path) -> None:
    """ "2025年支出预算5,319.00万元，其中：基本支出1,473.33万元，占支出预算的27.70%": the whole is the list's total (支出, a
    预算), named with its measure word (adv283: left unchecked, 未找到分母“支出预算”)."""

    def report(share: str) -> str:
        return (
            "某县交通运输局2025年部门预算\n2025年支出预算5,319.00万元，其中：基本支出1,473.33万元，占支出预算的"
            f"{share}%，主要用于人员工资福利和日常公用经费；项目支出3,845.67万元，占72.30%。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("27.70"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("29.70")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("29.70"), Decimal("27.70"))]


def test_an_item_named_by_its_level_under_a_fund_is_that_funds_row(tmp_path: Path) -> None:
    """ "财政拨款支出…主要用于以下方面：农林水支出（类）6215.82万元" against an all-funds 支出决算表 whose 213 row prints
    6573.50: the 科目 named by its level alone is the 财政拨款 figure, which that table does not print (adv247, a false
    error of this stop's own, caught before landing)."""
    rows = [
        "某县农业农村局2024年部门决算",
        "支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t6573.50\t500.00\t6073.50",
        "213\t农林水支出\t6573.50\t500.00\t6073.50",
        "21301\t农业农村\t6573.50\t500.00\t6073.50",
        "四、财政拨款支出决算情况说明",
        "2024年度财政拨款支出6215.82万元，主要用于以下方面：农林水支出（类）6215.82万元，占100.00%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_shares_of_a_bare_spending_in_each_districts_paragraph_are_not_one_figure(tmp_path: Path) -> None:
    """Each district's "实际支出…，支出占全市实际支出的X%" in its own paragraph: a bare 支出 names no part, so two districts'
    shares of one whole are never printings of one figure (adv285 F1: 26.34 vs 19.14)."""
    text = (
        "某市2024年度乡村振兴衔接专项资金绩效评价报告\n三、资金使用情况\n全市实际支出11,436.50万元。\n"
        "西城区下达资金2,340.00万元。\n实际支出2,188.60万元，执行率为93.53%，支出占全市实际支出的19.14%。\n"
        "南湖区下达资金3,180.00万元。\n实际支出3,012.75万元，执行率为94.74%，支出占全市实际支出的26.34%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_the_whole_printed_in_a_parts_share_is_no_part(tmp_path: Path) -> None:
    """ "…其中国有土地使用权出让收入352418万元，占全省同项收入2,865,400万元的12.3%": the province's figure is the share's
    whole, not a second part of the fund's income (adv285: an info summed 352418 + 2865400)."""
    text = (
        "某市2024年政府性基金预算执行情况\n2024年全市政府性基金预算收入384700万元，其中国有土地使用权出让收入352418万元，"
        "占全省同项收入2,865,400万元的12.3%。\n"
    )
    found = _scan_txt(tmp_path / "a.txt", text)
    assert not [f for f in found if f.rule.startswith("sum.") and f.expected_value == Decimal(3217818)]


def test_a_full_path_under_a_funds_section_is_that_funds_figure(tmp_path: Path) -> None:
    """ "（三）一般公共预算财政拨款支出决算具体情况 › 农林水支出（类）农业农村（款）事业运行（项）…支出决算为398.00万元" where
    only the all-funds 支出决算表 prints 2130104 (423.18 = 398.00 + 其他收入 25.18): another figure of the 科目, no
    error (adv284 F1–F2)."""
    rows = [
        "某县农业农村局2024年度部门决算",
        "支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "\t合计\t423.18\t423.18\t0.00",
        "213\t农林水支出\t423.18\t423.18\t0.00",
        "21301\t农业农村\t423.18\t423.18\t0.00",
        "2130104\t事业运行\t423.18\t423.18\t0.00",
        "五、一般公共预算财政拨款支出决算情况说明",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "1.农林水支出（类）农业农村（款）事业运行（项）。年初预算为395.00万元，支出决算为398.00万元，完成年初预算的"
        "100.76%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def _by_level(total: str) -> str:
    return (
        "某州2024年预算执行情况和2025年预算草案的报告\n分级次看，全州一般公共预算收入"
        f"{total}万元中，州本级收入214385万元，县市级收入800897万元。\n"
    )


def test_a_breakdown_opening_with_its_whole_by_level(tmp_path: Path) -> None:
    """ "分级次看，全州一般公共预算收入1018282万元中，州本级收入…，县市级收入…": the whole the breakdown opens with ("X中，"),
    its parts the two levels, which make it up (a recall gap adv286 S5 measured)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _by_level("1015282"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _by_level("1018282")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("1018282"), Decimal("1015282"))]


def test_a_per_capita_of_a_part_named_as_its_item(tmp_path: Path) -> None:
    """ "其中：基本支出878.60万元…。按编制人数57人计算，人均基本支出15.91万元": the part of the paragraph before named as the
    per-capita's item is its total (a recall gap adv286 S9 measured)."""

    def report(per_head: str) -> str:
        return (
            "某县卫生健康局2025年部门预算\n二、支出预算情况\n2025年支出预算1320.00万元，其中：基本支出878.60万元，项目支出"
            f"441.40万元。\n按编制人数57人计算，人均基本支出{per_head}万元。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("15.41"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("15.91")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.per-capita", Decimal("15.91"), Decimal("15.41"))]


def test_a_numbered_list_of_subtotals_each_broken_down_is_no_flat_list(tmp_path: Path) -> None:
    """ "收入总计2,511.37万元。包括：1.本年收入合计2,390.87万元，其中…2,345.67万元，…；其他收入45.20万元，…。2.年初结转和结余
    120.50万元。": 其他收入 is a part of 本年收入合计's own list, not of 收入总计 (adv274, a false error of this stop's own
    list openers, caught before landing)."""
    text = (
        "某县财政局2024年度部门决算\n（一）收入总计2,511.37万元。包括：1.本年收入合计2,390.87万元，其中一般公共预算财政拨款"
        "收入2,345.67万元，占98.11%；其他收入45.20万元，占1.89%。2.年初结转和结余120.50万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_sangong_table_printing_the_cars_running_cost_alone(tmp_path: Path) -> None:
    """合计 | 因公出国（境）费 | 公务用车运行维护费 | 公务接待费 with no 公务用车购置及运行费 head: the car's part is its one
    column, never a 0 (adv287 F3: 18.50 vs 6.50)."""

    def table(total: str) -> str:
        return (
            "某市教育局2025年部门预算\n表5 “三公”经费支出预算表\n单位：万元\n合计\t因公出国（境）费\t公务用车运行维护费\t"
            f"公务接待费\n{total}\t0.00\t12.00\t6.50\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", table("18.50"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", table("19.50")))
    assert [(r, v, e) for r, _s, v, e in found] == [("template.columns", Decimal("19.50"), Decimal("18.50"))]


def test_a_per_capita_of_its_own_clause_never_of_a_figure_per_head(tmp_path: Path) -> None:
    """ "…生均财政投入8623元；按常住人口8364万人计算，全省人均教育支出2206元" and "…生均公用经费1200元；…资助学生8400人次，人均
    1500元": a figure per head (生均) is no total, and the clause before the "；" is another group's (adv287 F1–F2). The
    total the figure names, printed a paragraph before, is its total."""
    text = (
        "某省2024年预算执行情况和2025年预算草案的报告\n全省教育支出1845.3亿元。\n按全省义务教育在校生1003.4万人计算，义务教育生均"
        "财政投入8623元；按常住人口8364万人计算，全省人均教育支出2206元。\n按市直普通高中在校生15300人计算，生均公用经费1200"
        "元；学生资助补助经费预计资助学生8400人次，人均1500元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    wrong = _errors(_scan_txt(tmp_path / "b.txt", text.replace("人均教育支出2206元", "人均教育支出2306元")))
    assert [(r, v) for r, _s, v, _e in wrong] == [("rate.per-capita", Decimal("2306"))]


def test_a_funds_spending_of_the_year_is_no_grand_total(tmp_path: Path) -> None:
    """ "财政拨款收入、支出决算总计1,901.60万元。与2023年度相比，财政拨款支出比上年增加85.55万元，增长5.0%": the fund's spending
    of the year is a part of the 总计 (with the carry-over), never its printing (adv288 F1: 5.0 vs 4.7)."""
    text = (
        "某县农业农村局2024年部门决算\n四、财政拨款收入支出决算总体情况说明\n2024年度财政拨款收入、支出决算总计1,901.60万元。"
        "与2023年度相比，财政拨款支出比上年增加85.55万元，增长5.0%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_numbered_items_list_ends_at_the_next_number(tmp_path: Path) -> None:
    """ "2.社会保障和就业支出2101.8亿元，其中养老保险补助1010.5亿元；3.卫生健康支出1003.7亿元": item 3 is the total's sibling,
    no part of its 其中 (adv287: an info summed 1010.5 + 1003.7)."""
    text = (
        "某省2024年预算执行情况和2025年预算草案的报告\n重点支出保障有力：1.教育支出1845.3亿元；2.社会保障和就业支出2101.8亿元，"
        "其中养老保险补助1010.5亿元；3.卫生健康支出1003.7亿元。\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("sum.")] == []


def _projects_one_after_another(second_other: str) -> str:
    return (
        "某区2024年度项目支出绩效自评报告\n一、自评工作开展情况\n"
        "2024年城区老旧小区改造配套项目：全年预算数1530.00万元，其中当年财政拨款1350.00万元、上年结转资金180.00万元、"
        "其他资金0.00万元；全年执行数1468.90万元，预算执行率96.01%。\n"
        "学前教育普惠性幼儿园生均补助：全年预算数920.00万元，其中当年财政拨款856.00万元、上年结转资金0.00万元、其他资金"
        f"{second_other}万元；全年执行数906.18万元，预算执行率98.50%。\n"
        "困难群众临时救助资金：全年预算数460.00万元，其中当年财政拨款420.00万元、上年结转资金25.00万元、其他资金15.00万元；"
        "全年执行数449.12万元，预算执行率97.63%。\n"
    )


def test_projects_run_in_one_after_another_are_each_their_own(tmp_path: Path) -> None:
    """Paragraphs opening with a project's name ("学前教育普惠性幼儿园生均补助：全年预算数…") under one heading: each
    paragraph's figures are its project's, so two projects' 当年财政拨款 are no printings of one figure; and the 全年执行数
    after the 其中 list is the project's, not its last part's (其他资金) (adv289 F1–F2: 13 false repeats)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _projects_one_after_another("64.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _projects_one_after_another("54.00")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.enumeration", Decimal("920.00"), Decimal("910.00"))]


def test_a_total_after_parts_opening_their_sentence_may_have_more_before(tmp_path: Path) -> None:
    """ "…支出安排475498万元。其中：…。调出资金35000万元，专项债务还本支出65802万元，支出总计576300万元": the sentence before
    ends on the fund's spending, the list's first part left unread — no error (adv289 F3)."""
    text = (
        "某县2025年预算草案的报告\n2025年全县政府性基金预算支出安排475498万元，下降5.9%。其中：城乡社区支出436800万元，"
        "其他支出11948万元；债务付息支出26750万元。调出资金35000万元，专项债务还本支出65802万元，支出总计576300万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_completion_rate_after_the_figure_done_and_its_target(tmp_path: Path) -> None:
    """ "全年新建高标准农田12.36万亩，目标任务12.00万亩，完成率103.00%": what was done first, its target after it
    (a recall gap adv290 measured)."""
    text = (
        "某市农业农村局2024年度部门整体支出绩效自评报告\n全年新建高标准农田12.36万亩，目标任务12.00万亩，完成率{}%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("103.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("104.00")))
    assert [(r, v) for r, _s, v, _e in found] == [("rate.ratio-text", Decimal("104.00"))]


def test_a_per_capita_of_a_total_in_an_earlier_section_and_of_its_own_group(tmp_path: Path) -> None:
    """ "按在编教职工128人测算，2025年人均人员经费17.52万元" under 三、 with 人员经费 printed under 二、: the total named exactly
    so, once, before it (a recall gap adv290 S9 measured); 学生人均公用经费 is never of the staff counted."""
    text = (
        "某区第三中学2025年单位预算\n二、支出预算情况\n基本支出2826.45万元，其中人员经费2175.40万元，公用经费651.05万元。\n"
        "三、人员经费保障情况\n按在编教职工128人测算，2025年人均人员经费{}万元，学生人均公用经费3500元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("17.00"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("17.52")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.per-capita", Decimal("17.52"), Decimal("17.00"))]


def test_a_year_opening_a_clause_dates_the_breakdown_after_it(tmp_path: Path) -> None:
    """ "2024年…完成130,520万元，在此基础上，2025年…预期安排136,000万元…。其中，税收收入103,100万元": the parts are 2025's
    draft, never the 2024 budget of the table (adv291 F1–F2)."""
    text = (
        "某县2024年预算执行情况和2025年预算草案的报告\n表1 2024年一般公共预算收入执行情况表\n单位：万元\n项目\t预算数\t执行数\n"
        "税收收入\t96000\t98100\n非税收入\t30500\t32420\n"
        "2024年全县一般公共预算收入完成130,520万元，在此基础上，2025年一般公共预算收入预期安排136,000万元，比2024年执行数"
        "增长4.2%。其中，税收收入103,100万元，非税收入32,900万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_cities_named_in_one_character_run_in_leads_are_apart(tmp_path: Path) -> None:
    """ "萧县：一般公共预算收入完成25,320万元…" and "沛县：…21,180万元…": each paragraph's figures are its county's, no
    printings of one figure (adv291 F3–F16)."""
    text = (
        "某市2024年预算执行情况\n二、分县区情况\n萧县：一般公共预算收入完成25,320万元，其中税收收入18,100万元。\n"
        "沛县：一般公共预算收入完成21,180万元，其中税收收入15,200万元。\n"
    )
    assert [
        f for f in _scan_txt(tmp_path / "a.txt", text) if f.rule.startswith("repeat") and f.severity != "info"
    ] == []


def test_last_years_column_is_no_part_of_a_bare_total(tmp_path: Path) -> None:
    """地区 | 合计 | 一般性转移支付 | 专项转移支付 | 上年数: the 上年数 column is last year's, no part of this year's 合计
    (adv291 F17); the parts still add up to it."""

    def table(total: str) -> str:
        return (
            "某省2024年省对下转移支付情况说明\n表1 2024年省对下转移支付分地区情况表\n单位：亿元\n"
            f"地区\t合计\t一般性转移支付\t专项转移支付\t上年数\n甲市\t{total}\t600.00\t100.00\t650.00\n"
            "乙市\t300.00\t250.00\t50.00\t280.00\n"
        )

    assert [f for f in _scan_txt(tmp_path / "a.txt", table("700.00")) if f.severity != "info"] == []
    found = [f for f in _scan_txt(tmp_path / "b.txt", table("710.00")) if f.severity != "info"]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("sum.table-columns", Decimal("710.00"), Decimal("700.00"))
    ]


def test_last_years_budget_column_named_by_its_year_is_no_part(tmp_path: Path) -> None:
    """单位名称 | 合计 | 一般公共预算拨款 | … | 上年结转 | 2024年预算数 | 增减额 in a 2025 budget: the 2024 column and the
    change are no parts of the 合计, 上年结转 is (adv277, a false error of this stop's own, caught before landing)."""
    text = (
        "某街道办事处2025年部门预算\n二、分单位收入预算情况\n单位：万元\n"
        "单位名称\t合计\t一般公共预算拨款\t政府性基金预算拨款\t其他收入\t上年结转\t2024年预算数\t增减额\n"
        "合计\t10725.20\t9087.30\t1200.00\t127.90\t310.00\t9318.42\t1406.78\n"
        "本级\t8437.95\t6842.35\t1200.00\t85.60\t310.00\t7110.56\t1327.39\n"
        "社区服务中心\t2287.25\t2244.95\t0.00\t42.30\t0.00\t2207.86\t79.39\n"
    )
    assert [f for f in _scan_txt(tmp_path / "a.txt", text) if f.severity != "info"] == []


def test_a_lone_part_before_the_next_numbered_item_is_its_totals(tmp_path: Path) -> None:
    """ "1.市直普通高中运转经费7390.30万元，其中公用经费1836.00万元；2.…" and, in another section, "基本支出…，其中…公用经费
    360.80万元": the first is a part of the 运转经费, no printing of the department's 公用经费 (adv287, a false error of
    this stop's own, caught before landing)."""
    text = (
        "某市教育局2025年部门预算\n二、项目支出预算情况\n高中教育（项）一般公共预算拨款8650.30万元，包括：1.市直普通高中运转经费"
        "7390.30万元，其中公用经费1836.00万元；2.学生资助补助经费1260.00万元，其中国家助学金900.00万元、免学费补助360.00"
        "万元。\n三、一般公共预算基本支出预算情况\n一般公共预算基本支出3481.30万元，其中人员经费3120.50万元，公用经费360.80万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_share_of_the_project_spending_in_a_projects_paragraph(tmp_path: Path) -> None:
    """ "区人民医院能力提升项目：…实际支出1489.48万元…，其中设备购置支出968.20万元，占项目支出的65.00%" with the department's
    项目支出5735.92万元 printed in an earlier section: 项目支出 is this project's, never the department's (adv294 F1)."""
    text = (
        "某区卫生健康局2024年度部门整体支出绩效自评报告\n二、部门整体支出情况\n全年实际支出8230.55万元，其中基本支出2494.63万元，"
        "项目支出5735.92万元。\n三、项目支出情况\n区人民医院能力提升项目：年初预算1500.00万元，全年预算数1520.00万元，实际支出"
        "1489.48万元，执行率97.99%。完成发热门诊改造1处，购置CT等医疗设备12台（套），其中设备购置支出968.20万元，占项目支出的"
        "65.00%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
