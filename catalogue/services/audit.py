"""The audit log: who changed what and when, for each organisation's history page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import Account, AuditEntry, Organisation, Service


def role_of(account: Account | None) -> str:
    """How the history page names the actor: a moderator, a manager, or the platform."""
    if account is None:
        return "platform"
    return "moderator" if account.is_admin else "manager"


def record(
    session: Session,
    account: Account | None,
    organisation: Organisation,
    action: str,
    summary: str,
    fields: dict[str, Any] | None = None,
    service: Service | None = None,
) -> AuditEntry:
    """Add one line to the organisation's history."""
    entry = AuditEntry(
        account_id=account.id if account else None,
        role=role_of(account),
        organisation_id=organisation.id,
        service_id=service.id if service else None,
        action=action,
        summary=summary[:500],
        fields=fields or {},
    )
    session.add(entry)
    return entry


def history(session: Session, organisation: Organisation) -> list[AuditEntry]:
    """The organisation's history (its services' too), newest first."""
    statement = (
        select(AuditEntry)
        .where(AuditEntry.organisation_id == organisation.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return list(session.scalars(statement))
