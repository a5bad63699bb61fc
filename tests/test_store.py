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
    assert [c.split(",")[4] for c in cat.claims_csv("aa")] == ["subject1", "subject2"]
    assert cat.findings("aa")[0]["rule"] == "rule1"
    cat.put(doc("aa", "failed", 1), [], [])
    assert cat.get("aa").status == "failed" and cat.claims_csv("aa") == [] and cat.findings("aa") == []
    cat.close()


def test_versions_key_results(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    old = Catalog(path, "0.1.0", "r1")
    old.put(doc("aa"), [claim(1)], [finding(1)])
    old.close()
    new = Catalog(path, "0.2.0", "r1")
    assert new.get("aa") is None and new.claims_csv("aa") == []
    new.put(doc("aa"), [claim(7)], [])
    assert [c.split(",")[4] for c in new.claims_csv("aa")] == ["subject7"]
    assert len(new.dump()["documents"]) == 1 and len(new.dump()["claims_csv"]) == 1  # old version dropped
    new.close()


def test_failed_transaction_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import store

    cat = Catalog(tmp_path / "c.sqlite", "0.1.0", "r1")
    cat.put(doc("aa"), [claim(1)], [finding(1)])
    real, calls = store._pack, []

    def fail_second(records):  # noqa: ANN001, ANN202 - the claims are stored, then the findings fail
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.IntegrityError("simulated failure after the first insert")
        return real(records)

    monkeypatch.setattr(store, "_pack", fail_second)
    with pytest.raises(sqlite3.IntegrityError):
        cat.put(doc("aa", "partial"), [claim(2)], [finding(2)])
    assert cat.get("aa").status == "ok" and [c.split(",")[4] for c in cat.claims_csv("aa")] == ["subject1"]
    assert [f["rule"] for f in cat.findings("aa")] == ["rule1"]
    cat.close()


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


def test_rules_version_covers_every_file_whose_output_the_catalog_stores(tmp_path):
    """Problem 9: rows.py and export.py render what the catalog stores, but a change there did not
    change the rules' version, so stale rows were exported. Each module and data file of the project,
    changed in a copy, changes the version — except the few whose output is never stored."""
    import shutil

    from conftest import ROOT

    from pipeline.batch import NOT_STORED, rules_version

    for d in ("extractors", "pipeline"):
        shutil.copytree(ROOT / d, tmp_path / d, ignore=shutil.ignore_patterns("__pycache__"))
    files = sorted(p for d in ("extractors", "pipeline") for p in (tmp_path / d).rglob("*") if p.is_file())
    rel = {p.relative_to(tmp_path).as_posix() for p in files}
    assert {"pipeline/rows.py", "pipeline/export.py", "pipeline/store.py", "pipeline/isolate.py"} <= rel
    assert set(NOT_STORED) <= rel  # the exceptions name real files
    base = rules_version(tmp_path)
    for p in files:
        original = p.read_bytes()
        p.write_bytes(original + b"\n# changed\n")
        changed = rules_version(tmp_path)
        p.write_bytes(original)
        name = p.relative_to(tmp_path).as_posix()
        if name in NOT_STORED:
            assert changed == base, f"{name} is not stored, yet changes the rules' version"
        else:
            assert changed != base, f"{name} does not change the rules' version"
    (tmp_path / "pipeline" / "checks" / "new_family.py").write_text("RULES = []\n", "utf-8")
    assert rules_version(tmp_path) != base  # a new module is covered without being listed
