"""The embedding vectors of an index's units, in unit order, and a need's fused unit scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from matching.fusion import Fusion, fuse, similarity
from matching.records import OrganisationRecord
from matching.semantic import DIMENSION, passage_key, unit_passages

NEIGHBOUR_BLOCK = 256  # organisations whose cosines with all others are computed at once


@dataclass(frozen=True)
class SemanticUnits:
    """One row per unit (a unit-major float32 matrix); rows of units without a vector are 0.

    ``nearest`` holds, for each organisation, the ``neighbours`` organisations closest in
    meaning (by index, ascending), computed when the index is fitted, off the request path.
    """

    matrix: np.ndarray
    has_vector: np.ndarray
    org_matrix: np.ndarray  # one normalised mean vector per organisation (0 without any)
    nearest: np.ndarray  # (organisations, neighbours) int32

    @classmethod
    def build(
        cls,
        records: Sequence[OrganisationRecord],
        vectors: Mapping[str, np.ndarray],
        model_id: str,
        unit_org: np.ndarray,
        neighbours: int = 0,
    ) -> SemanticUnits:
        """Lay the vectors of the records' passages out in the index's unit order, and list
        each organisation's ``neighbours`` closest organisations."""
        keys = [
            passage_key(text, model_id) if text else ""
            for record in records
            for text in unit_passages(record)
        ]
        has_vector = np.asarray([bool(key) and key in vectors for key in keys], dtype=bool)
        if not has_vector.any():
            empty = np.zeros((0, DIMENSION), dtype=np.float32)
            return cls(empty, has_vector, empty, np.zeros((0, 0), dtype=np.int32))
        matrix = np.zeros((len(keys), DIMENSION), dtype=np.float32)
        for row in np.flatnonzero(has_vector):
            matrix[row] = vectors[keys[row]]
        org_matrix = np.zeros((len(records), DIMENSION), dtype=np.float32)
        np.add.at(org_matrix, unit_org, matrix)
        norms = np.linalg.norm(org_matrix, axis=1, keepdims=True)
        org_matrix /= np.where(norms > 0, norms, 1.0)
        return cls(matrix, has_vector, org_matrix, nearest_organisations(org_matrix, neighbours))

    @property
    def active(self) -> bool:
        """Say whether any unit has a vector."""
        return bool(self.has_vector.any())

    def neighbours(self, org: int) -> np.ndarray | None:
        """The organisations closest in meaning to ``org`` (itself excluded), by index.

        ``None`` when ``org`` has no vector. Read from the list computed at fit time.
        """
        if not self.active or not self.org_matrix[org].any():
            return None
        return self.nearest[org].astype(np.int64)

    def cosines(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of a need's (normalised) vector with every unit; 0 for units without one."""
        vector = np.asarray(query_vector, dtype=np.float32).reshape(DIMENSION)
        return self.matrix @ vector

    def fused(
        self, lexical: np.ndarray, cosines: np.ndarray, fusion: Fusion
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return the fused unit scores and their lexical part (see ``matching.fusion.fuse``)."""
        semantic = similarity(cosines, self.has_vector, fusion.sharpness)
        return fuse(lexical, semantic, self.has_vector, fusion)


def nearest_organisations(org_matrix: np.ndarray, count: int) -> np.ndarray:
    """For each row, the ``count`` other rows with the highest cosine, by index (ascending).

    Blocks of ``NEIGHBOUR_BLOCK`` rows against all rows: at 20,000 organisations (100,000
    services) about 150 billion multiply-adds, a few seconds of one core, and 20 MiB at a time.
    """
    n = len(org_matrix)
    count = min(count, n - 1)
    if count <= 0:
        return np.zeros((n, 0), dtype=np.int32)
    nearest = np.zeros((n, count), dtype=np.int32)
    for start in range(0, n, NEIGHBOUR_BLOCK):
        stop = min(start + NEIGHBOUR_BLOCK, n)
        cosines = org_matrix[start:stop] @ org_matrix.T
        cosines[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        best = np.argpartition(-cosines, count - 1, axis=1)[:, :count]
        nearest[start:stop] = np.sort(best, axis=1)
    return nearest
