"""The platform's controlled vocabularies and the normalisers that map free input onto them."""

from __future__ import annotations

import re

import pycountry

from matching.vocabulary import (
    COUNTRY_ALIASES,
    EUROPEAN_COUNTRIES,
    EXTRA_COUNTRY_NAMES,
    SERVICE_FAMILIES,
    country_codes,
    country_name,
    normalise_country,
)

# The families and the countries are shared with the matching library, which owns them.
__all__ = [
    "COUNTRY_ALIASES",
    "EUROPEAN_COUNTRIES",
    "EXTRA_COUNTRY_NAMES",
    "SERVICE_FAMILIES",
    "country_codes",
    "country_name",
    "normalise_country",
]

ORGANISATION_KINDS: dict[str, str] = {
    "dih": "Digital Innovation Hub",
    "edih": "European Digital Innovation Hub",
    "living_lab": "Living Lab",
    "city_lab": "City Lab",
    "policy_lab": "Policy Lab",
    "network": "Network or initiative",
    "public_body": "Public body",
    "other": "Other",
}

DELIVERY_MODES: dict[str, str] = {"online": "Online", "onsite": "On site", "hybrid": "Hybrid"}

AUDIENCES: dict[str, str] = {
    "public_sector": "Public sector",
    "sme": "SMEs",
    "startup": "Start-ups",
    "citizens": "Citizens",
    "researchers": "Researchers",
}

# Where a practice stands, and at which level of government it runs (the practice library).
DEPLOYMENT_STATUSES: dict[str, str] = {
    "planned": "Planned",
    "in_development": "In development",
    "pilot": "Pilot",
    "in_use": "In use",
    "discontinued": "No longer in use",
}
GOVERNMENT_LEVELS: dict[str, str] = {
    "local": "Local",
    "regional": "Regional",
    "national": "National",
    "international": "Across countries",
}

# A city's saved need: how big the city is, and who may see the need.
POPULATION_BANDS: dict[str, str] = {
    "under_10k": "Fewer than 10,000 inhabitants",
    "10k_50k": "10,000 to 50,000",
    "50k_250k": "50,000 to 250,000",
    "250k_1m": "250,000 to 1 million",
    "over_1m": "More than 1 million",
}
NEED_VISIBILITIES: dict[str, str] = {
    "private": "Private: only people with the link see it",
    "public": "Public: on the needs board, with the city's name",
    "anonymous": "Public without the city's name",
}
# Where the hubs of a result may be (a real filter on the results, not a preference).
NEED_SCOPES: dict[str, str] = {
    "anywhere": "Anywhere in Europe",
    "country": "Only in my country",
    "neighbours": "My country and its neighbours",
}

PUBLICATION_STATUSES: tuple[str, ...] = ("draft", "pending", "published", "archived")
# The one status the public, the API, the downloads and matching ever see.
PUBLISHED = "published"

DIGITAL_EUROPE_CAPACITIES: tuple[str, ...] = (
    "High Performance Computing",
    "Artificial Intelligence",
    "Cybersecurity",
    "Advanced Digital Skills",
)

TECHNOLOGIES: tuple[str, ...] = (
    "Additive manufacturing",
    "Artificial Intelligence & Decision support",
    "BI tools",
    "Big data",
    "Blockchain and Distributed Ledger Technology",
    "Cloud Services",
    "Communication network",
    "Cyber-physical systems",
    "Cybersecurity",
    "Digital twins",
    "Gamification",
    "High performance computing",
    "Human computer interaction",
    "Internet of Things",
    "Internet Services & Applications",
    "Location-based applications",
    "Logistics",
    "Mobility",
    "Photonics",
    "Quantum Technologies",
    "Robotics",
    "Sensors & Vision Processing Systems",
    "Simulation engineering and modelling",
    "Software Architectures",
    "Virtual Reality",
    "Other",
)

SECTORS: tuple[str, ...] = (
    "Public administration",
    "Smart City",
    "Transport & Mobility",
    "Energy",
    "Environment",
    "Health care",
    "Education",
    "Security",
    "Construction",
    "Real estate",
    "Tourism",
    "Cultural and creative economy",
    "Personal services",
    "Regulation",
    "All sectors",
)

# The legacy JRC DIH catalogue (2016-2022) used a 36-value industry list. Labels with a
# city-relevant counterpart map onto it; the rest stay as free tags, and the seed keeps the
# original list verbatim.
JRC_SECTOR_MAP: dict[str, str] = {
    "Public administration": "Public administration",
    "Transport and logistics": "Transport & Mobility",
    "Mobility (incl. Automotive)": "Transport & Mobility",
    "Energy and utilities": "Energy",
    "Environment": "Environment",
    "Life sciences & healthcare": "Health care",
    "Education": "Education",
    "Defence and security": "Security",
    "Construction": "Construction",
    "Real estate, renting and business activities": "Real estate",
    "Tourism (incl. restaurants and hospitality)": "Tourism",
    "Culture and Creative industries": "Cultural and creative economy",
    "Community, social and personal service activities": "Personal services",
}

# Common technology spellings seen in source data, mapped onto the EU technology list.
TECHNOLOGY_ALIASES: dict[str, str] = {
    "ai": "Artificial Intelligence & Decision support",
    "artificial intelligence": "Artificial Intelligence & Decision support",
    "iot": "Internet of Things",
    "hpc": "High performance computing",
    "blockchain": "Blockchain and Distributed Ledger Technology",
    "cloud": "Cloud Services",
    "digital twin": "Digital twins",
    "big data analytics": "Big data",
    "5g": "Communication network",
    "ar/vr": "Virtual Reality",
    "vr": "Virtual Reality",
    "augmented reality": "Virtual Reality",
    "machine learning": "Artificial Intelligence & Decision support",
    "distributed ledger": "Blockchain and Distributed Ledger Technology",
}

_ISO_639_1 = re.compile(r"^[a-z]{2}$")


def _folded(label: str) -> str:
    return " ".join(label.split()).casefold()


def _index(*labels: str) -> dict[str, str]:
    return {_folded(label): label for label in labels}


_TECHNOLOGY_INDEX = _index(*TECHNOLOGIES) | {_folded(k): v for k, v in TECHNOLOGY_ALIASES.items()}
_SECTOR_INDEX = _index(*SECTORS) | {_folded(k): v for k, v in JRC_SECTOR_MAP.items()}


def normalise_label(label: str, vocabulary: str) -> tuple[str, bool]:
    """Map a technology or sector label onto the vocabulary; return ``(label, is_controlled)``.

    Labels the vocabulary does not know are kept as free tags with their spacing tidied.
    """
    index = _TECHNOLOGY_INDEX if vocabulary == "technology" else _SECTOR_INDEX
    tidy = " ".join(label.split())
    controlled = index.get(tidy.casefold())
    return (controlled, True) if controlled else (tidy, False)


def country_search_words(code: str | None) -> str:
    """Return what a search for a country may type: its English name, code and other names."""
    if not code:
        return ""
    aliases = [alias for alias, aliased in COUNTRY_ALIASES.items() if aliased == code]
    names: dict[str, str] = {}
    for name in (country_name(code), code, *aliases):
        names.setdefault(name.casefold(), name)
    return " ".join(names.values())


def language_codes() -> list[str]:
    """Every ISO 639-1 language code, sorted."""
    return sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def is_language_code(value: str) -> bool:
    """Tell whether ``value`` is an ISO 639-1 language code."""
    return bool(_ISO_639_1.match(value)) and pycountry.languages.get(alpha_2=value) is not None


def language_name(code: str) -> str:
    """Return the English name of an ISO 639-1 language code (the code itself when unknown)."""
    language = pycountry.languages.get(alpha_2=code)
    return language.name if language else code
