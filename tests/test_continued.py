"""A table continued under its own 续表 caption in a Word, HTML or text report is one table."""

from pathlib import Path

from extractors.claims import extract_claims
from extractors.model import Table
from extractors.registry import read_document
from extractors.tablefacts import extract_facts
from pipeline.checks import run_checks

HEAD = (
    "关于某市2024年预算执行情况和2025年预算草案的报告\n表2  2024年市级一般公共预算支出执行情况表\n单位：万元\n"
    "科目编码\t科目名称\t执行数\n\t合计\t1,000\n201\t一般公共服务支出\t300\n205\t教育支出\t200\n"
    "20501\t教育管理事务\t50\n20502\t普通教育\t150\n208\t社会保障和就业支出\t500\n20801\t人力资源和社会保障管理事务\t100\n\n"
)


def tables_and_alarms(tmp_path: Path, text: str) -> tuple[list[Table], list[str]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    found = run_checks(extract_claims(doc), extract_facts(doc), [], doc=doc, kind="预算执行情况和预算草案的报告")
    return doc.tables(), [f.rule for f in found if f.severity != "info"]


def test_a_continuation_under_its_caption_is_joined_and_its_repeated_header_dropped(tmp_path: Path) -> None:
    for caption in ("续表", "表2（续）", "2024年市级一般公共预算支出执行情况表（续表）"):
        text = (
            HEAD
            + f"{caption}\n单位：万元\n科目编码\t科目名称\t执行数\n20802\t民政管理事务\t100\n20805\t行政事业单位养老支出\t300\n"
        )
        tables, alarms = tables_and_alarms(tmp_path, text)
        assert len(tables) == 1 and tables[0].n_rows == 10, caption
        assert alarms == []  # 208 = 100 + 100 + 300 once the continuation's rows are its


def test_a_table_of_other_columns_or_without_the_caption_stays_apart(tmp_path: Path) -> None:
    other = HEAD + "续表\n科目编码\t科目名称\t预算数\t执行数\n20802\t民政管理事务\t90\t100\n"
    assert len(tables_and_alarms(tmp_path, other)[0]) == 2  # the header names other columns
    plain = HEAD + "表3  2024年市级政府性基金预算支出执行情况表\n科目编码\t科目名称\t执行数\n212\t城乡社区支出\t80\n"
    assert len(tables_and_alarms(tmp_path, plain)[0]) == 2


def test_a_continuation_left_apart_leaves_the_totals_it_may_hold_parts_of_unsettled(tmp_path: Path) -> None:
    # the 续表 names other columns, so it is not joined; 208 = 100 (20801) + 100 (20802, in the 续表) + 300 + …
    other = HEAD + "续表\n科目编码\t科目名称\t预算数\t执行数\n20802\t民政管理事务\t90\t100\n"
    tables, alarms = tables_and_alarms(tmp_path, other)
    assert [(t.continued_in_next, t.continues_previous) for t in tables] == [(True, False), (False, True)]
    assert alarms == []
