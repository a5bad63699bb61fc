"""pipeline/data/template_rules.toml is validated when loaded, runs on the report kinds of its tables, and
its rule ids reach the findings (explanation) and `gouji rules`."""

from decimal import Decimal as D

import pytest
from model_builders import fact

from extractors.report_kind import KINDS
from extractors.table_identity import KIND_NAMES
from pipeline.checks import run_checks
from pipeline.checks.template_rules import RULES_FILE, TemplateRulesError, load_rules, parse_rules

GOOD = """
[report_kinds]
js = ["部门决算", "单位决算"]

[[cross]]
id = "js.total.balance"
title = "收入总计 = 支出总计"
a = { table = "js.total", side = "in", row = "^总计$" }
b = { table = "js.total", side = "out", row = "^总计$", col = ["total"] }
"""


def test_the_shipped_rules_load_and_are_complete() -> None:
    rules = load_rules()
    groups = {g: len(getattr(rules, g)) for g in ("sum", "columns", "hierarchy", "cross", "narrative", "item", "share")}
    assert groups == {"sum": 17, "columns": 14, "hierarchy": 4, "cross": 17, "narrative": 59, "item": 6, "share": 5}
    ids = [r.id for r in rules.all()]
    assert len(ids) == len(set(ids)) == 122
    for r in rules.all():
        prefix = r.id.split(".")[0]
        assert prefix in ("js", "ys") and all(t.startswith(prefix + ".") and t in KIND_NAMES for t in r.tables())
        assert rules.kinds_of(r) == (("部门决算", "单位决算") if prefix == "js" else ("部门预算", "单位预算"))
        assert set(rules.kinds_of(r)) <= set(KINDS)
    assert parse_rules(RULES_FILE.read_text(encoding="utf-8")) == rules


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('table = "js.total", side = "in"', 'table = "js.totl", side = "in"'), "unknown table kind 'js.totl'"),
        (('col = ["total"]', 'col = ["totl"]'), "unknown column role 'totl'"),
        (('side = "in"', 'side = "left"'), "cross.0.a.side"),
        (('row = "^总计$" }\nb', 'rows = "^总计$" }\nb'), "cross.0.a.rows: Extra inputs are not permitted"),
        (("title = ", "titel = "), "cross.0.titel"),
        (('id = "js.total.balance"\n', ""), "cross.0.id: Field required"),
        (('id = "js.total.balance"', 'id = "Balance!"'), "cross.0.id"),
        (('row = "^总计$" }\nb', 'row = "^(总计$" }\nb'), "does not compile"),
        (('"单位决算"]', '"单位决算", "部门概算"]'), "unknown report kind '部门概算'"),
        (('js = ["部门决算", "单位决算"]', 'ys = ["部门预算"]'), "no [report_kinds] entry for the tables 'js.total'"),
        (("[[cross]]", "[[crosss]]"), "crosss: Extra inputs are not permitted"),
        (("[[cross]]", "[[cross]"), "not TOML"),
    ],
)
def test_a_broken_rules_file_is_an_error_naming_the_place(change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD
    parse_rules(GOOD)  # the unbroken text is valid
    with pytest.raises(TemplateRulesError, match="template_rules.toml") as e:
        parse_rules(GOOD.replace(old, new, 1))
    assert message in str(e.value)


def test_a_repeated_id_is_an_error() -> None:
    twice = GOOD + GOOD.split("\n", 4)[4].replace("[[cross]]", "\n[[cross]]")
    with pytest.raises(TemplateRulesError, match="rule id 'js.total.balance' is used twice"):
        parse_rules(twice)


def _unbalanced_total() -> list:
    title = "2024年收入支出决算总表"
    return [
        fact("100.00", ("本年收入合计",), ("收入", "决算数"), 0, 3, 1, title=title, unit="万元"),
        fact("90.00", ("本年支出合计",), ("支出", "决算数"), 0, 3, 3, title=title, unit="万元"),
        fact("100.00", ("总计",), ("收入", "决算数"), 0, 4, 1, title=title, unit="万元"),
        fact("90.00", ("总计",), ("支出", "决算数"), 0, 4, 3, title=title, unit="万元"),
    ]


def test_a_finding_names_its_declarative_rule_and_runs_on_its_kinds() -> None:
    found = [f for f in run_checks([], _unbalanced_total(), [], kind="部门决算") if f.rule == "template.cross-table"]
    assert [(f.severity, f.stated_value, f.expected_value) for f in found] == [("error", D("100.00"), D("90.00"))]
    assert found[0].explanation.endswith("（模板规则 js.total.balance）")
    assert found[0].explanation.startswith("收入支出决算总表：收入总计 = 支出总计：")
    # a 预算 report's 决算 table is not checked against the 决算 template, nor a government report's
    for kind in ("部门预算", "政府决算", "other"):
        assert not [f for f in run_checks([], _unbalanced_total(), [], kind=kind) if f.rule.startswith("template.")]
    assert [f.rule for f in run_checks([], _unbalanced_total(), []) if f.rule.startswith("template.")] == [
        "template.cross-table"
    ]
