"""Reading the audit log back: every recorded change to one claim or one article.

The ``events`` table is append-only and names each change by entity and id. A claim's history
also holds the changes to its verdicts and their sources; those are found through the ids the
database and the log itself record (a verdict's summary names its claim, a source row or its
event names its verdict), so that a verdict or source deleted since still shows in its claim's
history.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .chain import device_head, heads_digest
from .core import CoreStore

#: The JSON value an event recorded under ``key``, from its ``after`` or else its ``before``
#: (text that is not JSON, never written so, names nothing rather than stopping the query).
_FROM_EVENT = (
    "coalesce(json_extract(CASE WHEN json_valid(after) THEN after END, '$.{key}'),"
    " json_extract(CASE WHEN json_valid(before) THEN before END, '$.{key}'))"
)

#: The ids a thing had before merging found it under two ids (``merged_ids``), and its own.
_ARTICLE_IDS = "SELECT :article UNION SELECT old_id FROM merged_ids WHERE new_id = :article"
_CLAIM_SCOPE = "SELECT :claim AS id UNION SELECT old_id FROM merged_ids WHERE new_id = :claim"
_ARTICLE_SCOPE = f"""
    SELECT id FROM claims WHERE article_id = :article
    UNION SELECT entity_id FROM events
    WHERE entity = 'claim' AND {_FROM_EVENT.format(key="article_id")} IN ({_ARTICLE_IDS})
    UNION SELECT old_id FROM merged_ids WHERE new_id IN (
        SELECT id FROM claims WHERE article_id = :article)
"""

_HISTORY = """
WITH
scope_claims(id) AS ({claims}),
scope_verdicts(id, claim_id, reviewer_id) AS (
    SELECT id, claim_id, reviewer_id FROM verdicts
    WHERE claim_id IN (SELECT id FROM scope_claims)
    UNION
    SELECT entity_id, {verdict_claim}, reviewer_id FROM events
    WHERE entity = 'verdict' AND {verdict_claim} IN (SELECT id FROM scope_claims)
),
scope_sources(id, verdict_id) AS (
    SELECT id, verdict_id FROM sources WHERE verdict_id IN (SELECT id FROM scope_verdicts)
    UNION
    SELECT entity_id, {source_verdict} FROM events
    WHERE entity = 'source' AND {source_verdict} IN (SELECT id FROM scope_verdicts)
),
found AS (
    SELECT e.*, e.entity_id AS claim_id, NULL AS owner_id FROM events e
    WHERE e.entity = 'claim' AND e.entity_id IN (SELECT id FROM scope_claims)
    UNION ALL
    SELECT e.*, v.claim_id, v.reviewer_id FROM events e
    JOIN (SELECT id, claim_id, reviewer_id FROM scope_verdicts GROUP BY id) v
        ON v.id = e.entity_id
    WHERE e.entity = 'verdict'
    UNION ALL
    SELECT e.*, v.claim_id, v.reviewer_id FROM events e
    JOIN (SELECT id, verdict_id FROM scope_sources GROUP BY id) s ON s.id = e.entity_id
    JOIN (SELECT id, claim_id, reviewer_id FROM scope_verdicts GROUP BY id) v
        ON v.id = s.verdict_id
    WHERE e.entity = 'source'
    UNION ALL
    SELECT e.*, {verdict_claim}, NULL FROM events e
    WHERE e.entity = 'final_verdict' AND {verdict_claim} IN (SELECT id FROM scope_claims)
    {article_events}
)
SELECT f.*, r.name AS reviewer, o.name AS owner, c.number AS claim_number
FROM found f
LEFT JOIN reviewers r ON r.id = f.reviewer_id
LEFT JOIN reviewers o ON o.id = f.owner_id
LEFT JOIN claims c ON c.id = f.claim_id
ORDER BY f.id
"""

_ARTICLE_EVENTS = f"""
    UNION ALL
    SELECT e.*, NULL, NULL FROM events e
    WHERE e.entity = 'article' AND e.entity_id IN ({_ARTICLE_IDS})
"""


class HistoryStore(CoreStore):
    """The audit log of a claim or an article, with who did what, oldest first."""

    def claim_events(self, claim_id: str) -> list[dict[str, Any]]:
        """Every change to the claim, its verdicts and their sources.

        Each row has the event's columns (``before`` and ``after`` decoded from JSON) and
        ``reviewer`` (the name of who made the change), ``owner`` (for a verdict or source, the
        reviewer whose verdict it is), ``claim_id`` and ``claim_number``.
        """
        return self._history(_CLAIM_SCOPE, "", {"claim": claim_id})

    def article_events(self, article_id: str) -> list[dict[str, Any]]:
        """Every change to the article itself and to its claims, their verdicts and sources.

        The rows are those of :meth:`claim_events`; the article's own have no ``claim_id``.
        """
        return self._history(_ARTICLE_SCOPE, _ARTICLE_EVENTS, {"article": article_id})

    def claim_record(self, claim_id: str) -> dict[str, Any] | None:
        """The claim as it is, or as its newest event recorded it once it is deleted."""
        found = self.query("SELECT * FROM claims WHERE id = ?", [claim_id])
        if found:
            return found[0]
        for row in self.query(
            "SELECT before, after FROM events WHERE entity = 'claim' AND entity_id = ? "
            "ORDER BY id DESC",
            [claim_id],
        ):
            recorded = _decode(row["after"]) or _decode(row["before"])
            if isinstance(recorded, dict):
                return recorded
        return None

    def chained_events(self) -> Iterator[dict[str, Any]]:
        """Every event with its place in the hash chains (for checking them), oldest first."""
        cursor = self.conn.execute(
            "SELECT uid, device, seq, at, reviewer_id, action, entity, entity_id, before, after,"
            " prev, hash FROM events ORDER BY id"
        )
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(2000):
            for values in batch:
                yield dict(zip(names, values, strict=True))

    def chain_heads(self) -> dict[str, list[str]]:
        """The digests of the newest event of every device's chain (several for a fork)."""
        heads: dict[str, list[str]] = {}
        for row in self.query(
            "SELECT e.device, e.hash FROM events e JOIN (SELECT device, max(seq) AS top"
            " FROM events WHERE device IS NOT NULL GROUP BY device) t"
            " ON e.device = t.device AND e.seq = t.top ORDER BY e.hash"
        ):
            heads.setdefault(row["device"], []).append(row["hash"])
        return heads

    def history_digest(self) -> str:
        """One digest over the newest event of every chain (what a report prints)."""
        return heads_digest(device_head(newest) for newest in self.chain_heads().values())

    def _history(
        self, claims: str, article_events: str, params: dict[str, str]
    ) -> list[dict[str, Any]]:
        sql = _HISTORY.format(
            claims=claims,
            verdict_claim=_FROM_EVENT.format(key="claim_id"),
            source_verdict=_FROM_EVENT.format(key="verdict_id"),
            article_events=article_events,
        )
        found = self.query(sql, params)
        for row in found:
            row["before"] = _decode(row["before"])
            row["after"] = _decode(row["after"])
        return found


def _decode(value: str | None) -> Any:
    """A logged JSON value; text that is not JSON (never written so, but kept) as it is."""
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value
