"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

# Qt must never try to reach a display in tests; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEED_ARTICLE = REPO / "seeds" / "kerry-putin-syria-talks.txt"


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the user's real database and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_DB", str(home / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def seed_article_path() -> Path:
    """The sample article shipped in ``seeds/``."""
    return SEED_ARTICLE


@pytest.fixture
def memory_store() -> Iterator:
    """A fresh in-memory store."""
    from workbench.store import open_store

    store = open_store(None)
    yield store
    store.close()


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator:
    """A fresh store in a real file."""
    from workbench.store import open_store

    store = open_store(tmp_path / "review.sqlite3")
    yield store
    store.close()


@pytest.fixture
def claim_at() -> Callable:
    """Make a Claim on the first place ``quote`` appears in the article ``text``."""
    from workbench.model import Claim

    def make(article_id: str, text: str, quote: str, **fields: object) -> Claim:
        start = text.index(quote)
        return Claim(
            article_id=article_id, start=start, end=start + len(quote), quote=quote, **fields
        )

    return make


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., Result]:
    """Run the CLI on a fresh database file (``run.db``); a failure fails the test unless ok=False."""
    from workbench.cli import main

    db = str(tmp_path / "t.sqlite3")
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True) -> Result:
        result = runner.invoke(main, ["--db", db, *args], catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    invoke.db = db  # type: ignore[attr-defined]
    return invoke
