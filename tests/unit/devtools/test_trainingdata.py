"""The training mixture never holds an evaluation sentence, and a held-out dataset is really out."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.devtools.checkworthy_eval import pooled_best
from workbench.devtools.trainingdata import UNKNOWN, load_splits, normalise, training_examples

from .conftest import SHARED


def test_no_evaluation_sentence_is_trained_on(datasets: Path) -> None:
    splits = load_splits(datasets)
    texts = {normalise(e.text) for e in training_examples(splits)}
    assert normalise(SHARED) not in texts  # it is in ct24 dev, in another case
    assert "held back." not in texts and "reported only." not in texts
    assert "crime fell 3%." in texts


def test_debate_negatives_train_only_the_strict_head(datasets: Path) -> None:
    examples = {e.text: e for e in training_examples(load_splits(datasets))}
    assert (examples["The deficit tripled."].broad, examples["The deficit tripled."].strict) == (
        1,
        1,
    )
    assert (examples["We met in May."].broad, examples["We met in May."].strict) == (UNKNOWN, 0)
    assert examples["Good evening."].strict == UNKNOWN


@pytest.mark.parametrize("dataset", ["ct24", "debates", "liar", "tweets"])
def test_a_held_out_dataset_brings_no_sentence(datasets: Path, dataset: str) -> None:
    examples = training_examples(load_splits(datasets), without=dataset)
    assert examples
    assert dataset not in {e.source for e in examples}


def test_an_unknown_dataset_is_refused(datasets: Path) -> None:
    with pytest.raises(ValueError, match="unknown dataset"):
        training_examples(load_splits(datasets), without="ct99")


def test_the_pooled_threshold_weighs_each_dev_set_the_same() -> None:
    # One large set wants a high cut, two small ones a low cut: the two small ones win.
    large = ([0.9] * 50 + [0.3] * 50, [1] * 50 + [0] * 50)
    small = ([0.3, 0.3], [1, 1])
    assert pooled_best([large, small, small]) <= 0.3
    assert pooled_best([large]) > 0.3


def test_a_model_trained_without_a_dataset_chooses_its_threshold_without_it(
    datasets: Path,
) -> None:
    from workbench.devtools.checkworthy_eval import pooled_sets

    splits = load_splits(datasets)
    names = [s.name for s in pooled_sets(splits)]
    assert len(names) == 4
    without_liar = pooled_sets(splits, without="liar")
    assert splits.liar_valid not in without_liar and len(without_liar) == 3
    assert splits.ct24_dev not in pooled_sets(splits, without="ct24")
