"""OCR's figure accuracy: a text PDF read from its text layer against the same pages read by OCR.

    python benchmarks/bench_ocr.py [PDF …] [--dpi 150] [--pages N]

Each PDF's pages are rendered to grey images (--dpi, as a scanner would) and written into an image-only
PDF with no text layer; gouji reads that PDF by OCR (`pip install ".[ocr]"`) and the original from its
text layer. The figures are every number printed on a page (paragraphs and table cells, NFKC, thousands
separators dropped, a trailing % kept), compared page by page as multisets:
- recall: text-layer figures that OCR read identically, out of all text-layer figures;
- precision: OCR figures that the text layer also has, out of all OCR figures;
and the known errors and warnings the text layer gives that the OCR reading gives too (as warnings,
with the OCR note). Default PDFs: the seed (corpus/beishan-2023.pdf) and one real report.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.claims import extract_claims  # noqa: E402
from extractors.model import Document, Paragraph  # noqa: E402
from extractors.outline import build_outline  # noqa: E402
from extractors.pdf_reader import read_pdf  # noqa: E402
from extractors.tablefacts import extract_facts  # noqa: E402
from pipeline.checks import run_checks  # noqa: E402

DEFAULTS = [
    ROOT / "corpus" / "beishan-2023.pdf",
    ROOT.parent / "shared" / "realdocs" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
]
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?%?")


def figures_by_page(doc: Document) -> dict[int, Counter[str]]:
    out: dict[int, Counter[str]] = {}
    for b in doc.blocks:
        texts = (
            [(b.prov.page, b.text)] if isinstance(b, Paragraph) else [(c.page or b.prov.page, c.text) for c in b.cells]
        )
        for page, text in texts:
            found = _NUMBER.findall(unicodedata.normalize("NFKC", text))
            out.setdefault(page or 0, Counter()).update(x.replace(",", "") for x in found)
    return out


def known(doc: Document) -> set[tuple[str, str]]:
    found = run_checks(extract_claims(doc), extract_facts(doc), build_outline(doc), doc=doc)
    return {(f.rule, str(f.stated_value)) for f in found if f.severity in ("error", "warning")}


def image_only(pdf: Path, out: Path, dpi: int, pages: int | None) -> int:
    import pypdfium2 as pdfium

    images = []
    src = pdfium.PdfDocument(str(pdf))
    try:
        for i, page in enumerate(src):
            if pages is not None and i >= pages:
                break
            images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            page.close()
    finally:
        src.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return len(images)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path, default=DEFAULTS)
    ap.add_argument("--dpi", type=int, default=150, help="resolution of the simulated scan (150)")
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages of each PDF")
    args = ap.parse_args()
    total_ref = total_ocr = total_hit = 0
    for pdf in args.pdfs:
        with tempfile.TemporaryDirectory() as tmp:
            scan = Path(tmp) / "scan.pdf"
            n = image_only(pdf, scan, args.dpi, args.pages)
            started = time.perf_counter()
            ocr_doc = read_pdf(scan, "ocr")
            seconds = time.perf_counter() - started
        text_doc = read_pdf(pdf, "text")
        ref, got = figures_by_page(text_doc), figures_by_page(ocr_doc)
        hit = n_ref = n_got = 0
        misses: Counter[str] = Counter()
        for page in range(1, n + 1):
            r, g = ref.get(page, Counter()), got.get(page, Counter())
            hit += sum((r & g).values())
            n_ref += sum(r.values())
            n_got += sum(g.values())
            misses.update(r - g)
        total_ref, total_ocr, total_hit = total_ref + n_ref, total_ocr + n_got, total_hit + hit
        text_known = known(text_doc)
        ocr_known = known(ocr_doc)
        print(f"{pdf.name}: {n} pages at {args.dpi} dpi, OCR {seconds / n:.1f} s/page")
        print(
            f"  figures: recall {hit}/{n_ref} = {hit / max(n_ref, 1):.2%}, precision {hit}/{n_got} = {hit / max(n_got, 1):.2%}"
        )
        print(f"  errors/warnings of the text layer also found by OCR: {len(text_known & ocr_known)}/{len(text_known)}")
        if misses:
            print(f"  most missed: {', '.join(f'{k}×{v}' for k, v in misses.most_common(8))}")
    if len(args.pdfs) > 1:
        print(
            f"all: recall {total_hit}/{total_ref} = {total_hit / max(total_ref, 1):.2%}, "
            f"precision {total_hit}/{total_ocr} = {total_hit / max(total_ocr, 1):.2%}"
        )


if __name__ == "__main__":
    main()
