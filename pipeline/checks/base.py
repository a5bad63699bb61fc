"""What every rule family shares: figures (claims and facts seen alike), subject keys, roles, formatting."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.identity import (
    DIFFERENT,
    SAME,
    SOURCE_AFTER,
    UNSETTLED,
    Ambiguity,
    named_scope,
    relation,
    same_period,
    strip_scope_words,
    title_without_unit,
)
from extractors.model import Claim, Document, Fact, Identity, OutlineEntry, Paragraph, Provenance, Quantity
from extractors.report_kind import DEPARTMENT_KINDS
from extractors.subjects import change_alternation, words
from extractors.tablefacts import BARE_TOTAL_ROW, TITLE_FUND_FLOW
from pipeline import tolerance as tol
from pipeline.findings import ANY_KIND, Finding, Rule

DATA = Path(__file__).resolve().parents[1] / "data"

# ------------------------------------------------------------------ subjects

_NUMBERING = re.compile(
    r"^\s*(?:其中\s*[:：]?|[（(]?[一二三四五六七八九十]+[)）、.．]|[（(]?\d+[)）、.．]|[①-⑳]|[-—·•])\s*"
)
_TRAIL = re.compile(r"[\s:：,，。；;、]+$")


@lru_cache(maxsize=4096)
def clean_label(text: str) -> str:
    """A row label or subject phrase without numbering, 其中, colons, quotes and whitespace."""
    s = "".join(ch for ch in text if not ch.isspace())
    s = s.replace("\u3000", "")
    prev = None
    while prev != s:
        prev = s
        s = _NUMBERING.sub("", s)
    s = _TRAIL.sub("", s)
    return re.sub(r"[“”\"‘’']", "", s)


_CLASS_MARK = re.compile(r"[（(]类[）)]$|\s+")


def class_name(label: str) -> str:
    """A row label as a 科目 name: no spaces, no "(类)" mark (其他支出(类) is the 类 其他支出)."""
    return _CLASS_MARK.sub("", clean_label(label))


@lru_cache(maxsize=1)
def classifications() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The top levels (类) of the 政府收支分类科目, from data/classifications.csv: per classification its 类, each
    with the names it has had."""
    out: list[tuple[tuple[str, ...], ...]] = []
    with (DATA / "classifications.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            out.append(tuple(tuple(n.strip() for n in w.split("|")) for w in row[1:] if w.strip()))
    return tuple(out)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """variant → canonical subject, from data/synonyms.csv."""
    out: dict[str, str] = {}
    with (DATA / "synonyms.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            canon = clean_label(row["canonical"])
            out[clean_label(row["variant"])] = canon
            out.setdefault(canon, canon)
    return out


_LEVEL_MARK_AT_END = re.compile(r"（(?:类|款|项)）$")
_LEVEL_PATH_MARK = re.compile(r"（(?:类|款)）")


@lru_cache(maxsize=4096)
def subject_key(text: str) -> str:
    """The canonical subject of a label or phrase (synonyms applied, leading 2023年/本年 dropped)."""
    s = unicodedata.normalize("NFKC", clean_label(text)).replace("(", "（").replace(")", "）")
    # 行政运行（项） is the 项 a table row names 行政运行 (a path …（款）行政运行（项） keeps its 款: the path is the item)
    if not _LEVEL_PATH_MARK.search(s):
        s = _LEVEL_MARK_AT_END.sub("", s) or s
    s = s.replace("公共财政预算", "公共预算")  # the fund's name before 2015: 一般公共财政预算支出 is 一般公共预算支出
    syn = synonyms()
    # 全区一般公共预算支出 and 一般公共预算支出 are one subject (the scope is the figure's identity)
    for cand in (s, _LEAD_PERIOD.sub("", s), _without_lead_scope(_LEAD_PERIOD.sub("", s))):
        if cand in syn:
            return syn[cand]
        # 公务接待费支出 / 公务接待费用 → 公务接待费
        for suffix in ("支出", "用", "情况", "总额"):
            if cand.endswith(suffix) and cand[: -len(suffix)] in syn:
                return syn[cand[: -len(suffix)]]
    return _DEBT_OWNER.sub("", _without_lead_scope(_LEAD_PERIOD.sub("", s))) or s


# 地区本级政府债务余额 = 地区本级债务余额: in a debt figure's name 政府 / 地方政府 is its owner, not another item
_DEBT_OWNER = re.compile(r"^(?:地方)?政府(?=债务)")


def _without_lead_scope(s: str) -> str:
    """市本级政府性基金收入 → 政府性基金收入: the scope is the figure's identity, not its subject; what is left must
    still name something (全市 alone stays)."""
    for _ in range(2):  # 2023年市本级…, 全市…
        word = next(
            (
                w
                for w in scope_words()
                if s.startswith(w)
                and len(s) - len(w) >= MIN_SUBJECT
                and s[len(w)] != "级"
                and not (w.endswith("级") and SOURCE_AFTER.match(s[len(w) :]))  # 省级资金: a source, not a scope
            ),
            "",
        )
        if not word:
            break
        s = _LEAD_PERIOD.sub("", s[len(word) :])
    return s


MIN_SUBJECT = 3  # characters a subject keeps after its scope word (本级税收: 税收 is too short to be sure)


@lru_cache(maxsize=1)
def scope_words() -> tuple[str, ...]:
    from extractors.identity import vocabulary

    return tuple(w for w, _ in vocabulary().words.get("scope", ()))


_LEAD_PERIOD = re.compile(r"^(?:20\d\d年(?:度)?|本年度?|全年)")

GENERIC = {"合计", "小计", "总计", "其中", "其他", "", "金额", "项目", "本年", "上年"}
_ACTOR = r"(?:[省市县区镇]?财政|中央|上级|[省市县区]级|各级|[省市县区镇])?"


@lru_cache(maxsize=1)
def _weak_subject() -> re.Pattern[str]:
    w = words()
    verbs = "|".join(sorted(w.verbs, key=len, reverse=True))
    generic = "|".join(sorted(w.generic, key=len, reverse=True))
    return re.compile(rf"^{_ACTOR}(?:{verbs})+(?:{generic})$")


_CHANGED_TO = re.compile(
    r"^(?:下降|增长|增加|减少|降低|提高|上升|回落|压减|缩减)(?:到|至)$|^(?:调增|调减|调整)(?:到|至|为)?$|^(?:增至|降至|达到|升至|调为)$"
)
_MEASURE_ONLY = re.compile(r"^(?:(?:年初|全年|调整后?)?(?:预算|决算|执行)数?(?:合计|总计)?|(?:实际)?到位(?:资金|数)?)$")
_CLASS_OF_MONEY = re.compile(
    r"^(?:专项|奖励|补助|奖补|补贴|配套|扶持|引导|财政|项目|上级|中央|省级|市级|县级|各类|相关|有关|安排|到位)?"
    r"(?:资金|经费|补助|奖励|款项|投入)$"
)


def weak_subject(key: str) -> bool:
    """A subject that names an action or a class of money, not an item: 拨付资金, 市财政安排资金, 专项资金.
    Two such figures are seldom the same figure, so no family compares them."""
    rest = strip_scope_words(key)
    if key in GENERIC or rest in GENERIC or rest in words().generic or _CLASS_OF_MONEY.match(rest):
        return True
    if _CHANGED_TO.match(rest):
        return True  # 由上年的40亿元下降到35亿元: the verb names nothing, the item stands before 由
    if _MEASURE_ONLY.match(rest):
        return True  # 中央补助资金全年预算数合计…，执行数合计1,168.20万元: a measure, its item stands before it
    return bool(_weak_subject().match(rest))


# ------------------------------------------------------------------ change words


def same_item_name(a: Claim, b: Claim) -> bool:
    """Two claims named as one item: the same name, or one without a name of its own (none, or a weak one) in
    the other's sentence (…支出年初预算为…，支出决算为…)."""
    ka, kb = subject_key(a.subject), subject_key(b.subject)
    if ka and kb and ka == kb:
        return True
    return a.sentence == b.sentence and (not ka or not kb or weak_subject(ka) or weak_subject(kb))


@lru_cache(maxsize=1)
def change_words() -> dict[str, int]:
    """增长/增加/提高… → +1, 减少/下降/节约… → −1: the change words of extractors/data/claim_words.csv."""
    return {w: 1 if v == "增长" else -1 for w, v in words().change}


def change_sign(word: str) -> int:
    """+1 for a word of increase, −1 for one of decrease (a trailing 了 ignored), 0 otherwise."""
    return change_words().get(word.removesuffix("了"), 0)


@lru_cache(maxsize=1)
def change_pattern() -> str:
    """The change words as a regex alternation, longest first."""
    return change_alternation()


# ------------------------------------------------------------------ roles

_YEAR = re.compile(r"(20\d\d)年")


_CHANGE_COLUMN = re.compile(r"增减|增长额|减少额|增加额|增长|减少|增幅|降幅|变动")
_ADJUSTMENT_COLUMN = re.compile(r"调整数|调整金额|调[增减](?:[（(][+＋\-－]?[增减]?[）)]|调?[增减])?数?$")


def role_of_labels(labels: Iterable[str], doc_year: int | None) -> str:
    """Role class of a table column: actual | budget | budget_full | prior | target | points | score | rate | ''."""
    text = "".join(clean_label(x) for x in labels)
    years = [int(y) for y in _YEAR.findall(text)]
    if _CHANGE_COLUMN.search(text) or _ADJUSTMENT_COLUMN.search(text):
        return "change"  # 比上年增减, 增减额, 调整数: a difference, never the figure itself
    if "调整前" in text:
        return "budget"  # 调整前 | 调整数 | 调整后 of a 预算调整方案: the budget before, and the budget as adjusted
    if "调整后" in text:
        return "budget_full"
    if "上年" in text or (doc_year and years and max(years) < doc_year):
        return "prior"
    if "得分" in text:
        return "score"
    if "分值" in text:
        return "points"
    if "执行率" in text or "控制率" in text:
        return "rate"
    if "全年预算" in text or "调整预算" in text:
        return "budget_full"
    if "预算" in text:
        return "budget"
    if "指标值" in text or "目标" in text:
        return "target"
    if any(w in text for w in ("决算", "执行数", "实际", "完成值", "支出数")):
        return "actual"
    return ""


def role_of_claim(c: Claim) -> str:
    if c.relation == "change":
        return "change"  # 比上年增加184.96万元: a difference, never the level of its subject
    r = c.role
    if r == "上年" or c.period == "上年":
        return "prior"
    if r in ("全年",):
        return "budget_full"
    if r in ("预算", "年初"):
        return "budget"
    if r == "目标":
        return "target"
    return "actual"


# ------------------------------------------------------------------ figures


@dataclass
class Figure:
    """A claim or a fact, seen alike by the cross-figure rules."""

    kind: str  # claim | fact
    quantity: Quantity
    subject: str
    key: str
    role: str
    prov: Provenance
    text: str  # sentence or cell text
    label: str  # how an auditor would name it: 附件4 年度资金总额 全年预算数
    obj: Claim | Fact
    column_rest: str = ""  # column labels that are not a role/period (a cross-classification)
    ident: Identity | None = None  # the identity with the report kind's defaults (set by Context)

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def identity(self) -> Identity:
        return self.ident if self.ident is not None else self.obj.identity

    @property
    def measure(self) -> str:
        """The figure's measure as printed for people: its identity's, else its role's."""
        return self.identity.measure or ROLE_MEASURE.get(self.role, "")


def describe(fig: Figure, name: str = "") -> str:
    """What a figure is, for a finding's subject: its item (the heading it stands under and its own name)
    qualified by what its identity states — 2025年 全市 一般公共预算 税收收入 执行."""
    ident = fig.identity
    name = name or fig.subject or fig.key
    item = ident.item if ident.item and ident.item not in name else ""
    part_of = f"{ident.part_of}中" if ident.part_of and ident.part_of not in name else ""
    period = (
        ident.period + ("" if ident.period.endswith(("月", "日", "底", "末", "年", "度")) else "年")
        if ident.period
        else ""
    )
    parts = [period, ident.scope, ident.fund, item, part_of, name, fig.measure]
    return " ".join(p for p in parts if p)


ROLE_MEASURE = {"actual": "", "budget": "预算", "budget_full": "调整预算", "prior": "上年", "target": "目标"}


_ATTACHMENT = re.compile(r"附件\s*\d+")


def table_name(f: Fact) -> str:
    title = (f.table_title or "").strip()
    m = _ATTACHMENT.match(title)
    if m:
        return m.group(0).replace(" ", "")
    if title:
        return title.split("\n")[0][:16]
    return f"表{(f.prov.table or 0) + 1}"


def fact_subject(f: Fact) -> str:
    labels = [clean_label(x) for x in f.row_labels]
    labels = [x for x in labels if x and not _only_number(x)]
    label = labels[-1] if labels else ""
    if f.code and label.startswith(f.code) and len(label) > len(f.code):
        label = label[len(f.code) :].strip()  # 205 教育支出 in one cell: the row's code, then its name
    title = f.table_title or ""
    return ("" if f.past_own_flow else titled_total(label, title)) or label + _flow_of_a_fund(label, title)


_A_FUND = re.compile(r"基金$")
_BARE_FUND_FLOW = re.compile(r"基金(?:收入|支出)")
_FLOWS = ("收入", "支出")


def _flow_of_a_fund(name: str, words: str) -> str:
    """The flow a fund named alone (城乡居民基本养老保险基金) has where the words around it name one flow only: a row of
    a table titled …基金支出执行情况表, a 全年支出 under the fund's heading — its spending, never its income."""
    if not _A_FUND.search(name):
        return ""
    text = "".join(words.split()).replace("收支", "")
    named = [w for w in _FLOWS if w in text]
    return named[0] if len(named) == 1 else ""


_BY_UNITS = re.compile(r"各(?:街镇|街道|乡镇|苏木|镇|县|区|市|旗)|分(?:地区|县|区|市|乡镇|街镇|街道)|按地区")
_APPROPRIATED_SPENDING = re.compile(r"(一般公共预算|政府性基金预算|国有资本经营预算)财政拨款支出")
_SANGONG_ONLY = re.compile(r"^(?!.*(?:会议费|培训费|机关运行)).*三公经费")


def titled_total(label: str, title: str) -> str:
    """The subject a table's bare 合计 row stands for: its title's fund and flow. In a table of both flows only 本年收入合计
    / 本年支出合计 are the fund's own (its 收入合计 / 支出合计 may hold transfers, 调出资金 …), and a 总计 never is."""
    row = BARE_TOTAL_ROW.match(label.replace(" ", ""))
    if row is not None and row.group(2) != "收入" and _SANGONG_ONLY.search(re.sub(r"[“”\"'\s]", "", title)):
        return "三公经费"  # the 合计 row of a table of the 三公 items alone (not of 会议费, 培训费 or 机关运行经费 too)
    appropriated = _APPROPRIATED_SPENDING.search("".join(title.split()))
    if row is not None and appropriated is not None and row.group(2) != "收入" and "收入" not in title:
        return appropriated.group(1) + "财政拨款支出"  # 一般公共预算财政拨款支出决算表's 合计
    named = TITLE_FUND_FLOW.findall(title)
    totalled = _FUND_FLOW_TOTAL.match(label.replace(" ", ""))
    if row is None and totalled is not None and named == [totalled.groups()] and not _BY_UNITS.search(title):
        # 政府性基金预算收入合计 in a table titled …政府性基金预算收入执行情况表: the fund's income itself
        return totalled.group(1) + totalled.group(2)
    if row is None or len(named) != 1 or "平衡" in title or _BY_UNITS.search(title):
        return ""  # (2024年各街镇一般公共预算支出情况表: its 合计 is the 街镇's together, not the report's whole)
    fund, flow = named[0]
    this_year, own = row.group(1), row.group(2) or ""
    if flow == "收支":
        return fund + own if this_year and own else ""
    return fund + flow if own in ("", flow) else ""


_FUND_FLOW_TOTAL = re.compile(r"^(一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)(收入|支出)合计$")
_NUMBER_ONLY = re.compile(r"[\d.,，%％]+")


def _only_number(s: str) -> bool:
    return bool(_NUMBER_ONLY.fullmatch(s))


_BY_WHAT = re.compile(r"按[^：:]{1,8}分[：:]?")  # 按支出性质分： a grouping, not a measure
_ROLE_WORDS = re.compile(
    r"(20\d\d年|上年|本年|年初|全年|调整|预算|决算|执行|实际支出|实际|完成值|年度指标值|指标值|数|金额|合计"
    r"|完成|同期|累计|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|上半年|前[一二三]季度)"  # 1—6月完成, 上年同期: the measure and stretch
)


def fact_figure(f: Fact, doc_year: int | None) -> Figure:
    subject = fact_subject(f)
    cols = [clean_label(x) for x in f.column_labels if clean_label(x)]
    funds_across = _funds_across(f)
    if funds_across is not None:
        subject, cols = funds_across
    ident = None
    year_row = (
        _A_YEARS_ROW.fullmatch(subject) if funds_across is None and cols and f.quantity.dimension != "percent" else None
    )
    if year_row is not None:
        # 年度 | 收入 | 支出 over 2023年 | 2024年: each cell is its column's figure of its row's year
        subject, cols = cols[-1], cols[:-1]
        if _TOTAL_COLUMN.match(subject):
            # 年度 | 合计 | 因公出国（境）费 | … in "一般公共预算“三公”经费支出预算表": the 合计 is the title's thing
            subject = _thing_of_the_title(f.table_title or "") or subject
        ident = replace(f.identity, period=year_row.group(1))
    rest = "" if funds_across is not None else _ROLE_WORDS.sub("", _BY_WHAT.sub("", "".join(cols)))
    if f.identity.scope:
        rest = strip_scope_words(
            rest
        )  # (全市 › 执行数 | 市本级 › 执行数: the scope is the identity's, no other measure)
    label = " ".join(x for x in [table_name(f), subject, " › ".join(cols)] if x)
    return Figure(
        kind="fact",
        quantity=f.quantity,
        subject=subject,
        key=subject_key(subject),
        # (a year's row names its measure, 2025年（预计）, or none: what that year came to)
        role=role_of_labels([year_row.group(0)], None) or "actual" if year_row else role_of_labels(cols, doc_year),
        prov=f.prov,
        text=f.text or f.quantity.text,
        label=label,
        obj=f,
        column_rest=rest,
        ident=ident,
    )


# (2024年预算数 | 2025年预算数 down the rows of a 三公 table: each row a year's figures of one measure)
_TITLE_LEAD = re.compile(r"^\s*(?:附)?表\s*[\d一二三四五六七八九十]*\s*[-－—]?\s*(?:20\d\d\s*年度?)?")
_TITLE_FUND = re.compile(r"^(?:一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款)+")
_TITLE_END = re.compile(r"(?:支出|收入)?(?:预算|决算|执行)?(?:情况)?(?:统计|明细)?表$")


def _thing_of_the_title(title: str) -> str:
    """What a table of one thing is of, by its title (一般公共预算“三公”经费支出预算表 → “三公”经费); "" when the title
    leaves no name of two characters."""
    name = title_without_unit(title.strip().split("\n")[0])
    name = _TITLE_END.sub("", _TITLE_FUND.sub("", _TITLE_LEAD.sub("", name)))
    return name if len(name) >= 2 else ""


_A_YEARS_ROW = re.compile(r"(20\d\d)年度?(?:[（(][^（）()]{1,6}[)）]|(?:年初)?(?:预算|决算|执行|预计执行|实际)数?)?")
_A_FUNDS_NAME = re.compile(r"(?:保险|[^，,；;。\s]{2}业|[^，,；;。\s]{2}调节)基金$")
_A_FLOW = re.compile(r"收入|支出|结余")
_ROW_NUMBERING = re.compile(
    r"^(?:其中[：:]?)?\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])?"
)
_TOTAL_COLUMN = re.compile(r"^(?:合计|小计|总计)$")
_A_BALANCE = re.compile(r"(?:年初|年末)?滚存结余|(?:当年|本年)?收支结余")
_WHOLE_FUND_IN_TITLE = re.compile(r"社会保险基金")


def _funds_across(f: Fact) -> tuple[str, list[str]] | None:
    """A table of funds across and their flows down (项目 | 合计 | 企业职工基本养老保险基金 | 工伤保险基金 … over 一、收入 |
    收入预算数 | 五、年末滚存结余): each cell is its column's fund's flow, in the measure its row names —
    企业职工基本养老保险基金收入 as the text prints it, never a bare 收入 of every fund. The 合计 column is the whole
    社会保险基金 where the title names it. (subject, the labels that give the measure) or None."""
    leaf = clean_label(f.column_labels[-1]) if f.column_labels else ""
    row = clean_label(f.row_labels[-1]) if f.row_labels else ""
    row = _ROW_NUMBERING.sub("", row).strip()
    if not row or not _A_FLOW.search(row) or _A_FUNDS_NAME.search(row) or "上年" in row:
        return None  # (上年收入决算数: last year's, which the table's own year does not date)
    group = clean_label(f.column_labels[0]) if len(f.column_labels) >= 2 else ""
    if _A_FUNDS_NAME.search(leaf):
        fund = leaf
    elif _A_FUNDS_NAME.search(group) and leaf and not _TOTAL_COLUMN.match(leaf) and not _ROLE_WORDS.fullmatch(leaf):
        fund = leaf + group  # 基本养老保险基金 › 企业职工: 企业职工基本养老保险基金
    elif _TOTAL_COLUMN.match(leaf) and _WHOLE_FUND_IN_TITLE.search("".join((f.table_title or "").split())):
        fund = "社会保险基金"
    else:
        return None
    stock = _A_BALANCE.search(row)  # (年初滚存结余 and 年末滚存结余 are two stocks; 年初 names no budget here)
    flow = stock.group(0) if stock else _ROLE_WORDS.sub("", row)
    if not _A_FLOW.search(flow):
        return None
    return fund + flow, [row if stock is None else ""]


_ONE_FUND = re.compile(r"(?<!社会)保险基金$")


def _one_fund_and_the_whole(a: Figure, b: Figure) -> bool:
    """One figure under one insurance fund's item (工伤保险基金), the other naming the 社会保险基金 and no item."""
    for x, y in ((a, b), (b, a)):
        if _ONE_FUND.search(x.identity.item) and not y.identity.item and y.identity.fund == "社会保险基金预算":
            return True
    return False


def _one_column(a: Figure, b: Figure) -> bool:
    pa, pb = a.prov, b.prov
    return (
        a.kind == b.kind == "fact"
        and pa.table is not None
        and (pa.table, pa.col) == (pb.table, pb.col)
        and pa.row != pb.row
    )


def placed_facts_by_table(facts: Iterable[Fact]) -> dict[int, list[Fact]]:
    """Table → its facts that know their table, row and column, in reading order."""
    out: dict[int, list[Fact]] = {}
    for f in facts:
        if f.prov.table is not None and f.prov.row is not None and f.prov.col is not None:
            out.setdefault(f.prov.table, []).append(f)
    return out


def span_start(c: Claim) -> int:
    """Where a claim's figure starts in its paragraph (0 when not known): the reading order within a paragraph."""
    return c.prov.span[0] if c.prov.span else 0


def identities_contradict(x: Identity, y: Identity) -> bool:
    """A scope, fund or year that both state and that differs."""
    if x.period and y.period and not same_period(x.period, y.period):
        return True
    return any(u and v and u != v for u, v in ((x.scope, y.scope), (x.fund, y.fund)))


def closes_unopened(text: str) -> bool:
    """Whether text closes a bracket it did not open (a figure before it stands inside that bracket)."""
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return True
            depth -= 1
    return False


_A_TOPIC = re.compile(r"(?:情况|说明|概况|分析)$")  # （三）项目支出情况 heads a topic, not one project


def claim_figure(c: Claim) -> Figure:
    subject = c.subject
    item = c.identity.item
    if (
        item
        and c.role
        and not _A_TOPIC.search(item)
        and c.quantity.dimension == "money"
        and weak_subject(subject_key(subject))
    ):
        # 4.农业产业发展专项资金 › 该项目全年预算560.00万元，实际支出521.90万元: a figure naming no item of its own under
        # an item's heading, only its measure, is the item's (下达资金1,310.00万元 names no measure: left alone)
        subject = item + _flow_of_a_fund(item, subject)
    elif item and _A_FUND.search(item) and _BARE_FUND_FLOW.fullmatch(subject_key(subject)):
        # （六）工伤保险基金 › 基金支出26,618万元: that fund's spending (its table row 工伤保险基金 of a …支出表)
        subject = item + _flow_of_a_fund(item, subject)
    return Figure(
        kind="claim",
        quantity=c.quantity,
        subject=subject,
        key=subject_key(subject),
        role=role_of_claim(c),
        prov=c.prov,
        text=c.sentence,
        label=f"{c.section.split('›')[-1].strip()[:16] or '正文'} {c.subject}".strip(),
        obj=c,
    )


def _a_body_s(scope: str) -> bool:
    """Whether a scope is one body's of a department: its own office (本级), its units (下级) or one named."""
    return scope in ("本级", "下级") or named_scope(scope)


def doc_year_of(facts: list[Fact], claims: list[Claim]) -> int | None:
    years: list[int] = []
    for f in facts:
        for lab in f.column_labels:
            years += [int(y) for y in _YEAR.findall(lab)]
    for c in claims:
        years += [int(y) for y in _YEAR.findall(c.period or "")]
    return max(years) if years else None


# ------------------------------------------------------------------ context

# A report of these kinds speaks of one measure unless a figure says otherwise: a 决算 or a self-evaluation
# of what was spent, a 预算 of what is planned. (A government's 预算执行 report has both: no default.)
DEFAULT_MEASURE = {
    "部门决算": "决算",
    "单位决算": "决算",
    "政府决算": "决算",
    "部门整体支出绩效自评报告": "执行",
    "项目支出绩效自评表": "执行",
    "财政支出绩效评价报告": "执行",
    "部门预算": "预算",
    "单位预算": "预算",
}


_PROJECT = re.compile(r"项目|专项资金|补助资金")
_DRAFT_HEADING = re.compile(r"预算草案|预算[(（]草案[)）]|预算安排")
# (截至2024年末，全旗政府债务余额…: a stock at a past moment, under the draft's heading, is no budget)
_SPENT_WORDS = re.compile(r"执行|完成|决算|实际|实现|截至|截止")


def _drafted(fig: Figure) -> bool:
    """A level under a heading of the draft budget (二、2026年预算草案) whose sentence names no measure of its own."""
    c = fig.obj
    if not isinstance(c, Claim) or c.role or c.relation not in ("", "total", "part") or c.base:
        return False
    return bool(_DRAFT_HEADING.search(c.section)) and not _SPENT_WORDS.search(c.sentence)


def _heading_words(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_SECTION_ITEM = re.compile(r"(?:基金|项目|资金|保险)$")  # the items a text may give a section each


def _parallel_sections(a: Figure, b: Figure) -> bool:
    """Two text figures under two sections of one outline repeated per item: their heading paths part at one heading
    and go on alike below it (（一）国有土地使用权出让收入 › 3.结余 and （二）城市基础设施配套费收入 › 3.结余), or part at
    the last heading where both figures take one run-in topic as their item."""
    if not (isinstance(a.obj, Claim) and isinstance(b.obj, Claim)):
        return False
    pa = [x.strip() for x in a.obj.section.split("›") if x.strip()]
    pb = [x.strip() for x in b.obj.section.split("›") if x.strip()]
    if not pa or len(pa) != len(pb) or pa == pb:
        return False
    k = next(i for i in range(len(pa)) if pa[i] != pb[i])
    if pa[k + 1 :] != pb[k + 1 :]:
        return False
    if k < len(pa) - 1:
        return True
    item = a.identity.item
    return bool(item) and item == b.identity.item and item not in pa[-1] and item not in pb[-1]


@dataclass
class Context:
    claims: list[Claim]
    facts: list[Fact]
    outline: list[OutlineEntry]
    settings: tol.Settings = tol.DEFAULT
    doc_year: int | None = None
    figures: list[Figure] = field(default_factory=list)
    resolved: set[int] = field(default_factory=set)  # id() of claims some rule decided
    unresolved: list[tuple[Claim, str]] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)  # what one family leaves for a later one
    doc: Document | None = None  # optional: lets a score sheet read its qualitative (non-numeric) cells
    kind: str = ""  # the report's kind (extractors.report_kind.KINDS); "" when not classified
    ambiguity: Ambiguity = field(default_factory=lambda: Ambiguity(frozenset()))

    def __post_init__(self) -> None:
        self.doc_year = doc_year_of(self.facts, self.claims)
        self.figures = [claim_figure(c) for c in self.claims] + [fact_figure(f, self.doc_year) for f in self.facts]
        measure = DEFAULT_MEASURE.get(self.kind, "")
        for fig in self.figures:
            ident = fig.identity
            if measure and not ident.measure and fig.role in ("", "actual", "budget"):
                fig.ident = replace(ident, measure=measure if fig.role != "budget" else "预算")
            elif not measure and _drafted(fig):
                # 三、2026年预算草案 › 其中，税收收入48.2亿元: a figure under the draft budget's heading is a budget,
                # where the report holds both budgets and what was spent
                fig.role = "budget"
        self.ambiguity = Ambiguity.of([f.identity for f in self.figures], [c.subject for c in self.claims])
        if self.kind in DEPARTMENT_KINDS and any(_a_body_s(f.identity.scope) for f in self.figures):
            # a department's figure states no scope; one of its own office (委本级) or of its units states one: where
            # the report names any, a figure naming none is not certainly the same as one naming it
            self.ambiguity = Ambiguity(self.ambiguity.several | {"scope"})
        # the items each subject is printed under in the text (当年收支结余 of each 险种's paragraph)
        self.items_of_key: dict[str, set[str]] = defaultdict(set)
        for fig in self.figures:
            if fig.kind == "claim" and fig.identity.item:
                self.items_of_key[fig.key].add(fig.identity.item)
        text_items = {item for items in self.items_of_key.values() for item in items}
        self.section_items = {item for item in text_items if _SECTION_ITEM.search(item)}  # (a fund's, a project's)

    def relation(self, a: Figure, b: Figure) -> str:
        """Whether two printings are the same figure: SAME, DIFFERENT or UNSETTLED (extractors.identity). Two cells
        of one column of one table are two figures, whatever their labels share (two projects of one 实施单位)."""
        if _one_column(a, b) or self._parts_of_two_wholes(a, b):
            return DIFFERENT
        found = relation(a.identity, b.identity, self.ambiguity)
        items = [x.identity.item for x in (a, b)]
        both_text = a.kind == b.kind == "claim"  # a table cell's item is its row, matched by subject
        if found == SAME and both_text and sum(bool(_PROJECT.search(x)) for x in items) == 1 and not all(items):
            # 1．高标准农田建设项目：年初预算2000.00万元，年中追加1260.00万元 and the department's 年中追加2574.35万元: a
            # project's figure and one stating no item may be the project's or the whole's
            return UNSETTLED
        if found == SAME and both_text and _one_fund_and_the_whole(a, b):
            # 全市社会保险基金…利息收入43096.51万元 and 利息收入876.54万元 under （一）工伤保险基金: the whole fund's
            # figure and one of its funds' are two figures
            return DIFFERENT
        if found == SAME and both_text and self._in_sections_alike(a, b):
            # 科技创新专项… › 六、年度预算安排 and 生命健康专项… › 六、年度预算安排: one outline repeated per project, each
            # section's 项目总预算 its own project's
            return DIFFERENT
        if found == SAME and both_text and any(items) and not all(items) and len(self.items_of_key[a.key]) >= 2:
            # 当年收支结余 under 1.机关事业单位基本养老保险基金, under 2.城乡居民… and once under no item: that one is
            # likely the sum over the items, not any one item's
            return UNSETTLED
        if found == SAME and both_text and _parallel_sections(a, b):
            # （一）国有土地使用权出让收入 › 3.结余。上年结转12345万元 and （二）城市基础设施配套费收入 › 3.结余。上年结转1234万元:
            # one outline of run-in topics repeated per section, each section's figures its own
            return UNSETTLED
        titled = [x.identity.item for x in (a, b) if x.kind == "fact"]
        untold = [x.identity.item for x in (a, b) if x.kind == "claim"]
        if found == SAME and not both_text and self._another_sections_cell(a, b):
            # 城乡居民基本医疗保险基金 › 本年收支结余25738.51万元 and the 合计 column of the funds' summary table: one fund's
            # figure is no cell that names neither it nor any one fund
            return UNSETTLED
        if found == SAME and any(titled) and not any(untold) and len(self.section_items) >= 2:
            # 保险费收入33813880万元 in the overview and the 保险费收入 of 表2 企业职工基本养老保险基金预算执行情况表, the
            # text having a section per fund: the overview's is the funds' sum, never certainly one fund's table's
            return UNSETTLED
        if (
            found == SAME
            and both_text
            and any(items)
            and not all(items)
            and next(x for x in items if x) in self.section_items
            and len(self.section_items) >= 2
        ):
            # 利息收入51.78亿元 in the overview and 利息收入38.62亿元 under （一）企业职工基本养老保险基金, the other funds
            # naming theirs otherwise: where the text has several item sections, a figure of none may be their sum
            return UNSETTLED
        return found

    def _another_sections_cell(self, a: Figure, b: Figure) -> bool:
        """Whether one is a text figure under a section of one fund, project or account among several such sections,
        and the other a table cell whose labels and title do not name that item."""
        claim, fact = (a, b) if a.kind == "claim" else (b, a)
        item = claim.identity.item
        if claim.kind != "claim" or fact.kind != "fact" or not item or fact.identity.item:
            return False
        if item not in self.section_items or len(self.section_items) < 2 or not isinstance(fact.obj, Fact):
            return False
        labels = "".join([*fact.obj.row_labels, *fact.obj.column_labels, fact.obj.table_title or ""])
        return item not in re.sub(r"\s", "", labels)

    def _parts_of_two_wholes(self, a: Figure, b: Figure) -> bool:
        """Two printed parts of two lists whose wholes are two figures (全省共发行债券300亿元，其中一般债券100亿元…;
        再融资债券90亿元，其中一般债券40亿元…): each part is its own whole's share, not one figure printed twice. A
        figure larger than the whole the other printing is a part of is no printing of that part either. (Only of two
        printings of one name: a part's own ceiling — 一般债务限额 for 一般债务余额 — is another figure anyway.)"""
        if a.key != b.key:
            return False
        whole_a, whole_b = self._whole_of_part(a), self._whole_of_part(b)
        if whole_a is not None and whole_b is not None:
            # (2024's 收入总计 and 2025's 收入总量: wholes of two years, their parts one item's two years — what a change
            # from last year sets side by side)
            years = {whole_a.identity.period, whole_b.identity.period}
            return (
                not (len(years) == 2 and all(years))
                and whole_a is not whole_b
                and subject_key(whole_a.subject) != subject_key(whole_b.subject)
                and whole_a.quantity.base_value != whole_b.quantity.base_value
            )
        other, whole = (b, whole_a) if whole_a is not None else (a, whole_b)
        if whole is None or other.kind != "claim" or not isinstance(other.obj, Claim):
            return False
        if other.quantity.base_value > whole.quantity.base_value:
            return True  # a part is never larger than its whole
        # 按用途划分，新增债券629.97亿元、再融资债券361.49亿元；按类型划分，一般债券335.35亿元…: printed beside the whole
        # itself, a figure is of the whole's level (the report's 一般债券), not the whole's own part
        key = subject_key(whole.subject)
        return any(
            x is not whole
            and x.sentence == other.obj.sentence
            and subject_key(x.subject) == key
            and x.quantity.base_value == whole.quantity.base_value
            and (x.group is None or x.group != other.obj.group)
            for x in self.paragraph_claims(other.obj)
        )

    def _whole_of_part(self, f: Figure) -> Claim | None:
        c = f.obj
        if f.kind != "claim" or not isinstance(c, Claim) or c.relation != "part" or c.group is None:
            return None
        totals = [x for x in self.group_claims(c) if x.relation == "total"]
        return totals[0] if len(totals) == 1 and totals[0].quantity.base_unit == c.quantity.base_unit else None

    def _in_sections_alike(self, a: Figure, b: Figure) -> bool:
        """Whether two printings stand under two headings of one text (a section repeated per item): the headings'
        places in the outline differ while their words are the same."""
        pa, pb = self._heading_place(a), self._heading_place(b)
        return pa is not None and pb is not None and pa[1] == pb[1] and pa[0] != pb[0]

    def _heading_place(self, fig: Figure) -> tuple[int, str] | None:
        """The outline place and words of the innermost heading a text figure stands under."""
        c = fig.obj
        if not isinstance(c, Claim) or not c.section or fig.prov.block is None:
            return None
        places: dict[int, tuple[int, str] | None] = self.cache.setdefault("_heading_places", {})
        if id(c) not in places:
            if "_headings_by_text" not in self.cache:
                by_text: dict[str, list[tuple[int, int]]] = defaultdict(list)  # words → (block, place), in order
                heads = [e for e in self.outline if e.kind == "heading" and e.prov.block is not None]
                for i, e in enumerate(heads):
                    by_text[_heading_words(e.text)].append((e.prov.block or 0, i))
                self.cache["_headings_by_text"] = by_text
            own, at = c.section.split("›")[-1].strip(), fig.prov.block
            # (the outline keeps its headings NFKC-normalised, a claim's section as printed: （一）收入预算)
            found = [i for block, i in self.cache["_headings_by_text"].get(_heading_words(own), []) if block <= at]
            places[id(c)] = (found[-1], own) if found else None
        return places[id(c)]

    def same_figure(self, a: Figure, b: Figure) -> bool:
        return self.relation(a, b) == SAME

    def unsettled(self, a: Figure, b: Figure) -> bool:
        return self.relation(a, b) == UNSETTLED

    def identity_clusters(self, figs: list[Figure]) -> list[list[Figure]]:
        """Printings linked by SAME identity (transitively): each cluster is one figure printed several times."""
        parent = list(range(len(figs)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(figs)):
            for j in range(i):
                if root(i) != root(j) and self.relation(figs[i], figs[j]) == SAME:
                    parent[root(i)] = root(j)
        out: dict[int, list[Figure]] = {}
        for i, f in enumerate(figs):
            out.setdefault(root(i), []).append(f)
        return list(out.values())

    def applies(self, r: Rule) -> bool:
        """Whether rule r runs on this document's kind (a family may skip the work of a rule that does not)."""
        return r.applies_to(self.kind)

    def group_claims(self, c: Claim) -> list[Claim]:
        """The claims of c's list (a total, its parts and their shares), which may run over paragraphs."""
        if "_by_group" not in self.cache:
            index: dict[int, list[Claim]] = {}
            for x in self.claims:
                if x.group is not None:
                    index.setdefault(x.group, []).append(x)
            self.cache["_by_group"] = index
        return self.cache["_by_group"].get(c.group, []) if c.group is not None else []

    def paragraph_claims(self, c: Claim) -> list[Claim]:
        if "_by_paragraph" not in self.cache:
            index: dict[tuple, list[Claim]] = {}
            for x in self.claims:
                index.setdefault((x.prov.block, x.prov.paragraph), []).append(x)
            self.cache["_by_paragraph"] = index
        return self.cache["_by_paragraph"].get((c.prov.block, c.prov.paragraph), [])

    def claim_at(self, para: Paragraph, pos: int) -> Claim | None:
        """The claim whose number covers character `pos` of paragraph `para`."""
        for c in self.claims:
            span = c.prov.span
            if (c.prov.block, c.prov.paragraph) == (para.prov.block, para.prov.paragraph) and span:
                if span[0] <= pos < span[1]:
                    return c
        return None

    def sentence_claims(self, c: Claim) -> list[Claim]:
        return [x for x in self.paragraph_claims(c) if x.sentence == c.sentence]

    def mark(self, c: Claim) -> None:
        self.resolved.add(id(c))

    def note(self, c: Claim, reason: str) -> None:
        self.unresolved.append((c, reason))


# ------------------------------------------------------------------ formatting


# appended to an explanation whose stated figure agrees only when truncated, not rounded (severity warning)
TRUNCATED = "；按截尾（非四舍五入）可得所写数值，疑为截尾"


_PRINTED_DECIMALS = 2


def fmt(v: Decimal | None, decimals: int | None = None) -> str:
    if v is None:
        return ""
    if decimals is not None:
        v = tol.point(v, decimals)
    s = format(v, "f")
    # a printed figure keeps its decimals (4379.10); only a quotient's long tail of digits is cut
    if "." in s and decimals is None and len(s) - s.index(".") - 1 > _PRINTED_DECIMALS:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_q(q: Quantity) -> str:
    return q.text.strip() or f"{fmt(q.value)}{q.unit}"


def shown(q: Quantity) -> str:
    """A figure as printed, with its unit (a table cell prints none: 2,961.68 → 2,961.68万元)."""
    text = (q.text or format(q.value, "f")).strip()
    # ８１．７２％ is printed with full-width characters: its unit is there, in another form
    return text + ("" if q.unit and q.unit in unicodedata.normalize("NFKC", q.text or "") else q.unit)


def in_unit(base: Decimal, q: Quantity) -> Decimal:
    """A base-unit value expressed in q's printed unit."""
    return base / tol.factor(q)


def pct_of(a: Figure | Quantity, b: Figure | Quantity) -> tol.Interval | None:
    qa = a.quantity if isinstance(a, Figure) else a
    qb = b.quantity if isinstance(b, Figure) else b
    return tol.percent(tol.base_interval(qa), tol.base_interval(qb))


def exact_pct(a: Quantity, b: Quantity) -> Decimal | None:
    if b.base_value == 0:
        return None
    return a.base_value / b.base_value * 100


def _shown(v: Decimal, q: Quantity) -> Decimal:
    """An expected value as precise as the stated figure, at least two decimals, no noise digits."""
    rounded = tol.point(v, max(q.decimals, 2))
    if v != rounded:
        return rounded
    n = v.normalize()
    return n.quantize(Decimal(1)) if n == n.to_integral_value() else n


def make_finding(
    rule: Rule,
    severity: str,
    fig: Figure,
    explanation: str,
    *,
    expected: Decimal | None = None,
    derivation: str = "",
    related: Iterable[Provenance] = (),
    subject: str | None = None,
    decimals: int | None = None,
) -> Finding:
    """A finding on fig. `expected` is in fig's printed unit, shown as precise as the stated figure and to
    at least two decimals, or to exactly `decimals` places when given."""
    q = fig.quantity
    rel: list[Provenance] = []
    for p in related:
        if p != fig.prov and p not in rel:
            rel.append(p)
    return Finding(
        rule=rule.id,
        severity=severity,
        prov=fig.prov,
        subject=subject if subject is not None else fig.subject,
        stated_text=fig.text,
        explanation=explanation,
        stated_value=q.value,
        expected_value=None
        if expected is None
        else _shown(expected, q)
        if decimals is None
        else tol.point(expected, decimals),
        unit=q.unit,
        related=rel,
        derivation=derivation,
    )


def rule(
    family: str, rid: str, severity: str, title: str, template: str, *tags: str, kinds: Iterable[str] = ANY_KIND
) -> Rule:
    """A rule of a family; `kinds`: the report kinds it is written for (default: any kind)."""
    return Rule(
        id=f"{family}.{rid}",
        family=family,
        severity=severity,
        title=title,
        template=template,
        tags=tags,
        kinds=tuple(kinds),
    )
