"""Keyboard use and no JavaScript: the skip link, the filter and sort forms in the browser."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_skip_link_is_the_first_tab_stop_and_moves_to_main(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/hubs/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "Skip to main content"
    assert focused.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


def test_filter_form_works_without_javascript_from_the_keyboard(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/hubs/")
    total = int(re.search(r"of (\d+)", page.locator("#results-heading").inner_text())[1])

    page.get_by_role("checkbox", name=re.compile(r"^Network or initiative")).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"kind=network"))

    heading = page.locator("#results-heading").inner_text()
    filtered = int(re.search(r"of (\d+)", heading)[1])
    assert 0 < filtered < total
    assert page.get_by_role("checkbox", name=re.compile(r"^Network or initiative")).is_checked()

    page.get_by_label("Search hubs").fill("digital")
    page.get_by_label("Search hubs").press("Enter")
    page.wait_for_url(re.compile(r"q=digital"))
    assert "kind=network" in page.url
    assert page.get_by_role("link", name="Clear filters").first.is_visible()

    page.get_by_role("link", name="Clear filters").first.click()
    page.wait_for_url(re.compile(r"/hubs/\?q=digital$"))
    context.close()


def test_pagination_links_work_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/hubs/")
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "Page 2 of" in page.locator(".pagination").inner_text()
    context.close()


def test_sort_switch_works_without_javascript_from_the_keyboard(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/hubs/?q=digital&kind=dih")
    sort = page.get_by_label("Sort by")
    assert sort.input_value() == "relevance"
    sort.focus()
    page.keyboard.press("ArrowDown")  # from Relevance to Name
    page.get_by_role("button", name="Sort", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"sort=name"))
    assert "q=digital" in page.url and "kind=dih" in page.url
    assert page.get_by_label("Sort by").input_value() == "name"
    names = page.locator(".hub-card h3").all_inner_texts()
    assert names == sorted(names, key=str.lower) and len(names) > 1
    context.close()


def test_a_password_can_be_shown_from_the_keyboard_and_stays_masked_without_javascript(
    browser, base_url
):
    """ASVS 2.1.12: a "Show password" checkbox follows each password field."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/login")
    field = page.get_by_label("Password", exact=True)
    field.fill("correct horse battery staple")
    assert field.get_attribute("type") == "password"
    page.get_by_role("checkbox", name="Show password").focus()
    page.keyboard.press("Space")
    assert field.get_attribute("type") == "text"
    page.keyboard.press("Space")
    assert field.get_attribute("type") == "password"
    context.close()
    quiet = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = quiet.new_page()
    page.goto("/login")
    assert page.get_by_role("checkbox", name="Show password").count() == 0
    assert page.get_by_label("Password", exact=True).get_attribute("type") == "password"
    quiet.close()


def test_a_new_password_shows_its_strength_against_the_rule(browser, base_url):
    """ASVS 2.1.8: the meter follows the server's minimum length (data-min-length)."""
    from catalogue.services.passwords import MIN_LENGTH

    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/account/register")
    field = page.get_by_label("Password", exact=True)
    assert field.get_attribute("data-min-length") == str(MIN_LENGTH)
    said = page.locator("#password-strength-text")
    assert said.inner_text() == f"at least {MIN_LENGTH} characters"
    field.fill("x" * (MIN_LENGTH - 1))
    assert said.inner_text() == f"too short: {MIN_LENGTH - 1} of at least {MIN_LENGTH} characters"
    field.fill("x" * MIN_LENGTH)
    assert said.inner_text() == "long enough; longer is stronger"
    field.fill("x" * (MIN_LENGTH * 2))
    assert said.inner_text() == "strong: a long password"
    assert page.locator("#password-strength").evaluate("m => m.value") == MIN_LENGTH * 2
    context.close()
