"""The outline: headings with levels, contents lines, table titles, notes, and narrative bound to its section."""

from __future__ import annotations

from extractors.model import Cell, Document, Paragraph, Provenance, Table
from extractors.outline import build_outline, heading_level, section_path

SHA = "0" * 64


def _doc(*blocks: str | list[list[str]]) -> Document:
    out: list[Paragraph | Table] = []
    npar = ntab = 0
    for i, b in enumerate(blocks):
        if isinstance(b, str):
            out.append(Paragraph(b, Provenance(SHA, block=i, paragraph=npar)))
            npar += 1
        else:
            cells = [Cell(text, r, c) for r, row in enumerate(b) for c, text in enumerate(row)]
            out.append(Table(cells, len(b), len(b[0]), Provenance(SHA, block=i, table=ntab)))
            ntab += 1
    return Document("x.pdf", SHA, "pdf", out)


def test_heading_levels() -> None:
    assert heading_level("第三部分 上海市XX局2024年度部门决算情况说明") == 1
    assert heading_level("一、收入支出决算总体情况说明") == 2
    assert heading_level("（二）一般公共预算财政拨款支出决算结构情况") == 3
    assert heading_level("2025年部门预算编制说明") == 1
    assert heading_level("本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；") is None
    assert heading_level("一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款") is None


def test_contents_tables_notes_and_sections() -> None:
    doc = _doc(
        "目 录",
        "第二部分 部门决算表",
        "一、收入支出决算总表 ........ 3",
        "二、政府性基金预算财政拨款收入支出决算表",
        "第二部分 部门决算表",
        "收入支出决算总表",
        "单位：万元",
        [["项目", "决算数"], ["总计", "2,995.39"]],
        "政府性基金预算财政拨款收入支出决算表",
        [["项目", "合计"], ["合计", ""]],
        "注：本单位无政府性基金预算财政拨款收入支出，故本表无数据。",
        "一、收入支出决算总体情况说明",
        "上海市XX局2024年度收入支出总计2995.39万元。",
    )
    out = build_outline(doc)
    toc = [e.text for e in out if e.kind == "toc"]
    assert toc == ["第二部分 部门决算表", "一、收入支出决算总表", "二、政府性基金预算财政拨款收入支出决算表"]
    tables = [(e.text, e.prov.table) for e in out if e.kind == "table"]
    assert tables == [("收入支出决算总表", 0), ("政府性基金预算财政拨款收入支出决算表", 1)]
    assert [e.text for e in out if e.kind == "heading"][0] == "第二部分 部门决算表"
    notes = [e.text for e in out if e.kind == "note"]
    assert len(notes) == 1 and "本表无数据" in notes[0]
    heads = [(e.text, e.level) for e in out if e.kind == "heading"]
    assert ("第二部分 部门决算表", 1) in heads and ("一、收入支出决算总体情况说明", 2) in heads
    # a sentence in block 11 stands under 第二部分 › 一、…
    path = section_path(out, Provenance(SHA, block=12, span=(20, 27)))
    assert [h.text for h in path] == ["第二部分 部门决算表", "一、收入支出决算总体情况说明"]


def test_contents_drawn_as_a_table() -> None:
    doc = _doc([["目 录"], ["1. 2025年部门财务收支预算总表"], ["2. 2025年部门收入预算总表"]], "2025年部门预算编制说明")
    out = build_outline(doc)
    assert [e.text for e in out if e.kind == "toc"] == ["1. 2025年部门财务收支预算总表", "2. 2025年部门收入预算总表"]
    assert [e.text for e in out if e.kind == "heading"] == ["2025年部门预算编制说明"]


def test_item_titles_bind_figures_even_across_a_line_break() -> None:
    doc = _doc(
        "（三）一般公共预算财政拨款支出决算具体情况",
        "5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休",
        "（项）。主要用于：退休人员经费支出。年初预算为85.55万元，支出决算为84.65万元。",
        "1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行。",
    )
    out = build_outline(doc)
    items = [e for e in out if e.kind == "heading" and e.level == 4]
    assert [e.prov.block for e in items] == [1, 3]
    assert items[0].text.endswith("行政单位离退休(项)") or items[0].text.endswith("行政单位离退休（项）")
    path = section_path(out, Provenance(SHA, block=2, span=(30, 36)))
    assert [h.level for h in path] == [3, 4]


def test_title_only_paragraph_counts_as_a_present_table() -> None:
    doc = _doc(
        "国有资本经营预算财政拨款收入支出决算表", "单位：万元", "说明：本单位无国有资本经营预算财政拨款，故本表无数据。"
    )
    out = build_outline(doc)
    assert [e.kind for e in out] == ["table", "note"]
