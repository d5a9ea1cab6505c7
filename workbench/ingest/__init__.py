"""Readers that turn a file or pasted text into an :class:`~workbench.model.Article`.

Every reader returns the exact text the user will see; ``Article.blocks`` are ranges of that
text in Python code points (line ends normalised to ``\\n``). Every failure is an
:class:`IngestError` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path

from workbench.model import Article

from .errors import IngestError
from .limits import MAX_FILE_BYTES, check_file_size
from .text import article_from_string

__all__ = [
    "MAX_BYTES",
    "READERS",
    "IngestError",
    "read_bytes",
    "read_pasted",
    "read_path",
    "reader_for",
]

#: Larger files are refused before they are read (see :mod:`.limits`).
MAX_BYTES = MAX_FILE_BYTES

Reader = Callable[[bytes, str], Article]

#: File suffix → "module:function" of a reader taking (bytes, file name). Readers are imported
#: on first use: trafilatura and pypdf cost about a second to import, the plain text reader none.
READERS: dict[str, str] = {
    ".txt": "text:read_text",
    ".text": "text:read_text",
    ".md": "md:read_markdown",
    ".markdown": "md:read_markdown",
    ".html": "web:read_html",
    ".htm": "web:read_html",
    ".docx": "word:read_docx",
    ".pdf": "pdf:read_pdf",
}


def reader_for(suffix: str) -> Reader | None:
    """The reader for a file suffix such as ``".md"``, or None when the format is unknown."""
    target = READERS.get(suffix.lower())
    if target is None:
        return None
    module_name, function = target.split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    reader: Reader = getattr(module, function)
    return reader


def _describe(path: Path) -> str:
    return path.name or str(path)


def read_path(path: str | Path) -> Article:
    """Read an article file; raise :class:`IngestError` with a clear message if it can't be."""
    path = Path(path)
    name = _describe(path)
    reader = reader_for(path.suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise IngestError(f"“{name}” is not a format the workbench can open (it opens {known}).")
    try:
        if not path.is_file():
            raise IngestError(f"“{name}” is not a file.")
        check_file_size(path.stat().st_size, name)
        with path.open("rb") as handle:
            # Read one byte past the limit in case the file grew after stat().
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise IngestError(f"Could not read “{name}”: {exc.strerror or exc}.") from exc
    check_file_size(len(data), name)
    return read_bytes(data, name, reader)


def read_bytes(data: bytes, name: str, reader: Reader | None = None) -> Article:
    """Read the bytes of a file called ``name``; only :class:`IngestError` comes out."""
    if reader is None:
        reader = reader_for(Path(name).suffix)
        if reader is None:
            raise IngestError(f"“{name}” is not a format the workbench can open.")
    check_file_size(len(data), name)
    try:
        article = reader(data, name)
    except IngestError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise IngestError(f"“{name}” is too deeply nested or too large to read.") from exc
    except Exception as exc:
        # The last line of defence: a library choked on a damaged file. The caller must only
        # ever see IngestError, with the library's complaint kept as the cause.
        raise IngestError(f"“{name}” could not be read: the file looks damaged.") from exc
    article.source_name = name
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
    article = article_from_string(text, name="pasted text")
    if title and title.strip():
        article.title = " ".join(title.split())
    article.outlet = outlet or None
    article.url = url or None
    article.published = published or None
    article.source_sha256 = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    return article
