"""Section labels (第一部分, 一、, （二）, 1. / 4、, (1)) — the one grammar that readers, claims and checks share."""

from __future__ import annotations

import re

from extractors.numbers import chinese_value

CN_NUMERALS = "一二三四五六七八九十百"
# a private-use glyph where a font without a Unicode mapping for its full stop prints "２．" (Founder fonts)
_PUA_DOT = "\ue000-\uf8ff\U000f0000-\U0010ffff"

# kind → the label at the start of a line; order matters (the first match wins)
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第[{CN_NUMERALS}]+(?:部分|章|节)")),
    ("cn", re.compile(rf"^[{CN_NUMERALS}]+\s*[、.．{_PUA_DOT}]")),
    ("cn-paren", re.compile(rf"^[（(]\s*[{CN_NUMERALS}]+\s*[）)]")),
    # 1、 1. but not 1.5; "1.2023年的重点工作" is a label before a year
    ("arabic", re.compile(rf"^\d{{1,2}}\s*(?:、|[.．](?!\d)|[.．](?=\d{{4}}年)|[{_PUA_DOT}](?!\d))")),
    ("arabic-paren", re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
)


def section_label(text: str) -> tuple[str, str] | None:
    """(kind, label) when the text starts with a section label, e.g. ("cn-paren", "（二）"); else None."""
    t = text.lstrip()
    for kind, pattern in LABELS:
        m = pattern.match(t)
        if m:
            return kind, m.group()
    return None


def label_number(label: str) -> int | None:
    """The number a label counts: 一、 → 1, （十二） → 12, 4、 → 4, 第三部分 → 3."""
    digits = re.sub(r"\D", "", label)
    if digits:
        return int(digits)
    numeral = re.sub(rf"[^{CN_NUMERALS}]", "", label)
    parsed = chinese_value(numeral) if numeral else None
    return int(parsed[0]) if parsed else None
