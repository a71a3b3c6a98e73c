"""The needs page: describe a need, read the ranked and explained hubs that fit it."""

from __future__ import annotations

from flask import render_template, request

from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.needs import board_views, contact_views  # noqa: F401 - their routes join bp
from catalogue.needs.blueprint import bp, checked_values, form_for_request
from catalogue.needs.feedback_views import feedback_from_form
from catalogue.needs.results import need_results
from catalogue.needs.saved_views import save_from_form
from catalogue.services import contacts
from catalogue.services.hub_matching import MAX_NEED_LENGTH
from catalogue.services.need_values import NeedValues, validate_need

__all__ = ["bp"]


def values_but_the_email(form) -> NeedValues | None:
    """When saving or contacting was refused only for the e-mail, the need itself, so the
    results stay on the page beside the e-mail's error."""
    if set(form.errors) != {"email"} or form.form_errors:
        return None
    try:
        return validate_need(form.values() | {"email": None})
    except ValidationError:
        return None


@bp.route("/", methods=["GET", "POST"])
def describe_need():
    """Show the need form; on submission, the hubs and services that fit, best first.

    "Save" and "Contact this hub" submit the same form: the need is saved, then its page opens.
    """
    form = form_for_request()
    if request.method == "GET" and "text" in request.args:  # "start a need from this practice"
        form.text.data = request.args["text"][:MAX_NEED_LENGTH]
    # A meeting request from a talk's page: the need is saved, then written to that organisation.
    meet_slug = request.values.get("meet")
    meet = contacts.listed_organisation(db.session, meet_slug[:200]) if meet_slug else None
    saved = save_from_form(form) if form.is_submitted() else None
    if saved is not None:
        return saved
    refused = bool(form.errors or form.form_errors)
    values = values_but_the_email(form) if refused else checked_values(form)
    result = need_results(values) if values else None
    thanked = feedback_from_form(result, request.form) if result and not refused else None
    status = 400 if form.is_submitted() and (refused or result is None) else 200
    page = render_template(
        "needs/describe_need.html", form=form, result=result, thanked=thanked, meet=meet
    )
    return page, status
