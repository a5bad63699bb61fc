"""Recognise the standard 部门决算 / 部门预算 tables by title, and their columns by header text.

The national templates fix a set of tables (收入支出决算总表, 支出决算表, 财务收支预算总表 …) whose
figures must agree with each other. Titles vary in small ways between publishers ("2025年部门…",
quotes “三公” vs "三公", 运行费 vs 运行维护费), so matching works on a normalised title. Columns are
recognised by the words in their header path, never by position. Subject codes (201, 20101,
2010101) are labels, never amounts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SUBJECT_KIND = r"(\((功能|经济)(分类)?科目\))?"  # 财政拨款支出预算表（功能科目）
# (kind, title regex on the normalised title). Order matters: the more specific title comes first.
# 决算 kinds start with "js.", 预算 kinds with "ys.".
_TITLES: tuple[tuple[str, str], ...] = (
    ("js.czbk_total", r"(?<!预算)财政拨款收入支出决算总?表"),
    ("js.gf", r"政府性基金预算财政拨款(收入)?支出决算表"),
    ("js.soe", r"国有资本经营预算财政拨款(收入)?支出决算表"),
    ("js.gp_basic", r"(一般公共预算财政拨款)?基本支出决算(明细)?表"),
    ("js.gp", r"一般公共预算财政拨款(收入)?支出决算表"),
    ("js.sangong", r"(财政拨款|一般公共预算财政拨款)?三公经费((一般公共预算)?财政拨款)?(支出)?决算(情况|统计)?表"),
    ("js.total", r"收入支出决算总?表"),
    ("js.income", r"收入决算表"),
    ("js.expense", r"支出决算表"),
    ("ys.czbk_total", r"财政拨款收支预算总表"),
    ("ys.total", r"(财务)?收支预算总表"),
    ("ys.income", r"收入预算(总)?表"),
    ("ys.sangong", r"三公经费((一般公共预算)?财政拨款)?(和机关运行经费)?(支出)?预算(情况)?表"),
    # the 财政部 公开 template's tables (公开01–12表 of most provinces): named by fund and use, one amount column
    ("ys.sangong", r"三公经费[、,，]?(会议费[、,，]?)?(培训费)?支出预算表"),
    ("ys.operating", r"机关运行经费(支出)?预算表"),
    ("ys.procurement", r"政府采购(支出)?预算表"),
    ("ys.gp_basic", r"一般公共预算(财政拨款)?基本支出(部门预算)?(经济分类)?预算表" + _SUBJECT_KIND),
    ("ys.czbk_basic", r"财政拨款基本支出预算表" + _SUBJECT_KIND),
    # (一般公共预算当年拨款支出预算表: the year's appropriation of that fund)
    ("ys.gp", r"一般公共预算(财政拨款|当年拨款|当年财政拨款|财政拨款当年)?(支出)?(功能分类)?预算表" + _SUBJECT_KIND),
    (
        "ys.gf",
        r"(政府性基金预算(支出)?功能分类预算表|(财政拨款)?政府性基金(预算)?(财政拨款)?支出预算表)" + _SUBJECT_KIND,
    ),
    ("ys.soe", r"国有资本经营预算(支出)?功能分类预算表"),
    ("ys.czbk", r"财政拨款支出预算表" + _SUBJECT_KIND),
    # (项目支出预算表 lists projects: no 支出总表; a title naming a fund is that fund's table, never all funds')
    ("ys.expense", r"^(?!.*(?:一般公共预算|政府性基金|国有资本经营|社会保险基金|财政拨款)).*(?<!项目)支出预算(总)?表"),
    # the 财政部 部门预算公开 template as most provinces and the central departments print it: 部门收支总表, 部门收入总表,
    # 部门支出总表, 财政拨款收支总表, 一般公共预算支出表 … — a 预算 publication's tables, named without 预算
    ("ys.czbk_total", r"^(\d{4}年度?)?财政拨款收支总表"),
    ("ys.total", r"^(\d{4}年度?)?(财务)?收支总表"),
    ("ys.income", r"^(\d{4}年度?)?收入总表"),
    ("ys.expense", r"^(\d{4}年度?)?支出总表"),
    ("ys.sangong", r"^(\d{4}年度?)?一般公共预算(财政拨款)?三公经费(支出表|[、,，]会议费[、,，]?培训费支出表)"),
    ("ys.gp_basic", r"^(\d{4}年度?)?一般公共预算(财政拨款)?基本支出表" + _SUBJECT_KIND),
    ("ys.gp", r"^(\d{4}年度?)?一般公共预算(财政拨款)?支出表" + _SUBJECT_KIND),
    ("ys.gf", r"^(\d{4}年度?)?政府性基金预算(财政拨款)?支出表" + _SUBJECT_KIND),
    ("ys.soe", r"^(\d{4}年度?)?国有资本经营预算(财政拨款)?支出表" + _SUBJECT_KIND),
)

KIND_NAMES: dict[str, str] = {
    "js.total": "收入支出决算总表",
    "js.income": "收入决算表",
    "js.expense": "支出决算表",
    "js.czbk_total": "财政拨款收入支出决算总表",
    "js.gp": "一般公共预算财政拨款支出决算表",
    "js.gp_basic": "一般公共预算财政拨款基本支出决算表",
    "js.sangong": "财政拨款“三公”经费支出决算表",
    "js.gf": "政府性基金预算财政拨款收入支出决算表",
    "js.soe": "国有资本经营预算财政拨款收入支出决算表",
    "ys.total": "部门财务收支预算总表",
    "ys.income": "部门收入预算总表",
    "ys.expense": "部门支出预算总表",
    "ys.czbk_total": "部门财政拨款收支预算总表",
    "ys.gp": "部门一般公共预算支出功能分类预算表",
    "ys.gf": "部门政府性基金预算支出功能分类预算表",
    "ys.soe": "部门国有资本经营预算支出功能分类预算表",
    "ys.gp_basic": "部门一般公共预算基本支出部门预算经济分类预算表",
    "ys.sangong": "部门“三公”经费和机关运行经费预算表",
    "ys.czbk": "财政拨款支出预算表",
    "ys.czbk_basic": "财政拨款基本支出预算表",
    "ys.operating": "一般公共预算机关运行经费支出预算表",
    "ys.procurement": "政府采购支出预算表",
}

_QUOTES = "“”\"'‘’「」『』"
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_YEAR_PREFIX = re.compile(r"^(\d{4}年(度)?)")
_CONSOLIDATION_SUFFIX = re.compile(r"(?<=表)[(（](?:部门|单位)?(?:汇总|合并|合计|整体)(?:数|表)?[)）]$")
_PERIOD_SUFFIX = re.compile(r"(?<=表)[(（]?\d{4}年度?[)）]?$")
_NUMBERING = re.compile(r"^([一二三四五六七八九十]+、|\d+[\.．、]|[（(][一二三四五六七八九十\d]+[）)])")


@lru_cache(maxsize=4096)
def normalise_title(text: str) -> str:
    """NFKC, without spaces, quotes, a leading list number or a year prefix: 2025年部门“三公”… → 部门三公…"""
    t = unicodedata.normalize("NFKC", text or "")
    t = re.sub(r"\s+", "", t)
    t = "".join(ch for ch in t if ch not in _QUOTES)
    t = _NUMBERING.sub("", t)
    t = _YEAR_PREFIX.sub("", t)
    # 公开06表 一般公共预算财政拨款基本支出决算表 2023年度 (the year after the name); 收入支出决算总表（部门汇总） (the
    # consolidation it is, after the name)
    return _CONSOLIDATION_SUFFIX.sub("", _PERIOD_SUFFIX.sub("", t))


_LEADING_LABEL = re.compile(
    # the numeral stops before the 一 of 一般 (表五一般公共预算支出表)
    r"^(?:附?表(?:[一二三四五六七八九十]+?(?=一般|[^一二三四五六七八九十]|$)|\d{1,2}(?:-\d{1,2})?(?!\d)|\d{1,2}(?=20\d\d年))"
    r"|公开\d+表)[:：、.．]?"
)


@lru_cache(maxsize=4096)
def identify_table(title: str | None) -> str | None:
    """The standard table kind of a title (js.total, ys.gp …), or None for any other table.

    The title must be the table title itself (short), not a sentence that mentions it.
    """
    if not title:
        return None
    t = normalise_title(title)
    if not t or len(t) > 40 + 40:
        return None
    # 第二部分…部门预算表 公开01表 部门收支总表: the title is what follows its table number; 收入支出决算表 公开01表
    # (the number printed after the name, 山西): what precedes it
    parts = re.split(
        r"(?:公开|附)?表?\d{1,2}(?:-\d{1,2})?表|公开\d{1,2}表|(?:部门)?公开表\d{1,2}"
        r"|附?表[一二三四五六七八九十]+?(?=一般|[^一二三四五六七八九十]|$)(?:[-—－]\d{1,2})?",  # 表一-1 …表一-1 …
        t,
    )
    names: list[str] = []
    for part in (parts[-1], *parts[-2::-1]):
        labelled = _LEADING_LABEL.sub("", part)  # 表四 2024年财政拨款收支总表, 附表3-1 部门收入总表
        stripped = re.sub(r"^(.*?)(部门)", "", labelled, count=1) if "部门" in labelled[:20] else labelled
        # …单位一般公共预算基本支出部门预算经济分类预算表: the 部门 stripped there is the title's own word
        # 黑龙江省民政厅2025年一般公共预算“三公”经费支出表: the body's name before the year is no part of the title
        bodiless = re.sub(r"^[^\d]{2,30}?(?=\d{4}年)", "", labelled)
        names += [stripped, labelled, bodiless, re.sub(r"^(\d{4}年度?)部门", r"\1", bodiless)]
    # 4财政拨款收支总表 财政拨款收支总表 (a workbook's sheet name before the title): each printed piece on its own
    names += [normalise_title(piece) for piece in title.split()[1:]] if len(t) <= 40 else []
    # the title itself is short: a long text is a sentence that mentions a table, unless its table number splits it
    # into a short title printed twice (表三-1 一般公共预算基本支出预算表 表三-1 大竹县…2026年一般公共预算基本支出预算表)
    for name in dict.fromkeys((*names, t)):
        if len(name) > 40 or (len(t) > 40 and len(parts) < 3):
            continue
        for kind, pattern in _TITLES:
            if name and re.search(pattern + r"$", name):
                return kind
    return None


def is_subject_code(text: str) -> bool:
    """201 / 20101 / 2010101 (function or economic classification codes) — never amounts."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    return bool(_CODE.match(t))


def code_level(code: str) -> int | None:
    """1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7); None otherwise."""
    return {3: 1, 5: 2, 7: 3}.get(len(code)) if code.isdigit() else None


@lru_cache(maxsize=4096)
def normalise_label(text: str) -> str:
    """A row or column label for comparison: NFKC, no spaces/quotes, no list number, （类） dropped."""
    t = unicodedata.normalize("NFKC", text or "")
    t = re.sub(r"\s+", "", t)
    t = "".join(ch for ch in t if ch not in _QUOTES)
    t = _NUMBERING.sub("", t)
    t = re.sub(r"\((类|款|项)\)", "", t)
    return t


# Column roles by header words. Each role is tested on one normalised header label; the first match wins.
_COLUMN_ROLES: tuple[tuple[str, str], ...] = (
    ("code", r"(科目)?编码$|^[类款项]$"),
    ("name", r"科目名称$|^项目$"),
    ("personnel", r"^人员经费(合计)?$"),
    ("public", r"^公用经费(合计)?$"),
    ("basic", r"^基本支出$"),
    ("project", r"^项目支出$"),
    ("upper", r"^上缴上级支出$"),
    ("business_exp", r"^经营支出$"),
    ("subsidiary", r"^对附属单位补助(支出)?$"),
    ("fiscal", r"^财政拨款(收入)?$"),
    ("upper_grant", r"^上级补助收入$"),
    ("service", r"^事业收入$"),
    ("business", r"^(事业单位)?经营收入$"),
    ("affiliated", r"^附属单位上缴收入$"),
    ("other", r"^其他收入$"),
    ("carryover", r"^(上年结转|年初结转)(和?结余)?(资金|收入)?$"),
    ("gp", r"^一般公共预算(财政拨款|拨款|资金|支出)?(收入)?$"),
    ("gf", r"^政府性基金(预算)?(财政拨款|拨款|支出)?(收入)?$"),
    ("soe", r"^国有资本经营预算(财政拨款|拨款|支出)?(收入)?$"),
    ("abroad", r"^因公出国\(境\)费(用)?$"),
    ("car", r"^公务用车购置及运行(维护)?费$"),
    ("car_buy", r"^(公务用车)?购置费$"),
    ("car_run", r"^(公务用车)?运行(维护)?费$"),
    ("reception", r"^公务接待费$"),
    ("meeting", r"^会议费$"),  # beside the 三公 in the 公开09表 of the 财政部 template
    ("training", r"^培训费$"),
    ("operating", r"机关运行经费"),
    ("sangong", r"三公经费"),
    ("subtotal", r"^小计$"),
    ("total", r"^(本年(收入|支出))?合计$|^总计$"),
    ("final", r"^决算数?$"),
    ("budget", r"^预算数?$"),
    ("income_side", r"^(本年|财政拨款)?收入$"),
    ("expense_side", r"^(本年|财政拨款)?支出$"),
)


# the 合计 of a “三公”经费、会议费、培训费 table, over the 三公's own 小计: named by the view, not by a header word
GRAND_TOTAL = "grand_total"
COLUMN_ROLES = frozenset(role for role, _ in _COLUMN_ROLES) | {GRAND_TOTAL}


@lru_cache(maxsize=4096)
def column_role(label: str) -> str | None:
    t = normalise_label(label)
    for role, pattern in _COLUMN_ROLES:
        if re.search(pattern, t):
            return role
    return None


def column_roles(labels: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The roles along a column-header path, outermost first, unknown labels dropped.

    ("财政拨款“三公”经费", "公务用车购置及运行维护费", "小计", "决算数") → ("sangong", "car", "subtotal", "final")
    """
    out: list[str] = []
    for lab in labels:
        for part in re.split(r"\s*›\s*", lab or ""):
            r = column_role(part)
            if r and (not out or out[-1] != r):
                out.append(r)
    if {"abroad", "reception", "operating"} & set(out):
        # a 三公 sub-column (购置费/运行费) label carried over a merged header belongs to 公务用车 only
        out = [r for r in out if r not in ("car_buy", "car_run", "subtotal")]
    return tuple(out)


@dataclass(frozen=True)
class RowKey:
    code: str  # subject code when the row has one, else ""
    name: str  # normalised label

    @property
    def level(self) -> int | None:
        return code_level(self.code) if self.code else None


def row_key(row_labels: tuple[str, ...] | list[str], code: str = "") -> RowKey:
    """Code and name of a row from its labels: ('201', '06', '01', '行政运行') → 2010601 / 行政运行."""
    digits: list[str] = []
    names: list[str] = []
    for lab in row_labels:
        t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", lab or ""))
        if not t:
            continue
        if t.isdigit() and len(t) <= 7:
            digits.append(t)
        else:
            m = re.match(r"^(\d{3}(?:\d{2}){0,2})(\D.*)$", t)
            if m and not code:
                digits.append(m.group(1))
                t = m.group(2)
            names.append(t)
    if not code and digits:
        joined = "".join(digits)
        # a malformed code (301 2 for 30102) stays unknown rather than posing as its 类
        if _CODE.match(joined):
            code = joined
    name = normalise_label(names[-1]) if names else ""
    return RowKey(code=code, name=name)
