"""Pages and API lists send as many SQL statements at 3N rows as at N: no N+1 queries."""

from __future__ import annotations

import pytest

from catalogue.extensions import db
from catalogue.models import Talk
from tests.statements import counting_statements

SMALL, LARGE = 4, 12


@pytest.fixture
def app_config(app_config: dict) -> dict:
    """Every request renders: the page cache would hide the queries."""
    return app_config | {"PAGE_CACHE": False}


class Catalogue:
    """A catalogue that grows: hubs with services and tags, practices, an event with talks."""

    def __init__(self, build) -> None:
        self.build = build
        self.hub = build.organisation(ref="main-hub", slug="main-hub", technologies=["AI"])
        self.service = build.service(self.hub, slug="main-service", technologies=["IoT"])
        self.practice = build.practice([self.hub], ref="main-practice", slug="main-practice")
        self.event = build.event(
            ref="ws",
            slug="ws",
            sessions=[{"title": "Talks", "start": "10:00", "end": "12:00", "talks": []}],
        )
        self.size = 0

    def grow_to(self, size: int) -> None:
        """Add hubs (each with two services and tags), services, practices and talks."""
        block = self.event.sessions[0]
        for n in range(self.size, size):
            hub = self.build.organisation(
                country=("BE", "ES", "FR")[n % 3], technologies=["Big data", f"Tech {n}"]
            )
            for _ in range(2):
                self.build.service(hub, sectors=[f"Sector {n}"])
            self.build.service(self.hub, technologies=[f"Tool {n}"])
            self.practice.organisations.append(hub)
            self.build.practice([hub, self.hub])
            block.talks.append(Talk(position=n, title=f"Talk {n}", organisation=hub))
        db.session.commit()
        self.size = size


PATHS = [
    "/",
    "/hubs/",
    "/hubs/?country=BE&family=test_before_invest&technology=Big+data",
    "/hubs/?q=hub&sort=relevance",
    "/hubs/?sort=updated",
    "/hubs/main-hub",
    "/services/main-service",
    "/practices/",
    "/practices/main-practice",
    "/workshop/ws",
    "/explore/map",
    "/about/",
    "/api/v1/organisations",
    "/api/v1/organisations?family=test_before_invest&country=BE",
    "/api/v1/organisations/main-hub",
    "/api/v1/services",
    "/api/v1/services?technology=Big+data",
    "/api/v1/practices",
    "/api/v1/events",
    "/api/v1/events/ws",
]


def _statements(client, path: str) -> int:
    assert client.get(path).status_code == 200, path  # fits indexes, fills process caches
    with counting_statements(db.engine) as statements:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(statements)


def test_no_page_or_list_sends_more_statements_for_more_rows(app, client, build):
    catalogue = Catalogue(build)
    catalogue.grow_to(SMALL)
    small = {path: _statements(client, path) for path in PATHS}
    catalogue.grow_to(LARGE)
    large = {path: _statements(client, path) for path in PATHS}
    grown = {path: (small[path], large[path]) for path in PATHS if large[path] > small[path]}
    assert not grown, f"statements at {SMALL} and {LARGE} rows: {grown}"
