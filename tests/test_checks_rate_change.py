"""rate, change and direction on hand-built claims and facts."""

from decimal import Decimal as D

from model_builders import claim, fact

from extractors.claims import extract_claims
from extractors.model import Document, Paragraph, Provenance
from pipeline.checks import run_checks

T3 = "附件3 部门整体支出绩效评价基础数据表"
T4 = "附件4 部门整体支出绩效自评表"


def alarms(found):
    return sorted((f.rule, str(f.stated_value), f.severity) for f in found if f.severity in ("error", "warning"))


def completion(budget: str, actual: str, pct: str, subject: str = "公务接待费"):
    s = f"{subject}支出预算为{budget}，支出决算为{actual}，完成预算的{pct}。"
    return [
        claim(budget, subject, s, 1, role="预算"),
        claim(actual, subject, s, 1, role="决算"),
        claim(pct, subject, s, 1, relation="rate", denominator="预算"),
    ]


def test_completion_rate():
    assert alarms(run_checks(completion("5.00万元", "4.99万元", "99.8%"), [], [])) == []
    found = run_checks(completion("5.00万元", "4.89万元", "99.8%"), [], [])
    assert alarms(found) == [("rate.completion", "99.8", "error")]
    assert "4.89万元 ÷ 5.00万元 = 97.80%" in found[0].explanation


def test_zero_over_zero_is_info():
    found = run_checks(completion("0万元", "0万元", "100%", "因公出国（境）费"), [], [])
    assert [(f.rule, f.severity) for f in found] == [("rate.zero-base", "info")]
    assert "无定义" in found[0].explanation


def exec_row(spent: str, rate: str, score: str):
    return [
        fact("3630.41", ("年度资金总额",), ("全年预算数",), 1, 2, 3, title=T4, unit="万元"),
        fact(spent, ("年度资金总额",), ("全年执行数",), 1, 2, 4, title=T4, unit="万元"),
        fact("10", ("年度资金总额",), ("分值",), 1, 2, 5, title=T4),
        fact(rate, ("年度资金总额",), ("执行率",), 1, 2, 6, title=T4),
        fact(score, ("年度资金总额",), ("得分",), 1, 2, 7, title=T4),
    ]


def test_execution_rate_and_score():
    assert alarms(run_checks([], exec_row("3619.44", "99.7%", "9.97"), [])) == []
    found = run_checks([], exec_row("3619.44", "98.5%", "9.97"), [])
    # the score fits the right rate (10 × 99.7% = 9.97): the rate alone is out, and its finding says so
    assert alarms(found) == [("rate.execution", "98.5", "error")]
    assert "所写 9.97 按此处应有数" in found[0].explanation
    found = run_checks([], exec_row("3619.44", "98.5%", "9.85"), [])
    assert ("rate.score-from-rate", "9.85", "error") not in alarms(found)  # 10 × 98.5%: of the printed rate
    found = run_checks([], exec_row("3619.44", "99.7%", "9.50"), [])
    assert alarms(found) == [("rate.score-from-rate", "9.50", "error")]


def test_control_rate():
    facts = [
        fact("114", ("财政供养人员情况",), ("编制数",), 0, 2, 1, title=T3),
        fact("127", ("财政供养人员情况",), ("2023年实际在职人数",), 0, 2, 2, title=T3),
        fact("111.4%", ("财政供养人员情况",), ("控制率",), 0, 2, 3, title=T3),
    ]
    assert alarms(run_checks([], facts, [])) == []
    facts[2] = fact("114.1%", ("财政供养人员情况",), ("控制率",), 0, 2, 3, title=T3)
    assert alarms(run_checks([], facts, [])) == [("rate.execution", "114.1", "error")]


def test_per_capita():
    s = "为困难群众累计发放32.09万元救助金，救助对象合计290人，人均救助{}。"
    ok = [
        claim("32.09万元", "救助金", s.format("1106.5元"), 1),
        claim("290人", "救助对象", s.format("1106.5元"), 1),
        claim("1106.5元", "人均救助", s.format("1106.5元"), 1, relation="per-capita"),
    ]
    assert alarms(run_checks(ok, [], [])) == []
    bad_s = s.format("1160.5元")
    bad = [
        claim("32.09万元", "救助金", bad_s, 1),
        claim("290人", "救助对象", bad_s, 1),
        claim("1160.5元", "人均救助", bad_s, 1, relation="per-capita"),
    ]
    found = run_checks(bad, [], [])
    assert alarms(found) == [("rate.per-capita", "1160.5", "error")]
    assert found[0].expected_value == D("1106.55")


def per_capita_findings(sentence: str) -> list[tuple[str, str, str]]:
    para = Paragraph(sentence, Provenance("0" * 64, block=1, paragraph=1))
    cs = extract_claims(Document("x.txt", "0" * 64, "txt", blocks=[para]))
    return [a for a in alarms(run_checks(cs, [], [])) if a[0] == "rate.per-capita"]


def test_per_capita_on_the_people_in_the_bracket_after_it():
    s = "公共图书馆总藏量达到156.78万册，人均藏书{}册（按常住人口118.77万人计算）。"
    assert per_capita_findings(s.format("1.32")) == []
    assert per_capita_findings(s.format("1.52")) == [("rate.per-capita", "1.52", "error")]


def test_per_capita_is_not_divided_by_a_count_of_things():
    # 册 is a count but not of people: no number of people is stated, nothing to divide by
    assert per_capita_findings("公共图书馆总藏量达到150.00万册，人均藏书1.50册。") == []


def prior_fact(v: str):
    return fact(v, ("3、公务接待费",), ("2022年决算数",), 0, 9, 1, title=T3, unit="万元")


def this_year():
    return fact("4.99", ("3、公务接待费",), ("2023年决算数",), 0, 9, 3, title=T3, unit="万元")


def flat(word: str):
    s = f"公务接待费支出决算为4.99万元，{word}。"
    return [claim("4.99万元", "公务接待费", s, 1, role="决算")]


def test_direction_words_against_the_prior_year():
    found = run_checks(flat("与上年相比持平"), [this_year(), prior_fact("5.11")], [])
    assert alarms(found) == [("direction.vs-prior-year", "4.99", "error")]
    assert "5.11" in found[0].explanation and "减少 0.12万元" in found[0].explanation
    assert alarms(run_checks(flat("与上年相比持平"), [this_year(), prior_fact("4.99")], [])) == []
    assert alarms(run_checks(flat("比上年减少"), [this_year(), prior_fact("5.11")], [])) == []
    assert alarms(run_checks(flat("比上年增长"), [this_year(), prior_fact("5.11")], [])) == [
        ("direction.vs-prior-year", "4.99", "error")
    ]


def test_direction_without_prior_year_is_unresolved():
    found = run_checks(flat("与上年相比持平"), [], [])
    assert [(f.rule, f.severity) for f in found] == [("unresolved.no-counterpart", "info")]


def test_change_percent():
    s = "公务接待费支出决算为4.99万元，比上年减少2.3%。"
    cs = [
        claim("4.99万元", "公务接待费", s, 1, role="决算"),
        claim("2.3%", "公务接待费", s, 1, relation="change", direction="减少"),
    ]
    assert (
        alarms(run_checks(cs, [this_year(), prior_fact("5.11")], [])) == []
    )  # (4.99 − 5.11) ÷ 5.11 = −2.35 %, within rounding
    s2 = "公务接待费支出决算为4.99万元，比上年减少12.3%。"
    cs2 = [
        claim("4.99万元", "公务接待费", s2, 1, role="决算"),
        claim("12.3%", "公务接待费", s2, 1, relation="change", direction="减少"),
    ]
    assert alarms(run_checks(cs2, [this_year(), prior_fact("5.11")], [])) == [
        ("change.stated-vs-computed", "12.3", "error")
    ]


def test_basically_flat_is_a_judgement_not_equality():
    # 4.99 against 5.11 is −2.3%: 基本持平 says the change is small, not that there is none
    assert alarms(run_checks(flat("与上年基本持平"), [this_year(), prior_fact("5.11")], [])) == []
    assert alarms(run_checks(flat("与上年持平"), [this_year(), prior_fact("5.11")], [])) == [
        ("direction.vs-prior-year", "4.99", "error")
    ]
