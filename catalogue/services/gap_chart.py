"""The gap report drawn and written out: bar geometry for the server-side SVG chart, and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from catalogue.services.gap import CountryGap, GapReport
from catalogue.vocabularies import SERVICE_FAMILIES

MAX_ROWS = 15
LABEL_WIDTH, BAR_SPACE, ROW_HEIGHT, TOP = 150, 360, 36, 10


@dataclass(frozen=True)
class Bar:
    """One country's two bars: practices (demand) and hubs (supply), in SVG units."""

    name: str
    practices: int
    hubs: int
    y: int
    demand_width: float
    supply_width: float


@dataclass(frozen=True)
class Chart:
    """The chart's rows and size."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int


def bars(rows: list[CountryGap]) -> Chart:
    """Scale the countries' practices and hubs to one shared axis."""
    top = max([max(r.practices, r.hubs) for r in rows], default=0) or 1
    scale = BAR_SPACE / top
    drawn = [
        Bar(r.name, r.practices, r.hubs, TOP + i * ROW_HEIGHT, r.practices * scale, r.hubs * scale)
        for i, r in enumerate(rows)
    ]
    return Chart(drawn, LABEL_WIDTH + BAR_SPACE + 50, TOP * 2 + len(rows) * ROW_HEIGHT, LABEL_WIDTH)


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def country_csv(report: GapReport) -> str:
    """The gap by country as CSV text with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "country_code",
            "country",
            "practices",
            "weak_best_match",
            "weak_share",
            "weak_at_home",
            "weak_at_home_share",
            "hubs",
            *(f"hubs_{family}" for family in SERVICE_FAMILIES),
            "public_needs",
            "needs_weak_best_match",
            "needs_weak_share",
        ]
    )
    for row in report.countries:
        writer.writerow(
            [
                row.code,
                row.name,
                row.practices,
                row.weak,
                _share(row.share(row.weak)),
                row.weak_at_home,
                _share(row.share(row.weak_at_home)),
                row.hubs,
                *(row.hubs_by_family[family] for family in SERVICE_FAMILIES),
                row.needs,
                row.weak_needs,
                _share(row.need_share()),
            ]
        )
    return "\ufeff" + out.getvalue()
