"""Encrypting, decrypting and re-keying a workbench file.

Each conversion writes a new file beside the database, checks it (SQLite's integrity check and
the same number of rows in every table as the original), and only then puts it in place of the
database in one atomic step. On any failure the database is left exactly as it was.

Encrypting keeps the plaintext original beside the new file, and plaintext backups stay in the
backups folder: :func:`remove_plaintext` deletes them, and only when called (after the user has
agreed). A disk may keep the old blocks of a deleted file; :data:`DISK_WARNING` says so.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.store import open_store
from workbench.store.backup import list_backups
from workbench.store.cipher import (
    CipherKey,
    as_key,
    is_encrypted,
    keyed_connect,
    quote,
    sqlcipher,
)
from workbench.store.connection import WriterLock, conversion_path
from workbench.store.errors import StoreError

__all__ = [
    "DISK_WARNING",
    "ConversionCancelled",
    "ConversionResult",
    "decrypt_file",
    "encrypt_file",
    "rekey",
    "remove_plaintext",
]

#: Told what is being done: a short description, then steps done out of a total.
Progress = Callable[[str, int, int], None]
#: Asked now and then while the file is copied; True stops the conversion.
Cancelled = Callable[[], bool]


class ConversionCancelled(StoreError):
    """The conversion was stopped on request; the database was left as it was."""


DISK_WARNING = (
    "Deleting a file does not always wipe it: a disk (especially an SSD, or a folder kept by a "
    "sync or backup tool) may keep old copies of its blocks that special tools can read. For "
    "full protection, keep the whole disk encrypted as well."
)

_STEPS = 3


@dataclass
class ConversionResult:
    """What a conversion did, and what it left for the user to decide about."""

    path: Path
    #: True when the database is encrypted now.
    encrypted: bool
    #: Plaintext files left behind (the original and plaintext backups): offer to remove them.
    plaintext: list[Path] = field(default_factory=list)
    #: Encrypted backups that open only with the previous passphrase.
    old_key_backups: list[Path] = field(default_factory=list)
    warning: str = DISK_WARNING


def encrypt_file(
    path: str | Path,
    passphrase: str | CipherKey,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ConversionResult:
    """Encrypt a plain workbench file with ``passphrase`` (SQLCipher 4).

    The plaintext original is kept beside it as ``<name>.plaintext-<time>`` and listed, with
    the plaintext backups, in the result's ``plaintext``.
    """
    db = Path(path)
    _need_file(db)
    if is_encrypted(db):
        raise StoreError(f"“{db.name}” is already encrypted; nothing was changed.")
    key = _key(passphrase)
    open_store(db).close()  # a workbench file, brought up to date, its log folded in
    with _locked(db):
        source = sqlcipher().connect(str(db), check_same_thread=False)
        source.execute("PRAGMA temp_store = MEMORY")
        new = _export(source, db, key.pragma_value(None), progress, is_cancelled)
        _check(new, lambda: keyed_connect(str(new), key, new), source, progress)
        kept = db.with_name(f"{db.name}.plaintext-{_stamp()}")
        _swap(db, new, keep=kept, progress=progress)
    plaintext = [kept] + [b.path for b in list_backups(db) if not is_encrypted(b.path)]
    return ConversionResult(db, True, plaintext=_with_logs(plaintext))


def decrypt_file(
    path: str | Path,
    passphrase: str | CipherKey,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ConversionResult:
    """Turn an encrypted workbench file back into a plain one (its backups stay encrypted)."""
    db = Path(path)
    _need_file(db)
    if not is_encrypted(db):
        raise StoreError(f"“{db.name}” is not encrypted; nothing was changed.")
    key = _key(passphrase)
    open_store(db, passphrase=key).close()  # the passphrase is right, the file up to date
    with _locked(db):
        source = keyed_connect(str(db), key, db, check_same_thread=False)
        new = _export(source, db, "''", progress, is_cancelled)
        _check(new, lambda: sqlite3.connect(new), source, progress)
        _swap(db, new, progress=progress)
    return ConversionResult(db, False, old_key_backups=_encrypted_backups(db))


def rekey(
    path: str | Path,
    old: str | CipherKey,
    new: str | CipherKey,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> ConversionResult:
    """Change an encrypted file's passphrase from ``old`` to ``new``.

    Its existing backups keep the old passphrase (listed in ``old_key_backups``).
    """
    db = Path(path)
    _need_file(db)
    if not is_encrypted(db):
        raise StoreError(f"“{db.name}” is not encrypted; nothing was changed.")
    old_key, new_key = _key(old), _key(new)
    open_store(db, passphrase=old_key).close()
    with _locked(db):
        source = keyed_connect(str(db), old_key, db, check_same_thread=False)
        copy = _export(source, db, new_key.pragma_value(None), progress, is_cancelled)
        _check(copy, lambda: keyed_connect(str(copy), new_key, copy), source, progress)
        _swap(db, copy, progress=progress)
    return ConversionResult(db, True, old_key_backups=_encrypted_backups(db))


def remove_plaintext(paths: list[Path]) -> list[Path]:
    """Delete the plaintext files a conversion left behind; returns those removed.

    Call it only once the user has agreed, after showing :data:`DISK_WARNING`.
    """
    removed = []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreError(f"Could not remove “{path.name}”: {exc.strerror or exc}.") from exc
        removed.append(path)
    return removed


# -- steps ------------------------------------------------------------------------------------


def _key(passphrase: str | CipherKey) -> CipherKey:
    key = as_key(passphrase)
    if key is None:
        raise StoreError("The passphrase is empty; nothing was changed.")
    return key


def _need_file(db: Path) -> None:
    if not db.is_file():
        raise StoreError(f"“{db.name}” does not exist; nothing was changed.")


class _locked:
    """Hold the writer lock (no one else may write meanwhile); remove leftovers on failure."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.lock = WriterLock(db)

    def __enter__(self) -> None:
        self.lock.acquire()
        _new_path(self.db).unlink(missing_ok=True)

    def __exit__(self, kind: object, *_: object) -> None:
        try:
            if kind is not None:
                _new_path(self.db).unlink(missing_ok=True)
        finally:
            self.lock.release()


def _new_path(db: Path) -> Path:
    return conversion_path(db)


def _export(
    source: Any, db: Path, key_sql: str, progress: Progress | None, is_cancelled: Cancelled | None
) -> Path:
    """Copy every table, index, trigger and setting into a new file keyed with ``key_sql``."""
    new = _new_path(db)
    _tell(progress, "copying", 0)
    try:
        with closing(source.cursor()) as cur, _interrupt_when(source, is_cancelled):
            cur.execute(f"ATTACH DATABASE {quote(str(new))} AS converted KEY {key_sql}")
            try:
                # A half-written copy is deleted, never used: no journal and no syncing per
                # table (one sync of the whole file follows its check).
                cur.execute("PRAGMA converted.synchronous = OFF")
                cur.execute("PRAGMA converted.journal_mode = OFF")
                cur.execute("SELECT sqlcipher_export('converted')")
                version = cur.execute("PRAGMA main.user_version").fetchone()[0]
                cur.execute(f"PRAGMA converted.user_version = {int(version)}")
            finally:
                cur.execute("DETACH DATABASE converted")
    except sqlite3.Error as exc:
        source.close()
        if "interrupted" in str(exc):
            raise ConversionCancelled("Stopped; the database was left as it was.") from exc
        raise StoreError(f"Could not convert “{db.name}” ({exc}); nothing was changed.") from exc
    return new


@contextmanager
def _interrupt_when(conn: Any, is_cancelled: Cancelled | None) -> Iterator[None]:
    """Interrupt ``conn``'s statement once ``is_cancelled`` says so (asked every 50 ms).

    The copy is one statement that runs statements of its own, which SQLite's progress handler
    does not see; an interrupt from another thread stops them all.
    """
    if is_cancelled is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if is_cancelled():
                conn.interrupt()
                return

    watcher = threading.Thread(target=watch, name="conversion-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _check(new: Path, open_new: Callable[[], Any], source: Any, progress: Progress | None) -> None:
    """The new file passes SQLite's integrity check and holds as many rows as the original."""
    _tell(progress, "checking the new file", 1)
    try:
        with closing(source):
            expected = _row_counts(source)
        with closing(open_new()) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            found = _row_counts(conn)
    except sqlite3.Error as exc:
        raise StoreError(
            f"The converted copy could not be read ({exc}); nothing was changed."
        ) from exc
    if rows != ["ok"]:
        raise StoreError(f"The converted copy failed its check ({rows[0]}); nothing was changed.")
    if found != expected:
        raise StoreError("The converted copy does not hold every row; nothing was changed.")


def _row_counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')"
        )
    ]
    return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


def _swap(db: Path, new: Path, *, keep: Path | None = None, progress: Progress | None) -> None:
    """Put ``new`` in place of ``db`` in one step (keeping the original as ``keep``)."""
    _tell(progress, "replacing the file", 2)
    try:
        _fsync(new)
        if keep is not None:
            try:
                os.link(db, keep)  # the same bytes under a second name, without copying
            except OSError:
                import shutil

                shutil.copy2(db, keep)
        os.replace(new, db)
        _fsync(db.parent)
    except OSError as exc:
        if keep is not None and db.exists():
            keep.unlink(missing_ok=True)
        raise StoreError(f"Could not replace “{db.name}” ({exc}); nothing was changed.") from exc
    # The old file's log and index belong to the bytes just replaced.
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    _tell(progress, "done", _STEPS)


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():  # pragma: no cover - Windows cannot open folders
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tell(progress: Progress | None, what: str, done: int) -> None:
    if progress is not None:
        progress(what, done, _STEPS)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _encrypted_backups(db: Path) -> list[Path]:
    return [b.path for b in list_backups(db) if is_encrypted(b.path)]


def _with_logs(paths: list[Path]) -> list[Path]:
    """The files and any "-wal" kept beside them (a raw copy of a damaged file has one)."""
    found = []
    for path in paths:
        found.append(path)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            found.append(wal)
    return found
