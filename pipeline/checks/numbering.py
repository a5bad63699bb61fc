"""numbering — section numbers in sequence: 一、二、三、 then 4、 where 四、 belongs."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.headings import label_number, section_label
from pipeline.checks.base import Context, rule
from pipeline.findings import Finding

FAMILY = "numbering"
SEQUENCE = rule(
    FAMILY,
    "heading-sequence",
    "warning",
    "章节编号不连续",
    "“{text}”处应为“{expected}”",
    "outline",
)
RULES = [SEQUENCE]

_CN = "一二三四五六七八九十"


def _numbered(text: str, kind: str) -> int | None:
    found = section_label(text)
    return label_number(found[1]) if found is not None and found[0] == kind else None


def _titled_tables(ctx: Context) -> list[tuple[int, int]]:
    """(block, number) of the tables whose title opens with a 一、-style number: a heading printed as a table's
    title (四、一般公共预算（本级）支出决算表 over its table) is a heading the outline does not hold."""
    tables = ctx.doc.tables() if ctx.doc is not None else []
    return [(t.prov.block or 0, n) for t in tables if (n := _numbered((t.title or "").strip(), "cn")) is not None]


def check(ctx: Context) -> Iterator[Finding]:
    heads = [o for o in ctx.outline if o.kind == "heading"]
    tops = [(i, n) for i, o in enumerate(heads) if (n := _numbered(o.text, "cn")) is not None]
    titled = _titled_tables(ctx)
    for (i, a), (j, b) in zip(tops, tops[1:], strict=False):
        if a is None or b is None or b != a + 2:
            continue
        want = _CN[a] if a < 10 else None
        if want is None:
            continue
        if any((h.level or 9) < min(heads[i].level or 9, heads[j].level or 9) for h in heads[i + 1 : j]):
            continue  # 第二部分 between them: the numbering starts again
        lo, hi = heads[i].prov.block or 0, heads[j].prov.block or 0
        if any(lo < block < hi and n == a + 1 for block, n in titled):
            continue  # the missing heading is the title of a table between them
        culprit = next((h for h in heads[i + 1 : j] if _numbered(h.text, "arabic") == a + 1), None)
        target = culprit or heads[j]
        if culprit is not None:
            msg = f"“{heads[i].text.strip()}”之后的一级标题“{culprit.text.strip()}”编号应为“{want}、”（其余一级标题用汉字编号）"
        else:
            msg = f"一级标题从“{heads[i].text.strip()[:2]}”跳到“{heads[j].text.strip()[:2]}”，缺少“{want}、”"
        yield Finding(
            rule=SEQUENCE.id,
            severity="warning",
            prov=target.prov,
            subject="章节编号",
            stated_text=target.text,
            explanation=msg,
            related=[heads[i].prov, heads[j].prov],
            derivation=f"{heads[i].text.strip()[:2]} → {want}、 → {heads[j].text.strip()[:2]}",
        )
