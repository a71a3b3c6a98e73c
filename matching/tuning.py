"""Learn the fusion weights per language group on the development set: grid search, CV by topic.

Run it with ``flask devset tune``: the records are the seed as the app ranks it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.evaluate import K, devset_query_vectors
from matching.fusion import LANGUAGE_GROUPS, Fusion, language_group
from matching.index import MatchIndex
from matching.metrics import ndcg_at_k
from matching.records import OrganisationRecord
from matching.semantic import MODEL_ID, query_key
from matching.vectorstore import load_vectors

# Raw lexical cosines of good matches are 0.2-0.5 while the normalised similarity reaches 1:
# the useful weights are small, so the grid is finer there.
WEIGHTS = (0.0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)
SHARPNESS = (1.0, 2.0, 3.0)
FOLDS = 5
Setting = tuple[float, float]


def grid_scores(
    index: MatchIndex, needs: Sequence[dict[str, Any]], queries: dict[str, np.ndarray]
) -> dict[Setting, np.ndarray]:
    """nDCG@10 of every need under every (weight, sharpness) of the grid, for all groups at once."""
    table = {}
    for weight in WEIGHTS:
        for sharpness in SHARPNESS if weight > 0 else SHARPNESS[:1]:
            fused = copy.copy(index)
            fused.fusion_ = {group: Fusion(weight, sharpness) for group in LANGUAGE_GROUPS}
            table[weight, sharpness] = np.asarray([
                ndcg_at_k(_ranking(fused, need, queries), need["relevance"], K) for need in needs
            ])  # fmt: skip
    return table


def _ranking(index: MatchIndex, need: dict[str, Any], queries: dict[str, np.ndarray]) -> list:
    """The ids the index ranks first for a need."""
    vector = queries[query_key(need["text"])]
    return [m.id for m in index.query(need["text"], limit=K, query_vector=vector)]


def best_setting(table: dict[Setting, np.ndarray], rows: np.ndarray) -> Setting:
    """The setting with the best mean nDCG on ``rows``; ties go to less meaning, less sharpness."""
    return max(sorted(table), key=lambda s: (round(float(table[s][rows].mean()), 9), -s[0], -s[1]))


def cross_validated(
    table: dict[Setting, np.ndarray], needs: Sequence[dict[str, Any]], rows: np.ndarray
) -> float:
    """Mean held-out nDCG when the setting is chosen on the other folds of topics.

    Needs of one topic (translations, rewordings) share their grades, so they stay in one fold.
    """
    topics = sorted({needs[row]["topic"] for row in rows})
    held_out = np.zeros(len(needs))
    for fold in range(FOLDS):
        test_topics = set(topics[fold::FOLDS])
        test = np.asarray([row for row in rows if needs[row]["topic"] in test_topics], dtype=int)
        train = np.asarray([row for row in rows if needs[row]["topic"] not in test_topics])
        if test.size == 0 or train.size == 0:
            continue
        held_out[test] = table[best_setting(table, train)][test]
    return float(held_out[rows].mean())


def learn(table: dict[Setting, np.ndarray], needs: Sequence[dict[str, Any]]) -> list[dict]:
    """Per language group: the lexical and embedding-only scores, the chosen setting and its CV."""
    report = []
    for group in LANGUAGE_GROUPS:
        rows = np.asarray(
            [i for i, n in enumerate(needs) if language_group(n["language"]) == group], dtype=int
        )
        if rows.size == 0:  # no need of the group (the vocabulary covers its languages now)
            continue
        chosen = best_setting(table, rows)
        report.append({
            "group": group, "needs": len(rows), "setting": chosen,
            "lexical": float(table[0.0, 1.0][rows].mean()),
            "embedding": max(float(table[1.0, s][rows].mean()) for s in SHARPNESS),
            "fused": float(table[chosen][rows].mean()),
            "cross_validated": cross_validated(table, needs, rows),
        })  # fmt: skip
    return report


def run(records: Sequence[OrganisationRecord], needs: list[dict], vectors_path: Path) -> None:
    """Learn the fusion per language group on ``needs`` over ``records``; print the table."""
    vectors = load_vectors(vectors_path, MODEL_ID)
    queries = devset_query_vectors(needs)
    index = MatchIndex().fit(list(records), vectors=vectors)
    report = learn(grid_scores(index, needs, queries), needs)
    print("| group | needs | lexical | embedding alone | chosen (weight, sharpness) | fused | CV |")
    print("|---|---|---|---|---|---|---|")
    for r in report:
        print(
            f"| {r['group']} | {r['needs']} | {r['lexical']:.3f} | {r['embedding']:.3f} "
            f"| {r['setting']} | {r['fused']:.3f} | {r['cross_validated']:.3f} |"
        )
    print("DEFAULT_FUSION = {")
    for r in report:
        print(f'    "{r["group"]}": Fusion({r["setting"][0]}, {r["setting"][1]}),')
    for group in sorted(set(LANGUAGE_GROUPS) - {r["group"] for r in report}):
        print(f'    # "{group}": no need of this group; its setting stays as it is')
    print("}")
