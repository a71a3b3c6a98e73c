"""The managers' completeness hints: a missing family's hint gives the share of saved needs."""

from __future__ import annotations

import secrets

from catalogue.extensions import db
from catalogue.models import Need
from catalogue.services import completeness
from tests.public.conftest import visible_text


def saved_needs(count: int, families: list[str], hidden: bool = False) -> None:
    """``count`` saved needs asking for ``families``, as the needs form stores them."""
    for _ in range(count):
        db.session.add(
            Need(
                token_hash=secrets.token_hex(32),
                public_ref=secrets.token_hex(8),
                text="Sensors for air quality in the old town",
                families=families,
                detected_language="en",
                email="official@city.example.eu",
                hidden=hidden,
            )
        )
    db.session.commit()


def test_a_missing_familys_hint_gives_the_share_of_needs_asking_for_it(client, build, accounts):
    hub = build.organisation(name="Air Lab")
    build.service(hub, family="skills_training")
    accounts.manager(hub)
    saved_needs(8, ["test_before_invest", "skills_training"])
    saved_needs(2, ["test_before_invest"])
    saved_needs(10, [])
    saved_needs(5, ["investment_support"], hidden=True)  # hidden as abuse: not counted
    page = visible_text(client.get(f"/manage/{hub.slug}/"))
    assert "Add a “Test before invest” service if you offer one: 50 % of the needs" in page
    assert "Add a “Support to find investments” service if you offer one: 0 % of" in page
    assert "“Skills and training” service if you offer one" not in page  # it offers one


def test_with_few_saved_needs_the_hint_gives_no_share(client, build, accounts):
    hub = build.organisation(name="Air Lab")
    accounts.manager(hub)
    saved_needs(completeness.MIN_NEEDS_FOR_SHARES - 1, ["test_before_invest"])
    page = visible_text(client.get(f"/manage/{hub.slug}/"))
    assert "Add a “Test before invest” service if you offer one: cities can ask" in page
    assert "% of the needs" not in page
