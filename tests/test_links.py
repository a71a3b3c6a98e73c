"""Absolute links: the public base address, and links mailed to another reader in no language."""

from __future__ import annotations

from flask import Flask

from catalogue import create_app
from catalogue.language_prefix import BASE_SCRIPT_NAME
from catalogue.links import external_url, shared_url


def italian_page(app: Flask):
    """A request for an Italian page of a site mounted under /catalogue on hubs.example.eu."""
    return app.test_request_context(
        "/hubs/",
        base_url="https://hubs.example.eu/catalogue/it/",
        environ_base={BASE_SCRIPT_NAME: "/catalogue"},
    )


def test_a_shared_link_drops_the_language_of_the_page_that_built_it() -> None:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with italian_page(app):
        assert external_url("public.list_hubs") == "https://hubs.example.eu/catalogue/it/hubs/"
        assert shared_url("public.list_hubs") == "https://hubs.example.eu/catalogue/hubs/"


def test_with_a_public_base_address_both_links_start_with_it() -> None:
    app = create_app({
        "TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://",
        "PUBLIC_BASE_URL": "https://public.example.eu/dih",
    })  # fmt: skip
    with italian_page(app):
        assert external_url("public.list_hubs") == "https://public.example.eu/dih/hubs/"
        assert shared_url("public.list_hubs") == "https://public.example.eu/dih/hubs/"
