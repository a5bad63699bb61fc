"""Prose written inside a table (a 说明 row spanning the table) is read as narrative, located at its cell, with
the table's title as its context."""

from __future__ import annotations

from decimal import Decimal

from extractors.claims import extract_claims
from extractors.model import Cell, Document, Paragraph, Provenance, Table
from extractors.outline import build_outline
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks

NOTE = (
    "说明：2023年，自治区本级“三公”经费支出合计7471万元，较2022年决算数增加450万元。同时，各单位按照“只减不增”"
    "原则编报“三公”经费预算。二、公务用车购置及运行维护费。2023年公务用车购置及运行维护费较2022年减少{cut}万元，降幅达8.1%。"
)


SHA = "0" * 64
TITLE = "2023年自治区本级一般公共预算“三公”经费决算表"
ROWS = [
    ["项目", "2023年决算数", "2022年决算数", "2023年预算数"],
    ["“三公”经费支出合计", "7,471", "7,021", "10,433"],
    ["一、因公出国（境）费", "841", "6", "1,723"],
    ["二、公务用车购置及运行维护费", "6,106", "6,644", "7,441"],
    ["三、公务接待费", "525", "372", "1,268"],
]


def report(cut: str):
    cells = [Cell(text, r, c) for r, row in enumerate(ROWS) for c, text in enumerate(row)]
    cells.append(Cell(NOTE.format(cut=cut), len(ROWS), 0, colspan=4))
    table = Table(cells, len(ROWS) + 1, 4, Provenance(SHA, block=1, table=0), header_rows=1, title=TITLE, unit="万元")
    doc = Document("r.pdf", SHA, "pdf", [Paragraph(TITLE, Provenance(SHA, block=0, paragraph=0)), table])
    claims = extract_claims(doc)
    return claims, run_checks(claims, extract_facts(doc), build_outline(doc), doc=doc, kind="政府决算")


def test_a_note_row_is_narrative_located_at_its_cell() -> None:
    claims, found = report("538")
    note = [c for c in claims if c.quantity.value == Decimal("538")]
    assert (
        note
        and note[0].prov.table is not None
        and note[0].prov.render().endswith("r6c1 [" + note[0].prov.render().split("[")[1])
    )
    assert note[0].identity.measure == "决算"  # from the table's title, not from 编报…预算 in a sentence with no figure
    assert not [f for f in found if f.severity != "info"]


def test_a_wrong_change_in_a_note_row_is_found_against_the_actual_column() -> None:
    _, found = report("540")
    got = [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found if f.severity != "info"]
    assert got == [("change.stated-vs-computed", "error", Decimal("540"), Decimal("538.00"))]
    assert "6644 − 6106 = 538" in next(f for f in found if f.severity == "error").explanation
