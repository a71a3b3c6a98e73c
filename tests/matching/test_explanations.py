"""Explanations name the right terms, fields, families and location in plain words."""

from __future__ import annotations

from matching import MatchIndex, OrganisationRecord
from matching.geography import NEIGHBOURS, are_neighbours, describe_location


def test_matched_terms_name_the_field_they_came_from(index: MatchIndex) -> None:
    match = index.query("penetration testing")[0]
    fields = {t.field for t in match.matched_terms}
    assert "service title" in fields
    description_match = index.query("flooding")[0]
    assert description_match.id == "twin-lab"
    assert {t.field for t in description_match.matched_terms} == {"description"}


def test_matched_terms_show_the_words_of_the_need(index: MatchIndex) -> None:
    match = index.query("Schulungen zur Cybersicherheit", language="de")[0]
    terms = {t.term for t in match.matched_terms}
    assert "cybersecurity (cybersicherheit)" in terms
    assert all(t.weight > 0 for t in match.matched_terms)


def test_term_weights_add_up_to_the_unit_score(index: MatchIndex) -> None:
    match = index.query("digital twin")[0]
    total = sum(t.weight for t in match.matched_terms)
    assert abs(total - match.score) < 0.01


def test_families_come_from_matched_services(index: MatchIndex) -> None:
    match = index.query("advice on EU funding")[0]
    assert match.id == "funding-desk"
    assert match.families == ["investment_support"]


def test_summary_is_one_plain_sentence(index: MatchIndex) -> None:
    for need in ("cybersecurity training", "air pollution sensors"):
        summary = index.query(need)[0].summary
        assert summary.endswith(".") and summary.count(".") == 1
        assert "#" not in summary and "_" not in summary
    assert "Cybersecurity training for civil servants" in index.query("cyber training")[0].summary


def test_location_phrases(index: MatchIndex) -> None:
    by_id = {m.id: m for m in index.query("sensors for air quality and traffic", country="BE")}
    assert by_id["mobility-lab"].location == "same country (BE)"
    assert by_id["air-hub"].location == "neighbouring country (NL)"
    network = index.query("smart city strategy", country="BE")[0]
    assert network.location.startswith("EU-wide")


def test_describe_location_mentions_cross_border_offers() -> None:
    assert describe_location("BE", "ES") == "different country (ES)"
    assert describe_location("BE", "ES", kind="edih") == (
        "different country (ES), cross-border services offered"
    )
    assert describe_location(None, "ES") == "based in Spain (ES)"


def test_neighbour_table_is_symmetric_and_plausible() -> None:
    for country, others in NEIGHBOURS.items():
        assert country not in others
        assert all(country in NEIGHBOURS[other] for other in others)
    assert are_neighbours("DE", "PL") and are_neighbours("FI", "SE")
    assert not are_neighbours("ES", "PL")


def test_a_summary_names_each_topic_once_whatever_its_case():
    records = [
        OrganisationRecord(
            "a", "AI Hub", description="AI and ai tools: artificial intelligence for cities."
        ),
        OrganisationRecord(
            "b", "AI Lab", description="AI lab: ai and artificial intelligence research."
        ),
    ]
    summary = MatchIndex().fit(records).similar("a", limit=1)[0].summary
    words = summary.removeprefix("Works on the same topics: ").rstrip(".").replace(" and ", ", ")
    folded = [word.casefold() for word in words.split(", ")]
    assert len(folded) == len(set(folded)), summary
