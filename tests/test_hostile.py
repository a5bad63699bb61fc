"""The hostile set: file names, formats, encodings, links and output folders a scan must survive,
each with the row it must get (see tests/hostile.py; the 24 hostile documents of make_hostile are
checked by tests/test_batch_real.py the same way)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import CORPUS
from hostile import Expect, make_more_hostile

from pipeline.batch import ScanOptions, scan
from pipeline.inputs import readable


@pytest.fixture(scope="module")
def hostile_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Expect], dict[str, dict[str, str]], object]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    expected = make_more_hostile(folder, CORPUS)
    report = scan([str(folder)], ScanOptions(out=root / "out", workers=2, timeout=30))
    raw = (root / "out" / "documents.csv").read_bytes().decode("utf-8")  # strict: the outputs are UTF-8
    prefix = readable(str(folder)) + "/"
    rows = {}
    for r in csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))):
        assert r["path"].startswith(prefix)
        rows[r["path"][len(prefix) :]] = r
    return expected, rows, report


def _case_names() -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return sorted(make_more_hostile(Path(tmp) / "in", CORPUS))


@pytest.mark.parametrize("case", _case_names())
def test_hostile_case_gets_its_row(hostile_run, case: str) -> None:
    expected, rows, _ = hostile_run
    if case.endswith("/*"):
        got = [r for k, r in rows.items() if k.startswith(case[:-1])]
        assert len(got) == 1, [r["path"] for r in got]
        row = got[0]
    else:
        row = rows[case]
    assert expected[case].matches(row["status"], row["reason"]), (case, row["status"], row["reason"])


def test_every_file_found_has_exactly_one_row(hostile_run) -> None:
    expected, rows, report = hostile_run
    assert len(rows) == len(expected)
    assert report.closing_line().startswith(f"Processed {len(expected)} documents: ")
    assert report.unread() == sum(
        1 for r in rows.values() if r["status"] == "failed" or r["reason"].startswith("unsupported")
    )


# ------------------------------------------------------------------------------------ the output folder


def _docs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir(exist_ok=True)
    (d / "a.txt").write_text("F|share.x|error|82.58|82.84|基本支出占82.58%|3\n", "utf-8")
    return d


def _fake_scan(d: Path, out: Path, **kw):  # noqa: ANN202
    from hostile import fake_analyze

    return scan([str(d)], ScanOptions(out=out, workers=1, **kw), analyze=fake_analyze, rules="r")


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_planted_lock_never_writes_outside_the_output_folder(tmp_path: Path, link: str) -> None:
    """Problem 5: a symlinked DIR/.lock truncated a file outside DIR and wrote the pid into it."""
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    if link == "symlink":
        (out / ".lock").symlink_to(victim)
    else:
        (out / ".lock").hardlink_to(victim)
    _fake_scan(_docs(tmp_path), out)
    assert victim.read_text("utf-8") == "precious\n"
    lock = out / ".lock"
    assert not lock.is_symlink() and lock.stat().st_nlink == 1 and lock.read_text().isdigit()


@pytest.mark.parametrize("damage", ["random-bytes", "cut-short", "a-folder", "a-link", "a-linked-wal"])
def test_a_damaged_catalog_is_moved_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    """Problem 6: a damaged catalog.sqlite stopped every scan with a sqlite3 traceback, --rescan too."""
    import os

    d, out = _docs(tmp_path), tmp_path / "out"
    first = _fake_scan(d, out)
    catalog = out / "catalog.sqlite"
    outside = tmp_path / "outside.sqlite"
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith("catalog")}
    for side in ("-wal", "-shm"):
        Path(f"{catalog}{side}").unlink(missing_ok=True)
    if damage == "random-bytes":
        catalog.write_bytes(os.urandom(20_000))
    elif damage == "cut-short":
        catalog.write_bytes(catalog.read_bytes()[: catalog.stat().st_size // 2])
    elif damage == "a-folder":
        catalog.unlink()
        catalog.mkdir()
    elif damage == "a-link":
        catalog.rename(outside)
        catalog.symlink_to(outside)
    else:
        Path(f"{catalog}-wal").symlink_to(outside)
    outside_before = outside.read_bytes() if outside.exists() else None
    report = _fake_scan(d, out, rescan=damage == "cut-short")
    assert len(report.warnings) == 1 and "moved aside as catalog.sqlite.damaged-" in report.warnings[0]
    assert report.findings and [f["finding_id"] for f in report.findings] == [f["finding_id"] for f in first.findings]
    aside = sorted(p.name for p in out.iterdir() if ".damaged-" in p.name)
    assert aside and all(n.startswith("catalog.sqlite.damaged-") for n in aside)
    assert catalog.is_file() and not catalog.is_symlink()
    assert (outside.read_bytes() if outside.exists() else None) == outside_before  # nothing written outside DIR
    # nothing else in DIR was touched by the recovery (the exports are rewritten with the same content)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name in before}
    assert after.keys() == before.keys()
    assert _fake_scan(d, out).warnings == []  # the rebuilt catalog is used from now on


def test_output_folder_problems_are_one_plain_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Problem 11: --out a symlink loop gave a RuntimeError traceback; findings.csv as a folder gave an
    error naming a temporary file; `gouji scan -rf.pdf` said 'required: PATH'."""
    import os

    from pipeline.cli import main

    d = _docs(tmp_path)
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "o2" / "findings.csv").mkdir(parents=True)
    (tmp_path / "-rf.pdf").write_bytes(b"%PDF-1.4\n")
    os.chdir(tmp_path)
    cases = [
        (
            ["scan", str(d), "--out", "loop"],
            "--out loop: link_loop: cannot open the folder: a symbolic link that loops",
        ),
        (["scan", str(d), "--out", "o2"], "o2/findings.csv is a folder; gouji writes its findings.csv there"),
        (["scan", "-rf.pdf", "--out", "o3"], "'-rf.pdf' is a file whose name starts with '-'"),
        (["extract", str(d)], "a folder, not a file (gouji scan walks folders)"),
    ]
    for argv, message in cases:
        code = main(argv)
        err = capsys.readouterr().err
        assert code in (1, 2) and message in err and err.count("\n") == 1 and "Traceback" not in err, (argv, err)
    assert not (tmp_path / "o2" / "documents.csv").exists() and not (tmp_path / "o3").exists()


def test_a_failed_export_leaves_the_previous_run_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problem 1's aftermath: a crash while exporting left no export or a folder mixing two runs."""
    from pipeline import batch

    d, out = _docs(tmp_path), tmp_path / "out"
    _fake_scan(d, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".csv", ".xlsx")}
    (d / "b.txt").write_text("F|sum.x|error|5|6|合计5|4\n", "utf-8")
    real = batch.write_csv

    def broken(path, columns, rows, kind):  # noqa: ANN001, ANN202
        if "documents.csv" in Path(path).name:
            raise OSError(28, "No space left on device")
        return real(path, columns, rows, kind)

    monkeypatch.setattr(batch, "write_csv", broken)
    with pytest.raises(OSError):
        _fake_scan(d, out)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".csv", ".xlsx")} == before
    assert not list(out.glob(".gouji-tmp-*"))


def test_jiebas_shared_cache_is_neither_read_nor_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Problem 7: jieba's cache in the shared temporary folder: a second user got 'Dump cache file
    failed.' and a traceback; a cache planted by another user made every document silently partial."""
    import marshal
    import tempfile

    from extractors import subjects, wordcut
    from pipeline.cli import main

    def claims() -> bytes:
        assert main(["claims", str(CORPUS / "beishan-2023.txt")]) == 0
        out, err = capsysbinary.readouterr()
        assert err == b""
        return out

    expected = claims()
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    poison = marshal.dumps(({"基本": 1, "支": 1}, 2))  # loads fine, and would cut every sentence wrongly
    (shared / "jieba.cache").write_bytes(poison)
    monkeypatch.setenv("TMPDIR", str(shared))
    monkeypatch.setattr(tempfile, "tempdir", None)  # the shared temporary folder is now `shared`
    monkeypatch.setattr(wordcut, "_TOKENIZER", None)  # a fresh process would build its tokenizer now
    monkeypatch.setattr(subjects, "_VERBS_ADDED", False)
    assert claims() == expected  # the planted dictionary was not used
    assert [p.name for p in shared.iterdir()] == ["jieba.cache"] and (shared / "jieba.cache").read_bytes() == poison


def test_the_scanning_process_never_parses_a_file_that_hung_its_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that timed out returns no format; the scan used to sniff the file itself, so a file
    that hangs a content check (a run of blank lines once did, in a Markdown pattern) hung the run."""
    from extractors import registry

    def never(*args: object) -> str:
        raise AssertionError("the scanning process parsed a file's content")

    monkeypatch.setattr(registry, "sniff", never)
    d = tmp_path / "in"
    d.mkdir()
    (d / "hangs.txt").write_text("SLEEP 30\n" + "\n" * 5000, "utf-8")
    report = _fake_scan(d, tmp_path / "out", timeout=1)
    row = report.documents[0]
    assert (row["status"], row["format"]) == ("failed", "txt") and row["reason"].startswith("timeout")
