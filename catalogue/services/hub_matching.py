"""Matching in the app: validated requests, records from published rows, one index per process."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError as InvalidRequest
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.contracts.match import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_NEED_LENGTH,
    REQUEST_WORDING,
    MatchFilters,
    MatchRequest,
    request_problems,
)
from catalogue.contracts.problems import problems_of
from catalogue.errors import NotFound, ValidationError
from catalogue.models import Organisation, Service
from catalogue.services import duplicates
from catalogue.services.visibility import keep_public
from catalogue.vocabularies import PUBLISHED
from matching import Match, OrganisationRecord, ServiceRecord, detect_language
from matching.advice import Advice
from matching.answer import answer_need
from matching.bundles import Bundle, MatchedPart
from matching.filters import Filters
from matching.referral import Referral

if TYPE_CHECKING:
    from catalogue.services.indexing import IndexHolder

# The request's rules live with its contract; callers of this service may take them from here.
__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "MAX_NEED_LENGTH",
    "MatchOutcome",
    "MatchRequest",
    "find_matches",
    "organisation_record",
    "published_records",
    "similar_organisations",
    "validate_match_request",
]


@dataclass(frozen=True)
class MatchOutcome:
    """Ranked matches with the organisations and services they name, keyed by ref."""

    language: str
    matches: list[Match]
    organisations: dict[str, Organisation]
    services: dict[str, Service]
    referral: Referral | None = None
    advice: Advice | None = None
    parts: list[MatchedPart] = field(default_factory=list)
    bundle: Bundle | None = None


def validate_match_request(payload: Any) -> MatchRequest:
    """Check a match request (the API's JSON body or a form's data) against the match API rules.

    Raises ``ValidationError`` whose ``fields`` name every offending key.
    """
    try:
        return MatchRequest.model_validate(payload)
    except InvalidRequest as error:
        problems = request_problems(dict(problems_of(error, MatchRequest, REQUEST_WORDING)))
    if "body" in problems:
        raise ValidationError(f"The request body {problems['body']}.", {"body": problems["body"]})
    first = min(problems)
    raise ValidationError(f"{first}: {problems[first]}", dict(sorted(problems.items())))


def _service_record(service: Service) -> ServiceRecord:
    return ServiceRecord(
        id=service.ref,
        title=service.title,
        family=service.family,
        description=service.description or "",
        technologies=tuple(service.technologies),
        sectors=tuple(service.sectors),
        audiences=tuple(service.audiences or ()),
    )


def _union(lists: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for items in lists for item in items))


def organisation_record(organisation: Organisation, *, merged: bool = True) -> OrganisationRecord:
    """Turn a listed organisation, with all its records' published services, into one record.

    The other sources' records of it add their descriptions and labels, so the organisation is
    ranked once, on everything the catalogue knows of it. Only declared tags go in: detected ones
    come from the descriptions the engine reads anyway, so adding them would count the same words
    twice. ``merged=False`` gives the record alone, with its own published services (what one
    source says: the development set is graded on each source's record).
    """
    records = duplicates.records_of(organisation) if merged else [organisation]
    services = (
        duplicates.listed_services(organisation) if merged else keep_public(organisation.services)
    )
    return OrganisationRecord(
        id=organisation.ref,
        name=organisation.name,
        kind=organisation.kind,
        description="\n\n".join(r.description for r in records if r.description),
        country=organisation.country,
        technologies=_union(r.technologies for r in records),
        sectors=_union(r.sectors for r in records),
        languages=_union(r.languages or () for r in records),
        services=tuple(_service_record(s) for s in services),
    )


def published_records(session: Session) -> list[OrganisationRecord]:
    """Return the matching records of every listed organisation, in ref order.

    A duplicate record is not an organisation of its own: it is part of the record it points to.
    """
    return [organisation_record(o) for o in duplicates.listed_organisations(session)]


def _organisations_by_ref(session: Session, refs: Iterable[str]) -> dict[str, Organisation]:
    """The listed organisations among ``refs``, by ref.

    The index may be a moment older than the database (a refit runs in the background), so a
    ref it returns can name a record that was unpublished, deleted or merged meanwhile.
    """
    statement = select(Organisation).where(Organisation.ref.in_(list(refs)), duplicates.is_listed())
    return {organisation.ref: organisation for organisation in session.scalars(statement)}


def _still_listed(matches: list[Match], organisations: Mapping[str, Organisation]) -> list[Match]:
    """Drop matches whose organisation is no longer listed, and number the rest from 1 again."""
    kept = [match for match in matches if match.id in organisations]
    if len(kept) == len(matches):
        return matches
    return [replace(match, rank=rank) for rank, match in enumerate(kept, start=1)]


def _filters(checked: MatchFilters | None) -> Filters:
    """The library's hard filters from the request's (absent means none)."""
    if checked is None:
        return Filters()
    return Filters(
        families=tuple(checked.families or ()),
        countries=tuple(checked.countries or ()),
        kinds=tuple(checked.kinds or ()),
    )


def find_matches(session: Session, holder: IndexHolder, request: MatchRequest) -> MatchOutcome:
    """Rank published organisations and their services against a city's need."""
    index = holder.index(session)
    language = request.language or detect_language(request.text)
    if index is None:
        return MatchOutcome(language, [], {}, {})
    answer = answer_need(
        index,
        request.text,
        country=request.country,
        families=list(request.families) or None,
        language=language,
        limit=request.limit,
        filters=_filters(request.filters),
    )
    named = [m.id for m in answer.matches] + [m.id for p in answer.parts for m in p.best]
    organisations = _organisations_by_ref(session, named)
    services = {
        service.ref: service
        for organisation in organisations.values()
        for service in duplicates.listed_services(organisation)
    }
    return MatchOutcome(
        language,
        _still_listed(answer.matches, organisations),
        organisations,
        services,
        referral=answer.referral,
        advice=answer.advice,
        parts=_parts_still_listed(answer.parts, organisations),
        bundle=answer.bundle,
    )


def _parts_still_listed(
    parts: list[MatchedPart], organisations: Mapping[str, Organisation]
) -> list[MatchedPart]:
    """The parts of a need with only the organisations still listed among their best."""
    return [
        replace(part, matches=[m for m in part.best if m.id in organisations]) for part in parts
    ]


def similar_organisations(
    session: Session, holder: IndexHolder, organisation: Organisation, limit: int = 5
) -> list[tuple[Organisation, Match]]:
    """Return published organisations whose profiles resemble ``organisation``'s, best first."""
    if organisation.status != PUBLISHED:
        raise NotFound(f"No published organisation with ref {organisation.ref!r}.")
    index = holder.index(session)
    if index is None or organisation.ref not in index.record_index_:
        return []  # unpublished by another request since this one looked it up
    matches = index.similar(organisation.ref, limit=limit)
    found = _organisations_by_ref(session, (m.id for m in matches))
    return [(found[m.id], m) for m in matches if m.id in found]
