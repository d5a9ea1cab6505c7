"""Benchmark: merging two files of 10,000 verdicts each (target: 10 s or less).

Two laptops start from one file of 100 articles with 100 claims each. Anna rates every claim
on one, Ben on the other, and Cara rates the same 500 claims differently on both (500
conflicts). Measured: merging the second file into the first, merging it again (nothing to do)
and merging the result back into the second.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.merge import merge_file
from workbench.store import Store, open_store

ARTICLES = 100
CLAIMS_PER_ARTICLE = 100
CONFLICTS = 500
TARGET_SECONDS = 10.0


def _base(path: Path) -> None:
    with open_store(path) as store, store.write():
        for a in range(ARTICLES):
            sentences = [
                f"In {1900 + i} the council of town {a} spent {i * 3 + 1} million on roads."
                for i in range(CLAIMS_PER_ARTICLE)
            ]
            text = " ".join(sentences)
            article = Article(
                text=text, title=f"Article {a}", blocks=[Block(BlockKind.BODY, 0, len(text))]
            )
            claims = []
            for sentence in sentences:
                start = text.index(sentence)
                claims.append(Claim(article.id, start, start + len(sentence), sentence))
            store.add_article(article, claims)


def _rate(store: Store, name: str, rating: str, every: int = 1) -> int:
    reviewer = store.ensure_reviewer(name)
    claims = [r["id"] for r in store.query("SELECT id FROM claims ORDER BY id")][::every]
    with store.write():
        for claim in claims:
            store.save_verdict(claim, reviewer.id, Judgement(rating, rationale="Budget book"))
    return len(claims)


def _laptop(folder: Path, name: str, base: Path, rater: str, rating: str, cara: str) -> Path:
    path = folder / f"{name}.sqlite3"
    with open_store(path) as store:
        merge_file(store, base, backup=False)
        _rate(store, rater, rating)
        _rate(store, "Cara", cara, every=ARTICLES * CLAIMS_PER_ARTICLE // CONFLICTS)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _timed(store: Store, other: Path) -> tuple[float, object]:
    began = time.perf_counter()
    result = merge_file(store, other)
    return time.perf_counter() - began, result


def run() -> list[tuple[str, str]]:
    """Build the two files, then time the merges."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        base = folder / "base.sqlite3"
        _base(base)
        a = _laptop(folder, "anna", base, "Anna", "True", "Half true")
        b = _laptop(folder, "ben", base, "Ben", "False", "Mostly false")
        rows: list[tuple[str, str]] = []
        with open_store(a) as store:
            verdicts = store.query("SELECT count(*) AS n FROM verdicts")[0]["n"]
            rows.append(("verdicts in each file", f"{verdicts:,}"))
            seconds, result = _timed(store, b)
            ok = "ok" if seconds <= TARGET_SECONDS else "TOO SLOW"
            rows.append(
                (
                    "merge B into A (with backup)",
                    f"{seconds:.2f} s (target {TARGET_SECONDS:.0f} s: {ok})",
                )
            )
            rows.append(("conflicts listed", str(len(result.conflicts))))  # type: ignore[attr-defined]
            merged = store.query("SELECT count(*) AS n FROM verdicts")[0]["n"]
            rows.append(("verdicts after merging", f"{merged:,}"))
            seconds, result = _timed(store, b)
            changed = "changed" if result.changed else "nothing changed"  # type: ignore[attr-defined]
            rows.append(("merge B into A again", f"{seconds:.2f} s ({changed})"))
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with open_store(b) as store:
            seconds, _ = _timed(store, a)
            rows.append(("merge the result back into B", f"{seconds:.2f} s"))
        return rows


if __name__ == "__main__":
    for measure, value in run():
        print(f"  {measure:<40} {value}")
