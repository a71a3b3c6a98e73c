"""Published records for the API: paginated lists, lookups by ref, what a list shows of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from catalogue.errors import NotFound
from catalogue.models import Event, Organisation, Practice, Service, Tag
from catalogue.models.tags import service_tags
from catalogue.services import duplicates, list_parameters, visibility
from catalogue.vocabularies import PUBLISHED


@dataclass(frozen=True)
class Page:
    """One page of a list: its items, the total and where it sits."""

    items: list[Any]
    total: int
    page: int
    per_page: int
    pages: int
    args: dict[str, Any] = field(default_factory=dict)


def paginate(session: Session, statement: Select, page: int, per_page: int) -> Page:
    """Run ``statement`` for one page; a page past the last one is not found."""
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    pages = list_parameters.count_pages(page, total, per_page)
    items = session.scalars(statement.limit(per_page).offset((page - 1) * per_page)).all()
    return Page(list(items), total, page, per_page, pages)


def services_statement(filters: Mapping[str, tuple[str, ...]]) -> Select:
    """Published services of published organisations, filtered, in a stable order."""
    statement = visibility.services_on_offer()
    if families := filters.get("family"):
        statement = statement.where(Service.family.in_(families))
    if countries := filters.get("country"):
        statement = statement.where(Organisation.country.in_(countries))
    if technologies := filters.get("technology"):
        tagged = (
            select(service_tags.c.service_id)
            .join(Tag, Tag.id == service_tags.c.tag_id)
            .where(Tag.vocabulary == "technology", Tag.label.in_(technologies))
        )
        statement = statement.where(Service.id.in_(tagged))
    return statement.order_by(func.lower(Service.title), Service.id)


def get_organisation(session: Session, ref: str) -> Organisation:
    """Return the published organisation with this ref, or raise ``NotFound``."""
    statement = select(Organisation).where(Organisation.ref == ref)
    return _published_one(session, statement.where(Organisation.status == PUBLISHED), ref)


def get_service(session: Session, ref: str) -> Service:
    """Return the published service (of a published organisation) with this ref."""
    statement = services_statement({}).where(Service.ref == ref)
    return _published_one(session, statement, ref)


def practices_statement() -> Select:
    """Published practices by title."""
    statement = select(Practice).where(Practice.status == PUBLISHED)
    return statement.order_by(func.lower(Practice.title), Practice.id)


def get_practice(session: Session, ref: str) -> Practice:
    """Return the published practice with this ref, or raise ``NotFound``."""
    return _published_one(session, practices_statement().where(Practice.ref == ref), ref)


def events_statement() -> Select:
    """Published events, newest first."""
    statement = select(Event).where(Event.status == PUBLISHED)
    return statement.order_by(Event.date.desc(), Event.id)


def get_event(session: Session, ref: str) -> Event:
    """Return the published event with this ref, or raise ``NotFound``."""
    return _published_one(session, events_statement().where(Event.ref == ref), ref)


def _published_one(session: Session, statement: Select, ref: str) -> Any:
    record = session.scalar(statement)
    if record is None:
        raise NotFound(f"There is no published record with ref “{ref[:100]}”.")
    return record


def families_of(session: Session, organisation_ids: list[int]) -> dict[int, list[str]]:
    """The families of the published services of each organisation's records, in one query."""
    listing = duplicates.listing()
    rows = session.execute(
        select(listing.c.listed_id, Service.family)
        .join(Service, Service.organisation_id == listing.c.record_id)
        .where(listing.c.listed_id.in_(organisation_ids), Service.status == PUBLISHED)
        .distinct()
    )
    families: dict[int, list[str]] = {}
    for organisation_id, family in rows:
        families.setdefault(organisation_id, []).append(family)
    return {key: sorted(values) for key, values in families.items()}


def other_records_of(
    session: Session, organisation_ids: list[int]
) -> dict[int, list[Organisation]]:
    """The other published records of each listed organisation, in one query."""
    rows = session.scalars(
        select(Organisation)
        .where(Organisation.duplicate_of_id.in_(organisation_ids), Organisation.status == PUBLISHED)
        .order_by(Organisation.ref)
    )
    others: dict[int, list[Organisation]] = {}
    for row in rows:
        others.setdefault(row.duplicate_of_id, []).append(row)
    return others
