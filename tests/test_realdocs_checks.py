"""The standard-table rules (family `template`) on the real 部门决算 / 部门预算 reports.

Each expectation below is an inconsistency found by hand (Decimal arithmetic) in the published PDF:
  财政局 2024 决算
    - p.21 四、财政拨款收入支出决算总体情况说明: "财政拨款收入支出总计0.3万元", the 财政拨款收入支出决算总表
      总计 is 2,961.68 (= 2,940.05 + 21.63)                                                     error
    - p.21 五（二）: 一般公共服务支出（类）2106.66万元 "占71.73%", 2106.66 ÷ 2940.05 = 71.65%              error
    - p.6 收入支出决算总表 八、社会保障和就业支出 326.71 vs 支出决算表 208 类 326.72 (= 84.65 + 160.75 + 80.38 + 0.94)
      and p.12 财政拨款收入支出决算总表 326.71 vs 一般公共预算财政拨款支出决算表 326.72: one figure printed
      two ways                                                                                  warning ×2
  规划和自然资源局 2024 决算
    - p.24 六、: "一般公共预算财政拨款基本支出5377.64万元" — the 一般公共预算财政拨款支出决算表 基本支出 合计 is
      5364.75 (5377.64 is the 支出决算表's 基本支出 of all funds)                                   error
    - p.24 六、: "人员经费4896.98万元" — the 基本支出决算表 人员经费合计 is 4884.09                        error
    - p.7 收入支出决算总表 卫生健康支出 236.63 vs 支出决算表 236.64 (= 40.35 + 196.29); 城乡社区支出 3845.25 vs
      3845.24 (= 1105.68 + 2739.56); p.12 财拨总表 236.63 vs 一般公共预算表 236.64; p.21 narrative
      卫生健康支出（类）236.63 vs 一般公共预算表 236.64                                              warning ×4
    - p.21 五（一）: "占本年支出合计的99.86%", 9746.50 ÷ 9759.38 = 99.868% (truncated, not rounded)   warning
    - p.21 五（三）: "完成年初预算的95.45%", 9746.50 ÷ 10210.34 = 95.457% (truncated)                warning
  社会工作部 2024 决算
    - p.18 五（二）: 住房保障支出（类）29.42万元 "占9.55%", 29.42 ÷ 307.82 = 9.557% (truncated; the four
      shares were forced to add to 100.00)                                                       warning
    - p.18 五（三）: "年初预算为0万元，全年预算为321.02万元…完成年初预算的95.89%": 95.89% = 307.82 ÷ 321.02,
      the 全年 budget, not the 年初 one                                                           warning
    - p.22 十一（二）政府采购: total 21.07万元, yet 中小企业 won 21.07万元 in the reserved projects AND 21.07万元
      "在其他政府采购项目中": 21.07 + 21.07 = 42.14 > 21.07 (family `procurement`)                  error
  万里街道 2024 预算
    - p.9 item 31 住房公积金: "350.35万元 … 2024年预算安排352.67万元" — the 一般公共预算支出功能分类预算表 row
      2210201 is 3,503,499元 = 350.35万元 (and 0.53% = (350.35 − 348.52) ÷ 348.52, i.e. 352.67 is the slip) error
    - p.31 “三公”经费和机关运行经费预算表: figures 47.91 / 1.35 / 46.56 / 25 / 21.56 / 443.18 printed above
      "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"                                       warning
    - p.33 项目经费情况说明: 地上建筑面积 8013平方米 "（其中计容面积7998平方米，不计容面积105平方米）": 7998 + 105
      = 8103, and 8103 + 地下 5356 = 13459 = the stated 规划建筑面积 (family `sum`)                     error
    - p.6 item 4 宣传事务: "比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加" — the
      figures fall (114.00 → 110.60), the reason says they rose (family `reason`)                   warning
  商务委员会 2025 预算: every table identity holds (总表 balance, 类=Σ款=Σ项, 合计=基本+项目, 人员+公用, 三公, the
    narrative's 16 项 figures in 万元 vs the tables in 元). But p.7 预算编制说明: 财政拨款收入 and 财政拨款支出预算 are
    both 37,151.47万元, yet income is "比2024年预算执行数增加24,558.18万元" (base 12,593.29) and expenditure
    "比2024年预算增加24,491.71万元" (base 12,659.76) — two bases for one 财政拨款 figure (family `mirror`)  warning
  附件2 部门决算模板: no figures, no error.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from extractors.claims import extract_claims
from extractors.model import Document, Fact
from extractors.outline import build_outline
from extractors.registry import file_sha256, read_document
from extractors.report_kind import classify
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks
from pipeline.checks import template as tpl
from pipeline.checks.template_rules import Cells
from pipeline.findings import Finding
from tests.conftest import realdoc

MAX_ERRORS = 10


@lru_cache(maxsize=8)
def _analysed(path: Path) -> tuple[Document, list[Fact], list[Finding]]:
    doc = read_document(path, file_sha256(path))
    claims, facts, outline = extract_claims(doc), extract_facts(doc), build_outline(doc)
    return doc, facts, run_checks(claims, facts, outline, doc=doc)


def _template(name_part: str) -> list[Finding]:
    return [f for f in _analysed(realdoc(name_part))[2] if f.rule.startswith("template.")]


def _has(fs: list[Finding], rule: str, severity: str, stated: str, expected: str | None, page: int) -> bool:
    return any(
        f.rule == rule
        and f.severity == severity
        and f.stated_value == Decimal(stated)
        and (expected is None or f.expected_value == Decimal(expected))
        and f.prov.page == page
        for f in fs
    )


# (report, rule, severity, stated, expected in the stated unit, page)
EXPECTED = [
    ("财政局", "template.narrative-vs-table", "error", "0.3", None, 21),
    ("财政局", "template.share", "error", "71.73", "71.65", 21),
    ("财政局", "template.cross-table", "warning", "326.71", "326.72", 6),
    ("财政局", "template.cross-table", "warning", "326.71", "326.72", 12),
    ("规划和自然资源局", "template.narrative-vs-table", "error", "5377.64", "5364.75", 24),
    ("规划和自然资源局", "template.narrative-vs-table", "error", "4896.98", "4884.09", 24),
    ("规划和自然资源局", "template.cross-table", "warning", "236.63", "236.64", 7),
    ("规划和自然资源局", "template.cross-table", "warning", "3845.25", "3845.24", 7),
    ("规划和自然资源局", "template.cross-table", "warning", "236.63", "236.64", 12),
    ("规划和自然资源局", "template.narrative-vs-table", "warning", "236.63", "236.64", 21),
    ("规划和自然资源局", "template.share", "warning", "99.86", "99.87", 21),
    ("规划和自然资源局", "template.rate", "warning", "95.45", "95.46", 21),
    ("社会工作部", "template.share", "warning", "9.55", "9.56", 18),
    ("社会工作部", "template.rate", "warning", "95.89", "95.89", 18),
    ("万里街道", "template.narrative-vs-table", "error", "352.67", "350.35", 9),
]

# Found by the non-template families (whole-document findings, not only `template.*`).
EXPECTED_OTHER = [
    ("社会工作部", "procurement.sme-over-total", "error", "21.07", "0", 22),
    ("万里街道", "sum.enumeration", "error", "8013", None, 33),
    ("万里街道", "reason.opposite-direction", "warning", "2.98", None, 6),
    # 收入 比2024年预算执行数增加24,558.18, 支出 比2024年预算增加24,491.71: two bases, said as info (stop 28)
    ("商务委员会", "mirror.income-expense-change", "info", "24491.71", "24558.18", 7),
]


@pytest.mark.parametrize(("report", "rule", "severity", "stated", "expected", "page"), EXPECTED_OTHER)
def test_real_inconsistency_outside_the_tables_is_reported(
    report: str, rule: str, severity: str, stated: str, expected: str | None, page: int
) -> None:
    fs = _analysed(realdoc(report))[2]
    assert _has(fs, rule, severity, stated, expected, page), [
        (f.rule, f.severity, f.stated_value, f.expected_value, f.location) for f in fs if f.severity != "info"
    ]


@pytest.mark.parametrize("report", ["财政局", "规划和自然资源局", "社会工作部", "万里街道", "商务委员会", "附件2"])
def test_every_error_of_any_family_is_a_known_real_one(report: str) -> None:
    errors = [f for f in _analysed(realdoc(report))[2] if f.severity == "error"]
    known = {
        (r, Decimal(s), p) for rep, r, sev, s, _e, p in EXPECTED + EXPECTED_OTHER if rep == report and sev == "error"
    }
    assert len(errors) <= MAX_ERRORS
    assert {(f.rule, f.stated_value, f.prov.page) for f in errors} == known, [
        (f.rule, f.stated_value, f.location, f.explanation) for f in errors
    ]


@pytest.mark.parametrize(("report", "rule", "severity", "stated", "expected", "page"), EXPECTED)
def test_real_inconsistency_is_reported(
    report: str, rule: str, severity: str, stated: str, expected: str | None, page: int
) -> None:
    fs = _template(report)
    assert _has(fs, rule, severity, stated, expected, page), [
        (f.rule, f.severity, f.stated_value, f.expected_value, f.location) for f in fs if f.severity != "info"
    ]


@pytest.mark.parametrize("report", ["财政局", "规划和自然资源局", "社会工作部", "万里街道", "商务委员会", "附件2"])
def test_every_template_error_is_a_known_real_one(report: str) -> None:
    errors = [f for f in _template(report) if f.severity == "error"]
    known = {(r, Decimal(s), p) for rep, r, sev, s, _e, p in EXPECTED if rep == report and sev == "error"}
    assert len(errors) <= MAX_ERRORS
    assert {(f.rule, f.stated_value, f.prov.page) for f in errors} == known


def test_empty_note_above_figures_is_reported() -> None:
    fs = _template("万里街道")
    notes = [f for f in fs if f.rule == "template.empty-note-with-data"]
    assert len(notes) == 1 and notes[0].prov.page == 31 and "空表" in notes[0].stated_text


def test_template_pdf_yields_no_error() -> None:
    findings = _analysed(realdoc("附件2"))[2]
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize("report", ["万里街道", "商务委员会"])
def test_budget_tables_are_recognised(report: str) -> None:
    _doc, facts, _ = _analysed(realdoc(report))
    views = tpl.build_views(facts, _doc)
    assert {"ys.total", "ys.income", "ys.expense", "ys.czbk_total", "ys.gp", "ys.gp_basic", "ys.sangong"} <= set(views)
    total_in = tpl.select(views, Cells(table="ys.total", side="in", row="^收入总计$"))
    total_out = tpl.select(views, Cells(table="ys.total", side="out", row="^支出总计$"))
    assert total_in and total_out and total_in[0].q.value == total_out[0].q.value


def test_budget_tables_are_checked() -> None:
    """Change one cell of the 商务委 支出预算总表 (科学技术支出 项目支出) and the identities catch it."""
    doc, facts, _ = _analysed(realdoc("商务委员会"))
    views = tpl.build_views(facts, doc)
    target = next(c for c in views["ys.expense"].cells if c.key.code == "206" and c.sig == frozenset({"project"}))
    q = target.q
    bumped = dataclasses.replace(q, value=q.value + 1000, base_value=q.base_value + 1000)
    changed = [dataclasses.replace(f, quantity=bumped) if f is target.fact else f for f in facts]
    outline = build_outline(doc)
    found = run_checks(extract_claims(doc), changed, outline, doc=doc)
    # the row's 合计 ≠ 基本 + 项目, and the 类 206 ≠ Σ its 款: both miss by the changed cell, which is named
    cell = [f for f in found if f.rule == "sum.table-cell" and f.prov == target.fact.prov]
    assert cell and cell[0].severity == "error" and cell[0].expected_value == q.value


# ------------------------------------------------------------------ the rules on hand-built facts (no PDF)

SHA = "f" * 64


def _fact(
    table: int, title: str, row: int, col: int, labels: tuple[str, ...], cols: tuple[str, ...], text: str, unit: str
) -> Fact:
    from extractors.model import Provenance
    from extractors.numbers import parse_quantity

    q = parse_quantity(text, unit)
    assert q is not None
    return Fact(q, Provenance(SHA, block=table, table=table, row=row, col=col), labels, cols, title, "", text)


def _expense_table(items: list[tuple[str, str, str]], total: str) -> list[Fact]:
    """支出决算表 with 类 rows (code, name, 合计) and a 合计 row; 基本支出 = 合计, 项目支出 empty."""
    title = "支出决算表"
    facts = [_fact(0, title, 3, 4, ("合计",), ("本年支出合计",), total, "万元")]
    facts.append(_fact(0, title, 3, 5, ("合计",), ("基本支出",), total, "万元"))
    for i, (code, name, v) in enumerate(items):
        facts.append(_fact(0, title, 4 + i, 4, (code, name), ("本年支出合计",), v, "万元"))
        facts.append(_fact(0, title, 4 + i, 5, (code, name), ("基本支出",), v, "万元"))
    return facts


def _template_findings(claims: list, facts: list[Fact], outline: list) -> list[Finding]:
    return [f for f in run_checks(claims, facts, outline) if f.rule.startswith("template.")]


def test_rounding_drift_over_rounded_rows_is_not_an_error() -> None:
    # 2112.86 + 326.72 + 60.99 + 445.69 = 2946.26 against a printed 合计 2946.25 (财政局 收入决算表): rounding
    items = [
        ("201", "一般公共服务支出", "2,112.86"),
        ("208", "社会保障和就业支出", "326.72"),
        ("210", "卫生健康支出", "60.99"),
    ]
    items.append(("221", "住房保障支出", "445.69"))
    assert _template_findings([], _expense_table(items, "2,946.25"), []) == []


def test_a_real_gap_between_rows_and_total_is_an_error() -> None:
    items = [
        ("201", "一般公共服务支出", "2,112.86"),
        ("208", "社会保障和就业支出", "326.72"),
        ("210", "卫生健康支出", "60.99"),
    ]
    items.append(("221", "住房保障支出", "445.69"))
    fs = _template_findings([], _expense_table(items, "2,946.35"), [])
    assert {(f.rule, f.severity, f.stated_value, f.expected_value) for f in fs} == {
        ("template.hierarchy", "error", Decimal("2946.35"), Decimal("2946.26"))
    }


def test_narrative_in_wan_vs_budget_table_in_yuan_bound_by_item() -> None:
    from extractors.model import Claim, OutlineEntry, Provenance

    title = "2024年部门一般公共预算支出功能分类预算表"
    rows = [
        ("221", "住房保障支出", "6,705,199"),
        ("22102", "住房改革支出", "6,705,199"),
        ("2210201", "住房公积金", "3,503,499"),
    ]
    rows.append(("2210203", "购房补贴", "3,201,700"))
    facts = [
        _fact(0, title, 3 + i, 4, (c, n), ("一般公共预算支出", "合计"), v, "元") for i, (c, n, v) in enumerate(rows)
    ]
    text = "31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元。2024年预算安排352.67万元。"
    from extractors.numbers import parse_quantity

    claims = []
    for num in ("350.35万元", "352.67万元"):
        start = text.index(num)
        sentence = text[: text.index("。") + 1] if start < text.index("。") else text[text.index("。") + 1 :]
        q = parse_quantity(num)
        assert q is not None
        claims.append(Claim("", q, sentence, Provenance(SHA, block=2, paragraph=1, span=(start, start + len(num)))))
    outline = [
        OutlineEntry("heading", "2024年部门预算编制说明", Provenance(SHA, block=1, paragraph=0), 1),
        OutlineEntry("heading", text[: text.index("”") + 1], Provenance(SHA, block=2, paragraph=1, span=(0, 40)), 4),
    ]
    fs = [f for f in _template_findings(claims, facts, outline) if f.rule == "template.narrative-vs-table"]
    assert [(f.severity, f.stated_value, f.expected_value) for f in fs] == [
        ("error", Decimal("352.67"), Decimal("350.35"))
    ]


def test_contents_table_missing_from_the_body_is_reported() -> None:
    from extractors.model import OutlineEntry, Provenance

    outline = [
        OutlineEntry("toc", "七、财政拨款“三公”经费支出决算表", Provenance(SHA, block=3, paragraph=3), 2),
        OutlineEntry("toc", "八、政府性基金预算财政拨款收入支出决算表", Provenance(SHA, block=4, paragraph=4), 2),
        OutlineEntry("table", "政府性基金预算财政拨款收入支出决算表", Provenance(SHA, block=20, paragraph=9), None),
        OutlineEntry(
            "note", "注：本单位无政府性基金预算财政拨款收入支出，故本表无数据。", Provenance(SHA, block=21), None
        ),
    ]
    fs = _template_findings([], [], outline)
    assert [(f.rule, f.severity, f.stated_text) for f in fs] == [
        ("template.toc-table-missing", "warning", "七、财政拨款“三公”经费支出决算表")
    ]


def test_sangong_items_in_the_narrative_are_bound_to_the_sangong_table() -> None:
    """规划局 2024: 公务接待费 0.39 in 七（一） and 七（二）; printed 0.49, both must be caught against the table."""
    doc, facts, found = _analysed(realdoc("规划和自然资源局"))
    assert not [f for f in found if f.severity == "error" and f.prov.page in (25, 26)]
    claims = extract_claims(doc)
    bumped = []
    for c in claims:
        if c.quantity.text.strip() == "0.39万元" and "公务接待费支出" in c.sentence:
            q = dataclasses.replace(c.quantity, value=Decimal("0.49"), base_value=Decimal("4900"), text="0.49万元")
            c = dataclasses.replace(c, quantity=q)
        bumped.append(c)
    fs = run_checks(bumped, facts, build_outline(doc), doc=doc)
    hits = {
        f.prov.page
        for f in fs
        if f.rule == "template.narrative-vs-table"
        and f.severity == "error"
        and f.stated_value == Decimal("0.49")
        and f.expected_value == Decimal("0.39")
    }
    assert hits == {25, 26}


@pytest.mark.parametrize("report", ["财政局", "规划和自然资源局", "社会工作部", "万里街道", "商务委员会", "附件2"])
def test_every_warning_is_a_known_real_one(report: str) -> None:
    """No noise either: each warning is one of the hand-found slips (one-unit printings, truncated percents,
    wording), e.g. no heading-sequence warning where the reader ran a section title into its body text."""
    warnings = {(f.rule, f.stated_value, f.prov.page) for f in _analysed(realdoc(report))[2] if f.severity == "warning"}
    known = {
        (r, Decimal(s), p) for rep, r, sev, s, _e, p in EXPECTED + EXPECTED_OTHER if rep == report and sev == "warning"
    }
    if report == "万里街道":
        known.add(("template.empty-note-with-data", None, 31))
    assert warnings == known


# (商务委员会 has no error or warning since stop 28: its one warning, two changes against two bases, is now info)
@pytest.mark.parametrize("name_part", ["财政局", "规划和自然资源局", "社会工作部", "万里街道"])
def test_every_error_and_warning_is_found_without_the_document(name_part: str) -> None:
    """The families read claims, facts and the outline: run_checks without the document model (only the
    score sheet's qualitative cells need it) reports the same errors and warnings."""
    path = realdoc(name_part)
    doc = read_document(path, file_sha256(path))
    claims, facts, outline = extract_claims(doc), extract_facts(doc), build_outline(doc)
    kind = classify(doc)

    def alarms(found: list[Finding]) -> set[tuple]:
        return {(f.rule, f.severity, f.stated_value, f.prov.render()) for f in found if f.severity != "info"}

    with_doc = alarms(run_checks(claims, facts, outline, doc=doc, kind=kind))
    assert with_doc and alarms(run_checks(claims, facts, outline, kind=kind)) == with_doc
