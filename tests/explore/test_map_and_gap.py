"""The map's counts and the gap view's numbers on a small catalogue counted by hand."""

from __future__ import annotations

import csv
import io
import re
import secrets

import pytest

from catalogue.extensions import db
from catalogue.models import Need
from catalogue.services import geo_map
from catalogue.services.gap import GapHolder
from tests.public.conftest import visible_text as text


@pytest.fixture
def catalogue(build):
    """Hubs: 2 in the Netherlands (one a duplicate record), 1 in Belgium, 1 EU-wide, 1 draft.

    Practices: 3 in the Netherlands, 1 in Belgium, 1 in Sweden, 1 without a country, 1 draft.
    Only the Dutch traffic practices share words with a hub (the Dutch traffic lab).
    """
    lab = build.organisation(
        name="Traffic Lab",
        country="NL",
        description="Traffic congestion sensors and prediction for road traffic in cities.",
    )
    build.service(lab, title="Traffic sensor testbed", family="test_before_invest",
                  description="Test road traffic congestion sensors.")  # fmt: skip
    build.service(lab, title="Traffic skills", family="skills_training",
                  description="Courses on road traffic data.")  # fmt: skip
    other_nl = build.organisation(name="Farm Robots", country="NL",
                                  description="Milking robots for dairy farms.")  # fmt: skip
    build.service(other_nl, title="Robot funding", family="investment_support",
                  description="Loans for milking robots.")  # fmt: skip
    build.organisation(name="Traffic Lab (second source)", country="NL", duplicate_of=lab)
    build.organisation(name="Brussels Welding", country="BE", description="Welding for shipyards.")
    build.organisation(name="EU Network", country=None, description="A network.")
    build.organisation(name="Draft Hub", country="BE", status="draft")
    for title in ("Road traffic congestion prediction", "Traffic congestion sensors on roads"):
        build.practice(title=title, summary="Predicting road traffic congestion.", country="NL")
    build.practice(title="Poetry festival", summary="Verse readings in libraries.", country="NL")
    build.practice(title="Quilting circle", summary="Patchwork evenings.", country="BE")
    build.practice(title="Forest census", summary="Counting elks.", country="SE")
    build.practice(title="Pan-European ledger", summary="Ledger of diplomas.", country=None)
    build.practice(title="Draft case", summary="Road traffic congestion.", country="SE",
                   status="draft")  # fmt: skip


def test_map_counts_listed_organisations_and_published_practices_per_country(client, catalogue):
    response = client.get("/explore/map")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    # By hand: NL 2 listed hubs (the duplicate is not listed), BE 1 (the draft is not), SE 0.
    assert 'aria-label="Netherlands: 2 organisations"' in html
    assert 'aria-label="Belgium: 1 organisation"' in html
    assert 'href="/hubs/?country=NL"' in html
    assert "Sweden: " not in html.split("<table")[0]  # no organisation: no link on the map
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td class="num">(.*?)</td>', html))
    assert set(rows) == {"Belgium", "Netherlands", "Sweden"}
    practices = client.get("/explore/map?show=practices").get_data(as_text=True)
    assert 'aria-label="Netherlands: 3 practices"' in practices
    assert 'aria-label="Belgium: 1 practice"' in practices
    assert 'aria-label="Sweden: 1 practice"' in practices
    assert 'href="/practices/?country=SE"' in practices


def test_map_classes_and_legend_follow_the_counts(client, catalogue):
    assert geo_map.class_breaks([3, 1, 1, 0]) == [1, 3]
    assert [geo_map.colour_class(n, [1, 3]) for n in (0, 1, 2, 3)] == [0, 1, 2, 2]
    page = text(client.get("/explore/map?show=practices"))
    assert "Legend: number of practices per country" in page
    assert "none 1 2–3" in page


def test_map_refuses_an_unknown_measure(client, catalogue):
    response = client.get("/explore/map?show=wishes")
    assert response.status_code == 400
    assert "“show” must be one of organisations, practices, needs" in text(response)


def test_gap_numbers_by_country_and_family(client, catalogue):
    page = client.get("/explore/gap").get_data(as_text=True)
    rows = {
        name: re.sub(r"<[^>]+>", " ", cells).split()
        for name, cells in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', page, re.S)
    }
    # Country: practices, weak (share), weak at home (share), public needs, weak needs (share),
    # hubs, hubs per family (4). NL: 3 practices; the poetry one matches no hub; both traffic
    # ones fit the Dutch lab. No public need yet.
    no_needs = ["0", "0", "(–)"]
    assert rows["Netherlands"] == [
        "3", "1", "(33", "%)", "1", "(33", "%)", *no_needs, "2", "1", "1", "1", "0"
    ]  # fmt: skip
    assert rows["Belgium"] == [
        "1", "1", "(100", "%)", "1", "(100", "%)", *no_needs, "1", "0", "0", "0", "0"
    ]  # fmt: skip
    assert rows["Sweden"] == [
        "1", "1", "(100", "%)", "1", "(100", "%)", *no_needs, "0", "0", "0", "0", "0"
    ]  # fmt: skip
    # Family: the two traffic practices' best service is the testbed; 4 others have no match.
    assert rows["Test before invest"] == ["2", "0", "(0", "%)", *no_needs, "1"]
    assert rows["Skills and training"] == ["0", "0", "(–)", *no_needs, "1"]
    assert rows["No fitting service"] == ["4", "4", "(100", "%)", *no_needs, "0"]
    assert "6 published practices" in text(client.get("/explore/gap"))


def test_gap_csv_has_the_same_numbers(client, catalogue):
    response = client.get("/explore/gap.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    rows = {row["country_code"]: row for row in csv.DictReader(io.StringIO(body[1:]))}
    assert set(rows) == {"NL", "BE", "SE"}
    assert (rows["NL"]["practices"], rows["NL"]["weak_best_match"], rows["NL"]["hubs"]) == (
        "3", "1", "2",
    )  # fmt: skip
    assert rows["NL"]["weak_share"] == "0.333"
    assert rows["SE"]["hubs_test_before_invest"] == "0"


def _chart_bars(page: str) -> dict[str, dict[str, float]]:
    """Each country's group of bars in the gap chart: its accessible name and bar widths."""
    chart = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    groups = re.findall(r'<g role="img" aria-label="([^"]+)">(.*?)</g>', chart, re.S)
    bars = {}
    for label, body in groups:
        widths = dict(re.findall(r'<rect class="chart__([\w-]+)"[^>]* width="([\d.]+)"', body))
        bars[label.split(":")[0]] = {"label": label} | {k: float(v) for k, v in widths.items()}
    return bars


def test_gap_chart_draws_practices_needs_and_hubs_per_country(client, catalogue):
    """By hand: NL 3 practices, 1 public need (fits the lab: not weak), 2 hubs; BE 1 practice,
    1 need (quilts: weak), 1 hub; SE 1 practice, no public need (its need is private), no hub.
    The longest bar (NL's 3 practices) spans the whole bar space, 360: one unit is 120."""
    _need(
        "NL", text="Predict road traffic congestion with sensors", families=["test_before_invest"]
    )
    _need("BE", text="Quilting evenings for seniors in the library")
    _need("SE", "private", text="Predict road traffic congestion")
    page = client.get("/explore/gap").get_data(as_text=True)
    bars = _chart_bars(page)
    assert list(bars) == ["Netherlands", "Belgium", "Sweden"]
    widths = {name: [bar[k] for k in ("demand", "needs", "weak-needs", "supply")]
              for name, bar in bars.items()}  # fmt: skip
    assert widths == {
        "Netherlands": [360.0, 120.0, 0.0, 240.0],
        "Belgium": [120.0, 120.0, 120.0, 120.0],
        "Sweden": [120.0, 0.0, 0.0, 0.0],
    }
    assert bars["Netherlands"]["label"] == (
        "Netherlands: 3 practices, 1 public need (0 with a weak best match), 2 hubs"
    )
    assert bars["Belgium"]["label"] == (
        "Belgium: 1 practice, 1 public need (1 with a weak best match), 1 hub"
    )
    assert "1 (1 weak, 100 %)" in text_of(page.split("</svg>")[0])
    # The table alternative gives the same numbers: practices, public needs, weak needs, hubs.
    rows = {
        name: re.sub(r"<[^>]+>", " ", cells).split()
        for name, cells in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', page, re.S)
    }
    for name, bar in bars.items():
        numbers = re.findall(r"\d+", bar["label"])  # practices, needs, weak needs, hubs
        assert [rows[name][column] for column in (0, 7, 8, 11)] == numbers
    legend = text_of(page.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0])
    assert legend == (
        "Practices (demand) Public needs (demand) Public needs whose best match is weak "
        "Hubs (supply)"
    )


def test_map_and_gap_on_an_empty_catalogue(client):
    assert client.get("/explore/map").status_code == 200
    page = text(client.get("/explore/gap"))
    assert "0 published practices" in page
    assert "No practice or hub has a country yet." in page


def test_a_large_library_is_assessed_in_the_background(app, client, catalogue):
    holder = app.extensions.setdefault("gap_report", GapHolder())
    holder.sync_limit = 2
    pending = client.get("/explore/gap")
    assert pending.status_code == 202
    assert pending.headers["Retry-After"] == "60"
    assert "The report is being computed." in text(pending)
    assert client.get("/explore/gap.csv").status_code in (200, 202)
    assert holder.wait(120)
    ready = client.get("/explore/gap")
    assert ready.status_code == 200
    assert "6 published practices" in text(ready)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _need(country: str, visibility: str = "public", **fields) -> None:
    """A need saved on the needs page, as the needs form stores it."""
    fields.setdefault("text", "Sensors for air quality")
    db.session.add(
        Need(
            token_hash=secrets.token_hex(32),
            public_ref=secrets.token_hex(8),
            detected_language="en",
            email="official@city.example.eu",
            country=country,
            visibility=visibility,
            **fields,
        )
    )
    db.session.commit()


def test_map_counts_public_needs_and_never_a_private_one(app, client, catalogue):
    app.config["PAGE_CACHE"] = True
    _need("BE")
    _need("NL", "anonymous")
    _need("NL", "private")
    _need("SE", hidden=True)  # hidden by a moderator
    _need("SE", status="closed")  # closed by its city
    html = client.get("/explore/map?show=needs").get_data(as_text=True)
    assert 'aria-label="Belgium: 1 public need"' in html
    assert 'aria-label="Netherlands: 1 public need"' in html
    assert "Sweden: " not in html.split("<table")[0]
    assert 'href="/needs/board?country=BE"' in html
    rows = re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', html, re.S)
    needs = {name: re.findall(r'<td class="num">(.*?)</td>', cells)[-1] for name, cells in rows}
    assert re.sub(r"<[^>]+>", "", needs["Netherlands"]) == "1"
    # The map is cached on the catalogue's revision, which a need does not move: it is also
    # keyed on the needs, so a new public need shows at once.
    _need("BE")
    again = client.get("/explore/map?show=needs").get_data(as_text=True)
    assert 'aria-label="Belgium: 2 public needs"' in again


def test_gap_counts_public_needs_and_their_weak_matches_never_a_private_one(app, client, catalogue):
    """By hand: the Dutch traffic need fits the Dutch lab's testbed; the Belgian one about
    quilts fits nothing; the private Swedish need is not counted."""
    _need(
        "NL", text="Predict road traffic congestion with sensors", families=["test_before_invest"]
    )
    _need("BE", text="Quilting evenings for seniors in the library")
    _need("SE", "private", text="Predict road traffic congestion")
    page = client.get("/explore/gap").get_data(as_text=True)
    rows = {
        name: re.sub(r"<[^>]+>", " ", cells).split()
        for name, cells in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', page, re.S)
    }
    assert rows["Netherlands"][7:10] == ["1", "0", "(0"]
    assert rows["Belgium"][7:10] == ["1", "1", "(100"]
    assert rows["Sweden"][7:10] == ["0", "0", "(–)"]
    assert rows["Test before invest"][4:7] == ["1", "0", "(0"]  # the family it asked for
    assert rows["No fitting service"][4:7] == ["1", "1", "(100"]
    assert "2 public needs of the needs board" in text(client.get("/explore/gap"))
    body = client.get("/explore/gap.csv").get_data(as_text=True)
    csv_rows = {row["country_code"]: row for row in csv.DictReader(io.StringIO(body[1:]))}
    assert (csv_rows["BE"]["public_needs"], csv_rows["BE"]["needs_weak_best_match"]) == ("1", "1")
    assert csv_rows["SE"]["public_needs"] == "0"
    # The report is kept until the catalogue or the needs change: a new need counts at once.
    _need("BE", text="Quilting evenings for seniors in the town hall")
    again = client.get("/explore/gap").get_data(as_text=True)
    assert "3 public needs of the needs board" in text_of(again)


def test_the_map_and_the_gap_view_name_countries_in_the_reader_s_language(client, catalogue):
    german_map = client.get("/de/explore/map").get_data(as_text=True)
    assert "Niederlande" in german_map and "Netherlands" not in german_map
    polish_gap = client.get("/pl/explore/gap")
    assert polish_gap.status_code == 200
    table_and_chart = polish_gap.get_data(as_text=True)
    assert '<th scope="row">Holandia</th>' in table_and_chart
    assert 'aria-label="Holandia: ' in table_and_chart
