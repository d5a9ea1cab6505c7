"""Python offsets and Qt's UTF-16 positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.ui.article.text_positions import Utf16Map


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_an_emoji_counts_twice_for_qt() -> None:
    text = "a🎉b"
    positions = Utf16Map(text)
    assert [positions.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [positions.from_qt(q) for q in (0, 1, 3, 4)] == [0, 1, 2, 3]


@given(st.text(alphabet=st.sampled_from("ab é€🎉📉\n"), max_size=40))
def test_conversion_matches_utf16_encoding_both_ways(text: str) -> None:
    positions = Utf16Map(text)
    for i in range(len(text) + 1):
        qt = positions.to_qt(i)
        assert qt == utf16_len(text[:i])
        assert positions.from_qt(qt) == i
