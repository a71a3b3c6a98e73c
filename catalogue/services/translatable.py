"""A marker for the words a service hands to the pages, so that translators get them.

Services import no flask, so they cannot translate; they mark a label with ``N_`` (a keyword
``pybabel extract`` knows) and the web layer translates it where it is shown
(``lazy_gettext(label)`` in a form or a template global).
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - the name pybabel's extractor looks for
    """Return ``text`` unchanged: it is extracted for translation and translated when shown."""
    return text
