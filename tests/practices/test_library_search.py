"""The practice library's full-text search: stemmed, every word, phrases, accents, relevance."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import delete, select, text

from catalogue.extensions import db
from catalogue.models import Tag, practice_search
from catalogue.models.search import PRACTICES
from catalogue.services.search import matching_ids, parse_search
from tests.public.conftest import visible_text


@pytest.fixture
def library(build):
    """Five published practices and a draft; the words are chosen so each test's answer is
    known: "sensor" is in one title and two summaries, "ledger" in one title."""
    tag = build.tag
    alpha = build.practice(
        title="Alpha air monitoring",
        summary="Low-cost sensor boxes on lampposts measure air quality and road traffic.",
        country="NL",
        city="Utrecht",
        deployment_status="pilot",
        government_level="local",
        lead_organisation="Gemeente Utrecht",
    )
    alpha.tags = [tag("technology", "Internet of Things"), tag("sector", "Environment")]
    build.practice(
        title="Zeta sensor network",
        summary="The region counts cyclists.",
        country="BE",
        deployment_status="in_use",
        government_level="regional",
    ).tags = [tag("technology", "Internet of Things")]
    build.practice(
        title="Luftqualität in Köln",
        summary="Die Stadt misst die Luft; traffic sensor data on a public ledger.",
        country="DE",
    )
    build.practice(title="Diploma ledger", summary="Degrees on a blockchain.", country="SE")
    build.practice(title="Poetry in libraries", summary="Verse readings.", country="NL")
    build.practice(title="Draft sensor case", summary="Sensors.", status="draft")
    build.session.commit()
    return alpha


def titles(client, query: str) -> list[str]:
    """The titles the practice list shows for a query string, in order."""
    response = client.get(f"/practices/?{query}")
    assert response.status_code == 200
    return re.findall(r"<h3><a [^>]+>([^<]+)</a>", response.get_data(as_text=True))


def found(words: str) -> set[str]:
    """The titles of practices (any status) whose indexed text matches ``words``."""
    ids = matching_ids(db.session, PRACTICES, parse_search(words))
    rows = db.session.execute(
        select(practice_search.c.title).where(practice_search.c.practice_id.in_(ids))
    )
    return set(rows.scalars())


def test_words_are_stemmed(client, library):
    assert set(titles(client, "q=sensors")) == {
        "Alpha air monitoring",
        "Zeta sensor network",
        "Luftqualität in Köln",
    }
    assert titles(client, "q=measuring") == ["Alpha air monitoring"]  # "measure"


def test_every_word_must_match(client, library):
    assert titles(client, "q=sensor+ledger") == ["Luftqualität in Köln"]
    assert titles(client, "q=ledger") == ["Diploma ledger", "Luftqualität in Köln"]
    assert titles(client, "q=ledger+poetry") == []


def test_a_quoted_phrase_must_appear_as_written(client, library):
    assert titles(client, 'q="traffic+sensor"') == ["Luftqualität in Köln"]
    # Alpha has both words, apart ("sensor boxes ... road traffic").
    assert set(titles(client, "q=traffic+sensor")) == {
        "Luftqualität in Köln",
        "Alpha air monitoring",
    }


def test_case_and_accents_do_not_matter(client, library):
    for words in ("luftqualitat", "LUFTQUALITÄT", "koln", "Köln"):
        assert titles(client, f"q={words}") == ["Luftqualität in Köln"], words


def test_place_labels_status_level_and_lead_organisation_are_searched(client, library):
    assert titles(client, "q=Netherlands+utrecht") == ["Alpha air monitoring"]
    assert titles(client, "q=Belgium") == ["Zeta sensor network"]
    assert set(titles(client, "q=internet+of+things")) == {
        "Alpha air monitoring",
        "Zeta sensor network",
    }
    assert titles(client, "q=pilot+local") == ["Alpha air monitoring"]
    assert titles(client, "q=regional") == ["Zeta sensor network"]
    assert titles(client, "q=gemeente") == ["Alpha air monitoring"]


def test_a_title_match_ranks_above_a_summary_match(client, library):
    # By title Alpha would come first; by relevance the title match "Zeta sensor network" does.
    ranked = titles(client, "q=sensor")
    assert ranked[0] == "Zeta sensor network"
    assert ranked.index("Zeta sensor network") < ranked.index("Alpha air monitoring")
    assert titles(client, "q=sensor&sort=title") == [
        "Alpha air monitoring",
        "Luftqualität in Köln",
        "Zeta sensor network",
    ]
    assert titles(client, "sort=title") == titles(client, "") == titles(client, "sort=relevance")


def test_the_sort_control_offers_relevance_with_search_words_only(client, library):
    with_words = client.get("/practices/?q=sensor").get_data(as_text=True)
    assert '<option selected value="relevance">Relevance</option>' in with_words
    without = client.get("/practices/").get_data(as_text=True)
    assert 'value="relevance"' not in without
    assert '<option selected value="title">Title</option>' in without
    # A new search keeps the order chosen.
    chosen = client.get("/practices/?q=sensor&sort=title").get_data(as_text=True)
    assert '<input type="hidden" name="sort" value="title">' in chosen


def test_the_draft_is_never_found(client, library):
    assert "Draft sensor case" not in titles(client, "q=sensors")


def test_punctuation_only_finds_nothing_and_operators_are_plain(client, library):
    assert titles(client, "q=%2A%2A") == []
    assert titles(client, "q=sensor+OR+poetry") == []  # "or" is a function word: sensor AND poetry
    assert titles(client, "q=-sensor") == titles(client, "q=sensor")


def test_facet_counts_agree_with_the_search(client, library):
    page = visible_text(client.get("/practices/?q=sensor"))
    assert "3 published cases match your search" in page
    assert "Netherlands (1)" in page and "Belgium (1)" in page and "Germany (1)" in page
    assert "Sweden (" not in page
    assert "Internet of Things (2)" in page
    narrowed = visible_text(client.get("/practices/?q=sensor&technology=Internet+of+Things"))
    assert "2 published cases match your search" in narrowed
    # The country facet counts within the search and the technology selection.
    assert "Netherlands (1)" in narrowed and "Belgium (1)" in narrowed
    assert "Germany (" not in narrowed


@pytest.mark.parametrize(
    "query, problem",
    [
        ("q=" + "x" * 201, "is 201 characters long; the limit is 200"),
        ("q=sen%00sor", "must not contain the NUL character (%00)"),
        ("sort=newest", "must be one of relevance, title"),
    ],
)
def test_bad_search_input_gets_a_400_naming_it(client, library, query, problem):
    name = query.split("=")[0]
    response = client.get(f"/practices/?{query}", headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.json["error"]["fields"] == {name: problem}
    page = visible_text(client.get(f"/practices/?{query}"))
    assert f"Parameter “{name}”: {problem}" in page


def test_edits_reach_the_index(library, build):
    library.title = "Omega noise maps"
    db.session.commit()
    assert found("omega") == {"Omega noise maps"} and found("alpha") == set()
    db.session.scalar(select(Tag).where(Tag.label == "Environment")).label = "Climate"
    db.session.commit()
    assert found("climate") == {"Omega noise maps"} and found("environment") == set()
    db.session.delete(library)
    db.session.commit()
    assert found("omega") == set()
    _assert_fts5_is_consistent()


def test_reindex_search_rebuilds_the_practices_too(runner, library):
    db.session.execute(delete(practice_search))
    db.session.commit()
    assert found("ledger") == set()
    result = runner.invoke(args=["reindex-search"])
    assert result.exit_code == 0, result.output
    assert result.output == "search index rebuilt: 0 organisations, 6 practices\n"
    assert found("ledger") == {"Diploma ledger", "Luftqualität in Köln"}
    _assert_fts5_is_consistent()


def test_a_practice_row_holds_title_place_labels_summary_and_lead(library):
    row = db.session.execute(
        select(practice_search).where(practice_search.c.practice_id == library.id)
    ).one()
    assert row.title == "Alpha air monitoring"
    assert row.labels == "Utrecht Netherlands NL Pilot Local Environment Internet of Things"
    assert row.body.startswith("Low-cost sensor boxes")
    assert row.organisation == "Gemeente Utrecht"


def _assert_fts5_is_consistent() -> None:
    if db.engine.dialect.name == "sqlite":
        check = "INSERT INTO practice_search_fts(practice_search_fts, rank) VALUES (:c, 1)"
        db.session.execute(text(check), {"c": "integrity-check"})
