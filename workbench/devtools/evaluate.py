"""Score check-worthiness candidates across datasets: ``make eval``.

Every system is scored on the splits of :mod:`workbench.devtools.trainingdata`, at its own
threshold chosen without dev-test (the best mean F1 over the pooled dev sets):

* ct24 dev and dev-test: precision, recall and F1 of the check-worthy class, average precision;
* held-back debate transcripts no system trained on: MAP (ct19: reported; ct20_task5: used once,
  to weigh the encoder's strict head);
* LIAR valid: the share of statements PolitiFact checked that reach the threshold; tweets dev: F1;
* "dataset held out": the same recipe trained without one dataset and scored on it (ct24 →
  dev-test F1; debates → MAP over all 19 ct19 transcripts; LIAR → valid share; tweets → dev F1).
  The encoder's come from ``heldout.json``, written by ``make train-model-heldout``; the TF-IDF
  baseline is retrained here.

Systems: the trivial "number, date or entity" rule, the linguistic rules alone, the plain TF-IDF
word 1-2-gram logistic regression trained on the same mixture, the shipped encoder through the
desk's own path (``score_texts``), and the encoder blended with the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from workbench.devtools.checkworthy_eval import figures, mean_average_precision, pooled_threshold
from workbench.devtools.evaldata import average_precision, prf
from workbench.devtools.trainingdata import DATASETS, Splits, load_splits, training_examples

Scorer = Callable[[list[str]], list[float]]
#: (name, scorer, threshold or None to choose it on the pooled dev sets, held-out figures).
System = tuple[str, Scorer, float | None, dict[str, float] | None]
#: Share of the encoder in the blended candidate (the rest is the rules' score).
BLEND_WEIGHT = 0.8

__all__ = ["average_precision", "evaluate", "mean_average_precision", "prf"]


def trivial_rule(nlp) -> Scorer:
    """1.0 when a sentence has a number, a date or a named entity, else 0.0."""
    disabled = [name for name in nlp.pipe_names if name != "ner"]

    def score(texts: list[str]) -> list[float]:
        return [
            1.0 if doc.ents or any(t.like_num for t in doc) else 0.0
            for doc in nlp.pipe(texts, batch_size=256, disable=disabled)
        ]

    return score


def _cached(scorer: Scorer) -> Scorer:
    """``scorer`` remembering each sentence's score (systems share sets of sentences)."""
    memo: dict[str, float] = {}

    def score(texts: list[str]) -> list[float]:
        todo = list(dict.fromkeys(t for t in texts if t not in memo))
        if todo:
            memo.update(zip(todo, scorer(todo), strict=True))
        return [memo[t] for t in texts]

    return score


def tfidf_lr(splits: Splits, without: str | None = None) -> Scorer:
    """The plain baseline: TF-IDF word 1-2-grams + balanced logistic regression, broad labels."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    examples = [e for e in training_examples(splits, without=without) if e.broad >= 0]
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2)),
        LogisticRegression(max_iter=2000, class_weight="balanced", random_state=0),
    ).fit([e.text for e in examples], [e.broad for e in examples])
    return lambda texts: [float(p) for p in pipe.predict_proba(texts)[:, 1]] if texts else []


def heldout_figure(dataset: str, scorer: Scorer, threshold: float, splits: Splits) -> float:
    """How a system trained without ``dataset`` scores on it."""
    if dataset == "ct24":
        return prf(scorer(splits.ct24_dev_test.texts), splits.ct24_dev_test.labels, threshold)[2]
    if dataset == "debates":
        return mean_average_precision([(scorer(t.texts), t.labels) for t in splits.all_ct19])
    if dataset == "liar":
        scores = scorer(splits.liar_valid.texts)
        return round(sum(s >= threshold for s in scores) / len(scores), 4)
    return prf(scorer(splits.tweets_dev.texts), splits.tweets_dev.labels, threshold)[2]


HELDOUT_ROWS = {
    "ct24": "held out ct24: dev-test F1",
    "debates": "held out debates: ct19 MAP (19)",
    "liar": "held out LIAR: valid flagged",
    "tweets": "held out tweets: dev F1",
}


def evaluate(splits: Splits, systems: Sequence[System]) -> list[tuple[str, list[str]]]:
    """Rows ``(measure, [value per system])`` for the table."""
    rows: dict[str, list[str]] = {}

    def put(measure: str, value: str) -> None:
        rows.setdefault(measure, []).append(value)

    for _name, scorer, threshold, heldout in systems:
        started = time.perf_counter()
        if threshold is None:
            threshold = pooled_threshold(scorer, splits)
        found = figures(scorer, threshold, splits)
        put("threshold", f"{threshold:.2f}")
        for split in ("ct24_dev", "ct24_dev_test"):
            label = split.replace("ct24_", "ct24 ").replace("_", "-")
            for name, value in zip(["P", "R", "F1"], found[split], strict=True):  # type: ignore[call-overload]
                put(f"{label} {name}", f"{value:.3f}")
            put(f"{label} AP", f"{found[f'{split}_ap']:.3f}")
        put(
            f"MAP held-back ct19 ({len(splits.report_debates)})",
            f"{found['map_report_debates']:.3f}",
        )
        put(f"MAP held-back ct20 ({len(splits.tune_debates)})", f"{found['map_tune_debates']:.3f}")
        put("LIAR valid flagged", f"{found['liar_valid_flagged']:.3f}")
        put("tweets dev F1", f"{found['tweets_dev'][2]:.3f}")  # type: ignore[index]
        for dataset in DATASETS:
            value = heldout.get(dataset) if heldout is not None else None
            put(HELDOUT_ROWS[dataset], "—" if value is None else f"{value:.3f}")
        put("seconds", f"{time.perf_counter() - started:.0f}")
    return list(rows.items())


def encoder_heldout(model_dir: Path) -> dict[str, float]:
    """The held-out figures recorded when the encoder was trained without each dataset."""
    path = model_dir / "heldout.json"
    if not path.exists():
        return {}
    records = json.loads(path.read_text(encoding="utf-8"))
    keys = {
        "ct24": lambda r: r["ct24_dev_test"][2],
        "debates": lambda r: r["map_all_ct19"],
        "liar": lambda r: r["liar_valid_flagged"],
        "tweets": lambda r: r["tweets_dev"][2],
    }
    return {name: keys[name](record) for name, record in records.items() if name in keys}


def default_systems(splits: Splits, pipeline: str | None = None) -> list[System]:
    """Trivial rule, rules, TF-IDF LR, the shipped encoder (desk path) and encoder + rules."""
    from workbench.claims import load_pipeline, score_texts
    from workbench.claims.learned import DEFAULT_THRESHOLD, default_model_dir

    nlp = load_pipeline(pipeline)
    component = nlp.get_pipe("claim_checkworthy")
    model, weight = component.learned_scorer, component.learned_weight

    def rules_only(texts: list[str]) -> list[float]:
        component.set_learned_scorer(None)
        try:
            return score_texts(texts, nlp=nlp)
        finally:
            component.set_learned_scorer(model, weight)

    rules = _cached(rules_only)
    shipped = _cached(lambda texts: score_texts(texts, nlp=nlp))

    def blended(texts: list[str]) -> list[float]:
        return [
            (1 - BLEND_WEIGHT) * r + BLEND_WEIGHT * m
            for r, m in zip(rules(texts), shipped(texts), strict=True)
        ]

    lr = _cached(tfidf_lr(splits))
    lr_heldout = {}
    for dataset in DATASETS:
        variant = _cached(tfidf_lr(splits, without=dataset))
        lr_heldout[dataset] = heldout_figure(
            dataset, variant, pooled_threshold(variant, splits, without=dataset), splits
        )
    return [
        ("trivial rule", _cached(trivial_rule(nlp)), 0.5, None),
        ("rules", rules, None, None),
        ("TF-IDF LR", lr, None, lr_heldout),
        ("encoder (shipped)", shipped, DEFAULT_THRESHOLD, encoder_heldout(default_model_dir())),
        (f"enc {BLEND_WEIGHT:g}+rules", blended, None, None),
    ]


def main(argv: list[str] | None = None, systems: list[System] | None = None) -> int:
    """Print the evaluation table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True, help="the shared datasets folder")
    parser.add_argument("--pipeline", default=None, help="spaCy pipeline name")
    args = parser.parse_args(argv)
    if not (args.datasets / "ct24_task1_en").is_dir():
        print(f"evaluate: no ct24_task1_en folder in {args.datasets}", file=sys.stderr)
        return 2
    splits = load_splits(args.datasets)
    systems = systems or default_systems(splits, args.pipeline)
    rows = evaluate(splits, systems)
    names = [name for name, *_ in systems]
    width = max(len(m) for m, _ in rows) + 2
    print(f"{'measure':<{width}}" + "".join(f"{n:>19}" for n in names))
    for measure, values in rows:
        print(f"{measure:<{width}}" + "".join(f"{v:>19}" for v in values))
    print(
        "(ct24: the Yes class. Thresholds: the best mean F1 over ct24 dev, tweets dev, LIAR valid"
        " and the checked sentences of the held-back ct20 transcripts, never dev-test; the trivial"
        " rule at 0.5, the shipped encoder at its own. Held out: trained without that dataset.)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
