"""Serializers: each record as its typed response model (catalogue/contracts), and pages of them."""

from __future__ import annotations

from typing import Any

from flask import request

from catalogue.contracts import api, match
from catalogue.contracts.base import Contract
from catalogue.links import external_url
from catalogue.models import Event, EventSession, Need, Organisation, Practice, Service, Talk
from catalogue.services import freshness
from catalogue.services.downloads import iso_timestamp, public_source
from catalogue.services.duplicates import listed_services, records_of, shown_record, shown_records
from catalogue.services.visibility import keep_public
from matching import Match

# The HTML page of each kind of record; items carry its address as ``url``.
PAGES: dict[str, str] = {
    "organisation": "public.hub_detail",
    "service": "public.service_detail",
    "practice": "practices.practice_detail",
    "event": "workshop.event_detail",
}


def as_json(model: Contract) -> dict[str, Any]:
    """A response model as the JSON it is sent as; keys that are optional and unset stay out."""
    return model.model_dump(mode="json", exclude_unset=True)


def page_url(kind: str, slug: str) -> str:
    """Return the absolute address of a record's HTML page."""
    return external_url(PAGES[kind], slug=slug)


def _source(record: Any) -> api.Source | None:
    source = public_source(record)
    return None if source is None else api.Source(**source)


def _stamps(record: Any) -> dict[str, str | None]:
    """This catalogue's own times; the source's dates are in ``source``."""
    return {
        "created_at": iso_timestamp(record.created_at),
        "updated_at": iso_timestamp(record.updated_at),
        "last_verified_at": iso_timestamp(record.last_verified_at),
        "stale": freshness.is_stale(record),
    }


def organisation_link(organisation: Organisation) -> api.OrganisationLink:
    """A short reference to an organisation as listed: ref, name, country and page.

    A record that another source's record of the same organisation lists is named by that one.
    """
    organisation = shown_record(organisation)
    return api.OrganisationLink(
        ref=organisation.ref,
        name=organisation.name,
        country=organisation.country,
        url=page_url("organisation", organisation.slug),
    )


def _organisation_fields(
    organisation: Organisation, families: list[str], others: list[Organisation]
) -> dict[str, Any]:
    has_location = organisation.latitude is not None and organisation.longitude is not None
    return {
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
        "technologies": list(organisation.technologies),
        "sectors": list(organisation.sectors),
        "families": families,
        "detected": api.Detected(
            technologies=list(organisation.detected_technologies),
            sectors=list(organisation.detected_sectors),
            families=list(organisation.detected_families),
        ),
        "location": (
            api.Location(lat=organisation.latitude, lon=organisation.longitude)
            if has_location
            else None
        ),
        "source": _source(organisation),
        "other_records": [api.OtherRecord(ref=o.ref, source=_source(o)) for o in others],
        **_stamps(organisation),
    }


def serialize_organisation(
    organisation: Organisation, families: list[str], others: list[Organisation]
) -> api.Organisation:
    """An organisation as a list shows it; ``others`` are the other sources' records of it."""
    return api.Organisation(**_organisation_fields(organisation, families, others))


def serialize_organisation_detail(organisation: Organisation) -> api.OrganisationDetail:
    """An organisation with the published services of all its records."""
    services = listed_services(organisation)
    families = sorted({service.family for service in services})
    fields = _organisation_fields(organisation, families, records_of(organisation)[1:])
    nested = [api.ServiceInOrganisation(**_service_fields(service)) for service in services]
    return api.OrganisationDetail(**fields, services=nested)


def _service_fields(service: Service) -> dict[str, Any]:
    return {
        "ref": service.ref,
        "url": page_url("service", service.slug),
        "title": service.title,
        "family": service.family,
        "description": service.description or "",
        "technologies": list(service.technologies),
        "sectors": list(service.sectors),
        "audiences": list(service.audiences or []),
        "languages": list(service.languages or []),
        "website": service.url,
        "price": service.price,
        "delivery": service.delivery,
        "source": _source(service.organisation),
        **_stamps(service),
    }


def serialize_service(service: Service) -> api.Service:
    """A service as the API shows it, with the organisation offering it."""
    return api.Service(
        **_service_fields(service), organisation=organisation_link(service.organisation)
    )


def practice_link(practice: Practice) -> api.PracticeLink:
    """A short reference to a practice: ref, title and page."""
    return api.PracticeLink(
        ref=practice.ref, title=practice.title, url=page_url("practice", practice.slug)
    )


def serialize_practice(practice: Practice) -> api.Practice:
    """A practice with the published organisations behind it."""
    return api.Practice(
        ref=practice.ref,
        title=practice.title,
        url=page_url("practice", practice.slug),
        summary=practice.summary or "",
        website=practice.url,
        country=practice.country,
        city=practice.city,
        technologies=list(practice.technologies),
        sectors=list(practice.sectors),
        organisations=[organisation_link(o) for o in shown_records(practice.organisations)],
        source=_source(practice),
        **_stamps(practice),
    )


def _event_fields(event: Event) -> dict[str, Any]:
    return {
        "ref": event.ref,
        "url": page_url("event", event.slug),
        "title": event.title,
        "date": event.date.isoformat(),
        "description": event.description or "",
        "website": event.url,
        "source": _source(event),
        **_stamps(event),
    }


def serialize_event(event: Event) -> api.Event:
    """An event as a list shows it (its agenda is on its own resource)."""
    return api.Event(**_event_fields(event))


def serialize_event_detail(event: Event) -> api.EventDetail:
    """An event with its agenda: sessions and talks."""
    sessions = [serialize_session(block) for block in event.sessions]
    return api.EventDetail(**_event_fields(event), sessions=sessions)


def serialize_session(block: EventSession) -> api.Session:
    """One block of an agenda with its talks."""
    talks = [serialize_talk(talk) for talk in block.talks]
    return api.Session(title=block.title, start=block.start, end=block.end, talks=talks)


def serialize_talk(talk: Talk) -> api.Talk:
    """A talk; its organisation and practices appear only when published."""
    organisation = shown_records([talk.organisation])
    return api.Talk(
        title=talk.title,
        speaker=talk.speaker,
        affiliation=talk.affiliation,
        organisation=organisation_link(organisation[0]) if organisation else None,
        organisation_verified=talk.organisation_verified if organisation else None,
        practices=[practice_link(p) for p in keep_public(talk.practices)],
    )


def serialize_facets(facets: list[Any]) -> api.Facets:
    """The browse facets of a list of organisations: each option with its counts."""
    return api.Facets(
        **{
            facet.param: [
                api.FacetOption(value=o.value, label=o.label, count=o.count, detected=o.detected)
                for o in facet.options
            ]
            for facet in facets
        }
    )


def serialize_match(match_: Match, organisation: Organisation) -> match.MatchResult:
    """One result of the match API: the organisation, the services and the explanation."""
    explanation = match.Explanation(
        summary=match_.summary,
        matched_terms=[
            match.MatchedTerm(term=t.term, field=t.field, weight=round(t.weight, 4))
            for t in match_.matched_terms
        ],
        families=list(match_.families),
        location=match_.location,
        **({} if match_.semantic is None else {"semantic": round(match_.semantic, 4)}),
    )
    return match.MatchResult(
        rank=match_.rank,
        score=round(match_.score, 4),
        organisation=match.MatchedOrganisation(
            ref=organisation.ref,
            name=organisation.name,
            kind=organisation.kind,
            country=organisation.country,
            url=page_url("organisation", organisation.slug),
        ),
        services=[
            match.MatchedService(ref=s.id, title=s.title, family=s.family, score=round(s.score, 4))
            for s in match_.services
        ],
        explanation=explanation,
    )


def page_fields(page: Any, args: dict[str, Any]) -> dict[str, Any]:
    """A page's total, position and links to itself and its neighbours (all but its items)."""

    def link(number: int) -> str:
        values = args | {"page": number, "per_page": page.per_page}
        return external_url(request.endpoint or "", **values)

    return {
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "links": api.Links(
            self=link(page.page),
            first=link(1),
            last=link(page.pages),
            prev=link(page.page - 1) if page.page > 1 else None,
            next=link(page.page + 1) if page.page < page.pages else None,
        ),
    }


def serialize_need(need: Need) -> api.PublicNeed:
    """A public need as the board shows it (an anonymous one without the municipality)."""
    return api.PublicNeed(
        ref=need.public_ref,
        url=external_url("needs.need_detail", public_ref=need.public_ref),
        text=need.text,
        municipality=need.municipality if need.visibility == "public" else None,
        country=need.country,
        population=need.population,
        families=list(need.families or ()),
        technologies=list(need.technologies or ()),
        language=need.detected_language,
        created_at=iso_timestamp(need.created_at),
    )
