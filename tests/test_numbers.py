"""Numbers and quantities: examples from the reports, properties, and a fuzz test."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numbers import chinese_value, find_quantities, parse_decimal, parse_quantity
from extractors.units import unit_info

COUNT_UNITS = ["人", "人次", "户", "件", "次", "起", "家", "座", "株", "名", "个", "场次", "所", "艘", "具", "排"]
ALL_UNITS = COUNT_UNITS + ["元", "万元", "亿元", "亩", "万亩", "平方米", "公顷", "吨", "公里", "米", "%", "个百分点"]


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    (start, end), q = found[0]
    assert text[start:end] == q.text
    return q


# ------------------------------------------------------------------ examples


@pytest.mark.parametrize(
    ("text", "value", "unit", "base", "decimals"),
    [
        ("合计3619.44万元", "3619.44", "万元", "36194400", 2),
        ("基本支出2998.29万元", "2998.29", "万元", "29982900", 2),
        ("面积0.6万亩", "0.6", "万亩", "6000", 1),
        ("预算为1,234.56万元", "1234.56", "万元", "12345600", 2),
        ("２，９９８．２９％", "2998.29", "%", "2998.29", 2),
        ("人均救助1106.5元", "1106.5", "元", "1106.5", 1),
        ("编制人数114人", "114", "人", "114", 0),
        ("3.5万", "3.5", "万", "35000", 1),
        ("两千人", "2000", "人", "2000", 0),
        ("一百二十三件", "123", "件", "123", 0),
        ("三千五百万元", "3500", "万元", "35000000", 0),
        ("1.2亿元", "1.2", "亿元", "120000000", 1),
        ("预计投资3亿元", "3", "亿元", "300000000", 0),
        ("百分之十", "10", "%", "10", 0),
        ("百分之百", "100", "%", "100", 0),
        ("百分之八十五", "85", "%", "85", 0),
        ("千分之三", "3", "‰", "0.3", 0),
        ("5‰", "5", "‰", "0.5", 0),
        ("增长2.5个百分点", "2.5", "个百分点", "2.5", 1),
        ("下降一个百分点", "1", "个百分点", "1", 0),
        ("下降-3.2%", "-3.2", "%", "-3.2", 1),
        ("清理建筑和生活垃圾79吨", "79", "吨", "79000", 0),
        ("拆除违法建筑179平方米", "179", "平方米", "179", 0),
        ("道路硬化共1.3公里", "1.3", "公里", "1300", 1),
        ("纠正32起次违规垂钓行为", "32", "起次", "32", 0),
        ("成功22 起", "22", "起", "22", 0),
        ("得分9.97分", "9.97", "分", "9.97", 2),
    ],
)
def test_examples(text: str, value: str, unit: str, base: str, decimals: int) -> None:
    q = one(text)
    assert (q.value, q.unit, q.base_value, q.decimals) == (Decimal(value), unit, Decimal(base), decimals)


@pytest.mark.parametrize(
    ("text", "approx", "value", "unit"),
    [
        ("走访10000余户", "more-than", "10000", "户"),
        ("开展社会实践近300次", "near", "300", "次"),
        ("≥10万元", "at-least", "10", "万元"),
        ("≤5万元", "at-most", "5", "万元"),
        ("储备3名以上", "at-least", "3", "名"),
        ("8.5万余株", "more-than", "8.5", "万株"),
        ("使用内资9000余万元", "more-than", "9000", "万元"),
        ("吸纳200余名群众", "more-than", "200", "名"),
        ("20多人", "more-than", "20", "人"),
        ("约50万元", "near", "50", "万元"),
        ("超过100户", "more-than", "100", "户"),
        ("不足5人", "less-than", "5", "人"),
        ("控制在10万元以内", "at-most", "10", "万元"),
        ("100人左右", "near", "100", "人"),
        ("节约300元", "exact", "300", "元"),
        ("最近3次", "exact", "3", "次"),
    ],
)
def test_qualifiers(text: str, approx: str, value: str, unit: str) -> None:
    q = one(text)
    assert (q.approx, q.value, q.unit) == (approx, Decimal(value), unit)


@pytest.mark.parametrize("text", ["每位邻长联系5-15户", "5至15户", "5～15户", "5~15户", "5到15户"])
def test_ranges(text: str) -> None:
    q = one(text)
    assert (q.value, q.high, q.unit) == (Decimal(5), Decimal(15), "户")


def test_percent_range() -> None:
    q = one("增长5%-10%")
    assert (q.value, q.high, q.unit) == (Decimal(5), Decimal(10), "%")


@pytest.mark.parametrize(
    "text",
    [
        "2023年",
        "2024年5月28日",
        "1-11月",
        "1-11 月受理",
        "预算编制时间一般为10-11月",
        "截至11月份",
        "隆政发〔2023〕5号",
        "一、部门基本情况",
        "（二）部门整体支出情况",
        "(1)宣传和贯彻",
        "1.机构设置情况",
        "4、 部门整体支出绩效情况",
        "4.2023年的重点工作",
        "第一名",
        "第3次",
        "党的二十大精神",
        "十六字方针",
        "片组邻“三长制”工作",
        "认真落实“一件事一次办”",
        "开展“一月一课一片一实践”活动",
        "“12345”政务服务热线",
        "利用春节、五一等节假日",
        "实现所有干部都有一名导师结对帮带",
        "申报一批县级合作示范社",
        "示范千亩片",
        "联系电话：0739-7123456",
        "坚决做到两个维护",
        "中央八项规定精神",
        "1,2,3件",
        "..5元",
        "82..84%",
        "G207国道",
        "本工程为二类高层建筑",
        "十分重视零件管理",
        "千家万户",
        "“十四五”期间",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_sentence_spans_point_at_the_original_text() -> None:
    text = "2023年支出合计3619.44万元，其中：基本支出2998.29万元，占82.84%；项目支出621.15万元，占17.16%。"
    found = find_quantities(text)
    assert [text[s:e] for (s, e), _ in found] == ["3619.44万元", "2998.29万元", "82.84%", "621.15万元", "17.16%"]


def test_several_units_in_a_row() -> None:
    found = find_quantities("改善脱贫（监测）户157户494人的安全出行条件，新增低保28户47人")
    assert [(q.value, q.unit) for _, q in found] == [(157, "户"), (494, "人"), (28, "户"), (47, "人")]


# ------------------------------------------------------------------ cells


@pytest.mark.parametrize(
    ("cell", "default", "value", "unit", "approx"),
    [
        ("2.5万亩　", "", "2.5", "万亩", "exact"),
        ("99.7%", "", "99.7", "%", "exact"),
        ("≥10万元　", "", "10", "万元", "at-least"),
        ("9.84", "万元", "9.84", "万元", "exact"),
        ("\t\t2998.29", "万元", "2998.29", "万元", "exact"),
        ("　34家", "", "34", "家", "exact"),
        ("2　", "", "2", "", "exact"),
        ("1,234,567.00", "元", "1234567.00", "元", "exact"),
        ("-12.5", "", "-12.5", "", "exact"),
        ("0", "万元", "0", "万元", "exact"),
    ],
)
def test_parse_quantity(cell: str, default: str, value: str, unit: str, approx: str) -> None:
    q = parse_quantity(cell, default)
    assert q is not None
    assert (q.value, q.unit, q.approx) == (Decimal(value), unit, approx)


@pytest.mark.parametrize(
    "cell", ["", "　", "较好", "按计划完成", "2023年", "......", "-", "—", "合计", "1,2,3", "99.7%以上和10%"]
)
def test_parse_quantity_none(cell: str) -> None:
    assert parse_quantity(cell, "万元") is None


def test_parse_quantity_default_unit_base_value() -> None:
    q = parse_quantity("9.84", "万元")
    assert q is not None and q.base_value == Decimal("98400") and q.base_unit == "元" and q.decimals == 2


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [("2998.29", "2998.29", 2), ("9.8", "9.8", 1), ("11", "11", 0), ("1,234.50", "1234.50", 2), ("－5", "-5", 0)],
)
def test_parse_decimal(text: str, value: str, decimals: int) -> None:
    assert parse_decimal(text) == (Decimal(value), decimals)


@pytest.mark.parametrize("text", ["", "1,2,3", "..5", "82..84", "1.2.3", "12,34", "abc", "5万元"])
def test_parse_decimal_none(text: str) -> None:
    assert parse_decimal(text) is None


# ------------------------------------------------------------------ properties


def to_chinese(n: int) -> str:
    """Reference writer of Chinese numerals (test oracle, independent of the parser)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below_10000(x: int) -> str:
        out, zero = "", False
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d:
                if zero:
                    out += "零"
                out += digits[d] + name
                zero = False
            elif out:
                zero = True
        return out

    parts = []
    for value, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // value % 10**4 if value < 10**8 else n // value
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(below_10000(chunk) + name)
        elif parts and parts[-1] != "零":
            parts.append("零")
    return "".join(parts).rstrip("零")


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_roundtrip(n: int) -> None:
    assert chinese_value(to_chinese(n)) == (Decimal(n), 0)


decimals_st = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False)


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=4), st.booleans())
def test_parse_decimal_roundtrip(n: int, places: int, grouped: bool) -> None:
    value = Decimal(n).scaleb(-places)
    text = f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"
    assert parse_decimal(text) == (value, places)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=3))
def test_full_width_same_as_ascii(n: int, places: int) -> None:
    ascii_text = f"{Decimal(n).scaleb(-places):,.{places}f}%"
    full = ascii_text.translate({i: i + 0xFEE0 for i in range(0x21, 0x7F)})
    a, b = find_quantities(ascii_text), find_quantities(full)
    assert len(a) == len(b) == 1
    assert (a[0][0], a[0][1].value, a[0][1].decimals) == (b[0][0], b[0][1].value, b[0][1].decimals)
    assert b[0][1].text == full


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(ALL_UNITS),
    st.sampled_from(["其中", "共", "完成", "支出", "，", "为"]),
    st.sampled_from(["，", "。", "；", "用于", ""]),
)
def test_number_with_unit_in_a_sentence(n: int, places: int, unit: str, before: str, after: str) -> None:
    value = Decimal(n).scaleb(-places)
    printed = f"{value:.{places}f}{unit}"
    text = before + printed + after
    found = find_quantities(text)
    assert len(found) == 1
    (s, e), q = found[0]
    info = unit_info(unit)
    assert info is not None
    assert text[s:e] == printed
    assert (q.value, q.decimals, q.unit) == (value, places, unit)
    assert q.base_value == value * info.factor


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789.,，。%％万亿元户余多近约≥≤<>-～至第一二两十百千（）()“”年月日 \t"))
        | st.characters()
    )
)
def test_fuzz_never_crashes(text: str) -> None:
    for (s, e), q in find_quantities(text):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == q.text
        assert isinstance(q.value, Decimal)
    parse_quantity(text)
    parse_quantity(text, "万元")
    parse_decimal(text)
