"""template, part 2: the 情况说明 figures, bound to the section (and 1、…（项） item) they stand in.

Each narrative figure gets its section headings (from the outline), its item and the words right before
it (its "lead"); the rules of pipeline/data/template_rules.toml name, per section and lead, the table
cell it must equal. Shares, changes (比上年增加X，增长Y%) and 完成预算的Y% are recomputed the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from extractors.lists import flow_of
from extractors.model import Claim, OutlineEntry, Provenance, Quantity
from extractors.subjects import PRIOR_YEAR, names_a_body
from extractors.table_identity import column_role, normalise_label
from pipeline import tolerance as tol
from pipeline.checks.base import (
    TRUNCATED,
    change_pattern,
    change_sign,
    claim_figure,
    closes_unopened,
    fmt,
    in_unit,
    same_item_name,
    shown,
    subject_key,
    weak_subject,
)
from pipeline.checks.compare import VS_BUDGET, positions
from pipeline.checks.template_rules import ItemRule, NarrativeRule, ShareRule
from pipeline.checks.template_views import (
    _CLAUSE,
    R_CHANGE,
    R_NARRATIVE,
    R_RATE,
    R_SHARE,
    VCell,
    View,
    compact,
    declared,
    finding_at,
    named,
    select,
)
from pipeline.findings import Finding

# ------------------------------------------------------------------ narrative


@dataclass
class Said:
    """A narrative figure with where it stands: section headings, list item, the words before it."""

    claim: Claim
    sections: list[str]
    item: str
    lead: str
    order: tuple[int, int]

    @property
    def q(self) -> Quantity:
        return self.claim.quantity


def _pos(p: Provenance) -> tuple[int, int]:
    start = p.span[0] if p.span else 0
    return (p.block if p.block is not None else (p.paragraph or 0), start)


def _lead(c: Claim, earlier_same: int) -> str:
    """The words of the clause right before the figure (……收入支出总计 | 占 | 完成年初预算的): as the claims
    extractor read them from the paragraph (extractors.leads); for a claim made by hand, from its sentence."""
    if c.lead is not None:
        return compact(c.lead)
    s = c.sentence or ""
    text = (c.quantity.text or "").strip()
    pos = -1
    if text:
        idx = -1
        for _ in range(earlier_same + 1):
            idx = s.find(text, idx + 1)
            if idx < 0:
                break
        pos = idx
    if pos < 0:
        m = re.search(re.escape(format(c.quantity.value, "f")), s)
        pos = m.start() if m else -1
    if pos < 0:
        return ""
    parts = _CLAUSE.split(compact(s[:pos]))
    return parts[-1] if parts else ""


def narrative(claims: list[Claim], outline: list[OutlineEntry]) -> list[Said]:
    heads = sorted((e for e in outline if e.kind == "heading" and e.level), key=lambda e: _pos(e.prov))
    out: list[Said] = []
    seen: dict[tuple[Any, str, str], int] = defaultdict(int)
    for c in sorted(claims, key=lambda c: _pos(c.prov)):
        key = (c.prov.block, c.prov.paragraph, c.sentence)
        n = seen[(key, c.sentence, c.quantity.text)]
        seen[(key, c.sentence, c.quantity.text)] = n + 1
        pos = _pos(c.prov)
        path: list[OutlineEntry] = []
        for h in heads:
            if _pos(h.prov) > pos:
                break
            path = [x for x in path if (x.level or 0) < (h.level or 0)] + [h]
        item = next((compact(h.text) for h in path if h.level == 4 and "(项)" in compact(h.text)), "")
        sections = [compact(h.text) for h in path if (h.level or 0) < 4]
        out.append(Said(c, sections, item, _lead(c, n), pos))
    return out


# a heading's own number, which provinces print differently (四、支出决算情况说明 where the national template has 三、)
_HEADING_NUMBER = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[)）、.．]|[（(]?\d{1,2}[)）、.．](?!\d))\s*")


def _in_section(s: Said, pattern: str) -> bool:
    return any(re.search(pattern, h) or re.search(pattern, _HEADING_NUMBER.sub("", h)) for h in s.sections)


def _names(item: str) -> dict[str, str]:
    plain = re.sub(r"[“”\"‘’]", "", item)  # 3.“两房”建设(项): the name is 两房建设
    return {lvl: normalise_label(name) for name, lvl in re.findall(r"([^()]+?)\((类|款|项)\)", plain)}


def _class_name(text: str) -> str:
    """A 类's name as a lead or a row label prints it: 1.一般公共服务(类)支出, 一、一般公共服务支出 → 一般公共服务."""
    return re.sub(r"(支出)+$", "", normalise_label(text))


def _item_rows(v: View, item: str, sig: frozenset[str]) -> list[VCell]:
    """The rows an item may be: its 项 by name, under its 款 where the item names one; several where it does not
    and the table holds that 项 under two 款 (行政运行)."""
    names = _names(item)
    if "项" not in names:
        return []
    rows = [c for c in v.cells if c.key.level == 3 and c.key.name == names["项"]]
    if not sig:  # a table of one amount column (金额): the row's figure, whatever its column is called
        sigs = {c.sig for c in rows}
        total = frozenset({"total"})
        # 合计 | 基本支出 | 项目支出: an item's figure is its row's 合计
        sig = sigs.pop() if len(sigs) == 1 else total if total in sigs else sig
    cands = [c for c in rows if c.sig == sig]
    if len(cands) > 1 and "款" in names:
        parents = {c.key.code for c in v.cells if c.key.level == 2 and c.key.name == names["款"]}
        cands = [c for c in cands if c.key.code[:5] in parents]
    return cands


def _compare_said(s: Said, cell: VCell, v: View, flagged: set[int], r: NarrativeRule | ItemRule) -> Iterator[Finding]:
    q = s.q
    if q.dimension != "money":
        return
    fv = _verdict(q, cell)
    if fv == tol.OK:
        return
    flagged.add(id(s.claim))
    row = cell.label or cell.key.code
    where = (
        v.name + (f"“{row}”" if row else "") + (f"（{'/'.join(sorted(named(cell.sig)))}列）" if named(cell.sig) else "")
    )
    sec = s.sections[-1] if s.sections else "正文"
    expl = f"“{sec}”一节写 {s.lead}{shown(q)}，该节所述的{where}为 {shown(cell.q)}"
    if tol.factor(q) != tol.factor(cell.q):
        expl += f"（= {fmt(in_unit(cell.q.base_value, q), q.decimals)}{q.unit}）"
    if fv == tol.WARNING:
        expl += "；相差末位一个单位"
    expl += declared(r)
    yield finding_at(R_NARRATIVE, fv, claim_figure(s.claim), expl, cell.q.base_value, [cell.fact.prov], _subject(s))


def _verdict(q: Quantity, cell: VCell) -> str:
    fv = tol.printings_verdict(q, cell.q)
    if fv != tol.OK and not cell.q.unit:  # a table whose 单位 was not read: its figures may be in the text's unit
        fv = _best(fv, tol.printings_verdict(q, _in_units_of(cell.q, q)))
    return fv


def _in_units_of(cell: Quantity, said: Quantity) -> Quantity:
    """A figure printed without a unit, read in the unit of the text that states it."""
    return replace(cell, unit=said.unit, base_value=cell.value * tol.factor(said), dimension=said.dimension)


def _best(a: str, b: str) -> str:
    order = (tol.OK, tol.WARNING, tol.ERROR)
    return min(a, b, key=order.index)


def _subject(s: Said) -> str:
    """The words before the figure, with the list item's 项 when they do not name it (2024年预算安排 of which 项)."""
    # 拟采购货物支出48.60万元、拟采购工程支出0万元、拟购买服务支出: the words of this figure, after the list's last figure
    lead = re.sub(r"^.*\d\s*[万亿]?元[、，,；;]", "", s.lead)
    # 兰陵县农业农村局2024年度收入、支出总计均为: the item, without its body's name and the copula
    lead = (
        re.sub(r"(?:均为|各为|分别为|(?<=数)为)$", "", re.sub(r"^[^\d，,；;。]{2,40}?(?=20\d\d年)", "", lead)) or lead
    )
    name = _names(s.item).get("项", "")
    if not name or name in lead:
        return lead
    return f"{name}(项) {lead}".strip()


def run_narrative(
    views: dict[str, View],
    said: list[Said],
    narrative_rules: list[NarrativeRule],
    item_rules: list[ItemRule],
    flagged: set[int],
    decided: set[int],
    year: int | None = None,
    unit: str = "",
) -> Iterator[Finding]:
    """`unit`: the unit whose own tables `views` are (its part of a department's report), "" for the department's."""
    for s in said:
        if s.q.dimension != "money" or _not_the_report_s(s, year, unit):
            continue
        for r in narrative_rules:
            if r.no_item and s.item:
                continue
            said_as = re.search(r.lead, s.lead) if _in_section(s, r.section) else None
            if said_as is None or names_a_body(s.lead[: said_as.start()]):
                continue  # 江苏省口岸发展研究中心一般公共预算财政拨款支出预算799.46万元: one unit's, not the 合计
            if _FUND_BEFORE.search(s.lead[: said_as.start()]):
                continue  # 一般公共预算财政拨款收入支出总计15,924.40万元: that fund's part of the 财政拨款 总计
            if r.sentence and not _of_sentence_subject(s.claim, r.sentence):
                continue
            sel = r.target
            if sel.col_from_lead:
                role = column_role(re.sub(r"^其中", "", s.lead))
                if role is None:
                    continue
                sel = sel.model_copy(update={"col": (role,)})
            cells = select(views, sel)
            if sel.name_from_lead:
                name = _class_name(s.lead)
                cells = [c for c in cells if _class_name(c.key.name) == name]
            if not cells:
                continue
            decided.add(id(s.claim))
            # 本年收入预算合计: the 收入合计 or the 当年收入小计 row, whichever the report means — one agreeing is enough
            if not any(_verdict(s.q, c) == tol.OK for c in cells[1:]):
                yield from _compare_said(s, cells[0], views[sel.table], flagged, r)
            break
        else:
            # 3．“两房”建设（项）支出…: the item the figure's own words name, else the one it stands under
            item = s.lead if "(项)" in s.lead else s.item
            if not item or (item is s.item and s.claim.relation == "part"):
                continue  # 其中：道路保洁作业预算安排2916.00万元 under a (项): a part of the item's figure, not it
            for ir in item_rules:
                if not _in_section(s, ir.section) or not re.search(ir.lead, s.lead):
                    continue
                v = views.get(ir.target.table)
                if v is None:
                    continue
                cands = _item_rows(v, item, frozenset(ir.target.col or ()))
                if not cands:
                    continue
                decided.add(id(s.claim))
                if len(cands) == 1:
                    yield from _compare_said(s, cands[0], v, flagged, ir)
                elif not any(_verdict(s.q, c) == tol.OK for c in cands):
                    rows = "、".join(f"{c.key.code} {shown(c.q)}" for c in cands)
                    yield finding_at(
                        R_NARRATIVE,
                        "info",
                        claim_figure(s.claim),
                        f"{_subject(s)}{shown(s.q)}：{v.name}中同名的项有 {rows}，正文未写明所属的款，无法确定对应哪一行"
                        f"（均不相符）{declared(ir)}",
                        None,
                        [c.fact.prov for c in cands],
                        _subject(s),
                    )
                break


_FUND_BEFORE = re.compile(r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|社会保险基金(?:预算)?)$")


def _not_the_report_s(s: Said, year: int | None, unit: str = "") -> bool:
    """A figure the standard tables do not hold: of one body of the department (its own office, a unit under it) or of
    another year than the tables' (2023年度“三公”经费…45.12万元 in a report on 2024; 2024年实际发生公务接待费1.85万元 in a
    2025 budget)."""
    ident = s.claim.identity
    if ident.scope and ident.scope not in _WHOLE_SCOPES and ident.scope != unit:
        return True
    if ident.part_of and names_a_body(ident.part_of):
        return True  # 分单位看：局机关4,036.42万元，…其中基本支出1,386.42万元: the unit's part, not the department's
    period = ident.period[:4]
    return bool(year) and period.isdigit() and len(ident.period) == 4 and int(period) != year


_WHOLE_SCOPES = ("全省", "全市", "全区", "全县", "全州", "全盟", "全镇", "全乡", "全地区", "全旗")


def _of_sentence_subject(c: Claim, pattern: str) -> bool:
    """Whether a figure is of the subject its sentence opens with (“三公”经费财政拨款支出年初预算为…，支出决算为30.94万元):
    the sentence names it before the figure, and no 其中 list opens between (…其中：因公出国（境）费…支出决算为0万元)."""
    lead = compact(c.lead or "")
    for at in re.finditer(rf"(?<![\d.]){re.escape(c.quantity.text)}", c.sentence):
        head = compact(c.sentence[: at.start()])
        if head.endswith(lead):
            m = re.search(pattern, head)
            return m is not None and "其中" not in head[m.end() :]
    return bool(re.search(pattern, compact(c.sentence)))


NEAR_BLOCKS = 2  # a PDF reader may give each printed line its own paragraph


def _money_before(said: list[Said], s: Said, same_sentence: bool = False) -> list[Said]:
    """Money figures before s in its neighbourhood: same section, at most NEAR_BLOCKS paragraphs back (a figure read
    again as the side of a comparison — 决算数大于年初预算数 — is the same printing, not one more figure)."""
    return [
        x
        for x in said
        if x.q.dimension == "money"
        and x.claim.relation != "direction"
        and x.order < s.order
        and s.order[0] - NEAR_BLOCKS <= x.order[0]
        and x.sections == s.sections
        and x.item == s.item
        and (not same_sentence or x.claim.sentence == s.claim.sentence)
    ]


# (比2024年预算增加: 预算 is the measure of the figure compared with, not of the item changed)
_COMPARED = re.compile(
    r"(?:与|比|较|同)(?:上年|去年|上一年|\d{4}\s*年度?)(?:同期)?(?:(?:年初|调整后?|全年)?(?:预算|决算|执行)数?)?"
    r"(?:相比|比较)?[，,]?"
)
_NOT_NAME = re.compile(r"[“”\"'‘’\s]|^\d{4}\s*年度?")


def _alone(said: list[Said], x: Said, d: Said) -> bool:
    """Whether x is the one level its paragraph prints before the change d (…财政拨款收、支总预算18330.37万元。与上年相比，
    …各增加2432.93万元): then d is of it, whatever words name it there."""
    here = (x.claim.prov.block, x.claim.prov.paragraph)
    return (
        sum(
            1
            for y in said
            if (y.claim.prov.block, y.claim.prov.paragraph) == here
            and y.order < d.order
            and y.q.dimension == "money"
            and y.claim.relation != "change"
            and not re.search(f"({change_pattern()})了?$", y.lead)
        )
        == 1
    )


_MEASURE_NAME = re.compile(r"(?:决算|执行|预算)数?")


def _change_name(d: Said) -> str:
    """The name an amount of change gives the figure it changes (…与上年相比，本年收入合计增加: 本年收入合计)."""
    lead = _COMPARED.sub("", re.sub(f"(?:{change_pattern()})了?$", "", d.lead))
    lead = re.sub(r"各$", "", _BOTH_SIDES.sub("收支", lead))  # 收、支总计各增加: the two totals' common change
    lead = _after_last_cut(lead)  # …1,086.40万元（增长4.27%）、事业收入增加: 事业收入
    name = _NOT_NAME.sub("", lead if len(re.findall(r"[\u4e00-\u9fff]", lead)) >= 2 else d.claim.subject)
    if name in ("收入", "支出"):
        # 本年收入增加252.11万元，增长3.9%，支出增加209.81万元: the bare 支出 is the 本年 one its counterpart names
        sentence = d.claim.sentence
        at = sentence.find(d.claim.quantity.text)
        at = sentence.rfind(d.lead, 0, at) if at >= 0 and d.lead else at
        pair = list(_COUNTERPART.finditer(sentence[:at])) if at > 0 else []
        if pair and (pair[-1].group(1) or pair[-1].group(3)):
            name = (pair[-1].group(1) or "") + name + (pair[-1].group(3) or "")
    return name


_COUNTERPART = re.compile(r"(本年度?)?(收入|支出)(合计|总计)?(?=[^，,；;。]{0,12}?(?:增加|减少|增长|下降))")


def _total_kind(name: str) -> str:
    """Which total a name is: 总计 (the year's money with what was carried in or over), 合计 (本年收入合计, 本年支出:
    the year's own), or '' (no total named)."""
    if re.search(r"总计$", name):
        return "总计"
    if re.search(r"合计$", name) or name.startswith("本年"):
        return "合计"
    return ""


_FUND_FLOW = re.compile(r"(?:财政拨款|一般公共预算|政府性基金预算?|国有资本经营预算?)(?:资金)?(?:收入|支出)$")


def _another_total(name: str, x: Said) -> bool:
    """Whether a name and a level are two different totals: 本年收入合计 is a part of 收入总计 (总计 = 合计 + 年初结转和
    结余), never its printing; nor is one fund's figure."""
    mine, theirs = _total_kind(name), _total_kind(x.claim.subject)
    if theirs == "总计" and _FUND_NAMES.search(name) and not _FUND_NAMES.search(x.claim.subject):
        return True  # 一般公共预算财政拨款支出 (one fund's spending of the year) is no 支出总计 (all funds, with carry-over)
    if theirs == "总计" and name in ("收入", "支出"):
        # 收、支总计均为3316.96万元。与上年相比，…支出增加189.07万元: a bare flow is the year's own as likely as the 总计
        return True
    if theirs == "总计" and not mine and _FUND_FLOW.search(name):
        # 财政拨款收入、支出决算总计1,901.60万元。…财政拨款支出比上年增加85.55万元: a fund's spending of the year, no 总计
        return True
    return bool(mine and theirs and mine != theirs)


def _of_another_flow(name: str, level: Said) -> bool:
    """Whether a change names one flow (收入) and the level the other (支出总计)."""
    said, its = flow_of(name), flow_of(level.claim.subject)
    return bool(said) and bool(its) and said != its


def _names_another_item(d: Said, level: Said) -> bool:
    """Whether the change's sentence opens with an item's name (农林水支出较之上年…) that the level's words do not hold."""
    own = compact(d.claim.subject)
    words = compact(level.claim.subject + (level.lead or ""))
    # (…农林水支出和社会保障和就业支出两项合计: a total of several items, of which the change names one)
    several = bool(
        re.search(r"(?:[两二三四五六七八九十]|\d+)项(?:合计|共计)|[和、及与][^和、及与]+(?:合计|共计|总计)$", words)
    )
    return (
        bool(own)
        and compact(d.claim.sentence).startswith(own)
        and (own not in words or several)
        and not _MEASURE_NAME.fullmatch(own)
    )


def _names_another_item_past_a_semicolon(d: Said, level: Said) -> bool:
    """Whether a "；" stands between the level and the change, and the change's run opens by naming an item the
    level's words do not hold."""
    sentence = d.claim.sentence
    at, lv = sentence.find(d.claim.quantity.text), sentence.find(level.claim.quantity.text)
    if at < 0 or lv < 0 or lv >= at:
        return False
    cut = max(sentence.rfind("；", 0, at), sentence.rfind(";", 0, at))
    if cut < lv:
        return False
    name = _change_name(d)
    run = compact(sentence[cut + 1 : at])
    words = compact(level.claim.subject + (level.lead or ""))
    return len(name) >= 2 and run.startswith(name) and name not in words


def _named_as(curs: list[Said], d: Said) -> list[Said]:
    """Where an amount of change stands in a sentence after its level's, the levels of the item the change names:
    "…支出决算为35.64万元，其中：…公务接待费支出决算为3.18万元。“三公”经费…支出决算数比2021年度减少32.14万元" is a
    change of 35.64, not of 3.18; "本年收入2,000.00万元，本年支出2,150.00万元，年末结转和结余170.00万元。与2021年度相比，
    …收入增加200.00万元，…，支出增加500.00万元" changes 2,000.00 and 2,150.00. Never the figure of the year compared
    with (2023年度收入总计2,105.30万元 printed after this year's), nor one whose name only holds the change's (其他收入 for
    收入). None when no earlier level is so named."""
    name = _change_name(d)
    if not name:
        return []
    curs = [x for x in curs if not _another_total(name, x)]
    if _MEASURE_NAME.fullmatch(name):
        # 三公经费…支出决算为5.6万元，…。决算数比上年减少0.4万元: a change named by its measure alone is of that measure's
        # level in its own paragraph, never of another paragraph's 本年支出合计
        own = [
            x
            for x in curs
            if (x.claim.prov.block, x.claim.prov.paragraph) == (d.claim.prov.block, d.claim.prov.paragraph)
            and _BUDGET_ROLES.get(x.claim.role, "决算") == ("预算" if "预算" in name else "决算")
        ]
        return own[-1:]
    compared = re.search(r"(?:比|较|与|同)\s*(\d{4})\s*年", d.claim.sentence)
    curs = [
        x
        for x in curs
        if x.claim.role != PRIOR_YEAR
        and x.claim.period != PRIOR_YEAR
        and not (compared and x.claim.period.startswith(compared.group(1)))
    ]
    years = {x.claim.period[:4] for x in curs if x.claim.period[:4].isdigit()}
    if len(years) > 1:  # 2024年度…，2023年度…。与上年相比…: this year's, never the year compared with
        curs = [x for x in curs if x.claim.period[:4] in (max(years), "")]
    plain = _FUND_NAMES.sub("", name)
    said_measure = "决算" if re.search(r"决算|执行", plain) else "预算" if "预算" in plain else ""
    if not said_measure and {_BUDGET_ROLES.get(x.claim.role) for x in curs} >= {"预算", "决算"}:
        said_measure = "决算"  # a change naming no measure, beside a 决算 and a 年初预算: of the 决算, as changes are
    if said_measure:  # 支出决算比2023年度减少…: the 决算, not the 年初预算 printed as a rate's base beside it
        curs = [x for x in curs if _BUDGET_ROLES.get(x.claim.role, said_measure) == said_measure]
    key = subject_key(name)
    same = [x for x in curs if subject_key(x.claim.subject) == key]
    if same:
        return same
    for core in (_core, lambda n: _core(n).replace("财政拨款", "")):  # 财政拨款收入 is 收入 only where nothing else is
        found = [x for x in curs if core(x.claim.subject) == core(name)]
        if found:
            return found
    # 因公出国（境）费支出决算增加1.57万元 after 因公出国（境）费决算为6.42万元: the item's 支出 is the item
    spent = [x for x in curs if _spent_core(x.claim.subject) == _spent_core(name)]
    if len({_spent_core(x.claim.subject) for x in spent}) == 1:
        return spent
    if name.startswith("收支"):  # 收入总计…，支出总计… printed alike: the level of 收、支总计各增加
        sides = {_core("收入" + name[2:]), _core("支出" + name[2:])}
        both = [x for x in curs if _core(x.claim.subject) in sides]
        # 收入总计 and 支出总计, not their 其中 parts 本年收入合计 and 本年支出合计 (their 合计 is no 总计)
        both = [x for x in both if x.claim.subject.endswith(name[2:])] or both
        if len({_core(x.claim.subject) for x in both}) == 2 and len({x.q.base_value for x in both}) == 1:
            return both[-1:]
    funded = _FUNDED_BOTH_SIDES.match(name)
    if funded is not None:
        # 财政拨款收入总计22933.26万元，支出总计22933.26万元。…财政拨款收、支总计各增加…: the fund's two totals, its name
        # printed once before both
        fund, rest = funded.group(1), funded.group(2)
        income = [x for x in curs if _core(x.claim.subject) == _core(fund + "收入" + rest)]
        spent = [
            x
            for x in curs
            if _core(x.claim.subject) in (_core(fund + "支出" + rest), _core("支出" + rest))
            and any(x.claim.sentence == i.claim.sentence for i in income)
        ]
        if len(income) == 1 and len(spent) == 1 and income[0].q.base_value == spent[0].q.base_value:
            return spent
    return []


_FUNDED_BOTH_SIDES = re.compile(r"^(财政拨款|一般公共预算财政拨款|政府性基金预算财政拨款)收支(总计|合计)$")


def _after_last_cut(lead: str) -> str:
    """The name after the last break in a change's lead; a bracket inside a name (因公出国（境）费) is no break."""
    masked = _IN_NAME_BRACKET.sub(lambda m: "＿" * len(m.group()), lead)
    cuts = list(_NAME_CUT.finditer(masked))
    return lead[cuts[-1].end() :] if cuts else lead


_IN_NAME_BRACKET = re.compile(r"[（(][^（()）\d%]{1,4}[）)](?=[\u4e00-\u9fff])")
# 收、支总计, 收入、支出总计, 收入和支出总计, 收入支出总计
_BOTH_SIDES = re.compile(r"收(?:入)?[、，,和及与]\s*支(?:出)?|收入支出(?=总计|合计)")
_NAME_CUT = re.compile(r"[，；;、：:）)]|(?<![0-9]),|,(?![0-9]{3})")
_FUND_NAMES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|部门预算|单位预算")
# (本年收入合计17994.47万元，年初预算为…，调整预算为…: the year's own figure beside its budgets is the outcome)
_PER_HEAD = re.compile(r"人均|生均|户均|车均|亩均|平均")
_BUDGET_ROLES = {
    "年初": "预算",
    "预算": "预算",
    "全年": "预算",
    "决算": "决算",
    "执行": "决算",
    "实际": "决算",
    "本年": "决算",
}

# words that say which printing or which total a name is, not what it is of (本年收入合计 is 收入's)
_GENERIC_WORDS = re.compile(
    r"本年度?|全年|当年|合计|总计|总额|决算数?|预算数?|执行数|一般公共预算|政府性基金预算?|国有资本经营预算"
)


def _core(name: str) -> str:
    return _GENERIC_WORDS.sub("", _OWNER.sub("", _NOT_NAME.sub("", name)))


# 单位收入预算4633.20万元…。收入预算比2024年增加…: whose figure it is names no other figure
_OWNER = re.compile(r"^(?:本|我)?(?:部门|单位)")


def _spent_core(name: str) -> str:
    return re.sub(r"支出$", "", _core(unicodedata.normalize("NFKC", name)))


def _not_bracketed(xs: list[Said], s: Said) -> list[Said]:
    """The figures of xs that do not stand in a bracket closed before s in its sentence: in "公务用车购置及运行费
    27.32万元（其中：购置费18.25万元，运行费9.07万元），比上年增加3.32万元" the change is of 27.32, the figure the
    bracket qualifies, not of a part inside it."""
    sentence = s.claim.sentence
    mine = [x for x in xs if x.claim.sentence == sentence]
    if not mine or not re.search(r"[）)]", sentence):
        return xs
    placed = dict((id(c), i) for i, c in positions(sentence, [x.claim for x in mine] + [s.claim]))
    end = placed[id(s.claim)]
    inside = set()
    for x in mine:
        at = placed[id(x.claim)]
        if at < end and closes_unopened(sentence[at:end]):
            inside.add(id(x))
    return [x for x in xs if id(x) not in inside]


def _adjacent(a: Claim, b: Claim) -> bool:
    """Only a few words, no other figure and no sentence end, stand between a and b ("…万元，占"): as the claims
    extractor found (extractors.leads, across a paragraph break too); for claims made by hand, in b's sentence."""
    if b.lead is not None:
        return a.prov.span is not None and b.follows == (a.prov.block, a.prov.span[1])
    return _adjacent_in_sentence(a, b)


def _adjacent_in_sentence(a: Claim, b: Claim) -> bool:
    """a and b stand in one sentence with only a few words, no figure, between them."""
    if a.sentence != b.sentence or (a.prov.block, a.prov.paragraph) != (b.prov.block, b.prov.paragraph):
        return False
    ta, tb = a.quantity.text.strip(), b.quantity.text.strip()
    i = a.sentence.find(ta) if ta else -1
    j = a.sentence.find(tb, i + len(ta)) if i >= 0 and tb else -1
    if j < 0:
        return False
    gap = compact(a.sentence[i + len(ta) : j])
    return len(gap) <= 20 and not re.search(r"\d|[。；;]", gap)


def run_shares(
    views: dict[str, View], said: list[Said], rules: list[ShareRule], decided: set[int], unit: str = ""
) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "percent" or id(s.claim) in decided or _not_the_report_s(s, None, unit):
            continue
        m = re.search(r"占(.*?)的?$", s.lead)
        if not m or "分别" in s.lead:  # 分别占60%、40%: the first share is not of the amount right before it
            continue
        phrase = m.group(1)
        for r in rules:
            if not _in_section(s, r.section):
                continue
            if phrase and r.phrase != phrase or r.phrase and not phrase:
                continue
            # 财政拨款收入11674.13万元（其中：…政府性基金预算财政拨款2855.65万元），占94.38%: the share is of the figure the
            # bracket qualifies, not of a part inside it
            nums = _not_bracketed(_money_before(said, s), s)
            wholes = select(views, r.whole)
            if not nums or not wholes or not _adjacent(nums[-1].claim, s.claim):
                continue
            num, whole = nums[-1], wholes[0]
            decided.add(id(s.claim))
            comp = tol.percent(tol.base_interval(num.q), tol.base_interval(whole.q))
            verdict = tol.verdict(s.q, comp)
            if verdict == tol.OK:
                break
            if _a_whole_printed_before(nums[:-1], num, s):
                # 财政拨款支出2468.73万元，其中：基本支出1987.64万元，占80.51%: the share is of the whole the text prints
                # before its part, not of the 支出决算表's 合计 (the generic share rule judges it)
                decided.discard(id(s.claim))
                break
            if comp is None:
                yield finding_at(
                    R_SHARE,
                    "info",
                    claim_figure(s.claim),
                    f"{num.lead}占比的分母 {shown(whole.q)} 为零，无法计算{declared(r)}",
                    None,
                    [num.claim.prov, whole.fact.prov],
                    num.lead,
                )
                break
            exact = num.q.base_value / whole.q.base_value * 100 if whole.q.base_value else comp.mid
            sec = s.sections[-1] if s.sections else "正文"
            expl = (
                f"“{sec}”一节：{num.lead} {shown(num.q)} ÷ {views[r.whole.table].name}“{whole.label}” "
                f"{shown(whole.q)} = {fmt(exact, max(s.q.decimals, 2))}%，报告写 {shown(s.q)}"
            )
            if verdict == tol.WARNING:
                expl += TRUNCATED
            expl += declared(r)
            yield finding_at(
                R_SHARE,
                verdict,
                claim_figure(s.claim),
                expl,
                exact,
                [num.claim.prov, whole.fact.prov],
                num.lead,
                f"{fmt(num.q.value, num.q.decimals)} ÷ {fmt(whole.q.value, whole.q.decimals)} × 100",
            )
            break


def _a_whole_printed_before(before: list[Said], num: Said, s: Said) -> bool:
    """Whether a larger amount printed before the share's part, nearby in its section, is a whole the share fits."""
    return any(
        x.q.base_value > num.q.base_value
        and tol.verdict(s.q, tol.percent(tol.base_interval(num.q), tol.base_interval(x.q))) == tol.OK
        for x in before
        if x.claim.relation not in ("change", "share", "rate") and not x.claim.base
    )


def _of(level: Said, s: Said) -> str:
    """A rate's subject: the item whose figure it is a rate of (基本支出 增长), not the rate word alone."""
    name = level.claim.subject or _subject(level)
    if _COMPARISON_WORD.fullmatch(name):
        name = s.claim.subject  # 比2024年预算655.90万元, the printed base: named by the change it is the base of
    if s.item and (not name or weak_subject(subject_key(name))):
        # 17.农林水支出（类）…（项）：…支出决算为96.80万元，完成年初预算的…: the item heading names it, not 支出
        name = re.sub(r"^\s*\d+[.、．]\s*", "", s.item)
    return f"{name} {s.lead}".strip() if name and name not in s.lead else s.lead


_COMPARISON_WORD = re.compile(r"比|较|与|同|对比|相比")
_VS_YEAR = re.compile(r"(?:比|较|与|同)\s*(\d{4})\s*年")


_LAST_YEAR_LEAD = re.compile(r"(?:上年|去年|上一年)(?:年初|全年|调整)?(?:预算|执行|决算)?数?为?$")


def _is_compared_year(cur: Said, delta: Said) -> bool:
    """Whether the figure before a change is its base: the change compares with a year (较2024年调整预算减少315.30万元)
    and the figure is of that year (2024年…调整预算为39076.22万元)."""
    named = _VS_YEAR.search(delta.lead)
    if named is not None:
        # (上年预算数为102.83万元，较2025年预算增加4.04万元: last year's figure, resolved to that year, is the base)
        said_last_year = (
            cur.claim.period == PRIOR_YEAR or cur.claim.role == PRIOR_YEAR or _LAST_YEAR_LEAD.search(cur.lead)
        )
        return (cur.claim.period or "").startswith(named.group(1)) or (
            bool(said_last_year) and cur.claim.identity.period == named.group(1)
        )
    # …预算支出586.42万元，上年预算数为601.3万元，比上年减少14.88万元: the figure named as last year's is the base
    if cur.claim.role == PRIOR_YEAR or _LAST_YEAR_LEAD.search(cur.lead):
        return True
    if _named_year_after_a_later_one(cur):
        return True
    # 2025年部门收入预算34,006.52万元，2026年收入预算比上年增加1,303.57万元: a figure of the year before the change's
    mine, theirs = (cur.claim.period or "")[:4], (delta.claim.period or "")[:4]
    return mine.isdigit() and theirs.isdigit() and int(mine) == int(theirs) - 1


_CLAUSE_YEAR = re.compile(r"(20\d\d)年[^，,；;。]*?$")


def _named_year_after_a_later_one(cur: Said) -> bool:
    """2026年预算数为1617.08万元，2025年预算数为1588.49万元，较上年预算增加28.59万元: the figure whose own clause names
    the earlier year, after one naming a later year, is the base of the change that follows."""
    sentence = cur.claim.sentence
    at = sentence.find(cur.claim.quantity.text)
    if at < 0:
        return False
    clauses = re.split(r"[，,；;]", sentence[:at])
    own = _CLAUSE_YEAR.search(clauses[-1])
    if own is None:
        return False
    earlier = [int(y) for c in clauses[:-1] for y in re.findall(r"(20\d\d)年", c)]
    return any(y > int(own.group(1)) for y in earlier)


def _whole_after_its_parts(curs: list[Said], d: Said) -> Said:
    """The figure a change is of: the last before it, unless that is the last part of a 其中 list closed by a "；" before
    the change (机关本级本年支出3,892.09万元，其中：基本支出…，项目支出844.38万元；与2023年度相比增加116.76万元): then the
    list's whole."""
    cur = curs[-1]
    c = cur.claim
    if c.relation != "part" or c.group is None or c.sentence != d.claim.sentence:
        return cur
    at = c.sentence.find(c.quantity.text)
    to = c.sentence.find(d.claim.quantity.text, at + 1)
    if at < 0 or to < 0 or not re.search(r"[；;]", c.sentence[at:to]):
        return cur
    return next((x for x in reversed(curs) if x.claim.group == c.group and x.claim.relation == "total"), cur)


def _base_of_a_budget_change(x: Said, before: list[Said], d: Said) -> bool:
    """A budget a change against the budget follows before d (…支出452.18万元，年初预算486.00万元，比年初预算减少33.82
    万元，…；比2023年度减少19.45万元): the base of that change, no level of a change after it."""
    if _BUDGET_ROLES.get(x.claim.role) != "预算":
        return False
    return any(y.order > x.order and y.order < d.order and VS_BUDGET.search(y.lead) for y in before)


def _rate_s_base(x: Said) -> bool:
    """A figure a rate is of (完成全年预算数14.70万元的74.91%): no level a change after it is made to."""
    at = x.claim.sentence.find(x.claim.quantity.text)
    return at >= 0 and bool(re.match(r"的\s*\d", x.claim.sentence[at + len(x.claim.quantity.text) :]))


# (完成年初预算的100.50%; a bare 完成率102.90% or 执行率 after the budget is its completion too)
_A_COMPLETION = re.compile(r"(?:完成|为|达到|占)[^，,；;。]{0,12}预算数?的$|(?:预算)?(?:完成|执行)率(?:为|是|达到?)?$")


def _a_completions_budget(said: list[Said], x: Said, d: Said) -> bool:
    """A budget a completion rate after it is of (决算数为2990.39万元，年初预算为2975.60万元，完成年初预算的100.50%；与上年
    相比增加139.79万元): the rate's base, printed beside the outcome — no level of a change against last year after it."""
    if _BUDGET_ROLES.get(x.claim.role) != "预算":
        return False
    return any(
        y.q.dimension == "percent"
        and y.claim.sentence == x.claim.sentence
        and x.order < y.order < d.order
        and _A_COMPLETION.search(y.lead)
        for y in said
    )


def _an_earlier_year(prev: Said, cur: Said) -> bool:
    """Whether the figure before may be the earlier year's of the one after it: no colon list opens between them, and
    a year it names is not the later figure's own."""
    at = cur.claim.sentence.find(prev.claim.quantity.text)
    to = cur.claim.sentence.find(cur.claim.quantity.text, at + 1) if at >= 0 else -1
    if at >= 0 and to > at and re.search(r"[：:]", cur.claim.sentence[at:to]):
        return False
    named = re.search(r"(20\d\d)\s*年", prev.lead)
    return named is None or named.group(1) != cur.claim.identity.period[:4]


def _rate_of_change(cur: Said, d: Said, up: bool) -> tuple[tol.Interval | None, Decimal | None, str]:
    """The rate a change amount d makes of the figure cur (comparable interval, exact value, how it is worked)."""
    if cur.claim.base or _is_compared_year(cur, d):
        # 比2022年度机关支出1,000.00万元增加50.00万元，增长5.00%: y = d ÷ the printed base
        comp = tol.percent(tol.base_interval(d.q), tol.base_interval(cur.q))
        exact = d.q.base_value / cur.q.base_value * 100 if cur.q.base_value else None
        return comp, exact, f"{fmt(d.q.value, d.q.decimals)} ÷ {fmt(cur.q.value, cur.q.decimals)}"
    # 比上年增加 d，增长 y%: the previous year is cur − d (cur + d after 减少), y = d ÷ previous
    sign = -1 if up else 1
    comp = tol.percent(tol.base_interval(d.q), tol.base_interval(cur.q) + tol.base_interval(d.q).scale(Decimal(sign)))
    prev_base = cur.q.base_value + sign * d.q.base_value
    exact = d.q.base_value / prev_base * 100 if prev_base else None
    how = f"{fmt(d.q.value, d.q.decimals)} ÷ ({fmt(cur.q.value, cur.q.decimals)} {'−' if up else '+'} {fmt(d.q.value, d.q.decimals)})"
    return comp, exact, how


def _amount_the_rate_implies(cur: Said, d: Said, s: Said, up: bool) -> str:
    """Which of the sentence's two figures of change may be the one out of line: the amount the printed rate makes of
    the level (16,074.80 ÷ (1 + 6.81%) is last year's 15,050.05, so 增加 1,024.75), said beside the rate's finding —
    the sentence alone cannot tell the amount's slip from the rate's."""
    if cur.claim.base or _is_compared_year(cur, d) or not cur.q.base_value:
        return ""
    rate = s.q.value / 100
    last = cur.q.value / (1 + rate) if up else cur.q.value / (1 - rate) if rate != 1 else None
    if last is None:
        return ""
    amount = abs(cur.q.value - last)
    return (
        f"；若所写增减幅度无误，则{'增加' if up else '减少'}额应约为 {fmt(amount, d.q.decimals)}{d.q.unit}"
        f"（所写 {d.q.text}），两数必有一处有误"
    )


def _list_whole(curs: list[Said], cur: Said, d: Said) -> Said | None:
    """The whole of the 其中 list whose last part cur is, printed in the change's sentence (None when cur is no part)."""
    c = cur.claim
    if c.relation != "part" or c.group is None or c.sentence != d.claim.sentence:
        return None
    return next((x for x in reversed(curs) if x.claim.group == c.group and x.claim.relation == "total"), None)


_A_REASON = re.compile(r"原因|由于|因为|主要是|系因")


def _level_of_the_base(said: list[Said], base: Said, d: Said, up: bool) -> Said | None:
    """The year's level a printed base is compared with, printed before it in its paragraph under the same name, where
    the two make the rate printed and not the amount: None otherwise."""
    if not base.claim.base or base.claim.prov.block is None:
        return None
    key = subject_key(base.claim.subject)
    for x in reversed([x for x in said if x.order < base.order and x.claim.prov.block == base.claim.prov.block]):
        if x.q.dimension != "money" or x.claim.base or x.claim.relation not in ("", "total"):
            continue
        if subject_key(x.claim.subject) != key:
            continue
        made = (
            tol.base_interval(x.q) - tol.base_interval(base.q)
            if up
            else tol.base_interval(base.q) - tol.base_interval(x.q)
        )
        return x if tol.verdict(d.q, made.scale(1 / tol.factor(d.q))) not in (tol.OK, tol.INFO) else None
    return None


def _amount_out_of_line(level: Said, base: Said, d: Said, s: Said, up: bool) -> Finding:
    diff = level.q.base_value - base.q.base_value if up else base.q.base_value - level.q.base_value
    exact = diff / tol.factor(d.q)
    a, b = fmt(level.q.value, level.q.decimals), fmt(base.q.value, base.q.decimals)
    how = f"{a} − {b}" if up else f"{b} − {a}"
    lv, bv = tol.base_interval(level.q), tol.base_interval(base.q)
    agrees = tol.verdict(s.q, tol.percent(lv - bv if up else bv - lv, bv)) == tol.OK
    expl = f"{'增加' if up else '减少'}额应为 {how} = {fmt(exact, d.q.decimals)}{d.q.unit}，报告写 {d.q.text}"
    if agrees:
        expl += f"；所写增减幅度 {shown(s.q)} 与两数相符"
    related = [level.claim.prov, base.claim.prov]
    return finding_at(R_CHANGE, "error", claim_figure(d.claim), expl, diff, related, _of(level, s), how)


def run_changes(said: list[Said], flagged: set[int], decided: set[int]) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "percent" or id(s.claim) in decided:
            continue
        m = re.search(f"({change_pattern()})$", s.lead)
        if not m or not re.search(r"比|相比|较", s.claim.sentence):
            continue
        if "分别" in s.lead:
            continue  # 分别增长2.51%和4.18%: each is of the item its claim names, in order — not of the figures before it
        if s.q.value < 0:
            continue  # 与上年相比减少63万元，增长-8.94%: a signed rate the change word does not give the direction of
        if _A_REASON.search(s.lead):
            continue  # …减少14.9万元，主要原因是运转类项目经费统一压减10%: the policy's rate, on another base
        up = change_sign(m.group(1)) > 0
        before = _money_before(said, s)
        deltas = [
            x for x in before if re.search(f"({change_pattern()})了?$", x.lead) and x.claim.sentence == s.claim.sentence
        ]
        if deltas and any(x.order > deltas[-1].order and x not in deltas for x in before):
            continue  # …增加436.71万元；事业收入33,407.11万元，比2025年预算增长2.02%: a new level stands between them
        implied = ""
        if deltas:
            d = deltas[-1]
            if VS_BUDGET.search(d.lead):
                continue  # 比年初预算减少33.82万元，降低6.96%: a change against the budget (the change family's)
            curs = [
                x
                for x in before
                if x.order < d.order
                and not re.search(f"({change_pattern()})了?$", x.lead)
                and not _rate_s_base(x)
                and not _base_of_a_budget_change(x, before, d)
                and not _a_completions_budget(said, x, d)
            ]
            curs = _not_bracketed(curs, d)
            if curs and curs[-1].claim.sentence != d.claim.sentence:
                if not _alone(said, curs[-1], d) or _names_another_item(d, curs[-1]):
                    # (…两项合计3,595.60万元，…。农林水支出较之上年多支出199.19万元: the change names one item of the two)
                    curs = _named_as(curs, d)
                elif _another_total(_change_name(d), curs[-1]):
                    # 收入、支出决算总计均为54676.38万元。与上年相比，本年收入合计增加3878.33万元: the change names the year's
                    # own total, a part of the 总计 printed — its level is not printed
                    curs = []
            elif curs and _names_another_item_past_a_semicolon(d, curs[-1]):
                # 事业收入1,641.90万元，…；财政拨款收入比上年增加145.76万元，增长4.58%: the run after "；" names its own item,
                # whose level is not the one before it
                curs = _named_as(curs, d)
            elif curs and _of_another_flow(_change_name(d), curs[-1]):
                # 收入总计5,116.37万元，支出总计5,022.03万元，与上年相比，收入总计增加421.19万元: the 收入's change, though
                # the 支出 stands last before it
                curs = _named_as(curs, d)
            if not curs or id(curs[-1].claim) in flagged:
                continue
            cur = _whole_after_its_parts(curs, d)
            whole = _list_whole(curs, cur, d)
            if whole is not None and up and not cur.claim.base and d.q.base_value >= cur.q.base_value:
                cur, whole = whole, None  # an increase no smaller than the part is not the part's: last year's was ≤ 0
            comp, exact, how = _rate_of_change(cur, d, up)
            if whole is not None and tol.verdict(s.q, comp) != tol.OK:
                # …其中：…，国有资本经营预算财政拨款120.00万元，比上年增加2896.62万元，增长5.73%: the change may be the
                # list's whole's (53416.98万元) as well as its last part's; one that fits is enough
                alt = _rate_of_change(whole, d, up)
                if tol.verdict(s.q, alt[0]) == tol.OK:
                    decided.add(id(d.claim))
                    decided.add(id(s.claim))
                    continue
            related = [d.claim.prov, cur.claim.prov]
            decided.add(id(d.claim))  # the 增加/减少 amount is checked with its percent
            implied = _amount_the_rate_implies(cur, d, s, up)
        else:
            # 2023年…执行数为 a，2024年预算安排 b，比…增加 y%: y = (b − a) ÷ a
            same = _not_bracketed(_money_before(said, s, same_sentence=True), s)
            if len(same) < 2 or not re.search(r"执行数|上年|上一年|20\d\d年", same[-2].lead):
                continue
            prev, cur = same[-2], same[-1]
            if id(cur.claim) in flagged or id(prev.claim) in flagged:
                continue
            if bool(_PER_HEAD.search(prev.claim.subject)) != bool(_PER_HEAD.search(cur.claim.subject)):
                # 上年公用经费668.50万元，…，生均公用经费2835.03元，比上年增长2.55%: a total and a figure per head are
                # no pair of years of one figure
                continue
            if not _an_earlier_year(prev, cur):
                # 2023年度一般公共预算财政拨款支出10207.18万元，主要用于以下方面：社会保障和就业支出（类）339.84万元，…，
                # 较上年增长6.62%: the figure before is this year's whole the part belongs to, not last year's
                continue
            if _is_compared_year(cur, s):
                # 2025年预算数为1,016.06万元，2025年预算执行数为936.40万元，2026年预算比2025年预算执行数增加13.22%: both
                # figures are the base year's; the current figure (2026's) is not in the sentence
                continue
            delta = (
                tol.base_interval(cur.q) - tol.base_interval(prev.q)
                if up
                else tol.base_interval(prev.q) - tol.base_interval(cur.q)
            )
            comp = tol.percent(delta, tol.base_interval(prev.q))
            diff = cur.q.base_value - prev.q.base_value if up else prev.q.base_value - cur.q.base_value
            exact = diff / prev.q.base_value * 100 if prev.q.base_value else None
            now, was = fmt(cur.q.value, cur.q.decimals), fmt(prev.q.value, prev.q.decimals)
            how = f"({now} − {was}) ÷ {was}" if up else f"({was} − {now}) ÷ {was}"
            related = [prev.claim.prov, cur.claim.prov]
        decided.add(id(s.claim))
        verdict = tol.verdict(s.q, comp)
        if verdict == tol.OK:
            continue
        level = _level_of_the_base(said, cur, d, up) if deltas and verdict != tol.INFO else None
        if level is not None:
            # 2024年度财政拨款支出1,455.13万元。与2023年度…1,436.66万元相比，增加30.47万元，增长1.29%: the level and the
            # base printed make the rate; the amount is the figure out of line
            yield _amount_out_of_line(level, cur, d, s, up)
            continue
        if verdict == tol.INFO:
            yield finding_at(
                R_CHANGE,
                "info",
                claim_figure(s.claim),
                f"上年数为零，“{s.lead}{shown(s.q)}”的增幅无法计算（{how}）",
                None,
                related,
                _of(cur, s),
            )
            continue
        expl = f"增减幅度应为 {how} = {fmt(exact, max(s.q.decimals, 2)) if exact is not None else '?'}%，报告写 {shown(s.q)}"
        if implied:
            expl += implied
        if verdict == tol.WARNING:
            expl += TRUNCATED
        yield finding_at(R_CHANGE, verdict, claim_figure(s.claim), expl, exact, related, _of(cur, s), how)


_RATE_TAIL = re.compile(r"(?:支出)?(?:决算(?:数)?)?(?:为|占|完成)?(?:年初|全年|调整)?预算(?:数)?的$")
_RATE_HEAD = re.compile(r"^[\s，,；;：:、]*(?:其中[：:，,]?)?(?:完成|达到|为)?")


def _rate_s_own_item(lead: str) -> str:
    """The item a rate's own words name (因公出国（境）费 in 其中：因公出国（境）费支出决算为预算的), '' when none."""
    item = _RATE_HEAD.sub("", _RATE_TAIL.sub("", lead)).strip()
    return item if len(re.findall(r"[\u4e00-\u9fff]", item)) >= 2 else ""


def _another_item_s_amount(x: Said, fin: Said) -> bool:
    """A figure printed after the 决算 a rate would be of, naming another item (not a change of it): the rate that
    follows is that item's."""
    return x.claim.relation not in ("change", "direction") and not same_item_name(x.claim, fin.claim)


def run_rates(said: list[Said], flagged: set[int], decided: set[int]) -> Iterator[Finding]:
    for s in said:
        if s.q.dimension != "percent" or id(s.claim) in decided:
            continue
        m = re.search(r"(年初|全年|调整)?预算(数)?的$", s.lead)
        if not m:
            continue
        before = _money_before(said, s)
        finals = [x for x in before if re.search(r"决算(数)?为?$", x.lead)]
        if not finals or id(finals[-1].claim) in flagged:
            continue
        fin = finals[-1]
        if any(x.order > fin.order and _another_item_s_amount(x, fin) for x in before):
            continue  # …完成预算的87.18%，其中：…公务用车购置及运行维护费支出16.42万元，完成预算的91.22%: the item's rate
        own = _rate_s_own_item(s.lead)
        if own and own not in fin.claim.sentence[: fin.claim.sentence.find(fin.q.text)]:
            continue  # 其中：因公出国（境）费支出决算为预算的73.10%: the item's own rate, not of the total before it
        # the budget of the final's own item: 基本支出决算为600万元，完成年初预算的… is not of the total's budget
        # (全年预算数（调整预算）为16489.40万元: a gloss of the measure in a bracket)
        budgets = [
            x
            for x in before
            if re.search(r"预算(数)?(?:[（(][^（()）]{1,8}[）)])?为$", x.lead) and same_item_name(x.claim, fin.claim)
        ]
        if not budgets:
            continue
        word = m.group(1) or ""
        named = [b for b in budgets if word and word in b.lead]
        if word and not named and len(budgets) > 1:
            continue  # 完成全年预算的 where the budgets printed name no 全年: which one is meant is not known
        bud = named[-1] if named else budgets[-1]
        decided.add(id(s.claim))
        comp = tol.percent(tol.base_interval(fin.q), tol.base_interval(bud.q))
        verdict = tol.verdict(s.q, comp)
        if verdict == tol.OK:
            continue
        others = [b for b in budgets if b is not bud and b.q.base_value]
        alt = next(
            (
                b
                for b in others
                if tol.verdict(s.q, tol.percent(tol.base_interval(fin.q), tol.base_interval(b.q))) == tol.OK
            ),
            None,
        )
        if alt is not None:
            yield finding_at(
                R_RATE,
                "warning",
                claim_figure(s.claim),
                f"写“{s.lead}{shown(s.q)}”，但{bud.lead}{shown(bud.q)}；所写比例等于 {shown(fin.q)} ÷ {alt.lead}{shown(alt.q)}，"
                f"措辞与所用预算数不符",
                fin.q.base_value / alt.q.base_value * 100,
                [fin.claim.prov, bud.claim.prov, alt.claim.prov],
                _of(fin, s),
            )
            continue
        if verdict == tol.INFO:
            yield finding_at(
                R_RATE,
                "info",
                claim_figure(s.claim),
                f"{bud.lead}{shown(bud.q)}，完成预算的比例无法计算",
                None,
                [fin.claim.prov, bud.claim.prov],
                _of(fin, s),
            )
            continue
        exact = fin.q.base_value / bud.q.base_value * 100
        expl = (
            f"完成比例应为 {shown(fin.q)} ÷ {shown(bud.q)} = {fmt(exact, max(s.q.decimals, 2))}%，报告写 {shown(s.q)}"
        )
        if verdict == tol.WARNING:
            expl += TRUNCATED
        yield finding_at(
            R_RATE,
            verdict,
            claim_figure(s.claim),
            expl,
            exact,
            [fin.claim.prov, bud.claim.prov],
            _of(fin, s),
            f"{fmt(fin.q.value, fin.q.decimals)} ÷ {fmt(bud.q.value, bud.q.decimals)} × 100",
        )
