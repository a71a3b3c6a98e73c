"""Helpers for tests and benchmarks that run a real server on a loopback port."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_text(url: str) -> str:
    """GET ``url`` and return the body as text."""
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.read().decode("utf-8")


def wait_until_serving(base: str, server: subprocess.Popen, seconds: float = 30) -> None:
    """Wait until ``base`` answers; fail if the server process exits or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            get_text(base + "/")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {seconds:.0f} s")
