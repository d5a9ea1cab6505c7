"""Benchmark: automatic backup, skip when unchanged, restore and check on a busy database file."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from workbench.model import Article, Block, BlockKind, Claim, Judgement
from workbench.services.backup import backup_on_open, restore_backup
from workbench.services.database import check_database
from workbench.store import open_store

ARTICLES = 20
CLAIMS_PER_ARTICLE = 100
ATTACHMENT_BYTES = 8_000


def _fill(path: Path) -> None:
    rng = random.Random(7)
    with open_store(path) as store:
        reviewer = store.add_reviewer("Ana")
        for a in range(ARTICLES):
            sentences = [
                f"In {1990 + i} the council of town {a} spent {i * 3 + 1} million on roads."
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
            for claim in claims:
                verdict = store.save_verdict(
                    claim.id, reviewer.id, Judgement("True", rationale="Budget book")
                )
                store.add_source(
                    verdict.id,
                    title="Budget",
                    attachment=rng.randbytes(ATTACHMENT_BYTES),
                    attachment_name="budget.pdf",
                )


def _timed(action) -> tuple[float, object]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def run() -> list[tuple[str, str]]:
    """Measure each safety operation once on a database of about 20 MB."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        _fill(db)
        size = db.stat().st_size
        with open_store(db) as store:
            first, made = _timed(lambda: backup_on_open(store))
            skip, none = _timed(lambda: backup_on_open(store))
        assert made is not None and none is None
        restore, _ = _timed(lambda: restore_backup(db, made))
        check, report = _timed(lambda: check_database(db))
        assert report.ok, report.problems
    return [
        (
            f"database: {ARTICLES * CLAIMS_PER_ARTICLE} claims, verdicts, attachments",
            f"{size / 1e6:.1f} MB",
        ),
        ("automatic backup on open (VACUUM INTO + integrity check)", f"{first:.2f} s"),
        ("automatic backup skipped, nothing changed", f"{skip * 1000:.0f} ms"),
        ("restore (check backup, keep current, replace)", f"{restore:.2f} s"),
        ("workbench check", f"{check:.2f} s"),
    ]
