"""The ``workbench`` program: with no arguments the window opens at once; otherwise the command line runs."""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None, *, prog_name: str = "workbench") -> None:
    """Open the review desk, or hand the arguments to the command line."""
    args = sys.argv[1:] if argv is None else argv
    if args:
        from workbench.cli import main as cli

        cli(args, prog_name=prog_name)
        return
    # Start-up makes thousands of objects that live as long as the program, and no garbage:
    # collecting meanwhile only delays the window. ``workbench.app.start`` turns it back on.
    gc.disable()
    # Opening the window needs none of the command line's machinery (click and every command).
    from workbench.app import run_app

    sys.exit(run_app(db_path=os.environ.get("WORKBENCH_DB") or None))
