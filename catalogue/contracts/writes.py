"""What hubs' own systems send to change their profile and services, and what they get back."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, ValidationError

from catalogue import errors, vocabularies
from catalogue.services.editing import PRICE_MODELS

Kind = Literal[tuple(vocabularies.ORGANISATION_KINDS)]  # type: ignore[valid-type]
Family = Literal[tuple(vocabularies.SERVICE_FAMILIES)]  # type: ignore[valid-type]
Audience = Literal[tuple(vocabularies.AUDIENCES)]  # type: ignore[valid-type]
Delivery = Literal[tuple(vocabularies.DELIVERY_MODES)]  # type: ignore[valid-type]
Price = Literal[tuple(PRICE_MODELS)]  # type: ignore[valid-type]
Technology = Literal[vocabularies.TECHNOLOGIES]  # type: ignore[valid-type]
Sector = Literal[vocabularies.SECTORS]  # type: ignore[valid-type]
Country = Literal[vocabularies.EUROPEAN_COUNTRIES]  # type: ignore[valid-type]
STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ProfileWrite(BaseModel):
    """A change to an organisation's profile: the version it was based on and the fields to set."""

    model_config = STRICT

    version: int = Field(description="The `version` of the profile this change is based on.")
    name: str | None = Field(None, min_length=1, max_length=300)
    kind: Kind | None = None
    description: str | None = Field(None, min_length=1, max_length=10_000)
    website: HttpUrl | None = None
    email: EmailStr | None = None
    country: Country | None = None
    region: str | None = Field(None, max_length=200)
    city: str | None = Field(None, max_length=200)
    languages: list[str] | None = Field(None, max_length=40)
    technologies: list[Technology] | None = Field(None, max_length=40)
    sectors: list[Sector] | None = Field(None, max_length=40)


class ServiceFields(BaseModel):
    """The optional fields of a service."""

    model_config = STRICT

    audiences: list[Audience] | None = Field(None, max_length=10)
    technologies: list[Technology] | None = Field(None, max_length=40)
    sectors: list[Sector] | None = Field(None, max_length=40)
    languages: list[str] | None = Field(None, max_length=40)
    price: Price | None = None
    delivery: Delivery | None = None
    regions: list[Country] | None = Field(None, max_length=60)
    url: HttpUrl | None = None
    contact: EmailStr | None = None


class ServiceCreate(ServiceFields):
    """A new service."""

    title: str = Field(min_length=1, max_length=300)
    family: Family
    description: str = Field(min_length=1, max_length=10_000)


class ServiceWrite(ServiceFields):
    """A change to a service: the version it was based on and the fields to set."""

    version: int = Field(description="The `version` of the service this change is based on.")
    title: str | None = Field(None, min_length=1, max_length=300)
    family: Family | None = None
    description: str | None = Field(None, min_length=1, max_length=10_000)


class WriteOutcome(BaseModel):
    """What became of a write: `live` (public now, reviewed after), `pending` (waits for a
    moderator), `saved` (the organisation itself is not published yet) or `unchanged`."""

    outcome: Literal["live", "pending", "saved", "unchanged"]
    ref: str
    status: str = Field(description="The record's publication status now.")
    version: int = Field(description="The record's version now: send it with the next change.")
    values: dict[str, Any] = Field(description="The record's editable fields as published now.")


class ManagedOrganisation(BaseModel):
    """An organisation the token's account manages."""

    ref: str
    name: str
    status: str
    version: int
    verified_manager: bool = Field(
        description="Whether changes of this account go live at once (else they wait)."
    )


class Me(BaseModel):
    """The token's account and the organisations it manages."""

    email: str
    organisations: list[ManagedOrganisation]


def parse(model: type[BaseModel], body: Any) -> dict[str, Any]:
    """Validate a JSON body; return the fields it sets, as the editing services take them."""
    if not isinstance(body, dict):
        raise errors.ValidationError("The request body must be a JSON object.")
    try:
        parsed = model.model_validate(body)
    except ValidationError as error:
        fields = {
            ".".join(str(part) for part in problem["loc"]) or "body": problem["msg"]
            for problem in error.errors()
        }
        raise errors.ValidationError("The request body is not valid.", fields) from error
    values = parsed.model_dump(exclude_unset=True, mode="json")
    for name in ("languages",):
        for code in values.get(name) or []:
            if not vocabularies.is_language_code(code):
                raise errors.ValidationError(
                    "The request body is not valid.", {name: f"{code!r} is not an ISO 639-1 code"}
                )
    return values


# What the token writes read, and what they answer with (for the OpenAPI components).
REQUESTS: tuple[type[BaseModel], ...] = (ProfileWrite, ServiceCreate, ServiceWrite)
RESPONSES: tuple[type[BaseModel], ...] = (WriteOutcome, Me, ManagedOrganisation)
