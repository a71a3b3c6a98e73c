"""Helpers for tests and benchmarks that run a real server on a loopback port."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_text(url: str, timeout: float = 20) -> str:
    """GET ``url`` and return the body as text."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


# On two cores shared with other test runs a worker's start (imports, the app, the first fit)
# has taken more than 30 s; TEST_SERVER_START_SECONDS raises the patience further.
START_SECONDS = float(os.environ.get("TEST_SERVER_START_SECONDS", "90"))


def wait_until_serving(
    base: str, server: subprocess.Popen, seconds: float | None = None, path: str = "/health"
) -> None:
    """Poll ``base + path`` until it answers 200; fail if the server exits or time runs out."""
    seconds = START_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    pause = 0.1
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            get_text(base + path, timeout=min(10.0, max(1.0, deadline - time.monotonic())))
            return
        except OSError:  # refused, reset, timed out or an HTTP error: not ready yet
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s")


def production_environment(database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a production server on ``database_url``: this one's, without its
    ``FLASK_*`` settings, plus a real secret, loopback as the trusted host and ``settings``."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FLASK_")}
    return environment | {
        "DATABASE_URL": database_url,
        "FLASK_SECRET_KEY": secrets.token_hex(32),
        "FLASK_TRUSTED_HOSTS": '["127.0.0.1"]',
        **settings,
    }


@contextmanager
def gunicorn_servers(environments: list[dict[str, str]], workers: int = 2) -> Iterator[list[str]]:
    """Serve the app with one gunicorn per environment, on free loopback ports, started together;
    yield their base URLs."""
    executable = Path(sys.executable).with_name("gunicorn")
    servers = []
    try:
        for environment in environments:
            base = f"http://127.0.0.1:{free_port()}"
            command = [str(executable), "-w", str(workers), "-b", base.removeprefix("http://")]
            command += ["--timeout", "120"]  # a first fit on a busy machine outlasts the 30 s
            process = subprocess.Popen([*command, "catalogue:create_app()"], env=environment)
            servers.append((base, process))
        for base, process in servers:
            wait_until_serving(base, process)
        yield [base for base, _ in servers]
    finally:
        for _, process in servers:
            process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        for _, process in servers:
            process.wait(timeout=20)


@contextmanager
def gunicorn(environment: dict[str, str], workers: int = 2) -> Iterator[str]:
    """Serve the app with gunicorn on a free loopback port; yield its base URL."""
    with gunicorn_servers([environment], workers) as (base,):
        yield base
