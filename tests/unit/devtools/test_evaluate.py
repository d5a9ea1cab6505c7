"""The evaluation measures behave as CheckThat! defines them."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.devtools.evaluate import average_precision, evaluate, mean_average_precision, prf


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


def test_each_system_is_scored_at_its_own_threshold(tmp_path: Path) -> None:
    ct24 = tmp_path / "ct24_task1_en"
    ct24.mkdir()
    for split in ("dev", "dev-test"):
        (ct24 / f"CT24_checkworthy_english_{split}.tsv").write_text(
            "Sentence_id\tText\tclass_label\n1\tTaxes rose 5%.\tYes\n2\tHello there.\tNo\n",
            encoding="utf-8",
        )
    debates = tmp_path / "ct19_task1_debates"
    debates.mkdir()
    (debates / "one.tsv").write_text("1\tA\tTaxes rose 5%.\t1\n2\tA\tHello there.\t0\n")

    def fixed(texts: list[str]) -> list[float]:
        return [0.4 if "5%" in t else 0.1 for t in texts]

    rows = dict(evaluate(tmp_path, [("strict", fixed, 0.5), ("lenient", fixed, 0.3)]))
    assert rows["threshold"] == ["0.50", "0.30"]
    assert rows["ct24 dev-test F1"] == ["0.000", "1.000"]
    assert rows["ct19 MAP (1 transcripts)"] == ["1.000", "1.000"]
