"""Saved web pages: trafilatura offline, page metadata, nothing fetched or run."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from workbench.ingest import IngestError, read_path

from .checks import assert_valid_article, layout

PAGE = """<!doctype html>
<html lang="fr-FR"><head>
<meta charset="utf-8">
<title>Kerry meets Putin | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2015-12-15T10:00:00Z">
<link rel="canonical" href="https://example.com/kerry">
<script>document.title = "pwned"; fetch("https://evil.example/x")</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kerry meets Putin</h1>
<p class="standfirst">Talks in Moscow end with an agreement to meet again.</p>
<figure><img src="https://evil.example/tracker.jpg">
<figcaption>Kerry speaks in New York. Reuters/Andrew Kelly</figcaption></figure>
<p>Russia and the United States are well prepared to discuss Syria’s peace process at the
international peace talks on Friday, but still disagreed on allowing Assad to stay.</p>
<iframe src="https://evil.example/frame"></iframe>
<p>US Secretary of State John Kerry met with Russian President Vladimir Putin and Foreign
Minister Sergei Lavrov on Tuesday, officials said.</p>
<ul><li>A meeting on Dec. 18 in New York</li><li>A UN resolution on Syria</li></ul>
<p>Contact the writer at feedback@example.com.</p>
</article>
<footer>© 2015 Example News</footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def write(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return path


@pytest.mark.usefixtures("no_network")
def test_saved_page_gives_text_blocks_and_metadata(tmp_path: Path) -> None:
    article = read_path(write(tmp_path, PAGE))
    assert_valid_article(article)
    assert layout(article) == [
        ("headline", "Kerry meets Putin"),
        ("standfirst", "Talks in Moscow end with an agreement to meet again."),
        ("caption", "Kerry speaks in New York."),
        ("credit", "Reuters/Andrew Kelly"),
        (
            "body",
            "Russia and the United States are well prepared to discuss Syria’s peace process at "
            "the international peace talks on Friday, but still disagreed on allowing Assad to "
            "stay.",
        ),
        (
            "body",
            "US Secretary of State John Kerry met with Russian President Vladimir Putin and "
            "Foreign Minister Sergei Lavrov on Tuesday, officials said.",
        ),
        ("body", "A meeting on Dec. 18 in New York"),
        ("body", "A UN resolution on Syria"),
        ("footer", "Contact the writer at feedback@example.com."),
    ]
    assert article.title == "Kerry meets Putin"
    assert article.author == "Jane Doe"
    assert article.published == "2015-12-15"
    assert article.url == "https://example.com/kerry"
    assert article.outlet == "Example News"
    assert article.language == "fr"
    for unwanted in ("pwned", "evil.example", "color: red", "Home"):
        assert unwanted not in article.text


@pytest.mark.usefixtures("no_network")
def test_bare_fragment_and_declared_charset(tmp_path: Path) -> None:
    fragment = (
        "<h1>Prix en hausse</h1><p>Le café coûte désormais 3 euros à Paris, selon l’Insee.</p>"
    )
    article = read_path(write(tmp_path, fragment, "fragment.htm"))
    assert article.title == "Prix en hausse"
    assert "Le café coûte désormais 3 euros" in article.text
    latin = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body>'
        "<article><p>Le café coûte désormais 3 euros à Paris, selon l’Insee, "
        "qui publie ses chiffres chaque mois.</p></article></body></html>"
    ).encode("cp1252")
    assert "l’Insee" in read_path(write(tmp_path, latin, "latin.html")).text


def test_page_without_article_text_is_refused(tmp_path: Path) -> None:
    page = (
        "<html><head><style>p {}</style></head><body><script>var x = 1;</script>"
        "<img src='https://example.com/a.jpg'><iframe src='https://example.com'></iframe>"
        "</body></html>"
    )
    with pytest.raises(IngestError, match=r"“empty\.html” has no article text"):
        read_path(write(tmp_path, page, "empty.html"))


def test_deeply_nested_page_ends_in_a_clear_answer(tmp_path: Path) -> None:
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth
    with pytest.raises(IngestError, match=r"“deep\.html”"):
        read_path(write(tmp_path, page + "</body></html>", "deep.html"))


def test_page_with_too_many_elements_is_refused_quickly(tmp_path: Path) -> None:
    page = "<html><body>" + "<p>Some words, said the man.</p>" * 20_000 + "</body></html>"
    with pytest.raises(IngestError, match=r"too large or complex"):
        read_path(write(tmp_path, page, "huge.html"))


def test_quoted_paragraphs_stay_separate_blocks(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>Talks resume</h1>"
        "<p>The two ministers met on Tuesday in Moscow for more than four hours, aides said.</p>"
        "<blockquote><p>We will meet on Friday.</p><p>Progress can be made.</p></blockquote>"
        "</article></body></html>"
    )
    article = read_path(write(tmp_path, page))
    assert layout(article)[-2:] == [
        ("body", "We will meet on Friday."),
        ("body", "Progress can be made."),
    ]
