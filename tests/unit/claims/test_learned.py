"""The shipped check-worthiness model: loading, ranking, probabilities, errors."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from workbench.claims.errors import ClaimsError
from workbench.claims.learned import (
    MODEL_FILE,
    ONNX_FILE,
    TOKENIZER_FILE,
    CheckworthyModel,
    default_model_dir,
    load_scorer,
)

CHECKWORTHY = [
    "Unemployment fell to 3.5 percent in 2019.",
    "The United States spends more on defence than the next ten countries combined.",
    "Crime in our cities has gone up 40 percent since 2010.",
]
NOT_CHECKWORTHY = [
    "Thank you all for coming tonight.",
    "Good evening and welcome.",
    "I think we can do better.",
]


def test_shipped_model_ranks_factual_claims_above_pleasantries() -> None:
    scores = load_scorer()(CHECKWORTHY + NOT_CHECKWORTHY)
    claims, chatter = scores[: len(CHECKWORTHY)], scores[len(CHECKWORTHY) :]
    assert min(claims) > max(chatter)
    assert min(claims) > load_scorer().threshold > max(chatter)


def test_scores_are_probabilities_and_deterministic() -> None:
    texts = [*CHECKWORTHY, *NOT_CHECKWORTHY, "", "   ", "!!!", "😀 émigré naïve"]
    first = load_scorer()(texts)
    assert len(first) == len(texts)
    assert all(0.0 <= s <= 1.0 for s in first)
    assert load_scorer()(list(reversed(texts))) == list(reversed(first))


def test_scorer_is_loaded_once_and_shared_between_threads() -> None:
    results: list[list[float]] = []

    def work() -> None:
        results.append(load_scorer()(CHECKWORTHY))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert load_scorer() is load_scorer(default_model_dir())
    assert all(r == results[0] for r in results)


def test_missing_model_files_give_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ClaimsError, match="model is missing"):
        load_scorer(tmp_path)


def test_damaged_model_gives_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(default_model_dir() / TOKENIZER_FILE, tmp_path / TOKENIZER_FILE)
    shutil.copy(default_model_dir() / MODEL_FILE, tmp_path / MODEL_FILE)
    (tmp_path / ONNX_FILE).write_bytes(b"not an onnx graph")
    with pytest.raises(ClaimsError, match="damaged"):
        CheckworthyModel(tmp_path)
    (tmp_path / MODEL_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ClaimsError, match="damaged"):
        CheckworthyModel(tmp_path)


def test_a_model_of_another_format_is_refused(tmp_path: Path) -> None:
    for name in (MODEL_FILE, ONNX_FILE, TOKENIZER_FILE):
        shutil.copy(default_model_dir() / name, tmp_path / name)
    meta = json.loads((tmp_path / MODEL_FILE).read_text(encoding="utf-8"))
    (tmp_path / MODEL_FILE).write_text(json.dumps({**meta, "format": "tfidf-lr/1"}), "utf-8")
    with pytest.raises(ClaimsError, match="this version of the program reads"):
        CheckworthyModel(tmp_path)


def test_the_score_is_a_monotone_calibration_of_the_model_output() -> None:
    model = load_scorer()
    texts = [*CHECKWORTHY, *NOT_CHECKWORTHY, "The minister said crime fell by a third."]
    logits = list(model.logits(texts))
    scores = model(texts)
    by_logit = sorted(range(len(texts)), key=lambda i: logits[i])
    assert [scores[i] for i in by_logit] == sorted(scores)
    assert model.calibration[0] > 0  # a larger model output is never a smaller probability


def test_a_long_sentence_is_scored_within_the_model_window() -> None:
    long = "Unemployment fell to 3.5 percent in 2019 " + "and it kept falling " * 400
    (score,) = load_scorer()([long])
    assert 0.0 <= score <= 1.0


def test_the_shipped_model_is_small_enough_to_ship() -> None:
    size = sum(p.stat().st_size for p in default_model_dir().iterdir() if p.is_file())
    assert size <= 30 * 1024 * 1024


@pytest.mark.slow
def test_extractor_blends_the_model_and_says_so(nlp) -> None:
    from workbench.claims import extract_claims, score_texts
    from workbench.claims.extract import CHECKWORTHY_THRESHOLD

    from .conftest import sample_article

    claims = extract_claims(sample_article(), nlp=nlp)
    assert claims
    for claim in claims:
        model_reasons = [r for r in claim.reasons if r.startswith("trained model:")]
        assert len(model_reasons) == 1, claim.reasons
        assert 0.0 <= claim.score <= 1.0
    factual, polite = score_texts(
        ["Unemployment fell to 3.5 percent in 2019.", "Thank you all for coming tonight."], nlp=nlp
    )
    assert factual >= CHECKWORTHY_THRESHOLD > polite


def test_the_desk_starts_at_the_claim_finders_threshold() -> None:
    from workbench.claims.extract import CHECKWORTHY_THRESHOLD
    from workbench.ui.preferences.settings import DEFAULT_SENSITIVITY

    assert DEFAULT_SENSITIVITY == CHECKWORTHY_THRESHOLD
    # ... and that constant is the threshold the shipped model was trained and chosen with.
    assert load_scorer().threshold == CHECKWORTHY_THRESHOLD
