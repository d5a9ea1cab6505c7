"""The library of fact-checks: imported ones and the team's own verdicts, with their vectors.

The team's verdicts are rows with origin ``team``, one per claim (key ``team:<claim id>``),
kept in step with the verdicts by :meth:`FactCheckStore.sync_team_factchecks`, which the
services call before they list or match. Rows rather than a union at query time, because
matching needs every library entry in the word index and with a stored vector: a union would
need a second index and a second vector store kept in step anyway. The sync costs one indexed
look-up when nothing changed (the newest audit-log row is remembered), and rewrites only rows
that differ. A draft (no rating) or a dismissed claim has no row. One row per claim, with the
newest rating: a match answers "has this claim been checked, and how was it rated?", and two
reviewers' rows for the same claim would fill the best matches with one claim twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from workbench.model import new_id, now_iso

from .core import CoreStore
from .schema import FACTCHECK_WORDS

if TYPE_CHECKING:
    import numpy as np

#: The fields a caller gives for each fact-check, as stored.
FACTCHECK_FIELDS = (
    "claim",
    "title",
    "claimant",
    "claimant_type",
    "rating",
    "rating_value",
    "rating_best",
    "rating_worst",
    "publisher",
    "published",
    "url",
    "language",
    "review_date",
)
#: Columns a library view shows (no vector: it is large and only matching reads it).
SHOWN = "id, origin, " + ", ".join(FACTCHECK_FIELDS) + ", source_name, claim_id, added_at"
#: Words left out of a matching query: they match nearly every fact-check.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "rt",
        "via",
        "amp",
    ]
)
#: Words of a query kept for matching: a pasted article paragraph must not make a huge query.
MAX_QUERY_WORDS = 64

# A claim's team row carries its editor's final verdict when it has one, else the newest rating.
_TEAM_SQL = """
    WITH rated AS (
        SELECT v.claim_id, v.rating, v.rating_value, v.updated_at, r.name AS reviewer,
               1 AS rank, v.id
        FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id
        WHERE v.rating IS NOT NULL
        UNION ALL
        SELECT f.claim_id, f.rating, f.rating_value, f.updated_at,
               coalesce(r.name, 'an editor'), 0, f.id
        FROM final_verdicts f LEFT JOIN reviewers r ON r.id = f.editor_id
    ),
    newest AS (
        SELECT claim_id, rating, rating_value, updated_at, reviewer,
               row_number() OVER (
                   PARTITION BY claim_id ORDER BY rank, updated_at DESC, id
               ) AS n
        FROM rated
    )
    SELECT c.id AS claim_id, c.claim, c.speaker AS claimant, c.claimant_type,
           n.rating, n.rating_value, n.reviewer AS publisher, n.updated_at AS review_date,
           a.url, a.language
    FROM newest n JOIN claims c ON c.id = n.claim_id JOIN articles a ON a.id = c.article_id
    WHERE n.n = 1 AND c.state = 'open'
"""


#: With ``common``, :meth:`FactCheckStore.lexical_matches` keeps at least this many words.
MIN_QUERY_WORDS = 3
#: ...and leaves common words out only from a library of this many fact-checks.
MIN_LIBRARY_FOR_COMMON = 1000


def query_words(text: str) -> list[str]:
    """The distinct words of ``text`` a word search looks for: runs of letters and digits,
    stop words left out, at most :data:`MAX_QUERY_WORDS`."""
    words: list[str] = []
    for word in _words(text):
        if word not in STOP_WORDS and word not in words:
            words.append(word)
        if len(words) >= MAX_QUERY_WORDS:
            break
    return words


def word_query(text: str, words: list[str] | None = None) -> str | None:
    """A safe FTS5 query for the words of ``text`` (or ``words``): each quoted, joined by OR.

    Nothing the user typed becomes FTS syntax (``NEAR(``, ``*``, ``"``, ``-``, column names):
    the text is cut into runs of letters and digits, stop words are dropped, each word is a
    quoted string. None when no word is left.
    """
    words = query_words(text) if words is None else words
    return " OR ".join(f'"{w}"' for w in words) or None


def _words(text: str) -> Iterable[str]:
    token: list[str] = []
    for ch in text.casefold() + " ":
        if ch.isalnum():
            token.append(ch)
        elif token:
            yield "".join(token)
            token = []


class FactCheckStore(CoreStore):
    """Library operations of :class:`~workbench.store.Store`."""

    #: The newest audit-log row when the team's rows were last brought in step.
    _team_synced_at: int | None = None
    #: How many fact-checks hold each indexed word (stem), with the library's generation and size.
    _word_counts: tuple[tuple[int, int], dict[str, int], int] | None = None
    #: Writes to the library through this connection (see :meth:`library_generation`).
    _library_writes: int = 0

    def imported_factchecks_at(self, urls: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The imported fact-checks published at ``urls`` (one per address, the newest review)."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(urls), 500):
            chunk = list(urls[start : start + 500])
            for row in self.query(
                "SELECT url, claim, rating, publisher, published, review_date FROM factchecks"
                f" WHERE origin = 'import' AND url IN ({','.join('?' * len(chunk))})"
                " ORDER BY coalesce(review_date, published, '')",
                chunk,
            ):
                found[row["url"]] = row
        return found

    # -- writing ---------------------------------------------------------------------------
    def upsert_factchecks(
        self, records: Sequence[Mapping[str, Any]], *, source_name: str | None = None
    ) -> dict[str, int]:
        """Store a batch of imported fact-checks in one transaction; counts added/updated/unchanged.

        Each record holds :data:`FACTCHECK_FIELDS` and ``key``. A key already stored is updated
        only when the incoming review is newer (its ``review_date``); the vector goes when the
        claim's wording or the headline changes (both are encoded), to be computed again. Not
        written to the history of changes: a feed of 100,000 fact-checks is not an edit of the
        team's work.
        """
        newest: dict[str, Mapping[str, Any]] = {}
        for record in records:
            held = newest.get(record["key"])
            if held is None or _newer(record.get("review_date"), held.get("review_date")):
                newest[record["key"]] = record
        counts = {"added": 0, "updated": 0, "unchanged": len(records) - len(newest)}
        if not newest:
            return counts
        marks = ",".join("?" * len(newest))
        stored = {
            r[0]: r[1:]
            for r in self.conn.execute(
                f"SELECT key, id, review_date, claim, title, origin FROM factchecks"
                f" WHERE key IN ({marks})",
                list(newest),
            )
        }
        now = now_iso()
        inserts, updates = [], []
        for key, record in newest.items():
            values = [record.get(f) for f in FACTCHECK_FIELDS]
            if key not in stored:
                inserts.append([new_id(), *values, "import", source_name, key, now, now])
                continue
            fid, held_date, held_claim, held_title, origin = stored[key]
            if origin != "import" or not _newer(record.get("review_date"), held_date):
                counts["unchanged"] += 1
                continue
            same_text = held_claim == record.get("claim") and held_title == record.get("title")
            keep = 1 if same_text else 0
            updates.append([*values, source_name, now, keep, keep, fid])
        counts["added"], counts["updated"] = len(inserts), len(updates)
        columns = ", ".join(FACTCHECK_FIELDS)
        settings = ", ".join(f"{f} = ?" for f in FACTCHECK_FIELDS)
        with self.write():
            self.conn.executemany(
                f"INSERT INTO factchecks (id, {columns}, origin, source_name, key, added_at,"
                f" updated_at) VALUES ({','.join('?' * (len(FACTCHECK_FIELDS) + 6))})",
                inserts,
            )
            self.conn.executemany(
                f"UPDATE factchecks SET {settings}, source_name = ?, updated_at = ?,"
                " vector = CASE WHEN ? THEN vector END,"
                " vector_model = CASE WHEN ? THEN vector_model END WHERE id = ?",
                updates,
            )
        self._library_writes += 1
        return counts

    def sync_team_factchecks(self) -> bool:
        """Bring the team's rows in step with the rated verdicts; True when anything changed.

        Cheap when nothing was saved since the last call (one look-up of the newest event).
        A read-only database is not changed: its team rows are as last written.
        """
        found = self.conn.execute("SELECT max(id) FROM events").fetchone()
        last = found[0] if found else None
        if self.read_only or (last is not None and last == self._team_synced_at):
            return False
        wanted = {r["claim_id"]: r for r in self.query(_TEAM_SQL)}
        held = {
            r["claim_id"]: r
            for r in self.query(
                f"SELECT id, claim_id, {', '.join(FACTCHECK_FIELDS)} FROM factchecks"
                " WHERE origin = 'team'"
            )
        }
        scale = self.rating_scale()
        fixed = {"rating_best": float(scale.best), "rating_worst": float(scale.worst)}
        gone = [held[c]["id"] for c in held.keys() - wanted.keys()]
        changed = []
        for claim_id, row in wanted.items():
            record = {**row, **fixed, "published": (row["review_date"] or "")[:10] or None}
            before = held.get(claim_id)
            if before is None or any(record.get(f) != before.get(f) for f in FACTCHECK_FIELDS):
                changed.append((claim_id, record, before))
        if gone or changed:
            now = now_iso()
            with self.write():
                self.conn.executemany("DELETE FROM factchecks WHERE id = ?", [[g] for g in gone])
                for claim_id, record, before in changed:
                    self._write_team_row(claim_id, record, before, now)
            self._library_writes += 1
        self._team_synced_at = last
        return bool(gone or changed)

    def _write_team_row(
        self, claim_id: str, record: Mapping[str, Any], before: Mapping[str, Any] | None, now: str
    ) -> None:
        values = [record.get(f) for f in FACTCHECK_FIELDS]
        if before is None:
            self.conn.execute(
                f"INSERT INTO factchecks (id, {', '.join(FACTCHECK_FIELDS)}, origin, claim_id,"
                f" key, added_at, updated_at) VALUES ({','.join('?' * (len(values) + 6))})",
                [new_id(), *values, "team", claim_id, f"team:{claim_id}", now, now],
            )
            return
        same_text = before["claim"] == record["claim"] and before["title"] == record.get("title")
        keep_vector = 1 if same_text else 0
        self.conn.execute(
            f"UPDATE factchecks SET {', '.join(f'{f} = ?' for f in FACTCHECK_FIELDS)},"
            " updated_at = ?, vector = CASE WHEN ? THEN vector END,"
            " vector_model = CASE WHEN ? THEN vector_model END WHERE id = ?",
            [*values, now, keep_vector, keep_vector, before["id"]],
        )

    def set_factcheck_vectors(self, vectors: Sequence[tuple[str, bytes]], model: str) -> None:
        """Store encoder vectors (float16 little-endian bytes) for fact-checks, in one transaction."""
        with self.write():
            self.conn.executemany(
                "UPDATE factchecks SET vector = ?, vector_model = ? WHERE id = ?",
                [(sqlite3.Binary(blob), model, fid) for fid, blob in vectors],
            )
        self._library_writes += 1

    # -- reading ---------------------------------------------------------------------------
    def _rare_words(self, words: list[str], common: float) -> list[str]:
        """``words`` without those in more than ``common`` of the library's fact-checks.

        A small library keeps every word: there a word search costs little, and a share of a
        few dozen items would call any word common.
        """
        counts, total = self._indexed_word_counts()
        if total < MIN_LIBRARY_FOR_COMMON:
            return words
        found = [counts.get(stem, 0) for stem in self._stems(words)]
        kept = [w for w, n in zip(words, found, strict=True) if n <= common * total]
        if len([w for w, n in zip(words, found, strict=True) if 0 < n <= common * total]) >= (
            MIN_QUERY_WORDS
        ):
            return kept
        # Too few rare words: the rarest words the library holds at all.
        present = sorted((n, i) for i, n in enumerate(found) if n > 0)[:MIN_QUERY_WORDS]
        return [words[i] for i in sorted(i for _, i in present)] or words

    def _indexed_word_counts(self) -> tuple[dict[str, int], int]:
        generation = self.library_generation()
        cached = self._word_counts
        if cached is None or cached[0] != generation:
            self._temporary_word_tables()
            counts = dict(self.conn.execute("SELECT term, doc FROM temp.factchecks_vocab"))
            total = int(self.conn.execute("SELECT count(*) FROM factchecks").fetchone()[0])
            self._word_counts = cached = (generation, counts, total)
        return cached[1], cached[2]

    def _stems(self, words: list[str]) -> list[str]:
        """Each word as the library's word index stores it (SQLite's own Porter stemmer)."""
        self._temporary_word_tables()
        began = not self.conn.in_transaction
        try:
            self.conn.execute("DELETE FROM temp.query_words")
            self.conn.executemany(
                "INSERT INTO temp.query_words (rowid, word) VALUES (?, ?)",
                list(enumerate(words, 1)),
            )
            found: dict[int, str] = {}
            for term, doc in self.conn.execute("SELECT term, doc FROM temp.query_words_vocab"):
                found.setdefault(doc, term)
        finally:
            # Temporary tables only: never leave a transaction open on the connection.
            if began and self.conn.in_transaction:
                self.conn.commit()
        return [found.get(n, "") for n in range(1, len(words) + 1)]

    def _temporary_word_tables(self) -> None:
        """This connection's own tables for counting words (temporary: the file is untouched)."""
        for statement in (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.factchecks_vocab"
            f" USING fts5vocab(main, {FACTCHECK_WORDS}, 'row')",
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words"
            " USING fts5(word, tokenize='porter unicode61')",
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words_vocab"
            " USING fts5vocab(temp, query_words, 'instance')",
        ):
            self.conn.execute(statement)

    def library_generation(self) -> tuple[int, int]:
        """Changes when the library may have changed: this connection's writes, or any commit
        by another connection (SQLite's data version). A cache of vectors compares it.
        """
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return (self._library_writes, int(version))

    def factcheck_counts(self) -> dict[str, int]:
        """How many fact-checks per origin (``import``, ``team``), both always present."""
        counts = {"import": 0, "team": 0}
        for row in self.conn.execute("SELECT origin, count(*) FROM factchecks GROUP BY origin"):
            counts[row[0]] = row[1]
        return counts

    def get_factchecks(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The fact-checks with these ids, in the order given (unknown ids left out)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {
            r["id"]: r
            for r in self.query(f"SELECT {SHOWN} FROM factchecks WHERE id IN ({marks})", list(ids))
        }
        return [found[i] for i in ids if i in found]

    def list_factchecks(
        self,
        *,
        text: str | None = None,
        publisher: str | None = None,
        rating: str | None = None,
        origin: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of the library, newest first, and how many match in all.

        ``text`` must match every word, each in the headline or the claim (word index, any word
        form); ``publisher``
        and ``rating`` match ignoring case; ``origin`` is ``import`` or ``team``.
        """
        where, params = ["1"], []
        if text and text.strip():
            words = [w for w in _words(text)]
            if words:
                query = " AND ".join(f'"{w}"' for w in words[:MAX_QUERY_WORDS])
                where.append(
                    f"rowid IN (SELECT rowid FROM {FACTCHECK_WORDS} WHERE {FACTCHECK_WORDS} MATCH ?)"
                )
                params.append(query)
        for column, value in (("publisher", publisher), ("rating", rating)):
            if value and value.strip():
                where.append(f"{column} = ? COLLATE NOCASE")
                params.append(value.strip())
        if origin:
            where.append("origin = ?")
            params.append(origin)
        condition = " AND ".join(where)
        total = self.conn.execute(
            f"SELECT count(*) FROM factchecks WHERE {condition}", params
        ).fetchone()[0]
        page = self.query(
            f"SELECT {SHOWN} FROM factchecks WHERE {condition}"
            " ORDER BY coalesce(published, '') DESC, rowid DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return page, int(total)

    def lexical_matches(
        self, text: str, k: int = 100, *, common: float | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` fact-checks whose headline and claim best match the words of ``text`` (BM25),
        best first.

        Scores are SQLite's BM25 turned positive: higher is better, not bounded. ``common``
        leaves out the query's words found in more than that share of the library (keeping
        the :data:`MIN_QUERY_WORDS` rarest at least): they cost the most to rank and, beside
        the encoder, tell the least.
        """
        words = query_words(text)
        if common is not None and len(words) > MIN_QUERY_WORDS:
            words = self._rare_words(words, common)
        query = word_query(text, words)
        if query is None:
            return []
        rows = self.conn.execute(
            f"SELECT f.id, -m.rank FROM (SELECT rowid, rank FROM {FACTCHECK_WORDS}"
            f" WHERE {FACTCHECK_WORDS} MATCH ? ORDER BY rank LIMIT ?) AS m"
            " JOIN factchecks f ON f.rowid = m.rowid ORDER BY m.rank",
            [query, k],
        ).fetchall()
        return [(r[0], float(r[1])) for r in rows]

    def factchecks_without_vectors(
        self, model: str, limit: int = 1000
    ) -> list[tuple[str, str | None, str]]:
        """Up to ``limit`` (id, title, claim) rows with no vector from ``model`` yet."""
        rows = self.conn.execute(
            "SELECT id, title, claim FROM factchecks WHERE vector IS NULL OR vector_model IS NOT ?"
            " LIMIT ?",
            [model, limit],
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def factcheck_vectors(self, model: str) -> tuple[list[str], np.ndarray]:
        """Every stored vector of ``model``: the ids and one float16 matrix (a row per id)."""
        import numpy as np

        ids: list[str] = []
        blobs: list[bytes] = []
        for fid, blob in self.conn.execute(
            "SELECT id, vector FROM factchecks WHERE vector IS NOT NULL AND vector_model = ?",
            [model],
        ):
            ids.append(fid)
            blobs.append(blob)
        if not blobs:
            return ids, np.zeros((0, 0), dtype="<f2")
        matrix = np.frombuffer(b"".join(blobs), dtype="<f2").reshape(len(blobs), -1)
        return ids, matrix


def _newer(incoming: str | None, held: str | None) -> bool:
    """Whether a review dated ``incoming`` replaces one dated ``held`` (an undated one never does)."""
    return bool(incoming) and (not held or str(incoming) > str(held))
