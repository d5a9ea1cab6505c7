"""Fit the signal weights of ``claim_checkworthy`` on the ct24 training sentences.

The weights in :data:`workbench.claims.checkworthy.WEIGHTS` are the output of this script:
an L2-regularised logistic regression of the Yes/No label on the presence of each signal,
fitted on ``ct24_task1_en/CT24_checkworthy_english_train.tsv`` only. It also prints F1 on the
dev file for a few thresholds (the default threshold was chosen there). dev-test is not read.

    python -m workbench.devtools.fit_signal_weights --datasets ../shared/datasets
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from workbench.devtools.evaldata import prf, read_ct24

NEWTON_STEPS = 50


def signal_sets(texts: list[str]) -> list[set[str]]:
    """The signals of each text as one candidate, as the extractor sees them."""
    from workbench.claims import load_pipeline
    from workbench.claims.checkworthy import ClaimCheckworthiness
    from workbench.claims.spans import claim_spans

    nlp = load_pipeline()
    checkworthy = nlp.get_pipe("claim_checkworthy")
    assert isinstance(checkworthy, ClaimCheckworthiness)
    sets = []
    for doc in nlp.pipe(
        texts, batch_size=256, component_cfg={"claim_segmenter": {"whole_doc": True}}
    ):
        spans = claim_spans(doc)
        sets.append(set(checkworthy.signals(spans[0]).found) if spans else {"short"})
    return sets


def fit(sets: list[set[str]], labels: list[int], names: list[str], l2: float) -> dict[str, float]:
    """Newton's method on the L2-penalised log-loss (the bias is not penalised)."""
    x = np.array([[1.0] + [1.0 if n in s else 0.0 for n in names] for s in sets])
    y = np.array(labels, dtype=float)
    penalty = l2 * np.diag([0.0] + [1.0] * len(names))
    w = np.zeros(x.shape[1])
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return {"bias": float(w[0]), **{n: float(w[i + 1]) for i, n in enumerate(names)}}


def main(argv: list[str] | None = None) -> int:
    """Fit, print the weights as Python, and the dev F1 by threshold."""
    from workbench.claims.checkworthy import WEIGHTS, rule_score
    from workbench.claims.signals import Signals

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, required=True)
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    folder = args.datasets / "ct24_task1_en"
    train = read_ct24(folder / "CT24_checkworthy_english_train.tsv")
    dev = read_ct24(folder / "CT24_checkworthy_english_dev.tsv")
    names = [n for n in WEIGHTS if n != "bias"]
    weights = fit(signal_sets(train.texts), train.labels, names, args.l2)
    print("WEIGHTS = {")
    for name, value in weights.items():
        print(f'    "{name}": {value:.2f},')
    print("}")
    rounded = {n: round(v, 2) for n, v in weights.items()}
    scores = [rule_score(Signals(dict.fromkeys(s, "")), rounded) for s in signal_sets(dev.texts)]
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5):
        p, r, f = prf(scores, dev.labels, threshold)
        print(f"dev threshold {threshold:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
