"""Narrative claims from hand-built paragraphs: subjects, roles, relations, groups, sections."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims import extract_claims
from extractors.clauses import SectionTracker, heading_label, sentences
from extractors.model import Claim, Document, Paragraph, Provenance
from tests.conftest import realdoc


def doc(*texts: str) -> Document:
    blocks = [Paragraph(text=t, prov=Provenance(sha256="x", block=i, paragraph=i)) for i, t in enumerate(texts)]
    return Document(path="t.txt", sha256="x", format="txt", blocks=list(blocks))


def claims(*texts: str) -> list[Claim]:
    return extract_claims(doc(*texts))


def by_text(cs: list[Claim], text: str, relation: str | None = None) -> Claim:
    found = [c for c in cs if c.quantity.text == text and (relation is None or c.relation == relation)]
    assert len(found) == 1, [(c.quantity.text, c.relation) for c in cs]
    return found[0]


def test_share_with_denominator() -> None:
    cs = claims("其中人员经费2295.62万元，占本年支出63.23%；公用经费702.68万元，占本年支出19.36%。")
    money = by_text(cs, "2295.62万元")
    assert (money.subject, money.quantity.decimals, money.quantity.base_value) == ("人员经费", 2, Decimal("22956200"))
    share = by_text(cs, "63.23%")
    assert (share.relation, share.denominator, share.subject, share.quantity.decimals) == (
        "share",
        "本年支出",
        "人员经费",
        2,
    )
    assert by_text(cs, "19.36%").subject == "公用经费"


def test_share_without_denominator_joins_the_total() -> None:
    cs = claims("2023年支出合计3619.44万元，其中：基本支出2998.29万元，占82.84%；项目支出621.15万元，占17.16%。")
    total = by_text(cs, "3619.44万元")
    share = by_text(cs, "82.84%")
    assert (share.relation, share.denominator, share.subject) == ("share", "", "基本支出")
    assert total.relation == "total" and total.group is not None
    assert share.group == total.group
    assert [c.quantity.text for c in cs if c.relation == "part"] == ["2998.29万元", "621.15万元"]
    assert total.period == "2023年" and by_text(cs, "621.15万元").period == "2023年"


def test_rate_and_roles_and_flat() -> None:
    cs = claims("公务接待费支出预算为5万元，支出决算为4.99万元，完成预算的99.8%，与上年相比持平。")
    budget, final = by_text(cs, "5万元"), by_text(cs, "4.99万元", relation="")
    assert (budget.subject, budget.role) == ("公务接待费", "预算")
    assert (final.subject, final.role) == ("公务接待费", "决算")
    rate = by_text(cs, "99.8%")
    assert (rate.relation, rate.denominator, rate.subject) == ("rate", "预算", "公务接待费")
    flat = by_text(cs, "4.99万元", relation="change")
    assert (flat.direction, flat.subject, flat.quantity.value) == ("持平", "公务接待费", Decimal("4.99"))
    assert flat.prov.span == final.prov.span


def test_flat_without_figure_is_a_marker() -> None:
    cs = claims("公务用车运行费与上年持平。")
    assert len(cs) == 1
    c = cs[0]
    assert (c.relation, c.direction, c.quantity.dimension, c.subject) == ("change", "持平", "unknown", "公务用车运行费")


def test_change_up_and_down() -> None:
    cs = claims("公务接待费支出决算为4.99万元，比上年减少0.12万元，下降2.35%。机关运行经费32万元，比上年增长5%。")
    down = by_text(cs, "0.12万元")
    assert (down.relation, down.direction, down.subject) == ("change", "减少", "公务接待费")
    pct = by_text(cs, "2.35%")
    assert (pct.relation, pct.direction, pct.subject) == ("change", "减少", "公务接待费")
    up = by_text(cs, "5%")
    assert (up.relation, up.direction, up.subject) == ("change", "增长", "机关运行经费")
    assert down.period == "" and by_text(cs, "4.99万元").role == "决算"


def test_new_is_not_a_change() -> None:
    cs = claims("今年新增市场主体131家，企业净增34家。新增低保28户47人。")
    assert all(c.relation == "" for c in cs)
    assert by_text(cs, "34家").subject == "新增企业"
    assert by_text(cs, "47人").subject == "新增低保"


def test_change_against_a_named_year() -> None:
    cs = claims("财政拨款收入15621.11万元，比2023年预算减少876.75万元；事业收入0.00万元。")
    c = by_text(cs, "876.75万元")
    assert (c.relation, c.direction, c.subject, c.period) == ("change", "减少", "财政拨款收入", "")


def test_per_capita_group() -> None:
    cs = claims("为困难群众累计发放32.09万元救助金，救助对象合计290人，人均救助1106.5元。")
    pc = by_text(cs, "1106.5元")
    assert pc.relation == "per-capita" and pc.group is not None
    assert by_text(cs, "32.09万元").group == pc.group == by_text(cs, "290人").group
    assert by_text(cs, "32.09万元").subject == "救助金"
    assert by_text(cs, "290人").subject == "救助对象合计"


def test_a_figure_in_the_bracket_after_a_per_capita_figure_is_its_basis_not_one() -> None:
    cs = claims("公共图书馆总藏量达到156.78万册，人均藏书1.32册（按常住人口118.77万人计算），人均借阅2.10册。")
    assert by_text(cs, "1.32册").relation == by_text(cs, "2.10册").relation == "per-capita"
    assert by_text(cs, "118.77万人").relation == ""


def test_enumeration_with_qizhong() -> None:
    cs = claims("共解决各类问题336件，其中矛盾纠纷97件、群众诉求186件、安全隐患15件、其他问题38件，提供微服务264次。")
    total = by_text(cs, "336件")
    assert (total.relation, total.subject) == ("total", "各类问题")
    parts = [c for c in cs if c.group == total.group and c.relation == "part"]
    assert [(c.subject, c.quantity.value) for c in parts] == [
        ("矛盾纠纷", 97),
        ("群众诉求", 186),
        ("安全隐患", 15),
        ("其他问题", 38),
    ]
    assert by_text(cs, "264次").group is None


def test_enumeration_total_after_parts() -> None:
    cs = claims("给6类重点人员168户、已消除风险监测户123户共291户精准画像。")
    total = by_text(cs, "291户")
    assert total.relation == "total"
    parts = [c.quantity.value for c in cs if c.group == total.group and c.relation == "part"]
    assert parts == [168, 123]
    assert by_text(cs, "6类").group is None
    assert by_text(cs, "123户").subject == "消除风险监测户"


def test_enumeration_fund() -> None:
    cs = claims("政府基金预算23万元，其中用于彩票公益金安排支出18万元，用于城乡社区支出5万元。")
    total = by_text(cs, "23万元")
    assert total.relation == "total"
    assert [c.quantity.value for c in cs if c.group == total.group and c.relation == "part"] == [18, 5]
    assert by_text(cs, "5万元").subject == "城乡社区支出"


def test_qizhong_opens_a_new_sentence() -> None:
    cs = claims("基本支出2998.29万元，占本年支出82.58%。其中人员经费2295.62万元；公用经费702.68万元。")
    total = by_text(cs, "2998.29万元")
    assert total.relation == "total"
    assert {c.subject for c in cs if c.relation == "part" and c.group == total.group} == {"人员经费", "公用经费"}
    assert by_text(cs, "82.58%").group is None  # its denominator is named: 本年支出


def test_partial_list_is_not_an_enumeration() -> None:
    cs = claims("全年开展进校园活动共计22次，学校覆盖率达100%。")
    assert all(c.group is None for c in cs)


def test_direction_marker_and_figures() -> None:
    cs = claims("本年决算数大于预算数。")
    assert len(cs) == 1
    c = cs[0]
    assert (c.relation, c.direction, c.denominator, c.quantity.dimension) == ("direction", "大于", "预算数", "unknown")
    cs = claims("本年支出3619.44万元，小于预算数3630.41万元。")
    d = by_text(cs, "3630.41万元")
    assert (d.relation, d.direction) == ("direction", "小于")


def test_subjects_around_numbers() -> None:
    cs = claims("共98名片长、338名组长和1044名邻长参与其中，每位邻长联系5-15户。")
    assert [c.subject for c in cs[:3]] == ["片长", "组长", "邻长"]
    rng = by_text(cs, "5-15户")
    assert (rng.quantity.value, rng.quantity.high) == (5, 15)


def test_thousands_comma_is_not_a_clause_break() -> None:
    cs = claims("2025年，商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元。")
    assert [c.quantity.base_value for c in cs] == [Decimal("371514700"), Decimal("371514700")]
    assert cs[0].role == "预算" and cs[0].period == "2025年"


def test_sections_follow_headings() -> None:
    cs = claims(
        "一、部门基本情况",
        "（二）部门整体支出情况",
        "2023年支出合计3619.44万元。",
        "三、政府性基金预算支出情况",
        "政府基金预算23万元。",
        "4、 部门整体支出绩效情况",
        "（一）铸魂赋能强根基，实现基层党建新提升。配强补齐村干部17名。",
        "2.公务接待费。公务接待费支出预算为5万元。",
    )
    assert by_text(cs, "3619.44万元").section == "一、部门基本情况 › （二）部门整体支出情况"
    assert by_text(cs, "23万元").section == "三、政府性基金预算支出情况"
    assert by_text(cs, "17名").section == "4、 部门整体支出绩效情况 › （一）铸魂赋能强根基，实现基层党建新提升"
    assert by_text(cs, "5万元").section.endswith("› 2.公务接待费")


def test_heading_level_from_paragraph() -> None:
    tracker = SectionTracker()
    p = Paragraph(text="收入支出预算总体情况", prov=Provenance(sha256="x"), level=1)
    assert tracker.visit(p) == "收入支出预算总体情况"
    body = Paragraph(text="收入预算15621.11万元。", prov=Provenance(sha256="x"))
    assert tracker.visit(body) == "收入支出预算总体情况"


def test_heading_labels() -> None:
    assert heading_label("一、部门") == (1, "一、")
    assert heading_label("（十二）项目") == (2, "（十二）")
    assert heading_label("4.2023年的重点工作") == (3, "4.")
    assert heading_label("4.5万元") is None
    assert heading_label("(3)规范") == (4, "(3)")
    assert heading_label("2023年") is None


def test_sentences_cover_text() -> None:
    text = "甲1万元。乙2万元！丙3万元"
    assert [text[a:b] for a, b in sentences(text)] == ["甲1万元。", "乙2万元！", "丙3万元"]


def test_spans_point_at_numbers() -> None:
    text = "基本支出2998.29万元，占本年支出82.58%。"
    for c in claims(text):
        s, e = c.prov.span
        assert text[s:e] == c.quantity.text
        assert c.sentence == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(
                list("0123456789.,，。；：、%万亿元户件人其中共占比上年增长减少持平完成预算决算的大于一二（）1、 ")
            )
            | st.characters(),
            max_size=80,
        ),
        max_size=4,
    )
)
def test_fuzz_extract_claims(texts: list[str]) -> None:
    for c in claims(*texts):
        assert c.prov.paragraph is not None
        text = texts[c.prov.paragraph]
        s, e = c.prov.span
        assert 0 <= s < e <= len(text)
        assert c.relation in ("", "share", "rate", "change", "per-capita", "part", "total", "direction")


# ------------------------------------------------------------------ the real 预算 reports (narrative in 万元)

REAL_BUDGETS = ["万里街道办事处24年预算", "商务委员会25年预算"]


@pytest.fixture(scope="module", params=REAL_BUDGETS)
def real_budget(request: pytest.FixtureRequest) -> tuple[Document, list[Claim]]:
    from extractors.registry import read_document

    d = read_document(realdoc(request.param))
    return d, extract_claims(d)


def test_real_budget_narrative_in_wan_yuan(real_budget: tuple[Document, list[Claim]]) -> None:
    d, cs = real_budget
    income = [c for c in cs if c.subject == "收入" and c.role == "预算" and c.quantity.unit == "万元"]
    assert income, "the 收入预算 sentence was not read"
    q = income[0].quantity
    assert q.decimals == 2 and q.base_unit == "元" and q.base_value == q.value * 10000
    # every narrative 万元 figure parses with its thousands separators and keeps its printed decimals
    for c in cs:
        if c.quantity.unit == "万元":
            printed = c.quantity.text.replace(",", "").replace("万元", "").strip()
            assert c.quantity.value == Decimal(printed.split("\n")[0] if "\n" in printed else printed)
    changes = [c for c in cs if c.relation == "change" and c.direction in ("增长", "减少", "持平")]
    assert changes and all(c.subject for c in changes)


def test_real_budget_narrative_meets_its_table_in_yuan(real_budget: tuple[Document, list[Claim]]) -> None:
    from extractors.tablefacts import extract_facts

    d, cs = real_budget
    income = next(c for c in cs if c.subject == "收入" and c.role == "预算" and c.quantity.unit == "万元")
    half_unit = Decimal("0.005") * 10000  # 15621.11万元 stands for ±0.005万元
    facts = [f for f in extract_facts(d) if f.quantity.unit == "元" and "收入" in "".join(f.row_labels)]
    assert any(abs(f.quantity.base_value - income.quantity.base_value) <= half_unit for f in facts)


def test_flat_in_the_next_sentence_takes_the_last_figure() -> None:
    cs = claims("（三）公务接待费1.00万元。与2024年预算持平，主要原因是根据实际业务需求开展公务接待。")
    flat = [c for c in cs if c.direction == "持平"]
    assert len(flat) == 1 and flat[0].subject == "公务接待费" and flat[0].quantity.value == Decimal("1.00")


def test_long_paragraph_stays_linear() -> None:
    import time

    extract_claims(doc("甲1万元"))  # build the tokenizer first

    def seconds(times: int) -> float:
        started = time.perf_counter()
        cs = claims("基本支出2998.29万元，占82.84%，比上年增长5%、其中3户" * times)
        assert len(cs) == 4 * times
        return time.perf_counter() - started

    # four times the text in about four times the time (sixteen if quadratic): a ratio, so a busy machine that
    # slows both runs alike does not fail it; speed itself is measured by benchmarks/, not here
    assert seconds(600) / seconds(150) < 9


def test_bare_wan_in_a_money_sentence_is_money() -> None:
    cs = claims(
        "公务接待费支出预算为9.00万元，支出决算为6.18万，完成预算的68.67%。推进城市更新，打造15分钟社区生活圈。"
    )
    c = by_text(cs, "6.18万")
    assert (c.quantity.dimension, c.quantity.base_unit, c.quantity.base_value) == ("money", "元", Decimal("61800"))
    assert c.subject == "公务接待费" and c.role == "决算"
    assert not [x for x in cs if x.quantity.unit == "分钟"]


def test_final_account_item_paragraph() -> None:
    cs = claims(
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。"
        "年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化。"
    )
    budget, final = by_text(cs, "1560.05万元"), by_text(cs, "1511.89万元", relation="")
    topic = "一般公共服务支出（类）财政事务（款）行政运行（项）"
    assert (budget.subject, budget.role) == (topic, "年初")
    assert (final.subject, final.role) == (topic, "决算")
    d = by_text(cs, "1511.89万元", relation="direction")
    assert (d.direction, d.denominator) == ("小于", "预算数")
    assert d.group is not None and d.group == budget.group


def test_change_subject_after_a_comparison_clause() -> None:
    cs = claims("本局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。")
    down = by_text(cs, "56.95万元")
    pct = by_text(cs, "1.87%")
    assert (down.relation, down.subject) == ("change", "收入支出总计")
    assert (pct.relation, pct.direction, pct.subject) == ("change", "减少", "收入支出总计")
    assert by_text(cs, "2995.39万元").subject == "收入支出总计"


def test_respectively() -> None:
    cs = claims("基本支出和项目支出分别为2998.29万元、621.15万元。公务接待费年初预算数和决算数分别为5万元和4.99万元。")
    assert [(c.subject, c.role) for c in cs] == [
        ("基本支出", ""),
        ("项目支出", ""),
        ("公务接待费", "年初"),
        ("公务接待费", "决算"),
    ]


def test_a_year_end_is_the_period_not_part_of_the_name() -> None:
    from extractors.claims import paragraph_claims

    def subjects(text: str) -> list[tuple[str, str]]:
        claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
        return [(c.subject, c.period) for c in claims]

    # 2024年末全县专项债务余额: the balance at the end of 2024, not an item called 末全县…
    assert subjects("2024年末全县专项债务余额27.52亿元。") == [("专项债务余额", "2024年")]
    assert subjects("2024年底全市政府债务余额52.3亿元。") == [("政府债务余额", "2024年")]


def test_a_figure_after_a_change_to_the_budget_is_the_items_not_the_changes() -> None:
    from extractors.claims import paragraph_claims

    text = (
        "2025年市本级一般公共预算支出年初预算为156.80亿元，执行中追加上级转移支付支出8.50亿元，调整后预算为165.30亿元，"
        "实际完成161.72亿元。"
    )
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    got = {c.quantity.text: (c.subject, c.role) for c in claims}
    assert got["165.30亿元"] == ("市本级一般公共预算支出", "全年")  # 调整后预算 is the adjusted budget, 全年
    assert got["161.72亿元"][0] == "市本级一般公共预算支出"


def test_a_lead_is_not_cut_at_the_thousands_comma_of_the_figure_before() -> None:
    doc = Document(
        "t.txt",
        "0" * 64,
        "txt",
        [
            Paragraph(
                "全县支出286,540万元，加上解上级支出3,120万元、债务还本支出7,800万元。", Provenance("0" * 64, block=0)
            )
        ],
    )
    leads = {c.quantity.text: c.lead for c in extract_claims(doc)}
    assert leads["7,800万元"] == "加上解上级支出3,120万元、债务还本支出"


def test_an_adjusted_budget_after_a_change_made_by_some_counties_is_the_items() -> None:
    from extractors.claims import paragraph_claims

    text = (
        "2025年全市一般公共预算收入年初预算合计421.9亿元，执行中部分县区按程序调增收入预算1.8亿元，调整后收入预算为423.7亿元；"
        "收入完成421.8亿元，同比增长3.6%。"
    )
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    got = {c.quantity.text: (c.subject, c.role) for c in claims}
    assert got["421.9亿元"] == ("一般公共预算收入", "年初")
    assert got["423.7亿元"] == ("一般公共预算收入", "全年")  # not the 调增's 部分县区…收入
    assert got["421.8亿元"] == ("一般公共预算收入", "执行")


def test_a_figure_after_a_budget_change_is_the_wholes_not_a_qizhong_parts() -> None:
    from extractors.claims import paragraph_claims

    text = (
        "全市一般公共预算支出年初预算为598.30亿元，其中教育支出95.00亿元。执行中追加上级转移支付等支出34.34亿元，"
        "调整后为632.64亿元，全年完成612.40亿元。"
    )
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    got = {c.quantity.text: c.subject for c in claims}
    assert got["632.64亿元"] == got["612.40亿元"] == "一般公共预算支出"
