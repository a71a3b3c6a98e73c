"""The map and the gap view in Chromium: keyboard, axe (WCAG 2.1 AA), screenshots at two widths."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from catalogue.services.gap import GapHolder
from tests.browser.test_pages import VIEWPORTS, WCAG_21_AA

pytestmark = pytest.mark.browser


def test_every_country_of_the_map_is_a_keyboard_stop_leading_to_its_list(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/explore/map?show=practices")
    links = page.locator("svg a")
    assert links.count() > 25
    netherlands = page.locator('svg a[aria-label^="Netherlands: "]')
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label') || ''").startswith(
            "Netherlands: "
        ):
            break
    else:
        pytest.fail("Tab never reached the Netherlands on the map")
    page.keyboard.press("Enter")
    page.wait_for_url("**/practices/?country=NL")
    assert netherlands is not None
    assert "Practice library" in page.locator("h1").inner_text()
    context.close()


def _check(browser, base_url, screenshots_dir, path, name, status):
    for viewport, size in VIEWPORTS.items():
        context = browser.new_context(base_url=base_url, viewport=size)
        page = context.new_page()
        response = page.goto(path, timeout=120_000)
        assert response.status == status
        page.screenshot(path=screenshots_dir / f"{name}-{viewport}.png", full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        results = Axe().run(page, options=WCAG_21_AA)
        context.close()
        assert results.violations_count == 0, results.generate_report()
        assert width <= size["width"], f"{name} scrolls sideways at {viewport}: {width}px"


def test_gap_view_while_computed_and_when_ready(browser, base_url, seeded_app, screenshots_dir):
    holder = seeded_app.extensions.setdefault("gap_report", GapHolder())
    _check(browser, base_url, screenshots_dir, "/explore/gap", "gap-pending", 202)
    assert holder.wait(1200), "the gap report took more than 20 minutes"
    _check(browser, base_url, screenshots_dir, "/explore/gap", "gap", 200)
