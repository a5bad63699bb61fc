"""Units: the data table, composition with 万/亿 and caption parsing."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from extractors.units import DATA, unit_from_caption, unit_info


@pytest.mark.parametrize(
    ("unit", "base", "factor", "dimension"),
    [
        ("元", "元", "1", "money"),
        ("千元", "元", "1000", "money"),
        ("万元", "元", "10000", "money"),
        ("亿元", "元", "100000000", "money"),
        ("亩", "亩", "1", "area"),
        ("万亩", "亩", "10000", "area"),
        ("平方米", "平方米", "1", "area"),
        ("㎡", "平方米", "1", "area"),
        ("公顷", "平方米", "10000", "area"),
        ("平方公里", "平方米", "1000000", "area"),
        ("吨", "千克", "1000", "weight"),
        ("公斤", "千克", "1", "weight"),
        ("公里", "米", "1000", "length"),
        ("米", "米", "1", "length"),
        ("%", "%", "1", "percent"),
        ("％", "%", "1", "percent"),
        ("‰", "%", "0.1", "percent"),
        ("个百分点", "个百分点", "1", "pp"),
        ("分", "分", "1", "points"),
        ("万人", "人", "10000", "count"),
        ("万人次", "人次", "10000", "count"),
        ("万株", "株", "10000", "count"),
        ("万吨", "千克", "10000000", "weight"),
    ],
)
def test_unit_info(unit: str, base: str, factor: str, dimension: str) -> None:
    info = unit_info(unit)
    assert info is not None
    assert (info.base_unit, info.factor, info.dimension) == (base, Decimal(factor), dimension)


@pytest.mark.parametrize(
    "unit",
    "人 人次 户 件 次 起 家 座 株 名 个 场次 所 艘 具 排 宗 期 份 项 台 辆 套 批 条 间 栋 村 场".split(),
)
def test_counts(unit: str) -> None:
    info = unit_info(unit)
    assert info is not None and info.dimension == "count" and info.factor == 1


@pytest.mark.parametrize("unit", ["年", "月", "日", "号", "万分", "万%", "foo", ""])
def test_unknown_units(unit: str) -> None:
    assert unit_info(unit) is None


def test_table_is_well_formed() -> None:
    with DATA.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    units = [r["unit"] for r in rows]
    assert len(units) == len(set(units)), "duplicate unit in units.csv"
    for r in rows:
        assert Decimal(r["factor"]) > 0
        base = unit_info(r["base_unit"]) if r["base_unit"] else None
        if base is not None:  # a base unit is its own base
            assert base.factor == 1 and base.base_unit == r["base_unit"]


@pytest.mark.parametrize(
    ("caption", "unit"),
    [
        ("单位：万元", "万元"),
        ("单位:元", "元"),
        ("单位 ： 元", "元"),
        ("金额单位：万元", "万元"),
        ("（万元）", "万元"),
        ("(万元)", "万元"),
        ("经费控制情况（万元）", "万元"),
        ("批复规模（㎡）", "㎡"),
        ("收入支出决算总表  单位：万元", "万元"),
        ("部门：上海市普陀区财政局    单位：元", "元"),
        ("单位名称", None),
        ("预算单位：元宝山区财政局", None),
        ("（二）基本支出", None),
        ("", None),
    ],
)
def test_unit_from_caption(caption: str, unit: str | None) -> None:
    assert unit_from_caption(caption) == unit
