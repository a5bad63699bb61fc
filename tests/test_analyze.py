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


def test_a_data_dump_paragraph_is_reported_not_checked_pairwise(tmp_path) -> None:
    """Pairwise checks over a paragraph of thousands of figures would take quadratic time and prove nothing."""
    from pipeline.checks.unresolved import MAX_CLAIMS_PER_PARAGRAPH

    dump = tmp_path / "dump.txt"
    dump.write_text("收入2998.29万元，占82.84%；" * (MAX_CLAIMS_PER_PARAGRAPH // 2 + 10), encoding="utf-8")
    result = analyze.analyze_file(dump)
    assert result.status == "ok" and len(result.claims) > MAX_CLAIMS_PER_PARAGRAPH
    assert [f.rule for f in result.findings] == ["unresolved.dense-paragraph"]
    assert f"有 {len(result.claims)} 个数字" in result.findings[0].explanation
