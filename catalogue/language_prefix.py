"""The ``/<lang>/`` path prefix: a shared link names its language, and every link it leads to too.

A WSGI middleware moves a leading ``/de`` from ``PATH_INFO`` to ``SCRIPT_NAME``: the routes never
see it, and ``url_for()`` builds every link of the page under ``/de/`` again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

# Where the middleware leaves what it found, for the locale selector (catalogue/i18n.py).
PATH_LANGUAGE = "catalogue.path_language"
# The script root the site has without the language prefix (links to the other languages).
BASE_SCRIPT_NAME = "catalogue.base_script_name"


class LanguagePrefix:
    """Strip a leading ``/<lang>`` segment of a shipped language and remember it in the environ."""

    def __init__(self, app: Callable, languages: Iterable[str]) -> None:
        self.app = app
        self.languages = frozenset(languages)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        script_name = environ.get("SCRIPT_NAME", "")
        environ[BASE_SCRIPT_NAME] = script_name
        path = environ.get("PATH_INFO", "")
        first, slash, rest = path.removeprefix("/").partition("/")
        if first in self.languages and path.startswith("/"):
            environ["SCRIPT_NAME"] = f"{script_name}/{first}"
            environ["PATH_INFO"] = slash + rest if slash else "/"
            environ[PATH_LANGUAGE] = first
        return self.app(environ, start_response)
