"""numbering — section numbers in sequence: 一、二、三、 then 4、 where 四、 belongs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.headings import label_number, section_label
from extractors.model import Provenance
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
        if _opens_a_paragraph(ctx, lo, hi, want):
            continue  # 四、实施方案按照…: the heading ran into its body text, too long to be read as a heading
        culprit = next((h for h in heads[i + 1 : j] if _numbered(h.text, "arabic") == a + 1), None)
        target = culprit or heads[j]
        if culprit is not None:
            msg = f"“{heads[i].text.strip()}”之后的一级标题“{culprit.text.strip()}”编号应为“{want}、”（其余一级标题用汉字编号）"
        else:
            msg = f"一级标题从“{heads[i].text.strip()[:2]}”跳到“{heads[j].text.strip()[:2]}”，缺少“{want}、”"
        yield _gap(
            target.prov,
            target.text,
            msg,
            [heads[i].prov, heads[j].prov],
            f"{heads[i].text.strip()[:2]} → {want}、 → {heads[j].text.strip()[:2]}",
        )
    yield from _second_level(ctx)


def _gap(prov: Provenance, text: str, msg: str, related: list[Provenance], derivation: str) -> Finding:
    return Finding(
        rule=SEQUENCE.id,
        severity="warning",
        prov=prov,
        subject="章节编号",
        stated_text=text,
        explanation=msg,
        related=related,
        derivation=derivation,
    )


def _opens_a_paragraph(ctx: Context, lo: int, hi: int, number: str) -> bool:
    paragraphs = ctx.doc.paragraphs() if ctx.doc is not None else []
    return any(lo < (p.prov.block or 0) < hi and p.text.lstrip().startswith(number + "、") for p in paragraphs)


_OPENERS = ("cn", "part")  # a 一、 or a 第X部分 starts the （一） numbering again


# a number right after a sentence's end that opens a section, not one that refers to sections (（一）（二）两项…, （一）至（三）)
_INLINE_PAREN = re.compile(r"(?<=[。；;])\s*[（(][一二三四五六七八九十]+[）)](?![（(、和与及至两])")
_TOC_LINE = re.compile(r"(?:[.．…·]{3,}|\s{2,})\s*\d+\s*$")  # a contents line: dot leaders and a page number


def _second_level(ctx: Context) -> Iterator[Finding]:
    """（一）（二）（四）: the paragraphs and headings that open with a （一）-style number — and the numbers right after a
    sentence's end inside one (a PDF may join 「（一）….」 and 「（二）….」 into one paragraph) — in reading order, counted
    again after each 一、-style heading or 第X部分. Only a number skipped by one is a gap (a numbering that starts
    again, or jumps further, is another list)."""
    if ctx.doc is None:
        return
    last: tuple[int, Provenance, str] | None = None
    for p in ctx.doc.paragraphs():
        if _TOC_LINE.search(p.text):
            continue
        found = section_label(p.text)
        if found is not None and found[0] != "cn-paren":
            last = None if found[0] in _OPENERS else last
            continue
        labels = ([found[1]] if found is not None else []) + [m.group().strip() for m in _INLINE_PAREN.finditer(p.text)]
        for label in labels:
            n = label_number(label)
            if n is None:
                continue
            if last is not None and n == last[0] + 2 and n - 1 <= len(_CN):
                want = f"（{_CN[n - 2]}）"
                msg = f"二级标题从“{last[2]}”跳到“{label}”，缺少“{want}”"
                yield _gap(p.prov, p.text[:40], msg, [last[1]], f"{last[2]} → {want} → {label}")
            last = (n, p.prov, label)
