"""What a saved web page says about itself: outlet, author and title from its own metadata.

Pages declare their outlet for sharing (``og:site_name``), for search engines (the publisher in
schema.org JSON-LD) and for browsers (``application-name``); these are the names the outlet
chose, so they come before anything guessed from the address. Handles such as ``@reuters_co_uk``
and bare addresses are never taken as a name. The JSON-LD is read as data only: it is parsed
with :mod:`json`, nothing in it is run or fetched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

_MAX_JSON = 200_000
_MAX_NAME = 120
#: Second-level labels under a country code: "co.uk", "com.au", "org.nz".
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news", "ne", "or"}
_HOST = re.compile(r"^(?:https?://)?(?:www\d?\.)?([^/:?#\s]+)", re.IGNORECASE)
_HANDLE = re.compile(r"^@|_|^[\w.-]+\.[a-z]{2,}$|^https?://", re.IGNORECASE)
#: Values that content systems put in author fields that are not anyone's name.
_NOT_AUTHORS = {
    "username",
    "admin",
    "administrator",
    "author",
    "staff",
    "editor",
    "unknown",
    "user",
}
_TITLE_PARTS = re.compile(r"\s+[|–—:-]\s+|\s*\|\s*")
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "report",
                  "analysisnewsarticle", "opinionnewsarticle", "webpage", "socialmediaposting"}  # fmt: skip


def _meta(tree: HtmlElement, attribute: str, value: str) -> list[str]:
    found = tree.xpath(f"//meta[translate(@{attribute}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                       f"'abcdefghijklmnopqrstuvwxyz') = '{value}']/@content")  # fmt: skip
    return [" ".join(str(v).split()) for v in found if str(v).strip()]


def json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The schema.org objects in the page's ``application/ld+json`` blocks (``@graph`` opened)."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath("//script[contains(translate(@type, 'JSONLD', 'jsonld'), 'ld+json')]"):
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSON:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # damaged data is common on real pages; it is only a hint
        objects.extend(_objects(data, depth=0))
    return objects


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _names(value: Any) -> list[str]:
    """Names in a schema.org person/organisation value (a string, an object or a list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value[:10] for n in _names(item)]
    return []


def clean_name(value: str | None) -> str | None:
    """A usable outlet or author name, or None for handles, addresses and empty values."""
    name = " ".join((value or "").split())
    if not name or len(name) > _MAX_NAME or _HANDLE.search(name):
        return None
    return name


def host_name(url: str | None) -> str | None:
    """The site's address without "www." ("reuters.co.uk"), from a page address."""
    match = _HOST.match((url or "").strip())
    if not match:
        return None
    host = match.group(1).lower().rstrip(".")
    return host if "." in host else None


def _site_label(host: str) -> str:
    """The outlet's own label in a host name: "reuters" in "uk.reuters.co.uk"."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def outlet_from_host(host: str | None, title: str | None = None) -> str | None:
    """A name for the outlet when the page declares none.

    The page title often ends with the outlet's name ("… | Reuters", "… - The Huffington
    Post"): when a part of it spells the host's label, that spelling is used. Otherwise the
    address itself ("nytimes.com") is shown as it is, rather than a guessed capitalisation.
    """
    if not host:
        return None
    label = _site_label(host)
    for part in _TITLE_PARTS.split(title or "")[1:]:
        squeezed = re.sub(r"[\W_]+", "", part.casefold())
        if squeezed and label in (squeezed, squeezed.removeprefix("the")):
            return part.strip()
    return host


def site_name(tree: HtmlElement, objects: list[dict[str, Any]]) -> str | None:
    """The outlet as the page names itself, or None."""
    candidates = _meta(tree, "property", "og:site_name")
    for obj in objects:
        if _types(obj) & _ARTICLE_TYPES:
            candidates += _names(obj.get("publisher"))
    candidates += _meta(tree, "name", "application-name")
    candidates += _meta(tree, "name", "publisher")
    for value in candidates:
        name = clean_name(value)
        if name:
            return name
    return None


def authors(tree: HtmlElement, objects: list[dict[str, Any]]) -> list[str]:
    """Authors declared in JSON-LD or in ``author`` meta tags, without repeats."""
    found: list[str] = []
    for obj in objects:
        if _types(obj) & _ARTICLE_TYPES:
            found += _names(obj.get("author"))
    found += _meta(tree, "name", "author") + _meta(tree, "property", "article:author")
    return unique_authors(found)


def unique_authors(names: list[str]) -> list[str]:
    """Names kept once each (ignoring case), without addresses or placeholder words."""
    kept: dict[str, str] = {}
    for raw in names:
        for part in re.split(r"\s*;\s*", raw):
            name = clean_name(re.sub(r"^(?i:by)\s+", "", part))
            if name is None or name.casefold() in _NOT_AUTHORS:
                continue
            kept.setdefault(name.casefold(), name)
    return list(kept.values())
