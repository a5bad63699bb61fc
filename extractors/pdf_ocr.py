"""Pages without a text layer (scanned PDFs, scanned pages inside text PDFs), read by OCR.

The optional extra `pip install ".[ocr]"` brings RapidOCR with its PP-OCR models inside the wheel
(ONNX Runtime on the CPU): nothing is downloaded at run time. A page that holds an image but no text is
rendered (OCR_DPI), each recognised character becomes a char with its box, and the ruling lines of the
page image (long thin runs of dark pixels, found with OpenCV, which RapidOCR brings) become the edges
the table finder reads, so the page goes through the same line and table logic as a text page. Every
block from such a page has `ocr` set in its provenance, and the document's note names the pages.
Without the extra, a scanned document fails with `needs_ocr` and a scanned page inside a text PDF is
reported; nothing is imported for a PDF that has a text layer.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from typing import Any

from extractors.model import Block, Document, Table
from extractors.pdf_fast import PageContent

OCR_DPI = int(os.environ.get("GOUJI_OCR_DPI", "200"))
IMAGE_SHARE = 0.3  # an image covering this share of the page makes an empty page a scanned one
MIN_SCORE = 0.5  # recognised text lines below this confidence are dropped
LINE_SHARE = 0.02  # a ruling line is at least this share of the page width or height long
INSTALL_HINT = 'pip install "gouji[ocr]" (or pip install ".[ocr]" in a clone)'
_ENGINE: dict[str, Any] = {}


def available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr", "onnxruntime", "cv2"))


@dataclass
class Scan:
    number: int  # 1-based page
    content: PageContent


def has_image(pdf: Any, number: int) -> bool:
    """Whether page `number` holds an image covering IMAGE_SHARE of it (a scan, not a blank page)."""
    import pypdfium2.raw as pdfium_c

    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        covered = 0.0
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            covered += max(0.0, right - left) * max(0.0, top - bottom)
        return covered >= IMAGE_SHARE * width * height
    finally:
        page.close()


def _engine() -> Any:
    if "ocr" not in _ENGINE:
        _one_malloc_arena()
        from rapidocr import RapidOCR  # imported only when a page needs it

        # one thread: a scan runs one worker per core already, and each ONNX Runtime thread adds memory
        params = {"Global.log_level": "error", "Global.return_word_box": True}
        params |= {
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        _ENGINE["ocr"] = RapidOCR(params=params)
    return _ENGINE["ocr"]


def _one_malloc_arena() -> None:
    """ONNX Runtime's threads each reserve a glibc malloc arena (64 MB of address space apiece): with one
    arena (and one thread), OCR fits a worker's address-space limit (--memory-mb 2048; 1.4 GB at its peak)."""
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-8, 1)  # M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def ocr_page(pdf: Any, number: int) -> PageContent:
    """The chars and ruling edges of a page image, in PDF points, top-down."""
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
        scale = OCR_DPI / 72
        image = page.render(scale=scale, grayscale=True).to_numpy()
    finally:
        page.close()
    if image.ndim == 3:
        image = image[:, :, 0]
    result = _engine()(image)
    chars: list[dict[str, Any]] = []
    for words, score in zip(result.word_results or (), result.scores or (), strict=False):
        if score < MIN_SCORE:
            continue
        for text, _conf, box in words:
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            for i, ch in enumerate(text):  # a "word" of several characters: split its box evenly
                x0 = min(xs) + (max(xs) - min(xs)) * i / len(text)
                x1 = min(xs) + (max(xs) - min(xs)) * (i + 1) / len(text)
                chars.append(
                    {"text": ch, "x0": x0 / scale, "x1": x1 / scale, "top": min(ys) / scale, "bottom": max(ys) / scale}
                )
    return PageContent(width, height, chars, ruling_edges(image, scale))


def ruling_edges(image: Any, scale: float) -> list[dict[str, Any]]:
    """Horizontal and vertical ruling lines of a page image as table-finder edges (PDF points)."""
    import cv2

    binary = cv2.adaptiveThreshold(image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    h, w = binary.shape
    edges: list[dict[str, Any]] = []
    for orientation, kernel in (("h", (max(10, int(w * LINE_SHARE)), 1)), ("v", (1, max(10, int(h * LINE_SHARE))))):
        mask = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            x, y, cw, ch = cv2.boundingRect(contour)
            x0, top, x1, bottom = x / scale, y / scale, (x + cw) / scale, (y + ch) / scale
            if orientation == "h":
                mid = (top + bottom) / 2
                edges.append(
                    {"x0": x0, "x1": x1, "top": mid, "bottom": mid, "width": x1 - x0, "height": 0.0, "orientation": "h"}
                )
            else:
                mid = (x0 + x1) / 2
                edges.append(
                    {"x0": mid, "x1": mid, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top}
                    | {"orientation": "v"}
                )
    return edges


def mark_ocr(doc: Document, pages: list[int]) -> None:
    """Every block (and so every cell, claim and fact) from an OCR'd page carries `ocr` in its provenance."""
    if not pages:
        return
    done = set(pages)
    doc.ocr_pages = sorted(done)
    doc.notes.append(f"read by OCR (RapidOCR, {OCR_DPI} dpi): page(s) {_ranges(doc.ocr_pages)}")

    def on_ocr_page(b: Block) -> bool:
        if isinstance(b, Table):
            return bool(done & set(b.pages or [b.prov.page or 0]) or any(c.page in done for c in b.cells))
        return b.prov.page in done

    for b in doc.blocks:
        if on_ocr_page(b):
            b.prov = b.prov.with_(ocr=True)


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(out)
