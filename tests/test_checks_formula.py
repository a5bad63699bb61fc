"""formula: a table's own column formulas (公式 A=B+C, 栏次 3=1+2, 4=3/2) checked row by row."""

import dataclasses
from decimal import Decimal as D

from conftest import realdoc_wide
from model_builders import fact

from extractors.pdf_reader import read_pdf
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks
from pipeline.checks.formula import Formula, parse

TITLE = "2023年地方政府债务限额及余额决算情况表"


def debt_row(row: int, region: str, values: list[str]):
    heads = [
        ("2023年债务限额", "A=B+C"),
        ("2023年债务限额", "一般债务", "B"),
        ("2023年债务限额", "专项债务", "C"),
        ("2023年债务余额", "D=E-F"),
        ("2023年债务余额", "一般债务", "E"),
        ("2023年债务余额", "其他", "F"),
    ]
    return [
        fact(v, (region,), h, 1, row, c, title=TITLE, unit="亿元")
        for c, (h, v) in enumerate(zip(heads, values, strict=True), start=1)
        if v
    ]


def findings(facts):
    return [
        (f.rule, f.severity, str(f.stated_value), f.subject) for f in run_checks([], facts, []) if f.severity != "info"
    ]


def test_formula_labels_are_read():
    assert parse("A=B+C") == Formula("A", terms=((1, "B"), (1, "C")))
    assert parse("（3）＝（1）－（2）") == Formula("3", terms=((1, "1"), (-1, "2")))
    assert parse("5=4/3×100%") == Formula("5", ratio=("4", "3"))
    assert parse("B") == "B" and parse("2") == "2"
    # B1, B2: the parts of B (公式 | A | B=B1+B2 | B1 | B2 | C | D=A+B-C)
    assert parse("B=B1+B2") == Formula("B", terms=((1, "B1"), (1, "B2"))) and parse("B1") == "B1"
    assert parse("D=A+B-C") == Formula("D", terms=((1, "A"), (1, "B"), (-1, "C")))
    assert parse("2023年") is None and parse("栏次") is None and parse("一般债务") is None


def test_rows_that_keep_the_formula_within_rounding_pass():
    facts = debt_row(4, "吉林省", ["9,175.67", "4,417.58", "4,758.10", "8.00", "10.00", "2.00"])
    facts += debt_row(5, "吉林省本级", ["919.42", "766.10", "153.33", "", "1.00", "0.50"])  # 919.43: rounding
    assert findings(facts) == []


def test_a_row_that_breaks_its_formula_is_an_error_naming_the_row():
    facts = debt_row(4, "吉林省", ["9,175.67", "4,417.58", "4,758.10", "8.00", "10.00", "2.00"])
    facts += debt_row(5, "长春市", ["2,900.00", "943.95", "1,935.27", "7.00", "10.00", "2.00"])
    got = findings(facts)
    assert got == [("formula.column", "error", "2900.00", "长春市"), ("formula.column", "error", "7.00", "长春市")]
    found = [f for f in run_checks([], facts, []) if f.rule == "formula.column"]
    assert "A=B+C" in found[0].explanation and "943.95 + 1,935.27 = 2879.22" in found[0].explanation
    assert "D=E-F" in found[1].explanation and "10.00 − 2.00 = 8.00" in found[1].explanation


def test_a_blank_part_is_not_judged_and_a_table_without_formulas_is_left_alone():
    facts = debt_row(4, "吉林省", ["9,175.67", "4,417.58", "", "", "", ""])
    assert findings(facts) == []
    plain = [
        dataclasses.replace(f, column_labels=f.column_labels[:-1])
        for f in debt_row(4, "x", ["9", "1", "1", "1", "1", "1"])
    ]
    assert not [f for f in findings(plain) if f[0] == "formula.column"]


def test_a_percentage_column_defined_as_a_ratio():
    heads = [("预算数", "1"), ("决算数", "2"), ("完成预算%", "3=2/1")]
    row = [
        fact(v, ("税收收入",), h, 2, 4, c, title="收入决算表", unit=u)
        for c, (h, v, u) in enumerate(zip(heads, ["200.00", "190.00", "95.0"], ["万元", "万元", "%"], strict=True))
    ]
    assert findings(row) == []
    row[2] = fact("96.0", ("税收收入",), heads[2], 2, 4, 2, title="收入决算表", unit="%")
    assert findings(row) == [("formula.column", "error", "96.0", "税收收入")]


def test_jilin_formula_rows_are_checked_on_the_real_table():
    facts = extract_facts(read_pdf(realdoc_wide("jilin"), "0" * 64))
    assert not [f for f in run_checks([], facts, []) if f.rule == "formula.column"]  # it adds up within rounding
    i = next(i for i, f in enumerate(facts) if f.row_labels[-1:] == ("长春市",) and f.column_labels[-1] == "B")
    facts[i] = dataclasses.replace(
        facts[i], quantity=dataclasses.replace(facts[i].quantity, value=D("1043.95"), base_value=D("1043.95"))
    )
    got = [f for f in run_checks([], facts, []) if f.rule == "formula.column"]
    assert [(f.severity, f.subject, str(f.stated_value)) for f in got] == [("error", "长春市", "2879.21")]


def test_a_formula_finding_on_a_cell_the_template_family_already_flagged_is_dropped():
    from pipeline.checks import _drop_superseded
    from pipeline.findings import Finding

    cell = debt_row(5, "长春市", ["2,900.00", "943.95", "1,935.27", "", "", ""])[0]
    both = [
        Finding("template.columns", "error", cell.prov, "长春市", "2,900.00", "…", stated_value=D("2900.00")),
        Finding("formula.column", "error", cell.prov, "长春市", "2,900.00", "…", stated_value=D("2900.00")),
    ]
    assert [f.rule for f in _drop_superseded(both)] == ["template.columns"]
    assert [f.rule for f in _drop_superseded(both[1:])] == ["formula.column"]


def test_a_lanci_row_is_a_header_row_whose_formulas_are_checked():
    from extractors.model import Cell, Document, Provenance, Table

    rows = [
        ["项目", "年初预算数", "调整数", "调整预算数", "决算数", "完成调整预算%"],
        ["栏次", "1", "2", "3=1+2", "4", "5=4/3"],
        ["税收收入", "90000", "-6000", "84000", "85100", "101.3%"],
        ["非税收入", "30000", "1000", "31500", "31750", "102.4%"],  # 30000 + 1000 = 31000
    ]
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(cells, len(rows), 6, Provenance("0" * 64, block=0, table=0), title="收入决算表", unit="万元")
    facts = extract_facts(Document("t.xlsx", "0" * 64, "xlsx", [table]))
    assert not [f for f in facts if f.row_labels[-1:] == ("栏次",)]  # 1, 2, 3 are column numbers, not figures
    # 31750 ÷ 31500 = 100.79%, but 102.4% fits 31000 = 30000 + 1000: the one cell both say is wrong is named
    got = [(f.rule, f.subject, str(f.stated_value), str(f.expected_value)) for f in run_checks([], facts, [])]
    assert got == [("sum.table-cell", "非税收入 调整预算数", "31500", "31000")]


def test_parts_named_by_a_letter_and_a_digit_are_checked():
    heads = [("年初余额", "A"), ("举借", "B=B1+B2"), ("举借", "新增", "B1"), ("举借", "再融资", "B2"), ("偿还", "C")]
    heads.append(("年末余额", "D=A+B-C"))

    def row(r: int, region: str, values: list[str]):
        return [
            fact(v, (region,), h, 1, r, c, title="地方政府债务余额变动情况表", unit="亿元")
            for c, (h, v) in enumerate(zip(heads, values, strict=True), start=1)
        ]

    facts = row(4, "澜江省", ["3,156.96", "535.69", "300.00", "235.69", "292.37", "3,400.28"])
    facts += row(5, "乌峰市", ["400.00", "50.00", "30.00", "20.00", "40.00", "413.00"])
    assert findings(facts) == [("formula.column", "error", "413.00", "乌峰市")]


def test_a_caption_that_ends_in_its_column_letter_or_formula_is_read():
    from extractors.model import Cell, Document, Provenance, Table

    assert parse("本年末余额D=A+B-C") == Formula("D", terms=((1, "A"), (1, "B"), (-1, "C")))
    assert parse("结余（D=A-B）") == Formula("D", terms=((1, "A"), (-1, "B")))
    assert parse("上年末余额A") == "A" and parse("本年新增一般债券B1") == "B1"
    assert parse("指标1") is None and parse("其中：PPP") is None and parse("本年末余额D=A+10") is None
    rows = [
        ["地区", "上年末余额A", "本年增加B", "本年偿还C", "本年末余额D=A+B-C"],
        ["市本级", "320.46", "43.54", "30.00", "333.99"],  # 334.00: within rounding
        ["乙县", "85.11", "5.56", "7.78", "92.89"],  # 85.11 + 5.56 − 7.78 = 82.89
    ]
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(cells, len(rows), 5, Provenance("0" * 64, block=0, table=0), title="债务余额情况表", unit="亿元")
    facts = extract_facts(Document("t.docx", "0" * 64, "docx", [table]))
    got = [(f.subject, str(f.stated_value)) for f in run_checks([], facts, []) if f.rule == "formula.column"]
    assert got == [("乙县", "92.89")]
