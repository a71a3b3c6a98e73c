"""The workshop's published agenda and example practices, with only published links kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from catalogue.errors import NotFound
from catalogue.models import Event, EventSession, Organisation, Practice, Talk
from catalogue.models.events import talk_practices
from catalogue.services import duplicates
from catalogue.services.source_dates import PartialDate
from catalogue.services.visibility import keep_public
from catalogue.vocabularies import PUBLISHED

WORKSHOP_DATE = date(2020, 4, 30)


@dataclass(frozen=True)
class Example:
    """A practice listed with a talk, and what can truly be said of it.

    No source says which examples a talk showed (the slides were not published), so an example
    is only ever the presenter's own work or context for the talk, with its source's date.
    """

    practice: Practice
    talk: Talk
    presenters_own: bool
    after_event: bool | None

    @classmethod
    def of(cls, practice: Practice, talk: Talk, event_date: date) -> Example:
        """Describe ``practice`` as listed with ``talk`` of an event held on ``event_date``."""
        presenter = duplicates.shown_records([talk.organisation])
        own = bool(presenter) and presenter[0] in duplicates.shown_records(practice.organisations)
        dated = PartialDate.parse(practice.source_updated)
        return cls(practice, talk, own, dated.is_after(event_date) if dated else None)


@dataclass(frozen=True)
class AgendaTalk:
    """A talk with its organisation and example practices, where those are published."""

    talk: Talk
    organisation: Organisation | None
    examples: list[Example]


@dataclass(frozen=True)
class AgendaBlock:
    """One block of the agenda with its times and talks."""

    session: EventSession
    talks: list[AgendaTalk]


@dataclass(frozen=True)
class EventAgenda:
    """A published event and its agenda."""

    event: Event
    blocks: list[AgendaBlock]

    @property
    def talk_count(self) -> int:
        """How many talks the agenda lists."""
        return sum(len(block.talks) for block in self.blocks)


def get_event(session: Session, slug: str | None = None) -> EventAgenda:
    """Return the published event with ``slug`` (the 30 April 2020 workshop when omitted)."""
    statement = select(Event).where(Event.status == PUBLISHED)
    if slug is None:
        statement = statement.where(Event.date == WORKSHOP_DATE).order_by(Event.id).limit(1)
    else:
        statement = statement.where(Event.slug == slug)
    event = session.scalar(statement)
    if event is None:
        where = "the workshop" if slug is None else f"“/workshop/{slug[:120]}”"
        raise NotFound(f"There is no published event at {where}.")
    blocks = [
        AgendaBlock(
            block,
            [
                AgendaTalk(
                    talk,
                    next(iter(duplicates.shown_records([talk.organisation])), None),
                    [Example.of(p, talk, event.date) for p in keep_public(talk.practices)],
                )
                for talk in block.talks
            ],
        )
        for block in event.sessions
    ]
    return EventAgenda(event, blocks)


@dataclass(frozen=True)
class PracticeDetail:
    """A published practice, its published organisations and the talks it is listed with."""

    practice: Practice
    organisations: list[Organisation]
    listings: list[Example]


def get_practice(session: Session, slug: str) -> PracticeDetail:
    """Return the published practice with this slug, or raise ``NotFound``."""
    practice = session.scalar(
        select(Practice).where(Practice.slug == slug, Practice.status == PUBLISHED)
    )
    if practice is None:
        raise NotFound(f"There is no published practice at “/practices/{slug[:120]}”.")
    talks = session.scalars(
        select(Talk)
        .join(talk_practices, talk_practices.c.talk_id == Talk.id)
        .join(Talk.session)
        .join(EventSession.event)
        .where(talk_practices.c.practice_id == practice.id, Event.status == PUBLISHED)
        .options(contains_eager(Talk.session).contains_eager(EventSession.event))
        .order_by(Event.date, EventSession.position, Talk.position)
    ).all()
    listings = [Example.of(practice, talk, talk.session.event.date) for talk in talks]
    organisations = duplicates.shown_records(practice.organisations)
    return PracticeDetail(practice, organisations, listings)
