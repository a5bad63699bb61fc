"""List grammar: the parts of a 其中 list are the items of that list only (extractors.lists), and a list that
does not name every part is no contradiction when its parts fall short."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_identity import scan_text

from extractors.claims import paragraph_claims
from extractors.model import Paragraph, Provenance
from pipeline.checks import run_checks


def groups(text: str) -> list[tuple[str, list[str], str]]:
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    out = []
    for total in (c for c in claims if c.relation == "total"):
        parts = [c.quantity.text for c in claims if c.relation == "part" and c.group == total.group]
        out.append((total.quantity.text, parts, total.list_kind))
    return out


def _scan(tmp_path: Path, text: str):
    return scan_text(tmp_path, text, "部门整体支出绩效自评报告")


def alarms(text: str) -> list[tuple[str, str]]:
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    return [(f.rule, f.severity) for f in run_checks(claims, [], []) if f.severity != "info"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list inside brackets ends at the bracket
        (
            "参保人数22,396人（其中在职13,822人，退休8,574人），实际缴费人数13,793人。",
            [("22,396人", ["13,822人", "8,574人"], "complete")],
        ),
        # a "；" ends the list once its parts make the total
        (
            "全市政府债务余额合计1895.2亿元，其中：一般债务余额396.6亿元，专项债务余额1498.6亿元；市级政府债务余额624.8亿元，"
            "县区政府债务余额1270.4亿元。",
            [("1895.2亿元", ["396.6亿元", "1498.6亿元"], "complete")],
        ),
        # … but not while its parts still fit (lists written with 、 and ； alike)
        (
            "2023年支出合计3619.44万元，其中：基本支出2998.29万元，占82.84%；项目支出621.15万元，占17.16%。",
            [("3619.44万元", ["2998.29万元", "621.15万元"], "complete")],
        ),
        # a clause without a figure ends it
        (
            "新增法定债务限额39.83亿元，其中：新增一般债务限额7.4亿元，新增专项债务限额32.43亿元，新增限额下达后，"
            "预计年末法定债务余额126.09亿元。",
            [("39.83亿元", ["7.4亿元", "32.43亿元"], "complete")],
        ),
        # 等 says the list is not complete
        (
            "市本级政府性基金预算支出51.9亿元，其中：土地出让收入安排的支出12.9亿元，超长期特别国债安排的支出15.5亿元，"
            "专项债券利息及发行费用5.3亿元等。",
            [("51.9亿元", ["12.9亿元", "15.5亿元", "5.3亿元"], "partial")],
        ),
        # 加上… with the first addend in another clause is no list of the 合计
        ("加上级转移支付0.3亿元、上年结转7.1亿元、调入资金4.1亿元，政府性基金收入合计82.4亿元。", []),
        # parts before 合计: a change amount beside a part is none, nor is income a part of a spending total
        (
            "一般公共预算收入100亿元，比上年增加10亿元，政府性基金预算收入50亿元，合计150亿元。",
            [("150亿元", ["100亿元", "50亿元"], "complete")],
        ),
        ("调整后，政府性基金预算收入合计243.51亿元，比调整前减少11.95亿元；支出合计243.51亿元，收支平衡。", []),
        # a bare 加 opens the addends too; the first one is the level before 加 (here in the sentence before)
        (
            "全县政府性基金预算支出45000万元。加调出资金5000万元、地方政府专项债务还本支出2000万元、结转下年支出1000万元，"
            "支出总计53000万元。",
            [("53000万元", ["45000万元", "5000万元", "2000万元", "1000万元"], "complete")],
        ),
        # … past a rate of its own and a rate's base, but not past a change amount nor a 其中 list (its head or
        # its last part could be the level added to)
        (
            "全县收入50000万元，为预算的100.0%，加上级补助收入2000万元、上年结转1000万元，收入总计53000万元。",
            [("53000万元", ["50000万元", "2000万元", "1000万元"], "complete")],
        ),
        ("全县收入50000万元，比上年增加500万元。加上级补助收入2000万元、上年结转1000万元，收入总计53000万元。", []),
        ("全县收入50000万元，其中税收收入30000万元。加上级补助收入2000万元、上年结转1000万元，收入总计53000万元。", []),
        (
            "全县一般公共预算收入50500万元，为调整预算50000万元的101%。加上级补助收入30000万元、调入资金5000万元，"
            "收入总计85500万元。",
            [("85500万元", ["50500万元", "30000万元", "5000万元"], "complete")],
        ),
        # the level a bracket breaks down, not the last figure inside the bracket
        (
            "支出预计711.01亿元（当年预算安排的支出508.4亿元，上年结转安排的支出202.61亿元），加上上解支出79.86亿元，"
            "债务还本支出173.15亿元，支出总计964.02亿元。",
            [("964.02亿元", ["711.01亿元", "79.86亿元", "173.15亿元"], "complete")],
        ),
        # "当年收入加上A、B": the first addend is named, its figure is not the one before
        ("其他收入预计0.2亿元。当年收入加上转移支付收入0.13亿元、上年结转资金10.79亿元，收入总计26.79亿元。", []),
        # a part's description ("主要包括：…等；") ends no list
        (
            "基本支出2500.00万元，其中：人员经费2100.00万元，主要包括：基本工资、津贴补贴、奖金、社会保障缴费等；"
            "公用经费400.00万元，主要包括：办公费、水费、电费、差旅费等。",
            [("2500.00万元", ["2100.00万元", "400.00万元"], "complete")],
        ),
        # … but 加强, 加快 open no addition
        (
            "加快项目进度，项目支出1200万元、基本支出800万元，支出合计2000万元。",
            [("2000万元", ["1200万元", "800万元"], "complete")],
        ),
    ],
)
def test_a_list_has_the_parts_of_its_own_bounds(text: str, expected) -> None:
    assert groups(text) == expected


def test_a_list_that_may_be_partial_is_no_error_when_short() -> None:
    text = "全市社会保险基金收入预算2208亿元，其中保险费收入1624.9亿元、财政补贴收入500.3亿元、利息收入25.8亿元。"
    assert alarms(text) == []
    complete = "全市政府债务余额1895.2亿元，其中：一般债务余额396.6亿元，专项债务余额1488.6亿元。"
    assert alarms(complete) == [("sum.enumeration", "error")]
    residual = "共解决各类问题337件，其中矛盾纠纷97件、群众诉求186件、其他问题38件。"
    assert alarms(residual) == [("sum.enumeration", "error")]


def test_parts_above_their_total_are_an_error_whatever_the_list() -> None:
    assert alarms("全市支出2208亿元，其中保险费支出1624.9亿元、财政补贴支出700.3亿元。") == [
        ("sum.enumeration", "error")
    ]


def test_a_bracketed_breakdown_of_a_part_is_its_own_list() -> None:
    text = (
        "本工程规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米（其中计容面积7998平方米，不计容面积105平方米），"
        "地下建筑面积为5356平方米。"
    )
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    found = [f for f in run_checks(claims, [], []) if f.severity == "error"]
    assert [(str(f.stated_value), str(f.expected_value)) for f in found] == [("8013", "8103")]


def test_a_qizhong_list_after_a_budget_and_what_was_spent_breaks_down_the_spending(tmp_path: Path) -> None:
    text = (
        "某县2024年度部门整体支出绩效自评报告\n全年预算数1794.99万元，全年实际支出1757.60万元，预算执行率97.92%。"
        "其中：基本支出1475.25万元，占全年支出的83.94%；项目支出282.35万元，占全年支出的16.06%。\n"
    )
    claims, found = _scan(tmp_path, text)
    totals = [c.quantity.text for c in claims if c.relation == "total"]
    assert totals == ["1757.60万元"]
    assert [f for f in found if f.severity != "info"] == []


def test_a_budget_adjustment_is_no_item_a_later_figure_is_of(tmp_path: Path) -> None:
    text = (
        "某县2024年度部门整体支出绩效自评报告\n年中追加364.05万元。全年支出1757.60万元。其中：基本支出1475.25万元，"
        "占全年支出的83.94%；项目支出282.35万元，占全年支出的16.06%。\n"
    )
    claims, found = _scan(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "1757.60万元").subject == "支出"
    assert [f for f in found if f.severity != "info"] == []


def test_a_qizhong_list_of_records_is_no_list_of_parts(tmp_path: Path) -> None:
    text = (
        "某县2024年度部门整体支出绩效自评报告\n编制人数114人，实际在职人数127人，超编13人。其中：行政编制45人，实际在职48人；"
        "事业编制69人，实际在职79人。\n"
    )
    claims, found = _scan(tmp_path, text)
    assert [c for c in claims if c.relation == "total"] == []
    assert [f for f in found if f.severity != "info"] == []
    # a list of parts is still a list
    parts = (
        "某县2024年度部门整体支出绩效自评报告\n全年支出1757.60万元。其中：基本支出1475.25万元，项目支出272.35万元。\n"
    )
    _, found = _scan(tmp_path, parts)
    assert [(f.rule, f.severity) for f in found if f.severity != "info"] == [("sum.enumeration", "error")]


@pytest.mark.parametrize(
    "text",
    [
        # one fund's own income, spending and gap after the balance of all funds: no parts of the balance
        "全州社会保险基金收入260.61亿元，支出263.90亿元，本年收支结余-3.29亿元，年末滚存结余133.75亿元。其中，"
        "企业职工基本养老保险基金收入123.46亿元，支出134.57亿元，当年收支缺口11.11亿元由省级调剂解决。",
        # income and spending are never parts of one total, whatever the total names
        "全市社会保险基金133.75亿元，其中企业职工基本养老保险基金收入123.46亿元，支出134.57亿元。",
        # spending is no part of income
        "一般公共预算收入100亿元，其中教育支出60亿元、科技支出30亿元。",
    ],
)
def test_parts_of_another_flow_are_no_parts_of_the_total(text: str) -> None:
    assert groups(text) == []
    assert alarms(text) == []


def test_what_is_left_may_be_part_of_income_or_spending() -> None:
    assert groups("收入总计120万元，其中：本年收入100万元，上年结转20万元。") == [
        ("120万元", ["100万元", "20万元"], "")
    ]
    assert groups("年末结转和结余30万元，其中：基本支出结转10万元，项目支出结转和结余20万元。") == [
        ("30万元", ["10万元", "20万元"], "complete")
    ]
    assert alarms("一般公共预算收入100亿元，其中税收收入80亿元，非税收入30亿元。") == [("sum.enumeration", "error")]
    assert groups("年终结余13.91亿元，其中：结转下年支出10.91亿元，净结余3亿元。") == [
        ("13.91亿元", ["10.91亿元", "3亿元"], "")
    ]


@pytest.mark.parametrize(
    ("name", "flow"),
    [
        ("企业职工基本养老保险基金收入", "收入"),
        ("支出", "支出"),
        ("年末滚存结余", "余额"),
        ("当年收支缺口", "余额"),
        ("基本支出结转", "余额"),
        ("结转下年支出", "余额"),
        ("收入支出总计", ""),
        ("债务限额", ""),
    ],
)
def test_the_flow_of_a_figure_is_named_by_its_flow_words(name: str, flow: str) -> None:
    from extractors.lists import flow_of

    assert flow_of(name) == flow


RESPECTIVE = (
    "全市和市本级一般公共预算收入分别为45.23亿元和12.46亿元，分别增长2.5%和3.7%，其中税收收入分别为{}亿元和{}亿元。"
)


def test_parts_paired_by_respectively_are_parts_of_their_own_totals() -> None:
    assert groups(RESPECTIVE.format("28.77", "8.1")) == [
        ("45.23亿元", ["28.77亿元"], ""),
        ("12.46亿元", ["8.1亿元"], ""),
    ]
    assert alarms(RESPECTIVE.format("28.77", "8.1")) == []
    assert alarms(RESPECTIVE.format("28.77", "13.1")) == [("sum.enumeration", "error")]  # 13.1 above 市本级's 12.46


def test_respective_runs_of_parts_make_each_totals_list() -> None:
    text = (
        "全市和市本级一般公共预算收入分别为45.23亿元和12.46亿元，其中税收收入分别为28.77亿元和8.1亿元，"
        "非税收入分别为16.46亿元和4.36亿元。"
    )
    assert groups(text) == [
        ("45.23亿元", ["28.77亿元", "16.46亿元"], "complete"),
        ("12.46亿元", ["8.1亿元", "4.36亿元"], "complete"),
    ]
    assert alarms(text) == []
    assert alarms(text.replace("4.36亿元", "4.63亿元")) == [("sum.enumeration", "error")]


def test_parts_after_respective_totals_that_are_not_paired_belong_to_no_one_total() -> None:
    assert (
        groups("全市和市本级一般公共预算收入分别为45.23亿元和12.46亿元，其中税收收入28.77亿元、非税收入16.46亿元。")
        == []
    )


def test_respective_figures_take_their_own_scope() -> None:
    claims = paragraph_claims(Paragraph(RESPECTIVE.format("28.77", "8.1"), Provenance("0" * 64, block=0, paragraph=0)))
    scopes = {c.quantity.text: (c.subject, c.identity.scope) for c in claims if c.quantity.dimension == "money"}
    assert scopes == {
        "45.23亿元": ("全市一般公共预算收入", "全市"),
        "12.46亿元": ("市本级一般公共预算收入", "本级"),
        "28.77亿元": ("税收收入", "全市"),
        "8.1亿元": ("税收收入", "本级"),
    }


def test_a_part_that_names_its_own_scope_keeps_it() -> None:
    text = "市本级可用财力100亿元，其中，全市统筹资金60亿元、自有资金40亿元。"
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    assert [c.relation for c in claims] == ["total", "part", "part"]
    assert [c.identity.scope for c in claims] == ["本级", "全市", "本级"]


def test_a_list_separated_by_semicolons_runs_to_its_last_part() -> None:
    # "；" between every part is the list's own separator: the last part still belongs to it
    text = "2024年，某局收入预算991.00万元，其中：财政拨款收入700.00万元；事业收入200.00万元；其他收入100.00万元。"
    assert groups(text) == [("991.00万元", ["700.00万元", "200.00万元", "100.00万元"], "complete")]
    assert alarms(text) == [("sum.enumeration", "error")]
    # a first "；" that leads past the total still ends the list
    assert groups(
        "全市政府债务余额1895.2亿元，其中：一般债务余额396.6亿元，专项债务余额1498.6亿元；市级政府债务余额624.8亿元。"
    ) == [("1895.2亿元", ["396.6亿元", "1498.6亿元"], "complete")]


def test_a_thousands_comma_in_a_change_between_parts_is_no_clause_break() -> None:
    text = (
        "2024年，某委员会收入预算187,654.32万元，其中：财政拨款收入98,765.43万元，比2023年预算增加3,210.55万元；"
        "事业收入87,654.21万元；事业单位经营收入0万元；其他收入1,234.68万元。"
    )
    assert groups(text) == [("187,654.32万元", ["98,765.43万元", "87,654.21万元", "0万元", "1,234.68万元"], "complete")]
    assert alarms(text.replace("187,654.32", "187,645.32")) == [("sum.enumeration", "error")]


def test_a_name_with_he_inside_is_one_name_of_a_respective_list() -> None:
    # 社会保障和就业支出 is one name: the 、 list two names for two figures and two shares
    text = (
        "2023年度财政拨款支出1000.00万元。从支出功能分类看，一般公共服务支出、社会保障和就业支出分别为600.00万元、"
        "400.00万元，分别占财政拨款支出的60.00%、40.00%。"
    )
    claims = paragraph_claims(Paragraph(text, Provenance("0" * 64, block=0, paragraph=0)))
    assert [c.subject for c in claims if c.quantity.text in ("600.00万元", "400.00万元")] == [
        "一般公共服务支出",
        "社会保障和就业支出",
    ]
    assert alarms(text) == []
    assert alarms(text.replace("40.00%。", "45.00%。")) == [("share.stated-vs-computed", "error")]


def test_a_description_runs_to_its_semicolon_only() -> None:
    # "，主要用于系统运维，上年同类项目安排280.00万元": the clause after the description holds a figure of its own
    text = (
        "项目支出500.00万元，其中：信息化建设项目300.00万元，主要用于系统运维，上年同类项目安排280.00万元；"
        "业务培训项目200.00万元。"
    )
    assert alarms(text) == []


def test_an_addend_is_not_the_level_a_jia_list_adds_to() -> None:
    # 上级补助收入 is itself an addend: the level added to (县级收入) stands in the sentence before
    text = "县级收入40000万元。上级补助收入30000万元，加上调入资金5000万元，县级可用财力总计75000万元。"
    assert groups(text) == []


def test_a_figure_a_bracket_notes_is_not_the_head_of_the_list_after_it() -> None:
    text = "2025年全市上级补助收入150亿元（含上年结转专项资金5亿元），其中：税收返还10亿元、一般性转移支付120亿元、专项转移支付15亿元。"
    # …and names a part the list leaves out (10 + 120 + 15 + 5 = 150): the list is partial
    assert groups(text) == [("150亿元", ["10亿元", "120亿元", "15亿元"], "partial")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names listed with 等 before one figure (上解支出、债务还本支出等12亿元) are that figure's label: one addend
        (
            "市本级一般公共预算支出90.1亿元，加对县区转移支付26.3亿元、债务转贷支出5.9亿元、上解支出、"
            "债务还本支出等12亿元，支出合计134.3亿元。",
            [("134.3亿元", ["90.1亿元", "26.3亿元", "5.9亿元", "12亿元"], "complete")],
        ),
        # the 其中 clause holds only a share and closes at "；": the 加 figures after it are no parts of 349.8
        (
            "2026年全市一般公共预算收入349.8亿元，其中税收占比67.7%；加上级补助收入302.9亿元、上年结转18亿元、"
            "调入资金24.3亿元、债务转贷收入66.2亿元，收入总计761.2亿元。",
            [],
        ),
        # the parts name the earlier figure (新增…债券), not the last one (再融资债券)
        (
            "省财政转贷我市新增政府债券146.54亿元、再融资债券98.12亿元。其中，新增一般债券25.42亿元、"
            "新增专项债券121.12亿元。",
            [("146.54亿元", ["25.42亿元", "121.12亿元"], "complete")],
        ),
        # parts whose first words are not all in one earlier figure's name leave the list to its last figure
        (
            "全市一般公共预算收入完成312.45亿元，增长5.1%；上级补助收入186.20亿元。其中，一般性转移支付收入150.10亿元、"
            "专项转移支付收入36.10亿元。",
            # 上级补助收入 holds 返还性收入 too: 一般性 and 专项 do not name every part of it (round fifteen, adv149 F1)
            [("186.20亿元", ["150.10亿元", "36.10亿元"], "")],
        ),
        # two earlier figures of the parts' name (本年 and 上年): which one they break down is not known, no list
        (
            "2025年全市一般公共预算收入预计330.00亿元，2024年全市一般公共预算收入312.45亿元，一般公共预算支出安排540.00亿元。"
            "其中，一般公共预算税收收入228.00亿元、一般公共预算非税收入102.00亿元。",
            [],
        ),
        # …but a figure of the same name in another scope's list is a sibling, not the parent; two 其中 in one
        # sentence are two lists (the second 其中 opens a list of its own)
        (
            "市本级政府债务限额219.8亿元，其中：一般债务限额113.9亿元，专项债务限额105.9亿元；县区政府债务限额150.1亿元，"
            "其中：一般债务限额70.6亿元，专项债务限额79.5亿元。",
            [
                ("219.8亿元", ["113.9亿元", "105.9亿元"], "complete"),
                ("150.1亿元", ["70.6亿元", "79.5亿元"], "complete"),
            ],
        ),
    ],
)
def test_list_bounds_in_budget_report_sentences(text: str, expected: list) -> None:
    assert groups(text) == expected
    assert alarms(text) == []


def test_a_balanced_total_may_hold_the_balance_named_right_after_it(tmp_path: Path) -> None:
    def errors(text: str) -> list[tuple[str, str]]:
        _, found = scan_text(tmp_path, "关于某县2025年预算执行情况的报告\n\n" + text)
        return [(f.rule, f.severity) for f in found if f.severity != "info"]

    # 支出总计 = 收入总计: 259512 + 2846 + 9120 + 4500 = 275978, and the 年终结余 12746 after it makes 288724
    text = (
        "全县一般公共预算支出259512万元；加上解上级支出2846万元、债务还本支出9120万元、安排预算稳定调节基金4500万元，"
        "支出总计288724万元。收支相抵，年终结余12746万元。"
    )
    assert errors(text) == []
    assert errors("国有资本经营预算支出412万元，加调出资金960万元，支出总计1383万元，结转下年11万元。") == []
    # a balance that does not close the gap leaves the shortfall an error; so does a figure after the total that is
    # no balance
    assert errors(text.replace("12746万元", "12000万元")) == [("sum.enumeration", "error")]
    assert errors(text.replace("年终结余12746", "上级补助收入12746")) == [("sum.enumeration", "error")]


def test_a_figure_after_tiaozhenghou_is_no_part_of_the_qizhong_before_it() -> None:
    # 32.00 is the 教育 budget after the adjustment, not a part of the 8.50 追加
    text = (
        "一般公共预算支出年初预算156.80亿元，执行中追加8.50亿元，其中教育追加3.60亿元，调整后教育支出预算为32.00亿元。"
    )
    assert all("32.00亿元" not in parts for _, parts, _ in groups(text))


def test_a_balance_in_parts_or_an_unbalanced_statement(tmp_path: Path) -> None:
    def errors(text: str) -> list[tuple[str, str]]:
        _, found = scan_text(tmp_path, "关于某县2025年预算执行情况的报告\n\n" + text)
        return [(f.rule, f.severity) for f in found if f.severity != "info"]

    # 286540 + 3120 + 7800 + 5200 = 302660; + 年终结余 11100 (= 9860 + 1240) = 313760
    balanced = (
        "全县一般公共预算支出286,540万元，加上解上级支出3,120万元、债务还本支出7,800万元、安排预算稳定调节基金5,200万元，"
        "支出总计313,760万元。收支相抵，年终结余11,100万元，其中结转下年支出9,860万元，净结余1,240万元。"
    )
    assert errors(balanced) == []
    assert errors(balanced.replace("年终结余11,100万元，其中", "")) == []  # 结转下年 9,860 + 净结余 1,240
    # 收入总计 1,372 is printed: the 支出总计 1,383 cannot hold a 结转 of 11 beside it
    unbalanced = "国有资本经营预算收入总计1,372万元；国有资本经营预算支出412万元，加调出资金960万元，支出总计1,383万元，结转下年11万元。"
    assert errors(unbalanced) == [("sum.enumeration", "error")]


def test_three_measures_of_one_item_after_qizhong_are_no_three_parts() -> None:
    # 年初预算 / 调整预算 / 完成 of 税收收入 are one item measured three times, never parts adding to 98,630
    text = (
        "全县一般公共预算收入年初预算95,000万元，调整预算96,500万元，完成98,630万元。其中，税收收入年初预算70,200万元，"
        "调整预算71,300万元，完成72,415万元。"
    )
    assert all(len(parts) < 3 for _, parts, _ in groups(text))
    assert alarms(text) == []
