"""Full-text search over article text, claims, rationales, source quotes and the fact-check library."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .core import CoreStore

#: The trigram index finds any substring of three characters or more.
MIN_QUERY_LENGTH = 3
#: Characters of context shown on each side of the first match in an article.
SNIPPET_CONTEXT = 60


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: which kind of thing, its id, the article it belongs to and a snippet."""

    entity: str
    id: str
    article_id: str
    title: str
    snippet: str


_QUERIES = {
    # No snippet() here: FTS5 would tokenize the whole article for it, which takes minutes on
    # a book-length text; the snippet is cut from the text around the match instead.
    "article": """
        SELECT a.id, a.id AS article_id, a.title, a.text AS snippet
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
#: Imported fact-checks of the library, searched by whole words (their index is a word index);
#: the team's own verdicts are found above, as claims and rationales. No article: ''.
_LIBRARY_QUERY = """
    SELECT f.id, '' AS article_id,
           trim(coalesce(f.publisher, '') || ' · ' || coalesce(f.rating, ''), ' ·') AS title,
           snippet(factchecks_words, -1, '[', ']', '…', 40) AS snippet
    FROM factchecks_words JOIN factchecks f ON f.rowid = factchecks_words.rowid
    WHERE factchecks_words MATCH :q AND f.origin = 'import' ORDER BY rank LIMIT :limit"""
#: The entity name of a library hit.
LIBRARY_ENTITY = "fact-check"


class SearchMixin(CoreStore):
    """The search operation of :class:`~workbench.store.Store`."""

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Articles, claims, rationales and sources containing ``text`` (any substring of 3+
        characters), then imported fact-checks of the library holding its words."""
        words = [w for w in text.split() if len(w) >= MIN_QUERY_LENGTH]
        if not words:
            return []
        # Each word is quoted so punctuation in it is matched literally, never parsed as syntax.
        query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        hits: list[SearchHit] = []
        for entity, sql in _QUERIES.items():
            for row in self.query(sql, {"q": query, "limit": limit}):
                snippet = row["snippet"]
                if entity == "article":
                    snippet = article_snippet(row["title"], snippet or "", words)
                hits.append(SearchHit(entity, row["id"], row["article_id"], row["title"], snippet))
        words_query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        for row in self.query(_LIBRARY_QUERY, {"q": words_query, "limit": limit}):
            hits.append(SearchHit(LIBRARY_ENTITY, row["id"], "", row["title"], row["snippet"]))
        return hits


def article_snippet(title: str, text: str, words: list[str]) -> str:
    """A short extract around the first match in an article, matches in [brackets].

    Only a window around the match is marked, so the work does not grow with the article.
    """
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    found = pattern.search(text)
    if found is None:
        # The match is in the title: show it whole, marked the same way.
        return pattern.sub(lambda m: f"[{m.group(0)}]", title)
    start = max(0, found.start() - SNIPPET_CONTEXT)
    end = min(len(text), found.end() + SNIPPET_CONTEXT)
    if start > 0:  # begin and end on a word boundary when one is near
        space = text.find(" ", start, found.start())
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", found.end(), end)
        end = space if space >= 0 else end
    window = " ".join(text[start:end].split())
    marked = pattern.sub(lambda m: f"[{m.group(0)}]", window)
    return ("…" if start > 0 else "") + marked + ("…" if end < len(text) else "")
