"""Review round thirty-three on (stop 36): false findings fresh reviews found on clean reports, each fixed at its
mechanism, and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_sixteen import _findings, _scan_txt

from pipeline.findings import Finding


def _errors(found: list[Finding]) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    return [(f.rule, f.subject, f.stated_value, f.expected_value) for f in found if f.severity != "info"]


def _execution_table(progress: str) -> str:
    return (
        "\n".join(
            [
                "某市2024年预算执行情况",
                "表1  2024年一般公共预算支出执行情况表",
                "单位：万元",
                "项目\t预算数\t执行数\t支出进度（%）",
                f"一般公共服务支出\t52000\t51000\t{progress}",
                "教育支出\t82000\t80000\t97.6",
            ]
        )
        + "\n"
    )


def test_a_spending_progress_column_is_a_rate_of_its_rows_budget(tmp_path: Path) -> None:
    """支出进度（%） beside 预算数 and 执行数 is 执行数 ÷ 预算数, named as its header names it (a recall gap of stop 35:
    the column was not checked)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _execution_table("98.1"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _execution_table("99.5")))
    assert found == [("rate.execution", "一般公共服务支出 支出进度", Decimal("99.5"), Decimal("98.08"))]


def test_a_ratio_column_is_no_amount_to_add_up(tmp_path: Path) -> None:
    """本息覆盖倍数 under 单位：万元 is a ratio of two amounts: its 合计 row (the whole batch's ratio, 1.63) is no sum of
    the projects' ratios (adv240 F1). The amounts beside it are still added up."""

    def table(income_total: str) -> str:
        rows = [
            "某省2025年新增专项债券项目信息公开",
            "表2  项目收益与融资平衡测算表",
            "单位：万元",
            "序号\t项目名称\t存续期项目收益\t债券本金\t债券利息\t本息合计\t本息覆盖倍数",
            "1\t甲污水处理厂扩建项目\t131560\t52000\t15990.00\t67990.00\t1.93",
            "2\t乙冷链物流园项目\t163680\t89100\t23576.25\t112676.25\t1.45",
            f"\t合计\t{income_total}\t141100\t39566.25\t180666.25\t1.63",
        ]
        return "\n".join(rows) + "\n"

    assert _errors(_scan_txt(tmp_path / "a.txt", table("295240"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", table("295420")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-rows", Decimal("295420"), Decimal("295240"))]


def _czbk_total(total: str) -> str:
    rows = [
        "某省水利厅2024年度部门决算",
        "财政拨款收入支出决算总表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t决算数\t项目\t决算数",
        "一、一般公共预算财政拨款\t50286.12\t一、一般公共服务支出\t43473.23",
        "二、政府性基金预算财政拨款\t0.00\t二、政府性基金预算支出\t0.00",
        "年初财政拨款结转和结余\t2614.28\t年末财政拨款结转和结余\t9427.17",
        f"总计\t{total}\t总计\t{total}",
    ]
    return "\n".join(rows) + "\n"


def test_a_grand_total_whose_years_own_total_is_not_printed(tmp_path: Path) -> None:
    """A 财政拨款收入支出决算总表 that lists its income rows without a 本年收入合计 row: the template's 总计 = 本年收入合计 +
    年初财政拨款结转和结余 cannot be worked (it summed the carry-over alone: 52900.40 vs 2614.28, adv241 F1–F2)."""
    found = _scan_txt(tmp_path / "a.txt", _czbk_total("52900.40"))
    assert [f for f in found if f.rule == "template.sum" and f.severity != "info"] == []


def _final_accounts_totals(income_change: str) -> str:
    return (
        "\n".join(
            [
                "某市第一医院2024年度单位决算",
                "一、收入支出决算总体情况说明",
                "2024年度收入总计195301.60万元，支出总计195301.60万元。与上年相比，本年收入合计增加7284.92万元，"
                f"增长{income_change}，本年支出合计增加2521.32万元，增长1.48%，主要原因是诊疗人次增加。",
            ]
        )
        + "\n"
    )


def test_the_years_own_total_is_no_grand_total(tmp_path: Path) -> None:
    """ "收入总计195301.60万元…与上年相比，本年收入合计增加7284.92万元，增长4.08%": 本年收入合计 is a part of 收入总计
    (总计 = 合计 + 年初结转和结余), whose level is not printed — the change is not worked on the 总计 (adv241 F3–F6)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _final_accounts_totals("4.08%"))) == []
    alone = (
        "某省水利厅2024年度部门决算\n一、收入支出决算总体情况说明\n2024年度收入、支出决算总计均为54676.38万元。与上年相比，"
        "本年收入合计增加3878.33万元，增长8.11%，本年支出合计增加2171.12万元，增长5.09%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "b.txt", alone)) == []  # the one level printed is the 总计 (adv241 F3–F4)


def test_a_list_of_classes_ending_in_the_class_other_spending_is_not_complete(tmp_path: Path) -> None:
    """A 其中 list of 类 in 科目 order that ends in 其他支出 — itself a 类 — names some 类, not all: parts short of their
    total are no error (adv243 F3). Parts above it still are."""

    def report(total: str) -> str:
        return (
            "\n".join(
                [
                    "某镇2024年财政决算报告",
                    f"2024年全镇一般公共预算支出{total}万元。其中：一般公共服务支出586.24万元；农林水支出836.52万元；"
                    "社会保障和就业支出436.87万元；城乡社区支出321.65万元；卫生健康支出152.73万元；其他支出5.26万元。",
                ]
            )
            + "\n"
        )

    assert [x for x in _errors(_scan_txt(tmp_path / "a.txt", report("2555.14"))) if x[0].startswith("sum")] == []
    found = [x for x in _errors(_scan_txt(tmp_path / "b.txt", report("2155.14"))) if x[0].startswith("sum")]
    assert [(r, v) for r, _s, v, _e in found] == [("sum.enumeration", Decimal("2155.14"))]


def test_a_completion_rate_against_the_budget_of_its_own_side_of_a_table_row(tmp_path: Path) -> None:
    """ "全县一般公共预算支出决算数为812350万元，完成调整预算的97.1%" against a row that prints both sides of one fund
    (一般公共预算 | 收入调整预算数 | 收入决算数 | 支出调整预算数 | 支出决算数): the budget is the 支出 side's, 836400 — the
    收入 side's 350000 made the row's budget unknown and the rate went unchecked (a recall gap adv242 measured)."""

    def report(rate: str) -> str:
        return (
            "\n".join(
                [
                    "某县2024年县级决算草案的报告",
                    "一、2024年一般公共预算收支决算情况",
                    f"全县一般公共预算支出决算数为812350万元，完成调整预算的{rate}，比上年增长2.9%。",
                    "表2  2024年四本预算收支决算汇总表",
                    "单位：万元",
                    "预算科目\t收入调整预算数\t收入决算数\t支出调整预算数\t支出决算数",
                    "一般公共预算\t350000\t356820\t836400\t812350",
                    "政府性基金预算\t120000\t118640\t160000\t151230",
                ]
            )
            + "\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("97.1%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("97.9%")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.completion", Decimal("97.9"), Decimal("97.12"))]


def test_a_share_naming_its_part_without_the_flow_word(tmp_path: Path) -> None:
    """ "…其中税收收入222.80万元，…，税收占一般公共预算收入的比重为75.7%": 税收 is the 税收收入 of its sentence (the share
    went unchecked, "未找到占比的分子": a recall gap adv243 measured)."""

    def report(share: str) -> str:
        return (
            "某县2024年县级决算草案的报告\n一、一般公共预算收支决算情况\n2024年全县一般公共预算收入294.38万元，其中税收收入"
            f"222.80万元，非税收入71.58万元，税收占一般公共预算收入的比重为{share}。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("75.7%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("76.7%")))
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("76.7"), Decimal("75.68"))]


def test_a_part_of_the_spending_against_its_own_sources_budget(tmp_path: Path) -> None:
    """ "全年预算数1280.00万元，其中：中央车购税资金850.00万元，… ¶ …其中：中央资金支出850.00万元，执行率100.00%；…": each
    source's rate is of its own budget in the paragraph before, never of the whole's 1280 (adv247 F1–F3). The whole's
    rate is still checked against the whole's budget."""

    def report(rate: str) -> str:
        return (
            "\n".join(
                [
                    "某县2024年农村道路安全生命防护工程项目支出绩效自评报告",
                    "一、项目资金情况",
                    "2024年该项目全年预算数1280.00万元，其中：中央车购税资金850.00万元，自治区级补助资金320.00万元，"
                    "县级配套资金110.00万元。",
                    f"截至2024年12月31日，项目实际支出1243.66万元，预算执行率为{rate}。其中：中央资金支出850.00万元，"
                    "执行率100.00%；自治区级资金支出298.40万元，执行率93.25%；县级资金支出95.26万元，执行率86.60%。",
                ]
            )
            + "\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("97.16%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("94.16%")))
    assert [(r, v, e) for r, _s, v, e in found] == [("rate.execution-text", Decimal("94.16"), Decimal("97.16"))]


def test_a_grand_total_of_rows_the_rule_does_not_name(tmp_path: Path) -> None:
    """A 部门预算收支总表 whose income rows are not numbered (一般公共预算拨款收入 | 事业收入 | 上年结转 | 收入总计): the rule
    reads the numbered rows and 上年结转 as the parts, and found only 上年结转 (4699.8 vs 175.3, adv247 F4); every row
    above the 总计 adds up to it."""
    blocks = [
        "某市生态环境局2025年部门预算",
        "表1 部门收支总表",
        "单位：万元",
        (
            [
                ["收入", "", "支出", ""],
                ["项目", "预算数", "项目", "预算数"],
                ["一般公共预算拨款收入", "4286.50", "节能环保支出", "4461.80"],
                ["事业收入", "238.00", "住房保障支出", "238.00"],
                ["上年结转", "175.30", "", ""],
                ["收入总计", "4699.80", "支出总计", "4699.80"],
            ],
            [(0, 0, 0, 1), (0, 2, 0, 3)],
        ),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule == "template.sum"] == []


def test_departments_under_headings_with_full_width_brackets(tmp_path: Path) -> None:
    """A 区级部门预算汇总 with a section per department, each with "（一）收入预算" under it: the heading printed with
    full-width brackets is the outline's heading (kept NFKC-normalised there), so each section's figures are its
    department's — not one figure printed with different values (adv245 F1–F14: 14 repeat errors)."""

    def dept(n: str, name: str, income: str, budget: str, carried: str) -> list[str]:
        return [
            f"{n}、{name}2025年部门预算",
            "（一）收入预算",
            f"2025年收入预算总计{income}万元，其中：一般公共预算拨款收入{budget}万元，上年结转{carried}万元。",
            "（二）支出预算",
            f"2025年支出预算总计{income}万元。",
        ]

    lines = [
        "某区2025年区级部门预算汇总",
        *dept("一", "区教育委员会", "204620.95", "198120.95", "6500.00"),
        *dept("二", "区卫生健康委员会", "44740.48", "41540.48", "3200.00"),
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_a_two_level_score_sheet_scores_each_row_by_its_own_indicator(tmp_path: Path) -> None:
    """一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 with the category's cells merged down: a row's indicator is its last
    pair, so the 合计 is Σ of the 二级 (100, 86.50) — not a mix of 一级 and 二级 figures (160, 138: adv245 F15–F16). A
    wrong 合计 is still found."""

    def sheet(total: str) -> list:
        rows = [
            ["一级指标", "分值", "得分", "二级指标", "分值", "得分"],
            ["决策", "40", "35.00", "项目立项", "20", "18.00"],
            ["", "", "", "绩效目标", "20", "17.00"],
            ["产出", "60", "51.50", "产出数量", "30", "26.00"],
            ["", "", "", "产出质量", "30", "25.50"],
            ["合计", "100", total, "", "100", total],
        ]
        return [
            "某市2024年度黑臭水体综合整治项目财政支出绩效评价报告",
            "表2 绩效评价指标体系及评分表",
            (rows, [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 4, 2)]),
        ]

    assert [f for f in _findings(tmp_path, "a.docx", sheet("86.50")) if f.rule.startswith("scoresheet")] == []
    found = [f for f in _findings(tmp_path, "b.docx", sheet("88.50")) if f.rule == "scoresheet.total"]
    assert {(f.stated_value, f.expected_value) for f in found} == {(Decimal("88.50"), Decimal("86.50"))}


def test_two_projects_target_tables_name_their_projects(tmp_path: Path) -> None:
    """Two 项目支出绩效目标表, each naming its project in a row that pairs labels with values (项目名称 | 医疗设备购置项目
    | 预算金额（万元） | 420.00): each table's figures are its project's, not one figure printed twice (adv245 F17)."""

    def table(name: str, amount: str) -> list:
        return [
            f"项目支出绩效目标表（{name}）",
            (
                [
                    ["项目名称", name, "预算金额（万元）", amount],
                    ["主管部门", "某区卫生健康委员会", "实施期限", "2025年"],
                ],
                [],
            ),
        ]

    blocks = [
        "某区社区卫生服务中心2025年单位预算",
        "五、项目支出情况",
        "2025年项目支出1200.00万元，主要用于基本公共卫生服务项目780.00万元、医疗设备购置项目420.00万元。",
        *table("基本公共卫生服务项目", "780.00"),
        *table("医疗设备购置项目", "420.00"),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("narrative_table")] == []


def test_one_funds_spending_is_no_grand_total(tmp_path: Path) -> None:
    """ "财政拨款收入总计24724.35万元，支出总计24724.35万元。与上年相比，一般公共预算财政拨款支出增加1323.28万元，增长5.70%":
    one fund's spending of the year is no 支出总计 of all funds with carry-over (adv244 F2)."""
    text = (
        "某县教育局2024年度部门决算\n四、财政拨款收入支出决算总体情况说明\n2024年度财政拨款收入总计24724.35万元，支出总计"
        "24724.35万元。与上年相比，一般公共预算财政拨款支出增加1323.28万元，增长5.70%，主要原因是教师工资调标。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_pdf_tables_title_at_the_foot_of_the_page_before_its_unit_line() -> None:
    """ "表4 财政拨款收入支出决算总表" the last line of page 2, "单位：万元" the first of page 3 right above the grid: the
    line on the page before is the table's title, the unit line its unit (adv244 F1: an untitled table compared as
    all funds)."""
    from extractors.model import Cell, Document, Paragraph, Provenance, Table
    from extractors.table_titles import lift_titles

    cells = [Cell("本年支出合计", 0, 0), Cell("24661.95", 0, 1)]
    grid = Table(cells, 1, 2, Provenance("x", page=3), pages=[3], touches_top=False)
    title = Paragraph("表4 财政拨款收入支出决算总表", Provenance("x", page=2))
    doc = Document("a.pdf", "x", "pdf", [title, Paragraph("单位：万元", Provenance("x", page=3)), grid])
    lift_titles(doc)
    assert (doc.tables()[0].title, doc.tables()[0].unit) == ("表4 财政拨款收入支出决算总表", "万元")
    mid = Table(list(cells), 1, 2, Provenance("x", page=3), pages=[3], touches_top=False)
    other = Document("b.pdf", "x", "pdf", [title, Paragraph("说明：本表反映财政拨款。", Provenance("x", page=3)), mid])
    lift_titles(other)
    assert other.tables()[0].title is None


def test_a_change_after_a_share_is_of_what_the_share_names(tmp_path: Path) -> None:
    """ "本年收支结余8.40亿元，年末滚存结余336.13亿元。财政补贴收入占该项基金收入的67.4%，比上年执行数增长4.3%": the growth
    is of 财政补贴收入, not of the last amount before it (年末滚存结余, checked against the province's: adv248 F1)."""
    text = (
        "某省2025年社会保险基金预算\n一、2024年社会保险基金预算执行情况\n2024年全省社会保险基金年末滚存结余3775.07亿元。\n"
        "二、2025年社会保险基金预算\n5.城乡居民基本医疗保险基金。收入620.73亿元，支出612.33亿元，本年收支结余8.40亿元，年末滚存"
        "结余336.13亿元。财政补贴收入占该项基金收入的67.4%，比上年执行数增长4.3%。\n"
    )
    found = _scan_txt(tmp_path / "a.txt", text)
    assert _errors(found) == []
    assert [f.subject for f in found if f.stated_value == Decimal("4.3")] == ["财政补贴收入"]


def test_rows_of_one_name_under_several_heads_a_qizhong_row_follows(tmp_path: Path) -> None:
    """A 社会保险基金 table printing "其中：保险费收入" under 合计收入 and again under each fund's row (企业职工基本养老保险基金收入
    | 其中：保险费收入 …): each is its head's part, not one figure the text prints for the whole province (adv248 F2–F29: 28
    warnings)."""
    rows = [
        ["项目", "2024年执行数", "2025年预算数"],
        ["合计收入", "5426.10", "5690.20"],
        ["其中：保险费收入", "4071.68", "4270.30"],
        ["财政补贴收入", "1354.42", "1419.90"],
        ["企业职工基本养老保险基金收入", "2607.61", "2735.50"],
        ["其中：保险费收入", "2235.46", "2350.10"],
        ["财政补贴收入", "372.15", "385.40"],
        ["城乡居民基本医疗保险基金收入", "2818.49", "2954.70"],
        ["其中：保险费收入", "1836.22", "1920.20"],
        ["财政补贴收入", "982.27", "1034.50"],
    ]
    blocks = [
        "某省2025年社会保险基金预算情况的报告",
        "一、2024年社会保险基金预算执行情况",
        "2024年，全省社会保险基金收入5426.10亿元，其中，保险费收入4071.68亿元，财政补贴收入1354.42亿元。",
        "表1 某省2025年社会保险基金收入预算表 单位：亿元",
        (rows, []),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("narrative_table")] == []


def test_a_share_of_a_bare_whole_under_a_heading_naming_its_fund(tmp_path: Path) -> None:
    """Under "六、一般公共预算财政拨款项目支出决算情况说明", "…项目1426.38万元，占项目支出的27.08%" is of the section's
    一般公共预算财政拨款项目支出 (5267.05), not of the 项目支出 of all funds in another section (5377.25: adv249 F1–F4). A
    wrong share is still found."""

    def report(share: str) -> str:
        return (
            "\n".join(
                [
                    "某省林业局2024年部门决算",
                    "三、支出决算情况说明",
                    "2024年度本年支出合计9617.48万元，其中：基本支出4240.23万元，占本年支出合计的44.09%；项目支出5377.25万元，"
                    "占本年支出合计的55.91%。",
                    "六、一般公共预算财政拨款项目支出决算情况说明",
                    "2024年度一般公共预算财政拨款项目支出5267.05万元，主要用于以下项目：",
                    f"（一）森林防灭火能力提升项目1426.38万元，占项目支出的{share}，主要用于设施设备购置。",
                    "（二）国土绿化示范项目3840.67万元，占项目支出的72.92%。",
                ]
            )
            + "\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("27.08%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("28.08%")))
    assert [(v, e) for _r, _s, v, e in found] == [(Decimal("28.08"), Decimal("27.08"))]


def test_growth_against_what_was_done_is_no_completion_rate(tmp_path: Path) -> None:
    """ "2025年全县一般公共预算收入预计43300万元，比2024年完成数增长5.01%": a change against 2024's outcome printed in the
    section before, not a completion rate "of 数增长" (it went unchecked, named "比": adv249, adv251)."""

    def report(growth: str) -> str:
        return (
            "某县2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n2024年全县一般公共预算收入完成41236万元。\n"
            f"二、2025年预算草案\n2025年全县一般公共预算收入预计43300万元，比2024年完成数增长{growth}。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("5.01%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("5.21%")))
    assert [(r, s, v, e) for r, s, v, e in found] == [
        ("change.stated-vs-computed", "一般公共预算收入", Decimal("5.21"), Decimal("5.01"))
    ]


def test_a_fund_s_part_is_never_its_own_whole(tmp_path: Path) -> None:
    """ "本年收入合计2,479.93万元，其中：财政拨款收入2,434.83万元，占本年收入的98.18%": 本年收入合计 is the 本年收入 the
    share names, and 财政拨款收入 (a fund's 收入) is never the whole of its own share (adv253 F1, adv254 F1: 98.18 vs
    100 — a regression of this stop's own fund branch, caught by review before it landed). A wrong share is still
    found."""

    def report(share: str) -> str:
        return (
            "某师农业农村局2024年度部门决算\n一、收入决算情况说明\n2024年度本年收入合计2,479.93万元，其中：财政拨款收入"
            f"2,434.83万元，占本年收入的{share}；事业收入45.10万元，占本年收入的1.82%。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("98.18%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("97.18%")))
    assert [(v, e) for _r, _s, v, e in found] == [(Decimal("97.18"), Decimal("98.18"))]


def test_a_header_flattened_into_one_row_names_its_group_before_the_colon(tmp_path: Path) -> None:
    """项目 | 还本 | 付息 | 合计 | 资金来源：预算安排 | 资金来源：再融资债券: the two 资金来源 columns are a second breakdown
    of the 合计, not two more parts of it (adv253 F2: 37270.60 vs 74541.20)."""
    rows = [
        ["项目", "还本", "付息", "合计", "资金来源：预算安排", "资金来源：再融资债券"],
        ["一般债务", "22450.00", "14820.60", "37270.60", "21270.60", "16000.00"],
        ["专项债务", "31200.00", "20115.40", "51315.40", "25315.40", "26000.00"],
        ["合计", "53650.00", "34936.00", "88586.00", "46586.00", "42000.00"],
    ]
    blocks = ["某县2025年政府债务还本付息计划", "表3 2025年还本付息资金来源表", "单位：万元", (rows, [])]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("sum")] == []


def test_a_note_on_an_empty_table_of_another_fund_printed_before_its_grid(tmp_path: Path) -> None:
    """ "表6 政府性基金预算财政拨款收入支出决算表" and its note "本部门…无政府性基金预算财政拨款收入支出，本表为空表。" printed
    between the 三公 table and the 政府性基金 table's grid: "本表" is the table of the fund the note names, not the
    一般公共预算 三公 table above it (adv254 F2)."""
    blocks = [
        "某局2024年度部门决算",
        "表5 一般公共预算财政拨款“三公”经费支出决算表",
        "单位：万元",
        ([["项目", "预算数", "决算数"], ["合计", "21.00", "19.00"], ["公务接待费", "6.00", "5.20"]], []),
        "表6 政府性基金预算财政拨款收入支出决算表",
        "本部门2024年度无政府性基金预算财政拨款收入支出，本表为空表。",
        (
            [
                ["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"],
                ["合计", "0.00", "0.00", "0.00", "0.00"],
            ],
            [],
        ),
    ]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule == "template.empty-note-with-data"] == []


def test_a_share_column_is_each_rows_amount_over_the_tables_total(tmp_path: Path) -> None:
    """决算数 | 基本支出 | 项目支出 | 占比（%） with a 合计 row: each row's 占比 is its 决算数 over the 合计's (a recall gap
    adv255 S3 measured: "占比" was read as a ratio of a column named 比)."""

    def table(share: str) -> list:
        rows = [
            ["科目名称", "决算数", "基本支出", "项目支出", "占比（%）"],
            ["社会保障和就业支出", "235.65", "235.65", "0.00", "8.25"],
            ["农林水支出", "2524.41", "1202.09", "1322.32", share],
            ["住房保障支出", "96.58", "96.58", "0.00", "3.38"],
            ["合计", "2856.64", "1534.32", "1322.32", "100.00"],
        ]
        return ["某县农业农村局2024年部门决算", "表二 一般公共预算财政拨款支出决算表", "单位：万元", (rows, [])]

    assert [f for f in _findings(tmp_path, "a.docx", table("88.37")) if f.rule.startswith("percent_column")] == []
    found = [f for f in _findings(tmp_path, "b.docx", table("87.37")) if f.rule.startswith("percent_column")]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("percent_column.ratio", Decimal("87.37"), Decimal("88.37"))
    ]


def test_a_completion_column_is_what_was_done_over_the_plan(tmp_path: Path) -> None:
    """年度计划值 | 实际完成值 | 完成率（%）: each row's 完成率 is its actual over its plan (adv255 S4, a recall gap)."""

    def table(rate: str) -> list:
        rows = [
            ["指标名称", "年度计划值", "实际完成值", "完成率（%）"],
            ["市场主体抽查户次", "1500", "1635", rate],
            ["食品安全抽检批次", "3600", "3852", "107.00"],
        ]
        return ["某区市场监督管理局2024年度部门整体支出绩效自评报告", "表1 产出指标完成情况表", (rows, [])]

    assert [f for f in _findings(tmp_path, "a.docx", table("109.00")) if f.rule.startswith("percent_column")] == []
    found = [f for f in _findings(tmp_path, "b.docx", table("108.50")) if f.rule.startswith("percent_column")]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("percent_column.ratio", Decimal("108.50"), Decimal("109"))
    ]


def test_a_three_public_table_with_its_items_as_rows(tmp_path: Path) -> None:
    """项目 | 预算数 | 决算数 with the 三公 items as numbered rows (3.公务接待费 | 8.00 | 6.42): the narrative's 公务接待费
    is that row's 决算数 (adv255 S1: the county layout was checked by no rule). Items as columns still are."""

    def report(reception: str) -> list:
        rows = [
            ["项目", "预算数", "决算数"],
            ["合计", "28.00", "25.02"],
            ["1.因公出国（境）费", "0.00", "0.00"],
            ["2.公务用车购置及运行维护费", "20.00", "18.60"],
            ["（1）公务用车购置费", "0.00", "0.00"],
            ["（2）公务用车运行维护费", "20.00", "18.60"],
            ["3.公务接待费", "8.00", "6.42"],
        ]
        return [
            "某县农业农村局2024年部门决算",
            "表三 一般公共预算财政拨款“三公”经费支出决算表",
            "单位：万元",
            (rows, []),
            "五、一般公共预算财政拨款“三公”经费支出决算情况说明",
            "2024年度“三公”经费支出决算25.02万元。",
            f"3.公务接待费支出决算{reception}万元，全年国内公务接待48批次。",
        ]

    assert [f for f in _findings(tmp_path, "a.docx", report("6.42")) if f.rule.startswith("template")] == []
    found = [f for f in _findings(tmp_path, "b.docx", report("6.24")) if f.rule.startswith("template")]
    assert [(f.rule, f.stated_value, f.expected_value) for f in found] == [
        ("template.narrative-vs-table", Decimal("6.24"), Decimal("6.42"))
    ]


def test_a_change_on_a_printed_base_is_named_by_its_item(tmp_path: Path) -> None:
    """ "机关运行经费预算612.38万元，比2024年预算655.90万元减少43.52万元，下降7.12%": a wrong rate's finding names 机关运行经费,
    not "比" (the printed base's own words; adv255 S12)."""
    text = (
        "某厅2025年部门预算\n五、机关运行经费\n2025年机关运行经费预算612.38万元，比2024年预算655.90万元减少43.52万元，"
        "下降7.12%，主要是压减办公费。\n"
    )
    found = _errors(_scan_txt(tmp_path / "a.txt", text))
    assert [(s, v) for _r, s, v, _e in found] == [("机关运行经费 下降", Decimal("7.12"))]


def test_a_change_against_the_budget_its_sentence_prints(tmp_path: Path) -> None:
    """ "三公经费预算68.50万元，实际支出49.83万元，比预算减少18.67万元，下降27.3%": a change against the budget, both printed
    before it, is checked (it was noted "与预算相比" and left: a recall gap adv252 measured); a bare rate right after it is
    against the budget too, most likely — a warning at most."""

    def report(amount: str, rate: str) -> str:
        return (
            "某局2024年度部门整体支出绩效自评报告\n（三）三公经费\n2024年三公经费预算68.50万元，实际支出49.83万元，"
            f"比预算减少{amount}万元，下降{rate}。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("18.67", "27.3%"))) == []
    found = _scan_txt(tmp_path / "b.txt", report("17.67", "25.3%"))
    assert [(f.rule, f.severity, f.stated_value, f.expected_value) for f in found if f.severity != "info"] == [
        ("change.stated-vs-computed", "error", Decimal("17.67"), Decimal("18.67")),
        ("change.stated-vs-computed", "warning", Decimal("25.3"), Decimal("27.26")),
    ]


def test_a_score_sheet_target_column_called_the_plan(tmp_path: Path) -> None:
    """年度计划值 | 实际完成值: the plan is the row's target, never a figure elsewhere its actual must equal (adv256 F1–F4:
    each row's actual reported against its own plan)."""
    rows = [
        ["一级指标", "二级指标", "指标名称", "年度计划值", "实际完成值", "完成率（%）", "分值", "得分"],
        ["产出指标", "数量指标", "家庭医生签约服务人数（人）", "120000", "126350", "105.29", "50", "50.00"],
        ["产出指标", "数量指标", "老年人健康管理人数（人）", "45000", "42860", "95.24", "50", "47.62"],
    ]
    blocks = ["某区卫生健康局2024年度部门整体支出绩效自评报告", "表1 部门整体支出绩效自评表", (rows, [])]
    assert [f for f in _findings(tmp_path, "a.docx", blocks) if f.rule.startswith("scoresheet")] == []


def test_units_under_their_own_headings_below_a_heading_of_subordinate_units(tmp_path: Path) -> None:
    """Under "四、下属单位决算情况", "（一）某林场" and "（二）某防火服务中心" each head their unit's figures: 下属单位 in the
    heading names no body, so it does not keep each unit's 人员经费 from being its own (adv258 F1–F2)."""
    lines = [
        "某县林业和草原局2024年部门决算",
        "四、下属单位决算情况",
        "（一）某县国有冶力关林场。本年支出3098.98万元，其中：基本支出1256.38万元；项目支出1842.60万元。",
        "基本支出中，人员经费1086.52万元，公用经费169.86万元。",
        "（二）某县森林草原防火服务中心。本年支出940.95万元，其中：基本支出412.60万元；项目支出528.35万元。",
        "基本支出中，人员经费356.18万元，公用经费56.42万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(lines) + "\n")) == []


def test_changes_against_the_budget_in_a_final_account(tmp_path: Path) -> None:
    """ "机关运行经费支出452.18万元，年初预算486.00万元，比年初预算减少33.82万元，降低6.96%；比2023年度减少19.45万元，下降
    4.12%": the first change is against the budget (not year-on-year from the budget: adv257 F1, F3), the second of the
    outcome, never of the budget printed as the first one's base (F2, F4). A wrong amount against the budget is found."""

    def report(amount: str) -> str:
        return (
            "某局2024年度部门决算\n七、机关运行经费支出说明\n2024年度本部门机关运行经费支出452.18万元，年初预算486.00万元，"
            f"比年初预算减少{amount}万元，降低6.96%；比2023年度减少19.45万元，下降4.12%。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("33.82"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("32.82")))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("32.82"), Decimal("33.82"))]


def test_a_shortfall_against_the_adjusted_budget_is_a_comparison(tmp_path: Path) -> None:
    """ "其中，国有土地使用权出让收入2013475万元，比调整预算短收166525万元，…，占政府性基金预算收入的90.0%": 比调整预算 compares,
    so the shortfall is no part and names nothing (adv257 F5: the share computed on the shortfall)."""
    text = (
        "某市2024年预算执行情况的报告\n二、政府性基金预算\n全市政府性基金预算收入年初预算2850000万元，调整预算为2410000万元。"
        "全年完成2236718万元，完成调整预算的92.8%。其中，国有土地使用权出让收入2013475万元，比调整预算短收166525万元，"
        "完成调整预算的92.4%，占政府性基金预算收入的90.0%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_draft_revenue_expected_is_its_budget(tmp_path: Path) -> None:
    """ "2026年全市一般公共预算收入预期安排1172600.00万元，比2025年执行数增长4.8%": 预期 is a word of the draft, not of
    the item's name (its growth went unchecked against the 2025 执行数: adv259 S4)."""

    def report(growth: str) -> str:
        return (
            "某市2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n2025年全市一般公共预算收入完成1118580.00万元。\n"
            f"二、2026年预算草案\n2026年全市一般公共预算收入预期安排1172600.00万元，比2025年执行数增长{growth}。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("4.8%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("3.8%")))
    assert [(r, v) for r, _s, v, _e in found] == [("change.stated-vs-computed", Decimal("3.8"))]


def test_last_years_base_is_no_printing_of_this_years_figure(tmp_path: Path) -> None:
    """ "一般公共预算拨款收入较上年预算6512.70万元增加341.62万元" in a later paragraph: the base is last year's budget, not
    a second printing of this year's 6854.32 (adv262 F2)."""
    text = (
        "某局2025年部门预算\n一、收入预算\n2025年收入预算8599.67万元，其中：一般公共预算拨款收入6854.32万元，占79.70%；"
        "其他收入1745.35万元，占20.30%。\n二、变动情况\n一般公共预算拨款收入较上年预算6512.70万元增加341.62万元，增长5.25%，"
        "主要是节能改造项目增加。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_maximum_in_a_bracket_is_no_whole_of_the_scores_after_it(tmp_path: Path) -> None:
    """ "综合得分92.5分（满分100分）…。其中：决策得分18.5分（满分20分），…": the list after 其中 breaks down the score, not the
    maximum the bracket gives (adv262 F1: 100 vs 92.5)."""
    text = (
        "某区2024年农村供水保障工程项目绩效评价报告\n四、评价结论\n经评价，该项目综合得分92.5分（满分100分），评价等级为“优”。"
        "其中：决策得分18.5分（满分20分），得分率92.5%；过程得分19分（满分20分），得分率95.0%；产出得分36分（满分40分），"
        "得分率90.0%；效益得分19分（满分20分），得分率95.0%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_siblings_after_a_semicolon_whose_bare_shares_are_of_the_totals_whole(tmp_path: Path) -> None:
    """ "教育支出45121.15万元，占85.00%，其中普通教育支出41343.88万元…；文化旅游体育与传媒支出305.75万元，占0.58%；…": each
    bare share after the "；" is of the whole 教育支出's own share is of (53085.60), not of 教育支出 — siblings, no parts
    (adv261 F1–F5). Parts whose bare shares are of the total stay parts."""
    siblings = (
        "某县教育体育局2024年度部门决算\n三、支出决算情况说明\n2024年度本年支出合计53085.60万元。按功能分类，教育支出45121.15万元，"
        "占85.00%，其中普通教育支出41343.88万元，包括学前教育2680.46万元、小学教育18285.86万元、初中教育11910.55万元、"
        "高中教育8467.01万元；文化旅游体育与传媒支出305.75万元，占0.58%；社会保障和就业支出3349.82万元，占6.31%；"
        "卫生健康支出1663.96万元，占3.13%；住房保障支出2644.92万元，占4.98%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", siblings)) == []
    parts = (
        "某县2024年预算执行情况的报告\n一、一般公共预算\n全县一般公共预算支出5000万元，占全市的6.00%，其中：教育支出1000万元，"
        "占20.00%；卫生健康支出800万元，占16.00%；农林水支出900万元，占18.00%。\n"
    )
    found = [x for x in _errors(_scan_txt(tmp_path / "b.txt", parts.replace("占16.00%", "占17.00%")))]
    assert [(r, v, e) for r, _s, v, e in found] == [("share.stated-vs-computed", Decimal("17.00"), Decimal("16.00"))]


def test_a_count_and_its_printed_base(tmp_path: Path) -> None:
    """ "门诊486213人次，比上年452871人次增加33342人次，增长7.36%": a count is a level as money is, its base printed beside it
    (left unchecked with the note that this year's figure was not in the sentence: adv260). Wrong ones are found."""

    def report(amount: str, rate: str) -> str:
        return (
            "某县人民医院2024年度部门整体支出绩效自评报告\n（二）产出情况\n2024年完成门诊486213人次，比上年452871人次增加"
            f"{amount}人次，增长{rate}。\n"
        )

    assert _errors(_scan_txt(tmp_path / "a.txt", report("33342", "7.36%"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", report("33442", "7.36%")))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("33442"), Decimal("33342"))]


def test_a_score_column_outside_a_score_sheet_is_not_added_up(tmp_path: Path) -> None:
    """季度 | 考核得分 | … | 应付运维绩效付费 under 单位：万元, the 合计 row printing the quarters' mean score (91.65): scores are
    no amounts to add up (adv264 F1: 91.65 vs 366.6); the money columns still are."""

    def table(paid_total: str) -> str:
        rows = [
            "某区城乡环卫一体化PPP项目2024年度财政支出绩效评价报告",
            "表1 季度运维绩效考核结果",
            "单位：万元",
            "季度\t考核得分\t运维绩效服务费基数\t应付运维绩效付费",
            "第一季度\t92.50\t880.20\t880.20",
            "第二季度\t88.60\t880.20\t836.19",
            "第三季度\t94.20\t880.20\t880.20",
            "第四季度\t91.30\t880.20\t880.20",
            f"合计\t91.65\t3520.80\t{paid_total}",
        ]
        return "\n".join(rows) + "\n"

    assert _errors(_scan_txt(tmp_path / "a.txt", table("3476.79"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", table("3467.79")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-rows", Decimal("3467.79"), Decimal("3476.79"))]


def test_a_breakdown_in_a_bracket_holding_a_bracket(tmp_path: Path) -> None:
    """ "税收收入113.13亿元（其中：增值税…、企业所得税15.87亿元（含…2.36亿元）、个人所得税4.52亿元），为预算的99.8%，…
    非税收入43.58亿元": the outer bracket is one breakdown of 税收收入 however it nests (adv267 F1: its items added to the
    total's parts), the rate after it is 税收收入's (F2), and a balance after "收入…（其中：财政补贴收入…）" is of the income
    the bracket breaks down (F3)."""
    text = (
        "某市2024年预算执行情况的报告\n一、一般公共预算\n全市一般公共预算收入完成156.71亿元，为预算的100.2%。其中：税收收入"
        "113.13亿元（其中：增值税53.18亿元、企业所得税15.87亿元（含跨地区经营汇总纳税企业分享部分2.36亿元）、个人所得税"
        "4.52亿元），为预算的99.8%；非税收入43.58亿元。\n二、社会保险基金预算\n全市社会保险基金预算收入完成186.42亿元（其中："
        "财政补贴收入64.18亿元），社会保险基金预算支出完成179.55亿元，当年收支结余6.87亿元。\n"
        "附表1 2024年全市一般公共预算收入执行表\n单位：亿元\n项目\t预算数\t执行数\n税收收入\t113.40\t113.13\n"
        "个人所得税\t4.60\t4.52\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
