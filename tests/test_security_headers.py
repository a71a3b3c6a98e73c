"""Every page type carries the security headers; an over-large request body gets 413."""

from __future__ import annotations

import re

import pytest
from flask import request

PAGES = [
    "/",
    "/hubs/",
    "/hubs/?kind=dih",
    "/hubs/a-hub",
    "/services/a-service",
    "/workshop/",
    "/practices/a-practice",
    "/about/",
    "/no-such-page",
    "/hubs/?page=0",
    "/static/css/site.css",
]


@pytest.fixture
def pages(build):
    hub = build.organisation(slug="a-hub")
    build.service(hub, slug="a-service")
    practice = build.practice([hub], slug="a-practice")
    event = build.event(sessions=[{"title": "Intro", "talks": [{"title": "T", "speaker": "S"}]}])
    event.sessions[0].talks[0].practices = [practice]
    build.session.commit()


@pytest.mark.parametrize("url", PAGES)
def test_every_page_type_carries_the_security_headers(client, pages, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("url", ["/", "/hubs/a-hub", "/workshop/", "/no-such-page", "/login"])
def test_pages_have_no_inline_script_or_style(client, pages, url):
    html = client.get(url).get_data(as_text=True)
    # Scripts only from files of the site ('self' in the CSP), never written into the page.
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)
    assert all(body.strip() == "" for body in scripts)
    assert all(src.startswith("/static/js/") for src in re.findall(r'<script src="([^"]+)"', html))
    assert not re.search(r"<[^>]+\son[a-z]+=", html)  # no onclick= and the like
    assert "<style" not in html and " style=" not in html


def add_an_echo(app) -> None:
    """No public page accepts a body yet, so a throwaway endpoint reads one the way forms do."""
    app.add_url_rule("/_echo", "echo", lambda: str(len(request.form)), methods=["POST"])


@pytest.fixture
def app_setup(app_setup):
    return (*app_setup, add_an_echo)


def test_over_large_request_body_gets_413_with_the_headers(app, client):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = client.post(
        "/_echo",
        data=b"x=" + b"a" * (limit + 1),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "Request too large" in response.get_data(as_text=True)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
