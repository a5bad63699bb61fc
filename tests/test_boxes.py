"""Boxes of figures on the PDF page: characters keep their x positions through line grouping, so a claim's
provenance boxes the printed figure itself (the report draws these boxes on the page)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from extractors.claims import extract_claims
from extractors.model import Paragraph, Provenance, TextLine
from extractors.pdf_lines import char_edges, join_chars, join_texts, line_starts
from extractors.registry import file_sha256, read_document
from tests.conftest import realdoc


def _char(text: str, x0: float, width: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": 100.0, "bottom": 110.0}


def test_char_edges_follow_inserted_spaces_and_skip_overprinted_duplicates() -> None:
    chars = [_char("A", 0), _char("B", 40), _char("支", 60), _char("支", 60.5), _char("出", 70)]
    text = join_chars(chars)
    assert text == "A B支出"  # a space for the wide gap, the fake-bold duplicate dropped
    xs = char_edges(chars, text)
    pairs = [(xs[i], xs[i + 1]) for i in range(0, len(xs), 2)]
    assert pairs == [(0, 10), (10, 40), (40, 50), (60, 70), (70, 80)]


def test_char_edges_are_empty_when_the_text_does_not_come_from_the_chars() -> None:
    assert len(char_edges([_char("A", 0)], "Z")) == 0


def test_line_starts_agree_with_join_texts() -> None:
    parts = ["收入2995.", "39万元", "abc", "def", "。"]
    joined = join_texts(parts)
    starts = line_starts(parts)
    assert [joined[s : s + len(p)] for s, p in zip(starts, parts, strict=True)] == parts


def test_a_span_is_boxed_on_the_page_where_it_starts() -> None:
    from array import array

    para = Paragraph(
        text="甲乙丙丁",
        prov=Provenance("x", page=1),
        lines=[
            TextLine(0, 2, 1, (10, 700, 30, 712), array("f", [10, 20, 20, 30])),
            TextLine(2, 4, 2, (50, 80, 70, 92), array("f", [50, 60, 60, 70])),
        ],
    )
    assert para.span_box((1, 2)) == (1, (20, 700, 30, 712))
    assert para.span_box((1, 4)) == (1, (20, 700, 30, 712))  # the rest is on the next page
    assert para.locate(Provenance("x", page=1, span=(3, 4))).page == 2
    assert Paragraph("甲", Provenance("x")).span_box((0, 1)) is None  # .docx/.txt: no boxes


def test_a_claim_is_boxed_where_its_figure_is_printed() -> None:
    path = realdoc("财政局")
    doc = read_document(path, file_sha256(Path(path)), "pdf")
    claim = next(c for c in extract_claims(doc) if c.quantity.text == "0.3万元")
    assert claim.prov.page == 21 and claim.prov.bbox is not None
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[20]
        textpage = page.get_textpage()
        start, count = textpage.search("0.3万元").get_next()
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
        height = page.get_height()
    finally:
        pdf.close()
    printed = (
        min(b[0] for b in boxes),
        height - max(b[3] for b in boxes),
        max(b[2] for b in boxes),
        height - min(b[1] for b in boxes),
    )
    assert all(abs(a - b) < 3.0 for a, b in zip(claim.prov.bbox, printed, strict=True)), (claim.prov.bbox, printed)
