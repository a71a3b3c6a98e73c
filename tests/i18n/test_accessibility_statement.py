"""The accessibility statement: the EU model's parts, linked from every page, translatable."""

from __future__ import annotations

import html
import re

from catalogue import create_app

SECTIONS = [
    "Compliance status",
    "Non-accessible content",
    "Preparation of this accessibility statement",
    "Feedback and contact information",
    "Enforcement procedure",
]


def text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def test_the_statement_has_the_parts_of_the_eu_model(client):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    page = " ".join(text(response).split())
    for section in SECTIONS:
        assert f" {section} " in page
    assert "partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1" in page
    assert "Directive (EU) 2016/2102" in page
    assert "prepared on 1 December 2026" in page
    assert "axe-core" in page and "Playwright" in page and "keyboard alone" in page
    assert "Language of parts (success criterion 3.1.2)" in page


def test_the_statement_names_the_configured_contact(app_config):
    app = create_app(app_config | {"ACCESSIBILITY_CONTACT": "access@hubs.example.eu"})
    page = app.test_client().get("/accessibility/").get_data(as_text=True)
    assert '<a href="mailto:access@hubs.example.eu">access@hubs.example.eu</a>' in page


def test_without_a_contact_the_statement_says_so(client):
    assert "FLASK_ACCESSIBILITY_CONTACT" in text(client.get("/accessibility/"))


def test_every_page_links_to_the_statement_from_its_footer(client, build):
    hub = build.organisation()
    for path in ("/", "/hubs/", f"/hubs/{hub.slug}", "/needs/", "/about/", "/hubs/nope"):
        footer = client.get(path).get_data(as_text=True).split('<footer class="site-footer">')[1]
        assert '<a href="/accessibility/">Accessibility statement</a>' in footer, path


def test_the_statement_is_dated_in_the_reader_language(client):
    assert "1. Dezember 2026" in text(client.get("/de/accessibility/"))
    assert "1 grudnia 2026" in text(client.get("/pl/accessibility/"))


def test_the_statement_names_the_offered_languages(client):
    page = " ".join(text(client.get("/accessibility/")).split())
    assert "offered in English, German, French, Spanish, Italian and Polish." in page
