"""Evaluate the engine against TF-IDF and BM25 baselines on the labelled development set."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from statistics import mean
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.index import MatchIndex
from matching.interchange import load_seed_dir
from matching.metrics import ndcg_at_k, recall_at_k, reciprocal_rank
from matching.records import Record

K = 10
Ranker = Callable[[str], list[str]]


def load_devset(path: Path | None = None) -> list[dict[str, Any]]:
    """Return the labelled needs (the shipped ``matching/devset/needs.json`` by default)."""
    if path is None:
        source = resources.files("matching").joinpath("devset").joinpath("needs.json")
        return json.loads(source.read_text(encoding="utf-8"))["needs"]
    return json.loads(Path(path).read_text(encoding="utf-8"))["needs"]


def record_text(record: Record) -> str:
    """Everything a record says, as one text, for the baselines."""
    parts = [record.name, record.description, *record.technologies, *record.sectors]
    for service in record.services:
        parts += [service.title, service.description, *service.technologies, *service.sectors]
    return " ".join(parts)


def engine_ranker(records: Sequence[Record], **params: Any) -> Ranker:
    """Rank with MatchIndex (the product)."""
    index = MatchIndex(**params).fit(records)
    return lambda text: [match.id for match in index.query(text, limit=K)]


def tfidf_ranker(records: Sequence[Record]) -> Ranker:
    """Rank by plain TF-IDF cosine over each record's whole text (scikit-learn defaults)."""
    ids = [record.id for record in records]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    matrix = vectorizer.fit_transform([record_text(r) for r in records])

    def rank(text: str) -> list[str]:
        scores = (matrix @ vectorizer.transform([text]).T).toarray().ravel()
        order = np.lexsort((np.arange(len(ids)), -scores))
        return [ids[i] for i in order[:K] if scores[i] > 0]

    return rank


def bm25_ranker(records: Sequence[Record]) -> Ranker:
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
            "ndcg": ndcg_at_k(ranking, relevance, K),
            "mrr": reciprocal_rank(ranking, relevance, K),
            "recall": recall_at_k(ranking, relevance, K),
        })  # fmt: skip
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, tuple[int, float, float, float]]:
    """Average the metrics overall, for English, for non-English and per language."""
    groups: dict[str, list[dict[str, Any]]] = {"all": rows}
    groups["en"] = [r for r in rows if r["language"] == "en"]
    groups["non-en"] = [r for r in rows if r["language"] != "en"]
    for language in sorted({r["language"] for r in rows} - {"en"}):
        groups[language] = [r for r in rows if r["language"] == language]
    return {
        name: (len(g), mean(r["ndcg"] for r in g), mean(r["mrr"] for r in g),
               mean(r["recall"] for r in g))
        for name, g in groups.items() if g
    }  # fmt: skip


def format_table(results: dict[str, dict[str, tuple[int, float, float, float]]]) -> str:
    """Render the results as a Markdown table, one row per language group and system."""
    lines = ["| needs | n | system | nDCG@10 | MRR@10 | recall@10 |", "|---|---|---|---|---|---|"]
    groups = next(iter(results.values())).keys()
    for group in groups:
        for system, summary in results.items():
            n, ndcg, mrr, recall = summary[group]
            lines.append(f"| {group} | {n} | {system} | {ndcg:.3f} | {mrr:.3f} | {recall:.3f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``python -m matching.evaluate [--seed-dir seed_data] [--devset FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed-dir", type=Path, default=Path("seed_data"))
    parser.add_argument("--devset", type=Path, default=None)
    args = parser.parse_args(argv)
    records = load_seed_dir(args.seed_dir)
    needs = load_devset(args.devset)
    systems: dict[str, Ranker] = {
        "engine": engine_ranker(records),
        "engine, no concepts": engine_ranker(records, use_concepts=False),
        "TF-IDF cosine": tfidf_ranker(records),
        "BM25 (bm25s)": bm25_ranker(records),
    }
    results = {name: summarise(score_needs(rank, needs)) for name, rank in systems.items()}
    print(f"{len(records)} organisations, {len(needs)} needs, cut-off {K}")
    print(format_table(results))


if __name__ == "__main__":
    main()
