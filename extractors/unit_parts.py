"""The subordinate units (二级单位) a department's report gives a part of their own: a heading naming the unit
(第四部分 青川市食品药品检验检测中心2024年度决算, （三）区融资担保中心), a table titled by it (收入支出决算总表（XX中心）).
Figures there are that unit's, never the department's figures of the same name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.headings import section_label
from extractors.model import Document, Paragraph
from extractors.subjects import LABEL_RE

# the words a subordinate body's name ends in (a unit, the department's own 机关) and an area's
UNIT_END = r"中心|站|所|院|学校|中学|小学|幼儿园|馆|队|处|林场|农场|牧场|机关(?:本级)?"
AREA_END = r"街道|镇|乡|开发区|园区|管委会"
_SUBORDINATE = re.compile(rf"(?:{UNIT_END}|[（(](?:本部|机关|本级)[)）]|{AREA_END})$")

_BODY_TITLE = re.compile(
    rf"\s*(?P<name>[\u4e00-\u9fff“”]{{2,40}}?(?:{UNIT_END}|[（(](?:本部|机关|本级)[)）]))"
    r"(?=\s|$|20\d\d|支出|收入|预算|决算|单位|情况|[（(]单位)"
)
# 收入支出决算总表（青川市食品药品检验检测中心）: a table of the template titled with its unit in a closing bracket
_BODY_BRACKET = re.compile(rf"表\s*[（(](?P<name>[\u4e00-\u9fff“”]{{2,40}}?(?:{UNIT_END}))[）)]\s*$")
# 第四部分 青川市食品药品检验检测中心2024年度决算, 二、县疾病预防控制中心2025年单位预算: a unit's own part of the report
_UNIT_PART = re.compile(
    rf"(?P<name>[\u4e00-\u9fff“”]{{2,40}}?(?:{UNIT_END}))\s*(?:20\d\d\s*年度?)?\s*(?:单位|部门)?(?:决算|预算)(?:公开)?"
    r"(?:情况)?(?:说明)?"
)
# a report on a department as a whole, which its units' parts stand in: 部门决算, 部门预算, XX局2024年决算
_DEPARTMENT_REPORT = re.compile(r"部门|局|委员会|厅|办公室")


def subordinate(body: str, title: str) -> bool:
    """A body the report's title does not name, of a kind that stands under a department (a school, a centre, the
    department's own 机关)."""
    if not _SUBORDINATE.search(body) or body in title:
        return False
    # the department's 机关 is a part of it; a short form of its own name (省检察院 in 江苏省人民检察院…) is not
    return bool(re.search(r"[（(](?:本部|机关|本级)[)）]$|机关(?:本级)?$", body)) or body[-3:] not in title


def subordinate_body(heading: str, title: str) -> str:
    """The subordinate body a table's title or heading names alone ("（三）长治市农业技术推广中心 单位：万元" in 长治市农业
    农村局's report) or in the bracket closing a table's title (收入支出决算总表（XX中心）), "" when it names none or
    names the report's own body."""
    plain = LABEL_RE.sub("", heading.strip())
    found = _BODY_TITLE.match(plain) or _BODY_BRACKET.search(plain)
    return found.group("name") if found is not None and subordinate(found.group("name"), title) else ""


def unit_of_part(heading: str, title: str) -> str:
    """The unit a heading opens a part of a department's report for (第四部分 XX中心2024年度决算, （二）XX中心, a line
    "某县农业技术推广中心" or "某县农业农村局本级" alone), "" for any other heading or in a report that is one unit's own."""
    plain = re.sub(r"^第[一二三四五六七八九十百]+(?:部分|章|节)\s*", "", LABEL_RE.sub("", heading.strip()))
    plain = plain.strip(" 。.：:")
    found = _UNIT_PART.fullmatch(plain) or _BARE_UNIT.fullmatch(plain)
    if found is None or not _DEPARTMENT_REPORT.search(title):
        return ""
    name = found.group("name")
    if _OWN_OFFICE.search(name):
        return name  # 某县农业农村局本级, XX局机关: the department's own office, a part of its report of its own
    return name if subordinate(name, title) else ""


_BARE_UNIT = re.compile(rf"(?P<name>[\u4e00-\u9fff“”（）()]{{2,40}}?(?:{UNIT_END}|本级|本部))")
_OWN_OFFICE = re.compile(r"(?:[局委厅办院](?:本级|本部|机关(?:本级)?)|[（(](?:本部|机关|本级)[)）])$")


# how high a heading stands: a 第X部分 part above 一、 above （一） above 1. above (1)
_RANK = {"part": 0, "cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4}
_HEADING_CHARS = 40
_UNLABELLED = 0.5  # a unit's line without a label stands just below the labelled heading before it


@dataclass
class UnitTracker:
    """Follows the headings in reading order and tells which unit's part of the report a block stands in: from a
    heading naming a unit's part to the next heading as high as it (a line naming a unit without a label stands just
    below the labelled heading before it: the next one as high as that ends its part)."""

    title: str
    unit: str = ""
    rank: float = 0
    above: float = -_UNLABELLED  # the rank of the last labelled heading

    def visit(self, para: Paragraph) -> str:
        text = para.text.strip()
        label = section_label(text)
        rank: float
        if label is not None and label[0] in _RANK:
            rank = _RANK[label[0]]
            self.above = rank
        elif len(text) <= _HEADING_CHARS and not re.search(r"[，,；;。]", text.rstrip("：:")) and text:
            if not self._names_a_unit(text):
                return self.unit
            rank = self.above + _UNLABELLED
        else:
            return self.unit
        if self.unit and rank <= self.rank:
            self.unit = ""
        named = self._names_a_unit(text)
        if named:
            self.unit, self.rank = named, rank
        return self.unit

    def _names_a_unit(self, text: str) -> str:
        """The unit a heading or a table's title line names (绵阳市林业科学研究所收入支出决算总表 over that unit's table
        and its note), "" when none."""
        if label := section_label(text):
            if label[0] not in _RANK:
                return ""
        own = unit_of_part(text, self.title)
        if own or not _DEPARTMENT_REPORT.search(self.title):
            return own
        return subordinate_body(text, self.title) if _TABLE_TITLE.search(text) else ""


_TABLE_TITLE = re.compile(r"表\s*$")


def unit_of_each_block(doc: Document, title: str) -> dict[int | None, str]:
    """block index → the unit whose part of the report the block stands in (only blocks in such a part)."""
    tracker = UnitTracker(title)
    out: dict[int | None, str] = {}
    for k, block in enumerate(doc.blocks):
        unit = tracker.visit(block) if isinstance(block, Paragraph) else tracker.unit
        if unit:
            out[block.prov.block if block.prov.block is not None else k] = unit
    return out
