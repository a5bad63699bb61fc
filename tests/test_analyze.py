"""One document end to end: a stage that breaks on odd input costs that stage only, and says so."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from pipeline import analyze


def test_seed_analyses_ok() -> None:
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "ok" and result.reason == ""
    assert result.claims and result.facts and result.count("error") > 0


def test_a_failing_stage_keeps_earlier_results_and_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> list:
        raise ValueError("odd input")

    monkeypatch.setattr(analyze, "run_checks", broken)
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "partial"
    assert result.reason == "checks failed: ValueError: odd input"
    assert result.claims and result.facts and result.findings == []


def test_unreadable_file_fails_with_its_reason(tmp_path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = analyze.analyze_file(empty)
    assert result.status == "failed" and result.reason.startswith("corrupt:")
