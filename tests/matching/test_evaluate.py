"""``flask devset evaluate``: every system per language, and each language against English."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from matching.evaluate import format_shares, language_shares, load_devset


def row(language: str, topic: str, ndcg: float) -> dict[str, object]:
    return {"language": language, "topic": topic, "ndcg": ndcg}


def test_a_language_is_compared_with_all_english_needs_and_with_its_twins() -> None:
    rows = [
        row("en", "parking", 0.0),
        row("en", "sensors", 0.8),
        row("en", "sensors", 0.4),
        row("en", "drones", 0.5),
        row("fr", "sensors", 0.3),
        row("fr", "parking", 0.0),
        row("sk", "port", 0.2),
    ]
    shares = {language: rest for language, *rest in language_shares(rows)}
    english = (0.0 + 0.8 + 0.4 + 0.5) / 4
    n, ndcg, share, twins = shares["fr"]
    assert (n, ndcg) == (2, 0.15)
    assert math.isclose(share, 0.15 / english)
    # the twins: the mean of the English sensor needs (0.6) and of the parking one (0.0)
    assert math.isclose(twins, 0.15 / 0.3)
    assert math.isnan(shares["sk"][3])  # no English need of its topic
    table = format_shares(language_shares(rows))
    assert "| fr | 2 | 0.150 | 35% | 50% |" in table
    assert "| sk | 1 | 0.200 | 47% | - |" in table
    assert language_shares([row("fr", "sensors", 0.3)]) == []  # no English to compare with


def test_evaluate_prints_every_system_and_the_shares_of_english(runner, tmp_path: Path) -> None:
    needs = load_devset()
    sample = [n for n in needs if n["topic"] == "air-sensors"]
    devset = tmp_path / "needs.json"
    devset.write_text(json.dumps({"needs": sample}), encoding="utf-8")
    result = runner.invoke(args=["devset", "evaluate", "--devset", str(devset)])
    assert result.exit_code == 0, result.output
    systems = {
        "engine", "engine without embedding", "embedding alone",
        "engine, no concepts, no embedding", "TF-IDF cosine", "BM25 (bm25s)",
    }  # fmt: skip
    output = result.output
    for system in systems:
        name = re.escape(system)
        assert re.search(rf"\| all \| {len(sample)} \| {name} \| 0\.\d{{3}} \|", output)
    for language in {n["language"] for n in sample} - {"en"}:
        assert re.search(rf"^\| {language} \| 1 \| 0\.\d{{3}} \| \d+% \| \d+% \|$", output, re.M)
    assert "Organisations with services: 11 of 710" in result.output
