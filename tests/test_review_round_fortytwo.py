"""Review rounds forty-two and forty-three (stop 38): false findings and missed slips of fresh reviews, each fixed
at its mechanism, and what each rule must still find."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_review_round_forty import _errors
from test_review_round_sixteen import _scan_txt

from pipeline.analyze import analyze_file


def _sangong_budget(change: str) -> str:
    rows = [
        "某县卫生健康局2025年部门预算",
        "一般公共预算“三公”经费支出表",
        "单位：万元",
        "项目\t2024年预算数\t2025年预算数",
        "合计\t17.00\t15.10",
        "因公出国（境）费\t0.00\t0.00",
        "公务用车购置费\t0.00\t0.00",
        "公务用车运行维护费\t12.80\t11.50",
        "公务接待费\t4.20\t3.60",
        "四、“三公”经费预算情况",
        f"2025年“三公”经费预算15.10万元，比上年减少{change}万元，主要是压减公务用车运行维护费和公务接待费。",
    ]
    return "\n".join(rows) + "\n"


def test_a_sangong_change_is_checked_against_the_total_row_of_last_years_column(tmp_path: Path) -> None:
    """ "2025年“三公”经费预算15.10万元，比上年减少2.30万元" against a 三公 table whose rows are the items (合计 | 因公出国…)
    and whose columns are 2024年预算数 | 2025年预算数: the bare 合计 row of a table of the 三公 items alone is the 三公经费
    (adv286 S8 was left unchecked: no figure of that name was found for last year)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _sangong_budget("1.90"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _sangong_budget("2.30")))
    assert [(r, v, e) for r, _s, v, e in found] == [("change.stated-vs-computed", Decimal("2.30"), Decimal("1.90"))]


def _school_budget(amount: str) -> str:
    rows = [
        "临江区第三中学2025年单位预算",
        "表1 财政拨款收支预算表（按功能分类）",
        "单位：万元",
        "项目\t2024年预算数\t2025年预算数\t\t",
        "\t\t合计\t基本支出\t项目支出",
        "合计\t2700.55\t2852.99\t2449.20\t403.80",
        "2050203 初中教育\t1520.10\t1600.86\t1412.36\t188.50",
        "2050204 高中教育\t1180.45\t1252.14\t1036.84\t215.30",
        "二、支出预算情况",
        f"1.教育支出（类）普通教育（款）高中教育（项）{amount}万元，主要用于高中学部人员工资和日常运转。",
    ]
    return "\n".join(rows) + "\n"


def test_a_head_printed_in_its_first_cell_covers_the_blank_cells_beside_it(tmp_path: Path) -> None:
    """项目 | 2024年预算数 | 2025年预算数 | (blank) | (blank) over (blank) | (blank) | 合计 | 基本支出 | 项目支出: a merged head
    that plain text (or a PDF) prints only in its first cell covers the blank header cells to its right that have a
    caption below them (adv290 S8, adv295 S2: 基本支出 and 项目支出 were read with no year)."""
    path = tmp_path / "a.txt"
    path.write_text(_school_budget("1252.14"), encoding="utf-8")
    labels = {f.quantity.text: f.column_labels for f in analyze_file(path).facts if "高中" in "".join(f.row_labels)}
    assert labels["1036.84"] == ("2025年预算数", "基本支出")
    assert labels["215.30"] == ("2025年预算数", "项目支出")
    assert labels["1180.45"] == ("2024年预算数",)


def test_a_formula_row_is_no_caption_a_head_spans_over(tmp_path: Path) -> None:
    """地区 | 2023年债务限额 | (blank) | (blank) | 2023年债务余额 … over | | 一般债务 | 专项债务 | | 一般债务 | 专项债务 over
    公式 | A=B+C | B | C | D=E+F | E | F: the blank over D (the 余额's total) is no part of 专项债务 to its left — a 栏次
    row's markers are no captions (a regression of this stop's own, caught on jilin_2023 before landing)."""
    rows = [
        "某省2023年地方政府债务限额及余额决算情况表",
        "单位：亿元",
        "地区\t2023年债务限额\t\t\t2023年债务余额\t\t",
        "\t\t一般债务\t专项债务\t\t一般债务\t专项债务",
        "公式\tA=B+C\tB\tC\tD=E+F\tE\tF",
        "甲市\t100.00\t40.00\t60.00\t98.00\t39.00\t59.00",
    ]
    path = tmp_path / "a.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    labels = {f.quantity.text: f.column_labels for f in analyze_file(path).facts}
    assert "专项债务" not in labels["98.00"]


def test_a_path_names_a_row_of_a_table_printing_its_items_alone(tmp_path: Path) -> None:
    """ "教育支出（类）普通教育（款）高中教育（项）1,225.14万元" against a table of 项 rows alone (2050204 高中教育, code and
    name in one cell, no 205 or 20502 row): the path names that row (adv290 S8 was missed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _school_budget("1252.14"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _school_budget("1225.14")))
    assert [(r, v, e) for r, _s, v, e in found] == [("item_code.path-vs-rows", Decimal("1225.14"), Decimal("1252.14"))]


def _transfers(county_line: str) -> str:
    rows = [
        "某市2025年省对下转移支付情况说明",
        "一、总体情况",
        "2025年省对我市转移支付合计921072万元。其中：一般性转移支付702626万元；专项转移支付218446万元。",
        "二、分县市情况",
        county_line,
        "三、专项转移支付",
        "专项转移支付218446万元，主要用于农林水、教育和卫生健康等领域。",
    ]
    return "\n".join(rows) + "\n"


def test_an_area_heading_a_list_of_transfers_is_the_scope_of_each(tmp_path: Path) -> None:
    """ "其中，龙泉市获得一般性转移支付92318万元、专项转移支付28456万元": the county heads the sentence, so the second
    figure is 龙泉市's 专项转移支付, not the city's 218446 printed twice (adv296 F1: a repeat warning)."""
    for line in (
        "其中，龙泉市获得一般性转移支付92318万元、专项转移支付28456万元。",
        "其中，青田县一般性转移支付71865万元、专项转移支付25930万元。",
    ):
        assert _errors(_scan_txt(tmp_path / "a.txt", _transfers(line))) == []


def _row_sum_with_a_change_column(total: str) -> str:
    rows = [
        "某区人力资源和社会保障局2025年部门预算",
        "一般公共预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\t上年预算数\t比上年增减",
        "\t合计\t1277.76\t1090.36\t187.40\t1226.29\t51.47",
        "2080101\t行政运行\t639.18\t548.18\t91.00\t611.02\t28.16",
        f"2080109\t社会保险经办机构\t{total}\t542.18\t96.40\t615.27\t23.31",
        "三、一般公共预算支出预算情况",
        "2.社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）638.58万元，主要用于社保经办。",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_column_is_no_part_of_the_row_total_in_a_template_table(tmp_path: Path) -> None:
    """合计 | 基本支出 | 项目支出 | 上年预算数 | 比上年增减 in a 一般公共预算支出表: last year's column and the change are no
    parts of the row's 合计, so 合计 = 基本支出 + 项目支出 is checked in every row (adv301 S4 was missed: the unknown
    column made every row undecidable). The text's 638.58 for that 科目 is what the cell should be: its finding joins the
    cell's, not a second error blaming the right text."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _row_sum_with_a_change_column("638.58"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _row_sum_with_a_change_column("647.58")))
    # (the row and the 合计 column both fail at that one cell: one finding on it)
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-cell", Decimal("647.58"), Decimal("638.58"))]


def _sangong_sheet(change: str) -> str:
    rows = [
        "某县疾病预防控制中心2025年单位预算",
        "“三公”经费预算表",
        "单位：万元",
        "项目\t2024年预算数\t2025年预算数\t增减额",
        "合计\t15.20\t13.60\t-1.60",
        "因公出国（境）费\t0.00\t0.00\t0.00",
        "公务用车运行维护费\t12.00\t10.80\t-1.20",
        f"公务接待费\t3.20\t2.80\t{change}",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_column_is_the_later_year_less_the_earlier(tmp_path: Path) -> None:
    """2024年预算数 | 2025年预算数 | 增减额: each row's 增减额 is the later year's less the earlier's (adv298 4c: a wrong
    增减额 −0.60 where 2.80 − 3.20 = −0.40 had no rule)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _sangong_sheet("-0.40"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _sangong_sheet("-0.60")))
    # (a column sum may cross the difference on this one cell: one finding naming both, stop 45)
    assert [(v, e) for r, _s, v, e in found if r in ("percent_column.difference", "sum.table-cell")] == [
        (Decimal("-0.60"), Decimal("-0.4"))
    ]


def _appropriated(rate: str) -> str:
    rows = [
        "某区财政局2024年度部门决算",
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t年初预算数\t决算数\t决算数为年初预算数的%",
        "\t合计\t4392.75\t4440.79\t101.09",
        "2010601\t行政运行\t3120.50\t3168.54\t101.54",
        "2010602\t一般行政管理事务\t1272.25\t1272.25\t100.00",
        "三、一般公共预算财政拨款支出决算情况说明",
        f"2024年度一般公共预算财政拨款支出4440.79万元，完成年初预算的{rate}%。",
    ]
    return "\n".join(rows) + "\n"


def test_the_total_row_of_a_funds_appropriation_table_is_that_funds_spending(tmp_path: Path) -> None:
    """ "一般公共预算财政拨款支出4440.79万元，完成年初预算的101.09%" against the 合计 row of the 一般公共预算财政拨款支出决算表
    (年初预算数 4392.75): the bare 合计 row of a fund's appropriation table is that fund's 财政拨款支出 (adv300: the rate
    was left unchecked)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _appropriated("101.09"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _appropriated("103.09")))
    assert [(v, e.quantize(Decimal("0.01"))) for _r, _s, v, e in found if e is not None] == [
        (Decimal("103.09"), Decimal("101.09"))
    ]


def test_a_share_after_a_total_said_with_gongji_is_the_totals(tmp_path: Path) -> None:
    """ "一般性转移支付268910万元和专项转移支付71560万元，共计340470万元，占全市12.51%，比上年增长3.98%": the share and the
    change are of the 共计 total, as after "合计280730万元" — not of the list's last part (adv302: read as 专项转移支付's)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "某市2025年省对下转移支付情况说明\n（三）龙泉市\n"
        "一般性转移支付268910万元和专项转移支付71560万元，共计340470万元，占全市12.51%，比上年增长3.98%。\n",
        encoding="utf-8",
    )
    claims = analyze_file(path).claims
    assert {c.relation: c.subject for c in claims if c.relation in ("total", "share", "change")} == {
        "total": "合计",
        "share": "合计",
        "change": "合计",
    }


def _score_sheet(process: str) -> str:
    rows = [
        "某县2024年度衔接推进乡村振兴补助资金绩效评价报告",
        "表3 绩效评价评分表",
        "一级指标\t二级指标\t三级指标\t分值\t得分",
        "决策\t小计\t\t20\t19.5",
        "决策\t项目立项\t立项依据充分性\t10\t10",
        "决策\t绩效目标\t目标合理性\t10\t9.5",
        f"过程\t小计\t\t20\t{process}",
        "过程\t资金管理\t资金到位率\t10\t9.80",
        "过程\t资金管理\t预算执行率\t10\t9.50",
        "产出\t小计\t\t30\t29",
        "产出\t产出数量\t建设任务完成率\t15\t15",
        "产出\t产出质量\t验收合格率\t15\t14",
        "总分\t\t\t70\t67.80",
    ]
    return "\n".join(rows) + "\n"


def test_a_subtotal_at_the_head_of_its_category_sums_that_categorys_rows(tmp_path: Path) -> None:
    """决策 | 小计 | 20 | 19.5 above 决策's rows: a 小计 naming its category sums that category's rows wherever it stands
    (adv303 F1–F3: summed with the rows of the category above, one group out of step)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _score_sheet("19.30"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _score_sheet("19.80")))
    assert ("scoresheet.total", "过程小计（得分）", Decimal("19.80"), Decimal("19.30")) in found


def test_the_total_row_of_a_table_by_units_is_not_the_reports_whole(tmp_path: Path) -> None:
    """ "全区一般公共预算支出521400万元，比上年增长2.8%" beside "2024年各街镇一般公共预算支出情况表" whose 合计 row sums the
    街镇 (56760, last year 55350): that 合计 is the 街镇's together, not the 全区 spending its title's fund and flow name
    (adv303: compared as one figure, "增长应为842.01%")."""
    rows = [
        "某区2024年预算执行情况和2025年预算草案的报告",
        "2024年全区一般公共预算支出521400万元，比上年增长2.8%。",
        "表3 2024年各街镇一般公共预算支出情况表",
        "单位：万元",
        "街镇\t2023年执行数\t2024年执行数",
        "合计\t55350\t56760",
        "甲街道\t30150\t30900",
        "乙镇\t25200\t25860",
    ]
    found = _scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")
    assert [f.rule for f in found if f.rule.startswith(("change.", "narrative_table."))] == []


def _foot_total(project_total: str) -> str:
    rows = [
        "某县文化和旅游局2024年部门决算",
        "支出决算表",
        "单位：万元",
        "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出",
        "207\t文化旅游体育与传媒支出\t498.75\t412.35\t86.40",
        "20701\t文化和旅游\t498.75\t412.35\t86.40",
        "2070101\t行政运行\t412.35\t412.35\t0.00",
        "2070102\t一般行政管理事务\t86.40\t0.00\t86.40",
        "208\t社会保障和就业支出\t118.45\t118.45\t0.00",
        "20805\t行政事业单位养老支出\t118.45\t118.45\t0.00",
        "2080505\t机关事业单位基本养老保险缴费支出\t118.45\t118.45\t0.00",
        f"\t合计\t617.20\t530.80\t{project_total}",
    ]
    return "\n".join(rows) + "\n"


def test_a_total_row_at_the_foot_of_a_coded_table_sums_the_classes_above(tmp_path: Path) -> None:
    """207 … 2080505 | 合计 at the foot: the 合计 row is Σ类 above it, so of the 合计 row's cells the one out of line is
    found (adv295 S1: 合计 = 基本 + 项目 alone failed, and the right 合计 cell was blamed)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _foot_total("86.40"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _foot_total("96.40")))
    assert [(r, v, e) for r, _s, v, e in found] == [("sum.table-cell", Decimal("96.40"), Decimal("86.40"))]


def _received(rate: str, note: str = "") -> str:
    return (
        "某县2024年度财政支出绩效评价报告\n二、资金情况\n"
        f"高标准农田建设项目年初预算5400.00万元，实际到位5250.00万元，到位率97.22%；全年实际支出5118.62万元，"
        f"预算执行率{rate}%{note}，结余131.38万元。\n"
    )


def test_an_execution_rate_worked_on_the_money_received_is_no_error(tmp_path: Path) -> None:
    """ "年初预算5400.00万元，实际到位5250.00万元…实际支出5118.62万元，预算执行率97.50%": 5118.62 ÷ 5250.00 — the rate is
    worked on the money received, which the sentence prints (adv305 F1, F2: an error against 5400.00); "（以到位资金计）"
    after the rate names that base. A rate fitting neither base is still an error."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _received("97.50"))) == []
    assert _errors(_scan_txt(tmp_path / "b.txt", _received("97.50", "（以到位资金计）"))) == []
    found = _errors(_scan_txt(tmp_path / "c.txt", _received("99.50")))
    assert [(r, v) for r, _s, v, _e in found] == [("rate.execution-text", Decimal("99.50"))]


def test_a_second_rate_after_a_pair_that_has_its_rate_is_of_another_whole(tmp_path: Path) -> None:
    """ "全年项目支出预算2651.00万元，实际支出2551.14万元，项目预算执行率96.23%；部门整体预算执行率97.40%": the second rate is
    the department's, whose figures the sentence does not print (adv306 F1: worked on the project's pair)."""
    text = (
        "某县农业农村局2024年部门整体支出绩效自评报告\n二、预算执行情况\n"
        "全年项目支出预算2651.00万元，实际支出2551.14万元，项目预算执行率96.23%；部门整体预算执行率97.40%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    wrong = text.replace("96.23%", "98.23%")
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "b.txt", wrong))] == ["rate.execution-text"]


def test_an_area_heading_its_debt_figures_is_their_scope(tmp_path: Path) -> None:
    """ "南山县债务限额188.13亿元（…），债务余额183.93亿元（…）" (债务 with no 政府 before it; a name ending 山县): the county
    heads the sentence, so its figures are its own, not one figure printed with another county's value (adv306 F3–F7)."""
    rows = [
        "某市2024年政府债务情况",
        "二、分地区情况",
        "南山县债务限额188.13亿元（一般债务111.36亿元，专项债务76.77亿元），债务余额183.93亿元（一般债务110.66亿元，"
        "专项债务73.27亿元），余额占全市10.1%。",
        "岐北县债务限额171.50亿元（一般债务76.23亿元，专项债务95.27亿元），债务余额161.11亿元（一般债务73.89亿元，"
        "专项债务87.22亿元），余额占全市8.8%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_a_growth_column_named_alone_is_a_column_of_percents(tmp_path: Path) -> None:
    """地区 | 2023年完成数 | 2024年完成数 | 比上年增长 under "单位：万元、%": 比上年增长 is a rate of change, never summed as
    money down the column (adv306 F2: 1.9 against the rows' 20.4)."""
    rows = [
        "某市2024年预算执行情况的报告",
        "表1 2024年各县（市、区）一般公共预算收入完成情况",
        "单位：万元、%",
        "地区\t2023年完成数\t2024年完成数\t比上年增长",
        "城南区\t179491\t178800\t-0.4",
        "城北区\t220000\t230000\t4.5",
        "全市合计\t399491\t408800\t2.3",
    ]
    found = _scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")
    assert [f.rule for f in found if f.severity != "info"] == []


def test_subtotals_stacked_at_the_foot_each_sum_their_own_category(tmp_path: Path) -> None:
    """产出指标 … rows, then 产出指标小计 | 效益指标小计 | 满意度指标小计 stacked at the foot (the category and 小计 in one
    cell): each sums its own category's rows (adv309 F1–F6: the first summed every row above it)."""
    rows = [
        "某市2024年项目支出绩效自评表",
        "一级指标\t二级指标\t三级指标\t分值\t得分",
        "产出指标\t数量指标\t完成村庄整治数\t25\t25",
        "产出指标\t质量指标\t验收合格率\t25\t22.5",
        "效益指标\t社会效益\t群众受益度\t20\t19",
        "效益指标\t生态效益\t村容改善\t20\t20",
        "满意度指标\t服务对象满意度\t群众满意度\t10\t10",
        "产出指标小计\t\t\t50\t47.5",
        "效益指标小计\t\t\t40\t39",
        "满意度指标小计\t\t\t10\t10",
        "总分\t\t\t100\t96.5",
    ]
    text = "\n".join(rows) + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.replace("效益指标小计\t\t\t40\t39", "效益指标小计\t\t\t40\t38")))
    assert ("scoresheet.total", "效益指标小计（得分）", Decimal("38"), Decimal("39")) in found


def test_a_one_part_qizhong_inside_a_colon_list_ends_at_its_semicolon(tmp_path: Path) -> None:
    """ "主要支出项目：城乡社区支出398765万元，其中国有土地使用权出让收入安排的支出312345万元；其他支出56789万元；…": the
    "；" separates the colon's items, siblings of 城乡社区支出; the 其中 names one part (adv308 F1: all summed as its parts)."""
    text = (
        "某市2024年政府性基金预算执行情况\n二、支出情况\n"
        "主要支出项目：城乡社区支出398765万元，其中国有土地使用权出让收入安排的支出312345万元；其他支出56789万元；"
        "债务付息支出34567万元；债务发行费用支出123万元；彩票公益金安排的支出2890万元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def _received_row(rate: str) -> str:
    rows = [
        "某区卫健委2024年部门整体支出绩效自评报告",
        "表1 2024年重点项目资金执行情况表",
        "单位：万元",
        "项目名称\t年初预算\t调整预算\t到位资金\t实际支出\t执行率（%）\t计算口径",
        f"基本公共卫生服务项目\t2100.00\t2350.00\t2280.00\t2235.60\t{rate}\t按到位资金",
        "（一）基本公共卫生服务项目",
        "该项目年初预算2100.00万元，调整预算2350.00万元，全年实际到位资金2280.00万元，实际支出2235.60万元。",
    ]
    return "\n".join(rows) + "\n"


def test_money_received_is_neither_spending_nor_a_wrong_base_of_a_rate(tmp_path: Path) -> None:
    """ "全年实际到位资金2280.00万元" is what was received (its measure 到位), not the 实际支出 column's 2235.60; and a row's
    执行率 98.05 = 2235.60 ÷ 2280.00 is worked on its 到位资金 column (adv308 F2–F4: errors against 实际支出 and 调整预算).
    A rate fitting no column is still an error."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _received_row("98.05"))) == []
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "b.txt", _received_row("99.05")))] == ["rate.execution"]


def test_a_stock_at_a_past_moment_under_the_drafts_heading_is_no_budget(tmp_path: Path) -> None:
    """ "截至2024年末，全旗政府债务余额825,430万元" under 二、2025年预算草案: a balance at a past moment, the same figure as
    the 285,430 of the section on 2024 — one figure printed with two values (adv310 S3 was missed: read as a budget)."""
    rows = [
        "某旗2024年预算执行情况和2025年预算草案的报告",
        "一、2024年预算执行情况",
        "（五）政府债务情况",
        "截至2024年末，全旗政府债务余额285,430万元，其中一般债务余额196,210万元、专项债务余额89,220万元。",
        "二、2025年预算草案",
        "（三）政府债务",
        "截至2024年末，全旗政府债务余额{0}万元，债务风险总体可控。",
    ]
    text = "\n".join(rows) + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("285,430"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", text.format("825,430")))
    assert [r for r, *_ in found] == ["repeat.different-values"]


def test_a_qizhong_inside_a_later_item_of_a_colon_list_ends_at_its_semicolon(tmp_path: Path) -> None:
    """The same for a total heading the second item of the colon's list (主要支出项目：教育支出…；社会保障和就业支出887420
    万元，…，其中养老保险补助…、就业补助…；卫生健康支出…): the siblings after the "；" are no parts (adv311 F1)."""
    text = (
        "某市2024年预算执行情况的报告\n二、支出情况\n"
        "主要支出项目：教育支出598730万元，完成预算的97.8%；社会保障和就业支出887420万元，完成预算的98.0%，其中养老保险"
        "补助512600万元、就业补助38470万元；卫生健康支出300000万元，完成预算的97.1%；城乡社区支出101250万元，完成预算的"
        "94.5%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def _split_year_change(change: str) -> str:
    rows = [
        "某县农业农村局2025年部门预算",
        "一般公共预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t2024年预算数\t2025年预算数\t\t\t增减额",
        "\t\t\t合计\t基本支出\t项目支出\t",
        f"2130101\t行政运行\t341.27\t356.84\t356.84\t0.00\t{change}",
        "2130122\t农业生产发展\t400.00\t420.00\t0.00\t420.00\t20.00",
    ]
    return "\n".join(rows) + "\n"


def test_a_change_column_beside_a_year_split_under_its_head_is_of_that_years_total(tmp_path: Path) -> None:
    """2024年预算数 | 2025年预算数 › 合计 | 基本支出 | 项目支出 | 增减额: the change is the later year's 合计 less the earlier
    year's column (adv312 S4: 20.57 where 356.84 − 341.27 = 15.57 was unchecked)."""
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "a.txt", _split_year_change("15.57")))] == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _split_year_change("20.57")))
    assert ("percent_column.difference", Decimal("20.57")) in [(r, v) for r, _s, v, _e in found]


def test_a_units_parts_listed_by_unit_are_not_the_departments(tmp_path: Path) -> None:
    """ "分单位看：局机关4,036.42万元，…其中基本支出1,386.42万元、项目支出2,650.00万元；区农业技术推广中心…，其中基本支出
    528.36万元…": each 基本支出 is its unit's, not the department's 基本支出 of the table (adv314 F1–F4)."""
    rows = [
        "某区农业农村水利局2025年部门预算",
        "部门支出总表",
        "单位：万元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "\t合计\t4980.38\t1914.78\t3065.60",
        "2130101\t行政运行\t1914.78\t1914.78\t0.00",
        "2130104\t事业运行\t3065.60\t0.00\t3065.60",
        "一、收支预算总体情况",
        "分单位看：局机关4,036.42万元，占部门预算的81.05%，其中基本支出1,386.42万元、项目支出2,650.00万元；"
        "区农业技术推广中心943.96万元，占部门预算的18.95%，其中基本支出528.36万元、项目支出415.60万元。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_uncommon_words_of_comparison_and_change(tmp_path: Path) -> None:
    """ "同比多支出215.92万元，增长6.13%" (多支出: a change, not last year's figure) and "较之上年减少5,789.50元" (较之上年:
    a comparison, not a subject) — adv314 F5, F7–F8."""
    text = (
        "某县农业农村局2024年度部门决算\n一、收入支出决算总体情况\n"
        "本年支出合计3,736.98万元，同比多支出215.92万元，增长6.13%。\n"
        "二、“三公”经费支出决算情况说明\n"
        "2024年度“三公”经费实际支出130,380.50元，较之上年减少12,169.50元。其中：因公出国（境）费0元；公务用车购置及运行"
        "维护费98,520.50元，较之上年减少5,789.50元；公务接待费31,860.00元，较之上年减少6,380.00元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    wrong = text.replace("增长6.13%", "增长6.53%")
    assert [(r, v) for r, _s, v, _e in _errors(_scan_txt(tmp_path / "b.txt", wrong))] == [
        ("template.change", Decimal("6.53"))
    ]


def test_names_joined_by_he_before_their_two_item_total_take_their_shares(tmp_path: Path) -> None:
    """ "其中农林水支出和社会保障和就业支出两项合计3,595.60万元，分别占本年支出的90.51%和5.71%。农林水支出较之上年多支出
    199.19万元，增长6.26%": the shares are the two items' (社会保障和就业支出 is one name), and the change is 农林水支出's,
    not the two items' total's (adv314 F6 and a template.change found while fixing it)."""
    text = (
        "某县农业农村局2024年度部门决算\n三、支出决算情况说明\n"
        "本年支出合计3,736.98万元。其中农林水支出和社会保障和就业支出两项合计3,595.60万元，分别占本年支出的90.51%和"
        "5.71%。农林水支出较之上年多支出199.19万元，增长6.26%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
    shares = {c.quantity.text: c.subject for c in analyze_file(tmp_path / "a.txt").claims if c.relation == "share"}
    assert shares == {"90.51%": "农林水支出", "5.71%": "社会保障和就业支出"}


def test_money_received_after_a_plan_is_not_named_the_plan(tmp_path: Path) -> None:
    """ "市级资金计划3,000.00万元，实际到位2,400.00万元，缺口600.00万元，占计划的20.00%": the 2,400.00 is the 市级资金
    received, not a second 市级资金计划, so the share's whole is the plan's 3,000.00 (a false error of this stop's own, when
    实际到位 became a measure of its own, caught on adv278 before landing)."""
    text = (
        "某市2024年度农村供水项目资金绩效评价报告\n五、存在的问题\n"
        "（一）市级配套资金到位不足。市级资金计划3,000.00万元，实际到位2,400.00万元，缺口600.00万元，占计划的20.00%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_a_heading_labelled_project_name_names_its_project(tmp_path: Path) -> None:
    """ "2.项目名：城乡居民养老保险参保缴费补助。" and "4.项目名：高标准农田建设。": each heading names its project, so each
    project's 未到位 and 全年支出 are its own, not one figure printed with two values (adv315 F1–F2)."""
    rows = [
        "某区2024年度财政支出项目绩效自评报告",
        "2.项目名：城乡居民养老保险参保缴费补助。",
        "该项目年初预算2460.00万元，实际到位资金2315.80万元，到位率94.14%，未到位144.20万元主要是上级补助资金年末未下达；"
        "全年支出2315.80万元，执行率100.00%。",
        "4.项目名：高标准农田建设。",
        "该项目年初预算3200.00万元，实际到位资金2880.00万元，到位率90.00%，未到位320.00万元主要是上级补助资金年末未下达；"
        "全年支出2764.80万元，执行率96.00%。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_respective_shares_of_a_qualified_whole_may_be_of_each_parts_own(tmp_path: Path) -> None:
    """ "一般债务余额482.60亿元、专项债务余额1109.20亿元，分别占债务限额的94.2%和93.5%": each balance over its own limit
    (482.60 ÷ 512.30, 1109.20 ÷ 1186.70), where the shares fit those; not the whole 政府债务限额 (adv317 F1–F2). Shares that
    fit neither are still errors."""
    text = (
        "某市2024年预算执行情况的报告\n（五）政府债务情况\n"
        "经省政府核定，2024年全市政府债务限额1699.00亿元，其中一般债务限额512.30亿元、专项债务限额1186.70亿元。"
        "截至2024年底，全市政府债务余额1591.80亿元，其中一般债务余额482.60亿元、专项债务余额1109.20亿元，"
        "分别占债务限额的{}%和93.5%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("94.2"))) == []
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "b.txt", text.format("96.2")))] == ["share.stated-vs-computed"]


def test_an_adjusted_total_restated_under_the_adjusted_budgets_heading(tmp_path: Path) -> None:
    """ "支出总计由3620000万元调整为3738000万元" and later, under "二、调整后市级预算平衡情况", "经上述调整，…支出总计3738000
    万元": the restated figure is the adjusted budget (the heading's 预算 is the 调整后 one), not the 3620000 before it
    (adv318 F1–F2). A restatement with another value is still one figure printed twice — and, said to balance the
    收入总计 beside it, one that does not (stop 39's balance.totals-balanced): one finding names both."""
    text = (
        "某市2024年市级预算调整方案\n一、一般公共预算调整情况\n"
        "（二）支出预算调整。支出总计由3620000万元调整为3738000万元，增加118000万元。\n"
        "二、调整后市级预算平衡情况\n经上述调整，一般公共预算收入总计3738000万元，支出总计{}万元，收支平衡。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("3738000"))) == []
    (found,) = [f for f in _scan_txt(tmp_path / "b.txt", text.format("3783000")) if f.severity != "info"]
    assert (found.stated_value, found.expected_value) == (Decimal("3783000"), Decimal("3738000"))
    assert {found.rule, found.explanation.rsplit("另经 ", 1)[-1].split(" ")[0]} == {
        "repeat.different-values",
        "balance.totals-balanced",
    }


def test_points_given_a_total_and_its_parts_count_once(tmp_path: Path) -> None:
    """年度资金总额（合计）| 10 over 其中：基本支出 | 4 and 项目支出 | 6, then indicators 50 + 30 + 10 and 总分 100: the 其中
    rows break the 10 down, so the 总分 is 10 + 50 + 30 + 10 (adv318 F3–F4: 110 as an error). A wrong 总分 is still one."""
    rows = [
        "某区民政局2024年部门整体支出绩效自评表",
        "项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额（合计）\t905.60\t1000.00\t968.00\t10\t96.80%\t9.68",
        "其中：基本支出\t385.60\t400.00\t396.80\t4\t99.20%\t3.97",
        "项目支出\t520.00\t600.00\t571.20\t6\t95.20%\t5.71",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t城乡低保保障人数\t≥3200人\t3286人\t50\t49",
        "效益指标\t社会效益指标\t困难群众基本生活保障\t有效保障\t有效保障\t30\t29",
        "满意度指标\t服务对象满意度指标\t救助对象满意度\t≥90%\t95%\t10\t10",
        "总分\t\t\t\t\t100\t{}",
    ]
    text = "\n".join(rows) + "\n"
    assert _errors(_scan_txt(tmp_path / "a.txt", text.format("97.68"))) == []
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "b.txt", text.format("96.68")))] == ["scoresheet.total"]


def _score_said(said: str) -> str:
    rows = [
        "某县农业农村局2024年度部门整体支出绩效自评报告",
        "表2 部门整体支出绩效自评得分表",
        "一级指标\t二级指标\t分值\t得分",
        "投入\t预算执行率\t20\t18.5",
        "产出\t产出数量\t30\t27",
        "效益\t社会效益\t30\t27.5",
        "满意度\t服务对象满意度\t20\t18",
        "总分\t\t100\t91.0",
        "三、自评结论",
        f"经综合评价，本部门2024年度整体支出绩效自评得分{said}分，其中投入指标得分18.5分，产出指标得分27分。",
    ]
    return "\n".join(rows) + "\n"


def test_the_total_score_said_in_the_text_is_the_sheets_total(tmp_path: Path) -> None:
    """ "整体支出绩效自评得分90.0分" against the one score sheet's 总分 91.0: one score printed twice (adv316 S4c was
    missed: no rule read a total score in the text)."""
    assert _errors(_scan_txt(tmp_path / "a.txt", _score_said("91.0"))) == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _score_said("90.0")))
    assert ("scoresheet.total-in-text", Decimal("90.0"), Decimal("91.0")) in [(r, v, e) for r, _s, v, e in found]


def test_scores_of_last_year_of_a_category_or_of_a_project_are_not_the_sheets_total(tmp_path: Path) -> None:
    """ "2023年度部门整体支出绩效自评得分为93.5分", "（一）投入指标。该类指标分值20分，自评得分19分" and "项目自评得分为92分"
    are last year's, a category's and a project's scores, not the one sheet's 总分 (adv319 F1–F6, this stop's own rule)."""
    rows = _score_said("91.0").splitlines()[:-1] + [
        "2023年度部门整体支出绩效自评得分为93.5分，本年度较上年提高1.5分。",
        "（一）投入指标。该类指标分值20分，自评得分18.5分。",
        "1.高标准农田建设项目。该项目全年预算1200.00万元，项目自评得分为92分，等级为“优”。",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_several_projects_score_sheets_are_not_one_projects_figures_printed_again(tmp_path: Path) -> None:
    """A workbook of three projects' 自评表, each sheet with its own 年度资金总额 row: the sheets' figures are each
    project's, not one figure printed three times (adv319 F7–F18, errors table against table)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k, (name, budget, full, spent, rate, score) in enumerate(
        (
            ("城区道路养护项目", 860, 920, 897.35, "97.54%", 9.75),
            ("老旧小区改造项目", 1500, 1500, 1318.6, "87.91%", 8.79),
            ("社区养老服务补助项目", 450, 450, 446.85, "99.30%", 9.93),
        ),
        start=1,
    ):
        ws = wb.create_sheet(f"项目{k}")
        ws.append(["项目支出绩效自评表"])
        ws.append(["（2024年度）"])
        ws.append(["项目名称", name, None, None, "主管部门", "某区住房和城市更新局"])
        ws.append(["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
        ws.append([None, "年度资金总额", budget, full, spent, 10, rate, score])
        ws.append([None, "其中：当年财政拨款", budget, full, spent, "—", rate, "—"])
    path = tmp_path / "某区2024年项目支出绩效自评.xlsx"
    wb.save(path)
    assert [f.rule for f in analyze_file(path).findings if f.severity != "info"] == []


def _split_year_growth(rate: str) -> str:
    rows = [
        "某区教育局2025年部门预算",
        "一般公共预算支出表",
        "单位：万元",
        "科目编码\t科目名称\t2024年预算数\t2025年预算数\t\t\t增减额\t增减率（%）",
        "\t\t\t合计\t基本支出\t项目支出\t\t",
        f"2050203\t初中教育\t9874.30\t10069.95\t9069.95\t1000.00\t195.65\t{rate}",
        "2050204\t高中教育\t5000.00\t5100.00\t4100.00\t1000.00\t100.00\t2.00",
    ]
    return "\n".join(rows) + "\n"


def test_a_growth_column_after_a_split_year_and_its_change_amount(tmp_path: Path) -> None:
    """2024年预算数 | 2025年预算数 › 合计 | 基本支出 | 项目支出 | 增减额 | 增减率（%）: the rate is the later year's 合计 over the
    earlier year's (adv320 3a: 4.08 where 195.65 ÷ 9874.30 = 1.98% was unread)."""
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "a.txt", _split_year_growth("1.98")))] == []
    found = _errors(_scan_txt(tmp_path / "b.txt", _split_year_growth("4.08")))
    assert [(r, v) for r, _s, v, _e in found] == [("percent_column.growth", Decimal("4.08"))]


def test_a_countys_total_share_of_the_citys_whole_is_not_its_last_parts(tmp_path: Path) -> None:
    """ "泾源县…政府债务余额126.42亿元，其中一般债务余额35.73亿元、专项债务余额90.69亿元，占全市政府债务余额的6.9%": the
    county's total's share of the 全市 whole, never 90.69 ÷ 126.42 (a false warning of this stop's own, once the county
    became the figures' scope; caught on adv306 before landing)."""
    text = (
        "某市2024年政府债务情况\n一、总体情况\n截至2024年末，全市政府债务余额1821.35亿元。\n二、分地区情况\n"
        "泾源县政府债务限额131.70亿元，其中一般债务限额38.39亿元、专项债务限额93.31亿元；政府债务余额126.42亿元，"
        "其中一般债务余额35.73亿元、专项债务余额90.69亿元，占全市政府债务余额的6.9%。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def test_areas_before_a_verb_and_noun_given_respectively_are_each_figures_scope(tmp_path: Path) -> None:
    """ "渭滨区、金台区分别完成一般公共预算收入9.86亿元、8.52亿元，分别占全市一般公共预算收入的7.10%、6.13%": each figure is
    its district's revenue, not the city's printed again, and no share is worked on the other district's amount (a
    probe of adv321, P1–P2); "戊市专项债务余额39.37亿元…；一般债务余额28.64亿元" is 戊市's (adv322 F1)."""
    text = (
        "某市2024年预算执行情况的报告\n一、一般公共预算\n全市一般公共预算收入完成138.95亿元，比上年增长4.95%。\n"
        "渭滨区、金台区分别完成一般公共预算收入9.86亿元、8.52亿元，分别占全市一般公共预算收入的7.10%、6.13%。\n"
        "二、政府债务\n截至2024年末，全市政府债务余额377.30亿元。其中，一般债务余额159.20亿元，专项债务余额218.10亿元。\n"
        "戊市专项债务余额39.37亿元，占该市债务余额的57.89%；一般债务余额28.64亿元。\n"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []


def _split_points(score: str) -> str:
    rows = [
        "某区2024年项目支出绩效自评表",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        f"年度资金总额\t920.00\t1125.00\t1074.10\t10\t95.48%\t{score}",
        "其中：当年财政拨款\t860.00\t920.00\t884.60\t6\t96.15%\t5.77",
        "上年结转资金\t0.00\t145.00\t138.20\t2\t95.31%\t1.91",
        "其他资金\t60.00\t60.00\t51.30\t2\t85.50%\t1.71",
    ]
    return "\n".join(rows) + "\n"


def test_a_total_whose_points_its_parts_share_scores_their_sum(tmp_path: Path) -> None:
    """年度资金总额 | 10 | 95.48% | 9.39 over 其中 rows of 6, 2 and 2 points, each scored on its own rate: the total's score is
    theirs added up (5.77 + 1.91 + 1.71), not 10 × 95.48% (adv322 F2–F4)."""
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "a.txt", _split_points("9.39")))] == []


def test_full_marks_said_as_the_total_and_a_text_that_backs_the_sheets_own_sum(tmp_path: Path) -> None:
    """ "构建指标体系，总分100分" is the sheet's full marks, not its score (adv278, adv293: this stop's own rule, caught
    before landing); and where the sheet's 总分 is itself wrong (92.0 printed 93.0) while the text says the right 91.0,
    the text's finding joins the cell's (adv290 S12, adv301 S8: the text was blamed beside the cell)."""
    full = _score_said("91.0").replace(
        "经综合评价，", "按照决策、过程、产出、效益构建指标体系，总分100分。经综合评价，"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", full)) == []
    wrong = _score_said("91.0").replace("总分\t\t100\t91.0", "总分\t\t100\t92.0")
    found = _scan_txt(tmp_path / "b.txt", wrong)
    assert [(f.rule, f.stated_value) for f in found if f.severity != "info"] == [("scoresheet.total", Decimal("92.0"))]
    assert "与此格应有数相符" in next(f.explanation for f in found if f.rule == "scoresheet.total")


def test_a_sheet_with_a_scored_row_whose_points_were_not_read_is_not_summed(tmp_path: Path) -> None:
    """A row printing its 分值 as "1E+1" (read as no figure) beside its 得分: the sums of 分值 and 得分 leave that row out, so
    the 总分 cannot be judged (adv319: 100 vs 40 and 95 vs 37.5 as errors)."""
    text = _score_said("91.0").replace("产出\t产出数量\t30\t27", "产出\t产出数量\t1E+1\t27")
    assert [r for r, *_ in _errors(_scan_txt(tmp_path / "a.txt", text)) if r == "scoresheet.total"] == []


def test_a_funds_block_whose_parts_come_before_its_total(tmp_path: Path) -> None:
    """基本支出 | 4 | 98.84% | 3.95 and 项目支出 | 6 | 93.49% | 5.61 over 合计 | 10 | 96.86% | 9.56, then (a table of their
    own) the 指标 rows and 总分 100 / 95.06: the 合计's score is its parts' added up, and the 总分 is the 合计's 10 with the
    indicators' 90 (adv323 F1–F3)."""
    rows = [
        "某县农业农村局2024年度部门整体支出绩效自评表",
        "项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "基本支出\t1,850.00\t1,920.50\t1,898.20\t4\t98.84%\t3.95",
        "项目支出\t960.00\t1,130.00\t1,056.40\t6\t93.49%\t5.61",
        "合计\t2,810.00\t3,050.50\t2,954.60\t10\t96.86%\t9.56",
        "",
        "一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分",
        "产出指标\t数量指标\t高标准农田建设面积\t≥2万亩\t2.1万亩\t20\t20",
        "产出指标\t质量指标\t验收合格率\t≥95%\t97%\t12\t12",
        "产出指标\t时效指标\t按期完成率\t100%\t95%\t10\t9",
        "产出指标\t成本指标\t亩均投入\t≤3000元\t2950元\t8\t8",
        "效益指标\t经济效益\t粮食增产\t≥5%\t4.5%\t15\t13.5",
        "效益指标\t社会效益\t农民增收\t明显\t明显\t15\t14",
        "满意度指标\t服务对象满意度\t农户满意度\t≥90%\t92%\t10\t9",
        "总分\t\t\t\t\t100\t95.06",
    ]
    assert _errors(_scan_txt(tmp_path / "a.txt", "\n".join(rows) + "\n")) == []


def test_a_categorys_score_called_a_composite_score_is_not_the_total(tmp_path: Path) -> None:
    """ "（二）产出情况。…产出指标满分40分，综合得分38.30分": the category's score, named in the sentence before it, not the
    sheet's 总分 (adv323 F4, this stop's own rule)."""
    text = _score_said("91.0").replace(
        "三、自评结论", "（二）产出情况\n本年完成各项产出任务，产出指标满分40分，综合得分38.30分。\n三、自评结论"
    )
    assert _errors(_scan_txt(tmp_path / "a.txt", text)) == []
