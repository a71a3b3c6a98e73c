"""The import and export commands: exit codes and what they print."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from catalogue.extensions import db
from catalogue.models import Organisation, current_revision

SAMPLE = Path(__file__).resolve().parent / "data" / "interchange-sample.json"


def organisations() -> int:
    return db.session.scalar(select(func.count()).select_from(Organisation))


def test_import_prints_a_summary(runner):
    result = runner.invoke(args=["import", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLE}: 6 created, 0 updated, 0 unchanged, 0 removed" in result.output
    assert organisations() == 2
    again = runner.invoke(args=["import", str(SAMPLE)])
    assert "0 created, 0 updated, 6 unchanged, 0 removed" in again.output


def test_import_of_a_missing_file_fails(runner, tmp_path):
    result = runner.invoke(args=["import", str(tmp_path / "nowhere.json")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_import_of_invalid_json_fails_with_the_position(runner, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "dih-catalogue",\n "version": 1,,}', encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: not valid JSON (line 2, column 15: Expecting property name" in (
        result.output
    )


@pytest.mark.parametrize("command", ["import", "import-ngsi-ld"])
@pytest.mark.parametrize("depth", [65, 900, 100_000])
def test_import_of_a_document_nested_too_deeply_fails_saying_so(runner, tmp_path, command, depth):
    path = tmp_path / "deep.json"
    path.write_text('{"organisations": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    result = runner.invoke(args=[command, str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: nests arrays or objects more than 64 levels deep" in result.output


def test_import_of_a_file_that_is_not_utf8_fails(runner, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"format": "dih-catalogue", "name": "Kraków"}'.encode("latin-1"))
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: not UTF-8 text (invalid continuation byte at byte 41)" in result.output


def test_import_lists_every_problem_and_changes_nothing(runner, tmp_path):
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["organisations"][0]["services"][0]["family"] = "training"
    document["organisations"][1]["country"] = "Atlantis"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "organisations[0].services[0].family: unknown family 'training'",
        "organisations[1].country: unknown country 'Atlantis'",
        "Error: 2 problems found; nothing was imported",
    ]
    assert organisations() == 0
    assert current_revision(db.session) == 0


def test_import_says_how_many_problems_it_did_not_list(runner, tmp_path):
    hubs = [{"ref": f"o{i}", "name": "Hub", "kind": "hub"} for i in range(203)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"format": "dih-catalogue", "version": 1, "organisations": hubs}))
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 202
    assert lines[-2:] == ["... and 3 more", "Error: 203 problems found; nothing was imported"]


def test_import_with_prune_removes_what_the_file_no_longer_holds(runner, tmp_path):
    runner.invoke(args=["import", str(SAMPLE)])
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["organisations"].pop()
    document["practices"][0]["organisations"] = ["sample-hub-a"]
    path = tmp_path / "smaller.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(args=["import", "--prune", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 removed" in result.output
    assert organisations() == 1


def test_export_writes_the_catalogue(runner, tmp_path):
    runner.invoke(args=["import", str(SAMPLE)])
    path = tmp_path / "out.json"
    result = runner.invoke(args=["export", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}: exported 2 organisations, 2 services, 1 practice, 1 event" in result.output
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(SAMPLE.read_text("utf-8"))


def test_export_to_standard_output(runner):
    result = runner.invoke(args=["export", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"format": "dih-catalogue", "version": 1}
