"""Narrative claims: every quantity stated in a paragraph, with what it is about.

For each sentence the quantities come from `numbers.find_quantities`; each becomes
a Claim whose subject, role and period are read from the words before it
(`subjects.analyse_pre`), and whose relation is one of:

- share      "占本年支出82.58%" (denominator 本年支出; "占82.84%" → denominator "")
- rate       "完成预算的99.8%" (denominator 预算), "执行率99.7%"
- change     "比上年增长5%", "比上年减少0.12万元" (direction 增长 | 减少)
- per-capita "人均救助1106.5元"; the sentence's other figures share its group
- total/part "共解决各类问题336件，其中矛盾纠纷97件、…", "168户、123户共291户"
- direction  "大于/小于/等于" between figures
Share, rate and change claims take the subject of the figure they qualify.

持平 ("与上年持平", "与上年相比持平"): an extra Claim with relation "change" and
direction "持平" carrying the subject's own figure (the plain figure
stated just before it in the sentence: 支出决算为4.99万元…与上年相比持平 → 4.99万元). When the sentence has
no figure at all the claim carries a marker quantity: value 0, unit "",
dimension "unknown", text "持平" — checks must treat dimension "unknown" as
"no figure" (report it as unresolved, never compare its value).
The same marker is used for "决算数大于预算数" (relation "direction", subject
决算数, denominator 预算数).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from extractors import leads, lists
from extractors.clauses import SectionTracker, clause_start_before, heading_label, is_thousands_comma, sentences
from extractors.identity import (
    RATE_BASE,
    claim_identity,
    document_year,
    last_word,
    last_year,
    own_region,
    report_stretch,
    strip_scope_words,
    vocabulary,
    with_default_period,
    within_the_reports_stretch,
)
from extractors.model import Claim, Document, Paragraph, Quantity, Table
from extractors.numbers import find_quantities, normalize
from extractors.paragraph_lists import link_paragraph_lists
from extractors.report_kind import title_lines
from extractors.subjects import (
    LABEL_RE,
    PRIOR_YEAR,
    analyse_pre,
    change_alternation,
    change_before,
    has_compare,
    noun_after,
    period_in,
    role_in,
    strip_filler_tail,
    words,
)
from extractors.unit_parts import AREA_END, UNIT_END, UnitTracker, subordinate

_SHARE = re.compile(r"(?:所?占(?P<den>[^，,；;。、]{0,20}?)(?:的)?(?:比重|比例|比)?|占比)(?:分别)?(?:约|为|达|达到)?$")
_RATE = re.compile(
    # (比2024年完成数增长5.01%: a change against what was done, not a completion rate)
    r"完成(?!率)(?P<den>(?:(?!增长|下降|增加|减少|提高|降低|上升|回落)[^，,；;。、]){0,12}?)的?$"
    r"|(?:^|[，,；;]|为|是|相当于|达到?)\s*(?P<budget>(?:年初|全年|年|调整后?|批准调整|变更后?)?预算数?)的?$"
)
_BUDGET_ONLY = re.compile(
    r"^(?:年初|全年|年度?|本年度?|调整后?|批准调整|变更后?)?预算数?$"
)  # 占年初预算数的71.6%: a completion rate
_BODY_ONLY = re.compile(r"(?:本)?(?:部门|单位)")  # a figure named by the reporting body alone (部门全年预算数)
_RATE_WORD = re.compile(r"(?:预算)?(?:执行率|完成率|执行进度|支出进度)(?:为|达|达到)?$")
_WINDOW = 60
_INCLUDES = re.compile(r"^\s*[（(]\s*(?:含|包括)")
# …，收入总计555.0亿元 / 收入总量为555.0亿元: the total the figures before it add up to
_TOTAL_ALONE = re.compile(r"[\s，,]*(?:共计|总计|总共|合计|共)(?:为|达|是)?\s*")
_TOTAL_BEFORE = re.compile(r"(?:共|共计|合计|总计|累计|总共|(?:收入|支出)总量)(?:为|达|是)?\s*$")
_TOTAL_WINDOW = 6
_DIRECTION_MARKER = re.compile(r"([^，,；;。！？\s]{1,12}?)(大于|小于|等于|高于|低于)([^，,；;。！？\s的：:]{1,12})")


@dataclass
class _Item:
    claim: Claim
    start: int
    end: int
    words: str = ""  # the figure's own words: its clause before it, after any figure there


def marker_quantity(text: str) -> Quantity:
    """A claim without a printed figure (持平 alone, 决算数大于预算数): dimension 'unknown'."""
    return Quantity(
        value=Decimal(0), unit="", base_value=Decimal(0), base_unit="", dimension="unknown", decimals=0, text=text
    )


def extract_claims(doc: Document) -> list[Claim]:
    """Every numeric claim of the document's narrative paragraphs, in reading order."""
    tracker = SectionTracker()
    groups = itertools.count(1)
    out: list[Claim] = []
    earlier: list[str] = []  # the section's paragraphs so far: a paragraph goes on where the last one stopped
    current = None
    last: list[Claim] = []  # the previous paragraph's claims
    last_para: Paragraph | None = None
    read: list[tuple[Paragraph, list[Claim]]] = []  # the paragraphs of text (no table notes), for lists over them
    title = "".join(title_lines(doc))
    units = UnitTracker(title)
    unit_of: dict[int, str] = {}  # id of a claim → the unit whose part of the report it stands in
    for para in _narrative_blocks(doc):
        if para.kind == TABLE_NOTE:  # prose in a table: its own context, the running section left as it was
            noted = paragraph_claims(para, _note_section(current, doc, para), groups)
            unit_of.update((id(c), units.unit) for c in noted)
            out.extend(noted)
            continue
        section = tracker.visit(para)
        unit = units.visit(para)
        if section != current:
            earlier, current = [], section
        found = paragraph_claims(para, section, groups, earlier[-SECTION_CONTEXT:], title)
        block = para.prov.block
        before = doc.blocks[block - 1] if block is not None and 0 < block <= len(doc.blocks) else None
        previous = before if isinstance(before, Paragraph) else None  # the block right before, if a paragraph
        leads.annotate(found, para, previous, last if previous is last_para else [])
        unit_of.update((id(c), unit) for c in found)
        out.extend(found)
        read.append((para, found))
        last, last_para = found, para
        earlier.append(para.text)
    link_paragraph_lists(read, groups)
    _bodies_of_their_headings(out, title)
    _own_region_named(out, title)
    _own_body_named(out, title)
    _units_of_their_parts(out, unit_of)
    _parts_take_their_total_s_measure(out)
    _places_take_their_measure(out)
    _funds_of_their_paragraphs(out)
    _last_years_sentences(out)
    year = document_year(doc)
    stretch = report_stretch(title)
    for c in out:
        c.identity = within_the_reports_stretch(c, stretch, year)
        c.identity = with_default_period(c.identity, year, prior=last_year(c))
    return out


# a sentence opening on last year (上年基本支出…) — not on a name that holds the word (上年结转, 上年末余额, 上年同期)
_LAST_YEARS_OPENING = re.compile(r"^\s*(?:上年|去年|上一年)度?(?!结转|结余|末|底|同期|同口径)")
_A_YEAR_OF_ITS_OWN = re.compile(r"本年|当年|今年|本期|20\d\d\s*年")


def _last_years_sentences(claims: list[Claim]) -> None:
    """上年基本支出55.00万元，项目支出35.00万元。: a sentence opening on last year is last year's throughout — each amount
    after the first naming no year of its own takes the first's (role 上年), as 2024年基本支出…，项目支出… does."""
    by_sentence: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault((c.prov.block, c.prov.paragraph, c.sentence), []).append(c)
    for (_block, _paragraph, sentence), found in by_sentence.items():
        if not _LAST_YEARS_OPENING.match(sentence) or PRIOR_YEAR not in (found[0].role, found[0].period):
            continue
        for c in found[1:]:
            if c.role or c.period or c.relation in ("change", "share", "rate") or c.base:
                continue
            if c.quantity.dimension not in ("money", "count"):
                continue
            at = sentence.find(c.quantity.text)
            if at < 0 or _A_YEAR_OF_ITS_OWN.search(sentence[:at]):
                continue  # (上年支出55万元，本年支出60万元: the year said again)
            c.role = PRIOR_YEAR
            c.identity = replace(c.identity, period=found[0].identity.period)


_BUDGET_MEASURES = frozenset(("预算", "调整预算"))
_BUDGET_ROLES = frozenset(("预算", "年初", "全年"))


# a paragraph opening with one insurance fund's name (城乡居民基本养老保险基金收入…, （二）工伤保险基金。…, 职工基本医疗
# 保险基金（含生育保险）：…)
_FUND_OPENING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])?\s*"
    r"(?P<fund>[\u4e00-\u9fff]{2,16}?(?<!社会)保险基金)"
)
_A_FUND_NAMED = re.compile(r"[\u4e00-\u9fff]{2,16}?(?<!社会)保险基金")


def _funds_of_their_paragraphs(claims: list[Claim]) -> None:
    """城乡居民基本养老保险基金收入91813万元，…；基金支出93636万元，其中上解上级支出2227万元: a paragraph opening with one
    fund's name is that fund's, its bare 基金支出 and 上解上级支出 too (identity item) — never the same figure as another
    fund's paragraph's 基金支出."""
    opened: dict[tuple, str] = {}
    for c in claims:
        here = (c.prov.block, c.prov.paragraph)
        if here not in opened:
            m = _FUND_OPENING.match(c.sentence)
            opened[here] = m.group("fund") if m else ""
        fund = opened[here]
        if not fund or c.identity.item:
            continue
        named = {x for x in _A_FUND_NAMED.findall(c.subject) if x}
        if named and fund not in named:
            continue  # (…，其中工伤保险基金…: another fund named in the paragraph keeps its own)
        c.identity = replace(c.identity, item=fund)


# a figure named by a place alone (祁阳市, 贵阳市, 江口镇), never a scope word of the report's own (全市, 市本级, 县区)
_PLACE_ALONE = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:自治州|自治县|地区|市|县|区|州|盟|旗|镇|乡|街道)")
_NOT_A_PLACE = re.compile(
    r"^(?:全|本级|市本级|县本级|区本级|州本级|省本级|市级|县级|区级|县区|区县|市县|乡镇|各)|本级$"
)


def _places_take_their_measure(claims: list[Claim]) -> None:
    """转移支付补助2,601,690万元，其中祁阳市356,899万元 and 一般公共预算收入…，其中祁阳市281,352万元: a figure named by a
    place alone is that place's part of the measure its paragraph last named — two such figures of one place under
    two measures are two figures (identity part_of), and against a cell of no stated breakdown not certainly one."""
    measure: Claim | None = None
    at: tuple = ()
    under: dict[str, list[tuple[Claim, str]]] = defaultdict(list)  # place → its figures and the measure each is of
    for c in claims:
        here = (c.prov.block, c.prov.paragraph)
        if here != at:
            measure, at = None, here
        key = re.sub(r"[\s“”\"]", "", c.subject)
        if c.quantity.dimension != "money" or c.relation in ("share", "rate", "change") or c.base:
            continue
        if _PLACE_ALONE.fullmatch(key) and not _NOT_A_PLACE.search(key):
            under[key].append((c, measure.subject if measure is not None else ""))
            continue
        if key:
            measure = c
    for figures in under.values():
        # (only where one place is printed under two measures: a place under one measure keeps meeting the cells of the
        # table by region of that measure)
        if len({m for _, m in figures}) < 2:
            continue
        for c, m in figures:
            if m and not c.identity.part_of:
                c.identity = replace(c.identity, part_of=m)


def _parts_take_their_total_s_measure(claims: list[Claim]) -> None:
    """全年预算数30872.67万元，其中：当年财政拨款26823.92万元，…: parts naming no measure of their own are of their
    total's budget measure, not of the 执行 their section's heading names."""
    totals = {c.group: c for c in claims if c.relation == "total" and c.group is not None}
    for c in claims:
        total = totals.get(c.group) if c.relation == "part" and c.group is not None else None
        if total is None or c.role or total.role not in _BUDGET_ROLES or total.identity.measure not in _BUDGET_MEASURES:
            continue  # only a total whose own words name its budget (全年预算数30872.67万元), never an inferred one
        c.identity = replace(c.identity, measure=total.identity.measure)


TABLE_NOTE = "table-note"
NOTE_MIN_CHARS = 30
_PROSE = re.compile(r"[。；;，,].*\d|\d.*[。；;，,]")


def _narrative_blocks(doc: Document) -> Iterator[Paragraph]:
    """The paragraphs, and the prose written inside a table: a cell spanning the whole width of its table
    (说明：2023年，自治区本级“三公”经费支出合计7471万元，…) is a paragraph of its own, located at its cell."""
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            yield from _table_notes(block)


def _note_section(current: str | None, doc: Document, note: Paragraph) -> str:
    """A note's headings: the section it stands in, then its table's title (2023年…“三公”经费决算表: the measure)."""
    block = doc.blocks[note.prov.block] if note.prov.block is not None and note.prov.block < len(doc.blocks) else None
    title = (block.title or "").split("\n")[0].strip() if isinstance(block, Table) else ""
    return " › ".join(x for x in (current or "", title) if x)


def _table_notes(table: Table) -> Iterator[Paragraph]:
    if table.n_cols < 2:
        return
    for cell in table.cells:
        text = cell.text.strip()
        if cell.colspan < table.n_cols or len(text) < NOTE_MIN_CHARS or not _PROSE.search(text):
            continue
        prov = replace(table.prov, page=cell.page, row=cell.row, col=cell.col, bbox=cell.bbox)
        yield Paragraph(cell.text, prov, kind=TABLE_NOTE)


SECTION_CONTEXT = 3  # earlier paragraphs of the same section that may state a figure's scope, fund or year


def paragraph_claims(
    para: Paragraph,
    section: str = "",
    groups: Iterator[int] | None = None,
    earlier: list[str] | None = None,
    title: str = "",
) -> list[Claim]:
    text = para.text
    if groups is None:
        groups = itertools.count(1)
    found = find_quantities(text)
    out: list[Claim] = []
    previous: list[_Item] = []  # the last sentence's figures, for 其中 opening a new sentence
    older: list[_Item] = []  # the figures of the sentences before that
    spans = sentences(text)
    topic = _topic(text, spans, found)
    k = 0
    for s0, s1 in spans:
        inside = []
        while k < len(found) and found[k][0][0] < s1:
            if found[k][0][0] >= s0 and not _COUNT_NAMING_A_TOTAL.match(text, found[k][0][1]):
                inside.append(found[k])
            k += 1
        # （二）预算执行情况。2024年全年实际支出5287.22万元: a section's name is the figures' context, not their name
        named = "" if _SECTION_ONLY.fullmatch(topic) else topic
        items = _sentence_items(para, text, s0, s1, inside, section, previous, named)
        _respectively(text, s0, items)
        _respective_changes(text, s0, items)
        _named_respective_changes(text, s0, items)
        _adjustment_chains(text, items)
        _respective_shares(text, s0, items)
        _respective_rates(text, s0, items)
        _list_shares_of_one_whole(text, s0, items)
        _total_split_respectively(text, s0, items, groups)
        _enumerations(text, s0, items, previous, groups, older)
        _per_capita(items, groups)
        extra = _flat_claims(para, text, s0, s1, items, section, previous, groups)
        out.extend(i.claim for i in items)
        out.extend(extra)
        if items:
            older, previous = older + previous, items
    _stock_parts_at_their_moment(out, text)
    _classes_of_a_debt_stock(out, text)
    for c in out:
        # (1.收入执行情况。…: a section's name is no item of the figures, as it names none of them)
        c.identity = claim_identity(c, text, "" if _SECTION_ONLY.fullmatch(topic) else topic, earlier or [])
        c.prov = para.locate(c.prov)  # PDF: the page and box of the figure itself
    _parts_in_scope_of_total(out, text)
    _parts_named_by_scope(out)
    _bodies_listed(out, text, title)
    _units_as_parts_of_total(out)
    _accounts_of_one_fund(out)
    _movements_of_one_stock(out)
    _area_heading_the_sentence(out)
    _spending_of_the_labelled_item(out, text)
    _money_of_counted_things(out, text)
    _limits_are_exact(out)
    _lone_parts(out)
    _sources_of_a_spending_opening_the_sentence(out)
    _sums_over_units(out)
    return out


# 分街镇（园区）看，全区7个街镇（园区）共完成区级税收收入244788万元: the towns' sum, not the district's 税收收入
_UNITS_SUM = re.compile(r"分(?P<units>[\u4e00-\u9fff（）()]{1,10}?)看[，,：:][^。；;]*?\d+个(?P=units)[^。；;，,]*?共")


def _sums_over_units(claims: list[Claim]) -> None:
    """Figures a breakdown by units opens with as the units' sum (…N个街镇（园区）共完成…): their scope is those units."""
    for c in claims:
        at = c.sentence.find(c.quantity.text)
        m = _UNITS_SUM.search(c.sentence[: at if at >= 0 else 0])
        if m is not None and c.quantity.dimension == "money" and not re.search(r"[，,；;]", c.sentence[m.end() : at]):
            c.identity = replace(c.identity, scope=m.group("units"))


_OPENING_SPENDING = re.compile(r"^\s*(?P<whole>[^，,。；;：:]{2,12}?(?:支出|经费))中[，,]")
_SOURCE = re.compile(r"(?:收入|拨款|资金)$")


def _sources_of_a_spending_opening_the_sentence(claims: list[Claim]) -> None:
    """基本支出中，一般公共预算拨款安排9577.72万元，事业收入安排394.40万元: a source of money inside a spending whole is
    the source's share of that spending, not the source's whole (its items, 教育支出 under 全市一般公共预算支出中, stay
    the items they are)."""
    for c in claims:
        m = _OPENING_SPENDING.match(c.sentence)
        if m and not c.identity.part_of and c.quantity.dimension == "money" and _SOURCE.search(c.subject.strip()):
            c.identity = replace(c.identity, part_of=m["whole"].strip())


_MOMENT_STOCK = re.compile(r"^(?P<moment>年初|年末|期初|期末|年终)(?:.*?)(?P<stock>结转和结余|结余|结转|余额)$")


def _stock_parts_at_their_moment(claims: list[Claim], text: str) -> None:
    """The parts of a stock named at a moment of the year (年末结转和结余112.94万元，其中：财政拨款结转和结余31.27万元)
    are that moment's: 年末财政拨款结转和结余, never the same figure as the 年初 one printed a paragraph before."""
    for k, whole in enumerate(claims):
        m = _MOMENT_STOCK.match(whole.subject.strip())
        if m is None or not whole.prov.span:
            continue
        for c in claims[k + 1 :]:
            if c.sentence != whole.sentence or not c.prov.span:
                break
            subject = c.subject.strip()
            if (
                subject.endswith(m["stock"])
                and not _MOMENT_STOCK.match(subject)
                and "其中" in text[whole.prov.span[1] : c.prov.span[0]]
            ):
                c.subject = m["moment"] + subject


_DEBT_STOCK = re.compile(r"(?:(?:年初|年末|期初|期末|上年末)?余额|限额)$")
_DEBT_CLASS_ONLY = re.compile(r"(?:一般|专项)(?:债务|债券)")


def _classes_of_a_debt_stock(claims: list[Claim], text: str) -> None:
    """The classes a debt stock is broken into (全市政府债务年初余额14480790万元，其中一般债务4856210万元、专项债务…)
    are that stock's: 一般债务年初余额, never a 一般债务 row's 还本付息 合计 in a table."""
    for k, whole in enumerate(claims):
        m = _DEBT_STOCK.search(whole.subject.strip())
        if m is None or not whole.prov.span or "债" not in whole.subject:
            continue
        for c in claims[k + 1 :]:
            if c.sentence != whole.sentence or not c.prov.span:
                break
            if _DEBT_CLASS_ONLY.fullmatch(c.subject.strip()) and "其中" in text[whole.prov.span[1] : c.prov.span[0]]:
                c.subject = c.subject.strip() + m.group(0)


def _money_of_counted_things(claims: list[Claim], text: str) -> None:
    """Money named only by its fund right after a count (共涉及项目26个，一般公共预算财政拨款26858.60万元) is the
    counted things' money, a part of that fund's whole, not the fund's whole itself."""
    for count, c in itertools.pairwise(claims):
        if (
            count.quantity.dimension != "count"
            or c.quantity.dimension != "money"
            or not count.subject.strip()
            or c.relation == "total"
            or c.identity.part_of
            or not last_word("fund", c.subject)
            or _without_fund_words(c.subject)
            or not count.prov.span
            or not c.prov.span
        ):
            continue
        between = text[count.prov.span[1] : c.prov.span[0]].strip()
        if re.fullmatch(r"[，,、]\s*(?:" + re.escape(c.subject.strip()) + ")?", between):
            c.identity = replace(c.identity, part_of=count.subject.strip())


# a sentence opening with one fund's income (城乡居民基本养老保险基金收入18.64亿元、支出14.24亿元，当年收支结余4.40亿元，
# 年末滚存结余45.67亿元): its spending and balances are that fund's, not the whole 社会保险基金's
# (城镇职工基本医疗保险基金（含生育保险）收入: a bracketed note after the fund's name is of the fund)
_FUND_HEAD = re.compile(r"^(?P<fund>.{2,}?(?:基金|保险)(?:[（(][^（()）]{1,12}[)）])?)(?:预算)?总?(?P<flow>收入|支出)")
_ACCOUNT_WORDS = frozenset(
    (
        "收入",
        "支出",
        "当年收支结余",
        "当年结余",
        "收支结余",
        "年末滚存结余",
        "滚存结余",
        "年末累计结余",
        "累计结余",
        "当年收支缺口",
        "收支缺口",
        "本年收支结余",
        "本年结余",
        "保险费收入",
        "财政补贴收入",
        "利息收入",
        "转移收入",
        "待遇支出",
        "社会保险待遇支出",
        "转移支出",
    )
)
# 城乡居民基本养老保险基金当年收支缺口2.00亿元，…，年末滚存结余374.91亿元: a fund's account other than its income
_FUND_ACCOUNT_HEAD = re.compile(
    r"^(?P<fund>.{2,}?基金)(?:" + "|".join(sorted(_ACCOUNT_WORDS, key=len, reverse=True)) + ")$"
)
_WHOLE_FUNDS = frozenset(("社会保险基金", "政府性基金", "社保基金"))


_ITEM_LABEL = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*(?P<label>[^：:，,。；;\d]{2,20}?)\s*[：:]"
)
_NOT_AN_ITEM = re.compile(r"(?:情况|说明|分析|概况|总体|决算|预算|合计|总计|构成|用途)$")
_BARE_SPENDING_NAME = re.compile(r"^(?:本年|当年|全年)?(?:实际)?支出$")


def _spending_of_the_labelled_item(claims: list[Claim], text: str) -> None:
    """3.公务用车运行维护费：主要用于…。本年支出5.24万元，较上年减少0.58万元: a paragraph opening on an item's label names
    the item whose bare 本年支出 it prints (not the department's 本年支出合计)."""
    m = _ITEM_LABEL.match(text)
    if m is None or _NOT_AN_ITEM.search(m["label"]):
        return
    for c in claims:
        if _BARE_SPENDING_NAME.match(c.subject.strip()):
            c.subject = m["label"].strip()


_AREA_HEAD = re.compile(
    # (社区, 山区, 城区, 县区 are no area's names; 南山县, 佛山市 are)
    r"^(?P<area>[\u4e00-\u9fff]{1,8}?"
    r"(?:(?<!社|园|景|小|街|矿|林|牧|山|库|灾|片|辖|城|县|市)区|(?<!城|县|市)市|(?<!县|市|区)县|州|盟|旗))"
    r"(?=(?:获得|争取到?|收到|分得|下达|分配|安排)?"
    r"(?:一般公共预算|政府性基金|国有资本|社会保险|财政|税收|地方一般|政府债务|债务|一般债务|专项债务|一般性转移|专项转移|转移支付|上级补助))"
)


def _area_heading_the_sentence(claims: list[Claim]) -> None:
    """分地区看，成都市一般公共预算收入1276.81亿元，其中税收收入909.36亿元，一般公共预算支出1770.48亿元: an area named at
    the head of the sentence's first figure is the scope of the figures after it, up to one naming another area."""
    sentences: dict[tuple, list[Claim]] = {}
    for c in claims:
        sentences.setdefault((c.prov.block, c.prov.paragraph, c.sentence), []).append(c)
    for group in sentences.values():
        area = ""
        for c in sorted(group, key=lambda c: c.prov.span or (0, 0)):
            m = _AREA_HEAD.match(c.subject.strip())
            if m is not None:
                named = m.group("area")
                # (初全区 of "2024年初全区…" holds a scope word: no area's name)
                area = "" if strip_scope_words(named) != named or named.startswith("全") else named
            elif c is group[0] or not area:
                break
            if area and c.quantity.dimension == "money":
                c.identity = replace(c.identity, scope=area)


def _accounts_of_one_fund(claims: list[Claim]) -> None:
    """A sentence opening with an item's income: a bare 支出 after it is that item's spending (全市社会保险基金收入169.91
    亿元，支出163.49亿元; 国有土地使用权出让收入186.40亿元、支出173.25亿元), and where the item is one fund of several
    (职工基本医疗保险基金), its balances and the share right after its 支出 are that fund's too."""
    sentences: dict[tuple, list[Claim]] = {}
    for c in claims:
        sentences.setdefault((c.prov.block, c.prov.paragraph, c.sentence), []).append(c)
    for group in sentences.values():
        money = sorted((c for c in group if c.quantity.dimension == "money"), key=lambda c: c.prov.span or (0, 0))
        head = money[0].subject.strip() if money else ""
        m = _FUND_HEAD.match(head) or _FUND_ACCOUNT_HEAD.match(head)
        totalled = _INCOME_TOTAL_HEAD.match(head)
        if totalled is not None:
            _spending_total_of_the_same_item(group, money[0], totalled.group("item"), totalled.group("total"))
            continue
        if head.endswith("收入") and len(head) >= 4:
            item = head[:-2]
        elif m is not None:
            item = m.group("fund")
        else:
            continue
        one_fund = m is not None and strip_scope_words(m.group("fund")) not in _WHOLE_FUNDS
        renamed: Claim | None = None  # the amount just renamed: a share right after it is its share
        segment = 0  # the "；"-part of the sentence the last income head stands in
        for c in sorted(group, key=lambda c: c.prov.span or (0, 0)):
            if c is money[0]:
                continue
            if c.quantity.dimension != "money":
                if renamed is not None and c.relation == "share" and _right_after(c, renamed):
                    c.subject = renamed.subject  # 支出87.13亿元，占全市社会保险基金支出的47.1%: the 支出's share
                continue
            at = c.sentence.find(c.quantity.text)
            lead = c.sentence[:at].rstrip() if at > 0 else ""
            part = len(re.findall(r"[；;]", lead))
            own = c.subject.strip()
            if part > segment and own.endswith("收入") and len(own) >= 4 and not _BARE_SPENDING.search(lead):
                # …支出86,246万元；城乡居民基本养老保险基金收入26,669万元…，支出20,246万元: the next fund's accounts
                segment, item, renamed = part, own[:-2], None
                m = _FUND_HEAD.match(own)
                one_fund = m is not None and strip_scope_words(m.group("fund")) not in _WHOLE_FUNDS
                continue
            renamed = c
            # …基金预算总收入42360万元，预算总支出45560万元: the fund's 预算总支出
            if one_fund and m is not None and re.sub(r"^(?:预算)?总", "", c.subject) in _ACCOUNT_WORDS:
                c.subject = m.group("fund") + c.subject
            elif c.subject.endswith("收入") and _BARE_SPENDING.search(lead):
                c.subject = item + "支出"  # …收入18.64亿元、支出14.24亿元: the item's spending, not its income
            else:
                renamed = None


# 预算稳定调节基金年初余额102400万元，本年补充50000万元，调用63000万元…，年末余额89400万元: one stock's movements
_STOCK_HEAD = re.compile(r"^(?P<item>[\u4e00-\u9fff]{2,20}?)(?:年初|上年末|期初)(?P<stock>余额|结余|滚存结余)$")
_BARE_MOVEMENT = re.compile(
    r"^(?:年末|期末)(?:余额|结余|滚存结余)$|^(?:本年|当年)?(?:补充|调用|动用|调入|调出|新增|偿还|举借)$"
)


def _movements_of_one_stock(claims: list[Claim]) -> None:
    """A sentence opening with an item's opening balance: the bare movements and year-end balance after it are that
    item's (the 预算稳定调节基金's 年末余额, not a 年末余额 of no item set against the debt table's)."""
    sentences: dict[tuple, list[Claim]] = {}
    for c in claims:
        sentences.setdefault((c.prov.block, c.prov.paragraph, c.sentence), []).append(c)
    for group in sentences.values():
        money = sorted((c for c in group if c.quantity.dimension == "money"), key=lambda c: c.prov.span or (0, 0))
        head = _STOCK_HEAD.match(money[0].subject.strip()) if money else None
        if head is None:
            continue
        for c in money[1:]:
            if _BARE_MOVEMENT.match(c.subject.strip()):
                c.subject = head.group("item") + c.subject.strip()


# 财政拨款收入总计4,454.24万元、支出总计4,454.24万元: the total of an item's income, then of its spending
_INCOME_TOTAL_HEAD = re.compile(r"^(?P<item>[\u4e00-\u9fff]{2,20}?)收入(?P<total>总计|合计)$")


def _spending_total_of_the_same_item(group: list[Claim], head: Claim, item: str, total: str) -> None:
    """The bare 支出总计 right after an item's 收入总计 is that item's (财政拨款支出总计), not the department's."""
    past_head = head.sentence.find(head.quantity.text) + len(head.quantity.text)
    for c in sorted(group, key=lambda c: c.prov.span or (0, 0)):
        if c is head or c.quantity.dimension != "money":
            continue
        at = c.sentence.find(c.quantity.text, past_head)  # (the two totals are often the same figure)
        lead = c.sentence[past_head:at].rstrip() if at > 0 else ""
        if c.subject.strip() == "支出" + total and re.search(rf"[、，,]\s*支出{total}(?:为|达到?|共计?)?$", lead):
            fund = last_word("fund", item)
            if fund and any(strip_scope_words(item) == w for w, v in vocabulary().words.get("fund", ()) if v == fund):
                c.identity = replace(c.identity, fund=fund)  # a fund's own name: the fund is the figure's identity
            else:
                c.subject = item + "支出" + total
        break


# 、支出14.24亿元 / ，支出完成3.67亿元 / ，支出执行数为…: a bare 支出 with its measure words
_BARE_SPENDING = re.compile(r"[、，,；;]\s*支出(?:预算)?(?:完成|执行数?|决算数?|合计|为|达到?|共计?)*$")


def _right_after(share: Claim, amount: Claim) -> bool:
    """Whether a share follows the amount with nothing but 占… between (支出163.49亿元，占收入的96.2%)."""
    at = share.sentence.find(amount.quantity.text)
    end = share.sentence.find(share.quantity.text, at + 1) if at >= 0 else -1
    return (
        at >= 0 and end > at and bool(re.match(r"^[，,、\s]*占", share.sentence[at + len(amount.quantity.text) : end]))
    )


# a subject that names only a body: a unit (县农业技术推广中心) or a level of a department (局本级, 所属单位)
_UNIT_ONLY = re.compile(
    r"(?:中心|站|所|院|局|委员会|委|办公室|办|队|馆|学校|中学|小学|幼儿园|医院|处|厅|公司|街道|机关|本部|本级|所属单位|下属单位|事业单位)$"
)


# a total whose name opens with a body (信息中心支出预算…，其中：基本支出…; 局本级收入预算…，其中：…): its parts are
# that body's (a 市本级/县本级 is a government's level, a scope its parts take from it, not a body)
_BODY_HEAD = re.compile(
    r"^(?:分单位看|其中)?[，,：:\s]*(?:.{1,18}?(?:中心|站|所|医院|学校|馆|队|公司)|(?:局|委|厅|院|办|部门)?机关(?:本级)?|"
    r"(?:局|委|厅|院|办|部门)本级|所属(?:事业)?单位|下属单位).{1,}"
)
_CATEGORY_PART = re.compile(r"(?:基本支出|项目支出|人员经费|公用经费|日常公用经费)(?:安排)?$")
_WHOLE_NAME = re.compile(
    r"(?:一般公共预算|政府性基金预算?|国有资本经营预算?|财政拨款|财政资金|财政|资金|部门整体|部门|单位|全部|本年|全年|年度|年初|预算|"
    r"实际|20\d\d年度?)*"
    r"(?:收入|支出)(?:预算|决算)?(?:数)?(?:合计|总计|总额)?"
    r"|本?(?:部门|单位)(?:整体)?"  # (部门全年执行数4612.08万元。其中：基本支出…: named by the body alone, its whole money)
)
_MOVEMENT = re.compile(r"举借|借入|偿还|还本|付息|转贷")
_TRANSFER_BETWEEN = re.compile(r"[省市县区州]级?对(?:下|下级|我[省市县区州]|[县区市]|各|乡镇|市县|县区|区县)")


# a body of a department named at the head of its clause (…市容环境卫生管理事务中心收入预算8325.00万元; 局本部机关运行经费
# 预算为189.15万元; 上海市静安区绿化和市容管理局（本部）收入预算…); its name, or the scope word it is (局机关本级)
_BODY_AT_HEAD = re.compile(
    r"^(?:按[^：:，,；;。]{0,10}分[：:，,]?\s*|分(?:单位|部门)看?[：:，,]?\s*|(?P<of>其中)[：:，,]?\s*)*"
    r"(?!占|为|比|较|相当于|达到|完成)"  # 占县本级一般公共预算收入的: a share's whole, not a body heading its clause
    r"(?P<name>[\u4e00-\u9fff“”]{1,40}?"
    r"(?:中心|站|所|院|医院|学校|小学|中学|幼儿园|馆|队|公司|机关本级|机关|本级|本部|[（(](?:本部|机关|本级)[)）]))"
    r"(?=\s*(?:20\d\d年度?)?(?:收入|支出|财政拨款|一般公共预算|“?三公”?|机关运行|预算|决算|年初|全年|本年|当年|项目|部门))"
)


# an area named as the whole head of its clause (经开区完成一般公共预算收入181.25亿元，保税区82.64亿元): not 城乡社区支出
_AREA_AT_HEAD = re.compile(
    r"^(?:(?P<of>其中)[：:，,]?\s*)?(?P<name>[\u4e00-\u9fff]{1,20}?(?:区|县|市|旗|镇|乡|街道|管委会))"
    r"(?:(?:完成|实现|达到|为)[^，,；;。]*)?$"
)


_REGION_LEVEL = re.compile(r"(?:自治区|地区|[省市县区州旗盟])本级$")


def _body_at_head(text: str) -> tuple[str, bool]:
    """The body or area named at the head of a clause, and whether a 其中 puts it under the figure before (其中，
    厅机关本级…)."""
    text = text.strip()
    body, area = _BODY_AT_HEAD.match(text), _AREA_AT_HEAD.match(text)
    named = body or area
    if named is not None and _several_levels(named.group("name")):
        return "", False  # 全县和县本级…分别为A和B: each figure its own level's (the 分别 pairs them), no one body
    if body is not None and _REGION_LEVEL.search(body.group("name")):
        return "", False  # 安排县本级一般公共预算支出…: a level of government, which the scope words read, no body
    if body is not None:  # a body's own name, a level word too (局机关本级): one body, never certainly the whole
        return body.group("name"), bool(body.group("of"))
    if area is None:
        return "", False
    word = vocabulary().words.get("scope", ())
    level = next((v for w, v in word if w == area.group("name")), "")  # 全市, 市本级: the level, as anywhere else
    return level or area.group("name"), bool(area.group("of"))


_BODY_HEADING = re.compile(rf"[\u4e00-\u9fff“”（）()]{{2,30}}?(?:局|委员会|委|办公室|公司|{UNIT_END}|{AREA_END})")


def _bodies_of_their_headings(claims: list[Claim], title: str) -> None:
    """Figures under a heading that is nothing but another body's name (（一）市教育局, （三）区融资担保中心, 会城街道) in a
    report on several bodies are that body's, where their own words name no scope: each department's 本年收入合计 is its
    own, not one figure printed ten times."""
    for c in claims:
        if c.identity.scope and c.identity.scope not in ("本级", "下级"):  # (四、下属单位决算情况 names no body)
            continue
        # (the item a paragraph's run-in name gives, （六）实验幼儿园：收入预算…, first)
        for part in [c.identity.item, *reversed([p.strip() for p in c.section.split("›") if p.strip()])]:
            name = LABEL_RE.sub("", part).strip(" 。.：:")
            if _BODY_HEADING.fullmatch(name) and name not in title and name[-3:] not in title:
                c.identity = replace(c.identity, scope=name)
                break


_REGIONS_ACCOUNTS = re.compile(r"^(?:本级)?(?:财政|税收|地方|一般公共预算|政府性基金|国有资本经营|社会保险基金)")


def _own_region_named(claims: list[Claim], title: str) -> None:
    """宾川县一般公共预算收入 in 宾川县's own report: the county's whole (全县一般公共预算收入), named as its title names
    it — the subject is the account, and the scope the region's whole where the words state none."""
    name, whole = own_region(title)
    if not name:
        return
    for c in claims:
        rest = c.subject[len(name) :]
        if c.subject.startswith(name) and _REGIONS_ACCOUNTS.match(rest):
            c.subject = rest
            if not c.identity.scope:
                c.identity = replace(c.identity, scope=whole)
        if c.identity.scope == name:
            c.identity = replace(c.identity, scope=whole)  # the region the report is about, named: its whole


_A_PROJECTS_NAME = re.compile(r"(?:项目|工程|专项)$")
_BODY_NAME_HEAD = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,30}}?(?:{UNIT_END}|局|委员会|委|厅|办公室))")


def _own_body_named(claims: list[Claim], title: str) -> None:
    """临泽县疾病预防控制中心2024年年初预算支出… in that centre's own report: the report's body names no item of the
    figure — its subject is 支出, as after 本单位."""
    for c in claims:
        head = _BODY_NAME_HEAD.match(c.subject)
        if head is None or head.group("name") not in title:
            continue
        if _A_PROJECTS_NAME.search(c.subject):
            continue  # 地质资料馆藏保管维护项目 in 安徽省地质资料馆's report: a project named from the body's own words
        rest = c.subject[head.end() :]
        if len(rest) >= 2:
            c.subject = rest


def _units_of_their_parts(claims: list[Claim], unit_of: dict[int, str]) -> None:
    """Figures in a unit's own part of a department's report (第四部分 XX中心2024年度决算 › 一、收入支出决算总体情况说明 ›
    该中心收入总计…) are that unit's, where their own words name no scope: not the department's figures of that name."""
    for c in claims:
        unit = unit_of.get(id(c), "")
        scope = c.identity.scope
        if unit and (not scope or scope in ("本级", "下级") or _ANAPHOR.fullmatch(scope)):
            c.identity = replace(c.identity, scope=unit)


_ANAPHOR = re.compile(rf"[该本此](?:单位|[大支]?(?:{UNIT_END})|处|场)")  # 该中心, 本单位, 该大队: the part's unit


def _several_levels(name: str) -> bool:
    """全县和县本级: two scope words joined, not one body's name."""
    names = re.split(r"[和及与、]", name)
    levels = {w for w, _v in vocabulary().words.get("scope", ())}
    return len(names) > 1 and all(n in levels for n in names)


def _bodies_listed(claims: list[Claim], text: str, title: str = "") -> None:
    """Figures of a paragraph that lists the department's bodies one by one (按预算单位分：局本部收入预算1899.95万元，其中：
    财政拨款收入1899.95万元；…管理事务中心收入预算8325.00万元，其中：…；…): each figure is its body's, named at the head of
    its clause or of its "；" group, and not the department's figure of that name. Said only where the paragraph
    names two bodies or more, or a 其中 puts the body under the figure before (其中，厅机关本级…), or the one body it
    names is a subordinate one the report's title does not name (岐山县高级中学支出预算… in 岐山县教育局's 单位预算): a
    单位预算 naming itself once is the report's own figure."""
    named: list[tuple[Claim, str]] = []
    under = False
    opened = ""  # the body the paragraph opens with: its later groups (；本年支出…) are that body's too
    for k, c in enumerate(claims):
        if not c.prov.span:
            continue
        start = c.prov.span[0]
        # (2.县人民医院本年收入…: a numbered unit's clause, past its label)
        clause = LABEL_RE.sub("", text[max(text.rfind(ch, 0, start) for ch in "，,；;。") + 1 : start])
        group = LABEL_RE.sub("", text[max(text.rfind(ch, 0, start) for ch in "；;。") + 1 : start])
        body, of = _body_at_head(clause)
        if not body:
            body, of = _body_at_head(group)
        if body and k == 0 and not re.search(r"[；;。]", text[:start]):
            opened = body
        body = body or (opened if opened and not _TOTAL_BEFORE.search(group) else "")
        if body:
            named.append((c, body))
            under = under or of
    bodies = {b for _c, b in named}
    if len(bodies) < 2 and not under and not (title and bodies and subordinate(bodies.pop(), title)):
        return
    for c, body in named:
        c.identity = replace(c.identity, scope=body)


def _units_as_parts_of_total(claims: list[Claim]) -> None:
    """A part named only by a body (其中：局本级18.30万元，所属单位34.34万元; 其中：县农业技术推广中心3.34万元) is that
    body's share of its total's item (三公经费), not the body's figure of any item: it is a part of the total. So is
    a part of a transfer between two levels (省对我市转移支付… 其中：一般性转移支付; 市对县区转移支付… 其中：一般性转移支付):
    the same name stands for what the city receives and what it passes on."""
    totals = {c.group: c for c in claims if c.relation == "total"}
    for c in claims:
        total = totals.get(c.group) if c.relation == "part" else None
        if total is None or c.identity.part_of:
            continue
        if (
            _UNIT_ONLY.search(c.subject.strip())
            or _TRANSFER_BETWEEN.search(total.subject)
            or _BODY_HEAD.match(total.subject.strip())
            # 全县举借政府债务182,300万元。其中：一般债务42,600万元: the part of what was borrowed, not the 一般债务 (a
            # balance, or what was repaid) of that name elsewhere
            or (_MOVEMENT.search(total.subject) and not _MOVEMENT.search(c.subject))
            # …项目支出3,756.70万元，其中…，单位资金安排项目支出320.00万元: a part named as its total is one source's share
            or re.sub(r"\s", "", c.subject) == re.sub(r"\s", "", total.subject)
            # 会议费预算12.40万元，其中基本支出安排4.20万元: 会议费's 基本支出, not the department's
            or (
                _CATEGORY_PART.match(c.subject.strip())
                and bool(
                    total.subject.strip()
                )  # (全年执行数5,536.24万元。其中：基本支出…: a whole of no name, the usual one)
                and not _WHOLE_NAME.fullmatch(total.subject.strip())
                and not _CATEGORY_PART.search(total.subject.strip())  # 基本支出…其中人员经费: the usual breakdown
            )
        ):
            c.identity = replace(c.identity, part_of=total.subject or total.quantity.text)


def _parts_in_scope_of_total(claims: list[Claim], text: str) -> None:
    """A part that names no scope of its own (in its subject or its clause) is of its total's scope (全市和市本级收入
    分别为…，其中税收收入分别为…: the first 税收收入 is 全市's, though 市本级 is the scope word printed last before it)."""
    totals = {c.group: c for c in claims if c.relation == "total"}
    for c in claims:
        total = totals.get(c.group) if c.relation == "part" else None
        if total is None or not total.identity.scope or not c.prov.span:
            continue
        start = c.prov.span[0]
        if last_word("scope", c.subject) or last_word("scope", text[clause_start_before(text, 0, start) : start]):
            continue
        c.identity = replace(c.identity, scope=total.identity.scope)


def _parts_named_by_scope(claims: list[Claim]) -> None:
    """A part named by a scope word alone is its scope's share of the total's item (全市教育支出150.87亿元，其中市级
    31.46亿元: 市级教育支出, compared with the 市级 table's 教育支出)."""
    totals = {c.group: c for c in claims if c.relation == "total"}
    for k, c in enumerate(claims):
        whole = totals.get(c.group) if c.relation == "part" else None
        if whole is not None and last_word("fund", c.subject) and not _without_fund_words(c.subject):
            # 涉及财政拨款资金5347.00万元，其中一般公共预算1261.00万元…: that fund's part of this total, not the fund's
            # whole 一般公共预算支出
            c.identity = replace(c.identity, part_of=whole.subject)
            continue
        if strip_scope_words(c.subject).strip() or not last_word("scope", c.subject):
            continue
        total = totals.get(c.group) if c.relation == "part" else None
        if total is None and re.search(
            rf"其中[，,：:]?\s*{re.escape(c.subject.strip())}$", c.sentence.split(c.quantity.text)[0]
        ):
            # a 其中 of one part (…教育支出150.87亿元，增长3.1%，其中市级31.46亿元): the sentence's level before it
            total = next(
                (
                    x
                    for x in reversed(claims[:k])
                    if x.sentence == c.sentence
                    and x.quantity.dimension == "money"
                    and x.relation not in ("change", "share", "rate")
                    and strip_scope_words(x.subject).strip()
                ),
                None,
            )
        item = strip_scope_words(total.subject).strip() if total is not None else ""
        if item:
            c.subject = c.subject.strip() + item


def _without_fund_words(name: str) -> str:
    """A name without its fund words (一般公共预算, 政府性基金预算 …) and the words that only say it is money."""
    for word, _ in vocabulary().words.get("fund", ()):
        name = name.replace(word, "")
    return re.sub(r"\s|拨款|资金|预算|当年|本年", "", name)


def _topic(text: str, spans: list[tuple[int, int]], found: list[tuple[tuple[int, int], Quantity]]) -> str:
    """A paragraph that opens with a labelled title sentence without figures is about that title.

    1、一般公共服务支出（类）财政事务（款）行政运行（项）。…年初预算为1560.05万元 → the figures' subject.
    """
    if not spans:
        return ""
    s0, s1 = spans[0]
    aspect = _ASPECT.match(text, s0, s1) or _PROJECT_RUN_IN.match(text, s0, s1)
    if aspect is not None and not any(s0 <= span[0] < aspect.end() for span, _ in found):
        # “三公”经费方面，全年预算12.50万元，实际支出9.86万元; 学前教育普惠发展专项项目绩效自评综述：…全年预算数为
        # 9650.00万元: the figures are the aspect's, the project's
        return next(g for g in aspect.groups() if g).replace("“", "").replace("”", "")
    if any(s0 <= span[0] < s1 for span, _ in found):
        # 1．高标准农田建设项目（中央和自治区补助资金）：年初预算2000.00万元…: a labelled name before a colon
        colon = re.search(r"[：:]", text[s0:s1])
        if colon is None or any(s0 <= span[0] < s0 + colon.start() for span, _ in found):
            return ""
        if heading_label(text) is None and not _ITEM_END.search(text[s0 : s0 + colon.start()].rstrip()):
            return ""  # (行政单位离退休（项）：年初预算220.00万元: a 科目 names its figures without a number)
        title = LABEL_RE.sub("", text[s0 : s0 + colon.start()]).strip().replace("“", "").replace("”", "")
        return title if 2 <= len(title) <= 48 else ""
    title = LABEL_RE.sub("", text[s0:s1]).strip(" 。！？!?.．").replace("“", "").replace("”", "")
    if heading_label(text) is None:
        # 促进扩大有效投资。扎实推进“两重”建设，争取…资金49亿元: a short run-in title with no label is the topic too
        return title if _RUN_IN_TITLE.fullmatch(title) and s1 < len(text.rstrip()) else ""
    return title if 0 < len(title) <= 48 else ""


# 三项合计187.96亿元, 两项共计…: the count names the total, it is no figure between the parts and their total
_COUNT_NAMING_A_TOTAL = re.compile(r"(?<=[项类个])(?:合计|共计|总计)")
_RUN_IN_TITLE = re.compile(r"[\u4e00-\u9fff“”、]{4,16}")
# a title of measure words and a section word only (预算执行情况, 收支决算总体情况, 部门整体支出概况)
_SECTION_ONLY = re.compile(
    r"(?:20\d\d年度?)?(?:预算|执行|决算|收支|收入|支出|总体|整体|基本|年度|部门|单位|财政|资金|使用|绩效|目标|完成|及|和|、)+"
    r"(?:情况|说明|概况|分析)"
)
# 学前教育普惠发展专项项目绩效自评综述：…, 2024年城区老旧小区改造配套项目：…, 学前教育普惠性幼儿园生均补助：…
_PROJECT_RUN_IN = re.compile(
    r"\s*(?:20\d\d年度?)?([^，,；;。：:\d（(]{2,40}?(?:项目|补助|补贴|专项|工程|经费))[^，,；;。：:\d]{0,12}[：:]"
    # 困难群众临时救助资金：全年预算数460.00万元…, 智慧城管平台运维服务：…: any name run in before the paragraph's figures
    # (其中，一般债务：年初余额…: the class a 其中 opens with names its figures as a name alone does)
    r"|\s*(?:其中[，,]\s*)?(?:20\d\d年度?)?((?![^：:]*(?:其中|主要|具体|包括|分别|合计|总计|情况|说明|如下|方面|看|是|为|有)[：:])"
    r"[\u4e00-\u9fff“”、]{4,30})[：:]"
)
_ASPECT = re.compile(r"\s*(?:在|从)?([\u4e00-\u9fff“”（）]{2,16}?)方面[，,：:]")


def _sentence_items(
    para: Paragraph,
    text: str,
    s0: int,
    s1: int,
    inside: list[tuple[tuple[int, int], Quantity]],
    section: str,
    previous: list[_Item],
    topic: str = "",
) -> list[_Item]:
    sentence = text[s0:s1].strip()
    items: list[_Item] = []
    sentence_period = ""
    scanned = s0
    # where a budget stands inside a rate's phrase (完成年度预算25.60亿元的…) → its words
    budget_named: dict[int, str] = {}
    for (start, end), q in inside:
        cstart = clause_start_before(text, s0, start)
        same_clause: list[_Item] = []
        for i in reversed(items):
            if i.end <= cstart:
                break
            same_clause.insert(0, i)
        pre_start = max([cstart] + [i.end for i in same_clause])
        pre = own_words = text[pre_start:start]
        clause_pre = text[cstart:start]
        opened = _bracket_still_open(clause_pre)
        after_base = end  # where the words after a figure start (past the bracket a base stands in)
        if opened >= 0 and (shut := _BASE_BRACKET_SHUT.match(text, end)) and _BASE_AFTER_BI.search(clause_pre[:opened]):
            # 比上年（10,955.80万元）增加864.60万元: the bracket prints the base the comparison is with
            pre = own_words = clause_pre = clause_pre[:opened]
            opened, after_base = -1, shut.end()
        if opened >= 0:  # 调整后预算为365.60万元（含上年结转45.60万元）: the bracket's words are its figure's own
            pre = own_words = _BRACKET_LEAD.sub("", clause_pre[opened + 1 :])
            clause_pre = pre
        window = text[max(s0, start - _WINDOW) : start]  # comparisons and periods are stated near their figure
        stated_period = period_in(_without_compare(lists.without_closed_brackets(text[scanned:start])))
        stated_period = stated_period or sentence_period
        # 在2025年完成428.63亿元的基础上: that year is the base's alone; so is a bracket's (（2025年年初预算…）)
        if not _IN_BASE.match(text, end, s1) and opened < 0:
            sentence_period = stated_period
        scanned = start
        relation, denominator, direction = "", "", ""
        subject, role, period = "", "", ""
        numerator = _numerator_outside_brackets(items, text, start)
        share = _SHARE.search(pre) if q.dimension == "percent" else None
        rate = _RATE.search(pre) if q.dimension == "percent" else None
        change = change_before(pre)
        adjusted: _Item | None = None
        if (
            share is not None
            and _BUDGET_ONLY.match(den_words := _clean_phrase(share.group("den") or ""))
            # (教育支出调整后为1029300万元，调增42800万元，占调整后预算的20.9%: the item's adjusted budget is printed, so
            # this is its share of the whole adjusted budget)
            and not ("调整" in den_words and (adjusted := _adjusted_level_in(items, s0)) is not None)
        ):
            share, rate = None, share  # 占年初预算数的71.6%: the figure against its own budget, a completion rate
        in_phrase = (
            budget_named.get(items[-1].start)
            if q.dimension == "percent" and items and not pre.strip(" 的") and items[-1].end <= start
            else None
        )
        if in_phrase is not None:  # 完成年度预算25.60亿元的52.0%: a rate of the budget its phrase prints
            relation, denominator, subject = "rate", in_phrase, items[-1].claim.subject
        elif share is not None:
            relation, denominator = "share", _clean_phrase(share.group("den") or "") or _whole_at_head(text[s0:start])
            # 占该项基金收入的80.0%: "this fund's income", the fund's 基金收入 — the pointing word names nothing
            denominator = _POINTING.sub("", denominator)
            if not share.group("den") and (named := _WHOLE_IN_BRACKET_AFTER.match(text, end)) is not None:
                denominator = _clean_phrase(named.group(1))  # 占94.1%（占本年收入）: the whole its bracket names
            own_subject = analyse_pre(pre[: share.start()]).subject  # 税收收入占…比重达76.1%: its own part
            subject = own_subject or (numerator.claim.subject if numerator else "")
            if adjusted is not None and _ADJUSTED_BY_AT_END.search(subject or "调增"):
                subject = adjusted.claim.subject  # (…调增42800万元，占调整后预算的: the item adjusted, not the 调增)
        elif rate is not None or (q.dimension == "percent" and _RATE_WORD.search(pre)):
            relation = "rate"
            denominator = _clean_phrase(rate.group("den") or rate.group("budget") or "") if rate is not None else ""
            # (…教育支出25142万元，预算执行进度51.7%: the rate of the item before, not an item named 预算执行进度)
            rate_word = _RATE_WORD.search(pre) if rate is None else None
            own = analyse_pre(
                pre[: rate.start()] if rate is not None else pre[: rate_word.start()] if rate_word else pre
            )
            subject = own.subject or (numerator.claim.subject if numerator else "")
        elif change and (
            has_compare(window)
            or _bare_change_of_amount(items, text, s0, start, q)
            or _bare_change_in_money(items, pre, s0, q)
        ):
            relation, direction = "change", change
            own = analyse_pre(
                _before_compare(pre).lstrip("）) ")
            )  # (…（10,955.80万元）增加: the bracket names nothing)
            last_change = next((i for i in reversed(items) if i.claim.relation == "change"), None)
            # 减少56.95万元，下降1.87%: both about the same figure — unless a new level stands between them
            # (公务接待费…减支0.0132亿元、下降31.1%，公务用车…0.2390亿元、增支0.0489亿元: the 0.0489 is the car's)
            latest = max((i for i in (last_change, numerator) if i is not None), key=lambda i: i.start, default=None)
            ratio = items[-1] if items else None
            if (
                ratio is not None
                and ratio.start >= s0
                and ratio.claim.quantity.dimension == "percent"
                and ratio.claim.relation in ("share", "rate", "")
                and ratio.claim.subject
                and (latest is None or ratio.start > latest.start)
            ):
                # 财政补贴收入占该项基金收入的67.4%，比上年执行数增长4.3%; 资产负债率为35.02%，比上年末下降1.40个百分点:
                # the change is of what the ratio before it names, not of the last amount
                latest = ratio
            source = latest or _whole_of_parts(previous, text)
            subject = own.subject or (source.claim.subject if source is not None else "")
        else:
            adjacent = bool(same_clause) and not pre.strip()
            if same_clause:  # 338名组长和1044名邻长: the words after the last connector
                pre = re.split(r"[和及与]", pre)[-1]
            p = analyse_pre(pre)
            subject, role, period = p.subject, p.role, p.period
            if not subject and _TOTAL_ALONE.fullmatch(pre) and q.dimension == "money" and not noun_after(text[end:s1]):
                # …、专项转移支付71560万元，共计340470万元，占全市12.51%: the list's total, not its last part again
                subject = "合计"
            if role == "全年" and (_THE_YEARS_FLOW.search(pre) or _THE_YEARS_OUTCOME.search(pre)):
                # 全年支出168.35万元, 全年用于民生方面的支出6,215.60万元: the year's spending (全年预算, 调整为… are the
                # adjusted budget)
                role = "执行"
            named_budget = _BUDGET_IN_RATE.search(pre) if q.dimension == "money" else None
            if named_budget is not None and numerator is not None:
                # 完成年度预算25.60亿元的52.0%: the budget of the figure the rate is of
                words_ = named_budget.group("den")
                subject = numerator.claim.subject
                role = "年初" if "年初" in words_ else "全年" if re.search("调整|全年", words_) else "预算"
                budget_named[start] = words_
            if not subject and not pre.strip() and not same_clause:
                subject = _colon_label(text, s0, cstart)  # 公路养护（2140106）：4680.00万元
            if _closes_unopened(subject):
                # 2.林草资源监测与森林督查（曲靖市林业和草原局（本级））368.50万元: the name the bracket follows
                subject = _name_before_bracket(text, s0, start) or subject
            by_standard = _BY_STANDARD.search(re.split(r"[，,；;。]", text[s0:start])[-1])
            if _names_per_capita(clause_pre) or (by_standard and _STANDARD_AFTER.match(text, end)):
                relation = "per-capita"  # (按0.5、1万元标准给予补贴: a rate per head, no amount of its own)
            for word, d in words().direction:
                if word in pre and items:
                    relation, direction = "direction", d
                    break
            if p.verb_tail:  # 设置6个内设机构 → 内设机构; 预备党员转正26人 keeps its words
                subject = noun_after(text[end:s1]) or _achieved(subject, p.verb_only, q)
            elif not subject:
                # …下降10.8%，主要是国有土地使用权出让收入减少，全年完成221.84亿元: the item the reason named
                last_end = items[-1].end if items else s0
                between = text[last_end:cstart]
                subject = (_reason_named(between) or _item_opened(between)) if p.role and not same_clause else ""
                if not subject and _ADJUSTED_LEVEL.search(pre):
                    # 税收收入调减1200万元，调整后为52300万元: the item adjusted, not the paragraph's
                    subject = _item_adjusted_just_before(items, text, start)
                subject = subject or (_named_group(pre) if q.dimension == "money" else "")
                kin = _kin(items, q)
                list_at = text.rfind("其中", s0, start)
                list_closed = max(text.rfind("；", s0, start), text.rfind(";", s0, start))
                if 0 <= list_at < list_closed and not p.generic:
                    # …，其中当年财政拨款…、其他资金64.00万元；全年执行数906.18万元: a measure after the 其中 list closed is of
                    # the list's whole, never of its last part (a part of its own clause past the "；" still names it)
                    kin = [i for i in kin if i.start < list_at or i.start > list_closed]
                subject = subject or _fallback_subject(
                    text,
                    end,
                    s1,
                    p.verb_only,
                    kin,
                    same_clause,
                    adjacent,
                    p.role in ("全年", "年初", "预算"),
                )
                if p.role in ("到位", "实际", "执行") and _PLAN_WORD.search(subject) and "计划" not in pre:
                    # 市级资金计划3,000.00万元，实际到位2,400.00万元: the item's money received, not its 计划
                    subject = _PLAN_WORD.sub("", subject)
                if p.generic in ("收入", "支出") and _BODY_ONLY.fullmatch(subject.strip()):
                    subject = subject.strip() + p.generic  # 部门全年预算数…，全年支出8695.77万元: the 部门's 支出
                if (
                    p.generic in ("收入", "支出")
                    and subject.endswith(("收入", "支出"))
                    and not subject.endswith(p.generic)
                    and items
                    and re.search(r"(?:其中|主要是|主要为|主要包括|包括)[^；;。]*$", text[s0 : items[-1].start])
                ):
                    # …其中财政补贴收入68420万元；支出409216万元 (…主要是保险费收入…，其他收入1205.18万元；全年支出…): the
                    # bare 支出 is the fund's spending, not of the 收入 its list's last part names (市级…收入完成5.23亿元，
                    # 支出完成3.67亿元 keeps 市级…支出, below)
                    subject = (topic + p.generic) if topic else p.generic
                elif p.generic in ("收入", "支出") and subject.endswith(("收入", "支出")):
                    # 收入安排32.00亿元，比…下降4.2%；支出安排63.53亿元 (or 预算支出225800万元, its measure named): a bare
                    # 支出 taken from the figure before is that item's spending, not its 收入
                    subject = subject[:-2] + p.generic
                # 2023年当年预算执行数为60.13万元: the paragraph's item — past a change made to it (…年初预算为156.80亿元，
                # 执行中追加上级转移支付支出8.50亿元，调整后预算为165.30亿元: 165.30 is the item's, not the 追加's) and past a
                # 其中 part (…年初预算为598.30亿元，其中教育支出95.00亿元。…调整后为632.64亿元: the whole's)
                earlier = _numerator(
                    [
                        x
                        for x in _kin(previous, q)
                        if not _adjustment(x.claim.subject)
                        and not _a_part(x)
                        # 年中使用上年结转资金26.16万元，全年预算1,312.56万元: carried-in funds, like an addition, are no
                        # item a budget after them is of
                        and not (p.role in ("全年", "年初", "预算") and _CARRIED_IN_FUNDS.search(x.claim.subject))
                    ]
                )
                if not subject and p.role and earlier is not None:
                    subject = earlier.claim.subject
                    flows = ("收入", "支出")
                    if p.generic in flows and subject.endswith(flows) and not subject.endswith(p.generic):
                        subject = subject[:-2] + p.generic  # …基金预算收入完成52.1亿元…。支出预算96.7亿元: its 支出

                if p.generic in ("收入", "支出") and _RECEIPT_ONLY.fullmatch(subject):
                    # 实际到位480.00万元，到位率93.60%；实际支出468.22万元: the spending, not the funds received before it
                    subject = p.generic
                elif p.generic in ("收入", "支出") and _TOTAL_WORD.sub("", subject).endswith(_OTHER_FLOW[p.generic]):
                    # …收入总计13620万元；支出6180万元: the spending, not the 收入's total
                    subject = _TOTAL_WORD.sub("", subject)[:-2] + p.generic
                if (
                    not subject
                    and topic
                    and p.generic in ("收入", "支出")
                    and not topic.endswith(("收入", "支出", "情况"))  # (社会保险基金预算收支情况: a section's name)
                ):
                    # （一）企业职工基本养老保险基金。…。支出530727.40万元: the topic's spending, not the fund alone
                    subject = topic + p.generic
                subject = subject or (topic if p.role or p.generic else "") or p.generic
            subject = _tidy_subject(subject, q)
        if not role and relation in ("", "per-capita", "direction"):
            role = role_in(_without_compare(clause_pre))
        subject = _whole_item(subject, sentence)
        if opened >= 0 and (not subject or _PUNCT_ONLY.fullmatch(subject)) and items:
            # 省级政府性基金预算收入138.6亿元（年初预算142.0亿元）: a bracket right after a figure is about that figure's item
            if not text[items[-1].end : cstart + opened].strip():
                subject = items[-1].claim.subject
        if _PUNCT_ONLY.fullmatch(subject):
            subject = ""  # "）" is no name
        base = (
            not relation
            and q.dimension not in ("percent", "pp")
            and (
                _compared_base(pre, text[after_base:s1])
                or _compared_base_far(clause_pre, same_clause, cstart, text[after_base:s1])
            )
        )
        if base:
            subject = re.sub(r"(?<=[\u4e00-\u9fff）)])(?:比|较|与)$", "", subject)  # 三公经费支出比上年的10.74万元
        claim = Claim(
            subject=subject,
            quantity=_money_context(q, subject, sentence),
            sentence=sentence,
            prov=para.prov.with_(span=(start, end)),
            role=role,
            period=period or stated_period,
            relation=relation,
            denominator=denominator,
            direction=direction,
            section=section,
            base=base,
        )
        items.append(_Item(claim, start, end, own_words))
    return items


_BASE_BRACKET_SHUT = re.compile(r"\s*[）)]")
_BASE_AFTER_BI = re.compile(r"(?:比|较)[^，,；;。！？：:]{0,16}$")
_BASE_AFTER_YU = re.compile(r"与[^，,；;。！？：:]{0,16}$")


@lru_cache(maxsize=1)
def _change_next() -> re.Pattern[str]:
    change = change_alternation()
    return re.compile(rf"^\s*(?:相比|相较|比较)?[，,]?\s*(?:有所|略有|大幅|共)?(?:{change}|(?:基本)?持平)")


def _records(after: list[_Item], end: int, nested: list[tuple[int, int]], total: _Item) -> bool:
    """A 其中 list that names one subject twice in one measure is a list of records, not of parts ("其中：行政编制45人，实际在职48人；
    事业编制69人，实际在职79人": each category's 编制 and 在职), and adds up to no one total. Only figures that could be
    the total's parts count (…公务接待费3.67万元，共接待国内公务来访12批次、86人次: the counts are the part's own)."""
    named = [
        (i.claim.subject, i.claim.role)  # one item's 年初预算 and 决算 are two measures of it, not two records
        for i in after
        if i.start < end
        and _plain(i)
        and i.claim.subject
        and not any(a < i.start < b for a, b in nested)
        and _base_key(i.claim.quantity) == _base_key(total.claim.quantity)
    ]
    return len(set(named)) < len(named)


_GROUP_NAMED = re.compile(
    r"^[，,\s]*(?:以及|加上|加|和|及)?\s*(?P<names>[^，,；;。：:]{2,40}?[、和及与][^，,；;。：:]{2,40}?等)\s*$"
)


_GROUP_BEFORE_FIGURE = re.compile(r"[^，,；;：:。]*、[^，,；;：:。]*等\s*$")


def _named_group(pre: str) -> str:
    """The names of several items whose one sum follows (以及调入资金、动用预算稳定调节基金和上年结转等830.13亿元): the
    figure is theirs together, never the item named before it."""
    m = _GROUP_NAMED.match(pre)
    return m.group("names") if m else ""


def _one_item_in_measures(parts: list[_Item]) -> bool:
    """Whether a list names one item twice: a figure named by a measure word alone (…年初预算11.7亿元，执行12.2亿元)
    is of the item named before it, and one item's 年初预算, 调整预算 and 执行数 are its figures, not parts of a whole."""
    items: list[str] = []
    for p in parts:
        subject = normalize(p.claim.subject).strip()
        if items and (not subject or _only_a_measure(subject)):
            subject = items[-1]
        items.append(subject)
    return len(set(items)) < len(items)


@lru_cache(maxsize=1)
def _measure_words() -> frozenset[str]:
    return frozenset(w for w, _ in vocabulary().words.get("measure", ()))


def _only_a_measure(subject: str) -> bool:
    return subject in _measure_words() or subject.removesuffix("数") in _measure_words()


def _a_part(item: _Item) -> bool:
    """A part of a 其中 list (其中：当年财政拨款…，上年结转资金…，其他资金…): not what a later measure word is of."""
    return item.claim.relation == "part" or re.sub(r"^[，,；;。\s]+", "", item.words).startswith("其中")


_WHOLE_IN_BRACKET_AFTER = re.compile(r"\s*[（(]占([^（）()，,；;。\d]{2,20}?)(?:的)?(?:比重|比例)?[）)]")


def _adjusted_level_in(items: list[_Item], s0: int) -> _Item | None:
    """The last adjusted budget (调整后为…) its sentence prints: an item's, whose share of the whole adjusted budget
    may follow (…调整后为1029300万元，调增42800万元，占调整后预算的20.9%)."""
    return next((i for i in reversed(items) if i.start >= s0 and i.claim.role == "全年"), None)


_ADJUSTED_LEVEL = re.compile(r"调整(?:后|为|至)[^，,；;。\d]{0,4}$")


def _item_adjusted_just_before(items: list[_Item], text: str, start: int) -> str:
    """The item of an adjustment right before a figure in its clause run (税收收入调减1200万元，调整后为52300万元): its
    subject less the adjustment word; "" when the figure before is no adjustment or a "；" stands between."""
    if not items or re.search(r"[；;。]", text[items[-1].end : start]):
        return ""
    m = _ADJUSTED_BY_AT_END.search(items[-1].claim.subject)
    return items[-1].claim.subject[: m.start()].strip() if m is not None else ""


def _adjustment(subject: str) -> bool:
    """年中追加, 调减, 执行中部分县区按程序调增收入: a change made to the budget, not an item a later figure of the paragraph
    is of — but not the budget a change reached (调增至47.04亿元, 调减为…: the level after it)."""
    if re.search(r"(?:调[增减整]|追加|核[增减])(?:至|为|到)$", subject.strip()):
        return False
    return any(w in subject for w in words().adjustments)


def _compared_base(pre: str, after: str) -> bool:
    """Whether the figure is the base a comparison is made with: 比上年1,000.00万元增加…, 较2022年度机关支出1,000.00万元
    减少…, 与上年的7.21万元相比…; the figure is followed by the change (or 相比), never by another statement."""
    if _BASE_AFTER_BI.search(pre) and not _SHARE_BEFORE.search(pre):
        return bool(_change_next().match(after))
    return bool(_BASE_AFTER_YU.search(pre) and re.match(r"\s*(?:相比|相较|比较)", after))


_BASE_FAR_AFTER_BI = re.compile(r"(?:比|较)[^，,；;。！？：:]{0,32}$")


def _compared_base_far(clause_pre: str, same_clause: list[_Item], cstart: int, after: str) -> bool:
    """A base whose 比 stands further back, past a date and an ordinal (决算数比2026年1月向县十八届人大六次会议报告的执行数
    312417万元增加356万元), where no amount stands between the 比 and the figure."""
    m = _BASE_FAR_AFTER_BI.search(clause_pre)
    if m is None or _SHARE_BEFORE.search(clause_pre):
        return False
    if any(i.start >= cstart + m.start() and i.claim.quantity.dimension == "money" for i in same_clause):
        return False
    return bool(_change_next().match(after))


_SHARE_BEFORE = re.compile(r"占[^，,；;。]*$")
_MONEY_WORDS = ("元", "经费", "支出", "资金", "预算", "决算", "收入", "费", "金额", "拨款", "补助", "投资", "结余")


# 项目总预算1170.00万，其中…870.00万: a money word right before one bare 万 makes the sentence's bare 万 money
_BARE_MONEY = re.compile(
    r"(?:预算|资金|经费|支出|收入|金额|拨款|补助|投资|结余)[为是共计约达]{0,3}\d[\d,.]*\s*[万亿](?![\u4e00-\u9fff])"
)


def _money_context(q: Quantity, subject: str, sentence: str) -> Quantity:
    """A bare 万/亿 in a money sentence (支出决算为6.18万, 合计1410.00万) is 万元/亿元: base 元, dimension money."""
    if q.unit not in ("万", "亿") or q.dimension != "unknown":
        return q
    if not (any(w in subject for w in _MONEY_WORDS) or "元" in sentence or _BARE_MONEY.search(sentence)):
        return q
    return replace(q, base_unit="元", dimension="money")


def _numerator(items: list[_Item]) -> _Item | None:
    """The figure a following percent or change qualifies: the last plain figure so far (never a comparison's base)."""
    for item in reversed(items):
        if (
            item.claim.quantity.dimension not in ("percent", "pp")
            and item.claim.relation not in ("change",)
            and not item.claim.base
        ):
            return item
    return None


def _whole_of_parts(items: list[_Item], text: str) -> _Item | None:
    """_numerator of the sentence before, where a change opens a sentence of its own: past the parts of a 其中 list to
    their whole (…总计180万元，其中：事业收入150万元，其他收入30万元。与上年相比增加10万元: the 180's change), also
    where the list was read no further than its first part (公务接待费支出6.42万元，其中：国内…6.42万元，共接待52批次…；
    国（境）外公务接待支出0万元。较上年减少0.75万元)."""
    last = _numerator(items)
    if last is not None and last.claim.relation != "part":
        head = next((i for i in items if _plain(i) and _QIZHONG_AFTER.match(text, i.end)), None)
        return head if head is not None and head.start < last.start else last
    if last is None or last.claim.group is None:
        return last
    whole = (i for i in items if i.claim.group == last.claim.group and i.claim.relation == "total")
    return next(whole, last)


_QIZHONG_AFTER = re.compile(r"\s*(?:万元|亿元|元)?\s*[，,；;]?\s*其中")


# 收入1177亿元，增长6.2%; 收入1177亿元，完成预算的97.3%，增长6.2%: a rate of change printed right after an amount (or
# after its completion rate) with no base named is the amount's change on last year in every report of these kinds
_BARE_CHANGE = re.compile(
    r"^\s*[，,]\s*(?:[^，,；;。]{1,16}?[%％]\s*[，,]\s*)?(?:同比)?(?:增长|下降|减少|增加|降低|上升|回落|负增长)了?\s*$"
)


def _bare_change_of_amount(items: list[_Item], text: str, s0: int, start: int, q: Quantity) -> bool:
    """Whether the percent at `start` is a bare change ("，增长6.2%") of the money amount printed just before it in
    the sentence, with at most that amount's own rate or share between them."""
    if q.dimension != "percent" or not items:
        return False
    k = len(items) - 1
    if items[k].claim.relation in ("rate", "share") and items[k].claim.quantity.dimension == "percent":
        k -= 1
    if k < 0:
        return False
    level = items[k]
    if level.start < s0 or level.claim.quantity.dimension != "money" or level.claim.base:
        return False
    if level.claim.relation == "change" and change_before(level.words):
        # 比调整前的619,000万元增加54,500万元，增长8.48%: the rate of the change amount just before it
        return bool(_BARE_CHANGE.match(text[level.end : start]))
    if level.claim.relation in ("share", "rate", "change"):
        return False
    return bool(_BARE_CHANGE.match(text[level.end : start]))


def _bare_change_in_money(items: list[_Item], pre: str, s0: int, q: Quantity) -> bool:
    """Whether a money amount whose own words are only a change word (560.00万元，增幅8.1%（增加41.96万元）) is the change
    of the amount printed before it in the sentence, not an item of its own."""
    if q.dimension != "money" or not any(i.start >= s0 and i.claim.quantity.dimension == "money" for i in items):
        return False
    own = re.split(r"[，,；;（(：:]", pre)[-1].strip()
    return own in {w for w, _ in words().change}


def _numerator_outside_brackets(items: list[_Item], text: str, pos: int) -> _Item | None:
    """_numerator, past the figures of a bracket closed before pos: …运行维护费42.8万元（其中：公务用车购置费0万元，
    公务用车运行维护费42.8万元），比上年减少30.8万元 — the change is of the figure the bracket breaks down."""
    for item in reversed(items):
        if _numerator([item]) is not None and not _in_closed_bracket(text, item, pos):
            return item
    return None


def _numerator_past_adjustments(items: list[_Item], text: str = "", pos: int = 0, budget: bool = False) -> _Item | None:
    """_numerator of the items that are no change made to a budget nor a note in a bracket closed before pos
    (searched from the end: one pass, not a copy); for a budget, no carried-in funds either (年中使用上年结转资金26.16万元，
    全年预算1,312.56万元)."""
    for item in reversed(items):
        if _numerator([item]) is None or _adjustment(item.claim.subject):
            continue
        if budget and _CARRIED_IN_FUNDS.search(item.claim.subject):
            continue
        if text and _in_closed_bracket(text, item, pos):
            continue  # 调整后预算为365.60万元（含上年结转45.60万元），支出决算为338.25万元: 365.60's item, not the note's
        return item
    return None


_REASON_NAMES = re.compile(
    r"(?:主要是|主要由于|主要因|主要原因是)([^，,；;。]{2,24}?)(?:大幅|明显|有所)?(?:减少|增加|下降|增长|减收|增收|回落|下滑|上升)[，,]\s*$"
)


_OPENED_ITEM = re.compile(
    r"(?:其中[:：]?|[；;])\s*([^，,；;。：:\d]{2,20}?(?:费|经费|支出|收入|资金))[^，,；;。\d]*[，,]\s*$"
)


def _item_opened(between: str) -> str:
    """The item a list entry with no figure of its own opens, for the role-only figure after it (其中：因公出国（境）费
    年初未安排预算，支出决算为0万元: 因公出国（境）费's 决算, not the 三公 total's)."""
    m = _OPENED_ITEM.search(between)
    return m.group(1).strip() if m else ""


def _reason_named(between: str) -> str:
    """The item a reason clause right before a figure's clause names (主要是国有土地使用权出让收入减少，)."""
    m = _REASON_NAMES.search(between)
    return analyse_pre(m.group(1)).subject if m else ""


def _kin(items: list[_Item], q: Quantity) -> list[_Item]:
    """The figures an amount may take its name from: amounts (项目自评得分94.5分。全年预算数为9650.00万元: a budget is
    no score's)."""
    if q.dimension != "money":
        return items
    return [x for x in items if x.claim.quantity.dimension in ("money", "percent", "pp")]


_SET_ASIDE = re.compile(r"剔除|扣除|不含|不考虑")
_RESIDUAL = re.compile(r"\s*(?:其他|其它|其余|剩余)")
_OTHER_FLOW = {"收入": "支出", "支出": "收入"}
_TOTAL_WORD = re.compile(r"(?:总计|合计|总额|总量)$")
# a subject naming only money received (实际到位, 到位资金): no item a bare 支出 after it is of
_RECEIPT_ONLY = re.compile(r"(?:[\u4e00-\u9fff]{0,8}资金)?(?:实际|全年)?(?:到位|到账|拨付|下达)(?:资金|金额|数)?")


def _fallback_subject(
    text: str,
    end: int,
    s1: int,
    verb_only: str,
    items: list[_Item],
    same_clause: list[_Item],
    adjacent: bool,
    budget: bool = False,
) -> str:
    earlier = _numerator_past_adjustments(items, text, end, budget)  # past a change made to the budget
    if adjacent and earlier is not None:  # 157户494人: the second figure counts the same subject
        return earlier.claim.subject
    noun = noun_after(text[end:s1])
    if noun and not same_clause:
        return noun
    if verb_only:
        return (earlier.claim.subject if earlier else "") + verb_only
    if noun:
        return noun
    return earlier.claim.subject if earlier else ""


_ITEM_END = re.compile(r"[（(][类款项][）)]$")
_ITEM_HEAD = re.compile(r"[^，,；;。：:\d．]*$")


def _whole_item(subject: str, sentence: str) -> str:
    """An item name cut at its 、 (公诉、审判、侦查、执行等检察监督支出（项）): the 科目 goes back to its clause's start."""
    if not _ITEM_END.search(subject) or "、" in subject:
        return subject
    at = sentence.find(subject)
    if at <= 0 or sentence[at - 1] != "、":
        return subject
    head = _ITEM_HEAD.search(sentence[:at])
    return (head.group(0) if head else "").lstrip() + subject


def _tidy_subject(subject: str, q: Quantity) -> str:
    if subject.endswith("净增"):  # 企业净增34家 → 新增企业
        subject = "新增" + subject[:-2]
    if q.dimension == "area" and subject.endswith("完成"):  # 中稻完成2.25万亩 → 中稻完成面积
        subject += "面积"
    return subject


# "2023年度“三公”经费财政拨款支出决算中，公务接待费2.00万元，占16.67%": the whole a sentence opens with, of money
_WHOLE_HEAD = re.compile(
    r"^\s*在?(?:\d{4}\s*年度?)?(?P<den>[^，,。；;：:0-9０-９]{1,30}?(?:支出|收入|经费|资金|决算|预算|拨款|本金|余额|总额))"
    # (财政拨款收入2468.73万元中，…: the whole printed with its figure)
    r"(?:[\d,.]+\s*(?:亿元|万元|元))?(?:之|当)?中[，,]"
)


def _whole_at_head(before: str) -> str:
    """The whole a share with no whole of its own is of, when its sentence opens with "<whole>中，" (see above) and
    names no other whole before the share: no 其中 list (its head is the whole) and no share naming one (占…的)."""
    m = _WHOLE_HEAD.match(before)
    if m is None or "其中" in before or re.search(r"占[^，,；;。]{1,30}的", before[m.end() :]):
        return ""
    return _clean_phrase(m.group("den"))


_POINTING = re.compile(r"^(?:该项|该|此项|本项)(?=[\u4e00-\u9fff]{2})")


def _clean_phrase(s: str) -> str:
    return s.strip(" \t\u3000的，,：:")


_COMPARED = re.compile(
    r"(?:比|较|同)(?:\d{4}\s*年度?|上年|去年|上一年)[^，,；;。\d]{0,8}|与(?:\d{4}\s*年度?|上年|去年)(?:同期)?(?:相比)?"
    r"|在[^，,；;。]{0,30}?基础上"  # 在2025年完成428.63亿元的基础上增长4%: the base's year
    rf"|{RATE_BASE}"  # 为2025年执行数的103.5%
)


_IN_BASE = re.compile(r"[^，,；;。]{0,6}?基础上")


def _without_compare(s: str) -> str:
    """Drop 比上年 / 比2023年预算 / 与上年相比: the year named there is the comparison base, not the figure's."""
    return _COMPARED.sub("", s)


_THE_YEARS_FLOW = re.compile(r"(?:^|[，,：:；;])\s*全年(?:共)?(?:支出|收入)\s*$")
# 全年 opening what was spent or received, with no word of a budget or a plan after it
_THE_YEARS_OUTCOME = re.compile(
    r"(?:^|[，,：:；;])\s*全年(?:(?!预算|计划|安排|调整|目标|预计|拟|控制|核定|批准)[^，,：:；;])*?(?:支出|收入)\s*$"
)


def _before_compare(pre: str) -> str:
    """The subject part of a change clause: 公务接待费支出比上年减少 → 公务接待费支出; 收入支出总计减少 → 收入支出总计."""
    s = strip_filler_tail(pre, " \t\u3000了约近为")  # (较上年节约2.88万元: 节约 keeps its 约)
    for word, _ in words().change:
        if s.endswith(word):
            s = s[: -len(word)]
            break
    m = re.search(r"(?:比|较|同比|环比|与)", s)
    return s[: m.start()] if m else s


_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|有)?")
# 分别完成5.23亿元和3.53亿元: a verb of a few characters may stand between 分别 and the first figure
_RESPECTIVE_VERB = re.compile(r"^\s*(?:[\u4e00-\u9fff]{1,3}(?:为|了)?)?\s*[：:]?\s*$")  # 分别为：A、B


_AREAS_VERB_NOUN = re.compile(
    r"^\s*(?:完成|实现|安排|获得|下达|收到|达到)(?P<noun>[\u4e00-\u9fff]{2,16}?)(?:为|达|共)?\s*$"
)
_AREA_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:区|县|市|旗|镇|乡|街道|州|盟)")
_RESPECTIVE_HEAD = re.compile(r"^.*?分别(?:为|是|有)[：:]")


def _names_start(text: str, s0: int, end: int) -> int:
    """Where the clause of names ending at `end` starts; the list may span 、, which also breaks clauses."""
    cstart = clause_start_before(text, s0, end)
    while cstart > s0 and text[cstart - 1] == "、":
        cstart = clause_start_before(text, s0, cstart - 1)
    return cstart


def _listed_before(text: str, s0: int, at: int, want: int = 0) -> list[str]:
    """The phrases listed in the clause before `at` (基本支出和项目支出, 省级资金、市级资金和县级配套资金); when `want`
    names are wanted and the 、 alone list that many, a 和/及/与 inside a name (社会保障和就业支出) splits nothing."""
    end = at
    while end > s0 and text[end - 1] in " ，,":
        end -= 1  # 分别为：A项目、B项目，分别安排…: the names end in the clause before the comma
    cstart = _names_start(text, s0, end)
    if end != at and re.search(r"\d", text[cstart:end]):
        head = _NAMES_THEN_TOTAL.match(text, cstart, end)
        if head is not None and want:
            # 其中农林水支出和社会保障和就业支出两项合计3,595.60万元，分别占…: the names before their total
            end = head.end("names")
        else:
            end = at  # …，社会保障与就业支出完成57.7亿元，分别增长…: a clause of figures names no list
            cstart = _names_start(text, s0, end)
    named = _RESPECTIVE_HEAD.sub("", text[cstart:end])
    full = [x for x in re.split(r"[、和及与]", named) if x.strip()]
    by_comma = [x for x in named.split("、") if x.strip()]
    if want and len(full) != want and len(by_comma) == want:
        return by_comma
    if want and len(full) > want:
        return _names_ending_alike(named, want) or full
    return full


_PLAN_WORD = re.compile(r"(?<=[\u4e00-\u9fff])(?:计划|计划数)$")
_NAMES_THEN_TOTAL = re.compile(r"(?P<names>[^\d，,；;。]+?)(?:[两二三四五六七八九十]|\d+)项(?:合计|共计|共)")


def _names_ending_alike(named: str, want: int) -> list[str]:
    """农林水支出和社会保障和就业支出 as two names: the one way to join the pieces between 和/及/与 into `want` names that all
    end as the last does (…支出), [] when there is none or more than one."""
    pieces = re.split(r"([、和及与])", named)
    words, joins = pieces[0::2], pieces[1::2]
    end = words[-1].strip()[-2:]
    found: list[list[str]] = []
    for cuts in itertools.combinations(range(1, len(words)), want - 1):
        bounds = [0, *cuts, len(words)]
        names = [
            "".join(words[i] + (joins[i] if i < b - 1 else "") for i in range(a, b)).strip()
            for a, b in zip(bounds, bounds[1:], strict=False)
        ]
        if all(n.endswith(end) for n in names) and not any(
            joins[c - 1] == "、" for c in range(1, len(words)) if c not in cuts
        ):
            found.append(names)
    return found[0] if len(found) == 1 else []


def _run_length(text: str, figures: list[_Item], repeated_change: bool = False) -> int:
    """How many of `figures` follow one another joined only by 、 和 及 与 or a comma (600.00万元、400.00万元) — for
    changes, also by the change word said again (下降6.3%和下降6.5%)."""
    n = 1 if figures else 0
    while n < len(figures):
        gap = re.sub(r"[、和及与，,\s]", "", text[figures[n - 1].end : figures[n].start])
        if gap and not (repeated_change and _CHANGE_AT_END().fullmatch(gap)):
            break
        if figures[n].claim.quantity.dimension != figures[0].claim.quantity.dimension:
            break  # …分别为25.08、16.61、13.31亿元，三项合计…: the count after the amounts is none of them
        n += 1
    return n


@lru_cache(maxsize=1)
def _CHANGE_AT_END() -> re.Pattern[str]:  # noqa: N802 - a compiled pattern, built once from the data
    return re.compile(rf"(?:{change_alternation()})$")


_PERIOD_ONLY = re.compile(r"(?:上年|去年|上一年|上年同期|20\d\d年度?)(?:同期)?")


def _respectively(text: str, s0: int, items: list[_Item]) -> None:
    """基本支出和项目支出分别为2998.29万元、621.15万元: the n phrases name the n figures in order."""
    named: list[str] = []  # the names the last 分别 of the sentence gave its figures
    for m in _RESPECTIVELY.finditer(text, s0, items[-1].start if items else s0):
        after = [i for i in items if i.start >= m.end() and i.claim.quantity.dimension not in ("percent", "pp")]
        phrases = _listed_before(text, s0, m.start(), _run_length(text, after))
        flow = phrases[0].strip(" ，,") if len(phrases) == 1 else ""
        if _PERIOD_ONLY.fullmatch(flow) and named and _run_length(text, after) == len(named):
            # …支出分别为5,462.18万元和812.60万元，上年分别为5,108.90万元和1,034.25万元: last year's of the same items
            for name, item in zip(named, after, strict=False):
                item.claim.subject = name
            continue
        if flow in _FLOWS and named and len(after) >= len(named):
            # …预算收入分别为A、B、C、D，支出分别为E、F、G、H: the same funds' spending, in the same order
            phrases = [n[: -len(flow)] + flow if n.endswith(_FLOWS) else n + flow for n in named]
        if len(phrases) < 2 or len(after) < len(phrases):
            continue
        figures = after[: len(phrases)]
        gaps = [text[a.end : b.start] for a, b in zip(figures, figures[1:], strict=False)]
        if any(re.sub(r"[、和及与，,\s]", "", g) for g in gaps):
            continue
        if not _RESPECTIVE_VERB.match(text[m.end() : figures[0].start]):
            done = _AREAS_VERB_NOUN.match(text[m.end() : figures[0].start])
            areas = [_LEADING_YEAR.sub("", x.strip(" ，,")) for x in phrases]
            if done is not None and all(_only_scope(x) or _AREA_NAME.fullmatch(x) for x in areas):
                # 渭滨区、金台区分别完成一般公共预算收入9.86亿元、8.52亿元: each area's figure of the noun after the verb
                for area, item in zip(areas, figures, strict=True):
                    item.claim.subject = area + done.group("noun")
            continue
        years = [_YEAR_NAME.match(x.strip()) for x in phrases]
        if all(years) and all(not x.strip()[y.end() :] for x, y in zip(phrases[:-1], years, strict=False) if y):
            # 2022、2023、2024年本年支出分别为3402.10、3612.45和3730.50万元: each year's figure of the noun after the last
            noun = analyse_pre(phrases[-1].strip()[years[-1].end() :]) if years[-1] else None
            for y, item in zip(years, figures, strict=True):
                item.claim.period = y.group(1) + "年" if y else item.claim.period
                item.claim.subject = noun.subject if noun is not None else ""
                item.claim.role = ""
            named = []
            continue
        first = analyse_pre(phrases[0])
        # 全市和市本级一般公共预算收入: the noun the names share, after the last one's scope word
        shared = _LEVEL_OF_SOURCE.sub("", strip_scope_words(analyse_pre(phrases[-1]).subject))
        # 一般公共预算、政府性基金预算、…社会保险基金预算收入: the flow the last fund names is every fund's
        last_flow = next((f for f in _FLOWS if analyse_pre(phrases[-1]).subject.endswith(f)), "")
        named = []
        for phrase, item in zip(phrases, figures, strict=True):
            own = analyse_pre(phrase)
            phrase = _LEADING_YEAR.sub("", phrase.strip())  # 2026年全市、市本级…: the year names no item
            source = re.sub(r"^.*?其中[，,：:]?", "", phrase)  # (…，其中中央、省级资金: 中央资金)
            if _SOURCE_LEVEL.fullmatch(source) and shared:
                item.claim.subject = source + shared
            elif _only_scope(phrase) and shared:
                item.claim.subject = phrase + shared  # 全市 → 全市一般公共预算收入
            elif phrase in _FLOWS and first.subject.endswith(_FLOWS):
                # 一般公共预算收入和支出分别安排…: 支出 is the fund's spending, named as the first phrase names its income
                item.claim.subject = first.subject[: -len(phrase)] + phrase
            elif last_flow and own.subject and (_only_fund(own.subject) or not _NAMES_ITS_NOUN.search(own.subject)):
                # (公共安全、交通运输、住房保障支出: 公共安全支出, the flow printed once after the last name)
                item.claim.subject = own.subject + last_flow
            else:
                item.claim.subject = own.subject or first.subject or item.claim.subject
            item.claim.role = own.role or item.claim.role
            named.append(item.claim.subject)


# 中央、省级、市级资金: the level the last name's money comes from is its own, not the noun the names share
_SOURCE_LEVEL = re.compile(r"中央|省级|市级|县级|区级|州级|乡级|镇级")  # 中央、省级、市级资金: 中央资金
_LEVEL_OF_SOURCE = re.compile(r"^(?:中央|省级|市级|县级|区级|州级|乡级|镇级)(?=[\u4e00-\u9fff]{2})")
_NAMES_ITS_NOUN = re.compile(r"(?:支出|收入|费|资金|经费|债务|债券|补助|补贴|税|额|基金|项目|合计|总计)$")
_YEAR_NAME = re.compile(r"(20\d\d)\s*(?:年度?)?")
_COUNTED_NAMES = re.compile(r"[两二三四五六七八九十\d]+(?:项|类|个|大|方面)")


def _lone_parts(claims: list[Claim]) -> None:
    """A 其中 that names one part only before the next numbered item (1.市直普通高中运转经费7390.30万元，其中公用经费1836.00
    万元；2.…), or one source of money of a whole not itself income, ending the sentence (项目支出203.35万元，其中财政拨款
    191.35万元。): that figure is a part of the one before it, whatever else of its name the report prints."""
    for prev, c in zip(claims, claims[1:], strict=False):
        if c.group is not None or c.relation or c.identity.part_of or prev.relation not in ("", "total"):
            continue
        if prev.sentence != c.sentence or prev.quantity.base_unit != c.quantity.base_unit or not prev.subject:
            continue
        at, before = c.sentence.find(c.quantity.text), c.sentence.find(prev.quantity.text)
        after = c.sentence[at + len(c.quantity.text) :]
        # (项目支出203.35万元，其中财政拨款191.35万元。: a source's share of a whole not itself income, the sentence
        # ending on it)
        a_source = (
            bool(_SOURCE.search(c.subject.strip()))
            and lists.flow_of(prev.subject) != lists.INCOME
            and bool(re.match(r"\s*(?:[。；;！？]|$)", after))
        )
        if not a_source and not re.match(r"\s*[；;]\s*\d{1,2}[.．、](?!\d)", after):
            continue  # (a 其中 naming one part elsewhere is read as it always was)
        if 0 <= before < at and re.fullmatch(
            r"万?元?\s*[，,]\s*其中[：:，,]?\s*" + re.escape(c.subject),
            c.sentence[before + len(prev.quantity.text) : at].strip(),
        ):
            c.identity = replace(c.identity, part_of=prev.subject)


_LIMIT_NAME = re.compile(r"(?:限额|上限|限值|控制数|控制线)$")


def _limits_are_exact(claims: list[Claim]) -> None:
    """控制在省核定的债务限额3865000万元以内: 以内 bounds what is controlled (the balance), the limit itself is printed
    exactly — read as "at most", the limit was no whole any share could be worked on."""
    for c in claims:
        if c.quantity.approx in ("at-most", "at-least") and _LIMIT_NAME.search(c.subject):
            c.quantity = replace(c.quantity, approx="exact")


def _total_split_respectively(text: str, s0: int, items: list[_Item], groups: Iterator[int]) -> None:
    """教育、社会保障和就业、卫生健康三项支出合计211.54亿元，占一般公共预算支出的50.3%，分别为86.27亿元、75.64亿元、
    48.63亿元: the names listed before a total's 合计 are its parts, and the figures 分别为 gives them, in order, are
    theirs — a list printed whole first, its parts after a clause about the whole."""
    for m in _RESPECTIVELY.finditer(text, s0, items[-1].start if items else s0):
        after = [i for i in items if i.start >= m.end()]
        figures = after[: _run_length(text, after)]
        before = [i for i in items if i.end <= m.start() and _plain(i)]
        if len(figures) < 2 or not before or not all(_plain(f) and f.claim.group is None for f in figures):
            continue
        total = before[-1]
        if total.claim.group is not None or not _RESPECTIVE_VERB.match(text[m.end() : figures[0].start]):
            continue
        if any(_base_key(f.claim.quantity) != _base_key(total.claim.quantity) for f in figures):
            continue
        start = clause_start_before(text, s0, total.start)
        said = _TOTAL_BEFORE.search(text[start : total.start])
        if said is None:
            continue
        at = start + said.start()
        names = [_COUNTED_NAMES.sub("", x).strip(" ，,") for x in _listed_before(text, s0, at, len(figures))]
        if len(names) != len(figures) or not all(names):
            continue
        gid = next(groups)
        total.claim.group, total.claim.relation, total.claim.list_kind = gid, "total", lists.COMPLETE
        for name, f in zip(names, figures, strict=True):
            f.claim.group, f.claim.relation = gid, "part"
            f.claim.subject = analyse_pre(name).subject or name


# 分别比上年执行数下降15.9%、下降6.9%和下降11.9%: the base named between 分别 and its rates
_CHANGES_RESPECTIVELY = re.compile(
    r"分别(?:同比|(?:比|较|与)(?:上年|去年|上一年|\d{4}年度?)(?:同期)?[^，,；;。\d%]{0,8}?(?:相比)?|比年初预算)?$"
)


def _respective_changes(text: str, s0: int, items: list[_Item]) -> None:
    """社会保障和就业支出69.6亿元、卫生健康支出40.8亿元，分别同比增长6.8%、4%: the n rates after 分别 are the changes
    of the n amounts before it, in order (each takes its amount's subject)."""
    for k, item in enumerate(items):
        if item.claim.relation != "change" or item.claim.quantity.dimension not in ("percent", "pp"):
            continue
        if not change_before(item.words):
            continue
        # the words before the change word (分别比上年 of 分别比上年下降: change_before gives the direction, 减少)
        head = _CHANGE_AT_END().sub("", item.words.strip())
        if not _CHANGES_RESPECTIVELY.search(head.strip()):
            continue
        rates = items[k : k + _run_length(text, items[k:], repeated_change=True)]
        amounts = [i for i in items[:k] if _plain(i) and i.claim.quantity.dimension == "money"]
        run = _run_length_back(text, amounts)
        if run != len(rates):
            # 增值税12998万元，企业所得税4612万元，…，分别比上年增长6.4%、增长6.7%…: one name and amount per clause
            run = _run_length_back(text, amounts, clauses=True)
        amounts = amounts[len(amounts) - run :] if amounts else []
        if len(rates) < 2 or len(amounts) != len(rates):
            continue
        for rate, amount in zip(rates, amounts, strict=True):
            # (下降6.3%和下降6.5%: each rate that says its own direction keeps it)
            rate.claim.relation, rate.claim.direction = "change", rate.claim.direction or item.claim.direction
            rate.claim.subject = amount.claim.subject
        # (a sentence may pair two runs: …收入分别预计为A和B，分别比2025年执行数增长…；…支出分别安排C和D，分别比…)


_COMPARED_TO = re.compile(r"^\s*(?:同比|比上年|较上年|比上年同期|与上年相比|比去年|较去年)?[，,]?\s*")


def _named_respective_changes(text: str, s0: int, items: list[_Item]) -> None:
    """人员经费和公用经费分别比上年增加91.32万元和18.9万元，分别增长2.51%和4.18%: the names listed before the first
    分别 name, in order, the changes after each 分别 with a change word (the second 分别 repeats the first one's names)."""
    names: list[str] = []
    for m in re.finditer("分别", text[s0 : items[-1].start] if items else ""):
        at = s0 + m.start()
        after = [i for i in items if i.start >= at + 2]
        if not after:
            continue
        run = after[: _run_length(text, after, repeated_change=True)]
        # (公共安全支出、社会保障和就业支出、城乡社区支出分别增长…: three names for three rates, the 和 inside one name)
        listed = _listed_before(text, s0, at, want=len(run))
        if len(listed) >= 2:
            names = [analyse_pre(x).subject or x.strip() for x in listed]
        gap = text[at + 2 : after[0].start]
        word = _COMPARED_TO.sub("", gap, count=1).strip()
        direction = change_before(word) if word else ""
        if not direction or not _CHANGE_AT_END().fullmatch(word):
            rates = all(i.claim.quantity.dimension == "percent" for i in run)
            if len(run) == len(names) and rates and all(names):
                # …支出分别为478.63亿元、106.38亿元，分别完成调整预算的95.5%、95.1%: each rate is of its amount, in order
                for name, item in zip(names, run, strict=True):
                    item.claim.subject = name
            elif len(run) == len(names) and all(i.claim.subject for i in run):
                names = [
                    i.claim.subject for i in run
                ]  # 全市和市本级增值税分别为…: 全市增值税, 市本级增值税 (_respectively)
            continue
        if len(run) < 2 or len(run) != len(names) or not all(names):
            continue
        for name, item in zip(names, run, strict=True):
            own = change_before(text[max(at + 2, item.start - _CHANGE_WORD_REACH) : item.start])
            item.claim.subject, item.claim.relation = name, "change"
            item.claim.direction, item.claim.group = own or direction, None


_ADJUSTED_BY = re.compile(r"^\s*(?:万元|亿元|元)?\s*(调增|调减|追加|核减|压减)\s*$")
_ADJUSTED_TO_AFTER = re.compile(r"^\s*(?:万元|亿元|元)?\s*(?:至|到|后为)\s*$")
_FROM_BEFORE = re.compile(r"由(?:年初(?:预算)?(?:的)?|[^，,；;。]{0,10}?的)?\s*$")  # 由年初预算, 由2024年末的


_CUTS = ("调减", "核减", "压减")  # the adjustments that lower a budget
_ADJUSTED_BY_AT_END = re.compile(r"(调增|调减|追加|核减|压减)$")
_MOVED_BY = re.compile(r"^\s*(?:万元|亿元|元)?\s*[，,]\s*(增加|减少|上升|下降)\s*$")
_MOVED_TO = re.compile(r"^\s*(?:万元|亿元|元)?\s*(?:增|减|增加|减少|上升|下降|提高|降低|扩大|缩小)(?:至|到)\s*$")
# 由598,900万元调整为677,100万元: a budget or ceiling changed by decision, from what it was set at to what it is now
_ADJUSTED_TO = re.compile(
    r"^\s*(?:万元|亿元|元)?\s*(?:(?:调整|调增|调减|核增|核减|追加|压减|变更)(?:为|至|到)|调(?:为|至|到))\s*$"
)


# a clause that opens with the words leading to its figure and names nothing (…支出调增32,420万元，由年初预算489,415万元
# 调整为521,835万元; 补助县（市）支出调增38,600万元，调整为944,600万元)
_LEAD_ONLY_CLAUSE = re.compile(
    r"^\s*(?:万元|亿元|元)?\s*[，,]\s*(?:由(?:年初(?:预算)?)?|(?:调整|调增|调减|核增|核减|追加|压减)?(?:为|至|到))\s*$"
)


def _adjustment_chains(text: str, items: list[_Item]) -> None:
    """调出资金由26000万元调减6000万元至20000万元: the budget before, the change made to it and the budget it reached,
    all of the item named before 由. And 一般债务余额由188.27亿元增至212.98亿元: the figure it moved from is a base
    (last year's end), the figure it reached the item's."""
    for k, i in enumerate(items):
        m = _ADJUSTED_BY_AT_END.search(i.claim.subject)
        # (年中追加调整后全年预算数2517.82万元: the budget the additions led to, a level; the word must stand at the figure)
        at_figure = _ADJUSTED_BY_AT_END.search(text[max(0, i.start - 8) : i.start].rstrip())
        if m is not None and at_figure and i.claim.relation in ("", "part") and i.claim.quantity.dimension == "money":
            # 新增专项债券转贷收入调增46,500万元: the amount the item was adjusted by, no level of it
            i.claim.subject = i.claim.subject[: m.start()]
            before = items[k - 1] if k else None
            if (
                not i.claim.subject.strip()
                and before is not None
                and not re.search(r"[；;。]", text[before.end : i.start])
            ):
                i.claim.subject = before.claim.subject  # 教育支出调整后为1029300万元，调增42800万元: 教育支出's
            i.claim.relation, i.claim.group = "change", None
            i.claim.direction = "减少" if m.group(1) in _CUTS else "增加"
    for a, b in zip(items, items[1:], strict=False):
        if _LEAD_ONLY_CLAUSE.match(text[a.end : b.start]) and a.claim.quantity.dimension == b.claim.quantity.dimension:
            b.claim.subject = a.claim.subject  # the clause goes on with the item of the clause before
    for a, b in zip(items, items[1:], strict=False):
        if not _FROM_BEFORE.search(text[max(0, a.start - 12) : a.start]):
            continue
        if _ADJUSTED_TO.match(text[a.end : b.start]) and a.claim.quantity.dimension == b.claim.quantity.dimension:
            # the level set before is the base of the adjustment, no level a list adds up (其中：一般债务限额由
            # 312,400万元调整为318,600万元，专项债务限额由…调整为358,500万元 lists 318,600 and 358,500)
            a.claim.base, a.claim.role = True, a.claim.role or "年初"
            b.claim.subject = b.claim.subject if b.claim.subject.strip("调整增减至为到") else a.claim.subject
            b.claim.role = b.claim.role or "全年"
            continue
        if _MOVED_TO.match(text[a.end : b.start]):
            a.claim.base, a.claim.role = True, a.claim.role or "上年"
            b.claim.subject = b.claim.subject if b.claim.subject.strip("至到增减") else a.claim.subject
            k = items.index(b)
            after = items[k + 1] if k + 1 < len(items) else None
            moved = _MOVED_BY.match(text[b.end : after.start]) if after is not None else None
            if after is not None and moved is not None and after.claim.quantity.dimension == b.claim.quantity.dimension:
                # …增至192.75亿元，增加12.74亿元: the change between them, of the same item
                after.claim.subject, after.claim.relation = b.claim.subject, "change"
                after.claim.direction = "减少" if moved.group(1) in ("减少", "下降") else "增加"
    for a, b, c in zip(items, items[1:], items[2:], strict=False):
        if not _FROM_BEFORE.search(text[max(0, a.start - 12) : a.start]):
            continue
        by = _ADJUSTED_BY.match(text[a.end : b.start])
        if by is None or not _ADJUSTED_TO_AFTER.match(text[b.end : c.start]):
            continue
        if len({x.claim.quantity.dimension for x in (a, b, c)}) != 1:
            continue
        # the budget before is the base the change is made to: no level a list adds up (其中：税收收入由212000万元调减
        # 8000万元至204000万元；非税收入由…至64500万元 lists 204000 and 64500)
        a.claim.role, a.claim.base = a.claim.role or "年初", True
        b.claim.subject, b.claim.relation = a.claim.subject, "change"
        b.claim.direction = "减少" if by.group(1) in _CUTS else "增加"
        c.claim.subject, c.claim.role = a.claim.subject, "全年"


def _run_length_back(text: str, figures: list[_Item], clauses: bool = False) -> int:
    """How many of the last `figures` are listed one after another, each with its own name (A 69.6亿元、B 40.8亿元;
    with `clauses`, also one per comma clause holding nothing but its name: A 69.6亿元，B 40.8亿元)."""
    breaks = r"[；;。：:\d%]" if clauses else r"[，,；;。：:]"
    n = 1 if figures else 0
    while n < len(figures) and not re.search(breaks, text[figures[-n - 1].end : figures[-n].start]):
        n += 1
    return n


_LEADING_YEAR = re.compile(r"^(?:20\d\d\s*年度?)+")
_FLOWS = ("收入", "支出")


def _outcome_said_of_budget(total: _Item, sentence: list[_Item]) -> bool:
    """…收入预算…调整为71.8亿元，实际完成数为调整预算的99.2%…。其中，税收收入46.89亿元…: the budget's sentence goes on to
    the outcome, printed only as a rate of it, which the next sentence's 其中 then breaks down (not the budget)."""
    if total.claim.role not in ("全年", "年初", "预算"):
        return False
    return any(
        i.start > total.start and i.claim.relation == "rate" and "预算" in (i.claim.denominator or "") for i in sentence
    )


def _only_fund(phrase: str) -> bool:
    """全县一般公共预算, 政府性基金预算: a fund's name (after a scope word), naming no flow of it."""
    rest = strip_scope_words(phrase)
    return bool(last_word("fund", rest)) and not rest.endswith(_FLOWS) and len(rest) <= 10


def _only_scope(phrase: str) -> bool:
    return bool(last_word("scope", phrase)) and not strip_scope_words(phrase).strip()


_SHARES_RESPECTIVELY = re.compile(r"分别(?:所?占|占比)|所?占[^，,；;。、\d]{1,20}?的?(?:比重|比例)分别")
_JOINER = re.compile(r"^[、，,和及与\s]*$")


_SEGMENT_END = re.compile(r"[；;]")


_NAME_THEN_SHARE = re.compile(r"\s*[\u4e00-\u9fff“”（）()]{2,20}?占(?:比)?(?:为|达)?\s*")


_SIBLING_SUFFIX = 4  # 政府性基金预算财政拨款 and 一般公共预算财政拨款 share 预算财政拨款: two of one kind


def _a_sibling_of_the_whole(name: str, whole: str) -> bool:
    """Whether a part's name and a whole's end alike over several characters yet differ: two of one kind."""
    a, b = re.sub(r"\s", "", name), re.sub(r"\s", "", whole)
    common = 0
    while common < min(len(a), len(b)) and a[-1 - common] == b[-1 - common]:
        common += 1
    return a != b and common >= _SIBLING_SUFFIX


def _list_shares_of_one_whole(text: str, s0: int, items: list[_Item]) -> None:
    """教育支出43851万元，占县本级一般公共预算支出的19.1%；社会保障和就业支出35356万元，占15.4%: a bare share in a later
    "；" item of a list is of the whole the list's first share names — not when a 其中 nests the item under another."""
    whole = ""
    for k, i in enumerate(items):
        c = i.claim
        if c.relation != "share" or c.group is not None:
            continue
        ends = [m.end() for m in _SEGMENT_END.finditer(text, s0, i.start)]
        if c.denominator:
            whole = c.denominator
            whole_at = i.end
            continue
        if not whole or "其中" in text[whole_at : i.start]:
            continue
        clause = re.split(r"[，,；;]", text[whole_at : i.start])[-1]
        if re.search(r"[，,；;]", text[whole_at : i.start]) and _NAME_THEN_SHARE.fullmatch(clause):
            # 其中国内增值税占税收收入的38.3%，企业所得税占19.2%: a name and its bare share after the first's clause
            c.denominator = whole
            continue
        if not ends or ends[-1] <= whole_at:
            continue
        segment = text[ends[-1] : i.start]
        amounts = [x for x in items[:k] if x.start >= ends[-1] and x.claim.quantity.dimension == "money"]
        if (
            len(amounts) != 1
            or "占" not in segment[amounts[0].end - ends[-1] :]
            or "占" in segment[: amounts[0].start - ends[-1]]
        ):
            continue
        if _a_sibling_of_the_whole(amounts[0].claim.subject, whole):
            # …，占一般公共预算财政拨款的25.42%；政府性基金预算财政拨款172.55万元，占6.99%: another fund's 财政拨款 is the
            # whole's sibling, no part of it
            continue
        c.denominator = whole


_RATES_RESPECTIVELY = re.compile(r"分别(?:为|是|完成|达到|占)?[^，,；;。\d]{0,12}$")


def _respective_rates(text: str, s0: int, items: list[_Item]) -> None:
    """增值税598735万元、企业所得税271904万元，分别为预算的96.57%和104.58%: the n rates after 分别 are each its amount's
    over its own budget — every one a rate of that base (not only the first), each of the amount before 分别 in order
    (or of the names listed before it); where the amounts are not told apart, of none."""
    for k, item in enumerate(items):
        if item.claim.relation != "rate" or item.claim.quantity.dimension != "percent":
            continue
        if not _RATES_RESPECTIVELY.search(text, items[k - 1].end if k else s0, item.start):
            continue
        rates = items[k : k + _run_length(text, items[k:])]
        if len(rates) < 2:
            continue
        for rate in rates[1:]:
            rate.claim.relation, rate.claim.denominator = "rate", item.claim.denominator
            rate.claim.role = item.claim.role
        at = text.rfind("分别", s0, item.start)
        amounts = [i for i in items[:k] if _plain(i) and i.claim.quantity.dimension == "money" and i.end <= at]
        amounts = amounts[len(amounts) - _run_length_back(text, amounts, clauses=True) :] if amounts else []
        names = [analyse_pre(x).subject for x in _listed_before(text, s0, at, len(rates))]
        if len(names) != len(rates) or not all(names) or len(set(names)) < len(names):
            names = [a.claim.subject for a in amounts[-len(rates) :]] if len(amounts) >= len(rates) else []
        if len(names) != len(rates) or not all(names) or len(set(names)) < len(names):
            names = [""] * len(rates)
        for rate, name in zip(rates, names, strict=True):
            rate.claim.subject = name


def _respective_shares(text: str, s0: int, items: list[_Item]) -> None:
    """基本支出600.00万元，项目支出400.00万元，分别占60.00%、40.00%: the n percents after 分别占 are shares of the
    n amounts before it, in order (each takes its amount's subject, by which the share family finds its part).
    省级资金、市级资金和县级配套资金分别占计划资金的67.62%、23.45%和9.24%: the n names listed before 分别占 name
    the n shares, in order."""
    for k, item in enumerate(items):
        if item.claim.relation != "share":
            continue
        at = _SHARES_RESPECTIVELY.search(text, items[k - 1].end if k else s0, item.start)
        if at is None:
            continue
        shares = _share_run(text, items[k:])
        names = [analyse_pre(x).subject for x in _listed_before(text, s0, at.start(), len(shares))]
        if len(names) >= 2:
            if len(names) == len(shares) and all(names) and len(set(names)) == len(names):
                _name_shares(shares, names, item.claim.denominator)
            elif len(shares) >= 2:
                # 教育、社会保障和就业和卫生健康支出分别为…，分别占…: names not told apart — no share is the last one's
                for share in shares:
                    share.claim.subject = ""
            continue
        prev = items[k - 1] if k else None
        if prev is None or not (_plain(prev) or _own_change(prev)):
            if prev is not None and len(shares) >= 2:
                for share in shares:  # (…分别增长4.7%、6.4%和4.9%，分别占…的17.7%、…: amounts not told apart)
                    share.claim.subject = ""
            continue
        # (一般债券98000万元、专项债券210000万元，合计308000万元，分别占…: the parts, not their 合计)
        amounts = [i for i in items[:k] if _plain(i) and not _TOTAL_NAME.search(i.claim.subject)][-len(shares) :]
        subjects = [a.claim.subject for a in amounts]
        # (市本级…52.32亿元，下降4.3%；县（市、区）…165.68亿元，增长3.7%，分别占…: each amount with its own change)
        between = [i for i in items[:k] if amounts and i.start > amounts[0].start and not _plain(i)]
        if (
            len(shares) < 2
            or len(amounts) < len(shares)
            or len(set(subjects)) < len(subjects)
            or not all(subjects)
            or not all(_own_change(i) for i in between)
        ):
            if len(shares) >= 2:
                for share in shares:  # which amount each share is of is not known: none is named after the last
                    share.claim.subject = ""
            continue  # amounts that do not name themselves apart cannot be told apart by their shares
        _name_shares(shares, subjects, item.claim.denominator)


_TOTAL_NAME = re.compile(r"(?:合计|总计|共计|小计)$")


def _own_change(item: _Item) -> bool:
    """A change said of the amount before it (…165.68亿元，增长3.7%)."""
    return item.claim.relation == "change" and item.claim.quantity.dimension in ("percent", "pp")


def _share_run(text: str, items: list[_Item]) -> list[_Item]:
    """The share and the percents that follow it joined by 、 和 (67.62%、23.45%和9.24%)."""
    shares = [items[0]]
    for nxt in items[1:]:
        if nxt.claim.quantity.dimension != "percent" or nxt.claim.relation not in ("", "share"):
            break
        if not _JOINER.match(text[shares[-1].end : nxt.start]):
            break
        shares.append(nxt)
    return shares


def _name_shares(shares: list[_Item], subjects: list[str], denominator: str) -> None:
    for share, subject in zip(shares, subjects, strict=True):
        share.claim.subject = subject
        share.claim.relation, share.claim.denominator = "share", denominator


# ------------------------------------------------------------------ groups


def _base_key(q: Quantity) -> tuple[str, str]:
    return q.dimension, q.base_unit


def _plain(item: _Item) -> bool:
    return (
        item.claim.quantity.dimension not in ("percent", "pp")
        and item.claim.relation in ("", "total", "part")
        and not item.claim.base
    )


def _restated_after(text: str, s0: int, items: list[_Item], parts: list[_Item], total: _Item, end: int) -> bool:
    """Whether the figure right after a list's last part, before the list ends, restates its total under 合计/共计
    (…，合计1170.00万): the text itself says the parts make it — when every figure between is read as a part (支持商销
    稳增长30.00万 read as a change would leave a part out)."""
    last = parts[-1]
    if any(parts[0].start < i.start < last.start and not any(i is p for p in parts) for i in items):
        return False
    nxt = next((i for i in items if i.start >= last.end), None)
    if nxt is None or nxt.start > end + 1 or not _plain(nxt):
        return False
    if not _TOTAL_BEFORE.search(text[max(s0, nxt.start - _TOTAL_WINDOW) : nxt.start]):
        return False
    a, b = nxt.claim.quantity, total.claim.quantity
    return a.base_unit == b.base_unit and a.base_value == b.base_value


# what opens a list of a total's parts: 其中, a breakdown by units or places (分单位看：, 分街道（镇）看：), 具体情况如下：
_LIST_OPENER = re.compile(
    r"其中|分[\u4e00-\u9fff（）()]{1,8}?看[：:，,]|(?:具体|明细|详细)(?:情况)?如下[：:]|具体(?:为|是|包括)[：:]?|包括[：:]"
    # 基本支出15836.42万元，包括人员经费13204.57万元和公用经费2613.85万元: 包括 right after the total's clause
    r"|(?<=[，,])包括(?=[\u4e00-\u9fff])"
    # 新增专项债券52,000万元，全部用于以下项目：A…，B…: the projects the figure is spent on
    r"|(?:全部|分别)?用于(?:以下|如下)(?:项目|方面|领域)?[：:]"
    # 新增专项债券262,000万元安排如下：A…，B…: the figure's allocation
    r"|(?:具体)?(?:安排|分配)(?:情况)?如下[：:]"
    r"|(?P<named>[\u4e00-\u9fff]{2,12}?)中[：:]"
    # 调入资金386,540万元中，从政府性基金预算调入210,000万元，…: the figure just printed, broken down
    r"|(?<=\d)(?P<unit_end>万元|亿元|元)中[，,]"
)


_ITEM_NUMBER = re.compile(r"(?:^|[。；;：:\s])\s*(\d{1,2})[.．、](?!\d)[^。；;]*$")


def _next_numbered_item(text: str, total: _Item, start: int, end: int) -> bool:
    """Whether the total is item n of a numbered list (2.社会保障和就业支出…) and item n+1 begins between start and end."""
    own = _ITEM_NUMBER.search(text[max(0, total.start - 40) : total.start])
    if own is None:
        return False
    return re.search(rf"(?:^|[。；;\s]){int(own.group(1)) + 1}[.．、](?!\d)", text[start:end]) is not None


_BODY_AND_ITS_UNITS = re.compile(r"(?:本级|机关|本部)(?:及|和|以及|与)(?:所属|下属)(?:的)?$")
_WHOLE_THEN_PARTS = re.compile(r"\s*中[，,：:]")
_SHARE_WHOLE_BEFORE = re.compile(r"占[^，,；;。：:（(]{0,20}$")
_COUNT_OF_UNITS = re.compile(
    r"(?<![\d.])(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个|家|所)(?:行政村|村|社区|乡镇|乡|镇|街道|项目|单位|部门|学校|医院)"
)
_CN_NUMBERS = {c: k for k, c in enumerate("零一二三四五六七八九", 0)} | {"两": 2}


def _units_counted(text: str, start: int, end: int) -> int | None:
    """The number of units the words before a total say it is of (全镇6个行政村…合计, 全县十二个乡镇…), when one is said."""
    found = _COUNT_OF_UNITS.findall(text, start, end)
    if len(found) != 1:
        return None
    n = found[0]
    if n.isdigit():
        return int(n)
    if n == "十":
        return 10
    if n.startswith("十"):
        return 10 + _CN_NUMBERS.get(n[1:], -100)
    if n.endswith("十") and len(n) == 2:
        return 10 * _CN_NUMBERS.get(n[0], -100)
    if len(n) == 3 and n[1] == "十":
        return 10 * _CN_NUMBERS.get(n[0], -100) + _CN_NUMBERS.get(n[2], -100)
    return _CN_NUMBERS.get(n) if len(n) == 1 else None


_FULL_BREAKDOWN = re.compile(r"具体(?:情况)?(?:为|是|如下)|(?:安排|分配)(?:情况)?如下")


def _named_whole(name: str, candidates: Sequence[_Item]) -> _Item | None:
    """The last plain figure before a list opened by "<name>中：" whose subject is that name (项目资金来源中：: of 项目资金,
    the word after it names the breakdown)."""
    name = re.sub(r"(?:的)?(?:来源|构成|结构|组成|分布)(?:情况)?$", "", name)
    # (新增专项债券资金中：… of 新增专项债券: the money of the figure named)
    names = {name, re.sub(r"(?:资金|的?使用|使用情况|投向)$", "", name)} - {""}
    for i in reversed(candidates):
        subject = "".join(i.claim.subject.split())
        if _plain(i) and len(subject) >= 2 and any(n.endswith(subject) or subject.endswith(n) for n in names):
            return i
    return None


def _enumerations(
    text: str, s0: int, items: list[_Item], previous: list[_Item], groups: Iterator[int], older: Sequence[_Item] = ()
) -> None:
    """其中… after a total (parts follow, within the list's own bounds: extractors.lists), and 共/合计 after
    parts (the total follows). The total claim's `list_kind` says whether the list names every part."""
    if not items:
        return
    s1 = max(i.end for i in items)
    s1 = next((k + 1 for k in range(s1, len(text)) if text[k] in "。！？!?"), len(text))
    starts = [i.start for i in items]
    for m in _LIST_OPENER.finditer(text[s0 : items[-1].start]):
        pos = s0 + m.start()
        opens = s0 + m.end()  # where the list's first part may stand
        k = bisect.bisect_right(starts, pos)  # items[:k] start before 其中
        first = items[k] if k < len(items) else None
        near = items[max(0, k - _LIST_REACH) : k]  # a 其中 breaks down a figure of its own stretch of text
        before = [i for i in near if i.end <= pos and _plain(i) and not _in_closed_bracket(text, i, pos)]
        following = items[k:]
        total: _Item | None
        if m.group("unit_end"):
            total = next((i for i in items[:k] if i.end == s0 + m.end("unit_end") and _plain(i)), None)
            if total is None:
                continue
        elif m.group("named"):
            # …街道级收入60345万元。街道级收入中：清河街道…、西园街道…: the whole named again, its figure said before —
            # its whole name (各县（市、区）收入中：names more than 收入)
            ends_here = [i for i in items[:k] if i.end == s0 + m.end("named") and _plain(i)]
            if ends_here:  # 基本支出8060.63万元中：人员经费…；公用经费…: the figure the colon list breaks down
                total = ends_here[-1]
            elif pos > s0 and not re.match(r"[，,；;。：:\s]", text[pos - 1]):
                continue
            else:
                total = _named_whole(m.group("named"), [*previous, *before])
            if total is None:
                continue
        else:
            total = _list_total(before, first, text, following, near)
        if total is None and k == 0 and previous and not text[s0:pos].strip(" \t\u3000，,"):
            # a sentence opening with 其中
            # (剔除…一次性处置国有资源收入1200万元因素后，同口径增长8.6%。其中：…: an amount set aside is no list's whole)
            kept = [
                i
                for i in previous
                if _plain(i)
                and not _SET_ASIDE.search(text[clause_start_before(text, 0, i.start) : i.start])
                # (综合得分92.5分（满分100分）。其中：…: a bracket's figure qualifies the one before it)
                and not _in_closed_bracket(text, i, pos)
            ]
            total = _list_total(kept, first, text, following, previous)
            if total is not None and _outcome_said_of_budget(total, previous):
                continue
        if total is None and first is not None and m.group(0) != "其中" and _plain(first):
            if _WHOLE_THEN_PARTS.match(text[first.end :]):
                # 分级次看，全州一般公共预算收入1018282万元中，州本级收入…，县市级收入…: the whole the breakdown opens with
                total, k = first, k + 1
        if total is None or total.claim.group is not None:
            continue
        if _BODY_AND_ITS_UNITS.search(text[clause_start_before(text, s0, total.start) : total.start]):
            continue  # 由厅机关本级及所属14个二级预算单位组成，其中行政单位1个、…: the list counts the 本级 too (15)
        end = lists.list_end(text, pos, s1)
        totals = _respective_run(text, items if any(i is total for i in items) else previous, total)
        if len(totals) > 1:  # 全市和市本级收入分别为45.23亿元和12.46亿元，其中税收收入分别为28.77亿元和8.1亿元
            _respective_lists(text, totals, [i for i in items[k:] if i.start < end], groups)
            continue
        nested = lists.nested_spans(text, opens, end)  # a part's bracketed breakdown (sum reads it apart)
        # 市本级…284.7亿元，其中：一般债务…，专项债务…；县区…301.8亿元，其中：一般债务…: the next 其中 opens a list of its own
        again = next(
            (
                m2.start() + opens
                for m2 in re.finditer("其中", text[opens:end])
                if not any(a < m2.start() + opens < b for a, b in nested)
            ),
            end,
        )
        if _records(items[k:], again, nested, total):
            continue
        soft = lists.soft_ends(text, pos, end)
        # the 其中 (or 包括, 主要用于, 主要是) after this one that open no bracketed breakdown (those are `nested`): a part's
        # own list (…其中：新增债券171.27亿元，包括一般债券40.79亿元、专项债券130.48亿元；再融资债券67.95亿元; 其中，税收收入
        # 29.65亿元，占比64.6%，主要是增值税12.64亿元、企业所得税5.84亿元…等)
        inners = [
            opens + m2.start()
            for m2 in re.finditer("其中|包括|(?:主要|具体)用于|主要(?:是|有|为)", text[opens:end])
            if not any(a <= opens + m2.start() < b for a, b in nested)
        ]
        if m.group(0) != "其中" and any(text.startswith("其中", x) for x in inners):
            # 收入总计…。包括：1.本年收入合计…，其中…；其他收入…。2.年初结转…: a list of subtotals, each broken down in
            # its turn — where one part's own list ends is not told by its "；"
            continue
        whole = _interval(total)
        acc = (Decimal(0), Decimal(0))
        parts: list[_Item] = []
        shares: list[_Item] = []
        separated = False  # the list has already gone on past a "；": it is the list's own separator
        for i in items[k:]:
            if i.start >= end:
                break
            inside = any(a < i.start < b for a, b in nested)
            k_in = bisect.bisect_left(inners, i.start)
            inner = inners[k_in - 1] if k_in else -1
            if not inside and inner >= 0 and not re.search(r"[；;]", text[inner : i.start]):
                continue  # …432万元，其中公务用车购置费46万元、…运行维护费386万元；公务接待费…: a part's own 其中 list
            if inside and not _explains_part(i, nested, parts, items):
                continue  # "增加1,012.50万元（上年有事业收入700.00万元…）": the bracket explains the change, not a part
            if i.claim.relation == "share":
                shares.append(i)
                continue
            if not _plain(i):  # a change or rate stated beside a part is not a part
                continue
            if _PER_HEAD.search(i.claim.subject) and not _PER_HEAD.search(total.claim.subject):
                continue  # 其中公用经费5,842.19万元，生均公用经费838.12元: an amount per head is no part of the total
            if _SHARE_WHOLE_BEFORE.search(text[max(s0, i.start - 24) : i.start]) and re.match(r"\s*的", text[i.end :]):
                continue  # …，占全省同项收入2,865,400万元的12.3%: the whole of a part's share, no part
            if _base_key(i.claim.quantity) != _base_key(total.claim.quantity):
                if separated and not inside and parts and not re.search(r"[；;]", text[parts[-1].end : i.start]):
                    continue  # …；公务用车…18.42万元，…，年末公务用车保有量5辆；公务接待费…: the part's own detail
                break
            if not inside and not lists.part_of_flow(_flow(total), _flow(i)):
                break  # 年末滚存结余133.75亿元。其中，某基金收入…: income is no part of what is left (a bracketed
                # breakdown is its part's: 财政拨款收入5,000万元（其中基本支出4,000万元…）says how that income is spent)
            if _other_measure(total, i, text):
                continue  # 支出年初预算为1.00万元，支出决算为0.50万元: only the 决算 is a part of a 决算 total
            if _amount_of_change(text, total) != _amount_of_change(text, i):
                continue  # …减少4.44万元。其中，公务接待费预算为6.54万元: a level is no part of a change amount
            if parts and not inside and _list_breaks(text, parts[-1], i, items):
                break
            if not inside and _next_numbered_item(text, total, (parts[-1].end if parts else pos), i.start):
                break  # 2.社会保障和就业支出2101.8亿元，其中…；3.卫生健康支出1003.7亿元: the total's sibling, no part
            if not parts and not inside and any(pos < x < i.start for x in soft):
                break  # 收入349.8亿元，其中税收占比67.7%；加上级补助…: the 其中 clause closed before any part
            if not inside:
                lo, hi = _interval(i)
                after = (acc[0] + lo, acc[1] + hi)
                made = bool(parts) and acc[0] <= whole[1] and whole[0] <= acc[1]
                crosses = bool(parts) and any(parts[-1].end <= s < i.start for s in soft)
                # (a part of nothing after the others made the total is one more of them: …，因公出国（境）费0元)
                zero = i.claim.quantity.value == 0
                if (made and not zero) or (
                    crosses and not separated and after[0] > whole[1] and not _completes(parts, i, total)
                ):
                    # the parts already make the total, or a "；" leads to a figure that no longer fits (unless it is
                    # the rest of a set of parts that make up their whole: 其中：人员经费…；公用经费…)
                    break
                if (
                    crosses
                    and _flow(parts[-1])
                    and _flow(i)
                    and _flow(i) != _flow(parts[-1])
                    and not _carried(total, i)
                ):
                    break  # 其中统筹基金支出22.48亿元；当年收支结余4.64亿元: past the "；" another flow, not a part
                if crosses and _heads_a_colon_list(text, s0, total) and not re.match(r"其中\s*[:：]", text[pos:]):
                    # 主要支出项目：城乡社区支出398765万元，其中…312345万元；其他支出56789万元；…: the "；" separates the
                    # colon's items, siblings of the total; its 其中 (no colon of its own) ended before the "；"
                    break
                if crosses and _same_share_after(text, items, total, i):
                    # 农林水支出1594.70万元，占一般公共预算支出的27.5%，…，其中对村级转移支付486.70万元；交通运输支出
                    # 236.40万元，占一般公共预算支出的4.1%: past the "；" a sibling of the total, its share of the same whole
                    break
                separated = separated or crosses
                acc = after
            parts.append(i)
        top = [p for p in parts if not any(a < p.start < b for a, b in nested)]
        if not _measure(total, text) and len({_measure(p, text) for p in top} - {""}) > 1:
            continue  # parts of two measures under a total that names none: which ones add up is not known
        if lists.income_and_spending([_flow(p) for p in top]):
            continue  # 其中，某基金收入123.46亿元，支出134.57亿元: one item's own accounts, not parts of the total
        if _one_item_in_measures(top):
            continue  # 其中，教育支出年初预算11.7亿元，调整预算12.8亿元，执行12.2亿元: one item's figures, not parts
        if len(parts) >= 2 or (parts and _ends_in_etc(text, parts[-1])):
            gid = next(groups)
            total.claim.group, total.claim.relation = gid, "total"
            total.claim.list_kind = lists.completeness(
                [p.claim.subject for p in top],
                text[top[-1].end : top[-1].end + 4],
                text[total.end : opens],  # (the opener's own words too: 全部用于以下项目：)
                total.claim.subject,
            )
            if total.claim.list_kind != lists.COMPLETE and _full_marks_add_up(text, top, total):
                total.claim.list_kind = lists.COMPLETE  # 预算编制得分19.50分（满分20分）…: every part's full marks
            if _restated_after(text, s0, items, parts, total, end):
                total.claim.list_kind = lists.COMPLETE  # …其中A 870.00万，B 70.00万…，合计1170.00万: the text sums them
            if _FULL_BREAKDOWN.match(m.group(0)) and not text[max(0, pos - 2) : pos].endswith("主要"):
                total.claim.list_kind = (
                    lists.COMPLETE
                )  # 项目支出3,845.67万元具体为：…: what the total is made of, all of it
            if _units_counted(text, clause_start_before(text, s0, total.start), total.start) == len(top):
                total.claim.list_kind = lists.COMPLETE  # 全镇6个行政村…合计171.57万元，其中：A村…(six of them)
            if _INCLUDES.match(text[total.end : pos]):
                # 债券161.24亿元（含再融资债券42.60亿元），其中：新增一般债券…: the bracket names a part the list leaves out
                total.claim.list_kind = lists.PARTIAL
            for i in parts:
                i.claim.group, i.claim.relation = gid, "part"
            last = parts[-1].end
            for i in shares:  # 占82.84% without its own denominator is a share of this total
                if i.start < last + 20 and i.claim.group is None and not i.claim.denominator:
                    i.claim.group = gid
    for idx, item in enumerate(items):
        pre = text[max(s0, item.start - _TOTAL_WINDOW) : item.start]
        if item.claim.group is not None or not _plain(item) or not _TOTAL_BEFORE.search(pre):
            continue
        if _RESIDUAL.match(item.claim.subject):
            continue  # …；公共安全支出10900万元；其他各项支出合计40686万元: the rest, one more item of the list
        if re.search(r"后\s*[，,]", text[max(0, clause_start_before(text, s0, item.start) - 2) : item.start]) and not (
            re.search(r"加上?", text[s0 : item.start])
        ):
            # 本年偿还…、发行…和再融资…后，年末…合计267.80亿元: what stands after them, no sum of them (加上…等4.19亿元
            # 后，收入总量为66.61亿元 is one)
            continue
        parts = []
        before_break: _Item | None = None
        cut = False  # the list goes on before its first part here (a part of another list stands there)
        opened = -1  # where the 其中 of a part passed over opens: its head, before it, is the part
        for j in range(idx - 1, -1, -1):
            cand = items[j]
            if cand.claim.quantity.dimension in ("percent", "pp") or cand.claim.base or not _plain(cand):
                continue  # a rate, a comparison base or a change amount (比上年增加10亿元) is no part
            if _base_key(cand.claim.quantity) == _base_key(item.claim.quantity) and _of_a_breakdown_before(
                text, items, cand, item.start
            ):
                # 上级补助收入62.98亿元（其中：返还性收入…）、债务转贷收入…，收入合计: a part with its bracketed breakdown
                # (the sum reads the breakdown apart)
                parts.insert(0, cand)
                continue
            if _base_key(cand.claim.quantity) != _base_key(item.claim.quantity) or cand.claim.group is not None:
                cut = cand.claim.group is not None
                break
            if _TOTAL_BEFORE.search(text[max(s0, cand.start - _TOTAL_WINDOW) : cand.start]):
                break  # 年初预算数合计1360.00万元，全年预算数合计1383.50万元: a total of its own, not a part
            if parts and "其中" in text[cand.end : opened if opened >= 0 else parts[0].start]:
                break  # …收入预计18.6亿元，其中国有土地使用权出让收入16.8亿元，加上…，收入总计: 16.8 is 18.6's part
            if parts and "。" in text[cand.end : parts[0].start] and 0 <= text.rfind("其中", 0, cand.end):
                break  # …其中,税收收入1556亿元…。非税收入1180亿元…。加上…: the sentence before may end on a 其中 part
            sub = _QIZHONG_OPENS.search(text[items[j - 1].end : cand.start]) if parts and opened < 0 and j else None
            if sub is not None:
                opened = items[j - 1].end + sub.start()  # …822.82亿元，…，其中预备费16亿元；对市县…: 822.82 is the part
                continue
            if parts and _list_breaks(text, cand, parts[0], items):
                before_break = (
                    cand  # the list as read may not be all of it (…312,531万元，…；上解…，债务还本…，支出总计)
                )
                break
            if not lists.part_of_flow(_flow(item), _flow(cand)):
                break  # 收入合计243.51亿元…；支出合计243.51亿元: income is no part of a spending total
            if len(parts) >= 2 and _meets(item, parts):
                break  # …偿还到期政府债务本金30.66亿元，支付利息16.07亿元，还本付息合计46.73亿元: the parts already make it
            parts.insert(0, cand)
        else:
            # the reading reached the sentence's start: the sentence before may end on the list's first part (…支出安排
            # 475498万元。其中：…。调出资金35000万元，专项债务还本支出65802万元，支出总计576300万元)
            ends_on = next(
                (
                    x
                    for x in reversed(previous)
                    if _plain(x) and _base_key(x.claim.quantity) == _base_key(item.claim.quantity)
                ),
                None,
            )
            if parts and ends_on is not None and lists.part_of_flow(_flow(item), _flow(ends_on)):
                before_break = before_break or ends_on
        parts = _of_the_counted_kind(item, parts, text)
        if _a_sibling_named_total(text[clause_start_before(text, s0, item.start) : item.start], parts, text[s0:]):
            continue  # …县级基本财力保障机制奖补资金收入…，各类共同财政事权转移支付收入合计139700万元: the next item
        if parts and _TAKEN.search(text[s0 : parts[0].start]):
            continue  # 减去上解上级支出…、债务还本支出…，支出总计…: terms taken from a figure before, no sum of their own
        added = bool(parts) and bool(_ADDED.search(text[s0 : parts[0].start]))  # 加上 names where the list opens
        if parts and (cut or added):
            # "X，加上A、B…，合计T": the first addend stands before 加上 (or the list is longer than read)
            first = (
                None
                if cut or not _ADDED.search(text[s0 : parts[0].start])
                else _addend_before(text, s0, [*older, *previous, *items], parts[0], item)
            )
            if first is None:
                continue
            parts.insert(0, first)
        if len(parts) >= 2:
            gid = next(groups)
            item.claim.group, item.claim.relation = gid, "total"
            # 共/合计 after its parts totals exactly those parts — unless a figure of the total's flow stands just
            # before a break the reading stopped at, which may be the list's first part
            opened_before = (
                not added and before_break is not None and lists.part_of_flow(_flow(item), _flow(before_break))
            )
            # 此外，收到上级补助收入186万元，上年结转341万元，收入合计10059万元: a sentence adding to what was said before
            # totals that too
            opened_before = opened_before or bool(_ADDS_TO_THE_BEFORE.match(text, s0))
            # …卫生健康支出36.82亿元；民生支出合计318.06亿元: a total after a "；" sums a category the parts may only
            # exemplify
            apart = bool(re.search(r"[；;]", text[parts[-1].end : item.start]))
            # 加上上级补助收入、专项债务转贷收入和上年结转，收入总计52.4亿元: addends named with no figure
            unprinted = bool(_NAMED_ADDENDS.search(text[parts[-1].end : item.start]))
            # …债务转贷收入2850万元，以及调入资金、动用预算稳定调节基金和上年结转等，收入总计50708万元: terms named after
            # the last figure, with none of their own
            unprinted = unprinted or any(
                _UNPRICED_TERM.search(clause) for clause in re.split(r"[，,]", text[parts[-1].end : item.start])[1:-1]
            )
            # 加上上级补助收入172676万元等，县本级财力总计263413万元: an addend ending in 等 stands for more than itself
            unprinted = unprinted or any(_ends_in_etc(text, p) for p in parts)
            item.claim.list_kind = (
                lists.PARTIAL if unprinted else lists.UNKNOWN if opened_before or apart else lists.COMPLETE
            )
            if any(p.claim.subject == item.claim.subject for p in parts):
                item.claim.subject = "合计"  # 168户、123户共291户: the total is of the listed parts
            for p in parts:
                p.claim.group, p.claim.relation = gid, "part"


def _of_a_breakdown_before(text: str, items: list[_Item], cand: _Item, until: int) -> bool:
    """Whether a figure already grouped is a part with a bracketed breakdown closed before `until`, or a figure of that
    breakdown: 上级补助收入62.98亿元（其中：返还性收入3.86亿元，…） before the rest of a list."""
    group = cand.claim.group
    if group is None:
        return False
    members = [i for i in items if i.claim.group == group]
    total = next((i for i in members if i.claim.relation == "total"), None)
    if total is None or not re.match(r"\s*[（(]", text[total.end :]):
        return False
    bracket = text[total.end : until]
    depth, close = 0, -1
    for k, ch in enumerate(bracket):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth == 0:
                close = total.end + k
                break
    return close >= 0 and all(total.end < i.start < close for i in members if i is not total)


_TAKEN = re.compile(r"(?:^|(?<=[。，,；;：:\s]))(?:减去|扣除|减)(?![少轻免负缓弱排税费])")
_ADDS_TO_THE_BEFORE = re.compile(r"\s*(?:此外|另外|另有|另|同时|加之)[，,]")
_PER_HEAD = re.compile(r"人均|生均|户均|车均|亩均|平均")
_UNPRICED_TERM = re.compile(
    r"^(?!.*\d)\s*(?:以及|还有|及|和|加上?|另有)?[\u4e00-\u9fff、和及]{2,}(?:收入|资金|结转|结余|基金|补助|支出|等)$"
)
_NAMED_ADDENDS = re.compile(r"(?:加上|加)[^，,；;。\d]{2,}[、和及][^，,；;。\d]{2,}[，,]")
_RESPECTIVE_LEAD = re.compile(r"分别[^，,；;。！？\d]{0,4}$")  # 分别为, 分别完成, 分别达到


def _heads_a_colon_list(text: str, s0: int, total: _Item) -> bool:
    """Whether the total heads an item of a list a colon opens in its sentence, its items separated by "；"
    (主要支出项目：教育支出…；社会保障和就业支出887420万元，…): right after the colon or after a "；"."""
    before = text[s0 : total.start]
    colon = max(before.rfind("："), before.rfind(":"))
    if colon < 0:
        return False
    mark = re.search(r"[：:；;，,。][^：:；;，,。]*$", before)
    return mark is not None and mark.group(0)[0] in "：:；;"


def _respective_run(text: str, items: list[_Item], item: _Item) -> list[_Item]:
    """The figures a 分别 pairs with as many names, the item among them (全市和市本级…分别为45.23亿元和12.46亿元);
    just the item when it stands in no such run."""
    k = next(n for n, i in enumerate(items) if i is item)
    lo, hi = k, k
    while lo > 0 and _joined(text, items[lo - 1], items[lo], item):
        lo -= 1
    while hi + 1 < len(items) and _joined(text, items[hi], items[hi + 1], item):
        hi += 1
    run = items[lo : hi + 1]
    if len(run) < 2 or not _RESPECTIVE_LEAD.search(text[max(0, run[0].start - 8) : run[0].start]):
        return [item]
    return run


def _joined(text: str, a: _Item, b: _Item, like: _Item) -> bool:
    same = all(_plain(i) and _base_key(i.claim.quantity) == _base_key(like.claim.quantity) for i in (a, b))
    return same and bool(_JOINER.match(text[a.end : b.start]))


def _respective_lists(text: str, totals: list[_Item], after: list[_Item], groups: Iterator[int]) -> None:
    """A 其中 after figures paired by 分别 with n names (scopes, items) breaks each of them down apart: its parts come
    in runs of n paired by 分别 too (税收收入分别为28.77亿元和8.1亿元), the k-th of each run a part of the k-th total.
    Parts not so paired belong to no one total that can be told, so they form no list."""
    runs: list[list[_Item]] = []
    skip: set[int] = set()
    for i in after:
        if id(i) in skip or not _plain(i):
            continue
        run = _respective_run(text, after, i)
        if len(run) != len(totals) or run[0] is not i:
            break
        if not all(lists.part_of_flow(_flow(t), _flow(p)) for t, p in zip(totals, run, strict=True)):
            break
        runs.append(run)
        skip |= {id(p) for p in run}
    if not runs or any(t.claim.group is not None for t in totals):
        return
    for n, total in enumerate(totals):
        parts = [run[n] for run in runs]
        gid = next(groups)
        total.claim.group, total.claim.relation = gid, "total"
        after_last = text[runs[-1][-1].end : runs[-1][-1].end + 4]
        total.claim.list_kind = lists.completeness([p.claim.subject for p in parts], after_last, "")
        for p in parts:
            p.claim.group, p.claim.relation = gid, "part"


# which figure a role word names: a budget, an outcome or a target (上年/本年/全年 are periods, not measures)
_MEASURES = {"预算": "budget", "年初": "budget", "决算": "actual", "执行": "actual", "实际": "actual", "目标": "target"}


_BRACKET_LEAD = re.compile(r"^\s*(?:含|其中[：:]?|包括|包含)\s*")


def _bracket_still_open(text: str) -> int:
    """Where a bracket still open at the end of text opens (-1 when none is)."""
    opened = max(text.rfind("（"), text.rfind("("))
    if opened < 0 or max(text.rfind("）"), text.rfind(")")) > opened:
        return -1
    return opened


def _in_closed_bracket(text: str, item: _Item, pos: int) -> bool:
    """Whether a figure stands in a bracket closed before pos: 收入150亿元（含上年结转资金5亿元），其中：… breaks down
    150, never the 5 the bracket notes. Brackets nest: 个人所得税4.52亿元 stands in （其中：…（含…）…）, though a bracket
    closed before it."""
    if max(text.rfind("（", 0, item.start), text.rfind("(", 0, item.start)) < 0:
        return False
    closed = 0  # the brackets closed between an opening and the figure, walking back
    for k in range(item.start - 1, -1, -1):
        ch = text[k]
        if ch in "。！？":
            return False
        if ch in "）)":
            closed += 1
        elif ch in "（(":
            if closed == 0:
                break  # the bracket the figure stands in
            closed -= 1
    else:
        return False
    level = 0
    for k in range(item.end, len(text)):
        ch = text[k]
        if ch in "。！？":
            return False
        if ch in "（(":
            level += 1
        elif ch in "）)":
            if level == 0:
                return k < pos
            level -= 1
    return False


_LABEL_MAX = 30
# carried-in funds anywhere in a name (财政拨款结转资金, 上年结余): no budget after them is theirs
_CARRIED_IN_FUNDS = re.compile(r"上年结转|上年结余|结转资金")
_BUDGET_IN_RATE = re.compile(
    r"(?:完成|为|达到|占)(?:经[^，,；;。]{0,20}?(?:批准|审议通过|审查批准)的)?(?P<den>(?:年度|全年|年初|调整后?|本年)?预算数?)$"
)
_PUNCT_ONLY = re.compile(r"[\s（()）、，,；;：:“”\"'‘’]+")


def _closes_unopened(subject: str) -> bool:
    """A subject that is the tail of a bracket (（本级））, ）): it closes more brackets than it opens."""
    opened = sum(subject.count(ch) for ch in lists.OPEN)
    return bool(subject) and sum(subject.count(ch) for ch in lists.CLOSE) > opened


def _name_before_bracket(text: str, s0: int, start: int) -> str:
    """The subject of the words before the bracket that ends right before a figure (…森林督查（…（本级））368.50万元)."""
    seg = text[s0:start].rstrip()
    if not seg.endswith(tuple(lists.CLOSE)):
        return ""
    depth = 0
    for i in range(len(seg) - 1, -1, -1):
        if seg[i] in lists.CLOSE:
            depth += 1
        elif seg[i] in lists.OPEN:
            depth -= 1
            if depth == 0:
                label = seg[clause_start_before(seg, 0, i) : i].strip()
                if not label or len(label) > _LABEL_MAX or _AMOUNT_IN.search(label):
                    return ""
                return analyse_pre(label).subject
    return ""


_AMOUNT_IN = re.compile(r"\d\s*(?:万元|亿元|元|%|％)")


def _colon_label(text: str, s0: int, cstart: int) -> str:
    """The name a figure stands under when its clause opens right after "名称（科目编码）：" (an item of a 预算 paragraph
    printed as a label and its amount): the label's subject, or ""."""
    if cstart <= s0 or text[cstart - 1] not in "：:":
        return ""
    label = text[clause_start_before(text, s0, cstart - 1) : cstart - 1].strip()
    if not label or len(label) > _LABEL_MAX or _AMOUNT_IN.search(label):
        return ""
    return analyse_pre(label).subject


_FULL_MARKS = re.compile(r"\s*[（(]\s*(?:满分|分值)(?:为)?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
FULL_SCORE = Decimal(100)


def _full_marks_add_up(text: str, parts: list[_Item], total: _Item) -> bool:
    """Whether a score's parts each print their full marks (预算编制得分19.50分（满分20分）) and these add up to the
    total's (its own bracket, else 100): then the parts are every part of the score."""
    if total.claim.quantity.unit != "分":
        return False
    marks: list[Decimal] = []
    for p in [total, *parts]:
        m = _FULL_MARKS.match(text, p.end)
        if m is None and p is not total:
            return False
        if m is not None:
            marks.append(Decimal(m.group(1)))
    whole = marks.pop(0) if len(marks) == len(parts) + 1 else FULL_SCORE
    return sum(marks, Decimal(0)) == whole


def _completes(parts: list[_Item], nxt: _Item, total: _Item) -> bool:
    """Whether the next figure completes, with the parts before it, a set of parts that make up their whole
    (人员经费 and 公用经费 of 基本支出; partitions.csv)."""
    subjects = [p.claim.subject for p in parts] + [nxt.claim.subject]
    return lists.completeness(subjects, "", "", total.claim.subject) == lists.COMPLETE and not any(
        s.strip().startswith("其他") for s in subjects
    )


def _list_total(
    candidates: list[_Item],
    first: _Item | None,
    text: str = "",
    after: Sequence[_Item] = (),
    pool: Sequence[_Item] = (),
) -> _Item | None:
    """The figure a 其中 list breaks down: the last one before it — but parts that name no measure nor year break down
    the last figure that names none either (收入45.23亿元，上年为43.88亿元。其中，税收收入28.77亿元…: 45.23, not last
    year's 43.88 nor 年初预算46亿元)."""
    if not candidates or _mirrors(candidates, [i for i in after if _plain(i)]):
        return None
    chosen = _list_total_by_reading(candidates, first, text, after, pool)
    summed = _summed_by_parts(candidates, after, text)
    chosen = summed if summed is not None and chosen is not None and not _sums_to(chosen, after, text) else chosen
    if chosen is not None and first is not None and _plain(first) and _smaller_than(chosen, first):
        # …政府债券164.07亿元，一般债券55.51亿元和专项债券108.56亿元。其中，新增债券110.10亿元…: a whole is never
        # smaller than its first part — the last figure before is a sibling, the whole the latest one that can hold it
        chosen = next(
            (
                c
                for c in reversed(candidates)
                if _plain(c)
                and not _smaller_than(c, first)
                and c.claim.relation != "part"
                # (收入包括：一般公共预算财政拨款…；支出包括：…: a figure after another list's opener is its part)
                and not _LIST_OPENER.search(text[text.rfind("。", 0, c.start) + 1 : c.start])
                and lists.part_of_flow(_flow(c), _flow(first))
            ),
            None,
        )
    return chosen


def _smaller_than(whole: _Item, part: _Item) -> bool:
    a, b = whole.claim.quantity, part.claim.quantity
    return _base_key(a) == _base_key(b) and a.base_value < b.base_value


def _run_of_parts(after: Sequence[_Item], text: str) -> list[_Item]:
    """The amounts right after a 其中, up to its first "；", full stop or figure of another kind."""
    run: list[_Item] = []
    for i in after:
        if run and (i.claim.quantity.dimension in ("percent", "pp") or i.claim.relation == "change"):
            continue  # 税收收入78.83亿元，增长0.8%，占…66.5%；非税收入… (or 比上年增加8301万元): said beside a part
        if i.claim.base and i.claim.quantity.dimension not in ("percent", "pp"):
            continue  # 一般债务余额由188.27亿元增至212.98亿元: the figure a part moved from
        if run and re.search(r"[；;。）)]", text[run[-1].end : i.start]):
            between = text[run[-1].end : i.start]
            if re.search(r"[。）)]", between) or not lists.names_a_partition(
                [*(r.claim.subject for r in run), i.claim.subject]
            ):
                break  # the list's "；", full stop or the bracket it stands in closes — unless a "；" separates the
                # parts of a set that make up their whole (税收收入…；非税收入…)
        if not _plain(i) or i.claim.quantity.dimension in ("percent", "pp", "unknown"):
            break
        run.append(i)
    return run


def _sums_to(total: _Item, after: Sequence[_Item], text: str, run: list[_Item] | None = None) -> bool:
    run = _run_of_parts(after, text) if run is None else run
    if len(run) < 2 or any(_base_key(i.claim.quantity) != _base_key(total.claim.quantity) for i in run):
        return False
    lo, hi = _interval(total)
    return sum(_interval(i)[0] for i in run) <= hi and lo <= sum(_interval(i)[1] for i in run)


_NEAR_CANDIDATES = 8  # the figures a 其中 may break down stand just before it
_LIST_REACH = 40  # the figures before a 其中 that are read for its whole (a long paragraph stays linear)


def _summed_by_parts(candidates: list[_Item], after: Sequence[_Item], text: str) -> _Item | None:
    """The one earlier figure of the sentence before that the parts add up to (全区政府债务余额1250.82亿元，占限额的96.5%，
    限额空间45.97亿元。其中：自治区本级392.04亿元，市县858.78亿元: 余额, not the 空间 printed last)."""
    run = _run_of_parts(after, text)
    if len(run) < 2:
        return None
    fits = [
        i
        for i in candidates[-_NEAR_CANDIDATES:]
        if i.claim.quantity.dimension not in ("percent", "pp", "unknown") and _sums_to(i, after, text, run)
    ]
    return fits[0] if len(fits) == 1 else None


def _list_total_by_reading(
    candidates: list[_Item],
    first: _Item | None,
    text: str = "",
    after: Sequence[_Item] = (),
    pool: Sequence[_Item] = (),
) -> _Item | None:
    """The figure a 其中 list breaks down as its words and their order tell."""
    decided, named = _named_by_parts(candidates, [i for i in after if _plain(i)], pool)
    if decided:
        return named
    # 收入完成292659万元，为调整预算300238万元的97.5%。其中：…: the base a rate is printed with is no whole
    candidates = [i for i in candidates if not _RATE_BASE_AFTER.match(text, i.end)] or candidates
    last = candidates[-1]
    if _REACHED_LEAD.search("".join(last.words.split())):
        return last  # 由2.80亿元调增至3.20亿元，其中：… breaks down the level reached
    if first is None or _kind_of_figure(first, text) != (False, "") or _kind_of_figure(last, text) == (False, ""):
        return last  # parts that name their measure pick their list by it (extractors.claims._other_measure)
    if _measure(last, text) == "actual" and any(_measure(i, text) == "budget" for i in candidates[:-1]):
        return last  # 全年预算数1794.99万元，全年实际支出1757.60万元。其中…: what was spent is broken down
    # an amount the budget was changed by is no whole either (年中追加调整656.36万元，全年预算数4518.76万元，其中：…)
    plain = [i for i in candidates if _kind_of_figure(i, text) == (False, "") and not _adjustment(i.claim.subject)]
    return plain[-1] if plain else last


_RATE_BASE_AFTER = re.compile(r"\s*的\s*[0-9０-９.．]+\s*[%％]")


def _mirrors(candidates: list[_Item], parts: list[_Item]) -> bool:
    """Parts that name, one each, two or more of the figures before (还本支出110.23亿元，付息支出40.26亿元。其中，市级还本支出
    28.61亿元，付息支出13.25亿元): a share of each of those figures, not a breakdown of the last one."""

    def bare(i: _Item) -> str:
        return re.sub(r"\s", "", strip_scope_words(i.claim.subject))

    if len(parts) < 2:
        return False
    named = [bare(p) for p in parts[:4]]
    if len(set(named)) != len(named) or min(len(n) for n in named) < 2:
        return False
    near = candidates[-2 * len(named) :]  # the figures the 其中 follows, not the whole paragraph's
    before = [bare(i) for i in near if i.claim.group is None and i.claim.relation != "part"]
    holders = [next((k for k, b in enumerate(before) if b.endswith(n)), None) for n in named]
    return None not in holders and len(set(holders)) == len(holders)


def _named_by_parts(candidates: list[_Item], parts: list[_Item], pool: Sequence[_Item]) -> tuple[bool, _Item | None]:
    """Whether the parts' names decide the figure they break down, and which: 新增政府债券146.54亿元、再融资债券98.12亿元。
    其中，新增一般债券…新增专项债券… breaks down 新增政府债券 — the one earlier figure whose name holds every part's
    first word and the kind of thing they are (债券), where the last figure's does not. Two such figures (本年 and 上年, 预计 and
    完成) leave it undecided: no list. Parts naming none leave it to the usual reading."""
    names = ["".join(p.claim.subject.split()) for p in parts[:2]]
    leveled = _name_at_levels(names)
    if leveled and candidates:
        return _whole_of_the_levels(candidates, pool, leveled)
    if len(names) < 2 or min(len(n) for n in names) < 4 or len({n[-2:] for n in names}) != 1:
        return False, None
    leads, noun = {n[:2] for n in names}, names[0][-2:]

    def named(i: _Item) -> bool:
        subject = "".join(i.claim.subject.split())
        # 一般债务限额 of 市本级 (a part of its own list) is no parent of 县区's 一般债务限额
        return (
            all(w in subject for w in leads)
            and noun in subject
            and subject not in names
            and i.claim.group is None
            and i.claim.quantity.dimension == "money"
        )

    if not candidates or named(candidates[-1]):
        return False, None
    matched = [i for i in pool if named(i)]
    if not matched:
        return _one_of_that_noun(candidates, names, noun)
    return True, (matched[0] if len(matched) == 1 and any(matched[0] is c for c in candidates) else None)


def _name_at_levels(names: list[str]) -> str:
    """The one item parts name at different levels (省本级一般公共预算收入 | 市县一般公共预算收入: 一般公共预算收入); "" when
    they name no scope or not one item."""
    if len(names) < 2:
        return ""
    items = {strip_scope_words(n) for n in names}
    if len(items) != 1 or any(strip_scope_words(n) == n for n in names):
        return ""
    item = items.pop()
    return item if len(item) >= 2 else ""


def _whole_of_the_levels(candidates: list[_Item], pool: Sequence[_Item], item: str) -> tuple[bool, _Item | None]:
    """The figure the levels of one item break down is that item's, of the wider scope: …非税收入1409.78亿元。分级次看，
    省本级一般公共预算收入780.45亿元…；市县一般公共预算收入… breaks down no 非税收入 — the 全省一般公共预算收入 printed
    earlier, or nothing (when that figure is not one this list may take)."""

    def of_item(i: _Item) -> bool:
        return strip_scope_words("".join(i.claim.subject.split())) == item and i.claim.quantity.dimension == "money"

    if of_item(candidates[-1]):
        return False, None  # the usual reading picks it
    matched = [i for i in candidates if of_item(i) and _plain(i)]
    if matched:
        return True, matched[-1]
    return True, None


_REACHED = re.compile(r"^(?:调[增减整]|追加|核[增减]|增加|减少|下降|增长|提高|降低)?(?:至|为|到)$")
_REACHED_LEAD = re.compile(
    r"(?:调[增减整]|追加|核[增减])(?:至|为|到)$"
)  # …118.60亿元调整为121.35亿元: the level reached


def _one_of_that_noun(candidates: list[_Item], names: list[str], noun: str) -> tuple[bool, _Item | None]:
    """Parts of one kind (…债务余额, …债务余额) break down the one earlier figure of that kind when the last figure is
    of another (全市政府债务余额782.73亿元，为省核定限额793.10亿元的98.69%。其中：市本级政府债务余额…)."""
    last = "".join(candidates[-1].claim.subject.split())
    words = "".join(candidates[-1].words.split())
    if noun in last or _REACHED.match(last) or _REACHED_LEAD.search(words):
        return (
            False,
            None,
        )  # (限额由41.26亿元调增至47.04亿元，其中：…: the figure reached is of the noun named before it)
    holders = [
        i
        for i in candidates
        if noun in (subject := "".join(i.claim.subject.split()))
        and subject not in names
        and i.claim.group is None
        and i.claim.quantity.dimension == "money"
    ]
    return (True, holders[0]) if len(holders) == 1 else (False, None)


def _kind_of_figure(item: _Item, text: str = "") -> tuple[bool, str]:
    return last_year(item.claim), _measure(item, text)


def _flow(item: _Item) -> str:
    """What the figure measures (income, spending, what is left) by its own words, else by its subject."""
    return lists.flow_of(item.words) or lists.flow_of(item.claim.subject)


def _measure(item: _Item, text: str = "") -> str:
    """The measure a figure's role names; 全年 (a period) is a budget where its clause says 预算 (全年预算数)."""
    if item.claim.role == "全年" and text:
        return "budget" if "预算" in _CLAUSE_SPLIT.split(text[max(0, item.start - _WINDOW) : item.start])[-1] else ""
    return _MEASURES.get(item.claim.role, "")


_CLAUSE_SPLIT = re.compile(r"[，,；;。：:]")


def _other_measure(total: _Item, item: _Item, text: str = "") -> bool:
    """Whether both figures name their measure and the measures differ (a 预算 figure beside each 决算 part)."""
    a, b = _measure(total, text), _measure(item, text)
    return bool(a and b and a != b)


def _amount_of_change(text: str, item: _Item) -> bool:
    """Whether a change word stands right before the figure (减少4.44万元), with or without 比上年 before it."""
    return bool(change_before(text[max(0, item.start - _CHANGE_WORD_REACH) : item.start]))


_CHANGE_WORD_REACH = 6  # 减少了约, 增长为: the longest change word with its fillers
_QIZHONG_OPENS = re.compile(
    r"其中[^，,；;。]{0,24}$"
)  # a figure right after 其中 (其中预备费16亿元): a part of the one before


def _explains_part(item: _Item, nested: list[tuple[int, int]], parts: list[_Item], items: list[_Item]) -> bool:
    """Whether the bracket holding `item` follows a part of the list (its breakdown), not a change or rate."""
    a = max(a for a, b in nested if a < item.start < b)
    before = [i for i in items if i.end <= a]
    return bool(before) and any(p is before[-1] for p in parts)


_ACHIEVED = ("完成", "实现")  # 税收收入完成113.3亿元: the amount is what the subject came to, not the verb's object


def _achieved(subject: str, verb: str, q: Quantity) -> str:
    if q.dimension == "money" and verb in _ACHIEVED and subject.endswith(verb) and len(subject) > len(verb):
        return subject[: -len(verb)]
    return subject


def _interval(item: _Item) -> tuple[Decimal, Decimal]:
    """The printed figure's rounding interval in its base unit (the tolerance model's, for list bounds only)."""
    q = item.claim.quantity
    if q.is_exact_count or q.value == 0:
        return q.base_value, q.base_value
    half = Decimal(5).scaleb(-(q.decimals + 1)) * (q.base_value / q.value)
    return q.base_value - abs(half), q.base_value + abs(half)


# 加上A、B / a clause opening with 加 (加调出资金a、还本b，支出总计T) — not 加强, 加快, 加大…
_ADDED = re.compile(r"加上|(?:^|(?<=[。，,；;：:\s]))再?加(?![强快大紧之工油班速深入盟计装固息])")


# what a 加 list adds to a fund's own income or spending; a figure named so is an addend, not the level added to
_ADDEND_WORDS = ("补助", "转移支付", "调入", "调出", "结转", "结余", "转贷", "上解", "返还", "还本")
_RATE_BASE = re.compile(r"\s*的\s*[\d.．]+\s*[%％]")  # 为调整预算50000万元的101%: the rate's base, no level


def _share_after(text: str, items: list[_Item], x: _Item) -> str:
    """The whole named by a share right after x, no other figure and no "；" between ("" when none)."""
    nxt = _next_share(text, items, x)
    return nxt.claim.denominator if nxt is not None else ""


def _same_share_after(text: str, items: list[_Item], total: _Item, i: _Item) -> bool:
    named = _share_after(text, items, total)
    return (bool(named) and named == _share_after(text, items, i)) or _share_of_the_totals_whole(text, items, total, i)


def _share_of_the_totals_whole(text: str, items: list[_Item], total: _Item, i: _Item) -> bool:
    """教育支出45121.15万元，占85.00%，…；文化旅游体育与传媒支出305.75万元，占0.58%: two bare shares, the second of the
    whole the first is of (305.75 ÷ 53083.7), not of the first figure (305.75 ÷ 45121.15) — a sibling, no part."""
    shares = [_next_share(text, items, x) for x in (total, i)]
    if any(s is None or s.claim.denominator for s in shares):
        return False
    (t_lo, t_hi), (p_lo, p_hi) = _interval(total), _interval(i)
    (ts_lo, ts_hi), (ps_lo, ps_hi) = (_interval(s) for s in shares if s is not None)
    if ts_lo <= 0 or t_lo <= 0:
        return False
    whole = (t_lo * 100 / ts_hi, t_hi * 100 / ts_lo)  # the whole the total's share is of
    of_whole = (p_lo * 100 / whole[1], p_hi * 100 / whole[0])
    of_total = (p_lo * 100 / t_hi, p_hi * 100 / t_lo)
    return _overlaps(of_whole, (ps_lo, ps_hi)) and not _overlaps(of_total, (ps_lo, ps_hi))


def _overlaps(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _next_share(text: str, items: list[_Item], x: _Item) -> _Item | None:
    nxt = next((i for i in items if i.start > x.start), None)
    if nxt is None or nxt.claim.relation != "share" or re.search(r"[；;。]", text[x.end : nxt.start]):
        return None
    return nxt


def _meets(total: _Item, parts: list[_Item]) -> bool:
    whole = _interval(total)
    lo = sum((_interval(p)[0] for p in parts), Decimal(0))
    hi = sum((_interval(p)[1] for p in parts), Decimal(0))
    return lo <= whole[1] and whole[0] <= hi


def _addend_before(text: str, s0: int, items: list[_Item], first: _Item, total: _Item) -> _Item | None:
    """The figure a "加" list adds to: "支出45000万元。加调出资金5000万元、还本支出2000万元，支出总计52000万元" —
    the last level before 加 (past the bracket breaking it down; a rate's base is none), when 加 opens the first
    addend's clause, the level is of the total's flow, no other money figure (a change amount) stands between and
    no 其中 list does (its head or its last part could be the one added to)."""
    added = [m for m in _ADDED.finditer(text, s0, first.start)]
    if not added or re.search(r"[，,；;。]", text[added[-1].end() : first.start].lstrip("：: ")):
        return None
    if any(added[-1].end() <= i.start < first.start for i in items):
        return None  # 加A26.3亿元、B5.9亿元、C、D等12亿元: addends before the first part read were not read as parts
    at = added[-1].start()
    if re.split(r"[，,；;。]", text[max(0, at - 40) : at])[-1].strip():
        return None  # "当年收入加上A、B": the first addend is named, not printed, here
    at = _bracket_opened(text, at)  # "支出711.01亿元（当年预算安排…202.61亿元），加上A": the figure it qualifies
    k = at
    while k > 0 and text[k - 1] in "。！？，,；; \t":
        k -= 1
    head = max(text.rfind(p, 0, k) for p in "。！？") + 1  # the start of the sentence the level stands in
    # (其中，县级一般公共预算收入97462万元，增长2.3%。加上级补助收入…: the level's own figure, not a part of the whole)
    own = _levels_own(text, head)
    whole = None if own else _whole_of_list_before(text, items, head, at)
    if whole is not None:
        # 全省政府性基金预算收入178.4亿元…。其中，国有土地使用权出让收入142.7亿元…。加上…，收入总量为555.0亿元: the
        # sentence of 其中 parts is done, 加 opens its own: what it adds to is the whole they broke down
        return whole if _base_key(whole.claim.quantity) == _base_key(total.claim.quantity) else None
    # 其中，市本级国有资本经营预算收入12450万元，…，加上…: a level's own chain
    of_level = (_LEVEL_QIZHONG.match(text, head) or _LEVEL_AFTER_WHOLE_AREA.match(text, head)) if own else None
    if text.find("其中", of_level.end() if of_level else head, at) >= 0:
        return None  # the list's head or its part: which one 加 adds to is not known
    money = [
        i
        for i in items
        if i.end <= at
        and i.claim.quantity.dimension not in ("percent", "pp")
        and not _RATE_BASE.match(text, i.end)
        and not _in_closed_bracket(text, i, at)  # （2025年年初预算1,318,000万元）。加上…: a bracket's note is no level
    ]
    x = max(money, key=lambda i: i.end, default=None)
    if x is None or not _plain(x) or x.claim.relation == "part" or x.start < head:
        return None
    if x.start > text.rfind("其中", 0, at) >= 0 and not of_level:
        return None  # …。其中,税收收入1556亿元,增长2.3%。非税收入1180亿元,增长9.9%。加上…: a 其中 list may end on it
    levels = {
        re.sub(r"\s", "", i.claim.subject)
        for i in money
        if i.start >= head
        and _plain(i)
        and i.claim.relation != "part"
        and _flow(i)
        and lists.part_of_flow(_flow(total), _flow(i))
        and not any(w in i.claim.subject for w in _ADDEND_WORDS)
    }
    if len(levels) > 1:
        return (
            None  # 基金收入完成251.23亿元，…主要是土地出让收入减少，全年完成221.84亿元。加上…: which one is added to?
        )
    if any(w in x.claim.subject for w in _ADDEND_WORDS):
        return None  # 上级补助收入30000万元，加上调入资金…: an addend itself, the level it adds to stands elsewhere
    if _base_key(x.claim.quantity) != _base_key(total.claim.quantity):
        return None
    # 设置预备费2217万元。加上上解支出…，支出总计…: a level naming no flow (a part of the 支出 before it) is not what is added to
    return x if _flow(x) and lists.part_of_flow(_flow(total), _flow(x)) else None


_LEVEL_QIZHONG = re.compile(r"\s*其中[，,：:]?\s*(?:[省市县区州旗]本级|本级)")
_LEVEL_AFTER_WHOLE_AREA = re.compile(r"\s*其中[，,：:]?\s*([省市县区州旗])级")


def _levels_own(text: str, head: int) -> bool:
    """Whether a sentence opening "其中，县级…" after one about the whole area (全县…) gives that level's own figure of the
    item, which a 加 chain after it adds to — not a part of the whole (其中，市级国有土地使用权出让收入… after 市级…)."""
    m = _LEVEL_QIZHONG.match(text, head)
    if m is not None:
        return True
    m = _LEVEL_AFTER_WHOLE_AREA.match(text, head)
    if m is None:
        return False
    before = text[max(0, text.rfind("。", 0, max(head - 1, 0)) + 1) : head]
    return ("全" + m.group(1)) in before


_PARENT_OPENS = re.compile(r"^\s*([^，,；;。：:\d]{2,20}?)中[，,：:]")


def _a_sibling_named_total(clause: str, parts: list[_Item], sentence: str) -> bool:
    """A 合计 named by a name of its own where the list names its parts' parent otherwise (一般性转移支付收入中，均衡性…，
    县级…，巩固…，各类共同财政事权转移支付收入合计139700万元): one more item of the list, the total of its own rows."""
    parent = _PARENT_OPENS.match(sentence)
    own = re.sub(r"(?:合计|总计)(?:为|达)?$", "", re.sub(r"\s", "", clause))
    if parent is None or len(parts) < 2 or len(own) < 4:
        return False
    name = re.sub(r"\s", "", parent.group(1))
    return own != name and not own.endswith(name) and not name.endswith(own)


_NOUN_AFTER_COUNT = re.compile(r"[\u4e00-\u9fff]{1,8}")
_NOT_OF_THE_NOUN = re.compile(r"[和及与或等共其为的在是，,。；;、]")


def _counted_noun(text: str, item: _Item) -> str:
    """What a count printed before its noun counts (内设7个机构 → 机构; 共5个单位 → 单位); "" when the noun stands
    before the figure (内设机构7个)."""
    run = _NOUN_AFTER_COUNT.match(text, item.end)
    return _NOT_OF_THE_NOUN.split(run.group(0))[0] if run else ""


def _of_the_counted_kind(total: _Item, parts: list[_Item], text: str) -> list[_Item]:
    """Of the counts before a count total, the run right before it that counts what the total counts, where some name
    it (内设机关处室15个，所属事业单位14个，…的单位共15个: 处室 are no 单位; 建塘村15户、北山村20户，共35户 name none); none
    where each names what it counts after its figure and none counts that (内设7个科室，下设4个中心，共5个单位)."""
    if total.claim.quantity.dimension != "count" or not parts:
        return parts
    if any(p.claim.subject == total.claim.subject for p in parts):
        return parts  # 建塘村15户、北山村20户，共36户: the total took its name from the part before it
    noun = (_counted_noun(text, total) or re.sub(r"\s", "", total.claim.subject))[-2:]

    def counts_it(p: _Item) -> bool:
        return (re.sub(r"\s", "", p.claim.subject) + _counted_noun(text, p)).endswith(noun)

    if len(noun) < 2:
        return parts
    if not any(counts_it(p) for p in parts):
        return [] if all(_counted_noun(text, p) for p in parts) else parts
    k = len(parts)
    while k > 0 and counts_it(parts[k - 1]):
        k -= 1
    return parts[k:]


def _whole_of_list_before(text: str, items: list[_Item], head: int, at: int) -> _Item | None:
    """The level a 其中 sentence before a 加 breaks down, where 加 opens its own sentence: the one figure of the sentence
    before that is what was done, names a flow and no addend (全省政府性基金预算收入178.4亿元，完成预算的91.5%。其中，…。
    加上…; …年初预算62.00亿元，…调减为52.00亿元，全年完成49.87亿元，…。其中，…。加上…: the 49.87)."""
    if not text[head:at].lstrip().startswith("其中") or text[max(0, head - 1) : head] not in "。！？":
        return None
    if not re.search(r"[。！？]\s*$", text[head:at]):
        return None  # 其中，市本级…收入12450万元，…，加上…: 加 goes on the 其中 sentence, it opens none of its own
    before = max(text.rfind(p, 0, head - 1) for p in "。！？") + 1
    levels = [
        i
        for i in items
        if before <= i.start < head
        and i.claim.quantity.dimension not in ("percent", "pp")
        and _plain(i)
        and i.claim.relation != "part"
        and i.claim.role not in ("年初", "预算", "全年")
        and _flow(i)
        and not any(w in i.claim.subject for w in _ADDEND_WORDS)
    ]
    return levels[0] if len(levels) == 1 else None


def _bracket_opened(text: str, at: int) -> int:
    """Where the bracket closing right before `at` (but for punctuation) opens; `at` when none closes there."""
    k = at - 1
    while k >= 0 and text[k] in "，,；; \t":
        k -= 1
    if k < 0 or text[k] not in lists.CLOSE:
        return at
    depth = 0
    for j in range(k, -1, -1):
        depth += text[j] in lists.CLOSE
        depth -= text[j] in lists.OPEN
        if depth == 0:
            return j
    return at


def _ends_in_etc(text: str, last: _Item) -> bool:
    return text[last.end : last.end + 2].lstrip().startswith("等")


_CARRIED_IN = re.compile(r"^(?:上年|年初)(?:结转|结余|结转结余|结转和结余)")
_CARRIED_OUT = re.compile(r"^(?:结转下年|年末结转|年终结余|年末结转和结余)")


def _carried(total: _Item, part: _Item) -> bool:
    """A carry-over on its total's side: 上年结转 within 收入, 结转下年 within 支出 (收入预算55,987.28万元，其中：…其他收入
    160.00万元；上年结转456.00万元)."""
    name = re.sub(r"\s", "", part.claim.subject)
    flow = _flow(total)
    return bool(
        (flow == lists.INCOME and _CARRIED_IN.match(name)) or (flow == lists.SPENDING and _CARRIED_OUT.match(name))
    )


def _list_breaks(text: str, a: _Item, b: _Item, items: list[_Item]) -> bool:
    """Whether the list stops between part a and part b (a clause without a figure, or a new statement)."""
    seg = text[a.end : b.start]  # 3,210.55 between two parts is one figure, no clause break
    between = "".join("_" if ch in ",，" and is_thousands_comma(seg, k) else ch for k, ch in enumerate(seg))
    between = lists.mask_description(between)
    # 以及乡镇上解、调入资金、上年结转等4.19亿元: names listed before one figure with 等 are that figure's label
    group = _GROUP_BEFORE_FIGURE.search(between)
    if group is not None:
        between = between[: group.start()] + group.group(0).replace("、", "_")
    bounds = [a.end]
    for m in re.finditer(rf"[{lists.CLAUSE_BREAK}]", between):
        bounds.append(a.end + m.end())
    bounds.append(b.start)
    has_figure = [any(lo <= i.start < hi for i in items) for lo, hi in zip(bounds, bounds[1:], strict=False)]
    return lists.breaks_list(between, has_figure)


_BY_STANDARD = re.compile(r"按(?:照)?(?:每[\u4e00-\u9fff]{1,4})?(?:[\d.,]+[^\d，,；;。]{0,3}[、和及与])*\s*$")
_STANDARD_AFTER = re.compile(
    r"(?:\s*[、和及与]\s*[\d.,]+)*\s*(?:[万亿]?元)?\s*(?:[/每][\u4e00-\u9fff]{1,3})?\s*(?:的)?(?:补助|补贴|奖励)?标准"
)


def _names_per_capita(clause_pre: str) -> bool:
    """Whether the figure is the 人均 the clause names: not a figure in a bracket opened after it (人均藏书1.32册
    （按常住人口118.77万人计算）: the bracket's figure is the basis of the per-capita figure, not one)."""
    at = clause_pre.rfind("人均")
    return at >= 0 and not _open_bracket(clause_pre[at:])


def _open_bracket(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


def _per_capita(items: list[_Item], groups: Iterator[int]) -> None:
    heads = [i for i in items if i.claim.relation == "per-capita"]
    if not heads:
        return
    gid = next(groups)
    for i in items:
        if i.claim.group is None and (i in heads or i.claim.quantity.dimension not in ("percent", "pp")):
            i.claim.group = gid


# ------------------------------------------------------------------ claims without their own figure


def _flat_claims(
    para: Paragraph,
    text: str,
    s0: int,
    s1: int,
    items: list[_Item],
    section: str,
    previous: list[_Item],
    groups: Iterator[int],
) -> list[Claim]:
    """持平 (with the subject's figure), figure-less comparisons (决算数大于预算数, 决算数与预算数持平) and the
    movement a 主要原因 sentence names."""
    sentence = text[s0:s1].strip()
    out: list[Claim] = []
    reason = _reason(para, text, s0, s1, sentence, section)
    if reason is not None:
        out.append(reason)
    said = _BALANCE_ALONE.match(text, s0, s1) if not items else None
    if said is not None and not _BALANCE_SOUGHT.search(said.group(1)):
        # …收入总计3,606.84亿元。…支出总计3,610.04亿元。市级一般公共预算收支平衡。: the statement the totals before it
        # are held to (the balance family)
        out.append(
            Claim(
                subject=said.group(1),
                quantity=marker_quantity("收支平衡"),
                sentence=sentence,
                prov=para.prov.with_(span=said.span(2)),
                relation="balanced",
                section=section,
            )
        )
    # (保持平稳, 维持平衡 say no 持平)
    for m in re.finditer(r"(?<![保维坚])持平|相等|一致", text[s0:s1]):
        pos = s0 + m.start()
        level = _level_with(text, s0, pos, m.group(), items or previous, sentence, groups)
        if level is not None:
            out.append(level)
            continue
        if m.group() != "持平":
            continue
        before = [i for i in items if i.end <= pos and _plain(i)]
        if not before and not items:  # 公务接待费1.00万元。与2024年预算持平: the last sentence's figure
            before = [i for i in previous if _plain(i)]
        figure = before[-1] if before else None  # the figure just stated is the one said to be unchanged
        if figure is not None:
            c = replace(figure.claim, relation="change", direction="持平", group=None)
        else:
            cstart = clause_start_before(text, s0, pos)
            subject = analyse_pre(_before_compare(text[cstart:pos]) or text[cstart:pos]).subject
            c = Claim(
                subject=subject,
                quantity=marker_quantity("持平"),
                sentence=sentence,
                prov=para.prov.with_(span=(pos, pos + 2)),
                relation="change",
                direction="持平",
                period=period_in(_without_compare(text[s0:pos])),
                section=section,
            )
        out.append(c)
    for m in _DIRECTION_MARKER.finditer(text, s0, s1):
        clause = clause_start_before(text, s0, m.start())
        if any(m.start() <= i.start < m.end() + 2 or clause <= i.start < m.start() for i in items):
            continue  # figures are involved: the figure claims carry the direction
        left = analyse_pre(m.group(1)).subject or m.group(1)
        d = dict(words().direction)[m.group(2)]
        right = _clean_phrase(m.group(3))
        pool = _named_in(text[clause : m.start(2)], [i for i in (items or previous) if _plain(i)])
        pair = _compared_figures(role_in(m.group(1)), role_in(right), pool)
        if pair is not None:  # 年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数…
            left_fig, right_fig = pair
            gid = None
            if left_fig.claim.group is None and right_fig.claim.group is None:
                gid = next(groups)
                left_fig.claim.group = right_fig.claim.group = gid
            out.append(
                replace(
                    left_fig.claim, relation="direction", direction=d, denominator=right, sentence=sentence, group=gid
                )
            )
            continue
        out.append(
            Claim(
                subject=left,
                quantity=marker_quantity(m.group()),
                sentence=sentence,
                prov=para.prov.with_(span=m.span()),
                role=role_in(m.group(1)),
                relation="direction",
                denominator=_clean_phrase(m.group(3)),
                direction=d,
                section=section,
            )
        )
    return out


# 决算数与全年预算数持平 / 决算数同预算数相等: two named figures said to be level
_LEVEL = re.compile(r"([^，,；;。！？\s与同]{1,12})(?:与|同)([^，,；;。！？\s与同]{1,12}?)(基本)?$")


# a sentence that says nothing but that the budget balances (市级一般公共预算收支平衡。; 全年收支平衡。)
_BALANCE_ALONE = re.compile(
    r"\s*([^，,；;。\d]{0,30}?)(?:实现)?(收支(?:相抵后?(?:[，,]\s*(?:实现|达到)?(?:收支)?)?)?平衡)[。！!]?\s*$"
)
# …未实现收支平衡, 确保收支平衡, 力争收支平衡: not so, or a goal
_BALANCE_SOUGHT = re.compile(r"未|不|难以|无法|确保|力争|努力|争取|推动|促进|保障|保持|维持|如何|要|需")


def _level_with(
    text: str, s0: int, pos: int, word: str, pool: list[_Item], sentence: str, groups: Iterator[int]
) -> Claim | None:
    """ "A与B持平" where A and B name two figures stated just before (决算数 and 预算数): the A figure's claim
    with relation direction, direction 持平 (等于 for 相等/一致, 基本持平 for a judgement) and B's phrase."""
    m = _LEVEL.search(text[clause_start_before(text, s0, pos) : pos])
    if m is None:
        return None
    pair = _compared_figures(role_in(m.group(1)), role_in(m.group(2)), [i for i in pool if _plain(i)])
    if pair is None:
        return None
    left_fig, right_fig = pair
    gid = None
    if left_fig.claim.group is None and right_fig.claim.group is None:
        gid = next(groups)
        left_fig.claim.group = right_fig.claim.group = gid
    direction = "基本持平" if m.group(3) else "持平" if word == "持平" else "等于"
    return replace(
        left_fig.claim,
        relation="direction",
        direction=direction,
        denominator=_clean_phrase(m.group(2)),
        sentence=sentence,
        group=gid,
    )


def _reason(para: Paragraph, text: str, s0: int, s1: int, sentence: str, section: str) -> Claim | None:
    """ "主要原因是：……经费增加。": the movement the reason names (relation reason, direction 增长 | 减少),
    placed on its word; the reason family sets it against the change stated just before."""
    m = _reason_pattern().match(text, s0, s1)
    if m is None:
        return None
    word = m.group(2)
    return Claim(
        subject=re.sub(r"\s+", "", m.group(1) + word),
        quantity=marker_quantity(word),
        sentence=sentence,
        prov=para.prov.with_(span=m.span(2)),
        relation="reason",
        direction=dict(words().change)[word],
        section=section,
    )


@lru_cache(maxsize=1)
def _reason_pattern() -> re.Pattern[str]:
    change = change_alternation()
    return re.compile(rf"\s*主要原因(?:是|为)?\s*[:：]\s*([^。；]{{1,60}}?)\s*({change})\s*[。；]?\s*$")


_NOT_OF_NAME = re.compile(r"[“”\"‘’\s]|\d{4}\s*年度?|财政拨款|支出|决算数?|预算数?|年初|全年|本年|当年")


def _named_in(words: str, pool: list[_Item]) -> list[_Item]:
    """The figures of the item a 决算数小于预算数 sentence names (2024年度“三公”经费支出决算数小于预算数: the 三公 figures,
    not the last part of its 其中 list); the whole pool where it names none."""
    name = _NOT_OF_NAME.sub("", words)
    if len(name) < 2:
        return pool
    return [i for i in pool if _NOT_OF_NAME.sub("", i.claim.subject) == name]


def _compared_figures(left_role: str, right_role: str, pool: list[_Item]) -> tuple[_Item, _Item] | None:
    """The two figures a 决算数小于预算数 sentence compares, by their roles (预算 also matches 年初/全年)."""
    if not left_role or not right_role:
        return None

    def matches(role: str, wanted: str) -> bool:
        return role == wanted or (wanted == "预算" and role in ("年初", "全年"))

    left = next((i for i in reversed(pool) if matches(i.claim.role, left_role)), None)
    right = next((i for i in reversed(pool) if matches(i.claim.role, right_role) and i is not left), None)
    return (left, right) if left is not None and right is not None else None
