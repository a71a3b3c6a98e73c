"""The gap report drawn and written out: bar geometry for the server-side SVG chart, and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from catalogue.services.gap import CountryGap, GapReport
from catalogue.vocabularies import SERVICE_FAMILIES

MAX_ROWS = 15
# Each country has three bars (practices, public needs, hubs) of BAR_HEIGHT, BAR_GAP apart.
LABEL_WIDTH, BAR_SPACE, TOP = 150, 360, 10
BAR_HEIGHT, BAR_GAP, ROW_GAP = 12, 2, 10
ROW_HEIGHT = 3 * BAR_HEIGHT + 2 * BAR_GAP + ROW_GAP


@dataclass(frozen=True)
class Bar:
    """One country's bars, in SVG units: practices and public needs (demand), hubs (supply).

    The needs bar has an inner part as long as the needs whose best match is weak.
    """

    name: str
    practices: int
    needs: int
    weak_needs: int
    hubs: int
    y: int
    demand_width: float
    needs_width: float
    weak_needs_width: float
    supply_width: float
    code: str = ""  # ISO 3166-1 alpha-2, for the name in the reader's language

    @property
    def needs_y(self) -> int:
        """The top of the public needs bar."""
        return self.y + BAR_HEIGHT + BAR_GAP

    @property
    def supply_y(self) -> int:
        """The top of the hubs bar."""
        return self.y + 2 * (BAR_HEIGHT + BAR_GAP)

    @property
    def weak_share(self) -> float | None:
        """The share of the public needs whose best match is weak (``None`` without needs)."""
        return self.weak_needs / self.needs if self.needs else None


@dataclass(frozen=True)
class Chart:
    """The chart's rows and size."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int = BAR_HEIGHT


def bars(rows: list[CountryGap]) -> Chart:
    """Scale the countries' practices, public needs and hubs to one shared axis."""
    top = max([max(r.practices, r.needs, r.hubs) for r in rows], default=0) or 1
    scale = BAR_SPACE / top
    drawn = [
        Bar(
            r.name,
            r.practices,
            r.needs,
            r.weak_needs,
            r.hubs,
            TOP + i * ROW_HEIGHT,
            r.practices * scale,
            r.needs * scale,
            r.weak_needs * scale,
            r.hubs * scale,
            r.code,
        )
        for i, r in enumerate(rows)
    ]
    height = TOP * 2 + len(rows) * ROW_HEIGHT - ROW_GAP
    return Chart(drawn, LABEL_WIDTH + BAR_SPACE + 50, height, LABEL_WIDTH)


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
