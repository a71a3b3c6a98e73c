"""Rate limits shared through Redis: two app processes count one client's requests together."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator

import pytest
import redis

from tests.servers import gunicorn_servers, production_environment

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LIMIT = 3


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix of this run's own; its keys are deleted afterwards. Fails without Redis."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.fail(
            f"Redis does not answer at {REDIS_URL} ({error}); start it as .ci/run does, or point "
            "TEST_REDIS_URL at one"
        )
    prefix = f"dih-test-{uuid.uuid4().hex}"
    yield prefix
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_servers_share_one_limit_through_redis(database_url, redis_prefix):
    settings = {
        "FLASK_RATELIMIT_STORAGE_URI": REDIS_URL,
        "FLASK_RATELIMIT_KEY_PREFIX": redis_prefix,
        "FLASK_RATELIMIT_STRATEGY": "moving-window",
        "FLASK_API_RATELIMIT": f"{LIMIT} per minute",
    }
    environment = production_environment(database_url, **settings)
    with gunicorn_servers([environment, environment], workers=1) as (first, second):
        # Alternating servers: with memory:// each would allow LIMIT, 2 * LIMIT in all.
        statuses = [_status(f"{base}/api/v1/events") for base in [first, second] * LIMIT]
    assert statuses == [200] * LIMIT + [429] * LIMIT
    assert any(redis.Redis.from_url(REDIS_URL).scan_iter(match=f"*{redis_prefix}*"))
