"""Subject phrases and role words of narrative figures, from the words around the number.

The word lists live in `data/claim_words.csv` (role, filler, lead, verb, generic,
change, compare, direction) and the domain dictionary for jieba in
`data/subjects.txt`, so neither is scattered through code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.wordcut import base_tokenizer

DATA = Path(__file__).resolve().parent / "data"
# a year, with its month, its end or its start (2024年末全县专项债务余额: the balance at the year's end, not an item
# 末…; 2024年初全县债务余额 likewise, but 年初预算 keeps its measure word)
PERIOD_RE = re.compile(
    r"\d{4}\s*年度?(?:末|底|初(?!预算|批复|安排|计划|下达|部门)|\d{1,2}(?:[-—~～至]\d{1,2})?\s*月份?)?"
    r"|(?:\d{1,2}[-—~～至])?\d{1,2}\s*月份?"
)
# a section label at the start of a paragraph: 1. / 1、 / （一） / (1) / 一、
LABEL_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、)\s*"
)
# the reporting body's name before a figure: 上海市普陀区商务委员会收入预算 → 收入预算
ORG_RE = re.compile(r"^[^，,；;。]{0,30}[省市县区镇乡][^，,；;。]{0,30}(?:委员会|办事处|人民政府|局|委|厅)(?=.)")
_EDGE = " \t\u3000，,；;：:、。“”\"'‘’—"
MAX_SUBJECT = 48


@dataclass(frozen=True)
class Words:
    roles: tuple[tuple[str, str], ...]  # longest first
    fillers: tuple[str, ...]
    leads: tuple[str, ...]
    verbs: frozenset[str]
    generic: frozenset[str]
    change: tuple[tuple[str, str], ...]
    compare: tuple[str, ...]
    direction: tuple[tuple[str, str], ...]
    not_role: tuple[str, ...] = ()
    adjustments: tuple[str, ...] = ()
    flows: tuple[tuple[str, str], ...] = ()  # word → 收入 | 支出 | 余额 (what a money figure measures)
    chain_results: tuple[str, ...] = ()  # names of the total a 加/减 chain ends in (可用财力, 收入总计)
    row_roles: tuple[tuple[str, str], ...] = ()  # column header word → a row figure's role, first match in file order
    rate_headers: tuple[str, ...] = ()  # a column header ending in one of these holds percents


@lru_cache(maxsize=1)
def words() -> Words:
    kinds: dict[str, list[tuple[str, str]]] = {}
    with (DATA / "claim_words.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if not row or row[0].startswith("#") or row[0] == "kind":
                continue
            kind, word = row[0].strip(), row[1].strip()
            value = row[2].strip() if len(row) > 2 else ""
            kinds.setdefault(kind, []).append((word, value))

    def longest(kind: str) -> list[tuple[str, str]]:
        return sorted(kinds.get(kind, []), key=lambda p: -len(p[0]))

    return Words(
        roles=tuple(longest("role")),
        fillers=tuple(w for w, _ in longest("filler")),
        leads=tuple(w for w, _ in longest("lead")),
        verbs=frozenset(w for w, _ in kinds.get("verb", [])),
        generic=frozenset(w for w, _ in kinds.get("generic", [])),
        change=tuple(longest("change")),
        compare=tuple(w for w, _ in longest("compare")),
        direction=tuple(longest("direction")),
        not_role=tuple(w for w, _ in longest("not_role")),
        adjustments=tuple(w for w, _ in longest("adjustment")),
        flows=tuple(longest("flow")),
        chain_results=tuple(w for w, _ in longest("chain_result")),
        row_roles=tuple(kinds.get("row_role", [])),
        rate_headers=tuple(w for w, _ in longest("rate_header")),
    )


_VERBS_ADDED = False


def tokenizer() -> Any:
    """The shared jieba tokenizer (`extractors.wordcut`) with the claim words' verbs added, once."""
    global _VERBS_ADDED
    tk = base_tokenizer()
    if not _VERBS_ADDED:
        for verb in words().verbs:
            tk.add_word(verb, 3000, "v")
        _VERBS_ADDED = True
    return tk


def cut(text: str) -> list[str]:
    return [t for t in tokenizer().lcut(text, HMM=False) if t.strip()]


# words whose last character is also a filler word (约 = about): the word stays whole
_WORDS_ENDING_IN_A_FILLER = frozenset(a + "约" for a in "节制预契合签简条集邀相隐特公履") | {
    "保有",
    "占有",
    "拥有",
    "持有",
}


def _strip_end(s: str, options: tuple[str, ...]) -> tuple[str, bool]:
    for w in options:
        if s.endswith(w) and len(s) > 0:
            return s[: -len(w)], True
    return s, False


@dataclass
class Pre:
    """What the words before a number say about it."""

    subject: str = ""
    role: str = ""
    period: str = ""
    verb_only: str = ""  # the phrase ended in this verb (受理, 成功): the counted noun may follow the number
    generic: str = ""  # the phrase was only a generic word (支出): the sentence's subject is meant
    verb_tail: bool = False  # subject = words + that verb (预备党员转正); a noun after the number is better


def _mask_names(text: str) -> str:
    """Blank out names that contain a role word (一般公共预算) so they do not read as a role."""
    for name in words().not_role:
        if name in text:
            text = text.replace(name, "＿" * len(name))
    return text


_MEASURE_ROLE = re.compile(r"预算|决算|执行|实际")  # role words that name a measure, not only a year


def _measure_before_generic(s: str) -> tuple[str, str] | None:
    """(role, s without the measure word) when s ends in a measure word and a generic word (…实际支出, 决算收入)."""
    w = words()
    masked = _mask_names(s)
    for generic in w.generic:
        if not s.endswith(generic):
            continue
        head = s[: -len(generic)]
        for word, role in w.roles:
            if _MEASURE_ROLE.search(word) and head.endswith(word) and not masked[: len(head)].endswith("＿"):
                return role, head[: -len(word)] + generic
    return None


def role_in(text: str) -> str:
    """The role word nearest the end of text ("" when none)."""
    text = _mask_names(text)
    best, best_pos = "", -1
    for word, role in words().roles:
        pos = text.rfind(word)
        if pos >= 0 and pos + len(word) > best_pos:
            best, best_pos = role, pos + len(word)
    return best


MEASURE_ROLES = frozenset(("预算", "年初", "全年", "执行", "决算", "实际", "目标"))  # role values naming a measure
PRIOR_YEAR = "上年"  # the role value of 上年 / 去年 / 上一年 (data/claim_words.csv), also a claim's relative period


def relative_period(pre: str) -> str:
    """上年 when the words before a figure that names its measure also name last year (上年预算为12亿元: last year's
    budget, not this year's); a comparison's year (比上年预算增长, 与上年相比) is its base, not the figure's period."""
    text = COMPARE_RE.sub("", _mask_names(pre))
    return PRIOR_YEAR if any(r == PRIOR_YEAR and w in text for w, r in words().roles) else ""


def period_in(text: str) -> str:
    found = PERIOD_RE.findall(text)
    years = [p for p in found if "年" in p]
    if years:
        return re.sub(r"\s", "", years[-1]).replace("年度", "年").split("年")[0] + "年"
    return ""


_PRIOR_WORD = re.compile(r"(?:上一年度?|上年度|(?:上年|去年)同(?:期|月|季度?)|上年|去年)(?![末底初])")
_DONE = re.compile(r"(^|收入|支出|全年|当年|本年)(?:累计)?完成$")
# 执行中经市人大常委会批准调整为…, 年中调减为…: the budget a change reached, the item's adjusted budget (全年)
ADJUSTED_TO = re.compile(
    r"(?:(?:年中|执行中|预算执行中|执行过程中)[，,]?)?(?:经[^，,；;。]{0,24}?(?:批准|审议通过|审查批准|同意)[，,]?)?"
    r"(?:预算)?(?:调整|调增|调减|变更)后?(?:为|至|到)$"
)


_TRANSFER_VERBS = frozenset(("补助", "上解"))
# 执行中经市、县两级人大常委会批准调整为…: the clause after "、" is who approved, not what was adjusted
_APPROVED = re.compile(r"(?:批准|审议通过|审查批准|同意|审定)$")
_CIRCUMSTANCE = re.compile(
    r"^(?:年中|执行中|预算执行中|执行过程中)?[，,]?(?:根据|因|由于|受|按照|结合|按(?:法定|规定)?程序|依法|按规定)"
    r"|^(?:年中|执行中|预算执行中|执行过程中)$"
)


_MEASURE_GLOSS = re.compile(r"[（(](?:调整后?预算|年初预算|全年预算|预算数|决算数|执行数|调整预算数)[）)]")


_LEVEL_END = re.compile(r"[（(][类款项][)）]$")


# 加上上年结转收入6120万元, 加上级补助收入…, 减调出资金…: the sum's sign opens the clause, it is no part of the name
_ADDED_OR_TAKEN = re.compile(
    r"^(?:加上(?!级)|加|减去|减)(?=上年|上级|调入|调出|结转|动用|债务|转贷|补助|上解|预算稳定|地方政府|新增|再融资|国有|政府性)"
)


def analyse_pre(pre: str) -> Pre:
    """Subject, role and period from the text between a clause start and a number."""
    w = words()
    out = Pre(period=period_in(pre))
    s = LABEL_RE.sub("", PERIOD_RE.sub("", pre.replace("收、支", "收支")).strip(_EDGE))  # 收、支总预算: one name
    s = _MEASURE_GLOSS.sub("", s).strip(_EDGE)  # 全年预算数（调整预算）为: a gloss of the measure, no name
    adjusted = ADJUSTED_TO.search(s)
    if adjusted and not _mask_names(s)[: adjusted.start()].endswith("＿"):
        s, out.role = s[: adjusted.start()], "全年"
        if s.endswith("等") or _CIRCUMSTANCE.match(s) or _APPROVED.search(s):
            # 执行中因上级补助增加、新增债券资金安排等调整为…, 年中根据经济运行情况调整为…: the causes, not the item adjusted
            s = ""
    done = _DONE.search(s)
    if done:  # 一般公共预算收入完成421.8亿元, 全年完成…: the 执行 figure (not 中稻完成面积's 完成, a name)
        s, out.role = s[: done.start() + len(done.group(1))], "执行"
    changed = True
    while changed and s:
        changed = False
        if s[-2:] in _WORDS_ENDING_IN_A_FILLER:
            break  # 家庭医生签约, 节约: 约 ends a word here, it is no "about"
        s, a = _strip_end(s, w.fillers)
        for word, role in w.roles:
            if s.endswith(word) and not _mask_names(s).endswith("＿"):
                out.role = out.role or role
                s, changed = s[: -len(word)], True
                break
        measured = _measure_before_generic(s)
        if measured is not None:  # 实际支出18万元: 实际 is the measure of the item, not a name of its own
            out.role = out.role or measured[0]
            s, changed = measured[1], True
        if s.endswith("支出") and s[:-2].endswith(("费", "费用")):
            s, changed = s[:-2], True
        s = s.strip(_EDGE)
        changed = changed or a
    if not out.role:
        out.role = role_in(pre)
    if not out.period and out.role in MEASURE_ROLES:
        out.period = relative_period(pre)
    s = _ADDED_OR_TAKEN.sub("", _strip_leads(ORG_RE.sub("", s)))
    prior = _PRIOR_WORD.match(s)
    if prior is not None and not _mask_names(s).startswith("＿"):
        # 上年全县一般公共预算收入为49,725万元: last year's figure of 一般公共预算收入, not an item named 上年… (上年结转 is
        # a name of its own, masked)
        s = _strip_leads(s[prior.end() :])
        out.role = out.role or PRIOR_YEAR
    if s.endswith("总计各") or s.endswith("合计各"):  # 收、支总计各增加…: 各 says "each", it names nothing
        s = s[:-1]
    if s.startswith("调整后") and out.role in ("", "预算"):  # 调整后收入预算为…: the adjusted budget of 收入
        s, out.role = s[3:], "全年"
    if not s:
        return out
    tokens = cut(s)
    verbs = [i for i, t in enumerate(tokens) if t in w.verbs]
    if verbs and not _LEVEL_END.search(s):  # …对村级公益事业建设的补助（项）: a 科目's path is one name, verbs and all
        last = verbs[-1]
        after = _strip_leads("".join(tokens[last + 1 :]))
        if after and after not in w.generic and tokens[last] in _TRANSFER_VERBS and after.endswith(("支出", "收入")):
            s = tokens[last] + after  # 补助旗县市区支出: a transfer's name, not the counties' own spending
        elif (
            after
            and after not in w.generic
            and after.removesuffix("等") not in w.generic
            and not _MONEY_OF_AN_ITEM.fullmatch(after)
        ):
            s = after  # (有偿使用收入等: the generic word with 等 after it needs the words before it too)
        elif after:  # 遗属补助人数, 彩票公益金安排支出: the generic word needs the words before it
            first = verbs[-2] + 1 if len(verbs) > 1 else 0
            s = "".join(tokens[first:])
        else:
            before = _strip_leads("".join(tokens[:last]))
            out.verb_only = tokens[last]
            if not before:
                return out
            s = before + tokens[last]
            out.verb_tail = True
    s = _strip_leads(s).replace("“", "").replace("”", "").replace('"', "")
    if s in w.generic:
        out.generic = s
        return out
    if s.endswith("等") and (
        re.search("[、，,和及与]", pre) or len(s) <= 4
    ):  # 建塘、北山、高竹等12村: a list of names, not the subject
        return out
    out.subject = _cut(s)
    return out


# the spending an item has, named after the item (临时救助项目支出): it needs the item's words (安排专项资金 is money
# an action yields, left to the words after the verb)
_MONEY_OF_AN_ITEM = re.compile(r"项目(?:支出|经费)")
_ITEM_PATH = re.compile(r"[（(](?:类|款|项)[）)]")
_MAX_PATH = 120


def _cut(s: str) -> str:
    """A subject of at most MAX_SUBJECT characters, its last ones; a 科目 path (一般公共服务支出（类）政府办公厅（室）及相关
    机构事务（款）…（项）) names its item only whole, so it keeps its 类 name up to a longer limit."""
    if len(s) <= MAX_SUBJECT:
        return s
    if _ITEM_PATH.search(s) and len(s) <= _MAX_PATH:
        return s
    return s[-MAX_SUBJECT:]


def _strip_leads(s: str) -> str:
    w = words()
    s = s.strip(_EDGE)
    changed = True
    while changed and s:
        changed = False
        for lead in w.leads:
            if s.startswith(lead) and (len(lead) > 1 or cut(s)[0] == lead):
                s, changed = s[len(lead) :].strip(_EDGE), True
                break
    return s  # a one-character lead only as a word of its own: 和田地区, 在职人员, 共青团 keep their first character


def noun_after(post: str) -> str:
    """The noun a number counts when it stands before it: 32.09万元救助金 → 救助金; 98名片长 → 片长."""
    w = words()
    s = post.lstrip(" \t\u3000的")
    for i, ch in enumerate(s):
        if ch in "，,；;：:、。！？（(“”" or ch.isdigit() or i >= 16:
            s = s[:i]
            break
    if not s:
        return ""
    out: list[str] = []
    for t in cut(s):
        if t in w.verbs or t in _NOUN_STOPS:
            break
        out.append(t)
    noun = "".join(out)[:12]
    return "" if noun in w.generic else noun


_NOUN_STOPS = frozenset(("和", "及", "与", "等", "参与", "就业", "其中", "作用", "务工", "精准", "举办", "分别", "的"))


def change_alternation() -> str:
    """The change words of claim_words.csv as a regex alternation, longest first (负增长 before 增长)."""
    return "|".join(re.escape(w) for w, _ in words().change)


def strip_filler_tail(s: str, fillers: str) -> str:
    """s without the filler characters it ends in (比上年增长了 → 比上年增长), but for a word they end (节约, 保有)."""
    while s and s[-1] in fillers and s[-2:] not in _WORDS_ENDING_IN_A_FILLER:
        s = s[:-1]
    return s


def change_before(pre: str) -> str:
    """增长 / 减少 when the text right before a number is a change word (比上年增长 → 增长)."""
    s = strip_filler_tail(pre.rstrip(_EDGE), "了约近为")
    for word, direction in words().change:
        if s.endswith(word):
            return direction
    bare = _BARE_MORE_OR_LESS.search(s)  # 比上年少0.90万元: 少 or 多 alone after a comparison (至少, 较多 are none)
    return ("增长" if bare.group(1) == "多" else "减少") if bare is not None else ""


_BARE_MORE_OR_LESS = re.compile(r"(?:比|较)(?:上年|去年|上一年|\d{4}\s*年度?|年初)[^，,；;。\d]{0,8}?([多少])$")


COMPARE_RE = re.compile(r"(?:比|较之?)(?:\d{4}\s*年度?|上年|去年|上一年|同期|年初)|与.{0,10}?相比")


def has_compare(text: str) -> bool:
    return any(c in text for c in words().compare) or bool(COMPARE_RE.search(text))


# a name ending in a subordinate body or in a level of the department (江苏省口岸发展研究中心, 局机关, 办公室本级,
# 所属事业单位): what follows it is that body's figure, not the whole department's
_SUBORDINATE_BODY = re.compile(
    r"(?:中心|站|所|医院|(?:福利|敬老|养老|卫生|研究|设计)院|学校|馆|队|公司|机关|本级|本部|所属(?:事业)?单位|下属单位)$"
)  # 民政局本部收入预算, 社会福利院公务用车运行费: one body's figure


def names_a_body(words: str) -> bool:
    """Whether words printed before an item's name name a body within the department (a unit, its own level)."""
    return bool(_SUBORDINATE_BODY.search(re.sub(r"[\s，,：:]+$", "", words)))
