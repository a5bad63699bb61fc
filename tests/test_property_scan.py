"""Any bytes a file system allows as names and any bytes as contents go through `gouji scan`: the run
completes, every file gets exactly one row, and every output is valid UTF-8."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.model import ReadError
from pipeline.cli import main

REASONS = ReadError.REASONS + ReadError.FILE_REASONS
SUFFIXES = [b"", b".txt", b".pdf", b".docx", b".doc", b".TXT", b".csv"]
HEADS = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe"]
REPORTISH = st.lists(
    st.sampled_from(
        ["本年支出合计", "3619.44万元", "，其中", "基本支出", "2998.29", "占", "82.58%", "。", "\n", "\t", "1"]
    ),
    max_size=40,
).map("".join)

names = st.tuples(
    st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b),
    st.sampled_from(SUFFIXES),
).map(lambda t: t[0] + t[1])
names = names.filter(lambda b: b not in (b".", b"..") and len(b) <= 255)
contents = st.one_of(
    st.binary(max_size=3000),
    st.tuples(st.sampled_from(HEADS), st.binary(max_size=500)).map(lambda t: t[0] + t[1]),
    st.tuples(REPORTISH, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le"])).map(lambda t: t[0].encode(t[1])),
)


def _warm() -> None:
    """Build the tokenizer here once: each scan's worker is forked from this process and inherits it."""
    from extractors.subjects import tokenizer

    tokenizer()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(names, contents), min_size=1, max_size=3, unique_by=lambda f: f[0]))
def test_random_names_and_contents_never_break_a_scan(files: list[tuple[bytes, bytes]]) -> None:
    _warm()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, data in files:
            (folder / os.fsdecode(name)).write_bytes(data)
        out = Path(tmp) / "out"
        code = main(["scan", str(folder), "--out", str(out), "--workers", "1", "--quiet", "--timeout", "30"])
        assert code in (0, 1)
        outputs = {n: (out / n).read_bytes().decode("utf-8") for n in ("documents.csv", "findings.csv", "claims.csv")}
        rows = list(csv.DictReader(io.StringIO(outputs["documents.csv"].lstrip("\ufeff"))))
        assert len(rows) == len(files)  # every file found: exactly one row
        for r in rows:
            assert r["status"] in ("ok", "partial", "failed", "skipped"), r
            if r["status"] in ("failed", "skipped"):
                assert r["reason"].split(":")[0] in REASONS, r
            assert r["path"].isprintable(), r
        assert (out / "findings.xlsx").read_bytes()[:2] == b"PK"
