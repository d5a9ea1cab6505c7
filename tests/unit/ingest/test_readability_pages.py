"""Web-page import on saved news pages from Mozilla Readability's test suite, held to floors.

The floors are the figures measured when the boilerplate patterns and page metadata were
tuned (see ``make eval``), less a small margin: a change that reads these pages worse fails.
Before that work: body tokens 0.960, paragraphs 0.853, titles 0.889, bylines 0.467, site
names 0.857.
"""

from __future__ import annotations

import pytest

from workbench.devtools.import_eval import DEFAULT_PAGES, Summary, evaluate, f1, normalise, tokens


@pytest.fixture(scope="module")
def summary() -> Summary:
    return evaluate(DEFAULT_PAGES)


def test_the_selection_is_there(summary: Summary) -> None:
    assert len(summary.pages) >= 15


def test_body_text_agrees_with_the_expected_text(summary: Summary) -> None:
    assert summary.token_f1 >= 0.955
    assert summary.paragraph_f1 >= 0.86
    assert min(p.token_f1 for p in summary.pages) >= 0.85


def test_metadata_matches(summary: Summary) -> None:
    assert summary.accuracy("title") >= 0.88
    assert summary.accuracy("byline") >= 0.59
    assert summary.accuracy("siteName") >= 0.92


def test_helpers() -> None:
    assert normalise("By  Jane “Doe”") == 'jane "doe"'
    assert f1(tokens("a b c"), tokens("a b d")) == pytest.approx(2 / 3)
    assert f1(tokens(""), tokens("")) == 1.0
