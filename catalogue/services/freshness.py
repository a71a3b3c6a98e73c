"""Stale records: not verified for 12 months; their renewal and the reminders to their managers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import Account, Membership, Organisation, Service
from catalogue.models.base import utcnow
from catalogue.services import audit
from catalogue.services.mail import MailSettings, send_mail
from catalogue.services.source_dates import PartialDate
from catalogue.services.translatable import gettext
from catalogue.vocabularies import PUBLISHED

STALE_AFTER = timedelta(days=365)
REMIND_EVERY = timedelta(days=30)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def checked_on(record: Any) -> datetime | None:
    """When the record was last known correct: verified, else the source's own date."""
    if record.last_verified_at is not None:
        return _aware(record.last_verified_at)
    sourced = record.organisation if isinstance(record, Service) else record
    source_date = getattr(sourced, "source_updated", None)
    dated = PartialDate.parse(source_date or getattr(sourced, "source_retrieved", None))
    if dated is not None:
        return datetime(dated.year, dated.month or 12, dated.day or 1, tzinfo=UTC)
    return _aware(record.created_at) if record.created_at else None


def is_stale(record: Any, now: datetime | None = None) -> bool:
    """Whether the record has not been verified for 12 months."""
    moment = checked_on(record)
    return moment is not None and (now or utcnow()) - moment > STALE_AFTER


def renew(session: Session, account: Account, organisation: Organisation) -> None:
    """Mark the organisation and its services verified today (the managers' one click)."""
    now = utcnow()
    organisation.last_verified_at = now
    for service in organisation.services:
        service.last_verified_at = now
    audit.record(session, account, organisation, "verify", "Confirmed the record is still correct")
    session.flush()


def remind_stale(
    session: Session, settings: MailSettings, manage_url, now: datetime | None = None
) -> int:
    """Mail each manager of a stale published organisation (at most every 30 days); count them."""
    now = now or utcnow()
    members = session.scalars(
        select(Membership).join(Membership.organisation).where(Organisation.status == PUBLISHED)
    ).all()
    sent = 0
    for member in members:
        recent = member.reminded_at and now - _aware(member.reminded_at) < REMIND_EVERY
        if recent or not is_stale(member.organisation, now):
            continue
        organisation = member.organisation
        body = gettext(
            "The record of %(organisation)s on Hubs for Cities has not been verified for over "
            "12 months, so it is marked as stale. Check it and confirm it in one click, or correct "
            "it, at %(link)s",
            organisation=organisation.name,
            link=manage_url(organisation),
        )
        subject = gettext("Is your hub's record still correct?")
        send_mail(session, settings, member.account.email, subject, body)
        member.reminded_at = now
        sent += 1
    session.flush()
    return sent
