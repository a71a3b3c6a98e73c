"""The seed catalogue as the running app sees it, for tools that work on it outside a server."""

from __future__ import annotations

import tempfile
from pathlib import Path

from catalogue.config import SEED_DIR
from matching import OrganisationRecord


def seeded_records(seed_dir: Path = SEED_DIR) -> list[OrganisationRecord]:
    """Return the matching records of the seed, built as the app builds them for its index.

    The seed is imported into a throwaway SQLite database with the real migrations, so tools
    (the vector build, the evaluation) see exactly the records production ranks: duplicate
    records merged into the organisation they are listed as, unpublished ones left out.
    """
    from flask_migrate import upgrade

    from catalogue import create_app
    from catalogue.extensions import db
    from catalogue.services import seeding
    from catalogue.services.matching import published_records

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'seed.sqlite'}"
        app = create_app(
            {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "MATCH_EMBEDDING": False}
        )
        with app.app_context():
            upgrade()
            seeding.seed_catalogue(db.session, seed_dir)
            db.session.commit()
            records = published_records(db.session)
            db.session.remove()
            db.engine.dispose()
    return records
