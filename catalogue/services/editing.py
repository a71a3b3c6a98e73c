"""Editing profiles and services under the moderation rules, with lost updates refused."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.errors import Conflict, ValidationError
from catalogue.models import Account, Change, Organisation, Service, Tag
from catalogue.models.publishing import LIVE, PENDING
from catalogue.services import audit, publishing
from catalogue.services.slugs import unique_slug
from catalogue.services.translatable import N_
from catalogue.vocabularies import PUBLISHED

PRICE_MODELS = {
    "free": N_("Free of charge"),
    "subsidised": N_("Subsidised: free or reduced for public bodies"),
    "paid": N_("Paid"),
    "on_request": N_("Price on request"),
}
PROFILE_FIELDS = (
    "name",
    "kind",
    "description",
    "website",
    "email",
    "country",
    "region",
    "city",
    "languages",
    "technologies",
    "sectors",
)
SERVICE_FIELDS = (
    "title",
    "family",
    "description",
    "audiences",
    "technologies",
    "sectors",
    "languages",
    "price",
    "delivery",
    "regions",
    "url",
    "contact",
)
EXTRA_FIELDS = ("regions", "contact")
TAG_FIELDS = {"technologies": "technology", "sectors": "sector"}


class StaleEdit(Conflict):
    """The record changed since the form was opened; ``current`` holds its values now."""

    def __init__(self, current: dict[str, Any], version: int) -> None:
        super().__init__(
            N_(
                "Someone else saved this record while you were editing it. Your changes are not "
                "saved yet: compare them with the current version below, then save again."
            )
        )
        self.current = current
        self.version = version


@dataclass(frozen=True)
class Saved:
    """What became of a save: ``live`` (public now), ``pending`` (waits) or ``unchanged``."""

    outcome: str
    record: Organisation | Service
    change: Change | None = None


def current_values(record: Organisation | Service) -> dict[str, Any]:
    """The editable fields of a record, as the forms and the API show them."""
    names = PROFILE_FIELDS if isinstance(record, Organisation) else SERVICE_FIELDS
    values: dict[str, Any] = {}
    for name in names:
        if name in TAG_FIELDS:
            vocabulary = TAG_FIELDS[name]
            values[name] = sorted(t.label for t in record.tags if t.vocabulary == vocabulary)
        elif name in EXTRA_FIELDS:
            values[name] = (record.extra or {}).get(name) or ([] if name == "regions" else None)
        else:
            values[name] = getattr(record, name)
    return values


def _tag(session: Session, vocabulary: str, label: str) -> Tag:
    with session.no_autoflush:
        found = session.scalar(select(Tag).where(Tag.vocabulary == vocabulary, Tag.label == label))
    return found or Tag(vocabulary=vocabulary, label=label, controlled=True)


def apply_values(session: Session, record: Organisation | Service, values: dict[str, Any]) -> None:
    """Write the given fields onto the record (tags by label, extra keys into ``extra``)."""
    extra = dict(record.extra or {})
    tags = {v: [t for t in record.tags if t.vocabulary == v] for v in TAG_FIELDS.values()}
    for name, value in values.items():
        if name in TAG_FIELDS:
            tags[TAG_FIELDS[name]] = [_tag(session, TAG_FIELDS[name], label) for label in value]
        elif name in EXTRA_FIELDS:
            extra[name] = value
        else:
            setattr(record, name, value)
    record.extra = extra
    others = [t for t in record.tags if t.vocabulary not in TAG_FIELDS.values()]
    record.tags = others + [t for group in tags.values() for t in group]


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields whose values differ: ``{field: [before, after]}``."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def pending_or_current(session: Session, account: Account, record: Organisation | Service) -> dict:
    """What the editor opens with: the account's waiting proposal, else the record as it is."""
    kind = "service" if isinstance(record, Service) else "profile"
    waiting = _waiting_change(session, account, kind, record)
    return dict(waiting.values) if waiting else current_values(record)


def _check_version(record: Organisation | Service, version: int | None) -> None:
    if version is None or version != record.version:
        raise StaleEdit(current_values(record), record.version)


def _waiting_change(session: Session, account: Account, kind: str, record) -> Change | None:
    column = Change.service_id if kind == "service" else Change.organisation_id
    return session.scalar(
        select(Change).where(
            Change.account_id == account.id,
            Change.kind == kind,
            column == record.id,
            Change.status == PENDING,
        )
    )


def _save(session, account, organisation, record, kind, values, version) -> Saved:
    """The moderation rules, for a profile or a service edit."""
    member = publishing.require_manager(session, account, organisation)
    _check_version(record, version)
    previous = current_values(record)
    changed = differences(previous, values)
    if not changed:
        return Saved("unchanged", record)
    service = record if isinstance(record, Service) else None
    if organisation.status != PUBLISHED or member.verified or record.status != PUBLISHED:
        apply_values(session, record, values)
        change = None
        if organisation.status == PUBLISHED and record.status == PUBLISHED:
            change = Change(
                kind=kind,
                account_id=account.id,
                organisation_id=organisation.id,
                service_id=service.id if service else None,
                values=values,
                previous=previous,
                base_version=version,
                status=LIVE,
            )
            session.add(change)
        audit.record(
            session, account, organisation, "edit", f"Edited {_name(record)}", changed, service
        )
        session.flush()
        return Saved("live" if change or record.status == PUBLISHED else "saved", record, change)
    change = _waiting_change(session, account, kind, record) or Change(
        kind=kind,
        account_id=account.id,
        organisation_id=organisation.id,
        service_id=service.id if service else None,
        status=PENDING,
    )
    change.values, change.previous, change.base_version = values, previous, version
    session.add(change)
    audit.record(
        session,
        account,
        organisation,
        "proposal",
        f"Proposed a change to {_name(record)}",
        changed,
        service,
    )
    session.flush()
    return Saved("pending", record, change)


def _name(record: Organisation | Service) -> str:
    return f"the profile of {record.name}" if isinstance(record, Organisation) else record.title


def save_profile(
    session: Session,
    account: Account,
    organisation: Organisation,
    values: dict,
    version: int | None,
) -> Saved:
    """Save an organisation's profile as its manager."""
    return _save(session, account, organisation, organisation, "profile", values, version)


def save_service(
    session: Session, account: Account, service: Service, values: dict, version: int | None
) -> Saved:
    """Save a service of an organisation the account manages."""
    return _save(session, account, service.organisation, service, "service", values, version)


def add_service(
    session: Session, account: Account, organisation: Organisation, values: dict
) -> Saved:
    """Add a service: public at once for verified managers, else waiting for a moderator."""
    member = publishing.require_manager(session, account, organisation)
    waits = organisation.status == PUBLISHED and not member.verified
    service = Service(
        organisation=organisation,
        ref=f"platform-service-{uuid.uuid4().hex[:12]}",
        slug=unique_slug(session, Service, values.get("title") or "service", "service"),
        position=len(organisation.services),
        status=PENDING if waits else PUBLISHED,
        extra={},
    )
    session.add(service)
    apply_values(session, service, values)
    session.flush()
    change = None
    if organisation.status == PUBLISHED:
        change = Change(
            kind="new_service",
            account_id=account.id,
            organisation_id=organisation.id,
            service_id=service.id,
            values=values,
            previous={},
            status=PENDING if waits else LIVE,
        )
        session.add(change)
    audit.record(
        session,
        account,
        organisation,
        "new_service",
        f"Added the service {service.title}",
        differences({}, values),
        service,
    )
    session.flush()
    outcome = "pending" if waits else ("live" if organisation.status == PUBLISHED else "saved")
    return Saved(outcome, service, change)


def create_organisation(session: Session, account: Account, values: dict) -> Organisation:
    """A new organisation, pending until a moderator approves it; the account manages it."""
    if not values.get("name"):
        raise ValidationError(N_("The organisation needs a name."), {"name": "Enter the name."})
    organisation = Organisation(
        ref=f"platform-{uuid.uuid4().hex[:12]}",
        slug=unique_slug(session, Organisation, values["name"], "organisation"),
        status=PENDING,
        source_name=None,
        extra={},
    )
    session.add(organisation)
    apply_values(session, organisation, values)
    session.flush()
    session.add(publishing.new_membership(account, organisation))
    session.add(
        Change(
            kind="organisation",
            account_id=account.id,
            organisation_id=organisation.id,
            values=values,
            previous={},
            status=PENDING,
        )
    )
    audit.record(
        session,
        account,
        organisation,
        "create",
        f"Created {organisation.name}",
        differences({}, values),
    )
    session.flush()
    return organisation
