"""share and repeat on hand-built claims and facts."""

from decimal import Decimal as D

from model_builders import claim, fact

from pipeline.checks import run_checks

S1 = "2023年支出合计3619.44万元，其中：基本支出2998.29万元，占82.84%；项目支出621.15万元，占17.16%。"
S2 = "基本支出2998.29万元，占本年支出82.58%。"


def seedlike(share1: str = "82.84%", share2: str = "82.58%"):
    s1, s2 = S1.replace("82.84%", share1), S2.replace("82.58%", share2)
    claims = [
        claim("3619.44万元", "支出合计", s1, 1, relation="total", group=1, section="（二）部门整体支出情况"),
        claim("2998.29万元", "基本支出", s1, 1, relation="part", group=1),
        claim(share1, "基本支出", s1, 1, relation="share", group=1, section="（二）部门整体支出情况"),
        claim("621.15万元", "项目支出", s1, 1, relation="part", group=1),
        claim("17.16%", "项目支出", s1, 1, relation="share", group=1),
        claim("2998.29万元", "基本支出", s2, 2, relation="total", group=2, section="（一）基本支出情况"),
        claim(share2, "基本支出", s2, 2, relation="share", denominator="本年支出", section="（一）基本支出情况"),
    ]
    title = "附件4 部门整体支出绩效自评表"
    facts = [
        fact("2224.35", ("年度资金总额",), ("年初预算数",), 1, 2, 2, title=title, unit="万元"),
        fact("3630.41", ("年度资金总额",), ("全年预算数",), 1, 2, 3, title=title, unit="万元"),
        fact("3619.44", ("年度资金总额",), ("全年执行数",), 1, 2, 4, title=title, unit="万元"),
    ]
    return claims, facts


def test_wrong_share_with_denominator_diagnosis():
    claims, facts = seedlike()
    found = [f for f in run_checks(claims, facts, []) if f.rule == "share.stated-vs-computed"]
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.stated_value, f.expected_value, f.unit) == ("error", D("82.58"), D("82.84"), "%")
    assert "2998.29 ÷ 3619.44 = 82.84%" in f.explanation
    assert "3630.41（年度资金总额 全年预算数）" in f.explanation
    assert facts[1].prov in f.related and f.derivation == "2998.29 ÷ 3619.44 × 100"


def test_correct_shares_are_silent():
    claims, facts = seedlike(share2="82.84%")
    assert [f for f in run_checks(claims, facts, []) if f.severity != "info"] == []


def test_truncated_share_is_a_warning():
    # 621.15 ÷ 3619.44 = 17.1616…% → printed 17.16 either way; use 2998.29 ÷ 3619.44 = 82.8393…: truncated 82.83
    claims, facts = seedlike(share1="82.83%", share2="82.83%")
    found = [f for f in run_checks(claims, facts, []) if f.rule == "share.stated-vs-computed"]
    assert [f.severity for f in found] == ["warning"]  # one truncation printed twice: one finding, both places
    assert "截尾" in found[0].explanation and "另见" in found[0].explanation
    assert claims[6].prov in found[0].related


def test_repeat_of_one_share():
    claims, facts = seedlike()
    found = [f for f in run_checks(claims, facts, []) if f.rule == "repeat.different-values"]
    assert len(found) == 1
    assert found[0].prov == claims[6].prov and found[0].related == [claims[2].prov]


def test_repeat_one_unit_apart_is_a_warning():
    a = claim("326.71万元", "公用经费", "公用经费326.71万元。", 1)
    b = claim("326.72万元", "公用经费", "其中公用经费326.72万元。", 5)
    found = run_checks([a, b], [], [])
    assert [(f.rule, f.severity) for f in found] == [("repeat.different-values", "warning")]


def test_share_without_denominator_is_unresolved_info():
    s = "专项资金500万元，占比12.5%。"
    claims = [
        claim("500万元", "专项资金", s, 1),
        claim("12.5%", "专项资金", s, 1, relation="share", denominator="总盘子"),
    ]
    found = run_checks(claims, [], [])
    assert [(f.rule, f.severity) for f in found] == [("unresolved.no-counterpart", "info")]
    assert "分母" in found[0].explanation
