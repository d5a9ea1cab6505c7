"""Opening the database file: pragmas, the single-writer lock, damage detection."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from contextlib import suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .cipher import CipherKey, is_encrypted, key_of, keyed_connect
from .errors import (
    DatabaseDamagedError,
    DatabaseInUseError,
    DiskFullError,
    NotWritableError,
    PassphraseNeededError,
    StoreError,
    WrongPassphraseError,
    disk_full_message,
    is_disk_full,
    passphrase_needed_message,
    wrong_passphrase_message,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def lock_path_for(path: Path) -> Path:
    """The lock file that sits next to a database file."""
    return path.with_name(path.name + ".lock")


def conversion_path(path: Path) -> Path:
    """Where encrypting, decrypting or re-keying writes its new copy of a database file."""
    return path.with_name(path.name + ".converting")


def remove_conversion_leftover(path: Path) -> None:
    """Delete the half-written copy of a conversion that was killed (hold the writer lock).

    A decryption stopped by a power cut leaves part of the file in plaintext beside it.
    """
    with suppress(OSError):  # removed at the next opening instead
        conversion_path(path).unlink(missing_ok=True)


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
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise StoreError(
                f"Could not open “{self.path.name.removesuffix('.lock')}” for writing: {exc.strerror or exc}."
            ) from exc
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


def _wal_has_frames(path: Path) -> bool:
    """True when a write-ahead log with content lies beside the file.

    A writer killed during a checkpoint can leave the header counting pages the file does not
    have yet; the log still holds them and SQLite finishes the job when the file is next opened,
    so such a file is not cut short.
    """
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def check_header(path: Path, key: CipherKey | None = None) -> None:
    """Refuse a file that is not an SQLite database, or is cut short, before SQLite touches it.

    An encrypted file raises :class:`PassphraseNeededError` unless ``key`` is given (its header
    is encrypted too: SQLCipher itself finds a cut or damaged page).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"Could not open “{path.name}”: {exc.strerror or exc}.") from exc
    refuse_special_file(path, info.st_mode)
    size = info.st_size
    if size == 0:
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEADER_SIZE)
    except OSError as exc:
        raise StoreError(f"Could not read “{path.name}”: {exc.strerror or exc}.") from exc
    if head[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        if is_encrypted(path):
            if key is not None:
                return
            raise PassphraseNeededError(passphrase_needed_message(path.name), path)
        raise DatabaseDamagedError(
            f"“{path.name}” is not a Factcheck Workbench database (or it is badly damaged). "
            "The file was left untouched."
        )
    if len(head) < HEADER_SIZE or (size < _expected_size(head) and not _wal_has_frames(path)):
        raise DatabaseDamagedError(
            f"“{path.name}” is incomplete: the file is shorter than the database it holds "
            "(was it only partly copied?). The file was left untouched."
        )


def refuse_special_file(path: Path, mode: int | None = None) -> None:
    """Refuse a folder, device or pipe given as the database, before anything is created beside it.

    SQLite would happily "open" ``/dev/null`` and then create ``/dev/null-journal`` and the
    writer lock ``/dev/null.lock`` next to it.
    """
    if mode is None:
        try:
            mode = path.stat().st_mode
        except OSError:
            return
    if stat.S_ISDIR(mode):
        raise StoreError(f"“{path}” is a folder; give the path of a database file.")
    if not stat.S_ISREG(mode):
        raise StoreError(
            f"“{path}” is not an ordinary file (it is a device or a pipe); "
            "give the path of a database file. Nothing was created."
        )


def _expected_size(head: bytes) -> int:
    """The size the header promises; 0 when the header's page count cannot be trusted."""
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(head[24:28], "big")
    pages = int.from_bytes(head[28:32], "big")
    valid_for = int.from_bytes(head[92:96], "big")
    # Older writers leave the page count stale; SQLite marks it valid with the change counter.
    return page_size * pages if valid_for == change_counter else 0


def not_writable_reason(path: Path) -> str | None:
    """Why this file (or a new file at this path) cannot be written, or None if it can."""
    if path.exists() and not _can_write(path):
        return "the file is read-only"
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not _can_write(folder):
        return "its folder is read-only"
    return None


def _can_write(path: Path) -> bool:
    # The permission bits count too: a file someone marked read-only stays read-only even for
    # an administrator, whose os.access() would say yes.
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def refuse_if_not_writable(path: Path) -> None:
    """Raise :class:`NotWritableError` when the workbench could not save to ``path``."""
    reason = not_writable_reason(path)
    if reason is not None:
        raise NotWritableError(
            f"“{path.name}” cannot be changed: {reason}. It can be opened read-only.", reason
        )


def connect(
    path: Path | None,
    *,
    read_only: bool,
    allow_immutable: bool = True,
    immutable: bool = False,
    key: CipherKey | None = None,
) -> sqlite3.Connection:
    """Open a connection with the workbench's pragmas; ``None`` means a private in-memory file.

    Nothing is written here: journal mode is switched by :func:`enable_wal` once the file is
    known to be ours. Reading needs nothing more; writes go through sqlite-utils, which the
    store wraps around this connection on its first write. A read-only file that cannot be read
    normally is read as "immutable" unless ``allow_immutable`` is False (pass False when another
    connection may be writing the file meanwhile). ``immutable`` reads the main file alone,
    leaving the "-wal" and "-shm" files beside it exactly as they are.

    ``key`` opens (or creates) an encrypted file; a key that does not unlock the file raises
    :class:`WrongPassphraseError` before anything is written.
    """
    if path is None:
        key = None
    elif key is not None:
        verify_key(path, key)
    try:
        if path is None:
            conn = sqlite3.connect(":memory:", check_same_thread=False)
        elif read_only and immutable:
            uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
            conn = _sqlite_connect(uri, key, path, uri=True)
        elif read_only:
            conn = _connect_read_only(path, allow_immutable=allow_immutable, key=key)
        else:
            conn = _sqlite_connect(str(path), key, path, timeout=BUSY_TIMEOUT_MS / 1000)
        if key is not None:
            _check_key(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # sqlite-utils turns this on when it wraps a connection (an upsert that replaces a row
        # must fire the search index's delete trigger); on from the start, so every statement
        # sees the same connection whether or not the wrapper exists yet.
        conn.execute("PRAGMA recursive_triggers = ON")
    except WrongPassphraseError:
        raise
    except sqlite3.DatabaseError as exc:
        name = path.name if path else "database"
        if key is not None and _is_not_a_database(exc):
            raise WrongPassphraseError(wrong_passphrase_message(name), path) from exc
        if is_disk_full(exc):
            raise DiskFullError(disk_full_message(name)) from exc
        raise DatabaseDamagedError(
            f"“{name}” is damaged: it could not be opened as a database. The file was left untouched.",
            path,
        ) from exc
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch a writable file to write-ahead logging with the workbench's sync level."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def wrap(conn: sqlite3.Connection, *, without_numpy: bool = False) -> Database:
    """The sqlite-utils ``Database`` over an open connection, for writes and schema changes.

    ``without_numpy`` imports sqlite-utils, if it is not imported yet, without its optional numpy
    support (the workbench never stores numpy values); numpy alone takes longer to import than
    the whole window. Pass it only when no other thread can be importing numpy at the moment
    (spaCy imports it on the claim finder's worker thread).
    """
    if without_numpy and "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
        sys.modules["numpy"] = None  # type: ignore[assignment]
        try:
            import sqlite_utils  # noqa: F401
        finally:
            del sys.modules["numpy"]
    from sqlite_utils import Database

    # Plugins are other packages' code that sqlite-utils would run on our connection, after
    # scanning every installed package for them: never.
    return Database(conn, execute_plugins=False)


def _sqlite_connect(
    target: str, key: CipherKey | None, path: Path, **kwargs: Any
) -> sqlite3.Connection:
    """A connection to a plain file (the standard module) or an encrypted one (SQLCipher)."""
    if key is None:
        return sqlite3.connect(target, check_same_thread=False, **kwargs)
    conn: sqlite3.Connection = keyed_connect(target, key, path, check_same_thread=False, **kwargs)
    return conn


def _is_not_a_database(exc: BaseException) -> bool:
    return "not a database" in str(exc) or (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == 26


def _check_key(conn: sqlite3.Connection, path: Path | None) -> None:
    """Read the first page: a wrong key fails here, before anything could be written."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if not _is_not_a_database(exc):
            raise
        conn.close()
        name = path.name if path else "database"
        raise WrongPassphraseError(wrong_passphrase_message(name), path) from exc


def verify_key(path: Path, key: CipherKey) -> None:
    """Try ``key`` on the main file alone, through a connection that can change nothing.

    An ordinary connection that fails to read would still, when closed, fold the log into the
    file and delete it: a mistyped passphrase must leave every file beside the database alone.
    """
    try:
        if path.stat().st_size == 0:
            return
    except OSError:
        return
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        probe = _sqlite_connect(uri, key, path, uri=True)
    except sqlite3.DatabaseError as exc:
        if _is_not_a_database(exc):
            raise WrongPassphraseError(wrong_passphrase_message(path.name), path) from exc
        raise
    try:
        _check_key(probe, path)
    finally:
        probe.close()


def _connect_read_only(
    path: Path, *, allow_immutable: bool, key: CipherKey | None = None
) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    conn = _sqlite_connect(uri + "?mode=ro", key, path, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if is_disk_full(exc):
            # No room for the shared-memory index: say so, not "read-only" or "damaged".
            raise DiskFullError(disk_full_message(path.name)) from exc
        if not allow_immutable:
            raise
        # A WAL file needs its shared-memory index next to it; in a read-only folder SQLite cannot
        # create one. With no pending WAL content the file can safely be read as immutable.
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(
                f"“{path.name}” has changes that were never folded into the file (“{wal.name}”), "
                "and its folder is read-only. Copy both files to a writable folder and open the copy."
            ) from None
    conn = _sqlite_connect(uri + "?mode=ro&immutable=1", key, path, uri=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def scratch_copy_target(conn: sqlite3.Connection, file: Path) -> sqlite3.Connection:
    """A new file to copy ``conn``'s database into with the backup API: encrypted with the same
    key when ``conn`` is, so that a private working copy never holds plaintext."""
    key = key_of(conn)
    if key is None:
        return sqlite3.connect(file)
    copy: sqlite3.Connection = keyed_connect(str(file), key, file)
    return copy
