"""The :class:`Store`: the one way into the workbench database, and :func:`open_store`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from workbench.scales import DEFAULT_SCALE, load_scale

from .connection import WriterLock, check_header, connect
from .errors import DatabaseDamagedError, NotFoundError, SchemaTooNewError
from .review import ReviewStore
from .schema import migrations
from .search import SearchMixin


class Store(ReviewStore, SearchMixin):
    """Named operations on one database file; each write is one transaction with its event row."""


def open_store(
    path: str | Path | None, *, read_only: bool = False, scale: str | None = None
) -> Store:
    """Open (creating and migrating if needed) a workbench database; ``None`` or ":memory:" for a private in-memory one."""
    file = None if path is None or str(path) == ":memory:" else Path(path)
    lock = None
    if file is not None:
        check_header(file)
        if read_only and not file.exists():
            raise NotFoundError(f"“{file.name}” does not exist.")
        if not read_only:
            file.parent.mkdir(parents=True, exist_ok=True)
            lock = WriterLock(file)
            lock.acquire()
    try:
        db = connect(file, read_only=read_only)
        _check_schema(db, file)
        store = Store(db, file, read_only=read_only, lock=lock)
        if not read_only:
            _migrate(store, scale)
        return store
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _check_schema(db: Database, file: Path | None) -> None:
    name = file.name if file else "database"
    try:
        applied = {m.name for m in migrations.applied(db)}
        tables = set(db.table_names())
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamagedError(
            f"“{name}” is damaged and could not be read ({exc}). The file was left untouched."
        ) from exc
    known = {m.name for m in migrations._migrations}
    if applied - known:
        raise SchemaTooNewError(
            f"“{name}” was written by a newer version of Factcheck Workbench; update the program to open it. The file was left untouched."
        )
    if tables and "_sqlite_migrations" not in tables:
        raise DatabaseDamagedError(
            f"“{name}” is an SQLite file but not a Factcheck Workbench database. The file was left untouched."
        )


def _migrate(store: Store, scale: str | None) -> None:
    fresh = not store.db["_sqlite_migrations"].exists()
    if fresh:
        load_scale(scale or DEFAULT_SCALE)  # refuse an unknown scale before writing anything
    try:
        migrations.apply(store.db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamagedError(f"Could not prepare “{store.display_name}” ({exc}).") from exc
    if fresh:
        store.set_setting("rating_scale", scale or DEFAULT_SCALE)
