"""The moderators' queue: new organisations, claims, waiting changes and live ones to review."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.errors import Conflict, NotFound, ValidationError
from catalogue.models import Account, Change, Claim, Membership
from catalogue.models.base import utcnow
from catalogue.models.publishing import APPROVED, LIVE, PENDING, REJECTED
from catalogue.services import audit, editing
from catalogue.services.translatable import N_
from catalogue.vocabularies import PUBLISHED

ARCHIVED = "archived"


@dataclass(frozen=True)
class Queue:
    """What waits for moderators, oldest first."""

    claims: list[Claim]
    waiting: list[Change]
    to_review: list[Change]


def moderation_queue(session: Session) -> Queue:
    """Waiting claims, waiting changes (new organisations first) and live changes to review."""
    claims = session.scalars(select(Claim).where(Claim.status == PENDING).order_by(Claim.id)).all()
    changes = session.scalars(
        select(Change).where(Change.status.in_((PENDING, LIVE))).order_by(Change.id)
    ).all()
    waiting = sorted(
        (c for c in changes if c.status == PENDING), key=lambda c: c.kind != "organisation"
    )
    return Queue(list(claims), waiting, [c for c in changes if c.status == LIVE])


def get_change(session: Session, change_id: int) -> Change:
    """The change with this id, or ``NotFound``."""
    change = session.get(Change, change_id)
    if change is None:
        raise NotFound(N_("There is no such change."))
    return change


def get_claim(session: Session, claim_id: int) -> Claim:
    """The claim with this id, or ``NotFound``."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(N_("There is no such claim."))
    return claim


def _verify_author(session: Session, change: Change) -> None:
    """A manager whose change a moderator approved publishes without waiting from now on."""
    member = session.scalar(
        select(Membership).where(
            Membership.account_id == change.account_id,
            Membership.organisation_id == change.organisation_id,
        )
    )
    if member is not None:
        member.verified = True


def _approve(session: Session, change: Change) -> None:
    now = utcnow()
    if change.kind == "organisation":
        change.organisation.status = PUBLISHED
        change.organisation.last_verified_at = now
    elif change.kind == "new_service" and change.service is not None:
        change.service.status = PUBLISHED
        change.service.last_verified_at = now
    elif change.status == PENDING:
        record = change.service or change.organisation
        if record.version != change.base_version:
            raise Conflict(
                N_(
                    "The record changed after this proposal was made; reject it and ask the owner "
                    "to make the change again on the current version."
                )
            )
        editing.apply_values(session, record, change.values)
        record.last_verified_at = now
    if change.status == PENDING:
        _verify_author(session, change)


def _reject(session: Session, change: Change) -> None:
    if change.kind == "organisation":
        change.organisation.status = ARCHIVED
    elif change.kind == "new_service" and change.service is not None:
        change.service.status = ARCHIVED
    elif change.status == LIVE:
        _undo(session, change)


def _undo(session: Session, change: Change) -> None:
    """Put back what a live change replaced, in the fields that still hold what it set.

    A field edited again since (by the owner, or by another approved change) keeps its newer
    value: a rejection undoes this change, never a later one.
    """
    record = change.service or change.organisation
    current = editing.current_values(record)
    changed = editing.differences(change.previous, change.values)
    undone = {
        name: change.previous.get(name)
        for name in changed
        if name in current and current[name] == change.values[name]
    }
    editing.apply_values(session, record, undone)


def decide_change(
    session: Session, moderator: Account, change: Change, approve: bool, reason: str
) -> None:
    """Approve or reject a change; rejecting a live one puts the previous values back."""
    if change.status not in (PENDING, LIVE):
        raise Conflict(N_("This change has already been decided."))
    if not approve and not reason.strip():
        raise ValidationError(N_("Say why the change is rejected."), {"reason": "Give a reason."})
    reason = reason.strip()
    (_approve if approve else _reject)(session, change)
    verdict = "approved" if approve else "rejected"
    audit.record(
        session,
        moderator,
        change.organisation,
        "moderation",
        f"{_described(change)}: {verdict}" + (f" ({reason})" if reason else ""),
        service=change.service,
    )
    change.status = APPROVED if approve else REJECTED
    change.reason = reason.strip()
    change.decided_by_id = moderator.id
    change.decided_at = utcnow()
    session.flush()


def _described(change: Change) -> str:
    return {
        "organisation": f"New organisation {change.organisation.name}",
        "new_service": "New service",
        "profile": "Change to the profile",
        "service": "Change to a service",
    }[change.kind]
