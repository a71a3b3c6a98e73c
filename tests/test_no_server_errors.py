"""Every route of the URL map, with hostile text in each path variable and query parameter, on
the suite's database (SQLite, or PostgreSQL with TEST_DATABASE_URL): never a server error."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from werkzeug.routing import Rule

from catalogue import create_app
from catalogue.api.docs_views import API_BASE, current_document
from catalogue.services import browse, practices

# Percent-encoded as a client would send them; several are not valid UTF-8 on purpose.
HOSTILE = {
    "NUL": "%00",
    "10,000 characters": "x" * 10_000,
    "lone surrogate": "%ED%A0%80",
    "right-to-left override": "%E2%80%AE",
    "combining marks": "e%CC%81%CC%81%CC%81%CC%81",
    "invalid UTF-8": "%FF%FE%C0%AF",
    "huge number": "9" * 400,
    "negative number": "-1",
}
# Every record gets the slug and ref "x1", so a hostile value appended to it names a real record.
EXISTING = {"filename": "css/site.css"}
VARIABLE = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
HUB_LIST_PARAMETERS = ("q", "sort", "page", *(spec.param for spec in browse.FACETS))


def _rules() -> list[Rule]:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule)


def query_parameters(app: Flask, rule: Rule) -> list[str]:
    """The query parameters a route reads: the OpenAPI document's, or the hub list's."""
    if rule.endpoint == "public.list_hubs":
        return list(HUB_LIST_PARAMETERS)
    if rule.endpoint == "practices.list_practices":
        return ["q", "page", *practices.TITLES]
    if not rule.rule.startswith(API_BASE):
        return []
    with app.test_request_context():
        document = current_document()
    path = VARIABLE.sub(r"{\1}", rule.rule.removeprefix(API_BASE))
    parameters = []
    for operation in document["paths"].get(path, {}).values():
        for parameter in operation.get("parameters", []):
            if "$ref" in parameter:
                parameter = document["components"]["parameters"][parameter["$ref"].split("/")[-1]]
            if parameter["in"] == "query":
                parameters.append(parameter["name"])
    return parameters


def fill(rule: Rule, value: str) -> str:
    """The rule's path with ``value`` appended to an existing record's slug in each variable."""
    return VARIABLE.sub(lambda m: EXISTING.get(m.group(1), "x1") + value, rule.rule)


@pytest.fixture
def records(build):
    """One published record of each kind, all with slug and ref ``x1``."""
    hub = build.organisation(ref="x1", slug="x1", name="Hub x1")
    build.service(hub, ref="x1", slug="x1")
    build.practice([hub], ref="x1", slug="x1")
    build.event(ref="x1", slug="x1")


def path_variables(rule: Rule) -> set[str]:
    """The variables in the rule's path (``/workshop/`` gives its ``slug`` a default instead)."""
    return rule.arguments - set(rule.defaults or {})


def _requests(app: Flask, rule: Rule) -> list[tuple[str, str, int | None]]:
    """(label, url, expected status or None) for every hostile value in every variable."""
    found = []
    for label, value in HOSTILE.items():
        nul = label == "NUL"
        if path_variables(rule):
            found.append((f"path {label}", fill(rule, value), 404 if nul else None))
        for name in query_parameters(app, rule):
            url = f"{fill(rule, '')}?{name}={value}"
            found.append((f"{name} {label}", url, 400 if nul else None))
    return found


@pytest.mark.parametrize("rule", _rules(), ids=lambda rule: f"{rule.rule} {rule.endpoint}")
def test_no_route_answers_a_server_error_to_hostile_text(app, client, records, rule):
    requests = _requests(app, rule)
    assert requests or not path_variables(rule), "a route with variables must be probed"
    problems = []
    for method in sorted(rule.methods - {"OPTIONS"}):
        for label, url, expected in requests or [("plain", fill(rule, ""), None)]:
            status = client.open(url, method=method).status_code
            if status >= 500 or (expected and status != expected):
                problems.append(f"{method} {label}: {status} (expected {expected or 'no 5xx'})")
    assert not problems, "\n".join(problems)
