"""Python string offsets count code points; Qt text positions count UTF-16 code units."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Utf16Map:
    """Converts between the two for one text, in O(log n) per call."""

    def __init__(self, text: str) -> None:
        # Only characters outside the Basic Multilingual Plane take two UTF-16 units.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._wide_qt_end = [i + k + 2 for k, i in enumerate(self._wide)]

    def to_qt(self, offset: int) -> int:
        """The Qt position of Python offset ``offset``."""
        return offset + bisect_left(self._wide, offset)

    def from_qt(self, position: int) -> int:
        """The Python offset of Qt position ``position`` (inside a surrogate pair: the character)."""
        return position - bisect_right(self._wide_qt_end, position)
