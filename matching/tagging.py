"""Technologies, sectors and service families an organisation's own words reveal, with the words.

The text goes through the matching engine's own analysis (``analysis.concept_hits``: tokens,
Snowball stems, the multilingual concept vocabulary); ``data/tags.txt`` says which concepts name
which vocabulary label. Terms marked as hints in ``data/concepts.txt`` never name a label alone,
so "city" is not Smart City and "monitoring" is not a sensor.

Examples
--------
>>> [(d.label, d.words) for d in detect_labels("IoT sensors for air quality", "en")][:2]
[('Internet of Things', ('iot',)), ('Sensors & Vision Processing Systems', ('sensors',))]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from matching.analysis import FAMILY_CONCEPTS, concept_hits
from matching.concepts import CONCEPT_PREFIX, ConceptVocabulary, default_vocabulary
from matching.language import SAMPLE_LENGTH, check_language, detect_language
from matching.text import read_data

VOCABULARIES: tuple[str, ...] = ("technology", "sector", "family")
MAX_WORDS = 5  # the words shown as evidence for one label


@dataclass(frozen=True)
class DetectedLabel:
    """A vocabulary label found in a text and the words of the text that revealed it.

    ``label`` is the vocabulary's label ("Internet of Things"); for ``family`` it is the family
    key ("test_before_invest"). ``words`` are the text's own (case-folded) words, first seen first.
    """

    vocabulary: str
    label: str
    words: tuple[str, ...]


class LabelTable:
    """Which concepts name which label of each vocabulary.

    Parameters
    ----------
    text : str or None
        The table in the ``data/tags.txt`` format; the shipped file when ``None``.
    families : mapping of str to str, optional
        Concept token ("#testing") to service family; ``analysis.FAMILY_CONCEPTS`` by default.
    vocabulary : ConceptVocabulary, optional
        The concepts the table may name; the shipped vocabulary by default.
    """

    def __init__(
        self,
        text: str | None = None,
        families: Mapping[str, str] | None = None,
        vocabulary: ConceptVocabulary | None = None,
    ) -> None:
        self.labels: dict[str, dict[str, tuple[str, ...]]] = {name: {} for name in VOCABULARIES}
        known = set((vocabulary or default_vocabulary()).concepts)
        self._parse(read_data("tags.txt") if text is None else text, known)
        for token, family in (FAMILY_CONCEPTS if families is None else families).items():
            concepts = self.labels["family"].get(family, ())
            self.labels["family"][family] = (*concepts, token.removeprefix(CONCEPT_PREFIX))
        self.by_concept: dict[str, list[tuple[str, str]]] = {}
        for name, table in self.labels.items():
            for label, concepts in table.items():
                for concept in concepts:
                    self.by_concept.setdefault(concept, []).append((name, label))

    def _parse(self, text: str, known: set[str]) -> None:
        """Read the sections and ``Label = concept, ...`` lines; raise ValueError on a bad line."""
        section = None
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line.strip("[]").strip()
                if section not in VOCABULARIES[:2]:
                    raise ValueError(f"tags line {number}: unknown vocabulary [{section}]")
                continue
            label, equals, listed = (part.strip() for part in line.partition("="))
            concepts = tuple(c.strip() for c in listed.split(",") if c.strip())
            if section is None or not equals or not label or not concepts:
                raise ValueError(
                    f"tags line {number}: expected 'Label = concept, ...' in a section"
                )
            unknown = [concept for concept in concepts if concept not in known]
            if unknown:
                raise ValueError(f"tags line {number}: unknown concept {unknown[0]!r}")
            self.labels[section][label] = concepts


_DEFAULT: LabelTable | None = None


def default_table() -> LabelTable:
    """Return the shipped label table, parsed once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LabelTable()
    return _DEFAULT


def detect_labels(
    text: str, language: str | None = None, table: LabelTable | None = None
) -> list[DetectedLabel]:
    """Return the labels a text reveals, by vocabulary (technology, sector, family) then label.

    ``language`` is the ISO 639-1 code of the text; it is detected when ``None``.
    """
    language = check_language(language) if language else detect_language(text)
    table = table or default_table()
    found: dict[tuple[str, str], list[str]] = {}
    for hit in concept_hits(text, language):
        if hit.broad:
            continue
        for key in table.by_concept.get(hit.concept, ()):
            words = found.setdefault(key, [])
            if hit.surface not in words and len(words) < MAX_WORDS:
                words.append(hit.surface)
    order = {name: position for position, name in enumerate(VOCABULARIES)}
    keys = sorted(found, key=lambda key: (order[key[0]], key[1]))
    return [DetectedLabel(name, label, tuple(found[name, label])) for name, label in keys]


def detect_organisation_labels(
    name: str, description: str, table: LabelTable | None = None
) -> list[DetectedLabel]:
    """Return the labels an organisation's name and description reveal.

    The language is the description's (the name's when there is none), read from its start as
    the matching engine reads a record's: names often keep the local language while the
    description is in English.
    """
    language = detect_language((description.strip() or name)[:SAMPLE_LENGTH])
    return detect_labels(f"{name}\n{description}", language, table)
