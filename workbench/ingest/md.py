"""Markdown articles: the syntax is removed so the user reads clean text.

``# Heading`` before any paragraph is the headline; a paragraph right after it that is wholly
emphasised (``*…*``), or a second-level heading right after it, is the standfirst; a paragraph
with an image is a caption (its alt text and every link target are dropped); list items and
table rows become paragraphs of their own. A YAML-style front matter block gives title, author,
date, url, outlet and language and is not shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from workbench.model import Article, BlockKind

from .builder import TextBuilder, squash
from .decode import decode_bytes
from .errors import IngestError
from .layout import check_paragraph_count
from .limits import check_text_size

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)
_FIELDS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "lang": "language",
    "language": "language",
}
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_STANDFIRST_MAX = 400

_parser = MarkdownIt("commonmark", {"maxNesting": 20}).enable(["table", "strikethrough"])


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """Split front matter fields from the Markdown body."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields: dict[str, str] = {}
    for field in _FIELD.finditer(match.group("body")):
        key = _FIELDS.get(field.group("key").lower())
        value = field.group("value").strip().strip("\"'")
        if key and value and key not in fields:
            fields[key] = value
    return fields, source[match.end() :]


def _inline_text(token: Token) -> tuple[str, bool, bool]:
    """Visible text of an inline token, whether it holds an image, whether it is all emphasis."""
    parts: list[str] = []
    has_image = False
    children = token.children or []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            has_image = True
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    emphasised = (
        len(children) >= 3
        and children[0].type in ("em_open", "strong_open")
        and children[-1].type == children[0].type.replace("open", "close")
        and not any(c.type == children[0].type for c in children[1:-1])
    )
    return squash("".join(parts)), has_image, emphasised


def _walk(tokens: Sequence[Token], out: TextBuilder) -> None:
    """Add the paragraphs of a token stream to ``out``."""
    prefix = ""
    after_image = False
    row: list[str] = []
    first_row = False
    last_was_item = False
    pending_heading: str | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            pending_heading = token.tag
        elif kind == "list_item_open":
            prefix = f"{token.info}{token.markup} " if token.info else "• "
        elif kind == "list_item_close":
            prefix = ""
        elif kind in ("bullet_list_close", "ordered_list_close"):
            last_was_item = False
        elif kind == "table_open":
            first_row = True
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and any(cell.strip() for cell in row):
            out.add("\t".join(row), separator="\n\n" if first_row else "\n")
            first_row = False
        elif kind == "inline" and _in_cell(token):
            row.append(_inline_text(token)[0].replace("\n", " "))
        elif kind == "inline":
            text, has_image, emphasised = _inline_text(token)
            hint = _hint(out, pending_heading, has_image, emphasised, after_image, text)
            separator = "\n" if prefix and last_was_item else "\n\n"
            out.add(text, hint, prefix=prefix, separator=separator)
            last_was_item = bool(prefix)
            prefix = ""
            after_image = has_image and not text
            pending_heading = None
        elif kind in ("fence", "code_block"):
            out.add(token.content.strip("\n"))
        elif kind == "html_block":
            out.add(squash(html.unescape(_TAG.sub(" ", token.content))))


def _in_cell(token: Token) -> bool:
    return bool(token.meta.get("cell"))


def _hint(
    out: TextBuilder,
    heading: str | None,
    has_image: bool,
    emphasised: bool,
    after_image: bool,
    text: str,
) -> BlockKind | None:
    """The role Markdown gives a paragraph, or None to let the layout rules guess."""
    if heading is not None:
        if out.empty:
            return BlockKind.HEADLINE
        if out.only_headline and heading != "h1" and len(text) <= _STANDFIRST_MAX:
            return BlockKind.STANDFIRST
        return BlockKind.BODY
    if has_image or (after_image and emphasised):
        return BlockKind.CAPTION
    if out.only_headline and emphasised and len(text) <= _STANDFIRST_MAX:
        return BlockKind.STANDFIRST
    return None


def _mark_cells(tokens: list[Token]) -> None:
    """Tag the inline tokens inside table cells (markdown-it has no parent links)."""
    in_cell = False
    for token in tokens:
        if token.type in ("td_open", "th_open"):
            in_cell = True
        elif token.type in ("td_close", "th_close"):
            in_cell = False
        elif token.type == "inline" and in_cell:
            token.meta["cell"] = True


def read_markdown(data: bytes, name: str) -> Article:
    """Read a Markdown file into an article with clean text and exact blocks."""
    if not data.strip():
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    fields, source = _front_matter(decode_bytes(data, name=name))
    check_text_size(source, name)
    check_paragraph_count(source, name)
    tokens = _parser.parse(source)
    _mark_cells(tokens)
    out = TextBuilder(name)
    _walk(tokens, out)
    article = out.build(title=fields.get("title"))
    article.author = fields.get("author")
    article.published = fields.get("published")
    article.url = fields.get("url")
    article.outlet = fields.get("outlet")
    language = fields.get("language", "").split("-")[0].split("_")[0].lower()
    if language.isalpha() and 2 <= len(language) <= 3:
        article.language = language
    return article
