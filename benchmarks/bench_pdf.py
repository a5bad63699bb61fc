"""Milliseconds per page: gouji's PDF reader and whole pipeline against the extraction floors.

    python benchmarks/bench_pdf.py [FOLDER] [--repeat N]

Over every PDF in FOLDER (default ../shared/realdocs), in one run and interleaved per document so
machine load hits every contender alike, the best of N repeats of:
  pypdfium2   text of every page (the physical floor: C text extraction)
  pdfplumber  page.extract_text() + page.extract_tables() on every page (the floor of this design)
  read_pdf    extractors.pdf_reader.read_pdf (paragraphs, tables, stitching)
  read_pdf[plumber]  the same reader with every page read by pdfplumber (with --plumber-engine)
  pipeline    pipeline.analyze.analyze_file (read, claims, facts, outline, checks), when importable
Prints ms/page per document, the median over documents, and ratios against pdfplumber.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pdfium(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(doc)
    finally:
        doc.close()


def _plumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
        return len(pdf.pages)


def _reader(path: Path) -> int:
    from extractors.pdf_reader import read_pdf

    return read_pdf(path, "bench").pages or 0


def _reader_plumber(path: Path) -> int:
    import extractors.pdf_reader as reader

    saved, reader.ENGINE = reader.ENGINE, "pdfplumber"
    try:
        return reader.read_pdf(path, "bench").pages or 0
    finally:
        reader.ENGINE = saved


def _pipeline(path: Path) -> int:
    from pipeline.analyze import analyze_file

    return analyze_file(path).pages or 0


def _contenders(plumber_engine: bool) -> dict[str, Callable[[Path], int]]:
    out = {"pypdfium2": _pdfium, "pdfplumber": _plumber, "read_pdf": _reader}
    if plumber_engine:
        out["read_pdf[plumber]"] = _reader_plumber
    try:
        import pipeline.analyze  # noqa: F401
    except ImportError as e:  # the other modules may not exist yet
        print(f"(pipeline not measured: {e})", file=sys.stderr)
    else:
        out["pipeline"] = _pipeline
    return out


def _pad(name: str, width: int = 44) -> str:
    """Left-justify to a display width (CJK characters take two columns)."""
    out, used = "", 0
    for ch in name:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width - 2:
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


def best_ms_per_page(fn: Callable[[Path], int], path: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        pages = fn(path)
        best = min(best, (time.perf_counter() - started) * 1000 / max(pages, 1))
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "realdocs"))
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs per document and contender")
    ap.add_argument("--plumber-engine", action="store_true", help="also time read_pdf with every page via pdfplumber")
    args = ap.parse_args(argv)
    pdfs = sorted(Path(args.folder).glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {args.folder}", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    contenders = _contenders(args.plumber_engine)
    for fn in contenders.values():  # warm imports and caches outside the timing
        fn(pdfs[0])
    results: dict[str, list[float]] = {name: [] for name in contenders}
    header = f"{'document':<44}" + "".join(f"{name:>19}" for name in contenders)
    print("ms/page, best of", args.repeat)
    print(header)
    for path in pdfs:
        row = _pad(path.name)
        for name, fn in contenders.items():
            ms = best_ms_per_page(fn, path, args.repeat)
            results[name].append(ms)
            row += f"{ms:>19.1f}"
        print(row, flush=True)
    medians = {name: statistics.median(v) for name, v in results.items()}
    print(f"{'median':<44}" + "".join(f"{medians[n]:>19.1f}" for n in contenders))
    floor = medians["pdfplumber"]
    print(f"{'ratio to pdfplumber (median)':<44}" + "".join(f"{medians[n] / floor:>19.2f}" for n in contenders))
    return 0


if __name__ == "__main__":
    sys.exit(main())
