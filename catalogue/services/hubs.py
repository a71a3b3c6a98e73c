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
    Talk,
)
from catalogue.models.practices import practice_organisations
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
    """Count the published hubs, their published services, countries, practices and events."""
    published_org = Organisation.status == PUBLISHED

    def count(statement: Select) -> int:
        return session.scalar(statement) or 0

    return CatalogueCounts(
        hubs=count(select(func.count(Organisation.id)).where(published_org)),
        services=count(
            select(func.count(Service.id))
            .join(Organisation, Organisation.id == Service.organisation_id)
            .where(published_org, Service.status == PUBLISHED)
        ),
        countries=count(select(func.count(distinct(Organisation.country))).where(published_org)),
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
    """A published hub with its published services (by family), practices and workshop talks.

    ``detected`` holds, by vocabulary, what its description names but it does not declare.
    """

    hub: Organisation
    service_groups: list[tuple[str, str, list[Service]]]
    practices: list[Practice]
    talks: list[Talk]
    detected: dict[str, list[DetectedTag]]


def get_hub(session: Session, slug: str) -> HubDetail:
    """Return the published hub with this slug, or raise ``NotFound``."""
    hub = session.scalar(
        select(Organisation).where(Organisation.slug == slug, Organisation.status == PUBLISHED)
    )
    if hub is None:
        raise NotFound(f"There is no published hub at “/hubs/{slug[:120]}”.")
    services = [s for s in hub.services if s.status == PUBLISHED]
    groups = [
        (family, label, [s for s in services if s.family == family])
        for family, label in vocabularies.SERVICE_FAMILIES.items()
    ]
    practices = session.scalars(
        select(Practice)
        .join(practice_organisations, practice_organisations.c.practice_id == Practice.id)
        .where(practice_organisations.c.organisation_id == hub.id, Practice.status == PUBLISHED)
        .order_by(Practice.title)
    ).all()
    talks = session.scalars(
        select(Talk)
        .join(Talk.session)
        .join(EventSession.event)
        .where(Talk.organisation_id == hub.id, Event.status == PUBLISHED)
        .options(contains_eager(Talk.session).contains_eager(EventSession.event))
        .order_by(Event.date, EventSession.position, Talk.position)
    ).all()
    detected = undeclared_detected(hub, {service.family for service in services})
    return HubDetail(hub, [g for g in groups if g[2]], list(practices), list(talks), detected)


def get_service(session: Session, slug: str) -> Service:
    """Return the published service (of a published organisation) with this slug."""
    service = session.scalar(
        select(Service)
        .join(Service.organisation)
        .where(
            Service.slug == slug,
            Service.status == PUBLISHED,
            Organisation.status == PUBLISHED,
        )
        .options(contains_eager(Service.organisation))
    )
    if service is None:
        raise NotFound(f"There is no published service at “/services/{slug[:120]}”.")
    return service
