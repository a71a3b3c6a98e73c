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
    units: np.ndarray,
    n_units: int,
) -> np.ndarray:
    """Cosine of a vector with some units only (0 for all others), from the field matrices."""
    scores = np.zeros(n_units, dtype=np.float32)
    units = np.asarray(units, dtype=np.int64)
    column = vector.T.tocsr()
    for matrix in field_matrices:
        scores[units] += (matrix[units] @ column).toarray().ravel()
    return np.clip(scores, 0.0, 1.0)
