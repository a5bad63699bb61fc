"""The embedded catalog `DIR/catalog.sqlite`: what was analysed, with which versions, and its results.

Keyed by (sha256, gouji_version, rules_version). Each document's results are written in one
transaction, so a scan killed at any moment leaves every document either fully stored or absent.
Records are path-independent: identical copies of a file share one entry.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.pdf_render import Band, Crop
from pipeline.export import csv_records
from pipeline.rows import CLAIM_FIELDS, FINDING_FIELDS

SCHEMA_VERSION = "5"
# a document that failed this many times with the same versions is not retried until --rescan
MAX_FAILURES = 2

_FINDING_COLS = [*FINDING_FIELDS, "_pos", "_evidence"]  # _evidence: JSON, see rows.evidence_json


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL, gouji_version TEXT NOT NULL, rules_version TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', pages INTEGER, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
    seconds REAL NOT NULL DEFAULT 0, claims INTEGER NOT NULL DEFAULT 0, facts INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0, infos INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0, updated REAL NOT NULL,
    PRIMARY KEY (sha256, gouji_version, rules_version)
);
CREATE TABLE IF NOT EXISTS findings (
    doc_sha256 TEXT NOT NULL, doc_gouji_version TEXT NOT NULL, doc_rules_version TEXT NOT NULL,
    records BLOB NOT NULL,
    PRIMARY KEY (doc_sha256, doc_gouji_version, doc_rules_version)
);
CREATE TABLE IF NOT EXISTS claims_csv (
    doc_sha256 TEXT NOT NULL, doc_gouji_version TEXT NOT NULL, doc_rules_version TEXT NOT NULL,
    records BLOB NOT NULL,
    PRIMARY KEY (doc_sha256, doc_gouji_version, doc_rules_version)
);
CREATE TABLE IF NOT EXISTS crops (
    doc_sha256 TEXT NOT NULL, doc_gouji_version TEXT NOT NULL, doc_rules_version TEXT NOT NULL, crop_id TEXT NOT NULL,
    page INTEGER NOT NULL, top REAL NOT NULL, bottom REAL NOT NULL, page_width REAL NOT NULL,
    width INTEGER NOT NULL, height INTEGER NOT NULL, jpeg BLOB NOT NULL,
    PRIMARY KEY (doc_sha256, doc_gouji_version, doc_rules_version, crop_id)
);
CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS annotations (
    finding_id TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL, updated REAL NOT NULL
);
"""


@dataclass
class StoredDocument:
    sha256: str
    format: str
    kind: str  # the report's kind (部门决算, 预算执行情况和预算草案的报告 …), '' when it could not be read
    pages: int | None
    status: str  # ok | partial | failed
    reason: str
    seconds: float
    claims: int
    facts: int
    errors: int
    warnings: int
    infos: int
    failures: int


class Catalog:
    """One scan's handle on DIR/catalog.sqlite; only the scanning process writes to it."""

    def __init__(self, path: Path, gouji_version: str, rules_version: str) -> None:
        """Open (or create) the catalog; raise sqlite3.DatabaseError when it is damaged."""
        self.path = Path(path)
        self.versions = (gouji_version, rules_version)
        self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            check = self.db.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise sqlite3.DatabaseError("; ".join(str(r[0]) for r in check[:3]))
            self._migrate()
        except BaseException:
            self.db.close()
            raise

    def _migrate(self) -> None:
        have = None
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            have = row[0] if row else None
        except sqlite3.OperationalError:
            pass
        if have not in (None, SCHEMA_VERSION):
            # an older catalog layout: drop the cached results (they are recomputed), keep nothing stale
            with self.transaction():
                for table in ("documents", "claims", "claims_csv", "findings", "crops", "paths", "meta"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute("PRAGMA auto_vacuum=INCREMENTAL")
            self.db.execute("VACUUM")  # gives the dropped results' space back, and makes the mode stick
        elif have is None:
            self.db.execute("PRAGMA auto_vacuum=INCREMENTAL")  # before any table: pruned space is returned
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        self.db.close()

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def get(self, sha256: str) -> StoredDocument | None:
        row = self.db.execute(
            "SELECT sha256, format, kind, pages, status, reason, seconds, claims, facts, errors, warnings, infos, failures"
            " FROM documents WHERE sha256=? AND gouji_version=? AND rules_version=?",
            (sha256, *self.versions),
        ).fetchone()
        return StoredDocument(*row) if row else None

    def put(
        self,
        doc: StoredDocument,
        claims: list[dict[str, Any]] | None = None,
        findings: list[dict[str, Any]] | None = None,
        crops: dict[str, Crop] | None = None,
    ) -> None:
        """Replace everything known about one document, in one transaction (crops: its page images).
        Claims are kept only as their claims.csv records, rendered once and compressed, and findings
        as one compressed list (the catalog's bulk; see README, Bounds)."""
        key = (doc.sha256, *self.versions)
        with self.transaction():
            # results of other versions of gouji/rules for this file are obsolete once this one is stored
            self._delete(doc.sha256)
            self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    *key,
                    doc.format,
                    doc.kind,
                    doc.pages,
                    doc.status,
                    doc.reason,
                    doc.seconds,
                    doc.claims,
                    doc.facts,
                    doc.errors,
                    doc.warnings,
                    doc.infos,
                    doc.failures,
                    time.time(),
                ),
            )
            # claims.csv rows rendered once: a rerun that skips the document copies them instead
            rendered = csv_records(CLAIM_FIELDS, claims or [], "claims")
            self.db.execute("INSERT INTO claims_csv VALUES (?,?,?,?)", (*key, _pack(rendered)))
            kept = [{c: str(r.get(c, "")) for c in _FINDING_COLS} for r in findings or []]
            self.db.execute("INSERT INTO findings VALUES (?,?,?,?)", (*key, _pack(kept)))
            self.db.executemany(
                "INSERT INTO crops VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    (*key, cid, c.band.page, c.top, c.bottom, c.page_width, c.width, c.height, c.jpeg)
                    for cid, c in (crops or {}).items()
                ),
            )

    def _delete(self, sha256: str) -> None:
        self.db.execute("DELETE FROM documents WHERE sha256=?", (sha256,))
        for table in ("claims_csv", "findings", "crops"):
            self.db.execute(f"DELETE FROM {table} WHERE doc_sha256=?", (sha256,))

    def record_paths(self, current: dict[str, str], gone: Collection[str] = ()) -> int:
        """Remember which file (sha256) each path holds now, and prune the results of files no path
        holds any more: a document's superseded versions, and files removed from a folder scanned
        again (`gone`). Returns how many were pruned. Auditors' notes are never pruned."""
        with self.transaction():
            before = {p: sha for p, sha in self.db.execute("SELECT path, sha256 FROM paths")}
            self.db.executemany("INSERT OR REPLACE INTO paths VALUES (?,?)", current.items())
            self.db.executemany("DELETE FROM paths WHERE path=?", ((p,) for p in gone))
            dropped = {before[p] for p in current.keys() | set(gone) if p in before and before[p] != current.get(p)}
            held = {sha for (sha,) in self.db.execute("SELECT DISTINCT sha256 FROM paths")}
            stale = dropped - held
            for sha in stale:
                self._delete(sha)
        if stale:
            self.db.execute("PRAGMA incremental_vacuum")
        return len(stale)

    def paths_under(self, prefixes: list[str]) -> set[str]:
        """Paths recorded under any of these folders (each ending with a separator)."""
        rows = self.db.execute("SELECT path FROM paths").fetchall()
        return {p for (p,) in rows if p.startswith(tuple(prefixes))}

    def claims_csv(self, sha256: str) -> list[str]:
        """The document's claims.csv records without the document column (see export.csv_records)."""
        row = self.db.execute(
            "SELECT records FROM claims_csv WHERE doc_sha256=? AND doc_gouji_version=? AND doc_rules_version=?",
            (sha256, *self.versions),
        ).fetchone()
        return _unpack(row[0]) if row else []

    def findings(self, sha256: str) -> list[dict[str, str]]:
        row = self.db.execute(
            "SELECT records FROM findings WHERE doc_sha256=? AND doc_gouji_version=? AND doc_rules_version=?",
            (sha256, *self.versions),
        ).fetchone()
        return _unpack(row[0]) if row else []

    def crops(self, sha256: str) -> dict[str, Crop]:
        """The document's page images (report.html), by crop id."""
        cur = self.db.execute(
            "SELECT crop_id, page, top, bottom, page_width, width, height, jpeg FROM crops"
            " WHERE doc_sha256=? AND doc_gouji_version=? AND doc_rules_version=?",
            (sha256, *self.versions),
        )
        return {
            cid: Crop(Band(page, top, bottom), top, bottom, page_width, width, height, bytes(jpeg))
            for cid, page, top, bottom, page_width, width, height, jpeg in cur
        }

    # ---------------------------------------------------------- auditor annotations

    def save_annotations(self, notes: dict[str, tuple[str, str]]) -> None:
        """The auditor's columns as read from the previous findings.csv (authoritative for its ids)."""
        now = time.time()
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO annotations VALUES (?,?,?,?)",
                ((fid, status, note, now) for fid, (status, note) in notes.items()),
            )

    def annotations(self) -> dict[str, tuple[str, str]]:
        return {fid: (s, n) for fid, s, n in self.db.execute("SELECT finding_id, status, note FROM annotations")}

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, values: dict[str, str]) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", values.items())

    def dump(self) -> dict[str, Any]:
        """Everything, for debugging and tests."""
        return {
            t: self.db.execute(f"SELECT * FROM {t}").fetchall()
            for t in ("documents", "claims_csv", "findings", "crops", "paths", "meta")
        } | {"annotations": json.dumps(self.annotations(), ensure_ascii=False)}


def _pack(records: list[Any]) -> bytes:
    """A document's records as one compressed value: its rows repeat the same words and sentences."""
    return zlib.compress(json.dumps(records, ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)


def _unpack(packed: bytes) -> Any:
    return json.loads(zlib.decompress(packed).decode("utf-8", "surrogatepass"))


SIDE_FILES = ("", "-wal", "-shm", "-journal")  # SQLite's own files beside the catalog


def open_catalog(path: Path, gouji_version: str, rules_version: str) -> tuple[Catalog, str]:
    """The catalog of DIR, and a one-line warning when it had to be rebuilt: a damaged catalog (random
    bytes, cut short, a folder) or one that is a link (it would write outside DIR) is moved aside as
    `catalog.sqlite.damaged-<time>` with its SQLite side files, and a new one is started. Nothing
    else in DIR is touched; results are recomputed, auditors' notes are still in findings.csv/.xlsx."""
    path = Path(path)
    problem = _unsafe(path)
    if not problem:
        try:
            return Catalog(path, gouji_version, rules_version), ""
        except (sqlite3.DatabaseError, OSError) as e:
            problem = f"{type(e).__name__}: {e}"
    aside = aside_name(path, "damaged")
    for side in SIDE_FILES:
        if os.path.lexists(f"{path}{side}"):
            os.replace(f"{path}{side}", f"{aside}{side}")  # renames a link itself, never its target
    warning = f"{path.name} could not be used ({problem}); moved aside as {aside.name}, rebuilding from scratch"
    return Catalog(path, gouji_version, rules_version), warning


def aside_name(path: Path, why: str) -> Path:
    """`<name>.<why>-<time>`, not yet taken (with SQLite's side files)."""
    base = path.with_name(f"{path.name}.{why}-{time.strftime('%Y%m%d-%H%M%S')}")
    aside, n = base, 1
    while any(os.path.lexists(f"{aside}{side}") for side in SIDE_FILES):
        n += 1
        aside = base.with_name(f"{base.name}-{n}")
    return aside


def _unsafe(path: Path) -> str:
    for side in SIDE_FILES:
        try:
            st = os.lstat(f"{path}{side}")
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(st.st_mode):
            return f"{path.name}{side} is a symbolic link"
        if not stat.S_ISREG(st.st_mode):
            return f"{path.name}{side} is not a regular file"
    return ""


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
