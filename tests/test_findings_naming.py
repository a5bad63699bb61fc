"""What a finding names: the item (和田地区, not 田地区), the figure that is out of line (a transposed digit), no
false hint of a slip (收入总计 = 支出总计 is every balanced table's), and one inconsistency once."""

from __future__ import annotations

from pathlib import Path

from model_builders import q
from test_identity import scan_text

from extractors.subjects import analyse_pre
from pipeline.checks.narrative_table import _balancing
from pipeline.checks.transposition import transposed


def test_a_one_character_lead_is_stripped_only_as_a_word_of_its_own() -> None:
    # 和 of 和田 is kept, and the transfer keeps its verb (补助…转移性支出: the region's transfer to 和田)
    assert analyse_pre("2025年度自治区补助和田地区转移性支出共计").subject == "补助和田地区转移性支出"
    assert analyse_pre("在职人员").subject == "在职人员"
    assert analyse_pre("并安排资金").subject == "安排资金"


def test_a_transposed_digit_names_its_figure() -> None:
    assert transposed(q("735.64"), [q("285.08"), q("477.56")]) == (0, q("258.08").value)  # the part is the slip
    assert transposed(q("726.64"), [q("285.08"), q("477.56")]) == (-1, q("762.64").value)  # the total is
    assert transposed(q("762.64"), [q("285.08"), q("477.56")]) is None  # it adds up
    assert transposed(q("700.00"), [q("285.08"), q("477.56")]) is None  # no swap explains it


def test_a_sum_that_a_swap_would_mend_says_which_figure(tmp_path: Path) -> None:
    text = "某市2024年预算执行情况和2025年预算草案的报告\n全市政府债务限额735.64亿元，其中：一般债务限额285.08亿元，专项债务限额477.56亿元。\n"
    _, found = scan_text(tmp_path, text)
    errors = [f for f in found if f.rule == "sum.enumeration" and f.severity == "error"]
    assert len(errors) == 1 and "285.08 若为 258.08（相邻两位数字颠倒）则恰好相符" in errors[0].explanation


def test_the_two_sides_totals_are_equal_by_construction() -> None:
    assert _balancing("收入总计", "支出总计") and _balancing("地区本级国有资本经营预算收入总计", "支出总计")
    assert not _balancing("收入总计", "税收收入") and not _balancing("支出总计", "支出总计")


def test_two_figures_of_one_paragraph_that_disagree_alike_stay_two_findings(tmp_path: Path) -> None:
    text = (
        "某县2024年部门预算\n一般公共预算支出1,000.00万元，其中：基本支出600.00万元，项目支出400.00万元。"
        "基本支出600.00万元，占一般公共预算支出的70.00%；项目支出占一般公共预算支出的30.00%。\n"
    )
    _, found = scan_text(tmp_path, text, "部门预算")
    errors = [f for f in found if f.rule == "share.stated-vs-computed" and f.severity == "error"]
    assert len(errors) == 2  # two figures, two inconsistencies (one figure printed twice is one: golden 福利院 p.6)
