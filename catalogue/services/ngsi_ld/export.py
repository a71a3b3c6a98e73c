"""The NGSI-LD export: published hubs and services as Smart Data Models key-values entities."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from catalogue import vocabularies
from catalogue.contracts.ngsi_ld import (
    CONTEXT_URL,
    HUB,
    SERVICE,
    HubEntity,
    ServiceEntity,
    build,
    entity_id,
)
from catalogue.models import Organisation, Service
from catalogue.services.downloads import PageUrl, iso_timestamp
from catalogue.services.duplicates import listed_organisations, listed_services

__all__ = ["CONTEXT_URL", "HUB", "SERVICE", "entity_id", "export_entities"]


def export_entities(session: Session, page_url: PageUrl) -> list[dict[str, Any]]:
    """Return every listed organisation and the published services of its records as entities.

    An organisation that several sources describe is one hub entity, owning all their services.
    """
    entities: list[dict[str, Any]] = []
    for organisation in listed_organisations(session):
        services = listed_services(organisation)
        entities.append(hub_entity(organisation, services, page_url))
        entities.extend(service_entity(s, organisation, page_url) for s in services)
    return entities


def compact(entity: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``entity`` whose value is not empty."""
    return {key: value for key, value in entity.items() if value not in (None, "", [], {})}


def _dates(record: Organisation | Service) -> dict[str, str | None]:
    created, updated = iso_timestamp(record.created_at), iso_timestamp(record.updated_at)
    return {"dateCreated": created, "dateModified": updated, "dateUpdated": updated}


def _place(organisation: Organisation) -> dict[str, Any]:
    address = {
        "addressCountry": organisation.country,
        "addressRegion": organisation.region,
        "addressLocality": organisation.city,
    }
    place: dict[str, Any] = {"address": address}
    if organisation.latitude is not None and organisation.longitude is not None:
        coordinates = [organisation.longitude, organisation.latitude]
        place["location"] = {"type": "Point", "coordinates": coordinates}
    return place


def hub_entity(
    organisation: Organisation, services: list[Service], page_url: PageUrl
) -> dict[str, Any]:
    """Map an organisation onto a ``DigitalInnovationHub`` entity (key-values form)."""
    contact = {"email": organisation.email, "availableLanguage": organisation.languages}
    return build(
        HubEntity,
        {
            "id": entity_id(HUB, organisation.ref),
            "type": HUB,
            "name": organisation.name,
            "title": organisation.name,
            "description": organisation.description,
            "kind": organisation.kind,
            "website": organisation.website,
            **_place(organisation),
            "contactPoint": contact,
            "competences": organisation.technologies,
            "domain": organisation.sectors,
            "relation": [{"id": entity_id(SERVICE, service.ref)} for service in services],
            "source": organisation.source_url,
            "dataProvider": organisation.source_name,
            "sourceRetrieved": organisation.source_retrieved,
            "sourceUpdated": organisation.source_updated,
            "seeAlso": [page_url("organisation", organisation.slug)],
            **_dates(organisation),
        },
    )


def service_entity(
    service: Service, organisation: Organisation, page_url: PageUrl
) -> dict[str, Any]:
    """Map a service onto a ``DigitalInnovationHubService`` entity (key-values form)."""
    contact = {"email": organisation.email, "availableLanguage": service.languages}
    has_contact = bool(organisation.email or service.languages)
    return build(
        ServiceEntity,
        {
            "id": entity_id(SERVICE, service.ref),
            "type": SERVICE,
            "name": service.title,
            "title": service.title,
            "description": service.description,
            "category": vocabularies.SERVICE_FAMILIES[service.family],
            "target": [vocabularies.AUDIENCES.get(code, code) for code in service.audiences],
            "url": service.url,
            "contacts": [{"contactPoint": contact}] if has_contact else [],
            "author": organisation.name,
            "owner": [entity_id(HUB, organisation.ref)],
            "competences": service.technologies,
            "domain": service.sectors,
            "price": service.price,
            "delivery": service.delivery,
            **_place(organisation),
            "seeAlso": [page_url("service", service.slug)],
            **_dates(service),
        },
    )
