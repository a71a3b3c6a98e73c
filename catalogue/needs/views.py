"""The needs page: describe a need, read the ranked and explained hubs that fit it."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from catalogue.errors import ValidationError
from catalogue.needs.forms import NeedForm
from catalogue.needs.results import need_results
from catalogue.services.hub_matching import MAX_NEED_LENGTH
from catalogue.services.need_values import NeedValues, validate_need

bp = Blueprint("needs", __name__)
HONEYPOT_MESSAGE = "The form could not be accepted. Leave the hidden “homepage” field empty."


def form_for_request() -> NeedForm:
    """The needs form, reading only form fields (Flask-WTF would also read a JSON body)."""
    return NeedForm(formdata=request.form if request.method == "POST" else None)


def checked_values(form: NeedForm, require_email: bool = False) -> NeedValues | None:
    """The form's values checked by the need's rules; problems go onto the fields."""
    if not form.validate_on_submit():
        return None
    if form.homepage.data:
        form.form_errors.append(HONEYPOT_MESSAGE)
        return None
    try:
        return validate_need(form.values(), require_email=require_email)
    except ValidationError as error:
        for name, problem in error.fields.items():
            field = getattr(form, name)
            field.errors = [*field.errors, problem]
        return None


@bp.route("/", methods=["GET", "POST"])
def describe_need():
    """Show the need form; on submission, the hubs and services that fit, best first."""
    form = form_for_request()
    if request.method == "GET" and "text" in request.args:  # "start a need from this practice"
        form.text.data = request.args["text"][:MAX_NEED_LENGTH]
    values = checked_values(form)
    result = need_results(values) if values else None
    status = 400 if form.is_submitted() and result is None else 200
    return render_template("needs/describe_need.html", form=form, result=result), status
