"""Build seed_data/practices/ipso-innovative-public-services.json from the JRC IPSO case files.

The practice library's real cases: the 2022 release of the JRC Innovative Public Services
Observatory (IPS-X) and the 2021 cases whose name the 2022 release does not repeat, as
practices of the catalogue interchange format. Deterministic: the same input gives the same
bytes. See seed_data/README.md for the mapping.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent
SOURCE_DIR = SEED_DIR / "sources" / "ipso-innovative-public-services"
PRACTICES_DIR = SEED_DIR / "practices"
OUTPUT = "ipso-innovative-public-services.json"
RELEASES = (
    ("2022", "ipso_cases_2022.json", "2024-09"),
    ("2021", "ipso_cases_2021.json", "2021-05"),
)
EXPECTED_CASES = 1152
SOURCE_NAME = "European Commission, JRC, Innovative Public Services Observatory (IPS-X)"
SOURCE_URL = "https://github.com/ipsoeu/ips-explorer"
ATTRIBUTION = (
    "European Commission, Joint Research Centre – Innovative Public Services Observatory "
    "(IPS-X), https://github.com/ipsoeu/ips-explorer"
)
LICENCE = (
    "EUPL-1.2 (the IPS-X repository); Commission content reusable with attribution "
    "(Decision 2011/833/EU)"
)
STATUSES = {
    "Planned": "planned",
    "In development": "in_development",
    "Pilot": "pilot",
    "Implemented": "in_use",
    "In production": "in_use",
    "Not in use anymore": "discontinued",
    "Withdrawn": "discontinued",
}
LEVELS = {
    "Local": "local",
    "Regional": "regional",
    "National": "national",
    "Across Countries": "international",
    "International": "international",
}
# The source's technology names, where the platform's vocabulary spells them otherwise.
TECHNOLOGIES = {
    "Api": "APIs",
    "Internet of things": "Internet of Things",
    "Augmented reality / virtual reality": "Virtual Reality",
}
URL_START = re.compile(r"https?://")
SEPARATOR_AT_END = re.compile(r"[\s,;]+(en|and)?[\s,;]*$")
BARE_HOST = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.I)
MAX_NAME = 300
KEPT_IN_EXTRA = (
    "type",
    "secondary_sector",
    "record_kind",
    "source_catalogue",
    "lead_organisation_category",
    "start_date",
    "end_date",
    "uptake",
    "cross_border",
    "cross_sector",
)


class SourceError(Exception):
    """The source data is not what this script expects."""


def normalised_name(name: str) -> str:
    """A case's name for comparing releases: lower case, words only."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def source_urls(value: str | None) -> list[str]:
    """The http(s) URLs in a source's URL field, which may hold several, in their order.

    URLs are split where the next one starts; separators between them ("," or the Dutch "en")
    are dropped, and a space inside one URL is percent-encoded. A bare host name is made a URL.
    """
    value = (value or "").strip()
    starts = [match.start() for match in URL_START.finditer(value)]
    if not starts:
        return [f"http://{value}"] if BARE_HOST.match(value) else []
    pieces = [value[a:b] for a, b in zip(starts, [*starts[1:], len(value)], strict=True)]
    cleaned = [SEPARATOR_AT_END.sub("", piece.strip()) for piece in pieces]
    return [re.sub(r"\s+", "%20", piece) for piece in cleaned]


def clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def practice(case: dict, release: str, retrieved: str) -> dict:
    """One IPSO case as an interchange practice."""
    codes = case["geocoverage_codes"] or []
    try:
        status, level = STATUSES[case["status"]], LEVELS[case["geoextent"]]
    except KeyError as error:
        raise SourceError(f"case {case['id']} ({release}): unknown value {error}") from None
    lead = " ".join((case["lead_organisation_name"] or "").split())
    extra = {key: case[key] for key in KEPT_IN_EXTRA if case.get(key)}
    extra |= {
        "ipso_id": case["id"],
        "release": case["release"],
        "source_status": case["status"],
        "source_geoextent": case["geoextent"],
        "attribution": ATTRIBUTION,
        "licence": LICENCE,
    }
    if len(codes) != 1 and case["geocoverage"]:
        extra["geocoverage"] = case["geocoverage"]
    urls = source_urls(case["url"])
    if len(urls) > 1:
        extra["source_urls"] = urls
    if len(lead) > MAX_NAME:
        extra["lead_organisation_full"] = lead
    record = {
        "ref": f"ipso-{release}-{case['id']}",
        "title": clipped(" ".join(case["name"].split()), MAX_NAME),
        "summary": case["description"].strip(),
        "url": urls[0] if urls else None,
        "country": codes[0] if len(codes) == 1 else None,
        "deployment_status": status,
        "government_level": level,
        "lead_organisation": clipped(lead, MAX_NAME) or None,
        "technologies": [TECHNOLOGIES.get(case["technology"], case["technology"])],
        "sectors": [case["primary_sector"]] if case["primary_sector"] else [],
        "source": {"name": f"{SOURCE_NAME}, {release} release", "url": SOURCE_URL,
                   "retrieved": retrieved, "updated": case["release"]},
        "extra": extra,
    }  # fmt: skip
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def build(source_dir: Path) -> dict:
    """The interchange document of the deduplicated cases of both releases."""
    practices: list[dict] = []
    seen: set[str] = set()
    for release, filename, retrieved in RELEASES:
        cases = json.loads((source_dir / filename).read_text(encoding="utf-8"))
        for case in cases:
            name = normalised_name(case["name"])
            repeated = name in seen and release != RELEASES[0][0]
            if repeated != bool(case.get("also_in_2022_release", False)):
                raise SourceError(f"case {case['id']} ({release}): overlap flag disagrees")
            if not repeated:
                practices.append(practice(case, release, retrieved))
            if release == RELEASES[0][0]:
                seen.add(name)
    if len(practices) != EXPECTED_CASES:
        raise SourceError(f"{len(practices)} distinct cases, expected {EXPECTED_CASES}")
    practices.sort(key=lambda record: record["ref"])
    return {"format": "dih-catalogue", "version": 1, "practices": practices}


def main(argv: list[str] | None = None) -> int:
    """Write the seed file; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR)
    parser.add_argument("--output-dir", type=Path, default=PRACTICES_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        document = build(args.source_dir.resolve())
    except (SourceError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.output_dir.mkdir(parents=True, exist_ok=True)
    with (args.output_dir / OUTPUT).open("w", encoding="utf-8", newline="\n") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"{OUTPUT}: {len(document['practices'])} practices")
    return 0


if __name__ == "__main__":
    sys.exit(main())
