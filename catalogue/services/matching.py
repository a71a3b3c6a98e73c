"""Matching in the app: validated requests, records from published rows, one index per process."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.errors import NotFound, ValidationError
from catalogue.models import Organisation, Service
from catalogue.services import duplicates
from catalogue.vocabularies import (
    ORGANISATION_KINDS,
    PUBLISHED,
    SERVICE_FAMILIES,
    is_language_code,
    normalise_country,
)
from matching import Match, OrganisationRecord, ServiceRecord, detect_language
from matching.advice import Advice
from matching.answer import answer_need
from matching.bundles import Bundle, MatchedPart
from matching.filters import Filters
from matching.referral import Referral

if TYPE_CHECKING:
    from catalogue.services.indexing import IndexHolder

MAX_NEED_LENGTH = 5000
MAX_LIMIT = 50
DEFAULT_LIMIT = 10
REQUEST_KEYS = frozenset({"text", "country", "families", "language", "limit", "filters"})


@dataclass(frozen=True)
class MatchRequest:
    """A city's need, checked: the text and the optional preferences of the match API."""

    text: str
    country: str | None = None
    families: tuple[str, ...] = ()
    language: str | None = None
    limit: int = DEFAULT_LIMIT
    filters: Filters = Filters()


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


def _check_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    text = value.strip()
    if not text:
        raise ValueError("must not be empty: describe the need in a few words")
    if len(text) > MAX_NEED_LENGTH:
        raise ValueError(f"is {len(text)} characters long; at most {MAX_NEED_LENGTH} are allowed")
    return text


def _check_country(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.isupper() or normalise_country(value) != value:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code such as 'BE'")
    return value


def _check_choices(value: Any, known: Iterable[str], what: str, many: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"must be a list of {many}")
    unknown = [item for item in value if item not in known]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}; use one of {', '.join(known)}")
    return tuple(dict.fromkeys(value))


def _check_families(value: Any) -> tuple[str, ...]:
    return _check_choices(value, SERVICE_FAMILIES, "family", "service family names")


def _check_countries(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("must be a list of ISO 3166-1 alpha-2 country codes")
    return tuple(dict.fromkeys(_check_country(item) for item in value))


_FILTER_CHECKS = {
    "families": _check_families,
    "countries": _check_countries,
    "kinds": lambda value: _check_choices(value, ORGANISATION_KINDS, "kind", "organisation kinds"),
}


def _check_filters(value: Any) -> Filters:
    """Check the hard filters; a problem starts with the filter it concerns ("families: ...")."""
    if value is None:
        return Filters()
    if not isinstance(value, Mapping):
        raise ValueError(f"must be an object of filters, not {_json_type(value)}")
    unknown = sorted(key for key in value if key not in _FILTER_CHECKS)
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a filter; use {', '.join(_FILTER_CHECKS)}")
    checked = {}
    for key, check in _FILTER_CHECKS.items():
        try:
            checked[key] = check(value.get(key))
        except ValueError as error:
            raise ValueError(f"{key}: {error}") from None
    return Filters(**checked)


def _check_language(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not is_language_code(value):
        raise ValueError(f"{value!r} is not an ISO 639-1 language code such as 'de'")
    return value


def _check_limit(value: Any) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON has one number type: 13.0 is the whole number 13
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    if not 1 <= value <= MAX_LIMIT:
        raise ValueError(f"must be between 1 and {MAX_LIMIT}, got {value}")
    return value


_CHECKS = {
    "text": _check_text,
    "country": _check_country,
    "families": _check_families,
    "language": _check_language,
    "limit": _check_limit,
    "filters": _check_filters,
}


def _json_type(value: Any) -> str:
    """Name a parsed JSON value's type as JSON calls it: null, a boolean, a number, ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    return "a string" if isinstance(value, str) else "an array"


def validate_match_request(payload: Any) -> MatchRequest:
    """Check a match request (the API's JSON body or a form's data) against the match API rules.

    Raises ``ValidationError`` whose ``fields`` name every offending key.
    """
    if not isinstance(payload, Mapping):
        problem = f"must be a JSON object, not {_json_type(payload)}"
        raise ValidationError(f"The request body {problem}.", {"body": problem})
    problems = {
        key: "is not a field of a match request" for key in payload if key not in REQUEST_KEYS
    }
    if "text" not in payload:
        problems["text"] = "is required: describe the need in a few words"
    values: dict[str, Any] = {}
    for key, check in _CHECKS.items():
        if key in payload and key not in problems:
            try:
                values[key] = check(payload[key])
            except ValueError as error:
                problems[key] = str(error)
    if problems:
        first = next(iter(sorted(problems)))
        raise ValidationError(f"{first}: {problems[first]}", dict(sorted(problems.items())))
    return MatchRequest(**values)


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


def organisation_record(organisation: Organisation) -> OrganisationRecord:
    """Turn a listed organisation, with all its records' published services, into one record.

    The other sources' records of it add their descriptions and labels, so the organisation is
    ranked once, on everything the catalogue knows of it. Only declared tags go in: detected ones
    come from the descriptions the engine reads anyway, so adding them would count the same words
    twice.
    """
    records = duplicates.records_of(organisation)
    return OrganisationRecord(
        id=organisation.ref,
        name=organisation.name,
        kind=organisation.kind,
        description="\n\n".join(r.description for r in records if r.description),
        country=organisation.country,
        technologies=_union(r.technologies for r in records),
        sectors=_union(r.sectors for r in records),
        languages=_union(r.languages or () for r in records),
        services=tuple(_service_record(s) for s in duplicates.listed_services(organisation)),
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
        filters=request.filters,
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
