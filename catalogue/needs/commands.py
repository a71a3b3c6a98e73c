"""Commands about cities' needs: the weekly mail of fitting needs, the feedback export."""

from __future__ import annotations

import csv
import json
import sys
from datetime import timedelta

import click
from flask import Flask, current_app, url_for

from catalogue.extensions import db, match_index_holder
from catalogue.models.base import utcnow
from catalogue.services import feedback, hub_needs
from catalogue.services.mail import MailSettings


@click.command("mail-fitting-needs")
@click.option("--days", default=7, show_default=True, help="Needs posted within this many days.")
def mail_fitting_needs_command(days: int) -> None:
    """Mail each hub's managers the new public needs that fit it (each need once per hub).

    Run it weekly from cron, e.g. ``0 7 * * 1 cd /srv/hubs && flask --app catalogue
    mail-fitting-needs``.
    """
    if days < 1:
        raise click.BadParameter("must be at least 1", param_hint="--days")
    base_url = current_app.config.get("PUBLIC_BASE_URL")
    with current_app.test_request_context(base_url=base_url):
        sent = hub_needs.mail_digests(
            db.session,
            match_index_holder(),
            MailSettings.from_config(current_app.config),
            lambda need: url_for("needs.need_detail", public_ref=need.public_ref, _external=True),
            since=utcnow() - timedelta(days=days),
        )
    db.session.commit()
    click.echo(f"Mailed {sent} managers the needs that fit their hubs.")


@click.command("export-feedback")
@click.argument("file", type=click.File("w", encoding="utf-8"), default="-")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True
)
def export_feedback_command(file, fmt: str) -> None:
    """Write every "useful / not useful" verdict with its need, rank and score to FILE."""
    rows = list(feedback.export_rows(db.session))
    if fmt == "csv":
        writer = csv.DictWriter(file, fieldnames=feedback.EXPORT_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    if file is not sys.stdout:
        click.echo(f"Wrote {len(rows)} verdicts.", err=True)


def init_app(app: Flask) -> None:
    """Register the needs commands."""
    app.cli.add_command(mail_fitting_needs_command)
    app.cli.add_command(export_feedback_command)
