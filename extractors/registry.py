"""Choose a reader by content (magic bytes), not only by extension."""

from __future__ import annotations

import hashlib
import importlib
import zipfile
from collections.abc import Callable
from pathlib import Path

from extractors.model import Document, ReadError

Reader = Callable[[Path, str], Document]

# format → "module:function"; each reader takes (path, sha256) and returns a Document
READERS: dict[str, str] = {
    "pdf": "extractors.pdf_reader:read_pdf",
    "docx": "extractors.docx_reader:read_docx",
    "txt": "extractors.txt_reader:read_txt",
}

REPORT_SUFFIXES = (".pdf", ".docx", ".txt")


def register(fmt: str, target: str) -> None:
    if fmt in READERS:
        raise ValueError(f"a reader for {fmt!r} is already registered ({READERS[fmt]})")
    READERS[fmt] = target


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sniff(path: Path) -> str:
    """Return the format name of the file's content, or raise ReadError."""
    with open(path, "rb") as f:
        head = f.read(8192)
    if not head:
        raise ReadError("corrupt", "empty file (0 bytes)")
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError) as e:
            raise ReadError("corrupt", f"broken zip container: {e}") from e
        if "word/document.xml" in names:
            return "docx"
        raise ReadError("unsupported", "zip file without word/document.xml (not a .docx)")
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError("unsupported", "OLE2 file (.doc/.wps/.xls); known formats: " + ", ".join(sorted(READERS)))
    if _looks_like_text(head):
        return "txt"
    raise ReadError("unsupported", "not a PDF, .docx or text file; known formats: " + ", ".join(sorted(READERS)))


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for enc in ("utf-8-sig", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as e:
            if enc == "utf-8-sig" and e.start > len(head) - 4:
                return True  # a multibyte character cut by the 8 KiB window
    return False


def get_reader(fmt: str) -> Reader:
    try:
        target = READERS[fmt]
    except KeyError:
        raise ReadError("unsupported", f"no reader for {fmt!r}; known formats: {', '.join(sorted(READERS))}") from None
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def read_document(path: str | Path, sha256: str | None = None, fmt: str | None = None) -> Document:
    """Read any supported report into a Document; raise ReadError when it cannot be read.
    `fmt`, when the caller has already sniffed the file, saves sniffing it again."""
    p = Path(path)
    if not p.is_file():
        raise ReadError("corrupt", f"no such file: {p}")
    fmt = fmt or sniff(p)
    digest = sha256 or file_sha256(p)
    doc = get_reader(fmt)(p, digest)
    doc.path = str(path)
    return doc
