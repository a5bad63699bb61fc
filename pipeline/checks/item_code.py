"""item_code — a 科目 named by its path in the text against the table rows of that 科目.

部门预算 and 部门决算 explain each 项 in a paragraph that names it by its path: "3.公共安全支出（类）检察（款）机关服务（项）
2024年预算数为856.20万元". The tables print the same 项 in rows that carry its code (2040403 机关服务 under 20404 检察
under 204 公共安全支出). The path and the codes make the identity certain, whatever the template or the province:
the figure must be one of the amounts printed in those rows. Where every such amount is one value, a figure that is
not it is an error; where the rows print several (合计 and 一般公共预算拨款 differ), a figure matching none is a
warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from extractors.identity import last_word, last_year
from extractors.model import Claim, Fact
from extractors.report_kind import DEPARTMENT_KINDS, in_order
from extractors.subjects import words
from pipeline import tolerance as tol
from pipeline.checks.base import (
    Context,
    claim_figure,
    clean_label,
    fmt,
    make_finding,
    role_of_claim,
    role_of_labels,
    rule,
    subject_key,
    weak_subject,
)
from pipeline.findings import Finding

FAMILY = "item_code"
ITEM = rule(
    FAMILY,
    "path-vs-rows",
    "error",
    "正文按科目路径所述的数与该科目各表行不符",
    "{subject}写 {stated}，而该科目各表行写 {expected}",
    "cross-reference",
    kinds=in_order(DEPARTMENT_KINDS),
)
RULES = [ITEM]

_PATH = re.compile(
    r"(?P<lei>[^（(）)]+?)[（(]类[)）](?P<kuan>[^（(）)]+?)[（(]款[)）](?P<xiang>[^（(）)]+?)[（(]项[)）]"
)
_LENGTHS = (3, 5, 7)  # 类, 款, 项 codes of the 政府收支分类科目


def _name(text: str) -> str:
    return clean_label(unicodedata.normalize("NFKC", text))


def _path(c: Claim) -> tuple[str, str, str] | None:
    m = _PATH.search(c.subject) or _PATH.search(c.sentence[: max(0, c.sentence.find(c.quantity.text))])
    if m is None:
        return None
    return _name(m.group("lei")), _name(m.group("kuan")), _name(m.group("xiang"))


def _labels_by_code(facts: list[Fact]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in facts:
        code = (f.code or "").strip()
        if len(code) in _LENGTHS and code.isdigit() and f.own_label:
            # (2050204 高中教育 printed in one cell: the label past its code)
            out.setdefault(code, set()).add(_name(f.own_label).removeprefix(code))
    return out


def _codes(path: tuple[str, str, str], labels: dict[str, set[str]]) -> set[str]:
    """The 项 codes whose 类, 款 and 项 rows carry the path's three names (a table printing 项 rows alone, 2050204 高中教育
    with no 205 or 20502 row, names the 项 by its own row)."""
    return {
        code
        for code, names in labels.items()
        if len(code) == 7
        and path[2] in names
        and path[1] in labels.get(code[:5], {path[1]})
        and path[0] in labels.get(code[:3], {path[0]})
    }


_NAMED_CODE = re.compile(r"(?P<name>[^（(）)：:，,]+?)[（(](?P<code>\d{3}(?:\d{2}){0,2})[)）]$")


def _code_named(c: Claim, labels: dict[str, set[str]]) -> tuple[str, str] | None:
    """(code, name) of a figure whose subject is an item named with its code (公路养护（2140106）：4680.00万元), when the
    tables print that code's row under that name."""
    m = _NAMED_CODE.search(unicodedata.normalize("NFKC", c.subject).replace("(", "（").replace(")", "）"))
    if m is None:
        return None
    code, name = m.group("code"), _name(m.group("name"))
    return (code, name) if name in labels.get(code, set()) else None


_LEVEL_NAMED = re.compile(
    r"(?:^|[、，,：:；;\s]|\d[.．、])(?P<name>[^（(）)：:，,、.．\s\d]{2,}?)[（(](?P<level>[类款项])[)）](?:支出)?$"
)
_LEVEL_CODE = {"类": 3, "款": 5, "项": 7}


def _level_named(c: Claim, labels: dict[str, set[str]]) -> tuple[str, str] | None:
    """(code, name) of a figure whose subject is a 科目 named with its level alone (2.基本公共卫生服务（项）支出6432.18万元),
    when exactly one code of that level is printed under that name."""
    m = _LEVEL_NAMED.search(unicodedata.normalize("NFKC", c.subject).replace("(", "（").replace(")", "）"))
    if m is None:
        return None
    name, length = _name(m.group("name")), _LEVEL_CODE[m.group("level")]
    codes = [code for code, names in labels.items() if len(code) == length and name in names]
    return (codes[0], name) if len(codes) == 1 else None


_WHOLE_COLUMN = re.compile(r"^(?:合计|小计|总计)$|一般公共预算|财政拨款|^本年支出合计$|^支出合计$")
_BALANCE_COLUMN = re.compile(r"结转|结余")
_INCOME_COLUMN = re.compile(r"本年收入|收入合计")


FINAL_KINDS = frozenset(("部门决算", "单位决算"))
BUDGET_ROLES = ("budget", "budget_full")


_INCOME_TABLE = re.compile(r"收入(?:决算|预算)?表")


def _row_amounts(ctx: Context, code: str) -> list[Fact]:
    """The amounts a row of the code prints for its 科目 as a whole: each table's first amount of the row, and the
    合计/小计 and fund columns (一般公共预算, 财政拨款) — not the 人员经费 or 公用经费 parts of it."""
    rows: dict[tuple[int | None, int | None], list[Fact]] = {}
    for f in ctx.facts:
        if f.code != code or f.quantity.dimension != "money":
            continue
        if _INCOME_TABLE.search(f.table_title) and "支出" not in f.table_title:
            continue  # 收入决算表 by 科目: what each 科目 received from every source, not what it spent
        role = role_of_labels(f.column_labels, ctx.doc_year)
        if role in ("prior", "change", "rate") or (ctx.kind in FINAL_KINDS and role in BUDGET_ROLES):
            continue  # a 决算's 年初预算 column is not its 决算
        if _BALANCE_COLUMN.search("".join(f.column_labels)) or _INCOME_COLUMN.search("".join(f.column_labels)):
            continue  # 年初结转和结余 | 本年收入 | 本年支出合计 | …: a balance or an income, not the 科目's spending
        rows.setdefault((f.prov.table, f.prov.row), []).append(f)
    out: list[Fact] = []
    for cells in rows.values():
        cells.sort(key=lambda f: f.prov.col or 0)
        leaf = [_name(f.column_labels[-1]) if f.column_labels else "" for f in cells]
        out += [f for k, f in enumerate(cells) if k == 0 or _WHOLE_COLUMN.search(leaf[k])]
    return out


def _source_named(c: Claim, name: str) -> str:
    """The source of money a figure's own words name apart from the 科目 and its funds (其他资金, 事业收入), "" when
    they name the 科目, a fund or nothing."""
    own = _name(clean_label(c.subject))
    if not own or name in own or last_word("fund", own) or weak_subject(subject_key(own)):
        return ""
    return own


def _all_row_amounts(ctx: Context, code: str) -> list[Fact]:
    return [f for f in ctx.facts if f.code == code and f.quantity.dimension == "money"]


def _is_level(c: Claim, doc_year: int | None, kind: str) -> bool:
    """A figure of the 科目 this year, of the measure the document's tables print (a 决算's 决算, not its 年初预算)."""
    if c.quantity.dimension != "money" or c.relation not in ("", "total") or c.base or c.role == "上年":
        return False
    if last_year(c) or (c.identity.period[:4].isdigit() and doc_year and int(c.identity.period[:4]) != doc_year):
        return False  # …（项）612.38万元，上年预算数为612.81万元: last year's budget, not the 科目's amount
    if kind in FINAL_KINDS and role_of_claim(c) in BUDGET_ROLES:
        return False
    if any(w in (c.lead or "") for w in words().adjustments):
        return False  # 年中追加18.60万元: what the budget was changed by, not the 科目's amount
    year = re.match(r"(\d{4})", c.period or "")
    return year is None or doc_year is None or int(year.group(1)) == doc_year


def check(ctx: Context) -> Iterator[Finding]:
    labels = _labels_by_code(ctx.facts)
    if not labels:
        return
    for c in ctx.claims:
        if not _is_level(c, ctx.doc_year, ctx.kind):
            continue
        path = _path(c)
        if path is not None:
            codes = _codes(path, labels)
            if len(codes) != 1:
                continue  # the path names no row, or rows of several codes: not one 科目
            code = codes.pop()
            subject, name = f"{path[0]}（类）{path[1]}（款）{path[2]}（项）", path[2]
        else:
            named = _code_named(c, labels) or _level_named(c, labels)
            if named is None:
                continue
            code, name = named
            subject = f"{name}（{code}）"
        source = _source_named(c, name)
        if source:
            # 该项目另安排其他资金85.40万元: one source's share of the 科目, met only by a column of that source
            cells = [f for f in _all_row_amounts(ctx, code) if f.column_labels and _name(f.column_labels[-1]) == source]
        else:
            cells = _row_amounts(ctx, code)
        if c.identity.fund:
            # 财政拨款支出…主要用于：农林水支出（类）6215.82万元, or a 项 under 一般公共预算财政拨款支出决算具体情况: a fund's
            # figure of the 科目, which only a table of that fund prints (the all-funds 支出决算表's row is another figure)
            cells = [f for f in cells if f.identity.fund == c.identity.fund]
        if not cells:
            continue
        stated = tol.base_interval(c.quantity)
        if any(stated.meets(tol.base_interval(f.quantity)) for f in cells):
            continue
        values = sorted({f.quantity.base_value for f in cells})
        ctx.mark(c)
        shown = "、".join(fmt(v / tol.factor(c.quantity), c.quantity.decimals) for v in values[:6])
        one = len(values) == 1
        yield make_finding(
            ITEM,
            "error" if one else "warning",
            claim_figure(c),
            f"{subject}正文写 {c.quantity.text}，而科目 {code} {name} 在各表中的金额为 {shown}{c.quantity.unit}"
            + ("，两者不符" if one else "，正文数与其中任何一个都不符"),
            expected=values[0] / tol.factor(c.quantity) if one else None,
            derivation=f"科目 {code}",
            related=[f.prov for f in cells[:10]],
            subject=subject,
        )
