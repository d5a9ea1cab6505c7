"""A paragraph longer than spaCy accepts is cut at sentence ends, with offsets kept exact."""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language

from workbench.claims.extract import extract_claims, split_long_block
from workbench.model import Article, Block, BlockKind

SENTENCE = "The minister said unemployment fell by 12% in 2015, officials said. "


def test_pieces_cover_the_block_exactly_and_end_at_sentences() -> None:
    text = "Headline\n\n" + SENTENCE * 400
    block = Block(BlockKind.BODY, 10, len(text.rstrip()))
    pieces = split_long_block(text, block, limit=2_000)
    assert len(pieces) > 1
    assert pieces[0].start == block.start and pieces[-1].end == block.end
    for before, after in pairwise(pieces):
        assert before.end == after.start
        assert text[before.start : before.end].endswith("said. ")
    assert all(p.end - p.start <= 2_000 for p in pieces)


def test_run_without_spaces_is_cut_at_the_limit() -> None:
    text = "x" * 5_000
    pieces = split_long_block(text, Block(BlockKind.BODY, 0, 5_000), limit=2_000)
    assert [(p.start, p.end) for p in pieces] == [(0, 2_000), (2_000, 4_000), (4_000, 5_000)]


def test_paragraph_over_spacy_max_length_gives_claims_at_exact_offsets(blank: Language) -> None:
    # The same as a 1,000,000-character paragraph against spaCy's default limit, in miniature.
    blank.max_length = 3_000
    text = (SENTENCE * 200).rstrip()
    article = Article(text=text, title="Long", blocks=[Block(BlockKind.BODY, 0, len(text))])
    claims = extract_claims(article, nlp=blank)
    assert claims
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.quote
        assert "E088" not in claim.quote
