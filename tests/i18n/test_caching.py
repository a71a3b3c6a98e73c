"""Caches keep languages apart: Vary on negotiated pages, the page cache and ETags per language."""

from __future__ import annotations

import re


def vary(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Vary", "").split(",") if part.strip()}


def test_a_negotiated_page_varies_on_accept_language_and_cookie(client, build):
    build.organisation()
    for response in (client.get("/hubs/"), client.get("/hubs/")):  # miss, then hit
        assert {"Accept-Language", "Cookie"} <= vary(response)
    client.set_cookie("language", "de", domain="catalogue.test")
    assert {"Accept-Language", "Cookie"} <= vary(client.get("/hubs/"))


def test_a_page_under_a_language_prefix_does_not_vary_on_accept_language(client, build):
    build.organisation()
    response = client.get("/de/hubs/")
    assert response.status_code == 200
    assert "Accept-Language" not in vary(response)


def test_json_does_not_vary_on_the_reader_language(client, build):
    build.organisation()
    assert "Accept-Language" not in vary(client.get("/api/v1/organisations"))


def test_the_page_cache_keeps_each_language_apart(client, build):
    build.organisation(name="Air Lab")
    german = client.get("/hubs/", headers={"Accept-Language": "de"})
    english = client.get("/hubs/", headers={"Accept-Language": "en"})
    assert german.headers["X-Page-Cache"] == english.headers["X-Page-Cache"] == "miss"
    assert '<html lang="de">' in german.get_data(as_text=True)
    assert '<html lang="en">' in english.get_data(as_text=True)
    assert german.headers["ETag"] != english.headers["ETag"]
    again = client.get("/hubs/", headers={"Accept-Language": "de"})
    assert again.headers["X-Page-Cache"] == "hit"
    assert again.get_data() == german.get_data()


def test_the_etag_of_one_language_does_not_validate_another(client, build):
    build.organisation()
    etag = client.get("/", headers={"Accept-Language": "fr"}).headers["ETag"]
    assert (
        client.get("/", headers={"Accept-Language": "fr", "If-None-Match": etag}).status_code == 304
    )
    other = client.get("/", headers={"Accept-Language": "it", "If-None-Match": etag})
    assert other.status_code == 200
    assert '<html lang="it">' in other.get_data(as_text=True)


def test_a_prefixed_page_and_a_negotiated_one_are_cached_apart(client, build):
    build.organisation()
    negotiated = client.get("/hubs/", headers={"Accept-Language": "de"})
    prefixed = client.get("/de/hubs/")
    assert prefixed.headers["X-Page-Cache"] == "miss"
    link_in_german = re.compile(r'<a [^>]*href="/de/')
    assert link_in_german.search(prefixed.get_data(as_text=True))
    assert not link_in_german.search(negotiated.get_data(as_text=True))


def test_choosing_a_language_is_never_cached(client, build):
    build.organisation()
    response = client.get("/hubs/?lang=de")
    assert response.status_code == 303
    assert "X-Page-Cache" not in response.headers
    assert response.headers["Cache-Control"] == "private, no-store"
