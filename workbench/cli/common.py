"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """Add ``--db PATH`` (default: $WORKBENCH_DB, then the platform data folder)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),
        envvar="WORKBENCH_DB",
        default=None,
        help="Database file (default: $WORKBENCH_DB, then the workbench's data folder).",
    )(func)


def json_option(func: F) -> F:
    """Add ``--json`` for tools."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for tools.")(func)


def print_json(data: object) -> None:
    """Print ``data`` as indented UTF-8 JSON."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 1) -> None:
    """Print one clear line on stderr and exit non-zero."""
    click.echo(f"workbench: {message}", err=True)
    sys.exit(code)
