"""The :class:`Store`: the one way into the workbench database, and :func:`open_store`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.scales import DEFAULT_SCALE, load_scale

from .backup import backup_name, backups_dir
from .cipher import CipherKey, forget_key, key_for_file
from .connection import (
    WriterLock,
    check_header,
    connect,
    enable_wal,
    not_writable_reason,
    refuse_if_not_writable,
    remove_conversion_leftover,
    verify_key,
)
from .errors import (
    DatabaseDamagedError,
    DiskFullError,
    NotFoundError,
    disk_full_message,
    is_disk_full,
)
from .factchecks import FactCheckStore
from .final import FinalVerdictStore
from .history import HistoryStore
from .review import ReviewStore
from .schema import build_migrations, check_schema, table_names
from .search import SearchMixin


class Store(FinalVerdictStore, ReviewStore, SearchMixin, HistoryStore, FactCheckStore):
    """Named operations on one database file; each write is one transaction with its event row."""

    #: The key of an encrypted file (in memory only), None for a plain one.
    cipher_key: CipherKey | None = None

    @property
    def encrypted(self) -> bool:
        """True when the file is encrypted (SQLCipher)."""
        return self.cipher_key is not None

    def close(self) -> None:
        """Close the file; its connection no longer holds the key (the store keeps it, to reopen)."""
        try:
            super().close()
        finally:
            forget_key(self.conn)


def open_store(
    path: str | Path | None,
    *,
    read_only: bool = False,
    scale: str | None = None,
    main_file_only: bool = False,
    passphrase: str | CipherKey | None = None,
) -> Store:
    """Open (creating and migrating if needed) a workbench database; ``None`` or ":memory:" for a private in-memory one.

    A file that cannot be written (read-only file or folder) raises :class:`NotWritableError`
    without touching it; open it again with ``read_only=True`` (``services.database`` does).
    A damaged, foreign or newer file raises a :class:`StoreError` and is left byte-for-byte alone.
    ``main_file_only`` (read-only) reads the main file and leaves its "-wal" and "-shm" untouched.

    Plain and encrypted files open alike. An encrypted file needs ``passphrase``
    (:class:`PassphraseNeededError` without it, :class:`WrongPassphraseError` for a wrong one;
    either way nothing is changed); a new file created with a passphrase is encrypted. A
    passphrase given for an existing plain file is not used (``store.encrypted`` tells).
    """
    file = None if path is None or str(path) == ":memory:" else Path(path)
    key = _key_for(file, passphrase)
    lock = None
    if file is not None:
        check_header(file, key)
        if key is not None:
            verify_key(file, key)  # a wrong passphrase touches nothing, not even the lock file
        if read_only and not file.exists():
            raise NotFoundError(f"“{file.name}” does not exist.")
        if not read_only:
            refuse_if_not_writable(file)
            file.parent.mkdir(parents=True, exist_ok=True)
            lock = WriterLock(file)
            lock.acquire()
            remove_conversion_leftover(file)  # no conversion runs while we hold the lock
    conn = None
    try:
        conn = connect(file, read_only=read_only, immutable=read_only and main_file_only, key=key)
        pending = check_schema(conn, file, read_only=read_only)
        reason = (not_writable_reason(file) if file else None) if read_only else None
        store = Store(conn, file, read_only=read_only, lock=lock, read_only_reason=reason)
        store.cipher_key = key
        if not read_only:
            if file is not None:
                enable_wal(conn)
            _migrate(store, scale, pending)
        return store
    except BaseException:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        raise


def _key_for(file: Path | None, passphrase: str | CipherKey | None) -> CipherKey | None:
    """The key to open ``file`` with: None for an in-memory or existing plain file."""
    if file is None or not passphrase:
        return None
    key = passphrase if isinstance(passphrase, CipherKey) else CipherKey(passphrase)
    return key_for_file(file, key)


def _migrate(store: Store, scale: str | None, pending: list[str]) -> None:
    tables = table_names(store.conn)
    if not tables or store.get_setting("rating_scale") is None:
        load_scale(scale or DEFAULT_SCALE)  # refuse an unknown scale before writing anything
    # An up-to-date file is only read here: opening it needs no sqlite-utils.
    if pending:
        if store.path is not None and "articles" in tables:
            # An upgrade rewrites tables: keep the file as it was, whatever happens next.
            store.backup(backups_dir(store.path) / backup_name(store.path, "before-upgrade"))
        try:
            build_migrations().apply(store.db)
            if not tables:
                # A new file: the later steps' table rewrites left free pages; drop them (an
                # empty file vacuums at once), so the file starts compact.
                store.db.execute("VACUUM")
        except sqlite3.DatabaseError as exc:
            if is_disk_full(exc):
                raise DiskFullError(disk_full_message(store.display_name)) from exc
            raise DatabaseDamagedError(
                f"Could not prepare “{store.display_name}” ({exc}).", store.path
            ) from exc
    # Set after the schema commits; a crash in between is repaired on the next open.
    if store.get_setting("rating_scale") is None:
        store.set_setting("rating_scale", scale or DEFAULT_SCALE)
