"""The public pages' forms: the hub list's search box and sort order."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SearchField, SelectChoice, SelectField

from catalogue.services.browse import SORTS


class HubSearchForm(FlaskForm):
    """Search words and sort order of the hub list (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    q = SearchField(
        "Search hubs",
        description="Words from a hub's name, description or city, e.g. “Lisbon” or “robotics”.",
    )
    sort = SelectField(
        "Sort by",
        choices=[SelectChoice(value, label) for value, label in SORTS.items()],
        default="name",
    )
