"""sum and narrative_table on hand-built claims and facts."""

from dataclasses import replace
from decimal import Decimal as D

from model_builders import claim, fact

from extractors.model import Cell, Document, Paragraph, Provenance, Table
from pipeline.checks import run_checks

T3 = "附件3 部门整体支出绩效评价基础数据表"


def rules(found, severities=("error", "warning")):
    return sorted((f.rule, str(f.stated_value)) for f in found if f.severity in severities)


def enumeration(total: str):
    s = f"共解决各类问题{total}，其中矛盾纠纷97件、群众诉求186件、安全隐患15件、其他问题38件。"
    return [
        claim(total, "各类问题", s, 3, relation="total", group=4),
        claim("97件", "矛盾纠纷", s, 3, relation="part", group=4),
        claim("186件", "群众诉求", s, 3, relation="part", group=4),
        claim("15件", "安全隐患", s, 3, relation="part", group=4),
        claim("38件", "其他问题", s, 3, relation="part", group=4),
    ]


def test_counts_add_exactly():
    assert rules(run_checks(enumeration("336件"), [], [])) == []
    found = run_checks(enumeration("337件"), [], [])
    assert rules(found) == [("sum.enumeration", "337")]
    f = found[0]
    assert f.expected_value == D(336) and "97 + 186 + 15 + 38 = 336" in f.explanation and len(f.related) == 4


def test_rounding_drift_is_not_a_sum_error():
    s = "基本支出2998.29万元。其中人员经费2295.62万元；公用经费702.68万元。"
    claims = [
        claim("2998.29万元", "基本支出", s, 1, relation="total", group=2),
        claim("2295.62万元", "人员经费", s, 1, relation="part", group=2),
        claim("702.68万元", "公用经费", s, 1, relation="part", group=2),
    ]
    assert rules(run_checks(claims, [], [])) == []


def sangong(col: int, values: list[str]):
    labels = [
        "三公经费：",
        "1、 公务用车购置和维护经费",
        "其中：公车购置",
        "公车运行维护",
        "2、出国经费",
        "3、公务接待费",
        "项目支出：",
    ]
    header = {1: "2022年决算数", 2: "2023年预算数", 3: "2023年决算数"}[col]
    return [
        fact(v, (lab,), (header,), 0, 4 + i, col, title=T3, unit="万元")
        for i, (lab, v) in enumerate(zip(labels, values, strict=True))
    ]


def test_numbered_rows_and_qizhong_rows():
    ok = sangong(1, ["9.84", "4.74", "0", "4.74", "0", "5.11", "114.23"])
    assert rules(run_checks([], ok, [])) == []
    broken = sangong(1, ["9.94", "4.74", "0", "4.74", "0", "5.11", "114.23"])
    assert rules(run_checks([], broken, [])) == [("sum.table-rows", "9.94")]
    sub = sangong(1, ["9.84", "4.74", "1", "4.74", "0", "5.11", "114.23"])  # 其中 rows exceed their parent
    assert rules(run_checks([], sub, [])) == [("sum.table-rows", "4.74")]


def total_table(t: str):
    facts = [
        fact("100.00", ("合计",), ("合计",), 2, 3, 1, title=t, unit="万元"),
        fact("60.00", ("合计",), ("基本支出",), 2, 3, 2, title=t, unit="万元"),
        fact("40.00", ("合计",), ("项目支出",), 2, 3, 3, title=t, unit="万元"),
        fact("70.00", ("一般公共服务支出",), ("合计",), 2, 4, 1, title=t, unit="万元"),
        fact("30.00", ("教育支出",), ("合计",), 2, 5, 1, title=t, unit="万元"),
        fact("50.00", ("一般公共服务支出",), ("基本支出",), 2, 4, 2, title=t, unit="万元"),
        fact("21.00", ("一般公共服务支出",), ("项目支出",), 2, 4, 3, title=t, unit="万元"),
    ]
    return facts


def test_total_row_and_total_column():
    got = rules(run_checks([], total_table("项目资金使用情况"), []))
    assert ("sum.table-columns", "70.00") in got  # 50 + 21 ≠ 70
    assert ("sum.table-rows", "100.00") not in got  # 70 + 30 = 100


def test_standard_tables_are_left_to_the_template_family():
    got = rules(run_checks([], total_table("支出决算表"), []))
    assert not [r for r in got if r[0].startswith("sum.")]


def test_nested_column_headers_use_their_subtotal():
    t = "三公经费情况"
    heads = [
        ("合计",),
        ("因公出国（境）费",),
        ("公务用车购置及运行费", "小计"),
        ("公务用车购置及运行费", "购置费"),
        ("公务用车购置及运行费", "运行费"),
        ("公务接待费",),
    ]
    vals = ["10.00", "1.00", "6.00", "2.00", "4.00", "3.00"]
    facts = [
        fact(v, ("2024年",), h, 3, 4, i, title=t, unit="万元") for i, (h, v) in enumerate(zip(heads, vals, strict=True))
    ]
    assert rules(run_checks([], facts, [])) == []
    facts[0] = fact("11.00", ("2024年",), ("合计",), 3, 4, 0, title=t, unit="万元")
    assert rules(run_checks([], facts, [])) == [("sum.table-columns", "11.00")]


def test_narrative_vs_table_through_synonyms():
    s = "公务用车购置及运行费支出决算为4.84万元。"
    c = claim("4.84万元", "公务用车购置及运行费", s, 2, role="决算")
    f = fact("4.74", ("1、 公务用车购置和维护\n经费",), ("2023年决算数",), 0, 5, 3, title=T3, unit="万元")
    found = [x for x in run_checks([c], [f], []) if x.rule == "narrative_table.mismatch"]
    assert len(found) == 1 and found[0].prov == f.prov and found[0].related == [c.prov]
    assert found[0].expected_value == D("4.84")


def test_majority_decides_which_printing_is_wrong():
    t4 = "附件4 部门整体支出绩效自评表"
    c1 = claim("621.15万元", "项目支出", "项目支出621.15万元。", 1)
    f1 = fact("621.15", ("项目支出",), ("按支出性质分：",), 1, 6, 2, title=t4, unit="万元")
    f2 = fact("139.72", ("项目支出：",), ("2023年决算数",), 0, 10, 3, title=T3, unit="万元")
    found = [x for x in run_checks([c1], [f1, f2], []) if x.severity == "error"]
    assert [(x.rule, x.prov) for x in found] == [("narrative_table.mismatch", f2.prov)]


def test_public_funds_note_downgrades_to_info():
    c = claim("702.68万元", "公用经费", "公用经费702.68万元。", 1)
    f = fact("449.49", ("公用经费",), ("2023年决算数",), 0, 16, 3, title=T3, unit="万元")
    found = run_checks([c], [f], [])
    assert [(x.rule, x.severity) for x in found] == [("narrative_table.definition-differs", "info")]


def test_different_roles_are_not_compared():
    c = claim("5万元", "公务接待费", "公务接待费支出预算为5万元。", 1, role="预算")
    f = fact("4.99", ("3、公务接待费",), ("2023年决算数",), 0, 9, 3, title=T3, unit="万元")
    assert rules(run_checks([c], [f], [])) == []


def debt_column(limit_general: str) -> list:
    rows = [
        ("一、上年末地方政府债务余额", "596.73"),
        ("其中：一般债务", "223.67"),
        ("专项债务", "373.06"),
        ("七、当年地方政府债务限额", "735.64"),
        ("其中：一般债务", limit_general),
        ("专项债务", "477.56"),
    ]
    title = "2025年度和田地区还本付息决算情况表"
    return [
        fact(v, (label,), ("所属县市区合计",), 1, r, 4, title=title, unit="亿元")
        for r, (label, v) in enumerate(rows, 4)
    ]


def test_a_breakdown_running_to_the_end_of_the_table_is_checked_once_the_column_confirms_the_reading():
    assert rules(run_checks([], debt_column("258.08"), [])) == []  # 258.08 + 477.56 = 735.64
    # 285.08 + 477.56 = 762.64 > 735.64, and the column's first breakdown (223.67 + 373.06 = 596.73) adds up
    assert rules(run_checks([], debt_column("285.08"), [])) == [("sum.table-rows", "735.64")]
    # alone, the breakdown's names confirm it: 一般债务 and 专项债务 make up a debt total (partitions.csv)
    alone = [f for f in debt_column("285.08") if f.prov.row not in (4, 5, 6)]
    assert rules(run_checks([], alone, [])) == [("sum.table-rows", "735.64")]
    # parts that are no such set: no breakdown of the column confirms how far it runs
    labels = ("七、当年限额", "其中：基础设施", "社会事业")
    unconfirmed = [replace(f, row_labels=(lab,)) for f, lab in zip(alone, labels, strict=True)]
    assert rules(run_checks([], unconfirmed, [])) == []


def class_table(values: list[str], labels=("一般公共服务支出", "教育支出", "社会保障和就业支出")):
    title = "全市一般公共预算支出情况表"
    rows = [fact(values[0], ("合计",), ("执行数",), 3, 2, 1, title=title, unit="万元")]
    rows += [
        fact(v, (lab,), ("执行数",), 3, 3 + i, 1, title=title, unit="万元", code=str(201 + i))
        for i, (lab, v) in enumerate(zip(labels, values[1:], strict=True))
    ]
    return rows


def test_a_total_over_printed_classes_that_leave_some_out_is_a_warning_not_an_error():
    assert rules(run_checks([], class_table(["600", "100", "200", "300"]), [])) == []
    # 100 + 200 + 300 = 600 < 640: the table prints 3 of the 类 of 支出功能分类; 公共安全支出 (withheld in some
    # regions' tables) may hold the 40, so the printed rows are not certainly all of the total's parts
    found = [f for f in run_checks([], class_table(["640", "100", "200", "300"]), []) if f.severity != "info"]
    assert [(f.rule, f.severity) for f in found] == [("sum.table-rows-omitted", "warning")]
    assert "公共安全支出" in found[0].explanation and "600" in found[0].explanation
    # rows that are not 类 of a classification make no such allowance
    taxes = class_table(["640", "100", "200", "300"], labels=("增值税", "企业所得税", "个人所得税"))
    assert rules(run_checks([], taxes, [])) == [("sum.table-rows", "640")]


def issuance(new_bonds: str) -> list:
    rows = [
        ("一、2022年末地方政府债务余额", "4,844,080"),
        ("二、2023年地方政府债券发行额", "399,500"),
        ("其中：一般债券", "168,500"),
        ("专项债券", "231,000"),
        ("其中：新增债券", new_bonds),
        ("再融资债券", "134,000"),
        ("三、2023年地方政府债务还本额", "173,700"),
    ]
    title = "某市2023年地方政府债务发行及还本付息情况表"
    return [fact(v, (label,), ("决算数",), 1, r, 2, title=title, unit="万元") for r, (label, v) in enumerate(rows, 3)]


def test_a_second_breakdown_of_the_same_row_is_not_read_as_a_breakdown_of_the_first_ones_last_row():
    # 新增 265,500 + 再融资 134,000 = 399,500: a second breakdown of 发行额, not of 专项债券 231,000
    assert rules(run_checks([], issuance("265,500"), [])) == []
    # one that fits neither the 专项债券 row nor 发行额 is still wrong
    assert rules(run_checks([], issuance("465,500"), [])) == [("sum.table-rows", "231000")]


def test_revenue_classes_that_are_all_printed_leave_nothing_out():
    # 税收收入 + 非税收入 are the whole of 一般公共预算收入: a shortfall is an error, not a class left out
    revenue = class_table(["640", "400", "200"], labels=("税收收入", "非税收入"))
    assert rules(run_checks([], revenue, [])) == [("sum.table-rows", "640")]


def test_a_total_column_over_columns_that_nest_is_not_judged(tmp_path):
    from extractors.claims import extract_claims
    from extractors.registry import read_document
    from extractors.tablefacts import extract_facts

    # a text table lost the merged 本年收入 header over 小计 | 一般公共预算拨款 | 单位资金: 450 = 400 + 50
    text = (
        "某县水利局2024年部门预算\n2024年部门收入总表\n单位：万元\n\n"
        "科目编码\t科目名称\t合计\t上年结转\t本年收入\t\t\n\t\t\t\t小计\t一般公共预算拨款\t单位资金\n"
        "213\t农林水支出\t500.00\t50.00\t450.00\t400.00\t50.00\n"
        "2130301\t行政运行\t300.00\t\t300.00\t300.00\t\n"
        "2130306\t水利工程运行与维护\t200.00\t50.00\t150.00\t100.00\t50.00\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    found = run_checks(extract_claims(doc), extract_facts(doc), [], doc=doc, kind="部门预算")
    assert [f.rule for f in found if f.rule == "sum.table-columns"] == []


BASIC_HEADER = ["科目编码", "科目名称", "合计", "人员经费", "公用经费"]
BASIC_ROWS = [
    ["", "合计", "600.00", "500.00", "100.00"],
    ["301", "工资福利支出", "500.00", "500.00", ""],
    ["30101", "基本工资", "200.00", "200.00", ""],
    ["30102", "津贴补贴", "200.00", "200.00", ""],
    ["", "", "", "", ""],
    ["30113", "住房公积金", "100.00", "100.00", ""],
    ["302", "商品和服务支出", "100.00", "", "100.00"],
    ["30201", "办公费", "60.00", "", "60.00"],
    ["30211", "差旅费", "40.00", "", "40.00"],
]


def _row_errors(path) -> list[tuple[str, str]]:
    from pipeline import analyze

    found = analyze.analyze_file(path).findings
    return sorted(
        (f.location, str(f.stated_value)) for f in found if f.rule == "sum.table-rows" and f.severity == "error"
    )


def test_a_blank_row_inside_a_list_does_not_cut_a_totals_parts_off(tmp_path):
    from docx_builders import write_docx

    # a title the template family does not know (its 一般公共预算基本支出表 is checked by template.hierarchy)
    lead = ["某省农业农村厅2024年部门预算", "2024年基本支出明细表", "单位：万元"]
    path = write_docx(tmp_path / "ok.docx", [*lead, ([BASIC_HEADER, *BASIC_ROWS], [])])
    assert _row_errors(path) == []
    wrong = [list(r) for r in BASIC_ROWS]
    wrong[1][2] = "550.00"  # 工资福利支出 is not 200 + 200 + 100, across the blank row or not
    path = write_docx(tmp_path / "wrong.docx", [*lead, ([BASIC_HEADER, *wrong], [])])
    assert _row_errors(path) == [("表1 r2c3", "600.00"), ("表1 r3c3", "550.00")]


def _grid(rows: list[list[str]], index: int, title: str) -> Table:
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(cells, len(rows), len(rows[0]), Provenance("0" * 64, block=index, table=index), 1, title, "元")


def test_a_total_whose_rows_go_on_in_a_continued_table_is_not_settled():
    from extractors.continued import mark_continued
    from extractors.tablefacts import extract_facts

    header = ["科目代码", "科目名称", "本年支出合计"]
    first = [header, ["208", "社会保障和就业支出", "500.00"], ["20802", "民政管理事务", "300.00"]]
    second = [header, ["20820", "临时救助", "200.00"], ["", "合计", "500.00"]]
    blocks = [
        _grid(first, 0, "某区民政局支出明细表"),
        Paragraph("支出明细表（续表）", Provenance("0" * 64, block=1, paragraph=1)),
        _grid(second, 1, "支出明细表（续表）"),
    ]
    doc = Document("x.pdf", "0" * 64, "pdf", blocks=blocks)
    mark_continued(doc)  # as the reader does: a PDF's 续表 is not joined by caption
    found = run_checks([], extract_facts(doc), [], doc=doc, kind="部门决算")
    assert [(f.rule, f.severity) for f in found if f.rule.startswith("sum.table-rows")] == [
        ("sum.table-rows-unclear", "info"),
        ("sum.table-rows-unclear", "info"),
    ]


def test_a_short_total_row_is_summed_in_the_columns_its_figures_were_read_onto() -> None:
    from extractors.model import Cell, Document, Provenance, Table
    from extractors.tablefacts import extract_facts
    from pipeline.checks import run_checks

    rows = [
        ["一级指标", "二级指标", "分值", "得分", "扣分原因"],
        ["投入", "预算编制", "10", "9", ""],
        ["过程", "预算执行", "20", "18.5", ""],
        ["产出", "职责履行", "70", "65", ""],
        ["合计", "100", "92.5"],  # 100 = 10 + 20 + 70 (分值), 92.5 = 9 + 18.5 + 65 (得分)
    ]
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(cells, len(rows), 5, Provenance("0" * 64, block=0, table=0), title="部门整体支出绩效自评表")
    facts = extract_facts(Document("t.txt", "0" * 64, "txt", [table]))
    assert [f for f in run_checks([], facts, []) if f.rule.startswith("sum.") and f.severity != "info"] == []
    rows[4][2] = "95.5"
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(cells, len(rows), 5, Provenance("0" * 64, block=0, table=0), title="部门整体支出绩效自评表")
    facts = extract_facts(Document("t.txt", "0" * 64, "txt", [table]))
    found = [f for f in run_checks([], facts, []) if f.severity != "info"]
    # one cell out by one amount: the score sheet's 总分 finding, which says the row sum agrees
    assert [(f.rule, str(f.stated_value)) for f in found] == [("scoresheet.total", "95.5")]
    assert "sum.table-rows" in found[0].explanation
