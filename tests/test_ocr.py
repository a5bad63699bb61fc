"""Scanned pages read by OCR (`pip install ".[ocr]"`): offline, marked `ocr` in provenance, and an error
that rests on an OCR'd figure reported as a warning with a note unless text-layer figures confirm it.
Without the extra these tests skip, saying so, except under CI (CI installs the extra: it must run them)."""

from __future__ import annotations

import os
import socket
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import pdf_ocr
from extractors.model import Provenance, ReadError
from extractors.registry import read_document
from pipeline.checks import OCR_NOTE, _ocr_caveat
from pipeline.findings import Finding
from tests.conftest import CORPUS, ROOT

SCAN = ROOT / "tests" / "data" / "formats" / "beishan-2023-scan.pdf"


def needs_ocr_extra() -> None:
    if pdf_ocr.available():
        return
    if os.environ.get("CI"):
        pytest.fail('the OCR extra is missing on CI: .ci/run must pip install ".[ocr]"')
    pytest.skip('the OCR extra is not installed (pip install ".[ocr]")')


def finding(value: str, *provs: Provenance, rule: str = "share.stated-vs-computed") -> Finding:
    return Finding(
        rule=rule,
        severity="error",
        prov=provs[0],
        subject="基本支出",
        stated_text="占本年支出82.58%",
        explanation="应为 82.84%",
        stated_value=Decimal(value),
        related=list(provs[1:]),
    )


def test_an_error_resting_on_ocr_figures_is_a_warning_with_a_note() -> None:
    text = Provenance("x", page=2, paragraph=9)
    scanned = Provenance("x", page=6, table=0, row=3, col=2, ocr=True)
    ocr_only = finding("82.58", scanned.with_(table=None, paragraph=3), scanned)
    mixed = finding("63.23", text, scanned)
    plain = finding("19.36", text, text.with_(paragraph=2))
    out = _ocr_caveat([ocr_only, mixed, plain])
    assert [f.severity for f in out] == ["warning", "warning", "error"]
    assert out[0].explanation.endswith(OCR_NOTE) and out[1].explanation.endswith(OCR_NOTE)
    assert OCR_NOTE not in out[2].explanation


def test_a_text_layer_printing_confirms_the_error() -> None:
    text = Provenance("x", page=2, paragraph=9)
    scanned = Provenance("x", page=6, paragraph=30, ocr=True)
    out = _ocr_caveat([finding("82.58", scanned, text), finding("82.58", text, text.with_(paragraph=1))])
    assert [f.severity for f in out] == ["error", "error"]


def test_without_the_extra_a_scan_needs_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(ReadError) as e:
        read_document(SCAN)
    assert e.value.reason == "needs_ocr" and 'pip install "gouji[ocr]"' in e.value.message


def mixed_pdf(tmp_path: Path) -> Path:
    """Page 1 of the seed with its text layer, then page 2 of its scan (no text layer)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for src, index in ((CORPUS / "beishan-2023.pdf", 0), (SCAN, 1)):
        doc = pdfium.PdfDocument(str(src))
        out.import_pages(doc, [index])
        doc.close()
    path = tmp_path / "mixed.pdf"
    out.save(str(path))
    out.close()
    return path


def test_a_scanned_page_inside_a_text_pdf_is_reported_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    doc = read_document(mixed_pdf(tmp_path))
    assert doc.paragraphs() and all(p.prov.page == 1 for p in doc.paragraphs())
    assert any("1 scanned page(s) not read" in p and "gouji[ocr]" in p for p in doc.problems)


def test_a_scanned_page_inside_a_text_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    needs_ocr_extra()
    doc = read_document(mixed_pdf(tmp_path))
    assert doc.ocr_pages == [2] and any("read by OCR" in n and "page(s) 2" in n for n in doc.notes)
    page2 = [p for p in doc.paragraphs() if p.prov.page == 2]
    assert page2 and all(p.prov.ocr for p in page2)
    assert not any(p.prov.ocr for p in doc.paragraphs() if p.prov.page == 1)
    text = " ".join(p.text for p in page2)
    assert "2998.29" in text and "82.58%" in text and "3619.44" in text


def test_ocr_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The models come inside the package: a fresh engine reads a page image with every connection refused."""
    needs_ocr_extra()
    import numpy as np
    import pypdfium2 as pdfium

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network used during OCR")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(pdf_ocr, "_ENGINE", {})
    pdf = pdfium.PdfDocument(str(SCAN))
    try:
        image = pdf[1].render(scale=200 / 72, grayscale=True).to_numpy()
    finally:
        pdf.close()
    line = image[760:840, :, 0] if image.ndim == 3 else image[760:840, :]  # 基本支出2998.29万元，占本年支出82.58%…
    result = pdf_ocr._engine()(np.ascontiguousarray(line))
    assert "82.58%" in "".join(result.txts or ())
