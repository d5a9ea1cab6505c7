"""The words a scorer sees, and the news-page conventions that are never claims (no pipeline)."""

from __future__ import annotations

import pytest

from workbench.claims.prose import headline_words, is_newsroom_note, repeats_headline
from workbench.claims.spans import scoring_text, unquoted


@pytest.mark.parametrize(
    ("quoted", "plain"),
    [
        (
            "“Unemployment fell to 4.1 percent last year.”",
            "Unemployment fell to 4.1 percent last year.",
        ),
        (
            '"Unemployment fell to 4.1 percent last year."',
            "Unemployment fell to 4.1 percent last year.",
        ),
        (
            "‘Unemployment fell to 4.1 percent last year.’",
            "Unemployment fell to 4.1 percent last year.",
        ),
        (
            "“Unemployment fell to 4.1 percent last year”.",
            "Unemployment fell to 4.1 percent last year.",
        ),
        ("  “We will win,”  ", "We will win."),
        ("“There was one regulator, maybe two.", "There was one regulator, maybe two."),
        ("Now it’s five or six,”", "Now it’s five or six."),
        ("Now it’s five or six", "Now it’s five or six."),
        ("Is it true?”", "Is it true?"),
    ],
)
def test_scoring_text_is_the_same_quoted_or_not(quoted, plain):
    assert scoring_text(quoted) == scoring_text(plain) == plain


@pytest.mark.parametrize(
    "text",
    [
        "He called it “a disaster” and left.",
        "the Smiths’ house",
        "'Tis the season.",
        "“It is fine,” he said.",
        "“Yes” and “no” were the answers.",
        "“Yes” and “no”",
    ],
)
def test_inner_quotes_and_apostrophes_are_kept(text):
    assert unquoted(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "(Additional reporting by Jane Doe; Editing by John Smith)",
        "Reporting by Jane Doe in Moscow; Writing by Mark Stone",
        "Jane Doe in Paris contributed to this report.",
        "The ministry did not immediately respond to a request for comment.",
        "A spokesman could not be reached for comment.",
        "The White House declined to comment.",
        "Reuters could not independently verify the reports.",
    ],
)
def test_newsroom_notes(text):
    assert is_newsroom_note(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reporting by the BBC showed the deal was signed in March.",
        "The minister did not respond to the criticism in parliament.",
        "Kerry has not commented on the 5% cut since the e-mails leaked.",
        "The council approved a budget of 42 million pounds on Monday.",
    ],
)
def test_statements_are_not_newsroom_notes(text):
    assert not is_newsroom_note(text)


def test_a_repeat_of_the_headline_ignores_case_and_punctuation():
    headline = headline_words("Talks to resume on Friday")
    assert repeats_headline("TALKS TO RESUME ON FRIDAY.", headline)
    assert repeats_headline("“Talks to resume on Friday”", headline)
    assert not repeats_headline("Talks to resume on Friday, Kerry said.", headline)
    assert not repeats_headline("Talks to resume on Friday", ())
