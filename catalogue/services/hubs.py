"""Looking up what the public pages show: the catalogue's counts, one hub, one service."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.orm import Session, contains_eager

from catalogue import vocabularies
from catalogue.errors import NotFound
from catalogue.models import (
    DetectedTag,
    Event,
    EventSession,
    Organisation,
    Practice,
    Service,
    Tag,
    Talk,
)
from catalogue.models.practices import practice_organisations
from catalogue.services import duplicates, visibility
from catalogue.services.tagging import undeclared_detected
from catalogue.vocabularies import PUBLISHED


@dataclass(frozen=True)
class CatalogueCounts:
    """How much the published catalogue holds."""

    hubs: int
    services: int
    countries: int
    practices: int
    events: int


def catalogue_counts(session: Session) -> CatalogueCounts:
    """Count the listed hubs (one per organisation), published services, countries and more."""
    listed = duplicates.is_listed()

    def count(statement: Select) -> int:
        return session.scalar(statement) or 0

    return CatalogueCounts(
        hubs=count(select(func.count(Organisation.id)).where(listed)),
        services=count(visibility.services_on_offer(func.count(Service.id))),
        countries=count(select(func.count(distinct(Organisation.country))).where(listed)),
        practices=count(select(func.count(Practice.id)).where(Practice.status == PUBLISHED)),
        events=count(select(func.count(Event.id)).where(Event.status == PUBLISHED)),
    )


def count_by_source(session: Session) -> dict[str, int]:
    """Count published organisations per source name."""
    statement = (
        select(Organisation.source_name, func.count())
        .where(Organisation.status == PUBLISHED, Organisation.source_name.is_not(None))
        .group_by(Organisation.source_name)
    )
    return dict(session.execute(statement).all())


@dataclass(frozen=True)
class HubDetail:
    """A listed hub with all its records' services (by family), practices and workshop talks.

    ``records`` is the hub's own record first, then the other sources' records of it.
    ``detected`` holds, by vocabulary, what its description names but it does not declare.
    """

    hub: Organisation
    records: list[Organisation]
    service_groups: list[tuple[str, str, list[Service]]]
    practices: list[Practice]
    talks: list[Talk]
    detected: dict[str, list[DetectedTag]]

    @property
    def tags(self) -> list[Tag]:
        """The technology and sector labels of every record, once each."""
        return list({tag.id: tag for record in self.records for tag in record.tags}.values())


def find_hub(session: Session, slug: str) -> Organisation:
    """Return the published organisation with this slug, or raise ``NotFound``.

    It may be a duplicate record, shown on the page of ``duplicates.shown_record(it)``.
    """
    hub = session.scalar(
        select(Organisation).where(Organisation.slug == slug, Organisation.status == PUBLISHED)
    )
    if hub is None:
        raise NotFound(f"There is no published hub at “/hubs/{slug[:120]}”.")
    return hub


def hub_detail(session: Session, hub: Organisation) -> HubDetail:
    """Gather what the page of a listed hub shows, from each of its records."""
    records = duplicates.records_of(hub)
    ids = [record.id for record in records]
    services = duplicates.listed_services(hub)
    groups = [
        (family, label, [s for s in services if s.family == family])
        for family, label in vocabularies.SERVICE_FAMILIES.items()
    ]
    linked = select(practice_organisations.c.practice_id).where(
        practice_organisations.c.organisation_id.in_(ids)
    )
    practices = session.scalars(
        select(Practice)
        .where(Practice.id.in_(linked), Practice.status == PUBLISHED)
        .order_by(Practice.title)
    ).all()
    talks = session.scalars(
        select(Talk)
        .join(Talk.session)
        .join(EventSession.event)
        .where(Talk.organisation_id.in_(ids), Event.status == PUBLISHED)
        .options(contains_eager(Talk.session).contains_eager(EventSession.event))
        .order_by(Event.date, EventSession.position, Talk.position)
    ).all()
    detected = undeclared_detected(hub, {service.family for service in services})
    groups = [g for g in groups if g[2]]
    return HubDetail(hub, records, groups, list(practices), list(talks), detected)


def get_service(session: Session, slug: str) -> Service:
    """Return the published service (of a published organisation) with this slug."""
    service = session.scalar(
        visibility.services_on_offer()
        .where(Service.slug == slug)
        .options(contains_eager(Service.organisation))
    )
    if service is None:
        raise NotFound(f"There is no published service at “/services/{slug[:120]}”.")
    return service
