"""Evaluate the engine, with and without the embedding, against TF-IDF and BM25 baselines.

The library reads no catalogue files: the records come from the caller (``flask devset
evaluate`` reads the seed through the app's import, so the evaluation ranks what the app ranks).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from statistics import mean
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.fusion import LANGUAGE_GROUPS, Fusion, language_group
from matching.index import MatchIndex
from matching.metrics import ndcg_at_k, recall_at_k, reciprocal_rank
from matching.records import OrganisationRecord
from matching.semantic import MODEL_ID, default_encoder, query_key
from matching.vectorstore import load_vectors, save_vectors

K = 10
Ranker = Callable[[str], list[str]]
QUERY_VECTORS = "query-vectors-e5-small.npz"
EMBEDDING_ALONE = {group: Fusion(1.0) for group in LANGUAGE_GROUPS}


def load_devset(path: Path | None = None) -> list[dict[str, Any]]:
    """Return the labelled needs (the shipped ``matching/devset/needs.json`` by default)."""
    if path is None:
        source = resources.files("matching").joinpath("devset").joinpath("needs.json")
        return json.loads(source.read_text(encoding="utf-8"))["needs"]
    return json.loads(Path(path).read_text(encoding="utf-8"))["needs"]


def fold_duplicates(
    needs: Sequence[dict[str, Any]], listed_as: dict[str, str]
) -> list[dict[str, Any]]:
    """The needs with the grades of merged duplicate records moved to the organisation listed.

    A record the catalogue lists as part of another organisation is never ranked on its own, so
    its grade counts for that organisation, the higher grade winning.
    """
    folded = []
    for need in needs:
        relevance: dict[str, int] = {}
        for ref, grade in need["relevance"].items():
            listed = listed_as.get(ref, ref)
            relevance[listed] = max(relevance.get(listed, 0), grade)
        folded.append({**need, "relevance": relevance})
    return folded


def record_text(record: OrganisationRecord) -> str:
    """Everything a record says, as one text, for the baselines."""
    parts = [record.name, record.description, *record.technologies, *record.sectors]
    for service in record.services:
        parts += [service.title, service.description, *service.technologies, *service.sectors]
    return " ".join(parts)


def devset_query_vectors(
    needs: Sequence[dict[str, Any]], path: Path | None = None, save: bool = False
) -> dict[str, np.ndarray]:
    """Return the needs' vectors by ``query_key``: the shipped cache, then the encoder if any.

    ``save`` writes the cache back when it had to encode needs it did not hold.
    """
    path = path or Path(str(resources.files("matching").joinpath("devset", QUERY_VECTORS)))
    cached = load_vectors(path, MODEL_ID) if path.exists() else {}
    missing = [n["text"] for n in needs if query_key(n["text"]) not in cached]
    encoder = default_encoder() if missing else None
    if encoder is not None and encoder.model_id == MODEL_ID:
        cached |= {query_key(text): encoder.query(text) for text in missing}
        if save:
            save_vectors(path, MODEL_ID, cached)
    return cached


def engine_ranker(
    records: Sequence[OrganisationRecord],
    vectors: dict[str, np.ndarray] | None = None,
    queries: dict[str, np.ndarray] | None = None,
    **params: Any,
) -> Ranker:
    """Rank with MatchIndex (the product), with the embedding when vectors are given."""
    index = MatchIndex(**params).fit(records, vectors=vectors)

    def rank(text: str) -> list[str]:
        vector = (queries or {}).get(query_key(text))
        return [match.id for match in index.query(text, limit=K, query_vector=vector)]

    return rank


def tfidf_ranker(records: Sequence[OrganisationRecord]) -> Ranker:
    """Rank by plain TF-IDF cosine over each record's whole text (scikit-learn defaults)."""
    ids = [record.id for record in records]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    matrix = vectorizer.fit_transform([record_text(r) for r in records])

    def rank(text: str) -> list[str]:
        scores = (matrix @ vectorizer.transform([text]).T).toarray().ravel()
        order = np.lexsort((np.arange(len(ids)), -scores))
        return [ids[i] for i in order[:K] if scores[i] > 0]

    return rank


def bm25_ranker(records: Sequence[OrganisationRecord]) -> Ranker:
    """Rank with BM25 (bm25s, English stop words) over each record's whole text."""
    import bm25s

    ids = [record.id for record in records]
    retriever = bm25s.BM25()
    corpus = bm25s.tokenize([record_text(r) for r in records], stopwords="en", show_progress=False)
    retriever.index(corpus, show_progress=False)

    def rank(text: str) -> list[str]:
        scores = retriever.get_scores(
            bm25s.tokenize(text, stopwords="en", return_ids=False, show_progress=False)[0]
        )
        order = np.lexsort((np.arange(len(ids)), -scores))
        return [ids[i] for i in order[:K] if scores[i] > 0]

    return rank


def score_needs(ranker: Ranker, needs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Compute the metrics of one system for every need."""
    rows = []
    for need in needs:
        ranking = ranker(need["text"])
        relevance = need["relevance"]
        rows.append({
            "language": need["language"],
            "topic": need["topic"],
            "ndcg": ndcg_at_k(ranking, relevance, K),
            "mrr": reciprocal_rank(ranking, relevance, K),
            "recall": recall_at_k(ranking, relevance, K),
            "ranking": ranking,
        })  # fmt: skip
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, tuple[int, float, float, float]]:
    """Average the metrics overall, for English, for non-English and per language."""
    groups: dict[str, list[dict[str, Any]]] = {"all": rows}
    groups["en"] = [r for r in rows if r["language"] == "en"]
    groups["non-en"] = [r for r in rows if r["language"] != "en"]
    for group in LANGUAGE_GROUPS[1:]:
        groups[f"group {group}"] = [r for r in rows if language_group(r["language"]) == group]
    for language in sorted({r["language"] for r in rows} - {"en"}):
        groups[language] = [r for r in rows if r["language"] == language]
    return {
        name: (len(g), mean(r["ndcg"] for r in g), mean(r["mrr"] for r in g),
               mean(r["recall"] for r in g))
        for name, g in groups.items() if g
    }  # fmt: skip


def language_shares(rows: Sequence[dict[str, Any]]) -> list[tuple[str, int, float, float, float]]:
    """Each language's nDCG@10 as a share of English's, and of its English twins'.

    Rows are ``(language, needs, nDCG@10, share of all English needs, share of the English
    needs of the same topics)``; the twin share is NaN where no need of the language has one;
    no rows without English needs (or when they all score 0).
    The needs of a language are of a few topics only, some hard in any language (a gap of the
    catalogue), so the twin share tells the language apart from the topic.
    """
    english = [r for r in rows if r["language"] == "en"]
    english_mean = mean(r["ndcg"] for r in english) if english else 0.0
    if not english_mean:
        return []  # nothing to compare with
    by_topic: dict[str, list[float]] = {}
    for row in english:
        by_topic.setdefault(row["topic"], []).append(row["ndcg"])
    shares = []
    for language in sorted({r["language"] for r in rows} - {"en"}):
        own = [r for r in rows if r["language"] == language]
        paired = [r for r in own if r["topic"] in by_topic]
        twins = mean(mean(by_topic[r["topic"]]) for r in paired) if paired else 0.0
        ndcg = mean(r["ndcg"] for r in own)
        twin_share = mean(r["ndcg"] for r in paired) / twins if twins else float("nan")
        shares.append((language, len(own), ndcg, ndcg / english_mean, twin_share))
    return shares


def format_shares(shares: Sequence[tuple[str, int, float, float, float]]) -> str:
    """Render ``language_shares`` as a Markdown table."""
    lines = [
        "| language | n | engine nDCG@10 | share of English | share of its English twins |",
        "|---|---|---|---|---|",
    ]
    for language, n, ndcg, share, twin_share in shares:
        twins = "-" if math.isnan(twin_share) else f"{twin_share:.0%}"
        lines.append(f"| {language} | {n} | {ndcg:.3f} | {share:.0%} | {twins} |")
    return "\n".join(lines)


def format_table(results: dict[str, dict[str, tuple[int, float, float, float]]]) -> str:
    """Render the results as a Markdown table, one row per language group and system."""
    lines = ["| needs | n | system | nDCG@10 | MRR@10 | recall@10 |", "|---|---|---|---|---|---|"]
    groups = next(iter(results.values())).keys()
    for group in groups:
        for system, summary in results.items():
            n, ndcg, mrr, recall = summary[group]
            lines.append(f"| {group} | {n} | {system} | {ndcg:.3f} | {mrr:.3f} | {recall:.3f} |")
    return "\n".join(lines)


def run(
    records: Sequence[OrganisationRecord],
    needs: Sequence[dict[str, Any]],
    vectors_path: Path,
    save_query_vectors: bool = False,
) -> None:
    """Print the table of every system on ``needs`` over ``records``, and the services' share."""
    records = list(records)
    systems = _systems(records, list(needs), vectors_path, save_query_vectors)
    scored = {name: score_needs(rank, needs) for name, rank in systems.items()}
    print(f"{len(records)} organisations, {len(needs)} needs, cut-off {K}")
    print(format_table({name: summarise(rows) for name, rows in scored.items()}))
    with_services = {record.id for record in records if record.services}
    print(
        f"\nOrganisations with services: {len(with_services)} of {len(records)} "
        f"({len(with_services) / len(records):.1%} of the catalogue); top-{K} places they take:"
    )
    for name, rows in scored.items():
        places = [ref for row in rows for ref in row["ranking"][:K]]
        share = sum(ref in with_services for ref in places) / max(len(places), 1)
        print(f"- {name}: {share:.1%} of {len(places)} places")
    product = next(iter(scored))
    shares = language_shares(scored[product])
    if shares:
        print(f"\nPer language, {product}: share of the English needs' nDCG@10 (all, and twins)")
        print(format_shares(shares))


def _systems(
    records: list[OrganisationRecord], needs: list[dict[str, Any]], vectors_path: Path, save: bool
) -> dict[str, Ranker]:
    """The compared systems; the embedding ones only when the vectors of all needs are known."""
    vectors = load_vectors(vectors_path, MODEL_ID) if vectors_path.exists() else {}
    queries = devset_query_vectors(needs, save=save)
    systems: dict[str, Ranker] = {}
    if vectors and all(query_key(n["text"]) in queries for n in needs):
        systems["engine"] = engine_ranker(records, vectors, queries)
    else:
        print("no vectors for the seed or the needs: the embedding is not evaluated")
    systems["engine without embedding"] = engine_ranker(records)
    if "engine" in systems:
        systems["embedding alone"] = engine_ranker(
            records, vectors, queries, fusion=EMBEDDING_ALONE
        )
    systems["engine, no concepts, no embedding"] = engine_ranker(records, use_concepts=False)
    systems["TF-IDF cosine"] = tfidf_ranker(records)
    systems["BM25 (bm25s)"] = bm25_ranker(records)
    return systems
