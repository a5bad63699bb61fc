"""Stitching tables cut by a page break, on hand-built tables (no PDF needed)."""

from __future__ import annotations

from extractors.model import Cell, Paragraph, Provenance, Table
from extractors.stitch import stitch_tables

XS = [50.0, 150.0, 250.0, 350.0]


def part(
    page: int,
    rows: list[list[str]],
    top: float,
    *,
    title: str | None = None,
    header_rows: int = 0,
    xs: list[float] = XS,
    touches_top: bool = True,
    touches_bottom: bool = True,
) -> Table:
    cells = [
        Cell(text=t, row=r, col=c, page=page, bbox=(xs[c], top + 20 * r, xs[c + 1], top + 20 * r + 20))
        for r, row in enumerate(rows)
        for c, t in enumerate(row)
    ]
    return Table(
        cells=cells,
        n_rows=len(rows),
        n_cols=len(xs) - 1,
        prov=Provenance("x", page=page),
        header_rows=header_rows,
        title=title,
        pages=[page],
        touches_top=touches_top,
        touches_bottom=touches_bottom,
    )


def texts(t: Table) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def test_continuation_without_header_joins() -> None:
    a = part(1, [["项目", "预算", "决算"], ["甲", "1.00", "2.00"]], 600, title="表", header_rows=1, touches_top=False)
    b = part(2, [["乙", "3.00", "4.00"], ["合计", "4.00", "6.00"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert texts(t) == [
        ["项目", "预算", "决算"],
        ["甲", "1.00", "2.00"],
        ["乙", "3.00", "4.00"],
        ["合计", "4.00", "6.00"],
    ]
    assert t.pages == [1, 2] and t.n_rows == 4
    assert [c.page for c in t.rows()[3]] == [2, 2, 2] and [c.page for c in t.rows()[0]] == [1, 1, 1]
    assert t.touches_bottom is False and t.title == "表"


def test_repeated_header_is_dropped() -> None:
    a = part(1, [["项目", "预算", "决算"], ["甲", "1.00", "2.00"]], 600, title="表", header_rows=1)
    b = part(2, [["项目", "预算", "决算"], ["乙", "3.00", "4.00"]], 72)
    (t,) = stitch_tables([a, b])
    assert texts(t) == [["项目", "预算", "决算"], ["甲", "1.00", "2.00"], ["乙", "3.00", "4.00"]]


def test_three_pages_chain() -> None:
    a = part(1, [["a", "1", "2"]], 700)
    b = part(2, [["b", "1", "2"]], 72)
    c = part(3, [["c", "1", "2"]], 72)
    (t,) = stitch_tables([a, b, c])
    assert t.pages == [1, 2, 3] and [r[0].text for r in t.rows()] == ["a", "b", "c"]


def test_not_joined_when_geometry_or_layout_differs() -> None:
    a = part(1, [["a", "1", "2"]], 700)
    other_cols = part(2, [["b", "1", "2"]], 72, xs=[50.0, 120.0, 250.0, 350.0])
    assert len(stitch_tables([a, other_cols])) == 2
    titled = part(2, [["b", "1", "2"]], 72, title="另一张表")
    assert len(stitch_tables([part(1, [["a", "1", "2"]], 700), titled])) == 2
    not_bottom = part(1, [["a", "1", "2"]], 300, touches_bottom=False)
    assert len(stitch_tables([not_bottom, part(2, [["b", "1", "2"]], 72)])) == 2
    skip_page = part(3, [["b", "1", "2"]], 72)
    assert len(stitch_tables([part(1, [["a", "1", "2"]], 700), skip_page])) == 2
    between = Paragraph("说明", Provenance("x", page=2))
    assert len(stitch_tables([part(1, [["a", "1", "2"]], 700), between, part(2, [["b", "1", "2"]], 72)])) == 3


def test_merged_cells_in_continuation_are_remapped() -> None:
    a = part(1, [["项目", "预算", "决算"], ["甲", "1.00", "2.00"]], 600, header_rows=1)
    # the continuation has a cell spanning the two value columns
    b = Table(
        cells=[
            Cell("注", 0, 0, page=2, bbox=(50.0, 72.0, 150.0, 92.0)),
            Cell("无数据", 0, 1, colspan=2, page=2, bbox=(150.0, 72.0, 350.0, 92.0)),
        ],
        n_rows=1,
        n_cols=3,
        prov=Provenance("x", page=2),
        pages=[2],
        touches_top=True,
    )
    (t,) = stitch_tables([a, b])
    merged = t.rows()[2][1]
    assert (merged.text, merged.row, merged.col, merged.colspan) == ("无数据", 2, 1, 2)


def test_a_row_cut_by_the_page_break_is_put_back_together() -> None:
    a = part(1, [["30108", "养老保险缴费", "3,556,700.00"], ["30109", "职业年金缴", "1,778,400."]], 660)
    b = part(2, [["", "费", "00"], ["30110", "职工基本医疗保险缴费", "2,074,700.00"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert texts(t) == [
        ["30108", "养老保险缴费", "3,556,700.00"],
        ["30109", "职业年金缴费", "1,778,400.00"],
        ["30110", "职工基本医疗保险缴费", "2,074,700.00"],
    ]
    assert t.n_rows == 3 and [c.row for c in t.rows()[2]] == [2, 2, 2]


def test_a_next_row_under_a_whole_amount_is_a_row_of_its_own() -> None:
    a = part(1, [["30109", "职业年金缴费", "1,778,400.00"]], 700)
    b = part(2, [["", "小计", "00"], ["30110", "医疗保险", "2,074,700.00"]], 72, touches_bottom=False)
    (t,) = stitch_tables([a, b])
    assert t.n_rows == 3 and texts(t)[1] == ["", "小计", "00"]


SHEET_XS = [50.0, 150.0, 250.0, 350.0, 400.0]


def test_a_row_whose_texts_the_page_break_cut_is_put_back_together() -> None:
    a = part(
        1,
        [["产出指标（60分）", "数量指标", "户厕", "60"], ["效益指标（30", "社会效益", "农村环境整治", "30"]],
        660,
        xs=SHEET_XS,
    )
    b = part(2, [["分）", "", "目标完成率", ""], ["满意度指标（10分）", "满意度", "群众满意度", "10"]], 72, xs=SHEET_XS)
    (t,) = stitch_tables([a, b])
    assert texts(t)[1] == ["效益指标（30分）", "社会效益", "农村环境整治目标完成率", "30"]
    assert t.n_rows == 3


def test_texts_going_on_beside_blank_figures_without_an_open_bracket_are_a_row_of_their_own() -> None:
    # a 收入支出决算总表 row whose amounts are blank, at the top of the next page
    a = part(1, [["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"]], 700, xs=SHEET_XS)
    b = part(
        2,
        [["使用非财政拨款结余（含专用结余）", "", "结余分配", ""], ["总计", "2,995.39", "总计", "2,995.39"]],
        72,
        xs=SHEET_XS,
    )
    (t,) = stitch_tables([a, b])
    assert t.n_rows == 3 and texts(t)[0][0] == "本年收入合计"


def test_a_next_row_of_texts_only_is_a_row_of_its_own() -> None:
    # one text going on beside figures: a 其中 row, not a cut
    a = part(1, [["一般公共预算", "x", "100.00", "200.00"]], 700, xs=SHEET_XS)
    b = part(2, [["其中：", "", "", ""], ["基本支出", "y", "50.00", "60.00"]], 72, xs=SHEET_XS)
    assert stitch_tables([a, b])[0].n_rows == 3
    # texts under a row with no figures and no bracket left open: rows of their own
    c = part(1, [["产出指标", "数量指标", "改造户厕", "完成"]], 700, xs=SHEET_XS)
    d = part(2, [["效益指标", "社会效益", "环境整治", ""]], 72, xs=SHEET_XS)
    assert stitch_tables([c, d])[0].n_rows == 2
    # a figure of its own, or text under a figure: a next row
    e = part(1, [["满意度", "服务对", "群众满", "10"]], 700, xs=SHEET_XS)
    f = part(2, [["指标", "象满意度", "意度", "5"]], 72, xs=SHEET_XS)
    assert stitch_tables([e, f])[0].n_rows == 2
    g = part(2, [["指标", "第2项", "意度", ""]], 72, xs=SHEET_XS)
    assert stitch_tables([part(1, [["满意度", "服务对", "群众满", "10"]], 700, xs=SHEET_XS), g])[0].n_rows == 2


def test_an_amount_cut_inside_its_decimals_is_put_back_together() -> None:
    """11,753.6 | 2: a page break inside the decimals of an amount whose column prints two decimals everywhere
    (adv243 F1–F2: the stub row "2" was read as a 合计 of 2万元)."""
    a = part(1, [["教育支出", "5,120.40"], ["卫生健康支出", "6,633.20"], ["合计", "11,753.6"]], 640, xs=XS[:3])
    b = part(2, [["", "2"], ["说明", ""]], 72, touches_bottom=False, xs=XS[:3])
    (t,) = stitch_tables([a, b])
    assert texts(t)[2] == ["合计", "11,753.62"] and t.n_rows == 4
    whole = part(1, [["教育支出", "5,120.4"], ["卫生健康支出", "6,633.2"], ["合计", "11,753.6"]], 640, xs=XS[:3])
    (t2,) = stitch_tables([whole, part(2, [["", "2"], ["说明", ""]], 72, touches_bottom=False, xs=XS[:3])])
    assert texts(t2)[2] == ["合计", "11,753.6"]  # a column of one decimal: the 2 below is no cut piece
