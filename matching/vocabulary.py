"""The service families and the European countries, shared by the matching library and the app."""

from __future__ import annotations

import pycountry

from matching.wording import N_

# The four EDIH service families: code -> the label the app shows.
SERVICE_FAMILIES: dict[str, str] = {
    "test_before_invest": N_("Test before invest"),
    "skills_training": N_("Skills and training"),
    "investment_support": N_("Support to find investments"),
    "ecosystem_networking": N_("Innovation ecosystem and networking"),
}
FAMILIES: tuple[str, ...] = tuple(SERVICE_FAMILIES)
# The same labels in running text ("a hub offering skills and training").
FAMILY_LABELS: dict[str, str] = {code: label.lower() for code, label in SERVICE_FAMILIES.items()}

# Where asking cities are: the EU 27, the EEA, candidate and neighbouring European countries.
EU_COUNTRIES: tuple[str, ...] = (
    *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
    *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
)
EUROPEAN_COUNTRIES: tuple[str, ...] = (
    *EU_COUNTRIES,
    *("IS", "LI", "NO", "CH", "GB", "AL", "BA", "GE", "MD", "ME", "MK", "RS", "TR"),
    *("UA", "XK", "AD", "MC", "SM", "VA"),
)

# Land borders between the countries above and their neighbours, plus the fixed links cities
# use daily (Oresund bridge, Channel tunnel).
BORDERS: tuple[tuple[str, str], ...] = (
    ("AD", "ES"), ("AD", "FR"), ("AL", "GR"), ("AL", "ME"), ("AL", "MK"), ("AL", "XK"),
    ("AM", "GE"), ("AM", "TR"), ("AT", "CH"), ("AT", "CZ"), ("AT", "DE"), ("AT", "HU"),
    ("AT", "IT"), ("AT", "LI"), ("AT", "SI"), ("AT", "SK"), ("AZ", "GE"), ("BA", "HR"),
    ("BA", "ME"), ("BA", "RS"), ("BE", "DE"), ("BE", "FR"), ("BE", "LU"), ("BE", "NL"),
    ("BG", "GR"), ("BG", "MK"), ("BG", "RO"), ("BG", "RS"), ("BG", "TR"), ("BY", "LT"),
    ("BY", "LV"), ("BY", "PL"), ("BY", "UA"), ("CH", "DE"), ("CH", "FR"), ("CH", "IT"),
    ("CH", "LI"), ("CZ", "DE"), ("CZ", "PL"), ("CZ", "SK"), ("DE", "DK"), ("DE", "FR"),
    ("DE", "LU"), ("DE", "NL"), ("DE", "PL"), ("DK", "SE"), ("EE", "LV"), ("EE", "RU"),
    ("ES", "FR"), ("ES", "PT"), ("FI", "NO"), ("FI", "RU"), ("FI", "SE"), ("FR", "GB"),
    ("FR", "IT"), ("FR", "LU"), ("FR", "MC"), ("GB", "IE"), ("GE", "RU"), ("GE", "TR"),
    ("GR", "MK"), ("GR", "TR"), ("HR", "HU"), ("HR", "ME"), ("HR", "RS"), ("HR", "SI"),
    ("HU", "RO"), ("HU", "RS"), ("HU", "SI"), ("HU", "SK"), ("HU", "UA"), ("IT", "SI"),
    ("IT", "SM"), ("IT", "VA"), ("LT", "LV"), ("LT", "PL"), ("LT", "RU"), ("LV", "RU"),
    ("MD", "RO"), ("MD", "UA"), ("ME", "RS"), ("ME", "XK"), ("MK", "RS"), ("MK", "XK"),
    ("NO", "RU"), ("NO", "SE"), ("PL", "RU"), ("PL", "SK"), ("PL", "UA"), ("RO", "RS"),
    ("RO", "UA"), ("RS", "XK"), ("SK", "UA"),
)  # fmt: skip

# Names the source data uses that ISO 3166 spells differently, or that it does not list.
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB",
    "great britain": "GB",
    "kosovo": "XK",
    "turkey": "TR",
    "czech republic": "CZ",
    "liechenstein": "LI",
}
EXTRA_COUNTRY_NAMES: dict[str, str] = {"XK": "Kosovo"}


def _neighbour_table() -> dict[str, frozenset[str]]:
    """Turn the border pairs into a symmetric lookup table over every country named."""
    codes = {*EUROPEAN_COUNTRIES, *(code for pair in BORDERS for code in pair)}
    table: dict[str, set[str]] = {code: set() for code in codes}
    for first, second in BORDERS:
        table[first].add(second)
        table[second].add(first)
    return {code: frozenset(others) for code, others in sorted(table.items())}


NEIGHBOURS: dict[str, frozenset[str]] = _neighbour_table()


def country_name(code: str | None) -> str:
    """Return the English short name of an ISO country code (the code itself when unknown)."""
    if not code:
        return ""
    if code in EXTRA_COUNTRY_NAMES:
        return EXTRA_COUNTRY_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def normalise_country(value: str) -> str | None:
    """Return the ISO 3166-1 alpha-2 code for a code or an English country name, or ``None``."""
    text = " ".join(value.split())
    if len(text) == 2 and text.isalpha():
        code = text.upper()
        known = code in EXTRA_COUNTRY_NAMES or pycountry.countries.get(alpha_2=code)
        return code if known else None
    if alias := COUNTRY_ALIASES.get(text.casefold()):
        return alias
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def country_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code the platform accepts, sorted."""
    return sorted({c.alpha_2 for c in pycountry.countries} | set(EXTRA_COUNTRY_NAMES))
