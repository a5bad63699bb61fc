"""Figure identity: which printings are the same figure (scope, fund, measure, period, item), and the checks
that compare only those. Reports are written as plain text and go through the real reader and extractors."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.claims import extract_claims
from extractors.identity import DIFFERENT, SAME, UNSETTLED, Ambiguity, last_word, named_unit, relation
from extractors.model import Identity
from extractors.outline import build_outline
from extractors.tablefacts import extract_facts
from extractors.txt_reader import read_txt
from pipeline.checks import run_checks


def scan_text(tmp_path: Path, text: str, kind: str = "预算执行情况和预算草案的报告"):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_txt(path, "0" * 64)
    claims, facts = extract_claims(doc), extract_facts(doc)
    return claims, run_checks(claims, facts, build_outline(doc), doc=doc, kind=kind)


def alarms(findings):
    return [(f.rule, f.severity, f.stated_value) for f in findings if f.severity != "info"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("———全市一般公共预算收入", "全市"),
        ("2.市级 ———市级一般公共预算收入805亿元。其中,税收收入", "本级"),
        ("加上补助区县", ""),  # a transfer to the districts, not the districts' scope
        ("以及区县上解", ""),
        ("市级对区县转移支付执行情况为:市级对区县转移支付", "本级"),
        ("2025年全市一般公共预算收入安排", "全市"),
    ],
)
def test_scope_words_count_only_where_a_noun_phrase_begins(text: str, scope: str) -> None:
    assert last_word("scope", text) == scope


def test_measure_words_of_a_rate_base_are_not_the_figures_measure() -> None:
    assert last_word("measure", "收入2736亿元，完成预算的100.9%。其中,税收收入", phrase_start=False) == ""
    assert last_word("measure", "一、2025年预算执行情况", phrase_start=False) == "执行"
    assert last_word("measure", "2026年全市一般公共预算收入安排", phrase_start=False) == "预算"


def test_a_run_in_lead_names_the_unit_its_figures_belong_to() -> None:
    assert named_unit("淮南经济技术开发区2025年预算执行情况：一般公共预算收入6.2亿元") == "淮南经济技术开发区"
    assert named_unit("全市一般公共预算执行情况：2025年全市一般公共预算收入139亿元") == ""
    assert named_unit("主要税种收入情况为:增值税收入613亿元") == ""


def test_relation_needs_every_stated_component_to_agree() -> None:
    several = Ambiguity(frozenset({"scope", "period"}))
    a = Identity(scope="全市", fund="一般公共预算", measure="执行", period="2025")
    assert relation(a, a, several) == SAME
    assert relation(a, Identity(scope="本级", fund="一般公共预算", measure="执行", period="2025"), several) == DIFFERENT
    assert relation(a, Identity(fund="一般公共预算", measure="决算", period="2025"), several) == UNSETTLED
    assert relation(a, Identity(scope="全市", fund="一般公共预算", measure="决算", period="2025"), several) == SAME
    one_scope = Ambiguity(frozenset({"period"}))
    assert relation(a, Identity(fund="一般公共预算", measure="执行", period="2025"), one_scope) == SAME


CITY = """一、2025年预算执行情况
（一）一般公共预算执行情况
1.全市
全市一般公共预算收入2736亿元，增长5.4%，完成预算的100.9%。其中，税收收入1556亿元，增长2.3%。非税收入1180亿元。
2.市级
市级一般公共预算收入805亿元，下降4.7%。其中，税收收入587亿元，增长1.5%。非税收入218亿元。
（二）政府性基金预算执行情况
1.全市
全市政府性基金预算收入1593亿元。加上中央补助427亿元，收入总量为2020亿元。
2.市级
市级政府性基金预算收入810亿元。加上中央补助427亿元，收入总量为1237亿元。
二、2026年预算草案
（一）一般公共预算
全市一般公共预算收入预计2800亿元。其中，税收收入1600亿元。
"""


def test_the_same_words_under_another_scope_fund_or_year_are_another_figure(tmp_path: Path) -> None:
    claims, findings = scan_text(tmp_path, CITY)
    assert alarms(findings) == []
    tax = {c.quantity.text: c.identity for c in claims if c.subject == "税收收入"}
    assert tax["1556亿元"].scope == "全市" and tax["587亿元"].scope == "本级"
    assert tax["1556亿元"].measure == "执行" and tax["1600亿元"].measure == "预算"
    assert tax["1556亿元"].period == "2025" and tax["1600亿元"].period == "2026"
    totals = {c.quantity.text: c.identity for c in claims if c.subject == "收入总量"}
    assert totals["2020亿元"].fund == "政府性基金预算"


def test_the_same_figure_printed_twice_differently_is_still_an_error(tmp_path: Path) -> None:
    text = CITY + "三、补充说明\n2025年全市一般公共预算执行中，税收收入1565亿元。\n"
    _claims, findings = scan_text(tmp_path, text)
    errors = [f for f in findings if f.rule == "repeat.different-values" and f.severity == "error"]
    assert [str(f.stated_value) for f in errors] == ["1565"]
    assert "全市" in errors[0].subject and "税收收入" in errors[0].subject and "2025" in errors[0].subject


PROJECTS = """二、项目支出情况
1.乡村道路养护项目
乡村道路养护项目预算资金100.00万元，实际支出90.00万元，执行率90.00%。
2.农村饮水安全项目
农村饮水安全项目预算资金150.00万元，实际支出150.00万元，执行率100.00%。
3.人居环境整治项目
人居环境整治项目预算资金80.00万元，实际支出76.00万元，执行率95.00%。
"""


def test_per_project_figures_are_not_one_figure(tmp_path: Path) -> None:
    _claims, findings = scan_text(tmp_path, PROJECTS, kind="部门整体支出绩效自评报告")
    assert [f for f in findings if f.rule.startswith("repeat.")] == []


def test_named_units_in_run_in_leads_are_scopes(tmp_path: Path) -> None:
    text = (
        "（六）园区预算执行情况\n"
        "淮南经济技术开发区2025年预算执行情况：一般公共预算收入6.2亿元，收入合计8.9亿元。\n"
        "淮南高新技术产业开发区（山南新区）2025年预算执行情况：一般公共预算收入8.2亿元，收入合计14.6亿元。\n"
    )
    claims, findings = scan_text(tmp_path, text)
    assert alarms(findings) == []
    scopes = {c.quantity.text: c.identity.scope for c in claims}
    assert scopes["6.2亿元"] == "淮南经济技术开发区" and scopes["8.2亿元"] == "淮南高新技术产业开发区"


def test_action_phrases_are_no_items(tmp_path: Path) -> None:
    text = (
        "1.支持乡村振兴\n全市拨付资金2.6亿元，支持高标准农田建设。\n"
        "2.支持教育发展\n全市拨付资金9220万元，支持学校建设。\n"
    )
    _claims, findings = scan_text(tmp_path, text)
    assert [f for f in findings if f.rule.startswith("repeat.")] == []


def test_a_printing_whose_measure_is_not_stated_is_reported_as_undecided(tmp_path: Path) -> None:
    text = CITY + "三、附注\n2025年全市一般公共预算收入中，税收收入1565亿元。\n"
    _claims, findings = scan_text(tmp_path, text)
    assert alarms(findings) == []
    undecided = [f for f in findings if f.rule == "repeat.identity-unsettled"]
    assert [str(f.stated_value) for f in undecided] == ["1565"] and undecided[0].severity == "info"


SANGONG = (
    "2018年一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出100.00万元，占“三公”经费的{a}%；"
    "公务用车购置及运行费支出267.80万元，占“三公”经费的55.30%；公务接待费支出116.50万元，占“三公”经费的{c}%。\n"
)


def test_shares_of_a_whole_never_printed_are_checked_against_the_sum_of_their_parts(tmp_path: Path) -> None:
    # 100.00 + 267.80 + 116.50 = 484.30: 20.65% + 55.30% + 24.06% = 100.01%, all within rounding
    claims, found = scan_text(tmp_path, "江苏省某厅2018年部门预算\n" + SANGONG.format(a="20.65", c="24.06"), "部门预算")
    assert alarms(found) == []
    assert not [f for f in found if f.rule == "unresolved.no-counterpart" and "三公" in f.explanation]
    # 25.00% + 55.30% + 19.70% = 100%: the shares say the three are the whole, and 100.00 ÷ 484.30 = 20.65%
    _, found = scan_text(tmp_path, "江苏省某厅2018年部门预算\n" + SANGONG.format(a="25.00", c="19.70"), "部门预算")
    got = alarms(found)
    assert ("share.stated-vs-computed", "warning", Decimal("25.00")) in got
    f = next(f for f in found if f.stated_value == Decimal("25.00"))
    assert "100.00万元 ÷ 484.30 = 20.65%" in f.explanation and "凑整" not in f.explanation
    # 20.64% + 55.30% + 24.06% = 100%, where rounding gives 20.65%: the shares forced to add up to 100%
    _, found = scan_text(tmp_path, "江苏省某厅2018年部门预算\n" + SANGONG.format(a="20.64", c="24.06"), "部门预算")
    plugged = [f for f in found if f.rule == "share.stated-vs-computed"]
    assert [(f.severity, f.stated_value) for f in plugged] == [("warning", Decimal("20.64"))]
    assert "凑整" in plugged[0].explanation


def test_shares_that_do_not_add_up_to_the_whole_name_no_whole(tmp_path: Path) -> None:
    # 20.65% + 55.30% alone: the whole's other parts are not named here, so its size is not known
    text = (
        "江苏省某厅2018年部门预算\n“三公”经费预算支出中，因公出国（境）费支出100.00万元，占“三公”经费的30.00%；"
        "公务用车购置及运行费支出267.80万元，占“三公”经费的55.30%。\n"
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    assert alarms(found) == []


def _budget(*paragraphs: str) -> str:
    return "江苏省某院2018年部门预算\n" + "\n".join(paragraphs) + "\n"


def test_one_figure_printed_twice_with_two_change_amounts_is_a_warning_on_the_odd_one(tmp_path: Path) -> None:
    text = _budget(
        "（1）一般公共预算收入预算21,940.96万元，与上年相比增加3,959.28万元，增长22%。",
        "财政拨款收、支总预算21,940.96万元。与上年相比，财政拨款收、支总计各增加3,958.98万元，增长22%。",
        "2018年一般公共预算财政拨款支出预算21,940.96万元，与上年相比增加3,958.98万元，增长22%。",
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    got = [f for f in found if f.rule == "change.amounts-disagree"]
    assert [(f.severity, f.stated_value, f.expected_value) for f in got] == [
        ("warning", Decimal("3959.28"), Decimal("3958.98"))
    ]
    assert "17981.68万元 与 17981.98万元" in got[0].explanation and "此处与其余各处不一" in got[0].explanation


def test_change_amounts_of_figures_that_are_not_certainly_one_are_not_compared(tmp_path: Path) -> None:
    text = _budget(
        # the 收支总计 of all funds and the 财政拨款 alone: equal this year, not last year
        "2018年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元，增长17.31%。",
        "2018年一般公共预算财政拨款支出预算24458.43万元，与上年相比增加3756.18万元，增长18.14%。",
        # 200万元 is the change of another item, not of the 1469.73 printed before it
        "会议费预算支出1469.73万元，比上年预算增加164.48万元，主要原因是运转类专项经费统一压减10%，"
        "人代会专项经费增加200万元，增减相抵后增加164.48万元。",
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    assert not [f for f in found if f.rule == "change.amounts-disagree"]


def _final(*paragraphs: str) -> str:
    return "某地区2025年财政决算（草案）\n" + "\n".join(paragraphs) + "\n"


SANGONG_REVIEW = (
    "1.“三公”经费情况。本级“三公”经费支出0.2683亿元，同比增长{rate}%。其中：公务接待费支出0.0293亿元、"
    "同比减支0.0132亿元、下降31.1%，公务用车购置及运行维护费支出0.2390亿元、同比增支{car}亿元、增长25.7%。"
)
SANGONG_NOTE = (
    "2025年度财政拨款“三公”经费支出2683万元，比上年增加356万元，增长15.3%。其中：公务用车购置及运行维护费支出"
    "2390万元，占89%，比上年增加489万元，增长25.7%；公务接待费支出293万元，占11%，比上年减少132万元，下降31.1%。"
)


def test_one_item_printed_in_two_units_with_two_changes_is_a_warning(tmp_path: Path) -> None:
    # the review of the year and the 三公 note: the same three figures, in 亿元 and in 万元, with a share between
    _, found = scan_text(tmp_path, _final(SANGONG_REVIEW.format(rate="15.3", car="0.0489"), SANGONG_NOTE), "政府决算")
    assert not [f for f in found if f.rule.startswith("change.") and f.severity != "info"]
    text = _final(SANGONG_REVIEW.format(rate="12", car="0.0417"), SANGONG_NOTE)
    _, found = scan_text(tmp_path, text, "政府决算")
    got = sorted((f.subject, f.stated_value, f.expected_value) for f in found if f.rule == "change.amounts-disagree")
    # 489 vs 417 for the car: one finding (its 25.7% rate printed in both places agrees);
    # 15.3% vs 12% for the whole: 2683 ÷ 1.153 = 2327 but 2683 ÷ 1.12 = 2396
    assert [(s, v) for s, v, _ in got] == [
        ("公务用车购置及运行维护费", Decimal("489")),
        ("财政拨款三公经费", Decimal("15.3")),
    ]
    assert got[0][2] == Decimal("417")  # the other printing's amount, in this printing's unit (0.0417亿元)


def test_a_change_of_another_item_in_the_same_sentence_is_not_the_levels(tmp_path: Path) -> None:
    text = _final(
        "2025年，市级政府性基金预算收入完成88.69亿元，比上年下降11.3%，主要是国有土地使用权出让收入下降20.5%。",
        "市级政府性基金预算收入88.69亿元，比上年下降11.3%。",
    )
    _, found = scan_text(tmp_path, text, "政府决算")
    assert not [f for f in found if f.rule == "change.amounts-disagree"]


FILLER = "主要用于保障机关正常运转。\n" * 6


def test_a_whole_named_without_its_measure_word_is_found_further_up(tmp_path: Path) -> None:
    text = _budget(
        "本年支出预算合计21,955.35万元，其中：",
        FILLER,
        "2018年财政拨款预算支出21,940.96万元，占本年支出合计的99.94%。",  # 21,940.96 ÷ 21,955.35 = 99.934%
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    assert alarms(found) == [("share.stated-vs-computed", "error", Decimal("99.94"))]


def test_a_whole_of_another_measure_is_not_taken_for_it(tmp_path: Path) -> None:
    text = (
        "某局2023年度部门决算\n年初预算本年支出合计21,955.35万元。\n"
        + FILLER
        + "2023年财政拨款支出决算21,940.96万元，占本年支出合计的99.94%。\n"
    )
    _, found = scan_text(tmp_path, text, "部门决算")
    assert alarms(found) == []


def test_one_wrong_share_printed_twice_is_one_finding_naming_both_places(tmp_path: Path) -> None:
    text = _budget(
        "本年收入预算合计21,955.35万元，其中：一般公共预算收入21,940.96万元，占本年收入预算合计的99.94%。",
        "本年支出预算合计21,955.35万元，其中：财政拨款支出21,940.96万元，占本年支出预算合计的99.94%。",
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    got = [f for f in found if f.rule == "share.stated-vs-computed"]
    assert [(f.severity, f.stated_value) for f in got] == [("error", Decimal("99.94"))]
    assert "另见 段落3" in got[0].explanation and any(p.render().startswith("段落3") for p in got[0].related)


def test_a_table_titled_by_one_part_makes_its_rows_that_parts() -> None:
    from model_builders import fact

    from extractors.identity import fact_identity

    title = "2023年自治区本级一般公共预算基本支出决算表"
    row = fact("134", ("公务接待费",), ("决算数",), 1, 13, 2, title=title, unit="万元")
    total = fact("50,000", ("合计",), ("决算数",), 1, 3, 2, title=title, unit="万元")
    assert fact_identity(row).part_of == "基本支出"  # the 基本支出 part of 公务接待费, not the 三公 公务接待费
    assert fact_identity(total).part_of == ""  # the table's total is 基本支出 itself
    other = fact("525", ("公务接待费",), ("决算数",), 2, 7, 2, title="一般公共预算“三公”经费决算表", unit="万元")
    assert fact_identity(other).part_of == ""
    three = Identity(period="2023", measure="决算")
    assert relation(replace(three, part_of="基本支出"), three, Ambiguity(frozenset())) == UNSETTLED


def test_change_amounts_against_last_years_budget_and_last_years_actual_may_differ(tmp_path: Path) -> None:
    text = _budget(
        "2018年一般公共预算财政拨款支出预算21,940.96万元，比上年预算增加3,959.28万元。",
        "2018年一般公共预算财政拨款支出预算21,940.96万元，比上年执行数增加3,958.98万元。",
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    assert not [f for f in found if f.rule == "change.amounts-disagree"]


def test_the_year_compared_with_is_not_the_period_of_the_figures_after_it(tmp_path: Path) -> None:
    text = (
        "2023年自治区本级“三公”经费决算说明\n"
        "2023年公务用车购置及运行维护费较2022年减少538万元，降幅达8.1%。公车运行维护费较上年增加333万元。\n"
    )
    claims, _ = scan_text(tmp_path, text, "政府决算")
    after = next(c for c in claims if c.quantity.value == Decimal("333"))
    assert after.identity.period == "2023"


def test_a_leading_scope_word_is_identity_not_subject() -> None:
    from pipeline.checks.base import subject_key

    assert subject_key("市本级政府性基金收入") == subject_key("政府性基金收入")
    assert subject_key("自治区本级“三公”经费支出合计") == subject_key("“三公”经费支出合计")
    assert subject_key("区县级一般公共预算收入") == "区县级一般公共预算收入"  # 区县 + 级: not a scope word here
    assert subject_key("全市") == "全市"


def test_a_stretch_of_the_year_is_not_the_year(tmp_path: Path) -> None:
    text = (
        "洛阳市2025年预算执行情况和2026年预算草案的报告\n"
        "2026年市级一般公共预算支出安排127亿元。\n"
        "截至2026年1月31日，市本级一般公共预算支出5.8亿元，其中：基本支出4.3亿元；项目支出1.5亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    early = next(c for c in claims if c.quantity.value == Decimal("5.8"))
    assert early.identity.period == "2026年截至1月31日"
    assert alarms(found) == []


def test_a_table_number_before_the_title_keeps_the_titles_scope_and_fund() -> None:
    from extractors.identity import last_word

    for title in ("表1  2023年州本级一般公共预算收支决算表", "附表1-2 2023年州本级一般公共预算收支决算表"):
        assert (last_word("scope", title), last_word("fund", title)) == ("本级", "一般公共预算")


def test_last_years_measure_is_last_years_figure(tmp_path: Path) -> None:
    """上年预算为12亿元 names its measure (预算) and its year (上年): last year's budget, not this year's."""
    text = (
        "关于某市2024年预算执行情况和2025年预算草案的报告\n"
        "市本级一般公共预算收入预算12.96亿元，比上年执行数增长4%，比上年预算增长8%。\n"
        "市本级一般公共预算收入上年执行数为12.46亿元，上年预算为12亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    budget = next(c for c in claims if c.quantity.value == Decimal("12.96"))
    for value in ("12.46", "12"):
        prior = next(c for c in claims if c.quantity.value == Decimal(value))
        assert prior.period == "上年"
        assert prior.identity.period == str(int(budget.identity.period) - 1)
    assert alarms(found) == []


def test_a_comparisons_last_year_is_not_the_figures_period() -> None:
    from extractors.subjects import analyse_pre

    assert analyse_pre("上年预算为").period == "上年"
    assert analyse_pre("去年执行数为").period == "上年"
    assert analyse_pre("比上年预算").period == ""
    assert analyse_pre("上年结转预算为").period == ""  # 上年结转 is an item's name, not last year
    assert analyse_pre("预算为").period == ""


def test_a_prior_year_figure_without_a_year_in_its_context_takes_the_year_before_the_reports() -> None:
    from extractors.claims import extract_claims
    from extractors.model import Document, Paragraph, Provenance

    texts = ["2024年某市预算执行情况", "一般公共预算收入上年预算为12亿元。"]
    blocks = [Paragraph(text=t, prov=Provenance(sha256="x", block=i, paragraph=i)) for i, t in enumerate(texts)]
    cs = extract_claims(Document(path="t.txt", sha256="x", format="txt", blocks=list(blocks)))
    assert next(c for c in cs if c.quantity.value == Decimal("12")).identity.period == "2023"
