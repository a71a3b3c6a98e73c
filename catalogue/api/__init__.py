"""The open-data JSON API under /api/v1: read endpoints, downloads, match and OpenAPI."""

from catalogue.api import (  # noqa: F401 - routes
    docs_views,
    download_views,
    match_views,
    views,
    write_views,
)
from catalogue.api.blueprint import bp

__all__ = ["bp"]
