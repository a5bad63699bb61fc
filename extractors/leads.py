"""What stands right before a narrative figure: the words of its clause (its lead) and whether only a few
words separate it from the figure before it. The checks read these from the claims, not from the text.

A PDF reader may give a printed line its own paragraph, so a clause can begin in the paragraph before; a
section title run into its body text (六、…情况说明一般公共预算财政拨款基本支出5377.64万元) is not part of the
clause, and the clause cannot have begun before the title.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.model import Claim, Paragraph
from extractors.outline import heading_level, merged_heading

MAX_LEAD = 400  # characters before a figure that can hold the words leading to it
CLAUSE = re.compile(r"[，,；;。：:]")
# where a lead is cut: a clause mark, but not the thousands comma of the figure before (3,120万元、债务还本支出)
_LEAD_CUT = re.compile(r"[，；;。：:]|(?<![0-9]),|,(?![0-9]{3})")
NEAR = 20  # at most this many characters (no figure, no sentence end) between two adjacent figures
_QUOTES = "“”\"'‘’"


@lru_cache(maxsize=4096)
def compact(text: str) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in t if not ch.isspace() and ch not in _QUOTES)


def text_before(text: str, start: int, previous: Paragraph | None) -> str:
    """The text before character `start` of a paragraph that may lead to the figure there (`previous`: the
    paragraph right before it in the document, when the block before is a paragraph)."""
    lo = max(0, start - MAX_LEAD)  # a clause is short; a page-long run of figures stays linear
    before = text[lo:start]
    head = merged_heading(text) if lo == 0 else None
    if head and before.lstrip().startswith(head):
        return before.lstrip()[len(head) :].lstrip("。")
    if not CLAUSE.search(before) and previous is not None:
        if not previous.text.rstrip().endswith(("。", "；", ";")) and heading_level(previous.text.strip()) is None:
            before = previous.text + before
    return before


def _near(gap: str) -> bool:
    gap = compact(gap)
    return len(gap) <= NEAR and not re.search(r"\d|[。；;]", gap)


def annotate(claims: list[Claim], para: Paragraph, previous: Paragraph | None, earlier: list[Claim]) -> None:
    """Set each claim's lead and follows. `earlier`: the claims of `previous`."""
    text = para.text
    spans = sorted({c.prov.span for c in claims if c.prov.span is not None})
    last_before = max((c.prov.span for c in earlier if c.prov.span is not None), default=None)
    for c in claims:
        if c.prov.span is None or c.prov.block is None:
            continue
        start = c.prov.span[0]
        c.lead = _LEAD_CUT.split(unicodedata.normalize("NFKC", text_before(text, start, previous)))[-1]
        prior = [s for s in spans if s[1] <= start]
        if prior:
            if _near(text[prior[-1][1] : start]):
                c.follows = (c.prov.block, prior[-1][1])
        elif previous is not None and previous.prov.block is not None and last_before is not None:
            if _near(previous.text[last_before[1] :] + text[:start]):
                c.follows = (previous.prov.block, last_before[1])
