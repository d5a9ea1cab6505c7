"""The library service: importing files, the team's own verdicts, matching a text."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.factchecks import (
    import_files,
    library_counts,
    library_text,
    match,
    match_many,
    query_text,
    vector_model,
)
from workbench.store import Store, open_store

TEXT = "Prices rose 5% in May. The mayor closed the bridge."


@pytest.fixture
def store():
    s = open_store(None)
    yield s
    s.close()


def feed(
    tmp_path: Path, n: int, *, date: str = "2024-01-01", bad: int = 0, name: str = "feed.json"
) -> Path:
    items: list[dict[str, object]] = [
        {
            "@type": "ClaimReview",
            "url": f"https://c.org/{i}",
            "claimReviewed": f"Claim {i} about bridges",
            "datePublished": date,
            "reviewRating": {"alternateName": "False"},
        }
        for i in range(n)
    ]
    items += [{"@type": "ClaimReview", "claimReviewed": ""} for _ in range(bad)]
    path = tmp_path / name
    path.write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": items}), encoding="utf-8")
    return path


def test_import_twice_is_import_once_and_bad_items_are_counted(store, tmp_path: Path) -> None:
    path = feed(tmp_path, 5, bad=2)
    first = import_files(store, [path])
    assert (first.total("added"), first.files[0].bad_items) == (5, 2)
    assert dict(first.files[0].bad) == {"no claim": 2}
    second = import_files(store, [path])
    assert (second.total("added"), second.total("unchanged")) == (0, 5)
    newer = import_files(store, [feed(tmp_path, 5, date="2025-01-01", name="newer.json")])
    assert newer.total("updated") == 5
    assert library_counts(store) == {"import": 5, "team": 0}


def test_an_unreadable_file_is_reported_and_the_others_imported(store, tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text("not json", encoding="utf-8")
    result = import_files(store, [junk, feed(tmp_path, 3)])
    assert result.files[0].error and result.files[1].added == 3


def test_cancel_keeps_whole_batches_only(store, tmp_path: Path) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2  # two batches stored, the third refused

    result = import_files(store, [feed(tmp_path, 25)], batch=10, cancelled=cancelled)
    assert result.cancelled
    assert library_counts(store)["import"] == 20


def test_progress_reaches_the_file_size(store, tmp_path: Path) -> None:
    path = feed(tmp_path, 25)
    seen: list[tuple[str, int, int]] = []
    import_files(store, [path], batch=10, progress=lambda *a: seen.append(a))
    assert seen[-1] == ("feed.json", path.stat().st_size, path.stat().st_size)


def _rated_claims(store: Store) -> tuple[list[str], str]:
    article = store.add_article(
        Article(text=TEXT, title="T", blocks=[Block(BlockKind.BODY, 0, len(TEXT))])
    )
    spans = [(0, 22), (23, len(TEXT))]
    claims = store.add_claims(
        article.id,
        [Claim(article_id=article.id, start=s, end=e, quote=TEXT[s:e]) for s, e in spans],
    )
    return [c.id for c in claims], store.add_reviewer("Ana").id


def test_team_verdicts_are_in_the_library_without_import_and_drafts_are_not(store) -> None:
    (rated, draft), ana = _rated_claims(store)
    store.save_verdict(rated, ana, Judgement("True"))
    store.save_verdict(draft, ana, Judgement(None, rationale="still checking"))
    assert library_counts(store) == {"import": 0, "team": 1}
    [found] = match(store, "did the prices rise 5% in May?")
    assert (found.claim, found.rating, found.origin, found.publisher) == (
        "Prices rose 5% in May.",
        "True",
        "team",
        "Ana",
    )
    store.save_verdict(rated, ana, Judgement("False"))
    assert match(store, "prices rose in May")[0].rating == "False"
    store.dismiss_claim(rated)
    assert library_counts(store)["team"] == 0


def test_query_text_strips_links_and_a_tweet_signature() -> None:
    tweet = (
        "Butterflies survive the fires &amp; more pic.twitter.com/0eJtwJyS1J https://t.co/x "
        "#DefundTheCBChttps://t.co/CsHG8R9cHp — Center for Bio Div (@CenterForBioDiv) January 14, 2020"
    )
    assert query_text(tweet) == "Butterflies survive the fires & more Defund The CBC"


def test_query_text_gives_hashtags_and_handles_as_words() -> None:
    """A fact-check names the person and the subject, never the account or the hashtag."""
    tweet = "@realDonaldTrump says #COVID19 is gone 🎉🇺🇸 #FakeNews"
    assert query_text(tweet) == "real Donald Trump says COVID 19 is gone Fake News"


class FakeEncoder:
    """Bag of letters: enough to tell texts apart, deterministic, no model."""

    name = "fake-1"

    def __init__(self) -> None:
        self.calls = 0
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.seen += texts
        rows = np.zeros((len(texts), 26), dtype=np.float32)
        for n, text in enumerate(texts):
            for ch in text.lower():
                if "a" <= ch <= "z":
                    rows[n, ord(ch) - 97] += 1
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def test_semantic_matching_stores_vectors_and_scores_by_cosine(store, tmp_path: Path) -> None:
    import_files(store, [feed(tmp_path, 3)])
    encoder = FakeEncoder()
    [found] = match_many(store, ["Claim 1 about bridges"], 2, encoder)
    assert found[0].score == pytest.approx(1.0, abs=1e-3)  # the cosine: same letters
    assert store.factchecks_without_vectors(vector_model(encoder)) == []
    calls = encoder.calls
    match(store, "bridges", 2, encoder)
    assert encoder.calls == calls + 1  # only the query is encoded: the library's are stored


def _headlined(tmp_path: Path) -> Path:
    path = tmp_path / "headlined.json"
    item = {
        "@type": "ClaimReview",
        "url": "https://c.org/g",
        "headline": "Did Guantanamo Prisoners Return to the Battlefield?",
        "claimReviewed": "122 detainees released under Obama re-engaged in terrorism",
        "reviewRating": {"alternateName": "Mostly false"},
    }
    path.write_text(json.dumps(item), encoding="utf-8")
    return path


def test_library_text_puts_the_headline_first() -> None:
    assert library_text(" Is It  True? ", "The claim.") == "Is It True? The claim."
    assert library_text(None, "The  claim.") == library_text("", "The claim.") == "The claim."


def test_the_headline_is_encoded_with_the_claim_and_shown(store, tmp_path: Path) -> None:
    import_files(store, [_headlined(tmp_path), feed(tmp_path, 2)])
    encoder = FakeEncoder()
    [found] = match_many(store, ["prisoners back on the battlefield"], 1, encoder)
    assert (
        "Did Guantanamo Prisoners Return to the Battlefield? "
        "122 detainees released under Obama re-engaged in terrorism"
    ) in encoder.seen
    assert "Claim 0 about bridges" in encoder.seen  # no headline: the claim alone
    assert found[0].title == "Did Guantanamo Prisoners Return to the Battlefield?"


def test_words_only_in_the_headline_find_the_fact_check(store, tmp_path: Path) -> None:
    import_files(store, [_headlined(tmp_path), feed(tmp_path, 3)])
    [best] = match(store, "guantanamo battlefield", 1)
    assert best.url == "https://c.org/g" and best.score > 0  # the words overlap the headline


def test_vectors_of_the_claim_alone_are_made_again(store, tmp_path: Path) -> None:
    """Vectors stored under an earlier text recipe (the claim alone) are not compared."""
    import_files(store, [_headlined(tmp_path)])
    encoder = FakeEncoder()
    [(fid, _, _)] = store.factchecks_without_vectors(encoder.name)
    store.set_factcheck_vectors([(fid, np.zeros(26, dtype="<f2").tobytes())], encoder.name)
    match(store, "battlefield", 1, encoder)
    assert encoder.seen[0].startswith("Did Guantanamo Prisoners")
    assert store.factchecks_without_vectors(vector_model(encoder)) == []


def test_team_rows_have_no_headline(store) -> None:
    (rated, _), ana = _rated_claims(store)
    store.save_verdict(rated, ana, Judgement("True"))
    [found] = match(store, "prices rose in May", 1)
    assert found.origin == "team" and found.title is None  # the article's "T" is not one
