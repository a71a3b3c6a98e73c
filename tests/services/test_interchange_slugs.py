"""Slugs of imported records (catalogue.services.slugs): readable, ASCII and unique."""

import pytest

from catalogue.extensions import db
from catalogue.models import Organisation
from catalogue.services.slugs import pick_unique_slug, slugify, taken_slugs, unique_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Kraków Technology Park", "krakow-technology-park"),
        ("  DIH  Südtirol / Alto Adige ", "dih-sudtirol-alto-adige"),
        ("Łódź & Straße", "lodz-strasse"),
        ("IMP³rove", "imp3rove"),
        ("Αθήνα", "organisation"),
    ],
)
def test_slugify_transliterates_and_joins_words_with_hyphens(text, slug):
    assert slugify(text, fallback="organisation") == slug


def test_a_long_name_leaves_room_for_a_suffix_in_the_column():
    slug = pick_unique_slug("word " * 100, {slugify("word " * 100)})
    assert slug.endswith("-2")
    assert len(slug) <= 120


def test_colliding_slugs_get_the_next_free_number():
    assert pick_unique_slug("Hub", {"hub", "hub-2"}) == "hub-3"


def test_slugs_taken_in_the_table_are_skipped(app, build):
    build.organisation(slug="city-lab")
    build.organisation(slug="city-lab-2")
    taken = taken_slugs(db.session, Organisation)
    assert pick_unique_slug("City Lab", taken) == "city-lab-3"
    assert pick_unique_slug("City_Lab%", taken) == "city-lab-3"


def test_unique_slug_looks_at_the_table(app, build):
    build.organisation(slug="city-lab")
    build.organisation(slug="city-lab-2")
    assert unique_slug(db.session, Organisation, "City Lab") == "city-lab-3"
    assert unique_slug(db.session, Organisation, "City_Lab%") == "city-lab-3"
