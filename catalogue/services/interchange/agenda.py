"""Synchronising an event's agenda (sessions and their talks) with a cleaned interchange record."""

from __future__ import annotations

from typing import Any

from catalogue.models import Event, EventSession, Organisation, Practice, Talk
from catalogue.services.interchange.records import assign, replace_members


def sync_sessions(
    event: Event,
    sessions: list[dict[str, Any]],
    organisations: dict[str, Organisation],
    practices: dict[str, Practice],
) -> bool:
    """Make ``event``'s agenda match ``sessions``, updating rows in place; tell whether it changed.

    ``organisations`` and ``practices`` resolve the talks' refs to rows.
    """
    changed = False
    for position, data in enumerate(sessions):
        values = {
            "position": position,
            "title": data["title"],
            "start": data.get("start"),
            "end": data.get("end"),
        }
        if position < len(event.sessions):
            block = event.sessions[position]
            changed |= assign(block, values)
        else:
            block = EventSession(**values)
            event.sessions.append(block)
            changed = True
        changed |= _sync_talks(block, data.get("talks", []), organisations, practices)
    while len(event.sessions) > len(sessions):
        event.sessions.pop()
        changed = True
    return changed


def _sync_talks(
    block: EventSession,
    talks: list[dict[str, Any]],
    organisations: dict[str, Organisation],
    practices: dict[str, Practice],
) -> bool:
    changed = False
    for position, data in enumerate(talks):
        organisation_ref = data.get("organisation")
        values = {
            "position": position,
            "title": data["title"],
            "speaker": data.get("speaker") or None,
            "affiliation": data.get("affiliation") or None,
            "organisation": organisations[organisation_ref] if organisation_ref else None,
            "organisation_verified": data.get("organisation_verified", True),
        }
        shown = [practices[ref] for ref in dict.fromkeys(data.get("practices", []))]
        if position < len(block.talks):
            talk = block.talks[position]
            changed |= assign(talk, values)
            changed |= replace_members(talk, "practices", shown)
        else:
            talk = Talk(**values)
            talk.practices = shown
            block.talks.append(talk)
            changed = True
    while len(block.talks) > len(talks):
        block.talks.pop()
        changed = True
    return changed
