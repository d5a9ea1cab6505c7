"""The queue of claims needing a final verdict, and reasoned dismissals."""

from __future__ import annotations

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.final_verdicts import (
    FinalVerdicts,
    check_reason,
    disagreement_queue,
    dismissal_text,
    final_line,
)
from workbench.store import InvalidInputError, Store, open_store

TEXT = "Prices rose 5% in May. Crime fell by half. Taxes went up. Rents doubled."
QUOTES = ("Prices rose 5% in May.", "Crime fell by half.", "Taxes went up.", "Rents doubled.")


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def _article(store: Store, title: str = "Prices") -> list[str]:
    article = store.add_article(
        Article(text=TEXT, title=title, blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    claims = [
        Claim(article_id=article.id, start=TEXT.index(q), end=TEXT.index(q) + len(q), quote=q)
        for q in QUOTES
    ]
    store.add_claims(article.id, claims)
    return [c.id for c in claims]


def test_the_queue_holds_rated_disagreements_without_a_final_verdict(store) -> None:
    prices, crime, taxes, rents = _article(store)
    ana, ben, cy = (store.add_reviewer(n).id for n in ("Ana", "Ben", "Cy"))
    store.save_verdict(prices, ana, Judgement("True"))
    store.save_verdict(prices, ben, Judgement("False"))  # disagree: queued
    store.save_verdict(crime, ana, Judgement("True"))
    store.save_verdict(crime, ben, Judgement(None, rationale="still reading"))  # a draft
    store.save_verdict(taxes, ana, Judgement("True"))
    store.save_verdict(taxes, cy, Judgement("Unproven"))  # disagree, but settled below
    store.save_verdict(rents, ben, Judgement("True"))
    store.save_verdict(rents, cy, Judgement("False"))  # disagree, but dismissed
    store.set_final_verdict(taxes, "True", editor_id=ana)
    store.dismiss_claim(rents, reviewer_id=ana)
    [item] = disagreement_queue(store)
    assert item.claim_id == prices
    assert item.ratings == (("Ana", "True"), ("Ben", "False"))
    assert item.line() == "Ana: True; Ben: False"
    assert item.to_dict()["article"] == "Prices"
    store.set_final_verdict(prices, "Half true", editor_id=cy)
    assert disagreement_queue(store) == []


def test_the_queue_of_one_article_leaves_the_others_out(store) -> None:
    ana, ben = store.add_reviewer("Ana").id, store.add_reviewer("Ben").id
    first, second = _article(store, "One")[0], _article(store, "Two")[0]
    for claim in (first, second):
        store.save_verdict(claim, ana, Judgement("True"))
        store.save_verdict(claim, ben, Judgement("False"))
    article_two = store.get_claim(second).article_id
    assert [i.claim_id for i in disagreement_queue(store, article_two)] == [second]
    assert len(disagreement_queue(store)) == 2


def test_the_desk_service_gives_and_puts_back(store) -> None:
    claim = _article(store)[0]
    ana = store.add_reviewer("Ana Lima").id
    finals = FinalVerdicts(store)
    given = finals.give(claim, "false", "  Records say otherwise. ", ana)
    assert finals.unchanged(claim, "False", "Records say otherwise.", ana)
    assert not finals.unchanged(claim, "True", "Records say otherwise.", ana)
    assert final_line(given).startswith("Final verdict by Ana Lima on ")
    assert final_line(given).endswith(": False")
    finals.put(claim, None, ana)
    assert finals.get(claim) is None
    finals.put(claim, given, ana)
    assert finals.get(claim) == given


def test_dismissing_records_who_and_why_and_undo_puts_it_back(store) -> None:
    claim = _article(store)[0]
    ana = store.add_reviewer("Ana Lima").id
    finals = FinalVerdicts(store)
    before = store.get_claim(claim)
    finals.dismiss(claim, ana, "  A duplicate   of another claim ")
    rc = store.claims_for(before.article_id)[0]
    assert rc.claim.dismissed_reason == "A duplicate of another claim"
    assert dismissal_text(rc) == "Dismissed by Ana Lima: a duplicate of another claim"
    finals.put_dismissal(before)
    rc = store.claims_for(before.article_id)[0]
    assert rc.claim.state.value == "open" and rc.claim.dismissed_reason is None
    assert dismissal_text(rc) is None


def test_an_empty_reason_is_refused(store) -> None:
    claim = _article(store)[0]
    with pytest.raises(InvalidInputError, match="nothing was changed"):
        FinalVerdicts(store).dismiss(claim, None, "   ")
    assert store.get_claim(claim).state.value == "open"
    with pytest.raises(InvalidInputError):
        check_reason("x" * 501)


def test_the_claims_history_tells_who_gave_and_removed_the_final_verdict(store) -> None:
    from workbench.services.history import claim_history

    claim = _article(store)[0]
    ana = store.add_reviewer("Ana Lima").id
    store.set_final_verdict(claim, "False", editor_id=ana)
    store.set_final_verdict(claim, "Half true", editor_id=ana)
    store.clear_final_verdict(claim, reviewer_id=ana)
    texts = [line.text() for line in claim_history(store, claim).lines]
    wanted = [
        "Ana Lima gave the final verdict False",
        "Ana Lima changed the final verdict to Half true (was: False)",
        "Ana Lima removed the final verdict Half true",
    ]
    for words in wanted:
        assert any(words in text for text in texts), (words, texts)
