"""The matching's explanations on the pages, in the reader's language, from their parts.

The matching library words its explanations in English for the JSON API (a contract) and the
CLI. The pages say the same things through gettext: the library decides which sentence applies
and what goes in it (``summary_form``, ``summary_topics``, ``location_parts``, ``Referral.case``,
``Bundle.covering``); this module only words it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from babel.lists import format_list
from flask_babel import get_locale, gettext, ngettext

from catalogue.locale_format import country_name
from catalogue.vocabulary_labels import family_phrase, translated
from matching.bundles import Bundle, MatchedPart
from matching.explain import SUMMARY_SERVICES, names_its_family, summary_form, summary_topics
from matching.geography import location_parts
from matching.records import INTERMEDIARY_KINDS, INTERMEDIARY_NOTE, Match, ServiceMatch
from matching.referral import Referral
from matching.wording import N_


def join(items: Sequence[str]) -> str:
    """Join phrases as the reader's language does: "a, b and c", "a, b und c"."""
    return format_list(list(items), locale=get_locale()) if items else ""


def _service_phrase(service: ServiceMatch) -> str:
    if names_its_family(service):
        return gettext("“%(title)s”", title=service.title)
    return gettext(
        "“%(title)s” (%(family)s)", title=service.title, family=family_phrase(service.family)
    )


# The summary's sentences: (form, what was matched, what a result is known by) -> sentence.
SENTENCES = {
    ("hub", "need", "profile"): N_("Works on the same topics: %(topics)s."),
    ("offers", "need", "profile"): N_("Offers %(offers)s, matching your need on %(topics)s."),
    ("offers", "practice", "profile"): N_(
        "Offers %(offers)s, matching this practice on %(topics)s."
    ),
    ("profile", "need", "profile"): N_("Its profile covers %(topics)s, as your need does."),
    ("profile", "practice", "profile"): N_("Its profile covers %(topics)s, as this practice does."),
    ("profile", "need", "description"): N_("Its description covers %(topics)s, as your need does."),
    ("meaning", "need", "profile"): N_("Similar in meaning: %(what)s; %(shared)s."),
}
# What a sentence "by meaning" says when no service or no word carried the match.
CLOSE_PROFILE = {
    "need": N_("its profile is close to your need"),
    "practice": N_("its profile is close to this practice"),
}
NO_SHARED_WORDS = {
    "need": N_("no words in common with your need"),
    "practice": N_("no words in common with this practice"),
}


def _sentence(form: str, about: str, record: str, offers: str, words: list[str]) -> str:
    """The summary's sentence of one form, about a need or a practice."""
    if form == "meaning":
        what = (
            gettext("offers %(offers)s", offers=offers) if offers else gettext(CLOSE_PROFILE[about])
        )
        shared = gettext("shared words: %(words)s", words=join(words)) if words else None
        shared = shared or gettext(NO_SHARED_WORDS[about])
        return gettext(SENTENCES["meaning", "need", "profile"], what=what, shared=shared)
    key = (form, about if form != "hub" else "need", record if form == "profile" else "profile")
    sentence = SENTENCES.get(key) or SENTENCES[form, about, "profile"]
    topics = join(words) if words else gettext("related topics")
    return gettext(sentence, offers=offers, topics=topics)


def match_summary(
    match: Match, mode: str = "need", about: str = "need", record: str = "profile"
) -> str:
    """Why an organisation (or a practice) is on the list, in the reader's language.

    ``mode`` is the matching's (``need`` for a ranking against a text, ``hub`` for similar
    organisations); ``about`` says what was matched: ``need`` or ``practice``; ``record`` names
    what a result without services is known by: its ``profile`` or its ``description``.
    """
    form = summary_form(mode, match.services, match.semantic)
    offers = join([_service_phrase(s) for s in match.services[:SUMMARY_SERVICES]])
    summary = _sentence(form, about, record, offers, summary_topics(match.matched_terms))
    if match.kind in INTERMEDIARY_KINDS:
        summary = f"{summary} {gettext(INTERMEDIARY_NOTE)}"
    return summary


LOCATIONS = {
    "eu": N_("EU-wide (no single country)"),
    "unknown": N_("based in %(country)s (%(code)s)"),
    "same": N_("same country (%(code)s)"),
    "neighbour": N_("neighbouring country (%(code)s)"),
    "other": N_("different country (%(code)s)"),
}
LOCATION_EXTRAS = {
    "cross_border": N_("cross-border services offered"),
    "language": N_("works in your language"),
}


def match_location(
    city_country: str | None, hub_country: str | None, kind: str, speaks_city_language: bool
) -> str:
    """Where a hub is for the asking city (``Match.location``), in the reader's language."""
    rel, extras = location_parts(city_country, hub_country, kind, speaks_city_language)
    text = gettext(LOCATIONS[rel], country=country_name(hub_country), code=hub_country or "")
    return ", ".join([text, *(gettext(LOCATION_EXTRAS[extra]) for extra in extras)])


def referral_message(referral: Referral) -> str:
    """What the asking city's country changed (``Referral.message``), in the reader's language."""
    name = country_name(referral.country)
    if referral.case == "none":
        return gettext(
            "No hub in %(country)s or elsewhere in Europe fits this need yet.", country=name
        )
    if referral.case == "elsewhere":
        return gettext(
            "No hub in %(country)s fits this need well; these hubs elsewhere in Europe do.",
            country=name,
        )
    if referral.case == "neighbours":
        return gettext(
            "No hub in %(country)s fits this need well; the fitting hubs of neighbouring "
            "countries come first, then the best elsewhere in Europe.",
            country=name,
        )
    return ngettext(
        "%(num)d hub in %(country)s fits this need well; it comes first, with fitting hubs of "
        "neighbouring countries, then the best elsewhere in Europe.",
        "%(num)d hubs in %(country)s fit this need well; they come first, with fitting hubs of "
        "neighbouring countries, then the best elsewhere in Europe.",
        referral.local_results,
        country=name,
    )


def _name(organisations: Mapping[str, Any], ref: str) -> str:
    organisation = organisations.get(ref)
    return organisation.name if organisation is not None else ref


def bundle_summary(
    bundle: Bundle, parts: Sequence[MatchedPart], organisations: Mapping[str, Any]
) -> str:
    """The proposal for a need of several parts (``Bundle.summary``), in the reader's language.

    ``organisations`` maps the matches' ids to the organisations (their ``name``).
    """
    if bundle.covering:
        families = join([family_phrase(part.family) for part in parts])
        return gettext(
            "%(name)s covers every part of your need: %(families)s.",
            name=_name(organisations, bundle.organisations[0]),
            families=families,
        )
    roles = [
        gettext(
            "%(name)s for %(family)s",
            name=_name(organisations, part.pool[0].id),  # the library's choice per part
            family=family_phrase(part.family),
        )
        for part in parts
    ]
    return join(roles) + "."


def advice_reason(reason: str) -> str:
    """Why a need is too vague to rank on (``Advice.reason``), in the reader's language."""
    return translated(reason)
