"""Benchmark: ``workbench check`` and search on a large database (``BENCH_CHECK_MB``, default 300)."""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from workbench.model import Article, Block, BlockKind, Claim
from workbench.services.database import check_database
from workbench.store import open_store

#: Characters of text per article (a long feature), and claims marked in each.
ARTICLE_CHARS = 200_000
CLAIMS_PER_ARTICLE = 400
WORDS = [
    "minister",
    "council",
    "budget",
    "figures",
    "percent",
    "million",
    "unemployment",
    "report",
    "government",
    "said",
    "rose",
    "fell",
    "since",
    "year",
    "town",
    "roads",
    "schools",
    "hospital",
    "inflation",
    "survey",
    "office",
    "statistics",
]


def _article(rng: random.Random, n: int) -> tuple[Article, list[Claim]]:
    sentences: list[str] = []
    size = 0
    while size < ARTICLE_CHARS:
        words = rng.choices(WORDS, k=rng.randint(8, 24))
        sentence = (
            f"In {rng.randint(1990, 2025)} the " + " ".join(words) + f" {rng.randint(1, 999)}."
        )
        sentences.append(sentence)
        size += len(sentence) + 1
    text = " ".join(sentences)
    article = Article(text=text, title=f"Report {n}", blocks=[Block(BlockKind.BODY, 0, len(text))])
    claims = []
    offset = 0
    step = max(1, len(sentences) // CLAIMS_PER_ARTICLE)
    for i, sentence in enumerate(sentences):
        if i % step == 0 and len(claims) < CLAIMS_PER_ARTICLE:
            claims.append(Claim(article.id, offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1
    return article, claims


def build(path: Path, megabytes: int) -> tuple[int, int, float]:
    """Fill ``path`` until it holds about ``megabytes`` MB; returns articles, claims, seconds."""
    rng = random.Random(16)
    started = time.perf_counter()
    articles = claims = 0
    with open_store(path) as store:
        while path.stat().st_size < megabytes * 1_000_000:
            article, found = _article(rng, articles)
            store.add_article(article, found)
            articles += 1
            claims += len(found)
    return articles, claims, time.perf_counter() - started


def run() -> list[tuple[str, str]]:
    """Build the database once, then time check and one search on it."""
    megabytes = int(os.environ.get("BENCH_CHECK_MB", "300"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite3"
        articles, claims, built = build(path, megabytes)
        size = path.stat().st_size / 1_000_000
        started = time.perf_counter()
        report = check_database(path)
        checked = time.perf_counter() - started
        with open_store(path, read_only=True) as store:
            started = time.perf_counter()
            hits = store.search("minister said")
            searched = time.perf_counter() - started
    return [
        ("database built", f"{size:.0f} MB, {articles} articles, {claims} claims, {built:.0f} s"),
        ("workbench check", f"{checked:.1f} s ({'ok' if report.ok else report.problems[0]})"),
        ('search "minister said"', f"{searched:.2f} s ({len(hits)} hits)"),
    ]
