"""`workbench articles edit`: correct an article's details and summary; bad input changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench.services.articles import parse_date_text
from workbench.store import InvalidInputError, open_store


@pytest.fixture
def article_id(run: Callable, seed_article_path: Path) -> str:
    run("import", "--no-extract", str(seed_article_path))
    [article] = json.loads(run("articles", "--json").output)
    return str(article["id"])


def _details(run: Callable, article_id: str) -> dict:
    with open_store(run.db) as store:
        article = store.get_article(article_id)
    return {
        k: getattr(article, k)
        for k in ("title", "outlet", "author", "published", "url", "language", "summary")
    }


def test_every_detail_can_be_corrected(run: Callable, article_id: str, tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    # Wrapped at a fixed width in an editor: each paragraph comes back as one line.
    summary.write_text("Kerry's claims\ncheck out.\n\nOne figure\nis off.\n", encoding="utf-8")
    result = run(
        "articles", "edit", article_id[:8],
        "--title", "Kerry and Putin meet in Moscow",
        "--outlet", "Reuters",
        "--author", "Lesley Wroughton",
        "--published", "15 December 2015",
        "--url", "https://www.reuters.com/article/kerry-putin",
        "--language", "en-GB",
        "--summary-file", str(summary),
    )  # fmt: skip
    assert "title: Kerry and Putin meet in Moscow" in result.output
    assert _details(run, article_id) == {
        "title": "Kerry and Putin meet in Moscow",
        "outlet": "Reuters",
        "author": "Lesley Wroughton",
        "published": "2015-12-15",
        "url": "https://www.reuters.com/article/kerry-putin",
        "language": "en-GB",
        "summary": "Kerry's claims check out.\nOne figure is off.",
    }
    # The list shows the new title.
    assert "Kerry and Putin meet in Moscow" in run("articles").output


def test_the_edit_is_in_the_history(run: Callable, article_id: str) -> None:
    run("articles", "edit", article_id, "--outlet", "Reuters", "--summary", "Checked.")
    with open_store(run.db) as store:
        [event] = store.query("SELECT * FROM events WHERE action = 'edit' AND entity = 'article'")
    assert event["entity_id"] == article_id
    assert json.loads(event["before"]) == {"outlet": None, "summary": ""}
    assert json.loads(event["after"]) == {"outlet": "Reuters", "summary": "Checked."}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "  "], "The title cannot be empty."),
        (["--published", "next Tuesday"], "is not a date"),
        (["--url", "javascript:alert(1)"], "is not a web address"),
        (["--language", "English"], "is not a language code"),
        ([], "Nothing to change"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    run: Callable, article_id: str, args: list[str], message: str
) -> None:
    before = _details(run, article_id)
    # A good field next to the bad one is not saved either.
    extra = ["--outlet", "Reuters"] if args else []
    result = run("articles", "edit", article_id, *extra, *args, ok=False)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output
    assert _details(run, article_id) == before


def test_clearing_a_detail(run: Callable, article_id: str) -> None:
    run("articles", "edit", article_id, "--author", "Jane Doe")
    run("articles", "edit", article_id, "--author", "")
    assert _details(run, article_id)["author"] is None


def test_plain_articles_still_lists(run: Callable, article_id: str) -> None:
    assert article_id[:8] in run("articles").output
    assert json.loads(run("articles", "--json").output)[0]["id"] == article_id


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("24 July 2015", "2015-07-24"),
        ("July 24, 2015", "2015-07-24"),
        ("24th Jul 2015", "2015-07-24"),
        ("24/07/2015", "2015-07-24"),
        ("2015-07-24", "2015-07-24"),
        ("2015-07-24T10:00:00Z", "2015-07-24T10:00:00Z"),
        ("", None),
    ],
)
def test_dates_as_people_type_them(typed: str, iso: str | None) -> None:
    assert parse_date_text(typed) == iso


def test_store_refuses_unknown_fields(memory_store) -> None:
    from workbench.model import Article

    article = memory_store.add_article(Article(text="Some text.", title="T"))
    with pytest.raises(InvalidInputError, match="no detail called text"):
        memory_store.update_article(article.id, text="other")
