"""region: a debt table by region — the region = its own level (本级) + its lower levels' subtotal, in rows or columns."""

from __future__ import annotations

from extractors.model import Cell, Document, Provenance, Table
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks


def _findings(rows: list[list[str]], title: str) -> list[tuple[str, str, str]]:
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(cells, len(rows), len(rows[0]), Provenance("0" * 64, block=0, table=0), title=title, unit="亿元")
    facts = extract_facts(Document("t.docx", "0" * 64, "docx", [table]))
    return [(f.rule, f.subject, str(f.stated_value)) for f in run_checks([], facts, []) if f.rule.startswith("region")]


def _all(rows: list[list[str]], title: str) -> list:
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]
    table = Table(cells, len(rows), len(rows[0]), Provenance("0" * 64, block=0, table=0), title=title, unit="亿元")
    facts = extract_facts(Document("t.docx", "0" * 64, "docx", [table]))
    return [f for f in run_checks([], facts, []) if f.severity != "info"]


BY_ROW = [
    ["行政区划名称", "专项债务限额总额", "其中：新增专项债务限额", "专项债务余额"],
    ["叶河地区", "421.44", "118.60", "420.40"],
    ["叶河地区本级", "17.29", "14.80", "17.29"],
    ["县市合计", "404.15", "103.80", "403.11"],
    ["叶河市", "126.84", "32.60", "126.49"],
    ["岚山县", "277.31", "71.20", "276.62"],
]
BY_COLUMN = [
    ["项目", "本地区", "本级", "所属县市区合计"],
    ["一、当年地方政府债务限额", "818.26", "82.62", "735.64"],
    ["其中：一般债务", "324.13", "66.05", "258.08"],
    ["专项债务", "494.13", "16.57", "477.56"],
]


def test_a_region_row_is_its_own_level_plus_its_lower_levels() -> None:
    title = "2025年度叶河地区政府专项债务限额、余额情况表"
    assert _findings(BY_ROW, title) == []  # 420.40 = 17.29 + 403.11 (and 126.49 + 276.62 = 403.11)
    slipped = [row[:] for row in BY_ROW]
    slipped[1][3] = "419.40"
    assert _findings(slipped, title) == [
        ("region.whole-of-parts", "2025年度叶河地区政府专项债务 叶河地区 专项债务余额", "419.40")
    ]


def test_a_region_column_is_its_own_level_plus_its_lower_levels() -> None:
    title = "2025年度和田地区还本付息决算情况表（地方政府债务）"
    assert _findings(BY_COLUMN, title) == []
    slipped = [row[:] for row in BY_COLUMN]
    slipped[2][3] = "285.08"  # 66.05 + 285.08 = 351.13, not 324.13
    # the column's own breakdown (735.64 = 一般债务 + 专项债务) misses 27.00 through the same cell: that one cell is
    # named (pipeline.checks.crossing), not the region's 324.13 and the column's 735.64
    assert [(f.rule, str(f.stated_value), str(f.expected_value)) for f in _all(slipped, title)] == [
        ("sum.table-cell", "285.08", "258.08")
    ]
    alone = [slipped[0], slipped[2]]  # no breakdown of the column printed: the region's sum alone says it
    got = _findings(alone, title)
    assert [(r, v) for r, _, v in got] == [("region.whole-of-parts", "324.13")] and "一般债务 本地区" in got[0][1]


def test_only_debt_tables_and_three_lines_in_that_order_are_read() -> None:
    # revenue by region is consolidated (transfers between levels drop out): no identity to check
    revenue = [["地区", "上级补助收入", "一般公共预算收入"], ["全市", "120.00", "80.00"], ["市本级", "90.00", "30.00"]]
    revenue.append(["县区合计", "70.00", "50.00"])
    assert _findings(revenue, "2025年分地区一般公共预算收支决算表") == []
    reordered = [BY_ROW[0], BY_ROW[2], BY_ROW[1], *BY_ROW[3:]]  # 本级 before the region: not the pattern
    reordered[2] = [reordered[2][0], "421.44", "118.60", "419.40"]
    assert _findings(reordered, "2025年度叶河地区政府专项债务限额、余额情况表") == []
