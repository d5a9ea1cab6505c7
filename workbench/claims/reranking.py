"""The claim-matching re-ranker: ``load_reranker().score(query, texts)`` reads the query beside
each fact-check ([CLS] query [SEP] fact-check [SEP]) and says how surely the fact-check checks
that very claim (a logit: above 0 more likely than not; :func:`probability` turns it into 0..1).

Slower than comparing vectors, so it only re-orders the few best candidates the words and the
encoder found. all-MiniLM-L6-v2 fine-tuned as a cross-encoder (``make train-reranker``; see the
model card in ``resources/models/reranking/``), exported to ONNX and quantised to int8. It shares
its runtime with the other encoders (:mod:`.onnx_text`). The program works without it: when its
folder is missing, matching keeps the order of the words and the encoder fused.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from workbench.resources import resource_path

from .onnx_text import MODEL_FILE, ONNX_FILE, TOKENIZER_FILE, OnnxTextModel, load_once

__all__ = [
    "FORMAT",
    "MODEL_FILE",
    "ONNX_FILE",
    "TOKENIZER_FILE",
    "CrossEncoder",
    "default_model_dir",
    "load_reranker",
    "probability",
]

FORMAT = "cross-encoder-onnx/1"


def default_model_dir() -> Path:
    """Where the shipped model lives (checkout, installed wheel or frozen app)."""
    return resource_path("models", "reranking")


def probability(logits: np.ndarray) -> np.ndarray:
    """The re-ranker's logits as probabilities (0..1)."""
    return 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float64)))


class CrossEncoder(OnnxTextModel):
    """A loaded re-ranker: :meth:`score` gives one relevance logit per (query, text) pair."""

    what = "claim re-ranking model"

    def __init__(
        self, directory: Path, *, threads: int | None = None, max_tokens: int | None = None
    ) -> None:
        super().__init__(directory, FORMAT, threads=threads)
        if max_tokens is not None:
            self.max_tokens = max_tokens
            self._tokenizer.enable_truncation(max_tokens)
        #: Names the model (its training date), as the encoder's name does.
        self.name = f"reranking/{self.meta.get('trained', 'unknown')}"

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray:
        """The relevance logit of each of ``texts`` to ``query``, in order (float32).

        One pair per run: the int8 model quantises its activations per run, so a pair run
        beside others (and their padding) would score a little differently each time, and the
        same candidates could come out in another order. Run alone, a pair costs no more.
        """
        out = np.zeros(len(texts), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch([(query, t) for t in texts])):
            feed = {
                "input_ids": np.asarray([encoding.ids], dtype=np.int64),
                "attention_mask": np.ones((1, len(encoding.ids)), dtype=np.int64),
                "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
            }
            (values,) = self._session.run(
                ["score"], {k: v for k, v in feed.items() if k in self._inputs}
            )
            out[row] = float(np.asarray(values).reshape(-1)[0])
        return out


def load_reranker(path: str | Path | None = None) -> CrossEncoder:
    """The re-ranker in ``path`` (default: the shipped model), loaded once and shared by threads."""
    return load_once(CrossEncoder, Path(path) if path is not None else default_model_dir())
