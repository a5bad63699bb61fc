"""The plain-text reader: the seed's layout, Excel-pasted rows, form feeds, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, SEED_TXT

from extractors.model import Paragraph, ReadError, Table
from extractors.registry import read_document
from extractors.txt_reader import caption_of, leading_header_rows, parse_text, read_txt

DATA = Path(__file__).parent / "data" / "txt_docx"


def rows_of(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows()]


@pytest.fixture(scope="module")
def seed_doc():
    return read_txt(CORPUS / "beishan-2023.txt", "s" * 64)


def test_corpus_txt_is_the_seed() -> None:
    if not SEED_TXT.is_file():
        pytest.skip(f"seed not present at {SEED_TXT}")
    assert (CORPUS / "beishan-2023.txt").read_bytes() == SEED_TXT.read_bytes()


def test_seed_paragraph_with_location(seed_doc) -> None:
    hits = [p for p in seed_doc.paragraphs() if "基本支出2998.29万元，占本年支出82.58%" in p.text]
    assert len(hits) == 1
    p = hits[0]
    assert p.text.startswith("基本支出2998.29万元")
    assert seed_doc.blocks[p.prov.block] is p
    assert p.prov.render() == f"段落{p.prov.paragraph + 1}"
    assert p.prov.page is None  # the seed has no form feeds


def test_seed_has_two_appendix_tables_with_titles(seed_doc) -> None:
    t3, t4 = seed_doc.tables()
    assert t3.title == "附件3 部门整体支出绩效评价基础数据表"
    assert t4.title == "附件4 部门整体支出绩效自评表"
    assert (t3.prov.table, t4.prov.table) == (0, 1)
    assert t3.header_rows == 2 and t4.header_rows == 2
    assert ["三公经费：", "9.84", "11", "9.73"] in rows_of(t3)


def test_seed_cells_wrapped_and_whitespace(seed_doc) -> None:
    t3, t4 = seed_doc.tables()
    rows3 = rows_of(t3)
    # a wrapped cell continues on the next line; extra tabs after the first are whitespace
    assert ["1、 公务用车购置和维护经费", "4.74", "6", "4.74"] in rows3
    assert ["部门基本支出预算调整", "3138.91", "2224.35", "2998.29"] in rows3
    assert ["项目支出：", "114.23", "", "139.72"] in rows3  # a lone tab is an empty cell
    rows4 = rows_of(t4)
    assert rows4[1][0] == "年度预算申请（万元）"
    funds = next(r for r in rows4 if "年度资金总额" in r)
    assert funds == ["", "年度资金总额", "2224.35", "3630.41", "3619.44", "10", "99.7%", "9.97"]
    assert t4.n_cols == 9 and t3.n_cols == 7  # ragged rows: the widest row counts
    assert ["总分", "100", "99.97"] in rows4
    # every cell is an anchor of its own (no spans in plain text)
    assert all(c.rowspan == 1 and c.colspan == 1 for c in t4.cells)


def test_narrative_after_table_is_a_paragraph(seed_doc) -> None:
    texts = [p.text for p in seed_doc.paragraphs()]
    assert any(t.startswith("说明：") for t in texts)
    i = texts.index("附件4")
    assert texts[i + 1] == "部门整体支出绩效自评表"


def test_gbk_crlf_tab_rows() -> None:
    raw = (DATA / "gbk_tabrows.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = read_document(DATA / "gbk_tabrows.txt")
    assert doc.format == "txt"
    assert doc.paragraphs()[0].text == "2024年部门预算公开说明"
    (table,) = doc.tables()
    assert rows_of(table) == [
        ["项目", "本年预算数", "上年预算数"],
        ["一般公共预算拨款收入", "1,200.00", "1,100.50"],
        ["其他收入", "34.56", ""],
        ["合计", "1,234.56", "1,100.50"],
    ]
    assert table.title == "收入支出预算总表" and table.unit == "万元"
    assert table.header_rows == 1
    # the paragraph after the table is not swallowed by it
    assert doc.blocks[-1].text == "二、其他说明"


def test_form_feeds_are_pages() -> None:
    doc = read_txt(DATA / "formfeed_pdftotext.txt", "f" * 64)
    assert doc.pages == 3  # the final form feed does not open a fourth page
    pages = {b.text: b.prov.page for b in doc.paragraphs()}
    assert pages["第一页的正文，收入合计100万元。"] == 1
    assert pages["第二页的正文。"] == 2
    assert pages["第三页只有一句话。"] == 3
    (table,) = doc.tables()
    assert table.pages == [1, 2] and table.prov.page == 1
    assert table.title == "表1 支出明细表" and table.unit == "元"
    by_text = {c.text: c.page for c in table.cells}
    assert by_text["行政运行"] == 1 and by_text["一般行政管理事务"] == 2  # wrapped across two lines
    cell = next(c for c in table.cells if c.text == "20.00")
    assert table.cell_prov(cell).render() == "p.2 表1 r3c3"


def test_utf8_bom() -> None:
    doc = read_txt(DATA / "utf8_bom.txt", "b" * 64)
    assert doc.paragraphs()[0].text == "标题"  # no BOM character left
    assert rows_of(doc.tables()[0]) == [["名称", "数值"], ["甲", "1.5"]]


def test_gb18030_and_utf8_read_the_same(tmp_path: Path) -> None:
    text = "一、总体情况\n支出合计3619.44万元。\n\t项目\n\t金额\n\n\t基本支出\n\t2998.29\n\n"
    (tmp_path / "u.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "g.txt").write_bytes(text.encode("gb18030"))
    a = read_txt(tmp_path / "u.txt", "x")
    b = read_txt(tmp_path / "g.txt", "x")
    assert a.to_dict()["blocks"] == b.to_dict()["blocks"]


def test_undecodable_text_is_a_read_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\x81\x20\xff\xfe\x81")  # invalid in UTF-8 and in GB18030
    with pytest.raises(ReadError) as e:
        read_txt(p, "x")
    assert e.value.reason == "corrupt"


def test_single_tab_line_is_not_a_table() -> None:
    doc = parse_text("标题\t第1页\n正文一句。\n")
    assert [type(b) for b in doc.blocks] == [Paragraph, Paragraph]


def test_table_at_start_and_latin_wrap() -> None:
    doc = parse_text("\tName of\nunit\n\tValue\n\n\tA\n\t1\n")
    (table,) = doc.tables()
    assert rows_of(table) == [["Name of unit", "Value"], ["A", "1"]]
    assert table.title is None


def test_caption_helpers() -> None:
    assert caption_of(["1.部门整体支出绩效评价基础数据表", "附件3", "部门整体支出绩效评价基础数据表"]) == (
        "附件3 部门整体支出绩效评价基础数据表",
        None,
    )
    assert caption_of(["收入支出决算总表", "单位：万元"]) == ("收入支出决算总表", "万元")
    assert caption_of(["这是一段很长的叙述文字，结束于句号。"]) == (None, None)
    # who made the table is no part of its title, written before the unit or on a line of its own
    assert caption_of(["2023年预算单位收入预算总表", "编制单位：上海市徐汇区图书馆    单位：元"]) == (
        "2023年预算单位收入预算总表",
        "元",
    )
    assert caption_of(["公开11表 一般公共预算机关运行经费支出预算表", "部门：句容市民政局  单位：万元"]) == (
        "公开11表 一般公共预算机关运行经费支出预算表",
        "万元",
    )
    assert leading_header_rows([["项目", "金额"], ["合计", "2023年"], ["基本支出", "9.84"]]) == 2
    assert leading_header_rows([["说明", "文字"]]) == 0


def test_tab_indented_prose_is_not_a_table() -> None:
    text = (
        "一、基本情况\n"
        "\t本部门2023年收入合计3619.44万元，比上年增加120.5万元，主要原因是人员经费增加和项目支出增加。\n\n"
        "\t其中基本支出2998.29万元，占本年支出82.84%；项目支出621.15万元，占本年支出17.16%。\n\n"
    )
    doc = parse_text(text)
    assert doc.tables() == []
    assert [p.text[:6] for p in doc.paragraphs()] == ["一、基本情况", "本部门202", "其中基本支出"]
    assert [p.prov.paragraph for p in doc.paragraphs()] == [0, 1, 2]


def test_unit_in_first_row() -> None:
    doc = parse_text("支出表\n\t单位：元\n\n\t项目\n\t金额\n\n\t基本支出\n\t100\n\n")
    (table,) = doc.tables()
    assert table.unit == "元"


def _word_text(rows: list[list[str]]) -> str:
    """Word's "save as text" layout: one cell a line after a tab, a blank line after each row."""
    return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows)


def placed(table: Table) -> list[list[tuple[int, int, str]]]:
    return [[(c.col, c.colspan, c.text) for c in row] for row in table.rows()]


def test_word_text_merged_cells_are_placed_by_what_they_hold() -> None:
    """A merged cell is written once: a 合计 row merged across 类|款|项|科目名称 keeps its figures under their headers."""
    header = [
        ["科目编码", "科目名称", "合计", "上年结转", "一般公共预算拨款收入", "事业收入"],
        ["类", "款", "项", "", "", "", "", ""],
    ]
    body = [
        ["合计", "1000.00", "0.00", "930.00", "70.00"],
        ["205", "", "", "教育支出", "1000.00", "0.00", "930.00", "70.00"],
        ["205", "02", "", "普通教育", "1000.00", "0.00", "930.00", "70.00"],
    ]
    doc = parse_text("某中学收入总表\n单位：万元\n" + _word_text(header + body))
    (table,) = doc.tables()
    grid = placed(table)
    assert grid[0][:3] == [(0, 3, "科目编码"), (3, 1, "科目名称"), (4, 1, "合计")]
    assert grid[2] == [(0, 4, "合计"), (4, 1, "1000.00"), (5, 1, "0.00"), (6, 1, "930.00"), (7, 1, "70.00")]
    assert grid[3][3:5] == [(3, 1, "教育支出"), (4, 1, "1000.00")]


def test_word_text_merged_header_halves_and_groups() -> None:
    # 收入 | 支出 over 项目 预算数 项目 合计 …: each spans from one 项目 to the next
    doc = parse_text(
        _word_text([["收入", "支出"], ["项目", "预算数", "项目", "合计", "基本"], ["a", "1", "b", "1", "1"]])
    )
    assert placed(doc.tables()[0])[0] == [(0, 2, "收入"), (2, 3, "支出")]
    # 公务用车购置及运行费 over 小计 | 购置费 | 运行费; 合计 over an empty (vertically merged) cell spans one column
    doc = parse_text(
        _word_text(
            [
                ["合计", "公务用车购置及运行费", "公务接待费"],
                ["", "小计", "购置费", "运行费", ""],
                ["9", "5", "2", "3", "4"],
            ]
        )
    )
    assert placed(doc.tables()[0])[0] == [(0, 1, "合计"), (1, 3, "公务用车购置及运行费"), (4, 1, "公务接待费")]


def test_short_rows_of_other_shapes_stay_where_written() -> None:
    # too few figures for the figure columns (a tab-pasted row missing its trailing blanks): placed from column 0
    doc = parse_text("项目\t预算数\t执行数\t完成率\n一般公共预算收入\t100\t98\t98%\n其中：税收\t60\n")
    assert placed(doc.tables()[0])[2] == [(0, 1, "其中：税收"), (1, 1, "60")]
    # a note merged across the whole row, a row of labels
    doc = parse_text(_word_text([["项目", "金额", "备注"], ["注：本表无数据。"], ["a", "b"], ["c", "1", "x"]]))
    assert placed(doc.tables()[0])[1:3] == [[(0, 1, "注：本表无数据。")], [(0, 1, "a"), (1, 1, "b")]]
