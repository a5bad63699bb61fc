"""cross_table: one figure printed in two tables of different layouts (by-region rows against 本地区 | 本级 columns)."""

from conftest import realdoc_wide
from model_builders import fact

from extractors.pdf_reader import read_pdf
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks

BY_REGION = "2023年全省地方政府债务限额及余额决算情况表"
BY_ITEM = "2023年全省地方政府债务发行及还本付息情况表"


def by_region(rows: dict[str, list[str]], title: str = BY_REGION, table: int = 1) -> list:
    heads = [
        ("2023年债务限额", "合计"),
        ("2023年债务限额", "一般债务"),
        ("2023年债务余额（决算数）", "合计"),
        ("2023年债务余额（决算数）", "一般债务"),
    ]
    out = []
    for r, (region, values) in enumerate(rows.items(), start=3):
        out += [
            fact(v, (region,), h, table, r, c, title=title, unit="万元")
            for c, (h, v) in enumerate(zip(heads, values, strict=True), start=2)
        ]
    return out


def by_item(whole: list[str], own: list[str], title: str = BY_ITEM, table: int = 2) -> list:
    rows = ["六、2023年末地方政府债务余额决算数", "其中：一般债务", "七、2023年地方政府债务限额", "其中：一般债务"]
    out = []
    for r, (label, w, o) in enumerate(zip(rows, whole, own, strict=True), start=2):
        out.append(fact(w, (label,), ("本地区",), table, r, 2, title=title, unit="万元"))
        out.append(fact(o, (label,), ("本级",), table, r, 3, title=title, unit="万元"))
    return out


REGIONS = {
    "吉林省": ["23,731", "17,622", "22,444", "16,862"],
    "吉林省本级": ["6,343", "4,785", "6,209", "4,702"],
    "长春市": ["17,388", "12,837", "16,235", "12,160"],
}


def findings(facts):
    return [
        (f.rule, f.severity, str(f.stated_value), str(f.expected_value), f.subject)
        for f in run_checks([], facts, [])
        if f.rule.startswith("cross_table")
    ]


def test_one_figure_in_two_layouts_that_agree_makes_no_finding():
    facts = by_region(REGIONS) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,343", "4,785"])
    assert findings(facts) == []


def test_a_limit_printed_differently_in_the_two_tables_is_an_error_naming_its_item():
    facts = by_region(REGIONS) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"])
    assert findings(facts) == [("cross_table.same-figure", "error", "6343", "6295", "2023年 本级 债务限额")]


def test_one_unit_in_the_last_place_is_a_warning_and_the_whole_area_is_matched_too():
    facts = by_region(REGIONS) + by_item(["22,444", "16,863", "23,731", "17,622"], ["6,209", "4,702", "6,343", "4,785"])
    # 吉林省 (the table's first row, with 吉林省本级 below it) is the 本地区 column
    assert findings(facts) == [
        ("cross_table.same-figure", "warning", "16862", "16863", "2023年 全辖 债务余额 一般债务 决算")
    ]


def test_another_place_s_own_level_is_not_the_report_s():
    regions = {"吉林省": REGIONS["吉林省"], "长春市本级": REGIONS["吉林省本级"], "长春市": REGIONS["长春市"]}
    facts = by_region(regions) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"])
    assert findings(facts) == []  # 长春市本级 is 长春市's own level, not the 本级 column


def test_tables_of_income_and_of_spending_share_no_figure():
    facts = by_region(REGIONS, title="2023年地方政府债务收入决算表") + by_item(
        ["22,444", "16,862", "23,731", "17,622"],
        ["6,209", "4,702", "6,295", "4,785"],
        title="2023年地方政府债务支出决算表",
    )
    assert findings(facts) == []


def test_a_figure_twice_in_one_table_is_not_matched():
    facts = by_region(REGIONS) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"])
    facts += by_item(["1", "1", "1", "1"], ["1", "1", "1", "1"], table=2)  # the same labels again in table 2
    assert findings(facts) == []


def test_the_ningxia_debt_tables_disagree_on_the_own_level_limit():
    doc = read_pdf(realdoc_wide("ningxia"), "0" * 64)
    found = findings(extract_facts(doc))
    assert [(rule, sev, stated, expected) for rule, sev, stated, expected, _ in found] == [
        ("cross_table.same-figure", "error", "6343265", "6295295"),
        ("cross_table.same-figure", "error", "4785850", "4737880"),
        ("cross_table.same-figure", "warning", "6209820", "6209821"),
        ("cross_table.same-figure", "warning", "4702968", "4702969"),
    ]


def test_a_table_continuing_another_does_not_open_with_the_whole_area():
    cities = {"四平市": ["2,879", "943", "2,863", "932"], "四平市本级": ["1,478", "647", "1,483", "643"]}
    cities["铁西区"] = ["21", "14", "21", "14"]
    facts = by_region(REGIONS) + by_region(cities, table=3)  # the same title again: its continuation
    facts += by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,343", "4,785"])
    assert findings(facts) == []  # 四平市 and 四平市本级 are not the whole and its own level


def test_a_word_with_another_first_part_is_another_item():
    facts = by_region(REGIONS)
    rows = ["六、2023年末新增地方政府债务余额", "其中：一般债务", "七、2023年新增地方政府债务限额", "其中：一般债务"]
    for r, (label, own) in enumerate(zip(rows, ["600", "400", "650", "420"], strict=True), start=2):
        facts.append(fact(own, (label,), ("本级",), 2, r, 3, title=BY_ITEM, unit="万元"))
    assert findings(facts) == []  # 新增债务限额 is not 债务限额 (地方政府 is only the owner)


def test_titles_of_another_fund_or_kind_of_debt_share_no_figure():
    whole, own = ["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"]
    for other in ("2023年全省及省本级专项债务限额及余额情况表", "2023年全省及省本级政府性基金预算债务情况表"):
        facts = by_region(REGIONS) + by_item(whole, own, title=other)
        assert findings(facts) == [], other


def test_a_scope_word_two_columns_share_is_no_scope():
    # 全市 | 市级 | 区级: in the vocabulary 市级 and 区级 both read 本级; neither is taken for the 本级 column
    facts = by_region({"青岛市": REGIONS["吉林省"], "市本级": REGIONS["吉林省本级"]})
    rows = ["七、2023年地方政府债务限额", "其中：一般债务"]
    for r, (label, values) in enumerate(
        zip(rows, [("23,731", "", "300"), ("17,622", "4,000", "200")], strict=True), start=2
    ):
        for c, (head, v) in enumerate(zip(("全市", "市级", "区级"), values, strict=True), start=2):
            if v:  # 市级 blank in one row: only the 区级 cell is there to be (mis)taken for 本级
                facts.append(fact(v, (label,), (head,), 2, r, c, title=BY_ITEM, unit="万元"))
    assert [f[1:4] for f in findings(facts)] == []


def test_a_total_of_rounded_parts_in_a_coarser_unit_is_undecided():
    facts = by_region(REGIONS) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,343", "4,785"])
    facts.append(
        fact(
            "2.3733",
            ("七、2023年地方政府债务限额",),
            ("本地区",),
            4,
            2,
            2,
            title="2023年地方政府债务限额情况表",
            unit="亿元",
        )
    )
    # 23,731万元 = 2.3731亿元: 2 units of the last place apart, as a sum of rounded parts may be
    found = findings(facts)
    assert {f[:2] for f in found} == {("cross_table.rounding-unsettled", "info")} and len(found) == 2


def test_a_prefecture_over_its_own_level_and_county_level_cities_opens_with_the_whole():
    # 延边州 and 延吉市 both end in a place word of the same rank; 州本级 right below 延边州 says which is the whole
    regions = {"延边州": REGIONS["吉林省"], "州本级": REGIONS["吉林省本级"], "延吉市": REGIONS["长春市"]}
    facts = by_region(regions) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"])
    assert findings(facts) == [("cross_table.same-figure", "error", "6343", "6295", "2023年 本级 债务限额")]
    # without its own level below it, a first row of the same rank as the others is one place among them
    regions = {"延边州": REGIONS["吉林省"], "延吉市": REGIONS["长春市"], "图们市": REGIONS["吉林省本级"]}
    facts = by_region(regions) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"])
    assert findings(facts) == []
