"""The report kind of every file of corpus/, ../shared/realdocs and ../shared/realdocs-wide."""

from __future__ import annotations

import pytest
from conftest import CORPUS, REALDOCS, REALDOCS_WIDE

from extractors.model import Document, Paragraph, Provenance, ReadError
from extractors.registry import read_document
from extractors.report_kind import KINDS, OTHER, classify

EXPECTED = {
    "beishan-2023": "部门整体支出绩效自评报告",
    "附件2：部门决算模板": "部门决算",
    "上海市普陀区财政局2024年度部门决算": "部门决算",
    "上海市普陀区规划和自然资源局 2024 年度部门决算": "部门决算",
    "中共上海市普陀区委社会工作部 2024 年度部门决算": "部门决算",
    "上海市普陀区人民政府万里街道办事处24年预算": "部门预算",
    "上海市普陀区商务委员会25年预算": "部门预算",
    "上海市普陀区社会福利院2024年单位预算": "单位预算",
    "江苏省人大常委会2019年度部门预算公开": "部门预算",
    "江苏省人民检察院2018年部门预算公开": "部门预算",
    "江苏省委办公厅2018年度部门预算公开文件": "部门预算",
    "江苏省委办公厅2018年度部门预算公开表": "部门预算",
    "江苏省政协办公厅2018年度部门预算": "部门预算",
    "江苏省政协办公厅2019年度部门预算": "部门预算",
    "江苏省政协办公厅2019年预算公开表": "部门预算",
    "江苏省高级人民法院2019年度部门预算公开": "部门预算",
    "chongqing_2025_budget_report": "预算执行情况和预算草案的报告",
    "guyuan_2025_budget_report": "预算执行情况和预算草案的报告",
    "huainan_2025_budget_execution_report": "预算执行情况和预算草案的报告",
    "kaifeng_2019_budget_report": "预算执行情况和预算草案的报告",
    "luoyang_2025_budget_report": "预算执行情况和预算草案的报告",
    "qingdao_2025_budget_report": "预算执行情况和预算草案的报告",
    "tianjin_2025_budget_report": "预算执行情况和预算草案的报告",
    "ningxia_2023": "政府决算",
    "jilin_2023": "地方政府债务表",
    "hotan_2025_final_budget_decision": "政府决算",  # 2025年度和田地区政府决算公开 (a .doc saved by WPS)
    "lijiang_2025_budget_attachment": "预算执行情况和预算草案的报告",  # the workbook of its tables
}


def _files() -> list:
    out = sorted(CORPUS.iterdir())
    for folder in (REALDOCS, REALDOCS_WIDE):
        if folder.is_dir():
            out += sorted(p for p in folder.iterdir() if p.suffix != ".md")
    return out


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_report_has_its_kind(path) -> None:
    if path.stem == "shijiazhuang_2025_budget_report":
        with pytest.raises(ReadError):  # the truncated PDF cannot be read: no kind (documents.csv: empty)
            read_document(path)
        return
    try:
        doc = read_document(path)
    except ReadError as e:
        if e.reason == "unsupported":
            pytest.skip(f"{path.name}: no reader for its format yet ({e.message})")
        raise
    assert path.stem in EXPECTED, f"add {path.stem} to EXPECTED"
    assert classify(doc) == EXPECTED[path.stem]


def test_a_document_without_any_cue_is_other() -> None:
    doc = Document(path="x.txt", sha256="0", format="txt")
    doc.blocks = [Paragraph("一些与预算无关的文字。", Provenance("0", block=0, paragraph=0))]
    assert classify(doc) == OTHER and OTHER in KINDS


def test_a_workbook_of_score_sheets_is_told_by_its_table_titles() -> None:
    """The seed's tables alone (附件3 基础数据表, 附件4 部门整体支出绩效自评表 as .xlsx): no title line, but the
    table titles say the kind, so the score-sheet rules run on it."""
    from conftest import ROOT

    assert (
        classify(read_document(ROOT / "tests" / "data" / "formats" / "beishan-2023.xlsx")) == "部门整体支出绩效自评报告"
    )
    doc = Document(path="x.txt", sha256="0", format="txt")
    doc.blocks = [Paragraph("附表：2024年度项目支出绩效自评表", Provenance("0", block=0, paragraph=0))]
    doc.blocks.insert(0, Paragraph("目录", Provenance("0", block=0, paragraph=0)))
    assert classify(doc) == "项目支出绩效自评表"


def _doc(*lines: str) -> Document:
    doc = Document(path="x.txt", sha256="0", format="txt")
    doc.blocks = [Paragraph(t, Provenance("0", block=0, paragraph=i)) for i, t in enumerate(lines)]
    return doc


@pytest.mark.parametrize(
    "lines",
    [
        # a title followed by its dateline or its first heading: the title still ends its own line
        ("关于某市2023年财政决算的报告", "——2024年8月27日在某市第五届人民代表大会常务委员会第二十次会议上"),
        ("关于某市2023年财政决算的报告", "一、2023年财政决算情况"),
        # a prefecture's tables: 全州, 地区本级
        ("某自治州2023年财政决算", "全州一般公共预算收入决算数125.68亿元。"),
        ("目录", "表1 2023年全州一般公共预算收入决算表", "表2 2023年地区本级一般公共预算支出决算表"),
        # 决算（草案）with full-width brackets, a 县级/区级 决算, a 决算草案
        ("关于黔西市2023年财政决算（草案）的报告", "——2024年9月26日在黔西市第二届人民代表大会第七次会议上"),
        ("关于某市2023年财政决算（草案）的报告——2024年9月26日在某市人民代表大会常务委员会会议上",),
        ("关于东丽区2023年区级决算的报告", "——2024年7月在天津市东丽区第十八届人民代表大会常务委员会第十九次会议上"),
        ("某县人民政府关于2023年县级决算的报告", "县人大常委会："),
        ("关于某县2023年决算草案的报告", "一、2023年一般公共预算决算情况"),
    ],
)
def test_a_final_account_is_told_by_its_title_line_or_its_prefectures_table_titles(lines) -> None:
    assert classify(_doc(*lines)) == "政府决算"


@pytest.mark.parametrize(
    "title",
    [
        "某县2024年地方政府债务发行及还本付息情况表",
        "洛阳市2024年地方政府债务限额及余额情况",
        "哈密市2024年新增专项债券资金安排使用情况",
    ],
)
def test_a_debt_table_is_told_by_its_title(title) -> None:
    assert classify(_doc(title, "单位：万元")) == "地方政府债务表"


def test_a_first_heading_on_a_final_account_does_not_make_a_report_of_another_kind() -> None:
    assert classify(_doc("某局2023年度部门决算", "一、2023年财政决算情况")) == "部门决算"
    assert classify(_doc("2023年区级部门预算", "预算主管部门：某区卫生健康委员会")) == "部门预算"


@pytest.mark.parametrize(
    "title",
    [
        "沂水县市场监督管理局2023年度部门整体绩效自评报告",  # Shandong leaves out 支出
        "衡阳县农业农村局2023年度部门整体支出绩效自评报告",
    ],
)
def test_a_department_s_self_evaluation_with_or_without_spending_in_its_title(title) -> None:
    """部门整体绩效自评报告 is the 部门整体支出绩效自评报告 as some provinces title it (adv173): not `other`, which would cap
    every finding at a warning."""
    assert classify(_doc(title)) == "部门整体支出绩效自评报告"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("山东省2025年社会保险基金预算情况的报告", "预算执行情况和预算草案的报告"),
        ("关于某区2024年国有资本经营预算执行情况的报告", "预算执行情况和预算草案的报告"),
        ("甘肃省2025年新增专项债券项目信息公开", "地方政府债务表"),
        ("2025年某省政府专项债券（十二期）新增项目信息公开", "地方政府债务表"),
    ],
)
def test_a_fund_s_own_budget_report_and_a_bond_projects_disclosure(title, kind) -> None:
    """A 社会保险基金/国有资本经营 预算情况的报告 is a government budget report of one fund, and a 新增专项债券项目信息公开 a
    debt disclosure (adv240, adv248: read as `other`, every finding capped at a warning)."""
    assert classify(_doc(title, "单位：亿元")) == kind


def test_a_budget_draft_of_tables_alone_is_a_government_report(tmp_path) -> None:
    """ "中宁县2025年预算草案" over tables only (a debt table last): the draft budget, not a 地方政府债务表 (adv278)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "中宁县2025年预算草案\n\n表一 中宁县2025年一般公共预算收入预算表\n单位：万元\n项目\t预算数\n税收收入\t24907\n"
        "表五 中宁县地方政府债务限额及余额情况表\n单位：万元\n项目\t金额\n债务限额\t100000\n",
        encoding="utf-8",
    )
    assert classify(read_document(str(path))) == "预算执行情况和预算草案的报告"


def test_a_funds_performance_report_without_evaluation_in_its_title(tmp_path) -> None:
    """ "云江市2024年民生实事项目资金绩效报告": a performance report of funds, not of unknown kind (adv292)."""
    path = tmp_path / "a.txt"
    path.write_text(
        "云江市2024年民生实事项目资金绩效报告\n一、项目资金安排情况\n该项目安排资金1200.00万元。\n", encoding="utf-8"
    )
    assert classify(read_document(str(path))) == "财政支出绩效评价报告"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("川东市农业农村局2024年度部门整体支出绩效目标自评表", "部门整体支出绩效自评报告"),
        ("2024年度项目支出绩效目标自评表", "项目支出绩效自评表"),
    ],
)
def test_a_self_evaluation_of_performance_targets(title, kind) -> None:
    """ "…部门整体支出绩效目标自评表" (Sichuan's standard title, 目标 before 自评): a self-evaluation (adv303: `other`, its
    score sheet's rules left out)."""
    assert classify(_doc(title)) == kind
