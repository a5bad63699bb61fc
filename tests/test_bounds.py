"""Problem 8: output grows at most linearly with the input, and the catalog forgets superseded files.

The bounds asserted here are the ones the README states per MB of input (benchmarks/bench_bounds.py
measures them on larger inputs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hostile import fake_analyze

from pipeline.batch import ScanOptions, scan
from pipeline.rows import DENSE_TEXT, MAX_TEXT
from pipeline.store import Catalog

CLAIMS_CSV_PER_INPUT = 80  # README, Bounds: claims.csv ≤ 80 MB per MB of input text, the catalog ≤ 2 MB
CATALOG_PER_INPUT = 2
DUMP_CLAIMS_CSV_PER_INPUT = 25  # a one-line data dump measures 22 (bench_bounds.py)


def sizes(out: Path) -> tuple[int, int]:
    return (out / "claims.csv").stat().st_size, (out / "catalog.sqlite").stat().st_size


def test_a_one_line_data_dump_gives_bounded_outputs(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    dump = "收入2998.29万元，占82.84%；" * 1500  # 50 KB, one line, 3,000 figures
    (d / "dump.txt").write_text(dump, "utf-8")
    prose = "一、基本情况\n2023年本年支出合计3619.44万元，其中基本支出2998.29万元，占本年支出82.84%。\n"
    (d / "prose.txt").write_text(prose, "utf-8")
    out = tmp_path / "out"
    report = scan([str(d)], ScanOptions(out=out, workers=1))
    assert [r["status"] for r in report.documents] == ["ok", "ok"]
    claims_bytes, catalog_bytes = sizes(out)
    given = len(dump.encode()) + len(prose.encode())
    assert claims_bytes <= DUMP_CLAIMS_CSV_PER_INPUT * given, claims_bytes / given
    assert catalog_bytes <= CATALOG_PER_INPUT * given + 200_000, catalog_bytes / given  # + an empty catalog
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((out / "claims.csv").read_bytes().decode("utf-8-sig"))))
    dumped = [r["source_text"] for r in rows if r["document"].endswith("dump.txt")]
    assert len(dumped) >= 3_000 and max(map(len, dumped)) <= DENSE_TEXT + 2  # + the two … marks
    sentence = next(r["source_text"] for r in rows if r["document"].endswith("prose.txt") and r["value"] == "82.84")
    assert sentence == "2023年本年支出合计3619.44万元，其中基本支出2998.29万元，占本年支出82.84%。"  # prose kept whole
    assert MAX_TEXT > DENSE_TEXT


def test_the_most_figures_a_text_can_hold_stay_within_the_stated_bound(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    grid = "1\t2\t3\t4\t5\n" * 2000  # a one-digit cell every 2 bytes: 10,000 table facts from 20 KB
    (d / "grid.txt").write_text(grid, "utf-8")
    out = tmp_path / "out"
    report = scan([str(d)], ScanOptions(out=out, workers=1))
    assert report.documents[0]["status"] == "ok" and int(report.documents[0]["facts"]) == 10_000
    claims_bytes, catalog_bytes = sizes(out)
    paths = 10_000 * (len(str(d / "grid.txt").encode()) + 1)  # the document's path starts every row
    assert claims_bytes - paths <= CLAIMS_CSV_PER_INPUT * len(grid), (claims_bytes - paths) / len(grid)
    assert catalog_bytes <= CATALOG_PER_INPUT * len(grid) + 200_000, catalog_bytes / len(grid)


def test_superseded_versions_and_removed_files_leave_the_catalog(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    out = tmp_path / "out"
    opts = ScanOptions(out=out, workers=1)
    body = "".join(f"C|支出{i}|{i}.25|万元\n" for i in range(500)) + "F|share.x|error|82.58|82.84|占82.58%|3\n"
    (d / "copy.txt").write_text(body + "X\n", "utf-8")
    sizes_after = []
    for edit in range(4):  # the first scan, then three edits of one file
        (d / "report.txt").write_text(body + f"第{edit}次修订\n", "utf-8")
        scan([str(d)], opts, analyze=fake_analyze, rules="r")
        sizes_after.append((out / "catalog.sqlite").stat().st_size)
    db = sqlite3.connect(out / "catalog.sqlite")
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2  # one per file, not per version
    assert db.execute("SELECT count(DISTINCT doc_sha256) FROM claims_csv").fetchone()[0] == 2
    db.close()
    assert sizes_after[-1] <= sizes_after[1] * 1.1, sizes_after  # flat, not growing with each edit

    (d / "copy.txt").unlink()  # a file removed from a folder scanned again
    scan([str(d)], opts, analyze=fake_analyze, rules="r")
    cat = Catalog(out / "catalog.sqlite", "0.1.0", "r")
    try:
        assert len(cat.dump()["documents"]) == 1
    finally:
        cat.close()
