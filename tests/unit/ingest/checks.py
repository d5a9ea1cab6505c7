"""Invariants every reader promises, shared by the ingest tests."""

from __future__ import annotations

from workbench.model import Article, BlockKind


def assert_valid_article(article: Article) -> None:
    """Blocks lie inside the text, are sorted, do not overlap and hold visible text."""
    assert isinstance(article.text, str)
    assert article.text.strip()
    assert "\r" not in article.text
    previous_end = 0
    for block in article.blocks:
        assert isinstance(block.kind, BlockKind)
        assert previous_end <= block.start < block.end <= len(article.text), block
        piece = article.text[block.start : block.end]
        assert piece.strip(), block
        assert piece == piece.strip(), block
        previous_end = block.end
    assert article.blocks


def layout(article: Article) -> list[tuple[str, str]]:
    """(kind, text) for each block, what a reader of the article would see."""
    return [(b.kind.value, article.text[b.start : b.end]) for b in article.blocks]
