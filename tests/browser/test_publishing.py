"""Hubs' side in Chromium: register, claim, approve, add a service, see it; keyboard alone; axe."""

from __future__ import annotations

import itertools
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import Organisation, OutboxMessage
from catalogue.services.accounts import create_admin

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSWORD = "correct horse battery staple"
ADMIN = "moderator@platform.example.eu"
_numbers = itertools.count(1)


def check_axe(page) -> None:
    """axe-core finds no WCAG 2.1 AA violation on the page as it is now."""
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.fixture(scope="module")
def admin(seeded_app) -> str:
    """An administrator of the seeded app."""
    with seeded_app.app_context():
        create_admin(db.session, ADMIN, PASSWORD)
        db.session.commit()
        db.session.remove()
    return ADMIN


def unclaimed_hub(seeded_app, offset: int) -> tuple[str, str]:
    """(slug, name) of a seeded hub no other browser test looks at."""
    with seeded_app.app_context():
        hub = db.session.scalar(
            select(Organisation)
            .where(Organisation.status == "published", Organisation.ref.like("jrc-2%"))
            .order_by(Organisation.ref)
            .offset(offset)
        )
        found = (hub.slug, hub.name)
        db.session.remove()
    return found


def mailed_link(seeded_app, address: str) -> str:
    """The path of the link in the newest mail to ``address`` (read from the outbox)."""
    with seeded_app.app_context():
        message = db.session.scalar(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == address)
            .order_by(OutboxMessage.id.desc())
        )
        body = message.body
        db.session.remove()
    return "/" + re.search(r"https?://\S+", body).group(0).split("/", 3)[3]


def log_in(page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/account/$"))


def approve_all(browser, base_url) -> None:
    """The moderator approves everything in the queue."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    log_in(page, ADMIN)
    page.goto("/moderation/")
    check_axe(page)
    while page.get_by_role("button", name=re.compile(r"^Approve ")).count():
        page.get_by_role("button", name=re.compile(r"^Approve ")).first.click()
        page.wait_for_url(re.compile(r"/moderation/$"))
    page.goto("/moderation/outbox")
    check_axe(page)
    context.close()


def test_register_claim_approve_add_and_edit_a_service_and_see_it(
    browser, base_url, seeded_app, admin
):
    slug, name = unclaimed_hub(seeded_app, 0)
    email = f"eva{next(_numbers)}@consultants.example.eu"
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/account/register")
    check_axe(page)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Create the account").click()
    page.wait_for_url(re.compile(r"check-your-inbox"))
    assert "no mail server configured" in page.content()
    check_axe(page)
    page.goto(mailed_link(seeded_app, email))
    page.wait_for_url(re.compile(r"/login"))
    check_axe(page)
    log_in(page, email)
    check_axe(page)

    page.goto(f"/hubs/{slug}")
    page.get_by_role("link", name="This is my organisation").click()
    check_axe(page)
    page.get_by_label("Your role at the organisation").fill("I coordinate its city services.")
    page.get_by_role("button", name="File the claim").click()
    page.wait_for_url(re.compile(r"/account/$"))
    assert "Waiting for a moderator" in page.content()
    approve_all(browser, base_url)

    page.goto("/account/")
    page.get_by_role("link", name=name).click()
    check_axe(page)
    page.get_by_role("link", name="Add a service").click()
    check_axe(page)
    page.get_by_label("Title").fill("Street sensor pilot for city halls")
    page.get_by_label("Description").fill("Pilot street sensors with your city before buying.")
    page.get_by_role("checkbox", name="Public sector").check()
    page.get_by_role("button", name="Save the service").click()
    assert "A moderator checks the change" in page.content()
    approve_all(browser, base_url)

    page.goto(f"/hubs/{slug}")
    page.get_by_role("link", name="Street sensor pilot for city halls").click()
    assert "Pilot street sensors" in page.content()

    # Edit the published service: a verified manager's change is live at once (reviewed after).
    page.goto(f"/manage/{slug}/")
    page.get_by_role("link", name="Street sensor pilot for city halls").click()
    check_axe(page)
    page.get_by_label("Title").fill("Air sensor pilot for city halls")
    page.get_by_role("button", name="Save the service").click()
    assert "Saved and published. A moderator reviews the change afterwards." in page.content()
    page.goto(f"/hubs/{slug}")
    assert page.get_by_role("link", name="Air sensor pilot for city halls").count() == 1
    assert page.get_by_role("link", name="Street sensor pilot for city halls").count() == 0
    page.goto(f"/hubs/{slug}/history")
    check_axe(page)
    for path in ("/account/tokens", "/account/password", "/account/organisations/new"):
        page.goto(path)
        check_axe(page)
    page.goto("/manage/" + slug + "/profile")
    check_axe(page)
    context.close()


def tab_to(page, locator, limit: int = 400) -> None:
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never got the focus from the keyboard")


def type_into(page, locator, text: str) -> None:
    tab_to(page, locator)
    page.keyboard.type(text)


def test_the_same_with_the_keyboard_alone(browser, base_url, seeded_app, admin):
    slug, name = unclaimed_hub(seeded_app, 1)
    email = f"kim{next(_numbers)}@consultants.example.eu"
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/")
    tab_to(page, page.get_by_role("link", name="For hubs: log in"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/login"))
    tab_to(page, page.get_by_role("link", name="Create one"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/register"))
    type_into(page, page.get_by_label("E-mail address"), email)
    type_into(page, page.get_by_label("Password", exact=True), PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"check-your-inbox"))
    page.goto(mailed_link(seeded_app, email))  # the link arrives by mail, outside the site
    page.wait_for_url(re.compile(r"/login"))
    type_into(page, page.get_by_label("E-mail address"), email)
    type_into(page, page.get_by_label("Password", exact=True), PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/$"))

    page.goto(f"/hubs/{slug}")
    tab_to(page, page.get_by_role("link", name="This is my organisation"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/claim$"))
    type_into(page, page.get_by_label("Your role at the organisation"), "Head of the lab.")
    tab_to(page, page.get_by_role("button", name="File the claim"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/$"))
    approve_all(browser, base_url)

    page.goto("/account/")
    tab_to(page, page.get_by_role("link", name=name))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Add a service"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/services/new$"))
    type_into(page, page.get_by_label("Title"), "Keyboard tested data lab")
    type_into(page, page.get_by_label("Description"), "Open data coaching for city staff.")
    tab_to(page, page.get_by_role("checkbox", name="Public sector"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save the service"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/manage/"))
    approve_all(browser, base_url)

    page.goto(f"/hubs/{slug}")
    assert page.get_by_role("link", name="Keyboard tested data lab").count() == 1
    context.close()
