"""Detected tags: derived from each organisation's name and description on every write path."""

from __future__ import annotations

import json

from sqlalchemy import delete, func, select

from catalogue.extensions import db
from catalogue.models import DetectedTag, Organisation
from catalogue.services import interchange, ngsi_ld, tagging

IOT = "Internet of Things"
SENSORS = "Sensors & Vision Processing Systems"


def stored(organisation: Organisation) -> dict[tuple[str, str], list[str]]:
    """The detected tags the database holds for an organisation, read fresh."""
    rows = db.session.execute(
        select(DetectedTag.vocabulary, DetectedTag.label, DetectedTag.words).where(
            DetectedTag.organisation_id == organisation.id
        )
    )
    return {(vocabulary, label): words for vocabulary, label, words in rows}


def test_a_description_about_iot_sensors_yields_iot_and_sensors(app, build):
    hub = build.organisation(description="We test IoT sensors with municipalities.")
    assert stored(hub) == {
        ("technology", IOT): ["iot"],
        ("technology", SENSORS): ["sensors"],
        ("sector", "Public administration"): ["municipalities"],
        ("family", "test_before_invest"): ["test"],
    }
    assert hub.detected_technologies == [IOT, SENSORS]
    assert hub.technologies == []  # declared tags are untouched


def test_changing_the_description_derives_them_again(app, build):
    hub = build.organisation(description="IoT sensors for parking.")
    hub.description = "Robotics for hospitals."
    db.session.commit()
    assert set(stored(hub)) == {("technology", "Robotics"), ("sector", "Health care")}
    hub.description = "A regional hub."
    db.session.commit()
    assert stored(hub) == {}


def test_the_name_counts_too(app, build):
    hub = build.organisation(name="Blockchain Lab", description="")
    assert set(stored(hub)) == {("technology", "Blockchain and Distributed Ledger Technology")}


def test_other_changes_leave_the_tags_and_version_alone(app, build):
    hub = build.organisation(description="Cybersecurity training.")
    before = stored(hub)
    version = hub.version
    hub.city = "Gent"
    db.session.commit()
    assert stored(hub) == before
    assert hub.version == version + 1  # the city change itself, nothing more


def test_german_and_french_descriptions_get_their_tags(app, build):
    german = build.organisation(
        description="Wir unterstützen Kommunen bei künstlicher Intelligenz und Cybersicherheit."
    )
    french = build.organisation(
        description="Nous accompagnons la ville intelligente avec l'internet des objets."
    )
    assert set(german.detected_technologies) == {
        "Artificial Intelligence & Decision support",
        "Cybersecurity",
    }
    assert german.detected_sectors == ["Public administration"]
    assert french.detected_technologies == [IOT]
    assert french.detected_sectors == ["Smart City"]


def test_an_import_derives_them_and_a_changed_import_derives_them_again(app):
    document = {
        "format": "dih-catalogue",
        "version": 1,
        "organisations": [
            {"ref": "imp-1", "name": "Imported hub", "kind": "dih", "description": "5G pilots."}
        ],
    }
    interchange.import_catalogue(db.session, document)
    db.session.commit()
    hub = db.session.scalar(select(Organisation).where(Organisation.ref == "imp-1"))
    assert hub.detected_technologies == ["Communication network"]
    document["organisations"][0]["description"] = "Quantum computing."
    interchange.import_catalogue(db.session, document)
    db.session.commit()
    assert set(stored(hub)) == {("technology", "Quantum Technologies")}


def test_an_ngsi_ld_import_derives_them(app):
    entity = {
        "id": "urn:ngsi-ld:DigitalInnovationHub:ngsi-1",
        "type": "DigitalInnovationHub",
        "title": "Context broker hub",
        "description": "Digital twins of the city and drones.",
    }
    interchange.import_catalogue(db.session, ngsi_ld.entities_to_document([entity]))
    db.session.commit()
    hub = db.session.scalar(select(Organisation).where(Organisation.ref == "ngsi-1"))
    assert hub.detected_technologies == ["Digital twins"]


def test_the_export_carries_no_detected_tags(app, build):
    build.organisation(description="IoT sensors.", technologies=["Robotics"])
    document = interchange.export_catalogue(db.session)
    [exported] = document["organisations"]
    assert exported["technologies"] == ["Robotics"]
    assert "detected" not in json.dumps(document)


def test_rederive_all_restores_what_the_text_says(app, build):
    hub = build.organisation(description="IoT sensors.")
    build.organisation(description="A regional hub.")
    db.session.execute(delete(DetectedTag))
    db.session.commit()
    db.session.expire_all()
    assert tagging.rederive_all(db.session) == 1
    db.session.commit()
    assert set(stored(hub)) == {("technology", IOT), ("technology", SENSORS)}
    assert tagging.rederive_all(db.session) == 0


def test_the_command_reports_how_many_changed(app, build, runner):
    build.organisation(description="IoT sensors.")
    db.session.execute(delete(DetectedTag))
    db.session.commit()
    result = runner.invoke(args=["detect-tags"])
    assert result.exit_code == 0, result.output
    assert result.output == "detected tags changed for 1 organisation(s)\n"


def test_deleting_an_organisation_deletes_its_detected_tags(app, build):
    hub = build.organisation(description="IoT sensors.")
    db.session.delete(hub)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(DetectedTag)) == 0
