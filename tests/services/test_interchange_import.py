"""Importing interchange documents: upsert by ref, idempotency, all or nothing, pruning."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import Event, Organisation, Practice, Service, Tag, current_revision
from catalogue.services.interchange import DocumentError, import_catalogue

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "interchange-sample.json"


def sample() -> dict:
    """A fresh copy of the sample: 2 organisations, 2 services, 1 practice, 1 event."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def imported(document: dict, **options):
    """Import and commit, as the command line does; return the summary."""
    summary = import_catalogue(db.session, document, **options)
    db.session.commit()
    return summary


def organisation(ref: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.ref == ref))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_an_import_creates_every_record_published(app):
    summary = imported(sample())
    assert (summary.created, summary.updated, summary.unchanged, summary.pruned) == (6, 0, 0, 0)
    assert str(summary) == "6 created, 0 updated, 0 unchanged, 0 removed"
    hub = organisation("sample-hub-a")
    assert hub.status == "published"
    assert (hub.slug, hub.country, hub.latitude, hub.source_name) == (
        "sample-hub-a",
        "BE",
        51.05,
        "Sample source",
    )
    assert [s.ref for s in hub.services] == ["sample-hub-a-s2", "sample-hub-a-s1"]
    assert hub.extra == {"licence": "CC BY 4.0", "notes": [1, None, {"deep": True}]}
    event = db.session.scalar(select(Event))
    assert [len(block.talks) for block in event.sessions] == [2, 0]
    assert event.sessions[0].talks[0].organisation is hub
    assert [p.ref for p in event.sessions[0].talks[0].practices] == ["sample-practice-1"]


def test_labels_are_normalised_onto_the_vocabularies_or_kept_as_free_tags(app):
    document = sample()
    document["organisations"][0]["technologies"] = ["AI", "  Drones ", "artificial intelligence"]
    document["organisations"][0]["country"] = "Belgium"
    imported(document)
    hub = organisation("sample-hub-a")
    assert hub.technologies == ["Artificial Intelligence & Decision support", "Drones"]
    assert hub.country == "BE"
    tags = {tag.label: tag.controlled for tag in db.session.scalars(select(Tag))}
    assert tags["Drones"] is False
    assert tags["Artificial Intelligence & Decision support"] is True


def test_importing_the_same_file_twice_changes_nothing(app):
    imported(sample())
    hub = organisation("sample-hub-a")
    before = (current_revision(db.session), hub.version, hub.updated_at)
    summary = imported(sample())
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 6)
    hub = organisation("sample-hub-a")
    assert (current_revision(db.session), hub.version, hub.updated_at) == before


def test_a_changed_record_is_updated_and_keeps_its_slug(app):
    imported(sample())
    document = sample()
    document["organisations"][0]["name"] = "Sample Hub A, renamed"
    revision = current_revision(db.session)
    summary = imported(document)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 5)
    hub = organisation("sample-hub-a")
    assert (hub.name, hub.slug, hub.version) == ("Sample Hub A, renamed", "sample-hub-a", 2)
    assert current_revision(db.session) > revision


def test_an_import_publishes_a_record_again(app, build):
    build.organisation(ref="sample-hub-b", slug="hub-b", name="Sample Hub B", status="archived")
    imported(sample())
    assert organisation("sample-hub-b").status == "published"


def test_services_an_organisation_no_longer_lists_are_removed(app):
    imported(sample())
    document = sample()
    services = document["organisations"][0]["services"]
    services.reverse()
    services.pop()
    summary = imported(document)
    assert summary.pruned == 1
    assert [s.ref for s in organisation("sample-hub-a").services] == ["sample-hub-a-s1"]
    assert organisation("sample-hub-a").services[0].position == 0
    assert count(Service) == 1


def test_an_agenda_is_updated_in_place(app):
    imported(sample())
    document = sample()
    sessions = document["events"][0]["sessions"]
    sessions[0]["talks"].pop()
    sessions[1]["title"] = "Wrap-up"
    summary = imported(document)
    assert summary.updated == 1
    event = db.session.scalar(select(Event))
    assert [block.title for block in event.sessions] == ["Intro", "Wrap-up"]
    assert [talk.title for talk in event.sessions[0].talks] == ["Why hubs"]


def test_a_file_with_one_bad_record_writes_nothing(app):
    document = sample()
    document["organisations"].append({"ref": "bad", "name": "Bad hub", "kind": "hub"})
    with pytest.raises(DocumentError):
        import_catalogue(db.session, document)
    db.session.rollback()
    assert [count(m) for m in (Organisation, Service, Practice, Event, Tag)] == [0, 0, 0, 0, 0]


def test_references_may_point_to_records_already_in_the_catalogue(app):
    imported(sample())
    document = sample()
    del document["organisations"], document["practices"]
    document["events"][0]["title"] = "Hubs for cities, again"
    summary = imported(document)
    assert (summary.updated, summary.unchanged) == (1, 0)
    event = db.session.scalar(select(Event))
    assert event.sessions[0].talks[0].organisation.ref == "sample-hub-a"


def test_new_slugs_are_unique_and_transliterated(app, build):
    build.organisation(ref="other", slug="krakow-hub")
    document = sample()
    document["organisations"][0]["name"] = "Kraków  Hub"
    document["organisations"][1]["name"] = "Kraków Hub!"
    imported(document)
    assert organisation("sample-hub-a").slug == "krakow-hub-2"
    assert organisation("sample-hub-b").slug == "krakow-hub-3"


def test_prune_removes_records_of_the_same_source_that_the_file_no_longer_holds(app, build):
    imported(sample())
    build.organisation(ref="other-source", source_name="Another source")
    build.organisation(ref="no-source")
    document = sample()
    document["organisations"].pop()
    document["practices"][0]["organisations"] = ["sample-hub-a"]
    without_prune = imported(document)
    assert without_prune.pruned == 0
    assert organisation("sample-hub-b") is not None
    summary = imported(document, prune=True)
    assert summary.pruned == 1
    assert organisation("sample-hub-b") is None
    refs = set(db.session.scalars(select(Organisation.ref)))
    assert refs == {"sample-hub-a", "other-source", "no-source"}


def test_prune_keeps_records_the_file_still_refers_to(app):
    imported(sample())
    document = sample()
    document["organisations"].pop()
    del document["events"]
    summary = imported(document, prune=True)
    assert summary.pruned == 1
    assert count(Event) == 0
    assert organisation("sample-hub-b") is not None
    assert count(Practice) == 1


def test_progress_is_reported_for_every_record(app):
    steps: list[int] = []
    import_catalogue(db.session, sample(), progress=steps.append)
    assert sum(steps) == 6


def test_a_change_of_labels_alone_still_updates_the_record(app):
    imported(sample())
    document = sample()
    document["organisations"][0]["sectors"] = ["Energy"]
    summary = imported(document)
    assert (summary.updated, summary.unchanged) == (1, 5)
    hub = organisation("sample-hub-a")
    assert (hub.sectors, hub.version) == (["Energy"], 2)
