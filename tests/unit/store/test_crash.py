"""A writer killed with SIGKILL at random moments never damages the file or loses a commit."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from workbench.devtools import stress
from workbench.store import open_store

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL and fork"
)

KILLS = 50


def test_fifty_kills_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    result = stress.run(db, KILLS, seed=20261128)

    assert result.problems == []
    assert result.kills == KILLS
    # The writers got far enough to commit plenty, so the kills did land mid-work.
    assert len(result.printed.get("verdict", ())) > KILLS
    assert len(result.printed.get("source", ())) > KILLS
    with open_store(db) as store:
        assert store.db["verdicts"].count >= len(result.printed["verdict"])


def test_verify_notices_a_missing_commit(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    open_store(db).close()
    assert stress.verify(db, {"verdict": {"never-written"}}, {}) == [
        "verdict never-written was committed but is missing"
    ]
