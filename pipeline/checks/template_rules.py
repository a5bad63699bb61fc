"""The declarative rules of the `template` family (pipeline/data/template_rules.toml), validated when loaded.

Every table of the file is a list of rules of one kind (sum, columns, hierarchy, cross, narrative, item,
share). A key the kind does not know, a standard-table kind that extractors.table_identity does not
recognise, a column role it does not know, a side other than in/out, a pattern that does not compile, a
missing or repeated id: each is an error naming where it is, raised the first time the rules are used, so a
typo cannot silently switch a rule off. Each rule runs on the report kinds of the tables it names
(`[report_kinds]`: js.* tables are 决算 tables, ys.* 预算 ones) and its id reaches the findings it makes.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from extractors.report_kind import KINDS, OTHER
from extractors.table_identity import COLUMN_ROLES, KIND_NAMES
from pipeline.checks.base import DATA

RULES_FILE = DATA / "template_rules.toml"


class TemplateRulesError(ValueError):
    """template_rules.toml does not say what the template family can run."""


def _table(kind: str) -> str:
    if kind not in KIND_NAMES:
        raise ValueError(f"unknown table kind {kind!r} (known: {', '.join(sorted(KIND_NAMES))})")
    return kind


def _role(role: str) -> str:
    if role not in COLUMN_ROLES:
        raise ValueError(f"unknown column role {role!r} (known: {', '.join(sorted(COLUMN_ROLES))})")
    return role


def _pattern(text: str) -> str:
    try:
        re.compile(text)
    except re.error as e:
        raise ValueError(f"pattern {text!r} does not compile: {e}") from e
    return text


def _report_kind(kind: str) -> str:
    if kind not in KINDS or kind == OTHER:
        raise ValueError(f"unknown report kind {kind!r}")
    return kind


TableKind = Annotated[str, AfterValidator(_table)]
Role = Annotated[str, AfterValidator(_role)]
Pattern = Annotated[str, AfterValidator(_pattern)]
Roles = tuple[Role, ...]
RuleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cells(_Strict):
    """Cells of one standard table: side (收入 | 支出 half of a 总表), row label and subject-code patterns,
    the column's roles (omitted: any column)."""

    table: TableKind
    side: Literal["in", "out"] | None = None
    row: Pattern | None = None
    code: Pattern | None = None
    col: Roles | None = None


class Target(Cells):
    """The cell a narrative figure must equal; the column may come from the words before the figure."""

    col_from_lead: bool = False
    name_from_lead: bool = False


class _Rule(_Strict):
    id: RuleId

    def tables(self) -> list[str]:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


class SumRule(_Rule):
    title: str
    total: Cells
    parts: Cells
    parts_before_total: bool = False
    # a subtotal row that, where the table prints it above the total, stands for the parts above it
    # (收入总计 = 本年收入合计 + 上年结转; without 本年收入合计, the income rows + 上年结转)
    subtotal: Cells | None = None

    def tables(self) -> list[str]:
        return [self.total.table, self.parts.table] + ([self.subtotal.table] if self.subtotal else [])

    def describe(self) -> str:
        return self.title


class ColumnsRule(_Rule):
    title: str
    tables_: tuple[TableKind, ...] = Field(alias="tables", min_length=1)
    total: Roles = Field(min_length=1)
    parts: tuple[Roles, ...] = Field(min_length=1)
    side: Literal["in", "out"] | None = None
    by: Roles | None = None

    def tables(self) -> list[str]:
        return list(self.tables_)

    def describe(self) -> str:
        return self.title


class HierarchyRule(_Rule):
    title: str
    tables_: tuple[TableKind, ...] = Field(alias="tables", min_length=1)
    total_row: Pattern | None = None

    def tables(self) -> list[str]:
        return list(self.tables_)

    def describe(self) -> str:
        return self.title


class CrossRule(_Rule):
    title: str
    a: Cells
    b: Cells | tuple[Cells, ...]
    match: Literal["name"] | None = None
    pick: Literal["first", "last"] = "first"

    @property
    def bs(self) -> tuple[Cells, ...]:
        return self.b if isinstance(self.b, tuple) else (self.b,)

    def tables(self) -> list[str]:
        return [self.a.table, *(b.table for b in self.bs)]

    def describe(self) -> str:
        return self.title


class _NarrativeBase(_Rule):
    section: Pattern
    lead: Pattern

    def _what(self, table: str) -> str:
        return f"情况说明“{self.section}”一节“{self.lead}”的数字 = {KIND_NAMES[table]}"


class NarrativeRule(_NarrativeBase):
    target: Target
    sentence: Pattern | None = None
    no_item: bool = False

    def tables(self) -> list[str]:
        return [self.target.table]

    def describe(self) -> str:
        return self._what(self.target.table)


class ItemRule(_NarrativeBase):
    target: Target

    def tables(self) -> list[str]:
        return [self.target.table]

    def describe(self) -> str:
        return self._what(self.target.table) + "（按1、…（项）所指的行）"


class ShareRule(_Rule):
    section: Pattern
    whole: Cells
    phrase: str | None = None

    def tables(self) -> list[str]:
        return [self.whole.table]

    def describe(self) -> str:
        return f"情况说明“{self.section}”一节的占比 = 数字 ÷ {KIND_NAMES[self.whole.table]}"


AnyRule = SumRule | ColumnsRule | HierarchyRule | CrossRule | NarrativeRule | ItemRule | ShareRule


class TemplateRules(_Strict):
    report_kinds: dict[str, tuple[Annotated[str, AfterValidator(_report_kind)], ...]]
    sum: tuple[SumRule, ...] = ()
    columns: tuple[ColumnsRule, ...] = ()
    hierarchy: tuple[HierarchyRule, ...] = ()
    cross: tuple[CrossRule, ...] = ()
    narrative: tuple[NarrativeRule, ...] = ()
    item: tuple[ItemRule, ...] = ()
    share: tuple[ShareRule, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> TemplateRules:
        seen: set[str] = set()
        for r in self.all():
            if r.id in seen:
                raise ValueError(f"rule id {r.id!r} is used twice")
            seen.add(r.id)
            for t in r.tables():
                if self._prefix(t) not in self.report_kinds:
                    raise ValueError(f"rule {r.id}: no [report_kinds] entry for the tables {t!r}")
        return self

    @staticmethod
    def _prefix(table: str) -> str:
        return table.split(".", 1)[0]

    def all(self) -> list[AnyRule]:
        return [*self.sum, *self.columns, *self.hierarchy, *self.cross, *self.narrative, *self.item, *self.share]

    def kinds_of(self, r: AnyRule) -> tuple[str, ...]:
        """The report kinds a rule runs on: those of every table it names."""
        wanted = {k for t in r.tables() for k in self.report_kinds[self._prefix(t)]}
        return tuple(k for k in KINDS if k in wanted)

    def applies(self, r: AnyRule, kind: str) -> bool:
        return not kind or kind in self.kinds_of(r)


def parse_rules(text: str, source: str = "template_rules.toml") -> TemplateRules:
    """Validate the text of a rules file; TemplateRulesError names every problem and where it is."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise TemplateRulesError(f"{source}: not TOML: {e}") from e
    try:
        return TemplateRules.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in err['loc']) or '(top)'}: {err['msg']}" for err in e.errors(include_url=False)
        )
        raise TemplateRulesError(f"{source}: {problems}") from e


def load_file(path: Path) -> TemplateRules:
    return parse_rules(path.read_text(encoding="utf-8"), path.name)


@lru_cache(maxsize=1)
def load_rules() -> TemplateRules:
    return load_file(RULES_FILE)


def described_rules() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(kind of rule, id, description, report kinds) of every declarative rule, in file order."""
    rules = load_rules()
    out = []
    for group in ("sum", "columns", "hierarchy", "cross", "narrative", "item", "share"):
        for r in getattr(rules, group):
            out.append((group, r.id, r.describe(), rules.kinds_of(r)))
    return out
