"""Benchmark build time, peak memory and query latency on synthetic catalogues, next to bm25s."""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.records import FAMILIES, Record, ServiceRecord

SERVICES_PER_ORG = 5
N_QUERIES = 200
_TOPICS = [
    "traffic",
    "sensors",
    "air",
    "quality",
    "artificial",
    "intelligence",
    "machine",
    "learning",
    "training",
    "skills",
    "funding",
    "investment",
    "data",
    "platform",
    "open",
    "data",
    "cybersecurity",
    "digital",
    "twin",
    "energy",
    "efficiency",
    "mobility",
    "health",
    "care",
    "education",
    "procurement",
    "chatbot",
    "waste",
    "recycling",
    "water",
    "leaks",
    "parking",
    "tourism",
    "robotics",
    "drones",
    "blockchain",
    "cloud",
    "computing",
    "5g",
    "connectivity",
    "smart",
    "city",
    "public",
    "sector",
    "citizens",
    "participation",
    "testing",
    "pilot",
    "experimentation",
    "living",
    "lab",
    "startups",
    "networking",
]
_QUERIES = (
    "We want to test an AI tool that predicts traffic jams before we buy it",
    "Wir suchen Schulungen zur Cybersicherheit für unsere Verwaltung",
    "Nous cherchons un financement européen pour une plateforme de données",
    "De gemeente wil sensoren voor luchtkwaliteit uitproberen",
    "Necesitamos formación en inteligencia artificial para los funcionarios",
    "Szukamy wsparcia w budowie cyfrowego bliźniaka miasta",
    "Haluamme kokeilla älykkäitä jäteastioita",
    "training for civil servants on open data and interoperability",
)


def _words(rng: random.Random, vocabulary: list[str], n: int) -> str:
    """Draw ``n`` words: a third from the domain topics, the rest Zipf-distributed fillers."""
    picks = []
    for _ in range(n):
        if rng.random() < 0.33:
            picks.append(rng.choice(_TOPICS))
        else:
            picks.append(vocabulary[min(int(rng.paretovariate(1.1)) - 1, len(vocabulary) - 1)])
    return " ".join(picks)


def synthetic_catalogue(n_services: int, seed: int = 0) -> list[Record]:
    """Build a reproducible catalogue of organisations with ``n_services`` services in total."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}{chr(97 + i % 26)}x" for i in range(20_000)]
    countries = ["BE", "NL", "DE", "FR", "ES", "IT", "PL", "FI", "HU", "AT"]
    records = []
    for org in range(max(1, n_services // SERVICES_PER_ORG)):
        services = tuple(
            ServiceRecord(
                id=f"s{org}-{k}", title=_words(rng, vocabulary, 4), family=rng.choice(FAMILIES),
                description=_words(rng, vocabulary, 40),
                technologies=tuple(rng.sample(_TOPICS, 2)), sectors=(rng.choice(_TOPICS),),
            )
            for k in range(SERVICES_PER_ORG)
        )  # fmt: skip
        records.append(Record(
            id=f"org{org:06d}", name=_words(rng, vocabulary, 3), kind="dih",
            description=_words(rng, vocabulary, 80), country=rng.choice(countries),
            services=services,
        ))  # fmt: skip
    return records


def _memory_kib(field: str) -> int:
    """Read a memory figure (VmRSS, VmHWM) of this process from /proc, in KiB."""
    status = Path("/proc/self/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+)", status, re.MULTILINE)
    return int(match.group(1)) if match else 0


def _run_engine(records: list[Record]) -> dict[str, Any]:
    """Fit MatchIndex and time full explained queries."""
    from matching.index import MatchIndex

    start = time.perf_counter()
    index = MatchIndex(min_df=2).fit(records)
    build = time.perf_counter() - start
    return {"build": build, "latencies": _latencies(lambda q: index.query(q, limit=10))}


def _run_bm25(records: list[Record]) -> dict[str, Any]:
    """Index the same texts with bm25s and time top-10 retrieval (tokenisation included)."""
    import bm25s

    from matching.evaluate import record_text

    texts = [s.title + " " + s.description for r in records for s in r.services]
    texts += [record_text(r) for r in records]
    start = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    build = time.perf_counter() - start

    def search(query: str) -> Any:
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        if not tokens.vocab:
            return None
        return retriever.retrieve(tokens, k=10, show_progress=False)

    return {"build": build, "latencies": _latencies(search)}


def _latencies(search: Any) -> list[float]:
    """Run the benchmark queries once to warm up, then time ``N_QUERIES`` of them."""
    for query in _QUERIES:
        search(query)
    timings = []
    for i in range(N_QUERIES):
        start = time.perf_counter()
        search(_QUERIES[i % len(_QUERIES)])
        timings.append(time.perf_counter() - start)
    return timings


def _measure(system: str, n_services: int, queue: Any) -> None:
    """Child process: build one system on one catalogue size and report time and memory."""
    records = synthetic_catalogue(n_services)
    before = _memory_kib("VmRSS")
    result = _run_engine(records) if system == "engine" else _run_bm25(records)
    result["memory_mib"] = (_memory_kib("VmHWM") - before) / 1024
    queue.put(result)


def measure(system: str, n_services: int) -> dict[str, Any]:
    """Measure one system in a fresh process, so peak memory is not shared between runs."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(system, n_services, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``python -m matching.benchmark [--sizes 1000,10000,100000]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    print(f"machine: {platform.processor() or platform.machine()}, {_cpu_model()}")
    print("| services | system | build s | peak memory MiB | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        for system in ("engine", "bm25s"):
            result = measure(system, size)
            p50, p95 = np.percentile(np.asarray(result["latencies"]) * 1000, [50, 95])
            print(
                f"| {size:,} | {system} | {result['build']:.1f} | {result['memory_mib']:.0f} "
                f"| {p50:.2f} | {p95:.2f} |",
                flush=True,
            )


def _cpu_model() -> str:
    """Return the CPU model and count from /proc/cpuinfo (Linux)."""
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown CPU"
    models = re.findall(r"^model name\s*:\s*(.+)$", info, re.MULTILINE)
    return f"{len(models)} x {models[0]}" if models else "unknown CPU"


if __name__ == "__main__":
    main()
