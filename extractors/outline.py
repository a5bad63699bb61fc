"""The document's skeleton: headings with levels, table titles, contents (目录) lines and notes.

Checks use the outline to bind a narrative figure to the section it stands in ("三、财政拨款收入
支出决算总体情况说明" → 财政拨款收入支出决算总表), to find the table a section describes, and to
compare the contents with the body (a table listed in 目录 but absent is reported; a table marked
本表无数据 is present, not missing).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from extractors.headings import CN_NUMERALS, section_label
from extractors.model import Document, OutlineEntry, Paragraph, Provenance, Table
from extractors.table_identity import identify_table, normalise_title

# outline depth of each label kind; (1) items are list entries, not sections
_LEVELS = {"part": 1, "cn": 2, "cn-paren": 3, "arabic": 4}
# An unnumbered centred title of a 部门预算 part: 2025年部门预算编制说明, 其他相关情况说明, …主要职能
_TITLE_WORDS = re.compile(r"(说明|主要职能|机构设置|名词解释|概况|情况)$")
_SENTENCE_PUNCT = re.compile(r"[。；;，,：:]")
_TOC_WORD = re.compile(r"^目录$")
_LEADER = re.compile(r"[.．·…\-—_\s]{3,}\s*\d*\s*$|\s+\d{1,3}$")
# "1、一般公共服务支出（类）财政事务（款）行政运行（项）" / "1. “…（项）”": an item of the 具体情况 list
# (a name may hold quotes: 3.公共安全支出（类）检察（款）“两房”建设（项）)
_ITEM = re.compile(r"(?<![\d.])(\d{1,2})[、.．]\s*[“\"]?([^。；;]{2,90}?[（(]\s*项\s*[）)])")
_NOTE = re.compile(r"本表无数据|本表为空表|故本表|无数据|空表|本单位无|本部门无|没有.{0,30}故本表")
MAX_HEADING = 40
# A section title the reader ran into the body text that follows it (no line break between them):
# "六、一般公共预算财政拨款基本支出决算情况说明一般公共预算财政拨款基本支出5377.64万元…". Only titles of the
# 情况说明 kind are split off, so an ordinary "一、加强党的建设。落实…" sentence stays body text.
_MERGED_HEAD = re.compile(
    rf"^\s*((?:[{CN_NUMERALS}]+[、.．]|[（(][{CN_NUMERALS}]+[）)])[^。；;，,：:\n]{{2,38}}?"
    r"(?:决算|预算|经费|收入|支出|资产|采购|绩效|事项)[^。；;，,：:\n]{0,12}?(?:情况说明|情况|说明))(?:。)?(?=\S)(?!说明)"
)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def heading_level(line: str) -> int | None:
    """The heading level of one line, or None when it is body text."""
    t = _clean(line)
    if not t or len(t) > MAX_HEADING:
        return None
    found = section_label(t)
    if found is not None and found[0] in _LEVELS:
        level, body = _LEVELS[found[0]], t[len(found[1]) :]
        # 1、… items are headings only when short and not a sentence; 一、… may end in 。 rarely
        if level >= 2 and _SENTENCE_PUNCT.search(body[:-1] if body.endswith("。") else body):
            return None
        if re.fullmatch(r"[\d.,%]+", body.strip()):
            return None
        return level
    if len(t) <= 30 and not _SENTENCE_PUNCT.search(t) and _TITLE_WORDS.search(t):
        return 1
    return None


def merged_heading(text: str) -> str | None:
    """The section title a paragraph starts with when the reader ran it into the body text, else None."""
    m = _MERGED_HEAD.match(text)
    return m.group(1) if m else None


def _toc_text(line: str) -> str:
    return _LEADER.sub("", _clean(line)).strip()


def _lines(p: Paragraph) -> Iterator[tuple[str, Provenance]]:
    """Each non-empty line with a provenance whose span is the line's offsets in the paragraph."""
    pos = 0
    for line in p.text.splitlines() or [p.text]:
        start = p.text.find(line, pos)
        start = pos if start < 0 else start
        pos = start + len(line)
        if line.strip():
            yield line, p.prov.with_(span=(start, start + len(line)))


def _table_lines(t: Table) -> list[str]:
    """A one-column table whose first cell is 目录 holds the contents (some PDFs draw it as a table)."""
    rows = t.rows()
    if not rows or not rows[0] or not _TOC_WORD.match(_compact(rows[0][0].text)):
        return []
    return [c.text for r in rows[1:] for c in r if c.text.strip()]


def build_outline(doc: Document) -> list[OutlineEntry]:
    """Headings (with levels), table titles, contents lines and notes, in reading order."""
    out: list[OutlineEntry] = []
    in_toc = False
    toc_seen: set[str] = set()
    blocks = doc.blocks
    titled_blocks: set[int] = set()  # paragraph blocks used as a table's title
    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            toc_lines = _table_lines(b)
            if toc_lines:
                out += [OutlineEntry("toc", _toc_text(x), b.prov, heading_level(_toc_text(x))) for x in toc_lines]
                continue
            in_toc = False
            title = b.title or _title_before(blocks, i, titled_blocks)
            out.append(OutlineEntry("table", _clean(title) if title else "", b.prov, None))
            continue
        if not isinstance(b, Paragraph):
            continue
        here: list[OutlineEntry] = []
        text_ahead = b.text + "".join(x.text for x in _following_paragraphs(blocks, i, 2))
        for m in _ITEM.finditer(text_ahead):
            if m.start() < len(b.text) and not in_toc:
                text = _compact(m.group(0)).lstrip('“"')
                here.append(OutlineEntry("heading", text, b.prov.with_(span=(m.start(), min(m.end(), len(b.text)))), 4))
        start = len(out)
        for line, prov in _lines(b):
            compact = _compact(line)
            if _TOC_WORD.match(compact):
                in_toc, toc_seen = True, set()
                continue
            if in_toc:
                text = _toc_text(line)
                # the body starts where a contents line comes round again (or at a long line of prose)
                if normalise_title(text) in toc_seen or (len(compact) > 50 and not _LEADER.search(line)):
                    in_toc = False
                else:
                    toc_seen.add(normalise_title(text))
                    out.append(OutlineEntry("toc", text, prov, heading_level(text)))
                    continue
            if _NOTE.search(compact) and len(compact) <= 120:
                out.append(OutlineEntry("note", _clean(line), prov, None))
                continue
            kind = identify_table(line)
            if kind is not None:
                if not _next_is_table(blocks, i):
                    # a title whose (empty) table the reader did not draw: the table is present
                    out.append(OutlineEntry("table", _clean(line), prov, None))
                continue
            level = heading_level(line)
            if level is not None and not (level == 4 and any(_overlaps(h.prov, prov) for h in here)):
                out.append(OutlineEntry("heading", _clean(line), prov, level))
            elif level is None and (head := merged_heading(line)):
                at = (prov.span or (0, 0))[0] + line.find(head)
                out.append(
                    OutlineEntry("heading", _clean(head), prov.with_(span=(at, at + len(head))), heading_level(head))
                )
        if here:
            out[start:] = sorted(out[start:] + here, key=lambda e: e.prov.span[0] if e.prov.span else 0)
    return out


def _following_paragraphs(blocks: list, i: int, n: int) -> list[Paragraph]:
    """Up to n paragraphs right after block i (an item title may run over a PDF line break)."""
    out: list[Paragraph] = []
    for b in blocks[i + 1 : i + 1 + n]:
        if not isinstance(b, Paragraph):
            break
        out.append(b)
    return out


def _overlaps(a: Provenance, b: Provenance) -> bool:
    return bool(a.span and b.span and a.span[0] < b.span[1] and b.span[0] < a.span[1])


def _next_is_table(blocks: list, i: int) -> bool:
    for b in blocks[i + 1 : i + 4]:
        if isinstance(b, Table):
            return True
        if isinstance(b, Paragraph) and identify_table(b.text.splitlines()[0] if b.text else "") is not None:
            return False
    return False


def _title_before(blocks: list, i: int, used: set[int]) -> str | None:
    """The nearest preceding short paragraph naming a standard table (a table's title line)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        b = blocks[j]
        if isinstance(b, Table):
            return None
        if isinstance(b, Paragraph):
            for line in b.text.splitlines()[::-1] or [b.text]:
                if identify_table(line) is not None:
                    used.add(j)
                    return line
    return None


def section_path(outline: list[OutlineEntry], prov: Provenance) -> list[OutlineEntry]:
    """The headings a position stands under, outermost first (by block index, then page)."""
    key = _pos(prov)
    path: list[OutlineEntry] = []
    for e in outline:
        if e.kind != "heading" or e.level is None:
            continue
        if _pos(e.prov) > key:
            break
        path = [h for h in path if h.level is not None and h.level < e.level] + [e]
    return path


def _pos(p: Provenance) -> tuple[int, int]:
    start = p.span[0] if p.span else 0
    if p.block is not None:
        return (p.block, start)
    return (p.paragraph if p.paragraph is not None else -1, start)
