"""NGSI-LD: the export validates against the official Smart Data Models schemas; import reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.models import Base
from catalogue.services import ngsi_ld

# The official schemas and examples, copied into the repository with their licence (README there).
MODELS = Path(__file__).resolve().parent.parent / "data" / "smart-data-models"
COMMON = "https://smart-data-models.github.io/data-models/common-schema.json"


def _load(relative: str):
    return json.loads((MODELS / relative).read_text(encoding="utf-8"))


def _refuse_network(uri: str):
    raise NoSuchResource(ref=uri)


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft202012Validator]:
    """A validator per entity type, resolving $refs from the local copies only."""
    registry = Registry(retrieve=_refuse_network).with_resources(
        [(COMMON, Resource.from_contents(_load("common-schema.json")))]
    )
    return {
        kind: Draft202012Validator(
            _load(f"{kind}/schema.json"), registry=registry, format_checker=FormatChecker()
        )
        for kind in (ngsi_ld.HUB, ngsi_ld.SERVICE)
    }


def _export(client) -> list[dict]:
    response = client.get("/api/v1/downloads/ngsi-ld.jsonld")
    assert response.status_code == 200
    return json.loads(response.data)


def test_export_validates_against_the_smart_data_models_schemas(client, catalogue, validators):
    entities = _export(client)
    assert {e["type"] for e in entities} == {ngsi_ld.HUB, ngsi_ld.SERVICE}
    for entity in entities:
        assert entity["@context"] == ngsi_ld.CONTEXT_URL
        body = {key: value for key, value in entity.items() if key != "@context"}
        errors = [error.message for error in validators[entity["type"]].iter_errors(body)]
        assert errors == [], entity["id"]


def test_export_maps_our_fields_onto_the_model(client, catalogue):
    entities = {e["id"]: e for e in _export(client)}
    hub = entities["urn:ngsi-ld:DigitalInnovationHub:jrc-1"]
    assert hub["location"] == {"type": "Point", "coordinates": [4.35, 50.85]}
    assert hub["address"] == {
        "addressCountry": "BE",
        "addressRegion": "Brussels-Capital",
        "addressLocality": "Brussels",
    }
    assert hub["competences"] == ["Internet of Things"]
    assert hub["domain"] == ["Smart City"]
    assert hub["relation"] == [{"id": "urn:ngsi-ld:DigitalInnovationHubService:svc-iot"}]
    service = entities["urn:ngsi-ld:DigitalInnovationHubService:svc-iot"]
    assert service["owner"] == ["urn:ngsi-ld:DigitalInnovationHub:jrc-1"]
    assert service["category"] == "Test before invest"
    assert service["target"] == ["Public sector"]


def _comparable(document: dict) -> dict:
    """The interchange document without what NGSI-LD does not carry (``extra``)."""
    for organisation in document.get("organisations", []):
        organisation.pop("extra", None)
        for service in organisation.get("services", []):
            service.pop("extra", None)
    return {"organisations": document.get("organisations", [])}


def test_round_trip_through_ngsi_ld_keeps_every_field(app, client, catalogue):
    from catalogue.services import interchange

    before = _comparable(interchange.export_catalogue(db.session, published_only=True))
    entities = _export(client)
    document = ngsi_ld.entities_to_document(entities)
    with db.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    db.session.expire_all()
    interchange.import_catalogue(db.session, document)
    db.session.commit()
    after = _comparable(interchange.export_catalogue(db.session, published_only=True))
    assert after == before
    assert _without_platform_details(_export(client)) == _without_platform_details(entities)


def _without_platform_details(entities: list[dict]) -> list[dict]:
    """Entities without what a new import changes: timestamps and page addresses (new slugs)."""
    changing = ("dateCreated", "dateModified", "dateUpdated", "seeAlso")
    return [{k: v for k, v in e.items() if k not in changing} for e in entities]


def test_normalized_entities_read_like_key_values(client, catalogue):
    entities = _export(client)
    normalized = [
        {
            key: value
            if key in ("id", "type", "@context")
            else {"type": "Relationship", "object": value}
            if key in ("owner", "relation")
            else {"type": "GeoProperty", "value": value}
            if key == "location"
            else {"type": "Property", "value": value}
            for key, value in entity.items()
        }
        for entity in entities
    ]
    assert ngsi_ld.entities_to_document(normalized) == ngsi_ld.entities_to_document(entities)


def test_official_examples_are_read(validators):
    hub = ngsi_ld.entities_to_document([_load("DigitalInnovationHub/examples/example.jsonld")])
    normalized = _load("DigitalInnovationHub/examples/example-normalized.jsonld")
    assert ngsi_ld.entities_to_document([normalized]) == hub
    organisation = hub["organisations"][0]
    assert organisation["name"] == "Sample DIH"
    assert organisation["country"] == "IT"
    assert organisation["technologies"] == ["Additive manufacturing (3D printing)"]
    service = _load("DigitalInnovationHubService/examples/example-normalized.jsonld")
    service["owner"] = {"type": "Relationship", "object": normalized["id"]}
    both = ngsi_ld.entities_to_document([normalized, service])
    offered = both["organisations"][0]["services"][0]
    assert offered["family"] == "ecosystem_networking"
    assert offered["audiences"] == ["Engineers", "Directors"]


def test_errors_name_the_entity_and_attribute():
    entities = [
        {"id": "urn:ngsi-ld:DigitalInnovationHub:a", "type": "DigitalInnovationHub", "title": 5},
        {"id": "urn:ngsi-ld:DigitalInnovationHubService:s", "type": "DigitalInnovationHubService",
         "title": "Orphan", "category": "Cooking"},
        {"id": "x", "type": "Building"},
    ]  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        ngsi_ld.entities_to_document(entities)
    fields = caught.value.fields
    assert "entities[0].title" in fields
    assert "entities[1].category" in fields
    assert "entities[1].owner" in fields
    assert "entities[2].type" in fields


def test_import_command_reads_a_file_and_names_problems(runner, tmp_path: Path):
    good = tmp_path / "good.jsonld"
    good.write_text(json.dumps([_load("DigitalInnovationHub/examples/example.jsonld")]))
    result = runner.invoke(args=["import-ngsi-ld", str(good)])
    assert result.exit_code == 0, result.output
    bad = tmp_path / "bad.jsonld"
    entity = _load("DigitalInnovationHub/examples/example.jsonld") | {"website": "not a url"}
    bad.write_text(json.dumps([entity]))
    result = runner.invoke(args=["import-ngsi-ld", str(bad)])
    assert result.exit_code != 0
    assert "entities[0].website (organisations[0].website)" in result.output
