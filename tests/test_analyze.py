"""One document end to end: a stage that breaks on odd input costs that stage only, and says so."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from pipeline import analyze


def test_seed_analyses_ok() -> None:
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "ok" and result.reason == ""
    assert result.claims and result.facts and result.count("error") > 0


def _raise(error: BaseException):  # noqa: ANN202
    def broken(*args: object, **kwargs: object) -> list:
        raise error

    return broken


def test_a_failing_stage_costs_that_stage_only_and_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problem 4: when the claims stage raised, facts and checks were skipped too."""
    monkeypatch.setattr(analyze, "extract_claims", _raise(ValueError("odd input")))
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "partial"
    assert result.reason == "claims failed: ValueError: odd input"
    assert result.claims == [] and result.facts and result.findings  # table checks still ran


def test_a_document_on_which_no_check_ran_is_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problem 4: 0 claims, 0 facts, 0 findings passed as `partial`; --fail-on failed never saw it."""
    monkeypatch.setattr(analyze, "extract_claims", _raise(ValueError("odd input")))
    monkeypatch.setattr(analyze, "extract_facts", _raise(KeyError("cell")))
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "failed"
    assert result.reason == (
        "crashed: no check could run: claims failed: ValueError: odd input; table facts failed: KeyError: 'cell'"
    )
    monkeypatch.undo()
    monkeypatch.setattr(analyze, "run_checks", _raise(ValueError("broken")))
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert (result.status, result.reason) == (
        "failed",
        "crashed: no check could run: checks failed: ValueError: broken",
    )


@pytest.mark.parametrize(
    "error",
    [
        MemoryError(),
        ImportError("libopenblas.so: failed to map segment from shared object"),
        OSError(12, "Cannot allocate memory"),
    ],
    ids=["MemoryError", "ImportError-map-segment", "ENOMEM"],
)
def test_running_out_of_memory_in_any_stage_is_oom(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Problem 4: a MemoryError in the claims stage showed as `partial`; a failed import as `crashed`."""
    monkeypatch.setattr(analyze, "extract_claims", _raise(error))
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "failed" and result.reason.startswith("oom: out of memory in the claims stage")
    assert result.claims == result.facts == result.findings == []


def test_one_failing_rule_family_keeps_the_others_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problem 10: the checks stage was one try block; one family's crash dropped every finding."""
    import pipeline.checks.share as share

    whole = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    monkeypatch.setattr(share, "check", _raise(ZeroDivisionError("share broke")))
    result = analyze.analyze_file(CORPUS / "beishan-2023.txt")
    assert result.status == "partial"
    assert result.reason == "check family share failed: ZeroDivisionError: share broke"
    kept = {f.rule for f in result.findings}
    # the other families' findings are kept (repeat reads what share leaves, so it may find less)
    assert kept <= {f.rule for f in whole.findings if not f.rule.startswith("share.")}
    assert len({r.split(".")[0] for r in kept}) >= 3 and not any(r.startswith("share.") for r in kept)


def test_the_isolated_task_reports_a_failed_import_for_lack_of_memory_as_oom() -> None:
    from pipeline.isolate import run_one

    def importer(path: str, sha: str):  # noqa: ANN202
        raise ImportError("/x/_multiarray_umath.so: failed to map segment from shared object")

    result = run_one(importer, "x.pdf", "0" * 64)
    assert result.status == "failed" and result.reason.startswith("oom: out of memory (ImportError")


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
