"""The words services hand to people (mails, labels), marked for translation without flask.

Services import no flask, so they cannot look up the reader's language themselves. They call
``gettext``/``ngettext`` from here, which use the translation functions the web layer installs
(``catalogue/service_words.py``: Flask-Babel's, in the language of the request) and leave the
English as written when none is installed (the matching library, scripts). Labels defined at
import time are only marked, with ``N_``, and translated where they are shown.
``Nn_`` marks a sentence with a plural. ``pybabel extract`` finds them all by their names.
``in_language`` words a mail for someone other than the reader (a hub, a city official).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from matching.wording import N_  # the one marker: the library marks its own labels with it

Gettext = Callable[..., str]


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext's marker style
    """Mark a sentence with a singular and a plural form for translation, as ``N_`` does one;
    the page picks the form by its ``num`` value (``errors.page_message``)."""
    return singular, plural


def _english(message: str, /, **values: Any) -> str:
    return message % values if values else message


def _english_plural(singular: str, plural: str, num: int, /, **values: Any) -> str:
    values.setdefault("num", num)
    return (singular if num == 1 else plural) % values


@contextmanager
def _as_written(languages: Iterable[str | None]) -> Iterator[None]:
    yield


LanguageSwitch = Callable[[Iterable[str | None]], AbstractContextManager[None]]
_translate: dict[str, Callable[..., Any]] = {
    "gettext": _english,
    "ngettext": _english_plural,
    "in_language": _as_written,
}


def install(
    gettext_function: Gettext, ngettext_function: Gettext, in_language_function: LanguageSwitch
) -> None:
    """Use these functions (with Flask-Babel's signatures) for every later call."""
    _translate.update(
        gettext=gettext_function, ngettext=ngettext_function, in_language=in_language_function
    )


def gettext(message: str, /, **values: Any) -> str:
    """``message`` in the reader's language, its ``%(name)s`` placeholders from ``values``."""
    return _translate["gettext"](message, **values)


def ngettext(singular: str, plural: str, num: int, /, **values: Any) -> str:
    """The singular or plural form for ``num`` (``%(num)s``) in the reader's language."""
    return _translate["ngettext"](singular, plural, num, **values)


def in_language(languages: Iterable[str | None]) -> AbstractContextManager[None]:
    """Word what is written inside ``with`` in the first of ``languages`` the platform speaks
    (else English) rather than the reader's: a mail to someone other than the reader."""
    return _translate["in_language"](languages)


__all__ = ["N_", "gettext", "in_language", "install", "ngettext"]
