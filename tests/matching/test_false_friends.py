"""Words that share a vocabulary term's stem but mean something else name no concept.

Each case is a common word of a city's or a hub's text that Snowball stems like a term of
data/concepts.txt: Spanish "estación" like "estacionamiento" (parking), Italian "testo" like
"test", Czech "bude" (will be) like "budova" (building), Lithuanian "atlieka" (performs) like
"atliekos" (waste), German "Herausforderung" around "förderung" (funding). Those terms are now
matched as written (the "=" mark), in every form listed; the words that mean two things even as
written were dropped or made hints. In German, Dutch, Swedish and Danish a word matched as
written is a whole word, not a piece of a compound ("=kommune" does not open "Kommunikation");
in Finnish, Hungarian and Estonian, which inflect by endings, it still opens longer words.
"""

from __future__ import annotations

import pytest

from matching.concepts import ConceptVocabulary
from matching.text import tokenize
from tests.matching.factories import concept_terms


@pytest.mark.parametrize(
    ("language", "text", "absent"),
    [
        ("es", "La estación de tren está cerca.", "#parking"),
        ("es", "Queremos mejorar la economía circular.", "#traffic"),
        ("es", "Dispositivos móviles para los funcionarios.", "#mobility"),
        ("es", "Una parcela de 500 metros cuadrados.", "#public_transport"),
        ("es", "Solo necesitamos ayuda.", "#renewable_energy"),
        ("es", "Tecnologías emergentes para la administración.", "#public_safety"),
        ("it", "Un testo per il sito del comune.", "#testing"),
        ("it", "Tramite una piattaforma digitale.", "#public_transport"),
        ("it", "Un servizio rilevante per i cittadini.", "#sensors"),
        ("it", "Nel corso del 2025 vogliamo digitalizzare gli archivi.", "#training"),
        ("pt", "Um carro elétrico para a frota.", "#public_transport"),
        ("ro", "Aplicarea legii în administrație.", "#internet_services"),
        ("ro", "Politici publice pentru digitalizare.", "#public_safety"),
        ("ro", "Un parc industrial la marginea orașului.", "#parking"),
        ("cs", "Systém bude hotový do konce roku.", "#buildings"),
        ("cs", "Viz příloha.", "#strategy"),
        ("cs", "Kolem 20 % obyvatel.", "#cycling"),
        ("pl", "Wspieramy start-upy z regionu.", "#climate"),
        ("lt", "Centras atlieka tyrimus.", "#waste"),
        ("lt", "Savivaldybės programa skaitmeninimui.", "#internet_services"),
        ("el", "Τεχνική υποστήριξη για τον δήμο.", "#culture"),
        ("el", "Χωρίς χαρτί στις υπηρεσίες.", "#geospatial"),
        ("hr", "Građani se često žale na buku.", "#mobility"),
        ("de", "Die größte Herausforderung sind die Anforderungen.", "#funding"),
        ("de", "Aus diesem Grund suchen wir Hilfe.", "#startups"),
        ("de", "Die App soll bis Juni fertig sein.", "#manufacturing"),
        ("de", "Wir arbeiten gemeinsam mit der Hochschule.", "#elderly_care"),
        ("de", "Die Kommunikation muss besser werden.", "#public_sector"),
        ("de", "Wir prüfen Alternativen.", "#elderly_care"),
        ("sv", "Läs mer om projektet.", "#photonics"),
        ("sv", "Vi har aldrig gjort det förut.", "#elderly_care"),
        ("nl", "Ervoor zorgen dat alles werkt.", "#health"),
        ("nl", "Een overzicht van de projecten.", "#public_sector"),
        ("fr", "Le projet est en cours.", "#training"),
        ("fr", "Des coûts élevés.", "#education"),
        ("fr", "Les communications de la ville.", "#public_sector"),
        ("fi", "Meillä on kokemusta hankkeista.", "#testing"),
        ("hu", "Büszkék vagyunk a városra.", "#public_transport"),
        ("et", "Asutus on loodud 2015. aastal.", "#environment"),
        # Pieces of compounds: a vocabulary word opening a longer, unrelated word.
        ("de", "Natürlich brauchen wir Hilfe.", "#environment"),
        ("nl", "De lokale politiek wil dit.", "#public_safety"),
        ("nl", "Inclusief onderhoud.", "#social_inclusion"),
        ("nl", "Wegens de kosten.", "#mobility"),
        ("da", "Kommunens politik for digitalisering.", "#public_safety"),
        ("sv", "Bättre kommunikation med invånarna.", "#public_sector"),
        ("sv", "Projektet kostar tre miljoner kronor.", "#environment"),
        ("sv", "Förebyggande arbete.", "#buildings"),
        # English loan words are read in every language, but only as English writes them.
        ("hu", "Az ár túl magas a városnak.", "#virtual_reality"),
        # English "training" and "train" share a stem; the station is the transport phrase.
        ("en", "A shuttle bus between the train station and the hospital.", "#training"),
    ],
)
def test_a_word_sharing_only_a_stem_names_no_concept(language: str, text: str, absent: str) -> None:
    assert absent not in concept_terms(text, language)


@pytest.mark.parametrize(
    ("language", "text", "concept"),
    [
        ("es", "No hay estacionamiento en el centro.", "#parking"),
        ("es", "Instalar paneles solares en los colegios.", "#renewable_energy"),
        ("es", "Línea de metro nueva.", "#public_transport"),
        ("it", "Vogliamo fare un test dei sensori.", "#testing"),
        ("it", "Il tram arriva ogni dieci minuti.", "#public_transport"),
        ("ro", "O aplicație pentru cetățeni.", "#internet_services"),
        ("ro", "Poliția locală folosește camere.", "#public_safety"),
        ("cs", "Energetická úspornost budov.", "#buildings"),
        ("cs", "Chytrých budov je ve městě málo.", "#buildings"),
        ("pl", "Upały w mieście są coraz częstsze.", "#climate"),
        ("lt", "Atliekų tvarkymas mieste.", "#waste"),
        ("el", "Ο οδικό χάρτη της πόλης.", "#strategy"),
        ("el", "Φορτιστές για ηλεκτρικά αυτοκίνητα.", "#electric_vehicles"),
        ("de", "Wir suchen Fördermittel und eine Förderung des Landes.", "#funding"),
        ("de", "Die Kommune und ihre Bürger.", "#public_sector"),
        ("de", "Eine Fachhochschule.", "#education"),
        ("fr", "La commune cherche une formation.", "#training"),
        ("nl", "De gemeente wil de zorgsector helpen.", "#health"),
        ("sv", "Äldre invånare i kommunen.", "#elderly_care"),
        ("hu", "Az egyetemen dolgozunk.", "#education"),
        ("fi", "Haluamme kokeilla uutta palvelua.", "#testing"),
        ("sv", "Kommunen vill skydda miljön.", "#environment"),
        ("sv", "Kommunfullmäktige beslutade.", "#public_sector"),
        ("nl", "De politie en de gemeente.", "#public_safety"),
        ("hu", "AR és VR túrákat szeretnénk.", "#virtual_reality"),
        ("pl", "Chcemy wdrożyć smart city i IoT.", "#smart_city"),
        ("en", "We want to train our staff to read the data.", "#training"),
        ("en", "Signs at the railway station.", "#public_transport"),
    ],
)
def test_the_term_itself_still_names_its_concept(language: str, text: str, concept: str) -> None:
    assert concept in concept_terms(text, language)


def test_a_word_matched_as_written_is_a_whole_word_only_where_words_take_few_endings() -> None:
    vocabulary = ConceptVocabulary("[pub]\nde: =kommune\nhu: =egyetem\n")
    assert not vocabulary.find(tokenize("kommunikation"), "de")
    assert [hit.concept for hit in vocabulary.find(tokenize("kommune"), "de")] == ["pub"]
    assert [hit.concept for hit in vocabulary.find(tokenize("egyetemen"), "hu")] == ["pub"]
