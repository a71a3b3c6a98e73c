"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from catalogue.extensions import db
from catalogue.models import Base


def test_migrated_schema_matches_the_models(app):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
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
