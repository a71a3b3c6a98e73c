"""Dates, numbers, percentages, country and language names in the reader's locale (Babel)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from babel import Locale
from babel.dates import format_skeleton
from flask import has_request_context
from flask_babel import format_date, format_decimal, format_percent, get_locale, get_translations
from jinja2 import pass_context
from markupsafe import Markup, escape

from catalogue import vocabularies
from catalogue.i18n import DEFAULT_LANGUAGE, current_language
from catalogue.services.source_dates import PartialDate


def _language() -> str:
    """The reader's language; English outside a request (CLI, e-mails sent by jobs)."""
    return current_language() if has_request_context() else DEFAULT_LANGUAGE


def number(value: float | int) -> str:
    """A count or a measure as the reader writes it: 1,234 (en), 1.234 (de), 1 234 (fr)."""
    return format_decimal(value)


# The site's English writes a space before the sign, as the EU's style guide does.
PERCENT_FORMATS = {"en": "#,##0 %"}


def percent(value: float | None) -> str:
    """A share (0.42) as a whole percentage the reader's way: 42 % (en, de, fr), 42% (it, pl)."""
    if value is None:
        return "–"
    return format_percent(value, PERCENT_FORMATS.get(_language()))


def long_date(value: date | datetime | None) -> str:
    """A day written out: 8 February 2022, 8. Februar 2022, 8 lutego 2022."""
    return format_date(value, "long") if value else ""


def partial_date_label(parsed: PartialDate) -> str:
    """A source date known to the year, the month or the day, in the reader's locale."""
    if parsed.month is None:
        return str(parsed.year)
    day = date(parsed.year, parsed.month, parsed.day or 1)
    if parsed.day is None:
        return format_skeleton("yMMMM", day, locale=get_locale())
    return long_date(day)


def partial_date(value: str | None) -> Markup:
    """Show a source date (``2022``, ``2022-02``, ``2022-02-08``) as a ``<time>`` element."""
    parsed = PartialDate.parse(value)
    if parsed is None:
        return escape(value or "")
    return Markup('<time datetime="{}">{}</time>').format(
        parsed.isoformat(), partial_date_label(parsed)
    )


def country_name(code: str | None) -> str:
    """A country's name in the reader's language (CLDR via Babel); English as the data has it."""
    language = _language()
    if not code or language == DEFAULT_LANGUAGE:
        return vocabularies.country_name(code) if code else ""
    return Locale.parse(language).territories.get(code.upper()) or vocabularies.country_name(code)


def local_country_name(english: str, code: str | None) -> str:
    """``english`` (a name as a data file writes it) on English pages; else the country's name in
    the reader's language, ``english`` when the locale data has none."""
    if not code or _language() == DEFAULT_LANGUAGE:
        return english
    return Locale.parse(_language()).territories.get(code.upper()) or english


def language_name(code: str) -> str:
    """A language's name in the reader's language (CLDR via Babel), e.g. ``Italienisch``."""
    language = _language()
    if language == DEFAULT_LANGUAGE:
        return vocabularies.language_name(code)
    return Locale.parse(language).languages.get(code) or vocabularies.language_name(code)


# The variables of a translated sentence that are counts: the one its plural form follows
# (``num``, or ``count`` in ``{% trans count=... %}``). They are written as the reader writes
# numbers ("1.152 Praxisbeispiele"); other numbers (ids, years, versions) are left as they are.
COUNT_VARIABLES = ("num", "count")
_INTEGER_PLACEHOLDER = re.compile(r"%\((num|count)\)d")


def _counted(translated: str, variables: dict[str, Any], autoescape: bool) -> str:
    for name in COUNT_VARIABLES:
        value = variables.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            variables[name] = number(value)
    translated = _INTEGER_PLACEHOLDER.sub(r"%(\1)s", translated)
    return (Markup(translated) if autoescape else translated) % variables


@pass_context
def counted_gettext(context: Any, message: str, **variables: Any) -> str:
    """Jinja's new-style ``gettext``/``_``, with the counts written in the reader's locale."""
    translated = get_translations().ugettext(message)
    return _counted(translated, variables, context.eval_ctx.autoescape)


@pass_context
def counted_ngettext(context: Any, singular: str, plural: str, num: int, **variables: Any) -> str:
    """Jinja's new-style ``ngettext``: the form for ``num``, its counts in the reader's locale."""
    variables.setdefault("num", num)
    translated = get_translations().ungettext(singular, plural, num)
    return _counted(translated, variables, context.eval_ctx.autoescape)
