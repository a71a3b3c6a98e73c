"""The vocabularies' labels in the reader's language; the English labels stay the data's.

``catalogue/vocabularies.py`` (and ``matching/vocabulary.py`` for the families) keep the English
labels, which the API, the downloads and the interchange format carry; each label is marked
``N_()`` there so that ``make translations`` extracts it. Pages look them up here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from flask_babel import gettext, lazy_gettext

from catalogue import vocabularies
from catalogue.services.translatable import N_


def translated(label: str) -> str:
    """A label of a vocabulary in the reader's language (itself when it is no marked label)."""
    return gettext(label) if label else label


class TranslatedLabels(Mapping[str, str]):
    """A vocabulary's ``code -> label`` mapping whose labels come in the reader's language."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.labels = labels

    def __getitem__(self, code: str) -> str:
        return translated(self.labels[code])

    def __iter__(self) -> Iterator[str]:
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)


# The fields of a record a matched term is found in (``matching.analysis.FIELDS``), as pages
# name them; the API keeps the library's English names.
MATCHED_FIELDS = TranslatedLabels(
    {
        "name": N_("name"),
        "description": N_("description"),
        "technologies": N_("technologies"),
        "sectors": N_("sectors"),
        "service title": N_("service title"),
        "service description": N_("service description"),
        "audiences": N_("audiences"),
    }
)
KIND_LABELS = TranslatedLabels(vocabularies.ORGANISATION_KINDS)
FAMILY_LABELS = TranslatedLabels(vocabularies.SERVICE_FAMILIES)
AUDIENCE_LABELS = TranslatedLabels(vocabularies.AUDIENCES)
DELIVERY_LABELS = TranslatedLabels(vocabularies.DELIVERY_MODES)
DEPLOYMENT_LABELS = TranslatedLabels(vocabularies.DEPLOYMENT_STATUSES)
LEVEL_LABELS = TranslatedLabels(vocabularies.GOVERNMENT_LEVELS)
POPULATION_LABELS = TranslatedLabels(vocabularies.POPULATION_BANDS)
VISIBILITY_LABELS = TranslatedLabels(vocabularies.NEED_VISIBILITIES)
SCOPE_LABELS = TranslatedLabels(vocabularies.NEED_SCOPES)

# The families inside a sentence ("offers “X” (skills and training)"): the English of
# matching.vocabulary.FAMILY_LABELS, which tests/i18n/test_vocabulary_labels.py keeps equal.
FAMILY_PHRASES: dict[str, str] = {
    "test_before_invest": lazy_gettext("test before invest"),
    "skills_training": lazy_gettext("skills and training"),
    "investment_support": lazy_gettext("support to find investments"),
    "ecosystem_networking": lazy_gettext("innovation ecosystem and networking"),
}


def family_phrase(code: str) -> str:
    """A service family as running text in the reader's language."""
    phrase = FAMILY_PHRASES.get(code)
    return str(phrase) if phrase is not None else code
