"""`flask --app catalogue match`: ranked hubs with reasons on the command line."""

import json

import pytest

from catalogue.contracts.match import Matches


@pytest.fixture
def hubs(build):
    """An air-quality hub in Belgium with a service, and an unrelated one."""
    air = build.organisation(
        ref="air", name="Air Lab", country="BE", description="Air quality sensors for cities."
    )
    build.service(air, title="Sensor testbed", description="Test air quality sensors in streets.")
    build.organisation(ref="cheese", name="Cheese DIH", description="Dairy production lines.")


def test_match_prints_ranked_hubs_with_reasons(runner, hubs):
    result = runner.invoke(args=["match", "We want to test air quality sensors", "--country", "be"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "1 matches (language: en)"
    assert "Air Lab [BE] (air)" in lines[1]
    assert "location: same country (BE)" in result.output
    assert "service: Sensor testbed (test_before_invest" in result.output
    assert "Cheese DIH" not in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["   "], "text: must not be empty"),
        (["sensors", "--country", "Belgium"], "country:"),
        (["sensors", "--family", "training"], "unknown family 'training'"),
        (["sensors", "--limit", "0"], "limit: must be between 1 and 50"),
        (["sensors", "--language", "xx"], "language:"),
        (["sensors", "--only-family", "castles"], "filters: families: unknown family"),
        (["sensors", "--only-country", "Narnia"], "filters: countries:"),
    ],
)
def test_bad_input_exits_non_zero_naming_the_problem(runner, hubs, arguments, message):
    result = runner.invoke(args=["match", *arguments])
    assert result.exit_code != 0
    assert message in result.output


def test_json_prints_the_match_apis_answer(runner, client, hubs):
    result = runner.invoke(args=["match", "We want to test air quality sensors", "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    Matches.model_validate(printed)  # the response model of the API
    api = client.post("/api/v1/match", json={"text": "We want to test air quality sensors"})
    assert printed == api.get_json()


def test_a_filter_keeps_only_what_satisfies_it_and_the_advice_blames_the_filter(runner, hubs):
    result = runner.invoke(args=["match", "air quality sensors", "--only-country", "MT"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0 matches")
    assert "Air Lab" not in result.output
    assert "advice: No organisation that meets your filters fits this need" in result.output
    kept = runner.invoke(args=["match", "air quality sensors", "--only-country", "be"])
    assert "Air Lab [BE] (air)" in kept.output
