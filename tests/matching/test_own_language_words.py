"""A need's plain words weigh as much as its language is present in the catalogue; its concepts
always weigh fully, so a French need is not won by the one French record's commonest words."""

from __future__ import annotations

from matching import MatchIndex
from matching.index import OWN_LANGUAGE_FLOOR, OWN_LANGUAGE_FULL_SHARE
from tests.matching.factories import make_record

FILLER = [  # a catalogue written in English, but for one record
    make_record(f"en-{n}", f"Hub {n}", description=f"We support manufacturers with robots, {n}.")
    for n in range(40)
]
AIR_LAB = make_record(
    "air-lab", "Air Lab", description="We measure air quality with sensors in cities."
)
NEIGHBOURHOOD = make_record(
    "fr-quartier",
    "Maison du quartier",
    description="L'association des habitants du quartier organise des rencontres, des voyages "
    "et des repas.",
)
NEED = "Les habitants du quartier veulent mesurer la qualité de l'air."


def test_a_french_need_is_not_won_by_the_one_french_records_common_words():
    index = MatchIndex().fit([*FILLER, AIR_LAB, NEIGHBOURHOOD], vectors={})
    scores = {match.id: match.score for match in index.query(NEED, language="fr")}
    assert max(scores, key=scores.get) == "air-lab"
    assert scores["fr-quartier"] < scores["air-lab"]  # at full weight the two tie
    assert index.plain_word_weight("fr") == OWN_LANGUAGE_FLOOR  # 1 record in 42


def test_words_of_a_language_the_catalogue_is_written_in_count_fully():
    french = [
        make_record(f"fr-{n}", f"Pôle {n}", description="Nous aidons la ville.") for n in range(3)
    ]
    index = MatchIndex().fit([*FILLER[:7], *french], vectors={})  # 30 % in French
    assert OWN_LANGUAGE_FULL_SHARE <= 3 / 10
    assert index.plain_word_weight("fr") == 1.0
    assert index.plain_word_weight("en") == 1.0
    assert index.plain_word_weight("sv") == OWN_LANGUAGE_FLOOR  # no Swedish record at all
