"""PDF reader on the real published reports in ../shared/realdocs (read in place, never copied)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import realdoc, realdocs_pdfs

from extractors.model import Document, Paragraph, Table
from extractors.pdf_reader import read_pdf


@cache
def _read(path: Path) -> Document:
    return read_pdf(path, "0" * 64)


def doc_of(name_part: str) -> Document:
    return _read(realdoc(name_part))


def table_titled(doc: Document, title: str) -> Table:
    found = [t for t in doc.tables() if t.title == title]
    assert len(found) == 1, f"expected one table titled {title!r}, found {[t.title for t in doc.tables()]}"
    return found[0]


def row_texts(t: Table) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def plain(s: str) -> str:
    return s.replace(",", "")


@pytest.mark.parametrize("path", realdocs_pdfs(), ids=lambda p: p.name)
def test_every_real_pdf_reads_with_pages(path: Path) -> None:
    doc = _read(path)
    assert doc.format == "pdf" and doc.pages and doc.pages > 20
    assert doc.paragraphs() and doc.tables()
    assert not [p for p in doc.problems if "cid" in p]
    for i, b in enumerate(doc.blocks):
        assert b.prov.block == i
        assert b.prov.page is not None and 1 <= b.prov.page <= doc.pages
        if isinstance(b, Table):
            assert b.pages == list(range(b.pages[0], b.pages[-1] + 1)) and b.prov.page == b.pages[0]
            assert all(c.page in b.pages for c in b.cells)
            assert all(0 <= c.row < b.n_rows and 0 <= c.col < b.n_cols for c in b.cells)
    # paragraphs are numbered in reading order, tables too
    assert [p.prov.paragraph for p in doc.paragraphs()] == list(range(len(doc.paragraphs())))
    assert [t.prov.table for t in doc.tables()] == list(range(len(doc.tables())))


@pytest.mark.parametrize("path", realdocs_pdfs(), ids=lambda p: p.name)
def test_table_text_is_not_repeated_as_paragraphs(path: Path) -> None:
    doc = _read(path)
    for t in doc.tables():
        for page in t.pages:
            x0, top, x1, bottom = _part_bbox(t, page)
            for p in doc.paragraphs():
                if p.prov.page != page or p.prov.bbox is None:
                    continue
                px0, ptop, px1, pbottom = p.prov.bbox
                inside = px0 >= x0 - 1 and px1 <= x1 + 1 and ptop >= top - 1 and pbottom <= bottom + 1
                assert not inside, f"paragraph {p.text!r} lies inside table {t.title!r} on p.{page}"


def _part_bbox(t: Table, page: int) -> tuple[float, float, float, float]:
    boxes = [c.bbox for c in t.cells if c.page == page and c.bbox]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def test_caizhengju_total_table_and_sentence() -> None:
    doc = doc_of("财政局")
    total = table_titled(doc, "收入支出决算总表")
    assert total.unit == "万元"
    assert any("总计" in r[0] and "2995.39" in [plain(x) for x in r] for r in row_texts(total))
    assert total.header_rows == 2
    # the narrative prints its digits on a shifted baseline: the sentence must come out whole
    sentences = [p.text for p in doc.paragraphs() if "收入支出总计" in p.text and "2995.39" in p.text]
    assert sentences and "收入支出总计2995.39万元" in sentences[0]
    assert any("本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%" in p.text for p in doc.paragraphs())


def test_caizhengju_tables_cut_by_page_breaks_are_stitched() -> None:
    doc = doc_of("财政局")
    total = table_titled(doc, "收入支出决算总表")
    assert total.pages == [6, 7]
    last = total.rows()[-1]
    assert last[0].text == "总计" and last[0].page == 7 and total.rows()[0][0].page == 6
    fiscal = table_titled(doc, "财政拨款收入支出决算总表")
    assert fiscal.pages == [12, 13, 14]
    income = table_titled(doc, "收入决算表")
    names = [r[3].text for r in income.rows() if len(r) > 3]
    assert names.count("住房保障支出") == 1 and income.pages == [8, 9]
    assert [r[4].text for r in income.rows() if len(r) > 4 and r[3].text == "购房补贴"] == ["258.50"]


def test_budget_tables_with_repeated_headers_stitch_once() -> None:
    doc = doc_of("商务委员会")
    t = table_titled(doc, "2025年部门一般公共预算支出功能分类预算表")
    assert t.pages == [15, 16] and t.unit == "元" and t.header_rows == 3
    firsts = [r[0].text for r in t.rows() if r]
    assert firsts.count("项目") == 1, "the header repeated on p.16 must not become data rows"
    basic = table_titled(doc, "2025年部门一般公共预算基本支出部门预算经济分类预算表")
    assert basic.pages == [19, 20]
    assert basic.rows()[-1][0].text == "合计" and basic.rows()[-1][0].page == 20
    wanli = doc_of("万里街道")
    income = table_titled(wanli, "2024年部门收入预算总表")
    assert income.pages == [11, 12, 13, 14, 15] and income.unit == "元"


def test_titles_and_units_of_known_tables() -> None:
    doc = doc_of("规划和自然资源局")
    titles = [t.title for t in doc.tables()]
    for title in (
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款基本支出决算表",
    ):
        assert title in titles
        assert table_titled(doc, title).unit == "万元"
    wanli = doc_of("万里街道")
    assert table_titled(wanli, "部门“三公”经费和机关运行经费预算表").unit == "万元"
    assert table_titled(wanli, "2024年部门财务收支预算总表").unit == "元"


def test_wrapped_cell_text_is_one_cell() -> None:
    doc = doc_of("财政局")
    names = [r[3].text for r in table_titled(doc, "收入决算表").rows() if len(r) > 3]
    assert "机关事业单位基本养老保险缴费支出" in names


def test_template_reads_with_empty_tables() -> None:
    doc = doc_of("附件2")
    assert len(doc.tables()) >= 9
    assert all(isinstance(b, Paragraph | Table) for b in doc.blocks)


def test_pdfium_and_pdfplumber_engines_agree_on_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractors.pdf_reader as reader

    path = realdoc("财政局")
    fast = _read(path)
    monkeypatch.setattr(reader, "ENGINE", "pdfplumber")
    slow = reader.read_pdf(path, "0" * 64)

    def shape(doc: Document) -> list[tuple[str | None, str | None, list[int], int, list[list[str]]]]:
        return [(t.title, t.unit, t.pages, t.header_rows, row_texts(t)) for t in doc.tables()]

    assert shape(fast) == shape(slow)
    assert [p.text for p in fast.paragraphs()] == [p.text for p in slow.paragraphs()]


def test_indented_heading_is_not_merged_with_the_full_line_after_it() -> None:
    """规划局 p.24: the heading 六、… and the body line under it are both indented two characters, which once
    made them look like a centred title wrapped over two lines, merging the heading into the figures."""
    doc = read_pdf(realdoc("规划和自然资源局"), "x")
    headings = {p.text for p in doc.paragraphs() if p.prov.page in (24, 26)}
    assert "六、一般公共预算财政拨款基本支出决算情况说明" in headings
    assert "八、政府性基金预算财政拨款收入支出决算情况说明" in headings
    body = [p.text for p in doc.paragraphs() if p.prov.page == 24 and "5377.64" in p.text]
    assert body and body[0].startswith("一般公共预算财政拨款基本支出")


def test_figure_moved_to_the_next_line_by_line_breaking_stays_in_its_paragraph() -> None:
    """财政局 p.22: "…年初预算为" ends a line 3.5 characters short of the margin because "161.62万元，" may not
    be split; the next line is still the same paragraph."""
    doc = read_pdf(realdoc("财政局"), "x")
    (para,) = [p.text for p in doc.paragraphs() if "161.62" in p.text]
    assert "年初预算为161.62万元，支出决算为160.75万元" in para and para.startswith("6、")
