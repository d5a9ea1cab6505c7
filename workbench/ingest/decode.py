"""Turn the bytes of a text file into the exact text the user will see.

Decisions (documented here because every reader and the claim offsets depend on them):

* UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 with a byte-order mark are
  decoded as such. UTF-16 without a mark is recognised when half the bytes are NULs in a
  regular pattern (plain English text saved by some Windows tools), or when every NUL sits on
  the same side of its byte pair and the whole decodes as readable text (Cyrillic, Greek or
  other non-Latin text, where only spaces and punctuation have a NUL byte).
* Anything else is decoded as UTF-8 where it is valid and byte by byte as Windows-1252 where
  it is not, so a cp1252/latin-1 file reads correctly and a UTF-8 file with a few stray bytes
  loses nothing. The five bytes cp1252 leaves undefined become U+FFFD.
* Data with NUL bytes (outside UTF-16/32) or many control bytes is refused as binary.
* Line ends are normalised to ``\\n`` (CRLF, lone CR, NEL, U+2028) and U+2029 becomes a blank
  line; other invisible control characters are dropped; lone surrogates become U+FFFD.
  ``Article.text`` is this normalised text and every offset (blocks, claims) indexes it in
  Python code points.
"""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never occur in text (tab, LF, FF and CR are allowed).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# More than 1 in 100 control bytes: a binary file, whatever its name says.
_BINARY_RATIO = 0.01

_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes one by one as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    chars = "".join(
        "\ufffd" if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in chunk
    )
    return chars, exc.end


codecs.register_error("workbench-cp1252", _cp1252_fallback)

_NEWLINES = re.compile(r"\r\n?|[\x85\u2028]")
# C0/C1 controls except tab and newline, and lone surrogates; form feed and vertical tab
# separate text so they become newlines rather than vanishing.
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name if ``data`` looks like BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    # Non-Latin text: NULs only in the high byte of spaces and punctuation, so all on one side.
    codec = None
    if data[1::2].count(0) and not data[0::2].count(0):
        codec = "utf-16-le"
    elif data[0::2].count(0) and not data[1::2].count(0):
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    readable = sum(1 for char in text[:4096] if char.isprintable() or char in "\t\n\r")
    return codec if readable >= 0.98 * min(len(text), 4096) else None


def decode_bytes(data: bytes, *, name: str) -> str:
    """Decode the bytes of a text file; raise :class:`IngestError` if it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_text(data[len(bom) :].decode(codec))
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"“{name}” says it is {codec.upper()} text but is damaged at byte "
                    f"{exc.start + len(bom)}."
                ) from exc
    if b"\x00" in data:
        codec16 = _utf16_without_bom(data)
        if codec16 is None:
            raise IngestError(f"“{name}” looks like a binary file, not text.")
        try:
            return normalise_text(data.decode(codec16))
        except UnicodeDecodeError as exc:
            raise IngestError(f"“{name}” looks like a binary file, not text.") from exc
    controls = len(_CONTROL_BYTES.findall(data[:65536]))
    if controls > _BINARY_RATIO * min(len(data), 65536):
        raise IngestError(f"“{name}” looks like a binary file, not text.")
    return normalise_text(data.decode("utf-8", errors="workbench-cp1252"))


def normalise_text(text: str) -> str:
    """Normalise line ends and drop invisible control characters (see the module docstring)."""
    text = _NEWLINES.sub("\n", text)
    text = text.replace("\u2029", "\n\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = _DROP.sub("", text)
    return _SURROGATE.sub("\ufffd", text)
