"""report.html in a real browser: headless Chromium (Debian's package, driven by Selenium through Debian's
chromedriver; nothing downloaded) opens the report of the realdocs scan, counts the cards, filters,
follows a related-place link and takes a screenshot of the 财政局 finding's card."""

from __future__ import annotations

import csv
import os
import struct
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import ScanOptions, scan
from tests import browser
from tests.conftest import REALDOCS

pytestmark = pytest.mark.skipif(
    bool(browser.missing()) and not os.environ.get("CI"),
    reason=f"no browser here: {browser.missing()} (.ci/run installs it; in CI this test runs)",
)
VISIBLE = "article.card:not([hidden])"


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    if not REALDOCS.is_dir():
        pytest.skip(f"real reports not present at {REALDOCS} (a user's own clone); CI always has them")
    out = tmp_path_factory.mktemp("realdocs-report")
    scan([str(REALDOCS)], ScanOptions(out=out))
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as f:
        return out, list(csv.DictReader(f))


@pytest.fixture(scope="module")
def page(scanned: tuple[Path, list[dict[str, str]]]) -> Any:
    with browser.chromium(1280, 1000) as driver:
        driver.get((scanned[0] / "report.html").as_uri())
        yield driver


def _visible(driver: Any) -> list[Any]:
    return driver.find_elements("css selector", VISIBLE)


def _select(driver: Any, element_id: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", element_id)).select_by_value(value)


def test_every_finding_is_a_card_and_nothing_is_fetched(page: Any, scanned: tuple) -> None:
    _, rows = scanned
    assert len(page.find_elements("css selector", "article.card")) == len(rows) > 50
    assert page.find_element("id", "f-count").text == f"显示 {len(rows)} / {len(rows)} 条"
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    backgrounds = page.execute_script(
        "return Array.from(document.querySelectorAll('div.crop')).map(e => getComputedStyle(e).backgroundImage)"
    )
    assert backgrounds and all(b.startswith('url("data:image/jpeg;base64,') for b in backgrounds)


def test_filters_by_severity_document_and_family(page: Any, scanned: tuple) -> None:
    _, rows = scanned
    by_severity = Counter(r["severity"] for r in rows)
    page.find_element("css selector", "input[name=sev][value=info]").click()
    assert len(_visible(page)) == by_severity["error"] + by_severity["warning"]
    finance = next(r["document"] for r in rows if "财政局" in r["document"])
    anchor = page.execute_script(
        "return Array.from(document.querySelectorAll('#f-doc option')).find(o => o.text === arguments[0]).value",
        finance,
    )
    _select(page, "f-doc", anchor)
    expected = sum(1 for r in rows if r["document"] == finance and r["severity"] != "info")
    assert len(_visible(page)) == expected
    assert {c.get_attribute("data-doc") for c in _visible(page)} == {anchor}
    _select(page, "f-doc", "")
    _select(page, "f-family", "template")
    families = {c.get_attribute("data-family") for c in _visible(page)}
    assert families == {"template"}
    assert len(_visible(page)) == sum(1 for r in rows if r["rule"].startswith("template.") and r["severity"] != "info")
    _select(page, "f-status", "未核实")
    assert len(_visible(page)) == sum(1 for r in rows if r["rule"].startswith("template.") and r["severity"] != "info")
    _select(page, "f-family", "")
    _select(page, "f-status", "")
    page.find_element("css selector", "input[name=sev][value=info]").click()
    assert len(_visible(page)) == len(rows)


def test_page_order_within_each_document(page: Any) -> None:
    _select(page, "f-order", "page")
    positions = page.execute_script(
        "return Array.from(document.querySelectorAll('section.document')).map("
        "s => Array.from(s.querySelectorAll('article.card')).map(c => +c.dataset.position))"
    )
    assert all(p == sorted(p) for p in positions)
    _select(page, "f-order", "severity")
    ranks = page.execute_script(
        "return Array.from(document.querySelectorAll('section.document')).map("
        "s => Array.from(s.querySelectorAll('article.card')).map(c => c.dataset.severity))"
    )
    order = {"error": 0, "warning": 1, "info": 2}
    assert all(r == sorted(r, key=order.__getitem__) for r in ranks)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_following_a_related_place_and_the_card_screenshot(page: Any, tmp_path: Path) -> None:
    card = next(c for c in page.find_elements("css selector", "article.card") if "总计0.3万元" in c.text)
    link = card.find_element("css selector", "a.rel-link")
    target = link.get_attribute("href").split("#", 1)[1]
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert page.execute_script("return decodeURIComponent(location.hash.slice(1))") == target
    figure = page.find_element("id", target)
    top = page.execute_script("return arguments[0].getBoundingClientRect().top", figure)
    assert 0 <= top < page.execute_script("return innerHeight")
    assert "第13页" in figure.text and "2,961.68" in figure.text
    box = figure.find_element("css selector", "div.crop span.box.related")
    assert box.size["width"] > 5 and box.size["height"] > 5
    crop = figure.find_element("css selector", "div.crop")
    assert crop.size["height"] > 80 and crop.size["width"] > 600  # the page image is shown, not collapsed
    page.set_window_size(1280, 2400)  # the whole card in view
    page.execute_script("arguments[0].scrollIntoView()", card)
    shot = card.screenshot_as_png
    (tmp_path / "card.png").write_bytes(shot)
    width, height = _png_size(shot)
    assert width > 900 and height > 600 and len(shot) > 50_000
    page.set_window_size(1280, 1000)


def test_a_link_to_a_filtered_out_finding_shows_it(page: Any) -> None:
    page.find_element("css selector", "input[name=sev][value=info]").click()
    info = page.find_element("css selector", "article.card[data-severity=info]")
    assert info.get_attribute("hidden") is not None
    page.execute_script("location.hash = arguments[0]", info.get_attribute("id"))
    assert info.get_attribute("hidden") is None and info.is_displayed()
