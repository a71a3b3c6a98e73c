"""Every word a person reads in a template is marked for translation (issue #11)."""

from __future__ import annotations

import jinja2
import pytest

from catalogue.config import TEMPLATES_DIR
from tests.i18n.template_strings import unmarked_strings

TEMPLATES = sorted(
    path.relative_to(TEMPLATES_DIR).as_posix() for path in TEMPLATES_DIR.rglob("*.html")
)

# Names that are the same in every language, each with the reason it is left as it is.
NAMES_KEPT = {
    "Hubs for Cities": "the product's name, the same in every language (brand, page titles)",
}

# String literals of templates that read as words but are no text of the page, with the reason.
# (The explanations' English rewrites are gone: catalogue/explanations.py words each case.)
LITERALS_KEPT: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    """A Jinja environment with the i18n extension, to lex the templates as the app does."""
    return jinja2.Environment(extensions=["jinja2.ext.i18n"])


def unmarked_in(env: jinja2.Environment, name: str, source: str | None = None) -> list[str]:
    """The unmarked strings of one template, less the names and literals kept on purpose."""
    if source is None:
        source = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    found = unmarked_strings(env, source, name, names_kept=NAMES_KEPT)
    return [str(item) for item in found if (item.template, item.text) not in LITERALS_KEPT]


def test_the_templates_are_found():
    assert len(TEMPLATES) >= 50
    assert "base.html" in TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_string_of_the_template_is_marked_for_translation(env, name):
    assert unmarked_in(env, name) == [], (
        "Mark these with {{ _('...') }} or {% trans %}...{% endtrans %} (see README, i18n):"
    )


@pytest.mark.parametrize(
    "source, reported",
    [
        ("<p>Hello</p>", ["Hello"]),
        ('<a href="/" title="Home page">{{ _("Home") }}</a>', ["title=Home page"]),
        ('<img src="x.png" alt="A map">', ["alt=A map"]),
        ('<input placeholder="Your city">', ["placeholder=Your city"]),
        ('<nav aria-label="Main">…</nav>', ["aria-label=Main"]),
        ('<meta name="description" content="The hubs">', ["content=The hubs"]),
        ('<input type="submit" value="Send">', ["value=Send"]),
        ("<h1>{{ hub.name }} and friends</h1>", ["and friends"]),
        ("{% block title %}Browse hubs{% endblock %}", ["Browse hubs"]),
        ("{{ place or 'Not recorded' }}", ["'Not recorded'"]),
        ('{{ breadcrumbs([("Home", "/")]) }}', ['"Home"']),
        ("{% set titles = {404: 'Page not found'} %}", ["'Page not found'"]),
        ("{{ _('Page %(n)s', n='not found') }}", []),
        ("<p>{% trans n=3 %}{{ n }} hubs{% endtrans %}</p>", []),
        (
            "{% trans count=n %}{{ count }} hub{% pluralize %}{{ count }} hubs{% endtrans %}",
            [],
        ),
        ('<p title="{{ _("Home") }}">{{ _("Home") }}</p>', []),
        ("<pre><code>curl /api/v1/hubs</code></pre>", []),
        ("{# a comment #}<p>{{ hub.name }} · {{ hub.city }}</p>", []),
        ("{{ url_for('public.list_hubs') }}<a class=\"button\" href=\"#\">{{ _('Go') }}</a>", []),
        ("<title>{% block title %}{% endblock %} | Hubs for Cities</title>", []),
    ],
)
def test_the_check_reports_unmarked_words_and_accepts_marked_ones(env, source, reported):
    found = unmarked_strings(env, source, "example.html", names_kept=NAMES_KEPT)
    assert [item.text for item in found] == reported


def test_the_check_names_the_template_and_line(env):
    source = (
        '{% extends "base.html" %}\n{% block content %}\n<h1>{{ _("Hi") }}</h1>\n<p>Left out</p>'
    )
    assert unmarked_in(env, "example.html", source) == ["example.html:4: 'Left out'"]


def test_every_kept_literal_is_still_in_its_template(env):
    """An entry of ``LITERALS_KEPT`` whose literal went away must go too."""
    for name, literal in LITERALS_KEPT:
        found = unmarked_strings(env, (TEMPLATES_DIR / name).read_text(encoding="utf-8"), name)
        assert literal in [item.text for item in found], (name, literal)
