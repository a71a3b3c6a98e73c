"""Interface languages: the languages offered, which one a request is read in, and the switch.

The rule, in order: a ``/<lang>/`` path prefix (a shared link), then ``?lang=`` (the switcher:
it keeps the choice in a cookie and sends the reader back to the page), then that cookie, then
the browser's ``Accept-Language``, then English. The JSON API is always English (its contract).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from babel import Locale
from flask import Flask, Response, abort, current_app, has_request_context, redirect, request
from flask_babel import Babel, refresh

from catalogue.language_prefix import PATH_LANGUAGE, LanguagePrefix
from catalogue.links import site_script_root

babel = Babel()

# The languages whose catalogue is complete, offered to readers (the switcher, negotiation,
# hreflang links). English is the source language. A translator adds a language here once
# `catalogue/translations/<code>/LC_MESSAGES/messages.po` translates every string.
SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pl")
DEFAULT_LANGUAGE = "en"
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
# The locale that formats dates and numbers of a language when it is not the language itself:
# the site writes British English ("8 February 2022", "organisation").
FORMATTING_LOCALES = {"en": "en_GB"}
QUERY_PARAMETER = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
API_PATH = "/api/"
# Pages for people under the API's path, which follow the reader's language like any page.
API_PAGES = frozenset({"api.show_api_docs"})


def catalogue_languages() -> tuple[str, ...]:
    """The languages with a catalogue in ``catalogue/translations`` (shipped or in progress):
    its ``.po`` source, or only the compiled ``.mo`` (an installed package ships those)."""
    found = {
        catalogue.parents[1].name
        for pattern in ("*/LC_MESSAGES/messages.po", "*/LC_MESSAGES/messages.mo")
        for catalogue in TRANSLATIONS_DIR.glob(pattern)
    }
    return tuple(sorted(found))


def checked_languages(configured: object) -> tuple[str, ...]:
    """The configured ``LANGUAGES``, refused unless each has a catalogue and English is one."""
    if isinstance(configured, str) or not isinstance(configured, list | tuple):
        raise RuntimeError(
            "Refusing to start: LANGUAGES must be a list of language codes, e.g. "
            f'FLASK_LANGUAGES=\'["en", "de"]\', not {configured!r}.'
        )
    available = catalogue_languages()
    unknown = [code for code in configured if code not in available]
    if unknown:
        raise RuntimeError(
            f"Refusing to start: LANGUAGES names {', '.join(map(repr, unknown))}, which has no "
            f"catalogue in catalogue/translations (there are: {', '.join(available)})."
        )
    if DEFAULT_LANGUAGE not in configured:
        raise RuntimeError(
            f"Refusing to start: LANGUAGES must include {DEFAULT_LANGUAGE!r}, the source "
            "language every other page falls back to."
        )
    return tuple(configured)


def offered_languages() -> tuple[str, ...]:
    """The languages this app offers (``LANGUAGES``; ``SHIPPED_LANGUAGES`` unless configured)."""
    return tuple(current_app.config["LANGUAGES"])


def _chosen_language() -> tuple[str, str]:
    """The request's language and where it came from: prefix, cookie, header, api."""
    if request.path.startswith(API_PATH) and request.endpoint not in API_PAGES:
        return DEFAULT_LANGUAGE, "api"
    from_path = request.environ.get(PATH_LANGUAGE)
    if from_path:
        return from_path, "prefix"
    offered = offered_languages()
    cookie = request.cookies.get(current_app.config["LANGUAGE_COOKIE_NAME"])
    if cookie in offered:
        return cookie, "cookie"
    return request.accept_languages.best_match(offered) or DEFAULT_LANGUAGE, "header"


# Where a request keeps its language once chosen (the request's, not the app context's ``g``).
CHOSEN = "catalogue.language"


def _chosen() -> tuple[str, str]:
    if CHOSEN not in request.environ:
        request.environ[CHOSEN] = _chosen_language()
    return request.environ[CHOSEN]


def current_language() -> str:
    """The ISO 639-1 code of the language this request's pages are written in."""
    return _chosen()[0]


def language_negotiated() -> bool:
    """Say whether the language came from the request's headers (cookie, Accept-Language)."""
    return _chosen()[1] in ("cookie", "header")


def select_locale() -> str:
    """Flask-Babel's locale: the request's language, formatted as ``FORMATTING_LOCALES`` say;
    English outside a request (the CLI's mails, a label read by a script)."""
    language = current_language() if has_request_context() else DEFAULT_LANGUAGE
    return FORMATTING_LOCALES.get(language, language)


def native_name(code: str) -> str:
    """A language's name in that language, capitalised as a menu item: Deutsch, Français."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class LanguageLink:
    """One language of the switcher and of the ``hreflang`` alternates, for the current page."""

    code: str
    name: str
    switch_url: str  # this page with ?lang=: sets the cookie, then back to the page
    alternate_url: str  # this page under /<code>/: the shareable link
    current: bool


def _query(language: str | None = None) -> str:
    """The request's query string without ``lang`` (with ``lang=language`` when given)."""
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != QUERY_PARAMETER]
    if language:
        pairs.append((QUERY_PARAMETER, language))
    return "?" + urlencode(pairs) if pairs else ""


def _site_root() -> str:
    """Where the site's pages start, without a language prefix: ``PUBLIC_BASE_URL`` (absolute
    links), else the request's script root (links from the root, never from a Host header)."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return str(base).rstrip("/")
    return site_script_root()


def language_links() -> list[LanguageLink]:
    """The switcher's links and the alternates of the current page, one per offered language."""
    base_path = site_script_root() + request.path
    root, language = _site_root(), current_language()
    return [
        LanguageLink(
            code=code,
            name=native_name(code),
            switch_url=base_path + _query(code),
            alternate_url=f"{root}/{code}{request.path}{_query()}",
            current=code == language,
        )
        for code in offered_languages()
    ]


def default_alternate_url() -> str:
    """The page without a language prefix (``hreflang="x-default"``): the reader's own language."""
    return _site_root() + request.path + _query()


def switch_language() -> Response | None:
    """Answer ``?lang=xx``: keep the choice in a cookie and send the reader back to the page."""
    if QUERY_PARAMETER not in request.args or request.method not in ("GET", "HEAD"):
        return None
    if request.path.startswith(API_PATH):  # the API is English; its parameters are its own
        return None
    wanted = request.args[QUERY_PARAMETER].strip().lower()
    offered = offered_languages()
    if wanted not in offered:
        abort(400, f"lang must be one of {', '.join(offered)}; {wanted[:20]!r} is not offered.")
    response = redirect(request.script_root + request.path + _query(), code=303)
    response.set_cookie(
        current_app.config["LANGUAGE_COOKIE_NAME"],
        wanted,
        max_age=COOKIE_MAX_AGE,
        path=current_app.config.get("APPLICATION_ROOT") or "/",
        secure=current_app.config["HTTPS"],
        httponly=True,
        samesite="Lax",
    )
    return response


def vary_on_language(response: Response) -> Response:
    """Tell caches that a page whose language came from the request's headers varies on them."""
    if response.mimetype == "text/html" and CHOSEN in request.environ and language_negotiated():
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


def forget_locale(error: BaseException | None = None) -> None:
    """Drop Flask-Babel's locale at the end of a request: it keeps it in ``g``, which requests
    share when they run inside one app context (tests, CLI commands rendering pages)."""
    refresh()


def init_app(app: Flask) -> None:
    """Attach Flask-Babel (``_``, ``gettext``, ``ngettext`` in templates), the language prefix,
    the switch, ``Vary`` and the template helpers.

    Called before the proxies are trusted, so that ``X-Forwarded-Prefix`` comes first in
    ``SCRIPT_NAME`` and the language after it.
    """
    app.config["LANGUAGES"] = checked_languages(app.config.get("LANGUAGES", SHIPPED_LANGUAGES))
    babel.init_app(app, locale_selector=select_locale, default_locale=DEFAULT_LANGUAGE)
    app.wsgi_app = LanguagePrefix(app.wsgi_app, app.config["LANGUAGES"])  # type: ignore[method-assign]
    app.before_request(switch_language)
    app.after_request(vary_on_language)
    app.teardown_request(forget_locale)
    app.jinja_env.globals.update(
        current_language=current_language,
        language_links=language_links,
        default_alternate_url=default_alternate_url,
    )
