"""Seeding: the platform's starting content loads whole, validly, and only once."""

import hashlib
import importlib.util
import json
import shutil

import pytest
from sqlalchemy import func, select

from catalogue.config import SEED_DIR
from catalogue.extensions import db
from catalogue.models import DetectedTag, Event, Organisation, Practice, Service, current_revision
from catalogue.services.interchange import (
    DocumentError,
    export_catalogue,
    import_catalogue,
    validate_document,
)
from catalogue.services.seeding import seed_catalogue

WORKSHOP = "workshop-2020-04-30.json"
SOURCES = SEED_DIR / "sources"


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_seed_files_together_are_a_valid_interchange_document():
    """Each file is a document of its own; the workshop's refers to hubs of the JRC file."""
    merged: dict = {"format": "dih-catalogue", "version": 1}
    for path in sorted(SEED_DIR.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert (document.pop("format"), document.pop("version")) == ("dih-catalogue", 1)
        for key, records in document.items():
            merged.setdefault(key, []).extend(records)
    assert validate_document(merged) == []


def test_seed_loads_the_hubs_and_the_workshop(runner):
    result = runner.invoke(args=["seed", "--no-practices"])
    assert result.exit_code == 0, result.output
    assert "775 created, 0 updated, 0 unchanged, 0 removed" in result.output
    assert count(Organisation) >= 700
    assert (
        db.session.scalar(select(Organisation).where(Organisation.ref == "jrc-1000")).country
        == "IE"
    )
    event = db.session.scalar(select(Event).where(Event.ref == "ws2020-dih-smart-cities"))
    assert (event.title, event.date.isoformat()) == (
        "How can Digital Innovation Hubs help the transition towards smart cities?",
        "2020-04-30",
    )
    assert len(event.sessions) == 5
    assert (event.sessions[0].start, event.sessions[-1].end) == ("11:00", "13:00")
    talks = [talk for block in event.sessions for talk in block.talks]
    presenters = {talk.organisation.ref for talk in talks if talk.organisation}
    assert len(talks) == 15
    assert len(presenters) == 12
    assert {"ws2020-cap-digital", "jrc-19506"} <= presenters
    assert count(Practice) == 25
    assert count(Service) == 37
    iot = select(func.count()).where(DetectedTag.label == "Internet of Things")
    assert db.session.scalar(iot) > 100  # the source declares IoT for one hub


def test_seeding_again_changes_nothing(app):
    seed_catalogue(db.session, SEED_DIR)
    db.session.commit()
    revision = current_revision(db.session)
    summary = seed_catalogue(db.session, SEED_DIR)
    db.session.commit()
    assert (summary.created, summary.updated, summary.pruned) == (0, 0, 0)
    assert summary.unchanged == 775
    assert current_revision(db.session) == revision
    exported = export_catalogue(db.session)
    assert validate_document(exported) == []
    assert import_catalogue(db.session, exported).unchanged == 775


def test_a_bad_seed_file_stops_the_whole_seed(app, tmp_path):
    for path in SEED_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    bad = {"format": "dih-catalogue", "version": 2, "events": [{"ref": "e", "title": "E"}]}
    (tmp_path / "z-bad.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        seed_catalogue(db.session, tmp_path)
    db.session.rollback()
    assert caught.value.fields == {
        "z-bad.json: version": "expected 1, got 2",
        "z-bad.json: events[0].date": "missing (required)",
    }
    assert caught.value.message == "seed: 2 problems found; nothing was imported"
    assert count(Organisation) == count(Event) == 0


def test_seed_reports_problems_on_the_command_line(runner, tmp_path):
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    result = runner.invoke(args=["seed", "--no-practices", "--seed-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "broken.json: not valid JSON (line 1, column 2" in result.output
    assert count(Organisation) == 0


def _load_seed_builder():
    """Import seed_data/build_seed.py, a script rather than a module of a package."""
    spec = importlib.util.spec_from_file_location("build_seed", SEED_DIR / "build_seed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.json")}


def test_the_committed_seed_is_what_the_shipped_sources_build(tmp_path, capsys):
    builder = _load_seed_builder()
    assert builder.parse_args([]).source_dir == SOURCES
    assert sorted(str(p.relative_to(SOURCES)) for p in SOURCES.rglob("*.json")) == [
        "ipso-innovative-public-services/ipso_cases_2021.json",
        "ipso-innovative-public-services/ipso_cases_2022.json",
        "ipso-innovative-public-services/ipso_source_catalogues_2021.json",
        "jrc-dih-catalogue-2022/jrc_dih_hubs.json",
        "workshop-2020-04-30/agenda.json",
        "workshop-2020-04-30/presenters.json",
    ]
    assert builder.main(["--output-dir", str(tmp_path)]) == 0, capsys.readouterr().err
    assert _digests(tmp_path) == _digests(SEED_DIR), "run: python seed_data/build_seed.py"


def test_seed_reads_only_the_top_level_files_of_its_folder(app, tmp_path):
    """The raw source data in sources/ is no interchange document: seeding must not read it."""
    for path in SEED_DIR.glob("*.json"):  # the workshop file refers to JRC records
        shutil.copy(path, tmp_path / path.name)
    raw = tmp_path / "sources" / "workshop-2020-04-30"
    raw.mkdir(parents=True)
    shutil.copy(SOURCES / "workshop-2020-04-30" / "presenters.json", raw / "presenters.json")
    summary = seed_catalogue(db.session, tmp_path)
    assert (summary.created, summary.pruned) == (701 + 11 + 37 + 25 + 1, 0)
    assert count(Organisation) == 712
