"""Damaged, foreign and newer files: a clear message, the file byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.services.backup import backup_now, latest_good_backup
from workbench.services.database import open_database
from workbench.store import (
    DatabaseDamagedError,
    PassphraseNeededError,
    SchemaTooNewError,
    StoreError,
    open_store,
)


def _good(path: Path) -> Path:
    with open_store(path) as store:
        store.add_reviewer("Ana")
        backup_now(store)
        for n in range(200):  # enough pages that a cut lands inside the data
            store.add_reviewer(f"Reviewer number {n} " + "x" * 200)
    return path


def _truncated(path: Path) -> None:
    data = _good(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 a word document, renamed" + b"\x00" * 4000)


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    with open_store(path) as store:
        store.add_reviewer("Ana")
        store.db["_sqlite_migrations"].insert(
            {"migration_set": "workbench", "name": "0999_from_the_future", "applied_at": "x"}
        )


def _middle_page_wrecked(path: Path) -> None:
    data = bytearray(_good(path).read_bytes())
    page = 4096
    data[page * 2 : page * 3] = os.urandom(page)
    path.write_bytes(bytes(data))


CASES = {
    "truncated": (_truncated, DatabaseDamagedError, "incomplete"),
    # Random bytes cannot be told from an encrypted file (that is what encryption is for).
    "random bytes": (_random_bytes, PassphraseNeededError, "encrypted"),
    "not sqlite": (_not_sqlite, DatabaseDamagedError, "not a Factcheck Workbench database"),
    "foreign sqlite": (_foreign_sqlite, DatabaseDamagedError, "SQLite file but not"),
    "newer schema": (_newer_schema, SchemaTooNewError, "newer version"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_file_gives_a_clear_message_and_stays_byte_identical(case: str, tmp_path: Path) -> None:
    make, error, message = CASES[case]
    path = tmp_path / "review.sqlite3"
    make(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for opener in (open_store, open_database, lambda p: open_store(p, read_only=True)):
        with pytest.raises(error, match=message) as caught:
            opener(path)
        assert "left untouched" in str(caught.value)
    result = CliRunner().invoke(main, ["--db", str(path), "articles"])
    assert result.exit_code == 1 and message in result.output
    check = CliRunner().invoke(main, ["--db", str(path), "check"])
    assert check.exit_code == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing waits to be written into it


def test_a_wrecked_page_is_found_by_check_and_a_good_backup_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite3"
    _middle_page_wrecked(path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["--db", str(path), "check"])
    assert result.exit_code == 1
    assert "workbench restore latest" in result.output
    assert path.read_bytes() == before
    good = latest_good_backup(path)
    assert good is not None and good.kind == "manual"
    restored = CliRunner().invoke(main, ["--db", str(path), "restore", "latest", "--yes"])
    assert restored.exit_code == 0, restored.output
    with open_store(path) as store:
        assert [r.name for r in store.list_reviewers()] == ["Ana"]


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with open_store(path) as store:
        assert store.list_articles() == []


def test_store_error_is_the_common_base(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    _random_bytes(path)
    with pytest.raises(StoreError):
        open_database(path)
