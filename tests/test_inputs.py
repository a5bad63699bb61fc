"""What a scan covers: every file under a folder gets a row, whatever its name, format or state."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS

from pipeline import inputs
from pipeline.cli import main
from pipeline.inputs import readable, walk

GBK_NAME = os.fsdecode("部门决算.txt".encode("gbk"))  # a zip made on Windows, unzipped on Linux


def rows(out: Path) -> dict[str, dict[str, str]]:
    docs = csv.DictReader(io.StringIO((out / "documents.csv").read_bytes().decode("utf-8-sig")))
    return {Path(r["path"]).name: r for r in docs}


def test_readable_escapes_undecodable_bytes_and_control_characters() -> None:
    assert readable(GBK_NAME) == r"\xb2\xbf\xc3\xc5\xbe\xf6\xcb\xe3.txt"
    assert readable("部门决算\n2023.txt") == r"部门决算\x0a2023.txt"
    assert readable("\ud800x") == r"\ud800x"  # a lone surrogate from anywhere else
    assert readable("预算 2023.pdf") == "预算 2023.pdf"


@contextlib.contextmanager
def unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make a file or folder unreadable: by its permissions, or, for root (whom permissions do not
    stop), by failing the calls the scan makes on it exactly as the kernel would."""
    if os.geteuid() != 0:
        path.chmod(0)
        try:
            yield
        finally:
            path.chmod(0o755)
        return
    denied = OSError(errno.EACCES, "Permission denied")
    real_scandir, real_open = os.scandir, open

    def scandir(p):  # noqa: ANN001, ANN202
        if os.fspath(p) == str(path):
            raise denied
        return real_scandir(p)

    def opener(p, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        if os.fspath(p) == str(path):
            raise denied
        return real_open(p, *a, **kw)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    monkeypatch.setattr("builtins.open", opener)
    yield


def test_unreadable_folder_and_file_get_failed_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "hidden-from-us.txt").write_text("x")
    (d / "secret.dwg").write_bytes(b"x")  # unsupported suffix: the walk opens it to look at its content
    with unreadable(d / "locked", monkeypatch), unreadable(d / "secret.dwg", monkeypatch):
        found = {f.key: f for f in walk([str(d)])}
    assert found["locked"].status == "failed"
    assert found["locked"].reason == "permission_denied: cannot open the folder: permission denied"
    assert found["secret.dwg"].status == "failed" and found["secret.dwg"].reason.startswith("permission_denied")


def test_links_dangling_looping_and_back_to_an_ancestor(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "linked.txt").write_text("x")
    (d / "dangling.pdf").symlink_to("nowhere.pdf")
    (d / "loop-a").symlink_to("loop-b")
    (d / "loop-b").symlink_to("loop-a")
    (d / "sub" / "up").symlink_to("..")
    (d / "outside").symlink_to(outside)
    found = {f.key: f for f in walk([str(d)])}
    assert (found["dangling.pdf"].status, found["dangling.pdf"].reason) == (
        "failed",
        "dangling_link: a link to nowhere.pdf, which does not exist",
    )
    assert found["loop-a"].status == "failed" and found["loop-a"].reason.startswith("link_loop: ")
    assert found["sub/up"].status == "skipped" and "already walked" in found["sub/up"].reason
    assert found["outside/linked.txt"].status == ""  # a link to a folder elsewhere is followed
    assert len(found) == 5


def test_a_folder_reached_by_a_link_and_by_its_path_is_listed_under_its_path(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "b").mkdir(parents=True)
    (d / "b" / "r.txt").write_text("x")
    (d / "a").symlink_to("b")  # sorts first, but the real folder wins
    found = {f.key: f for f in walk([str(d)])}
    assert found["b/r.txt"].status == "" and found["a"].status == "skipped"


def test_path_longer_than_the_system_allows(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    fd = os.open(d, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 × 255 bytes: past PATH_MAX (4096)
            os.mkdir("d" * 255, dir_fd=fd)
            fd, old = os.open("d" * 255, os.O_RDONLY, dir_fd=fd), fd
            os.close(old)
        with open(os.open("r.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
            f.write("x")
    finally:
        os.close(fd)
    found = walk([str(d)])
    assert [f.status for f in found] == ["failed"]
    assert found[0].reason.startswith("name_too_long: ")


def test_a_gbk_file_name_is_scanned_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Problem 1: a name that is not UTF-8 crashed the scan (finding_id) and `gouji claims`."""
    d = tmp_path / "in"
    d.mkdir()
    (d / GBK_NAME).write_bytes((CORPUS / "beishan-2023.txt").read_bytes())
    out = tmp_path / "out"
    assert main(["scan", str(d), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("Processed 1 documents: 1 ok")
    shown = readable(GBK_NAME)
    assert rows(out)[shown]["status"] == "ok"
    findings = (out / "findings.csv").read_bytes().decode("utf-8-sig")
    assert shown in findings and "\ufffd" not in findings
    assert main(["claims", str(d / GBK_NAME)]) == 0
    assert shown in capsys.readouterr().out


def test_a_folder_of_word_97_reports_is_visible_and_fails_the_run(tmp_path: Path) -> None:
    """Problem 3: .doc/.wps files and odd extensions never reached documents.csv; a folder of them gave
    `Processed 0 documents` and exit 0 even with --fail-on failed."""
    d = tmp_path / "in"
    d.mkdir()
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (d / "2023年部门决算.doc").write_bytes(ole2)
    (d / "2023年部门预算.wps").write_bytes(ole2)
    (d / "really-a-docx.bin").write_bytes((CORPUS / "beishan-2023.docx").read_bytes())
    out = tmp_path / "out"
    code = main(["scan", str(d), "--out", str(out), "--workers", "1", "--quiet", "--fail-on", "failed"])
    assert code == 1
    got = rows(out)
    assert got["really-a-docx.bin"]["status"] == "ok" and got["really-a-docx.bin"]["format"] == "docx"
    for name in ("2023年部门决算.doc", "2023年部门预算.wps"):  # an OLE2 header and nothing else: damaged
        assert got[name]["status"] == "failed" and got[name]["format"] == "ole2"
        assert got[name]["reason"].startswith("corrupt: broken Office 97–2003 file")
