"""Plain-text articles (``.txt`` files and pasted text).

The text the user sees is the decoded file with line ends normalised to ``\\n`` (see
:mod:`.decode`); block offsets index that text. Layout rules:

* Paragraphs are separated by blank lines.
* Inside a run of lines without a blank line, a line break is a soft wrap (the lines form one
  paragraph) when the run looks hard-wrapped: its lines are at most 100 characters and the line
  before the break fills most of the width. Otherwise every line is its own paragraph, which is
  how pasted web text (one paragraph per line) and "headline / caption / body" layouts arrive.
* The first non-blank line is the headline when it is short and does not read like a sentence.
"""

from __future__ import annotations

import re

from workbench.model import Article, BlockKind

from . import patterns
from .decode import decode_bytes, normalise_text
from .errors import IngestError
from .layout import Para, check_paragraph_count, classify, fallback_title, first_headline
from .limits import MAX_PARAGRAPHS, check_text_size, too_many_paragraphs

_WRAP_MAX = 100
_WRAP_FILL = 0.6
_LIST_ITEM = re.compile(r"\s*(?:[-*•–]\s|\d{1,3}[.)]\s)")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _groups(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _line_spans(text):
        if text[start:end].strip():
            current.append((start, end))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _stands_alone(line: str) -> bool:
    """A line that is a whole block by itself however the text is wrapped."""
    line = line.strip()
    return patterns.is_footer(line) or patterns.is_byline(line) or patterns.is_credit(line)


def _split_group(text: str, group: list[tuple[int, int]]) -> list[Para]:
    """Paragraphs of one run of lines: soft-wrapped lines join, hard breaks split."""
    if not group:
        return []
    lengths = [len(text[s:e].strip()) for s, e in group]
    width = max(lengths)
    paras: list[Para] = []
    para_start = group[0][0]
    for i, (_start, end) in enumerate(group[:-1]):
        next_start = group[i + 1][0]
        next_line = text[next_start : group[i + 1][1]]
        soft = (
            width <= _WRAP_MAX
            and lengths[i] >= _WRAP_FILL * width
            and not _LIST_ITEM.match(next_line)
            and not _stands_alone(text[_start:end])
            and not _stands_alone(next_line)
        )
        if not soft:
            paras.append(Para(para_start, end))
            para_start = next_start
    paras.append(Para(para_start, group[-1][1]))
    return paras


def paragraphs(text: str) -> list[Para]:
    """The paragraphs of plain text, the first line marked as headline when it looks like one."""
    paras: list[Para] = []
    for index, group in enumerate(_groups(text)):
        if index == 0:
            start, end = group[0]
            if patterns.looks_like_headline(text[start:end]):
                paras.append(Para(start, end, BlockKind.HEADLINE))
                group = group[1:]
        paras.extend(_split_group(text, group))
    return paras


def article_from_string(text: str, *, name: str) -> Article:
    """Build an article from already-decoded text (line ends are normalised here)."""
    text = normalise_text(text)
    if not text.strip():
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    check_text_size(text, name)
    check_paragraph_count(text, name)
    paras = paragraphs(text)
    if len(paras) > MAX_PARAGRAPHS:
        raise too_many_paragraphs(name)
    blocks = classify(text, paras)
    title = first_headline(text, blocks) or fallback_title(text, name)
    return Article(text=text, title=title, blocks=blocks)


def article_from_text(data: bytes, *, name: str) -> Article:
    """Build an article from the bytes of a plain-text file; the first line is the headline."""
    if not data.strip():
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    return article_from_string(decode_bytes(data, name=name), name=name)


def read_text(data: bytes, name: str) -> Article:
    """Reader entry point for ``.txt`` files (same as :func:`article_from_text`)."""
    return article_from_text(data, name=name)
