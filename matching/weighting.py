"""Weighted TF-IDF fields of units, pivoted length normalisation across profiles and services."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy import sparse


def _norms(matrix: sparse.csr_matrix) -> np.ndarray:
    """The L2 norm of each row."""
    return np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())


def weighted_fields(
    raw: Mapping[str, sparse.csr_matrix], weights: Mapping[str, float], slope: float
) -> dict[str, sparse.csr_matrix]:
    """Turn raw TF-IDF field matrices (units x terms) into the weighted parts of unit vectors.

    A unit is the weighted sum of its fields, divided by its pivoted length
    ``(1 - slope) x pivot + slope x norm`` (Singhal et al., 1996), the pivot being the mean
    length of all units. With ``slope`` 1 that is the plain cosine, which lets a two-word
    service title outscore a profile that says much more of the need; below 1 short units
    lose that edge. Profiles and services are measured alike: the same text scores the same
    in either, and splitting a profile into service entries gains nothing.
    """
    weighted = {name: (matrix * np.float32(weights[name])).tocsr() for name, matrix in raw.items()}
    total = sum(weighted.values(), sparse.csr_matrix(next(iter(raw.values())).shape))
    norms = _norms(sparse.csr_matrix(total))
    pivot = float(norms[norms > 0].mean()) if (norms > 0).any() else 1.0
    length = (1.0 - slope) * pivot + slope * norms
    factor = sparse.diags(np.where(norms > 0, 1.0 / np.maximum(length, 1e-12), 0.0))
    parts = {}
    for name, matrix in weighted.items():
        parts[name] = (factor.astype(np.float32) @ matrix).astype(np.float32).tocsr()
        parts[name].sort_indices()
    return parts
