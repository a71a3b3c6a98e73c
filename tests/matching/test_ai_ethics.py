"""Ethical and trustworthy AI is one concept in the 24 EU languages, and not genetics.

A city that asks for advice on ethical or trustworthy AI (the EU's own terms since its
guidelines for trustworthy AI and the AI Act) used to cross languages only through "AI": the
hubs whose profiles speak of ethics, in English, were found by English needs alone. The words
for ethics sit inside other words in several languages (Finnish "genetiikka", Hungarian
"kibernetika", Estonian "geneetika", Swedish "kosmetik", Italian "etichetta"), so there the
vocabulary lists phrases or words matched as written, and those words must not name it.
"""

from __future__ import annotations

import pytest

from matching.index import MatchIndex
from matching.language import EU_LANGUAGES
from tests.matching.factories import concept_terms, make_record

ETHICS = "#ai_ethics"

# One need per language, as a city official would write it (inflected, in running text).
NEEDS = {
    "bg": "Нуждаем се от съвет за етичен и надежден изкуствен интелект.",
    "cs": "Potřebujeme poradit s etickou a důvěryhodnou umělou inteligencí.",
    "da": "Vi har brug for rådgivning om etisk og pålidelig AI.",
    "de": "Wir brauchen Beratung zu vertrauenswürdiger KI und zur Ethik von Algorithmen.",
    "el": "Χρειαζόμαστε συμβουλές για ηθική και αξιόπιστη τεχνητή νοημοσύνη.",
    "en": "We need advice on ethical and trustworthy AI for our social services.",
    "es": "Necesitamos asesoramiento sobre una inteligencia artificial ética y fiable.",
    "et": "Vajame nõu eetilise tehisintellekti kasutamiseks.",
    "fi": "Tarvitsemme neuvoja eettisen tekoälyn käyttöön.",
    "fr": "Nous cherchons un accompagnement sur l'éthique de l'intelligence artificielle.",
    "ga": "Teastaíonn comhairle uainn faoi intleacht shaorga eiticiúil agus iontaofa.",
    "hr": "Trebamo savjet o etičkoj i pouzdanoj umjetnoj inteligenciji.",
    "hu": "Tanácsot kérünk a mesterséges intelligencia etikájáról.",
    "it": "Cerchiamo supporto su un'intelligenza artificiale etica e affidabile.",
    "lt": "Mums reikia patarimo dėl etiško ir patikimo dirbtinio intelekto.",
    "lv": "Mums vajadzīgs padoms par ētisku un uzticamu mākslīgo intelektu.",
    "mt": "Neħtieġu pariri dwar etika tal-intelliġenza artifiċjali.",
    "nl": "Wij zoeken advies over ethische en betrouwbare AI.",
    "pl": "Potrzebujemy porady w sprawie etycznej i godnej zaufania sztucznej inteligencji.",
    "pt": "Precisamos de apoio sobre uma inteligência artificial ética e confiável.",
    "ro": "Avem nevoie de consiliere privind o inteligență artificială etică și de încredere.",
    "sk": "Potrebujeme poradiť, ako na etickú a dôveryhodnú umelú inteligenciu.",
    "sl": "Potrebujemo nasvet o etični in zaupanja vredni umetni inteligenci.",
    "sv": "Vi behöver råd om etisk och tillförlitlig AI.",
}


def test_there_is_a_need_for_every_eu_language() -> None:
    assert set(NEEDS) == set(EU_LANGUAGES)


@pytest.mark.parametrize("language", sorted(NEEDS))
def test_the_need_names_ethical_ai(language: str) -> None:
    assert ETHICS in concept_terms(NEEDS[language], language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Trustworthy data ecosystems built on blockchain."),
        ("fi", "Genetiikan ja kybernetiikan tutkimus."),
        ("hu", "Genetika és kibernetika kutatás."),
        ("et", "Geneetika ja küberneetika."),
        ("sv", "Genetik och kosmetik."),
        ("da", "Genetik og kybernetik."),
        ("it", "Etichette intelligenti e genetica."),
        ("ro", "Etichete inteligente și genetică."),
    ],
)
def test_words_that_contain_ethics_do_not_name_it(language: str, text: str) -> None:
    assert ETHICS not in concept_terms(text, language)


def test_a_spanish_need_finds_the_english_profile_on_ethics_over_plain_ai() -> None:
    index = MatchIndex().fit([
        make_record("ethics", "Trustworthy AI lab", description="We advise public bodies on "
                    "ethical AI and the explainability of their algorithms."),
        make_record("plain", "AI lab", description="We build artificial intelligence and "
                    "machine learning models for companies."),
    ])  # fmt: skip
    matches = index.query(NEEDS["es"], language="es")
    assert [match.id for match in matches][0] == "ethics"
    assert any("ethics and trustworthy AI" in term.term for term in matches[0].matched_terms)
