"""A lost write-ahead log cannot take the edits saved since the file was opened."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from workbench.cli import main
from workbench.services.database import check_database
from workbench.store import open_store


def test_saved_edits_survive_the_log_being_deleted_while_open(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite3"
    store = open_store(path)
    try:
        for n in range(14):
            store.add_reviewer(f"Reviewer {n}")
        # What a sync tool that deletes the "-wal" file, then a crash, leaves: the main file alone.
        survivor = tmp_path / "after-crash" / "review.sqlite3"
        survivor.parent.mkdir()
        shutil.copyfile(path, survivor)
    finally:
        store.close()
    with open_store(survivor, read_only=True) as reopened:
        assert len(reopened.list_reviewers()) == 14


def test_check_notices_a_log_deleted_while_it_held_changes(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite3"
    with open_store(path) as store:
        store.add_reviewer("Ana")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    # Another program's writer that never folds its log, caught mid-work: file, -wal and -shm.
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE reviewers SET name = 'Bo'")
        conn.commit()
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{path}{suffix}", crashed / f"{path.name}{suffix}")
    finally:
        conn.close()
    copy = crashed / path.name
    (crashed / f"{path.name}-wal").unlink()  # the sync tool
    report = check_database(copy)
    assert not report.ok
    assert "is missing" in report.problems[0] and "-wal" in report.problems[0]
    result = CliRunner().invoke(main, ["--db", str(copy), "check"])
    assert result.exit_code == 1 and "edits are lost" in result.output


def test_check_stays_quiet_when_the_log_was_folded(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite3"
    with open_store(path) as store:
        store.add_reviewer("Ana")
        shm = path.with_name(path.name + "-shm").read_bytes()
    path.with_name(path.name + "-shm").write_bytes(shm)  # a clean close removed it; put it back
    assert not path.with_name(path.name + "-wal").exists()
    assert check_database(path).ok
