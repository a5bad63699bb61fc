"""PDF reader on small PDFs written by the tests themselves (no LibreOffice, no real reports)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from conftest import CORPUS

from extractors.model import Document, ReadError, Table
from extractors.pdf_reader import read_pdf

# ---------------------------------------------------------------- a tiny PDF writer


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# a composite font with no ToUnicode map and no embedded glyphs: its text is (cid:N) garbage
UNMAPPED_CID_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [<< /Type /Font "
    b"/Subtype /CIDFontType2 /BaseFont /Foo /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /Foo /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
    b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>] >>"
)


def make_pdf(
    streams: list[str], size: tuple[float, float] = (595, 842), rotate: int = 0, font: bytes = HELVETICA
) -> bytes:
    """A valid PDF, one page per content stream, `font` (Helvetica by default) as /F1."""
    n = len(streams)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        font,
    ]
    for i, s in enumerate(streams):
        data = s.encode("latin-1")
        rot = f" /Rotate {rotate}" if rotate else ""
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}]{rot} "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objs.append(f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text(x: float, y_top: float, s: str, size: float = 10, page_h: float = 842, rise: float = 0) -> str:
    """Text whose glyph top is at `y_top` (pdfplumber's coordinates, from the page top)."""
    return f"BT /F1 {size} Tf {rise} Ts {x} {page_h - y_top - size} Td ({s}) Tj ET"


def ruled_table(
    x0: float, top: float, widths: list[float], n_rows: int, row_h: float, page_h: float = 842
) -> list[str]:
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top + i * row_h for i in range(n_rows + 1)]
    ops = ["0.5 w"]
    for y in ys:
        ops.append(f"{xs[0]} {page_h - y} m {xs[-1]} {page_h - y} l S")
    for x in xs:
        ops.append(f"{x} {page_h - ys[0]} m {x} {page_h - ys[-1]} l S")
    return ops


def write(tmp_path: Path, data: bytes, name: str = "t.pdf") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def read(path: Path) -> Document:
    return read_pdf(path, "0" * 64)


def rows(t: Table) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


# ---------------------------------------------------------------- tests


def table_page() -> str:
    ops = [text(72, 80, "Table 1 Revenue")]
    ops += ruled_table(72, 100, [150, 100, 100], 4, 20)
    ops += [text(76, 105, "Item"), text(226, 105, "Budget"), text(326, 105, "Actual")]
    ops += [text(76, 125, "Salaries"), text(226, 125, "120.50"), text(326, 125, "118.25")]
    ops += [text(76, 145, "Rent"), text(226, 145, "30.00"), text(326, 145, "31.75")]
    ops += [text(76, 165, "Total"), text(226, 165, "150.50"), text(326, 165, "150.00")]
    ops += [text(72, 220, "After the table the budget was 150.50 in total.")]
    return "\n".join(ops)


def test_ruled_table_cells_title_and_no_duplicate_text(tmp_path: Path) -> None:
    doc = read(write(tmp_path, make_pdf([table_page()])))
    (table,) = doc.tables()
    assert (table.n_rows, table.n_cols) == (4, 3)
    assert rows(table) == [
        ["Item", "Budget", "Actual"],
        ["Salaries", "120.50", "118.25"],
        ["Rent", "30.00", "31.75"],
        ["Total", "150.50", "150.00"],
    ]
    assert table.header_rows == 1
    assert table.title == "Table 1 Revenue"
    assert table.pages == [1] and all(c.page == 1 and c.bbox for c in table.cells)
    paragraph_text = " ".join(p.text for p in doc.paragraphs())
    for word in ("Salaries", "118.25", "31.75"):
        assert word not in paragraph_text
    assert "After the table the budget was 150.50 in total." in paragraph_text
    # reading order: caption lines, the table, then the sentence after it
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds.index("Table") < len(kinds) - 1 and kinds[-1] == "Paragraph"
    assert [b.prov.block for b in doc.blocks] == list(range(len(doc.blocks)))


def test_merged_cells_are_one_logical_cell(tmp_path: Path) -> None:
    # a 3×3 grid whose first row is one cell spanning all columns, and a cell spanning two rows in column 0
    h = 842
    ops = ["0.5 w"]
    xs = [72, 172, 272, 372]
    ops.append(f"72 {h - 100} m 372 {h - 100} l S")  # top
    ops.append(f"72 {h - 120} m 372 {h - 120} l S")
    ops.append(f"172 {h - 140} m 372 {h - 140} l S")  # no line under col 0 between rows 1 and 2
    ops.append(f"72 {h - 160} m 372 {h - 160} l S")
    ops.append(f"72 {h - 100} m 72 {h - 160} l S")
    ops.append(f"372 {h - 100} m 372 {h - 160} l S")
    for x in xs[1:3]:
        ops.append(f"{x} {h - 120} m {x} {h - 160} l S")  # inner verticals only below the first row
    ops += [text(150, 104, "Heading"), text(76, 130, "Group"), text(176, 124, "2023"), text(276, 124, "2024")]
    ops += [text(176, 144, "1.5"), text(276, 144, "2.5")]
    doc = read(write(tmp_path, make_pdf(["\n".join(ops)])))
    (table,) = doc.tables()
    assert (table.n_rows, table.n_cols) == (3, 3)
    by_text = {c.text: c for c in table.cells}
    assert (by_text["Heading"].row, by_text["Heading"].col, by_text["Heading"].colspan) == (0, 0, 3)
    assert (by_text["Group"].row, by_text["Group"].rowspan, by_text["Group"].colspan) == (1, 2, 1)
    assert [c.text for c in table.cells].count("Heading") == 1
    cover = table.covering()
    assert cover[2][0] is by_text["Group"] and table.grid()[2][0] is None


def test_wrapped_lines_form_one_paragraph_and_indent_starts_another(tmp_path: Path) -> None:
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    ops = [
        text(92, 100, words),  # indented first line
        text(72, 114, words),  # continuation at the margin, full width
        text(72, 128, "nu xi omicron."),  # short last line
        text(92, 142, "Second paragraph starts indented."),
        text(72, 190, "1. A numbered heading"),
        text(72, 204, words),
    ]
    doc = read(write(tmp_path, make_pdf(["\n".join(ops)])))
    texts = [p.text for p in doc.paragraphs()]
    assert texts[0] == f"{words} {words} nu xi omicron."
    assert texts[1] == "Second paragraph starts indented."
    assert texts[2] == "1. A numbered heading"
    assert all(p.prov.page == 1 and p.prov.bbox for p in doc.paragraphs())


def test_shifted_baseline_digits_stay_on_their_line(tmp_path: Path) -> None:
    # the digits are printed 4.5pt lower than the words around them (as in a real 部门决算 PDF)
    ops = [
        text(92, 100, "Total income"),
        text(160, 100, "2995.39", rise=-4.5),
        text(205, 100, "thousand yuan."),
        text(92, 114, "Next line of the same page."),
    ]
    doc = read(write(tmp_path, make_pdf(["\n".join(ops)])))
    first = doc.paragraphs()[0].text
    assert "Total income 2995.39 thousand yuan." in first


def test_landscape_and_rotated_pages(tmp_path: Path) -> None:
    h = 595
    ops = [text(72, 60, "Wide table", page_h=h)]
    ops += ruled_table(72, 100, [200, 150, 150, 150], 2, 20, page_h=h)
    ops += [text(76, 105, "Name", page_h=h), text(276, 105, "A", page_h=h), text(426, 105, "B", page_h=h)]
    ops += [text(76, 125, "Row", page_h=h), text(276, 125, "1.00", page_h=h), text(426, 125, "2.00", page_h=h)]
    wide = read(write(tmp_path, make_pdf(["\n".join(ops)], size=(842, 595)), "wide.pdf"))
    assert rows(wide.tables()[0])[1] == ["Row", "1.00", "2.00", ""]
    rotated = read(write(tmp_path, make_pdf([table_page()], rotate=90), "rot.pdf"))
    (t,) = rotated.tables()
    assert ["Salaries", "120.50", "118.25"] in rows(t)


def test_table_cut_by_page_break_is_stitched(tmp_path: Path) -> None:
    p1 = [text(72, 60, "Long table"), *ruled_table(72, 700, [150, 100], 4, 20)]
    p1 += [text(76, 705, "Item"), text(226, 705, "Amount")]
    p1 += [text(76, 725 + 20 * i, f"row{i}") for i in range(3)] + [text(226, 725, "1.00")]
    p2 = [*ruled_table(72, 72, [150, 100], 2, 20), text(76, 77, "row3"), text(226, 77, "4.00")]
    p2 += [text(76, 97, "Total"), text(226, 97, "5.00"), text(72, 200, "Text after.")]
    doc = read(write(tmp_path, make_pdf(["\n".join(p1), "\n".join(p2)])))
    (table,) = doc.tables()
    assert table.pages == [1, 2]
    assert table.n_rows == 6 and table.n_cols == 2
    assert rows(table)[-1] == ["Total", "5.00"]
    assert {c.page for c in table.cells if c.row >= 4} == {2}
    assert {c.page for c in table.cells if c.row < 4} == {1}
    assert table.title == "Long table"


def test_encrypted_with_password_is_refused_and_empty_password_reads(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    plain = make_pdf([table_page()])

    def encrypted(user: str) -> bytes:
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(plain)))
        writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="AES-128")
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()

    with pytest.raises(ReadError) as e:
        read(write(tmp_path, encrypted("secret"), "locked.pdf"))
    assert e.value.reason == "encrypted" and "locked.pdf" in e.value.message
    doc = read(write(tmp_path, encrypted(""), "open.pdf"))
    assert doc.tables() and "Salaries" in [c.text for c in doc.tables()[0].cells]


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b[:-200],
        lambda b: b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n",
        lambda b: b"%PDF-1.4\n%%EOF\n",
    ],
    ids=["half", "tail-cut", "random-bytes", "empty-body"],
)
def test_broken_pdfs_are_corrupt(tmp_path: Path, damage) -> None:
    with pytest.raises(ReadError) as e:
        read(write(tmp_path, damage(make_pdf([table_page(), table_page()])), "bad.pdf"))
    assert e.value.reason == "corrupt"
    assert "bad.pdf" in e.value.message and "\n" not in e.value.message


def test_no_text_at_all_needs_ocr(tmp_path: Path) -> None:
    drawing = "\n".join(ruled_table(72, 100, [100, 100], 2, 20))
    with pytest.raises(ReadError) as e:
        read(write(tmp_path, make_pdf([drawing, "0 0 m 10 10 l S"])))
    assert e.value.reason == "needs_ocr"


def test_dense_grid_does_not_hang(tmp_path: Path) -> None:
    n, step = 200, 3.8
    ops = ["0.2 w"]
    for i in range(n + 1):
        ops.append(f"20 {20 + i * step} m {20 + n * step} {20 + i * step} l S")
        ops.append(f"{20 + i * step} 20 m {20 + i * step} {20 + n * step} l S")
    ops.append(text(30, 20, "A page with a pathological grid."))
    started = time.perf_counter()
    doc = read(write(tmp_path, make_pdf(["\n".join(ops)])))
    assert time.perf_counter() - started < 10
    assert any("too dense" in p for p in doc.problems)
    assert "pathological grid" in doc.paragraphs()[0].text


def test_page_numbers_are_not_paragraphs(tmp_path: Path) -> None:
    long = "a line of body text that runs to the right margin of the page, and on"
    pages = [
        "\n".join([text(92, 100, long), text(72, 114, long), text(72, 128, f"end {i}."), text(290, 800, str(i))])
        for i in (1, 2)
    ]
    doc = read(write(tmp_path, make_pdf(pages)))
    assert [p.text for p in doc.paragraphs()] == [f"{long.strip()} {long.strip()} end {i}." for i in (1, 2)]
    assert [p.prov.page for p in doc.paragraphs()] == [1, 2]


def test_seed_pdf_appendix_tables() -> None:
    seed = CORPUS / "beishan-2023.pdf"
    assert seed.is_file(), "corpus/beishan-2023.pdf is committed; regenerate it with scripts/make_corpus.py"
    doc = read(seed)
    all_rows = [[c.text.strip() for c in r] for t in doc.tables() for r in t.rows()]
    assert ["三公经费：", "9.84", "11", "9.73"] in all_rows
    assert any(r[-6:] == ["2224.35", "3630.41", "3619.44", "10", "99.7%", "9.97"] for r in all_rows)
    (self_eval,) = [t for t in doc.tables() if t.title and "自评表" in t.title]
    assert len(self_eval.pages) == 2, "附件4 runs over a page break and is one table"
    assert any("基本支出2998.29万元，占本年支出82.58%" in p.text for p in doc.paragraphs())


def _many_pages(tmp_path: Path, n: int) -> tuple[Document, float]:
    pages = [text(72, 100, f"1. Page {i} heading") + "\n" + text(72, 140, f"Body of page {i}.") for i in range(n)]
    path = write(tmp_path, make_pdf(pages), f"pages{n}.pdf")
    started = time.perf_counter()
    doc = read(path)
    return doc, time.perf_counter() - started


def test_many_pages_read_in_linear_time(tmp_path: Path) -> None:
    doc, seconds = _many_pages(tmp_path, 200)
    assert doc.pages == 200 and len(doc.paragraphs()) == 400
    assert doc.paragraphs()[-1].prov.page == 200 and doc.paragraphs()[-1].text == "Body of page 199."
    assert seconds < 30


@pytest.mark.slow
def test_two_thousand_pages(tmp_path: Path) -> None:
    doc, seconds = _many_pages(tmp_path, 2000)
    assert doc.pages == 2000 and len(doc.paragraphs()) == 4000
    assert seconds < 120


def test_unit_printed_inside_the_first_table_row() -> None:
    # the tiny writer has no CJK font, so the helper is tested on a hand-built draft
    from extractors.model import Cell
    from extractors.pdf_reader import _unit_in_first_rows
    from extractors.pdf_tables import TableDraft

    cells = [Cell("单位：万元", 0, 0, colspan=2), Cell("项目", 1, 0), Cell("金额", 1, 1), Cell("合计", 2, 0)]
    draft = TableDraft(page=1, bbox=(0, 0, 1, 1), cells=cells, n_rows=3, n_cols=2, col_edges=[0, 0.5, 1])
    assert _unit_in_first_rows(draft) == "万元"
    draft.cells = cells[1:]
    assert _unit_in_first_rows(draft) is None


def test_running_header_does_not_block_stitching(tmp_path: Path) -> None:
    header = text(72, 30, "Department report 2024 - running header")
    p1 = [header, text(72, 60, "Long table"), *ruled_table(72, 700, [150, 100], 3, 20)]
    p1 += [text(76, 705, "Item"), text(226, 705, "Amount"), text(76, 725, "a"), text(226, 725, "1.00")]
    p2 = [header, *ruled_table(72, 72, [150, 100], 2, 20), text(76, 77, "b"), text(226, 77, "2.00")]
    p3 = [header, text(72, 100, "Closing text.")]
    doc = read(write(tmp_path, make_pdf(["\n".join(p1), "\n".join(p2), "\n".join(p3)])))
    (table,) = doc.tables()
    assert table.pages == [1, 2]
    assert not any("running header" in p.text for p in doc.paragraphs())


def test_unmapped_glyphs_are_reported_above_a_threshold() -> None:
    from extractors.pdf_reader import _report_unmapped

    problems: list[str] = []
    _report_unmapped(3, 1, 900, problems)  # one stray symbol
    assert problems == []
    _report_unmapped(4, 120, 900, problems)
    assert len(problems) == 1 and problems[0].startswith("p.4: 120 of 900") and "(cid:N)" in problems[0]


def test_cid_garbage_is_reported(tmp_path: Path) -> None:
    stream = "BT /F1 12 Tf 72 700 Td <00410042004300440045004600470048> Tj ET"
    doc = read(write(tmp_path, make_pdf([stream], font=UNMAPPED_CID_FONT)))
    assert any("no Unicode mapping" in p for p in doc.problems)
