"""A healthy review database, and copies of it with one page overwritten (for damage tests)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tests.conftest import SEED_ARTICLE
from workbench.model import Article, Claim
from workbench.store import open_store

#: SQLite's page size in the files the workbench writes.
PAGE = 4096


def build_healthy(path: Path) -> Path:
    """Twenty articles of the seed text, one claim each and a reviewer: a file of many pages."""
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    with open_store(path) as store:
        store.add_reviewer("Ana")
        for n in range(20):
            article = Article(title=f"Article {n}", text=text * 2)
            start = article.text.index("Putin")
            claim = Claim(article_id=article.id, start=start, end=start + 5, quote="Putin")
            store.add_article(article, [claim])
        # Every page in use: an overwritten free page would be no damage at all.
        store.db.execute("VACUUM")
    return path


def root_page(healthy: Path, table: str) -> int:
    """The page (numbered from 0) that holds the root of ``table`` in ``healthy``."""
    conn = sqlite3.connect(healthy)
    try:
        found = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table])
        return int(found.fetchone()[0]) - 1
    finally:
        conn.close()


def wreck(healthy: Path, folder: Path, share: float, *, page: int | None = None) -> Path:
    """A copy of ``healthy`` in ``folder`` with the page at ``share`` of the file (or the page
    numbered ``page`` from 0) overwritten (never the header page)."""
    path = folder / "review.sqlite3"
    data = bytearray(healthy.read_bytes())
    pages = len(data) // PAGE
    if page is None:
        page = int(pages * share)
    page = max(1, min(pages - 1, page))
    data[page * PAGE : (page + 1) * PAGE] = os.urandom(PAGE)
    path.write_bytes(bytes(data))
    return path
