"""Reviewed golden findings: each document's errors and warnings as a CSV in tests/golden/, with the
review (`why`) a person wrote for each row. tests/test_golden.py compares them with the current
findings; `GOUJI_GOLDEN=write` rewrites them, keeping the `why` of every row that did not change."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline.analyze import analyze_file
from pipeline.rows import finding_record

GOLDEN = Path(__file__).resolve().parent / "golden"
STATUS_FILE = GOLDEN / "_status.csv"
KEY = ("rule", "severity", "location", "subject", "stated_value", "expected_value")
COLUMNS = (*KEY, "why")
STATUS_COLUMNS = ("document", "kind", "status", "reason")
PINNED = ("error", "warning")  # infos are undecided checks, not alarms: they are not pinned
FALSE_MARK = "FALSE:"

Row = dict[str, str]


def analysed(path: str) -> dict[str, Any]:
    """What `gouji scan` writes for one document, reduced to what the golden files pin (picklable, so a
    process pool can run it)."""
    result = analyze_file(path)
    records = [finding_record(f) for f in result.findings]
    rows = [{k: r[k] for k in KEY} for r in records if r["severity"] in PINNED]
    return {
        "status": result.status,
        "kind": result.kind,
        "reason": reason_code(result.status, result.reason),
        "rows": sort_rows(rows),
        "seconds": result.seconds,
    }


def reason_code(status: str, reason: str) -> str:
    """The stable part of a reason: its code (`corrupt`, `needs_ocr`…) for a document not read, else empty
    (an ok or partial document's reason holds notes and messages that are not worth pinning word for word)."""
    if status in ("failed", "skipped"):
        return reason.split(":", 1)[0].strip()
    return ""


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def sort_rows(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (_natural(r["location"]), *(r[k] for k in KEY)))


def key_of(row: Row) -> tuple[str, ...]:
    return tuple(row.get(k, "") for k in KEY)


def golden_path(folder: str, name: str) -> Path:
    return GOLDEN / folder / f"{name}.csv"


def read_csv(path: Path) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "") for k, v in row.items() if k is not None} for row in csv.DictReader(f)]


def render_csv(rows: list[Row], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def write_csv(path: Path, rows: list[Row], columns: tuple[str, ...]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\ufeff" + render_csv(rows, columns), encoding="utf-8")


def with_whys(current: list[Row], golden: list[Row]) -> list[Row]:
    """The current rows, each with the `why` of the golden row with the same key (empty for a new one)."""
    whys: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for row in golden:
        whys[key_of(row)].append(row.get("why", ""))
    merged = []
    for row in current:
        kept = whys.get(key_of(row))
        merged.append({**row, "why": kept.pop(0) if kept else ""})
    return merged
