"""The editing forms: a claim, an organisation's profile, a service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from catalogue import vocabularies
from catalogue.form_fields import CheckboxesField, contact_email_field, web_address_field
from catalogue.services.editing import PRICE_MODELS
from catalogue.vocabularies import country_name, language_name

# The languages a European hub offers its services in: the EU's 24 and a few neighbours'.
LANGUAGES = (
    *("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it"),
    *("lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"),
    *("is", "no", "sq", "sr", "mk", "tr", "uk", "ca", "eu", "gl", "lb"),
)


def _choices(values) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in values]


def _translated(labels: Mapping[str, str]) -> list[SelectChoice]:
    """Choices whose labels a service marked with ``N_``, shown in the reader's language."""
    return [SelectChoice(value, lazy_gettext(label)) for value, label in labels.items()]


def _countries(blank: str | None) -> list[SelectChoice]:
    named = sorted((country_name(code), code) for code in vocabularies.EUROPEAN_COUNTRIES)
    first = [SelectChoice("", blank)] if blank is not None else []
    return first + [SelectChoice(code, name) for name, code in named]


def _languages() -> list[SelectChoice]:
    return _choices(sorted(((code, language_name(code)) for code in LANGUAGES), key=lambda c: c[1]))


def text(label: str, limit: int, required: str | None = None, **kwargs) -> StringField:
    """A one-line text field of at most ``limit`` characters; ``required``: its message if empty."""
    checks = [DataRequired(required)] if required else [Optional()]
    return StringField(label, validators=[*checks, Length(max=limit)], **kwargs)


def labels_field(label: str, labels, description: str) -> CheckboxesField:
    """Several labels of a controlled vocabulary."""
    return CheckboxesField(
        label, choices=_choices((value, value) for value in labels), description=description
    )


class ClaimForm(FlaskForm):
    """Why this account should manage an organisation."""

    note = TextAreaField(
        lazy_gettext("Your role at the organisation"),
        validators=[
            DataRequired(lazy_gettext("Say who you are at the organisation.")),
            Length(max=2000),
        ],
        description=lazy_gettext("E.g. “I coordinate the hub's services for municipalities.”"),
    )
    evidence = TextAreaField(
        lazy_gettext("Evidence (optional)"),
        validators=[Optional(), Length(max=2000)],
        description=lazy_gettext(
            "A page of the organisation's website that names you, or anything a moderator "
            "can check. With a confirmed address at the organisation's web domain, no evidence is "
            "needed."
        ),
    )


class KeepsGivenValues:
    """A form whose choice fields also offer what the record holds outside the vocabularies.

    An imported record can hold a free-text price, a country or a language the form does not
    list; without its own choice the field would show "Not stated" (or an unticked box) and a
    save would silently drop it. Each such value is offered as "… (as given)".
    """

    def keep_given_values(self, values: Mapping[str, Any]) -> None:
        """Add a choice for each value of ``values`` a choice field of this form lacks."""
        for name, value in values.items():
            field = getattr(self, name, None)
            if not isinstance(field, SelectField | SelectMultipleField):
                continue
            known = {choice.value for choice in field.choices}
            given = value if isinstance(value, list | tuple) else [value]
            missing = [item for item in given if item and item not in known]
            field.choices = list(field.choices) + [
                SelectChoice(item, gettext("%(value)s (as given)", value=item))
                for item in dict.fromkeys(missing)
            ]


class ProfileForm(KeepsGivenValues, FlaskForm):
    """An organisation's public profile."""

    version = HiddenField()
    name = text(lazy_gettext("Name"), 300, required=lazy_gettext("Enter the name."))
    kind = SelectField(
        lazy_gettext("Kind of organisation"),
        choices=_choices(vocabularies.ORGANISATION_KINDS.items()),
    )
    description = TextAreaField(
        lazy_gettext("Description"),
        validators=[
            DataRequired(lazy_gettext("Describe what the organisation does.")),
            Length(max=10_000),
        ],
        description=lazy_gettext(
            "What you do for cities and public administrations, in plain words."
        ),
        render_kw={"rows": 8},
    )
    website = web_address_field(
        lazy_gettext("Website"), lazy_gettext("Enter an address like https://hub.example.eu.")
    )
    email = contact_email_field(lazy_gettext("Contact e-mail"))
    country = SelectField(
        lazy_gettext("Country"), choices=_countries(lazy_gettext("Europe-wide / none")), default=""
    )
    region = text(lazy_gettext("Region"), 200)
    city = text(lazy_gettext("City"), 200)
    languages = CheckboxesField(lazy_gettext("Languages you work in"), choices=_languages())
    technologies = labels_field(
        lazy_gettext("Technologies"),
        vocabularies.TECHNOLOGIES,
        lazy_gettext("The EU's list of digital technologies."),
    )
    sectors = labels_field(
        lazy_gettext("Sectors"), vocabularies.SECTORS, lazy_gettext("The sectors you serve.")
    )


class ServiceForm(KeepsGivenValues, FlaskForm):
    """One service of an organisation."""

    version = HiddenField()
    title = text(lazy_gettext("Title"), 300, required=lazy_gettext("Enter the title."))
    family = SelectField(
        lazy_gettext("Service family"),
        choices=_choices(vocabularies.SERVICE_FAMILIES.items()),
        description=lazy_gettext("The four kinds of help European Digital Innovation Hubs offer."),
    )
    description = TextAreaField(
        lazy_gettext("Description"),
        validators=[DataRequired(lazy_gettext("Describe the service.")), Length(max=10_000)],
        render_kw={"rows": 6},
    )
    audiences = CheckboxesField(
        lazy_gettext("Who it is for"), choices=_choices(vocabularies.AUDIENCES.items())
    )
    technologies = labels_field(lazy_gettext("Technologies"), vocabularies.TECHNOLOGIES, "")
    sectors = labels_field(lazy_gettext("Sectors"), vocabularies.SECTORS, "")
    languages = CheckboxesField(lazy_gettext("Languages it is offered in"), choices=_languages())
    price = SelectField(
        lazy_gettext("Price model"),
        default="",
        choices=[SelectChoice("", lazy_gettext("Not stated"))] + _translated(PRICE_MODELS),
    )
    delivery = SelectField(
        lazy_gettext("Delivery"),
        default="",
        choices=[SelectChoice("", lazy_gettext("Not stated"))]
        + _choices(vocabularies.DELIVERY_MODES.items()),
    )
    regions = CheckboxesField(
        lazy_gettext("Countries served"),
        choices=_countries(None),
        description=lazy_gettext("Leave all unticked for Europe-wide."),
    )
    url = web_address_field(
        lazy_gettext("Web page of the service"),
        lazy_gettext("Enter an address like https://hub.example.eu/service."),
    )
    contact = contact_email_field(lazy_gettext("Contact e-mail for the service"))
