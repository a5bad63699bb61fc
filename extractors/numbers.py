"""Numbers and quantities in Chinese report text: pure functions, no state.

`find_quantities` scans narrative text for every number that carries a unit
(or %, 个百分点, a 万/亿 multiplier); dates, document numbers, section labels,
ordinals and names carry no unit from the table and so are not quantities.
Text is normalised (full-width → ASCII) one character for one character, so
spans always refer to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from extractors.model import Quantity
from extractors.units import PREFIXES, known_units, unit_info

DATA = Path(__file__).resolve().parent / "data"

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG)

# qualifiers: text before the number, text after the number (before or after the unit)
PREFIX_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("不少于", "at-least"),
    ("不低于", "at-least"),
    ("至少", "at-least"),
    ("≥", "at-least"),
    ("不超过", "at-most"),
    ("不高于", "at-most"),
    ("最多", "at-most"),
    ("≤", "at-most"),
    ("不足", "less-than"),
    ("不到", "less-than"),
    ("少于", "less-than"),
    ("低于", "less-than"),
    ("<", "less-than"),
    ("超过", "more-than"),
    ("多于", "more-than"),
    ("高于", "more-than"),
    ("逾", "more-than"),
    (">", "more-than"),
    ("将近", "near"),
    ("大约", "near"),
    ("约", "near"),
    ("近", "near"),
)
SUFFIX_QUALIFIERS: dict[str, str] = {"以上": "at-least", "以内": "at-most", "以下": "at-most", "左右": "near"}
INNER_QUALIFIERS: dict[str, str] = {"余": "more-than", "多": "more-than"}
RANGE_LINKS = "-~～—–至到"

_ARABIC = re.compile(r"\d[\d.,]*")
_CN_RUN = re.compile(rf"[{CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?")
_VALID_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_SPACE = " \t\u3000\xa0"
# a one-character unit that begins a word is no unit: 3项目 / 两部分 / 2期间
_UNIT_WORDS = frozenset(("项目", "部分", "部门", "期间", "场所", "条件", "台账", "名单", "间隔", "元素"))


def _private_use(ch: str) -> bool:
    return unicodedata.category(ch) == "Co"


class _Folds(dict[int, str]):
    """NFKC of each non-ASCII character on its own, as a str.translate table filled on first use: one
    character for one character (a fold to several characters, and ㎡, keep the character)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        n = "-" if ch == "−" else unicodedata.normalize("NFKC", ch)
        out = self[code] = n if len(n) == 1 and ch not in "㎡" else ch
        return out


_FOLDS = _Folds()
# private-use characters (unicodedata category Co): the only ones whose fold depends on their neighbours
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """NFKC one character at a time, keeping the length (so spans stay valid); ㎡ and ‰ are kept.

    A private-use glyph between two digits is the decimal point of a font without a Unicode mapping for it
    (Founder/方正 fonts print ２２２１<U+1001B0>７ for 2221.7); any other character between digits, a space
    included, is left alone."""
    if text.isascii():
        return text
    if not _PRIVATE_USE.search(text):
        return text.translate(_FOLDS)
    out = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            continue
        n = unicodedata.normalize("NFKC", ch)
        if ch == "−":
            n = "-"
        elif _private_use(ch) and 0 < i < len(text) - 1 and _digit(text[i - 1]) and _digit(text[i + 1]):
            n = "."
        out.append(n if len(n) == 1 and ch not in "㎡" else ch)
    return "".join(out)


def _digit(ch: str) -> bool:
    return "0" <= unicodedata.normalize("NFKC", ch) <= "9" and len(unicodedata.normalize("NFKC", ch)) == 1


# ------------------------------------------------------------------ decimals


def _arabic_value(s: str) -> tuple[Decimal, int] | None:
    """A strictly valid Arabic number (thousands groups of three, one point)."""
    if not _VALID_ARABIC.fullmatch(s):
        return None
    digits = s.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    try:
        return Decimal(digits), decimals
    except InvalidOperation:
        return None


def chinese_value(s: str) -> tuple[Decimal, int] | None:
    """一百二十三 → 123; 两千 → 2000; 三千五百万 → 35000000; 二〇二三 → 2023; 三点五 → 3.5."""
    if not s or any(ch not in CN_CHARS and ch != "点" for ch in s):
        return None
    frac = ""
    if "点" in s:
        s, frac = s.split("点", 1)
        if not frac or any(ch not in CN_DIGITS for ch in frac) or not s:
            return None
    if len(s) > 1 and all(ch in CN_DIGITS for ch in s):
        whole = int("".join(str(CN_DIGITS[ch]) for ch in s))  # positional: 二〇二三
    else:
        total = section = number = 0
        for ch in s:
            if ch in CN_DIGITS:
                number = CN_DIGITS[ch]
            elif ch in CN_SMALL:
                section += (number or 1) * CN_SMALL[ch]
                number = 0
            elif ch == "万":
                total += (section + number) * 10**4
                section = number = 0
            else:  # 亿
                total = (total + section + number) * 10**8
                section = number = 0
        whole = total + section + number
    if frac:
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return Decimal(f"{whole}.{digits}"), len(digits)
    return Decimal(whole), 0


def parse_decimal(text: str) -> tuple[Decimal, int] | None:
    """The value and printed decimals of a bare number: '2,998.29' → (2998.29, 2); '－5' → (-5, 0)."""
    s = normalize(text).strip(_SPACE + "\r\n")
    sign = 1
    if s[:1] in ("-", "+"):
        sign = -1 if s[0] == "-" else 1
        s = s[1:].lstrip(_SPACE)
    got = _arabic_value(s) if s[:1].isdigit() else chinese_value(s)
    if got is None:
        return None
    value, decimals = got
    return (-value if sign < 0 else value), decimals


# ------------------------------------------------------------------ quantities


@lru_cache(maxsize=1)
def _unit_re() -> re.Pattern[str]:
    units = [u for u in known_units() if u not in PREFIXES]
    return re.compile("|".join(re.escape(u) for u in units))


@lru_cache(maxsize=1)
def _prefix_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in PREFIXES))


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    """Names that look like quantities (八项规定, 两个维护): data/not_quantities.txt."""
    path = DATA / "not_quantities.txt"
    if not path.exists():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.startswith("#"))


class _Num:
    __slots__ = ("start", "end", "value", "decimals", "chinese")

    def __init__(self, start: int, end: int, value: Decimal, decimals: int, chinese: bool) -> None:
        self.start, self.end, self.value, self.decimals, self.chinese = start, end, value, decimals, chinese


def _number_at(norm: str, i: int) -> tuple[_Num | None, int]:
    """The number starting at i (None if malformed) and the end of the run it consumed."""
    m = _ARABIC.match(norm, i)
    if m:
        run = m.group()
        end = m.end()
        while run and run[-1] in ".,":  # sentence punctuation after the number (全角，→ ,)
            run, end = run[:-1], end - 1
        got = _arabic_value(run)
        if got is None:
            return None, m.end()
        value, decimals = got
        start = i
        if i > 0 and norm[i - 1] == "-" and (i < 2 or not (norm[i - 2].isdigit() or norm[i - 2] in "%")):
            start, value = i - 1, -value
        return _Num(start, end, value, decimals, False), end
    m = _CN_RUN.match(norm, i)
    if m:
        run = m.group()
        got = chinese_value(run)
        if got is None:
            return None, m.end()
        return _Num(i, m.end(), got[0], got[1], True), m.end()
    return None, i + 1


def _skip_space(norm: str, j: int, limit: int = 2) -> int:
    k = j
    while k < len(norm) and k - j < limit and norm[k] in _SPACE + "\r\n":
        k += 1
    return k


def _tail(norm: str, j: int, chinese_mult: str) -> tuple[str, str, int]:
    """After a number: [余|多][万|亿][余|多][unit][以上…]. Returns (unit, approx, end)."""
    approx = "exact"
    mult = chinese_mult
    k = _skip_space(norm, j)
    if k < len(norm) and norm[k] in INNER_QUALIFIERS and not chinese_mult:
        nxt = norm[k + 1 : k + 2]
        if nxt and (_prefix_re().match(norm, k + 1) or _unit_re().match(norm, k + 1)):
            approx, k = INNER_QUALIFIERS[norm[k]], k + 1
    if not mult:
        pm = _prefix_re().match(norm, k)
        if pm:
            mult, k = pm.group(), pm.end()
    if mult and k < len(norm) and norm[k] in INNER_QUALIFIERS and approx == "exact":
        if _unit_re().match(norm, k + 1):
            approx, k = INNER_QUALIFIERS[norm[k]], k + 1
    unit = ""
    um = _unit_re().match(norm, _skip_space(norm, k))
    if um and norm[um.start() : um.start() + 2] not in _UNIT_WORDS:
        unit = um.group()
        k = um.end()
    full = mult + unit
    if not full:
        return "", approx, j
    for word, kind in SUFFIX_QUALIFIERS.items():
        if norm.startswith(word, k) and approx == "exact":
            approx, k = kind, k + len(word)
            break
    return full, approx, k


# 节约/预约/最近/附近 end in a qualifier character but are words of their own
_NOT_QUALIFIER_BEFORE = {"约": "节制预契合签简条集邀相隐特公", "近": "最附接靠亲就贴远邻"}


def _prefix_qualifier(norm: str, start: int) -> tuple[str, int]:
    offset = max(0, start - 8)  # qualifiers are short: look at a window, not the whole text
    head = norm[offset:start].rstrip(_SPACE)
    for word, kind in PREFIX_QUALIFIERS:
        if head.endswith(word):
            before = head[-len(word) - 1 : -len(word)]
            if before and before in _NOT_QUALIFIER_BEFORE.get(word, ""):
                continue
            return kind, offset + len(head) - len(word)
    return "exact", start


_PLACE_UNITS = frozenset(("村", "组", "队", "社区", "小区", "街", "巷", "路", "号"))


_PLACE_ENDS = frozenset("县市区镇乡村旗山")


def _is_name_like(norm: str, num: _Num, unit: str, text: str) -> bool:
    """Chinese numerals that are articles (一名导师), magnitudes in names (千亩片) or inside quoted names."""
    if not num.chinese:
        return False
    run = norm[num.start : num.end]
    if run == "一" and unit in ("个百分点", "百分点"):
        return False  # 下降一个百分点 is a figure, not an article
    if run in ("一", "零", "〇", "百", "千", "万", "亿"):  # 零件, 千家万户
        return True
    if run == "十" and unit == "分":  # 十分重视
        return True
    if unit == "类":  # 二类高层建筑, 一类地区: a grade, not a count
        return True
    if len(run) == 1 and unit in _PLACE_UNITS and num.start > 0 and "\u4e00" <= norm[num.start - 1] <= "\u9fff":
        return True  # 长风二村, 新村五组: a place's name (a count of villages says 个: 五个村)
    end = num.end + len(unit)
    if (
        len(run) == 1
        and unit
        and unit not in ("个", "名", "家", "所", "座")  # (三个县, 两所乡镇学校: counts of places)
        and norm[end : end + 1] in _PLACE_ENDS
        and norm[end + 1 : end + 2] not in _PLACE_ENDS
    ):
        return True  # 三台县, 五台山, 六盘水市: a place named with a numeral and a counter, no count
    # a Chinese numeral inside a short quoted name: “一件事一次办”, “三长制”
    open_q = max(text.rfind("“", 0, num.start), text.rfind('"', 0, num.start))
    if open_q >= 0:
        close_q = text.find("”", open_q)
        if close_q > num.start and close_q - open_q <= 16:
            return True
    return False


def _make(value: Decimal, decimals: int, unit: str, text: str, approx: str, high: Decimal | None) -> Quantity | None:
    info = unit_info(unit) if unit else None
    if unit and info is None:
        return None
    if info is None:
        base_value, base_unit, dimension = value, "", "unknown"
    else:
        base_value, base_unit, dimension = value * info.factor, info.base_unit, info.dimension
    return Quantity(
        value=value,
        unit=unit,
        base_value=base_value,
        base_unit=base_unit,
        dimension=dimension,
        decimals=decimals,
        text=text,
        approx=approx,
        high=high,
    )


def _percent_words(norm: str, i: int) -> tuple[_Num, str, int] | None:
    """百分之十 / 百分之82.5 / 千分之三 at i."""
    for word, unit in (("百分之", "%"), ("千分之", "‰")):
        if norm.startswith(word, i):
            j = i + len(word)
            num, _ = _number_at(norm, j)
            if num is None or num.start != j:
                return None
            return num, unit, num.end
    return None


def _scan(text: str, require_unit: bool) -> list[tuple[tuple[int, int], Quantity]]:
    norm = normalize(text)
    out: list[tuple[tuple[int, int], Quantity]] = []
    blocked = _blocked_spans(norm)
    i = 0
    n = len(norm)
    while i < n:
        ch = norm[i]
        if ch == "百" or ch == "千":
            pw = _percent_words(norm, i)
            if pw is not None:
                pnum, unit, end = pw
                approx, qstart = _prefix_qualifier(norm, i)
                q = _make(pnum.value, pnum.decimals, unit, text[qstart:end], approx, None)
                if q is not None:
                    out.append(((qstart, end), q))
                i = end
                continue
        if not (ch.isdigit() or ch in CN_CHARS):
            i += 1
            continue
        num, run_end = _number_at(norm, i)
        if num is None:
            i = max(run_end, i + 1)
            continue
        if _EXPONENT_BEFORE.search(norm, max(0, num.start - 3), num.start):
            i = max(num.end, i + 1)  # 3.2E+2公里: the exponent of a number printed in scientific notation, no amount
            continue
        chinese_mult = ""
        if num.chinese:
            run = norm[num.start : num.end]
            if len(run) > 1 and run[-1] in CN_BIG and "点" not in run:
                got = chinese_value(run[:-1])
                if got is not None:
                    chinese_mult = run[-1]
                    num = _Num(num.start, num.end, got[0], got[1], True)
        unit, approx, end = _tail(norm, num.end, chinese_mult)
        if not unit and not num.chinese:
            unit = _shared_unit(norm, num.end)
        high = None
        # a range: 5-15户, 5至15户, 5%-10%
        k = end if unit in ("%", "‰") else num.end
        if k < n and norm[k] in RANGE_LINKS and k + 1 < n:
            num2, _ = _number_at(norm, k + 1)
            if num2 is not None and num2.start == k + 1 and num2.chinese == num.chinese and num2.value >= num.value:
                unit2, approx2, end2 = _tail(norm, num2.end, "")
                if unit2 and (not unit or unit == unit2 or unit == "%"):
                    unit, approx, end = unit2, approx2 if approx == "exact" else approx, end2
                    high = num2.value
                    num.decimals = max(num.decimals, num2.decimals)
                elif not unit:
                    # 1-11月: a date range, not a quantity; skip both numbers
                    i = num2.end
                    continue
        prev = norm[num.start - 1] if num.start > 0 else ""
        bad = (
            prev in ("第", ".")  # 第一 is an ordinal; ..5 / .5 are malformed
            or (prev.isascii() and prev.isalpha())
            or (require_unit and not unit)
            or _is_name_like(norm, num, unit, text)
            or any(s < end and num.start < e for s, e in blocked)
        )
        if not bad and approx == "exact":
            approx, qstart = _prefix_qualifier(norm, num.start)
        else:
            qstart = num.start
        if not bad:
            q = _make(num.value, num.decimals, unit, text[qstart:end], approx, high)
            if q is not None:
                out.append(((qstart, end), q))
        i = max(end, run_end, i + 1)
    return out


_LIST_LINK = re.compile(r"[ \t]*[、和及与][ \t]*")
_SHARED_DIMENSIONS = ("money", "percent", "pp", "points", "area", "weight", "length")


def _shared_unit(norm: str, j: int) -> str:
    """The unit of the last number of a list of bare numbers ("分别为3539.05、541.41、298.64万元"): printed once,
    it is every item's. Only measures (money, %, 个百分点, 分, 亩, 吨, 公里): "2024、2025年" are years and "10、11月"
    months, not a list of quantities, and "1、2号楼" names buildings."""
    k = j
    while True:
        link = _LIST_LINK.match(norm, k)
        if link is None:
            return ""
        m = _ARABIC.match(norm, link.end())
        if m is None:
            return ""
        num, _ = _number_at(norm, link.end())
        if num is None:
            return ""
        unit, _, _ = _tail(norm, num.end, "")
        if unit:
            info = unit_info(unit)
            return unit if info is not None and info.dimension in _SHARED_DIMENSIONS else ""
        k = num.end


_EXPONENT_BEFORE = re.compile(r"\d[Ee][+-]?$")


def _blocked_spans(norm: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in _names():
        start = norm.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = norm.find(name, start + 1)
    return spans


def find_quantities(text: str) -> list[tuple[tuple[int, int], Quantity]]:
    """Every quantity in narrative text with its (start, end) span in `text`."""
    if not text:
        return []
    return _scan(text, require_unit=True)


# a bracketed figure of three digits or more (or with decimals), or one after △: never an ordinal (1), (2)
_ACCOUNTING_NEGATIVE = re.compile(
    r"\(\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,}(?:\.\d+)?|\d+\.\d+)\s*\)|△\s*(?P<m>\d[\d,]*(?:\.\d+)?)"
)
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=16384)
def parse_quantity(text: str, default_unit: str = "") -> Quantity | None:
    """A whole table cell as one quantity ('2.5万亩　', '99.7%', '≥10万元', '9.84'); None when it is not one.

    Cached per text: table checks ask again for the cells the reader of facts parsed (a Quantity is frozen)."""
    if not text:
        return None
    stripped = text.strip(_SPACE + "\r\n")
    if not stripped:
        return None
    negative = _ACCOUNTING_NEGATIVE.fullmatch(normalize(stripped))
    figure = (negative.group("n") or negative.group("m")) if negative is not None else ""
    if figure and not _YEAR_ALONE.fullmatch(figure):
        # （2,580.00） and △2580 in a table's cell: a negative amount, as accountants print one
        q = parse_quantity("-" + figure, default_unit)
        return replace(q, text=stripped) if q is not None else None
    found = _scan(stripped, require_unit=False)
    if len(found) != 1:
        return None
    (start, end), q = found[0]
    if start != 0 or end != len(stripped):
        return None
    if not q.unit and default_unit:
        info = unit_info(default_unit)
        if info is None:
            return None
        made = _make(q.value, q.decimals, default_unit, q.text, q.approx, q.high)
        return made
    return q
