"""POST /api/v1/match, exactly as the match API contract (docs/match-api.md) describes it."""

import json

import pytest

from tests.http import chunked

URL = "/api/v1/match"


@pytest.fixture
def hubs(build):
    """A Belgian traffic-AI hub with services, a German one, and an unrelated textile hub."""
    traffic = build.organisation(
        ref="be-traffic",
        name="Brussels Mobility AI Lab",
        country="BE",
        description="Artificial intelligence for traffic prediction in cities.",
    )
    build.service(
        traffic,
        ref="be-traffic-test",
        title="Test AI traffic prediction before you buy",
        family="test_before_invest",
        description="Pilot traffic jam prediction tools on your own city's data.",
    )
    build.service(
        traffic,
        ref="be-traffic-funding",
        title="EU funding advice for mobility projects",
        family="investment_support",
        description="Find EU funding for smart mobility and traffic projects.",
    )
    build.organisation(
        ref="de-traffic",
        name="Aachen Traffic Data Hub",
        country="DE",
        description="Traffic data analytics and prediction for municipalities.",
    )
    build.organisation(
        ref="textiles", name="Textile DIH", country="BE", description="Weaving machines."
    )


def post(client, payload, **headers):
    """Send ``payload`` as the JSON body of a match request."""
    return client.post(URL, json=payload, headers=headers)


def test_the_spec_example_gets_ranked_explained_results(client, hubs):
    response = post(
        client,
        {
            "text": "We want to test an AI tool that predicts traffic jams before we buy it, "
            "and we need advice on EU funding.",
            "country": "BE",
            "families": ["test_before_invest", "investment_support"],
            "language": "en",
            "limit": 10,
        },
    )
    assert response.status_code == 200
    body = response.json
    assert body["query"]["language"] == "en"
    assert body["query"]["country"] == "BE"
    assert body["query"]["text"].startswith("We want to test an AI tool")
    first = body["results"][0]
    assert first["rank"] == 1
    assert first["organisation"]["ref"] == "be-traffic"
    assert first["organisation"]["url"].startswith("http://catalogue.test/hubs/")
    assert {s["ref"] for s in first["services"]} == {"be-traffic-test", "be-traffic-funding"}
    terms = first["explanation"]["matched_terms"]
    assert {"testing", "funding"} <= {t["term"].split(" (")[0] for t in terms}
    assert {t["field"] for t in terms} <= {
        "name",
        "description",
        "technologies",
        "sectors",
        "service title",
        "service description",
        "audiences",
    }
    assert set(first["explanation"]["families"]) == {"test_before_invest", "investment_support"}
    assert first["explanation"]["location"].startswith("same country")
    assert "textiles" not in [r["organisation"]["ref"] for r in body["results"]]


def test_scores_are_in_unit_range_and_best_first(client, hubs):
    results = post(client, {"text": "traffic prediction"}).json["results"]
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    assert [r["rank"] for r in results] == list(range(1, len(results) + 1))


def test_the_language_is_detected_when_absent(client, hubs):
    body = post(client, {"text": "Wir suchen Hilfe bei der Verkehrsprognose mit KI"}).json
    assert body["query"]["language"] == "de"
    assert "be-traffic" in [r["organisation"]["ref"] for r in body["results"]]


def test_limit_caps_the_results(client, hubs):
    assert len(post(client, {"text": "traffic", "limit": 1}).json["results"]) == 1


def test_country_is_a_preference_never_a_filter(client, hubs):
    def scores(payload):
        return {r["organisation"]["ref"]: r["score"] for r in post(client, payload).json["results"]}

    anywhere = scores({"text": "traffic"})
    in_germany = scores({"text": "traffic", "country": "DE"})
    assert set(in_germany) == set(anywhere) == {"be-traffic", "de-traffic"}
    closer = in_germany["de-traffic"] / in_germany["be-traffic"]
    assert closer > anywhere["de-traffic"] / anywhere["be-traffic"]


def test_unpublished_hubs_are_never_matched(client, build):
    build.organisation(ref="draft", name="Draft traffic hub", description="traffic", status="draft")
    assert post(client, {"text": "traffic"}).json["results"] == []


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "  "}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": ["traffic"]}, "text"),
        ({"text": "traffic", "country": "Belgium"}, "country"),
        ({"text": "traffic", "country": "ZZ"}, "country"),
        ({"text": "traffic", "country": ""}, "country"),
        ({"text": "traffic", "families": ["training"]}, "families"),
        ({"text": "traffic", "families": "test_before_invest"}, "families"),
        ({"text": "traffic", "language": "english"}, "language"),
        ({"text": "traffic", "language": ""}, "language"),
        ({"text": "traffic", "limit": 0}, "limit"),
        ({"text": "traffic", "limit": 51}, "limit"),
        ({"text": "traffic", "limit": "ten"}, "limit"),
        ({"text": "traffic", "sort": "score"}, "sort"),
        (["traffic"], "body"),
    ],
)
def test_bad_requests_get_400_naming_the_field(client, hubs, payload, field):
    response = post(client, payload)
    assert response.status_code == 400
    error = response.json["error"]
    assert error["status"] == 400
    assert field in error["fields"]
    assert field in error["message"]


def test_malformed_json_gets_400(client):
    response = client.post(URL, data="{'text': 'traffic'", content_type="application/json")
    assert response.status_code == 400
    assert "not valid JSON" in response.json["error"]["message"]


@pytest.mark.parametrize(
    ("body", "named"),
    [("null", "not null"), ("[]", "not an array"), ('"traffic"', "not a string"),
     ("1e400", "not a number"), ("true", "not a boolean")],
)  # fmt: skip
def test_json_that_is_not_an_object_gets_400_saying_what_it_is(client, body, named):
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"]["message"] == f"The request body must be a JSON object, {named}."
    assert response.json["error"]["fields"] == {"body": f"must be a JSON object, {named}"}


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_json_nested_too_deeply_gets_400_naming_the_problem(client, depth):
    body = '{"text": ' + "[" * depth + "]" * depth + "}"
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 400
    assert "more than 64 levels deep" in response.json["error"]["fields"]["body"]


def test_json_nested_64_levels_is_read(client):
    body = '{"text": "traffic", "families": ' + "[" * 63 + "]" * 63 + "}"
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 400
    problem = "must be a list of service family names"
    assert response.json["error"]["fields"] == {"families": problem}


def test_an_empty_body_gets_400_saying_so(client):
    response = client.post(URL, data="", content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"]["message"] == "The request body is empty."


def test_an_error_lists_the_first_20_unknown_keys_and_counts_the_rest(client):
    response = client.post(URL, json={"text": "traffic"} | {f"key{i:05}": 1 for i in range(50_000)})
    assert response.status_code == 400
    fields = response.json["error"]["fields"]
    assert list(fields)[:20] == [f"key{i:05}" for i in range(20)]
    assert fields["…"] == "and 49980 more"
    assert len(fields) == 21
    assert len(response.data) < 3000


def test_a_long_unknown_key_is_cut_in_the_error(client):
    response = client.post(URL, json={"text": "traffic", "k" * 100_000: 1})
    assert response.status_code == 400
    error = response.json["error"]
    assert [len(name) for name in error["fields"]] == [100]
    assert len(error["message"]) <= 1000


def test_a_body_that_is_not_json_gets_415(client):
    response = client.post(
        URL, data="text=traffic", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert "application/json" in response.json["error"]["message"]


def test_a_body_over_the_limit_gets_413(client, app):
    body = json.dumps({"text": "x" * app.config["MAX_CONTENT_LENGTH"]})
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json["error"]["status"] == 413


def test_a_chunked_body_over_the_limit_gets_413(client, app):
    body = json.dumps({"text": "x" * app.config["MAX_CONTENT_LENGTH"]}).encode()
    response = client.post(URL, content_type="application/json", **chunked(body))
    assert response.status_code == 413
    assert response.json["error"]["status"] == 413


def test_a_chunked_body_within_the_limit_is_read(client, hubs):
    response = client.post(URL, content_type="application/json", **chunked(b'{"text": "traffic"}'))
    assert response.status_code == 200
    assert response.json["results"]


def test_get_is_not_allowed(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


def test_the_endpoint_needs_no_csrf_token(app_config, build):
    from catalogue import create_app

    app = create_app(app_config | {"WTF_CSRF_ENABLED": True})
    assert app.test_client().post(URL, json={"text": "traffic"}).status_code == 200


def test_a_need_matched_by_meaning_reports_its_share_and_says_so(client, runner):
    assert runner.invoke(args=["seed", "--no-practices"]).exit_code == 0
    need = "Mostovi u našem gradu su stari: trebamo nekoga tko prati pukotine i predviđa popravke."
    response = client.post("/api/v1/match", json={"text": need, "language": "hr"})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert results
    shares = [r["explanation"]["semantic"] for r in results]
    assert all(0.0 <= share <= 1.0 for share in shares)
    by_meaning = [r for r in results if r["explanation"]["semantic"] >= 0.5]
    assert by_meaning
    assert all(r["explanation"]["summary"].startswith("Similar in meaning") for r in by_meaning)


def test_without_vectors_the_explanation_has_no_semantic_share(client, hubs):
    response = client.post("/api/v1/match", json={"text": "traffic sensors"})
    assert response.status_code == 200
    assert all("semantic" not in r["explanation"] for r in response.get_json()["results"])
