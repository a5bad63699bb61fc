"""The auditors' notes (核实状态, 审计备注) and the run-over-run comparison.

Auditors type into findings.csv or findings.xlsx of DIR, whichever they opened. Before a scan
overwrites them, both are read back: a note found in only one file is taken from it; where the two
files disagree, the one the auditor changed (it differs from what gouji last wrote, kept in the
catalog) wins, and if both were changed, the more recently saved file wins. A previous file that
cannot be read is moved aside (`findings.xlsx.unreadable-<time>`), never overwritten.

A finding keeps its notes by its id (see pipeline.findings.finding_id). When an id changes while the
finding does not (a better subject, or ids from an older gouji), the notes follow it when exactly
one new finding of the same document has the same rule, stated value and stated text.
"""

from __future__ import annotations

import csv
import datetime
import os
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pipeline.export import read_csv
from pipeline.findings import normalised_text
from pipeline.rows import AUDITOR_COLUMNS, FINDINGS_COLUMNS, column_for_header
from pipeline.store import aside_name

Notes = dict[str, tuple[str, str]]  # finding_id → (核实状态, 审计备注)
HEADER_SEARCH_ROWS = 20  # a findings sheet's header row is within its first rows


@dataclass
class Previous:
    rows: list[dict[str, str]] = field(default_factory=list)  # the previous run's findings, both files
    notes: Notes = field(default_factory=dict)  # merged; only ids found in the files
    warnings: list[str] = field(default_factory=list)


NOTE_FILES = ("findings.csv", "findings.xlsx")


def stamp(path: Path) -> str:
    """Size and modification time: whether a file is still exactly as gouji wrote it."""
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def read_previous(out: Path, written: Notes, stamps: dict[str, str] | None = None) -> Previous:
    """The previous findings and the auditors' notes from DIR/findings.csv and DIR/findings.xlsx;
    `written` is what gouji wrote into those columns last time (the catalog's annotations) and
    `stamps` the files' stamps as gouji left them: a workbook nobody saved since is not read again."""
    prev = Previous()
    sources: list[tuple[float, list[dict[str, str]]]] = []
    for name, reader in (("findings.csv", _read_csv_rows), ("findings.xlsx", read_xlsx_rows)):
        path = Path(out) / name
        if not path.is_file():
            continue
        if name.endswith(".xlsx") and stamps and stamps.get(name) == stamp(path):
            continue  # untouched since gouji wrote it: its notes are `written`
        try:
            got = reader(path)
            mtime = path.stat().st_mtime
        except Exception as e:  # noqa: BLE001 - a damaged file must not stop the scan nor be overwritten
            prev.warnings.append(_move_aside(path, e))
            continue
        sources.append((mtime, got))
    by_id: dict[str, dict[str, str]] = {}
    for _, got in sources:
        for row in got:
            by_id.setdefault(row["finding_id"], row)
    prev.rows = list(by_id.values())
    prev.notes = merge_notes([(m, _notes_of(rows)) for m, rows in sources], written)
    return prev


def merge_notes(sources: list[tuple[float, Notes]], written: Notes) -> Notes:
    """One value per id from several files (each with its save time): the values agree, or only one
    file differs from what gouji wrote (the auditor's edit), or the most recently saved file wins."""
    merged: Notes = {}
    newest_first = sorted(sources, key=lambda s: -s[0])
    for fid in {fid for _, notes in sources for fid in notes}:
        values = [notes[fid] for _, notes in newest_first if fid in notes]
        edited = [v for v in values if v != written.get(fid, ("", ""))]
        merged[fid] = edited[0] if edited else values[0]
    return merged


def _notes_of(rows: list[dict[str, str]]) -> Notes:
    return {r["finding_id"]: (r.get(AUDITOR_COLUMNS[0], ""), r.get(AUDITOR_COLUMNS[1], "")) for r in rows}


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    rows = read_csv(path)
    if rows and "finding_id" not in rows[0]:
        raise csv.Error("no finding_id column")
    return [r for r in rows if r.get("finding_id")]


def read_xlsx_rows(path: Path) -> list[dict[str, str]]:
    """Findings rows from every sheet of a findings workbook whose header row (found by its headers,
    within the first rows) has the finding id and 核实状态; headers map to contract columns through
    rows.column_for_header, so a workbook with translated headers reads the same."""
    import openpyxl

    # formulas as typed: a note an auditor began with = is text to us, not a formula to evaluate
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        out: list[dict[str, str]] = []
        for ws in wb.worksheets:
            out.extend(_sheet_rows(ws))
        return out
    finally:
        wb.close()


def _sheet_rows(ws: Any) -> list[dict[str, str]]:
    columns: list[str | None] | None = None
    out: list[dict[str, str]] = []
    for n, values in enumerate(ws.iter_rows(values_only=True)):
        if columns is None:
            if n >= HEADER_SEARCH_ROWS:
                return []
            mapped = [column_for_header(_text(v)) for v in values]
            if "finding_id" in mapped and AUDITOR_COLUMNS[0] in mapped:
                columns = mapped
            continue
        row = {c: _text(v) for c, v in zip(columns, values, strict=False) if c}
        if row.get("finding_id"):
            out.append(row)
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def _move_aside(path: Path, error: Exception) -> str:
    aside = aside_name(path, "unreadable")
    try:
        os.replace(path, aside)
    except OSError as e:
        return f"{path} could not be read ({type(error).__name__}: {error}) nor moved aside ({e.strerror})"
    return (
        f"{path.name} could not be read ({type(error).__name__}); kept as {aside.name} — "
        "notes typed into it since the last scan are there, not carried forward"
    )


# ------------------------------------------------------------------------------------ comparison


def _same_finding(row: dict[str, Any]) -> tuple[str, str, str, str]:
    return (row.get("document", ""), row.get("rule", ""), _number(row.get("stated_value", "")), _stated(row))


def _stated(row: dict[str, Any]) -> str:
    return normalised_text(str(row.get("stated_text", "")))


def _number(text: str) -> str:
    try:
        return str(Decimal(text).normalize()) if text else ""
    except InvalidOperation:
        return text


def compare(
    rows: list[dict[str, Any]], previous: list[dict[str, str]], notes: Notes, documents: set[str]
) -> list[dict[str, str]]:
    """Fill `change` and the auditors' columns of `rows` in place; return the resolved rows.

    Resolved: findings of the previous run that are gone, for documents scanned in this run (findings
    of documents outside this run's paths are not 'resolved', just not covered). A previous finding
    whose id changed but which is still there (see the module docstring) is the same finding.
    """
    before = {r["finding_id"]: r for r in previous}
    now = {row["finding_id"] for row in rows}
    followed = _follow_changed_ids([r for r in previous if r["finding_id"] not in now], rows, before)
    for row in rows:
        fid = row["finding_id"]
        old = followed.get(fid, fid)
        row["change"] = "unchanged" if old in before else "new"
        status, note = notes.get(old, notes.get(fid, ("", "")))
        row[AUDITOR_COLUMNS[0]], row[AUDITOR_COLUMNS[1]] = status, note
    gone_now = set(followed.values())
    resolved = []
    for r in previous:
        fid = r["finding_id"]
        if fid not in now and fid not in gone_now and r.get("document", "") in documents:
            status, note = notes.get(fid, (r.get(AUDITOR_COLUMNS[0], ""), r.get(AUDITOR_COLUMNS[1], "")))
            resolved.append(
                {c: r.get(c, "") for c in FINDINGS_COLUMNS}
                | {"change": "resolved", AUDITOR_COLUMNS[0]: status, AUDITOR_COLUMNS[1]: note}
            )
    return resolved


def _follow_changed_ids(
    missing: list[dict[str, str]], rows: list[dict[str, Any]], before: dict[str, dict[str, str]]
) -> dict[str, str]:
    """new id → previous id, for previous findings whose id is gone while exactly one new finding
    of the same document has the same rule, stated value and stated text."""
    if not missing:
        return {}
    fresh: dict[tuple[str, str, str, str], list[str]] = {}
    for row in rows:
        if row["finding_id"] not in before:
            fresh.setdefault(_same_finding(row), []).append(row["finding_id"])
    olds: dict[tuple[str, str, str, str], list[str]] = {}
    for r in missing:
        olds.setdefault(_same_finding(r), []).append(r["finding_id"])
    return {fresh[k][0]: ids[0] for k, ids in olds.items() if len(ids) == 1 and len(fresh.get(k, [])) == 1}
