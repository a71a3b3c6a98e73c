"""The download files of the current catalogue revision, rendered once per process and kept."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from sqlalchemy.orm import Session

from catalogue.models import current_revision
from catalogue.services.downloads import CatalogueVersion, catalogue_version

# A file is kept per name and site address (its page links are absolute), so a few suffice; the
# bound keeps requests with made-up Host headers from filling the memory.
MAX_FILES = 16


class RevisionFiles:
    """The validators of one catalogue revision and the files rendered for it so far."""

    def __init__(self, revision: int, version: CatalogueVersion, max_files: int) -> None:
        self.revision = revision
        self.version = version
        self._max_files = max_files
        self._files: dict[Hashable, bytes] = {}
        self._lock = threading.Lock()

    def body(self, key: Hashable, render: Callable[[], bytes]) -> bytes:
        """Return the file stored under ``key``, rendering it first if this revision has not.

        Rendering holds the lock, so concurrent requests for a new revision build it once.
        """
        with self._lock:
            if key not in self._files:
                if len(self._files) >= self._max_files:
                    del self._files[next(iter(self._files))]
                self._files[key] = render()
            return self._files[key]


class DownloadCache:
    """One process's download files, dropped as soon as the catalogue's revision moves on.

    Every write bumps the revision in the database, so the first request after a write, in any
    worker, renders current files; requests at an unchanged revision cost one small query.
    """

    def __init__(self, max_files: int = MAX_FILES) -> None:
        self._max_files = max_files
        self._current: RevisionFiles | None = None
        self._lock = threading.Lock()

    def current(self, session: Session) -> RevisionFiles:
        """Return the files of the catalogue's current revision (none rendered yet if it is new)."""
        revision = current_revision(session)
        with self._lock:
            if self._current is None or self._current.revision != revision:
                version = catalogue_version(session)
                self._current = RevisionFiles(revision, version, self._max_files)
            return self._current
