"""Review round thirteen (stop 31): what fresh reviews of realistic reports found gouji getting wrong or missing,
each fixed at its mechanism."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx_builders import write_docx
from test_identity import alarms, scan_text

from extractors.model import Provenance
from pipeline.analyze import analyze_file
from pipeline.checks import _blame_the_input, _text_backs_the_cell
from pipeline.findings import Finding


def _filled(rows: list[list[str]], **values: str) -> list[list[str]]:
    """A table's rows with its {placeholders} filled in (the clean value or the slip)."""
    return [[cell.format(**values) for cell in row] for row in rows]


def _findings(tmp_path: Path, name: str, blocks: list) -> list[Finding]:
    """The errors and warnings gouji reports on a .docx of these blocks (paragraphs and tables)."""
    return [f for f in analyze_file(write_docx(tmp_path / name, blocks)).findings if f.severity != "info"]


SANGONG_HEADER = [
    ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
    ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"] * 2,
    ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""] * 2,
]
SANGONG_MERGES = [
    (0, 0, 0, 5),
    (0, 6, 0, 11),
    (1, 2, 1, 4),
    (1, 8, 1, 10),
    *[(1, c, 2, c) for c in (0, 1, 5, 6, 7, 11)],
]


def _final_accounts_with_sangong(tmp_path: Path, sentence: str) -> list:
    rows = [
        *SANGONG_HEADER,
        ["13.00", "0.00", "8.00", "0.00", "8.00", "5.00", "9.34", "0.00", "6.48", "0.00", "6.48", "2.86"],
    ]
    path = write_docx(
        tmp_path / "江州市人民医院2024年度单位决算.docx",
        [
            "江州市人民医院2024年度单位决算",
            "第二部分 2024年度单位决算表",
            "财政拨款“三公”经费支出决算表",
            "单位：万元",
            (rows, SANGONG_MERGES),
            "第三部分 2024年度单位决算情况说明",
            "七、财政拨款“三公”经费支出决算情况说明",
            sentence,
        ],
    )
    return [(f.rule, f.severity, f.stated_value, f.expected_value) for f in analyze_file(path).findings]


def test_a_sangong_item_s_completion_rate_is_checked_against_its_budget_in_the_sangong_table(tmp_path: Path) -> None:
    """“公务接待费支出决算为2.86万元，完成预算的75.20%” with the item's budget printed only in the 三公 table, whose
    items stand across the columns under 预算数 and 决算数 (a row without a name): the rate is 2.86 ÷ 5.00 = 57.20%
    (adv128 S2). The section has no 总体情况/具体情况 sub-headings, and the items' amounts are still the table's."""
    clean = (
        "“三公”经费财政拨款支出年初预算为13.00万元，支出决算为9.34万元，完成预算的71.85%，其中：因公出国（境）费"
        "支出决算为0.00万元；公务用车购置及运行维护费支出决算为6.48万元，完成预算的81.00%；公务接待费支出决算为"
        "2.86万元，完成预算的57.20%。"
    )
    assert [f for f in _final_accounts_with_sangong(tmp_path, clean) if f[1] != "info"] == []
    slip = clean.replace("57.20%", "75.20%")
    found = [f for f in _final_accounts_with_sangong(tmp_path, slip) if f[1] != "info"]
    assert found == [("rate.completion", "error", Decimal("75.20"), Decimal("57.2"))]
    amount = clean.replace("2.86万元，完成", "2.68万元，完成")
    found = [f[:2] for f in _final_accounts_with_sangong(tmp_path, amount) if f[1] != "info"]
    assert ("template.narrative-vs-table", "error") in found


DEBT_TEXT = (
    "二、债务余额情况\n"
    "截至2024年末，全市政府债务余额1,401.51亿元，控制在省核定的限额以内。分地区看，宁晋县政府债务限额95.13亿元、"
    "余额94.85亿元；临西县政府债务限额40.86亿元、余额40.27亿元。{each}\n"
)


def test_a_balance_the_text_prints_above_its_own_ceiling_is_found(tmp_path: Path) -> None:
    """临西县政府债务限额40.86亿元、余额41.27亿元 beside 各县政府债务余额均控制在限额以内 (adv124 P2): the text's own
    ceiling and the balance after it, of one holder, are compared — an error where the text says every balance is
    within its ceiling, a warning where it does not; a new ceiling (新增债务限额) is no ceiling of a balance."""
    each = "各县（市、区）政府债务余额均控制在限额以内。"
    _claims, clean = scan_text(tmp_path, DEBT_TEXT.format(each=each))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, DEBT_TEXT.format(each=each).replace("40.27", "41.27"))
    assert alarms(found) == [("debt_limit.balance-over-limit", "error", Decimal("41.27"))]
    _claims, found = scan_text(tmp_path, DEBT_TEXT.format(each="").replace("40.27", "41.27"))
    assert alarms(found) == [("debt_limit.balance-over-limit", "warning", Decimal("41.27"))]
    flow = "2024年全市新增政府债务限额20.5亿元，余额1,401.51亿元。"
    _claims, found = scan_text(tmp_path, flow)
    assert alarms(found) == []


def test_a_county_s_funds_brought_in_are_the_county_s_own(tmp_path: Path) -> None:
    """全县调入资金35820万元 under a 县本级 heading: 调入资金 after 全县 is the county's own funds brought in, not a
    transfer to the county (补助区县), so it is the 全县 figure and no repeat of 县本级's 30560 (adv131 F1)."""
    text = (
        "一、2025年预算执行情况\n"
        "1.全县收支情况。全县一般公共预算收入171236万元，加上级补助收入286415万元、调入资金35820万元，收入总计493471万元。\n"
        "2.县本级收支情况。县本级一般公共预算收入98612万元，加上级补助收入286415万元、调入资金30560万元，收入总计415587万元。\n"
        "全县调入资金35820万元，其中：政府性基金预算调入12500万元，动用预算稳定调节基金23320万元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert alarms(found) == []
    brought_in = [c for c in claims if c.quantity.text == "35820万元"]
    assert {c.identity.scope for c in brought_in} == {"全县"}


def test_a_share_whose_whole_names_its_scope_is_of_that_scope(tmp_path: Path) -> None:
    """税收收入完成61235万元，占县本级一般公共预算收入的35.8%: the share names 县本级, so 98612 is its whole, and the
    全县 171236 that the wrong 35.8% fits is another scope's figure of that name: an error, not an undecided info
    (adv131 S3)."""
    text = (
        "1.全县收支情况。全县一般公共预算收入171236万元，同比增长5.4%。\n"
        "2.县本级收支情况。县本级一般公共预算收入98612万元，同比增长5.1%。其中：税收收入完成61235万元，"
        "占县本级一般公共预算收入的{share}%；非税收入完成37377万元。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(share="62.1"))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(share="35.8"))
    assert alarms(found) == [("share.stated-vs-computed", "error", Decimal("35.8"))]


def test_a_share_of_a_whole_named_with_a_filler_word(tmp_path: Path) -> None:
    """授予小微企业合同金额1036.85万元，占授予中小企业合同金额的55.64%: the whole is 授予中小企业合同金额1527.40万元
    though its name is kept without 金额 (adv134 S4: the share was never checked)."""
    text = (
        "（二）政府采购情况\n"
        "2024年度政府采购金额为1863.52万元。授予中小企业合同金额1527.40万元，占政府采购金额的81.96%，其中：授予小微企业"
        "合同金额1036.85万元，占授予中小企业合同金额的{share}%。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(share="67.88"), kind="部门决算")
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(share="55.64"), kind="部门决算")
    assert alarms(found) == [("share.stated-vs-computed", "error", Decimal("55.64"))]


SANGONG_TEXT = (
    "七、财政拨款“三公”经费支出决算情况说明\n"
    "（一）“三公”经费财政拨款支出决算总体情况说明。\n"
    "“三公”经费财政拨款支出年初预算为33.00万元，支出决算为28.77万元，完成预算的87.18%，其中：因公出国（境）费"
    "决算为6.42万元；公务用车购置及运行维护费支出16.42万元，完成预算的91.22%；公务接待费支出5.93万元。\n"
    "2024年度“三公”经费财政拨款支出决算数比2023年度增加0.44万元，增长1.55%，其中：因公出国（境）费支出决算增加"
    "1.57万元，增长{rate}%。\n"
)


def test_an_item_s_rate_and_change_in_a_sangong_paragraph_are_the_item_s(tmp_path: Path) -> None:
    """公务用车购置及运行维护费支出16.42万元，完成预算的91.22% after the 三公 total's 年初预算 and 决算: the rate is the
    item's (16.42 ÷ 18.00), never the total's 28.77 ÷ 33.00 (adv138 F1, F2); and 因公出国（境）费支出决算增加1.57万元，
    增长24.45% in the next paragraph is of the item's 6.42 printed before it, whose name holds a bracket (adv134 S3:
    1.57 ÷ (6.42 − 1.57) = 32.37%)."""
    _claims, clean = scan_text(tmp_path, SANGONG_TEXT.format(rate="32.37"), kind="部门决算")
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, SANGONG_TEXT.format(rate="24.45"), kind="部门决算")
    assert alarms(found) == [("template.change", "error", Decimal("24.45"))]


def test_a_chain_of_additions_and_subtractions_adds_up_to_its_result(tmp_path: Path) -> None:
    """…收入140102万元，加上上级补助收入72000万元、…，减去上解上级支出16480万元、一般债务还本支出19600万元，当年可用财力
    228337万元 (adv131 T3: the terms give 230137); and a chain that starts from a figure named before 加上 (一般公共预算收入
    加上…，减去…，预算总收入为…; adv137 Tianjin S1)."""
    text = (
        "收支平衡情况：2025年全区一般公共预算收入140102万元，加上上级补助收入72000万元、上年结转6215万元、调入资金23100万元、"
        "一般债务转贷收入24800万元，减去上解上级支出16480万元、一般债务还本支出19600万元，当年可用财力{total}万元。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(total="230137"))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(total="228337"))
    assert alarms(found) == [("balance.add-subtract", "error", Decimal("228337"))]
    named = (
        "一般公共预算收入123.45亿元，完成预算102.3%。一般公共预算收入加上市对区转移支付净补助38.62亿元、一般债务收入15.20亿元、"
        "上年结余6.35亿元，减去上解市级支出4.73亿元，预算总收入为{total}亿元。\n"
    )
    _claims, clean = scan_text(tmp_path, named.format(total="178.89"))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, named.format(total="179.89"))
    assert alarms(found) == [("balance.add-subtract", "error", Decimal("179.89"))]


def test_what_is_carried_forward_is_the_two_totals_difference(tmp_path: Path) -> None:
    """收入总计182.84亿元；…支出总计173.68亿元。收支相抵，结转下年8.74亿元 (adv138 S3: 182.84 − 173.68 = 9.16)."""
    text = (
        "全地区政府性基金预算收入46.83亿元，加上级补助收入9.54亿元、债务转贷收入118.65亿元、上年结转7.83亿元，收入总计182.85亿元；"
        "全地区政府性基金预算支出156.39亿元，加调出资金9.88亿元、债务还本支出7.42亿元，支出总计173.69亿元。收支相抵，结转下年"
        "{carried}亿元。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(carried="9.16"))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(carried="8.74"))
    assert alarms(found) == [("balance.income-less-spending", "error", Decimal("8.74"))]


def _report_with_table(tmp_path: Path, sentence: str, rows: list[list[str]], title: str) -> list:
    return [
        (f.rule, f.severity, f.stated_value)
        for f in _findings(
            tmp_path,
            "聊城市2025年预算执行情况和2026年预算草案的报告.docx",
            [
                "聊城市2025年预算执行情况和2026年预算草案的报告",
                "一、2025年预算执行情况",
                sentence,
                title,
                "单位：万元",
                (rows, []),
            ],
        )
    ]


def test_a_text_rate_is_checked_against_the_table_row_of_its_total(tmp_path: Path) -> None:
    """市级一般公共预算收入完成33.02亿元，完成预算的101.2% against the row 市级一般公共预算收入合计 | 预算数 326400 |
    执行数 330202: the row printing the amount is its 合计 row, and its 预算数 is the rate's base (adv137, adv138 S1:
    every text rate was left undecided)."""
    rows = [
        ["项目", "上年执行数", "预算数", "执行数", "为预算%", "比上年增长%"],
        ["市级一般公共预算收入合计", "323739", "326400", "330202", "101.2", "2.0"],
        ["税收收入", "220501", "225900", "225971", "100.0", "2.5"],
        ["非税收入", "103238", "100500", "104231", "103.7", "1.0"],
    ]
    title = "2025年市级一般公共预算收入执行情况表"
    text = "市级一般公共预算收入完成33.02亿元，完成预算的{rate}%。"
    assert _report_with_table(tmp_path, text.format(rate="101.2"), rows, title) == []
    found = _report_with_table(tmp_path, text.format(rate="102.1"), rows, title)
    assert found == [("rate.completion", "error", Decimal("102.1"))]


def test_an_execution_rate_column_is_checked_whatever_its_budget_and_spending_are_called(tmp_path: Path) -> None:
    """项目名称 | 年初预算 | 调整预算 | 实际支出 | 执行率（%）: the rate is 实际支出 ÷ 调整预算 (adv135 S1: only 全年预算数 and
    执行数 headers were read), and one computed on the 年初预算 the row also prints is the slip it looks like (adv66
    D3-S2). Beside a bare 预算数 and the funds received (预算数 | 到位数 | 实际支出数 | 执行率) the rate may be of either
    (adv76). The finding names the row."""
    rows = [
        ["序号", "项目名称", "年初预算", "调整预算", "实际支出", "执行率（%）"],
        ["1", "高标准农田建设项目", "1,800.00", "2,150.00", "1,986.42", "92.39"],
        ["2", "农村人居环境整治提升项目", "300.00", "285.00", "268.40", "{rate}"],
        ["3", "重大动物疫病防控经费", "134.60", "150.00", "131.27", "{initial}"],
    ]

    def scan(rate: str, initial: str = "87.51") -> list:
        table = _filled(rows, rate=rate, initial=initial)
        return [
            f
            for f in _findings(
                tmp_path,
                "献县农业农村局2024年度部门整体支出绩效自评报告.docx",
                [
                    "献县农业农村局2024年度部门整体支出绩效自评报告",
                    "表2 2024年度项目支出明细表",
                    "单位：万元",
                    (table, []),
                ],
            )
        ]

    assert scan("94.18") == []
    found = scan("98.14")
    assert [(f.rule, f.severity, f.stated_value) for f in found] == [("rate.execution", "error", Decimal("98.14"))]
    assert found[0].subject == "农村人居环境整治提升项目 执行率"
    assert [(f.rule, f.stated_value) for f in scan("94.18", initial="97.53")] == [("rate.execution", Decimal("97.53"))]
    received = [
        ["资金来源", "预算数", "到位数", "实际支出数", "执行率"],
        ["省级补助资金", "8,460.00", "8,460.00", "8,012.37", "94.71%"],
        ["县（市、区）配套资金", "5,372.80", "4,352.15", "3,870.58", "88.93%"],
    ]
    assert [
        f
        for f in _findings(
            tmp_path,
            "达州市2024年度农村公路养护管理专项资金重点绩效评价报告.docx",
            [
                "达州市2024年度农村公路养护管理专项资金重点绩效评价报告",
                "表1 资金到位及支出情况表",
                "单位：万元",
                (received, []),
            ],
        )
    ] == []


def test_a_project_s_text_amount_against_its_row_is_blamed_where_the_rate_backs_the_row(tmp_path: Path) -> None:
    """（三）项目支出情况 › 1.高标准农田建设项目。全年预算2,150.00万元，实际支出1,968.42万元，执行率92.39% against the
    项目支出明细表 row 1,986.42: the project's figures under a 项目支出 heading are the table's (a 项目支出 part like its
    rows), and the rate fits the table's 1,986.42, so the finding stands on the text's amount (adv135 S3: the rate was
    blamed)."""
    rows = [
        ["序号", "项目名称", "调整预算", "实际支出", "执行率（%）"],
        ["1", "高标准农田建设项目", "2,150.00", "1,986.42", "92.39"],
        ["2", "耕地地力保护补贴", "1,526.30", "1,526.30", "100.00"],
    ]
    found = [
        f
        for f in _findings(
            tmp_path,
            "献县农业农村局2024年度部门整体支出绩效自评报告.docx",
            [
                "献县农业农村局2024年度部门整体支出绩效自评报告",
                "（三）项目支出情况",
                "1.高标准农田建设项目。全年预算2,150.00万元，实际支出1,968.42万元，执行率92.39%。",
                "表2 2024年度项目支出明细表",
                "单位：万元",
                (rows, []),
            ],
        )
    ]
    assert [(f.rule, f.prov.table, f.stated_value, f.expected_value) for f in found] == [
        ("narrative_table.mismatch", None, Decimal("1968.42"), Decimal("1986.42"))
    ]


def test_subtotals_numbered_in_words_in_their_own_column_are_the_total_s_parts(tmp_path: Path) -> None:
    """序号 | 地区/项目名称 | … with 一 | 邢台市本级小计, 二 | 襄都区小计 over numbered projects: every 小计 row keeps its
    numeral (二 was read as the number 2) and borrows no label from the project above it, so 合计 is the sum of the
    小计 rows, not of the first alone (adv136 F1: a stale 合计 was said to be 30000, the first 小计)."""
    rows = [
        ["序号", "地区/项目名称", "项目实施单位", "债券金额"],
        ["", "合计", "", "{total}"],
        ["一", "邢台市本级小计", "", "30,000.00"],
        ["1", "小型水库除险加固项目", "邢台市水利局", "10,000.00"],
        ["2", "农村生活污水治理工程", "邢台市农业农村局", "20,000.00"],
        ["二", "襄都区小计", "", "25,000.00"],
        ["1", "第二高级中学教学综合楼建设项目", "襄都区教育局", "5,000.00"],
        ["2", "农村生活污水治理工程", "襄都区农业农村局", "20,000.00"],
        ["三", "信都区小计", "", "1,500.00"],
        ["1", "农村公路提质改造工程", "信都区交通运输局", "1,500.00"],
    ]

    def scan(total: str) -> list:
        table = _filled(rows, total=total)
        return [
            (f.rule, f.stated_value, f.expected_value)
            for f in _findings(
                tmp_path,
                "2024年邢台市新增地方政府债券资金使用情况表.docx",
                ["2024年邢台市新增地方政府债券资金使用情况表", "单位：万元", (table, [])],
            )
        ]

    assert scan("56,500.00") == []
    assert scan("57,500.00") == [("sum.table-rows", Decimal("57500.00"), Decimal("56500"))]


def _cell(row: int, col: int) -> Provenance:
    return Provenance(sha256="0" * 64, page=5, table=0, row=row, col=col)


def test_a_template_sum_out_by_a_cell_found_wrong_joins_the_cell_s_finding() -> None:
    """支出总计 47,216,710 against its parts 47,234,710, where one part (社会保障和就业支出 5,731,194) is already found
    wrong by the row's own sum and should be 5,713,194: the total is right; the total's finding joins the cell's
    (adv133 F1: one slip, two errors, one of them accusing a correct total)."""
    cell = Finding(
        "sum.table-cell",
        "error",
        _cell(5, 3),
        "社会保障和就业支出 合计",
        "5,731,194",
        "……疑此格有误",
        Decimal("5731194"),
        Decimal("5713194"),
        "元",
    )
    total = Finding(
        "template.sum",
        "error",
        _cell(11, 3),
        "支出总计",
        "47,216,710",
        "……",
        Decimal("47216710"),
        Decimal("47234710"),
        "元",
        [_cell(4, 3), _cell(5, 3), _cell(6, 3), _cell(7, 3)],
    )
    kept = _blame_the_input([cell, total])
    assert kept == [cell] and _cell(11, 3) in cell.related


def test_a_text_amount_that_fits_a_cell_s_corrected_value_joins_it_across_units() -> None:
    """正文 基本支出2413.24万元 against the table's 24,075,014.47元, a cell the table's own sums say should be
    24,132,366.57元: the text is right, in 万元 as the cell is in 元 (adv134: the text was blamed)."""
    cell = Finding(
        "sum.table-cell",
        "error",
        _cell(3, 5),
        "支出决算表 合计 基本支出",
        "24,075,014.47",
        "……",
        Decimal("24075014.47"),
        Decimal("24132366.57"),
        "元",
    )
    text = Finding(
        "template.narrative-vs-table",
        "error",
        Provenance(sha256="0" * 64, page=8, paragraph=29, span=(23, 32)),
        "基本支出",
        "……基本支出2413.24万元……",
        "……",
        Decimal("2413.24"),
        Decimal("2407.50"),
        "万元",
        [_cell(3, 5)],
    )
    assert _text_backs_the_cell([cell, text]) == [cell]


def test_a_score_summary_after_its_indicators_is_added_up_over_its_own_rows(tmp_path: Path) -> None:
    """表3 (16 indicators, 分值 | 得分, no total) then 表4 自评得分汇总表 (four categories, 合计 100 | 95.87): the 分值
    total adds up over 表4 alone, so the 得分 total is 表4's categories' sum 94.87 — not 180.07 with the indicators
    counted again (adv135 F1)."""
    indicators = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["产出指标", "数量指标", "新建高标准农田面积", "50", "49"],
        ["效益指标", "经济效益指标", "粮食总产量", "30", "27"],
        ["满意度指标", "服务对象满意度指标", "农户满意度", "10", "9.2"],
    ]
    summary = [
        ["评价内容", "分值", "自评得分"],
        ["预算执行率", "10", "9.67"],
        ["产出指标", "50", "49"],
        ["效益指标", "30", "27"],
        ["满意度指标", "10", "9.2"],
        ["合计", "100", "{total}"],
    ]

    def scan(total: str) -> list:
        table = _filled(summary, total=total)
        return [
            (f.rule, f.stated_value, f.expected_value)
            for f in _findings(
                tmp_path,
                "献县农业农村局2024年度部门整体支出绩效自评报告.docx",
                [
                    "献县农业农村局2024年度部门整体支出绩效自评报告",
                    "表3 2024年度部门整体绩效指标完成情况表",
                    (indicators, []),
                    "表4 自评得分汇总表",
                    "单位：分",
                    (table, []),
                ],
            )
        ]

    assert scan("94.87") == []
    assert scan("95.87") == [("scoresheet.total", Decimal("95.87"), Decimal("94.87"))]


def _table_doc(tmp_path: Path, name: str, blocks: list) -> list:
    return [(f.rule, f.prov.row, f.stated_value, f.expected_value) for f in _findings(tmp_path, name, blocks)]


def test_one_region_over_its_own_level_and_its_counties_adds_up(tmp_path: Path) -> None:
    """邢台市 | 邢台市本级 | 襄都区 | 信都区 | 宁晋县 (one region, no 合计 row): the region is the sum of the rows under
    it where its other columns add up over them; a stale 邢台市 cell is an error (adv136 S2: only another table's
    printing caught it)."""
    rows = [
        ["地区", "债务限额", "一般债务", "专项债务"],
        ["邢台市", "{total}", "153.30", "217.18"],
        ["邢台市本级", "120.00", "50.00", "70.00"],
        ["襄都区", "85.80", "25.57", "60.23"],
        ["信都区", "93.50", "20.77", "72.73"],
        ["宁晋县", "71.18", "56.96", "14.22"],
    ]

    def scan(total: str) -> list:
        table = _filled(rows, total=total)
        return _table_doc(
            tmp_path,
            "邢台市2024年地方政府债务限额情况表.docx",
            ["2024年邢台市地方政府债务限额情况表", "单位：亿元", (table, [])],
        )

    assert scan("370.48") == []
    assert [f[:2] for f in scan("371.68")] == [("region.group-of-rows", 1)]


def test_a_counties_total_after_the_city_s_own_level_is_the_sum_of_the_counties(tmp_path: Path) -> None:
    """全市合计 | 市本级 | 县区合计 | the counties: 县区合计 is 全市合计's part (with 市本级), and its own parts are the counties
    below it, not 市本级 above it (adv132 D1-C: 陇西县 69,511 for 65,911 was reported against 市本级 alone, as info)."""
    rows = [
        ["地区", "预算数", "决算数"],
        ["全市合计", "394,536", "399,366"],
        ["市本级", "63,734", "69,826"],
        ["县区合计", "330,802", "329,540"],
        ["安定区", "99,745", "96,135"],
        ["通渭县", "26,571", "28,361"],
        ["陇西县", "63,460", "{cell}"],
        ["渭源县", "141,026", "139,133"],
    ]

    def scan(cell: str) -> list:
        table = _filled(rows, cell=cell)
        return _table_doc(
            tmp_path,
            "定西市2024年政府决算公开表.docx",
            ["2024年定西市一般公共预算收入分地区决算表", "单位：万元", (table, [])],
        )

    assert scan("65,911") == []
    assert scan("69,511") == [("sum.table-rows", 3, Decimal("329540"), Decimal("333140"))]


def test_a_numbered_head_over_plain_rows_is_their_total_where_another_column_adds_up(tmp_path: Path) -> None:
    """一、税收收入 over 增值税 | 企业所得税 | …: where the 2025年执行数 column adds up over those rows, the 2026年预算数
    column must too (adv137 S4: a numbered 一、/二、 layout switched the row sums off)."""
    rows = [
        ["项目", "2025年执行数", "2026年预算数"],
        ["一般公共预算收入合计", "975,176", "986,700"],
        ["一、税收收入", "591,848", "613,200"],
        ["增值税", "248,615", "{cell}"],
        ["企业所得税", "132,408", "141,000"],
        ["其他税收收入", "210,825", "210,200"],
        ["二、非税收入", "383,328", "373,500"],
        ["专项收入", "98,416", "102,000"],
        ["其他非税收入", "284,912", "271,500"],
    ]

    def scan(cell: str) -> list:
        table = _filled(rows, cell=cell)
        return _table_doc(
            tmp_path, "潍坊市2026年预算表.docx", ["2026年市级一般公共预算收入预算表", "单位：万元", (table, [])]
        )

    assert scan("262,000") == []
    assert scan("265,000") == [("sum.table-rows", 2, Decimal("613200"), Decimal("616200"))]


def test_a_percent_header_over_two_header_rows_and_a_column_number_row_are_read(tmp_path: Path) -> None:
    """上年执行数 | 2025年 › 预算数, 执行数 | 为预算% (a header over both header rows stands under no group), and a 栏次
    row under the headers (1 | 2 | 3=(2-1)/1): the percent columns are read (adv137: a wrong 为预算% went unseen;
    adv136 S5: the 栏次 row hid the growth column)."""
    rows = [
        ["项目", "上年执行数", "2025年", "", "为预算%"],
        ["", "", "预算数", "执行数", ""],
        ["一般公共预算收入合计", "6,453,088", "6,419,000", "6,473,698", "{rate}"],
        ["税收收入", "4,420,000", "4,400,000", "4,468,688", "101.6"],
        ["非税收入", "2,033,088", "2,019,000", "2,005,010", "99.3"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)]

    def scan(rate: str) -> list:
        table = _filled(rows, rate=rate)
        return _table_doc(
            tmp_path,
            "潍坊市2025年预算执行表.docx",
            ["2025年全市一般公共预算收入执行情况表", "单位：万元", (table, merges)],
        )

    assert scan("100.9") == []
    assert [f[0] for f in scan("109.0")] == ["percent_column.ratio"]
    numbered = [
        ["项目", "2024年执行数", "2025年预算数", "预算数比上年执行数增长%"],
        ["栏次", "1", "2", "3=(2-1)/1"],
        ["住房保障支出", "12,752", "13,852", "{rate}"],
        ["教育支出", "40,000", "42,000", "5.0"],
    ]

    def scan_numbered(rate: str) -> list:
        table = _filled(numbered, rate=rate)
        return _table_doc(
            tmp_path, "永胜县2025年预算表.docx", ["永胜县2025年一般公共预算支出表", "单位：万元", (table, [])]
        )

    assert scan_numbered("8.6") == []
    assert [f[0] for f in scan_numbered("7.9")] == ["percent_column.growth"]


def test_a_table_titled_by_its_region_before_the_year_is_the_whole_region_s() -> None:
    """湟源县2024年一般公共预算收支决算总表: the county's name opening the title makes its cells the 全县 figures, so the
    text's 全县 教育支出 is compared with them (adv132 D2-A was left undecided); a 开发区 or 市本级 is no whole."""
    from extractors.identity import _named_region_scope

    assert _named_region_scope("湟源县2024年一般公共预算收支决算总表") == "全县"
    assert _named_region_scope("附表1 定西市2024年一般公共预算收入决算表") == "全市"
    assert _named_region_scope("经济开发区2024年一般公共预算收入表") == ""
    assert _named_region_scope("市本级2024年一般公共预算收入表") == ""


def test_a_text_amount_printed_twice_is_blamed_where_its_rate_and_sum_fit_the_other_printing(tmp_path: Path) -> None:
    """公务接待费…支出决算为3.46万元，完成全年预算的91.00% (…合计14.22) and later 3.公务接待费支出3.64万元: the rate and the
    sum fit 3.64, so 3.46 is the slip; one finding, on 3.46, naming them (adv92 S3: the repeat finding blamed 3.64 and
    the rate and the sum were two more errors)."""
    text = (
        "七、财政拨款“三公”经费支出决算情况说明\n"
        "（一）“三公”经费财政拨款支出决算总体情况说明。\n"
        "“三公”经费财政拨款支出全年预算为16.00万元，支出决算为14.22万元，完成全年预算的88.88%，其中：因公出国（境）费"
        "支出决算为0万元；公务用车购置及运行维护费全年预算为12.00万元，支出决算为10.58万元，完成全年预算的88.17%；公务接待费"
        "全年预算为4.00万元，支出决算为{amount}万元，完成全年预算的91.00%。\n"
        "（二）“三公”经费财政拨款支出决算具体情况说明。\n"
        "3.公务接待费支出3.64万元，主要用于上级部门检查指导工作。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(amount="3.64"), kind="部门决算")
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(amount="3.46"), kind="部门决算")
    assert alarms(found) == [("repeat.different-values", "error", Decimal("3.46"))]
    assert "91.00%" in found[0].explanation and "14.22" in found[0].explanation


def test_a_term_s_own_breakdown_in_brackets_is_no_term_of_the_chain(tmp_path: Path) -> None:
    """…收入加上上级补助收入50.49亿元（其中：返还性收入6.12亿元、…），…，收入总量为203.86亿元: the bracket's figures break
    one term down, they are not added again (adv82: a clean report was said to be out by 77 亿元)."""
    text = (
        "市级一般公共预算收入完成79.54亿元。市级一般公共预算收入加上上级补助收入50.49亿元（其中：返还性收入6.12亿元、一般性"
        "转移支付收入39.50亿元、专项转移支付收入4.87亿元），下级上解收入8.65亿元，调入资金26.65亿元（其中：从政府性基金预算"
        "调入24.50亿元，从国有资本经营预算调入1.26亿元，从其他资金调入0.89亿元），上年结转5.23亿元，收入总量为{total}亿元。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(total="170.56"))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(total="171.56"))
    assert alarms(found) == [("balance.add-subtract", "error", Decimal("171.56"))]


def test_a_count_under_a_project_s_heading_is_not_its_amount(tmp_path: Path) -> None:
    """4.村庄清洁行动及长效管护。…实际支出1,296.45万元，…。全年开展村庄清洁行动集中整治4轮次: the count 4 is no printing
    of the table's 实际支出 1,296.45 (adv123: "1296.45 vs 0.00")."""
    rows = [
        ["序号", "子项目", "下达资金", "实际支出", "执行率"],
        ["1", "农村厕所改造", "2,860.00", "2,744.38", "95.96%"],
        ["2", "村庄清洁行动及长效管护", "1,310.00", "1,296.45", "98.97%"],
    ]
    assert [
        f
        for f in _findings(
            tmp_path,
            "衡水市2024年度农村人居环境整治专项资金绩效评价报告.docx",
            [
                "衡水市2024年度农村人居环境整治专项资金绩效评价报告",
                "表1 2024年度农村人居环境整治专项资金下达及使用情况表",
                "单位：万元",
                (rows, []),
                "（三）各子项目产出及效益情况",
                "2.村庄清洁行动及长效管护。该子项目下达资金1,310.00万元，实际支出1,296.45万元，执行率98.97%。全年开展村庄清洁行动"
                "集中整治4轮次。",
            ],
        )
    ] == []


def test_a_project_paragraph_naming_no_item_is_its_heading_s_project(tmp_path: Path) -> None:
    """（三）项目支出情况 › 4.农业产业发展专项资金 › 该项目全年预算560.00万元，实际支出521.90万元，执行率91.59%: the figures
    are the heading's project's, so the text's 实际支出 meets the project table's row 512.90, and the rate that fits the
    table names the text's amount (adv142 S1: the rate was blamed and, with a consistent rate, the slip was missed)."""
    rows = [
        ["序号", "项目名称", "年初预算", "调整预算", "实际支出", "执行率（%）"],
        ["1", "农村人居环境整治项目", "300.00", "286.50", "271.38", "94.72"],
        ["2", "农业产业发展专项资金", "500.00", "560.00", "512.90", "91.59"],
    ]

    def scan(amount: str) -> list:
        return [
            (f.rule, f.prov.table, f.stated_value)
            for f in _findings(
                tmp_path,
                "某县农业农村局2024年度部门整体支出绩效自评报告.docx",
                [
                    "某县农业农村局2024年度部门整体支出绩效自评报告",
                    "表2 2024年度项目支出执行情况表",
                    "单位：万元",
                    (rows, []),
                    "（三）项目支出情况",
                    "2.农业产业发展专项资金",
                    f"该项目全年预算560.00万元，实际支出{amount}万元，执行率91.59%。",
                ],
            )
        ]

    assert scan("512.90") == []
    assert scan("521.90") == [("narrative_table.mismatch", None, Decimal("521.90"))]


def test_an_execution_rate_beside_the_funds_received_is_of_them(tmp_path: Path) -> None:
    """资金来源 | 到位数 | 实际支出 | 执行率: with no budget printed the rate is of the funds received (adv142: 80.06%
    computed on the plan 640.00 for 512.38 ÷ 585.60 = 87.50% went unseen)."""
    rows = [
        ["资金来源", "到位数", "实际支出", "执行率"],
        ["市级补助资金", "1,250.00", "1,168.40", "93.47%"],
        ["区级配套资金", "585.60", "512.38", "{rate}"],
    ]

    def scan(rate: str) -> list:
        table = _filled(rows, rate=rate)
        return [
            (f.rule, f.stated_value)
            for f in _findings(
                tmp_path,
                "重庆市某区2024年度农村公路养护专项资金绩效评价报告.docx",
                ["重庆市某区2024年度农村公路养护专项资金绩效评价报告", "表2 资金使用情况表", "单位：万元", (table, [])],
            )
        ]

    assert scan("87.50%") == []
    assert scan("80.06%") == [("rate.execution", Decimal("80.06"))]


# ------------------------------------------------------------------ review round fourteen (adv139–146)


def test_a_debt_kind_printed_under_several_heads_is_each_head_s_part(tmp_path: Path) -> None:
    """一、2023年末政府债务余额 | 其中：一般债务 38.26 | 专项债务 21.54 | … | 三、2024年政府债务还本额 | 一般债务 3.47 | …:
    each 一般债务 row is its head's part, so the text's 其中：一般债务3.47亿元 (of the principal repaid) is no printing of
    the balance's 38.26 (adv143 F1–F6: six false errors on one Jilin-style table)."""
    rows = [
        ["项目", "金额"],
        ["一、2023年末政府债务余额", "59.80"],
        ["其中：一般债务", "38.26"],
        ["专项债务", "21.54"],
        ["二、2024年政府债务还本额", "4.85"],
        ["一般债务", "3.47"],
        ["专项债务", "1.38"],
        ["三、2024年政府债务付息额", "1.95"],
        ["其中：一般债务", "1.21"],
        ["专项债务", "0.74"],
    ]
    assert [
        f
        for f in _findings(
            tmp_path,
            "彰武县2024年政府债务情况.docx",
            [
                "彰武县2024年政府债务情况",
                "三、债务还本付息",
                "2024年全县偿还政府债务本金4.85亿元，其中：一般债务3.47亿元、专项债务1.38亿元；支付政府债务利息1.95亿元，"
                "其中：一般债务利息1.21亿元、专项债务利息0.74亿元。",
                "表2 彰武县2024年政府债务发行及还本付息情况表",
                "单位：亿元",
                (rows, []),
            ],
        )
    ] == []


def test_a_total_over_staff_office_and_project_columns_with_no_basic_head(tmp_path: Path) -> None:
    """科目名称 | 合计 | 人员经费 | 公用经费 | 项目支出 with no 基本支出 head: 基本支出 is 人员经费 + 公用经费, so 合计 is the
    three columns' sum, never 项目支出 alone (adv144 F1, F2)."""
    rows = [
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费", "项目支出"],
        ["", "合计", "2,247.34", "764.64", "82.20", "{project}"],
        ["213", "农林水支出", "2,247.34", "764.64", "82.20", "1,400.50"],
    ]

    def scan(project: str) -> list:
        table = _filled(rows, project=project)
        return [
            (f.rule, f.location, f.stated_value)
            for f in _findings(
                tmp_path,
                "湄潭县农业农村局2025年部门预算.docx",
                ["湄潭县农业农村局2025年部门预算", "表5 一般公共预算支出预算表", "单位：万元", (table, [])],
            )
        ]

    assert scan("1,400.50") == []
    # the 合计 row's 项目支出 out: its row (合计 = 人员经费 + 公用经费 + 项目支出) and its column name the one cell
    assert scan("1,410.50") == [("sum.table-cell", "表1 r2c6", Decimal("1410.50"))]


def test_a_part_s_definition_after_its_share_does_not_end_the_list(tmp_path: Path) -> None:
    """…其中：基本支出846.84万元，占32.17%，是指为保障机构正常运转…；项目支出1,785.90万元，占79.47%，是指…: the 是指 clause
    describes the part; the list and its whole go on (adv144 G2: the share was left undecided)."""
    text = (
        "2025年部门支出预算2,632.74万元，其中：基本支出846.84万元，占32.17%，是指为保障机构正常运转、完成日常工作任务而"
        "发生的各项支出；项目支出1,785.90万元，占{share}%，是指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(share="67.83"), kind="部门预算")
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(share="79.47"), kind="部门预算")
    assert alarms(found) == [("share.stated-vs-computed", "error", Decimal("79.47"))]


def test_what_is_left_after_the_income_total_and_one_spending_figure(tmp_path: Path) -> None:
    """收入总计194.12亿元。…支出177.66亿元，完成调整预算的86.7%。收支相抵，结转下年18.46亿元: with one spending figure after
    the income total, the carry-over is their difference (adv139 S2); where more follow (…支出9,823万元，调出资金4,760万元，
    收支相抵) nothing is judged."""
    text = (
        "全市政府性基金预算收入完成150.12亿元，加上上级补助收入4.00亿元、上年结转40.00亿元，收入总计194.12亿元。"
        "全市政府性基金预算支出177.66亿元，完成调整预算的86.7%。收支相抵，结转下年{left}亿元。\n"
    )
    _claims, clean = scan_text(tmp_path, text.format(left="16.46"))
    assert alarms(clean) == []
    _claims, found = scan_text(tmp_path, text.format(left="18.46"))
    assert alarms(found) == [("balance.income-less-spending", "error", Decimal("18.46"))]
    two = "全市国有资本经营预算收入完成15872万元，加上上年结转2,293万元，收入总计18,165万元。全市国有资本经营预算支出9,823万元，调出资金4,760万元，收支相抵，结转下年3,582万元。\n"
    _claims, found = scan_text(tmp_path, two)
    assert alarms(found) == []


def test_a_rate_naming_the_adjusted_budget_takes_that_column_beside_the_initial_one(tmp_path: Path) -> None:
    """全县一般公共预算收入完成30758万元，为调整预算的107.5% beside a table printing 预算数 28615 and 调整预算数 30135: the
    rate names its column (adv146 S1: two budgets in the row left every such rate undecided)."""
    rows = [
        ["项目", "预算数", "调整预算数", "决算数", "决算数为调整预算数的%"],
        ["一般公共预算收入合计", "28,615", "30,135", "30,758", "102.1"],
        ["税收收入", "20,000", "21,500", "22,095", "102.8"],
        ["非税收入", "8,615", "8,635", "8,663", "100.3"],
    ]

    def scan(rate: str) -> list:
        return [
            (f.rule, f.stated_value)
            for f in _findings(
                tmp_path,
                "临泽县关于2024年财政决算的报告.docx",
                [
                    "临泽县关于2024年财政决算的报告",
                    "一、2024年一般公共预算收支决算情况",
                    f"全县一般公共预算收入完成30758万元，为调整预算的{rate}%。",
                    "附件1 临泽县2024年一般公共预算收入决算表",
                    "单位：万元",
                    (rows, []),
                ],
            )
        ]

    assert scan("102.1") == []
    assert scan("107.5") == [("rate.completion", Decimal("107.5"))]


def test_a_text_rate_is_checked_where_its_amount_is_printed_in_two_tables(tmp_path: Path) -> None:
    """全区一般公共预算支出完成100.17亿元，完成调整预算的97.4%: the amount is printed in the 2025 execution table
    (全区一般公共预算支出合计, under 2025年 › 执行数) and again as the 2026 table's 2025年执行数; one scope, one budget
    (adv145 M1: two printings of one figure were taken for two scopes and the rate left undecided)."""
    rows = [
        ["项目", "上年执行数", "2025年", "", "为预算%"],
        ["", "", "预算数", "执行数", ""],
        ["全区一般公共预算支出合计", "977,860", "1,028,000", "1,001,699", "97.4"],
        ["一般公共服务支出", "98,450", "105,000", "101,236", "96.4"],
        ["其他支出", "879,410", "923,000", "900,463", "97.6"],
    ]
    draft = [
        ["项目", "2025年执行数", "2026年预算数", "增长%"],
        ["全区一般公共预算支出合计", "1,001,699", "1,030,000", "2.8"],
    ]

    def scan(rate: str) -> list:
        path = write_docx(
            tmp_path / "大兴区2025年预算执行情况和2026年预算的报告.docx",
            [
                "关于大兴区2025年预算执行情况和2026年预算的报告",
                "一、2025年预算执行情况",
                f"全区一般公共预算支出完成100.17亿元，完成调整预算的{rate}%。",
                "附表1 大兴区2025年全区一般公共预算支出执行情况表",
                "单位：万元",
                (rows, [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)]),
                "附表2 大兴区2026年全区一般公共预算支出预算表",
                "单位：万元",
                (draft, []),
            ],
        )
        return [
            (f.rule, f.severity, f.stated_value)
            for f in analyze_file(path).findings
            if f.rule != "unresolved.no-counterpart"
        ]

    assert scan("97.4") == []
    # the column says 预算数, the text 调整预算: the base is not certainly the one named, so info — but checked
    assert scan("94.7") == [("rate.completion", "info", Decimal("94.7"))]


def test_a_table_sum_out_by_a_cell_the_text_corrects_joins_the_cell_s_finding(tmp_path: Path) -> None:
    """农林水支出 52,117 in the table, 52,297 in the text and in its 款 rows: the 合计 over the 类 rows fails by the same
    180, so it is no second slip; the cell's finding names it and says which printing is out (adv146 S3: a warning
    blamed 类 left unlisted)."""
    rows = [
        ["科目编码", "科目名称", "决算数"],
        ["", "一般公共预算支出合计", "100,297"],
        ["201", "一般公共服务支出", "48,000"],
        ["213", "农林水支出", "{cell}"],
    ]

    def scan(cell: str) -> list:
        table = _filled(rows, cell=cell)
        return [
            f
            for f in _findings(
                tmp_path,
                "临泽县关于2024年财政决算的报告.docx",
                [
                    "临泽县关于2024年财政决算的报告",
                    "一、2024年一般公共预算收支决算情况",
                    "全县一般公共预算支出100297万元，其中：一般公共服务支出48000万元，农林水支出52297万元。",
                    "附件2 临泽县2024年一般公共预算支出决算表",
                    "单位：万元",
                    (table, []),
                ],
            )
        ]

    assert scan("52,297") == []
    found = scan("52,117")
    assert [(f.rule, f.location, f.stated_value) for f in found] == [
        ("narrative_table.mismatch", "表1 r4c3", Decimal("52117"))
    ]
    assert "未能判断" not in found[0].explanation and "表1 r2c3" in found[0].related_location


def test_a_change_column_of_a_draft_budget_table_is_no_budget(tmp_path: Path) -> None:
    """市本级一般公共预算收入78.24亿元，为预算的100.3% beside the 2026 draft's row 一般公共预算收入 | 782,386 (2025年执行数) |
    778,803 | 比上年执行数增减额 -3,583: the change is no budget of 2025 (a re-scan of adv112 after this round's first
    fixes read it as one: "100.3 vs -21836.45")."""
    execution = [
        ["项目", "预算数", "执行数", "为预算%"],
        ["市本级一般公共预算收入合计", "779,899", "782,386", "100.3"],
    ]
    draft = [
        ["项目", "2025年执行数", "2026年预算数", "比上年执行数增减额", "增减%"],
        ["一般公共预算收入", "782,386", "778,803", "-3,583", "-0.5"],
    ]
    assert [
        f
        for f in _findings(
            tmp_path,
            "蚌埠市2025年预算执行情况和2026年预算草案的报告.docx",
            [
                "关于蚌埠市2025年预算执行情况和2026年预算草案的报告",
                "一、2025年预算执行情况",
                "2025年市本级一般公共预算收入78.24亿元，为预算的100.3%。",
                "附表2 蚌埠市市本级2025年一般公共预算收入执行情况表",
                "单位：万元",
                (execution, []),
                "附表4 蚌埠市市本级2026年一般公共预算收支预算表",
                "单位：万元",
                (draft, []),
            ],
        )
    ] == []


# ------------------------------------------------------------------ review round fifteen (adv147–154)


def test_a_rate_column_under_a_caption_of_several_units_is_no_amount(tmp_path: Path) -> None:
    """单位：万元、%、分 over 项目名称 | 年初预算 | 全年预算 | 全年执行数 | 执行率: the 执行率 column holds percents, so its 合计
    row (the overall rate) is never the sum of the projects' rates (adv151 F1: "96.42 vs 775.91")."""
    rows = [
        ["项目名称", "年初预算", "全年预算", "全年执行数", "执行率"],
        ["高标准农田建设", "1,200.00", "1,250.00", "1,200.80", "96.06"],
        ["农村人居环境整治", "800.00", "820.00", "801.90", "97.79"],
        ["合计", "2,000.00", "2,070.00", "2,002.70", "96.75"],
    ]
    found = _findings(
        tmp_path,
        "平山县农业农村局2024年度部门整体支出绩效自评报告.docx",
        ["平山县农业农村局2024年度部门整体支出绩效自评报告", "表2 项目支出情况表", "单位：万元、%、分", (rows, [])],
    )
    assert found == []


def test_a_cell_text_cut_after_a_joining_mark_by_a_page_break_is_put_back_together() -> None:
    """资助标准 | 2000元/生· | 2000元/生· | 10 | 10.00 at a page's foot and 年 | 年 at the next page's head: the row's texts
    finish there, no row of their own and no header of the rows after it (adv151 F2, F3: the 总分 lost three rows)."""
    from test_stitch import SHEET_XS, part, texts

    from extractors.stitch import stitch_tables

    a = part(1, [["资助标准", "2000元/生·", "2000元/生·", "10"]], 700, xs=SHEET_XS)
    b = part(2, [["", "年", "年", ""], ["受助学生因贫辍学人数", "0人", "0人", "20"]], 72, xs=SHEET_XS)
    (t,) = stitch_tables([a, b])
    assert texts(t)[0] == ["资助标准", "2000元/生·年", "2000元/生·年", "10"] and t.n_rows == 2


def test_figures_paired_by_fenbie_with_a_flow_word_or_a_dated_scope(tmp_path: Path) -> None:
    """一般公共预算收入和支出分别安排126,200万元和388,080万元 (the second is the spending), 2026年全市、市本级一般公共预算
    收入分别安排224.8亿元、76.1亿元 (the first is 全市's): no repeat of one figure with two values (adv148 F4–F6)."""
    text = (
        "二、2026年预算草案\n"
        "2026年全县一般公共预算收入和支出分别安排126,200万元和388,080万元。\n"
        "2026年全市、市本级一般公共预算收入分别安排224.8亿元、76.1亿元。\n"
    )
    claims, found = scan_text(tmp_path, text)
    assert alarms(found) == []
    subjects = {c.quantity.text: (c.subject, c.identity.scope) for c in claims}
    assert subjects["388,080万元"][0] == "一般公共预算支出" and subjects["224.8亿元"][1] == "全市"


def test_a_qizhong_of_one_level_s_own_figures_is_no_breakdown_of_the_total(tmp_path: Path) -> None:
    """全市…支付利息26.84亿元，其中市本级还本17.4亿元、付息10.96亿元: the 其中 gives the 市本级's principal and interest,
    not parts of the 全市 interest (adv148 F1: "26.84 vs 28.36")."""
    text = "（四）政府债务\n全市偿还到期政府债务本金67.22亿元，支付利息26.84亿元，其中市本级还本17.4亿元、付息10.96亿元。\n"
    _claims, found = scan_text(tmp_path, text)
    assert alarms(found) == []


def test_a_share_of_a_whole_it_does_not_name_printed_in_an_earlier_paragraph_is_a_guess(tmp_path: Path) -> None:
    """…收入总计166.03亿元。¶ 按经济性质分，基本支出61.23亿元，占47.5%；项目支出67.65亿元，占52.5%: the shares are of the
    市本级 spending 128.88 (61.23 + 67.65), not of the 收入总计 before the paragraph; the whole taken is a guess, and a
    share that another printed whole explains is `info` (adv148 F2, F3)."""
    text = (
        "2026年市本级一般公共预算支出128.88亿元。市本级一般公共预算收入…，收入总计166.03亿元。\n"
        "按经济性质分，基本支出61.23亿元，占47.5%；项目支出67.65亿元，占52.5%。\n"
    )
    _claims, found = scan_text(tmp_path, text)
    assert alarms(found) == []


def test_a_difference_column_with_a_row_left_blank_is_not_summed_against_its_total(tmp_path: Path) -> None:
    """项目 | 2025年执行数 | 2026年预算数 | 增减额 with 预备费 | (none) | 19,332 | (blank): the 增减额 column's parts miss that
    row, so its 合计 is not checked against them (adv148 F7: a warning blamed classes left out of the table)."""
    rows = [
        ["项目", "2025年执行数", "2026年预算数", "增减额"],
        ["合计", "1,288,800", "1,220,900", "-67,900"],
        ["一般公共服务支出", "120,000", "110,000", "-10,000"],
        ["教育支出", "300,000", "280,000", "-20,000"],
        ["预备费", "", "19,332", ""],
        ["其他支出", "868,800", "811,568", "-57,232"],
    ]
    found = _findings(
        tmp_path,
        "许昌市2025年预算执行情况和2026年预算草案的报告.docx",
        [
            "许昌市2025年预算执行情况和2026年预算草案的报告",
            "附表5 2026年市本级一般公共预算支出预算表",
            "单位：万元",
            (rows, []),
        ],
    )
    assert [f for f in found if f.prov.col == 3] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a part of the year's new ceiling is no ceiling of the balance (adv153 F2, F3)
        (
            "2025年，省财政厅下达我县新增政府债务限额8.31亿元，其中一般债务限额1.46亿元、专项债务限额6.85亿元。截至2025年底，"
            "全县一般债务余额30.68亿元，专项债务余额54.12亿元，控制在省核定的债务限额以内。\n",
            "预算执行情况和预算草案的报告",
        ),
        # 一般性 and 专项 transfers are no whole 上级补助收入, which holds 返还性收入 too (adv149 F1, adv153 F1)
        (
            "全市上级补助收入517017.43万元，其中一般性转移支付收入397570.63万元，专项转移支付收入97899.08万元。\n",
            "政府决算",
        ),
        # 人均一般公共预算支出 is of the spending, never of the 民生支出 or another 人均 before it (adv154 F1–F3)
        (
            "2025年全地区一般公共预算支出安排265.90亿元，其中民生支出196.25亿元，按常住人口96.70万人计算，"
            "人均一般公共预算支出27,497元，人均民生支出20,295元。\n",
            "预算执行情况和预算草案的报告",
        ),
        # 与上年相比减少63万元，增长-8.94%: a signed rate (adv147 F1); 上年预算数为… is the base (adv147 F2)
        (
            "（三）一般公共预算支出情况\n4.市场监督管理事务（款）市场秩序执法（项）支出642.00万元，与上年相比减少63万元，增长-8.94%。"
            "2023年本部门一般公共预算机关运行经费预算支出586.42万元，上年预算数为601.3万元，比上年减少14.88万元，下降2.47%。\n",
            "部门预算",
        ),
        # parts far above their total are overlapping categories, no breakdown (adv152 F2)
        (
            "全市一般公共预算支出436.1亿元，其中：民生支出382.7亿元，“三保”支出238.6亿元，债务付息支出9亿元。\n",
            "预算执行情况和预算草案的报告",
        ),
    ],
)
def test_review_round_fifteen_false_alarms_in_text(tmp_path: Path, text: str, kind: str) -> None:
    _claims, found = scan_text(tmp_path, text, kind=kind)
    assert alarms(found) == []


def test_a_unit_s_own_income_or_car_cost_names_its_body() -> None:
    """按预算单位分，民政局本部收入预算29,174.50万元…; …上海市长宁区社会福利院公务用车运行费7.40万元: one body's figures, which
    the template's narrative rules never compare with the department's 收入总计 or 三公 cell (adv150 F1, F2)."""
    from extractors.subjects import names_a_body

    assert names_a_body("按预算单位分，民政局本部") and names_a_body("其中上海市长宁区社会福利院")
    assert not names_a_body("2026年部门") and not names_a_body("“三公”经费中")
