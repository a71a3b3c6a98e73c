"""The NGSI-LD download's entities (FIWARE Smart Data Models, key-values form), as typed models.

The export builds every entity through them and the OpenAPI document's schemas are generated
from them, so the file and its description cannot drift apart. They describe what this platform
writes, a subset of the Smart Data Models schemas ``DigitalInnovationHub`` and
``DigitalInnovationHubService`` (the tests validate the export against those, copied locally).
Empty values are left out, never written as null.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from catalogue.contracts.base import Contract, Timestamp, Uri

CONTEXT_URL = (
    "https://raw.githubusercontent.com/smart-data-models/"
    "dataModel.DigitalInnovationHub/master/context.jsonld"
)
HUB = "DigitalInnovationHub"
SERVICE = "DigitalInnovationHubService"

HubId = Annotated[str, Field(pattern=f"^urn:ngsi-ld:{HUB}:")]
ServiceId = Annotated[str, Field(pattern=f"^urn:ngsi-ld:{SERVICE}:")]
Day = Annotated[str, Field(pattern="^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]


def entity_id(entity_type: str, ref: str) -> str:
    """Return the NGSI-LD id of a record: ``urn:ngsi-ld:<type>:<ref>``."""
    return f"urn:ngsi-ld:{entity_type}:{ref}"


class Address(Contract):
    """Where the organisation is."""

    addressCountry: str | None = None
    addressRegion: str | None = None
    addressLocality: str | None = None


class Point(Contract):
    """GeoJSON point, longitude first."""

    type: Literal["Point"]
    coordinates: Annotated[list[float], Field(min_length=2, max_length=2)]


class ContactPoint(Contract):
    """How to reach the organisation, and in which languages."""

    email: str | None = None
    availableLanguage: list[str] | None = None


class Contact(Contract):
    """One entry of a service's ``contacts``."""

    contactPoint: ContactPoint


class Relation(Contract):
    """A link to a service entity of the same file."""

    id: ServiceId


class Entity(Contract):
    """What both entity types carry: identity, place, provenance and dates."""

    name: str
    title: str
    description: str | None = None
    address: Address | None = None
    location: Point | None = None
    competences: list[str] | None = None
    domain: list[str] | None = None
    seeAlso: list[Uri] = Field(description="The record's page on this platform.")
    dateCreated: Timestamp | None = None
    dateModified: Timestamp | None = None
    dateUpdated: Timestamp | None = None
    context: Uri = Field(alias="@context", description="Always " + CONTEXT_URL)


class HubEntity(Entity):
    """An organisation as a ``DigitalInnovationHub``; one per listed organisation."""

    id: HubId
    type: Literal["DigitalInnovationHub"]
    kind: str
    website: Uri | None = None
    contactPoint: ContactPoint | None = None
    relation: list[Relation] | None = None
    source: Uri | None = None
    dataProvider: str | None = None
    sourceRetrieved: Day | None = None
    sourceUpdated: Day | None = None


class ServiceEntity(Entity):
    """A published service as a ``DigitalInnovationHubService`` of its organisation."""

    id: ServiceId
    type: Literal["DigitalInnovationHubService"]
    category: str = Field(description="The service family, in English.")
    target: list[str] | None = None
    url: Uri | None = None
    contacts: list[Contact] | None = None
    author: str
    owner: list[HubId]
    price: str | None = None
    delivery: str | None = None


ENTITIES = (HubEntity, ServiceEntity)


def _without_empty(value: Any) -> Any:
    """Drop empty strings, lists and objects (and the keys holding them), at every depth."""
    if isinstance(value, dict):
        kept = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, "", [], {})}
    if isinstance(value, list | tuple):
        return [_without_empty(item) for item in value]
    return value


def build(model: type[HubEntity | ServiceEntity], fields: dict[str, Any]) -> dict[str, Any]:
    """Check ``fields`` against ``model`` and return the entity as the file writes it.

    A key the model does not define, or a value of the wrong type, raises: the export cannot
    write what the published schema does not describe.
    """
    entity = model.model_validate(_without_empty(fields) | {"@context": CONTEXT_URL})
    return entity.model_dump(mode="json", by_alias=True, exclude_none=True)
