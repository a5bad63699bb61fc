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


def scan(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    from extractors.tablefacts import extract_facts

    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_txt(path, "0" * 64)
    found = run_checks(extract_claims(doc), extract_facts(doc), [], doc=doc, kind="预算执行情况和预算草案的报告")
    return [(f.rule, f.severity) for f in found if f.severity != "info"]


HEAD = "关于某市2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n"
TABLE = "表1 2024年全市一般公共预算收入执行情况表\n单位：万元\n项目\t年初预算数\t上年执行数\t执行数\n一般公共预算收入\t440,000\t{prior}\t452,300\n"


def test_a_change_against_a_named_earlier_year_is_not_checked_against_last_years_column(tmp_path: Path) -> None:
    # 比2022年: the table's 上年执行数 is 2023's
    assert (
        scan(tmp_path, HEAD + "全市一般公共预算收入45.23亿元，比2022年增长12.3%。\n" + TABLE.format(prior="438,760"))
        == []
    )
    wrong = HEAD + "全市一般公共预算收入45.23亿元，比上年增长12.3%。\n" + TABLE.format(prior="438,760")
    assert scan(tmp_path, wrong) == [("change.stated-vs-computed", "error")]  # 452,300 ÷ 438,760 − 1 = 3.09%


def test_a_change_against_this_years_budget_is_not_a_change_from_last_year(tmp_path: Path) -> None:
    text = HEAD + "全市一般公共预算收入45.23亿元，比年初预算增收1.23亿元，比上年增收1.35亿元。\n"
    assert scan(tmp_path, text + TABLE.format(prior="438,800")) == []  # 45.23 − 43.88 = 1.35


def test_negative_growth_is_a_decrease(tmp_path: Path) -> None:
    text = HEAD + "全市一般公共预算收入45.23亿元，同比负增长3.2%。\n" + TABLE.format(prior="467,250")
    assert scan(tmp_path, text) == []  # (452,300 − 467,250) ÷ 467,250 = −3.20%


def test_a_growth_against_a_base_printed_in_its_own_clause(tmp_path: Path) -> None:
    text = (
        "关于某市2025年预算执行情况和2026年预算草案的报告\n二、2026年预算草案\n"
        "2026年全市一般公共预算收入安排136.02亿元，比2025年执行数131.69亿元增长{}%；全市一般公共预算支出安排217.45亿元，"
        "比2025年执行数下降3.5%。\n"
    )
    assert scan(tmp_path, text.format("3.3")) == []  # (136.02 − 131.69) ÷ 131.69 = 3.29%
    assert scan(tmp_path, text.format("4")) == [("change.stated-vs-computed", "error")]
