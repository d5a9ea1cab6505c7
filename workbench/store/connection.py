"""Opening the database file: pragmas, the single-writer lock, damage detection."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import IO

from sqlite_utils import Database

from .errors import DatabaseDamagedError, DatabaseInUseError, StoreError

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


def lock_path_for(path: Path) -> Path:
    """The lock file that sits next to a database file."""
    return path.with_name(path.name + ".lock")


class WriterLock:
    """An exclusive, advisory lock held for as long as a process may write to the file.

    The operating system releases it when the process ends, even after a crash, so a stale lock
    file never blocks anyone.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`DatabaseInUseError`."""
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            _lock_file(handle)
        except OSError as exc:
            handle.seek(0)
            owner = handle.read().strip() or "another program"
            handle.close()
            raise DatabaseInUseError(
                f"“{self.path.name.removesuffix('.lock')}” is already open elsewhere "
                f"({owner}). Close it there first, or open it read-only."
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"Factcheck Workbench, process {os.getpid()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock back."""
        if self._handle is not None:
            _unlock_file(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def check_header(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before SQLite touches it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"Could not open “{path.name}”: {exc.strerror or exc}.") from exc
    if size == 0:
        return
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise DatabaseDamagedError(
            f"“{path.name}” is not a Factcheck Workbench database (or it is badly damaged). "
            "The file was left untouched."
        )


def connect(path: Path | None, *, read_only: bool) -> Database:
    """Open a connection with the workbench's pragmas; ``None`` means a private in-memory file."""
    try:
        if path is None:
            conn = sqlite3.connect(":memory:", check_same_thread=False)
        elif read_only:
            uri = path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        db = Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path is not None and not read_only:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        name = path.name if path else "database"
        raise DatabaseDamagedError(
            f"“{name}” could not be opened as a database ({exc}). The file was left untouched."
        ) from exc
    return db
