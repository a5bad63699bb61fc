"""Hostile input files, made on the fly in a temporary folder (never committed), and a fake
analysis function whose behaviour a test controls through the file's content.

`make_hostile(folder, big=False)` writes ≥20 files a batch scan must survive; `big=True` makes the
2,000-page PDF and a larger zip bomb (slow tests only).
"""

from __future__ import annotations

import io
import os
import random
import signal
import time
import zipfile
from decimal import Decimal
from pathlib import Path

# ------------------------------------------------------------------------------------ PDF


def pdf_bytes(pages: list[bytes], size: tuple[int, int] = (595, 842), share_content: bool = False) -> bytes:
    """A minimal valid PDF: one content stream per page (or one shared by all), Helvetica text."""
    objs: list[bytes] = []  # object n is objs[n-1]
    n_pages = len(pages)
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(b"")  # pages tree, filled below
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    contents = pages[:1] if share_content else pages
    first_content = len(objs) + 1
    for c in contents:
        objs.append(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
    kids = []
    for i in range(n_pages):
        content = first_content if share_content else first_content + i
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (size[0], size[1], content)
        )
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n_pages
    return _serialise(objs)


def _serialise(objs: list[bytes], root: int = 1) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref))
    return out.getvalue()


def text_page(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 50 790 Td"]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")
        ops.append(b"(" + safe + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def simple_pdf(n_pages: int = 1) -> bytes:
    lines = ["Budget report", "Total expenditure 3619.44 basic 2998.29 share 82.84%"]
    return pdf_bytes([text_page([*lines, f"page {i + 1}"]) for i in range(n_pages)])


def many_pages_pdf(n_pages: int) -> bytes:
    """n pages sharing one content stream: a tiny file that takes a reader long to walk."""
    page = text_page(["Budget 2998.29 of 3619.44 is 82.84%"] * 40)
    return pdf_bytes([page] * n_pages, share_content=True)


def grid_pdf(n: int = 200, cell: float = 5.0) -> bytes:
    """One page with an n×n ruled grid and a number in every cell of the first column."""
    side = int(n * cell + 40)
    ops = [b"0.2 w"]
    for i in range(n + 1):
        p = 20 + i * cell
        ops.append(b"%.1f 20 m %.1f %.1f l S" % (p, p, 20 + n * cell))
        ops.append(b"20 %.1f m %.1f %.1f l S" % (p, 20 + n * cell, p))
    ops.append(b"BT /F1 3 Tf")
    for r in range(n):
        ops.append(b"1 0 0 1 21 %.1f Tm (%d) Tj" % (21 + r * cell, r))
    ops.append(b"ET")
    return pdf_bytes([b"\n".join(ops)], size=(side, side))


def image_only_pdf() -> bytes:
    """Pages with drawing but no text at all (a scan would look like this to a text extractor)."""
    page = b"0.5 g 50 50 495 742 re f 0 g 100 100 200 200 re S"
    return pdf_bytes([page, page])


def cyclic_pdf() -> bytes:
    """A page tree whose Kids point back to itself."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    return _serialise(objs)


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(simple_pdf(2))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# ------------------------------------------------------------------------------------ .docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_body(body_xml: str | None = None, document_xml: bytes | None = None) -> bytes:
    """A real .docx (python-docx's template) whose word/document.xml is replaced."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    if document_xml is None:
        document_xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
            f"<w:body>{body_xml}</w:body></w:document>"
        ).encode()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = document_xml if item.filename == "word/document.xml" else src.read(item.filename)
            z.writestr(item.filename, data)
    return out.getvalue()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def nested_tables_docx(depth: int) -> bytes:
    inner = _para("基本支出2998.29万元")
    for level in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{_para(str(level))}{inner}</w:tc><w:tc>{_para('9.84')}</w:tc></w:tr></w:tbl><w:p/>"
    return docx_with_body(inner)


def billion_laughs_docx() -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    xml = (
        f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{"".join(ents)}]>\n<w:document xmlns:w="{W_NS}">'
        f"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx_with_body(document_xml=xml.encode())


def write_zip_bomb_docx(path: Path, megabytes: int) -> None:
    """A .docx whose document.xml inflates to `megabytes` MB of paragraphs (a few hundred KB on disk)."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    chunk = (_para("2998.29万元") * 4000).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                z.writestr(item.filename, src.read(item.filename))
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for _ in range(megabytes * 1024 * 1024 // len(chunk) + 1):
                f.write(chunk)
            f.write(b"</w:body></w:document>")


def zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return out.getvalue()


# ------------------------------------------------------------------------------------ the set

HOSTILE_NAMES = 24  # how many files make_hostile writes (big or not)


def make_hostile(folder: Path, big: bool = False, corpus_pdf: Path | None = None) -> list[Path]:
    """Write the hostile files into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(1234)
    good_pdf = corpus_pdf.read_bytes() if corpus_pdf and corpus_pdf.is_file() else simple_pdf(3)
    files: dict[str, bytes | None] = {
        "zero.pdf": b"",
        "zero.docx": b"",
        "zero.txt": b"",
        "truncated.pdf": good_pdf[: len(good_pdf) // 2],
        "random.pdf": bytes(rnd.getrandbits(8) for _ in range(20000)),
        "header-only.pdf": b"%PDF-1.7\n%%EOF\n",
        "not-a-zip.docx": b"\x00\x01binary\xff" + bytes(rnd.getrandbits(8) for _ in range(5000)),
        "truncated-zip.docx": docx_with_body(_para("x"))[:300],
        "zip-without-document.docx": zip_without_document(),
        "malformed-xml.docx": docx_with_body(document_xml=b"<w:document><w:body><w:p>unclosed"),
        "billion-laughs.docx": billion_laughs_docx(),
        "zip-bomb.docx": None,  # streamed below
        "encrypted-password.pdf": encrypted_pdf("secret"),
        "encrypted-empty-password.pdf": encrypted_pdf(""),
        "grid-200x200.pdf": grid_pdf(200),
        "nested-tables-40.docx": nested_tables_docx(40),
        "nested-tables-300.docx": nested_tables_docx(300),
        "image-only.pdf": image_only_pdf(),
        "cyclic-pages.pdf": cyclic_pdf(),
        "pages-2000.pdf" if big else "pages-200.pdf": many_pages_pdf(2000 if big else 200),
        "random.txt": bytes(rnd.getrandbits(8) for _ in range(20000)),
        "gbk.txt": "一、部门基本情况\n本年支出合计3619.44万元，其中基本支出2998.29万元，占82.84%。\n".encode("gb18030"),
        "long-line.txt": ("收入2998.29万元，占82.84%；" * 40000).encode(),
        "huge-number.txt": ("支出" + "9" * 5000 + "万元，占" + "1" * 3000 + "%。\n").encode(),
    }
    paths = []
    for name, data in files.items():
        p = folder / name
        if data is None:
            write_zip_bomb_docx(p, 400 if big else 60)
        else:
            p.write_bytes(data)
        paths.append(p)
    assert len(paths) == HOSTILE_NAMES
    return paths


# ------------------------------------------------------------------------------------ fake analysis


def fake_analyze(path: str, sha256: str | None = None):  # noqa: ANN201 - returns DocumentResult
    """Stands in for pipeline.analyze.analyze_file; the file's lines say what to do:

    `F|rule|severity|stated|expected|stated text|paragraph` a finding; `C|subject|value|unit` a claim;
    `SLEEP s`, `EXIT code`, `KILL`, `RAISE`, `MEMORY mb` misbehave; `PARTIAL reason`; `FAIL reason`.
    """
    from extractors.model import Claim, Provenance, Quantity
    from pipeline.analyze import DocumentResult
    from pipeline.findings import Finding

    started = time.perf_counter()
    text = Path(path).read_text("utf-8", errors="replace")
    result = DocumentResult(path=str(path), sha256=sha256 or "", format="txt")
    for i, line in enumerate(text.splitlines()):
        cmd, _, arg = line.partition(" ")
        if cmd == "SLEEP":
            time.sleep(float(arg))
        elif cmd == "EXIT":
            os._exit(int(arg))
        elif cmd == "KILL":
            os.kill(os.getpid(), signal.SIGKILL)
        elif cmd == "RAISE":
            raise ValueError("fake analysis failed on purpose")
        elif cmd == "MEMORY":
            hog = bytearray(int(arg) * 1024 * 1024)  # noqa: F841
        elif cmd == "PARTIAL":
            result.status, result.reason = "partial", arg
        elif cmd == "FAIL":
            result.status, result.reason = "failed", arg
        elif line.startswith("F|"):
            _, rule, severity, stated, expected, stated_text, para = line.split("|")
            prov = Provenance(sha256=result.sha256, paragraph=int(para), block=int(para), span=(0, 4))
            result.findings.append(
                Finding(
                    rule=rule,
                    severity=severity,
                    prov=prov,
                    subject="基本支出",
                    stated_text=stated_text,
                    explanation=f"基本支出占比应为 {expected}%，报告写 {stated}%",
                    stated_value=Decimal(stated) if stated else None,
                    expected_value=Decimal(expected) if expected else None,
                    unit="%",
                    related=[Provenance(sha256=result.sha256, table=1, row=4, col=2)],
                )
            )
        elif line.startswith("C|"):
            _, subject, value, unit = line.split("|")
            q = Quantity(Decimal(value), unit, Decimal(value) * 10000, "元", "money", 2, value + unit)
            prov = Provenance(sha256=result.sha256, paragraph=i, block=i, span=(0, len(value)))
            result.claims.append(Claim(subject=subject, quantity=q, sentence=line, prov=prov))
    result.seconds = time.perf_counter() - started
    return result
