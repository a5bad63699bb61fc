"""Legacy and open word-processor files (.doc .wps .rtf .odt): LibreOffice converts them to .docx,
which the .docx reader reads. The Document keeps the input's format and says how it was read: every
block's provenance carries `converted` ("doc→docx") and Document.converted the note documents.csv shows.
"""

from __future__ import annotations

from pathlib import Path

from extractors.convert import converted
from extractors.model import Document, mark_converted


def read_via_docx(path: Path, sha256: str, fmt: str) -> Document:
    from extractors.docx_reader import read_docx

    with converted(path, "docx", fmt) as docx_path:
        doc = read_docx(docx_path, sha256)
    doc.path = str(path)
    return mark_converted(doc, fmt, "docx")


def read_doc(path: Path, sha256: str) -> Document:
    """Word 97–2003 binary (.doc), and the .wps files WPS Office saves in the same format."""
    return read_via_docx(path, sha256, "doc")


def read_rtf(path: Path, sha256: str) -> Document:
    return read_via_docx(path, sha256, "rtf")


def read_odt(path: Path, sha256: str) -> Document:
    return read_via_docx(path, sha256, "odt")
