"""The search index follows every catalogue write, and can be rebuilt from the catalogue."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text

from catalogue.extensions import db
from catalogue.models import Tag, organisation_search
from catalogue.models.search import ORGANISATIONS
from catalogue.services.search import matching_ids, parse_search


def indexed(organisation) -> dict[str, str]:
    """The organisation's row of the search index, as stored."""
    row = db.session.execute(
        select(organisation_search).where(organisation_search.c.organisation_id == organisation.id)
    ).one_or_none()
    return dict(row._mapping) if row else {}


def found(words: str) -> set[int]:
    """The ids of organisations (any status) whose indexed text matches ``words``."""
    return set(db.session.scalars(matching_ids(db.session, ORGANISATIONS, parse_search(words))))


def assert_database_index_is_consistent() -> None:
    """SQLite's FTS5 table agrees with its content table (PostgreSQL's column is generated)."""
    if db.engine.dialect.name == "sqlite":
        check = "INSERT INTO organisation_search_fts(organisation_search_fts, rank) VALUES (:c, 1)"
        db.session.execute(text(check), {"c": "integrity-check"})


@pytest.fixture
def hub(build):
    """A Portuguese living lab with tags, a published service and a draft one."""
    organisation = build.organisation(
        name="Aveiro Tech City Living Lab",
        kind="living_lab",
        country="PT",
        city="Aveiro",
        region="Centro",
        description="Open urban testbed for connected mobility.",
        technologies=["Internet of Things"],
        sectors=["Smart City"],
    )
    build.service(organisation, title="Street testbed", description="Test sensors on lampposts.")
    build.service(organisation, title="Secret plan", description="Unreleased.", status="draft")
    return organisation


def test_a_new_organisation_is_indexed_with_place_labels_and_published_services(hub):
    row = indexed(hub)
    assert row["name"] == "Aveiro Tech City Living Lab"
    assert row["labels"] == "Aveiro Centro Portugal PT Smart City Internet of Things"
    assert row["body"] == "Open urban testbed for connected mobility."
    assert row["services"] == "Street testbed Test sensors on lampposts."
    assert found("lampposts") == {hub.id}
    assert found("unreleased") == set()


def test_edits_of_the_organisation_its_services_and_tags_reach_the_index(hub, build):
    hub.name = "Aveiro Urban Platform"
    hub.tags = [build.tag("technology", "Robotics")]
    db.session.commit()
    assert found("platform") == {hub.id} and found("tech") == set()
    assert found("robotics") == {hub.id} and found("things") == set()

    published, draft = hub.services
    published.status = "draft"
    draft.status = "published"
    db.session.commit()
    assert found("lampposts") == set() and found("unreleased") == {hub.id}

    build.service(hub, title="Drone corridor", description="Fly drones over the harbour.")
    assert found("harbour drones") == {hub.id}
    db.session.delete(hub.services[-1])
    db.session.commit()
    assert found("harbour") == set()
    assert_database_index_is_consistent()


def test_a_relabelled_tag_changes_the_text_of_every_hub_carrying_it(hub, build):
    other = build.organisation(name="Porto Hub", sectors=["Smart City"])
    tag = db.session.scalar(select(Tag).where(Tag.label == "Smart City"))
    tag.label = "Smart Town"
    db.session.commit()
    assert found("town") == {hub.id, other.id}


def test_a_deleted_tag_leaves_the_text_of_every_hub_that_carried_it(hub):
    tag = db.session.scalar(select(Tag).where(Tag.label == "Smart City"))
    db.session.delete(tag)
    db.session.commit()
    assert found("smart") == set()
    assert found("things") == {hub.id}


def test_a_service_moved_to_another_organisation_leaves_the_first_one(hub, build):
    other = build.organisation(name="Porto Hub")
    service = hub.services[0]
    service.organisation = other
    db.session.commit()
    assert found("lampposts") == {other.id}


def test_a_deleted_organisation_leaves_the_index(hub):
    db.session.delete(hub)
    db.session.commit()
    assert db.session.scalar(select(organisation_search.c.organisation_id)) is None
    assert found("aveiro") == set()
    assert_database_index_is_consistent()


def test_reindex_search_command_rebuilds_a_lost_index(runner, hub, build):
    build.organisation(name="Porto Hub")
    db.session.execute(delete(organisation_search))
    db.session.commit()
    assert found("aveiro") == set()
    result = runner.invoke(args=["reindex-search"])
    assert result.exit_code == 0, result.output
    assert result.output == "search index rebuilt: 2 organisations, 0 practices\n"
    assert found("aveiro") == {hub.id} and found("lampposts") == {hub.id}
    assert_database_index_is_consistent()


def test_seeding_builds_the_index(runner):
    assert runner.invoke(args=["seed", "--no-practices"]).exit_code == 0
    total = db.session.scalar(select(text("count(*)")).select_from(organisation_search))
    assert total == 712
    assert len(found("Portugal")) == 14
    assert_database_index_is_consistent()
