"""Standard 部门决算 / 部门预算 tables by title, their columns by header words, rows by label or code."""

from __future__ import annotations

import pytest

from extractors.table_identity import (
    KIND_NAMES,
    code_level,
    column_role,
    column_roles,
    identify_table,
    is_subject_code,
    row_key,
)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("收入支出决算总表", "js.total"),
        ("收入决算表", "js.income"),
        ("支出决算表", "js.expense"),
        ("财政拨款收入支出决算总表", "js.czbk_total"),
        ("一般公共预算财政拨款支出决算表", "js.gp"),
        ("一般公共预算财政拨款基本支出决算表", "js.gp_basic"),
        ("财政拨款“三公”经费支出决算表", "js.sangong"),
        ("财政拨款 三公 经费支出决算表", "js.sangong"),  # quotes lost by a PDF reader
        ("政府性基金预算财政拨款收入支出决算表", "js.gf"),
        ("国有资本经营预算财政拨款收入支出决算表", "js.soe"),
        ("国有资本经营预算财政拨款支出决算表", "js.soe"),
        ("七、财政拨款“三公”经费支出决算表", "js.sangong"),  # a contents line
        ("2025年部门财务收支预算总表", "ys.total"),
        ("2025年部门收入预算总表", "ys.income"),
        ("2024年部门支出预算总表", "ys.expense"),
        ("4．2025年部门财政拨款收支预算总表", "ys.czbk_total"),
        ("2024年部门一般公共预算支出功能分类预算表", "ys.gp"),
        ("2025年部门政府性基金预算支出功能分类预算表", "ys.gf"),
        ("2025年部门国有资本经营预算支出功能分类预算表", "ys.soe"),
        ("2024年部门一般公共预算基本支出部门预算经济分类预算表", "ys.gp_basic"),
        ("9.部门“三公”经费和机关运行经费预算表", "ys.sangong"),
    ],
)
def test_standard_titles(title: str, kind: str) -> None:
    assert identify_table(title) == kind
    assert kind in KIND_NAMES


@pytest.mark.parametrize(
    "text",
    [
        "一般公共预算财政拨款支出决算情况说明",  # a section heading, not a table
        "上海市规划和自然资源局 2024 年度部门决算表",  # the part title
        "部门整体支出绩效自评表",
        "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。收入决算表",
        "",
        None,
    ],
)
def test_other_text_is_no_standard_table(text: str | None) -> None:
    assert identify_table(text) is None


def test_columns_by_header_words_not_position() -> None:
    assert column_roles(("本年支出合计",)) == ("total",)
    assert column_roles(("支出预算", "基本支出")) == ("basic",)
    assert column_roles(("一般公共预算支出", "项目支出")) == ("gp", "project")
    assert column_roles(("收入", "决算数")) == ("income_side", "final")
    assert column_roles(("财政拨款“三公”经费", "公务用车购置及运行维护费", "小计", "决算数")) == (
        "sangong",
        "car",
        "subtotal",
        "final",
    )
    # a 运行费 label carried over a merged header into the 公务接待费 column is dropped
    assert column_roles(("财政拨款“三公”经费", "公务接待费", "公务用车运行维护费", "预算数")) == (
        "sangong",
        "reception",
        "budget",
    )
    assert column_role("因公出国（境）费") == "abroad"
    assert column_role("事业单位经营收入") == "business"
    # the columns of the current 收入预算总表 (上年结转 | 一般公共预算拨款收入 | 政府性基金预算拨款收入 …)
    assert column_role("上年结转") == "carryover"
    assert column_role("一般公共预算拨款收入") == "gp"
    assert column_role("政府性基金预算拨款收入") == "gf"
    assert column_role("国有资本经营预算拨款收入") == "soe"
    assert column_role("2,940.05") is None


def test_subject_codes_are_labels_never_amounts() -> None:
    assert is_subject_code("2010101") and is_subject_code("201") and is_subject_code("20101")
    assert not is_subject_code("2,940.05") and not is_subject_code("2940") and not is_subject_code("201.5")
    assert [code_level(c) for c in ("201", "20106", "2010601", "2016")] == [1, 2, 3, None]


def test_row_key_from_split_or_joined_codes() -> None:
    assert row_key(("201", "06", "01", "行政运行")).code == "2010601"
    assert row_key(("2010601 行政运行",)) == row_key(("201", "06", "01", "行政运行"))
    assert row_key(("八、社会保障和就业支出",)).name == "社会保障和就业支出"
    # a malformed code (301 2 for 30102) stays unknown instead of posing as 类 301
    assert row_key(("301", "2", "津贴补贴")).code == ""
    assert row_key(("款", "项", "合计")).name == "合计"
