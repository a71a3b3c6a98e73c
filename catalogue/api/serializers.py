"""Explicit serializers: the API's JSON shape of each record, and of a page of records."""

from __future__ import annotations

from typing import Any

from flask import request

from catalogue.api.queries import published
from catalogue.links import external_url
from catalogue.models import Event, EventSession, Organisation, Practice, Service, Talk
from catalogue.services import freshness
from catalogue.services.downloads import iso_timestamp, public_source
from catalogue.services.duplicates import listed_services, records_of, shown_record, shown_records

# The HTML page of each kind of record; items carry its address as ``url``.
PAGES: dict[str, str] = {
    "organisation": "public.hub_detail",
    "service": "public.service_detail",
    "practice": "practices.practice_detail",
    "event": "workshop.event_detail",
}


def page_url(kind: str, slug: str) -> str:
    """Return the absolute address of a record's HTML page."""
    return external_url(PAGES[kind], slug=slug)


def _stamps(record: Any) -> dict[str, str | None]:
    """This catalogue's own times; the source's dates are in ``source``."""
    return {
        "created_at": iso_timestamp(record.created_at),
        "updated_at": iso_timestamp(record.updated_at),
        "last_verified_at": iso_timestamp(record.last_verified_at),
        "stale": freshness.is_stale(record),
    }


def organisation_link(organisation: Organisation) -> dict[str, Any]:
    """A short reference to an organisation as listed: ref, name, country and page.

    A record that another source's record of the same organisation lists is named by that one.
    """
    organisation = shown_record(organisation)
    return {
        "ref": organisation.ref,
        "name": organisation.name,
        "country": organisation.country,
        "url": page_url("organisation", organisation.slug),
    }


def serialize_organisation(
    organisation: Organisation,
    families: list[str],
    others: list[Organisation],
    services: list[Service] | None = None,
) -> dict[str, Any]:
    """An organisation as the API shows it; ``services`` are included on its own resource.

    ``others`` are the other sources' records of it, shown under ``other_records``.
    """
    has_location = organisation.latitude is not None and organisation.longitude is not None
    data = {
        "ref": organisation.ref,
        "url": page_url("organisation", organisation.slug),
        "name": organisation.name,
        "kind": organisation.kind,
        "description": organisation.description or "",
        "country": organisation.country,
        "region": organisation.region,
        "city": organisation.city,
        "website": organisation.website,
        "email": organisation.email,
        "languages": list(organisation.languages or []),
        "technologies": organisation.technologies,
        "sectors": organisation.sectors,
        "families": families,
        "detected": {
            "technologies": organisation.detected_technologies,
            "sectors": organisation.detected_sectors,
            "families": organisation.detected_families,
        },
        "location": (
            {"lat": organisation.latitude, "lon": organisation.longitude} if has_location else None
        ),
        "source": public_source(organisation),
        "other_records": [{"ref": o.ref, "source": public_source(o)} for o in others],
        **_stamps(organisation),
    }
    if services is not None:
        data["services"] = [
            serialize_service(service, with_organisation=False) for service in services
        ]
    return data


def serialize_organisation_detail(organisation: Organisation) -> dict[str, Any]:
    """An organisation with the published services of all its records."""
    services = listed_services(organisation)
    families = sorted({service.family for service in services})
    return serialize_organisation(organisation, families, records_of(organisation)[1:], services)


def serialize_service(service: Service, with_organisation: bool = True) -> dict[str, Any]:
    """A service as the API shows it, with the organisation offering it unless nested in it."""
    data = {
        "ref": service.ref,
        "url": page_url("service", service.slug),
        "title": service.title,
        "family": service.family,
        "description": service.description or "",
        "technologies": service.technologies,
        "sectors": service.sectors,
        "audiences": list(service.audiences or []),
        "languages": list(service.languages or []),
        "website": service.url,
        "price": service.price,
        "delivery": service.delivery,
        "source": public_source(service.organisation),
        **_stamps(service),
    }
    if with_organisation:
        data["organisation"] = organisation_link(service.organisation)
    return data


def practice_link(practice: Practice) -> dict[str, Any]:
    """A short reference to a practice: ref, title and page."""
    return {
        "ref": practice.ref,
        "title": practice.title,
        "url": page_url("practice", practice.slug),
    }


def serialize_practice(practice: Practice) -> dict[str, Any]:
    """A practice with the published organisations behind it."""
    return {
        **practice_link(practice),
        "summary": practice.summary or "",
        "website": practice.url,
        "country": practice.country,
        "city": practice.city,
        "technologies": practice.technologies,
        "sectors": practice.sectors,
        "organisations": [organisation_link(o) for o in shown_records(practice.organisations)],
        "source": public_source(practice),
        **_stamps(practice),
    }


def serialize_event(event: Event, with_sessions: bool = False) -> dict[str, Any]:
    """An event; its own resource adds the agenda (sessions and talks)."""
    data = {
        "ref": event.ref,
        "url": page_url("event", event.slug),
        "title": event.title,
        "date": event.date.isoformat(),
        "description": event.description or "",
        "website": event.url,
        "source": public_source(event),
        **_stamps(event),
    }
    if with_sessions:
        data["sessions"] = [serialize_session(block) for block in event.sessions]
    return data


def serialize_session(block: EventSession) -> dict[str, Any]:
    """One block of an agenda with its talks."""
    talks = [serialize_talk(talk) for talk in block.talks]
    return {"title": block.title, "start": block.start, "end": block.end, "talks": talks}


def serialize_talk(talk: Talk) -> dict[str, Any]:
    """A talk; its organisation and practices appear only when published."""
    organisation = shown_records([talk.organisation])
    return {
        "title": talk.title,
        "speaker": talk.speaker,
        "affiliation": talk.affiliation,
        "organisation": organisation_link(organisation[0]) if organisation else None,
        "organisation_verified": talk.organisation_verified if organisation else None,
        "practices": [practice_link(p) for p in published(talk.practices)],
    }


def serialize_page(page: Any, items: list[dict[str, Any]], args: dict[str, Any]) -> dict[str, Any]:
    """A page of items with its total and links to itself and its neighbours."""

    def link(number: int) -> str:
        values = args | {"page": number, "per_page": page.per_page}
        return external_url(request.endpoint or "", **values)

    return {
        "items": items,
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "links": {
            "self": link(page.page),
            "first": link(1),
            "last": link(page.pages),
            "prev": link(page.page - 1) if page.page > 1 else None,
            "next": link(page.page + 1) if page.page < page.pages else None,
        },
    }
