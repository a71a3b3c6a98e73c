"""The practice list's form: the order of the results."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import SelectField

from catalogue.form_fields import sort_choices
from catalogue.services.practices import SORTS, PracticeQuery


class PracticeSortForm(FlaskForm):
    """The practice list's sort order (a GET form: no CSRF token needed)."""

    class Meta:
        csrf = False

    sort = SelectField(lazy_gettext("Sort by"))

    @classmethod
    def for_query(cls, args: Any, query: PracticeQuery) -> PracticeSortForm:
        """The form with the order in force selected; relevance only with search words."""
        form = cls(formdata=args)
        form.sort.choices = sort_choices(SORTS, bool(query.q))
        form.sort.data = query.order
        return form
