"""A city official describes a need in the browser and reads the explained results."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_pages import VIEWPORTS, WCAG_21_AA

pytestmark = pytest.mark.browser


def _describe(page, text: str, country: str | None = None) -> None:
    page.goto("/needs/")
    page.get_by_label("What does your city need?").fill(text)
    if country:
        page.get_by_label("Your city's country").select_option(country)
    page.get_by_role("button", name="Find hubs").click()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_need_in_german_gets_explained_results(browser, base_url, screenshots_dir, viewport):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    _describe(page, "Wir möchten KI-Werkzeuge testen, bevor unsere Stadt sie kauft", "DE")
    heading = page.get_by_role("heading", name="hubs fit your need")
    assert heading.is_visible()
    results = page.locator(".match-list > li")
    assert results.count() >= 3
    assert page.locator(".need-text mark").count() >= 1
    assert "Where:" in results.first.inner_text()
    page.screenshot(path=screenshots_dir / f"needs-results-{viewport}.png", full_page=True)
    report = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert report.violations_count == 0, report.generate_report()


def test_an_empty_need_is_refused_with_an_accessible_message(browser, base_url, screenshots_dir):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    _describe(page, "   ")
    assert page.get_by_role("alert").is_visible()
    assert "must not be empty" in page.get_by_role("alert").inner_text()
    field = page.get_by_label("What does your city need?")
    assert field.get_attribute("aria-invalid") == "true"
    page.screenshot(path=screenshots_dir / "needs-error-desktop.png", full_page=True)
    report = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert report.violations_count == 0, report.generate_report()


def test_a_result_leads_to_the_hub_page(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    _describe(page, "training civil servants in cybersecurity")
    first = page.locator(".match-list > li h3 a").first
    name = first.inner_text()
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == name
    context.close()


THREE_PARTS = (
    "We want to test air-quality sensors before we buy them for the whole city, train our "
    "environment staff to read and use the data, and find EU funding for the roll-out."
)
ANSWER_STATES = {
    # state: (need, country, the heading or text the state shows)
    "referral": ("air quality sensors for our streets", "MT", "No hub in Malta fits this need"),
    "grouped": ("artificial intelligence for public administration", "ES", "Fitting hubs in Spain"),
    "advice": ("help", None, "Your need could say more"),
    "bundle": (THREE_PARTS, None, "Your need asks for 3 kinds of help"),
}


@pytest.mark.parametrize("state", list(ANSWER_STATES))
def test_the_answer_states_are_accessible(browser, base_url, screenshots_dir, state):
    need, country, shown = ANSWER_STATES[state]
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    _describe(page, need, country)
    assert page.get_by_text(shown).first.is_visible()
    page.screenshot(path=screenshots_dir / f"needs-{state}-desktop.png", full_page=True)
    report = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert report.violations_count == 0, report.generate_report()


def test_only_without_a_kind_of_help_is_refused_accessibly(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto("/needs/")
    page.get_by_label("What does your city need?").fill("air quality sensors")
    page.get_by_label("Show only hubs offering the kinds of help I ticked").check()
    page.get_by_role("button", name="Find hubs").click()
    assert "Tick at least one kind of help" in page.get_by_role("alert").inner_text()
    report = Axe().run(page, options=WCAG_21_AA)
    context.close()
    assert report.violations_count == 0, report.generate_report()
