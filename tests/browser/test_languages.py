"""The pages in other languages in Chromium: the switcher from the keyboard, axe, screenshots."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_pages import VIEWPORTS, WCAG_21_AA

pytestmark = pytest.mark.browser

PAGES = ["home", "hubs-filtered", "hub", "needs", "practice", "map", "accessibility"]


def test_the_switcher_is_reached_and_used_from_the_keyboard(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/hubs/?country=FR")
    german = page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "de":
            break
    assert german.evaluate("link => link === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/hubs/?country=FR")
    assert page.locator("html").get_attribute("lang") == "de"
    assert {c["name"]: c["value"] for c in context.cookies()}["language"] == "de"
    page.goto("/about/")
    assert page.locator("html").get_attribute("lang") == "de"
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", ["de", "pl"])
@pytest.mark.parametrize("name", PAGES)
def test_a_page_in_german_and_polish_meets_wcag_21_aa_and_fits(
    browser, base_url, seed_paths, screenshots_dir, name, language, viewport
):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    response = page.goto(f"/{language}{seed_paths[name]}")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    page.screenshot(path=screenshots_dir / f"{name}-{language}-{viewport}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    results = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert width <= VIEWPORTS[viewport]["width"], f"{name} in {language} scrolls sideways"
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", ["fr", "es", "it"])
@pytest.mark.parametrize("name", PAGES)
def test_a_page_in_french_spanish_and_italian_meets_wcag_21_aa(
    browser, base_url, seed_paths, name, language
):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    response = page.goto(f"/{language}{seed_paths[name]}")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    results = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_the_password_script_speaks_the_page_s_language(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/de/account/register")
    assert page.get_by_role("checkbox", name="Passwort anzeigen").count() >= 1
    assert "mindestens" in page.locator("[id$='-strength-text']").first.inner_text()
    context.close()
