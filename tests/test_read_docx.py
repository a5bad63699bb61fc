"""The .docx reader: body order, merged cells, nested tables, numbering, headings, hostile files.

Fixtures are built here with python-docx (plus a little raw XML where python-docx has no API).
"""

from __future__ import annotations

import copy
import io
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from extractors import docx_reader
from extractors.docx_reader import chinese_counting, format_number, read_docx
from extractors.model import Paragraph, ReadError, Table


def save(d, path: Path) -> Path:
    d.save(str(path))
    return path


def anchors(table: Table) -> list[list[tuple[str, int, int, int, int]]]:
    return [[(c.text, c.row, c.col, c.rowspan, c.colspan) for c in row] for row in table.rows()]


# ---------------------------------------------------------------- structure


def test_body_order_headings_and_caption(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("一、收支总体情况", level=1)
    d.add_paragraph("本年收入合计100万元。")
    d.add_paragraph("收入支出决算总表")
    d.add_paragraph("单位：万元")
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "金额", (1, 0): "合计", (1, 1): "100.00"}.items():
        t.cell(r, c).text = text
    d.add_heading("（一）收入情况", level=2)
    p = d.add_paragraph("大纲级别段落")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    doc = read_docx(save(d, tmp_path / "a.docx"), "a" * 64)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph"] * 4 + ["Table"] + ["Paragraph"] * 2
    assert [b.prov.block for b in doc.blocks] == list(range(7))
    heads = {p.text: p.level for p in doc.paragraphs()}
    assert heads["一、收支总体情况"] == 1 and heads["（一）收入情况"] == 2
    assert heads["本年收入合计100万元。"] is None and heads["大纲级别段落"] == 3
    table = doc.tables()[0]
    assert table.title == "收入支出决算总表" and table.unit == "万元"
    assert table.header_rows == 1 and table.prov.render() == "表1"
    assert doc.paragraphs()[5].prov.render() == "段落6"


def test_merged_cells_are_one_logical_cell(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=4, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "单位：万元"
    t.cell(1, 0).merge(t.cell(3, 0)).text = "年度预算申请"
    t.cell(1, 1).text, t.cell(1, 2).text = "年初预算数", "全年预算数"
    t.cell(2, 1).text, t.cell(2, 2).text = "2224.35", "3630.41"
    t.cell(3, 1).merge(t.cell(3, 2)).text = "合计"
    doc = read_docx(save(d, tmp_path / "m.docx"), "m" * 64)
    table = doc.tables()[0]
    assert (table.n_rows, table.n_cols) == (4, 3)
    assert anchors(table) == [
        [("单位：万元", 0, 0, 1, 3)],
        [("年度预算申请", 1, 0, 3, 1), ("年初预算数", 1, 1, 1, 1), ("全年预算数", 1, 2, 1, 1)],
        [("2224.35", 2, 1, 1, 1), ("3630.41", 2, 2, 1, 1)],
        [("合计", 3, 1, 1, 2)],
    ]
    assert table.unit == "万元"  # a first row holding only 单位：万元
    texts = [c.text for c in table.cells]
    assert texts.count("年度预算申请") == 1  # never duplicated into covered positions
    cov = table.covering()
    assert cov[3][0].text == "年度预算申请" and cov[0][2].text == "单位：万元"


def test_grid_before_and_multi_paragraph_cell(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    cell = t.cell(0, 0)
    cell.text = "第一段"
    cell.add_paragraph("第二段")
    t.cell(0, 1).text, t.cell(0, 2).text = "甲", "乙"
    row = t.rows[1]._tr
    row.remove(row.tc_lst[0])  # a row that starts one grid column in
    row.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    t.rows[1].cells[0].text = "1.5"
    table = read_docx(save(d, tmp_path / "g.docx"), "g" * 64).tables()[0]
    assert anchors(table)[0][0] == ("第一段\n第二段", 0, 0, 1, 1)
    assert [(c.text, c.col) for c in table.rows()[1]] == [("1.5", 1), ("", 2)]


def test_nested_table(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "外层"
    inner = t.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "内层", "42"
    doc = read_docx(save(d, tmp_path / "n.docx"), "n" * 64)
    (table,) = doc.tables()  # the nested table is not a block of its own
    holder = table.rows()[0][1]
    (nested,) = holder.nested
    assert [c.text for c in nested.cells] == ["内层", "42"]
    assert nested.prov.table == 0 and (nested.prov.row, nested.prov.col) == (0, 1)
    assert "内层" not in holder.text


def test_deep_nesting_is_cut_not_crashing(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=1, cols=1)
    tc = t.cell(0, 0)._tc
    tbl_xml = copy.deepcopy(t._tbl)
    for _ in range(30):  # 30 levels of tables inside tables
        new = copy.deepcopy(tbl_xml)
        tc.insert(0, new)
        tc = new.findall(qn("w:tr"))[0].findall(qn("w:tc"))[0]
    started = time.perf_counter()
    doc = read_docx(save(d, tmp_path / "deep.docx"), "d" * 64)
    assert time.perf_counter() - started < 5
    assert any("nested deeper than" in p for p in doc.problems)
    depth, table = 0, doc.tables()[0]
    while table.cells and table.cells[0].nested:
        table, depth = table.cells[0].nested[0], depth + 1
    assert depth == docx_reader.MAX_TABLE_DEPTH - 1


# ---------------------------------------------------------------- numbering

_NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
"""


def _numbered(d, text: str, num_id: int, ilvl: int) -> None:
    p = d.add_paragraph(text)
    numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    p._p.get_or_add_pPr().append(numpr)


def test_word_numbering_recovered(tmp_path: Path) -> None:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'))
    bullet = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    )
    numbering.insert(1, bullet)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="78"><w:abstractNumId w:val="91"/></w:num>'))
    for text, ilvl in [("部门基本情况", 0), ("基本情况", 1), ("机构设置", 2), ("人员编制", 2), ("支出情况", 1)]:
        _numbered(d, text, 77, ilvl)
    for _ in range(10):
        _numbered(d, "管理情况", 77, 0)
    _numbered(d, "要点", 78, 0)
    doc = read_docx(save(d, tmp_path / "num.docx"), "u" * 64)
    got = [(p.numbering, p.text) for p in doc.paragraphs()]
    assert got[:5] == [
        ("一、", "一、部门基本情况"),
        ("（一）", "（一）基本情况"),
        ("1.", "1.机构设置"),
        ("2.", "2.人员编制"),
        ("（二）", "（二）支出情况"),  # the deeper level restarts under it
    ]
    assert got[5] == ("二、", "二、管理情况")
    assert got[14] == ("十一、", "十一、管理情况")
    assert got[15] == (None, "要点")  # bullets carry no section structure


def test_number_formats() -> None:
    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 100, 105, 110, 1000, 1010)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十一",
        "一百",
        "一百零五",
        "一百一十",
        "一千",
        "一千零一十",
    ]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV" and format_number(28, "lowerLetter") == "bb"
    assert format_number(2, "ideographTraditional") == "乙" and format_number(12, "decimalFullWidth") == "１２"


# ---------------------------------------------------------------- hostile and broken files


def test_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "fake.docx"
    p.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ReadError) as e:
        read_docx(p, "x")
    assert e.value.reason == "corrupt"


def test_zip_without_document_part(tmp_path: Path) -> None:
    p = tmp_path / "empty.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError) as e:
        read_docx(p, "x")
    assert e.value.reason == "corrupt"


def _rewrite(src: Path, dst: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info.filename))
    return dst


def test_billion_laughs_refused_quickly(tmp_path: Path) -> None:
    ok = save(docx.Document(), tmp_path / "ok.docx")
    lol = b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    lol += b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    lol += b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    lol += b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    bad = _rewrite(ok, tmp_path / "lol.docx", "word/document.xml", lol)
    started = time.perf_counter()
    with pytest.raises(ReadError) as e:
        read_docx(bad, "x")
    assert e.value.reason == "corrupt" and "DOCTYPE" in e.value.message
    assert time.perf_counter() - started < 2


def test_python_docx_parser_does_not_resolve_entities() -> None:
    """Second line of defence behind the DOCTYPE check: python-docx's lxml parser keeps entities unexpanded."""
    from docx.oxml.parser import oxml_parser

    xml = b'<!DOCTYPE r [<!ENTITY e "EXPANDED">]><r>&e;</r>'
    from lxml import etree

    root = etree.fromstring(xml, oxml_parser)
    assert "EXPANDED" not in (root.text or "")


def _declare_size(data: bytes, name: bytes, size: int) -> bytes:
    """Patch the central directory's uncompressed size of one member (what a zip bomb declares)."""
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        name_len = struct.unpack("<H", data[i + 28 : i + 30])[0]
        if data[i + 46 : i + 46 + name_len] == name:
            return data[: i + 24] + struct.pack("<I", size) + data[i + 28 :]
        i += 4


def test_zip_bomb_refused_before_opening(tmp_path: Path) -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("word/media/image1.bin", b"\0" * 1000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_declare_size(buf.getvalue(), b"word/media/image1.bin", 0xFFFFFF00))
    started = time.perf_counter()
    with pytest.raises(ReadError) as e:
        read_docx(bomb, "x")
    assert e.value.reason == "too_large"
    assert time.perf_counter() - started < 1


def test_size_limit_counts_every_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = save(docx.Document(), tmp_path / "small.docx")
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 10_000)
    with pytest.raises(ReadError) as e:
        read_docx(p, "x")
    assert e.value.reason == "too_large"


# ---------------------------------------------------------------- the corpus .docx


@pytest.fixture(scope="module")
def corpus_doc():
    return read_docx(CORPUS / "beishan-2023.docx", "c" * 64)


def test_corpus_docx_narrative(corpus_doc) -> None:
    paras = corpus_doc.paragraphs()
    assert paras[0].text == "部门整体支出绩效自评报告"
    levels = {p.text: p.level for p in paras}
    assert levels["一、部门、单位基本情况"] == 1 and levels["（二）部门整体支出情况"] == 2
    hit = [p for p in paras if "基本支出2998.29万元，占本年支出82.58%" in p.text]
    assert len(hit) == 1 and hit[0].prov.render().startswith("段落")
    assert all(isinstance(b, (Paragraph, Table)) for b in corpus_doc.blocks)


def test_corpus_docx_appendix_spans(corpus_doc) -> None:
    t3, t4 = corpus_doc.tables()
    assert t3.title == "附件3 部门整体支出绩效评价基础数据表"
    assert t4.title == "附件4 部门整体支出绩效自评表"
    label = next(c for c in t4.cells if c.text == "年度预算申请（万元）")
    assert label.rowspan == 7 and label.col == 0
    assert sum(c.text == "年度预算申请（万元）" for c in t4.cells) == 1
    funds = next(row for row in t4.rows() if row and row[0].text == "年度资金总额")
    assert [c.text for c in funds] == ["年度资金总额", "2224.35", "3630.41", "3619.44", "10", "99.7%", "9.97"]
    first = next(c for c in t4.cells if c.text == "产出指标(50分)")
    second = next(c for c in t4.cells if c.text == "数量指标")
    assert (first.rowspan, second.rowspan) == (24, 14)
    unit_name = next(c for c in t3.cells if c.text == "北山镇人民政府")
    assert unit_name.colspan == t3.n_cols - 1


def test_high_ratio_document_part_refused(tmp_path: Path) -> None:
    """A document.xml that inflates past 10 MB at hundreds to one: refused without parsing."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    para = b"<w:p><w:r><w:t>2998.29</w:t></w:r></w:p>" * 1000
    bomb = tmp_path / "ratio.docx"
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open("word/document.xml", "w") as f:
            for _ in range(300):
                f.write(para)
    started = time.perf_counter()
    with pytest.raises(ReadError) as e:
        read_docx(bomb, "x")
    assert e.value.reason == "too_large" and "zip bomb" in e.value.message
    assert time.perf_counter() - started < 1


def test_tab_stops_and_fallback_copies_are_not_text(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("收入")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="left" w:pos="420"/></w:tabs>'))
    run = p.add_run()
    run._r.append(parse_xml(f"<w:tab {nsdecls('w')}/>"))
    p.add_run("100万元")
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (
        f'<w:r {nsdecls("w")} xmlns:mc="{mc}"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:t>框</w:t></mc:Choice>'
        "<mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:r>"
    )
    d.add_paragraph("文本")._p.append(parse_xml(box))
    doc = read_docx(save(d, tmp_path / "t.docx"), "t" * 64)
    assert [p.text for p in doc.paragraphs()] == ["收入\t100万元", "文本"]


def test_heading_styles_linked_to_a_multilevel_list(tmp_path: Path) -> None:
    """Chinese templates number 标题 1 / 标题 2 through the style: numPr in styles.xml, lvl/pStyle in numbering."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    absn = parse_xml(_NUMBERING.format(ns=nsdecls("w")))
    lvls = absn.findall(qn("w:lvl"))
    lvls[0].append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="Heading1"/>'))
    lvls[1].append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="Heading2"/>'))
    numbering.insert(0, absn)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="5"><w:abstractNumId w:val="90"/></w:num>'))
    for name in ("Heading 1", "Heading 2"):
        ppr = d.styles[name].element.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="5"/></w:numPr>'))
    d.add_heading("部门基本情况", level=1)
    d.add_heading("基本职能", level=2)
    d.add_heading("机构设置", level=2)
    d.add_paragraph("正文不编号。")
    d.add_heading("支出情况", level=1)
    d.add_heading("基本支出", level=2)
    doc = read_docx(save(d, tmp_path / "styles.docx"), "s" * 64)
    assert [(p.level, p.text) for p in doc.paragraphs()] == [
        (1, "一、部门基本情况"),
        (2, "（一）基本职能"),
        (2, "（二）机构设置"),
        (None, "正文不编号。"),
        (1, "二、支出情况"),
        (2, "（一）基本支出"),
    ]


def test_damaged_parts_give_read_errors_not_tracebacks(tmp_path: Path) -> None:
    """Truncated, bit-flipped or missing XML parts of the corpus .docx: a Document or a ReadError, nothing else."""
    import random

    rnd = random.Random(7)
    src = zipfile.ZipFile(CORPUS / "beishan-2023.docx")
    names = [i.filename for i in src.infolist()]
    outcomes = set()
    for k in range(24):
        name = rnd.choice([n for n in names if n.endswith(".xml")])
        data, mode = src.read(name), ("trunc", "flip", "drop")[k % 3]
        if mode == "trunc":
            data = data[: rnd.randrange(len(data))]
        elif mode == "flip":
            raw = bytearray(data)
            for _ in range(20):
                raw[rnd.randrange(len(raw))] = rnd.randrange(256)
            data = bytes(raw)
        p = tmp_path / f"{k}.docx"
        with zipfile.ZipFile(p, "w") as z:
            for n in names:
                if not (mode == "drop" and n == name):
                    z.writestr(n, data if n == name else src.read(n))
        try:
            read_docx(p, "x")
            outcomes.add("ok")
        except ReadError as e:
            outcomes.add(e.reason)
    assert "corrupt" in outcomes and outcomes <= {"ok", "corrupt"}
