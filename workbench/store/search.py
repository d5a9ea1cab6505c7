"""Full-text search over article text, claims, rationales and source quotes."""

from __future__ import annotations

from dataclasses import dataclass

from .core import CoreStore

#: The trigram index finds any substring of three characters or more.
MIN_QUERY_LENGTH = 3


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: which kind of thing, its id, the article it belongs to and a snippet."""

    entity: str
    id: str
    article_id: str
    title: str
    snippet: str


_QUERIES = {
    "article": """
        SELECT a.id, a.id AS article_id, a.title,
               snippet(articles_fts, -1, '[', ']', '…', 40) AS snippet
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit""",
    "claim": """
        SELECT c.id, c.article_id, a.title,
               snippet(claims_fts, -1, '[', ']', '…', 40) AS snippet
        FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
        JOIN articles a ON a.id = c.article_id
        WHERE claims_fts MATCH :q ORDER BY rank LIMIT :limit""",
    "verdict": """
        SELECT v.id, c.article_id, a.title,
               snippet(verdicts_fts, -1, '[', ']', '…', 40) AS snippet
        FROM verdicts_fts JOIN verdicts v ON v.rowid = verdicts_fts.rowid
        JOIN claims c ON c.id = v.claim_id JOIN articles a ON a.id = c.article_id
        WHERE verdicts_fts MATCH :q ORDER BY rank LIMIT :limit""",
    "source": """
        SELECT s.id, c.article_id, a.title,
               snippet(sources_fts, -1, '[', ']', '…', 40) AS snippet
        FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid
        JOIN verdicts v ON v.id = s.verdict_id JOIN claims c ON c.id = v.claim_id
        JOIN articles a ON a.id = c.article_id
        WHERE sources_fts MATCH :q ORDER BY rank LIMIT :limit""",
}


class SearchMixin(CoreStore):
    """The search operation of :class:`~workbench.store.Store`."""

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Articles, claims, rationales and sources containing ``text`` (any substring of 3+ characters)."""
        words = [w for w in text.split() if len(w) >= MIN_QUERY_LENGTH]
        if not words:
            return []
        # Each word is quoted so punctuation in it is matched literally, never parsed as syntax.
        query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        hits: list[SearchHit] = []
        for entity, sql in _QUERIES.items():
            for row in self.query(sql, {"q": query, "limit": limit}):
                hits.append(
                    SearchHit(entity, row["id"], row["article_id"], row["title"], row["snippet"])
                )
        return hits
