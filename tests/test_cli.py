"""The `gouji` command: help, extract, claims, rules, scan exit codes, lock, messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from pipeline.cli import build_parser, main
from pipeline.rows import CLAIMS_COLUMNS

SEED_FILES = [CORPUS / "beishan-2023.txt", CORPUS / "beishan-2023.docx", CORPUS / "beishan-2023.pdf"]


def gouji(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command as a user runs it (a fresh process)."""
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True, timeout=timeout)


@pytest.mark.parametrize("command", [[], ["scan"], ["extract"], ["claims"], ["rules"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main([*command, "--help"])
    assert e.value.code == 0
    assert "usage: gouji" in capsys.readouterr().out


def test_parser_knows_every_command() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == {"scan", "extract", "claims", "tables", "rules"}


def test_no_command_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.suffix)
def test_extract_text(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(path), "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    para = [x for x in lines if "基本支出2998.29万元，占本年支出82.58%" in x]
    assert len(para) == 1 and "段落" in para[0].split("\t")[0]
    assert any(x.split("\t", 1)[1] == "三公经费： | 9.84 | 11 | 9.73" for x in lines if "\t" in x)
    rows = [x.split("\t", 1) for x in lines if "2224.35 | 3630.41 | 3619.44 | 10 | 99.7% | 9.97" in x]
    assert len(rows) == 1 and " r" in rows[0][0] and "表" in rows[0][0]
    assert "年度资金总额" in rows[0][1] and "年度预算申请" not in rows[0][1]
    if path.suffix == ".pdf":
        assert para[0].startswith("p.")


def test_extract_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED_FILES[0]), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "txt" and doc["sha256"] and doc["blocks"]
    kinds = {b["kind"] for b in doc["blocks"]}
    assert kinds == {"paragraph", "table"}
    assert all(b["location"] for b in doc["blocks"])


@pytest.mark.parametrize(
    "name,data,reason",
    [("empty.pdf", b"", "corrupt"), ("notzip.docx", b"\x00\x01\x02\xff" * 50, "unsupported")],
)
def test_extract_unreadable_is_one_line_and_exit_1(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    r = gouji("extract", str(p))
    assert r.returncode == 1 and r.stdout == b""
    err = r.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and str(p) in err and reason in err and "Traceback" not in err


def test_extract_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "no/such/file.pdf"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_claims_csv_on_stdout() -> None:
    r = gouji("claims", str(SEED_FILES[0]))
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig"))))
    assert list(rows[0]) == CLAIMS_COLUMNS
    assert {x["kind"] for x in rows} <= {"claim", "fact"}
    basic = [x for x in rows if x["kind"] == "claim" and x["value"] == "2998.29" and x["unit"] == "万元"]
    assert basic and all(x["base_value"] in ("29982900", "29982900.00") and x["decimals"] == "2" for x in basic)
    assert all(x["document"] == str(SEED_FILES[0]) and x["location"] for x in rows)


def test_claims_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "zero.txt"
    p.write_bytes(b"")
    assert main(["claims", str(p)]) == 1
    assert "corrupt" in capsys.readouterr().err


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.checks import RULES
    from pipeline.checks.template_rules import load_rules

    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id\tfamily\tseverity\ttitle\tkinds"
    rows = [x.split("\t") for x in lines[1:]]
    listed = [x for x in rows if "/" not in x[0]]
    assert [x[0] for x in listed] == sorted(RULES)
    for rid, family, severity, title, kinds in listed:
        r = RULES[rid]
        assert (family, severity, title) == (r.family, r.severity, r.title)
        assert kinds == ("*" if r.any_kind else ",".join(r.kinds))
    kinds_of = {x[0]: x[4] for x in listed}
    assert kinds_of["repeat.different-values"] == "*"
    assert kinds_of["template.cross-table"] == "部门决算,单位决算,部门预算,单位预算"
    # each declarative template rule under the rule whose findings it makes, with the kinds of its tables
    declared = [x for x in rows if "/" in x[0]]
    assert len(declared) == len(load_rules().all()) and all(x[1] == "template" for x in declared)
    assert ["template.cross-table/js.total.balance", "template", "error", "收入支出决算总表：收入总计 = 支出总计"] + [
        "部门决算,单位决算"
    ] in declared
    assert "template.sum/ys.total.income" in {x[0] for x in declared}
    ids = [x[0] for x in rows]
    assert ids.index("template.cross-table/js.total.balance") > ids.index("template.cross-table")
    assert ids.index("template.cross-table/js.total.balance") < ids.index("template.empty-note-with-data")


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "no/such/folder", "--out", "{tmp}/o"],
        ["scan", "{corpus}", "--out", "{tmp}/o", "--workers", "0"],
        ["scan", "{corpus}", "--out", "{tmp}/o", "--fail-on", "everything"],
        ["scan", "{corpus}", "--out", "{tmp}/file.txt"],
        ["scan", "{corpus}"],
    ],
)
def test_scan_bad_usage_exits_2(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    argv = [a.format(tmp=tmp_path, corpus=CORPUS) for a in args]
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own usage errors
        code = e.code
    assert code == 2


def test_scan_lock_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,sys,time; f=open(sys.argv[1],'a+'); fcntl.lockf(f, fcntl.LOCK_EX); f.write('777');"
            " f.flush(); print('locked', flush=True); time.sleep(60)",
            str(out / ".lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        r = gouji("scan", str(SEED_FILES[0]), "--out", str(out), "--quiet")
    finally:
        holder.kill()
        holder.wait()
    assert r.returncode == 2
    assert "another gouji scan" in r.stderr.decode() and "777" in r.stderr.decode()
    assert not (out / "findings.csv").exists()


def test_scan_closing_line_and_fail_on(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = gouji("scan", str(SEED_FILES[0]), "--out", str(out), "--workers", "1", "--fail-on", "warning")
    stdout = r.stdout.decode().strip().splitlines()
    assert stdout[-1].startswith("Processed 1 documents: 1 ok, 0 partial, 0 skipped, 0 failed; ")
    assert r.stderr.decode() == ""  # not a terminal: no progress bar
    errors = int(stdout[-1].split("; ")[1].split(" errors")[0])
    assert r.returncode == (1 if errors else 0)  # the seed has known inconsistencies
    again = gouji("scan", str(SEED_FILES[0]), "--out", str(out), "--fail-on", "error", "--fail-on", "failed")
    assert again.returncode == 0  # nothing new
    assert again.stdout.decode().strip().endswith("0 warnings (0 new)") or "(0 new)" in again.stdout.decode()
    assert "1 skipped" in again.stdout.decode()


def test_progress_bar_counts_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.cli import _Bar

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = _Bar(enabled=True)
    bar(0, 3, "")
    time.sleep(0.2)  # tqdm redraws at most every 0.1 s
    bar(2, 3, "corpus/a.txt")
    bar.close()
    assert "2/3" in err.getvalue()
    quiet = _Bar(enabled=False)
    quiet(1, 3, "x")
    quiet.close()
    assert "1/3" not in err.getvalue()
