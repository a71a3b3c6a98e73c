"""Every import rule of the interchange format: the exact JSON path and message, and no write."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import Event, Organisation, Practice, Service, Tag, current_revision
from catalogue.services.interchange import DocumentError, import_catalogue, validate_document

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "interchange-sample.json"


def sample() -> dict:
    """A fresh copy of the valid sample document."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def org(document: dict, index: int = 0) -> dict:
    return document["organisations"][index]


def talk(document: dict) -> dict:
    return document["events"][0]["sessions"][0]["talks"][0]


def problems_of(document) -> dict[str, str]:
    """Import ``document``, expect a refusal and return its ``{path: problem}``."""
    with pytest.raises(DocumentError) as caught:
        import_catalogue(db.session, document)
    db.session.rollback()
    return caught.value.fields


def assert_nothing_written() -> None:
    for model in (Organisation, Service, Practice, Event, Tag):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0, model
    assert current_revision(db.session) == 0


# (mutation of the sample, JSON path, exact problem): one rule each.
RULES = {
    "format": (
        lambda d: d.update(format="other"),
        "format",
        "expected 'dih-catalogue', got 'other'",
    ),
    "version": (lambda d: d.update(version=2), "version", "expected 1, got 2"),
    "version-bool": (lambda d: d.update(version=True), "version", "expected 1, got True"),
    "required": (lambda d: org(d).pop("name"), "organisations[0].name", "missing (required)"),
    "unknown-key": (
        lambda d: org(d).update(nmae="x"),
        "organisations[0].nmae",
        "unknown key (did you mean 'name'?)",
    ),
    "unknown-top-key": (lambda d: d.update(hubs=[]), "hubs", "unknown key"),
    "ref-pattern": (
        lambda d: org(d)["services"][1].update(ref="hub a"),
        "organisations[0].services[1].ref",
        "invalid ref 'hub a': use 1-100 of A-Z a-z 0-9 . _ : -",
    ),
    "ref-length": (
        lambda d: d["events"][0].update(ref="r" * 101),
        "events[0].ref",
        f"invalid ref '{'r' * 101}': use 1-100 of A-Z a-z 0-9 . _ : -",
    ),
    "duplicate-ref": (
        lambda d: d["practices"].append(d["practices"][0]),
        "practices[1].ref",
        "duplicate ref 'sample-practice-1' (first at practices[0].ref)",
    ),
    "duplicate-service-ref": (
        lambda d: org(d, 1).update(services=[{**org(d)["services"][1]}]),
        "organisations[1].services[0].ref",
        "duplicate ref 'sample-hub-a-s1' (first at organisations[0].services[1].ref)",
    ),
    "blank-name": (
        lambda d: org(d).update(name="   "),
        "organisations[0].name",
        "must be 1-300 characters after trimming (got 0)",
    ),
    "long-title": (
        lambda d: d["practices"][0].update(title="t" * 301),
        "practices[0].title",
        "must be 1-300 characters after trimming (got 301)",
    ),
    "long-description": (
        lambda d: org(d).update(description="d" * 20_001),
        "organisations[0].description",
        "too long: 20,001 characters (at most 20,000)",
    ),
    "column-length": (
        lambda d: org(d).update(city="c" * 201),
        "organisations[0].city",
        "too long: 201 characters (at most 200)",
    ),
    "price-length": (
        lambda d: org(d)["services"][0].update(price="p" * 301),
        "organisations[0].services[0].price",
        "too long: 301 characters (at most 300)",
    ),
    "nul-character": (
        lambda d: org(d).update(region="Flan\x00ders"),
        "organisations[0].region",
        "contains a NUL character",
    ),
    "kind": (lambda d: org(d).update(kind="hub"), "organisations[0].kind", "unknown kind 'hub'"),
    "family": (
        lambda d: org(d)["services"][0].update(family="training"),
        "organisations[0].services[0].family",
        "unknown family 'training'",
    ),
    "delivery": (
        lambda d: org(d)["services"][0].update(delivery="by post"),
        "organisations[0].services[0].delivery",
        "unknown delivery 'by post'",
    ),
    "country": (
        lambda d: org(d).update(country="Atlantis"),
        "organisations[0].country",
        "unknown country 'Atlantis'",
    ),
    "language": (
        lambda d: org(d).update(languages=["nl", "english"]),
        "organisations[0].languages[1]",
        "unknown language code 'english' (expected ISO 639-1)",
    ),
    "website": (
        lambda d: org(d).update(website="ftp://hub.example.eu"),
        "organisations[0].website",
        "not an http(s) URL: 'ftp://hub.example.eu'",
    ),
    "email": (
        lambda d: org(d).update(email="contact(at)hub.eu"),
        "organisations[0].email",
        "invalid e-mail address 'contact(at)hub.eu': An email address must have an @-sign.",
    ),
    "latitude-range": (
        lambda d: org(d).update(location={"lat": 91, "lon": 3}),
        "organisations[0].location.lat",
        "out of range [-90, 90]: 91",
    ),
    "longitude-bool": (
        lambda d: org(d).update(location={"lat": 50, "lon": True}),
        "organisations[0].location.lon",
        "expected a number, got boolean",
    ),
    "location-missing": (
        lambda d: org(d).update(location={"lat": 50}),
        "organisations[0].location.lon",
        "missing (required)",
    ),
    "source-unknown-key": (
        lambda d: org(d)["source"].update(licence="CC BY"),
        "organisations[0].source.licence",
        "unknown key",
    ),
    "source-retrieved": (
        lambda d: org(d)["source"].update(retrieved="2022-13"),
        "organisations[0].source.retrieved",
        "expected YYYY-MM or YYYY-MM-DD, got '2022-13'",
    ),
    "empty-label": (
        lambda d: org(d).update(technologies=["Robotics", " "]),
        "organisations[0].technologies[1]",
        "expected a non-empty string",
    ),
    "labels-type": (
        lambda d: org(d).update(sectors="Energy"),
        "organisations[0].sectors",
        "expected a list, got string",
    ),
    "extra-type": (
        lambda d: org(d).update(extra=["x"]),
        "organisations[0].extra",
        "expected an object, got list",
    ),
    "string-type": (
        lambda d: org(d).update(name=5),
        "organisations[0].name",
        "expected a string, got number",
    ),
    "list-type": (lambda d: d.update(events={}), "events", "expected a list, got object"),
    "record-type": (
        lambda d: d["practices"].append("practice"),
        "practices[1]",
        "expected an object, got string",
    ),
    "date": (
        lambda d: d["events"][0].update(date="2020-02-30"),
        "events[0].date",
        "expected a date YYYY-MM-DD, got '2020-02-30'",
    ),
    "time": (
        lambda d: d["events"][0]["sessions"][0].update(start="25:00"),
        "events[0].sessions[0].start",
        "expected HH:MM, got '25:00'",
    ),
    "end-before-start": (
        lambda d: d["events"][0]["sessions"][1].update(end="12:00"),
        "events[0].sessions[1].end",
        "ends before it starts (12:00 < 12:50)",
    ),
    "talk-unknown-key": (
        lambda d: talk(d).update(start="11:00"),
        "events[0].sessions[0].talks[0].start",
        "unknown key",
    ),
    "talk-organisation": (
        lambda d: talk(d).update(organisation="nowhere"),
        "events[0].sessions[0].talks[0].organisation",
        "unknown organisation 'nowhere' (not in the file or the catalogue)",
    ),
    "talk-practice": (
        lambda d: talk(d).update(practices=["nowhere"]),
        "events[0].sessions[0].talks[0].practices[0]",
        "unknown practice 'nowhere' (not in the file or the catalogue)",
    ),
    "practice-organisation": (
        lambda d: d["practices"][0].update(organisations=["sample-hub-a", "nowhere"]),
        "practices[0].organisations[1]",
        "unknown organisation 'nowhere' (not in the file or the catalogue)",
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_a_broken_rule_is_reported_at_its_path_and_nothing_is_written(app, rule):
    mutate, path, problem = RULES[rule]
    document = sample()
    mutate(document)
    assert problems_of(document) == {path: problem}
    assert_nothing_written()


def test_a_document_that_is_not_an_object_is_refused(app):
    assert problems_of([]) == {"document": "expected an object, got list"}


def test_nan_is_not_a_coordinate(app):
    document = sample()
    org(document)["location"] = json.loads('{"lat": NaN, "lon": 3}')
    assert problems_of(document) == {"organisations[0].location.lat": "out of range [-90, 90]: nan"}


def test_every_problem_is_reported_not_just_the_first(app):
    document = sample()
    org(document)["kind"] = "hub"
    org(document)["services"][0]["family"] = "training"
    document["events"][0]["date"] = "30/04/2020"
    assert list(problems_of(document)) == [
        "organisations[0].kind",
        "organisations[0].services[0].family",
        "events[0].date",
    ]
    assert_nothing_written()


def test_the_list_of_problems_is_capped_with_a_count_of_the_rest(app):
    hubs = [{"ref": f"o{i}", "name": "Hub", "kind": "hub"} for i in range(250)]
    document = {"format": "dih-catalogue", "version": 1, "organisations": hubs}
    with pytest.raises(DocumentError) as caught:
        import_catalogue(db.session, document)
    error = caught.value
    assert len(error.fields) == 200
    assert error.message == "250 problems found; nothing was imported"
    assert error.lines()[-1] == "... and 50 more"
    assert error.lines()[0] == "organisations[0].kind: unknown kind 'hub'"


def test_extra_may_hold_any_keys_but_records_may_not(app):
    document = sample()
    org(document)["extra"] = {"anything": {"nested": ["goes"]}, "nmae": 1}
    assert validate_document(document) == []
    org(document)["services"][0]["anything"] = 1
    assert [str(issue) for issue in validate_document(document)] == [
        "organisations[0].services[0].anything: unknown key"
    ]


def test_validation_without_a_session_resolves_references_in_the_document_only(app, build):
    build.organisation(ref="in-the-database")
    document = sample()
    talk(document)["organisation"] = "in-the-database"
    assert len(validate_document(document)) == 1
    assert validate_document(document, db.session) == []


def test_a_service_may_not_move_to_another_organisation(app, build):
    owner = build.organisation(ref="owner")
    build.service(owner, ref="sample-hub-a-s1")
    revision = current_revision(db.session)
    assert problems_of(sample()) == {
        "organisations[0].services[1].ref": (
            "service 'sample-hub-a-s1' belongs to organisation 'owner' in the catalogue"
        )
    }
    assert db.session.scalar(select(func.count()).select_from(Organisation)) == 1
    assert current_revision(db.session) == revision
