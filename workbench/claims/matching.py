"""The claim-matching encoder: ``load_encoder().encode(texts)`` gives one unit vector per text,
so that the cosine of two vectors says how close two claims are in meaning.

all-MiniLM-L6-v2 fine-tuned to match what people post with the fact-check it repeats
(``make train-matching``; see the model card in ``resources/models/matching/``), exported to ONNX
with its pooling inside the graph and quantised to int8. It shares its runtime with the
check-worthiness scorer (:mod:`.onnx_text`).
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
    "SentenceEncoder",
    "load_encoder",
]

FORMAT = "sentence-encoder-onnx/1"
#: Numbers per vector.
DIMENSIONS = 384


def default_model_dir() -> Path:
    """Where the shipped model lives (checkout, installed wheel or frozen app)."""
    return resource_path("models", "matching")


class SentenceEncoder(OnnxTextModel):
    """A loaded encoder: :meth:`encode` turns texts into L2-normalised float32 rows."""

    what = "claim-matching model"

    def __init__(self, directory: Path, *, threads: int | None = None) -> None:
        super().__init__(directory, FORMAT, threads=threads)
        self.dimensions = int(self.meta.get("dimensions", DIMENSIONS))
        #: Stored next to each vector, so that vectors of another model are made again.
        self.name = f"matching/{self.meta.get('trained', 'unknown')}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows of a float32 matrix).

        One text per run: the int8 model quantises its activations per run, so a text encoded
        beside others would get a slightly different vector each time, and the same claim a
        different score in the claims table and in the editor.
        """
        return self.run(texts, "embedding", self.dimensions, batch_size=1)


def load_encoder(path: str | Path | None = None) -> SentenceEncoder:
    """The encoder in ``path`` (default: the shipped model), loaded once and shared by threads."""
    return load_once(SentenceEncoder, Path(path) if path is not None else default_model_dir())
