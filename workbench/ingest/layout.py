"""Give each paragraph of an article its role and turn paragraphs into blocks.

Readers find the paragraphs (as exact ranges of the text) and may already know some roles from
markup (a Markdown ``#`` heading, a Word "Title" style); this module guesses the rest with the
patterns in :mod:`.patterns` and splits a trailing photo credit off a caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.model import Block, BlockKind

from . import patterns
from .limits import MAX_PARAGRAPHS, too_many_paragraphs

__all__ = ["MAX_PARAGRAPHS", "Para", "check_paragraph_count", "classify", "too_many_paragraphs"]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def check_paragraph_count(text: str, name: str) -> None:
    """Refuse, before any costly parsing, a text with far too many blank-line paragraphs."""
    for breaks, _ in enumerate(_PARAGRAPH_BREAK.finditer(text), start=1):
        if breaks >= MAX_PARAGRAPHS:
            raise too_many_paragraphs(name)


@dataclass(slots=True)
class Para:
    """A paragraph ``text[start:end]`` and the role its markup gives it, if any."""

    start: int
    end: int
    hint: BlockKind | None = None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it starts and ends on visible characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def guess_kind(par: str) -> BlockKind:
    """The role of a paragraph that its markup does not tell."""
    if patterns.is_footer(par):
        return BlockKind.FOOTER
    if patterns.is_byline(par):
        return BlockKind.BYLINE
    if patterns.is_credit(par):
        return BlockKind.CREDIT
    if patterns.is_caption_lead(par):
        return BlockKind.CAPTION
    return BlockKind.BODY


def classify(text: str, paras: list[Para]) -> list[Block]:
    """Blocks for ``paras``: hinted roles kept, the rest guessed, trailing credits split off."""
    blocks: list[Block] = []
    for para in paras:
        start, end = trim(text, para.start, para.end)
        if start == end:
            continue
        chunk = text[start:end]
        kind = para.hint or guess_kind(chunk)
        # "NEW YORK, Dec 3 (Reuters) - Bank executives told …": the dateline is no part of the
        # sentence (left in, it parses as the subject, and so as the speaker).
        dateline = patterns.leading_dateline(chunk) if kind is BlockKind.BODY else None
        if dateline is not None:
            blocks.append(Block(BlockKind.BYLINE, *trim(text, start, start + dateline)))
            start, end = trim(text, start + dateline, end)
            chunk = text[start:end]
        # "… he said. (Reporting by Jane Doe; Editing by John Smith)" on the last paragraph.
        if kind is BlockKind.BODY and _split_tail(
            blocks,
            text,
            start,
            end,
            patterns.trailing_staff_line(chunk),
            BlockKind.BODY,
            BlockKind.BYLINE,
        ):
            continue
        if kind in (BlockKind.BODY, BlockKind.CAPTION) and _split_tail(
            blocks,
            text,
            start,
            end,
            patterns.trailing_credit(chunk),
            BlockKind.CAPTION,
            BlockKind.CREDIT,
        ):
            continue
        blocks.append(Block(kind, start, end))
    return blocks


def _split_tail(
    blocks: list[Block],
    text: str,
    start: int,
    end: int,
    cut: int | None,
    head: BlockKind,
    tail: BlockKind,
) -> bool:
    """Append ``[start, start + cut)`` as ``head`` and the rest as ``tail``; False when no cut."""
    if cut is None:
        return False
    head_start, head_end = trim(text, start, start + cut)
    if head_end > head_start:
        blocks.append(Block(head, head_start, head_end))
    blocks.append(Block(tail, start + cut, end))
    return True


def first_headline(text: str, blocks: list[Block]) -> str:
    """The text of the first headline block, or "" when there is none."""
    for block in blocks:
        if block.kind is BlockKind.HEADLINE:
            return " ".join(text[block.start : block.end].split())
    return ""


def fallback_title(text: str, name: str) -> str:
    """A title for an article without a headline: its first words, or the file name."""
    words = text.split()
    if not words:
        return name
    title = " ".join(words[:12])
    return title if len(words) <= 12 else title + "…"
