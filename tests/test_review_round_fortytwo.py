"""Review round forty-two on (stop 38): false findings and missed slips of fresh reviews, each fixed at its
mechanism, and what each rule must still find."""

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
    assert ("percent_column.difference", Decimal("-0.60"), Decimal("-0.40")) in [(r, v, e) for r, _s, v, e in found]


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
