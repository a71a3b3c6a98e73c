"""Scores of every unit for a few terms: their posting lists added up where they are stored.

The index keeps one row of postings per term (``term_unit_``, terms x units, CSR). Selecting a
query's rows with ``matrix[ids]`` copies every posting before multiplying (at 100,000 services
a hub's 32 terms have 1.5 million postings: the copy was half of the cost). Here each term's
postings are scattered into the scores in place, by scipy's compiled column kernel.

That kernel (``scipy.sparse._sparsetools.csc_matvec``) is not public API; it is checked once
against the copying product, and when it is missing or disagrees that product is used.
"""

from __future__ import annotations

import functools
import logging

import numpy as np
from scipy import sparse

log = logging.getLogger(__name__)


def summed_postings(
    term_unit: sparse.csr_matrix, term_ids: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """``sum(weights[i] * term_unit[term_ids[i]])`` as a dense float32 row of unit scores."""
    kernel = _scatter_kernel()
    if kernel is None:
        return copied_postings(term_unit, term_ids, weights)
    return _scattered(kernel, term_unit, term_ids, weights)


def copied_postings(
    term_unit: sparse.csr_matrix, term_ids: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """The same sum by scipy's public API: copy the terms' rows, then multiply."""
    rows = term_unit[np.asarray(term_ids)]
    scores = rows.T @ np.asarray(weights, dtype=np.float32)
    return np.asarray(scores, dtype=np.float32).reshape(-1)


def _scattered(
    kernel: object, term_unit: sparse.csr_matrix, term_ids: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Scatter each term's postings, times its weight, into one score per unit."""
    n_units = term_unit.shape[1]
    scores = np.zeros(n_units, dtype=np.float32)
    indptr, indices = term_unit.indptr, term_unit.indices
    data = term_unit.data.astype(np.float32, copy=False)
    weight = np.zeros(1, dtype=np.float32)
    pairs = zip(np.asarray(term_ids).tolist(), np.asarray(weights).tolist(), strict=True)
    for term, value in pairs:
        weight[0] = value
        # One column whose bounds are the term's own slice of indptr: no posting is copied.
        kernel(n_units, 1, indptr[term : term + 2], indices, data, weight, scores)  # type: ignore[operator]
    return scores


@functools.cache
def _scatter_kernel() -> object | None:
    """scipy's compiled CSC matrix-vector product, if present and right on a known case."""
    try:
        from scipy.sparse import _sparsetools

        kernel = _sparsetools.csc_matvec
        rng = np.random.default_rng(0)
        probe = sparse.random(6, 40, density=0.4, format="csr", dtype=np.float32, random_state=rng)
        probe.indices = probe.indices.astype(np.int32)
        probe.indptr = probe.indptr.astype(np.int32)
        ids, weights = np.array([1, 3, 4], dtype=np.int32), np.array([0.5, 0.25, 2.0], np.float32)
        if np.allclose(
            _scattered(kernel, probe, ids, weights), copied_postings(probe, ids, weights)
        ):
            return kernel
        log.warning("matching: scipy's csc_matvec disagrees; query terms' postings are copied")
    except Exception:  # a renamed or changed private kernel: the public path still works
        log.warning("matching: scipy's csc_matvec is unavailable; query postings are copied")
    return None
