"""Every public page type in Chromium: WCAG 2.1 AA by axe-core, no CSP errors, screenshots."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PAGES = [
    "home",
    "hubs-filtered",
    "hubs-search",
    "hub",
    "hub-not-verified",
    "service",
    "workshop",
    "talk",
    "practices",
    "practices-search",
    "library-practice",
    "map",
    "map-practices",
    "practice",
    "about",
    "accessibility",
    "needs",
    "meeting-request",
    "map-needs",
    "api-docs",
    "not-found",
]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_page_meets_wcag_21_aa_and_is_captured(
    browser, base_url, seed_paths, screenshots_dir, name, viewport
):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    response = page.goto(seed_paths[name])
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200)
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    page.screenshot(path=screenshots_dir / f"{name}-{viewport}.png", full_page=True)
    results = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert results.violations_count == 0, results.generate_report()
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors


def test_page_content_fits_a_phone_screen(browser, base_url, seed_paths):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    for name in PAGES:
        page.goto(seed_paths[name])
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS["phone"]["width"], f"{name} scrolls sideways: {width}px"
    context.close()
