"""The map of Europe as SVG, drawn on the server from the Natural Earth geometry shipped here.

Countries are projected with a Lambert azimuthal equal-area projection centred at 10°E, 52°N,
clipped to Europe's frame, simplified to whole pixels and coloured in five classes by a count.
No flask and no database: counts in, SVG shapes out.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GEOMETRY = Path(__file__).resolve().parent.parent / "geodata" / "europe_50m_countries.geojson"
WIDTH, HEIGHT = 600, 560
CENTRE_LON, CENTRE_LAT = math.radians(10.0), math.radians(52.0)
# The frame in projected units (Earth radius 1): Iceland to the Caspian, Crete to North Cape.
FRAME = (-0.42, -0.36, 0.52, 0.42)  # x min, y min, x max, y max
TINY_AREA = 12.0  # square pixels: smaller countries also get a marker, to stay clickable
CLASSES = 5


@dataclass(frozen=True)
class CountryShape:
    """One country's outline as an SVG path, with a marker position for tiny countries."""

    code: str
    name: str
    path: str
    centre: tuple[float, float]
    tiny: bool


def _project(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    k = math.sqrt(
        2
        / (
            1
            + math.sin(CENTRE_LAT) * math.sin(phi)
            + math.cos(CENTRE_LAT) * math.cos(phi) * math.cos(lam - CENTRE_LON)
        )
    )
    x = k * math.cos(phi) * math.sin(lam - CENTRE_LON)
    y = k * (
        math.cos(CENTRE_LAT) * math.sin(phi)
        - math.sin(CENTRE_LAT) * math.cos(phi) * math.cos(lam - CENTRE_LON)
    )
    x_min, y_min, x_max, y_max = FRAME
    return (x - x_min) / (x_max - x_min) * WIDTH, (y_max - y) / (y_max - y_min) * HEIGHT


def _ring(points: list[list[float]]) -> list[tuple[int, int]]:
    """A projected ring rounded to whole pixels, without repeated points."""
    ring: list[tuple[int, int]] = []
    for lon, lat in points:
        x, y = _project(lon, lat)
        point = (round(x), round(y))
        if not ring or point != ring[-1]:
            ring.append(point)
    return ring


def _area(ring: list[tuple[int, int]]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2)


def _inside_frame(ring: list[tuple[int, int]]) -> bool:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return max(xs) > 0 and min(xs) < WIDTH and max(ys) > 0 and min(ys) < HEIGHT


@cache
def country_shapes() -> tuple[CountryShape, ...]:
    """Every country of the geometry file that shows in the frame, by name."""
    features = json.loads(GEOMETRY.read_text(encoding="utf-8"))["features"]
    shapes = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [_ring(polygon[0]) for polygon in polygons]
        rings = [ring for ring in rings if len(ring) >= 3 and _inside_frame(ring)]
        if not rings:
            continue
        largest = max(rings, key=_area)
        cx = sum(x for x, _ in largest) / len(largest)
        cy = sum(y for _, y in largest) / len(largest)
        path = " ".join("M" + "L".join(f"{x},{y}" for x, y in ring) + "Z" for ring in rings)
        area = sum(_area(ring) for ring in rings)
        shapes.append(
            CountryShape(
                code=feature["properties"]["iso_a2"],
                name=feature["properties"]["name"],
                path=path,
                centre=(round(cx, 1), round(cy, 1)),
                tiny=area < TINY_AREA,
            )
        )
    return tuple(sorted(shapes, key=lambda shape: shape.name))


def class_breaks(values: list[int]) -> list[int]:
    """Upper bounds of the colour classes of the non-zero counts (at most ``CLASSES``).

    Each class holds about as many countries as the others (quantiles of the non-zero counts),
    so a few countries with many records do not leave all the others in one colour.
    """
    counts = sorted(value for value in values if value > 0)
    if not counts:
        return []
    bounds = {counts[math.ceil(len(counts) * i / CLASSES) - 1] for i in range(1, CLASSES + 1)}
    return sorted(bounds)


def colour_class(count: int, breaks: list[int]) -> int:
    """The colour class of a count: 0 for none, else 1 + the first break it does not exceed."""
    if count <= 0:
        return 0
    return next(i for i, bound in enumerate(breaks, start=1) if count <= bound)


def legend(breaks: list[int]) -> list[tuple[int, str]]:
    """The legend's rows: colour class and the range of counts it stands for."""
    rows = [(0, "none")]
    low = 1
    for index, bound in enumerate(breaks, start=1):
        rows.append((index, str(bound) if low == bound else f"{low}–{bound}"))
        low = bound + 1
    return rows
