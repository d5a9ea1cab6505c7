"""claim_checkworthy on a blank pipeline: scores, reasons, kinds and a plugged-in scorer."""

from __future__ import annotations

import pytest

from workbench.claims.spans import claim_spans
from workbench.model import ClaimKind


@pytest.fixture
def score(blank):
    blank.add_pipe("claim_segmenter")
    blank.add_pipe("claim_attribution")
    blank.add_pipe("claim_checkworthy")

    def run(text: str):
        span = claim_spans(blank(text))[0]
        return span._.claim_score, span._.claim_reasons, ClaimKind(span._.claim_kind)

    return run


def test_a_statistic_outranks_an_opinion_and_a_question(score):
    statistic, reasons, kind = score("Unemployment fell to 4.1 percent in the last quarter.")
    opinion, _, opinion_kind = score("I think this is a wonderful town to live in.")
    question, _, question_kind = score("Why would anyone want to live there anyway?")
    assert statistic > 0.5 > opinion
    assert statistic > question
    assert "contains a number (4.1)" in reasons
    assert kind is ClaimKind.QUANTITY
    assert opinion_kind is ClaimKind.NOT_A_CLAIM
    assert question_kind is ClaimKind.NOT_A_CLAIM


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The new bridge will open to traffic in the spring.", ClaimKind.PREDICTION),
        ("The floods happened because the river defences failed.", ClaimKind.CAUSATION),
        ("Smoking in restaurants has been illegal in the country since then.", ClaimKind.LAW),
        ("The bridge was painted green by the council workers.", ClaimKind.OTHER),
        ("Subscribe to our newsletter for daily news and offers.", ClaimKind.NOT_A_CLAIM),
    ],
)
def test_kinds_follow_the_strongest_signal(score, text, kind):
    assert score(text)[2] is kind


def test_scores_stay_between_zero_and_one(score):
    loaded = "In 2020 the 3 largest firms cut 40% of jobs, 10 million, because the law will change."
    for text in (loaded, "Hi?", "I feel sad."):
        assert 0.0 <= score(text)[0] <= 1.0


def test_a_learned_scorer_is_blended_in_and_the_reasons_stay(blank):
    blank.add_pipe("claim_segmenter")
    blank.add_pipe("claim_attribution")
    checkworthy = blank.add_pipe("claim_checkworthy")
    text = "Unemployment fell to 4.1 percent in the last quarter."
    rules = claim_spans(blank(text))[0]._.claim_score
    seen: list[list[str]] = []

    def model(texts: list[str]) -> list[float]:
        seen.append(texts)
        return [0.0] * len(texts)

    checkworthy.set_learned_scorer(model, weight=0.25)
    docs = list(blank.pipe([text, text]))
    span = claim_spans(docs[0])[0]
    assert span._.claim_score == pytest.approx(0.75 * rules)
    assert "contains a number (4.1)" in span._.claim_reasons
    assert seen == [[text, text]]


def test_a_learned_scorer_that_returns_the_wrong_count_is_an_error(blank):
    blank.add_pipe("claim_segmenter")
    blank.add_pipe("claim_attribution")
    checkworthy = blank.add_pipe("claim_checkworthy")
    checkworthy.set_learned_scorer(lambda texts: [], weight=0.5)
    with pytest.raises(ValueError, match="returned 0 scores for 1 texts"):
        blank("Unemployment fell to 4.1 percent.")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"learned_weight": 1.5}, "learned_weight"),
        ({"weights": {"numbr": 1.0}}, "unknown signal weights"),
    ],
)
def test_bad_settings_are_refused(blank, config, message):
    with pytest.raises(ValueError, match=message):
        blank.add_pipe("claim_checkworthy", config=config)
