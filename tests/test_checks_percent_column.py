"""percent_column: a percent column whose header says what it is of (决算数为调整预算数的%, 比上年执行数增长%,
同比增长（%）), checked row by row against the columns it names."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from conftest import realdoc_wide
from model_builders import fact

from extractors.model import Fact
from pipeline.analyze import analyze_file
from pipeline.checks import run_checks
from pipeline.checks.percent_column import Header, parse_header

TITLE = "2023年某市一般公共预算收入决算表"


@pytest.mark.parametrize(
    ("label", "header"),
    [
        ("决算数为调整预算数的%", Header("ratio", "决算数", "调整预算数")),
        ("完成2025年预算数的%", Header("ratio", "", "2025年预算数")),
        ("为上年决算数%", Header("ratio", "", "上年决算数")),
        ("比上年执行数增长%", Header("growth", "", "上年执行数")),
        ("预算数比上年执行数增长%", Header("growth", "预算数", "上年执行数")),
        ("同比增长（%）", Header("growth", "", "上年")),
        ("增长%", None),  # a bare growth: over last year's 执行数 or its 预算数, the header does not say
        ("执行率（%）", None),  # names no columns: rate.py reads 执行率 from its own words
        ("预算数", None),
        ("比上年增长", None),  # no percent mark: an amount column
    ],
)
def test_headers_are_read(label: str, header: Header | None) -> None:
    assert parse_header(label) == header


def row(r: int, label: str, heads: list[tuple[str, ...]], values: list[str], *, label_col: int = 0) -> list[Fact]:
    out = []
    for c, (h, v) in enumerate(zip(heads, values, strict=True), start=label_col + 1):
        if v:
            f = fact(v, (label,), h, 1, r, c, title=TITLE, unit="%" if "%" in h[-1] else "万元")
            out.append(dataclasses.replace(f, label_col=label_col))
    return out


def alarms(facts: list[Fact]) -> list[tuple[str, str, str, str]]:
    return [
        (f.rule, f.severity, str(f.stated_value), f.subject)
        for f in run_checks([], facts, [])
        if f.rule.startswith("percent_column")
    ]


RATIO = [
    ("预算数",),
    ("调整预算数",),
    ("决算数",),
    ("决算数为调整预算数的%",),
    ("上年决算数",),
    ("决算数为上年决算数%",),
]


def test_a_ratio_column_is_checked_against_the_columns_its_header_names() -> None:
    facts = row(2, "一般公共预算收入", RATIO, ["350,000", "345,000", "355,126", "102.9", "338,900", "104.8"])
    facts += row(3, "税收收入", RATIO, ["230,000", "224,000", "226,450", "101.1", "220,310", "102.8"])
    facts += row(4, "非税收入", RATIO, ["120,000", "121,000", "128,676", "106.3", "118,590", "108.5"])
    assert alarms(facts) == []
    facts[facts.index(next(f for f in facts if f.text == "101.1"))] = row(
        3, "税收收入", RATIO, ["", "", "", "110.1", "", ""]
    )[0]
    got = [f for f in run_checks([], facts, []) if f.rule.startswith("percent_column")]
    assert [(f.rule, f.severity, str(f.stated_value), f.subject) for f in got] == [
        ("percent_column.ratio", "error", "110.1", "税收收入")
    ]
    assert "226,450 ÷ 224,000" in got[0].explanation and "101.1%" in got[0].explanation


def test_a_growth_column_is_a_warning_and_its_numerator_is_the_nearest_measure() -> None:
    heads = [("上年执行数",), ("预算数",), ("比上年执行数增长%",)]
    facts = row(2, "一般公共预算收入", heads, ["452,300", "470,400", "4.0"])
    assert alarms(facts) == []  # 470,400 ÷ 452,300 − 1 = 4.0%
    facts = row(2, "一般公共预算收入", heads, ["452,300", "470,400", "6.0"])
    assert alarms(facts) == [("percent_column.growth", "warning", "6.0", "一般公共预算收入")]


def test_same_period_growth_takes_the_column_a_year_earlier() -> None:
    heads = [("2024年完成数",), ("2025年完成数",), ("同比增长（%）",)]
    facts = row(2, "税收收入", heads, ["93,400", "81,200", "-13.06"])
    facts += row(3, "群众团体事务", heads, ["801", "798", "-0"])  # −0.37% printed with no decimals
    assert alarms(facts) == []
    facts += row(4, "非税收入", heads, ["52,200", "59,800", "41.56"])
    assert alarms(facts) == [("percent_column.growth", "warning", "41.56", "非税收入")]


def test_a_growth_column_beside_last_year_s_column_of_the_same_name() -> None:
    # 执行数 | 上年执行数 | 比上年增长%: the unnamed year is the table's, 上年执行数 names the base
    heads = [("预算数",), ("执行数",), ("上年执行数",), ("比上年增长%",)]
    facts = row(2, "契税", heads, ["100,000", "98,800", "90,000", "9.8"])
    assert alarms(facts) == []
    facts += row(3, "增值税", heads, ["326,299", "310,017", "306,356", "2.1"])
    assert alarms(facts) == [("percent_column.growth", "warning", "2.1", "增值税")]


def test_the_other_side_of_a_two_sided_table_is_not_its_base() -> None:
    heads = [("2024年完成数",), ("2025年完成数",), ("同比增长（%）",)]
    facts = row(5, "污水处理费收入", heads, ["1,128", "573", "-49.20"])
    facts += row(5, "节能环保支出", heads, ["450", "1,191", "164.67"], label_col=4)  # cols 5–7, labels in col 4
    assert alarms(facts) == []


def test_an_item_s_parts_under_a_merged_header_give_their_total_as_numerator() -> None:
    heads = [
        ("年初预算数",),
        ("本年支出", "小计"),
        ("本年支出", "基本支出"),
        ("本年支出", "项目支出"),
        ("完成年初预算%",),
    ]
    facts = row(3, "合计", heads, ["20,506.00", "20,112.99", "8,927.72", "11,185.27", "98.08"])
    assert alarms(facts) == []  # 20,112.99 ÷ 20,506.00, not 项目支出 ÷ 年初预算
    parts_only = [("年初预算数",), ("基本支出",), ("项目支出",), ("完成年初预算%",)]
    assert alarms(row(3, "合计", parts_only, ["20,506.00", "8,927.72", "11,185.27", "98.08"])) == []  # no total


def test_a_column_most_of_whose_rows_disagree_is_misread_not_misprinted() -> None:
    heads = [("上年执行数",), ("预算数",), ("比上年执行数增长%",)]
    facts: list[Fact] = []
    for r, (a, b, p) in enumerate([("100", "110", "4.0"), ("200", "220", "3.0"), ("300", "330", "10.0")], start=2):
        facts += row(r, f"科目{r}", heads, [a, b, p])  # 同口径: two of three rows off
    got = [f for f in run_checks([], facts, []) if f.rule.startswith("percent_column")]
    assert [(f.rule, f.severity) for f in got] == [("percent_column.unread", "info")]


def test_lijiang_percent_columns_agree_and_a_changed_cell_is_caught() -> None:
    result = analyze_file(realdoc_wide("lijiang"))
    assert not [f for f in result.findings if f.rule.startswith("percent_column") and f.severity != "info"]
    facts = result.facts
    i = next(
        i for i, f in enumerate(facts) if f.column_labels[-1:] == ("完成2025年预算数的%",) and f.quantity.value > 50
    )
    changed = dataclasses.replace(facts[i].quantity, value=facts[i].quantity.value + D(7))
    facts[i] = dataclasses.replace(facts[i], quantity=changed)
    got = [f for f in run_checks(result.claims, facts, []) if f.rule == "percent_column.ratio"]
    assert [(f.severity, f.stated_value) for f in got] == [("error", changed.value)]
