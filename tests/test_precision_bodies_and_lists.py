"""Consistent report text that review sets adv28–adv32 found false alarms on: figures named only by a body (局本级,
所属单位, a named unit) are that body's part of their list's item; a department's own level (局机关本级) is a scope;
a budget change is no list's whole; a 合计 of one measure is no part of another's; a bracketed 含 names a part the
list leaves out; a transfer passed on is not the transfer received; a share's whole may open a colon list."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text


def alarms(tmp_path: Path, text: str, kind: str) -> list[tuple[str, str, str]]:
    _, found = scan_text(tmp_path, text, kind)
    return [(f.rule, f.severity, str(f.stated_value)) for f in found if f.severity != "info"]


def test_a_figure_named_only_by_a_body_is_that_body_s_part_of_the_list_s_item(tmp_path: Path) -> None:
    text = (
        "江川市农业农村局2024年度部门决算说明\n"
        "2024年度本部门本年支出合计18642.30万元，其中：局本级5216.84万元，所属单位13425.46万元。\n"
        "2024年度本部门“三公”经费财政拨款支出决算52.64万元，其中：局本级18.30万元，所属单位34.34万元。\n"
        "分单位看，局本级“三公”经费26.96万元，其中：县农业技术推广中心3.34万元、县动物疫病预防控制中心2.63万元…\n"
    )
    assert alarms(tmp_path, text, "部门决算") == []  # 18.30 is 局本级's 三公, not its 本年支出合计 5216.84


def test_a_department_s_own_level_is_a_scope(tmp_path: Path) -> None:
    text = (
        "湘岳市农业农村局2026年部门预算\n"
        "2026年支出预算9640.46万元，其中：基本支出4253.96万元，项目支出5386.50万元。\n"
        "分单位看，局机关本级支出6056.51万元，其中基本支出1968.01万元、项目支出4088.50万元；"
        "所属单位支出3583.95万元。\n"
    )
    assert alarms(tmp_path, text, "部门预算") == []


def test_a_budget_change_is_no_list_s_whole_and_a_part_lends_no_subject_to_the_next_sentence(tmp_path: Path) -> None:
    def text(other: str) -> str:
        return (
            "漳源县农业农村局2024年度部门整体支出绩效自评报告\n"
            "（三）年度预算收支情况。2024年部门年初预算数3862.40万元，年中追加调整656.36万元，全年预算数4518.76万元，"
            f"其中：当年财政拨款4305.16万元，上年结转资金186.40万元，其他资金{other}万元。全年执行数4286.93万元，"
            "预算执行率94.87%。\n"
        )

    claims, _ = scan_text(tmp_path, text("27.20"), "部门整体支出绩效自评报告")
    executed = next(c for c in claims if c.quantity.text == "4286.93万元")
    assert executed.subject != "其他资金"
    assert alarms(tmp_path, text("27.20"), "部门整体支出绩效自评报告") == []
    # 4305.16 + 186.40 + 37.20 = 4528.76: the 全年预算数 is the list's whole, not the 年中追加调整
    assert alarms(tmp_path, text("37.20"), "部门整体支出绩效自评报告") == [("sum.enumeration", "error", "4518.76")]


def test_a_total_of_one_measure_is_no_part_of_the_next_measure_s_total(tmp_path: Path) -> None:
    text = (
        "江川市文化广电旅游局2024年度项目支出绩效自评情况\n"
        "全局纳入自评的项目共6个，年初预算数合计1360.00万元，全年预算数合计1383.50万元，全年执行数合计1301.41万元，"
        "总体预算执行率94.07%。\n"
    )
    assert alarms(tmp_path, text, "项目支出绩效自评表") == []


def test_a_bracketed_part_the_list_leaves_out_makes_the_list_partial(tmp_path: Path) -> None:
    def text(new: str) -> str:
        return (
            "江川市2025年政府债券发行和还本付息情况\n"
            f"省转贷我市地方政府债券161.24亿元（含再融资债券42.60亿元），其中：新增一般债券16.48亿元，新增专项债券{new}亿元。\n"
        )

    assert alarms(tmp_path, text("102.16"), "地方政府债务表") == []  # 16.48 + 102.16 + 42.60 = 161.24
    # parts that exceed the total cannot be a partial list of it
    assert alarms(tmp_path, text("152.16"), "地方政府债务表") == [("sum.enumeration", "error", "161.24")]


def test_parts_of_one_kind_break_down_the_earlier_figure_of_that_kind(tmp_path: Path) -> None:
    def text(county: str) -> str:
        return (
            "江川市2025年地方政府债务限额及余额情况\n"
            "全市政府债务余额782.73亿元，为省核定限额793.10亿元的98.69%。其中：市本级政府债务余额391.02亿元，"
            f"县区政府债务余额{county}亿元。\n"
        )

    assert alarms(tmp_path, text("391.71"), "地方政府债务表") == []
    assert alarms(tmp_path, text("381.71"), "地方政府债务表") == [("sum.enumeration", "error", "782.73")]


def test_a_transfer_passed_on_is_not_the_transfer_received(tmp_path: Path) -> None:
    text = (
        "江川市2025年转移支付执行情况\n"
        "2025年省对我市一般公共预算转移支付204.66亿元，增长4.62%。其中：税收返还3.21亿元，一般性转移支付173.55亿元，"
        "专项转移支付27.90亿元。\n"
        "市对县区转移支付72.14亿元，增长10.40%。其中：一般性转移支付52.52亿元，占72.80%；专项转移支付19.62亿元，"
        "占27.20%。\n"
    )
    assert alarms(tmp_path, text, "预算执行情况和预算草案的报告") == []


def test_a_share_s_whole_opens_its_colon_list_and_a_total_s_change_is_no_whole(tmp_path: Path) -> None:
    def text(share: str) -> str:
        return (
            "江川市卫生健康委员会2025年部门预算编制说明\n"
            "一、收支预算总体情况。2025年度收入、支出预算总计128406.52万元，与上年相比收、支预算总计各增加6526.22万元，"
            "增长5.35%。其中：委本级预算4612.38万元，所属单位预算123794.14万元。\n"
            "二、收入预算情况。2025年收入预算128406.52万元，其中：一般公共预算拨款收入86540.18万元，政府性基金预算拨款收入"
            "3200.00万元，事业收入36215.44万元，其他收入1450.90万元，上年结转结余1000.00万元。支出预算128406.52万元，"
            "其中：基本支出71380.26万元，占55.59%；项目支出57026.26万元，占44.41%。\n"
            "三、财政拨款收支预算总体情况。2025年度财政拨款收、支总预算89740.18万元。与上年相比，财政拨款收、支总计各增加"
            "4824.58万元，增长5.68%。一般公共预算拨款支出86540.18万元，主要用于以下方面：卫生健康支出（类）78226.40万元，"
            f"占{share}%；社会保障和就业支出（类）5108.32万元，占5.90%；住房保障支出（类）3205.46万元，占3.70%。\n"
        )

    assert alarms(tmp_path, text("90.39"), "部门预算") == []  # 78226.40 ÷ 86540.18, not ÷ 4824.58
    assert alarms(tmp_path, text("91.39"), "部门预算") == [("share.stated-vs-computed", "error", "91.39")]


def test_a_share_of_a_named_scope_s_whole_is_not_certain_of_an_unscoped_total(tmp_path: Path) -> None:
    text = (
        "江川市农业农村局2024年度部门决算说明\n"
        "2024年度本部门本年支出合计18642.30万元，其中：局本级5216.84万元，所属单位13425.46万元。\n"
        "局本级一般公共预算财政拨款支出4980.12万元，占局本级本年支出合计的95.46%。\n"
    )
    assert alarms(tmp_path, text, "部门决算") == []  # 4980.12 ÷ 5216.84, not ÷ 18642.30


def test_a_list_under_a_body_s_total_is_that_body_s(tmp_path: Path) -> None:
    text = (
        "江川市卫生健康委员会2025年部门预算\n"
        "2025年支出预算6482.50万元，其中：基本支出2842.50万元，项目支出3640.00万元。\n"
        "信息中心支出预算2,304.90万元，其中：基本支出604.90万元，项目支出1,700.00万元。\n"
        "局本级收入预算3,860.00万元，其中：县本级财政拨款收入3,720.00万元，其他收入140.00万元。\n"
    )
    assert alarms(tmp_path, text, "部门预算") == []  # 信息中心's 基本支出, not the department's


def test_a_measure_named_after_a_source_is_that_source_s(tmp_path: Path) -> None:
    text = (
        "桂岭县农业农村局2024年度项目支出绩效自评情况\n"
        "全局纳入自评的项目共8个，全年预算数合计2,718.40万元，执行数合计2,596.21万元，总体预算执行率95.51%。"
        "按资金来源分，中央补助资金全年预算数合计1,200.00万元，执行数合计1,168.20万元，执行率97.35%；"
        "省级资金全年预算数合计800.00万元，执行数合计752.61万元，执行率94.08%。\n"
    )
    assert alarms(tmp_path, text, "项目支出绩效自评表") == []


def test_new_bonds_split_into_general_and_special_are_not_all_bonds_issued(tmp_path: Path) -> None:
    def text(refinance: str) -> str:
        return (
            "关于白桦市2024年财政决算（草案）的报告\n"
            "2024年全市发行政府债券89.96亿元，其中：新增一般债券13.20亿元、新增专项债券38.60亿元，重点支持交通等项目；"
            f"再融资债券{refinance}亿元。\n"
        )

    assert alarms(tmp_path, text("38.16"), "政府决算") == []  # 13.20 + 38.60 + 38.16 = 89.96


def test_one_fund_s_accounts_are_that_fund_s_not_the_whole_social_insurance_fund_s(tmp_path: Path) -> None:
    def text(balance: str) -> str:
        return (
            "关于皖东市2024年财政决算（草案）的报告\n（四）社会保险基金预算\n"
            "全市社会保险基金预算收入126.94亿元，支出118.02亿元，当年收支结余8.92亿元，年末滚存结余127.73亿元。分险种看：\n"
            "城乡居民基本养老保险基金收入18.64亿元、支出14.24亿元，当年收支结余4.40亿元，年末滚存结余45.67亿元。\n"
            f"职工基本医疗保险基金收入39.86亿元、支出35.22亿元，当年收支结余{balance}亿元，年末滚存结余53.27亿元。\n"
        )

    assert alarms(tmp_path, text("4.64"), "政府决算") == []
    assert alarms(tmp_path, text("3.83"), "政府决算") == [("balance.income-less-spending", "error", "3.83")]


def test_a_whole_named_with_total_and_its_measure_is_the_figure_named_without_them(tmp_path: Path) -> None:
    """占政府采购预算总额的 is a share of 政府采购预算512.00万元 (adv28: 361.80 ÷ 512.00 = 70.66%, printed 76.06%)."""

    def text(share: str) -> str:
        return (
            "粤澄市人力资源和社会保障局2026年部门预算\n八、政府采购预算情况\n"
            "本部门2026年政府采购预算512.00万元，其中：货物类68.00万元，工程类0.00万元，服务类444.00万元。"
            f"预留给中小企业的采购份额361.80万元，占政府采购预算总额的{share}%。\n"
        )

    assert alarms(tmp_path, text("70.66"), "部门预算") == []
    assert alarms(tmp_path, text("76.06"), "部门预算") == [("share.stated-vs-computed", "error", "76.06")]


def test_a_bare_spending_after_an_item_s_income_is_that_item_s(tmp_path: Path) -> None:
    """全市社会保险基金收入169.91亿元，支出163.49亿元 (the 支出 is no second printing of the 收入); 国有土地使用权出让收入
    186.40亿元、支出173.25亿元，占全市政府性基金预算支出的70.5% (the share is the 支出's: 173.25 ÷ 245.6) — adv36."""
    text = (
        "关于青川市2024年财政决算的报告\n"
        "2024年，全市政府性基金预算收入212.35亿元，政府性基金预算支出245.60亿元，社会保险基金收入169.91亿元。\n"
        "2024年，全市社会保险基金收入169.91亿元，支出163.49亿元，当年收支结余6.42亿元。\n"
        "国有土地使用权出让收入186.40亿元、支出173.25亿元，占全市政府性基金预算支出的70.5%。\n"
    )
    assert alarms(tmp_path, text, "政府决算") == []


def test_a_qizhong_list_ends_where_a_semicolon_leads_to_another_flow(tmp_path: Path) -> None:
    text = (
        "青川市2024年职工基本医疗保险基金决算说明\n"
        "2024年，职工基本医疗保险基金收入39.86亿元，其中统筹基金收入25.30亿元；支出35.22亿元，其中统筹基金支出22.48亿元；"
        "当年收支结余4.64亿元，年末滚存结余53.27亿元。统筹基金当年收支结余2.82亿元，年末滚存结余31.06亿元。\n"
    )
    assert alarms(tmp_path, text, "政府决算") == []


def test_a_share_naming_its_part_s_scope_is_of_that_scope_s_figure(tmp_path: Path) -> None:
    def text(share: str) -> str:
        return (
            "青川市2024年政府债务限额及余额情况说明\n"
            "2024年，经省政府批准，我市政府债务限额712.80亿元，其中：一般债务限额205.60亿元，专项债务限额507.20亿元。\n"
            "截至2024年底，全市政府债务余额686.35亿元，其中：一般债务余额198.42亿元，专项债务余额487.93亿元；"
            f"市本级政府债务余额265.10亿元，县区政府债务余额421.25亿元。全市政府债务余额占限额的{share}%。\n"
        )

    assert alarms(tmp_path, text("96.3"), "地方政府债务表") == []  # 686.35 ÷ 712.80, not 421.25 ÷ 507.20
    assert alarms(tmp_path, text("94.3"), "地方政府债务表") == [("share.stated-vs-computed", "error", "94.3")]


def test_shou_zhi_zong_yu_suan_is_one_name() -> None:
    """收、支总预算 names both sides of one total: its subject is not 支总 (adv37)."""
    from extractors.claims import extract_claims
    from extractors.model import Document, Paragraph, Provenance

    text = "江苏省某办公室2019年度财政拨款收、支总预算6757.28万元。与上年相比，财政拨款收、支总计各增加825.64万元，增长13.92%。"
    doc = Document("x.txt", "0" * 64, "txt", [Paragraph(text, Provenance("0" * 64, block=0, paragraph=0))])
    subjects = {c.quantity.text: c.subject for c in extract_claims(doc)}
    assert subjects["6757.28万元"].endswith("财政拨款收支总") and subjects["825.64万元"] == "财政拨款收支总计"


def test_a_share_right_after_a_bare_spending_is_the_spending_s(tmp_path: Path) -> None:
    text = (
        "关于某市2024年财政决算的报告\n"
        "全市社会保险基金收入169.91亿元，其中财政补贴收入45.30亿元，支出163.49亿元，占收入的96.2%。\n"
    )
    assert alarms(tmp_path, text, "政府决算") == []  # 163.49 ÷ 169.91, not 45.30 ÷ 169.91
