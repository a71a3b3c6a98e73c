"""Large imports are streamed: checked whole first, written in batches, still all or nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import Organisation, Service, current_revision
from catalogue.services.interchange import streaming
from tests.load import synthetic


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_bad_record_at_position_99999_of_100000_services_imports_nothing(runner, tmp_path):
    path = tmp_path / "large.json"
    with path.open("w", encoding="utf-8") as out:
        synthetic.write(out, 100_000, spoil=99_999)
    before = current_revision(db.session)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1, result.output
    # Service 99,999 is the fourth of organisation 19,999 (five services each).
    assert "organisations[19999].services[3].family:" in result.output
    assert "1 problem found; nothing was imported" in result.output
    assert _count(Organisation) == 0 and _count(Service) == 0
    assert current_revision(db.session) == before


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of two organisations, so a few records cross batch boundaries."""
    monkeypatch.setattr(streaming, "BATCH", 2)


def _write(path, organisations) -> None:
    document = {"format": "dih-catalogue", "version": 1, "organisations": organisations}
    path.write_text(json.dumps(document), encoding="utf-8")


def test_a_streamed_import_writes_every_batch_in_one_transaction(runner, tmp_path, small_batches):
    path = tmp_path / "catalogue.json"
    with path.open("w", encoding="utf-8") as out:
        synthetic.write(out, 23)  # five organisations, the last with three services
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "28 created, 0 updated, 0 unchanged, 0 removed" in result.output
    assert _count(Organisation) == 5 and _count(Service) == 23
    again = runner.invoke(args=["import", str(path)])
    assert "0 created, 0 updated, 28 unchanged, 0 removed" in again.output


def test_a_ref_used_again_in_a_later_batch_is_reported(runner, tmp_path, small_batches):
    organisations = list(synthetic.organisations(20))
    organisations[3]["ref"] = organisations[0]["ref"]
    organisations[2]["services"][1]["ref"] = organisations[1]["services"][0]["ref"]
    path = tmp_path / "repeated.json"
    _write(path, organisations)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert "organisations[3].ref: duplicate ref 'syn-0' (first at organisations[0].ref)" in (
        result.output
    )
    assert "organisations[2].services[1].ref: duplicate ref 'syn-1-0'" in result.output
    assert "2 problems found; nothing was imported" in result.output
    assert _count(Organisation) == 0


def test_problems_of_every_batch_are_listed_at_their_place_in_the_file(
    runner, tmp_path, small_batches
):
    organisations = list(synthetic.organisations(20))
    organisations[1]["country"] = "XX"
    organisations[3]["kind"] = "castle"
    path = tmp_path / "two-problems.json"
    _write(path, organisations)
    result = runner.invoke(args=["import", str(path)])
    assert "organisations[1].country:" in result.output
    assert "organisations[3].kind:" in result.output
    assert _count(Organisation) == 0


def test_a_file_with_practices_or_duplicates_is_imported_whole():
    from tests.test_cli_interchange import SAMPLE

    assert not streaming.plan_stream(SAMPLE).streamable


def test_a_file_of_organisations_is_streamed(tmp_path):
    path = tmp_path / "plain.json"
    _write(path, list(synthetic.organisations(10)))
    plan = streaming.plan_stream(path)
    assert plan.streamable
    assert plan.records == 12
    assert plan.header == {"format": "dih-catalogue", "version": 1}
