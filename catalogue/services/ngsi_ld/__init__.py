"""NGSI-LD (FIWARE Smart Data Models DigitalInnovationHub and DigitalInnovationHubService)."""

from catalogue.services.ngsi_ld.export import (
    CONTEXT_URL,
    HUB,
    SERVICE,
    entity_id,
    export_entities,
    hub_entity,
    service_entity,
)
from catalogue.services.ngsi_ld.reading import (
    convert_entities,
    entities_to_document,
    entity_path,
    key_values,
)

__all__ = [
    "CONTEXT_URL",
    "HUB",
    "SERVICE",
    "convert_entities",
    "entities_to_document",
    "entity_id",
    "entity_path",
    "export_entities",
    "hub_entity",
    "key_values",
    "service_entity",
]
