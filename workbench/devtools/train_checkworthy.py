"""Train the check-worthiness model: ``make train-model``.

Trains on ct24_task1_en ``train`` only; ``dev`` fits the probability calibration and picks the
default threshold. ``dev-test`` and the CheckThat! 2019/2020 debate transcripts are scored once,
for the model card, and never feed back into any setting. Needs the ``train`` extra
(scikit-learn); the shipped model is read at run time by :mod:`workbench.claims.learned`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
from pathlib import Path

import numpy as np

from workbench.claims.learned import FORMAT, MODEL_FILE, WEIGHTS_FILE, CheckworthyModel
from workbench.devtools.evaldata import (
    average_precision_map,
    prf,
    read_ct24,
    read_debates,
    reliability,
)
from workbench.devtools.model_card import write_card

#: Every setting of the shipped model; change one and retrain, the card records them.
CONFIG = {
    "word_ngrams": [1, 2],
    "word_min_df": 2,
    "char_ngrams": [2, 5],
    "char_min_df": 3,
    "C": 4.0,
    "class_weight": "balanced",
    "max_iter": 3000,
    "seed": 0,
}
THRESHOLD_GRID = [round(0.05 * i, 2) for i in range(2, 19)]


def fit(texts: list[str], labels: list[int]):
    """Vectorizers and logistic regression fitted on the training sentences."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    word = TfidfVectorizer(
        ngram_range=tuple(CONFIG["word_ngrams"]), min_df=CONFIG["word_min_df"], sublinear_tf=True
    ).fit(texts)
    char = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=tuple(CONFIG["char_ngrams"]),
        min_df=CONFIG["char_min_df"],
        sublinear_tf=True,
    ).fit(texts)
    features = sparse.hstack([word.transform(texts), char.transform(texts)]).tocsr()
    clf = LogisticRegression(
        C=CONFIG["C"],
        class_weight=CONFIG["class_weight"],
        max_iter=CONFIG["max_iter"],
        random_state=CONFIG["seed"],
    ).fit(features, labels)
    return word, char, clf


def platt(logits: list[float], labels: list[int]) -> tuple[float, float]:
    """Platt scaling ``p = sigmoid(a * z + b)`` fitted by Newton steps on the dev set."""
    z, y = np.asarray(logits, float), np.asarray(labels, float)
    a, b = 1.0, 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(a * z + b)))
        w = np.maximum(p * (1 - p), 1e-12)
        grad = np.array([np.sum((p - y) * z), np.sum(p - y)])
        hess = np.array([[np.sum(w * z * z), np.sum(w * z)], [np.sum(w * z), np.sum(w)]])
        step = np.linalg.solve(hess + 1e-9 * np.eye(2), grad)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-10:
            break
    return float(a), float(b)


def save(out: Path, word, char, clf, calibration: tuple[float, float], threshold: float) -> None:
    """Write model.json (settings, vocabularies) and weights.npz (idf, coefficients)."""
    out.mkdir(parents=True, exist_ok=True)
    n_word = len(word.vocabulary_)
    coef = clf.coef_[0]
    vocab_word = sorted(word.vocabulary_, key=word.vocabulary_.get)
    vocab_char = sorted(char.vocabulary_, key=char.vocabulary_.get)
    meta = {
        "format": FORMAT,
        "word_ngrams": CONFIG["word_ngrams"],
        "char_ngrams": CONFIG["char_ngrams"],
        "intercept": float(clf.intercept_[0]),
        "platt_a": calibration[0],
        "platt_b": calibration[1],
        "threshold": threshold,
        "config": CONFIG,
        "vocab_word": vocab_word,
        "vocab_char": vocab_char,
    }
    (out / MODEL_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    np.savez_compressed(
        out / WEIGHTS_FILE,
        idf_word=word.idf_.astype(np.float32),
        coef_word=coef[:n_word].astype(np.float32),
        idf_char=char.idf_.astype(np.float32),
        coef_char=coef[n_word:].astype(np.float32),
    )


def main(argv: list[str] | None = None) -> int:
    """Train, calibrate, evaluate and write the model with its card."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("resources/models/checkworthy"))
    args = parser.parse_args(argv)
    np.random.seed(CONFIG["seed"])
    ct24 = args.datasets / "ct24_task1_en"
    train = read_ct24(ct24 / "CT24_checkworthy_english_train.tsv")
    dev = read_ct24(ct24 / "CT24_checkworthy_english_dev.tsv")
    test = read_ct24(ct24 / "CT24_checkworthy_english_dev-test.tsv")

    started = time.perf_counter()
    word, char, clf = fit(train.texts, train.labels)
    train_seconds = time.perf_counter() - started
    save(args.out, word, char, clf, (1.0, 0.0), 0.5)
    model = CheckworthyModel(args.out)
    _check_matches_sklearn(model, word, char, clf, dev.texts)

    calibration = platt(model.logits(dev.texts), dev.labels)
    save(args.out, word, char, clf, calibration, 0.5)
    model = CheckworthyModel(args.out)
    dev_scores = model(dev.texts)
    threshold = max(THRESHOLD_GRID, key=lambda t: (prf(dev_scores, dev.labels, t)[2], -t))
    save(args.out, word, char, clf, calibration, threshold)
    model = CheckworthyModel(args.out)

    seen = {t.strip().lower() for t in train.texts}
    balanced_cut = round(1.0 / (1.0 + math.exp(-calibration[1])), 4)
    test_scores = model(test.texts)
    unseen = [i for i, t in enumerate(test.texts) if t.strip().lower() not in seen]
    metrics: dict[str, object] = {
        "train_sentences": len(train.texts),
        "train_positive": sum(train.labels),
        "train_seconds": round(train_seconds, 1),
        "threshold": threshold,
        "platt": calibration,
        "dev": prf(dev_scores, dev.labels, threshold),
        "dev_test": prf(test_scores, test.labels, threshold),
        "dev_test_at_0.5": prf(test_scores, test.labels, 0.5),
        "balanced_cut": balanced_cut,
        "dev_test_at_balanced_cut": prf(test_scores, test.labels, balanced_cut),
        "dev_test_unseen": prf(
            [test_scores[i] for i in unseen], [test.labels[i] for i in unseen], threshold
        ),
        "dev_test_unseen_count": len(unseen),
        "reliability_dev_test": reliability(test_scores, test.labels),
    }
    for name in ("ct19_task1_debates", "ct20_task5_debates"):
        transcripts = read_debates(args.datasets / name)
        metrics[f"map_{name}"] = average_precision_map(transcripts, model)
        metrics[f"map_{name}_unseen"] = average_precision_map(transcripts, model, exclude=seen)
        metrics[f"sentences_{name}"] = sum(len(t.texts) for t in transcripts)
        metrics[f"overlap_{name}"] = sum(
            x.strip().lower() in seen for t in transcripts for x in t.texts
        )
    metrics["speed"] = _speed(model, test.texts + dev.texts)
    started = time.perf_counter()
    CheckworthyModel(args.out)
    metrics["load_seconds"] = round(time.perf_counter() - started, 3)
    metrics["baseline"] = _baseline(train, dev, test, args.datasets, seen)
    metrics["size_bytes"] = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    metrics["date"] = dt.date.today().isoformat()
    write_card(args.out, CONFIG, metrics)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in metrics.items() if not k.startswith("rel")}, indent=1))
    return 0


def _check_matches_sklearn(model: CheckworthyModel, word, char, clf, texts: list[str]) -> None:
    """The numpy runtime must give the scikit-learn decision values, or the files are wrong."""
    from scipy import sparse

    expected = clf.decision_function(
        sparse.hstack([word.transform(texts), char.transform(texts)]).tocsr()
    )
    worst = max(abs(a - b) for a, b in zip(model.logits(texts), expected, strict=True))
    if not math.isfinite(worst) or worst > 1e-4:
        raise SystemExit(f"runtime scorer disagrees with scikit-learn by {worst}")


def _baseline(train, dev, test, datasets: Path, seen: set[str]) -> dict[str, object]:
    """The reference the issue sets: TF-IDF word 1-2-grams + balanced LR, threshold 0.5."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2)),
        LogisticRegression(max_iter=2000, class_weight="balanced", random_state=CONFIG["seed"]),
    ).fit(train.texts, train.labels)

    def score(texts: list[str]) -> list[float]:
        return list(pipe.predict_proba(texts)[:, 1]) if texts else []

    test_scores = score(test.texts)
    unseen = [i for i, t in enumerate(test.texts) if t.strip().lower() not in seen]
    ct19 = read_debates(datasets / "ct19_task1_debates")
    ct20 = read_debates(datasets / "ct20_task5_debates")
    return {
        "dev": prf(score(dev.texts), dev.labels, 0.5),
        "dev_test": prf(test_scores, test.labels, 0.5),
        "dev_test_unseen": prf(
            [test_scores[i] for i in unseen], [test.labels[i] for i in unseen], 0.5
        ),
        "map_ct19": average_precision_map(ct19, score),
        "map_ct19_unseen": average_precision_map(ct19, score, exclude=seen),
        "map_ct20": average_precision_map(ct20, score),
        "map_ct20_unseen": average_precision_map(ct20, score, exclude=seen),
    }


def _speed(model: CheckworthyModel, texts: list[str]) -> dict[str, float]:
    """Sentences and words per second of the runtime scorer, one thread."""
    batch = (texts * (4000 // len(texts) + 1))[:4000]
    started = time.perf_counter()
    model(batch)
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in batch)
    return {"sentences_per_s": round(len(batch) / seconds), "words_per_s": round(words / seconds)}


if __name__ == "__main__":
    sys.exit(main())
