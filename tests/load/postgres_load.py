"""Load benchmark on PostgreSQL: a synthetic catalogue of 10,000 services, gunicorn, wrk, a table.

Run with ``make load-postgres``. It creates a throwaway database on the local PostgreSQL
(``PG_SERVER_URL``), imports a synthetic catalogue (``tests/load/synthetic.py``), serves it with
gunicorn on a free port of 127.0.0.1 and loads each request kind in turn with wrk (Debian's
``wrk``) from 20 connections, the trivial ``/health`` first as the stack's ceiling. Only
127.0.0.1 is ever a target; every run stops by itself. The database is dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from matching.evaluate import load_devset
from tests.databases import throwaway_postgres
from tests.load import synthetic
from tests.load.http_load import NEEDS
from tests.servers import free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER_URL = os.environ.get("PG_SERVER_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BYPASS = {"Authorization": "Bearer load-benchmark"}  # credentials: never served from the cache


@dataclass
class Scenario:
    """One request kind: what is sent, and whether the page cache may answer it."""

    name: str
    path: str
    method: str = "GET"
    bodies: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    connections: int | None = None  # the run's number unless set: 1 shows the server's own time


# Each wrk thread walks the bodies from its own starting point, so that at any moment the
# connections send different needs (a cache of answers or of need vectors cannot serve them all).
LUA = """
local bodies = %(bodies)s
local headers = %(headers)s
local threads = 0
setup = function(thread)
  thread:set("offset", threads * 61)
  threads = threads + 1
end
local n = 0
request = function()
  n = n + 1
  local body = nil
  if #bodies > 0 then body = bodies[((n + (offset or 0)) %% #bodies) + 1] end
  return wrk.format("%(method)s", "%(path)s", headers, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean, 0))
end
"""


def _lua_table(values) -> str:
    if isinstance(values, dict):
        pairs = (f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in values.items())
        return "{" + ", ".join(pairs) + "}"
    return "{" + ", ".join(json.dumps(v) for v in values) + "}"


def run_wrk(base: str, scenario: Scenario, seconds: float, connections: int) -> dict:
    """Load one scenario with wrk; return its counts and latency percentiles (ms)."""
    headers = dict(scenario.headers)
    if scenario.bodies:
        headers["Content-Type"] = "application/json"
    script = LUA % {
        "bodies": _lua_table(scenario.bodies),
        "headers": _lua_table(headers),
        "method": scenario.method,
        "path": scenario.path,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    try:
        threads = min(2, connections)  # wrk wants at least one connection per thread
        command = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds:.0f}s",
            "--timeout",
            "30s",
        ]
        output = subprocess.run(
            [*command, "-s", lua.name, base], capture_output=True, text=True, check=True
        ).stdout
    finally:
        os.unlink(lua.name)
    line = next(row for row in output.splitlines() if row.startswith("RESULT "))
    requests, duration, failed, status, p50, p95, p99, worst, _mean, _ = map(int, line.split()[1:])
    return {
        "requests": requests,
        "errors": failed + status,
        "rate": requests / (duration / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "max": worst / 1000,
    }


def build_catalogue(environment: dict, services: int, directory: Path) -> dict:
    """Migrate, write and import the synthetic catalogue; return the import's time and memory."""
    flask = [sys.executable, "-m", "flask", "--app", "catalogue"]
    subprocess.run([*flask, "db", "upgrade"], env=environment, cwd=ROOT, check=True)
    document = directory / "synthetic.json"
    with document.open("w", encoding="utf-8") as out:
        synthetic.write(out, services)
    started = time.perf_counter()
    timed = ["/usr/bin/time", "-f", "MAXRSS %M"] if Path("/usr/bin/time").exists() else []
    result = subprocess.run(
        [*timed, *flask, "import", str(document)],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    rss = [line for line in result.stderr.splitlines() if line.startswith("MAXRSS ")]
    return {"seconds": seconds, "mib": int(rss[-1].split()[1]) / 1024 if rss else None}


def store_random_vectors(environment: dict) -> None:
    """Give every published passage a stored vector, so the served index ranks by meaning too.

    Random unit vectors, as in ``make benchmark``: encoding 12,000 real passages would take over
    an hour, and what a need costs does not depend on what the vectors say. The needs
    themselves are encoded by the real model, in the workers.
    """
    command = [sys.executable, "-m", "tests.load.random_vectors"]
    subprocess.run(command, env=environment, cwd=ROOT, check=True)


def scenarios(database_url: str) -> list[Scenario]:
    """The request kinds, with a hub, a filter and a search word taken from the catalogue."""
    engine = sa.create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        slug = connection.scalar(sa.text("SELECT slug FROM organisations ORDER BY id LIMIT 1"))
        listed = connection.scalar(sa.text("SELECT count(*) FROM organisations"))
    engine.dispose()
    last = max(1, (listed + 19) // 20)
    rotating = [json.dumps({"text": need["text"], "country": "BE"}) for need in load_devset()]
    one_need = [json.dumps({"text": NEEDS[0], "country": "BE"})]
    match = "/api/v1/match"
    listing = "/hubs/?country=ES&family=test_before_invest"
    return [
        Scenario("GET /health (ceiling)", "/health"),
        Scenario("GET / (cached)", "/"),
        Scenario("GET hub list, filtered (cached)", listing),
        Scenario("GET hub page (cached)", f"/hubs/{slug}"),
        Scenario("GET search (cached)", "/hubs/?q=water+leaks"),
        Scenario("GET / (uncached)", "/", headers=BYPASS),
        Scenario("GET hub list, filtered (uncached)", listing, headers=BYPASS),
        Scenario(f"GET hub list, page {last} (uncached)", f"/hubs/?page={last}", headers=BYPASS),
        Scenario("GET hub page (uncached)", f"/hubs/{slug}", headers=BYPASS),
        Scenario("GET search (uncached)", "/hubs/?q=water+leaks", headers=BYPASS),
        Scenario("GET /api/v1/organisations (cached)", "/api/v1/organisations?country=ES"),
        Scenario(f"POST {match}, {len(rotating)} needs in turn", match, "POST", rotating),
        Scenario(f"POST {match}, one need", match, "POST", one_need),
        Scenario("GET hub list, filtered (uncached, 1 client)", listing, "GET", [], BYPASS, 1),
        Scenario(f"POST {match}, {len(rotating)} needs in turn (1 client)", match, "POST",
                 rotating, {}, 1),
    ]  # fmt: skip


def _print_report(rows: list[tuple[Scenario, dict]], setup: dict) -> None:
    ceiling = rows[0][1]["rate"]
    print(
        f"{setup['date']}, {setup['machine']}; PostgreSQL, {setup['services']} services, "
        f"gunicorn -w {setup['workers']}, wrk {setup['connections']} connections, "
        f"{setup['seconds']:.0f} s each; embedding {'on' if setup['embedding'] else 'off'}, "
        f"cache {setup['cache']}"
    )
    imported = setup["import"]
    memory = f", peak {imported['mib']:.0f} MiB" if imported["mib"] else ""
    print(f"import of the catalogue: {imported['seconds']:.1f} s{memory}")
    print("| requests | count | errors | req/s | % of ceiling | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for scenario, r in rows:
        share = 100 * r["rate"] / ceiling
        cells = [scenario.name, r["requests"], r["errors"], f"{r['rate']:.0f}", f"{share:.0f} %"]
        cells += [f"{r['p50']:.1f}", f"{r['p95']:.1f}", f"{r['p99']:.1f}"]
        print("| " + " | ".join(map(str, cells)) + " |")


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        names = [
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = f"{len(names)} x {names[0]}" if names else cpu
    except OSError:
        pass
    return f"{cpu}, load average {os.getloadavg()[0]:.1f} at the start"


def main(argv: list[str] | None = None) -> None:
    """Build the catalogue on PostgreSQL, serve it, load every request kind, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--embedding", action="store_true", help="match with the embedding too")
    parser.add_argument("--redis", help="share the page cache in this Redis (redis://...)")
    parser.add_argument("--only", help="load only the request kinds whose name contains this")
    options = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    setup = vars(options) | {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    setup |= {"machine": _machine(), "cache": "Redis" if options.redis else "per worker"}
    with (
        throwaway_postgres(PG_SERVER_URL, "dih_load") as url,
        tempfile.TemporaryDirectory() as directory,
    ):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("FLASK_")} | {
            "DATABASE_URL": url,
            "FLASK_SECRET_KEY": secrets.token_hex(32),
            "FLASK_TRUSTED_HOSTS": '["127.0.0.1"]',
            "FLASK_API_RATELIMIT": "100000000 per minute",
            "FLASK_RATELIMIT_DEFAULT": "100000000 per minute",
            "FLASK_MATCH_EMBEDDING": "true" if options.embedding else "false",
        }
        if options.redis:
            environment |= {
                "FLASK_CACHE_REDIS_URL": options.redis,
                "FLASK_CACHE_KEY_PREFIX": f"dih-load-{uuid.uuid4().hex[:8]}:",
            }
        setup["import"] = build_catalogue(environment, options.services, Path(directory))
        if options.embedding:
            store_random_vectors(environment)
        rows = serve_and_load(environment, url, options)
    _print_report(rows, setup)


def fit_every_worker(base: str, kinds: list[Scenario], workers: int) -> None:
    """Send one match to each worker at once and wait: a worker's first match fits its index
    (tens of seconds on a busy machine), and a sync worker serves nothing else meanwhile.
    Then send every need of the first match row, once per worker."""
    matches = [s for s in kinds if s.bodies]
    if not matches:
        return

    def post(n: int) -> None:
        body = matches[0].bodies[n % len(matches[0].bodies)].encode()
        headers = {"Content-Type": "application/json"}
        request = urllib.request.Request(base + matches[0].path, body, headers)
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()

    with ThreadPoolExecutor(workers * 2) as pool:  # a busy worker accepts nothing: all get one
        list(pool.map(post, range(workers * 2)))
        # A worker loads a language's lemmas on its first need in that language (the Polish
        # dictionary took 1.7 s): every need once per worker, so the rows measure what follows.
        list(pool.map(post, range(workers * len(matches[0].bodies))))


def serve_and_load(environment: dict, url: str, options) -> list[tuple[Scenario, dict]]:
    """Start gunicorn, warm every worker up, then load each scenario in turn."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-w", str(options.workers), "-b", f"127.0.0.1:{port}"]
    command += ["--log-level", "warning", "--timeout", "120", "catalogue:create_app()"]
    server = subprocess.Popen(command, env=environment, cwd=ROOT)
    try:
        wait_until_serving(base, server)
        kinds = scenarios(url)
        if options.only:  # the ceiling stays first: every row is a share of it
            kinds = [kinds[0], *(s for s in kinds[1:] if options.only in s.name)]
        fit_every_worker(base, kinds, options.workers)
        for scenario in kinds:  # every worker fills its caches
            run_wrk(base, scenario, 3, options.workers * 2)
        rows = []
        for scenario in kinds:
            result = run_wrk(
                base, scenario, options.seconds, scenario.connections or options.connections
            )
            print(f"{scenario.name}: {result}", file=sys.stderr, flush=True)
            rows.append((scenario, result))
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
