"""Choose a reader by content (magic bytes), not only by extension.

What gouji can read is whatever is registered here: a format, its reader, the file-name suffixes
it usually has and the magic bytes its content starts with. The folder walk asks `may_read` about
every file it finds, so a newly registered reader makes its files supported everywhere.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from extractors import archive, formats
from extractors.continued import join_continued, mark_continued
from extractors.model import Document, ReadError
from extractors.table_titles import lift_titles, split_stacked

Reader = Callable[[Path, str], Document]

# format → "module:function"; each reader takes (path, sha256) and returns a Document
READERS: dict[str, str] = {
    "pdf": "extractors.pdf_reader:read_pdf",
    "docx": "extractors.docx_reader:read_docx",
    "txt": "extractors.txt_reader:read_txt",
}
# file-name suffix (lower case) → format
SUFFIXES: dict[str, str] = {".pdf": "pdf", ".docx": "docx", ".txt": "txt"}
# content signature → format: a file that starts so is tried whatever its name (a PDF may have
# junk before its header: see `sniff`). Several formats may share a container signature (zip, OLE2):
# `sniff` tells them apart by what the container holds.
MAGIC: dict[bytes, str] = {b"%PDF-": "pdf", b"PK\x03\x04": "docx"}
HEAD_BYTES = 1024  # how much of a file `may_read` needs

REPORT_SUFFIXES = tuple(SUFFIXES)  # kept for callers that list suffixes

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# well-known signatures, only to name a format gouji does not read
_KNOWN_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (OLE2, "ole2", "an Office 97–2003 file (.doc/.wps/.xls/.et/.ppt)"),
    (b"{\\rtf", "rtf", "an RTF document"),
    (b"PK\x03\x04", "zip", "a zip archive"),
    (b"PK\x05\x06", "zip", "an empty zip archive"),
    (b"Rar!\x1a\x07", "rar", "a RAR archive (no maintained pure-Python reader; unpack it and scan the folder)"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "a 7-Zip archive (not read yet; unpack it and scan the folder)"),
    (b"\x1f\x8b", "gzip", "a gzip archive"),
    (b"\xff\xd8\xff", "jpeg", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "png", "a PNG image"),
    (b"GIF8", "gif", "a GIF image"),
    (b"II*\x00", "tiff", "a TIFF image"),
    (b"MM\x00*", "tiff", "a TIFF image"),
    (b"BM", "bmp", "a BMP image"),
    (b"\x7fELF", "elf", "a program (ELF)"),
    (b"MZ", "exe", "a Windows program"),
    (b"SQLite format 3\x00", "sqlite", "an SQLite database"),
)


def register(fmt: str, target: str, suffixes: tuple[str, ...] = (), magic: tuple[bytes, ...] = ()) -> None:
    """Add a reader: `target` is "module:function"; files with these suffixes or starting with these
    bytes are then read (the folder walk picks them up too)."""
    if fmt in READERS:
        raise ValueError(f"a reader for {fmt!r} is already registered ({READERS[fmt]})")
    READERS[fmt] = target
    for s in suffixes:
        SUFFIXES.setdefault(s.lower(), fmt)
    for m in magic:
        MAGIC.setdefault(m, fmt)


for _fmt, _target, _suffixes, _magic in (
    ("doc", "office_reader:read_doc", (".doc", ".wps", ".wpt", ".dot"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ("rtf", "office_reader:read_rtf", (".rtf",), (b"{\\rtf",)),
    ("odt", "office_reader:read_odt", (".odt",), ()),
    ("xlsx", "xlsx_reader:read_xlsx", (".xlsx", ".xlsm"), ()),
    ("xlsb", "xlsx_reader:read_xlsb", (".xlsb",), ()),
    ("ods", "xlsx_reader:read_ods", (".ods",), ()),
    ("xls", "xls_reader:read_xls", (".xls", ".et"), ()),
    ("html", "html_reader:read_html", (".html", ".htm", ".shtml", ".xhtml"), ()),
    ("mht", "html_reader:read_mht", (".mht", ".mhtml"), ()),
    ("md", "md_reader:read_md", (".md", ".markdown"), ()),
    ("zip", "archive:read_archive", (".zip",), ()),  # members are documents: see extractors.archive
):
    register(_fmt, f"extractors.{_target}", _suffixes, _magic)


def known_formats() -> str:
    return ", ".join(sorted(READERS))


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes; of a zip member's (`bundle.zip!/附件2.pdf`) uncompressed bytes."""
    if archive.is_member_path(path):
        return archive.member_sha256(path)
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def may_read(name: str, head: bytes) -> bool:
    """Whether a file found in a folder is worth handing to a reader: a registered suffix, or content
    starting with a registered signature. The reader's own sniffing then decides for certain."""
    if Path(name).suffix.lower() in SUFFIXES:
        return True
    if any(head.startswith(m) for m in MAGIC):
        return True
    return "pdf" in READERS and b"%PDF-" in head[:HEAD_BYTES]


def describe(name: str, head: bytes) -> tuple[str, str]:
    """(short format name, plain description) of a file gouji does not read, for its documents.csv row."""
    for magic, fmt, what in _KNOWN_SIGNATURES:
        if head.startswith(magic):
            return fmt, what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "UTF-16 text"
    lowered = head[:256].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html", "an HTML page"
    if lowered.startswith(b"<?xml"):
        return "xml", "an XML file"
    suffix = Path(name).suffix.lower()
    if suffix and len(suffix) <= 12 and suffix[1:].isalnum():
        return suffix[1:], f"a {suffix} file"
    if not head:
        return "", "an empty file without a known suffix"
    return "", "a file without a known suffix or content signature"


def unsupported_format(path: Path) -> str:
    """The short format name of a file no reader takes (for its documents.csv row), or ""."""
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return ""
    if head[:4] == b"PK\x03\x04":
        return "zip"
    return describe(path.name, head)[0]


def unsupported_reason(name: str, head: bytes) -> tuple[str, str]:
    """(format, reason) for a file no reader is registered for."""
    fmt, what = describe(name, head)
    return fmt, f"unsupported: {what}; gouji reads {known_formats()}"


def sniff(path: Path) -> str:
    """Return the format name of the file's content, or raise ReadError."""
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError as e:
        raise os_error(e) from e
    if not head:
        raise ReadError("corrupt", "empty file (0 bytes)")
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:HEAD_BYTES]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        fmt = formats.zip_format(path)
        if fmt not in READERS:
            raise ReadError(
                "unsupported", f"a zip archive that is not an office document; gouji reads {known_formats()}"
            )
        return fmt
    if head.startswith(OLE2):
        return formats.ole_format(path)
    if head.startswith(formats.RTF_MAGIC):
        return "rtf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and "txt" in READERS:
        return "txt"  # UTF-16 with a byte-order mark; the text reader decodes it
    if _looks_like_text(head):
        return formats.text_format(head, path.suffix)
    fmt, what = describe(path.name, head)
    signed = any(head.startswith(m) for m, _, _ in _KNOWN_SIGNATURES)
    if _looks_like_utf16_without_bom(head) and not signed:
        what = "UTF-16 text without a byte-order mark (save it as UTF-8)"
    elif not signed and fmt in READERS:
        # named like a format gouji reads, but neither that nor anything else: damaged
        raise ReadError("corrupt", f"the name says .{fmt}, but the content is not a readable .{fmt} file (damaged?)")
    raise ReadError("unsupported", f"{what}; gouji reads {known_formats()}")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for enc in ("utf-8-sig", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as e:
            if e.start > len(head) - 4:
                return True  # a multibyte character cut by the 8 KiB window
    return False


def _looks_like_utf16_without_bom(head: bytes) -> bool:
    sample = head[: len(head) // 2 * 2][:2048]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0) / (len(sample) / 2)
    zeros_odd = sample[1::2].count(0) / (len(sample) / 2)
    return max(zeros_even, zeros_odd) > 0.3


def get_reader(fmt: str) -> Reader:
    try:
        target = READERS[fmt]
    except KeyError:
        raise ReadError("unsupported", f"no reader for {fmt!r}; gouji reads {known_formats()}") from None
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


# errno → (reason, plain words) for a file that cannot be opened
_OS_REASONS = {
    errno.EACCES: ("permission_denied", "permission denied"),
    errno.EPERM: ("permission_denied", "operation not permitted"),
    errno.ENOENT: ("missing", "no such file (removed during the scan?)"),
    errno.ELOOP: ("link_loop", "a symbolic link that loops"),
    errno.ENAMETOOLONG: ("name_too_long", "the path is longer than the system allows"),
    errno.EISDIR: ("not_a_file", "a folder, not a file"),
    errno.ENOTDIR: ("missing", "a path through something that is not a folder"),
}


def os_error(e: OSError, what: str = "file") -> ReadError:
    """A ReadError in plain words for an OSError met opening or reading a file (or folder)."""
    reason, words = _OS_REASONS.get(e.errno or 0, ("unreadable", e.strerror or type(e).__name__))
    return ReadError(reason, f"cannot open the {what}: {words}")


# reader messages a user cannot act on (library wording) → plain words
_PLAIN = (
    ("PDFium: Success", "the PDF has no pages or no page tree"),
    ("XML_PARSE_HUGE", "the XML is nested more than 256 levels deep (refused)"),
)


def _plain(e: ReadError) -> ReadError:
    for marker, words in _PLAIN:
        if marker in e.message:
            return ReadError(e.reason, words)
    return e


def read_document(path: str | Path, sha256: str | None = None, fmt: str | None = None) -> Document:
    """Read any supported report into a Document; raise ReadError when it cannot be read.
    `fmt`, when the caller has already sniffed the file, saves sniffing it again. A zip member's path
    (`bundle.zip!/附件2.pdf`) reads the member, extracted to a private temporary folder."""
    if archive.is_member_path(path):
        with archive.materialized(path) as local:
            doc = read_document(local, sha256, fmt)
        doc.path = str(path)
        return doc
    p = Path(path)
    try:
        mode = os.stat(p).st_mode  # raises the reason: missing, a dangling or looping link, a name too long…
        if stat.S_ISDIR(mode):
            raise ReadError("not_a_file", "a folder, not a file (gouji scan walks folders)")
        if not stat.S_ISREG(mode):
            raise ReadError("not_a_file", "not a regular file (a device, pipe or socket)")
        fmt = fmt or sniff(p)
        digest = sha256 or file_sha256(p)
    except OSError as e:
        if e.errno == errno.ENOENT and os.path.islink(p):
            raise ReadError("dangling_link", f"a link to {os.readlink(p)}, which does not exist") from e
        raise os_error(e) from e
    try:
        doc = get_reader(fmt)(p, digest)
    except ReadError as e:
        raise _plain(e) from e
    doc.path = str(path)
    if doc.format != "pdf":  # PDF parts are joined by page geometry (extractors.stitch)
        join_continued(doc)
    split_stacked(doc)
    lift_titles(doc)
    mark_continued(doc)
    return doc
