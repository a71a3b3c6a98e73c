"""Export the catalogue as an interchange document, ordered so round trips are exact."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.contracts.interchange import FORMAT, VERSION, InterchangeDocument
from catalogue.models import Event, EventSession, Organisation, Practice, Service, Talk
from catalogue.vocabularies import PUBLISHED


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out keys whose value is empty, as an import would store them as empty anyway."""
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}


def _source(record: Organisation | Practice | Event) -> dict[str, Any]:
    return _compact(
        {
            "name": record.source_name,
            "url": record.source_url,
            "retrieved": record.source_retrieved,
            "updated": record.source_updated,
        }
    )


class _Exporter:
    """Serialises rows; ``published_only`` leaves out non-public records and the links to them."""

    def __init__(self, session: Session, published_only: bool) -> None:
        self.session, self.published_only = session, published_only

    def rows(self, model: type) -> list[Any]:
        """The rows of ``model`` to export, sorted by ref."""
        query = select(model).order_by(model.ref)
        if self.published_only:
            query = query.where(model.status == PUBLISHED)
        return list(self.session.scalars(query))

    def shown(self, record: Any) -> bool:
        """Tell whether ``record`` (maybe ``None``) is exported, so links to it may be."""
        return record is not None and (not self.published_only or record.status == PUBLISHED)

    def organisation(self, organisation: Organisation) -> dict[str, Any]:
        """One organisation with its services."""
        duplicate_of = organisation.duplicate_of
        location = None
        if organisation.latitude is not None and organisation.longitude is not None:
            location = {"lat": organisation.latitude, "lon": organisation.longitude}
        return _compact(
            {
                "ref": organisation.ref,
                "name": organisation.name,
                "kind": organisation.kind,
                "description": organisation.description,
                "country": organisation.country,
                "region": organisation.region,
                "city": organisation.city,
                "website": organisation.website,
                "email": organisation.email,
                "languages": organisation.languages,
                "technologies": organisation.technologies,
                "sectors": organisation.sectors,
                "location": location,
                "source": _source(organisation),
                "duplicate_of": duplicate_of.ref if self.shown(duplicate_of) else None,
                "services": [self.service(s) for s in organisation.services if self.shown(s)],
                "extra": organisation.extra,
            }
        )

    def service(self, service: Service) -> dict[str, Any]:
        """One service (its order is its position in the organisation's list)."""
        return _compact(
            {
                "ref": service.ref,
                "title": service.title,
                "family": service.family,
                "description": service.description,
                "technologies": service.technologies,
                "sectors": service.sectors,
                "audiences": service.audiences,
                "languages": service.languages,
                "url": service.url,
                "price": service.price,
                "delivery": service.delivery,
                "extra": service.extra,
            }
        )

    def practice(self, practice: Practice) -> dict[str, Any]:
        """One practice with the refs of its organisations."""
        return _compact(
            {
                "ref": practice.ref,
                "title": practice.title,
                "summary": practice.summary,
                "url": practice.url,
                "country": practice.country,
                "city": practice.city,
                "deployment_status": practice.deployment_status,
                "government_level": practice.government_level,
                "lead_organisation": practice.lead_organisation,
                "technologies": practice.technologies,
                "sectors": practice.sectors,
                "organisations": sorted(o.ref for o in practice.organisations if self.shown(o)),
                "source": _source(practice),
                "extra": practice.extra,
            }
        )

    def event(self, event: Event) -> dict[str, Any]:
        """One event with its agenda."""
        return _compact(
            {
                "ref": event.ref,
                "title": event.title,
                "date": event.date.isoformat(),
                "description": event.description,
                "url": event.url,
                "source": _source(event),
                "sessions": [self.session_block(block) for block in event.sessions],
                "extra": event.extra,
            }
        )

    def session_block(self, block: EventSession) -> dict[str, Any]:
        """One agenda block with its talks."""
        talks = [self.talk(talk) for talk in block.talks]
        return _compact(
            {"title": block.title, "start": block.start, "end": block.end, "talks": talks}
        )

    def talk(self, talk: Talk) -> dict[str, Any]:
        """One talk, with the refs of its organisation and practices where they are exported."""
        organisation = talk.organisation.ref if self.shown(talk.organisation) else None
        # Only the exception is written: a talk's organisation is confirmed unless it says not.
        unverified = organisation is not None and not talk.organisation_verified
        return _compact(
            {
                "title": talk.title,
                "speaker": talk.speaker,
                "affiliation": talk.affiliation,
                "organisation": organisation,
                "organisation_verified": False if unverified else None,
                "practices": sorted(p.ref for p in talk.practices if self.shown(p)),
            }
        )


def export_catalogue(session: Session, *, published_only: bool = False) -> dict[str, Any]:
    """Return the catalogue as an interchange document (version 1).

    Records are sorted by ref, services by their position, labels alphabetically; empty
    values are left out, so exporting, importing into an empty database and exporting again
    gives the same document. With ``published_only`` (the public download), drafts, pending
    and archived records and the links to them are left out.
    """
    exporter = _Exporter(session, published_only)
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    document["organisations"] = [exporter.organisation(o) for o in exporter.rows(Organisation)]
    document["practices"] = [exporter.practice(p) for p in exporter.rows(Practice)]
    document["events"] = [exporter.event(e) for e in exporter.rows(Event)]
    # Built through the format's model: a key or a value the published schema does not allow
    # fails here, in the tests, rather than in someone else's import.
    built = InterchangeDocument.model_validate(_compact(document))
    return built.model_dump(mode="json", exclude_unset=True)
