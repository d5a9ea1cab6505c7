"""Checks of a database's health, for ``workbench check`` and the crash test."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .backup import COUNTED
from .connection import wrap
from .schema import FTS_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .store import Store


def problems(store: Store) -> list[str]:
    """Everything wrong with the database, one sentence each; empty when healthy."""
    found = integrity_problems(store.db)
    if found:
        return found  # the other checks would only repeat the damage
    return found + fts_problems(store.db) + span_problems(store.db)


def integrity_problems(db: Database) -> list[str]:
    """SQLite's own integrity and foreign-key checks."""
    found = []
    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        found += [f"integrity check: {r}" for r in rows[:20]]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        found.append(f"a row in {table} (rowid {rowid}) points to a missing row in {parent}")
    return found


def fts_problems(db: Database) -> list[str]:
    """Each search index is consistent, matches its table and is kept up to date by triggers."""
    found = []
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table in FTS_COLUMNS:
        fts = f"{table}_fts"
        if not db[fts].exists():
            found.append(f"{table} has no search index ({fts} is missing)")
            continue
        missing = [f"{table}_{s}" for s in ("ai", "ad", "au") if f"{table}_{s}" not in triggers]
        if missing:
            found.append(
                f"the search index of {table} is no longer kept up to date "
                f"(missing triggers: {', '.join(missing)})"
            )
        indexed = db.execute(f"SELECT count(*) FROM [{fts}_docsize]").fetchone()[0]
        rows = db[table].count
        if indexed != rows:
            found.append(f"the search index of {table} holds {indexed} rows, the table {rows}")
    return found + _fts_integrity(db)


def _fts_integrity(db: Database) -> list[str]:
    try:
        return _fts_integrity_on(db)
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc):
            raise
    # FTS5's check is phrased as a write: run it on a private copy of a read-only file.
    with tempfile.TemporaryDirectory() as folder:
        copy = sqlite3.connect(Path(folder) / "copy.sqlite3")
        try:
            db.conn.backup(copy)
            return _fts_integrity_on(wrap(copy))
        finally:
            copy.close()


def _fts_integrity_on(db: Database) -> list[str]:
    found = []
    for table in FTS_COLUMNS:
        fts = f"{table}_fts"
        if not db[fts].exists():
            continue
        try:
            db.execute(f"INSERT INTO [{fts}]([{fts}], rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            if "readonly" in str(exc):
                raise sqlite3.OperationalError(str(exc)) from exc
            found.append(f"the search index of {table} does not match its rows ({exc})")
    return found


def span_problems(db: Database) -> list[str]:
    """Claims whose span no longer shows their quote in the article text."""
    rows = db.execute(
        """
        SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c."end" > length(a.text) OR substr(a.text, c.start + 1, c."end" - c.start) != c.quote
        """
    ).fetchall()
    return [f"claim {r[0][:8]}: its quote is no longer at its place in the article" for r in rows]


def counts(db: Database) -> dict[str, int]:
    """How many articles, claims, verdicts and sources the file holds."""
    return {table: db[table].count for table in COUNTED}


def missing_ids(db: Database, table: str, ids: set[str]) -> set[str]:
    """Which of ``ids`` are not in ``table``."""
    if table not in COUNTED:
        raise ValueError(f"unknown table {table!r}")
    present = {r[0] for r in db.execute(f"SELECT id FROM [{table}]")}
    return ids - present
