"""A 部门预算 情况说明 whose tables are published as a file of their own beside it (…部门预算公开文件 + …部门预算公开表,
as 江苏 prints them): the narrative is checked against the other file's tables, its findings name that file, the
tables file's own sums stay on its own row, and a scan that meets a changed tables file checks the narrative again."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx

from pipeline.analyze import analyze_file
from pipeline.batch import ScanOptions, scan
from pipeline.companion import tables_file_of

NARRATIVE = "测试局2026年度部门预算公开文件.docx"
TABLES = "测试局2026年度部门预算公开表.docx"


def _narrative(folder: Path) -> Path:
    return write_docx(
        folder / NARRATIVE,
        [
            "测试局2026年度部门预算公开",
            "第三部分 2026年度部门预算情况说明",
            "五、财政拨款支出预算情况说明",
            "测试局2026年财政拨款预算支出1,000.00万元。其中：",
            "（一）一般公共服务支出（类）",
            "1．政府办公厅（室）及相关机构事务（款）行政运行（项）支出600.00万元，主要用于机关运行。",
            "2．政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）支出400.00万元，主要用于业务工作。",
        ],
    )


def _tables(folder: Path, running: str = "600.00") -> Path:
    rows = [
        ["功能科目代码", "功能科目名称", "金额"],
        ["", "合计", "1,000.00"],
        ["201", "一般公共服务支出", "1,000.00"],
        ["20103", "政府办公厅（室）及相关机构事务", "1,000.00"],
        ["2010301", "行政运行", running],
        ["2010302", "一般行政管理事务", "400.00"],
    ]
    return write_docx(folder / TABLES, ["公开05表", "财政拨款支出预算表", "单位：万元", (rows, [])])


def test_the_tables_file_is_found_by_body_year_and_kind(tmp_path: Path) -> None:
    narrative, tables = _narrative(tmp_path), _tables(tmp_path)
    (tmp_path / "测试局2025年度部门预算公开表.docx").write_bytes(tables.read_bytes())  # another year's
    (tmp_path / "测试局2026年度部门决算公开表.docx").write_bytes(tables.read_bytes())  # the 决算's
    assert tables_file_of(narrative) == tables
    assert tables_file_of(tables) is None  # a tables file has no tables file
    (tmp_path / "测试局2026年度部门预算附表.docx").write_bytes(tables.read_bytes())
    assert tables_file_of(narrative) is None  # two candidates: which one is not known


def test_a_narrative_figure_is_checked_against_the_tables_file(tmp_path: Path) -> None:
    _narrative(tmp_path)
    _tables(tmp_path)
    agree = analyze_file(tmp_path / NARRATIVE)
    assert "表格文件《测试局2026年度部门预算公开表.docx》" in agree.reason
    assert [f for f in agree.findings if f.severity != "info"] == []
    assert agree.facts == []  # the tables' figures are the tables file's own rows

    _tables(tmp_path, running="650.00")  # 行政运行 printed 650.00 in the tables, 600.00 in the text
    slip = analyze_file(tmp_path / NARRATIVE)
    found = [f for f in slip.findings if f.rule == "template.narrative-vs-table"]
    assert [(str(f.stated_value), f.severity) for f in found] == [("600.00", "error")]
    assert found[0].related[0].file == TABLES
    assert found[0].related_location.startswith(f"《{TABLES}》")
    # the tables file's own 款 ≠ Σ项 (1,000.00 vs 1,050.00) is reported on the tables file's row, not here
    assert not [f for f in slip.findings if f.rule.startswith(("template.hierarchy", "sum."))]
    own = analyze_file(tmp_path / TABLES)  # (a file of tables alone is of no kind it can name: a warning there)
    assert [f.rule for f in own.findings if f.severity != "info"] == ["sum.table-rows"]


def test_a_changed_tables_file_makes_the_narrative_s_stored_result_stale(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _narrative(folder)
    _tables(folder)
    out = tmp_path / "out"
    first = scan([str(folder)], ScanOptions(out=out, workers=1, timeout=60))
    assert first.severity("error") == 0
    again = scan([str(folder)], ScanOptions(out=out, workers=1, timeout=60))
    assert again.count("skipped") == 2
    _tables(folder, running="650.00")
    third = scan([str(folder)], ScanOptions(out=out, workers=1, timeout=60))
    rows = {Path(d["path"]).name: d for d in third.documents}
    assert rows[NARRATIVE]["status"] == "ok" and third.analysed == 2  # the narrative too, though its bytes are the same
    assert any(f["rule"] == "template.narrative-vs-table" for f in third.findings)


def _pair(folder: Path, narrative: list[str], tables: list) -> Path:
    write_docx(folder / TABLES, tables)
    return write_docx(
        folder / NARRATIVE, ["测试局2026年度部门预算公开", "第三部分 2026年度部门预算情况说明", *narrative]
    )


def _errors(path: Path) -> list[tuple[str, str]]:
    return [(f.rule, str(f.stated_value)) for f in analyze_file(path).findings if f.severity == "error"]


def test_a_table_of_last_year_s_and_this_year_s_figures_is_read_in_this_year_s(tmp_path: Path) -> None:
    """公开05表 printing 上年预算数 | 本年预算数: the narrative's 2026 figures are this year's column (adv42 c14)."""
    rows = [
        ["功能科目代码", "功能科目名称", "上年预算数", "本年预算数"],
        ["", "合计", "900.00", "1,000.00"],
        ["201", "一般公共服务支出", "900.00", "1,000.00"],
        ["20103", "政府办公厅（室）及相关机构事务", "900.00", "1,000.00"],
        ["2010301", "行政运行", "560.00", "{run}"],
        ["2010302", "一般行政管理事务", "340.00", "400.00"],
    ]
    narrative = [
        "五、财政拨款支出预算情况说明",
        "测试局2026年财政拨款预算支出1,000.00万元。其中：",
        "（一）一般公共服务支出（类）",
        "1．政府办公厅（室）及相关机构事务（款）行政运行（项）支出600.00万元，主要用于机关运行。",
    ]

    def table(run: str) -> list:
        return ["财政拨款支出预算表", "单位：万元", ([[x.format(run=run) for x in r] for r in rows], [])]

    assert _errors(_pair(tmp_path, narrative, table("600.00"))) == []
    assert _errors(_pair(tmp_path, narrative, table("650.00"))) == [("template.narrative-vs-table", "600.00")]


def test_an_item_named_in_quotes_is_compared_with_its_own_row(tmp_path: Path) -> None:
    """3．“两房”建设（项）支出713.64万元 is the row “两房”建设, not the item before it (adv42 c06)."""
    rows = [
        ["功能科目代码", "功能科目名称", "金额"],
        ["", "合计", "1,128.48"],
        ["204", "公共安全支出", "1,128.48"],
        ["20404", "检察", "1,128.48"],
        ["2040402", "一般行政管理事务", "414.84"],
        ["2040499", "“两房”建设", "713.64"],
    ]
    narrative = [
        "五、财政拨款支出预算情况说明",
        "（一）公共安全支出（类）",
        "1．检察（款）一般行政管理事务（项）支出414.84万元，主要用于办案业务。",
        "2．检察（款）“两房”建设（项）支出{b}万元，主要用于办案用房建设。",
    ]

    def docs(b: str) -> Path:
        return _pair(tmp_path, [x.format(b=b) for x in narrative], ["财政拨款支出预算表", "单位：万元", (rows, [])])

    assert _errors(docs("713.64")) == []
    assert _errors(docs("731.64")) == [("template.narrative-vs-table", "731.64")]


def test_this_year_s_income_may_be_the_total_before_the_carry_over(tmp_path: Path) -> None:
    """本年收入预算合计 3,929.51 is the 收支预算总表's 当年收入小计 where 上年结转 85.00 is printed apart (adv42 c01)."""
    rows = [
        ["收入", "", "支出", ""],
        ["项目名称", "金额", "项目名称", "金额"],
        ["一、财政拨款", "3,929.51", "一、基本支出", "3,000.00"],
        ["当年收入小计", "3,929.51", "二、项目支出", "1,014.51"],
        ["上年结转资金", "85.00", "当年支出小计", "4,014.51"],
        ["收入合计", "4,014.51", "支出合计", "4,014.51"],
    ]
    narrative = ["二、收入预算情况说明", "测试局本年收入预算合计{x}万元，其中：", "一般公共预算收入{x}万元，占100%。"]

    def docs(x: str) -> Path:
        return _pair(
            tmp_path,
            [t.format(x=x) for t in narrative],
            ["收支预算总表", "单位：万元", (rows, [(0, 0, 0, 1), (0, 2, 0, 3)])],
        )

    assert _errors(docs("3,929.51")) == []  # 当年收入小计
    assert _errors(docs("4,014.51")) == []  # 收入合计
    assert ("template.narrative-vs-table", "3939.51") in _errors(docs("3,939.51"))


def test_a_final_account_s_narrative_with_a_table_of_its_own_is_checked_against_its_tables_file(tmp_path: Path) -> None:
    """A 部门决算 narrative printing one table of its own (not a standard one) beside its 公开表: the tables are joined
    after it and keep their own numbers in a finding's place; a （类）支出 figure is checked against its 类 row."""
    tables = [
        "一般公共预算财政拨款支出决算表",
        "单位：万元",
        (
            [
                ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                ["", "合计", "1,475.40", "1,175.40", "300.00"],
                ["208", "社会保障和就业支出", "1,175.40", "1,175.40", ""],
                ["221", "住房保障支出", "300.00", "", "300.00"],
            ],
            [],
        ),
    ]
    write_docx(tmp_path / "测试局2025年度部门决算公开表.docx", tables)

    def narrative(figure: str) -> Path:
        return write_docx(
            tmp_path / "测试局2025年度部门决算.docx",
            [
                "测试局2025年度部门决算",
                "第一部分 部门概况",
                (
                    [["内设机构", "人数"], ["办公室", "12人"]],
                    [],
                ),
                "第三部分 2025年度部门决算情况说明",
                "五、一般公共预算财政拨款支出决算情况说明",
                "（二）一般公共预算财政拨款支出决算结构情况",
                f"2025年度一般公共预算财政拨款支出1475.40万元，主要用于以下方面：社会保障和就业支出（类）支出{figure}万元；"
                "住房保障支出（类）支出300.00万元。",
            ],
        )

    assert _errors(narrative("1175.40")) == []
    slip = analyze_file(narrative("1157.40"))
    found = [f for f in slip.findings if f.rule == "template.narrative-vs-table"]
    assert [str(f.stated_value) for f in found] == ["1157.40"]
    assert found[0].related_location.startswith("《测试局2025年度部门决算公开表.docx》 表1 ")


def test_an_item_whose_name_two_rows_share_is_said_to_be_undecided(tmp_path: Path) -> None:
    """行政运行（项） with no （款） where the table holds 行政运行 under two 款: agreeing with one of them is enough; agreeing
    with neither is an info naming both, never silence (adv42 S13)."""
    rows = [
        ["功能科目代码", "功能科目名称", "金额"],
        ["", "合计", "1,452.66"],
        ["224", "灾害防治及应急管理支出", "1,452.66"],
        ["22401", "应急管理事务", "1,299.02"],
        ["2240101", "行政运行", "1,299.02"],
        ["22405", "地震事务", "153.64"],
        ["2240501", "行政运行", "153.64"],
    ]
    narrative = [
        "五、财政拨款支出预算情况说明",
        "（一）灾害防治及应急管理支出（类）",
        "1．行政运行（项）支出{x}万元，主要用于机关运行。",
    ]

    def findings(x: str) -> list[tuple[str, str]]:
        path = _pair(tmp_path, [t.format(x=x) for t in narrative], ["财政拨款支出预算表", "单位：万元", (rows, [])])
        return [(f.rule, f.severity) for f in analyze_file(path).findings if f.rule == "template.narrative-vs-table"]

    assert findings("153.64") == []
    assert findings("173.64") == [("template.narrative-vs-table", "info")]


def test_a_final_account_item_named_in_quotes_is_its_own_row(tmp_path: Path) -> None:
    """ "2.公共安全支出（类）检察（款）“两房”建设（项）。…支出决算为286.40万元": the item heading holds quotes, and the figure
    is compared with the row “两房”建设, not with the item before it (adv44 c16)."""
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "412.70", "126.30", "286.40"],
        ["204", "公共安全支出", "412.70", "126.30", "286.40"],
        ["20404", "检察", "412.70", "126.30", "286.40"],
        ["2040402", "一般行政管理事务", "126.30", "126.30", ""],
        ["2040499", "“两房”建设", "286.40", "", "286.40"],
    ]

    def doc(x: str, rate: str) -> Path:
        return write_docx(
            tmp_path / "测试检察院2025年度部门决算.docx",
            [
                "测试检察院2025年度部门决算",
                "第三部分 2025年度部门决算情况说明",
                "五、一般公共预算财政拨款支出决算情况说明",
                "（三）一般公共预算财政拨款支出决算具体情况",
                "1.公共安全支出（类）检察（款）一般行政管理事务（项）。年初预算为130.00万元，支出决算为126.30万元，"
                "完成年初预算的97.15%。",
                f"2.公共安全支出（类）检察（款）“两房”建设（项）。年初预算为300.00万元，支出决算为{x}万元，"
                f"完成年初预算的{rate}%。",
                "一般公共预算财政拨款支出决算表",
                "单位：万元",
                (rows, []),
            ],
        )

    assert _errors(doc("286.40", "95.47")) == []
    assert ("template.narrative-vs-table", "268.40") in _errors(doc("268.40", "89.47"))


def test_a_share_of_a_list_s_head_printed_in_the_paragraph_before(tmp_path: Path) -> None:
    """ "…财政拨款基本支出预算6576.95万元，其中：" / "（一）人员经费5440.36万元，占基本支出的82.72%。" as paragraphs of their own:
    the list runs over paragraphs and its head is the whole, not the department's 基本支出 of all funds (adv44 c06)."""

    def shares(share: str) -> list[tuple[str, str]]:
        path = write_docx(
            tmp_path / "测试检察院2026年度部门预算.docx",
            [
                "测试检察院2026年度部门预算公开",
                "三、支出预算情况说明",
                "市检察院本年支出预算合计9226.05万元，其中：基本支出6589.55万元，占71.42%；项目支出2216.50万元，占24.02%；"
                "单位预留机动经费420.00万元，占4.55%。",
                "六、财政拨款基本支出预算情况说明",
                "市检察院2026年度财政拨款基本支出预算6576.95万元，其中：",
                f"（一）人员经费5440.36万元，占基本支出的{share}%。主要包括：基本工资、津贴补贴、奖金。",
                "（二）公用经费1136.59万元，占基本支出的17.28%。主要包括：办公费、印刷费。",
            ],
        )
        return [(f.rule, str(f.stated_value)) for f in analyze_file(path).findings if f.severity == "error"]

    assert shares("82.72") == []
    assert shares("82.00") == [("share.stated-vs-computed", "82.00")]


def test_a_bare_percent_column_under_a_growth_group_is_checked(tmp_path: Path) -> None:
    """2025年预算数 | 2026年预算数 › 小计 … | 2026年预算数比2025年预算数增减 › 增减额 | 增减%: the 增减% is (小计 − 2025年) ÷
    2025年 (adv44 P6, adv43 P5)."""
    rows = [
        ["科目编码", "科目名称", "2025年预算数", "2026年预算数", "", "", "2026年预算数比2025年预算数增减", ""],
        ["", "", "", "小计", "基本支出", "项目支出", "增减额", "增减%"],
        ["2010301", "行政运行", "400.00", "420.00", "420.00", "", "20.00", "5.00"],
        ["2010306", "政务公开审批", "88.00", "96.00", "", "96.00", "8.00", "{p}"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 5), (0, 6, 0, 7)]

    def growth(p: str) -> list[tuple[str, str]]:
        table = ([[x.format(p=p) for x in r] for r in rows], merges)
        path = write_docx(
            tmp_path / "测试办2026年部门预算.docx", ["测试办2026年部门预算", "一般公共预算支出表", "单位：万元", table]
        )
        return [
            (f.rule, str(f.stated_value)) for f in analyze_file(path).findings if f.rule.startswith("percent_column")
        ]

    assert growth("9.09") == []
    assert growth("10.09") == [("percent_column.growth", "10.09")]  # (96.00 − 88.00) ÷ 88.00 = 9.09%


def test_the_general_budget_s_share_of_fiscal_spending_is_read_in_its_own_column(tmp_path: Path) -> None:
    """ "财政拨款支出预算中，一般公共预算拨款支出预算4,628.48万元…；政府性基金拨款支出预算240.00万元": the 一般公共预算
    column of the 财政拨款收支预算总表's 支出总计, not its 合计, which holds the 政府性基金 too (adv45)."""
    rows = [
        ["收入", "", "支出", "", "", ""],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金"],
        [
            "一、一般公共预算",
            "46,284,822.00",
            "一、文化旅游体育与传媒支出",
            "48,684,822.00",
            "46,284,822.00",
            "2,400,000.00",
        ],
        ["二、政府性基金", "2,400,000.00", "", "", "", ""],
        ["收入总计", "48,684,822.00", "支出总计", "48,684,822.00", "46,284,822.00", "2,400,000.00"],
    ]

    def errors(gp: str, gf: str = "240.00") -> list[tuple[str, str]]:
        path = write_docx(
            tmp_path / "测试局2025年部门预算.docx",
            [
                "测试局2025年部门预算",
                "2025年部门预算编制说明",
                f"财政拨款支出预算中，一般公共预算拨款支出预算{gp}万元；政府性基金拨款支出预算{gf}万元。",
                "部门财政拨款收支预算总表",
                "单位：元",
                (rows, [(0, 0, 0, 1), (0, 2, 0, 5)]),
            ],
        )
        return [
            (f.rule, str(f.stated_value))
            for f in analyze_file(path).findings
            if f.rule == "template.narrative-vs-table"
        ]

    assert errors("4,628.48") == []
    assert errors("4,868.48") == [("template.narrative-vs-table", "4868.48")]
    assert errors("4,628.48", "250.00") == [("template.narrative-vs-table", "250.00")]  # its own column too (adv47)


def test_a_heading_run_into_its_body_text_is_no_gap_in_the_numbering(tmp_path: Path) -> None:
    """ "四、实施方案按照“按需配送、菜单选择”的方式，…。" — a heading a PDF joined to the sentence after it, too long to be
    read as a heading — still stands between 三、 and 五、 (adv45)."""
    path = write_docx(
        tmp_path / "测试局2025年部门预算.docx",
        [
            "测试局2025年部门预算",
            "公共文化服务配送经费情况说明",
            "一、项目概况",
            "本项目为公共文化服务配送。",
            "二、立项依据",
            "依据区政府相关文件。",
            "三、实施主体",
            "区文化馆。",
            "四、实施方案按照“按需配送、菜单选择”的方式，由各街镇提出需求，区文化馆统一组织配送，确保服务覆盖全区各社区。",
            "五、实施周期",
            "2025年全年。",
        ],
    )
    assert [f.rule for f in analyze_file(path).findings if f.rule.startswith("numbering")] == []
