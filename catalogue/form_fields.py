"""Form fields that the forms of several blueprints share (the needs form, the editors)."""

from __future__ import annotations

from flask_babel import lazy_gettext
from wtforms import EmailField, SelectMultipleField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, Email, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

# The longest web address and e-mail address a record stores (the models' column sizes).
MAX_URL_LENGTH = 2000
MAX_EMAIL_LENGTH = 320


def web_address_field(label: str, message: str) -> URLField:
    """An optional web address of a record; ``message`` shows an example of a right one."""
    return URLField(
        label, validators=[Optional(), Length(max=MAX_URL_LENGTH), URL(message=message)]
    )


def contact_email_field(label: str) -> EmailField:
    """An optional public contact e-mail address of a record."""
    return EmailField(
        label,
        validators=[
            Optional(),
            Length(max=MAX_EMAIL_LENGTH),
            Email(lazy_gettext("Enter an e-mail address.")),
        ],
    )


class CheckboxesField(SelectMultipleField):
    """Several choices shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def sort_choices(sorts: dict[str, str], has_words: bool) -> list[SelectChoice]:
    """A list's sort orders for its "Sort by" control: relevance only when there are words."""
    return [
        SelectChoice(value, lazy_gettext(label))
        for value, label in sorts.items()
        if value != "relevance" or has_words
    ]
