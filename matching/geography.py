"""European country names, land neighbours and the location phrase shown to city officials."""

from __future__ import annotations

COUNTRY_NAMES: dict[str, str] = {
    "AD": "Andorra", "AL": "Albania", "AT": "Austria", "BA": "Bosnia and Herzegovina",
    "BE": "Belgium", "BG": "Bulgaria", "BY": "Belarus", "CH": "Switzerland", "CY": "Cyprus",
    "CZ": "Czechia", "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain",
    "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GR": "Greece", "HR": "Croatia",
    "HU": "Hungary", "IE": "Ireland", "IL": "Israel", "IS": "Iceland", "IT": "Italy",
    "LI": "Liechtenstein", "LT": "Lithuania", "LU": "Luxembourg", "LV": "Latvia", "MC": "Monaco",
    "MD": "Moldova", "ME": "Montenegro", "MK": "North Macedonia", "MT": "Malta",
    "NL": "Netherlands",
    "NO": "Norway", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "RS": "Serbia",
    "RU": "Russia", "SE": "Sweden", "SI": "Slovenia", "SK": "Slovakia", "SM": "San Marino",
    "TR": "Turkey", "UA": "Ukraine", "VA": "Vatican City", "XK": "Kosovo",
}  # fmt: skip

# Land borders, plus the fixed links cities use daily (Oresund bridge, Channel tunnel).
_BORDERS: tuple[tuple[str, str], ...] = (
    ("AD", "ES"), ("AD", "FR"), ("AL", "GR"), ("AL", "ME"), ("AL", "MK"), ("AL", "XK"),
    ("AT", "CH"), ("AT", "CZ"), ("AT", "DE"), ("AT", "HU"), ("AT", "IT"), ("AT", "LI"),
    ("AT", "SI"), ("AT", "SK"), ("BA", "HR"), ("BA", "ME"), ("BA", "RS"), ("BE", "DE"),
    ("BE", "FR"), ("BE", "LU"), ("BE", "NL"), ("BG", "GR"), ("BG", "MK"), ("BG", "RO"),
    ("BG", "RS"), ("BG", "TR"), ("BY", "LT"), ("BY", "LV"), ("BY", "PL"), ("BY", "UA"),
    ("CH", "DE"), ("CH", "FR"), ("CH", "IT"), ("CH", "LI"), ("CZ", "DE"), ("CZ", "PL"),
    ("CZ", "SK"), ("DE", "DK"), ("DE", "FR"), ("DE", "LU"), ("DE", "NL"), ("DE", "PL"),
    ("DK", "SE"), ("EE", "LV"), ("EE", "RU"), ("ES", "FR"), ("ES", "PT"), ("FI", "NO"),
    ("FI", "RU"), ("FI", "SE"), ("FR", "GB"), ("FR", "IT"), ("FR", "LU"), ("FR", "MC"),
    ("GB", "IE"), ("GR", "MK"), ("GR", "TR"), ("HR", "HU"), ("HR", "ME"), ("HR", "RS"),
    ("HR", "SI"), ("HU", "RO"), ("HU", "RS"), ("HU", "SI"), ("HU", "SK"), ("HU", "UA"),
    ("IT", "SI"), ("IT", "SM"), ("IT", "VA"), ("LT", "LV"), ("LT", "PL"), ("LT", "RU"),
    ("LV", "RU"), ("MD", "RO"), ("MD", "UA"), ("ME", "RS"), ("ME", "XK"), ("MK", "RS"),
    ("MK", "XK"), ("NO", "RU"), ("NO", "SE"), ("PL", "RU"), ("PL", "SK"), ("PL", "UA"),
    ("RO", "RS"), ("RO", "UA"), ("RS", "XK"), ("SK", "UA"),
)  # fmt: skip

# Kinds whose mandate includes serving cities outside their own country.
CROSS_BORDER_KINDS: frozenset[str] = frozenset({"edih", "network"})


def _build_neighbours() -> dict[str, frozenset[str]]:
    """Turn the border pairs into a symmetric lookup table."""
    table: dict[str, set[str]] = {code: set() for code in COUNTRY_NAMES}
    for first, second in _BORDERS:
        table[first].add(second)
        table[second].add(first)
    return {code: frozenset(others) for code, others in table.items()}


NEIGHBOURS: dict[str, frozenset[str]] = _build_neighbours()


def country_name(code: str) -> str:
    """Return the English name of a country code, or the code itself when unknown."""
    return COUNTRY_NAMES.get(code, code)


def are_neighbours(first: str, second: str) -> bool:
    """Tell whether two countries share a land border (or a fixed link)."""
    return second in NEIGHBOURS.get(first, frozenset())


def relation(city_country: str | None, hub_country: str | None) -> str:
    """Classify a hub's country relative to the city: same, neighbour, other, eu or unknown."""
    if hub_country is None:
        return "eu"
    if city_country is None:
        return "unknown"
    if hub_country == city_country:
        return "same"
    return "neighbour" if are_neighbours(city_country, hub_country) else "other"


def describe_location(
    city_country: str | None,
    hub_country: str | None,
    kind: str = "other",
    speaks_city_language: bool = False,
) -> str:
    """Describe where a hub is relative to the asking city, in plain words.

    Parameters
    ----------
    city_country, hub_country : str or None
        ISO 3166-1 alpha-2 codes; ``None`` when unknown (city) or EU-wide (hub).
    kind : str
        The hub's kind; EDIHs and networks offer cross-border services.
    speaks_city_language : bool
        Whether the hub lists the language of the need among its working languages.

    Returns
    -------
    str
        For example ``"same country (BE)"`` or ``"different country (DE), cross-border services
        offered"``.
    """
    rel = relation(city_country, hub_country)
    if rel == "eu":
        return "EU-wide (no single country)"
    if rel == "unknown":
        return f"based in {country_name(hub_country or '')} ({hub_country})"
    if rel == "same":
        return f"same country ({hub_country})"
    text = f"{'neighbouring' if rel == 'neighbour' else 'different'} country ({hub_country})"
    extras = []
    if kind in CROSS_BORDER_KINDS:
        extras.append("cross-border services offered")
    if speaks_city_language:
        extras.append("works in your language")
    return ", ".join([text, *extras])


_NAME_TO_CODE: dict[str, str] = {name.casefold(): code for code, name in COUNTRY_NAMES.items()}
_NAME_TO_CODE.update({"czech republic": "CZ", "uk": "GB", "great britain": "GB", "eu": ""})


def country_code(value: str | None) -> str | None:
    """Normalise an ISO code or an English country name to an ISO code (None when EU/unknown)."""
    if not value:
        return None
    text = value.strip()
    if text.upper() in COUNTRY_NAMES:
        return text.upper()
    return _NAME_TO_CODE.get(text.casefold()) or None
