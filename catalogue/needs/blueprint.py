"""The needs blueprint and what its pages share: the checked form, personal pages, mail."""

from __future__ import annotations

from flask import Blueprint, current_app, make_response, request
from flask_babel import gettext
from flask_limiter import Limiter

from catalogue.errors import ValidationError
from catalogue.needs.forms import NeedForm
from catalogue.services.mail import MailSettings
from catalogue.services.need_values import NeedValues, validate_need
from catalogue.services.translatable import N_

bp = Blueprint("needs", __name__)
HONEYPOT_MESSAGE = N_("The form could not be accepted. Leave the hidden “homepage” field empty.")


def form_for_request() -> NeedForm:
    """The needs form, reading only form fields (Flask-WTF would also read a JSON body)."""
    return NeedForm(formdata=request.form if request.method == "POST" else None)


def checked_values(form: NeedForm, require_email: bool = False) -> NeedValues | None:
    """The form's values checked by the need's rules; problems go onto the fields."""
    if not form.validate_on_submit():
        return None
    if form.homepage.data:
        form.form_errors.append(gettext(HONEYPOT_MESSAGE))
        return None
    try:
        return validate_need(form.values(), require_email=require_email)
    except ValidationError as error:
        for name, problem in error.fields.items():
            field = getattr(form, name)
            field.errors = [*field.errors, gettext(problem)]
        return None


def personal(page, status: int = 200):
    """A page only its link's holder may see: its address never sent onwards (and, as every
    page without a cache policy of its own, never cached: ``security.PRIVATE_CACHE_CONTROL``)."""
    response = make_response(page, status)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def mail_settings() -> MailSettings:
    """This app's mail settings."""
    return MailSettings.from_config(current_app.config)


def where_mail_went(address: str) -> str:
    """Say truthfully where a mail went: to the address, or kept in the outbox."""
    if mail_settings().delivers:
        return gettext("We sent it to %(address)s.", address=address)
    return gettext(
        "This platform has no mail server yet: the mail waits in the outbox that administrators "
        "see, and reaches nobody until they send it on."
    )


# The 429 pages look these up in the catalogue (``errors.page_message``).
RATE_MESSAGE = N_(
    "Too many needs saved or hubs contacted from this address. Wait a while and try again; "
    "what you typed was not stored."
)


FEEDBACK_RATE_MESSAGE = N_(
    "Too many verdicts or reports from this address. Wait a while and try again; this one was "
    "not stored."
)


def _saving_a_need() -> bool:
    form = request.form
    if request.method != "POST":
        return False
    if request.endpoint == "needs.resend_links":  # each mails new links: limited alike
        return True
    saving = form.get("action") == "save" or bool(form.get("contact"))
    return request.endpoint == "needs.describe_need" and saving


def _contacting_a_hub() -> bool:
    return request.method == "POST" and request.endpoint == "needs.contact_hub"


def _judging() -> bool:
    """A verdict on a result, or a report of a public need: both are counted for others."""
    if request.method != "POST":
        return False
    if request.endpoint in ("needs.give_feedback", "needs.report_need"):
        return True
    return request.endpoint == "needs.describe_need" and bool(request.form.get("feedback"))


def _redirected(response) -> bool:
    return response.status_code == 303


def _stored(response) -> bool:
    return response.status_code < 400


def limit_needs(limiter: Limiter, blueprint: Blueprint) -> None:
    """Limit per client address the needs saved (``NEED_RATELIMIT``), the hubs contacted
    (``CONTACT_RATELIMIT``) and the verdicts and reports given (``FEEDBACK_RATELIMIT``, so
    that nobody skews the counts); only what was stored counts (a refused form does not)."""
    for setting, applies, counted, message in (
        ("NEED_RATELIMIT", _saving_a_need, _redirected, RATE_MESSAGE),
        ("CONTACT_RATELIMIT", _contacting_a_hub, _redirected, RATE_MESSAGE),
        ("FEEDBACK_RATELIMIT", _judging, _stored, FEEDBACK_RATE_MESSAGE),
    ):
        limiter.limit(
            lambda setting=setting: current_app.config[setting],
            key_func=lambda setting=setting: f"{setting}:{request.remote_addr or ''}",
            exempt_when=lambda applies=applies: not applies(),
            deduct_when=counted,
            error_message=message,
        )(blueprint)
