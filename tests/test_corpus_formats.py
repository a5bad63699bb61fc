"""The seed report read three ways (.txt, .docx, .pdf in corpus/) gives the same content."""

from __future__ import annotations

import importlib.util
import re

import pytest
from conftest import CORPUS, ROOT, SEED_TXT

from extractors.docx_reader import read_docx
from extractors.model import Document, Table
from extractors.numbers import parse_quantity
from extractors.registry import read_document
from extractors.tablefacts import extract_facts

FORMATS = ("txt", "docx", "pdf")
_LABEL_NUMBER = re.compile(r"^(.*[^：:])[：:]+([\d.]+)$")


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {fmt: read_document(CORPUS / f"beishan-2023.{fmt}") for fmt in FORMATS}


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def appendix(doc: Document, name: str) -> Table:
    """The table whose title (or the paragraphs just before it) names the appendix."""
    hits = [t for t in doc.tables() if name in (t.title or "")]
    assert len(hits) == 1, [t.title for t in doc.tables()]
    return hits[0]


def label_values(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    """Each row with a number: (its row label, the numeric cell texts), the way a person reads it."""
    out = []
    for row in table.rows():
        label, values = "", []
        for cell in row:
            text = norm(cell.text)
            m = _LABEL_NUMBER.match(text)
            if not text:
                continue
            if parse_quantity(text) is not None:
                values.append(text)
            elif m:
                out.append((m.group(1), (m.group(2),)))
            elif not values:
                label = text
        if values:
            out.append((label, tuple(values)))
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_paragraph_with_location(docs, fmt) -> None:
    doc = docs[fmt]
    hits = [p for p in doc.paragraphs() if "基本支出2998.29万元，占本年支出82.58%" in p.text]
    assert len(hits) == 1
    p = hits[0]
    assert p.text.startswith("基本支出2998.29万元") and "公用经费702.68万元" in p.text
    assert p.prov.render().split()[-1] == "段落23"
    assert (p.prov.page is not None) == (fmt == "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_attachment3_row(docs, fmt) -> None:
    t3 = appendix(docs[fmt], "部门整体支出绩效评价基础数据表")
    rows = [[norm(c.text) for c in row if norm(c.text)] for row in t3.rows()]
    assert ["三公经费：", "9.84", "11", "9.73"] in rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_attachment4_funds_row(docs, fmt) -> None:
    t4 = appendix(docs[fmt], "部门整体支出绩效自评表")
    rows = [row for row in t4.rows() if any(norm(c.text) == "年度资金总额" for c in row)]
    assert len(rows) == 1
    filled = [norm(c.text) for c in rows[0] if norm(c.text)]
    assert filled == ["年度资金总额", "2224.35", "3630.41", "3619.44", "10", "99.7%", "9.97"]
    label = next(c for c in t4.cells if norm(c.text) == "年度预算申请（万元）")
    r = rows[0][0].row
    assert label.row < r  # the spanned label is not repeated as data in this row
    if fmt != "txt":  # plain text has no spans; the others know the label covers the row
        assert t4.covering()[r][label.col] is label


def test_appendix_numbers_same_in_all_formats(docs) -> None:
    for name in ("部门整体支出绩效评价基础数据表", "部门整体支出绩效自评表"):
        got = {fmt: label_values(appendix(docs[fmt], name)) for fmt in FORMATS}
        assert len(got["txt"]) >= 16
        assert got["docx"] == got["txt"], name
        assert got["pdf"] == got["txt"], name


def test_table_facts_same_in_all_formats(docs) -> None:
    got = {}
    for fmt in FORMATS:
        facts = extract_facts(docs[fmt])
        got[fmt] = [(tuple(map(norm, f.row_labels)), tuple(map(norm, f.column_labels)), f.quantity) for f in facts]
    assert len(got["txt"]) == 45 + 162  # 附件3 + 附件4 (156 plain numbers, 6 label：number cells)
    assert got["docx"] == got["txt"]
    assert got["pdf"] == got["txt"]


def test_corpus_docx_is_what_the_script_makes(tmp_path) -> None:
    """scripts/make_corpus.py regenerates the committed .docx (compared as read, not byte for byte, so a
    different python-docx template cannot fail it). The PDF step needs LibreOffice and is not run here."""
    if not SEED_TXT.is_file():
        pytest.skip(f"seed not present at {SEED_TXT}")
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--no-pdf", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "beishan-2023.txt").read_bytes() == (CORPUS / "beishan-2023.txt").read_bytes()
    made = read_docx(tmp_path / "beishan-2023.docx", "x").to_dict()["blocks"]
    committed = read_docx(CORPUS / "beishan-2023.docx", "x").to_dict()["blocks"]
    assert made == committed
