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
from matching.wording import N_

# The families and the countries are shared with the matching library, which owns them.
__all__ = [
    "N_",
    "COUNTRY_ALIASES",
    "EUROPEAN_COUNTRIES",
    "EXTRA_COUNTRY_NAMES",
    "SERVICE_FAMILIES",
    "country_codes",
    "country_name",
    "normalise_country",
]

ORGANISATION_KINDS: dict[str, str] = {
    "dih": N_("Digital Innovation Hub"),
    "edih": N_("European Digital Innovation Hub"),
    "living_lab": N_("Living Lab"),
    "city_lab": N_("City Lab"),
    "policy_lab": N_("Policy Lab"),
    "network": N_("Network or initiative"),
    "public_body": N_("Public body"),
    "other": N_("Other"),
}

DELIVERY_MODES: dict[str, str] = {
    "online": N_("Online"),
    "onsite": N_("On site"),
    "hybrid": N_("Hybrid"),
}

AUDIENCES: dict[str, str] = {
    "public_sector": N_("Public sector"),
    "sme": N_("SMEs"),
    "startup": N_("Start-ups"),
    "citizens": N_("Citizens"),
    "researchers": N_("Researchers"),
}

# Where a practice stands, and at which level of government it runs (the practice library).
DEPLOYMENT_STATUSES: dict[str, str] = {
    "planned": N_("Planned"),
    "in_development": N_("In development"),
    "pilot": N_("Pilot"),
    "in_use": N_("In use"),
    "discontinued": N_("No longer in use"),
}
GOVERNMENT_LEVELS: dict[str, str] = {
    "local": N_("Local"),
    "regional": N_("Regional"),
    "national": N_("National"),
    "international": N_("Across countries"),
}

# A city's saved need: how big the city is, and who may see the need.
POPULATION_BANDS: dict[str, str] = {
    "under_10k": N_("Fewer than 10,000 inhabitants"),
    "10k_50k": N_("10,000 to 50,000"),
    "50k_250k": N_("50,000 to 250,000"),
    "250k_1m": N_("250,000 to 1 million"),
    "over_1m": N_("More than 1 million"),
}
NEED_VISIBILITIES: dict[str, str] = {
    "private": N_("Private: only people with the link see it"),
    "public": N_("Public: on the needs board, with the city's name"),
    "anonymous": N_("Public without the city's name"),
}
# Where the hubs of a result may be (a real filter on the results, not a preference).
NEED_SCOPES: dict[str, str] = {
    "anywhere": N_("Anywhere in Europe"),
    "country": N_("Only in my country"),
    "neighbours": N_("My country and its neighbours"),
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
    N_("Additive manufacturing"),
    N_("Artificial Intelligence & Decision support"),
    N_("BI tools"),
    N_("Big data"),
    N_("Blockchain and Distributed Ledger Technology"),
    N_("Cloud Services"),
    N_("Communication network"),
    N_("Cyber-physical systems"),
    N_("Cybersecurity"),
    N_("Digital twins"),
    N_("Gamification"),
    N_("High performance computing"),
    N_("Human computer interaction"),
    N_("Internet of Things"),
    N_("Internet Services & Applications"),
    N_("Location-based applications"),
    N_("Logistics"),
    N_("Mobility"),
    N_("Photonics"),
    N_("Quantum Technologies"),
    N_("Robotics"),
    N_("Sensors & Vision Processing Systems"),
    N_("Simulation engineering and modelling"),
    N_("Software Architectures"),
    N_("Virtual Reality"),
    N_("Other"),
)

SECTORS: tuple[str, ...] = (
    N_("Public administration"),
    N_("Smart City"),
    N_("Transport & Mobility"),
    N_("Energy"),
    N_("Environment"),
    N_("Health care"),
    N_("Education"),
    N_("Security"),
    N_("Construction"),
    N_("Real estate"),
    N_("Tourism"),
    N_("Cultural and creative economy"),
    N_("Personal services"),
    N_("Regulation"),
    N_("All sectors"),
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
