"""The 财政部 部门预算 公开 template most provinces print (江苏 and others): 情况说明 sections 一、收支预算总体情况说明 …
十二、政府采购支出预算情况说明 over 公开01–12表 titled by fund and use (财政拨款支出预算表, 一般公共预算基本支出预算表,
“三公”经费、会议费、培训费支出预算表 …). Each narrative figure is checked against the table its section describes;
a 款 out of line with its 项 is blamed alone, not its 类 as well; a 其中 row heading the rows under a total is one of
its parts."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from extractors.claims import extract_claims
from extractors.model import Document, Paragraph, Table
from extractors.outline import build_outline
from extractors.pdf_tables import caption_for
from extractors.registry import file_sha256, read_document
from extractors.report_kind import classify
from extractors.table_identity import identify_table
from extractors.tablefacts import extract_facts
from pipeline.analyze import analyze_file
from pipeline.checks import run_checks
from pipeline.companion import in_own_file, join_tables
from pipeline.findings import Finding

WIDE = Path(__file__).resolve().parents[2] / "shared" / "realdocs-wide"
PROCURATORATE = WIDE / "江苏省人民检察院2018年部门预算公开.pdf"
TABLES_FILE = WIDE / "江苏省委办公厅2018年度部门预算公开表.pdf"


def _read(path: Path) -> Document:
    if not path.exists():
        pytest.skip(f"{path.parent} is absent (a user's clone): the real 部门预算 is not here")
    return read_document(path, file_sha256(path), None)


def _alarms(doc: Document) -> list[Finding]:
    found = run_checks(extract_claims(doc), extract_facts(doc), build_outline(doc), doc=doc, kind=classify(doc))
    return [f for f in found if f.severity != "info"]


def _plant(doc: Document, old: str, new: str) -> None:
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and old in b.text)
    para.text = para.text.replace(old, new, 1)


def _set_cell(doc: Document, title_part: str, label: str, new: str) -> None:
    table = next(t for t in doc.tables() if title_part in (t.title or ""))
    row = next(c.row for c in table.cells if c.text.replace(" ", "") == label)
    cell = max((c for c in table.cells if c.row == row), key=lambda c: c.col)
    cell.text = new


@pytest.mark.parametrize(
    ("old", "new", "rule_id"),
    [
        # 五、财政拨款支出预算情况说明, item 1．…（款）行政运行（项）支出 vs 公开05表's row 行政运行
        ("行政运行（项）支出 10,883.36", "行政运行（项）支出 10,893.36", "ys.say.nat-fiscal-item"),
        # 一、收支预算总体情况说明: …（类）支出 vs 收支预算总表's 功能分类 row of that 类
        ("公共安全（类）支出 16,458.75", "公共安全（类）支出 16,468.75", "ys.say.nat-class"),
    ],
)
def test_a_figure_of_the_national_template_s_narrative_is_checked_against_its_section_s_table(
    old: str, new: str, rule_id: str
) -> None:
    doc = _read(PROCURATORATE)
    before = {(f.rule, str(f.stated_value)) for f in _alarms(doc)}
    _plant(doc, old, new)
    raised = [f for f in _alarms(doc) if (f.rule, str(f.stated_value)) not in before]
    planted = [f for f in raised if f.rule == "template.narrative-vs-table"]
    assert planted, [f.explanation for f in raised]
    assert rule_id in planted[0].explanation
    assert str(planted[0].stated_value) == new.split("支出")[-1].strip().replace(",", "")


def test_the_national_template_s_tables_are_told_apart_by_fund_and_use() -> None:
    kinds = {
        "公开05表：财政拨款支出预算表": "ys.czbk",
        "财政拨款基本支出预算表（经济科目）": "ys.czbk_basic",
        "公开07表 一般公共预算支出预算表（功能科目）": "ys.gp",
        "一般公共预算基本支出预算表": "ys.gp_basic",
        "一般公共预算“三公”经费、会议费、培训费支出预算表": "ys.sangong",
        "财政拨款政府性基金支出预算表": "ys.gf",
        "一般公共预算机关运行经费支出预算表": "ys.operating",
        "2018年政府采购预算表": "ys.procurement",
        "支出预算总表": "ys.expense",
        # the 部门 stripped before matching was the title's own word
        "2024年预算单位一般公共预算基本支出部门预算经济分类预算表": "ys.gp_basic",
    }
    assert {t: identify_table(t) for t in kinds} == kinds


def test_a_table_title_wrapped_over_two_lines_is_read_whole() -> None:
    lines = [
        SimpleNamespace(text="公开09表：一般公共预算“三公”经费、会议费、培训费"),
        SimpleNamespace(text="支出预算表"),
    ]
    title, _unit, used = caption_for(lines)  # type: ignore[arg-type]
    assert title == "公开09表：一般公共预算“三公”经费、会议费、培训费支出预算表"
    assert len(used) == 2
    # a heading above a short title is not part of it
    lines = [SimpleNamespace(text="三、支出预算情况"), SimpleNamespace(text="支出预算总表")]
    assert caption_for(lines)[0] == "支出预算总表"  # type: ignore[arg-type]


def test_the_three_public_expenses_total_is_the_subtotal_under_its_header_not_the_total_with_meetings() -> None:
    """合计 2,224.43 | “三公”经费 › 小计 660.10 = 106.00 + 156.60 + 397.50 | 会议费 | 培训费: no 三公 sum is wrong."""
    doc = _read(WIDE / "江苏省政协办公厅2019年预算公开表.pdf")
    assert not [f for f in _alarms(doc) if f.rule == "template.columns"]


def test_a_branch_out_of_line_with_its_items_is_blamed_alone() -> None:
    """公开05表's 住房改革支出 款 printed 3,005.16 where its 项 715.28 + 2,299.88 = 3,015.16 and its 类 3,015.16: one
    finding, on the 款 — the 类 = Σ款 that also fails is mended by reading the 款 as its 项's sum."""
    doc = _read(TABLES_FILE)
    _set_cell(doc, "财政拨款支出预算表", "住房改革支出", "3,005.16")
    found = [f for f in _alarms(doc) if f.rule == "template.hierarchy"]
    assert [(f.subject, str(f.stated_value)) for f in found] == [("住房改革支出", "3005.16")]


def test_a_qizhong_row_heading_the_rows_under_a_total_is_one_of_its_parts(tmp_path: Path) -> None:
    """收入合计 496,547 › 其中：社会保险费收入 422,392, 财政补贴收入 63,248, 利息收入 5,977, 其他收入 4,930: the 其中
    list is the total's breakdown, which adds up; with 其他收入 misprinted it does not."""

    def book(other: int) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "06 表六"
        for row in [
            ["表六 2024年云溪市社会保险基金预算收支决算表"],
            ["单位：万元"],
            ["项目", "合计", "城乡居民基本养老保险基金", "机关事业单位基本养老保险基金"],
            ["收入合计", 496547, 58652, 437895],
            ["其中：社会保险费收入", 422392, 39427, 382965],
            ["财政补贴收入", 63248, 18022, 45226],
            ["利息收入", 5977, 717, 5260],
            ["其他收入", other, 486, 4444],
            ["支出合计", 462183, 52688, 409495],
            ["其中：社会保险待遇支出", 456705, 52064, 404641],
            ["本年收支结余", 34364, 5964, 28400],
        ]:
            ws.append(row)
        path = tmp_path / f"sb{other}.xlsx"
        wb.save(path)
        return path

    def row_sums(path: Path) -> list[tuple[str, str]]:
        return [
            (f.rule, f.subject)
            for f in analyze_file(path).findings
            # (the row sum found short, crossed with its column's on the one cell out: sum.table-cell names both)
            if f.severity != "info" and (f.rule.startswith("sum.table-rows") or f.rule == "sum.table-cell")
        ]

    assert row_sums(book(4930)) == []
    assert [s for _, s in row_sums(book(4830))], "a 其中 list that falls short of its total is still found"


def test_a_table_whose_unit_was_not_read_is_compared_in_the_text_s_unit() -> None:
    """法院's 三公 table prints 单位：万 | 元 in two cells, so its figures carry no unit: 因公出国（境）费 160.00 is the
    text's 160万元, not 160元."""
    doc = _read(WIDE / "江苏省高级人民法院2019年度部门预算公开.pdf")
    assert not [f for f in _alarms(doc) if f.rule == "template.narrative-vs-table"]


def test_tables_of_the_template_are_recognised_in_the_procuratorate_s_report() -> None:
    doc = _read(PROCURATORATE)
    kinds = {identify_table(t.title) for t in doc.tables() if isinstance(t, Table)}
    assert {"ys.czbk", "ys.gp", "ys.gp_basic", "ys.sangong", "ys.operating"} <= kinds


def test_a_table_whose_title_heads_its_grid_at_a_page_s_top_is_not_the_previous_table_s_rest() -> None:
    """政协 2019 公开表 p.7: 公开07表 一般公共预算支出预算表（功能科目） starts at the top of the page under no caption, right
    after 公开06表 fills p.6; its own title in its first row says it is a table of its own."""
    doc = _read(WIDE / "江苏省政协办公厅2019年预算公开表.pdf")
    on_seven = [t for t in doc.tables() if t.prov.page == 7]
    assert [identify_table(t.title) for t in on_seven] == ["ys.gp"]
    six = next(t for t in doc.tables() if t.prov.page == 6)
    assert six.pages == [6]


def test_a_narrative_published_apart_is_checked_against_its_tables_file() -> None:
    """政协 2019: the 情况说明 and its 公开表 agree (no error or warning), and every table its 目录 lists is there."""
    narrative = WIDE / "江苏省政协办公厅2019年度部门预算.pdf"
    if not narrative.exists():
        pytest.skip(f"{WIDE} is absent (a user's clone)")
    result = analyze_file(narrative)
    assert "表格文件《江苏省政协办公厅2019年预算公开表.pdf》" in result.reason
    assert [f.rule for f in result.findings if f.severity != "info" or f.rule.startswith("template.toc")] == []


@pytest.mark.parametrize(
    ("old", "new", "rule_id", "subject"),
    [
        ("住房公积金（项）支出715.28", "住房公积金（项）支出716.28", "ys.say.nat-fiscal-item", "住房公积金(项)支出"),
        ("会议费预算支出933.50", "会议费预算支出943.50", "ys.say.nat-meeting", "会议费预算支出"),
        (
            "政府采购支出预算总额1449.50",
            "政府采购支出预算总额1459.50",
            "ys.say.nat-procurement",
            "政府采购支出预算总额",
        ),
        # the subject is the words of this figure, not the list before it (拟采购货物支出90万元、…)
        ("拟购买服务支出1359.50", "拟购买服务支出1369.50", "ys.say.nat-procurement-services", "拟购买服务支出"),
    ],
)
def test_the_narrative_file_is_checked_against_the_tables_file_joined_to_it(
    old: str, new: str, rule_id: str, subject: str
) -> None:
    """委办 2018: the 公开文件 read with its 公开表 (pipeline.companion), a slip planted in the narrative's text."""
    doc = _read(WIDE / "江苏省委办公厅2018年度部门预算公开文件.pdf")
    assert join_tables(doc, _read(TABLES_FILE), TABLES_FILE.name)
    assert [f for f in _alarms(doc) if in_own_file([f.prov, *f.related])] == []
    _plant(doc, old, new)
    found = [f for f in _alarms(doc) if f.rule == "template.narrative-vs-table"]
    assert [(rule_id in f.explanation, f.related[0].file) for f in found] == [(True, TABLES_FILE.name)]
    assert found[0].subject.endswith(subject) and not found[0].subject.startswith("拟采购货物")


def test_a_unit_s_total_table_adds_its_spending_columns_across() -> None:
    """福利院's 财务收支预算总表 splits 本年支出 into 合计 | 基本支出 › 人员经费, 公用经费 | 项目支出 with no 基本支出 column:
    二、社会保障和就业支出 11,281,624 = 6,540,674 + 2,120,950 + 2,620,000; with 公用经费 misprinted it does not add up."""
    doc = _read(WIDE / "上海市普陀区社会福利院2024年单位预算.pdf")
    assert not [f for f in _alarms(doc) if f.rule == "template.columns"]
    table = next(t for t in doc.tables() if "财务收支预算总表" in (t.title or ""))
    cell = next(c for c in table.cells if c.row == 5 and c.col == 5)
    assert cell.text.replace(",", "") == "2120950"
    cell.text = "2,102,950"
    found = [f for f in _alarms(doc) if f.rule == "template.columns"]
    assert [(f.subject, str(f.stated_value), str(f.expected_value)) for f in found] == [
        ("二、社会保障和就业支出", "11281624", "11263624")
    ]
