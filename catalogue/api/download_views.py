"""Downloads of the whole published catalogue: interchange JSON, CSV and NGSI-LD, cacheable."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, request
from flask_babel import lazy_gettext
from werkzeug.http import is_resource_modified

from catalogue.api.blueprint import bp, produces
from catalogue.api.serializers import page_url
from catalogue.extensions import db
from catalogue.services import downloads, interchange, ngsi_ld
from catalogue.services.download_cache import DownloadCache

CSV = "text/csv"
JSON_LD = "application/ld+json"
# One charset parameter, given here: Werkzeug appends its own to a ``mimetype`` of text/*.
CSV_CONTENT_TYPE = f"{CSV}; charset=utf-8"


@dataclass(frozen=True)
class DownloadLink:
    """A download as the pages link it: its endpoint and what it holds."""

    endpoint: str
    label: str  # a lazy string: the reader's language when the page renders


DOWNLOAD_LINKS: tuple[DownloadLink, ...] = (
    DownloadLink("api.download_catalogue", lazy_gettext("Whole catalogue (JSON)")),
    DownloadLink("api.download_organisations_csv", lazy_gettext("Organisations (CSV)")),
    DownloadLink("api.download_services_csv", lazy_gettext("Services (CSV)")),
    DownloadLink("api.download_ngsi_ld", lazy_gettext("Hubs and services (NGSI-LD)")),
)


@bp.record_once
def _keep_a_download_cache(state) -> None:
    state.app.extensions["downloads"] = DownloadCache()


@bp.app_context_processor
def _downloads_for_every_page() -> dict[str, Any]:
    """Every page's footer and the API page link the downloads."""
    return {"open_data_downloads": DOWNLOAD_LINKS}


def _download(filename: str, content_type: str, render: Callable[[], bytes]) -> Response:
    """Answer 304 when the client's copy is current, else the file with validators.

    The file is rendered once per catalogue revision (and site address: its links are absolute).
    """
    files = current_app.extensions["downloads"].current(db.session)
    version = files.version
    if not is_resource_modified(
        request.environ, etag=version.etag, last_modified=version.last_modified
    ):
        response = Response(status=304)
    else:
        response = Response(
            files.body((filename, request.host_url), render), content_type=content_type
        )
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.set_etag(version.etag)
    response.last_modified = version.last_modified
    response.cache_control.public = True
    response.cache_control.no_cache = True
    return response


def _json(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def public_catalogue() -> dict[str, Any]:
    """The published catalogue in the interchange format, ``extra`` cut to public attribution."""
    document = interchange.export_catalogue(db.session, published_only=True)
    for key in ("organisations", "practices", "events"):
        for record in document.get(key, []):
            _strip_extra(record)
            for service in record.get("services", []):
                _strip_extra(service)
    return document


def _strip_extra(record: dict[str, Any]) -> None:
    extra = downloads.public_extra(record.pop("extra", None))
    if extra:
        record["extra"] = extra


@bp.get("/downloads/catalogue.json")
def download_catalogue():
    """The whole published catalogue in the interchange format."""
    return _download("catalogue.json", "application/json", lambda: _json(public_catalogue()))


@bp.get("/downloads/organisations.csv")
@produces(CSV)
def download_organisations_csv():
    """Published organisations as CSV."""
    render = lambda: downloads.organisations_csv(db.session, page_url)  # noqa: E731
    return _download("organisations.csv", CSV_CONTENT_TYPE, render)


@bp.get("/downloads/services.csv")
@produces(CSV)
def download_services_csv():
    """Published services as CSV."""
    render = lambda: downloads.services_csv(db.session, page_url)  # noqa: E731
    return _download("services.csv", CSV_CONTENT_TYPE, render)


@bp.get("/downloads/ngsi-ld.jsonld")
@produces(JSON_LD, "application/json")
def download_ngsi_ld():
    """Published hubs and services as NGSI-LD entities (Smart Data Models, key-values)."""
    render = lambda: _json(ngsi_ld.export_entities(db.session, page_url))  # noqa: E731
    return _download("ngsi-ld.jsonld", JSON_LD, render)
