"""change.stated-vs-computed: a growth rate whose base the sentence does not name (同比增长2.9%) compared with last
year's budget, the only prior figure printed."""

from pathlib import Path

from model_builders import fact

from extractors.claims import extract_claims
from extractors.identity import fact_identity
from extractors.txt_reader import read_txt
from pipeline.checks import run_checks

TITLE = "2026年全市一般公共预算收支安排表"


def changes(tmp_path: Path, text: str, kind: str) -> list[tuple[str, str]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    claims = extract_claims(read_txt(path, "0" * 64))
    facts = [
        fact("100,799", ("税收收入",), ("2025年预算数",), 1, 3, 2, title=TITLE, unit="万元"),
        fact("96,200", ("税收收入",), ("2026年预算数",), 1, 3, 3, title=TITLE, unit="万元"),
    ]
    for f in facts:
        f.identity = fact_identity(f)  # as the table reader sets it: 2025年预算数 is a budget of 2025
    found = run_checks(claims, facts, [], kind=kind)
    return [(f.rule, f.severity) for f in found if f.rule == "change.stated-vs-computed"]


def test_an_unnamed_base_of_a_budget_is_uncertain_in_a_budget_report(tmp_path: Path) -> None:
    # 96,200 against the 2025 budget of 100,799 is −4.56%; the report compares with 2025's outcome, not printed
    text = "某市2026年预算草案的报告\n2026年全市税收收入预算9.62亿元，同比增长2.9%。\n"
    assert changes(tmp_path, text, "预算执行情况和预算草案的报告") == [("change.stated-vs-computed", "info")]


def test_a_named_budget_base_or_a_department_budget_is_certain(tmp_path: Path) -> None:
    named = "某市2026年预算草案的报告\n2026年全市税收收入预算9.62亿元，比上年预算增长2.9%。\n"
    assert changes(tmp_path, named, "预算执行情况和预算草案的报告") == [("change.stated-vs-computed", "error")]
    # a 部门预算 compares its budget with last year's budget
    department = "某局2026年部门预算\n2026年税收收入预算9.62亿元，比上年增长2.9%。\n"
    assert changes(tmp_path, department, "部门预算") == [("change.stated-vs-computed", "error")]
