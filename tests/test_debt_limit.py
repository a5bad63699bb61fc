"""A debt balance above its own ceiling in a 限额及余额 table (review set adv51 P7: the text said every county's balance
was within its ceiling, and one row printed 余额 35.59 over 限额 35.22)."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx

from pipeline.analyze import analyze_file

HEADER = [
    ["地区", "2024年债务限额", "", "", "2024年末债务余额", "", ""],
    ["", "合计", "一般债务", "专项债务", "合计", "一般债务", "专项债务"],
]
MERGES = [(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6)]


def _report(tmp_path: Path, balance: tuple[str, str, str], said: str) -> Path:
    rows = [
        *HEADER,
        ["全市", "120.50", "50.20", "70.30", "110.20", "45.10", "65.10"],
        ["市本级", "85.28", "33.86", "51.42", "74.61", "28.85", "45.76"],
        ["河口县", "35.22", "16.34", "18.88", *balance],
    ]
    return write_docx(
        tmp_path / "澜江市2024年地方政府债务限额及余额情况.docx",
        [
            "澜江市2024年地方政府债务限额及余额情况",
            f"2024年末，全市政府债务余额110.20亿元，{said}",
            "2024年澜江市分地区政府债务限额及余额情况表",
            "单位：亿元",
            (rows, MERGES),
        ],
    )


def _alarms(path: Path) -> list[tuple[str, str, str, str]]:
    return [
        (f.rule, f.severity, f.location, str(f.stated_value))
        for f in analyze_file(path).findings
        if f.rule.startswith("debt_limit")
    ]


def test_balances_within_their_ceilings_raise_nothing(tmp_path: Path) -> None:
    assert _alarms(_report(tmp_path, ("35.00", "16.25", "18.75"), "各县区政府债务余额均未超过债务限额。")) == []


def test_a_balance_over_its_ceiling_that_the_text_says_is_within_is_an_error(tmp_path: Path) -> None:
    found = _alarms(_report(tmp_path, ("35.59", "16.25", "19.34"), "各县区政府债务余额均未超过省核定的债务限额。"))
    # 35.59 > 35.22, and its 专项 19.34 > 18.88: one breach of the row, one finding, which names the 专项 too
    assert found == [("debt_limit.balance-over-limit", "error", "表1 r5c5", "35.59")]


def test_a_balance_over_its_ceiling_with_no_word_on_it_is_a_warning(tmp_path: Path) -> None:
    found = _alarms(_report(tmp_path, ("35.59", "16.25", "19.34"), "债务风险总体可控。"))
    assert [f[1] for f in found] == ["warning"]
