"""The SQL side of merging a colleague's file: reading both files, writing the merged content.

What the merged content is is decided in :mod:`workbench.services.merge_plan` from two
:class:`Snapshot` objects; :func:`apply_merge` writes it into the open file in one transaction.
The other file is only ever read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .chain import WITHHELD
from .errors import InvalidInputError

if TYPE_CHECKING:
    from .store import Store

#: The tables holding the team's work, parents first, with the entity name their events use.
ENTITY_TABLES: dict[str, str] = {
    "reviewers": "reviewer",
    "articles": "article",
    "claims": "claim",
    "verdicts": "verdict",
    "sources": "source",
    "final_verdicts": "final_verdict",
}

#: Columns never read into a snapshot (large bytes fetched only when a row is copied).
_SKIPPED = {"sources": ("attachment",)}

Row = dict[str, Any]


@dataclass
class Snapshot:
    """Everything merging needs to know about one file, read in one go."""

    device: str
    rows: dict[str, list[Row]]
    settings: dict[str, str]
    claim_numbers: dict[str, int]
    merged_ids: list[Row]
    #: Imported fact-checks (the team's own rows are derived from verdicts, not merged).
    factchecks: list[Row]
    #: (uid, at, action, entity, entity_id, after is null) of every event with its content.
    events: list[tuple[str, str, str, str, str, bool]]
    columns: dict[str, list[str]] = field(default_factory=dict)
    #: The events held without their content (from a review bundle): uid -> the event's
    #: place in its chain (uid, device, seq, prev, hash). They say nothing about any row.
    withheld: dict[str, Row] = field(default_factory=dict)


def _query(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of ``table``, in order."""
    return [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]


def read_snapshot(store: Store) -> Snapshot:
    """Read what merging needs from ``store`` (attachments and event bodies excepted)."""
    conn = store.conn
    rows: dict[str, list[Row]] = {}
    columns: dict[str, list[str]] = {}
    for table in ENTITY_TABLES:
        cols = [c for c in table_columns(conn, table) if c not in _SKIPPED.get(table, ())]
        columns[table] = cols
        rows[table] = _query(conn, f"SELECT {_cols(cols)} FROM [{table}] ORDER BY id")
    columns["factchecks"] = table_columns(conn, "factchecks")
    events = [
        (r[0], r[1], r[2], r[3], r[4], bool(r[5]))
        for r in conn.execute(
            "SELECT uid, at, action, entity, entity_id, after IS NULL FROM events"
            " WHERE uid IS NOT NULL AND action IS NOT ?",
            [WITHHELD],
        )
    ]
    withheld = {
        r["uid"]: r
        for r in _query(
            conn,
            "SELECT uid, device, seq, prev, hash FROM events WHERE uid IS NOT NULL AND action = ?",
            [WITHHELD],
        )
    }
    return Snapshot(
        device=store.device_id,
        rows=rows,
        settings={k: v for k, v in conn.execute("SELECT key, value FROM settings")},
        claim_numbers={a: n for a, n in conn.execute("SELECT article_id, last FROM claim_numbers")},
        merged_ids=_query(conn, "SELECT old_id, new_id, entity, merged_at FROM merged_ids"),
        factchecks=_query(conn, "SELECT * FROM factchecks WHERE origin = 'import'"),
        events=events,
        columns=columns,
        withheld=withheld,
    )


def _cols(names: Iterable[str]) -> str:
    return ", ".join(f"[{n}]" for n in names)


def read_events(store: Store, uids: Iterable[str]) -> Iterator[Row]:
    """The events with these uids, as stored (without the local ``id``), oldest first."""
    wanted = set(uids)
    if not wanted:
        return
    cols = [c for c in table_columns(store.conn, "events") if c != "id"]
    cursor = store.conn.execute(f"SELECT {_cols(cols)} FROM events ORDER BY id")
    while batch := cursor.fetchmany(2000):
        for values in batch:
            row = dict(zip(cols, values, strict=True))
            if row["uid"] in wanted:
                yield row


def read_attachments(store: Store, source_ids: Iterable[str]) -> dict[str, bytes | None]:
    """The attached files' bytes of these sources (None for a source without one)."""
    found: dict[str, bytes | None] = {}
    ids = list(source_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for sid, data in store.conn.execute(
            f"SELECT id, attachment FROM sources WHERE id IN ({marks})", chunk
        ):
            found[sid] = data
    return found


@dataclass
class TableWrite:
    """The rows to insert, update (by id) and delete in one table."""

    insert: list[Row] = field(default_factory=list)
    update: list[Row] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.insert or self.update or self.delete)


@dataclass
class MergeWrite:
    """Everything :func:`apply_merge` writes."""

    tables: dict[str, TableWrite] = field(default_factory=dict)
    #: Claims whose number changes: id -> the new number.
    numbers: dict[str, int] = field(default_factory=dict)
    claim_numbers: dict[str, int] = field(default_factory=dict)
    claim_numbers_gone: list[str] = field(default_factory=list)
    #: Attachment bytes for sources inserted or whose attached file changed.
    attachments: dict[str, bytes | None] = field(default_factory=dict)
    merged_ids: list[Row] = field(default_factory=list)
    merged_ids_gone: list[str] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    settings_gone: list[str] = field(default_factory=list)
    factchecks: TableWrite = field(default_factory=TableWrite)
    events: list[Row] = field(default_factory=list)
    #: Full events whose uid this file holds withheld: filled in (their digest checked first).
    filled: list[Row] = field(default_factory=list)
    #: ('merge' events to log: entity, id, before, after).
    logged: list[tuple[str, str, object, object]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            any(self.tables.values())
            or self.numbers
            or self.claim_numbers
            or self.claim_numbers_gone
            or self.merged_ids
            or self.merged_ids_gone
            or self.settings
            or self.settings_gone
            or self.factchecks
            or self.events
            or self.filled
        )


def apply_merge(
    store: Store,
    plan: MergeWrite,
    columns: Mapping[str, list[str]],
    *,
    then: Callable[[], object] | None = None,
) -> None:
    """Write ``plan`` into ``store`` in one transaction; any broken link undoes all of it.

    Foreign keys are off while it runs (so that a row kept under another id does not take its
    children with it) and checked before the transaction commits. ``then`` runs last, inside
    the same transaction (bringing derived rows in step).
    """
    conn = store.conn
    if conn.in_transaction:
        raise RuntimeError("apply_merge must not run inside another transaction")
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with store.write():
            _apply(store, plan, columns)
            if then is not None:
                then()
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise InvalidInputError(
                    f"Merging would leave {len(broken)} rows pointing at rows that are not there; "
                    "nothing was changed."
                )
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _apply(store: Store, plan: MergeWrite, columns: Mapping[str, list[str]]) -> None:
    conn = store.conn
    for table in reversed(ENTITY_TABLES):
        write = plan.tables.get(table)
        if write and write.delete:
            conn.executemany(f"DELETE FROM [{table}] WHERE id = ?", [[i] for i in write.delete])
    # The library's team rows of claims that are gone (foreign keys do not cascade here).
    conn.execute(
        "DELETE FROM factchecks WHERE origin = 'team' AND claim_id IS NOT NULL"
        " AND claim_id NOT IN (SELECT id FROM claims)"
    )
    conn.executemany(
        "DELETE FROM claim_numbers WHERE article_id = ?", [[a] for a in plan.claim_numbers_gone]
    )
    conn.executemany("DELETE FROM settings WHERE key = ?", [[k] for k in plan.settings_gone])
    conn.executemany("DELETE FROM merged_ids WHERE old_id = ?", [[k] for k in plan.merged_ids_gone])
    conn.executemany("DELETE FROM factchecks WHERE id = ?", [[i] for i in plan.factchecks.delete])
    # Numbers that change are cleared first: two claims may swap numbers.
    conn.executemany("UPDATE claims SET number = NULL WHERE id = ?", [[i] for i in plan.numbers])
    for table in ENTITY_TABLES:
        write = plan.tables.get(table)
        if not write:
            continue
        cols = [c for c in columns[table] if c not in ("id", "number")]
        if write.update:
            sets = ", ".join(f"[{c}] = ?" for c in cols)
            conn.executemany(
                f"UPDATE [{table}] SET {sets} WHERE id = ?",
                [[r.get(c) for c in cols] + [r["id"]] for r in write.update],
            )
        if write.insert:
            cols = ["id", *cols] + (["number"] if table == "claims" else [])
            if table == "sources":
                cols.append("attachment")
            marks = ",".join("?" * len(cols))
            conn.executemany(
                f"INSERT INTO [{table}] ({_cols(cols)}) VALUES ({marks})",
                [_insert_values(r, cols, plan.attachments) for r in write.insert],
            )
    if "sources" in plan.tables:
        changed = [
            (plan.attachments[r["id"]], r["id"])
            for r in plan.tables["sources"].update
            if r["id"] in plan.attachments
        ]
        conn.executemany("UPDATE sources SET attachment = ? WHERE id = ?", changed)
    conn.executemany(
        "UPDATE claims SET number = ? WHERE id = ?", [[n, i] for i, n in plan.numbers.items()]
    )
    conn.executemany(
        "INSERT INTO claim_numbers (article_id, last) VALUES (?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET last = excluded.last",
        list(plan.claim_numbers.items()),
    )
    conn.executemany(
        "INSERT OR REPLACE INTO merged_ids (old_id, new_id, entity, merged_at) VALUES (?, ?, ?, ?)",
        [[m["old_id"], m["new_id"], m["entity"], m["merged_at"]] for m in plan.merged_ids],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", list(plan.settings.items())
    )
    _write_factchecks(conn, plan.factchecks, columns["factchecks"])
    if plan.events:
        cols = list(plan.events[0])
        conn.executemany(
            f"INSERT INTO events ({_cols(cols)}) VALUES ({','.join('?' * len(cols))})",
            [[e[c] for c in cols] for e in plan.events],
        )
    # Only a withheld row is ever changed, and only to the content its digest already covers.
    conn.executemany(
        "UPDATE events SET at = ?, reviewer_id = ?, action = ?, entity = ?, entity_id = ?,"
        " before = ?, after = ? WHERE uid = ? AND action = ?",
        [[*(e[c] for c in _FILLED), e["uid"], WITHHELD] for e in plan.filled],
    )
    for entity, ident, before, after in plan.logged:
        store.log("merge", entity, ident, before=before, after=after)


#: The columns a withheld event gets back when it is filled in (in the UPDATE's order).
_FILLED = ("at", "reviewer_id", "action", "entity", "entity_id", "before", "after")


def _insert_values(row: Row, cols: list[str], attachments: Mapping[str, bytes | None]) -> list[Any]:
    return [attachments.get(row["id"]) if c == "attachment" else row.get(c) for c in cols]


def _write_factchecks(conn: sqlite3.Connection, write: TableWrite, columns: list[str]) -> None:
    cols = [c for c in columns if c != "id"]
    if write.update:
        sets = ", ".join(f"[{c}] = ?" for c in cols)
        conn.executemany(
            f"UPDATE factchecks SET {sets} WHERE id = ?",
            [[r.get(c) for c in cols] + [r["id"]] for r in write.update],
        )
    if write.insert:
        every = ["id", *cols]
        conn.executemany(
            f"INSERT INTO factchecks ({_cols(every)}) VALUES ({','.join('?' * len(every))})",
            [[r.get(c) for c in every] for r in write.insert],
        )


def rating_scale_name(store: Store) -> str | None:
    """The name of the rating scale the file was created with."""
    import json

    found = store.conn.execute("SELECT value FROM settings WHERE key = 'rating_scale'").fetchone()
    return json.loads(found[0]) if found else None


def kept_id(store: Store, ident: str) -> str:
    """The id ``ident`` is kept under after merging (itself when it was never merged away)."""
    found = store.conn.execute("SELECT new_id FROM merged_ids WHERE old_id = ?", [ident]).fetchone()
    return str(found[0]) if found else ident
