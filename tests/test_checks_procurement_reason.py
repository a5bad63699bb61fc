"""Hand-built checks of the narrative-only families: procurement (中小企业 awards vs the 政府采购 total), reason
(主要原因 vs the stated movement), mirror (财政拨款收入/支出 changes agree) and execution (决算数小于预算数 vs A, B)."""

import re
from decimal import Decimal as D

from model_builders import SHA, claim

from extractors.claims import paragraph_claims
from extractors.model import Document, Paragraph, Provenance
from pipeline.checks import RULES, run_checks

SECTION = "十一、其他重要事项的情况说明 › （二）政府采购支出情况"
TOTAL_S = "本部门2024年度政府采购金额（以合同签订为准）为21.07万元，其中：货物采购金额21.07万元、工程采购金额0万元。"
WON_S = (
    "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{a}万元；"
    "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{b}万元。"
)


def _procurement(total: str, a: str, b: str) -> list:
    ts = TOTAL_S.replace("21.07万元，其中", f"{total}万元，其中")
    ws = WON_S.format(a=a, b=b)
    first = ws.find(f"{a}万元")
    second = ws.find(f"{b}万元", first + len(a) + 2)
    c_a = claim(f"{a}万元", "采购", ws, 2, section=SECTION)
    c_b = claim(f"{b}万元", "采购", ws, 2, section=SECTION)
    c_b.prov = Provenance(SHA, block=2, paragraph=2, span=(second, second + len(b) + 2))
    return [claim(f"{total}万元", "政府采购金额", ts, 1, relation="total", section=SECTION), c_a, c_b]


def _found(claims, rule: str, doc=None) -> list:
    return [f for f in run_checks(claims, [], [], doc=doc) if f.rule == rule]


def test_sme_awards_exceeding_the_total_are_an_error():
    found = _found(_procurement("21.07", "21.07", "21.07"), "procurement.sme-over-total")
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.stated_value, f.expected_value) == ("error", D("21.07"), D("0"))
    assert "21.07 + 21.07 = 42.14万元" in f.explanation and "21.07万元" in f.explanation
    assert f.related  # the total and the other award are cited


def test_sme_awards_within_rounding_of_the_total_are_not_a_finding():
    # 财政局 2024: 246.47 + 4.79 = 251.26 vs 251.25 — three rounded figures, 0.01 apart
    assert _found(_procurement("251.25", "246.47", "4.79"), "procurement.sme-over-total") == []
    assert _found(_procurement("2319.21", "225.10", "0.00"), "procurement.sme-over-total") == []


def test_sme_over_total_beyond_rounding_is_found_at_smaller_scale():
    found = _found(_procurement("100.00", "60.00", "40.02"), "procurement.sme-over-total")
    assert len(found) == 1 and found[0].expected_value == D("40.00")


def _granted(share: str) -> list:
    s = f"本年度政府采购支出总额200.00万元，授予中小企业合同金额150.00万元，占政府采购支出总额的{share}。"
    return [
        claim("200.00万元", "政府采购支出总额", s, 1, relation="total", section=SECTION),
        claim("150.00万元", "授予中小企业合同金额", s, 1, section=SECTION),
        claim(share, "授予中小企业合同金额", s, 1, relation="share", section=SECTION),
    ]


def test_sme_share_of_the_total():
    assert _found(_granted("75.00%"), "procurement.sme-share") == []
    found = _found(_granted("70.00%"), "procurement.sme-share")
    assert len(found) == 1
    assert (found[0].severity, found[0].stated_value, found[0].expected_value) == ("error", D("70.00"), D("75.00"))


def _read(text: str, block: int = 3) -> tuple[list, Document]:
    """The claims of one paragraph as the claims extractor reads them, and a document holding it."""
    para = Paragraph(text=text, prov=Provenance(SHA, block=block, paragraph=block))
    doc = Document(path="x.txt", sha256=SHA, format="txt", blocks=[para])
    return paragraph_claims(para), doc


def test_reason_naming_the_opposite_movement_is_a_warning():
    text = (
        "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
        "主要原因是：宣传事务一般行政管理事务经费增加。"
    )
    claims, doc = _read(text)
    # the family reads the claims: the document changes nothing
    for given in (None, doc):
        found = _found(claims, "reason.opposite-direction", given)
        assert len(found) == 1
        assert found[0].severity == "warning" and found[0].stated_value == D("2.98")
        assert "写“减少2.98%”" in found[0].explanation
        assert "宣传事务一般行政管理事务经费增加" in found[0].explanation
    # a 其中 sentence of figures between the change and its reason
    claims, _doc = _read(text.replace("。主要原因", "。其中：基本支出100.00万元。主要原因"))
    assert [f.stated_value for f in _found(claims, "reason.opposite-direction")] == [D("2.98")]
    # the words of claim_words.csv: 压减 is a decrease, 提高 an increase
    claims, _doc = _read(text.replace("减少2.98%", "压减2.98%").replace("经费增加", "经费提高"))
    assert [f.stated_value for f in _found(claims, "reason.opposite-direction")] == [D("2.98")]


def test_reason_in_the_same_direction_or_without_a_movement_is_silent():
    same = "比2023年预算执行数减少6.19%。主要原因是：群众团体事务一般行政管理事务经费减少。"
    other = "比2023年预算执行数减少57.14%。主要原因是：项目调整。"
    far = "比2023年预算执行数减少6.19%。人员经费为10.00万元。主要原因是：经费增加。"  # not the change's reason
    for text in (same, other, far):
        claims, doc = _read(text)
        assert _found(claims, "reason.opposite-direction") == [], text
        assert _found(claims, "reason.opposite-direction", doc) == [], text


def test_new_rules_are_catalogued():
    for rid in (
        "procurement.sme-over-total",
        "procurement.sme-share",
        "procurement.part-over-whole",
        "reason.opposite-direction",
        "mirror.income-expense-change",
        "execution.final-vs-budget-word",
    ):
        assert rid in RULES and RULES[rid].title


def _budget(total: str, sme: str, small: str) -> list:
    s1 = f"2024年本部门政府采购预算{total}万元，其中：政府采购货物预算93.98万元。"
    s2 = f"2024年本部门面向中小企业预留政府采购项目预算金额{sme}万元，其中，预留给小型和微型企业的政府采购项目预算为{small}万元。"
    return [
        claim(f"{total}万元", "政府采购预算", s1, 1, relation="total", section="三、政府采购预算情况"),
        claim(f"{sme}万元", "面向中小企业预留政府采购项目", s2, 2, section="三、政府采购预算情况"),
        claim(f"{small}万元", "预留给小型和微型企业的政府采购项目", s2, 2, section="三、政府采购预算情况"),
    ]


def test_reserved_amounts_nest_in_a_budget():
    # 万里街道 2024 预算: 465.49 ⊂ 664.98 ⊂ 1662.44
    assert _found(_budget("1662.44", "664.98", "465.49"), "procurement.part-over-whole") == []
    found = _found(_budget("1662.44", "664.98", "764.98"), "procurement.part-over-whole")
    assert [(f.severity, f.stated_value) for f in found] == [("error", D("764.98"))]
    found = _found(_budget("662.44", "664.98", "465.49"), "procurement.part-over-whole")
    assert [(f.severity, f.stated_value) for f in found] == [("error", D("664.98"))]


def _budget_note(income_change: str, expense_change: str) -> tuple[list, list]:
    from extractors.model import OutlineEntry

    s1 = f"2025年，本部门收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年{income_change}万元。"
    s2 = f"支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年{expense_change}万元。"
    d1, d2 = re.search(r"[\d,.]+$", income_change).group(0), re.search(r"[\d,.]+$", expense_change).group(0)
    claims = [
        claim("37,151.47万元", "收入预算", s1, 2),
        _nth(claim("37,151.47万元", "财政拨款收入", s1, 2), s1, 1),
        claim(f"{d1}万元", "财政拨款收入", s1, 2),
        claim("37,151.47万元", "支出预算", s2, 3),
        _nth(claim("37,151.47万元", "财政拨款支出预算", s2, 3), s2, 1),
        claim(f"{d2}万元", "财政拨款支出预算", s2, 3),
    ]
    outline = [OutlineEntry("heading", "2025年部门预算编制说明", Provenance(SHA, block=1, paragraph=1), 1)]
    return claims, outline


def _nth(c, sentence: str, n: int):
    at = -1
    for _ in range(n + 1):
        at = sentence.find(c.quantity.text, at + 1)
    c.prov = Provenance(SHA, block=c.prov.block, paragraph=c.prov.paragraph, span=(at, at + len(c.quantity.text)))
    return c


def test_budget_income_and_expense_changes_must_agree():
    # against last year's 预算执行数 and against its 预算: two figures, whose changes may differ (adv94, stop 28)
    claims, outline = _budget_note("预算执行数增加24,558.18", "预算增加24,491.71")
    found = [f for f in run_checks(claims, [], outline) if f.rule == "mirror.income-expense-change"]
    assert [(f.severity, f.stated_value) for f in found] == [("info", D("24491.71"))]
    assert "12,593.29万元" in found[0].explanation and "12,659.76万元" in found[0].explanation
    # bases worded apart but of one measure (上年预算, 2024年预算): still worth a look
    claims, outline = _budget_note("上年预算增加24,558.18", "预算增加24,491.71")
    found = [f for f in run_checks(claims, [], outline) if f.rule == "mirror.income-expense-change"]
    assert [(f.severity, f.stated_value) for f in found] == [("warning", D("24491.71"))]
    claims, outline = _budget_note("预算增加24,558.18", "预算增加24,491.71")
    found = [f for f in run_checks(claims, [], outline) if f.rule == "mirror.income-expense-change"]
    assert [(f.severity, f.expected_value) for f in found] == [("error", D("24558.18"))]
    claims, outline = _budget_note("预算减少876.75", "预算减少876.75")
    assert [f for f in run_checks(claims, [], outline) if f.rule == "mirror.income-expense-change"] == []


def _item(text: str) -> list:
    claims, _doc = _read(text, 5)
    return [f for f in run_checks(claims, [], []) if f.rule == "execution.final-vs-budget-word"]


def test_final_vs_budget_word():
    ok = [
        "年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。决算数小于预算数的主要原因：基数变更。",
        "全年预算为202.24万元，支出决算为202.24万元。决算数与全年预算数持平。",
        "年初预算为10.00万元，支出决算为9.90万元。决算数与预算数基本持平。",  # 基本持平: a judgement, not checked
    ]
    for text in ok:
        assert _item(text) == [], text
    found = _item(
        "年初预算为40.35万元，支出决算为42.73万元，完成年初预算的105.90%。决算数小于预算数的主要原因：人员变动。"
    )
    assert [(f.severity, f.stated_value) for f in found] == [("error", D("42.73"))]
    assert "实为决算数大于预算数" in found[0].explanation
    found = _item("全年预算为11.72万元，支出决算为11.27万元。决算数与全年预算数持平。")
    assert [(f.severity, f.stated_value) for f in found] == [("error", D("11.27"))]
    assert (
        "写“决算数与全年预算数持平”，但全年预算 11.72万元、决算数 11.27万元，实为决算数小于预算数"
        in found[0].explanation
    )
    found = _item("年初预算为40.35万元，支出决算为42.73万元。决算数低于年初预算数，主要是人员变动。")
    assert [(f.severity, f.related[0].span) for f in found] == [("error", (5, 12))]  # the budget figure cited
    found = _item("预算数为12.00万元，决算数为12.50万元。决算数与预算数一致。")
    assert [f.stated_value for f in found] == [D("12.50")]


def test_a_reason_of_several_causes_is_not_one_movement():
    # the increase has two causes; 压减 is the second one's, not the whole reason's
    text = "比2023年预算增加732.12万元，增长1.56%。主要原因是：人员经费标准调整以及部分项目压减。"
    claims, doc = _read(text)
    assert _found(claims, "reason.opposite-direction", doc) == []
    single = "比2023年预算增加732.12万元，增长1.56%。主要原因是：部分项目压减。"
    claims, doc = _read(single)
    assert [f.stated_value for f in _found(claims, "reason.opposite-direction", doc)] == [D("1.56")]
