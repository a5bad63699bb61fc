"""Table facts: labels, units by scope, codes — on the seed's appendices and on hand-built tables."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import CORPUS

from extractors.docx_reader import read_docx
from extractors.model import Cell, Document, Provenance, Table
from extractors.numbers import parse_quantity
from extractors.tablefacts import clean_label, extract_facts, table_facts
from extractors.txt_reader import read_txt


@pytest.fixture(scope="module", params=["txt", "docx"])
def seed(request):
    path = CORPUS / f"beishan-2023.{request.param}"
    reader = read_txt if request.param == "txt" else read_docx
    doc = reader(path, "s" * 64)
    return doc, extract_facts(doc)


def facts_of(facts, table_index: int):
    return [f for f in facts if f.prov.table == table_index]


def find(facts, last_label: str, column: str):
    hits = [f for f in facts if f.row_labels and f.row_labels[-1] == last_label and column in f.column_labels]
    assert len(hits) == 1, (last_label, column, hits)
    return hits[0]


def test_every_numeric_cell_is_a_fact(seed) -> None:
    doc, facts = seed
    t3, t4 = doc.tables()
    plain3 = [c for c in t3.cells if parse_quantity(c.text) is not None]
    assert len(facts_of(facts, 0)) == len(plain3) == 45
    plain4 = [c for c in t4.cells if parse_quantity(c.text) is not None]
    label_number = [c for c in t4.cells if "：" in c.text and c.text.rstrip()[-1].isdigit()]
    assert len(label_number) == 6
    assert len(facts_of(facts, 1)) == len(plain4) + len(label_number)
    for f in facts:
        assert f.prov.row is not None and f.prov.col is not None and f.text


def test_attachment3_money_carries_wanyuan_from_header(seed) -> None:
    _, facts = seed
    f = find(facts_of(facts, 0), "三公经费：", "2022年决算数")
    assert (f.quantity.value, f.quantity.unit, f.quantity.base_value) == (Decimal("9.84"), "万元", Decimal("98400"))
    assert f.quantity.decimals == 2 and f.table_title.startswith("附件3")
    block = [x for x in facts_of(facts, 0) if x.prov.row >= 4]
    assert block and all(x.quantity.unit == "万元" and x.quantity.dimension == "money" for x in block)
    staff = [x for x in facts_of(facts, 0) if x.prov.row == 2]  # 编制数 / 实际在职人数 / 控制率: not money
    assert [x.quantity.unit for x in staff] == ["", "", "%"]
    assert staff[0].row_labels == ("财政供养人员情况",) and staff[0].column_labels == ("编制数",)
    adjust = find(facts_of(facts, 0), "部门基本支出预算调整", "2023年决算数")
    assert adjust.quantity.value == Decimal("2998.29") and adjust.text.strip() == "2998.29"


def test_attachment4_funds_block(seed) -> None:
    _, facts = seed
    t4 = facts_of(facts, 1)
    row = [f for f in t4 if f.row_labels == ("年度资金总额",)]
    assert [(f.column_labels, str(f.quantity.value), f.quantity.unit) for f in row] == [
        (("年初预算数",), "2224.35", "万元"),
        (("全年预算数",), "3630.41", "万元"),
        (("全年执行数",), "3619.44", "万元"),
        (("分值",), "10", "分"),
        (("执行率",), "99.7", "%"),
        (("得分",), "9.97", "分"),
    ]
    general = next(f for f in t4 if f.quantity.value == Decimal("2751.84"))
    assert general.row_labels == ("其中：一般公共预算",)  # 年度预算申请（万元） is the block's caption: its unit
    assert general.column_labels == ("按收入性质分：",)
    assert general.quantity.unit == "万元" and general.quantity.base_value == Decimal("27518400")
    start, end = general.prov.span
    assert general.text[start:end] == "2751.84"
    project = next(f for f in t4 if f.quantity.value == Decimal("621.15"))
    assert project.row_labels[-1] == "项目支出" and project.column_labels == ("按支出性质分：",)


@pytest.mark.parametrize(
    "indicator, labels",
    [
        ("新增企业", ("产出指标(50分)", "数量指标")),
        ("农业保险承保面积", ("产出指标(50分)", "数量指标")),
        ("工程验收合格率", ("产出指标(50分)", "质量指标")),
        ("项目支出", ("产出指标(50分)", "成本指标")),
        ("开展招商引资行动", ("效益指标（30分）", "可持续影响指标")),
        ("信访群众满意度", ("满意度指标（10分）", "服务对象满意度指标")),
    ],
)
def test_attachment4_score_rows_carry_indicator_labels(seed, indicator, labels) -> None:
    _, facts = seed
    row = [f for f in facts_of(facts, 1) if f.row_labels[-1:] == (indicator,) and len(f.row_labels) == 3]
    assert {f.column_labels for f in row} >= {("分值",), ("得分",)}
    for f in row:
        assert f.row_labels == (*labels, indicator)  # 一级 › 二级 › 三级; the 绩效指标 caption is not a label
        if f.column_labels in (("分值",), ("得分",)):
            assert f.quantity.unit == "分" and f.quantity.is_exact_count


def test_attachment4_output_indicators(seed) -> None:
    _, facts = seed
    points = [f for f in facts_of(facts, 1) if f.column_labels == ("分值",) and f.row_labels[:1] == ("产出指标(50分)",)]
    assert len(points) == 24  # and they sum to 48, not the 50 the label declares (a check's job)
    assert sum(f.quantity.value for f in points) == 48
    target = find(facts_of(facts, 1), "早稻集中育秧面积", "实际完成值")
    assert (target.quantity.value, target.quantity.unit, target.quantity.base_value) == (
        Decimal("0.6"),
        "万亩",
        Decimal("6000"),
    )
    total = [f for f in facts_of(facts, 1) if f.row_labels == ("总分",)]
    assert [(f.column_labels, str(f.quantity.value)) for f in total] == [(("分值",), "100"), (("得分",), "99.97")]


def test_text_cells_are_not_facts(seed) -> None:
    _, facts = seed
    texts = {f.text.strip() for f in facts}
    assert not texts & {"按计划完成", "较好", "显著", "2022年决算数", "编制数"}


def test_txt_and_docx_give_the_same_facts() -> None:
    out = []
    for fmt, reader in (("txt", read_txt), ("docx", read_docx)):
        facts = extract_facts(reader(CORPUS / f"beishan-2023.{fmt}", "x"))
        out.append([(f.row_labels, f.column_labels, f.quantity) for f in facts])
    assert out[0] == out[1]


# ---------------------------------------------------------------- hand-built tables


def make_table(rows: list[list[str | tuple[str, int, int]]], unit: str | None = None, title: str = "表") -> Table:
    """rows of cell texts; a tuple (text, rowspan, colspan) makes a merged cell; None skips a covered slot."""
    cells: list[Cell] = []
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            if item is None:
                continue
            text, rs, cs = item if isinstance(item, tuple) else (item, 1, 1)
            cells.append(Cell(text=text, row=r, col=c, rowspan=rs, colspan=cs))
    n_cols = max(len(r) for r in rows)
    return Table(
        cells=cells, n_rows=len(rows), n_cols=n_cols, prov=Provenance("h", block=0, table=0), title=title, unit=unit
    )


def test_subject_codes_are_labels_not_amounts() -> None:
    t = make_table(
        [
            ["功能分类科目编码", "科目名称", "决算数"],
            ["201", "一般公共服务支出", "120.50"],
            ["20101", "人大事务", "100.00"],
            ["2010101", "行政运行", "80.25"],
        ],
        unit="元",
    )
    facts = table_facts(t)
    assert [(f.code, f.row_labels, str(f.quantity.value), f.quantity.unit) for f in facts] == [
        ("201", ("一般公共服务支出",), "120.50", "元"),
        ("20101", ("人大事务",), "100.00", "元"),
        ("2010101", ("行政运行",), "80.25", "元"),
    ]


def test_leading_code_without_code_header_and_ordinals() -> None:
    t = make_table(
        [
            ["序号", "科目", "名称", "金额（万元）"],
            ["1", "2080501", "行政单位离退休", "12.5"],
            ["2", "2210201", "住房公积金", "30"],
        ]
    )
    facts = table_facts(t)
    assert [(f.code, f.row_labels, str(f.quantity.value), f.quantity.unit) for f in facts] == [
        ("2080501", ("行政单位离退休",), "12.5", "万元"),
        ("2210201", ("住房公积金",), "30", "万元"),
    ]


def test_year_header_row_and_spanned_headers() -> None:
    t = make_table(
        [
            [("项目", 2, 1), ("2023年", 1, 2), None, "2022"],
            [None, "预算数", "决算数", "决算数"],
            ["基本支出", "100", "98.5", "90"],
        ],
        unit="万元",
    )
    facts = table_facts(t)
    assert [f.column_labels for f in facts] == [("2023年", "预算数"), ("2023年", "决算数"), ("2022", "决算数")]
    assert all(f.row_labels == ("基本支出",) for f in facts)  # 项目 is the label column's caption
    assert all(f.quantity.unit == "万元" for f in facts)


def test_row_label_units_and_cell_units_win() -> None:
    t = make_table(
        [
            ["指标", "本年", "上年"],
            ["人数（人）", "12", "10"],
            ["经费（万元）", "3.5", "2万元"],
            ["占比", "12%", "10%"],
        ],
        unit="元",
    )
    got = [(f.row_labels[-1], f.quantity.unit) for f in table_facts(t)]
    assert got == [
        ("人数（人）", "人"),
        ("人数（人）", "人"),
        ("经费（万元）", "万元"),
        ("经费（万元）", "万元"),
        ("占比", "%"),
        ("占比", "%"),
    ]


def test_carry_down_stops_at_numbers() -> None:
    t = make_table(
        [
            ["类别", "项目", "金额"],
            ["一类", "甲", "1"],
            ["", "乙", "2"],
            ["5", "", "3"],
        ]
    )
    labels = [f.row_labels for f in table_facts(t) if f.prov.col == 2]
    assert labels[:2] == [("一类", "甲"), ("一类", "乙")]


def test_nested_tables_give_facts_and_documents_collect_them() -> None:
    inner = make_table([["项目", "金额"], ["公用经费", "7.5"]], unit="万元")
    outer = make_table([["说明", "明细"], ["见右表", "见右表"]])
    outer.cells[-1].nested.append(inner)
    doc = Document(path="x", sha256="h", format="docx", blocks=[outer])
    facts = extract_facts(doc)
    assert [(f.row_labels, f.column_labels, str(f.quantity.value), f.quantity.unit) for f in facts] == [
        (("公用经费",), ("金额",), "7.5", "万元")
    ]


def test_clean_label() -> None:
    assert clean_label("其中：  一般公共预算") == "其中：一般公共预算"
    assert clean_label("年度资金总\n额") == "年度资金总额"
    assert clean_label("Total  amount\n2023") == "Total amount 2023"


def test_split_code_columns_and_captions_sharing_a_data_row() -> None:
    """The 部门决算 layout as PDF tables give it: 科目编码 in a one-cell row, 类/款/项 beside the 合计 row."""
    t = make_table(
        [
            [("项目", 1, 4), None, None, None, "本年收入合计", "财政拨款收入"],
            [("科目编码", 1, 3), None, None, "科目名称", "", ""],
            ["类", "款", "项", "合计", "2,946.25", "2,940.05"],
            ["201", "", "", "一般公共服务支出", "2,112.86", "2,106.66"],
            ["201", "06", "", "财政事务", "2,112.86", "2,106.66"],
            ["201", "06", "01", "行政运行", "1,511.90", "1,511.89"],
        ],
        unit="万元",
    )
    got = [(f.code, f.row_labels, f.column_labels, f.text) for f in table_facts(t)]
    assert got[0] == ("", ("合计",), ("本年收入合计",), "2,946.25")
    assert got[2] == ("201", ("一般公共服务支出",), ("本年收入合计",), "2,112.86")
    assert got[4] == ("20106", ("财政事务",), ("本年收入合计",), "2,112.86")
    assert got[7] == ("2010601", ("行政运行",), ("财政拨款收入",), "1,511.89")
    assert len(got) == 8  # no code digit became an amount


def test_two_sided_table_labels_each_side() -> None:
    t = make_table(
        [
            [("收入", 1, 2), None, ("支出", 1, 2), None],
            ["项目", "决算数", "项目", "决算数"],
            ["一、财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"],
            ["二、其他收入", "6.20", "", ""],
            ["", "", "二、社会保障和就业支出", "326.71"],
        ],
        unit="万元",
    )
    got = [(f.row_labels, f.column_labels, f.text) for f in table_facts(t)]
    assert got == [
        (("一、财政拨款收入",), ("收入", "决算数"), "2,940.05"),
        (("一、一般公共服务支出",), ("支出", "决算数"), "2,106.66"),
        (("二、其他收入",), ("收入", "决算数"), "6.20"),
        (("二、社会保障和就业支出",), ("支出", "决算数"), "326.71"),
    ]


# ---------------------------------------------------------------- real reports (read in place)


def test_template_codes_and_ordinals_are_never_amounts() -> None:
    """附件2 部门决算模板: its tables hold only subject codes (205, 20502, 2050205) and 行次 numbers."""
    from conftest import realdoc

    from extractors.registry import read_document

    doc = read_document(realdoc("部门决算模板"))
    numeric_looking = [c for t in doc.tables() for c in t.cells if parse_quantity(c.text) is not None]
    assert len(numeric_looking) > 50
    assert extract_facts(doc) == []


def test_real_two_sided_summary_table() -> None:
    from conftest import realdoc

    from extractors.registry import read_document

    doc = read_document(realdoc("财政局2024年度部门决算"))
    facts = [f for f in extract_facts(doc) if f.table_title == "收入支出决算总表"]
    totals = [f for f in facts if f.row_labels == ("总计",)]
    assert [(f.column_labels, f.text, f.quantity.unit) for f in totals] == [
        (("收入", "决算数"), "2,995.39", "万元"),
        (("支出", "决算数"), "2,995.39", "万元"),
    ]
    coded = [f for f in extract_facts(doc) if f.code == "2010601"]
    assert coded and all("行政运行" in f.row_labels[-1] for f in coded)


def test_a_form_table_labels_each_value_by_the_label_before_it() -> None:
    # the head of a 绩效目标表: 其中：财政拨款 | 800.00 | 其他资金 | 200.00 — 200.00 is 其他资金, not 财政拨款
    t = make_table(
        [
            ["年度预算资金总额", "1000.00", "", ""],
            ["其中：财政拨款", "800.00", "其他资金", "200.00"],
            [("按支出性质分", 2, 1), "基本支出", "700.00", ""],
            [None, "项目支出", "300.00", ""],
        ],
        unit="万元",
        title="部门整体绩效目标表",
    )
    labelled = [(f.row_labels, f.own_label, f.quantity.text) for f in table_facts(t)]
    assert labelled[1:3] == [(("其中：财政拨款",), "其中：财政拨款", "800.00"), (("其他资金",), "其他资金", "200.00")]
    # a label standing in a column of figures, right before the row's one figure, is that figure's own label
    assert labelled[3:] == [
        (("按支出性质分", "基本支出"), "基本支出", "700.00"),
        (("按支出性质分", "项目支出"), "项目支出", "300.00"),
    ]


def test_a_column_of_figures_most_rows_leave_blank_keeps_its_header() -> None:
    """A two-sided 收支执行平衡表 where most rows print only 执行数: the 年初预算数 of the rows that print it is still
    年初预算数 (a short row is right-aligned only where its figures stand in a column of labels)."""
    t = make_table(
        [
            ["收入项目", "年初预算数", "调整预算数", "执行数", "支出项目", "年初预算数", "调整预算数", "执行数"],
            ["一般公共预算收入", "95,000", "96,500", "98,630", "一般公共预算支出", "586,000", "705,000", "612,480"],
            ["税收收入", "20,900", "21,423", "21,860", "补助下级支出", "", "", "2,245,600"],
            ["上级补助收入", "", "", "2,863,450", "债务转贷支出", "", "", "213,600"],
            ["下级上解收入", "", "", "4,820", "债务还本支出", "", "", "28,640"],
            ["上年结余收入", "", "", "21,350", "年终结余", "", "", "105,780"],
        ],
        unit="万元",
    )
    got = {(f.row_labels[-1], f.column_labels[-1]): f.quantity.text for f in table_facts(t)}
    assert got[("税收收入", "年初预算数")] == "20,900" and got[("税收收入", "调整预算数")] == "21,423"
    assert got[("税收收入", "执行数")] == "21,860"


def test_a_short_row_that_begins_in_a_label_column_is_read_onto_the_figure_columns() -> None:
    t = make_table(
        [
            ["一级指标", "二级指标", "分值", "得分", "扣分原因"],
            ["投入", "预算编制", "10", "9", ""],
            ["过程", "预算执行", "20", "18.5", ""],
            ["合计", "100", "92.5"],  # plain text writes no spans: 100 stands under 二级指标, 92.5 under 分值
        ]
    )
    got = {(f.row_labels[-1], f.column_labels[-1]): f.quantity.text for f in table_facts(t)}
    assert got[("合计", "分值")] == "100" and got[("合计", "得分")] == "92.5"
