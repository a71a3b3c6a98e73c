"""Pages of the explorer: the map of Europe and the gap view."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from catalogue.errors import ValidationError
from catalogue.extensions import db
from catalogue.page_cache import cached_page
from catalogue.services import country_counts, gap_chart, geo_map, needs
from catalogue.services.gap import GapHolder

bp = Blueprint("explore", __name__)


def gap_holder() -> GapHolder:
    """This process's gap report holder (made on first use)."""
    return current_app.extensions.setdefault("gap_report", GapHolder())


def _needs_state() -> str:
    return needs.needs_state(db.session)


@bp.get("/map")
@cached_page(also_keyed_on=_needs_state)
def show_map():
    """Draw the map of Europe coloured by one measure, with its legend and table."""
    measure = request.args.get("show", "organisations")
    if measure not in country_counts.MEASURES:
        choices = ", ".join(country_counts.MEASURES)
        raise ValidationError(f"“show” must be one of {choices}.", {"show": f"use {choices}"})
    counts = country_counts.count_by_country(db.session)
    by_code = {row.code: row for row in counts}
    breaks = geo_map.class_breaks([row.of(measure) for row in counts])
    return render_template(
        "explore/show_map.html",
        measure=measure,
        measures=country_counts.MEASURES,
        counts=counts,
        by_code=by_code,
        shapes=geo_map.country_shapes(),
        breaks=breaks,
        legend=geo_map.legend(breaks),
        colour_class=geo_map.colour_class,
        width=geo_map.WIDTH,
        height=geo_map.HEIGHT,
    )


@bp.get("/gap")
def show_gap():
    """Show demand next to supply by country and service family: table, chart and method."""
    report = gap_holder().report(db.session)
    if report is None:
        return render_template("explore/gap_pending.html"), 202, {"Retry-After": "60"}
    chart = gap_chart.bars(report.countries[: gap_chart.MAX_ROWS])
    return render_template("explore/show_gap.html", report=report, chart=chart)


@bp.get("/gap.csv")
def download_gap():
    """The gap by country as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
    report = gap_holder().report(db.session)
    if report is None:
        message = "The gap report is being computed; try again in a minute.\n"
        return Response(message, 202, {"Retry-After": "60"}, mimetype="text/plain")
    body = gap_chart.country_csv(report)
    headers = {"Content-Disposition": 'attachment; filename="gap-by-country.csv"'}
    return Response(body, mimetype="text/csv", headers=headers)
