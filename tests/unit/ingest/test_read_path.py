"""``read_path``: refusals that come before any reader runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest import MAX_BYTES, IngestError, read_path


def test_unknown_extension_names_the_file_and_the_known_formats(tmp_path: Path) -> None:
    path = tmp_path / "notes.odt"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(IngestError, match=r"“notes\.odt” is not a format.*\.txt"):
        read_path(path)


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        # A sparse file: the size is checked before a byte is read, so this costs nothing.
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(IngestError, match=r"“huge\.txt” is 20 MB: too large"):
        read_path(path)
    assert MAX_BYTES == 15 * 1024 * 1024


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"“gone\.txt” is not a file"):
        read_path(tmp_path / "gone.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match=r"“folder\.txt” is not a file"):
        read_path(folder)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_with_absurdly_many_paragraphs_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"book{suffix}"
    path.write_text("Word.\n\n" * 20_001)
    with pytest.raises(IngestError, match=r"“book\.(txt|md)” has more than 20,000 paragraphs"):
        read_path(path)
