"""One organisation described by several sources: one record is listed, the others point to it.

A record whose ``duplicate_of`` is a published organisation is not listed anywhere (hub list and
its facets, API, home counts, downloads, matching): the record it points to is, and its page shows
both records' sources, descriptions and services. Each record keeps its own source, so a source
can be re-imported or pruned without touching the other's data. When the record pointed to is not
published, the duplicate is listed on its own again.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from catalogue.models import Organisation, Service
from catalogue.services.visibility import is_public, keep_public
from catalogue.vocabularies import PUBLISHED

_Shown = aliased(Organisation, name="shown_record")


def _published_ids() -> Select:
    return select(_Shown.id).where(_Shown.status == PUBLISHED)


def is_listed() -> ColumnElement[bool]:
    """The condition of a listed organisation: published and not a duplicate of a published one."""
    return and_(
        Organisation.status == PUBLISHED,
        or_(
            Organisation.duplicate_of_id.is_(None),
            Organisation.duplicate_of_id.not_in(_published_ids()),
        ),
    )


def listing() -> Subquery:
    """``(record_id, listed_id)`` for every published record: the organisation it is listed as.

    Join services or tags on ``record_id`` and count or filter on ``listed_id``, so that what a
    duplicate record holds counts for the organisation it is listed as.
    """
    # A per-row look-up by primary key, only for duplicates: cheap whatever the planner knows.
    shown_id = (
        select(_Shown.id)
        .where(_Shown.id == Organisation.duplicate_of_id, _Shown.status == PUBLISHED)
        .scalar_subquery()
    )
    listed_id = case(
        (Organisation.duplicate_of_id.is_(None), Organisation.id),
        else_=func.coalesce(shown_id, Organisation.id),
    )
    statement = select(Organisation.id.label("record_id"), listed_id.label("listed_id"))
    return statement.where(Organisation.status == PUBLISHED).subquery("listing")


def any_record_matches(condition: ColumnElement[bool] | None) -> ColumnElement[bool] | None:
    """Turn a condition on records into one on listed organisations: any of its records matches.

    A word of the duplicate's description, shown on the listed organisation's page, finds it.
    """
    if condition is None:
        return None
    records = listing()
    matching = (
        select(records.c.listed_id)
        .join(Organisation, Organisation.id == records.c.record_id)
        .where(condition)
        .correlate(None)
    )
    return Organisation.id.in_(matching)


def listed_organisations(session: Session) -> list[Organisation]:
    """Return every listed organisation by ref, with its other records loaded."""
    statement = (
        select(Organisation)
        .where(is_listed())
        .options(selectinload(Organisation.duplicates))
        .order_by(Organisation.ref)
    )
    return list(session.scalars(statement))


def shown_record(organisation: Organisation) -> Organisation:
    """Return the record that lists and shows ``organisation``: the one it duplicates, if public."""
    target = organisation.duplicate_of
    return target if is_public(target) else organisation


def records_of(organisation: Organisation) -> list[Organisation]:
    """Return a listed organisation's records: itself, then its published duplicates by ref."""
    return [organisation, *keep_public(organisation.duplicates)]


def listed_services(organisation: Organisation) -> list[Service]:
    """Return the published services of every record of a listed organisation, its own first."""
    records = records_of(organisation)
    return [service for record in records for service in keep_public(record.services)]


def shown_records(organisations: list[Organisation]) -> list[Organisation]:
    """Map published records to the records that show them, once each, in their order."""
    shown = [shown_record(o) for o in keep_public(organisations)]
    return list({record.id: record for record in shown}.values())
