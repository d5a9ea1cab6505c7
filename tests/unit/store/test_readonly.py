"""Read-only files and folders open read-only; every edit is refused and the file stays as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.services.database import open_database
from workbench.store import ReadOnlyError, open_store
from workbench.store.errors import NotWritableError

# Run in a separate process, as an ordinary user when the tests run as root (root may write
# anywhere, so only an ordinary user shows what a read-only folder really does to SQLite).
PROBE = """
import json, sys
from workbench.services.database import open_database
from workbench.store import StoreError, ReadOnlyError
out = {}
try:
    store = open_database(sys.argv[1])
except StoreError as exc:
    print(json.dumps({"error": str(exc)})); sys.exit()
out["read_only"] = store.read_only
out["reason"] = store.read_only_reason
out["reviewers"] = [r.name for r in store.list_reviewers()]
out["found"] = [h.entity for h in store.search("Statistics")]
try:
    store.add_reviewer("Bo")
except ReadOnlyError as exc:
    out["refused"] = str(exc)
store.close()
print(json.dumps(out))
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make(path: Path) -> None:
    with open_store(path) as store:
        store.add_reviewer("Ana")
        store.set_setting("note", "Statistics office figures")


def _probe(db: Path) -> dict:
    """Open ``db`` in another process that cannot write to its folder."""
    folder = db.parent
    cmd = [sys.executable, "-c", PROBE, str(db)]
    if os.geteuid() == 0:
        if shutil.which("unshare") is None:
            pytest.skip("running as root without unshare: cannot make a folder read-only")
        # Root ignores permissions, so mount the folder read-only in a private mount namespace.
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        cmd = ["unshare", "--mount", "sh", "-c", script, "sh", str(folder), *cmd]
    else:
        folder.chmod(0o555)
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    finally:
        folder.chmod(0o755)
    return json.loads(out.stdout)


def test_read_only_file_opens_read_only_and_refuses_edits(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    _make(db)
    db.chmod(0o444)
    before = _sha(db)
    with pytest.raises(NotWritableError, match="the file is read-only"):
        open_store(db)
    with open_database(db) as store:
        assert store.read_only and store.read_only_reason == "the file is read-only"
        assert [r.name for r in store.list_reviewers()] == ["Ana"]
        with pytest.raises(ReadOnlyError, match=r"open read-only \(the file is read-only\)"):
            store.add_reviewer("Bo")
    assert _sha(db) == before


def test_wal_database_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "r.sqlite3"
    _make(db)
    assert not db.with_name("r.sqlite3-wal").exists()  # closed cleanly: nothing pending
    (folder / "r.sqlite3.lock").unlink()
    before = _sha(db)
    out = _probe(db)
    assert out["read_only"] is True
    assert out["reason"] in ("its folder is read-only", "the file is read-only")
    assert out["reviewers"] == ["Ana"]
    assert "open read-only" in out["refused"]
    assert _sha(db) == before
    assert out["found"] == []  # settings are not searched; the query ran without error
    assert sorted(p.name for p in folder.iterdir()) == ["r.sqlite3"]


def test_pending_log_in_a_read_only_folder_is_explained_not_ignored(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        store.add_reviewer("Ana")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.add_reviewer("Bo")  # committed to the log only
        copy = tmp_path / "copy"
        copy.mkdir()
        for name in ("r.sqlite3", "r.sqlite3-wal"):
            shutil.copyfile(tmp_path / name, copy / name)
    before = _sha(copy / "r.sqlite3")
    out = _probe(copy / "r.sqlite3")
    # Reading the file without its log would silently show Ana alone.
    assert "never folded into the file" in out["error"]
    assert _sha(copy / "r.sqlite3") == before
