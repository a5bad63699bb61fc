"""The catalog: keyed by sha256 and versions, one transaction per document, annotations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline.rows import CLAIM_FIELDS, FINDING_FIELDS
from pipeline.store import Catalog, StoredDocument


def doc(sha: str, status: str = "ok", failures: int = 0) -> StoredDocument:
    return StoredDocument(sha, "txt", "other", None, status, "", 1.5, 1, 0, 1, 0, 0, failures)


def claim(i: int) -> dict[str, str]:
    return {c: f"{c}{i}" for c in CLAIM_FIELDS} | {"_pos": f"{i:05d}"}


def finding(i: int) -> dict[str, str]:
    return {c: f"{c}{i}" for c in FINDING_FIELDS} | {"_pos": f"{i:05d}"}


def test_put_get_roundtrip_and_replace(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite", "0.1.0", "r1")
    cat.put(doc("aa"), [claim(1), claim(2)], [finding(1)])
    assert cat.get("aa") == doc("aa") and cat.get("bb") is None
    assert [c["subject"] for c in cat.claims("aa")] == ["subject1", "subject2"]
    assert cat.findings("aa")[0]["rule"] == "rule1"
    cat.put(doc("aa", "failed", 1), [], [])
    assert cat.get("aa").status == "failed" and cat.claims("aa") == [] and cat.findings("aa") == []
    cat.close()


def test_versions_key_results(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    old = Catalog(path, "0.1.0", "r1")
    old.put(doc("aa"), [claim(1)], [finding(1)])
    old.close()
    new = Catalog(path, "0.2.0", "r1")
    assert new.get("aa") is None and new.claims("aa") == []
    new.put(doc("aa"), [claim(7)], [])
    assert [c["subject"] for c in new.claims("aa")] == ["subject7"]
    assert len(new.dump()["documents"]) == 1 and len(new.dump()["claims"]) == 1  # old version dropped
    new.close()


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite", "0.1.0", "r1")
    cat.put(doc("aa"), [claim(1)], [finding(1)])
    cat._insert = _fail_second(cat._insert)  # type: ignore[method-assign]
    with pytest.raises(sqlite3.IntegrityError):
        cat.put(doc("aa", "partial"), [claim(2)], [finding(2)])
    assert cat.get("aa").status == "ok" and [c["subject"] for c in cat.claims("aa")] == ["subject1"]
    cat.close()


def _fail_second(insert):
    def wrapped(table, cols, key, records):
        insert(table, cols, key, records)
        raise sqlite3.IntegrityError("simulated failure after the first insert")

    return wrapped


def test_annotations(tmp_path: Path) -> None:
    cat = Catalog(tmp_path / "c.sqlite", "0.1.0", "r1")
    cat.save_annotations({"id1": ("已核实", "ok"), "id2": ("", "")})
    cat.save_annotations({"id1": ("误报", "")})
    assert cat.annotations() == {"id1": ("误报", ""), "id2": ("", "")}
    cat.close()


def test_old_schema_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema', '0')")
    db.execute("CREATE TABLE documents (whatever TEXT)")
    db.commit()
    db.close()
    cat = Catalog(path, "0.1.0", "r1")
    cat.put(doc("aa"), [], [])
    assert cat.get("aa") is not None
    cat.close()


def test_rules_version_follows_the_code_and_data_of_readers_and_checks(tmp_path):
    from pipeline.batch import rules_version

    for rel in ("extractors/data/units.csv", "pipeline/checks/share.py", "pipeline/cli.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("v1", encoding="utf-8")
    first = rules_version(tmp_path)
    assert rules_version(tmp_path) == first
    (tmp_path / "pipeline/cli.py").write_text("v2", encoding="utf-8")  # the face, not the results
    assert rules_version(tmp_path) == first
    (tmp_path / "pipeline/checks/share.py").write_text("v2", encoding="utf-8")
    second = rules_version(tmp_path)
    assert second != first
    (tmp_path / "extractors/data/units.csv").write_text("v2", encoding="utf-8")
    assert rules_version(tmp_path) != second
