"""Downloads: files with names, UTF-8 CSV safe from formulas, and caching validators."""

from __future__ import annotations

import csv
import io

import pytest

from catalogue.extensions import db

DOWNLOADS = [
    ("catalogue.json", "application/json"),
    ("organisations.csv", "text/csv"),
    ("services.csv", "text/csv"),
    ("ngsi-ld.jsonld", "application/ld+json"),
]


@pytest.mark.parametrize(("name", "mimetype"), DOWNLOADS)
def test_download_is_an_attachment_with_validators(client, catalogue, name, mimetype):
    response = client.get(f"/api/v1/downloads/{name}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.headers["ETag"]
    assert response.headers["Last-Modified"]


@pytest.mark.parametrize(("name", "mimetype"), DOWNLOADS)
def test_unchanged_catalogue_gives_304(client, catalogue, name, mimetype):
    first = client.get(f"/api/v1/downloads/{name}")
    by_etag = client.get(
        f"/api/v1/downloads/{name}", headers={"If-None-Match": first.headers["ETag"]}
    )
    by_date = client.get(
        f"/api/v1/downloads/{name}", headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.data == b""
    assert by_etag.headers["ETag"] == first.headers["ETag"]


def test_a_change_gives_a_new_etag(client, catalogue):
    first = client.get("/api/v1/downloads/organisations.csv")
    catalogue.lab.name = "Aveiro Living Lab (renamed)"
    db.session.commit()
    again = client.get(
        "/api/v1/downloads/organisations.csv", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 200
    assert again.headers["ETag"] != first.headers["ETag"]
    assert "renamed" in again.get_data(as_text=True)


def _rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))


def test_organisations_csv_joins_lists_and_keeps_accents(client, build, catalogue):
    build.organisation(ref="krk", name="Kraków Łódź Hub", country="PL", languages=["pl", "en"])
    rows = {row["ref"]: row for row in _rows(client.get("/api/v1/downloads/organisations.csv"))}
    assert rows["krk"]["name"] == "Kraków Łódź Hub"
    assert rows["krk"]["languages"] == "pl; en"
    assert rows["jrc-1"]["services"] == "svc-iot"
    assert rows["jrc-1"]["longitude"] == "4.35"


@pytest.mark.parametrize("formula", ['=HYPERLINK("x")', "+1+2", "-2+3", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(client, build, formula):
    organisation = build.organisation(ref="f-1", name=formula, city=formula)
    build.service(organisation, ref="f-svc", title=formula, price=formula)
    org_row = _rows(client.get("/api/v1/downloads/organisations.csv"))[0]
    service_row = _rows(client.get("/api/v1/downloads/services.csv"))[0]
    for value in (org_row["name"], org_row["city"], service_row["title"], service_row["price"]):
        assert value == "'" + formula


def test_services_csv_has_a_header_row(client, catalogue):
    text = client.get("/api/v1/downloads/services.csv").get_data(as_text=True)
    assert text.splitlines()[0].startswith("ref,title,family,description,organisation_ref")
    assert {row["ref"] for row in _rows(client.get("/api/v1/downloads/services.csv"))} == {
        "svc-iot",
        "svc-skills",
    }
