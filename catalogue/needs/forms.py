"""The form a city official fills in to describe a digital need."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, TextAreaField
from wtforms.widgets import CheckboxInput, ListWidget

from catalogue.services.matching import MAX_NEED_LENGTH
from catalogue.vocabularies import SERVICE_FAMILIES, country_name

# The countries the Digital Europe Programme covers: the EU 27 and the associated countries.
PROGRAMME_COUNTRIES = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "AL BA IS LI MD ME MK NO RS TR UA XK CH GB"
).split()


def country_choices() -> list[tuple[str, str]]:
    """The country drop-down: a blank choice, then the programme countries by English name."""
    named = sorted(((code, country_name(code)) for code in PROGRAMME_COUNTRIES), key=lambda c: c[1])
    return [("", "Any country")] + named


class CheckboxesField(SelectMultipleField):
    """Several choices shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class NeedForm(FlaskForm):
    """A need in plain words, the asking city's country and the kinds of help wanted."""

    text = TextAreaField(
        "What does your city need?",
        description=(
            "Describe the problem in your own words and language, e.g. "
            "“We want to test an AI tool that predicts traffic jams before buying it.”"
        ),
        render_kw={"rows": 5, "maxlength": MAX_NEED_LENGTH, "required": True},
    )
    country = SelectField(
        "Your city's country",
        description="Hubs in your country come first when they fit as well; others still show.",
        choices=country_choices(),
        default="",
    )
    families = CheckboxesField(
        "Kinds of help you are looking for (optional)",
        choices=list(SERVICE_FAMILIES.items()),
        validate_choice=True,
    )

