"""The rules every list shares hold the same on the hub list, the practice list and the API.

``catalogue.services.list_parameters`` owns them; these tests ask each list the same bad
question and expect the same answer, so a copy of a rule that drifts fails here.
"""

from __future__ import annotations

import pytest

from catalogue.services import list_parameters
from tests.public.conftest import visible_text

LISTS = {
    "hub list": "/hubs/",
    "practice list": "/practices/",
    "organisations": "/api/v1/organisations",
    "services": "/api/v1/services",
    "practices": "/api/v1/practices",
    "needs board": "/needs/board",
}
SEARCHABLE = ("hub list", "practice list", "organisations", "needs board")


def test_a_page_past_the_last_counts_the_pages_in_the_readers_language(client, build):
    for n in range(25):  # two pages of twenty
        build.organisation(name=f"Hub {n}")
    english = message(client.get("/hubs/", query_string={"page": "3"}))
    assert "Page 3 does not exist: this list has 2 pages." in english
    polish = message(client.get("/pl/hubs/", query_string={"page": "3"}))
    assert "Strona 3 nie istnieje: ta lista ma 2 strony." in polish
    german = message(client.get("/de/hubs/", query_string={"page": "9"}))
    assert "Seite 9 existiert nicht: Diese Liste hat 2 Seiten." in german


def message(response) -> str:
    """The error message, from the JSON error shape or the page's text."""
    if response.is_json:
        return response.get_json()["error"]["message"]
    return visible_text(response)


@pytest.mark.parametrize("what", SEARCHABLE)
def test_a_search_text_over_the_limit_gets_one_message_everywhere(app, client, what):
    limit = app.config["MAX_SEARCH_LENGTH"]
    assert client.get(f"{LISTS[what]}?q={'x' * limit}").status_code == 200
    response = client.get(f"{LISTS[what]}?q={'x' * (limit + 1)}")
    assert response.status_code == 400
    said = message(response)
    assert f"The {what} could not be shown: check the parameter “q”." in said
    if response.is_json:
        problem = response.get_json()["error"]["fields"]["q"]
        assert problem == f"is {limit + 1} characters long; the limit is {limit}"


@pytest.mark.parametrize("what", LISTS)
@pytest.mark.parametrize("number", ["0", "abc", "1.5", "²", str(list_parameters.MAX_PAGE + 1)])
def test_a_bad_page_number_gets_one_message_everywhere(client, what, number):
    response = client.get(LISTS[what], query_string={"page": number})
    assert response.status_code == 400
    assert f"The {what} could not be shown: check the parameter “page”." in message(response)


@pytest.mark.parametrize("what", LISTS)
def test_a_page_past_the_last_is_not_found_everywhere(client, build, what):
    hub = build.organisation()
    build.service(organisation=hub)
    build.practice()
    response = client.get(LISTS[what], query_string={"page": "2"})
    assert response.status_code == 404
    if response.is_json:  # the API's English sentence, a contract
        assert message(response) == "Page 2 does not exist: this list has 1 page(s)."
    else:
        assert "Page 2 does not exist: this list has 1 page." in message(response)
    assert client.get(LISTS[what], query_string={"page": "1"}).status_code == 200


@pytest.mark.parametrize(
    ("what", "param"),
    [
        ("hub list", "country"),
        ("practice list", "country"),
        ("services", "country"),
        ("needs board", "country"),
    ],
)
def test_an_unknown_filter_value_is_named_alike_everywhere(client, what, param):
    response = client.get(LISTS[what], query_string={param: "Narnia"})
    assert response.status_code == 400
    assert f"The {what} could not be shown: check the parameter “{param}”." in message(response)
    if response.is_json:
        assert response.get_json()["error"]["fields"][param] == "unknown value 'Narnia'"


def test_several_bad_parameters_are_all_named_in_one_sentence(client):
    response = client.get("/api/v1/services", query_string={"family": "x", "page": "0"})
    said = message(response)
    assert "check the parameters “family” and “page”." in said
