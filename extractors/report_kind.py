"""The kind of a report (部门决算, 部门预算, 预算执行情况和预算草案的报告, 地方政府债务表 …) from its title,
its contents and its table titles; the cue words live in data/report_kinds.csv.

Rules declare the kinds they apply to; on a report of kind `other` only rules that need no kind knowledge
run, and at most at warning.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.model import Document, Paragraph, Table

DATA = Path(__file__).resolve().parent / "data"
OTHER = "other"
KINDS = (
    "部门决算",
    "单位决算",
    "部门预算",
    "单位预算",
    "部门整体支出绩效自评报告",
    "项目支出绩效自评表",
    "财政支出绩效评价报告",
    "预算执行情况和预算草案的报告",
    "政府决算",
    "地方政府债务表",
    OTHER,
)
# the kinds whose figures are a department's or a unit's own (one scope), and the government-wide ones
DEPARTMENT_KINDS = frozenset(("部门决算", "单位决算", "部门预算", "单位预算"))
PERFORMANCE_KINDS = frozenset(("部门整体支出绩效自评报告", "项目支出绩效自评表", "财政支出绩效评价报告"))
GOVERNMENT_KINDS = frozenset(("预算执行情况和预算草案的报告", "政府决算", "地方政府债务表"))
# a department's or unit's 决算 and 预算: the two national templates
DEPARTMENT_FINAL_KINDS = frozenset(("部门决算", "单位决算"))
DEPARTMENT_BUDGET_KINDS = frozenset(("部门预算", "单位预算"))
TITLE_LINES = 8  # the title is among the document's first paragraphs (before 目录 and the body)
TITLE_MAX = 80


def in_order(*groups: Iterable[str]) -> tuple[str, ...]:
    """The kinds of the given groups, once each, in the order of KINDS (for a rule's `kinds`)."""
    wanted = {k for g in groups for k in g}
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown report kinds: {sorted(unknown)}")
    return tuple(k for k in KINDS if k in wanted)


@dataclass(frozen=True)
class Cue:
    kind: str
    where: str  # title | toc
    weight: int
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    out: list[Cue] = []
    with (DATA / "report_kinds.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            if row["kind"] not in KINDS:
                raise ValueError(f"report_kinds.csv: unknown kind {row['kind']!r}")
            if row["where"] not in ("title", "toc"):
                raise ValueError(f"report_kinds.csv: unknown place {row['where']!r}")
            out.append(Cue(row["kind"], row["where"], int(row["weight"]), re.compile(row["pattern"], re.MULTILINE)))
    return tuple(out)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


COVER_COLS = 6  # a cover laid out as a table (a workbook's 封面 sheet) spreads its lines over a few columns at most
COVER_ROWS = 12
_FIGURE = re.compile(r"^[\d,，.．%％\-－—\s]+$")


def _cover_lines(table: Table) -> list[str]:
    """The lines of a cover laid out as a small table of text before any paragraph (a workbook's 封面 sheet: 云岭市 /
    2024年地方财政预算执行情况和2025年地方财政预算（草案） / 云岭市财政局编制); a table holding figures is data."""
    if table.n_cols > COVER_COLS or table.n_rows > COVER_ROWS:
        return []
    cells = [c.text for c in table.cells if c.text.strip()]
    if any(_FIGURE.match(t) and re.search(r"\d", t) for t in cells):
        return []
    texts = [*(table.title or "").split(), *cells]
    return [x for x in (_plain(t) for t in texts) if x and len(x) <= TITLE_MAX]


def _names_a_kind(lines: list[str]) -> bool:
    text = "".join(lines) + "\n" + "\n".join(lines)
    return any(cue.where == "title" and cue.pattern.search(text) for cue in cues())


_RUN_IN_TITLE = re.compile(r"^[^，,。；;：:]{4,60}?(?:报告|自评表|评价表|公开表)")


def title_lines(doc: Document) -> list[str]:
    """The document's first short paragraphs before its contents or body (a title may be wrapped over two)."""
    out: list[str] = []
    for block in doc.blocks[: TITLE_LINES * 2]:
        if isinstance(block, Table) and not out:
            cover = _cover_lines(block)
            if _names_a_kind(cover):  # a box that names no kind (附件2, 索引号 | 发布机构) is not the title
                return cover[: TITLE_LINES * 2]
            continue
        if not isinstance(block, Paragraph):
            if out:
                break
            continue
        text = _plain(block.text)
        if text in ("目录", "目錄") or len(out) >= TITLE_LINES:
            break
        if out and "。" in text:
            break  # a sentence (…债务余额861.70亿元，…以内。): the body has begun, the title is over
        if text and len(text) <= TITLE_MAX:
            out.append(text)
        elif not out and (run_in := _RUN_IN_TITLE.match(text)):
            out.append(run_in.group(0))  # …项目绩效评价报告受…委托，…: a title the reader ran into the first paragraph
    return out


def _toc_lines(doc: Document) -> list[str]:
    lines = [_plain(t.title or "") for t in doc.tables()]
    lines += [_plain(p.text) for p in doc.paragraphs() if len(p.text) <= TITLE_MAX and "表" in p.text]
    return [x for x in lines if x]


def classify(doc: Document) -> str:
    """The report's kind, one of KINDS."""
    titles = title_lines(doc)
    title = "".join(titles)
    title_text = title + "\n" + "\n".join(titles)
    scores: dict[str, int] = {}
    for cue in cues():
        if cue.where == "title" and cue.pattern.search(title_text):
            scores[cue.kind] = scores.get(cue.kind, 0) + cue.weight * 100
    if not scores:
        for line in _toc_lines(doc):
            for cue in cues():
                if cue.where == "toc" and cue.pattern.search(line):
                    scores[cue.kind] = scores.get(cue.kind, 0) + cue.weight
    if not scores:
        return OTHER
    return max(scores, key=lambda k: (scores[k], -KINDS.index(k)))
