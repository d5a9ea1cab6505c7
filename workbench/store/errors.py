"""Errors raised by the store; every message is meant for the journalist."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# SQLite's primary result codes that mean something to a person (sqlite3.h).
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26


class StoreError(Exception):
    """Something went wrong reading or writing the workbench database."""


class NotFoundError(StoreError):
    """An article, claim, reviewer, verdict or source does not exist."""


class InvalidInputError(StoreError):
    """A value was refused before anything was written."""


class DatabaseInUseError(StoreError):
    """Another workbench process is already writing to this database file."""


class DatabaseDamagedError(StoreError):
    """The file is not a workbench database, or it is damaged."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        #: The damaged file, when known, so a caller can offer its last good backup.
        self.path = path


class DiskFullError(StoreError):
    """The disk (or the user's quota) has no room left for the database to grow."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the workbench."""


class SchemaTooOldError(StoreError):
    """The database must be upgraded before this program can read it, and it is open read-only."""


class ReadOnlyError(StoreError):
    """The database was opened read-only."""


class NotWritableError(ReadOnlyError):
    """The file or its folder cannot be written; it can still be opened read-only."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class PassphraseNeededError(StoreError):
    """The file is encrypted and no passphrase was given; nothing was read or changed."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class WrongPassphraseError(StoreError):
    """The passphrase does not unlock the file (or it is not a workbench file); nothing changed."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def passphrase_needed_message(name: str) -> str:
    """What to say when an encrypted file is opened without its passphrase."""
    return (
        f"“{name}” is encrypted (or it is not a Factcheck Workbench database): its passphrase "
        "is needed to open it. The file was left untouched."
    )


def wrong_passphrase_message(name: str) -> str:
    """What to say when a passphrase does not unlock a file."""
    return (
        f"That passphrase does not unlock “{name}” (or the file is not a Factcheck Workbench "
        "database). Nothing was opened; the file was left untouched."
    )


class BackupError(StoreError):
    """A backup could not be written, read or restored."""


class DamagedSourceError(BackupError, DatabaseDamagedError):
    """A backup was refused because the file to copy is damaged."""


def _code(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_disk_full(exc: BaseException) -> bool:
    """True when SQLite (or the operating system) says there is no room left on the disk."""
    if isinstance(exc, sqlite3.Error):
        return _code(exc) == SQLITE_FULL or "database or disk is full" in str(exc)
    return isinstance(exc, OSError) and exc.errno == 28  # ENOSPC


def is_damage(exc: BaseException) -> bool:
    """True when SQLite found the file's content broken (not merely locked or read-only)."""
    if not isinstance(exc, sqlite3.DatabaseError) or is_disk_full(exc):
        return False
    text = str(exc)
    return (
        _code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)
        or "malformed" in text
        or "not a database" in text
        or "Could not decode to UTF-8" in text  # a text value whose bytes were overwritten
        # The plain class, not a subclass; an encrypted file's library has its own class.
        or (type(exc) is sqlite3.DatabaseError or type(exc).__qualname__ == "DatabaseError")
    )


def disk_full_message(name: str) -> str:
    """What to tell someone whose disk filled up while the workbench used ``name``."""
    return (
        f"The disk is full: “{name}” could not be opened or saved. "
        "Free some space (or choose another folder) and try again; nothing was changed."
    )


def damaged_message(name: str) -> str:
    """The one line for a file SQLite found damaged while reading it."""
    return (
        f"“{name}” is damaged: part of the file cannot be read. "
        "Run `workbench check` to see where; the file was left untouched."
    )


def from_sqlite(exc: BaseException, path: Path | None) -> StoreError | None:
    """The store's named error for an SQLite (or disk) error, or None when it has no better name.

    Used wherever a lower layer could otherwise show SQLite's own words ("database or disk is
    full", "database disk image is malformed") or a traceback.
    """
    name = path.name if path is not None else "database"
    if isinstance(exc, StoreError):
        return exc
    if is_disk_full(exc):
        return DiskFullError(disk_full_message(name))
    if is_damage(exc):
        return DatabaseDamagedError(damaged_message(name), path)
    if isinstance(exc, sqlite3.Error):
        return StoreError(f"Could not read “{name}” ({exc}).")
    return None
