"""The database schema, created and changed only through sqlite-utils' Migrations, and checked on opening."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    DatabaseDamagedError,
    DiskFullError,
    SchemaTooNewError,
    SchemaTooOldError,
    disk_full_message,
    is_disk_full,
)

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

#: The name of the workbench's migration set in the table where sqlite-utils records them.
MIGRATION_SET = "workbench"
MIGRATIONS_TABLE = "_sqlite_migrations"

#: Tables whose text is searchable, with the columns indexed.
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("title", "text"),
    "claims": ("quote", "claim", "speaker"),
    "verdicts": ("rationale",),
    "sources": ("title", "quote", "note"),
}


def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT,
            author TEXT,
            published TEXT,
            url TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            text TEXT NOT NULL,
            blocks TEXT NOT NULL DEFAULT '[]',
            source_name TEXT,
            source_sha256 TEXT,
            imported_at TEXT NOT NULL,
            imported_by TEXT
        );
        CREATE INDEX idx_articles_sha256 ON articles(source_sha256);

        CREATE TABLE reviewers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            created_at TEXT NOT NULL
        );

        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            claim TEXT NOT NULL,
            speaker TEXT,
            kind TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 0,
            reasons TEXT NOT NULL DEFAULT '[]',
            origin TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
            state TEXT NOT NULL CHECK (state IN ('open', 'dismissed')),
            created_at TEXT NOT NULL,
            created_by TEXT,
            pipeline_version TEXT
        );
        CREATE INDEX idx_claims_article ON claims(article_id, start);

        CREATE TABLE verdicts (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
            rating TEXT NOT NULL,
            rating_value INTEGER,
            confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
            rationale TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (claim_id, reviewer_id)
        );

        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            verdict_id TEXT NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
            title TEXT NOT NULL DEFAULT '',
            url TEXT,
            publisher TEXT,
            published TEXT,
            accessed TEXT,
            quote TEXT,
            note TEXT,
            attachment_name TEXT,
            attachment_sha256 TEXT,
            attachment_size INTEGER,
            attachment BLOB,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_sources_verdict ON sources(verdict_id);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            reviewer_id TEXT,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX idx_events_entity ON events(entity, entity_id);
        -- The audit log is append-only.
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )
    for table, columns in FTS_COLUMNS.items():
        db.table(table).enable_fts(list(columns), create_triggers=True, tokenize="trigram")


def _claim_record(db: Database) -> None:
    """Claim numbers and an editable claim record, the article's summary, draft verdicts.

    Safe to run again (a crash between its two transactions repeats it): each column is added
    only when missing, and the verdicts table is rebuilt only while ``rating`` is NOT NULL.
    """
    added = {
        "articles": [("summary", "TEXT NOT NULL DEFAULT ''")],
        "claims": [
            ("number", "INTEGER CHECK (number IS NULL OR number > 0)"),
            ("claimant_type", "TEXT CHECK (claimant_type IN ('person', 'organisation'))"),
            ("said_on", "TEXT"),
            ("said_where", "TEXT"),
            ("guess", "TEXT"),
        ],
    }
    with db.atomic():
        for table, columns in added.items():
            present = set(db[table].columns_dict)
            for name, declaration in columns:
                if name not in present:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")
        # Number the claims of every article in article order (ties by id, so it is stable).
        db.execute(
            """
            UPDATE claims SET number = (
                SELECT count(*) FROM claims c2 WHERE c2.article_id = claims.article_id
                AND (c2.start < claims.start OR (c2.start = claims.start AND c2.id <= claims.id))
            ) WHERE number IS NULL
            """
        )
        db.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS idx_claims_number ON claims(article_id, number)"
        )
        # The highest claim number ever given per article, so that none is given twice (an
        # undone deletion brings its claim back with its own number). A table of its own: an
        # update of an article row would rewrite the article's search index.
        db.execute(
            """
            CREATE TABLE IF NOT EXISTS claim_numbers (
                article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                last INTEGER NOT NULL
            )
            """
        )
        db.execute(
            """
            INSERT OR REPLACE INTO claim_numbers (article_id, last)
            SELECT article_id, max(number) FROM claims GROUP BY article_id
            """
        )
        # An article's text is re-indexed only when its title or text changes: a new outlet, date
        # or summary would otherwise rewrite the search index of a whole book-length article.
        db.execute("DROP TRIGGER IF EXISTS articles_au")
        db.execute(
            """
            CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
              INSERT INTO articles_fts (articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
              INSERT INTO articles_fts (rowid, title, text)
                VALUES (new.rowid, new.title, new.text);
            END
            """
        )
    rating = next(
        c for c in db.execute("PRAGMA table_info(verdicts)").fetchall() if c[1] == "rating"
    )
    if rating[3]:  # notnull: a verdict without a rating (a draft) becomes possible
        transform_table(db, "verdicts", not_null={"rating": False})


#: The namespace of the device ids given to files that had a history before it was chained.
_CHAIN_IDS = "5b0f3c2e-6a1d-4f7e-9c55-2d8e0a4b7f10"

#: The word index of the fact-check library: BM25 ranking over words (the trigram indexes above
#: find substrings; matching a claim needs whole words, stemmed).
FACTCHECK_WORDS = "factchecks_words"


def _factcheck_library(db: Database) -> None:
    """The library of fact-checks: imported ones and the team's own rated verdicts.

    ``key`` makes import idempotent: a digest of the normalised URL and claim (see
    ``ingest.factchecks.record_key``), 32 hex characters rather than the text itself, so the
    unique index stays small (the library must add at most 2 KB per item). ``title`` is the
    headline of the published fact-check, when the file gives one (the team's own rows have
    none: an article's title is not the headline of a verdict). ``vector`` holds the sentence
    encoder's float16 vector (little-endian) of the headline and claim, filled after import.
    """
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in _FACTCHECK_DDL:
        db.execute(statement)


_FACTCHECK_DDL = [
    """
        CREATE TABLE factchecks (
            id TEXT PRIMARY KEY,
            claim TEXT NOT NULL CHECK (length(trim(claim)) > 0),
            title TEXT,
            claimant TEXT,
            claimant_type TEXT,
            rating TEXT,
            rating_value REAL,
            rating_best REAL,
            rating_worst REAL,
            publisher TEXT,
            published TEXT,
            url TEXT,
            language TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('import', 'team')),
            source_name TEXT,
            claim_id TEXT REFERENCES claims(id) ON DELETE CASCADE,
            key TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            review_date TEXT,
            vector BLOB,
            vector_model TEXT
        )""",
    "CREATE INDEX idx_factchecks_origin ON factchecks(origin)",
    "CREATE INDEX idx_factchecks_claim ON factchecks(claim_id) WHERE claim_id IS NOT NULL",
    f"""CREATE VIRTUAL TABLE {FACTCHECK_WORDS} USING fts5(
            title, claim, content='factchecks', content_rowid='rowid', tokenize='porter unicode61'
        )""",
    f"""CREATE TRIGGER factchecks_words_ai AFTER INSERT ON factchecks BEGIN
            INSERT INTO {FACTCHECK_WORDS}(rowid, title, claim)
            VALUES (new.rowid, new.title, new.claim);
        END""",
    f"""CREATE TRIGGER factchecks_words_ad AFTER DELETE ON factchecks BEGIN
            INSERT INTO {FACTCHECK_WORDS}({FACTCHECK_WORDS}, rowid, title, claim)
            VALUES ('delete', old.rowid, old.title, old.claim);
        END""",
    # Only a changed headline or claim touches the index: storing a vector, or an update that
    # writes the same words again (a newer copy of a review), does not.
    f"""CREATE TRIGGER factchecks_words_au AFTER UPDATE OF title, claim ON factchecks
        WHEN old.title IS NOT new.title OR old.claim IS NOT new.claim BEGIN
            INSERT INTO {FACTCHECK_WORDS}({FACTCHECK_WORDS}, rowid, title, claim)
            VALUES ('delete', old.rowid, old.title, old.claim);
            INSERT INTO {FACTCHECK_WORDS}(rowid, title, claim)
            VALUES (new.rowid, new.title, new.claim);
        END""",
]


def _team_review(db: Database) -> None:
    """Team review: hash-chained events, a device id, final verdicts, who dismissed and why.

    The events written so far become this file's chain (numbered in the order they were
    written); the append-only triggers are lifted only while their new columns are filled.
    ``merged_ids`` remembers, when merging found one article, claim, reviewer or verdict under
    two ids, which id was kept: history looks under both.
    """
    from uuid import UUID, uuid5  # loaded only when a file is upgraded

    from workbench.model import new_id, now_iso

    for statement in _TEAM_REVIEW_DDL:
        db.execute(statement)
    # A file that already has a history gets a device id (and event ids) that follow from it:
    # two copies of one older file, upgraded apart (or a colleague's, upgraded at each merge),
    # then share their chain instead of bringing the same events twice.
    first = db.execute(
        "SELECT at, action, entity, entity_id FROM events ORDER BY id LIMIT 1"
    ).fetchone()
    device = str(uuid5(UUID(_CHAIN_IDS), "|".join(str(v) for v in first))) if first else new_id()
    db.execute("INSERT INTO device (id, created_at) VALUES (?, ?)", [device, now_iso()])
    chain_unchained_events(db, device)
    db.execute("CREATE UNIQUE INDEX idx_events_uid ON events(uid)")
    db.execute("CREATE INDEX idx_events_chain ON events(device, seq)")


def chain_unchained_events(db: Database, device: str) -> None:
    """Give the events written before the log was chained their place in ``device``'s chain.

    Their ids follow from the device and their place, so the same older file always gets the
    same chain.
    """
    from uuid import UUID, uuid5

    from .chain import event_digest

    db.execute("DROP TRIGGER events_no_update")
    last = db.execute(
        "SELECT seq, hash FROM events WHERE device = ? ORDER BY seq DESC LIMIT 1", [device]
    ).fetchone()
    seq, prev = (last[0], last[1]) if last else (0, "")
    cursor = db.execute("SELECT * FROM events WHERE hash IS NULL ORDER BY id")
    names = [d[0] for d in cursor.description]
    for values in cursor.fetchall():
        seq += 1
        uid = str(uuid5(UUID(device), str(seq)))
        event = {**dict(zip(names, values, strict=True)), "uid": uid, "device": device}
        event.update(seq=seq, prev=prev)
        event["hash"] = prev = event_digest(event)
        db.execute(
            "UPDATE events SET uid = ?, device = ?, seq = ?, prev = ?, hash = ? WHERE id = ?",
            [event["uid"], device, seq, event["prev"], event["hash"], event["id"]],
        )
    db.execute(EVENTS_NO_UPDATE)


# The one change allowed: an event a review bundle carried without its content ("withheld")
# is filled in when the full event arrives, keeping its place and digest (the merge checks
# that the content matches the digest before it writes).
EVENTS_NO_UPDATE = """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    WHEN NOT (old.action = 'withheld' AND new.uid IS old.uid AND new.device IS old.device
              AND new.seq IS old.seq AND new.prev IS old.prev AND new.hash IS old.hash)
    BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"""

_TEAM_REVIEW_DDL = [
    "CREATE TABLE device (id TEXT PRIMARY KEY, created_at TEXT NOT NULL)",
    "ALTER TABLE events ADD COLUMN uid TEXT",
    "ALTER TABLE events ADD COLUMN device TEXT",
    "ALTER TABLE events ADD COLUMN seq INTEGER",
    "ALTER TABLE events ADD COLUMN prev TEXT",
    "ALTER TABLE events ADD COLUMN hash TEXT",
    # Who dismissed a claim and why (the reviewer's id; no foreign key: merging may rename it).
    "ALTER TABLE claims ADD COLUMN dismissed_by TEXT",
    "ALTER TABLE claims ADD COLUMN dismissed_reason TEXT",
    """CREATE TABLE final_verdicts (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE,
            rating TEXT NOT NULL,
            rating_value INTEGER,
            note TEXT NOT NULL DEFAULT '',
            editor_id TEXT REFERENCES reviewers(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    """CREATE TABLE merged_ids (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL,
            entity TEXT NOT NULL,
            merged_at TEXT NOT NULL
        )""",
    "CREATE INDEX idx_merged_ids_new ON merged_ids(new_id)",
]


#: Every migration this program knows, oldest first: its name, what it does, and whether it runs
#: in one transaction. A file that records a name not listed here was written by a newer program.
STEPS: list[tuple[str, Callable[[Database], None], bool]] = [
    ("0001_initial", _initial, True),
    ("0002_claim_record_and_drafts", _claim_record, False),
    ("0003_factcheck_library", _factcheck_library, True),
    ("0004_team_review", _team_review, True),
]


def migration_names() -> list[str]:
    """The names of every migration this program knows, oldest first."""
    return [name for name, _, _ in STEPS]


def build_migrations() -> Migrations:
    """sqlite-utils' ``Migrations`` holding :data:`STEPS`, to apply them."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, step, transactional in STEPS:
        migrations(name=name, transactional=transactional)(step)
    return migrations


def table_names(conn: sqlite3.Connection) -> set[str]:
    """The tables in the file (search index tables included)."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of the migrations applied to a file, in order, read without sqlite-utils."""
    if MIGRATIONS_TABLE not in table_names(conn):
        return []
    query = f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid"
    return [r[0] for r in conn.execute(query, [MIGRATION_SET])]


def transform_table(db: Database, table: str, **changes: Any) -> None:
    """``table.transform(**changes)`` for a migration, keeping the table's search index working.

    sqlite-utils' transform drops the table's triggers, FTS sync triggers included, so search
    would silently stop seeing new rows; and dropping the old table with foreign keys on would
    fire ``ON DELETE CASCADE`` on its children. Here foreign keys are off for the change, the
    index is rebuilt, and everything happens in one transaction that checks foreign keys before
    it commits. Register the migration with ``transactional=False`` (``PRAGMA foreign_keys``
    cannot change inside a transaction) and make it safe to run again: a crash after this commit
    but before the migration is recorded runs it once more.
    """
    if db.conn.in_transaction:
        raise RuntimeError(
            f"transform_table({table!r}) needs a migration registered with transactional=False"
        )
    columns = FTS_COLUMNS.get(table)
    keys_were_on = bool(db.execute("PRAGMA foreign_keys").fetchone()[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            if columns:
                db[table].disable_fts()  # type: ignore[union-attr]
            db[table].transform(**changes)  # type: ignore[union-attr]
            if columns:
                db[table].enable_fts(  # type: ignore[union-attr]
                    list(columns), create_triggers=True, tokenize="trigram"
                )
                db[table].rebuild_fts()  # type: ignore[union-attr]
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(
                    f"transforming {table} broke {len(broken)} links between rows"
                )
    finally:
        if keys_were_on:
            db.execute("PRAGMA foreign_keys = ON")


def check_schema(
    conn: sqlite3.Connection, file: Path | None, *, read_only: bool = False
) -> list[str]:
    """Refuse a file that is not ours or is newer than this program; return pending migrations."""
    name = file.name if file else "database"
    try:
        applied = set(applied_migrations(conn))
        empty = not table_names(conn)
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            # Opening a file in WAL mode creates its "-shm" index: a full disk is not damage.
            raise DiskFullError(disk_full_message(name)) from exc
        raise DatabaseDamagedError(
            f"“{name}” is damaged: its list of tables cannot be read. The file was left untouched.",
            file,
        ) from exc
    known = migration_names()
    if applied - set(known):
        raise SchemaTooNewError(
            f"“{name}” was written by a newer version of Factcheck Workbench; update the program to open it. The file was left untouched."
        )
    if not empty and not applied:
        raise DatabaseDamagedError(
            f"“{name}” is an SQLite file but not a Factcheck Workbench database. The file was left untouched.",
            file,
        )
    pending = [m for m in known if m not in applied]
    if read_only and applied and pending:
        raise SchemaTooOldError(
            f"“{name}” was written by an older version and must be upgraded, but it is open read-only. "
            "Copy it to a folder you can write to and open the copy."
        )
    return pending
