"""The open-data JSON API under /api/v1: read endpoints, downloads, OpenAPI and NGSI-LD import."""

from catalogue.api import (  # noqa: F401 - routes
    commands,
    docs_views,
    download_views,
    match_views,
    views,
    write_views,
)
from catalogue.api.blueprint import bp

__all__ = ["bp"]
