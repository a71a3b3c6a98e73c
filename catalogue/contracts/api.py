"""The read API's responses (/api/v1), as typed models: the serializers build them, the OpenAPI
components are generated from them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from catalogue import vocabularies
from catalogue.contracts.base import Contract, Ref, Timestamp, Uri

Family = Literal[tuple(vocabularies.SERVICE_FAMILIES)]  # type: ignore[valid-type]
Kind = Literal[tuple(vocabularies.ORGANISATION_KINDS)]  # type: ignore[valid-type]
Delivery = Literal[tuple(vocabularies.DELIVERY_MODES)]  # type: ignore[valid-type]
PartialDate = Annotated[str, Field(pattern="^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
Clock = Annotated[str, Field(pattern="^[0-2][0-9]:[0-5][0-9]$")]
Count = Annotated[int, Field(ge=0)]


class ErrorBody(Contract):
    """What went wrong."""

    status: Annotated[int, Field(ge=400, le=599)]
    message: str
    fields: dict[str, str] = Field(
        None, description="Each offending parameter or field, with its problem."
    )


class Error(Contract):
    """The platform's one error shape, for every JSON error."""

    error: ErrorBody


class Links(Contract):
    """A page's address and its neighbours'."""

    self: Uri
    first: Uri
    last: Uri
    prev: Uri | None
    next: Uri | None


class Source(Contract):
    """Where a record comes from, with its public attribution."""

    name: str = None
    url: str = None
    retrieved: PartialDate = Field(
        None, description="When the record was taken from the source (YYYY-MM or a date)."
    )
    updated: PartialDate = Field(
        None,
        description="When the source last changed the record (for a cited document: its date), "
        "as YYYY, YYYY-MM or YYYY-MM-DD; absent when the source gives no date of its own, as for "
        "the JRC snapshot, whose data is as of `retrieved`.",
    )
    licence: str = None
    attribution: str = None


# This catalogue's own times; the source's dates are in ``source``.
CreatedAt = Annotated[
    Timestamp | None,
    Field(description="When the record was added to (imported into) this catalogue."),
]
UpdatedAt = Annotated[
    Timestamp | None,
    Field(
        description="When this catalogue last wrote the record (an import or an edit); not when "
        "its source changed it: see `source.updated` and `source.retrieved`."
    ),
]
LastVerifiedAt = Annotated[
    Timestamp | None,
    Field(
        description="When its managers or a moderator last verified the record; null until then."
    ),
]
Stale = Annotated[
    bool,
    Field(
        description="Not verified for 12 months: by `last_verified_at`, else the source's own "
        "date, else `created_at`."
    ),
]


class OrganisationLink(Contract):
    """A short reference to an organisation as listed."""

    ref: Ref
    name: str
    country: str | None
    url: Uri


class PracticeLink(Contract):
    """A short reference to a practice."""

    ref: Ref
    title: str
    url: Uri


class Detected(Contract):
    """Technologies, sectors and service families the platform found in the organisation's name
    and description (derived automatically, so it can be wrong; whether or not the organisation
    also declares them). `technologies`, `sectors` and `families` of the organisation are what
    the source declares and the services it offers."""

    technologies: list[str]
    sectors: list[str]
    families: list[Family]


class Location(Contract):
    """A point in WGS 84."""

    lat: float
    lon: float


class OtherRecord(Contract):
    """Another source's record of the same organisation."""

    ref: Ref
    source: Source | None


class ServiceInOrganisation(Contract):
    """A published service, as listed on its organisation."""

    ref: Ref
    url: Uri
    title: str
    family: Family
    description: str
    technologies: list[str]
    sectors: list[str]
    audiences: list[str]
    languages: list[str]
    website: str | None
    price: str | None
    delivery: Delivery | None
    source: Source | None = Field(
        description="The source of the organisation's record, which the service came in."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt
    last_verified_at: LastVerifiedAt
    stale: Stale


class Service(ServiceInOrganisation):
    """A published service with the organisation offering it."""

    organisation: OrganisationLink


class Organisation(Contract):
    """A published organisation."""

    ref: Ref
    url: Uri
    name: str
    kind: Kind
    description: str
    country: str | None
    region: str | None
    city: str | None
    website: str | None
    email: str | None
    languages: list[str]
    technologies: list[str]
    sectors: list[str]
    families: list[Family]
    detected: Detected
    location: Location | None
    source: Source | None
    other_records: list[OtherRecord] = Field(
        description="Other sources' records of the same organisation, listed as this one: their "
        "services are among this organisation's, and their own addresses redirect here."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt
    last_verified_at: LastVerifiedAt
    stale: Stale


class OrganisationDetail(Organisation):
    """An organisation with the published services of all its records."""

    services: list[ServiceInOrganisation]


class Practice(Contract):
    """A published good practice with the published organisations behind it."""

    ref: Ref
    title: str
    url: Uri
    summary: str
    website: str | None
    country: str | None
    city: str | None
    technologies: list[str]
    sectors: list[str]
    organisations: list[OrganisationLink]
    source: Source | None
    created_at: CreatedAt
    updated_at: UpdatedAt
    last_verified_at: LastVerifiedAt
    stale: Stale


class PublicNeed(Contract):
    """A city's need on the public needs board; an anonymous one without the city's name.

    A private need is never in the API; no need shows the official's e-mail address.
    """

    ref: str = Field(description="The need's public reference (its board page's last segment).")
    url: Uri
    text: str
    municipality: str | None = Field(description="None when the city asked without its name.")
    country: str | None
    population: str | None
    families: list[Family]
    technologies: list[str] = Field(description="Technologies detected in the text.")
    language: str
    created_at: CreatedAt


class Talk(Contract):
    """A talk; its organisation and practices appear only when published."""

    title: str
    speaker: str | None
    affiliation: str | None
    organisation: OrganisationLink | None
    organisation_verified: bool | None = Field(
        description="false when the organisation is the editors' identification of the agenda's "
        "wording, which no source confirms; null when the talk links none."
    )
    practices: list[PracticeLink]


class Session(Contract):
    """One block of an agenda with its talks."""

    title: str
    start: Clock | None
    end: Clock | None
    talks: list[Talk]


class Event(Contract):
    """A published event."""

    ref: Ref
    url: Uri
    title: str
    date: Annotated[str, Field(json_schema_extra={"format": "date"})]
    description: str
    website: str | None
    source: Source | None
    created_at: CreatedAt
    updated_at: UpdatedAt
    last_verified_at: LastVerifiedAt
    stale: Stale


class EventDetail(Event):
    """An event with its agenda."""

    sessions: list[Session]


class FacetOption(Contract):
    """One value of a facet with how many organisations have it."""

    value: str
    label: str
    count: Count
    detected: Count = Field(
        description="How many of `count` only have this value detected in their description: "
        "they neither declare it nor (for a family) offer a published service in it. Always 0 "
        "for `kind` and `country`."
    )


class Facets(Contract):
    """The browse page's facets over the whole filtered list."""

    kind: list[FacetOption]
    country: list[FacetOption]
    family: list[FacetOption]
    technology: list[FacetOption]
    sector: list[FacetOption]


class Page(Contract):
    """A page of records with its total, position and links."""

    items: list
    total: Count
    page: Annotated[int, Field(ge=1)]
    per_page: Annotated[int, Field(ge=1, le=100)]
    pages: Annotated[int, Field(ge=1)]
    links: Links


class OrganisationPage(Page):
    """A page of organisations with the facets of the whole list."""

    items: list[Organisation]
    facets: Facets


class ServicePage(Page):
    """A page of services."""

    items: list[Service]


class PracticePage(Page):
    """A page of practices."""

    items: list[Practice]


class NeedPage(Page):
    """A page of public needs, newest first."""

    items: list[PublicNeed]


class EventPage(Page):
    """A page of events."""

    items: list[Event]


RESPONSES: tuple[type[Contract], ...] = (
    Error,
    OrganisationPage,
    OrganisationDetail,
    ServicePage,
    Service,
    PracticePage,
    Practice,
    EventPage,
    EventDetail,
    NeedPage,
)
