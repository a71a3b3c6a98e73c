"""The seed catalogue as the running app sees it, for tools that work on it outside a server.

This is the one way the matching tools (evaluation, tuning, the development set's grading aid,
the vector build) and the matching tests read ``seed_data/``: through the app's own import, with
its validation, so they cannot read the interchange format differently from the app.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalogue.config import SEED_DIR
from matching import OrganisationRecord


@dataclass(frozen=True)
class SeedCatalogue:
    """The seed's organisations, read through the app's import.

    ``records``: what production ranks, one per listed organisation, its duplicate records merged
    in. ``own_records``: every published record alone, as its source describes it (the
    development set grades these). ``listed_as``: each merged duplicate's ref, to the ref of the
    organisation it is listed as.
    """

    records: tuple[OrganisationRecord, ...]
    own_records: tuple[OrganisationRecord, ...]
    listed_as: dict[str, str]


@cache
def seeded_catalogue(seed_dir: Path = SEED_DIR) -> SeedCatalogue:
    """Import the seed into a throwaway SQLite database (the real migrations) and read it back.

    Cached per process and seed folder: the seed files do not change while a tool runs.
    """
    from flask_migrate import upgrade
    from sqlalchemy import select

    from catalogue import create_app
    from catalogue.extensions import db
    from catalogue.models import Organisation
    from catalogue.services import duplicates, seeding
    from catalogue.services.hub_matching import organisation_record, published_records
    from catalogue.services.visibility import keep_public

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'seed.sqlite'}"
        app = create_app(
            {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "MATCH_EMBEDDING": False}
        )
        with app.app_context():
            upgrade()
            seeding.seed_catalogue(db.session, Path(seed_dir))
            db.session.commit()
            every = keep_public(db.session.scalars(select(Organisation).order_by(Organisation.ref)))
            catalogue = SeedCatalogue(
                records=tuple(published_records(db.session)),
                own_records=tuple(organisation_record(o, merged=False) for o in every),
                listed_as={
                    o.ref: duplicates.shown_record(o).ref
                    for o in every
                    if duplicates.shown_record(o) is not o
                },
            )
            db.session.remove()
            db.engine.dispose()
    return catalogue


def seeded_records(seed_dir: Path = SEED_DIR) -> list[OrganisationRecord]:
    """Return the matching records of the seed, built as the app builds them for its index."""
    return list(seeded_catalogue(Path(seed_dir)).records)
