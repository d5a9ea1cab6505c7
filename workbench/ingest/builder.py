"""Assemble the visible text of a structured document paragraph by paragraph.

Readers of Markdown, web pages, Word and PDF files add paragraphs (with the role their markup
gives, if any); the builder joins them with blank lines, remembers each paragraph's exact range
and hands the ranges to :func:`.layout.classify`.
"""

from __future__ import annotations

import re

from workbench.model import Article, BlockKind

from . import patterns
from .decode import normalise_text
from .errors import IngestError
from .layout import Para, classify, fallback_title, first_headline
from .limits import (
    MAX_CHARACTERS,
    MAX_PARAGRAPHS,
    MAX_WORDS,
    count_words,
    too_long,
    too_many_characters,
    too_many_paragraphs,
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_AROUND_NEWLINE = re.compile(r" *\n *")


def squash(text: str) -> str:
    """Collapse runs of spaces inside lines and trim; line breaks are kept."""
    text = normalise_text(text)
    text = _SPACES.sub(" ", text)
    return _AROUND_NEWLINE.sub("\n", text).strip()


class TextBuilder:
    """Collect paragraphs into one text with exact paragraph ranges."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._parts: list[str] = []
        self._length = 0
        self._words = 0
        self.paras: list[Para] = []
        self._has_headline = False

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def add(
        self,
        text: str,
        hint: BlockKind | None = None,
        *,
        prefix: str = "",
        separator: str = "\n\n",
    ) -> None:
        """Add one paragraph (already cleaned); ``prefix`` is shown but outside the block."""
        if not text.strip():
            return
        if len(self.paras) >= MAX_PARAGRAPHS:
            raise too_many_paragraphs(self.name)
        if self._parts:
            self._append(separator)
        self._append(prefix)
        start = self._length
        self._append(text)
        self.paras.append(Para(start, self._length, hint))
        # Checked as paragraphs arrive, so a huge document stops being read early.
        self._words += count_words(text)
        if self._words > MAX_WORDS:
            raise too_long(self.name, self._words, at_least=True)
        if self._length > MAX_CHARACTERS:
            raise too_many_characters(self.name, self._length)
        self._has_headline = self._has_headline or hint is BlockKind.HEADLINE

    @property
    def empty(self) -> bool:
        """No paragraph added yet."""
        return not self.paras

    @property
    def only_headline(self) -> bool:
        """Exactly one paragraph so far, and it is the headline (a standfirst may follow)."""
        return len(self.paras) == 1 and self.paras[0].hint is BlockKind.HEADLINE

    @property
    def has_headline(self) -> bool:
        """Whether a paragraph was added as the headline."""
        return self._has_headline

    def text(self) -> str:
        """The text assembled so far."""
        return "".join(self._parts)

    def build(self, *, title: str | None = None, guess_headline: bool = True) -> Article:
        """The article: blocks classified, title from the headline (or ``title``)."""
        name = self.name
        text = self.text()
        if not text.strip():
            raise IngestError(f"“{name}” has no article text in it.")
        paras = self.paras
        if (
            guess_headline
            and paras
            and paras[0].hint is None
            and not self._has_headline
            and "\n" not in text[paras[0].start : paras[0].end]
            and patterns.looks_like_headline(text[paras[0].start : paras[0].end])
        ):
            paras[0].hint = BlockKind.HEADLINE
        blocks = classify(text, paras)
        headline = first_headline(text, blocks)
        chosen = (
            headline or (" ".join(title.split()) if title else "") or fallback_title(text, name)
        )
        return Article(text=text, title=chosen, blocks=blocks)
