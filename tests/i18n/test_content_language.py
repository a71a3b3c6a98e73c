"""A record's text keeps its own language and says so (lang="xx") when the page's differs."""

from __future__ import annotations

import re

ENGLISH = "Living lab where cities test air quality sensors and IoT networks before buying them."
GERMAN = (
    "Wir helfen Städten und Gemeinden, die Luftqualität mit Sensoren zu messen und zu verbessern."
)


def paragraph_of(page: str, text: str) -> str:
    """The opening tag of the paragraph that holds ``text``."""
    return re.search(r"<p[^>]*>(?=" + re.escape(text[:30]) + ")", page)[0]


def test_an_english_description_on_an_italian_page_is_marked_english(client, build):
    hub = build.organisation(name="Air Lab", description=ENGLISH)
    page = client.get(f"/it/hubs/{hub.slug}").get_data(as_text=True)
    assert paragraph_of(page, ENGLISH) == '<p lang="en">'


def test_a_text_in_the_page_language_is_not_marked(client, build):
    hub = build.organisation(name="Air Lab", description=ENGLISH)
    page = client.get(f"/hubs/{hub.slug}").get_data(as_text=True)
    assert paragraph_of(page, ENGLISH) == "<p>"


def test_a_german_description_on_an_english_page_is_marked_german(client, build):
    hub = build.organisation(
        name="Luft Lab", description=GERMAN + "\nZweiter Absatz über Sensoren."
    )
    page = client.get(f"/hubs/{hub.slug}").get_data(as_text=True)
    assert paragraph_of(page, GERMAN) == '<p lang="de">'
    assert '<p lang="de">Zweiter Absatz über Sensoren.</p>' in page


def test_lists_and_other_records_mark_their_texts_too(client, build):
    hub = build.organisation(name="Air Lab", description=ENGLISH)
    build.service(hub, title="Testbed", description=GERMAN)
    practice = build.practice([hub], summary=GERMAN)
    listing = client.get("/pl/hubs/").get_data(as_text=True)
    assert paragraph_of(listing, ENGLISH) == '<p lang="en">'
    service_page = client.get(f"/services/{hub.services[0].slug}").get_data(as_text=True)
    assert paragraph_of(service_page, GERMAN) == '<p lang="de">'
    practice_page = client.get(f"/fr/practices/{practice.slug}").get_data(as_text=True)
    assert paragraph_of(practice_page, GERMAN) == '<p lang="de">'


def test_a_text_too_short_to_tell_takes_the_page_language(client, build):
    hub = build.organisation(name="Air Lab", description="Sensor tests.")
    page = client.get(f"/de/hubs/{hub.slug}").get_data(as_text=True)
    assert paragraph_of(page, "Sensor tests.") == "<p>"
