"""What a file is, from its content: containers are opened just enough to tell their formats apart.

- zip: .docx (word/document.xml), .xlsx/.xlsm (xl/workbook.xml), .xlsb (xl/workbook.bin), OpenDocument
  text or spreadsheet (its `mimetype` member), anything else is an archive of documents (`zip`);
- OLE2 (Office 97–2003): a WordDocument stream is a .doc (WPS saves .wps the same way), a Workbook or
  Book stream an .xls (WPS's .et too); anything else (PowerPoint, Visio…) is not a report format;
- text: a web page (an HTML tag at the start), a saved web archive (MIME multipart), Markdown (by its
  .md suffix, or pipe-table rulers / several # headings in the text), else plain text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from extractors.model import ReadError

RTF_MAGIC = b"{\\rtf"
SEVEN_ZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
RAR_MAGIC = b"Rar!\x1a\x07"
_HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p)\b", re.I | re.S)
_MHT = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/related", re.I)
# horizontal space only: `\s` would run across lines and backtrack cubically on a run of blank lines
_MD_RULER = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError) as e:
        raise ReadError("corrupt", f"broken zip container: {e}") from e
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if mimetype in _OPENDOCUMENT:
        return _OPENDOCUMENT[mimetype]
    return "zip"


def ole_format(path: Path) -> str:
    import olefile  # imported when an Office 97–2003 file appears

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(s).lower() for s in ole.listdir(streams=True, storages=False)}
    except Exception as e:  # olefile raises OSError, struct.error… on broken files
        raise ReadError("corrupt", f"broken Office 97–2003 file: {type(e).__name__}: {e}") from e
    if "worddocument" in streams:
        return "doc"
    if "workbook" in streams or "book" in streams:
        return "xls"
    if "powerpoint document" in streams:
        raise ReadError("unsupported", "a PowerPoint 97–2003 presentation (.ppt), not a report format gouji reads")
    raise ReadError("unsupported", "an Office 97–2003 file that is neither a Word document nor a workbook")


def text_format(head: bytes, suffix: str) -> str:
    """html | mht | md | txt for a file whose start decodes as text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_START.match(start) or (start[:5].lower() == b"<?xml" and b"<html" in start[:2048].lower()):
        return "html"
    if _MHT.match(start[:4096]):
        return "mht"
    if suffix.lower() in (".md", ".markdown"):
        return "md"
    text = head.decode("utf-8", errors="ignore")
    if _MD_RULER.search(text) or len(_MD_HEADING.findall(text)) >= 2:
        return "md"
    return "txt"
