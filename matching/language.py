"""Offline language detection from function words, domain words and characteristic letters."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from matching.concepts import default_vocabulary
from matching.text import STOPWORDS, tokenize

DEFAULT_LANGUAGE = "en"
# The 24 official languages of the EU (ISO 639-1): what a need may be written in.
EU_LANGUAGES: frozenset[str] = frozenset(
    [
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "ga",
        "hr",
        "hu",
        "it",
        "lt",
        "lv",
        "mt",
        "nl",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "sv",
    ]
)
CLEAR_EVIDENCE = 3.0  # function and domain words enough to decide without the model...
CLEAR_MARGIN = 2.0  # ...when the best language has at least twice the runner-up's evidence
CONFIDENT = 0.6  # py3langid's probability above which it decides over weaker evidence
GUESS = 0.3  # ...and below which its guess is no better than the default
SAMPLE_LENGTH = 300  # a record's language is read from the start of its text: enough, and fast
_CODE_RE = re.compile(r"^[a-z]{2}$")
_GREEK_RE = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")

# Letters that point to a few languages only; evidence is split between them.
_LETTER_HINTS: dict[str, tuple[str, ...]] = {
    "ő": ("hu",), "ű": ("hu",), "ł": ("pl",), "ż": ("pl",), "ś": ("pl",), "ź": ("pl",),
    "ć": ("pl", "hr"), "ń": ("pl",), "ę": ("pl", "lt"), "ą": ("pl", "lt"), "ř": ("cs",),
    "ě": ("cs",), "ů": ("cs",), "ñ": ("es",), "ã": ("pt",), "õ": ("pt", "et"), "ç": ("fr", "pt"),
    "å": ("sv", "da", "no"), "ø": ("da", "no"), "æ": ("da", "no"), "ß": ("de",),
    "ș": ("ro",), "ț": ("ro",), "ş": ("ro",), "ţ": ("ro",), "ă": ("ro",), "ė": ("lt",),
    "ų": ("lt",), "į": ("lt",), "ā": ("lv",), "ē": ("lv",), "ī": ("lv",), "ķ": ("lv",),
    "ļ": ("lv",), "ņ": ("lv",), "ģ": ("lv",), "ľ": ("sk",), "ĺ": ("sk",), "ŕ": ("sk",),
    "ô": ("sk", "fr", "pt"), "đ": ("hr",), "ħ": ("mt",), "ġ": ("mt",), "ċ": ("mt",),
    "ä": ("de", "fi", "sv", "et"), "ö": ("de", "fi", "sv", "hu", "et"), "ü": ("de", "hu", "et"),
    "è": ("fr", "it"), "à": ("fr", "it", "pt"), "ù": ("fr", "it"), "ì": ("it",), "ò": ("it",),
    "ê": ("fr", "pt"), "û": ("fr",), "î": ("fr", "ro"), "â": ("fr", "ro", "pt"), "ë": ("nl",),
    "ï": ("fr", "nl"), "œ": ("fr",), "á": ("es", "hu", "cs", "sk", "pt", "ga"),
    "é": ("fr", "es", "hu", "cs", "sk", "pt", "it"), "í": ("es", "hu", "cs", "sk", "pt", "ga"),
    "ó": ("es", "hu", "pl", "pt", "ga"), "ú": ("es", "hu", "cs", "sk", "ga"),
}  # fmt: skip
_HINT_RE = re.compile("[" + "".join(_LETTER_HINTS) + "]")
_LETTER_WEIGHT = 0.4
_DOMAIN_WORD_WEIGHT = 0.6


def _word_languages() -> dict[str, tuple[str, ...]]:
    """Map each function word and vocabulary word to the languages that use it."""
    table: dict[str, set[str]] = defaultdict(set)
    for code, words in STOPWORDS.items():
        for word in words:
            table[word].add(code)
    return {word: tuple(sorted(codes)) for word, codes in table.items()}


def _domain_languages() -> dict[str, tuple[str, ...]]:
    """Map each word of the concept vocabulary to the languages it is listed in."""
    table: dict[str, set[str]] = defaultdict(set)
    for code, words in default_vocabulary().words.items():
        for word in words:
            table[word].add(code)
    return {word: tuple(sorted(codes)) for word, codes in table.items()}


_FUNCTION_WORDS = _word_languages()
_DOMAIN_WORDS = _domain_languages()


def _script_language(text: str) -> str | None:
    """Recognise the EU languages written in their own script (Greek, Bulgarian Cyrillic)."""
    greek = len(_GREEK_RE.findall(text))
    cyrillic = len(_CYRILLIC_RE.findall(text))
    if not greek and not cyrillic:
        return None
    letters = sum(ch.isalpha() for ch in text) or 1
    if greek / letters > 0.3:
        return "el"
    if cyrillic / letters > 0.3:
        return "bg"
    return None


def language_scores(text: str) -> dict[str, float]:
    """Score how strongly a text points to each language (higher is more likely)."""
    scores: dict[str, float] = defaultdict(float)
    for token in tokenize(text):
        for table, weight in ((_FUNCTION_WORDS, 1.0), (_DOMAIN_WORDS, _DOMAIN_WORD_WEIGHT)):
            codes = table.get(token, ())
            for code in codes:
                scores[code] += weight / len(codes)
    for char in _HINT_RE.findall(text.casefold()):
        codes = _LETTER_HINTS[char]
        for code in codes:
            scores[code] += _LETTER_WEIGHT / len(codes)
    return dict(scores)


def _evidence_language(text: str) -> tuple[str | None, bool]:
    """The language the word and letter evidence points to, and whether it does so clearly."""
    scores = language_scores(text)
    if not scores:
        return None, False
    # English wins ties: most catalogue text and loan words are English.
    ranked = sorted(sorted(scores), key=lambda code: (-scores[code], code != DEFAULT_LANGUAGE))
    best = scores[ranked[0]]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    clear = best >= CLEAR_EVIDENCE and best >= CLEAR_MARGIN * runner_up
    return ranked[0], clear


def language_by_words(text: str) -> str:
    """The language the words and letters of a text point to, without the statistical model.

    For texts that are mostly proper nouns (an organisation's name), where a character model
    guesses from the look of the names; English when nothing points elsewhere.
    """
    return _evidence_language(text)[0] or DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=1)
def _identifier():
    """py3langid's model restricted to the 24 official EU languages (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(sorted(EU_LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """Detect the ISO 639-1 language of a text; English when there is no evidence.

    Clear evidence of function words, domain words and letters decides at once (fast, and right
    on the catalogue's long texts); otherwise py3langid, restricted to the 24 EU languages,
    decides when it is confident, then the weaker evidence, then py3langid's best guess.

    Examples
    --------
    >>> detect_language("Wir suchen Sensoren für die Luftqualität in unserer Stadt")
    'de'
    >>> detect_language("kakovost zraka")
    'sl'
    """
    script = _script_language(text)
    if script:
        return script
    evidence, clear = _evidence_language(text)
    if clear:
        return evidence or DEFAULT_LANGUAGE
    code, probability = _identifier().classify(text)
    if probability >= CONFIDENT or evidence is None:
        return code if probability >= GUESS else DEFAULT_LANGUAGE
    return evidence


def check_language(code: str) -> str:
    """Validate an ISO 639-1 code given by a caller and return it lower-cased."""
    if not isinstance(code, str) or not _CODE_RE.match(code.strip().lower()):
        raise ValueError(f"language must be an ISO 639-1 code like 'de', got {code!r}")
    return code.strip().lower()
