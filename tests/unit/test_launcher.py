"""The ``workbench`` program opens the window without the command line, and runs commands with it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from workbench import __version__
from workbench.launcher import main


def test_no_arguments_open_the_window_on_the_database_of_the_environment(tmp_path) -> None:
    # The window must not wait for the command line's parser, nor for garbage collections.
    code = (
        "import gc, sys, workbench.app as app, workbench.launcher as launcher;"
        "app.run_app = lambda db_path: print(db_path, 'click' in sys.modules, gc.isenabled()) or 3;"
        "launcher.main([])"
    )
    db = str(tmp_path / "desk.sqlite3")
    env = {**os.environ, "WORKBENCH_DB": db}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 3, out.stderr
    assert out.stdout.split() == [db, "False", "False"]


def test_arguments_go_to_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out
