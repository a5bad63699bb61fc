"""report.html: self-contained, every finding beside its evidence, the same on a rerun, one page per
document for a large batch. (What a browser shows is tested in test_report_browser.py.)"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from extractors.evidence import collect
from extractors.model import Cell, Document, Paragraph, Provenance, Table
from pipeline import report
from pipeline.batch import ScanOptions, scan
from tests.conftest import CORPUS, realdoc

SHA = "0" * 64


def _scan(paths: list[Path], out: Path) -> lxml.html.HtmlElement:
    scan([str(p) for p in paths], ScanOptions(out=out, workers=1))
    return lxml.html.fromstring((out / "report.html").read_bytes())


def _findings(out: Path) -> list[dict[str, str]]:
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _card(page: lxml.html.HtmlElement, text: str) -> lxml.html.HtmlElement:
    cards = [c for c in page.cssselect("article.card") if text in c.text_content()]
    assert len(cards) == 1, f"{len(cards)} cards mention {text!r}"
    return cards[0]


@pytest.fixture(scope="module")
def finance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 财政局 决算 (25 pages) scanned alone."""
    folder = tmp_path_factory.mktemp("finance")
    shutil.copy(realdoc("财政局"), folder / "财政局2024年度部门决算.pdf")
    out = folder / "out"
    _scan([folder / "财政局2024年度部门决算.pdf"], out)
    return out


def test_the_report_is_one_self_contained_file(finance: Path) -> None:
    text = (finance / "report.html").read_text(encoding="utf-8")
    page = lxml.html.fromstring(text)
    csp = page.cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")
    assert "default-src 'none'" in csp and "img-src data:" in csp
    assert not page.cssselect("script[src], link, img[src^=http], iframe, object, embed")
    urls = re.findall(r"url\(([^)]*)\)", text)
    assert urls and all(u.startswith("data:image/jpeg;base64,") for u in urls)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text)
    assert "@import" not in text and "@font-face" not in text
    # bounded: 25 pages and 9 findings with their page images
    assert len(text.encode()) < 1_500_000


def test_each_finding_has_a_card_with_its_evidence(finance: Path) -> None:
    rows = _findings(finance)
    page = lxml.html.fromstring((finance / "report.html").read_bytes())
    cards = page.cssselect("article.card")
    assert len(cards) == len(rows) > 0
    assert [c.get("data-severity") for c in cards] == sorted(
        (c.get("data-severity") for c in cards), key=report.SEVERITY_RANK.__getitem__
    )  # errors first
    card = _card(page, "总计0.3万元")
    assert card.get("data-severity") == "error"
    assert card.cssselect("blockquote.stated mark")[0].text == "0.3万元"
    stated, related = card.cssselect("figure.place")[:2]
    assert "第21页" in stated.text_content() and "收入支出总计0.3万元" in stated.text_content()
    assert "第13页" in related.text_content() and "2,961.68" in related.text_content()
    # each has a page image with its figure boxed; the table cell is also shown among its rows
    for fig, kind in ((stated, "stated"), (related, "related")):
        crop = fig.cssselect("div.crop")[0]
        assert len(fig.cssselect(f"span.box.{kind}")) == 1
        assert any(cls in page.cssselect("style")[0].text for cls in crop.get("class").split() if cls != "crop")
    assert related.cssselect("table.ctx td.hit")[0].text == "2,961.68"
    link = card.cssselect("a.rel-link")[0]
    assert link.get("href") == "#" + related.get("id")


def test_a_box_sits_where_the_figure_is_printed(finance: Path) -> None:
    card = _card(lxml.html.fromstring((finance / "report.html").read_bytes()), "总计0.3万元")
    style = card.cssselect("figure.place.stated span.box")[0].get("style")
    left, top, width, height = (float(v) for v in re.findall(r"([\d.]+)%", style))
    # 0.3万元 is printed at x 372–411 pt of a 595 pt wide page
    assert abs(left - 372 / 595.3 * 100) < 1.5 and abs(width - 39 / 595.3 * 100) < 1.5
    assert 0 < top < 100 and 0 < height < 50


def test_a_rerun_shows_the_same_evidence(finance: Path) -> None:
    before = (finance / "report.html").read_text(encoding="utf-8")
    scan([str(finance.parent / "财政局2024年度部门决算.pdf")], ScanOptions(out=finance, workers=1))
    after = (finance / "report.html").read_text(encoding="utf-8")
    assert "跳过" in after or "skipped" in (finance / "documents.csv").read_text(encoding="utf-8-sig")

    def evidence(text: str) -> tuple[list[str], list[str]]:
        return re.findall(r"url\(data:[^)]*\)", text), re.findall(r'class="box [^"]*" style="[^"]*"', text)

    assert evidence(after) == evidence(before)


def test_docx_evidence_is_the_table_rows_around_the_cell(tmp_path: Path) -> None:
    page = _scan([CORPUS / "beishan-2023.docx"], tmp_path / "out")
    assert not page.cssselect("div.crop")  # no page images for a .docx
    hits = page.cssselect("figure.place table.ctx td.hit")
    assert hits, "no table cell highlighted"
    for td in hits:
        figure = td.getparent().getparent().getparent().getparent()
        assert td.text_content().strip() in figure.cssselect("figcaption")[0].text_content()
    marks = page.cssselect("figure.place.related blockquote.ctx-text mark")
    assert marks and all(m.text for m in marks)


def _table() -> Table:
    cells = [Cell("项目", 0, 0), Cell("决算数", 0, 1)]
    cells += [Cell(f"行{r}", r, 0) for r in range(1, 9)]
    cells += [Cell(f"{r}.00", r, 1) for r in range(1, 9)]
    return Table(cells, 9, 2, Provenance(SHA, block=1, table=0), header_rows=1, title="支出表", unit="万元")


def test_collect_gives_the_header_and_the_rows_around_a_cell() -> None:
    para = Paragraph("本年支出合计5.00万元。", Provenance(SHA, block=0, paragraph=0))
    doc = Document("x.docx", SHA, "docx", [para, _table()])
    ev = collect(doc, [[Provenance(SHA, table=0, row=5, col=1), Provenance(SHA, paragraph=0, span=(6, 12))]])
    cell, words = ev.places[0]
    assert [r[0] for r in cell["rows"]] == [1, 4, 5, 6, 7, 8]  # header, then two rows either side (1-based)
    hit = [c for _, row in cell["rows"] for c in row if c.get("hit")]
    assert hit == [{"t": "5.00", "hit": True}]
    assert cell["where"] == "支出表 行5 × 决算数：5.00"
    assert words["figure"] == "5.00万元" and words["where"] == "“本年支出合计5.00万元”"
    assert words["text"][slice(*words["hit"])] == "5.00万元"
    assert not ev.crops


def _view_rows(n: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    documents = [
        {"path": f"folder/报告{i}.txt", "sha256": f"{i:064d}", "status": "ok", "errors": "1", "warnings": "0"}
        for i in range(n)
    ]
    findings = [
        {
            "finding_id": f"F{i:015d}",
            "document": f"folder/报告{i}.txt",
            "severity": "error",
            "rule": "sum.table-rows",
            "location": "表1 r2c2",
            "related_location": "",
            "stated_text": "5.00",
        }
        for i in range(n)
    ]
    return documents, findings


def test_a_large_batch_gets_one_page_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "SPLIT_DOCUMENTS", 2)
    documents, findings = _view_rows(3)
    stale = tmp_path / "report" / "0009-old.html"
    stale.parent.mkdir()
    stale.write_text("from an earlier run")
    written = report.write_report(tmp_path, documents, findings, {}, lambda sha: {})
    assert written[0] == tmp_path / "report.html" and len(written) == 4
    assert not stale.exists()
    overview = lxml.html.fromstring((tmp_path / "report.html").read_bytes())
    assert not overview.cssselect("article.card")
    links = [a.get("href") for a in overview.cssselect("a.doc-link")]
    assert len(links) == 3 and all((tmp_path / href).is_file() for href in links)
    one = lxml.html.fromstring((tmp_path / links[1]).read_bytes())
    assert len(one.cssselect("article.card")) == 1 and "报告1" in one.cssselect("h1")[0].text_content()
    assert one.cssselect('a[href="../report.html"]')

    monkeypatch.setattr(report, "SPLIT_DOCUMENTS", 20)  # a small batch again: one file, old pages removed
    written = report.write_report(tmp_path, documents, findings, {}, lambda sha: {})
    assert written == [tmp_path / "report.html"] and not list((tmp_path / "report").glob("*.html"))


def test_many_page_images_also_split_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors.pdf_render import Band, Crop

    monkeypatch.setattr(report, "SPLIT_IMAGE_BYTES", 100)
    documents, findings = _view_rows(2)
    crop = Crop(Band(1, 0, 100), 0, 100, 595, 900, 150, b"\xff\xd8" + b"x" * 80)
    written = report.write_report(tmp_path, documents, findings, {}, lambda sha: {"c0": crop})
    assert len(written) == 3  # two documents of 82 bytes of images each: over 100, one page each
    assert "unchanged" not in report.status_label({"status": "skipped", "reason": "unchanged since the last scan"})


def test_a_pdf_inside_a_zip_gets_its_page_images(tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "附件.zip", "w") as z:
        z.write(CORPUS / "beishan-2023.pdf", "北山镇.pdf")
    page = _scan([folder], tmp_path / "out")
    assert page.cssselect("article.card")
    assert page.cssselect("div.crop span.box.stated"), "no page image for the member's findings"
    assert not page.cssselect("p.problem")
