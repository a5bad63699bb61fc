"""False alarms review sets adv57–58 raised on consistent figures, each fixed at its mechanism: a bare 支出 after an
item's 收入 (支出完成3.67亿元) is that item's spending; an exclusion (剔除…21.1亿元后) names nothing after it; a 合计 whose
parts include a later subtotal (县区合计) or are the 小计 of its groups; a clause-opening 2026年年初预算 is no base; a
carry-over after a "；" is a part of its side's total; a part named by a fund alone is that fund's share of its total;
a share's whole is never another section's total."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx
from test_identity import scan_text

from pipeline.analyze import analyze_file


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


REPORT = "东澜市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"


def test_a_bare_spending_after_an_item_s_income_is_that_item_s(tmp_path: Path) -> None:
    text = REPORT + (
        "（三）国有资本经营预算。全市国有资本经营预算收入完成9.07亿元，支出完成6.48亿元。"
        "市级国有资本经营预算收入完成5.23亿元，支出完成3.67亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "3.67亿元").subject == "市级国有资本经营预算支出"
    assert _alarms(found) == []  # 5.23 and 3.67 are no two printings of one 收入


def test_an_exclusion_names_no_figure_after_it(tmp_path: Path) -> None:
    text = REPORT + (
        "（2）市级收支情况。2025年市级政府性基金预算收入年初预算为79.6亿元，收入完成52.1亿元，同比下降25.7%，剔除上年"
        "一次性收取的历史欠缴土地出让价款21.1亿元后，同口径增长6.4%。支出预算96.7亿元，支出完成88.0亿元，同比增长1.1%。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "96.7亿元").subject == "市级政府性基金预算支出"
    assert _alarms(found) == []


def _regions(tmp_path: Path, city: str) -> Path:
    rows = [
        ["地区", "一般公共预算收入"],
        ["全市合计", "1,685,906"],
        ["市级（不含示范区）", city],
        ["县区合计", "1,271,230"],
        ["嵩南区", "182,018"],
        ["平东区", "1,089,212"],
    ]
    return write_docx(
        tmp_path / "嵩平市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "嵩平市2025年预算执行情况和2026年预算草案的报告",
            "附表5 2025年分县区一般公共预算收支执行情况表",
            "单位：万元",
            (rows, []),
        ],
    )


def test_a_total_whose_parts_include_a_later_subtotal(tmp_path: Path) -> None:
    assert [a for a in _alarms(analyze_file(_regions(tmp_path, "414,676")).findings) if a[0].startswith("sum")] == []
    slip = [a for a in _alarms(analyze_file(_regions(tmp_path, "404,676")).findings) if a[0].startswith("sum")]
    assert slip  # 404,676 + 1,271,230 ≠ 1,685,906


def test_a_total_over_groups_closed_by_their_subtotals(tmp_path: Path) -> None:
    rows = [
        ["项目", "金额"],
        ["合计", "108,019"],
        ["乡村振兴补助", "2,356"],
        ["农田建设补助", "2,146"],
        ["小计", "4,502"],
        ["城市更新补助", "60,000"],
        ["保障房补助", "43,517"],
        ["小计", "103,517"],
    ]
    path = write_docx(
        tmp_path / "东澜市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "东澜市2025年预算执行情况和2026年预算草案的报告",
            "表10 2026年市级对区(市)专项转移支付分项目情况表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert [a for a in _alarms(analyze_file(path).findings) if a[0].startswith("sum")] == []


def test_a_clause_opening_budget_of_a_year_is_no_base(tmp_path: Path) -> None:
    text = (
        "清塬市2025年预算执行情况和2026年预算草案的报告\n二、2026年预算草案\n（二）一般公共预算收入预计和支出安排\n"
        "需要说明的是：全市一般公共预算支出安排低于2025年执行数，主要是2025年执行数中包含上级追加的专项转移支付，"
        "2026年年初预算仅包含提前下达的转移支付。\n"
        "市本级一般公共预算支出安排55.44亿元。按照预算法规定，设置预备费6,500万元，占市本级一般公共预算支出的1.17%。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert next(c for c in claims if c.quantity.text == "6,500万元").identity.period == "2026"
    assert _alarms(found) == []  # 6500 ÷ 554400 = 1.17%


def test_a_carry_over_after_a_semicolon_is_a_part_of_the_income(tmp_path: Path) -> None:
    text = "某市卫生健康局2026年部门预算\n一、收入预算情况\n" + (
        "2026年收入预算55,987.28万元，其中：一般公共预算拨款收入10,071.28万元，占18.0%；事业收入45,300.00万元，占80.9%；"
        "其他收入160.00万元，占0.3%；上年结转{carry}万元，占0.8%。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(carry="456.00"), "部门预算")[1]) == []
    assert ("sum.enumeration", "error", "55987.28") in _alarms(
        scan_text(tmp_path, text.format(carry="546.00"), "部门预算")[1]
    )


def test_a_part_named_by_a_fund_alone_is_that_fund_s_share_of_its_total(tmp_path: Path) -> None:
    text = "某县住房和城乡建设局2026年部门预算\n六、一般公共预算支出预算情况\n" + (
        "2026年一般公共预算支出4379.70万元。\n（四）预算绩效目标设置情况\n"
        "2026年本部门共11个项目实行绩效目标管理，涉及财政拨款资金5347.00万元，其中一般公共预算1261.00万元、"
        "政府性基金预算3586.00万元、国有资本经营预算500.00万元。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text, "部门预算")[1]) if a[0].startswith("repeat")] == []


def test_a_share_s_whole_is_never_another_section_s_total(tmp_path: Path) -> None:
    text = "某县农业农村局2026年度部门预算\n三、支出预算情况\n" + (
        "分单位看，局机关支出预算2,179.23万元；其余11家所属单位合计3,006.05万元。\n四、财政拨款收支预算总体情况说明\n"
        "2026年度财政拨款收、支预算4,981.28万元。与上年相比，财政拨款收、支总计各增加289.90万元，增长6.18%。"
        "其中基本支出2,918.28万元，占58.58%；项目支出2,063.00万元，占41.42%。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text, "部门预算")[1]) if a[0].startswith("share")] == []
