"""Under gunicorn with several workers: every worker sees a write, and bodies are capped."""

from __future__ import annotations

import http.client
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.servers import get_text, gunicorn, production_environment

REQUESTS = 16


@pytest.fixture(scope="module")
def server(database_url: str):
    """Two gunicorn workers serving the test database on a free loopback port.

    A request that sees a change waits for the refit up to MATCH_REFIT_WAIT (1 s in
    production); with the whole suite running on two cores a refit has taken longer, and the
    page then came from the old index. What is tested here is that every worker sees the
    write, so the wait is generous, as in the in-process tests (tests/conftest.py).
    """
    environment = production_environment(database_url, FLASK_MATCH_REFIT_WAIT="60")
    with gunicorn(environment) as base:
        yield base


def test_every_worker_refits_after_a_write(server, build):
    water = build.organisation(
        name="Water Data Lab", description="Smart water meters and leak detection for utilities."
    )
    page_url = f"{server}/hubs/{water.slug}"
    before = [get_text(page_url) for _ in range(REQUESTS)]
    assert not any("Leak Detection Hub" in page for page in before)

    build.organisation(
        name="Leak Detection Hub", description="Detects leaks in water networks with smart meters."
    )
    after = [get_text(page_url) for _ in range(REQUESTS)]
    assert all("Leak Detection Hub" in page for page in after)


def _post_chunked(base: str, path: str, body: bytes) -> tuple[int, bytes]:
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=20)
    pieces = (body[i : i + 65536] for i in range(0, len(body), 65536))
    headers = {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}
    try:
        connection.request("POST", path, body=pieces, headers=headers, encode_chunked=True)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_a_chunked_body_over_the_limit_gets_413_from_gunicorn(server):
    limit = 1024 * 1024  # MAX_CONTENT_LENGTH's default
    status, body = _post_chunked(server, "/api/v1/match", b'{"text": "' + b"x" * limit + b'"}')
    assert status == 413
    assert b"larger than the 1024 KiB" in body


def test_a_chunked_body_within_the_limit_is_read_by_gunicorn(server):
    status, body = _post_chunked(server, "/api/v1/match", b'{"text": "water leaks"}')
    assert status == 200
    assert b'"text":"water leaks"' in body


def test_the_server_refuses_to_start_with_the_development_secret(database_url):
    environment = production_environment(database_url)
    del environment["FLASK_SECRET_KEY"]
    probe = "from catalogue import create_app; create_app()"
    result = subprocess.run(
        [sys.executable, "-c", probe], env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "FLASK_SECRET_KEY" in result.stderr
