"""Web pages, web archives and Markdown: encodings, spans, the report without the site around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_reader import decode_html, html_document
from extractors.md_reader import markdown_document
from extractors.registry import read_document, sniff

PAGE = """<html><head><meta charset="{charset}"><title>标题</title><script>var x = "首页脚本";</script>
<style>p {{ color: red }}</style></head><body>
<div id="topnav"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">财政信息</a></div>
<div class="content"><h2>一、收支情况</h2>
<p>本年支出合计3619.44万元，其中基本支出2998.29万元，
占本年
支出82.84%。</p>
<table><tr><td rowspan="2">项目</td><td colspan="2">金额</td></tr><tr><td>预算</td><td>决算</td></tr>
<tr><td>基本支出</td><td>3000.00</td><td>2998.29</td></tr></table></div>
<div class="footer">版权所有 北山镇人民政府 <a href="/map">网站地图</a></div></body></html>"""


def test_declared_gbk_page(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(charset="gb2312").encode("gbk"))
    assert sniff(path) == "html"
    doc = read_document(path)
    texts = [p.text for p in doc.paragraphs()]
    assert texts == ["一、收支情况", "本年支出合计3619.44万元，其中基本支出2998.29万元，占本年支出82.84%。"]
    assert doc.paragraphs()[0].level == 2
    t = doc.tables()[0]
    assert [(c.text, c.rowspan, c.colspan) for c in t.rows()[0]] == [("项目", 2, 1), ("金额", 1, 2)]
    assert [c.text for c in t.rows()[2]] == ["基本支出", "3000.00", "2998.29"]


@pytest.mark.parametrize(("declared", "encoding"), [("utf-8", "gb18030"), ("", "gb18030"), ("", "utf-8")])
def test_encoding_sniffed_when_missing_or_wrong(declared: str, encoding: str) -> None:
    raw = PAGE.format(charset=declared).encode(encoding)
    assert "本年支出合计" in decode_html(raw)


def test_script_style_navigation_and_footer_are_not_the_report() -> None:
    doc = html_document(PAGE.format(charset="utf-8"), "p", "x", "html")
    text = " ".join(p.text for p in doc.paragraphs())
    for word in ("首页", "政务公开", "版权所有", "网站地图", "color", "标题"):
        assert word not in text


def test_layout_tables_are_walked_through() -> None:
    long_text = "本年支出合计3619.44万元。" * 30
    page = f"""<html><body><table><tr><td><a href="/">首页</a></td></tr><tr><td><p>{long_text}</p>
    <table><tr><td>项目</td><td>金额</td></tr><tr><td>基本支出</td><td>2998.29</td></tr></table></td></tr></table></body></html>"""
    doc = html_document(page, "p", "x", "html")
    assert doc.paragraphs()[0].text == long_text.strip()
    assert len(doc.tables()) == 1 and doc.tables()[0].n_cols == 2


def test_web_archive(tmp_path: Path) -> None:
    html = PAGE.format(charset="gb2312").encode("gbk")
    import base64

    body = base64.encodebytes(html).decode("ascii")
    mht = (
        "From: <Saved by Blink>\r\nSubject: page\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{body}\r\n------B--\r\n"
    )
    path = tmp_path / "page.mht"
    path.write_bytes(mht.encode("ascii"))
    assert sniff(path) == "mht"
    doc = read_document(path)
    assert doc.format == "mht" and "2998.29" in doc.paragraphs()[1].text


MARKDOWN = """# 部门整体支出绩效自评报告

## 一、收支情况

本年支出合计3619.44万元，其中基本支出2998.29万元，
占本年支出82.84%。![图](images/a.jpg)

| 项目 | 预算 | 决算 |
| --- | ---: | ---: |
| 基本支出 | 3000.00 | **2998.29** |

<table><tr><td rowspan="2">指标</td><td>分值</td></tr><tr><td>10</td></tr></table>
"""


def test_markdown_as_converters_write_it(tmp_path: Path) -> None:
    doc = markdown_document(MARKDOWN, "m.md", "x")
    paras = doc.paragraphs()
    assert [(p.text, p.level) for p in paras[:2]] == [("部门整体支出绩效自评报告", 1), ("一、收支情况", 2)]
    assert paras[2].text == "本年支出合计3619.44万元，其中基本支出2998.29万元，占本年支出82.84%。"
    pipe, html = doc.tables()
    assert [c.text for c in pipe.rows()[1]] == ["基本支出", "3000.00", "2998.29"]
    assert (html.rows()[0][0].text, html.rows()[0][0].rowspan) == ("指标", 2)
    path = tmp_path / "report.txt"
    path.write_text(MARKDOWN, encoding="utf-8")
    assert sniff(path) == "md"  # pipe-table rulers and # headings, whatever the suffix
