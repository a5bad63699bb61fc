"""item_code.path-vs-rows: a 科目 named by its path in the text ("…（类）…（款）机关服务（项）2024年预算数为856.20万元")
against the table rows carrying its code (2040403 under 20404 under 204)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from model_builders import fact
from test_identity import scan_text

from extractors.model import Fact
from pipeline.checks.base import Context
from pipeline.checks.item_code import check

ROWS = [
    ("204", "公共安全支出", "1,721.20"),
    ("20404", "检察", "1,721.20"),
    ("2040401", "行政运行", "856.00"),
    ("2040403", "机关服务", "865.20"),
]


def table(heads: list[tuple[str, ...]], values: list[list[str]], t: int = 1) -> list[Fact]:
    out = []
    for r, ((code, label, _), row) in enumerate(zip(ROWS, values, strict=True), start=2):
        for c, (h, v) in enumerate(zip(heads, row, strict=True), start=2):
            if v:
                f = fact(v, (label,), h, t, r, c, title="2024年一般公共预算支出表", unit="万元", code=code)
                out.append(dataclasses.replace(f, own_label=label))
    return out


def item_findings(text: str, facts: list[Fact], tmp_path: Path, kind: str = "部门预算") -> list[tuple[str, str]]:
    claims, _ = scan_text(tmp_path, "湖南省某局2024年部门预算\n" + text + "\n", kind)
    ctx = Context(claims, facts, [], kind=kind)
    return [(f.severity, str(f.stated_value)) for f in check(ctx)]


TEXT = "3.公共安全支出（类）检察（款）机关服务（项）2024年预算数为{}万元，主要用于保障相关工作开展。"


def test_the_item_s_figure_must_be_its_rows_amount(tmp_path: Path) -> None:
    facts = table([("合计",), ("基本支出",)], [[r[2], r[2]] for r in ROWS])
    assert item_findings(TEXT.format("865.20"), facts, tmp_path) == []
    assert item_findings(TEXT.format("856.20"), facts, tmp_path) == [("error", "856.20")]


def test_rows_of_several_amounts_make_a_figure_matching_none_a_warning(tmp_path: Path) -> None:
    facts = table([("合计",), ("一般公共预算拨款",)], [[r[2], "700.00" if r[0] == "2040403" else r[2]] for r in ROWS])
    assert item_findings(TEXT.format("700.00"), facts, tmp_path) == []  # the fund's column
    assert item_findings(TEXT.format("856.20"), facts, tmp_path) == [("warning", "856.20")]


def test_a_final_account_s_budget_figure_is_not_its_final_figure(tmp_path: Path) -> None:
    facts = table([("年初预算数",), ("决算数",)], [["900.00", r[2]] for r in ROWS])
    text = "3.公共安全支出（类）检察（款）机关服务（项）。年初预算为900.00万元，支出决算为865.20万元，完成年初预算的96.13%。"
    assert item_findings(text, facts, tmp_path, "部门决算") == []
    assert item_findings(text.replace("支出决算为865.20", "支出决算为856.20"), facts, tmp_path, "部门决算") == [
        ("error", "856.20")
    ]


def test_a_path_that_names_no_row_is_not_judged(tmp_path: Path) -> None:
    facts = table([("合计",)], [[r[2]] for r in ROWS])
    text = "5.公共安全支出（类）法院（款）机关服务（项）2024年预算数为100.00万元。"
    assert item_findings(text, facts, tmp_path) == []


def test_an_amount_the_budget_was_changed_by_is_not_the_item_s_amount(tmp_path: Path) -> None:
    """年初预算为…，年中追加18.60万元，调整后预算为…: the 年中追加 is what changed the budget (adv29)."""
    facts = table([("年初预算数",), ("决算数",)], [["846.60", r[2]] for r in ROWS])
    text = (
        "3.公共安全支出（类）检察（款）机关服务（项）：年初预算为846.60万元，年中追加18.60万元，调整后预算为865.20万元，"
        "支出决算为865.20万元，完成调整预算的100%。"
    )
    assert item_findings(text, facts, tmp_path, "部门决算") == []
