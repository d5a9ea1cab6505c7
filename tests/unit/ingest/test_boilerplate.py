"""Every declared kind of page furniture is caught, and article sentences never are."""

from __future__ import annotations

import pytest

from workbench.ingest import boilerplate
from workbench.ingest.boilerplate import BOILERPLATE, is_boilerplate, is_share_bar, kind_of


@pytest.mark.parametrize("kind", BOILERPLATE, ids=lambda k: k.name)
def test_each_declared_example_is_caught(kind: boilerplate.Boilerplate) -> None:
    assert kind_of(kind.example) == kind.name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("MORE POLITICS", "more rail"),
        ("More from Business", "more rail"),
        ("Most read", "related rail"),
        ("Related Videos", "related rail"),
        ("Loading Comments...", "widget label"),
        ("1 of 5", "widget label"),
        ("Continue reading the main story", "widget label"),
        ("Topics: uber, libertarians, Technology News", "section label"),
        ("24 July 2015", "date line"),
        ("Updated: March 3, 2016 at 6:01 am", "date line"),
        ("WASHINGTON | Fri Jan 3, 2014 5:19pm EST", "date line"),
        ("Share on Facebook Share on Twitter", "share bar"),
        ("• Tweet • Link this • Share this • Digg this • Reprints", "share bar"),
    ],
)
def test_furniture_seen_on_news_pages(text: str, kind: str) -> None:
    assert kind_of(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 people were killed in the attack, officials said.",
        "Next year the tax rises to 20 percent.",
        "Comments by the minister were criticised by the opposition.",
        "Related costs rose by 4 percent in 2015, the report found.",
        "The vote took place on 24 July 2015 in Brussels.",
        "Share prices fell 3 percent on Tuesday.",
        "Additional reporting by William Schomberg; Editing by Toby Chopra",
        "Latest figures show unemployment fell to 5.1 percent.",
    ],
)
def test_article_sentences_are_kept(text: str) -> None:
    assert not is_boilerplate(text)


def test_share_bar_needs_a_share_word() -> None:
    assert is_share_bar(["Tweet", "Link this", "Reprints"])
    assert not is_share_bar(["Link this", "Print"])
    assert not is_share_bar(["Tweet", "The minister resigned"])


def test_long_paragraphs_are_never_furniture() -> None:
    assert not is_boilerplate("Related " + "words " * 40)
