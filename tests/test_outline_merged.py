"""A section title the PDF reader ran into the body text that follows it still opens its section."""

from decimal import Decimal as D

from model_builders import SHA, fact

from extractors.claims import extract_claims
from extractors.model import Document, Paragraph, Provenance
from extractors.outline import build_outline, merged_heading
from pipeline.checks import run_checks

HEAD6 = "六、一般公共预算财政拨款基本支出决算情况说明"
BODY6 = "一般公共预算财政拨款基本支出5377.64万元。其中：人员经费4896.98万元，公用经费480.66万元。"


def test_merged_heading_is_split_off_only_for_report_sections():
    assert merged_heading(HEAD6 + BODY6) == HEAD6
    assert merged_heading("（一）“三公”经费财政拨款支出决算总体情况说明。“三公”经费财政拨款支出年初预算为2.85万元") == (
        "（一）“三公”经费财政拨款支出决算总体情况说明"
    )
    assert merged_heading("一、加强党的建设。落实基层党建责任制，加强基层服务型党组织建设。") is None
    assert merged_heading("九、承办区委、区政府交办的其他事项。") is None
    assert merged_heading(HEAD6) is None  # a title alone is an ordinary heading


def _doc() -> Document:
    texts = ["五、一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款支出9746.50万元。", HEAD6 + BODY6]
    blocks = [Paragraph(text=t, prov=Provenance(SHA, block=i, paragraph=i)) for i, t in enumerate(texts)]
    return Document(path="x.pdf", sha256=SHA, format="pdf", blocks=blocks)


def test_merged_heading_enters_the_outline_before_its_body():
    heads = [e for e in build_outline(_doc()) if e.kind == "heading"]
    assert [(e.text, e.level, e.prov.block, e.prov.span) for e in heads][-1] == (HEAD6, 2, 2, (0, len(HEAD6)))


def test_figure_after_a_merged_heading_is_checked_against_its_section_table():
    doc = _doc()
    title = "一般公共预算财政拨款支出决算表"
    facts = [
        fact("9746.50", ("合计",), ("合计",), 0, 30, 2, title=title, unit="万元"),
        fact("5364.75", ("合计",), ("基本支出",), 0, 30, 3, title=title, unit="万元"),
        fact("4381.74", ("合计",), ("项目支出",), 0, 30, 4, title=title, unit="万元"),
    ]
    claims = [c for c in extract_claims(doc) if c.quantity.text == "5377.64万元"]
    assert len(claims) == 1 and claims[0].lead == "一般公共预算财政拨款基本支出"  # the title is not in the lead
    # the checks read the claims: no document needed (an excerpt without a title: its kind is given)
    found = run_checks(extract_claims(doc), facts, build_outline(doc), kind="部门决算")
    fs = [f for f in found if f.rule == "template.narrative-vs-table"]
    assert [(f.severity, f.stated_value, f.expected_value) for f in fs] == [("error", D("5377.64"), D("5364.75"))]
    assert "写 一般公共预算财政拨款基本支出5377.64万元" in fs[0].explanation
