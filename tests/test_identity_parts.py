"""Mechanisms behind the realdocs-wide review (each also pinned on the real reports by tests/golden): which
printings are one figure, which rows are parts, and how close printings in different units must be."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_identity import alarms, scan_text

from extractors.identity import DIFFERENT, UNSETTLED, Ambiguity, bracket_parent, relation
from extractors.model import Identity, Quantity
from extractors.numbers import parse_quantity
from pipeline import tolerance as tol


def q(text: str) -> Quantity:
    parsed = parse_quantity(text)
    assert parsed is not None
    return parsed


def test_a_part_of_a_bracketed_breakdown_belongs_to_the_figure_before_the_bracket() -> None:
    text = "市级留用279.14亿元(其中,新增债券187.2亿元),转贷区市使用815.84亿元(其中,新增债券542.8亿元)。"
    assert bracket_parent(text, text.index("187.2")) == "市级留用"
    assert bracket_parent(text, text.index("542.8")) == "转贷区市使用"
    assert bracket_parent(text, text.index("279.14")) == ""
    none = Ambiguity(frozenset())
    assert relation(Identity(part_of="市级留用"), Identity(part_of="转贷区市使用"), none) == DIFFERENT
    assert relation(Identity(part_of="市级留用"), Identity(), none) == UNSETTLED


def test_parts_of_two_breakdowns_are_not_one_figure_printed_twice(tmp_path: Path) -> None:
    text = (
        "二、债券情况\n\n2025年,全市共发行政府债券1094.98亿元。分级次看,市级留用279.14亿元(其中,新增债券187.2亿元,"
        "再融资债券60.24亿元,置换债券31.7亿元),转贷区市使用815.84亿元(其中,新增债券542.8亿元,再融资债券162.74亿元,"
        "置换债券110.3亿元)。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert [a for a in alarms(found) if a[0].startswith("repeat")] == []


def test_a_sum_over_several_years_is_not_the_years_figure(tmp_path: Path) -> None:
    text = (
        "一、2025年预算执行情况\n\n2025年全市争取上级转移支付204.7亿元，其中财力性转移支付72.7亿元。\n\n"
        "二、五年工作回顾\n\n“十四五”期间，累计争取转移支付906亿元，年均增长6.8%，其中财力性转移支付347.7亿元。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert [a for a in alarms(found) if a[0].startswith("repeat")] == []
    # the same two printings without the five-year words are one figure that disagrees
    _, found = scan_text(tmp_path, text.replace("“十四五”期间，累计", "2025年全市"))
    assert ("repeat.different-values", "error", Decimal("347.7")) in alarms(found)


def test_one_unit_in_the_coarser_printings_last_place_is_a_warning() -> None:
    wan, yi = q("4867363万元"), q("486.75亿元")
    assert tol.printings_verdict(yi, wan) == tol.WARNING  # 486.7363 rounds to 486.74: a rounding plug
    assert tol.printings_verdict(q("486.74亿元"), wan) == tol.OK
    assert tol.printings_verdict(q("486.85亿元"), wan) == tol.ERROR
    assert tol.printings_verdict(q("0.3万元"), q("29616800元")) == tol.ERROR


def test_change_words_of_rate_nouns_are_checked(tmp_path: Path) -> None:
    text = (
        "部门预算情况说明\n\n"
        "3．公诉、审判、侦查、执行等检察监督支出（项）1,895万元，与上年相比减少134万元，降幅0.66%。\n"
    )
    claims, _ = scan_text(tmp_path, text, kind="部门预算")
    rate = next(c for c in claims if c.quantity.value == Decimal("0.66"))
    assert rate.relation == "change" and rate.direction == "减少"
    level = next(c for c in claims if c.quantity.value == Decimal("1895"))
    assert level.subject.startswith("公诉、审判、侦查、执行等")


def test_a_paragraph_that_opens_on_several_years_is_about_them(tmp_path: Path) -> None:
    text = (
        "一、2025年预算执行情况\n\n（二）政府性基金预算执行情况。全市政府性基金预算支出完成51.9亿元。\n\n"
        "（四）深化财政改革\n\n五年来，聚焦用财有力，支出结构得到新优化。坚持勤俭节约，一般公共预算支出累计完成1578亿元，"
        "年均增长5.6%；政府性基金预算支出累计完成675亿元，年均增长5.8%。\n"
    )
    _, found = scan_text(tmp_path, text)
    assert [a for a in alarms(found) if a[0].startswith("repeat")] == []  # 675 is five years', 51.9 is 2025's
    # a year named after the opening words is that year's again
    _, found = scan_text(tmp_path, text.replace("坚持勤俭节约，", "2025年，"))
    assert ("repeat.different-values", "error", Decimal("675")) in alarms(found)


def test_other_periods_and_bases_in_a_budget_report(tmp_path: Path) -> None:
    head = "一、2025年预算执行情况\n\n全市一般公共预算收入调整后预算为416.80亿元，全年完成421.80亿元，增长3.5%。全市一般公共预算支出完成612.40亿元。\n\n"
    texts = [
        # a comparable basis is another figure: 428.60 is not 421.80 printed twice
        "剔除留抵退税等一次性因素，按同口径调整后，全市一般公共预算收入为428.60亿元，可比增长5.2%。\n",
        # 累计 with no year of its own in a 五年来 paragraph that named years: a sum over them
        "二、五年回顾\n\n五年来，全市一般公共预算收入从2020年的352.10亿元增长到2025年的421.80亿元。全市一般公共预算收入"
        "累计完成1,985.60亿元。\n",
    ]
    for text in texts:
        _, found = scan_text(tmp_path, head + text)
        assert [a for a in alarms(found) if a[0].startswith("repeat")] == [], text
    # 全年 after a 五年来 opening is the year again: its share is of this year's whole, or at most uncertain
    _, found = scan_text(
        tmp_path,
        head + "二、五年回顾\n\n五年来，全市一般公共预算支出累计完成2,968.30亿元，其中民生支出2,436.50亿元，占82.1%。"
        "全年民生支出完成498.60亿元，占一般公共预算支出的81.4%。\n",
    )
    assert [a for a in alarms(found) if a[0].startswith("share")] == []
