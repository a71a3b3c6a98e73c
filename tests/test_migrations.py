"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from catalogue.extensions import db
from catalogue.models import Base
from catalogue.models.search import described_by_models


# SQLite reflects no expression-based index (the sort indexes on lower(name) and lower(title));
# PostgreSQL compares them.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrated_schema_matches_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": described_by_models})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_every_catalogue_write_bumps_the_revision(app, build):
    from catalogue.models import current_revision

    before = current_revision(db.session)
    organisation = build.organisation()
    after_create = current_revision(db.session)
    organisation.name = "Renamed hub"
    db.session.commit()
    assert before < after_create < current_revision(db.session)


def test_a_stale_version_is_refused(app, build):
    from sqlalchemy import update
    from sqlalchemy.orm.exc import StaleDataError

    from catalogue.models import Organisation

    organisation = build.organisation()
    with db.engine.begin() as connection:
        connection.execute(
            update(Organisation).where(Organisation.id == organisation.id).values(version=99)
        )
    organisation.name = "Edited from a stale form"
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
    else:
        raise AssertionError("a write based on a stale version went through")


def test_the_search_migration_indexes_existing_hubs_and_goes_back_down(scratch_database_url):
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from catalogue import create_app
    from catalogue.models import Organisation, Service, Tag
    from catalogue.models.search import ORGANISATIONS
    from catalogue.models.tags import organisation_tags
    from catalogue.services.search import matching_ids, parse_search

    before = "0261b7a98e3e"
    scratch = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": scratch_database_url})
    with scratch.app_context():
        upgrade(revision=before)
        with db.engine.begin() as connection:  # rows as an existing database holds them
            hub = {"kind": "dih", "status": "published", "version": 1, "description": ""}
            connection.execute(
                sa.insert(Organisation.__table__),
                [
                    hub | {"id": 1, "ref": "h", "slug": "h", "name": "Sines Hub", "country": "PT"},
                    hub
                    | {"id": 2, "ref": "o", "slug": "o", "name": "Aalborg Lab", "country": None},
                ],
            )
            connection.execute(
                sa.insert(Tag.__table__),
                {"id": 1, "vocabulary": "technology", "label": "Robotics", "controlled": True},
            )
            connection.execute(sa.insert(organisation_tags), {"organisation_id": 1, "tag_id": 1})
            service = {"organisation_id": 1, "family": "skills_training", "position": 0}
            service |= {"description": "", "status": "published", "version": 1}
            connection.execute(
                sa.insert(Service.__table__),
                [
                    service | {"ref": "s1", "slug": "s1", "title": "Welding course"},
                    service | {"ref": "s2", "slug": "s2", "title": "Hidden", "status": "draft"},
                ],
            )
        upgrade()

        def found(words: str) -> set[int]:
            return set(
                db.session.scalars(matching_ids(db.session, ORGANISATIONS, parse_search(words)))
            )

        assert found("sines") == {1} and found("portugal") == {1} and found("robotics") == {1}
        assert found("welding") == {1} and found("hidden") == set() and found("aalborg") == {2}
        db.session.remove()
        downgrade(revision=before)
        tables = sa.inspect(db.engine).get_table_names()
        assert not [name for name in tables if name.startswith("organisation_search")]
        assert "organisations" in tables
        db.engine.dispose()


def test_upgrading_an_existing_database_keeps_every_row(scratch_database_url):
    """A batch rebuild of a table on SQLite must not cascade-delete the rows that refer to it."""
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from catalogue import create_app
    from catalogue.models import Organisation, Service, Tag
    from catalogue.models.tags import organisation_tags

    scratch = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": scratch_database_url})
    with scratch.app_context():
        upgrade(revision="0261b7a98e3e")
        with db.engine.begin() as connection:
            hub = {"id": 1, "ref": "h", "slug": "h", "name": "Hub", "kind": "dih"}
            hub |= {"status": "published", "version": 1, "description": ""}
            connection.execute(sa.insert(Organisation.__table__), hub)
            connection.execute(
                sa.insert(Tag.__table__),
                {"id": 1, "vocabulary": "technology", "label": "Robotics", "controlled": True},
            )
            connection.execute(sa.insert(organisation_tags), {"organisation_id": 1, "tag_id": 1})
            service = {"id": 1, "ref": "s", "slug": "s", "title": "Course", "organisation_id": 1}
            service |= {"family": "skills_training", "position": 0, "status": "published"}
            connection.execute(sa.insert(Service.__table__), service | {"version": 1})
        upgrade()
        with db.engine.connect() as connection:
            counts = {
                table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
                for table in (Organisation.__table__, Service.__table__, organisation_tags)
            }
        db.engine.dispose()
    assert counts == {"organisations": 1, "services": 1, "organisation_tags": 1}


def test_the_practice_search_migration_indexes_existing_practices_and_goes_back_down(
    scratch_database_url,
):
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from catalogue import create_app
    from catalogue.models import Practice, Tag
    from catalogue.models.search import PRACTICES
    from catalogue.models.tags import practice_tags
    from catalogue.services.search import matching_ids, parse_search

    before = "38d16da4425b"
    scratch = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": scratch_database_url})
    with scratch.app_context():
        upgrade(revision=before)
        with db.engine.begin() as connection:  # rows as an existing database holds them
            case = {"status": "published", "version": 1, "summary": "", "extra": {}}
            case |= {"country": None, "deployment_status": None, "lead_organisation": None}
            connection.execute(
                sa.insert(Practice.__table__),
                [
                    case
                    | {"id": 1, "ref": "p1", "slug": "p1", "title": "Luftqualität in Köln"}
                    | {"country": "DE", "deployment_status": "pilot", "summary": "Sensors."},
                    case
                    | {"id": 2, "ref": "p2", "slug": "p2", "title": "Diploma ledger"}
                    | {"lead_organisation": "Ministry of Education"},
                ],
            )
            connection.execute(
                sa.insert(Tag.__table__),
                {"id": 1, "vocabulary": "technology", "label": "Blockchain", "controlled": True},
            )
            connection.execute(sa.insert(practice_tags), {"practice_id": 2, "tag_id": 1})
        upgrade()

        def found(words: str) -> set[int]:
            terms = parse_search(words)
            return set(db.session.scalars(matching_ids(db.session, PRACTICES, terms)))

        assert found("koln") == {1} and found("germany") == {1} and found("pilot") == {1}
        assert found("sensor") == {1} and found("blockchain") == {2}
        assert found("ministry education") == {2} and found("ledger") == {2}
        db.session.remove()
        downgrade(revision=before)
        tables = sa.inspect(db.engine).get_table_names()
        assert not [name for name in tables if name.startswith("practice_search")]
        assert "practices" in tables and "organisation_search" in tables
        db.engine.dispose()
