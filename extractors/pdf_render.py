"""Bands of PDF pages as small grayscale JPEGs: the report shows the printed page beside each finding.

A band is the full width of a page between two heights (in the reader's top-down points, relative to
the crop box, as pypdfium2 renders it). Boxes are drawn by the report over the image, not into it, so
the image can be grayscale and compressed hard while the boxes stay sharp.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

SCALE = 1.6  # ≈ 115 dpi: 10.5-point body text is about 17 px high, readable without zooming
MAX_WIDTH_PX = 1300  # landscape pages are scaled down to this width
JPEG_QUALITY = 55  # grayscale text at this quality: about 20 KB for a quarter of a portrait page


@dataclass(frozen=True)
class Band:
    page: int  # 1-based
    top: float  # points from the top of the page
    bottom: float


@dataclass
class Crop:
    band: Band
    top: float  # points: the band within the page
    bottom: float
    page_width: float  # points: the image spans the page's whole width
    width: int  # pixels
    height: int
    jpeg: bytes


def render_bands(path: Path, bands: list[Band]) -> dict[Band, Crop]:
    """Each band rendered once; a page that cannot be rendered leaves its bands out."""
    pdf = pdfium.PdfDocument(str(path))
    out: dict[Band, Crop] = {}
    try:
        by_page: dict[int, list[Band]] = {}
        for b in bands:
            by_page.setdefault(b.page, []).append(b)
        for number, wanted in sorted(by_page.items()):
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                scale = min(SCALE, MAX_WIDTH_PX / max(width, 1.0))
                for b in wanted:
                    top, bottom = max(0.0, b.top), min(height, b.bottom)
                    if bottom - top < 1:
                        continue
                    image = page.render(scale=scale, crop=(0, height - bottom, 0, top), grayscale=True).to_pil()
                    buf = io.BytesIO()
                    image.convert("L").save(buf, "JPEG", quality=JPEG_QUALITY)  # optimize=True: -12 % bytes, +30 % time
                    out[b] = Crop(b, top, bottom, width, image.width, image.height, buf.getvalue())
            except pdfium.PdfiumError:
                continue
            finally:
                page.close()
    finally:
        pdf.close()
    return out
