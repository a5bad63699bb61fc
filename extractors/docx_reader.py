"""Read .docx reports with python-docx: paragraphs and tables in body order, merged cells, numbering.

Merged cells (gridSpan, vMerge, legacy hMerge) become one logical Cell with its span; nested tables
hang off their cell; Word's automatic list numbering (numPr → numbering.xml) is recovered into
Paragraph.numbering and prefixed to the text, so 一、 （二） 1. carry the section structure as printed.
Hostile files are refused before parsing: oversized or zip-bomb packages (too_large) and XML parts
with a DOCTYPE (entity expansion, corrupt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from extractors.model import Cell, Document, Paragraph, Provenance, ReadError, Table
from extractors.txt_reader import caption_of, leading_header_rows, unit_row
from extractors.zipguard import check_package

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 5000
# real document.xml parts deflate about 5–30:1; a part that inflates past 10 MB at over 100:1 is a bomb
BOMB_RATIO = 100
MAX_TABLE_DEPTH = 20
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, sha256: str) -> Document:
    """Read a .docx file into a Document; raise ReadError for broken or hostile packages."""
    _check_package(path)
    import docx  # python-docx; imported late so the package check runs first

    try:
        wdoc = docx.Document(str(path))
    except ReadError:
        raise
    except Exception as e:  # python-docx raises KeyError, ValueError, XMLSyntaxError… for broken packages
        raise ReadError("corrupt", f"not a readable .docx: {type(e).__name__}: {e}") from e
    try:
        reader = _Reader(sha256=sha256, numbering=_Numbering.load(wdoc), styles=_StyleInfo(wdoc))
        reader.doc = Document(path=str(path), sha256=sha256, format="docx")
        reader.walk(wdoc.element.body)
    except (etree.LxmlError, KeyError, ValueError) as e:  # parts python-docx opened lazily and found broken
        raise ReadError("corrupt", f"broken .docx content: {type(e).__name__}: {e}") from e
    return reader.doc


def _check_package(path: Path) -> None:
    """A .docx is held to tighter limits than other packages: no report needs more."""
    check_package(
        path, ".docx package", max_uncompressed=MAX_UNCOMPRESSED, max_members=MAX_MEMBERS, bomb_ratio=BOMB_RATIO
    )


# ---------------------------------------------------------------- numbering

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return _CN_DIGITS[0]
    if n >= 10000:
        return str(n)
    out = ""
    units = [(1000, "千"), (100, "百"), (10, "十")]
    zero = False
    for size, name in units:
        d, n = divmod(n, size)
        if d:
            if zero:
                out += "零"
            out += ("" if (size == 10 and d == 1 and not out) else _CN_DIGITS[d]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _CN_DIGITS[n]
    return out


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    vals += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital"):
        s = chinese_counting(n)
        return s.replace("十", "拾").replace("百", "佰") if fmt == "chineseLegalSimplified" else s
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(ch) + 0xFEE0) for ch in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) → startOverride
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    style_level: dict[tuple[str, str], int] = field(default_factory=dict)  # (abstractNumId, styleId) → ilvl

    def level_for_style(self, num_id: str, style_id: str) -> int:
        """A heading style linked to a multilevel list (标题 1 → 一、, 标题 2 → （一）) numbers at its lvl."""
        return self.style_level.get((self.abstract_of.get(num_id, ""), style_id), 0)

    @classmethod
    def load(cls, wdoc: Any) -> _Numbering:
        out = cls()
        try:
            root = wdoc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return out
        for absn in root.iter(f"{_W}abstractNum"):
            aid = absn.get(f"{_W}abstractNumId", "")
            lv: dict[int, _Level] = {}
            for lvl in absn.findall(f"{_W}lvl"):
                level = _Level()
                level.start = _int(_child_val(lvl, "start"), 1)
                level.fmt = _child_val(lvl, "numFmt") or "decimal"
                level.text = _child_val(lvl, "lvlText") or ""
                lv[_int(lvl.get(f"{_W}ilvl"), 0)] = level
                linked = _child_val(lvl, "pStyle")
                if linked:
                    out.style_level[(aid, linked)] = _int(lvl.get(f"{_W}ilvl"), 0)
            out.levels[aid] = lv
        for num in root.iter(f"{_W}num"):
            nid = num.get(f"{_W}numId", "")
            out.abstract_of[nid] = _child_val(num, "abstractNumId") or ""
            for ov in num.findall(f"{_W}lvlOverride"):
                so = _child_val(ov, "startOverride")
                if so is not None:
                    out.overrides[(nid, _int(ov.get(f"{_W}ilvl"), 0))] = _int(so, 1)
        return out

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the list counter and return (label, numFmt), or None when the paragraph has no number."""
        aid = self.abstract_of.get(num_id)
        if aid is None or num_id == "0":
            return None
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(aid, [None] * 9)
        ilvl = min(max(ilvl, 0), 8)
        if num_id not in self.started:
            self.started.add(num_id)
            for (nid, lv), start in self.overrides.items():
                if nid == num_id:
                    counters[lv] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            return level.text, "bullet"

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            counted = counters[k] if 0 <= k < 9 else None
            value = counted if counted is not None else lv.start
            return format_number(value, lv.fmt)

        return re.sub(r"%([1-9])", sub, level.text), level.fmt


def _child_val(el: Any, tag: str) -> str | None:
    child = el.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------- styles

_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


class _StyleInfo:
    """Heading level and inherited numPr per paragraph style id."""

    def __init__(self, wdoc: Any) -> None:
        self.level: dict[str, int | None] = {}
        self.num: dict[str, tuple[str, int] | None] = {}
        try:
            styles = list(wdoc.styles)
        except (KeyError, AttributeError):
            styles = []
        by_id = {s.style_id: s for s in styles if getattr(s, "style_id", None)}
        for sid in by_id:
            self.level[sid] = self._resolve(by_id, sid, self._own_level)
            self.num[sid] = self._resolve(by_id, sid, self._own_num)

    @staticmethod
    def _resolve(by_id: dict[str, Any], sid: str, own: Any) -> Any:
        seen: set[str] = set()
        style = by_id.get(sid)
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            value = own(style)
            if value is not None:
                return value
            style = getattr(style, "base_style", None)
        return None

    @staticmethod
    def _own_level(style: Any) -> int | None:
        m = _HEADING.match((style.name or "").strip())
        if m:
            return int(m.group(1))
        ppr = style.element.find(f"{_W}pPr")
        if ppr is not None:
            ol = _child_val(ppr, "outlineLvl")
            if ol is not None and _int(ol, 9) < 9:
                return _int(ol, 9) + 1
        return None

    @staticmethod
    def _own_num(style: Any) -> tuple[str, int] | None:
        ppr = style.element.find(f"{_W}pPr")
        numpr = None if ppr is None else ppr.find(f"{_W}numPr")
        if numpr is None:
            return None
        nid = _child_val(numpr, "numId")
        return None if nid is None else (nid, _int(_child_val(numpr, "ilvl"), -1))  # -1: the list's lvl says


# ---------------------------------------------------------------- body walk


@dataclass
class _Reader:
    sha256: str
    numbering: _Numbering
    styles: _StyleInfo
    doc: Document = field(default_factory=lambda: Document(path="", sha256="", format="docx"))
    n_par: int = 0
    n_tab: int = 0
    caption: list[str] = field(default_factory=list)  # paragraphs since the last empty one / table

    def walk(self, parent: Any) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                self._paragraph(child)
            elif tag == f"{_W}tbl":
                self._table(child)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content)

    def _paragraph(self, p: Any) -> None:
        text, numbering, level = self.paragraph_parts(p)
        if not text.strip():
            self.caption = []
            return
        block = len(self.doc.blocks)
        prov = Provenance(sha256=self.sha256, block=block, paragraph=self.n_par)
        self.doc.blocks.append(Paragraph(text=text.strip(), prov=prov, level=level, numbering=numbering))
        self.n_par += 1
        self.caption.append(text.strip())

    def paragraph_parts(self, p: Any) -> tuple[str, str | None, int | None]:
        text = _p_text(p)
        ppr = p.find(f"{_W}pPr")
        sid = None
        num: tuple[str, int] | None = None
        level: int | None = None
        if ppr is not None:
            sid = _child_val(ppr, "pStyle")
            numpr = ppr.find(f"{_W}numPr")
            if numpr is not None:
                nid = _child_val(numpr, "numId")
                ilvl = _child_val(numpr, "ilvl")
                style_num = self.styles.num.get(sid or "")
                if nid is not None:
                    num = (nid, _int(ilvl, 0))
                elif style_num is not None:
                    num = (style_num[0], _int(ilvl, style_num[1]))
            ol = _child_val(ppr, "outlineLvl")
            if ol is not None and _int(ol, 9) < 9:
                level = _int(ol, 9) + 1
        if num is None and sid is not None:
            num = self.styles.num.get(sid)
        if num is not None and num[1] < 0:
            num = (num[0], self.numbering.level_for_style(num[0], sid or ""))
        if level is None and sid is not None:
            level = self.styles.level.get(sid)
        numbering: str | None = None
        if num is not None and text.strip():
            got = self.numbering.label(*num)
            if got is not None and got[1] != "bullet" and got[0]:
                numbering = got[0]
                text = numbering + text.lstrip()
        return text, numbering, level

    def _table(self, tbl: Any) -> None:
        block = len(self.doc.blocks)
        prov = Provenance(sha256=self.sha256, block=block, table=self.n_tab)
        table = self.build_table(tbl, prov, depth=1)
        table.title, table.unit = caption_of(self.caption)
        table.unit = table.unit or unit_row(table)
        self.doc.blocks.append(table)
        self.n_tab += 1
        self.caption = []

    def build_table(self, tbl: Any, prov: Provenance, depth: int) -> Table:
        cells: list[Cell] = []
        open_cells: dict[int, Cell] = {}  # grid column → the cell anchored above that a vMerge may extend
        n_cols = 0
        rows = [tr for tr in _iter_tagged(tbl, "tr")]
        for r, tr in enumerate(rows):
            col = _grid_before(tr)
            this_row: dict[int, Cell] = {}
            for tc in _iter_tagged(tr, "tc"):
                tcpr = tc.find(f"{_W}tcPr")
                span = max(1, _int(_child_val(tcpr, "gridSpan"), 1)) if tcpr is not None else 1
                vmerge = None if tcpr is None else tcpr.find(f"{_W}vMerge")
                hmerge = None if tcpr is None else tcpr.find(f"{_W}hMerge")
                if hmerge is not None and hmerge.get(f"{_W}val") != "restart" and this_row:
                    last = this_row[max(this_row)]
                    last.colspan += span
                    col += span
                    continue
                if vmerge is not None and vmerge.get(f"{_W}val") != "restart":
                    above = open_cells.get(col)
                    if above is not None and above.colspan == span and above.row + above.rowspan == r:
                        above.rowspan += 1
                        this_row[col] = above
                        col += span
                        continue
                cell = Cell(text="", row=r, col=col, colspan=span)
                cell.text = self._cell_content(tc, cell, prov, depth)
                cells.append(cell)
                this_row[col] = cell
                col += span
            open_cells = this_row
            n_cols = max(n_cols, col)
        table = Table(cells=cells, n_rows=len(rows), n_cols=n_cols, prov=prov)
        table.header_rows = leading_header_rows([[c.text for c in row] for row in table.rows()])
        return table

    def _cell_content(self, tc: Any, cell: Cell, prov: Provenance, depth: int) -> str:
        texts: list[str] = []
        for child in _iter_content(tc):
            if child.tag == f"{_W}p":
                raw = self.paragraph_parts(child)[0]
                if cell.indent is None and raw.strip():
                    cell.indent = _indent_points(child, raw)
                texts.append(raw.strip())
            elif child.tag == f"{_W}tbl":
                if depth >= MAX_TABLE_DEPTH:
                    problem = f"tables nested deeper than {MAX_TABLE_DEPTH} levels skipped ({prov.render()})"
                    if problem not in self.doc.problems:
                        self.doc.problems.append(problem)
                    continue
                nested_prov = prov.with_(row=cell.row, col=cell.col)
                cell.nested.append(self.build_table(child, nested_prov, depth + 1))
        while texts and not texts[-1]:
            texts.pop()
        while texts and not texts[0]:
            texts.pop(0)
        return "\n".join(texts)


_SPACE_POINTS = {" ": 5.0, "\u3000": 10.0, "\t": 20.0, "\xa0": 5.0}


def _indent_points(p: Any, text: str) -> float:
    """How far a cell's first line stands in: its paragraph indentation (w:ind, twips) and its leading spaces —
    决算 tables show 类 › 款 › 项 by two spaces a level."""
    points = 0.0
    ind = p.find(f"{_W}pPr/{_W}ind")
    if ind is not None:
        for attr in ("left", "start", "firstLine"):
            value = ind.get(f"{_W}{attr}")
            if value and value.lstrip("-").isdigit():
                points += int(value) / 20
    for ch in text:
        if ch not in _SPACE_POINTS:
            break
        points += _SPACE_POINTS[ch]
    return round(points, 1)


def _iter_tagged(parent: Any, name: str) -> Any:
    """Children named w:<name>, looking through content controls (w:sdt/w:sdtContent)."""
    for child in parent.iterchildren():
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _iter_tagged(content, name)


def _iter_content(tc: Any) -> Any:
    for child in tc.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _iter_content(content)


def _grid_before(tr: Any) -> int:
    trpr = tr.find(f"{_W}trPr")
    return 0 if trpr is None else max(0, _int(_child_val(trpr, "gridBefore"), 0))


_TEXT_TAGS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_NS = {"w": _W[1:-1], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_RUN_TEXT = etree.XPath(
    ".//w:r[not(ancestor::mc:Fallback)]/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]",
    namespaces=_NS,
)


def _p_text(p: Any) -> str:
    """Visible text of a paragraph's runs (in hyperlinks, fields, insertions too); deleted runs hold w:delText,
    tab stops in w:pPr are not text, and a text box's mc:Fallback copy is skipped so nothing doubles."""
    parts: list[str] = []
    for el in _RUN_TEXT(p):
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif not (el.tag == f"{_W}br" and el.get(f"{_W}type") == "page"):
            parts.append(_TEXT_TAGS[el.tag])
    return "".join(parts)
