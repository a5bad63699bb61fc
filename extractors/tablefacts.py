"""Table cells → Facts: every numeric cell with its row-label path, column-header path, unit and place.

How a cell is labelled, for any reader's Table (spans resolved or not):
- Header rows are rows without a number holding at least three labels, or two labels the first of
  which is not in column 0 (a row like 单位名称 | 北山镇人民政府 is a key–value row, not a header).
  A run of consecutive header rows is a header group; it governs the rows below it up to the next one.
- Column labels: the texts of the governing header group above the cell's column (spans included).
- Row labels: for each label column (left of the region's first numeric column), the cell covering it,
  or — when that is empty — the nearest label above it (an empty cell under a label is covered by it:
  the seed's 附件4 first columns, written without spans in plain text). A cell holding label and number
  (其中：一般公共预算：2751.84) adds its label last.
- Unit: the cell's own; else the column labels' (经费控制情况（万元）, 批复规模（㎡）, 分值 → 分); else the
  row labels' and the header group's corner cells' (年度预算申请（万元） over its block); else the table's.
- Subject codes (3/5/7-digit 类款项 codes, 科目编码/类/款/项 columns) and 序号/行次 columns are labels:
  they go to Fact.code or nowhere, never to quantities.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from extractors.headings import section_label
from extractors.identity import document_year, fact_identity, last_word, settle_fact_periods
from extractors.model import Cell, Document, Fact, Table
from extractors.numbers import parse_quantity
from extractors.report_kind import title_lines
from extractors.subjects import words as claim_words
from extractors.unit_parts import subordinate_body, unit_of_each_block
from extractors.units import unit_from_caption

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_PREFIX = re.compile(r"^(\d{3}(?:\d{2}){0,2})(?=\s*[\u4e00-\u9fff])")
_ORDINAL = re.compile(r"^\d{1,2}$")
_YEAR = re.compile(r"^(?:19|20)\d\d(?:年度?)?$")
_LABEL_NUMBER = re.compile(r"^(?P<label>.*?[^\s：:])\s*[：:]+\s*(?P<num>[^：:]+)$", re.S)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CODE_HEADERS = ("编码", "代码", "科目编号")
# 主管部门及代码 | 上高县交通运输局（501）: a field of a performance sheet's head naming a body and its code, no column
_NAME_AND_CODE = re.compile(r"[及和与](?:代码|编码)$")
_CODE_EXACT = {"类", "款", "项"}
_ORDINAL_HEADERS = {"序号", "行次", "编号", "栏次"}
_LABEL_COLUMN_LETTERS = {"甲", "乙", "丙"}
# a column's number in a 栏次 row, with the formula it may carry: 1, (2), 3=1+2, 5=4/3
_COLUMN_NUMBER = re.compile(r"^(?:\(?\d{1,2}\)?|[A-Z])(?:=[\d()A-Z+\-−/×*%]+)?$")
_HEADER_MAX = 30


def is_column_marker(text: str) -> bool:
    """A header label that only numbers or names a column (1, 3=1+2, B, A=B+C), not what the column holds."""
    return bool(_COLUMN_NUMBER.match(unicodedata.normalize("NFKC", "".join(text.split()))))


_CAPTION_LINE = re.compile(r"^(?:编制部门|编制单位|填报单位|预算单位|单位名称|金额单位|单位)[:：]")


_HEADER_ROWS_AT_MOST = 6  # a table's header rows stand at its top


_FORMULA_TAIL = re.compile(r"=[\d()+\-−/×*%]+$")


def _counts_up(texts: list[str]) -> bool:
    """1 | 2 | 3 | 4: the column numbers 1 to n in order, nothing else (three at least); a number may say how its
    column is made (1=2+3 | 2 | 3 | 4=5+6), though one that does must be a number that counts up too."""
    values = [_FORMULA_TAIL.sub("", unicodedata.normalize("NFKC", "".join(t.split()))) for t in texts]
    return len(values) >= 3 and values == [str(k) for k in range(1, len(values) + 1)]


_POINTS_HEADERS = re.compile(r"^(?:指标)?(?:分值|得分|分数|权重|评分|自评得分|权重分)$")


@dataclass
class _Info:
    kind: str  # empty | text | number | labelnum | code | ordinal | caption
    label: str = ""  # labelnum: the label part
    number: str = ""  # labelnum: the number part
    offset: int = 0  # labelnum: where the number starts in the cell text


def extract_facts(doc: Document) -> list[Fact]:
    """Every numeric cell of every table (nested tables included) as a Fact."""
    facts: list[Fact] = []
    previous: Table | None = None
    title = "".join(title_lines(doc))
    units = unit_of_each_block(doc, title)
    for table in doc.tables():
        found = _totals_past_the_own_flow(
            _funds_of_their_heads(_parts_of_their_heads(table_facts(table, _first_half(previous, table))))
        )
        body = subordinate_body((table.title or "").split("\n")[0], title) or units.get(table.prov.block, "")
        if (
            body
        ):  # （三）长治市农业技术推广中心 over a table of 基本支出/项目支出: that unit's figures, not the department's
            found = [replace(f, identity=replace(f.identity, scope=body)) for f in found]
        facts.extend(found)
        previous = table
    settle_fact_periods(facts, document_year(doc), title)
    return facts


_QIZHONG_LEAD = re.compile(r"^\s*其中\s*[:：]?\s*")


def _numbered_head(label: str) -> str:
    """The label's own name after its 一、 numbering, '' when it is no such head."""
    found = section_label(label)
    return label.lstrip()[len(found[1]) :].strip() if found is not None and found[0] == "cn" else ""


def _funds_of_their_heads(facts: list[Fact]) -> list[Fact]:
    """财政总收入 | 一、一般公共预算收入 | （一）税收收入 | 增值税 … | 二、上划中央收入 …: the rows under a numbered head that
    names a fund are that fund's (the 税收收入 of 一般公共预算收入, not all the tax a 财政总收入 table counts), unless they
    name a fund of their own; heads are followed per label column (the two sides of a 收支表)."""
    fund: dict[int | None, str] = {}
    for f in sorted(facts, key=lambda f: (f.prov.row or 0, f.prov.col or 0)):
        label = f.row_labels[-1] if f.row_labels else ""
        head = _numbered_head(label)
        if head:
            fund[f.label_col] = last_word("fund", head)
            continue
        named = fund.get(f.label_col, "")
        if named and not last_word("fund", label) and f.identity.fund != named:
            f.identity = replace(f.identity, fund=named)
    return facts


# 2025年全区一般公共预算收入决算表 › 合计 (or 收入合计): the row is the figure the title names, 一般公共预算收入
TITLE_FUND_FLOW = re.compile(r"(一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)(收入|支出|收支)")
BARE_TOTAL_ROW = re.compile(r"^(本年)?(收入|支出)?合计$")


_BARE_TOTAL_WORD = re.compile(r"^(?:小计|合计|总计)$")


def _totals_past_the_own_flow(facts: list[Fact]) -> list[Fact]:
    """政府性基金预算收入 | 上级转移支付 | 上年结转 | 专项债务转贷收入 | 收入合计 under "…政府性基金预算收入执行表": a bare
    合计 printed below a row of the title's own flow (or below a 小计) adds the transfers to it."""
    named = TITLE_FUND_FLOW.findall("".join((facts[0].table_title if facts else "").split()))
    if len(named) != 1:
        return facts
    fund, flow = named[0]
    own = [fund + f for f in (("收入", "支出") if flow == "收支" else (flow,))]
    above: set[int | None] = set()  # label columns where the own flow or a 小计 has been printed
    for f in sorted(facts, key=lambda f: (f.prov.row or 0, f.prov.col or 0)):
        label = "".join((f.row_labels[-1] if f.row_labels else "").split())
        if BARE_TOTAL_ROW.match(label):
            f.past_own_flow = f.label_col in above
        elif label.endswith("小计") or any(o in label for o in own):
            above.add(f.label_col)
    return facts


def _parts_of_their_heads(facts: list[Fact]) -> list[Fact]:
    """一、2023年末政府债务余额 | 其中：一般债务 | 专项债务 | … | 三、2024年政府债务还本额 | 一般债务 | 专项债务: a row name
    printed under several numbered heads of one column (or heads a 其中 row follows) names a part of each head, so each
    row is its head's part (the 一般债务 repaid is not the 一般债务 balance)."""
    heads: dict[int | None, str] = {}
    head = ""
    labels = {f.prov.row: (f.row_labels[-1] if f.row_labels else "") for f in facts}
    rows = sorted((r for r in labels if labels[r]), key=lambda r: r or 0)
    # 企业职工基本养老保险基金收入 | 其中：保险费收入 | 财政补贴收入 | … | 城乡居民…基金收入 | 其中：保险费收入: a row that a
    # 其中 row follows heads the rows after it as a numbered head does
    opens = {a for a, b in zip(rows, rows[1:], strict=False) if _QIZHONG_LEAD.match(labels[b])}
    # 债务限额 | "  一般债务" | "  专项债务" | 债务余额 | "  一般债务" …: a row the next row is indented under heads it too
    indents = {f.prov.row: f.indent for f in facts if f.indent is not None}
    opens |= {
        a for a, b in zip(rows, rows[1:], strict=False) if a in indents and b in indents and indents[b] > indents[a]
    }
    for f in sorted(facts, key=lambda f: (f.prov.row or 0, f.prov.col or 0)):
        label = f.row_labels[-1] if f.row_labels else ""
        if _numbered_head(label):
            head = _numbered_head(label)
        elif f.prov.row in opens and not _QIZHONG_LEAD.match(label):
            head = "".join(label.split())
        elif label:
            heads[f.prov.row] = head
    names: dict[str, set[str]] = {}
    for f in facts:
        if f.prov.row in heads and f.row_labels and heads[f.prov.row]:
            names.setdefault(_QIZHONG_LEAD.sub("", f.row_labels[-1]), set()).add(heads[f.prov.row])
    out: list[Fact] = []
    for f in facts:
        head = heads.get(f.prov.row, "")
        name = _QIZHONG_LEAD.sub("", f.row_labels[-1]) if f.row_labels else ""
        if head and len(names.get(name, ())) > 1 and not f.identity.part_of:
            f.identity = replace(f.identity, part_of=head)
        out.append(f)
    return out


def _first_half(previous: Table | None, table: Table) -> Table | None:
    """The table a page break cut this one from, where the reader could not join them (项目名称 | 主管部门 at a page's foot,
    项目资金 | 年初预算数 | … at the next page's head, drawn with other columns): the first half names the project and
    the title; None when this table names its own or does not go on from the table before."""
    if previous is None or table.title or named_project(table) or not named_project(previous):
        return None
    if not (previous.touches_bottom and table.touches_top and previous.pages and table.pages):
        return None
    return previous if table.pages[0] == previous.pages[-1] + 1 else None


def table_facts(table: Table, first_half: Table | None = None) -> list[Fact]:
    facts = _TableFacts(table, first_half).facts()
    for cell in table.cells:
        for nested in cell.nested:
            facts.extend(table_facts(nested))
    return facts


@lru_cache(maxsize=16384)
def clean_label(text: str) -> str:
    """Collapse whitespace and line breaks; drop spaces next to CJK text (wrapped cells, 其中：  一般…)."""
    text = re.sub(r"\s+", " ", text.replace("\u3000", " ")).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


_PROJECT_LABEL = re.compile(r"^\s*项目名称\s*[:：]?\s*")
PROJECT_ROWS = 4  # a table names its project in its first rows (项目名称 | 乡村道路养护项目)


def named_project(table: Table) -> str:
    """The project a table is about, as its own first rows name it: 项目名称 | X, or 项目名称：X in one cell."""
    cells = sorted((c for c in table.cells if c.row < PROJECT_ROWS), key=lambda c: (c.row, c.col))
    for i, cell in enumerate(cells):
        m = _PROJECT_LABEL.match(cell.text)
        if m is None:
            continue
        name = cell.text[m.end() :].strip()
        if not name:
            row = [c for c in cells[i + 1 :] if c.row == cell.row and c.text.strip()]
            # 项目名称 | 预算数 | 执行数 is a header row naming columns, not a project; 项目名称 | X | 预算金额（万元） |
            # 780.00 pairs labels with their values
            pairs = len(row) >= 3 and bool(parse_quantity(row[-1].text)) and not parse_quantity(row[0].text)
            after = row[0] if row and (len(row) == 1 or row[0].colspan > 1 or pairs) else None
            name = after.text.strip() if after is not None else ""
        name = "".join(name.split())
        return name if 2 <= len(name) <= 60 and not parse_quantity(name) else ""
    return ""


class _TableFacts:
    def __init__(self, table: Table, first_half: Table | None = None) -> None:
        self.t = table
        self.cov = table.covering()
        self.rows = table.rows()
        self.project = named_project(table) or (named_project(first_half) if first_half is not None else "")
        self.title = self.t.title or (first_half.title if first_half is not None else "") or ""
        self.info: dict[int, _Info] = {}
        self._classify()
        self.header = self._header_rows()
        self.governing = self._governing_groups()
        self.code_cols, self.ordinal_cols = self._special_columns()
        for c in table.cells:  # a column of codes/ordinals turns its numbers into labels
            if clean_label(c.text) in _CODE_EXACT | _ORDINAL_HEADERS:
                self.info[id(c)] = _Info("caption")  # 类 / 款 / 项 / 序号 sharing a row with data
            elif self.info[id(c)].kind == "number" and c.row not in self.header:
                if c.col in self.code_cols:
                    self.info[id(c)] = _Info("code")
                elif c.col in self.ordinal_cols:
                    self.info[id(c)] = _Info("ordinal")
        self.boundary = self._label_boundaries()

    # -------------------------------------------------------------- cell kinds

    def _classify(self) -> None:
        for c in self.t.cells:
            self.info[id(c)] = _classify_text(c.text)
        by_row: dict[int, list[Cell]] = {}
        for c in self.t.cells:
            by_row.setdefault(c.row, []).append(c)
        for cells in by_row.values():
            nums = [c for c in cells if self.info[id(c)].kind == "number"]
            if nums and all(_YEAR.match(c.text.strip()) for c in nums) and _header_years(cells, nums, self.info):
                for c in nums:  # a row of bare years is a header row: 2022 | 2023 (not 其他收入 | 2074)
                    self.info[id(c)] = _Info("text")
            cells.sort(key=lambda c: c.col)
            self._leading_code(cells)

    def _leading_code(self, cells: list[Cell]) -> None:
        """[序号] | 2010101 | 行政运行 | 80.25: a code before the row's name, with an amount after it."""
        filled = [c for c in cells if c.text.strip()]
        for i, c in enumerate(filled[:-2]):
            if not _CODE.match(c.text.strip()):
                if self.info[id(c)].kind == "number" and _ORDINAL.match(c.text.strip()):
                    continue  # a leading ordinal
                return
            name, rest = filled[i + 1], filled[i + 2 :]
            if self.info[id(name)].kind == "text" and _CJK.search(name.text):
                if any(self.info[id(d)].kind == "number" for d in rest):
                    self.info[id(c)] = _Info("code")
            return

    def _is_numeric(self, c: Cell | None) -> bool:
        return c is not None and self.info[id(c)].kind in ("number", "labelnum")

    def _header_rows(self) -> set[int]:
        out: set[int] = set()
        numeric_below = self._numeric_columns_below()
        body = False  # a row holding a figure has been passed
        for r, cells in enumerate(self.rows):
            if self._column_numbers(cells) or self._numbered_columns(r):
                out.add(r)
                continue
            if any(self._is_numeric(c) for c in cells):
                body = True
                continue
            filled = [c for c in cells if self.info[id(c)].kind != "empty"]
            if body and not any(numeric_below[r] & set(range(c.col, c.col + c.colspan)) for c in filled):
                continue  # texts inside the body over no column of figures (a row's words cut off by a page break)
            if filled and all(_CAPTION_LINE.match(clean_label(c.text)) for c in filled):
                continue  # 编制部门：临川市住房和城乡建设局 | 单位：万元: the table's caption line, no column's name
            if any(len(clean_label(c.text)) > _HEADER_MAX or c.text.strip().endswith("。") for c in filled):
                continue  # sentences are content, not column captions
            if len(filled) >= 3 or (
                len(filled) == 2 and (filled[0].col != 0 or filled[0].colspan > 1 or self._numbers_below(r, filled[1]))
            ):
                out.add(r)
        return out

    def _numeric_columns_below(self) -> list[set[int]]:
        """Per row, the columns holding a figure in some row below it."""
        out: list[set[int]] = [set() for _ in self.rows]
        seen: set[int] = set()
        for r in range(len(self.rows) - 1, -1, -1):
            out[r] = set(seen)
            seen |= {c.col for c in self.rows[r] if self._is_numeric(c)}
        return out

    def _column_numbers(self, cells: list[Cell]) -> bool:
        """栏次 | 1 | 2 | 3=1+2: a row that numbers the columns (and may say how they relate) is a header row, though
        its cells read as numbers."""
        filled = [c for c in cells if c.text.strip()]
        # 类 | 款 | 项 | 栏次 | 1 | 2 | 3: the 栏次 may stand in the 科目名称 column, after the code headers
        # (甲 | 1=2+3 | 2 | 3, 甲 | 乙 | 1 | 2: the label columns lettered 甲, 乙 in the 栏次 row)
        leads = _ORDINAL_HEADERS | _LABEL_COLUMN_LETTERS
        first = next((k for k, c in enumerate(filled) if clean_label(c.text) in leads), None)
        if first is None or len(filled) - first < 3 or any(self._is_numeric(c) for c in filled[:first]):
            return False
        # 栏次 |  | 1 | 栏次 |  | 2 | 3: a two-sided table numbers each side's columns after its own 栏次
        return all(is_column_marker(c.text) or clean_label(c.text) in leads for c in filled[first + 1 :])

    def _numbered_columns(self, r: int) -> bool:
        """1 | 2 | 3 | … | 12 under a table's headers with no 栏次 before it: the columns' numbers — one such row near
        the top, right under a row of captions, not a grid of figures that happen to count up."""
        if r == 0 or r > _HEADER_ROWS_AT_MOST or not _counts_up([c.text for c in self.rows[r] if c.text.strip()]):
            return False
        above = [c for c in self.rows[r - 1] if c.text.strip()]
        return bool(above) and not any(self._is_numeric(c) for c in above)

    def _numbers_below(self, r: int, cell: Cell) -> bool:
        """名称 | 数值 over 甲 | 1.5 is a header; 单位名称 | 北山镇人民政府 over more labels is a key–value row
        (unless its first cell spans columns, as 收入 | 支出 over 项目 | 决算数 | 项目 | 决算数)."""
        if r + 1 >= self.t.n_rows:
            return False
        below = self.cov[r + 1][cell.col]
        return below is not None and below is not cell and self._is_numeric(below)

    def _governing_groups(self) -> list[list[int]]:
        """For each row, the header group above it (empty list when none)."""
        out: list[list[int]] = []
        group: list[int] = []
        contiguous = False  # only blank rows since the last header row
        for r in range(self.t.n_rows):
            if r in self.header:
                group = group + [r] if group and contiguous else [r]
                contiguous = True
                out.append([])
            else:
                contiguous = contiguous and not any(c.text.strip() for c in self.rows[r])
                out.append(list(group))
        return out

    def _special_columns(self) -> tuple[set[int], set[int]]:
        """Columns under 科目编码 / 类 款 项 (codes) and 序号 / 行次 (ordinals), wherever the caption stands:
        PDF tables often put it in a one-cell row or share a row with the first data row."""
        codes: set[int] = set()
        ordinals: set[int] = set()
        for r, cells in enumerate(self.rows):
            captions_row = r in self.header or not any(self._is_numeric(c) for c in cells)
            for cell in cells:
                text = clean_label(cell.text)
                span = range(cell.col, cell.col + cell.colspan)
                if text in _CODE_EXACT or (
                    captions_row
                    and len(text) <= 10
                    and any(h in text for h in _CODE_HEADERS)
                    and not _NAME_AND_CODE.search(text)
                ):
                    codes.update(span)
                elif text in _ORDINAL_HEADERS:
                    ordinals.update(span)
        return codes, ordinals

    def _label_boundaries(self) -> dict[int, int]:
        """Per row: label columns are those left of the first numeric column of the row's region."""
        first_num: dict[int, int] = {}
        for cells in self.rows:
            nums = [c.col for c in cells if self._is_numeric(c)]
            if nums:
                first_num[cells[0].row] = min(nums)
        by_region: dict[tuple[int, ...], list[int]] = {}
        for r, col in first_num.items():
            by_region.setdefault(tuple(self.governing[r]), []).append(col)
        # the region's usual first numeric column; a short row (总分 | 100 | 99.97) keeps its own
        usual = {k: min(set(v), key=lambda x: (-v.count(x), x)) for k, v in by_region.items()}
        self.usual_first = {r: usual[tuple(self.governing[r])] for r in first_num}
        self.region_text_cols: dict[tuple[int, ...], set[int]] = {}
        for cell in self.t.cells:
            if cell.row not in self.header and self.info[id(cell)].kind in ("text", "code"):
                if _NIL.match(cell.text.strip()):
                    continue  # "-" stands for a figure: its column is no column of labels
                self.region_text_cols.setdefault(tuple(self.governing[cell.row]), set()).add(cell.col)
        self.region_number_cols: dict[tuple[int, ...], set[int]] = {}
        for cell in self.t.cells:
            if cell.row not in self.header and (self._is_numeric(cell) or _NIL.match(cell.text.strip())):
                self.region_number_cols.setdefault(tuple(self.governing[cell.row]), set()).add(cell.col)
        self.region_cols: dict[tuple[int, ...], list[int]] = {}
        for cell in self.t.cells:
            if self._is_numeric(cell) and cell.row in first_num and cell.col >= self.usual_first[cell.row]:
                cols = self.region_cols.setdefault(tuple(self.governing[cell.row]), [])
                if cell.col not in cols:
                    cols.append(cell.col)
        return {r: min(col, usual[tuple(self.governing[r])]) for r, col in first_num.items()}

    def _aligned_col(self, cell: Cell) -> int:
        """A short row whose numbers begin in the label columns (plain text has no spans: 总分 | 100 | 99.97) is read
        right-aligned onto the region's numeric columns — all its numbers — for their column labels and unit only."""
        r = cell.row
        nums = sorted(c.col for c in self.rows[r] if self._is_numeric(c))
        if r not in self.usual_first or not nums or nums[0] >= self.usual_first[r]:
            return cell.col
        if not set(nums) & self.region_text_cols.get(tuple(self.governing[r]), set()):
            return cell.col  # figures in columns other rows leave blank (执行数 only), none in a column of labels
        cols = sorted(self.region_cols.get(tuple(self.governing[r]), []))
        if len(nums) > len(cols):
            return cell.col
        return cols[len(cols) - len(nums) + nums.index(cell.col)]

    # -------------------------------------------------------------- labels

    def _column_labels(self, r: int, c: int) -> list[Cell]:
        out: list[Cell] = []
        group = self.governing[r]
        for k, g in enumerate(group):
            cell = self.cov[g][c] if c < self.t.n_cols else None
            if (cell is None or not cell.text.strip()) and k + 1 < len(group):
                cell = self._head_spanning(g, group[k + 1], c)
            if cell is not None and cell.text.strip() and all(x is not cell for x in out):
                out.append(cell)
        return out

    def _head_spanning(self, g: int, below: int, c: int) -> Cell | None:
        """A blank upper header cell under a merged head printed only in its first cell (PDF text has no spans):
        2025年预算数 | (blank) | (blank) over 合计 | 基本支出 | 项目支出 — the head to its left covers it when that head
        has a caption of its own below it (a head over sub-columns, not a caption merged down) and every column
        from the head to this one has a caption below and none above."""
        if c >= self.t.n_cols or not self._captioned(below, c):
            return None
        for k in range(c - 1, -1, -1):
            cell = self.cov[g][k]
            if not self._captioned(below, k):
                return None
            if cell is not None and cell.text.strip():
                under = self.cov[below][k]
                return cell if under is not None and under is not cell and under.row == below else None
        return None

    def _captioned(self, r: int, c: int) -> bool:
        """Whether a header row names column c in words (not a 栏次 marker such as 1, B or A=B+C)."""
        cell = self.cov[r][c]
        return (
            cell is not None
            and bool(cell.text.strip())
            and self.info[id(cell)].kind == "text"
            and not is_column_marker(cell.text.strip())
        )

    def _label_columns(self, r: int, c: int) -> list[int]:
        """The block of non-numeric columns just left of the numeric block holding column c (a two-sided
        table such as 收入支出决算总表 has one label block per side)."""
        region = tuple(self.governing[r])
        numeric = set(self.region_cols.get(region, []))
        row_numbers = [x.col for x in self.rows[r] if self._is_numeric(x)]
        numeric |= set(row_numbers)
        first = min(row_numbers, default=c)
        texts = self.region_text_cols.get(region, set())
        # a column of figures no row labels (the other side's 2025年执行数 in rows where that side is blank) is none of
        # this row's label columns, however many rows print figures only on this side
        numeric |= self.region_number_cols.get(region, set()) - texts
        # "-" printed for a figure of the other side (城市基础设施配套费… | - | - | - | 十、资源勘探工业信息等支出 | 4,657)
        numeric |= {x.col for x in self.rows[r] if _NIL.match(x.text.strip())}

        def label_column(k: int) -> bool:
            return k not in numeric and (k in texts or k < first)

        i = c - 1
        while i >= 0 and not label_column(i):
            i -= 1
        out: list[int] = []
        while i >= 0 and label_column(i):
            out.insert(0, i)
            i -= 1
        return out

    def _label_above(self, r: int, c: int) -> Cell | None:
        """An empty label cell is covered by the label above it (plain text writes no spans), within data rows."""
        for rr in range(r - 1, -1, -1):
            if rr in self.header:
                return None
            cell = self.cov[rr][c]
            if cell is None or not cell.text.strip():
                continue
            return cell if self.info[id(cell)].kind == "text" else None
        return None

    def _scope_above(self, r: int, c: int) -> Cell | None:
        """For units only: the label whose (written or implied) span reaches row r in column c — the first
        non-empty cell at or above it, header rows included (年度预算申请（万元） over its block of rows)."""
        for rr in range(r, -1, -1):
            cell = self.cov[rr][c]
            if cell is not None and cell.text.strip():
                return cell if self.info[id(cell)].kind == "text" else None
        return None

    def _row_label_cells(self, r: int, cols: list[int]) -> list[Cell]:
        captions = {clean_label(x.text) for g in self.governing[r] for k in cols if (x := self.cov[g][k]) is not None}
        out: list[Cell] = []
        own = [c for c in cols if (x := self.cov[r][c]) is not None and x.text.strip() and x.row == r]
        if (
            not own
            and not any(x.text.strip() for c in cols if (x := self.cov[r][c]) is not None)
            and self._sums_above(r)
            and not self._one_group_above(r, cols)
        ):
            # | 4,286.50 | 4,187.40: a row of no label printing the sums of the rows above, of items no label groups, is
            # their total (under a group's rows, 产出指标 | … and | | 50 | 49, it is the group's 小计: labels run on)
            return []
        for c in cols:
            cell = self.cov[r][c]
            if cell is not None and cell.text.strip():
                pass
            elif own and own[-1] < c:
                # 合计 | (blank) | 3,309.90, 预算执行率 | (blank) | (blank) | 96.34%: a row whose own labels all stand
                # left of a blank opens a group at their level — the deeper labels of the group above do not run on
                # into it (a cell merged down over rows never crosses the boundary of a level left of it); a row that
                # prints a deeper label too (绩效指标 | (blank) | 可持续影响指标 | …: the text of a cell merged down, printed
                # mid-span) still takes the blank's label from above
                continue
            else:
                cell = self._label_above(r, c)
            if cell is None or cell.row in self.header or any(x is cell for x in out):
                continue  # a label spanning down from a header row is a caption (corner), not a row label
            if self.info[id(cell)].kind == "code" or (
                self.info[id(cell)].kind == "text" and clean_label(cell.text) not in captions
            ):
                out.append(cell)
        return out

    def _one_group_above(self, r: int, cols: list[int]) -> bool:
        """Whether the body rows above r share one label in some label column (a group they all belong to)."""
        top = max((h for h in self.header if h < r), default=-1) + 1
        for c in cols:
            labels = {clean_label(x.text) for rr in range(top, r) if (x := self.cov[rr][c]) is not None}
            if len(labels) == 1 and labels != {""}:
                return True
        return False

    def _sums_above(self, r: int) -> bool:
        """Whether each money figure of row r is the sum of its column over the body rows above (two at least)."""
        top = max((h for h in self.header if h < r), default=-1) + 1
        figures = [x for x in self.rows[r] if self.info[id(x)].kind == "number"]
        if r - top < 2 or not figures:
            return False
        summed = 0
        for cell in figures:
            own = parse_quantity(cell.text)
            parts = [parse_quantity(x.text) for rr in range(top, r) if (x := self.cov[rr][cell.col]) is not None]
            if own is None or len(parts) < 2 or any(q is None for q in parts):
                continue
            total = sum((q.value for q in parts if q is not None), start=Decimal(0))
            summed += abs(total - own.value) <= len(parts) * Decimal(10) ** -own.decimals
        # (a rate column, 97.69 under 执行率, is no sum: the amounts' columns settle it)
        return summed >= min(2, len(figures))

    def _pair_label(self, r: int, cell: Cell) -> Cell | None:
        """In a row of label/value pairs (其中：财政拨款 | 800.00 | 其他资金 | 200.00), the label right before the value."""
        filled = [x for x in sorted(self.rows[r], key=lambda x: x.col) if x.text.strip()]
        kinds = ["number" if self._is_numeric(x) else self.info[id(x)].kind for x in filled]
        if len(filled) < 4 or len(filled) % 2 or kinds != ["text", "number"] * (len(filled) // 2):
            return None
        k = next(i for i, x in enumerate(filled) if x is cell)
        return filled[k - 1]

    def _sub_label(self, r: int, cell: Cell) -> Cell | None:
        """按支出性质分 | 基本支出 | 700.00, where other rows hold figures in 基本支出's column: the row's one figure is of
        the label right before it, under the row's first label."""
        filled = [x for x in sorted(self.rows[r], key=lambda x: x.col) if x.text.strip()]
        kinds = ["number" if self._is_numeric(x) else self.info[id(x)].kind for x in filled]
        if (
            kinds not in (["text", "text", "number"], ["text", "number"])
            or filled[-1] is not cell
            or not filled[-2].col
        ):
            return None  # (项目支出 | 300.00 under the 按支出性质分 merged down from the row above: the same)
        column = filled[-2].col
        elsewhere = any(self._is_numeric(x) for rr in self.rows if rr and rr[0].row != r for x in rr if x.col == column)
        return filled[-2] if elsewhere else None

    def _corner_cells(self, r: int, cols: list[int]) -> list[Cell]:
        out: list[Cell] = []
        for g in self.governing[r]:
            for c in cols:
                cell = self.cov[g][c]
                if cell is not None and cell.text.strip() and all(x is not cell for x in out):
                    out.append(cell)
        return out

    # -------------------------------------------------------------- facts

    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        for cell in sorted(self.t.cells, key=lambda c: (c.row, c.col)):
            info = self.info[id(cell)]
            if cell.row in self.header or info.kind not in ("number", "labelnum"):
                continue
            fact = self._fact(cell, info)
            if fact is not None:
                out.append(fact)
        return out

    def _fact(self, cell: Cell, info: _Info) -> Fact | None:
        r = cell.row
        label_cols = self._label_columns(r, cell.col)
        label_cells = self._row_label_cells(r, label_cols)
        paired = self._pair_label(r, cell)
        if paired is not None:
            label_cells = [paired]
        sub = self._sub_label(r, cell)
        if sub is not None and all(x is not sub for x in label_cells):
            label_cells = [*label_cells, sub]
        corner = self._corner_cells(r, label_cols)
        col_cells = self._column_labels(r, self._aligned_col(cell))
        row_labels = [clean_label(x.text) for x in label_cells if self.info[id(x)].kind == "text"]
        if not row_labels and info.kind != "labelnum":
            row_labels = [clean_label(x.text) for x in corner]  # 财政供养人员情况 over 114 | 127
        code = "".join(x.text.strip() for x in label_cells if self.info[id(x)].kind == "code")
        if not code:
            for label in row_labels:
                m = _CODE_PREFIX.match(label)
                if m:
                    code = m.group(1)
                    break
        number_text = info.number if info.kind == "labelnum" else cell.text
        if info.kind == "labelnum":
            row_labels.append(clean_label(info.label))
        column_labels = [clean_label(x.text) for x in col_cells]
        quantity = parse_quantity(number_text)
        if quantity is None:
            return None
        if not quantity.unit:
            scope = [x for k in label_cols if (x := self._scope_above(r, k)) is not None]
            unit = self._default_unit(column_labels, [*scope, *corner, *label_cells])
            if unit:
                quantity = parse_quantity(number_text, unit) or quantity
        prov = self.t.cell_prov(cell)
        if info.kind == "labelnum":
            prov = prov.with_(span=(info.offset, info.offset + len(info.number)))
        fact = Fact(
            quantity=quantity,
            prov=prov,
            row_labels=tuple(_dedupe(row_labels)),
            column_labels=tuple(_dedupe(column_labels)),
            table_title=self.title,
            code=code,
            text=cell.text,
        )
        fact.identity = fact_identity(fact, tuple(clean_label(x.text) for x in corner))
        if self.project:  # a 项目支出绩效自评表's figures are its project's, not another project's
            fact.identity = replace(fact.identity, item=self.project)
        written = [
            (depth, own)
            for depth, k in enumerate(label_cols)
            if (own := self.cov[r][k]) is not None
            and own.row == r
            and own.text.strip()
            and self.info[id(own)].kind == "text"
        ]
        if (
            len(written) > 1
            and written[0][1].rowspan > 1
            and not _BARE_TOTAL_WORD.match(clean_label(written[1][1].text))
        ):
            # 一般债券 merged down over its bonds, the first bond's name beside it: the merged cell heads the group,
            # the row is the bond's (but 公务用车购置及运行费 | 小计 is the group's own row)
            written = written[1:]
        if written:
            depth, own = written[0]
            fact.own_label, fact.label_depth, fact.indent = clean_label(own.text), depth, own.indent
            fact.label_col = own.col
        for own in (x for x in (paired, sub) if x is not None):
            fact.own_label, fact.label_depth, fact.indent = clean_label(own.text), 0, own.indent
            fact.label_col = own.col
        return fact

    def _default_unit(self, column_labels: list[str], label_cells: list[Cell]) -> str:
        for label in reversed(column_labels):
            if _POINTS_HEADERS.match(label):
                return "分"
            if _RATE_HEADER.search(label) or _GROWTH_HEADER.match(clean_label(label)):
                # 执行率 under 单位：万元、%、分, 比上年增长 under 单位：万元、%: a rate whatever unit the table names first
                return "%"
            if _RATIO_HEADER.search(label):
                return "倍"  # 本息覆盖倍数 under 单位：万元: a ratio of two amounts, not an amount
            unit = unit_from_caption(label)
            if unit:
                return unit
            if "%" in label or "％" in label:  # 同比增长（）%: a percent column whatever the table's unit
                return "%"
        for cell in reversed(label_cells):
            unit = _unit_ending(cell.text)
            if unit and unit not in _SUBJECT_LEVELS:  # 其他国有资本经营预算支出(项): a 科目 level, not a unit
                return unit
            if cell.text.rstrip().endswith(("%", "％")):  # 平均利率% as a row: its figures are percents
                return "%"
        return self.t.unit or ""


_LAST_BRACKET = re.compile(r"[（(][^（()）]*[)）]\s*$")
_RATIO_HEADER = re.compile(r"(?:倍数|倍率)$")
# 比上年增长, 同比增长, 增幅: a rate of change named alone (an amount of change says 增减额, 增加额, 增长额)
# (同比 or 环比 alone heads a column of rates as well; so does a 进度: 累计完成年度预算进度, 支出进度)
_GROWTH_HEADER = re.compile(
    r"^(?:比上年|较上年|比上年同期|同比)?(?:增长|增幅|增减幅度|下降|降幅)$|^(?:同比|环比)$|进度$"
)
_RATE_HEADER = re.compile("(?:" + "|".join(map(re.escape, claim_words().rate_headers)) + ")$")


def _unit_ending(label: str) -> str | None:
    """The unit a row's label declares at its end (养殖户数（户）, 金额（万元）, 单位：万元); a unit word in brackets inside
    a name (规模养殖场（户）标准化棚圈建设项目) is part of the name."""
    bracket = _LAST_BRACKET.search(label)
    if bracket is not None:
        return unit_from_caption(bracket.group(0))
    return unit_from_caption(label) if "单位" in label else None


def _header_years(cells: list[Cell], nums: list[Cell], info: dict[int, _Info]) -> bool:
    """Numbers that are column years (2022 | 2023: distinct and rising), or a lone year with no row label — not a
    labelled data row whose amounts happen to look like years (城乡社区转移支付 | 2000 | 2000)."""
    years = [int(c.text.strip()[:4]) for c in sorted(nums, key=lambda c: c.col)]
    if len(years) >= 2:
        return all(a < b for a, b in zip(years, years[1:], strict=False))
    texts = [c.text for c in cells if info[id(c)].kind == "text"]
    return not texts or any(re.search(r"(?:19|20)\d\d\s*年", t) for t in texts)  # 项目 | 2023年 | 2022


_SUBJECT_LEVELS = frozenset(("类", "款", "项"))
_NIL = re.compile(r"^[-－—–/／\\*＊]+$")  # a dash printed for "no amount": neither a number nor a label
_CN_ORDINAL = re.compile(r"^[一二三四五六七八九十]+$")


def _classify_text(text: str) -> _Info:
    t = text.strip()
    if not t or _NIL.match(t):
        return _Info("empty")
    if _CN_ORDINAL.match(t):
        return _Info("text")  # 一 | 襄都区小计, 二 | 信都区小计: a 序号 in words is a label, like the rows' names
    if parse_quantity(t) is not None:
        return _Info("number")
    m = _LABEL_NUMBER.match(t)
    if m and _CJK.search(m.group("label")) and parse_quantity(m.group("num")) is not None:
        num = m.group("num").strip()
        offset = text.rfind(num)
        return _Info("labelnum", label=m.group("label"), number=num, offset=offset)
    return _Info("text")


def _dedupe(labels: list[str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        if label and (not out or out[-1] != label):
            out.append(label)
    return out
