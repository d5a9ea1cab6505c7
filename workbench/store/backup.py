"""Backup files: writing a checked copy, finding, reading and restoring them.

Backups live in a ``backups`` folder next to the database, named
``<db stem>-<UTC yyyymmdd-hhmmss-mmm>[-n]-<kind>.sqlite3``; ``kind`` is ``auto`` (made when the
app opens the file; only these are pruned), ``manual``, ``before-restore``,
``before-upgrade`` or ``before-merge``. Each is written under a ``.partial`` name and renamed only after it passed
``PRAGMA integrity_check``, so a listed backup is always complete.

A backup of an encrypted file is encrypted with the same key (``VACUUM INTO`` on a keyed
connection writes an encrypted copy); reading or restoring it needs that key.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .cipher import CipherKey, as_key, is_encrypted, key_for_file, key_of, quote, sqlcipher
from .connection import WriterLock, check_header, connect
from .errors import BackupError, DamagedSourceError, StoreError, is_damage, is_disk_full
from .schema import check_schema

BACKUP_FOLDER = "backups"
KINDS = ("auto", "manual", "before-restore", "before-upgrade", "before-merge")
PARTIAL_SUFFIX = ".partial"
COUNTED = ("articles", "claims", "verdicts", "sources")

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{3})(?:-(?P<n>\d+))?-(?P<kind>"
    + "|".join(KINDS)
    + r")\.sqlite3$"
)


@dataclass(frozen=True)
class BackupFile:
    """One backup found in a database's backup folder."""

    path: Path
    created: datetime
    kind: str
    size: int
    counter: int = 0

    @property
    def label(self) -> str:
        """How the backup is shown to people: local time and kind."""
        local = self.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{local} ({self.kind.replace('-', ' ')})"


@dataclass
class BackupInfo:
    """What a checked backup holds."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    last_event: tuple[int, str] | None = None


def backups_dir(db_path: Path) -> Path:
    """The folder holding a database's backups."""
    return db_path.parent / BACKUP_FOLDER


def _stem(db_path: Path) -> str:
    return db_path.stem if db_path.suffix else db_path.name


def backup_name(db_path: Path, kind: str, when: datetime | None = None) -> str:
    """A new backup's file name (the caller makes it unique with :func:`unique_path`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    when = (when or datetime.now(UTC)).astimezone(UTC)
    stamp = when.strftime("%Y%m%d-%H%M%S-") + f"{when.microsecond // 1000:03d}"
    return f"{_stem(db_path)}-{stamp}-{kind}.sqlite3"


def unique_path(path: Path) -> Path:
    """``path``, or the same name with ``-2``, ``-3``… before the kind if it is taken."""
    match = _NAME.match(path.name)
    n = 2
    candidate = path
    while candidate.exists():
        if match is None:
            candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        else:
            candidate = path.with_name(
                f"{match['stem']}-{match['stamp']}-{n}-{match['kind']}.sqlite3"
            )
        n += 1
    return candidate


def new_backup_path(db_path: Path, kind: str) -> Path:
    """Where a new backup of this kind goes: the database's backup folder, under a free name."""
    return unique_path(backups_dir(db_path) / backup_name(db_path, kind))


def list_backups(db_path: Path) -> list[BackupFile]:
    """The database's backups, newest first (unfinished ones are never listed)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != _stem(db_path) or not entry.is_file():
            continue
        created = datetime.strptime(match["stamp"] + "000", "%Y%m%d-%H%M%S-%f")
        found.append(
            BackupFile(
                entry,
                created.replace(tzinfo=UTC),
                match["kind"],
                entry.stat().st_size,
                int(match["n"] or 0),
            )
        )
    return sorted(found, key=lambda b: (b.created, b.counter), reverse=True)


#: Unfinished copies this program is writing now: not a crash's leftovers (a backup made
#: before a merge may be under way while the automatic one cleans up).
_WRITING: set[Path] = set()
_WRITING_LOCK = threading.Lock()


def remove_partial_backups(db_path: Path) -> None:
    """Delete copies left unfinished by a crash (call while holding the writer lock)."""
    folder = backups_dir(db_path)
    if folder.is_dir():
        for entry in folder.glob(f"{_stem(db_path)}-*{PARTIAL_SUFFIX}"):
            with _WRITING_LOCK:
                if entry.resolve() not in _WRITING:
                    entry.unlink(missing_ok=True)


def write_backup(
    conn: sqlite3.Connection, dest: Path, is_cancelled: Callable[[], bool] | None = None
) -> Path:
    """Copy the open database to ``dest`` with ``VACUUM INTO``, check it, then rename into place.

    ``is_cancelled`` is asked now and then while SQLite copies and checks; when it says yes the
    copy stops at once and :class:`BackupError` is raised (nothing is left behind).
    """
    if dest.exists():
        raise BackupError(f"“{dest.name}” already exists; choose another name.")
    partial = dest.with_name(dest.name + PARTIAL_SUFFIX)
    dest.parent.mkdir(parents=True, exist_ok=True)
    writing = partial.resolve()
    with _WRITING_LOCK:
        _WRITING.add(writing)
    try:
        _write_checked(conn, dest, partial, is_cancelled)
    finally:
        with _WRITING_LOCK:
            _WRITING.discard(writing)
    return dest


def _write_checked(
    conn: sqlite3.Connection,
    dest: Path,
    partial: Path,
    is_cancelled: Callable[[], bool] | None,
) -> None:
    try:
        partial.unlink(missing_ok=True)
        _stop_when(conn, is_cancelled)
        try:
            # VACUUM INTO copies what it can read and rebuilds the rest, so a copy of a damaged
            # file can pass its own check: look at the file itself first.
            if not _source_sound(conn):
                raise sqlite3.DatabaseError("database disk image is malformed")
            conn.execute("VACUUM INTO ?", [str(partial)])
        finally:
            _stop_when(conn, None)
        problem = _integrity(partial, is_cancelled, key_of(conn))
        if problem:
            raise BackupError(f"The backup copy failed its check ({problem}); it was not kept.")
        # VACUUM INTO does not sync; a backup must survive a power cut like the file it copies.
        _fsync(partial)
        os.replace(partial, dest)
        _fsync(dest.parent)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise _backup_error(conn, dest, exc) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _backup_error(conn: sqlite3.Connection, dest: Path, exc: BaseException) -> StoreError:
    """Say why a copy failed: the file copied is damaged, the disk is full, or SQLite's words."""
    source = _source_path(conn)
    name = source.name if source else "database"
    # A broken page can make SQLite believe the copy needs more room than any disk has, and it
    # then says "database or disk is full": look at the file before blaming the disk.
    if is_damage(exc) or (is_disk_full(exc) and not _source_sound(conn)):
        return DamagedSourceError(
            f"“{name}” is damaged: part of the file cannot be read, so it cannot be backed up. "
            "Run `workbench check` to see where; the file was left untouched.",
            source,
        )
    if is_disk_full(exc):
        return BackupError(
            f"The disk is full: the backup “{dest.name}” could not be written. "
            "Free some space or choose another folder; nothing was changed."
        )
    return BackupError(f"Could not write the backup “{dest.name}”: {exc}.")


def _source_path(conn: sqlite3.Connection) -> Path | None:
    try:
        file = conn.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        return None
    return Path(file) if file else None


def _source_sound(conn: sqlite3.Connection) -> bool:
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise  # cancelled: not a verdict on the file
        return False
    except sqlite3.Error:
        return False


def copy_database(
    db_path: Path,
    dest: Path,
    is_cancelled: Callable[[], bool] | None = None,
    key: CipherKey | str | None = None,
) -> Path:
    """Write a checked backup of the file at ``db_path`` through a connection of its own.

    Any thread may call it while the program has the file open for writing: the copy reads one
    consistent state of the file (write-ahead logging lets a reader and the writer work at once).
    An encrypted file needs its ``key``; the copy is encrypted with it.
    """
    key = key_for_file(db_path, key)
    check_header(db_path, key)
    try:
        # Never "immutable": the file may be changing while it is copied.
        conn = connect(db_path, read_only=True, allow_immutable=False, key=key)
    except StoreError as exc:
        raise BackupError(f"Could not read “{db_path.name}” to back it up: {exc}") from exc
    try:
        return write_backup(conn, dest, is_cancelled)
    finally:
        conn.close()


def _stop_when(conn: sqlite3.Connection, is_cancelled: Callable[[], bool] | None) -> None:
    # SQLite calls the handler every few thousand steps; a true result interrupts the statement.
    conn.set_progress_handler(is_cancelled, 10_000 if is_cancelled else 0)


def _integrity(
    path: Path, is_cancelled: Callable[[], bool] | None = None, key: CipherKey | None = None
) -> str | None:
    if key is None:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    else:
        conn = connect(path, read_only=True, immutable=True, key=key)
    try:
        _stop_when(conn, is_cancelled)
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    return None if rows == ["ok"] else "; ".join(rows[:5])


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():  # pragma: no cover - Windows cannot open folders
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def inspect_backup(
    path: Path, *, full_check: bool = True, key: CipherKey | str | None = None
) -> BackupInfo:
    """Check that ``path`` is a sound workbench database and say what it holds.

    An encrypted backup needs ``key`` (:class:`PassphraseNeededError` or
    :class:`WrongPassphraseError` otherwise); a plain one is read without it.
    """
    if not path.is_file():
        raise BackupError(f"There is no backup “{path.name}”.")
    key = key_for_file(path, key)
    check_header(path, key)
    conn = connect(path, read_only=True, key=key)
    try:
        check_schema(conn, path)
        if full_check:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                raise BackupError(f"“{path.name}” is damaged ({'; '.join(rows[:3])}).")
            if list(conn.execute("PRAGMA foreign_key_check")):
                raise BackupError(f"“{path.name}” has links to missing rows; it is damaged.")
        counts = {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in COUNTED}
        last = conn.execute("SELECT id, at FROM events ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"“{path.name}” is damaged and could not be read ({exc}).") from exc
    finally:
        conn.close()
    return BackupInfo(path, counts, (last[0], last[1]) if last else None)


def restore_file(
    db_path: Path, backup_path: Path, key: CipherKey | str | None = None
) -> Path | None:
    """Put a checked backup in place of ``db_path``; returns where the replaced file was kept.

    The database must not be open for writing anywhere (the writer lock is taken). The current
    file is first saved as a ``before-restore`` backup (a raw copy when it is too damaged to
    read), so a restore can itself be undone. ``key`` unlocks encrypted files (the backup,
    the current file, or both).
    """
    key = as_key(key)
    inspect_backup(backup_path, key=key)
    if db_path.exists() and backup_path.resolve() == db_path.resolve():
        raise BackupError("That backup is the database itself; choose a backup file.")
    lock = WriterLock(db_path)
    lock.acquire()
    try:
        # A plaintext backup (made before the file was encrypted) put back in place of an
        # encrypted file is encrypted with its key: restoring never leaves the work unprotected.
        encrypt_with = key if key is not None and is_encrypted(db_path) else None
        if encrypt_with is not None and is_encrypted(backup_path):
            encrypt_with = None  # already encrypted (with this key: it was checked above)
        saved = _set_current_aside(db_path, key) if db_path.exists() else None
        partial = db_path.with_name(db_path.name + PARTIAL_SUFFIX)
        try:
            partial.unlink(missing_ok=True)
            if encrypt_with is None:
                shutil.copyfile(backup_path, partial)
            else:
                _encrypted_copy(backup_path, partial, encrypt_with)
            _fsync(partial)
            os.replace(partial, db_path)
            _fsync(db_path.parent)
        except (OSError, sqlite3.Error) as exc:
            partial.unlink(missing_ok=True)
            raise BackupError(
                f"Could not restore “{backup_path.name}”: {exc}. The database was left as it was."
            ) from exc
        return saved
    finally:
        lock.release()


def _encrypted_copy(source: Path, dest: Path, key: CipherKey) -> None:
    """Copy the plain database file ``source`` into a new file ``dest`` encrypted with ``key``."""
    conn = sqlcipher().connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"ATTACH DATABASE {quote(str(dest))} AS restored KEY {key.pragma_value(None)}")
        try:
            conn.execute("SELECT sqlcipher_export('restored')")
            version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            conn.execute(f"PRAGMA restored.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE restored")
    finally:
        conn.close()


def _set_current_aside(db_path: Path, key: CipherKey | str | None = None) -> Path | None:
    if db_path.stat().st_size == 0:
        return None
    dest = new_backup_path(db_path, "before-restore")
    wal = db_path.with_name(db_path.name + "-wal")
    shm = db_path.with_name(db_path.name + "-shm")
    try:
        key = key_for_file(db_path, key)
        check_header(db_path, key)
        conn = connect(db_path, read_only=False, key=key)
        try:
            write_backup(conn, dest)
            # Fold the log into the file so no stale log is ever replayed onto the restored copy.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except (StoreError, sqlite3.Error):
        # Too damaged to read: keep the exact bytes (with the log) instead.
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, dest)
        if wal.exists():
            shutil.copyfile(wal, dest.with_name(dest.name + "-wal"))
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)
    return dest
