"""One matching index per process, refitted in a background thread when what it reads changed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from catalogue.models import current_index_revision
from catalogue.models.revision import QUIET_INDEX
from catalogue.services import long_lived
from catalogue.services.embeddings import pending_passages, store_vectors, stored_vectors
from catalogue.services.hub_matching import published_records
from matching import MatchIndex
from matching.semantic import Encoder, default_encoder
from matching.vectorstore import catalogue_passages, encode_missing

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexSettings:
    """How the holder refits: the embedding, how long a request waits, what it encodes itself."""

    embedding: bool = True
    refit_wait: float = 1.0  # seconds a request that saw a change waits for the fresh index
    # More new passages than this are left to `flask embed-pending`; 0: the worker encodes none.
    encode_limit: int = 20

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> IndexSettings:
        """The settings an app's ``MATCH_*`` configuration asks for."""
        return cls(
            embedding=config["MATCH_EMBEDDING"],
            refit_wait=config["MATCH_REFIT_WAIT"],
            encode_limit=config["MATCH_ENCODE_LIMIT"],
        )


class IndexHolder:
    """One fitted index per process; the old one serves until its replacement is ready.

    A request that finds the index revision moved on starts a refit in a background thread
    and waits up to ``refit_wait`` seconds for it, then is served by whichever index is
    current. Only the very first fit, with nothing to serve yet, blocks until it is done.
    After the swap, the same thread encodes the few passages that have no vector yet (at
    most ``encode_limit``), stores them and swaps in the index with their vectors.
    """

    def __init__(
        self,
        settings: IndexSettings | None = None,
        encoder: Callable[[], Encoder | None] = default_encoder,
    ) -> None:
        self.settings = settings or IndexSettings()
        self._encoder = encoder if self.settings.embedding else (lambda: None)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._revision: int | None = None
        self._index: MatchIndex | None = None
        self._wanted: int | None = None
        self._worker: threading.Thread | None = None
        self._filling = 0  # threads encoding new passages
        self._first_fit = threading.Lock()

    @property
    def refitting(self) -> bool:
        """Say whether a background refit or encoding of new passages is running."""
        with self._lock:
            return self._worker is not None or self._filling > 0

    def index(self, session: Session) -> MatchIndex | None:
        """Return the current index (``None`` while nothing is published)."""
        revision = current_index_revision(session)
        with self._lock:
            if revision == self._revision:
                return self._index
            first = self._revision is None
        if first:
            with self._first_fit:  # concurrent first requests fit once
                if self._revision is None:
                    self._refit(session.get_bind(), revision)
            with self._lock:
                return self._index
        with self._lock:
            self._wanted = revision  # the latest seen, even if lower (a restored database)
            if self._worker is None:
                self._worker = threading.Thread(
                    target=self._run, args=(session.get_bind(),), daemon=True, name="refit"
                )
                self._worker.start()
            self._changed.wait_for(
                lambda: (self._revision or 0) >= revision, self.settings.refit_wait
            )
            return self._index

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Wait until no refit or encoding is running (for tests); ``True`` if idle."""
        with self._lock:
            idle = self._changed.wait_for(
                lambda: self._worker is None and not self._filling, timeout
            )
            return bool(idle)

    def _run(self, engine: Engine) -> None:
        """Background thread: refit until the index has caught up with the wanted revision."""
        try:
            while True:
                with self._lock:
                    wanted = self._wanted
                    if wanted is None or wanted == self._revision:
                        return
                self._refit(engine, wanted)
        except Exception:  # the old index keeps serving; the next request tries again
            log.exception("matching: refit failed, the previous index keeps serving")
        finally:
            with self._lock:
                self._worker = None
                self._changed.notify_all()

    def _refit(self, engine: Engine, revision: int) -> None:
        """Fit on the published catalogue and its stored vectors, swap, then fill in vectors."""
        encoder = self._encoder()
        with Session(engine) as session:
            records = published_records(session)
            vectors = {}
            if encoder is not None:
                vectors = stored_vectors(session, catalogue_passages(records, encoder.model_id))
        index = MatchIndex(encoder=encoder).fit(records, vectors) if records else None
        self._swap(index, revision)
        long_lived.settle()
        if index is not None and encoder is not None and self.settings.encode_limit > 0:
            with self._lock:
                self._filling += 1
            threading.Thread(
                target=self._fill_in, args=(engine, index, records, vectors, encoder, revision),
                daemon=True, name="embed",
            ).start()  # fmt: skip

    def _swap(self, index: MatchIndex | None, revision: int) -> None:
        """Make ``index`` the one requests get, and wake the requests waiting for it."""
        with self._lock:
            self._index, self._revision = index, revision
            self._changed.notify_all()

    def _fill_in(self, engine, index, records, vectors, encoder, revision) -> None:
        """Encode, store and use the vectors of passages that have none yet, if they are few."""
        new = {}
        try:
            new = self._encode_and_store(engine, records, encoder)
        except Exception:
            log.exception("matching: encoding new passages failed; they are matched on words")
        finally:
            with self._lock:
                if new and self._revision == revision:
                    self._index = index.with_vectors(vectors | new)
                self._filling -= 1
                self._changed.notify_all()

    def _encode_and_store(self, engine, records, encoder) -> dict:
        """Encode the passages without a stored vector and store them; return the new vectors."""
        with Session(engine) as session:
            pending = pending_passages(session, records, encoder.model_id)
            if len(pending) > self.settings.encode_limit:
                log.warning(
                    "matching: %d passages have no embedding yet and are matched on words "
                    "alone; run `flask --app catalogue embed-pending`",
                    len(pending),
                )
                return {}
            new = encode_missing(pending, {}, encoder)
            session.info[QUIET_INDEX] = True  # this worker swaps them in; others load them
            try:
                store_vectors(session, encoder.model_id, new)
                session.commit()
            except IntegrityError:  # another worker stored the same passages meanwhile
                session.rollback()
        return new
