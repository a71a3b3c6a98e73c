"""The interchange format's JSON Schema: generated from the typed models, published, and met by
the seed and the test samples."""

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from catalogue.contracts.interchange import published_schema, published_schema_text

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(ROOT.glob("seed_data/*.json")) + [ROOT / "tests/data/interchange-sample.json"]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(published_schema())
    return Draft202012Validator(published_schema(), format_checker=FormatChecker())


def test_the_copy_in_docs_is_the_generated_schema():
    copy_in_docs = (ROOT / "docs/interchange.schema.json").read_text(encoding="utf-8")
    assert copy_in_docs == published_schema_text(), (
        "regenerate it: python -m catalogue.contracts.interchange > docs/interchange.schema.json"
    )


def test_the_api_publishes_the_schema(client):
    response = client.get("/api/v1/schemas/interchange.json")
    assert response.status_code == 200
    assert response.mimetype == "application/schema+json"
    assert response.get_data(as_text=True) == published_schema_text()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_the_seed_and_the_samples_meet_the_schema(path, validator):
    document = json.loads(path.read_text(encoding="utf-8-sig"))
    assert [error.message for error in validator.iter_errors(document)] == []


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["organisations"][0].update(webste="https://x.example.eu"),
        lambda d: d["organisations"][0].update(city=None),
        lambda d: d["organisations"][0].update(kind="hub"),
        lambda d: d["organisations"][0]["services"][0].update(ref="a b"),
        lambda d: d["organisations"][0].update(location={"lat": 91, "lon": 0}),
        lambda d: d["events"][0].update(date="30/04/2020"),
        lambda d: d.update(version=2),
    ],
    ids=["unknown-key", "null", "kind", "ref", "latitude", "date", "version"],
)
def test_the_schema_refuses_what_the_import_refuses(mutate, validator):
    document = json.loads(DOCUMENTS[-1].read_text(encoding="utf-8"))
    broken = copy.deepcopy(document)
    mutate(broken)
    assert list(validator.iter_errors(broken)) != []
