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
    "某某省": ["23,731", "17,622", "22,444", "16,862"],
    "省本级": ["6,343", "4,785", "6,209", "4,702"],
    "甲市": ["17,388", "12,837", "16,235", "12,160"],
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
    # 某某省 (the table's first row, with 省本级 below it) is the 本地区 column
    assert findings(facts) == [
        ("cross_table.same-figure", "warning", "16862", "16863", "2023年 全辖 债务余额 一般债务 决算")
    ]


def test_another_place_s_own_level_is_not_the_report_s():
    regions = {"某某省": REGIONS["某某省"], "甲市本级": REGIONS["省本级"], "甲市": REGIONS["甲市"]}
    facts = by_region(regions) + by_item(["22,444", "16,862", "23,731", "17,622"], ["6,209", "4,702", "6,295", "4,785"])
    assert findings(facts) == []  # 甲市本级 is 甲市's own level, not the 本级 column


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
