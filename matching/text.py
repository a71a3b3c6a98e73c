"""Unicode normalisation, tokenisation, stop words and per-language Snowball stemming."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from importlib import resources

import simplemma
import snowballstemmer
from lemmagen3 import Lemmatizer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

SNOWBALL_NAMES: dict[str, str] = {
    "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "et": "estonian", "fi": "finnish", "fr": "french",
    "ga": "irish", "hu": "hungarian", "it": "italian", "lt": "lithuanian", "nl": "dutch",
    "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "sv": "swedish",
    "hr": "serbian",  # Snowball's Serbian stemmer reads Latin script; Croatian inflects alike
}  # fmt: skip
# EU languages without a Snowball stemmer get lemmas: simplemma's dictionary where it knows the
# word; for Bulgarian, Slovak and Slovene words it does not know, Lemmagen's rules (lemmagen3,
# learned from the Multext-East lexicons), which also reduce the words no dictionary knows
# ("robotiko", "dronov", "видеонаблюдението"), as a city's technical words often are. Latvian,
# which Lemmagen lacks, has the dictionary only. Maltese has neither, so its words only lose
# their accents.
RULE_LEMMATISED: frozenset[str] = frozenset({"bg", "sk", "sl"})
LEMMATISED: frozenset[str] = RULE_LEMMATISED | {"lv"}
MAX_UNRULED_LENGTH = 4  # words this short that the dictionary does not know keep their form

# Languages that glue words into compounds ("Verkehrsüberwachung", "ilmanlaatuanturi").
COMPOUNDING: frozenset[str] = frozenset({"de", "nl", "sv", "da", "no", "fi", "hu", "et"})
# Of those, the languages that inflect by stacking case endings ("egyetemen", "kunnissa"): too
# many forms to list, so a word matched as written ("=") still opens longer words there. In the
# others it is a whole word: German "=kommune" must not open "Kommunikation".
AGGLUTINATIVE: frozenset[str] = frozenset({"fi", "hu", "et"})

# Marks that open a term of data/concepts.txt: "~" a hint, "=" a word matched as written.
BROAD_MARK = "~"
EXACT_MARK = "="

_TOKEN_RE = re.compile(r"[^\W_]+")
_LOCKS: dict[str, threading.Lock] = {code: threading.Lock() for code in SNOWBALL_NAMES}
_STEMMERS = {code: snowballstemmer.stemmer(name) for code, name in SNOWBALL_NAMES.items()}
_LEMMATISERS = {code: Lemmatizer(code) for code in RULE_LEMMATISED}
_LEMMATISER_LOCKS = {code: threading.Lock() for code in RULE_LEMMATISED}


def read_data(name: str) -> str:
    """Return the text of a data file shipped in ``matching/data``."""
    return resources.files("matching").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def strip_accents(text: str) -> str:
    """Remove combining marks so "qualité" and "qualite" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[str]:
    """Split text into case-folded word tokens (accents kept, for the stemmers)."""
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens as ``tokenize`` makes them, each with its start and end offsets in ``text``.

    Each word of the text is normalised on its own, so every token points back to the
    characters it came from (a word that normalisation splits gives several tokens, one span).
    """
    spans = []
    for found in _TOKEN_RE.finditer(text):
        for token in _TOKEN_RE.findall(unicodedata.normalize("NFKC", found.group()).casefold()):
            spans.append((token, found.start(), found.end()))
    return spans


def term_marks(term: str) -> str:
    """The marks (``~``, ``=``) that open a term of the concept vocabulary, in any order."""
    text = term.strip()
    return text[: len(text) - len(text.lstrip(BROAD_MARK + EXACT_MARK))]


def _load_unstemmed() -> dict[str, frozenset[str]]:
    """The words data/concepts.txt marks "=", per language: their stem is another word's
    ("parking" and "park", "experiment" and "experience"), so they are not stemmed at all."""
    table: dict[str, set[str]] = {}
    for line in read_data("concepts.txt").splitlines():
        if not line.strip() or line.startswith(("#", "[")):
            continue
        code, _, terms = line.partition(":")
        for term in terms.split(","):
            if EXACT_MARK in term_marks(term):
                table.setdefault(code.strip(), set()).update(tokenize(term))
    return {code: frozenset(words) for code, words in table.items()}


@lru_cache(maxsize=500_000)
def stem(word: str, language: str) -> str:
    """Stem one case-folded word with the language's Snowball stemmer, then strip accents.

    Languages without one are lemmatised (``LEMMATISED``, see ``_lemma``); the others only get
    their accents stripped. The words the vocabulary marks "=" only lose their accents.
    """
    if word in UNSTEMMED.get(language, ()):
        return strip_accents(word)
    stemmer = _STEMMERS.get(language)
    if stemmer is None:
        if language in LEMMATISED:
            word = _lemma(word, language)
        return strip_accents(word)
    with _LOCKS[language]:
        stemmed = stemmer.stemWord(word)
    return strip_accents(stemmed)


def _lemma(word: str, language: str) -> str:
    """A word's lemma: simplemma's dictionary when it knows the word, else Lemmagen's rules.

    The dictionary is the surer of the two where it knows the word; for the words it does not
    know, Lemmagen's learned rules reduce more forms to their lemma than simplemma's guesses
    ("chatbotom", "акселераторите"; docs/matching.md). Rules go wrong on short words (often
    acronyms or loan words: "stem", "wifi"), so those keep their form.
    """
    if language not in RULE_LEMMATISED or simplemma.is_known(word, language):
        return simplemma.lemmatize(word, lang=language).casefold()
    if len(word) <= MAX_UNRULED_LENGTH:
        return word
    with _LEMMATISER_LOCKS[language]:
        return _LEMMATISERS[language].lemmatize(word).casefold()


_KEEP_IN_ENGLISH = frozenset({"bill", "computer", "detail", "fire", "interest", "system"})


def _load_stopwords() -> dict[str, frozenset[str]]:
    """Read the per-language function word lists."""
    table: dict[str, frozenset[str]] = {}
    for line in read_data("stopwords.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, words = line.partition(":")
        table[code.strip()] = frozenset(tokenize(words))
    # scikit-learn's list also drops content words the domain needs ("fire brigade", "system").
    table["en"] = table["en"] | (frozenset(ENGLISH_STOP_WORDS) - _KEEP_IN_ENGLISH)
    return table


STOPWORDS: dict[str, frozenset[str]] = _load_stopwords()
UNSTEMMED: dict[str, frozenset[str]] = _load_unstemmed()


def is_feature_word(token: str, language: str) -> bool:
    """Tell whether a token should become a term: not a stop word, not a number, 2+ characters."""
    if len(token) < 2 or token.isdigit():
        return False
    return token not in STOPWORDS.get(language, frozenset()) and token not in STOPWORDS["en"]


@lru_cache(maxsize=500_000)
def token_info(token: str, language: str) -> tuple[str, bool]:
    """Return a token's stem and whether it is a feature word, cached (texts repeat words)."""
    return stem(token, language), is_feature_word(token, language)
