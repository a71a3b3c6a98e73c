"""The matching's explanations on the pages in the reader's language; the API keeps English."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from catalogue import explanations
from matching.bundles import MatchedPart, propose_bundle
from matching.explain import _summary
from matching.geography import describe_location
from matching.ranked import Ranked
from matching.records import INTERMEDIARY_NOTE, Match, MatchedTerm, ServiceMatch
from matching.referral import Referral, _message
from tests.needs.test_describe_need import hubs  # noqa: F401 - the fixture

GERMAN = Path(__file__).parents[2] / "catalogue/translations/de/LC_MESSAGES/messages.po"
TESTBED = ServiceMatch("s1", "Air quality sensor testbed", "test_before_invest", 0.5)
TRAINING = ServiceMatch("s2", "Skills and training for staff", "skills_training", 0.4)
TERMS = [
    MatchedTerm(word, "description", 0.1, (word,)) for word in ("air", "AIR", "sensors", "iot")
]


def german(msgid: str) -> str:
    """The German catalogue's translation of ``msgid`` (a test fixture translators may reword)."""
    with GERMAN.open("rb") as po:
        translation = read_po(po).get(msgid)
    assert translation is not None and translation.string, f"no German for {msgid!r}"
    return translation.string


def literal_parts(sentence: str) -> list[str]:
    """The words of a sentence around its placeholders."""
    return [part for part in re.split(r"%\(\w+\)s", sentence) if part.strip()]


def test_the_english_summary_is_the_library_one(app):
    cases = itertools.product(
        ["need", "hub"], [[], [TESTBED], [TESTBED, TRAINING]], [[], TERMS], [None, 0.2, 0.8]
    )
    with app.test_request_context("/"):
        for mode, services, terms, semantic in cases:
            expected = _summary(mode, services, terms, semantic)
            for kind, note in (("dih", ""), ("network", " " + INTERMEDIARY_NOTE)):
                match = Match("o1", 0.5, 1, services, terms, semantic=semantic, kind=kind)
                assert explanations.match_summary(match, mode=mode) == expected + note


def test_the_practice_and_description_wordings_say_what_was_matched(app):
    with app.test_request_context("/"):
        offers = Match("o1", 0.5, 1, [TESTBED], TERMS)
        assert "matching this practice on air" in explanations.match_summary(
            offers, about="practice"
        )
        profile = Match("o1", 0.5, 1, [], TERMS)
        assert explanations.match_summary(profile, record="description").startswith(
            "Its description covers air, sensors and iot, as your need does."
        )


def test_the_english_location_is_the_library_one(app):
    cases = itertools.product([None, "BE", "FR", "PL"], [None, "BE", "DE"], ["dih", "edih"])
    with app.test_request_context("/"):
        for city, hub, kind in cases:
            for speaks in (False, True):
                said = explanations.match_location(city, hub, kind, speaks)
                assert said == describe_location(city, hub, kind, speaks)


@pytest.mark.parametrize("case", ["none", "elsewhere", "neighbours", "local"])
def test_the_english_referral_is_the_library_one(app, case):
    referral = Referral("BE", 3, 4, "", case)
    with app.test_request_context("/"):
        assert explanations.referral_message(referral) == _message(case, "BE", 3)


def test_one_local_hub_is_told_in_the_singular(app):
    with app.test_request_context("/"):
        said = explanations.referral_message(Referral("BE", 1, 1, "", "local"))
    assert said.startswith("1 hub in Belgium fits this need well; it comes first")


class Named:
    def __init__(self, name: str) -> None:
        self.name = name


@pytest.mark.parametrize("covered", [True, False])
def test_the_english_bundle_is_the_library_one(app, covered):
    first, second = Match("a", 0.5, 1), Match("b", 0.5, 2)

    def part(text: str, family: str, matches: list[Match]) -> MatchedPart:
        return MatchedPart(text, family, matches, [Ranked(m.id, m.score, m.rank) for m in matches])

    parts = [
        part("test sensors", "test_before_invest", [first, second] if covered else [first]),
        part("train staff", "skills_training", [first if covered else second]),
    ]
    names = {"a": "Air Lab", "b": "Skills Hub"}
    bundle = propose_bundle(parts, names)
    assert bundle.covering is covered
    with app.test_request_context("/"):
        said = explanations.bundle_summary(bundle, parts, {k: Named(v) for k, v in names.items()})
    assert said == bundle.summary


def test_a_german_page_explains_the_match_in_german(client, hubs):  # noqa: F811
    response = client.post(
        "/de/needs/", data={"text": "We need to test air quality sensors", "country": "BE"}
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<html lang="de">' in page
    offers = german("Offers %(offers)s, matching your need on %(topics)s.")
    title = german("“%(title)s” (%(family)s)") % {
        "title": "Air quality sensor testbed",
        "family": german("test before invest"),
    }
    assert title in page
    assert all(part in page for part in literal_parts(offers))
    assert "matching your need on" not in page
    assert german("same country (%(code)s)") % {"code": "BE"} in page


def test_the_api_explains_in_english_whatever_the_reader_language(client, hubs):  # noqa: F811
    response = client.post(
        "/api/v1/match",
        json={"text": "We need to test air quality sensors", "country": "BE"},
        headers={"Accept-Language": "de"},
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert any("matching your need on" in r["explanation"]["summary"] for r in results)
    assert {r["explanation"]["location"] for r in results} >= {"same country (BE)"}
