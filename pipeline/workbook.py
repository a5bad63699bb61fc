"""findings.xlsx, the auditors' workbook: a summary per document, then the findings in Chinese.

Sheets: 汇总 (per document: kind, status, errors, warnings, infos and what failed), 错误和警告 (each
document's errors, then its warnings, in page order) and 提示 (the infos), a continuation sheet past
1,000,000 rows. Findings sheets carry every contract column under its Chinese header from
rows.XLSX_HEADERS — the mapping pipeline.notes reads the auditors' 核实状态 and 审计备注 back through —
plus two columns saying where to look in the document (the page and a phrase to search for, or the
table's row and column labels). Long text wraps, rows are as tall as their text (up to a limit),
ids and codes are text, figures are numbers.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from typing import Any

from pipeline.export import FORMULA_PREFIXES, XLSX_MAX_ROWS, as_excel_number, atomic_write
from pipeline.rows import FINDINGS_COLUMNS, NUMERIC_COLUMNS, XLSX_HEADERS, evidence_of

SUMMARY_SHEET = "汇总"
MAIN_SHEET = "错误和警告"
INFO_SHEET = "提示"
WHERE, RELATED_WHERE = "_where", "_related_where"  # extra columns: not contract columns, not read back
EXTRA_HEADERS = {WHERE: "在文档中查找", RELATED_WHERE: "关联处在文档中查找"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
CHANGE_NAMES = {"new": "新", "unchanged": "未变", "resolved": "已消失"}
STATUS_NAMES = {"ok": "完成", "partial": "部分完成", "failed": "失败", "skipped": "跳过"}
# column widths in characters (a CJK character counts two); longer text wraps
WIDTHS = {
    "finding_id": 20,
    "document": 34,
    "page": 6,
    "location": 20,
    WHERE: 40,
    "rule": 28,
    "severity": 8,
    "subject": 22,
    "stated_text": 56,
    "stated_value": 12,
    "expected_value": 12,
    "difference": 12,
    "unit": 7,
    "related_location": 24,
    RELATED_WHERE: 44,
    "explanation": 64,
    "change": 7,
    "核实状态": 12,
    "审计备注": 32,
}
HIDDEN = ("sha256", "gouji_version")  # kept for completeness, out of the way
WRAPPED = frozenset({"document", WHERE, "subject", "stated_text", "related_location", RELATED_WHERE, "explanation"})
WRAPPED |= {"审计备注"}
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_LINES = 8  # a row grows to this many lines; the rest stays in the cell (scroll or widen to read)
SUMMARY_COLUMNS = [
    ("path", "文件", 50),
    ("kind", "类型", 18),
    ("format", "格式", 6),
    ("pages", "页数", 6),
    ("status", "状态", 9),
    ("errors", "错误", 6),
    ("warnings", "警告", 6),
    ("infos", "提示", 6),
    ("reason", "未完成的部分或原因", 70),
]


def finding_columns() -> list[str]:
    """The findings sheets' columns: the contract's, with the two 在文档中查找 columns beside the locations."""
    out: list[str] = []
    for c in FINDINGS_COLUMNS:
        out.append(c)
        if c == "location":
            out.append(WHERE)
        elif c == "related_location":
            out.append(RELATED_WHERE)
    return out


def header(column: str) -> str:
    return EXTRA_HEADERS.get(column) or XLSX_HEADERS.get(column, column)


def write_findings_workbook(
    path: Path, documents: list[dict[str, Any]], findings: list[dict[str, Any]], evidence: dict[str, str]
) -> None:
    """`findings` are the rows of findings.csv in document order; `evidence` a finding_id's stored evidence."""
    import xlsxwriter

    with atomic_write(path, binary=True) as f:
        wb = xlsxwriter.Workbook(
            f,
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        formats = _Formats(wb)
        _summary(wb.add_worksheet(SUMMARY_SHEET), documents, formats)
        main = sorted(
            (r for r in findings if r.get("severity") != "info"),
            key=lambda r: (r.get("document", ""), SEVERITY_RANK.get(r.get("severity", ""), 3)),
        )  # stable: page order within each severity
        infos = [r for r in findings if r.get("severity") == "info"]
        for name, rows in ((MAIN_SHEET, main), (INFO_SHEET, infos)):
            chunks = [rows[i : i + XLSX_MAX_ROWS] for i in range(0, len(rows), XLSX_MAX_ROWS)] or [[]]
            for n, chunk in enumerate(chunks):
                _findings_sheet(wb.add_worksheet(name if n == 0 else f"{name} ({n + 1})"), chunk, evidence, formats)
        wb.close()


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.header = wb.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.text = wb.add_format({"valign": "top"})
        self.wrap = wb.add_format({"valign": "top", "text_wrap": True})
        self.quoted = wb.add_format({"valign": "top", "quote_prefix": True})  # Excel's own "'=…" text marker
        self.wrap_quoted = wb.add_format({"valign": "top", "text_wrap": True, "quote_prefix": True})
        self.number = wb.add_format({"valign": "top"})
        self.severity = {
            "error": wb.add_format({"valign": "top", "bold": True, "font_color": "#C0392B"}),
            "warning": wb.add_format({"valign": "top", "bold": True, "font_color": "#B9770E"}),
            "info": wb.add_format({"valign": "top", "font_color": "#5D6D7E"}),
        }
        self.total = wb.add_format({"bold": True, "top": 1})


def _summary(ws: Any, documents: list[dict[str, Any]], fmt: _Formats) -> None:
    for i, (_, title, width) in enumerate(SUMMARY_COLUMNS):
        ws.set_column(i, i, width, fmt.wrap if title.startswith("未完成") else fmt.text)
    ws.freeze_panes(1, 0)
    ws.write_row(0, 0, [title for _, title, _ in SUMMARY_COLUMNS], fmt.header)
    numeric = NUMERIC_COLUMNS["documents"]
    totals = dict.fromkeys(("errors", "warnings", "infos"), 0)
    for r, doc in enumerate(documents, start=1):
        reason = str(doc.get("reason") or "")
        ws.set_row(r, _height([(reason, 70)]))
        for i, (key, _, _) in enumerate(SUMMARY_COLUMNS):
            value = doc.get(key)
            text = "" if value is None else str(value)
            number = as_excel_number(text) if key in numeric else None
            if key in totals and number is not None:
                totals[key] += int(number)
            if number is not None:
                ws.write_number(r, i, number)
            elif key == "status":
                ws.write_string(r, i, STATUS_NAMES.get(text, text))
            elif text:
                ws.write_string(r, i, text, fmt.quoted if text.startswith(FORMULA_PREFIXES) else None)
    last = len(documents) + 1
    ws.write_string(last, 0, f"合计（{len(documents)} 个文件）", fmt.total)
    for key, total in totals.items():
        ws.write_number(last, [k for k, _, _ in SUMMARY_COLUMNS].index(key), total, fmt.total)
    ws.autofilter(0, 0, max(len(documents), 1), len(SUMMARY_COLUMNS) - 1)


def _findings_sheet(ws: Any, rows: list[dict[str, Any]], evidence: dict[str, str], fmt: _Formats) -> None:
    columns = finding_columns()
    numeric = NUMERIC_COLUMNS["findings"]
    for i, c in enumerate(columns):
        options = {"hidden": True} if c in HIDDEN else {}
        ws.set_column(i, i, WIDTHS.get(c, 12), fmt.wrap if c in WRAPPED else fmt.text, options)
    ws.freeze_panes(1, 2)  # the header row and the id and document columns stay in view
    ws.write_row(0, 0, [header(c) for c in columns], fmt.header)
    for r, row in enumerate(rows, start=1):
        places = evidence_of({"_evidence": evidence.get(row.get("finding_id", ""), "")}).get("places") or []
        values = dict(row)
        values[WHERE] = places[0].get("where", "") if places and isinstance(places[0], dict) else ""
        values[RELATED_WHERE] = "; ".join(p.get("where", "") for p in places[1:] if isinstance(p, dict))
        ws.set_row(r, _height([(str(values.get(c) or ""), WIDTHS.get(c, 12)) for c in WRAPPED]))
        for i, c in enumerate(columns):
            v = values.get(c)
            text = "" if v is None else str(v)
            number = as_excel_number(text) if c in numeric else None
            wrap = c in WRAPPED
            if number is not None:
                ws.write_number(r, i, number, fmt.number)
            elif c == "severity":
                ws.write_string(r, i, SEVERITY_NAMES.get(text, text), fmt.severity.get(text, fmt.text))
            elif c == "change" and text:
                ws.write_string(r, i, CHANGE_NAMES.get(text, text), fmt.text)
            elif not text:
                ws.write_blank(r, i, None, fmt.wrap if wrap else fmt.text)
            elif text.startswith(FORMULA_PREFIXES):
                ws.write_string(r, i, text, fmt.wrap_quoted if wrap else fmt.quoted)
            else:
                ws.write_string(r, i, text, fmt.wrap if wrap else fmt.text)
    ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _height(cells: list[tuple[str, float]]) -> float:
    """Points for a row whose wrapped cells hold these texts in columns of these widths (Excel does not
    size rows to wrapped text it did not lay out itself)."""
    lines = 1
    for text, width in cells:
        if not text:
            continue
        capacity = max(width - 1, 1)
        n = sum(max(1, math.ceil(_display_width(part) / capacity)) for part in text[:4000].split("\n"))
        lines = max(lines, n)
    return LINE_HEIGHT * min(lines, MAX_LINES)
