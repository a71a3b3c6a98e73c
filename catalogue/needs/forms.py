"""The form a city official fills in to describe a digital need."""

from __future__ import annotations

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from catalogue.form_fields import CheckboxesField
from catalogue.services.hub_matching import MAX_NEED_LENGTH
from catalogue.services.need_values import MAX_EMAIL_LENGTH, MAX_MUNICIPALITY_LENGTH
from catalogue.vocabularies import (
    EUROPEAN_COUNTRIES,
    NEED_SCOPES,
    NEED_VISIBILITIES,
    ORGANISATION_KINDS,
    POPULATION_BANDS,
    SERVICE_FAMILIES,
    country_name,
    language_name,
)
from matching.language import EU_LANGUAGES


def _choices(labels: dict[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


def language_choices() -> list[SelectChoice]:
    """Detect, then the EU languages the matching reads, by English name."""
    named = sorted((language_name(code), code) for code in EU_LANGUAGES)
    return [SelectChoice("", lazy_gettext("Detect it from the text"))] + [
        SelectChoice(code, name) for name, code in named
    ]


def country_choices() -> list[SelectChoice]:
    """The country drop-down: a blank choice, then the European countries by English name."""
    named = sorted((country_name(code), code) for code in EUROPEAN_COUNTRIES)
    return [SelectChoice("", lazy_gettext("Any country"))] + [
        SelectChoice(code, name) for name, code in named
    ]


class NeedForm(FlaskForm):
    """A need in plain words, who asks, the kinds of help wanted, filters and visibility.

    The form only collects: every rule is checked by ``services.need_values.validate_need``.
    """

    text = TextAreaField(
        lazy_gettext("What does your city need?"),
        description=lazy_gettext(
            "Describe the problem in your own words and language, e.g. "
            "“We want to test an AI tool that predicts traffic jams before buying it.”"
        ),
        render_kw={"rows": 5, "maxlength": MAX_NEED_LENGTH, "required": True},
    )
    municipality = StringField(
        lazy_gettext("Your municipality (optional)"),
        render_kw={"maxlength": MAX_MUNICIPALITY_LENGTH, "autocomplete": "address-level2"},
    )
    country = SelectField(
        lazy_gettext("Your city's country"),
        description=lazy_gettext(
            "Hubs in your country come first when they fit as well; others still show."
        ),
        choices=country_choices(),
        default="",
    )
    population = SelectField(
        lazy_gettext("Population of your city (optional)"),
        choices=[SelectChoice("", lazy_gettext("Not given")), *_choices(POPULATION_BANDS)],
        default="",
    )
    families = CheckboxesField(
        lazy_gettext("Kinds of help you are looking for (optional)"),
        choices=_choices(SERVICE_FAMILIES),
        validate_choice=True,
    )
    families_only = BooleanField(
        lazy_gettext("Show only hubs offering the kinds of help I ticked"),
        description=lazy_gettext(
            "Without this, the kinds of help you tick are preferred, not required."
        ),
    )
    language = SelectField(
        lazy_gettext("Language of your text"),
        choices=language_choices(),
        default="",
        validate_choice=False,
    )
    scope = RadioField(
        lazy_gettext("Where the hubs may be"),
        choices=_choices(NEED_SCOPES),
        default="anywhere",
        validate_choice=False,
    )
    kinds = CheckboxesField(
        lazy_gettext("Only these kinds of organisation (optional)"),
        choices=_choices(ORGANISATION_KINDS),
        validate_choice=False,
    )
    email = EmailField(
        lazy_gettext("Your e-mail address"),
        description=lazy_gettext(
            "Needed only to save the need or contact a hub: the private link goes there."
        ),
        render_kw={"maxlength": MAX_EMAIL_LENGTH, "autocomplete": "email"},
    )
    visibility = RadioField(
        lazy_gettext("Who may see the need once saved"),
        choices=_choices(NEED_VISIBILITIES),
        default="private",
        validate_choice=False,
    )
    # A honeypot: hidden from people (CSS and aria-hidden), filled in by naive robots.
    homepage = StringField(
        lazy_gettext("Leave this field empty"), render_kw={"tabindex": "-1", "autocomplete": "off"}
    )

    def values(self) -> dict:
        """The submitted values as ``validate_need`` takes them."""
        names = (
            "text",
            "municipality",
            "country",
            "population",
            "families",
            "families_only",
            "language",
            "scope",
            "kinds",
            "email",
            "visibility",
        )
        return {name: self[name].data for name in names}


class ContactForm(FlaskForm):
    """A city official's message to a hub; checked by ``services.contacts.check_contact``."""

    name = StringField(
        lazy_gettext("Your name"), render_kw={"maxlength": 200, "autocomplete": "name"}
    )
    role = StringField(
        lazy_gettext("Your role (optional)"),
        description=lazy_gettext("e.g. “Smart city officer, City of Gent”."),
        render_kw={"maxlength": 200, "autocomplete": "organization-title"},
    )
    email = EmailField(
        lazy_gettext("Your e-mail address"),
        description=lazy_gettext("The hub answers to it; it is not shown publicly."),
        render_kw={"maxlength": MAX_EMAIL_LENGTH, "autocomplete": "email"},
    )
    message = TextAreaField(
        lazy_gettext("Your message"),
        description=lazy_gettext("We started it from your need; change it as you like."),
        render_kw={"rows": 10, "maxlength": 5000},
    )
    homepage = StringField(
        lazy_gettext("Leave this field empty"), render_kw={"tabindex": "-1", "autocomplete": "off"}
    )

    def values(self) -> dict:
        """The submitted values as ``check_contact`` takes them."""
        return {name: self[name].data for name in ("name", "role", "email", "message")}


class AnswerForm(FlaskForm):
    """A hub manager's answer to a contact request."""

    answer = TextAreaField(
        lazy_gettext("Your answer"),
        description=lazy_gettext("Mailed to the city official and shown on their need's page."),
        render_kw={"rows": 8, "maxlength": 5000},
    )


class LostLinkForm(FlaskForm):
    """The address needs were saved with, to mail new links to them."""

    email = EmailField(
        lazy_gettext("The e-mail address you saved the need with"),
        render_kw={"maxlength": MAX_EMAIL_LENGTH, "autocomplete": "email"},
    )
