"""Regenerate tests/data/formats/: the seed report in the formats archives hold.

    python scripts/make_formats.py [--out tests/data/formats]

Made from the committed corpus/beishan-2023.docx and .pdf (so it needs neither the seed nor the
network), with LibreOffice headless (soffice) for the legacy formats:
- beishan-2023.doc   Word 97–2003, saved by LibreOffice from the .docx by way of .odt (its direct
                     .docx → .doc export flattens the 自评表 into one paragraph);
- beishan-2023.wps   the same bytes under WPS's suffix (most .wps files are Word 97 files);
- beishan-2023.rtf   Rich Text Format, by LibreOffice;
- beishan-2023.html  LibreOffice's HTML of the .docx inside a government-site page (a navigation bar,
                     a breadcrumb, a "related links" box and a footer, which are not the report),
                     declared and encoded GB2312/GBK;
- beishan-2023.md    Markdown as MinerU writes it: # headings, paragraphs, tables as HTML with spans;
- beishan-2023.xlsx  the two appendix tables as a workbook (openpyxl): a 目录 sheet, one sheet per
                     table with a merged title row and a 单位 line, numbers as numbers with number
                     formats giving their printed decimals, merged cells, a hidden helper column and a
                     print area; the narrative is not in a workbook;
- beishan-2023.xls   that workbook saved as Excel 97–2003 by LibreOffice;
- beishan-2023-scan.pdf  the PDF's pages rendered to images (150 dpi, grey) and nothing else: no text layer;
- 附件-北山镇.zip     the .doc, the .xlsx and the .html under Chinese member names stored in GBK
                     (no UTF-8 flag, as Windows' zip tools write them).
The generated files are committed, so tests need neither LibreOffice nor this script.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.docx_reader import read_docx  # noqa: E402
from extractors.model import Document, Paragraph, Table  # noqa: E402

STEM = "beishan-2023"
ZIP_NAME = "附件-北山镇.zip"
ZIP_MEMBERS = {  # member name in the zip → file in the folder
    "附件1-北山镇2023年部门整体支出绩效自评报告.doc": f"{STEM}.doc",
    "附件2-绩效评价基础数据表和自评表.xlsx": f"{STEM}.xlsx",
    "附件3-网页版.html": f"{STEM}.html",
}
SCAN_DPI = 150
FIXED_DATE = (2024, 5, 28, 9, 0, 0)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
    return found


def lo_convert(src: Path, filter_: str, out_dir: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="gouji-make-") as tmp:
        profile = Path(tmp) / "profile"
        cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
        subprocess.run(cmd + ["--convert-to", filter_, "--outdir", str(out_dir), str(src)], check=True, timeout=300)
    ext = filter_.split(":")[0]
    return out_dir / f"{src.stem}.{ext}"


# ---------------------------------------------------------------- html


NAV = """<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/czyjs/">财政预决算</a> |
<a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 部门整体支出绩效自评</div>
"""
RELATED = """<div class="related-links"><h3>相关链接</h3><ul><li><a href="/a/1">北山镇2022年部门决算公开</a></li>
<li><a href="/a/2">北山镇2024年部门预算公开</a></li><li><a href="/a/3">隆回县2023年预算执行情况</a></li></ul></div>
"""
FOOTER = """<div class="footer">主办单位：隆回县北山镇人民政府 版权所有 ICP备案号：湘ICP备00000000号
<br/>地址：北山镇政府大院 联系电话：0739-0000000 网站标识码：4305240000</div>
"""


def make_html(docx: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = lo_convert(docx, "html:XHTML Writer File:UTF8", Path(tmp)).read_text("utf-8")
    body = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    content = body.group(1) if body else html
    content = re.sub(r"<img[^>]*>", "", content)
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html><head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />\n'
        "<title>北山镇2023年度部门整体支出绩效自评报告_隆回县人民政府</title>\n"
        "<script>var _hmt = _hmt || []; document.write('统计代码');</script>\n"
        "<style>.nav{font-size:14px} td{border:1px solid #000}</style>\n</head>\n<body>\n"
        f'{NAV}<div class="article-content"><div class="TRS_Editor">\n{content}\n</div></div>\n{RELATED}{FOOTER}'
        "</body></html>\n"
    )
    out.write_bytes(page.encode("gbk", errors="xmlcharrefreplace"))


# ---------------------------------------------------------------- markdown


def _html_table(t: Table) -> str:
    rows = []
    for row in t.rows():
        cells = []
        for c in row:
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{c.colspan}"' if c.colspan > 1 else ""
            )
            cells.append(f"<td{span}>{c.text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def make_md(doc: Document, out: Path) -> None:
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            prefix = "#" * b.level + " " if b.level else ""
            lines += [prefix + b.text, ""]
        elif isinstance(b, Table):
            lines += [_html_table(b), ""]
    out.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------- workbook

_PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.(\d+))?(%?)$")


def _put(ws, row: int, col: int, text: str) -> None:
    cell = ws.cell(row=row, column=col)
    m = _PLAIN_NUMBER.match(text.strip())
    if not m:
        cell.value = text
        return
    decimals = len(m.group(1) or "")
    value = float(text.strip().rstrip("%"))
    zeros = "0" + ("." + "0" * decimals if decimals else "")
    if m.group(2):
        cell.value, cell.number_format = value / 100, zeros + "%"
    else:
        cell.value, cell.number_format = value, zeros


def make_xlsx(doc: Document, out: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    toc = wb.active
    toc.title = "目录"
    toc["A1"] = "目  录"
    for i, t in enumerate(doc.tables()):
        toc.cell(row=i + 2, column=1, value=f"{t.title}……………{i + 1}")
    for i, t in enumerate(doc.tables()):
        label, _, title = (t.title or "").partition(" ")
        ws = wb.create_sheet(label or f"表{i + 1}")
        width = t.n_cols + 1  # column A is a hidden helper column (row numbers), not printed
        ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=width)
        ws.cell(row=1, column=2, value=title)
        ws.cell(row=2, column=2, value=label)
        ws.cell(row=2, column=width, value="单位：万元")
        top = 3
        for c in t.cells:
            _put(ws, top + c.row, 2 + c.col, c.text)
            if c.rowspan > 1 or c.colspan > 1:
                ws.merge_cells(
                    start_row=top + c.row,
                    start_column=2 + c.col,
                    end_row=top + c.row + c.rowspan - 1,
                    end_column=2 + c.col + c.colspan - 1,
                )
        for r in range(t.n_rows):
            ws.cell(row=top + r, column=1, value=r + 1)
        ws.column_dimensions["A"].hidden = True
        ws.print_area = f"B1:{get_column_letter(width)}{top + t.n_rows - 1}"
    wb.properties.created = wb.properties.modified = datetime(*FIXED_DATE)
    wb.save(out)
    _fix_zip_times(out)


def _fix_zip_times(path: Path) -> None:
    """Same bytes on every run: fixed member timestamps."""
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            new.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(new, src.read(info))
    path.write_bytes(data.getvalue())


# ---------------------------------------------------------------- scan and zip


def make_scan(pdf: Path, out: Path) -> None:
    import pypdfium2 as pdfium

    images = []
    src = pdfium.PdfDocument(str(pdf))
    try:
        for page in src:
            images.append(page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L"))
            page.close()
    finally:
        src.close()
    images[0].save(out, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:])


class _GbkInfo(zipfile.ZipInfo):
    """A member whose name is stored in GBK without the UTF-8 flag, as Windows' zip tools write it."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own name
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def make_zip(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, file in ZIP_MEMBERS.items():
            info = _GbkInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, (folder / file).read_bytes())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "formats")
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    docx = ROOT / "corpus" / f"{STEM}.docx"
    doc = read_docx(docx, "")
    with tempfile.TemporaryDirectory() as tmp:
        odt = lo_convert(docx, "odt", Path(tmp))
        shutil.copyfile(lo_convert(odt, "doc:MS Word 97", Path(tmp)), out / f"{STEM}.doc")
    shutil.copyfile(out / f"{STEM}.doc", out / f"{STEM}.wps")
    lo_convert(docx, "rtf:Rich Text Format", out)
    make_html(docx, out / f"{STEM}.html")
    make_md(doc, out / f"{STEM}.md")
    make_xlsx(doc, out / f"{STEM}.xlsx")
    lo_convert(out / f"{STEM}.xlsx", "xls:MS Excel 97", out)
    make_scan(ROOT / "corpus" / f"{STEM}.pdf", out / f"{STEM}-scan.pdf")
    make_zip(out, out / ZIP_NAME)
    for p in sorted(out.iterdir()):
        print(f"{p.stat().st_size:>9}  {p.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
