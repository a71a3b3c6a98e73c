"""The account forms: registration, login, password reset and change."""

from __future__ import annotations

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, Length

from catalogue.services.passwords import MAX_LENGTH, MIN_LENGTH

EMAIL_HELP = lazy_gettext("The address you use for your organisation, e.g. name@hub.example.eu.")
PASSWORD_HELP = lazy_gettext(
    "At least %(min)s characters; a few words in a row work well. Commonly used passwords "
    "are refused.",
    min=MIN_LENGTH,
)


def email_field(description: str = EMAIL_HELP) -> EmailField:
    """An e-mail address field with the platform's checks."""
    return EmailField(
        lazy_gettext("E-mail address"),
        validators=[
            DataRequired(lazy_gettext("Enter your e-mail address.")),
            Length(max=320, message=lazy_gettext("An address has at most 320 characters.")),
            Email(lazy_gettext("Enter an address like name@hub.example.eu.")),
        ],
        description=description,
        render_kw={"autocomplete": "email"},
    )


def new_password_field(label: str | None = None) -> PasswordField:
    """A field for a new password (the rule itself lives in services.passwords)."""
    return PasswordField(
        label or lazy_gettext("Password"),
        validators=[
            DataRequired(lazy_gettext("Choose a password.")),
            Length(
                max=MAX_LENGTH,
                message=lazy_gettext("Use at most %(max)s characters.", max=MAX_LENGTH),
            ),
        ],
        description=PASSWORD_HELP,
        render_kw={"autocomplete": "new-password", "data-min-length": MIN_LENGTH},
    )


class RegisterForm(FlaskForm):
    """A new account: address and password."""

    email = email_field()
    password = new_password_field()


class LoginForm(FlaskForm):
    """Address and password of an existing account."""

    email = email_field(description="")
    password = PasswordField(
        lazy_gettext("Password"),
        validators=[DataRequired(lazy_gettext("Enter your password.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    next = StringField(render_kw={"hidden": True}, validators=[Length(max=2000)])


class ResetRequestForm(FlaskForm):
    """The address to send a reset link to."""

    email = email_field(
        description=lazy_gettext("We send a link to choose a new password if it has an account.")
    )


class ResetPasswordForm(FlaskForm):
    """A new password chosen through a reset link."""

    password = new_password_field(lazy_gettext("New password"))


class ChangePasswordForm(FlaskForm):
    """The current password and a new one."""

    current = PasswordField(
        lazy_gettext("Current password"),
        validators=[
            DataRequired(lazy_gettext("Enter your current password.")),
            Length(max=MAX_LENGTH),
        ],
        render_kw={"autocomplete": "current-password"},
    )
    password = new_password_field(lazy_gettext("New password"))


class TokenForm(FlaskForm):
    """The name of a new API token."""

    name = StringField(
        lazy_gettext("Name of the token"),
        validators=[DataRequired(lazy_gettext("Name the token.")), Length(max=100)],
        description=lazy_gettext(
            "Where it is used, e.g. “our CRM”, so you know which one to revoke."
        ),
    )
