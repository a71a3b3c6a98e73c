"""Browser tests: the real seed served from a thread, Debian's Chromium driven by Playwright.

Run with ``pytest -m browser tests/browser``; the default run leaves them out with
``-m "not browser"``. Nothing here skips: a missing Chromium or seed is an error.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import select
from werkzeug.serving import make_server

from catalogue import create_app
from catalogue.config import PRACTICES_SEED_DIR, REPOSITORY_ROOT, SEED_DIR
from catalogue.extensions import db, practice_index_holder
from catalogue.i18n import catalogue_languages
from catalogue.models import Event, Organisation, Practice, Service
from catalogue.services.seeding import seed_catalogue

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = REPOSITORY_ROOT / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def seeded_app(tmp_path_factory):
    """A production-like app (TESTING off, real secret) on a SQLite file holding the real seed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'catalogue.sqlite'}"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": secrets.token_hex(32),
            "TRUSTED_HOSTS": ["127.0.0.1"],
            # One browser makes many quick requests from one address; the limit is not under test.
            "RATELIMIT_ENABLED": False,
            # Every interface language with a catalogue, shipped or not yet: the switcher at its
            # longest, and the pages in each language (tests/browser/test_languages.py).
            "LANGUAGES": catalogue_languages(),
        }
    )
    with app.app_context():
        upgrade()
        seed_catalogue(db.session, SEED_DIR)
        seed_catalogue(db.session, PRACTICES_SEED_DIR)
        db.session.commit()
    with app.test_request_context():  # fit the practice index now, not in a page's 30 s
        practice_index_holder().index(db.session)
        db.session.remove()
    return app


@pytest.fixture(scope="session")
def live_server(seeded_app) -> Iterator[str]:
    """Serve the app on 127.0.0.1 on a free port from a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, seeded_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    """Point pytest-playwright's pages at the live server."""
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium with the flags from recipes.md (never `playwright install`)."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def seed_paths(seeded_app) -> dict[str, str]:
    """Addresses of representative seeded records (a workshop presenter with services).

    The hub is Cap Digital's JRC record, whose page also shows its workshop profile; the service
    is one of that profile's.
    """
    with seeded_app.app_context():
        hub = db.session.scalar(select(Organisation).where(Organisation.ref == "jrc-4938"))
        profile = db.session.scalar(
            select(Organisation).where(Organisation.ref == "ws2020-cap-digital")
        )
        unsure = db.session.scalar(select(Organisation).where(Organisation.ref == "ws2020-improve"))
        service = db.session.scalar(
            select(Service).where(Service.organisation_id == profile.id).order_by(Service.position)
        )
        practice = db.session.scalar(select(Practice).order_by(Practice.ref))
        event = db.session.scalar(select(Event).order_by(Event.ref))
        library_practice = db.session.scalar(
            select(Practice).where(Practice.ref == "ipso-2021-10001")
        )
        paths = {
            "home": "/",
            "hubs-filtered": "/hubs/?country=FR&country=ES&sector=Public+administration&page=2",
            "hubs-search": "/hubs/?q=smart+city+sensors&kind=dih",
            "hub": f"/hubs/{hub.slug}",
            "hub-not-verified": f"/hubs/{unsure.slug}",
            "service": f"/services/{service.slug}",
            "workshop": "/workshop/",
            "talk": f"/workshop/{event.slug}/talks/6",
            "practices": "/practices/?technology=Artificial+Intelligence+%26+Decision+support",
            "practices-search": "/practices/?q=traffic&level=local",
            "library-practice": f"/practices/{library_practice.slug}",
            "map": "/explore/map",
            "map-practices": "/explore/map?show=practices",
            "practice": f"/practices/{practice.slug}",
            "about": "/about/",
            "accessibility": "/accessibility/",
            "needs": "/needs/",
            "meeting-request": f"/needs/?meet={hub.slug}&text=After+the+talk",
            "map-needs": "/explore/map?show=needs",
            "api-docs": "/api/v1/",
            "not-found": "/hubs/no-such-hub",
        }
        db.session.remove()
    return paths


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    """Where screenshots go (``test-artifacts/screenshots/``, ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
