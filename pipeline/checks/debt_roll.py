"""debt_roll — a debt table's year-end balance against its opening balance, plus what was borrowed, less what was repaid.

A 地方政府债务余额情况表 prints, per region or per class of debt, 年初余额 | 本年新增 | 本年偿还 | 年末余额 (often each as
一般债务 | 专项债务 under its head). In each row, 年末 = 年初 + 新增 − 偿还 for each class the columns name. A row that
misses is a warning, as the text's roll-forward is: a table may leave out a movement it does not print (置换, 核销), and
a table printing any other flow column is not judged. A 其中 column breaks down the column before it and is no term.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from extractors.model import Fact
from extractors.tablefacts import is_column_marker
from pipeline import tolerance as tol
from pipeline.checks.balance import BORROWED_WORDS, REPAID
from pipeline.checks.base import Context, fact_figure, fmt, make_finding, rule
from pipeline.findings import Finding

FAMILY = "debt_roll"
ROLL_FORWARD = rule(
    FAMILY,
    "roll-forward-table",
    "warning",
    "债务表中年末余额不等于同行（或同列）年初余额加新增、减偿还",
    "{subject}年末余额写 {stated}，年初余额加新增、减偿还为 {expected}",
    "table",
    "sum",
)
RULES = [ROLL_FORWARD]

_OPENING = re.compile(r"年初|上年末|期初|上年底")
_CLOSING = re.compile(r"年末|年底|期末")
_BORROWED = re.compile(BORROWED_WORDS + r"|再融资")  # (a table's 本年再融资 column borrows as 本年新增 does)
_DERIVED = re.compile(r"增减|变动额|比上年|增长|[%％]|率|占")
# a movement the roll-forward does not know: the row is not judged
_OTHER_FLOW = re.compile(r"置换|调整|调增|调减|核销|划转|转入|转出")
_CLASS = re.compile(r"一般债务|专项债务|一般债券|专项债券")
_PART = re.compile(r"^其中|^含")
_TOTAL_LABEL = re.compile(r"^(?:小计|合计|总计)$")


def _labels(f: Fact) -> list[str]:
    return [re.sub(r"\s", "", x) for x in f.column_labels if x and x.strip() and not is_column_marker(x)]


def _column(f: Fact) -> tuple[str, str] | None:
    """(opening | closing | borrowed | repaid | other, class) of a debt table's money cell by its column; None for a
    cell of none."""
    return _role(_labels(f))


def _row(f: Fact) -> tuple[str, str] | None:
    """The same by its row, in a table whose movements stand down the rows (上年末债务余额 | 本年新增债务 | 本年偿还债务本金
    | 年末债务余额 over 合计 | 一般债务 | 专项债务)."""
    role = _role([re.sub(r"\s", "", x) for x in f.row_labels if x and x.strip()])
    if role is None:
        return None
    named = _CLASS.search("".join(_labels(f)))
    return role[0], named.group(0)[:2] if named else role[1]


def _role(labels: list[str]) -> tuple[str, str] | None:
    if not labels:
        return None
    text = "".join(labels)
    named = _CLASS.search(text)
    kind = named.group(0)[:2] if named else ""
    if any(_PART.match(x) for x in labels) or "付息" in text or "限额" in text:
        return None  # 其中：再融资债券, 付息, 新增限额: a part, interest or a ceiling — no term
    if "余额" in text:
        if _OPENING.search(text):
            return "opening", kind
        if _CLOSING.search(text):
            return "closing", kind
        return None
    if _OTHER_FLOW.search(text):
        return "other", kind
    if REPAID.search(text):
        return "repaid", kind
    if _BORROWED.search(text):
        if len(labels) > 1 and not _TOTAL_LABEL.match(labels[-1]) and not named:
            return "borrowed-part", kind  # 本年新增 › 新增债券 | 再融资债券 beside 本年新增 › 小计
        return "borrowed", kind
    return None if _DERIVED.search(text) else ("other", kind)  # (a column of a movement not known: no judgement)


def _counted_once(cols: list[Fact]) -> list[Fact]:
    """The columns of one movement, each counted once: 新增债券 | 新增一般债券 | 新增专项债券 (还本 › 合计 | 自有资金偿还 ›
    小计 | 再融资债券借新还旧 › 小计) where the first is the others' sum is that one; 本年新增 | 本年再融资 side by side are
    both."""
    for f in cols:
        rest = [g for g in cols if g is not f]
        if rest and tol.interval(f.quantity).meets(tol.total([tol.interval(g.quantity) for g in rest])):
            return [f]
    return cols


def _year(f: Fact, down: bool = False) -> int:
    """The year a balance is of, by its column — or by its row where the movements stand down the rows (一、2023年末政府
    债务余额 | … | 四、2024年末政府债务余额)."""
    labels = [re.sub(r"\s", "", x) for x in f.row_labels] if down else _labels(f)
    found = re.findall(r"(20\d\d)年", "".join(labels))
    return int(found[-1]) if found else 0


_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")


def _label(f: Fact) -> str:
    return re.sub(r"\s", "", f.row_labels[-1]) if f.row_labels else ""


def _rows_going_on_a_qizhong(facts: list[Fact]) -> set[tuple[int | None, int | None]]:
    """The rows after a 其中 row that go on with its list though they print no 其中 (二、本年举借 | 其中：新增债券 |
    再融资债券 | 三、本年偿还): up to the next numbered row where the row the 其中 breaks down is numbered, else those
    that with the 其中 row make that row in every column."""
    by_row: dict[tuple, dict[int | None, Fact]] = defaultdict(dict)
    for f in facts:
        if f.prov.table is not None and f.prov.row is not None and f.quantity.dimension in ("money", "unknown"):
            by_row[(f.prov.table, f.prov.row)][f.prov.col] = f
    out: set[tuple[int | None, int | None]] = set()
    for (table, row), cells in by_row.items():
        first = next(iter(cells.values()))
        head = by_row.get((table, row - 1))
        if not _PART.match(_label(first)) or head is None:
            continue
        numbered = bool(_NUMBERED.match(_label(next(iter(head.values())))))
        run = [cells]
        n = row + 1
        while (table, n) in by_row and not _PART.match(_label(next(iter(by_row[(table, n)].values())))):
            nxt = by_row[(table, n)]
            if _NUMBERED.match(_label(next(iter(nxt.values())))):
                break
            run.append(nxt)
            fits = all(
                col in head
                and tol.interval(head[col].quantity).meets(
                    tol.total([tol.interval(r[col].quantity) for r in run if col in r])
                )
                for col in cells
            )
            if numbered or fits:
                out.add((table, n))
            if fits:
                break
            n += 1
    return out


def check(ctx: Context) -> Iterator[Finding]:
    rows: dict[tuple, list[tuple[str, str, Fact]]] = defaultdict(list)
    going_on = _rows_going_on_a_qizhong(ctx.facts)
    for f in ctx.facts:
        if f.quantity.dimension not in ("money", "unknown") or f.prov.table is None or f.prov.row is None:
            continue
        col = _column(f)
        if col is not None:
            rows[("row", f.prov.table, f.prov.row)].append((*col, f))
        across = _row(f) if (f.prov.table, f.prov.row) not in going_on else None
        if across is not None:
            rows[("column", f.prov.table, f.prov.col)].append((*across, f))
    # (a table declaring its own formula, 本年末余额D=A+B-C, is the formula family's)
    declared = {f.prov.table for f in ctx.facts if any("=" in x and is_column_marker(x) for x in f.column_labels)}
    for key, cells in rows.items():
        if key[1] in declared:
            continue
        if any(role == "other" for role, _, _ in cells):
            continue
        for kind in {k for _, k, _ in cells}:
            yield from _judge(ctx, [(role, f) for role, k, f in cells if k == kind], down=key[0] == "column")


def _judge(ctx: Context, cells: list[tuple[str, Fact]], down: bool) -> Iterator[Finding]:
    by_role: dict[str, list[Fact]] = defaultdict(list)
    for role, f in cells:
        by_role[role].append(f)
    if not by_role["opening"] and len(by_role["closing"]) == 2:
        # 2023年末余额 | … | 2024年末余额: the earlier year's end opens the later one's
        years = [_year(f, down) for f in by_role["closing"]]
        if all(years) and years[1] == years[0] + 1:
            by_role["opening"], by_role["closing"] = by_role["closing"][:1], by_role["closing"][1:]
        elif all(years) and years[0] == years[1] + 1:
            by_role["opening"], by_role["closing"] = by_role["closing"][1:], by_role["closing"][:1]
    if len(by_role["opening"]) != 1 or len(by_role["closing"]) != 1:
        return
    borrowed = _counted_once(by_role["borrowed"] or by_role["borrowed-part"])
    repaid = _counted_once(by_role["repaid"])
    if not borrowed or not repaid:
        return
    opening, closing = by_role["opening"][0], by_role["closing"][0]
    terms = [opening, *borrowed, *repaid, closing]
    if len({f.quantity.unit for f in terms}) != 1:
        return
    plus = tol.total([tol.interval(f.quantity) for f in [opening, *borrowed]])
    minus = tol.total([tol.interval(f.quantity) for f in repaid])
    comp = plus - minus
    v = tol.verdict(closing.quantity, comp, ctx.settings)
    if v in (tol.OK, tol.INFO):
        return
    value = (
        opening.quantity.value
        + sum((f.quantity.value for f in borrowed), Decimal(0))
        - sum((f.quantity.value for f in repaid), Decimal(0))
    )
    how = " + ".join(fmt(f.quantity.value) for f in [opening, *borrowed]) + "".join(
        f" − {fmt(f.quantity.value)}" for f in by_role["repaid"]
    )
    # (the movements down the rows: the column names the debt, 专项债务; across the columns: the row, 隆德县)
    subject = " ".join(x for x in (_labels(closing) if down else closing.row_labels) if x.strip()) or "合计"
    where = "同列" if down else "同行"
    yield make_finding(
        ROLL_FORWARD,
        tol.WARNING,
        fact_figure(closing, ctx.doc_year),
        f"{subject}年末余额写 {fmt(closing.quantity.value)}，而{where}年初余额加新增、减偿还为 {how} = {fmt(value)}，"
        "两者不符（表中未列的置换、核销等变动不计）",
        expected=value,
        derivation=how,
        related=[f.prov for f in terms[:-1]],
        subject=subject,
    )
