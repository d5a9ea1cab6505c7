"""Web pages: the outlet from the page's own metadata, page furniture kept out of the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest import read_path
from workbench.model import BlockKind

from .checks import assert_valid_article, layout

HEADLINE = "Britain's economy grows faster than expected in third quarter"

WIRE_PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{HEADLINE} | Reuters</title>
<meta name="twitter:site" content="@reuters_co_uk">
<link rel="canonical" href="https://uk.reuters.co.uk/article/uk-britain-economy-idUKL1">
</head><body>
<div class="article">
<h1>{HEADLINE}</h1>
<ul class="share"><li>Tweet</li><li>Link this</li><li>Share this</li><li>Digg this</li>
<li>Reprints</li></ul>
<p>{HEADLINE}</p>
<p>LONDON Tue Jan 7, 2014 1:27pm EST</p>
<p>LONDON (Reuters) - Britain's economy grew by 0.8 percent in the third quarter, official
figures showed on Tuesday, beating the 0.6 percent growth economists had forecast.</p>
<p>The Office for National Statistics said output in services rose by 0.7 percent, and
manufacturing output by 1.1 percent, the fastest rise in three years.</p>
<p>Finance minister George Osborne said the figures showed the recovery was taking hold,
although wages were still falling once inflation was taken into account.</p>
<p>Additional reporting by William Schomberg; Editing by Toby Chopra</p>
<p>MORE POLITICS</p>
</div>
</body></html>"""


@pytest.fixture
def wire_page(tmp_path: Path) -> Path:
    path = tmp_path / "economy.html"
    path.write_text(WIRE_PAGE, encoding="utf-8")
    return path


def test_outlet_is_never_a_social_media_handle(wire_page: Path) -> None:
    article = read_path(wire_page)
    # The page names no outlet; its title ends with the name the address spells.
    assert article.outlet == "Reuters"


def test_furniture_and_the_repeated_headline_are_not_in_the_text(wire_page: Path) -> None:
    article = read_path(wire_page)
    assert_valid_article(article)
    for noise in ("Tweet", "Digg this", "Reprints", "MORE POLITICS", "1:27pm"):
        assert noise not in article.text
    assert article.text.count(HEADLINE) == 1
    assert layout(article)[0] == ("headline", HEADLINE)
    body = [text for kind, text in layout(article) if kind == "body"]
    assert body[0].startswith("Britain's economy grew by 0.8 percent")


def test_staff_line_stays_in_the_text_but_holds_no_claims(wire_page: Path) -> None:
    article = read_path(wire_page)
    staff = "Additional reporting by William Schomberg; Editing by Toby Chopra"
    assert (BlockKind.BYLINE.value, staff) in layout(article)
    assert not BlockKind.BYLINE.can_hold_claims


def _page(head: str, *, url: str = "https://www.example-news.com/a/1") -> str:
    return f"""<html lang="en"><head><title>Budget passes | Example</title>{head}
<link rel="canonical" href="{url}"></head><body><article><h1>Budget passes</h1>
<p>The city council approved a budget of 2.1 billion dollars on Monday night after a
debate that lasted more than six hours, the mayor's office said.</p>
<p>Spending on roads rises by 12 percent, while the library budget is cut by 3 percent,
according to the figures published with the vote.</p></article></body></html>"""


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ('<meta property="og:site_name" content="The Example Times">', "The Example Times"),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "publisher": {"@type": "Organization", '
            '"name": "Example Daily"}, "author": [{"@type": "Person", "name": "Ana Lima"}]}'
            "</script>",
            "Example Daily",
        ),
        ('<meta name="application-name" content="Example Wire">', "Example Wire"),
        ('<meta name="twitter:site" content="@example_news">', "example-news.com"),
        (
            '<meta property="og:site_name" content="http://www.example-news.com">',
            "example-news.com",
        ),
    ],
)
def test_outlet_comes_from_the_page_metadata(tmp_path: Path, head: str, outlet: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(head), encoding="utf-8")
    assert read_path(path).outlet == outlet


def test_author_from_json_ld_and_placeholders_ignored(tmp_path: Path) -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '[{"name": "Ana Lima"}, {"name": "ANA LIMA"}, {"name": "Ben Okafor"}]}</script>'
        '<meta name="author" content="Username">'
    )
    path = tmp_path / "page.html"
    path.write_text(_page(ld), encoding="utf-8")
    assert read_path(path).author == "Ana Lima; Ben Okafor"
