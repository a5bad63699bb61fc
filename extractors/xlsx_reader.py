"""Workbooks: .xlsx/.xlsm with openpyxl; .ods and .xlsb converted to .xlsx by LibreOffice first.

openpyxl (already a dependency, for the findings.xlsx export) is the library that gives what a
printed reading needs: each cell's number format, merged ranges, hidden rows and columns, the print
area, and the formula results Excel cached when it saved the file (data_only=True; never recomputed).
A formula cell saved without a cached result (a file written by a program that does not calculate)
prints nothing in Excel either; such cells are counted in the document's problems.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from extractors.model import Document, ReadError, mark_converted
from extractors.numfmt import display
from extractors.sheet_tables import SheetData, workbook_document
from extractors.zipguard import check_package

MAX_ROWS = 200_000  # rows of one sheet beyond which it is not read


def read_xlsx(path: Path, sha256: str) -> Document:
    check_package(path, "workbook")
    import openpyxl  # imported when a workbook appears

    try:
        values = openpyxl.load_workbook(path, data_only=True, read_only=False)
    except Exception as e:  # openpyxl raises KeyError, InvalidFileException, XML errors…
        raise ReadError("corrupt", f"not a readable workbook: {type(e).__name__}: {e}") from e
    sheets = [_sheet(ws) for ws in values.worksheets]
    problems = [
        f"sheet {title!r}: {n} formula cell(s) saved without a result (shown empty; not recomputed)"
        for title, n in _formulas_without_result(path).items()
    ]
    doc = workbook_document(str(path), sha256, "xlsx", sheets)
    doc.problems.extend(problems)
    return doc


def read_ods(path: Path, sha256: str) -> Document:
    return _converted(path, sha256, "ods")


def read_xlsb(path: Path, sha256: str) -> Document:
    return _converted(path, sha256, "xlsb")


def _converted(path: Path, sha256: str, fmt: str) -> Document:
    from extractors.convert import converted

    with converted(path, "xlsx", fmt) as xlsx:
        doc = read_xlsx(xlsx, sha256)
    doc.path = str(path)
    return mark_converted(doc, fmt, "xlsx")


def _sheet(ws: Any) -> SheetData:
    cells: dict[tuple[int, int], str] = {}
    indents: dict[tuple[int, int], int] = {}
    # the cells the file holds (openpyxl's own store): iterating rows × max_column would visit every
    # position up to a formatted column 16384 (seen in real workbooks), millions of empty cells
    for (r, col), c in ws._cells.items():
        value = c.value
        if value is None or r > MAX_ROWS:
            continue
        text = display(value, c.number_format)
        if text.strip():
            cells[(r - 1, col - 1)] = text
            if c.has_style and c.alignment.indent:
                indents[(r - 1, col - 1)] = int(c.alignment.indent)
    merged = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
    hidden_rows = {r - 1 for r, d in ws.row_dimensions.items() if d.hidden}
    hidden_cols: set[int] = set()
    for d in ws.column_dimensions.values():
        if d.hidden and d.min and d.max:  # a dimension may cover a range of columns
            hidden_cols.update(range(d.min - 1, d.max))
    return SheetData(
        name=ws.title,
        cells=cells,
        merged=merged,
        hidden_rows=hidden_rows,
        hidden_cols=hidden_cols,
        print_area=_print_area(ws),
        hidden=ws.sheet_state != "visible",
        col_breaks=[b.id for b in ws.col_breaks.brk if b.id],
        indents=indents,
    )


def _print_area(ws: Any) -> tuple[int, int, int, int] | None:
    """The first range of the sheet's print area (0-based, inclusive), or None when none is set."""
    from openpyxl.utils.cell import range_boundaries

    area = ws.print_area
    if not area:
        return None
    first = (area[0] if isinstance(area, list | tuple) else area).split(",")[0]
    ref = first.split("!")[-1].replace("$", "")
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if None in (min_col, min_row, max_col, max_row):  # whole rows or columns: $1:$40
        return None
    return (min_row - 1, min_col - 1, max_row - 1, max_col - 1)


_CELL = re.compile(rb"<c(?:\s[^>]*?)?(?:/>|>(?:(?!</c>).)*</c>)", re.DOTALL)
_FORMULA = re.compile(rb"<f[ >/]")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _formulas_without_result(path: Path) -> dict[str, int]:
    """Per sheet title, formula cells saved without a cached result. Read from the XML: openpyxl shows an
    uncalculated formula and a cached empty text (IFERROR(…,""), t="str" with <v></v>) both as None."""
    from lxml import etree

    out: dict[str, int] = {}
    try:
        with zipfile.ZipFile(path) as z:
            book = etree.fromstring(z.read("xl/workbook.xml"))
            rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            target = {r.get("Id"): r.get("Target", "") for r in rels}
            for sheet in book.iter("{*}sheet"):
                part = target.get(sheet.get(f"{_REL_NS}id"), "")
                part = part.lstrip("/") if part.startswith("/") else "xl/" + part
                xml = z.read(part) if part in z.namelist() else b""
                if not _FORMULA.search(xml):
                    continue
                missing = sum(1 for m in _CELL.finditer(xml) if _no_result(m.group(0)))
                if missing:
                    out[sheet.get("name", "")] = missing
    except (zipfile.BadZipFile, OSError, KeyError, etree.LxmlError):
        return {}
    return out


_VALUE = re.compile(rb"<v>[^<]+</v>")


def _no_result(cell: bytes) -> bool:
    """A formula cell without a saved result: no non-empty <v>, and not a cached empty text (t="str")."""
    if not _FORMULA.search(cell) or b't="str"' in cell[: cell.find(b">")]:
        return False
    return _VALUE.search(cell) is None
