"""Bad hub-list parameters give 400 with a message naming the parameter, never a 500."""

from __future__ import annotations

import pytest

BAD = [
    ("kind=spaceport", "kind"),
    ("country=ZZ", "country"),
    ("country=pt", "country"),
    ("family=free_lunch", "family"),
    ("technology=Telepathy", "technology"),
    ("sector=Piracy", "sector"),
    ("page=0", "page"),
    ("page=-1", "page"),
    (f"page={10**9}", "page"),
    ("page=abc", "page"),
    ("page=1.5", "page"),
    ("page=%C2%B2", "page"),
    ("q=" + "x" * 5000, "q"),
    ("sort=price", "sort"),
]


@pytest.mark.parametrize(("params", "name"), BAD)
def test_bad_parameter_gives_400_naming_it(client, build, text, params, name):
    build.organisation()
    response = client.get(f"/hubs/?{params}")
    assert response.status_code == 400
    page = text(response)
    assert f"check the parameter “{name}”" in page
    assert f"Parameter “{name}”" in page


@pytest.mark.parametrize(("params", "name"), BAD)
def test_bad_parameter_gives_the_json_error_shape_to_json_clients(client, params, name):
    response = client.get(f"/hubs/?{params}", headers={"Accept": "application/json"})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["status"] == 400 and name in error["fields"]


def test_search_at_the_length_limit_is_accepted(app, client):
    limit = app.config["MAX_SEARCH_LENGTH"]
    assert client.get("/hubs/?q=" + "x" * limit).status_code == 200
    assert client.get("/hubs/?q=" + "x" * (limit + 1)).status_code == 400


def test_several_bad_parameters_are_all_named(client, text):
    page = text(client.get("/hubs/?kind=nope&sort=nope"))
    assert "check the parameters “kind” and “sort”" in page


def test_empty_values_and_unknown_parameters_are_ignored(client, build, text):
    build.organisation(name="Only Hub")
    response = client.get("/hubs/?kind=&page=&sort=&utm_source=mail")
    assert response.status_code == 200
    assert "Only Hub" in text(response)
