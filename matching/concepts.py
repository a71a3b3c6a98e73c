"""The multilingual concept vocabulary and the matcher that finds its concepts in text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from matching.text import (
    AGGLUTINATIVE,
    BROAD_MARK,
    COMPOUNDING,
    EXACT_MARK,
    STOPWORDS,
    read_data,
    stem,
    strip_accents,
    term_marks,
    tokenize,
)

CONCEPT_PREFIX = "#"
_MIN_PREFIX = 4  # a vocabulary word may open a compound from 4 letters on ("test" in "testfeld")
_MIN_INFIX = 6  # ...and sit inside one from 6 letters on ("sensor" in "luftsensoren")


@dataclass(frozen=True)
class ConceptHit:
    """A concept found in a text and the words that expressed it.

    ``broad`` hits came only from terms marked as hints (``~``): words that also mean other
    things ("environment", "city", "monitoring"). Matching counts them; tagging does not.
    """

    concept: str
    surface: str
    broad: bool = False
    start: int = field(default=-1, compare=False)  # position of its first word in the tokens
    size: int = field(default=1, compare=False)  # how many tokens it spans


_Found = dict[tuple[int, str], ConceptHit]


_LABELS: dict[str, str] = {
    "ai": "AI",
    "ai_ethics": "ethics and trustworthy AI",
    "iot": "IoT",
    "hpc": "high performance computing",
    "hci": "human-computer interaction",
    "cyber_physical": "cyber-physical systems",
    "e_government": "e-government",
    "startups": "start-ups and SMEs",
    "public_sector": "public sector",
}


def concept_label(concept: str) -> str:
    """Return the human-readable label of a concept id ("air_quality" -> "air quality")."""
    return _LABELS.get(concept, concept.replace("_", " "))


class ConceptVocabulary:
    """Stemmed multilingual phrases mapped to language-neutral concepts.

    Parameters
    ----------
    text : str or None
        The vocabulary in the ``concepts.txt`` format; the shipped file when ``None``.
    """

    def __init__(self, text: str | None = None) -> None:
        self.phrases: dict[str, dict[tuple[str, ...], set[str]]] = defaultdict(dict)
        self.pieces: dict[str, dict[str, set[str]]] = defaultdict(dict)
        self.words: dict[str, set[str]] = defaultdict(set)
        # the words matched as written, as listed and without accents, to their key
        self.exact: dict[str, dict[str, str]] = defaultdict(dict)
        # (phrase or piece, concept) pairs listed by at least one term without the broad mark.
        self.strong: dict[str, set[tuple[object, str]]] = defaultdict(set)
        self.concepts: list[str] = []
        # concept -> the concepts its phrases also name when they contain one of their terms
        self.implies: dict[str, tuple[str, ...]] = {}
        self._parse(read_data("concepts.txt") if text is None else text)
        self._name_implied_concepts()
        self.max_len = max(len(key) for table in self.phrases.values() for key in table)
        self.first_stems: dict[str, dict[str, int]] = defaultdict(dict)
        for language, table in self.phrases.items():
            longest = self.first_stems[language]
            for key in table:
                longest[key[0]] = max(longest.get(key[0], 0), len(key))

    def _parse(self, text: str) -> None:
        """Fill the phrase, compound-piece and word tables from the vocabulary text."""
        concept = ""
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                concept, _, implied = line.strip("[]").partition(">")
                concept = concept.strip()
                self.concepts.append(concept)
                if implied.strip():
                    self.implies[concept] = tuple(c.strip() for c in implied.split(","))
                continue
            language, _, terms = line.partition(":")
            for term in terms.split(","):
                marks = term_marks(term)
                broad, exact = BROAD_MARK in marks, EXACT_MARK in marks
                self._add(concept, language.strip(), tokenize(term), broad, exact)

    def _add(
        self,
        concept: str,
        language: str,
        tokens: list[str],
        broad: bool = False,
        exact: bool = False,
    ) -> None:
        """Register one term of a concept in one language (``exact``: one word, as written)."""
        if not tokens:
            return
        if exact and len(tokens) != 1:
            raise ValueError(f"{' '.join(tokens)!r}: only a single word can be matched as written")
        if exact:
            key: tuple[str, ...] = (exact_key(tokens[0]),)
            for form in {tokens[0], strip_accents(tokens[0])}:
                self.exact[language][form] = key[0]
        else:
            key = tuple(stem(token, language) for token in tokens)
        self.phrases[language].setdefault(key, set()).add(concept)
        self.words[language].update(tokens)
        if not broad:
            self.strong[language].add((key, concept))
        if len(tokens) == 1 and language in COMPOUNDING:
            if exact and language not in AGGLUTINATIVE:
                return  # matched as written: the whole word, not a piece of a compound
            pieces = {strip_accents(tokens[0])} if exact else {strip_accents(tokens[0]), key[0]}
            for piece in pieces:
                if len(piece) >= _MIN_PREFIX:
                    self.pieces[language].setdefault(piece, set()).add(concept)
                    if not broad:
                        self.strong[language].add((piece, concept))

    def _name_implied_concepts(self) -> None:
        """A phrase of ``[a > b]`` that contains a term of ``b`` names ``b`` too.

        "trustworthy AI" is ethical AI and AI: matched longest first, the phrase would otherwise
        hide the "AI" inside it. A concept's own words ("ethics") imply nothing.
        """
        unknown = {c for implied in self.implies.values() for c in implied} - set(self.concepts)
        if unknown:
            raise ValueError(f"a block implies concepts that have no block: {sorted(unknown)}")
        for language, table in self.phrases.items():
            strong = self.strong[language]
            for key, concepts in table.items():
                inner = [key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)]
                inner.remove(key)
                for concept in list(concepts):
                    for implied in self.implies.get(concept, ()):
                        held = [sub for sub in inner if implied in table.get(sub, ())]
                        if not held:
                            continue
                        concepts.add(implied)
                        if (key, concept) in strong and any((s, implied) in strong for s in held):
                            strong.add((key, implied))

    def find(
        self, tokens: list[str], language: str, stems: list[str] | None = None
    ) -> list[ConceptHit]:
        """Find the concepts expressed by a token sequence written in ``language``.

        The language's own phrases are matched longest first; English phrases are matched too
        (loan words such as "smart city" or "IoT"), skipping the language's function words; words
        of compounding languages are also searched for vocabulary words they contain. A concept
        is counted at most once per word position. ``stems`` may pass the tokens' stems in
        ``language`` when the caller has them already.
        """
        found: dict[tuple[int, str], str] = {}
        self._phrase_hits(tokens, language, language, found, stems)
        if language != "en":
            self._phrase_hits(tokens, "en", language, found)
        if language in COMPOUNDING:
            self._compound_hits(tokens, language, found)
        return [hit for _, hit in sorted(found.items(), key=lambda item: item[0])]

    def _phrase_hits(
        self,
        tokens: list[str],
        vocab_language: str,
        text_language: str,
        found: _Found,
        stems: list[str] | None = None,
    ) -> None:
        """Greedy longest-first phrase matching of one language's vocabulary.

        A phrase starting inside the one matched before counts only if it reaches beyond it.
        """
        table = self.phrases.get(vocab_language, {})
        if vocab_language != text_language:
            # English loan words are written as in English: a word with letters English does
            # not write is the language's own (Hungarian "ár", price, is not "AR").
            skip = STOPWORDS.get(text_language, frozenset())
            stems = [  # type: ignore
                None if t in skip or not t.isascii() else stem(t, vocab_language) for t in tokens
            ]
        elif stems is None:
            stems = [stem(t, vocab_language) for t in tokens]
        starts = self.first_stems.get(vocab_language, {})
        strong = self.strong.get(vocab_language, set())
        exact_forms = self.exact.get(vocab_language, {})
        # A function word alone is never a concept, although its stem may be a term's: German
        # "sich" is the stem of "sicher", Finnish "kun" (when) of "kunta" (municipality).
        function_words = STOPWORDS.get(text_language, frozenset())
        if exact_forms:
            positions = [
                i for i, (s, token) in enumerate(zip(stems, tokens, strict=True))
                if s in starts or (s is not None and _written_key(token, exact_forms))
            ]  # fmt: skip
        else:
            positions = [i for i, s in enumerate(stems) if s in starts]
        free = 0
        for i in positions:
            first = stems[i]
            written = _written_key(tokens[i], exact_forms) if exact_forms else None
            for size in range(min(starts.get(first, 1), len(stems) - i), 0, -1):
                if i + size <= free:
                    break  # inside the phrase matched before: only a longer reach overlaps it
                if size == 1 and tokens[i] in function_words:
                    continue
                keys = [tuple(stems[i : i + size])]
                if size == 1 and written:
                    keys.append((written,))
                broad_by_concept: dict[str, bool] = {}
                for key in keys:
                    for concept in table.get(key, ()):  # type: ignore[call-overload]
                        hint = (key, concept) not in strong
                        broad_by_concept[concept] = broad_by_concept.get(concept, True) and hint
                if broad_by_concept:
                    surface = " ".join(tokens[i : i + size])
                    for concept, broad in broad_by_concept.items():
                        if not any((j, concept) in found for j in range(i, i + size)):
                            found[(i, concept)] = ConceptHit(concept, surface, broad, i, size)
                    free = i + size
                    break

    def _compound_hits(self, tokens: list[str], language: str, found: _Found) -> None:
        """Find vocabulary words glued inside longer compound words."""
        pieces = self.pieces.get(language, {})
        strong = self.strong.get(language, set())
        matched = {position for position, _ in found}
        function_words = STOPWORDS.get(language, frozenset())
        for position, token in enumerate(tokens):
            if position in matched or token in function_words:
                continue  # a whole-word match says more than the parts ("Cybersicherheit")
            word = strip_accents(token)
            broad: dict[str, bool] = {}
            for start in range(len(word)):
                minimum = _MIN_PREFIX if start == 0 else _MIN_INFIX
                for end in range(start + minimum, len(word) + 1):
                    piece = word[start:end]
                    for concept in pieces.get(piece, ()):
                        hint = (piece, concept) not in strong
                        broad[concept] = broad.get(concept, True) and hint
            for concept, hint in broad.items():
                hit = ConceptHit(concept, token, hint, position, 1)
                found.setdefault((position, concept), hit)


def exact_key(token: str) -> str:
    """The vocabulary key of a word matched as written (``=``): its accent-free form, marked.

    The shipped vocabulary's ``=`` words are also left unstemmed as words (``text.stem``), so
    a need and a profile share them as words exactly when they share them as concepts.
    """
    return EXACT_MARK + strip_accents(token)


def _written_key(token: str, forms: dict[str, str]) -> str | None:
    """The key of a word matched as written, for a token of a text (accents aside)."""
    key = forms.get(token)
    if key is None and not token.isascii():
        key = forms.get(strip_accents(token))
    return key


_DEFAULT: ConceptVocabulary | None = None


def default_vocabulary() -> ConceptVocabulary:
    """Return the shipped vocabulary, parsed once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ConceptVocabulary()
    return _DEFAULT


def vocabulary_languages() -> frozenset[str]:
    """Return the languages the shipped vocabulary has terms in (English among them)."""
    return frozenset(default_vocabulary().phrases)
