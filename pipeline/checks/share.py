"""share — "X…占Y%": X ÷ the whole the sentence names vs Y, with a diagnosis of a wrong denominator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from extractors import lists
from extractors.identity import DIFFERENT, SAME, last_word, last_year, relation, strip_scope_words
from extractors.identity import named_scope as is_named_scope
from extractors.model import Claim
from extractors.subjects import analyse_pre
from pipeline import tolerance as tol
from pipeline.checks.base import (
    TRUNCATED,
    Context,
    Figure,
    claim_figure,
    fmt,
    identities_contradict,
    in_unit,
    make_finding,
    pct_of,
    role_of_claim,
    rule,
    span_start,
    subject_key,
    weak_subject,
)
from pipeline.findings import Finding

FAMILY = "share"
STATED = rule(
    FAMILY,
    "stated-vs-computed",
    "error",
    "占比与分子÷分母不符",
    "{subject}占比应为 {part} ÷ {whole} = {expected}%，报告写 {stated}%{diagnosis}",
    "narrative",
    "arithmetic",
)
RULES = [STATED]

_TOTAL_WORDS = ("合计", "总计", "总额", "总数", "共计", "全部")


def _is_share(c: Claim) -> bool:
    return c.relation == "share" and c.quantity.dimension == "percent"


def _numerator(ctx: Context, c: Claim) -> Claim | None:
    """The figure the percent is a share of: the nearest earlier non-percent figure in the clause/paragraph."""
    start = c.prov.span[0] if c.prov.span else 0
    before = [
        x
        for x in ctx.paragraph_claims(c)
        if x is not c
        and x.quantity.dimension not in ("percent", "pp")
        and x.relation not in ("share", "rate", "change")  # 比上年减少1.00万元 is a difference, never the part
        and not x.base  # 比上年1,000.00万元 is last year's figure
        and (x.prov.span[0] if x.prov.span else 0) < start
    ]
    nearest = max(before, key=lambda x: x.prov.span[0] if x.prov.span else 0, default=None)
    if (
        nearest is not None
        and nearest.sentence == c.sentence
        and bool(c.subject.strip())  # (a share left unnamed on purpose names no part: 分别占… of parts not told apart)
        and subject_key(nearest.subject) == subject_key(c.subject)
        and _RIGHT_AFTER.fullmatch(_words_after(nearest, c))
    ):
        return nearest  # …，其中一般性转移支付2957.13亿元，占比83.5%: the share right after its own part
    # (专项债券合计872160.25万元，专项债券占比64.5%: the part named with 合计 is the part the share names)
    same = [x for x in before if x.subject and _no_total_word(x.subject) == _no_total_word(c.subject)]
    if not _no_total_word(c.subject):
        same = []  # a share naming no part (or only 合计) is matched by no name
    if not same and c.subject:
        # 税收收入222.80万元，…，税收占一般公共预算收入的比重为75.7%: the share names its part without the flow word
        flows = {subject_key(c.subject + w) for w in ("收入", "支出")}
        same = [x for x in before if x.sentence == c.sentence and x.subject and subject_key(x.subject) in flows]
    if any(not last_year(x) for x in same):
        # 小学教育14525.70万元，上年预算15106.73万元，减少581.03万元，占…的20.00%: the share is of this year's amount
        same = [x for x in same if not last_year(x)]
    # a part of a breakdown the share follows is its numerator only when the share names it in a later sentence
    # (省级资金、市级资金分别占计划资金的67.62%、23.45%, after 其中：省级资金2013.74万元，市级资金689.30万元); in its
    # own sentence a share takes the name of the figure before it, which says nothing
    named_here = bool(c.subject) and c.subject in re.split(r"[，,；;。：:]", c.sentence[: _at(c)])[-1]
    if not named_here:
        same = [x for x in same if not _nested(x, c) or x.sentence != c.sentence]
    else:
        # …，其中一般性转移支付1314.28亿元、专项转移支付258.87亿元，一般性转移支付占比83.5%: its clause names the part
        same = [x for x in same if x.sentence == c.sentence] or same
    measured = _measure_named(c)
    if measured and same:
        # 基本支出全年预算3286.40万元，执行3245.72万元…。基本支出执行数占全部执行数的38.27%: the part of the measure named,
        # never a figure of the other measure when none of this one is found by that name
        same = [x for x in same if _of_measure(x, measured)]
        if not same:
            return None
    if c.identity.scope and same:
        # 全市政府债务余额占限额的96.3% after 市本级…余额, 县区…余额: the 全市 one, not the last of that name
        own = [x for x in same if x.identity.scope == c.identity.scope]
        same = own or [x for x in same if not x.identity.scope]
        if not same:
            return None
    before = [x for x in before if not _nested(x, c)]
    if c.subject and not same:
        # the share names its part (税收收入占…) and no figure of it stands before in its paragraph: the one figure of
        # that name printed earlier under the same heading
        return _named_part_earlier(ctx, c)
    if not before and not same:
        return None
    pool = same or before
    nearest = max(pool, key=lambda x: x.prov.span[0] if x.prov.span else 0)
    if (
        not same
        and nearest.sentence != c.sentence
        and any(
            x is not c and x.sentence == c.sentence and (x.prov.span[0] if x.prov.span else 0) < start
            for x in ctx.paragraph_claims(c)
        )
    ):
        # …城市维护建设税65300万元等。其中，增值税增长7.4%，占税收收入的35.2%: the share's own sentence is about another
        # figure (增值税's, whose amount it does not print): not the last amount of the sentence before
        return None
    if not same and _RESPECTIVE_OF_ONE_WHOLE.search(_words_after(nearest, c)):
        # A、B和C分别为2350.35、358.00、242.88万元，分别占…的76.14%、…: shares of several parts whose names were not
        # read — the first is not the last part's (分别占A和B的a%、b% is one part's share of each whole)
        return None
    return nearest


_PART_MEASURE = {"执行": "outcome", "决算": "outcome", "实际": "outcome", "预算": "budget"}


def _measure_named(c: Claim) -> str:
    """The measure a share's part is named with before 占 (基本支出执行数占… → outcome), "" when none."""
    clause = re.split(r"[，,；;。：:]", c.sentence[: _at(c)])[-1]
    part = clause.split("占")[0]
    found = re.findall(r"执行|决算|实际|预算", part)
    return _PART_MEASURE[found[-1]] if found else ""


def _of_measure(x: Claim, measure: str) -> bool:
    if measure == "outcome":
        return x.role in ("执行", "决算", "实际") or x.identity.measure in ("执行", "决算")
    return x.role in ("预算", "年初", "全年") or x.identity.measure in ("预算", "调整预算")


_RESPECTIVE_OF_ONE_WHOLE = re.compile(r"分别(?:占|为)(?![^，,；;。]*[和与及、][^，,；;。]*的)")


def _no_total_word(subject: str) -> str:
    return re.sub(r"(?:合计|总计)$", "", subject_key(subject))


def _named_part_earlier(ctx: Context, c: Claim) -> Claim | None:
    """The part a share names, printed in an earlier paragraph of its section ("其中，税收收入389.2亿元" a paragraph
    before "税收收入占一般公共预算收入的比重为75.0%"): only when every such printing there has one value. The share's
    year and scope are carried from the sentences before it, so they cannot tell a 2024年税收收入 from this year's."""
    key = subject_key(c.subject)
    if any(x is not c and subject_key(x.subject) == key for x in ctx.paragraph_claims(c)):
        return None  # its paragraph prints the part (its figure in a list the share does not stand in): not this
    here = (c.prov.page or 0, c.prov.paragraph or 0)
    found = [
        x
        for x in ctx.claims
        if x.section == c.section
        and (x.prov.page or 0, x.prov.paragraph or 0) < here
        and x.quantity.dimension not in ("percent", "pp")
        and x.relation not in ("share", "rate", "change")
        and not x.base
        and subject_key(x.subject) == key
    ]
    if len({x.quantity.base_value for x in found}) != 1:
        return None
    return max(found, key=lambda x: (x.prov.page or 0, x.prov.paragraph or 0))


def _nested(x: Claim, c: Claim) -> bool:
    """A figure inside a breakdown the share does not stand in."""
    return bool(x.identity.part_of and not c.identity.part_of)


_BARE_WHOLE = re.compile(r"(?:预算|决算)?(?:总额|总量|总数)$")


_OUTCOME_ROLES = ("实际", "执行", "决算")  # 占实际支出的: what was spent (全年支出 names the year's, not a 全年预算)


def _denominator(ctx: Context, c: Claim, num: Claim) -> tuple[Figure | None, bool]:
    """The share's whole and whether it is certain. The first list total before a part that is in no list of it
    (…公务接待费6.50万元，占17.81%, after a nested 其中 list) is a guess."""
    dim = num.quantity.dimension
    if c.denominator and _SCOPE_ONLY.fullmatch(c.denominator) and last_word("scope", c.denominator):
        if num.sentence != c.sentence:
            return None, True  # a part printed elsewhere (区级…收入 of 1—6月 a paragraph up) may be of another stretch
        return _whole_of_the_scope(ctx, num, last_word("scope", c.denominator)), True
    own = _respective_whole(ctx, c, num) if c.denominator else None
    if own is not None:
        return own, True
    if c.denominator and _each_parts_own(c, num):
        # 一般债务余额653.57亿元、专项债务余额1595.77亿元，分别占限额的91.0%和99.1%: each class's own 限额, printed in
        # no text — never the whole 债务限额 said before
        return None, True
    here = (_whole_in_its_sentence(ctx, c, num) or _whole_in_bracket_after(ctx, c, num)) if c.denominator else None
    if here is not None:
        return claim_figure(here), True
    if c.denominator:
        key = subject_key(c.denominator)
        pre = analyse_pre(c.denominator)
        said = subject_key(pre.subject)
        named_role = ""
        if not any(f.key == key for f in ctx.figures):
            if said and said != key:
                key = (
                    said  # 占授予中小企业合同金额的 of 授予中小企业合同金额1527.40万元 (named without its filler 金额)
                )
            elif not said and pre.role in _OUTCOME_ROLES and pre.generic:
                # 占实际支出的84.00% of 全年实际支出3,196.73万元: a whole named by its measure and a bare flow word, which
                # the figure's own name splits into its role (实际) and its subject (支出)
                key, named_role = subject_key(pre.generic), pre.role
        listed = _total_of_named_part(ctx, c, num)
        if listed is not None and (
            _plain_name(listed.subject).endswith(_plain_name(c.denominator))
            # 本年收入合计 for 占本年收入的 (the names as printed: 政府债务余额 of 市本级 is no 全市政府债务余额)
            or _TOTAL_SUFFIX.sub("", _plain_name(listed.subject)) == _TOTAL_SUFFIX.sub("", _plain_name(c.denominator))
            or _named_with_its_measure(c.denominator, listed)
        ):
            # 一般公共预算基本支出…，其中：人员经费…，占基本支出的87%: the whole is the list's head, which the share
            # names without its fund — not the department's 基本支出 of all funds printed elsewhere
            return claim_figure(listed), True
        part = claim_figure(num)
        # a whole of the part's own measure: a 预算 report's shares are of budgets (…预算支出12.00万元，占“三公”经费的45.11%)
        roles = {"actual", part.role}
        cands = [f for f in ctx.figures if f.key == key and f.quantity.dimension == dim and f.role in roles]
        if not cands:
            # 占本年收入的96.62% of 本年收入合计4957.20万元: the whole named without its 合计
            cands = [
                f for f in ctx.figures if f.key == key + "合计" and f.quantity.dimension == dim and f.role in roles
            ]
        if not cands and c.denominator:
            # 占一般公共预算支出的 of 一般公共预算支出合计179,339.34万元 (whose name's key is not the bare name's + 合计)
            totalled = subject_key(c.denominator + "合计")
            cands = [f for f in ctx.figures if f.key == totalled and f.quantity.dimension == dim and f.role in roles]
        if not cands and _BARE_WHOLE.search(key):
            # 占政府采购预算总额的 of 政府采购预算512.00万元 (named 政府采购, its measure the role): the same whole
            bare = _BARE_WHOLE.sub("", key)
            cands = [
                f
                for f in ctx.figures
                if f.key == bare and f.quantity.dimension == dim and f.role in ("actual", "budget", "budget_full")
            ]
        cands = [f for f in cands if not f.column_rest and f.quantity.base_value >= num.quantity.base_value]
        if (
            c.identity.item
            and _PROJECT_WHOLE.fullmatch(key)
            and not subject_key(c.identity.item).startswith(
                subject_key(num.subject)
            )  # (the part is the project itself)
            # (其他项目支出合计498.40万元，占项目支出的23.67% after the projects' paragraphs: a part that is itself 项目支出
            # of some projects is of the department's whole, not of the project the paragraphs before were about)
            and not _TOTAL_SUFFIX.sub("", _plain_name(num.subject)).endswith(key)
        ):
            # 区人民医院能力提升项目：…实际支出1489.48万元…，其中设备购置支出968.20万元，占项目支出的65.00%: in a paragraph about
            # one project, 项目支出 is that project's spending, not the department's 项目支出 printed elsewhere
            cands = [
                f
                for f in cands
                if isinstance(f.obj, Claim)
                and (f.obj.prov.block, f.obj.prov.paragraph) == (c.prov.block, c.prov.paragraph)
            ]
            if not cands:
                return None, True  # (the project's spending is printed under its own name: not found by this one)
        if named_role:
            # (a bare 支出 of another section — a project's 实际支出 under 三、项目支出绩效情况 — is no whole of this one)
            cands = [
                f for f in cands if isinstance(f.obj, Claim) and f.obj.role == named_role and f.obj.section == c.section
            ]
        named_scope = last_word("scope", c.denominator)
        if named_scope and named_scope != part.identity.scope:  # 县本级…占全县…的: the whole is of the scope named
            part = replace(part, ident=replace(part.identity, scope=named_scope))
        cands = [f for f in cands if ctx.relation(part, f) != DIFFERENT]  # never a whole of another year or scope
        if not part.identity.item:
            # 一、总体执行情况 › …财政补贴收入56.39亿元，占基金收入的19.0%: no one fund's 基金收入 under （一）企业职工基本养老
            # 保险基金 is the whole of a part naming no item
            cands = [f for f in cands if not f.identity.item]
        fund = part.identity.fund
        if fund and cands and not any(f.identity.fund == fund for f in cands):
            # under 六、一般公共预算财政拨款项目支出决算情况说明, "…项目1426.38万元，占项目支出的27.08%": the whole of the
            # part's own fund (一般公共预算财政拨款项目支出), not the 项目支出 of all funds
            funded = [
                f
                for f in ctx.figures
                if f.key != key
                and f.obj is not num
                and _FUND_WORDS.sub("", f.key) == key
                and f.identity.fund == fund
                and f.quantity.dimension == dim
                and f.role in roles
                and not f.column_rest
                and f.quantity.base_value > num.quantity.base_value  # (财政拨款收入 of 占本年收入的 is the part itself)
                # (the section's whole names the section as its item, the part its project)
                and relation(replace(f.identity, item=""), replace(part.identity, item=""), ctx.ambiguity) != DIFFERENT
            ]
            if len({f.quantity.base_value for f in funded}) == 1:
                return ([f for f in funded if f.kind == "claim"] or funded)[0], True
        same = [f for f in cands if ctx.relation(part, f) == SAME]  # the whole of the same scope, fund, year
        unsure = False
        if len({f.quantity.base_value for f in cands}) > 1:
            unsure = not same  # wholes of that name disagree and none is certainly the part's (五年来's and 2025's)
            cands = same  # wholes of that name disagree: only one of the part's own identity will do
        if cands:
            claims = [f for f in cands if f.kind == "claim"]
            # 占局本级本年支出合计的: a whole that does not state the scope named is not certainly that scope's; nor is
            # one naming no body that of a part of one body (区卫生健康局's 基本支出 of a report on several departments,
            # its own 全年支出 named otherwise, against the 汇总's 本年支出合计)
            return (claims or cands)[0], not ((named_scope or is_named_scope(part.identity.scope)) and not same)
        near = _named_whole_before(ctx, c, num)
        if near is not None and named_scope and near.identity.scope and near.identity.scope != named_scope:
            near = None  # 泾源县…政府债务余额126.42亿元…，占全市政府债务余额的6.9%: a county's is no 全市 whole
        if near is not None:
            # a whole of another measure than the part's (年初预算108.00 for 完成72.86) is a guess
            same_measure = not num.role or not near.role or role_of_claim(near) == role_of_claim(num)
            return claim_figure(near), (
                not unsure and same_measure and (not named_scope or near.identity.scope == named_scope)
            )
        named = _whole_named_with_its_measure(ctx, c, num)
        if named is not None:
            return named, not unsure and (not named_scope or named.identity.scope == named_scope)
        headed = _whole_by_its_head(ctx, c, num)
        if headed is not None:
            # 面向中小企业预留政府采购项目预算金额536.91万元…，占面向中小企业预留金额的64.52%: the whole named by its head
            # and its kind of amount, in its sentence — likely, not certainly, the one meant
            return claim_figure(headed), False
        flow = _BARE_FLOW.fullmatch(_plain_name(c.denominator))
        if flow is not None and (whole := _named_whole_before(ctx, c, num, (flow.group("flow"),))) is not None:
            # 全县一般公共预算收入…调整后为71610万元。…税收收入调整后为47550万元，占本年收入的66.4%: the year's whole
            # income printed before, a fund's or a body's (never an item's): likely, not certainly, the one meant
            return claim_figure(whole), False
    if c.group is not None and num.group == c.group and num.relation == "part":
        for x in ctx.group_claims(c):
            if x.group == c.group and x.relation == "total" and x.quantity.dimension == dim:
                if c.denominator and not _names_the_total(c.denominator, x.subject):
                    break  # the share names another whole than the list's total (占“三公”经费的, after a 其中 list)
                return claim_figure(x), True
    listed = _total_of_named_part(ctx, c, num)
    if listed is not None:
        return claim_figure(listed), True
    if c.denominator:
        whole = _whole_of_its_measure(ctx, c, num)
        scope = last_word("scope", c.denominator)
        if whole is not None and not (scope and whole.identity.scope and whole.identity.scope != scope):
            # (泾源县…政府债务余额126.42亿元…，占全市政府债务余额的6.9%: a county's is no 全市 whole)
            return claim_figure(whole), False
        return None, True  # the whole the share names is not printed: no other total stands in for it
    head = _colon_head(ctx, c, num)
    if head is not None:
        return claim_figure(head), True
    start = num.prov.span[0] if num.prov.span else 0
    head = _qizhong_head(ctx, c, num)
    for x in reversed(ctx.paragraph_claims(c)):  # the nearest total before the part: 支出总计, not 收入总计 before it
        if (x.prov.span[0] if x.prov.span else 0) >= start or x.quantity.dimension != dim or x.base:
            continue
        if x.relation in ("share", "rate", "change"):
            continue  # 收、支总计各增加4824.58万元: the change of a total is no whole
        if x.quantity.base_value < num.quantity.base_value:
            continue  # 一般债券合计480838.50万元，专项债券合计872160.25万元: a sibling's total, smaller than the part
        if any(w in x.subject for w in _TOTAL_WORDS):
            return claim_figure(x), True
        if x.relation == "total" or x is head:
            # …。区级收入完成20.86亿元，…，其中税收收入16.16亿元，占比77.5%: the figure its lone 其中 hangs from, nearer
            # than the total of the list before
            return claim_figure(x), False
    if head is not None:
        return claim_figure(head), False
    near = _named_whole_before(ctx, c, num)
    if (
        near is not None
        and (near.prov.block, near.prov.paragraph) != (c.prov.block, c.prov.paragraph)
        and not near.sentence.rstrip().endswith(("：", ":"))  # …收入预算合计21,955.35万元，其中： ¶ 一般公共预算收入…
    ):
        # 按经济性质分，基本支出61.23亿元，占47.5%…, the paragraph before ending on a 收入总计: a whole the share does
        # not name, printed before its paragraph, is a guess
        return claim_figure(near), False
    return (claim_figure(near) if near is not None else None), True


_FUND_WORDS = re.compile(r"一般公共预算|政府性基金预算?|国有资本经营预算|社会保险基金预算|财政拨款")
_MEASURE_ONLY = re.compile(r"(?:全年|年初|调整后?|本年|当年)?(?:预算|执行|决算)数?")
# a whole named by its scope alone: 占全省的17.32%, 占全市总量的
_SCOPE_ONLY = re.compile(r"(?:全[省市县区州盟旗镇乡]|[省市县区州]本级|本级)(?:总量|总额|合计)?")


_BARE_NAME = re.compile(r"^(?:实际|全年|本年|当年)|(?:资金|金额|数|总额)$")


def _bare_name(text: str) -> str:
    return _BARE_NAME.sub("", subject_key(text))


def _whole_in_its_sentence(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """The whole a share names, printed earlier in the share's own sentence under that name but for 实际/资金 (实际到位
    480.00万元，…；实际支出468.22万元，…，占到位资金的97.55%): nearer and surer than a figure of the exact name
    elsewhere (the department's 实际到位资金 two paragraphs up)."""
    want = _bare_name(c.denominator)
    if len(want) < 2:
        return None
    start = c.prov.span[0] if c.prov.span else 0
    scope = last_word("scope", c.denominator)
    found = [
        x
        for x in ctx.paragraph_claims(c)
        if x.sentence == c.sentence
        and x is not num
        and (x.prov.span[0] if x.prov.span else 0) < start
        and x.quantity.dimension == num.quantity.dimension
        and x.relation not in ("share", "rate", "change")
        and not x.base
        and x.quantity.base_value >= num.quantity.base_value
        and _bare_name(x.subject) == want
        # never the part's own figure of another measure (市本级…收入调整为61.80亿元 for 占全市…收入的), nor a
        # whole of another scope than the one named, nor a budget for an outcome (政府采购预算 for 占政府采购金额的)
        and subject_key(x.subject) != subject_key(num.subject)
        and (not scope or x.identity.scope == scope)
        and role_of_claim(x) == role_of_claim(num)
    ]
    return max(found, key=lambda x: x.prov.span[0] if x.prov.span else 0) if found else None


def _whole_in_bracket_after(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """The whole printed in a bracket right after the share (占项目支出的94.10%（全区项目支出预算236,580.42万元）),
    under the name the share gives it (but for its scope and measure words)."""
    want = _loose(strip_scope_words(subject_key(c.denominator)))
    end = c.prov.span[1] if c.prov.span else None
    if end is None or len(want) < 2:
        return None
    for x in ctx.paragraph_claims(c):
        at = x.prov.span[0] if x.prov.span else -1
        if at <= end or x.quantity.dimension != num.quantity.dimension or x.relation in ("share", "rate", "change"):
            continue
        if not _OPEN_BRACKET_ONLY.fullmatch(_words_after(c, x)):
            return None
        name = _loose(strip_scope_words(subject_key(x.subject)))
        return x if name.endswith(want) and x.quantity.base_value >= num.quantity.base_value else None
    return None


_LAST_NOUN = re.compile(r"(?:余额|限额|支出|收入|资金)$")


def _respective_whole(ctx: Context, c: Claim, num: Claim) -> Figure | None:
    """The whole of each part of a 分别 share naming one common word (一般债务余额…、专项债务余额…，分别占限额的97.7%和
    95.5%): the part's own name with its last noun turned into that word (一般债务限额), where that figure is printed with
    one value and is no other scope, fund or year."""
    if "分别" not in re.split(r"[，,；;。：:]", c.sentence[: _at(c)])[-1] or not _LAST_NOUN.search(num.subject):
        return None
    word = subject_key(c.denominator)
    qualified = not _LAST_NOUN.fullmatch(word)
    if qualified:
        # 分别占债务限额的94.2%和93.5%: a qualified name may be the common whole (政府债务限额) or each part's own; each
        # part's own only where the share fits it
        noun = _LAST_NOUN.search(word)
        if noun is None:
            return None
        word = noun.group(0)
    key = subject_key(_LAST_NOUN.sub("", num.subject) + word)
    if key == subject_key(num.subject):
        return None  # 一般债务余额…，分别占债务余额的: the parts' common whole
    part = claim_figure(num)
    found = [
        f
        for f in ctx.figures
        if f.key == key
        and f.quantity.dimension == num.quantity.dimension
        and not f.column_rest
        and getattr(f.obj, "relation", "") not in ("share", "rate", "change")
        and ctx.relation(part, f) != DIFFERENT
    ]
    if len({f.quantity.base_value for f in found}) != 1:
        return None
    whole = next((f for f in found if f.kind == "claim"), found[0])
    if qualified:
        comp = pct_of(num.quantity, whole.quantity)
        if comp is None or tol.verdict(c.quantity, comp, ctx.settings) not in (tol.OK, tol.INFO):
            return None
    return whole


def _each_parts_own(c: Claim, num: Claim) -> bool:
    """Whether a 分别 share names a bare common word (限额, 预算) each of its parts has its own of."""
    return (
        "分别" in re.split(r"[，,；;。：:]", c.sentence[: _at(c)])[-1]
        and bool(_LAST_NOUN.search(num.subject))
        and bool(_LAST_NOUN.fullmatch(subject_key(c.denominator)))
        and subject_key(_LAST_NOUN.sub("", num.subject) + subject_key(c.denominator)) != subject_key(num.subject)
    )


def _at(c: Claim) -> int:
    """Where the claim's figure stands in its sentence (its end when not found)."""
    at = c.sentence.find(c.quantity.text)
    return at if at >= 0 else len(c.sentence)


# (…，占比83.5%; …，占总支出的23.98%: the share right after its part, naming its whole or not)
_RIGHT_AFTER = re.compile(r"[，,\s]*(?:占比|占(?:[^，,；;。%\d]{1,20}?的(?:比重|比例)?)?|所占比重|比重)(?:为|达)?\s*")
_OPEN_BRACKET_ONLY = re.compile(r"\s*[（(][^（()）]*")


def _words_after(a: Claim, b: Claim) -> str:
    """The words of a's sentence from the end of a to the start of b ("" where b is not after a in it)."""
    at = a.sentence.find(a.quantity.text)
    to = a.sentence.find(b.quantity.text, at + len(a.quantity.text)) if at >= 0 else -1
    return a.sentence[at + len(a.quantity.text) : to] if at >= 0 and to >= 0 else ""


def _whole_of_the_scope(ctx: Context, num: Claim, scope: str) -> Figure | None:
    """The whole of a share that names only a scope (省本级一般公共预算收入519.6亿元，占全省的17.32%): the figure of
    the part's own name, fund, measure and year at that scope; or the total of the part's 其中 list when that total
    is of that scope (全省政府性基金预算收入…，其中省本级收入…，占全省的). None where that figure is not printed or
    its printings disagree."""
    dim = num.quantity.dimension
    if num.group is not None and num.relation == "part":
        totals = [x for x in ctx.group_claims(num) if x.relation == "total" and x.quantity.dimension == dim]
        if len(totals) == 1 and totals[0].identity.scope == scope:
            return claim_figure(totals[0])
    part = claim_figure(num)
    part = replace(part, ident=replace(part.identity, scope=scope))
    found = [
        f
        for f in ctx.figures
        if f.key == part.key
        and f.obj is not num
        and f.quantity.dimension == dim
        and not f.column_rest
        and f.quantity.base_value >= num.quantity.base_value
        and getattr(f.obj, "relation", "") not in ("share", "rate", "change")
        and not getattr(f.obj, "base", False)
        and f.identity.scope == scope
        and ctx.relation(part, f) == SAME
    ]
    if len({f.quantity.base_value for f in found}) == 1:
        return next((f for f in found if f.kind == "claim"), found[0])
    head = _qizhong_head(ctx, num, num)
    if (
        not found
        and head is not None
        and head.identity.scope == scope
        and _flow_word(head.subject) == _flow_word(num.subject)
        and ctx.relation(part, claim_figure(head)) != DIFFERENT
    ):
        # 全省政府性基金预算收入1200亿元，其中省本级收入120亿元，占全省的10%: the figure its 其中 hangs from, of the same
        # flow (not 全省…支出1495835万元 just before "其中省级…收入824915万元")
        return claim_figure(head)
    return None


def _flow_word(name: str) -> str:
    found = re.findall(r"收入|支出|余额|限额", name)
    return found[-1] if found else ""


def _named_scope_settles(c: Claim, den: Figure, other: Figure) -> bool:
    """The share names its whole's scope (占县本级一般公共预算收入的35.8%), the whole taken is of that scope and the
    other figure of that name is not: the share's whole is settled, the other is another scope's."""
    named = last_word("scope", c.denominator) if c.denominator else ""
    return bool(named) and den.identity.scope == named and other.identity.scope not in ("", named)


def _of_another_measure(c: Claim, whole: Figure) -> bool:
    named = analyse_pre(c.denominator).role if c.denominator else ""
    # (占本年支出的: 本年 names the year, no measure — 全年支出 is as much the year's spending)
    return bool(named) and named != "本年" and isinstance(whole.obj, Claim) and whole.obj.role != named


def _whole_of_its_measure(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """A whole named by its measure alone (项目支出全年执行5,994.39万元，占全年执行数的70.81%): the nearest earlier figure
    of that measure in the section that is no part, no base and no less than the part (…支出预算8,465.28万元，全年执行数
    8,235.45万元). Nothing settles that it is the whole meant, so it is a guess."""
    said = analyse_pre(c.denominator)
    if not _MEASURE_ONLY.fullmatch(c.denominator) or not said.role:
        return None  # 全年支出 names a flow, not only a measure
    here = (num.prov.block or 0, num.prov.span[0] if num.prov.span else 0)
    earlier = [
        x
        for x in ctx.claims
        if x.section == c.section
        and x.role == said.role
        and (x.prov.block or 0, x.prov.span[0] if x.prov.span else 0) < here
        and x.quantity.dimension == num.quantity.dimension
        and x.relation not in ("share", "rate", "change", "part")
        and not x.base
        and x.quantity.base_value > num.quantity.base_value
        # (教育支出调整后预算231120万元，…；卫生健康支出…，占调整后预算的11.4%: a sibling item's budget is no whole)
        and not _an_items_flow(x)
    ]
    # 全年执行数3412.86万元 …。按收入性质分：财政拨款…执行数3148.62万元: a whole named by its measure alone is a figure
    # naming no item either, not one source's
    unnamed = [x for x in earlier if not subject_key(x.subject) or weak_subject(subject_key(x.subject))]
    return max(
        unnamed or earlier, key=lambda x: (x.prov.block or 0, x.prov.span[0] if x.prov.span else 0), default=None
    )


_TOTAL_SUFFIX = re.compile(r"(?:合计|总计|总额)$")


def _whole_name(text: str) -> str:
    """A whole's name without 合计/总计 (收入合计 and 本年收入 both name 收入)."""
    return _TOTAL_SUFFIX.sub("", subject_key(text))


_THIS_YEARS = re.compile(r"^(?:本年|当年|本年度)")


def _this_years_of_a_grand_total(named: str, total: str) -> bool:
    """A whole named as this year's (本年收入) against a 总计, which adds last year's carry-over to it."""
    return bool(_THIS_YEARS.match(_plain_name(named))) and "总计" in total


def _names_the_total(named: str, total: str) -> bool:
    """Whether a share's named whole is the list's total (收入合计 and 本年收入 both name 收入; 收入总计 is no 本年收入)."""
    return _whole_name(total) == _whole_name(named) and not _this_years_of_a_grand_total(named, total)


def _total_of_a_wider_whole(ctx: Context, c: Claim, num: Claim) -> Claim:
    """泾源县…政府债务余额126.42亿元，其中一般债务余额…、专项债务余额90.69亿元，占全市政府债务余额的6.9%: a share of a
    wider scope's whole of the list total's own name is the total's share, not its last part's."""
    scope = last_word("scope", c.denominator or "")
    if not scope or num.relation != "part" or num.group is None:
        return num
    total = next((x for x in ctx.group_claims(num) if x.group == num.group and x.relation == "total"), None)
    if total is None or total.identity.scope == scope:
        return num
    named = _plain_name(strip_scope_words(c.denominator))
    return total if named and _plain_name(strip_scope_words(total.subject)) == named else num


def _plain_name(text: str) -> str:
    return re.sub(r"[\s“”\"‘’]", "", text)


def _total_of_named_part(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """The total of the list the share's part stands in, when the share names that part and a whole the total's
    name abbreviates (计划资金 for 该项目计划安排资金: the name's head and tail, in order)."""
    if (
        not c.denominator
        or num.group is None
        or num.relation != "part"
        or subject_key(c.subject) != subject_key(num.subject)
    ):
        return None
    totals = [x for x in ctx.group_claims(num) if x.relation == "total"]  # a list may run over paragraphs
    if len(totals) != 1 or totals[0].quantity.dimension != num.quantity.dimension:
        return None
    named = _abbreviates(subject_key(c.denominator), subject_key(totals[0].subject))
    # 收入合计…其中：事业收入185.40万元，占本年收入的8.00%: the list's 收入合计 is the 本年收入 the share names
    if _this_years_of_a_grand_total(c.denominator, totals[0].subject):
        return None  # 收入总计…，其中：…，占本年收入的94.1%: this year's income, not the total with what was carried in
    if named or _whole_name(totals[0].subject) == _whole_name(c.denominator):
        return totals[0]
    return totals[0] if _named_with_its_measure(c.denominator, totals[0]) else None


def _named_with_its_measure(words: str, total: Claim) -> bool:
    """2025年支出预算5,319.00万元，其中：基本支出…，占支出预算的27.70%: the whole named by its subject and its measure
    (2025年部门支出预算…，占支出预算的: named without its owner, 部门 or 单位)."""
    name = _plain_name(words)
    m = _MEASURE_TAIL.search(name)
    return (
        m is not None
        and bool(total.role)
        and name[: m.start()] in (_plain_name(total.subject), _OWNER.sub("", _plain_name(total.subject)))
        and _MEASURE_OF_ROLE.get(total.role) == m.group(1)
    )


_OWNER = re.compile(r"^(?:本?部门|本?单位)(?=.)")


ABBREVIATION_ENDS = 2  # 计划资金: 计划 … 资金


def _abbreviates(short: str, name: str) -> bool:
    """计划资金 of 该项目计划安排资金: the name ends with the short name's last characters, and holds its first ones
    before them."""
    n = ABBREVIATION_ENDS
    if len(short) < 2 * n or not name.endswith(short[-n:]):
        return False
    return short[:n] in name[: len(name) - n]


_OPENS_LIST = re.compile(r"(?:用于|如下|以下方面|以下几个方面|包括|构成|分别为|具体为)[：:]")


def _colon_head(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """The figure a colon list of its own sentence breaks down (一般公共预算拨款支出86540.18万元，主要用于以下方面：卫生健康
    支出（类）78226.40万元，占90.39%；…): the last amount of the part's kind before the colon."""
    start = num.prov.span[0] if num.prov.span else 0
    before = [
        x
        for x in ctx.paragraph_claims(c)
        if x.sentence == num.sentence and (x.prov.span[0] if x.prov.span else 0) < start and x is not num
    ]
    if not before:
        return None
    opens = _OPENS_LIST.search(num.sentence)
    if opens is None or num.sentence.find(num.quantity.text, opens.end()) < 0:
        return None
    heads = [
        x
        for x in before
        if x.quantity.dimension == num.quantity.dimension
        and x.relation not in ("share", "rate", "change")
        and not x.base
        and num.sentence.find(x.quantity.text) < opens.start()
    ]
    head = max(heads, key=lambda x: x.prov.span[0] if x.prov.span else 0) if heads else None
    if head is None or head.quantity.base_value < num.quantity.base_value:
        return None
    return head


def _qizhong_head(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """The figure a lone 其中 part hangs from (收入完成4.57亿元，同比下降19.6%，其中国有土地使用权出让收入4.12亿元，
    占90.3%): the nearest earlier level of its paragraph. One part makes no list, so this is a guess."""
    opened = (num.lead or "").lstrip("，,；;。 ").startswith("其中")
    # 其中，税收收入29.65亿元，占比64.6%: the 其中 before the part's name, outside its lead
    if not opened and not (num.subject and re.search(r"其中[，,：:]?\s*" + re.escape(num.subject), num.sentence)):
        return None
    start = num.prov.span[0] if num.prov.span else 0
    levels = [
        x
        for x in ctx.paragraph_claims(c)
        if (x.prov.span[0] if x.prov.span else 0) < start
        and x.quantity.dimension == num.quantity.dimension
        and x.relation not in ("share", "rate", "change")
        and not x.base
        and x.quantity.base_value >= num.quantity.base_value
        # (其中中央、省级、市级资金分别为…: a sibling of the part is no level it hangs from)
        and not (num.group is not None and x.group == num.group and x.relation == "part")
    ]
    return max(levels, key=lambda x: x.prov.span[0] if x.prov.span else 0) if levels else None


_MEASURE_IN_NAME = re.compile(r"(?:年初|调整后?)?(?:预算|决算)数?")
MIN_LOOSE_NAME = 4  # 本年支出合计: a whole's name without its measure word still names one figure


def _loose(key: str) -> str:
    return _MEASURE_IN_NAME.sub("", key)


def _whole_named_with_its_measure(ctx: Context, c: Claim, num: Claim) -> Figure | None:
    """The whole the share names, printed elsewhere in the text with its measure word in the name ("占本年支出合计的
    99.94%" of the 本年支出预算合计 printed seven lines up): a figure whose name, without 预算/决算, ends in the
    denominator's; of the same measure, year and scope as the part (its fund may be wider); only when every such
    figure has one value."""
    want = _loose(subject_key(c.denominator))
    if len(want) < MIN_LOOSE_NAME:
        return None
    part = claim_figure(num)
    loose_part = replace(part.identity, fund="", item="", part_of="")
    found = [
        f
        for f in ctx.figures
        if f.kind == "claim"
        and f.obj is not num
        and f.role in ("actual", "budget")
        and f.quantity.dimension == num.quantity.dimension
        and f.quantity.base_value >= num.quantity.base_value
        and getattr(f.obj, "relation", "") not in ("share", "rate", "change")
        and _loose(f.key).endswith(want)
        and not re.search(r"(?:应|计划|预计|拟)$", _loose(f.key)[: -len(want)])  # 应到位资金 is no 到位资金
        and f.key
        != part.key  # 项目支出 (its budget) is no whole of 项目支出 (what was spent), whatever 全年支出 ends in
        and relation(replace(f.identity, fund="", item="", part_of=""), loose_part, ctx.ambiguity) == SAME
        # (one fund's 基金收入 under （一）企业职工基本养老保险基金 is no whole of the overview's 财政补贴收入)
        and (part.identity.item or not f.identity.item)
    ]
    if len({f.quantity.base_value for f in found}) != 1:
        return None
    return found[0]


NEAR_PARAGRAPHS = 3  # a PDF prints a list's lines as paragraphs: its head may stand a few lines up


def _named_whole_before(ctx: Context, c: Claim, num: Claim, named: tuple[str, ...] = ()) -> Claim | None:
    """The nearest earlier figure whose subject ends in the denominator's word, or in 合计/总计… when the share names
    none ("本年支出预算合计21,955.35万元，其中：基本支出13,994.31万元，占63.75%": 占 the 合计 just named), in its
    paragraph or the few lines before."""
    words = named or ((subject_key(c.denominator),) if c.denominator else _TOTAL_WORDS)
    here = (c.prov.page or 0, c.prov.paragraph or 0, c.prov.span[0] if c.prov.span else 0)
    found: list[tuple[tuple[int, int, int], Claim]] = []
    for x in ctx.claims:
        at = (x.prov.page or 0, x.prov.paragraph or 0, x.prov.span[0] if x.prov.span else 0)
        if x.prov.paragraph is None or c.prov.paragraph is None:
            continue
        if not (0 <= c.prov.paragraph - x.prov.paragraph <= NEAR_PARAGRAPHS) or at >= here or x is num:
            continue
        if x.section != c.section and not c.section.startswith(x.section + " › "):
            # 其余11家所属单位合计3,006.05万元 under the section before: another section's total (a whole of a section
            # above holds for those under it: 项目支出… › 1.学生资助项目 › …占项目支出的41.62%)
            continue
        if x.quantity.dimension != num.quantity.dimension or x.relation in ("share", "rate", "change") or x.base:
            continue
        if num.group is not None and x.group == num.group and x.relation == "part":
            continue  # 财政拨款收入 is no whole of 事业收入, its fellow part (占本年收入的: 本年收入's key is 收入)
        if not subject_key(x.subject).endswith(words) or x.quantity.base_value < num.quantity.base_value:
            continue
        if x.quantity.base_value == num.quantity.base_value and c.quantity.value < _WHOLE_PERCENT:
            continue  # …分别安排4.20亿元、… ¶ 其中，A项目使用4.20亿元，占…的30.00%: the part printed again, no whole of it
        if re.search(r"(?:应|计划|预计|拟)$", _before_suffix(subject_key(x.subject), words)):
            continue  # 项目应到位资金 (what was due) is no 到位资金 (what arrived)
        if named and _an_items_flow(x):
            continue  # (the year's whole flow asked for: a fund's or a body's, never an item's)
        if c.denominator and not named and _a_sibling_of(num, x, words):
            continue  # 基本支出占全年支出的44.52% after 项目支出…实际支出4,860.59万元: a part of that word, not its whole
        if _no_total_word(x.subject) == _no_total_word(num.subject):
            continue  # 项目支出7835.62 (its 全年预算) is no whole of 项目支出7214.33 (what was spent), 占全年支出的
        if identities_contradict(x.identity, num.identity):
            continue  # 全县主要支出项目安排：…预备费…，占一般公共预算支出的 after 县本级一般公共预算支出…: another level's whole
        if x.relation == "part" and c.denominator and subject_key(x.subject) not in words:
            continue  # a part of a list (…其中基本支出…、项目支出7835.62万元) is the whole only where named so exactly
        if c.denominator and _BARE_FLOW.fullmatch(_plain_name(c.denominator)) and _an_items_flow(x):
            continue  # 占本年收入的30.0% after …，其中利润收入5830万元: an item's 收入 is no year's whole 收入
        found.append((at, x))
    # of the same measure as the part where one is printed: 支出152.35亿元 before 调整预算为156亿元 for 支出118.73亿元
    own_measure = [f for f in found if role_of_claim(f[1]) == role_of_claim(num)]
    return max(own_measure or found, key=lambda f: f[0])[1] if found else None


# a whole named by its flow alone (本年收入, 当年支出, 收入): the year's whole flow, of a fund or a body
_BARE_FLOW = re.compile(r"(?:本年|当年|本年度|全年)?(?P<flow>收入|支出)(?:合计|总额)?")
_WHOLE_FLOW_WORDS = re.compile(
    r"一般公共预算|政府性基金预算?|国有资本经营预算|社会保险基金预算?|财政拨款|本年|当年|全年|年初|预算|决算|合计|总计|总额|部门|单位"
)


_AMOUNT_WORD = re.compile(r"(?:预算)?(?:金额|资金|总额|数额)$")
MIN_HEAD = 4  # characters a whole's head must share with the name of the figure it is (面向中小企业预留)


def _whole_by_its_head(ctx: Context, c: Claim, num: Claim) -> Claim | None:
    """The one earlier amount of the share's sentence whose name opens with the share's whole named without its kind
    of amount (面向中小企业预留金额 → 面向中小企业预留…), larger than the part."""
    named = _plain_name(c.denominator)
    head = _AMOUNT_WORD.sub("", named)
    if head == named or len(head) < MIN_HEAD:
        return None
    found = [
        x
        for x in ctx.paragraph_claims(c)
        if x.sentence == c.sentence
        and span_start(x) < span_start(num)
        and x is not num
        and x.quantity.dimension == num.quantity.dimension
        and not x.relation
        and not x.base
        and x.quantity.base_value > num.quantity.base_value
        and _plain_name(x.subject).startswith(head)
    ]
    return found[0] if len(found) == 1 else None


def _an_items_flow(x: Claim) -> bool:
    """Whether a figure named … 收入/支出 is one item's (利润收入, 税收收入, 教育支出), not a fund's or a body's whole
    flow (国有资本经营预算收入, 全市一般公共预算支出, 本年收入合计)."""
    if x.relation == "total":
        return False
    name = strip_scope_words(subject_key(x.subject))
    flow = re.search(r"(?:收入|支出)", name)
    if flow is None:
        return False
    return bool(_WHOLE_FLOW_WORDS.sub("", name[: flow.start()]))


_PROJECT_WHOLE = re.compile(r"项目(?:支出|资金|经费)?")
_MEASURE_TAIL = re.compile(r"(预算|决算)数?$")
_MEASURE_OF_ROLE = {"预算": "预算", "年初": "预算", "全年": "预算", "决算": "决算", "执行": "决算", "实际": "决算"}
_WHOLE_PERCENT = 99  # a share below this is of a whole larger than its part


def _before_suffix(key: str, words: tuple[str, ...]) -> str:
    """key without the one of words it ends in."""
    end = next((w for w in words if w and key.endswith(w)), "")
    return key[: len(key) - len(end)]


_WHOLE_PREFIX = re.compile(r"^(?:全年|本年|当年|年度|实际|全部|部门)")


def _a_sibling_of(num: Claim, x: Claim, words: tuple[str, ...]) -> bool:
    """Whether x, named like the share's part by a name ending in the whole's word (项目支出 beside 基本支出 for 支出),
    is a sibling of the part rather than the whole."""
    own, other = subject_key(num.subject), subject_key(x.subject)
    if not own.endswith(words) or other in words or _TOTAL_SUFFIX.search(other):
        return False
    return _WHOLE_PREFIX.sub("", other) not in words


def _diagnose(ctx: Context, c: Claim, num: Claim, used: Figure) -> tuple[Figure | None, str]:
    """The document figure that, as denominator, explains the stated percent."""
    best: tuple[Decimal, Figure] | None = None
    seen: set[Decimal] = set()
    stated = tol.interval(c.quantity)
    trunc = tol.truncation_interval(c.quantity)
    for f in ctx.figures:
        q = f.quantity
        if q.dimension != num.quantity.dimension or q.base_value <= 0 or q.base_value == used.quantity.base_value:
            continue
        if f.obj is num or q.base_value in seen or q.approx != "exact":
            continue  # (≥200万元 explains any share below 311%)
        if {lists.flow_of(num.subject), lists.flow_of(f.subject or "")} == {lists.INCOME, lists.SPENDING}:
            continue  # (教育支出 over 税收收入: spending is no share of income, whatever the quotient)
        comp = pct_of(num.quantity, q)
        if comp is None or not (stated.meets(comp) or trunc.meets(comp)):
            continue
        seen.add(q.base_value)
        dist = abs(comp.mid - c.quantity.value) - (Decimal("0.001") if f.kind == "fact" else 0)
        if best is None or dist < best[0]:
            best = (dist, f)
    if best is None:
        return None, ""
    f = best[1]
    exact = num.quantity.base_value / f.quantity.base_value * 100
    best_pct = pct_of(num.quantity, f.quantity)
    how = "" if best_pct is not None and stated.meets(best_pct) else "（截尾）"
    return f, (
        f"；{fmt(c.quantity.value)}% 与 {fmt(num.quantity.value)} ÷ {fmt(f.value)}（{_name(f)}）"
        f"= {fmt(exact, 3)}%{how}相符，疑用错分母"
    )


def _other_reading(ctx: Context, c: Claim, used: Figure, other: Figure) -> bool:
    """Whether the figure that explains a share is as good a whole as the one used: the share names no whole and its
    paragraph prints the explaining figure before it (占17.3% after a list under 民生支出, where 一般公共预算支出 is
    printed just before), or the explaining figure carries the
    name the share gives its whole and the one used does not (占一般公共预算支出的77.9%: 152.35, not 调整预算 156)."""
    if not c.denominator:
        # only a whole the share's own paragraph prints before it, or names as the whole of an earlier share
        # (占一般公共预算支出的80.5%。其中：教育支出7.89亿元，占17.3%): a figure elsewhere matching by chance is no reading
        same = (other.prov.block, other.prov.paragraph) == (c.prov.block, c.prov.paragraph)
        named_before = subject_key(other.subject or "") in _wholes_named_before(ctx, c)
        at = (c.prov.span or (0, 0))[0]
        # (the explaining value printed before the share in its paragraph, whichever printing _diagnose picked: a
        # table's 收入总计 15318.58 and the paragraph's 支出决算15318.58万元 alike)
        printed_before = any(
            x.quantity.base_value == other.quantity.base_value and (x.prov.span or (0, 0))[0] < at
            for x in ctx.paragraph_claims(c)
        )
        return named_before or printed_before or (same and (other.prov.span or (0, 0))[0] < at)
    named = subject_key(c.denominator)
    return subject_key(other.subject or "") == named and subject_key(used.subject or "") != named


def _wholes_named_before(ctx: Context, c: Claim) -> set[str]:
    """The wholes the shares before this one in its paragraph name."""
    start = (c.prov.span or (0, 0))[0]
    return {
        subject_key(x.denominator)
        for x in ctx.paragraph_claims(c)
        if _is_share(x) and x.denominator and (x.prov.span or (0, 0))[0] < start
    }


def _name(f: Figure) -> str:
    if f.kind == "fact":
        cols = [x for x in getattr(f.obj, "column_labels", ()) if x.strip()]
        col = "".join(cols[-1].split()) if cols else ""
        return " ".join(x for x in (f.subject if f.subject and f.subject not in col else "", col) if x) or f.label
    return f.subject or "正文数"


HUNDRED = tol.Interval.exact(Decimal(100))
PLUG = "；各分项占比合计恰为100%，疑为凑整"


def _printed_whole_fits(ctx: Context, members: list[tuple[Claim, Claim]]) -> bool:
    """Whether a figure printed in the shares' paragraph, none of their parts, is a whole every share fits: rounded
    shares adding up to 100% do not prove that the parts named are all of it."""
    c0, num0 = members[0]
    nums = {id(n) for _, n in members}
    for x in ctx.paragraph_claims(c0):
        if id(x) in nums or x.base or x.relation in ("change", "share", "rate", "per-capita"):
            continue
        if x.quantity.dimension != num0.quantity.dimension or x.quantity.base_value <= 0:
            continue
        whole = tol.base_interval(x.quantity)
        fits = (tol.percent(tol.base_interval(n.quantity), whole) for _, n in members)
        if all(
            p is not None and tol.verdict(c.quantity, p, ctx.settings) == tol.OK
            for (c, _), p in zip(members, fits, strict=True)
        ):
            return True
    return False


def _printed_whole_before(ctx: Context, members: list[tuple[Claim, Claim]]) -> Claim | None:
    """The figure printed before the shares' first part in their paragraph, no smaller than any part, that at least
    one share fits: the whole the shares are of, though their parts do not add up to it."""
    nums = [n for _, n in members]
    first = min(span_start(n) for n in nums)
    biggest = max(n.quantity.base_value for n in nums)
    for x in reversed(ctx.paragraph_claims(members[0][0])):
        if span_start(x) >= first or x.base or x.relation in ("change", "share", "rate", "per-capita"):
            continue
        if x.quantity.dimension != nums[0].quantity.dimension or x.quantity.base_value < biggest:
            continue
        whole = tol.base_interval(x.quantity)
        if any(
            tol.verdict(c.quantity, tol.percent(tol.base_interval(n.quantity), whole), ctx.settings) == tol.OK
            for c, n in members
        ):
            return x
    return None


_HEAD_OPENER = re.compile(
    r"^\s*(?:20\d\d\s*年度?)?(?P<name>[^，,；;。：:\d]{2,30}?)(?:主要)?(?:用于以下方面|用于如下方面|构成情况|构成如下|具体如下|包括)[：:]?\s*$"
)


def _whole_named_at_the_head(ctx: Context, members: list[tuple[Claim, Claim]]) -> Claim | None:
    """ "2024年度一般公共预算财政拨款支出主要用于以下方面：A…，占3.63%；…": the sentence's head names the whole without
    its figure — the one figure of that name a paragraph just before prints (（一）总体情况 › 一般公共预算财政拨款支出
    13293.95万元), no smaller than any part, that at least one share fits."""
    nums = [n for _, n in members]
    first = min(nums, key=span_start)
    at = first.sentence.find(first.quantity.text)
    head = _HEAD_OPENER.match(re.split(r"[，,；;：:]", first.sentence[: max(at, 0)])[0])
    if head is None:
        return None
    key = subject_key(head.group("name"))
    biggest = max(n.quantity.base_value for n in nums)
    here = first.prov.paragraph or 0
    found = [
        x
        for x in ctx.claims
        if x.prov.block is not None
        and x.prov.paragraph is not None
        and 0 < here - x.prov.paragraph <= NEAR_PARAGRAPHS
        and subject_key(x.subject) == key
        and not x.base
        and x.relation not in ("change", "share", "rate", "per-capita")
        and x.quantity.dimension == first.quantity.dimension
        and x.quantity.base_value >= biggest
        and not identities_contradict(x.identity, first.identity)
    ]
    if len({x.quantity.base_value for x in found}) != 1:
        return None
    whole = tol.base_interval(found[-1].quantity)
    fits = any(
        tol.verdict(c.quantity, tol.percent(tol.base_interval(n.quantity), whole), ctx.settings) == tol.OK
        for c, n in members
    )
    return found[-1] if fits else None


def _whole_the_parts_make(ctx: Context, members: list[tuple[Claim, Claim]]) -> Claim | None:
    """The one figure printed before the shares' first part in their paragraph that their parts add up to."""
    nums = [n for _, n in members]
    first = min(span_start(n) for n in nums)
    parts = tol.total([tol.base_interval(n.quantity) for n in nums])
    found = [
        x
        for x in ctx.paragraph_claims(members[0][0])
        if span_start(x) < first
        and not x.base
        and x.relation not in ("change", "share", "rate", "per-capita")
        and x.quantity.dimension == nums[0].quantity.dimension
        and tol.base_interval(x.quantity).meets(parts)
    ]
    return found[-1] if len(found) == 1 else None


def _against_printed_whole(ctx: Context, members: list[tuple[Claim, Claim]], whole: Claim) -> Iterator[Finding]:
    """Each share against the whole printed before its list: a warning where it misses (the list was not read as
    that whole's, so the identity is likely, not certain)."""
    for c, num in members:
        ctx.mark(c)
        comp = pct_of(num.quantity, whole.quantity)
        v = tol.verdict(c.quantity, comp, ctx.settings)
        if v in (tol.OK, tol.INFO) or whole.quantity.base_value == 0:
            continue
        exact = num.quantity.base_value / whole.quantity.base_value * 100
        subject = num.subject or c.subject
        yield make_finding(
            STATED,
            "warning",
            claim_figure(c),
            f"{subject}占比应为 {fmt(num.quantity.value)} ÷ {fmt(whole.quantity.value)}（{whole.subject}）= "
            f"{fmt(exact, max(c.quantity.decimals, 2))}%，报告写 {fmt(c.quantity.value)}%（分母取同段所列总数）",
            expected=exact,
            derivation=f"{fmt(num.quantity.value)} ÷ {fmt(whole.quantity.value)} × 100",
            related=[num.prov, whole.prov],
            subject=subject,
        )


def _unprinted_whole(ctx: Context, orphans: list[tuple[Claim, Claim]]) -> Iterator[Finding]:
    """Shares of one whole that is never printed ("因公出国（境）费70万元，占“三公”经费的13.77%；公务用车…411.20万元，
    占80.92%；公务接待费27万元，占5.31%"): when the shares stated together in one paragraph add up to 100% within
    rounding, their parts are the whole's parts, so the whole is their sum and each share is checked against it.
    The whole is inferred, not printed: a share that misses is a warning, never an error."""
    groups: dict[tuple, list[tuple[Claim, Claim]]] = {}
    for c, num in orphans:
        key = (c.prov.block, c.prov.paragraph, subject_key(c.denominator or ""), num.quantity.dimension)
        groups.setdefault(key, []).append((c, num))
    for members in groups.values():
        nums = [num for _, num in members]
        if len(members) < 2 or len({id(n) for n in nums}) < len(nums) or any(n.quantity.base_value <= 0 for n in nums):
            continue
        by_shares = tol.total([tol.interval(c.quantity) for c, _ in members]).meets(HUNDRED)
        # (分别占限额的91.0%和99.1%: shares naming a whole are of that whole, whatever the parts add up to)
        bare = not any(c.denominator for c, _ in members)
        made = None if by_shares or not bare else _whole_the_parts_make(ctx, members)
        if made is not None:
            # 部门实际支出10,425.55万元；基本支出3,046.75万元，占29.82%；项目支出7,378.80万元，占70.78%: the parts add up
            # to the figure printed before them, so it is their whole, whatever the shares add up to
            yield from _against_printed_whole(ctx, members, made)
            continue
        if not by_shares and not (
            # 因公出国（境）费…占“三公”经费的35.36%；公务用车…50.21%；公务接待费…5.15%: parts naming one of the sets
            # that make up their whole are all of it, whatever their shares add up to (one of them may be the slip)
            len(members) >= 3 and lists.names_a_partition([n.subject for n in nums], members[0][0].denominator or "")
        ):
            continue  # not all of the whole's parts are named here
        if _printed_whole_fits(ctx, members):
            for c, _ in members:  # 三公经费支出3073万元…其中：…2906万元，占95%；…133万元，占4%: of the printed 3073
                ctx.mark(c)
            continue
        printed = _printed_whole_before(ctx, members) or _whole_named_at_the_head(ctx, members)
        if printed is not None:
            # 收入预算3330.94万元，其中：…3092.74万元，占90.96%；…300.00万元，占9.01%: the whole is printed (a part is off)
            yield from _against_printed_whole(ctx, members, printed)
            continue
        whole_value = sum((n.quantity.base_value for n in nums), Decimal(0))
        whole = tol.total([tol.base_interval(n.quantity) for n in nums])
        plugged = sum((c.quantity.value for c, _ in members), Decimal(0)) == 100
        expr = " + ".join(n.quantity.text for n in nums)
        for c, num in members:
            ctx.mark(c)
            comp = tol.percent(tol.base_interval(num.quantity), whole)
            if tol.verdict(c.quantity, comp, ctx.settings) == tol.OK:
                continue
            exact = num.quantity.base_value / whole_value * 100
            dec = max(c.quantity.decimals, 2)
            subject = num.subject or c.subject
            whole_name = c.denominator or "合计"
            yield make_finding(
                STATED,
                "warning",
                claim_figure(c),
                f"{subject}占{whole_name}的比例：{whole_name}未列明，按同段各分项 {expr} 合计 "
                f"{fmt(in_unit(whole_value, num.quantity))}{num.quantity.unit}"
                f"（{'各分项占比合计为100%' if by_shares else '各分项即其全部组成部分'}）计算，应为 "
                f"{num.quantity.text} ÷ {fmt(in_unit(whole_value, num.quantity))} = {fmt(exact, dec)}%，"
                f"报告写 {fmt(c.quantity.value)}%" + (PLUG if plugged and tol.one_unit_off(exact, c.quantity) else ""),
                expected=exact,
                derivation=f"{num.quantity.text} ÷ ({expr}) × 100",
                related=[n.prov for n in nums],
                subject=subject,
            )


def _list_head_explains(ctx: Context, c: Claim, num: Claim, den: Figure) -> bool:
    """A share after the last part of a 其中 list that is the share of the list's head ("市本级政府债务余额600亿元，其中
    一般债务200亿元、专项债务400亿元，占全市政府债务余额的40%": 600 ÷ 1500): which figure it is of is not known."""
    if num.relation != "part" or num.group is None:
        return False
    heads = [x for x in ctx.paragraph_claims(c) if x.group == num.group and x.relation == "total"]
    return any(tol.verdict(c.quantity, pct_of(x.quantity, den.quantity), ctx.settings) == tol.OK for x in heads)


_LAST_YEARS_SHARE = re.compile(r"^\s*(?:上年度?|去年|上一年度?)")


def check(ctx: Context) -> Iterator[Finding]:
    shares: list[tuple[Claim, Claim, Figure]] = ctx.cache.setdefault("shares", [])
    orphans: list[tuple[Claim, Claim]] = []
    for c in ctx.claims:
        if not _is_share(c):
            continue
        if _LAST_YEARS_SHARE.match(re.split(r"[，,；;。：:]", c.sentence[: _at(c)])[-1]):
            ctx.note(c, "上年的占比，本年数未能用于核对")  # 上年基本支出占本年支出的比重为36.12%
            continue
        num = _numerator(ctx, c)
        if num is None:
            ctx.note(c, "未找到占比的分子")
            continue
        num = _total_of_a_wider_whole(ctx, c, num)
        den, certain = _denominator(ctx, c, num)
        if den is not None and not certain and den.quantity.base_value < num.quantity.base_value:
            den = None  # a guessed whole smaller than the part (项目支出4860.59 under 基本支出3899.94) is none
        if den is None:
            ctx.note(c, f"未找到占比的分母“{c.denominator or '合计'}”")
            orphans.append((c, num))
            continue
        ctx.mark(c)
        shares.append((c, num, den))
        comp = pct_of(num.quantity, den.quantity)
        v = tol.verdict(c.quantity, comp, ctx.settings)
        if v == tol.OK or (v != tol.INFO and _list_head_explains(ctx, c, num, den)):
            continue
        subject = num.subject or c.subject
        if v == tol.INFO:
            yield make_finding(
                STATED,
                "info",
                claim_figure(c),
                f"{subject}占比的分母 {fmt(den.value)} 为零，无法计算"
                if den.quantity.approx == "exact" and num.quantity.approx == "exact"
                else f"{subject}占比的分子或分母是范围（{num.quantity.text}、{den.quantity.text}），无法计算",
                related=[num.prov, den.prov],
                subject=subject,
            )
            continue
        exact = num.quantity.base_value / den.quantity.base_value * 100
        dec = max(c.quantity.decimals, 2)
        msg = (
            f"{subject}占比应为 {fmt(num.quantity.value)} ÷ {fmt(den.value)} = {fmt(exact, dec)}%，"
            f"报告写 {fmt(c.quantity.value)}%"
        )
        other, diag = (None, "") if v == tol.WARNING else _diagnose(ctx, c, num, den)
        if v == tol.WARNING:
            msg += TRUNCATED
        msg += diag
        if not certain and v == tol.ERROR:
            # the whole was guessed: another printed whole that explains the share makes the guess the likelier fault,
            # unless it is of another measure than the one the share names (占全年执行数的 explained by a 调整预算)
            v = tol.INFO if other is not None and not _of_another_measure(c, other) else tol.WARNING
            msg += (
                f"（所取分母未写明是否即“{c.denominator}”，未必是所指的总数）"
                if c.denominator
                else "（分母未写明，取前文最近的合计数，未必是所指的总数）"
            )
        elif v == tol.ERROR and other is not None and _other_reading(ctx, c, den, other):
            v = tol.INFO
        elif (
            v == tol.ERROR
            and other is not None
            and other.key == den.key
            and other.role == den.role
            and not _named_scope_settles(c, den, other)
        ):
            # two wholes of one name (2024年度本年收入合计4957.20 and 2023年度本年收入合计4702.35) and the share fits the
            # other: which one is meant is not known
            v = tol.INFO
        related = [num.prov, den.prov] + ([other.prov] if other is not None else [])
        yield make_finding(
            STATED,
            v,
            claim_figure(c),
            msg,
            expected=exact,
            derivation=f"{fmt(num.quantity.value)} ÷ {fmt(den.value)} × 100",
            related=related,
            subject=subject,
        )
    yield from _unprinted_whole(ctx, orphans)
