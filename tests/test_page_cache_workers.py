"""The page cache across processes: a write through one server is seen at once through others."""

from __future__ import annotations

import json
import urllib.request

from tests.servers import get_text, gunicorn_servers, production_environment
from tests.test_redis_rate_limits import REDIS_URL, redis_prefix  # noqa: F401 - a fixture

READS = 6


def _post_service(base: str, hub_ref: str, token: str, title: str) -> int:
    body = {
        "title": title,
        "family": "test_before_invest",
        "description": "Try leak detection on a real water network before buying it.",
    }
    request = urllib.request.Request(
        f"{base}/api/v1/organisations/{hub_ref}/services",
        json.dumps(body).encode(),
        {"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def test_a_write_through_one_server_is_never_stale_through_the_others(
    database_url,
    build,
    redis_prefix,  # noqa: F811 - the fixture imported above
):
    hub = build.organisation(name="Water Data Lab", ref="water-data-lab")
    token = build.api_token(hub, "writer@hub.example.eu", "page cache test")
    settings = {"FLASK_MATCH_EMBEDDING": "false", "FLASK_API_RATELIMIT": "10000 per minute"}
    shared = settings | {"FLASK_CACHE_REDIS_URL": REDIS_URL, "FLASK_CACHE_KEY_PREFIX": redis_prefix}
    environments = [
        production_environment(database_url, **shared),  # writes
        production_environment(database_url, **shared),  # reads through the shared Redis cache
        production_environment(database_url, **settings),  # reads through its own process cache
    ]
    with gunicorn_servers(environments, workers=1) as (writer, *readers):
        news = {  # a page, and what the write adds to it
            f"/hubs/{hub.slug}": "Leak testbed",
            "/api/v1/services": "Leak testbed",
            "/hubs/?family=test_before_invest": "Water Data Lab",
        }
        for base in (writer, *readers):
            for path, new in news.items():
                for _ in range(READS):  # fill every cache with the page before the write
                    assert new not in get_text(base + path)
        assert _post_service(writer, hub.ref, token, "Leak testbed") == 201
        for base in readers:
            for path, new in news.items():
                for _ in range(READS):
                    assert new in get_text(base + path), (base, path)
