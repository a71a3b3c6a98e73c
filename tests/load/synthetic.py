"""A synthetic catalogue in the interchange format, written as a stream: any size, reproducible.

``python -m tests.load.synthetic --services 10000 FILE`` writes organisations with five services
each, their words drawn (with a fixed seed) from the vocabularies and a few hundred domain words,
so that search, facets and matching have something to work on.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from catalogue import vocabularies

SERVICES_PER_ORGANISATION = 5
COUNTRIES = ["BE", "DE", "ES", "FR", "IT", "NL", "PL", "PT", "SE", "FI", "AT", "CZ", "GR", "IE"]
_WORD_TEXT = (
    "air quality sensors traffic mobility parking energy grid buildings heating water leaks "
    "waste recycling data platform open data dashboards cybersecurity training citizens "
    "services permits digital twin lighting noise flood risk emergency health care schools "
    "tourism culture procurement funding grants skills coding robots drones satellites maps "
    "logistics ports agriculture food forests climate adaptation mapping blockchain identity "
    "payments chatbots translation accessibility elderly housing planning smart meters cloud "
    "artificial intelligence machine learning computer vision edge computing networks 5G"
)
WORDS = _WORD_TEXT.split(" ")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


def _service(rng: random.Random, ref: str, n: int) -> dict[str, Any]:
    return {
        "ref": ref,
        "title": f"{_text(rng, 3)[:-1]} {n}",
        "family": rng.choice(list(vocabularies.SERVICE_FAMILIES)),
        "description": _text(rng, 30),
        "technologies": rng.sample(vocabularies.TECHNOLOGIES, 2),
        "sectors": rng.sample(vocabularies.SECTORS, 1),
    }


def organisations(services: int, seed: int = 12) -> Iterator[dict[str, Any]]:
    """Yield organisations holding ``services`` services in all, five each."""
    rng = random.Random(seed)
    kinds = list(vocabularies.ORGANISATION_KINDS)
    made = 0
    for n in range(0, (services + SERVICES_PER_ORGANISATION - 1) // SERVICES_PER_ORGANISATION):
        count = min(SERVICES_PER_ORGANISATION, services - made)
        yield {
            "ref": f"syn-{n}",
            "name": f"{_text(rng, 2)[:-1]} Hub {n}",
            "kind": rng.choice(kinds),
            "description": _text(rng, 60),
            "country": rng.choice(COUNTRIES),
            "languages": ["en"],
            "technologies": rng.sample(vocabularies.TECHNOLOGIES, 3),
            "sectors": rng.sample(vocabularies.SECTORS, 2),
            "source": {"name": "Synthetic load catalogue", "retrieved": "2026-12"},
            "services": [_service(rng, f"syn-{n}-{i}", made + i) for i in range(count)],
        }
        made += count


def write(out: IO[str], services: int, spoil: int | None = None) -> None:
    """Write the document to ``out``, one organisation at a time; ``spoil`` (1-based) gives
    that service an unknown family."""
    out.write('{"format": "dih-catalogue", "version": 1, "organisations": [\n')
    position = 0
    for n, organisation in enumerate(organisations(services)):
        for service in organisation["services"]:
            position += 1
            if position == spoil:
                service["family"] = "no_such_family"
        out.write((",\n" if n else "") + json.dumps(organisation, ensure_ascii=False))
    out.write("\n]}\n")


def main(argv: list[str] | None = None) -> None:
    """Write a synthetic catalogue file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--spoil", type=int, help="give service number SPOIL an unknown family")
    options = parser.parse_args(argv)
    with options.file.open("w", encoding="utf-8") as out:
        write(out, options.services, options.spoil)


if __name__ == "__main__":
    main()
