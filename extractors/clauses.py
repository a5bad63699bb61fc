"""Sentences, clauses and section headings of narrative paragraphs.

Spans are character offsets into the paragraph text. Headings are recognised
by their printed labels (一、 （一） 1. (1)) or by Paragraph.level; the
heading path a paragraph stands under becomes Claim.section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.headings import label_number, section_label
from extractors.model import Paragraph

SENTENCE_END = "。！？!?"
CLAUSE_BREAK = "，,；;：:、"

# clause-level depth of each label kind (第一部分 parts are not clause sections)
_LEVELS = {"cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4}
MAX_TITLE = 40
MAX_CLAUSE = 400  # characters; no real clause between two commas is longer


def is_thousands_comma(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _full_stop(text: str, i: int) -> bool:
    """A Latin full stop used as 。 (some typesetters map 。 to '.'): after Chinese text, not inside a number
    or after a section number (1.全市)."""
    if text[i] not in ".．" or i == 0:
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else ""
    if before in ".．" or after in (".", "．"):
        return False  # an ellipsis written with dots
    return not (before.isascii() and before.isalnum()) and not ("0" <= after <= "9") and not before.isdigit()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, the end mark included; a trailing sentence without one too."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END or _full_stop(text, i):
            if text[start : i + 1].strip():
                out.append((start, i + 1))
            start = i + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def clause_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where clauses begin inside text[start:end] (commas between digits do not break)."""
    out = [start]
    for i in range(start, end):
        ch = text[i]
        if ch in CLAUSE_BREAK and not (ch in ",，" and is_thousands_comma(text, i)) and not _JOINED_NAME(text, i):
            out.append(i + 1)
    return out


_NAME_BRACKET = 10  # characters: a bracket inside a name is short (县（市、区）, 乡（镇、街道）)


def split_clauses(text: str) -> list[str]:
    """text cut at its clause breaks, but not inside a name (县（市、区）配套资金) or a number (1,234)."""
    starts = clause_starts(text, 0, len(text))
    return [text[a : b - 1] for a, b in zip(starts, starts[1:], strict=False)] + [text[starts[-1] :]]


def _JOINED_NAME(text: str, i: int) -> bool:
    """收、支总预算 / 收、支总计: one name of both sides of a balanced total, not two clauses; and a 、 inside a short
    bracket of a name (县（市、区）配套资金), which the name goes on after."""
    if text[i] != "、":
        return False
    if text[i - 1 : i] == "收" and text[i + 1 : i + 2] == "支":
        return True
    opened = max(text.rfind("（", max(i - _NAME_BRACKET, 0), i), text.rfind("(", max(i - _NAME_BRACKET, 0), i))
    if opened < 0 or any(ch in "）)，,。；;" for ch in text[opened + 1 : i]):
        return False
    rest = text[i + 1 : i + 1 + _NAME_BRACKET]
    close = min((k for k in (rest.find("）"), rest.find(")")) if k >= 0), default=-1)
    return close >= 0 and not any(ch in "（(，,。；;" or ch.isdigit() for ch in rest[:close])


def clause_start_before(text: str, sentence_start: int, pos: int) -> int:
    """Start of the clause holding position pos. Scans back from pos, at most MAX_CLAUSE characters, so
    text with no punctuation at all (a 200-page run of figures) stays linear."""
    for i in range(pos - 1, max(sentence_start, pos - MAX_CLAUSE) - 1, -1):
        ch = text[i]
        if ch in CLAUSE_BREAK and not (ch in ",，" and is_thousands_comma(text, i)) and not _JOINED_NAME(text, i):
            return i + 1
    return max(sentence_start, pos - MAX_CLAUSE)


# ------------------------------------------------------------------ headings


def heading_label(text: str) -> tuple[int, str] | None:
    """(level, label) when the text starts with a section label: 一、 → 1, （二） → 2, 1. / 4、 → 3, (1) → 4."""
    found = section_label(text)
    if found is None or found[0] not in _LEVELS:
        return None
    return _LEVELS[found[0]], found[1]


def heading_title(text: str) -> str:
    """The path entry a heading paragraph makes: its first sentence, cut at MAX_TITLE."""
    t = text.strip()
    for i, ch in enumerate(t):
        if ch in "。；;！？" or _full_stop(t, i):
            t = t[:i]
            break
    return t if len(t) <= MAX_TITLE else t[:MAX_TITLE] + "…"


@dataclass
class SectionTracker:
    """Follows headings in reading order and gives each paragraph its heading path."""

    path: dict[int, str] = field(default_factory=dict)
    numbers: dict[int, int | None] = field(default_factory=dict)

    def visit(self, para: Paragraph) -> str:
        """Update the path with this paragraph (when it is a heading) and return its section."""
        text = para.text.strip()
        found = heading_label(text)
        level: int | None = None
        number: int | None = None
        if found is not None:
            level, label = found
            number = label_number(label)
            # a top-level heading mis-typed with an Arabic label (4、 after 三、) when no 3. sibling precedes it
            top = self.numbers.get(1)
            if (
                level == 3
                and number is not None
                and top is not None
                and number == top + 1
                and self.numbers.get(3) != number - 1
                and 2 not in self.path
            ):
                level = 1
        elif para.level is not None and len(text) <= MAX_TITLE * 2:
            level = para.level
        if level is None:
            return self.render()
        for deeper in [k for k in self.path if k >= level]:
            del self.path[deeper]
            self.numbers.pop(deeper, None)
        self.path[level] = heading_title(text)
        self.numbers[level] = number
        return self.render()

    def render(self) -> str:
        return " › ".join(self.path[k] for k in sorted(self.path))
