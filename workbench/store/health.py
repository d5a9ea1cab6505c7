"""Checks of a database's health, for ``workbench check`` and the crash test."""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .backup import COUNTED
from .chain import verify_events
from .connection import scratch_copy_target, wrap
from .schema import FTS_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .store import Store


#: Told what the check is doing: a short description, then steps done out of a total.
Progress = Callable[[str, int, int], None]

#: Start of every problem that means the file itself is damaged (the other checks are skipped).
DAMAGE = "damaged"

_PAGE = re.compile(r"\b[Pp]age (\d+)")


def problems(store: Store, progress: Progress | None = None) -> list[str]:
    """Everything wrong with the database, one sentence each; empty when healthy."""
    report = progress or _quiet
    report("checking the file", 0, 3)
    found = integrity_problems(store.db)
    if found:
        return found  # the other checks would only repeat the damage
    report("checking the search indexes", 1, 3)
    try:
        found += fts_problems(store.db)
        found += span_problems(store.db, progress)
        # An event changed or removed outside the program (``workbench audit verify`` explains).
        return found + [f"History: {p}" for p in verify_events(store.chained_events()).problems]
    except sqlite3.DatabaseError as exc:
        return [damage_summary(store.conn, [str(exc)])]


def _quiet(_what: str, _done: int, _total: int) -> None:
    pass


def integrity_problems(db: Database) -> list[str]:
    """SQLite's own integrity and foreign-key checks; damage is summed up in one sentence."""
    try:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError:
        # SQLite gives up on some broken pages instead of listing them: look table by table.
        rows = ["the check stopped at a page it could not read"]
    if rows != ["ok"]:
        return [damage_summary(db.conn, rows)]
    found = []
    try:
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
            found.append(f"a row in {table} (rowid {rowid}) points to a missing row in {parent}")
    except sqlite3.DatabaseError as exc:
        found.append(f"{DAMAGE}: the links between rows could not be checked ({exc})")
    return found


def damage_summary(conn: sqlite3.Connection, integrity_rows: list[str]) -> str:
    """One sentence naming the damaged pages and what they hold, as far as SQLite can tell."""
    pages = {int(m) for row in integrity_rows for m in _PAGE.findall(row)}
    parts: list[str] = []
    for table in _tables(conn):
        try:
            rows = [r[0] for r in conn.execute(f'PRAGMA quick_check("{table}")')]
        except sqlite3.DatabaseError:
            rows = ["unreadable"]
        if rows != ["ok"]:
            pages |= {int(m) for row in rows for m in _PAGE.findall(row)}
            label = _label(table)
            if label not in parts:
                parts.append(label)
    where = f"; it affects {' and '.join(parts)}" if parts else ""
    if pages:
        listed = sorted(pages)
        shown = ", ".join(str(p) for p in listed[:8]) + (", …" if len(listed) > 8 else "")
        which = f"page {shown}" if len(listed) == 1 else f"pages {shown}"
        return f"{DAMAGE}: {which} of the file cannot be read{where}"
    return f"{DAMAGE}: part of the file cannot be read{where}"


def _tables(conn: sqlite3.Connection) -> list[str]:
    try:
        found = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY rootpage"
        ).fetchall()
    except sqlite3.DatabaseError:
        return []
    return [r[0] for r in found]


def _label(table: str) -> str:
    """A table's name as a person would say it."""
    base = table.split("_fts")[0] if "_fts" in table else None
    if base in FTS_COLUMNS:
        return f"the search index of {base}"
    return {
        "events": "the history of changes",
        "settings": "the settings",
        "device": "this file's own id",
        "final_verdicts": "the final verdicts",
        "merged_ids": "the record of merged files",
        "_sqlite_migrations": "the upgrade history",
    }.get(table, f"the {table}")


def wal_problems(path: Path) -> list[str]:
    """A write-ahead log that went missing while it still held saved changes.

    Call before anything opens the file. A sync tool or a clean-up that deletes the "-wal" file
    but not the "-shm" index beside it leaves the index counting changes that no longer exist.
    """
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    if wal.exists() or not shm.exists():
        return []
    try:
        with open(path, "rb") as handle:
            head = handle.read(20)
        with open(shm, "rb") as handle:
            index = handle.read(136)
    except OSError:
        return []
    if len(head) < 20 or head[18] != 2:  # header bytes 18–19 are 2 in write-ahead-log mode
        return []
    if len(index) >= 100:
        # The index header (native byte order): mxFrame at 16, then nBackfill at 96 — frames
        # in the log, and how many of them were already folded into the file.
        frames = int.from_bytes(index[16:20], sys.byteorder)
        folded = int.from_bytes(index[96:100], sys.byteorder)
        if frames <= folded:
            return []
    return [
        f"its change log “{wal.name}” is missing although “{shm.name}” says it held changes "
        "not yet in the file: the latest edits are lost (was it deleted by a sync or clean-up "
        "tool?)"
    ]


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
        copy = scratch_copy_target(db.conn, Path(folder) / "copy.sqlite3")
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


def span_problems(db: Database, progress: Progress | None = None) -> list[str]:
    """Claims whose span no longer shows their quote in the article text.

    One article at a time, its text read once for all its claims: SQL's ``substr`` per claim
    would read the whole text again for each of thousands of claims.
    """
    conn = db.conn
    report = progress or _quiet
    articles = conn.execute("SELECT rowid, id FROM articles ORDER BY rowid").fetchall()
    found = []
    step = max(1, len(articles) // 100)  # a hundred updates at most
    for done, (rowid, article_id) in enumerate(articles):
        if done % step == 0:
            report("checking claims", done, len(articles))
        (text,) = conn.execute("SELECT text FROM articles WHERE rowid = ?", [rowid]).fetchone()
        text = text or ""
        claims = conn.execute(
            'SELECT id, start, "end", quote FROM claims WHERE article_id = ?', [article_id]
        )
        for claim_id, start, end, quote in claims:
            if end > len(text) or text[start:end] != quote:
                found.append(
                    f"claim {claim_id[:8]}: its quote is no longer at its place in the article"
                )
    report("checking claims", len(articles), len(articles))
    return found


def counts(store: Store) -> dict[str, int]:
    """How many articles, claims, verdicts and sources the file holds."""
    return {table: store.db[table].count for table in COUNTED}


def missing_ids(db: Database, table: str, ids: set[str]) -> set[str]:
    """Which of ``ids`` are not in ``table``."""
    if table not in COUNTED:
        raise ValueError(f"unknown table {table!r}")
    present = {r[0] for r in db.execute(f"SELECT id FROM [{table}]")}
    return ids - present
