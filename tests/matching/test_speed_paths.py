"""The shortcuts that keep matching fast give the answers of the slow, exhaustive way."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from scipy import sparse

from matching import MatchIndex
from matching.analysis import analyze_query
from matching.answer import NEARBY_POOL, answer_need
from matching.benchmark import synthetic_catalogue, synthetic_vectors
from matching.meaning import nearest_organisations
from matching.postings import _scatter_kernel, copied_postings, summed_postings
from matching.ranking import aggregate, aggregate_among
from matching.referral import group_by_country
from matching.similarity import spans, unit_scores_of

NEEDS = [
    "We want to test an AI tool that predicts traffic jams before we buy it",
    "Wir suchen Schulungen zur Cybersicherheit für unsere Verwaltung",
    "test air-quality sensors, train our staff and find funding",
]


@pytest.fixture(scope="module")
def records():
    """A synthetic catalogue of 40 organisations with five services each."""
    return synthetic_catalogue(200)


def test_the_neighbour_lists_are_the_brute_force_nearest_organisations():
    rng = np.random.default_rng(3)
    matrix = rng.standard_normal((300, 16)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    nearest = nearest_organisations(matrix, 50)  # 300 rows: two blocks of 256
    for row in range(len(matrix)):
        cosines = matrix @ matrix[row]
        cosines[row] = -np.inf
        assert set(nearest[row]) == set(np.argsort(-cosines)[:50]), row
        assert list(nearest[row]) == sorted(nearest[row])


def test_a_catalogue_smaller_than_the_lists_lists_every_other_organisation():
    matrix = np.eye(3, dtype=np.float32)
    assert nearest_organisations(matrix, 50).tolist() == [[1, 2], [0, 2], [0, 1]]


def test_similar_with_neighbour_lists_equals_scoring_every_unit(records):
    """Under 51 organisations every other one is a candidate: the same answer as brute force."""
    exhaustive = MatchIndex().fit(records)  # no vectors: similar() scores every unit
    listed = MatchIndex().fit(records, vectors=synthetic_vectors(records))
    assert listed.semantic_.active
    for record in records:
        slow, fast = exhaustive.similar(record.id), listed.similar(record.id)
        assert [m.id for m in fast] == [m.id for m in slow], record.id
        assert [m.score for m in fast] == pytest.approx([m.score for m in slow], abs=2e-6)
        assert [(m.summary, m.matched_terms) for m in fast] == [
            (m.summary, m.matched_terms) for m in slow
        ]


def test_candidate_unit_scores_equal_the_dense_product(records):
    index = MatchIndex().fit(records)
    total = sum(index.field_matrices_.values()).toarray()
    vector = index._query_vector(analyze_query("air quality sensors training", "en").terms)
    assert vector.nnz
    starts, stops = np.array([0, 12, 40]), np.array([6, 12, 55])
    scores = unit_scores_of(index.field_matrices_.values(), vector, starts, stops)
    units = spans(starts, stops)
    assert units.tolist() == [*range(0, 6), *range(40, 55)]
    expected = np.zeros(len(total), dtype=np.float32)
    expected[units] = np.clip(total[units] @ vector.toarray().ravel(), 0, 1)
    assert scores.any() and scores == pytest.approx(expected, abs=1e-6)


def test_summed_postings_equal_the_product_of_the_copied_rows():
    rng = np.random.default_rng(11)
    matrix = sparse.random(50, 400, density=0.2, format="csr", dtype=np.float32, random_state=rng)
    for ids in ([0], [3, 7, 49], list(range(0, 50, 2)), []):
        term_ids = np.asarray(ids, dtype=np.int32)
        weights = rng.random(len(ids)).astype(np.float32)
        expected = (matrix.toarray()[term_ids].T @ weights) if ids else np.zeros(400)
        summed = summed_postings(matrix, term_ids, weights)
        assert summed.dtype == np.float32 and summed.shape == (400,)
        assert summed == pytest.approx(expected, abs=1e-5)
        assert summed.tolist() == copied_postings(matrix, term_ids, weights).tolist()


def test_postings_are_scattered_in_place_on_the_installed_scipy():
    """The compiled kernel is found: without it every query copies its terms' postings
    (twice the cost of similar() at 100,000 services), silently."""
    assert _scatter_kernel() is not None


def test_unit_scores_of_a_query_equal_the_dense_product(records):
    index = MatchIndex().fit(records)
    total = sum(index.field_matrices_.values()).toarray()
    vector = index._query_vector(analyze_query("smart city data platform training", "en").terms)
    assert vector.nnz
    expected = np.clip(total @ vector.toarray().ravel(), 0, 1)
    scores = index._unit_scores(vector)
    assert scores.any() and scores == pytest.approx(expected, abs=1e-6)


def test_aggregating_the_candidates_only_equals_aggregating_every_unit():
    rng = np.random.default_rng(5)
    sizes = rng.integers(1, 5, size=30)  # organisations of one to four units
    org_start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(30), sizes)
    for orgs in ([0, 29], [3, 4, 17], list(range(30)), []):
        unit_scores = rng.random(int(sizes.sum())).astype(np.float32)
        unit_scores[~np.isin(owner, orgs)] = 0.0  # as similar() leaves the other units
        some = aggregate_among(unit_scores, org_start, np.asarray(orgs, dtype=np.int64))
        assert some.dtype == np.float32
        assert some.tolist() == aggregate(unit_scores, owner, 30).tolist(), orgs


def test_explaining_part_of_a_ranking_gives_the_matches_query_gives(records):
    index = MatchIndex().fit(records)
    for need in NEEDS:
        ranking = index.rank(need, country="BE", limit=20)
        assert index.query(need, country="BE", limit=20) == ranking.explain_all()
        kept = [replace(item, rank=rank) for rank, item in enumerate(ranking.ranked[5::3], 1)]
        explained = ranking.explain(kept)
        everything = {m.id: m for m in ranking.explain_all()}
        assert explained == [replace(everything[m.id], rank=m.rank) for m in explained]
        assert [m.score for m in ranking.explain_all()] == [r.score for r in ranking]


def test_an_answer_explains_the_same_matches_as_explaining_its_whole_pool(records):
    index = MatchIndex().fit(records)
    for need in NEEDS:
        pool = index.query(need, country="FR", limit=NEARBY_POOL)
        expected, referral = group_by_country(index, pool, "FR", 10)
        answer = answer_need(index, need, country="FR")
        assert answer.matches == expected and answer.referral == referral
