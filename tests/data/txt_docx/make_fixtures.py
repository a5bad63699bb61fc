"""Write the plain-text fixtures of tests/test_read_txt.py (run once; the outputs are committed).

Run: python tests/data/txt_docx/make_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# GBK bytes, CRLF line ends, a table pasted from Excel (one row per line, tab-separated cells)
GBK_TABROWS = (
    "2024年部门预算公开说明\r\n"
    "一、收支预算总体情况\r\n"
    "本部门2024年收入预算合计1,234.56万元。\r\n"
    "收入支出预算总表\r\n"
    "单位：万元\r\n"
    "项目\t本年预算数\t上年预算数\r\n"
    "一般公共预算拨款收入\t1,200.00\t1,100.50\r\n"
    "其他收入\t34.56\t\r\n"
    "合计\t1,234.56\t1,100.50\r\n"
    "\r\n"
    "二、其他说明\r\n"
)

# what pdftotext writes: pages ended by form feeds; a seed-layout table crossing the page break
FORMFEED = (
    "第一页的正文，收入合计100万元。\n"
    "表1 支出明细表\n"
    "（单位：元）\n"
    "\t科目编码\n\t科目名称\n\t金额\n\n"
    "\t2010101\n\t行政运行\n\t80.00\n\n"
    "\f"
    "\t2010102\n\t一般行政管理\n事务\n\t20.00\n\n"
    "第二页的正文。\n"
    "\f"
    "第三页只有一句话。\n"
    "\f"
)


def main() -> None:
    (HERE / "gbk_tabrows.txt").write_bytes(GBK_TABROWS.encode("gbk"))
    (HERE / "formfeed_pdftotext.txt").write_bytes(FORMFEED.encode("utf-8"))
    (HERE / "utf8_bom.txt").write_bytes("\ufeff标题\n\t名称\n\t数值\n\n\t甲\n\t\t1.5\n\n".encode())


if __name__ == "__main__":
    main()
