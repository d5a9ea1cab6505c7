"""The trained check-worthiness scorer: ``load_scorer()`` gives ``list[str] -> list[float]``.

The model is all-MiniLM-L6-v2 fine-tuned for check-worthiness (``make train-model``; see the model
card in ``resources/models/checkworthy/``), exported to ONNX and quantised to int8. It has two
heads: *broad* (a check-worthy factual claim, as ClaimBuster's annotators, PolitiFact's choice of
statements and tweet annotators say) and *strict* (a professional fact-checker checked it, from
debate transcripts). The score is ``sigmoid(a * (broad + w * strict) + b)``: one probability,
Platt-scaled on held-out data, with ``w`` chosen on held-back transcripts.

Run time needs onnxruntime, tokenizers and numpy; torch is only for training.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from workbench.model import CLAIM_THRESHOLD
from workbench.resources import resource_path

from .onnx_text import MODEL_FILE as MODEL_FILE
from .onnx_text import ONNX_FILE as ONNX_FILE
from .onnx_text import TOKENIZER_FILE as TOKENIZER_FILE
from .onnx_text import OnnxTextModel, load_once

Scorer = Callable[[list[str]], list[float]]

FORMAT = "encoder-onnx/1"
#: Score at or above which a sentence is a claim by default (one constant for the whole program).
DEFAULT_THRESHOLD = CLAIM_THRESHOLD
#: Share of the model in the desk's score; the rest is the linguistic rules' score. The rules stay
#: as reasons shown to the reviewer; ``make eval`` measures whether blending them in helps.
DEFAULT_MODEL_WEIGHT = 1.0


def default_model_dir() -> Path:
    """Where the shipped model lives (checkout, installed wheel or frozen app)."""
    return resource_path("models", "checkworthy")


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, without overflow for large negative inputs."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class CheckworthyModel(OnnxTextModel):
    """A loaded model; call it with sentences to get calibrated probabilities."""

    what = "check-worthiness model"

    def __init__(self, directory: Path, *, threads: int | None = None) -> None:
        super().__init__(directory, FORMAT, threads=threads)
        meta = self.meta
        self.calibration = (float(meta["platt_a"]), float(meta["platt_b"]))
        self.strict_weight = float(meta["strict_weight"])
        self.threshold = float(meta["threshold"])

    def head_logits(self, texts: Sequence[str]) -> np.ndarray:
        """Raw logits, one row per sentence: (broad, strict)."""
        return self.run(texts, "logits", 2)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated decision value: broad logit plus the weighted strict logit."""
        heads = self.head_logits(texts)
        return heads[:, 0] + self.strict_weight * heads[:, 1]

    def __call__(self, texts: list[str]) -> list[float]:
        """Calibrated probability that each sentence is check-worthy, in [0, 1]."""
        a, b = self.calibration
        z = self.logits(texts).astype(np.float64)
        return [float(p) for p in sigmoid(a * z + b)]


def load_scorer(path: str | Path | None = None) -> CheckworthyModel:
    """The scorer in ``path`` (default: the shipped model), loaded once and shared by threads."""
    return load_once(CheckworthyModel, Path(path) if path is not None else default_model_dir())
