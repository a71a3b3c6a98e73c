"""The form a city official fills in to describe a digital need."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from catalogue.services.hub_matching import MAX_NEED_LENGTH
from catalogue.vocabularies import EUROPEAN_COUNTRIES, SERVICE_FAMILIES, country_name


def country_choices() -> list[SelectChoice]:
    """The country drop-down: a blank choice, then the European countries by English name."""
    named = sorted((country_name(code), code) for code in EUROPEAN_COUNTRIES)
    return [SelectChoice("", "Any country")] + [SelectChoice(code, name) for name, code in named]


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
        choices=[SelectChoice(value, label) for value, label in SERVICE_FAMILIES.items()],
        validate_choice=True,
    )
    families_only = BooleanField(
        "Show only hubs offering the kinds of help I ticked",
        description="Without this, the kinds of help you tick are preferred, not required.",
    )

    def validate_families_only(self, field: BooleanField) -> None:
        """Refuse a filter on kinds of help when none is ticked: it would filter nothing."""
        if field.data and not self.families.data:
            raise ValidationError("Tick at least one kind of help to show only hubs offering it.")
