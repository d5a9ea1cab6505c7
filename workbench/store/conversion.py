"""The SQL side of encrypting, decrypting and re-keying a workbench file.

A :class:`ConvertedCopy` opens the database, writes a copy of it beside it under another key
(SQLCipher's ``sqlcipher_export``: every table, index, trigger and setting) and checks that copy
(SQLite's integrity check, and as many rows in every table as the original). Putting the copy in
place of the database, and the writer lock held meanwhile, are the caller's part (see
:mod:`workbench.services.encryption`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from .cipher import CipherKey, keyed_connect, quote, sqlcipher
from .connection import conversion_path
from .errors import StoreError

__all__ = ["ConversionCancelled", "ConvertedCopy", "table_counts"]

#: Asked now and then while the file is copied; True stops the conversion.
Cancelled = Callable[[], bool]


class ConversionCancelled(StoreError):
    """The conversion was stopped on request; the database was left as it was."""


class ConvertedCopy:
    """A copy of the database at ``db``, written beside it and keyed with ``key``.

    ``source_key`` opens ``db`` (None: ``db`` is a plain file); ``key`` keys the copy (None:
    the copy is a plain file). The database is opened here and closed by :meth:`write` when it
    fails, else by :meth:`check`.
    """

    def __init__(self, db: Path, *, source_key: CipherKey | None, key: CipherKey | None) -> None:
        self.db = db
        self.key = key
        #: Where the copy is written (removed by the caller when anything fails).
        self.path = conversion_path(db)
        if source_key is None:
            self._source = sqlcipher().connect(str(db), check_same_thread=False)
            self._source.execute("PRAGMA temp_store = MEMORY")
        else:
            self._source = keyed_connect(str(db), source_key, db, check_same_thread=False)

    def write(self, is_cancelled: Cancelled | None = None) -> Path:
        """Copy every table, index, trigger and setting into the new file; returns its path.

        Raises :class:`ConversionCancelled` once ``is_cancelled`` says so, :class:`StoreError`
        when SQLite refuses; either way the database is closed and was not changed.
        """
        source = self._source
        key_sql = self.key.pragma_value(None) if self.key is not None else "''"
        try:
            with closing(source.cursor()) as cur, _interrupt_when(source, is_cancelled):
                cur.execute(f"ATTACH DATABASE {quote(str(self.path))} AS converted KEY {key_sql}")
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
            raise StoreError(
                f"Could not convert “{self.db.name}” ({exc}); nothing was changed."
            ) from exc
        return self.path

    def check(self) -> None:
        """The copy passes SQLite's integrity check and holds as many rows as the original.

        Closes the database. Raises :class:`StoreError` when the copy fails either test.
        """
        try:
            with closing(self._source) as source:
                expected = table_counts(source)
            with closing(self._open_copy()) as conn:
                rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
                found = table_counts(conn)
        except sqlite3.Error as exc:
            raise StoreError(
                f"The converted copy could not be read ({exc}); nothing was changed."
            ) from exc
        if rows != ["ok"]:
            raise StoreError(
                f"The converted copy failed its check ({rows[0]}); nothing was changed."
            )
        if found != expected:
            raise StoreError("The converted copy does not hold every row; nothing was changed.")

    def _open_copy(self) -> Any:
        if self.key is None:
            return sqlite3.connect(self.path)
        return keyed_connect(str(self.path), self.key, self.path)


def table_counts(conn: Any) -> dict[str, int]:
    """The number of rows in every table of the database open on ``conn``."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')"
        )
    ]
    return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


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
