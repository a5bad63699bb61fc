"""The seed report: a hand-made list of every quantity in its narrative, and its key claims."""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.claims import extract_claims
from extractors.model import Claim, Document
from extractors.numbers import find_quantities
from extractors.txt_reader import read_txt
from tests.conftest import SEED_TXT

HAND_LIST = Path(__file__).parent / "data" / "seed_quantities.csv"


def seed_document() -> Document:
    return read_txt(SEED_TXT, "seed")


@pytest.fixture(scope="module")
def seed() -> Document:
    return seed_document()


@pytest.fixture(scope="module")
def seed_claims(seed: Document) -> list[Claim]:
    return extract_claims(seed)


Key = tuple[str, Decimal, str, Decimal, str, str, Decimal | None]


def _key(text: str, value: Decimal, unit: str, base: Decimal, base_unit: str, approx: str, high: Decimal | None) -> Key:
    return (text, value, unit, base, base_unit, approx, high)


def expected() -> Counter[Key]:
    out: Counter[Key] = Counter()
    with HAND_LIST.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            high = Decimal(r["high"]) if r["high"] else None
            out[
                _key(
                    r["text"],
                    Decimal(r["value"]),
                    r["unit"],
                    Decimal(r["base_value"]),
                    r["base_unit"],
                    r["approx"],
                    high,
                )
            ] += 1
    return out


def narrative_quantities(doc: Document) -> Counter[Key]:
    got: Counter[Key] = Counter()
    for p in doc.paragraphs():
        if p.text.strip() == "附件3":
            break
        for _, q in find_quantities(p.text):
            got[_key(q.text, q.value, q.unit, q.base_value, q.base_unit, q.approx, q.high)] += 1
    return got


def test_hand_list_is_the_size_the_issue_names() -> None:
    assert 130 <= sum(expected().values()) <= 160


def test_recall_and_precision_against_the_hand_list(seed: Document) -> None:
    exp, got = expected(), narrative_quantities(seed)
    hits = sum((exp & got).values())
    recall = hits / sum(exp.values())
    precision = hits / max(1, sum(got.values()))
    print(
        f"seed narrative quantities: {hits} of {sum(exp.values())} hand-listed found (recall {recall:.1%}), "
        f"{sum(got.values())} extracted (precision {precision:.1%})"
    )
    assert recall >= 0.98, f"missed: {exp - got}"
    assert precision >= 0.95, f"spurious: {got - exp}"


@pytest.mark.parametrize(
    ("text", "base", "approx"),
    [
        ("3619.44万元", "36194400", "exact"),
        ("0.6万亩", "6000", "exact"),
        ("10000余户", "10000", "more-than"),
        ("近300次", "300", "near"),
    ],
)
def test_named_quantities(seed: Document, text: str, base: str, approx: str) -> None:
    found = [k for k in narrative_quantities(seed) if k[0] == text]
    assert found and found[0][3] == Decimal(base) and found[0][5] == approx


def _one(cs: list[Claim], text: str, **fields: object) -> Claim:
    found = [c for c in cs if c.quantity.text == text and all(getattr(c, k) == v for k, v in fields.items())]
    assert len(found) == 1, [(c.quantity.text, c.subject, c.relation) for c in cs if c.quantity.text == text]
    return found[0]


def test_personnel_share(seed_claims: list[Claim]) -> None:
    money = _one(seed_claims, "2295.62万元")
    assert (money.subject, money.quantity.decimals) == ("人员经费", 2)
    share = _one(seed_claims, "63.23%")
    assert (share.relation, share.denominator, share.quantity.decimals, share.subject) == (
        "share",
        "本年支出",
        2,
        "人员经费",
    )


def test_the_two_statements_of_basic_spending(seed_claims: list[Claim]) -> None:
    first = _one(seed_claims, "82.84%")
    second = _one(seed_claims, "82.58%")
    assert first.subject == second.subject == "基本支出"
    assert (first.denominator, second.denominator) == ("", "本年支出")
    total = [c for c in seed_claims if c.group == first.group and c.relation == "total"]
    assert [c.quantity.text for c in total] == ["3619.44万元"]
    assert first.section == "一、部门、单位基本情况 › （二）部门整体支出情况"
    assert second.section == "二、部门整体支出管理及使用情况 › （一）基本支出情况"


def test_reception_flat(seed_claims: list[Claim]) -> None:
    flat = _one(seed_claims, "4.99万元", relation="change")
    assert (flat.subject, flat.direction, flat.role) == ("公务接待费", "持平", "决算")
    rate = _one(seed_claims, "99.8%")
    assert (rate.relation, rate.denominator, rate.subject) == ("rate", "预算", "公务接待费")


def test_problems_enumeration(seed_claims: list[Claim]) -> None:
    total = _one(seed_claims, "336件")
    parts = [c for c in seed_claims if c.group == total.group and c.relation == "part"]
    assert total.relation == "total" and sum(c.quantity.value for c in parts) == 336
    assert len(parts) == 4


def test_monitored_households_total(seed_claims: list[Claim]) -> None:
    total = _one(seed_claims, "291户")
    parts = [c for c in seed_claims if c.group == total.group and c.relation == "part"]
    assert total.relation == "total" and [c.quantity.value for c in parts] == [168, 123]


def test_per_capita_relief(seed_claims: list[Claim]) -> None:
    pc = _one(seed_claims, "1106.5元")
    members = {c.quantity.text for c in seed_claims if c.group == pc.group}
    assert pc.relation == "per-capita" and {"32.09万元", "290人", "1106.5元"} <= members


def test_subjects_match_the_score_sheet(seed_claims: list[Claim]) -> None:
    assert _one(seed_claims, "2.25万亩").subject == "中稻完成面积"
    assert _one(seed_claims, "0.6万亩").subject == "早稻集中育秧面积"
    assert _one(seed_claims, "34家").subject == "新增企业"
    assert _one(seed_claims, "467亩").subject == "升级改造蔬菜基地面积"


def test_top_level_heading_typed_as_arabic(seed_claims: list[Claim]) -> None:
    c = _one(seed_claims, "17名")
    assert c.section.startswith("4、 部门整体支出绩效情况 › （一）")


def test_every_narrative_quantity_is_a_claim(seed: Document, seed_claims: list[Claim]) -> None:
    plain = [c for c in seed_claims if c.relation != "change" or c.direction != "持平"]
    assert len(plain) == sum(narrative_quantities(seed).values())
