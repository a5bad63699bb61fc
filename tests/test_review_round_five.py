"""Review round five (the gaps stop 26 left, and sets adv74–77): a score-sheet row the page break cut inside its
words is put back together; an indicator's 覆盖率 is never a project's 执行率, however alike their names."""

from __future__ import annotations

from model_builders import fact
from test_stitch import SHEET_XS, part, texts

from extractors.stitch import stitch_tables
from extractors.wordcut import splits_a_word
from pipeline.checks import run_checks


def test_a_row_whose_labels_the_page_break_cut_inside_their_words_is_put_back_together() -> None:
    """社会效 | 特种设 | ≤0.15 | 10 at the foot of one page, 益指标 | 备万台死亡率 at the head of the next (adv70 天津):
    one row, or the rows after it are read under a header row made of the cut words, with no column labels."""
    a = part(
        1,
        [["社会效益指标", "重大食品安全事故发生数", "0起", "10"], ["社会效", "特种设", "≤0.15", "10"]],
        660,
        xs=SHEET_XS,
    )
    b = part(2, [["益指标", "备万台死亡率", "", ""], ["可持续影响指标", "平台覆盖率", "85%", "10"]], 72, xs=SHEET_XS)
    (t,) = stitch_tables([a, b])
    assert texts(t)[1] == ["社会效益指标", "特种设备万台死亡率", "≤0.15", "10"]
    assert t.n_rows == 3


def test_labels_that_end_on_a_word_at_the_page_break_begin_a_row_of_their_own() -> None:
    a = part(1, [["其他收入", "基本支出", "12.00", "30.00"]], 700, xs=SHEET_XS)
    b = part(2, [["使用非财政拨款结余", "项目支出", "", ""], ["总计", "合计", "12.00", "30.00"]], 72, xs=SHEET_XS)
    assert stitch_tables([a, b])[0].n_rows == 3


def test_a_word_across_the_join() -> None:
    assert splits_a_word("一般公", "共预算") and splits_a_word("服务对象满", "意度指标")
    assert not splits_a_word("其他收入", "使用非财政拨款结余") and not splits_a_word("基本支出", "")


SHEET = "临城县卫生健康局2024年度项目支出绩效自评表"


def test_an_indicator_s_rate_is_not_matched_to_a_project_s_execution_rate() -> None:
    """常住人口家庭医生签约服务覆盖率 39.4% against the 家庭医生签约服务 project's 执行率 96.52% (adv71 河北): a 覆盖率
    and an 执行率 are two measures, whatever the names share."""
    labels = ("产出指标", "质量指标", "常住人口家庭医生签约服务覆盖率")
    facts = [
        fact("186", ("家庭医生签约服务",), ("全年预算数",), 1, 4, 3, title="汇总表", unit="万元"),
        fact("179.52", ("家庭医生签约服务",), ("全年执行数",), 1, 4, 4, title="汇总表", unit="万元"),
        fact("96.52%", ("家庭医生签约服务",), ("执行率",), 1, 4, 6, title="汇总表"),
        fact("≥35%", labels, ("年度指标值",), 3, 11, 4, title=SHEET),
        fact("39.4%", labels, ("实际完成值",), 3, 11, 5, title=SHEET),
        fact("10", labels, ("分值",), 3, 11, 6, title=SHEET),
        fact("10", labels, ("得分",), 3, 11, 7, title=SHEET),
    ]
    found = run_checks([], facts, [])
    assert [f for f in found if f.rule == "scoresheet.actual-vs-elsewhere"] == []
    # the same name with the same measure is still compared
    facts[3] = fact("96.52%", ("家庭医生签约服务",), ("覆盖率",), 1, 4, 6, title="汇总表")
    found = run_checks([], facts, [])
    assert [f.rule for f in found if f.rule == "scoresheet.actual-vs-elsewhere"]


def test_a_debt_balance_over_its_ceiling_is_found_under_a_column_number_row() -> None:
    """栏次 | 1=2+3 | 2 | 3 | 4=5+6 | 5 | 6 under 合计 | 一般债务 | 专项债务 (adv72 吴忠): the numbers join the column
    labels, and the balance's debt type is still 专项债务."""
    title = "2024年全市地方政府债务限额及余额决算情况表"
    cols = [
        ("2024年债务限额", "合计", "1=2+3", "462,167"),
        ("2024年债务限额", "一般债务", "2", "311,306"),
        ("2024年债务限额", "专项债务", "3", "150,861"),
        ("2024年债务余额（决算数）", "合计", "4=5+6", "453,371"),
        ("2024年债务余额（决算数）", "一般债务", "5", "300,192"),
        ("2024年债务余额（决算数）", "专项债务", "6", "153,179"),
    ]
    facts = [fact(c[3], ("同心县",), c[:3], 1, 12, k + 2, title=title, unit="万元") for k, c in enumerate(cols)]
    found = [f for f in run_checks([], facts, []) if f.rule == "debt_limit.balance-over-limit"]
    assert [(f.subject, str(f.stated_value), str(f.expected_value)) for f in found] == [
        ("同心县 专项债务余额", "153179", "150861")
    ]


def _transfer_row(row: int, label: str, values: list[str], heads: list[str]) -> list:
    return [
        fact(v, (label,), (h,), 1, row, k + 2, title="2024年度阿克苏地区一般公共预算对下转移支付表", unit="万元")
        for k, (h, v) in enumerate(zip(heads, values, strict=True))
    ]


def test_a_total_column_that_names_its_measure_is_the_sum_of_the_region_columns() -> None:
    """项目 | 合计决算数 | 阿克苏市 | 库车市 | 温宿县 (adv72 阿克苏): the 合计决算数 of a row is the sum of its regions."""
    heads = ["合计决算数", "阿克苏市", "库车市", "温宿县"]
    facts = _transfer_row(2, "返还性支出", ["15422", "6378", "5847", "3197"], heads)
    facts += _transfer_row(3, "结算补助支出", ["26979", "9221", "9566", "9192"], heads)
    found = [f for f in run_checks([], facts, []) if f.severity != "info"]
    assert [(f.rule, f.subject, str(f.stated_value), str(f.expected_value)) for f in found] == [
        ("sum.table-columns", "结算补助支出", "26979", "27979")
    ]


def test_a_total_column_that_names_its_measure_beside_other_measures_is_not_summed() -> None:
    heads = ["合计决算数", "年初预算数", "调整预算数"]
    facts = _transfer_row(2, "返还性支出", ["15422", "15000", "15500"], heads)
    facts += _transfer_row(3, "结算补助支出", ["26979", "25000", "27000"], heads)
    assert [f for f in run_checks([], facts, []) if f.severity != "info"] == []
