"""Agreement read from the database: one article or every article, drafts and dismissals apart."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.model import Article, Judgement
from workbench.services.agreement import article_agreement, database_agreement
from workbench.store import NotFoundError

TEXT = (
    "Crime fell by 12 percent last year. The council spent 2 million on roads. "
    "Unemployment is at a record low. Prices will double by 2030."
)
QUOTES = (
    "Crime fell by 12 percent last year",
    "The council spent 2 million on roads",
    "Unemployment is at a record low",
    "Prices will double by 2030",
)


def _article(store, claim_at: Callable, title: str) -> tuple[Article, list]:
    article = Article(text=TEXT, title=title)
    claims = [claim_at(article.id, TEXT, q) for q in QUOTES]
    store.add_article(article, claims)
    return article, claims


def _rate(store, claims, reviewer, ratings) -> None:
    for claim, rating in zip(claims, ratings, strict=True):
        if rating == "draft":
            store.save_verdict(claim.id, reviewer.id, Judgement(None, rationale="Still looking."))
        elif rating is not None:
            store.save_verdict(claim.id, reviewer.id, Judgement(rating))


@pytest.fixture
def reviewed(memory_store, claim_at):
    """Two articles; Ana and Tom rated the first, Ana, Tom and Eve the second."""
    store = memory_store
    ana, tom, eve = (store.add_reviewer(n) for n in ("Ana Lima", "Tom Okafor", "Eve Stone"))
    first, first_claims = _article(store, claim_at, "Council roads")
    _rate(store, first_claims, ana, ["True", "Mostly true", "False", "draft"])
    _rate(store, first_claims, tom, ["True", "True", "False", "Unproven"])
    second, second_claims = _article(store, claim_at, "Prices")
    _rate(store, second_claims, ana, ["False", "Unproven", None, None])
    _rate(store, second_claims, tom, ["False", "Unproven", "True", None])
    _rate(store, second_claims, eve, ["Mostly false", "draft", None, None])
    return store, first, second, first_claims


def test_one_article_two_reviewers(reviewed) -> None:
    store, first, _, _ = reviewed
    found = article_agreement(store, first.id)
    a = found.agreement
    # Claim 4 holds Tom's rating and Ana's draft: one rating, not compared.
    assert (a.claims_compared, a.claims_rated_once, a.reviewers) == (3, 1, 2)
    assert a.percent_agreement == pytest.approx(200 / 3)
    assert a.cohen_kappa is not None
    assert found.heading == "Article: Council roads"
    assert found.figure("percent_agreement") == "67%"
    assert found.to_dict()["scope"] == "article" and found.to_dict()["article_id"] == first.id


def test_the_whole_database_counts_every_article_and_reviewer(reviewed) -> None:
    store, *_ = reviewed
    a = database_agreement(store).agreement
    assert (a.claims_compared, a.reviewers, a.unproven_ratings) == (5, 3, 2)
    # Three reviewers: no Cohen's kappa, and the reason is given.
    assert a.cohen_kappa is None and "3 reviewers" in a.notes["cohen_kappa"]
    assert a.krippendorff_alpha_ordinal is not None


def test_a_dismissed_claim_no_longer_counts(reviewed) -> None:
    store, first, _, first_claims = reviewed
    before = article_agreement(store, first.id).agreement.claims_compared
    store.dismiss_claim(first_claims[1].id)
    assert article_agreement(store, first.id).agreement.claims_compared == before - 1


def test_an_article_without_pairs_says_so_in_words(memory_store, claim_at) -> None:
    article, claims = _article(memory_store, claim_at, "Alone")
    ana = memory_store.add_reviewer("Ana Lima")
    _rate(memory_store, claims, ana, ["True", None, None, None])
    found = article_agreement(memory_store, article.id)
    assert found.lines() == [
        "Article: Alone",
        "No claim has been rated by two or more reviewers yet (1 claim has one rating only).",
    ]
    assert found.figure("cohen_kappa") == "—"


def test_an_unknown_article_is_a_named_error(memory_store) -> None:
    with pytest.raises(NotFoundError):
        article_agreement(memory_store, "no-such-article")
