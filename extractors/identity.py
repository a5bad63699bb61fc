"""Figure identity: the scope, fund, measure, period and item a claim or a table cell states.

A claim takes each component from the nearest text that states it: its own clause, the sentence and the
paragraph before it, then the headings it stands under (inner first). A table cell takes them from its
column headers, its table's title and (for tables by region) its row label. The vocabulary is data
(`data/identity_words.csv`); a scope or fund word counts only where a noun phrase begins, so "补助区县"
(a transfer to the districts) is no scope and "调入资金…政府性基金" no fund.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from extractors.clauses import heading_title
from extractors.lists import MAX_LIST, without_closed_brackets
from extractors.model import Claim, Document, Fact, Identity
from extractors.numbers import normalize
from extractors.report_kind import title_lines
from extractors.subjects import PRIOR_YEAR, change_before

DATA = Path(__file__).resolve().parent / "data"
COMPONENTS = ("scope", "fund", "measure")
TITLE_PART = "part"  # a table title naming one part of its whole (基本支出决算表): its rows are that part's

# where a noun phrase begins: punctuation, a heading label, a year, a scope or fund word, or these words
_OPENERS = ("关于", "从", "其中", "全年", "当年", "本年", "今年", "年初", "年末", "累计", "共计", "合计", "即")
# a scope word before a transfer word names the other party of a transfer (区县上解, 市县补助), not the scope
# the other party of a transfer (补助区县, 区县上解); 全县调入资金 is the county's own funds brought in
# 省级资金、市级配套资金: the level a project's money comes from, not the scope of the figures (中央资金 beside them)
_SOURCE = r"(?:配套|自筹|财政|专项)?资金"
SOURCE_AFTER = re.compile("^" + _SOURCE)
_TRANSFER_AFTER = re.compile(r"^(?:上解|补助|转贷|结算|调入(?!资金)|调出(?!资金)|返还|转移支付|级?债务转贷)")
_PUNCT = set("，,；;。：:、（(）)“”\"'‘’—－-–《》【】[] \t\u3000.．\n")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:度)?")
# a year, or a stretch of one, before a name (2025年政府性基金…, 2025年1—6月政府性基金…, 上半年一般公共预算…)
_YEAR_END = re.compile(r"(?:19|20)\d\d\s*年度?$|(?<![\d.])1\s*[-—~至]\s*\d{1,2}\s*月份?$|上半年$|前[一二三]季度$")
_LABEL_END = re.compile(r"(?:^|[\s>›])(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])$")
# 预计267.40亿元，为2025年执行数的103.5%: the year and measure of a rate's base, not of the figures after it
RATE_BASE = (
    r"(?:为|是|相当于|达到|占)(?:\d{4}\s*年度?|上年|去年|上一年)(?:年初|调整后?|全年)?(?:预算|执行|决算|完成|实际)数?的"
    # …，低于2025年执行数主要是…: the figure compared with, not the figures after it
    r"|(?:低于|高于|超过|少于|多于)(?:\d{4}\s*年度?|上年|去年|上一年)(?:年初|调整后?|全年)?(?:预算|执行|决算|完成|实际)数?"
)
# a measure word that names a rate's base or a comparison, not the figure's own measure
_BASE_PHRASES = re.compile(
    r"(?:(?:完成|达到|达|为|占|超|超过|低于|高于)(?:\d{4}\s*年度?)?|[，,；;]\s*)(?:年初|调整后?|批准调整|全年|年度|年|变动)?"
    r"(?:预算|计划)(?:数)?(?:的)?"
    r"|(?:比|较|与|同)(?:上年|去年|上一年|年初|同期|\d{4}\s*年度?)?[^，,；;。]{0,10}?(?:预算|执行数|决算数|执行|决算)"
    r"(?:数)?(?:相比)?"
    r"|(?:按|以)?(?:同|可比)口径(?:调整后?|计算)?"  # 按同口径调整后: a comparable basis, not the adjusted budget
    r"|在[^，,；;。]{0,30}?基础上"  # 在2025年完成428.63亿元的基础上增长4%: the base's year and measure
    rf"|{RATE_BASE}"
)
# "较2022年减少540万元": the year a comparison is made with is its base, never the period of what follows
_VS_YEAR = re.compile(r"(?:比|较|与|同)\s*\d{4}\s*年度?(?:同期)?")
_RELATIVE = {"上年": -1, "去年": -1, "上一年": -1, "下年": 1, "明年": 1, "下一年": 1}
_BY_REGION = re.compile(r"分地区|分市县|分县区|分区县|各市县|各市州|各县区|各区县|各地区")
_REGION_CORNER = ("地区", "地区名称", "市县", "区县", "县区", "单位名称", "行政区划")


@dataclass(frozen=True)
class Vocabulary:
    words: dict[str, tuple[tuple[str, str], ...]]  # component → (word, value), longest word first
    masks: tuple[str, ...]  # names that contain a measure word (一般公共预算, 部门预算 …)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    found: dict[str, list[tuple[str, str]]] = {}
    with (DATA / "identity_words.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            if row["component"] not in (*COMPONENTS, TITLE_PART):
                raise ValueError(f"identity_words.csv: unknown component {row['component']!r}")
            found.setdefault(row["component"], []).append((row["word"], row["value"]))
    words = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in found.items()}
    masks: list[str] = [w for w, _ in words.get("fund", ())]
    with (DATA / "claim_words.csv").open(encoding="utf-8", newline="") as f:
        masks += [row[1].strip() for row in csv.reader(f) if row and row[0] == "not_role"]
    return Vocabulary(words, tuple(sorted(set(masks), key=len, reverse=True)))


# a place name opening a title (泊川市2025年市本级…, 和田地区2025年地区本级…): the whole run of characters before it
_PLACE_START = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=年))(?:和|(?!_X)[\u4e00-\u9fff])(?:(?!_X)[\u4e00-\u9fff]){0,5}?(?:自治区|自治州|地区|省|市|县|区|州|盟|旗)$".replace(
        "_X",
        "[对向给的和与及在从为比较各上下年全本级我]",  # words that join or qualify, not a name (和 may open one: 和田)
    )
)
_BODY_NAME_END = re.compile(r"[\u4e00-\u9fff]{2,}(?:局|厅|委员会|办公室|中心|院|馆|站|所|队|学校|医院|公司|协会)$")
_TABLE_NUMBER = re.compile(r"(?:附表|附件|表)\s*[\d一二三四五六七八九十]+(?:[-—－.．]\d+)*")


def _phrase_start(text: str, pos: int) -> bool:
    """Whether a noun phrase may begin at text[pos] (see the module docstring)."""
    before = text[:pos].rstrip(" \t\u3000")
    while True:
        if not before or before[-1] in _PUNCT or _TABLE_NUMBER.fullmatch(before):
            return True  # a table's own number (表1 2023年州本级…) opens its title
        if re.search(r"表\s*$", before) and re.search(r"\s", text[: len(before) + 1]):
            return True  # a sheet's name before the title it holds (收入决算表 2023年湖南省本级…)
        m = _YEAR_END.search(before) or _PLACE_START.search(before)
        if m:
            before = before[: m.start()].rstrip()
            continue
        stripped = False
        for comp in ("scope", "fund"):
            for word, _ in vocabulary().words.get(comp, ()):
                if before.endswith(word):
                    before, stripped = before[: -len(word)].rstrip(), True
                    break
            if stripped:
                break
        if stripped:
            continue
        for opener in _OPENERS:
            if before.endswith(opener):
                return True
        # 宾川县卫生健康局2025年一般公共预算支出预算表: a body's name (before its year) ends where the phrase begins
        return bool(_LABEL_END.search(before) or _BODY_NAME_END.search(before))


_ADJUSTED_THEN_BUDGET = re.compile(r"(调整后[^，,；;。：:\d]{0,8}?)预算")


def _mask(text: str) -> str:
    """Blank out names holding a measure word (一般公共预算, 部门预算) and rate bases (完成预算的, 比上年预算)."""
    for name in vocabulary().masks:
        if name in text:
            text = text.replace(name, "＿" * len(name))
    text = _BASE_PHRASES.sub(lambda m: "＿" * len(m.group()), text)
    # 调整后市级预算平衡情况: the budget named after 调整后 is the adjusted one, not a budget of its own
    return _ADJUSTED_THEN_BUDGET.sub(lambda m: m.group(1) + "＿＿", text)


_MOVED_FROM = re.compile(r"[^，,；;。]{0,4}?(?:调入|调出|调剂|转入|划入|划转|安排)")


@lru_cache(maxsize=4096)
def last_word(component: str, text: str, phrase_start: bool = True) -> str:
    """The value of the last `component` word in text ("" when none)."""
    words = vocabulary().words.get(component, ())
    text = normalize(text)
    haystack = _mask(text) if component == "measure" else text
    best, best_end = "", -1
    for word, value in words:
        start = haystack.find(word)
        while start >= 0:
            end = start + len(word)
            ok = not phrase_start or _phrase_start(text, start)
            if (
                ok
                and component == "scope"
                and (
                    _TRANSFER_AFTER.match(text[end:])
                    or _COUNT_AFTER.match(text[end:])
                    or (word.endswith("级") and SOURCE_AFTER.match(text[end:]))
                )
            ):
                ok = (
                    False  # 补助区县: the other party of a transfer; 全区7个乡镇: counts the 乡镇, whose figures follow
                )
            if ok and component == "fund" and text[:start].rstrip().endswith("从") and _MOVED_FROM.match(text[end:]):
                ok = False  # 从政府性基金预算等调入资金7.73亿元: the fund money came from, not the figures' own
            if ok and end > best_end:
                best, best_end = value, end
            start = haystack.find(word, start + 1)
    return best


def strip_scope_words(text: str) -> str:
    """text without its scope words (市本级, 全市 …): what is left names the item."""
    for word, _ in vocabulary().words.get("scope", ()):
        if word in text:
            # (省级资金, 市级配套资金 name where the money comes from: the item keeps its level)
            pattern = re.escape(word) + (f"(?!{_SOURCE})" if word.endswith("级") else "")
            text = re.sub(pattern, "", text)
    return text


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(normalize(text))]


# (职工基本医疗保险基金（含生育保险）: a bracketed note after the name is of the item)
_ITEM_END = re.compile(r"(?:项目|基金|保险|专项|工程|资金)(?:[（(][^（()）]{1,12}[)）])?$")
_TOPIC_WORDS = re.compile(r"情况|说明|概况|分析|工作|措施|成效|问题|建议|安排|执行|预算|决算")


# （三）各子项目产出及效益情况, 重点项目实施情况: a heading over several projects names none of them
# projects as a topic: 各项目, 重点项目, 部门决算中项目绩效自评结果, 年度项目支出
_SEVERAL_PROJECTS = re.compile(r"(?:各|分|主要|重点|具体|部分|中|年度|部门|单位)(?:子)?项目")


_PROJECT_LABEL = re.compile(r"项目(?:名称|名)\s*[:：]\s*(.+?)[。.；;]?$")


def _item_heading(section: str) -> str:
    """The innermost heading that names an item: a project or a 科目 (1.乡村道路养护项目, …（204类）…), or a fund
    or account of its own ((二)职工基本医疗保险基金) — not a topic (（一）基本支出情况, (二)预算执行, （一）项目基本情况
    under each project's own heading)."""
    for part in reversed([p.strip() for p in section.split("›") if p.strip()]):
        name = re.sub(r"^\s*(?:[一二三四五六七八九十]+、|[（(][^)）]{1,3}[)）]|\d+[.、．])\s*", "", part)
        if re.search(r"[（(]\s*(?:\d+\s*)?[类款项]\s*[)）]", part):
            return name
        labelled = _PROJECT_LABEL.match(name)
        if labelled is not None:
            return labelled.group(1)  # 2.项目名：城乡居民养老保险参保缴费补助。: the project the label names
        if ("项目" in name and not _SEVERAL_PROJECTS.search(name) and not name.startswith("项目")) or (
            _ITEM_END.search(name) and not _TOPIC_WORDS.search(name)
        ):
            return name
    return ""


def report_year(title: str, paragraphs: list[str]) -> str:
    """The year a report is about, for figures that do not state theirs: the one year its title names, else the
    year most of its text names (at least half of all year mentions); "" when neither settles it (a 预算执行
    report's title names two years, and its headings give each figure its own)."""
    years = set(_years(title))
    if len(years) == 1:
        return str(years.pop())
    if years:
        return ""
    counts: dict[int, int] = {}
    for text in paragraphs:
        for y in _years(_BASE_PHRASES.sub("", normalize(text))):
            counts[y] = counts.get(y, 0) + 1
    if not counts:
        return ""
    year, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return str(year) if 2 * n >= sum(counts.values()) else ""


def document_year(doc: Document) -> str:
    return report_year("".join(title_lines(doc)), [p.text for p in doc.paragraphs()])


_PRIOR_COLUMN = re.compile(r"上年|去年|上一年")


def last_year(claim: Claim) -> bool:
    """Whether the claim names last year's figure (上年为43.88亿元, 上年预算为12亿元)."""
    return PRIOR_YEAR in (claim.role, claim.period)


def with_default_period(identity: Identity, year: str, prior: bool = False) -> Identity:
    """The report's year for a figure that states none (the year before for a 上年 column)."""
    if identity.period or not year:
        return identity
    return replace(identity, period=str(int(year) - 1) if prior else year)


def report_stretch(title: str) -> str:
    """The stretch of a year a report's title is about (白城市2025年1-9月财政预算执行情况 → 1-9月), "" for a year's
    report (or one to the year's end: 1-12月)."""
    m = _PART_OF_YEAR.search(normalize(title))
    if m is None or _DECEMBER_END.search(m.group(0)) or m.group(0).startswith("截至"):
        return ""
    return re.sub(r"\s+|20\d\d年", "", m.group(0))


def within_the_reports_stretch(claim: Claim, stretch: str, year: str) -> Identity:
    """A figure naming no period of its own in a report on a stretch of the year is of that stretch (非税收入完成101322
    万元 in a report on 1-9月), unless its sentence names a year or its clause the whole year (全年, 年初预算, 年度)."""
    ident = claim.identity
    if not stretch or ident.period not in ("", year) or last_year(claim):
        return ident
    sentence = claim.sentence
    at = sentence.find(claim.quantity.text)
    clause = re.split(r"[，,；;。]", sentence[: at if at >= 0 else len(sentence)])[-1]
    if _YEAR.search(sentence) or _THIS_YEAR.search(sentence) or _WHOLE_YEAR_NAMED.search(clause):
        return ident
    if claim.role in ("年初", "全年", "预算", "调整"):
        return ident
    return replace(ident, period=f"{year}年{stretch}" if year else stretch)


_EXECUTION_THEN_DRAFT = re.compile(
    r"(20\d\d)\s*年[^，,。；;]{0,16}?预算执行[^，,。；;]{0,24}?20\d\d\s*年[^，,。；;]{0,16}?预算"
)
_AN_EXECUTION_TABLE = re.compile(r"执行(?:情况|结果)?(?:表|$)")
_A_BUDGET_TABLE = re.compile(r"预算(?:草案)?(?:安排)?(?:情况)?(?:表|$)")


def execution_year(title: str) -> str:
    """The year whose budget a 预算执行情况和预算草案 report says was carried out (关于2024年预算执行情况和2025年预算
    草案的报告 → 2024), "" for other titles."""
    m = _EXECUTION_THEN_DRAFT.search(normalize(title))
    return m.group(1) if m else ""


def settle_fact_periods(facts: list[Fact], year: str, title: str = "") -> None:
    """Each cell naming no year takes the report's (the year before in a 上年 column); in a report on one year's
    execution and the next year's draft, a table naming no year takes the year its title's kind gives (附表1
    全市一般公共预算收入执行情况表 | 上年执行数 | 预算数 | 执行数: the year carried out; 附表5 一般公共预算收入预算表 |
    上年执行数 | 2025年预算数: the draft's year, its 上年执行数 the year carried out)."""
    carried_out = "" if year else execution_year(title)
    for f in facts:
        own = year or (
            _undated_tables_year(title_without_unit(f.table_title or ""), carried_out) if carried_out else ""
        )
        f.identity = with_default_period(f.identity, own, bool(_PRIOR_COLUMN.search("".join(f.column_labels))))


def _undated_tables_year(name: str, carried_out: str) -> str:
    """The year of a table naming none in a report on one year's execution and the next year's draft: the year carried
    out for a table of the execution (…收入执行情况表), the draft's year for a table of the budget (…收入预算表, whose
    上年执行数 is then the year carried out); "" for other tables."""
    if _AN_EXECUTION_TABLE.search(name):
        return carried_out
    if _A_BUDGET_TABLE.search(name):
        return str(int(carried_out) + 1)
    return ""


def title_without_unit(title: str) -> str:
    """A table's title without its unit line (…执行情况表 单位：万元)."""
    return re.split(r"\s*(?:单位|金额单位)\s*[:：]", title.strip())[0].strip()


_RUN_IN = re.compile(r"^([^，,；;。：:]{2,60})[：:]")
_UNIT_NAME = re.compile(
    r"^(.{1,40}?(?:开发区|园区|新区|示范区|管委会|街道|自治州|自治县|地区|[省市州盟县区旗镇乡]))(?:[（(][^）)]{1,30}[）)])?"
)
_NOT_A_NAME_START = "本全该各我此每县市区乡镇省"


def named_unit(paragraph_text: str) -> str:
    """The unit a paragraph's run-in lead names (淮南经济技术开发区2025年预算执行情况：… → 淮南经济技术开发区),
    "" when the lead names none or only a scope word (全市一般公共预算执行情况：)."""
    m = _RUN_IN.match(paragraph_text.strip())
    if not m or _YEAR.search(m.group(1)[:2]) or re.search(r"\d", _YEAR.sub("", m.group(1))):
        return ""
    unit = _UNIT_NAME.match(_YEAR.split(m.group(1))[0].strip())
    if unit is None:
        return ""
    name = unit.group(1)
    if last_word("scope", name) or len(name) < 2 or name[0] in _NOT_A_NAME_START:
        return ""  # (萧县：… names a county; 全市, 本级, 各县 name no unit)
    return name


CONTEXT_HEAD, CONTEXT_TAIL = 120, 400  # characters of a paragraph that can state its figures' scope, fund, year


def _near(text: str) -> str:
    """A paragraph's opening and the stretch just before the figure (a data dump stays linear)."""
    if len(text) <= CONTEXT_HEAD + CONTEXT_TAIL:
        return text
    return text[:CONTEXT_HEAD] + "。" + text[-CONTEXT_TAIL:]


# a figure summed over several years ("十四五"期间累计…, 五年来…): another period than any one year
_MULTI_YEAR = re.compile(
    r"十[一二三四五六]五[\u201d\u2019\u0022]?(?:期间|时期|以来)|[两三四五六七八九十\d]+年来|20\d\d\s*[—\-－~至到]+\s*20\d\d\s*年"
)


def _paragraph_span(before: str) -> re.Match[str] | None:
    """A paragraph that opens on several years ("五年来，聚焦用财有力…") is about them, until a year is named again
    (2025年, 今年, 全年)."""
    m = _MULTI_YEAR.search(before[:CONTEXT_HEAD])
    if m is None or m.start() > 2 or _YEAR.search(before[m.end() :]) or _THIS_YEAR.search(before[m.end() :]):
        return None
    return m


# …下降4.7%，主要是2025年一次性上级专项转移支付…较多。加上…，支出总计111.19亿元: a reason's year dates no figure after it
_REASON_SAID = re.compile(r"(?:主要|这)?(?:是|系)?(?:由于|因为|原因是|主要是)[^。；;！？]*")


def _paragraph_stretch(before: str) -> re.Match[str] | None:
    """A paragraph that opens on a stretch of the year ("1—6月，全区政府性基金预算收入完成…。其中，…") is about it, until
    a year or the whole year is named again."""
    run_in = _RUN_IN_HEADING.match(before)  # （一）收入情况。10月份，…: the heading the paragraph opens with first
    opening = run_in.end() if run_in else 0
    m = _PART_OF_YEAR.search(before[:CONTEXT_HEAD], opening)
    if m is None or m.start() > opening + 2 or _YEAR.search(before[m.end() :]) or _THIS_YEAR.search(before[m.end() :]):
        return None
    return m


_RUN_IN_HEADING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)[^。；;，,\d]{2,20}[。．]"
)


_THIS_YEAR = re.compile(r"当年|今年|全年|本年")
_THE_YEARS_OUTCOME = re.compile(r"全年(?:累计)?(?:实际)?(?:支出|收入|完成|实现|使用|拨付)[^，,；;。预算调整]{0,8}$")
_ANOTHER_BASIS = re.compile(r"剔除|扣除[^，,；;。]{0,20}因素|(?:同|可比)口径")
# (增长3.9%（可比口径）; never "增长10.0%（同口径增长11.3%）", a bracket with a figure of its own on that basis)
_BASIS_AFTER = re.compile(r"\s*[（(][^）)\d]{0,6}(?:同|可比)口径[^）)\d]{0,10}[）)]")


_WHOLE_YEAR_NAMED = re.compile(r"全年|年度|年初|调整")
# a stretch of a year: 截至2026年1月31日, 截至10月底, 1-10月, 上半年, 前三季度
_PART_OF_YEAR = re.compile(
    r"截至\s*(?:20\d\d\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?"
    r"|(?<![\d.])1\s*[-—~至]\s*\d{1,2}\s*月|上半年|前[一二三]季度"
    # one quarter or one month (四季度，…; 12月份当月…): a stretch of its own, not the year
    r"|(?<![前\u4e00-\u9fff])第?[一二三四]季度|(?<![\d.—~至-])\d{1,2}\s*月(?:份(?:当月)?|当月)"
)

_OPENS_ON_YEAR_START = re.compile(r"^\s*(?:20\d\d\s*年)?(?:年初|初)[，,]")  # 2025年初，全市政府债务余额921.4亿元
_STOCK = re.compile(r"余额|滚存结余|累计结余")
_DECEMBER_END = re.compile(r"(?<!\d)12\s*月(?:\s*31\s*日|底|末)?$")


def _sentence_before(text: str, pos: int) -> str:
    start = max(max(text.rfind(p, 0, pos) for p in "。！？"), pos - 1 - MAX_LIST)
    return text[start + 1 : pos]


_PARENT_FIGURE = re.compile(r"([^，,；;。：:（(）)、]{2,20}?)\s*[\d.,，]+\s*(?:亿元|万元|元)?\s*$")


def bracket_parent(text: str, pos: int) -> str:
    """The words naming the figure a bracketed breakdown belongs to: in "市级留用279.14亿元（其中，新增债券187.2亿元）"
    新增债券 is a part of 市级留用, not of the 转贷区市使用 beside it."""
    depth, i = 0, pos - 1
    stop = max(-1, pos - 1 - MAX_LIST)  # no breakdown runs longer than a list: a data dump stays linear
    while i > stop:
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                m = _PARENT_FIGURE.search(text[max(0, i - 40) : i])
                if m is None or change_before(m.group(1)):
                    # 完成预算的95.80%，短收0.27亿元（其中：税收收入4.21亿元…）: a shortfall or a change is no whole the
                    # bracket breaks down; its items are the level's before it
                    return ""
                return m.group(1).strip()
            depth -= 1
        elif ch in "。；;" and depth == 0:
            return ""
        i -= 1
    return ""


_SENTENCE = re.compile(r"[^。；;！？]+[。；;！？]?")


_COUNT_AFTER = re.compile(r"\s*\d+\s*个")
_NOT_ARRANGED = re.compile(r"(?:未|不|没有|无)(?:再|另行|专门)?(?:安排|预算)")
_REASON_CLAUSE = re.compile(r"(?:主要|原因)(?:是|为|在于|系)[^。；;]*")
_CLOSED_QIZHONG = re.compile(r"其中[^；;。]*[；;。]")  # up to its "；" or the end of its sentence


@lru_cache(maxsize=1)
def _attached_measures() -> re.Pattern[str]:
    """A measure word standing before its own figure in its clause (年初预算为18.60亿元, 调增至19.25亿元, 安排预算稳定调节基金
    18.03亿元)."""
    alternation = "|".join(re.escape(w) for w, _ in vocabulary().words.get("measure", ()))
    return re.compile(rf"(?:{alternation})(?=[^，,；;。：:！？\d]{{0,12}}[-−]?\d)")


def _figure_sentences(text: str, keep_last: bool) -> str:
    """The sentences of a text that state a figure (and, with keep_last, the figure's own sentence up to it): a
    measure word elsewhere is an action (各单位编报“三公”经费预算), not the measure of the figures that follow."""
    found = [m.group(0) for m in _SENTENCE.finditer(text)]
    last = len(found) - 1 if keep_last and found and found[-1][-1:] not in "。；;！？" else -1
    return "。".join(x for i, x in enumerate(found) if i == last or any(ch.isdigit() for ch in x))


_LIST_ITEM = re.compile(r"(?:^|[；;：:])([^；;：:。]*?)(?=\d[\d,，.]*\s*(?:万|亿)?元)")
_LIST_OPENER = re.compile(r"(?:收入|支出|资金)?(?:包括|分别为|构成为)[：:]")
# 本年收入合计…，其中：财政拨款收入…，事业收入…；本年支出…: the parts' fund names are the parts' (items split by commas too)
_QIZHONG_OPENER = re.compile(r"其中[：:，,]?")
_QIZHONG_ITEM = re.compile(r"(?:^|[，,、；;：:])([^，,、；;：:。]*?)(?=\d[\d,，.]*\s*(?:万|亿)?元)")


def _other_listed_names(text: str) -> str:
    """text without the names of the items of a "包括：A X万元；B Y万元" list before the figure (收入包括：一般公共预算
    拨款收入47,712.37万元；… 支出包括：公共安全支出…): a fund in another item's name is that item's, not the context's."""
    out = text
    for pattern, item in ((_LIST_OPENER, _LIST_ITEM), (_QIZHONG_OPENER, _QIZHONG_ITEM)):
        for opener in pattern.finditer(out):
            end = out.find("。", opener.end())
            stop = len(out) if end < 0 else end
            segment = out[opener.end() : stop]
            masked = item.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + "＿" * len(m.group(1)), segment)
            out = out[: opener.end()] + masked + out[stop:]
    return out


_FIGURE_BRACKET = re.compile(r"[（(][^（）()]*\d[^（）()]*[）)]")


# to its sentence's end: a 。；; or a full stop printed as ． or . that stands before no digit (２０６．４ is a decimal)
_BY_LEVEL_SENTENCE = re.compile(
    r"(?:分级次|按级次|分级|从级次)看?[，,：:](?:[^。；;．.]|[．.](?=[\d０-９]))*(?:[。；;]|[．.](?![\d０-９]))"
)


def _headings_above(section: str, paragraph_text: str) -> list[str]:
    """The headings a paragraph stands under, without the paragraph itself when it reads as a heading
    (1.因公出国（境）费支出4.50万元，全年安排…): its words after a figure say nothing of that figure."""
    headings = [p.strip() for p in section.split("›") if p.strip()]
    if headings and headings[-1] == heading_title(paragraph_text):
        return headings[:-1]
    return headings


_SENTENCE_END = re.compile(r"(?<=[。；;！？])")
_OPENING_YEAR = 12  # characters: 2025年，… / 全县2025年… / （一）2025年… open a sentence with its year


def _years_in_passing_before(text: str, own: bool) -> str:
    """text with the years said in passing blanked out of every sentence before the last one (of all its sentences
    when `own` is False: an earlier paragraph): a year within a sentence's first few characters is kept."""
    parts = _SENTENCE_END.split(normalize(text))
    keep = len(parts) - 1 if own else len(parts)
    out = []
    for k, part in enumerate(parts):
        if k < keep:
            head, tail = part[:_OPENING_YEAR], part[_OPENING_YEAR:]
            # …完成130,520万元，在此基础上，2025年一般公共预算收入预期安排…: a year opening a clause dates what follows
            # it (比2024年执行数增长 is a comparison, no clause of its own)
            part = head + _blank_years_in_passing(tail)
        out.append(part)
    return "".join(out)


_CLAUSE_YEAR = re.compile(r"[，,]\s*(20\d\d\s*年)")


def _blank_years_in_passing(text: str) -> str:
    """text with its years blanked out but those opening a clause."""
    kept = {m.start(1) for m in _CLAUSE_YEAR.finditer(text)}
    return _YEAR.sub(lambda m: m.group(0) if m.start() in kept else "＿" * len(m.group(0)), text)


_AS_AT = re.compile(r"截至|截止")
_RECEIVED = re.compile(r"到位(?:资金|数|金额)?\s*(?:为|达|共)?\s*$")
_OPENS_ON_LAST_YEAR = re.compile(r"^\s*(?:上一?年度?|去年)(?:末|底)?[，,]")


def claim_identity(claim: Claim, paragraph_text: str, topic: str = "", earlier: list[str] | None = None) -> Identity:
    """A claim's identity from its clause, its paragraph up to the figure, the section's earlier paragraphs and
    its headings (the nearest statement of each component wins)."""
    start = claim.prov.span[0] if claim.prov.span else len(paragraph_text)
    before = _near(paragraph_text[:start])
    headings = _headings_above(claim.section, paragraph_text)
    context = headings + [_near(p) for p in earlier or []] + [before]

    def component(name: str) -> str:
        for i, text in enumerate(reversed(context)):
            if name == "measure" and i < len(context) - len(headings):
                # 为年初预算的113.8%, 比上年预算增加: the measure of the base, not of the figures here
                text = _BASE_PHRASES.sub("", _figure_sentences(text, keep_last=i == 0))
                if i > 0:  # 由年初预算31.24亿元调增至36.80亿元 in an earlier paragraph: those figures' own measures
                    text = _attached_measures().sub("", text)
                else:  # …执行中按程序调整为125500万元。全县…收入分别为127346万元: an earlier sentence's too
                    cut = max(text.rfind(mark) for mark in "。！？") + 1
                    text = _attached_measures().sub("", text[:cut]) + text[cut:]
                text = _REASON_CLAUSE.sub(
                    "", text
                )  # 主要是…新增一般债券安排的支出增加: a reason's words measure nothing
                text = _NOT_ARRANGED.sub(
                    "", text
                )  # 全年未安排因公出国（境）团组: what was not arranged measures nothing
            if name == "fund" and i < len(context) - len(headings):
                # 调入资金17.6亿元（其中：…国有资本经营预算调入9480万元…）、…收入总量116.9亿元: a bracket's funds are its figures'
                text = _other_listed_names(_FIGURE_BRACKET.sub("", text))
            if name == "scope" and i < len(context) - len(headings):
                # 全市教育支出150.87亿元，其中市级31.46亿元，增长4.4%；社会保障和就业支出…: the 其中's scope ends with it;
                # so do the levels of a closed 分级次看 sentence (分级次看，市级收入206.4亿元，区级收入379.9亿元。…支出873.1亿元)
                text = _BY_LEVEL_SENTENCE.sub("", _CLOSED_QIZHONG.sub("", text))
            value = last_word(name, text, phrase_start=name != "measure")
            if value:
                return value
        return ""

    measure = ""
    opening_stock = bool(_STOCK.search(claim.subject)) and (
        claim.role == "年初" or bool(_OPENS_ON_YEAR_START.match(_sentence_before(paragraph_text, start)))
    )
    if opening_stock:
        measure = "执行"  # 2024年初一般债务余额152,386.47万元: the balance the year opened with, last year's end
    elif _STOCK.search(claim.subject) and _AS_AT.search(_sentence_before(paragraph_text, start)):
        measure = "执行"  # 截至2024年末，全旗政府债务余额…: a balance as it stood, under a draft's heading too
    elif claim.role in ("年初", "预算"):
        measure = "预算"
    elif claim.role == "全年":
        # 全年预算2,350.00万元 is the adjusted budget; 2024年全年支出3,655.18万元 what was spent in the year
        measure = "执行" if _THE_YEARS_OUTCOME.search(_sentence_before(paragraph_text, start)) else "调整预算"
    elif claim.role in ("执行", "决算", "实际"):
        # (全年实际到位资金2280.00万元: money received, not spent)
        measure = "到位" if _RECEIVED.search(paragraph_text[:start]) else "执行"
    elif claim.role == "目标":
        measure = "目标"
    measure = measure or component("measure")
    sentence = _sentence_before(paragraph_text, start)
    after = paragraph_text[claim.prov.span[1] :] if claim.prov.span else ""
    if _ANOTHER_BASIS.search(sentence) or _BASIS_AFTER.match(after):
        # (增长3.9%（可比口径）: the basis said in a bracket right after the figure)
        measure = "同口径"  # 剔除留抵退税等一次性因素，按同口径…收入为428.60亿元: not the figure as printed elsewhere
    year = 0
    if claim.period and claim.period[:4].isdigit():
        year = int(claim.period[:4])
    else:
        for i, text in enumerate(reversed(context)):
            if claim.role == "年初" and 0 < i < len(context) - len(headings):
                # 2025年…支出安排552300万元。¶ …支出年初预算为512000万元: a budget as it stood at the start of a year is
                # dated by its own sentence or heading, not by a year the paragraph before opened with
                continue
            if i < len(context) - len(headings):
                text = without_closed_brackets(text)  # （2025年年初预算1,318,000万元） dates its own figure only
                # 剔除2024年国有资源一次性处置收入因素后，同口径增长3.9%。税收收入…: a year said in passing in an earlier
                # sentence dates that sentence's words; only one opening a sentence (2025年，全县…) dates what follows
                text = _years_in_passing_before(text, own=i == 0)
            found = _years(_REASON_SAID.sub("", _VS_YEAR.sub("", _BASE_PHRASES.sub("", normalize(text)))))
            if found:
                year = found[-1]
                break
    if year and (last_year(claim) or opening_stock):
        year -= 1
    elif year and _OPENS_ON_LAST_YEAR.match(sentence) and not _YEAR.search(sentence):
        year -= 1  # 上年末，全市政府债务余额476.88亿元: the sentence is about last year's figures
    span = _MULTI_YEAR.search(sentence) or _paragraph_span(paragraph_text[:start])
    part_of_year = _PART_OF_YEAR.search(sentence) or _paragraph_stretch(paragraph_text[:start])
    if not part_of_year and not _WHOLE_YEAR_NAMED.search(re.split(r"[，,；;。]", sentence)[-1]):
        # 二、2025年上半年预算执行情况 › 全市一般公共预算支出完成228.45亿元，同比增长2.7%: the section's stretch of the
        # year (a figure naming 全年, 年度 or 年初 is the year's: 为年度预算的54.3%)
        part_of_year = next((m for h in reversed(headings) if (m := _PART_OF_YEAR.search(h))), None)
    if part_of_year and _DECEMBER_END.search(part_of_year.group(0)):
        part_of_year = None  # 截至2023年12月31日, 1-12月: the whole year
    if part_of_year and not span:
        # 截至2026年1月31日…支出5.8亿元: a stretch of the year, not the year
        stretch = re.sub(r"\s+|20\d\d年", "", part_of_year.group(0))
        period = f"{year}年{stretch}" if year else stretch
    else:
        period = span.group(0) if span else (str(year) if year else "")
    clause = re.split(r"[，,；;。]", sentence)[-1]
    if not span and not part_of_year and "累计" in clause and not _YEAR.search(sentence):
        if not _THIS_YEAR.search(clause):
            period = "累计"  # 累计完成1,985.60亿元 with no year of its own: a sum over the years the paragraph tells of
    item = _item_heading(claim.section) or topic
    unit = named_unit(paragraph_text)
    own_scope = last_word("scope", before[len(unit) :]) if unit else ""
    return Identity(
        scope=(own_scope or unit) if unit else (last_word("scope", claim.subject) or component("scope")),
        fund=_own_fund(claim.subject, component("fund")),
        measure=measure,
        period=period,
        item=item,
        part_of=bracket_parent(paragraph_text, start) or _whole_opening(sentence) or _debt_class(sentence, claim),
    )


_DEBT_CLASS = re.compile(r"^\s*(?:其中[，,：:]?\s*)?[\u4e00-\u9fff]{0,6}?(一般债务|专项债务|一般债券|专项债券)")


def _debt_class(sentence: str, claim: Claim) -> str:
    """The class of debt a clause run opens with (一般债务年初余额186.42亿元，当年新增21.30亿元，偿还12.79亿元，年末余额
    194.93亿元；专项债务…): its later figures, named by their measure alone, are that class's, not the whole debt's."""
    if re.search(r"一般|专项", claim.subject):
        return ""
    run = re.split(r"[；;]", sentence)[-1]
    # 其中，一般债务：年初余额512.36亿元，…: the class named before the colon heads what follows it
    labelled = _DEBT_CLASS_LABEL.match(run)
    if labelled is not None:
        return labelled.group(1)
    m = _DEBT_CLASS.match(re.split(r"[：:]", run)[-1])
    return m.group(1) if m is not None else ""


_DEBT_CLASS_LABEL = re.compile(r"^\s*(?:其中[，,]?\s*)?(一般债务|专项债务|一般债券|专项债券)\s*[：:]")


_WHOLE_OPENING = re.compile(
    r"^\s*(?P<whole>[\u4e00-\u9fff]{2,12}?(?:收入|支出|资金|债券|债务|经费|拨款|补助|转移支付))(?:的)?(?:来源|构成|结构)?中[，,：:]"
)


def _whole_opening(sentence: str) -> str:
    """The whole a sentence opens with as the one it breaks down (新增债券中，一般债券173.55亿元，专项债券456.42亿元): its
    figures up to the first "；" are that whole's parts, not the report's 一般债券 and 专项债券."""
    m = _WHOLE_OPENING.match(sentence)
    return m.group("whole") if m is not None and not re.search(r"[；;]", sentence[m.end() :]) else ""


_NOT_APPROPRIATED = re.compile(r"事业收入|经营收入|其他收入|上级补助收入|附属单位上缴收入|事业基金")


def _own_fund(subject: str, said: str) -> str:
    """The fund of a figure whose subject is nothing but a fund's flow (政府性基金预算收入), where the words before it
    named another fund last ("…国有资本经营预算、社会保险基金预算收入分别为…"); else the fund those words name."""
    if said == "财政拨款" and _NOT_APPROPRIATED.search(subject):
        return ""  # …其中：财政拨款收入1282.20万元，事业收入5982.61万元: 事业收入 is no appropriation
    rest = re.sub(r"(?:收入|支出)(?:合计|总计)?$", "", strip_scope_words(normalize(subject)))
    if not said or rest == subject or not rest:
        return said
    fund = last_word("fund", rest)
    own = fund if fund and any(rest == w for w, v in vocabulary().words.get("fund", ()) if v == fund) else ""
    return own or said


def fact_identity(fact: Fact, corner: tuple[str, ...] = ()) -> Identity:
    """A table cell's identity from its column headers, its table's title and, in a table by region, its row."""
    title = fact.table_title or ""
    identity, by_region = _header_identity(title, " ".join(fact.column_labels), corner)
    if by_region and fact.row_labels:
        identity = replace(identity, scope=fact.row_labels[0].strip())  # the region the row is about
    elif fact.row_labels:
        own = _row_scope(fact.row_labels[-1])
        if own:  # 全市一般公共预算收入 | 上年决算数 in a table whose title names no scope
            identity = replace(identity, scope=own)
    project = _PROJECT_NAMED.search(title)
    if project:  # 附件2-1 …项目支出绩效自评表 项目名称：基本公共卫生服务补助资金: that project's figures
        identity = replace(identity, item=project.group(1))
    elif titled := _project_of_its_title(title):
        # 表2 城区污水管网提质增效项目绩效目标表: that project's sheet, its 年度资金 not another project's
        identity = replace(identity, item=titled)
    elif (one := _one_fund_of_title(title)) and not by_region:
        # 表2 企业职工基本养老保险基金预算执行情况表: one fund's table, its figures that fund's, not the 社会保险基金's
        identity = replace(identity, item=one)
    part = _title_part(title)
    if part and not _the_part_itself(part, fact.row_labels) and not _rows_are_projects(part, corner):
        # 公务接待费 of a 基本支出决算表 is the 基本支出 part of 公务接待费, not the 三公 公务接待费 of the text
        identity = replace(identity, part_of=part)
    return identity


_ROW_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|其中[：:]?)")
_ROW_WHOLE = re.compile(r"^(?:财政)?(?:收入|支出|合计|总计|小计|收支)")


@lru_cache(maxsize=4096)
def _row_scope(label: str) -> str:
    """The scope a row label opens with, where the rest names a fund or a whole (全市一般公共预算收入, 市本级合计), not
    an item whose name starts with a scope word (县级基本财力保障机制奖补资金)."""
    text = _ROW_LEAD.sub("", "".join(normalize(label).split()))
    for word, value in vocabulary().words.get("scope", ()):
        if text.startswith(word):
            rest = text[len(word) :]
            if not rest or _ROW_WHOLE.match(rest) or last_word("fund", rest):
                return value
    return ""


_PROJECT_NAMED = re.compile(r"项目名称\s*[：:]\s*([^\s，,；;：:]+)")
_FUND_OF_TITLE = re.compile(
    r"([\u4e00-\u9fff（）()]{2,24}?(?:保险基金|基金))(?:预算|决算)?(?:收支|收入|支出)?(?:预算|决算)?(?:执行)?(?:情况)?(?:明细)?(?:表|$)"
)


_PROJECT_SHEET = re.compile(r"^(?P<name>.{2,40}?)(?:项目)?(?:支出)?绩效(?:目标|自评|评价)(?:完成情况)?表$")
_NO_PROJECT = re.compile(r"^(?:部门|单位)?(?:整体)?(?:支出)?$|^(?:重点|专项|本级|部门|单位)?(?:项目)?(?:支出)?$")


def _project_of_its_title(title: str) -> str:
    """The project a performance sheet's title names (老旧小区改造提升工程绩效目标表), '' for a sheet of no one project
    (项目支出绩效自评表, 部门整体支出绩效目标表, 2024年度重点项目绩效自评表)."""
    name = _TITLE_LEAD.sub("", "".join(re.sub(r"^\s*附件\s*[\d一二三四五六七八九十]+(?:[-—]\d+)?", "", title).split()))
    m = _PROJECT_SHEET.match(name)
    if m is None:
        return ""
    own = re.sub(r"^.{0,30}?20\d\d年度?", "", m.group("name"))  # the body and the year before the project's name
    return "" if _NO_PROJECT.match(strip_scope_words(own)) or re.search(r"[、，,和及与]|表", own) else own


_TITLE_LEAD = re.compile(r"^(?:(?:附)?表\s*[\d一二三四五六七八九十]+(?:[-—.．]\d+)?[、.．:：]?)?(?:20\d\d年度?)?")
_BARE_ITEM = re.compile(r"^[\u4e00-\u9fff（）()]{4,24}(?:收入|支出|资金|费)$")


def _item_titled_alone(title: str) -> str:
    """A table titled by one item's name alone (表2 城市基础设施配套费收入): that item's table — a title that names what
    the table lists ends …表 or …情况; a fund's or a class's own name (政府性基金收入) is no such item."""
    name = strip_scope_words(_TITLE_LEAD.sub("", title))
    if not _BARE_ITEM.match(name) or re.search(r"表|情况|明细|合计|总计", name):
        return ""
    words = {w for w, _ in vocabulary().words.get("fund", ())}
    if any(name.startswith(w) for w in words) or re.match(r"^(?:本年|全年|上年)?(?:收入|支出)", name):
        return ""
    return name


def _one_fund_of_title(title: str) -> str:
    """The one fund or account a table's title names, when it is more than a fund word (企业职工基本养老保险基金, not
    社会保险基金 nor 政府性基金): "" otherwise."""
    plain = re.sub(r"(?:计量)?单位[:：].*$", "", re.sub(r"\s", "", normalize(title)))
    m = _FUND_OF_TITLE.search(plain)
    if m is None:
        return _item_titled_alone(plain)
    name = re.sub(r"^(?:表\d+[-—.．]?\d*|附表\d*|20\d\d年度?)+", "", strip_scope_words(m.group(1)))
    name = re.sub(r"^(?:20\d\d)?年度?", "", name)
    words = {w for w, _ in vocabulary().words.get("fund", ())}
    # (2023年柳州市社会保险基金收支决算表: a place's whole fund, no one fund of it)
    names = {name} | {name[i:] for i in range(2, min(len(name), 10)) if name[i - 1] in _PLACE_ENDS}
    if len(name) < 4 or any(x in words or any(x == w + "预算" for w in words) for x in names) or "各" in name:
        return ""
    return name


_PLACE_ENDS = "省市州盟县区旗镇乡"


@lru_cache(maxsize=1024)
def _title_part(title: str) -> str:
    plain = re.sub(r"\s+", "", title)
    return next((value for word, value in vocabulary().words.get(TITLE_PART, ()) if word in plain), "")


_TOTAL_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、)?\s*(?:合\s*计|总\s*计|小\s*计)")


def _rows_are_projects(part: str, corner: tuple[str, ...]) -> bool:
    """序号 | 项目名称 | … in a 项目支出明细表: each row is a project, all of it 项目支出, not the 项目支出 part of an item
    spent under both parts (公务接待费 of a 项目支出表 is that part of it). Not a table of one project (项目名称：X, a
    自评表), whose rows are that project's funds."""
    return part == "项目支出" and any(_PROJECTS_COLUMN.fullmatch("".join(c.split())) for c in corner)


_PROJECTS_COLUMN = re.compile(r"(?:子)?项目(?:名称)?")  # not 项目资金（万元）, the funds rows of one project's 自评表


def _the_part_itself(part: str, row_labels: tuple[str, ...]) -> bool:
    label = "".join((row_labels[-1] if row_labels else "").split())
    return not label or part in label or bool(_TOTAL_LABEL.match(label))


_REGION_AFTER_YEAR = re.compile(
    r"20\d\d\s*年度?\s*(?![各分对城乡])[\u4e00-\u9fff]{1,8}?(自治区|地区|省|市|县|区|州|盟|旗)(?![市县区旗])"
)  # 汝州市, 禹州市: the name ends at 市, not at the 州 inside it
_WHOLE_OF = {
    "省": "全省",
    "自治区": "全区",
    "市": "全市",
    "县": "全县",
    "区": "全区",
    "州": "全州",
    "地区": "全地区",
    "盟": "全盟",
    "旗": "全旗",
}


# 湟源县2024年一般公共预算收支决算总表, 附表1 定西市2024年…: the region's name opening the title, before its year
_REGION_BEFORE_YEAR = re.compile(
    r"(?:^|\s|表\s*[\d一二三四五六七八九十]+(?:[-—－]\d+)?[：:]?\s*)"
    r"(?P<name>[\u4e00-\u9fff]{1,8}?(自治区|地区|省|市|县|区|州|盟|旗))(?![市县区旗])\s*20\d\d\s*年"
)
_NOT_A_REGION = re.compile(r"开发|园|社区|新区|功能区|本级|全[省市县区州]")


def _named_region_scope(title: str) -> str:
    """2025年吉林省一般公共预算收入执行情况表: a table titled by its region's name alone is the whole region's."""
    m = _REGION_AFTER_YEAR.search(title)
    if m:
        # (2023年湖南省省本级…决算表, 2023年湖南省本级…: the region's own level, not the whole region)
        return "" if _A_LEVEL.search(title[m.end() :]) else _WHOLE_OF.get(m.group(1), "")
    m = _REGION_BEFORE_YEAR.search(title)
    if m and not _NOT_A_REGION.search(m.group("name")) and not _A_LEVEL.search(title[m.end() :]):
        return _WHOLE_OF.get(m.group(2), "")
    return ""


def own_region(title: str) -> tuple[str, str]:
    """The region a report's title names as its own (宾川县2024年决算草案的报告 → 宾川县) and the scope word of its whole
    (全县); ("", "") when the title names none or names a level of it (市级)."""
    m = _REGION_AFTER_YEAR.search(title)
    name = re.sub(r"^20\d\d\s*年度?\s*", "", m.group(0)) if m else ""
    if not m:
        m = _REGION_BEFORE_YEAR.search(title)
        if m is None or _NOT_A_REGION.search(m.group("name")) or _A_LEVEL.search(title[m.end() :]):
            return "", ""
        name = re.sub(r"^(?:关于|对)", "", m.group("name"))
    whole = _WHOLE_OF.get(m.group(1) if m.re is _REGION_AFTER_YEAR else m.group(2), "")
    return (name, whole) if whole and len(name) >= 2 else ("", "")


_A_LEVEL = re.compile(r"[省市县区州旗]级|本级")  # 某市2026年市级一般公共预算收入预算表: the city's own level


@lru_cache(maxsize=4096)
def _header_identity(title: str, columns: str, corner: tuple[str, ...]) -> tuple[Identity, bool]:
    scope = last_word("scope", columns) or last_word("scope", title) or _named_region_scope(title)
    by_region = bool(_BY_REGION.search(title)) or any(c.strip() in _REGION_CORNER for c in corner)
    measure = last_word("measure", columns, phrase_start=False) or _title_measure(title)
    years = _years(columns)
    if not years and _years(title):
        # a 上年执行数 column of a table titled 2025年…: the year before the title's
        years = [y - 1 if _PRIOR_COLUMN.search(columns) else y for y in _years(title)]
    period = str(years[-1]) if years else ""
    # 1—6月完成 | 上年同期 in a table titled 2025年1—6月…: that stretch of the year (a 2025年预算 column is the year's)
    stretch = _PART_OF_YEAR.search(normalize(columns))
    if stretch is None and measure != "预算" and not _years(columns):
        stretch = _PART_OF_YEAR.search(normalize(title))
    if stretch is not None and period:
        period = period + "年" + re.sub(r"\s+|20\d\d年", "", stretch.group(0))
    identity = Identity(
        scope=scope,
        fund=last_word("fund", columns) or last_word("fund", title),
        measure=measure,
        period=period,
    )
    return identity, by_region


def _title_measure(title: str) -> str:
    plain = re.sub(r"\s+", "", title)
    if re.search(r"决算(?:情况)?表", plain):
        return "决算"
    if re.search(r"执行(?:情况)?表|完成情况表", plain):
        return "执行"
    if re.search(r"预算(?:情况)?表|预算\(草案\)|预算（草案）|草案", plain):
        return "预算"
    return ""


# ------------------------------------------------------------------ comparing identities

SAME, DIFFERENT, UNSETTLED = "same", "different", "unsettled"
_ACTUALS = frozenset(("执行", "决算"))


_STRETCH_SPELLINGS = (("上半年", "1-6月"), ("前三季度", "1-9月"), ("前二季度", "1-6月"), ("前一季度", "1-3月"))


def period_stretch(period: str) -> tuple[str, str]:
    """(year, stretch) of a period: 2025年1—6月 → ("2025", "1-6月"); 1—6月 → ("", "1-6月"); 2025 → ("2025", "")."""
    text = re.sub(r"[—–~～至]", "-", period.replace(" ", ""))
    for word, spelled in _STRETCH_SPELLINGS:
        text = text.replace(word, spelled)
    m = re.match(r"^(20\d\d)年?(.*)$", text)
    return (m.group(1), m.group(2)) if m else ("", text)


def same_period(a: str, b: str) -> bool:
    """Two printed periods that may be one: equal, or one stretch of a year with and without its year (1—6月 and
    2025年1—6月; 上半年 and 1-6月)."""
    if a == b:
        return True
    (ya, sa), (yb, sb) = period_stretch(a), period_stretch(b)
    return sa == sb and bool(sa) and (not ya or not yb or ya == yb)


def _compatible(component: str, a: str, b: str) -> bool:
    if a == b:
        return True
    if component == "period":
        return same_period(a, b)
    if component == "item":  # 1.乡村道路养护项目 over the text, 乡村道路养护 in its table's 项目名称 (but 道路养护 is
        # not 城区道路养护: one name inside another is another project)
        x, y = (re.sub(r"\s+|项目$", "", v) for v in (a, b))
        return bool(x) and x == y
    return component == "measure" and a in _ACTUALS and b in _ACTUALS


@dataclass(frozen=True)
class Ambiguity:
    """Which components take several values in one document: there, a figure that does not state the
    component cannot be matched with certainty."""

    several: frozenset[str]

    @staticmethod
    def of(identities: list[Identity], names: Iterable[str] = ()) -> Ambiguity:
        """`names`: the subjects the document prints, which may name a fund's part beside its whole."""
        several: set[str] = set()
        for name in (*COMPONENTS, "period"):
            values = {getattr(i, name) for i in identities if getattr(i, name)}
            if name == "measure":
                values = {"执行" if v in _ACTUALS else v for v in values}
            if name == "scope":
                values = {v for v in values if not named_scope(v)}
            if len(values) > 1:
                several.add(name)
        if "fund" not in several and names_whole_and_fund_part(names):
            several.add("fund")
        return Ambiguity(frozenset(several))


def named_scope(scope: str) -> bool:
    """Whether a scope is a named unit or area (石嘴山市, 经开区, 市容环境卫生管理事务中心), not a level word (全市, 本级)."""
    return bool(scope) and scope not in _level_scopes()


@lru_cache(maxsize=1)
def _level_scopes() -> frozenset[str]:
    """The level words' values (全市, 本级, 下级 …), read once from the vocabulary."""
    return frozenset(v for _w, v in vocabulary().words.get("scope", ()))


def names_whole_and_fund_part(names: Iterable[str]) -> bool:
    """Whether the document prints an item both over all its funds and as one fund's part (支出 and 财政拨款支出,
    收支总预算 and 财政拨款收支总预算): there a figure stating no fund may be the whole, not that one fund's."""
    printed = set(names)
    for name in printed:
        for word, _ in vocabulary().words.get("fund", ()):
            if word in name:
                rest = name.replace(word, "")
                if len(rest) >= 2 and rest in printed:
                    return True
                break
    return False


def relation(a: Identity, b: Identity, ambiguity: Ambiguity) -> str:
    """SAME when every component either figure states agrees and no missing one is ambiguous in the document;
    DIFFERENT when a component both state differs; otherwise UNSETTLED. The item heading counts only when both
    state one (a table cell's item is its row, which the caller matches by subject)."""
    unsettled = False
    for name in (*COMPONENTS, "period", "item"):
        va, vb = getattr(a, name), getattr(b, name)
        if va and vb:
            if not _compatible(name, va, vb):
                return DIFFERENT
        elif (va or vb) and (
            name in ambiguity.several
            or (name == "scope" and named_scope(va or vb))
            # 财政拨款's 基本支出 and a 基本支出 of no fund (all a department's money): never certainly one figure
            or (name == "fund" and (va or vb) == "财政拨款")
        ):
            unsettled = (
                True  # a named unit or area (经开区, 市容环境卫生管理事务中心) is never certainly the unnamed whole
            )
    if a.part_of != b.part_of:
        # a part of 市级留用 and a part of 转贷区市使用 are different figures; with one printing outside any
        # breakdown, which part it is cannot be told
        return DIFFERENT if a.part_of and b.part_of else UNSETTLED
    return UNSETTLED if unsettled else SAME
