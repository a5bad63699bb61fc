"""balance: a year's 收支结余 is its income less its spending (pipeline.checks.balance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_identity import alarms, scan_text

HEAD = "关于某县2024年预算执行情况和2025年预算草案的报告\n（四）社会保险基金预算收支执行情况\n"


def _alarms(tmp_path: Path, body: str):
    _, found = scan_text(tmp_path, HEAD + body + "\n")
    return [(rule, severity, str(value)) for rule, severity, value in alarms(found) if rule.startswith("balance")]


@pytest.mark.parametrize(
    "body",
    [
        # the income is broken down (其中…); the parts are no income the balance is of
        "全县社会保险基金预算收入112824万元，其中：保险费收入88578万元，财政补贴收入20496万元，其他收入3750万元。"
        "社会保险基金预算支出107300万元，当年收支结余5524万元，年末滚存结余76416万元。",
        # a lone 其中 part stands in the way of nothing
        "2025年全县社会保险基金预算收入187.5亿元，其中财政补助收入45.8亿元；全县社会保险基金预算支出169.7亿元，"
        "预计当年结余17.8亿元。",
        # the balance names its two figures: the totals, not the fund's own income and spending
        "一般公共预算收入2221.7亿元，加上中央转移支付净补助763.9亿元、一般债务收入301.5亿元，预算总收入3287.1亿元。"
        "一般公共预算支出3359.7亿元，加上再融资一般债券还本支出46.2亿元，预算总支出3405.9亿元。"
        "预算总收入减去预算总支出，当年结余-118.8亿元。",
    ],
)
def test_a_balance_that_is_income_less_spending_is_no_finding(tmp_path: Path, body: str) -> None:
    assert _alarms(tmp_path, body) == []


def test_a_balance_that_is_not_income_less_spending_is_an_error(tmp_path: Path) -> None:
    body = (
        "全县社会保险基金预算收入112824万元，其中：保险费收入88578万元，财政补贴收入20496万元，其他收入3750万元。"
        "社会保险基金预算支出107300万元，当年收支结余6524万元，年末滚存结余76416万元。"
    )
    assert _alarms(tmp_path, body) == [("balance.income-less-spending", "error", "6524")]
    _, found = scan_text(tmp_path, HEAD + body + "\n")
    finding = next(f for f in found if f.rule.startswith("balance"))
    assert str(finding.expected_value) == "5524"
    assert "112824万元 − 社会保险基金预算支出 107300万元" in finding.explanation


def test_a_balance_of_earlier_years_or_with_two_incomes_is_not_judged(tmp_path: Path) -> None:
    rolled = "社会保险基金收入200亿元，支出180亿元，年末滚存结余500亿元。"
    assert _alarms(tmp_path, rolled) == []
    two = "社会保险基金收入预算200亿元，执行中调整为210亿元，支出180亿元，当年收支结余40亿元。"
    assert _alarms(tmp_path, two) == []  # 200 or 210: which income is not known


def test_a_total_holding_carry_overs_or_a_whole_fund_is_not_the_years_own(tmp_path: Path) -> None:
    # 收入总计 holds 年初结转和结余: the 本年 balance is no 收入总计 − 支出总计
    carried = (
        "收入总计1000.00万元，其中本年收入800.00万元、年初结转和结余200.00万元；支出总计1000.00万元，其中本年支出"
        "750.00万元、年末结转和结余250.00万元。本年收支结余50.00万元。"
    )
    assert _alarms(tmp_path, carried) == []
    # a balance inside a 其中 breakdown is of that fund's figures, not of the whole fund's 合计
    fund = (
        "全县社会保险基金收入合计50000万元，支出合计45000万元。其中：城乡居民基本养老保险基金收入12000万元，"
        "支出10000万元，当年收支结余2000万元。"
    )
    assert _alarms(tmp_path, fund) == []
    assert _alarms(tmp_path, fund.replace("结余2000万元", "结余2500万元")) == [
        ("balance.income-less-spending", "error", "2500")
    ]


def test_a_balance_on_another_basis_or_beside_an_unnamed_level_is_not_judged(tmp_path: Path) -> None:
    other_basis = (
        "全县社会保险基金收入50000万元，其中上级补助收入8000万元；支出46000万元，其中上解上级支出1000万元。"
        "剔除上级补助和上解因素后，当年收支结余-3000万元。"
    )
    assert _alarms(tmp_path, other_basis) == []
