"""Attachment file names that can never point outside the folder they are written to."""

from __future__ import annotations

import re
import unicodedata

#: Most file systems allow 255 bytes per name; leave room for " (99)" when names collide.
MAX_NAME_BYTES = 240
FALLBACK = "attachment"
_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def safe_attachment_name(name: str | None) -> str:
    """A plain file name: no folders, no control characters, not hidden, not reserved, short."""
    name = unicodedata.normalize("NFC", name or "")
    # Only the last path part is kept, whatever the separator of the system it came from.
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("_", name).strip().strip(".").strip()
    if not name or _WINDOWS_RESERVED.match(name):
        name = f"{FALLBACK}-{name}" if name else FALLBACK
    return _shorten(name)


def _shorten(name: str) -> str:
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    return cut + suffix
