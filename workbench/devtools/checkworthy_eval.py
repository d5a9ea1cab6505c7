"""The figures every check-worthiness candidate is judged by, on the splits of ``trainingdata``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workbench.devtools.evaldata import Labelled, average_precision, prf
from workbench.devtools.trainingdata import Splits

Scorer = Callable[[list[str]], list[float]]

__all__ = [
    "average_precision",
    "figures",
    "mean_average_precision",
    "pooled_best",
    "pooled_sets",
    "pooled_threshold",
    "prf",
]


def mean_average_precision(runs: Sequence[tuple[Sequence[float], Sequence[int]]]) -> float:
    """Mean average precision over transcripts that have positives."""
    values = [ap for s, y in runs if (ap := average_precision(s, y)) is not None]
    return round(sum(values) / len(values), 4) if values else 0.0


def figures(scorer: Scorer, threshold: float, splits: Splits) -> dict[str, object]:
    """P/R/F1 at ``threshold``, average precision, MAP and LIAR's flagged share of ``scorer``."""
    result: dict[str, object] = {"threshold": threshold}
    for name, data in (("ct24_dev", splits.ct24_dev), ("ct24_dev_test", splits.ct24_dev_test)):
        scores = scorer(data.texts)
        result[name] = prf(scores, data.labels, threshold)
        result[f"{name}_ap"] = round(average_precision(scores, data.labels) or 0.0, 4)
    tweets = scorer(splits.tweets_dev.texts)
    result["tweets_dev"] = prf(tweets, splits.tweets_dev.labels, threshold)
    liar = scorer(splits.liar_valid.texts)
    result["liar_valid_flagged"] = round(sum(s >= threshold for s in liar) / len(liar), 4)
    for name, transcripts in (
        ("map_report_debates", splits.report_debates),
        ("map_tune_debates", splits.tune_debates),
        ("map_all_ct19", splits.all_ct19),
    ):
        result[name] = mean_average_precision([(scorer(t.texts), t.labels) for t in transcripts])
    return result


THRESHOLD_GRID = [round(0.05 * i, 2) for i in range(1, 19)]


def pooled_best(scored: Sequence[tuple[Sequence[float], Sequence[int]]]) -> float:
    """The threshold with the best mean F1 over dev sets, each weighing the same.

    Sets of checked statements are all positive, so their F1 follows their recall; ct24 dev and
    the tweets bring the precision side. Ties go to the threshold nearest 0.5.
    """
    return max(
        THRESHOLD_GRID,
        key=lambda t: (sum(prf(s, y, t)[2] for s, y in scored) / len(scored), -abs(t - 0.5)),
    )


def pooled_sets(splits: Splits, without: str | None = None) -> list[Labelled]:
    """The dev sets the threshold is chosen on: ct24 dev, tweets dev, LIAR valid, and the
    sentences fact-checkers checked in the held-back ct20 transcripts (new debates: where a
    threshold fitted on ct24 dev alone loses recall). A model trained ``without`` a dataset
    chooses without that dataset's dev set too, so that its "held out" figure is clean."""
    checked = [
        text
        for transcript in splits.tune_debates
        for text, label in zip(transcript.texts, transcript.labels, strict=True)
        if label
    ]
    sets = {
        "ct24": splits.ct24_dev,
        "tweets": splits.tweets_dev,
        "liar": splits.liar_valid,
        "debates": Labelled("checked in held-back debates", checked, [1] * len(checked)),
    }
    return [data for name, data in sets.items() if name != without]


def pooled_threshold(scorer: Scorer, splits: Splits, without: str | None = None) -> float:
    """:func:`pooled_best` over :func:`pooled_sets` scored by ``scorer``."""
    return pooled_best([(scorer(s.texts), s.labels) for s in pooled_sets(splits, without)])
