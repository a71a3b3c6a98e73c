"""Jinja helpers: vocabulary labels, country names and source dates available in every template."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext
from markupsafe import Markup, escape

from catalogue import vocabularies
from catalogue.services import freshness
from catalogue.services.contacts import STATUS_LABELS as CONTACT_STATES
from catalogue.services.hub_needs import FIT_RANK
from catalogue.services.source_dates import PartialDate


def partial_date(value: str | None) -> Markup:
    """Show a source date (``2022``, ``2022-02``, ``2022-02-08``) as a ``<time>`` element."""
    parsed = PartialDate.parse(value)
    if parsed is None:
        return escape(value or "")
    return Markup('<time datetime="{}">{}</time>').format(parsed.isoformat(), parsed.label())


def init_app(app: Flask) -> None:
    """Expose the vocabularies' human labels to the templates."""
    app.jinja_env.globals.update(
        KIND_LABELS=vocabularies.ORGANISATION_KINDS,
        FAMILY_LABELS=vocabularies.SERVICE_FAMILIES,
        AUDIENCE_LABELS=vocabularies.AUDIENCES,
        DELIVERY_LABELS=vocabularies.DELIVERY_MODES,
        DEPLOYMENT_LABELS=vocabularies.DEPLOYMENT_STATUSES,
        LEVEL_LABELS=vocabularies.GOVERNMENT_LEVELS,
        POPULATION_LABELS=vocabularies.POPULATION_BANDS,
        VISIBILITY_LABELS=vocabularies.NEED_VISIBILITIES,
        CONTACT_STATES={state: lazy_gettext(label) for state, label in CONTACT_STATES.items()},
        FIT_RANK=FIT_RANK,
        CHANGE_STATES={
            "pending": lazy_gettext("Waiting for a moderator"),
            "live": lazy_gettext("Published; a moderator reviews it"),
            "approved": lazy_gettext("Approved"),
            "rejected": lazy_gettext("Rejected"),
        },
    )
    app.jinja_env.filters["country_name"] = vocabularies.country_name
    app.jinja_env.filters["language_name"] = vocabularies.language_name
    app.jinja_env.filters["partial_date"] = partial_date
    app.jinja_env.filters["is_stale"] = freshness.is_stale
