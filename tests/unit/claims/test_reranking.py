"""The claim-matching re-ranker as the library runs it."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.claims.reranking import CrossEncoder, load_reranker, probability

QUERY = "Obama let 122 Guantanamo terrorists go and they went right back to the battlefield"
ANSWER = (
    "Did 122 prisoners released from Guantanamo under President Obama return to the battlefield?"
)
# Most of the same words, another claim.
LOOKALIKE = "Did President Obama say 122 Guantanamo prisoners were tortured on the battlefield?"
UNRELATED = "Prices rose five percent in May, the minister said."


@pytest.fixture(scope="module")
def reranker() -> CrossEncoder:
    return load_reranker()


def test_the_fact_check_of_the_claim_comes_before_one_with_the_same_words(reranker) -> None:
    answer, lookalike, unrelated = probability(
        reranker.score(QUERY, [ANSWER, LOOKALIKE, UNRELATED])
    )
    assert answer > lookalike > unrelated
    assert answer > 0.5 > unrelated


def test_a_pair_scores_the_same_alone_or_beside_others(reranker) -> None:
    alone = reranker.score(QUERY, [LOOKALIKE])
    beside = reranker.score(QUERY, [UNRELATED, ANSWER, LOOKALIKE])
    assert np.allclose(alone[0], beside[2], atol=1e-6)


def test_no_texts_no_scores(reranker) -> None:
    assert reranker.score(QUERY, []).shape == (0,)
