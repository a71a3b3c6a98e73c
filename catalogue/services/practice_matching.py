"""Practices meet the matching engine: hubs that could help a city do the same, similar practices.

Practices are ranked by their own index (``PracticeIndexHolder``), fitted on the published
practices with the same engine as the hubs, words only: practices have no stored vectors.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import Practice
from catalogue.services import hub_matching, long_lived
from catalogue.services.indexing import IndexHolder
from catalogue.vocabularies import PUBLISHED
from matching import Match, MatchIndex, OrganisationRecord

NEED_TEXT_LIMIT = 1500


def practice_record(practice: Practice) -> OrganisationRecord:
    """A practice as a matching record: title, summary, place and labels."""
    return OrganisationRecord(
        id=practice.ref,
        name=practice.title,
        kind="practice",
        description=practice.summary or "",
        country=practice.country,
        technologies=tuple(practice.technologies),
        sectors=tuple(practice.sectors),
    )


class PracticeIndexHolder:
    """One fitted index of the published practices per process, refitted when they change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._index: MatchIndex | None = None

    def index(self, session: Session) -> MatchIndex | None:
        """Return the index of the published practices (``None`` when there are none)."""
        key = _practices_state(session)
        with self._lock:
            if key == self._key:
                return self._index
            practices = session.scalars(
                select(Practice).where(Practice.status == PUBLISHED).order_by(Practice.ref)
            ).all()
            records = [practice_record(p) for p in practices]
            self._index = MatchIndex(encoder=None).fit(records) if records else None
            self._key = key
            index = self._index
        long_lived.settle()
        return index


def _practices_state(session: Session) -> tuple:
    """What changes whenever a published practice is added, changed, removed or unpublished."""
    statement = select(func.count(), func.max(Practice.id), func.max(Practice.updated_at)).where(
        Practice.status == PUBLISHED
    )
    return tuple(session.execute(statement).one())


def _practices_by_ref(session: Session, refs: list[str]) -> dict[str, Practice]:
    statement = select(Practice).where(Practice.ref.in_(refs), Practice.status == PUBLISHED)
    return {practice.ref: practice for practice in session.scalars(statement)}


def similar_practices(
    session: Session, holder: PracticeIndexHolder, practice: Practice, limit: int = 5
) -> list[tuple[Practice, Match]]:
    """The published practices whose texts resemble ``practice``'s, best first."""
    index = holder.index(session)
    if index is None or practice.ref not in index.record_index_:
        return []
    matches = index.similar(practice.ref, limit=limit)
    found = _practices_by_ref(session, [m.id for m in matches])
    return [(found[m.id], m) for m in matches if m.id in found]


def closest_practices(
    session: Session, holder: PracticeIndexHolder, text: str, language: str, limit: int = 5
) -> list[tuple[Practice, Match]]:
    """The published practices closest to a need's words, best first, each explained."""
    index = holder.index(session)
    if index is None:
        return []
    matches = index.query(text, language=language, limit=limit)
    found = _practices_by_ref(session, [m.id for m in matches])
    return [(found[m.id], m) for m in matches if m.id in found]


def need_text(practice: Practice) -> str:
    """A need in a city's words, to start the needs form from: do what this practice did."""
    summary = " ".join((practice.summary or "").split())
    text = f"We want to do something like “{practice.title}”: {summary}".strip().rstrip(":")
    return text if len(text) <= NEED_TEXT_LIMIT else text[: NEED_TEXT_LIMIT - 1] + "…"


def hubs_for_practice(
    session: Session, holder: IndexHolder, practice: Practice, limit: int = 5
) -> hub_matching.MatchOutcome:
    """The hubs and services that could help a city do what ``practice`` did, explained."""
    request = hub_matching.MatchRequest(text=need_text(practice), limit=limit)
    return hub_matching.find_matches(session, holder, request)
