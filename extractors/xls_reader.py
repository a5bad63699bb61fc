"""Excel 97–2003 workbooks (.xls) and WPS spreadsheets saved in the same format (.et), with xlrd.

xlrd (2.x reads only .xls, which is what it is kept for) with formatting_info gives what a printed
reading needs and python-calamine does not: each cell's number format (for the printed decimals),
merged ranges, hidden rows and columns, and the print area. Formula cells hold the result Excel saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractors.model import Document, ReadError
from extractors.numfmt import display
from extractors.sheet_tables import SheetData, workbook_document

MAX_XLS_BYTES = 200 * 1024 * 1024


def read_xls(path: Path, sha256: str) -> Document:
    import xlrd  # imported when an .xls appears

    try:
        if path.stat().st_size > MAX_XLS_BYTES:
            raise ReadError("too_large", f"workbook of {path.stat().st_size} bytes exceeds {MAX_XLS_BYTES}")
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except ReadError:
        raise
    except Exception as e:  # xlrd raises XLRDError, CompDocError, struct errors… on broken files
        raise ReadError("corrupt", f"not a readable .xls workbook: {type(e).__name__}: {e}") from e
    try:
        areas = _print_areas(book)
        sheets = [_sheet(book, i, areas.get(i)) for i in range(book.nsheets)]
    finally:
        book.release_resources()
    return workbook_document(str(path), sha256, "xls", sheets)


def _sheet(book: Any, index: int, area: tuple[int, int, int, int] | None) -> SheetData:
    import xlrd

    sh = book.sheet_by_index(index)
    cells: dict[tuple[int, int], str] = {}
    for r in range(sh.nrows):
        for c in range(sh.ncols):
            cell = sh.cell(r, c)
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            value: Any = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    pass
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(cell.value, "#ERR")
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            text = display(value, _number_format(book, sh.cell_xf_index(r, c)))
            if text.strip():
                cells[(r, c)] = text
    merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sh.merged_cells]
    hidden_rows = {r for r, info in sh.rowinfo_map.items() if info.hidden}
    hidden_cols = {c for c, info in sh.colinfo_map.items() if info.hidden}
    col_breaks = [b[0] for b in getattr(sh, "vertical_page_breaks", []) if b and b[0]]
    return SheetData(
        name=sh.name,
        cells=cells,
        merged=merged,
        hidden_rows=hidden_rows,
        hidden_cols=hidden_cols,
        print_area=area,
        hidden=sh.visibility != 0,
        col_breaks=col_breaks,
    )


def _number_format(book: Any, xf_index: int) -> str | None:
    try:
        xf = book.xf_list[xf_index]
        return book.format_map[xf.format_key].format_str
    except (IndexError, KeyError, AttributeError):
        return None


def _print_areas(book: Any) -> dict[int, tuple[int, int, int, int]]:
    """Sheet index → its print area (first range, 0-based, inclusive), from the built-in Print_Area names."""
    out: dict[int, tuple[int, int, int, int]] = {}
    for name in getattr(book, "name_obj_list", []):
        if not (name.builtin and name.name.lower() == "print_area"):
            continue
        try:
            sheet, r0, r1, c0, c1 = name.area2d(clipped=False)
        except Exception:  # noqa: BLE001 - an odd or multi-area definition: read the whole sheet
            continue
        out[sheet.number] = (r0, c0, r1 - 1, c1 - 1)
    return out
