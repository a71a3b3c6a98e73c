"""The language switcher, <html lang>, hreflang alternates and the shared /<lang>/ link."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from catalogue import create_app
from tests.i18n.conftest import ALL_LANGUAGES

NATIVE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "pl": "Polski",
}


class Links(HTMLParser):
    """The ``<a>`` and ``<link>`` elements of a page, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.in_switcher = False
        self.switcher: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "nav" and "language-switcher" in attributes.get("class", ""):
            self.in_switcher = True
        elif tag == "a":
            self.anchors.append(attributes)
            if self.in_switcher:
                self.switcher.append(attributes)
        elif tag == "link":
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_switcher = False


def parsed(response) -> Links:
    links = Links()
    links.feed(response.get_data(as_text=True))
    return links


@pytest.fixture
def pages(build) -> list[str]:
    """The main pages of each kind, on a small catalogue."""
    hub = build.organisation(name="Lab", description="Cities test air quality sensors here.")
    service = build.service(hub, title="Sensor testbed")
    practice = build.practice([hub], summary="A city measured air quality in every school.")
    build.event(sessions=[{"title": "Opening", "talks": []}])
    return [
        "/",
        "/hubs/",
        f"/hubs/{hub.slug}",
        f"/services/{service.slug}",
        "/practices/",
        f"/practices/{practice.slug}",
        "/needs/",
        "/needs/board",
        "/explore/map",
        "/workshop/",
        "/about/",
        "/accessibility/",
        "/hubs/no-such-hub",
    ]


def test_every_main_page_offers_each_language_in_its_own_name(client, pages):
    for path in pages:
        response = client.get(path + ("&" if "?" in path else "?") + "country=BE")
        switcher = parsed(response).switcher
        assert [a["lang"] for a in switcher] == list(ALL_LANGUAGES), path
        assert [a["hreflang"] for a in switcher] == list(ALL_LANGUAGES), path
        names = re.findall(r'hreflang="\w+"[^>]*>([^<]+)</a>', response.get_data(as_text=True))
        assert names[: len(ALL_LANGUAGES)] == [NATIVE_NAMES[c] for c in ALL_LANGUAGES], path
        base = path.split("?")[0]
        assert switcher[1]["href"] == f"{base}?country=BE&lang=de", path
        assert [a.get("aria-current") for a in switcher] == ["true"] + [None] * 5, path


def test_each_page_names_its_alternates_in_every_language(client, pages):
    for path in pages:
        links = parsed(client.get(path, headers={"Accept-Language": "fr"})).links
        alternates = {link["hreflang"]: link["href"] for link in links if link.get("hreflang")}
        expected = {code: f"/{code}{path}" for code in ALL_LANGUAGES}
        assert alternates == expected | {"x-default": path}, path


def test_with_a_public_address_the_alternates_are_absolute(app_config):
    app = create_app(app_config | {"PUBLIC_BASE_URL": "https://hubs.example.eu/catalogue"})
    page = app.test_client().get("/hubs/?country=BE").get_data(as_text=True)
    assert (
        '<link rel="alternate" hreflang="pl" href="https://hubs.example.eu/catalogue/pl/hubs/?country=BE">'
        in page
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="https://hubs.example.eu/catalogue/hubs/?country=BE">'
        in page
    )


def test_the_page_says_its_language(client):
    page = client.get("/pl/about/").get_data(as_text=True)
    assert page.startswith('<!doctype html>\n<html lang="pl">')


def test_a_shared_german_link_keeps_every_link_in_german(client, pages):
    for path in pages[:-1]:
        response = client.get(f"/de{path}")
        assert response.status_code == 200, path
        links = parsed(response)
        hrefs = [a["href"] for a in links.anchors if a.get("href", "").startswith("/")]
        switching = {a["href"] for a in links.switcher}
        kept = [href for href in hrefs if href not in switching]
        assert kept and all(href.startswith("/de/") for href in kept), (path, kept)
        assert all("lang=" in href and not href.startswith("/de/") for href in switching)
        assert client.get(kept[-1]).status_code in (200, 302), kept[-1]


def test_forms_on_a_german_page_post_back_under_german(client):
    page = client.get("/de/needs/").get_data(as_text=True)
    assert re.search(r'<form[^>]+action="/de/needs/#', page)
