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

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from workbench.resources import resource_path

from .onnx_text import (
    MODEL_FILE,
    ONNX_FILE,
    TOKENIZER_FILE,
    OnnxTextModel,
    default_threads,
    load_once,
)

if TYPE_CHECKING:
    from tokenizers import Encoding

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
        # One thread per run, the runs side by side: a pair is too small a run to share out
        # among cores (waking the worker threads costs more than they save), while pairs are
        # independent of each other.
        super().__init__(directory, FORMAT, threads=1)
        self._workers = threads or default_threads()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        if max_tokens is not None:
            self.max_tokens = max_tokens
            self._tokenizer.enable_truncation(max_tokens)
        #: Names the model (its training date), as the encoder's name does.
        self.name = f"reranking/{self.meta.get('trained', 'unknown')}"

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray:
        """The relevance logit of each of ``texts`` to ``query``, in order (float32).

        One pair per run: the int8 model quantises its activations per run, so a pair run
        beside others (and their padding) would score a little differently each time, and the
        same candidates could come out in another order. The runs go side by side, one per
        core.
        """
        encodings = self._tokenizer.encode_batch([(query, t) for t in texts])
        if len(encodings) < 2 or self._workers < 2:
            logits = [self._run_pair(e) for e in encodings]
        else:
            logits = list(self._threads().map(self._run_pair, encodings))
        return np.asarray(logits, dtype=np.float32).reshape(len(texts))

    def _run_pair(self, encoding: Encoding) -> float:
        feed = {
            "input_ids": np.asarray([encoding.ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(encoding.ids)), dtype=np.int64),
            "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
        }
        (values,) = self._session.run(
            ["score"], {k: v for k, v in feed.items() if k in self._inputs}
        )
        return float(np.asarray(values).reshape(-1)[0])

    def _threads(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="rerank")
            return self._pool


def load_reranker(path: str | Path | None = None) -> CrossEncoder:
    """The re-ranker in ``path`` (default: the shipped model), loaded once and shared by threads."""
    return load_once(CrossEncoder, Path(path) if path is not None else default_model_dir())
