"""Which language a page is in: /<lang>/ prefix > ?lang= (kept in a cookie) > cookie >
Accept-Language > English; the API stays English."""

from __future__ import annotations

import re

import pytest

from catalogue import create_app


def page_language(response) -> str:
    """The language the page says it is in (``<html lang>``)."""
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True))[1]


def test_english_without_any_preference(client):
    assert page_language(client.get("/hubs/")) == "en"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("de-DE,de;q=0.9,en;q=0.5", "de"), ("pl", "pl"), ("it-CH", "it"), ("nl,fr;q=0.4", "fr")],
)
def test_the_browser_language_is_chosen_among_the_offered_ones(client, header, expected):
    assert page_language(client.get("/hubs/", headers={"Accept-Language": header})) == expected


def test_a_language_the_site_does_not_offer_falls_back_to_english(client):
    assert page_language(client.get("/", headers={"Accept-Language": "nl,sv;q=0.8"})) == "en"


def test_the_cookie_wins_over_the_browser_language(client):
    client.set_cookie("language", "es", domain="catalogue.test")
    assert page_language(client.get("/", headers={"Accept-Language": "de"})) == "es"


def test_an_unknown_cookie_value_is_ignored(client):
    client.set_cookie("language", "xx", domain="catalogue.test")
    assert page_language(client.get("/", headers={"Accept-Language": "de"})) == "de"


def test_the_prefix_wins_over_cookie_and_browser(client):
    client.set_cookie("language", "es", domain="catalogue.test")
    response = client.get("/it/hubs/", headers={"Accept-Language": "de"})
    assert response.status_code == 200
    assert page_language(response) == "it"


@pytest.mark.parametrize("path", ["/de", "/de/"])
def test_the_prefix_alone_is_the_home_page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert page_language(response) == "de"


def test_a_prefix_that_is_no_offered_language_is_not_found(client):
    assert client.get("/nl/hubs/").status_code == 404
    assert client.get("/xx/").status_code == 404


def test_lang_keeps_the_choice_in_a_cookie_and_returns_to_the_page(client):
    response = client.get("/hubs/?country=BE&lang=fr")
    assert response.status_code == 303
    assert response.headers["Location"] == "/hubs/?country=BE"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("language=fr;")
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
    assert "Max-Age=31536000" in cookie and "Secure" not in cookie
    assert page_language(client.get("/hubs/?country=BE", headers={"Accept-Language": "de"})) == "fr"


def test_lang_beats_the_cookie_and_the_prefix_beats_lang(client):
    client.set_cookie("language", "es", domain="catalogue.test")
    assert client.get("/?lang=pl").headers["Set-Cookie"].startswith("language=pl;")
    response = client.get("/de/hubs/?lang=fr")
    assert response.headers["Location"] == "/de/hubs/"
    assert page_language(client.get(response.headers["Location"])) == "de"
    assert page_language(client.get("/hubs/")) == "fr"


def test_a_lang_that_is_not_offered_is_refused_naming_the_choices(client):
    response = client.get("/hubs/?lang=klingon")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "lang must be one of en, de, fr, es, it, pl" in page
    assert "&#39;klingon&#39; is not offered" in page
    assert "Set-Cookie" not in response.headers or "language=" not in response.headers["Set-Cookie"]


def test_the_api_answers_in_english_whatever_the_reader_chose(client, build):
    build.organisation(name="Solo Hub")
    client.set_cookie("language", "de", domain="catalogue.test")
    response = client.get("/api/v1/nope", headers={"Accept-Language": "de"})
    assert response.status_code == 404
    assert response.is_json
    assert "not found" in response.get_json()["error"]["message"]
    organisations = client.get("/api/v1/organisations?lang=de", headers={"Accept-Language": "de"})
    assert organisations.status_code != 303
    assert "language=" not in organisations.headers.get("Set-Cookie", "")


def test_the_api_page_for_people_follows_the_reader(client):
    response = client.get("/api/v1/", headers={"Accept": "text/html", "Accept-Language": "it"})
    assert page_language(response) == "it"


def test_outside_a_request_labels_are_english(app):
    from catalogue.vocabulary_labels import FAMILY_LABELS

    assert FAMILY_LABELS["skills_training"] == "Skills and training"


def test_under_https_the_cookie_is_secure_and_host_only(app_config):
    app = create_app(app_config | {"HTTPS": True})
    response = app.test_client().get("/?lang=de", base_url="https://catalogue.test")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-language=de;")
    assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie
