"""Lists over paragraphs: a figure that opens a list (…万元，其中：) and the numbered paragraphs after it, one part
each (extractors.paragraph_lists, checked by sum.enumeration)."""

from __future__ import annotations

from pathlib import Path

from test_identity import scan_text

HEAD = "某地区2025年度财政决算报告\n五、转移支付执行情况说明\n"


def _sums(tmp_path: Path, body: str):
    _, found = scan_text(tmp_path, HEAD + body + "\n", kind="政府决算")
    return [
        (f.rule, f.severity, str(f.stated_value), str(f.expected_value)) for f in found if f.rule.startswith("sum.")
    ]


TRANSFERS = (
    "一般性转移支付支出354513万元，其中：\n"
    "1.体制补助支出142984万元；\n"
    "2.均衡性转移支付支出{second}万元；\n"
    "3.其他一般性转移支付支出28246万元。\n"
    "三、专项转移支付支出\n"
)


def test_parts_over_paragraphs_that_add_up_are_no_finding(tmp_path: Path) -> None:
    assert _sums(tmp_path, TRANSFERS.format(second="183283")) == []


def test_a_complete_list_over_paragraphs_that_does_not_add_up_is_an_error(tmp_path: Path) -> None:
    # the last part is the 其他 catch-all: the list names every part, so a shortfall is certain
    assert _sums(tmp_path, TRANSFERS.format(second="42972")) == [
        ("sum.enumeration", "error", "354513", "214202"),
    ]


def test_a_list_whose_last_part_does_not_close_it_is_only_an_info(tmp_path: Path) -> None:
    body = "专项转移补助支出185339万元，其中：\n1.一般公共服务3024万元；\n2.教育4500万元；\n3.科学技术28万元；\n第二部分：决算表\n"
    assert _sums(tmp_path, body) == [("sum.enumeration-partial", "info", "185339", "7552")]


DEEPER = (
    "保基本民生支出1000万元，其中：\n"
    "（1）市本级预算安排{first}万元。\n"
    "——养老保险缴费补贴200万元，医疗救助100万元；\n"
    "①退休人员补贴50万元；\n"
    "（2）提前下达专项补助资金700万元。\n"
    "2.保工资支出125万元。\n"
)


def test_deeper_items_and_dashes_between_parts_are_passed_over(tmp_path: Path) -> None:
    assert _sums(tmp_path, DEEPER.format(first="300")) == []
    # parts above their total contradict it, whether or not the list names every part
    assert _sums(tmp_path, DEEPER.format(first="400")) == [("sum.enumeration", "error", "1000", "1100")]


def test_a_list_is_read_only_where_its_figure_opens_it(tmp_path: Path) -> None:
    # 具体情况如下： after three figures breaks down none of them; the numbered paragraphs restate each
    body = (
        "“三公”经费预算支出中，因公出国（境）费支出106万元；公务用车购置及运行维护费支出156.6万元；"
        "公务接待费支出397.5万元。具体情况如下：\n"
        "1.因公出国（境）费预算支出106万元，与上年数一致。\n"
        "2.公务用车购置及运行维护费预算支出156.6万元，其中：\n"
        "（1）公务用车购置费0万元，与上年数一致。\n"
        "（2）公务用车运行维护费156.6万元，与上年数一致。\n"
        "3.公务接待费预算支出397.5万元，比上年预算减少15万元。\n"
    )
    assert _sums(tmp_path, body) == []


def test_no_list_where_a_numbered_paragraph_has_no_figure_of_its_own(tmp_path: Path) -> None:
    body = "返还性支出21951万元，其中：\n1.所得税基数返还支出1762万元；\n2.增值税税收返还支出按规定执行；\n3.其他返还性支出1330万元。\n"
    assert _sums(tmp_path, body) == []


def test_no_list_where_a_numbered_paragraph_prints_two_levels(tmp_path: Path) -> None:
    # 限额 and 余额 in each item: which one is the part of 政府债务余额 the list does not say
    body = "截至2025年末，全市政府债务余额320亿元，其中：\n1.一般债务限额130亿元，余额120亿元。\n2.专项债务限额215亿元，余额200亿元。\n"
    assert _sums(tmp_path, body) == []


def test_parts_named_like_a_partition_under_a_wider_total_are_no_complete_list(tmp_path: Path) -> None:
    body = (
        "全年争取上级资金180亿元，其中：一般性转移支付120亿元、专项转移支付15亿元、税收返还10亿元，"
        "另争取新增政府债券资金35亿元。\n"
    )
    assert [s for s in _sums(tmp_path, body) if s[1] != "info"] == []


LINES = (
    "江苏省某某厅本年收入预算合计21,880万元，其中：\n"
    "一般公共预算收入21,020万元，占96.07%；\n"
    "政府性基金预算收入0万元，占0%；\n"
    "其他资金{other}万元，占{share}%；\n"
    "上年结转资金0万元，占0%。\n"
    "三、支出预算情况说明\n"
)


def _alarms(tmp_path: Path, body: str):
    _, found = scan_text(tmp_path, "江苏省某某厅2021年度部门预算\n二、收入预算情况说明\n" + body, kind="部门预算")
    return [(f.rule, f.severity, str(f.stated_value), str(f.expected_value)) for f in found if f.severity != "info"]


def test_a_list_printed_one_line_a_paragraph_is_one_list_and_its_shares_are_of_its_total(tmp_path: Path) -> None:
    # a PDF prints each line of "合计…，其中：A…；B…；C…。" as a paragraph of its own
    assert _alarms(tmp_path, LINES.format(other="860", share="3.93")) == []
    assert _alarms(tmp_path, LINES.format(other="860", share="3.39")) == [
        ("share.stated-vs-computed", "error", "3.39", "3.93")
    ]
    assert _alarms(tmp_path, LINES.format(other="680", share="3.11")) == [
        ("sum.enumeration", "error", "21880", "21700")  # 其他资金: the list names every part
    ]


def test_lines_that_do_not_close_the_list_are_no_list(tmp_path: Path) -> None:
    body = LINES.format(other="680", share="3.11").replace("上年结转资金0万元，占0%。\n", "上年结转资金0万元，占0%；\n")
    assert [a for a in _alarms(tmp_path, body) if a[0].startswith("sum.")] == []


def test_a_list_whose_numbering_resumes_after_a_note_is_not_read_as_complete(tmp_path: Path) -> None:
    # the note cuts 1. 2. from 3.: the parts read before it are not all the list's (基本支出 + 项目支出 is a partition)
    body = (
        "本年支出预算合计13,377.11万元，其中：\n1.基本支出6,522.75万元。\n2.项目支出4,968.34万元。\n"
        "项目支出主要用于文史研究和馆员联络服务等。\n3.单位预留机动经费1,886.02万元。\n"
    )
    assert _sums(tmp_path, body) == []


def test_an_other_part_before_the_last_does_not_close_a_numbered_list(tmp_path: Path) -> None:
    # 2.其他刚性支出 is no catch-all where 3. follows, past a note that cut the list
    body = (
        "一般公共预算总支出420,499.08万元，其中：\n1.保基本民生支出119,674.4万元。\n2.其他刚性支出43,435.19万元。\n"
        "以上支出均为市本级财力安排。\n3.特定目标类项目安排257,389.49万元。\n"
    )
    assert _sums(tmp_path, body) == []
