"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from workbench.store import Store

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


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear line on stderr and exit non-zero."""
    click.echo(f"workbench: {message}", err=True)
    sys.exit(code)


def resolve_db(db: str | None) -> Path:
    """The database path: ``--db`` given on the command, then on the group, then $WORKBENCH_DB, then the default."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        root = ctx.find_root()
        typed_here = ctx.get_parameter_source("db") == click.core.ParameterSource.COMMANDLINE
        typed_on_group = (
            root is not ctx
            and root.get_parameter_source("db") == click.core.ParameterSource.COMMANDLINE
        )
        # $WORKBENCH_DB fills the subcommand's option too; a --db typed on the group wins over it.
        if typed_on_group and not typed_here:
            return Path(root.params["db"])
    if db:
        return Path(db)
    root_db = ctx.find_root().params.get("db") if ctx else None
    if root_db:
        return Path(root_db)
    from workbench.store import default_db_path

    return default_db_path()


@contextmanager
def opened_store(db: str | None, *, read_only: bool = False) -> Iterator[Store]:
    """Open the database for one command; lower-layer errors become one line and exit 1."""
    from workbench.store import open_store

    with handle_errors():
        store = open_store(resolve_db(db), read_only=read_only)
    try:
        with handle_errors():
            yield store
    finally:
        store.close()


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn the named errors of the lower layers into one clear line on stderr and exit 1."""
    from workbench.ingest import IngestError
    from workbench.store import StoreError

    try:
        yield
    except (StoreError, IngestError, ValueError) as exc:
        fail(str(exc))
    except Exception as exc:
        # Named errors of layers imported lazily (claims, report) carry a message for people too.
        if type(exc).__name__.endswith("Error") and type(exc).__module__.startswith("workbench."):
            fail(str(exc))
        raise
