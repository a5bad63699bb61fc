"""rate.control-text: a 编制控制率 written in the text is the staff over the authorised posts printed before it in
its sentence."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text

HEAD = "某局2023年度部门整体支出绩效自评报告\n"


def control(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, HEAD + text, "部门整体支出绩效自评报告")
    return [(f.severity, str(f.stated_value), str(f.expected_value)) for f in found if f.rule == "rate.control-text"]


def test_a_wrong_control_rate_is_an_error(tmp_path: Path) -> None:
    text = "编制人数114人，实际在职人数127人，编制控制率121.40%。\n"
    (got,) = control(text, tmp_path)
    assert got[:2] == ("error", "121.40") and got[2].startswith("111.40")


def test_a_right_control_rate_is_silent(tmp_path: Path) -> None:
    assert control("编制人数114人，实际在职人数127人，编制控制率111.40%。\n", tmp_path) == []


def test_a_control_rate_with_two_counts_of_a_kind_is_not_judged(tmp_path: Path) -> None:
    text = "编制人数114人，其中行政编制45人，实际在职人数127人，编制控制率121.40%。\n"
    assert control(text, tmp_path) == []
    assert control("实际在职人数127人，编制控制率121.40%。\n", tmp_path) == []
