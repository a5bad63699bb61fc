"""No text may crash the pipeline: report-like random text through the txt reader, claims, facts and checks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import analyze

TOKENS = [
    "基本支出",
    "人员经费",
    "公用经费",
    "项目支出",
    "支出合计",
    "三公经费",
    "公务接待费",
    "预算",
    "决算",
    "执行率",
    "占",
    "占本年支出",
    "其中",
    "其中：",
    "分别为",
    "合计",
    "总计",
    "比上年",
    "增长",
    "减少",
    "与上年持平",
    "完成预算的",
    "人均",
    "大于",
    "小于",
    "年初预算数",
    "全年预算数",
    "分值",
    "得分",
    "产出指标(50分)",
    "数量指标",
    "2998.29",
    "3619.44",
    "82.84",
    "0",
    "0.00",
    "100",
    "1,234.56",
    "-3.2",
    "三千五百",
    "两万",
    "5-15",
    "10000余",
    "近300",
    "万元",
    "元",
    "亿元",
    "%",
    "个百分点",
    "万亩",
    "户",
    "人",
    "件",
    "分",
    "，",
    "。",
    "；",
    "、",
    "：",
    "（",
    "）",
    "一、",
    "（二）",
    "1.",
    "\t",
    "\n",
    "\n\n",
    "\f",
    " ",
]

report_text = st.lists(st.sampled_from(TOKENS), min_size=0, max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=report_text)
def test_report_like_text_never_breaks_a_stage(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "report.txt"
    path.write_text(text or " ", encoding="utf-8")
    result = analyze.analyze_file(path)
    assert result.status in ("ok", "failed"), result.reason  # partial here would mean a stage raised
