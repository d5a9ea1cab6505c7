"""Readers that turn a file or pasted text into an :class:`~workbench.model.Article`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.model import Article

from .errors import IngestError
from .text import article_from_text

__all__ = ["MAX_BYTES", "IngestError", "read_pasted", "read_path"]

#: Larger files are refused before they are read: no news article is this long.
MAX_BYTES = 15 * 1024 * 1024

_READERS = {".txt": article_from_text}


def read_path(path: str | Path) -> Article:
    """Read an article file; raise :class:`IngestError` with a clear message if it can't be."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(_READERS))
        raise IngestError(
            f"“{path.name}” is not a format the workbench can open (it opens {known})."
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(
                f"“{path.name}” is {size // (1024 * 1024)} MB: too large for an article."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"Could not read “{path.name}”: {exc.strerror or exc}.") from exc
    article = reader(data, name=path.name)
    article.source_name = path.name
    article.source_sha256 = hashlib.sha256(data).hexdigest()
    return article


def read_pasted(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    """Make an article from pasted text with optional metadata."""
    data = text.encode("utf-8")
    article = article_from_text(data, name="pasted text")
    if title:
        article.title = title
    article.outlet = outlet or None
    article.url = url or None
    article.published = published or None
    article.source_sha256 = hashlib.sha256(data).hexdigest()
    return article
