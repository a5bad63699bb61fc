"""Tables as data: every table of a document as a grid, figures as numbers with their printed decimals.

`gouji tables FILE… --out DIR` writes, per document, DIR/<name>/表N.csv for each table and
DIR/<name>/tables.xlsx (a 目录 sheet, then a sheet per table with merged cells merged), and DIR/index.csv
listing every table of every file. The Python API's `Table.to_pandas()` uses the same grid.

A cell is a number when the table-fact extractor reads it as one figure (so subject codes and years
stay text) and its text is a plain numeral: 2,961.68 → Decimal("2961.68"), 2961.70 keeps its 0,
82.58% → 82.58 marked as a percent. A position covered by a merged cell repeats the merged cell's
text and value, and remembers where the merged cell starts.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from extractors.model import Document, Table
from extractors.tablefacts import table_facts
from pipeline.export import atomic_write, escape_text

INDEX_COLUMNS = [
    "document",
    "table",
    "title",
    "unit",
    "pages",
    "location",
    "rows",
    "cols",
    "header_rows",
    "csv",
    "workbook",
    "sheet",
]
_NUMERAL = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


@dataclass(frozen=True)
class GridCell:
    text: str  # as printed; "" for an empty position
    value: Decimal | None = None  # the figure when the cell is one (82.58 for 82.58%)
    decimals: int = 0  # as printed
    percent: bool = False
    grouped: bool = False  # printed with thousands separators
    anchor: tuple[int, int] | None = None  # a position covered by a merged cell: where that cell starts

    def csv_text(self) -> str:
        """Numbers plain (no separators, printed decimals kept, % kept); text escaped for Excel."""
        if self.value is not None:
            return format(self.value, "f") + ("%" if self.percent else "")
        return escape_text(self.text)


def number(text: str) -> tuple[Decimal, int, bool, bool] | None:
    """(value, decimals, percent, grouped) of a cell printed as one plain numeral, else None."""
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not _NUMERAL.fullmatch(t):
        return None
    percent = t.endswith("%")
    digits = t.rstrip("%").replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return value, decimals, percent, "," in t


def table_grid(table: Table) -> list[list[GridCell]]:
    """n_rows × n_cols: every position with its text, and its number when it is a figure."""
    figures = {(f.prov.row, f.prov.col) for f in table_facts(table)}
    out: list[list[GridCell]] = []
    for r, row in enumerate(table.covering()):
        cells: list[GridCell] = []
        for c, cell in enumerate(row):
            if cell is None:
                cells.append(GridCell(""))
                continue
            anchor = None if (cell.row, cell.col) == (r, c) else (cell.row, cell.col)
            parsed = number(cell.text) if (cell.row, cell.col) in figures else None
            if parsed is None:
                cells.append(GridCell(cell.text, anchor=anchor))
            else:
                value, decimals, percent, grouped = parsed
                cells.append(GridCell(cell.text, value, decimals, percent, grouped, anchor))
        out.append(cells)
    return out


def pages_text(table: Table) -> str:
    pages = sorted(set(table.pages or ([table.prov.page] if table.prov.page else [])))
    if not pages:
        return ""
    if pages == list(range(pages[0], pages[-1] + 1)) and len(pages) > 1:
        return f"{pages[0]}-{pages[-1]}"
    return ",".join(str(p) for p in pages)


def table_name(table: Table) -> str:
    return f"表{(table.prov.table or 0) + 1}"


def folder_name(path: str, taken: set[str]) -> str:
    """A folder name for a document's tables: its file name (suffix kept: a.pdf and a.docx differ), made safe and unique."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", Path(path).name).strip(" .") or "document"
    name, n = stem[:80], 1
    while name in taken:
        n += 1
        name = f"{stem[:80]}-{n}"
    taken.add(name)
    return name


def write_document_tables(doc: Document, shown: str, folder: Path) -> list[dict[str, Any]]:
    """The document's tables as CSVs and one workbook in `folder`; returns its index rows."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = doc.tables()
    grids = [table_grid(t) for t in tables]
    rows: list[dict[str, Any]] = []
    for table, grid in zip(tables, grids, strict=True):
        name = table_name(table)
        _write_table_csv(folder / f"{name}.csv", table, grid)
        rows.append(
            {
                "document": shown,
                "table": (table.prov.table or 0) + 1,
                "title": table.title or "",
                "unit": table.unit or "",
                "pages": pages_text(table),
                "location": table.prov.render(),
                "rows": table.n_rows,
                "cols": table.n_cols,
                "header_rows": table.header_rows,
                "csv": f"{folder.name}/{name}.csv",
                "workbook": f"{folder.name}/tables.xlsx",
                "sheet": name,
            }
        )
    _write_workbook(folder / "tables.xlsx", tables, grids, rows)
    return rows


def write_index(path: Path, rows: list[dict[str, Any]]) -> None:
    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(INDEX_COLUMNS)
        w.writerows([escape_text(str(r[c])) if isinstance(r[c], str) else r[c] for c in INDEX_COLUMNS] for r in rows)


def _write_table_csv(path: Path, table: Table, grid: list[list[GridCell]]) -> None:
    """Four lines about the table (标题, 单位, 页码, 位置), a blank line, then the grid: read it with
    `pandas.read_csv(path, skiprows=5, header=None)`."""
    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["标题", escape_text(table.title or "")])
        w.writerow(["单位", escape_text(table.unit or "")])
        w.writerow(["页码", pages_text(table)])
        w.writerow(["位置", table.prov.render()])
        w.writerow([])
        w.writerows([c.csv_text() for c in row] for row in grid)


def _write_workbook(path: Path, tables: list[Table], grids: list[list[list[GridCell]]], index: list[dict]) -> None:
    import xlsxwriter

    with atomic_write(path, binary=True) as f:
        wb = xlsxwriter.Workbook(
            f, {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
        )
        bold = wb.add_format({"bold": True})
        title_fmt = wb.add_format({"bold": True, "font_size": 13})
        link = wb.add_format({"font_color": "blue", "underline": 1})
        toc = wb.add_worksheet("目录")
        heads = ["表", "标题", "单位", "页码", "位置", "行数", "列数", "CSV"]
        toc.write_row(0, 0, heads, bold)
        for i, width in enumerate((8, 50, 8, 10, 14, 6, 6, 40)):
            toc.set_column(i, i, width)
        for r, row in enumerate(index, start=1):
            toc.write_url(r, 0, f"internal:'{row['sheet']}'!A1", link, row["sheet"])
            values = [row["title"], row["unit"], row["pages"], row["location"], row["rows"], row["cols"], row["csv"]]
            for k, v in enumerate(values, start=1):
                if isinstance(v, int):
                    toc.write_number(r, k, v)
                else:
                    toc.write_string(r, k, str(v))
        formats = _CellFormats(wb)
        for table, grid, row in zip(tables, grids, index, strict=True):
            _table_sheet(wb.add_worksheet(row["sheet"]), table, grid, row, title_fmt, formats)
        wb.close()


class _CellFormats:
    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.cache: dict[tuple[bool, str], Any] = {}

    def get(self, header: bool, num_format: str = "") -> Any:
        key = (header, num_format)
        if key not in self.cache:
            spec: dict[str, Any] = {"border": 1, "valign": "top", "text_wrap": True}
            if header:
                spec.update(bold=True, bg_color="#DDEBF7", align="center")
            if num_format:
                spec["num_format"] = num_format
            self.cache[key] = self.wb.add_format(spec)
        return self.cache[key]


def _num_format(cell: GridCell) -> str:
    body = ("#,##0" if cell.grouped else "0") + ("." + "0" * cell.decimals if cell.decimals else "")
    return body + ("%" if cell.percent else "")


def _table_sheet(
    ws: Any, table: Table, grid: list[list[GridCell]], row: dict, title_fmt: Any, formats: _CellFormats
) -> None:
    ws.write_string(0, 0, table.title or row["sheet"], title_fmt)
    ws.write_string(1, 0, f"单位：{table.unit or '（未注明）'}　页码：{row['pages']}　位置：{row['location']}")
    top = 3  # the grid starts on the fourth row
    anchors = {(x.row, x.col): x for x in table.cells}
    for c in range(table.n_cols):
        texts = [len(grid[r][c].text) for r in range(table.n_rows) if grid[r][c].anchor is None]
        ws.set_column(c, c, min(max([6, *texts]) * 2 + 2, 40))
    for r, cells in enumerate(grid):
        header = r < table.header_rows
        for c, cell in enumerate(cells):
            if cell.anchor is not None:
                continue  # covered by a merged cell, written with it
            span = anchors.get((r, c))
            last_r = min(r + (span.rowspan - 1 if span else 0), table.n_rows - 1)
            last_c = min(c + (span.colspan - 1 if span else 0), table.n_cols - 1)
            fmt = formats.get(header, _num_format(cell) if cell.value is not None else "")
            shown: float | str = cell.text
            if cell.value is not None:
                shown = float(cell.value / 100 if cell.percent else cell.value)
            if last_r > r or last_c > c:
                ws.merge_range(top + r, c, top + last_r, last_c, shown, fmt)
            elif isinstance(shown, float):
                ws.write_number(top + r, c, shown, fmt)
            elif cell.text:
                ws.write_string(top + r, c, cell.text, fmt)
            else:
                ws.write_blank(top + r, c, None, fmt)
    if table.header_rows:
        ws.freeze_panes(top + table.header_rows, 0)
