"""Help for a vague need: say that it carries too little to rank on, and what to add."""

from __future__ import annotations

from dataclasses import dataclass

from matching.analysis import analyze_query
from matching.concepts import CONCEPT_PREFIX, vocabulary_languages
from matching.referral import FIT_FLOOR
from matching.tagging import detect_labels
from matching.wording import N_, join_phrases

# A need is vague with fewer distinct content words than MIN_WORDS, or fewer than FEW_WORDS
# when it names at most one of technology, domain and kind of help (told only in the languages of
# the concept vocabulary, which is what reveals them), or when no hub fits well (FIT_FLOOR).
MIN_WORDS = 2
FEW_WORDS = 4

# What a need can say, the vocabulary of matching.tagging that reveals it, and examples.
ASPECTS: dict[str, tuple[str, str]] = {
    N_("the technology"): (
        "technology",
        N_("sensors, artificial intelligence, a digital twin, open data"),
    ),
    N_("the domain"): (
        "sector",
        N_("traffic, air quality, energy use of buildings, waste collection"),
    ),
    N_("the kind of help"): (
        "family",
        N_("testing before buying, training staff, finding funding"),
    ),
}


@dataclass(frozen=True)
class Advice:
    """Why a need is too vague to rank on, what it lacks, and examples of what to add.

    ``suggestions`` pairs each missing aspect with examples; ``message`` says it all in one text.
    """

    reason: str
    missing: tuple[str, ...]
    message: str

    @property
    def suggestions(self) -> list[tuple[str, str]]:
        """Each missing aspect ("the domain") with examples of it."""
        return [(aspect, ASPECTS[aspect][1]) for aspect in self.missing]


def content_words(text: str, language: str) -> set[str]:
    """The need's distinct content words (stems), without stop words and concept tokens."""
    terms = analyze_query(text, language).terms
    return {term for term in terms if not term.startswith(CONCEPT_PREFIX)}


def _readable(language: str) -> bool:
    """Tell whether the concept vocabulary can say what a need in ``language`` names."""
    return language in vocabulary_languages()


# The reason given when the need says enough but no hub fits it well (not that it is vague).
NO_GOOD_FIT = N_("No hub fits your need well: it may be too general or worded unlike any profile.")

FILTERED_OUT = (
    "No organisation that meets your filters fits this need, though others elsewhere do: "
    "widen the filters (countries, service families or kinds of organisation) to see them."
)


def filters_left_none() -> Advice:
    """The advice when the hard filters, not the need's words, left no organisation."""
    return Advice(N_("No organisation that meets your filters fits this need."), (), FILTERED_OUT)


def advise(text: str, language: str, best_score: float) -> Advice | None:
    """Return advice when the need is too vague to rank on, else ``None``."""
    words = len(content_words(text, language))
    named = {label.vocabulary for label in detect_labels(text, language)}
    missing = tuple(aspect for aspect, (kind, _) in ASPECTS.items() if kind not in named)
    if words < MIN_WORDS:
        reason = N_("Your need has too few words to rank hubs on.")
    elif len(missing) >= len(ASPECTS) - 1 and words < FEW_WORDS and _readable(language):
        reason = N_("Your need says little about what you want to do.")
    elif best_score < FIT_FLOOR:
        reason = NO_GOOD_FIT
    else:
        return None
    wanted = missing or tuple(ASPECTS)
    examples = "; ".join(f"{aspect}, such as {ASPECTS[aspect][1]}" for aspect in wanted)
    message = f"{reason} Say more about {join_phrases(wanted)}. For example: {examples}."
    return Advice(reason, wanted, message)
