"""Rules declare the report kinds they are written for; run_checks runs a rule only on its kinds, and on a
report of unrecognised kind (`other`) only the kind-agnostic rules, at most at warning."""

from decimal import Decimal as D

import pytest
from model_builders import claim
from test_checks_scoresheet import sheet

from extractors.report_kind import (
    DEPARTMENT_KINDS,
    GOVERNMENT_KINDS,
    KINDS,
    OTHER,
    PERFORMANCE_KINDS,
    in_order,
)
from pipeline.checks import RULES, UNKNOWN_KIND_NOTE, run_checks
from pipeline.checks.base import rule
from pipeline.findings import Rule

DEPARTMENT = in_order(DEPARTMENT_KINDS)
SCORE_SHEETS = in_order(PERFORMANCE_KINDS, ("部门决算", "单位决算"))

# The decision for every family (a rule not named here is kind-agnostic: plain arithmetic or wording on
# what the report itself prints). A change here is a reviewed change of what runs where.
EXPECTED = {
    "template.": DEPARTMENT,  # the national 部门决算 / 部门预算 tables and their 情况说明
    "scoresheet.": SCORE_SHEETS,  # 绩效自评表: performance reports, and appended to a 决算
    "rate.score-from-rate": SCORE_SHEETS,  # 得分 = 分值 × 执行率 is the score sheets' convention
    "mirror.": ("部门预算", "单位预算"),  # a budget's 财政拨款 income equals its 财政拨款 spending
    "item_code.path-vs-rows": DEPARTMENT,  # a 科目 path (类 款 项) in the text against the rows of its code
}


def _expected(rid: str) -> tuple[str, ...]:
    for prefix, kinds in EXPECTED.items():
        if rid.startswith(prefix):
            return kinds
    return ("*",)


@pytest.mark.parametrize("rid", sorted(RULES))
def test_every_rule_declares_known_kinds(rid: str) -> None:
    r = RULES[rid]
    assert r.kinds == _expected(rid)
    assert set(r.kinds) <= set(KINDS) | {"*"} and OTHER not in r.kinds
    assert list(r.kinds) == sorted(r.kinds, key=lambda k: (KINDS + ("*",)).index(k))  # catalogue order


def test_applies_to() -> None:
    anywhere = rule("x", "a", "error", "t", "m")
    budget = rule("x", "b", "error", "t", "m", kinds=("部门预算",))
    assert anywhere.any_kind and Rule("x.c", "x", "error", "t", "m", kinds=()).any_kind
    for kind in KINDS:
        assert anywhere.applies_to(kind)
    assert budget.applies_to("部门预算") and budget.applies_to("")  # "" = not classified: nothing restricted
    assert not budget.applies_to("部门决算") and not budget.applies_to(OTHER)
    with pytest.raises(ValueError, match="unknown report kinds"):
        in_order(("部门预算", "部门概算"))
    assert in_order(GOVERNMENT_KINDS, ("政府决算",)) == ("预算执行情况和预算草案的报告", "政府决算", "地方政府债务表")


def _enumeration() -> list:
    s = "全年支出合计100.00万元，其中：人员经费60.00万元，公用经费50.00万元。"
    return [
        claim("100.00万元", "支出合计", s, relation="total", group=1),
        claim("60.00万元", "人员经费", s, relation="part", group=1),
        claim("50.00万元", "公用经费", s, relation="part", group=1),
    ]


def test_unknown_kind_caps_errors_at_warning() -> None:
    plain = [f for f in run_checks(_enumeration(), [], []) if f.rule == "sum.enumeration"]
    assert [(f.severity, f.stated_value) for f in plain] == [("error", D("100.00"))]
    for kind in ("部门决算", "预算执行情况和预算草案的报告"):
        found = [f for f in run_checks(_enumeration(), [], [], kind=kind) if f.rule == "sum.enumeration"]
        assert [f.severity for f in found] == ["error"] and UNKNOWN_KIND_NOTE not in found[0].explanation
    capped = [f for f in run_checks(_enumeration(), [], [], kind=OTHER) if f.rule == "sum.enumeration"]
    assert [(f.severity, f.stated_value) for f in capped] == [("warning", D("100.00"))]
    assert capped[0].explanation.endswith(UNKNOWN_KIND_NOTE)


def _score_alarms(kind: str) -> list[str]:
    found = run_checks([], sheet(declared="60"), [], kind=kind)
    return sorted(f.rule for f in found if f.severity != "info")


def test_score_sheet_rules_run_on_their_kinds_only() -> None:
    assert _score_alarms("") == ["scoresheet.category-points"]
    assert _score_alarms("项目支出绩效自评表") == ["scoresheet.category-points"]
    assert _score_alarms("部门决算") == ["scoresheet.category-points"]  # a 绩效自评表 appended to a 决算
    assert _score_alarms("部门预算") == []
    assert _score_alarms("政府决算") == []
    assert _score_alarms(OTHER) == []  # kind knowledge needed: not run on an unrecognised report


def test_a_family_none_of_whose_rules_apply_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.checks import scoresheet

    calls: list[str] = []
    real = scoresheet.check

    def spy(ctx):  # type: ignore[no-untyped-def]
        calls.append(ctx.kind)
        return real(ctx)

    monkeypatch.setattr(scoresheet, "check", spy)
    run_checks([], sheet(), [], kind="部门预算")
    run_checks([], sheet(), [], kind="部门整体支出绩效自评报告")
    assert calls == ["部门整体支出绩效自评报告"]
