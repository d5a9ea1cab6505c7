"""A verdict without a rating is a draft: stored at once, completed in place by the rating."""

from __future__ import annotations

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.verdicts import Verdicts
from workbench.store import InvalidInputError, Store, open_store

TEXT = "Prices rose 5% in May. The mayor said so."


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def _claim_and_reviewer(store: Store) -> tuple[str, str]:
    article = store.add_article(
        Article(text=TEXT, title="Prices", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    quote = "Prices rose 5% in May."
    [claim] = store.add_claims(
        article.id, [Claim(article_id=article.id, start=0, end=len(quote), quote=quote)]
    )
    return claim.id, store.add_reviewer("Ana").id


def test_a_judgement_without_rating_is_stored_as_a_draft(store) -> None:
    claim_id, ana = _claim_and_reviewer(store)
    draft = store.save_verdict(claim_id, ana, Judgement(None, 0.6, "  Checking the CPI.  "))
    row = store.db["verdicts"].get(draft.id)
    assert (row["rating"], row["rating_value"], row["rationale"]) == (
        None,
        None,
        "Checking the CPI.",
    )
    stored = store.verdict_for(claim_id, ana)
    assert stored is not None and stored.is_draft
    assert store.claims_for(store.get_claim(claim_id).article_id)[0].drafts == [stored]


def test_a_rating_turns_the_draft_into_a_verdict_in_the_same_row(store) -> None:
    claim_id, ana = _claim_and_reviewer(store)
    draft = store.save_verdict(claim_id, ana, Judgement(None, rationale="CPI says 5.1%."))
    store.add_source(draft.id, url="https://example.org/cpi")
    rated = store.save_verdict(claim_id, ana, Judgement("Mostly true", rationale="CPI says 5.1%."))
    assert rated.id == draft.id
    assert rated.rating == "Mostly true" and rated.rating_value is not None
    assert [s.url for s in rated.sources] == ["https://example.org/cpi"]
    assert store.db["verdicts"].count == 1


def test_a_rating_off_the_scale_is_still_refused(store) -> None:
    claim_id, ana = _claim_and_reviewer(store)
    with pytest.raises(InvalidInputError, match="not on this database's rating scale"):
        store.save_verdict(claim_id, ana, Judgement("Pants on fire"))


def test_the_service_makes_one_draft_to_hold_sources_and_compares_drafts(store) -> None:
    claim_id, ana = _claim_and_reviewer(store)
    verdicts = Verdicts(store)
    first = verdicts.draft_for(claim_id, ana, Judgement("True", rationale="Notes so far."))
    assert first.is_draft and first.rationale == "Notes so far."
    assert verdicts.draft_for(claim_id, ana, Judgement(None)).id == first.id
    current = verdicts.verdict(claim_id, ana)
    assert verdicts.unchanged(current, Judgement(None, rationale="Notes so far. "))
    assert not verdicts.unchanged(current, Judgement(None, rationale="More notes."))
    assert not verdicts.unchanged(current, Judgement("True", rationale="Notes so far."))
