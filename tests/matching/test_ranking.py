"""Behaviour of the ranking: relevance, field weights, aggregation and preferences."""

from __future__ import annotations

import pytest

from matching import MatchIndex, OrganisationRecord, ServiceRecord
from tests.matching.factories import make_record


def ids(matches: list) -> list[str]:
    """Return the ids of matches in rank order."""
    return [match.id for match in matches]


def test_most_relevant_hub_ranks_first(index: MatchIndex) -> None:
    assert ids(index.query("We need sensors to measure air pollution"))[0] == "air-hub"
    assert ids(index.query("telemedicine for our hospitals"))[0] == "health-hub"


def test_ranks_are_consecutive_and_scores_sorted(index: MatchIndex) -> None:
    matches = index.query("training on artificial intelligence and cybersecurity", limit=5)
    assert [m.rank for m in matches] == list(range(1, len(matches) + 1))
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)


def test_unrelated_need_returns_nothing(index: MatchIndex) -> None:
    assert index.query("zzqx wvvb") == []


def test_limit_is_respected(index: MatchIndex) -> None:
    assert len(index.query("digital city services for citizens", limit=2)) <= 2


def test_service_title_weighs_more_than_description() -> None:
    titled = make_record("b-titled", services=(
        ServiceRecord("s1", "Drone inspection", "test_before_invest", description="Flights."),
    ))  # fmt: skip
    described = make_record("a-described", services=(
        ServiceRecord("s2", "Inspection flights", "test_before_invest",
                      description="Flights with a drone, cameras, batteries, pilots and reports."),
    ))  # fmt: skip
    matches = MatchIndex().fit([titled, described]).query("drone")
    assert ids(matches) == ["b-titled", "a-described"]


def test_field_weight_parameter_changes_the_order() -> None:
    by_name = make_record("a", name="Robotics Centre", description="A regional centre.")
    by_text = make_record("b", name="Regional Centre", description="Robotics and automation.")
    names_first = MatchIndex(field_weights={"name": 3.0}).fit([by_name, by_text])
    names_last = MatchIndex(field_weights={"name": 0.1}).fit([by_name, by_text])
    assert ids(names_first.query("robotics"))[0] == "a"
    assert ids(names_last.query("robotics"))[0] == "b"


def test_organisation_without_services_is_matched_on_its_description(index: MatchIndex) -> None:
    match = index.query("digital twin to simulate floods")[0]
    assert match.id == "twin-lab"
    assert match.services == []


def test_services_aggregate_to_their_organisation(index: MatchIndex) -> None:
    match = index.query("penetration testing and cybersecurity courses for civil servants")[0]
    assert match.id == "cyber-academy"
    assert {s.id for s in match.services} == {"cyber-training", "cyber-test"}
    assert 0 < match.services[-1].score <= match.services[0].score <= 1


def test_family_preference_boosts_but_never_filters(index: MatchIndex) -> None:
    need = "cybersecurity for our administration"
    plain = {m.id: m for m in index.query(need)}
    preferred = {m.id: m for m in index.query(need, families=["investment_support"])}
    assert set(plain) == set(preferred)
    training = index.query("cybersecurity", families=["skills_training"])[0]
    testing = index.query("cybersecurity", families=["test_before_invest"])[0]
    assert training.services[0].family == "skills_training"
    assert testing.services[0].family == "test_before_invest"


def test_country_preference_breaks_close_calls_only() -> None:
    weaker = "Sensors for parking, street lighting, waste bins, roads and bridges."
    here = make_record("b-here", country="BE", description=weaker)
    there = make_record("a-there", country="PL", description=weaker)
    far_better = make_record("c-best", country="PT", description="Parking sensors.")
    fitted = MatchIndex().fit([here, there, far_better])
    assert ids(fitted.query("parking sensors", country="BE"))[:2] == ["c-best", "b-here"]
    assert ids(fitted.query("parking sensors", country="PL"))[:2] == ["c-best", "a-there"]
    assert len(fitted.query("parking sensors", country="BE")) == 3


def test_neighbours_come_before_distant_countries() -> None:
    records = [
        make_record(c, country=c, description="Smart lighting pilots.") for c in ["NL", "ES"]
    ]
    assert ids(MatchIndex().fit(records).query("smart lighting", country="BE")) == ["NL", "ES"]


def test_similar_finds_related_hubs_but_not_itself(index: MatchIndex) -> None:
    similar = index.similar("mobility-lab", limit=3)
    assert "mobility-lab" not in ids(similar)
    with pytest.raises(ValueError, match="unknown record"):
        index.similar("nope")


def test_validation_errors_are_clear(index: MatchIndex) -> None:
    for bad in ("", "   \n\t"):
        with pytest.raises(ValueError, match="text"):
            index.query(bad)
    with pytest.raises(ValueError, match="family"):
        index.query("data", families=["training"])
    with pytest.raises(ValueError, match="country"):
        index.query("data", country="Belgium")
    with pytest.raises(ValueError, match="limit"):
        index.query("data", limit=0)
    with pytest.raises(ValueError, match="language"):
        index.query("data", language="german")


def test_fit_rejects_duplicates_and_empty_catalogues() -> None:
    with pytest.raises(ValueError, match="duplicate record"):
        MatchIndex().fit([make_record("a"), make_record("a")])
    with pytest.raises(ValueError, match="empty"):
        MatchIndex().fit([])
    with pytest.raises(ValueError, match="field"):
        MatchIndex(field_weights={"title": 1.0}).fit([make_record("a")])


def test_records_validate_their_own_fields() -> None:
    with pytest.raises(ValueError, match="family"):
        ServiceRecord("s", "Title", "training")
    with pytest.raises(ValueError, match="country"):
        OrganisationRecord("r", "Name", country="Belgium")


def test_query_does_not_change_learned_state(index: MatchIndex) -> None:
    before = (index.term_unit_.data.copy(), dict(index.vectorizer_.vocabulary_))
    index.query("brand new words like quokka and flibbertigibbet", country="BE")
    index.similar("air-hub")
    assert (index.term_unit_.data == before[0]).all()
    assert index.vectorizer_.vocabulary_ == before[1]
