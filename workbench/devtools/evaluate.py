"""Score check-worthiness detectors on the CheckThat! data: ``make eval``.

* ct24_task1_en dev and dev-test: precision, recall and F1 of the check-worthy class, each system
  at its own threshold, chosen on train and dev only (never on dev-test).
* ct19_task1_debates and ct20_task5_debates: mean average precision over transcripts (per transcript, the average
  precision of the positive sentences ranked by score; ties keep transcript order).

Each system is a name, a function ``list[str] -> list[float]`` and its threshold; add one to
:func:`default_systems` (or pass ``systems=``) to get another column.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language

from workbench.claims.extract import CHECKWORTHY_THRESHOLD
from workbench.devtools.evaldata import read_ct24, read_debates

Scorer = Callable[[list[str]], list[float]]

#: Score at or above which a sentence counts as check-worthy (the extractor's default).
THRESHOLD = CHECKWORTHY_THRESHOLD
#: The rules' own threshold when they run without the trained model (fitted on ct24 train and dev
#: before the model existed; see ``fit_signal_weights``).
RULES_THRESHOLD = 0.35

System = tuple[str, Scorer, float]
CT24_SPLITS = ("dev", "dev-test")


def prf(
    scores: Sequence[float], labels: Sequence[int], threshold: float = THRESHOLD
) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    predicted = sum(1 for s in scores if s >= threshold)
    actual = sum(labels)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision of the positives ranked by descending score (stable for ties)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, index in enumerate(order, 1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def mean_average_precision(runs: Sequence[tuple[Sequence[float], Sequence[int]]]) -> float:
    """Mean of :func:`average_precision` over transcripts that have positives."""
    values = [average_precision(s, y) for s, y in runs if any(y)]
    return sum(values) / len(values) if values else 0.0


def trivial_rule(nlp: Language) -> Scorer:
    """1.0 when a sentence has a number, a date or a named entity, else 0.0."""
    keep = {"ner"}
    disabled = [name for name in nlp.pipe_names if name not in keep]

    def score(texts: list[str]) -> list[float]:
        return [
            1.0 if doc.ents or any(t.like_num for t in doc) else 0.0
            for doc in nlp.pipe(texts, batch_size=256, disable=disabled)
        ]

    return score


def default_systems(pipeline: str | None = None) -> list[System]:
    """The systems compared by ``make eval``: trivial rule, rules only, model only, rules + model."""
    from workbench.claims import load_pipeline, load_scorer, score_texts
    from workbench.claims.learned import DEFAULT_MODEL_WEIGHT

    nlp = load_pipeline(pipeline)
    component = nlp.get_pipe("claim_checkworthy")
    model = load_scorer()

    def rules_only(texts: list[str]) -> list[float]:
        component.set_learned_scorer(None)
        try:
            return score_texts(texts, nlp=nlp)
        finally:
            component.set_learned_scorer(model, DEFAULT_MODEL_WEIGHT)

    return [
        ("trivial rule", trivial_rule(nlp), 0.5),
        ("rules", rules_only, RULES_THRESHOLD),
        ("model", model, float(getattr(model, "threshold", THRESHOLD))),
        ("rules + model", lambda texts: score_texts(texts, nlp=nlp), THRESHOLD),
    ]


def evaluate(datasets: Path, systems: list[System]) -> list[tuple[str, list[str]]]:
    """Rows ``(measure, [value per system])`` for the table."""
    ct24 = [
        read_ct24(datasets / "ct24_task1_en" / f"CT24_checkworthy_english_{s}.tsv")
        for s in CT24_SPLITS
    ]
    debate_sets = {
        name: read_debates(datasets / folder)
        for name, folder in (("ct19", "ct19_task1_debates"), ("ct20_task5", "ct20_task5_debates"))
    }
    rows: dict[str, list[str]] = {}
    sentences = sum(len(d.texts) for d in ct24) + sum(
        len(d.texts) for debates in debate_sets.values() for d in debates
    )
    for _name, scorer, threshold in systems:
        rows.setdefault("threshold", []).append(f"{threshold:.2f}")
        started = time.perf_counter()
        for split in ct24:
            p, r, f = prf(scorer(split.texts), split.labels, threshold)
            for label, value in (("P", p), ("R", r), ("F1", f)):
                rows.setdefault(f"ct24 {split.name.split('_')[-1]} {label}", []).append(
                    f"{value:.3f}"
                )
        for name, debates in debate_sets.items():
            runs = [(scorer(d.texts), d.labels) for d in debates]
            rows.setdefault(f"{name} MAP ({len(debates)} transcripts)", []).append(
                f"{mean_average_precision(runs):.3f}"
            )
        elapsed = time.perf_counter() - started
        rows.setdefault("sentences per second", []).append(f"{sentences / elapsed:.0f}")
    return list(rows.items())


def main(argv: list[str] | None = None, systems: list[System] | None = None) -> int:
    """Print the evaluation table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--datasets",
        type=Path,
        required=True,
        help="folder with ct24_task1_en/ and ct19_task1_debates/",
    )
    parser.add_argument("--pipeline", default=None, help="spaCy pipeline name")
    args = parser.parse_args(argv)
    if not (args.datasets / "ct24_task1_en").is_dir():
        print(f"evaluate: no ct24_task1_en folder in {args.datasets}", file=sys.stderr)
        return 2
    systems = systems or default_systems(args.pipeline)
    rows = evaluate(args.datasets, systems)
    names = [name for name, _, _ in systems]
    width = max(len(m) for m, _ in rows) + 2
    print(f"{'measure':<{width}}" + "".join(f"{n:>14}" for n in names))
    for measure, values in rows:
        print(f"{measure:<{width}}" + "".join(f"{v:>14}" for v in values))
    print("(ct24: the Yes class; thresholds come from train and dev, never from dev-test)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
