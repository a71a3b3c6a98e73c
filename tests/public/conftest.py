"""Helpers for the public pages' tests: visible text of a response."""

from __future__ import annotations

import re
from html import unescape

import pytest


def visible_text(response) -> str:
    """Return the page's text as a person reads it: tags dropped, whitespace collapsed."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def text():
    """The ``visible_text`` helper as a fixture."""
    return visible_text
