"""Shared fixtures: the real pipeline once per session, the sample article in its block layout."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from workbench.claims import load_pipeline
from workbench.model import Article, Block, BlockKind

SEED = Path(__file__).resolve().parents[3] / "seeds" / "kerry-putin-syria-talks.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The installed English pipeline with the claim components (loaded once)."""
    return load_pipeline()


@pytest.fixture
def blank() -> Language:
    """A blank English pipeline with a sentencizer: no trained model needed."""
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def sample_article() -> Article:
    """The seed article as the text reader lays it out: headline, caption + credit, body, footer."""
    text = SEED.read_text(encoding="utf-8")
    blocks = []
    position = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        start, end = position, position + len(line.rstrip())
        position += len(line) + 1
        if not line.strip():
            continue
        if number == 0:
            blocks.append(Block(BlockKind.HEADLINE, start, end))
        elif number == 1:
            credit = start + line.index("Reuters/Andrew Kelly")
            blocks.append(Block(BlockKind.CAPTION, start, credit - 1))
            blocks.append(Block(BlockKind.CREDIT, credit, end))
        elif line.startswith("Contact the writer"):
            blocks.append(Block(BlockKind.FOOTER, start, end))
        else:
            blocks.append(Block(BlockKind.BODY, start, end))
    return Article(text=text, title=lines[0], blocks=blocks)


@pytest.fixture(scope="session")
def sample() -> Article:
    """The seed article with the expected blocks."""
    return sample_article()
