"""MatchIndex: a fitted TF-IDF index over organisations and services that ranks and explains."""

from __future__ import annotations

import copy
import logging
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.analysis import (
    DEFAULT_FIELD_WEIGHTS,
    FAMILY_CONCEPTS,
    FIELDS,
    analyze,
    analyze_query,
    org_field_texts,
    service_field_texts,
)
from matching.concepts import CONCEPT_PREFIX
from matching.explain import ExplainContext
from matching.fusion import Fusion, check_fusion, language_group
from matching.language import check_language, detect_language
from matching.meaning import SemanticUnits
from matching.postings import summed_postings
from matching.ranked import Ranking
from matching.ranking import (
    aggregate,
    aggregate_among,
    country_weights,
    family_weights,
    kind_weights,
    top_k,
)
from matching.records import FAMILIES, INTERMEDIARY_KINDS, Match, OrganisationRecord
from matching.semantic import MODEL_ID, Encoder
from matching.similarity import profile_vector, unit_scores_of
from matching.validation import check_options, check_records, check_share, record_language
from matching.weighting import weighted_fields

log = logging.getLogger(__name__)
SIMILAR_TERMS = 32  # similar() looks for a hub's strongest terms: enough to find its peers
SIMILAR_CANDIDATES = 50  # ...among the hubs closest in meaning, when there are vectors
NETWORKING_CONCEPT = "#networking"  # a need that states it asks for partners
NETWORKING_FAMILY = FAMILIES.index("ecosystem_networking")
LENGTH_SLOPE = 0.3  # learned on the development set (docs/matching.md)
# A network or initiative ranks above a provider for a delivery need only with twice its
# evidence: at 0.7 an EU programme's own "test before invest" page, lifted by the embedding,
# led "test air-quality sensors before buying them" (docs/matching.md, 6b).
INTERMEDIARY_FACTOR = 0.5
# A need's plain words (not its concepts) can only match records written in the need's
# language, and where few records are, they match them on the commonest words ("ville",
# "numérique"), which are rare in the whole catalogue and so weigh most. They count in
# proportion to the share of records in their language, fully from OWN_LANGUAGE_FULL_SHARE,
# never below OWN_LANGUAGE_FLOOR (names and loan words still count). See docs/matching.md.
OWN_LANGUAGE_FULL_SHARE = 0.2
OWN_LANGUAGE_FLOOR = 0.3
_NO_TERMS = "\x00"  # the single, never-matching term of a catalogue without any words


def _identity(terms: list[str]) -> list[str]:
    """Hand pre-analysed terms to scikit-learn unchanged (module level, so it pickles)."""
    return terms


class MatchIndex:
    """Rank organisations and their services against a need written in any EU language.

    Parameters
    ----------
    field_weights : mapping of str to float, optional
        Weight of each field (see ``matching.analysis.FIELDS``); missing fields keep defaults.
    family_boost : float, default 0.25
        Preference for services in the requested families (others are divided by 1 + boost).
    country_boost, neighbour_boost : float, default 0.1 and 0.04
        Preference for organisations in the city's country and in neighbouring countries.
    use_concepts : bool, default True
        Add multilingual concept tokens; ``False`` leaves plain stemmed words.
    length_slope : float, default LENGTH_SLOPE
        Pivoted length normalisation of fields (1: plain cosine); see ``matching.weighting``.
    intermediary_factor : float, default INTERMEDIARY_FACTOR
        Weight of networks and initiatives (``INTERMEDIARY_KINDS``) for a need asking for
        delivery rather than for partners; 1 ranks them with providers.
    min_df : int, default 1
        Terms found in fewer units are dropped.
    max_df : float, default 1.0
        Terms found in a larger share of units are dropped.
    encoder : matching.semantic.Encoder, optional
        Embeds needs for the similarity of meaning (``matching.semantic.default_encoder()``);
        without it, or without unit vectors, the index ranks on shared words alone.
    fusion : mapping of str to matching.fusion.Fusion, optional
        Share of meaning per language group ("en", "concepts", "other"); missing groups keep
        the learned defaults of ``matching.fusion.DEFAULT_FUSION``.

    Examples
    --------
    >>> from matching import MatchIndex, OrganisationRecord
    >>> lab = OrganisationRecord("a", "Traffic lab", description="traffic sensors")
    >>> index = MatchIndex().fit([lab])
    >>> index.query("Verkehrssensoren")[0].id
    'a'
    """

    def __init__(
        self,
        field_weights: Mapping[str, float] | None = None,
        family_boost: float = 0.25,
        country_boost: float = 0.1,
        neighbour_boost: float = 0.04,
        use_concepts: bool = True,
        length_slope: float = LENGTH_SLOPE,
        intermediary_factor: float = INTERMEDIARY_FACTOR,
        min_df: int = 1,
        max_df: float = 1.0,
        encoder: Encoder | None = None,
        fusion: Mapping[str, Fusion] | None = None,
    ) -> None:
        self.field_weights = field_weights
        self.family_boost = family_boost
        self.country_boost = country_boost
        self.neighbour_boost = neighbour_boost
        self.use_concepts = use_concepts
        self.length_slope = length_slope
        self.intermediary_factor = intermediary_factor
        self.min_df = min_df
        self.max_df = max_df
        self.encoder = encoder
        self.fusion = fusion

    def fit(
        self, records: Iterable[OrganisationRecord], vectors: Mapping[str, np.ndarray] | None = None
    ) -> MatchIndex:
        """Learn the vocabulary, weights and matrices from the catalogue; return ``self``.

        ``vectors`` maps passage keys (``matching.semantic.passage_key``) to embedding vectors;
        units whose passage has none are ranked on shared words alone.
        """
        ordered = check_records(records)
        check_share(self.length_slope, "length_slope")
        check_share(self.intermediary_factor, "intermediary_factor")
        self.fusion_ = check_fusion(dict(self.fusion or {}))
        weights = self._weights()
        self.records_ = tuple(ordered)
        self.record_index_ = {record.id: i for i, record in enumerate(ordered)}
        self.record_language_ = tuple(record_language(r) for r in ordered)
        self.language_share_ = {
            language: count / len(ordered)
            for language, count in Counter(self.record_language_).items()
        }
        self._fit_units()
        field_terms = self._field_terms()
        self.vectorizer_ = TfidfVectorizer(
            analyzer=_identity, sublinear_tf=True, norm=None, dtype=np.float32,
            min_df=self.min_df, max_df=self.max_df,
        )  # fmt: skip
        documents = _unit_documents(field_terms, len(self.unit_org_))
        try:
            self.vectorizer_.fit(documents)
        except ValueError:  # no term survived (stop words only, or pruned by min_df/max_df)
            self.vectorizer_.set_params(min_df=1, max_df=1.0).fit([[_NO_TERMS]])
        self.terms_ = self.vectorizer_.get_feature_names_out().tolist()  # by id, plain str
        self._fit_matrices(field_terms, weights)
        self.semantic_ = SemanticUnits.build(
            self.records_, vectors or {}, self._model_id(), self.unit_org_, SIMILAR_CANDIDATES
        )
        return self

    def _model_id(self) -> str:
        """Return the id of the model whose vectors this index uses."""
        return getattr(self.encoder, "model_id", MODEL_ID)

    def with_vectors(self, vectors: Mapping[str, np.ndarray]) -> MatchIndex:
        """Return a copy of this fitted index using ``vectors``, without analysing text again."""
        clone = copy.copy(self)
        clone.semantic_ = SemanticUnits.build(
            self.records_, vectors, self._model_id(), self.unit_org_, SIMILAR_CANDIDATES
        )
        return clone

    def _weights(self) -> dict[str, float]:
        """Validate and complete the field weights."""
        weights = dict(DEFAULT_FIELD_WEIGHTS)
        for name, value in (self.field_weights or {}).items():
            if name not in weights:
                raise ValueError(f"unknown field {name!r} in field_weights, expected {FIELDS}")
            if not value >= 0:
                raise ValueError(f"field weight of {name!r} must be >= 0, got {value!r}")
            weights[name] = float(value)
        return weights

    def _fit_units(self) -> None:
        """Lay out units (each organisation's own profile, then its services) contiguously."""
        unit_org, unit_service, unit_family, starts = [], [], [], []
        for org, record in enumerate(self.records_):
            starts.append(len(unit_org))
            unit_org.append(org)
            unit_service.append(-1)
            unit_family.append(-1)
            for position, service in enumerate(record.services):
                unit_org.append(org)
                unit_service.append(position)
                unit_family.append(FAMILIES.index(service.family))
        self.unit_org_ = np.asarray(unit_org, dtype=np.int64)
        self.unit_service_ = np.asarray(unit_service, dtype=np.int64)
        self.unit_family_ = np.asarray(unit_family, dtype=np.int64)
        self.org_start_ = np.asarray(starts, dtype=np.int64)
        countries = [r.country or "" for r in self.records_]
        self.countries_ = sorted(set(countries))
        code = {country: i for i, country in enumerate(self.countries_)}
        self.org_country_code_ = np.asarray([code[c] for c in countries], dtype=np.int32)
        self.org_intermediary_ = np.asarray(
            [r.kind in INTERMEDIARY_KINDS for r in self.records_], dtype=bool
        )

    def _field_terms(self) -> dict[str, list[list[str]]]:
        """Analyse every field of every unit, and note the families each profile reveals."""
        columns: dict[str, list[list[str]]] = {name: [] for name in FIELDS}
        family_mask = np.zeros((len(self.records_), len(FAMILIES)), dtype=bool)
        # Tags, family texts and repeated descriptions recur across units: analyse each once.
        analysed: dict[tuple[str, str], list[str]] = {}
        for org, service in zip(self.unit_org_, self.unit_service_, strict=True):
            record = self.records_[org]
            if service < 0:
                texts = org_field_texts(record)
            else:
                texts = service_field_texts(record.services[service])
                family_mask[org, FAMILIES.index(record.services[service].family)] = True
            language = self.record_language_[org]
            for name in FIELDS:
                text = texts.get(name, "")
                terms = analysed.get((text, language))
                if terms is None:
                    terms = analysed[text, language] = analyze(text, language, self.use_concepts)
                columns[name].append(terms)
                if service < 0 and name == "description":
                    for term in set(terms) & FAMILY_CONCEPTS.keys():
                        family_mask[org, FAMILIES.index(FAMILY_CONCEPTS[term])] = True
        self.org_family_mask_ = family_mask
        return columns

    def _fit_matrices(self, field_terms: dict[str, list[list[str]]], weights: dict) -> None:
        """Build the weighted per-field TF-IDF matrices and the term-major matrix of units."""
        raw = {name: self.vectorizer_.transform(field_terms[name]) for name in FIELDS}
        self.field_matrices_ = weighted_fields(raw, weights, self.length_slope)
        total = sum(self.field_matrices_.values())
        self.term_unit_ = sparse.csr_matrix(total).T.tocsr().astype(np.float32)

    def plain_word_weight(self, language: str) -> float:
        """How much a need's plain words count against its concepts, by the need's language.

        English (most of any catalogue, and the language of loan words) counts fully; another
        language as its share of the records allows (``OWN_LANGUAGE_FULL_SHARE``).
        """
        if language == "en":
            return 1.0
        share = self.language_share_.get(language, 0.0) / OWN_LANGUAGE_FULL_SHARE
        return max(OWN_LANGUAGE_FLOOR, min(1.0, share))

    def _query_vector(self, terms: list[str], plain_weight: float = 1.0) -> sparse.csr_matrix:
        """TF-IDF vector of a need, as the vectorizer would make it, without its overhead;
        terms that are not concepts are weighted by ``plain_weight``."""
        counts = Counter(self.vectorizer_.vocabulary_.get(term, -1) for term in terms)
        counts.pop(-1, None)
        ids = np.asarray(sorted(counts), dtype=np.int32)
        values = np.asarray([1.0 + np.log(counts[i]) for i in ids], dtype=np.float32)
        values *= self.vectorizer_.idf_[ids].astype(np.float32)
        if plain_weight != 1.0:
            plain = np.asarray(
                [not self.terms_[i].startswith(CONCEPT_PREFIX) for i in ids], dtype=bool
            )
            values[plain] *= plain_weight
        norm = float(np.sqrt((values * values).sum())) or 1.0
        shape = (1, len(self.terms_))
        return sparse.csr_matrix((values / norm, ids, [0, len(ids)]), shape=shape)

    def _unit_scores(self, vector: sparse.csr_matrix) -> np.ndarray:
        """Cosine of the query with every unit: add up the postings of the query's terms."""
        scores = summed_postings(self.term_unit_, vector.indices, vector.data)
        return np.clip(scores, 0.0, 1.0)

    def detect_language(self, text: str) -> str:
        """Return the ISO 639-1 code of the language a text is written in."""
        return detect_language(text)

    def query(
        self,
        text: str,
        country: str | None = None,
        families: Iterable[str] | None = None,
        language: str | None = None,
        limit: int = 10,
        query_vector: np.ndarray | None = None,
    ) -> list[Match]:
        """Rank organisations for a need, best first, each with an explanation.

        Parameters
        ----------
        text : str
            The need in the city's own words; must contain something besides white space.
        country : str, optional
            ISO 3166-1 alpha-2 code of the city: nearby organisations are preferred, never hidden.
        families : iterable of str, optional
            Service families wanted: preferred, never a filter.
        language : str, optional
            ISO 639-1 code of ``text``; detected when absent.
        limit : int, default 10
            Maximum number of organisations returned.
        query_vector : numpy.ndarray, optional
            The need's embedding (e.g. cached); encoded with ``encoder`` when absent.

        Returns
        -------
        list of Match
            Only organisations with a positive score; may be shorter than ``limit``.
        """
        return self.rank(text, country, families, language, limit, query_vector).explain_all()

    def rank(
        self,
        text: str,
        country: str | None = None,
        families: Iterable[str] | None = None,
        language: str | None = None,
        limit: int = 10,
        query_vector: np.ndarray | None = None,
    ) -> Ranking:
        """Rank organisations for a need as ``query`` does, explaining none of them yet.

        ``Ranking.explain`` gives the ``Match`` of those that are kept: the same as ``query``
        returns for them, at a fraction of the cost when only some of the ranking is shown.
        """
        if not isinstance(text, str) or not text.strip():
            raise ValueError("text must contain a need, got an empty or blank string")
        country, preferred, limit = check_options(country, families, limit)
        language = check_language(language) if language else detect_language(text)
        parsed = analyze_query(text, language, self.use_concepts)
        vector = self._query_vector(parsed.terms, self.plain_word_weight(language))
        context = ExplainContext(
            self, vector, parsed.surfaces, language, country, "need", parsed.word_concepts
        )
        cosines = self._cosines(text, query_vector)
        # Networks and initiatives fit a need for partners; for one asking delivery they follow.
        fit = NETWORKING_CONCEPT in parsed.firm_concepts or bool(preferred[NETWORKING_FAMILY])
        return self._rank(context, preferred, limit, None, fit, cosines=cosines)

    def need_vector(self, text: str) -> np.ndarray | None:
        """The need's embedding when this index ranks by meaning too, else ``None``.

        Encode a need once and hand the vector to every ``rank`` of the same answer.
        """
        if not self.semantic_.active or self.encoder is None:
            return None
        try:
            return self.encoder.query(text)
        except Exception:  # a failing model must not fail the match: words still work
            log.exception("matching: encoding the need failed; ranking it on words alone")
            return None

    def _cosines(self, text: str, query_vector: np.ndarray | None) -> np.ndarray | None:
        """Cosines of the need's embedding with every unit; ``None`` when meaning is not used."""
        if not self.semantic_.active:
            return None
        if query_vector is None:
            query_vector = self.need_vector(text)
            if query_vector is None:
                return None
        return self.semantic_.cosines(query_vector)

    def similar(self, record_id: str, limit: int = 5) -> list[Match]:
        """Rank the organisations whose profile and services resemble those of ``record_id``.

        With vectors, the organisations closest in meaning are ranked by their shared words,
        so the cost does not grow with the catalogue's words; without, all units are scored.
        """
        if record_id not in self.record_index_:
            raise ValueError(f"unknown record id {record_id!r}")
        _, _, limit = check_options(None, None, limit)
        org = self.record_index_[record_id]
        start, stop = self._org_units(org)
        vector = profile_vector(self.field_matrices_.values(), start, stop, SIMILAR_TERMS)
        candidates = self.semantic_.neighbours(org)
        lexical = None
        if candidates is not None:
            starts = self.org_start_[candidates]
            stops = np.append(self.org_start_, len(self.unit_org_))[candidates + 1]
            lexical = unit_scores_of(self.field_matrices_.values(), vector, starts, stops)
        country = self.records_[org].country
        context = ExplainContext(self, vector, {}, self.record_language_[org], country, "hub")
        no_family = np.zeros(len(FAMILIES), dtype=bool)
        ranked = self._rank(context, no_family, limit, org, True, lexical=lexical, among=candidates)
        return ranked.explain_all()

    def _org_units(self, org: int) -> tuple[int, int]:
        """The range of unit positions of one organisation."""
        stop = self.org_start_[org + 1] if org + 1 < len(self.org_start_) else len(self.unit_org_)
        return int(self.org_start_[org]), int(stop)

    def _rank(
        self,
        context: ExplainContext,
        preferred: np.ndarray,
        limit: int,
        exclude: int | None,
        intermediaries_fit: bool,
        cosines: np.ndarray | None = None,
        lexical: np.ndarray | None = None,
        among: np.ndarray | None = None,
    ) -> Ranking:
        """Score all units for a query vector, aggregate per organisation, rank the best.

        ``lexical`` gives the units' scores already computed; ``among``, the only organisations
        whose units score above 0 in it (so only theirs are aggregated).
        """
        if lexical is None:
            lexical = self._unit_scores(context.vector)
        unit_scores = words = lexical
        if cosines is not None:
            fusion = self.fusion_[language_group(context.language)]
            unit_scores, words = self.semantic_.fused(unit_scores, cosines, fusion)
        if preferred.any():
            preference = family_weights(
                self.unit_family_, self.unit_org_, self.org_family_mask_, preferred,
                self.family_boost,
            )  # fmt: skip
            unit_scores, words = unit_scores * preference, words * preference
        if among is None:
            scores = aggregate(unit_scores, self.unit_org_, len(self.org_start_))
        else:
            scores = aggregate_among(unit_scores, self.org_start_, among)
        shares = None if cosines is None else _meaning_shares(scores, words, self)
        if not intermediaries_fit:
            scores = scores * kind_weights(self.org_intermediary_, self.intermediary_factor)
        if context.country is not None:
            scores = scores * country_weights(
                self.org_country_code_, self.countries_, context.country, self.country_boost,
                self.neighbour_boost,
            )  # fmt: skip
        if exclude is not None:
            scores[exclude] = 0.0
        return Ranking(context, unit_scores, top_k(scores, limit), scores, shares)


def _meaning_shares(scores: np.ndarray, words: np.ndarray, index: MatchIndex) -> np.ndarray:
    """Share of each organisation's score that came from meaning rather than shared words."""
    lexical = aggregate(words, index.unit_org_, len(index.org_start_))
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(scores > 0, 1.0 - lexical / scores, 0.0)
    return np.clip(shares, 0.0, 1.0)


def _unit_documents(field_terms: dict[str, list[list[str]]], n_units: int) -> list[list[str]]:
    """Concatenate the fields of each unit: document frequencies are counted per unit."""
    return [[t for name in FIELDS for t in field_terms[name][u]] for u in range(n_units)]
