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


def test_the_three_kinds_of_transfer_name_every_part(tmp_path: Path) -> None:
    # 税收返还 (= 返还性), 一般性转移支付 and 专项转移支付 are the whole classification (extractors/data/partitions.csv)
    body = "2025年上级对我市一般公共预算转移支付277.9亿元。其中：税收返还9.9亿元，一般性转移支付193.3亿元，专项转移支付{s}亿元。\n"
    assert _sums(tmp_path, body.format(s="74.7")) == []
    assert _sums(tmp_path, body.format(s="68.7")) == [("sum.enumeration", "error", "277.9", "271.9")]
