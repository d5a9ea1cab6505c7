"""Speakers resolved across the article: full names, "she said", and unattributed text."""

from __future__ import annotations

import pytest

from workbench.claims import extract_claims
from workbench.model import Article, Block, BlockKind

pytestmark = pytest.mark.slow

PARAGRAPHS = [
    "Finance Minister Jane Okafor presented the budget in parliament on Monday.",
    "“Unemployment has fallen for six months in a row and stands at 4.2 percent,” she said.",
    "Okafor said that the deficit would be cut by half within three years.",
    "Opposition leader Tom Reyes called the plan “a fantasy”.",
    "According to Reyes, the government borrowed 12 billion euros last year.",
]


@pytest.fixture(scope="module")
def claims(nlp):
    text = "\n\n".join(PARAGRAPHS)
    blocks, position = [], 0
    for paragraph in PARAGRAPHS:
        blocks.append(Block(BlockKind.BODY, position, position + len(paragraph)))
        position += len(paragraph) + 2
    return extract_claims(Article(text=text, blocks=blocks), nlp=nlp)


def speaker_of(claims, beginning: str):
    return next(c for c in claims if c.quote.startswith(beginning)).speaker


def test_she_said_is_resolved_to_the_person_named_before(claims):
    assert speaker_of(claims, "Unemployment has fallen for six months") == "Jane Okafor"


def test_a_surname_is_resolved_to_the_full_name(claims):
    assert speaker_of(claims, "Okafor said that the deficit") == "Jane Okafor"


def test_according_to_gives_the_source(claims):
    assert speaker_of(claims, "According to Reyes") == "Tom Reyes"


def test_the_article_asserts_its_own_narration(claims):
    assert speaker_of(claims, "Finance Minister Jane Okafor presented") is None
