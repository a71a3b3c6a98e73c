"""POST /api/v1/match, version 1.1: referral, filters, parts, bundle and advice."""

import pytest

from tests.answer_hubs import build_air_hubs

URL = "/api/v1/match"


@pytest.fixture
def hubs(build):
    build_air_hubs(build)


def post(client, payload):
    return client.post(URL, json=payload)


def test_a_country_without_a_fitting_hub_gets_a_referral(client, hubs):
    body = post(client, {"text": "air quality sensors for our city", "country": "MT"}).json
    assert body["referral"] == {
        "country": "MT",
        "message": "No hub in Malta fits this need well; these hubs elsewhere in Europe do.",
        "local_results": 0,
    }
    refs = [result["organisation"]["ref"] for result in body["results"]]
    assert "mt-robots" not in refs and {"de-air", "be-air"} <= set(refs)


def test_the_citys_fitting_hubs_come_first(client, hubs):
    body = post(client, {"text": "air quality sensors for our city", "country": "BE"}).json
    assert body["results"][0]["organisation"]["ref"] == "be-air"
    assert body["referral"]["local_results"] == 1
    assert [r["rank"] for r in body["results"]] == list(range(1, len(body["results"]) + 1))


def test_without_a_country_there_is_no_referral(client, hubs):
    body = post(client, {"text": "air quality sensors for our city"}).json
    assert "referral" not in body


def test_a_family_filter_keeps_only_hubs_offering_it(client, hubs):
    need = {"text": "air quality sensors for our city"}
    assert "be-air" in {r["organisation"]["ref"] for r in post(client, need).json["results"]}
    body = post(client, need | {"filters": {"families": ["skills_training"]}}).json
    assert [r["organisation"]["ref"] for r in body["results"]] == ["de-air"]


def test_country_and_kind_filters(client, hubs):
    need = {"text": "air quality sensors", "filters": {"countries": ["BE"], "kinds": ["dih"]}}
    body = post(client, need).json
    assert {r["organisation"]["ref"] for r in body["results"]} == {"be-air"}
    body = post(client, need | {"filters": {"kinds": ["living_lab"]}}).json
    assert body["results"] == []


def test_a_three_part_need_gets_parts_and_a_bundle(client, hubs):
    text = (
        "We want to test air quality sensors before buying them, train our staff to use the "
        "data and find EU funding for the roll-out."
    )
    body = post(client, {"text": text}).json
    assert [part["family"] for part in body["parts"]] == [
        "test_before_invest",
        "skills_training",
        "investment_support",
    ]
    assert body["parts"][0]["organisations"][0] == "de-air"
    assert body["parts"][2]["organisations"][0] == "fr-funding"
    assert body["bundle"]["organisations"] == ["de-air", "fr-funding"]
    assert "French Funding Desk for support to find investments" in body["bundle"]["summary"]


def test_a_need_of_one_kind_has_neither_parts_nor_bundle(client, hubs):
    body = post(client, {"text": "test air quality sensors before buying them"}).json
    assert "parts" not in body and "bundle" not in body
    assert "advice" not in body


def test_a_vague_need_gets_advice(client, hubs):
    body = post(client, {"text": "help"}).json
    assert body["advice"].startswith("Your need has too few words to rank hubs on.")
    assert "the technology, such as sensors" in body["advice"]


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        ("families", "must be an object of filters, not a string"),
        ([], "must be an object of filters, not an array"),
        ({"family": ["skills_training"]}, "'family' is not a filter"),
        ({"families": "skills_training"}, "families: must be a list of service family names"),
        ({"families": ["coffee"]}, "families: unknown family 'coffee'"),
        ({"countries": ["Belgium"]}, "countries: 'Belgium' is not an ISO 3166-1"),
        ({"countries": "BE"}, "countries: must be a list"),
        ({"kinds": ["castle"]}, "kinds: unknown kind 'castle'"),
        ({"kinds": [1]}, "kinds: must be a list of organisation kinds"),
    ],
)
def test_bad_filters_get_a_400_naming_them(client, hubs, filters, words):
    response = post(client, {"text": "air quality", "filters": filters})
    assert response.status_code == 400
    error = response.json["error"]
    assert words in error["fields"]["filters"]
    assert error["message"].startswith("filters: ")
