"""Planted-error harness: every planted inconsistency is found at its place; the unmodified seed adds nothing."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_TXT
from tests.test_seed_findings import EXPECTED

spec = importlib.util.spec_from_file_location("make_planted", ROOT / "scripts" / "make_planted.py")
make_planted = importlib.util.module_from_spec(spec)
sys.modules["make_planted"] = make_planted  # dataclasses look their module up
spec.loader.exec_module(make_planted)


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("planted")
    manifest = make_planted.make(out, SEED_TXT)
    assert manifest["docx"], "the .docx variants need corpus/beishan-2023.docx (scripts/make_corpus.py)"
    return out, make_planted.evaluate(out)


def test_manifest_describes_every_variant(planted):
    out, _ = planted
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    kinds = {p["kind"] for p in m["plants"]}
    assert {"share", "table-cell", "sum", "direction-word", "score", "narrative-figure", "none"} <= kinds
    for p in m["plants"]:
        for name in p["files"].values():
            assert (out / name).is_file()
        assert p["kind"] == "none" or p["family"]


def test_never_writes_into_corpus(tmp_path):
    with pytest.raises(ValueError):
        make_planted.make(ROOT / "corpus" / "planted", SEED_TXT, docx=False)


def test_plants_must_be_unique_in_the_seed():
    seed = SEED_TXT.read_text(encoding="utf-8")
    bad = make_planted.Plant("x", "sum", "sum", "ambiguous", "万元", "千元")
    with pytest.raises(ValueError):
        make_planted.plant_text(seed, bad)


def test_unmodified_seed_gives_only_the_known_alarms(planted):
    _, results = planted
    base = [r for r in results if r["kind"] == "none"]
    assert {r["format"] for r in base} == {"txt", "docx"}
    for r in base:
        assert {(rule, stated) for rule, _loc, stated in r["alarms"]} == EXPECTED


def test_every_plant_is_found_at_its_place(planted):
    _, results = planted
    missed = [(r["id"], r["format"]) for r in results if r["kind"] != "none" and not r["found"]]
    assert missed == []


def test_every_plant_is_found_by_its_family(planted):
    _, results = planted
    missed = [(r["id"], r["format"], r["rules"]) for r in results if r["kind"] != "none" and not r["by_family"]]
    assert missed == []


def test_recall_per_family_is_complete(planted):
    _, results = planted
    rec = make_planted.recall(results, "family")
    assert set(rec) >= {"share", "sum", "narrative_table", "rate", "direction", "scoresheet"}
    assert all(found == total for found, total in rec.values()), rec
