"""The answer to a need: country grouping, referral, family filters, advice and bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue.seeded import seeded_catalogue
from matching import MatchIndex, ServiceRecord
from matching.advice import NO_GOOD_FIT
from matching.analysis import analyze
from matching.answer import answer_need
from matching.filters import Filters
from matching.referral import fits_well
from matching.vocabulary import FAMILIES, NEIGHBOURS
from tests.matching.factories import make_record

ROOT = Path(__file__).resolve().parents[2]
FAMILY_CONCEPT = {
    "test_before_invest": "#testing",
    "skills_training": "#training",
    "investment_support": "#funding",
    "ecosystem_networking": "#networking",
}


@pytest.fixture(scope="module")
def seed_index() -> MatchIndex:
    """The seed catalogue, fitted as the app fits it (words only)."""
    return MatchIndex().fit(list(seeded_catalogue(ROOT / "seed_data").records))


@pytest.fixture(scope="module")
def devset() -> dict[str, dict]:
    needs = json.loads((ROOT / "matching/devset/needs.json").read_text(encoding="utf-8"))["needs"]
    return {need["id"]: need for need in needs}


def _country(index: MatchIndex, record_id: str) -> str | None:
    return index.records_[index.record_index_[record_id]].country


@pytest.fixture(scope="module")
def sensing() -> MatchIndex:
    """Air-quality sensing hubs: strongest in Spain, good in Germany, fair in Belgium."""
    text = "air quality sensors pollution monitoring for cities"
    return MatchIndex().fit(
        [
            make_record("es-air", "Spanish Air Lab", country="ES", description=f"{text} {text}"),
            make_record("de-air", "German Air Lab", country="DE", description=text),
            make_record("be-air", "Belgian Lab", country="BE", description=f"{text} and robots"),
            make_record("mt-bots", "Maltese Robots", country="MT", description="welding robots"),
            make_record("pt-soil", "Soil Lab", country="PT", description="soil sensors farming"),
        ]
    )


def test_the_citys_fitting_hubs_come_first_then_neighbours_then_elsewhere(sensing) -> None:
    anywhere = answer_need(sensing, "air quality sensors", limit=3)
    assert anywhere.referral is None
    answer = answer_need(sensing, "air quality sensors", country="BE", limit=5)
    order = [match.id for match in answer.matches]
    assert order[:3] == ["be-air", "de-air", "es-air"]
    assert [match.rank for match in answer.matches] == list(range(1, len(order) + 1))
    assert answer.referral.local_results == 1
    assert answer.referral.nearby == 2
    assert "1 hub in Belgium fits this need well" in answer.referral.message


def test_none_fitting_in_the_country_gives_a_referral_to_hubs_elsewhere(sensing) -> None:
    answer = answer_need(sensing, "air quality sensors", country="MT")
    assert answer.referral.local_results == 0
    assert answer.referral.message == (
        "No hub in Malta fits this need well; these hubs elsewhere in Europe do."
    )
    assert {match.id for match in answer.matches[:3]} == {"es-air", "de-air", "be-air"}
    scores = [match.score for match in answer.matches]
    assert scores == sorted(scores, reverse=True), "no country to prefer: best first"


@pytest.mark.parametrize(
    ("need_id", "country"), [("mt-01", "MT"), ("lt-01", "LT"), ("en-50", "MT")]
)
def test_seed_needs_of_a_country_without_a_fitting_hub_are_referred(
    seed_index, devset, need_id, country
) -> None:
    text = devset[need_id]["text"]
    answer = answer_need(seed_index, text, country=country, language=devset[need_id]["language"])
    assert answer.matches, "a referral shows the best hubs elsewhere"
    best = max(match.score for match in answer.matches)
    local = [m for m in answer.matches if _country(seed_index, m.id) == country]
    assert not any(fits_well(m.score, best) for m in local)
    assert answer.referral.local_results == 0
    assert answer.referral.message.startswith("No hub in ")
    assert "elsewhere in Europe" in answer.referral.message


@pytest.mark.parametrize("country", ["BE", "DE", "ES", "IT", "FI", "LT"])
def test_seed_fitting_nearby_hubs_precede_every_hub_elsewhere(seed_index, country) -> None:
    text = "We want to test air quality sensors and an open data platform for our city"
    answer = answer_need(seed_index, text, country=country, limit=20)
    nearby = {country, *NEIGHBOURS[country]}
    places = [_country(seed_index, m.id) in nearby for m in answer.matches]
    first = places[: answer.referral.nearby]
    assert all(first)
    best = max(match.score for match in answer.matches)
    after = answer.matches[answer.referral.nearby :]
    assert not any(_country(seed_index, m.id) in nearby and fits_well(m.score, best) for m in after)


def _offers(index: MatchIndex, record_id: str, family: str) -> bool:
    """Checked apart from the engine: a service of the family, or the family's words."""
    record = index.records_[index.record_index_[record_id]]
    if any(service.family == family for service in record.services):
        return True
    return FAMILY_CONCEPT[family] in analyze(
        record.description, index.record_language_[index.record_index_[record_id]]
    )


@pytest.mark.parametrize("family", FAMILIES)
def test_with_a_family_filter_no_result_lacks_that_family(seed_index, devset, family) -> None:
    filters = Filters(families=(family,))
    shown = 0
    for need in list(devset.values())[::6]:
        answer = answer_need(
            seed_index, need["text"], language=need["language"], filters=filters, limit=10
        )
        shown += len(answer.matches)
        assert all(_offers(seed_index, m.id, family) for m in answer.matches), need["id"]
    assert shown > 0


def test_a_family_filter_removes_hubs_a_preference_keeps(seed_index) -> None:
    text = "test air-quality sensors before buying a city-wide network, and train our staff"
    preferred = answer_need(seed_index, text, families=["skills_training"], limit=40)
    lacking = [m.id for m in preferred.matches if not _offers(seed_index, m.id, "skills_training")]
    assert lacking, "the preference alone keeps hubs without training"
    only = Filters(families=("skills_training",))
    filtered = answer_need(seed_index, text, filters=only, limit=40)
    assert filtered.matches and not {m.id for m in filtered.matches} & set(lacking)


def test_country_and_kind_filters_keep_only_what_they_name(seed_index) -> None:
    text = "artificial intelligence for public administration"
    answer = answer_need(seed_index, text, filters=Filters(countries=("DE", "AT"), kinds=("dih",)))
    assert answer.matches
    for match in answer.matches:
        record = seed_index.records_[seed_index.record_index_[match.id]]
        assert record.country in {"DE", "AT"} and record.kind == "dih"


def test_filters_that_leave_no_fitting_hub_are_named_as_the_reason(sensing) -> None:
    """Air-quality hubs fit well, but none is in Malta: the advice blames the filter, not the
    words; where nothing fits with or without filters, the usual advice stays."""
    text = "air quality sensors pollution monitoring"
    answer = answer_need(sensing, text, filters=Filters(countries=("MT",)))
    assert not [m for m in answer.matches if fits_well(m)]
    assert answer.advice is not None
    assert answer.advice.message.startswith("No organisation that meets your filters fits")
    unfiltered = answer_need(sensing, text)
    assert unfiltered.advice is None
    nothing = answer_need(sensing, "submarine cheese logistics", filters=Filters(countries=("MT",)))
    assert nothing.advice is not None and "filters" not in nothing.advice.message


def test_filters_refuse_unknown_families_and_bad_countries() -> None:
    with pytest.raises(ValueError, match="unknown family 'coffee'"):
        Filters(families=("coffee",))
    with pytest.raises(ValueError, match="ISO 3166-1"):
        Filters(countries=("Belgium",))


@pytest.mark.parametrize(
    "text", ["help", "We need digital stuff for the city", "Wir brauchen Hilfe für die Stadt"]
)
def test_a_vague_need_gets_advice_with_examples(seed_index, text) -> None:
    advice = answer_need(seed_index, text).advice
    assert advice is not None
    assert "the technology" in advice.missing and "the kind of help" in advice.missing
    assert "such as sensors" in advice.message and "training staff" in advice.message


def test_advice_names_only_what_the_need_lacks(seed_index) -> None:
    advice = answer_need(seed_index, "help with sensors").advice
    assert advice is not None
    assert "the technology" not in advice.missing
    assert "the domain" in advice.missing


@pytest.mark.parametrize(
    "text",
    [
        "We want to test air quality sensors before buying them for the whole city",
        "Wir möchten Luftqualitätssensoren testen, bevor wir sie für die ganze Stadt kaufen",
    ],
)
def test_a_clear_need_gets_no_advice(seed_index, text) -> None:
    assert answer_need(seed_index, text).advice is None


@pytest.fixture(scope="module")
def providers() -> MatchIndex:
    """Hubs for cybersecurity: one tests and trains, one funds, one does all three."""
    return MatchIndex().fit(
        [
            make_record(
                "academy", "Cyber Academy", country="DE",
                services=(
                    ServiceRecord("a-test", "Penetration testing of municipal IT systems",
                                  "test_before_invest", description="cybersecurity tests"),
                    ServiceRecord("a-train", "Cybersecurity training for civil servants",
                                  "skills_training", description="phishing courses for staff"),
                ),
            ),
            make_record(
                "desk", "Funding Desk", country="FR",
                services=(
                    ServiceRecord("d-fund", "EU funding advice for cybersecurity projects",
                                  "investment_support", description="grants for municipal IT"),
                ),
            ),
            make_record("robots", "Robot Lab", country="IT", description="welding robots"),
        ]
    )  # fmt: skip


THREE_PARTS = (
    "We want to test the cybersecurity of our municipal IT systems, train our staff against "
    "phishing and find EU funding for the project."
)


def test_a_three_part_need_is_split_and_bundled_one_hub_per_part(providers) -> None:
    answer = answer_need(providers, THREE_PARTS)
    assert [part.family for part in answer.parts] == [
        "test_before_invest",
        "skills_training",
        "investment_support",
    ]
    assert answer.parts[1].text == "train our staff against phishing"
    best = {part.family: part.best[0].id for part in answer.parts}
    assert best == {
        "test_before_invest": "academy",
        "skills_training": "academy",
        "investment_support": "desk",
    }
    assert answer.bundle.organisations == ["academy", "desk"]
    assert answer.bundle.summary == (
        "Cyber Academy for test before invest, Cyber Academy for skills and training and "
        "Funding Desk for support to find investments."
    )


def test_a_hub_covering_every_part_is_proposed_alone(providers) -> None:
    answer = answer_need(providers, "We want to test our IT security and train our staff on it.")
    assert [part.family for part in answer.parts] == ["test_before_invest", "skills_training"]
    assert answer.bundle.organisations == ["academy"]
    assert answer.bundle.summary.startswith("Cyber Academy covers every part of your need")


def test_a_need_of_one_kind_has_no_parts(providers) -> None:
    answer = answer_need(providers, "test the cybersecurity of our municipal IT systems")
    assert answer.parts == [] and answer.bundle is None


def test_the_seed_three_part_needs_are_bundled_across_languages(seed_index, devset) -> None:
    for need_id in ("en-50", "fr-07"):
        need = devset[need_id]
        answer = answer_need(seed_index, need["text"], language=need["language"])
        families = [part.family for part in answer.parts]
        assert families[0] == "test_before_invest", need_id
        assert set(families) <= set(need["parts"]) and len(families) >= 2, need_id
        for part in answer.parts:
            assert all(_offers(seed_index, m.id, part.family) for m in part.best), need_id
        covered = {
            family
            for org in answer.bundle.organisations
            for family in families
            if _offers(seed_index, org, family)
        }
        assert covered == set(families), need_id


def test_the_devsets_needs_in_the_concept_languages_get_no_advice(seed_index, devset) -> None:
    # Every need of the set says what it wants; where the catalogue has a hub that fits it well
    # (graded 2), the answer must not call it vague. Needs on a gap of the catalogue (no hub
    # graded 2, such as parking) may be told that nothing fits well, never that they are vague.
    readable = {"en", "de", "fr", "nl", "es", "it", "pl", "fi", "hu", "pt", "sv"}
    advised, vague = [], []
    for need in devset.values():
        if need["language"] not in readable:
            continue
        advice = answer_need(seed_index, need["text"], language=need["language"]).advice
        if advice is None:
            continue
        if 2 in need["relevance"].values():
            advised.append(need["id"])
        if advice.reason != NO_GOOD_FIT:
            vague.append(need["id"])
    assert advised == []
    assert vague == []
