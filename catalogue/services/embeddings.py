"""Embedding vectors stored with the catalogue: lookup, storage, the shipped seed, pending work."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from catalogue.models import Embedding
from matching import OrganisationRecord
from matching.semantic import MODEL_ID, Encoder, from_bytes, to_bytes
from matching.vectorstore import catalogue_passages, encode_missing, load_vectors

CHUNK = 500  # keys per IN (...) query: well below every database's parameter limit


def stored_vectors(session: Session, keys: Iterable[str]) -> dict[str, np.ndarray]:
    """Return the stored vectors of the given passage keys (absent keys are left out)."""
    wanted = sorted(set(keys))
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(wanted), CHUNK):
        statement = select(Embedding.key, Embedding.vector).where(
            Embedding.key.in_(wanted[start : start + CHUNK])
        )
        found.update((key, from_bytes(vector)) for key, vector in session.execute(statement))
    return found


def store_vectors(session: Session, model_id: str, vectors: Mapping[str, np.ndarray]) -> int:
    """Add the vectors whose key is not stored yet; return how many were added. Flushes."""
    present = set(stored_vectors(session, vectors))
    rows = [
        Embedding(key=key, model=model_id, vector=to_bytes(vector))
        for key, vector in sorted(vectors.items())
        if key not in present
    ]
    session.add_all(rows)
    session.flush()
    return len(rows)


def load_seed_vectors(session: Session, path: Path) -> int:
    """Store the shipped vectors of the seed (no encoding); return how many were new."""
    if not path.exists():
        return 0
    return store_vectors(session, MODEL_ID, load_vectors(path, MODEL_ID))


def pending_passages(
    session: Session, records: Iterable[OrganisationRecord], model_id: str
) -> dict[str, str]:
    """Return ``{key: passage}`` of the records' units that have no stored vector yet."""
    passages = catalogue_passages(records, model_id)
    known = stored_vectors(session, passages)
    return {key: text for key, text in passages.items() if key not in known}


def embed_pending(
    session: Session,
    records: Iterable[OrganisationRecord],
    encoder: Encoder,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Encode and store the vectors the records' units lack; return how many. Flushes."""
    pending = pending_passages(session, records, encoder.model_id)
    new = encode_missing(pending, {}, encoder, progress)
    return store_vectors(session, encoder.model_id, new)


def prune_vectors(session: Session, records: Iterable[OrganisationRecord], model_id: str) -> int:
    """Delete the stored vectors no unit of the records uses any more; return how many. Flushes.

    Vectors are content-addressed, so every edit of a text leaves its old vector behind.
    """
    used = set(catalogue_passages(records, model_id))
    stale = sorted(set(session.scalars(select(Embedding.key))) - used)
    for start in range(0, len(stale), CHUNK):
        session.execute(delete(Embedding).where(Embedding.key.in_(stale[start : start + CHUNK])))
    session.flush()
    return len(stale)
