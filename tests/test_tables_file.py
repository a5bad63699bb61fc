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
