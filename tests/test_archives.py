"""Zip bundles: each member a document of its own (`bundle.zip!/附件2.pdf`), GBK names decoded, nested
archives to a fixed depth, zip bombs and names that climb out refused, nothing written outside a private
temporary folder."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

import pytest

from extractors import archive
from extractors.registry import file_sha256, read_document
from pipeline.archives import expand_archives
from pipeline.batch import ScanOptions, scan
from pipeline.inputs import walk
from tests.conftest import CORPUS

SEED_TXT = (CORPUS / "beishan-2023.txt").read_bytes()


class _GbkInfo(zipfile.ZipInfo):
    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own name
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def make_zip(path: Path, members: dict[str, bytes], gbk: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            info = _GbkInfo(name) if gbk else zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return path


def rows(tmp_path: Path, *paths: Path) -> dict[str, dict]:
    report = scan([str(p) for p in paths], ScanOptions(out=tmp_path / "out", workers=1))
    return {d["path"]: d for d in report.documents}


def test_gbk_member_names_are_decoded(tmp_path: Path) -> None:
    z = make_zip(tmp_path / "b.zip", {"附件1-部门决算.txt": SEED_TXT}, gbk=True)
    assert [m.name for m in archive.list_members(z)] == ["附件1-部门决算.txt"]
    with zipfile.ZipFile(z) as raw:
        assert raw.infolist()[0].flag_bits & 0x800 == 0  # really stored without the UTF-8 flag


def test_members_are_documents_in_every_output(tmp_path: Path) -> None:
    z = make_zip(
        tmp_path / "bundle.zip", {"附件2.txt": SEED_TXT, "说明/readme.txt": "本包含一份报告。".encode()}, gbk=True
    )
    got = rows(tmp_path, z)
    member = f"{z}!/附件2.txt"
    assert set(got) == {str(z), member, f"{z}!/说明/readme.txt"}
    assert got[str(z)]["status"] == "skipped" and got[str(z)]["reason"].startswith("archive: its 2 member(s)")
    assert got[member]["status"] == "ok" and got[member]["format"] == "txt" and int(got[member]["errors"]) > 0
    assert got[member]["sha256"] == file_sha256(member)
    findings = (tmp_path / "out" / "findings.csv").read_text("utf-8-sig")
    claims = (tmp_path / "out" / "claims.csv").read_text("utf-8-sig")
    assert "bundle.zip!/附件2.txt" in findings and "bundle.zip!/附件2.txt" in claims


def test_a_member_path_reads_like_a_file(tmp_path: Path) -> None:
    z = make_zip(tmp_path / "b.zip", {"a/seed.txt": SEED_TXT})
    doc = read_document(f"{z}!/a/seed.txt")
    assert doc.path == f"{z}!/a/seed.txt" and doc.format == "txt" and doc.tables()


def test_nested_archives_to_a_fixed_depth(tmp_path: Path) -> None:
    innermost = make_zip(tmp_path / "d4.zip", {"seed.txt": SEED_TXT}).read_bytes()
    inner = make_zip(tmp_path / "inner.zip", {"d4.zip": innermost, "seed.txt": SEED_TXT}).read_bytes()
    middle = make_zip(tmp_path / "middle.zip", {"inner.zip": inner}).read_bytes()
    outer = make_zip(tmp_path / "outer.zip", {"middle.zip": middle, "top.txt": SEED_TXT})
    found = {f.path: f for f in expand_archives(walk([str(outer)]))}
    third = f"{outer}!/middle.zip!/inner.zip"
    assert found[f"{outer}!/middle.zip"].status == "skipped" and found[third].status == "skipped"
    assert not found[f"{third}!/seed.txt"].decided  # three archives deep: read
    fourth = found[f"{third}!/d4.zip"]
    assert fourth.status == "skipped" and "nested deeper than 3" in fourth.reason
    assert not any(p.startswith(f"{third}!/d4.zip!/") for p in found)
    assert read_document(f"{third}!/seed.txt").tables()


def test_hostile_members_are_refused_and_nothing_escapes(tmp_path: Path) -> None:
    bomb = b"0" * (archive.BOMB_RATIO * 1024 * 1024 // 10 * 12)  # ~240 MB of zeros: deflates > 1000:1
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../escaped.txt", SEED_TXT)
        zf.writestr("/abs/escaped.txt", SEED_TXT)
        zf.writestr("bomb.txt", bomb)
        zf.writestr("ok.txt", SEED_TXT)
    del bomb
    before = set(os.listdir(tempfile.gettempdir()))
    got = rows(tmp_path, z)
    assert got[f"{z}!/../../escaped.txt"]["status"] == "skipped"
    assert "climbs out" in got[f"{z}!/../../escaped.txt"]["reason"]
    assert "climbs out" in got[f"{z}!//abs/escaped.txt"]["reason"]
    assert got[f"{z}!/bomb.txt"]["status"] == "failed" and "zip bomb" in got[f"{z}!/bomb.txt"]["reason"]
    assert got[f"{z}!/ok.txt"]["status"] == "ok"
    assert not (tmp_path.parent / "escaped.txt").exists() and not Path("/abs/escaped.txt").exists()
    assert not [n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("gouji-member-")]


def test_a_broken_archive_fails_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(200))
    good = tmp_path / "seed.txt"
    good.write_bytes(SEED_TXT)
    got = rows(tmp_path, bad, good)
    assert got[str(good)]["status"] == "ok"
    assert got[str(bad)]["status"] in ("failed", "skipped") and got[str(bad)]["reason"]


@pytest.mark.parametrize(("magic", "words"), [(b"Rar!\x1a\x07\x00", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7-Zip")])
def test_rar_and_7z_are_unsupported_with_a_reason(tmp_path: Path, magic: bytes, words: str) -> None:
    path = tmp_path / "bundle.bin"
    path.write_bytes(magic + b"\x00" * 100)
    got = rows(tmp_path, path)[str(path)]
    assert got["status"] == "skipped" and words in got["reason"] and "unpack it" in got["reason"]
