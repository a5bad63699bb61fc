"""Typesetting quirks of real reports: shifted digit glyphs, private-use decimal points, '.' as 。, numbers
wrapped inside a table cell. Unit tests on char dicts, plus the real reports that have them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import realdoc_wide

from extractors.clauses import sentences
from extractors.model import Document
from extractors.numbers import find_quantities
from extractors.pdf_lines import align_shifted_glyphs, cluster_chars, join_cell_lines, join_chars, join_texts
from extractors.pdf_reader import read_pdf


def _char(text: str, x0: float, top: float, size: float = 16.0) -> dict:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + size * (1.0 if text > "\u2e80" else 0.5),
        "top": top,
        "bottom": top + size,
    }


def _line_texts(chars: list[dict]) -> list[str]:
    return [join_chars(group) for group in cluster_chars(chars)]


def test_digits_with_a_shifted_origin_rejoin_their_line() -> None:
    # 预算收入2736亿元 / 完成预算: the digits' boxes sit 0.9 em below the ideographs they are printed between
    chars = [_char(ch, 100 + 16 * i, 100) for i, ch in enumerate("预算收入")]
    chars += [_char(d, 166 + 8 * i, 114.5) for i, d in enumerate("2736")]
    chars += [_char(ch, 200 + 16 * i, 100) for i, ch in enumerate("亿元")]
    chars += [_char(ch, 100 + 16 * i, 131) for i, ch in enumerate("完成预算")]
    assert "预算收入2736亿元" not in _line_texts(chars)  # by position alone the digits fall out of their line
    assert _line_texts(align_shifted_glyphs(chars)) == ["预算收入2736亿元", "完成预算"]


def test_a_line_opening_with_shifted_digits_takes_the_band_of_the_words_after_them() -> None:
    chars = [_char(ch, 100 + 16 * i, 100) for i, ch in enumerate("上一行文字")]
    chars += [_char(d, 100 + 8 * i, 145) for i, d in enumerate("2.3%")]
    chars += [_char(ch, 140 + 16 * i, 131) for i, ch in enumerate("非税收入")]
    assert _line_texts(align_shifted_glyphs(chars)) == ["上一行文字", "2.3%非税收入"]


def test_figures_far_right_of_a_label_keep_their_own_row() -> None:
    # a table row: the label and its figures stand far apart, so a figure lower down stays in its row
    chars = [_char(ch, 50 + 16 * i, 100) for i, ch in enumerate("合计")]
    chars += [_char(d, 300 + 8 * i, 112) for i, d in enumerate("12.5")]
    moved = align_shifted_glyphs(chars)
    assert [c["top"] for c in moved] == [c["top"] for c in chars]


def _run(text: str, x0: float, top: float, size: float) -> list[dict]:
    out: list[dict] = []
    for ch in text:
        out.append(_char(ch, x0, top, size))
        x0 = out[-1]["x1"]
    return out


def test_a_small_table_number_lends_no_digit_to_the_title_below_it() -> None:
    # guyuan: "表1-1" in 10 pt at the left, the title "2025年…" in 18 pt just below and right of it; in stream
    # order the title's first digit follows the label's, but it is no glyph of the label's line
    chars = _run("表1-1", 79, 82, 10) + _run("2025年全市收入执行表", 132, 97.5, 18)
    assert _line_texts(align_shifted_glyphs(chars)) == ["表1-1", "2025年全市收入执行表"]


def test_a_cell_line_in_another_type_size_is_set_apart() -> None:
    # a title printed inside the table's grid: 表16 (small) over 2026年…表（草案） (large) over 单位：万元 (small)
    lines = [
        _run("表16", 72, 82, 10),
        _run("2026年转移性支出预算表（草案）", 79, 97, 18),
        _run("单位：万元", 400, 120, 10),
    ]
    assert join_cell_lines(lines) == "表16 2026年转移性支出预算表（草案） 单位：万元"
    assert join_cell_lines([_run("99.", 300, 100, 10), _run("7%", 300, 112, 10)]) == "99.7%"  # a wrap still joins


def test_a_private_use_glyph_between_digits_is_a_decimal_point() -> None:
    found = find_quantities("一般公共预算收入２２２１\U001001b0７亿元,完成预算１０１\U001001b0１％")
    assert [(str(q.value), q.unit, q.decimals) for _, q in found] == [("2221.7", "亿元", 1), ("101.1", "%", 1)]
    assert [str(q.value) for _, q in find_quantities("收入2221 7亿元")] == ["7"]  # a space is no decimal point


def test_a_latin_full_stop_after_chinese_ends_the_sentence() -> None:
    text = "财政收入实现量增质优.深入挖掘资产３８１亿元.1.全市收入2.5亿元。其中...等"
    assert [text[a:b] for a, b in sentences(text)] == [
        "财政收入实现量增质优.",
        "深入挖掘资产３８１亿元.1.全市收入2.5亿元。",
        "其中...等",
    ]


def test_a_number_wrapped_over_two_lines_of_a_cell_is_one_number() -> None:
    assert join_texts(["99.", "7%"]) == "99.7%"
    assert join_texts(["1,234", ",567.00"]) == "1,234,567.00"
    assert join_texts(["Total", "income"]) == "Total income"


@cache
def _read(path: Path) -> Document:
    return read_pdf(path, "0" * 64)


def test_chongqing_figures_stand_in_their_sentences() -> None:
    doc = _read(realdoc_wide("chongqing"))
    texts = [p.text for p in doc.paragraphs()]
    assert "关于重庆市2025年预算执行情况和2026年预算草案的报告" in texts
    assert any("全市一般公共预算收入2736亿元,增长5.4%,完成预算的100.9%。其中,税收收入1556亿元" in t for t in texts)
    assert not any(t.strip(" —-") == "" for t in texts)


def test_tianjin_decimals_and_sentences() -> None:
    doc = _read(realdoc_wide("tianjin"))
    para = next(p.text for p in doc.paragraphs() if "预算总收入为" in p.text)
    values = [str(q.value) for _, q in find_quantities(para)]
    assert values[:3] == ["2221.7", "101.1", "4.1"]
    assert len(sentences(para)) >= 4
    # its page numbers (—１—, at 88 % of the page height) are running footers, not paragraphs
    assert not [p.text for p in doc.paragraphs() if p.text.startswith("—") and p.text.endswith("—")]


def test_a_unit_line_wrapped_onto_a_line_of_its_own_is_no_title() -> None:
    from extractors.pdf_lines import Line
    from extractors.pdf_tables import caption_for

    def line(text: str, top: float) -> Line:
        return Line(text=text, page=1, x0=50, top=top, x1=500, bottom=top + 10, size=10)

    above = [
        line("单位“三公”经费和机关运行经费预算表", 100),
        line("编制单位：上海市静安区临汾路街道社区事务受理服务中心 单位:万", 120),
        line("元", 132),
    ]
    title, unit, used = caption_for(above)
    assert (title, unit, len(used)) == ("单位“三公”经费和机关运行经费预算表", "万元", 3)
    title, unit, _ = caption_for([line("收入支出决算总表", 100), line("万元", 120)])
    assert (title, unit) == ("收入支出决算总表", "万元")  # a unit printed alone above the table
