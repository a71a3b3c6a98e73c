"""Under gunicorn with several workers, every worker sees a catalogue write at its next request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import free_port, get_text, wait_until_serving

REQUESTS = 16


@pytest.fixture
def gunicorn(database_url: str, app):
    """Two gunicorn workers serving the test database on a free loopback port."""
    port = free_port()
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    environment = os.environ | {
        "DATABASE_URL": database_url,
        "FLASK_SECRET_KEY": "a-test-secret-for-the-gunicorn-workers",
    }
    command = [str(gunicorn_bin), "-w", "2", "-b", f"127.0.0.1:{port}", "catalogue:create_app()"]
    server = subprocess.Popen(command, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_every_worker_refits_after_a_write(gunicorn, build):
    water = build.organisation(
        name="Water Data Lab", description="Smart water meters and leak detection for utilities."
    )
    page_url = f"{gunicorn}/hubs/{water.slug}"
    before = [get_text(page_url) for _ in range(REQUESTS)]
    assert not any("Leak Detection Hub" in page for page in before)

    build.organisation(
        name="Leak Detection Hub", description="Detects leaks in water networks with smart meters."
    )
    after = [get_text(page_url) for _ in range(REQUESTS)]
    assert all("Leak Detection Hub" in page for page in after)


def test_the_server_refuses_to_start_with_the_development_secret(database_url):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FLASK_")}
    environment["DATABASE_URL"] = database_url
    probe = "from catalogue import create_app; create_app()"
    result = subprocess.run(
        [sys.executable, "-c", probe], env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "FLASK_SECRET_KEY" in result.stderr
