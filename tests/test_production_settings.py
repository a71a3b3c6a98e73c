"""Production settings: what the app refuses to start with, public links, HTTPS and proxies."""

from __future__ import annotations

import secrets

import pytest
from flask import request

from catalogue import create_app
from catalogue.config import DEFAULT_SECRET_KEY

BASE = "https://hubs.example.eu"


@pytest.fixture
def production(database_url, monkeypatch):
    """Settings of a production server (not the flask command line, not a test), to change."""
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "TESTING": False,
        "DEBUG": False,
        "SECRET_KEY": secrets.token_hex(16),  # 32 characters
        "TRUSTED_HOSTS": ["hubs.example.eu"],
    }


def test_production_starts_with_sound_settings(production):
    assert create_app(production).config["TRUSTED_HOSTS"] == ["hubs.example.eu"]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"SECRET_KEY": DEFAULT_SECRET_KEY}, "FLASK_SECRET_KEY"),
        ({"SECRET_KEY": "x" * 31}, "at least 32 characters"),
        ({"SECRET_KEY": ""}, "FLASK_SECRET_KEY"),
        ({"DEBUG": True}, "FLASK_DEBUG"),
        ({"TRUSTED_HOSTS": None}, "FLASK_PUBLIC_BASE_URL (e.g. https://hubs.example.eu) or"),
    ],
)
def test_production_refuses_to_start_with_development_settings(production, change, named):
    with pytest.raises(RuntimeError, match="Refusing to start") as refused:
        create_app(production | change)
    assert named in str(refused.value)


def test_a_public_base_url_is_enough_without_trusted_hosts(production):
    app = create_app(production | {"TRUSTED_HOSTS": None, "PUBLIC_BASE_URL": BASE})
    assert app.config["PUBLIC_BASE_URL"] == BASE


def test_the_command_line_may_use_development_settings(database_url, monkeypatch):
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "DEBUG": True})
    assert app.config["SECRET_KEY"] == DEFAULT_SECRET_KEY


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"PUBLIC_BASE_URL": "hubs.example.eu"}, "FLASK_PUBLIC_BASE_URL"),
        ({"PUBLIC_BASE_URL": "ftp://hubs.example.eu"}, "FLASK_PUBLIC_BASE_URL"),
        ({"PROXY_FIX_X_FOR": "one"}, "FLASK_PROXY_FIX_X_FOR"),
        ({"PROXY_FIX_X_PROTO": -1}, "FLASK_PROXY_FIX_X_PROTO"),
    ],
)
def test_broken_settings_are_refused_everywhere(app_config, change, named):
    with pytest.raises(RuntimeError, match=named):
        create_app(app_config | change)


@pytest.fixture
def public_app(app_config, build):
    """A test app without SERVER_NAME (as in production), to set the host settings of."""

    def make(**settings):
        app = create_app(app_config | {"SERVER_NAME": None} | settings)
        return app.test_client()

    build.organisation(ref="jrc-1", slug="brussels-hub", name="Brussels Hub")
    return make


def _links(response) -> list[str]:
    body = response.json
    return [item["url"] for item in body["items"]] + [body["links"]["self"]]


@pytest.mark.parametrize("base", [BASE, BASE + "/catalogue"])
def test_links_use_the_public_base_url_whatever_the_host(public_app, base):
    client = public_app(PUBLIC_BASE_URL=base)
    headers = {"Host": "evil.example"}
    links = _links(client.get("/api/v1/organisations", headers=headers))
    assert links == [f"{base}/hubs/brussels-hub", f"{base}/api/v1/organisations?page=1&per_page=20"]
    csv = client.get("/api/v1/downloads/organisations.csv", headers=headers).text
    assert f"{base}/hubs/brussels-hub" in csv and "evil.example" not in csv
    matches = client.post("/api/v1/match", json={"text": "brussels hub"}, headers=headers).json
    assert [r["organisation"]["url"] for r in matches["results"]] == [f"{base}/hubs/brussels-hub"]


def test_an_untrusted_host_gets_400(public_app):
    client = public_app(TRUSTED_HOSTS=["hubs.example.eu"])
    for path in ("/api/v1/organisations", "/hubs/"):
        response = client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 400
        assert response.json["error"]["message"] == "This server does not answer to that host name."


def test_a_trusted_host_gets_links_to_itself(public_app):
    client = public_app(TRUSTED_HOSTS=["hubs.example.eu"])
    links = _links(client.get("/api/v1/organisations", headers={"Host": "hubs.example.eu"}))
    assert links[0] == "http://hubs.example.eu/hubs/brussels-hub"


def _session_cookie(client) -> str:
    response = client.get("/needs/")  # the CSRF token goes into the session
    cookies = response.headers.getlist("Set-Cookie")
    return next(v for v in cookies if v.startswith(("session=", "__Host-session=")))


@pytest.mark.parametrize("https", [True, False])
def test_one_https_setting_switches_hsts_and_secure_cookies(app_config, https):
    client = create_app(app_config | {"WTF_CSRF_ENABLED": True, "HTTPS": https}).test_client()
    hsts = client.get("/").headers.get("Strict-Transport-Security")
    assert hsts == ("max-age=31536000" if https else None)
    cookie = _session_cookie(client)
    assert ("; Secure" in cookie) is https
    # Over HTTPS the name's __Host- prefix binds it to this host and path (ASVS 3.4.4, 3.4.5).
    assert cookie.startswith("__Host-session=" if https else "session=")
    if https:
        assert "; Path=/" in cookie and "Domain=" not in cookie


def test_https_is_read_from_the_environment(app_config, monkeypatch):
    monkeypatch.setenv("FLASK_HTTPS", "true")
    app = create_app(app_config)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["PREFERRED_URL_SCHEME"] == "https"


def _forwarded(app_config, **settings):
    app = create_app(app_config | {"SERVER_NAME": None} | settings)
    # No page shows the client's address, so a throwaway endpoint does.
    seen = lambda: {"addr": request.remote_addr, "url": request.url}  # noqa: E731
    app.add_url_rule("/_client", "client", seen)
    headers = {
        "X-Forwarded-For": "203.0.113.7",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "hubs.example.eu",
    }
    return app.test_client().get("/_client", headers=headers).json


def test_forwarded_headers_are_ignored_by_default(app_config):
    assert _forwarded(app_config) == {"addr": "127.0.0.1", "url": "http://localhost/_client"}


def test_proxy_fix_trusts_the_configured_headers(app_config, monkeypatch):
    for name in ("X_FOR", "X_PROTO", "X_HOST"):
        monkeypatch.setenv(f"FLASK_PROXY_FIX_{name}", "1")
    client = _forwarded(app_config)
    assert client == {"addr": "203.0.113.7", "url": "https://hubs.example.eu/_client"}


def test_each_app_keeps_its_own_rate_limits(app_config):
    limited = create_app(app_config | {"RATELIMIT_ENABLED": True, "API_RATELIMIT": "1 per hour"})
    create_app(app_config | {"RATELIMIT_ENABLED": False})  # as the next test's app would be
    client = limited.test_client()
    assert [client.get("/api/v1/events").status_code for _ in range(2)] == [200, 429]
