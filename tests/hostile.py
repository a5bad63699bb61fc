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
import stat
import time
import zipfile
from dataclasses import dataclass
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


def hostile_expected(big: bool = False) -> dict[str, Expect]:
    """What each file of make_hostile must get (identical empty files: the first analysed, the others
    'same content as' it)."""
    read = ("ok", "partial")
    return {
        "zero.pdf": Expect("failed", "corrupt: empty file"),
        "zero.docx": Expect("failed", "corrupt: empty file"),
        "zero.txt": Expect("failed", "corrupt: empty file"),
        "truncated.pdf": Expect("failed", "corrupt"),
        "random.pdf": Expect("failed", "corrupt: the name says .pdf"),
        "header-only.pdf": Expect("failed", "corrupt"),
        "not-a-zip.docx": Expect("failed", "corrupt: the name says .docx"),
        "truncated-zip.docx": Expect("failed", "corrupt: broken zip container"),
        "zip-without-document.docx": Expect("skipped", "archive: "),  # a zip: its member is a document
        "hello.txt": Expect(read),  # zip-without-document.docx!/hello.txt
        "malformed-xml.docx": Expect("failed", "corrupt"),
        "billion-laughs.docx": Expect("failed", "corrupt: word/document.xml declares a DOCTYPE"),
        "zip-bomb.docx": Expect("failed", "too_large"),
        "encrypted-password.pdf": Expect("failed", "encrypted"),
        "encrypted-empty-password.pdf": Expect(read),
        "grid-200x200.pdf": Expect("partial", "p.1: ruled grid too dense", slow=True),
        "nested-tables-40.docx": Expect("partial", "tables nested deeper than 20 levels skipped"),
        "nested-tables-300.docx": Expect("failed", "corrupt: the XML is nested more than 256 levels deep"),
        "image-only.pdf": Expect("failed", "needs_ocr"),
        "cyclic-pages.pdf": Expect("failed", "corrupt"),
        ("pages-2000.pdf" if big else "pages-200.pdf"): Expect(read, slow=True),
        "random.txt": Expect("failed", "corrupt: the name says .txt"),
        "gbk.txt": Expect("ok"),
        "long-line.txt": Expect(read, slow=True),
        "huge-number.txt": Expect(read),
    }


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


# ------------------------------------------------------------------------------------ names, formats, links


@dataclass(frozen=True)
class Expect:
    """What documents.csv must say about one hostile case: its status (one of several when the
    outcome may legitimately vary) and how its reason starts ("" when it need not have one); `slow`
    cases may also end by the time limit on a busy machine."""

    status: str | tuple[str, ...]
    reason: str = ""
    slow: bool = False

    def matches(self, status: str, reason: str) -> bool:
        if self.slow and status == "failed" and reason.startswith("timeout: "):
            return True
        ok = status in (self.status if isinstance(self.status, tuple) else (self.status,))
        return ok and reason.startswith(self.reason)


OLE2_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
REPORT_TEXT = "一、部门基本情况\n本年支出合计3619.44万元，其中基本支出2998.29万元，占本年支出82.58%。\n"
READ = ("ok", "partial")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def make_more_hostile(folder: Path, corpus: Path) -> dict[str, Expect]:
    """Hostile names, formats gouji does not read, text encodings, odd PDFs and links, written into
    `folder`; returns what each must get, keyed by its path relative to `folder` as the outputs show it
    (see pipeline.inputs.readable). Cheap to analyse: the fast suite scans them all at once."""
    from pipeline.inputs import readable

    folder.mkdir(parents=True, exist_ok=True)
    report = REPORT_TEXT.encode()
    seed_docx = (corpus / "beishan-2023.docx").read_bytes()
    seed_pdf = (corpus / "beishan-2023.pdf").read_bytes()
    files: dict[str | bytes, tuple[bytes, Expect]] = {
        # names: any bytes a file system allows
        "部门决算.txt".encode("gbk"): (report, Expect(READ)),
        b"\xff\xfe\x80report.txt": (report, Expect(READ)),
        "line\nbreak.txt": (report, Expect(READ)),
        "tab\tand\rreturn.txt": (report, Expect(READ)),
        "=cmd|' /C calc'!A0.txt": (report, Expect(READ)),
        "-rf.txt": (report, Expect(READ)),
        "预" * 83 + ".txt": (report, Expect(READ)),  # 253 bytes, near the 255-byte limit
        "报告\u202etxt.exe.txt": (report, Expect(READ)),  # a right-to-left override
        "📊 2023 报告.txt": (report, Expect(READ)),
        'a,"quoted";name.txt': (report, Expect(READ)),
        "   .txt": (report, Expect(READ)),
        "back\\slash.txt": (report, Expect(READ)),
        "UPPER.TXT": (report, Expect(READ)),
        "é-nfc.txt": (report, Expect(READ)),
        "e\u0301-nfd.txt": (report, Expect(READ)),
        # formats gouji does not read: a row each, naming the format; broken ones of formats it reads
        "部门决算.doc": (OLE2_HEAD, Expect("failed", "corrupt: broken Office 97–2003 file")),
        "附表.xlsx": (_zip({"xl/workbook.xml": b"<workbook/>"}), Expect("failed", "corrupt: not a readable workbook")),
        "图纸.dwg": (b"AC1027" + bytes(200), Expect("skipped", "unsupported: a .dwg file")),
        "设计.psd": (b"8BPS" + bytes(200), Expect("skipped", "unsupported: a .psd file")),
        "公开.html": (b"<!DOCTYPE html><html>2998.29</html>", Expect(READ)),
        "scan.jpg": (b"\xff\xd8\xff\xe0" + bytes(200), Expect("skipped", "unsupported: a JPEG image")),
        "scan.png": (b"\x89PNG\r\n\x1a\n" + bytes(200), Expect("skipped", "unsupported: a PNG image")),
        "bundle.zip": (_zip({"附件2.txt": report}), Expect("skipped", "archive: its 1 member(s)")),
        "bundle.rar": (b"Rar!\x1a\x07\x00" + bytes(100), Expect("skipped", "unsupported: a RAR archive")),
        "table.csv": (b"a,b\n1,2\n", Expect("skipped", "unsupported: a .csv file")),
        "README": (b"just text\n", Expect("skipped", "unsupported: a file without a known suffix")),
        "findings.csv": (b"finding_id\nF1\n", Expect("skipped", "unsupported: a .csv file")),
        # content decides, not the name
        "really-a-docx.bin": (seed_docx, Expect("ok")),
        "really-a-pdf.txt": (seed_pdf, Expect("ok")),
        "docx-named.pdf": (seed_docx, Expect("ok")),
        "jpeg-named.pdf": (b"\xff\xd8\xff\xe0" + bytes(200), Expect("skipped", "unsupported: a JPEG image")),
        "text-named.docx": (report, Expect(READ)),
        # text encodings and odd text
        "utf16-bom.txt": (REPORT_TEXT.encode("utf-16"), Expect(READ)),
        "utf16be-bom.txt": (b"\xfe\xff" + REPORT_TEXT.encode("utf-16-be"), Expect(READ)),
        "utf16-no-bom.txt": (REPORT_TEXT.encode("utf-16-le"), Expect("skipped", "unsupported: UTF-16 text without")),
        "utf32.txt": (REPORT_TEXT.encode("utf-32"), Expect(READ)),
        "nul-bytes.txt": (report.replace("。".encode(), b"\x00"), Expect("failed", "corrupt: the name says .txt")),
        "bom-only.txt": (b"\xef\xbb\xbf", Expect("ok")),
        "newlines-only.txt": (b"\n" * 5000, Expect("ok")),
        "control-chars.txt": (bytes(range(1, 32)) + report, Expect(READ)),
        "gb18030-4byte.txt": ("𠀀𠀁 支出2998.29万元\n".encode("gb18030"), Expect(READ)),
        "many-lines.txt": (b"\xe6\x94\xaf\xe5\x87\xba1.5\xe4\xb8\x87\xe5\x85\x83\n" * 1000, Expect(READ)),
        # odd PDFs and Word files
        "zero-pages.pdf": (
            _serialise([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]),
            Expect("failed", "corrupt: the PDF has no pages"),
        ),
        "percent-pdf-only.pdf": (b"%PDF-", Expect("failed", "corrupt")),
        "junk-before-header.pdf": (b"\x00" * 100 + simple_pdf(1), Expect(READ)),
        "deep-xml.docx": (
            docx_with_body("<w:tbl><w:tr><w:tc>" * 300 + _para("x") + "</w:tc></w:tr></w:tbl>" * 300),
            Expect("failed", "corrupt: the XML is nested more than 256 levels deep"),
        ),
        "empty-zip.docx": (_zip({}), Expect("skipped", "unsupported: an empty zip archive")),
        "not-word.docx": (_zip({"a.txt": b"x"}), Expect("skipped", "archive: its 1 member(s)")),
        # ignored, with a row
        ".hidden.txt": (report, Expect("skipped", "ignored: a hidden file")),
        "~$部门决算.docx": (b"\x00" * 162, Expect("skipped", "ignored: an Office lock file")),
        ".git/config": (b"[core]\n", Expect("skipped", "ignored: a hidden folder")),  # the row is the folder's
        "x.pdf/inside.txt": (report, Expect(READ)),  # a folder with a report's name is walked
    }
    expected: dict[str, Expect] = {}
    for name, (data, expect) in files.items():
        raw = name if isinstance(name, bytes) else name.encode()
        path = folder / os.fsdecode(raw)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        key = ".git" if raw.startswith(b".git/") else os.fsdecode(raw)
        expected[readable(key)] = expect
    # members of archives are documents of their own (issue 11)
    expected["bundle.zip!/附件2.txt"] = Expect(READ)
    expected["not-word.docx!/a.txt"] = Expect(READ)
    # links, pipes, sockets, paths too long
    (folder / "dangling.pdf").symlink_to("no-such-report.pdf")
    expected["dangling.pdf"] = Expect("failed", "dangling_link: a link to no-such-report.pdf")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    expected["loop-a.txt"] = expected["loop-b.txt"] = Expect("failed", "link_loop")
    (folder / "self.txt").symlink_to("self.txt")
    expected["self.txt"] = Expect("failed", "link_loop")
    (folder / "x.pdf" / "up").symlink_to("..")
    expected["x.pdf/up"] = Expect("skipped", "ignored: a link to a folder already walked")
    (folder / "link-to-report.txt").symlink_to("-rf.txt")
    expected["link-to-report.txt"] = Expect(READ, "same content as")
    (folder / "hard-link.txt").hardlink_to(folder / "-rf.txt")
    expected["hard-link.txt"] = Expect(READ, "same content as")
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = Expect("skipped", "unsupported: a pipe")
    os.mknod(folder / "socket.pdf", 0o644 | stat.S_IFSOCK)
    expected["socket.pdf"] = Expect("skipped", "unsupported: a socket")
    deep_root = folder / "deep"
    deep_root.mkdir()
    fd = os.open(deep_root, os.O_RDONLY)
    try:
        for _ in range(17):  # 17 × 256 bytes: past PATH_MAX (4096)
            os.mkdir("d" * 255, dir_fd=fd)
            fd, parent = os.open("d" * 255, os.O_RDONLY, dir_fd=fd), fd
            os.close(parent)
        os.close(os.open("report.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
    finally:
        os.close(fd)
    expected["deep/*"] = Expect("failed", "name_too_long")  # one row, at the depth where the path gets too long
    return expected
