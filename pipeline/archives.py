"""Zip bundles in a scan: the archive gets a row of its own (`skipped`, naming its members) and every
member becomes an input like a file found in a folder, named `bundle.zip!/附件2.pdf` in every output.
A nested zip is listed in turn, down to extractors.archive.MAX_DEPTH levels. Members the archive
reader refuses (names that climb out, encrypted, zip bombs) get a `failed`/`skipped` row with the reason.
"""

from __future__ import annotations

import zipfile

from extractors import archive
from extractors.model import ReadError
from pipeline.inputs import Found, found


def expand_archives(inputs: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in inputs:
        if f.decided or not _is_zip_archive(f.path):
            out.append(f)
            continue
        out.extend(_expand(f, depth=1))
    return sorted(out, key=lambda f: f.path)


def _is_zip_archive(path: str) -> bool:
    """A zip that is an archive of documents, not an office file (a .docx or .xlsx is a zip too)."""
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    office = ("word/document.xml", "xl/workbook.xml", "xl/workbook.bin", "mimetype", "[Content_Types].xml")
    return not any(n in names for n in office)


def _expand(f: Found, depth: int) -> list[Found]:
    try:
        with archive.materialized(f.path) as local:
            members = archive.list_members(local, depth)
    except ReadError as e:
        return [Found(f.path, f.key, f.shown, "failed", f"{e.reason}: {e.message}", "zip")]
    names = ", ".join(m.name for m in members[:3]) + ("…" if len(members) > 3 else "")
    rows = [
        Found(
            f.path,
            f.key,
            f.shown,
            "skipped",
            f"archive: its {len(members)} member(s) are documents of their own ({names})",
            "zip",
        )
    ]
    for m in members:
        path = f"{f.path}{archive.SEPARATOR}{m.name}"
        key = f"{f.key}{archive.SEPARATOR}{m.name}"
        if m.problem:
            reason = m.problem
            rows.append(found(path, key, "skipped" if reason.startswith("unsupported") else "failed", reason))
        elif m.is_archive:
            rows.extend(_expand(found(path, key), depth + 1))
        else:
            rows.append(found(path, key))
    return rows
