"""The embedding vectors of an index's units, in unit order, and a need's fused unit scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from matching.fusion import Fusion, fuse, similarity
from matching.records import Record
from matching.semantic import DIMENSION, passage_key, unit_passages


@dataclass(frozen=True)
class SemanticUnits:
    """One row per unit (a unit-major float32 matrix); rows of units without a vector are 0."""

    matrix: np.ndarray
    has_vector: np.ndarray

    @classmethod
    def build(
        cls, records: Sequence[Record], vectors: Mapping[str, np.ndarray], model_id: str
    ) -> SemanticUnits:
        """Lay the vectors of the records' passages out in the index's unit order."""
        keys = [passage_key(text, model_id) for record in records for text in unit_passages(record)]
        has_vector = np.asarray([key in vectors for key in keys], dtype=bool)
        if not has_vector.any():
            return cls(np.zeros((0, DIMENSION), dtype=np.float32), has_vector)
        matrix = np.zeros((len(keys), DIMENSION), dtype=np.float32)
        for row in np.flatnonzero(has_vector):
            matrix[row] = vectors[keys[row]]
        return cls(matrix, has_vector)

    @property
    def active(self) -> bool:
        """Say whether any unit has a vector."""
        return bool(self.has_vector.any())

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
