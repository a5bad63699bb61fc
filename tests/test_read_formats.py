"""The seed in the formats archives hold (tests/data/formats, made by scripts/make_formats.py): each reads
to the seed's known findings. Word-processor files need LibreOffice: without it they skip here, saying
so, except under CI (CI installs it, so a missing LibreOffice there is a failure)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from extractors import convert
from extractors.claims import extract_claims
from extractors.model import Document, ReadError, Table
from extractors.outline import build_outline
from extractors.registry import read_document, sniff
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks
from tests.conftest import CORPUS, ROOT
from tests.test_seed_findings import EXPECTED

FORMATS = ROOT / "tests" / "data" / "formats"


def needs_libreoffice() -> None:
    if convert.available():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice is missing on CI: .ci/run must install it")
    pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui); .doc/.wps/.rtf need it")


def known(doc: Document) -> set[tuple[str, str]]:
    found = run_checks(extract_claims(doc), extract_facts(doc), build_outline(doc), doc=doc)
    return {(f.rule, str(f.stated_value)) for f in found if f.severity in ("error", "warning")}


@pytest.fixture(scope="module")
def tables_only_reference() -> set[tuple[str, str]]:
    """What the seed's two appendix tables give on their own (a workbook holds no narrative)."""
    doc = read_document(CORPUS / "beishan-2023.docx")
    doc.blocks = [b for b in doc.blocks if isinstance(b, Table)]
    return known(doc)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("beishan-2023.doc", "doc"),
        ("beishan-2023.wps", "doc"),
        ("beishan-2023.rtf", "rtf"),
        ("beishan-2023.html", "html"),
        ("beishan-2023.md", "md"),
        ("beishan-2023.xlsx", "xlsx"),
        ("beishan-2023.xls", "xls"),
        ("附件-北山镇.zip", "zip"),
        ("beishan-2023-scan.pdf", "pdf"),
    ],
)
def test_sniffed_by_content_not_by_name(tmp_path: Path, name: str, fmt: str) -> None:
    renamed = tmp_path / "no-suffix.bin"
    shutil.copyfile(FORMATS / name, renamed)
    assert sniff(FORMATS / name) == fmt
    if fmt != "md":  # Markdown without its suffix is told by its content; this one starts as plain text
        assert sniff(renamed) == fmt


@pytest.mark.parametrize("name", ["beishan-2023.doc", "beishan-2023.wps", "beishan-2023.rtf"])
def test_word_files_read_to_the_seed_findings(name: str) -> None:
    needs_libreoffice()
    doc = read_document(FORMATS / name)
    assert known(doc) == EXPECTED
    source = "rtf" if name.endswith(".rtf") else "doc"
    assert doc.format == source and doc.converted and f"converted from {source}" in doc.converted
    assert doc.notes[0] == doc.converted
    assert all(b.prov.converted == f"{source}→docx" for b in doc.blocks)
    assert doc.to_dict()["blocks"][0]["prov"]["converted"] == f"{source}→docx"


@pytest.mark.parametrize("name", ["beishan-2023.html", "beishan-2023.md"])
def test_web_page_and_markdown_read_to_the_seed_findings(name: str) -> None:
    doc = read_document(FORMATS / name)
    assert known(doc) == EXPECTED
    texts = [p.text for p in doc.paragraphs()]
    assert texts[0] == "部门整体支出绩效自评报告"
    assert not any(word in t for t in texts for word in ("首页", "相关链接", "版权所有", "统计代码", "当前位置"))


@pytest.mark.parametrize("name", ["beishan-2023.xlsx", "beishan-2023.xls"])
def test_workbooks_read_to_the_findings_of_the_same_tables(name: str, tables_only_reference) -> None:
    doc = read_document(FORMATS / name)
    assert known(doc) == tables_only_reference
    titles = [t.title for t in doc.tables()]
    assert titles == ["目录", "附件3 部门整体支出绩效评价基础数据表", "附件4 部门整体支出绩效自评表"]
    assert all(t.unit == "万元" for t in doc.tables()[1:])
    assert "outside the print areas" in doc.notes[0]  # the hidden helper column A lies outside them
    contents = [e.text for e in build_outline(doc) if e.kind == "toc"]
    assert contents == ["附件3 部门整体支出绩效评价基础数据表", "附件4 部门整体支出绩效自评表"]


def test_workbook_numbers_keep_their_printed_decimals() -> None:
    for name in ("beishan-2023.xlsx", "beishan-2023.xls"):
        doc = read_document(FORMATS / name)
        facts = {(f.text, str(f.quantity.value), f.quantity.decimals) for f in extract_facts(doc)}
        assert ("99.7%", "99.7", 1) in facts, name
        assert ("68.3", "68.3", 1) in facts and ("2224.35", "2224.35", 2) in facts and ("114", "114", 0) in facts


def test_needs_converter_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOUJI_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(ReadError) as e:
        read_document(FORMATS / "beishan-2023.doc")
    assert e.value.reason == "needs_converter"
    assert "apt-get install libreoffice-writer-nogui" in e.value.message


def test_conversion_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    needs_libreoffice()
    monkeypatch.setattr(convert, "CONVERT_TIMEOUT", 0.05)
    with pytest.raises(ReadError) as e:
        read_document(FORMATS / "beishan-2023.rtf")
    assert e.value.reason == "timeout" and "LibreOffice" in e.value.message


def test_conversion_runs_without_network() -> None:
    """Only the loopback interface inside the conversion's sandbox. CI's kernel allows user namespaces."""
    isolated = convert.network_isolated()
    if not isolated and not os.environ.get("CI"):
        pytest.skip("this kernel does not allow unprivileged network namespaces (conversions still run)")
    assert isolated
