"""Property: offsets always slice out the quote, whatever the characters and line ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.claims import claim_blocks, extract_claims
from workbench.model import Article, Block, BlockKind

pytestmark = pytest.mark.slow

WORDS = [
    "Kerry",
    "said",
    "that",
    "the",
    "talks",
    "will",
    "cost",
    "$4",
    "million",
    "in",
    "2015",
    "Putin",
    "met",
    "Lavrov",
    "“",
    "”",
    ",",
    ".",
    "?",
    "more",
    "than",
    "40%",
    "because",
    "café",
    "nai\u0308ve",
    "e\u0301te\u0301",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "\r\n",
    "\u00a0",
    "  ",
]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(". ".join)


@settings(max_examples=30, deadline=None)
@given(paragraphs=st.lists(paragraph, min_size=1, max_size=4), with_blocks=st.booleans())
def test_offsets_slice_out_the_quote(nlp, paragraphs, with_blocks):
    text = "\r\n\r\n".join(paragraphs)
    blocks = []
    if with_blocks:
        position = 0
        for index, part in enumerate(paragraphs):
            kind = BlockKind.FOOTER if index == len(paragraphs) - 1 and index else BlockKind.BODY
            blocks.append(Block(kind, position, position + len(part)))
            position += len(part) + 4
    article = Article(text=text, blocks=blocks)
    holding = claim_blocks(article)
    for claim in extract_claims(article, nlp=nlp):
        assert text[claim.start : claim.end] == claim.quote
        assert claim.quote.strip() == claim.quote != ""
        assert any(b.start <= claim.start and claim.end <= b.end for b in holding)
        assert 0.0 <= claim.score <= 1.0
