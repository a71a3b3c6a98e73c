"""Jinja helpers: vocabulary labels and country names available in every template."""

from __future__ import annotations

from flask import Flask

from catalogue import vocabularies


def init_app(app: Flask) -> None:
    """Expose the vocabularies' human labels to the templates."""
    app.jinja_env.globals.update(
        KIND_LABELS=vocabularies.ORGANISATION_KINDS,
        FAMILY_LABELS=vocabularies.SERVICE_FAMILIES,
        AUDIENCE_LABELS=vocabularies.AUDIENCES,
        DELIVERY_LABELS=vocabularies.DELIVERY_MODES,
    )
    app.jinja_env.filters["country_name"] = vocabularies.country_name
    app.jinja_env.filters["language_name"] = vocabularies.language_name
