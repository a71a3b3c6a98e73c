"""Account pages: register, confirm, log in and out, reset and change the password."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, login_required, login_user, logout_user

from catalogue.accounts.auth import attach_errors, mailer, safe_next
from catalogue.accounts.forms import (
    ChangePasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    ResetRequestForm,
)
from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.services import accounts, login_sessions, publishing

bp = Blueprint("accounts", __name__)


def _form(form_class):
    """The screen's form, reading only form fields (never a JSON body)."""
    return form_class(formdata=request.form if request.method == "POST" else None)


def _page(template: str, form, **context):
    """Render a form page: 400 when a submission was refused, 200 otherwise."""
    status = 400 if form.is_submitted() and (form.errors or form.form_errors) else 200
    return render_template(template, form=form, **context), status


def _log_in(account) -> None:
    """Start a server-side login session and put its token in the session cookie."""
    session.clear()
    login_sessions.start_login_session(db.session, account)
    login_user(account)


@bp.route("/account/register", methods=["GET", "POST"])
def register():
    """Create an account; the same answer whether or not the address already has one."""
    form = _form(RegisterForm)
    if form.validate_on_submit():
        try:
            accounts.register(db.session, mailer(), form.email.data, form.password.data)
        except ValidationError as error:
            db.session.rollback()
            attach_errors(form, error)
        else:
            db.session.commit()
            return redirect(url_for("accounts.check_inbox"), 303)
    return _page("accounts/register.html", form)


@bp.get("/account/check-your-inbox")
def check_inbox():
    """Say where the mail went: to the address, or (no mail server) to the outbox."""
    return render_template("accounts/check_inbox.html", delivers=mailer().settings.delivers)


@bp.get("/account/confirm/<token>")
def confirm_email(token: str):
    """Confirm an address from the mailed link; claims at the hub's web domain are granted."""
    try:
        account = accounts.confirm_email(db.session, mailer(), token)
    except ValidationError as error:
        return render_template("accounts/link_problem.html", message=error.for_people()), 400
    granted = publishing.grant_domain_claims(db.session, account)
    db.session.commit()
    flash(gettext("Your address is confirmed. You can now log in."), "success")
    for organisation in granted:
        flash(
            gettext(
                "Your address is at %(organisation)s's web domain: you now manage it.",
                organisation=organisation.name,
            ),
            "success",
        )
    target = "accounts.show_account" if current_user.is_authenticated else "accounts.login"
    return redirect(url_for(target), 303)


@bp.post("/account/confirm")
@login_required
def resend_confirmation():
    """Mail the confirmation link again."""
    if not current_user.is_confirmed:
        accounts.send_confirmation(db.session, mailer(), current_user)
        db.session.commit()
    return redirect(url_for("accounts.check_inbox"), 303)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in; one message for a wrong address or password, so neither is revealed."""
    form = _form(LoginForm)
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        account = accounts.authenticate(db.session, form.email.data, form.password.data)
        if account is None:
            form.form_errors.append("The e-mail address or the password is wrong.")
        else:
            _log_in(account)
            db.session.commit()
            return redirect(safe_next(form.next.data, url_for("accounts.show_account")), 303)
    return _page("accounts/login.html", form)


@bp.post("/logout")
def logout():
    """End the login session on the server too: a copy of the cookie no longer works."""
    if current_user.is_authenticated:
        login_sessions.end_login_session(db.session, current_user.login_token)
        db.session.commit()
        logout_user()
    session.clear()
    flash(gettext("You are logged out."), "success")
    return redirect(url_for("public.show_home"), 303)


@bp.route("/account/reset", methods=["GET", "POST"])
def request_reset():
    """Ask for a reset link; the answer never says whether the address has an account."""
    form = _form(ResetRequestForm)
    if form.validate_on_submit():
        accounts.request_reset(db.session, mailer(), form.email.data)
        db.session.commit()
        return redirect(url_for("accounts.check_inbox"), 303)
    return _page("accounts/request_reset.html", form)


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password through a reset link, which works once and for an hour."""
    try:
        accounts.account_for_reset(db.session, mailer(), token)
    except ValidationError as error:
        return render_template("accounts/link_problem.html", message=error.for_people()), 400
    form = _form(ResetPasswordForm)
    if form.validate_on_submit():
        try:
            accounts.reset_password(db.session, mailer(), token, form.password.data)
        except ValidationError as error:
            db.session.rollback()
            attach_errors(form, error)
        else:
            db.session.commit()
            flash(gettext("Your password is changed. Log in with the new one."), "success")
            return redirect(url_for("accounts.login"), 303)
    return _page("accounts/reset_password.html", form)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change the password; every other login session of the account ends."""
    form = _form(ChangePasswordForm)
    if form.validate_on_submit():
        try:
            accounts.change_password(
                db.session, mailer(), current_user, form.current.data, form.password.data
            )
        except ValidationError as error:
            db.session.rollback()
            attach_errors(form, error)
        else:
            _log_in(current_user._get_current_object())
            db.session.commit()
            flash(gettext("Your password is changed; other sessions are logged out."), "success")
            return redirect(url_for("accounts.show_account"), 303)
    return _page("accounts/change_password.html", form)


@bp.get("/account/")
@login_required
def show_account():
    """The account's organisations, claims, pending changes and API tokens."""
    overview = publishing.account_overview(db.session, current_user)
    return render_template("accounts/show_account.html", overview=overview)
