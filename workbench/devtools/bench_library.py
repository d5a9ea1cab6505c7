"""Library bench: import 100,000 generated ClaimReview items, the file's growth, matching speed.

The import and the 300,000-item read each run in a child process, so that their peak memory
is their own (the resident set's high-water mark).
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ITEMS = 100_000
FEED_ITEMS = 300_000
_WORDS = [
    "president",
    "minister",
    "vaccine",
    "border",
    "tax",
    "million",
    "percent",
    "climate",
    "election",
    "police",
    "school",
    "hospital",
    "water",
    "price",
    "war",
    "deaths",
    "jobs",
    "crime",
    "immigrants",
    "unemployment",
    "billion",
    "study",
    "video",
    "photo",
    "shows",
    "says",
    "claims",
    "banned",
    "law",
    "city",
    "country",
    "children",
    "doctors",
    "virus",
    "masks",
    "fraud",
    "votes",
]


#: Generated claims draw the common words above, then made-up rarer ones, by Zipf's law
#: (frequency ~ 1/rank) as words are in real claims, so the word index's lists have
#: realistic lengths.
def _vocabulary(rng: random.Random, size: int = 30_000) -> tuple[list[str], list[float]]:
    """The words of generated claims and their cumulative weights."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    made_up = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)
    }
    words = _WORDS + sorted(made_up)
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 60)  # content words: the top ranks are stop words, left out
        cumulative.append(total)
    return words, cumulative


def write_feed(path: Path, items: int, seed: int = 7) -> None:
    """A DataFeed of ``items`` ClaimReview items of realistic length, written as a stream; each
    has a headline, as published fact-checks do (it is stored and indexed with the claim).
    """
    rng = random.Random(seed)
    vocabulary, cumulative = _vocabulary(rng)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [')
        for n in range(items):
            claim = " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(10, 24)))
            headline = " ".join(
                rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(6, 14))
            )
            review = {
                "@type": "ClaimReview",
                "url": f"https://factcheck.example.org/{n}/{claim.split()[0]}-{claim.split()[1]}",
                "headline": headline.title() + "?",
                "claimReviewed": claim.capitalize() + ".",
                "datePublished": f"20{10 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "author": {"@type": "Organization", "name": f"Checker {n % 40}"},
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": rng.choice(["False", "True", "Misleading"]),
                    "ratingValue": rng.randint(1, 5),
                    "bestRating": 5,
                    "worstRating": 1,
                },
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Person", "name": f"Speaker {n % 500}"},
                },
            }
            element = {"@type": "DataFeedItem", "item": [review]}
            out.write(("," if n else "") + json.dumps(element))
        out.write("]}")


def _child(mode: str, feed: str, db: str) -> None:
    """In the child process: import (or only read) the feed; print seconds and peak memory."""
    started = time.perf_counter()
    if mode == "import":
        from workbench.services.factchecks import import_files
        from workbench.store import open_store

        with open_store(db) as store:
            result = import_files(store, [feed])
            count = result.total("added")
    else:
        from workbench.ingest.factchecks import read_factchecks

        count = sum(1 for _ in read_factchecks(feed))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": time.perf_counter() - started, "peak": peak, "count": count}))


def _in_child(mode: str, feed: Path, db: Path) -> dict[str, float]:
    code = f"from workbench.devtools.bench_library import _child; _child({mode!r}, {str(feed)!r}, {str(db)!r})"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _warm_ms(call: Callable[[], object], runs: int = 20) -> float:
    """The median time of ``call`` in milliseconds, after one run that warms it."""
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _baseline_peak() -> int:
    code = "import resource, workbench.store, workbench.services.factchecks; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def run() -> list[tuple[str, str]]:
    """The figures for ``make bench``."""
    import numpy as np

    from workbench.claims.matching import load_encoder
    from workbench.services.factchecks import (
        RERANK_DEPTH,
        match,
        shipped_reranker,
        vector_model,
    )
    from workbench.store import open_store

    encoder = load_encoder()

    rows: list[tuple[str, str]] = []
    mb = 1024 * 1024
    with tempfile.TemporaryDirectory() as folder:
        feed, db, empty = (
            Path(folder) / "feed.json",
            Path(folder) / "l.sqlite3",
            Path(folder) / "e.sqlite3",
        )
        open_store(empty).close()
        write_feed(feed, ITEMS)
        base = _baseline_peak()
        done = _in_child("import", feed, db)
        rows.append(
            (
                f"import {ITEMS:,} ClaimReview items (DataFeed, {feed.stat().st_size / mb:.0f} MB)",
                f"{done['seconds']:.1f} s, {done['count'] / done['seconds']:,.0f} items/s",
            )
        )
        rows.append(
            (
                "  peak memory of the import (above the program's own)",
                f"{(done['peak'] - base) / mb:.0f} MB",
            )
        )
        with open_store(db) as store:
            size_text = db.stat().st_size - empty.stat().st_size
            ids = [r[0] for r in store.conn.execute("SELECT id FROM factchecks")]
            rng = np.random.default_rng(1)
            for start in range(0, len(ids), 5000):
                chunk = ids[start : start + 5000]
                vectors = rng.standard_normal((len(chunk), 384)).astype("<f2")
                # Random unit-free vectors under the shipped encoder's name: the fused match
                # below then times what it does on a library whose vectors are all made.
                store.set_factcheck_vectors(
                    [(f, vectors[n].tobytes()) for n, f in enumerate(chunk)],
                    vector_model(encoder),
                )
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size_all = db.stat().st_size - empty.stat().st_size
            rows.append(
                (
                    "  library bytes per item in the file (text and indexes)",
                    f"{size_text / ITEMS:,.0f}",
                )
            )
            rows.append(
                (
                    "  library bytes per item with a 384-dim float16 vector",
                    f"{size_all / ITEMS:,.0f}",
                )
            )
            claim = store.conn.execute(
                "SELECT claim FROM factchecks LIMIT 1 OFFSET 777"
            ).fetchone()[0]
            words_only = _warm_ms(lambda: match(store, claim))
            rows.append(
                (
                    f"match one claim, words only, {ITEMS:,} in the library (warm)",
                    f"{words_only:.1f} ms",
                )
            )
            fused = _warm_ms(lambda: match(store, claim, encoder=encoder, reranker=None))
            rows.append(
                (
                    f"match one claim, words and meaning, {ITEMS:,} in the library (warm)",
                    f"{fused:.1f} ms (target <= 30 ms)",
                )
            )
            reranker = shipped_reranker()
            if reranker is not None:
                reranked = _warm_ms(lambda: match(store, claim, encoder=encoder, reranker=reranker))
                rows.append(
                    (
                        f"  the same, the best {RERANK_DEPTH} re-ranked (warm)",
                        f"{reranked:.1f} ms (target <= 30 ms)",
                    )
                )
            texts = [r[0] for r in store.conn.execute("SELECT claim FROM factchecks LIMIT 2000")]
            started = time.perf_counter()
            encoder.encode(texts)
            rate = len(texts) / (time.perf_counter() - started)
            rows.append(
                (
                    "encode fact-checks for their vectors",
                    f"{rate:,.0f} items/s: {ITEMS:,} in {ITEMS / rate / 60:.1f} min",
                )
            )
        feed.unlink()
        write_feed(feed, FEED_ITEMS)
        read = _in_child("read", feed, db)
        rows.append(
            (
                f"read a {FEED_ITEMS:,}-item feed ({feed.stat().st_size / mb:.0f} MB), no storing",
                f"{read['seconds']:.1f} s, peak memory {(read['peak'] - base) / mb:.0f} MB above the program's own",
            )
        )
    return rows
