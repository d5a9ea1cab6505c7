"""The trained check-worthiness scorer: ``load_scorer()`` gives ``list[str] -> list[float]``.

The model is a logistic regression over TF-IDF word 1-2-grams and character 2-5-grams
(trained by ``make train-model`` on ClaimBuster sentences, CC BY 4.0), then Platt-scaled so that
0.5 means "as likely as not". Scoring needs only numpy and the two files in
``resources/models/checkworthy/``; no training library is imported at run time.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from workbench.resources import resource_path

from .errors import ClaimsError

Scorer = Callable[[list[str]], list[float]]

MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
FORMAT = "tfidf-lr/1"
#: Combined score (0.5 x rules + 0.5 x model) at or above which a sentence is shown as a claim by
#: default; the best F1 on ct24 dev (see the model card). The review desk's sensitivity starts here.
DEFAULT_THRESHOLD = 0.45
#: Share of the model probability in the combined score (picked on ct24 dev with the threshold).
DEFAULT_MODEL_WEIGHT = 0.5

_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
_LOCK = threading.Lock()
_CACHE: dict[Path, Scorer] = {}


def default_model_dir() -> Path:
    """Where the shipped model lives (checkout, installed wheel or frozen app)."""
    return resource_path("models", "checkworthy")


def word_ngrams(text: str, low: int = 1, high: int = 2) -> list[str]:
    """Lower-cased word n-grams, the same as scikit-learn's default word analyzer."""
    tokens = _WORD.findall(text.lower())
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside space-padded words, as scikit-learn's ``char_wb`` analyzer."""
    grams: list[str] = []
    append = grams.append
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            offset = 0
            append(padded[:n])
            while offset + n < size:
                offset += 1
                append(padded[offset : offset + n])
            if offset == 0:
                break
    return grams


class _Block:
    """One TF-IDF feature block. ``pieces`` splits a sentence into the units whose n-grams do not
    depend on their neighbours (words for character n-grams), so their term ids can be cached."""

    _CACHE_LIMIT = 200_000

    def __init__(
        self,
        index: dict[str, int],
        idf: np.ndarray,
        coef: np.ndarray,
        pieces: Callable[[str], list[str]],
        grams: Callable[[str], list[str]],
        cache: bool,
    ) -> None:
        self.index = index
        self.idf = idf
        self.weighted = idf * coef
        self.pieces = pieces
        self.grams = grams
        self._ids: dict[str, list[int]] = {}
        self._cache = cache

    def _piece_ids(self, piece: str) -> list[int]:
        ids = self._ids.get(piece)
        if ids is None:
            index = self.index
            ids = [index[g] for g in self.grams(piece) if g in index]
            if not self._cache:
                return ids
            if len(self._ids) > self._CACHE_LIMIT:
                self._ids = {}
            self._ids[piece] = ids
        return ids

    def logit(self, text: str) -> float:
        """This block's share of the decision value for one sentence."""
        ids: list[int] = []
        for piece in self.pieces(text):
            ids.extend(self._piece_ids(piece))
        if not ids:
            return 0.0
        unique, counts = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
        tf = 1.0 + np.log(counts)
        scaled = tf * self.idf[unique]
        return float(np.dot(tf, self.weighted[unique])) / math.sqrt(float(np.dot(scaled, scaled)))


class CheckworthyModel:
    """A loaded model; call it with sentences to get calibrated probabilities."""

    def __init__(self, directory: Path) -> None:
        meta_path, weights_path = directory / MODEL_FILE, directory / WEIGHTS_FILE
        missing = [p.name for p in (meta_path, weights_path) if not p.exists()]
        if missing:
            raise ClaimsError(
                f"The check-worthiness model is missing ({', '.join(missing)} not found in "
                f"{directory}). Reinstall the program, or run 'make train-model' in a checkout."
            )
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            with np.load(weights_path, allow_pickle=False) as weights:
                arrays = {key: weights[key] for key in weights.files}
        except (OSError, ValueError, json.JSONDecodeError) as exc:
            raise ClaimsError(
                f"The check-worthiness model in {directory} is damaged: {exc}"
            ) from exc
        if meta.get("format") != FORMAT:
            raise ClaimsError(
                f"The check-worthiness model in {directory} has format {meta.get('format')!r}; "
                f"this version of the program reads {FORMAT!r}."
            )
        self.meta = meta
        self.intercept = float(meta["intercept"])
        self.calibration = (float(meta["platt_a"]), float(meta["platt_b"]))
        self.threshold = float(meta["threshold"])
        low_w, high_w = meta["word_ngrams"]
        low_c, high_c = meta["char_ngrams"]
        self._blocks = (
            self._block(
                meta["vocab_word"],
                arrays,
                "word",
                lambda t: [t],
                lambda t: word_ngrams(t, low_w, high_w),
                cache=False,
            ),
            self._block(
                meta["vocab_char"],
                arrays,
                "char",
                lambda t: t.lower().split(),
                lambda w: char_wb_ngrams(w, low_c, high_c),
                cache=True,
            ),
        )

    @staticmethod
    def _block(
        vocab: list[str],
        arrays: dict[str, np.ndarray],
        name: str,
        pieces: Callable[[str], list[str]],
        grams: Callable[[str], list[str]],
        cache: bool,
    ) -> _Block:
        idf = arrays[f"idf_{name}"].astype(np.float64)
        coef = arrays[f"coef_{name}"].astype(np.float64)
        if not len(vocab) == len(idf) == len(coef):
            raise ClaimsError(f"The check-worthiness model's {name} vocabulary does not match.")
        return _Block({term: i for i, term in enumerate(vocab)}, idf, coef, pieces, grams, cache)

    def logits(self, texts: Iterable[str]) -> list[float]:
        """Uncalibrated decision values (log-odds of the class-balanced training)."""
        return [self.intercept + sum(b.logit(t) for b in self._blocks) for t in texts]

    def __call__(self, texts: list[str]) -> list[float]:
        """Calibrated probability that each sentence is check-worthy, in [0, 1]."""
        a, b = self.calibration
        return [1.0 / (1.0 + math.exp(-(a * z + b))) for z in self.logits(texts)]


def load_scorer(path: str | Path | None = None) -> Scorer:
    """The scorer in ``path`` (default: the shipped model), loaded once and shared by threads."""
    directory = Path(path) if path is not None else default_model_dir()
    key = directory.resolve()
    with _LOCK:
        scorer = _CACHE.get(key)
        if scorer is None:
            scorer = CheckworthyModel(directory)
            _CACHE[key] = scorer
    return scorer
