"""Matching with the re-ranker: it re-orders the best fused candidates, and is optional."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from workbench.services import factchecks
from workbench.services.factchecks import import_files, match, match_many, shipped_reranker
from workbench.store import open_store

from .test_factchecks import FakeEncoder

CLAIMS = [
    "Bridges in the city are closing for repairs next month",
    "The mayor said the bridge tolls will double",
    "Guantanamo detainees released under Obama returned to the battlefield",
]


@pytest.fixture
def store(tmp_path: Path):
    items = [
        {
            "@type": "ClaimReview",
            "url": f"https://c.org/{n}",
            "claimReviewed": claim,
            "reviewRating": {"alternateName": "False"},
        }
        for n, claim in enumerate(CLAIMS)
    ]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    s = open_store(None)
    import_files(s, [path])
    yield s
    s.close()


class Prefers:
    """A stand-in re-ranker sure of the texts that hold one word, and of nothing else."""

    name = "prefers"

    def __init__(self, word: str) -> None:
        self.word = word
        self.asked: list[tuple[str, list[str]]] = []

    def score(self, query: str, texts: Sequence[str]) -> np.ndarray:
        self.asked.append((query, list(texts)))
        return np.array([8.0 if self.word in t else -8.0 for t in texts], dtype=np.float32)


def test_the_reranker_puts_what_it_is_sure_of_first_and_keeps_the_similarity(
    store, monkeypatch
) -> None:
    # The letter-count encoder's cosines are far apart: let the re-ranker weigh more than its
    # shipped weight, so that its order shows.
    monkeypatch.setattr(factchecks, "RERANK_WEIGHT", 1.0)
    encoder = FakeEncoder()
    query = "the bridge closing in the city"
    fused = match(store, query, 3, encoder, reranker=None)
    assert fused[0].url == "https://c.org/0"
    reranker = Prefers("Guantanamo")
    reranked = match(store, query, 3, encoder, reranker=reranker)
    assert reranked[0].url == "https://c.org/2"
    assert reranker.asked[0][0] == query
    # The score shown stays "how alike" the two texts are, whatever the order.
    assert {m.url: m.score for m in reranked} == {m.url: m.score for m in fused}


def test_without_the_encoder_nothing_is_reranked(store) -> None:
    reranker = Prefers("Guantanamo")
    [found] = match_many(store, ["the bridge closing in the city"], 3, None, reranker=reranker)
    assert found[0].url == "https://c.org/0" and reranker.asked == []


def test_matching_works_without_the_reranker_folder(store, tmp_path, monkeypatch) -> None:
    import workbench.claims.reranking as reranking

    monkeypatch.setattr(reranking, "default_model_dir", lambda: tmp_path / "missing")
    monkeypatch.setattr(factchecks, "_SHIPPED", [])
    assert shipped_reranker() is None
    encoder = FakeEncoder()
    query = "the mayor doubles the bridge tolls"
    found = match(store, query, 3, encoder)
    assert found == match(store, query, 3, encoder, reranker=None)
    assert found[0].url == "https://c.org/1"


def test_only_candidates_close_enough_to_change_places_are_read(store) -> None:
    found = match(store, "the bridge closing in the city", 3, FakeEncoder(), reranker=None)
    first, second, third = (m.id for m in found)
    texts = {m.id: m.claim for m in found}
    # The first is further ahead than the re-ranker's weight could ever make up.
    fused = {first: 0.9, second: 0.5, third: 0.45}
    ranking = factchecks._Ranking("bridges closing", [first, second, third], fused, {})
    reranker = Prefers(texts[third].split()[0])
    order = factchecks.rerank(store, reranker, ranking)
    assert order == [first, third, second]
    [(_, asked)] = reranker.asked
    assert sorted(asked) == sorted([texts[second], texts[third]])


def test_nothing_is_read_when_no_candidate_could_change_places(store) -> None:
    found = match(store, "the bridge closing in the city", 3, FakeEncoder(), reranker=None)
    ids = [m.id for m in found]
    fused = dict(zip(ids, (0.9, 0.6, 0.3), strict=True))
    reranker = Prefers("Guantanamo")
    ranking = factchecks._Ranking("bridges closing", ids, fused, {})
    assert factchecks.rerank(store, reranker, ranking) == ids
    assert reranker.asked == []
