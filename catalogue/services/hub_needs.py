"""Hubs see the needs that fit them: the engine in reverse (need ← hub), "not for us", digests."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import ContactRequest, HubNeedMark, Need, Organisation
from catalogue.models.base import utcnow
from catalogue.services import duplicates, hub_matching, needs
from catalogue.services.contacts import ContactValues, managers_of, need_languages
from catalogue.services.mail import MailSettings, send_mail
from catalogue.services.translatable import gettext, in_language
from matching import Match

if TYPE_CHECKING:
    from catalogue.services.indexing import IndexHolder

# A need fits a hub when the hub is among the first results the need itself gets.
FIT_RANK = 20
# The newest open public needs that are checked against a hub (each is one ranking).
MAX_NEEDS_CHECKED = 100


@dataclass(frozen=True)
class FittingNeed:
    """A public need that fits the hub, with the hub's match for it (rank, score, reasons)."""

    need: Need
    match: Match
    answered: bool


def _marks(session: Session, organisation: Organisation) -> dict[int, HubNeedMark]:
    statement = select(HubNeedMark).where(HubNeedMark.organisation_id == organisation.id)
    return {mark.need_id: mark for mark in session.scalars(statement)}


def _answered(session: Session, organisation: Organisation) -> set[int]:
    statement = select(ContactRequest.need_id).where(
        ContactRequest.organisation_id == organisation.id
    )
    return set(session.scalars(statement))


# The first results of each need, per fitted index: every hub's page and the weekly mail read
# them, so each need is ranked once per index (a refit makes a new index, the old entries go).
_RESULTS: weakref.WeakKeyDictionary[Any, dict[tuple[int, datetime], list[Match]]] = (
    weakref.WeakKeyDictionary()
)


def _results(session: Session, holder: IndexHolder, need: Need) -> list[Match]:
    index = holder.index(session)
    if index is None:
        return []
    cached = _RESULTS.setdefault(index, {})
    key = (need.id, need.updated_at)
    if key not in cached:
        request = needs.values_of(need).match_request().model_copy(update={"limit": FIT_RANK})
        cached[key] = hub_matching.find_matches(session, holder, request).matches
    return cached[key]


def _match_for(session: Session, holder: IndexHolder, need: Need, ref: str) -> Match | None:
    return next((m for m in _results(session, holder, need) if m.id == ref), None)


def fitting_needs(
    session: Session,
    holder: IndexHolder,
    organisation: Organisation,
    since: datetime | None = None,
    include_declined: bool = False,
) -> list[FittingNeed]:
    """The open public needs the hub fits, best fit first (each need ranked by the engine)."""
    marks = _marks(session, organisation)
    answered = _answered(session, organisation)
    statement = needs.public_needs().order_by(Need.created_at.desc(), Need.id.desc())
    if since is not None:
        statement = statement.where(Need.created_at >= since)
    found = []
    for need in session.scalars(statement.limit(MAX_NEEDS_CHECKED)):
        mark = marks.get(need.id)
        if mark is not None and mark.not_for_us and not include_declined:
            continue
        match = _match_for(session, holder, need, organisation.ref)
        if match is not None:
            found.append(FittingNeed(need, match, need.id in answered))
    return sorted(found, key=lambda fit: (-fit.match.score, fit.need.id))


def _mark(session: Session, organisation: Organisation, need: Need) -> HubNeedMark:
    mark = session.scalar(
        select(HubNeedMark).where(
            HubNeedMark.organisation_id == organisation.id, HubNeedMark.need_id == need.id
        )
    )
    if mark is None:
        mark = HubNeedMark(organisation_id=organisation.id, need_id=need.id)
        session.add(mark)
    return mark


def decline_need(session: Session, organisation: Organisation, public_ref: str) -> Need:
    """ "Not for us": the need leaves the hub's list (and its digests)."""
    need = needs.public_need(session, public_ref)
    _mark(session, organisation, need).not_for_us = True
    session.flush()
    return need


def answer_need(
    session: Session,
    settings: MailSettings,
    organisation: Organisation,
    public_ref: str,
    values: ContactValues,
) -> ContactRequest:
    """The hub writes to the city about its public need; the official is mailed."""
    need = needs.public_need(session, public_ref)
    contact = ContactRequest(
        need=need, organisation=organisation, from_hub=True, status="sent", **values.__dict__
    )
    session.add(contact)
    with in_language(need_languages(need)):  # the city's, not the hub's
        body = gettext(
            "%(organisation)s saw your public need on Hubs for Cities and wrote to you:\n\n"
            "%(message)s\n\nWrite back to %(email)s.",
            organisation=organisation.name,
            message=values.message,
            email=values.email,
        )
        subject = gettext("%(organisation)s can help", organisation=organisation.name)[:300]
    send_mail(session, settings, need.email, subject, body)
    session.flush()
    return contact


def hubs_with_managers(session: Session) -> Iterable[Organisation]:
    """Listed organisations with at least one confirmed manager (they get digests)."""
    for organisation in duplicates.listed_organisations(session):
        if managers_of(session, organisation):
            yield organisation


def mail_digests(
    session: Session, holder: IndexHolder, settings: MailSettings, link_for, since: datetime
) -> int:
    """Mail each managed hub the fitting needs not mailed to it yet; return the mails sent."""
    sent = 0
    for organisation in hubs_with_managers(session):
        marks = _marks(session, organisation)
        fresh = [
            fit
            for fit in fitting_needs(session, holder, organisation, since=since)
            if fit.need.id not in marks or marks[fit.need.id].mailed_at is None
        ]
        if not fresh:
            continue
        lines = [f"- {fit.need.text[:200]}\n  {link_for(fit.need)}" for fit in fresh]
        with in_language(organisation.languages):  # the hub's, as a city's contact request
            body = gettext(
                "New public needs of cities fit the services of %(organisation)s:\n\n%(needs)s"
                "\n\nAnswer them, or mark them “not for us”, from your organisation's page.",
                organisation=organisation.name,
                needs="\n".join(lines),
            )
            subject = gettext("Needs of cities that fit you")
        for manager in managers_of(session, organisation):
            send_mail(session, settings, manager.email, subject, body)
            sent += 1
        now = utcnow()
        for fit in fresh:
            _mark(session, organisation, fit.need).mailed_at = now
        session.flush()
    return sent
