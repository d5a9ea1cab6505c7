"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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
