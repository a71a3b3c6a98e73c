"""Pages for the workshop audience: the 30 April 2020 agenda and the example practices."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from catalogue.extensions import db
from catalogue.page_cache import cached_page
from catalogue.services import talks, workshop

bp = Blueprint("workshop", __name__)


@bp.get("/", defaults={"slug": None})
@bp.get("/<slug>")
@cached_page
def event_detail(slug: str | None):
    """Show an event's agenda: blocks with times, talks, speakers, organisations, examples."""
    agenda = workshop.get_event(db.session, slug)
    return render_template("workshop/event_detail.html", agenda=agenda, event=agenda.event)


@bp.get("/<slug>/talks/<int:number>")
@cached_page
def talk_detail(slug: str, number: int):
    """Show one talk: block and time, speaker, organisation, examples, previous and next."""
    page = talks.get_talk(db.session, slug, number)
    return render_template("workshop/talk_detail.html", page=page, event=page.agenda.event)


@bp.get("/practices/<slug>")
@cached_page
def practice_detail(slug: str):
    """The example practices moved into the practice library: send visitors there."""
    return redirect(url_for("practices.practice_detail", slug=slug), 301)
