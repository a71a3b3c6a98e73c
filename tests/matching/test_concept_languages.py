"""The concept vocabulary in the 13 EU languages added last: terms meet their words in sentences."""

from __future__ import annotations

import pytest

from matching.analysis import analyze_query
from matching.concepts import CONCEPT_PREFIX, default_vocabulary, vocabulary_languages
from matching.language import EU_LANGUAGES
from matching.text import STOPWORDS, read_data

# One need per language as a city official would write it, in running (inflected) text, and the
# concepts its words must be read as.
SENTENCES = {
    "bg": ("Искаме да тестваме сензори за качеството на въздуха и да обучим служителите на "
           "общината, а за зарядните станции търсим финансиране.",
           {"testing", "sensors", "air_quality", "public_sector", "electric_vehicles", "funding"}),
    "cs": ("Chceme otestovat senzory kvality ovzduší a hledáme financování pro nabíjecí stanice; "
           "úředníci potřebují školení o kybernetické bezpečnosti.",
           {"sensors", "air_quality", "funding", "electric_vehicles", "public_sector", "training",
            "cybersecurity"}),
    "da": ("Kommunen vil teste sensorer til luftkvalitet og søger finansiering til ladestandere "
           "og kurser i cybersikkerhed.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "cybersecurity"}),
    "el": ("Ο δήμος θέλει αισθητήρες για την ποιότητα του αέρα, χρηματοδότηση για σταθμούς "
           "φόρτισης και κατάρτιση στην κυβερνοασφάλεια.",
           {"public_sector", "sensors", "air_quality", "funding", "electric_vehicles", "training",
            "cybersecurity"}),
    "et": ("Vald soovib testida õhukvaliteedi andureid, otsib rahastust laadimisjaamadele ja "
           "vajab koolitust küberturvalisuse kohta.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "training", "cybersecurity"}),
    "ga": ("Ba mhaith leis an údarás áitiúil braiteoirí a thástáil agus táimid ag lorg maoinithe "
           "do phointí luchtaithe agus oiliúint ar chibearshlándáil.",
           {"public_sector", "sensors", "testing", "funding", "electric_vehicles", "training",
            "cybersecurity"}),
    "hr": ("Općina želi testirati senzore kvalitete zraka, traži financiranje za punionice "
           "električnih vozila i obuku o kibernetičkoj sigurnosti.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "training", "cybersecurity"}),
    "lt": ("Savivaldybė nori išbandyti oro kokybės jutiklius, ieško finansavimo elektromobilių "
           "įkrovimo stotelėms ir mokymų apie kibernetinį saugumą.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "training", "cybersecurity"}),
    "lv": ("Pašvaldība vēlas testēt gaisa kvalitātes sensorus, meklē finansējumu uzlādes "
           "stacijām un apmācības par kiberdrošību.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "training", "cybersecurity"}),
    "mt": ("Il-kunsill lokali jrid sensuri tal-kwalità tal-arja, finanzjament għal punti "
           "tal-iċċarġjar u taħriġ fiċ-ċibersigurtà.",
           {"public_sector", "sensors", "air_quality", "funding", "electric_vehicles", "training",
            "cybersecurity"}),
    "ro": ("Primăria vrea senzori pentru calitatea aerului, caută finanțare pentru stații de "
           "încărcare și cursuri de securitate cibernetică.",
           {"public_sector", "sensors", "air_quality", "funding", "electric_vehicles", "training",
            "cybersecurity"}),
    "sk": ("Obec chce otestovať senzory kvality ovzdušia, hľadá financovanie pre nabíjacie "
           "stanice a školenie o kybernetickej bezpečnosti.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "training", "cybersecurity"}),
    "sl": ("Občina želi preizkusiti senzorje kakovosti zraka, išče financiranje za polnilnice "
           "in usposabljanje o kibernetski varnosti.",
           {"public_sector", "testing", "sensors", "air_quality", "funding", "electric_vehicles",
            "training", "cybersecurity"}),
}  # fmt: skip


def _concepts(text: str, language: str) -> set[str]:
    terms = analyze_query(text, language).terms
    return {term.removeprefix(CONCEPT_PREFIX) for term in terms if term.startswith(CONCEPT_PREFIX)}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_a_need_in_running_text_is_read_as_its_concepts(language):
    text, expected = SENTENCES[language]
    missing = expected - _concepts(text, language)
    assert not missing, f"{language}: not read as {sorted(missing)}"


def test_every_concept_has_terms_in_all_24_eu_languages():
    vocabulary = default_vocabulary()
    assert set(vocabulary.phrases) == set(EU_LANGUAGES)
    for language in EU_LANGUAGES:
        named = {c for table in [vocabulary.phrases[language]] for cs in table.values() for c in cs}
        assert named == set(vocabulary.concepts), (language, set(vocabulary.concepts) - named)


def test_a_hint_term_alone_does_not_name_its_concept_strongly():
    hits = default_vocabulary().find(["parkovanie"], "sk")
    assert [(hit.concept, hit.broad) for hit in hits] == [("parking", True)]


@pytest.mark.parametrize("language", sorted(set(STOPWORDS) & vocabulary_languages()))
def test_no_function_word_reads_as_a_concept(language):
    """In every language (German "sich", Finnish "kun", Polish "się" had stems of terms)."""
    vocabulary = default_vocabulary()
    read = {word: vocabulary.find([word], language) for word in STOPWORDS[language]}
    assert not {word: hits for word, hits in read.items() if hits}


def test_no_line_of_the_vocabulary_lists_a_term_twice():
    """A repeated term changes nothing but hides that the line was meant to say something else."""
    repeated = []
    for line in read_data("concepts.txt").splitlines():
        if not line.strip() or line.lstrip().startswith(("#", "[")):
            continue
        language, _, terms = line.partition(":")
        listed = [term.strip() for term in terms.split(",") if term.strip()]
        repeated += [(language, term) for term in set(listed) if listed.count(term) > 1]
    assert repeated == []


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # Irish changes a noun for the genitive ("cathair" -> "cathrach") and lenites the
        # adjective after it: the forms officials write most are listed, not only the nominative.
        ("Teastaíonn straitéis cathrach cliste uainn.", "smart_city"),
        ("Tionscadail chathrach chliste.", "smart_city"),  # lenited: the stemmer undoes it
        ("Turais réaltachta fíorúla agus réaltachta méadaithe.", "virtual_reality"),
        ("Ba mhaith linn taithí a mhalartú le cathracha eile.", "networking"),
    ],
)
def test_irish_genitives_and_verbal_phrases_name_their_concept(text, concept):
    assert CONCEPT_PREFIX + concept in analyze_query(text, "ga").terms
