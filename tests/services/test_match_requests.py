"""The match API's request rules, applied in one place for the API, the form and the CLI."""

import pytest

from catalogue.errors import ValidationError
from catalogue.services.hub_matching import MAX_NEED_LENGTH, validate_match_request


def problems_of(payload) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate_match_request(payload)
    return caught.value.fields


def test_a_full_request_is_accepted_and_trimmed():
    request = validate_match_request(
        {
            "text": "  Test an AI tool for traffic  ",
            "country": "BE",
            "families": ["test_before_invest", "investment_support", "test_before_invest"],
            "language": "en",
            "limit": 5,
        }
    )
    assert request.text == "Test an AI tool for traffic"
    assert request.country == "BE"
    assert request.families == ("test_before_invest", "investment_support")
    assert request.limit == 5


def test_only_text_is_required_and_limit_defaults_to_ten():
    request = validate_match_request({"text": "open data portal"})
    assert (request.country, request.families, request.language, request.limit) == (
        None,
        (),
        None,
        10,
    )


@pytest.mark.parametrize(
    ("payload", "field", "words"),
    [
        ({}, "text", "required"),
        ({"text": "   "}, "text", "empty"),
        ({"text": "x" * (MAX_NEED_LENGTH + 1)}, "text", "at most 5000"),
        ({"text": 42}, "text", "string"),
        ({"text": "ok", "country": "Belgium"}, "country", "ISO 3166-1"),
        ({"text": "ok", "country": "ZZ"}, "country", "ISO 3166-1"),
        ({"text": "ok", "country": "be"}, "country", "such as 'BE'"),
        ({"text": "ok", "families": "test_before_invest"}, "families", "list"),
        ({"text": "ok", "families": ["training"]}, "families", "unknown family 'training'"),
        ({"text": "ok", "language": "german"}, "language", "ISO 639-1"),
        ({"text": "ok", "limit": 0}, "limit", "between 1 and 50"),
        ({"text": "ok", "limit": 51}, "limit", "between 1 and 50"),
        ({"text": "ok", "limit": "5"}, "limit", "whole number"),
        ({"text": "ok", "limit": True}, "limit", "whole number"),
        ({"text": "ok", "limit": 2.5}, "limit", "whole number"),
        ({"text": "ok", "colour": "red"}, "colour", "not a field"),
    ],
)
def test_each_bad_field_is_named_with_its_problem(payload, field, words):
    assert words in problems_of(payload)[field]


def test_a_whole_number_written_with_a_decimal_point_is_a_whole_number():
    assert validate_match_request({"text": "ok", "limit": 13.0}).limit == 13


def test_a_body_that_is_not_an_object_is_refused():
    assert "body" in problems_of(["text"])


def test_every_problem_is_reported_at_once():
    assert set(problems_of({"text": "", "limit": 99, "country": "XX"})) == {
        "text",
        "limit",
        "country",
    }


def test_an_empty_country_or_language_is_refused_not_ignored():
    """The spec accepts nothing silently: "" is no country code (the form sends None instead)."""
    assert set(problems_of({"text": "open data", "country": "", "language": ""})) == {
        "country",
        "language",
    }
