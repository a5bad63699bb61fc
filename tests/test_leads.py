"""The words right before a figure and its neighbour figure, as the claims extractor gives them to the checks."""

from extractors.claims import extract_claims
from extractors.model import Document, Paragraph, Provenance, Table

SHA = "0" * 64


def _claims(*texts: str, table_at: int | None = None) -> dict[str, object]:
    blocks: list = [Paragraph(text=t, prov=Provenance(SHA, block=i, paragraph=i)) for i, t in enumerate(texts)]
    if table_at is not None:
        blocks.insert(table_at, Table([], 1, 1, Provenance(SHA, block=table_at, table=0)))
        for i, b in enumerate(blocks):
            b.prov = b.prov.with_(block=i)
    doc = Document(path="x.pdf", sha256=SHA, format="pdf", blocks=blocks)
    return {c.quantity.text: c for c in extract_claims(doc) if c.relation != "direction"}


def test_lead_and_neighbour_in_one_paragraph() -> None:
    got = _claims("一般公共服务支出（类）2106.66万元，占71.73%，主要用于行政运行。")
    amount, share = got["2106.66万元"], got["71.73%"]
    assert amount.lead == "一般公共服务支出(类)" and amount.follows is None  # NFKC: （类） → (类)
    assert share.lead == "占" and share.follows == (0, amount.prov.span[1])


def test_a_clause_begun_in_the_line_before() -> None:
    got = _claims("本年一般公共预算财政拨款支出", "2940.05万元，占本年支出合计的99.86%。")
    assert got["2940.05万元"].lead == "本年一般公共预算财政拨款支出"
    # a sentence end or a heading before: the clause starts in its own paragraph
    assert _claims("（一）支出决算情况", "2940.05万元。")["2940.05万元"].lead == ""
    assert _claims("上年如此。", "2940.05万元。")["2940.05万元"].lead == ""
    # a table between the two paragraphs: not one clause
    assert _claims("本年支出", "2940.05万元。", table_at=1)["2940.05万元"].lead == ""


def test_neighbours_across_a_paragraph_break_and_apart() -> None:
    got = _claims("一般公共服务支出（类）2106.66万元，", "占71.73%。")
    assert got["71.73%"].follows == (0, got["2106.66万元"].prov.span[1])
    got = _claims("一般公共服务支出（类）2106.66万元，比2023年", "增长5.00%。")
    assert got["5.00%"].follows is None  # a year stands between: a figure, not a few words
    got = _claims("支出2106.66万元。占全部支出的71.73%。")
    assert got["71.73%"].follows is None  # a sentence end between


def test_a_section_title_run_into_its_body_is_not_the_lead() -> None:
    text = "六、一般公共预算财政拨款基本支出决算情况说明一般公共预算财政拨款基本支出5377.64万元。"
    assert _claims(text)["5377.64万元"].lead == "一般公共预算财政拨款基本支出"
