"""The match API (docs/match-api.md, version 1.1) as typed models: the request validates every
way in (API, needs form, CLI), the response is built through its model, OpenAPI comes from both."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from catalogue import vocabularies
from catalogue.contracts.api import Family, Kind
from catalogue.contracts.base import Contract, Ref, Uri
from catalogue.contracts.problems import json_type, problem

MAX_NEED_LENGTH = 5000
MAX_LIMIT = 50
DEFAULT_LIMIT = 10
Score = Annotated[float, Field(ge=0, le=1)]
# Where a matched term was found: the record's fields a reader recognises.
MatchedField = Literal[
    "name",
    "description",
    "technologies",
    "sectors",
    "service title",
    "service description",
    "audiences",
]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("must be a string")
    text = value.strip()
    if not text:
        raise problem("must not be empty: describe the need in a few words")
    if len(text) > MAX_NEED_LENGTH:
        raise problem(f"is {len(text)} characters long; at most {MAX_NEED_LENGTH} are allowed")
    return text


def _country(value: Any) -> Any:
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or not value.isupper()
        or vocabularies.normalise_country(value) != value
    ):
        raise problem(f"{value!r} is not an ISO 3166-1 alpha-2 country code such as 'BE'")
    return value


def _families(value: Any) -> Any:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise problem("must be a list of service family names")
    unknown = [item for item in value if item not in vocabularies.SERVICE_FAMILIES]
    if unknown:
        names = ", ".join(vocabularies.SERVICE_FAMILIES)
        raise problem(f"unknown family {unknown[0]!r}; use one of {names}")
    return tuple(dict.fromkeys(value))


def _language(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str) or not vocabularies.is_language_code(value):
        raise problem(f"{value!r} is not an ISO 639-1 language code such as 'de'")
    return value


def _limit(value: Any) -> Any:
    if value is None:
        return DEFAULT_LIMIT
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON has one number type: 13.0 is the whole number 13
    if isinstance(value, bool) or not isinstance(value, int):
        raise problem("must be a whole number")
    if not 1 <= value <= MAX_LIMIT:
        raise problem(f"must be between 1 and {MAX_LIMIT}, got {value}")
    return value


def _codes(check: Any) -> Any:
    """A list of codes, each passing ``check``; returned without repeats."""

    def codes(value: Any) -> Any:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise problem(f"must be a list, not {_article(json_type(value))}")
        return tuple(dict.fromkeys(check(item) for item in value))

    return codes


def _kind(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("must be a list of organisation kinds")
    if value not in vocabularies.ORGANISATION_KINDS:
        kinds = ", ".join(vocabularies.ORGANISATION_KINDS)
        raise problem(f"unknown kind {value!r}; use one of {kinds}")
    return value


CountryCode = Literal[tuple(vocabularies.country_codes())]  # type: ignore[valid-type]
LanguageCode = Literal[tuple(vocabularies.language_codes())]  # type: ignore[valid-type]


class MatchFilters(Contract):
    """Hard filters (version 1.1): only organisations that satisfy every given one are returned."""

    families: Annotated[tuple[Family, ...] | None, BeforeValidator(_families)] = Field(
        (), description="The organisation offers a service in one of them, or its profile says so."
    )
    countries: Annotated[tuple[CountryCode, ...] | None, BeforeValidator(_codes(_country))] = Field(
        (), description="ISO 3166-1 alpha-2 codes."
    )
    kinds: Annotated[tuple[Kind, ...] | None, BeforeValidator(_codes(_kind))] = ()


class MatchRequest(Contract):
    """A city's need, checked: the text and the optional preferences of the match API."""

    model_config = {"json_schema_extra": {"example": {"text": "Test an AI traffic tool first"}}}

    text: Annotated[str, BeforeValidator(_text)] = Field(
        description="The need in the city's own words, any EU language, 1-5,000 characters "
        "after trimming.",
        min_length=1,
        max_length=MAX_NEED_LENGTH,
        pattern=r"\S",
    )
    country: Annotated[CountryCode | None, BeforeValidator(_country)] = Field(
        None, description="ISO 3166-1 alpha-2 code of the asking city; nearby hubs first."
    )
    families: Annotated[tuple[Family, ...] | None, BeforeValidator(_families)] = Field(
        (), description="Service families wanted: a preference, not a filter."
    )
    language: Annotated[LanguageCode | None, BeforeValidator(_language)] = Field(
        None, description="ISO 639-1 code of the text; detected when absent."
    )
    limit: Annotated[Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None, BeforeValidator(_limit)] = (
        Field(DEFAULT_LIMIT, description="How many organisations at most; 10 when absent or null.")
    )
    filters: MatchFilters | None = Field(
        None, description="Hard filters (version 1.1); each is optional."
    )

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            raise problem(f"must be a JSON object, not {_article(json_type(value))}", key="body")
        return value

    @field_validator("filters", mode="before")
    @classmethod
    def _filters_object(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, dict):
            raise problem(f"must be an object of filters, not {_article(json_type(value))}")
        return value


def _article(kind: str) -> str:
    """``a boolean``, ``an array``: JSON's names of types as the match API's messages say them."""
    kind = {"list": "array"}.get(kind, kind)
    return kind if kind == "null" else ("an " if kind[0] in "aeiou" else "a ") + kind


# How the match API words what pydantic finds on its own.
REQUEST_WORDING = {
    "missing": "is required: describe the need in a few words",
    "extra_forbidden": "is not a field of a match request",
}


def request_problems(problems: dict[str, str]) -> dict[str, str]:
    """The problems of a match request as docs/match-api.md words them.

    A problem inside ``filters`` is reported under ``filters``, naming the filter first
    ("families: unknown family ..."); an unknown filter lists the known ones.
    """
    folded: dict[str, str] = {}
    for key, message in sorted(problems.items()):
        name = key.removeprefix("filters.")
        if name == key:
            folded[key] = message
        elif message == REQUEST_WORDING["extra_forbidden"]:
            known = ", ".join(MatchFilters.model_fields)
            folded.setdefault("filters", f"{name!r} is not a filter; use {known}")
        else:
            folded.setdefault("filters", f"{name}: {message}")
    return folded


class MatchQuery(Contract):
    """The request as understood: the trimmed text, its language and the asking country."""

    text: str
    language: str
    country: str | None


class MatchedOrganisation(Contract):
    """The organisation a result ranks."""

    ref: Ref
    name: str
    kind: Kind
    country: str | None
    url: Uri


class MatchedService(Contract):
    """A service that carried the match."""

    ref: Ref
    title: str
    family: Family
    score: Score


class MatchedTerm(Contract):
    """A term of the need that the record's text states, where, and how much it weighed."""

    term: str
    field: MatchedField
    weight: Annotated[float, Field(ge=0)]


class Explanation(Contract):
    """Why a result is there."""

    summary: str
    matched_terms: list[MatchedTerm]
    families: list[Family]
    location: str
    semantic: Score = Field(None, description="Share of the score from similarity of meaning.")


class MatchResult(Contract):
    """One ranked organisation with the services behind it and the explanation."""

    rank: Annotated[int, Field(ge=1)]
    score: Score
    organisation: MatchedOrganisation
    services: list[MatchedService]
    explanation: Explanation


class Referral(Contract):
    """Version 1.1: what the city sees of its own country's hubs (present whenever it gave one)."""

    country: str
    message: str
    local_results: Annotated[int, Field(ge=0)]


class NeedPart(Contract):
    """Version 1.1: one of several things the need asks for, with the organisations for it."""

    text: str
    family: Family
    organisations: list[Ref]


class Bundle(Contract):
    """Version 1.1: organisations that together cover every part of the need."""

    organisations: list[Ref]
    summary: str


class Matches(Contract):
    """The match API's answer; the keys of version 1.1 appear only when they apply."""

    query: MatchQuery
    results: list[MatchResult]
    referral: Referral = None
    parts: list[NeedPart] = Field(
        None, description="Present when the need asks for several things of different families."
    )
    bundle: Bundle = None
    advice: str = Field(None, description="Present when the need is too vague to rank on.")
