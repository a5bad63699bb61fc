"""One 项目支出绩效自评表 per project: each table's figures are its own project's (the table's 项目名称), so two
projects' tables are never one figure; a ≤ target is a ceiling, not the budget."""

from __future__ import annotations

from pathlib import Path

from docx_builders import write_docx

from extractors.identity import DIFFERENT, SAME, Ambiguity, relation
from extractors.model import Identity
from extractors.registry import read_document
from extractors.tablefacts import extract_facts, named_project
from pipeline.analyze import analyze_file


def score_table(project: str, budget: str, spent: str, rate: str, score: str) -> tuple[list[list[str]], list]:
    rows = [
        ["项目名称", project, "", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
        ["", "年度资金总额", budget, budget, spent, rate, score],
        ["", "其中：当年财政拨款", budget, budget, spent, "—", "—"],
    ]
    return rows, [(0, 1, 0, 6)]


def errors(path: Path) -> list[tuple[str, str]]:
    return [(f.rule, f.location) for f in analyze_file(path).findings if f.severity != "info"]


def test_two_projects_tables_are_two_figures(tmp_path: Path) -> None:
    blocks = [
        "安平县农业农村局2024年度项目支出绩效自评报告",
        "1.耕地地力保护补贴项目",
        "项目支出绩效自评表",
        score_table("耕地地力保护补贴项目", "2356.80", "2356.80", "100.00%", "10.00"),
        "2.农村人居环境整治提升项目",
        "项目支出绩效自评表",
        score_table("农村人居环境整治提升项目", "420.00", "398.62", "94.91%", "9.49"),
    ]
    assert errors(write_docx(tmp_path / "r.docx", blocks)) == []


def test_a_tables_project_is_its_figures_item(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "r.docx", [score_table("农村人居环境整治提升项目", "420.00", "398.62", "94.91%", "9.49")]
    )
    doc = read_document(path, "0" * 64)
    facts = extract_facts(doc)
    assert named_project(doc.tables()[0]) == "农村人居环境整治提升项目"
    assert {f.identity.item for f in facts} == {"农村人居环境整治提升项目"}
    # a header row that names columns names no project
    header = write_docx(
        tmp_path / "h.docx", [([["项目名称", "预算数", "执行数"], ["乡村道路养护", "100.00", "90.00"]], [])]
    )
    assert named_project(read_document(header, "0" * 64).tables()[0]) == ""


def test_a_project_heading_and_its_tables_project_are_one_item() -> None:
    heading = Identity(period="2024", item="乡村道路养护项目")
    assert relation(heading, Identity(period="2024", item="乡村道路养护"), Ambiguity(frozenset())) == SAME
    assert relation(heading, Identity(period="2024", item="农村饮水安全项目"), Ambiguity(frozenset())) == DIFFERENT
    # one name inside another is another project
    assert relation(heading, Identity(period="2024", item="城区乡村道路养护项目"), Ambiguity(frozenset())) == DIFFERENT


def test_a_ceiling_target_is_not_the_budget(tmp_path: Path) -> None:
    blocks = [
        "青溪镇2024年度部门整体支出绩效自评报告",
        "附件1 部门整体支出绩效评价基础数据表",
        (
            [
                ["经费控制情况（万元）", "2023年决算数", "2024年预算数", "2024年决算数"],
                ["项目支出：", "702.15", "820.60", "787.68"],
            ],
            [],
        ),
        "附件2 部门整体支出绩效自评表 （2024年度）",
        (
            [
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                ["产出指标", "成本指标", "项目支出", "≤800万元", "787.68万元", "4", "4"],
            ],
            [],
        ),
    ]
    assert errors(write_docx(tmp_path / "r.docx", blocks)) == []
