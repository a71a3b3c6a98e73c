"""Downloads: files with names, UTF-8 CSV safe from formulas, caching validators, one build each."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

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
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


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
    text = client.get("/api/v1/downloads/services.csv").data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ref,title,family,description,organisation_ref")
    assert {row["ref"] for row in _rows(client.get("/api/v1/downloads/services.csv"))} == {
        "svc-iot",
        "svc-skills",
    }


@pytest.mark.parametrize("name", ["organisations.csv", "services.csv"])
def test_csv_is_utf8_with_a_byte_order_mark_and_one_charset(client, build, catalogue, name):
    build.organisation(ref="krk", name="Kraków Łódź Hub")
    response = client.get(f"/api/v1/downloads/{name}")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.data.startswith(codecs.BOM_UTF8 + b"ref,")
    assert response.data.count(codecs.BOM_UTF8) == 1
    if name == "organisations.csv":
        assert "Kraków Łódź Hub".encode() in response.data


@pytest.mark.parametrize(
    ("name", "first_byte"), [("catalogue.json", b"{"), ("ngsi-ld.jsonld", b"[")]
)
def test_json_files_start_with_their_json(client, catalogue, name, first_byte):
    response = client.get(f"/api/v1/downloads/{name}")
    assert response.data[:1] == first_byte
    assert "charset" not in response.headers["Content-Type"]


@contextmanager
def sql_statements() -> Iterator[list[str]]:
    """Collect the SQL statements the database receives inside the block."""
    seen: list[str] = []

    def record(connection, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


@pytest.mark.parametrize(("name", "mimetype"), DOWNLOADS)
def test_a_second_download_at_the_same_revision_is_not_rebuilt(client, catalogue, name, mimetype):
    with sql_statements() as first_build:
        first = client.get(f"/api/v1/downloads/{name}")
    with sql_statements() as again:
        second = client.get(f"/api/v1/downloads/{name}")
    with sql_statements() as revalidated:
        not_modified = client.get(
            f"/api/v1/downloads/{name}", headers={"If-None-Match": first.headers["ETag"]}
        )
    assert (first.status_code, second.status_code, not_modified.status_code) == (200, 200, 304)
    assert second.data == first.data
    assert len(first_build) > 2
    for statements in (again, revalidated):
        assert len(statements) == 1
        assert "catalogue_state" in statements[0]


@pytest.mark.parametrize(("name", "mimetype"), DOWNLOADS)
def test_a_write_makes_the_next_download_current(client, catalogue, name, mimetype):
    before = client.get(f"/api/v1/downloads/{name}")
    catalogue.lab.name = "Aveiro Living Lab (renamed)"
    db.session.commit()
    after = client.get(f"/api/v1/downloads/{name}")
    assert b"renamed" not in before.data
    assert b"Aveiro Living Lab (renamed)" in after.data
    assert after.headers["ETag"] != before.headers["ETag"]


def test_each_site_address_gets_its_own_page_links(client, catalogue):
    plain = client.get("/api/v1/downloads/organisations.csv")
    secure = client.get("/api/v1/downloads/organisations.csv", base_url="https://catalogue.test")
    assert {row["page_url"].split(":")[0] for row in _rows(plain)} == {"http"}
    assert {row["page_url"].split(":")[0] for row in _rows(secure)} == {"https"}
