"""Regenerate corpus/beishan-2023.{txt,docx,pdf} from the seed report.

    python scripts/make_corpus.py [--seed PATH] [--no-pdf]

- .txt: the seed text, byte for byte.
- .docx: python-docx; Title and Heading 1/2 for the narrative's sections, body paragraphs, and the
  two appendix tables as real Word tables with the merged cells their text layout implies (an empty
  label cell under a label continues it downwards: 年度预算申请（万元）, 绩效指标, 一级/二级指标 …; a
  row's last cell spans the remaining grid columns). Core properties and zip timestamps are fixed, so
  the file is byte-identical on every run.
- .pdf: that .docx printed by LibreOffice headless (needs soffice and fonts-noto-cjk; tests do not).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document as new_docx  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from docx.table import _Cell  # noqa: E402

from extractors.model import Paragraph, Table  # noqa: E402
from extractors.txt_reader import parse_text  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "000_3ecd34c07709391b.txt"
STEM = "beishan-2023"
FIXED_TIME = datetime(2024, 5, 28, 9, 0, 0)
SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"

_H1 = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+、\s)")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）")
_CAPTION = re.compile(r"^附件\d")

# grid columns per appendix and column widths (cm)
WIDTHS = {
    "附件3": [4.4, 2.3, 2.3, 2.3, 2.0, 2.0, 2.1],
    "附件4": [1.2, 3.3, 2.2, 3.0, 2.0, 2.0, 1.3, 1.3, 1.1],
}
# rows whose cells are laid out explicitly: (table, first cell text) → [(grid column, colspan), ...]
EXPLICIT = {
    ("附件4", "年度总体目标"): [(0, 1), (1, 5), (6, 3)],
    ("附件4", ""): [(0, 1), (1, 5), (6, 3)],  # the row under 年度总体目标 (its label cell continues)
    ("附件4", "总分"): [(0, 6), (6, 1), (7, 1), (8, 1)],
}


def _set_fonts(style, name: str, size: float | None = None) -> None:
    style.font.name = name
    if size:
        style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attr), None)


def _layout(name: str, texts: list[str], n_cols: int, prev_first: str) -> list[tuple[int, int, str]]:
    """(grid column, colspan, text) for one row: cells keep their text column; the last spans to the end."""
    key = (name, texts[0] if texts else "")
    if key in EXPLICIT and (key[1] or prev_first == "年度总体目标"):
        spans = EXPLICIT[key]
        padded = texts + [""] * (len(spans) - len(texts))
        return [(c, s, t) for (c, s), t in zip(spans, padded, strict=True)]
    out = [(c, 1, t) for c, t in enumerate(texts)]
    if out:
        c, _, t = out[-1]
        out[-1] = (c, n_cols - c, t)
    return out


def _add_table(wdoc, name: str, table: Table) -> None:
    widths = WIDTHS[name]
    n_cols = len(widths)
    rows = [[c.text for c in row] for row in table.rows()]
    layouts: list[list[tuple[int, int, str]]] = []
    prev_first = ""
    for texts in rows:
        layouts.append(_layout(name, texts, n_cols, prev_first))
        prev_first = texts[0] if texts else ""

    wt = wdoc.add_table(rows=len(rows), cols=n_cols)
    wt.style = "Table Grid"
    wt.autofit = False
    # the unmerged grid, taken once: Table.cell() rescans the whole table on every call
    grid = [[_Cell(tc, wt) for tc in tr.tc_lst] for tr in wt._tbl.tr_lst]
    for c, w in enumerate(widths):
        wt.columns[c].width = Cm(w)  # w:gridCol, which LibreOffice follows
        for row in grid:
            row[c].width = Cm(w)
    # anchor (row, col) → True when the cell continues the label above it (vertical merge)
    merged_down: dict[tuple[int, int], bool] = {}
    for r, layout in enumerate(layouts):
        last_filled = max((i for i, (_, _, t) in enumerate(layout) if t), default=-1)
        for i, (c, span, text) in enumerate(layout):
            above = _anchor_above(layouts, r, c, span)
            continues = (
                not text
                and i < last_filled
                and above is not None
                and (layouts[r - 1][above][2] or merged_down.get((r - 1, c), False))
                and not _looks_number(layouts[r - 1][above][2])
            )
            merged_down[(r, c)] = continues
    for r, layout in enumerate(layouts):
        for c, _, text in layout:
            if text:
                run = grid[r][c].paragraphs[0].add_run(text)
                run.font.size = Pt(8.5)
    for r, layout in enumerate(layouts):  # horizontal spans first: they remove the covered w:tc elements
        for c, span, _ in layout:
            if span > 1:
                grid[r][c].merge(grid[r][c + span - 1])
    for (r, c), down in merged_down.items():  # then each vertical run once, top to bottom
        if down and not merged_down.get((r + 1, c), False):
            top = r
            while merged_down.get((top, c), False):
                top -= 1
            grid[top][c].merge(grid[r][c])


def _anchor_above(layouts: list[list[tuple[int, int, str]]], r: int, c: int, span: int) -> int | None:
    if r == 0:
        return None
    for i, (c2, s2, _) in enumerate(layouts[r - 1]):
        if c2 == c and s2 == span:
            return i
    return None


def _looks_number(text: str) -> bool:
    return bool(re.match(r"^[\s　]*[-≥≤]?\d", text))


def build_docx(seed_text: str) -> bytes:
    doc = parse_text(seed_text)
    wdoc = new_docx()
    section = wdoc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(2.0)
    _set_fonts(wdoc.styles["Normal"], SERIF, 10.5)
    for style_name in ("Title", "Heading 1", "Heading 2"):
        _set_fonts(wdoc.styles[style_name], SANS)

    blocks = doc.blocks
    first_table = next(i for i, b in enumerate(blocks) if isinstance(b, Table))
    seen_title = False
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            name = "附件3" if (block.title or "").startswith("附件3") else "附件4"
            _add_table(wdoc, name, block)
            continue
        assert isinstance(block, Paragraph)
        text = block.text
        if _CAPTION.match(text):
            wdoc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            wdoc.add_paragraph(text)
        elif not seen_title:
            wdoc.add_paragraph(text, style="Title")
            seen_title = True
        elif i < first_table and _H1.match(text) and len(text) < 40:
            wdoc.add_heading(text, level=1)
        elif i < first_table and _H2.match(text) and len(text) < 40:
            wdoc.add_heading(text, level=2)
        else:
            p = wdoc.add_paragraph(text)
            if text in ("北山镇人民政府", "2024年5月28日"):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    props = wdoc.core_properties
    props.author = props.last_modified_by = "gouji corpus"
    props.title = "部门整体支出绩效自评报告（北山镇人民政府 2023）"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    buf = io.BytesIO()
    wdoc.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build_pdf(docx_path: Path, pdf_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) not found; install it or run with --no-pdf")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*cmd, "--outdir", tmp, str(docx_path)], check=True, capture_output=True, timeout=300)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()
    pdf_path.write_bytes(_fixed_pdf(data, hashlib.md5(docx_path.read_bytes()).hexdigest().upper()))
    _check_pdf_text(pdf_path)


def _fixed_pdf(data: bytes, file_id: str) -> bytes:
    """Pin LibreOffice's clock-dependent bytes (CreationDate, /ID, /DocChecksum) to values of the same length, so
    offsets in the xref table stay valid and the same .docx always prints to the same .pdf."""
    stamp = FIXED_TIME.strftime("D:%Y%m%d%H%M%S").encode()
    data = re.sub(rb"D:\d{14}", stamp, data)
    fid = file_id.encode()
    pattern = rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}>"
    data = re.sub(pattern, lambda m: m.group(1) + fid + m.group(2) + fid + b">", data)
    return re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + fid, data)


def _check_pdf_text(pdf_path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    if "(cid:" in text:
        raise SystemExit(f"{pdf_path}: CJK text came out as (cid:N) glyph ids; check the fonts")
    for needle in ("基本支出2998.29万元", "部门整体支出绩效自评表", "3619.44"):
        if needle not in text.replace(" ", "").replace("\n", ""):
            raise SystemExit(f"{pdf_path}: expected text {needle!r} not found")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--out", type=Path, default=ROOT / "corpus")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice step")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    raw = args.seed.read_bytes()
    (args.out / f"{STEM}.txt").write_bytes(raw)
    docx_path = args.out / f"{STEM}.docx"
    docx_path.write_bytes(build_docx(raw.decode("utf-8-sig")))
    if not args.no_pdf:
        build_pdf(docx_path, args.out / f"{STEM}.pdf")
    print(f"wrote {STEM}.txt, {STEM}.docx{'' if args.no_pdf else ', ' + STEM + '.pdf'} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
