"""Two processes on one database: the second writer is told clearly; readers lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.store import ReadOnlyError, open_store

WRITER = """
import sys
from workbench.store import open_store
with open_store(sys.argv[1]) as store:
    print("ready", flush=True)
    for n in range(int(sys.argv[2])):
        store.add_reviewer(f"Writer {n:04d}")
"""


def test_second_writer_process_gets_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        store.add_reviewer("Ana")
        out = subprocess.run(
            [sys.executable, "-m", "workbench", "--db", str(db), "reviewers", "add", "Bo"],
            capture_output=True,
            text=True,
        )
        assert out.returncode == 1
        assert "already open elsewhere" in out.stderr
        assert f"process {os.getpid()}" in out.stderr
        assert "Traceback" not in out.stderr
    # Once the first one closes, the second can write.
    with open_store(db) as store:
        assert [r.name for r in store.list_reviewers()] == ["Ana"]


def test_reader_alongside_a_writer_process_sees_every_commit_and_cannot_write(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.sqlite3"
    open_store(db).close()
    total = 300
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(total)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    seen = []
    with open_store(db, read_only=True) as reader:
        while writer.poll() is None:
            seen.append(len(reader.list_reviewers()))
            with pytest.raises(ReadOnlyError):
                reader.add_reviewer("Reader")
        writer.stdout.close()
        assert writer.wait() == 0
        names = [r.name for r in reader.list_reviewers()]
    assert seen == sorted(seen)  # never a step back
    assert names == [f"Writer {n:04d}" for n in range(total)]  # and no lost update
