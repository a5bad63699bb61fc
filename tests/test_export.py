"""Exports: BOM, formula escaping, numbers, atomic writes, run-over-run comparison (the workbook: test_workbook)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from pipeline import export
from pipeline.export import escape_text, read_csv, unescape_text, write_csv
from pipeline.notes import compare
from pipeline.rows import FINDINGS_COLUMNS


def row(fid: str, document: str = "a.txt", **kw: str) -> dict[str, str]:
    base = {c: "" for c in FINDINGS_COLUMNS}
    base.update(finding_id=fid, document=document, severity="error", stated_text="基本支出占82.58%")
    base.update(kw)
    return base


@pytest.mark.parametrize("text", ["=1+1", "+86 123", "-3.2万元", "@SUM(A1)"])
def test_formula_prefixes_escaped_and_unescaped(text: str) -> None:
    assert escape_text(text) == "'" + text
    assert unescape_text(escape_text(text)) == text


@pytest.mark.parametrize("text", ["基本支出", "82.58%", "'quoted", "", "a=b"])
def test_plain_text_untouched(text: str) -> None:
    assert escape_text(text) == text and unescape_text(text) == text


def test_csv_bom_numbers_and_text(tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    rows = [row("1", difference="-3.2", stated_value="-0.5", stated_text="-3.2", unit="=x", page="")]
    write_csv(p, FINDINGS_COLUMNS, rows, "findings")
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    got = next(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert got["difference"] == "-3.2" and got["stated_value"] == "-0.5"  # numeric columns stay numbers
    assert got["stated_text"] == "'-3.2" and got["unit"] == "'=x"  # text columns are escaped
    assert read_csv(p)[0]["stated_text"] == "-3.2"


def test_non_number_in_numeric_column_is_escaped(tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    write_csv(p, FINDINGS_COLUMNS, [row("1", difference="-inf", expected_value="=2")], "findings")
    got = next(csv.DictReader(io.StringIO(p.read_bytes().decode("utf-8-sig"))))
    assert got["difference"] == "'-inf" and got["expected_value"] == "'=2"


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    write_csv(p, FINDINGS_COLUMNS, [row("old")], "findings")
    before = p.read_bytes()

    def broken():
        yield row("new")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv(p, FINDINGS_COLUMNS, broken(), "findings")
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.csv"]  # no temporary left behind


def test_stale_temporaries_removed(tmp_path: Path) -> None:
    (tmp_path / (export.TEMP_PREFIX + "findings.csv.abc")).write_text("half")
    (tmp_path / "keep.csv").write_text("x")
    export.remove_stale_temporaries(tmp_path)
    assert [x.name for x in tmp_path.iterdir()] == ["keep.csv"]


def test_read_csv_saved_by_excel_as_gb18030(tmp_path: Path) -> None:
    p = tmp_path / "f.csv"
    text = "finding_id,document,核实状态,审计备注\r\nabc,报告.pdf,已核实,'=见底稿\r\n"
    p.write_bytes(text.encode("gb18030"))
    assert read_csv(p) == [{"finding_id": "abc", "document": "报告.pdf", "核实状态": "已核实", "审计备注": "=见底稿"}]


def test_compare_change_resolved_and_annotations() -> None:
    previous = [
        row("keep", 核实状态="已核实"),
        row("gone", stated_text="人员经费占10%"),
        row("elsewhere", document="other.txt"),
    ]
    current = [row("keep"), row("fresh", stated_text="公用经费占5%")]
    annotations = {"keep": ("已核实", "见底稿"), "fresh": ("", ""), "gone": ("误报", "")}
    resolved = compare(current, previous, annotations, {"a.txt"})
    assert [(r["finding_id"], r["change"], r["核实状态"], r["审计备注"]) for r in current] == [
        ("keep", "unchanged", "已核实", "见底稿"),
        ("fresh", "new", "", ""),
    ]
    # findings of documents outside this run are not 'resolved'; a resolved one keeps its notes
    assert [(r["finding_id"], r["change"], r["核实状态"]) for r in resolved] == [("gone", "resolved", "误报")]


def test_compare_follows_a_finding_whose_id_changed() -> None:
    """Ids from an older gouji, or a subject read better: the same rule, figure and sentence in the
    same document is the same finding, and keeps its notes."""
    previous = [row("0000000000000001", rule="share.x", stated_value="82.58", 核实状态="已核实")]
    current = [row("Fnew", rule="share.x", stated_value="82.580", subject="基本支出")]
    resolved = compare(current, previous, {"0000000000000001": ("已核实", "底稿3")}, {"a.txt"})
    assert resolved == []
    assert (current[0]["change"], current[0]["核实状态"], current[0]["审计备注"]) == ("unchanged", "已核实", "底稿3")
    # two candidates: no guessing
    twice = [row("Fa", rule="share.x", stated_value="82.58"), row("Fb", rule="share.x", stated_value="82.58")]
    resolved = compare(twice, previous, {"0000000000000001": ("已核实", "")}, {"a.txt"})
    assert [r["finding_id"] for r in resolved] == ["0000000000000001"] and resolved[0]["核实状态"] == "已核实"
    assert {r["change"] for r in twice} == {"new"}


def test_prerendered_claims_csv_is_byte_identical_to_rendering_the_rows(tmp_path):
    """claims.csv of a rerun is assembled from records rendered when the document was stored."""
    from pipeline.export import csv_records, write_csv, write_prerendered_csv

    columns = ["document", "subject", "value", "source_text"]
    rows = {
        "a,b.pdf": [{"subject": "=SUM(A1)", "value": "-3.2", "source_text": "第一行\n第二行"}],
        "-x.txt": [{"subject": '人员"经费"', "value": "2295.62", "source_text": ""}, {"subject": "", "value": ""}],
    }
    whole = [{"document": doc, **r} for doc, records in rows.items() for r in records]
    write_csv(tmp_path / "direct.csv", columns, whole, "claims")
    parts = [(doc, csv_records(columns[1:], records, "claims")) for doc, records in rows.items()]
    write_prerendered_csv(tmp_path / "prerendered.csv", columns, parts)
    assert (tmp_path / "prerendered.csv").read_bytes() == (tmp_path / "direct.csv").read_bytes()


def test_an_absurdly_long_sentence_is_cut_around_its_figure():
    from pipeline.rows import MAX_TEXT, excerpt

    assert excerpt("基本支出2998.29万元") == "基本支出2998.29万元"
    long = "甲" * 5000 + "2998.29万元" + "乙" * 5000
    cut = excerpt(long, "2998.29")
    assert "2998.29万元" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) == MAX_TEXT + 2


def test_exports_are_ordinary_files_not_private_temporaries(tmp_path):
    import os
    import stat

    target = tmp_path / "x.csv"
    write_csv(target, ["a"], [{"a": "1"}], "findings")
    mode = stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask
