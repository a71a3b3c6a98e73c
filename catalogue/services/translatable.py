"""A marker for the words a service hands to the pages, so that translators get them.

Services import no flask, so they cannot translate; they mark a label with ``N_`` (a keyword
``pybabel extract`` knows) and the web layer translates it where it is shown
(``lazy_gettext(label)`` in a form or a template global).
"""

from __future__ import annotations

from matching.wording import N_  # the one marker: the library marks its own labels with it

__all__ = ["N_"]
