"""A city official's journey in Chromium: describe, narrow, save, edit, contact; the hub answers.

At desktop width and at 390 px, once with the keyboard alone; axe on every page of it.
"""

from __future__ import annotations

import itertools
import re

import pytest
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Account, Membership, Organisation
from catalogue.models.base import utcnow
from catalogue.services.accounts import create_admin
from catalogue.services.passwords import hash_password
from tests.browser.test_pages import VIEWPORTS
from tests.browser.test_publishing import PASSWORD, check_axe, log_in

pytestmark = pytest.mark.browser
SAVED_PAGE = re.compile(r"/needs/saved/[^/#]+(#.*)?$")
NEED = "We want to test air quality sensors in our streets before our city buys them"
_numbers = itertools.count(1)


def make_manager(seeded_app, slug: str) -> str:
    """A confirmed account managing the hub ``slug``; return its address."""
    email = f"manager{next(_numbers)}@{slug[:20]}.example.eu"
    with seeded_app.app_context():
        hub = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
        account = Account(email=email, password_hash=hash_password(PASSWORD), confirmed_at=utcnow())
        db.session.add(account)
        db.session.flush()
        db.session.add(Membership(account_id=account.id, organisation_id=hub.id, verified=True))
        db.session.commit()
        db.session.remove()
    return email


@pytest.fixture(scope="module")
def needs_moderator(seeded_app) -> str:
    """An administrator of the seeded app, for the moderators' needs pages."""
    email = "needs-moderator@platform.example.eu"
    with seeded_app.app_context():
        create_admin(db.session, email, PASSWORD)
        db.session.commit()
        db.session.remove()
    return email


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_describe_narrow_save_edit_contact_and_read_the_answer(
    browser, base_url, seeded_app, viewport
):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto("/needs/")
    check_axe(page)
    page.get_by_label("What does your city need?").fill(NEED)
    page.get_by_label("Your municipality (optional)").fill("Gent")
    page.get_by_label("Your city's country").select_option("BE")
    page.get_by_role("button", name="Find hubs").click()
    heading = page.locator("#results-heading")
    heading.wait_for()
    page.wait_for_function("document.activeElement.id === 'results-heading'")
    box = heading.bounding_box()
    assert -2 <= box["y"] < VIEWPORTS[viewport]["height"] / 2  # in view, near the top
    check_axe(page)

    page.get_by_label("My country and its neighbours").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Find hubs").click()
    page.wait_for_function("document.activeElement.id === 'results-heading'")
    assert "Showing only: hubs in Belgium and its neighbours" in page.content()

    page.get_by_label("Your e-mail address").fill(f"official{next(_numbers)}@gent.example.be")
    page.get_by_role("button", name="Save the need and e-mail me its link").click()
    page.wait_for_url(SAVED_PAGE)
    saved = page.url.split("#")[0]
    assert "no mail server yet" in page.content()
    check_axe(page)

    page.get_by_role("link", name="Edit the need").click()
    check_axe(page)
    page.get_by_label("Public: on the needs board, with the city's name").check()
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_url(re.compile(re.escape(saved)))

    page.get_by_role("link", name=re.compile(r"^Contact this hub")).first.click()
    check_axe(page)
    slug = page.url.rsplit("/", 1)[1]
    official = f"Anna Official {viewport}"
    page.get_by_label("Your name").fill(official)
    page.get_by_label("Your role (optional)").fill("Smart city officer")
    page.get_by_role("button", name="Send the message").click()
    page.wait_for_url(SAVED_PAGE)
    assert "Sent, not read yet" in page.content()
    check_axe(page)

    hub = browser.new_context(base_url=base_url, viewport=VIEWPORTS[viewport])
    hub_page = hub.new_page()
    log_in(hub_page, make_manager(seeded_app, slug))
    hub_page.goto(f"/manage/{slug}/")
    hub_page.get_by_role("link", name="Inbox: messages from cities").click()
    check_axe(hub_page)
    hub_page.get_by_role("link", name=re.compile(official)).click()
    check_axe(hub_page)
    hub_page.get_by_label("Your answer").fill("Yes: test the sensors on our street testbed.")
    hub_page.get_by_role("button", name="Send the answer").click()
    hub_page.wait_for_url(re.compile(r"/inbox$"))
    assert "Answered" in hub_page.content()
    hub_page.goto(f"/manage/{slug}/needs")
    check_axe(hub_page)
    hub.close()

    page.goto(saved)
    assert "Yes: test the sensors on our street testbed." in page.content()
    page.goto("/needs/board")
    check_axe(page)
    page.get_by_role("link", name=re.compile("^Gent")).first.click()
    check_axe(page)
    context.close()


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_journey_with_the_keyboard_alone(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto("/needs/")
    tab_to(page, "#text")
    page.keyboard.type(NEED)
    tab_to(page, "button[type=submit]:not([name])")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'results-heading'")
    page.keyboard.press("Shift+Tab")  # back into the form, from the results
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "email":
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.type(f"keyboard{next(_numbers)}@city.example.eu")
    tab_to(page, "button[value=save]")
    page.keyboard.press("Enter")
    page.wait_for_url(SAVED_PAGE)
    tab_to(page, "a.button[href*='/contact/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/contact/"))
    tab_to(page, "#name")
    page.keyboard.type("Keyboard Official")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(SAVED_PAGE)
    assert "Sent, not read yet" in page.content()
    context.close()


def test_the_hubs_answer_page_and_the_moderators_needs_pages_pass_axe(
    browser, base_url, seeded_app, needs_moderator
):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/needs/")
    page.get_by_label("What does your city need?").fill(NEED)
    page.get_by_label("Your e-mail address").fill(f"official{next(_numbers)}@gent.example.be")
    page.get_by_label("Public without the city's name").check()
    page.get_by_role("button", name="Save the need and e-mail me its link").click()
    page.wait_for_url(SAVED_PAGE)
    page.get_by_role("button", name=re.compile(r"^Useful")).first.click()
    page.wait_for_url(SAVED_PAGE)
    assert "your verdict on" in page.content()
    slug = (
        page.get_by_role("link", name=re.compile(r"^Contact this hub"))
        .first.get_attribute("href")
        .rsplit("/", 1)[1]
    )
    page.get_by_role("link", name="its page on the needs board").click()
    page.get_by_role("button", name="Report this need as spam or abuse").click()
    check_axe(page)
    context.close()

    hub = browser.new_context(base_url=base_url)
    hub_page = hub.new_page()
    log_in(hub_page, make_manager(seeded_app, slug))
    hub_page.goto(f"/manage/{slug}/needs")
    hub_page.get_by_role("link", name=re.compile(r"^Answer")).first.click()
    check_axe(hub_page)
    hub.close()

    moderator = browser.new_context(base_url=base_url)
    mod_page = moderator.new_page()
    log_in(mod_page, needs_moderator)
    for path in ("/moderation/needs", "/moderation/feedback", "/needs/lost-link"):
        mod_page.goto(path)
        check_axe(mod_page)
    moderator.close()
