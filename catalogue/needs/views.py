"""The needs page: describe a need, read the ranked and explained hubs that fit it."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from catalogue.errors import ValidationError
from catalogue.extensions import db, match_index_holder, practice_index_holder
from catalogue.needs.forms import NeedForm
from catalogue.needs.highlight import highlight_need
from catalogue.services import hub_matching, practice_matching
from catalogue.services.hub_matching import MAX_NEED_LENGTH

bp = Blueprint("needs", __name__)
FORM_FIELDS = {"filters": "families_only"}  # the request key -> the form field that set it


def _match_form(form: NeedForm) -> hub_matching.MatchOutcome | None:
    """Run the match for a submitted form; attach rule violations to the fields they concern."""
    payload = {"text": form.text.data or "", "country": form.country.data or None}
    payload["families"] = form.families.data or None
    if form.families_only.data:
        payload["filters"] = {"families": form.families.data}
    try:
        need = hub_matching.validate_match_request(payload)
    except ValidationError as error:
        for name, problem in error.fields.items():
            field = getattr(form, FORM_FIELDS.get(name, name))
            field.errors = [*field.errors, problem]
        return None
    return hub_matching.find_matches(db.session, match_index_holder(), need)


@bp.route("/", methods=["GET", "POST"])
def describe_need():
    """Show the need form; on submission, the hubs and services that fit, best first."""
    # Only form fields: Flask-WTF would also read a JSON body, which need not be an object.
    form = NeedForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "GET" and "text" in request.args:  # "start a need from this practice"
        form.text.data = request.args["text"][:MAX_NEED_LENGTH]
    outcome = _match_form(form) if form.validate_on_submit() else None
    status = 400 if form.is_submitted() and outcome is None else 200
    marked_need, similar = None, []
    if outcome is not None:
        marked_need = highlight_need(form.text.data.strip(), outcome.language, outcome.matches)
        similar = practice_matching.closest_practices(
            db.session, practice_index_holder(), form.text.data.strip(), outcome.language
        )
    page = render_template(
        "needs/describe_need.html",
        form=form,
        outcome=outcome,
        marked_need=marked_need,
        similar=similar,
    )
    return page, status
