"""One way to run a small text encoder exported to ONNX: the check-worthiness scorer and the
claim-matching encoder both load a folder (``model.json``, ``model.onnx``, ``tokenizer.json``)
and run sentences through it in batches of similar length.

Run time needs onnxruntime, tokenizers and numpy; torch is only for training.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .errors import ClaimsError

MODEL_FILE = "model.json"
ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
#: Sentences per encoder call; sentences are grouped by length so that little padding is run.
BATCH_SIZE = 32


def default_threads() -> int:
    """Threads for one encoder call: the cores there are, at most two (small batches)."""
    return max(1, min(2, os.cpu_count() or 1))


class OnnxTextModel:
    """A loaded model folder; :meth:`run` gives one output row per sentence."""

    #: What the model is called in messages ("The check-worthiness model is missing…").
    what = "model"

    def __init__(self, directory: Path, fmt: str, *, threads: int | None = None) -> None:
        paths = [directory / name for name in (MODEL_FILE, ONNX_FILE, TOKENIZER_FILE)]
        missing = [p.name for p in paths if not p.exists()]
        if missing:
            raise ClaimsError(
                f"The {self.what} is missing ({', '.join(missing)} not found in "
                f"{directory}). Reinstall the program."
            )
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ClaimsError(f"The {self.what} in {directory} is damaged: {exc}") from exc
        if meta.get("format") != fmt:
            raise ClaimsError(
                f"The {self.what} in {directory} has format {meta.get('format')!r}; "
                f"this version of the program reads {fmt!r}."
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads or default_threads()
            options.inter_op_num_threads = 1
            # No spinning: the models here run one after another (the encoder, then the
            # re-ranker) beside SQLite and numpy on a laptop's few cores. Threads left
            # spinning after one model's run keep those cores from the next: matching one
            # claim against 100,000 fact-checks took twice as long with them.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.log_severity_level = 3
            self._session = ort.InferenceSession(
                str(paths[1]), options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = Tokenizer.from_file(str(paths[2]))
        except Exception as exc:  # onnxruntime raises its own untyped errors on a bad file
            raise ClaimsError(f"The {self.what} in {directory} is damaged: {exc}") from exc
        self.directory = directory
        self.max_tokens = int(meta["max_tokens"])
        self._tokenizer.enable_truncation(self.max_tokens)
        self._tokenizer.no_padding()
        self.meta: dict[str, Any] = meta
        self._inputs = {i.name for i in self._session.get_inputs()}

    def run(
        self, texts: Sequence[str], output: str, width: int, *, batch_size: int = BATCH_SIZE
    ) -> np.ndarray:
        """Output ``output`` (``width`` numbers per sentence) for every sentence, in order."""
        out = np.zeros((len(texts), width), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            longest = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), longest), dtype=np.int64)
            mask = np.zeros((len(chunk), longest), dtype=np.int64)
            for row, i in enumerate(chunk):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            (values,) = self._session.run(
                [output], {k: v for k, v in feed.items() if k in self._inputs}
            )
            out[chunk] = values
        return out


M = TypeVar("M", bound=OnnxTextModel)
_LOCK = threading.Lock()
_LOADED: dict[tuple[type, Path], OnnxTextModel] = {}


def load_once(kind: type[M], directory: Path) -> M:
    """The model of ``kind`` in ``directory``, loaded once and shared by threads."""
    key = (kind, directory.resolve())
    with _LOCK:
        model = _LOADED.get(key)
        if model is None:
            model = _LOADED[key] = kind(directory)
    return model  # type: ignore[return-value]
