"""``workbench --db DAMAGED --screenshot out.png``: one clear line, no traceback."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.damaged import build_healthy, root_page, wreck

#: Where a page is overwritten, as a share of the file's pages: the window may read some of
#: these places while it renders (then the screenshot is refused) and never touch others.
SHARES = (0.3, 0.6, 0.9)
#: Tables the window always reads while it renders: the page holding one's root is always met.
READ_TABLES = ("claims", "reviewers")


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_healthy(tmp_path_factory.mktemp("healthy") / "review.sqlite3")


def _screenshot(db: Path, home: Path) -> subprocess.CompletedProcess[str]:
    # A home of its own: nothing of the reviewer's (settings, backups) is read or written.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    command = [sys.executable, "-m", "workbench", "--db", str(db), "--screenshot"]
    return subprocess.run(
        [*command, str(home / "out.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_screenshot_of_a_damaged_file_is_one_clear_line(healthy: Path, tmp_path: Path) -> None:
    refused = 0
    places = [(f"at-{share}", share, None) for share in SHARES]
    places += [(table, 0.0, root_page(healthy, table)) for table in READ_TABLES]
    for name, share, page in places:
        folder = tmp_path / name
        folder.mkdir()
        path = wreck(healthy, folder, share, page=page)
        wrecked = path.read_bytes()
        result = _screenshot(path, folder)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, (share, output)
        if result.returncode == 0:
            # The window never read the damaged page: the picture is what the file shows.
            assert result.stderr == "", (share, result.stderr)
            assert result.stdout.startswith("Saved "), (share, output)
        else:
            refused += 1
            assert result.returncode == 1, (share, output)
            assert result.stdout == "", (share, output)
            lines = result.stderr.splitlines()
            assert len(lines) == 1, (share, result.stderr)
            assert lines[0].startswith("workbench: “review.sqlite3” is damaged"), lines[0]
            assert not (folder / "out.png").exists()
            # As the line says: the file was left untouched.
            assert _digest(path.read_bytes()) == _digest(wrecked)
    # The window reads the claims and the reviewers: a damaged page there is always met.
    assert refused >= len(READ_TABLES), "a damaged page the window reads went unnoticed"
