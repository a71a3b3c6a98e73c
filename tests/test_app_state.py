"""The suite's reused apps start each test as new ones: nothing of the previous test's catalogue."""

from __future__ import annotations

import pytest

from catalogue.extensions import db
from tests.app_state import ReusedApps
from tests.conftest import COMPILED_TEMPLATES
from tests.databases import empty_all_tables


@pytest.fixture
def apps() -> ReusedApps:
    return ReusedApps(keep=2, compiled_templates=COMPILED_TEMPLATES)


def test_a_reused_app_forgets_the_previous_tests_pages_index_and_settings(apps, app_config, build):
    first = apps.get(app_config)
    with first.app_context():
        build.organisation(name="Harbour Data Lab", ref="harbour")
        db.session.commit()
        client = first.test_client()
        assert "Harbour Data Lab" in client.get("/hubs/").get_data(as_text=True)
        assert client.get("/hubs/").headers["X-Page-Cache"] == "hit"
        results = client.post("/api/v1/match", json={"text": "harbour data"}).json["results"]
        assert [result["organisation"]["ref"] for result in results] == ["harbour"]
        first.config["MAX_SEARCH_LENGTH"] = 3
        stored_index = first.extensions["match_index"]
        empty_all_tables()  # the next test's database; its revision counts from the start again
    again = apps.get(app_config)
    assert again is first
    assert again.config["MAX_SEARCH_LENGTH"] != 3
    assert again.extensions["match_index"] is not stored_index
    with again.app_context():
        # The same writes as above bring the new catalogue to the same revision number.
        build.organisation(name="Forest Data Lab", ref="forest")
        db.session.commit()
        client = again.test_client()
        page = client.get("/hubs/")
        assert page.headers["X-Page-Cache"] == "miss"
        assert "Forest Data Lab" in page.get_data(as_text=True)
        assert "Harbour Data Lab" not in page.get_data(as_text=True)
        results = client.post("/api/v1/match", json={"text": "harbour data"}).json["results"]
        assert [result["organisation"]["ref"] for result in results] == ["forest"]


def test_each_configuration_and_set_up_has_its_own_app(apps, app_config):
    def add_a_route(app):
        app.add_url_rule("/extra", "extra", lambda: "extra")

    plain = apps.get(app_config)
    assert apps.get(app_config | {"MAX_SEARCH_LENGTH": 50}) is not plain
    with_route = apps.get(app_config, (add_a_route,))
    assert with_route is not plain
    assert with_route.test_client().get("/extra").status_code == 200
    assert plain.test_client().get("/extra").status_code == 404
    assert apps.get(app_config) is not plain  # three made, two kept: the oldest was dropped


def test_an_extension_the_reset_does_not_know_fails_the_test(apps, app_config):
    app = apps.get(app_config)
    app.extensions["new_cache"] = {}
    with pytest.raises(AssertionError, match="new_cache"):
        apps.get(app_config)
