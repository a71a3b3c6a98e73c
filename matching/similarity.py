"""Hub-to-hub similarity: an organisation's vector of words, and scores of a few units only."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy import sparse


def profile_vector(
    field_matrices: Iterable[sparse.csr_matrix], start: int, stop: int, keep: int
) -> sparse.csr_matrix:
    """The normalised sum of an organisation's unit rows, cut to its ``keep`` strongest terms.

    The rows come from the unit-major field matrices (row slices are cheap, column slices of
    the term-major matrix are not), and few terms keep the posting lists to add up short.
    """
    matrices = list(field_matrices)
    spans = [(m.indptr[start], m.indptr[stop]) for m in matrices]
    ids = np.concatenate([m.indices[a:b] for m, (a, b) in zip(matrices, spans, strict=True)])
    data = np.concatenate([m.data[a:b] for m, (a, b) in zip(matrices, spans, strict=True)])
    ids, inverse = np.unique(ids, return_inverse=True)
    values = np.bincount(inverse, weights=data, minlength=len(ids)).astype(np.float32)
    if ids.size > keep:
        strongest = np.sort(np.argsort(-values, kind="stable")[:keep])
        ids, values = ids[strongest], values[strongest]
    values /= float(np.sqrt((values * values).sum())) or 1.0
    shape = (1, matrices[0].shape[1])
    return sparse.csr_matrix((values, ids.astype(np.int32), [0, len(ids)]), shape=shape)


def unit_scores_of(
    field_matrices: Iterable[sparse.csr_matrix],
    vector: sparse.csr_matrix,
    starts: np.ndarray,
    stops: np.ndarray,
) -> np.ndarray:
    """Cosine of a vector with the units in ``[starts[i], stops[i])`` only (0 for all others).

    Reads the rows of those units straight from the unit-major field matrices (numpy gathers,
    no sparse sub-matrices: building one per field was most of the cost).
    """
    matrices = list(field_matrices)
    n_units, n_terms = matrices[0].shape
    dense = np.zeros(n_terms, dtype=np.float64)
    dense[vector.indices] = vector.data
    units = spans(np.asarray(starts, dtype=np.int64), np.asarray(stops, dtype=np.int64))
    local = np.zeros(len(units), dtype=np.float64)  # summed over the few units, then scattered
    for matrix in matrices:
        first, last = matrix.indptr[units], matrix.indptr[units + 1]
        positions = spans(first, last)
        contributions = matrix.data[positions] * dense[matrix.indices[positions]]
        owners = np.repeat(np.arange(len(units)), last - first)
        local += np.bincount(owners, contributions, minlength=len(units))
    scores = np.zeros(n_units, dtype=np.float32)
    scores[units] = np.clip(local.astype(np.float32), 0.0, 1.0)
    return scores


def spans(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """Every integer of the ranges ``[starts[i], stops[i])``, in order, as one array."""
    lengths = stops - starts
    if lengths.size == 0 or not lengths.sum():
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return np.arange(int(lengths.sum()), dtype=np.int64) + shift
