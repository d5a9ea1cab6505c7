"""A full disk is said as such, never as "damaged" or "read-only"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.store import open_store
from workbench.store.errors import SQLITE_FULL, DiskFullError, from_sqlite
from workbench.store.schema import check_schema


def _full() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = SQLITE_FULL  # type: ignore[attr-defined]
    exc.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    return exc


class _NoRoomForTheIndex:
    """A connection whose first read fails as SQLite does when it cannot create the "-shm" file."""

    def execute(self, *_args: object) -> None:
        raise _full()


def test_no_room_for_the_shared_memory_index_is_a_full_disk(tmp_path: Path) -> None:
    with pytest.raises(DiskFullError, match="The disk is full") as caught:
        check_schema(_NoRoomForTheIndex(), tmp_path / "review.sqlite3")  # type: ignore[arg-type]
    assert "damaged" not in str(caught.value) and "read-only" not in str(caught.value)


def test_a_full_disk_while_saving_is_said_plainly(tmp_path: Path) -> None:
    with open_store(tmp_path / "review.sqlite3") as store:
        store.conn.execute("PRAGMA max_page_count = 1")  # as good as a full disk
        with pytest.raises(DiskFullError, match="The disk is full"):
            store.add_reviewer("Ana " + "x" * 100_000)


def test_every_sqlite_error_gets_a_name() -> None:
    assert isinstance(from_sqlite(_full(), Path("a.sqlite3")), DiskFullError)
    damaged = from_sqlite(sqlite3.DatabaseError("database disk image is malformed"), None)
    assert damaged is not None and "is damaged" in str(damaged)
    assert "malformed" not in str(damaged)
