"""One talk of an event's agenda: its block, speaker, organisation, examples and neighbours."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from catalogue.errors import NotFound
from catalogue.services.workshop import AgendaBlock, AgendaTalk, EventAgenda, get_event


@dataclass(frozen=True)
class TalkPage:
    """A talk, numbered from 1 in agenda order, with the talks before and after it."""

    agenda: EventAgenda
    block: AgendaBlock
    item: AgendaTalk
    number: int
    previous: AgendaTalk | None
    next: AgendaTalk | None


def numbered_talks(agenda: EventAgenda) -> list[tuple[AgendaBlock, AgendaTalk]]:
    """Every talk of the agenda with its block, in agenda order (talk ``n`` is item ``n - 1``)."""
    return [(block, item) for block in agenda.blocks for item in block.talks]


def talk_number(agenda: EventAgenda, item: AgendaTalk) -> int:
    """The number of a talk in its agenda, from 1, as its page address uses it."""
    talks = [talk.talk.id for _, talk in numbered_talks(agenda)]
    return talks.index(item.talk.id) + 1


def get_talk(session: Session, event_slug: str | None, number: int) -> TalkPage:
    """Return talk ``number`` (from 1) of the published event, or raise ``NotFound``."""
    agenda = get_event(session, event_slug)
    talks = numbered_talks(agenda)
    if not 1 <= number <= len(talks):
        raise NotFound(
            f"The agenda of “{agenda.event.title}” has talks 1 to {len(talks)}; "
            f"there is no talk {number}."
        )
    block, item = talks[number - 1]
    previous = talks[number - 2][1] if number > 1 else None
    following = talks[number][1] if number < len(talks) else None
    return TalkPage(agenda, block, item, number, previous, following)
