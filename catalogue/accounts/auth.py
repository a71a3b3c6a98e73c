"""Who is logged in (Flask-Login on server-side login sessions), safe redirects, throttling."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, flash, redirect, request, url_for
from flask_babel import gettext
from flask_limiter import Limiter
from flask_login import LoginManager, current_user
from flask_wtf import FlaskForm

from catalogue.errors import PermissionDenied, ValidationError
from catalogue.extensions import db
from catalogue.services import login_sessions, passwords
from catalogue.services.accounts import Mailer, find_account, normalise_email
from catalogue.services.mail import MailSettings
from catalogue.services.translatable import N_

login_manager = LoginManager()
login_manager.login_view = "accounts.login"
login_manager.login_message = "Log in to continue."
login_manager.login_message_category = "info"

THROTTLE_MESSAGE = N_(
    "Too many login attempts for this account or from this address. Wait a few minutes and try "
    "again, or reset your password."
)


@login_manager.user_loader
def load_account(token: str):
    """The account of a login session that is still open (logout and password changes end it)."""
    return login_sessions.account_for_token(db.session, token)


def safe_next(target: str | None, default: str) -> str:
    """``target`` when it is a path on this site, else ``default`` (no open redirects)."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


class _Links:
    """Absolute links for mails, built from the request's (trusted) host or PUBLIC_BASE_URL."""

    def confirm(self, token: str) -> str:
        return url_for("accounts.confirm_email", token=token, _external=True)

    def reset(self, token: str) -> str:
        return url_for("accounts.reset_password", token=token, _external=True)

    def login(self) -> str:
        return url_for("accounts.login", _external=True)


def mailer() -> Mailer:
    """The mailer for this app's settings."""
    config = current_app.config
    return Mailer(
        settings=MailSettings.from_config(config),
        links=_Links(),
        secret_key=config["SECRET_KEY"],
        reset_max_age=int(config.get("PASSWORD_RESET_MAX_AGE", 3600)),
    )


def attach_errors(form: FlaskForm, error: ValidationError) -> None:
    """Show a service's field problems next to the form's fields (others at the top)."""
    for name, problem in error.fields.items():
        field = getattr(form, name, None)
        if field is None:
            form.form_errors.append(gettext(problem))
        else:
            field.errors = [*field.errors, gettext(problem)]
    if not error.fields:
        form.form_errors.append(error.for_people())


def confirmed_required(view: Callable) -> Callable:
    """Only for logged-in accounts whose address is confirmed (anonymous users go to log in)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_confirmed:
            flash(
                gettext("Confirm your e-mail address first: the link is in the mail we sent."),
                "error",
            )
            return redirect(url_for("accounts.show_account"), 303)
        return view(*args, **kwargs)

    return wrapped


def admin_required(view: Callable) -> Callable:
    """Only for administrators (anonymous users go to log in, others get 403)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_admin:
            raise PermissionDenied(N_("Only administrators may see this page."))
        return view(*args, **kwargs)

    return wrapped


def _login_account_key() -> str:
    """Count an account's failed logins per password: a new password (set through a reset link,
    so by whoever reads the account's mail) starts a new count, and the owner is not kept out
    by someone who failed to guess the old one."""
    email = normalise_email(request.form.get("email", ""))[:320]
    account = find_account(db.session, email) if email else None
    return f"login-account:{email}:{account.password_version if account else 0}"


def _not_a_login_attempt() -> bool:
    return request.endpoint != "accounts.login" or request.method != "POST"


def _failed(response) -> bool:
    return response.status_code != 303


def limit_logins(limiter: Limiter, bp) -> None:
    """Throttle failed logins per account and per address (``LOGIN_RATELIMIT_*``)."""

    def limit(setting: str, default: str) -> Callable[[], str]:
        return lambda: current_app.config.get(setting) or default

    common = {
        "exempt_when": _not_a_login_attempt,
        "deduct_when": _failed,
        "error_message": THROTTLE_MESSAGE,
    }
    limiter.limit(
        limit("LOGIN_RATELIMIT_ACCOUNT", "5 per minute;20 per hour"),
        key_func=_login_account_key,
        **common,
    )(bp)
    limiter.limit(
        limit("LOGIN_RATELIMIT_ADDRESS", "20 per minute;100 per hour"),
        key_func=lambda: "login-address:" + (request.remote_addr or ""),
        **common,
    )(bp)


def init_app(app: Flask) -> None:
    """Attach Flask-Login; hash passwords as ``PASSWORD_HASH_METHOD`` says."""
    login_manager.init_app(app)
    passwords.use_hash_method(app.config["PASSWORD_HASH_METHOD"])
