"""A 部门预算/决算 情况说明 and its tables published as two files of one folder (…2018年度部门预算公开文件.pdf beside
…2018年度部门预算公开表.pdf; …2019年度部门预算.pdf beside …2019年预算公开表.pdf): the narrative is checked against the
other file's tables.

The pair is found by name: the same body and year, the same 预算 or 决算, and exactly one file whose name after the
year says 表 (公开表, 预算表, 附表) where the narrative's does not. The tables are joined to the narrative's document
only when it prints none of the standard tables itself; they are numbered after its own tables, and their
provenance carries the other file's hash, name and that offset, so a location shows each table's own number. What the narrative's result depends on is written into its reason as a stamp —
the tables file's name and hash — so a scan that meets a changed tables file analyses the narrative again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from extractors.archive import is_member_path
from extractors.model import Document, Paragraph, Provenance, Table
from extractors.table_identity import identify_table

_YEAR = re.compile(r"(20\d\d)\s*年")
_STAMP = re.compile(r"表格文件《(?P<name>[^》]+)》（sha256 (?P<sha>[0-9a-f]{12})）")


def _name_key(stem: str) -> tuple[str, str, bool] | None:
    """(body and year, 预算 | 决算, whether the name says it holds tables), or None for a name that says neither."""
    m = _YEAR.search(stem)
    if m is None or m.start() == 0:
        return None
    rest = stem[m.end() :]
    measure = "决算" if "决算" in rest else "预算" if "预算" in rest else ""
    if not measure:
        return None
    return re.sub(r"\s+", "", stem[: m.start()]) + m.group(1), measure, "表" in rest


def tables_file_of(path: str | Path, listings: dict[Path, list[Path]] | None = None) -> Path | None:
    """The one file beside a narrative that holds its tables, by name; None when there is none or more than one.
    `listings` keeps each folder's files for the next call (a scan asks once per stored document)."""
    if is_member_path(path):
        return None
    p = Path(path)
    key = _name_key(p.stem)
    if key is None or key[2]:
        return None
    siblings = _files_in(p.parent, {} if listings is None else listings)
    found = [q for q in siblings if q != p and (k := _name_key(q.stem)) is not None and k[:2] == key[:2] and k[2]]
    return found[0] if len(found) == 1 else None


def _files_in(folder: Path, listings: dict[Path, list[Path]]) -> list[Path]:
    if folder not in listings:
        try:
            with os.scandir(folder) as entries:
                listings[folder] = [folder / e.name for e in entries if e.is_file()]
        except OSError:
            listings[folder] = []
    return listings[folder]


def stamp(name: str, sha256: str, outcome: str) -> str:
    """The note a narrative's reason carries about its tables file: which file, its hash, what was done with it."""
    return f"表格文件《{name}》（sha256 {sha256[:12]}）：{outcome}"


def stamped(reason: str) -> tuple[str, str] | None:
    """(name, short hash) of the tables file a stored reason names, if any."""
    m = _STAMP.search(reason or "")
    return (m.group("name"), m.group("sha")) if m else None


def join_tables(doc: Document, tables: Document, name: str) -> bool:
    """Append the tables file's tables to a narrative that holds none of the standard tables, with the lines that
    title a table the reader did not draw (a 公开07表 printed without rules: the table is there); whether any table
    was joined. The joined tables are numbered after the narrative's own and keep their own number for display."""
    if has_standard_tables(doc):
        return False
    blocks, own_tables = len(doc.blocks), len(doc.tables())
    for b in tables.blocks:
        if isinstance(b, Paragraph) and not any(identify_table(line) for line in b.text.splitlines()):
            continue
        moved = {"sha256": tables.sha256, "file": name, "block": (b.prov.block or 0) + blocks}
        if isinstance(b, Table) and b.prov.table is not None:
            moved.update(table=b.prov.table + own_tables, table_offset=own_tables)
        b.prov = b.prov.with_(**moved)
        doc.blocks.append(b)
    return bool(tables.tables())


def has_standard_tables(doc: Document) -> bool:
    """Whether a document prints any table of the 部门预算·决算 templates itself (then it is checked on its own)."""
    return any(identify_table(t.title) for t in doc.tables())


def in_own_file(places: Iterable[Provenance]) -> bool:
    """Whether any of the places is in the document's own file, not in the tables file read with it (a sum inside
    that file is the tables file's own finding, reported on its own row)."""
    return any(p.file is None for p in places)
