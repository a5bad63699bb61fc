"""scoresheet, numbering, unresolved and the catalogue, on hand-built facts and outline entries."""

from decimal import Decimal as D

import pytest
from model_builders import SHA, fact

from extractors.model import Cell, Document, OutlineEntry, Provenance, Table
from pipeline import checks
from pipeline.checks import RULES, run_checks

T4 = "附件4 部门整体支出绩效自评表"


def row(r: int, cat: str, sub: str, name: str, target: str | None, actual: str | None, points: str, score: str):
    labels = ("绩效指标", cat, sub, name)
    out = []
    if target is not None:
        out.append(fact(target, labels, ("年度指标值",), 1, r, 4, title=T4))
    if actual is not None:
        out.append(fact(actual, labels, ("实际完成值",), 1, r, 5, title=T4))
    out.append(fact(points, labels, ("分值",), 1, r, 6, title=T4))
    out.append(fact(score, labels, ("得分",), 1, r, 7, title=T4))
    return out


def sheet(declared: str = "50", shortfall: bool = False, over: bool = False):
    facts = []
    facts += row(
        11, f"产出指标({declared}分)", "数量指标", "新增企业", "30家", "28家" if shortfall else "34家", "20", "20"
    )
    facts += row(12, "", "数量指标", "群众诉求", "160件", "186件", "20", "21" if over else "20")
    facts += row(13, "", "质量指标", "工程验收合格率", "100%", "100%", "10", "10")
    facts += row(14, "满意度指标（50分）", "服务对象满意度指标", "群众满意度", "95%", "98%", "50", "50")
    facts += [
        fact("100", ("总分",), ("一级指标",), 1, 15, 1, title=T4),
        fact("100", ("总分",), ("二级指标",), 1, 15, 2, title=T4),
    ]
    return facts


def alarms(found):
    return sorted((f.rule, str(f.stated_value)) for f in found if f.severity in ("error", "warning"))


def test_consistent_sheet_is_silent():
    assert alarms(run_checks([], sheet(), [])) == []


def test_declared_category_points():
    found = run_checks([], sheet(declared="60"), [])
    assert alarms(found) == [("scoresheet.category-points", "60")]
    f = found[0]
    assert f.expected_value == D(50) and f.unit == "分" and f.prov.row == 11 and f.prov.col == 1
    assert "20 + 20 + 10 = 50" in f.explanation


def test_full_points_for_a_numeric_shortfall():
    found = run_checks([], sheet(shortfall=True), [])
    assert alarms(found) == [("scoresheet.full-points-shortfall", "20")]
    assert found[0].severity == "warning" and "28家" in found[0].explanation


def test_score_over_points_and_total():
    got = alarms(run_checks([], sheet(over=True), []))
    assert ("scoresheet.score-over-points", "21") in got and ("scoresheet.total", "100") in got


def test_qualitative_shortfall_needs_the_document_grid():
    facts = [f for f in sheet() if f.prov.row != 13] + row(
        13, "", "时效指标", "各个项目完成时间", None, None, "10", "10"
    )
    cells = [Cell("按计划完成", 13, 4), Cell("基本按计划完成　", 13, 5), Cell("30家", 11, 4), Cell("34家", 11, 5)]
    tables = [
        Table([], 1, 1, Provenance(SHA, block=100, table=0)),
        Table(cells, 17, 9, Provenance(SHA, block=101, table=1), title=T4),
    ]
    doc = Document("x.txt", SHA, "txt", blocks=tables)
    # without the document the texts are not seen: the row is reported as undecided, not passed silently
    bare = run_checks([], facts, [])
    assert alarms(bare) == []
    undecided = [f for f in bare if f.rule == "scoresheet.full-points-shortfall"]
    assert [(f.severity, f.subject, f.prov.row) for f in undecided] == [("info", "各个项目完成时间", 13)]
    assert "未能核对" in undecided[0].explanation
    got = run_checks([], facts, [], doc=doc)
    short = [f for f in got if f.rule == "scoresheet.full-points-shortfall"]
    assert len(short) == 1 and "基本按计划完成" in short[0].explanation and short[0].severity == "warning"


def test_heading_numbering():
    heads = [
        OutlineEntry("heading", t, Provenance(SHA, block=i, paragraph=i, span=(0, len(t))), level=lv)
        for i, (t, lv) in enumerate(
            [("一、概况", 2), ("二、支出", 2), ("三、基金", 2), ("4、 绩效", 4), ("五、问题", 2)]
        )
    ]
    found = run_checks([], [], heads)
    assert [(f.rule, f.prov.paragraph) for f in found] == [("numbering.heading-sequence", 3)]
    assert "四、" in found[0].explanation
    assert run_checks([], [], heads[:3]) == []


def test_catalogue():
    assert RULES, "the catalogue is empty"
    for rid, r in RULES.items():
        if r.family.startswith("template"):
            continue  # another module's catalogue
        fam, _, short = rid.partition(".")
        assert r.id == rid and r.family == fam and short and r.title and r.template and r.tags
        assert r.severity in ("error", "warning", "info")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.template)
    families = {r.family for r in RULES.values()}
    assert {
        "share",
        "repeat",
        "sum",
        "narrative_table",
        "rate",
        "change",
        "direction",
        "scoresheet",
        "unresolved",
    } <= families
    for name in checks.FAMILIES:
        if name != "template":
            assert name in families


def test_every_finding_names_a_catalogued_rule():
    found = run_checks([], sheet(declared="60", over=True, shortfall=True), [])
    assert found and all(f.rule in RULES for f in found)


def test_family_on_the_bare_contract(monkeypatch):
    """A family module written as run(claims, facts, outline) is called with those three."""
    import types

    seen = {}
    mod = types.ModuleType("pipeline.checks.fake")
    mod.RULES = []

    def run(claims, facts, outline):
        seen["args"] = (claims, facts, outline)
        return []

    mod.run = run
    monkeypatch.setattr(checks, "_modules", lambda: [mod])
    assert run_checks([], [], []) == [] and seen["args"] == ([], [], [])


@pytest.mark.parametrize("bad", ["share", "sum"])
def test_duplicate_rule_ids_are_refused(monkeypatch, bad):
    import importlib

    m = importlib.import_module(f"pipeline.checks.{bad}")
    monkeypatch.setattr(checks, "_modules", lambda: [m, m])
    with pytest.raises(ValueError):
        checks._catalogue()


def split_sheet(total_points: str, total_score: str):
    """A 项目支出绩效自评表 printed as two tables: the 预算执行率 row (10 points) above, the 指标 and 总分 below."""
    funds = [
        fact(v, ("年度资金总额",), (h,), 0, 1, c)
        for c, (h, v) in enumerate((("全年预算数", "100.00"), ("分值", "10"), ("执行率", "90.00%"), ("得分", "9.00")))
    ]
    return funds + [
        *row(1, "产出指标", "数量指标", "养护里程", "≥50公里", "52公里", "50", "50"),
        *row(2, "效益指标", "社会效益指标", "列养率", "100%", "100%", "30", "30"),
        *row(3, "满意度指标", "满意度", "群众满意度", "≥90%", "92%", "10", "10"),
        fact(total_points, ("总分",), ("分值",), 1, 4, 6),
        fact(total_score, ("总分",), ("得分",), 1, 4, 7),
    ]


def test_a_total_adds_up_the_sheet_over_its_tables():
    assert alarms(run_checks([], split_sheet("100", "99.00"), [])) == []


def test_a_wrong_total_of_a_split_sheet_is_still_an_error():
    found = [f for f in run_checks([], split_sheet("100", "98.00"), []) if f.rule == "scoresheet.total"]
    assert [(f.severity, str(f.stated_value), f.expected_value) for f in found] == [("error", "98.00", D("99.00"))]


def test_a_table_with_its_own_total_does_not_join_the_next_sheet():
    own = [fact("10", ("预算执行率",), ("分值",), 0, 1, 6), fact("10", ("总分",), ("分值",), 0, 2, 6)]
    facts = own + [f for f in split_sheet("95", "90.00") if f.prov.table == 1]
    found = [f for f in run_checks([], facts, []) if f.rule == "scoresheet.total"]
    assert [(str(f.stated_value), f.expected_value) for f in found] == [("95", D("90"))]


def exec_rate_category(declared: str):
    """A sheet whose last 一级指标 is 预算执行率 with its own points, after 满意度."""
    facts = sheet()[:-2]
    facts += row(15, f"预算执行率（{declared}分）", "预算执行", "预算执行率", "100%", "98.5%", "10", "9.85")
    return facts


def test_a_category_declared_without_the_word_zhibiao_is_a_category_of_its_own():
    assert alarms(run_checks([], exec_rate_category("10"), [])) == []
    found = run_checks([], exec_rate_category("15"), [])
    assert alarms(found) == [("scoresheet.category-points", "15")]
    assert found[0].subject == "预算执行率" and found[0].prov.row == 15


def test_an_indicator_with_points_below_the_category_level_stays_in_its_category():
    facts = sheet()[:-2] + row(15, "", "满意度", "回访满意度（10分）", "95%", "98%", "10", "10")
    assert alarms(run_checks([], facts, [])) == [("scoresheet.category-points", "50")]


def test_a_row_under_another_category_label_without_points_ends_the_category():
    # 满意度 whose (10分) a page break cut off: its row is not the previous category's
    facts = sheet()[:-2] + row(15, "效益", "社会效益", "环境整治", "95%", "97%", "10", "10")
    assert alarms(run_checks([], facts, [])) == []


def test_second_level_labels_with_points_stay_in_their_category():
    facts = row(1, "产出指标（50分）", "数量指标（20分）", "户厕", "10座", "10座", "20", "20")
    facts += row(2, "产出指标（50分）", "质量指标（30分）", "合格率", "100%", "100%", "30", "30")
    assert alarms(run_checks([], facts, [])) == []
    facts[-2:] = row(2, "产出指标（50分）", "质量指标（30分）", "合格率", "100%", "100%", "20", "20")[-2:]
    assert ("scoresheet.category-points", "50") in alarms(run_checks([], facts, []))
