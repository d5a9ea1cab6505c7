"""Plain-text articles: headline on the first line, paragraphs separated by blank lines."""

from __future__ import annotations

import re

from workbench.model import Article, Block, BlockKind

from .errors import IngestError

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def decode_text(data: bytes, *, name: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM); refuse binary data."""
    if b"\x00" in data[:4096]:
        raise IngestError(f"“{name}” looks like a binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"“{name}” is not valid UTF-8 text.") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(data: bytes, *, name: str) -> Article:
    """Build an article from plain text; the first line is the headline."""
    text = decode_text(data, name=name)
    if not text.strip():
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    blocks: list[Block] = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.start(), match.end()
        # Trim surrounding spaces so blocks start and end on visible text.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        kind = BlockKind.HEADLINE if not blocks else BlockKind.BODY
        blocks.append(Block(kind, start, end))
    title = text[blocks[0].start : blocks[0].end] if blocks else name
    return Article(text=text, title=title.split("\n")[0], blocks=blocks)
