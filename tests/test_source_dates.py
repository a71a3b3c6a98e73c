"""Dates that tell the truth: the source's own date, apart from when this catalogue imported it."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from catalogue.extensions import db
from catalogue.services.interchange import import_catalogue
from catalogue.services.source_dates import PartialDate
from tests.public.conftest import visible_text

SNAPSHOT = {"name": "JRC DIH Tool", "url": "https://jrc.example.eu/1", "retrieved": "2022-02"}
DOCUMENT = {
    "format": "dih-catalogue",
    "version": 1,
    "organisations": [
        {
            "ref": "jrc-1",
            "name": "Snapshot Hub",
            "kind": "dih",
            "source": SNAPSHOT,
            "services": [{"ref": "jrc-1-s1", "title": "Test site", "family": "test_before_invest"}],
        }
    ],
    "practices": [
        {
            "ref": "p-2022",
            "title": "Agreement with the city (2022)",
            "source": {"name": "Editors", "retrieved": "2026-11", "updated": "2022"},
        }
    ],
    "events": [
        {
            "ref": "ev",
            "title": "Workshop",
            "date": "2020-04-30",
            "source": {"name": "Event page", "retrieved": "2026-11"},
        }
    ],
}


def today_label() -> str:
    return datetime.now(UTC).strftime("%-d %B %Y")


@pytest.fixture
def imported(app):
    """The document imported today, as an import on the command line would."""
    import_catalogue(db.session, DOCUMENT)
    db.session.commit()


def test_a_2022_snapshot_imported_today_says_2022_at_the_source_and_today_here(client, imported):
    page = visible_text(client.get("/hubs/snapshot-hub"))
    assert "Source data as of February 2022 (when it was retrieved" in page
    assert f"Imported into this catalogue {today_label()}" in page
    assert "Last updated" not in page
    assert "Last verified by its managers or a moderator Not yet verified" in page


def test_a_service_shows_the_dates_of_the_record_it_came_in(client, imported):
    page = visible_text(client.get("/services/test-site"))
    assert "Came with the organisation's record from JRC DIH Tool" in page
    assert "Source data as of February 2022" in page
    assert f"Imported into this catalogue {today_label()}" in page


def test_a_practice_shows_the_date_of_its_source(client, imported):
    response = client.get("/practices/agreement-with-the-city-2022")
    page = visible_text(response)
    assert "Source dated 2022 Retrieved from the source November 2026" in page
    assert f"Imported into this catalogue {today_label()}" in page
    assert '<time datetime="2022">2022</time>' in response.get_data(as_text=True)


def test_the_event_page_shows_its_dates(client, imported):
    page = visible_text(client.get("/workshop/"))
    assert "Source data as of November 2026" in page
    assert f"Imported into this catalogue {today_label()}" in page


def test_a_record_changed_here_later_says_so(client, build):
    build.organisation(
        slug="edited",
        created_at=datetime(2026, 1, 5, tzinfo=UTC),
        updated_at=datetime(2026, 3, 7, tzinfo=UTC),
    )
    page = visible_text(client.get("/hubs/edited"))
    assert "Source" in page and "Entered on this platform" in page
    assert "Added to this catalogue 5 January 2026" in page
    assert "Last changed in this catalogue 7 March 2026" in page


def test_the_api_gives_the_source_dates_beside_its_own(client, imported):
    today = datetime.now(UTC).date().isoformat()
    hub = client.get("/api/v1/organisations/jrc-1").json
    assert hub["source"]["retrieved"] == "2022-02"
    assert "updated" not in hub["source"]
    assert hub["created_at"].startswith(today) and hub["updated_at"].startswith(today)
    service = client.get("/api/v1/services/jrc-1-s1").json
    assert service["source"]["retrieved"] == "2022-02"
    assert service["created_at"].startswith(today)
    practice = client.get("/api/v1/practices/p-2022").json
    assert (practice["source"]["updated"], practice["source"]["retrieved"]) == ("2022", "2026-11")


def test_the_csv_downloads_carry_the_source_dates(client, imported):
    def rows(name: str) -> list[dict[str, str]]:
        body = client.get(f"/api/v1/downloads/{name}").get_data(as_text=True)
        return list(csv.DictReader(io.StringIO(body)))

    [hub] = rows("organisations.csv")
    assert (hub["source_retrieved"], hub["source_updated"]) == ("2022-02", "")
    [service] = rows("services.csv")
    assert (service["source_name"], service["source_retrieved"]) == ("JRC DIH Tool", "2022-02")


def test_source_updated_round_trips_and_is_checked(app):
    from catalogue.services.interchange import export_catalogue, validate_document

    import_catalogue(db.session, DOCUMENT)
    exported = export_catalogue(db.session)
    assert exported["practices"][0]["source"]["updated"] == "2022"
    bad = {**DOCUMENT, "practices": [{"ref": "p", "title": "P", "source": {"name": "S"}}]}
    bad["practices"][0]["source"]["updated"] = "2022-02-30"
    [issue] = validate_document(bad)
    assert str(issue) == (
        "practices[0].source.updated: expected YYYY, YYYY-MM or YYYY-MM-DD, got '2022-02-30'"
    )


@pytest.mark.parametrize(
    ("text", "label", "after_the_workshop"),
    [
        ("2022", "2022", True),
        ("2020", "2020", None),
        ("2020-04", "April 2020", False),
        ("2020-05", "May 2020", True),
        ("2020-04-30", "30 April 2020", False),
        ("2019-10", "October 2019", False),
        ("2020-12-31", "31 December 2020", True),
    ],
)
def test_partial_dates_read_show_and_compare(text, label, after_the_workshop):
    parsed = PartialDate.parse(text)
    assert (parsed.isoformat(), parsed.label()) == (text, label)
    assert parsed.is_after(date(2020, 4, 30)) is after_the_workshop


@pytest.mark.parametrize("text", ["", "22", "2022-13", "2022-02-30", "2022-2", "2022-02-08T10"])
def test_partial_dates_refuse_what_is_not_a_date(text):
    assert PartialDate.parse(text) is None
