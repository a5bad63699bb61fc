"""rate.score-rate: a 得分率 in the text is the score over the full points printed right before it."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text

HEAD = "某项目财政支出绩效评价报告\n"


def score_rates(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, HEAD + text, "财政支出绩效评价报告")
    return [(f.severity, str(f.stated_value), f.subject) for f in found if f.rule == "rate.score-rate"]


TEXT = (
    "经综合评价，该项目绩效评价得分为97.40分。其中，决策类指标满分20分，得分18.40分，得分率{rate}；"
    "过程类指标满分20分，得分19.00分，得分率95.00%；产出类指标满分40分，得分40分，得分率100.00%。\n"
)


def test_a_wrong_score_rate_is_an_error(tmp_path: Path) -> None:
    assert score_rates(TEXT.format(rate="93.00%"), tmp_path) == [("error", "93.00", "决策类指标")]


def test_right_score_rates_are_silent(tmp_path: Path) -> None:
    assert score_rates(TEXT.format(rate="92.00%"), tmp_path) == []


def test_a_score_rate_without_its_full_points_right_before_is_not_judged(tmp_path: Path) -> None:
    assert score_rates("决策类指标得分18.40分，得分率93.00%。\n", tmp_path) == []
    assert score_rates("决策类指标满分20分，得分18.40分，较上年增加1.2分，得分率93.00%。\n", tmp_path) == []


def score_totals(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, HEAD + text, "财政支出绩效评价报告")
    return [
        (f.severity, str(f.stated_value), str(f.expected_value)) for f in found if f.rule == "rate.score-total-text"
    ]


WHOLE = (
    "经综合评价，该项目绩效评价得分为{total}分。其中，决策类指标满分20分，得分18.40分，得分率92.00%；"
    "过程类指标满分20分，得分19.00分，得分率95.00%；产出类指标满分{output}分，得分40分，得分率100.00%；"
    "效益类指标满分20分，得分20分，得分率100.00%。\n"
)


def test_a_total_score_is_the_sum_of_every_category_listed_after_it(tmp_path: Path) -> None:
    assert score_totals(WHOLE.format(total="97.40", output="40"), tmp_path) == []
    assert score_totals(WHOLE.format(total="97.60", output="40"), tmp_path) == [("error", "97.60", "97.4")]


def test_categories_whose_full_points_miss_100_may_not_all_be_listed(tmp_path: Path) -> None:
    assert score_totals(WHOLE.format(total="97.60", output="30"), tmp_path) == []
