"""Block ranges always slice visible text, whatever the characters and line ends."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workbench.ingest import read_pasted, read_path

from .checks import assert_valid_article

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

EMOJI = ["😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "❤️", "🏳️‍🌈"]
COMBINED = ["e\u0301", "a\u0308", "n\u0303", "o\u0302\u0323", "ฑ\u0e31"]
LETTERS = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1
)
WORD = st.one_of(LETTERS, st.sampled_from(EMOJI), st.sampled_from(COMBINED)).map(
    lambda w: w if unicodedata.combining(w[0]) == 0 else "x" + w
)
PUNCT = st.sampled_from(["", "", ".", ",", "!", "?", "’s", "%"])
LINE = st.lists(st.tuples(WORD, PUNCT).map("".join), min_size=1, max_size=14).map(" ".join)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=4)
ARTICLE = st.tuples(
    st.lists(PARAGRAPH, min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["", " ", "\t"]),
)


def compose(paragraphs: list[list[str]], newline: str, indent: str) -> str:
    return (newline * 2).join(newline.join(indent + line for line in para) for para in paragraphs)


def covered(text: str, article_blocks: list[tuple[int, int]]) -> bool:
    inside = [False] * len(text)
    for start, end in article_blocks:
        for i in range(start, end):
            inside[i] = True
    return all(inside[i] or text[i].isspace() for i in range(len(text)))


@PROPERTY
@given(ARTICLE)
def test_pasted_text_blocks_slice_visible_text(parts: tuple[list[list[str]], str, str]) -> None:
    source = compose(*parts)
    article = read_pasted(source)
    assert_valid_article(article)
    # The user sees their own text, only with line ends normalised.
    assert article.text == source.replace("\r\n", "\n").replace("\r", "\n")
    for block in article.blocks:
        assert unicodedata.combining(article.text[block.start]) == 0
        assert article.text[block.end - 1] != "\u200d"
    # No visible character is left outside every block.
    assert covered(article.text, [(b.start, b.end) for b in article.blocks])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props")


@PROPERTY
@given(ARTICLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_file_blocks_match_pasted_blocks(
    workdir: Path, parts: tuple[list[list[str]], str, str], encoding: str
) -> None:
    source = compose(*parts)
    path = workdir / "article.txt"
    path.write_bytes(source.encode(encoding))
    from_file = read_path(path)
    assert_valid_article(from_file)
    pasted = read_pasted(source)
    assert from_file.text == pasted.text
    assert from_file.blocks == pasted.blocks


@PROPERTY
@given(ARTICLE)
def test_markdown_blocks_slice_visible_text(
    workdir: Path, parts: tuple[list[list[str]], str, str]
) -> None:
    paragraphs, newline, _indent = parts
    # "3." alone on a line is an empty numbered list item: Markdown shows nothing for it.
    assume(not any(re.fullmatch(r"\d+[.)]", line) for para in paragraphs for line in para))
    path = workdir / "article.md"
    path.write_bytes(compose(paragraphs, newline, "").encode("utf-8"))
    article = read_path(path)
    assert_valid_article(article)
    for block in article.blocks:
        assert unicodedata.combining(article.text[block.start]) == 0
    # Every word of the source is shown, in order.
    shown = article.text.split()
    words = compose(paragraphs, " ", "").split()
    assert shown == words
