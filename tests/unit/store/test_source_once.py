"""One verdict keeps one source per address; article settings go with their article."""

from __future__ import annotations

import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement, Verdict
from workbench.store import Store, open_store

TEXT = "Prices rose 5% in May. The mayor said so."


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def _verdict(store: Store) -> Verdict:
    article = store.add_article(
        Article(text=TEXT, title="Prices", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    quote = "Prices rose 5% in May."
    [claim] = store.add_claims(
        article.id, [Claim(article_id=article.id, start=0, end=len(quote), quote=quote)]
    )
    return store.save_verdict(claim.id, store.add_reviewer("Ana").id, Judgement("True"))


def test_the_same_address_twice_is_one_source(store) -> None:
    verdict = _verdict(store)
    first = store.add_source(verdict.id, title="CPI", url="https://example.org/cpi")
    again = store.add_source(verdict.id, title="CPI again", url="  https://example.org/cpi \n")
    assert again.id == first.id
    assert [s.url for s in store.sources_for(verdict.id)] == ["https://example.org/cpi"]
    assert len(store.events_for("source", first.id)) == 1  # nothing was written the second time


def test_another_passage_or_file_from_the_same_address_is_its_own_source(store) -> None:
    verdict = _verdict(store)
    url = "https://example.org/report"
    store.add_source(verdict.id, url=url, quote="Prices rose 5%.")
    store.add_source(verdict.id, url=url, quote="Wages rose 2%.")
    store.add_source(verdict.id, url=url, attachment=b"%PDF", attachment_name="report.pdf")
    store.add_source(verdict.id, url=url, quote="Prices rose 5%.")  # a repeat of the first
    assert len(store.sources_for(verdict.id)) == 3


def test_sources_without_an_address_are_never_merged(store) -> None:
    verdict = _verdict(store)
    store.add_source(verdict.id, title="Phone call with the mayor's office")
    store.add_source(verdict.id, title="Phone call with the mayor's office")
    assert len(store.sources_for(verdict.id)) == 2


def test_the_same_address_on_another_verdict_is_stored_there(store) -> None:
    verdict = _verdict(store)
    claim_id = verdict.claim_id
    other = store.save_verdict(claim_id, store.add_reviewer("Ben").id, Judgement("False"))
    store.add_source(verdict.id, url="https://example.org/cpi")
    store.add_source(other.id, url="https://example.org/cpi")
    assert len(store.sources_for(other.id)) == 1


def test_article_settings_are_removed_with_their_article(store) -> None:
    verdict = _verdict(store)
    article_id = store.get_claim(verdict.claim_id).article_id
    store.set_article_setting(article_id, "claims_left_out", {"count": 3})
    store.set_setting("rating_scale_note", "kept")
    assert store.get_article_setting(article_id, "claims_left_out") == {"count": 3}
    store.delete_article(article_id)
    assert store.get_article_setting(article_id, "claims_left_out") is None
    assert store.get_setting("rating_scale_note") == "kept"
