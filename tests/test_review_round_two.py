"""False alarms review sets adv53–56 raised on consistent figures, each fixed at its mechanism: a row of column numbers
(1 | 2 | … | 12, or 栏次 on each side) is a header; one prefecture's 小计 is not the 市县 total; a part's own 包括 list stays
out of the outer list; a 其中 breaks down the figure its parts add up to; a bracketed 含… note is no budget; a list entry
with no figure of its own names the role-only figure after it; a project's figure and one naming no item are not
certainly one figure; shares of a year's budget are completion rates; a run-in title is its paragraph's topic."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx
from test_identity import scan_text

from pipeline.analyze import analyze_file


def _alarms(findings) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, str(f.stated_value)) for f in findings if f.severity != "info"]


def test_a_row_numbering_the_columns_is_a_header(tmp_path: Path) -> None:
    rows = [
        ["预算数", "", "", "", "决算数", "", "", ""],
        [
            "合计",
            "因公出国（境）费",
            "公务用车购置及运行费",
            "公务接待费",
            "合计",
            "因公出国（境）费",
            "公务用车购置及运行费",
            "公务接待费",
        ],
        ["1", "2", "3", "4", "5", "6", "7", "8"],
        ["15.50", "0.00", "12.00", "3.50", "13.60", "0.00", "10.86", "2.74"],
    ]
    path = write_docx(
        tmp_path / "某县市场监督管理局2024年度部门决算.docx",
        [
            "某县市场监督管理局2024年度部门决算",
            "财政拨款“三公”经费支出决算表",
            "单位：万元",
            (rows, [(0, 0, 0, 3), (0, 4, 0, 7)]),
        ],
    )
    assert _alarms(analyze_file(path).findings) == []  # 1 ≠ 2 + 3 + 4 was read from the column numbers


def test_one_prefecture_s_subtotal_is_not_the_lower_levels_total(tmp_path: Path) -> None:
    rows = [
        ["地区", "债务限额", "债务余额"],
        ["全区", "1712700", "1650200"],
        ["自治区本级", "646000", "630100"],
        ["凤城市小计", "295400", "284300"],
        ["凤城市本级", "180400", "175300"],
        ["凤城县", "115000", "109000"],
        ["柳原市小计", "771300", "735800"],
        ["市县合计", "1066700", "1020100"],
    ]
    path = write_docx(
        tmp_path / "某区2024年地方政府债务决算表.docx",
        ["某区2024年地方政府债务决算表", "2024年分地区政府债务限额及余额决算表", "单位：万元", (rows, [])],
    )
    assert [a for a in _alarms(analyze_file(path).findings) if a[0].startswith("region")] == []


DEBT = "东陵回族自治区2024年政府债务情况说明\n一、政府债务情况\n"


def test_a_part_s_own_list_and_the_figure_the_parts_add_up_to(tmp_path: Path) -> None:
    text = DEBT + (
        "全区政府债务余额1250.82亿元，占限额的96.5%，限额空间45.97亿元。其中：自治区本级392.04亿元，市县858.78亿元。\n"
        "全年发行政府债券239.22亿元，其中：新增债券171.27亿元，包括一般债券40.79亿元、专项债券130.48亿元；再融资债券{r}亿元。\n"
        "本部门编制人数142人，实有人数136人，其中：行政编制98人、事业编制44人。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(r="67.95"), "地方政府债务表")[1]) == []
    assert _alarms(scan_text(tmp_path, text.format(r="57.95"), "地方政府债务表")[1]) == [
        ("sum.enumeration", "error", "239.22")  # 171.27 + 57.95 ≠ 239.22
    ]


FINAL = "某市水利局2024年度部门决算\n（三）一般公共预算财政拨款支出决算具体情况\n"


def test_a_bracketed_note_is_no_budget(tmp_path: Path) -> None:
    text = FINAL + (
        "1.农林水支出（类）水利（款）水利工程建设（项）。年初预算为300.00万元，调整后预算为365.60万元（含上年结转45.60万元），"
        "支出决算为338.25万元，完成调整后预算的{rate}%。决算数小于调整后预算数的主要原因是部分工程未完工。\n"
    )
    assert _alarms(scan_text(tmp_path, text.format(rate="92.52"), "部门决算")[1]) == []  # 338.25 ÷ 365.60
    slip = _alarms(scan_text(tmp_path, text.format(rate="95.52"), "部门决算")[1])
    assert [(rule, value) for rule, _, value in slip] == [("template.rate", "95.52")]


def test_a_list_entry_without_a_figure_names_the_figure_after_it(tmp_path: Path) -> None:
    text = "某市水利局2024年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n" + (
        "2024年度“三公”经费财政拨款支出年初预算为44.50万元，支出决算为40.95万元，完成年初预算的92.02%。其中：因公出国（境）费"
        "年初未安排预算，支出决算为0万元；公务用车购置及运行维护费年初预算为38.50万元，支出决算为36.10万元。\n"
        "2024年度“三公”经费财政拨款支出决算比2023年度增加19.67万元，增长92.43%。\n"
    )
    claims, found = scan_text(tmp_path, text, "部门决算")
    assert next(c for c in claims if c.quantity.text == "0万元").subject == "因公出国（境）费"
    assert _alarms(found) == []  # 19.67 ÷ (40.95 − 19.67) = 92.43%, not 19.67 ÷ (0 − 19.67)


def test_a_project_s_figure_and_one_naming_no_item_are_not_certainly_one(tmp_path: Path) -> None:
    text = (
        "某县农业农村局2024年度部门整体支出绩效自评报告\n（一）预算安排及执行情况\n"
        "2024年年初预算5000.00万元，年中追加2574.35万元，全年预算7574.35万元。\n（二）项目支出情况\n"
        "1．高标准农田建设项目（中央和自治区补助资金）：年初预算2000.00万元，年中追加1260.00万元，全年预算3260.00万元。\n"
    )
    assert [
        a for a in _alarms(scan_text(tmp_path, text, "部门整体支出绩效自评报告")[1]) if a[0].startswith("repeat")
    ] == []


def test_shares_of_a_year_s_budget_are_completion_rates(tmp_path: Path) -> None:
    text = "岱南县2025年上半年预算执行情况的报告\n（四）社会保险基金预算\n" + (
        "1—6月，全县社会保险基金预算收入7.86亿元，占年度预算的51.2%；社会保险基金预算支出7.12亿元，占年度预算的48.7%；"
        "当期收支结余0.74亿元。\n"
    )
    assert _alarms(scan_text(tmp_path, text)[1]) == []  # not shares of 7.86 + 7.12


def test_a_run_in_title_is_its_paragraph_s_topic(tmp_path: Path) -> None:
    text = "某市2025年预算执行情况的报告\n一、2025年预算执行情况\n" + (
        "多措并举提振消费。落实消费品以旧换新政策，争取超长期特别国债资金36亿元，直接拉动消费超310亿元。\n"
        "促进扩大有效投资。扎实推进“两重”建设，争取超长期特别国债资金49亿元，80个重大项目全部开工。\n"
    )
    assert [a for a in _alarms(scan_text(tmp_path, text)[1]) if a[0].startswith("repeat")] == []
