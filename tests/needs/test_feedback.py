"""Useful / not useful on results: stored with the engine's rank and score, counted, exported."""

import csv
import io
import json

from sqlalchemy import select

from catalogue.extensions import db
from catalogue.models import MatchFeedback
from tests.needs.conftest import NEED, save_need


def _feedback() -> list[MatchFeedback]:
    db.session.expire_all()
    return list(db.session.scalars(select(MatchFeedback).order_by(MatchFeedback.id)))


def test_one_click_on_the_needs_page_stores_rank_score_and_reason(client, sensor_hubs):
    flanders, _ = sensor_hubs
    page = client.post("/needs/", data={"text": NEED}).get_data(as_text=True)
    assert f'value="{flanders.ref} yes"' in page and 'form="need-form"' in page
    response = client.post(
        "/needs/",
        data={"text": NEED, "feedback": f"{flanders.ref} no", f"reason-{flanders.ref}": "Too far"},
    )
    assert response.status_code == 200
    assert "your verdict on Flanders Air Lab is stored" in response.get_data(as_text=True)
    [stored] = _feedback()
    assert stored.organisation_ref == flanders.ref and stored.useful is False
    assert stored.reason == "Too far" and stored.need_text == NEED and stored.need_id is None
    assert stored.rank >= 1 and 0 < stored.score <= 1
    assert stored.family == "test_before_invest" and stored.language == "en"


def test_feedback_on_a_saved_need_is_stored_with_the_need(client, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    response = client.post(f"{path}/feedback", data={"ref": flanders.ref, "useful": "yes"})
    assert response.status_code == 303
    [stored] = _feedback()
    assert stored.need_id is not None and stored.useful is True


def test_bad_feedback_is_refused_and_writes_nothing(client, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    cases = [
        ({"ref": flanders.ref, "useful": "maybe"}, 400),
        ({"ref": flanders.ref, "useful": "yes", "reason": "x" * 501}, 400),
        ({"useful": "yes"}, 400),
        ({"ref": "no-such-hub", "useful": "yes"}, 404),
    ]
    for data, status in cases:
        assert client.post(f"{path}/feedback", data=data).status_code == status, data
    assert client.post("/needs/saved/wrong/feedback", data=cases[0][0]).status_code == 404
    response = client.post("/needs/", data={"text": NEED, "feedback": "no-such-hub yes"})
    assert response.status_code == 404
    assert _feedback() == []


def test_administrators_see_counts_per_hub_and_family(client, accounts, sensor_hubs):
    flanders, berlin = sensor_hubs
    path = save_need(client)
    for ref, useful in ((flanders.ref, "yes"), (flanders.ref, "no"), (berlin.ref, "yes")):
        client.post(f"{path}/feedback", data={"ref": ref, "useful": useful})
    accounts.make("admin@platform.example.eu", admin=True)
    accounts.login("admin@platform.example.eu")
    page = client.get("/moderation/feedback").get_data(as_text=True)
    assert '<th scope="row">Flanders Air Lab</th><td>1</td><td>1</td>' in page
    assert '<th scope="row">Berlin Sensor Hub</th><td>1</td><td>0</td>' in page
    assert "Test before invest</th><td>1</td><td>1</td>" in page


def test_the_feedback_page_is_for_administrators_only(client, accounts):
    assert client.get("/moderation/feedback").status_code == 302
    accounts.make("someone@hub.example.eu")
    accounts.login("someone@hub.example.eu")
    assert client.get("/moderation/feedback").status_code == 403


def test_export_feedback_as_csv_and_jsonl(client, runner, sensor_hubs):
    flanders, _ = sensor_hubs
    path = save_need(client)
    client.post(f"{path}/feedback", data={"ref": flanders.ref, "useful": "yes", "reason": "Near"})
    result = runner.invoke(args=["export-feedback"])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert row["organisation_ref"] == flanders.ref and row["useful"] == "True"
    assert row["reason"] == "Near" and row["need_text"] == NEED and int(row["rank"]) >= 1
    result = runner.invoke(args=["export-feedback", "--format", "jsonl"])
    assert json.loads(result.output.splitlines()[0])["score"] > 0
    assert runner.invoke(args=["export-feedback", "--format", "xml"]).exit_code == 2
