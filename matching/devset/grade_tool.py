"""Grading aid for the development set: regex search over the seed catalogue's texts, never ranking.

Run it through the app, which reads the seed with its own import (each source's record alone):

    flask --app catalogue devset grade show TOPIC   # candidates with the words in context
    flask --app catalogue devset grade apply        # write the grades of patterns.json topics

``patterns.json`` holds, per topic, English regular expressions written from the need (or, for
needs that share no words with a hub, from what a fitting hub would say): ``core`` (the topic),
``aspects`` (every other aspect a grade-2 hub must also state), optional ``exclude`` (texts that
only look like the topic) and ``overrides`` (grades set by reading the candidates; 0 removes
one). A multi-part need adds ``parts``: the same keys per part plus ``max``, the highest grade a
hub fitting only that part gets (1 by default, since grade 2 is for hubs covering the core).
The proposed grade is 2 when the core is central (in the name or a service title, stated twice,
or ``rare``) and every aspect is present, else 1; the engineer reads every candidate and
overrides. The order of the output is the catalogue's order: nothing here scores relevance.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matching.records import OrganisationRecord

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "matching" / "devset"
CONTEXT = 70


@dataclass(frozen=True)
class Candidate:
    """One record whose texts match a topic's core pattern, with what the grade rests on."""

    ref: str
    name: str
    country: str | None
    core_hits: int
    central: bool
    missing_aspects: tuple[str, ...]
    snippets: tuple[str, ...]
    proposed: int


def record_fields(record: OrganisationRecord) -> list[tuple[str, str]]:
    """The searched texts of a record: name, description, technologies, sectors, services."""
    fields = [
        ("name", record.name),
        ("description", record.description),
        ("technologies", "; ".join(record.technologies)),
        ("sectors", "; ".join(record.sectors)),
    ]
    for service in record.services:
        fields += [
            ("service title", service.title),
            ("service description", service.description),
            ("service technologies", "; ".join(service.technologies)),
            ("service sectors", "; ".join(service.sectors)),
        ]
    return [(field, text) for field, text in fields if text]


def snippet(field: str, text: str, match: re.Match[str]) -> str:
    """The matched words with some context, on one line."""
    start, end = max(0, match.start() - CONTEXT), min(len(text), match.end() + CONTEXT)
    body = text[start : match.start()] + "[" + match.group(0) + "]" + text[match.end() : end]
    return f"{field}: ...{' '.join(body.split())}..."


def examine(record: OrganisationRecord, spec: dict[str, Any]) -> Candidate | None:
    """Return the record as a candidate when its texts state the core of the topic."""
    flags = re.IGNORECASE
    core, fields = re.compile(spec["core"], flags), record_fields(record)
    exclude = re.compile(spec["exclude"], flags) if spec.get("exclude") else None
    hits = [
        (field, text, match)
        for field, text in fields
        for match in core.finditer(text)
        if not (exclude and exclude.search(text[max(0, match.start() - 40) : match.end() + 40]))
    ]
    if not hits:
        return None
    whole = " ".join(text for _, text in fields)
    missing = tuple(a for a in spec.get("aspects", ()) if not re.search(a, whole, flags))
    central = (
        len(hits) >= 2
        or spec.get("rare", False)
        or any(f in ("name", "service title") for f, *_ in hits)
    )
    aspect_snippets = [
        snippet(field, text, match)
        for aspect in spec.get("aspects", ())
        for field, text in fields
        if (match := re.search(aspect, text, flags))
    ][:3]
    return Candidate(
        ref=record.id,
        name=record.name,
        country=record.country,
        core_hits=len(hits),
        central=central,
        missing_aspects=missing,
        snippets=tuple(snippet(*hit) for hit in hits[:4]) + tuple(aspect_snippets),
        proposed=2 if central and not missing else 1,
    )


def candidates(records: list[OrganisationRecord], spec: dict[str, Any]) -> list[Candidate]:
    """Every record matching the topic's core, in catalogue order."""
    return [c for c in (examine(record, spec) for record in records) if c is not None]


def proposals(records: list[OrganisationRecord], spec: dict[str, Any]) -> dict[str, int]:
    """Proposed grades: the main patterns, then each ``parts`` entry capped at its ``max`` grade."""
    graded = {c.ref: c.proposed for c in candidates(records, spec)}
    for part in spec.get("parts", ()):
        for c in candidates(records, part):
            graded[c.ref] = max(graded.get(c.ref, 0), min(c.proposed, part.get("max", 1)))
    return graded


def grades(records: list[OrganisationRecord], spec: dict[str, Any]) -> dict[str, int]:
    """The topic's grades: the proposals, then the engineer's overrides (0 drops a candidate)."""
    graded = proposals(records, spec)
    graded.update(spec.get("overrides", {}))
    return {ref: grade for ref, grade in sorted(graded.items()) if grade}


def show(records: list[OrganisationRecord], topic: str, spec: dict[str, Any]) -> None:
    """Print every candidate of a topic with its evidence, for reading."""
    final = grades(records, spec)
    for label, part in [
        ("core", spec),
        *((f"part {i}", p) for i, p in enumerate(spec.get("parts", ()))),
    ]:
        for c in candidates(records, part):
            print(
                f"== {label} {c.ref} [{c.country}] {c.name} | hits {c.core_hits} central "
                f"{c.central} missing {list(c.missing_aspects)} -> proposed {c.proposed} "
                f"final {final.get(c.ref, 0)}"
            )
            for line in c.snippets:
                print("   ", line)
    twos = sum(1 for g in final.values() if g == 2)
    print(f"# {topic}: {len(final)} graded, {twos} grade 2")


def apply(records: list[OrganisationRecord], patterns: dict[str, Any], path: Path) -> None:
    """Write the grades of every topic in patterns.json into the needs of that topic."""
    document = json.loads(path.read_text(encoding="utf-8"))
    computed = {topic: grades(records, spec) for topic, spec in patterns.items()}
    for need in document["needs"]:
        if need["topic"] in computed:
            need["relevance"] = computed[need["topic"]]
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def run(records: list[OrganisationRecord], command: str, topic: str | None = None) -> None:
    """``show`` the candidates of ``topic``, or ``apply`` the patterns' grades to needs.json."""
    patterns = json.loads((DEVSET / "patterns.json").read_text(encoding="utf-8"))["topics"]
    if command == "show":
        if topic not in patterns:
            raise ValueError(f"no topic {topic!r} in patterns.json; known: {', '.join(patterns)}")
        show(records, topic, patterns[topic])
    else:
        apply(records, patterns, DEVSET / "needs.json")
