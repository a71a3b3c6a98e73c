"""Open-data downloads: published records, CSV files and the validators that make them cacheable."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import Event, Organisation, Practice, Service, current_revision
from catalogue.services.duplicates import listed_organisations, listed_services, records_of

LIST_SEPARATOR = "; "
# Keys of ``extra`` that are public attribution; anything else in ``extra`` stays private.
PUBLIC_EXTRA_KEYS: tuple[str, ...] = ("licence", "attribution")
# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
# UTF-8 with a byte-order mark: without it, spreadsheet software guesses a legacy encoding and
# garbles every accented name (Excel, LibreOffice's default import).
CSV_ENCODING = "utf-8-sig"

PageUrl = Callable[[str, str], str]
"""Builds the public HTML page address of a record from its kind and slug."""


@dataclass(frozen=True)
class CatalogueVersion:
    """The validators of every download: an entity tag and the newest change."""

    etag: str
    last_modified: datetime


def catalogue_version(session: Session) -> CatalogueVersion:
    """Return the ETag and Last-Modified of the downloads, from the revision and newest change."""
    newest = [
        session.scalar(select(func.max(model.updated_at)))
        for model in (Organisation, Service, Practice, Event)
    ]
    stamps = [_aware(stamp) for stamp in newest if stamp is not None]
    last_modified = max(stamps, default=datetime(2020, 1, 1, tzinfo=UTC)).replace(microsecond=0)
    revision = current_revision(session)
    return CatalogueVersion(f"r{revision}-{int(last_modified.timestamp())}", last_modified)


def _aware(stamp: datetime) -> datetime:
    """SQLite returns naive datetimes; every stored time is UTC."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def public_source(record: Any) -> dict[str, str] | None:
    """Return where a record came from, with its licence and attribution, or ``None``."""
    source = {
        "name": record.source_name,
        "url": record.source_url,
        "retrieved": record.source_retrieved,
        "updated": record.source_updated,
    }
    source |= {key: (record.extra or {}).get(key) for key in PUBLIC_EXTRA_KEYS}
    kept = {key: str(value) for key, value in source.items() if value}
    return kept or None


def public_extra(extra: dict[str, Any] | None) -> dict[str, Any]:
    """Keep only the attribution keys of an ``extra`` object; the rest may be internal notes."""
    return {key: value for key, value in (extra or {}).items() if key in PUBLIC_EXTRA_KEYS}


def safe_cell(value: Any) -> Any:
    """Return a CSV cell that no spreadsheet will run as a formula; lists are joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """Render a header and rows as a CSV file (``CSV_ENCODING``) with every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue().encode(CSV_ENCODING)


ORGANISATION_COLUMNS: tuple[str, ...] = (
    "ref", "name", "kind", "description", "country", "region", "city", "website", "email",
    "languages", "technologies", "sectors", "families", "services", "latitude", "longitude",
    "page_url", "source_name", "source_url", "source_retrieved", "source_updated", "licence",
    "updated_at", "other_records",
)  # fmt: skip

SERVICE_COLUMNS: tuple[str, ...] = (
    "ref", "title", "family", "description", "organisation_ref", "organisation_name", "country",
    "technologies", "sectors", "audiences", "languages", "website", "price", "delivery",
    "page_url", "source_name", "source_retrieved", "source_updated", "updated_at",
)  # fmt: skip


def organisations_csv(session: Session, page_url: PageUrl) -> bytes:
    """Return the listed organisations as CSV, one row each, with all their records' services.

    ``other_records`` names the refs of the other sources' records merged into the row; the
    ``source_*`` columns are those of the row's own record.
    """
    rows = []
    for org in listed_organisations(session):
        services = listed_services(org)
        families = sorted({service.family for service in services})
        rows.append(
            [
                org.ref, org.name, org.kind, org.description, org.country, org.region, org.city,
                org.website, org.email, org.languages, org.technologies, org.sectors, families,
                [service.ref for service in services], org.latitude, org.longitude,
                page_url("organisation", org.slug), org.source_name, org.source_url,
                org.source_retrieved, org.source_updated, (org.extra or {}).get("licence"),
                iso_timestamp(org.updated_at), [other.ref for other in records_of(org)[1:]],
            ]
        )  # fmt: skip
    return write_csv(ORGANISATION_COLUMNS, rows)


def services_csv(session: Session, page_url: PageUrl) -> bytes:
    """Return the published services of the listed organisations as CSV, one row each.

    A service is listed under the organisation as listed; its ``source_*`` columns are those of
    the record it came in.
    """
    rows = []
    for org in listed_organisations(session):
        for svc in listed_services(org):
            came_in = svc.organisation
            rows.append(
                [
                    svc.ref, svc.title, svc.family, svc.description, org.ref, org.name,
                    org.country, svc.technologies, svc.sectors, svc.audiences, svc.languages,
                    svc.url, svc.price, svc.delivery, page_url("service", svc.slug),
                    came_in.source_name, came_in.source_retrieved, came_in.source_updated,
                    iso_timestamp(svc.updated_at),
                ]
            )  # fmt: skip
    return write_csv(SERVICE_COLUMNS, rows)


def iso_timestamp(stamp: datetime | None) -> str | None:
    """Return a stored time as an ISO 8601 UTC timestamp (seconds), or ``None``."""
    if stamp is None:
        return None
    return _aware(stamp).astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
