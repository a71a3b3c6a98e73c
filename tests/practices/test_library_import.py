"""The practice library: the JRC IPSO cases built, imported with attribution, and round-tripped."""

from __future__ import annotations

import hashlib
import importlib.util
import json

from sqlalchemy import func, select

from catalogue.config import PRACTICES_SEED_DIR, SEED_DIR
from catalogue.extensions import db
from catalogue.models import Practice
from catalogue.services import interchange
from tests.public.conftest import visible_text

LIBRARY = PRACTICES_SEED_DIR / "ipso-innovative-public-services.json"


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_practices", SEED_DIR / "build_practices.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_library_is_what_the_shipped_ipso_files_build(tmp_path, capsys):
    assert _builder().main(["--output-dir", str(tmp_path)]) == 0, capsys.readouterr().err
    built = (tmp_path / LIBRARY.name).read_bytes()
    assert hashlib.sha256(built).digest() == hashlib.sha256(LIBRARY.read_bytes()).digest()


def test_the_two_releases_give_1152_distinct_cases_with_attribution():
    practices = json.loads(LIBRARY.read_text(encoding="utf-8"))["practices"]
    releases = [p["ref"].split("-")[1] for p in practices]
    assert (len(practices), releases.count("2022"), releases.count("2021")) == (1152, 853, 299)
    assert len({p["ref"] for p in practices}) == 1152
    names = [" ".join(p["title"].casefold().split()) for p in practices]
    assert len(set(names)) > 1140  # a few distinct cases share a name within one release
    for practice in practices:
        assert practice["source"]["url"] == "https://github.com/ipsoeu/ips-explorer"
        assert "Innovative Public Services Observatory" in practice["extra"]["attribution"]
        assert "EUPL-1.2" in practice["extra"]["licence"]


def test_seed_imports_the_library_with_a_progress_bar_and_shows_its_source(runner, client):
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "Importing the practice library" in result.output
    assert "1152 created, 0 updated, 0 unchanged, 0 removed" in result.output
    total = db.session.scalar(select(func.count()).select_from(Practice))
    assert total == 1152 + 25
    nidi = db.session.scalar(select(Practice).where(Practice.ref == "ipso-2021-10001"))
    assert (nidi.country, nidi.deployment_status, nidi.government_level) == (
        "IT",
        "pilot",
        "regional",
    )
    assert nidi.lead_organisation == "Regione Lombardia"
    page = visible_text(client.get(f"/practices/{nidi.slug}"))
    assert "Nidi gratis" in page
    assert "Innovative Public Services Observatory" in page
    assert "EUPL-1.2" in page
    again = runner.invoke(args=["seed"])
    assert "0 created, 0 updated, 1152 unchanged, 0 removed" in again.output


def test_practices_survive_an_export_import_round_trip(app, runner, tmp_path):
    sample = json.loads(LIBRARY.read_text(encoding="utf-8"))
    sample["practices"] = sample["practices"][::40]
    interchange.import_catalogue(db.session, sample)
    db.session.commit()
    first = interchange.export_catalogue(db.session)
    assert [p["ref"] for p in first["practices"]] == [p["ref"] for p in sample["practices"]]
    for exported, original in zip(first["practices"], sample["practices"], strict=True):
        for key in ("deployment_status", "government_level", "lead_organisation", "country"):
            assert exported.get(key) == original.get(key), (original["ref"], key)
        assert exported["extra"] == original["extra"]
    db.session.execute(Practice.__table__.delete())
    db.session.commit()
    interchange.import_catalogue(db.session, first)
    db.session.commit()
    assert interchange.export_catalogue(db.session) == first
