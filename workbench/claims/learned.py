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

import json
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from workbench.model import CLAIM_THRESHOLD
from workbench.resources import resource_path

from .errors import ClaimsError

Scorer = Callable[[list[str]], list[float]]

MODEL_FILE = "model.json"
ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
FORMAT = "encoder-onnx/1"
#: Score at or above which a sentence is a claim by default (one constant for the whole program).
DEFAULT_THRESHOLD = CLAIM_THRESHOLD
#: Share of the model in the desk's score; the rest is the linguistic rules' score. The rules stay
#: as reasons shown to the reviewer; ``make eval`` measures whether blending them in helps.
DEFAULT_MODEL_WEIGHT = 1.0
#: Sentences per encoder call; sentences are grouped by length so that little padding is run.
BATCH_SIZE = 32

_LOCK = threading.Lock()
_CACHE: dict[Path, CheckworthyModel] = {}


def default_model_dir() -> Path:
    """Where the shipped model lives (checkout, installed wheel or frozen app)."""
    return resource_path("models", "checkworthy")


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, without overflow for large negative inputs."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _threads() -> int:
    """Threads for one encoder call: the cores there are, at most two (small batches)."""
    return max(1, min(2, os.cpu_count() or 1))


class CheckworthyModel:
    """A loaded model; call it with sentences to get calibrated probabilities."""

    def __init__(self, directory: Path, *, threads: int | None = None) -> None:
        paths = [directory / name for name in (MODEL_FILE, ONNX_FILE, TOKENIZER_FILE)]
        missing = [p.name for p in paths if not p.exists()]
        if missing:
            raise ClaimsError(
                f"The check-worthiness model is missing ({', '.join(missing)} not found in "
                f"{directory}). Reinstall the program, or run 'make train-model' in a checkout."
            )
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ClaimsError(
                f"The check-worthiness model in {directory} is damaged: {exc}"
            ) from exc
        if meta.get("format") != FORMAT:
            raise ClaimsError(
                f"The check-worthiness model in {directory} has format {meta.get('format')!r}; "
                f"this version of the program reads {FORMAT!r}."
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads or _threads()
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            self._session = ort.InferenceSession(
                str(paths[1]), options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = Tokenizer.from_file(str(paths[2]))
        except Exception as exc:  # onnxruntime raises its own untyped errors on a bad file
            raise ClaimsError(
                f"The check-worthiness model in {directory} is damaged: {exc}"
            ) from exc
        self.max_tokens = int(meta["max_tokens"])
        self._tokenizer.enable_truncation(self.max_tokens)
        self._tokenizer.no_padding()
        self.meta: dict[str, Any] = meta
        self.calibration = (float(meta["platt_a"]), float(meta["platt_b"]))
        self.strict_weight = float(meta["strict_weight"])
        self.threshold = float(meta["threshold"])
        self._inputs = {i.name for i in self._session.get_inputs()}

    def head_logits(self, texts: Sequence[str]) -> np.ndarray:
        """Raw logits, one row per sentence: (broad, strict)."""
        out = np.zeros((len(texts), 2), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH_SIZE):
            chunk = order[start : start + BATCH_SIZE]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            (logits,) = self._session.run(
                ["logits"], {k: v for k, v in feed.items() if k in self._inputs}
            )
            out[chunk] = logits
        return out

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
    directory = Path(path) if path is not None else default_model_dir()
    key = directory.resolve()
    with _LOCK:
        scorer = _CACHE.get(key)
        if scorer is None:
            scorer = CheckworthyModel(directory)
            _CACHE[key] = scorer
    return scorer
