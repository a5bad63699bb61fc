"""rate.completion: "为年初预算的113.8%", "占年初预算数的71.6%" — a figure against its own budget, which may be
printed only in a table row that also prints the figure."""

from pathlib import Path

from model_builders import fact

from extractors.claims import extract_claims
from extractors.txt_reader import read_txt
from pipeline.checks import run_checks

TITLE = "2023年自治区本级一般公共预算“三公”经费决算表"


def claims_of(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return extract_claims(read_txt(path, "0" * 64))


def sangong(budget_label: str, budget: str) -> list:
    heads = [("2023年决算数",), ("2022年决算数",), (budget_label,)]
    return [
        fact(v, ("“三公”经费支出合计",), h, 1, 2, c, title=TITLE, unit="万元")
        for c, (h, v) in enumerate(zip(heads, ["7,471", "7,021", budget], strict=True), start=2)
    ]


TEXT = (
    "某自治区2023年决算\n2023年，自治区本级“三公”经费支出合计7471万元，占年初预算数的{}%，较2022年决算数增加450万元。\n"
)


def completion(tmp_path: Path, rate: str, budget_label: str, budget: str):
    claims = claims_of(tmp_path, TEXT.format(rate))
    found = run_checks(claims, sangong(budget_label, budget), [], kind="政府决算")
    return [(f.rule, f.severity, str(f.stated_value)) for f in found if f.rule.startswith("rate.")]


def test_a_rate_against_a_budget_only_in_the_table_is_checked(tmp_path: Path) -> None:
    assert completion(tmp_path, "71.6", "2023年年初预算数", "10,433") == []  # 7,471 ÷ 10,433 = 71.61%
    assert completion(tmp_path, "76.1", "2023年年初预算数", "10,433") == [("rate.completion", "error", "76.1")]


def test_a_budget_column_that_does_not_say_which_budget_makes_an_info(tmp_path: Path) -> None:
    # 预算数 in a 决算 table is often the adjusted budget: against 年初预算 the identity is not settled
    assert completion(tmp_path, "76.1", "2023年预算数", "10,433") == [("rate.completion", "info", "76.1")]


def test_the_other_budget_is_not_taken(tmp_path: Path) -> None:
    assert completion(tmp_path, "76.1", "2023年调整预算数", "10,433") == []  # 调整预算 is not 年初预算


def test_a_completion_rate_after_its_figure_is_read_as_a_rate(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "某地区2023年决算\n地区本级一般公共预算收入12.14亿元，为年初预算的113.8%，批准调整预算的99.2%，同比增长65.3%。\n",
    )
    rates = [(c.quantity.text, c.relation, c.denominator, c.identity.measure) for c in claims if c.relation == "rate"]
    assert rates == [("113.8%", "rate", "年初预算", "决算"), ("99.2%", "rate", "批准调整预算", "决算")]
    # the measure of a rate's base (年初预算, 调整预算) is no measure of the figures around it: the title's 决算 is
    assert {c.identity.measure for c in claims} == {"决算"}


def test_a_rate_is_of_the_figure_it_follows_not_of_an_earlier_one(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        "开封市2019年预算执行情况\n全市一般公共预算收入年初预算为154.9亿元，实际完成154.9亿元，"
        "全市税收收入完成113.3亿元，为年预算的96.7%。\n",
    )
    found = run_checks(claims, [], [], kind="预算执行情况和预算草案的报告")
    # 96.7% is 税收收入's (113.3 against a budget the report does not print), never 154.9 ÷ 154.9
    assert [f.rule for f in found if f.severity != "info"] == []
    assert {c.subject for c in claims if c.quantity.text.startswith("113.3")} == {"税收收入"}


def test_a_figure_named_with_and_others_keeps_its_own_name(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path, "青岛市2025年\n分收入项目看,污水处理费收入完成2.03亿元,专项债券对应项目专项收入等9.88亿元。\n"
    )
    assert [c.subject for c in claims] == ["污水处理费收入", "专项债券对应项目专项收入等"]


def _html(tmp_path: Path, rate: str) -> Path:
    path = tmp_path / "report.html"
    path.write_text(
        "<html><body><h1>某市2025年预算执行情况和2026年预算草案的报告</h1><h2>一、2025年预算执行情况</h2>"
        "<h3>（二）政府性基金预算收支情况</h3>"
        f"<p>全市政府性基金收入5.56亿元，完成年度预算的{rate}%，同比增长11.71%。</p>"
        "<p>2025年全市政府性基金预算收支平衡表</p><p>单位：万元</p><table>"
        "<tr><td>项目</td><td>2024年完成数</td><td>2025年完成数</td></tr>"
        "<tr><td>政府性基金收入</td><td>49,740</td><td>55,565</td></tr></table>"
        "<p>2026年全市政府性基金预算收支平衡表（草案）</p><p>单位：万元</p><table>"
        "<tr><td>项目</td><td>2025年预算数</td><td>2026年预算数</td></tr>"
        "<tr><td>政府性基金收入</td><td>79,680</td><td>71,193</td></tr></table></body></html>",
        encoding="utf-8",
    )
    return path


def test_a_budget_in_another_table_of_the_same_item_scope_and_year_makes_a_warning_at_most(tmp_path: Path) -> None:
    from extractors.html_reader import read_html
    from extractors.tablefacts import extract_facts

    def rates(rate: str):
        doc = read_html(_html(tmp_path, rate), "0" * 64)
        found = run_checks(extract_claims(doc), extract_facts(doc), [], kind="预算执行情况和预算草案的报告")
        return [(f.rule, f.severity, str(f.stated_value)) for f in found if f.rule == "rate.completion"]

    assert rates("69.74") == []  # 55,565 ÷ 79,680 = 69.74%
    assert rates("69.35") == [("rate.completion", "warning", "69.35")]  # the 2025年预算数 of next year's draft


def test_last_years_outcome_beside_next_years_budget_is_not_its_budget(tmp_path: Path) -> None:
    from extractors.tablefacts import extract_facts

    text = (
        "关于某市2024年预算执行情况和2025年预算草案的报告\n全市一般公共预算收入45.23亿元，完成预算的98.3%。\n"
        "表1 2025年全市一般公共预算收入预算表\n单位：万元\n项目\t上年执行数\t预算数\t增长%\n"
        "一般公共预算收入\t452,300\t470,400\t4.0\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_txt(path, "0" * 64)
    found = run_checks(extract_claims(doc), extract_facts(doc), [], doc=doc, kind="预算执行情况和预算草案的报告")
    # 452,300 is 2024's outcome in the 上年执行数 column; 470,400 is the 2025 budget, not 2024's
    assert [f.rule for f in found if f.rule.startswith("rate.")] == []
