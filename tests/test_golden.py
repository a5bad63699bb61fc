"""Reviewed golden findings (README: *Golden findings: review and regenerate*).

Every document of corpus/, ../shared/realdocs and ../shared/realdocs-wide is analysed in-process by
`pipeline.analyze.analyze_file`, the function `gouji scan` runs in its workers, and its error and warning
findings (the columns of findings.csv that say what was found) must equal tests/golden/<folder>/<file>.csv
row for row; each row carries a `why`, the hand review with the arithmetic that makes it real, and a row
without one (or marked `FALSE:`, a known false alarm) fails. tests/golden/_status.csv pins each document's
status, so a document that stops being read (or starts) is a reviewed change too.

`GOUJI_GOLDEN=write python -m pytest tests/test_golden.py` rewrites the files from the current findings,
keeping the `why` of every unchanged row."""

from __future__ import annotations

import difflib
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import pytest

from extractors import convert
from tests.conftest import CORPUS, REALDOCS, REALDOCS_WIDE
from tests.golden_findings import (
    COLUMNS,
    FALSE_MARK,
    GOLDEN,
    KEY,
    STATUS_COLUMNS,
    STATUS_FILE,
    analysed,
    golden_path,
    read_csv,
    render_csv,
    sort_rows,
    with_whys,
    write_csv,
)

FOLDERS = {"corpus": CORPUS, "realdocs": REALDOCS, "realdocs-wide": REALDOCS_WIDE}
NOT_REPORTS = {"README.md"}  # the shared folders' own description, not a published report
WRITE = os.environ.get("GOUJI_GOLDEN") == "write"


def _documents() -> list[tuple[str, str]]:
    """Every document present and every golden file, so a golden file whose document is gone is caught."""
    found: set[tuple[str, str]] = set()
    for folder, where in FOLDERS.items():
        if where.is_dir():
            found |= {
                (folder, p.name)
                for p in where.iterdir()
                if p.is_file() and p.name not in NOT_REPORTS and not p.name.startswith(".")
            }
        if (GOLDEN / folder).is_dir():
            found |= {(folder, p.name.removesuffix(".csv")) for p in (GOLDEN / folder).glob("*.csv")}
    return sorted(found)


DOCUMENTS = _documents()


def _selected(session: pytest.Session) -> list[tuple[str, str]]:
    wanted = []
    for item in session.items:
        callspec, module = getattr(item, "callspec", None), getattr(item, "module", None)
        if module is not None and module.__name__ == __name__ and callspec is not None:
            wanted.append(callspec.params["document"])
    return wanted


@pytest.fixture(scope="session")
def analyses(request: pytest.FixtureRequest) -> Iterator[dict[tuple[str, str], Future[dict[str, Any]]]]:
    """Each selected document analysed once, two at a time, the largest first (so the long ones overlap
    the rest); a test waits only for its own document."""
    present = [d for d in _selected(request.session) if (FOLDERS[d[0]] / d[1]).is_file()]
    present.sort(key=lambda d: -(FOLDERS[d[0]] / d[1]).stat().st_size)
    spawn = multiprocessing.get_context("spawn")  # no fork of a process that may already hold threads
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1), mp_context=spawn) as pool:
        yield {d: pool.submit(analysed, str(FOLDERS[d[0]] / d[1])) for d in present}


def _status_rows() -> dict[str, dict[str, str]]:
    return {r["document"]: r for r in read_csv(STATUS_FILE)} if STATUS_FILE.is_file() else {}


def _write_status(document: str, row: dict[str, str] | None) -> None:
    rows = _status_rows()
    if row is None:
        rows.pop(document, None)
    else:
        rows[document] = row
    write_csv(STATUS_FILE, [rows[k] for k in sorted(rows)], STATUS_COLUMNS)


def _diff(golden: list[dict[str, str]], current: list[dict[str, str]], name: str) -> str:
    before = render_csv(golden, KEY).splitlines()
    after = render_csv(current, KEY).splitlines()
    return "\n".join(difflib.unified_diff(before, after, f"golden/{name}.csv", "current findings", lineterm="", n=1))


@pytest.mark.parametrize("document", DOCUMENTS, ids=[f"{f}/{n}" for f, n in DOCUMENTS])
def test_golden_findings(document: tuple[str, str], analyses: dict[tuple[str, str], Future[dict[str, Any]]]) -> None:
    folder, name = document
    where, golden_file, key = FOLDERS[folder], golden_path(folder, name), f"{folder}/{name}"
    if not where.is_dir():
        pytest.skip(f"real reports not present at {where} (a user's own clone); CI always has them")
    if not (where / name).is_file():
        if WRITE:
            golden_file.unlink(missing_ok=True)
            _write_status(key, None)
            return
        pytest.fail(f"{golden_file} pins a document that is no longer at {where / name}: remove the golden file")
    if name.lower().endswith((".doc", ".wps", ".rtf")) and not convert.available():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing on CI: .ci/run must install it")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui); .doc needs it")

    result = analyses[document].result()
    status = {"document": key, "kind": result["kind"], "status": result["status"], "reason": result["reason"]}
    current = sort_rows(result["rows"])
    golden = read_csv(golden_file) if golden_file.is_file() else None
    if WRITE:
        write_csv(golden_file, with_whys(current, golden or []), COLUMNS)
        _write_status(key, status)
        golden = read_csv(golden_file)

    assert golden is not None, f"no golden file {golden_file}: run GOUJI_GOLDEN=write (README) and review it"
    pinned = _status_rows().get(key)
    assert pinned == status, f"{key}: status {status} but tests/golden/_status.csv pins {pinned}"
    diff = _diff(sort_rows(golden), current, f"{folder}/{name}")
    assert not diff, f"{key}: the findings differ from the golden file (review, then GOUJI_GOLDEN=write):\n{diff}"
    unreviewed = [r for r in golden if not r["why"].strip() or r["why"].startswith(FALSE_MARK)]
    assert not unreviewed, (
        f"{key}: rows without a reviewed why (check the finding in the document and write the arithmetic that makes"
        f" it real) or marked {FALSE_MARK} (a false alarm: fix gouji, then regenerate):\n"
    ) + "\n".join(
        f"  {r['location']} {r['rule']} {r['subject']} {r['stated_value']}/{r['expected_value']}: {r['why'] or '(empty)'}"
        for r in unreviewed
    )


def test_status_has_no_stale_rows() -> None:
    known = {f"{f}/{n}" for f, n in DOCUMENTS}
    stale = sorted(set(_status_rows()) - known)
    assert not stale, f"tests/golden/_status.csv pins documents that are gone: {stale}"
