"""Jinja helpers: vocabulary labels, country names, dates and numbers in the reader's language."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext

from catalogue import content_language, explanations, locale_format, vocabulary_labels
from catalogue.services import freshness
from catalogue.services.contacts import STATUS_LABELS
from catalogue.services.hub_needs import FIT_RANK


def first_upper(text: str) -> str:
    """Start a phrase with a capital letter and leave the rest as it is (German nouns)."""
    text = str(text)
    return text[:1].upper() + text[1:]


def init_app(app: Flask) -> None:
    """Expose the vocabularies' labels and the locale's formatting to the templates."""
    app.jinja_env.globals.update(
        KIND_LABELS=vocabulary_labels.KIND_LABELS,
        FAMILY_LABELS=vocabulary_labels.FAMILY_LABELS,
        MATCHED_FIELDS=vocabulary_labels.MATCHED_FIELDS,
        AUDIENCE_LABELS=vocabulary_labels.AUDIENCE_LABELS,
        DELIVERY_LABELS=vocabulary_labels.DELIVERY_LABELS,
        DEPLOYMENT_LABELS=vocabulary_labels.DEPLOYMENT_LABELS,
        LEVEL_LABELS=vocabulary_labels.LEVEL_LABELS,
        POPULATION_LABELS=vocabulary_labels.POPULATION_LABELS,
        VISIBILITY_LABELS=vocabulary_labels.VISIBILITY_LABELS,
        CONTACT_STATES=vocabulary_labels.TranslatedLabels(STATUS_LABELS),
        FIT_RANK=FIT_RANK,
        CHANGE_STATES={
            "pending": lazy_gettext("Waiting for a moderator"),
            "live": lazy_gettext("Published; a moderator reviews it"),
            "approved": lazy_gettext("Approved"),
            "rejected": lazy_gettext("Rejected"),
        },
        match_summary=explanations.match_summary,
        match_location=explanations.match_location,
        referral_message=explanations.referral_message,
        bundle_summary=explanations.bundle_summary,
        family_phrase=vocabulary_labels.family_phrase,
    )
    # The translation functions of templates (installed by Flask-Babel) again, writing counts as
    # the reader writes numbers; {% trans %} blocks call them too (new-style gettext).
    app.jinja_env.globals.update(
        gettext=locale_format.counted_gettext,
        _=locale_format.counted_gettext,
        ngettext=locale_format.counted_ngettext,
    )
    filters = app.jinja_env.filters
    filters["country_name"] = locale_format.country_name
    filters["local_country_name"] = locale_format.local_country_name
    filters["language_name"] = locale_format.language_name
    filters["partial_date"] = locale_format.partial_date
    filters["long_date"] = locale_format.long_date
    filters["number"] = locale_format.number
    filters["percent"] = locale_format.percent
    filters["translated"] = vocabulary_labels.translated
    filters["first_upper"] = first_upper
    filters["lang_attribute"] = content_language.lang_attribute
    filters["is_stale"] = freshness.is_stale
