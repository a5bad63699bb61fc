"""reason — a stated change whose 主要原因 names the opposite movement.

"比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加。" — the figures fall, the
reason says they rose. The change family checks the percent against the figures; this family checks the
reason sentence right after it, when that sentence ends on a bare 增加/减少 (the template's wording).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.checks.base import Context, claim_figure, make_finding, rule
from pipeline.findings import Finding

FAMILY = "reason"
OPPOSITE = rule(
    FAMILY,
    "opposite-direction",
    "warning",
    "主要原因所说的增减方向与所述变化相反",
    "写“{stated}”，其主要原因却是“{reason}”",
    "narrative",
    "direction",
)
RULES = [OPPOSITE]

UP = ("增加", "增长", "上升", "提高")
DOWN = ("减少", "下降", "降低", "减幅")
_CHANGE_THEN_REASON = re.compile(
    r"(增加|增长|上升|提高|减少|下降|降低)\s*(\d+(?:\.\d+)?)\s*[%％]\s*[。；]\s*"
    r"(?:其中[^。]*。\s*)?主要原因(?:是|为)?\s*[:：]\s*([^。；]{1,60}?)\s*(增加|增长|上升|提高|减少|下降|降低)\s*[。；]"
)


def _sign(word: str) -> int:
    return 1 if word in UP else -1 if word in DOWN else 0


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.doc is None:
        return
    for para in ctx.doc.paragraphs():
        text = para.text
        for m in _CHANGE_THEN_REASON.finditer(text):
            stated, reason_word = m.group(1), m.group(4)
            if _sign(stated) * _sign(reason_word) >= 0:
                continue
            c = ctx.claim_at(para, m.start(2))
            if c is None:
                continue
            reason = re.sub(r"\s+", "", m.group(3) + reason_word)
            yield make_finding(
                OPPOSITE,
                "warning",
                claim_figure(c),
                f"写“{stated}{m.group(2)}%”，紧接的主要原因却是“{reason}”，增减方向相反；原因或增减用词必有一处有误",
                derivation=f"{stated} vs 原因“…{reason_word}”",
                subject=c.subject,
            )
