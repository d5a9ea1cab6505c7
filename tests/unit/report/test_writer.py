"""Atomic writes: no partial file, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.report import ExportError
from workbench.report.writer import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    write_atomic(target, "first")
    write_atomic(target, lambda: b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_failed_rendering_leaves_no_partial_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old report")

    def broken() -> bytes:
        raise ExportError("rendering failed")

    with pytest.raises(ExportError, match="rendering failed"):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(blocker / "r.pdf", "data")


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_atomic(tmp_path, "data")


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        folder = Path("/proc")  # even root cannot create files here
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(ExportError, match="Cannot write to the folder"):
        write_atomic(folder / "r.pdf", "data")


def test_written_file_gets_normal_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    target = write_atomic(tmp_path / "r.csv", "a,b\n")
    # mkstemp makes private files; an export gets what an ordinary save would.
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
