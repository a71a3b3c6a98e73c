"""The catalogue interchange format, version 1 (docs/interchange.md), as typed models.

The import validates with them, the downloads' OpenAPI components and the published JSON Schema
(``/api/v1/schemas/interchange.json``, ``docs/interchange.schema.json``) are generated from them.
Optional keys default to ``None`` without accepting it: a key present holds a value of its type.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field, model_validator

from catalogue import vocabularies
from catalogue.contracts import values as v
from catalogue.contracts.base import Contract, WithoutNullDefaults
from catalogue.contracts.problems import problem

FORMAT = "dih-catalogue"
VERSION = 1
SCHEMA_ID = "urn:dih-catalogue:interchange:1"  # names the schema; every instance serves it


class InterchangeSource(Contract):
    """Where a record comes from."""

    name: v.non_empty(300)
    url: v.Url = None
    retrieved: v.MonthOrDate = Field(None, description="When it was taken from the source.")
    updated: v.PartialDateText = Field(
        None, description="When the source itself last changed the record."
    )


class InterchangeLocation(Contract):
    """A point in WGS 84."""

    lat: v.number_in(-90, 90)
    lon: v.number_in(-180, 180)


Technologies = v.labels("technology")
Sectors = v.labels("sector")


class InterchangeService(Contract):
    """A service an organisation offers; its ref is unique among all services of a document."""

    ref: v.Ref
    title: v.Name
    family: v.choice(vocabularies.SERVICE_FAMILIES, "family")
    description: v.LongText = None
    technologies: Technologies = None
    sectors: Sectors = None
    audiences: list[v.non_empty(100)] = None
    languages: list[v.Language] = None
    url: v.Url = None
    price: v.text(300) = None
    delivery: v.choice(vocabularies.DELIVERY_MODES, "delivery") = None
    extra: v.Extra = Field(None, description="Any JSON object, kept as it is.")


class InterchangeOrganisation(Contract):
    """A hub or another organisation, with its services."""

    ref: v.Ref
    name: v.Name
    kind: v.choice(vocabularies.ORGANISATION_KINDS, "kind")
    description: v.LongText = None
    country: v.Country = None
    region: v.text(200) = None
    city: v.text(200) = None
    website: v.Url = None
    email: v.Email = None
    languages: list[v.Language] = None
    technologies: Technologies = None
    sectors: Sectors = None
    location: InterchangeLocation = None
    source: InterchangeSource = None
    duplicate_of: v.Ref = Field(
        None, description="The ref of another source's record of the same organisation."
    )
    services: list[InterchangeService] = None
    extra: v.Extra = Field(None, description="Any JSON object, kept as it is.")

    @model_validator(mode="after")
    def _not_a_duplicate_of_itself(self) -> InterchangeOrganisation:
        if self.duplicate_of is not None and self.duplicate_of == self.ref:
            raise problem("a record cannot be a duplicate of itself", key="duplicate_of")
        return self


class InterchangePractice(Contract):
    """A good practice others can learn from."""

    ref: v.Ref
    title: v.Name
    summary: v.LongText = None
    url: v.Url = None
    country: v.Country = None
    city: v.text(200) = None
    deployment_status: v.choice(vocabularies.DEPLOYMENT_STATUSES, "deployment_status") = None
    government_level: v.choice(vocabularies.GOVERNMENT_LEVELS, "government_level") = None
    lead_organisation: v.text(300) = Field(
        None, description="The public body that ran the practice, as the source names it."
    )
    technologies: Technologies = None
    sectors: Sectors = None
    organisations: list[v.Ref] = Field(None, description="Refs of organisations.")
    source: InterchangeSource = None
    extra: v.Extra = Field(None, description="Any JSON object, kept as it is.")


class InterchangeTalk(Contract):
    """A talk of an agenda block."""

    title: v.Name
    speaker: v.text(300) = None
    affiliation: v.text(300) = None
    organisation: v.Ref = Field(None, description="The ref of the organisation presenting.")
    organisation_verified: bool = Field(
        None, description="false when no source confirms the link to the organisation."
    )
    practices: list[v.Ref] = Field(None, description="Refs of practices presented.")

    @model_validator(mode="after")
    def _verified_needs_organisation(self) -> InterchangeTalk:
        if "organisation_verified" in self.model_fields_set and self.organisation is None:
            raise problem("only allowed with an organisation", key="organisation_verified")
        return self


class InterchangeSession(Contract):
    """A block of an event's agenda."""

    title: v.Name
    start: v.ClockTime = None
    end: v.ClockTime = None
    talks: list[InterchangeTalk] = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> InterchangeSession:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise problem(f"ends before it starts ({self.end} < {self.start})", key="end")
        return self


class InterchangeEvent(Contract):
    """A workshop or conference and its agenda."""

    ref: v.Ref
    title: v.Name
    date: v.IsoDate
    description: v.LongText = None
    url: v.Url = None
    source: InterchangeSource = None
    sessions: list[InterchangeSession] = None
    extra: v.Extra = Field(None, description="Any JSON object, kept as it is.")


class InterchangeDocument(Contract):
    """A catalogue interchange document, version 1 (docs/interchange.md)."""

    format: v.constant(FORMAT)
    version: v.constant(VERSION)
    organisations: list[InterchangeOrganisation] = None
    practices: list[InterchangePractice] = None
    events: list[InterchangeEvent] = None


def json_schema(ref_template: str = "#/$defs/{model}") -> dict[str, Any]:
    """The JSON Schema (2020-12) of a document; ``ref_template`` places the records' schemas."""
    document = InterchangeDocument.model_json_schema(
        ref_template=ref_template, schema_generator=WithoutNullDefaults
    )
    return document


def published_schema() -> dict[str, Any]:
    """The standalone JSON Schema, as published at /api/v1/schemas/interchange.json."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **json_schema(),
    }


def published_schema_text() -> str:
    """The published JSON Schema as a file: the API serves it, docs/ keeps a copy of it."""
    return json.dumps(published_schema(), ensure_ascii=False, indent=1) + "\n"


if (
    __name__ == "__main__"
):  # python -m catalogue.contracts.interchange > docs/interchange.schema.json
    print(published_schema_text(), end="")
