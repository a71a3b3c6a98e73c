"""What every contract model shares: strict types, closed objects, absent rather than null."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import GenerateJsonSchema

from catalogue.contracts.values import REF_PATTERN

Ref = Annotated[str, Field(pattern=REF_PATTERN)]
Uri = Annotated[str, Field(json_schema_extra={"format": "uri"})]
Timestamp = Annotated[str, Field(json_schema_extra={"format": "date-time"})]


class Contract(BaseModel):
    """A model of a contract: strict types, no key it does not define."""

    model_config = ConfigDict(strict=True, extra="forbid")


class WithoutNullDefaults(GenerateJsonSchema):
    """Leave out ``"default": null``: an optional key is left out, never null."""

    def default_schema(self, schema: Any) -> dict[str, Any]:
        if schema.get("default", ...) is None:
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Property names say it already; titles would only double the document."""
        return False
