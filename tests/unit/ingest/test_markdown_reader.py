"""Markdown reader: clean visible text, exact blocks, front matter."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest import read_path

from .checks import assert_valid_article, layout

ARTICLE = """---
title: "Kerry and Putin talk Syria"
author: Jane Doe
date: 2015-12-15
url: https://example.com/kerry
source: Example News
lang: en-GB
---
# Kerry *meets* Putin

*Talks in Moscow end with an agreement to meet again.*

![Kerry at the podium](https://example.com/kerry.jpg)
*Kerry speaks in New York. Reuters/Andrew Kelly*

By Jane Doe

Russia and the [United States](https://example.com/us "US") are **well prepared**,
officials said on `Friday`.

## What was agreed

- A meeting on Dec. 18
- A UN resolution

| Year | Deaths |
|------|--------|
| 2015 | 250,000 |

Sign up for our newsletter to get the news in your inbox.
"""


def test_markdown_syntax_is_removed_and_blocks_are_exact(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(ARTICLE, encoding="utf-8")
    article = read_path(path)
    assert_valid_article(article)
    assert layout(article) == [
        ("headline", "Kerry meets Putin"),
        ("standfirst", "Talks in Moscow end with an agreement to meet again."),
        ("caption", "Kerry speaks in New York."),
        ("credit", "Reuters/Andrew Kelly"),
        ("byline", "By Jane Doe"),
        ("body", "Russia and the United States are well prepared, officials said on Friday."),
        ("body", "What was agreed"),
        ("body", "A meeting on Dec. 18"),
        ("body", "A UN resolution"),
        ("body", "Year\tDeaths"),
        ("body", "2015\t250,000"),
        ("footer", "Sign up for our newsletter to get the news in your inbox."),
    ]
    for marker in ("*", "#", "](", "https://", "|", "---", "`"):
        assert marker not in article.text
    assert "• A meeting on Dec. 18\n• A UN resolution" in article.text
    assert article.title == "Kerry meets Putin"
    assert (article.author, article.published, article.url, article.outlet) == (
        "Jane Doe",
        "2015-12-15",
        "https://example.com/kerry",
        "Example News",
    )
    assert article.language == "en"


def test_markdown_without_heading_uses_first_short_line(tmp_path: Path) -> None:
    path = tmp_path / "plain.markdown"
    path.write_text("Council approves budget\n\nThe council voted 7 to 2 on Monday.\n")
    article = read_path(path)
    assert layout(article) == [
        ("headline", "Council approves budget"),
        ("body", "The council voted 7 to 2 on Monday."),
    ]


def test_html_inside_markdown_is_shown_as_text_without_scripts(tmp_path: Path) -> None:
    path = tmp_path / "raw.md"
    path.write_text("# Title\n\n<div><p>Kept &amp; shown</p><script>alert(1)</script></div>\n")
    article = read_path(path)
    assert layout(article) == [("headline", "Title"), ("body", "Kept & shown")]
