"""The public pages' forms: the hub list's search box and sort order."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectChoice, SelectField

from catalogue.form_fields import sort_choices
from catalogue.services.browse import SORTS, HubQuery


class HubSearchForm(FlaskForm):
    """Search words and sort order of the hub list (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    q = SearchField(
        lazy_gettext("Search hubs"),
        description=lazy_gettext(
            "Words from a hub’s name, description, place, technologies, sectors or "
            "services, e.g. “Portugal” or “air quality sensors”. Every word must match; "
            "use double quotes for an exact phrase."
        ),
    )
    sort = SelectField(
        lazy_gettext("Sort by"),
        choices=[SelectChoice(v, lazy_gettext(label)) for v, label in SORTS.items()],
    )

    @classmethod
    def for_query(cls, args: Any, query: HubQuery) -> HubSearchForm:
        """The form as the list shows it: the order in force selected, relevance with words only."""
        form = cls(formdata=args)
        form.sort.choices = sort_choices(SORTS, bool(query.q))
        form.sort.data = query.order
        return form
