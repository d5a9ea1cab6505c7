"""check and search on a long article with thousands of claims: right answers, short snippets.

Their speed (in proportion to the file, not to claims × article length) is measured by
``make bench BENCH=check``, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.model import Article, Claim
from workbench.store import health, open_store
from workbench.store.search import article_snippet

PARAGRAPH = (
    "The minister said on Tuesday that unemployment fell to 4.1 percent in May, the lowest "
    "figure since 2008, while critics said the count left out part-time workers.\n\n"
)


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "review.sqlite3"
    text = PARAGRAPH * 12_000  # about 2 MB, like the long reports people import
    step = len(PARAGRAPH)
    article = Article(title="A very long report", text=text)
    quote = "unemployment fell to 4.1 percent"
    at = PARAGRAPH.index(quote)
    claims = [
        Claim(
            article_id=article.id, start=n * step + at, end=n * step + at + len(quote), quote=quote
        )
        for n in range(0, 12_000, 2)
    ]
    with open_store(path) as store:
        store.add_article(article, claims)
    return path


def test_the_claim_span_check_finds_no_problem_in_a_long_article(long_article: Path) -> None:
    with open_store(long_article, read_only=True) as store:
        assert health.span_problems(store.db) == []


def test_search_in_a_long_article_shows_a_short_snippet(long_article: Path) -> None:
    with open_store(long_article, read_only=True) as store:
        hits = store.search("minister said")
    articles = [h for h in hits if h.entity == "article"]
    assert len(articles) == 1
    assert "[minister]" in articles[0].snippet and len(articles[0].snippet) < 200


def test_a_snippet_marks_every_word_and_shows_where_it_was_cut() -> None:
    text = "x " * 200 + "The Minister SAID so." + " y" * 200
    snippet = article_snippet("Title", text, ["minister", "said"])
    assert "[Minister] [SAID]" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert article_snippet("Minister of war", "nothing here", ["minister"]) == "[Minister] of war"
