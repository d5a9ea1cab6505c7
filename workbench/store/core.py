"""The core of the store: transactions, the audit log, settings, articles and claims."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from workbench.model import Article, Claim, ClaimState, RatingScale, new_id, now_iso
from workbench.scales import DEFAULT_SCALE, load_scale

from . import rows
from .backup import write_backup
from .chain import event_digest
from .connection import WriterLock, wrap
from .errors import (
    DatabaseDamagedError,
    DiskFullError,
    InvalidInputError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    damaged_message,
    disk_full_message,
    from_sqlite,
    is_damage,
    is_disk_full,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


class CoreStore:
    """Lifecycle, settings, articles and claims; see :class:`~workbench.store.Store`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        read_only: bool,
        lock: WriterLock | None,
        read_only_reason: str | None = None,
    ):
        self.conn = conn
        self._db: Database | None = None
        self.path = path
        self.read_only = read_only
        #: Why editing is disabled, in words for the window's banner (None when writable).
        self.read_only_reason = (read_only_reason or "opened read-only") if read_only else None
        self._lock = lock
        self._device: str | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """sqlite-utils over the connection: every write and schema change goes through it.

        Reads are plain SQL on :attr:`conn`; sqlite-utils, slow to import, loads on first use.
        """
        return self.prepare_writes()

    def prepare_writes(self, *, without_numpy: bool = False) -> Database:
        """Load what the first write needs now, so that it does not wait (see :func:`wrap`)."""
        if self._db is None:
            self._db = wrap(self.conn, without_numpy=without_numpy)
        return self._db

    def close(self) -> None:
        """Close the connection and release the writer lock."""
        try:
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def display_name(self) -> str:
        """The file name shown to people."""
        return self.path.name if self.path else "in-memory database"

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction: everything inside is written, or nothing is."""
        if self.read_only:
            raise ReadOnlyError(
                f"“{self.display_name}” is open read-only ({self.read_only_reason}); nothing was changed."
            )
        outermost = not self.conn.in_transaction
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError as exc:
            raise InvalidInputError(f"That change was refused by the database ({exc}).") from exc
        except sqlite3.OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFullError(disk_full_message(self.display_name)) from exc
            raise StoreError(f"Could not save to “{self.display_name}”: {exc}.") from exc
        except sqlite3.DatabaseError as exc:
            raise DatabaseDamagedError(
                f"“{self.display_name}” is damaged; nothing was saved ({exc}).", self.path
            ) from exc
        if outermost:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, as far as readers allow, without waiting.

        Until then a saved edit lives only in the "-wal" file beside the database: a sync tool
        or a clean-up that deletes it would take every edit since the file was opened. PASSIVE
        never blocks a reader or the window; what a reader still needs is folded next time.
        """
        if self.path is None or self.read_only:
            return
        # The edit itself is saved (in the log) either way; folding is retried after the next.
        with suppress(sqlite3.OperationalError):
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def backup(self, dest: str | Path) -> Path:
        """Write a consistent, checked copy of the database to ``dest`` (which must not exist)."""
        return write_backup(self.conn, Path(dest))

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """The rows a query returns, as dicts keyed by column name."""
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                raise DatabaseDamagedError(damaged_message(self.display_name), self.path) from exc
            mapped = from_sqlite(exc, self.path)
            if mapped is None or type(mapped) is StoreError:
                raise  # a mistake in the query itself: a bug, not the file's fault
            raise mapped from exc

    def last_event(self) -> tuple[int, str] | None:
        """The id and time of the newest audit-log row: it changes with every saved edit."""
        found = self.query("SELECT id, at FROM events ORDER BY id DESC LIMIT 1")
        return (found[0]["id"], found[0]["at"]) if found else None

    def ever_held_articles(self) -> bool:
        """True when an article was ever imported here (even if deleted since)."""
        return bool(self.query("SELECT 1 FROM events WHERE entity = 'article' LIMIT 1"))

    def log(
        self,
        action: str,
        entity: str,
        entity_id: str,
        *,
        before: object = None,
        after: object = None,
        reviewer_id: str | None = None,
    ) -> None:
        """Append one row to the audit log (call inside :meth:`write`)."""
        if entity == "source":
            before, after = self._name_verdict(entity_id, before, after)
        device = self.device_id
        last = self.query(
            "SELECT seq, hash FROM events WHERE device = ? ORDER BY seq DESC LIMIT 1", [device]
        )
        event = {
            "uid": new_id(),
            "device": device,
            "seq": last[0]["seq"] + 1 if last else 1,
            "at": now_iso(),
            "reviewer_id": reviewer_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": None if before is None else rows.dump(before),
            "after": None if after is None else rows.dump(after),
            "prev": last[0]["hash"] if last else "",
        }
        event["hash"] = event_digest(event)
        self.db.table("events").insert(event)

    @property
    def device_id(self) -> str:
        """This file's own id in the history's hash chains (made when the file was created)."""
        if self._device is None:
            found = self.query("SELECT id FROM device LIMIT 1")
            if not found:
                raise DatabaseDamagedError(damaged_message(self.display_name), self.path)
            self._device = str(found[0]["id"])
        return self._device

    def _name_verdict(self, source_id: str, *recorded: object) -> tuple[object, object]:
        """``before`` and ``after`` of a source's event, each naming the source's verdict.

        A source's own record does not name its verdict; the history of a claim needs it to
        show a source removed since. Looked up in the table, or (once removed) in its events.
        """
        found = self.query("SELECT verdict_id FROM sources WHERE id = ?", [source_id]) or [
            {"verdict_id": r["v"]}
            for r in self.query(
                "SELECT json_extract(CASE WHEN json_valid(after) THEN after END, '$.verdict_id')"
                " AS v FROM events "
                "WHERE entity = 'source' AND entity_id = ? AND v IS NOT NULL "
                "ORDER BY id DESC LIMIT 1",
                [source_id],
            )
        ]
        if not found:
            return recorded[0], recorded[1]
        verdict = found[0]["verdict_id"]
        named = [
            {**r, "verdict_id": r.get("verdict_id") or verdict} if isinstance(r, dict) else r
            for r in recorded
        ]
        return named[0], named[1]

    def _one(self, table: str, ident: str, what: str) -> dict[str, Any]:
        found = self.query(f"SELECT * FROM [{table}] WHERE id = ? LIMIT 1", [ident])
        if not found:
            raise NotFoundError(f"There is no {what} with id {ident}.")
        return found[0]

    def resolve_id(self, table: str, ref: str, what: str) -> str:
        """Turn a full id or a unique id prefix (at least 4 characters) into the full id."""
        ref = ref.strip()
        if len(ref) < 4:
            a = "an" if what[:1] in "aeiou" else "a"
            raise NotFoundError(
                f"“{ref}” is too short to name {a} {what}; give at least 4 characters."
            )
        found = [
            r["id"]
            for r in self.query(f"SELECT id FROM [{table}] WHERE id LIKE ? LIMIT 2", [ref + "%"])
        ]
        if not found:
            raise NotFoundError(f"There is no {what} whose id starts with “{ref}”.")
        if len(found) > 1:
            raise NotFoundError(
                f"More than one {what} id starts with “{ref}”; give more characters."
            )
        return found[0]

    # -- settings --------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        """A per-database setting (JSON value)."""
        found = self.query("SELECT value FROM settings WHERE key = ?", [key])
        return json.loads(found[0]["value"]) if found else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a per-database setting."""
        before = self.get_setting(key)
        with self.write() as db:
            db.table("settings").upsert({"key": key, "value": rows.dump(value)}, pk="key")
            self.log("set", "setting", key, before=before, after=value)

    def get_article_setting(self, article_id: str, name: str, default: Any = None) -> Any:
        """A setting that belongs to one article (JSON value), such as what claim finding left out."""
        return self.get_setting(_article_key(article_id, name), default)

    def set_article_setting(self, article_id: str, name: str, value: Any) -> None:
        """Store a setting of one article; None removes it. It goes when the article is deleted."""
        key = _article_key(article_id, name)
        if value is not None:
            self.set_setting(key, value)
            return
        before = self.get_setting(key)
        if before is None:
            return
        with self.write() as db:
            db.table("settings").delete_where("key = ?", [key])
            self.log("set", "setting", key, before=before, after=None)

    def rating_scale(self) -> RatingScale:
        """The rating scale this database was created with."""
        return load_scale(self.get_setting("rating_scale", DEFAULT_SCALE))

    # -- articles --------------------------------------------------------------------------
    def add_article(self, article: Article, claims: list[Claim] | None = None) -> Article:
        """Save an article (and, in the same transaction, its extracted claims)."""
        if not article.text.strip():
            raise InvalidInputError("The article has no text; nothing was saved.")
        _check_blocks(article)
        claims = claims or []
        for claim in claims:
            claim.article_id = article.id
            _check_span(article.text, claim)
        _number(claims, 0)
        with self.write() as db:
            db.table("articles").insert(rows.article_to_row(article))
            self.log(
                "import",
                "article",
                article.id,
                after={"title": article.title, "source": article.source_name},
            )
            if claims:
                db.table("claims").insert_all(rows.claim_to_row(c) for c in claims)
                self._note_numbers(article.id, claims)
                self.log("extract", "article", article.id, after={"claims": len(claims)})
        return article

    def get_article(self, article_id: str) -> Article:
        """One article by id."""
        return rows.row_to_article(self._one("articles", article_id, "article"))

    def find_article_by_sha256(self, sha256: str) -> Article | None:
        """The article imported from a file with this SHA-256, if any."""
        found = self.query("SELECT * FROM articles WHERE source_sha256 = ? LIMIT 1", [sha256])
        return rows.row_to_article(found[0]) if found else None

    def list_articles(self) -> list[dict[str, Any]]:
        """Articles, newest first, with claim counts (no article text)."""
        return self.query(
            """
            SELECT a.id, a.title, a.outlet, a.author, a.published, a.url, a.source_name,
                   a.imported_at,
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,
                   (SELECT count(*) FROM claims c WHERE c.article_id = a.id
                      AND c.state = 'open') AS open_claims,
                   (SELECT count(DISTINCT v.claim_id) FROM verdicts v
                      JOIN claims c ON c.id = v.claim_id
                      WHERE c.article_id = a.id AND v.rating IS NOT NULL) AS reviewed
            FROM articles a ORDER BY a.imported_at DESC, a.rowid DESC
            """
        )

    def update_article(
        self,
        article_id: str,
        *,
        reviewer_id: str | None = None,
        as_stored: bool = False,
        **fields: Any,
    ) -> Article:
        """Correct an article's details (see :mod:`.article_fields`); all or nothing, logged.

        ``as_stored`` puts back values exactly as they were stored (undo): a date an import kept
        as it found it ("July 2015") is not a date a reviewer may type, yet it must come back.
        """
        from .article_fields import EDITABLE, checked

        if as_stored:
            unknown = set(fields) - set(EDITABLE)
            if unknown:
                raise InvalidInputError(f"An article has no field {', '.join(sorted(unknown))}.")
            changes = dict(fields)
        else:
            changes = checked(fields)
        before = self.get_article(article_id)
        changed = {k: v for k, v in changes.items() if getattr(before, k) != v}
        if not changed:
            return before
        with self.write() as db:
            db.table("articles").update(article_id, changed)
            self.log(
                "edit",
                "article",
                article_id,
                before={k: getattr(before, k) for k in changed},
                after=changed,
                reviewer_id=reviewer_id,
            )
        return self.get_article(article_id)

    def delete_article(self, article_id: str) -> None:
        """Delete an article with its claims, verdicts and sources."""
        article = self.get_article(article_id)
        with self.write() as db:
            db.table("articles").delete(article_id)
            # The article's own settings go with it; an exact prefix (not LIKE) matches no other.
            prefix = _article_key(article_id, "")
            db.table("settings").delete_where("substr(key, 1, ?) = ?", [len(prefix), prefix])
            self.log("delete", "article", article_id, before={"title": article.title})

    # -- claims ----------------------------------------------------------------------------
    def add_claims(
        self, article_id: str, claims: list[Claim], *, reviewer_id: str | None = None
    ) -> list[Claim]:
        """Add claims to an article in one transaction."""
        text = self.get_article(article_id).text
        for claim in claims:
            claim.article_id = article_id
            _check_span(text, claim)
        with self.write() as db:
            found = self.query("SELECT last FROM claim_numbers WHERE article_id = ?", [article_id])
            _number(claims, found[0]["last"] if found else 0)
            db.table("claims").insert_all(rows.claim_to_row(c) for c in claims)
            self._note_numbers(article_id, claims)
            for claim in claims:
                self.log("add", "claim", claim.id, after=claim.to_dict(), reviewer_id=reviewer_id)
        return claims

    def _note_numbers(self, article_id: str, claims: list[Claim]) -> None:
        """Raise the article's highest claim number to cover ``claims`` (inside a write)."""
        top = max((c.number or 0 for c in claims), default=0)
        self.db.execute(
            """
            INSERT INTO claim_numbers (article_id, last) VALUES (?, ?)
            ON CONFLICT (article_id) DO UPDATE SET last = max(last, excluded.last)
            """,
            [article_id, top],
        )

    def get_claim(self, claim_id: str) -> Claim:
        """One claim by id."""
        return rows.row_to_claim(self._one("claims", claim_id, "claim"))

    def update_claim(
        self,
        claim_id: str,
        *,
        reviewer_id: str | None = None,
        **changes: Any,
    ) -> Claim:
        """Change a claim's record (wording, claimant, when and where, kind) or span."""
        allowed = {"claim", "speaker", "kind", "start", "end", "state", *_RECORD_FIELDS}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInputError(f"A claim has no field {', '.join(sorted(unknown))}.")
        before = self.get_claim(claim_id)
        after = rows.row_to_claim(rows.claim_to_row(before))
        for key, value in changes.items():
            setattr(after, key, value)
        if "start" in changes or "end" in changes:
            text = self.get_article(before.article_id).text
            if not (0 <= after.start < after.end <= len(text)):
                raise InvalidInputError("That span lies outside the article; nothing was changed.")
            after.quote = text[after.start : after.end]
            _check_span(text, after)
        if not after.claim.strip():
            raise InvalidInputError("A claim's wording cannot be empty; nothing was changed.")
        row = rows.claim_to_row(after)
        with self.write() as db:
            db.table("claims").update(
                claim_id,
                {k: row[k] for k in (*_CLAIM_FIELDS, *_RECORD_FIELDS)},
            )
            self.log(
                "update",
                "claim",
                claim_id,
                before=before.to_dict(),
                after=after.to_dict(),
                reviewer_id=reviewer_id,
            )
        return after

    def dismiss_claim(
        self, claim_id: str, *, reviewer_id: str | None = None, reason: str | None = None
    ) -> Claim:
        """Mark a claim as not worth checking (it stays in the file and can be undismissed).

        The claim records who dismissed it and, when given, why.
        """
        return self.update_claim(
            claim_id,
            state=ClaimState.DISMISSED,
            dismissed_by=reviewer_id,
            dismissed_reason=(reason or "").strip() or None,
            reviewer_id=reviewer_id,
        )

    def undismiss_claim(self, claim_id: str, *, reviewer_id: str | None = None) -> Claim:
        """Undo a dismissal."""
        return self.update_claim(
            claim_id,
            state=ClaimState.OPEN,
            dismissed_by=None,
            dismissed_reason=None,
            reviewer_id=reviewer_id,
        )

    def find_span(self, article_id: str, quote: str) -> tuple[int, int]:
        """The offsets of ``quote`` in the article; it must occur exactly once."""
        quote = quote.strip()
        if not quote:
            raise InvalidInputError(
                "Give the exact text of the claim as it appears in the article."
            )
        text = self.get_article(article_id).text
        first = text.find(quote)
        if first < 0:
            raise InvalidInputError(
                f"“{_short(quote)}” does not appear in the article; copy it exactly."
            )
        if text.find(quote, first + 1) >= 0:
            raise InvalidInputError(
                f"“{_short(quote)}” appears more than once in the article; quote more of the sentence so it is unique."
            )
        return first, first + len(quote)


_CLAIM_FIELDS = ("claim", "speaker", "kind", "start", "end", "quote", "state")
#: The claim record's fields beyond wording, speaker and kind (see ``Claim``).
_RECORD_FIELDS = (
    "claimant_type",
    "said_on",
    "said_where",
    "guess",
    "dismissed_by",
    "dismissed_reason",
)


def _number(claims: list[Claim], last: int) -> None:
    """Give claims without a number the next free numbers after ``last``, in article order."""
    fresh = sorted((c for c in claims if c.number is None), key=lambda c: (c.start, c.end))
    for n, claim in enumerate(fresh, last + 1):
        claim.number = n


def _article_key(article_id: str, name: str) -> str:
    # Per-article settings live in the settings table under the article's id: no schema
    # change, and they travel with the file like every other setting.
    return f"article:{article_id}:{name}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_span(text: str, claim: Claim) -> None:
    if (
        not (0 <= claim.start < claim.end <= len(text))
        or text[claim.start : claim.end] != claim.quote
    ):
        raise InvalidInputError(
            f"The claim “{_short(claim.quote)}” is not anchored at its place in the article; nothing was saved."
        )


def _check_blocks(article: Article) -> None:
    for block in article.blocks:
        if not (0 <= block.start <= block.end <= len(article.text)):
            raise InvalidInputError("The article's blocks do not fit its text; nothing was saved.")
