"""The anonymous page cache: hits while nothing changed, fresh after a write, never personal."""

from __future__ import annotations

import pytest

from catalogue import create_app
from catalogue.config import choose_cache_backend
from catalogue.extensions import cache, db
from catalogue.page_cache import cached_page
from tests.accounts.conftest import Accounts
from tests.statements import counting_statements


def test_an_anonymous_page_is_served_from_the_cache_until_the_catalogue_changes(client, build):
    build.organisation(name="Air Quality Lab")
    first, second = client.get("/hubs/"), client.get("/hubs/")
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.get_data() == first.get_data()
    assert first.headers["ETag"] == second.headers["ETag"]

    build.organisation(name="Water Data Lab")
    after = client.get("/hubs/")
    assert after.headers["X-Page-Cache"] == "miss"
    assert "Water Data Lab" in after.get_data(as_text=True)
    assert after.headers["ETag"] != first.headers["ETag"]


def test_a_change_to_a_record_is_seen_at_once(client, build):
    hub = build.organisation(name="Air Quality Lab")
    assert "Air Quality Lab" in client.get(f"/hubs/{hub.slug}").get_data(as_text=True)
    hub.name = "Clean Air Lab"
    db.session.commit()
    page = client.get(f"/hubs/{hub.slug}").get_data(as_text=True)
    assert "Clean Air Lab" in page


def test_the_query_string_is_part_of_the_key(client, build):
    build.organisation(name="Spanish Energy Hub", country="ES")
    build.organisation(name="Belgian Hub", country="BE")
    assert client.get("/hubs/").headers["X-Page-Cache"] == "miss"
    spanish = client.get("/hubs/?country=ES")
    assert spanish.headers["X-Page-Cache"] == "miss"
    assert "Belgian Hub" not in spanish.get_data(as_text=True)


def test_if_none_match_gets_304_without_a_body(client, build):
    build.organisation()
    etag = client.get("/").headers["ETag"]
    again = client.get("/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert client.get("/", headers={"If-None-Match": '"other"'}).status_code == 200


def test_anonymous_pages_say_how_caches_may_keep_them(client, build):
    build.organisation()
    response = client.get("/")
    assert response.headers["Cache-Control"] == "public, no-cache"
    assert "Cookie" in response.headers["Vary"]


def test_api_reads_carry_an_etag_and_answer_304(client, build):
    hub = build.organisation(ref="air-lab")
    for path in ("/api/v1/organisations", f"/api/v1/organisations/{hub.ref}"):
        first = client.get(path)
        assert first.status_code == 200
        assert first.headers["Cache-Control"] == "public, no-cache"
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304


def test_api_requests_with_credentials_are_not_cached(client, build):
    build.organisation()
    response = client.get("/api/v1/organisations", headers={"Authorization": "Bearer nope"})
    assert "X-Page-Cache" not in response.headers


def test_logged_in_visitors_are_never_served_or_stored(app, client, build):
    hub = build.organisation(name="Air Quality Lab")
    assert client.get("/hubs/").headers["X-Page-Cache"] == "miss"
    Accounts(client).manager(hub)
    for _ in range(2):
        page = client.get("/hubs/")
        assert "X-Page-Cache" not in page.headers
        assert "Log out" in page.get_data(as_text=True)
    assert "Log out" not in app.test_client().get("/hubs/").get_data(as_text=True)


def test_a_flash_waiting_in_the_session_bypasses_the_cache(client, build):
    build.organisation()
    client.get("/")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Thank you: the profile is saved.")]
    page = client.get("/")
    assert "X-Page-Cache" not in page.headers
    assert "Thank you: the profile is saved." in page.get_data(as_text=True)
    assert "Thank you" not in client.get("/").get_data(as_text=True)  # shown once


def test_an_anonymous_visitor_with_a_form_token_still_gets_cached_pages(client, build):
    build.organisation()
    client.get("/")
    with client.session_transaction() as session:
        session["csrf_token"] = "x" * 40
    assert client.get("/").headers["X-Page-Cache"] == "hit"


def test_other_session_state_bypasses_the_cache(client, build):
    build.organisation()
    client.get("/")
    with client.session_transaction() as session:
        session["saved_needs"] = [1, 2]  # the kind of thing a personal feature keeps
    assert "X-Page-Cache" not in client.get("/").headers


def test_pages_are_uncached_unless_their_view_says_so(client, build):
    build.organisation()
    for path in ("/needs/", "/login", "/health", "/explore/gap"):
        assert "X-Page-Cache" not in client.get(path).headers, path


def add_the_probe(app) -> None:
    """A cacheable test view that answers what its query string asks for."""
    from flask import request

    @cached_page
    def probe_view():
        if request.args.get("cookie"):
            return "with a cookie", 200, {"Set-Cookie": "a=b"}
        if request.args.get("csrf"):
            from flask_wtf.csrf import generate_csrf

            return f"token {generate_csrf()}"
        return "plain", int(request.args.get("status", 200))

    app.add_url_rule("/probe", "probe", probe_view)


@pytest.fixture
def app_setup(app_setup):
    return (*app_setup, add_the_probe)


@pytest.fixture
def probe(app):
    return app.test_client()


@pytest.mark.parametrize("query", ["cookie=1", "csrf=1", "status=404"])
def test_answers_that_are_not_the_same_for_everyone_are_not_stored(probe, query):
    first = probe.get(f"/probe?{query}")
    assert "X-Page-Cache" not in first.headers
    second = probe.get(f"/probe?{query}")
    assert "X-Page-Cache" not in second.headers


def test_a_plain_answer_of_the_probe_is_stored(probe):
    assert probe.get("/probe").headers["X-Page-Cache"] == "miss"
    assert probe.get("/probe").headers["X-Page-Cache"] == "hit"


def test_the_total_and_facet_counts_are_computed_once_per_revision(app, client, build):
    from catalogue.services import browse

    build.organisation(country="ES")

    query = browse.HubQuery()
    with counting_statements(db.engine) as computing:
        first = browse.list_hubs(db.session, query, memo=cache)
    with counting_statements(db.engine) as remembering:
        again = browse.list_hubs(db.session, query, memo=cache)
    assert again.facets == first.facets
    assert again.total == first.total == 1
    assert len(remembering) <= len(computing) - len(browse.FACETS) - 1
    build.organisation(country="FR")
    fresh = browse.list_hubs(db.session, query, memo=cache)
    assert fresh.total == 2
    countries = next(f for f in fresh.facets if f.param == "country")
    assert {o.value for o in countries.options} == {"ES", "FR"}


def test_the_page_cache_can_be_switched_off(app_config, build):
    app = create_app(app_config | {"PAGE_CACHE": False})
    with app.app_context():
        response = app.test_client().get("/")
    assert "X-Page-Cache" not in response.headers


def test_a_redis_url_chooses_the_redis_backend():
    config = {"CACHE_TYPE": "SimpleCache", "CACHE_REDIS_URL": "redis://127.0.0.1:6379/1"}
    choose_cache_backend(config)
    assert config["CACHE_TYPE"] == "RedisCache"
    chosen = {"CACHE_TYPE": "NullCache", "CACHE_REDIS_URL": "redis://127.0.0.1:6379/1"}
    choose_cache_backend(chosen)
    assert chosen["CACHE_TYPE"] == "NullCache"
