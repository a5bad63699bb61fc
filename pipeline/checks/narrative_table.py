"""narrative_table — one subject, role and period, stated in the narrative and in tables: all printings must agree.

Figures are grouped by (canonical subject, role, cross-classification); within a group the values are
clustered (rounding-aware) and the majority — the narrative on a tie, and never a value that is just a
copy of another subject's figure — is taken as expected. Each figure outside it yields one finding.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher

from extractors.identity import DIFFERENT
from extractors.model import Claim, Fact
from extractors.report_kind import DEPARTMENT_KINDS
from extractors.table_identity import identify_table
from pipeline import tolerance as tol
from pipeline.checks.base import (
    DATA,
    Context,
    Figure,
    clean_label,
    describe,
    fact_figure,
    fmt,
    identities_contradict,
    in_unit,
    make_finding,
    rule,
    weak_subject,
)
from pipeline.findings import Finding

FAMILY = "narrative_table"
MISMATCH = rule(
    FAMILY,
    "mismatch",
    "error",
    "同一数字在正文与表格中不一致",
    "{label}写 {stated}，而{others}写 {expected}",
    "cross-reference",
)
SCOPE = rule(
    FAMILY,
    "definition-differs",
    "info",
    "同名数字口径不同",
    "{label}写 {stated}，{others}写 {expected}；{note}",
    "cross-reference",
    "definition",
)
RULES = [MISMATCH, SCOPE]

ROLES = ("actual", "budget", "budget_full", "prior")
ROLE_NAMES = {"actual": "", "budget": "预算", "budget_full": "全年预算", "prior": "上年"}


def _subject_notes() -> list[dict[str, str]]:
    with (DATA / "subject_notes.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def in_groups(f: Figure) -> bool:
    """Figures that take part: amounts with a subject, not score-sheet actuals (scoresheet checks those)."""
    if f.quantity.dimension in ("percent", "pp", "points", "ratio") or weak_subject(f.key) or len(f.key) < 2:
        return False
    if f.quantity.dimension == "unknown":
        return False  # a bare number in prose (or a 持平 marker), a cell of a table without a unit line
    if f.kind == "fact":
        cols = "".join(getattr(f.obj, "column_labels", ()))
        if "完成值" in cols:
            return False
        if "指标值" in cols:  # a score sheet's money target (成本指标) is the budget; ≤800万元 is a ceiling, not it
            return f.quantity.dimension == "money" and f.quantity.approx == "exact"
    return role_in_report(f) in ROLES


def role_in_report(f: Figure) -> str:
    """The role a figure is compared under: a past year's column named by its year takes its measure's role."""
    if f.kind == "fact" and "指标值" in "".join(getattr(f.obj, "column_labels", ())):
        return "budget"
    role = f.role or "actual"
    return (_role_in_its_year(f) or role) if role == "prior" else role


_FULL_BUDGET = re.compile(r"调整|全年")
_OUTCOME = re.compile(r"执行|决算|完成|实际")


def _role_in_its_year(f: Figure) -> str:
    """The role a past year's figure named by its year has in that year (2025年执行数 in a report on 2025 and 2026 is
    that year's outcome; 2025年预算数 its budget): the text on that year is compared with it, and the identity's
    year keeps it apart from the figures of other years. "" when its year or its measure is not stated."""
    period = f.identity.period
    if not (len(period) == 4 and period.isdigit()):
        return ""
    words = f.identity.measure + "".join(getattr(f.obj, "column_labels", ()))
    if "预算" in words and not _OUTCOME.search(words.replace("预算执行", "")):
        return "budget_full" if _FULL_BUDGET.search(words) else "budget"
    return "actual" if _OUTCOME.search(words) else ""


_SCORE_COLUMN = re.compile(r"^(?:分值|得分|权重|自评得分)$")


def _projects_score_sheets(ctx: Context) -> set[int | None]:
    """The tables of a 部门/单位 report laid out as a score sheet (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
    得分): each is one project's self-evaluation, its 年度资金总额 the project's money, not the body's 支出合计; so is each
    of several score sheets in any report (a workbook of three projects' 自评表: which project a figure is of, its sheet
    alone tells)."""
    sheets = {f.prov.table for f in ctx.facts if any(_SCORE_COLUMN.match(x.strip()) for x in f.column_labels)}
    if ctx.kind not in DEPARTMENT_KINDS and len(sheets) < 2:
        return set()
    return sheets


def _is_perf_table(f: Figure) -> bool:
    title = getattr(f.obj, "table_title", "") or ""
    return any(w in title for w in ("绩效", "基础数据", "自评"))


def groups(ctx: Context) -> dict[tuple[str, str, str], list[Figure]]:
    if "groups" in ctx.cache:
        return ctx.cache["groups"]
    out: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    projects = _projects_score_sheets(ctx)
    for f in ctx.figures:
        if in_groups(f) and not _template_fact(ctx, f) and not (f.kind == "fact" and f.prov.table in projects):
            out[(f.key, role_in_report(f), f.column_rest)].append(f)
    _join_spending_named_by_its_column(out)
    ctx.cache["groups"] = out
    return out


_SPENT = "支出"


def _join_spending_named_by_its_column(out: dict[tuple[str, str, str], list[Figure]]) -> None:
    """乡道日常养护支出289.75万元 in the text is the row 乡道日常养护 of a column of spending (实际支出数): the table names
    the flow in its column, the text in the item's name. The text's figures join that row's group when the text names
    the item no other way and exactly one row group of the plain name has its every cell in a column of spending."""
    for key, role, rest in list(out):
        figs = out.get((key, role, rest), [])
        if not key.endswith(_SPENT) or len(key) < len(_SPENT) + 2 or any(f.kind == "fact" for f in figs):
            continue
        plain = key[: -len(_SPENT)]
        rows = [
            k
            for k, fs in out.items()
            if k[0] == plain and k[1] == role and all(f.kind == "fact" and _of_spending(f) for f in fs)
        ]
        if len(rows) == 1:
            out[rows[0]].extend(out.pop((key, role, rest)))


def _of_spending(f: Figure) -> bool:
    """A cell of a column of spending (实际支出数), or of a table of spending alone (项目支出明细表 › 金额)."""
    title = getattr(f.obj, "table_title", "") or ""
    return _SPENT in "".join(getattr(f.obj, "column_labels", ())) or (_SPENT in title and "收入" not in title)


def _template_fact(ctx: Context, f: Figure) -> bool:
    """A cell of a standard 部门/单位 决算·预算 table: the template family binds each narrative figure to the table
    its section describes (a 三公 公务接待费 is not the 基本支出 table's economic row of that name)."""
    if f.kind != "fact" or ctx.kind not in DEPARTMENT_KINDS:
        return False
    return identify_table(getattr(f.obj, "table_title", "")) is not None


def agree(a: Figure, b: Figure) -> bool:
    if a.quantity.base_unit != b.quantity.base_unit:
        return False
    return tol.base_interval(a.quantity).meets(tol.base_interval(b.quantity))


def clusters(figs: list[Figure]) -> list[list[Figure]]:
    out: list[list[Figure]] = []
    for f in figs:
        for c in out:
            if agree(c[0], f):
                c.append(f)
                break
        else:
            out.append([f])
    return out


_TOTAL_WORDS = ("总计", "合计")


def _balancing(a: str, b: str) -> bool:
    """Whether two names are the two sides' totals of one balanced statement (…收入总计 and …支出总计)."""
    sides = [(a, b), (b, a)]
    return any(x.endswith(f"收入{w}") and y.endswith(f"支出{w}") for x, y in sides for w in _TOTAL_WORDS)


def copied_from(ctx: Context, f: Figure) -> Figure | None:
    """Another subject's (or role's) figure with exactly this printed value: the likely source of a slip."""
    if f.value == 0:
        return None
    for g in ctx.figures:
        if (
            g.obj is f.obj
            or g.quantity.base_unit != f.quantity.base_unit
            or g.quantity.base_value != f.quantity.base_value
        ):
            continue
        if not in_groups(g):
            continue  # a score sheet's actual copied from its target is that row's slip, not this one's
        if _balancing(f.key, g.key):
            continue  # 收入总计 = 支出总计 in every balanced table: no sign of a slip
        if f.kind == g.kind == "fact" and (f.prov.table, f.prov.col) == (g.prov.table, g.prov.col):
            continue  # 国有资本经营预算收入合计 139666 | 利润收入 139666: a total and its one part down a column
        if g.key != f.key or (role_in_report(g) != role_in_report(f) and g.kind == "fact"):
            return g
    return None


def consensus(ctx: Context, figs: list[Figure]) -> tuple[list[Figure], list[list[Figure]]]:
    """The expected cluster and the deviating ones."""
    cl = clusters(figs)
    if len(cl) == 1:
        return cl[0], []

    def ulp(f: Figure) -> Decimal:
        return tol.factor(f.quantity) * tol.unit_in_last_place(f.quantity.decimals)

    def score(c: list[Figure]) -> tuple[int, int, bool, int]:
        suspicious = sum(1 for f in c if copied_from(ctx, f) is not None)
        # on a tie the finer printing is the source (4867363万元 is printed as 486.74亿元, not the reverse)
        others = [ulp(f) for f in figs if all(f is not g for g in c)]
        finer = min(ulp(f) for f in c) < min(others, default=Decimal("Infinity"))
        return (len(c), -suspicious, finer, sum(1 for f in c if f.kind == "claim"))

    cl.sort(key=score, reverse=True)
    return cl[0], cl[1:]


def _names(figs: list[Figure]) -> str:
    names: list[str] = []
    for f in figs:
        n = "正文" if f.kind == "claim" else f.label
        if n not in names:
            names.append(n)
    return "、".join(names)


def _note_for(ctx: Context, f: Figure) -> tuple[str, list] | None:
    title = getattr(f.obj, "table_title", "") or ""
    for n in _subject_notes():
        if clean_label(n["subject"]) != f.key or n["table_contains"] not in title:
            continue
        provs = [o.prov for o in ctx.outline if n["note_contains"] in o.text]
        return n["explanation"], provs
    return None


UNSETTLED = rule(
    FAMILY,
    "identity-unsettled",
    "info",
    "正文与表格同名数字不同，口径未能确定是否相同",
    "{label}写 {stated}，{others}写 {expected}；口径未能确定",
    "cross-reference",
)
RULES.append(UNSETTLED)
MAX_UNSETTLED = 20  # per document


_BALANCE = re.compile(r"结余|结转")
# the flows a total of the whole budget adds to a fund's own revenue or spending (加上级补助…，收入合计; 收入总量)
_TRANSFER_WORDS = "补助|上解|调入|调出|转贷|结余|结转|还本|稳定调节基金|转移"
_TRANSFERS = re.compile(_TRANSFER_WORDS)
_ADDED = re.compile(rf"(?:加上?|减去?)[^。；;]*?(?:{_TRANSFER_WORDS})")


def _totals_apart(ctx: Context, a: Figure, b: Figure) -> tuple[str, list] | None:
    """A text total over a list that adds transfers to the fund's own figure (收入预计1,109,720万元。加上上级补助收入…、
    调入资金…，收入合计2,373,720万元) and a table's 合计 row of the same name whose table lists no transfer (收入合计
    1,109,720 = 税收 + 非税): one name, two totals."""
    text = next((x for x in (a, b) if x.kind == "claim"), None)
    cell = next((x for x in (a, b) if x.kind == "fact"), None)
    if text is None or cell is None or not isinstance(text.obj, Claim):
        return None
    claim = text.obj
    before = claim.sentence[: max(0, claim.sentence.find(claim.quantity.text))]
    if not _ADDED.search(before) and not _parts_are_transfers(ctx, claim):
        return None
    table = cell.prov.table
    rows = {" ".join(f.row_labels) for f in ctx.facts if f.prov.table == table}
    if any(_TRANSFERS.search(r) for r in rows):
        return None
    return "正文的合计含转移性收支（上级补助、调入资金、结转等），表中同名合计所在表未列这些项目，口径不同，请核对", []


def _parts_are_transfers(ctx: Context, total: Claim) -> bool:
    """Whether a text total's listed parts are all transfers (此外，收到上级补助收入186万元，上年结转341万元，收入合计
    10059万元): it adds them to a figure said before, a total of another definition than a fund's own."""
    if total.relation != "total" or total.group is None:
        return False
    parts = [c for c in ctx.claims if c.group == total.group and c.relation == "part"]
    return bool(parts) and all(_TRANSFERS.search(c.subject) for c in parts)


def _balance_apart(ctx: Context, a: Figure, b: Figure) -> tuple[str, list] | None:
    """A 支出总计 printed with its 年终结余 after it in the text (支出总计118.78亿元，其中…。年终结余7.57亿元) and one that
    holds it in a balanced table (支出总计 1,263,490万元 = 118.78 + 7.57): one total, two definitions."""
    text = next((x for x in (a, b) if x.kind == "claim"), None)
    if text is None or not isinstance(text.obj, Claim) or not re.search(r"总计|合计", text.key):
        return None
    gap = tol.base_interval(a.quantity) - tol.base_interval(b.quantity)
    at = text.obj.prov.span[0] if text.obj.prov.span else 0
    cell = next((x for x in (a, b) if x.kind == "fact"), None)
    for x, name, where in _balances_beside(ctx, text.obj, at, cell):
        iv = tol.base_interval(x.quantity)
        if gap.meets(iv) or gap.meets(tol.Interval.exact(Decimal(0)) - iv):
            return (
                f"两数相差 {x.quantity.text.strip()}，即{where}另列的{name}：一处总计含结余、一处不含，口径不同，请核对",
                [x.prov],
            )
    return None


def _balances_beside(
    ctx: Context, claim: Claim, at: int, cell: Figure | None
) -> Iterator[tuple[Claim | Fact, str, str]]:
    """The balances printed beside a text total: after it in its paragraph or in the next one (支出总计1200万元。¶
    收支相抵，结转下年支出300万元), and the balance rows of the table the cell stands in (结转下年支出 | 300)."""
    for x in ctx.paragraph_claims(claim):
        if (
            (x.prov.span[0] if x.prov.span else 0) > at
            and x.quantity.dimension == "money"
            and _BALANCE.search(x.subject)
        ):
            yield x, x.subject, "正文其后"
    if claim.prov.paragraph is not None:
        for x in ctx.claims:
            if (
                x.prov.paragraph == claim.prov.paragraph + 1
                and x.prov.table is None
                and x.quantity.dimension == "money"
                and _BALANCE.search(x.subject)
            ):
                yield x, x.subject, "正文下一段"
    if cell is not None and cell.prov.table is not None:
        for f in ctx.facts:
            if (
                f.prov.table == cell.prov.table
                and f.prov.col == cell.prov.col
                and f.quantity.dimension == "money"
                and f.row_labels
                and _BALANCE.search(f.row_labels[-1])
            ):
                yield f, f.row_labels[-1].strip(), "表中"


_EVALUATIONS = ("部门整体支出绩效自评报告", "项目支出绩效自评表", "财政支出绩效评价报告")


def _unmarked_cell(ctx: Context, figs: list[Figure]) -> str:
    """The label of a table cell among figs whose row and column name no measure, in a self-evaluation (按支出性质分：
    基本支出：1356.50 under 年度预算申请: a budget or what was spent, the sheet does not say); "" when none."""
    if ctx.kind not in _EVALUATIONS:
        return ""
    return next((f.label for f in figs if f.kind == "fact" and not f.role), "")


def _full_budget_printed(ctx: Context, f: Figure, good: list[Figure]) -> bool:
    """A table's plain 预算数 against the text's 年初预算 of an item whose 全年 (adjusted) budget the text prints too, and
    that one agrees with the table: the table's 预算数 is the full year's (年初预算860.00万元，…全年预算资金912.40万元)."""
    pair = [f, good[0]]
    cell = next((x for x in pair if x.kind == "fact" and x.role == "budget"), None)
    initial = next((x for x in pair if x.kind == "claim" and getattr(x.obj, "role", "") == "年初"), None)
    if cell is None or initial is None or "年初" in "".join(getattr(cell.obj, "column_labels", ())):
        return False
    return any(
        g.kind == "claim"
        and g.role == "budget_full"
        and g.key == cell.key
        and agree(g, cell)
        and not identities_contradict(g.identity, cell.identity)
        for g in ctx.figures
    )


def _list_backs(ctx: Context, cell: Figure, text: Figure) -> bool:
    """Whether the text's own list settles a tie for the cell (市本级一般公共预算收入1,082,650万元，其中税收收入864,320万元、
    非税收入236,330万元 against the table's 846,320): its total is the sum of its parts with the cell's value and not
    with the text's, so the text's figure is the one out of line."""
    claim = text.obj
    if cell.kind != "fact" or text.kind != "claim" or not isinstance(claim, Claim) or claim.relation != "part":
        return False
    members = ctx.group_claims(claim)
    totals = [x for x in members if x.relation == "total"]
    parts = [x for x in members if x.relation == "part" and x.quantity.base_unit == claim.quantity.base_unit]
    if len(totals) != 1 or len(parts) < 2 or totals[0].quantity.base_unit != claim.quantity.base_unit:
        return False
    whole = tol.base_interval(totals[0].quantity)
    others = tol.total([tol.base_interval(x.quantity) for x in parts if x is not claim])
    as_printed = others + tol.base_interval(claim.quantity)
    as_in_table = others + tol.base_interval(cell.quantity)
    return whole.meets(as_in_table) and not whole.meets(as_printed)


def _measure(figs: list[Figure], role: str) -> str:
    measures = {f.measure for f in figs if f.measure}
    return measures.pop() if len(measures) == 1 else ROLE_NAMES.get(role, "")


def check(ctx: Context) -> Iterator[Finding]:
    unsettled = 0
    for (key, role, _rest), group in groups(ctx).items():
        # 集中整治4轮次 under the heading of a project whose 实际支出 is printed: a count is never an amount's printing
        for members in _by_dimension(group):
            if len(members) < 2 or not any(f.kind == "fact" for f in members):
                continue
            if not any(f.kind == "claim" for f in members) and not any(_is_perf_table(f) for f in members):
                continue  # table-to-table identities of the standard sets belong to the template family
            for figs in ctx.identity_clusters(members):
                yield from _check_cluster(ctx, key, role, figs)
            for f in members:
                if unsettled >= MAX_UNSETTLED or f.kind != "claim":
                    continue
                other = next((g for g in members if g.kind == "fact" and ctx.unsettled(f, g) and not agree(f, g)), None)
                if other is None:
                    continue
                if any(g.kind == "fact" and agree(f, g) and ctx.relation(f, g) != DIFFERENT for g in members):
                    continue  # printed by a cell it may be (教育支出71,236 = 决算数): the row's 上年决算数 is another figure
                unsettled += 1
                yield make_finding(
                    UNSETTLED,
                    "info",
                    f,
                    f"正文写{key} {fmt(f.value)}{f.quantity.unit}（{f.identity.render() or '口径未写明'}），"
                    f"{other.label}写 {fmt(other.value)}{other.quantity.unit}（{other.identity.render() or '口径未写明'}）；"
                    "两处的范围、资金、口径或年度未能确定是否相同，请核对",
                    expected=in_unit(other.quantity.base_value, f.quantity),
                    related=[other.prov],
                    subject=describe(f, key),
                )


def _another_column_prints(ctx: Context, f: Figure, good: list[Figure]) -> bool:
    """Whether a text figure naming no measure, set against a table cell, is printed in another column of that cell's
    row: the text's figure is that column's (下达资金 436.50 beside the row's 实际支出 347.20)."""
    pairs = [(f, g) for g in good] + [(g, f) for g in good]
    for text, cell in pairs:
        if text.kind != "claim" or cell.kind != "fact" or not isinstance(text.obj, Claim) or _names_a_measure(text.obj):
            continue
        row = (cell.prov.table, cell.prov.row)
        if any(
            (x.prov.table, x.prov.row) == row and x is not cell.obj and agree(text, fact_figure(x, ctx.doc_year))
            for x in ctx.facts
        ):
            return True
    return False


def _names_a_measure(c: Claim) -> bool:
    """Whether a text figure's own words name its measure (本年, 当年 name the year, no measure)."""
    return c.role not in ("", "本年", "当年")


def _another_row_of_its_table(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind == "fact" and a.prov.table == b.prov.table and a.prov.row != b.prov.row


def _same_row(a: Figure, b: Figure) -> bool:
    return b.kind == "fact" and (a.prov.table, a.prov.row) == (b.prov.table, b.prov.row)


def _by_dimension(figs: list[Figure]) -> list[list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in figs:
        out.setdefault(f.quantity.dimension, []).append(f)
    return list(out.values())


_A_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治州|自治县|地区|市|县|区|州|盟|旗|镇|乡|街道)")
_TITLE_FILLER = re.compile(
    r"(?:附表|附件|表)\s*[\d一二三四五六七八九十\-—－.．]*|20\d\d\s*年度?|[省市县区州]级|本级|分(?:地区|县区|区县|市县|市州|县|区|市|乡镇)"
    r"|(?:情况|明细|汇总|分配)?(?:决算|预算|执行)?(?:情况)?表$|[\s（）()、：:]"
)
MIN_TITLE_CORE = 2
SHARED_ITEM = 4  # characters of an item's name a table's title and the text must share (一般公共预算收入, 专项债券)


def _a_place_named_alone(f: Figure, ref: Figure) -> tuple[str, list] | None:
    """A text figure named by a place alone (其中南昌市2.00亿元), against a cell of a table by region whose title names
    what it counts (新增债券转贷分地区表): the text says what of the place it is only in its sentence's words; where those
    do not name the table's item, the two are not certainly one figure (市县上解省级收入…，其中南昌市… is no 转贷)."""
    claim, cell = (f, ref) if f.kind == "claim" else (ref, f)
    if claim.kind != "claim" or cell.kind != "fact" or not isinstance(claim.obj, Claim):
        return None
    if not _A_PLACE.fullmatch(claim.key):
        return None
    title = getattr(cell.obj, "table_title", "") or ""
    core = _TITLE_FILLER.sub("", title.split("\n")[0])
    sentence = "".join(claim.obj.sentence.split())
    if len(core) < MIN_TITLE_CORE:
        return None
    # (各县区一般公共预算收入完成情况表 and "全市一般公共预算收入…，其中A县…": the item named in both)
    shared = SequenceMatcher(None, core, sentence, autojunk=False).find_longest_match(0, len(core), 0, len(sentence))
    if shared.size >= min(len(core), SHARED_ITEM):
        return None
    return f"正文只写地名{claim.key}，所指项目在句中写作他名，与表“{core}”未必是同一项目", []


def _check_cluster(ctx: Context, key: str, role: str, figs: list[Figure]) -> Iterator[Finding]:
    if len(figs) < 2 or not any(f.kind == "fact" for f in figs):
        return
    if not any(f.kind == "claim" for f in figs) and not any(_is_perf_table(f) for f in figs):
        return
    good, bad = consensus(ctx, figs)
    if not bad:
        return
    if len(good) == 1 and len(bad) == 1 and len(bad[0]) == 1 and _list_backs(ctx, bad[0][0], good[0]):
        good, bad = bad[0], [good]
    ref = good[0]
    measure = _measure(good, role)
    # 市级财政配套资金 37.80 | 县级财政配套资金 51.70: two rows of one table read as one figure are two figures the reading
    # could not tell apart; a text figure printing one of them is that one, and the rows disagree with no one
    read_as_one = {
        (b.prov.table, b.prov.row)
        for cl in bad
        for b in cl
        if b.kind == "fact" and any(_another_row_of_its_table(b, g) for g in good)
    }
    for cluster in bad:
        for f in cluster:
            if f.kind == "claim" and all(g.kind == "claim" for g in good):
                continue  # narrative vs narrative is the repeat family's
            if read_as_one and (
                (f.kind == "fact" and (f.prov.table, f.prov.row) in read_as_one)
                or (f.kind == "claim" and any(agree(f, b) and b.kind == "fact" for b in cluster))
            ):
                continue
            if _full_budget_printed(ctx, f, good):
                continue
            if f.kind == "fact" and (
                all(_same_row(f, g) for g in good) or any(g.kind == "fact" and _same_row(f, g) for g in good)
            ):
                # two columns of one row are two figures, whatever the reading made of their headers: where one cell of
                # the row prints the text's figure (本年收支结余 | 合计 100040 | 企业职工基本养老保险基金 9910), another
                # column of it is another figure
                continue
            if _another_column_prints(ctx, f, good):
                continue  # 县（区）级资金436.50 (下达) against the row's 实际支出 347.20, its 到位 column printing 436.50
            expected = in_unit(ref.quantity.base_value, f.quantity)
            msg = (
                f"{f.label}写 {fmt(f.value)}{f.quantity.unit}，而{_names(good)}写{key}{measure} "
                f"{fmt(ref.value)}{ref.quantity.unit}"
            )
            src = copied_from(ctx, f)
            if src is not None and f.kind == "claim" and src.kind == "fact" and src.key == f.key:
                # 全年预算数30872.67万元中，当年财政拨款26823.92万元 against the 全年执行数 column, where the row prints
                # 26823.92 as its 全年预算数: the text's figure is of that column's measure, misread
                yield make_finding(
                    UNSETTLED,
                    "info",
                    f,
                    msg + f"；正文数与{src.label}相同，所指口径应是该列，正文未写明口径，请核对",
                    expected=in_unit(ref.quantity.base_value, f.quantity),
                    related=[ref.prov, src.prov],
                    subject=describe(f, key),
                )
                continue
            if src is not None:
                msg += f"；{fmt(f.value)} 与{src.label} 相同，疑误填"
            elif len(cluster) == len(good):
                msg += "；两处各印一次，未能判断哪一处有误，请两处都核对"
            note = (
                _note_for(ctx, f)
                or _balance_apart(ctx, f, ref)
                or _totals_apart(ctx, f, ref)
                or _a_place_named_alone(f, ref)
            )
            related = [g.prov for g in good] + ([src.prov] if src is not None else [])
            subject = describe(f, key)
            if note is not None:
                yield make_finding(
                    SCOPE,
                    "info",
                    f,
                    msg + "；" + note[0],
                    expected=expected,
                    derivation=f"{_names(good)}",
                    related=related + note[1],
                    subject=subject,
                )
                continue
            unmarked = _unmarked_cell(ctx, [f, ref])
            if unmarked:
                yield make_finding(
                    SCOPE,
                    "info",
                    f,
                    msg + f"；{unmarked}所在表格未写明此数是预算数还是执行数，口径未能确定，请核对",
                    expected=expected,
                    derivation=_names(good),
                    related=related,
                    subject=subject,
                )
                continue
            sev = "error"
            if tol.printings_verdict(f.quantity, ref.quantity) == tol.WARNING:
                sev = "warning"
                msg += "；两数只差较粗一方末位一个单位（四舍五入后凑数或截尾），同一数字应印得一致"
            yield make_finding(
                MISMATCH, sev, f, msg, expected=expected, derivation=_names(good), related=related, subject=subject
            )
