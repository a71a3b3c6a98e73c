"""Learning the fusion weights: the best setting per language group; groups without needs out."""

from __future__ import annotations

import numpy as np

from matching.tuning import learn

# Two English needs and one German one (German is a language of the concept vocabulary), of two
# topics; nDCG@10 of each need under some settings (weight, sharpness).
NEEDS = [
    {"language": "en", "topic": "air"},
    {"language": "en", "topic": "water"},
    {"language": "de", "topic": "air"},
]
TABLE = {
    (0.0, 1.0): np.asarray([0.4, 0.2, 0.1]),
    (0.1, 2.0): np.asarray([0.6, 0.3, 0.1]),
    (1.0, 1.0): np.asarray([0.1, 0.1, 0.5]),
    (1.0, 2.0): np.asarray([0.1, 0.0, 0.4]),
    (1.0, 3.0): np.asarray([0.0, 0.0, 0.3]),
}


def test_each_group_gets_the_setting_with_its_best_mean_and_a_group_without_needs_none():
    report = {row["group"]: row for row in learn(TABLE, NEEDS)}
    assert sorted(report) == ["concepts", "en"]  # no need is in the "other" group
    assert report["en"]["setting"] == (0.1, 2.0) and report["en"]["needs"] == 2
    assert report["en"]["fused"] == np.mean([0.6, 0.3])
    assert report["concepts"]["setting"] == (1.0, 1.0)
    assert report["concepts"]["lexical"] == 0.1 and report["concepts"]["embedding"] == 0.5
