"""The evaluation measures behave as CheckThat! defines them; each system gets its own column."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.devtools.evaluate import (
    average_precision,
    evaluate,
    mean_average_precision,
    prf,
)
from workbench.devtools.trainingdata import load_splits


def test_precision_recall_f1_of_the_positive_class() -> None:
    p, r, f = prf([0.9, 0.8, 0.2, 0.1], [1, 0, 1, 0], threshold=0.5)
    assert (p, r) == (0.5, 0.5)
    assert f == pytest.approx(0.5)


def test_average_precision_rewards_positives_ranked_first() -> None:
    assert average_precision([0.9, 0.1, 0.5], [1, 0, 1]) == pytest.approx(1.0)
    # Positive ranked second and third of three: (1/2 + 2/3) / 2.
    assert average_precision([0.9, 0.5, 0.1], [0, 1, 1]) == pytest.approx((1 / 2 + 2 / 3) / 2)


def test_transcripts_without_positives_do_not_count() -> None:
    runs = [([0.9, 0.1], [1, 0]), ([0.3, 0.2], [0, 0])]
    assert mean_average_precision(runs) == pytest.approx(1.0)


def test_each_system_is_scored_at_its_own_threshold(datasets: Path) -> None:
    def fixed(texts: list[str]) -> list[float]:
        return [0.4 if "%" in t or "Jobs" in t else 0.1 for t in texts]

    splits = load_splits(datasets)
    rows = dict(
        evaluate(splits, [("strict", fixed, 0.5, None), ("lenient", fixed, 0.3, {"liar": 0.25})])
    )
    assert rows["threshold"] == ["0.50", "0.30"]
    assert rows["ct24 dev-test F1"] == ["0.000", "1.000"]
    assert rows["held out LIAR: valid flagged"] == ["—", "0.250"]
