"""The NGSI-LD import: key-values or normalized entities turned into an interchange document."""

from __future__ import annotations

from typing import Any

from catalogue import vocabularies
from catalogue.errors import ValidationError
from catalogue.services.ngsi_ld.export import HUB, SERVICE, compact

NGSI_WRAPPERS = {"Property", "GeoProperty", "Relationship", "LanguageProperty", "ListProperty"}
# Words that tell a free-text service category which EDIH family it belongs to.
FAMILY_HINTS: tuple[tuple[str, str], ...] = (
    ("test", "test_before_invest"),
    ("skill", "skills_training"),
    ("training", "skills_training"),
    ("invest", "investment_support"),
    ("fund", "investment_support"),
    ("financ", "investment_support"),
    ("ecosystem", "ecosystem_networking"),
    ("network", "ecosystem_networking"),
)


# Interchange keys and the entity attributes they come from, to name attributes in errors.
ATTRIBUTE_OF: dict[str, str] = {
    "ref": "id",
    "name": "title",
    "title": "title",
    "kind": "kind",
    "description": "description",
    "country": "address.addressCountry",
    "region": "address.addressRegion",
    "city": "address.addressLocality",
    "website": "website",
    "email": "contactPoint.email",
    "languages": "contactPoint.availableLanguage",
    "technologies": "competences",
    "sectors": "domain",
    "location": "location",
    "source": "source",
    "family": "category",
    "audiences": "target",
    "url": "url",
    "price": "price",
    "delivery": "delivery",
}


def unwrap(value: Any) -> Any:
    """Turn a normalized attribute (``{"type": "Property", "value": ...}``) into its value."""
    if isinstance(value, dict):
        if value.get("type") in NGSI_WRAPPERS:
            if "object" in value:
                return unwrap(value["object"])
            if "languageMap" in value:
                languages = value["languageMap"] or {}
                return languages.get("en") or next(iter(languages.values()), None)
            return unwrap(value.get("value"))
        if set(value) <= {"type", "value", "@type", "@value"} and (
            "value" in value or "@value" in value
        ):
            return unwrap(value.get("value", value.get("@value")))
    if isinstance(value, list):
        return [unwrap(item) for item in value]
    return value


def key_values(entity: dict[str, Any]) -> dict[str, Any]:
    """Return an entity in key-values form, whichever form it came in."""
    return {key: unwrap(value) for key, value in entity.items() if key != "@context"}


class _Reader:
    """Reads typed attributes of one key-values entity; problems name entity and attribute."""

    def __init__(self, entity: dict[str, Any], path: str, problems: dict[str, str]) -> None:
        self.entity, self.path, self.problems = entity, path, problems

    def fail(self, attribute: str, problem: str) -> None:
        """Record a problem of one attribute."""
        self.problems[f"{self.path}.{attribute}"] = problem

    def text(self, attribute: str, within: dict[str, Any] | None = None) -> str | None:
        """Return a text attribute (``None`` when absent)."""
        value = (self.entity if within is None else within).get(attribute)
        if value is None or isinstance(value, str):
            return value
        self.fail(attribute, f"expected text, got {type(value).__name__}")
        return None

    def texts(self, attribute: str, within: dict[str, Any] | None = None) -> list[str]:
        """Return a list-of-text attribute; a single text counts as a list of one."""
        value = (self.entity if within is None else within).get(attribute)
        if value is None:
            return []
        values = [value] if isinstance(value, str) else value
        if isinstance(values, list) and all(isinstance(item, str) for item in values):
            return values
        self.fail(attribute, "expected a list of texts")
        return []

    def obj(self, attribute: str) -> dict[str, Any]:
        """Return an object attribute (empty when absent)."""
        value = self.entity.get(attribute)
        if value is None or isinstance(value, dict):
            return value or {}
        self.fail(attribute, "expected an object")
        return {}

    def ids(self, attribute: str) -> list[str]:
        """Return the ids an attribute refers to (``["urn..."]`` or ``[{"id": "urn..."}]``)."""
        value = self.entity.get(attribute)
        items = value if isinstance(value, list) else [] if value is None else [value]
        found = [item.get("id") if isinstance(item, dict) else item for item in items]
        if not all(isinstance(item, str) for item in found):
            self.fail(attribute, "expected entity ids")
            return []
        return found


def _ref(reader: _Reader, entity_type: str) -> str | None:
    raw = reader.entity.get("id")
    if not isinstance(raw, str) or not raw:
        reader.fail("id", "missing (required)")
        return None
    return raw.removeprefix(f"urn:ngsi-ld:{entity_type}:")


def _organisation(reader: _Reader) -> dict[str, Any]:
    address, contact = reader.obj("address"), reader.obj("contactPoint")
    fields = {
        "ref": _ref(reader, HUB),
        "name": reader.text("title") or reader.text("name"),
        "kind": reader.text("kind") or "dih",
        "description": reader.text("description"),
        "country": reader.text("addressCountry", address),
        "region": reader.text("addressRegion", address),
        "city": reader.text("addressLocality", address),
        "website": reader.text("website"),
        "email": reader.text("email", contact) or reader.text("email"),
        "languages": reader.texts("availableLanguage", contact),
        "technologies": reader.texts("competences"),
        "sectors": reader.texts("domain"),
        "location": _location(reader),
        "source": _source(reader),
    }
    if not fields["name"]:
        reader.fail("title", "missing: a hub needs a title or a name")
    return compact(fields)


def _location(reader: _Reader) -> dict[str, float] | None:
    location = reader.obj("location")
    if not location:
        return None
    coordinates = location.get("coordinates")
    numbers = isinstance(coordinates, list) and len(coordinates) >= 2
    if location.get("type") != "Point" or not numbers:
        reader.fail("location", "expected a GeoJSON Point [longitude, latitude]")
        return None
    return {"lat": coordinates[1], "lon": coordinates[0]}


def _source(reader: _Reader) -> dict[str, str] | None:
    url, name = reader.text("source"), reader.text("dataProvider")
    source = {
        "name": name or url,
        "url": url,
        "retrieved": reader.text("sourceRetrieved"),
        "updated": reader.text("sourceUpdated"),
    }
    return compact(source) if source["name"] else None


def _family(reader: _Reader) -> str | None:
    category = (reader.text("category") or "").strip()
    folded = category.casefold()
    for code, label in vocabularies.SERVICE_FAMILIES.items():
        if folded in (code, label.casefold()):
            return code
    for hint, code in FAMILY_HINTS:
        if hint in folded:
            return code
    reader.fail("category", f"{category[:60]!r} names none of the four EDIH service families")
    return None


def _service(reader: _Reader) -> dict[str, Any]:
    audiences = {label.casefold(): code for code, label in vocabularies.AUDIENCES.items()}
    contacts = reader.entity.get("contacts") or []
    points = [c.get("contactPoint") or {} for c in contacts if isinstance(c, dict)]
    languages = [lang for point in points for lang in reader.texts("availableLanguage", point)]
    fields = {
        "ref": _ref(reader, SERVICE),
        "title": reader.text("title") or reader.text("name"),
        "family": _family(reader),
        "description": reader.text("description"),
        "technologies": reader.texts("competences"),
        "sectors": reader.texts("domain"),
        "audiences": [audiences.get(t.casefold(), t) for t in reader.texts("target")],
        "languages": list(dict.fromkeys(languages)),
        "url": reader.text("url"),
        "price": reader.text("price"),
        "delivery": reader.text("delivery"),
    }
    if not fields["title"]:
        reader.fail("title", "missing: a service needs a title or a name")
    return compact(fields)


def _entity_type(entity: dict[str, Any]) -> str:
    value = entity.get("type")
    return value.rsplit("/", 1)[-1] if isinstance(value, str) else repr(value)


Origins = dict[str, str]
"""Maps each interchange record path (``organisations[0].services[1]``) to its ``entities[i]``."""


def _as_list(entities: Any) -> list[Any]:
    if isinstance(entities, dict):
        return entities["@graph"] if isinstance(entities.get("@graph"), list) else [entities]
    if isinstance(entities, list):
        return entities
    raise ValidationError(
        "An NGSI-LD file holds a list of entities.", {"entities": "expected a list of entities"}
    )


def convert_entities(entities: Any) -> tuple[dict[str, Any], Origins]:
    """Turn entities into an interchange document and tell which entity each record came from."""
    problems: dict[str, str] = {}
    hubs: dict[str, tuple[int, dict[str, Any], list[str]]] = {}
    services: list[tuple[int, dict[str, Any], list[str]]] = []
    for index, raw in enumerate(_as_list(entities)):
        path = f"entities[{index}]"
        if not isinstance(raw, dict):
            problems[path] = "expected an object"
            continue
        reader = _Reader(key_values(raw), path, problems)
        entity_type = _entity_type(reader.entity)
        if entity_type == HUB:
            hubs[str(reader.entity.get("id"))] = (
                index,
                _organisation(reader),
                reader.ids("relation"),
            )
        elif entity_type == SERVICE:
            services.append((index, _service(reader), reader.ids("owner")))
        else:
            reader.fail("type", f"unsupported type {entity_type[:80]}; expected {HUB} or {SERVICE}")
    origins = _attach_services(hubs, services, problems)
    if problems:
        raise ValidationError(_summary(problems), fields=problems)
    organisations = [organisation for _, organisation, _ in hubs.values()]
    return {"format": "dih-catalogue", "version": 1, "organisations": organisations}, origins


def _attach_services(hubs: dict, services: list, problems: dict[str, str]) -> Origins:
    """Nest each service in the hub that owns it (its ``owner``, or a hub's ``relation``)."""
    listed = {sid: hub_id for hub_id, (_, _, related) in hubs.items() for sid in related}
    origins: Origins = {}
    for position, (hub_index, _, _) in enumerate(hubs.values()):
        origins[f"organisations[{position}]"] = f"entities[{hub_index}]"
    positions = {hub_id: position for position, hub_id in enumerate(hubs)}
    for index, service, owners in services:
        service_id = f"urn:ngsi-ld:{SERVICE}:{service.get('ref')}"
        hub_id = next((owner for owner in owners if owner in hubs), listed.get(service_id))
        if hub_id is None:
            problems[f"entities[{index}].owner"] = (
                "names no DigitalInnovationHub of this file; a service needs its hub"
            )
            continue
        organisation = hubs[hub_id][1]
        organisation.setdefault("services", []).append(service)
        path = f"organisations[{positions[hub_id]}].services[{len(organisation['services']) - 1}]"
        origins[path] = f"entities[{index}]"
    return origins


def _summary(problems: dict[str, str]) -> str:
    return f"The NGSI-LD entities could not be read: {len(problems)} problem(s)."


def entities_to_document(entities: Any) -> dict[str, Any]:
    """Turn NGSI-LD entities (key-values or normalized) into an interchange document.

    Raises ``ValidationError`` whose fields name the entity index and attribute,
    e.g. ``entities[3].category``.
    """
    return convert_entities(entities)[0]


def entity_path(path: str, origins: Origins) -> str:
    """Name the entity and attribute behind an interchange error path, keeping the path itself."""
    record = max((p for p in origins if path == p or path.startswith(p + ".")), key=len, default="")
    if not record:
        return path
    key = path[len(record) :].lstrip(".").split(".", 1)[0].split("[", 1)[0]
    attribute = ATTRIBUTE_OF.get(key, key)
    where = f"{origins[record]}.{attribute}" if attribute else origins[record]
    return f"{where} ({path})"
