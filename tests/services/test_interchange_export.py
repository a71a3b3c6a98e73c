"""Exporting the catalogue: the documented shape, a deterministic order and exact round trips."""

import json
from datetime import date
from pathlib import Path

from sqlalchemy import delete

from catalogue.extensions import db
from catalogue.models import Base
from catalogue.services.interchange import export_catalogue, import_catalogue, validate_document

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "interchange-sample.json"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def empty_the_database() -> None:
    for table in reversed(Base.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.commit()


def test_an_empty_catalogue_exports_the_header_only(app):
    assert export_catalogue(db.session) == {"format": "dih-catalogue", "version": 1}


def test_exporting_an_import_gives_the_document_back(app):
    import_catalogue(db.session, sample())
    db.session.commit()
    assert export_catalogue(db.session) == sample()


def test_export_import_export_gives_the_same_document(app, build):
    hub = build.organisation(
        ref="b-hub", technologies=["Robotics", "Big data"], sectors=["Energy"], latitude=1.5,
        longitude=2.0, languages=["fr"], extra={"k": "v"}, source_name="S",
    )  # fmt: skip
    build.service(hub, ref="b-2", position=1, audiences=["sme"])
    build.service(hub, ref="b-1", position=0, description="")
    other = build.organisation(ref="a-hub", description="", country=None)
    build.practice(organisations=[hub, other], ref="p", summary="What they did")
    build.event(ref="e", date=date(2021, 1, 2), sessions=[{"title": "Only", "talks": []}])
    first = export_catalogue(db.session)
    assert [o["ref"] for o in first["organisations"]] == ["a-hub", "b-hub"]
    assert [s["ref"] for s in first["organisations"][1]["services"]] == ["b-1", "b-2"]
    assert first["organisations"][1]["technologies"] == ["Big data", "Robotics"]
    assert "description" not in first["organisations"][0]
    assert validate_document(first) == []
    empty_the_database()
    import_catalogue(db.session, json.loads(json.dumps(first)))
    db.session.commit()
    assert export_catalogue(db.session) == first


def test_the_public_export_leaves_out_unpublished_records_and_links_to_them(app, build):
    public = build.organisation(ref="public")
    hidden = build.organisation(ref="hidden", status="pending")
    build.service(public, ref="draft-service", status="draft")
    build.practice(organisations=[public, hidden], ref="p", status="published")
    build.event(sessions=[{"title": "S", "talks": [{"title": "T", "organisation": hidden}]}])
    document = export_catalogue(db.session, published_only=True)
    assert [o["ref"] for o in document["organisations"]] == ["public"]
    assert "services" not in document["organisations"][0]
    assert document["practices"][0]["organisations"] == ["public"]
    assert document["events"][0]["sessions"][0]["talks"] == [{"title": "T"}]
    assert validate_document(document) == []
    full = export_catalogue(db.session)
    assert [o["ref"] for o in full["organisations"]] == ["hidden", "public"]
