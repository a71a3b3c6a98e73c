"""Account commands: create an administrator, remind the managers of stale records."""

from __future__ import annotations

import click
from flask import Flask, current_app, url_for

from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.services import accounts, freshness
from catalogue.services.mail import MailSettings


@click.command("create-admin")
@click.argument("email")
@click.password_option(help="The new account's password (asked for when not given).")
def create_admin_command(email: str, password: str) -> None:
    """Make EMAIL an administrator, creating a confirmed account when it has none."""
    try:
        account = accounts.create_admin(db.session, email, password)
    except ValidationError as error:
        db.session.rollback()
        problems = "; ".join(error.fields.values()) or error.message
        raise click.ClickException(problems) from error
    db.session.commit()
    click.echo(f"{account.email} is an administrator.")


@click.command("remind-stale")
def remind_stale_command() -> None:
    """Mail the managers of records not verified for 12 months (at most every 30 days each).

    Run it daily from cron, e.g. ``0 6 * * * cd /srv/hubs && flask --app catalogue remind-stale``.
    """
    with current_app.test_request_context(base_url=current_app.config.get("PUBLIC_BASE_URL")):
        sent = freshness.remind_stale(
            db.session,
            MailSettings.from_config(current_app.config),
            lambda organisation: url_for(
                "publish.manage_organisation", slug=organisation.slug, _external=True
            ),
        )
    db.session.commit()
    click.echo(f"Reminded {sent} managers of stale records.")


def init_app(app: Flask) -> None:
    """Register the account commands."""
    app.cli.add_command(create_admin_command)
    app.cli.add_command(remind_stale_command)
