"""Hostile input: every reader ends in IngestError or a valid article, never anything else."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.ingest import READERS, IngestError, read_path
from workbench.model import Article

from .checks import assert_valid_article
from .pdfbytes import make_pdf

SEED = Path(__file__).resolve().parents[3] / "seeds" / "kerry-putin-syria-talks.txt"
SUFFIXES = sorted(READERS)
# WORKBENCH_FUZZ_EXAMPLES raises the count for a long stress run; the suite stays fast.
FUZZ = settings(
    max_examples=int(os.environ.get("WORKBENCH_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Kerry meets Putin", style="Title")
    document.add_paragraph("Russia and the United States are well prepared, officials said.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2015"
    table.cell(0, 1).text = "250,000"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SAMPLES = {
    ".txt": SEED.read_bytes(),
    ".md": (
        b"# Kerry meets Putin\n\n*Standfirst here.*\n\n"
        b"Body with [a link](https://e.x) and **bold**.\n"
    ),
    ".html": (
        b"<html lang='en'><head><title>Kerry meets Putin</title></head><body><article>"
        b"<h1>Kerry meets Putin</h1><p>Russia and the United States are well prepared to "
        b"discuss Syria, officials said on Friday in Moscow.</p></article></body></html>"
    ),
    ".docx": _docx_bytes(),
    ".pdf": make_pdf([[(72, 720, 20, "Kerry meets Putin"), (72, 690, 11, "Body text here.")]]),
}


def outcome(path: Path, data: bytes) -> Article | IngestError:
    """Read ``data`` as ``path``; only IngestError may come out, and articles must be valid."""
    path.write_bytes(data)
    try:
        article = read_path(path)
    except IngestError as exc:
        assert path.name in str(exc)
        return exc
    assert_valid_article(article)
    return article


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(workdir: Path, suffix: str, data: bytes) -> None:
    outcome(workdir / f"random{suffix}", data)


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
@FUZZ
@given(cut=st.floats(min_value=0, max_value=1))
def test_truncated_files(workdir: Path, suffix: str, cut: float) -> None:
    sample = SAMPLES[suffix]
    outcome(workdir / f"truncated{suffix}", sample[: int(len(sample) * cut)])


@pytest.mark.parametrize("suffix", sorted(SAMPLES))
@FUZZ
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_files(workdir: Path, suffix: str, edits: list[tuple[float, int]]) -> None:
    data = bytearray(SAMPLES[suffix])
    for where, value in edits:
        data[min(int(where * len(data)), len(data) - 1)] = value
    outcome(workdir / f"damaged{suffix}", bytes(data))


ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1252",
    "latin-1",
    "shift_jis",
]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@FUZZ
@given(text=st.text(min_size=1, max_size=400), encoding=st.sampled_from(ENCODINGS))
def test_wrong_encodings(workdir: Path, suffix: str, text: str, encoding: str) -> None:
    outcome(workdir / f"encoded{suffix}", text.encode(encoding, errors="replace"))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_one_huge_line(workdir: Path, suffix: str) -> None:
    line = (
        "Officials said the figure rose by 12% in 2015 and Reuters/Andrew Kelly " * 40_000
    ).encode()
    assert len(line) > 2_500_000 and b"\n" not in line
    started = time.perf_counter()
    result = outcome(workdir / f"line{suffix}", line)
    # A generous bound: a pathological regex would take minutes, not seconds.
    assert time.perf_counter() - started < 60
    if isinstance(result, Article):
        assert len(result.blocks) >= 1
