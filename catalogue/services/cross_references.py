"""Records of the same organisation that came from different sources, linked both ways."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from catalogue.models import Organisation
from catalogue.vocabularies import PUBLISHED

# The seed's workshop profiles name the JRC catalogue record of the same hub in this extra key.
SAME_AS_KEY = "jrc_catalogue_ref"


def other_records_of(session: Session, organisation: Organisation) -> list[Organisation]:
    """Return the other published records of the same organisation, by ref.

    A record points to its twin with ``extra["jrc_catalogue_ref"]``; the twin finds it back
    through the same key, so both pages link to each other.
    """
    same_as = (organisation.extra or {}).get(SAME_AS_KEY)
    pointed_at_me = Organisation.extra[SAME_AS_KEY].as_string() == organisation.ref
    conditions = [pointed_at_me] + ([Organisation.ref == same_as] if same_as else [])
    statement = (
        select(Organisation)
        .where(or_(*conditions), Organisation.status == PUBLISHED)
        .where(Organisation.id != organisation.id)
        .order_by(Organisation.ref)
    )
    return list(session.scalars(statement))
