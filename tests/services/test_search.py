"""Search terms: what a person's words become, and that no text breaks the database query."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.extensions import db
from catalogue.models.search import ORGANISATIONS, SEARCH_INDEXES
from catalogue.services.search import fts5_query, matching_ids, parse_search, ranked_ids


def test_words_become_terms_and_quotes_make_a_phrase():
    terms = parse_search('sensors "air quality" for  cities')
    assert terms.terms == ((("air", "quality"),), (("sensors",),), (("cities",),))
    assert terms.nearby == ()  # a phrase is not implied by the loose words side by side
    assert parse_search("air quality").nearby == ("air", "quality")


def test_an_unclosed_quote_leaves_plain_words():
    assert parse_search('air "quality').terms == ((("air",),), (("quality",),))


def test_a_word_with_non_ascii_letters_is_also_looked_for_without_them():
    assert parse_search("Füzesgyarmat").terms == ((("Füzesgyarmat",), ("Fzesgyarmat",)),)
    assert parse_search("Αθήνα").terms == ((("Αθήνα",),),)  # nothing left to look for
    assert parse_search('"Αθήνα hub"').terms == ((("Αθήνα", "hub"),),)


def test_decomposed_accents_stay_inside_their_word():
    assert parse_search("Luftqualita\u0308t").terms[0][0] == ("Luftqualität",)


def test_punctuation_and_operators_are_never_syntax():
    assert not parse_search("% _ * - ( ) ^ : \" ' \\ \x00 😀")
    query = fts5_query(parse_search("NEAR(air quality) OR name:air* AND NOT -x"))
    assert query == (
        '(("NEAR") AND ("air") AND ("quality") AND ("name") AND ("NOT") AND ("x"))'
        ' OR "NEAR air quality OR name air AND NOT x"'
    )


def test_function_words_are_left_out_unless_they_are_all_there_is():
    assert parse_search("the city of Gent").terms == ((("city",),), (("Gent",),))
    assert parse_search("the city of Gent").nearby == ("the", "city", "of", "Gent")
    assert parse_search("of the").terms == ((("of",),), (("the",),))
    assert parse_search('"of the" and').terms == ((("of", "the"),),)


@pytest.fixture
def searchable(build):
    build.organisation(name="Ghent Data Hub", description="Open data; air quality; ÆØÅ ß ﬁ.")
    build.practice(title="Ghent open data", summary="Air quality; ÆØÅ ß ﬁ.")


@settings(
    derandomize=True,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=200))
def test_any_text_is_a_valid_query_on_the_database(app, searchable, text):
    terms = parse_search(text)
    for index in SEARCH_INDEXES if terms else ():
        db.session.execute(matching_ids(db.session, index, terms)).all()
        db.session.execute(ranked_ids(db.session, index, terms)).all()
    db.session.rollback()


def test_accents_do_not_matter_in_words_with_digits_either(build):
    hub = build.organisation(name="Überlandwerk4 Lab", description="Öko2030 programme.")
    for words in ("uberlandwerk4", "Überlandwerk4", "oko2030"):
        assert list(
            db.session.scalars(matching_ids(db.session, ORGANISATIONS, parse_search(words)))
        ) == [hub.id]
