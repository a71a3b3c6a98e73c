"""ASVS 8.2.1: what a response says of caching; personal pages are kept by no cache."""

from __future__ import annotations


def test_pages_are_kept_by_no_cache_unless_they_say_otherwise(app, client, build, accounts):
    """An account's pages and the errors are ``no-store``; static files keep their own caching,
    and the anonymous page cache its ``public, no-cache`` (revalidated by ETag)."""
    app.config["PAGE_CACHE"] = True
    build.organisation(slug="a-hub")
    assert client.get("/hubs/a-hub").headers["Cache-Control"] == "public, no-cache"
    assert "no-store" not in client.get("/static/css/site.css").headers["Cache-Control"]
    assert client.get("/no-such-page").headers["Cache-Control"] == "private, no-store"
    accounts.make("anna@hub.example.eu")
    assert accounts.login("anna@hub.example.eu").status_code == 303
    for url in ("/account/", "/hubs/a-hub", "/needs/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "private, no-store", url
