"""Content-addressed vector files (npz, float16): shipped seed vectors, cached need vectors."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np

from matching.records import OrganisationRecord
from matching.semantic import DIMENSION, Encoder, passage_key, unit_passages

BATCH = 16
SEED_VECTORS_FILE = "vectors-e5-small.npz"  # beside the seed's interchange files


def load_vectors(path: Path, model_id: str) -> dict[str, np.ndarray]:
    """Read a vector file into ``{key: float32 vector}``; empty when it was made by another model.

    Raises ``ValueError`` for a file that is not a vector file of this format.
    """
    with np.load(Path(path), allow_pickle=False) as data:
        if {"model", "keys", "vectors"} - set(data.files):
            raise ValueError(f"{path}: not a vector file (needs model, keys and vectors)")
        if str(data["model"]) != model_id:
            return {}
        keys, vectors = data["keys"], data["vectors"]
    if vectors.shape != (len(keys), DIMENSION):
        raise ValueError(f"{path}: vectors of shape {vectors.shape}, expected ({len(keys)}, 384)")
    return {str(key): vector.astype(np.float32) for key, vector in zip(keys, vectors, strict=True)}


def save_vectors(path: Path, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
    """Write vectors sorted by key as float16, so the same vectors give the same bytes."""
    keys = sorted(vectors)
    matrix = np.asarray([vectors[k] for k in keys], dtype="<f2").reshape(len(keys), DIMENSION)
    with Path(path).open("wb") as file:
        np.savez_compressed(file, model=np.str_(model_id), keys=np.asarray(keys), vectors=matrix)


def catalogue_passages(records: Iterable[OrganisationRecord], model_id: str) -> dict[str, str]:
    """Return ``{key: passage}`` of every unit of the records (each distinct text once)."""
    passages: dict[str, str] = {}
    for record in records:
        for text in unit_passages(record):
            if text:
                passages.setdefault(passage_key(text, model_id), text)
    return passages


def encode_missing(
    passages: Mapping[str, str],
    known: Mapping[str, np.ndarray],
    encoder: Encoder,
    progress: Callable[[int], None] | None = None,
) -> dict[str, np.ndarray]:
    """Encode the passages whose key has no vector yet, in batches; return only the new vectors."""
    missing = sorted(key for key in passages if key not in known)
    new: dict[str, np.ndarray] = {}
    for start in range(0, len(missing), BATCH):
        keys = missing[start : start + BATCH]
        for key, vector in zip(keys, encoder.passages([passages[k] for k in keys]), strict=True):
            new[key] = vector
        if progress is not None:
            progress(len(keys))
    return new
