"""Rebuild the seed files of seed_data/ from seed_data/sources/, deterministically."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = REPO_ROOT / "seed_data"
SOURCE_DIR = SEED_DIR / "sources"
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from catalogue.vocabularies import (  # noqa: E402
    JRC_SECTOR_MAP,
    TECHNOLOGY_ALIASES,
    normalise_country,
    normalise_label,
)
from seed_data.workshop_editorial import (  # noqa: E402
    NOT_VERIFIED,
    ORGANISATION_NAMES,
    PRACTICE_SOURCE_DATES,
    TALK_JRC_HUBS,
    UNVERIFIED_TALK_ORGANISATIONS,
)

MAX_TEXT = 20_000
MAX_NAME = 300

JRC_FILE = "jrc-dih-catalogue-2022.json"
JRC_SOURCE_NAME = "European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform)"
JRC_LICENCE = "European Commission reuse policy (Decision 2011/833/EU), CC BY 4.0"
JRC_ATTRIBUTION = (
    "European Commission, JRC, Digital Innovation Hubs Tool (S3 Platform), snapshot via "
    "github.com/Engineering-Research-and-Development/fi-jrc-sync_adapter"
)
JRC_NOTE = "Non-ASCII characters were stripped by the original harvester."
JRC_EXPECTED_HUBS = 701

WS_FILE = "workshop-2020-04-30.json"
WS_SOURCE_NAME = "Workshop 2020-04-30 presenter profiles (platform editorial research)"
WS_RETRIEVED = "2026-11"
WS_EVENT_REF = "ws2020-dih-smart-cities"
WS_EVENT_SOURCE_NAME = "European Commission (Joinup event page)"
JOINUP_PREFIX = "https://joinup.ec.europa.eu/"

# presenters.json talk title -> (organisation ref, a fragment its organisation name must contain).
# None: low-confidence record that gets no organisation profile (README: verify manually first).
WS_TALK_ORGS: dict[str, tuple[str | None, str]] = {
    "Digital Innovation Hubs under DEP": ("ws2020-edih-dep", "Digital Europe Programme"),
    "DIHs serving the public sector": ("ws2020-dg-connect", "DG CONNECT"),
    "Intelligent Cities Challenge": ("ws2020-intelligent-cities-challenge", "Intelligent Cities"),
    "IQ Kecskemet": (None, "IQ Kecskem"),
    "Citizen-centered urban digital services": ("ws2020-vng-common-ground", "Common Ground"),
    "CAP Digital": ("ws2020-cap-digital", "Cap Digital"),
    "Demos Helsinki": ("ws2020-demos-helsinki", "Demos Helsinki"),
    "Digital Partners": (None, "Digital Partners"),
    "Digital Maturity Assessment, Improve": ("ws2020-improve", "IMP³rove"),
    "Urban Digital Platforms, AI and IoT in cities": ("ws2020-synchronicity", "SynchroniCity"),
    "Digital Infrastructure Building Blocks for smart cities": (
        "ws2020-cef-building-blocks",
        "CEF Digital Building Blocks",
    ),
    "Urban digital public services": (None, "RINIS"),
    "Smart Energy DIH": (None, "Smart Energy DIH"),
    "AI for SDGs": ("ws2020-air4s", "AIR4S"),
    "AI DIH Network and the public sector": ("ws2020-ai-dih-network", "AI DIH Network"),
}

# The same organisation in the JRC catalogue (hub id), checked against the hub's name. The JRC
# record is the one listed (the hub's own, self-declared entry of the official catalogue, whose
# ref other instances share); the presenter profile becomes its ``duplicate_of``.
WS_JRC_HUBS: dict[str, tuple[int, str]] = {
    "ws2020-air4s": (23490, "AIR4S"),
    "ws2020-cap-digital": (4938, "Cap Digital"),
}

WS_KINDS: dict[str, str] = {
    "DIH": "dih",
    "EDIH": "edih",
    "living lab": "living_lab",
    "city network": "network",
    "cluster": "network",
    "EU programme": "network",
    "EU project": "network",
    "public agency": "public_body",
    "think tank": "other",
    "consultancy": "other",
}

# Source service category -> EDIH service family. Digital maturity assessment and strategy work
# count as "test before invest" (the step before testing and investing; see seed_data/README.md).
WS_FAMILIES: dict[str, str] = {
    "test-before-invest/experimentation": "test_before_invest",
    "training/skills": "skills_training",
    "financing advice/access to funding": "investment_support",
    "ecosystem/networking": "ecosystem_networking",
    "innovation/procurement support": "ecosystem_networking",
    "digital strategy/maturity assessment": "test_before_invest",
    "data platforms/interoperability": "test_before_invest",
}

PUBLIC_SECTOR_TEXT = re.compile(
    r"\b(cit(y|ies)|municipal\w*|public[- ]sector|public administrations?|local authorit\w*"
    r"|public buyers?|territor\w*|government)\b",
    re.IGNORECASE,
)
NOT_CLAIMED_TITLE = re.compile(r"^(Related\b[^:]*|Context only):")

# Where a practice took place, when its summary says so (title -> (country, city or None)).
WS_PRACTICE_PLACES: dict[str, tuple[str, str | None]] = {
    "Context only: Hungarian national smart-city framework": ("HU", None),
    "Common Ground: building on the same foundation": ("NL", None),
    "Transition programme Common Ground": ("NL", None),
    "Pôle 'Ville du futur' with Advancity": ("FR", None),
    "CAPACities (2nd edition, 2024-2025)": ("FR", None),
    "People-first / human-centred smart cities": ("FI", None),
    "Related: Vilnius Intelligent Energy Lab (IEL)": ("LT", "Vilnius"),
    "Related: EDIH of Central and Western Lithuania": ("LT", None),
    "AIR4S collaboration agreement including Madrid City Council (2022)": ("ES", "Madrid"),
    "DIH of the Month (I4MS / DIHNET, 2019)": ("ES", "Madrid"),
}

# A talk's organisation ref (if any), its practices' refs and whether a source confirms the link.
TalkLink = tuple[str | None, list[str], bool]

HOST_ONLY = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


class SeedError(Exception):
    """The source data does not match what the seed builder expects."""


def unescape(text: str) -> str:
    """Undo HTML entity escaping, also when it was applied twice (``&amp;#243;``)."""
    previous = None
    while text != previous:
        previous, text = text, html.unescape(text)
    return text


def tidy(text: str) -> str:
    """Unescape entities and collapse runs of whitespace to single spaces."""
    return " ".join(unescape(text).split())


def http_url(value: str | None) -> str | None:
    """Return ``value`` as an http(s) URL, adding a missing scheme to a bare host, else ``None``."""
    text = (value or "").strip()
    if not text or re.search(r"\s", text):
        return None
    if not re.match(r"^https?://", text, re.IGNORECASE):
        if not HOST_ONLY.match(text):
            return None
        text = "http://" + text
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and "." in parts.netloc else None


def dedupe(items: list[str]) -> list[str]:
    """Drop repeated items, keeping the first occurrence's position."""
    return list(dict.fromkeys(items))


def clip(text: str, limit: int = MAX_TEXT) -> tuple[str, bool]:
    """Cut ``text`` to ``limit`` characters at a sentence end, marked; also say if it was cut."""
    if len(text) <= limit:
        return text, False
    marker = " [...]"
    head = text[: limit - len(marker)]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    head = head[: cut + 1] if cut > limit // 2 else head.rstrip()
    return head + marker, True


def load_json(path: Path) -> object:
    """Read a JSON file, failing with a clear message when it is missing."""
    if not path.is_file():
        raise SeedError(f"source file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def write_json(path: Path, document: dict) -> None:
    """Write ``document`` in the seed files' fixed layout (indent 1, UTF-8, trailing newline)."""
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1, sort_keys=False)
        handle.write("\n")


def jrc_sectors(labels: list[str]) -> list[str]:
    """Mapped platform sectors first (deduplicated, in order), then unmapped labels as free tags."""
    mapped = [JRC_SECTOR_MAP[label] for label in labels if label in JRC_SECTOR_MAP]
    free = [tidy(label) for label in labels if label not in JRC_SECTOR_MAP]
    return dedupe(mapped + free)


def jrc_country(hub: dict) -> str:
    """Return the hub's ISO country code; unmapped countries are an error."""
    code = normalise_country(hub["country"])
    if not code:
        raise SeedError(f"JRC hub {hub['hub_id']}: country {hub['country']!r} does not map")
    return code


def jrc_extra(hub: dict, original_chars: int | None) -> dict:
    """Build the ``extra`` object of a JRC hub: ids, verbatim sectors, licence and notes."""
    extra: dict = {"jrc_hub_id": int(hub["hub_id"]), "jrc_sectors": list(hub["sectors"])}
    if hub["sectors_unparsed"]:
        extra["funding_history"] = list(hub["sectors_unparsed"])
    extra |= {"licence": JRC_LICENCE, "attribution": JRC_ATTRIBUTION, "note": JRC_NOTE}
    if original_chars is not None:
        extra["description_truncated_from_chars"] = original_chars
    return extra


def jrc_organisation(hub: dict) -> dict:
    """Convert one JRC catalogue hub into an interchange organisation."""
    org: dict = {"ref": f"jrc-{int(hub['hub_id'])}", "name": tidy(hub["name"]), "kind": "dih"}
    description = unescape(hub["description"]).strip()
    description, was_cut = clip(description)
    if description:
        org["description"] = description
    org["country"] = jrc_country(hub)
    if city := tidy(hub["city"]):
        org["city"] = city
    if website := http_url(hub["website"]):
        org["website"] = website
    if hub["description_lang"] == "en" and description:
        org["languages"] = ["en"]
    if sectors := jrc_sectors(hub["sectors"]):
        org["sectors"] = sectors
    org["source"] = {"name": JRC_SOURCE_NAME, "url": hub["profile_url"], "retrieved": "2022-02"}
    original = len(unescape(hub["description"]).strip()) if was_cut else None
    org["extra"] = jrc_extra(hub, original)
    return org


def build_jrc(hubs: list[dict]) -> dict:
    """Build the JRC catalogue document from the hub records, sorted by ref."""
    if len(hubs) != JRC_EXPECTED_HUBS:
        raise SeedError(f"expected {JRC_EXPECTED_HUBS} JRC hubs, found {len(hubs)}")
    organisations = sorted((jrc_organisation(hub) for hub in hubs), key=lambda o: o["ref"])
    return {"format": "dih-catalogue", "version": 1, "organisations": organisations}


def agenda_talks(agenda: dict) -> list[dict]:
    """List the agenda's talks in order, each with its block title."""
    return [
        {**talk, "block": block["title"]} for block in agenda["blocks"] for talk in block["talks"]
    ]


def check_presenters(agenda: dict, presenters: list[dict]) -> list[str]:
    """Check the presenter records against the agenda and the ref mapping; return the errors."""
    errors: list[str] = []
    talks = agenda_talks(agenda)
    if len(talks) != len(presenters):
        errors.append(f"agenda has {len(talks)} talks, presenters.json {len(presenters)}")
    for number, (talk, record) in enumerate(zip(talks, presenters, strict=False), start=1):
        title = record["talk_title"]
        if (talk["title"], talk["speaker"]) != (title, record["speaker"]):
            errors.append(
                f"talk {number}: presenters.json {title!r} is not agenda {talk['title']!r}"
            )
        if title not in WS_TALK_ORGS:
            errors.append(f"talk {number}: no organisation mapping for {title!r}")
            continue
        ref, fragment = WS_TALK_ORGS[title]
        if fragment.casefold() not in record["organisation"]["name"].casefold():
            errors.append(f"talk {number}: {record['organisation']['name']!r} is not {fragment!r}")
        if (ref is None) != (record["confidence"] == "low"):
            errors.append(f"talk {number}: confidence {record['confidence']!r} vs mapping {ref!r}")
        if ref is not None and record["organisation"]["kind"] not in WS_KINDS:
            errors.append(f"talk {number}: unknown kind {record['organisation']['kind']!r}")
    return errors


def check_editorial(presenters: list[dict]) -> list[str]:
    """Check that the editorial tables name only practices and talks the research has."""
    titles = {practice["title"] for record in presenters for practice in record["practices"]}
    errors = [
        f"workshop_editorial.PRACTICE_SOURCE_DATES: no practice {title!r}"
        for title in sorted(set(PRACTICE_SOURCE_DATES) - titles)
    ]
    talks = {record["talk_title"] for record in presenters}
    for table in (UNVERIFIED_TALK_ORGANISATIONS, TALK_JRC_HUBS):
        errors += [f"workshop_editorial: no talk {title!r}" for title in sorted(set(table) - talks)]
    names = {ref: r["organisation"]["name"] for r in presenters if (ref := talk_org_ref(r))}
    for table in (ORGANISATION_NAMES, NOT_VERIFIED):
        errors += [
            f"workshop_editorial: no organisation {ref!r}"
            for ref in sorted(set(table) - set(names))
        ]
    errors += [
        f"workshop_editorial.ORGANISATION_NAMES: {names[ref]!r} does not start with {shown!r}"
        for ref, shown in ORGANISATION_NAMES.items()
        if ref in names and not names[ref].startswith(shown)
    ]
    return errors


def talk_org_ref(record: dict) -> str | None:
    """Return the ref of a talk's presenter profile, ``None`` when it gets none."""
    return WS_TALK_ORGS.get(record["talk_title"], (None, ""))[0]


def talk_organisation(record: dict, jrc_hubs: dict[int, dict]) -> tuple[str | None, bool]:
    """Return the ref of the organisation a talk links, and whether a source confirms the link."""
    title = record["talk_title"]
    verified = title not in UNVERIFIED_TALK_ORGANISATIONS
    if title not in TALK_JRC_HUBS:
        return talk_org_ref(record), verified
    hub_id, fragment, country = TALK_JRC_HUBS[title]
    named = [
        int(hub["hub_id"])
        for hub in jrc_hubs.values()
        if hub["country"] == country and fragment.casefold() in tidy(hub["name"]).casefold()
    ]
    if named != [hub_id] or country not in record["speaker_affiliation"]:
        raise SeedError(f"talk {title!r}: JRC hubs named {fragment!r} in {country}: {named}")
    return f"jrc-{hub_id}", verified


def ws_technologies(tags: list[str]) -> list[str]:
    """Normalise technology tags onto the vocabulary, keeping unknown ones as free tags.

    A free tag whose head is a known alias (``blockchain (EBSI)``) also adds the alias's label.
    """
    labels: list[str] = []
    for tag in tags:
        label, controlled = normalise_label(tag, "technology")
        head = re.split(r"\s[(/]", tag, maxsplit=1)[0].strip().casefold()
        if not controlled and head in TECHNOLOGY_ALIASES:
            labels.append(TECHNOLOGY_ALIASES[head])
        labels.append(label)
    return dedupe(labels)


def ws_service(org_ref: str, number: int, service: dict) -> dict:
    """Convert one presenter-profile service into an interchange service."""
    category = service["category"]
    if category not in WS_FAMILIES:
        raise SeedError(f"{org_ref}: unknown service category {category!r}")
    result: dict = {
        "ref": f"{org_ref}-s{number}",
        "title": service["title"],
        "family": WS_FAMILIES[category],
        "description": service["summary"],
    }
    if PUBLIC_SECTOR_TEXT.search(f"{service['title']} {service['summary']}"):
        result["audiences"] = ["public_sector"]
    result["extra"] = {"source_category": category, "source": service["source"]}
    return result


def ws_place(org: dict, target: dict) -> None:
    """Set country (or the EU region) and city of a presenter organisation on ``target``."""
    country = org["country"] or ""
    if country == "EU" or country.startswith("EU ("):
        target["region"] = "European Union"
    elif country:
        code = normalise_country(country)
        if not code:
            raise SeedError(f"presenter organisation {org['name']!r}: country {country!r}")
        target["country"] = code
    if org["city"]:
        target["city"] = org["city"]


def ws_extra(ref: str, record: dict) -> dict:
    """Build the ``extra`` object of a presenter organisation (sources, confidence, notes)."""
    org = record["organisation"]
    extra: dict = {
        "sources": list(record["sources"]),
        "confidence": record["confidence"],
        "confidence_notes": record["confidence_notes"],
        "speaker_affiliation": record["speaker_affiliation"],
        "talk_title": record["talk_title"],
        "source_kind": org["kind"],
        "source_country": org["country"],
    }
    if ref in NOT_VERIFIED:
        extra["not_verified"] = list(NOT_VERIFIED[ref])
    return extra


def jrc_duplicate_of(ref: str, jrc_names: dict[int, str]) -> str | None:
    """Return the ref of the JRC record of the same organisation, checked against its name."""
    if ref not in WS_JRC_HUBS:
        return None
    hub_id, fragment = WS_JRC_HUBS[ref]
    if fragment.casefold() not in tidy(jrc_names.get(hub_id, "")).casefold():
        raise SeedError(f"{ref}: JRC hub {hub_id} is not {fragment!r}")
    return f"jrc-{hub_id}"


def ws_organisation(ref: str, record: dict, jrc_names: dict[int, str]) -> dict:
    """Convert one verified presenter record into an interchange organisation."""
    org = record["organisation"]
    name = ORGANISATION_NAMES.get(ref, org["name"])
    result: dict = {"ref": ref, "name": name, "kind": WS_KINDS[org["kind"]]}
    result["description"] = org["summary"]
    ws_place(org, result)
    if website := http_url(org["website"]):
        result["website"] = website
    if technologies := ws_technologies(org["technologies"]):
        result["technologies"] = technologies
    url = next((u for u in record["sources"][1:] if not u.startswith(JOINUP_PREFIX)), None)
    result["source"] = {"name": WS_SOURCE_NAME, "url": url, "retrieved": WS_RETRIEVED}
    if duplicate_of := jrc_duplicate_of(ref, jrc_names):
        result["duplicate_of"] = duplicate_of
    services = [ws_service(ref, n, s) for n, s in enumerate(org["services"], start=1)]
    if services:
        result["services"] = services
    result["extra"] = ws_extra(ref, record)
    return result


def ws_practice(ref: str, practice: dict, record: dict, org_ref: str | None) -> dict:
    """Convert one example practice; "Related..."/"Context only:" ones link no organisation."""
    claimed = org_ref is not None and not NOT_CLAIMED_TITLE.match(practice["title"])
    result: dict = {"ref": ref, "title": practice["title"], "summary": practice["summary"]}
    if url := http_url(practice["url"]):
        result["url"] = url
    if place := WS_PRACTICE_PLACES.get(practice["title"]):
        result["country"] = place[0]
        if place[1]:
            result["city"] = place[1]
    if claimed:
        result["organisations"] = [org_ref]
    result["source"] = {"name": WS_SOURCE_NAME, "url": practice["url"], "retrieved": WS_RETRIEVED}
    if dated := practice_source_date(practice):
        result["source"]["updated"] = dated
    result["extra"] = {
        "confidence": record["confidence"],
        "talk_title": record["talk_title"],
        "claimed_by_organisation": claimed,
    }
    return result


def practice_source_date(practice: dict) -> str | None:
    """Return the date of a practice's source, from the editors' table, checked against the source.

    The date must be written in the URL or the title (``2021/08/30``, ``30/04/2020``,
    ``2023-03-16``, ``(2022)``), so an entry cannot claim a date the source does not state.
    """
    dated = PRACTICE_SOURCE_DATES.get(practice["title"])
    if dated is None:
        return None
    parts = dated.split("-")
    spellings = {dated, "/".join(parts), "/".join(reversed(parts))}
    if not any(spelling in f"{practice['url']} {practice['title']}" for spelling in spellings):
        raise SeedError(f"practice {practice['title']!r}: {dated} is not in its URL or title")
    return dated


def ws_talk_practices(number: int, record: dict) -> list[dict]:
    """Build the practices of talk ``number``, with refs from its organisation or the talk."""
    org_ref = WS_TALK_ORGS[record["talk_title"]][0]
    prefix = org_ref or f"ws2020-talk{number}"
    return [
        ws_practice(f"{prefix}-p{m}", practice, record, org_ref)
        for m, practice in enumerate(record["practices"], start=1)
    ]


def ws_description(event: dict) -> str:
    """Describe the event from the agenda metadata (format, organiser, participants, times)."""
    if "do not state a time zone" not in event["timezone_note"]:
        raise SeedError("agenda.json: the time-zone note no longer says the zone is not stated")
    return (
        f"{event['format']}. Organiser: {event['organiser']}. "
        f"Reported attendance: {event['reported_participants']}. "
        f"Times are as published ({event['start']}-{event['end']}); the publishing pages state "
        "no time zone, so the time zone is not verified. "
        "Block times are derived from the published block durations; no per-talk times "
        f"were published. A follow-up webinar was: {event['follow_up']['title']}."
    )


def ws_sessions(agenda: dict, talk_links: list[TalkLink]) -> list[dict]:
    """Build the agenda blocks with their talks, linking organisations and practices."""
    links = iter(talk_links)
    sessions = []
    for block in agenda["blocks"]:
        talks = []
        for talk in block["talks"]:
            org_ref, practice_refs, verified = next(links)
            item = {"title": talk["title"], "speaker": talk["speaker"]}
            item["affiliation"] = talk["speaker_affiliation"]
            if org_ref:
                item["organisation"] = org_ref
                if not verified:
                    item["organisation_verified"] = False
            if practice_refs:
                item["practices"] = practice_refs
            talks.append(item)
        sessions.append(
            {"title": block["title"], "start": block["start"], "end": block["end"], "talks": talks}
        )
    return sessions


def ws_event(agenda: dict, talk_links: list[TalkLink]) -> dict:
    """Build the workshop event with its five agenda blocks."""
    event = agenda["event"]
    joinup = next((u for u in event["sources"] if u.startswith(JOINUP_PREFIX)), None)
    if not joinup:
        raise SeedError("agenda.json: no Joinup event page among the event sources")
    source = {"name": WS_EVENT_SOURCE_NAME, "url": joinup, "retrieved": WS_RETRIEVED}
    extra = {"start": event["start"], "end": event["end"], "organiser": event["organiser"]}
    extra |= {
        "reported_participants": event["reported_participants"],
        "follow_up": dict(event["follow_up"]),
        "sources": list(event["sources"]),
        "time_computation_note": agenda["time_computation_note"],
        "timezone_note": event["timezone_note"],
        "format": event["format"],
    }
    return {
        "ref": WS_EVENT_REF,
        "title": event["title"],
        "date": event["date"],
        "description": ws_description(event),
        "url": joinup,
        "source": source,
        "sessions": ws_sessions(agenda, talk_links),
        "extra": extra,
    }


def build_workshop(agenda: dict, presenters: list[dict], jrc_hubs: dict[int, dict]) -> dict:
    """Build the workshop document: presenter organisations, their practices and the event."""
    jrc_names = {hub_id: hub["name"] for hub_id, hub in jrc_hubs.items()}
    errors = check_presenters(agenda, presenters) + check_editorial(presenters)
    if errors:
        raise SeedError("presenters.json does not match the mapping:\n  " + "\n  ".join(errors))
    organisations, practices, talk_links = [], [], []
    for number, record in enumerate(presenters, start=1):
        org_ref = WS_TALK_ORGS[record["talk_title"]][0]
        if org_ref:
            organisations.append(ws_organisation(org_ref, record, jrc_names))
        talk_practices = ws_talk_practices(number, record)
        practices.extend(talk_practices)
        talk_ref, verified = talk_organisation(record, jrc_hubs)
        talk_links.append((talk_ref, [p["ref"] for p in talk_practices], verified))
    return {
        "format": "dih-catalogue",
        "version": 1,
        "organisations": organisations,
        "practices": practices,
        "events": [ws_event(agenda, talk_links)],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=SOURCE_DIR,
        help="folder with jrc-dih-catalogue-2022/ and workshop-2020-04-30/ (default: %(default)s)",
    )
    parser.add_argument("--output-dir", type=Path, default=SEED_DIR, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Rebuild both seed files; return the process exit status."""
    args = parse_args(argv)
    source = args.source_dir.resolve()
    try:
        hubs = load_json(source / "jrc-dih-catalogue-2022" / "jrc_dih_hubs.json")
        agenda = load_json(source / "workshop-2020-04-30" / "agenda.json")
        presenters = load_json(source / "workshop-2020-04-30" / "presenters.json")
        jrc = build_jrc(hubs)
        jrc_hubs = {int(hub["hub_id"]): hub for hub in hubs}
        workshop = build_workshop(agenda, presenters, jrc_hubs)
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    args.output_dir.mkdir(parents=True, exist_ok=True)
    write_json(args.output_dir / JRC_FILE, jrc)
    write_json(args.output_dir / WS_FILE, workshop)
    print(f"{JRC_FILE}: {len(jrc['organisations'])} organisations")
    print(
        f"{WS_FILE}: {len(workshop['organisations'])} organisations, "
        f"{len(workshop['practices'])} practices, {len(workshop['events'])} event"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
