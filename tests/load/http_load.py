"""HTTP load benchmark: gunicorn serving the seeded catalogue, a bounded loopback load, a table.

Run with ``make load``. Only 127.0.0.1 is ever a target, and every run stops by itself after
``--seconds`` or ``--max-requests``, whichever comes first.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import numpy as np

from tests.servers import free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
NEEDS = [
    "We want to test an AI tool that predicts traffic jams before we buy it",
    "Wir suchen Schulungen zur Cybersicherheit für unsere Verwaltung",
    "Nous cherchons un financement européen pour une plateforme de données urbaines",
    "De gemeente wil sensoren voor luchtkwaliteit uitproberen",
    "Szukamy wsparcia w cyfryzacji usług dla mieszkańców",
]
PAGES = ["/", "/hubs/", "/hubs/?q=energy&country=ES", "/workshop/", "/api/v1/organisations"]


def _request(base: str, kind: str, n: int) -> int:
    """Send request number ``n`` of one kind; return its HTTP status."""
    if kind == "POST /api/v1/match":
        body = json.dumps({"text": NEEDS[n % len(NEEDS)], "country": "BE"}).encode()
        request = urllib.request.Request(
            base + "/api/v1/match", body, {"Content-Type": "application/json"}
        )
    else:
        request = urllib.request.Request(base + PAGES[n % len(PAGES)])
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.status


def _worker(base, deadline, budget, results, lock) -> None:
    kinds = ["POST /api/v1/match", "GET pages"]
    n = 0
    while time.monotonic() < deadline:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        kind = kinds[n % 2]
        start = time.perf_counter()
        try:
            ok = _request(base, kind, n) == 200
        except OSError:
            ok = False
        results[kind].append(((time.perf_counter() - start) * 1000, ok))
        n += 1


def run_load(base: str, seconds: float, concurrency: int, max_requests: int) -> dict:
    """Hit the server from ``concurrency`` threads; return latencies by request kind."""
    results: dict[str, list] = defaultdict(list)
    lock, budget = threading.Lock(), [max_requests]
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_worker, args=(base, deadline, budget, results, lock))
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"elapsed": time.perf_counter() - started, "results": results}


def _prepare_database(directory: Path, environment: dict) -> None:
    flask = [sys.executable, "-m", "flask", "--app", "catalogue"]
    for command in (["db", "upgrade"], ["seed"]):
        subprocess.run(flask + command, env=environment, cwd=ROOT, check=True, capture_output=True)


def _start_gunicorn(port: int, workers: int, environment: dict) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command + ["catalogue:create_app()"], env=environment, cwd=ROOT)


def _print_table(report: dict, workers: int, concurrency: int) -> None:
    print(f"gunicorn -w {workers}, {concurrency} client threads, {report['elapsed']:.1f} s")
    print("| requests | count | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for kind, rows in sorted(report["results"].items()):
        latencies = np.array([ms for ms, _ in rows])
        errors = sum(1 for _, ok in rows if not ok)
        p50, p95, p99 = np.percentile(latencies, [50, 95, 99])
        rate = len(rows) / report["elapsed"]
        cells = [kind, len(rows), errors, f"{rate:.1f}", f"{p50:.1f}", f"{p95:.1f}", f"{p99:.1f}"]
        print("| " + " | ".join(map(str, cells)) + " |")


def main(argv: list[str] | None = None) -> None:
    """Seed a temporary SQLite database, serve it with gunicorn, load it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        environment = os.environ | {
            "DATABASE_URL": f"sqlite:///{Path(directory) / 'load.sqlite'}",
            "FLASK_SECRET_KEY": secrets.token_hex(32),
            "FLASK_TRUSTED_HOSTS": '["127.0.0.1"]',
            "FLASK_API_RATELIMIT": "1000000 per minute",
            "FLASK_RATELIMIT_DEFAULT": "1000000 per minute",
        }
        _prepare_database(Path(directory), environment)
        port = free_port()
        server = _start_gunicorn(port, options.workers, environment)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base, server)
            run_load(base, 15.0, options.workers * 2, options.workers * 20)  # fit each worker
            report = run_load(base, options.seconds, options.concurrency, options.max_requests)
        finally:
            server.terminate()
            server.wait(timeout=20)
    _print_table(report, options.workers, options.concurrency)


if __name__ == "__main__":
    main()
