"""European country names, land neighbours and the location phrase shown to city officials."""

from __future__ import annotations

from matching.vocabulary import NEIGHBOURS, country_name, normalise_country

__all__ = [
    "NEIGHBOURS",
    "are_neighbours",
    "country_code",
    "describe_location",
    "location_parts",
    "relation",
]

# Kinds whose mandate includes serving cities outside their own country.
CROSS_BORDER_KINDS: frozenset[str] = frozenset({"edih", "network"})


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
    rel, extras = location_parts(city_country, hub_country, kind, speaks_city_language)
    if rel == "eu":
        return "EU-wide (no single country)"
    if rel == "unknown":
        return f"based in {country_name(hub_country or '')} ({hub_country})"
    if rel == "same":
        return f"same country ({hub_country})"
    text = f"{'neighbouring' if rel == 'neighbour' else 'different'} country ({hub_country})"
    said = {"cross_border": "cross-border services offered", "language": "works in your language"}
    return ", ".join([text, *(said[extra] for extra in extras)])


def location_parts(
    city_country: str | None,
    hub_country: str | None,
    kind: str = "other",
    speaks_city_language: bool = False,
) -> tuple[str, tuple[str, ...]]:
    """What ``describe_location`` says, as parts (the app's pages word them in the reader's
    language): the relation, and for a hub abroad ``cross_border`` and ``language`` when they
    apply."""
    rel = relation(city_country, hub_country)
    if rel not in ("neighbour", "other"):
        return rel, ()
    extras = []
    if kind in CROSS_BORDER_KINDS:
        extras.append("cross_border")
    if speaks_city_language:
        extras.append("language")
    return rel, tuple(extras)


def country_code(value: str | None) -> str | None:
    """Normalise an ISO code or an English country name to an ISO code (None when EU/unknown)."""
    return normalise_country(value) if value and value.strip() else None
