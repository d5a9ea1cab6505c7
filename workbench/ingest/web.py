"""Saved web pages (``.html``/``.htm``): the article text extracted with trafilatura, offline.

Nothing is fetched and nothing is run: the page is parsed with lxml, scripts, styles, frames,
embedded objects and images are removed before extraction, and only trafilatura's
``bare_extraction`` is used (never ``fetch_url``). Metadata comes from the page: title, author,
date, canonical url, site name (the outlet) and the ``lang`` attribute.
"""

from __future__ import annotations

import codecs
import re
import warnings

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from workbench.model import Article, BlockKind

from . import boilerplate, page_meta
from .builder import TextBuilder, squash
from .decode import decode_bytes, normalise_text
from .errors import IngestError
from .limits import MAX_HTML_ELEMENTS, check_html_tags, check_text_size, too_complex_page

MAX_ELEMENTS = MAX_HTML_ELEMENTS

_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([\w.:-]{1,40})""", re.IGNORECASE)
_HAS_HTML = re.compile(r"<\s*(?:html|body|head)\b", re.IGNORECASE)
_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "canvas", "template", "video", "audio", "img", "picture", "source",
)  # fmt: skip
_STANDFIRST_CLASS = re.compile(
    r"standfirst|\bdek\b|\bdeck\b|subtitle|sub-?head|summary|strapline|\blede\b|excerpt|intro",
    re.IGNORECASE,
)
_LEAF_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td")
_STANDFIRST_MAX = 400
_BLANK_LINES = re.compile(r"\n{2,}")
_BY_NAME = re.compile(
    r"(?i:by)[ \t]+([A-Z][\w.'’-]+(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'’-]+){1,5})\s*$"
)


def _decode(data: bytes, name: str) -> str:
    """Decode with the page's declared charset when the bytes are not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _CHARSET.search(data[:4096])
        if declared and b"\x00" not in data:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii")).name
            except LookupError:
                codec = ""
            if codec and codec not in ("utf-8", "utf-16", "utf-32"):
                return normalise_text(data.decode(codec, errors="replace"))
    return decode_bytes(data, name=name)


def _parse(markup: str, name: str) -> HtmlElement:
    if not _HAS_HTML.search(markup[:4096]):
        markup = f"<html><body>{markup}</body></html>"
    # lxml refuses str input that declares an encoding; the text is decoded already.
    markup = re.sub(r"\A\s*<\?xml[^>]*>", "", markup)
    tree = load_html(markup)
    if tree is None:
        raise IngestError(f"“{name}” does not look like a web page.")
    return tree


def _language(tree: HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[@http-equiv='content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        code = str(value or "").strip().replace("_", "-").split("-")[0].lower()
        if code.isalpha() and 2 <= len(code) <= 3:
            return code
    return None


def _prune(tree: HtmlElement) -> None:
    """Remove everything that could run, load or embed something."""
    etree.strip_elements(tree, *_DROP_TAGS, with_tail=False)
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def _key(text: str) -> str:
    return " ".join(text.split())[:300]


def _original_order(tree: HtmlElement) -> tuple[dict[str, int], list[tuple[int, str]], set[str]]:
    """Document order of leaf blocks, figure captions, and texts marked as standfirst."""
    order: dict[str, int] = {}
    captions: list[tuple[int, str]] = []
    standfirsts: set[str] = set()
    for index, element in enumerate(tree.iter(*_LEAF_TAGS)):
        text = _key(element.text_content())
        if not text:
            continue
        order.setdefault(text, index)
        if element.tag == "figcaption":
            captions.append((index, text))
        classes = " ".join(filter(None, [element.get("class"), element.getparent().get("class")]))
        if _STANDFIRST_CLASS.search(classes) or element.get("itemprop") == "description":
            standfirsts.add(text)
    return order, captions, standfirsts


def _text(element: etree._Element) -> str:
    """Visible text of an extracted element; ``<lb/>`` is a line break."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("p", "head", "quote", "code"):
            # Paragraphs inside a quote or list item stay on lines of their own.
            parts.append("\n" + _text(child) + "\n")
        elif child.tag not in ("list", "table"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return _BLANK_LINES.sub("\n", squash("".join(parts)))


def _paragraphs(body: etree._Element) -> list[tuple[str, str, str]]:
    """(tag, prefix, text) for each paragraph trafilatura kept, in order."""
    out: list[tuple[str, str, str]] = []
    for element in body.iter("head", "p", "item", "row", "quote", "code"):
        parent = element.getparent()
        if element.tag in ("p", "head") and parent is not None and parent.tag == "item":
            continue
        if element.tag == "quote" and element.find(".//p") is not None:
            continue  # its paragraphs come one by one
        if element.tag == "row":
            cells = [_text(cell).replace("\n", " ") for cell in element.iter("cell")]
            out.append(("row", "", "\t".join(cells)))
        elif element.tag == "item":
            out.append(("item", "• ", _text(element)))
        else:
            out.append((element.tag, "", _text(element)))
    return out


def _words_key(text: str) -> str:
    """Words only, lower case: "Burned Her Up" and “burned her up” compare equal."""
    return " ".join(re.findall(r"\w+", text.casefold()))[:400]


def _without_furniture(
    paragraphs: list[tuple[str, str, str]], title: str
) -> list[tuple[str, str, str]]:
    """Drop share bars, rails and widget labels, and the headline repeated as a paragraph."""
    kept: list[tuple[str, str, str]] = []
    title_key = _words_key(title)
    index = 0
    while index < len(paragraphs):
        tag, prefix, text = paragraphs[index]
        if tag == "item":
            run = index
            while run < len(paragraphs) and paragraphs[run][0] == "item":
                run += 1
            if boilerplate.is_share_bar([p[2] for p in paragraphs[index:run]]):
                index = run
                continue
        index += 1
        if boilerplate.is_boilerplate(text):
            continue
        # The headline again as the first paragraph (often with other quotes or case): the
        # headline block already holds it, and a second copy would be offered as a claim.
        if title_key and len(kept) < 2 and _words_key(text) == title_key:
            continue
        kept.append((tag, prefix, text))
    return kept


def _hint(out: TextBuilder, tag: str, text: str, standfirsts: set[str]) -> BlockKind | None:
    """The role the page's markup gives a paragraph, or None to let the layout rules guess."""
    if tag == "head" and out.empty:
        return BlockKind.HEADLINE
    short = len(text) <= _STANDFIRST_MAX
    if out.only_headline and short and (tag == "head" or _key(text) in standfirsts):
        return BlockKind.STANDFIRST
    if tag == "head":
        return BlockKind.BODY
    return None


def _byline_author(article: Article) -> str:
    """The name in a "By Jane Doe" line near the top, when the page declares no author."""
    for block in article.blocks[:6]:
        if block.kind is BlockKind.BYLINE:
            found = _BY_NAME.match(article.text[block.start : block.end])
            if found:
                return "; ".join(page_meta.unique_authors([found.group(1)]))
    return ""


def read_html(data: bytes, name: str) -> Article:
    """Read a saved web page into an article (text, blocks and page metadata)."""
    if not data.strip():
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    markup = _decode(data, name)
    # Budgets before each costly step: tags before lxml builds the tree, elements and words
    # before trafilatura (whose cost grows faster than the page).
    check_html_tags(markup, name)
    tree = _parse(markup, name)
    del markup
    language = _language(tree)
    # JSON-LD lives in script elements, which are pruned before extraction: read it first.
    objects = page_meta.json_ld(tree)
    outlet = page_meta.site_name(tree, objects)
    authors = page_meta.authors(tree, objects)
    page_title = tree.findtext(".//title") or ""
    _prune(tree)
    if sum(1 for _ in tree.iter()) > MAX_ELEMENTS:
        raise too_complex_page(name)
    check_text_size(tree.text_content(), name)
    order, captions, standfirsts = _original_order(tree)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = bare_extraction(
            tree, with_metadata=True, include_comments=False, include_images=False, fast=True
        )
    body = getattr(doc, "body", None)
    if not isinstance(doc, Document) or body is None or not (doc.text or "").strip():
        raise IngestError(f"“{name}” has no article text that the workbench could find.")
    title = squash(doc.title or "").replace("\n", " ")
    out = TextBuilder(name)
    paragraphs = _paragraphs(body)
    paragraphs = _without_furniture(paragraphs, title)
    if title and not (
        paragraphs and paragraphs[0][0] == "head" and _key(paragraphs[0][2]) == title
    ):
        out.add(title, BlockKind.HEADLINE)
    kept = {_key(text) for _, _, text in paragraphs}
    # trafilatura drops figure captions; put them back where they stood in the page, but only
    # between the first and last paragraph it kept (captions elsewhere belong to other stories).
    pending = [(i, text) for i, text in captions if text not in kept]
    last_index = -1
    last_tag = ""
    for tag, prefix, text in paragraphs:
        index = order.get(_key(text), last_index)
        while pending and pending[0][0] < index:
            caption_index, caption = pending.pop(0)
            if caption_index > last_index >= 0:
                out.add(caption, BlockKind.CAPTION)
                last_tag = "caption"
        last_index = max(last_index, index)
        separator = "\n" if tag in ("row", "item") and tag == last_tag else "\n\n"
        out.add(text, _hint(out, tag, text, standfirsts), prefix=prefix, separator=separator)
        last_tag = tag
    article = out.build(title=title or None)
    article.author = (
        "; ".join(authors or page_meta.unique_authors([doc.author or ""]))
        or _byline_author(article)
        or None
    )
    article.published = doc.date or None
    article.url = doc.url or None
    article.outlet = (
        outlet
        or page_meta.clean_name(doc.sitename)
        or page_meta.outlet_from_host(doc.hostname or page_meta.host_name(doc.url), page_title)
    )
    if language:
        article.language = language
    return article
